"""The claims finder: attribution relations (speaker, cue, content, channel) from the parse.

Holds `find_claims` and `CUE_FORMS` (for the sentence selector); speakers live in
claims_speakers.py, quotation marks in claims_quotes.py, word lists in cues.py. It does
not find events or set their status (the event extractor reads the claims' content spans).
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from eventwire.annotate import AnnotatedArticle, AnnotatedSentence
from eventwire.extract.claims_headline import headline_claim
from eventwire.extract.claims_quotes import QuoteIndex, QuoteRegion
from eventwire.extract.claims_speakers import SpeakerResolver, speaker_phrase
from eventwire.extract.cues import CueLexicon, cue_lexicon
from eventwire.extract.syntax import names_a_source
from eventwire.records import Claim, Evidence, TextSpan
from eventwire.settings import ExtractSettings

if TYPE_CHECKING:
    from eventwire.resolve.actors import ActorGazetteer

# Lower-cased surface forms of every cue verb and phrase: the selector parses sentences
# holding one of these, so every attribution sentence has a parse.
CUE_FORMS: frozenset[str] = cue_lexicon().forms

PIECE_JOINER = " … "  # PolNeAR's convention for a content span in several pieces
_SUBJECTS = {"nsubj"}
_RELATIVE = {"who", "that", "which"}
# "..., adding that", "by saying that": the subject of the clause above speaks.
_SUBJECT_FROM_HEAD = {"advcl", "xcomp", "conj", "pcomp", "prep", "pobj"}
_MAX_CLIMB = 4
_CONTENT_FROM_HEAD = {"advcl", "ccomp", "parataxis"}  # "CONTENT, officials said" parsed upside down
_RECIPIENT_DEPS = {"dobj", "dative"}
_NOT_OUTLET_ENTS = {"PERSON", "GPE", "NORP", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL"}
_CONTENT_EDGE_TRIM = ",;:-–—"
_HANDOVER = ",?!-–—…"  # how a quotation hands over to a following "X said"
# Cues whose "of/for" phrase is the content: "accused X of killing", "blamed X for the attack".
_ACCUSING = frozenset({"accuse", "blame"})
# "the things he said about X": what follows names the topic, so the cue is a relative clause.
_TOPIC_PREPOSITIONS = {"about", "of", "regarding", "concerning", "over", "against", "for"}


@dataclass(frozen=True)
class _Cue:
    token: Token  # the cue verb, or "according" of "according to"
    lemma: str
    speaker: Token | None  # head of the speaker phrase
    according: bool
    # A sentence-final cue read off the word order: the content is every token before this
    # index (the speaker phrase's first token), whatever the parse hung it on.
    content_end: int | None = None
    # The speaker phrase's last token when the phrase was read off the word order too (the
    # parse hung it inside the content, so the head's subtree does not bound it).
    speaker_end: int | None = None


@dataclass(frozen=True)
class _Piece:
    start: int  # article offsets
    end: int


def find_claims(
    annotated: AnnotatedArticle,
    actors: ActorGazetteer,
    *,
    settings: ExtractSettings | None = None,
) -> list[Claim]:
    """Every attribution in the article's parsed sentences, in article order.

    A sentence without a parse contributes only as the inside of a quotation that opens
    or closes next to a cue in a parsed sentence.
    """
    finder = _ArticleClaims(annotated, actors, cue_lexicon(), settings or ExtractSettings())
    return finder.run()


class _ArticleClaims:
    """The state of one article's claim finding: quotation marks and earlier speakers."""

    def __init__(
        self,
        annotated: AnnotatedArticle,
        actors: ActorGazetteer,
        lexicon: CueLexicon,
        settings: ExtractSettings,
    ) -> None:
        self.annotated = annotated
        self.text = annotated.article.text
        self.lex = lexicon
        self.quotes = QuoteIndex(self.text)
        self.speakers = SpeakerResolver(actors, lexicon, settings.claim_pronoun_window_sentences)
        self._starts = [s.start for s in annotated.sentences]

    def run(self) -> list[Claim]:
        claims: dict[str, Claim] = {}
        for sent in self.annotated.sentences:
            if not sent.parsed:
                continue
            headline = headline_claim(sent, self.annotated.article.id, self.speakers)
            if headline is not None:
                claims[headline.id] = headline
            for cue in _find_cues(sent.doc, self.lex):
                claim = self._claim(sent, cue)
                if claim is not None and claim.id not in claims:
                    claims[claim.id] = claim
        return list(claims.values())

    # -- one cue -------------------------------------------------------------------------

    def _claim(self, sent: AnnotatedSentence, cue: _Cue) -> Claim | None:
        span = _speaker_span(cue)
        if cue.speaker is None or self._unattributed(cue.speaker, span):
            return None
        cue_at = sent.start + cue.token.idx
        in_quote = self.quotes.containing(cue_at) is not None
        if in_quote and cue.speaker.pos_ == "PRON":
            return None  # "I said …" inside a quotation: the quoted person's aside, not a claim
        frame = _frame(cue, self.lex)
        pieces = [] if in_quote else self._quoted_content(sent, cue, frame)
        direct = bool(pieces)
        if not pieces:
            pieces = self._parsed_content(sent, cue, frame)
            direct = bool(pieces) and all(self.quotes.inside(p.start, p.end) for p in pieces)
        if not pieces:
            return None
        content_set = {t.i for t in sent.doc if any(p.start <= sent.start + t.idx < p.end for p in pieces)}

        def excluded(tok: Token) -> bool:
            at = sent.start + tok.idx
            return tok.i == cue.token.i or tok.i in content_set or self.quotes.containing(at) is not None

        phrase = sent.doc[span[0].i : span[-1].i + 1] if span else speaker_phrase(cue.speaker, excluded)
        frame_tokens = [sent.doc[i] for i in sorted(frame)]
        speaker = self.speakers.resolve(cue.speaker, phrase, sent.index, in_quote, frame_tokens)
        if speaker.name is None and self._report(cue.speaker) and names_a_source(cue.speaker, span or None):
            # "Syrian state TV reported", "a CNN report": a named source, not the outlet's hedge
            speaker = speaker.model_copy(update={"name": phrase.text})
        content = TextSpan(
            text=PIECE_JOINER.join(self.text[p.start : p.end] for p in pieces),
            start=pieces[0].start,
            end=pieces[-1].end,
        )
        starts = [content.start, cue_at, sent.start + phrase.start_char]
        ends = [content.end, cue_at + len(cue.token), sent.start + phrase.end_char]
        return Claim(
            id=_claim_id(self.annotated.article.id, content.start, cue_at),
            speaker=speaker,
            cue=cue.lemma,
            channel=None if cue.according else _channel(cue.token, self.lex),
            direct_quote=direct,
            hedges=self._hedges(pieces),
            content=content,
            evidence=self._evidence(min(starts), max(ends)),
        )

    def _report(self, head: Token) -> bool:
        return (
            head.lower_ in self.lex.unattributed_nouns or head.lemma_.lower() in self.lex.unattributed_nouns
        )

    def _unattributed(self, head: Token, span: list[Token] | None = None) -> bool:
        """'according to reports', 'media reported' are the outlet's hedge, not somebody's claim;
        'state media reported', 'a CNN report' name a source."""
        return self._report(head) and not names_a_source(head, span or None)

    # -- content from quotation marks ------------------------------------------------------

    def _quoted_content(self, sent: AnnotatedSentence, cue: _Cue, frame: set[int]) -> list[_Piece]:
        """Quotations right before and/or after the cue, with only the frame between."""
        cue_at = sent.start + cue.token.idx
        cue_end = cue_at + len(cue.token)
        pieces: list[_Piece] = []
        before = self._quote_before(sent, cue_at, frame)
        if before is not None:
            pieces.append(before)
        after = self._quote_after(sent, cue_end, frame, split=before is not None)
        if after is not None:
            pieces.append(after)
        return [p for p in pieces if p.end > p.start]

    def _quote_before(self, sent: AnnotatedSentence, cue_at: int, frame: set[int]) -> _Piece | None:
        closed = [r for r in self.quotes.regions if r.closed and r.outer_end <= cue_at]
        if not closed:
            return None
        region = closed[-1]
        if region.outer_end < sent.start and self.text[region.outer_end : sent.start].strip():
            return None
        gap_from = max(region.outer_end, sent.start)
        if not _gap_is_frame(sent, gap_from, cue_at, frame) or not self._hands_over(region):
            return None
        return _inside(self.text, region)

    def _hands_over(self, region: QuoteRegion) -> bool:
        """Whether a quotation before a cue is the cue's: it stands alone from the left (starts
        a sentence or follows punctuation, not 'in a "burn bag"') and hands over to the cue
        with a comma, '?', '!' or dash (a full stop ends it: '…expressed." He said he …')."""
        before = self.text[: region.open_at].rstrip()
        if before and before[-1].isalnum():
            return False
        inside = self.text[region.start : region.end].rstrip()
        after = self.text[region.outer_end : region.outer_end + 1]
        return bool(inside) and (inside[-1] in _HANDOVER or after == ",")

    def _quote_after(
        self, sent: AnnotatedSentence, cue_end: int, frame: set[int], split: bool
    ) -> _Piece | None:
        """A quotation opening after the cue in the same sentence, or one that continues it.

        A quotation in the next sentence belongs to the cue when the cue's sentence ends
        with a colon, or when the cue followed a quotation of its own ('"A," X said. "B."')
        and the next quotation is a whole sentence with no cue of its own.
        """
        opening = [r for r in self.quotes.regions if r.open_at >= cue_end]
        if not opening:
            return None
        region = opening[0]
        gap_to = region.open_at
        # The splitter may leave an opening mark at the end of the previous sentence.
        if region.start >= sent.end:
            between = self.text[min(sent.end, region.open_at) : region.open_at]
            colon = self.text[sent.start : sent.end].rstrip().endswith(":")
            if between.strip() or not (
                colon or (split and "\n" not in between and self._whole_sentences(region))
            ):
                return None
            gap_to = min(sent.end, region.open_at)
        if not _gap_is_frame(sent, cue_end, gap_to, frame):
            return None
        # A quotation that runs on into its clause ('"artful smear" regarding …') is a phrase
        # inside indirect content, not the content.
        tail = self.text[region.outer_end : region.outer_end + 2].lstrip()
        if region.closed and tail[:1].isalnum():
            return None
        return _inside(self.text, region)

    def _whole_sentences(self, region: QuoteRegion) -> bool:
        """Whether nothing but punctuation follows the quotation in its sentence."""
        for sent in self._sentences_over(region.outer_end, region.outer_end + 1):
            tail = self.text[region.outer_end : sent.end]
            return not any(ch.isalnum() for ch in tail)
        return True

    # -- content from the parse ------------------------------------------------------------

    def _parsed_content(self, sent: AnnotatedSentence, cue: _Cue, frame: set[int]) -> list[_Piece]:
        tokens = _content_tokens(cue, self.lex)
        if not tokens:
            return []
        keep = sorted(i for i in tokens if i not in _speaker_tokens(cue) and i not in frame)
        doc = sent.doc
        if not any(doc[i].pos_ not in {"PRON", "PUNCT", "DET", "SCONJ", "CCONJ"} for i in keep):
            return []  # "denied it", "said so": no content worth a claim
        as_clause = any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.token.children)
        if as_clause and all(doc[i].pos_ in {"PRON", "AUX", "PART", "PUNCT"} for i in keep):
            return []  # "withdrew as the army said it would": a comparison, nothing attributed
        return [
            _Piece(sent.start + doc[a].idx, sent.start + doc[b].idx + len(doc[b]))
            for a, b in _runs(doc, keep)
        ]

    # -- hedges and evidence ---------------------------------------------------------------

    def _hedges(self, pieces: list[_Piece]) -> list[str]:
        found: list[str] = []
        for piece in pieces:
            for word in self._words_in(piece.start, piece.end):
                if word in self.lex.hedges and word not in found:
                    found.append(word)
        return found

    def _words_in(self, start: int, end: int) -> Iterator[str]:
        for sent in self._sentences_over(start, end):
            for tok in sent.doc:
                at = sent.start + tok.idx
                if start <= at < end:
                    yield tok.lower_

    def _sentences_over(self, start: int, end: int) -> list[AnnotatedSentence]:
        first = max(bisect_right(self._starts, start) - 1, 0)
        out = []
        for sent in self.annotated.sentences[first:]:
            if sent.start >= end:
                break
            if sent.end > start:
                out.append(sent)
        return out

    def _evidence(self, start: int, end: int) -> Evidence:
        sents = self._sentences_over(start, end)
        lo, hi = sents[0].start, sents[-1].end
        return Evidence(sentence=self.text[lo:hi], start=lo, end=hi)


