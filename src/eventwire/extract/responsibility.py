"""Claims of responsibility: 'Islamic State claimed responsibility for the attack' names the
performer of the attack the article told before.

Holds `credit_responsibility`, which fills a missing actor1 of the event a responsibility claim
refers to; it does not find claims or events.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from eventwire.records import Actor, Claim, EventMention
from eventwire.taxonomy import VIOLENT_TYPES, acled_taxonomy

# How far before the claim the event it owns up to may be told, in sentences.
_REACH_SENTENCES = 4


def _claimant(claim: Claim) -> Actor | None:
    """The named group that owns up to an attack; an anonymous or unnamed speaker credits no one."""
    speaker = claim.speaker
    if speaker is None or speaker.anonymous or "responsibility" not in claim.content.text.lower().split():
        return None
    return speaker.as_named_actor()


def credit_responsibility(
    events: Sequence[EventMention], claims: Sequence[Claim], sentence_at: Callable[[int], int]
) -> list[EventMention]:
    """`events` with actor1 filled from responsibility claims: the latest violent event without an
    actor told in the claim's sentence or the few before it. `sentence_at` maps an article
    offset to its sentence index."""
    out = list(events)
    for claim in claims:
        if claim.cue not in ("claim", "admit") or (actor := _claimant(claim)) is None:
            continue
        here = sentence_at(claim.evidence.start)
        candidates = [
            k
            for k, e in enumerate(out)
            if e.actor1 is None
            and acled_taxonomy().type_of(e.sub_type) in VIOLENT_TYPES
            and 0 <= here - sentence_at(e.evidence.start) <= _REACH_SENTENCES
        ]
        if candidates:
            k = max(candidates, key=lambda i: out[i].evidence.start)
            out[k] = out[k].model_copy(update={"actor1": actor})
    return out
