"""The bundled sample articles: found by sample_paths, every one ingests with a date."""

from __future__ import annotations

from eventwire.ingest import iter_inputs, sample_paths
from eventwire.records import Article
from eventwire.settings import IngestSettings


def test_sample_files_are_found() -> None:
    paths = sample_paths()
    assert 8 <= len(paths) <= 10
    assert all(p.is_file() for p in paths)
    assert {p.suffix for p in paths} == {".txt", ".html", ".jsonl"}
    assert not any(p.name.lower() == "readme.md" for p in paths)


def test_every_sample_ingests_with_a_published_date() -> None:
    items = list(iter_inputs([str(p) for p in sample_paths()], IngestSettings()))
    assert all(isinstance(i, Article) for i in items), [i for i in items if not isinstance(i, Article)]
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) >= 10  # the .jsonl holds several
    assert len({a.id for a in articles}) == len(articles)
    for article in articles:
        assert article.published is not None, article.source
        assert article.title and article.text.startswith(article.title), article.source
        assert 150 <= len(article.text.split()) <= 400, article.source
        for furniture in ("min read", "Follow us", "Share this", "[Getty]", "[Reuters]"):
            assert furniture not in article.text, (article.source, furniture)
