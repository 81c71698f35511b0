"""The store's read API: event and claim filters, keyset cursors, and the queries behind them.

Filters become SQLAlchemy Core expressions with bound values, never SQL strings; the `Store`
class in `store.py` calls these functions with an open connection. Writing lives in `writer.py`.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from pydantic_core import to_json
from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    Integer,
    Select,
    String,
    column,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    tuple_,
)

from eventwire.errors import QueryError
from eventwire.records import Article, Claim, EventMention, Place, Status
from eventwire.store.models import (
    ArticleMeta,
    Page,
    PageJSON,
    StoredArticle,
    StoredClaim,
    StoredEvent,
    StoreStats,
)
from eventwire.store.schema import TABLES, actors, articles, claims, events, places, schema_version

Order = Literal["date_desc", "date_asc"]
ORDERS: tuple[Order, ...] = ("date_desc", "date_asc")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_WORD = re.compile(r"\w+", re.UNICODE)


def _as_statuses(values: Sequence[Status | str]) -> tuple[Status, ...]:
    try:
        return tuple(Status(v) for v in values)
    except ValueError as exc:
        allowed = ", ".join(s.value for s in Status)
        raise QueryError(f"unknown status {exc.args[0]!r}; use one of: {allowed}") from None


def _check_country(country: str | None) -> str | None:
    if country is None:
        return None
    code = country.strip().upper()
    if not _ISO3.match(code):
        raise QueryError(f"country must be an ISO 3166-1 alpha-3 code such as SYR, not {country!r}")
    return code


def _check_bbox(bbox: tuple[float, float, float, float] | None) -> tuple[float, float, float, float] | None:
    if bbox is None:
        return None
    if len(bbox) != 4:
        raise QueryError("bbox must be four numbers: west,south,east,north")
    west, south, east, north = (float(v) for v in bbox)
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise QueryError(
            f"bbox {bbox} is not west,south,east,north in degrees (lon -180..180, lat -90..90, south<=north)"
        )
    return west, south, east, north


def _check_text(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    if not value.strip():
        raise QueryError(f"{name} is empty; leave it out to match everything")
    return value.strip()


@dataclass(frozen=True)
class EventFilter:
    """Which events to return; every field left as None (or empty) matches everything.

    `actor` is a case-insensitive substring of either actor's text or canonical name; dates
    match events whose date interval overlaps [date_from, date_to]; `bbox` is
    (west, south, east, north) in degrees and may cross the antimeridian (west > east);
    `q` is full-text search over article titles and text (all words must occur);
    `anonymous` keeps events inside claims whose speaker is (or is not) anonymous.
    """

    type: str | None = None
    sub_type: str | None = None
    country: str | None = None
    actor: str | None = None
    status: tuple[Status, ...] = field(default=())
    date_from: date | None = None
    date_to: date | None = None
    bbox: tuple[float, float, float, float] | None = None
    q: str | None = None
    article_id: str | None = None
    anonymous: bool | None = None

    def __post_init__(self) -> None:
        # Normalise once here so every query (and the HTTP layer) gets the same validation.
        object.__setattr__(self, "status", _as_statuses(self.status))
        object.__setattr__(self, "country", _check_country(self.country))
        object.__setattr__(self, "bbox", _check_bbox(self.bbox))
        for name in ("type", "sub_type", "actor", "q", "article_id"):
            object.__setattr__(self, name, _check_text(name, getattr(self, name)))
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise QueryError(f"date_from {self.date_from} is after date_to {self.date_to}; swap them")


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims to return; None matches everything.

    `speaker` is a case-insensitive substring of the speaker's text or name; `country` is the
    speaker's ISO3; `cue` is the cue lemma (say, claim, according to, ...); `q` as for events.
    """

    speaker: str | None = None
    anonymous: bool | None = None
    cue: str | None = None
    country: str | None = None
    q: str | None = None
    article_id: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "country", _check_country(self.country))
        for name in ("speaker", "cue", "q", "article_id"):
            object.__setattr__(self, name, _check_text(name, getattr(self, name)))


# --- cursors -------------------------------------------------------------------------------


