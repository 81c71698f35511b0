"""Reading gold files: task detection, both claim formats, and the errors a user sees."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from eval_predictions import FIXTURES

from eventwire.errors import EvalError
from eventwire.evaluate.gold import read_gold


@pytest.mark.parametrize(
    ("name", "task", "n"),
    [
        ("events_gold.jsonl", "events", 4),
        ("claims_gold.jsonl", "claims", 3),
        ("places_gold.jsonl", "places", 2),
    ],
)
def test_task_is_detected(name: str, task: str, n: int) -> None:
    gold = read_gold(FIXTURES / name)
    assert gold.task == task and len(gold.items) == n


def test_fields_are_typed() -> None:
    item = read_gold(FIXTURES / "events_gold.jsonl").items[0]
    assert item.published == date(2020, 5, 6)
    assert item.event is not None and item.event.iso3 == "SYR" and item.event.inter2 == 7


def test_limit_reads_the_first_items() -> None:
    assert [i.id for i in read_gold(FIXTURES / "events_gold.jsonl", limit=2).items] == ["ev-1", "ev-2"]


def test_bare_list_of_attributions_is_claims_gold(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    row = {"id": "x", "text": "He said so.", "gold": [{"source": "He", "cue": "said", "content": "so"}]}
    path.write_text(json.dumps(row) + "\n")
    gold = read_gold(path)
    assert gold.task == "claims" and gold.items[0].attributions is not None
    assert gold.items[0].attributions[0].source == "He"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad.jsonl"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("content", "task", "code"),
    [
        ("", None, "EW060"),
        ("{not json\n", None, "EW061"),
        ('{"id": "a", "gold": {}}\n', None, "EW061"),  # no text
        ('{"id": "a", "text": "t", "gold": {"places": [{"text": "X"}]}}\n', None, "EW061"),  # no offsets
        ('{"id": "a", "text": "t", "gold": {"foo": 1}}\n', None, "EW062"),
        ('{"id": "a", "text": "t", "gold": {"event_type": "Battles"}}\n', "places", "EW062"),
    ],
)
def test_malformed_gold_has_a_code(tmp_path: Path, content: str, task: str | None, code: str) -> None:
    with pytest.raises(EvalError) as info:
        read_gold(_write(tmp_path, content), task)  # type: ignore[arg-type]
    assert info.value.code == code


def test_missing_file_is_ew060(tmp_path: Path) -> None:
    with pytest.raises(EvalError) as info:
        read_gold(tmp_path / "nope.jsonl")
    assert info.value.code == "EW060"


@pytest.mark.parametrize(
    ("path", "task", "n"),
    [
        ("acled/dev.jsonl", "events", 1139),
        ("geo/dev.jsonl", "places", 400),
        ("polnear/dev.jsonl", "claims", 300),
    ],
)
def test_real_dev_sets_read_cleanly(shared_dir: Path, path: str, task: str, n: int) -> None:
    gold_path = shared_dir / "data" / path
    if not gold_path.is_file():
        pytest.skip(f"{gold_path} is absent")
    gold = read_gold(gold_path)
    assert gold.task == task and len(gold.items) == n
