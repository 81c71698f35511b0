"""Epistemic status of an event mention and whether it is a single event at all.

Holds the parse rules for asserted / reported / claimed / denied / intended / negated /
hypothetical and for generic or aggregate mentions; it does not find claims (claims.py does).

Precedence, strongest first: denied > negated > hypothetical > intended > claimed > reported >
asserted. A marker inside a claim's content beats the claim ('they said Israel intends to strike'
is intended); a claim beats a hedge of the outlet. A claim whose speaker is only 'reports' or
'media' is the outlet's hedge (reported). A definite nominal event that a claim merely relates to
('linked to the assassination of X') is presupposed background and keeps the outlet's voice.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.extract.lexicon import StatusLexicon, TriggerLexicon, trigger_lexicon
from eventwire.extract.syntax import (
    children,
    determiner,
    is_infinitive,
    is_plural,
    is_verb,
    names_a_source,
    preposition_objects,
    span_of,
)
from eventwire.records import Claim, DateValue, Fatalities, Status

_COMPOUND = ("compound", "amod", "nmod")
# Periods an activity told as lasting is a standing one over ("for two years"); hours and days are
# how long one event went on.
_LONG_PERIODS = frozenset({"week", "month", "year", "decade"})
# "in recent weeks", "over the past few months": a trend over periods, not one event's time
# ("last week" is a time for one).
_RECENT_PERIODS = re.compile(r"\b(?:recent|past|last)\s+(?:few\s+|several\s+)?(?:weeks|months|years)\b", re.I)
# Verbs in whose present tense a bare event noun still reports a happening (headline style).
_HAPPEN_VERBS = frozenset({"kill", "hit", "rock", "strike", "leave", "claim", "wound", "injure", "target"})


# Verbs whose object is an act someone did: "carried out the strikes", "committed the massacre".
_PERPETRATION_VERBS = frozenset({"carry", "conduct", "perpetrate", "commit", "execute", "launch"})


@dataclass(frozen=True)
class StatusReading:
    status: Status
    claim_id: str | None
    cue: str | None  # the word that decided it, for explanations and tests


def _modifiers(node: Token) -> list[Token]:
    return [c for c in node.children if c.dep_ in ("aux", "neg", "advmod", "det", "mark", "amod", "auxpass")]


def _marked(chain: Sequence[Token], words: frozenset[str], deps: tuple[str, ...]) -> Token | None:
    for node in chain:
        for child in node.children:
            if child.dep_ in deps and (child.lower_ in words or child.lemma_.lower() in words):
                return child
    return None


def _upward(token: Token) -> list[Token]:
    """All heads above the trigger up to the sentence root (for denial and conditionals)."""
    out = []
    node = token
    while node.head.i != node.i:
        node = node.head
        out.append(node)
    return out


def _denied(token: Token, chain: Sequence[Token], lex: StatusLexicon) -> Token | None:
    for node in [*chain, *_upward(chain[-1])]:
        if node.i != token.i and node.lemma_.lower() in lex.denial_verbs:
            return node
    if token.dep_ == "pobj" and token.head.head.lemma_.lower() in lex.denial_nouns:
        return token.head.head
    return None


def _own_chain(token: Token, chain: Sequence[Token]) -> Sequence[Token]:
    """The chain up to a predicate the (nominal) trigger is only the subject of: in 'the attack
    would not go unpunished' the negation is about going unpunished, not about the attack."""
    for k, node in enumerate(chain[:-1]):
        if node.dep_ == "conj" and any(c.dep_.startswith("nsubj") for c in node.children):
            return chain[: k + 1]  # "X was not isolated and warplanes targeted Y": its own clause
    if is_verb(token) or len(chain) < 2 or token.dep_ not in ("nsubj", "nsubjpass"):
        return chain
    predicate = chain[1]
    events = trigger_lexicon()
    if predicate.lemma_.lower() in events.harm_verbs or events.lookup(
        predicate.lemma_.lower(), predicate.pos_
    ):
        return chain  # "the strikes did not kill anyone" is about the strikes' doing
    return chain[:1]


