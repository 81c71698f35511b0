"""Fixtures of the store tests: a fresh Store on SQLite and on a real PostgreSQL server.

Every test that takes `store` runs on both; PostgreSQL cases skip when its binaries are absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import pg_server  # tests/ is on sys.path (rootdir conftest, prepend import mode)
from eventwire.store import Store, open_store


def pytest_configure(config: pytest.Config) -> None:
    # tests/conftest.py may already load it with pytest_plugins = ["pg_server"]; load it once.
    if not config.pluginmanager.is_registered(pg_server):
        config.pluginmanager.register(pg_server, "pg_server")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database location (file path or URL) for each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "events.db")
    url: str = request.getfixturevalue("fresh_pg_url")
    return url


@pytest.fixture()
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as s:
        yield s
