"""The API's routes: events, claims, articles, stats, streamed exports and the health check.

Every read goes through the Store's public methods (no SQL here); errors are raised as project
exceptions and turned into JSON by the handlers in `app.py`.
"""

# No `from __future__ import annotations`: FastAPI must resolve the local Annotated aliases below.
from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse

from eventwire import __version__
from eventwire.errors import QueryError, StoreError
from eventwire.serve.api_models import ArticleSpan, ArticleView, ErrorBody, ErrorDetail, Health, UiConfig
from eventwire.serve.params import claim_filter, event_filter
from eventwire.serve.streams import csv_chunks, geojson_chunks, jsonl_chunks
from eventwire.settings import Settings
from eventwire.store import (
    ClaimFilter,
    EventFilter,
    Order,
    Page,
    PageJSON,
    Store,
    StoredArticle,
    StoredClaim,
    StoredEvent,
    StoreStats,
)

NOT_FOUND = "EW052"
_ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorBody, "description": "A parameter is invalid (EW050)"},
    503: {"model": ErrorBody, "description": "The database cannot be read (EW040)"},
}
_NOT_FOUND: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorBody, "description": "No such id (EW052)"}
}


def not_found(kind: str, item_id: str) -> QueryError:
    return QueryError(
        f"no {kind} with id {item_id!r}; list ids with GET /{kind}s or `eventwire query`", code=NOT_FOUND
    )


def _page_response(page: Page[StoredClaim] | PageJSON, request: Request) -> Response:
    # Serialised once (not re-validated by FastAPI); the Link header mirrors next_cursor.
    headers = {}
    if page.next_cursor is not None:
        headers["Link"] = f'<{request.url.include_query_params(cursor=page.next_cursor)}>; rel="next"'
    body = page.body if isinstance(page, PageJSON) else page.model_dump_json()
    return Response(body, media_type="application/json", headers=headers)


def article_spans(stored: StoredArticle) -> list[ArticleSpan]:
    """Where each event's evidence and each claim's content and evidence sit in the text."""
    spans = [
        ArticleSpan(
            kind="event",
            id=e.id,
            role="evidence",
            start=e.evidence.start,
            end=e.evidence.end,
            label=f"{e.type} / {e.sub_type}",
        )
        for e in stored.events
    ]
    for c in stored.claims:
        speaker = c.speaker.name or c.speaker.text if c.speaker else "unknown speaker"
        spans.append(
            ArticleSpan(
                kind="claim", id=c.id, role="content", start=c.content.start, end=c.content.end, label=speaker
            )
        )
        spans.append(
            ArticleSpan(
                kind="claim",
                id=c.id,
                role="evidence",
                start=c.evidence.start,
                end=c.evidence.end,
                label=speaker,
            )
        )
    return sorted(spans, key=lambda s: (s.start, s.end, s.kind, s.id))


def _stream(chunks: Iterator[str], media_type: str, filename: str) -> StreamingResponse:
    return StreamingResponse(
        chunks, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )


