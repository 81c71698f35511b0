"""The eventwire command-line app: a thin Typer layer over the library.

Each command group lives in its own module with a `register(app)` function; this module only
assembles them. No logic here.
"""

from __future__ import annotations

import typer

from eventwire.cli import eval_cmds, extract_cmds, geo_cmds, schema_cmd, serve_cmd, store_cmds

app = typer.Typer(
    name="eventwire",
    help="Turn news articles into a sourced, geocoded database of conflict events and claims.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (extract_cmds, store_cmds, eval_cmds, geo_cmds, serve_cmd, schema_cmd):
    module.register(app)


def main() -> None:
    app()
