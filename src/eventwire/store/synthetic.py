"""Synthetic ArticleResults for storage and API benchmarks: varied, valid, and reproducible.

Text is generated from templates (no third-party text); places and actor labels come from
`data/synthetic/places.json`. Nothing here is used by the real pipeline.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

from eventwire.records import (
    Actor,
    ActorKind,
    Article,
    ArticleResult,
    Claim,
    DatePrecision,
    DateValue,
    EventMention,
    Evidence,
    Fatalities,
    Place,
    Speaker,
    Status,
    TextSpan,
)
from eventwire.taxonomy import acled_taxonomy

_FIRST_DAY = date(2018, 1, 1)
_DAYS = 7 * 365
_STATUS_WEIGHTS = {
    Status.ASSERTED: 50,
    Status.REPORTED: 20,
    Status.CLAIMED: 15,
    Status.DENIED: 4,
    Status.INTENDED: 5,
    Status.NEGATED: 3,
    Status.HYPOTHETICAL: 3,
}
_PRECISION_WEIGHTS: dict[DatePrecision | None, int] = {
    "day": 70,
    "week": 10,
    "month": 10,
    "year": 4,
    "range": 3,
    None: 3,
}


@dataclass(frozen=True)
class SyntheticData:
    version: str
    places: list[dict[str, Any]]
    actors: list[dict[str, Any]]
    speakers: list[dict[str, Any]]
    outlets: list[str]


@cache
def synthetic_data() -> SyntheticData:
    """The packaged places, actor labels, speakers and outlets."""
    raw = json.loads(resources.files("eventwire.data").joinpath("synthetic/places.json").read_text("utf-8"))
    return SyntheticData(raw["version"], raw["places"], raw["actors"], raw["speakers"], raw["outlets"])


def _id(*parts: object) -> str:
    return hashlib.sha256(":".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def _date_value(rng: random.Random, day: date) -> DateValue | None:
    precision = rng.choices(list(_PRECISION_WEIGHTS), weights=list(_PRECISION_WEIGHTS.values()))[0]
    if precision is None:
        return DateValue(text="recently", value=None, precision=None)
    if precision in ("day", "week"):
        return DateValue(text=f"on {day:%A}", value=day.isoformat(), precision=precision)
    if precision == "month":
        return DateValue(text=f"in {day:%B}", value=f"{day:%Y-%m}", precision="month")
    if precision == "year":
        return DateValue(text="earlier this year", value=f"{day:%Y}", precision="year")
    end = day + timedelta(days=rng.randint(1, 20))
    return DateValue(text="over several days", value=f"{day}/{end}", precision="range")


class _Writer:
    """Builds an article text sentence by sentence, remembering each sentence's offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, sentence: str) -> Evidence:
        start = self.length + (1 if self.parts else 0)
        self.parts.append(sentence)
        self.length = start + len(sentence)
        return Evidence(sentence=sentence, start=start, end=self.length)

    @property
    def text(self) -> str:
        return " ".join(self.parts)


def _actor(rng: random.Random, country: str, country_name: str) -> Actor:
    spec = rng.choice(synthetic_data().actors)
    text = spec["text"].format(country=country_name)
    named = rng.random() < 0.7
    return Actor(
        text=text,
        name=text.capitalize() if named else None,
        country=country,
        countries=[country],
        kind=ActorKind(spec["kind"]),
    )


