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
            "lean: the same, but claim-only sentences skip named entities "
            "(up to ~10% less CPU, a few places fewer); full: parse every sentence."
        )
    ),
]
