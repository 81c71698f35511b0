"""Measurement script: HTML body extraction against the gold bodies in ../shared/data/html.

Holds the token-level F1 of the extracted body (title excluded) vs gold, per trafilatura
mode, and the report; it is not a test. Usage:

    python bench/html_extraction.py [--limit N] [--modes default,precision,recall] [--worst 5]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from eventwire.errors import IngestError
from eventwire.ingest.decoding import decode_html
from eventwire.ingest.html import extract_html
from eventwire.settings import IngestSettings

_WORD = re.compile(r"\w+")
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "html"


@dataclass(frozen=True)
class PageScore:
    page_id: str
    precision: float
    recall: float
    f1: float


def token_f1(predicted: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the bag of lowercased word tokens."""
    pred, want = Counter(_WORD.findall(predicted.lower())), Counter(_WORD.findall(gold.lower()))
    overlap = sum((pred & want).values())
    if not pred or not want or not overlap:
        return 0.0, 0.0, 0.0
    precision, recall = overlap / sum(pred.values()), overlap / sum(want.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def score_page(path: Path, gold: dict[str, str], settings: IngestSettings) -> PageScore:
    try:
        html = decode_html(path.read_bytes(), str(path), settings.encoding)
    except IngestError:
        return PageScore(path.stem, 0.0, 0.0, 0.0)  # an unreadable page counts as nothing extracted
    found = extract_html(html, url=gold.get("url"), settings=settings)
    precision, recall, f1 = token_f1(found.body if found else "", gold["text"])
    return PageScore(path.stem, precision, recall, f1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="Score only the first N pages.")
    parser.add_argument("--modes", default="default,precision", help="trafilatura modes to compare.")
    parser.add_argument("--worst", type=int, default=0, help="List the N worst pages of each mode.")
    args = parser.parse_args()
    gold_file = CORPUS / "gold.jsonl"
    if not gold_file.exists():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    gold = {row["id"]: row for row in map(json.loads, gold_file.read_text("utf-8").splitlines())}
    pages = sorted(CORPUS.glob("*.html"))[: args.limit or None]
    modes = {
        "default": IngestSettings(),
        "precision": replace(IngestSettings(), html_favor_precision=True),
    }
    print(f"{len(pages)} pages; token F1 of extracted body vs gold")
    print(f"{'mode':<10} {'median':>7} {'mean':>7} {'P mean':>7} {'R mean':>7} {'F1<0.5':>7} {'s/page':>7}")
    for name in args.modes.split(","):
        started = time.perf_counter()
        scores = [score_page(p, gold[p.stem], modes[name]) for p in pages]
        per_page = (time.perf_counter() - started) / max(len(pages), 1)
        f1s = [s.f1 for s in scores]
        print(
            f"{name:<10} {statistics.median(f1s):7.3f} {statistics.fmean(f1s):7.3f} "
            f"{statistics.fmean(s.precision for s in scores):7.3f} "
            f"{statistics.fmean(s.recall for s in scores):7.3f} "
            f"{sum(f < 0.5 for f in f1s):7d} {per_page:7.3f}"
        )
        for s in sorted(scores, key=lambda s: s.f1)[: args.worst]:
            print(f"    {s.page_id[:12]} P={s.precision:.2f} R={s.recall:.2f} F1={s.f1:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
