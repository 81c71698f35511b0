"""A judging sheet for hand-measured precision: every emitted event with its evidence sentence.

Reads the JSON Lines that `eventwire extract --out` writes and prints one numbered block per
event (type, status with the claim's speaker, actors, date, toll, evidence), so a reader can
judge each row: a real, concrete event of that type? the right status? the right actor1?
Write the verdicts as JSON Lines (`{"key": "3:2", "type": true, "status": true, "actor1": true,
"why": ["actor1: missing"]}`; status and actor1 may be null where the row is no event at all) and
`--score VERDICTS` prints the shares, by confidence band too, and the commonest faults.

    eventwire extract sample.jsonl --db /tmp/j.db --out out.jsonl --format none
    python bench/precision_sheet.py out.jsonl > sheet.md
    python bench/precision_sheet.py out.jsonl --score verdicts.jsonl

Between rounds, `--carry OLD_OUT=OLD_VERDICTS ... --write CARRIED` reuses the verdicts of rows a
rule change left as they were (same event id, sub-type, status and actor1 text; the first pair
given wins), writes them under the new keys and lists the rows still to judge: the estimate it
prints covers the carried rows only.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

_BANDS = ((0.0, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


def _actor(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "-"
    name = actor.get("name") or "?"
    return f"{actor['text']!r} -> {name} ({actor.get('country') or '?'}, {actor.get('kind') or '?'})"


def _rows(path: Path) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(key, event, its article record) for every event, keyed "article number:event number"."""
    rows = []
    for a, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        record = json.loads(line)
        for e, event in enumerate(record["events"], start=1):
            rows.append((f"{a}:{e}", event, record))
    return rows


def sheet(path: Path) -> str:
    out: list[str] = []
    current = None
    for key, event, record in _rows(path):
        article = record["article"]
        if article["id"] != current:
            current = article["id"]
            out.append(f"\n## {key.split(':')[0]}. {article.get('title') or article['id']}\n")
        claims = {c["id"]: c for c in record["claims"]}
        status = event["status"]
        claim = claims.get(event.get("claim_id") or "")
        if claim:
            speaker = (claim.get("speaker") or {}).get("text")
            status += f" (claim_id -> {speaker!r}, {claim['cue']})"
        date = event.get("date") or {}
        toll = (event.get("fatalities") or {}).get("value")
        place = (event.get("location") or {}).get("name")
        out.append(
            f"[{key}] {event['type']} > {event['sub_type']} | {status} | conf {event['confidence']}\n"
            f"    actor1: {_actor(event.get('actor1'))}\n"
            f"    actor2: {_actor(event.get('actor2'))}\n"
            f"    trigger: {event['trigger']['text']!r} | date: {date.get('value')} ({date.get('precision')})"
            f" | place: {place} | killed: {toll}\n"
            f"    > {event['evidence']['sentence']}\n"
        )
    return "\n".join(out)


def _whys(verdict: dict[str, Any]) -> list[str]:
    why = verdict.get("why") or []
    return [why] if isinstance(why, str) else list(why)


def score(path: Path, verdicts_path: Path) -> str:
    verdicts = {}
    for line in verdicts_path.read_text("utf-8").splitlines():
        if line.strip():
            v = json.loads(line)
            verdicts[v["key"]] = v
    rows = _rows(path)
    missing = [key for key, _, _ in rows if key not in verdicts]
    if missing:
        raise SystemExit(f"{verdicts_path}: no verdict for {len(missing)} events, first {missing[:5]}")
    n = len(rows)
    typed = sum(verdicts[k]["type"] for k, _, _ in rows)
    strict = sum(verdicts[k]["type"] and verdicts[k]["status"] and verdicts[k]["actor1"] for k, _, _ in rows)
    lines = [
        f"events {n}",
        f"real event of the coded type: {typed}/{n} = {typed / n:.3f}",
        f"and right status and actor1:  {strict}/{n} = {strict / n:.3f}",
    ]
    status_ok = sum(verdicts[k]["type"] and verdicts[k]["status"] for k, _, _ in rows)
    actor_ok = sum(verdicts[k]["type"] and verdicts[k]["actor1"] for k, _, _ in rows)
    lines.append(f"of the right-typed: status right {status_ok}, actor1 right {actor_ok}")
    for low, high in _BANDS:
        band = [k for k, e, _ in rows if low <= e["confidence"] < high]
        if band:
            ok = sum(verdicts[k]["type"] and verdicts[k]["status"] and verdicts[k]["actor1"] for k in band)
            lines.append(f"confidence {low:.1f}-{min(high, 1.0):.1f}: strict {ok}/{len(band)}")
    kinds = Counter(why for v in verdicts.values() for why in _whys(v))
    lines += [f"  {count:3d}  {why}" for why, count in kinds.most_common()]
    return "\n".join(lines)


def _same_row(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Whether a judged row reads the same in a later output (what the verdict was about)."""

    def actor(e: dict[str, Any]) -> str | None:
        return (e.get("actor1") or {}).get("text")

    return (old["sub_type"], old["status"], actor(old)) == (new["sub_type"], new["status"], actor(new))


def carry(path: Path, judged: list[tuple[Path, Path]]) -> tuple[list[dict[str, Any]], list[str]]:
    """Verdicts for the rows of `path` judged before, under their new keys, and the keys of the
    rows still to judge."""
    known: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    for out, verdicts_path in judged:
        verdicts = {}
        for line in verdicts_path.read_text("utf-8").splitlines():
            if line.strip():
                v = json.loads(line)
                verdicts[v["key"]] = v
        for key, event, _ in _rows(out):
            if key in verdicts and event["id"] not in known:
                known[event["id"]] = (event, verdicts[key])
    carried, todo = [], []
    for key, event, _ in _rows(path):
        old = known.get(event["id"])
        if old is not None and _same_row(old[0], event):
            carried.append({**old[1], "key": key})
        else:
            todo.append(key)
    return carried, todo


def _pair(text: str) -> tuple[Path, Path]:
    out, sep, verdicts = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"{text!r}: give OUT.jsonl=VERDICTS.jsonl")
    return Path(out), Path(verdicts)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("output", type=Path, help="JSON Lines from `eventwire extract --out`")
    parser.add_argument("--score", type=Path, help="verdicts (JSON Lines) to score instead of printing")
    parser.add_argument(
        "--carry", type=_pair, nargs="+", metavar="OUT=VERDICTS", help="earlier judged outputs to reuse"
    )
    parser.add_argument("--write", type=Path, help="with --carry: where the carried verdicts go")
    args = parser.parse_args()
    if args.carry:
        carried, todo = carry(args.output, args.carry)
        if args.write:
            args.write.write_text("".join(json.dumps(v) + "\n" for v in carried), "utf-8")
        strict = sum(bool(v["type"] and v["status"] and v["actor1"]) for v in carried)
        share = strict / len(carried) if carried else 0.0
        print(f"carried {len(carried)}, strict {strict}/{len(carried)} = {share:.3f}; to judge {len(todo)}")
        print("\n".join(todo))
        return
    print(score(args.output, args.score) if args.score else sheet(args.output))


if __name__ == "__main__":
    main()
