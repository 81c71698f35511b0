"""The benchmark: the full pipeline into a temporary SQLite file, then a bare `nlp.pipe` baseline.

Holds `run_bench` and its report; corpora come from corpora.py, memory from memory.py.
"""

from __future__ import annotations

import multiprocessing
import os
import platform
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.bench.corpora import Corpus
from eventwire.bench.memory import PeakRss
from eventwire.records import Article
from eventwire.settings import Settings


@dataclass
class BenchReport:
    corpus: str
    articles: int
    words: int
    processes: int
    parse_mode: str
    model: str
    seconds: float  # ingest + annotate + extract + store, wall clock (model loading reported apart)
    pipeline_s: float  # annotate + extract + store, wall clock
    load_s: float  # loading the model and gazetteers in this process, before the clock
    stages: dict[str, float]
    peak_rss_mb: float  # summed RSS of this process and its workers (upper bound)
    peak_pss_mb: float  # the same with shared pages split (closer to what the machine needs)
    # CPU seconds (user + system, this process and its reaped workers): steadier than wall
    # time on a shared machine, where other jobs stretch the wall clock.
    pipeline_cpu_s: float = 0.0
    bare_spacy_s: float | None = None
    bare_peak_rss_mb: float | None = None
    bare_spacy_cpu_s: float | None = None
    events: int = 0
    claims: int = 0
    places: int = 0
    failures: int = 0
    machine: dict[str, Any] = field(default_factory=dict)

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def ratio_to_bare_spacy(self) -> float | None:
        """Pipeline wall time over bare `nlp.pipe` wall time on the same texts and processes."""
        return self.pipeline_s / self.bare_spacy_s if self.bare_spacy_s else None

    @property
    def cpu_ratio_to_bare_spacy(self) -> float | None:
        """The same ratio in CPU seconds (less sensitive to other load on the machine)."""
        return self.pipeline_cpu_s / self.bare_spacy_cpu_s if self.bare_spacy_cpu_s else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles_per_s": round(self.articles_per_s, 2),
            "words_per_s": round(self.words_per_s, 1),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "peak_pss_mb": round(self.peak_pss_mb, 1),
            "ratio_to_bare_spacy": _round(self.ratio_to_bare_spacy, 3),
            "cpu_ratio_to_bare_spacy": _round(self.cpu_ratio_to_bare_spacy, 3),
            "stages": {k: round(v, 3) for k, v in self.stages.items()},
            "processes": self.processes,
            "corpus": self.corpus,
            "articles": self.articles,
            "words": self.words,
            "seconds": round(self.seconds, 3),
            "pipeline_s": round(self.pipeline_s, 3),
            "load_s": round(self.load_s, 3),
            "pipeline_cpu_s": round(self.pipeline_cpu_s, 3),
            "bare_spacy_s": _round(self.bare_spacy_s, 3),
            "bare_spacy_cpu_s": _round(self.bare_spacy_cpu_s, 3),
            "bare_peak_rss_mb": _round(self.bare_peak_rss_mb, 1),
            "parse_mode": self.parse_mode,
            "model": self.model,
            "events": self.events,
            "claims": self.claims,
            "places": self.places,
            "failures": self.failures,
            "machine": self.machine,
        }


def _round(value: float | None, digits: int) -> float | None:
    return round(value, digits) if value is not None else None


def run_bench(
    corpus: Corpus,
    settings: Settings,
    *,
    processes: int = 1,
    bare: bool = True,
    on_batch: Callable[[int], None] | None = None,
) -> BenchReport:
    """Time the pipeline end to end into a fresh SQLite file, then (if `bare`) bare spaCy."""
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        report = _run_pipeline(corpus, settings, processes, Path(tmp) / "bench.db", on_batch)
    if bare:
        add_bare_spacy(report, corpus.articles, settings)
    return report


def add_bare_spacy(report: BenchReport, articles: Sequence[Article], settings: Settings) -> None:
    """Time bare spaCy on the same texts and processes as `report` and record it there."""
    cpu = cpu_seconds()
    report.bare_spacy_s, report.bare_peak_rss_mb = bare_spacy(articles, settings, report.processes)
    _reap_children()
    report.bare_spacy_cpu_s = cpu_seconds() - cpu


def _run_pipeline(
    corpus: Corpus,
    settings: Settings,
    processes: int,
    db_path: Path,
    on_batch: Callable[[int], None] | None,
) -> BenchReport:
    # Imported here so the corpus generator and its tests do not need the pipeline.
    from eventwire.runner import Processor, process_articles
    from eventwire.store import open_store

    load_started = time.perf_counter()
    # The model and gazetteers load here, before the clock, once: with several processes the
    # runner forks its workers from this loaded process inside the timed run (where fork is
    # unavailable, each worker still loads its own copy inside the timed run).
    processor = Processor(settings)
    load_s = time.perf_counter() - load_started
    stages: dict[str, float] = {"ingest": corpus.ingest_s, "annotate": 0.0, "extract": 0.0, "store": 0.0}
    counts = {"events": 0, "claims": 0, "places": 0}
    store = open_store(str(db_path), settings=settings.store)
    try:
        with PeakRss(settings.bench.rss_sample_s) as rss:
            started = time.perf_counter()
            cpu = cpu_seconds()
            for batch in process_articles(
                corpus.articles, settings, processes=processes, stage_seconds=stages, processor=processor
            ):
                t0 = time.perf_counter()
                store.upsert_results(batch)
                stages["store"] += time.perf_counter() - t0
                for r in batch:
                    counts["events"] += len(r.events)
                    counts["claims"] += len(r.claims)
                    counts["places"] += len(r.places)
                if on_batch is not None:
                    on_batch(len(batch))
            pipeline_s = time.perf_counter() - started
            pipeline_cpu_s = cpu_seconds() - cpu
    finally:
        store.close()
    return BenchReport(
        corpus=corpus.name,
        articles=len(corpus.articles),
        words=corpus.words,
        processes=processes,
        parse_mode=settings.annotate.parse_mode,
        model=settings.annotate.model,
        seconds=corpus.ingest_s + pipeline_s,
        pipeline_s=pipeline_s,
        pipeline_cpu_s=pipeline_cpu_s,
        load_s=load_s,
        stages=stages,
        peak_rss_mb=rss.peak_mb,
        peak_pss_mb=rss.peak_pss_mb,
        failures=corpus.failures,
        machine={"cpus": os.cpu_count(), "python": platform.python_version()},
        **counts,
    )


def cpu_seconds() -> float:
    """User + system CPU seconds of this process and of its workers that have been reaped."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _reap_children(timeout_s: float = 10.0) -> None:
    """Wait for finished worker processes, so that their CPU time counts in `os.times()`."""
    deadline = time.monotonic() + timeout_s
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)


def bare_spacy(articles: Sequence[Article], settings: Settings, processes: int) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of a full `nlp.pipe` (all components) over the same texts."""
    from eventwire.annotate import load_pipeline

    nlp = load_pipeline(settings.annotate.model)
    texts = [a.text for a in articles]
    with PeakRss(settings.bench.rss_sample_s) as rss:
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=settings.annotate.batch_size, n_process=processes):
            pass
        seconds = time.perf_counter() - started
    return seconds, rss.peak_mb
