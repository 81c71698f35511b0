"""The store stage: results in SQLite (default) or PostgreSQL, written idempotently, read by filter.

Public surface only; the engine, schema, writes and queries live in the modules named below.
"""

from eventwire.store.models import (
    ArticleMeta,
    Page,
    PageJSON,
    StoredArticle,
    StoredClaim,
    StoredEvent,
    StoreStats,
    UpsertCounts,
)
from eventwire.store.queries import ClaimFilter, EventFilter, Order
from eventwire.store.store import Store, open_store

__all__ = [
    "ArticleMeta",
    "ClaimFilter",
    "EventFilter",
    "Order",
    "Page",
    "PageJSON",
    "Store",
    "StoreStats",
    "StoredArticle",
    "StoredClaim",
    "StoredEvent",
    "UpsertCounts",
    "open_store",
]