def api_router(store: Store, settings: Settings, tile_url: str | None) -> APIRouter:
    """The API routes bound to one read-only store; page sizes capped by settings.store."""
    router = APIRouter()
    cap = settings.store.max_page_size
    default_limit = min(settings.serve.default_page_size, cap)
    chunk = settings.serve.stream_chunk_events
    Limit = Annotated[int, Query(ge=1, le=cap, description=f"Page size, 1 to {cap}")]
    Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]
    Events = Annotated[EventFilter, Depends(event_filter)]

    @router.get("/events", response_model=Page[StoredEvent], responses=_ERRORS, tags=["events"])
    def list_events(
        request: Request,
        f: Events,
        limit: Limit = default_limit,
        cursor: Cursor = None,
        order: Order = "date_desc",
    ) -> Response:
        """Events matching the filters, sorted by date; follow `next_cursor` (or the Link header)."""
        # The stored JSON of each event is spliced into the page as is: no pydantic parse per row.
        return _page_response(store.query_events_json(f, limit=limit, cursor=cursor, order=order), request)

    @router.get(
        "/events/{event_id}", response_model=StoredEvent, responses=_ERRORS | _NOT_FOUND, tags=["events"]
    )
    def get_event(event_id: str) -> Response:
        """One event with its evidence, the claim it sits in (speaker, cue, channel) and its article."""
        stored = store.get_event(event_id)
        if stored is None:
            raise not_found("event", event_id)
        return Response(stored.model_dump_json(), media_type="application/json")

    @router.get("/claims", response_model=Page[StoredClaim], responses=_ERRORS, tags=["claims"])
    def list_claims(
        request: Request,
        f: Annotated[ClaimFilter, Depends(claim_filter)],
        limit: Limit = default_limit,
        cursor: Cursor = None,
    ) -> Response:
        """Claims matching the filters, newest article first; keyset-paginated like /events."""
        return _page_response(store.query_claims(f, limit=limit, cursor=cursor), request)

    @router.get(
        "/articles/{article_id}",
        response_model=ArticleView,
        responses=_ERRORS | _NOT_FOUND,
        tags=["articles"],
    )
    def get_article(article_id: str) -> ArticleView:
        """The cleaned article text with its events, claims, places and the spans they come from."""
        stored = store.get_article(article_id)
        if stored is None:
            raise not_found("article", article_id)
        return ArticleView(
            article=stored.article,
            events=stored.events,
            claims=stored.claims,
            places=stored.places,
            spans=article_spans(stored),
        )

    @router.get("/stats", response_model=StoreStats, responses=_ERRORS, tags=["events"])
    def stats(f: Events) -> StoreStats:
        """Counts of the matching events by type, sub-type, country, status and ISO week."""
        return store.stats(f)

    def export(route: str, fmt: Callable[..., Iterator[str]], media: str, name: str) -> None:
        def stream(f: Events, order: Order = "date_desc") -> StreamingResponse:
            return _stream(fmt(store.iter_events(f, order=order), chunk), media, name)

        stream.__doc__ = f"Every matching event as {name}, streamed page by page."
        router.add_api_route(
            route,
            stream,
            methods=["GET"],
            response_class=StreamingResponse,
            responses=_ERRORS | {200: {"content": {media: {}}, "description": f"{name}, streamed"}},
            tags=["export"],
            name=f"export_{name.rsplit('.', 1)[-1]}",
        )

    export("/export.jsonl", jsonl_chunks, "application/x-ndjson", "events.jsonl")
    export("/export.csv", csv_chunks, "text/csv; charset=utf-8", "events.csv")
    export("/export.geojson", geojson_chunks, "application/geo+json", "events.geojson")

    @router.get("/healthz", response_model=Health, responses={503: {"model": Health}}, tags=["meta"])
    def healthz() -> JSONResponse:
        """Whether the database answers, its row counts and schema version, and this eventwire's version."""
        try:
            health = Health(
                status="ok",
                version=__version__,
                db=store.where,
                dialect=store.dialect,
                schema_version=store.schema_version(),
                counts=store.counts(),
            )
            return JSONResponse(health.model_dump(mode="json"))
        except StoreError as exc:
            failed = Health(
                status="error",
                version=__version__,
                db=store.where,
                error=ErrorDetail(code=exc.code, message=exc.message),
            )
            return JSONResponse(failed.model_dump(mode="json"), status_code=503)

    @router.get("/ui/config", response_model=UiConfig, tags=["meta"])
    def ui_config() -> UiConfig:
        """What the web map needs: tile URL (null = offline basemap) and how many events to draw."""
        return UiConfig(
            version=__version__,
            tile_url=tile_url,
            max_map_events=settings.serve.map_max_events,
            page_size=cap,
        )

    return router
