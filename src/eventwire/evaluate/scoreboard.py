"""The scoreboard: every development set present, evaluated in one run, a few numbers each.

Holds the list of dev sets and the headline metrics; the evaluation itself is harness.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import EvalError
from eventwire.evaluate.claims import ClaimReport
from eventwire.evaluate.events import EventReport
from eventwire.evaluate.gold import Task
from eventwire.evaluate.harness import Evaluation, Report, evaluate
from eventwire.evaluate.metrics import Share
from eventwire.settings import Settings


@dataclass(frozen=True)
class DevSet:
    name: str
    task: Task
    path: str  # relative to the data directory (../shared/data)


DEV_SETS = (
    DevSet("acled", "events", "acled/dev.jsonl"),
    DevSet("geo", "places", "geo/dev.jsonl"),
    DevSet("polnear", "claims", "polnear/dev.jsonl"),
)


def present_sets(data_dir: Path) -> list[DevSet]:
    """The dev sets found under `data_dir`; EW060 when there is none."""
    found = [s for s in DEV_SETS if (data_dir / s.path).is_file()]
    if not found:
        wanted = ", ".join(s.path for s in DEV_SETS)
        raise EvalError(
            f"no dev set under {data_dir} (looked for {wanted}); pass ../shared/data", code="EW060"
        )
    return found


def run_scoreboard(
    data_dir: Path,
    settings: Settings,
    *,
    limit: int | None = None,
    processes: int = 1,
    on_set: Callable[[DevSet], None] | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> list[tuple[DevSet, Evaluation]]:
    results = []
    for dev in present_sets(data_dir):
        if on_set is not None:
            on_set(dev)
        evaluation = evaluate(
            data_dir / dev.path, settings, task=dev.task, limit=limit, processes=processes, on_batch=on_batch
        )
        results.append((dev, evaluation))
    return results


def headline(report: Report) -> dict[str, float | None]:
    """The few numbers per set that the scoreboard shows (the JSON report has them all)."""
    m = report.metrics()
    if isinstance(report, EventReport):
        keys = [
            "type_accuracy",
            "sub_type_accuracy",
            "sub_type_macro_f1",
            "country_accuracy",
            f"within_{report.near_km:g}km",
            f"within_{report.far_km:g}km",
            "date_exact",
            "fatalities_exact_missing0",
            "actor1_kind",
            "no_event_share",
        ]
    elif isinstance(report, ClaimReport):
        keys = [
            "content_overlap_p",
            "content_overlap_r",
            "content_overlap_f1",
            "content_exact_f1",
            "source_exact",
            "cue_exact",
            "no_claim_share",
        ]
    else:
        keys = [
            "span_overlap_r",
            "span_overlap_p",
            "span_exact_r",
            f"within_{report.near_km:g}km",
            f"within_{report.far_km:g}km",
            f"within_{report.far_km:g}km_of_gold",
            "no_place_share",
        ]
    return {k: _value(m[k]) for k in keys}


def scoreboard_dict(results: list[tuple[DevSet, Evaluation]]) -> dict[str, Any]:
    return {
        dev.name: {
            "task": dev.task,
            "items": ev.report.items,
            "seconds": round(ev.seconds, 1),
            "headline": headline(ev.report),
            "report": ev.report.to_dict(),
        }
        for dev, ev in results
    }


def _value(v: Any) -> float | None:
    return v.value if isinstance(v, Share) else v
