"""Measurement script: latency of the HTTP API's /events queries on a large synthetic store.

Builds (or reuses) a SQLite store of synthetic events, starts `eventwire serve`'s app with
uvicorn on 127.0.0.1 in a child process, sends a fixed number of requests over a mix of filter
queries at fixed concurrency with httpx, and prints p50/p95 latency and requests/s. Not a test.

    python bench/api_latency.py [--events 200000] [--requests 2000] [--concurrency 8] [--runs 3] [--db PATH]

With `--runs N` the same server takes N measured rounds; each round's table is printed, then the
median over the rounds of each query kind's p50 and p95 and of requests/s.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import socket
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import httpx

from eventwire.store import open_store
from eventwire.store.synthetic import generate_results

# The mix: what the map and API users ask most (newest events, a country, a type and status, a
# date window, a map box, an actor, full text, anonymous claims) and a second page by cursor.
QUERIES: dict[str, dict[str, str | list[str]]] = {
    "newest": {},
    "country": {"country": "SYR"},
    "type+status": {"type": "Battles", "status": ["asserted", "reported"]},
    "date window": {"date_from": "2021-03-01", "date_to": "2021-04-30"},
    "bbox": {"bbox": "35,30,45,38"},
    "actor": {"actor": "forces"},
    "full text": {"q": "Aleppo"},
    "anonymous": {"anonymous": "true"},
    "country+dates+bbox": {
        "country": "IRQ",
        "date_from": "2020-01-01",
        "date_to": "2022-12-31",
        "bbox": "38,29,49,38",
    },
}
PAGE = 100


def build_store(db: Path, n_events: int, seed: int) -> None:
    """Write `n_events` synthetic events to `db` unless it already holds at least that many."""
    if db.exists():
        # Opened for writing so a store made by an older eventwire is migrated (new indexes).
        with open_store(str(db)) as store:
            have = store.counts()["events"]
        if have >= n_events:
            print(f"reusing {db}: {have:,} events", file=sys.stderr)
            return
        db.unlink()
    started = time.perf_counter()
    results = generate_results(n_events, seed=seed)
    with open_store(str(db)) as store:
        while batch := list(islice(results, 500)):
            store.upsert_results(batch)
        have = store.counts()["events"]
    print(f"built {db}: {have:,} events in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _serve(db: str, port: int) -> None:
    import uvicorn

    from eventwire.serve import create_app

    uvicorn.run(create_app(db), host="127.0.0.1", port=port, log_level="warning", access_log=False)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Sample:
    kind: str
    seconds: float
    status: int


async def _wait_ready(client: httpx.AsyncClient, deadline_s: float = 60) -> None:
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        try:
            if (await client.get("/healthz")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.2)
    raise SystemExit("the server did not answer /healthz within 60 s")


async def _second_page_cursors(client: httpx.AsyncClient) -> dict[str, str]:
    cursors = {}
    for kind, params in QUERIES.items():
        body = (await client.get("/events", params={**params, "limit": PAGE})).json()
        if body.get("next_cursor"):
            cursors[kind] = body["next_cursor"]
    return cursors


async def load(base_url: str, n_requests: int, concurrency: int, warmup: int) -> tuple[list[Sample], float]:
    """Send `n_requests` (round-robin over the mix, every third one a page-2 request) from
    `concurrency` workers; returns the samples and the wall time of the measured part."""
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=30) as client:
        await _wait_ready(client)
        cursors = await _second_page_cursors(client)
        kinds = list(QUERIES)
        plan: list[tuple[str, dict[str, str | list[str] | int]]] = []
        for i in range(warmup + n_requests):
            kind = kinds[i % len(kinds)]
            params: dict[str, str | list[str] | int] = {**QUERIES[kind], "limit": PAGE}
            # Every third round over the mix asks for page 2 of each query instead of page 1.
            if (i // len(kinds)) % 3 == 2 and kind in cursors:
                params["cursor"] = cursors[kind]
                kind = f"{kind} (page 2)"
            plan.append((kind, params))
        queue: asyncio.Queue[tuple[str, dict[str, str | list[str] | int]]] = asyncio.Queue()
        for item in plan[:warmup]:
            queue.put_nowait(item)
        samples: list[Sample] = []

        async def worker(record: bool) -> None:
            while not queue.empty():
                kind, params = queue.get_nowait()
                t0 = time.perf_counter()
                r = await client.get("/events", params=params)
                await r.aread()
                if record:
                    samples.append(Sample(kind, time.perf_counter() - t0, r.status_code))

        await asyncio.gather(*(worker(False) for _ in range(concurrency)))
        for item in plan[warmup:]:
            queue.put_nowait(item)
        started = time.perf_counter()
        await asyncio.gather(*(worker(True) for _ in range(concurrency)))
        return samples, time.perf_counter() - started


def _pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000 if len(values) > 1 else 0.0


Summary = dict[str, tuple[int, float, float]]  # kind -> (n, p50 ms, p95 ms); "all" included


def report(samples: list[Sample], wall: float, concurrency: int, n_events: int) -> Summary:
    by_kind: dict[str, list[float]] = defaultdict(list)
    for s in samples:
        by_kind[s.kind].append(s.seconds)
    by_kind["all"] = [s.seconds for s in samples]
    errors = sum(1 for s in samples if s.status != 200)
    print(
        f"/events latency, {n_events:,} events, {len(samples):,} requests, "
        f"concurrency {concurrency}, limit {PAGE}"
    )
    summary = {kind: (len(v), _pct(v, 50), _pct(v, 95)) for kind, v in by_kind.items()}
    _table(summary)
    print(f"throughput: {len(samples) / wall:.0f} requests/s; non-200 answers: {errors}")
    return summary


def _table(summary: Summary) -> None:
    print(f"{'query':<28}{'n':>6}{'p50 ms':>10}{'p95 ms':>10}")
    for kind in [*sorted(k for k in summary if k != "all"), "all"]:
        n, p50, p95 = summary[kind]
        print(f"{kind:<28}{n:>6}{p50:>10.1f}{p95:>10.1f}")


def report_median(summaries: list[Summary], rates: list[float]) -> None:
    print(f"\nmedian of {len(summaries)} runs (p50 and p95 each the median over the runs)")
    _table(
        {
            kind: (
                summaries[0][kind][0],
                statistics.median(s[kind][1] for s in summaries),
                statistics.median(s[kind][2] for s in summaries),
            )
            for kind in summaries[0]
        }
    )
    each = ", ".join(f"{r:.0f}" for r in rates)
    print(f"throughput: {statistics.median(rates):.0f} requests/s (runs: {each})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--runs", type=int, default=1, help="measured rounds against the same server")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", type=Path, default=Path("artifacts/api_latency.db"))
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    build_store(args.db, args.events, args.seed)
    port = _free_port()
    server = multiprocessing.get_context("spawn").Process(
        target=_serve, args=(str(args.db), port), daemon=True
    )
    server.start()
    summaries: list[Summary] = []
    rates: list[float] = []
    try:
        for _ in range(max(1, args.runs)):
            samples, wall = asyncio.run(
                load(f"http://127.0.0.1:{port}", args.requests, args.concurrency, args.warmup)
            )
            summaries.append(report(samples, wall, args.concurrency, args.events))
            rates.append(len(samples) / wall)
    finally:
        server.terminate()
        server.join(timeout=10)
    if len(summaries) > 1:
        report_median(summaries, rates)


if __name__ == "__main__":
    main()
