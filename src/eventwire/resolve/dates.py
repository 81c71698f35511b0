"""Date phrases grounded to ISO 8601 with a precision, resolved against the publication date.

Holds the news conventions for relative dates ('on Monday' is the last Monday on or before
publication) and the finder of time phrases in a parsed span; it does not pick an event's date.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources

import dateparser
from spacy.tokens import Span

from eventwire.errors import ModelError
from eventwire.records import DatePrecision, DateValue
from eventwire.resolve.numbers import parse_words

_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_ISO_MONTH = re.compile(r"\b(\d{4})-(\d{2})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")


@dataclass(frozen=True)
class DateLexicon:
    """The packaged date words (data/grounding/dates.json)."""

    version: str
    months: dict[str, int]
    weekdays: dict[str, int]
    day_offsets: dict[str, int]
    recent_windows_days: dict[str, int]
    unit_days: dict[str, int]
    glue: frozenset[str]
    future_grace_days: int


@cache
def date_lexicon() -> DateLexicon:
    """Load the date lexicon once per process."""
    try:
        raw = json.loads(
            resources.files("eventwire.data").joinpath("grounding/dates.json").read_text("utf-8")
        )
    except (OSError, ValueError) as exc:
        raise ModelError(
            f"cannot load the date lexicon data/grounding/dates.json: {exc}; reinstall eventwire",
            code="EW030",
        ) from exc
    return DateLexicon(
        version=raw["version"],
        months=raw["months"],
        weekdays=raw["weekdays"],
        day_offsets=raw["day_offsets"],
        recent_windows_days=raw["recent_windows_days"],
        unit_days=raw["unit_days"],
        glue=frozenset(raw["glue"]),
        future_grace_days=raw["future_grace_days"],
    )


def _day(text: str, value: date) -> DateValue:
    return DateValue(text=text, value=value.isoformat(), precision="day")


def _value(text: str, value: str, precision: DatePrecision) -> DateValue:
    return DateValue(text=text, value=value, precision=precision)


def _range(text: str, start: date, end: date) -> DateValue:
    return DateValue(text=text, value=f"{start.isoformat()}/{end.isoformat()}", precision="range")


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _previous_month(day: date, back: int = 1) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 - back
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _unresolved(text: str) -> DateValue:
    """A relative date without a publication date: kept as text, never invented."""
    return DateValue(text=text, value=None, precision=None)


def _words(phrase: str) -> list[str]:
    """Lower-case words and numbers; ordinals lose their suffix ('4th' -> '4')."""
    return re.findall(r"[a-z]+|\d+", _ORDINAL.sub(r"\1", phrase.lower()))


def _day_month(words: list[str], lex: DateLexicon) -> tuple[int, int, int | None] | None:
    """'4 May', 'May 4', '4th of May', 'May 4, 2020', '4 May 2020' -> (day, month, year|None)."""
    for k, word in enumerate(words):
        if word not in lex.months or (word == "may" and not _near_digit(words, k)):
            continue
        month = lex.months[word]
        day = None
        if k >= 1 and words[k - 1].isdigit() and len(words[k - 1]) <= 2:
            day = int(words[k - 1])
        elif k >= 2 and words[k - 1] == "of" and words[k - 2].isdigit() and len(words[k - 2]) <= 2:
            day = int(words[k - 2])
        elif k + 1 < len(words) and words[k + 1].isdigit() and len(words[k + 1]) <= 2:
            day = int(words[k + 1])
        if day is None or not 1 <= day <= 31:
            continue
        tail = [w for w in words[k + 1 :] if w.isdigit() and len(w) == 4]
        return day, month, int(tail[0]) if tail else None
    return None


def _near_digit(words: list[str], k: int) -> bool:
    """'may' is a month only beside a number or after 'in'/'of'/'since' ('in May', '4 May')."""
    before = words[k - 1] if k else ""
    after = words[k + 1] if k + 1 < len(words) else ""
    return (
        before.isdigit()
        or after.isdigit()
        or before in ("in", "of", "since", "early", "late", "mid", "until")
    )


def _month_only(words: list[str], lex: DateLexicon) -> tuple[int, int | None] | None:
    for k, word in enumerate(words):
        if word in lex.months and (word != "may" or _near_digit(words, k)):
            years = [int(w) for w in words[k + 1 :] if w.isdigit() and len(w) == 4]
            return lex.months[word], years[0] if years else None
    return None


def _past_year_for(month: int, day: int, published: date) -> int:
    """News convention: a date without a year is the latest one not (much) after publication.

    A short grace keeps announced events ('a protest on 6 May' in a 5 May article) in this year.
    """
    candidate = _safe_date(published.year, month, min(day, 28) if month == 2 and day == 29 else day)
    grace = timedelta(days=date_lexicon().future_grace_days)
    if candidate is not None and candidate > published + grace:
        return published.year - 1
    return published.year


def _weekday(text: str, words: list[str], published: date | None, lex: DateLexicon) -> DateValue | None:
    """'on Monday', 'overnight on Monday', 'Saturday night', 'last Friday': never in the future."""
    days = [lex.weekdays[w] for w in words if w in lex.weekdays and (len(w) > 3 or w in ("mon", "fri"))]
    if not days:
        return None
    if published is None:
        return _unresolved(text)
    # "the night of Monday to Tuesday": the night starts on the first day named.
    back = (published.weekday() - days[0]) % 7
    if "last" in words and back == 0:
        back = 7
    return _day(text, published - timedelta(days=back))


def _ago(text: str, words: list[str], published: date, lex: DateLexicon) -> DateValue | None:
    """'two weeks ago', 'a month ago', '3 days ago'."""
    k = words.index("ago")
    if k == 0 or words[k - 1] not in lex.unit_days:
        return None
    unit = words[k - 1]
    amount = parse_words(words[: k - 1][-3:]) if k >= 2 else None
    n = amount.value if amount is not None else 1
    if unit.startswith("day"):
        return _day(text, published - timedelta(days=n))
    if unit.startswith("week") or unit == "fortnight":
        return _value(text, _monday(published - timedelta(days=lex.unit_days[unit] * n)).isoformat(), "week")
    if unit.startswith("month"):
        year, month = _previous_month(published, n)
        return _value(text, f"{year:04d}-{month:02d}", "month")
    return _value(text, str(published.year - n), "year")


def _relative_period(text: str, low: str, words: list[str], published: date) -> DateValue | None:
    """'last week', 'this month', 'earlier this year', 'last year'."""
    for unit in ("week", "month", "year"):
        if unit not in words:
            continue
        if "last" in words or "previous" in words or ("past" in words and f"past {unit}" in low):
            if "past" in words:  # "the past week": the seven days up to publication
                span_days = {"week": 7, "month": 30, "year": 365}[unit]
                return _range(text, published - timedelta(days=span_days), published)
            if unit == "week":
                return _value(text, _monday(published - timedelta(days=7)).isoformat(), "week")
            if unit == "month":
                year, month = _previous_month(published)
                return _value(text, f"{year:04d}-{month:02d}", "month")
            return _value(text, str(published.year - 1), "year")
        if "this" in words or "current" in words:
            if "earlier" in words:
                start = {
                    "week": _monday(published),
                    "month": published.replace(day=1),
                    "year": published.replace(month=1, day=1),
                }[unit]
                return _range(text, start, published)
            if unit == "week":
                return _value(text, _monday(published).isoformat(), "week")
            if unit == "month":
                return _value(text, f"{published.year:04d}-{published.month:02d}", "month")
            return _value(text, str(published.year), "year")
    return None


def _is_relative(low: str, words: list[str], lex: DateLexicon) -> bool:
    return (
        any(w in lex.weekdays for w in words)
        or any(p in low for p in lex.day_offsets)
        or any(p in low for p in lex.recent_windows_days)
        or bool({"ago", "last", "this", "past", "previous", "recent", "current"} & set(words))
    )


def _relative(text: str, published: date | None, lex: DateLexicon) -> DateValue | None:
    low = " ".join(_words(text))
    words = low.split()
    if not _is_relative(low, words, lex):
        return None
    if published is None:
        return _unresolved(text)
    for phrase, days in sorted(lex.recent_windows_days.items(), key=lambda kv: -len(kv[0])):
        if phrase in low:
            return _range(text, published - timedelta(days=days), published)
    weekday = _weekday(text, words, published, lex)
    if weekday is not None:
        return weekday
    for phrase, offset in sorted(lex.day_offsets.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{re.escape(phrase)}\b", low):
            return _day(text, published + timedelta(days=offset))
    if "ago" in words:
        found = _ago(text, words, published, lex)
        if found is not None:
            return found
    return _relative_period(text, low, words, published)


def _since(text: str, words: list[str], published: date | None, lex: DateLexicon) -> DateValue | None:
    """'since 2011', 'since May', 'since 4 May 2020': a range up to publication."""
    rest = words[words.index("since") + 1 :]
    start = _absolute(" ".join(rest), rest, published, lex)
    if start is None or start.value is None or start.precision == "range":
        return start and _unresolved(text)
    begin = date.fromisoformat(_first_day(start.value))
    if published is None:
        return _unresolved(text)
    return _range(text, begin, published)


def _first_day(value: str) -> str:
    parts = value.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts[:3])


def _absolute(text: str, words: list[str], published: date | None, lex: DateLexicon) -> DateValue | None:
    """Dates that name their day, month or year; the year may be inferred from publication."""
    iso = _ISO_DAY.search(text)
    if iso:
        iso_day = _safe_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        return _day(text, iso_day) if iso_day else None
    iso_month = _ISO_MONTH.search(text)
    if iso_month and 1 <= int(iso_month.group(2)) <= 12:
        return _value(text, f"{iso_month.group(1)}-{iso_month.group(2)}", "month")
    day_month = _day_month(words, lex)
    if day_month is not None:
        day, month, year = day_month
        if year is None:
            if published is None:
                return _unresolved(text)
            year = _past_year_for(month, day, published)
        found = _safe_date(year, month, day)
        return _day(text, found) if found else None
    month_only = _month_only(words, lex)
    if month_only is not None:
        month, year = month_only
        if year is None:
            if published is None:
                return _unresolved(text)
            year = _past_year_for(month, 1, published)
        return _value(text, f"{year:04d}-{month:02d}", "month")
    year_match = _YEAR.search(text)
    if year_match and len(words) <= 3:
        return _value(text, year_match.group(1), "year")
    return None


def _with_dateparser(text: str, published: date | None) -> DateValue | None:
    """Last resort for absolute forms the rules do not read ('04/05/2020', 'Tue, 5 May 2020')."""
    if not _YEAR.search(text) and not _NUMERIC_DATE.search(text):
        return None
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "past",
        "STRICT_PARSING": True,
        "DATE_ORDER": "DMY",
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return _day(text, parsed.date()) if parsed is not None else None


def _between(text: str, words: list[str], published: date | None, lex: DateLexicon) -> DateValue | None:
    """'between 1 and 3 May', 'from 1 to 3 May 2020', '1-3 May': a range of days."""
    match = re.search(r"\b(\d{1,2})\s*(?:-|–|and|to)\s*(\d{1,2})\s+([a-z]+)\b(?:\s+(\d{4}))?", text.lower())
    if not match or match.group(3) not in lex.months:
        return None
    month = lex.months[match.group(3)]
    first, last = int(match.group(1)), int(match.group(2))
    if match.group(4):
        year = int(match.group(4))
    elif published is not None:
        year = _past_year_for(month, last, published)
    else:
        return _unresolved(text)
    start, end = _safe_date(year, month, first), _safe_date(year, month, last)
    if start is None or end is None or end < start:
        return None
    return _range(text, start, end)


def resolve_date(phrase: str, published: date | None) -> DateValue | None:
    """Ground a time phrase: 'on 4 May', 'overnight on Monday', 'last month', 'since 2011'.

    Relative phrases resolve against `published` by news convention (a day name is the latest
    such day on or before publication; never a future day). Without `published` they come back
    as DateValue(text, None, None); dates that state their year still resolve. None means the
    phrase holds no date at all.
    """
    text = phrase.strip()
    if not text:
        return None
    lex = date_lexicon()
    words = _words(text)
    if "since" in words:
        return _since(text, words, published, lex)
    between = _between(text, words, published, lex)
    if between is not None:
        return between
    if _NUMERIC_DATE.search(text):
        return _with_dateparser(text, published)
    absolute = _absolute(text, words, published, lex)
    if absolute is not None:
        return absolute
    relative = _relative(text, published, lex)
    if relative is not None:
        return relative
    return _with_dateparser(text, published)


# --- time phrases in a parsed span ----------------------------------------------------------------

_LEFT_GLUE = frozenset(
    {"on", "in", "since", "during", "overnight", "late", "early", "earlier", "until", "by"}
)


def _is_time_word(word: str, lex: DateLexicon) -> bool:
    return (
        (word in lex.weekdays and len(word) > 3)
        or (word in lex.months and word != "may")
        or word in ("yesterday", "today", "tonight", "overnight", "ago", "recent", "recently")
        or bool(_YEAR.fullmatch(word))
    )


def find_date_phrases(span: Span) -> list[Span]:
    """Time phrases in a parsed span: DATE entities and adverbials ('overnight on Monday').

    Each DATE entity or time word is widened left over prepositions and modifiers ('overnight
    on', 'earlier this'); overlapping pieces are merged. Left to right.
    """
    lex = date_lexicon()
    doc = span.doc
    pieces: list[tuple[int, int]] = [
        (ent.start, ent.end)
        for ent in doc.ents
        if ent.label_ == "DATE" and span.start <= ent.start < span.end
    ]
    for token in span:
        low = token.lower_
        if _is_time_word(low, lex) or (low == "may" and token.tag_ == "NNP"):
            pieces.append((token.i, token.i + 1))
        if low in ("week", "month", "year", "night", "weeks", "months", "days") and token.i > span.start:
            before = doc[token.i - 1].lower_
            if before in ("last", "this", "recent", "past", "previous", "few"):
                pieces.append((token.i - 1, token.i + 1))
    widened: list[tuple[int, int]] = []
    for start, end in pieces:
        while start > span.start and (
            (
                doc[start - 1].lower_ in lex.glue
                and doc[start - 1].lower_ not in (",", "and", "to", "the", "of")
            )
            or (
                doc[start - 1].lower_ in ("the", "of", "this")
                and start - 2 >= span.start
                and doc[start - 2].lower_ in lex.glue | _LEFT_GLUE
            )
        ):
            start -= 1
        while end < span.end and doc[end].lower_ in ("night", "morning", "afternoon", "evening", "ago"):
            end += 1
        widened.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(widened):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return [doc[start:end] for start, end in merged if _has_date(doc[start:end].text)]


def _has_date(text: str) -> bool:
    """Drop pieces that are only glue ('on the')."""
    return any(ch.isalnum() for ch in text) and resolve_date(text, date(2000, 1, 1)) is not None


def latest_day(value: str | None) -> date | None:
    """The last calendar day an ISO 8601 value of ours can mean: '2013' -> 2013-12-31,
    '2013-08' -> 2013-08-31, a range -> its end; None when it does not parse."""
    if not value:
        return None
    last = value.split("/")[-1]
    try:
        if len(last) == 4:
            return date(int(last), 12, 31)
        if len(last) == 7:
            year, month = int(last[:4]), int(last[5:7])
            following = date(year + month // 12, month % 12 + 1, 1)
            return following - timedelta(days=1)
        return date.fromisoformat(last)
    except ValueError:
        return None
