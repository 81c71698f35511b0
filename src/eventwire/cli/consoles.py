"""The CLI's two consoles: results on stdout, messages on stderr.

Messages never wrap: one skipped file is one line, so users can grep and tail the log.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def error_line(exc: object) -> str:
    """A red `error` prefix and the message, escaped so file names with brackets print as they are."""
    return f"[red]error[/] {escape(str(exc))}"
