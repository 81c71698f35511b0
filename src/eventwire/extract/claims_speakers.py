"""Speakers of claims: the speaker phrase, named vs anonymous, and pronoun resolution.

Holds `SpeakerResolver`, which turns a speaker's head token into a `Speaker` record and
remembers earlier speakers of the same article; it does not find cues or content.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from eventwire.extract.cues import CueLexicon
from eventwire.records import ActorKind, Speaker

if TYPE_CHECKING:
    from eventwire.resolve.actors import ActorGazetteer

# Dependents that belong to a speaker phrase's core (what names it), not to its elaboration.
_CORE_LEFT = {"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case", "npadvmod", "punct"}
_CORE_RIGHT = {"prep", "case"}
_ELABORATION = {"appos", "relcl", "acl", "punct", "cc", "conj"}
_CLAUSES = {"relcl", "acl"}  # "Smith, who added that ...": a clause about the speaker, not its name
_DEFINITE = {"the", "these", "those", "this", "that"}
_NAME_ENTS = {"PERSON"}
_PROPER = {"PROPN"}

Agreement = str  # "person" | "plural" | "institution"


@dataclass(frozen=True)
class _Remembered:
    sentence: int
    head_lemma: str
    agreement: Agreement
    speaker: Speaker


def speaker_phrase(head: Token, outside: Callable[[Token], bool]) -> Span:
    """The contiguous phrase around `head` made of its subtree, minus excluded tokens.

    `outside` marks tokens that cannot be part of a speaker (inside a quotation, the cue);
    relative clauses ("who added that ...") are left out too; edges are trimmed of
    punctuation so "Ahmed Ali, a spokesman," becomes the phrase without the last comma.
    """
    doc = head.doc
    clauses = {t.i for c in head.children if c.dep_ in _CLAUSES for t in c.subtree}

    def excluded(tok: Token) -> bool:
        return tok.i in clauses or outside(tok)

    left = head.i
    while left - 1 >= head.left_edge.i and not excluded(doc[left - 1]):
        left -= 1
    right = head.i
    while right + 1 <= head.right_edge.i and not excluded(doc[right + 1]):
        right += 1
    while left < head.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    if head.pos_ == "PROPN":
        # "injuring a fourth SANA said": a spelled number before a name is the content's
        # ('a fourth' person injured), never part of the name.
        number = left + (doc[left].dep_ == "det")
        if number < head.i and doc[number].like_num and doc[number].is_alpha:
            left = number + 1
    while right > head.i and (doc[right].is_punct or doc[right].is_space):
        if doc[right].text == ")" and any(t.text == "(" for t in doc[left:right]):
            break  # "Syria Civil Defence (SCD)": the acronym's bracket closes it
        right -= 1
    return doc[left : right + 1]


def _core(head: Token, phrase: Span) -> Span:
    """Head plus its naming modifiers ('Israeli defence officials', 'a spokesman for the army')."""
    left = head.i
    for child in head.lefts:
        if child.dep_ in _CORE_LEFT and child.left_edge.i >= phrase.start:
            left = min(left, child.left_edge.i)
    right = head.i
    for child in head.rights:
        if child.dep_ in _CORE_RIGHT and child.right_edge.i < phrase.end:
            right = max(right, child.right_edge.i)
        elif child.dep_ in _ELABORATION:
            break
    while left < head.i and head.doc[left].is_punct:
        left += 1
    return head.doc[left : right + 1]


def _has_name(head: Token, phrase: Span) -> Span | None:
    """A proper name naming the speaker: the head itself or an appositive ('a spokesman, Ahmed Ali')."""
    if head.pos_ in _PROPER or head.ent_type_ in _NAME_ENTS:
        return _core(head, phrase)
    for child in head.children:
        if child.dep_ == "appos" and (child.pos_ in _PROPER or child.ent_type_ in _NAME_ENTS):
            return _core(child, phrase)
    return None


class SpeakerResolver:
    """Builds Speaker records for one article, carrying earlier speakers to pronouns."""

    def __init__(self, actors: ActorGazetteer, lexicon: CueLexicon, window_sentences: int) -> None:
        self._actors = actors
        self._lex = lexicon
        self._window = window_sentences
        self._history: list[_Remembered] = []

    def resolve(
        self, head: Token, phrase: Span, sentence: int, in_quote: bool, frame: Sequence[Token] = ()
    ) -> Speaker:
        """The Speaker for a phrase headed by `head` in article sentence number `sentence`.

        `frame` is the rest of the attribution around the cue, where anonymity is often
        stated ('..., speaking on condition of anonymity, said').
        """
        lower = head.lower_
        if head.pos_ == "PRON" or lower in self._lex.pronouns:
            return self._pronoun(phrase, lower, sentence, in_quote)
        speaker = self._noun_phrase(head, phrase, frame)
        speaker = self._carry_definite(head, phrase, speaker)
        self._history.append(_Remembered(sentence, head.lemma_.lower(), self._agreement(head), speaker))
        return speaker

    def _pronoun(self, phrase: Span, lower: str, sentence: int, in_quote: bool) -> Speaker:
        wanted = self._lex.pronouns.get(lower)
        antecedent = None if in_quote or wanted is None else self._antecedent(wanted, sentence)
        if antecedent is None:
            return Speaker(text=phrase.text, anonymous=False)
        # The words stay the pronoun; the resolved entity rides in name/country/kind.
        return antecedent.model_copy(update={"text": phrase.text})

    def _antecedent(self, wanted: Agreement, sentence: int) -> Speaker | None:
        accept = {"plural": ("plural", "institution"), "person": ("person",), "institution": ("institution",)}
        for kind in accept[wanted]:
            for past in reversed(self._history):
                if sentence - past.sentence > self._window:
                    break
                if past.agreement == kind:
                    return past.speaker
        return None

    def _noun_phrase(self, head: Token, phrase: Span, frame: Sequence[Token]) -> Speaker:
        core = _core(head, phrase)
        named = _has_name(head, phrase)
        actor = self._actors.resolve((named or core).text)
        anonymous = named is None and self._is_anonymous(head, frame)
        # Without a gazetteer entry the name is the naming words themselves, so that a later
        # "he said" still carries who it was; institutions unknown to the gazetteer stay None.
        name = actor.name
        if name is None and (named is not None or anonymous):
            name = (named or core).text
        return Speaker(
            text=phrase.text,
            name=name,
            country=actor.country,
            countries=list(actor.countries),
            kind=actor.kind,
            anonymous=anonymous,
        )

    def _is_anonymous(self, head: Token, frame: Sequence[Token]) -> bool:
        """Unnamed sources: a person noun with no name, or an explicit anonymity marker."""
        # The speaker's whole subtree and the cue's frame: "a spokesman, speaking on condition
        # of anonymity, said", "officials who asked not to be named".
        around = {t.i: t for t in head.subtree} | {t.i: t for t in frame}
        words = [around[i].lower_ for i in sorted(around)]
        if set(words) & self._lex.anonymity_markers:
            return True
        low = " ".join(words)
        if any(p in low for p in self._lex.anonymity_phrases):
            return True
        if head.lower_ in self._lex.spokesperson_nouns or head.lemma_.lower() in self._lex.spokesperson_nouns:
            return False
        return head.lemma_.lower() in self._lex.anonymous_nouns or head.lower_ in self._lex.anonymous_nouns

    def _carry_definite(self, head: Token, phrase: Span, speaker: Speaker) -> Speaker:
        """'the officials' after 'Israeli defence officials': take the earlier group's affiliation."""
        if speaker.country is not None:
            return speaker
        dets = {c.lower_ for c in head.children if c.dep_ == "det"}
        if not dets & _DEFINITE:
            return speaker
        lemma = head.lemma_.lower()
        for past in reversed(self._history):
            if past.head_lemma == lemma and past.speaker.country is not None:
                old = past.speaker
                return speaker.model_copy(
                    update={
                        "name": old.name or speaker.name,
                        "country": old.country,
                        "countries": list(old.countries),
                        "kind": old.kind if speaker.kind == ActorKind.UNKNOWN else speaker.kind,
                        "anonymous": speaker.anonymous or old.anonymous,
                    }
                )
        return speaker

    def _agreement(self, head: Token) -> Agreement:
        if head.tag_ in {"NNS", "NNPS"} or head.lemma_.lower() in {"people", "spokespeople"}:
            return "plural"
        if head.ent_type_ == "PERSON" or head.lemma_.lower() in self._lex.anonymous_nouns:
            return "person"
        if head.lower_ in self._lex.spokesperson_nouns:
            return "person"
        return "institution"
