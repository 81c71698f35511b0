"""`eventwire eval` end to end: saved predictions reproduce the hand-computed scores exactly,
and the real pipeline runs through the same command."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import typer
from eval_predictions import FIXTURES, claim_predictions, event_predictions, place_predictions, write_jsonl
from typer.testing import CliRunner

from eventwire.cli import eval_cmds

runner = CliRunner()


def _app() -> typer.Typer:
    # Only this group's commands, so these tests do not depend on the other groups loading.
    app = typer.Typer()
    eval_cmds.register(app)
    return app


def _pipeline_or_skip() -> None:
    try:
        import eventwire.runner  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"the pipeline is not importable yet: {exc}")


@pytest.mark.parametrize(
    ("gold", "predictions", "expected"),
    [
        (
            "events_gold.jsonl",
            event_predictions,
            {
                ("type_accuracy", "value"): 0.5,
                ("sub_type_accuracy", "hits"): 2,
                ("fatalities_mae_both",): 1.0,
                ("fatalities_mae_missing0",): 0.5,
                ("within_25km", "value"): 0.5,
                ("within_100km", "value"): 0.75,
                ("actor1_country", "n"): 3,
                ("no_event_share", "value"): 0.25,
            },
        ),
        (
            "claims_gold.jsonl",
            claim_predictions,
            {
                ("content_overlap", "f1"): 0.8,
                ("content_exact", "tp"): 2,
                ("source_exact", "value"): 0.75,
                ("cue_exact", "value"): 0.75,
            },
        ),
        (
            "places_gold.jsonl",
            place_predictions,
            {
                ("span_overlap", "recall"): 0.8,
                ("span_exact", "precision"): 0.4,
                ("within_161km", "value"): 0.75,
                ("within_161km_of_gold", "value"): 0.6,
            },
        ),
    ],
)
def test_eval_reproduces_hand_computed_scores(tmp_path: Path, gold: str, predictions, expected) -> None:  # type: ignore[no-untyped-def]
    pred_path = write_jsonl(predictions(), tmp_path / "pred.jsonl")
    out = tmp_path / "report.json"
    result = runner.invoke(
        _app(), ["eval", str(FIXTURES / gold), "--predictions", str(pred_path), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    for keys, value in expected.items():
        node = report
        for key in keys:
            node = node[key]
        assert node == pytest.approx(value), keys


def test_saved_output_with_other_ids_is_matched_by_text(tmp_path: Path) -> None:
    renamed = [
        r.model_copy(update={"article": r.article.model_copy(update={"id": f"hash-{i}"})})
        for i, r in enumerate(event_predictions())
    ]
    out = tmp_path / "report.json"
    result = runner.invoke(
        _app(),
        [
            "eval",
            str(FIXTURES / "events_gold.jsonl"),
            "--predictions",
            str(write_jsonl(renamed, tmp_path / "p.jsonl")),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["type_accuracy"]["value"] == 0.5


def test_errors_option_prints_the_worst_items(tmp_path: Path) -> None:
    pred_path = write_jsonl(event_predictions(), tmp_path / "pred.jsonl")
    result = runner.invoke(
        _app(),
        ["eval", str(FIXTURES / "events_gold.jsonl"), "--predictions", str(pred_path), "--errors", "2"],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    assert "worst 2 items" in result.output
    assert "ev-4" in result.output and "ev-3" in result.output and "ev-1\n" not in result.output


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["eval", "no/such/gold.jsonl"], "EW060"),
        (["eval", str(FIXTURES / "events_gold.jsonl"), "--task", "places"], "EW062"),
        (["eval", "--all", "no/such/dir"], "EW060"),
    ],
)
def test_eval_errors_have_codes(args: list[str], code: str) -> None:
    result = runner.invoke(_app(), args)
    assert result.exit_code == 2
    assert code in result.output


@pytest.mark.slow
def test_eval_runs_the_real_pipeline(tmp_path: Path) -> None:
    _pipeline_or_skip()
    out = tmp_path / "report.json"
    result = runner.invoke(_app(), ["eval", str(FIXTURES / "events_gold.jsonl"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert report["items"] == 4 and report["task"] == "events"
    # Plain one-event sentences: the pipeline must find an event in most of them.
    assert report["no_event_share"]["value"] <= 0.5
    for key in ("type_accuracy", "country_accuracy", "date_exact", "within_25km"):
        assert 0.0 <= report[key]["value"] <= 1.0


@pytest.mark.slow
def test_scoreboard_runs_every_set_present(tmp_path: Path) -> None:
    _pipeline_or_skip()
    for name, target in [("events_gold.jsonl", "acled/dev.jsonl"), ("places_gold.jsonl", "geo/dev.jsonl")]:
        (tmp_path / target).parent.mkdir(parents=True)
        shutil.copy(FIXTURES / name, tmp_path / target)
    out = tmp_path / "board.json"
    result = runner.invoke(
        _app(), ["eval", "--all", str(tmp_path), "--out", str(out)], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    board = json.loads(out.read_text())
    assert set(board["sets"]) == {"acled", "geo"}
    assert board["sets"]["geo"]["items"] == 2 and "span_overlap_r" in board["sets"]["geo"]["headline"]
    assert "scoreboard" in result.output
