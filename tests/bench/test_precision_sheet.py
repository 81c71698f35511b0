"""bench/precision_sheet.py as a judge runs it: the sheet, the score, and verdicts carried over."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "precision_sheet.py"


def _event(eid: str, sub_type: str, status: str, actor: str | None, confidence: float) -> dict[str, Any]:
    return {
        "id": eid,
        "type": "Explosions/Remote violence",
        "sub_type": sub_type,
        "status": status,
        "claim_id": None,
        "actor1": {"text": actor, "name": actor, "country": "SYR", "kind": "state_forces"} if actor else None,
        "actor2": None,
        "trigger": {"text": "strike", "start": 0, "end": 6},
        "date": None,
        "fatalities": None,
        "location": None,
        "evidence": {"sentence": f"Sentence of {eid}.", "start": 0, "end": 10},
        "confidence": confidence,
    }


def _output(path: Path, events: list[dict[str, Any]]) -> Path:
    record = {"article": {"id": "a1", "title": "A strike", "text": "..."}, "events": events, "claims": []}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def _run(*args: str | Path) -> str:
    done = subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_sheet_score_and_carry(tmp_path: Path) -> None:
    old = _output(
        tmp_path / "old.jsonl",
        [
            _event("e1", "Air/drone strike", "asserted", "regime", 0.95),
            _event("e2", "Air/drone strike", "claimed", None, 0.65),
            _event("e3", "Shelling/artillery/missile attack", "asserted", None, 0.8),
        ],
    )
    sheet = _run(old)
    assert "[1:1] Explosions/Remote violence > Air/drone strike | asserted | conf 0.95" in sheet
    assert "> Sentence of e3." in sheet
    verdicts = tmp_path / "old.verdicts.jsonl"
    verdicts.write_text(
        "\n".join(
            json.dumps(v)
            for v in (
                {"key": "1:1", "type": True, "status": True, "actor1": True, "why": []},
                {"key": "1:2", "type": False, "status": None, "actor1": None, "why": ["duplicate"]},
                {"key": "1:3", "type": True, "status": True, "actor1": False, "why": ["actor1: missing"]},
            )
        ),
        encoding="utf-8",
    )
    scored = _run(old, "--score", verdicts)
    assert "real event of the coded type: 2/3 = 0.667" in scored
    assert "and right status and actor1:  1/3 = 0.333" in scored
    assert "confidence 0.6-0.7: strict 0/1" in scored and "duplicate" in scored

    # a later build: e1 unchanged, e2 gone, e3 with an actor now, e4 new
    new = _output(
        tmp_path / "new.jsonl",
        [
            _event("e1", "Air/drone strike", "asserted", "regime", 0.95),
            _event("e3", "Shelling/artillery/missile attack", "asserted", "army", 0.85),
            _event("e4", "Air/drone strike", "asserted", None, 0.7),
        ],
    )
    carried_path = tmp_path / "carried.jsonl"
    printed = _run(new, "--carry", f"{old}={verdicts}", "--write", carried_path)
    assert printed.splitlines() == ["carried 1, strict 1/1 = 1.000; to judge 2", "1:2", "1:3"]
    [carried] = [json.loads(line) for line in carried_path.read_text("utf-8").splitlines()]
    assert carried["key"] == "1:1" and carried["type"] is True
