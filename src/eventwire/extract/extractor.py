"""The extract stage's entry point: `Extractor` turns an annotated article into an ArticleResult.

Holds the article walk (claims, places, context chain, events per sentence, dedup) and the
sentence selector; the rules themselves live in triggers.py, arguments.py, status.py, events.py.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from eventwire.annotate import AnnotatedArticle, AnnotatedSentence
from eventwire.extract.claims import find_claims
from eventwire.extract.context import ContextChain, dominant_countries
from eventwire.extract.cues import cue_lexicon
from eventwire.extract.dedup import Draft, deduplicate, fold_protest_arrests
from eventwire.extract.events import EventBuilder, SentenceScope, group_triggers
from eventwire.extract.lexicon import status_lexicon, trigger_lexicon
from eventwire.extract.locations import SentencePlace
from eventwire.extract.repair import repair_event_nouns, repair_split_names, repair_verb_lemmas
from eventwire.extract.responsibility import credit_responsibility
from eventwire.extract.selector import SentenceSelector
from eventwire.extract.triggers import find_triggers
from eventwire.records import ArticleResult, Claim, Place
from eventwire.settings import ExtractSettings

if TYPE_CHECKING:  # the gazetteers are only passed through; importing them loads nothing
    from eventwire.resolve.resources import Resources

log = logging.getLogger(__name__)

# Entity labels handed to the geocoder as place names found by NER.
_PLACE_LABELS = ("GPE", "LOC", "FAC")


class Extractor:
    """Events, claims and places of one annotated article (see docs/extraction.md)."""

    def __init__(self, resources: Resources, settings: ExtractSettings) -> None:
        self.resources = resources
        self.settings = settings
        self.triggers = trigger_lexicon()
        self.status = status_lexicon()
        self.builder = EventBuilder(resources, self.triggers, self.status, settings)
        self.known_verbs = self.triggers.verbs | cue_lexicon().verbs

    def sentence_selector(self, *, tiered: bool = False) -> SentenceSelector:
        """Which sentences may carry an event or an attribution and so deserve a parse.

        `tiered`: sentences with only an attribution cue are marked for a parse without NER.
        """
        return SentenceSelector.build(self.triggers, self.status, cue_lexicon(), tiered=tiered)

    def extract(self, annotated: AnnotatedArticle) -> ArticleResult:
        article = annotated.article
        for sentence in annotated.parsed:
            repair_split_names(sentence.doc)
            repair_verb_lemmas(sentence.doc, self.known_verbs)
            repair_event_nouns(sentence.doc, self.triggers)
        claims = find_claims(annotated, self.resources.actors, settings=self.settings)
        places = self._places(annotated)
        countries = dominant_countries(places)
        chain = ContextChain(self.settings.context_window_sentences, self.settings.lead_sentences)
        drafts: list[Draft] = []
        parsed = annotated.parsed
        for k, sentence in enumerate(parsed):
            following = frozenset(t.lemma_.lower() for s in parsed[k + 1 : k + 3] for t in s.doc)
            drafts.extend(
                self._sentence_events(annotated, sentence, places, countries, claims, chain, following)
            )
        sentence_of = {d.mention.id: _sentence_at(annotated, d.mention.evidence.start) for d in drafts}
        drafts = fold_protest_arrests(drafts, sentence_of)
        events = [e for e in deduplicate(drafts) if e.confidence >= self.settings.min_confidence]
        events = credit_responsibility(events, claims, lambda at: _sentence_at(annotated, at))
        return ArticleResult(article=article, events=events, claims=claims, places=places)

    def _sentence_events(
        self,
        annotated: AnnotatedArticle,
        sentence: AnnotatedSentence,
        places: list[Place],
        countries: tuple[str, ...],
        claims: list[Claim],
        chain: ContextChain,
        following: frozenset[str],
    ) -> list[Draft]:
        triggers = find_triggers(sentence.doc, self.triggers)
        if not triggers:
            return []
        groups = group_triggers(triggers, self.triggers)
        scope = SentenceScope(
            article=annotated.article,
            sentence=sentence,
            places=_sentence_places(sentence, places),
            countries=countries,
            claims=claims,
            chain=chain,
            in_lead=sentence.index < self.settings.lead_sentences,
            groups=len(groups),
            following_lemmas=following,
        )
        out = []
        for group in groups:
            built = self.builder.build(group, scope)
            chain.add(built.antecedent)
            if built.draft is not None:
                out.append(built.draft)
            else:
                log.debug("not an event (%s): %s", built.skipped, group[0].token.text)
        return out

    def _places(self, annotated: AnnotatedArticle) -> list[Place]:
        """Every place name of the article, resolved once, from NER spans and the gazetteer."""
        spans: list[tuple[int, int, str]] = []
        for sentence in annotated.parsed:
            for ent in sentence.doc.ents:
                if ent.label_ in _PLACE_LABELS:
                    spans.append((sentence.start + ent.start_char, sentence.start + ent.end_char, ent.label_))
        return self.resources.geocoder.find_places(annotated.article.text, spans)


def _sentence_at(annotated: AnnotatedArticle, offset: int) -> int:
    """Index of the sentence holding article offset `offset` (-1 outside every sentence)."""
    for sentence in annotated.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.index
    return -1


def _sentence_places(sentence: AnnotatedSentence, places: list[Place]) -> list[SentencePlace]:
    out = []
    for place in places:
        if place.start is None or place.end is None:
            continue
        if sentence.start <= place.start < sentence.end:
            span = sentence.doc.char_span(
                place.start - sentence.start,
                min(place.end, sentence.end) - sentence.start,
                alignment_mode="expand",
            )
            if span is not None and len(span):
                out.append(SentencePlace(place, span.root))
    return out
