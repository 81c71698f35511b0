"""The `eventwire serve` command: its options and its refusal of a database it cannot open."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli.app import app

runner = CliRunner()


def test_serve_help_lists_its_options_and_an_example() -> None:
    result = runner.invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--tile-url"):
        assert option in result.output
    assert "eventwire serve --db events.db" in result.output


def test_serve_refuses_a_missing_database_before_listening(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.db"), "--port", "1"])
    assert result.exit_code == 2
    assert "EW040" in result.output


def test_serve_rejects_a_port_out_of_range() -> None:
    result = runner.invoke(app, ["serve", "--port", "70000"])
    assert result.exit_code == 2
    assert "--port" in result.output
