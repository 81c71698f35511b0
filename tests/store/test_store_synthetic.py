"""Synthetic benchmark records: exact size, reproducible, valid, varied, and storable."""

from __future__ import annotations

from collections import Counter

import pytest

from eventwire.records import ArticleResult
from eventwire.store import EventFilter, Store
from eventwire.store.synthetic import generate_results
from eventwire.taxonomy import acled_taxonomy


@pytest.mark.parametrize("n", [1, 7, 500])
def test_exact_number_of_events(n: int) -> None:
    assert sum(len(r.events) for r in generate_results(n, seed=1)) == n


def test_same_seed_same_records() -> None:
    assert list(generate_results(200, seed=5)) == list(generate_results(200, seed=5))
    assert list(generate_results(200, seed=5)) != list(generate_results(200, seed=6))


def test_records_are_valid_and_varied() -> None:
    results = list(generate_results(2000, seed=2))
    tax = acled_taxonomy()
    events = [e for r in results for e in r.events]
    for r in results:
        ArticleResult.model_validate_json(r.model_dump_json())
        for e in r.events:
            assert tax.type_of(e.sub_type) == e.type
            assert r.article.text[e.evidence.start : e.evidence.end] == e.evidence.sentence
            if e.trigger is not None:
                assert r.article.text[e.trigger.start : e.trigger.end] == e.trigger.text
        claim_ids = {c.id for c in r.claims}
        assert all(e.claim_id in claim_ids for e in r.events if e.claim_id)
    assert len(Counter(e.type for e in events)) == 6
    assert len(Counter(e.location.country for e in events if e.location)) >= 15
    assert len(Counter(e.status for e in events)) == 7
    assert len({e.date.value[:4] for e in events if e.date and e.date.value}) >= 5


def test_synthetic_records_store_and_query(store: Store) -> None:
    results = list(generate_results(300, seed=3))
    store.upsert_results(results)
    assert store.counts()["events"] == 300
    assert sum(1 for _ in store.iter_events(EventFilter(country="SYR"))) == sum(
        1 for r in results for e in r.events if e.location and e.location.country == "SYR"
    )
