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
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# A page's dateline run into its text when the markup was stripped: "... Monitor AFP Sunday 5 Jun
# 2016 Dozens of ...", "Date of publication 30 September 2017 Four children ...". A full date
# that no preposition or determiner introduces, followed by a capitalised word, ends a piece.
_INTRODUCERS = frozenset(
    {"on", "in", "by", "the", "of", "since", "until", "from", "to", "before", "after", "between", "and", "or"}
)
_FULL_DATE = (
    rf"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?"
    rf"(?:\d{{1,2}} {_MONTH}\.?|{_MONTH}\.? \d{{1,2}},?) (?:19|20)\d\d\b"
)
FULL_DATE = re.compile(_FULL_DATE)  # "Sunday 5 Jun 2016", "February 23 2015"
_DATELINE = re.compile(rf"{_FULL_DATE}(?= +[A-Z\"“])")


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
                for start, end in _after_datelines(line.start() + sent.start_char, sent.text):
                    # Over-long "sentences" (tables, lists) are cut so one never stalls the parser.
                    while end - start > max_chars:
                        yield SentenceSpan(start, start + max_chars)
                        start += max_chars
                    if text[start:end].strip():
                        yield SentenceSpan(start, end)


def _after_datelines(offset: int, sentence: str) -> Iterator[tuple[int, int]]:
    """The sentence's pieces, cut after each run-in dateline that has words before it (a date
    opening the text stays with what follows: "28 July 2015 Syrian rebels launched ...")."""
    start = 0
    for match in _DATELINE.finditer(sentence):
        before = sentence[start : match.start()].split()
        if before and before[-1].lower() not in _INTRODUCERS and not before[-1].endswith(","):
            yield offset + start, offset + match.end()
            start = match.end()
            while start < len(sentence) and sentence[start].isspace():
                start += 1  # the next piece starts at its first word
    yield offset + start, offset + len(sentence)
