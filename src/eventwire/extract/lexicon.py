"""The event lexicons: trigger lemmas with their ACLED sub-types, and the status cue lists.

Holds the typed views of `data/lexicon/triggers.json` and `data/lexicon/status.json` and
their loaders; it does not look at text (triggers.py and status.py do).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from eventwire.errors import ModelError
from eventwire.taxonomy import acled_taxonomy

_TRIGGERS = "lexicon/triggers.json"
_STATUS = "lexicon/status.json"


@dataclass(frozen=True)
class TriggerEntry:
    """One lemma+POS that may name an event, and how its ACLED sub-type is chosen."""

    lemma: str
    pos: str  # NOUN | VERB | ADJ
    sub_type: str
    weight: float  # prior that a match is a real event of this sub-type
    plover: str | None = None
    rule: str | None = None  # by_target | by_agent | protest | clash
    modifiers: dict[str, str | None] = field(default_factory=dict)
    objects: dict[str, str | None] = field(default_factory=dict)
    needs: tuple[str, ...] = ()
    support: bool = False  # only an event when no other trigger shares its clause ("killed in a strike")
    patient_is_actor: bool = False  # "forces were evacuated": the passive subject is actor1


@dataclass(frozen=True)
class TriggerLexicon:
    version: str
    entries: dict[tuple[str, str], tuple[TriggerEntry, ...]]  # (lemma, POS) -> entries, first wins
    form_lemmas: dict[str, str]  # inflected form -> lemma, for words the tagger lemmatises oddly
    classes: dict[str, frozenset[str]]
    event_use_verbs: frozenset[str]
    light_verbs: frozenset[str]
    harm_verbs: frozenset[str]
    precedence: tuple[str, ...]
    protest_escalation: tuple[tuple[str, frozenset[str]], ...]
    # Heads under which a trigger noun in a compound still names the event ("rocket fire");
    # elsewhere it only classifies the head ("battle lines", "attack helicopter").
    compound_event_heads: frozenset[str] = frozenset()

    @property
    def verbs(self) -> frozenset[str]:
        """Every verb lemma the rules look for: trigger verbs, light, use and harm verbs."""
        triggers = {lemma for lemma, pos in self.entries if pos == "VERB"}
        return frozenset(triggers) | self.light_verbs | self.event_use_verbs | self.harm_verbs

    def lookup(self, lemma: str, pos: str) -> tuple[TriggerEntry, ...]:
        coarse = "VERB" if pos in ("VERB", "AUX") else "NOUN" if pos in ("NOUN", "PROPN") else pos
        return self.entries.get((lemma, coarse), ())

    def candidates(self, lemma: str, form: str, pos: str) -> tuple[TriggerEntry, ...]:
        """Entries for a token: by its lemma, else by its form ('raped' lemmatised as 'rap')."""
        return self.lookup(lemma, pos) or self.lookup(self.form_lemmas.get(form, form), pos)

    def in_class(self, word: str, name: str) -> bool:
        return word in self.classes.get(name, frozenset())

    def rank(self, sub_type: str) -> int:
        """Lower is more specific: 'killed in an airstrike' is an air strike, not an attack."""
        return self.precedence.index(sub_type) if sub_type in self.precedence else len(self.precedence)

    @property
    def forms(self) -> frozenset[str]:
        """Lower-cased word forms of every trigger, for the sentence selector."""
        out: set[str] = set()
        for lemma, pos in self.entries:
            out.update(inflections(lemma, pos))
        return frozenset(out)


@dataclass(frozen=True)
class StatusLexicon:
    version: str
    hedge_adverbs: frozenset[str]
    hedge_adjectives: frozenset[str]
    report_nouns: frozenset[str]
    intent_verbs: frozenset[str]
    intent_nouns: frozenset[str]
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    hypothetical_marks: frozenset[str]
    hypothetical_heads: frozenset[str]
    attempt_heads: frozenset[str]  # "trying to capture": an aim pursued, so intended
    passive_hedge_verbs: frozenset[str]  # "was reported", "is believed to have": no one named
    campaign_nouns: frozenset[str]  # "the offensive", "the battle": events only with a day or a toll
    cessation_heads: frozenset[str]  # "halt", "freeze", "lull": what they stop is not told as happening
    negators: frozenset[str]
    denial_verbs: frozenset[str]
    denial_nouns: frozenset[str]
    habitual_adverbs: frozenset[str]
    aggregate_quantifiers: frozenset[str]
    aggregate_heads: frozenset[str]
    aggregate_verbs: frozenset[str]
    trend_verbs: frozenset[str]  # "intensified its bombardment": a campaign's course, not one event
    exposure_verbs: frozenset[str]  # "the province has seen intense bombing": what a place underwent
    responsibility_nouns: frozenset[str]
    background_prepositions: frozenset[str]
    background_verbs: frozenset[str] = frozenset()  # "fled the fighting": the event is presupposed
    period_nouns: frozenset[str] = frozenset()  # "years of killing", "months of the battle"
    implicative_verbs: frozenset[str] = frozenset()  # "managed to seize": the infinitive happened


_IRREGULAR: dict[str, tuple[str, ...]] = {
    # Verb forms the regular rules below cannot make; only for the selector's word list.
    "strike": ("struck", "stricken"),
    "shoot": ("shot",),
    "fight": ("fought",),
    "take": ("took", "taken"),
    "overrun": ("overran",),
    "retake": ("retook", "retaken"),
    "set": ("set",),
    "withdraw": ("withdrew", "withdrawn"),
    "hold": ("held",),
    "lead": ("led",),
    "burn": ("burnt",),
}


def inflections(lemma: str, pos: str) -> set[str]:
    """Regular English inflections of a lemma (over-generating is harmless for a selector)."""
    forms = {lemma}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    forms |= {lemma + "s", lemma + "es"}
    if pos == "VERB":
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms |= {stem + "ed", stem + "ing", lemma + "d", lemma + "ed"}
        if (
            len(lemma) > 2
            and lemma[-1] not in "aeiouwxy"
            and lemma[-2] in "aeiou"
            and lemma[-3] not in "aeiou"
        ):
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "shelled", "abducting" stays
        forms |= set(_IRREGULAR.get(lemma, ()))
    return forms


def _words(raw: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in raw[key])


def _entry(raw: dict[str, Any], sub_types: set[str]) -> TriggerEntry:
    entry = TriggerEntry(
        lemma=str(raw["lemma"]).lower(),
        pos=str(raw["pos"]),
        sub_type=str(raw["sub_type"]),
        weight=float(raw["weight"]),
        plover=raw.get("plover"),
        rule=raw.get("rule"),
        modifiers={str(k): v for k, v in raw.get("modifiers", {}).items()},
        objects={str(k): v for k, v in raw.get("objects", {}).items()},
        needs=tuple(raw.get("needs", ())),
        support=bool(raw.get("support", False)),
        patient_is_actor=bool(raw.get("patient_is_actor", False)),
    )
    named = [entry.sub_type, *(v for v in entry.modifiers.values() if v), *entry.objects.values()]
    unknown = [s for s in named if s and s != "territory" and s not in sub_types]
    if unknown:
        raise ValueError(f"trigger {entry.lemma!r} names sub-types ACLED does not have: {unknown}")
    return entry


def _parse_triggers(raw: dict[str, Any]) -> TriggerLexicon:
    sub_types = set(acled_taxonomy().sub_types)
    entries: dict[tuple[str, str], tuple[TriggerEntry, ...]] = {}
    form_lemmas: dict[str, str] = {}
    for item in raw["triggers"]:
        entry = _entry(item, sub_types)
        key = (entry.lemma, entry.pos)
        entries[key] = (*entries.get(key, ()), entry)
        for form in inflections(entry.lemma, entry.pos):
            form_lemmas.setdefault(form, entry.lemma)
    return TriggerLexicon(
        version=str(raw["version"]),
        entries=entries,
        form_lemmas=form_lemmas,
        classes={k: frozenset(v) for k, v in raw["classes"].items()},
        event_use_verbs=_words(raw, "event_use_verbs"),
        light_verbs=_words(raw, "light_verbs"),
        harm_verbs=_words(raw, "harm_verbs"),
        precedence=tuple(raw["precedence"]),
        protest_escalation=tuple((e["sub_type"], frozenset(e["lemmas"])) for e in raw["protest_escalation"]),
        compound_event_heads=_words(raw, "compound_event_heads"),
    )


def _parse_status(raw: dict[str, Any]) -> StatusLexicon:
    return StatusLexicon(version=str(raw["version"]), **{k: _words(raw, k) for k in _STATUS_KEYS})


_STATUS_KEYS = (
    "hedge_adverbs",
    "hedge_adjectives",
    "report_nouns",
    "intent_verbs",
    "intent_nouns",
    "future_aux",
    "hypothetical_aux",
    "hypothetical_marks",
    "hypothetical_heads",
    "attempt_heads",
    "passive_hedge_verbs",
    "campaign_nouns",
    "cessation_heads",
    "negators",
    "denial_verbs",
    "denial_nouns",
    "habitual_adverbs",
    "aggregate_quantifiers",
    "aggregate_heads",
    "aggregate_verbs",
    "trend_verbs",
    "exposure_verbs",
    "responsibility_nouns",
    "background_prepositions",
    "background_verbs",
    "period_nouns",
    "implicative_verbs",
)


def _load(path: str) -> dict[str, Any]:
    try:
        raw: dict[str, Any] = json.loads(resources.files("eventwire.data").joinpath(path).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(
            f"the lexicon data/{path} is missing or malformed ({exc}); reinstall eventwire"
        ) from exc
    return raw


@cache
def trigger_lexicon() -> TriggerLexicon:
    """Load the packaged trigger lexicon once per process."""
    try:
        return _parse_triggers(_load(_TRIGGERS))
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(
            f"the trigger lexicon data/{_TRIGGERS} is malformed ({exc}); reinstall eventwire"
        ) from exc


@cache
def status_lexicon() -> StatusLexicon:
    """Load the packaged status cue lists once per process."""
    try:
        return _parse_status(_load(_STATUS))
    except (KeyError, TypeError) as exc:
        raise ModelError(
            f"the status lexicon data/{_STATUS} is malformed ({exc}); reinstall eventwire"
        ) from exc
