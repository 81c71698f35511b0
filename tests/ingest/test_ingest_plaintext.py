"""Scraped plain text: title, date, boilerplate removal and paragraphs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import IngestError
from eventwire.ingest import clean_text, read_text_article
from eventwire.settings import IngestSettings

BODY = "Rebels shelled the town on Monday, killing two people, officials said."


def clean(raw: str) -> str:
    return clean_text(raw, IngestSettings()).text


@pytest.mark.parametrize(
    "furniture",
    [
        "2 min read",
        "3 minute read",
        "Reading time: 4 minutes",
        "Follow us on Facebook, Twitter and Instagram to stay connected",
        "Follow us on FacebookTwitter and Instagram to stay connected",
        "Share this article",
        "Share | Tweet | Email",
        "Subscribe to our newsletter for daily updates",
        "Sign up for our morning briefing",
        "Read more: Syria's war in maps",
        "Related: Protests spread to the north",
        "Advertisement",
        "© 2023 Example Media. All rights reserved.",
        "Fighters at a checkpoint near the town [Getty]",
        "Residents inspect the damage (AFP)",
        "Residents inspect the damage (Reuters/John Smith)",
        "Residents inspect the damage. Photo: AFP",
        "Residents inspect the damage © AP",
        "Image: Reuters",
        "By Jane Doe and John Roe",
        "05 May, 2020 | 2 min read",
    ],
)
def test_furniture_line_is_removed(furniture: str) -> None:
    text = clean(f"Town shelled\n{furniture}\n{BODY}\n\n{furniture}")
    assert furniture not in text
    assert text == f"Town shelled\n\n{BODY}"


@pytest.mark.parametrize(
    "prose",
    [
        "Share prices fell sharply in Damascus on Monday as the currency slid.",
        "The officials said the strikes would continue (the army did not comment on this claim).",
        "Follow-up talks are planned for next week in Geneva, diplomats said.",
        "By Tuesday, the fighting had spread to three more villages.",
        "The monitor counted 14 dead in the strikes, which began in 2020 and continued.",
    ],
)
def test_prose_line_is_kept(prose: str) -> None:
    assert prose in clean(f"Town shelled\n\n{BODY}\n\n{prose}")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("05 May, 2020", date(2020, 5, 5)),
        ("Tuesday 5 May 2020", date(2020, 5, 5)),
        ("Tuesday, May 5, 2020 10:32 GMT", date(2020, 5, 5)),
        ("Published: 05 May 2020", date(2020, 5, 5)),
        ("Updated 18 April 2023 10:42 GMT", date(2023, 4, 18)),
        ("Last updated on 3 Feb 2021", date(2021, 2, 3)),
        ("Posted on January 23, 2023", date(2023, 1, 23)),
        ("24.08.2013", date(2013, 8, 24)),
        ("2019-11-19", date(2019, 11, 19)),
    ],
)
def test_date_line_sets_published_and_is_removed(line: str, expected: date) -> None:
    cleaned = clean_text(f"Town shelled\n{line}\n{BODY}", IngestSettings())
    assert cleaned.published == expected
    assert cleaned.text == f"Town shelled\n\n{BODY}"


def test_numeric_date_order_is_a_setting() -> None:
    raw = f"Town shelled\n05/04/2020\n{BODY}"
    assert clean_text(raw, IngestSettings()).published == date(2020, 4, 5)
    assert clean_text(raw, IngestSettings(numeric_date_order="MDY")).published == date(2020, 5, 4)


def test_date_without_year_is_not_a_publication_date() -> None:
    cleaned = clean_text(f"Town shelled\nTuesday\n{BODY}", IngestSettings())
    assert cleaned.published is None
    assert "Tuesday" in cleaned.text


def test_repeated_title_is_kept_once_with_standfirst() -> None:
    raw = "Town shelled\n\nTown shelled\nThe standfirst says more.\n2 min read\n" + BODY
    cleaned = clean_text(raw, IngestSettings())
    assert cleaned.title == "Town shelled"
    assert cleaned.text == f"Town shelled\n\nThe standfirst says more.\n\n{BODY}"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # hard-wrapped lines of one paragraph are joined
        (
            "Title\nGovernment troops regained control of the hill town of Karamba in the\nNorth on Friday.",
            [
                "Title",
                "Government troops regained control of the hill town of Karamba in the North on Friday.",
            ],
        ),
        # a line ending in a full stop ends its paragraph
        ("Title\nFirst sentence.\nSecond sentence.", ["Title", "First sentence.", "Second sentence."]),
        # a short heading stays its own paragraph
        (
            "Title\nFighting in the north\nRebels attacked.",
            ["Title", "Fighting in the north", "Rebels attacked."],
        ),
        # whitespace inside a paragraph collapses; blank lines separate paragraphs
        ("Title\n\n\nOne   two\tthree.\n\n\n\nFour.", ["Title", "One two three.", "Four."]),
    ],
)
def test_paragraphs(raw: str, expected: list[str]) -> None:
    assert clean(raw).split("\n\n") == expected


@pytest.mark.parametrize(
    ("raw", "title", "published"),
    [
        (
            "Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use WHO. "
            "Victims of a suspected chemical attack in Idlib appeared to show symptoms of exposure, "
            "the WHO said on Wednesday. " * 2,
            "Syria attack symptoms consistent with nerve agent use WHO",
            date(2017, 4, 5),
        ),
        (
            "Published February 18 2015 The Syrian army captured several villages north of Aleppo. " * 3,
            "The Syrian army captured several villages north of Aleppo",
            date(2015, 2, 18),
        ),
        (
            "24.08.2013Get short URL Saudi Arabia calls for U.N. Council meeting on Syria. The call came "
            "after reports of a gas attack near the capital, diplomats said on Saturday. " * 2,
            "Get short URL Saudi Arabia calls for U.N. Council meeting on Syria",
            date(2013, 8, 24),
        ),
    ],
)
def test_flattened_article_with_dateline(raw: str, title: str, published: date) -> None:
    cleaned = clean_text(raw, IngestSettings())
    assert cleaned.title == title
    assert cleaned.published == published
    assert cleaned.text.startswith(title)
    assert cleaned.text.split("\n\n")[1][:1].isupper()


def test_scraped_fixture(fixtures: Path) -> None:
    article = read_text_article((fixtures / "scraped_page.txt").read_text("utf-8"), source="scraped_page.txt")
    assert article.title == "Army retakes hill town after week of fighting"
    assert article.published == date(2023, 9, 9)
    assert article.text.count(article.title) == 1
    wrapped = (
        "hill town of Karamba in the North on Friday after a week of fighting with rebel fighters, "
        "a military spokesman said."
    )
    assert wrapped in article.text
    assert "Government troops entered the town on Friday after rebels withdrew overnight." in article.text
    for furniture in ("5 min read", "Published", "Reuters/Jane Roe", "Share this", "newsletter"):
        assert furniture not in article.text
    assert article.source == "scraped_page.txt"


def test_only_boilerplate_is_empty() -> None:
    with pytest.raises(IngestError) as info:
        read_text_article("3 min read\nShare this article\n", source="x.txt")
    assert info.value.code == "EW013"
    assert "x.txt" in info.value.message


def test_example_article(example_path: Path) -> None:
    raw = example_path.read_text("utf-8")
    article = read_text_article(raw, source=str(example_path))
    title = "Israeli officials claim Iran pulling out of Syria amid intensified airstrikes"
    assert article.title == title
    assert article.published == date(2020, 5, 5)
    assert article.text.count(title) <= 1
    for furniture in ("2 min read", "Follow us on", "[Getty]", "05 May, 2020"):
        assert furniture not in article.text
    standfirst = "The most recent Israeli strikes have targeted Iran-backed militia fighters"
    assert standfirst in article.text
    # every body paragraph survives, whole (captions, titles and footers are shorter)
    body = [line.strip() for line in raw.splitlines() if len(line.split()) >= 15]
    assert len(body) == 14
    for paragraph in body:
        assert paragraph in article.text
    # re-ingesting gives the same id
    assert read_text_article(raw, source="again").id == article.id
