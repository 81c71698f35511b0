"""The article scan behind Geocoder.find_places: NER spans and gazetteer matches, resolved once each.

Holds the two-pass resolution (gather mentions, derive the article's countries and regions, then
rank each mention's candidates with them); candidate ranking itself lives in geocoder.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.records import Place
from eventwire.resolve.geo.index import CITY, COUNTRY
from eventwire.resolve.geo.scan import (
    DESIGNATORS,
    NgramMatch,
    Token,
    lowercase_words,
    names_a_site,
    ngram_matches,
    part_of_longer_name,
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

    lowered = lowercase_words(text)
    # Only mentions that may be names vote for the article's countries: a scanned dictionary word
    # ("Zone", "Police") that is rejected below must not pull every other name abroad.
    voters = [m for m in mentions if m.entries and (m.match is None or _may_be_name(geo, m, lowered))]
    share = geo.settings.dominant_country_share
    place_votes: Counter[str] = Counter()
    by_key: dict[str, Counter[str]] = {}
    for m in voters:
        vote = geo.country_vote(m.entries, m.key)
        if vote is not None:
            place_votes[vote[0]] += vote[1]  # type: ignore[assignment]
            by_key.setdefault(m.key, Counter())[vote[0]] += vote[1]  # type: ignore[assignment]
    # Countries the places themselves show; demonyms ("Canadian troops") only help rank names.
    place_context = list(context_countries) or share_leaders(place_votes, share)
    context = list(context_countries) or share_leaders(place_votes + _demonym_votes(geo, tokens), share)

    others_memo: dict[str, list[str]] = {}

    def others_context(key: str) -> list[str]:
        if key not in others_memo:
            others_memo[key] = _others_context(key)
        return others_memo[key]

    def _others_context(key: str) -> list[str]:
        """The countries the article's other names show: "Palma" three times in a story about
        Mozambique does not make Spain one of its countries."""
        if context_countries or key not in by_key:
            return place_context
        return share_leaders(place_votes - by_key[key], share)

    admin_context = geo.dominant_admin1([m.entries for m in voters], context)
    surnames = _surnames(geo, text, tokens)
    ranked_of = {
        id(m): geo._ranked(m.entries, context, m.regions_only, admin_context, key=m.key) if m.entries else []
        for m in mentions
    }
    tops = [(m.key, r[0]) for m in mentions if (r := ranked_of[id(m)])]
    places: list[Place] = []
    for m in sorted(mentions, key=lambda m: m.start):
        ranked = ranked_of[id(m)]
        surface = text[m.start : m.end]
        best = ranked[0] if ranked else None
        if best is not None and m.key in surnames and geo.small_town(best):
            continue  # "Walsh said": the surname of someone named earlier, not the town of Walsh
        foreign = (
            best is not None
            and geo.index.kinds[best] == CITY
            and geo._country_of(best) not in (others := others_context(m.key))
        )
        if best is not None and (
            (foreign and geo.weak_foreign(best, m.key, others, _anchors(geo, others, tops, m.key)))
            or (
                place_context
                and geo._country_of(best) not in place_context
                and geo.index.kinds[best] == CITY
                and names_a_site(text, m.end)
            )
        ):
            best = None  # "Boni" in a Mali story is not Bonn: better no point than a wrong one
        if best is not None and _acronym_of_another(geo, best, m.key, surface):
            best = None  # "state news agency SANA": an acronym, not Sanaa spelled another way
        if (
            best is not None
            and m.from_ner
            and (not context or geo._country_of(best) not in context)
            and geo.index.kinds[best] == CITY
            and _inside_longer_name(geo, m, tokens, text)
        ):
            continue  # "Abdifatah Aden Hassan": a piece of a person's name, not Aden in Yemen
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
            and geo.accept_scanned(m.match, tokens, text, best, lowered, others_context(m.key) or context)
        ):
            places.append(geo._place(best, surface, m.start, m.end))
    return _contained(text, places, place_context or context)


def _acronym_of_another(geo: Geocoder, entry: int, key: str, surface: str) -> bool:
    """An all-capitals short word that is a town's name only by an alternate spelling: an
    organisation's acronym ('SANA', the Syrian news agency, is not Sanaa). A town written in
    capitals under its own name ('HOMS' in a dateline) stays."""
    return (
        surface.isupper()
        and len(surface) <= 5
        and geo.index.kinds[entry] == CITY
        and geo.primary_key(entry) != key
    )


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
        if drop and key in geo.common_words:
            break  # "the Central Zone" is not the Italian town of Zone
        entries = geo._entries(key)
        if label == "FAC":
            entries = [e for e in entries if geo.primary_key(e) == key]
        if entries:
            return _Mention(start, end, entries, regions or regions_only, True, None, key)
    if label == "FAC":
        return None
    return _Mention(start, end, [], regions_only, True, None, key_all)


# How far after an unknown name its container may come: "Kipulu village (Shabunda, Sud-Kivu)".
_CONTAINER_CHARS = 80
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z\"“]|\n")
_CONTAINS = re.compile(r"[(,]|\b(?:of|in|near|outside)\b")


def _contained(text: str, places: list[Place], context: Sequence[str]) -> list[Place]:
    """An NER name the gazetteer lacks, followed closely by a known place of the article's countries
    ("in Kipulu village (Shabunda, Sud-Kivu)", "the Bazar area of Nad Ali district"), is placed in
    that one: precision 2 when it is a town (part of or near it), 3 when a region."""
    out = list(places)
    for i, place in enumerate(places):
        if place.lat is not None or place.end is None:
            continue
        for later in places[i + 1 :]:
            if later.start is None or later.start - place.end > _CONTAINER_CHARS:
                break
            gap = text[place.end : later.start]
            if _SENTENCE_END.search(gap):
                break
            if not _CONTAINS.search(gap):
                continue  # "Qqzzyxville and Saraqib": a list, not a place inside another
            if later.lat is None or later.country not in context:
                continue
            precision = 2 if later.precision == 1 else 3
            out[i] = later.model_copy(
                update={"text": place.text, "start": place.start, "end": place.end, "precision": precision}
            )
            break
    return out


def share_leaders(votes: Counter[str], share: float) -> list[str]:
    """Countries holding at least `share` of the votes, most voted first."""
    total = sum(votes.values())
    return [c for c, n in votes.most_common() if total and n / total >= share]


def _may_be_name(geo: Geocoder, m: _Mention, lowered: set[str]) -> bool:
    """A scanned match that the stoplists and the article's own lowercase words do not rule out."""
    key = m.key
    if key in geo.curated:
        return False
    if any(geo.index.kinds[e] == COUNTRY for e in m.entries):
        return True
    single = m.match is not None and m.match.last - m.match.first == 1
    return not (key in geo.dictionary or (single and key in lowered))


