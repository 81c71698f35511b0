"""Scoring event mentions against ACLED-style gold: one gold event per item, best mention wins.

Holds the matching rule and `score_events`; it does not run the pipeline or print anything.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from eventwire.evaluate.gold import EventGold, GoldItem
from eventwire.evaluate.metrics import (
    Share,
    confusion,
    haversine_km,
    macro_f1,
    mean,
    median,
    normalise_name,
    share,
)
from eventwire.records import Actor, ArticleResult, EventMention
from eventwire.settings import EvalSettings

NONE = "none"  # the label of an item where the pipeline produced no event


@cache
def inter_kinds() -> dict[int, str]:
    """ACLED's numeric inter1/inter2 codes -> eventwire ActorKind values (packaged data file)."""
    raw = json.loads(
        resources.files("eventwire.data").joinpath("evaluate/acled_interactions.json").read_text("utf-8")
    )
    return {int(code): kind for code, kind in raw["kinds"].items()}


def best_mention(gold: EventGold, events: Sequence[EventMention]) -> EventMention | None:
    """The mention compared with gold: same sub-type beats same type beats neither, then confidence.

    Ties keep the earliest mention in the article, so the choice is stable.
    """
    if not events:
        return None
    return max(
        events,
        key=lambda e: (e.sub_type == gold.sub_event_type, e.type == gold.event_type, e.confidence),
    )


def actor_country(name: str | None, countries: Mapping[str, str]) -> str | None:
    """ISO3 of the country an ACLED actor name mentions ("Protesters (Kenya)" -> KEN), else None.

    `countries` maps country names to ISO3; the longest name found wins, so "South Sudan" is
    not read as "Sudan".
    """
    if not name:
        return None
    for country in sorted(countries, key=len, reverse=True):
        if re.search(rf"\b{re.escape(country)}\b", name):
            return countries[country]
    return None


def country_names(items: Sequence[GoldItem]) -> dict[str, str]:
    """ACLED country name -> ISO3, from the (country, iso3) pairs the gold file itself holds."""
    return {
        item.event.country: item.event.iso3
        for item in items
        if item.event is not None and item.event.country and item.event.iso3
    }


@dataclass(frozen=True)
class EventOutcome:
    """One item: its gold event, the mention chosen for it, and the fields it got wrong."""

    id: str
    text: str
    gold: EventGold
    predicted: EventMention | None
    wrong: tuple[str, ...]


@dataclass(frozen=True)
class EventReport:
    items: int
    no_event: Share
    type_accuracy: Share
    sub_type_accuracy: Share
    type_macro_f1: float | None
    sub_type_macro_f1: float | None
    type_confusion: dict[str, dict[str, int]]
    sub_type_confusion: dict[str, dict[str, int]]
    fatalities_exact_both: Share  # items where gold and prediction both give a number
    fatalities_mae_both: float | None
    fatalities_exact_missing0: Share  # every item with a gold number; no prediction counts as 0
    fatalities_mae_missing0: float | None
    country_accuracy: Share
    admin1_accuracy: Share
    within_near: Share
    within_far: Share
    near_km: float
    far_km: float
    median_km: float | None  # over items with both coordinates
    date_exact: Share
    actor1_kind: Share
    actor2_kind: Share
    actor1_country: Share
    actor2_country: Share
    outcomes: list[EventOutcome] = field(default_factory=list, repr=False)

    def metrics(self) -> dict[str, Any]:
        """Flat name -> value/Share view, in the order the table prints them."""
        return {
            "type_accuracy": self.type_accuracy,
            "type_macro_f1": self.type_macro_f1,
            "sub_type_accuracy": self.sub_type_accuracy,
            "sub_type_macro_f1": self.sub_type_macro_f1,
            "no_event_share": self.no_event,
            "fatalities_exact_both": self.fatalities_exact_both,
            "fatalities_mae_both": self.fatalities_mae_both,
            "fatalities_exact_missing0": self.fatalities_exact_missing0,
            "fatalities_mae_missing0": self.fatalities_mae_missing0,
            "country_accuracy": self.country_accuracy,
            "admin1_accuracy": self.admin1_accuracy,
            f"within_{self.near_km:g}km": self.within_near,
            f"within_{self.far_km:g}km": self.within_far,
            "median_km": self.median_km,
            "date_exact": self.date_exact,
            "actor1_kind": self.actor1_kind,
            "actor2_kind": self.actor2_kind,
            "actor1_country": self.actor1_country,
            "actor2_country": self.actor2_country,
        }

    def to_dict(self) -> dict[str, Any]:
        flat = {k: v.to_dict() if isinstance(v, Share) else v for k, v in self.metrics().items()}
        return {
            "task": "events",
            "items": self.items,
            **flat,
            "type_confusion": self.type_confusion,
            "sub_type_confusion": self.sub_type_confusion,
        }