def _negated(token: Token, chain: Sequence[Token], lex: StatusLexicon) -> Token | None:
    found = _marked(_own_chain(token, chain), lex.negators, ("neg", "det", "advmod", "preconj"))
    if found is not None:
        return found
    if token.dep_ == "pobj" and token.head.lower_ == "without":
        return token.head
    return None


def _hypothetical(token: Token, chain: Sequence[Token], lex: StatusLexicon) -> Token | None:
    found = _marked(_own_chain(token, chain), lex.hypothetical_aux, ("aux",))
    if found is not None:
        return found
    for node in [*chain, *_upward(chain[-1])]:
        mark = _marked([node], lex.hypothetical_marks, ("mark",))
        if mark is not None and _performer_in_question(token, node):
            break  # "unclear if the strikes were carried out by regime or Russian jets": who, not whether
        if mark is not None:
            return mark
        if node.dep_ in ("ccomp", "parataxis"):
            break  # the attribution frame above a claim does not make its content conditional
        if node.dep_ == "relcl":
            break  # "unclear if the planes that bombed the market were Syrian": the bombing is given
    for below, node in itertools.pairwise(chain):
        if node.lemma_.lower() in lex.hypothetical_heads:
            if node.lemma_.lower() == "order" and below.dep_ == "dobj" and node.tag_ in ("VBD", "VBN"):
                continue  # "he ordered missile strikes": a past order of a realised act, not "ordered to"
            return node
    if token.dep_ == "pobj" and token.head.head.lemma_.lower() in lex.hypothetical_heads:
        return token.head.head
    top = chain[-1]
    if top.dep_ in ("acl", "xcomp", "advcl") and top.head.lemma_.lower() in lex.hypothetical_heads:
        return top.head  # "an attempt to regain control", "struggling to recapture"
    return None


def _performer_in_question(token: Token, verb: Token) -> bool:
    """A known event (a definite noun, or 'what the Observatory called a massacre') as the object
    of a verb of perpetration: the question is who did it, not whether it happened."""
    if is_verb(token) or verb.lemma_.lower() not in _PERPETRATION_VERBS:
        return False
    done = children(verb, "dobj", "nsubjpass")
    if any(t.i == token.i for t in done):
        return determiner(token) in ("the", "poss")
    return any(t.lower_ == "what" and t.is_ancestor(token) for t in done)


def _purpose(chain: Sequence[Token], lex: StatusLexicon) -> Token | None:
    """'launched an offensive to seize X', 'an operation launched to capture the town': an
    infinitive of purpose under a predicate that does not entail it names a goal, not a happening."""
    for node in chain:
        if not is_verb(node) or node.tag_ != "VB" or node.dep_ not in ("advcl", "acl", "xcomp", "relcl"):
            continue
        if not is_infinitive(node):
            continue
        governor = node.head
        if governor.lemma_.lower() in lex.implicative_verbs:
            return None  # "managed to seize", "forced them to withdraw": it happened
        if node.dep_ == "xcomp" and governor.lemma_.lower() in lex.intent_verbs:
            return governor
        return governor if node.dep_ != "xcomp" or is_verb(governor) else None
    return None


def _intended(token: Token, chain: Sequence[Token], lex: StatusLexicon, goals: bool = False) -> Token | None:
    for below, node in itertools.pairwise(chain):
        # Only as the governor of an infinitive: "intends to continue strikes", "vowed to retake".
        if below.dep_ == "xcomp" and node.lemma_.lower() in lex.intent_verbs:
            return node
    if goals:
        found_goal = _purpose(chain, lex)
        if found_goal is not None:
            return found_goal
    found = _marked(chain, lex.future_aux, ("aux",))
    if found is not None:
        return found
    if token.dep_ == "pobj" and token.head.head.lower_ in lex.intent_nouns:
        return token.head.head
    return _attempted(token, chain, lex)


