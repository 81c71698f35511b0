"""A headline's source: 'Russian strikes kill 34 civilians in Syria's Deir Ezzor Monitor AFP
Sunday 26 Nov 2017'.

Newswire headlines name the source of their news after it ('… – monitor', '… – state media')
and the agency's dateline follows when the page's markup is stripped. Holds the reader of that
convention; the attribution is a claim whose cue is the headline's implied 'say'. It does not
read cues in running text (claims.py does).
"""

from __future__ import annotations

import hashlib
import re

from eventwire.annotate import AnnotatedSentence
from eventwire.annotate.sentences import FULL_DATE
from eventwire.extract.claims_speakers import SpeakerResolver
from eventwire.records import Claim, Evidence, Speaker, TextSpan

# Words a headline names its source with. Not words for people the news may be about
# ("activists", "rebels"): "Syria forces kill 3 activists AFP ..." names victims.
_SOURCES = r"[Mm]onitor(?:ing group)?s?|[Oo]bservatory|[Ss]tate (?:media|TV|television)|NGO|[Rr]eports?"
_AGENCIES = r"AFP|Reuters|AP|DPA|dpa|Xinhua|ANSA|UPI|Anadolu"
_HEADLINE = re.compile(
    rf"^(?P<content>\S.*?\S)\s+(?P<source>{_SOURCES})\s+(?:{_AGENCIES})\s+(?:{FULL_DATE.pattern})\W*$"
)
_NOT_BEFORE_SOURCE = frozenset(
    {"the", "a", "an", "of", "to", "with", "by", "for", "from", "and", "or", "its"}
)
# The cue the convention stands for.
_CUE = "say"


def headline_claim(sentence: AnnotatedSentence, article_id: str, speakers: SpeakerResolver) -> Claim | None:
    """The claim of a headline that ends with its source and the agency's dateline, else None."""
    if sentence.index != 0 or not sentence.parsed:
        return None
    match = _HEADLINE.match(sentence.text)
    if match is None or match.group("content").split()[-1].lower() in _NOT_BEFORE_SOURCE:
        return None  # "Officials met the Monitor AFP ...": the source word is the news's own
    doc = sentence.doc
    source = doc.char_span(match.start("source"), match.end("source"), alignment_mode="expand")
    if source is None or not len(source):
        return None
    if source.text.lower().startswith("report"):
        speaker = Speaker(text=source.text, anonymous=False)  # "… Report Reuters": the outlet's hedge
    else:
        speaker = speakers.resolve(source.root, source, sentence.index, in_quote=False)
    start = sentence.start + match.start("content")
    end = sentence.start + match.end("content")
    text = sentence.text[match.start("content") : match.end("content")]
    return Claim(
        id=_headline_id(article_id, start),
        speaker=speaker,
        cue=_CUE,
        direct_quote=False,
        content=TextSpan(text=text, start=start, end=end),
        evidence=Evidence(sentence=sentence.text, start=sentence.start, end=sentence.end),
    )


def _headline_id(article_id: str, content_start: int) -> str:
    key = f"{article_id}:{content_start}:headline"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
