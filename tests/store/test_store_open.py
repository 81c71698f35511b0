"""Opening stores: URLs and paths, errors with codes, schema versions and migrations."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, insert, inspect
from store_records import ALL_EVENT_IDS, corpus

from eventwire.errors import StoreError
from eventwire.records import DateValue
from eventwire.store import EventFilter, Store, open_store, queries
from eventwire.store.engine import resolve_url
from eventwire.store.migrations import LATEST
from eventwire.store.rows import date_interval
from eventwire.store.schema import events, schema_version


@pytest.mark.parametrize(
    ("db", "backend", "driver"),
    [
        ("eventwire.db", "sqlite", "pysqlite"),
        ("sqlite:///x.db", "sqlite", "pysqlite"),
        ("postgresql://u:p@localhost:5432/ew", "postgresql", "psycopg"),
        ("postgres://u@localhost/ew", "postgresql", "psycopg"),
        ("postgresql+psycopg://u@localhost/ew", "postgresql", "psycopg"),
    ],
)
def test_resolve_url(db: str, backend: str, driver: str) -> None:
    url = resolve_url(db)
    assert url.get_backend_name() == backend
    assert url.get_driver_name() == driver


def test_plain_path_becomes_absolute_sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store("here.db") as s:
        assert s.dialect == "sqlite"
        assert s.schema_version() == LATEST
    assert (tmp_path / "here.db").is_file()


@pytest.mark.parametrize(
    ("db", "words"),
    [
        ("mysql://u@h/db", "unsupported"),
        ("", "empty"),
        ("/nonexistent-dir-ew/sub/x.db", "does not exist"),
        ("postgresql://u@127.0.0.1:1/db", "cannot connect to PostgreSQL"),
    ],
)
def test_bad_locations_are_store_errors(db: str, words: str) -> None:
    with pytest.raises(StoreError) as info:
        open_store(db)
    assert info.value.code == "EW040"
    assert words in str(info.value)


def test_password_is_not_in_messages() -> None:
    with pytest.raises(StoreError) as info:
        open_store("postgresql://u:secret123@127.0.0.1:1/db")
    assert "secret123" not in str(info.value)


def test_not_a_database_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError) as info:
        open_store(str(path))
    assert info.value.code == "EW040" and "not an eventwire (SQLite) database" in str(info.value)


def test_directory_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        open_store(str(tmp_path))


def test_readonly_needs_an_existing_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database at"):
        open_store(str(tmp_path / "missing.db"), readonly=True)
    assert not (tmp_path / "missing.db").exists()


def test_newer_schema_is_refused(db_url: str) -> None:
    with open_store(db_url) as s, s.engine.begin() as conn:
        conn.execute(
            insert(schema_version).values(version=LATEST + 1, name="future", applied_at=datetime.now(UTC))
        )
    for readonly in (False, True):
        with pytest.raises(StoreError) as info:
            open_store(db_url, readonly=readonly)
        assert info.value.code == "EW041"
        assert "upgrade eventwire" in str(info.value)


def test_reopening_does_not_migrate_again(db_url: str) -> None:
    for _ in range(3):
        with open_store(db_url) as s:
            assert s.schema_version() == LATEST
    with open_store(db_url) as s, s.engine.connect() as conn:
        assert conn.execute(schema_version.select()).all()[-1].version == LATEST
        assert len(conn.execute(schema_version.select()).all()) == LATEST


def test_memory_database() -> None:
    with open_store(":memory:") as s:
        assert s.counts()["events"] == 0


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        ("2020-05-04", "day", (date(2020, 5, 4), date(2020, 5, 4))),
        ("2020-05-04", "week", (date(2020, 5, 4), date(2020, 5, 10))),
        ("2020-W19", "week", (date(2020, 5, 4), date(2020, 5, 10))),
        ("2020-02", "month", (date(2020, 2, 1), date(2020, 2, 29))),
        ("2019", "year", (date(2019, 1, 1), date(2019, 12, 31))),
        ("2020-05-01/2020-05-09", "range", (date(2020, 5, 1), date(2020, 5, 9))),
        ("2020-04/2020-05", "range", (date(2020, 4, 1), date(2020, 5, 31))),
        ("2020-05-09/2020-05-01", "range", None),  # backwards: not guessed
        ("last spring", None, None),
        (None, None, None),
    ],
)
def test_date_interval(value: str | None, precision: str | None, expected: tuple[date, date] | None) -> None:
    assert date_interval(DateValue(text="t", value=value, precision=precision)) == expected


def _index_names(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        return {ix["name"] for ix in inspect(conn).get_indexes("events") if ix["name"]}


def _make_version_1(db_url: str) -> None:
    """Turn a new store back into what eventwire with schema version 1 left (its event indexes)."""
    with open_store(db_url) as s, s.engine.begin() as conn:
        for name in ("ix_events_date", "ix_events_country_date", "ix_events_type_date"):
            conn.exec_driver_sql(f"DROP INDEX {name}")
        conn.exec_driver_sql("CREATE INDEX ix_events_sort ON events (sort_date, id, status, lat, lon)")
        conn.exec_driver_sql(
            "CREATE INDEX ix_events_country_sort ON events (country, sort_date, id, status, lat, lon)"
        )
        conn.exec_driver_sql(
            "CREATE INDEX ix_events_type_sort ON events (type, sub_type, sort_date, id, status)"
        )
        conn.execute(delete(schema_version).where(schema_version.c.version > 1))


def test_version_1_store_is_upgraded_in_place(db_url: str) -> None:
    with open_store(db_url) as s:
        s.upsert_results(corpus())
    _make_version_1(db_url)
    with pytest.raises(StoreError, match="schema version 1, this eventwire needs"):
        open_store(db_url, readonly=True)  # read-only never migrates
    with open_store(db_url) as s:
        assert s.schema_version() == LATEST == 2
        names = _index_names(s)
        assert {"ix_events_date", "ix_events_country_date", "ix_events_type_date"} <= names
        assert not names & {"ix_events_sort", "ix_events_country_sort", "ix_events_type_sort"}
        page = s.query_events(EventFilter(type="Protests"), limit=10)
        assert [e.mention.id for e in page.items] == ["ev-b3", "ev-b2", "ev-b1"]
        assert s.counts()["events"] == len(ALL_EVENT_IDS)
    with open_store(db_url, readonly=True) as s:
        assert s.schema_version() == 2


def _plan(store: Store, f: EventFilter) -> str:
    with store.engine.connect() as conn:
        stmt = (
            queries._EVENT_SELECT.where(*queries.event_conditions(conn, f, page_limit=100))
            .order_by(events.c.sort_date.desc(), events.c.id.desc())
            .limit(101)
        )
        sql = str(stmt.compile(conn, compile_kwargs={"literal_binds": True}))
        return " | ".join(str(r[3]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))


@pytest.mark.parametrize(
    ("kwargs", "index"),
    [
        ({}, "ix_events_date"),
        ({"type": "Battles", "status": ("asserted", "reported")}, "ix_events_type_date"),
        ({"country": "SYR", "bbox": (35.0, 30.0, 45.0, 38.0)}, "ix_events_country_date"),
        ({"anonymous": True}, "ix_events_date"),
        ({"actor": "forces"}, "ix_events_date"),
    ],
)
def test_sqlite_pages_walk_a_date_index_without_sorting(
    tmp_path: Path, kwargs: dict[str, Any], index: str
) -> None:
    # A page must walk an index in (sort_date, id) order and stop after `limit` rows; a temp
    # B-tree means every match is read and sorted first (a type filter did: 300 ms on 200k events).
    with open_store(str(tmp_path / "plan.db")) as s:
        s.upsert_results(corpus())
        plan = _plan(s, EventFilter(**kwargs))
    assert f"USING INDEX {index}" in plan and "TEMP B-TREE" not in plan, plan
