"""What the store's read side returns: stored events, claims, articles, pages and stats.

Pydantic v2 models built on the records in `eventwire.records`; the HTTP API serves them as
they are. Filters live in `queries.py`; nothing here touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from eventwire.records import Article, Claim, EventMention, Place

T = TypeVar("T")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ArticleMeta(_Model):
    """The few article fields a reader needs beside an event or a claim (no text)."""

    id: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None


class StoredEvent(_Model):
    """One event mention as stored, with the article it came from and its claim, if any."""

    mention: EventMention
    article_id: str
    article: ArticleMeta
    claim: Claim | None = Field(default=None, description="The claim the event is inside (status=claimed)")


class StoredClaim(_Model):
    """One claim as stored, with the article it came from."""

    claim: Claim
    article_id: str
    article: ArticleMeta


class StoredArticle(_Model):
    """An article with everything extracted from it, as stored."""

    article: Article
    events: list[EventMention] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)


class Page(_Model, Generic[T]):
    """One page of a keyset-paginated listing; pass `next_cursor` back to get the next page."""

    items: list[T]
    next_cursor: str | None = Field(default=None, description="Opaque; null on the last page")


@dataclass(frozen=True)
class PageJSON:
    """A `Page[StoredEvent]` already serialised: `body` is the bytes its model_dump_json() gives."""

    body: bytes
    next_cursor: str | None = None


class StoreStats(_Model):
    """Counts over the events matching a filter, and the store's table totals."""

    events: int = Field(description="Events matching the filter")
    totals: dict[str, int] = Field(description="Rows per table: articles, events, claims, actors, places")
    by_type: dict[str, int]
    by_sub_type: dict[str, int]
    by_country: dict[str, int] = Field(description="ISO3 (or '' when unknown) -> events")
    by_status: dict[str, int]
    by_week: list[tuple[date, int]] = Field(description="(Monday of the ISO week, events) by date_start")


class UpsertCounts(_Model):
    """What one `upsert_results` call wrote."""

    articles: int = 0
    events: int = 0
    claims: int = 0
    places: int = 0
    actors: int = Field(default=0, description="Distinct actors referenced (new or already stored)")
