"""Repairs of parse errors of the small English model that hide event nouns and split names.

Holds `repair_event_nouns` and `repair_split_names`, which edit a parsed sentence in place
before triggers, arguments and claims are read from it; they add no annotations of their own.
Two errors read an event noun as a verb: 'Regime airstrikes hit the town' (the plural noun
tagged VBZ, as if "airstrikes" were a verb, yet the subject of "hit"), and 'Syrian rebel shelling
killed three' (the compound read as the noun "rebel" modified by the participle "shelling").
The noun reading is restored only where the lexicon knows the word as an event noun and the
token has none of a verb's own dependents, so a real verb ('troops shelling the town', 'rebels
fighting in Aleppo') is kept. A third splits a hyphenated name ('Jaish al-Islam') into sibling
subjects, so that the speaker or actor would be 'Jaish al'.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.extract.lexicon import TriggerLexicon

# Slots only a noun fills: a verb cannot be a subject or an object without a clause of its own.
_NOMINAL_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos"})
# Dependents that make a token a verb: its own subject, object, auxiliary or complementiser.
_VERBAL_DEPENDENTS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "aux", "auxpass", "mark", "ccomp", "xcomp", "dative", "attr"}
)
# Tags the model gives an event noun it misreads: 'airstrikes' (VBZ), 'shelling' (VBG).
_MISREAD_TAGS = frozenset({"VBZ", "VBG", "VBP"})
# Modifier nouns that a misread participle hangs on ('rebel shelling'): singular, attributive.
_ATTRIBUTIVE_TAGS = frozenset({"NN", "NNP", "JJ"})


def repair_event_nouns(doc: Doc, lex: TriggerLexicon) -> int:
    """Restore the noun reading of misread event nouns in `doc`; returns how many were repaired.

    Idempotent: a repaired token no longer looks like a verb.
    """
    repaired = 0
    for token in doc:
        if token.pos_ not in ("VERB", "AUX") or token.tag_ not in _MISREAD_TAGS:
            continue
        if not _event_noun(token, lex) or any(c.dep_ in _VERBAL_DEPENDENTS for c in token.children):
            continue
        if token.pos_ == "VERB" and token.dep_ in _NOMINAL_SLOTS:
            _as_noun(token)
            repaired += 1
            continue
        modifier = _misread_modifier(token)
        if modifier is not None:
            token.head = token if modifier.head.i == modifier.i else modifier.head
            token.dep_ = modifier.dep_
            modifier.head = token
            modifier.dep_ = "compound"
            _as_noun(token)
            repaired += 1
    return repaired


def _event_noun(token: Token, lex: TriggerLexicon) -> bool:
    if token.tag_ == "VBG":
        # "shelling", "bombing", "fighting" are nouns of the lexicon; "battling" only a verb's form
        return bool(lex.lookup(token.lower_, "NOUN"))
    return bool(lex.candidates(token.lemma_.lower(), token.lower_, "NOUN"))


def _misread_modifier(token: Token) -> Token | None:
    """The noun that a compound's head was split from: 'rebel shelling' read as the noun 'rebel'
    with the participle 'shelling' as its clause, or 'government shelling killed' with 'shelling'
    as an auxiliary of 'killed' and 'government' its subject. The noun stands right before."""
    if token.i == 0:
        return None
    before = token.doc[token.i - 1]
    if before.tag_ not in _ATTRIBUTIVE_TAGS:
        return None
    if token.dep_ == "acl" and token.head.i == before.i:
        return before
    if token.dep_ == "aux" and before.head.i == token.head.i and before.dep_ in ("nsubj", "nsubjpass"):
        return before
    # "killed in rebel shelling of a school": "rebel" the object of "in", "shelling" a clause of
    # "killed" (or of a verb above it) beside it.
    if token.dep_ in ("advcl", "acl", "pcomp") and before.dep_ == "pobj" and token.head.is_ancestor(before):
        return before
    return None


def _as_noun(token: Token) -> None:
    token.pos_ = "NOUN"
    token.tag_ = "NNS" if token.tag_ == "VBZ" else "NN"


def repair_verb_lemmas(doc: Doc, verbs: frozenset[str]) -> int:
    """Give a verb the lemma its regular inflection implies when the lemmatiser produced a word we
    do not know and the regular reading is a verb the lexicons use: 'staged' lemmatised as
    'stag' hides the light verb 'stage' ('rebels staged an assault'). Returns how many changed."""
    repaired = 0
    for token in doc:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() in verbs:
            continue
        lemma = next((c for c in _regular_lemmas(token.lower_) if c in verbs), None)
        if lemma is not None:
            token.lemma_ = lemma
            repaired += 1
    return repaired


def _regular_lemmas(form: str) -> list[str]:
    """Candidate lemmas of a regularly inflected verb form, likeliest first."""
    out = []
    for suffix, ending in (
        ("ied", "y"),
        ("ies", "y"),
        ("ing", "e"),
        ("ing", ""),
        ("ed", "e"),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if form.endswith(suffix) and len(form) > len(suffix) + 1:
            stem = form[: -len(suffix)]
            out.append(stem + ending)
            if ending == "" and len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "stopped" -> "stop"
    return out


def repair_split_names(doc: Doc) -> int:
    """Rejoin a hyphenated name the parser split into sibling arguments: 'Jaish al-Islam said'
    read with 'al', '-' and 'Islam' each a subject of 'said'. The last part becomes the head,
    the others its compounds. Returns how many names were rejoined."""
    repaired = 0
    for hyphen in doc[1:-1]:
        before, after = doc[hyphen.i - 1], doc[hyphen.i + 1]
        if hyphen.text != "-" or hyphen.dep_ == "punct" or after.pos_ != "PROPN":
            continue
        siblings = {before.head.i, hyphen.head.i, after.head.i}
        if len(siblings) != 1 or before.head.i in (before.i, hyphen.i, after.i):
            continue
        if not before.dep_ == hyphen.dep_ == after.dep_:
            continue
        governor, dep = before.head, before.dep_
        before.head, before.dep_ = after, "compound"
        hyphen.head, hyphen.dep_ = after, "punct"
        # "Jaish al-Islam": the name's first words, split off the same way, join it too
        for word in reversed(doc[: before.i]):
            if word.pos_ != "PROPN" or word.head.i != governor.i or word.dep_ != dep:
                break
            word.head, word.dep_ = after, "compound"
        repaired += 1
    return repaired
