"""The actor gazetteer: named groups, states and descriptive actors grounded to a name, country and kind.

Holds the loader of data/actors/actors.json and the resolver ('IDF', 'Iran-backed militia fighters',
'unidentified gunmen'); it does not find actor mentions in text (extract does) nor geocode places.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from eventwire.errors import ModelError
from eventwire.records import Actor, ActorKind

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-", "‐": "-", "\u00a0": " "})
_EDGE_PUNCT = " \t\n\"'.,;:!?()[]{}“”"
_PARTITIVE = frozenset(
    {
        "members",
        "member",
        "elements",
        "element",
        "supporters",
        "supporter",
        "remnants",
        "units",
        "unit",
        "fighters",
        "loyalists",
        "affiliates",
        "cells",
        "wing",
        "factions",
    }
)
_PREPOSITIONS = frozenset(
    {"of", "from", "in", "for", "loyal", "belonging", "linked", "with", "near", "at", "on"}
)
_MAX_ALIAS_WORDS = 8
# Categories of head nouns; "police" is state_forces with ACLED's "Police Forces of" name.
_CATEGORY_KIND = {
    "state_forces": ActorKind.STATE_FORCES,
    "aircraft": ActorKind.STATE_FORCES,
    "police": ActorKind.STATE_FORCES,
    "government": ActorKind.GOVERNMENT,
    "political_militia": ActorKind.POLITICAL_MILITIA,
    "identity_militia": ActorKind.IDENTITY_MILITIA,
    "rebels": ActorKind.REBELS,
    "civilians": ActorKind.CIVILIANS,
    "protesters": ActorKind.PROTESTERS,
    "rioters": ActorKind.RIOTERS,
    "unknown": ActorKind.UNKNOWN,
    "organization": ActorKind.ORGANIZATION,
}
# ACLED's standardised names for descriptive actors of a country.
_ACLED_PATTERN = {
    "state_forces": "Military Forces of {}",
    "aircraft": "Military Forces of {}",
    "police": "Police Forces of {}",
    "government": "Government of {}",
    "civilians": "Civilians ({})",
    "protesters": "Protesters ({})",
    "rioters": "Rioters ({})",
    "unknown": "Unidentified Armed Group ({})",
}


@dataclass(frozen=True)
class ActorEntry:
    """One gazetteer entry: a named group, a state's forces or government, or a leader."""

    name: str
    kind: ActorKind
    country: str | None
    countries: tuple[str, ...] = ()
    acled_name: str | None = None

    def actor(self, text: str) -> Actor:
        return Actor(
            text=text, name=self.name, country=self.country, countries=list(self.countries), kind=self.kind
        )


@dataclass(frozen=True)
class _CountryCue:
    iso3: str
    affiliation: bool  # "Iran-backed", "pro-Iranian": the group is sponsored by, not of, the country
    metonym: bool  # "Tehran", "the Kremlin": the government speaking