# -- cues ------------------------------------------------------------------------------------


def _find_cues(doc: Doc, lex: CueLexicon) -> Iterator[_Cue]:
    for tok in doc:
        low = tok.lower_
        if low in lex.according_to:
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            pobj = None if to is None else next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                yield _Cue(tok, "according to", pobj, according=True)
        elif low in lex.lemma_of and tok.pos_ == "VERB" and not _negated(tok, lex):
            lemma = lex.lemma_of[low]
            subject = _subject(tok)
            object_is_frame = lemma in lex.recipient_lemmas or lemma == "quote"  # "told AFP", "quoted X"
            final = _final_speaker(tok, object_is_frame, quoting=lemma == "quote")
            if final is not None and lemma not in lex.final_lemmas and not _person(final[0]):
                final = None  # "shelling has continued": only "he continued", "Ali continued" is speech
            if final is None and subject is None:
                final = _trailing_speaker(tok)
            cue = _Cue(tok, lemma, subject, according=False)
            misread = final is not None and _misread(tok, subject, final[0], object_is_frame)
            if final is not None and (misread or _orphans(cue, final[1], lex)):
                # The word order bounds the speaker better than the parse where both read it
                # ('shook the port of Latakia | state news agency SANA reported').
                span = _end_speaker(tok, lemma, lex) if final[0].i < tok.i else None
                if span is not None and span[0] != final[1] and not _named_apposition(doc, final[1], span[0]):
                    first, last = span
                    yield _Cue(
                        tok, lemma, _span_head(doc, first, last), False, content_end=first, speaker_end=last
                    )
                else:
                    yield _Cue(tok, lemma, final[0], according=False, content_end=final[1])
                continue
            # The parse gave the cue no speaker or nothing to attribute: read the sentence end
            # off the word order instead (FA-KES lost the commas that set such cues off).
            lost = subject is None or not _content_tokens(cue, lex)
            # "an organisation monitoring the conflict said": the parse took the participle's
            # object for the speaker
            lost = lost or (final is not None and final[1] > 0 and doc[final[1] - 1].tag_ == "VBG")
            inverted = _inverted_speaker(tok, subject, lex) if subject is not None else None
            inverted = inverted or _said_name(tok, lemma)
            span = _end_speaker(tok, lemma, lex) if lost and inverted is None else None
            if inverted is not None:
                yield _Cue(tok, lemma, inverted, according=False, content_end=tok.i)
            elif span is not None:
                first, last = span
                yield _Cue(
                    tok, lemma, _span_head(doc, first, last), False, content_end=first, speaker_end=last
                )
            else:
                yield cue


