"""The runner's process pool: forked workers share the parent's models and keep input order."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.bench import generate_corpus
from eventwire.records import ArticleResult
from eventwire.runner import Processor, process_articles
from eventwire.settings import BenchSettings, Settings


def _summary(batches: list[list[ArticleResult]]) -> list[tuple[str, int, int, int]]:
    return [(r.article.id, len(r.events), len(r.claims), len(r.places)) for b in batches for r in b]


@pytest.mark.slow
def test_two_processes_give_the_same_results_in_the_same_batches() -> None:
    base = Settings()
    settings = replace(base, annotate=replace(base.annotate, batch_size=8))
    articles = list(generate_corpus(BenchSettings(corpus_articles=20)))
    processor = Processor(settings)
    one = list(process_articles(articles, settings, processes=1, processor=processor))
    timing: dict[str, float] = {}
    two = list(process_articles(articles, settings, processes=2, processor=processor, stage_seconds=timing))
    assert [len(b) for b in two] == [len(b) for b in one] == [8, 8, 4]
    assert _summary(two) == _summary(one)
    assert [r.model_dump() for b in two for r in b] == [r.model_dump() for b in one for r in b]
    assert timing["annotate"] > 0 and timing["extract"] > 0


def test_early_close_stops_the_pool() -> None:
    base = Settings()
    settings = replace(base, annotate=replace(base.annotate, batch_size=4))
    articles = list(generate_corpus(BenchSettings(corpus_articles=12)))
    batches = process_articles(articles, settings, processes=2, processor=Processor(settings))
    first = next(batches)
    batches.close()  # what a consumer that stops early (Ctrl-C) does
    assert [r.article.id for r in first] == [a.id for a in articles[:4]]
