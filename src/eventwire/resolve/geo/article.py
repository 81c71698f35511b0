"""The article scan behind Geocoder.find_places: NER spans and gazetteer matches, resolved once each.

Holds the two-pass resolution (gather mentions, derive the article's countries and regions, then
rank each mention's candidates with them); candidate ranking itself lives in geocoder.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.records import Place
from eventwire.resolve.geo.scan import (
    DESIGNATORS,
    NgramMatch,
    Token,
    lowercase_words,
    ngram_matches,
    tokenize,
)

if TYPE_CHECKING:
    from eventwire.resolve.geo.geocoder import Geocoder

# Words NER keeps at the front of a place span that are not part of the name ("northern Syria").
LEADING = frozenset(
    {
        "the",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "north",
        "south",
        "east",
        "west",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "rural",
        "greater",
        "downtown",
    }
)
# "Syrian territory", "Israeli airspace": a demonym before one of these names the country itself.
_TERRITORY = re.compile(
    r"\s+(territory|territories|soil|airspace|waters|border|borders|coast)\b", re.IGNORECASE
)


@dataclass
class _Mention:
    start: int
    end: int
    entries: list[int]
    regions_only: bool
    from_ner: bool
    match: NgramMatch | None = None  # set for a gazetteer-only mention
    key: str = ""


def scan_article(
    geo: Geocoder, text: str, ner_spans: Sequence[tuple[int, int, str]], context_countries: Sequence[str]
) -> list[Place]:
    tokens = tokenize(text)
    mentions: list[_Mention] = []
    taken: set[int] = set()
    starts = [t.start for t in tokens]
    for start, end, label in sorted(set(ner_spans)):
        if not (0 <= start < end <= len(text)):
            continue  # a span from another text; ignoring it keeps the rest of the article
        mention = _ner_mention(geo, text, start, end, label)
        if mention is not None:
            mentions.append(mention)
        # Even a dropped span (a demonym, an unknown building) is not scanned again.
        first = bisect_right(starts, start) - 1
        taken.update(i for i in range(max(first, 0), bisect_left(starts, end)) if tokens[i].end > start)
    for match in ngram_matches(text, tokens, geo.keys, geo.settings.max_ngram_tokens, skip=taken):
        entries = geo._entries(match.key)
        mentions.append(_Mention(match.start, match.end, entries, match.designator, False, match, match.key))
    mentions += _demonym_territories(geo, text, tokens, taken)

    context = list(context_countries) or geo.dominant_countries([m.entries for m in mentions if m.entries])
    admin_context = geo.dominant_admin1([m.entries for m in mentions if m.entries], context)
    lowered = lowercase_words(text)
    surnames = _surnames(geo, text, tokens)
    places: list[Place] = []
    for m in sorted(mentions, key=lambda m: m.start):
        ranked = geo._ranked(m.entries, context, m.regions_only, admin_context) if m.entries else []
        surface = text[m.start : m.end]
        best = ranked[0] if ranked else None
        if best is not None and m.key in surnames and geo.small_town(best):
            continue  # "Walsh said": the surname of someone named earlier, not the town of Walsh
        if m.from_ner:
            places.append(
                geo._place(best, surface, m.start, m.end)
                if best is not None
                else Place(text=surface, start=m.start, end=m.end)
            )
        elif best is not None and m.match is None:
            places.append(geo._place(best, surface, m.start, m.end))  # "Syrian territory"
        elif (
            best is not None
            and m.match is not None
            and geo.accept_scanned(m.match, tokens, text, best, lowered, context)
        ):
            places.append(geo._place(best, surface, m.start, m.end))
    return places


def _ner_mention(geo: Geocoder, text: str, start: int, end: int, label: str) -> _Mention | None:
    """An NER span, trimmed of "the" and of direction words when the bare name is what resolves.

    Demonyms ("Canadian") are the actor resolver's, and a facility the gazetteer does not hold
    ("the Webb Center") has no coordinates to give: both are dropped.
    """
    words = text[start:end].split()
    regions_only = len(words) > 1 and words[-1].lower() in DESIGNATORS
    key_all, _ = geo._name_key(text[start:end])
    if key_all in geo.index.demonyms and not geo.names_country(key_all):
        return None
    for drop in range(len(words)):
        if drop and words[drop - 1].lower() not in LEADING:
            break
        key, regions = geo._name_key(" ".join(words[drop:]))
        entries = geo._entries(key)
        if label == "FAC":
            entries = [e for e in entries if geo.primary_key(e) == key]
        if entries:
            return _Mention(start, end, entries, regions or regions_only, True, None, key)
    if label == "FAC":
        return None
    return _Mention(start, end, [], regions_only, True, None, key_all)


def _demonym_territories(geo: Geocoder, text: str, tokens: list[Token], taken: set[int]) -> list[_Mention]:
    """ "Syrian territory", "Israeli airspace" -> the country, spanning both words."""
    out: list[_Mention] = []
    for i, tok in enumerate(tokens):
        iso3 = geo.index.demonyms.get(tok.key) if tok.capitalised and i not in taken else None
        if iso3 is None:
            continue
        m = _TERRITORY.match(text, tok.end)
        if m is None:
            continue
        entry = geo.country_entry(iso3)
        if entry is not None:
            out.append(_Mention(tok.start, m.end(), [entry], False, False, None, tok.key))
    return out


def _surnames(geo: Geocoder, text: str, tokens: list[Token]) -> set[str]:
    """Keys that end a run of capitalised words which is not itself a place ("Mike Walsh")."""
    common = geo.common_words
    out: set[str] = set()
    run: list[Token] = []
    for i, tok in enumerate([*tokens, None]):
        joined = tok is not None and run and text[run[-1].end : tok.start] == " "
        if tok is not None and tok.capitalised and (joined or not run):
            run.append(tok)
            continue
        if len(run) >= 2 and run[0].key in geo.titles:
            out.add(run[-1].key)  # "President Walsh"
        while run and (run[0].key in common or not run[0].key):
            run.pop(0)
        if len(run) >= 2:
            key = " ".join(t.key for t in run if t.key)
            last = run[-1]
            if key not in geo.keys and last.text.lower() not in DESIGNATORS and last.key not in common:
                out.add(last.key)
        run = [tok] if tok is not None and tok.capitalised else []
        del i
    return out
