from __future__ import annotations

import pytest

from eventwire.annotate import Annotator
from eventwire.annotate.sentences import SentenceSplitter
from eventwire.errors import ModelError
from eventwire.records import Article
from eventwire.settings import AnnotateSettings

TEXT = (
    "Rebels seized the town\n\n"
    "Fighters attacked an army post on Monday. Three soldiers were killed.\n"
    "The weather was mild. Officials said the road was reopened."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("Title line\nBody sentence. Another one.", ["Title line", "Body sentence.", "Another one."]),
        ("\n\n  \nOnly this.\n\n", ["Only this."]),
        # a page's dateline run into the text ends the headline; an introduced date does not
        (
            "Air raids kill 18 Monitor AFP Saturday 16 Jul 2016 Air raids killed 18 on Saturday.",
            ["Air raids kill 18 Monitor AFP Saturday 16 Jul 2016", "Air raids killed 18 on Saturday."],
        ),
        (
            "Date of publication 30 September 2017 Four died.",
            ["Date of publication 30 September 2017", "Four died."],
        ),
        ("On Sunday 5 June 2016 The army said so.", ["On Sunday 5 June 2016 The army said so."]),
        (
            "28 July 2015 Syrian rebels launched an offensive.",
            ["28 July 2015 Syrian rebels launched an offensive."],
        ),
        (
            "Clashes in 2012 and on 5 May 2016 Forces moved.",
            ["Clashes in 2012 and on 5 May 2016 Forces moved."],
        ),
    ],
)
def test_splitter_offsets_index_the_text(text: str, expected: list[str]) -> None:
    spans = SentenceSplitter().split(text, max_chars=2_000)
    assert [text[s.start : s.end].strip() for s in spans] == expected


def test_splitter_cuts_overlong_sentences() -> None:
    text = "word " * 1_000
    spans = SentenceSplitter().split(text, max_chars=500)
    assert all(s.end - s.start <= 500 for s in spans)
    assert spans[0].start == 0 and spans[-1].end >= len(text.rstrip())


def _selector(sentence: str) -> bool:
    return any(w in sentence.lower().split() for w in ("attacked", "killed", "said"))


def test_selective_parse_only_parses_selected_sentences() -> None:
    annotator = Annotator(AnnotateSettings(parse_mode="selective"), _selector)
    [annotated] = annotator.annotate([Article(id="a1", text=TEXT)])
    flags = {s.text: s.parsed for s in annotated.sentences}
    assert flags["Fighters attacked an army post on Monday."] is True
    assert flags["Officials said the road was reopened."] is True
    assert flags["The weather was mild."] is False
    assert flags["Rebels seized the town"] is False
    unparsed = next(s for s in annotated.sentences if not s.parsed)
    assert not unparsed.doc.has_annotation("DEP")


def test_sentence_offsets_and_parse_line_up_with_article_text() -> None:
    annotator = Annotator(AnnotateSettings(parse_mode="full"))
    [annotated] = annotator.annotate([Article(id="a1", text=TEXT)])
    assert all(s.parsed for s in annotated.sentences)
    for s in annotated.sentences:
        assert TEXT[s.start : s.end] == s.doc.text
        for token in s.doc:
            assert TEXT[s.start + token.idx : s.start + token.idx + len(token.text)] == token.text
    killed = next(t for s in annotated.sentences for t in s.doc if t.text == "killed")
    assert killed.lemma_ == "kill"
    assert any(e.label_ == "DATE" for s in annotated.sentences for e in s.doc.ents)


def test_batches_keep_articles_apart() -> None:
    annotator = Annotator(AnnotateSettings(parse_mode="full", batch_size=2))
    texts = [f"Article {i} says gunmen attacked village {i}." for i in range(5)]
    out = annotator.annotate([Article(id=str(i), text=t) for i, t in enumerate(texts)])
    assert [a.article.id for a in out] == [str(i) for i in range(5)]
    assert [a.sentences[0].text for a in out] == texts


def test_missing_model_is_a_model_error() -> None:
    with pytest.raises(ModelError) as info:
        Annotator(AnnotateSettings(model="en_no_such_model_xyz"))
    assert info.value.code == "EW030"
    assert "pip install" in str(info.value)


def test_a_piece_after_a_dateline_starts_at_its_first_word() -> None:
    text = "Raids kill 18 Monitor AFP Saturday 16 Jul 2016   Raids killed 18 on Saturday."
    spans = SentenceSplitter().split(text, max_chars=2_000)
    assert [text[s.start : s.end] for s in spans] == [
        "Raids kill 18 Monitor AFP Saturday 16 Jul 2016",
        "Raids killed 18 on Saturday.",
    ]
