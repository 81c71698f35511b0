"""The attribution-cue lexicon: cue verbs, hedges and speaker markers, loaded from data.

Holds the typed view of `data/lexicon/cues.json` and its loader; it does not look at text
(the claims finder in claims.py does).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from eventwire.errors import ModelError

_PATH = "lexicon/cues.json"


@dataclass(frozen=True)
class CueLexicon:
    """Every word list the claims finder consults, lower-cased."""

    version: str
    lemma_of: dict[str, str]  # surface form -> cue lemma ("told" -> "tell")
    final_lemmas: frozenset[str]  # "... killed 25 people the Observatory said": may end a sentence
    object_content_lemmas: frozenset[str]  # "denied the report": the object is the content
    recipient_lemmas: frozenset[str]  # "told reporters": the object is who was spoken to
    according_to: frozenset[str]  # first word of "according to"
    negators: frozenset[str]  # "did not say", "rarely claims": nothing is attributed
    hedges: frozenset[str]
    anonymous_nouns: frozenset[str]
    anonymity_markers: frozenset[str]
    anonymity_phrases: tuple[str, ...]
    spokesperson_nouns: frozenset[str]
    title_nouns: frozenset[str]  # "news agency SANA", "the ambassador to the UN": role and outlet nouns
    unattributed_nouns: frozenset[str]
    channel_nouns: frozenset[str]
    platforms: frozenset[str]
    pronouns: dict[str, str]  # pronoun -> "person" | "plural" | "institution"

    @property
    def verbs(self) -> frozenset[str]:
        """Lemmas of the cue verbs."""
        return frozenset(self.lemma_of.values())

    @property
    def forms(self) -> frozenset[str]:
        """Lower-cased surface forms of every cue, for the sentence selector."""
        return frozenset(self.lemma_of) | self.according_to


def _words(raw: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in raw[key])


def _parse(raw: dict[str, Any]) -> CueLexicon:
    lemma_of = {form.lower(): lemma for lemma, forms in raw["verbs"].items() for form in forms}
    return CueLexicon(
        version=str(raw["version"]),
        lemma_of=lemma_of,
        final_lemmas=_words(raw, "final_lemmas"),
        object_content_lemmas=_words(raw, "object_content_lemmas"),
        recipient_lemmas=_words(raw, "recipient_lemmas"),
        according_to=_words(raw, "according_to"),
        negators=_words(raw, "negators"),
        hedges=_words(raw, "hedges"),
        anonymous_nouns=_words(raw, "anonymous_nouns"),
        anonymity_markers=_words(raw, "anonymity_markers"),
        anonymity_phrases=tuple(str(p).lower() for p in raw["anonymity_phrases"]),
        spokesperson_nouns=_words(raw, "spokesperson_nouns"),
        title_nouns=_words(raw, "title_nouns"),
        unattributed_nouns=_words(raw, "unattributed_nouns"),
        channel_nouns=_words(raw, "channel_nouns"),
        platforms=_words(raw, "platforms"),
        pronouns={str(k).lower(): str(v) for k, v in raw["pronouns"].items()},
    )


@cache
def cue_lexicon() -> CueLexicon:
    """Load the packaged cue lexicon once per process (it never changes at run time)."""
    try:
        text = resources.files("eventwire.data").joinpath(_PATH).read_text("utf-8")
        return _parse(json.loads(text))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(
            f"the cue lexicon data/{_PATH} is missing or malformed ({exc}); reinstall eventwire",
            code="EW030",
        ) from exc
