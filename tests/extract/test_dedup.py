"""Deduplication on mentions built by hand: which later tellings fold into an earlier event."""

from __future__ import annotations

from eventwire.extract.dedup import Draft, deduplicate
from eventwire.records import EventMention, Evidence, Status, TextSpan
from eventwire.taxonomy import acled_taxonomy


def _draft(sub_type: str, sentence: int, *, anaphoric: bool = False) -> Draft:
    start = sentence * 100
    mention = EventMention(
        id=f"e{sentence}",
        type=acled_taxonomy().type_of(sub_type),
        sub_type=sub_type,
        plover="ASSAULT",
        trigger=TextSpan(text="attack", start=start, end=start + 6),
        status=Status.ASSERTED,
        evidence=Evidence(sentence="x" * 90, start=start, end=start + 90),
        confidence=0.8,
    )
    return Draft(mention, sentence=sentence, anaphoric=anaphoric)


def test_a_definite_reference_folds_into_a_strike_told_under_another_type() -> None:
    # "a chemical attack hit the town ... [three sentences later] ... condemned the attack",
    # the later one typed as an attack on civilians
    folded = deduplicate([_draft("Chemical weapon", 1), _draft("Attack", 5, anaphoric=True)])
    assert [m.sub_type for m in folded] == ["Chemical weapon"]
    # told as new ("an attack"), far from the first and sharing nothing, it stays apart
    apart = deduplicate([_draft("Chemical weapon", 1), _draft("Attack", 5)])
    assert len(apart) == 2
    # a definite reference to a strike does not fold a clash into it
    clash = deduplicate([_draft("Air/drone strike", 1), _draft("Armed clash", 5, anaphoric=True)])
    assert len(clash) == 2
