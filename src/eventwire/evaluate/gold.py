"""Gold files for `eventwire eval`: JSON Lines items read into typed gold records.

Holds the readers and the gold record types for the three tasks; it does not run the
pipeline or score anything.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal, cast

from eventwire.errors import EvalError

Task = Literal["events", "claims", "places"]
TASKS: tuple[Task, ...] = ("events", "claims", "places")


@dataclass(frozen=True)
class EventGold:
    """One ACLED-style coded event (ACLED gold has exactly one per item)."""

    event_type: str
    sub_event_type: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    country: str | None = None  # ACLED's country name
    iso3: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    event_date: str | None = None
    fatalities: int | None = None


@dataclass(frozen=True)
class AttributionGold:
    """One attribution: who (source, may be null), the cue, and what is attributed."""

    cue: str
    content: str
    source: str | None = None
    source_start: int | None = None
    cue_start: int | None = None
    content_start: int | None = None


@dataclass(frozen=True)
class PlaceGold:
    """A place-name span with its gold coordinates."""

    text: str
    start: int
    end: int
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    country: str | None = None


@dataclass(frozen=True)
class SpanGold:
    """A toponym span the annotators left unresolved: ignored by precision, not an error."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class GoldItem:
    id: str
    text: str
    published: date | None
    event: EventGold | None = None
    attributions: tuple[AttributionGold, ...] | None = None
    places: tuple[PlaceGold, ...] | None = None
    unresolved: tuple[SpanGold, ...] = ()

    def fits(self, task: Task) -> bool:
        if task == "events":
            return self.event is not None
        if task == "claims":
            return self.attributions is not None
        return self.places is not None


@dataclass(frozen=True)
class GoldSet:
    path: Path
    task: Task
    items: list[GoldItem]


def read_gold(path: Path, task: Task | None = None, limit: int | None = None) -> GoldSet:
    """Read a gold file; the task is detected from the first item unless given.

    Raises EvalError EW060 (missing/empty file), EW061 (bad line), EW062 (items do not fit).
    """
    if not path.is_file():
        raise EvalError(f"gold file {path} does not exist; give the path of a .jsonl gold file", code="EW060")
    items: list[GoldItem] = []
    for line_no, raw in _iter_objects(path):
        if limit is not None and len(items) >= limit:
            break
        items.append(_parse_item(raw, path, line_no))
    if not items:
        raise EvalError(f"gold file {path} holds no items; it needs one JSON object per line", code="EW060")
    chosen = task or detect_task(items[0])
    if chosen is None:
        raise EvalError(
            f"{path}: cannot tell the task from the first item's gold; pass --task events|claims|places",
            code="EW062",
        )
    unfit = [item.id for item in items if not item.fits(chosen)]
    if unfit:
        raise EvalError(
            f"{path}: {len(unfit)} item(s) have no {chosen} gold (first: {unfit[0]}); "
            "pass the --task that matches the file",
            code="EW062",
        )
    return GoldSet(path=path, task=chosen, items=items)


def detect_task(item: GoldItem) -> Task | None:
    for task in TASKS:
        if item.fits(task):
            return task
    return None


def _iter_objects(path: Path) -> Iterator[tuple[int, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield line_no, json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalError(f"{path}:{line_no}: not valid JSON ({exc.msg})", code="EW061") from exc


def _parse_item(raw: Any, path: Path, line_no: int) -> GoldItem:
    where = f"{path}:{line_no}"
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or "id" not in raw:
        raise EvalError(
            f"{where}: a gold item needs string 'id' and 'text' and a 'gold' object", code="EW061"
        )
    gold = raw.get("gold")
    if not isinstance(gold, dict | list):
        raise EvalError(f"{where}: 'gold' must be an object (or a list of attributions)", code="EW061")
    try:
        published = date.fromisoformat(raw["published"]) if raw.get("published") else None
        return GoldItem(
            id=str(raw["id"]),
            text=raw["text"],
            published=published,
            event=_event(gold),
            attributions=_attributions(gold),
            places=_places(gold),
            unresolved=_unresolved(gold),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise EvalError(f"{where}: malformed gold ({exc!r}); see docs/evaluation.md", code="EW061") from exc


def _event(gold: dict[str, Any] | list[Any]) -> EventGold | None:
    if not isinstance(gold, dict) or not gold.get("event_type"):
        return None
    return EventGold(
        event_type=gold["event_type"],
        sub_event_type=gold.get("sub_event_type"),
        actor1=gold.get("actor1"),
        actor2=gold.get("actor2"),
        inter1=_int(gold.get("inter1")),
        inter2=_int(gold.get("inter2")),
        country=gold.get("country"),
        iso3=gold.get("iso3") or _iso3_like(gold.get("country")),
        admin1=gold.get("admin1"),
        location=gold.get("location"),
        latitude=_float(gold.get("latitude")),
        longitude=_float(gold.get("longitude")),
        event_date=gold.get("event_date"),
        fatalities=_int(gold.get("fatalities")),
    )


def _attributions(gold: dict[str, Any] | list[Any]) -> tuple[AttributionGold, ...] | None:
    # The format is a bare list; PolNeAR's is {"attributions": [...]}.
    rows = gold if isinstance(gold, list) else gold.get("attributions")
    if not isinstance(rows, list):
        return None
    return tuple(
        AttributionGold(
            cue=row["cue"],
            content=row["content"],
            source=row.get("source"),
            source_start=_int(row.get("source_start")),
            cue_start=_int(row.get("cue_start")),
            content_start=_int(row.get("content_start")),
        )
        for row in cast(list[Mapping[str, Any]], rows)
    )


def _places(gold: dict[str, Any] | list[Any]) -> tuple[PlaceGold, ...] | None:
    if not isinstance(gold, dict) or not isinstance(gold.get("places"), list):
        return None
    return tuple(
        PlaceGold(
            text=row["text"],
            start=int(row["start"]),
            end=int(row["end"]),
            lat=_float(row.get("lat")),
            lon=_float(row.get("lon")),
            geonames_id=_int(row.get("geonames_id")),
            country=row.get("country"),
        )
        for row in gold["places"]
    )


def _unresolved(gold: dict[str, Any] | list[Any]) -> tuple[SpanGold, ...]:
    if not isinstance(gold, dict):
        return ()
    rows = gold.get("unresolved") or []
    return tuple(SpanGold(text=r["text"], start=int(r["start"]), end=int(r["end"])) for r in rows)


def _int(value: Any) -> int | None:
    # Gold files write ids and codes as strings or numbers; "" and null both mean unknown.
    if value is None or value == "":
        return None
    return int(value)


def _float(value: Any) -> float | None:
    if value is None or value == "":
        return None
    return float(value)


def _iso3_like(value: Any) -> str | None:
    return value if isinstance(value, str) and len(value) == 3 and value.isupper() else None
