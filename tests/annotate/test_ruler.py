"""The indexed attribute-ruler matching gives the stock Matcher's matches and annotations."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from eventwire.annotate.ruler import IndexedMatcher, speed_up_attribute_ruler
from eventwire.settings import AnnotateSettings

SENTENCES = [
    "Gunmen attacked a police post in Kandahar on Monday, killing 12 people.",
    "It's not clear who did it, and they ain't saying, officials said.",
    "\"We're gonna stay,\" he said. Y'all know there is nothing left; I've got ta go.",
    "The army, which has been shelling the town, didn't comment. Its spokesman was there once.",
    "Let's see: protesters were dispersed with tear gas  and   two were arrested.",
    "Who does she think she is? Those were the days when nothin' mattered.",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load(AnnotateSettings().model)


def _annotations(nlp: Language, texts: list[str]) -> list[list[tuple[str, str, str, str, str]]]:
    return [[(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc] for doc in nlp.pipe(texts)]


def test_same_matches_as_the_stock_matcher(nlp: Language) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    indexed = IndexedMatcher(ruler)
    docs = list(nlp.pipe(SENTENCES, disable=["attribute_ruler", "lemmatizer", "ner"]))
    for doc in docs:
        assert indexed(doc) == ruler.match(doc), doc.text
    # The model's patterns all go through the index; none is left to the slow Matcher.
    assert indexed.fallback_patterns == 0


def test_sped_up_pipeline_annotates_the_same(nlp: Language) -> None:
    stock = _annotations(nlp, SENTENCES)
    fast = spacy.load(AnnotateSettings().model)
    assert speed_up_attribute_ruler(fast)
    assert _annotations(fast, SENTENCES) == stock


def test_patterns_the_index_cannot_express_fall_back_to_the_matcher() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"LOWER": "big"}, {"LOWER": "cat", "OP": "?"}]], {"LEMMA": "BIG"})  # operator
    ruler.add([[{"LOWER": {"REGEX": "^c.t$"}}]], {"LEMMA": "CAT"})  # unindexed, memoised
    ruler.add([[{"LOWER": {"IN": ["a", "the"]}}, {"IS_ALPHA": True}]], {"LEMMA": "DET"})
    ruler.add([[{"ORTH": {"NOT_IN": ["cat", "dog"]}, "IS_PUNCT": False}]], {"NORM": "other"})
    ruler.add([[{"LENGTH": 3}]], {"NORM": "three"})  # attribute not indexed: fallback
    indexed = IndexedMatcher(ruler)
    assert indexed.fallback_patterns == 2
    for text in ["the big cat sat on a cot .", "Big dog , the cut", "a", ""]:
        doc = nlp.make_doc(text)
        assert indexed(doc) == ruler.match(doc), text


def test_a_pipeline_without_a_ruler_is_left_alone() -> None:
    assert speed_up_attribute_ruler(spacy.blank("en")) is False
