"""Article-level context for extraction: the dominant countries and the chain of earlier mentions.

Holds what one sentence may borrow from the rest of its article ('the strikes' takes its actor
from the standfirst's 'Israeli strikes'; 'the country' is the dominant country); it does not
read the parse of the sentence being extracted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from eventwire.records import Actor, Place
from eventwire.taxonomy import VIOLENT_TYPES, acled_taxonomy

# Determiners that make a nominal trigger refer back to an event already mentioned.
ANAPHORIC = frozenset({"the", "these", "those", "this", "that"})


def dominant_countries(places: Sequence[Place], limit: int = 3) -> tuple[str, ...]:
    """Countries of the article's places, most named first; those named at least half as often as
    the first are kept (an article about Syria that names Israel and Iran often keeps all three)."""
    counts = Counter(p.country for p in places if p.country)
    if not counts:
        return ()
    ranked = counts.most_common()
    top = ranked[0][1]
    return tuple(c for c, n in ranked[:limit] if n * 2 >= top)


@dataclass(frozen=True)
class Antecedent:
    sentence: int
    sub_type: str
    actor1: Actor | None
    location: Place | None
    vague: bool = False  # a bare "attack"/"killed" whose sub-type was a default, not read from the text


@dataclass
class ContextChain:
    """Earlier event mentions of the article, emitted or not (an aggregate still names its actor)."""

    window: int  # sentences back that 'the strikes' may look
    lead: int  # the first sentences (headline, standfirst) are always in reach
    items: list[Antecedent] = field(default_factory=list)

    def add(self, item: Antecedent) -> None:
        self.items.append(item)

    def antecedent(self, sentence: int, sub_type: str) -> Antecedent | None:
        """The latest earlier mention of the same sub-type with an actor, within reach."""
        for item in reversed(self.items):
            if item.sentence >= sentence or item.sub_type != sub_type or item.actor1 is None:
                continue
            if sentence - item.sentence <= self.window or item.sentence < self.lead:
                return item
        return None

    def violent(self, sentence: int) -> Antecedent | None:
        """The earlier violent event of the article told with its own type that a bare 'the attack'
        refers to ('a chemical attack hit Douma ... The attack killed 40'): one in the two sentences
        before it, else the lead's (the article's main event), else the latest within reach."""
        typed = [
            item
            for item in self.items
            if item.sentence < sentence
            and not item.vague
            and acled_taxonomy().type_of(item.sub_type) in VIOLENT_TYPES
        ]
        near = [item for item in typed if sentence - item.sentence <= 2]
        if near:
            return near[-1]
        lead = [item for item in typed if item.sentence < self.lead]
        if lead:
            return lead[0]
        within = [item for item in typed if sentence - item.sentence <= self.window]
        return within[-1] if within else None
