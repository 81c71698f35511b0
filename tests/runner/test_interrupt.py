"""Ctrl-C during a run: the batch being stored and printed finishes, then the run stops."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest

from eventwire.records import Article, ArticleResult
from eventwire.runner import DeferredInterrupt, ResultSink, run
from eventwire.settings import AnnotateSettings, Settings
from eventwire.store import open_store


def test_sigint_inside_a_shield_waits_for_its_end() -> None:
    steps: list[str] = []
    interrupts = DeferredInterrupt()
    with pytest.raises(KeyboardInterrupt), interrupts.installed():
        with interrupts.shield():
            os.kill(os.getpid(), signal.SIGINT)
            steps.append("after the signal")
        steps.append("never reached")
    assert steps == ["after the signal"]
    # The previous handler is back.
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_sigint_outside_a_shield_stops_at_once() -> None:
    with pytest.raises(KeyboardInterrupt), DeferredInterrupt().installed():
        os.kill(os.getpid(), signal.SIGINT)
        # Python delivers the handler's exception at the next bytecode boundary.
        for _ in range(1000):
            pass
        pytest.fail("the interrupt was not raised")


def test_install_is_a_no_op_off_the_main_thread() -> None:
    seen: list[object] = []

    def target() -> None:
        with DeferredInterrupt().installed():
            seen.append(signal.getsignal(signal.SIGINT))

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    assert seen == [signal.default_int_handler]


@pytest.mark.slow
def test_ctrl_c_in_the_output_code_finishes_the_batch_then_stops(tmp_path: Path) -> None:
    articles = [
        Article(id=f"a{i}", text=f"Rebels attacked an army post in Idlib, killing {i + 2} soldiers.")
        for i in range(6)
    ]
    settings = Settings(annotate=AnnotateSettings(batch_size=2))
    store = open_store(str(tmp_path / "ew.db"))
    printed: list[str] = []

    def on_batch(results: list[ArticleResult]) -> None:
        for k, result in enumerate(results):
            if not printed and k == 0:
                os.kill(os.getpid(), signal.SIGINT)  # lands while the first batch is printed
            printed.append(result.model_dump_json())

    summary = run(articles, settings, ResultSink(store, on_batch))
    assert summary.interrupted
    assert len(printed) == 2 and summary.articles_stored == 2
    assert store.counts()["articles"] == 2