def _negated(verb: Token, lex: CueLexicon) -> bool:
    if any(c.dep_ in {"neg", "advmod", "preconj"} and c.lower_ in lex.negators for c in verb.children):
        return True
    # "No group has claimed responsibility", "nobody said": a negated speaker attributes nothing.
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    return subject.lower_ in ("nobody", "none", "noone") or any(
        c.dep_ == "det" and c.lower_ == "no" for c in subject.children
    )


def _subject(verb: Token) -> Token | None:
    """The speaker's head: the verb's subject, a relative pronoun's antecedent, or the subject
    of the clause a participle hangs from ('..., adding that', 'by saying that')."""
    tok = verb
    for _ in range(_MAX_CLIMB):
        for child in tok.children:
            if child.dep_ in _SUBJECTS and (tok is verb or child.i < verb.i):
                if child.lower_ in _RELATIVE and tok.dep_ == "relcl":
                    return tok.head
                return child
        if tok.dep_ == "acl" and tok is verb and tok.head.pos_ in {"NOUN", "PROPN"}:
            return tok.head  # "voters saying they want ...", "a statement saying that ..."
        if tok.dep_ not in _SUBJECT_FROM_HEAD or tok.head is tok:
            return None
        tok = tok.head
    return None


def _final_speaker(verb: Token, object_is_frame: bool, quoting: bool = False) -> tuple[Token, int] | None:
    """'... killed 25 people the Observatory said.': a finite cue that ends its sentence, with
    only its own adjuncts after it ('on Monday', 'in a statement', 'told AFP', 'quoted the
    ministry as saying'), and a noun phrase right before it. Returns that phrase's head and
    first token index, when a clause precedes the phrase."""
    doc = verb.doc
    finite = verb.tag_ in {"VBD", "VBZ", "VBP"} or any(
        c.dep_ == "aux" and c.tag_ != "TO" for c in verb.children
    )
    if not finite or any(c.dep_ == "mark" for c in verb.children):
        return None  # "to tell their story", "caucus reported by polls", "as X said"
    own = {t.i for t in verb.subtree}
    for tok in doc[verb.i + 1 :]:
        if tok.is_punct or tok.is_space:
            continue
        if quoting and tok.dep_ == "pcomp" and tok.head.lower_ == "as" and tok.lemma_ == "say":
            continue  # "quoted the ministry as saying"
        if tok.i not in own or tok.pos_ in {"VERB", "AUX"}:
            return None
        if (
            tok.head.i == verb.i
            and tok.dep_ not in {"prep", "npadvmod", "advmod", "agent"}
            and not (object_is_frame and tok.dep_ in _RECIPIENT_DEPS and (quoting or _addressee(tok)))
        ):
            return None  # "said it", "said so", "told the story": the cue's own content follows it
    last = verb.i - 1
    while last >= 0 and doc[last].head.i == verb.i and doc[last].dep_ in {"aux", "advmod", "neg"}:
        last -= 1  # "has also said"
    if last > 0 and doc[last].text == ")":
        opening = next((t.i for t in reversed(doc[:last]) if t.text == "("), None)
        last = opening - 1 if opening is not None else last  # "Syria Live Network (SLN) reported"
    if last <= 0 or doc[last].pos_ not in {"NOUN", "PROPN", "PRON"} or doc[last].lower_ in _RELATIVE:
        return None
    head = doc[last]
    while head.dep_ != "appos" and _within_phrase(head, verb, last):
        head = head.head
    if head.pos_ not in {"NOUN", "PROPN", "PRON"} or head.dep_ == "pobj":
        return None  # "Chad's Ambassador to France": a phrase cut inside, not a speaker
    first = min(t.i for t in _phrase(head, verb))
    if not any(t.pos_ in {"VERB", "AUX"} for t in doc[:first]):
        return None
    return head, first


