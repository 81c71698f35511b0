"""`create_app`: the FastAPI application over one read-only store, with the web map at `/`.

Holds the app assembly, error handlers and static files; routes are in `routes.py`, the map's
HTML/JS/CSS and vendored libraries in `static/`. Nothing here writes to the database.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from eventwire import __version__
from eventwire.errors import EventwireError, QueryError, StoreError
from eventwire.serve.routes import NOT_FOUND, api_router
from eventwire.settings import Settings
from eventwire.store import open_store

STATIC = Path(__file__).parent / "static"


def _status_of(exc: EventwireError) -> int:
    if isinstance(exc, QueryError):
        return 404 if exc.code == NOT_FOUND else 400
    if isinstance(exc, StoreError):
        return 503
    return 500


async def _eventwire_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, EventwireError)
    body = {"error": {"code": exc.code, "message": exc.message}}
    return JSONResponse(body, status_code=_status_of(exc))


def content_security_policy(tile_url: str | None) -> str:
    """Scripts only from this server; images also from the tile server when one is configured."""
    images = "'self' data:" + (" https: http:" if tile_url else "")
    # Leaflet positions tiles and markers with inline styles, hence style-src 'unsafe-inline'.
    return (
        f"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src {images}; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )


def create_app(db_url: str, *, tile_url: str | None = None, settings: Settings | None = None) -> FastAPI:
    """The API and web map over the store at `db_url`, opened read-only.

    Raises StoreError (EW040/EW041) at once when the database cannot be opened, so `eventwire
    serve` fails before it listens. `tile_url` (e.g. https://tile.example.org/{z}/{x}/{y}.png)
    adds a raster layer under the offline country outlines.
    """
    settings = settings or Settings()
    store = open_store(db_url, readonly=True, settings=settings.store)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="eventwire",
        version=__version__,
        summary="Read-only API over a store of conflict events and claims, each with its evidence.",
        lifespan=lifespan,
    )
    app.state.store = store
    app.add_exception_handler(EventwireError, _eventwire_error)
    app.include_router(api_router(store, settings, tile_url))
    csp = content_security_policy(tile_url)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Content-Security-Policy": csp})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
