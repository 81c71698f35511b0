"""The `query`, `export` and `stats` commands: read a store from the command line.

Option parsing and printing only; filtering, paging and file formats are
`eventwire.store` (EventFilter, Store.query_events, store.export).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from eventwire.cli.consoles import err, error_line
from eventwire.cli.show import event_block
from eventwire.errors import EventwireError
from eventwire.records import Status
from eventwire.store import EventFilter, Store, StoredEvent, open_store
from eventwire.store.export import write_csv, write_geojson, write_jsonl


class QueryFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"


DbOption = Annotated[str, typer.Option("--db", help="SQLite file or postgresql:// URL to read.")]
TypeOption = Annotated[str | None, typer.Option("--type", help="ACLED event type, e.g. 'Battles'.")]
SubTypeOption = Annotated[
    str | None, typer.Option("--sub-type", help="ACLED sub-event type, e.g. 'Air/drone strike'.")
]
CountryOption = Annotated[str | None, typer.Option("--country", help="ISO 3166-1 alpha-3 code, e.g. SYR.")]
ActorOption = Annotated[
    str | None, typer.Option("--actor", help="Part of an actor's words or name (case-insensitive).")
]
FromOption = Annotated[
    datetime | None, typer.Option("--from", formats=["%Y-%m-%d"], help="Events on or after this day.")
]
ToOption = Annotated[
    datetime | None, typer.Option("--to", formats=["%Y-%m-%d"], help="Events on or before this day.")
]
StatusOption = Annotated[
    list[Status] | None, typer.Option("--status", help="Epistemic status; repeat for several.")
]
QOption = Annotated[str | None, typer.Option("--q", help="Words that must all occur in the article.")]


def register(app: typer.Typer) -> None:
    """Add query, export and stats to the eventwire app."""
    app.command("query")(query)
    app.command("export")(export)
    app.command("stats")(stats)


def _day(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def _filter(
    type_: str | None,
    sub_type: str | None,
    country: str | None,
    actor: str | None,
    date_from: datetime | None,
    date_to: datetime | None,
    status: list[Status] | None,
    q: str | None,
) -> EventFilter:
    return EventFilter(
        type=type_,
        sub_type=sub_type,
        country=country,
        actor=actor,
        status=tuple(status or ()),
        date_from=_day(date_from),
        date_to=_day(date_to),
        q=q,
    )


@contextmanager
def _reporting_errors() -> Iterator[None]:
    """Print eventwire errors as one line with their code and exit 2 (no traceback)."""
    try:
        yield
    except EventwireError as exc:
        err.print(error_line(exc))
        raise typer.Exit(2) from exc


def _open(db: str) -> Store:
    return open_store(db, readonly=True)


def _print_events(events: list[StoredEvent]) -> None:
    console = Console()
    for stored in events:
        article = stored.article
        source = Text("    from: ", style="dim")
        source.append(article.title or article.id, style="dim")
        meta = [
            m for m in (article.outlet, article.published.isoformat() if article.published else None) if m
        ]
        if meta:
            source.append(f" ({', '.join(meta)})", style="dim")
        console.print(Group(event_block(stored.mention), source))
    if not events:
        err.print("No events match these filters.")


def query(
    db: DbOption = "eventwire.db",
    type_: TypeOption = None,
    sub_type: SubTypeOption = None,
    country: CountryOption = None,
    actor: ActorOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    status: StatusOption = None,
    q: QOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Show at most this many events.")] = 20,
    fmt: Annotated[
        QueryFormat, typer.Option("--format", "-f", help="table, jsonl or csv.")
    ] = QueryFormat.table,
) -> None:
    """Show stored events that match filters, newest first.

    Examples:

      eventwire query --country SYR --type 'Explosions/Remote violence' --from 2020-05-01

      eventwire query --status claimed --status reported --q 'drone strike' --format jsonl
    """
    with _reporting_errors(), _open(db) as store:
        f = _filter(type_, sub_type, country, actor, date_from, date_to, status, q)
        events = list(store.iter_events(f, limit=limit))
        if fmt is QueryFormat.table:
            _print_events(events)
            err.print(f"{len(events)} event(s)" + (" (use --limit for more)" if len(events) == limit else ""))
        elif fmt is QueryFormat.jsonl:
            write_jsonl(events, sys.stdout)
        else:
            write_csv(events, sys.stdout)


def export(
    db: DbOption = "eventwire.db",
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="jsonl, csv (ACLED columns) or geojson.")
    ] = ExportFormat.jsonl,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write here instead of standard output.")
    ] = None,
    type_: TypeOption = None,
    sub_type: SubTypeOption = None,
    country: CountryOption = None,
    actor: ActorOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    status: StatusOption = None,
    q: QOption = None,
) -> None:
    """Write every stored event that matches the filters to a file, streaming.

    Examples:

      eventwire export --format csv --out events.csv --country SYR

      eventwire export --format geojson --from 2020-01-01 > events.geojson
    """
    writers = {
        ExportFormat.jsonl: write_jsonl,
        ExportFormat.csv: write_csv,
        ExportFormat.geojson: write_geojson,
    }
    with _reporting_errors(), _open(db) as store:
        f = _filter(type_, sub_type, country, actor, date_from, date_to, status, q)
        target: TextIO = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
        try:
            n = writers[fmt](store.iter_events(f), target)
        finally:
            if out:
                target.close()
        err.print(f"wrote {n} event(s)" + (f" to {out}" if out else ""))


def _counts_table(title: str, counts: dict[str, int], limit: int = 25) -> Table:
    table = Table(title=title)
    table.add_column(title.split(" ")[-1])
    table.add_column("events", justify="right")
    for key, n in list(counts.items())[:limit]:
        table.add_row(key or "(unknown)", str(n))
    return table


def stats(db: DbOption = "eventwire.db") -> None:
    """Summarise a store: rows per table and events by type, country, status and week.

    Example:

      eventwire stats --db events.db
    """
    with _reporting_errors(), _open(db) as store:
        s = store.stats()
    console = Console()
    totals = Table(title=f"{db}")
    totals.add_column("table")
    totals.add_column("rows", justify="right")
    for name, n in s.totals.items():
        totals.add_row(name, str(n))
    console.print(totals)
    console.print(_counts_table("Events by type", s.by_type))
    console.print(_counts_table("Events by sub-type", s.by_sub_type))
    console.print(_counts_table("Events by country", s.by_country))
    console.print(_counts_table("Events by status", s.by_status))
    weeks = {day.isoformat(): n for day, n in s.by_week[-12:]}
    console.print(_counts_table("Last 12 weeks with events, by week", weeks))