def _is_cased_alias(alias: str) -> bool:
    """Acronyms ('IS', 'WHO', 'JeM') must match in their case: 'is' and 'who' are English words."""
    if " " in alias:
        return False
    letters = [c for c in alias if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return upper > len(letters) - upper or (len(letters) <= 4 and upper >= 2)


# Modifiers that make a word for forces ("forces", "army", "units") a rebel one.
_REBEL_MODIFIERS = frozenset({"rebel", "rebels", "opposition", "insurgent", "insurgents"})


_BARE_POSSESSIVE = re.compile(r"[A-Z][a-z]{2,}[^s]s")


def _restore_possessives(text: str) -> str:
    """'Russias military' -> "Russia's military": a capitalised word ending in a bare 's' before
    another word, as in texts stripped of apostrophes (FA-KES)."""
    words = text.split()
    out = [f"{w[:-1]}'s" if _BARE_POSSESSIVE.fullmatch(w) else w for w in words[:-1]]
    return " ".join([*out, *words[-1:]])


def _norm(text: str) -> str:
    """Lower-case, straight quotes and hyphens, single spaces, no edge punctuation or possessive."""
    text = text.translate(_APOSTROPHES).strip(_EDGE_PUNCT)
    text = re.sub(r"'s\b|s'(?=\s|$)", lambda m: "" if m.group(0) == "'s" else "s", text)
    return re.sub(r"\s+", " ", text).strip(_EDGE_PUNCT).lower()


@dataclass
class ActorGazetteer:
    """Alias tables built once from the packaged gazetteer; `resolve` always returns an Actor."""

    version: str
    cased: dict[str, ActorEntry]
    exact: dict[str, ActorEntry]
    country_names: dict[str, str]  # iso3 -> name
    country_cues: dict[str, str]  # normalised name, demonym, alias -> iso3
    metonyms: dict[str, str]  # normalised capital -> iso3
    heads: dict[str, str]  # normalised head phrase -> category
    named_heads: dict[str, str]
    identity_modifiers: frozenset[str]
    unknown_modifiers: frozenset[str]
    affiliation_suffixes: frozenset[str]
    ignore_words: frozenset[str]
    generic: dict[str, str]
    # "pro-regime fighters": a militia on the state's side, not rebels.
    pro_state_modifiers: frozenset[str] = frozenset()
    # Phrases whose referent is the article's country's: normalised phrase -> iso3 -> entry.
    contextual: dict[str, dict[str, ActorEntry]] = field(default_factory=dict)
    _memo: dict[tuple[str, tuple[str, ...]], Actor] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls) -> ActorGazetteer:
        """The packaged gazetteer, read and indexed once per process."""
        return _load_packaged()

    @classmethod
    def from_data(cls, raw: dict[str, Any]) -> ActorGazetteer:
        """Index a gazetteer document (the shape of data/actors/actors.json)."""
        cased: dict[str, ActorEntry] = {}
        exact: dict[str, ActorEntry] = {}
        country_names: dict[str, str] = {}
        country_cues: dict[str, str] = {}
        metonyms: dict[str, str] = {}

        def add(alias: str, entry: ActorEntry) -> None:
            if _is_cased_alias(alias):
                cased.setdefault(alias, entry)
            else:
                exact.setdefault(_norm(alias), entry)

        for country in raw["countries"]:
            iso3, name = country["iso3"], country["name"]
            country_names[iso3] = name
            for cue in [name, *country["aliases"], *country["demonyms"]]:
                if _is_cased_alias(cue):
                    cased.setdefault(cue, _forces(iso3, name))
                country_cues.setdefault(_norm(cue), iso3)
            for metonym in country["metonyms"]:
                metonyms.setdefault(_norm(metonym), iso3)
        for group in raw["groups"]:
            entry = ActorEntry(
                name=group["name"],
                kind=ActorKind(group["kind"]),
                country=group["country"],
                countries=tuple(group["countries"]),
                acled_name=group["acled_name"],
            )
            for alias in [group["name"], *group["aliases"]]:
                add(alias, entry)
        for person in raw["persons"]:
            iso3 = person["country"]
            entry = ActorEntry(
                name=person["alias"],
                kind=ActorKind.GOVERNMENT,
                country=iso3,
                countries=(iso3,),
                acled_name=f"Government of {country_names[iso3]}",
            )
            for alias in [person["alias"], *person["also"]]:
                add(alias, entry)
        contextual = {
            _norm(phrase): {iso3: exact[_norm(name)] for iso3, name in by_country.items()}
            for phrase, by_country in raw.get("contextual", {}).get("phrases", {}).items()
        }
        heads = {_norm(h): category for category, words in raw["heads"].items() for h in words}
        named_heads = {_norm(h): category for category, words in raw["named_heads"].items() for h in words}
        return cls(
            version=raw["version"],
            cased=cased,
            exact=exact,
            country_names=country_names,
            country_cues=country_cues,
            metonyms=metonyms,
            heads=heads,
            named_heads=named_heads,
            identity_modifiers=frozenset(raw["identity_modifiers"]),
            unknown_modifiers=frozenset(raw["unknown_modifiers"]),
            affiliation_suffixes=frozenset(raw["affiliation_suffixes"]),
            ignore_words=frozenset(raw["ignore_words"]),
            generic=raw["generic"],
            pro_state_modifiers=frozenset(raw.get("pro_state_modifiers", ())),
            contextual=contextual,
        )

    # --- lookups ---------------------------------------------------------------------------------

    def country_name(self, iso3: str) -> str | None:
        return self.country_names.get(iso3)

    def _named(self, original: str, norm: str) -> ActorEntry | None:
        stripped = re.sub(r"^the\s+", "", original.translate(_APOSTROPHES).strip(_EDGE_PUNCT), flags=re.I)
        return self.cased.get(stripped) or self.exact.get(norm) or self.exact.get(re.sub(r"^the ", "", norm))

    def match_all(self, text: str) -> list[tuple[int, int, ActorEntry]]:
        """Named groups and leaders inside a phrase, as (first word, end word, entry), longest first."""
        words = text.translate(_APOSTROPHES).split()
        found: list[tuple[int, int, ActorEntry]] = []
        i = 0
        while i < len(words):
            for n in range(min(_MAX_ALIAS_WORDS, len(words) - i), 0, -1):
                piece = " ".join(words[i : i + n]).strip(_EDGE_PUNCT)
                entry = self._named(piece, _norm(piece)) if piece else None
                if entry is None and n == 1 and "-" in piece:
                    # "Hezbollah-run", "IS-linked": the named part before an affiliation suffix
                    stem, _, suffix = piece.rpartition("-")
                    if suffix.lower() in self.affiliation_suffixes:
                        entry = self._named(stem, _norm(stem))
                if entry is not None:
                    found.append((i, i + n, entry))
                    i += n - 1
                    break
            i += 1
        return found

    def _country_cues(self, words: list[str]) -> list[_CountryCue]:
        """Countries named in a phrase: 'Iranian and Iraqi', 'Iran-backed', 'pro-Russian', 'Tehran'."""
        cues: list[_CountryCue] = []
        i = 0
        while i < len(words):
            matched = 0
            for n in range(min(4, len(words) - i), 0, -1):
                piece = " ".join(words[i : i + n])
                affiliation = False
                if n == 1 and piece.startswith("pro-"):
                    piece, affiliation = piece[4:], True
                if n == 1 and "-" in piece and piece not in self.country_cues:
                    stem, _, suffix = piece.rpartition("-")
                    if suffix in self.affiliation_suffixes:
                        piece, affiliation = stem, True
                if n < len(words) - i and words[i + n] in self.affiliation_suffixes:
                    affiliation = True  # "Iran backed"
                iso3 = self.country_cues.get(piece)
                metonym = False
                if iso3 is None and piece in self.metonyms:
                    iso3, metonym = self.metonyms[piece], True
                if iso3 is not None:
                    cues.append(_CountryCue(iso3=iso3, affiliation=affiliation, metonym=metonym))
                    matched = n
                    break
            i += max(matched, 1)
        return cues

    def _head(self, words: list[str]) -> tuple[str | None, list[str]]:
        """The category of the phrase's head noun and the words that modify it.

        'members of the security forces' reads the head after 'of'; 'fighters from Iran' before it.
        """
        cut = next((k for k, w in enumerate(words) if w in _PREPOSITIONS and k > 0), len(words))
        core = words[:cut]
        if cut < len(words) and core and core[-1] in _PARTITIVE and core[-1] not in self.heads:
            core = [w for w in words[cut + 1 :] if w not in self.ignore_words] or core
        for n in range(min(3, len(core)), 0, -1):
            category = self.heads.get(" ".join(core[-n:]))
            if category is not None:
                return category, core[:-n]
        for k in range(len(core) - 1, -1, -1):  # "militia fighters": the head may sit inside
            category = self.heads.get(core[k])
            if category is not None:
                return category, core[:k]
        return None, core

    # --- resolution ------------------------------------------------------------------------------

    def resolve(self, text: str, *, context_countries: Sequence[str] = ()) -> Actor:
        """Ground an actor phrase. Always returns an Actor; kind is `unknown` when nothing fits.

        Order: a named entry (alias, acronym, leader); a named group inside the phrase ('Hezbollah
        fighters'); a descriptive phrase read as country cues + head noun ('Israeli defence
        officials', 'Iran-backed militia fighters'); generic state words in the context country
        ('police', 'the regime'); else the cleaned text as the name of an unknown group.
        """
        key = (text, tuple(context_countries))
        memo = self._memo.get(key)
        if memo is None:
            memo = self._resolve(text, tuple(context_countries))
            if len(self._memo) < 50_000:  # bounded: a stream of articles must not grow it forever
                self._memo[key] = memo
        return memo

    def _resolve(self, text: str, context: tuple[str, ...]) -> Actor:
        restored = _restore_possessives(text)
        if restored != text and not self._names_one(text) and self._names_one(restored):
            # text that lost its apostrophes ("Russias military", "Kurdish Peoples Protection
            # Units"): the possessive names a country or a group the bare word does not
            return self._resolve_once(restored, context).model_copy(update={"text": text})
        return self._resolve_once(text, context)

    def _names_one(self, text: str) -> bool:
        """Whether the phrase names a known group or country, not only a kind of actor."""
        norm = _norm(text)
        words = norm.split()
        return (
            self._named(text, norm) is not None
            or bool(self.match_all(text))
            or any(w in self.country_cues for w in words)
        )

    def _resolve_once(self, text: str, context: tuple[str, ...]) -> Actor:
        original = text.strip()
        labelled = re.fullmatch(r"(.+?)\s*\((.+)\)", original)
        if labelled and _norm(labelled.group(2)) in self.country_cues:
            # ACLED-style "Protesters (Kenya)": the parenthesis names the country
            context = (self.country_cues[_norm(labelled.group(2))], *context)
            original = labelled.group(1)
        norm = _norm(original)
        words = [w for w in norm.split() if w]
        content = _drop_leading(words, self.ignore_words)
        core_norm = " ".join(content)
        by_country = self.contextual.get(core_norm)
        local = next((by_country[c] for c in context if c in by_country), None) if by_country else None
        if local is not None:
            return local.actor(text)  # "the coalition" over Syria: the US-led one
        entry = self._named(original, norm)
        if entry is not None:
            return entry.actor(text)
        entry = self.exact.get(core_norm)
        if entry is not None:
            return entry.actor(text)
        if core_norm in self.country_cues and len(content) <= 3:
            iso3 = self.country_cues[core_norm]  # "Israeli", "Israel": its forces, as ACLED codes strikes
            return self._descriptive(text, "state_forces", [iso3], context)
        if core_norm in self.metonyms:
            return self._descriptive(text, "government", [self.metonyms[core_norm]], context)
        inside = self.match_all(original)
        if inside:
            entry = _widest(inside)
            if (
                entry.kind is ActorKind.GOVERNMENT
                and entry.country
                and self._head(content)[0] == "state_forces"
            ):
                # "the air force of President Assad": the leader's country's forces, not the leader
                return self._descriptive(text, "state_forces", [entry.country], context)
            return entry.actor(text)
        if core_norm in self.generic:
            return self._descriptive(text, self.generic[core_norm], [], context)
        category, modifiers = self._head(content)
        cues = self._country_cues(content)
        if category is not None:
            category = self._refine(category, modifiers, content)
            own = [c.iso3 for c in cues if not c.affiliation]
            backers = [c.iso3 for c in cues if c.affiliation]
            if category == "aircraft" and set(content) & _STATE_WORDS:
                # "regime helicopters", "a helicopter belonging to the regime": the article's state's
                category = "state_forces"
                own = list(dict.fromkeys([*own, *context[:1]]))
            if cues and all(c.metonym for c in cues):
                category = "government" if category in ("state_forces", "police", "government") else category
            return self._descriptive(text, category, own, context, backers=backers)
        if cues and len(content) <= 2 and all(c.metonym for c in cues):
            return self._descriptive(text, "government", [cues[0].iso3], context)
        if _not_a_name(original, content, cues):
            # "Hundreds", "Saturday", "Fighting rages", "Mozambique's Palma": no group is named;
            # the article's country is all that is known of them.
            return Actor(text=text, country=context[0] if context else None, countries=list(context[:1]))
        return self._unknown_named(original, content, cues, context)

    def _refine(self, category: str, modifiers: list[str], words: list[str]) -> str:
        """Modifiers that change the kind: 'militia fighters', 'tribal militia', 'unidentified gunmen'."""
        mods = set(modifiers)
        if category in ("rebels", "unknown", "political_militia") and mods & self.pro_state_modifiers:
            return "political_militia"  # "pro-regime fighters": on the state's side
        if category == "protesters" and mods & {"armed", "militant"}:
            return "rebels"  # "the armed opposition"
        if category in ("rebels", "unknown", "state_forces") and mods & {
            "militia",
            "militias",
            "paramilitary",
        }:
            category = "political_militia"
        if category in ("political_militia", "rebels", "unknown") and (
            mods & self.identity_modifiers or any(w in self.identity_modifiers for w in words)
        ):
            return "identity_militia"
        if category == "rebels" and mods & self.unknown_modifiers:
            return "unknown"
        if category == "civilians" and mods & {"armed"}:
            return "unknown"  # "armed men" are not civilians
        if category == "state_forces" and mods & _REBEL_MODIFIERS:
            return "rebels"  # "rebel forces", "the rebel Army of Mujahideen": not the state's army
        return category

    def _descriptive(
        self,
        text: str,
        category: str,
        own: list[str],
        context: tuple[str, ...],
        *,
        backers: Sequence[str] = (),
    ) -> Actor:
        kind = _CATEGORY_KIND[category]
        if text.split()[0].lower() in _PRONOUNS and category not in _ACLED_PATTERN:
            return Actor(text=text, kind=kind)  # "its fighters": whose, the phrase does not say
        countries = list(dict.fromkeys([*own, *backers]))
        if category == "aircraft" and not countries:
            # "warplanes bombed the town": several air forces fly over one war; whose, the
            # phrase does not say.
            return Actor(text=text, kind=kind)
        # A named organisation belongs to the article's country; "the UN agency" does not.
        if not countries and (
            kind is not ActorKind.ORGANIZATION or any(w[:1].isupper() for w in text.split())
        ):
            countries = list(context[:1])
        country = countries[0] if countries else None
        pattern = _ACLED_PATTERN.get(category)
        country_label = self.country_names.get(country) if country else None
        if pattern and country_label:
            name = pattern.format(country_label)
        elif pattern and category == "unknown":
            name = "Unidentified Armed Group"
        else:
            name = _clean_name(text)
        return Actor(text=text, name=name, country=country, countries=countries, kind=kind)

    def _unknown_named(
        self, original: str, content: list[str], cues: list[_CountryCue], context: tuple[str, ...]
    ) -> Actor:
        """A group the gazetteer lacks: its own words as the name, the kind guessed from its head."""
        cut = next((k for k, w in enumerate(content) if w in _PREPOSITIONS and k > 0), len(content))
        last = content[cut - 1] if content else ""  # "Movement for Justice": the head is before "for"
        category = self.named_heads.get(last, "unknown")
        name = _clean_name(original)
        countries = list(dict.fromkeys(c.iso3 for c in cues)) or list(context[:1])
        return Actor(
            text=original,
            name=name or None,
            country=countries[0] if countries else None,
            countries=countries,
            kind=_CATEGORY_KIND[category],
        )


