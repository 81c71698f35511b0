"""Publication dates from date lines, datelines and metadata strings.

Holds the parsing of one date string into a `datetime.date` (ISO first, dateparser for the
rest); it does not decide which line is a date line (see boilerplate.py and plaintext.py).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import dateparser

_ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
# dateparser reads "May 5 2020 at 10:32" but trips on some scraper glue; drop it first.
_GLUE = re.compile(r"\b(?:at|on|the)\b|[|]", re.IGNORECASE)
# Free text must name a year: dateparser would otherwise turn "tomorrow" into today's date + 1.
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# Scrapers glue day and year together after a month name: "Apr 232017" is 23 April 2017.
_GLUED_DAY_YEAR = re.compile(
    r"\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)(\d{1,2})((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def parse_date(value: Any, *, date_order: str = "DMY") -> date | None:
    """A full calendar date (day, month and year all given) from `value`, else None.

    Accepts `date`/`datetime` objects, ISO 8601 strings and free text such as
    "Tuesday 5 May 2020" or "05 May, 2020". A month or year alone is not a publication date,
    so it gives None rather than a guessed day.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    iso = _ISO_DATE.match(value)
    if iso:
        try:
            return date.fromisoformat(iso.group(1))
        except ValueError:
            return None
    value = _GLUED_DAY_YEAR.sub(r"\1\2 \3", value)
    if not _YEAR.search(value):
        return None
    parsed = dateparser.parse(
        _GLUE.sub(" ", value),
        languages=["en"],
        settings={
            "DATE_ORDER": date_order,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return parsed.date() if parsed is not None else None
