"""The bundled sample articles (data/sample/) that `eventwire demo` and the tests run on.

Holds only their discovery through importlib.resources; the articles themselves are data
files, and reading them is iter_inputs' job.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from eventwire.ingest.inputs import EXTENSIONS

_SAMPLE_PACKAGE = "eventwire.data"
_SAMPLE_DIR = "sample"


def sample_paths() -> list[Path]:
    """The sample article files, sorted (the folder's README is not an article)."""
    folder = resources.files(_SAMPLE_PACKAGE).joinpath(_SAMPLE_DIR)
    # The package is installed as files (editable or wheel), so each resource has a real path.
    return sorted(
        Path(str(entry))
        for entry in folder.iterdir()
        if entry.is_file() and Path(entry.name).suffix in EXTENSIONS and entry.name.lower() != "readme.md"
    )
