"""Explicit, ordered schema migrations, recorded in the `schema_version` table.

Each migration runs once, in order, in the same transaction as its version row; a database
newer than the code is refused (EW041). Table definitions are in `schema.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select
from sqlalchemy.exc import DBAPIError

from eventwire.errors import StoreError
from eventwire.store import schema


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


# FTS5 over title and text; contentless, keyed by articles.fts_rowid and kept in sync by
# triggers, so every upsert path (insert, ON CONFLICT update, delete) updates the index.
_SQLITE_ONLY = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='', tokenize='porter unicode61')",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
         INSERT INTO articles_fts(rowid, title, text)
           VALUES (new.fts_rowid, coalesce(new.title, ''), new.text);
       END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
         INSERT INTO articles_fts(articles_fts, rowid, title, text)
           VALUES ('delete', old.fts_rowid, coalesce(old.title, ''), old.text);
       END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
         INSERT INTO articles_fts(articles_fts, rowid, title, text)
           VALUES ('delete', old.fts_rowid, coalesce(old.title, ''), old.text);
         INSERT INTO articles_fts(rowid, title, text)
           VALUES (new.fts_rowid, coalesce(new.title, ''), new.text);
       END""",
)

# PostgreSQL: a generated tsvector column with a GIN index, and indexes its planner can weigh.
_POSTGRES_ONLY = (
    """ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS
         (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED""",
    "CREATE INDEX ix_articles_tsv ON articles USING GIN (tsv)",
    "CREATE INDEX ix_events_status_sort ON events (status, sort_date, id)",
    "CREATE INDEX ix_events_latlon ON events (lat, lon)",
)


def _v1_initial(conn: Connection) -> None:
    # Creates the tables and indexes of schema.py, which describes the LATEST version: on a new
    # database every later migration then finds its work done (they use IF [NOT] EXISTS), and on
    # an older one they bring it up to date. Later versions must ALTER, not edit schema.py alone.
    schema.metadata.create_all(conn)
    for ddl in _SQLITE_ONLY if conn.dialect.name == "sqlite" else _POSTGRES_ONLY:
        conn.exec_driver_sql(ddl)


# Version 2: `type` alone was served by (type, sub_type, sort_date, …), so a type filter read and
# sorted every event of the type (300 ms on 200,000 events); (type, sort_date, id, …) walks in
# order and stops after `limit` (type and sub-type together use (sub_type, sort_date, …)). The
# indexes walked in date order also carry claim_id and article_id, which the `anonymous` and `q`
# filters test for every event passed: without them each one read the event's table row.
_V2_DDL = (
    "DROP INDEX IF EXISTS ix_events_type_sort",
    "DROP INDEX IF EXISTS ix_events_sort",
    "DROP INDEX IF EXISTS ix_events_country_sort",
    "CREATE INDEX IF NOT EXISTS ix_events_date"
    " ON events (sort_date, id, status, lat, lon, claim_id, article_id)",
    "CREATE INDEX IF NOT EXISTS ix_events_country_date"
    " ON events (country, sort_date, id, status, lat, lon, claim_id, article_id)",
    "CREATE INDEX IF NOT EXISTS ix_events_type_date"
    " ON events (type, sort_date, id, status, lat, lon, claim_id, article_id)",
)


def _v2_indexes(conn: Connection) -> None:
    for ddl in _V2_DDL:
        conn.exec_driver_sql(ddl)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema: articles, events, claims, actors, places, FTS", _v1_initial),
    Migration(2, "date-ordered events indexes by type, and with claim_id and article_id", _v2_indexes),
)
LATEST = MIGRATIONS[-1].version


def stored_version(conn: Connection) -> int:
    """The schema version recorded in the database; 0 for an empty database."""
    if not inspect(conn).has_table("schema_version"):
        return 0
    version = conn.execute(
        select(schema.schema_version.c.version).order_by(schema.schema_version.c.version.desc())
    )
    return int(version.scalar() or 0)


def _too_new(version: int, where: str) -> StoreError:
    return StoreError(
        f"{where} has schema version {version} but this eventwire knows up to {LATEST}; upgrade eventwire",
        code="EW041",
    )


def migrate(engine: Engine, where: str) -> int:
    """Apply every migration newer than the database's version; return the version now."""
    try:
        with engine.begin() as conn:
            version = stored_version(conn)
            if version > LATEST:
                raise _too_new(version, where)
            for m in MIGRATIONS:
                if m.version > version:
                    m.apply(conn)
                    conn.execute(
                        schema.schema_version.insert().values(
                            version=m.version, name=m.name, applied_at=datetime.now(UTC)
                        )
                    )
            return LATEST
    except DBAPIError as exc:
        raise StoreError(
            f"cannot create or migrate the schema of {where}: {exc.orig}; check write access"
        ) from None


def check_version(engine: Engine, where: str) -> int:
    """For read-only use: the database must already be at this code's version."""
    with engine.connect() as conn:
        version = stored_version(conn)
    if version > LATEST:
        raise _too_new(version, where)
    if version < LATEST:
        raise StoreError(
            f"{where} has schema version {version}, this eventwire needs {LATEST}; open it once for writing "
            "(e.g. `eventwire extract`) to migrate it"
        )
    return version
