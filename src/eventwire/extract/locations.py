"""Choosing an event's location from the article's resolved places, by the event's own clause.

Holds the rule that a place counts only when the clause puts the event there (a locative
preposition or a modifier of the trigger) and the relative phrases ('the country's east'); it
does not geocode (resolve/places.py does).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.extract.syntax import CLAUSE_DEPS
from eventwire.records import Place

if TYPE_CHECKING:  # the gazetteers are only passed through; importing them loads nothing
    from eventwire.resolve.places import Geocoder

# Prepositions that put an event somewhere; "of", "to", "for" name places without locating.
LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "around",
        "across",
        "throughout",
        "into",
        "on",
        "from",
        "over",
        "towards",
        "toward",
        "along",
        "within",
        "off",
        "between",
        "by",
    }
)
# Nouns whose "of X" is a place: "the town of X", "the outskirts of X".
PLACE_NOUNS = frozenset(
    {
        "town",
        "city",
        "village",
        "province",
        "governorate",
        "district",
        "region",
        "area",
        "outskirts",
        "countryside",
        "suburbs",
        "suburb",
        "neighbourhood",
        "neighborhood",
        "centre",
        "center",
        "north",
        "south",
        "east",
        "west",
        "port",
        "capital",
    }
)
# Head words that make a phrase relative to a known region ("the country's east", "north of Aleppo").
RELATIVE = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northern",
        "southern",
        "eastern",
        "western",
        "border",
        "outskirts",
        "countryside",
        "suburbs",
        "suburb",
        "centre",
        "center",
        "country",
        "province",
        "region",
        "frontier",
    }
)


@dataclass(frozen=True)
class SentencePlace:
    """A resolved article place and the sentence token it starts at."""

    place: Place
    token: Token


def _locates(token: Token, chain: set[int], trigger: Token) -> bool:
    """Is a place put where the event is? It must hang, through a locative preposition, under the
    trigger or a predicate that carries it ('strikes ... killed 14 fighters in X'), or modify the
    trigger itself ('Aleppo airstrike'). A place in 'of'/'to' phrases or under another noun's
    clause only names."""
    if token.head.i == trigger.i and token.dep_ in ("compound", "nmod", "npadvmod"):
        return True
    node = token
    # Up the place's own noun phrase ("Idlib province", "the town of X") to the preposition that
    # governs it; a place inside a modifier ("Iran-linked forces") names, it does not locate.
    for _ in range(8):
        if node.dep_ == "pobj":
            prep = node.head
            if prep.lower_ == "from" and prep.head.pos_ in ("NOUN", "PROPN") and prep.head.i != trigger.i:
                return False  # "aircraft from Saudi Arabia", "fighters from X": where they came from
            if prep.lower_ in LOCATIVE:
                return _reaches_chain(prep, chain)
            if prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS:
                node = prep.head
                continue
            return False
        if node.dep_ not in ("compound", "appos", "conj", "flat", "nmod") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _reaches_chain(node: Token, chain: set[int]) -> bool:
    for _ in range(8):
        if node.head.i == node.i or node.dep_ in CLAUSE_DEPS:
            return False
        node = node.head
        if node.i in chain:
            return True
    return False


def _relative_phrase(clause: Sequence[Token], chain: set[int], trigger: Token) -> str | None:
    """'in the country's east' -> "the country's east"; only under a locative preposition that
    belongs to the event (see `_locates`)."""
    for token in clause:
        relative = token.dep_ == "pobj" and token.head.lower_ in LOCATIVE and token.lemma_.lower() in RELATIVE
        if relative and _locates(token, chain, trigger):
            return token.doc[token.left_edge.i : token.right_edge.i + 1].text
    return None


def choose_location(
    clause: Sequence[Token],
    chain: Sequence[Token],
    trigger: Token,
    places: Sequence[SentencePlace],
    geocoder: Geocoder,
    context_countries: Sequence[str],
) -> Place | None:
    """The place of the event from its own clause, most precise first, nearest the trigger next."""
    members = {t.i for t in clause}
    carriers = {t.i for t in chain}
    own = [sp for sp in places if sp.token.i in members and _locates(sp.token, carriers, trigger)]
    best = (
        min(own, key=lambda sp: (sp.place.precision or 3, abs(sp.token.i - trigger.i))).place if own else None
    )
    if best is not None and best.precision in (1, 2):
        return best
    phrase = _relative_phrase(clause, carriers, trigger)
    if phrase is not None:
        # a place the clause names abroad ("US-led", "Russian territory") does not anchor "the north"
        anchor = best.country if best is not None and best.country in context_countries else None
        countries = (anchor,) if anchor else tuple(context_countries)
        relative = geocoder.relative(phrase, context_countries=countries)
        if relative is not None:
            return relative
    return best
