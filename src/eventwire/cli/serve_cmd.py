"""The `serve` command: the read-only HTTP API and web map over a store, run with uvicorn.

Option parsing only; the app is `eventwire.serve.create_app`.
"""

from __future__ import annotations

from typing import Annotated

import typer
import uvicorn

from eventwire.cli.consoles import err, error_line
from eventwire.errors import EventwireError
from eventwire.serve import create_app
from eventwire.settings import ServeSettings, StoreSettings

_DEFAULTS = ServeSettings()


def register(app: typer.Typer) -> None:
    """Add `serve` to the eventwire app."""
    app.command("serve")(serve)


def serve(
    db: Annotated[str, typer.Option("--db", help="SQLite file or postgresql:// URL to read (read-only).")] = (
        StoreSettings().url
    ),
    host: Annotated[
        str, typer.Option("--host", help="Interface to listen on; the API has no login, keep it on loopback.")
    ] = _DEFAULTS.host,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = _DEFAULTS.port,
    tile_url: Annotated[
        str | None,
        typer.Option(
            "--tile-url",
            help="Raster tile URL template such as https://tile.example.org/{z}/{x}/{y}.png; "
            "without it the map draws offline country outlines only.",
        ),
    ] = None,
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs) and the web map (at /) over a store.

    Examples:

      eventwire serve --db events.db

      eventwire serve --db postgresql://ew@localhost/ew --port 8080 --tile-url 'https://tile.example.org/{z}/{x}/{y}.png'
    """
    try:
        api = create_app(db, tile_url=tile_url)
    except EventwireError as exc:
        err.print(error_line(exc))
        raise typer.Exit(2) from exc
    err.print(f"eventwire: map at http://{host}:{port}/ · API docs at http://{host}:{port}/docs")
    uvicorn.run(api, host=host, port=port, log_level="info")
