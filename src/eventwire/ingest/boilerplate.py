"""Scraped-page boilerplate patterns, loaded from data/ingest/boilerplate.json.

Holds the compiled patterns and one-line tests (reading time, caption, footer, byline,
date line shape); it does not parse dates or decide what the title is (see plaintext.py).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

_TOKEN = re.compile(r"[^\s,|/]+")
_NUMERIC_TOKEN = re.compile(r"^[\d:.+\-/]+(?:st|nd|rd|th|h)?[.,]?$")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_SENTENCE_END = re.compile(r"([.!?][\"”’']?)\s+(?=[\"“‘'(\[A-Z0-9])")
_LAST_WORD = re.compile(r"([\w.]+)\.$")
_INITIALS = re.compile(r"^(?:[A-Z]\.)*[A-Z]$")


@dataclass(frozen=True)
class Boilerplate:
    """Compiled boilerplate patterns; one instance per process (`boilerplate()`)."""

    version: str
    reading_time: tuple[re.Pattern[str], ...]
    date_prefix: re.Pattern[str]
    date_words: frozenset[str]
    dateline_start: re.Pattern[str]
    caption_credit: tuple[re.Pattern[str], ...]
    footer: tuple[re.Pattern[str], ...]
    byline: re.Pattern[str]
    abbreviations: frozenset[str]

    def is_reading_time(self, line: str) -> bool:
        return any(p.search(line) for p in self.reading_time)

    def is_footer(self, line: str) -> bool:
        return any(p.search(line) for p in self.footer)

    def is_byline(self, line: str) -> bool:
        return self.byline.search(line) is not None

    def has_credit(self, line: str) -> bool:
        """True when the line ends with a photo credit ("[Getty]", "(Reuters)", "Photo: AFP")."""
        return any(p.search(line) for p in self.caption_credit)

    def first_sentence_end(self, line: str) -> int | None:
        """Where the first sentence of `line` ends (after its full stop), else None.

        Skips stops that end an abbreviation ("U.N.", "Gen.", "Mr."), which are not sentence ends.
        """
        for match in _SENTENCE_END.finditer(line):
            word = _LAST_WORD.search(line, 0, match.start() + 1)
            if word and (_INITIALS.match(word.group(1)) or word.group(1).lower() in self.abbreviations):
                continue
            return match.end(1)
        return None

    def strip_date_prefix(self, line: str) -> tuple[str, bool]:
        """The line without a leading "Published:"/"Updated" label, and whether it had one."""
        match = self.date_prefix.match(line)
        if match is None:
            return line, False
        return line[match.end() :].strip(), True

    def looks_like_date(self, line: str) -> bool:
        """True when every word of the line is a date word or number and it names a year."""
        if not _YEAR.search(line):
            return False
        tokens = _TOKEN.findall(line.lower())
        return bool(tokens) and all(
            _NUMERIC_TOKEN.match(tok) or tok.rstrip(".,") in self.date_words for tok in tokens
        )


@cache
def boilerplate() -> Boilerplate:
    raw = json.loads(resources.files("eventwire.data").joinpath("ingest/boilerplate.json").read_text("utf-8"))

    def compile_all(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in patterns)

    prefixes = "|".join(raw["date_prefixes"])
    starts = "|".join(f"(?:{p})" for p in raw["dateline_start"])
    return Boilerplate(
        version=raw["version"],
        reading_time=compile_all(raw["reading_time"]),
        date_prefix=re.compile(rf"^(?:{prefixes})\s*[:\-–|]?\s*", re.IGNORECASE),
        date_words=frozenset(raw["date_words"]),
        dateline_start=re.compile(
            rf"^(?:{raw['dateline_agencies']}\s+)?(?:(?:{prefixes})\s*[:\-–|]?\s*)?(?P<date>{starts})"
            # A dateline ends at a space, or where a scraper glued the next word to its last digit.
            rf"{raw['dateline_time']}(?:\s+|(?<=\d)(?=[^\W\d_]))",
            re.IGNORECASE,
        ),
        caption_credit=compile_all(raw["caption_credit_end"]),
        footer=compile_all(raw["footer"]),
        byline=re.compile(raw["byline"]),
        abbreviations=frozenset(raw["abbreviations"]),
    )
