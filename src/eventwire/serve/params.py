"""Query parameters of the HTTP API turned into the store's EventFilter and ClaimFilter.

Only parsing and the parameter docs live here; validation of values is the filters' own job
(`eventwire.store.queries`), so the API and the CLI reject the same things.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Annotated

from fastapi import Query

from eventwire.errors import QueryError
from eventwire.records import Status
from eventwire.store import ClaimFilter, EventFilter

BBOX_HINT = "bbox must be four numbers west,south,east,north (degrees), e.g. bbox=32,29,42,37"


def parse_bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    """'w,s,e,n' as four finite floats, or QueryError EW050 saying what shape is expected."""
    if raw is None:
        return None
    parts = raw.split(",")
    try:
        values = [float(p) for p in parts]
    except ValueError:
        raise QueryError(f"{BBOX_HINT}; got {raw!r}") from None
    if len(values) != 4 or not all(math.isfinite(v) for v in values):
        raise QueryError(f"{BBOX_HINT}; got {raw!r}")
    west, south, east, north = values
    return west, south, east, north


def event_filter(
    type: Annotated[str | None, Query(description="ACLED event type, e.g. Battles")] = None,
    sub_type: Annotated[str | None, Query(description="ACLED sub-event type, e.g. Air/drone strike")] = None,
    country: Annotated[
        str | None, Query(description="ISO 3166-1 alpha-3 of the event's place, e.g. SYR")
    ] = None,
    actor: Annotated[str | None, Query(description="Part of either actor's words or name")] = None,
    status: Annotated[
        list[Status] | None, Query(description="Epistemic status; repeat for several: ?status=a&status=b")
    ] = None,
    date_from: Annotated[date | None, Query(description="Events on or after this ISO date")] = None,
    date_to: Annotated[date | None, Query(description="Events on or before this ISO date")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees")] = None,
    q: Annotated[str | None, Query(description="Words that must all occur in the article")] = None,
    anonymous: Annotated[
        bool | None, Query(description="true: only events inside claims by anonymous speakers")
    ] = None,
    article_id: Annotated[str | None, Query(description="Only events of this article")] = None,
) -> EventFilter:
    """The EventFilter of a request (a FastAPI dependency shared by /events, /stats, /export.*)."""
    return EventFilter(
        type=type,
        sub_type=sub_type,
        country=country,
        actor=actor,
        status=tuple(status or ()),
        date_from=date_from,
        date_to=date_to,
        bbox=parse_bbox(bbox),
        q=q,
        article_id=article_id,
        anonymous=anonymous,
    )


def claim_filter(
    speaker: Annotated[str | None, Query(description="Part of the speaker's words or name")] = None,
    anonymous: Annotated[bool | None, Query(description="true: unnamed sources only")] = None,
    cue: Annotated[str | None, Query(description="Cue lemma: say, claim, tell, according to, ...")] = None,
    country: Annotated[str | None, Query(description="Speaker's ISO 3166-1 alpha-3 code")] = None,
    q: Annotated[str | None, Query(description="Words that must all occur in the article")] = None,
    article_id: Annotated[str | None, Query(description="Only claims of this article")] = None,
) -> ClaimFilter:
    """The ClaimFilter of a request (a FastAPI dependency of /claims)."""
    return ClaimFilter(
        speaker=speaker, anonymous=anonymous, cue=cue, country=country, q=q, article_id=article_id
    )
