"""The `eventwire geocode` command on a tiny Typer app."""

from __future__ import annotations

import typer
from typer.testing import CliRunner

from eventwire.cli import geo_cmds


def _app() -> typer.Typer:
    app = typer.Typer()
    geo_cmds.register(app)

    @app.callback()
    def main() -> None:  # a callback keeps `geocode` a named sub-command
        pass

    return app


def test_geocode_marks_the_chosen_candidate() -> None:
    result = CliRunner().invoke(
        _app(), ["geocode", "Tripoli", "--country", "LBN", "--limit", "3"], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    chosen = next(line for line in result.output.splitlines() if "*" in line)
    assert "LBN" in chosen and "266826" in chosen
    assert "LBY" in result.output


def test_geocode_unknown_name_exits_1() -> None:
    result = CliRunner().invoke(_app(), ["geocode", "Qqzzyxville"])
    assert result.exit_code == 1


def test_geocode_bad_country_code_exits_2_with_code() -> None:
    result = CliRunner().invoke(_app(), ["geocode", "Aleppo", "--country", "XQZ"])
    assert result.exit_code == 2
    assert "EW051" in result.output
