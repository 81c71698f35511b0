"""Deduplication on mentions built by hand: which later tellings fold into an earlier event."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.extract.dedup import Draft, deduplicate
from eventwire.records import (
    Actor,
    ActorKind,
    DateValue,
    EventMention,
    Evidence,
    Fatalities,
    Place,
    Status,
    TextSpan,
)
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


def _dated(sub_type: str, sentence: int, day: str, text: str, **fields: object) -> Draft:
    draft = _draft(sub_type, sentence)
    when = DateValue(text=text, value=day, precision="range" if "/" in day else "day")
    return replace(draft, mention=draft.mention.model_copy(update={"date": when, **fields}))


@pytest.mark.parametrize(
    ("first", "second", "events"),
    [
        # "airstrikes late Saturday and early Sunday" ... "the airstrikes tonight" (said on Sunday)
        (("2015-07-04", "late Saturday"), ("2015-07-05", "tonight"), 1),
        # two days told as days are two strikes
        (("2015-07-04", "on Saturday"), ("2015-07-05", "on Sunday"), 2),
        # a span of days holds a day inside it, not one outside
        (("2015-02-16/2015-02-22", "earlier this week"), ("2015-02-18", "on Wednesday"), 1),
        (("2015-02-16/2015-02-22", "earlier this week"), ("2015-02-10", "on 10 February"), 2),
    ],
)
def test_dates_that_may_tell_one_event(first: tuple[str, str], second: tuple[str, str], events: int) -> None:
    drafts = [_dated("Air/drone strike", 1, *first), _dated("Air/drone strike", 2, *second)]
    assert len(deduplicate(drafts)) == events


def test_a_dateline_bounds_the_lead_event_and_yields_to_the_day_the_text_gives() -> None:
    headline = _dated("Shelling/artillery/missile attack", 0, "2016-07-03", "Sunday 3 Jul 2016")
    headline = replace(headline, dated_by_line=True)
    told = _dated("Shelling/artillery/missile attack", 1, "2016-07-02", "on Saturday")
    [one] = deduplicate([headline, told])
    assert one.date is not None and one.date.value == "2016-07-02"
    # a day long before the dateline is another event
    earlier = _dated("Shelling/artillery/missile attack", 1, "2016-06-20", "on 20 June")
    assert len(deduplicate([headline, earlier])) == 2


def _actor(text: str, name: str, country: str, kind: ActorKind) -> Actor:
    return Actor(text=text, name=name, country=country, countries=[country], kind=kind)


def _by(draft: Draft, name: str, kind: ActorKind) -> Draft:
    return replace(
        draft, mention=draft.mention.model_copy(update={"actor1": _actor(name, name, "SYR", kind)})
    )


def test_two_sides_of_one_country_are_not_one_performer_but_either_side_of_a_clash_is() -> None:
    regime = _by(
        _draft("Shelling/artillery/missile attack", 1), "Military Forces of Syria", ActorKind.STATE_FORCES
    )
    rebels = _by(
        _draft("Shelling/artillery/missile attack", 2, anaphoric=True), "Jaish al-Islam", ActorKind.REBELS
    )
    assert len(deduplicate([regime, rebels])) == 2
    army = _by(_draft("Armed clash", 1), "Military Forces of Syria", ActorKind.STATE_FORCES)
    fighters = _by(_draft("Armed clash", 2, anaphoric=True), "Jaish al-Islam", ActorKind.REBELS)
    assert len(deduplicate([army, fighters])) == 1


def _at(draft: Draft, name: str, admin1: str, geonames_id: int) -> Draft:
    place = Place(text=name, name=name, admin1=admin1, country="SYR", geonames_id=geonames_id, precision=1)
    return replace(draft, mention=draft.mention.model_copy(update={"location": place}))


def test_a_town_that_shares_its_provinces_name_may_mean_the_province() -> None:
    # "Air strikes kill 11 in Syria's Idlib" ... "the strikes on the town of Ariha in Idlib province"
    idlib = _at(_draft("Air/drone strike", 0), "Idlib", "Idlib", 1)
    ariha = _at(_draft("Air/drone strike", 2, anaphoric=True), "Arīḩā", "Idlib", 2)
    assert len(deduplicate([idlib, ariha])) == 1
    # two towns of one province are two places
    saraqib = _at(_draft("Air/drone strike", 0), "Saraqib", "Idlib", 3)
    assert len(deduplicate([saraqib, ariha])) == 2


def test_a_headline_dated_by_its_line_yields_to_the_lead_that_tells_the_event() -> None:
    headline = replace(_dated("Air/drone strike", 0, "2016-07-16", "Saturday"), dated_by_line=True)
    lead = _dated("Air/drone strike", 1, "2016-07-16", "on Saturday")
    lead = replace(lead, mention=lead.mention.model_copy(update={"status": Status.CLAIMED, "claim_id": "c1"}))
    [one] = deduplicate([headline, lead])
    assert one.status == "claimed" and one.claim_id == "c1"  # "..., a monitor said": the lead's telling
    assert one.evidence.start == lead.mention.evidence.start


def test_a_killing_told_with_its_weapon_elsewhere_takes_the_weapons_type() -> None:
    # "Missile kills 18 civilians" (headline) ... "forces killed at least 18 civilians" (lead)
    toll = {"fatalities": Fatalities(value=18, text="18")}
    headline = _draft("Shelling/artillery/missile attack", 0)
    headline = replace(headline, mention=headline.mention.model_copy(update=toll), dated_by_line=True)
    lead = _dated("Attack", 1, "2020-05-04", "on Monday")  # the fuller telling keeps its evidence
    lead = replace(lead, mention=lead.mention.model_copy(update=toll))
    [one] = deduplicate([headline, lead])
    assert one.evidence.start == lead.mention.evidence.start
    assert one.sub_type == "Shelling/artillery/missile attack" and one.type == "Explosions/Remote violence"


def _toll(draft: Draft, killed: int) -> Draft:
    update = {"fatalities": Fatalities(value=killed, text=str(killed))}
    return replace(draft, mention=draft.mention.model_copy(update=update))


def test_a_retelling_of_two_events_kept_apart_joins_them_when_they_share_a_detail() -> None:
    # "A suicide bomber killed 17 ..." / "The attacker detonated his explosives ..." / "... 17 people
    # were killed in the attack": the last tells both, so the first two are one bombing
    bomber = _toll(_draft("Suicide bomb", 1), 17)
    detonated = _draft("Remote explosive/landmine/IED", 3)
    attack = _toll(_draft("Remote explosive/landmine/IED", 5, anaphoric=True), 17)
    [one] = deduplicate([bomber, detonated, attack])
    assert one.fatalities is not None and one.fatalities.value == 17
    # with nothing specific shared, the retelling joins one of them and the other stays
    loose = _draft("Remote explosive/landmine/IED", 5, anaphoric=True)
    assert len(deduplicate([_draft("Suicide bomb", 1), detonated, loose])) == 2


def test_a_clash_and_the_ground_it_won_are_one_battle_coded_by_its_outcome() -> None:
    # "Clashes killed 12 ..." then "... the rebels' capture of the town": the richer clash keeps
    # its toll, the battle is coded as the capture
    clash = _toll(_draft("Armed clash", 1), 12)
    capture = _draft("Non-state actor overtakes territory", 2, anaphoric=True)
    [one] = deduplicate([clash, capture])
    assert one.fatalities is not None and one.fatalities.value == 12
    assert one.sub_type == "Non-state actor overtakes territory"
    assert one.evidence.start == capture.mention.evidence.start  # told where the ground changed hands


def test_a_week_holds_its_days() -> None:
    # "an offensive this week" (told by its Monday) and "fighting on Tuesday" of that week
    week = _dated("Armed clash", 1, "2015-02-16", "this week")
    week = replace(
        week,
        mention=week.mention.model_copy(
            update={"date": DateValue(text="this week", value="2015-02-16", precision="week")}
        ),
    )
    assert len(deduplicate([week, _dated("Armed clash", 2, "2015-02-17", "on Tuesday")])) == 1
    assert len(deduplicate([week, _dated("Armed clash", 2, "2015-02-24", "on 24 February")])) == 2


def test_two_tellings_of_a_battle_may_name_its_sides_in_either_order() -> None:
    rebels = _actor("opposition fighters", "Syrian opposition", "SYR", ActorKind.REBELS)
    hezbollah = _actor("Hezbollah", "Hezbollah", "LBN", ActorKind.POLITICAL_MILITIA)
    fighting = _draft("Armed clash", 1)
    fighting = replace(fighting, mention=fighting.mention.model_copy(update={"actor1": rebels}))
    attack = _draft("Armed clash", 2, anaphoric=True)  # "Hezbollah was leading the attack on the town"
    attack = replace(
        attack, mention=attack.mention.model_copy(update={"actor1": hezbollah, "actor2": rebels})
    )
    assert len(deduplicate([fighting, attack])) == 1
    # with no side in common they are two battles
    alone = replace(attack, mention=attack.mention.model_copy(update={"actor2": None}))
    assert len(deduplicate([fighting, alone])) == 2


def test_who_denied_an_act_folded_into_it_is_not_its_performer() -> None:
    # "A drone strike killed nine, a monitor said" ... "Russia denied carrying out the attack"
    strike = _draft("Air/drone strike", 1)
    strike = replace(strike, mention=strike.mention.model_copy(update={"status": Status.CLAIMED}))
    russia = _actor("Russian defence ministry", "Government of Russia", "RUS", ActorKind.GOVERNMENT)
    denial = _draft("Air/drone strike", 3, anaphoric=True)
    denial = replace(
        denial, mention=denial.mention.model_copy(update={"status": Status.DENIED, "actor1": russia})
    )
    [one] = deduplicate([strike, denial])
    assert one.status == "claimed" and one.actor1 is None
