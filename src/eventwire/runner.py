"""Runs the flow ingest → annotate → extract → store over many inputs.

Holds the batch loop and the process pool; each stage's logic lives in its own package.
The same `Processor.process` is what a distributed engine maps over partitions.
"""

from __future__ import annotations

import signal
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from typing import TypeVar

from eventwire.annotate import Annotator
from eventwire.extract import Extractor
from eventwire.records import Article, ArticleResult, IngestFailure
from eventwire.resolve.resources import Resources
from eventwire.settings import Settings
from eventwire.store import Store

T = TypeVar("T")

STAGES = ("ingest", "annotate", "extract", "store")


@dataclass
class RunSummary:
    """What a run did, for the CLI's closing summary and for benchmarks."""

    articles_read: int = 0
    articles_stored: int = 0
    articles_unchanged: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    events: int = 0
    claims: int = 0
    places: int = 0
    words: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    interrupted: bool = False

    @property
    def failure_reasons(self) -> Counter[str]:
        return Counter(f.code for f in self.failures)

    def add(self, results: Sequence[ArticleResult]) -> None:
        for r in results:
            self.events += len(r.events)
            self.claims += len(r.claims)
            self.places += len(r.places)
            self.words += len(r.article.text.split())


class Processor:
    """annotate + extract for batches of articles inside one process."""

    def __init__(self, settings: Settings, resources: Resources | None = None) -> None:
        self.settings = settings
        self.resources = resources or Resources.load(settings)
        self.extractor = Extractor(self.resources, settings.extract)
        self.annotator = Annotator(settings.annotate, self.extractor.selector)
        self.stage_seconds = {"annotate": 0.0, "extract": 0.0}

    def process(self, articles: Sequence[Article]) -> list[ArticleResult]:
        t0 = time.perf_counter()
        annotated = self.annotator.annotate(articles)
        t1 = time.perf_counter()
        results = [self.extractor.extract(a) for a in annotated]
        t2 = time.perf_counter()
        self.stage_seconds["annotate"] += t1 - t0
        self.stage_seconds["extract"] += t2 - t1
        return results


# One Processor per worker process, built by the pool initializer (models load once per worker).
_worker: Processor | None = None


def _init_worker(settings: Settings) -> None:
    global _worker
    # Ctrl-C is handled once, by the parent, which stops between store transactions.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker = Processor(settings)


def _process_in_worker(articles: list[Article]) -> tuple[list[ArticleResult], dict[str, float]]:
    assert _worker is not None, "worker used before its initializer ran"
    before = dict(_worker.stage_seconds)
    results = _worker.process(articles)
    return results, {k: _worker.stage_seconds[k] - before[k] for k in before}


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def process_articles(
    articles: Iterable[Article],
    settings: Settings,
    *,
    processes: int = 1,
    stage_seconds: dict[str, float] | None = None,
    processor: Processor | None = None,
) -> Iterator[list[ArticleResult]]:
    """Yield results batch by batch, in input order, on `processes` worker processes."""
    size = settings.annotate.batch_size
    timing = stage_seconds if stage_seconds is not None else {}
    if processes <= 1:
        proc = processor or Processor(settings)
        for batch in batched(articles, size):
            before = dict(proc.stage_seconds)
            results = proc.process(batch)
            for k, v in proc.stage_seconds.items():
                timing[k] = timing.get(k, 0.0) + v - before[k]
            yield results
        return
    # Workers annotate and extract; this process keeps ingest and store, so the store has one
    # writer. A bounded number of batches in flight keeps memory flat on big corpora.
    pool = ProcessPoolExecutor(processes, initializer=_init_worker, initargs=(settings,))
    try:
        pending: list[Future[tuple[list[ArticleResult], dict[str, float]]]] = []
        for batch in batched(articles, size):
            pending.append(pool.submit(_process_in_worker, batch))
            if len(pending) >= processes * 2:
                yield _collect(pending.pop(0), timing)
        while pending:
            yield _collect(pending.pop(0), timing)
    finally:
        # On Ctrl-C or an early close, drop queued batches instead of finishing them.
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(
    future: Future[tuple[list[ArticleResult], dict[str, float]]], timing: dict[str, float]
) -> list[ArticleResult]:
    results, seconds = future.result()
    for k, v in seconds.items():
        timing[k] = timing.get(k, 0.0) + v
    return results


def split_inputs(
    items: Iterable[Article | IngestFailure],
    summary: RunSummary,
    on_failure: Callable[[IngestFailure], None] | None = None,
) -> Iterator[Article]:
    """Pass articles on and record failures in the summary (the batch goes on without them)."""
    clock = time.perf_counter()
    for item in items:
        summary.stage_seconds["ingest"] += time.perf_counter() - clock
        if isinstance(item, IngestFailure):
            summary.failures.append(item)
            if on_failure is not None:
                on_failure(item)
        else:
            summary.articles_read += 1
            yield item
        clock = time.perf_counter()


class ResultSink:
    """Where finished batches go: the store, and optionally the caller (output, progress)."""

    def __init__(self, store: Store, on_batch: Callable[[list[ArticleResult]], None] | None = None) -> None:
        self.store = store
        self.on_batch = on_batch


def run(
    items: Iterable[Article | IngestFailure],
    settings: Settings,
    sink: ResultSink,
    *,
    processes: int = 1,
    skip_existing: bool = False,
    on_failure: Callable[[IngestFailure], None] | None = None,
) -> RunSummary:
    """The main job: process every article and store it, one transaction per batch.

    A KeyboardInterrupt stops between transactions: what was committed stays, nothing is
    half-written, and re-running completes the work (upserts are idempotent).
    """
    summary = RunSummary()
    started = time.perf_counter()
    articles: Iterable[Article] = split_inputs(items, summary, on_failure)
    if skip_existing:
        articles = _skip_stored(articles, sink.store, summary)
    try:
        for results in process_articles(
            articles, settings, processes=processes, stage_seconds=summary.stage_seconds
        ):
            t0 = time.perf_counter()
            sink.store.upsert_results(results)
            summary.stage_seconds["store"] += time.perf_counter() - t0
            summary.articles_stored += len(results)
            summary.add(results)
            if sink.on_batch is not None:
                sink.on_batch(results)
    except KeyboardInterrupt:
        summary.interrupted = True
    summary.seconds = time.perf_counter() - started
    return summary


def _skip_stored(articles: Iterable[Article], store: Store, summary: RunSummary) -> Iterator[Article]:
    for article in articles:
        if store.has_article(article.id):
            summary.articles_unchanged += 1
        else:
            yield article
