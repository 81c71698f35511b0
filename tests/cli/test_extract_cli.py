"""The main job through the CLI, as a user runs it: output contract, idempotency, bad input."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from eventwire.cli.app import app
from eventwire.contract import shipped_schema
from eventwire.store import open_store

runner = CliRunner()

TITLE = "Israeli officials claim Iran pulling out of Syria amid intensified airstrikes"


def _extract(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["extract", *args])
    return result.exit_code, result.stdout, result.stderr


def test_example_article_jsonl_is_clean_and_valid(example_path: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "ew.db")
    code, out, _ = _extract(str(example_path), "--format", "jsonl", "--db", db)
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert len(lines) == 1
    article = lines[0]["article"]
    assert article["title"] == TITLE
    assert article["published"] == "2020-05-05"
    assert article["text"].count(TITLE) <= 1
    for junk in ("2 min read", "Follow us on", "[Getty]"):
        assert junk not in article["text"]
    jsonschema.validate(lines[0], shipped_schema())


def test_rerunning_changes_no_row_counts(example_path: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "ew.db")
    assert _extract(str(example_path), "--db", db, "--format", "none")[0] == 0
    first = open_store(db).counts()
    assert first["articles"] == 1
    assert _extract(str(example_path), "--db", db, "--format", "none")[0] == 0
    assert open_store(db).counts() == first


def _write_batch(folder: Path) -> None:
    (folder / "good.txt").write_text(
        "Gunmen kill two in market attack\n\nUnidentified gunmen shot dead two traders in a market "
        "in Mopti on Sunday, residents said.\n",
        encoding="utf-8",
    )
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (folder / "latin1.txt").write_bytes(
        "Caf\xe9 bombing kills three people in the capital.".encode("latin-1")
    )
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "feed.jsonl").write_text(
        json.dumps(
            {"text": "Protesters marched in Khartoum on Friday demanding civilian rule.", "title": "March"}
        )
        + "\n{not json\n",
        encoding="utf-8",
    )


def test_bad_inputs_are_named_and_the_rest_is_processed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _write_batch(folder)
    # Inside a directory, files of unknown kinds are expected neighbours; named explicitly, one fails.
    unknown = tmp_path / "notes.xyz"
    unknown.write_text("something", encoding="utf-8")
    db = str(tmp_path / "ew.db")
    code, _, err = _extract(str(folder), str(unknown), "--db", db, "--format", "none")
    assert code == 1  # something failed, and the exit code says so
    for name, code_ in [
        ("binary.txt", "EW014"),
        ("latin1.txt", "EW012"),
        ("empty.txt", "EW013"),
        ("notes.xyz", "EW016"),
        ("feed.jsonl", "EW017"),
    ]:
        assert any(name in line and code_ in line for line in err.splitlines()), (name, err)
    assert open_store(db).counts()["articles"] == 2


def test_path_matching_nothing_fails_clearly(tmp_path: Path) -> None:
    code, _, err = _extract(
        str(tmp_path / "nope" / "*.txt"), "--db", str(tmp_path / "x.db"), "--format", "none"
    )
    assert code == 1
    assert "EW011" in err


def _corpus(folder: Path, n: int) -> None:
    for i in range(n):
        (folder / f"a{i:04d}.txt").write_text(
            f"Clashes in district {i}\n\n"
            + " ".join(
                f"Government forces clashed with rebels near village number {i}-{j} on Monday, "
                f"killing {j + 1} fighters, officials said."
                for j in range(12)
            ),
            encoding="utf-8",
        )


def test_ctrl_c_leaves_a_consistent_database_and_a_rerun_completes(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    _corpus(folder, 400)
    db = tmp_path / "ew.db"
    cmd = [sys.executable, "-m", "eventwire", "extract", str(folder), "--db", str(db), "--format", "none"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists() and _stored(db) > 0:
            break
        time.sleep(0.2)
    if proc.poll() is not None:
        pytest.skip("the run finished before it could be interrupted")
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err.decode()
    partial = _stored(db)
    assert 0 < partial < 400
    store = open_store(str(db))
    assert store.counts()["articles"] == partial
    # The rerun finishes the job, and nothing is stored twice.
    rerun = subprocess.run([*cmd, "--skip-existing"], capture_output=True, env=os.environ, timeout=600)
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert open_store(str(db)).counts()["articles"] == 400


def _stored(db: Path) -> int:
    try:
        return open_store(str(db), readonly=True).counts()["articles"]
    except Exception:  # the database may not be created yet
        return 0


def test_table_view_prints_one_block_per_event_with_its_whole_sentence(tmp_path: Path) -> None:
    _write_batch(tmp_path)
    result = runner.invoke(
        app,
        ["extract", str(tmp_path / "good.txt"), "--db", str(tmp_path / "ew.db")],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("▌ Gunmen kill two in market attack")
    sentence = "“Unidentified gunmen shot dead two traders in a market in Mopti on Sunday, residents said.”"
    assert any(line.strip() == sentence for line in lines)
    where = [line for line in lines if "where:" in line]
    assert any("where: Mopti, MLI (precision 1)" in line for line in where)
    assert any("killed: 2" in line for line in where)
    assert any(line.strip().startswith("claim  residents (anonymous) · say") for line in lines)


def test_min_confidence_drops_the_events_below_it(tmp_path: Path) -> None:
    text = tmp_path / "two.txt"
    # a strike told with its actor, place, day and toll, and an assault with nothing else
    text.write_text(
        "Russian warplanes bombed a market in Idlib on Monday, killing 12 people.\n\n"
        "In Deraa, an assault was reported.\n",
        encoding="utf-8",
    )

    def confidences(*args: str) -> list[float]:
        code, out, _ = _extract(
            str(text), "--format", "jsonl", "--db", str(tmp_path / f"{len(args)}.db"), *args
        )
        assert code == 0
        [record] = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        return [e["confidence"] for e in record["events"]]

    everything = confidences("--min-confidence", "0")
    assert len(everything) == 2 and min(everything) < 0.6 <= max(everything)
    assert confidences() == everything  # the default, 0.5, keeps both
    assert confidences("--min-confidence", "0.6") == [max(everything)]
    assert confidences("--min-confidence", "0.99", "--processes", "1") == []
    code, _, err = _extract(str(text), "--min-confidence", "2")
    assert code != 0 and "min-confidence" in err
