"""The annotate stage: one batched spaCy pass over the sentences that need a parse.

Holds `Annotator` and the records it produces; it does not extract anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, Protocol, runtime_checkable

from spacy.tokens import Doc

from eventwire.annotate.model import load_pipeline
from eventwire.annotate.ruler import speed_up_attribute_ruler
from eventwire.annotate.sentences import SentenceSpan, SentenceSplitter
from eventwire.records import Article
from eventwire.settings import AnnotateSettings

# The pipeline component that finds named entities; the rest (tok2vec, tagger, parser,
# attribute_ruler, lemmatizer) make the parse.
NER = "ner"


class Need(IntEnum):
    """How much annotation a sentence gets."""

    TOKENS = 0  # tokenised only: no tags, parse or entities
    PARSE = 1  # tags, lemmas and dependency parse, no named entities
    FULL = 2  # the whole pipeline, named entities included


# Decides from the raw sentence text whether a sentence is worth a full parse.
SentenceSelector = Callable[[str], bool]


@runtime_checkable
class TieredSelector(Protocol):
    """A selector that can also say a sentence needs a parse but no named entities."""

    def __call__(self, sentence: str) -> bool: ...

    def need(self, sentence: str) -> Need: ...

    def entities_needed(self, doc: Doc) -> bool:
        """For a FULL sentence after its parse: whether NER should still run on it."""
        ...


@dataclass(frozen=True)
class AnnotatedSentence:
    index: int
    start: int  # character offset of the sentence in Article.text
    end: int
    doc: Doc  # parsed when `parsed`, otherwise tokenised only
    parsed: bool

    @property
    def text(self) -> str:
        return self.doc.text


@dataclass(frozen=True)
class AnnotatedArticle:
    article: Article
    sentences: list[AnnotatedSentence]

    @property
    def parsed(self) -> list[AnnotatedSentence]:
        return [s for s in self.sentences if s.parsed]


def select_all(_: str) -> bool:
    return True


def _always(_: Doc) -> bool:
    return True


class Annotator:
    """Splits articles into sentences and annotates the selected ones in one batched pass.

    A plain selector (`str -> bool`) gets the whole pipeline on every selected sentence; a
    `TieredSelector` may ask for a parse without named entities (NER is about half of the
    model's cost), and decides after the parse whether a possible event sentence still needs
    them. Unselected sentences are only tokenised. With `parse_mode="full"` or no
    selector every sentence gets the whole pipeline.
    """

    def __init__(self, settings: AnnotateSettings, selector: SentenceSelector | None = None) -> None:
        self.settings = settings
        self.nlp = load_pipeline(settings.model)
        # Same annotations, a fraction of the stock Matcher's cost (see ruler.py).
        speed_up_attribute_ruler(self.nlp)
        self.splitter = SentenceSplitter()
        full = settings.parse_mode == "full" or selector is None
        self.selector: SentenceSelector = select_all if full else selector  # type: ignore[assignment]
        self._need: Callable[[str], Need] = self._need_of_bool
        self._entities_needed: Callable[[Doc], bool] = _always
        if isinstance(self.selector, TieredSelector):
            self._need = self.selector.need
            self._entities_needed = self.selector.entities_needed
        self._ner = NER in self.nlp.pipe_names

    def _need_of_bool(self, sentence: str) -> Need:
        return Need.FULL if self.selector(sentence) else Need.TOKENS

    def annotate(self, articles: Sequence[Article]) -> list[AnnotatedArticle]:
        spans = [self.splitter.split(a.text, self.settings.max_sentence_chars) for a in articles]
        wanted: list[tuple[int, int]] = []  # (article index, sentence index) to parse
        texts: list[str] = []
        entities: list[bool] = []  # per wanted sentence: run NER on it too
        for ai, (article, article_spans) in enumerate(zip(articles, spans, strict=True)):
            for si, span in enumerate(article_spans):
                sentence = article.text[span.start : span.end]
                need = self._need(sentence)
                if need > Need.TOKENS:
                    wanted.append((ai, si))
                    texts.append(sentence)
                    entities.append(need >= Need.FULL)
        parsed = dict(zip(wanted, self._parse(texts, entities), strict=True))
        return [
            AnnotatedArticle(article, self._sentences(ai, article, article_spans, parsed))
            for ai, (article, article_spans) in enumerate(zip(articles, spans, strict=True))
        ]

    def _parse(self, texts: list[str], entities: list[bool]) -> list[Doc]:
        """Docs for `texts` in order: parsed, and with entities where `entities` says so."""
        batch = self.settings.batch_size
        if not self._ner or (all(entities) and self._entities_needed is _always):
            return list(self.nlp.pipe(texts, batch_size=batch))
        docs = list(self.nlp.pipe(texts, batch_size=batch, disable=[NER]))
        with_entities = [
            doc for doc, wanted in zip(docs, entities, strict=True) if wanted and self._entities_needed(doc)
        ]
        if with_entities:
            # NER keeps its own tok2vec, so it runs on the parsed Docs as a separate pass.
            ner: Any = self.nlp.get_pipe(NER)
            for _ in ner.pipe(with_entities, batch_size=batch):
                pass
        return docs

    def _sentences(
        self,
        ai: int,
        article: Article,
        spans: list[SentenceSpan],
        parsed: dict[tuple[int, int], Doc],
    ) -> list[AnnotatedSentence]:
        out = []
        for si, span in enumerate(spans):
            doc = parsed.get((ai, si))
            is_parsed = doc is not None
            if doc is None:
                doc = self.nlp.make_doc(article.text[span.start : span.end])
            out.append(AnnotatedSentence(si, span.start, span.end, doc, is_parsed))
        return out
