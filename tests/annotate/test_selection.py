"""Sentence preselection: which sentences get the whole pipeline, a parse, or tokens only."""

from __future__ import annotations

import pytest

from eventwire.annotate import Annotator, Need
from eventwire.extract.cues import cue_lexicon
from eventwire.extract.lexicon import status_lexicon, trigger_lexicon
from eventwire.extract.selector import SentenceSelector
from eventwire.extract.triggers import entity_in
from eventwire.records import Article
from eventwire.runner import Processor
from eventwire.settings import AnnotateSettings, Settings

TEXT = (
    "KABUL, Monday - Gunmen attacked a checkpoint in Kandahar, killing three soldiers.\n\n"
    "The weather in Kabul was mild. A spokesman for the ministry told Reuters that talks would resume.\n"
    "Prices have risen sharply."
)
EVENT = "KABUL, Monday - Gunmen attacked a checkpoint in Kandahar, killing three soldiers."
CLAIM = "A spokesman for the ministry told Reuters that talks would resume."
OTHER = "The weather in Kabul was mild."


@pytest.fixture(scope="module")
def selector() -> SentenceSelector:
    return SentenceSelector.build(trigger_lexicon(), status_lexicon(), cue_lexicon(), tiered=True)


@pytest.fixture(scope="module")
def annotator(selector: SentenceSelector) -> Annotator:
    return Annotator(AnnotateSettings(parse_mode="selective"), selector)


@pytest.mark.parametrize(
    ("sentence", "need"),
    [
        (EVENT, Need.FULL),
        ("Rebels shelled the town's outskirts.", Need.FULL),
        ("Israeli air-strikes hit the area.", Need.FULL),  # hyphens split
        (CLAIM, Need.PARSE),
        ("According to the UN, talks resumed.", Need.PARSE),
        (OTHER, Need.TOKENS),
        ("", Need.TOKENS),
    ],
)
def test_tiers(selector: SentenceSelector, sentence: str, need: Need) -> None:
    assert selector.need(sentence) is need
    assert selector(sentence) is (need > Need.TOKENS)


def test_untiered_selector_asks_for_everything_or_nothing() -> None:
    flat = SentenceSelector.build(trigger_lexicon(), status_lexicon(), cue_lexicon())
    assert flat.need(EVENT) is Need.FULL
    assert flat.need(CLAIM) is Need.FULL
    assert flat.need(OTHER) is Need.TOKENS


def test_each_tier_gets_its_annotations_with_article_offsets(annotator: Annotator) -> None:
    [annotated] = annotator.annotate([Article(id="a1", text=TEXT)])
    by_text = {s.text.strip(): s for s in annotated.sentences}
    event, claim, other = by_text[EVENT], by_text[CLAIM], by_text[OTHER]
    assert event.parsed and event.doc.has_annotation("DEP")
    assert {e.text for e in event.doc.ents if e.label_ == "GPE"} >= {"Kandahar"}
    assert next(t for t in event.doc if t.text == "attacked").lemma_ == "attack"
    assert claim.parsed and claim.doc.has_annotation("DEP") and claim.doc.has_annotation("LEMMA")
    assert not claim.doc.ents  # a parse without NER
    assert not other.parsed and not other.doc.has_annotation("DEP") and not other.doc.ents
    assert [s.index for s in annotated.sentences] == list(range(len(annotated.sentences)))
    for s in annotated.sentences:
        assert TEXT[s.start : s.end] == s.doc.text
        for token in s.doc:
            assert TEXT[s.start + token.idx : s.start + token.idx + len(token)] == token.text


def test_a_plain_selector_still_gets_the_whole_pipeline() -> None:
    annotator = Annotator(AnnotateSettings(parse_mode="selective"), lambda s: "told" in s)
    [annotated] = annotator.annotate([Article(id="a1", text=TEXT)])
    [claim] = annotated.parsed
    assert claim.text.strip() == CLAIM
    assert {e.text for e in claim.doc.ents} >= {"Reuters"}


def test_full_mode_parses_every_sentence_with_entities(selector: SentenceSelector) -> None:
    annotator = Annotator(AnnotateSettings(parse_mode="full"), selector)
    [annotated] = annotator.annotate([Article(id="a1", text=TEXT)])
    assert all(s.parsed for s in annotated.sentences)
    other = next(s for s in annotated.sentences if s.text.strip() == OTHER)
    assert {e.text for e in other.doc.ents} >= {"Kabul"}


def test_lean_mode_extracts_over_mixed_tiers() -> None:
    settings = Settings(annotate=AnnotateSettings(parse_mode="lean"))
    processor = Processor(settings)
    assert isinstance(processor.annotator.selector, SentenceSelector)
    assert processor.annotator.selector.need(CLAIM) is Need.PARSE
    [result] = processor.process([Article(id="a1", text=TEXT)])
    assert any(e.sub_type for e in result.events)
    assert any(c.content.text.startswith("talks would resume") for c in result.claims)
    # Places in sentences without NER still come from the gazetteer scan of the raw text.
    assert {"Kandahar", "Kabul"} <= {TEXT[p.start : p.end] for p in result.places if p.start is not None}


def test_lean_mode_pays_for_entities_only_where_the_parse_confirms_a_trigger(
    selector: SentenceSelector,
) -> None:
    lean = Annotator(AnnotateSettings(parse_mode="lean"), selector)
    not_an_event = "The singer died of a heart attack in Lagos on Sunday."
    assert selector.need(not_an_event) is Need.FULL  # "attack" earns it a look at its parse
    [annotated] = lean.annotate([Article(id="a1", text=f"{not_an_event} {EVENT}")])
    first, second = annotated.sentences
    assert first.parsed and first.doc.has_annotation("DEP")
    assert not first.doc.has_annotation("ENT_IOB")  # "heart attack" names no event: no NER
    assert second.parsed and {e.text for e in second.doc.ents if e.label_ == "GPE"} >= {"Kandahar"}


def test_entity_conditions_count_a_proper_noun_as_met_before_ner(annotator: Annotator) -> None:
    text = EVENT
    [parse_only] = annotator.nlp.pipe([text], disable=["ner"])
    [with_ner] = annotator.annotate([Article(id="a1", text=text)])
    no_ner = next(t for t in parse_only if t.text == "Kandahar")
    ner = next(t for t in with_ner.sentences[0].doc if t.text == "Kandahar")
    assert entity_in(no_ner, ("PERSON",))  # unknown yet: errs toward the trigger
    assert entity_in(ner, ("GPE",)) and not entity_in(ner, ("PERSON",))
