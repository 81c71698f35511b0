"""Fixtures of the serve tests: one real SQLite store built by running the pipeline on the
bundled sample articles, plus the hand-made hostile article; and an app over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from serve_records import hostile_article  # tests/serve is on sys.path (prepend import mode)

from eventwire.ingest import sample_paths
from eventwire.ingest.inputs import iter_inputs
from eventwire.runner import ResultSink, run
from eventwire.serve import create_app
from eventwire.settings import Settings
from eventwire.store import open_store


@pytest.fixture(scope="session")
def serve_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding the pipeline's results on the sample articles and the hostile article."""
    path = tmp_path_factory.mktemp("serve") / "events.db"
    settings = Settings().with_db(str(path))
    with open_store(str(path)) as store:
        summary = run(
            iter_inputs([str(p) for p in sample_paths()], settings.ingest), settings, ResultSink(store)
        )
        assert summary.articles_stored > 0 and not summary.failures
        store.upsert_results([hostile_article()])
    return path


@pytest.fixture(scope="session")
def client(serve_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(serve_db))) as c:
        yield c
