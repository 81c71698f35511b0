"""Article ids: canonical URLs and normalised text give one id per article."""

from __future__ import annotations

import re

import pytest

from eventwire.ingest import article_id, canonical_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://News.Example.ORG/world/story/", "https://news.example.org/world/story"),
        ("https://example.org/a?utm_source=x&utm_medium=y&id=7", "https://example.org/a?id=7"),
        ("https://example.org/a?b=2&a=1&fbclid=abc#comments", "https://example.org/a?a=1&b=2"),
        ("https://example.org:443/a", "https://example.org/a"),
        ("http://example.org:8080/a", "http://example.org:8080/a"),
        ("https://example.org", "https://example.org/"),
        ("not a url", None),
        ("/relative/path", None),
        ("", None),
        (None, None),
    ],
)
def test_canonical_url(url: str | None, expected: str | None) -> None:
    assert canonical_url(url) == expected


def test_id_shape() -> None:
    assert re.fullmatch(r"a_[0-9a-f]{16}", article_id(None, "Some text."))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Shelling killed two people.", "Shelling killed two people."),
        ("Shelling killed two people.", "  Shelling   killed\ntwo people.  "),
        ("Shelling killed two people.", "SHELLING KILLED TWO PEOPLE."),
    ],
)
def test_same_text_same_id(first: str, second: str) -> None:
    assert article_id(None, first) == article_id(None, second)


def test_different_text_different_id() -> None:
    assert article_id(None, "Shelling killed two people.") != article_id(
        None, "Shelling killed three people."
    )


def test_same_url_with_tracking_params_same_id() -> None:
    plain = article_id("https://example.org/news/strike", "text one")
    tracked = article_id("https://Example.org/news/strike/?utm_source=twitter&fbclid=x#top", "text two")
    assert plain == tracked


def test_url_wins_over_text_and_differs_from_text_id() -> None:
    text = "A drone strike hit the market."
    assert article_id("https://example.org/a", text) != article_id(None, text)
    assert article_id("https://example.org/a", text) != article_id("https://example.org/b", text)
    # an unusable URL falls back to the text
    assert article_id("not a url", text) == article_id(None, text)
