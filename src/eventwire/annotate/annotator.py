"""The annotate stage: one `nlp.pipe` pass over the sentences that need a parse.

Holds `Annotator` and the records it produces; it does not extract anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from eventwire.annotate.model import load_pipeline
from eventwire.annotate.sentences import SentenceSpan, SentenceSplitter
from eventwire.records import Article
from eventwire.settings import AnnotateSettings

# Decides from the raw sentence text whether a sentence is worth a full parse.
SentenceSelector = Callable[[str], bool]


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


class Annotator:
    """Splits articles into sentences and parses the selected ones in one batched pass."""

    def __init__(self, settings: AnnotateSettings, selector: SentenceSelector | None = None) -> None:
        self.settings = settings
        self.nlp = load_pipeline(settings.model)
        self.splitter = SentenceSplitter()
        full = settings.parse_mode == "full" or selector is None
        self.selector: SentenceSelector = select_all if full else selector  # type: ignore[assignment]

    def annotate(self, articles: Sequence[Article]) -> list[AnnotatedArticle]:
        spans = [self.splitter.split(a.text, self.settings.max_sentence_chars) for a in articles]
        wanted: list[tuple[int, int]] = []  # (article index, sentence index) to parse
        texts: list[str] = []
        for ai, (article, article_spans) in enumerate(zip(articles, spans, strict=True)):
            for si, span in enumerate(article_spans):
                sentence = article.text[span.start : span.end]
                if self.selector(sentence):
                    wanted.append((ai, si))
                    texts.append(sentence)
        parsed = dict(zip(wanted, self.nlp.pipe(texts, batch_size=self.settings.batch_size), strict=True))
        return [
            AnnotatedArticle(article, self._sentences(ai, article, article_spans, parsed))
            for ai, (article, article_spans) in enumerate(zip(articles, spans, strict=True))
        ]

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
