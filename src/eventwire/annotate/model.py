"""Loading the spaCy pipeline from its installed package.

Holds the one place a model is loaded; nothing is downloaded, and a missing package is a
ModelError that says how to fix it.
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from eventwire.errors import ModelError

# Acronyms spelled like a function word, and the norm the model's features read them by. The
# small model normalises "IS" (the Islamic State) to the verb "is" and parses "IS suicide bombers
# attacked" with "IS" as the main verb; with the norm of another name for the group it reads a
# noun. Only the all-capitals form changes: the verb is written "is".
_ACRONYM_NORMS = {"IS": "isil"}


def load_pipeline(name: str) -> Language:
    """Load an installed spaCy pipeline package by name (never from the network)."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; run `pip install -e .` in the eventwire "
            f"checkout (it pins the model package) ({exc})",
            code="EW030",
        ) from exc
    for form, norm in _ACRONYM_NORMS.items():
        nlp.vocab[form].norm_ = norm
    return nlp
