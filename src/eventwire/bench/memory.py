"""Peak resident memory of this process and all its workers, sampled in a background thread.

Holds `PeakRss` only; what is being measured is the caller's business.
"""

from __future__ import annotations

import threading
from types import TracebackType

import psutil

MB = 1024 * 1024


def total_rss(process: psutil.Process) -> int:
    """RSS of a process plus every descendant (worker pools included), in bytes."""
    total = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            continue  # a worker that exited between listing and reading
    return total


def total_pss(process: psutil.Process) -> int:
    """PSS (shared pages split between the processes sharing them) of a process tree, in bytes."""
    total = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            total += getattr(p.memory_full_info(), "pss", 0)
        except psutil.Error:
            continue
    return total


class PeakRss:
    """Context manager: the largest summed RSS seen while the block ran.

    Summed RSS counts pages shared between forked workers once per worker, so it is an
    upper bound of what the machine needs, which is the safe side for a memory budget. PSS
    splits shared pages fairly; reading it costs milliseconds, so it is sampled less often.
    """

    PSS_EVERY = 10  # samples of RSS per sample of PSS

    def __init__(self, interval_s: float) -> None:
        self.interval_s = interval_s
        self.peak_bytes = 0
        self.peak_pss_bytes = 0
        self._process = psutil.Process()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    @property
    def peak_mb(self) -> float:
        return self.peak_bytes / MB

    @property
    def peak_pss_mb(self) -> float:
        return self.peak_pss_bytes / MB

    def _sample(self) -> None:
        count = 0
        while True:
            self.peak_bytes = max(self.peak_bytes, total_rss(self._process))
            if count % self.PSS_EVERY == 0:
                self.peak_pss_bytes = max(self.peak_pss_bytes, total_pss(self._process))
            count += 1
            if self._stop.wait(self.interval_s):
                return

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_bytes = max(self.peak_bytes, total_rss(self._process))