def encode_cursor(order: Order, sort_date: date, row_id: str) -> str:
    """Opaque keyset cursor: base64 of the order and the (sort_date, id) key of the last row."""
    raw = json.dumps([order, sort_date.isoformat(), row_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii")


def decode_cursor(cursor: str, order: Order) -> tuple[date, str]:
    """The (sort_date, id) key in a cursor made by `encode_cursor` for the same order."""
    hint = "pass the next_cursor of the previous page unchanged, or leave it out to start over"
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor.encode("ascii")).decode("utf-8"))
        cursor_order, day, row_id = raw
        key = (date.fromisoformat(day), str(row_id))
    except (ValueError, TypeError, UnicodeError, binascii.Error):
        raise QueryError(f"invalid cursor {cursor[:40]!r}; {hint}") from None
    if cursor_order != order:
        raise QueryError(f"cursor was made for order {cursor_order!r}, not {order!r}; {hint}")
    return key


def check_page_args(limit: int, order: str, max_limit: int) -> None:
    if not 1 <= limit <= max_limit:
        raise QueryError(f"limit must be between 1 and {max_limit}, not {limit}")
    if order not in ORDERS:
        raise QueryError(f"order must be one of {', '.join(ORDERS)}, not {order!r}")


# --- filters to SQL ------------------------------------------------------------------------


def fts_terms(q: str) -> list[str]:
    """The words of a search string; every one must occur (AND), punctuation is ignored."""
    words = _WORD.findall(q)
    if not words:
        raise QueryError(f"search text {q!r} has no words to search for")
    return words


_FTS = table("articles_fts", column("rowid", Integer))
# SQLite, `q` on an ordered page: walk the date index and test each event's article against the
# FTS matches when walking is cheaper than reading and sorting every matching article's events.
# Reading costs about 10 us per matching article, walking about 3 us per event passed, and a walk
# passes about (limit + 1) * articles / matches events; so walk when matches exceed
# sqrt(_WALK_COST * (limit + 1) * articles). 200,000 events, q=Aleppo (8% of articles): 60 -> 10 ms.
_WALK_COST = 0.3


def _fts_match(words: list[str]) -> str:
    # FTS5: quote every word so user text can never be read as FTS query syntax.
    return " ".join(f'"{w}"' for w in words)


def _fts_rowids(words: list[str]) -> Select[Any]:
    return select(_FTS.c.rowid).where(
        literal_column("articles_fts").op("MATCH")(literal(_fts_match(words), String))
    )


def _fts_article_ids(conn: Connection, q: str) -> Select[Any]:
    words = fts_terms(q)
    if conn.dialect.name == "postgresql":
        query = func.plainto_tsquery("english", " ".join(words))
        return select(articles.c.id).where(literal_column("articles.tsv").op("@@")(query))
    return select(articles.c.id).where(articles.c.fts_rowid.in_(_fts_rowids(words).scalar_subquery()))


def _fts_walk(conn: Connection, q: str, limit: int) -> bool:
    """SQLite: whether a page of `limit` events matching `q` is cheaper found by walking in order."""
    if conn.dialect.name != "sqlite":
        return False  # PostgreSQL's planner has statistics to choose for itself
    words = fts_terms(q)
    matches = conn.execute(select(func.count()).select_from(_fts_rowids(words).subquery())).scalar_one()
    total = conn.execute(select(func.count()).select_from(articles)).scalar_one()
    return bool(matches * matches > _WALK_COST * (limit + 1) * total)


def _fts_condition(conn: Connection, q: str, walk_limit: int | None) -> ColumnElement[bool]:
    if walk_limit is not None and _fts_walk(conn, q, walk_limit):
        # Correlated per event (one primary-key probe into articles, one into the list of FTS
        # matches built once), so the planner keeps walking the (sort_date, id) index.
        article = articles.alias("fts_article")
        matching = _fts_rowids(fts_terms(q)).scalar_subquery()
        return exists().where(article.c.id == events.c.article_id, (article.c.fts_rowid + 0).in_(matching))
    return events.c.article_id.in_(_fts_article_ids(conn, q).scalar_subquery())


def _max_date_span(conn: Connection) -> int:
    span = conn.execute(select(func.max(events.c.date_span))).scalar()
    return int(span or 0)


