"""`open_store` and the `Store` class: the one object callers use to write and read results.

A thin façade that owns the engine and the transactions; SQL lives in `writer.py` (writes)
and `queries.py` (reads), connection set-up in `engine.py`, schema changes in `migrations.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import partial
from types import TracebackType
from typing import TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from eventwire.errors import StoreError
from eventwire.records import ArticleResult
from eventwire.settings import StoreSettings
from eventwire.store import migrations, queries, writer
from eventwire.store.engine import create_store_engine, describe, resolve_url
from eventwire.store.models import (
    Page,
    PageJSON,
    StoredArticle,
    StoredClaim,
    StoredEvent,
    StoreStats,
    UpsertCounts,
)
from eventwire.store.queries import ClaimFilter, EventFilter, Order

R = TypeVar("R")


def open_store(
    url: str = "eventwire.db", *, readonly: bool = False, settings: StoreSettings | None = None
) -> Store:
    """Open (and create or migrate, unless read-only) the database at a path or URL.

    `url` is a file path (SQLite), `sqlite:///path`, or `postgresql://user:pass@host:port/db`.
    Raises StoreError EW040 when it cannot be opened and EW041 when its schema is newer than
    this eventwire.
    """
    settings = settings or StoreSettings()
    engine = create_store_engine(url, readonly=readonly, settings=settings)
    where = describe(resolve_url(url))
    try:
        if readonly:
            migrations.check_version(engine, where)
        else:
            migrations.migrate(engine, where)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, where=where, readonly=readonly, settings=settings)


class Store:
    """Results of eventwire in SQLite or PostgreSQL: idempotent writes, filtered paginated reads."""

    def __init__(self, engine: Engine, *, where: str, readonly: bool, settings: StoreSettings) -> None:
        self.engine = engine
        self.where = where
        self.readonly = readonly
        self.settings = settings

    @property
    def dialect(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.where!r}, readonly={self.readonly})"

    def _read(self, fn: Callable[[Connection], R]) -> R:
        # One connection (and one snapshot) per call; driver errors become StoreError.
        try:
            with self.engine.connect() as conn:
                return fn(conn)
        except DBAPIError as exc:
            raise StoreError(f"cannot read {self.where}: {exc.orig}") from None

    # --- writes ----------------------------------------------------------------------------

    def upsert_results(self, results: Sequence[ArticleResult]) -> UpsertCounts:
        """Store a batch in ONE transaction; re-storing an article replaces what it had.

        On any exception (KeyboardInterrupt included) the transaction is rolled back, so the
        database holds whole batches only.
        """
        if self.readonly:
            raise StoreError(
                f"{self.where} was opened read-only; open it without readonly to write", code="EW043"
            )
        if not results:
            return UpsertCounts()
        try:
            with self.engine.begin() as conn:
                return writer.write_results(conn, results)
        except DBAPIError as exc:
            raise StoreError(
                f"cannot write to {self.where}: {exc.orig}; nothing from this batch was stored"
            ) from None

    # --- reads -----------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self._read(lambda conn: queries.has_article(conn, article_id))

    def counts(self) -> dict[str, int]:
        """Rows per table: articles, events, claims, actors, places."""
        return self._read(queries.counts)

    def schema_version(self) -> int:
        return self._read(queries.schema_version_of)

    def query_events(
        self,
        f: EventFilter,
        *,
        limit: int = 100,
        cursor: str | None = None,
        order: Order = "date_desc",
    ) -> Page[StoredEvent]:
        """One page of events matching `f`; pass `next_cursor` back for the next page (EW050 if invalid)."""
        return self._read(
            lambda conn: queries.query_events(
                conn, f, limit=limit, cursor=cursor, order=order, max_limit=self.settings.max_page_size
            )
        )

    def query_events_json(
        self,
        f: EventFilter,
        *,
        limit: int = 100,
        cursor: str | None = None,
        order: Order = "date_desc",
    ) -> PageJSON:
        """`query_events` already serialised to JSON (what the HTTP API sends), without parsing rows."""
        return self._read(
            lambda conn: queries.query_events_json(
                conn, f, limit=limit, cursor=cursor, order=order, max_limit=self.settings.max_page_size
            )
        )

    def iter_events(
        self, f: EventFilter, *, order: Order = "date_desc", limit: int | None = None
    ) -> Iterator[StoredEvent]:
        """Every event matching `f` (or the first `limit`), streamed page by page (for exports)."""
        cursor: str | None = None
        left = limit
        while left is None or left > 0:
            size = (
                self.settings.export_page_size if left is None else min(left, self.settings.export_page_size)
            )
            page = self.query_events(f, limit=size, cursor=cursor, order=order)
            yield from page.items
            if page.next_cursor is None:
                return
            cursor = page.next_cursor
            if left is not None:
                left -= len(page.items)

    def get_event(self, event_id: str) -> StoredEvent | None:
        return self._read(lambda conn: queries.get_event(conn, event_id))

    def query_claims(
        self,
        f: ClaimFilter,
        limit: int = 100,
        cursor: str | None = None,
        *,
        order: Order = "date_desc",
    ) -> Page[StoredClaim]:
        """One page of claims matching `f`, newest article first; keyset-paginated like events."""
        return self._read(
            lambda conn: queries.query_claims(
                conn, f, limit=limit, cursor=cursor, order=order, max_limit=self.settings.max_page_size
            )
        )

    def get_article(self, article_id: str) -> StoredArticle | None:
        return self._read(lambda conn: queries.get_article(conn, article_id))

    def iter_article_ids(self) -> Iterator[str]:
        """Every stored article id, in id order, fetched page by page."""
        after: str | None = None
        size = self.settings.export_page_size
        while True:
            ids = self._read(partial(queries.article_ids_after, after=after, limit=size))
            yield from ids
            if len(ids) < size:
                return
            after = ids[-1]

    def stats(self, f: EventFilter | None = None) -> StoreStats:
        """Counts of matching events by type, sub-type, country, status and week, plus table totals."""
        return self._read(lambda conn: queries.stats(conn, f))
