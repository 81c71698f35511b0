"""Read API of the store on SQLite and PostgreSQL: every filter, FTS, pagination, cursors, stats."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from store_records import ALL_EVENT_IDS, corpus

from eventwire.errors import QueryError
from eventwire.records import Status
from eventwire.store import ClaimFilter, EventFilter, Store, queries
from eventwire.store.queries import encode_cursor


@pytest.fixture()
def filled(store: Store) -> Store:
    store.upsert_results(corpus())
    return store


def _ids(store: Store, f: EventFilter) -> set[str]:
    return {e.mention.id for e in store.iter_events(f)}


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, ALL_EVENT_IDS),
        ({"type": "Protests"}, {"ev-b1", "ev-b2", "ev-b3"}),
        ({"sub_type": "Air/drone strike"}, {"ev-a1"}),
        ({"type": "Protests", "sub_type": "Peaceful protest"}, {"ev-b1", "ev-b3"}),
        ({"country": "SYR"}, {"ev-a1", "ev-a2", "ev-a3"}),
        ({"country": "irq"}, {"ev-b1", "ev-b2", "ev-b3"}),
        ({"actor": "militia"}, {"ev-a1", "ev-a2", "ev-a3"}),
        ({"actor": "ISRAEL"}, {"ev-a1"}),
        ({"actor": "police forces"}, {"ev-b2"}),  # canonical name, not the words in the text
        ({"actor": "%"}, set()),  # LIKE wildcards in user text are literal
        ({"status": (Status.CLAIMED,)}, {"ev-a2", "ev-b2"}),
        ({"status": ("claimed", "intended")}, {"ev-a2", "ev-b2", "ev-b3"}),
        ({"status": (Status.DENIED,)}, {"ev-c1"}),
        ({"date_from": date(2020, 5, 1)}, {"ev-a1", "ev-a2", "ev-a3"}),  # a3: week of 27 April
        ({"date_from": date(2020, 5, 4)}, {"ev-a1", "ev-a2"}),
        ({"date_to": date(2019, 12, 31)}, {"ev-b1", "ev-b2", "ev-b3"}),
        ({"date_from": date(2019, 11, 15), "date_to": date(2019, 11, 20)}, {"ev-b3"}),  # month overlaps
        ({"date_from": date(2020, 5, 10), "date_to": date(2020, 5, 20)}, {"ev-a2"}),
        ({"bbox": (39.0, 34.0, 41.0, 36.0)}, {"ev-a1", "ev-a2"}),
        ({"bbox": (44.0, 33.0, 45.0, 34.0)}, {"ev-b1", "ev-b2", "ev-b3"}),
        ({"bbox": (40.0, 30.0, 39.0, 40.0)}, {"ev-a1", "ev-a2", "ev-a3", "ev-b1", "ev-b2", "ev-b3"}),
        ({"bbox": (170.0, -10.0, -170.0, 10.0)}, set()),  # across the antimeridian
        ({"q": "rockets"}, {"ev-a1", "ev-a2", "ev-a3"}),
        ({"q": "tear gas"}, {"ev-b1", "ev-b2", "ev-b3"}),
        ({"q": "marching"}, {"ev-b1", "ev-b2", "ev-b3"}),  # stemmed on both backends
        ({"q": "village verified!"}, {"ev-c1"}),
        ({"q": "rockets tear"}, set()),  # every word must occur
        ({"q": 'strikes" OR "x'}, set()),  # quotes are not query syntax
        ({"article_id": "art-c"}, {"ev-c1"}),
        ({"anonymous": True}, {"ev-a2"}),
        ({"anonymous": False}, {"ev-b2"}),
        ({"country": "IRQ", "status": (Status.CLAIMED,)}, {"ev-b2"}),
        ({"country": "SYR", "date_from": date(2020, 5, 4), "actor": "iran"}, {"ev-a1", "ev-a2"}),
    ],
)
def test_event_filter(filled: Store, kwargs: dict[str, Any], expected: set[str]) -> None:
    assert _ids(filled, EventFilter(**kwargs)) == expected


def test_search_sees_replaced_text(filled: Store) -> None:
    a = corpus()[0]
    changed = a.model_copy(update={"article": a.article.model_copy(update={"title": "Zeppelins everywhere"})})
    filled.upsert_results([changed])
    assert _ids(filled, EventFilter(q="zeppelins")) == {"ev-a1", "ev-a2", "ev-a3"}
    assert _ids(filled, EventFilter(q="strikes")) == set()  # old title gone from the index


NEWEST_FIRST = ["ev-a1", "ev-a2", "ev-a3", "ev-b3", "ev-b2", "ev-b1", "ev-c1"]


@pytest.mark.parametrize("limit", [1, 2, 3, 7, 50])
@pytest.mark.parametrize("order", ["date_desc", "date_asc"])
def test_pages_cover_everything_once_in_order(filled: Store, limit: int, order: Any) -> None:
    seen: list[str] = []
    cursor = None
    for _ in range(20):
        page = filled.query_events(EventFilter(), limit=limit, cursor=cursor, order=order)
        assert len(page.items) <= limit
        seen += [e.mention.id for e in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    expected = NEWEST_FIRST if order == "date_desc" else NEWEST_FIRST[::-1]
    assert seen == expected


def test_stored_event_carries_article_and_claim(filled: Store) -> None:
    stored = filled.get_event("ev-b2")
    assert stored is not None
    assert stored.article_id == "art-b" and stored.article.outlet == "Baghdad Daily"
    assert stored.claim is not None and stored.claim.id == "claim-b1"
    assert stored.mention == corpus()[1].events[1]
    assert filled.get_event("nope") is None


@pytest.mark.parametrize(
    "cursor",
    ["garbage", "", "!!!!", encode_cursor("date_asc", date(2020, 1, 1), "x"), "WyJkYXRlX2Rlc2MiLCJ4IiwieSJd"],
)
def test_bad_cursor_is_a_query_error(filled: Store, cursor: str) -> None:
    with pytest.raises(QueryError) as info:
        filled.query_events(EventFilter(), cursor=cursor, order="date_desc")
    assert info.value.code == "EW050"
    assert "cursor" in str(info.value)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"country": "Syria"},
        {"status": ("maybe",)},
        {"date_from": date(2021, 1, 1), "date_to": date(2020, 1, 1)},
        {"bbox": (0.0, 10.0, 1.0, 5.0)},
        {"bbox": (0.0, 0.0, 200.0, 5.0)},
        {"q": "   "},
        {"actor": ""},
    ],
)
def test_bad_filter_is_a_query_error(kwargs: dict[str, Any]) -> None:
    with pytest.raises(QueryError) as info:
        EventFilter(**kwargs)
    assert info.value.code == "EW050"


@pytest.mark.parametrize("limit", [0, -1, 100_000])
def test_bad_limit(filled: Store, limit: int) -> None:
    with pytest.raises(QueryError):
        filled.query_events(EventFilter(), limit=limit)


def test_punctuation_only_search_is_a_query_error(filled: Store) -> None:
    with pytest.raises(QueryError):
        filled.query_events(EventFilter(q="?!"))


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, {"claim-a1", "claim-b1"}),
        ({"speaker": "OFFICIALS"}, {"claim-a1"}),
        ({"speaker": "spokesman"}, {"claim-b1"}),
        ({"anonymous": True}, {"claim-a1"}),
        ({"anonymous": False}, {"claim-b1"}),
        ({"cue": "say"}, {"claim-b1"}),
        ({"country": "ISR"}, {"claim-a1"}),
        ({"q": "tear gas"}, {"claim-b1"}),
        ({"article_id": "art-a"}, {"claim-a1"}),
    ],
)
def test_claim_filter(filled: Store, kwargs: dict[str, Any], expected: set[str]) -> None:
    page = filled.query_claims(ClaimFilter(**kwargs), limit=10)
    assert {c.claim.id for c in page.items} == expected
    assert page.next_cursor is None


def test_claim_pages(filled: Store) -> None:
    first = filled.query_claims(ClaimFilter(), limit=1)
    assert [c.claim.id for c in first.items] == ["claim-a1"] and first.next_cursor
    second = filled.query_claims(ClaimFilter(), limit=1, cursor=first.next_cursor)
    assert [c.claim.id for c in second.items] == ["claim-b1"] and second.next_cursor is None
    assert second.items[0].article.title == "Students march"


def test_stats(filled: Store) -> None:
    s = filled.stats()
    assert s.events == 7
    assert s.totals == filled.counts()
    assert s.by_type == {
        "Protests": 3,
        "Explosions/Remote violence": 2,
        "Strategic developments": 1,
        "Violence against civilians": 1,
    }
    assert s.by_country == {"SYR": 3, "IRQ": 3, "": 1}
    assert s.by_status["claimed"] == 2 and sum(s.by_status.values()) == 7
    assert s.by_week == [
        (date(2019, 10, 21), 2),
        (date(2019, 10, 28), 1),
        (date(2020, 4, 27), 2),
        (date(2020, 5, 4), 1),
    ]
    only_syria = filled.stats(EventFilter(country="SYR"))
    assert only_syria.events == 3 and only_syria.by_sub_type["Air/drone strike"] == 1
    assert only_syria.totals["events"] == 7  # totals are table totals, not filtered


def test_iter_events_limit(filled: Store) -> None:
    assert [e.mention.id for e in filled.iter_events(EventFilter(), limit=4)] == NEWEST_FIRST[:4]


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"country": "SYR"},
        {"type": "Protests", "status": ("claimed", "intended")},
        {"q": "rockets"},
        {"anonymous": True},
        {"actor": "nobody at all"},
    ],
)
@pytest.mark.parametrize("limit", [1, 2, 50])
def test_page_json_is_the_page_serialised(filled: Store, kwargs: dict[str, Any], limit: int) -> None:
    # What the HTTP API sends (stored JSON spliced together) must be byte for byte the Page's JSON.
    f = EventFilter(**kwargs)
    cursor: str | None = None
    for _ in range(10):
        page = filled.query_events(f, limit=limit, cursor=cursor)
        raw = filled.query_events_json(f, limit=limit, cursor=cursor)
        assert raw.body == page.model_dump_json().encode("utf-8")
        assert raw.next_cursor == page.next_cursor
        if (cursor := page.next_cursor) is None:
            break


SEARCHES = {
    "rockets": ["ev-a1", "ev-a2", "ev-a3"],
    "tear gas": ["ev-b3", "ev-b2", "ev-b1"],
    "village verified": ["ev-c1"],
    "rockets tear": [],
}


@pytest.mark.parametrize("walk", [True, False])
@pytest.mark.parametrize("q", list(SEARCHES))
def test_search_by_walking_or_by_articles_agrees(
    filled: Store, monkeypatch: pytest.MonkeyPatch, walk: bool, q: str
) -> None:
    # On SQLite a page with `q` walks the date index or reads the matching articles' events,
    # chosen from the number of matches; force each plan and check both give the same pages.
    monkeypatch.setattr(queries, "_WALK_COST", 0.0 if walk else 1e12)
    seen: list[str] = []
    cursor = None
    for _ in range(10):
        page = filled.query_events(EventFilter(q=q), limit=2, cursor=cursor)
        seen += [e.mention.id for e in page.items]
        if (cursor := page.next_cursor) is None:
            break
    assert seen == SEARCHES[q]
    assert [e.mention.id for e in filled.iter_events(EventFilter(q=q, country="SYR"))] == [
        e for e in SEARCHES[q] if e.startswith("ev-a")
    ]
