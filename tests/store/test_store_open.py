"""Opening stores: URLs and paths, errors with codes, schema versions and migrations."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert

from eventwire.errors import StoreError
from eventwire.records import DateValue
from eventwire.store import open_store
from eventwire.store.engine import resolve_url
from eventwire.store.migrations import LATEST
from eventwire.store.rows import date_interval
from eventwire.store.schema import schema_version


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