def event_conditions(
    conn: Connection, f: EventFilter, *, page_limit: int | None = None
) -> list[ColumnElement[bool]]:
    """The WHERE conditions of an EventFilter (ANDed).

    `page_limit`: the caller reads in (sort_date, id) order and stops after this many rows, so
    conditions may be shaped for an ordered index walk; None when every match is read (stats).
    """
    c = events.c
    conds: list[ColumnElement[bool]] = []
    if f.type:
        conds.append(c.type == f.type)
    if f.sub_type:
        conds.append(c.sub_type == f.sub_type)
    if f.country:
        conds.append(c.country == f.country)
    sqlite = conn.dialect.name == "sqlite"
    if f.status:
        # On SQLite `status || ''` keeps the planner on the (sort_date, …, status) index walk,
        # which checks status inside the index; a status index would need a sort of every match.
        status = c.status.concat("") if sqlite else c.status
        conds.append(status.in_([s.value for s in f.status]))
    if f.article_id:
        conds.append(c.article_id == f.article_id)
    if f.actor:
        conds.append(
            or_(
                *(col.icontains(f.actor, autoescape=True) for col in (c.actor1_text, c.actor2_text)),
                *(col.icontains(f.actor, autoescape=True) for col in (c.actor1_name, c.actor2_name)),
            )
        )
    if f.date_to:
        # sort_date equals date_start whenever date_start is set, and it is the indexed key.
        conds += [c.date_start <= f.date_to, c.sort_date <= literal(f.date_to, Date)]
    if f.date_from:
        # date_end >= date_from is the real test; the bound on sort_date (date_end is at most
        # the longest stored span after date_start) is implied by it and lets the index stop early.
        lowest = f.date_from - timedelta(days=_max_date_span(conn))
        conds += [c.date_end >= f.date_from, c.sort_date >= literal(lowest, Date)]
    if f.bbox:
        west, south, east, north = f.bbox
        # On SQLite `+ 0` stops the planner from range-scanning a lat index and sorting every
        # match; the ordered index walk checks lat/lon inside the index instead (see schema.py).
        lat, lon = (c.lat + 0, c.lon + 0) if sqlite else (c.lat, c.lon)
        conds.append(lat.between(south, north))
        if west <= east:
            conds.append(lon.between(west, east))
        else:  # crosses the antimeridian
            conds.append(or_(lon >= west, lon <= east))
    if f.q:
        conds.append(_fts_condition(conn, f.q, page_limit))
    if f.anonymous is not None:
        # Correlated: one primary-key probe per candidate row instead of listing every claim.
        speaker = claims.alias("speaker_claim")
        conds.append(exists().where(speaker.c.id == c.claim_id, speaker.c.anonymous == f.anonymous))
    return conds


def claim_conditions(conn: Connection, f: ClaimFilter) -> list[ColumnElement[bool]]:
    """The WHERE conditions of a ClaimFilter (ANDed)."""
    c = claims.c
    conds: list[ColumnElement[bool]] = []
    if f.speaker:
        conds.append(
            or_(
                c.speaker_text.icontains(f.speaker, autoescape=True),
                c.speaker_name.icontains(f.speaker, autoescape=True),
            )
        )
    if f.anonymous is not None:
        conds.append(c.anonymous == f.anonymous)
    if f.cue:
        conds.append(c.cue == f.cue)
    if f.country:
        conds.append(c.speaker_country == f.country)
    if f.article_id:
        conds.append(c.article_id == f.article_id)
    if f.q:
        conds.append(c.article_id.in_(_fts_article_ids(conn, f.q).scalar_subquery()))
    return conds


def _keyset(order: Order, sort_col: Any, id_col: Any, key: tuple[date, str]) -> ColumnElement[bool]:
    after = tuple_(literal(key[0], Date), literal(key[1], String))
    if order == "date_desc":
        return tuple_(sort_col, id_col) < after
    return tuple_(sort_col, id_col) > after


def _ordering(order: Order, sort_col: Any, id_col: Any) -> list[Any]:
    if order == "date_desc":
        return [sort_col.desc(), id_col.desc()]
    return [sort_col.asc(), id_col.asc()]


# --- events --------------------------------------------------------------------------------

_ARTICLE_META = (articles.c.url, articles.c.outlet, articles.c.title, articles.c.published)


# Immutable, so built once: every listing and get_event adds its WHERE/ORDER BY to a copy.
_EVENT_SELECT: Select[Any] = (
    select(
        events.c.id,
        events.c.json,
        events.c.article_id,
        events.c.sort_date,
        *_ARTICLE_META,
        claims.c.json.label("claim_json"),
    )
    .select_from(events)
    .join(articles, articles.c.id == events.c.article_id)
    .outerjoin(claims, claims.c.id == events.c.claim_id)
)


