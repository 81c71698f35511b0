"""The `eval` and `bench` commands: accuracy on gold files and speed against bare spaCy.

Holds option parsing and printing; the work is `eventwire.evaluate` and `eventwire.bench`.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventwire.bench import BenchReport, add_bare_spacy, load_corpus, run_bench
from eventwire.cli.consoles import err, error_line
from eventwire.cli.options import ParseMode, ParseOption
from eventwire.errors import EventwireError
from eventwire.evaluate import evaluate, run_scoreboard, scoreboard_dict
from eventwire.evaluate.events import EventReport
from eventwire.evaluate.tables import confusion_table, errors_table, report_table, scoreboard_table
from eventwire.settings import AnnotateSettings, Settings

out_console = Console()


class TaskOption(StrEnum):
    events = "events"
    claims = "claims"
    places = "places"


ProcessesOption = Annotated[int, typer.Option("--processes", "-p", min=1, help="Worker processes.")]
LimitOption = Annotated[int | None, typer.Option("--limit", "-n", min=1, help="Use only the first N items.")]


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
    app.command("bench")(bench_command)


def eval_command(
    gold: Annotated[
        Path | None, typer.Argument(help="Gold file (JSON Lines), see docs/evaluation.md.")
    ] = None,
    task: Annotated[
        TaskOption | None,
        typer.Option(help="What the gold file holds (default: detected from its first item)."),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the full report as JSON here.")
    ] = None,
    errors: Annotated[int, typer.Option(min=0, help="Print the worst N items, gold beside predicted.")] = 0,
    limit: LimitOption = None,
    processes: ProcessesOption = 1,
    parse: ParseOption = ParseMode.selective,
    predictions: Annotated[
        Path | None,
        typer.Option(
            help="Score this saved output (from `eventwire extract --out`) instead of running the pipeline."
        ),
    ] = None,
    all_sets: Annotated[
        Path | None,
        typer.Option("--all", help="Run every dev set under this directory and print the scoreboard."),
    ] = None,
) -> None:
    """Score the pipeline on a gold file: per-field accuracy, F1 and distances.

    Examples:

      eventwire eval ../shared/data/acled/dev.jsonl --errors 10

      eventwire eval ../shared/data/geo/dev.jsonl --task places --limit 50 --out geo.json

      eventwire eval --all ../shared/data --processes 2 --out scoreboard.json
    """
    settings = Settings(annotate=AnnotateSettings(parse_mode=parse.value))
    try:
        if all_sets is not None:
            _scoreboard(all_sets, settings, limit, processes, out)
            return
        if gold is None:
            err.print("[red]error[/] give a gold file, or --all DIR for every dev set")
            raise typer.Exit(2)
        with _progress() as progress:
            job = progress.add_task(f"scoring {gold.name}", total=None)
            evaluation = evaluate(
                gold,
                settings,
                task=task.value if task else None,
                limit=limit,
                processes=processes,
                predictions_path=predictions,
                on_batch=lambda n: progress.advance(job, n),
            )
    except EventwireError as exc:
        err.print(error_line(exc))
        raise typer.Exit(2) from exc
    out_console.print(report_table(evaluation))
    if isinstance(evaluation.report, EventReport):
        out_console.print(confusion_table(evaluation.report))
    if errors:
        out_console.print(errors_table(evaluation, errors))
    if out is not None:
        _write_json(out, evaluation.to_dict())


def _scoreboard(
    data_dir: Path, settings: Settings, limit: int | None, processes: int, out: Path | None
) -> None:
    with _progress() as progress:
        job = progress.add_task("starting", total=None)
        results = run_scoreboard(
            data_dir,
            settings,
            limit=limit,
            processes=processes,
            on_set=lambda dev: progress.update(
                job, description=f"scoring {dev.name} ({dev.task})", completed=0
            ),
            on_batch=lambda n: progress.advance(job, n),
        )
    out_console.print(scoreboard_table(results))
    total = sum(ev.seconds for _, ev in results)
    out_console.print(f"{len(results)} dev set(s) in {total:.0f} s with {processes} process(es)")
    if out is not None:
        _write_json(
            out, {"processes": processes, "seconds": round(total, 1), "sets": scoreboard_dict(results)}
        )


def bench_command(
    corpus: Annotated[
        str,
        typer.Argument(
            help="'generated' (2,000 news-like articles), or a file, directory or glob to ingest."
        ),
    ] = "generated",
    processes: ProcessesOption = 1,
    limit: LimitOption = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the numbers as JSON here.")] = None,
    parse: ParseOption = ParseMode.selective,
    bare: Annotated[bool, typer.Option(help="Also time a bare full nlp.pipe over the same texts.")] = True,
) -> None:
    """Measure throughput, peak memory and the time per stage, and compare with bare spaCy.

    Examples:

      eventwire bench --limit 300 --processes 2

      eventwire bench ../shared/data/fakes/articles.jsonl --out fakes-bench.json
    """
    settings = Settings(annotate=AnnotateSettings(parse_mode=parse.value))
    try:
        loaded = load_corpus(corpus, settings, limit)
        with _progress() as progress:
            job = progress.add_task(f"pipeline on {loaded.name}", total=len(loaded.articles))
            report = run_bench(
                loaded, settings, processes=processes, bare=False, on_batch=lambda n: progress.advance(job, n)
            )
            if bare:
                progress.update(job, description="bare nlp.pipe")
                add_bare_spacy(report, loaded.articles, settings)
    except EventwireError as exc:
        err.print(error_line(exc))
        raise typer.Exit(2) from exc
    out_console.print(bench_table(report))
    if out is not None:
        _write_json(out, report.to_dict())


def bench_table(report: BenchReport) -> Table:
    table = Table(
        title=f"eventwire bench: {report.corpus}, {report.articles} articles, {report.processes} process(es)"
    )
    table.add_column("measure")
    table.add_column("value", justify="right")
    ratio, cpu = report.ratio_to_bare_spacy, report.cpu_ratio_to_bare_spacy
    rows: list[tuple[str, str]] = [
        ("articles/s (end to end, into SQLite)", f"{report.articles_per_s:.1f}"),
        ("words/s", f"{report.words_per_s:,.0f}"),
        ("peak RSS, all processes (MB)", f"{report.peak_rss_mb:,.0f}"),
        ("peak PSS, all processes (MB)", f"{report.peak_pss_mb:,.0f}"),
        ("pipeline / bare nlp.pipe (wall)", f"{ratio:.2f}" if ratio is not None else "n/a"),
        ("pipeline / bare nlp.pipe (CPU)", f"{cpu:.2f}" if cpu is not None else "n/a"),
        ("pipeline s (annotate+extract+store)", f"{report.pipeline_s:.2f}"),
        ("bare nlp.pipe s", f"{report.bare_spacy_s:.2f}" if report.bare_spacy_s is not None else "n/a"),
        ("model load s (not timed above)", f"{report.load_s:.2f}"),
    ]
    rows += [(f"stage {name} s", f"{sec:.2f}") for name, sec in report.stages.items()]
    rows += [("events / claims / places", f"{report.events} / {report.claims} / {report.places}")]
    for name, value in rows:
        table.add_row(name, value)
    if report.processes > 1:
        table.caption = "annotate and extract are summed over worker processes"
    return table


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    err.print(f"wrote {path}")
