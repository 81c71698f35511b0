"""The example article of issue 4 (acceptance 1-7) and issue 6 (grounding of the strike), end to end."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.annotate import Annotator
from eventwire.ingest.plaintext import read_text_article
from eventwire.records import ArticleResult, EventMention

Run = Callable[..., ArticleResult]


@pytest.fixture(scope="module")
def result(example_path: Path, annotator: Annotator, extractor) -> ArticleResult:  # type: ignore[no-untyped-def]
    article = read_text_article(example_path.read_text("utf-8"), source=str(example_path))
    assert article.published is not None and article.published.isoformat() == "2020-05-05"
    out: ArticleResult = extractor.extract(annotator.annotate([article])[0])
    return out


def _strikes(result: ArticleResult) -> list[EventMention]:
    return [e for e in result.events if e.sub_type == "Air/drone strike"]


def _monday_strike(result: ArticleResult) -> EventMention:
    found = [e for e in _strikes(result) if e.date is not None and e.date.value == "2020-05-04"]
    assert len(found) == 1, [(e.evidence.sentence[:60], e.date) for e in _strikes(result)]
    return found[0]


def test_1_reported_strike(result: ArticleResult) -> None:
    strike = _monday_strike(result)
    assert strike.actor1 is not None and strike.actor1.country == "ISR"
    assert strike.location is not None and strike.location.country == "SYR"
    assert strike.fatalities is not None and strike.fatalities.value == 14
    assert strike.date is not None and strike.date.precision == "day"
    assert strike.status == "reported"


def test_2_withdrawal_claimed_by_anonymous_israeli_officials(result: ArticleResult) -> None:
    claims = {c.id: c for c in result.claims}
    moves = [e for e in result.events if e.sub_type == "Change to group/activity" and e.status == "claimed"]
    assert moves
    for move in moves:
        assert move.actor1 is not None and move.actor1.country == "IRN"
        claim = claims[move.claim_id or ""]
        assert claim.speaker is not None and claim.speaker.anonymous and claim.speaker.country == "ISR"


def test_3_intention_never_asserted(result: ArticleResult) -> None:
    continued = [e for e in result.events if "continue strikes" in e.evidence.sentence]
    assert all(e.status == "intended" for e in continued)


def test_4_soleimani_killing(result: ArticleResult) -> None:
    found = [e for e in result.events if "Soleimani" in e.evidence.sentence]
    assert len(found) == 1
    killing = found[0]
    assert killing.actor1 is not None and killing.actor1.country == "USA"
    assert killing.status == "asserted"
    assert killing.date is not None and killing.date.precision != "day"


def test_5_6_claims(result: ArticleResult) -> None:
    assert any(c.channel == "The Times of Israel" for c in result.claims)
    quotes = [c for c in result.claims if c.content.text.startswith("Syria is paying a growing price")]
    assert quotes and quotes[0].direct_quote


def test_7_no_dated_aggregate(result: ArticleResult) -> None:
    aggregate = [e for e in result.events if "since the start of the civil war" in e.evidence.sentence]
    assert all(e.date is None or e.date.precision != "day" for e in aggregate)


def test_every_event_points_at_its_sentence(result: ArticleResult) -> None:
    text = result.article.text
    for event in result.events:
        assert text[event.evidence.start : event.evidence.end] == event.evidence.sentence
        assert event.trigger is not None
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text


def test_issue6_strike_grounding(result: ArticleResult) -> None:
    strike = _monday_strike(result)
    assert strike.location is not None and strike.location.precision in (2, 3)
    assert strike.actor2 is not None and strike.actor2.kind == "political_militia"
    assert "IRN" in strike.actor2.countries