def _forces(iso3: str, name: str) -> ActorEntry:
    return ActorEntry(
        name=f"Military Forces of {name}",
        kind=ActorKind.STATE_FORCES,
        country=iso3,
        countries=(iso3,),
        acled_name=f"Military Forces of {name}",
    )


def _widest(found: list[tuple[int, int, ActorEntry]]) -> ActorEntry:
    return max(found, key=lambda f: (f[1] - f[0], -f[0]))[2]


def _drop_leading(words: list[str], ignore: frozenset[str]) -> list[str]:
    """'the 14 Iranian fighters' -> 'iranian fighters': determiners, numbers and hedges go."""
    k = 0
    while k < len(words) - 1 and (words[k] in ignore or words[k][0].isdigit()):
        k += 1
    return words[k:]


# Words that can make up a phrase the extractor takes for an actor but that names no one: counts
# and quantifiers ("Hundreds", "thousands"), days and times ("Saturday").
_QUANTITY_WORDS = frozenset(
    [
        "hundreds",
        "thousands",
        "dozens",
        "dozen",
        "scores",
        "tens",
        "millions",
        "several",
        "many",
        "some",
        "few",
        "a",
        "an",
        "number",
        "of",
        "more",
        "than",
        "at",
        "least",
        "about",
        "nearly",
        "almost",
        "around",
        "over",
        "up",
        "to",
        "as",
        "hundred",
        "thousand",
        "million",
        "the",
    ]
)
_TIME_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
        "tonight",
        "morning",
        "afternoon",
        "evening",
        "night",
        "weekend",
        "week",
        "month",
        "year",
        "day",
        "days",
        "weeks",
        "months",
        "years",
    ]
)
# Words that make an aircraft the article's own state's: "regime helicopters", "a helicopter
# belonging to the regime".
_STATE_WORDS = frozenset(["regime", "government", "army", "military", "state", "air-force"])
_PRONOUNS = frozenset(["its", "their", "his", "her", "our", "my", "your", "this", "that", "these", "those"])
# Lowercase words allowed inside a group's name ("Movement for Justice and Equality", "al Shabaab").
_NAME_CONNECTORS = frozenset(
    [
        "of",
        "for",
        "and",
        "the",
        "de",
        "du",
        "des",
        "la",
        "le",
        "el",
        "al",
        "in",
        "on",
        "to",
        "wa",
        "y",
        "e",
        "da",
        "do",
    ]
)
_NUMBER = re.compile(r"^[\d.,]+$")