def _attempted(token: Token, chain: Sequence[Token], lex: StatusLexicon) -> Token | None:
    """'trying to capture', 'an attempt to regain control', 'a bid for the town': pursued, not
    achieved."""
    for node in chain[1:]:
        if node.lemma_.lower() in lex.attempt_heads:
            return node
    if token.dep_ == "pobj" and token.head.head.lemma_.lower() in lex.attempt_heads:
        return token.head.head
    top = chain[-1]
    if top.dep_ in ("acl", "xcomp", "advcl") and top.head.lemma_.lower() in lex.attempt_heads:
        return top.head
    return None


def _hedged(token: Token, chain: Sequence[Token], lex: StatusLexicon) -> Token | None:
    found = _marked(chain, lex.hedge_adverbs, ("advmod",))
    if found is not None:
        return found
    found = _passive_report(chain, lex) or _unnamed_report(chain, lex)
    if found is not None:
        return found
    found = _marked([token], lex.hedge_adjectives, ("amod", "compound"))
    if found is not None:
        return found
    for node in chain:
        for prep in children(node, "prep"):
            if prep.lower_ == "according":
                for sub in prep.subtree:
                    if sub.lemma_.lower() in lex.report_nouns:
                        return prep
    return None


def _passive_report(chain: Sequence[Token], lex: StatusLexicon) -> Token | None:
    """'Artillery shelling was also reported', 'five soldiers were reported killed', 'is believed
    to have been killed': a passive verb of reporting or belief with no one named is the
    outlet's hedge."""
    for node in [*chain, chain[-1].head]:
        if (
            node.lemma_.lower() in lex.passive_hedge_verbs
            and node.tag_ == "VBN"
            and any(c.dep_ == "auxpass" for c in node.children)
            and not any(c.dep_ == "agent" for c in node.children)
        ):
            return node
    return None


def _unnamed_report(chain: Sequence[Token], lex: StatusLexicon) -> Token | None:
    """'Local media reported that a bomb exploded': reports nobody is named for are the outlet's
    hedge (the claims finder makes no claim of them)."""
    top = chain[-1]
    if top.dep_ != "ccomp":
        return None
    verb = top.head
    subject = children(verb, "nsubj")
    if not subject or names_a_source(subject[0]):
        return None
    return verb if {subject[0].lower_, subject[0].lemma_.lower()} & lex.report_nouns else None


def _containing_claim(offset: int, claims: Sequence[Claim]) -> Claim | None:
    inside = [c for c in claims if c.content.start <= offset < c.content.end]
    return min(inside, key=lambda c: c.content.end - c.content.start) if inside else None


def _report_speaker(claim: Claim, lex: StatusLexicon) -> bool:
    """A speaker that is only 'reports', 'footage', 'local media': the outlet's own hedge. A named
    one ('state media', 'a CNN report': the claims finder gave it a name) is a source."""
    speaker = claim.speaker
    if speaker is None or speaker.name is not None:
        return False
    words = speaker.text.lower().replace("'s", "").split()
    return bool(words) and words[-1] in lex.report_nouns


def _presupposed(chain: Sequence[Token], triggers: TriggerLexicon, lex: StatusLexicon) -> bool:
    """A definite nominal event in a prepositional complement of a non-event predicate
    ('linked to the assassination of X in a drone strike': the top of the trigger's chain)."""
    top = chain[-1]
    if is_verb(top) or top.dep_ != "pobj" or determiner(top) not in ("the", "poss"):
        return False
    prep = top.head
    if prep.lower_ not in lex.background_prepositions:
        return False
    governor = prep.head
    return (
        is_verb(governor)
        and not triggers.lookup(governor.lemma_.lower(), governor.pos_)
        and governor.lemma_.lower() not in triggers.harm_verbs
    )


