"""The parse repairs of misread event nouns: which readings are restored and which are kept."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.extract.lexicon import trigger_lexicon
from eventwire.extract.repair import repair_event_nouns, repair_split_names, repair_verb_lemmas

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    from eventwire.annotate.model import load_pipeline
    from eventwire.settings import AnnotateSettings

    return load_pipeline(AnnotateSettings().model)


def _token(doc, text):  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize(
    ("sentence", "word", "modifier"),
    [
        ("Syrian rebel shelling killed three children in Aleppo on Monday.", "shelling", "rebel"),
        ("Syrian government shelling killed 31 people in Jayrud.", "shelling", "government"),
        ("Regime airstrikes hit the town of Douma on Monday.", "airstrikes", "Regime"),
    ],
)
def test_misread_event_nouns_are_nouns_again(nlp: Language, sentence: str, word: str, modifier: str) -> None:
    doc = nlp(sentence)
    assert repair_event_nouns(doc, trigger_lexicon()) == 1
    noun, mod = _token(doc, word), _token(doc, modifier)
    assert noun.pos_ == "NOUN" and noun.dep_ in ("nsubj", "nsubjpass")
    assert mod.head.i == noun.i and mod.dep_ == "compound"
    assert noun.head.pos_ == "VERB"  # the sentence's verb governs the event noun
    assert repair_event_nouns(doc, trigger_lexicon()) == 0  # idempotent


def test_an_event_noun_read_as_a_clause_beside_its_modifier_is_a_noun_again(nlp: Language) -> None:
    # "killed in rebel shelling of a school": the pinned model reads "rebel" as the object of "in"
    # and "shelling" as a clause of "killed"
    doc = nlp("Four people were killed in rebel shelling of a school in Aleppo.")
    shelling, rebel = _token(doc, "shelling"), _token(doc, "rebel")
    assert rebel.dep_ == "pobj" and shelling.head.text == "killed"
    assert repair_event_nouns(doc, trigger_lexicon()) == 1
    assert shelling.pos_ == "NOUN" and shelling.dep_ == "pobj" and shelling.head.text == "in"
    assert rebel.head.i == shelling.i and rebel.dep_ == "compound"


def test_a_known_verb_gets_the_lemma_its_inflection_implies(nlp: Language) -> None:
    doc = nlp("Rebels staged a major assault on the city.")
    staged = _token(doc, "staged")
    assert staged.lemma_ == "stag"  # the pinned model's lemmatiser
    verbs = trigger_lexicon().verbs
    assert repair_verb_lemmas(doc, verbs) == 1
    assert staged.lemma_ == "stage"
    # a lemma the lexicons know, or a form no known verb explains, is kept
    other = nlp("The stags grazed near the city.")
    assert repair_verb_lemmas(other, verbs) == 0


@pytest.mark.parametrize(
    "sentence",
    [
        "Troops shelling the town killed two.",  # a real participle with its own object
        "Rebels fighting in Aleppo said so.",  # after a plural subject: a clause, not a compound
        "The army is shelling the town.",
    ],
)
def test_real_verbs_are_kept(nlp: Language, sentence: str) -> None:
    doc = nlp(sentence)
    before = [(t.pos_, t.dep_, t.head.i) for t in doc]
    assert repair_event_nouns(doc, trigger_lexicon()) == 0
    assert [(t.pos_, t.dep_, t.head.i) for t in doc] == before


def test_a_split_hyphenated_name_is_one_phrase_again(nlp: Language) -> None:
    doc = nlp("Jaish al-Islam said it had shot down a regime drone.")
    said = _token(doc, "said")
    # the pinned model splits it: "al", "-" and "Islam" are each a subject of "said"
    assert sum(c.dep_ == "nsubj" for c in said.children) == 3
    assert repair_split_names(doc) == 1
    [subject] = [c for c in said.children if c.dep_ == "nsubj"]
    assert subject.text == "Islam" and [t.text for t in subject.subtree] == ["Jaish", "al", "-", "Islam"]
    assert repair_split_names(doc) == 0


def test_a_split_name_after_a_fronted_phrase_keeps_its_first_word(nlp: Language) -> None:
    doc = nlp("Also on Saturday Jaish al-Islam said it had shot down a regime drone.")
    said = _token(doc, "said")
    assert sum(c.dep_ == "nsubj" for c in said.children) == 4  # "Jaish" is split off as well
    assert repair_split_names(doc) == 1
    [subject] = [c for c in said.children if c.dep_ == "nsubj"]
    assert [t.text for t in subject.subtree] == ["Jaish", "al", "-", "Islam"]
