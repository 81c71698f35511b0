"""The cheap first pass that decides which sentences get a full spaCy parse.

Holds a frozen set of lower-cased word forms (triggers, attribution cues, hedges) and a
regex-free token split; it does not parse. Recall of the whole system depends on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.extract.cues import CueLexicon
from eventwire.extract.lexicon import StatusLexicon, TriggerLexicon

_STRIP = "\"'“”‘’.,;:!?()[]{}«»—–…"


@dataclass(frozen=True)
class SentenceSelector:
    words: frozenset[str]

    @classmethod
    def build(cls, triggers: TriggerLexicon, status: StatusLexicon, cues: CueLexicon) -> SentenceSelector:
        words = set(triggers.forms) | set(cues.forms) | set(cues.hedges)
        words |= status.hedge_adverbs | status.denial_verbs
        words |= {"according", "quoted", "quoting", "citing"}
        return cls(frozenset(words))

    def __call__(self, sentence: str) -> bool:
        # Hyphens split too: "air-strikes" must reach "strikes".
        for raw in sentence.lower().replace("-", " ").replace("/", " ").split():
            if raw.strip(_STRIP) in self.words:
                return True
        return False
