"""Scraped plain text to a clean Article: title, publication date, body paragraphs.

Holds the line-level cleaning of text as scrapers save pages (repeated title, reading time,
date lines, photo captions, share footers); it does not read files or decode bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from eventwire.errors import IngestError
from eventwire.ingest.boilerplate import Boilerplate, boilerplate
from eventwire.ingest.dates import parse_date
from eventwire.ingest.identity import article_id
from eventwire.records import Article
from eventwire.settings import IngestSettings

_LINE_BREAK = re.compile(r"\r\n|[\r\n\u0085\u2028\u2029]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_TERMINAL = re.compile(r"[.!?\"”’')\]]$")
_JOINER_END = re.compile(r"[,;:\-–—]$")
_SEGMENT_SEPARATOR = re.compile(r"\s+[|·•]\s+")
_TITLE_TRAIL = re.compile(r"[\s.:;,–—-]+$")


@dataclass(frozen=True)
class CleanText:
    """What cleaning takes out of a scraped page."""

    title: str | None
    published: date | None
    text: str  # title + blank line + body paragraphs separated by blank lines


def read_text_article(
    raw: str,
    *,
    source: str | None,
    url: str | None = None,
    settings: IngestSettings | None = None,
) -> Article:
    """An Article from scraped plain text; raises IngestError EW013 when no text is left."""
    cleaned = clean_text(raw, settings or IngestSettings())
    if not cleaned.text:
        raise IngestError(f"{source or 'input'}: no article text after cleaning", code="EW013")
    return Article(
        id=article_id(url, cleaned.text),
        url=url,
        title=cleaned.title,
        published=cleaned.published,
        text=cleaned.text,
        source=source,
    )


def clean_text(raw: str, settings: IngestSettings, *, title_hint: str | None = None) -> CleanText:
    """Title, date and body of a scraped page; `title_hint` is a title known from metadata."""
    patterns = boilerplate()
    lines = [_SPACES.sub(" ", line).strip() for line in _LINE_BREAK.split(raw)]
    state = _Cleaning(patterns, settings)
    title, start = _find_title(lines, state, title_hint)
    blocks = state.body_lines(lines[start:], title)
    paragraphs = _paragraphs(blocks, settings.wrap_min_chars)
    head = [title.paragraph] if title.paragraph else []
    text = "\n\n".join(head + paragraphs)
    return CleanText(title=title.title, published=state.published, text=text)


@dataclass(frozen=True)
class _Title:
    title: str | None  # for Article.title: no trailing full stop
    paragraph: str | None  # how it opens the text
    key: str | None  # normalised, to drop its repeats


class _Cleaning:
    """Line classification for one page; remembers the first publication date it meets."""

    def __init__(self, patterns: Boilerplate, settings: IngestSettings) -> None:
        self.patterns = patterns
        self.settings = settings
        self.published: date | None = None

    def is_boilerplate(self, line: str, *, in_header: bool) -> bool:
        """True when `line` is page furniture; a date line also sets `published`.

        "5 May 2020 | 3 min read" is furniture when each of its parts is.
        """
        parts = _SEGMENT_SEPARATOR.split(line)
        # A list, not a generator: every part is looked at, so a date part is always read.
        if (
            len(parts) > 1
            and len(line) <= self.settings.furniture_max_chars
            and all([self._is_furniture(part, in_header=in_header) for part in parts if part])
        ):
            return True
        return self._is_furniture(line, in_header=in_header)

    def _is_furniture(self, line: str, *, in_header: bool) -> bool:
        p = self.patterns
        if self.take_date_line(line, in_header=in_header):
            return True
        if len(line) > self.settings.furniture_max_chars:
            return False
        if p.is_reading_time(line) or p.is_footer(line) or p.has_credit(line):
            return True
        return in_header and p.is_byline(line)

    def take_date_line(self, line: str, *, in_header: bool) -> bool:
        rest, labelled = self.patterns.strip_date_prefix(line)
        if not self.patterns.looks_like_date(rest):
            return False
        # A bare date low in the body is page furniture too, but only a labelled one
        # ("Published: ...") or one in the header says when the article was published.
        if self.published is None and (in_header or labelled):
            self.published = parse_date(rest, date_order=self.settings.numeric_date_order)
        return True

    def take_dateline(self, line: str) -> str:
        """`line` without a leading "Wed 05 Apr 2017" dateline, which sets `published`."""
        match = self.patterns.dateline_start.match(line)
        if match is None or match.end() >= len(line):
            return line
        found = parse_date(match.group("date"), date_order=self.settings.numeric_date_order)
        if found is None:
            return line
        if self.published is None:
            self.published = found
        return line[match.end() :].strip()

    def body_lines(self, lines: list[str], title: _Title) -> list[str | None]:
        """Body lines with boilerplate dropped; None marks a paragraph break."""
        out: list[str | None] = []
        seen = 0
        for line in lines:
            if not line:
                out.append(None)
                continue
            seen += 1
            in_header = seen <= self.settings.header_lines
            if (title.key and _title_key(line) == title.key) or self.is_boilerplate(
                line, in_header=in_header
            ):
                out.append(None)  # a dropped line separates what was around it
                continue
            out.append(line)
        return out


def _find_title(lines: list[str], state: _Cleaning, hint: str | None) -> tuple[_Title, int]:
    """The title and the index of the first body line; boilerplate above the title is dropped."""
    for index, line in enumerate(lines):
        if not line or state.is_boilerplate(line, in_header=True):
            continue
        line = state.take_dateline(line)
        if hint and _title_key(line).startswith(_title_key(hint)):
            rest = line[len(hint) :].lstrip(" .:–—-")
            return _make_title(hint), _with_rest(lines, index, rest)
        if len(line) <= state.settings.title_max_chars:
            return _make_title(line), index + 1
        # A whole article flattened onto one line: its first sentence is the headline.
        end = state.patterns.first_sentence_end(line)
        if end is not None and end <= state.settings.title_max_chars:
            return _make_title(line[:end]), _with_rest(lines, index, line[end:].strip())
        return _Title(title=None, paragraph=None, key=None), _with_rest(lines, index, line)
    return _Title(title=None, paragraph=None, key=None), len(lines)


def _with_rest(lines: list[str], index: int, rest: str) -> int:
    """Put the remainder of line `index` back in place as a body line; return its index."""
    lines[index] = rest
    return index


def _make_title(line: str) -> _Title:
    title = _TITLE_TRAIL.sub("", line) or line
    return _Title(title=title, paragraph=line, key=_title_key(line))


def _title_key(line: str) -> str:
    return _TITLE_TRAIL.sub("", _SPACES.sub(" ", line)).casefold()


def _paragraphs(lines: list[str | None], wrap_min_chars: int) -> list[str]:
    """Group lines into paragraphs, joining lines that were hard-wrapped mid-sentence."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, None]:
        if line is None:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if current and not _continues(current[-1], line, wrap_min_chars):
            paragraphs.append(" ".join(current))
            current = []
        current.append(line)
    return paragraphs


def _continues(previous: str, line: str, wrap_min_chars: int) -> bool:
    """True when `line` carries on the sentence `previous` broke off."""
    if _TERMINAL.search(previous):
        return False
    return line[:1].islower() or bool(_JOINER_END.search(previous)) or len(previous) >= wrap_min_chars