def _trailing_speaker(verb: Token) -> tuple[Token, int] | None:
    """'... were killed in the strike said the Civil Defence.': a subjectless cue whose content
    stands before it (a clause complement to its left) and whose speaker is the noun phrase
    right after it, to the end of the sentence. Returns the speaker's head and the cue's index
    (the content ends before the cue)."""
    doc = verb.doc
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children) or verb.i + 1 >= len(doc):
        return None
    span = [t for t in doc[verb.i + 1 :] if not (t.is_punct or t.is_space)]
    nouns = [t for t in span if t.pos_ in {"NOUN", "PROPN"}]
    if not nouns or span[0].pos_ not in {"DET", "PROPN", "NOUN", "ADJ"}:
        return None
    head = nouns[0]
    while head.head.i != head.i and verb.i < head.head.i and head.head.pos_ in {"NOUN", "PROPN"}:
        head = head.head
    return head, verb.i


# Adjuncts a sentence-final cue may keep: 'said on Monday', 'in a statement', 'in an updated
# toll', 'without giving details', 'on condition of anonymity', 'quoted ... by local media'.
_AFTER_PREPOSITIONS = frozenset(
    {"in", "on", "at", "during", "without", "after", "before", "from", "via", "with"}
)
_ASIDE_MARKS = frozenset({",", ";", ":", "-", "—", "–"})
# "the correspondent added quoting state TV", "the Observatory reported updating an earlier toll"
_AFTER_PARTICIPLES = frozenset({"quote", "cite", "update", "give"})
# Subordinate clauses a sentence-final cue may keep: "said as rebels advanced", "said while ..."
_AFTER_MARKS = frozenset({"as", "while", "when", "after", "before"})
_DETERMINERS = frozenset({"a", "an", "the"})
# What makes a speaker before a cue the cue's object or a subordinate clause's subject instead:
# 'what the army said', 'the toll that the monitor reported', 'after the minister said'.
_NOT_BEFORE_SPEAKER = frozenset(
    {"what", "which", "who", "whom", "whose", "that", "how", "where", "why"}  # an object clause
    | {"as", "after", "before", "since", "until", "when", "while", "because", "if", "than", "like", "whether"}
)
_PLURAL_MODIFIERS = frozenset(
    {"rights", "arms", "news", "affairs", "operations", "relations", "services", "sports"}
)
_NOMINATIVE = frozenset({"he", "she", "they", "we", "i", "it"})  # "it said": the monitor, the ministry
_NAME_LINKS = frozenset({"of", "for"})  # "Observatory for Human Rights", "Union of Medical Organisations"
# "the ambassador to the United Nations", "the head of X", "the defence ministry in Damascus"
_LINKED_HEADS = frozenset({"of", "for", "to", "in", "at"})


def _end_speaker(verb: Token, lemma: str, lex: CueLexicon) -> tuple[int, int] | None:
    """'... killed three farmers near Hama Syria Relief Network (SRN) reported.': a reporting
    cue that ends its sentence (only adjuncts after it) whose speaker the parse hung inside the
    content. The speaker is read off the word order: the noun phrase right before the cue,
    from a determiner or the start of a name run. Returns its first and last token index."""
    doc = verb.doc
    if any(c.dep_ == "mark" for c in verb.children):
        return None  # "as the army said it would"
    quoting = lemma == "quote"
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if passive and not quoting:
        return None  # "the attack which killed 20 civilians was confirmed on Monday": no speaker
    has_aux = any(c.dep_ == "aux" and c.tag_ != "TO" for c in verb.children)
    if verb.tag_ == "VBN" and not (has_aux or passive):
        # A bare participle is a finite verb mis-tagged only when the parse does not hang it on
        # the noun right before it ('a plan announced earlier', 'the outlet reported').
        if (
            verb.dep_ in {"acl", "amod", "relcl"}
            and verb.head.i == verb.i - 1
            and not _speaker_noun(verb.head, lex)
        ):
            return None  # "a plan announced earlier"; "... the observatory reported" has a speaker
    elif verb.tag_ not in {"VBD", "VBZ", "VBP"} and not (has_aux or passive):
        return None
    if not _only_adjuncts_after(verb, lemma, lex):
        return None
    last = verb.i - 1
    while last >= 0 and doc[last].head.i == verb.i and doc[last].dep_ in {"aux", "auxpass", "advmod", "neg"}:
        last -= 1  # "have said", "was quoted", "also said"
    end = last
    if last > 1 and doc[last].text == ")":
        opening = next((t.i for t in reversed(doc[max(last - 4, 0) : last]) if t.text == "("), None)
        if opening is None or not all(t.pos_ in {"PROPN", "NOUN"} for t in doc[opening + 1 : last]):
            return None
        last = opening - 1  # "Syria Relief Network (SRN)": the acronym belongs to the name
    if last <= 0:
        return None
    tok = doc[last]
    if tok.pos_ == "PRON":
        first = last if tok.lower_ in _NOMINATIVE else None  # "... killed 20 people he said"
    elif lemma not in lex.final_lemmas and not _person(tok):
        first = None  # "the fighting continued": only "he continued", "Ali continued" is speech
    elif tok.ent_type_ in {"DATE", "TIME"}:
        first = None  # "papers filed on Sunday night revealed"
    elif tok.pos_ in {"NOUN", "PROPN"} and tok.lower_ not in _RELATIVE:
        first = _phrase_start(doc, last, lex)
    else:
        first = None
    if first is None or first == 0:
        return None
    before = doc[first - 1]
    if before.lower_ == "and" and first >= 2 and doc[first - 2].pos_ in {"NOUN", "PROPN"}:
        # "killing eight people local activists and a rescue worker said": coordinated
        # speakers, when the first conjunct names a source and is set off from the content by
        # a phrase boundary (not "killed 20 civilians and the monitor said").
        left = _phrase_start(doc, first - 2, lex)
        names = left is not None and any(_speaker_noun(t, lex) for t in doc[left : first - 1])
        if names and left and doc[left - 1].pos_ in {"NOUN", "PROPN"}:
            first = left
            before = doc[first - 1]
    if before.lower_ in _NOT_BEFORE_SPEAKER or before.pos_ in {"CCONJ", "SCONJ"}:
        return None
    if not any(t.pos_ in {"VERB", "AUX"} for t in doc[:first]):
        return None  # no clause before the speaker: nothing to attribute
    return first, end


