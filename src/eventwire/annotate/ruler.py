"""A faster, output-identical matching step for spaCy's `attribute_ruler`.

Holds `speed_up_attribute_ruler`, which keeps the component, its patterns and its
`set_annotations` but replaces its `Matcher` call. The stock Matcher tries all ~180 patterns
of en_core_web_sm at every token and runs their IN/NOT_IN/REGEX predicates in Python, which
made the ruler cost as much as the parser. Here patterns are indexed by the value of one
attribute of their first token (the lower-cased form, the tag, the dependency label or
whether it is a space), read for the whole Doc in one `to_array` call, so a token is checked
only against the few patterns that can start on it. Patterns the index cannot express
(operators, other attributes) stay with a small stock Matcher. Matches come back in the stock
format and order, so the annotations are the same (tests/annotate/test_ruler.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

# Matcher attribute → how to read it from a Token (as the Matcher compares it).
_READ: dict[str, Callable[[Token], Any]] = {
    "LOWER": lambda t: t.lower_,
    "TAG": lambda t: t.tag_,
    "DEP": lambda t: t.dep_,
    "POS": lambda t: t.pos_,
    "ORTH": lambda t: t.orth_,
    "TEXT": lambda t: t.orth_,
    "NORM": lambda t: t.norm_,
    "LEMMA": lambda t: t.lemma_,
    "IS_SPACE": lambda t: t.is_space,
    "IS_PUNCT": lambda t: t.is_punct,
    "IS_DIGIT": lambda t: t.is_digit,
    "IS_ALPHA": lambda t: t.is_alpha,
}
# Attributes a pattern may be indexed by, most selective first; read with Doc.to_array.
_INDEX_ORDER = ("LOWER", "TAG", "DEP", "IS_SPACE")

_MEMO_LIMIT = 100_000  # distinct rows remembered per unindexed pattern before starting over

Check = Callable[[Token], bool]
# A pattern's token specs after the first, each as a tuple of checks.
Rest = tuple[tuple[Check, ...], ...]


def _check(attr: str, spec: Any) -> Check | None:
    """A predicate equal to the Matcher's for one attribute, or None if not expressible."""
    read = _READ.get(attr)
    if read is None:
        return None
    if isinstance(spec, bool):
        return lambda t: bool(read(t)) is spec
    if isinstance(spec, str):
        return lambda t: read(t) == spec
    if isinstance(spec, dict) and len(spec) == 1:
        ((op, value),) = spec.items()
        strings = isinstance(value, list) and all(isinstance(v, str) for v in value)
        if op == "IN" and strings:
            allowed = frozenset(value)
            return lambda t: read(t) in allowed
        if op == "NOT_IN" and strings:
            banned = frozenset(value)
            return lambda t: read(t) not in banned
        if op == "REGEX" and isinstance(value, str):
            search = re.compile(value).search
            return lambda t: bool(search(read(t)))
    return None


def _index_key(spec: dict[str, Any]) -> tuple[str, list[int]] | None:
    """The attribute and the values (as Doc.to_array gives them) that index a token spec."""
    for attr in _INDEX_ORDER:
        value = spec.get(attr)
        if isinstance(value, bool):
            return attr, [int(value)]
        if isinstance(value, str):
            return attr, [get_string_id(value)]
        if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
            return attr, [get_string_id(v) for v in value["IN"]]
    return None


def _checks(spec: dict[str, Any], skip: str | None = None) -> tuple[Check, ...] | None:
    out = []
    for attr, value in spec.items():
        if attr == skip:
            continue  # implied by the index the pattern was found through
        check = _check(attr, value)
        if check is None:
            return None
        out.append(check)
    return tuple(out)


