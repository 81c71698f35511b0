"""One evaluation run: read gold, get predictions, score with the task's scorer.

Holds `evaluate` and the task dispatch; the scoring rules live in events.py, claims.py and
places.py, the printing in tables.py.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.evaluate.claims import ClaimReport, score_claims
from eventwire.evaluate.events import EventReport, score_events
from eventwire.evaluate.gold import GoldItem, Task, read_gold
from eventwire.evaluate.places import PlaceReport, score_places
from eventwire.evaluate.predict import align_predictions, predict, read_predictions
from eventwire.records import ArticleResult
from eventwire.settings import Settings

Report = EventReport | ClaimReport | PlaceReport


@dataclass(frozen=True)
class Evaluation:
    gold_path: Path
    task: Task
    report: Report
    items: list[GoldItem]
    predictions: list[ArticleResult]
    seconds: float  # predicting and scoring, without reading the gold file
    processes: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": str(self.gold_path),
            "seconds": round(self.seconds, 2),
            "processes": self.processes,
            **self.report.to_dict(),
        }


def score(
    task: Task, items: Sequence[GoldItem], predictions: Sequence[ArticleResult], settings: Settings
) -> Report:
    if task == "events":
        return score_events(items, predictions, settings.evaluate)
    if task == "claims":
        return score_claims(items, predictions, settings.evaluate)
    return score_places(items, predictions, settings.evaluate)


def evaluate(
    gold_path: Path,
    settings: Settings,
    *,
    task: Task | None = None,
    limit: int | None = None,
    processes: int = 1,
    predictions_path: Path | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> Evaluation:
    """Score the pipeline (or a saved output file) on a gold file."""
    gold = read_gold(gold_path, task, limit)
    started = time.perf_counter()
    if predictions_path is not None:
        predictions = align_predictions(gold.items, read_predictions(predictions_path))
    else:
        predictions = predict(gold.items, settings, processes=processes, on_batch=on_batch)
    report = score(gold.task, gold.items, predictions, settings)
    return Evaluation(
        gold_path=gold_path,
        task=gold.task,
        report=report,
        items=gold.items,
        predictions=predictions,
        seconds=time.perf_counter() - started,
        processes=processes,
    )
