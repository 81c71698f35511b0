"""Exports: JSON Lines, ACLED-style CSV, GeoJSON, and the output contract back from a store."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest
from store_records import corpus

from eventwire.contract import contract_schema
from eventwire.records import ArticleResult
from eventwire.store import EventFilter, Store, StoredEvent
from eventwire.store.export import (
    acled_columns,
    export_articles_jsonl,
    write_csv,
    write_geojson,
    write_jsonl,
)


@pytest.fixture()
def filled(store: Store) -> Store:
    store.upsert_results(corpus())
    return store


def test_jsonl_round_trips(filled: Store) -> None:
    out = io.StringIO()
    assert write_jsonl(filled.iter_events(EventFilter()), out) == 7
    lines = out.getvalue().splitlines()
    back = [StoredEvent.model_validate_json(line) for line in lines]
    assert back == list(filled.iter_events(EventFilter()))


def test_csv_has_acled_columns(filled: Store) -> None:
    out = io.StringIO()
    write_csv(filled.iter_events(EventFilter()), out)
    rows = {r["event_id_cnty"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert set(rows) == {"ev-a1", "ev-a2", "ev-a3", "ev-b1", "ev-b2", "ev-b3", "ev-c1"}
    header = out.getvalue().splitlines()[0].split(",")
    assert header[:20] == list(acled_columns().acled)
    a1 = rows["ev-a1"]
    assert a1["event_date"] == "2020-05-04" and a1["year"] == "2020" and a1["time_precision"] == "1"
    assert (a1["event_type"], a1["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert (a1["actor1"], a1["inter1"], a1["inter2"]) == ("Israel", "1", "3")
    assert (a1["iso3"], a1["country"]) == ("SYR", "Syrian Arab Republic")
    assert (a1["location"], a1["latitude"], a1["longitude"], a1["geo_precision"]) == (
        "Deir ez-Zor",
        "35.34",
        "40.14",
        "1",
    )
    assert a1["fatalities"] == "14" and a1["source"] == "Example Wire"
    assert a1["notes"].startswith("Israeli jets struck")
    assert (a1["ew_status"], a1["ew_article_id"]) == ("asserted", "art-a")
    assert rows["ev-a2"]["time_precision"] == "3" and rows["ev-a2"]["ew_claim_id"] == "claim-a1"
    assert rows["ev-a3"]["time_precision"] == "2"
    c1 = rows["ev-c1"]  # nothing known: blank cells, never zeros
    assert (c1["event_date"], c1["fatalities"], c1["latitude"], c1["inter1"]) == ("", "", "", "")


def test_geojson_feature_collection(filled: Store) -> None:
    out = io.StringIO()
    n = write_geojson(filled.iter_events(EventFilter()), out)
    doc = json.loads(out.getvalue())
    assert doc["type"] == "FeatureCollection"
    assert n == len(doc["features"]) == 6  # ev-c1 has no coordinates
    for feature in doc["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point"
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    a1 = next(f for f in doc["features"] if f["id"] == "ev-a1")
    assert a1["geometry"]["coordinates"] == [40.14, 35.34]
    assert a1["properties"]["event_type"] == "Explosions/Remote violence"


def test_geojson_empty() -> None:
    out = io.StringIO()
    assert write_geojson(iter([]), out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_articles_jsonl_is_the_output_contract(filled: Store) -> None:
    out = io.StringIO()
    assert export_articles_jsonl(filled, out) == 3
    results = [ArticleResult.model_validate_json(line) for line in out.getvalue().splitlines()]
    assert sorted(results, key=lambda r: r.article.id) == sorted(corpus(), key=lambda r: r.article.id)
    for line in out.getvalue().splitlines():
        jsonschema.validate(json.loads(line), contract_schema())