class IndexedMatcher:
    """Finds the same matches as an AttributeRuler's Matcher, sorted as `AttributeRuler.match` sorts them."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = ruler.vocab
        # column of the to_array row → value → [(attr_id, first-token checks, later tokens' checks)]
        self.index: list[dict[int, list[tuple[int, tuple[Check, ...], Rest]]]] = [{} for _ in _INDEX_ORDER]
        self.unindexed: list[tuple[int, tuple[Check, ...], Rest]] = []
        # Per unindexed pattern: first-token results by to_array row, when its first token
        # reads only the indexed attributes (the regexes over LOWER); None otherwise.
        self.memos: list[tuple[tuple[int, ...], dict[tuple[int, ...], bool]] | None] = []
        self.fallback = Matcher(ruler.vocab)
        self.fallback_patterns = 0
        self.match_ids: dict[int, int] = {}
        for attr_id, entry in enumerate(ruler.patterns):
            self.match_ids[attr_id] = self.vocab.strings.add(str(attr_id))
            patterns: list[list[dict[str, Any]]] = entry["patterns"]  # type: ignore[assignment]
            for pattern in patterns:
                if not self._add(attr_id, pattern):
                    self.fallback.add(str(attr_id), [pattern])
                    self.fallback_patterns += 1

    def _add(self, attr_id: int, pattern: Sequence[dict[str, Any]]) -> bool:
        if not pattern or not all(isinstance(spec, dict) and "OP" not in spec for spec in pattern):
            return False
        later = [_checks(spec) for spec in pattern[1:]]
        if any(c is None for c in later):
            return False
        rest: Rest = tuple(c for c in later if c is not None)
        keyed = _index_key(pattern[0])
        first = _checks(pattern[0], skip=keyed[0] if keyed else None)
        if first is None:
            return False
        if keyed is None:
            self.unindexed.append((attr_id, first, rest))
            reads = tuple(c for c, attr in enumerate(_INDEX_ORDER) if attr in pattern[0])
            self.memos.append((reads, {}) if set(pattern[0]) <= set(_INDEX_ORDER) else None)
            return True
        column = self.index[_INDEX_ORDER.index(keyed[0])]
        for value in keyed[1]:
            column.setdefault(value, []).append((attr_id, first, rest))
        return True

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        found: set[tuple[int, int, int]] = set()
        n = len(doc)
        if n:
            rows = doc.to_array(list(_INDEX_ORDER)).tolist()
            if n == 1 and not isinstance(rows[0], list):
                rows = [rows]
            index = self.index
            for i, row in enumerate(rows):
                for column, value in zip(index, row, strict=True):
                    for attr_id, first, rest in column.get(value, ()):
                        if not first and not rest:  # the tag map: nothing left to check
                            found.add((attr_id, i, i + 1))
                        elif _matches(doc, i, n, first, rest):
                            found.add((attr_id, i, i + 1 + len(rest)))
                for k, (attr_id, first, rest) in enumerate(self.unindexed):
                    memoised = self.memos[k]
                    if memoised is not None:
                        reads, memo = memoised
                        key = tuple(row[c] for c in reads)
                        hit = memo.get(key)
                        if hit is None:
                            hit = memo[key] = _matches(doc, i, n, first, ())
                        if hit and _matches(doc, i, n, (), rest):
                            found.add((attr_id, i, i + 1 + len(rest)))
                    elif _matches(doc, i, n, first, rest):
                        found.add((attr_id, i, i + 1 + len(rest)))
            for memoised in self.memos:
                if memoised is not None and len(memoised[1]) > _MEMO_LIMIT:
                    memoised[1].clear()
        if self.fallback_patterns:
            strings = self.vocab.strings
            for match_id, start, end in self.fallback(doc, allow_missing=True, as_spans=False):
                found.add((int(strings[match_id]), start, end))
        return sorted((attr_id, self.match_ids[attr_id], s, e) for attr_id, s, e in found)


def _matches(doc: Doc, i: int, n: int, first: tuple[Check, ...], rest: Rest) -> bool:
    if i + 1 + len(rest) > n:
        return False
    if first and not all(check(doc[i]) for check in first):
        return False
    return all(all(check(doc[k]) for check in checks) for k, checks in enumerate(rest, start=i + 1))


def speed_up_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Make the pipeline's attribute ruler match through an index; False if it has none."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if not isinstance(ruler, AttributeRuler):
        return False
    ruler.match = IndexedMatcher(ruler)  # type: ignore[method-assign]
    return True
