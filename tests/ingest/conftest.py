"""Fixtures of the ingest tests: the folder of hand-written inputs and default settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.settings import IngestSettings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def settings() -> IngestSettings:
    return IngestSettings()
