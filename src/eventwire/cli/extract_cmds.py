"""The `extract` and `demo` commands: run the main job and show what it found.

Holds option parsing, progress display and the closing summary; the work is
`eventwire.runner.run`.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from eventwire.cli.consoles import err, error_line
from eventwire.cli.options import ParseMode, ParseOption
from eventwire.cli.show import print_results
from eventwire.errors import EventwireError
from eventwire.ingest import iter_inputs, sample_paths
from eventwire.records import ArticleResult, IngestFailure
from eventwire.runner import ResultSink, RunSummary, run
from eventwire.settings import AnnotateSettings, ExtractSettings, IngestSettings, Settings
from eventwire.store import open_store


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"
    none = "none"


DbOption = Annotated[str, typer.Option("--db", help="SQLite file or postgresql:// URL to store results in.")]


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
    app.command("demo")(demo)


def extract(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, directories (read recursively), globs, or '-' for standard input."),
    ],
    db: DbOption = "eventwire.db",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Also write JSON Lines (one object per article) here.")
    ] = None,
    fmt: Annotated[
        OutputFormat,
        typer.Option(
            "--format", "-f", help="What to print: JSON Lines, a block per event and claim, or nothing."
        ),
    ] = OutputFormat.table,
    input_format: Annotated[
        str | None,
        typer.Option(
            "--input-format",
            help="Force the input format: text, html or jsonl (default: by file extension).",
        ),
    ] = None,
    encoding: Annotated[str, typer.Option(help="Encoding of text inputs.")] = "utf-8",
    max_bytes: Annotated[int, typer.Option(help="Refuse input files larger than this.")] = 20_000_000,
    text_field: Annotated[str, typer.Option(help="JSON Lines field holding the article text.")] = "text",
    title_field: Annotated[str, typer.Option(help="JSON Lines field holding the title.")] = "title",
    url_field: Annotated[str, typer.Option(help="JSON Lines field holding the URL.")] = "url",
    published_field: Annotated[str, typer.Option(help="JSON Lines field holding the date.")] = "published",
    outlet_field: Annotated[str, typer.Option(help="JSON Lines field holding the outlet.")] = "outlet",
    processes: Annotated[int, typer.Option("--processes", "-p", min=1, help="Worker processes.")] = 1,
    parse: ParseOption = ParseMode.selective,
    skip_existing: Annotated[
        bool, typer.Option(help="Skip articles already in the database (resume a big run).")
    ] = False,
    min_confidence: Annotated[
        float,
        typer.Option(
            min=0.0,
            max=1.0,
            help="Drop events below this confidence (lower: more recall, less precision; see "
            "docs/extraction.md for how often each band was right).",
        ),
    ] = ExtractSettings().min_confidence,
) -> None:
    """Extract events and claims from news articles and store them.

    Examples:

      eventwire extract article.txt --format jsonl

      eventwire extract 'news/**/*.html' --db events.db --out events.jsonl

      cat feed.jsonl | eventwire extract - --input-format jsonl --text-field body
    """
    ingest = IngestSettings(
        max_bytes=max_bytes,
        encoding=encoding,
        text_field=text_field,
        title_field=title_field,
        url_field=url_field,
        published_field=published_field,
        outlet_field=outlet_field,
    )
    settings = Settings(
        ingest=ingest,
        annotate=AnnotateSettings(parse_mode=parse.value),
        extract=ExtractSettings(min_confidence=min_confidence),
    ).with_db(db)
    summary = _run_and_report(paths, settings, fmt, out, processes, skip_existing, input_format)
    raise typer.Exit(_exit_code(summary))


def demo(
    db: DbOption = "eventwire-demo.db",
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="What to print.")] = OutputFormat.table,
) -> None:
    """Run the main job on the bundled sample articles and show the events and claims found.

    Example:

      eventwire demo
    """
    paths = [str(p) for p in sample_paths()]
    summary = _run_and_report(paths, Settings().with_db(db), fmt, None, 1, False, None)
    err.print(f"Stored in [bold]{db}[/]. Try: eventwire query --db {db}   or   eventwire serve --db {db}")
    raise typer.Exit(_exit_code(summary))


def _run_and_report(
    paths: list[str],
    settings: Settings,
    fmt: OutputFormat,
    out: Path | None,
    processes: int,
    skip_existing: bool,
    input_format: str | None,
) -> RunSummary:
    try:
        store = open_store(settings.store.url)
    except EventwireError as exc:
        err.print(error_line(exc))
        raise typer.Exit(2) from exc
    out_file: TextIO | None = out.open("w", encoding="utf-8") if out else None
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )
    task = progress.add_task("extracting", total=None)
    shown: list[ArticleResult] = []

    def on_batch(results: list[ArticleResult]) -> None:
        for result in results:
            line = result.model_dump_json()
            if out_file is not None:
                out_file.write(line + "\n")
            if fmt is OutputFormat.jsonl:
                progress.console.file.flush()
                sys.stdout.write(line + "\n")
                sys.stdout.flush()
            elif fmt is OutputFormat.table:
                shown.append(result)
        progress.advance(task, len(results))

    def on_failure(failure: IngestFailure) -> None:
        progress.console.print(f"[yellow]skipped[/] {escape(str(failure))}")

    try:
        items = iter_inputs(paths, settings.ingest, fmt=input_format, stdin=sys.stdin)
        with progress:
            summary = run(
                items,
                settings,
                ResultSink(store, on_batch),
                processes=processes,
                skip_existing=skip_existing,
                on_failure=on_failure,
            )
    except EventwireError as exc:
        err.print(error_line(exc))
        raise typer.Exit(2) from exc
    finally:
        if out_file is not None:
            out_file.close()
    if shown:
        print_results(Console(), shown)
    _print_summary(summary, store.counts())
    return summary


def _exit_code(summary: RunSummary) -> int:
    if summary.interrupted:
        return 130
    return 1 if summary.failures else 0


def _print_summary(summary: RunSummary, counts: dict[str, int]) -> None:
    reasons = ", ".join(f"{code}×{n}" for code, n in sorted(summary.failure_reasons.items()))
    rate = summary.articles_stored / summary.seconds if summary.seconds else 0.0
    err.print(
        f"[bold]{summary.articles_read}[/] articles read, [bold]{len(summary.failures)}[/] skipped"
        + (f" ({reasons})" if reasons else "")
        + f", {summary.articles_stored} stored"
        + (f", {summary.articles_unchanged} already stored" if summary.articles_unchanged else "")
        + f"; {summary.events} events, {summary.claims} claims, {summary.places} places"
        + f" in {summary.seconds:.1f} s ({rate:.1f} articles/s)."
    )
    err.print("Database now holds " + ", ".join(f"{n} {name}" for name, n in counts.items()) + ".")
    if summary.interrupted:
        err.print(
            "[yellow]Interrupted[/]: stored batches are complete; run the same command again to finish."
        )
