"""The small scoring functions: token F1, name normalisation, distance, macro-F1, cue lemmas."""

from __future__ import annotations

import pytest

from eventwire.evaluate.claims import cue_agrees, cue_lemma, cue_overlaps
from eventwire.evaluate.events import actor_country
from eventwire.evaluate.metrics import PRF, haversine_km, macro_f1, normalise_name, token_f1


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("the budget was cut", "the budget was cut", 1.0),
        ("that the budget was cut", "the budget was cut", 8 / 9),
        ('"We are ready,"', "we are ready", 1.0),
        ("the talks will fail", "talks will fail soon", 0.75),
        ("the talks", "", 0.0),
        ("alpha", "beta", 0.0),
    ],
)
def test_token_f1(a: str, b: str, expected: float) -> None:
    assert token_f1(a, b) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Idlib Governorate", "Idlib", True),
        ("Al Anbar", "Anbar", True),
        ("Sao Paulo", "São Paulo", True),
        ("Kunduz Province", "kunduz", True),
        ("Idleb", "Idlib", False),
        ("Nairobi", "Mombasa", False),
    ],
)
def test_normalise_name(a: str, b: str, same: bool) -> None:
    assert (normalise_name(a) == normalise_name(b)) is same


@pytest.mark.parametrize(
    ("lat1", "lon1", "lat2", "lon2", "km"),
    [
        (0.0, 0.0, 0.0, 0.0, 0.0),
        (0.0, 0.0, 1.0, 0.0, 111.195),  # one degree of latitude
        (0.0, 0.0, 0.0, 180.0, 20015.1),  # half the equator
    ],
)
def test_haversine(lat1: float, lon1: float, lat2: float, lon2: float, km: float) -> None:
    assert haversine_km(lat1, lon1, lat2, lon2) == pytest.approx(km, abs=0.1)


def test_macro_f1_averages_over_gold_classes_only() -> None:
    # A: tp 1, predicted 2, gold 2 -> F1 1/2; B: 0. "none" is a prediction only and adds no class.
    assert macro_f1(["A", "B", "A"], ["A", "A", "none"]) == pytest.approx((1 / 2 + 0) / 2)
    # A: P 1 R 1/2 -> 2/3; B: 1; C appears only in predictions.
    assert macro_f1(["A", "B", "A"], ["A", "B", "C"]) == pytest.approx((2 / 3 + 1) / 2)
    assert macro_f1([], []) is None


def test_prf_with_nothing_predicted_has_no_precision() -> None:
    counts = PRF(tp=0, predicted=0, gold=3)
    assert counts.precision is None and counts.recall == 0.0 and counts.f1 == 0.0
    assert PRF(tp=0, predicted=0, gold=0).f1 is None


@pytest.mark.parametrize(
    ("cue", "lemma"),
    [
        ("said", "say"),
        ("Says", "say"),
        ("told", "tell"),
        ("According to", "according to"),
        ("reads:", "read"),
        (":", ":"),
        ("told reporters", "tell reporters"),
        ("warns", "warns"),
    ],
)
def test_cue_lemma(cue: str, lemma: str) -> None:
    assert cue_lemma(cue) == lemma


@pytest.mark.parametrize(
    ("gold", "predicted", "agrees"),
    [
        ("said", "say", True),
        ("tweeted", "tweet", True),
        ("admits", "admit", True),
        ("noting", "note", True),
        ("According to", "according to", True),
        ("believe", "say", False),
        ("told reporters", "tell", False),  # exact needs the whole cue
    ],
)
def test_cue_agrees_across_forms(gold: str, predicted: str, agrees: bool) -> None:
    assert cue_agrees(gold, predicted) is agrees


def test_cue_overlap_accepts_part_of_a_longer_cue() -> None:
    assert cue_overlaps("told reporters", "tell") and not cue_overlaps("believe", "say")


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Protesters (Kenya)", "KEN"),
        ("Military Forces of South Sudan (2011-)", "SSD"),  # not read as Sudan
        ("Military Forces of Sudan (2019-)", "SDN"),
        ("Taliban", None),
        (None, None),
    ],
)
def test_actor_country(name: str | None, iso3: str | None) -> None:
    countries = {"Kenya": "KEN", "Sudan": "SDN", "South Sudan": "SSD"}
    assert actor_country(name, countries) == iso3
