"""Iteration numbers for the event extractor: ACLED dev typing and an FA-KES dump to judge by hand.

Not a test and not the `eventwire eval` harness: a quick script. Usage:
  python bench/event_eval.py acled [N]      sub-type accuracy on ../shared/data/acled/dev.jsonl
  python bench/event_eval.py fakes OUT [N]  every event of the first N FA-KES articles, for judging
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from eventwire.records import Article, ArticleResult, EventMention
from eventwire.runner import Processor
from eventwire.settings import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _items(path: Path, limit: int) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for _, line in zip(range(limit), fh, strict=False)]


def _article(item: dict) -> Article:
    published = date.fromisoformat(item["published"]) if item.get("published") else None
    return Article(id=item["id"], text=item["text"], title=item.get("title"), published=published)


def _run(items: list[dict]) -> list[ArticleResult]:
    proc = Processor(Settings())
    out: list[ArticleResult] = []
    for start in range(0, len(items), 64):
        out.extend(proc.process([_article(i) for i in items[start : start + 64]]))
    return out


def _best(events: list[EventMention]) -> EventMention | None:
    return max(events, key=lambda e: e.confidence) if events else None


def acled(limit: int) -> None:
    items = _items(SHARED / "acled" / "dev.jsonl", limit)
    results = _run(items)
    typed = sub = none = 0
    confusion: Counter[tuple[str, str]] = Counter()
    bands: dict[str, list[int]] = {}
    for item, result in zip(items, results, strict=True):
        gold = item["gold"]
        best = _best(result.events)
        if best is None:
            none += 1
            confusion[(gold["sub_event_type"], "-")] += 1
            continue
        typed += best.type == gold["event_type"]
        sub += best.sub_type == gold["sub_event_type"]
        band = f"{int(best.confidence * 10) / 10:.1f}"
        bands.setdefault(band, []).append(int(best.sub_type == gold["sub_event_type"]))
        if best.sub_type != gold["sub_event_type"]:
            confusion[(gold["sub_event_type"], best.sub_type)] += 1
    n = len(items)
    print(f"items {n}; nothing produced {none / n:.3f}")
    print(f"type accuracy (all items) {typed / n:.3f}; sub-type accuracy (all) {sub / n:.3f}")
    print(f"sub-type accuracy where something was produced {sub / max(1, n - none):.3f}")
    print(
        "sub-type accuracy by confidence band:",
        {b: f"{sum(v) / len(v):.2f} (n={len(v)})" for b, v in sorted(bands.items())},
    )
    for (g, p), k in confusion.most_common(15):
        print(f"  {k:4d}  gold {g!r} -> {p!r}")


def fakes(out: Path, limit: int) -> None:
    items = _items(SHARED / "fakes" / "articles.jsonl", limit)
    results = _run(items)
    lines = []
    statuses: Counter[str] = Counter()
    for result in results:
        for e in result.events:
            statuses[e.status] += 1
            lines.append(
                json.dumps(
                    {
                        "article": result.article.id,
                        "id": e.id,
                        "sub_type": e.sub_type,
                        "status": e.status,
                        "trigger": e.trigger.text if e.trigger else None,
                        "actor1": e.actor1.name if e.actor1 else None,
                        "actor2": e.actor2.name if e.actor2 else None,
                        "location": e.location.name if e.location else None,
                        "date": e.date.value if e.date else None,
                        "fatalities": e.fatalities.value if e.fatalities else None,
                        "confidence": e.confidence,
                        "sentence": e.evidence.sentence,
                    }
                )
            )
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"articles {len(items)}; events {len(lines)}; statuses {dict(statuses)} -> {out}")


if __name__ == "__main__":
    task = sys.argv[1] if len(sys.argv) > 1 else "acled"
    if task == "acled":
        acled(int(sys.argv[2]) if len(sys.argv) > 2 else 10_000)
    else:
        fakes(Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 40)