def _not_a_name(original: str, content: list[str], cues: Sequence[object]) -> bool:
    """True when a phrase without a head noun cannot be a group's name: a count or quantifier, a day
    or date, a pronoun phrase, a place in a possessive ("Mozambique's Palma"), or words in lowercase
    that make it a clause ("Fighting rages")."""
    words = [w for w in content if w]
    if not words:
        return True
    if all(w in _QUANTITY_WORDS or _NUMBER.match(w) for w in words):
        return True
    if any(w in _TIME_WORDS for w in words) and not any(w[:1].isupper() for w in original.split()[1:]):
        return True
    if words[0] in _PRONOUNS:
        return True
    if cues and re.search(r"\w['’]s\s+\S", original):
        return True  # "Mozambique's Palma": a country's place, not a group
    tokens = original.translate(_APOSTROPHES).split()
    lowercase = [
        t for t in tokens[1:] if t[:1].islower() and t.strip(_EDGE_PUNCT).lower() not in _NAME_CONNECTORS
    ]
    return bool(lowercase) and not original.isupper()


def _clean_name(text: str) -> str:
    """'the Free Ghazal Brigade's' -> 'Free Ghazal Brigade'."""
    cleaned = text.translate(_APOSTROPHES).strip(_EDGE_PUNCT)
    cleaned = re.sub(r"'s$", "", cleaned)
    cleaned = re.sub(r"^(the|a|an)\s+", "", cleaned, flags=re.I)
    return re.sub(r"\s+", " ", cleaned).strip()


@cache
def _load_packaged() -> ActorGazetteer:
    try:
        text = resources.files("eventwire.data").joinpath("actors/actors.json").read_text("utf-8")
        raw = json.loads(text)
        return ActorGazetteer.from_data(raw)
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(
            f"cannot load the actor gazetteer data/actors/actors.json: {exc}; reinstall eventwire",
            code="EW030",
        ) from exc
