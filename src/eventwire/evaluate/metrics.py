"""Small, pure scoring functions shared by the task scorers: ratios, F1, distance, tokens.

Holds arithmetic only; which gold field is compared with which prediction is decided in
events.py, claims.py and places.py.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+", re.UNICODE)
# Words that name the kind of unit rather than the unit: "Kabul Province" is "Kabul".
_ADMIN_WORDS = frozenset(
    {"province", "governorate", "state", "region", "department", "district", "county", "oblast", "muhafazat"}
)
EARTH_RADIUS_KM = 6371.0088


def ratio(numerator: float, denominator: float) -> float | None:
    """A share, or None when there is nothing to divide by (shown as "n/a", never as 0)."""
    return numerator / denominator if denominator else None


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 from counts of true positives, predictions and gold items."""

    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float | None:
        return ratio(self.tp, self.predicted)

    @property
    def recall(self) -> float | None:
        return ratio(self.tp, self.gold)

    @property
    def f1(self) -> float | None:
        if self.tp == 0:
            # Nothing right: 0 whenever there was something to find or something claimed.
            return 0.0 if self.predicted or self.gold else None
        return f1(self.precision, self.recall)

    def to_dict(self) -> dict[str, float | int | None]:
        return {
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True)
class Share:
    """hits out of total, kept as counts so a report shows what a percentage rests on."""

    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return ratio(self.hits, self.total)

    def to_dict(self) -> dict[str, float | int | None]:
        return {"value": self.value, "hits": self.hits, "n": self.total}


def share(flags: Iterable[bool]) -> Share:
    items = list(flags)
    return Share(hits=sum(items), total=len(items))


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float | None:
    """Unweighted mean of per-class F1 over the classes that occur in gold.

    Predictions of a class absent from gold (or "none") only lower the recall of the gold
    class they replace; they do not add a zero-F1 class of their own.
    """
    classes = sorted(set(gold))
    if not classes:
        return None
    scores = []
    for label in classes:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p == label)
        counts = PRF(tp=tp, predicted=sum(1 for p in predicted if p == label), gold=gold.count(label))
        scores.append(counts.f1 or 0.0)
    return sum(scores) / len(scores)


def confusion(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, dict[str, int]]:
    """gold label -> predicted label -> count, labels sorted for a stable JSON report."""
    table: dict[str, Counter[str]] = {}
    for g, p in zip(gold, predicted, strict=True):
        table.setdefault(g, Counter())[p] += 1
    return {g: dict(sorted(table[g].items())) for g in sorted(table)}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def tokens(text: str | None) -> list[str]:
    """Lower-cased word tokens: punctuation, quotes and spacing do not count."""
    return _TOKEN.findall(text.lower()) if text else []


def token_f1(a: str | None, b: str | None) -> float:
    """Bag-of-tokens F1 between two strings (SQuAD-style overlap)."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    common = sum((Counter(ta) & Counter(tb)).values())
    if not common:
        return 0.0
    precision, recall = common / len(tb), common / len(ta)
    return 2 * precision * recall / (precision + recall)


def same_tokens(a: str | None, b: str | None) -> bool:
    """Exact span match up to case, punctuation and spacing."""
    return tokens(a) == tokens(b)


def normalise_name(name: str | None) -> str:
    """Admin-unit names compared without accents, case, punctuation or words like "Province"."""
    if not name:
        return ""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    words = [w for w in tokens(plain) if w not in _ADMIN_WORDS and w not in {"al", "el"}]
    return " ".join(words)


def mean(values: Iterable[float]) -> float | None:
    items = list(values)
    return sum(items) / len(items) if items else None


def median(values: Iterable[float]) -> float | None:
    items = sorted(values)
    if not items:
        return None
    mid = len(items) // 2
    return items[mid] if len(items) % 2 else (items[mid - 1] + items[mid]) / 2
