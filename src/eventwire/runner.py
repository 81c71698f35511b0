"""Runs the flow ingest → annotate → extract → store over many inputs.

Holds the batch loop and the process pool; each stage's logic lives in its own package.
The same `Processor.process` is what a distributed engine maps over partitions.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import signal
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
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
# With several processes, a batch is sent out in this many chunks (see _process_forked).
_CHUNKS_PER_BATCH = 4


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
        # Sentences with an event trigger or an attribution cue get the whole pipeline, the
        # rest are only tokenised. In "lean" mode NER runs only on sentences whose parse confirms
        # an event trigger: about 20% less CPU for some 4 points of place recall (docs/evaluation.md).
        selector = self.extractor.sentence_selector(tiered=settings.annotate.parse_mode == "lean")
        self.annotator = Annotator(settings.annotate, selector)
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


# One Processor per worker process: inherited from the parent when workers are forked after it
# loaded (pages shared copy-on-write, no start-up), else built by the pool initializer.
_worker: Processor | None = None


def _init_worker(settings: Settings, processor: Processor | None = None) -> None:
    global _worker
    # Ctrl-C is handled once, by the parent, which stops between store transactions.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker = processor if processor is not None else Processor(settings)


def _process_in_worker(articles: list[Article]) -> tuple[list[ArticleResult], dict[str, float]]:
    assert _worker is not None, "worker used before its initializer ran"
    before = dict(_worker.stage_seconds)
    results = _worker.process(articles)
    return results, {k: _worker.stage_seconds[k] - before[k] for k in before}


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _fork_context() -> multiprocessing.context.BaseContext | None:
    """The fork start method where the platform has it (workers inherit the loaded models)."""
    try:
        return multiprocessing.get_context("fork")
    except ValueError:
        return None


def process_articles(
    articles: Iterable[Article],
    settings: Settings,
    *,
    processes: int = 1,
    stage_seconds: dict[str, float] | None = None,
    processor: Processor | None = None,
) -> Iterator[list[ArticleResult]]:
    """Yield results batch by batch, in input order, on `processes` processes.

    With several processes this process loads the models once (or uses `processor`), forks
    `processes - 1` workers that share them, and works on batches itself whenever the
    workers have enough queued: every process does NLP, none waits for a model to load.
    Where fork is unavailable, `processes` workers each load their own copy.
    """
    size = settings.annotate.batch_size
    timing = stage_seconds if stage_seconds is not None else {}
    if processes <= 1:
        proc = processor or Processor(settings)
        for batch in batched(articles, size):
            yield _process_here(proc, batch, timing)
        return
    fork = _fork_context()
    if fork is None:
        yield from _process_in_pool(articles, settings, processes, timing)
        return
    local = processor or Processor(settings)
    yield from _regroup(_process_forked(articles, settings, processes, local, fork, timing), size)


def _process_forked(
    articles: Iterable[Article],
    settings: Settings,
    processes: int,
    local: Processor,
    fork: multiprocessing.context.BaseContext,
    timing: dict[str, float],
) -> Iterator[list[ArticleResult]]:
    workers = processes - 1
    # Work goes out in chunks smaller than a batch so that the processes finish together;
    # a chunk of 16 articles is still some 400 sentences for one nlp.pipe call.
    chunk = max(1, settings.annotate.batch_size // _CHUNKS_PER_BATCH)
    # This process keeps ingest and store (one writer) and takes a chunk itself whenever the
    # workers have `ahead` chunks queued. A bounded number in flight keeps memory flat.
    ahead = 2 * workers
    pool = ProcessPoolExecutor(workers, mp_context=fork, initializer=_init_worker, initargs=(settings, local))
    try:
        slots: deque[Future[tuple[list[ArticleResult], dict[str, float]]] | list[ArticleResult]] = deque()
        for batch in batched(articles, chunk):
            queued = sum(1 for s in slots if isinstance(s, Future) and not s.done())
            if queued < ahead:
                slots.append(pool.submit(_process_in_worker, batch))
            else:
                slots.append(_process_here(local, batch, timing))
            while slots and (len(slots) > 2 * ahead + 1 or _ready(slots[0])):
                yield _resolve(slots.popleft(), timing)
        while slots:
            yield _resolve(slots.popleft(), timing)
    finally:
        # On Ctrl-C or an early close, drop queued chunks instead of finishing them.
        pool.shutdown(wait=True, cancel_futures=True)


def _regroup(chunks: Iterator[list[ArticleResult]], size: int) -> Iterator[list[ArticleResult]]:
    """Chunks back into batches of `size` (one store transaction each), in order."""
    buffer: list[ArticleResult] = []
    try:
        for chunk in chunks:
            buffer.extend(chunk)
            if len(buffer) >= size:
                yield buffer[:size]
                buffer = buffer[size:]
        if buffer:
            yield buffer
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            close()


def _process_here(proc: Processor, batch: list[Article], timing: dict[str, float]) -> list[ArticleResult]:
    before = dict(proc.stage_seconds)
    results = proc.process(batch)
    for k, v in proc.stage_seconds.items():
        timing[k] = timing.get(k, 0.0) + v - before[k]
    return results


def _ready(slot: Future[tuple[list[ArticleResult], dict[str, float]]] | list[ArticleResult]) -> bool:
    return not isinstance(slot, Future) or slot.done()


def _resolve(
    slot: Future[tuple[list[ArticleResult], dict[str, float]]] | list[ArticleResult], timing: dict[str, float]
) -> list[ArticleResult]:
    return _collect(slot, timing) if isinstance(slot, Future) else slot


def _process_in_pool(
    articles: Iterable[Article], settings: Settings, processes: int, timing: dict[str, float]
) -> Iterator[list[ArticleResult]]:
    """Workers that load their own models (no fork): this process keeps ingest and store."""
    size = settings.annotate.batch_size
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


class DeferredInterrupt:
    """Ctrl-C that waits for the end of a shielded section (a store write and its output).

    Outside `shield()` a SIGINT raises KeyboardInterrupt at once, as usual; inside, it is
    remembered and raised when the section ends. Without this a Ctrl-C landing in the
    caller's output code can surface as some other exception (a serializer wraps it) and a
    clean stop looks like a crash.
    """

    def __init__(self) -> None:
        self.shielded = False
        self.pending = False

    def handle(self, signum: int, frame: object) -> None:
        if self.shielded:
            self.pending = True
        else:
            raise KeyboardInterrupt

    @contextmanager
    def shield(self) -> Iterator[None]:
        self.shielded = True
        try:
            yield
        finally:
            self.shielded = False
        if self.pending:
            raise KeyboardInterrupt

    @contextmanager
    def installed(self) -> Iterator[DeferredInterrupt]:
        """Handle SIGINT while inside; only the main thread can install a signal handler."""
        if threading.current_thread() is not threading.main_thread():
            yield self
            return
        previous = signal.signal(signal.SIGINT, self.handle)
        try:
            yield self
        finally:
            signal.signal(signal.SIGINT, previous)


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
    half-written, the batch's output is complete, and re-running completes the work
    (upserts are idempotent).
    """
    summary = RunSummary()
    started = time.perf_counter()
    articles: Iterable[Article] = split_inputs(items, summary, on_failure)
    if skip_existing:
        articles = _skip_stored(articles, sink.store, summary)
    try:
        with DeferredInterrupt().installed() as interrupts:
            for results in process_articles(
                articles, settings, processes=processes, stage_seconds=summary.stage_seconds
            ):
                with interrupts.shield():
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
