"""HTML pages: trafilatura body, metadata, declared charsets and pages without a body."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import IngestError
from eventwire.ingest import read_file, read_html_article
from eventwire.records import Article, IngestFailure
from eventwire.settings import IngestSettings

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Clashes in the north | Example Wire</title>
<meta property="og:title" content="Clashes in the north">
<meta property="og:site_name" content="Example Wire">
<link rel="canonical" href="https://wire.example.org/2022/07/01/clashes-north">
<meta property="article:published_time" content="2022-07-01T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Clashes in the north</h1>
<p>Government forces and rebels clashed near the northern town of Tessit on Thursday, killing at least
eight fighters, a local official said. The fighting lasted several hours.</p>
<p>The rebels denied losing any fighters and said they had repelled an army attack on their positions
outside the town, according to a statement posted online.</p>
</article>
<footer><p>Follow us on Facebook</p><p>Copyright 2022 Example Wire</p></footer>
</body></html>"""


def test_page_to_article() -> None:
    article = read_html_article(PAGE, source="page.html")
    assert article.title == "Clashes in the north"
    assert article.outlet == "Example Wire"
    assert article.url == "https://wire.example.org/2022/07/01/clashes-north"
    assert article.published == date(2022, 7, 1)
    assert article.text.startswith("Clashes in the north\n\nGovernment forces and rebels clashed")
    assert article.text.count("Clashes in the north") == 1
    assert "killing at least eight fighters" in article.text  # the line break inside <p> is gone
    for furniture in ("Home", "Sport", "Follow us", "Copyright"):
        assert furniture not in article.text


def test_given_url_wins_and_makes_the_id() -> None:
    given = read_html_article(PAGE, source="page.html", url="https://wire.example.org/other?utm_source=x")
    again = read_html_article(PAGE, source="elsewhere.html", url="https://wire.example.org/other")
    assert given.url == "https://wire.example.org/other?utm_source=x"
    assert given.id == again.id


def test_page_without_body_is_ew018(fixtures: Path) -> None:
    with pytest.raises(IngestError) as info:
        read_html_article((fixtures / "no_body.html").read_text("utf-8"), source="no_body.html")
    assert info.value.code == "EW018"
    assert "no_body.html" in info.value.message


def test_declared_charset_is_used(fixtures: Path, settings: IngestSettings) -> None:
    path = fixtures / "page_cp1252.html"
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")  # the fixture is what it claims to be
    [article] = read_file(path, settings)
    assert isinstance(article, Article)
    assert article.title == "Café owners protest in São Tomé"
    assert "“We cannot pay more,” said one owner" in article.text


def test_undeclared_bad_charset_is_ew012(tmp_path: Path, settings: IngestSettings) -> None:
    path = tmp_path / "latin.html"
    path.write_bytes(
        "<html><body><p>Caf\u00e9 owners protested in S\u00e3o Tom\u00e9.</p></body></html>".encode("cp1252")
    )
    [failure] = read_file(path, settings)
    assert isinstance(failure, IngestFailure)
    assert failure.code == "EW012"
    assert str(failure).count(str(path)) == 1
    assert "--encoding" in failure.reason


@pytest.fixture(scope="module")
def html_corpus(shared_dir: Path) -> tuple[Path, dict[str, dict[str, str]]]:
    folder = shared_dir / "data" / "html"
    if not (folder / "gold.jsonl").is_file():
        pytest.skip(f"{folder} is absent")
    gold = {
        row["id"]: row for row in map(json.loads, (folder / "gold.jsonl").read_text("utf-8").splitlines())
    }
    return folder, gold


def test_html_corpus_smoke(
    html_corpus: tuple[Path, dict[str, dict[str, str]]], settings: IngestSettings
) -> None:
    folder, gold = html_corpus
    for page_id in sorted(gold)[:3]:
        [article] = read_file(folder / f"{page_id}.html", settings)
        assert isinstance(article, Article), article
        assert article.title
        # the gold body's opening words are in the extracted text
        opening = " ".join(gold[page_id]["text"].split()[:8])
        assert opening in " ".join(article.text.split())
