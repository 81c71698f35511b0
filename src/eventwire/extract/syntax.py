"""Small readings of the dependency parse shared by the event extractor: clauses, chains, phrases.

Holds tree walks over spaCy tokens (clause members, the predicate chain of a trigger, noun
phrases for actors); it knows no lexicon and builds no records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

# Dependencies that open a clause of their own: what is under them is not "the same clause".
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "csubjpass", "acl"})
# Left modifiers kept in an actor phrase ("Iran-backed militia fighters").
_NP_LEFT = frozenset({"compound", "amod", "nmod", "npadvmod", "poss", "case", "nummod_skip"})
_NP_DROP_FIRST = frozenset({"det", "predet", "nummod", "quantmod", "punct", "cc", "advmod", "prep"})
_OF_HEADS = frozenset(
    {
        "member",
        "fighter",
        "force",
        "troop",
        "unit",
        "militant",
        "soldier",
        "supporter",
        "loyalist",
        "elements",
        "element",
        "group",
        "army",
        "militia",
        "officer",
        "personnel",
        "jihadist",
        "rebel",
        "gunman",
        "warplane",
        "jet",
        "aircraft",
        "plane",
        "helicopter",
        "drone",
        "faction",
        "brigade",
        "battalion",
        "wing",
    }
)


def is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def is_infinitive(verb: Token) -> bool:
    """'to retake': a verb with its infinitive marker."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def clause_head(token: Token) -> Token:
    """The verb whose clause holds `token` (the token itself when it is a verb)."""
    node = token
    while not is_verb(node) and node.head.i != node.i:
        node = node.head
    # An infinitive shares its governor's clause: "forced Tehran to withdraw ... on Monday".
    # So does a participle without a subject: "opened fire on Monday, killing five".
    while node.head.i != node.i and (
        node.dep_ == "xcomp"
        or (
            node.dep_ == "advcl"
            and node.tag_ in ("VBG", "VBN")
            and not any(c.dep_.startswith("nsubj") for c in node.children)
        )
    ):
        node = node.head
    return node


def clause_tokens(head: Token) -> list[Token]:
    """Tokens of the clause headed by `head`, without the clauses nested in it."""
    out: list[Token] = []
    stack = [head]
    while stack:
        node = stack.pop()
        out.append(node)
        for child in node.children:
            if child.dep_ in CLAUSE_DEPS or (child.dep_ == "conj" and is_verb(child) and is_verb(node)):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def span_of(tokens: Iterable[Token]) -> Span:
    """The smallest contiguous span covering `tokens` (for finders that want a Span)."""
    toks = list(tokens)
    doc: Doc = toks[0].doc
    return doc[min(t.i for t in toks) : max(t.i for t in toks) + 1]


def ancestors_until_clause(token: Token) -> Iterator[tuple[Token, Token]]:
    """(child, head) steps from `token` upwards, stopping before a clause boundary is crossed."""
    node = token
    while node.head.i != node.i:
        yield node, node.head
        if node.dep_ in CLAUSE_DEPS:
            return
        node = node.head


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def child_lemmas(token: Token, *deps: str) -> set[str]:
    return {c.lemma_.lower() for c in token.children if not deps or c.dep_ in deps}


def particle(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "prt" or (
            child.dep_ in ("advmod", "prep") and child.lower_ in ("out", "up", "back", "over", "down")
        ):
            return child.lower_
    return None


def preposition_objects(token: Token, *preps: str) -> list[Token]:
    """Objects of the prepositions under `token` ('on X', 'against X'), conjuncts included."""
    out: list[Token] = []
    for prep in token.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in preps:
            for obj in prep.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    out.append(obj)
    return out


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def noun_phrase(head: Token) -> Span:
    """The descriptive part of a noun phrase: modifiers + head (+ 'of X' for 'fighters of X').

    Determiners, numbers and relative clauses are left out so that '14 Iranian and Iraqi militia
    fighters in the east' reads as 'Iranian and Iraqi militia fighters'.
    """
    doc = head.doc
    start = head.i
    for child in head.lefts:
        if child.dep_ in _NP_LEFT or (child.dep_ == "conj" and child.i < head.i):
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "acl" and child.lemma_.lower() in ("belong", "own"):
            end = max(end, child.right_edge.i + 1)  # "a helicopter belonging to the regime": whose
    if head.lemma_.lower() in _OF_HEADS or head.pos_ == "PROPN":
        for child in head.rights:
            if (child.dep_ == "prep" and child.lower_ == "of") or (
                child.dep_ in ("compound", "flat", "appos") and child.pos_ == "PROPN"
            ):
                end = max(end, child.right_edge.i + 1)
            elif _from_group(child):
                group = next(o for o in child.children if o.dep_ == "pobj")
                # "rebels from the Army of Islam and ISIL": the group, not the other side
                cut = [c.i for c in group.children if c.dep_ in ("cc", "conj")]
                end = max(end, min(cut) if cut else group.right_edge.i + 1)
    while start < head.i and (
        doc[start].dep_ in _NP_DROP_FIRST
        or doc[start].like_num
        or doc[start].is_punct
        or doc[start].ent_type_ in ("DATE", "TIME")  # a dateline run in: "7 July 2015 A suicide bomber"
    ):
        start += 1
    return doc[start:end]


def _from_group(prep: Token) -> bool:
    """'fighters from the Al-Nusra Front': a named group, not a town ('fighters from Aleppo')."""
    if prep.dep_ != "prep" or prep.lower_ != "from":
        return False
    objs = [o for o in prep.children if o.dep_ == "pobj"]
    return bool(objs) and objs[0].pos_ == "PROPN" and objs[0].ent_type_ in ("ORG", "NORP")


def is_plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS")


def determiner(token: Token) -> str | None:
    """'the', 'a', 'this', a possessive ('its', "Israel's") as 'poss', or None for a bare noun."""
    for child in token.children:
        if child.dep_ == "poss":
            return "poss"
        if child.dep_ in ("det", "predet"):
            return child.lower_
    return None


# What makes "media" or "a report" somebody's: a name, a nationality, the state's own outlet.
_SOURCE_ENTS = frozenset({"ORG", "NORP", "GPE", "PERSON"})
_STATE_SOURCE_WORDS = frozenset(
    {"state", "official", "government", "regime", "pro-government", "army", "military"}
)


def names_a_source(head: Token, phrase: Iterable[Token] | None = None) -> bool:
    """Whether a report noun's phrase ('media', 'a report') names whose it is: a name, a
    nationality, or a state's outlet ('Syrian state media', 'a CNN report', 'official TV').
    The phrase is the head's subtree unless given (a speaker read off the word order)."""
    return any(
        t.pos_ == "PROPN" or t.ent_type_ in _SOURCE_ENTS or t.lower_ in _STATE_SOURCE_WORDS
        for t in (head.subtree if phrase is None else phrase)
        if t.i != head.i
    )
