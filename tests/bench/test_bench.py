"""The generated corpus (deterministic, news-sized) and a tiny `eventwire bench` run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from eventwire.bench import generate_corpus, load_corpus
from eventwire.bench.memory import PeakRss
from eventwire.cli import eval_cmds
from eventwire.errors import EvalError
from eventwire.settings import BenchSettings, Settings

runner = CliRunner()


def test_same_seed_same_corpus_and_limit_is_a_prefix() -> None:
    small = BenchSettings(corpus_articles=30)
    first = [a.text for a in generate_corpus(small)]
    assert first == [a.text for a in generate_corpus(small)]
    assert [a.text for a in generate_corpus(small, limit=5)] == first[:5]
    other = [a.text for a in generate_corpus(BenchSettings(corpus_articles=30, corpus_seed=99))]
    assert other != first


def test_default_corpus_is_2000_distinct_news_sized_articles() -> None:
    articles = list(generate_corpus())
    assert len(articles) == 2000
    assert len({a.text for a in articles}) == 2000
    assert len({a.id for a in articles}) == 2000
    words = [len(a.text.split()) for a in articles]
    assert 480 <= sum(words) / len(words) <= 560
    assert min(words) >= 500 * 0.9


@pytest.mark.parametrize("marker", ["said", "according to", "told", "killed", "\n\n"])
def test_generated_text_has_news_features(marker: str) -> None:
    text = "\n".join(a.text for a in generate_corpus(BenchSettings(corpus_articles=50)))
    assert marker in text.lower()


def test_generated_articles_vary_in_country() -> None:
    leads = {a.text.split(",")[0] for a in generate_corpus(BenchSettings(corpus_articles=200))}
    assert len(leads) >= 20


def test_missing_corpus_path_is_ew063(tmp_path: Path) -> None:
    with pytest.raises(EvalError) as info:
        load_corpus(str(tmp_path / "absent.jsonl"), Settings())
    assert info.value.code == "EW063"


def test_peak_rss_sees_this_process() -> None:
    with PeakRss(0.01) as rss:
        block = bytearray(50 * 1024 * 1024)
        block[::4096] = b"x" * len(block[::4096])
    assert rss.peak_mb >= 50


@pytest.mark.slow
def test_tiny_bench_run_writes_sane_json(tmp_path: Path) -> None:
    try:
        import eventwire.runner  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"the pipeline is not importable yet: {exc}")
    app = typer.Typer()
    eval_cmds.register(app)
    out = tmp_path / "bench.json"
    result = runner.invoke(app, ["bench", "--limit", "5", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    for key in ("articles_per_s", "words_per_s", "peak_rss_mb", "ratio_to_bare_spacy"):
        assert data[key] > 0, key
    assert data["processes"] == 1 and data["articles"] == 5
    assert set(data["stages"]) == {"ingest", "annotate", "extract", "store"}
    assert data["stages"]["annotate"] > 0 and data["stages"]["store"] > 0


def test_a_jsonl_corpus_is_read_and_limited(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    rows = [
        {"id": f"a{i}", "text": f"Article number {i} says that talks resumed in Geneva today."}
        for i in range(3)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    corpus = load_corpus(str(path), Settings())
    assert len(corpus.articles) == 3 and corpus.words == 3 * 10
    assert len(load_corpus(str(path), Settings(), limit=2).articles) == 2