def score_events(
    items: Sequence[GoldItem],
    predictions: Sequence[ArticleResult],
    settings: EvalSettings | None = None,
) -> EventReport:
    """Score predictions (matched to items by article id) against each item's one gold event."""
    settings = settings or EvalSettings()
    by_id = {r.article.id: r for r in predictions}
    golds = [item.event for item in items if item.event is not None]
    if len(golds) != len(items):
        raise ValueError("score_events needs event gold on every item (read_gold checks this)")
    chosen = [
        best_mention(g, by_id[i.id].events if i.id in by_id else [])
        for i, g in zip(items, golds, strict=True)
    ]
    countries = country_names(items)
    kinds = inter_kinds()

    type_gold = [g.event_type for g in golds]
    type_pred = [p.type if p else NONE for p in chosen]
    sub_pairs = [
        (g.sub_event_type, p.sub_type if p else NONE)
        for g, p in zip(golds, chosen, strict=True)
        if g.sub_event_type
    ]
    sub_gold, sub_pred = [g for g, _ in sub_pairs], [p for _, p in sub_pairs]

    fat_both = [
        (g.fatalities, v)
        for g, p in zip(golds, chosen, strict=True)
        if g.fatalities is not None and (v := _fatalities(p)) is not None
    ]
    fat_all = [
        (g.fatalities, _fatalities(p) or 0)
        for g, p in zip(golds, chosen, strict=True)
        if g.fatalities is not None
    ]
    distances = [
        _distance(g, p)
        for g, p in zip(golds, chosen, strict=True)
        if g.latitude is not None and g.longitude is not None
    ]
    known = [d for d in distances if d is not None]

    return EventReport(
        items=len(items),
        no_event=share(p is None for p in chosen),
        type_accuracy=share(g == p for g, p in zip(type_gold, type_pred, strict=True)),
        sub_type_accuracy=share(g == p for g, p in sub_pairs),
        type_macro_f1=macro_f1(type_gold, type_pred),
        sub_type_macro_f1=macro_f1(sub_gold, sub_pred),
        type_confusion=confusion(type_gold, type_pred),
        sub_type_confusion=confusion(sub_gold, sub_pred),
        fatalities_exact_both=share(g == p for g, p in fat_both),
        fatalities_mae_both=mean(abs(g - p) for g, p in fat_both),
        fatalities_exact_missing0=share(g == p for g, p in fat_all),
        fatalities_mae_missing0=mean(abs(g - p) for g, p in fat_all),
        country_accuracy=share(_country(p) == g.iso3 for g, p in zip(golds, chosen, strict=True) if g.iso3),
        admin1_accuracy=share(
            _admin1_matches(g.admin1, p) for g, p in zip(golds, chosen, strict=True) if g.admin1
        ),
        within_near=share(d is not None and d <= settings.event_near_km for d in distances),
        within_far=share(d is not None and d <= settings.event_far_km for d in distances),
        near_km=settings.event_near_km,
        far_km=settings.event_far_km,
        median_km=median(known),
        date_exact=share(
            _date_matches(g.event_date, p) for g, p in zip(golds, chosen, strict=True) if g.event_date
        ),
        actor1_kind=share(
            _kind(p.actor1 if p else None) == kinds[g.inter1]
            for g, p in zip(golds, chosen, strict=True)
            if g.inter1 in kinds
        ),
        actor2_kind=share(
            _kind(p.actor2 if p else None) == kinds[g.inter2]
            for g, p in zip(golds, chosen, strict=True)
            if g.inter2 in kinds
        ),
        actor1_country=_actor_countries(golds, chosen, countries, first=True),
        actor2_country=_actor_countries(golds, chosen, countries, first=False),
        outcomes=[
            EventOutcome(i.id, i.text, g, p, _wrong_fields(g, p, kinds, settings))
            for i, g, p in zip(items, golds, chosen, strict=True)
        ],
    )


