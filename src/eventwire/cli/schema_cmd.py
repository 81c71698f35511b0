"""The `schema` command: print the JSON Schema of the output contract.

Holds only the command; the schema is generated in eventwire.contract.
"""

from __future__ import annotations

import typer

from eventwire.contract import render_schema


def register(app: typer.Typer) -> None:
    app.command("schema")(schema)


def schema() -> None:
    """Print the JSON Schema of one output line (one article).

    Example:

      eventwire schema > eventwire.schema.json
    """
    typer.echo(render_schema(), nl=False)
