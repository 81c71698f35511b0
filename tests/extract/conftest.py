"""Session fixtures of the extract tests: pipeline, gazetteers and Extractor, each loaded once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language

from eventwire.annotate import Annotator
from eventwire.records import Article, ArticleResult
from eventwire.settings import Settings

PUBLISHED = date(2020, 5, 5)  # a Tuesday: "on Monday" is 2020-05-04


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def extractor(settings: Settings):  # type: ignore[no-untyped-def]
    try:
        from eventwire.extract import Extractor
        from eventwire.resolve.resources import Resources

        resources = Resources.load(settings)
    except ImportError as exc:  # the geocoder package of resolve/ is not installed in this checkout yet
        pytest.skip(f"resources unavailable: {exc}")
    return Extractor(resources, settings.extract)


@pytest.fixture(scope="session")
def annotator(settings: Settings, extractor) -> Annotator:  # type: ignore[no-untyped-def]
    return Annotator(settings.annotate, extractor.sentence_selector())


@pytest.fixture(scope="session")
def nlp(annotator: Annotator) -> Language:
    """The one loaded spaCy pipeline (the annotator's)."""
    return annotator.nlp


@pytest.fixture(scope="session")
def run_text(annotator: Annotator, extractor) -> Callable[..., ArticleResult]:  # type: ignore[no-untyped-def]
    def run(text: str, published: date | None = PUBLISHED, article_id: str = "t") -> ArticleResult:
        article = Article(id=article_id, text=text, published=published)
        result: ArticleResult = extractor.extract(annotator.annotate([article])[0])
        return result

    return run
