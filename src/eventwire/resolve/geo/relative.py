"""Relative place phrases ("eastern Syria", "north of Aleppo", "the country's east") to a region.

Holds the rules that turn such a phrase into the smallest place that surely contains the event,
at precision 2 (near or part of a named town) or 3 (region or country); never a guessed town.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventwire.records import Place
from eventwire.resolve.geo.index import CITY
from eventwire.resolve.geo.scan import ngram_matches, tokenize

if TYPE_CHECKING:
    from eventwire.resolve.geo.geocoder import Geocoder

# Words that ask for the anchor's first-level region rather than its country.
_REGION_WORDS = frozenset({"province", "governorate", "region", "oblast", "state", "countryside"})


def resolve_relative(
    geo: Geocoder, phrase: str, context: Sequence[str], anchor: Place | None
) -> Place | None:
    named = _named_place(geo, phrase, context)
    if named is not None:
        entry, precision = named
        return geo._place(entry, phrase, precision=precision)
    words = {w.strip(".,'’s").lower() for w in phrase.split()}
    if anchor is not None and anchor.country:
        if anchor.admin1 and words & _REGION_WORDS:
            region = geo.geocode(f"{anchor.admin1} province", context_countries=(anchor.country,))
            if region is not None and region.country == anchor.country and region.precision == 3:
                return region.model_copy(update={"text": phrase, "start": None, "end": None})
        return _country(geo, anchor.country, phrase)
    if len(context) == 1:  # with several countries in play, "the north" is no one's in particular
        return _country(geo, context[0], phrase)
    return None


def _named_place(geo: Geocoder, phrase: str, context: Sequence[str]) -> tuple[int, int] | None:
    """The last place named in the phrase ("north of Aleppo" -> Aleppo) and its precision:
    2 for a town (near or part of it), 3 for a region or country."""
    tokens = tokenize(phrase)
    matches = [
        m
        for m in ngram_matches(phrase, tokens, geo.keys, geo.settings.max_ngram_tokens)
        if m.key not in geo.curated
    ]
    if not matches:
        return None
    match = matches[-1]
    ranked = geo._ranked(geo._entries(match.key), context, match.designator)
    if not ranked:
        return None
    best = ranked[0]
    return best, (2 if geo.index.kinds[best] == CITY else 3)


def _country(geo: Geocoder, iso3: str, phrase: str) -> Place | None:
    try:
        place = geo.country(iso3)
    except Exception:
        return None
    return place.model_copy(update={"text": phrase, "start": None, "end": None})