def worst_events(report: EventReport, n: int) -> list[EventOutcome]:
    """The n worst items: no event first, then the most wrong fields (ties in file order)."""
    ranked = sorted(
        enumerate(report.outcomes), key=lambda t: (t[1].predicted is not None, -len(t[1].wrong), t[0])
    )
    return [o for _, o in ranked[:n] if o.wrong]


def _fatalities(p: EventMention | None) -> int | None:
    return p.fatalities.value if p is not None and p.fatalities is not None else None


def _country(p: EventMention | None) -> str | None:
    return p.location.country if p is not None and p.location is not None else None


def _admin1_matches(gold: str | None, p: EventMention | None) -> bool:
    predicted = p.location.admin1 if p is not None and p.location is not None else None
    return bool(predicted) and normalise_name(predicted) == normalise_name(gold)


def _distance(g: EventGold, p: EventMention | None) -> float | None:
    loc = p.location if p is not None else None
    if loc is None or loc.lat is None or loc.lon is None or g.latitude is None or g.longitude is None:
        return None
    return haversine_km(g.latitude, g.longitude, loc.lat, loc.lon)


def _date_matches(gold: str | None, p: EventMention | None) -> bool:
    d = p.date if p is not None else None
    return d is not None and d.precision == "day" and d.value == gold


def _kind(actor: Actor | None) -> str | None:
    return actor.kind.value if actor is not None else None


def _actor_countries(
    golds: Sequence[EventGold],
    chosen: Sequence[EventMention | None],
    countries: Mapping[str, str],
    *,
    first: bool,
) -> Share:
    flags = []
    for g, p in zip(golds, chosen, strict=True):
        gold_country = actor_country(g.actor1 if first else g.actor2, countries)
        if gold_country is None:
            continue  # the gold actor names no country ("Taliban"): nothing to compare
        actor = (p.actor1 if first else p.actor2) if p is not None else None
        flags.append(actor is not None and actor.country == gold_country)
    return share(flags)


def _wrong_fields(
    g: EventGold, p: EventMention | None, kinds: Mapping[int, str], settings: EvalSettings
) -> tuple[str, ...]:
    if p is None:
        return ("no event",)
    checks = {
        "type": p.type == g.event_type,
        "sub_type": g.sub_event_type is None or p.sub_type == g.sub_event_type,
        "fatalities": g.fatalities is None or (_fatalities(p) or 0) == g.fatalities,
        "country": g.iso3 is None or _country(p) == g.iso3,
        "location": g.latitude is None or ((d := _distance(g, p)) is not None and d <= settings.event_far_km),
        "date": g.event_date is None or _date_matches(g.event_date, p),
        "actor1_kind": g.inter1 not in kinds or _kind(p.actor1) == kinds[g.inter1],  # type: ignore[index]
        "actor2_kind": g.inter2 not in kinds or _kind(p.actor2) == kinds[g.inter2],  # type: ignore[index]
    }
    return tuple(name for name, ok in checks.items() if not ok)
