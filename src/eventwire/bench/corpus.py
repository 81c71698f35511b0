"""The generated benchmark corpus: news-like articles built from packaged templates, seedable.

Holds the generator only; reading corpora from files and running the benchmark live in
corpora.py and benchmark.py.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

from eventwire.records import Article
from eventwire.settings import BenchSettings

_FIRST_DAY = date(2020, 1, 1)


@dataclass(frozen=True)
class Templates:
    version: str
    outlets: list[str]
    weekdays: list[str]
    countries: list[dict[str, Any]]
    events: list[str]
    attributions: list[str]
    filler: list[str]
    titles: list[str]


@cache
def templates() -> Templates:
    raw = json.loads(
        resources.files("eventwire.data").joinpath("bench/corpus_templates.json").read_text("utf-8")
    )
    return Templates(**{k: raw[k] for k in Templates.__dataclass_fields__})


def generate_corpus(settings: BenchSettings | None = None, limit: int | None = None) -> Iterator[Article]:
    """`settings.corpus_articles` articles (or `limit`), identical for the same seed.

    Article i depends only on (seed, i), so `limit` gives a prefix of the full corpus.
    """
    settings = settings or BenchSettings()
    count = settings.corpus_articles if limit is None else min(limit, settings.corpus_articles)
    for i in range(count):
        yield generate_article(i, settings.corpus_seed, settings.corpus_words)


def generate_article(index: int, seed: int, words: int) -> Article:
    """One article of about `words` words: a dateline lead, then events, quotes and background."""
    t = templates()
    rng = random.Random(f"{seed}:{index}")
    country = rng.choice(t.countries)
    slots = _Slots(rng, country, t)
    # Roughly news-like: about half background, a quarter events, a quarter attributions.
    decks = [_Deck(rng, pool) for pool in (t.events, t.filler, t.attributions, t.filler)]
    lead = f"{slots.place.upper()}, {slots.weekday} ({slots.outlet}) - " + " ".join(
        slots.fill(decks[0].draw()) for _ in range(2)
    )
    paragraphs = [lead]
    total = len(lead.split())
    turn = 0
    while total < words:
        deck = decks[turn % len(decks)]
        paragraph = " ".join(slots.fill(deck.draw()) for _ in range(rng.randint(1, 3)))
        paragraphs.append(paragraph)
        total += len(paragraph.split())
        turn += 1
    published = _FIRST_DAY + timedelta(days=rng.randrange(730))
    return Article(
        id=f"gen-{seed}-{index:05d}",
        title=slots.fill(rng.choice(t.titles)),
        outlet=slots.outlet,
        published=published,
        text="\n\n".join(paragraphs),
        source="generated",
    )


class _Deck:
    """Draws templates without replacement, reshuffling when empty, so an article rarely repeats."""

    def __init__(self, rng: random.Random, pool: list[str]) -> None:
        self.rng = rng
        self.pool = pool
        self.left: list[str] = []

    def draw(self) -> str:
        if not self.left:
            self.left = list(self.pool)
            self.rng.shuffle(self.left)
        return self.left.pop()


class _Slots:
    """Fills {slot}s for one article: one country, varied actors, places and numbers."""

    def __init__(self, rng: random.Random, country: dict[str, Any], t: Templates) -> None:
        self.rng = rng
        self.country = country
        self.place = rng.choice(country["places"])
        self.weekday = rng.choice(t.weekdays)
        self.outlet = rng.choice(t.outlets)
        self.t = t

    def fill(self, template: str) -> str:
        rng, c = self.rng, self.country
        n = rng.randint(2, 60)
        values = {
            "forces": rng.choice(c["forces"]),
            "armed": rng.choice(c["armed"]),
            "official": rng.choice(c["officials"]),
            "place": rng.choice([self.place, *c["places"]]),
            "place2": rng.choice(c["places"]),
            "country": c["name"],
            "capital": c["capital"],
            "adj": c["adj"],
            "n": str(n),
            "m": str(rng.randint(2, n)),
            "weekday": rng.choice(self.t.weekdays),
            "outlet": rng.choice(self.t.outlets),
        }
        text = template.format(**values)
        return text[0].upper() + text[1:]
