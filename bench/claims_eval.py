"""Iteration script: the claims finder against PolNeAR attribution gold (../shared/data/polnear).

Holds the matching (content token-F1 >= 0.5, one-to-one, best first) and the report; the
official harness is `eventwire eval --task claims`. Usage:

    python bench/claims_eval.py [--limit N] [--errors errors.jsonl]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.annotate import Annotator
from eventwire.extract.claims import find_claims
from eventwire.extract.cues import cue_lexicon
from eventwire.records import Article, Claim
from eventwire.settings import AnnotateSettings, EvalSettings

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear" / "dev.jsonl"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Gold:
    source: str | None
    cue: str
    content: str


def tokens(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def token_f1(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    if common == 0:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def gold_cue_lemma(cue: str) -> str:
    """'has also said:' -> 'say'; 'according to' stays; unknown cues keep their last word."""
    words = tokens(cue)
    if "according" in words:
        return "according to"
    lemma_of = cue_lexicon().lemma_of
    for word in reversed(words):
        if word in lemma_of:
            return lemma_of[word]
    return words[-1] if words else cue


def load_gold(path: Path, limit: int | None) -> list[tuple[Article, list[Gold]]]:
    items = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            raw: dict[str, Any] = json.loads(line)
            article = Article(id=raw["id"], text=raw["text"])
            gold = [Gold(a["source"], a["cue"], a["content"]) for a in raw["gold"]["attributions"]]
            items.append((article, gold))
            if limit is not None and len(items) >= limit:
                break
    return items


def match(pred: list[Claim], gold: list[Gold], threshold: float) -> list[tuple[Claim, Gold, float]]:
    """One-to-one pairs with content token-F1 >= threshold, best pairs first."""
    pairs = []
    gold_tokens = [tokens(g.content) for g in gold]
    for pi, claim in enumerate(pred):
        ptoks = tokens(claim.content.text)
        for gi, gtoks in enumerate(gold_tokens):
            f1 = token_f1(ptoks, gtoks)
            if f1 >= threshold:
                pairs.append((f1, pi, gi))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for f1, pi, gi in sorted(pairs, reverse=True):
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        out.append((pred[pi], gold[gi], f1))
    return out


def _actors() -> Any:
    from eventwire.resolve.actors import ActorGazetteer

    return ActorGazetteer.load()


def prf(hits: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--errors", type=Path, default=None, help="write unmatched items here (JSON Lines)")
    args = parser.parse_args()
    if not args.gold.is_file():
        print(f"{args.gold} is absent: PolNeAR dev lives in ../shared/data/polnear", file=sys.stderr)
        return 2
    items = load_gold(args.gold, args.limit)
    threshold = EvalSettings().claim_match_token_f1
    t0 = time.perf_counter()
    annotated = Annotator(AnnotateSettings(parse_mode="full")).annotate([a for a, _ in items])
    t_parse = time.perf_counter() - t0
    actors = _actors()
    speech = set(cue_lexicon().lemma_of.values()) | {"according to"}
    n_pred = n_gold = n_gold_speech = hits = exact = hits_speech = 0
    src_total = src_ok = cue_ok = 0
    errors = []
    t1 = time.perf_counter()
    for (article, gold), ann in zip(items, annotated, strict=True):
        pred = find_claims(ann, actors)
        pairs = match(pred, gold, threshold)
        n_pred += len(pred)
        n_gold += len(gold)
        n_gold_speech += sum(gold_cue_lemma(g.cue) in speech for g in gold)
        hits += len(pairs)
        for claim, g, _ in pairs:
            exact += tokens(claim.content.text) == tokens(g.content)
            hits_speech += gold_cue_lemma(g.cue) in speech
            cue_ok += claim.cue == gold_cue_lemma(g.cue)
            if g.source is not None:
                src_total += 1
                spk = claim.speaker.text if claim.speaker else ""
                src_ok += token_f1(tokens(spk), tokens(g.source)) >= threshold
        matched_p = {id(c) for c, _, _ in pairs}
        matched_g = {id(g) for _, g, _ in pairs}
        for c in pred:
            if id(c) not in matched_p:
                errors.append(
                    {
                        "kind": "fp",
                        "article": article.id,
                        "cue": c.cue,
                        "content": c.content.text,
                        "speaker": c.speaker.text if c.speaker else None,
                        "evidence": c.evidence.sentence,
                    }
                )
        for g in gold:
            if id(g) not in matched_g:
                errors.append(
                    {
                        "kind": "fn",
                        "article": article.id,
                        "cue": g.cue,
                        "content": g.content,
                        "speaker": g.source,
                    }
                )
    t_claims = time.perf_counter() - t1
    p, r, f = prf(hits, n_pred, n_gold)
    ep, er, ef = prf(exact, n_pred, n_gold)
    print(f"articles {len(items)}  gold {n_gold}  predicted {n_pred}  matched {hits}")
    print(f"content partial (token-F1 >= {threshold}): P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print(f"content exact (same tokens):            P {ep:.3f}  R {er:.3f}  F1 {ef:.3f}")
    print(
        f"recall on gold with a speech cue of our lexicon: {hits_speech}/{n_gold_speech} "
        f"= {hits_speech / max(n_gold_speech, 1):.3f}"
    )
    print(
        f"source accuracy among matches (gold source given, token-F1 >= {threshold}): "
        f"{src_ok}/{src_total} = {src_ok / max(src_total, 1):.3f}"
    )
    print(f"cue accuracy among matches (lemma): {cue_ok}/{hits} = {cue_ok / max(hits, 1):.3f}")
    print(f"time: annotate {t_parse:.1f}s, find_claims {t_claims:.2f}s")
    if args.errors is not None:
        with args.errors.open("w", encoding="utf-8") as fh:
            for e in errors:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
