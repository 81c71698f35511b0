"""Loading the spaCy pipeline from its installed package.

Holds the one place a model is loaded; nothing is downloaded, and a missing package is a
ModelError that says how to fix it.
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from eventwire.errors import ModelError


def load_pipeline(name: str) -> Language:
    """Load an installed spaCy pipeline package by name (never from the network)."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; run `pip install -e .` in the eventwire "
            f"checkout (it pins the model package) ({exc})",
            code="EW030",
        ) from exc