def _meta(row: Any, article_id: str) -> ArticleMeta:
    return ArticleMeta(
        id=article_id, url=row.url, outlet=row.outlet, title=row.title, published=row.published
    )


def _stored_event(row: Any) -> StoredEvent:
    return StoredEvent(
        mention=EventMention.model_validate_json(row.json),
        article_id=row.article_id,
        article=_meta(row, row.article_id),
        claim=Claim.model_validate_json(row.claim_json) if row.claim_json else None,
    )


def _page_json(rows: Sequence[Any], next_cursor: str | None) -> bytes:
    """Byte for byte what Page[StoredEvent](...).model_dump_json() gives, without parsing a row.

    The stored JSON of a mention and of a claim is what EventMention/Claim.model_dump_json()
    wrote (a lossless round trip), so it is spliced in as is; the few article fields go through
    pydantic's own JSON encoder, once per article of the page.
    """
    heads: dict[str, str] = {}
    items: list[str] = []
    for _id, mention, article_id, _sort_date, url, outlet, title, published, claim in rows:
        head = heads.get(article_id)
        if head is None:
            meta = {"id": article_id, "url": url, "outlet": outlet, "title": title, "published": published}
            head = f'{to_json(article_id).decode()},"article":{to_json(meta).decode()}'
            heads[article_id] = head
        items.append(f'{{"mention":{mention},"article_id":{head},"claim":{claim or "null"}}}')
    cursor = to_json(next_cursor).decode()
    return f'{{"items":[{",".join(items)}],"next_cursor":{cursor}}}'.encode()


def _event_rows(
    conn: Connection, f: EventFilter, limit: int, cursor: str | None, order: Order, max_limit: int
) -> tuple[Sequence[Any], str | None]:
    """The rows of one page of events and the cursor of the next page (None on the last)."""
    check_page_args(limit, order, max_limit)
    conds = event_conditions(conn, f, page_limit=limit)
    if cursor is not None:
        conds.append(_keyset(order, events.c.sort_date, events.c.id, decode_cursor(cursor, order)))
    stmt = (
        _EVENT_SELECT.where(*conds)
        .order_by(*_ordering(order, events.c.sort_date, events.c.id))
        .limit(limit + 1)
    )
    rows = conn.execute(stmt).all()
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    return rows[:limit], encode_cursor(order, last.sort_date, last.id)


def query_events(
    conn: Connection,
    f: EventFilter,
    *,
    limit: int = 100,
    cursor: str | None = None,
    order: Order = "date_desc",
    max_limit: int = 1000,
) -> Page[StoredEvent]:
    """One page of events matching `f`, newest first by default, keyset-paginated on (date, id)."""
    rows, next_cursor = _event_rows(conn, f, limit, cursor, order, max_limit)
    return Page[StoredEvent](items=[_stored_event(r) for r in rows], next_cursor=next_cursor)


def query_events_json(
    conn: Connection,
    f: EventFilter,
    *,
    limit: int = 100,
    cursor: str | None = None,
    order: Order = "date_desc",
    max_limit: int = 1000,
) -> PageJSON:
    """`query_events` as the JSON of its Page, built from the stored JSON without parsing it."""
    rows, next_cursor = _event_rows(conn, f, limit, cursor, order, max_limit)
    return PageJSON(body=_page_json(rows, next_cursor), next_cursor=next_cursor)


def iter_events(conn_pages: Iterator[Page[StoredEvent]]) -> Iterator[StoredEvent]:
    """Flatten pages into events (the Store feeds it pages fetched one transaction at a time)."""
    for page in conn_pages:
        yield from page.items


def get_event(conn: Connection, event_id: str) -> StoredEvent | None:
    row = conn.execute(_EVENT_SELECT.where(events.c.id == event_id)).first()
    return _stored_event(row) if row is not None else None


# --- claims --------------------------------------------------------------------------------


