"""The cheap first pass that decides which sentences get a full spaCy parse.

Holds frozen sets of lower-cased word forms (event triggers; attribution cues, hedges and
denials) and a regex-free token split; it does not parse. Recall of the whole system
depends on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from eventwire.annotate import Need
from eventwire.extract.cues import CueLexicon
from eventwire.extract.lexicon import StatusLexicon, TriggerLexicon
from eventwire.extract.repair import repair_event_nouns
from eventwire.extract.triggers import find_triggers

_STRIP = "\"'“”‘’.,;:!?()[]{}«»—–…"


@dataclass(frozen=True)
class SentenceSelector:
    words: frozenset[str]  # every form that earns a sentence a parse
    # Forms of event triggers: their sentences also get named entities (actors, places).
    # None: every selected sentence gets them.
    trigger_words: frozenset[str] | None = None
    # Tiered only: the lexicon that confirms a trigger on the parse before NER is paid for.
    triggers: TriggerLexicon | None = None

    @classmethod
    def build(
        cls, triggers: TriggerLexicon, status: StatusLexicon, cues: CueLexicon, *, tiered: bool = False
    ) -> SentenceSelector:
        trigger_words = triggers.forms
        words = set(trigger_words) | set(cues.forms) | set(cues.hedges)
        words |= status.hedge_adverbs | status.denial_verbs
        words |= {"according", "quoted", "quoting", "citing"}
        if not tiered:
            return cls(frozenset(words))
        return cls(frozenset(words), trigger_words, triggers)

    @staticmethod
    def _forms(sentence: str) -> list[str]:
        # Hyphens split too: "air-strikes" must reach "strikes".
        return [raw.strip(_STRIP) for raw in sentence.lower().replace("-", " ").replace("/", " ").split()]

    def __call__(self, sentence: str) -> bool:
        words = self.words
        return any(form in words for form in self._forms(sentence))

    def need(self, sentence: str) -> Need:
        """FULL for a possible event, PARSE for a possible attribution only, else TOKENS."""
        forms = self._forms(sentence)
        if self.trigger_words is None:
            return Need.FULL if any(f in self.words for f in forms) else Need.TOKENS
        if any(f in self.trigger_words for f in forms):
            return Need.FULL
        return Need.PARSE if any(f in self.words for f in forms) else Need.TOKENS

    def entities_needed(self, doc: Doc) -> bool:
        """Whether a sentence marked FULL still needs NER once parsed: only if the parse
        confirms a trigger ('strikes' as a noun with its conditions, not 'strikes a deal').
        Entity conditions count as met before NER (see `triggers.entity_in`)."""
        if self.triggers is None:
            return True
        repair_event_nouns(doc, self.triggers)  # the extractor reads the repaired parse too
        return bool(find_triggers(doc, self.triggers))
