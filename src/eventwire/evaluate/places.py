"""Scoring the output's `places` against toponym gold: span recall/precision and distance.

Holds span matching and `score_places`; it does not run the pipeline or print anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from eventwire.evaluate.gold import GoldItem, PlaceGold, SpanGold
from eventwire.evaluate.metrics import PRF, Share, haversine_km, median, share
from eventwire.records import ArticleResult, Place
from eventwire.settings import EvalSettings


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def spanned(places: Sequence[Place]) -> list[Place]:
    """Predicted places that carry offsets (only those can be matched to gold spans)."""
    return [p for p in places if p.start is not None and p.end is not None]


def scored_predictions(
    predicted: Sequence[Place], gold: Sequence[PlaceGold], unresolved: Sequence[SpanGold]
) -> list[Place]:
    """Drop predictions that fall only on spans the annotators left unresolved (not errors)."""
    kept = []
    for p in predicted:
        assert p.start is not None and p.end is not None
        on_gold = any(_overlap(p.start, p.end, g.start, g.end) for g in gold)
        on_unresolved = any(_overlap(p.start, p.end, u.start, u.end) for u in unresolved)
        if on_gold or not on_unresolved:
            kept.append(p)
    return kept


def match_exact(gold: Sequence[PlaceGold], predicted: Sequence[Place]) -> list[tuple[int, int]]:
    """One-to-one pairs with identical (start, end)."""
    free: dict[tuple[int | None, int | None], list[int]] = {}
    for pi, p in enumerate(predicted):
        free.setdefault((p.start, p.end), []).append(pi)
    pairs = []
    for gi, g in enumerate(gold):
        candidates = free.get((g.start, g.end))
        if candidates:
            pairs.append((gi, candidates.pop(0)))
    return pairs


def match_overlap(gold: Sequence[PlaceGold], predicted: Sequence[Place]) -> list[tuple[int, int]]:
    """One-to-one pairs of overlapping spans, greedy by overlap length (ties by position)."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            assert p.start is not None and p.end is not None
            size = _overlap(g.start, g.end, p.start, p.end)
            if size:
                candidates.append((-size, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def distance_km(gold: PlaceGold, predicted: Place) -> float | None:
    if None in (gold.lat, gold.lon, predicted.lat, predicted.lon):
        return None
    return haversine_km(gold.lat, gold.lon, predicted.lat, predicted.lon)  # type: ignore[arg-type]


@dataclass(frozen=True)
class PlaceOutcome:
    id: str
    text: str
    gold: tuple[PlaceGold, ...]
    predicted: tuple[Place, ...]  # after dropping predictions on unresolved spans
    matched: tuple[tuple[int, int], ...]  # overlap pairs

    @property
    def recall(self) -> float:
        return len(self.matched) / len(self.gold) if self.gold else 1.0


@dataclass(frozen=True)
class PlaceReport:
    items: int
    no_place: Share
    span_exact: PRF
    span_overlap: PRF
    within_near: Share  # among overlap-matched spans; no coordinates counts as a miss
    within_far: Share
    within_far_of_gold: Share  # end to end: found and within far_km, over every gold place
    near_km: float
    far_km: float
    median_km: float | None
    outcomes: list[PlaceOutcome] = field(default_factory=list, repr=False)

    def metrics(self) -> dict[str, Any]:
        return {
            "span_overlap_r": self.span_overlap.recall,
            "span_overlap_p": self.span_overlap.precision,
            "span_overlap_f1": self.span_overlap.f1,
            "span_exact_r": self.span_exact.recall,
            "span_exact_p": self.span_exact.precision,
            "span_exact_f1": self.span_exact.f1,
            f"within_{self.near_km:g}km": self.within_near,
            f"within_{self.far_km:g}km": self.within_far,
            f"within_{self.far_km:g}km_of_gold": self.within_far_of_gold,
            "median_km": self.median_km,
            "no_place_share": self.no_place,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "task": "places",
            "items": self.items,
            "span_exact": self.span_exact.to_dict(),
            "span_overlap": self.span_overlap.to_dict(),
            f"within_{self.near_km:g}km": self.within_near.to_dict(),
            f"within_{self.far_km:g}km": self.within_far.to_dict(),
            f"within_{self.far_km:g}km_of_gold": self.within_far_of_gold.to_dict(),
            "median_km": self.median_km,
            "no_place_share": self.no_place.to_dict(),
        }


def score_places(
    items: Sequence[GoldItem],
    predictions: Sequence[ArticleResult],
    settings: EvalSettings | None = None,
) -> PlaceReport:
    """Score each item's predicted `places` against its gold place spans."""
    settings = settings or EvalSettings()
    by_id = {r.article.id: r for r in predictions}
    outcomes = []
    exact_tp = 0
    distances: list[float | None] = []
    for item in items:
        gold = item.places or ()
        predicted = spanned(by_id[item.id].places) if item.id in by_id else []
        kept = scored_predictions(predicted, gold, item.unresolved)
        exact_tp += len(match_exact(gold, kept))
        pairs = match_overlap(gold, kept)
        distances.extend(distance_km(gold[gi], kept[pi]) for gi, pi in pairs)
        outcomes.append(PlaceOutcome(item.id, item.text, tuple(gold), tuple(kept), tuple(pairs)))
    n_gold = sum(len(o.gold) for o in outcomes)
    n_pred = sum(len(o.predicted) for o in outcomes)
    far = [d is not None and d <= settings.place_far_km for d in distances]
    return PlaceReport(
        items=len(items),
        no_place=share(not o.predicted for o in outcomes),
        span_exact=PRF(tp=exact_tp, predicted=n_pred, gold=n_gold),
        span_overlap=PRF(tp=len(distances), predicted=n_pred, gold=n_gold),
        within_near=share(d is not None and d <= settings.event_near_km for d in distances),
        within_far=share(far),
        within_far_of_gold=Share(hits=sum(far), total=n_gold),
        near_km=settings.event_near_km,
        far_km=settings.place_far_km,
        median_km=median(d for d in distances if d is not None),
        outcomes=outcomes,
    )


def worst_places(report: PlaceReport, n: int) -> list[PlaceOutcome]:
    """The n items with the lowest span recall (ties: more gold places first, then file order)."""
    ranked = sorted(enumerate(report.outcomes), key=lambda t: (t[1].recall, -len(t[1].gold), t[0]))
    return [o for _, o in ranked[:n] if o.recall < 1.0 or len(o.predicted) > len(o.matched)]
