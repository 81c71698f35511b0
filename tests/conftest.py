"""Fixtures shared by every test package: where ../shared is, and the loaded pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLE = SHARED / "examples" / "new-arab-2020-05-05-iran-syria.txt"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: third-party data lives beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def example_path() -> Path:
    if not EXAMPLE.is_file():
        pytest.skip(f"{EXAMPLE} is absent")
    return EXAMPLE