def _said_name(verb: Token, lemma: str) -> Token | None:
    """'... without causing more deaths said Barazi.': 'say' takes no person for its object, so a
    name the parse made its object at the end of the sentence is the speaker, inverted."""
    if lemma != "say":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or not (obj.pos_ == "PROPN" or obj.ent_type_ == "PERSON") or obj.i < verb.i:
        return None
    after = verb.doc[obj.right_edge.i + 1 :]
    return obj if all(t.is_punct or t.is_space for t in after) else None


def _named_apposition(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) are a person's name before a title the word order found on
    its own ('Ali | a Homs resident said'): the parse's longer speaker is then right."""
    return start < end and all(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in doc[start:end])


def _person(tok: Token) -> bool:
    """A pronoun or a person's name: a speaker whatever the cue ('he continued', 'Ali asked')."""
    return tok.pos_ == "PRON" or tok.ent_type_ == "PERSON"


def _speaker_noun(tok: Token, lex: CueLexicon) -> bool:
    """A person, role or outlet noun ('activists', 'agency', 'media', 'source')."""
    words = lex.anonymous_nouns | lex.spokesperson_nouns | lex.title_nouns | lex.unattributed_nouns
    return tok.pos_ == "NOUN" and (tok.lower_ in words or tok.lemma_.lower() in words)


def _phrase_start(doc: Doc, last: int, lex: CueLexicon) -> int | None:
    """The first token of the noun phrase that ends at `last`, read off the word order: back to
    a determiner ('the Syrian Observatory for Human Rights monitor'), else over a name run
    that stops where a new phrase shows ('people local activists': an adjective after a noun;
    'farmers activists': a plural noun before a noun; 'Latakia state media').
    None when the phrase is a preposition's or participle's object ('in the city said')."""
    i = last
    while i > 0:
        prev, cur = doc[i - 1], doc[i]
        if prev.lower_ in _DETERMINERS or prev.tag_ == "PRP$":
            return _linked_start(doc, i - 1, lex)  # "the monitor", "his spokesman"
        hyphened = i >= 2 and doc[i - 2].text == "-" and not doc[i - 2].whitespace_
        if prev.tag_ == "POS" or not prev.whitespace_ or (prev.tag_ == "VBN" and hyphened):
            i -= 1  # "Russia's", "London-based", "al-Nusra"
            continue
        linking = prev.pos_ == "ADP" and (prev.lower_ in _NAME_LINKS or prev.is_title)
        if linking and _capitalised(cur) and i >= 2 and _capitalised(doc[i - 2]):
            i -= 1  # "Network for Human Rights", "UN Under Secretary"
            continue
        if prev.pos_ not in {"NOUN", "PROPN", "ADJ"} or prev.is_punct:
            break
        if prev.pos_ in {"NOUN", "PROPN"} and cur.pos_ == "ADJ":
            return _past_dates(doc, i, last)  # "eight people | local activists"
        if prev.tag_ == "NNS" and cur.pos_ in {"NOUN", "PROPN"} and not _modified(doc, i - 1):
            return _past_dates(doc, i, last)  # "among farmers | activists", not "the rights group"
        if prev.pos_ == "NOUN" and cur.pos_ == "PROPN" and _capitalised(cur) and not _speaker_noun(prev, lex):
            return i  # "did their shopping | Ahmed Ali", not "news agency SANA"
        if prev.like_num or prev.ent_type_ in {"ORDINAL", "CARDINAL"}:
            return i  # "wounding a third | SANA"
        if cur.lower_ == "state" and prev.pos_ != "ADJ" and not (prev.is_upper and len(prev) > 1):
            return i  # "of Latakia | state news agency SANA", not "SANA state news agency"
        i -= 1
    i = _past_dates(doc, i, last)
    # A common noun the parse hangs on a word of the content, with more of the run after it,
    # ends the content: "did their shopping | Ahmed Ali said", "in police custody | the group".
    for tok in doc[i:last]:
        if tok.pos_ == "NOUN" and tok.dep_ in {"pobj", "dobj"} and tok.head.i < i and not _capitalised(tok):
            i = tok.i + 1
    if i > 0 and doc[i - 1].pos_ == "ADP":
        # The run opens with the preposition's object: "in Douma | activists", "of Hama | Syria
        # Relief Network", "near the blast | AFP correspondent"; a run that is all object ("the
        # defence ministry in Damascus") needs the phrase the preposition hangs from.
        linked = _linked_start(doc, i, lex)
        if linked is not None and linked < i:
            return linked
        return _object_end(doc, i, last)
    return i


def _modified(doc: Doc, i: int) -> bool:
    """Whether plural noun `i` modifies the noun after it ('human rights group', 'arms dealer')
    or follows a determiner that opens the phrase ('the organizations head'), so it does not
    end the content ('among farmers | activists', 'killing 40 fighters | Russias ministry')."""
    return doc[i].lower_ in _PLURAL_MODIFIERS or (
        i > 0 and (doc[i - 1].lower_ in _DETERMINERS or doc[i - 1].tag_ == "PRP$")
    )


def _capitalised(tok: Token) -> bool:
    return tok.is_title or (tok.is_upper and tok.is_alpha)


