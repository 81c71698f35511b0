"""Response bodies of the HTTP API that the store's own models do not already cover.

Built from `eventwire.records` and `eventwire.store.models`, so the OpenAPI schema matches the
output contract; events, claims, pages and stats are served as the store returns them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from eventwire.records import Article, Claim, EventMention, Place


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ErrorDetail(_Model):
    code: str = Field(description="Error code from the catalogue (eventwire.errors.CATALOGUE), e.g. EW050")
    message: str = Field(description="What is wrong and what to do about it")


class ErrorBody(_Model):
    """The body of every 4xx/5xx the API raises on purpose (validation errors use FastAPI's 422)."""

    error: ErrorDetail


class ArticleSpan(_Model):
    """A stretch of the article text that an event or a claim was read from."""

    kind: Literal["event", "claim"]
    id: str = Field(description="Id of the event or claim")
    role: Literal["evidence", "content"] = Field(description="evidence sentence, or a claim's content")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    label: str = Field(description="Event type / sub-type, or the claim's speaker")


class ArticleView(_Model):
    """An article's cleaned text with everything read from it and the spans it was read from."""

    article: Article
    events: list[EventMention]
    claims: list[Claim]
    places: list[Place]
    spans: list[ArticleSpan] = Field(description="Offsets index article.text, sorted by start")


class Health(_Model):
    status: Literal["ok", "error"]
    version: str = Field(description="eventwire version")
    db: str = Field(description="The database, password hidden")
    dialect: str | None = None
    schema_version: int | None = None
    counts: dict[str, int] = Field(default_factory=dict, description="Rows per table")
    error: ErrorDetail | None = None


class UiConfig(_Model):
    """What the web map needs to know about this server."""

    version: str
    tile_url: str | None = Field(description="Raster tile URL template, or null for the offline basemap")
    max_map_events: int
    page_size: int
