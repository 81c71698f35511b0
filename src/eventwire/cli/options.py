"""Options shared by several commands, defined once so their help reads the same everywhere."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


class ParseMode(StrEnum):
    lean = "lean"
    selective = "selective"
    full = "full"


ParseOption = Annotated[
    ParseMode,
    typer.Option(
        help=(
            "selective: parse only sentences that may hold an event or a claim; "
            "lean: the same, but named entities only where the parse confirms an event "
            "trigger (about 20% less CPU, some places fewer); full: parse every sentence."
        )
    ),
]
