"""JSON Lines: configurable fields, one failure per bad line, the rest still ingested."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.ingest import article_id, iter_inputs, iter_jsonl_articles
from eventwire.records import Article, IngestFailure
from eventwire.settings import IngestSettings

CUSTOM = IngestSettings(
    text_field="body",
    title_field="headline",
    url_field="link",
    published_field="date",
    outlet_field="site",
    id_field="uid",
)


def test_custom_fields_and_bad_lines(fixtures: Path) -> None:
    path = fixtures / "feed_custom_fields.jsonl"
    items = list(iter_inputs([str(path)], CUSTOM))
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, IngestFailure)]
    assert [a.title for a in articles] == ["Ceasefire agreed in border dispute", "Protest in capital"]
    first, second = articles
    assert first.id == "feed-1"  # the record's own id
    assert first.url == "https://example.org/news/ceasefire?utm_source=rss"
    assert first.outlet == "Example Wire"
    assert first.published == date(2022, 6, 7)
    assert first.text.startswith("Both governments agreed a ceasefire")
    assert first.source == str(path)
    assert second.published == date(2022, 6, 12)  # free-text date
    assert second.id == article_id(None, second.text)  # no id, no url: hashed text
    assert [(f.code, f.source) for f in failures] == [
        ("EW017", f"{path}:2"),
        ("EW017", f"{path}:4"),
        ("EW017", f"{path}:5"),
    ]
    assert "not valid JSON" in failures[0].reason
    assert "JSON object" in failures[1].reason
    assert "--text-field" in failures[2].reason


def test_default_fields_without_settings_find_no_text(fixtures: Path) -> None:
    items = list(iter_inputs([str(fixtures / "feed_custom_fields.jsonl")], IngestSettings()))
    assert all(isinstance(i, IngestFailure) and i.code == "EW017" for i in items)


def test_text_is_verbatim_by_default() -> None:
    line = '{"text": "Wed 05 Apr 2017 Title here. Body  text\\n follows.", "url": "https://x.org/a?utm_medium=m"}'
    [article] = iter_jsonl_articles(line, source="feed.jsonl", settings=IngestSettings())
    assert isinstance(article, Article)
    assert article.text == "Wed 05 Apr 2017 Title here. Body  text\n follows."
    assert article.id == article_id("https://x.org/a", "anything")


def test_cleaning_can_be_switched_on() -> None:
    line = (
        '{"title": "Strike kills five", "text": "Wed 05 Apr 2017 Strike kills five. '
        'A strike killed five people on Tuesday, medics said."}'
    )
    [article] = iter_jsonl_articles(line, source="f", settings=IngestSettings(clean_jsonl_text=True))
    assert isinstance(article, Article)
    assert article.published == date(2017, 4, 5)
    assert article.text == "Strike kills five\n\nA strike killed five people on Tuesday, medics said."


@pytest.mark.parametrize(
    "content",
    [
        '[{"text": "First article text."}, {"text": "Second article text."}]',
        '{"text": "First article text."}\n\n{"text": "Second article text."}\n',
    ],
)
def test_json_array_and_blank_lines(content: str) -> None:
    items = list(iter_jsonl_articles(content, source="f.json", settings=IngestSettings()))
    assert [i.text for i in items if isinstance(i, Article)] == [
        "First article text.",
        "Second article text.",
    ]


def test_unicode_line_separator_inside_a_record() -> None:
    content = '{"text": "First line\u2028still the same record."}\n{"text": "Second\u0085record."}\n'
    items = list(iter_jsonl_articles(content, source="f.jsonl", settings=IngestSettings()))
    assert [i.text for i in items if isinstance(i, Article)] == [
        "First line\u2028still the same record.",
        "Second\u0085record.",
    ]


def test_pretty_printed_single_object() -> None:
    content = '{\n  "text": "One article.",\n  "published": "2021-01-02"\n}\n'
    [article] = iter_jsonl_articles(content, source="f.json", settings=IngestSettings())
    assert isinstance(article, Article)
    assert article.published == date(2021, 1, 2)
