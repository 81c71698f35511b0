"""Idempotent writes: store a batch of ArticleResults inside one caller-held transaction.

Re-storing an article replaces its events, claims and places, so storing the same result
twice changes nothing. Row conversion is in `rows.py`; opening and transactions in `store.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, delete
from sqlalchemy.dialects import postgresql, sqlite

from eventwire.errors import StoreError
from eventwire.records import ArticleResult
from eventwire.store import rows
from eventwire.store.models import UpsertCounts
from eventwire.store.schema import actors, articles, claims, events, places

T = TypeVar("T")
_CHUNK = 500  # ids per IN (...) list: well under every driver's parameter limit


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _insert(conn: Connection, table: Table) -> Any:
    return (postgresql if conn.dialect.name == "postgresql" else sqlite).insert(table)


def _upsert(
    conn: Connection, table: Table, values: list[dict[str, Any]], *, update: bool, keep: tuple[str, ...] = ()
) -> None:
    """INSERT … ON CONFLICT (primary key) DO UPDATE (or DO NOTHING) for many rows; `keep` columns stay."""
    if not values:
        return
    stmt = _insert(conn, table)
    keys = [c.name for c in table.primary_key.columns]
    if update:
        changed = {
            c.name: stmt.excluded[c.name] for c in table.columns if c.name not in keys and c.name not in keep
        }
        stmt = stmt.on_conflict_do_update(index_elements=keys, set_=changed)
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=keys)
    conn.execute(stmt, values)


def _last_wins(results: Iterable[ArticleResult]) -> list[ArticleResult]:
    latest: dict[str, ArticleResult] = {}
    for r in results:
        latest.pop(r.article.id, None)
        latest[r.article.id] = r
    return list(latest.values())


def _check_references(result: ArticleResult) -> None:
    claim_ids = {c.id for c in result.claims}
    for ev in result.events:
        if ev.claim_id is not None and ev.claim_id not in claim_ids:
            raise StoreError(
                f"article {result.article.id}: event {ev.id} refers to claim {ev.claim_id}, which is not "
                "among the article's claims; nothing in this batch was stored (an extraction bug: report it)",
                code="EW042",
            )


def write_results(conn: Connection, results: Sequence[ArticleResult]) -> UpsertCounts:
    """Store `results` on `conn` (inside the caller's transaction); return what was written."""
    batch = _last_wins(results)
    for result in batch:
        _check_references(result)
    now = datetime.now(UTC)
    ids = [r.article.id for r in batch]
    # Children first (events refer to claims, everything refers to articles).
    for chunk in _chunks(ids, _CHUNK):
        for table in (events, claims, places):
            conn.execute(delete(table).where(table.c.article_id.in_(chunk)))

    actor_rows: dict[str, dict[str, Any]] = {}
    claim_rows: dict[str, dict[str, Any]] = {}
    event_rows: dict[str, dict[str, Any]] = {}
    place_rows: list[dict[str, Any]] = []
    for r in batch:
        a = r.article
        for i, claim in enumerate(r.claims):
            claim_rows[claim.id] = rows.claim_row(claim, a, i)
            if claim.speaker is not None:
                actor_rows.setdefault(rows.actor_id(claim.speaker), rows.actor_row(claim.speaker))
        for i, ev in enumerate(r.events):
            event_rows[ev.id] = rows.event_row(ev, a, i)
            for actor in (ev.actor1, ev.actor2):
                if actor is not None:
                    actor_rows.setdefault(rows.actor_id(actor), rows.actor_row(actor))
        place_rows.extend(rows.place_row(p, a, i) for i, p in enumerate(r.places))

    _upsert(
        conn, articles, [rows.article_row(r.article, now) for r in batch], update=True, keep=("ingested_at",)
    )
    # Actors are shared across articles and identified by their content: first write wins.
    _upsert(conn, actors, list(actor_rows.values()), update=False)
    # An id seen in another article moves here (ids are meant to be unique; this keeps writes total).
    _upsert(conn, claims, list(claim_rows.values()), update=True)
    _upsert(conn, events, list(event_rows.values()), update=True)
    if place_rows:
        conn.execute(places.insert(), place_rows)
    return UpsertCounts(
        articles=len(batch),
        events=len(event_rows),
        claims=len(claim_rows),
        places=len(place_rows),
        actors=len(actor_rows),
    )
