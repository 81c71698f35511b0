"""JSON Lines (and JSON array) records to Articles, one per record, with configurable fields.

Holds record parsing and field mapping (IngestSettings.*_field); a bad record becomes an
IngestFailure naming file and line so the rest of the file still ingests. No file access here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError

from eventwire.ingest.dates import parse_date
from eventwire.ingest.identity import article_id
from eventwire.ingest.plaintext import clean_text
from eventwire.records import Article, IngestFailure
from eventwire.settings import IngestSettings


def iter_jsonl_articles(
    text: str, *, source: str, settings: IngestSettings
) -> Iterator[Article | IngestFailure]:
    """One Article per JSON object line of `text`; EW017 failures for lines that are not."""
    for line_no, record in _records(text):
        where = f"{source}:{line_no}"
        if isinstance(record, _BadLine):
            yield IngestFailure(
                source=where, code="EW017", reason=f"not valid JSON ({record.error}); fix or remove the line"
            )
            continue
        yield record_to_article(record, source=source, where=where, settings=settings)


def record_to_article(
    record: Any, *, source: str, where: str, settings: IngestSettings
) -> Article | IngestFailure:
    """The Article one decoded record describes, or the EW017 failure that says what is wrong."""
    if not isinstance(record, dict):
        return IngestFailure(
            source=where, code="EW017", reason=f"a record must be a JSON object, not {type(record).__name__}"
        )
    raw_text = record.get(settings.text_field)
    if not isinstance(raw_text, str) or not raw_text.strip():
        return IngestFailure(
            source=where,
            code="EW017",
            reason=f"no article text in field {settings.text_field!r}; name the right one with --text-field",
        )
    title = _optional_str(record.get(settings.title_field))
    url = _optional_str(record.get(settings.url_field))
    published = parse_date(record.get(settings.published_field), date_order=settings.numeric_date_order)
    text = raw_text
    if settings.clean_jsonl_text:
        cleaned = clean_text(raw_text, settings, title_hint=title)
        text, title, published = (
            cleaned.text or raw_text,
            title or cleaned.title,
            published or cleaned.published,
        )
    given_id = _optional_str(record.get(settings.id_field))
    try:
        return Article(
            # A record's own id is as stable as a hash and keeps gold sets aligned by id.
            id=given_id or article_id(url, text),
            url=url,
            outlet=_optional_str(record.get(settings.outlet_field)),
            title=title,
            published=published,
            text=text,
            source=source,
        )
    except ValidationError as exc:
        return IngestFailure(
            source=where, code="EW017", reason=f"record does not make an article ({exc.error_count()} errors)"
        )


class _BadLine:
    def __init__(self, error: str) -> None:
        self.error = error


def _records(text: str) -> Iterator[tuple[int, Any]]:
    """(line number, decoded object or _BadLine); a whole-file JSON array or object counts too."""
    stripped = text.lstrip()
    if stripped.startswith("[") or (stripped.startswith("{") and "\n" in stripped.strip()):
        try:
            whole = json.loads(text)
        except json.JSONDecodeError:
            whole = None  # not one JSON document: read it line by line below
        if isinstance(whole, list):
            yield from enumerate(whole, start=1)
            return
        if isinstance(whole, dict):
            yield 1, whole
            return
    # Only "\n" ends a record: str.splitlines would also split at U+2028 inside JSON strings.
    for line_no, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield line_no, json.loads(line)
        except json.JSONDecodeError as exc:
            yield line_no, _BadLine(exc.msg + f" at column {exc.colno}")


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
