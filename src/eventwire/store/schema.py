"""The store's tables and indexes as SQLAlchemy Core metadata (the latest schema version).

Full-text search objects (SQLite FTS5 table and triggers, PostgreSQL tsvector column) are
dialect-specific DDL and live in `migrations.py`; row conversion lives in `rows.py`.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String, nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String, primary_key=True),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", Date),
    Column("language", String),
    Column("text", Text, nullable=False),
    Column("source", Text),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    # SQLite's FTS5 row key: a stable 63-bit hash of id (implicit rowids may change on VACUUM).
    Column("fts_rowid", BigInteger, nullable=False, unique=True),
)

actors = Table(
    "actors",
    metadata,
    Column("id", String, primary_key=True),  # stable hash of (name or text, country, kind)
    Column("name", Text, nullable=False),
    Column("country", String),
    Column("countries", Text, nullable=False),  # JSON list of ISO3
    Column("kind", String, nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String, primary_key=True),
    Column("article_id", String, ForeignKey("articles.id"), nullable=False),
    Column("pos", Integer, nullable=False),  # position in ArticleResult.claims
    Column("speaker_actor_id", String, ForeignKey("actors.id")),
    Column("speaker_text", Text),
    Column("speaker_name", Text),
    Column("speaker_country", String),
    Column("speaker_kind", String),
    Column("anonymous", Boolean),
    Column("cue", String, nullable=False),
    Column("channel", Text),
    Column("direct_quote", Boolean, nullable=False),
    Column("hedges", Text, nullable=False),  # JSON list
    Column("content_text", Text, nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("evidence_sentence", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("sort_date", Date, nullable=False),  # article published date, else 0001-01-01 (keyset key)
    Column("json", Text, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", String, primary_key=True),
    Column("article_id", String, ForeignKey("articles.id"), nullable=False),
    Column("pos", Integer, nullable=False),  # position in ArticleResult.events
    Column("type", String, nullable=False),
    Column("sub_type", String, nullable=False),
    Column("plover", String),
    Column("trigger_text", Text),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("actor1_id", String, ForeignKey("actors.id")),
    Column("actor2_id", String, ForeignKey("actors.id")),
    Column("actor1_text", Text),
    Column("actor2_text", Text),
    Column("actor1_name", Text),
    Column("actor2_name", Text),
    Column("location_text", Text),
    Column("place_name", Text),
    Column("admin1", Text),
    Column("country", String),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonames_id", Integer),
    Column("geo_precision", Integer),
    Column("date_text", Text),
    Column("date_value", String),
    Column("date_precision", String),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("date_span", Integer),  # date_end - date_start in days; bounds date-range scans
    Column("sort_date", Date, nullable=False),  # date_start, else article published, else 0001-01-01
    Column("fatalities", Integer),
    Column("fatalities_text", Text),
    Column("fatalities_qualifier", String),
    Column("injuries", Integer),
    Column("status", String, nullable=False),
    Column("claim_id", String, ForeignKey("claims.id")),
    Column("evidence_sentence", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("json", Text, nullable=False),
)

places = Table(
    "places",
    metadata,
    Column("article_id", String, ForeignKey("articles.id"), primary_key=True),
    Column("idx", Integer, primary_key=True),  # position in ArticleResult.places
    Column("start", Integer),
    Column("end", Integer),
    Column("text", Text, nullable=False),
    Column("name", Text),
    Column("admin1", Text),
    Column("country", String),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonames_id", Integer),
    Column("precision", Integer),
)

# Every listing is ordered by (sort_date, id). Each index below ends in that key so the database
# can seek a filter and walk in order, stopping after `limit` rows; status, lat and lon ride
# along so SQLite checks them in the index without reading table rows (measured on 200k events:
# a small bbox went from 24 ms with an (lat, lon) index plus sort to under 1 ms), and so do
# claim_id and article_id (schema version 2), which the `anonymous` and `q` filters test for each
# event walked (200k events: anonymous 7 -> 1 ms, q 8 -> 3 ms). PostgreSQL also gets (status, ...)
# and (lat, lon) indexes, created in migrations.py: its planner has statistics to choose them
# well; SQLite's has not, so queries.py keeps it on these.
_WALKED = (events.c.sort_date, events.c.id, events.c.status, events.c.lat, events.c.lon)
_CHECKED = (events.c.claim_id, events.c.article_id)
Index("ix_events_date", *_WALKED, *_CHECKED)
Index("ix_events_country_date", events.c.country, *_WALKED, *_CHECKED)
Index("ix_events_type_date", events.c.type, *_WALKED, *_CHECKED)
Index("ix_events_sub_type_sort", events.c.sub_type, events.c.sort_date, events.c.id, events.c.status)
Index("ix_events_article", events.c.article_id)
Index("ix_events_claim", events.c.claim_id)
Index("ix_events_actor1", events.c.actor1_id)
Index("ix_events_actor2", events.c.actor2_id)
Index("ix_events_date_span", events.c.date_span)
Index("ix_claims_article", claims.c.article_id)
Index("ix_claims_sort", claims.c.sort_date, claims.c.id)
Index("ix_claims_anonymous", claims.c.anonymous, claims.c.sort_date, claims.c.id)
Index("ix_claims_speaker_actor", claims.c.speaker_actor_id)
Index("ix_claims_country", claims.c.speaker_country)

TABLES = ("articles", "events", "claims", "actors", "places")
