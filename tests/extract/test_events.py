"""Event mentions from hand-written sentences: every ACLED sub-type, every status, the parse cases."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from eventwire.records import ArticleResult, EventMention
from eventwire.taxonomy import acled_taxonomy

Run = Callable[..., ArticleResult]

# (sentence, ACLED sub-type, status): one line per sub-type at least, in ACLED's order.
SUB_TYPES = [
    ("Government troops clashed with rebels near the town of Idlib on Monday.", "Armed clash", "asserted"),
    (
        "Syrian government forces recaptured the town of Saraqib from rebels on Monday.",
        "Government regains territory",
        "asserted",
    ),
    (
        "Islamic State fighters seized control of the town of Palmyra on Sunday.",
        "Non-state actor overtakes territory",
        "asserted",
    ),
    (
        "A chemical attack on the town of Douma killed 40 civilians on Saturday.",
        "Chemical weapon",
        "asserted",
    ),
    (
        "Russian warplanes bombed a market in Idlib on Monday, killing 12 people.",
        "Air/drone strike",
        "asserted",
    ),
    ("A suicide bomber blew himself up at a checkpoint in Kabul on Sunday.", "Suicide bomb", "asserted"),
    (
        "Government forces shelled the village of Kafr Nabl on Monday.",
        "Shelling/artillery/missile attack",
        "asserted",
    ),
    (
        "A roadside bomb exploded near a police patrol in Kandahar on Monday, killing two officers.",
        "Remote explosive/landmine/IED",
        "asserted",
    ),
    ("Unidentified men threw a grenade into a bar in Nairobi on Saturday.", "Grenade", "asserted"),
    ("Soldiers raped two women in the village of Minova on Friday.", "Sexual violence", "asserted"),
    ("Gunmen shot dead three civilians in a village near Mopti on Sunday.", "Attack", "asserted"),
    ("Gunmen abducted a local chief in Zamfara on Thursday.", "Abduction/forced disappearance", "asserted"),
    ("Hundreds of teachers held a peaceful protest in Nairobi on Monday.", "Peaceful protest", "asserted"),
    (
        "Police fired tear gas to disperse protesters in Santiago on Friday.",
        "Protest with intervention",
        "asserted",
    ),
    (
        "Police opened fire on protesters in Khartoum on Monday, killing five demonstrators.",
        "Excessive force against protesters",
        "asserted",
    ),
    (
        "Rioters torched cars and threw stones at police in Beirut on Tuesday.",
        "Violent demonstration",
        "asserted",
    ),
    ("A mob lynched a suspected thief in Kisumu on Sunday.", "Mob violence", "asserted"),
    ("The warring parties signed a ceasefire agreement in Geneva on Sunday.", "Agreement", "asserted"),
    ("Police arrested 20 opposition activists in Minsk on Saturday.", "Arrests", "asserted"),
    (
        "Twenty Afghan soldiers defected to the Taliban in Badakhshan on Monday.",
        "Change to group/activity",
        "asserted",
    ),
    ("Army engineers on Monday defused a bomb near a school in Mosul.", "Disrupted weapons use", "asserted"),
    (
        "Turkish troops established a new base near the town of Tal Abyad on Monday.",
        "Headquarters or base established",
        "asserted",
    ),
    ("Militants looted shops in the market of Goma on Sunday.", "Looting/property destruction", "asserted"),
    (
        "Rebel forces handed over the town of Jarabulus to Turkish-backed groups on Monday.",
        "Non-violent transfer of territory",
        "asserted",
    ),
    ("Authorities imposed a curfew in the city of Kano on Monday.", "Other", "asserted"),
]

# (sentence, sub-type, status): every status and the parse shapes (passive, nominal, control).
STATUSES = [
    ("Israeli jets reportedly struck an air base near Homs on Monday.", "Air/drone strike", "reported"),
    ("An airstrike allegedly killed 10 civilians in Idlib on Monday.", "Air/drone strike", "reported"),
    ("The group denied carrying out the bombing in Kabul.", "Remote explosive/landmine/IED", "denied"),
    ("The army intends to launch an offensive on the rebel-held town.", "Armed clash", "intended"),
    ("The militia threatened to attack government forces in the city.", "Armed clash", "intended"),
    ("Police did not arrest any protesters in Minsk on Saturday.", "Arrests", "negated"),
    (
        "Government forces could retake the town of Saraqib within days.",
        "Government regains territory",
        "hypothetical",
    ),
    (
        "If talks fail, the army may shell the rebel positions.",
        "Shelling/artillery/missile attack",
        "hypothetical",
    ),
    (
        "Officials said that government forces shelled the village of Kafr Nabl on Monday.",
        "Shelling/artillery/missile attack",
        "claimed",
    ),
    (
        "Rebels ambushed an army convoy near Deraa on Monday, local officials told Reuters.",
        "Armed clash",
        "claimed",
    ),
    (
        "Three civilians were killed by a landmine near Kandahar on Monday.",
        "Remote explosive/landmine/IED",
        "asserted",
    ),
    ("Five activists were arrested by police in Minsk on Saturday.", "Arrests", "asserted"),
    (
        "The Israeli airstrike on a weapons depot near Damascus killed four fighters on Monday.",
        "Air/drone strike",
        "asserted",
    ),
    (
        "Clashes between Houthi fighters and government troops killed 12 people in Marib on Sunday.",
        "Armed clash",
        "asserted",
    ),
    # a passive verb of reporting with no one named is the outlet's hedge
    (
        "Artillery shelling was also reported to the south of the city on Monday.",
        "Shelling/artillery/missile attack",
        "reported",
    ),
    (
        "Five soldiers were reported killed in the shelling of Homs on Monday.",
        "Shelling/artillery/missile attack",
        "reported",
    ),
    # an attempt is an aim pursued: intended, not hypothetical
    (
        "Rebels were trying to capture the town of Morek on Monday.",
        "Non-state actor overtakes territory",
        "intended",
    ),
    # doubt about who did it does not put in doubt what a relative clause gives
    (
        "It was unclear if the planes that bombed the market in Idlib on Monday were Syrian or Russian.",
        "Air/drone strike",
        "asserted",
    ),
    # a sentence-final attribution without a comma, and a named outlet's report
    (
        "A motorcycle bomber killed 16 civilians outside a bakery in Hasakeh on Tuesday an official said.",
        "Remote explosive/landmine/IED",
        "claimed",
    ),
    (
        "Russia has accused Belgium of killing six civilians in an airstrike on Monday.",
        "Air/drone strike",
        "claimed",
    ),
    # reports: nobody's are the outlet's hedge, a named source's are a claim
    (
        "Local media reported that a bomb exploded in Homs on Monday.",
        "Remote explosive/landmine/IED",
        "reported",
    ),
    (
        "Syrian state media reported that a bomb exploded in Homs on Monday.",
        "Remote explosive/landmine/IED",
        "claimed",
    ),
    (
        "According to a CNN report, a bomb exploded in Homs on Monday.",
        "Remote explosive/landmine/IED",
        "claimed",
    ),
]


def _find(result: ArticleResult, sub_type: str) -> list[EventMention]:
    return [e for e in result.events if e.sub_type == sub_type]


def test_cases_cover_every_sub_type() -> None:
    assert {s for _, s, _ in SUB_TYPES} == set(acled_taxonomy().sub_types)


@pytest.mark.parametrize(("text", "sub_type", "status"), SUB_TYPES)
def test_sub_types(run_text: Run, text: str, sub_type: str, status: str) -> None:
    result = run_text(text)
    found = _find(result, sub_type)
    assert found, [(e.sub_type, e.trigger.text if e.trigger else None) for e in result.events]
    event = found[0]
    assert event.status == status
    assert event.type == acled_taxonomy().type_of(sub_type)
    assert event.date is not None and event.date.precision == "day"


@pytest.mark.parametrize(("text", "sub_type", "status"), STATUSES)
def test_statuses(run_text: Run, text: str, sub_type: str, status: str) -> None:
    result = run_text(text)
    found = _find(result, sub_type)
    assert found, [(e.sub_type, e.status) for e in result.events]
    assert found[0].status == status
    if status == "claimed":
        assert found[0].claim_id in {c.id for c in result.claims}


@pytest.mark.parametrize(
    ("text", "sub_type", "actor1", "actor2"),
    [
        # passive voice: the "by" phrase is the agent, the subject the victim
        (
            "Three soldiers were killed by Taliban fighters in Helmand on Monday.",
            "Armed clash",
            "Taliban",
            None,
        ),
        # adjectival agent of a nominal trigger
        ("An Israeli strike hit a warehouse near Damascus on Monday.", "Air/drone strike", "ISR", None),
        # "killed N X": the victims are actor2
        ("Gunmen killed 14 civilians in Mopti on Monday.", "Attack", None, "civilians"),
        # a word for an armed actor modifying a nominal trigger names its agent
        (
            "The rebel shelling of Aleppo killed five people on Monday.",
            "Shelling/artillery/missile attack",
            "rebels",
            None,
        ),
        ("An army offensive on the town of Kinsabba began on Tuesday.", "Armed clash", "state_forces", None),
        # the agent of a participle that performs the event, not of one that comments on it
        (
            "Airstrikes led by the US-led coalition killed 12 people in Raqqa on Friday.",
            "Air/drone strike",
            "USA",
            None,
        ),
        # object control: "forced Tehran to withdraw" -> Tehran acts
        (
            "The strikes forced Tehran to withdraw its forces from Syria on Monday.",
            "Change to group/activity",
            "IRN",
            None,
        ),
        # the small model's noun-as-verb misreadings, repaired ("rebel" + participle "shelling",
        # plural "airstrikes" tagged as a verb)
        (
            "Syrian rebel shelling killed three children in Aleppo on Monday.",
            "Shelling/artillery/missile attack",
            "rebels",
            "children",
        ),
        ("Regime airstrikes hit the town of Douma on Monday.", "Air/drone strike", "state_forces", None),
        # a weapon is no actor: who fired or dropped it is
        (
            "Two children were killed by shells fired by opposition groups on Monday.",
            "Shelling/artillery/missile attack",
            "opposition groups",
            "children",
        ),
        (
            "Barrel bombs dropped by the Syrian regime killed 12 people in Sevre on Monday.",
            "Air/drone strike",
            "state_forces",
            None,
        ),
        # a hyphenated performing participle, and an event word that names its performer
        (
            "A DAESH-orchestrated car bombing killed 20 people in Qamishli on Monday.",
            "Remote explosive/landmine/IED",
            "Islamic State",
            "people",
        ),
        ("A suicide bomber blew himself up at a checkpoint on Tuesday.", "Suicide bomb", "unknown", None),
        # who pursues a purpose is the subject of the clause it hangs on, through the event noun
        (
            "Al-Nusra Front launched a counterattack to retake Khalasa on Wednesday morning.",
            "Non-state actor overtakes territory",
            "Al-Nusra Front",
            None,
        ),
        # a modifier of a modifier ("government barrel bombs"); who announces a truce makes it
        (
            "Six people were killed in government barrel bombs in the east of the city on Monday.",
            "Air/drone strike",
            "government",
            None,
        ),
        ("The Syrian regime announced a nationwide ceasefire on Monday.", "Agreement", "SYR", None),
        # the accused is who the charge says acted; a pronoun in a claim is the speaker's side
        (
            "Russia has accused Belgium of killing six civilians in an airstrike on Monday.",
            "Air/drone strike",
            "BEL",
            "civilians",
        ),
        (
            "The Syrian army said it had retaken the town of Morek on Monday.",
            "Government regains territory",
            "SYR",
            None,
        ),
        # a clash has two sides: the one named as the other party is actor1 when no agent is
        (
            "Rebels were killed in clashes with regime troops near Aleppo on Monday.",
            "Armed clash",
            "state_forces",
            "Rebels",
        ),
    ],
)
def test_arguments(run_text: Run, text: str, sub_type: str, actor1: str | None, actor2: str | None) -> None:
    events = _find(run_text(text), sub_type)
    assert events
    event = events[0]
    if actor1 is not None:
        assert event.actor1 is not None
        assert actor1 in (event.actor1.country, event.actor1.name, event.actor1.text, event.actor1.kind)
    if actor2 is not None:
        assert event.actor2 is not None and actor2 in event.actor2.text


def test_a_commenting_participle_names_no_agent(run_text: Run) -> None:
    [event] = _find(
        run_text("The airstrike condemned by the UN killed 12 people in Raqqa on Friday."), "Air/drone strike"
    )
    assert event.actor1 is None or "UN" not in event.actor1.text


def test_fatalities_from_clause(run_text: Run) -> None:
    event = run_text("An airstrike killed 14 fighters in Deir ez-Zor on Monday.").events[0]
    assert event.fatalities is not None and event.fatalities.value == 14
    assert event.date is not None and event.date.value == "2020-05-04"


@pytest.mark.parametrize(
    "text",
    [
        "Israel has launched hundreds of strikes in Syria since the start of the war in 2011.",
        "Israel rarely claims responsibility for the attacks.",
        "Airstrikes are a common feature of the war.",
        "A court ruled that the election was invalid on Monday.",
        "The minister visited Aleppo and Homs on Monday.",
        "The party suffered a heavy blow in the election.",
        "Analysts expect more attacks in the coming months.",
        "The player scored a late strike to win the match.",
    ],
)
def test_not_single_events(run_text: Run, text: str) -> None:
    dated = [e for e in run_text(text).events if e.date is not None and e.date.precision == "day"]
    assert dated == []
    assert all(e.status != "asserted" or e.date is None for e in run_text(text).events)


def test_context_chain_gives_actor(run_text: Run) -> None:
    text = (
        "Israeli strikes hit Syria overnight.\n\n"
        "The strikes killed 14 fighters in Deir ez-Zor on Monday, a monitor said."
    )
    strikes = _find(run_text(text), "Air/drone strike")
    assert strikes and strikes[0].actor1 is not None and strikes[0].actor1.country == "ISR"


def test_same_event_twice_is_one_mention(run_text: Run) -> None:
    text = (
        "An Israeli airstrike killed 14 fighters in Deir ez-Zor on Monday.\n\n"
        "The airstrike in Deir ez-Zor also destroyed a weapons depot."
    )
    assert len(_find(run_text(text), "Air/drone strike")) == 1


def test_two_places_are_two_mentions(run_text: Run) -> None:
    text = (
        "An airstrike killed 14 fighters in Deir ez-Zor on Monday.\n\n"
        "Another airstrike killed three civilians in Idlib on Tuesday."
    )
    assert len(_find(run_text(text), "Air/drone strike")) == 2


def test_ids_are_stable(run_text: Run) -> None:
    text = "Gunmen abducted a local chief in Zamfara on Thursday."
    assert [e.id for e in run_text(text).events] == [e.id for e in run_text(text).events]


def test_confidence_rises_with_evidence(run_text: Run) -> None:
    bare = run_text("There was an attack.").events
    full = run_text("Gunmen shot dead three civilians in a village near Mopti on Sunday.").events
    assert full
    assert not bare or max(e.confidence for e in full) > max(e.confidence for e in bare)


# Precision: what is not an event, or not an event of the type its bare word suggests.
@pytest.mark.parametrize(
    "text",
    [
        "Officials said that thousands of families fled the fighting in the north last week.",
        "Thousands of villagers have been evacuated from the valley in recent weeks.",
        "Residents said the shelling of the old town is daily and intense.",
        "The district has seen several rounds of heavy fighting this year.",
        "Rights groups said that years of killing had emptied the valley.",
        "Monitors said that a local truce holds in the southern suburbs.",
    ],
)
def test_not_events_precision(run_text: Run, text: str) -> None:
    assert [
        e.sub_type for e in run_text(text).events if e.status in ("asserted", "reported", "claimed")
    ] == []


def test_one_clause_one_event(run_text: Run) -> None:
    events = run_text(
        "The offensive began on Monday with a suicide attack on an army post near the town."
    ).events
    assert [e.sub_type for e in events] == ["Suicide bomb"]


def test_arrests_after_protest_fold_into_it(run_text: Run) -> None:
    text = "Students had gathered near the ministry on Friday when police arrested dozens of them."
    subs = [e.sub_type for e in run_text(text).events]
    assert "Arrests" not in subs
    assert "Protest with intervention" in subs


def test_aircraft_agent_types_air_strike(run_text: Run) -> None:
    events = run_text(
        "Government jets hit a market in the town of Maarat on Monday, killing nine people."
    ).events
    assert [e.sub_type for e in events] == ["Air/drone strike"]
    events = run_text("The air force killed at least ten people in the eastern villages on Saturday.").events
    assert [e.sub_type for e in events] == ["Air/drone strike"]


def test_repelled_attack_is_a_clash(run_text: Run) -> None:
    events = run_text("Troops repelled an attack by insurgents on the northern district on Tuesday.").events
    assert [e.sub_type for e in events] == ["Armed clash"]


def test_bare_attack_takes_its_antecedent_type(run_text: Run) -> None:
    text = (
        "A chemical attack hit the town of Douma on Saturday.\n\n"
        "Doctors said the attack killed 40 civilians, most of them children."
    )
    assert {e.sub_type for e in run_text(text).events} == {"Chemical weapon"}


def test_headline_attack_takes_type_from_story(run_text: Run) -> None:
    text = (
        "Town attack leaves dozens dead\n\n"
        "A car bomb exploded in the market of the town of Azaz on Monday, killing 30 people."
    )
    subs = {e.sub_type for e in run_text(text).events}
    assert "Attack" not in subs
    assert "Remote explosive/landmine/IED" in subs


def test_purpose_infinitive_of_conquest_is_intended(run_text: Run) -> None:
    events = run_text("Rebels launched an offensive on Sunday to seize the hills near the border.").events
    assert [e.sub_type for e in events if not e.sub_type.endswith("territory")] == ["Armed clash"]
    # the seizing is the offensive's aim: intended, by the rebels who launched it, never asserted
    seize = [e for e in events if e.sub_type.endswith("territory")]
    assert seize and all(e.status == "intended" for e in seize)
    assert all(e.actor1 is not None and e.actor1.text == "Rebels" for e in seize)


def test_opposition_groups_are_not_a_crowd(run_text: Run) -> None:
    events = run_text(
        "Rival opposition groups clashed in the countryside south of the city on Monday."
    ).events
    assert events and all(e.type == "Battles" for e in events)


def test_modifier_places_name_actor_not_venue(run_text: Run) -> None:
    events = run_text("U.S. air strikes on Raqqa killed 22 people on Saturday.").events
    assert events and all(
        e.location is None or e.location.precision != 3 or e.location.country == "SYR" for e in events
    )


def test_bare_attack_refers_to_the_lead_typed_event(run_text: Run) -> None:
    events = run_text(
        "Poison gas attack on rebel town kills dozens. "
        "Warplanes dropped chlorine bombs on the town of Saraqib on Sunday, medics said. "
        "Rescue teams worked through the night. "
        "The attack killed at least 30 civilians, a doctor said."
    ).events
    assert events and "Attack" not in {e.sub_type for e in events}


def test_instrument_and_garbled_agent_give_the_means(run_text: Run) -> None:
    events = run_text("An attack using poisonous gas hit the village on Monday, medics said.").events
    assert [e.sub_type for e in events] == ["Chemical weapon"]
    events = run_text(
        "Warplanes releasing toxic gas massacred dozens of people in the town on Tuesday."
    ).events
    assert events and {e.sub_type for e in events} == {"Chemical weapon"}


@pytest.mark.parametrize(
    "text",
    [
        "The army has stepped up its attacks on the insurgents in the north, he said.",
        "The battle for the city will continue, the commander said.",
        "After six years of killing and displacement the villagers returned.",
        "There is a media blackout over the battle, the spokesman said.",
        # a campaign without its day or toll, and a running total since it began
        "The offensive began in late May.",
        "A battle has been raging in the city of Manbij.",
        "At least 84 journalists have been killed since the fighting began in 2011.",
        # what stops or pauses is not told as happening
        "Washington called for a halt to the bombing of Aleppo.",
        "The Russian air force had stopped bombing Aleppo, the ministry said.",
        "The brief lull in the shelling gave residents some relief.",
        # a standing activity, in the lead too; a plural over a month
        "The SDF is an Arab-Kurdish coalition battling the Islamic State group in northern Syria.",
        "In May more than 60 civilians were killed by barrel bomb attacks on the town.",
        # history told as background, years before the article (published 2020-05-05)
        "The Ghouta chemical attack in August 2013 killed hundreds of people.",
        "March 15 2011 Unprecedented protests demand civil liberties in Deraa.",  # a timeline's entry
        # a campaign's course, a running total on the event noun, ground gained over time
        "Regime forces and Russian jets intensified their bombardment of Idlib.",
        "More than 520 US airstrikes since 21 May may have killed 229 civilians.",
        "Kurdish forces captured vast areas from the jihadists in northern Syria.",
        "The government has regained control of 55 percent of the country.",
        "The alliance has seized territory from IS across large parts of Syria.",
        # what a place underwent, an activity told with how long it has lasted, a danger
        "The road to Idlib has also seen intense bombing.",
        "Insurgent-held districts in the divided city have come under heavy air force bombardment.",
        "For nearly a week regime troops have been battling for control of the town.",
        "The regime has been attempting to seize the town for more than two years.",
        "Several kitchens stopped operating due to the danger of airstrikes.",
        # a standing fight, though the sentence has its day
        "Jets from the coalition battling the Islamic State group intervened, a spokesman said on Friday.",
    ],
)
def test_background_and_campaign_mentions_are_not_events(run_text: Run, text: str) -> None:
    assert run_text(text).events == []


def test_headline_and_body_telling_of_one_attack_merge(run_text: Run) -> None:
    events = run_text(
        "Gunmen kill two in market attack. "
        "Unidentified gunmen shot dead two traders in a market in Mopti on Sunday, residents said."
    ).events
    assert len(events) == 1
    events = run_text(
        "A drone strike on a market in Idlib province killed nine civilians on Monday. "
        "A drone hit a crowded vegetable market in the rebel-held town of Sarmada on Monday evening."
    ).events
    assert [e.sub_type for e in events] == ["Air/drone strike"]


def test_spokesperson_denial_names_the_body_as_agent(run_text: Run) -> None:
    events = run_text("A spokesman for the French defence ministry denied carrying out the bombing.").events
    assert events and events[0].status == "denied"
    assert events[0].actor1 is not None and "spokesman" not in events[0].actor1.text.lower()


def test_confidence_is_rounded(run_text: Run) -> None:
    events = run_text(
        "A drone strike on a market in Idlib province killed nine civilians on Monday. "
        "A drone hit a crowded vegetable market in Idlib on Monday."
    ).events
    assert events and all(e.confidence == round(e.confidence, 2) <= 0.95 for e in events)


def test_past_order_of_strikes_is_not_hypothetical(run_text: Run) -> None:
    ordered = run_text("The president ordered missile strikes on the air base on Friday.").events
    assert ordered and all(e.status == "asserted" for e in ordered)
    order_to = run_text("The president ordered troops to attack the rebel camp.").events
    assert all(e.status == "hypothetical" for e in order_to)


def test_claimed_the_lives_is_a_toll_not_a_claim(run_text: Run) -> None:
    events = run_text(
        "The violence claimed the lives of 12 people killed in an air strike on the village on Tuesday."
    ).events
    assert events and all(e.status != "claimed" for e in events)


def test_toll_in_a_subjectless_participle_belongs_to_the_event(run_text: Run) -> None:
    text = "A roadside bomb hit a police truck outside Gao on Friday, killing four officers and wounding six."
    events = run_text(text).events
    assert len(events) == 1
    assert events[0].fatalities is not None and events[0].fatalities.value == 4
    assert events[0].injuries is not None and events[0].injuries.value == 6


def test_later_references_to_one_bombing_are_one_event(run_text: Run) -> None:
    # A toll in the lead, the attacker, "the blast" and a monitor's account: one happening told
    # four times, under four different words.
    events = run_text(
        "A suicide bomber killed 16 civilians outside a bakery in Hasakeh on Tuesday.\n\n"
        "The attacker detonated his explosives in front of the bakery.\n\n"
        "The blast also wounded dozens of people, the Syrian Observatory for Human Rights said."
    ).events
    violent = [e for e in events if e.type != "Strategic developments"]
    assert len(violent) == 1, [(e.sub_type, e.evidence.sentence) for e in violent]
    assert violent[0].sub_type == "Suicide bomb"
    assert violent[0].fatalities is not None and violent[0].fatalities.text == "16"


def test_the_outlet_and_a_source_telling_one_event_are_one_mention(run_text: Run) -> None:
    result = run_text(
        "News from Idlib province\n\n"
        "Government forces shelled the town of Kafr Nabl on Monday.\n\n"
        "Activists said government forces shelled Kafr Nabl on Monday, killing two children."
    )
    assert len(_find(result, "Shelling/artillery/missile attack")) == 1


def test_references_across_distinct_places_or_markers_stay_apart(run_text: Run) -> None:
    events = run_text(
        "A car bomb exploded in Azaz on Monday, killing eight people.\n\n"
        "The explosion in Jarablus on Tuesday killed three soldiers."
    ).events
    assert len(events) == 2
    events = run_text(
        "A car bomb exploded in a market on Monday, killing eight people.\n\n"
        "Another bomb went off near a mosque, killing three worshippers."
    ).events
    assert len(events) == 2


def test_a_claim_of_responsibility_names_the_performer(run_text: Run) -> None:
    claimed = run_text(
        "A car bomb killed 12 people in Azaz on Monday.\n\n"
        "Islamic State claimed responsibility for the attack."
    )
    [bombing] = _find(claimed, "Remote explosive/landmine/IED")
    assert bombing.actor1 is not None and bombing.actor1.name == "Islamic State"
    unclaimed = run_text(
        "A car bomb killed 12 people in Azaz on Monday.\n\n"
        "No group has claimed responsibility for the attack."
    )
    assert _find(unclaimed, "Remote explosive/landmine/IED")[0].actor1 is None


def test_a_campaign_with_its_day_or_toll_is_an_event(run_text: Run) -> None:
    dated = run_text("Government forces launched an offensive on the town of Kinsabba on Tuesday.")
    assert _find(dated, "Armed clash")
    assert run_text("The rebel assault on the town killed 14 soldiers.").events
    # and what a truce stops still leaves the agreement itself
    agreed = run_text("The United States and Russia agreed to halt the bombing of Aleppo on Monday.")
    assert [e.sub_type for e in agreed.events] == ["Agreement"]


def test_a_reference_keeps_the_event_it_presupposes(run_text: Run) -> None:
    # "the attack" in a remark about something else (who did it, what it could amount to) is the
    # attack already told, not a second, hypothetical one
    events = run_text(
        "An airstrike hit a school in the town of Hass on Wednesday, killing 22 children.\n\n"
        "The UN said the attack could amount to a war crime."
    ).events
    assert [e.sub_type for e in events] == ["Air/drone strike"]
    assert events[0].status == "asserted"
    # a lead's bare toll, told in the monitor's words, is the toll of the strike
    events = run_text(
        "Airstrikes on a village in Idlib killed 12 people on Tuesday, a monitor said.\n\n"
        "Twelve people were killed including two rebel fighters, the monitor's head said."
    ).events
    assert [e.sub_type for e in events] == ["Air/drone strike"]


def test_a_headline_passive_without_its_auxiliary_names_victims(run_text: Run) -> None:
    # "Two patients killed": the parser reads an active verb; a counted subject and no object
    # are the victims, not a mob of patients
    [event] = run_text("Two patients killed and eight injured in Aleppo on Monday.").events
    assert event.sub_type == "Attack" and event.actor1 is None
    assert event.actor2 is not None and event.actor2.text == "patients"
    [mob] = run_text("Villagers killed two thieves in Kano on Monday.").events
    assert mob.sub_type == "Mob violence" and mob.actor1 is not None


def test_what_is_shot_down_is_the_target_not_the_actor(run_text: Run) -> None:
    [drone] = run_text("Jaish al-Islam said it had shot down a regime drone near Douma on Saturday.").events
    assert drone.sub_type == "Disrupted weapons use"  # ACLED: a downed drone is disrupted weapons use
    assert drone.actor1 is not None and drone.actor1.name == "Jaysh al-Islam"  # "it" is the speaker's side
    [downed] = run_text("A Russian helicopter was shot down near Saraqeb on Monday.").events
    assert downed.actor1 is None  # who shot it, the sentence does not say
    assert downed.actor2 is not None and downed.actor2.country == "RUS"


def test_whose_aircraft_and_a_dateline_are_read_off_the_phrase(run_text: Run) -> None:
    [strike] = run_text(
        "A helicopter belonging to the regime dropped a barrel bomb on the Zubdiya neighbourhood on Monday."
    ).events
    assert strike.actor1 is not None and strike.actor1.kind == "state_forces"
    assert strike.actor1.text == "helicopter belonging to the regime"
    [bombing] = run_text("4 May 2020 A suicide bomber killed 25 soldiers at a checkpoint in Idlib.").events
    assert bombing.actor1 is not None and bombing.actor1.text == "suicide bomber"


def test_named_areas_and_a_dated_capture_are_events(run_text: Run) -> None:
    territory = {"Government regains territory", "Non-state actor overtakes territory"}
    named = run_text("Southern forces took control of the Burkan and Dhi Masal areas from the Houthis.")
    assert [e.sub_type in territory for e in named.events] == [True]
    dated = run_text("Rebels captured large areas around the airport on Monday.")
    assert [e.sub_type in territory for e in dated.events] == [True]


def test_performers_behind_hedges_accusations_and_light_verbs(run_text: Run) -> None:
    [strike] = run_text(
        "At least 13 civilians died in air strikes suspected to be carried out by the regime"
        " around Douma on Friday."
    ).events
    assert strike.actor1 is not None and strike.actor1.text == "regime"
    # not who holds the place the participle describes
    [held] = run_text("Jets struck an area believed to be held by Islamic State fighters on Friday.").events
    assert held.actor1 is None or "Islamic" not in held.actor1.text
    [accused] = run_text(
        "Russia was accused of dropping phosphorous bombs on central Idlib on Sunday."
    ).events
    assert accused.sub_type == "Air/drone strike"  # only aircraft drop bombs
    assert accused.actor1 is not None and accused.actor1.text == "Russia"
    assert accused.status == "reported"  # an accusation nobody is named for is the outlet's hedge
    [assault] = run_text("Rebels staged a major assault on the city on Friday.").events
    assert assault.actor1 is not None and assault.actor1.text == "Rebels"
    [by_army] = run_text("Shelling by the army killed at least 21 civilians in Douma on Saturday.").events
    assert by_army.actor1 is not None and by_army.actor1.text == "army"
    events = run_text("The rebels withdrew from the town on Monday after shelling it for hours.").events
    assert {e.actor1.text for e in events if e.actor1 is not None} == {"rebels"} and len(events) == 2
    # the adjunct's doer is the subject of an active verb only: a passive's subject is the victim
    [attack] = run_text("Five soldiers were killed on Monday after rebels attacked the post.").events
    assert attack.actor1 is not None and attack.actor1.text == "rebels"
    [shelling] = run_text("Four people were killed in rebel shelling of a school in Aleppo on Monday.").events
    assert shelling.sub_type == "Shelling/artillery/missile attack"
    assert shelling.actor1 is not None and shelling.actor1.text == "rebel"


def test_one_bombing_named_two_ways_with_its_town_or_toll_is_one_event(run_text: Run) -> None:
    told = (
        "Five people were killed and 12 wounded in the attack in the town of Saraqeb.\n\n"
        "The wounded were taken to hospitals in the province.\n\n"
        "Residents said a vacuum bomb attack hit {town}, killing {toll} people."
    )
    assert len(run_text(told.format(town="Saraqeb", toll="five")).events) == 1
    assert len(run_text(told.format(town="the town", toll="five")).events) == 1
    assert len(run_text(told.format(town="Binnish", toll="three")).events) == 2


def test_the_means_a_town_a_side_or_page_furniture_is_not_the_performer(run_text: Run) -> None:
    # a weapon or an act of war in the agent's slot: whoever the phrase says used it, else nobody
    [fire] = run_text(
        "A barrage of rocket fire from Syrian rebels killed at least 14 people on Wednesday."
    ).events
    assert fire.actor1 is not None and fire.actor1.text == "Syrian rebels"
    [rebel] = run_text("Rebel fire killed 14 people in Aleppo on Wednesday.").events
    assert rebel.actor1 is not None and rebel.actor1.text == "Rebel"
    [raids] = run_text("In Douma, raids killed 16 civilians on Monday.").events
    assert raids.actor1 is None
    # people named by an event word stay the performers
    [mob] = run_text("A mob lynched a suspected thief in Kano on Monday.").events
    assert mob.actor1 is not None and mob.actor1.text == "mob"
    # the town that modifies the event is where it happened
    [town] = run_text("Six children were killed in Damascus air raids on Monday.").events
    assert town.actor1 is None and town.location is not None and town.location.name == "Damascus"
    # "the two sides" are told elsewhere; the victims of a battle are not a side of it
    [battle] = run_text("More than 300 people were killed on 3 May in a battle between the two sides.").events
    assert battle.actor1 is None
    # a tag list run into the sentence by a flattened web page
    [tagged] = run_text(
        "Tags Syria Damascus Douma Regime Rebels Civilians Airstrikes on a rebel-held town near"
        " Damascus killed at least 22 civilians on Monday."
    ).events
    assert tagged.actor1 is None or "Tags" not in tagged.actor1.text


def test_a_clause_beside_its_object_modifier_is_read_under_a_verb_above_it(run_text: Run) -> None:
    [shelling] = run_text(
        "Two medics were among at least 31 people killed on Saturday in Syrian government shelling of a town."
    ).events
    assert shelling.actor1 is not None and shelling.actor1.text == "Syrian government"
    # the subject of "is about retaking" does not retake anything
    events = run_text("The issue is not just about retaking some towns and hills, he said.").events
    assert all(e.actor1 is None for e in events)


def test_a_captured_town_the_tagger_took_for_a_person_is_ground_taken(run_text: Run) -> None:
    [town] = run_text("Insurgents including the Nusra Front captured Jisr al-Shughour in May.").events
    assert town.sub_type == "Non-state actor overtakes territory"
    # a person whose name is also a town abroad is still a captive
    [person] = run_text("Syrian rebels captured Ahmed Hassan, a local commander, in Syria on Monday.").events
    assert person.sub_type == "Abduction/forced disappearance"


def test_a_day_or_toll_keeps_what_a_place_underwent_an_event(run_text: Run) -> None:
    [shelling] = run_text("The town came under heavy shelling on Monday, killing five civilians.").events
    assert shelling.sub_type == "Shelling/artillery/missile attack"
    # hours are how long one event went on
    events = run_text("The rebels withdrew from the town on Monday after shelling it for hours.").events
    assert "Shelling/artillery/missile attack" in {e.sub_type for e in events}


def test_other_stories_headlines_and_rescues_are_not_events(run_text: Run) -> None:
    assert (
        run_text("Source agencies Related News Syrian regime attacks kill 16 civilians in Idlib.").events
        == []
    )
    assert run_text("Rescue workers were pulling a man out of a collapsed building on Monday.").events == []
    [withdrawal] = run_text("Russian troops pulled out of the town on Monday.").events
    assert withdrawal.sub_type == "Change to group/activity"


def test_an_event_set_beside_another_is_no_part_of_it(run_text: Run) -> None:
    # "a day after" relates the airstrikes to the rocket attacks: neither their type nor their
    # place is the attacks'
    [attacks] = run_text(
        "Six children were killed in rebel rocket attacks in Aleppo on Thursday just a day after"
        " deadly airstrikes on a school in Idlib."
    ).events
    assert attacks.sub_type == "Shelling/artillery/missile attack"
    assert attacks.actor1 is not None and attacks.actor1.text == "rebel"
    assert attacks.location is not None and attacks.location.name == "Aleppo"
    # but a toll "after" strikes is the strikes' toll
    [strikes] = run_text(
        "Scores of civilians were killed on Saturday after regime airstrikes hit Aleppo."
    ).events
    assert strikes.sub_type == "Air/drone strike" and strikes.actor1 is not None


def test_the_act_a_harm_verb_names_as_its_means_types_it(run_text: Run) -> None:
    [raids] = run_text(
        "On Monday 21 civilians were killed in coalition raids in the area, a monitor said."
    ).events
    assert raids.sub_type == "Air/drone strike"
    assert raids.actor1 is not None and raids.actor1.text == "coalition"
    [rockets] = run_text(
        "Four civilians were killed by rebel rocket fire on the government-held district."
    ).events
    assert rockets.sub_type == "Shelling/artillery/missile attack"
    [fire] = run_text(
        "Rebel fire on the government-held district of Hamdaniyeh killed 13 people on Wednesday."
    ).events
    assert fire.sub_type == "Shelling/artillery/missile attack"
    # shots are not shelling, and a police raid is no air raid
    [sniper] = run_text("Two men were killed by sniper fire in Daraa on Monday.").events
    assert sniper.sub_type == "Attack"
    police = run_text("Police killed two protesters in a raid on a house on Monday.").events
    assert [e.sub_type for e in police] != ["Air/drone strike"]


def test_a_reduced_relative_and_an_adverbial_pronoun_name_the_performer(run_text: Run) -> None:
    [strikes] = run_text(
        "Children were among at least 56 civilians killed in strikes by a US-led coalition early on Monday."
    ).events
    assert strikes.actor1 is not None and strikes.actor1.name == "US-led coalition"
    [bombs] = run_text(
        "Syrian regime aircraft killed at least 10 people when they dropped barrel bombs on a camp"
        " on Monday a monitor said."
    ).events
    assert bombs.actor1 is not None and bombs.actor1.text == "Syrian regime aircraft"  # not the monitor


def test_who_did_it_in_question_is_no_doubt_it_happened(run_text: Run) -> None:
    [strikes] = run_text(
        "The monitor said it was unclear if the strikes on the town of Ariha on Monday were carried out"
        " by Syrian government or Russian war planes."
    ).events
    assert strikes.status == "claimed"  # the strikes are given; only their performer is unclear
    # one of two, and the text does not say which: the words, and no name or country
    assert strikes.actor1 is not None and strikes.actor1.name is None and strikes.actor1.country is None
    assert strikes.actor1.text == "Syrian government or Russian war planes"
    [either] = run_text("Syrian or Russian warplanes bombed aid trucks near Aleppo on Monday.").events
    assert either.actor1 is not None and either.actor1.name is None and either.actor1.kind == "state_forces"
    [militants] = run_text("On 5 May 2020, JNIM or ISGS militants abducted a civilian in Mansila.").events
    assert militants.actor1 is not None and militants.actor1.kind == "rebels"  # both are rebels
    [offensive] = run_text("If the regime launches an offensive on the town, thousands will flee.").events
    assert offensive.status == "hypothetical"


def test_the_day_a_speaker_told_it_is_not_the_event_day(run_text: Run) -> None:
    [bombardment] = run_text(
        "Government bombardment of an opposition-held town has killed 43 people"
        " a monitoring group said Sunday."
    ).events
    assert bombardment.date is None
    [before] = run_text("Government shelling killed ten people Saturday the Observatory said.").events
    assert before.date is not None and before.date.value == "2020-05-02"
    [fronted] = run_text(
        "As reported on 2 May 2020, an airstrike by Afghan military forces killed 1 farmer."
    ).events
    assert fronted.date is not None and fronted.date.value == "2020-05-02"


def test_a_dateline_dates_the_story_and_the_text_dates_its_event(run_text: Run) -> None:
    text = (
        "43 killed in Syria army shelling of rebel town Monitor AFP Sunday 3 Jul 2016 Fierce government"
        " bombardment of an opposition-controlled town has killed 43 people a monitoring group said.\n\n"
        "Hours of shelling on Saturday struck Jayrud northeast of Damascus, the Observatory said."
    )
    shelling = [e for e in run_text(text, published=date(2016, 7, 3)).events if e.type != "Battles"]
    assert len(shelling) == 1
    assert shelling[0].date is not None and shelling[0].date.value == "2016-07-02"


def test_a_headline_country_before_an_armed_actor_word_is_where_not_who(run_text: Run) -> None:
    [rocket] = run_text("Syria rebel rocket kills five children in Aleppo.").events
    assert rocket.actor1 is not None and rocket.actor1.text == "rebel"
    [strikes] = run_text("Syria regime air strikes kill 15 near Damascus.").events
    assert strikes.actor1 is not None and strikes.actor1.text == "regime"


def test_who_tells_of_an_event_is_not_who_did_it_unless_it_tells_its_own_act(run_text: Run) -> None:
    [blast] = run_text(
        "Syrian state television said a blast killed six people in Aleppo on Wednesday."
    ).events
    assert blast.actor1 is None  # "Syrian" is the television's
    [owned] = run_text(
        "The Islamic State group also claimed an October 2 bomb attack at a police station."
    ).events
    assert owned.actor1 is not None and owned.actor1.name == "Islamic State"
    [truce] = run_text("The Syrian regime announced a nationwide ceasefire on Monday.").events
    assert truce.actor1 is not None and truce.actor1.country == "SYR"
    # in a quotation the speaker's side is "we"; "it" is the weapon told before
    quoted = run_text(
        'A missile struck the Maghayir district of Aleppo on Tuesday. "It killed 18 civilians" said'
        " Rami Abdel Rahman director of the Syrian Observatory for Human Rights."
    ).events
    assert all(e.actor1 is None or "Observatory" not in (e.actor1.name or "") for e in quoted)


def test_a_participle_left_without_its_auxiliary_tells_victims(run_text: Run) -> None:
    events = run_text(
        "The group said the strikes hit a district near a tent where relatives of people killed in a"
        " barrel bombing earlier this week were receiving condolences."
    ).events
    assert all(e.actor1 is None or "elatives" not in e.actor1.text for e in events)


def test_blasts_a_strike_set_off_and_a_bombers_part_are_no_events_of_their_own(run_text: Run) -> None:
    effects = run_text(
        "At least 16 airstrikes hit the city late on Saturday triggering successive explosions that shook it."
    ).events
    assert [e.sub_type for e in effects] == ["Air/drone strike"]
    depot = run_text(
        "Rocket attacks struck districts of Homs on Thursday, setting off explosions at an arms depot."
    ).events
    assert [e.sub_type for e in depot] == ["Shelling/artillery/missile attack"]
    told = run_text(
        "A car bomb killed 12 people at a checkpoint in Azaz on Monday.\n\n"
        "There was no claim of responsibility for the attack which local media said was carried out by a"
        " suicide car bomber."
    ).events
    assert len(told) == 1
    # a bomber who is the subject of his own act is the event
    [alone] = run_text("A suicide bomber blew himself up at a checkpoint in Kabul on Sunday.").events
    assert alone.sub_type == "Suicide bomb"


def test_the_acronym_is_is_read_as_the_group_not_the_verb(run_text: Run) -> None:
    [bombers] = run_text(
        "At least three IS suicide bombers attacked a checkpoint near Manbij on Tuesday."
    ).events
    assert bombers.actor1 is not None and bombers.actor1.name == "Islamic State"
    [claimed] = run_text("IS group also claimed an October 2 bomb attack at a police station.").events
    assert claimed.actor1 is not None and claimed.actor1.name == "Islamic State"


def test_a_report_read_as_its_speakers_aim_names_no_performer(run_text: Run) -> None:
    # the parse hangs "shelling" on "said" as if the Observatory set out to shell
    [shelling] = run_text("The Observatory said shelling on Sunday hit several areas of the capital.").events
    assert shelling.actor1 is None
    [vow] = run_text("The army vowed to retake the town of Palmyra.").events
    assert vow.actor1 is not None and vow.actor1.text == "army"  # an infinitive's controller stays


def test_the_day_of_a_verb_the_event_is_subject_of_is_the_event_day(run_text: Run) -> None:
    [clashes] = run_text(
        "Heavy clashes between the army and the RSF continued in Khartoum on Monday, killing at least"
        " 27 civilians, a doctors' union said."
    ).events
    assert clashes.date is not None and clashes.date.value == "2020-05-04"


def test_the_sides_of_a_clash_hung_on_its_verb_or_its_time_are_read(run_text: Run) -> None:
    # the parse puts "between ..." under "broke out", or under "overnight"/"dawn", not the clash word
    [fighting] = run_text(
        "Fierce fighting broke out overnight between government troops and rebels in Deraa."
    ).events
    assert fighting.actor1 is not None and fighting.actor1.text == "government troops"
    assert fighting.actor2 is not None and fighting.actor2.text == "rebels"
    # a group's fighters are named by the group, and the other side is not taken into it
    [battle] = run_text(
        "Heavy fighting erupted on Friday between fighters from the Free Syrian Army and the Islamic State"
        " near Azaz."
    ).events
    assert battle.actor1 is not None and battle.actor1.text == "fighters from the Free Syrian Army"
    assert battle.actor2 is not None and battle.actor2.name == "Islamic State"


def test_where_the_performer_came_from_is_not_the_venue(run_text: Run) -> None:
    [strikes] = run_text("Air strikes by jets from Jordan killed 12 militants on Monday.").events
    assert strikes.location is None or strikes.location.country != "JOR"
    [withdrawal] = run_text("The army withdrew from Aleppo on Monday.").events  # a verb's "from" still places
    assert withdrawal.location is not None and withdrawal.location.name == "Aleppo"


def test_a_child_told_with_a_harm_verb_is_its_victim_and_no_mob(run_text: Run) -> None:
    # the parse makes "boy" the subject of "shot"; a mob is a crowd, and children are harmed
    [shot] = run_text(
        "A seven-year-old boy shot in the town of Zabadani was taken to a hospital in Damascus the"
        " observatory said."
    ).events
    assert shot.sub_type == "Attack" and shot.actor1 is None
    assert shot.actor2 is not None and shot.actor2.text == "boy"
    [mob] = run_text("Angry villagers attacked a police post in Kasese on Monday.").events
    assert mob.sub_type == "Mob violence"


def test_aircraft_nobody_is_said_to_own_name_no_performer(run_text: Run) -> None:
    [bare] = run_text("Warplanes struck a market in Maarat al-Numan on Wednesday, killing 14 people.").events
    assert bare.actor1 is None
    [owned] = run_text("Syrian warplanes struck a market in Maarat al-Numan on Wednesday.").events
    assert owned.actor1 is not None and owned.actor1.country == "SYR"
    # "believed to be Russian": the text says whose, with a hedge
    [hedged] = run_text(
        "Fighter jets also believed to be Russian struck the town of Urum al Kubra on Monday."
    ).events
    assert hedged.actor1 is not None and hedged.actor1.text == "Fighter jets"


def test_a_monitor_telling_of_a_pronouns_fighting_is_not_a_side(run_text: Run) -> None:
    [clashes] = run_text(
        "They continue to battle for the town of Tabqa west of Raqqa with clashes ongoing on Saturday the"
        " observatory said."
    ).events
    assert clashes.actor1 is None
    [retaken] = run_text("The army said it had retaken the town of Palmyra on Sunday.").events
    assert retaken.actor1 is not None and retaken.actor1.text == "The army"


def test_the_day_a_speaker_reported_after_the_telling_is_not_the_event_day(run_text: Run) -> None:
    [bombs] = run_text(
        "Six civilians including two children were also killed by regime bombs that landed on eastern"
        " Harasta the observatory reported on Friday."
    ).events
    assert bombs.status == "claimed" and bombs.date is None


_LEAD = (
    "Rebels shelled Aleppo on Sunday. The UN called for calm. Aid groups warned of shortages. Talks stalled. "
)


def test_a_standing_fights_aim_and_a_trend_over_recent_weeks_are_no_events(run_text: Run) -> None:
    # past the lead: "have been battling to recapture" is a standing fight, not a planned capture
    fight = run_text(_LEAD + "Hama is one of the towns government troops have been battling to recapture.")
    assert [e.sub_type for e in fight.events] == ["Shelling/artillery/missile attack"]
    trend = run_text(_LEAD + "Regime aerial bombardment of the city has increased in recent weeks.")
    assert [e.sub_type for e in trend.events] == ["Shelling/artillery/missile attack"]
    # a dated act of the same kind is an event
    dated = run_text(_LEAD + "Regime aircraft bombed the city on Monday.")
    assert len(dated.events) == 2


def test_fire_laid_on_a_town_or_from_afar_is_shelling_and_the_means_types_a_killing(run_text: Run) -> None:
    [west] = run_text(
        "Six civilians were killed on Thursday in rebel fire on the government-held west of Aleppo."
    ).events
    assert west.sub_type == "Shelling/artillery/missile attack"
    [afar] = run_text(
        "A woman was killed in central Homs on Tuesday by rebel fire from its outskirts."
    ).events
    assert afar.sub_type == "Shelling/artillery/missile attack"
    # the means in its "in" phrase types the killing even when a "by" phrase names who did it
    [mortar] = run_text("Two people were killed in Damascus in mortar fire by rebel fighters.").events
    assert mortar.sub_type == "Shelling/artillery/missile attack"
    assert mortar.actor1 is not None and mortar.actor1.text == "rebel fighters"
    [sniper] = run_text("Two protesters were killed by sniper fire in Daraa on Friday.").events
    assert sniper.sub_type == "Excessive force against protesters"  # shots, not shelling


def test_a_leaders_regime_and_aircraft_told_beside_another_side(run_text: Run) -> None:
    [regime] = run_text(
        "Assad regime air strikes and artillery fire killed 19 civilians on Sunday in Douma."
    ).events
    assert regime.actor1 is not None and regime.actor1.kind == "state_forces"  # the regime, not the man
    [both] = run_text("On Friday 86 people were killed by regime and Russian warplanes.").events
    assert both.sub_type == "Air/drone strike"  # the aircraft of either side type the killing


def test_an_activity_or_its_record_is_no_party(run_text: Run) -> None:
    [taken] = run_text("The operation has so far captured the jihadist stronghold of Jarablus.").events
    assert taken.actor1 is None


def test_an_agreement_is_an_event_when_it_is_made_not_when_it_is_named(run_text: Run) -> None:
    [made] = run_text("Russia and the United States agreed a truce for Syria on Friday.").events
    assert made.sub_type == "Agreement"
    [reached] = run_text("A ceasefire was reached on Sunday between the two sides.").events
    assert reached.sub_type == "Agreement"
    # a made one that is broken, used or blamed is not a new agreement
    assert run_text("Moscow accused its foes of exploiting the ceasefire to regroup.").events == []
    assert run_text("Russia blamed the rebels for breaking the ceasefire.").events == []


def test_the_weapon_a_killing_follows_from_types_it_and_a_place_is_no_performer(run_text: Run) -> None:
    [fired] = run_text(
        "A police source said that gunmen fired rocket shells on the Midan district on Saturday evening"
        " killing two people."
    ).events
    assert fired.sub_type == "Shelling/artillery/missile attack"
    assert fired.actor1 is not None and fired.actor1.text == "gunmen"
    # a weapon beside "terrorist" types the attack; "terrorist" alone says only that it was one
    [shells] = run_text(
        "Three civilians were killed on Saturday in terrorist attacks with shells on Homs."
    ).events
    assert shells.sub_type == "Shelling/artillery/missile attack"
    [plain] = run_text("A terrorist attack killed four civilians in the town.").events
    assert plain.sub_type == "Attack"
    # the parse made the district the subject of the killing
    [hit] = run_text(
        "A source said that armed groups in the east targeted al-Midan neighborhood killing a woman and"
        " injuring three others."
    ).events
    assert hit.actor1 is None or "neighborhood" not in hit.actor1.text


def test_whom_an_event_is_blamed_on_is_its_performer(run_text: Run) -> None:
    [bombing] = run_text(
        "A car bombing blamed on the rebels killed at least 26 people in Hama on Friday."
    ).events
    assert bombing.actor1 is not None and bombing.actor1.text == "rebels"
