"""The `geocode` command: look a place name up in the gazetteer from the command line.

Option parsing and printing only; the ranking is `eventwire.resolve.places.Geocoder`.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from eventwire.cli.consoles import err
from eventwire.errors import EventwireError
from eventwire.resolve.places import Geocoder


def geocode(
    name: Annotated[str, typer.Argument(help="A place name, e.g. 'Deir ez-Zor' or 'Idlib province'.")],
    country: Annotated[
        list[str] | None,
        typer.Option(
            "--country",
            help="ISO3 code of the article's country; repeat for several. Ranks its places first.",
        ),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=100, help="How many candidates to list.")] = 5,
) -> None:
    """List the gazetteer's candidates for NAME, best first; the one geocode picks is marked *.

    Example:

        eventwire geocode Tripoli --country LBN --limit 3
    """
    try:
        geocoder = Geocoder.load()
        context = [c.upper() for c in country or []]
        for code in context:
            geocoder.country(code)  # an unknown code fails here (EW051) rather than ranking nothing
        rows = geocoder.ranked(name, context_countries=context, limit=limit)
    except EventwireError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(code=2) from exc
    if not rows:
        err.print(f"no place named {name!r} in the gazetteer")
        raise typer.Exit(code=1)
    table = Table(title=f"candidates for {name!r}" + (f" (context {', '.join(context)})" if context else ""))
    for column in ("", "name", "admin1", "country", "lat", "lon", "geonames_id", "population", "precision"):
        table.add_column(column, justify="right" if column in ("lat", "lon", "population") else "left")
    for i, (place, population) in enumerate(rows):
        table.add_row(
            "*" if i == 0 else "",
            place.name or "",
            place.admin1 or "",
            place.country or "",
            f"{place.lat:.4f}" if place.lat is not None else "",
            f"{place.lon:.4f}" if place.lon is not None else "",
            str(place.geonames_id or ""),
            f"{population:,}" if population else "",
            str(place.precision or ""),
        )
    Console().print(table)


def register(app: typer.Typer) -> None:
    """Add the `geocode` command to the eventwire app."""
    app.command("geocode")(geocode)