def _inside_longer_name(geo: Geocoder, m: _Mention, tokens: list[Token], text: str) -> bool:
    """An NER span flanked by capitalised words that are not common ones ("Abdifatah Aden Hassan")."""
    first = bisect_left(tokens, m.start, key=lambda t: t.start)
    last = first
    while last < len(tokens) and tokens[last].end <= m.end:
        last += 1
    if last == first:
        return False
    match = NgramMatch(m.start, m.end, first, last, m.key, False)
    return part_of_longer_name(match, tokens, text, geo.common_words)


def _demonym_votes(geo: Geocoder, tokens: list[Token]) -> Counter[str]:
    """Half a vote per capitalised demonym ("Afghan soldiers", "Malian army") for its country."""
    votes: Counter[str] = Counter()
    for tok in tokens:
        if tok.capitalised:
            iso3 = geo.index.demonyms.get(tok.key)
            if iso3:
                votes[iso3] += 0.5  # type: ignore[assignment]
    return votes


def _anchors(geo: Geocoder, context: Sequence[str], tops: Sequence[tuple[str, int]], key: str) -> list[int]:
    """Entries that show where the article's countries are: their country points and the places
    of the article that resolved inside them."""
    out = [e for c in context if (e := geo.country_entry(c)) is not None]
    out += [e for k, e in tops if k != key and geo._country_of(e) in context]
    return out


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
