"""Streamed exports of the HTTP API: JSON Lines, ACLED CSV and GeoJSON as chunks of text.

Rows and features come from `eventwire.store.export` (the same as `eventwire export`); this
module only cuts them into chunks a StreamingResponse can send while the store is paged.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from itertools import islice

from eventwire.store import StoredEvent
from eventwire.store.export import acled_columns, acled_row, geojson_feature


def _chunks(events: Iterable[StoredEvent], size: int) -> Iterator[list[StoredEvent]]:
    it = iter(events)
    while chunk := list(islice(it, size)):
        yield chunk


def jsonl_chunks(events: Iterable[StoredEvent], size: int) -> Iterator[str]:
    """One StoredEvent JSON object per line, `size` lines per chunk."""
    for chunk in _chunks(events, size):
        yield "".join(e.model_dump_json() + "\n" for e in chunk)


def csv_chunks(events: Iterable[StoredEvent], size: int) -> Iterator[str]:
    """ACLED-column CSV: the header first (even when nothing matches), then `size` rows per chunk."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(acled_columns().all), lineterminator="\n")
    writer.writeheader()
    yield buf.getvalue()
    for chunk in _chunks(events, size):
        buf.seek(0)
        buf.truncate()
        writer.writerows(acled_row(e) for e in chunk)
        yield buf.getvalue()


def geojson_chunks(events: Iterable[StoredEvent], size: int) -> Iterator[str]:
    """A FeatureCollection of Point features ([lon, lat]); events without coordinates are left out."""
    yield '{"type":"FeatureCollection","features":['
    first = True
    for chunk in _chunks(events, size):
        parts: list[str] = []
        for stored in chunk:
            feature = geojson_feature(stored)
            if feature is None:
                continue
            parts.append(("\n" if first else ",\n") + json.dumps(feature, ensure_ascii=False))
            first = False
        if parts:
            yield "".join(parts)
    yield "\n]}\n"
