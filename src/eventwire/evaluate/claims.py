"""Scoring claims against attribution gold (PolNeAR-style source / cue / content).

Holds the content matching and `score_claims`; it does not run the pipeline or print anything.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from eventwire.evaluate.gold import AttributionGold, GoldItem
from eventwire.evaluate.metrics import PRF, Share, same_tokens, share, token_f1, tokens
from eventwire.records import ArticleResult, Claim
from eventwire.settings import EvalSettings


@cache
def _cue_table() -> dict[str, str]:
    raw = json.loads(
        resources.files("eventwire.data").joinpath("evaluate/cue_lemmas.json").read_text("utf-8")
    )
    return dict(raw["lemmas"])


def cue_lemma(cue: str) -> str:
    """Gold cues are surface forms ("said", "told reporters"), predicted cues are lemmas ("say")."""
    table = _cue_table()
    words = tokens(cue)
    if not words:
        return cue.strip()  # a bare ":" is a cue in PolNeAR
    whole = " ".join(words)
    if whole in table:
        return table[whole]
    return " ".join(table.get(w, w) for w in words)


def cue_forms(word: str) -> set[str]:
    """Lemmas a one-word gold cue may stand for: the table's, else regular -s/-ed/-ing guesses."""
    table = _cue_table()
    if word in table:
        return {table[word]}
    forms = {word}
    if word.endswith("ies") or word.endswith("ied"):
        forms.add(word[:-3] + "y")
    for suffix in ("s", "es", "d", "ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.add(word[: -len(suffix)])
            forms.add(word[: -len(suffix)] + "e")  # "noting" -> "note"
    return forms


def cue_agrees(gold: str, predicted: str) -> bool:
    """Exact cue agreement: the predicted lemma is what the gold cue's form stands for."""
    lemma, words = cue_lemma(gold), tokens(gold)
    if len(words) == 1:
        return cue_lemma(predicted) in cue_forms(words[0])
    return lemma == cue_lemma(predicted)


def cue_overlaps(gold: str, predicted: str) -> bool:
    """The cues share a word, up to inflection ("told reporters" and "tell")."""
    gold_forms = set().union(*(cue_forms(w) for w in tokens(gold))) | set(cue_lemma(gold).split())
    return bool(gold_forms & set(cue_lemma(predicted).split()))


def match_contents(
    gold: Sequence[AttributionGold], predicted: Sequence[Claim], threshold: float
) -> list[tuple[int, int, float]]:
    """One-to-one (gold index, predicted index, token F1) pairs with F1 >= threshold.

    Greedy by F1, best first (ties by position), so each gold and each prediction is used once.
    """
    pairs = [
        (token_f1(g.content, p.content.text), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(predicted)
    ]
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matched = []
    for score, gi, pi in pairs:
        if score < threshold or score == 0.0:
            break
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        matched.append((gi, pi, score))
    return sorted(matched)


def count_exact(gold: Sequence[AttributionGold], predicted: Sequence[Claim]) -> int:
    """Predictions whose content has exactly the tokens of a gold content (each gold used once)."""
    remaining = [tuple(tokens(g.content)) for g in gold]
    hits = 0
    for p in predicted:
        key = tuple(tokens(p.content.text))
        if key in remaining:
            remaining.remove(key)
            hits += 1
    return hits


@dataclass(frozen=True)
class ClaimOutcome:
    id: str
    gold: tuple[AttributionGold, ...]
    predicted: tuple[Claim, ...]
    matched: tuple[tuple[int, int, float], ...]

    @property
    def content_f1(self) -> float:
        """Per-item overlap F1, for ranking the worst items (1.0 when both sides are empty)."""
        if not self.gold and not self.predicted:
            return 1.0
        return 2 * len(self.matched) / (len(self.gold) + len(self.predicted))


@dataclass(frozen=True)
class ClaimReport:
    items: int
    no_claim: Share
    content_overlap: PRF
    content_exact: PRF
    source_exact: Share  # among overlap-matched pairs
    source_overlap: Share
    cue_exact: Share
    cue_overlap: Share
    outcomes: list[ClaimOutcome] = field(default_factory=list, repr=False)

    def metrics(self) -> dict[str, Any]:
        return {
            "content_overlap_p": self.content_overlap.precision,
            "content_overlap_r": self.content_overlap.recall,
            "content_overlap_f1": self.content_overlap.f1,
            "content_exact_p": self.content_exact.precision,
            "content_exact_r": self.content_exact.recall,
            "content_exact_f1": self.content_exact.f1,
            "source_exact": self.source_exact,
            "source_overlap": self.source_overlap,
            "cue_exact": self.cue_exact,
            "cue_overlap": self.cue_overlap,
            "no_claim_share": self.no_claim,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "task": "claims",
            "items": self.items,
            "content_overlap": self.content_overlap.to_dict(),
            "content_exact": self.content_exact.to_dict(),
            "source_exact": self.source_exact.to_dict(),
            "source_overlap": self.source_overlap.to_dict(),
            "cue_exact": self.cue_exact.to_dict(),
            "cue_overlap": self.cue_overlap.to_dict(),
            "no_claim_share": self.no_claim.to_dict(),
        }


def score_claims(
    items: Sequence[GoldItem],
    predictions: Sequence[ArticleResult],
    settings: EvalSettings | None = None,
) -> ClaimReport:
    """Score each item's predicted claims against its gold attributions (matched by content)."""
    settings = settings or EvalSettings()
    by_id = {r.article.id: r for r in predictions}
    outcomes = []
    for item in items:
        gold = item.attributions or ()
        predicted = tuple(by_id[item.id].claims) if item.id in by_id else ()
        matched = match_contents(gold, predicted, settings.claim_match_token_f1)
        outcomes.append(ClaimOutcome(item.id, gold, predicted, tuple(matched)))
    pairs = [(o.gold[gi], o.predicted[pi]) for o in outcomes for gi, pi, _ in o.matched]
    n_gold = sum(len(o.gold) for o in outcomes)
    n_pred = sum(len(o.predicted) for o in outcomes)
    return ClaimReport(
        items=len(items),
        no_claim=share(not o.predicted for o in outcomes),
        content_overlap=PRF(tp=len(pairs), predicted=n_pred, gold=n_gold),
        content_exact=PRF(
            tp=sum(count_exact(o.gold, o.predicted) for o in outcomes), predicted=n_pred, gold=n_gold
        ),
        source_exact=share(_source_agrees(g, p, None) for g, p in pairs),
        source_overlap=share(_source_agrees(g, p, settings.claim_match_token_f1) for g, p in pairs),
        cue_exact=share(cue_agrees(g.cue, p.cue) for g, p in pairs),
        cue_overlap=share(cue_overlaps(g.cue, p.cue) for g, p in pairs),
        outcomes=outcomes,
    )


def worst_claims(report: ClaimReport, n: int) -> list[ClaimOutcome]:
    """The n items with the lowest content F1 (ties: more gold first, then file order)."""
    ranked = sorted(enumerate(report.outcomes), key=lambda t: (t[1].content_f1, -len(t[1].gold), t[0]))
    return [o for _, o in ranked[:n] if o.content_f1 < 1.0]


def _source_agrees(gold: AttributionGold, predicted: Claim, overlap: float | None) -> bool:
    """Exact (same tokens) when `overlap` is None, else token F1 >= overlap."""
    speaker = predicted.speaker.text if predicted.speaker is not None else None
    if gold.source is None or speaker is None:
        # PolNeAR leaves the source empty where the text names none; agreeing on "nobody" counts.
        return gold.source is None and speaker is None
    return same_tokens(gold.source, speaker) if overlap is None else token_f1(gold.source, speaker) >= overlap