def _past_dates(doc: Doc, i: int, last: int) -> int:
    """The run's start past a leading date ('seized the town last week | UN envoy Ali')."""
    while i < last and doc[i].ent_type_ in {"DATE", "TIME"}:
        i += 1
    return i


def _object_end(doc: Doc, i: int, last: int) -> int | None:
    """Where the speaker starts in a run opening with a preposition's object: after its first
    name (a whole place entity, or a word with its hyphened parts) when that is a proper name
    or a common noun right before a name. None when nothing would be left."""
    while i < last and doc[i].pos_ == "ADJ" and not doc[i].is_title:
        i += 1  # "in northern | Syria | the agency"
    first = doc[i]
    # A capitalised adjective before another capitalised word is a place mis-tagged ("Hama").
    named = first.pos_ == "PROPN" or (
        first.pos_ == "ADJ" and first.is_title and i < last and doc[i + 1].is_title
    )
    if first.pos_ != "NOUN" and not named:
        return None
    end = i
    if first.ent_iob_ == "B" and first.ent_type_ in {"GPE", "LOC", "FAC"}:
        while end + 1 <= last and doc[end + 1].ent_iob_ == "I":
            end += 1
        if end >= last or doc[end + 1].lower_ in _NAME_LINKS:
            end = i  # the entity swallowed the speaker ("Hama Syria Relief Network", "Douma
            # Syrian Network | for Human Rights")
    while end + 1 <= last and (not doc[end].whitespace_ or doc[end + 1].text == "-"):
        end += 1
    if end >= last or not (named or doc[end + 1].pos_ == "PROPN"):
        return None
    return end + 1


def _linked_start(doc: Doc, start: int, lex: CueLexicon) -> int | None:
    """A phrase from `start` (a determiner or a bare name), or from the person or role noun it
    is linked to ('the ambassador to | the United Nations', 'a source at | Hama Police
    Command'); None when a preposition or a participle takes the phrase ('in the city said',
    'monitoring the conflict said')."""
    linked = start >= 2 and doc[start - 1].lower_ in _LINKED_HEADS
    if linked and _speaker_noun(doc[start - 2], lex):
        j = start - 2
        while j > 0 and doc[j - 1].pos_ in {"NOUN", "ADJ"} and j > start - 5:
            j -= 1
        if j > 0 and doc[j - 1].lower_ in _DETERMINERS:
            return j - 1
    if start > 0 and doc[start - 1].tag_ == "VBG":
        # "an organisation monitoring | the conflict said": the participle's noun speaks
        noun = doc[start - 1].head
        if doc[start - 1].dep_ == "acl" and noun.i == start - 2 and noun.left_edge.lower_ in _DETERMINERS:
            return noun.left_edge.i
        return None
    if start > 0 and doc[start - 1].pos_ == "ADP":
        return None
    return start


def _only_adjuncts_after(verb: Token, lemma: str, lex: CueLexicon) -> bool:
    """Whether everything after the cue is its own adjunct ('on Monday', 'in a statement',
    'without giving further details', 'told AFP', 'quoted ... as saying by local media'),
    not an object or clause of its own ('said it', 'reported that ...', 'added to the toll')."""
    doc = verb.doc
    after = {t.i for t in doc[verb.i + 1 :] if not (t.is_punct or t.is_space)}
    if after and any(t.text in _ASIDE_MARKS for t in doc[verb.i + 1 : max(after)]):
        return False  # "no different, he said, from last year's": an aside mid-sentence
    for i in sorted(after):
        tok = doc[i]
        if tok.head.i in after and tok.head.i != tok.i:
            continue  # inside a phrase whose top is checked
        dep = tok.dep_
        if lemma == "quote" and dep == "prep" and tok.lower_ in {"as", "by"}:
            continue  # "quoted the ministry as saying", "was quoted as saying by local media"
        if dep == "prep" and tok.lower_ in _AFTER_PREPOSITIONS:
            continue
        if dep in {"npadvmod", "advmod"} and tok.lower_ not in {"so", "that"}:
            continue  # "said Tuesday", "said earlier"
        if tok.ent_type_ in {"DATE", "TIME"}:
            continue
        if dep in _RECIPIENT_DEPS and lemma in lex.recipient_lemmas and _addressee(tok):
            continue  # "told AFP", "told reporters"
        if (
            tok.tag_ == "VBG"
            and tok.lemma_ in _AFTER_PARTICIPLES
            and not any(c.dep_ == "nsubj" for c in tok.children)
        ):
            continue
        if (
            dep == "advcl"
            and tok.head.i == verb.i
            and any(c.dep_ == "mark" and c.lower_ in _AFTER_MARKS for c in tok.children)
        ):
            continue  # "... a monitoring group said as rebels took territory to the south"
        return False
    return True


def _addressee(tok: Token) -> bool:
    """Whether a cue's object is whom it was told ('AFP', 'reporters', 'a news conference in
    Geneva'), a short phrase with no clause or topic, not what ('the story of the siege')."""
    words = list(tok.subtree)
    return len(words) <= 8 and not any(
        t.pos_ in {"VERB", "AUX"} or t.lower_ in _TOPIC_PREPOSITIONS for t in words
    )


def _span_head(doc: Doc, first: int, last: int) -> Token:
    """The head of a speaker phrase read off the word order: its first noun that the parse hangs
    outside the phrase ('the Syrian Network for Human Rights (SNHR)': 'Network'), else
    its last noun before an acronym."""
    closing = next((t.i for t in doc[first : last + 1] if t.text == "("), last + 1)
    nouns = [t for t in doc[first:closing] if t.pos_ in {"NOUN", "PROPN", "PRON"}]
    roots = [t for t in nouns if not first <= t.head.i <= last or t.head.i == t.i]
    return roots[0] if roots else nouns[-1] if nouns else doc[last]


