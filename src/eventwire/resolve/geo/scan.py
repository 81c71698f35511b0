"""Finding place-name candidates in raw text: tokens, capitalised n-grams, designators.

Holds the tokenizer and the n-gram matcher over the gazetteer keys; it does not rank
candidates or decide which countries an article is about (geocoder.py does).
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from eventwire.resolve.geo.normalize import ARTICLES, word_key

# Words after a name that make it an administrative region: "Idlib province", "Donetsk Oblast".
DESIGNATORS = frozenset(
    {"province", "provinces", "governorate", "region", "oblast", "state", "prefecture", "department"}
)
# Words after a name that say what kind of place it is without being part of it: "Kunduz city",
# "Maywand district", "Erkech village". The bare name is looked up when the whole one is unknown.
GENERIC_SUFFIXES = frozenset(
    {
        "city",
        "town",
        "village",
        "villages",
        "district",
        "districts",
        "area",
        "municipality",
        "commune",
        "county",
        "subdivision",
        "sub-district",
        "subdistrict",
        "territory",
        "neighbourhood",
        "neighborhood",
        "locality",
        "camp",
        "settlement",
        "township",
    }
)
_DESIGNATOR = re.compile(r"[ -](?:" + "|".join(sorted(DESIGNATORS)) + r")\b", re.IGNORECASE)
# Text allowed between two tokens of one name: a space, a hyphen ("Deir ez-Zor"), nothing else.
_INNER_GAPS = frozenset({" ", "-", "‐", "–"})


class Token(NamedTuple):  # a tuple: built for every word of every article, so cheap to make
    start: int
    end: int
    text: str
    key: str
    capitalised: bool


@dataclass(frozen=True)
class NgramMatch:
    start: int  # char offsets in the text
    end: int
    first: int  # token indexes, inclusive-exclusive
    last: int
    key: str
    designator: bool  # followed by "province", "region", ...


# Lowercase words that occur inside place names ("Deir ez-Zor", "Rostov-on-Don", "Isle of Man",
# "Bosnia and Herzegovina"). Other lowercase words can never be part of a name, so the scan
# never makes tokens of them: most words of an article are skipped at regex speed.
_CONNECTORS = sorted(
    ARTICLES
    | {
        "of",
        "on",
        "upon",
        "the",
        "and",
        "de",
        "del",
        "la",
        "le",
        "les",
        "du",
        "des",
        "da",
        "do",
        "dos",
        "das",
        "di",
        "am",
        "im",
        "der",
        "y",
        "sur",
        "bin",
        "ibn",
        "abu",
        "bou",
        "ben",
        "ain",
        "wadi",
        "tal",
        "umm",
    },
    key=len,
    reverse=True,
)
_SCAN = re.compile(
    r"(?<![^\W\d_])(?:[^\W\d_a-zß-ÿ][^\W\d_]*(?:['’ʼʿʾ][^\W\d_]+)*|(?:"
    + "|".join(_CONNECTORS)
    + r")(?![^\W\d_]))"
)
_LOWER_WORD = re.compile(r"(?<![^\W\d_])[a-z]+(?![^\W\d_])")


def tokenize(text: str) -> list[Token]:
    """Capitalised words and name connectors with offsets; other lowercase words are not
    tokens (the gap they leave keeps names from running across them). A possessive "'s" is
    left out of the token ("Syria's")."""
    tokens: list[Token] = []
    append, key_of = tokens.append, word_key
    for m in _SCAN.finditer(text):
        word = m.group()
        start, end = m.span()
        if word[-1] in "sS" and len(word) > 2 and word[-2] in "'’":
            word, end = word[:-2], end - 2
        append(Token(start, end, word, key_of(word), word[0].isupper()))
    return tokens


def lowercase_words(text: str) -> set[str]:
    """Every all-lowercase ASCII word of the text ("police" here makes "Police" a common noun)."""
    return set(_LOWER_WORD.findall(text))


def _joined(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end : right.start]
    return gap in _INNER_GAPS


def _may_start(tokens: list[Token], i: int, text: str) -> bool:
    tok = tokens[i]
    if tok.capitalised:
        return True
    # "al-Bab", "ez-Zor": a lowercase article hyphened onto a capitalised word starts a name.
    return (
        tok.text in ARTICLES
        and i + 1 < len(tokens)
        and tokens[i + 1].capitalised
        and text[tok.end : tokens[i + 1].start] in ("-", "‐")
    )


def ngram_matches(
    text: str, tokens: list[Token], keys: Container[str], max_tokens: int, skip: Container[int] = ()
) -> Iterator[NgramMatch]:
    """Longest gazetteer keys over capitalised token runs, left to right, never overlapping.

    A name starts and ends on a capitalised word; inner words may be lowercase ("Rostov on Don",
    "Deir ez-Zor"). Tokens whose index is in `skip` (NER spans already taken) are not used.
    """
    i, n = 0, len(tokens)
    while i < n:
        if i in skip or not _may_start(tokens, i, text):
            i += 1
            continue
        found: NgramMatch | None = None
        parts: list[str] = []
        j = i
        while j < n and j - i < max_tokens and j not in skip:
            if j > i and not _joined(text, tokens[j - 1], tokens[j]):
                break
            if tokens[j].key:
                parts.append(tokens[j].key)
            if tokens[j].capitalised and parts:
                key = " ".join(parts)
                if key in keys:
                    found = NgramMatch(tokens[i].start, tokens[j].end, i, j + 1, key, False)
            j += 1
        if found is None:
            i += 1
            continue
        designator = _DESIGNATOR.match(text, found.end)
        if designator is not None:
            last = found.last + (found.last < n and tokens[found.last].start < designator.end())
            found = NgramMatch(found.start, designator.end(), found.first, last, found.key, True)
        yield found
        i = found.last


def part_of_longer_name(match: NgramMatch, tokens: list[Token], text: str, common: frozenset[str]) -> bool:
    """True for "Smith" in "Mark Smith" or "Aleppo" in "Aleppo University": a capitalised neighbour
    that is not a common word means the match is a piece of some other proper name."""
    prev, nxt = match.first - 1, match.last
    if prev >= 0 and text[tokens[prev].end : tokens[match.first].start] in (" ", "-", "‐"):
        p = tokens[prev]  # "Mark Smith"; "Mayo-Sava" is not Sava in Madagascar
        if p.capitalised and p.key and p.key not in common:
            return True
    if nxt < len(tokens) and text[tokens[nxt - 1].end : tokens[nxt].start] == " ":
        n = tokens[nxt]
        lower = n.text.lower()
        if (
            n.capitalised
            and n.key not in common
            and lower not in DESIGNATORS
            and lower not in GENERIC_SUFFIXES
        ):
            return True
    return False


# Lowercase nouns after a name that make it the name of a site, not the place ("Los Angeles
# cemetery" in Tegucigalpa, "Paris street"): a foreign namesake there is no evidence of the place.
FACILITY_NOUNS = frozenset(
    {
        "cemetery",
        "hospital",
        "market",
        "street",
        "road",
        "avenue",
        "park",
        "square",
        "school",
        "mosque",
        "church",
        "bridge",
        "stadium",
        "hotel",
        "restaurant",
        "university",
        "college",
        "prison",
        "station",
        "airport",
        "neighbourhood",
        "neighborhood",
        "quarter",
        "sector",
        "colony",
        "estate",
    }
)
_FACILITY_AFTER = re.compile(r"\s+(?:" + "|".join(sorted(FACILITY_NOUNS)) + r")\b")


def names_a_site(text: str, end: int) -> bool:
    """Whether a lowercase facility noun follows the name ending at `end` ("Los Angeles cemetery")."""
    return _FACILITY_AFTER.match(text, end) is not None