def _claimed_lives(token: Token) -> bool:
    """'claimed the lives of', 'claimed 20 lives': 'claim' used as a kill verb in the sentence."""
    return any(
        t.lemma_.lower() == "claim"
        and any(c.dep_ == "dobj" and c.lemma_.lower() in ("life", "lives") for c in t.children)
        for t in token.sent
    )


def read_status(
    token: Token,
    chain: Sequence[Token],
    offset: int,
    claims: Sequence[Claim],
    lex: StatusLexicon,
    triggers: TriggerLexicon,
    goal: bool = False,
) -> StatusReading:
    """The status of the event whose trigger is `token` (article offset `offset`). `goal`: the
    event is one that a purpose infinitive names as an aim (taking or holding ground)."""
    claim = _containing_claim(offset, claims)
    if claim is not None and claim.cue == "claim" and _claimed_lives(token):
        claim = None  # "the fighting claimed the lives of 20": a toll, not an assertion
    if claim is not None and claim.cue in lex.denial_verbs:
        return StatusReading(Status.DENIED, claim.id, claim.cue)
    for status, test in (
        (Status.DENIED, _denied),
        (Status.NEGATED, _negated),
        (Status.HYPOTHETICAL, _hypothetical),
        (Status.INTENDED, lambda t, c, x: _intended(t, c, x, goal)),
    ):
        cue = test(token, chain, lex)
        if cue is not None:
            return StatusReading(status, claim.id if claim else None, cue.lower_)
    hedge = _hedged(token, chain, lex)
    if claim is not None and not _report_speaker(claim, lex) and not _presupposed(chain, triggers, lex):
        return StatusReading(Status.CLAIMED, claim.id, claim.cue)
    if hedge is not None or (claim is not None and _report_speaker(claim, lex)):
        return StatusReading(Status.REPORTED, None, hedge.lower_ if hedge else "reports")
    return StatusReading(Status.ASSERTED, None, None)


def is_generic(
    token: Token,
    chain: Sequence[Token],
    date: DateValue | None,
    fatalities: Fatalities | None,
    lex: StatusLexicon,
    in_lead: bool,
    toll_limit: int,
) -> str | None:
    """Why this mention is not a single dated event (aggregate, habitual, generic), or None."""
    habitual = _marked(chain, lex.habitual_adverbs, ("advmod", "acomp", "npadvmod"))
    if habitual is None:
        habitual = _marked([token], lex.habitual_adverbs, ("amod",))  # "daily shelling", "repeated attacks"
    if habitual is not None:
        return f"habitual:{habitual.lower_}"
    if date is not None and date.text.lower().startswith("since"):
        return "since"
    if any(c.lower_ == "since" for node in _with_conjuncts(chain) for c in _since_holders(node)):
        return "since"  # "killed in Syria since the conflict began": a running total
    background = _background(token, chain, lex) or _ceased(token, lex)
    if background is not None:
        return f"background:{background.lemma_.lower()}"
    told_over_periods = date is not None and bool(_RECENT_PERIODS.search(date.text))
    if (fatalities is None or date is None) and (_lasting(chain) or told_over_periods):
        # told with both its day and its toll, a long battle's one day is still an event
        return "ongoing:duration"
    for verb in (token, *(v for v in chain[1:] if v.tag_ == "VBG")):
        # "areas regime forces have been battling to recapture": the aim of a standing fight
        reason = _ongoing(verb, date, in_lead) if is_verb(verb) else None
        if reason:
            return reason if verb is token else "ongoing:effort"
    if fatalities is not None and (fatalities.value or 0) >= toll_limit:
        return "aggregate:toll"
    if not is_verb(token):
        reason = _aggregate_noun(token, date, fatalities, lex)
        if reason:
            return reason
    elif (
        token.tag_ in ("VBZ", "VBP")
        and not in_lead
        and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
    ):
        return "present-simple"
    return None