def _inverted_speaker(verb: Token, subject: Token, lex: CueLexicon) -> Token | None:
    """'A car bomb killed at least seven people said the Civil Defence': an
    inverted cue whose clause complement stands to its left, with the content's last noun
    read as the cue's subject and the speaker as its object. Returns the speaker's head."""
    doc = verb.doc
    lemma = lex.lemma_of.get(verb.lower_, "")
    if lemma not in lex.final_lemmas or lemma in lex.recipient_lemmas or subject.pos_ == "PRON":
        return None
    left = [c for c in verb.children if c.dep_ == "ccomp" and c.i < subject.left_edge.i]
    if not left or subject.i > verb.i or left[-1].right_edge.i + 1 != subject.left_edge.i:
        return None  # the subject must follow the complement directly, as the content's end
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.left_edge.i != verb.i + 1 or obj.pos_ not in {"PROPN", "NOUN"}:
        return None
    if not all(t.is_punct or t.is_space for t in doc[obj.right_edge.i + 1 :]):
        return None
    name = list(obj.subtree)
    if len(name) > 8 or any(
        t.pos_ in {"VERB", "AUX"} or (t.pos_ == "ADP" and t.lower_ not in _NAME_LINKS) for t in name
    ):
        return None  # "said a district next to the only road into the city": not a name
    if not any(t.pos_ == "PROPN" for t in name):
        return None
    return obj


def _within_phrase(tok: Token, verb: Token, last: int) -> bool:
    """Whether `tok`'s head still belongs to the noun phrase that ends at token `last`: a noun,
    a coordinated speaker ('a monitor and activists'), or 'of'/'for' inside a name ('the
    Observatory for Human Rights', 'the head of the army')."""
    head = tok.head
    if head.i == tok.i or head.i >= verb.i:
        return False
    if head.pos_ == "ADP":
        if head.lower_ not in {"of", "for"}:
            return False
    elif head.pos_ not in {"NOUN", "PROPN"} and not (tok.dep_ == "conj" and head.pos_ == "PRON"):
        return False
    return all(t.i <= last for t in _phrase(head, verb))


def _phrase(node: Token, verb: Token) -> list[Token]:
    """`node`'s subtree, less the cue's own subtree where the parse put the cue inside it."""
    subtree = list(node.subtree)
    if node.left_edge.i <= verb.i <= node.right_edge.i:
        own = {t.i for t in verb.subtree}
        return [t for t in subtree if t.i not in own]
    return subtree


def _misread(verb: Token, subject: Token | None, final: Token, object_is_frame: bool = False) -> bool:
    """Whether the parse's reading of a sentence-final cue loses its speaker: no subject; a
    subject glued onto the content's last verb of which the phrase before the cue is only a
    part ('killed 25 members of the Front the Observatory said': the Observatory read as the
    members' appositive); or the cue read as a relative clause on the content's last noun ('a
    nerve agent the WHO said', not 'things the WHO said about X') or as a verb conjoined with
    the content's ('... in Douma activists said')."""
    if subject is None:
        return True
    if final.i > verb.i:
        return False  # a speaker after the cue is only taken when the cue has no subject
    if subject.i != final.i:
        start = subject.left_edge.i
        glued = start > 0 and not verb.doc[start - 1].is_punct
        return glued and final.i in {t.i for t in subject.subtree} and subject.i < final.left_edge.i
    return (
        verb.dep_ in {"relcl", "acl", "conj"}
        and any(c.dep_ == "nsubj" and c.i == final.i for c in verb.children)
        and not any(c.dep_ == "ccomp" or (c.dep_ == "dobj" and not object_is_frame) for c in verb.children)
        and not any(c.dep_ == "prep" and c.lower_ in _TOPIC_PREPOSITIONS for c in verb.children)
    )


def _orphans(cue: _Cue, first: int, lex: CueLexicon) -> bool:
    """Whether words before a sentence-final speaker fall outside the parse's content: 'Two
    workers were killed when an air strike hit their office, the service said', with the
    when-clause hung on 'said'. The content is then everything before the speaker."""
    content = _content_tokens(cue, lex)
    speaker = {t.i for t in _phrase(cue.speaker, cue.token)} if cue.speaker is not None else set()
    return bool(content) and any(
        not (t.is_punct or t.is_space) and t.i not in content and t.i not in speaker
        for t in cue.token.doc[:first]
    )


def _speaker_span(cue: _Cue) -> list[Token]:
    """The speaker phrase read off the word order, or [] when the parse bounds it."""
    if cue.speaker_end is None or cue.content_end is None:
        return []
    return list(cue.token.doc[cue.content_end : cue.speaker_end + 1])


def _speaker_tokens(cue: _Cue) -> set[int]:
    """The speaker's subtree, less the cue's own ('Smith, who added that ...' holds its cue)."""
    if cue.speaker is None:
        return set()
    if cue.speaker_end is not None:
        return {t.i for t in _speaker_span(cue)}
    return {t.i for t in cue.speaker.subtree} - {t.i for t in cue.token.subtree}


def _content_heads(cue: _Cue, lex: CueLexicon) -> list[Token]:
    """Heads of the content under a verb cue: its clause complement, the object of 'denied',
    or the that-clause hanging from 'in a statement' ('said in a statement that ...')."""
    tok = cue.token
    heads = [c for c in tok.children if c.dep_ == "ccomp"]
    if cue.lemma in lex.object_content_lemmas:
        heads += [c for c in tok.children if c.dep_ == "dobj"]
    if cue.lemma in _ACCUSING and not heads:
        # "accused Belgium of killing six civilians": the accused and the charge
        charge = [p for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "for")]
        if charge:
            heads += [c for c in tok.children if c.dep_ == "dobj"] + charge
    if heads:
        return heads
    for prep in (c for c in tok.children if c.dep_ == "prep"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in lex.channel_nouns):
            heads += [
                c
                for c in pobj.children
                if c.dep_ in {"acl", "ccomp", "relcl"}
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ]
    return heads


def _frame(cue: _Cue, lex: CueLexicon) -> set[int]:
    """Tokens that introduce the content: cue, speaker, recipient, channel, adverbs."""
    if cue.according:
        return {t.i for t in cue.token.subtree}
    if cue.content_end is not None:
        content = set(range(cue.content_end))
    else:
        content = {t.i for h in _content_heads(cue, lex) for t in h.subtree}
    frame = {cue.token.i} | _speaker_tokens(cue)
    for child in cue.token.children:
        if child.dep_ not in {"xcomp", "parataxis"}:
            frame |= {t.i for t in child.subtree}
    return frame - content


