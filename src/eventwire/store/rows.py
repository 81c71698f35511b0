"""Conversion of records (Article, EventMention, Claim, Actor, Place) into table rows.

Pure functions, no database: ids of actors, the FTS row key, and the date interval derived
from a DateValue. Reading rows back into records is in `queries.py`.
"""

from __future__ import annotations

import calendar
import hashlib
import json
from datetime import date, datetime, timedelta
from typing import Any

from eventwire.records import Actor, Article, Claim, DateValue, EventMention, Place

NO_DATE = date(1, 1, 1)  # sort key of undated events: last when newest-first


def actor_id(actor: Actor) -> str:
    """Stable id of an actor: hash of (name or text, country, kind)."""
    key = json.dumps([actor.name or actor.text, actor.country, actor.kind.value], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def fts_rowid(article_id: str) -> int:
    """A stable positive 63-bit integer for an article id (SQLite FTS5 rowid)."""
    return int.from_bytes(hashlib.sha256(article_id.encode("utf-8")).digest()[:8], "big") >> 1


def _parse_start_end(part: str) -> tuple[date, date] | None:
    """First and last day covered by YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www."""
    try:
        if len(part) == 10:
            day = date.fromisoformat(part)
            return day, day
        if len(part) == 8 and part[4:6] == "-W":
            monday = date.fromisocalendar(int(part[:4]), int(part[6:]), 1)
            return monday, monday + timedelta(days=6)
        if len(part) == 7:
            year, month = int(part[:4]), int(part[5:])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if len(part) == 4:
            year = int(part)
            return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None
    return None


def date_interval(value: DateValue | None) -> tuple[date, date] | None:
    """The days an event date covers, from its ISO value and precision; None when unresolved."""
    if value is None or not value.value:
        return None
    if "/" in value.value:
        first, _, last = value.value.partition("/")
        a, b = _parse_start_end(first), _parse_start_end(last)
        if a is None or b is None or b[1] < a[0]:
            return None
        return a[0], b[1]
    span = _parse_start_end(value.value)
    if span is None:
        return None
    if value.precision == "week" and span[0] == span[1]:
        # A day value with week precision means "that week": the day and the six after it.
        return span[0], span[0] + timedelta(days=6)
    return span


def article_row(article: Article, now: datetime) -> dict[str, Any]:
    return {
        "id": article.id,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "language": article.language,
        "text": article.text,
        "source": article.source,
        "ingested_at": now,
        "fts_rowid": fts_rowid(article.id),
    }


def actor_row(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor_id(actor),
        "name": actor.name or actor.text,
        "country": actor.country,
        "countries": json.dumps(actor.countries),
        "kind": actor.kind.value,
    }


def event_row(event: EventMention, article: Article, pos: int) -> dict[str, Any]:
    interval = date_interval(event.date)
    loc, when, dead = event.location, event.date, event.fatalities
    return {
        "id": event.id,
        "article_id": article.id,
        "pos": pos,
        "type": event.type,
        "sub_type": event.sub_type,
        "plover": event.plover,
        "trigger_text": event.trigger.text if event.trigger else None,
        "trigger_start": event.trigger.start if event.trigger else None,
        "trigger_end": event.trigger.end if event.trigger else None,
        "actor1_id": actor_id(event.actor1) if event.actor1 else None,
        "actor2_id": actor_id(event.actor2) if event.actor2 else None,
        "actor1_text": event.actor1.text if event.actor1 else None,
        "actor2_text": event.actor2.text if event.actor2 else None,
        "actor1_name": event.actor1.name if event.actor1 else None,
        "actor2_name": event.actor2.name if event.actor2 else None,
        "location_text": loc.text if loc else None,
        "place_name": loc.name if loc else None,
        "admin1": loc.admin1 if loc else None,
        "country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "geonames_id": loc.geonames_id if loc else None,
        "geo_precision": loc.precision if loc else None,
        "date_text": when.text if when else None,
        "date_value": when.value if when else None,
        "date_precision": when.precision if when else None,
        "date_start": interval[0] if interval else None,
        "date_end": interval[1] if interval else None,
        "date_span": (interval[1] - interval[0]).days if interval else None,
        "sort_date": interval[0] if interval else (article.published or NO_DATE),
        "fatalities": dead.value if dead else None,
        "fatalities_text": dead.text if dead else None,
        "fatalities_qualifier": dead.qualifier if dead else None,
        "injuries": event.injuries.value if event.injuries else None,
        "status": event.status.value,
        "claim_id": event.claim_id,
        "evidence_sentence": event.evidence.sentence,
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
        "confidence": event.confidence,
        "json": event.model_dump_json(),
    }


def claim_row(claim: Claim, article: Article, pos: int) -> dict[str, Any]:
    s = claim.speaker
    return {
        "id": claim.id,
        "article_id": article.id,
        "pos": pos,
        "speaker_actor_id": actor_id(s) if s else None,
        "speaker_text": s.text if s else None,
        "speaker_name": s.name if s else None,
        "speaker_country": s.country if s else None,
        "speaker_kind": s.kind.value if s else None,
        "anonymous": s.anonymous if s else None,
        "cue": claim.cue,
        "channel": claim.channel,
        "direct_quote": claim.direct_quote,
        "hedges": json.dumps(claim.hedges, ensure_ascii=False),
        "content_text": claim.content.text,
        "content_start": claim.content.start,
        "content_end": claim.content.end,
        "evidence_sentence": claim.evidence.sentence,
        "evidence_start": claim.evidence.start,
        "evidence_end": claim.evidence.end,
        "sort_date": article.published or NO_DATE,
        "json": claim.model_dump_json(),
    }


def place_row(place: Place, article: Article, idx: int) -> dict[str, Any]:
    return {
        "article_id": article.id,
        "idx": idx,
        **place.model_dump(),
    }
