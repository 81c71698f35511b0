"""Quotation regions of an article's text, found from the quotation marks alone.

Holds the pairing of opening and closing marks per paragraph, so a quote may span
sentences (and unparsed ones); it does not decide who is quoted (claims.py does).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"[^\n]+")
_OPENERS = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d"}
_CLOSERS = {"\u201d", "\u00bb"}
_STRAIGHT = '"'
_DOUBLE_APOSTROPHE = "''"


@dataclass(frozen=True)
class QuoteRegion:
    """A quotation: `open_at`/`close_at` are the marks' offsets, `start`/`end` its inside."""

    open_at: int
    close_at: int  # offset of the closing mark, or the paragraph end when never closed
    closed: bool
    mark_len: int = 1  # 2 for the typewriter double apostrophe ''…'' of some archives

    @property
    def start(self) -> int:
        return self.open_at + self.mark_len

    @property
    def end(self) -> int:
        return self.close_at

    @property
    def outer_end(self) -> int:
        return self.close_at + self.mark_len if self.closed else self.close_at


class QuoteIndex:
    """All quotation regions of one text, with lookups by offset."""

    def __init__(self, text: str) -> None:
        self.regions = find_quote_regions(text)
        self._starts = [r.open_at for r in self.regions]

    def containing(self, offset: int) -> QuoteRegion | None:
        """The region whose inside holds `offset`, if any."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and self.regions[i].start <= offset < self.regions[i].end:
            return self.regions[i]
        return None

    def inside(self, start: int, end: int) -> bool:
        """Whether [start, end) lies within one quotation."""
        region = self.containing(start)
        return region is not None and end <= region.end

    def ending_between(self, start: int, end: int) -> list[QuoteRegion]:
        """Closed regions whose closing mark lies in [start, end)."""
        return [r for r in self.regions if r.closed and start <= r.close_at < end]

    def opening_between(self, start: int, end: int) -> list[QuoteRegion]:
        """Regions whose opening mark lies in [start, end)."""
        return [r for r in self.regions if start <= r.open_at < end]


def find_quote_regions(text: str) -> list[QuoteRegion]:
    """Pair quotation marks within each paragraph; an unclosed one runs to the paragraph end.

    Straight double quotes (and the typewriter '' of converted archives) alternate
    open/close; curly and guillemet marks say which they are. Single quotes are ignored:
    they are apostrophes far more often than quotations.
    """
    regions: list[QuoteRegion] = []
    for para in _PARAGRAPH.finditer(text):
        regions.extend(_paragraph_regions(para.group(), para.start()))
    return regions


def _paragraph_regions(para: str, offset: int) -> list[QuoteRegion]:
    regions: list[QuoteRegion] = []
    open_at: int | None = None
    open_len = 1
    i = 0
    while i < len(para):
        ch = para[i]
        mark = 2 if para.startswith(_DOUBLE_APOSTROPHE, i) else (1 if ch == _STRAIGHT else 0)
        if open_at is None:
            if mark or ch in _OPENERS:
                open_at, open_len = i, max(mark, 1)
        elif (mark and mark == open_len) or (open_len == 1 and ch in _CLOSERS):
            regions.append(QuoteRegion(offset + open_at, offset + i, closed=True, mark_len=open_len))
            open_at = None
        i += max(mark, 1)
    if open_at is not None:
        end = len(para.rstrip())
        if end > open_at + open_len:
            regions.append(QuoteRegion(offset + open_at, offset + end, closed=False, mark_len=open_len))
    return regions
