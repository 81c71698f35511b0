"""The query, export and stats commands, run through Typer on a store built from test records."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from store_records import corpus
from typer.testing import CliRunner

from eventwire.cli import store_cmds
from eventwire.store import StoredEvent, open_store

runner = CliRunner()


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer()
    store_cmds.register(app)
    return app


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "cli.db")
    with open_store(path) as s:
        s.upsert_results(corpus())
    return path


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], ["ev-a1", "ev-a2", "ev-a3", "ev-b3", "ev-b2", "ev-b1", "ev-c1"]),
        (["--country", "SYR", "--limit", "2"], ["ev-a1", "ev-a2"]),
        (["--type", "Protests", "--status", "claimed", "--status", "intended"], ["ev-b3", "ev-b2"]),
        (["--sub-type", "Peaceful protest", "--actor", "STUDENTS"], ["ev-b3", "ev-b1"]),
        (["--from", "2020-05-04", "--to", "2020-12-31"], ["ev-a1", "ev-a2"]),
        (["--q", "rockets", "--status", "reported"], ["ev-a3"]),
    ],
)
def test_query_jsonl(app: typer.Typer, db: str, args: list[str], expected: list[str]) -> None:
    result = runner.invoke(app, ["query", "--db", db, "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    events = [StoredEvent.model_validate_json(line) for line in result.stdout.splitlines() if line.strip()]
    assert [e.mention.id for e in events] == expected


def test_query_table(app: typer.Typer, db: str) -> None:
    result = runner.invoke(app, ["query", "--db", db, "--country", "IRQ"], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert "Peaceful protest" in result.stdout and "Baghdad" in result.stdout


def test_query_csv(app: typer.Typer, db: str) -> None:
    result = runner.invoke(app, ["query", "--db", db, "--format", "csv", "--country", "SYR"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["event_id_cnty"] for r in rows] == ["ev-a1", "ev-a2", "ev-a3"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson"])
def test_export_to_file(app: typer.Typer, db: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(
        app, ["export", "--db", db, "--format", fmt, "--out", str(out), "--country", "SYR"]
    )
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    if fmt == "jsonl":
        assert len(text.splitlines()) == 3
    elif fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(text)))) == 3
    else:
        assert len(json.loads(text)["features"]) == 3


def test_stats(app: typer.Typer, db: str) -> None:
    result = runner.invoke(app, ["stats", "--db", db], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert "Protests" in result.stdout and "SYR" in result.stdout and "claimed" in result.stdout


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["query", "--db", "/nonexistent-ew/x.db"], "EW040"),
        (["query", "--country", "Syria"], "EW050"),
        (["query", "--from", "2021-01-01", "--to", "2020-01-01"], "EW050"),
    ],
)
def test_errors_have_codes(app: typer.Typer, db: str, args: list[str], code: str) -> None:
    if "--db" not in args:
        args = [*args, "--db", db]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert code in result.output
