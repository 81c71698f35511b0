"""Cheap sentence splitting with character offsets, before any model runs.

Holds the rule-based splitter used to decide what to parse; it does not tag or parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import spacy
from spacy.language import Language

# Lines are hard boundaries: scraped text puts titles, standfirsts and captions on lines of
# their own without final punctuation.
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class SentenceSpan:
    start: int
    end: int


class SentenceSplitter:
    """Rule-based splitter (spaCy's `sentencizer` on a blank English tokenizer)."""

    def __init__(self) -> None:
        self._nlp: Language = spacy.blank("en")
        self._nlp.add_pipe("sentencizer")

    def split(self, text: str, max_chars: int) -> list[SentenceSpan]:
        return list(self._iter_spans(text, max_chars))

    def _iter_spans(self, text: str, max_chars: int) -> Iterator[SentenceSpan]:
        for line in _LINE.finditer(text):
            if not line.group().strip():
                continue
            doc = self._nlp(line.group())
            for sent in doc.sents:
                start = line.start() + sent.start_char
                end = line.start() + sent.end_char
                # Over-long "sentences" (tables, lists) are cut so one never stalls the parser.
                while end - start > max_chars:
                    yield SentenceSpan(start, start + max_chars)
                    start += max_chars
                if text[start:end].strip():
                    yield SentenceSpan(start, end)