def _article(rng: random.Random, seed: int, index: int, n_events: int) -> ArticleResult:
    data = synthetic_data()
    tax = acled_taxonomy()
    home = rng.choice(data.places)
    article_id = _id("synthetic", seed, index)
    day = _FIRST_DAY + timedelta(days=rng.randrange(_DAYS))
    doc = _Writer()
    title = f"Violence reported near {home['name']}"
    doc.add(f"{title}.")
    claims: list[Claim] = []
    events: list[EventMention] = []
    places: list[Place] = []
    for k in range(rng.randint(0, 2)):
        spec = rng.choice(data.speakers)
        evidence = doc.add(
            f"{spec['text'].capitalize()} said the situation around {home['name']} was worsening."
        )
        content_start = evidence.start + evidence.sentence.index("the situation")
        claims.append(
            Claim(
                id=f"{article_id}-c{k}",
                speaker=Speaker(
                    text=spec["text"],
                    name=None if spec["anonymous"] else spec["text"],
                    country=home["country"],
                    countries=[home["country"]],
                    kind=ActorKind(spec["kind"]),
                    anonymous=spec["anonymous"],
                ),
                cue="say",
                direct_quote=rng.random() < 0.2,
                hedges=["reportedly"] if rng.random() < 0.1 else [],
                content=TextSpan(
                    text=evidence.sentence[content_start - evidence.start : -1],
                    start=content_start,
                    end=evidence.end - 1,
                ),
                evidence=evidence,
            )
        )
    for j in range(n_events):
        place = home if rng.random() < 0.7 else rng.choice(data.places)
        event_type = rng.choice(list(tax.types))
        sub_type = rng.choice(tax.types[event_type])
        status = rng.choices(list(_STATUS_WEIGHTS), weights=list(_STATUS_WEIGHTS.values()))[0]
        claim_id = None
        if status is Status.CLAIMED and claims:
            claim_id = rng.choice(claims).id
        elif status is Status.CLAIMED:
            status = Status.REPORTED
        actor1 = _actor(rng, place["country"], place["name"]) if rng.random() < 0.9 else None
        actor2 = _actor(rng, place["country"], place["name"]) if rng.random() < 0.6 else None
        dead = rng.choice([None, None, 0, 1, 2, 3, 5, 8, 14, 30])
        when = day - timedelta(days=rng.randint(0, 3))
        trigger = sub_type.split("/")[0].lower()
        sentence = (
            f"{(actor1.text if actor1 else 'Someone').capitalize()} carried out an {trigger} "
            f"in {place['name']}" + (f", killing {dead}" if dead is not None else "") + "."
        )
        evidence = doc.add(sentence)
        place_start = evidence.start + sentence.index(place["name"])
        geo = Place(
            text=place["name"],
            start=place_start,
            end=place_start + len(place["name"]),
            name=place["name"],
            admin1=place["admin1"],
            country=place["country"],
            lat=round(place["lat"] + rng.uniform(-0.3, 0.3), 4),
            lon=round(place["lon"] + rng.uniform(-0.3, 0.3), 4),
            precision=rng.choice([1, 1, 1, 2, 3]),
        )
        places.append(geo)
        trigger_start = evidence.start + sentence.index(trigger)
        events.append(
            EventMention(
                id=f"{article_id}-e{j}",
                type=event_type,
                sub_type=sub_type,
                trigger=TextSpan(text=trigger, start=trigger_start, end=trigger_start + len(trigger)),
                actor1=actor1,
                actor2=actor2,
                location=geo if rng.random() < 0.95 else None,
                date=_date_value(rng, when),
                fatalities=Fatalities(value=dead, text=str(dead)) if dead is not None else None,
                status=status,
                claim_id=claim_id,
                evidence=evidence,
                confidence=round(rng.uniform(0.3, 1.0), 2),
            )
        )
    article = Article(
        id=article_id,
        url=f"https://example.org/news/{article_id}",
        outlet=rng.choice(data.outlets),
        title=title,
        published=day,
        text=doc.text,
        source="synthetic",
    )
    return ArticleResult(article=article, events=events, claims=claims, places=places)


def generate_results(n_events: int, seed: int = 0) -> Iterator[ArticleResult]:
    """ArticleResults holding `n_events` events in all (1 to 6 per article), same for the same seed."""
    rng = random.Random(seed)
    made = 0
    index = 0
    while made < n_events:
        n = min(rng.randint(1, 6), n_events - made)
        yield _article(rng, seed, index, n)
        made += n
        index += 1
