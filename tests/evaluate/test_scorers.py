"""The three scorers against hand-built predictions, with scores computed by hand.

The arithmetic behind every expected number is in docs/evaluation.md ("The test gold files").
"""

from __future__ import annotations

import pytest
from eval_predictions import FIXTURES, claim_predictions, event_predictions, place_predictions

from eventwire.evaluate.claims import score_claims, worst_claims
from eventwire.evaluate.events import score_events, worst_events
from eventwire.evaluate.gold import read_gold
from eventwire.evaluate.places import score_places, worst_places

EXPLOSIONS = "Explosions/Remote violence"


@pytest.fixture(scope="module")
def events():  # type: ignore[no-untyped-def]
    gold = read_gold(FIXTURES / "events_gold.jsonl")
    return score_events(gold.items, event_predictions())


@pytest.mark.parametrize(
    ("metric", "hits", "n"),
    [
        ("no_event", 1, 4),
        ("type_accuracy", 2, 4),
        ("sub_type_accuracy", 2, 4),
        ("fatalities_exact_both", 1, 2),
        ("fatalities_exact_missing0", 3, 4),
        ("country_accuracy", 3, 4),
        ("admin1_accuracy", 3, 4),  # "Idlib Governorate" == "Idlib" after normalisation
        ("within_near", 2, 4),
        ("within_far", 3, 4),
        ("date_exact", 2, 4),  # a month-precision date never matches a day
        ("actor1_kind", 3, 4),
        ("actor2_kind", 2, 2),  # inter2 = 0 (no actor) is not scored
        ("actor1_country", 2, 3),  # "Taliban" names no country: not scored
        ("actor2_country", 2, 2),
    ],
)
def test_event_shares(events, metric: str, hits: int, n: int) -> None:  # type: ignore[no-untyped-def]
    share = getattr(events, metric)
    assert (share.hits, share.total) == (hits, n)


def test_event_f1_mae_and_confusion(events) -> None:  # type: ignore[no-untyped-def]
    assert events.type_macro_f1 == pytest.approx((1 + 2 / 3 + 0) / 3)
    assert events.sub_type_macro_f1 == pytest.approx(0.5)
    assert events.fatalities_mae_both == pytest.approx(1.0)
    assert events.fatalities_mae_missing0 == pytest.approx(0.5)
    assert events.median_km == pytest.approx(0.0)
    assert events.type_confusion == {
        "Battles": {"Battles": 1},
        EXPLOSIONS: {EXPLOSIONS: 1, "none": 1},
        "Protests": {"Riots": 1},
    }


def test_best_mention_prefers_sub_type_over_confidence(events) -> None:  # type: ignore[no-untyped-def]
    first = events.outcomes[0]
    assert first.predicted is not None and first.predicted.id == "e2"
    assert first.wrong == ()


def test_worst_events_puts_missing_events_first(events) -> None:  # type: ignore[no-untyped-def]
    worst = worst_events(events, 2)
    assert [o.id for o in worst] == ["ev-4", "ev-3"]
    assert set(worst[1].wrong) == {"type", "sub_type", "date"}


def test_event_report_json_names_both_fatality_measures(events) -> None:  # type: ignore[no-untyped-def]
    data = events.to_dict()
    assert data["fatalities_mae_both"] == pytest.approx(1.0)
    assert data["fatalities_exact_missing0"] == {"value": 0.75, "hits": 3, "n": 4}
    assert data["within_25km"]["value"] == 0.5 and data["within_100km"]["value"] == 0.75


@pytest.fixture(scope="module")
def claims():  # type: ignore[no-untyped-def]
    gold = read_gold(FIXTURES / "claims_gold.jsonl")
    return score_claims(gold.items, claim_predictions())


def test_claim_content_prf(claims) -> None:  # type: ignore[no-untyped-def]
    assert (claims.content_overlap.tp, claims.content_overlap.predicted, claims.content_overlap.gold) == (
        4,
        5,
        5,
    )
    assert claims.content_overlap.f1 == pytest.approx(0.8)
    assert claims.content_exact.tp == 2
    assert claims.content_exact.precision == pytest.approx(0.4)
    assert claims.content_exact.recall == pytest.approx(0.4)


@pytest.mark.parametrize(
    ("metric", "hits", "n"),
    [
        ("source_exact", 3, 4),  # "ministry" is not "the ministry"
        ("source_overlap", 4, 4),
        ("cue_exact", 3, 4),  # "said"->say, "told"->tell, "According to"; "believe" is not "say"
        ("cue_overlap", 3, 4),
        ("no_claim", 1, 3),
    ],
)
def test_claim_shares(claims, metric: str, hits: int, n: int) -> None:  # type: ignore[no-untyped-def]
    share = getattr(claims, metric)
    assert (share.hits, share.total) == (hits, n)


def test_worst_claims(claims) -> None:  # type: ignore[no-untyped-def]
    worst = worst_claims(claims, 3)
    assert [o.id for o in worst] == ["cl-1"]
    assert worst[0].content_f1 == pytest.approx(2 / 3)


@pytest.fixture(scope="module")
def places():  # type: ignore[no-untyped-def]
    gold = read_gold(FIXTURES / "places_gold.jsonl")
    return score_places(gold.items, place_predictions())


def test_place_spans(places) -> None:  # type: ignore[no-untyped-def]
    # 5 gold; 5 scored predictions (the one on an unresolved span and the one without offsets drop out)
    assert (places.span_exact.tp, places.span_exact.predicted, places.span_exact.gold) == (2, 5, 5)
    assert (places.span_overlap.tp, places.span_overlap.predicted, places.span_overlap.gold) == (4, 5, 5)
    assert places.span_overlap.recall == pytest.approx(0.8)
    assert places.span_exact.precision == pytest.approx(0.4)


def test_place_distances(places) -> None:  # type: ignore[no-untyped-def]
    assert (places.within_near.hits, places.within_near.total) == (2, 4)
    assert (places.within_far.hits, places.within_far.total) == (3, 4)
    assert (places.within_far_of_gold.hits, places.within_far_of_gold.total) == (3, 5)
    assert places.median_km == pytest.approx(42.40 / 2, abs=0.01)
    assert places.no_place.hits == 0


def test_worst_places(places) -> None:  # type: ignore[no-untyped-def]
    assert [o.id for o in worst_places(places, 2)] == ["pl-1"]


def test_missing_prediction_counts_as_nothing_produced() -> None:
    gold = read_gold(FIXTURES / "events_gold.jsonl")
    report = score_events(gold.items, [])
    assert (report.no_event.hits, report.type_accuracy.hits) == (4, 0)
    assert report.type_macro_f1 == 0.0