def _undergone(token: Token, lex: StatusLexicon) -> bool:
    """A place's exposure to a campaign: 'the province has seen intense bombing', 'districts came
    under heavy bombardment', 'has been subject to ferocious shelling'."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "subject to ferocious bombing and shelling"
    head = token.head
    if token.dep_ == "dobj":
        return head.lemma_.lower() in lex.exposure_verbs
    if token.dep_ != "pobj":
        return False
    governor = head.head
    if head.lower_ == "under":
        return governor.lemma_.lower() in ("come", "be", "remain", "fall")
    return head.lower_ == "to" and governor.lower_ in ("subject", "exposed", "subjected")


def _lasting(chain: Sequence[Token]) -> bool:
    """'have been battling for nearly a week', 'has been attempting to seize al-Maleh for more than
    two years': an activity told with how long it has lasted is a standing one."""
    return any(
        obj.lemma_.lower() in _LONG_PERIODS for node in chain for obj in preposition_objects(node, "for")
    )


def _with_conjuncts(chain: Sequence[Token]) -> list[Token]:
    """The chain and the verbs conjoined with its head: 'shot down or crashed since the war began'."""
    out = list(chain)
    head = chain[-1]
    out.extend(c for c in head.conjuncts if is_verb(c))
    return out


def _background(token: Token, chain: Sequence[Token], lex: StatusLexicon) -> Token | None:
    """'thousands fled the fighting', 'resist the shelling', 'six years of killing': the event is
    the presupposed setting of another predicate, or a period's total, not a new happening."""
    head = token.head
    if is_verb(token):
        if (
            token.tag_ == "VBG"
            and token.dep_ in ("advcl", "xcomp", "ccomp")
            and head.lemma_.lower() in lex.background_verbs
            and not any(c.dep_.startswith("nsubj") for c in token.children)
        ):
            return head  # "to resist heavy army shelling" parsed with the gerund as a clause
        return None
    if token.dep_ == "dobj" and head.lemma_.lower() in lex.background_verbs:
        return head
    if token.dep_ == "pobj":
        governor = head.head
        if head.lower_ in ("from", "into", "as") and governor.lemma_.lower() in lex.background_verbs | {"go"}:
            return governor
        if head.lower_ in ("of", "in") and governor.lower_ in lex.period_nouns:
            return governor  # "years of killing", "the final months in the battle"
        if (
            head.lower_ in ("over", "about")
            and governor.pos_ == "NOUN"
            and not trigger_lexicon().lookup(governor.lemma_.lower(), governor.pos_)
        ):
            return governor  # "a media embargo over the battle", "concern about the attack"
    if token.dep_ in _COMPOUND and head.lemma_.lower() in lex.aggregate_heads:
        return head  # "this bombing campaign"
    return None


def _ceased(token: Token, lex: StatusLexicon) -> Token | None:
    """'agreed to halt bombing', 'had stopped bombing Aleppo', 'a freeze on fighting', 'a lull in
    the bombing', 'to end the fighting': what stops or pauses is named, not told as happening."""
    head = token.head
    if token.dep_ in ("dobj", "xcomp", "nsubjpass") and head.lemma_.lower() in lex.cessation_heads:
        return head
    if (
        token.dep_ == "pobj"
        and head.lower_ in ("to", "on", "in", "of")
        and head.head.lemma_.lower() in lex.cessation_heads
    ):
        return head.head
    return None


