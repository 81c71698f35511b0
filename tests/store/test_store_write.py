"""Writes: idempotent upserts, replacement on re-store, whole-batch transactions, read-only stores."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from itertools import islice
from pathlib import Path

import pytest
from sqlalchemy import select
from store_records import article_a, article_b, article_c, corpus

from eventwire.errors import StoreError
from eventwire.records import ArticleResult
from eventwire.store import EventFilter, Store, open_store
from eventwire.store.schema import articles
from eventwire.store.synthetic import generate_results


def _dump(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the event/claim/place/actor/article tables, for before/after comparison."""
    from eventwire.store import schema

    with store.engine.connect() as conn:
        return {
            name: sorted(tuple(r) for r in conn.execute(select(getattr(schema, name))))
            for name in ("articles", "events", "claims", "actors", "places")
        }


def test_counts_after_upsert(store: Store) -> None:
    counts = store.upsert_results(corpus())
    assert (counts.articles, counts.events, counts.claims, counts.places) == (3, 7, 2, 2)
    # Actors: Israel, militia, students, police, and the two claim speakers.
    assert store.counts() == {"articles": 3, "events": 7, "claims": 2, "actors": 6, "places": 2}


def test_upsert_twice_changes_nothing(store: Store) -> None:
    store.upsert_results(corpus())
    before = _dump(store)
    store.upsert_results(corpus())
    store.upsert_results([article_b()])
    assert _dump(store) == before


def test_same_article_twice_in_one_batch_keeps_the_last(store: Store) -> None:
    a = article_a()
    fewer = a.model_copy(update={"events": a.events[:1]})
    store.upsert_results([a, fewer])
    assert store.counts()["events"] == 1


def test_restore_replaces_events_claims_places(store: Store) -> None:
    store.upsert_results(corpus())
    a = article_a()
    smaller = ArticleResult(article=a.article, events=a.events[:1], claims=[], places=a.places[:1])
    store.upsert_results([smaller])
    stored = store.get_article("art-a")
    assert stored is not None
    assert [e.id for e in stored.events] == ["ev-a1"]
    assert stored.claims == [] and stored.places == a.places[:1]
    assert store.counts()["events"] == 5 and store.counts()["claims"] == 1


@pytest.mark.parametrize("make", [article_a, article_b, article_c])
def test_get_article_round_trips(store: Store, make: object) -> None:
    result = make()  # type: ignore[operator]
    store.upsert_results([result])
    stored = store.get_article(result.article.id)
    assert stored is not None
    assert (
        ArticleResult(
            article=stored.article, events=stored.events, claims=stored.claims, places=stored.places
        )
        == result
    )
    assert store.has_article(result.article.id)
    assert not store.has_article("missing")
    assert store.get_article("missing") is None


def test_failed_batch_commits_nothing(store: Store) -> None:
    store.upsert_results([article_c()])
    before = _dump(store)
    b = article_b()
    dangling = b.model_copy(update={"claims": []})  # its event still points at claim-b1
    with pytest.raises(StoreError) as info:
        store.upsert_results([article_a(), dangling])
    assert info.value.code == "EW042"
    assert "claim-b1" in str(info.value)
    assert _dump(store) == before


def test_database_error_mid_batch_rolls_back(store: Store) -> None:
    """A failure after some rows were written (an event id clash inside one statement's
    constraint) must leave the earlier rows of the batch uncommitted."""
    store.upsert_results([article_c()])
    before = _dump(store)
    a = article_a()
    bad = a.model_copy(update={"events": [*a.events, a.events[0].model_copy(update={"type": None})]})
    with pytest.raises(StoreError) as info:
        store.upsert_results([article_b(), bad])
    assert info.value.code == "EW040" and "nothing from this batch was stored" in str(info.value)
    assert _dump(store) == before


def test_readonly_store_refuses_writes(db_url: str) -> None:
    with open_store(db_url) as s:
        s.upsert_results([article_c()])
    with open_store(db_url, readonly=True) as ro:
        assert ro.counts()["events"] == 1
        with pytest.raises(StoreError) as info:
            ro.upsert_results([article_a()])
        assert info.value.code == "EW043"


def test_empty_batch(store: Store) -> None:
    assert store.upsert_results([]).articles == 0
    assert store.counts()["articles"] == 0


def test_fts_rows_follow_articles(tmp_path: Path) -> None:
    """SQLite's contentless FTS index must hold exactly one row per article after re-stores."""
    with open_store(str(tmp_path / "f.db")) as s:
        s.upsert_results(corpus())
        s.upsert_results(corpus())
        with s.engine.connect() as conn:
            n = conn.exec_driver_sql("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'students'")
            assert n.scalar() == 1
            assert conn.execute(select(articles.c.id)).all() != []


_WRITER = textwrap.dedent(
    """
    import sys
    from itertools import islice
    from eventwire.store import open_store
    from eventwire.store.synthetic import generate_results
    store = open_store(sys.argv[1])
    results = generate_results(1_000_000, seed=7)
    while batch := list(islice(results, 40)):
        store.upsert_results(batch)
        print("batch", flush=True)
    """
)


def test_killed_writer_leaves_whole_batches(tmp_path: Path) -> None:
    """SIGKILL a writing process mid-run: every stored article must have all its rows."""
    db = tmp_path / "killed.db"
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(db)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    batches = 0
    deadline = time.monotonic() + 60
    while batches < 3 and time.monotonic() < deadline:
        if proc.stdout.readline().startswith("batch"):
            batches += 1
    time.sleep(0.05)  # land the kill inside a later transaction, not between two
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert batches >= 3
    with open_store(str(db)) as s:
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            stored = set(conn.execute(select(articles.c.id)).scalars())
            per_article: dict[str, int] = dict(
                conn.exec_driver_sql("SELECT article_id, count(*) FROM events GROUP BY article_id").all()
            )
        assert len(stored) >= 120 and len(stored) % 40 == 0
        expected = {
            r.article.id: len(r.events) for r in islice(generate_results(1_000_000, seed=7), len(stored))
        }
        assert set(expected) == stored
        assert per_article == expected
        assert s.counts()["events"] == sum(expected.values())
        assert sum(1 for _ in s.iter_events(EventFilter())) == sum(expected.values())
