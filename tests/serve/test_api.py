"""The HTTP API over a real SQLite store built by the pipeline: filters, pages, errors, exports.

Expected results are computed from the store's own unfiltered listing, never written in here.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from serve_records import HOSTILE_WORD, SCRIPT, hostile_article

from eventwire.errors import StoreError
from eventwire.records import Status
from eventwire.serve import create_app
from eventwire.settings import Settings
from eventwire.store import EventFilter, StoredClaim, StoredEvent, open_store
from eventwire.store.export import acled_columns
from eventwire.store.rows import date_interval

Params = dict[str, Any]


def walk(
    client: TestClient, path: str, params: Params | None = None, limit: int = 1000
) -> list[dict[str, Any]]:
    """Every item of a paginated listing, following next_cursor."""
    params = dict(params or {}, limit=limit)
    items: list[dict[str, Any]] = []
    while True:
        r = client.get(path, params=params)
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        if body["next_cursor"] is None:
            assert "link" not in r.headers
            return items
        params["cursor"] = body["next_cursor"]


@pytest.fixture(scope="module")
def everything(client: TestClient) -> list[StoredEvent]:
    events = [StoredEvent.model_validate(e) for e in walk(client, "/events")]
    assert len(events) > 20
    return events


def ids(items: list[dict[str, Any]]) -> set[str]:
    return {i["mention"]["id"] for i in items}


def _interval(e: StoredEvent) -> tuple[date, date] | None:
    return date_interval(e.mention.date)


def _actor_has(e: StoredEvent, word: str) -> bool:
    actors = [a for a in (e.mention.actor1, e.mention.actor2) if a is not None]
    return any(word.lower() in (a.text + " " + (a.name or "")).lower() for a in actors)


def _in_box(e: StoredEvent, w: float, s: float, east: float, n: float) -> bool:
    loc = e.mention.location
    return (
        loc is not None
        and loc.lat is not None
        and loc.lon is not None
        and s <= loc.lat <= n
        and w <= loc.lon <= east
    )


# Each case: query parameters and the predicate the matching events must satisfy (computed in Python).
FILTERS: list[tuple[str, Callable[[list[StoredEvent]], Params], Callable[[StoredEvent, Params], bool]]] = [
    ("type", lambda ev: {"type": ev[0].mention.type}, lambda e, p: e.mention.type == p["type"]),
    (
        "sub_type",
        lambda ev: {"sub_type": ev[-1].mention.sub_type},
        lambda e, p: e.mention.sub_type == p["sub_type"],
    ),
    (
        "country",
        lambda ev: {
            "country": next(
                e.mention.location.country for e in ev if e.mention.location and e.mention.location.country
            ).lower()
        },
        lambda e, p: e.mention.location is not None and e.mention.location.country == p["country"].upper(),
    ),
    (
        "actor",
        lambda ev: {"actor": next(e.mention.actor1.text for e in ev if e.mention.actor1)[:5]},
        lambda e, p: _actor_has(e, p["actor"]),
    ),
    (
        "status",
        lambda ev: {"status": ["claimed", "denied"]},
        lambda e, p: e.mention.status in (Status.CLAIMED, Status.DENIED),
    ),
    (
        "dates",
        lambda ev: {"date_from": "2022-01-01", "date_to": "2023-03-31"},
        lambda e, p: (
            (iv := _interval(e)) is not None and iv[1] >= date(2022, 1, 1) and iv[0] <= date(2023, 3, 31)
        ),
    ),
    ("bbox", lambda ev: {"bbox": "20,-15,60,20"}, lambda e, p: _in_box(e, 20, -15, 60, 20)),
    (
        "anonymous",
        lambda ev: {"anonymous": "true"},
        lambda e, p: e.claim is not None and e.claim.speaker is not None and e.claim.speaker.anonymous,
    ),
    ("article_id", lambda ev: {"article_id": ev[3].article_id}, lambda e, p: e.article_id == p["article_id"]),
]


@pytest.mark.parametrize(("name", "make_params", "matches"), FILTERS, ids=[f[0] for f in FILTERS])
def test_each_filter_returns_exactly_the_matching_events(
    client: TestClient,
    everything: list[StoredEvent],
    name: str,
    make_params: Callable[[list[StoredEvent]], Params],
    matches: Callable[[StoredEvent, Params], bool],
) -> None:
    params = make_params(everything)
    expected = {e.mention.id for e in everything if matches(e, params)}
    got = ids(walk(client, "/events", params))
    assert expected, f"the sample store has no event for the {name} case"
    assert got == expected
    assert len(got) < len(everything)


def test_full_text_search_finds_only_articles_with_the_words(client: TestClient) -> None:
    items = walk(client, "/events", {"q": HOSTILE_WORD})
    assert {i["article_id"] for i in items} == {"a_hostile_markup"}
    assert client.get("/events", params={"q": "zzzunseenword"}).json()["items"] == []


@pytest.mark.parametrize("limit", [1, 7, 50])
def test_pagination_has_no_duplicates_and_misses_nothing(
    client: TestClient, everything: list[StoredEvent], limit: int
) -> None:
    pages = walk(client, "/events", limit=limit)
    page_ids = [i["mention"]["id"] for i in pages]
    assert len(page_ids) == len(set(page_ids))
    assert set(page_ids) == {e.mention.id for e in everything}


def test_link_header_points_to_the_next_page(client: TestClient) -> None:
    first = client.get("/events", params={"limit": 5, "status": "claimed"})
    cursor = first.json()["next_cursor"]
    assert cursor and first.headers["link"].endswith('>; rel="next"')
    url = first.headers["link"][1:].split(">;")[0]
    assert "status=claimed" in url
    second = client.get(url)
    assert second.json()["items"][0]["mention"]["id"] not in ids(first.json()["items"])


@pytest.mark.parametrize("order", ["date_desc", "date_asc"])
def test_events_are_sorted_by_date(client: TestClient, order: str) -> None:
    items = walk(client, "/events", {"order": order}, limit=10)
    published = [StoredEvent.model_validate(i) for i in items]
    starts = [iv[0] for e in published if (iv := _interval(e)) is not None]
    assert starts == sorted(starts, reverse=order == "date_desc")


@pytest.mark.parametrize(
    ("params", "status", "says"),
    [
        ({"bbox": "1,2,3"}, 400, "bbox must be four numbers"),
        ({"bbox": "a,b,c,d"}, 400, "bbox must be four numbers"),
        ({"bbox": "0,50,10,40"}, 400, "south<=north"),
        ({"bbox": "0,0,10,nan"}, 400, "bbox must be four numbers"),
        ({"country": "Syria"}, 400, "ISO 3166-1 alpha-3"),
        ({"date_from": "2023-05-01", "date_to": "2023-01-01"}, 400, "swap them"),
        ({"cursor": "not-a-cursor"}, 400, "invalid cursor"),
        ({"type": " "}, 400, "type is empty"),
    ],
)
def test_bad_parameters_are_400_with_a_coded_message(
    client: TestClient, params: Params, status: int, says: str
) -> None:
    r = client.get("/events", params=params)
    assert r.status_code == status
    error = r.json()["error"]
    assert error["code"] == "EW050"
    assert says in error["message"]


def test_cursor_of_the_other_order_is_refused(client: TestClient) -> None:
    cursor = client.get("/events", params={"limit": 2}).json()["next_cursor"]
    r = client.get("/events", params={"limit": 2, "cursor": cursor, "order": "date_asc"})
    assert r.status_code == 400 and "made for order" in r.json()["error"]["message"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"date_from": "2023-13-01"}, "date_from"),
        ({"date_to": "yesterday"}, "date_to"),
        ({"limit": Settings().store.max_page_size + 1}, "limit"),
        ({"limit": 0}, "limit"),
        ({"status": "rumoured"}, "status"),
        ({"order": "random"}, "order"),
        ({"anonymous": "maybe"}, "anonymous"),
    ],
)
def test_invalid_values_are_422_naming_the_parameter(client: TestClient, params: Params, field: str) -> None:
    r = client.get("/events", params=params)
    assert r.status_code == 422
    assert field in [d["loc"][-1] if d["loc"][-1] != 0 else d["loc"][-2] for d in r.json()["detail"]]


def test_limit_over_the_cap_says_the_cap(client: TestClient) -> None:
    cap = Settings().store.max_page_size
    r = client.get("/events", params={"limit": cap + 1})
    assert str(cap) in r.json()["detail"][0]["msg"]
    assert client.get("/events", params={"limit": cap}).status_code == 200


@pytest.mark.parametrize("path", ["/events/nope", "/articles/nope"])
def test_unknown_ids_are_404_json(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "EW052"
    assert "nope" in r.json()["error"]["message"]


def test_event_detail_has_evidence_claim_and_article(
    client: TestClient, everything: list[StoredEvent]
) -> None:
    claimed = next(e for e in everything if e.claim is not None)
    r = client.get(f"/events/{claimed.mention.id}")
    assert r.status_code == 200
    got = StoredEvent.model_validate(r.json())
    assert got == claimed
    body = r.json()
    assert body["mention"]["evidence"]["sentence"]
    assert {"speaker", "cue", "channel"} <= set(body["claim"])
    assert "anonymous" in body["claim"]["speaker"]
    assert body["article"]["id"] == claimed.article_id


def test_article_view_spans_index_the_text(client: TestClient, everything: list[StoredEvent]) -> None:
    article_id = everything[0].article_id
    body = client.get(f"/articles/{article_id}").json()
    text = body["article"]["text"]
    assert body["spans"], "an article with events has spans"
    evidence = {e["id"]: e["evidence"] for e in body["events"]}
    for span in body["spans"]:
        assert 0 <= span["start"] <= span["end"] <= len(text)
        if span["kind"] == "event":
            assert text[span["start"] : span["end"]] == evidence[span["id"]]["sentence"]
    assert [s["start"] for s in body["spans"]] == sorted(s["start"] for s in body["spans"])


def test_article_text_is_returned_verbatim_markup_included(client: TestClient) -> None:
    body = client.get("/articles/a_hostile_markup").json()
    assert SCRIPT in body["article"]["text"]


@pytest.mark.parametrize(
    ("params", "matches"),
    [
        ({"anonymous": "true"}, lambda c: c.claim.speaker is not None and c.claim.speaker.anonymous),
        ({"anonymous": "false"}, lambda c: c.claim.speaker is not None and not c.claim.speaker.anonymous),
        ({"cue": "say"}, lambda c: c.claim.cue == "say"),
        (
            {"speaker": "official"},
            lambda c: (
                c.claim.speaker is not None
                and "official" in (c.claim.speaker.text + (c.claim.speaker.name or "")).lower()
            ),
        ),
        ({"country": "SOM"}, lambda c: c.claim.speaker is not None and c.claim.speaker.country == "SOM"),
    ],
)
def test_claims_filters(client: TestClient, params: Params, matches: Callable[[StoredClaim], bool]) -> None:
    every = [StoredClaim.model_validate(c) for c in walk(client, "/claims")]
    expected = {c.claim.id for c in every if matches(c)}
    got = {c["claim"]["id"] for c in walk(client, "/claims", params, limit=3)}
    assert expected and got == expected


def test_stats_agree_with_the_listing(client: TestClient, everything: list[StoredEvent]) -> None:
    stats = client.get("/stats").json()
    assert stats["events"] == len(everything) == stats["totals"]["events"]
    assert sum(stats["by_status"].values()) == len(everything)
    claimed = client.get("/stats", params={"status": "claimed"}).json()
    assert claimed["by_status"] == {"claimed": stats["by_status"]["claimed"]}
    weeks = [date.fromisoformat(w) for w, _ in stats["by_week"]]
    assert all(w.weekday() == 0 for w in weeks) and weeks == sorted(weeks)


def test_stats_reject_bad_filters(client: TestClient) -> None:
    assert client.get("/stats", params={"bbox": "1"}).status_code == 400


def test_geojson_export_is_a_feature_collection_of_lon_lat_points(
    client: TestClient, everything: list[StoredEvent]
) -> None:
    r = client.get("/export.geojson")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    collection = json.loads(r.text)
    assert collection["type"] == "FeatureCollection"
    located = {
        e.mention.id: e.mention.location
        for e in everything
        if e.mention.location and e.mention.location.lat is not None and e.mention.location.lon is not None
    }
    assert {f["id"] for f in collection["features"]} == set(located)
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        loc = located[feature["id"]]
        assert (lon, lat) == (loc.lon, loc.lat)
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_export_of_nothing_is_still_valid(client: TestClient) -> None:
    collection = json.loads(client.get("/export.geojson", params={"q": "zzzunseenword"}).text)
    assert collection == {"type": "FeatureCollection", "features": []}


def test_csv_export_has_acled_columns_and_one_row_per_event(
    client: TestClient, everything: list[StoredEvent]
) -> None:
    r = client.get("/export.csv", params={"status": "claimed"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    reader_fields = csv.DictReader(io.StringIO(r.text)).fieldnames or []
    assert set(acled_columns().acled) <= set(reader_fields)
    assert {
        "event_id_cnty",
        "event_date",
        "event_type",
        "sub_event_type",
        "latitude",
        "longitude",
        "fatalities",
    } <= set(reader_fields)
    assert {row["event_id_cnty"] for row in rows} == {
        e.mention.id for e in everything if e.mention.status == Status.CLAIMED
    }


def test_jsonl_export_streams_stored_events(client: TestClient, everything: list[StoredEvent]) -> None:
    r = client.get("/export.jsonl", params={"order": "date_asc"})
    lines = r.text.splitlines()
    exported = [StoredEvent.model_validate_json(line) for line in lines]
    assert {e.mention.id for e in exported} == {e.mention.id for e in everything}


def test_healthz_reports_counts_and_version(client: TestClient, everything: list[StoredEvent]) -> None:
    import eventwire

    body = client.get("/healthz").json()
    assert body["status"] == "ok" and body["version"] == eventwire.__version__
    assert body["counts"]["events"] == len(everything)
    assert body["dialect"] == "sqlite" and body["schema_version"] >= 1


def test_openapi_documents_the_contract_models(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {
        "/events",
        "/events/{event_id}",
        "/claims",
        "/articles/{article_id}",
        "/stats",
        "/healthz",
    } <= set(spec["paths"])
    assert {"/export.csv", "/export.jsonl", "/export.geojson"} <= set(spec["paths"])
    schemas = spec["components"]["schemas"]
    assert set(schemas["Status"]["enum"]) == {s.value for s in Status}
    assert {"mention", "article", "claim"} <= set(schemas["StoredEvent"]["properties"])
    limit = next(p for p in spec["paths"]["/events"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == Settings().store.max_page_size


def test_the_read_side_never_writes(serve_db: Path) -> None:
    before = hashlib.sha256(serve_db.read_bytes()).hexdigest()
    with TestClient(create_app(str(serve_db))) as c:
        for path in ("/events", "/stats", "/claims", "/export.csv", "/healthz"):
            assert c.get(path).status_code == 200
        store = c.app.state.store  # type: ignore[attr-defined]
        assert store.readonly
        with pytest.raises(StoreError) as err:
            store.upsert_results([hostile_article()])
        assert err.value.code == "EW043"
    assert hashlib.sha256(serve_db.read_bytes()).hexdigest() == before


def test_missing_database_fails_at_startup(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        create_app(str(tmp_path / "absent.db"))
    assert err.value.code == "EW040" and "eventwire extract" in err.value.message


def test_index_page_is_offline_and_locked_down(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and '<div id="map"' in r.text
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp
    for ref in (
        "/static/app.js",
        "/static/style.css",
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/markercluster/leaflet.markercluster.js",
        "/static/vendor/topojson-client/topojson-client.min.js",
        "/static/vendor/world-atlas/countries-50m.json",
    ):
        assert client.get(ref).status_code == 200, ref
    for name in ("/", "/static/app.js", "/static/style.css"):
        body = client.get(name).text
        assert "//cdn" not in body and "unpkg" not in body and "https://" not in body.replace("https?:", "")


def test_ui_config_carries_the_tile_url(serve_db: Path) -> None:
    with TestClient(create_app(str(serve_db), tile_url="https://tiles.example.org/{z}/{x}/{y}.png")) as c:
        assert c.get("/ui/config").json()["tile_url"] == "https://tiles.example.org/{z}/{x}/{y}.png"
        assert "img-src 'self' data: https:" in c.get("/").headers["content-security-policy"]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"limit": 7},
        {"q": HOSTILE_WORD},
        {"anonymous": "true", "limit": 3},
        {"order": "date_asc", "limit": 5},
    ],
)
def test_event_pages_are_exactly_the_stored_events_json(
    client: TestClient, serve_db: Path, params: Params
) -> None:
    # /events splices the stored JSON of each event instead of parsing it: the bytes must be what
    # serialising the store's Page[StoredEvent] gives, markup and non-ASCII text included.
    f = EventFilter(q=params.get("q"), anonymous=True if "anonymous" in params else None)
    order = params.get("order", "date_desc")
    cursor = None
    with open_store(str(serve_db), readonly=True) as store:
        for _ in range(50):
            r = client.get("/events", params={**params, **({"cursor": cursor} if cursor else {})})
            page = store.query_events(f, limit=params.get("limit", 100), cursor=cursor, order=order)
            assert r.status_code == 200 and r.content == page.model_dump_json().encode("utf-8")
            if (cursor := page.next_cursor) is None:
                break
        assert cursor is None