def _ongoing(token: Token, date: DateValue | None, in_lead: bool) -> str | None:
    """'Kurds are attacking ISIS', 'a coalition fighting IS': a progressive or a participle that
    describes a standing activity, not a dated event (headlines excepted)."""
    if token.tag_ != "VBG":
        return None
    own_date = date is not None and date.text in span_of(list(token.subtree)).text
    if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN") and determiner(token.head) is not None:
        # "an Arab-Kurdish coalition battling IS", lead or not; the sentence's "on Friday" belongs
        # to what the coalition did, not to its standing fight
        return None if own_date else "ongoing:participle"
    if date is not None and date.precision in ("day", "week"):
        return None
    if in_lead:
        return None
    aux = [c for c in token.children if c.dep_ == "aux"]
    if aux and all(a.lower_ in ("is", "are", "am", "'re", "'s") for a in aux):
        return "ongoing:progressive"
    if {a.lower_ for a in aux} >= {"been"} and {a.lower_ for a in aux} & {"has", "have", "'ve"}:
        return "ongoing:progressive"  # "regime forces have been battling to recapture the area"
    if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
        return "ongoing:participle"
    return None


def _since_holders(node: Token) -> list[Token]:
    """'since' directly on a predicate, as the marker of a clause under it ('killed since the
    conflict began'), or as the marker of its own clause ('since the fighting began')."""
    out = [c for c in node.children if c.dep_ in ("prep", "mark")]
    for clause in node.children:
        if clause.dep_ == "advcl":
            out.extend(c for c in clause.children if c.dep_ == "mark")
    return out


def _aggregate_noun(
    token: Token, date: DateValue | None, fatalities: Fatalities | None, lex: StatusLexicon
) -> str | None:
    if token.dep_ == "pobj":
        governor = token.head.head
        if governor.lemma_.lower() in lex.aggregate_heads or governor.lower_ in lex.aggregate_quantifiers:
            return f"aggregate:{governor.lower_}"
    if token.dep_ in ("nsubj", "nsubjpass") and determiner(token) is None and not is_plural(token):
        verb = token.head
        if verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() not in _HAPPEN_VERBS:
            return "generic:bare-subject"  # "bombing hospitals remains a common practice"
    quantifier = [
        c
        for c in token.children
        if c.dep_ in ("amod", "nummod", "det") and c.lower_ in lex.aggregate_quantifiers
    ]
    if quantifier and is_plural(token):
        return f"aggregate:{quantifier[0].lower_}"
    if token.head.lemma_.lower() in lex.aggregate_verbs and token.dep_ == "dobj" and is_plural(token):
        return f"aggregate:{token.head.lemma_.lower()}"
    concrete = fatalities is not None or (date is not None and date.precision in ("day", "week"))
    if token.dep_ in ("dobj", "nsubj") and token.head.lemma_.lower() in lex.trend_verbs and not concrete:
        # "intensified their bombardment of Idlib", "fighting has escalated": a campaign's course
        return f"aggregate:{token.head.lemma_.lower()}"
    told_day = fatalities is not None or (date is not None and date.precision == "day")
    if not told_day and _undergone(token, lex):
        return "aggregate:undergone"  # "has also seen intense bombing", "came under heavy bombardment"
    if is_plural(token) and determiner(token) is None and not concrete:
        return "generic-plural"
    if is_plural(token) and determiner(token) == "poss" and not concrete:
        return "generic:possessive-plural"  # "in its attacks on IS": the actor's campaign
    if token.dep_ in ("nsubj", "nsubjpass") and not concrete:
        verb = token.head
        if verb.lemma_.lower() in ("continue", "persist", "go") and any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in verb.children
        ):
            return "ongoing:continue"  # "the battle will continue": a standing campaign, not a new event
    over_period = date is not None and (
        date.precision in ("month", "year") or (date.precision == "range" and not fatalities)
    )
    if is_plural(token) and over_period:
        return "plural-over-period"  # "in May more than 60 were killed by barrel bomb attacks"
    if not concrete and (token.lemma_.lower() in lex.campaign_nouns or token.lower_ in lex.campaign_nouns):
        # "the offensive began in late May", "a battle raging in Manbij": a campaign is a single
        # event only when its day or its toll is told
        return "generic:campaign"
    return None
