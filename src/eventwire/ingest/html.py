"""HTML pages to Articles with trafilatura: body text, title, date, outlet, canonical URL.

Holds the call into trafilatura and the shaping of its result; it does not decode bytes
(decoding.py) or measure extraction quality (bench/html_extraction.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura

from eventwire.errors import IngestError
from eventwire.ingest.dates import parse_date
from eventwire.ingest.identity import article_id
from eventwire.records import Article
from eventwire.settings import IngestSettings

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class HtmlExtract:
    """What trafilatura finds in a page, before it becomes an Article."""

    body: str  # paragraphs separated by blank lines; the headline is not part of it
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None


def extract_html(html: str, *, url: str | None, settings: IngestSettings) -> HtmlExtract | None:
    """trafilatura's reading of one page, or None when it finds no article body."""
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,  # reader comments are not the outlet's reporting
        favor_precision=settings.html_favor_precision,
    )
    if doc is None or isinstance(doc, dict) or not doc.text:
        return None
    title = _one_line(doc.title)
    paragraphs = [p for p in (_one_line(line) for line in doc.text.split("\n")) if p]
    # trafilatura often keeps the page's <h1> as the first line; the text opens with the title anyway.
    if title and paragraphs and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]
    return HtmlExtract(
        body="\n\n".join(paragraphs),
        title=title,
        published=doc.date,
        outlet=_one_line(doc.sitename) or _one_line(doc.hostname),
        url=url or doc.url,
    )


def read_html_article(
    html: str,
    *,
    source: str | None,
    url: str | None = None,
    settings: IngestSettings | None = None,
) -> Article:
    """An Article from an HTML page; raises IngestError EW018 when no body can be extracted."""
    settings = settings or IngestSettings()
    found = extract_html(html, url=url, settings=settings)
    if found is None or len(found.body.split()) < settings.html_min_body_words:
        raise IngestError(
            f"{source or 'input'}: no article body found in the HTML; is it an article page?", code="EW018"
        )
    text = f"{found.title}\n\n{found.body}" if found.title else found.body
    return Article(
        id=article_id(found.url, text),
        url=found.url,
        outlet=found.outlet,
        title=found.title,
        published=parse_date(found.published, date_order=settings.numeric_date_order),
        text=text,
        source=source,
    )


def _one_line(value: str | None) -> str | None:
    if value is None:
        return None
    return _SPACES.sub(" ", value).strip() or None