def _content_tokens(cue: _Cue, lex: CueLexicon) -> set[int]:
    tok = cue.token
    if cue.content_end is not None:
        return set(range(cue.content_end))
    if cue.according:
        head = tok.head
        while head.pos_ not in {"VERB", "AUX"} and head.dep_ != "ROOT" and head.head is not head:
            head = head.head
        if head is tok:
            return set()
        own = {t.i for t in tok.subtree}
        if _closes_sentence(tok):
            # "X happened when Y hit Z according to officials": wherever the parse attached it,
            # a closing "according to" frames the whole sentence, not only its last clause.
            return {t.i for t in tok.doc} - own
        return {t.i for t in head.subtree} - own
    heads = _content_heads(cue, lex)
    if heads:
        return {t.i for h in heads for t in h.subtree}
    head = tok.head
    as_clause = tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
    upside_down = as_clause or tok.dep_ == "parataxis" or (tok.dep_ in _CONTENT_FROM_HEAD and head.i < tok.i)
    if head is not tok and upside_down and head.pos_ in {"VERB", "AUX"} and _set_off(cue):
        return {t.i for t in head.subtree} - {t.i for t in tok.subtree}
    return set()


def _closes_sentence(tok: Token) -> bool:
    """Whether only punctuation follows `tok`'s phrase in its sentence."""
    return all(t.is_punct or t.is_space for t in tok.doc[tok.right_edge.i + 1 :])


def _set_off(cue: _Cue) -> bool:
    """Whether the cue clause is set off by punctuation ('CONTENT, officials said'), as
    opposed to a verb embedded in the content's own clause ('Let me say')."""
    if cue.token.left_edge.i == 0 or (cue.token.dep_ == "advcl" and cue.token.i < cue.token.head.i):
        return True  # "As the Post reported, CONTENT"
    first = min(cue.token.i, cue.speaker.i if cue.speaker is not None else cue.token.i)
    left = cue.token.doc[first].left_edge.i if cue.speaker is not None else first
    return left > 0 and cue.token.doc[left - 1].is_punct


def _runs(doc: Doc, keep: list[int]) -> Iterator[tuple[int, int]]:
    """Maximal runs of consecutive kept tokens, trimmed of edge punctuation and 'that'."""
    if not keep:
        return
    runs: list[list[int]] = [[keep[0]]]
    for i in keep[1:]:
        if i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    for n, run in enumerate(runs):
        toks = [doc[i] for i in run]
        while toks and (_edge_junk(toks) or (n == 0 and toks[0].dep_ == "mark" and toks[0].lower_ == "that")):
            toks.pop(0)
        while toks and _edge_junk(toks, last=True):
            toks.pop()
        if toks:
            yield toks[0].i, toks[-1].i


def _edge_junk(toks: list[Token], last: bool = False) -> bool:
    """Whether the first (or last) token is the frame's, not the content's."""
    tok = toks[-1] if last else toks[0]
    if tok.is_quote:
        # A quotation mark stays when it pairs with one inside: '"several suspects" had been'.
        return sum(t.is_quote for t in toks) % 2 == 1
    # Closing brackets stay: "[Syria's]" ends a content.
    return tok.is_space or tok.dep_ == "cc" or (tok.is_punct and not tok.is_right_punct)


def _gap_is_frame(sent: AnnotatedSentence, start: int, end: int, frame: set[int]) -> bool:
    """Whether every token of `sent` in [start, end) is punctuation or part of the cue's frame."""
    for tok in sent.doc:
        at = sent.start + tok.idx
        if start <= at < end and not (tok.is_punct or tok.is_space or tok.i in frame):
            return False
    return True


def _inside(text: str, region: QuoteRegion) -> _Piece:
    """The words inside a quotation, without edge spaces and the comma that hands over to the cue."""
    start, end = region.start, region.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _CONTENT_EDGE_TRIM):
        end -= 1
    return _Piece(start, end)


# -- channel ---------------------------------------------------------------------------------


def _channel(cue: Token, lex: CueLexicon) -> str | None:
    """The named outlet or platform the speaker spoke to; None for 'told reporters'."""
    lemma = lex.lemma_of.get(cue.lower_, "")
    if lemma in lex.recipient_lemmas:
        for child in cue.children:
            if child.dep_ in _RECIPIENT_DEPS and _is_outlet(child):
                return _name(child)
    for holder in _channel_holders(cue):
        found = _channel_in_preps(holder, lex)
        if found is not None:
            return found
    return None


def _channel_holders(cue: Token) -> Iterable[Token]:
    """The cue and a 'speaking to' / 'talking with' participle under it."""
    yield cue
    for child in cue.children:
        if child.dep_ in {"advcl", "xcomp"} and child.lemma_ in {"speak", "talk"}:
            yield child


def _channel_in_preps(holder: Token, lex: CueLexicon) -> str | None:
    for prep in (c for c in holder.children if c.dep_ == "prep"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if prep.lower_ == "on" and _name(pobj).lower() in lex.platforms:
                return _name(pobj)
            if prep.lower_ in {"to", "with"} and _is_outlet(pobj):
                return _name(pobj)
            if pobj.lemma_.lower() in lex.channel_nouns:
                for inner in (c for c in pobj.children if c.dep_ == "prep" and c.lower_ in {"to", "with"}):
                    for outlet in (c for c in inner.children if c.dep_ == "pobj"):
                        if _is_outlet(outlet):
                            return _name(outlet)
    return None


def _is_outlet(tok: Token) -> bool:
    """A named organisation that is not a person or a place: media outlets in practice."""
    return tok.pos_ == "PROPN" and tok.ent_type_ not in _NOT_OUTLET_ENTS


def _name(tok: Token) -> str:
    """The entity span holding `tok` ('The Times of Israel'), else its compound name."""
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent.text
    left = tok.i
    while left > 0 and tok.doc[left - 1].dep_ == "compound" and tok.doc[left - 1].head.i == tok.i:
        left -= 1
    return tok.doc[left : tok.i + 1].text


def _claim_id(article_id: str, content_start: int, cue_start: int) -> str:
    key = f"{article_id}:{content_start}:{cue_start}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