def query_claims(
    conn: Connection,
    f: ClaimFilter,
    *,
    limit: int = 100,
    cursor: str | None = None,
    order: Order = "date_desc",
    max_limit: int = 1000,
) -> Page[StoredClaim]:
    """One page of claims matching `f`, by article date (newest first), keyset-paginated."""
    check_page_args(limit, order, max_limit)
    conds = claim_conditions(conn, f)
    if cursor is not None:
        conds.append(_keyset(order, claims.c.sort_date, claims.c.id, decode_cursor(cursor, order)))
    stmt = (
        select(claims.c.json, claims.c.article_id, claims.c.sort_date, *_ARTICLE_META)
        .join(articles, articles.c.id == claims.c.article_id)
        .where(*conds)
        .order_by(*_ordering(order, claims.c.sort_date, claims.c.id))
        .limit(limit + 1)
    )
    rows = conn.execute(stmt).all()
    items = [
        StoredClaim(
            claim=Claim.model_validate_json(r.json), article_id=r.article_id, article=_meta(r, r.article_id)
        )
        for r in rows[:limit]
    ]
    next_cursor = None
    if len(rows) > limit:
        next_cursor = encode_cursor(order, rows[limit - 1].sort_date, items[-1].claim.id)
    return Page[StoredClaim](items=items, next_cursor=next_cursor)


# --- articles ------------------------------------------------------------------------------


def get_article(conn: Connection, article_id: str) -> StoredArticle | None:
    """An article and everything extracted from it, in the order the ArticleResult had."""
    a = conn.execute(select(articles).where(articles.c.id == article_id)).first()
    if a is None:
        return None
    article = Article(
        id=a.id,
        url=a.url,
        outlet=a.outlet,
        title=a.title,
        published=a.published,
        language=a.language,
        text=a.text,
        source=a.source,
    )
    ev = conn.execute(select(events.c.json).where(events.c.article_id == article_id).order_by(events.c.pos))
    cl = conn.execute(select(claims.c.json).where(claims.c.article_id == article_id).order_by(claims.c.pos))
    pl = conn.execute(select(places).where(places.c.article_id == article_id).order_by(places.c.idx))
    return StoredArticle(
        article=article,
        events=[EventMention.model_validate_json(r.json) for r in ev],
        claims=[Claim.model_validate_json(r.json) for r in cl],
        places=[
            Place(
                text=p.text,
                start=p.start,
                end=p.end,
                name=p.name,
                admin1=p.admin1,
                country=p.country,
                lat=p.lat,
                lon=p.lon,
                geonames_id=p.geonames_id,
                precision=p.precision,
            )
            for p in pl
        ],
    )


def article_ids_after(conn: Connection, after: str | None, limit: int) -> list[str]:
    """Article ids in id order after `after` (keyset walk for exports)."""
    stmt = select(articles.c.id).order_by(articles.c.id).limit(limit)
    if after is not None:
        stmt = stmt.where(articles.c.id > after)
    return list(conn.execute(stmt).scalars())


def has_article(conn: Connection, article_id: str) -> bool:
    return conn.execute(select(articles.c.id).where(articles.c.id == article_id)).first() is not None


# --- counts and stats ----------------------------------------------------------------------


def counts(conn: Connection) -> dict[str, int]:
    """Rows per table (articles, events, claims, actors, places)."""
    tables = {"articles": articles, "events": events, "claims": claims, "actors": actors, "places": places}
    return {
        name: int(conn.execute(select(func.count()).select_from(tables[name])).scalar_one())
        for name in TABLES
    }


def schema_version_of(conn: Connection) -> int:
    return int(conn.execute(select(func.max(schema_version.c.version))).scalar() or 0)


def _group(conn: Connection, column: Any, where: list[ColumnElement[bool]]) -> dict[str, int]:
    rows = conn.execute(
        select(column, func.count()).where(*where).group_by(column).order_by(func.count().desc())
    )
    return {("" if key is None else str(key)): int(n) for key, n in rows}


def stats(conn: Connection, f: EventFilter | None) -> StoreStats:
    """Counts of the events matching `f` by type, sub-type, country, status and ISO week."""
    where = event_conditions(conn, f) if f is not None else []
    c = events.c
    by_day = conn.execute(
        select(c.date_start, func.count()).where(*where, c.date_start.is_not(None)).group_by(c.date_start)
    )
    # Weeks are folded from days here so the SQL stays the same on SQLite and PostgreSQL.
    weeks: Counter[date] = Counter()
    for day, n in by_day:
        weeks[day - timedelta(days=day.weekday())] += int(n)
    by_type = _group(conn, c.type, where)
    return StoreStats(
        events=sum(by_type.values()),
        totals=counts(conn),
        by_type=by_type,
        by_sub_type=_group(conn, c.sub_type, where),
        by_country=_group(conn, c.country, where),
        by_status=_group(conn, c.status, where),
        by_week=sorted(weeks.items()),
    )
