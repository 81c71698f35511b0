"""Event mentions from the triggers of one parsed sentence: grouping, typing, grounding, confidence.

Holds the steps from a `Trigger` to an `EventMention` draft (arguments resolved with the actor
gazetteer, dates, counts and places; sub-type rules; status; confidence); it does not walk
articles or deduplicate (extractor.py and dedup.py do).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from eventwire.annotate import AnnotatedSentence
from eventwire.annotate.sentences import FULL_DATE
from eventwire.extract.arguments import (
    FIRE_WORDS,
    OWN_ACTS,
    Arguments,
    predicate_chain,
    read_arguments,
    relates_another,
)
from eventwire.extract.context import ANAPHORIC, Antecedent, ContextChain
from eventwire.extract.cues import cue_lexicon
from eventwire.extract.dedup import Draft
from eventwire.extract.lexicon import StatusLexicon, TriggerLexicon
from eventwire.extract.locations import PLACE_NOUNS, SentencePlace, choose_location
from eventwire.extract.status import StatusReading, is_generic, read_status
from eventwire.extract.syntax import (
    children,
    clause_head,
    clause_tokens,
    determiner,
    is_plural,
    is_verb,
    noun_phrase,
    preposition_objects,
    span_of,
)
from eventwire.extract.triggers import Trigger
from eventwire.records import (
    Actor,
    ActorKind,
    Article,
    Claim,
    DateValue,
    EventMention,
    Evidence,
    Fatalities,
    Place,
    Status,
    TextSpan,
)
from eventwire.resolve.dates import find_date_phrases, latest_day, resolve_date
from eventwire.resolve.numbers import Casualties, casualties, parse_count
from eventwire.settings import ExtractSettings
from eventwire.taxonomy import acled_taxonomy

if TYPE_CHECKING:  # the gazetteers are only passed through; importing them loads nothing
    from eventwire.resolve.resources import Resources

_ARMED = frozenset(
    {
        ActorKind.STATE_FORCES,
        ActorKind.REBELS,
        ActorKind.POLITICAL_MILITIA,
        ActorKind.IDENTITY_MILITIA,
        ActorKind.EXTERNAL,
    }
)
_CROWD = frozenset({ActorKind.PROTESTERS, ActorKind.RIOTERS})
_CLASH_WORDS = frozenset(
    {"clash", "clashes", "fighting", "fight", "battle", "skirmish", "firefight", "gunfight"}
)
_RIOT_ACTS = frozenset({"Looting/property destruction", "Attack", "Armed clash"})
_STATE = frozenset({ActorKind.STATE_FORCES, ActorKind.GOVERNMENT})
_NON_STATE_ARMED = frozenset({ActorKind.REBELS, ActorKind.POLITICAL_MILITIA, ActorKind.IDENTITY_MILITIA})
# Bare event words whose sub-type is only a default until the text says more: "the attack".
_VAGUE = frozenset({"attack", "assault", "kill", "killing", "incident", "massacre"})
# Predicates whose object is an attack met by armed defenders: "troops repelled the attack".
_DEFENCE_VERBS = frozenset({"repel", "repulse", "fend", "thwart", "beat", "counter", "resist"})
# Words for a crowd (protesters, rioters) as opposed to an armed or political group.
_CROWD_WORDS = frozenset(
    {
        "protester",
        "protesters",
        "demonstrator",
        "demonstrators",
        "rioter",
        "rioters",
        "crowd",
        "crowds",
        "mob",
        "marcher",
        "marchers",
        "student",
        "students",
    }
)
# Words for children: never a mob, and never the performer of the harm they are told with.
_CHILD_WORDS = frozenset(
    {"child", "children", "girl", "boy", "baby", "infant", "schoolchild", "schoolchildren", "toddler", "kid"}
)
_AIRCRAFT_WORDS = frozenset({"jet", "warplane", "aircraft", "plane", "helicopter", "drone", "aviation"})
# Agents or instruments that make an attack a chemical one: "an attack by toxic sarin gas".
_CHEMICAL_WORDS = frozenset(
    {"gas", "gasses", "gases", "sarin", "chlorine", "chemical", "chemicals", "toxin", "toxins"}
)
# Prepositions and participles that name an attack's instrument: "an attack using chemicals".
_INSTRUMENT_HEADS = frozenset({"with", "by", "using", "involving", "use"})
# Words that make fire as a means shelling, or shots.
_SHELL_WORDS = frozenset({"rocket", "mortar", "artillery", "shell", "tank", "missile", "heavy"})
# Parts of a town fire may be laid on: "rebel fire on the government-held west of the city".
_AREA_PARTS = frozenset({"west", "east", "north", "south", "part", "district", "neighbourhood", "quarter"})
_SMALL_ARMS = frozenset({"sniper", "gun", "machine", "automatic", "small", "live"})
# Labels of web-page furniture that flattened text runs into the next sentence.
_FURNITURE = re.compile(r"^(tags|related|read also|date of publication|posted on|published)\b", re.IGNORECASE)
# A list of other stories' headlines that a flattened page runs into the text ("Related News ...").
_RELATED = re.compile(r"\bRelated(?: News| Articles| Stories| Posts)?\b")
_YEAR = re.compile(r"\b(1[89]|20)\d{2}\b")
# Why-not-an-event reasons that hold whatever the status (see EventBuilder.build).
_STRONG_GENERIC = (
    "generic:possessive",
    "ongoing:continue",
    "ongoing:duration",
    "ongoing:effort",  # "the areas troops are battling to recapture": a standing fight's aim
    "since",
    "aggregate:",
    "background:",
)
# How far into a sentence a date still opens it ("Date of publication 3 June 2016 ...").
_FRONT_TOKENS = 4
# Blasts, and the verbs by which another act of the sentence sets them off (see _an_effect).
_BLAST_WORDS = frozenset({"explosion", "blast", "detonation", "fire", "blaze"})
_CAUSATIVES = frozenset({"trigger", "cause", "set", "spark", "ignite", "touch", "unleash"})
# Words for ground that, plural or uncounted, are a sum of gains ('captured large areas').
_AREA_WORDS = frozenset(
    {
        "area",
        "territory",
        "part",
        "swath",
        "swathe",
        "land",
        "ground",
        "percent",
        "much",
        "most",
        "chunk",
        "tract",
    }
)
_MASS_AREAS = frozenset({"territory", "land", "ground", "percent", "much", "most"})
_GOAL_TYPES = frozenset(
    {
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
        "Headquarters or base established",
    }
)


@dataclass(frozen=True)
class SentenceScope:
    """What the event builder needs about the article while it reads one sentence."""

    article: Article
    sentence: AnnotatedSentence
    places: Sequence[SentencePlace]
    countries: tuple[str, ...]
    claims: Sequence[Claim]
    chain: ContextChain
    in_lead: bool
    following_lemmas: frozenset[str] = frozenset()  # the next sentences' lemmas: "Police dispersed them."
    groups: int = 1  # trigger groups in this sentence: with one, the sentence's date is the event's


@dataclass(frozen=True)
class Built:
    """One trigger group read into a draft, or the reason it is not an event."""

    draft: Draft | None
    antecedent: Antecedent
    skipped: str | None = None


def group_triggers(triggers: Sequence[Trigger], lex: TriggerLexicon) -> list[list[Trigger]]:
    """Triggers of one event in one sentence, most specific first.

    'killed in an airstrike', 'the assassination of X in a drone strike': a trigger that carries
    another (one is on the other's predicate chain) is the same event, typed by the more specific.
    Support triggers ('killed') with no partner are events of their own only when nothing else
    in their clause names one.
    """
    groups: list[list[Trigger]] = []
    for trig in triggers:
        chain = {t.i for t in predicate_chain(trig.token, lex)}
        for group in groups:
            if any(_linked(trig, chain, other, lex) for other in group):
                group.append(trig)
                break
        else:
            groups.append([trig])
    groups = _one_per_clause(groups, lex)
    out = []
    for group in groups:
        group.sort(key=lambda t: (t.entry.support, lex.rank(t.sub_type), -t.entry.weight))
        if all(t.entry.support for t in group) and any(
            not g[0].entry.support for g in groups if g is not group
        ):
            continue  # "5 killed" beside "an airstrike hit X" in the same sentence: the toll, not an event
        out.append(group)
    return out


def _one_per_clause(groups: list[list[Trigger]], lex: TriggerLexicon) -> list[list[Trigger]]:
    """One event per clause: 'demonstrators gathered ... and were dispersed', 'the offensive began
    with a suicide attack' tell one happening; the triggers of one clause are one group, typed by
    the most specific. Clauses of their own (conjoined or subordinate verbs) keep their events."""
    by_head: dict[int, list[Trigger]] = {}
    order: list[int] = []
    for group in groups:
        token = group[0].token
        # "killed in rebel rocket attacks a day after airstrikes on a school": "after", "amid",
        # "following" relate another event to this one; it is no part of this clause's event
        head = token.i if relates_another(token, lex) else _verb_of(token).i
        if head not in by_head:
            by_head[head] = []
            order.append(head)
        by_head[head].extend(group)
    return [by_head[h] for h in order]


def _verb_of(token: Token) -> Token:
    """The nearest verb at or above a token (an infinitive or participle is its own verb here)."""
    node = token
    while not is_verb(node) and node.head.i != node.i:
        node = node.head
    return node


def _linked(trig: Trigger, chain: set[int], other: Trigger, lex: TriggerLexicon) -> bool:
    other_chain = {t.i for t in predicate_chain(other.token, lex)}
    if other.token.i not in chain and trig.token.i not in other_chain:
        return False
    same_type = acled_taxonomy().type_of(trig.sub_type) == acled_taxonomy().type_of(other.sub_type)
    flexible = {"by_target", "clash"} & {trig.entry.rule, other.entry.rule}
    return same_type or trig.entry.support or other.entry.support or bool(flexible)


def _no_antecedent(scope: SentenceScope, main: Trigger) -> Antecedent:
    """What the context chain records of a mention that is no event and names no actor."""
    return Antecedent(scope.sentence.index, main.sub_type, None, None, vague=True)


def _names_town(phrase: Span | None, scope: SentenceScope, in_story: bool = False) -> bool:
    """Whether the phrase names a town the geocoder placed; `in_story`: in one of the article's
    own countries ("Ahmed Hassan" is no town in India in a story about Syria)."""
    if phrase is None:
        return False
    return any(
        phrase.start <= p.token.i < phrase.end
        and p.place.precision == 1
        and p.token.pos_ == "PROPN"
        and (not in_story or p.place.country in scope.countries)
        for p in scope.places
    )


def _modifier_of(token: Token, group: Sequence[Trigger]) -> bool:
    return any(
        token.head.i == t.token.i and token.dep_ in ("compound", "amod", "nmod", "poss") for t in group
    )


def _aircraft(token: Token) -> bool:
    words = {token.lemma_.lower(), token.lower_}
    if "bomber" in words or "bombers" in words:
        # "Russian bombers" fly; "a suicide bomber", "a motorcycle bomber" walks or drives.
        return token.tag_ == "NNS" and not any(c.lower_ == "suicide" for c in token.children)
    return bool((words | {w[:-1] for w in words if w.endswith("s")}) & _AIRCRAFT_WORDS)


def _instrument(token: Token) -> Span | None:
    """'an attack by toxic gas', 'an attack using chemicals', 'a massacre with sarin': the
    instrument a bare nominal trigger names."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _INSTRUMENT_HEADS:
            objs = [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ in ("acl", "prep") and child.lemma_.lower() in _INSTRUMENT_HEADS:
            objs = [c for c in child.children if c.dep_ in ("dobj", "pobj")]
        else:
            continue
        if objs:
            return token.doc[objs[0].left_edge.i : objs[0].right_edge.i + 1]
    return None


_OWNER_ENTS = frozenset({"NORP", "GPE", "ORG"})
# Heads of agent phrases that name an activity, a record of one or a teller, never a party.
_NOT_PARTIES = frozenset(
    {
        "operation",
        "campaign",
        "footage",
        "video",
        "image",
        "photo",
        "report",
        "statement",
        "toll",
        "series",
        "monitor",
    }
)
_BELIEF_VERBS = frozenset({"believe", "think", "suspect"})


def _no_party(phrase: Span) -> bool:
    """An activity, a record of one, a teller or a place: 'the operation', 'footage', 'the
    al-Salyhiah neighborhood' (the parse made the place hit the subject of the killing)."""
    lemma = phrase.root.lemma_.lower()
    return lemma in _NOT_PARTIES or lemma in PLACE_NOUNS


def _unowned_aircraft(phrase: Span) -> bool:
    """A word for aircraft the text gives no owner ('warplanes struck'): no performer named."""
    root = phrase.root
    # "its warplanes", "Syrian or Russian jets", "jets from Jordan": the text says whose
    owned = any(
        c.dep_ == "poss"
        or (c.dep_ == "prep" and c.lower_ in ("of", "from"))
        or (c.dep_ in ("amod", "compound", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ in _OWNER_ENTS))
        # "jets believed to be Russian": whose, the text says with a hedge
        or (c.dep_ in ("acl", "relcl") and any(t.ent_type_ in _OWNER_ENTS for t in c.subtree))
        for c in root.children
    )
    # "fighter jets believed to be Russian struck": the parse makes the hedge the jets' verb
    hedged = root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in _BELIEF_VERBS
    if hedged:
        owned = owned or any(t.ent_type_ in _OWNER_ENTS for t in root.head.subtree if t.i > root.i)
    return root.lemma_.lower() in _AIRCRAFT_WORDS and not owned


def _children(phrase: Span | None) -> bool:
    return phrase is not None and phrase.root.lemma_.lower() in _CHILD_WORDS


def _two_sided(trigger: Trigger) -> bool:
    """A clash word that names both sides alike ('clashes with X', 'fighting between'), unlike a
    one-sided act typed a clash by its armed target ('shot down a drone', 'attacked a base')."""
    return trigger.entry.rule == "clash" or trigger.token.lemma_.lower() in _CLASH_WORDS


def _claim_of(reading: StatusReading, claims: Sequence[Claim]) -> Claim | None:
    """The claim the status reading links the event to, if any."""
    return next((c for c in claims if c.id == reading.claim_id), None)


def _speaker_as_agent(reading: StatusReading, claims: Sequence[Claim], pronoun: Span | None) -> Actor | None:
    """'The army said it had retaken the town', '"We will take Aleppo," the commander said': a
    pronoun acting inside a speaker's claim is the speaker's side, when the speaker is a named
    group or a state's body. In a quotation the speaker's side is "we": '"It killed 18 civilians,"
    said the monitor's director' is the missile."""
    claim = _claim_of(reading, claims)
    if claim is None or claim.speaker is None:
        return None
    if claim.direct_quote and (pronoun is None or pronoun.root.lower_ != "we"):
        return None
    side = claim.speaker.as_named_actor()
    if side is not None and side.kind not in _ARMED | {ActorKind.GOVERNMENT}:
        return None  # "they continue to battle ..., the observatory said": a monitor tells, it does not fight
    return side


def _in_frame(agent: Span, trigger: Token, reading: StatusReading, scope: SentenceScope) -> bool:
    """An agent phrase outside the content of the claim that tells the event, in the claim's
    attribution ('Syrian state television said ...'), unless the speaker tells its own act
    ('IS claimed the attack', 'the regime announced a ceasefire')."""
    claim = _claim_of(reading, scope.claims)
    if claim is None or (trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in OWN_ACTS):
        return False
    start = scope.sentence.start + agent.start_char
    inside = claim.content.start <= start < claim.content.end
    return not inside and claim.evidence.start <= start < claim.evidence.end


def _an_effect(token: Token) -> bool:
    """'triggering successive explosions', 'setting off explosions at an arms depot': blasts
    that another act of the sentence caused are part of it."""
    head = token.head
    return (
        token.lemma_.lower() in _BLAST_WORDS
        and token.dep_ in ("dobj", "nsubjpass")
        and head.lemma_.lower() in _CAUSATIVES
    )


def _fronted_date(scope: SentenceScope) -> DateValue | None:
    """The date a sentence opens with ('March 15 2011 Protests demand ...', a timeline's entry;
    'Published July 21 2015 ...', a dateline), read only to tell history from news."""
    doc = scope.sentence.doc
    phrases = [p for p in find_date_phrases(doc[:]) if p.start <= _FRONT_TOKENS]
    return resolve_date(phrases[0].text, scope.article.published) if phrases else None


def _alternatives(phrase: Span) -> list[Span]:
    """The phrases of a performer told as one of several ('government or Russian war planes':
    two; 'Syrian or Russian warplanes': the one phrase), or [] when it is told as one."""
    head = phrase.root.head if phrase.root.dep_ == "conj" else phrase.root
    words = [t for t in head.subtree if t.i < head.i] + [c for c in head.children if c.dep_ == "cc"]
    if not any(t.dep_ == "cc" and t.lower_ == "or" for t in words):
        return []
    heads = [head, *(c for c in head.children if c.dep_ == "conj")]
    return [noun_phrase(h) for h in heads]


def dateline(value: DateValue | None, scope: SentenceScope) -> bool:
    """'... Monitor AFP Sunday 3 Jul 2016 Fierce government bombardment ...': a bare date in the
    opening sentence that is the publication day is the story's dateline; it dates the story,
    and the event only for want of a better date."""
    published = scope.article.published
    if scope.sentence.index != 0 or published is None or value is None or value.value is None:
        return False
    text = scope.sentence.text.rstrip(" .")
    line = next((m for m in FULL_DATE.finditer(text) if m.start() == 0 or m.end() == len(text)), None)
    if line is None or value.text not in line.group():
        return False
    # "Saturday 16 Jul 2016" may come as pieces ("Saturday", "Jul 2016"): each holds the day
    last = latest_day(value.value)
    return last is not None and value.value.split("/")[0] <= published.isoformat() <= last.isoformat()


def _report_time(phrase: Span, trigger: Token) -> bool:
    """'... has killed 43, a monitoring group said Sunday': the day a speaker told of the event
    after the telling, not the day of the event. (Before the speaker, 'killed ten Saturday the
    Observatory said', and in a fronted 'As reported on 2 May', it is the event's; so is the day
    of a verb the event itself is the subject of: 'clashes continued in Khartoum on Monday'.)"""
    head = phrase.root.head
    if head.dep_ == "prep" and head.lower_ in ("on", "in"):
        head = head.head
    subjects = children(head, "nsubj")
    if not subjects and head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN"):
        subjects = [head.head]  # "... landed on the old city the monitor reported on Friday"
    return (
        trigger.i < head.i < phrase.start
        and is_verb(head)
        and head.lemma_.lower() in cue_lexicon().verbs
        and bool(subjects)
        and not any(trigger.i in {t.i for t in s.subtree} for s in subjects)
    )


def _area_total(patient: Span | None) -> bool:
    """'captured vast areas', 'seized territory across Syria', 'regained control of 55 percent of
    the country': ground gained over time, not one place taken."""
    if patient is None:
        return False
    head = patient.root
    if head.lemma_.lower() == "control":
        of = preposition_objects(head, "of")
        if not of:
            return False
        head = of[0]
    word = head.lemma_.lower()
    if word not in _AREA_WORDS or any(
        c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in head.children
    ):
        return False  # "Burkan and Dhi Masal areas": named places
    if word in _MASS_AREAS:
        return determiner(head) not in ANAPHORIC
    return is_plural(head) and determiner(head) is None


def _dropped(token: Token) -> bool:
    """'dropped bombs', 'bombs dropped on the town', 'bombs were dropped': a weapon that falls."""
    if is_verb(token):
        return False
    head = token.head
    if token.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() == "drop":
        return True
    return any(c.dep_ == "acl" and c.lemma_.lower() == "drop" for c in token.children)


def chain_toll(chain: Sequence[Token]) -> Fatalities | None:
    """'killed 14 Iranian and Iraqi militia fighters': the number on the object of a kill verb that
    carries the trigger, when the general count finder did not tie it to a kill word."""
    for node in chain:
        if node.lemma_.lower() != "kill":
            continue
        for obj in node.children:
            if obj.dep_ not in ("dobj", "nsubjpass"):
                continue
            numbers = [c for c in obj.children if c.dep_ == "nummod"]
            if numbers:
                number = numbers[0]
                phrase = number.doc[number.left_edge.i : number.right_edge.i + 1].text
                return parse_count(phrase)
    return None


def _inside(place: Place, phrase: Span, scope: SentenceScope) -> bool:
    if place.start is None:
        return False
    start = scope.sentence.start + phrase.start_char
    return start <= place.start < scope.sentence.start + phrase.end_char


def event_id(article_id: str, sub_type: str, evidence_start: int, trigger_start: int) -> str:
    key = f"{article_id}|{sub_type}|{evidence_start}|{trigger_start}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


class EventBuilder:
    """Reads trigger groups into event drafts with the article's resources and lexicons."""

    def __init__(
        self, resources: Resources, triggers: TriggerLexicon, status: StatusLexicon, settings: ExtractSettings
    ) -> None:
        self.resources = resources
        self.toll_limit = settings.aggregate_toll
        self.background_age = timedelta(days=settings.background_age_days)
        self.lex = triggers
        self.status_lex = status

    def build(self, group: Sequence[Trigger], scope: SentenceScope) -> Built:
        main = group[0]
        if _RELATED.search(scope.sentence.text[: main.token.idx]):
            return Built(None, _no_antecedent(scope, main), "furniture:related")
        if scope.groups > 1 and (_an_effect(main.token) or self._performer_of_another(main.token)):
            # "airstrikes triggering successive explosions", "the attack ... carried out by a
            # suicide bomber": the strike's blasts, the attack's performer, not events of their own
            return Built(None, _no_antecedent(scope, main), "part-of-another")
        args = self._arguments(group, scope)
        if (
            main.object_class == "person"
            and main.entry.rule == "by_agent"
            and _names_town(args.patient, scope, in_story=True)
        ):
            # "Insurgents captured Jisr al-Shughour": NER took the town for a person; the
            # geocoder knows it as a place, so ground was taken, not a captive
            main = replace(main, sub_type=main.entry.sub_type, object_class="territory")
            group = [main, *group[1:]]
        agent = self._agent(args.agent, group, scope)
        if agent is not None and args.agent is not None and _no_party(args.agent):
            agent = None  # "the operation has captured Jarablus", "footage showed": no party's name
        if (
            agent is not None
            and agent.name is None
            and args.agent is not None
            and _unowned_aircraft(args.agent)
        ):
            # "warplanes struck the town": whose, the text does not say (the phrase still types it)
            agent = None
        patient = self._actor(args.patient.text if args.patient else None, scope)
        if (
            patient is not None
            and args.patient is not None
            and not self._target_party(patient, args.patient, scope)
        ):
            patient = None  # "an airstrike on an airbase", "struck Raqqa": a target place or thing
        if agent is not None and agent.kind is ActorKind.CIVILIANS and _children(args.agent):
            # "a girl shot in Madaya", "as children were leaving it, killing five": the parse made
            # the children the subject; they are who was harmed
            agent, patient = None, patient or agent
        sub_type, decided = self._sub_type(main, agent, patient, args, scope.following_lemmas)
        if (
            sub_type == "Armed clash"
            and agent is None
            and patient is not None
            and patient.kind in _ARMED
            and _two_sided(main)
        ):
            # "Rebels were killed in clashes with regime troops": a clash has two sides and either
            # is actor1 (ACLED codes both); the other party a partner trigger names is actor2.
            other = None
            if args.counterpart is not None:
                other = self._actor(args.counterpart.text, scope)
                other = other if other is not None and self._is_party(other, args.counterpart.root) else None
            agent, patient = patient, other
        date = self._date(args, main.token, scope)
        harm = _clause_casualties(args.clause)
        killed = harm.killed or chain_toll(args.chain)
        location = self._location(args, main.token, scope)
        if location is not None and args.agent is not None and _inside(location, args.agent, scope):
            location = None  # "U.S. air strikes on Raqqa": a place that names the actor is not the venue
        token = main.token
        offset = scope.sentence.start + token.idx
        anaphoric = not is_verb(token) and determiner(token) in (*ANAPHORIC, "poss")
        # A bare "attack" or an agentless toll ("27 people were killed") refers back to the
        # article's latest violent event told with its own type ("a chemical attack hit Douma").
        vague = main.modifier is None and token.lemma_.lower() in _VAGUE
        toll_only = all(t.entry.support for t in group) and agent is None and not scope.in_lead
        bare = vague  # told without its own type: never the antecedent of a later "the attack"
        typed_from_earlier = False
        if vague and (anaphoric or toll_only):
            earlier = scope.chain.violent(scope.sentence.index)
            if earlier is not None and (
                not decided or acled_taxonomy().type_of(earlier.sub_type) == "Explosions/Remote violence"
            ):
                sub_type, decided, vague, bare = earlier.sub_type, True, False, False
                typed_from_earlier = True
        # Only a headline's bare attack may be told with its type in the sentences after it.
        vague = vague and not decided and scope.in_lead and not is_verb(token)
        antecedent = scope.chain.antecedent(scope.sentence.index, sub_type) if anaphoric else None
        if agent is None and antecedent is not None:
            agent = antecedent.actor1
        if location is None and antecedent is not None:
            location = antecedent.location
        # A bare attack that a rule typed ("troops repelled an attack": a clash) may be referred to;
        # one that kept only its entry's default may not.
        record = Antecedent(
            scope.sentence.index, sub_type, agent, location, vague or (bare and sub_type == main.sub_type)
        )
        if all(t.entry.support for t in group) and patient is None and killed is None:
            return Built(None, record, "no-victim")  # "to kill the fish": a kill word with no one killed
        generic = is_generic(token, args.chain, date, killed, self.status_lex, scope.in_lead, self.toll_limit)
        generic = generic or self._history(date or _fronted_date(scope), scope.article)
        dated = date is not None and date.precision == "day"
        if generic is None and not dated and sub_type in _GOAL_TYPES and _area_total(args.patient):
            generic = "aggregate:territory"
        goal = main.entry.rule == "by_agent" or sub_type in _GOAL_TYPES
        reading = read_status(token, args.chain, offset, scope.claims, self.status_lex, self.lex, goal)
        # A running total, a period's tally or a presupposed setting is no single event however
        # it is hedged ("520 US airstrikes since 21 May may have killed").
        strong = generic is not None and generic.startswith(_STRONG_GENERIC)
        if generic is not None and (strong or reading.status not in (Status.INTENDED, Status.HYPOTHETICAL)):
            return Built(None, record, generic)
        if reading.status in (Status.INTENDED, Status.HYPOTHETICAL, Status.NEGATED):
            date = None if date is not None and date.precision == "day" else date  # not a dated happening
        if agent is not None and args.agent is not None and _in_frame(args.agent, token, reading, scope):
            agent = None  # "Syrian state television said a blast killed five": who told it, not who did it
        if agent is None and args.pronoun_agent:
            agent = _speaker_as_agent(reading, scope.claims, args.agent)
        if location is None:
            location = self._implied_country(agent, patient, scope)
        mention = EventMention(
            id=event_id(scope.article.id, sub_type, scope.sentence.start, offset),
            type=acled_taxonomy().type_of(sub_type),
            sub_type=sub_type,
            plover=main.entry.plover,
            trigger=TextSpan(text=token.text, start=offset, end=offset + len(token.text)),
            actor1=agent,
            actor2=patient,
            location=location,
            date=date,
            fatalities=killed,
            injuries=harm.wounded,
            status=reading.status,
            claim_id=reading.claim_id,
            evidence=Evidence(
                sentence=scope.sentence.text, start=scope.sentence.start, end=scope.sentence.end
            ),
            confidence=self._confidence(main, decided, reading, agent, patient, location, date, killed),
        )
        distinct = any(c.lower_ in ("another", "second", "third", "separate") for c in token.children)
        # A toll with no event word, in the lead too ("Twelve people were killed, the monitor
        # said"), says little of its type.
        toll = all(t.entry.support for t in group) and agent is None
        weak = not typed_from_earlier and (toll or (bare and not decided))
        draft = Draft(
            mention,
            distinct,
            vague,
            scope.sentence.index,
            anaphoric or typed_from_earlier,
            weak,
            dated_by_line=dateline(date, scope),
        )
        return Built(draft, record)

    def _performer_of_another(self, token: Token) -> bool:
        """A word for a perpetrator as the 'by' agent of a verb of doing: 'carried out by a
        suicide car bomber' names who did the event the verb is about."""
        if token.dep_ != "pobj" or token.head.dep_ != "agent":
            return False
        verb = token.head.head
        return (
            self.lex.in_class(token.lemma_.lower(), "perpetrators")
            and verb.lemma_.lower() in self.lex.light_verbs
        )

    def _history(self, date: DateValue | None, article: Article) -> str | None:
        """'the Ghouta attack of August 2013' in a 2017 article, a timeline's 2011 protests: an
        event dated long before the article is background, reported when it happened. (A month
        gone by, 'last month', is not: judges read "in May a raid on Sarmada left dozens dead" as
        a concrete event.)"""
        if date is None or article.published is None:
            return None
        latest = latest_day(date.value)
        if latest is None:
            return None
        if _YEAR.search(date.text) and article.published - latest > self.background_age:
            return "background:history"  # (a date without its year was read against publication)
        return None

    # --- arguments -------------------------------------------------------------------------------

    def _arguments(self, group: Sequence[Trigger], scope: SentenceScope) -> Arguments:
        readings = [read_arguments(t, self.lex) for t in group]
        first = readings[0]
        # "the strikes killed 14": the partner trigger is the event itself, not its agent.
        own = {t.token.i for t in group}
        agent = next(
            (
                phrase
                for r in readings
                for phrase in r.agents
                if self._not_itself(phrase, own) and self._agent(phrase, group, scope) is not None
            ),
            None,
        )
        patients = [r.patient for r in readings if r.patient is not None and r.patient.root.i not in own]
        patient = patients[0] if patients else None
        counterpart = next((p for p in patients[1:] if patient is None or p.root.i != patient.root.i), None)
        widest = max(readings, key=lambda r: len(r.clause))
        instrument = next((r.instrument for r in readings if r.instrument is not None), None)
        return Arguments(
            agent=agent,
            patient=patient,
            clause=widest.clause,
            chain=first.chain,
            instrument=instrument,
            counterpart=counterpart,
            pronoun_agent=agent is None and any(r.pronoun_agent for r in readings),
        )

    def _agent(self, phrase: Span | None, group: Sequence[Trigger], scope: SentenceScope) -> Actor | None:
        """The actor an agent phrase names. "Aleppo bomb attack", "Saturday's blast", "Barrel
        bombs": a modifier is an agent only when it names one the gazetteer knows ("Israeli
        strikes", "US drone strike")."""
        if phrase is None:
            return None
        if _FURNITURE.match(phrase.doc[phrase.start : phrase.start + 3].text):
            return None  # "Tags Syria Douma Regime ...", "Date of publication ...": page furniture run in
        agent = self._actor(phrase.text, scope)
        alternatives = _alternatives(phrase)
        if agent is not None and alternatives:
            # "Syrian or Russian warplanes", "JNIM or ISGS militants": one of two, and the text does
            # not say which; what kind of actor it was it may say
            kinds = {a.kind for a in (self._actor(p.text, scope) for p in alternatives) if a is not None}
            text = phrase.doc[alternatives[0].start : alternatives[-1].end].text
            return Actor(text=text, kind=kinds.pop() if len(kinds) == 1 else ActorKind.UNKNOWN)
        if (
            agent is not None
            and _modifier_of(phrase.root, group)
            and (
                agent.kind is ActorKind.UNKNOWN
                or phrase.root.ent_type_ in ("DATE", "TIME")
                or _names_town(phrase, scope)
            )
        ):
            return None  # "Damascus air raids": the town is where, not who
        return agent

    def _not_itself(self, agent: Span, own: set[int]) -> bool:
        """An agent other than the event's own words; 'a suicide bomber blew himself up' names
        its performer in its event word."""
        root = agent.root
        return root.i not in own or self.lex.in_class(root.lemma_.lower(), "perpetrators")

    def _actor(self, text: str | None, scope: SentenceScope) -> Actor | None:
        if not text:
            return None
        return self.resources.actors.resolve(text, context_countries=scope.countries)

    def _date(self, args: Arguments, trigger: Token, scope: SentenceScope) -> DateValue | None:
        members = {t.i for t in args.clause}
        # Conjoined verbs share their time: "torched cars and threw stones ... on Tuesday".
        head = clause_head(trigger)
        for conj in head.conjuncts:
            if is_verb(conj):
                members |= {t.i for t in clause_tokens(conj)}
        scope_span = span_of([trigger.doc[i] for i in members])
        phrases = [p for p in find_date_phrases(scope_span) if any(t.i in members for t in p)]
        if not phrases and scope.groups == 1:
            # "As reported on 1 May 2020, airstrikes hit ...": a fronted date outside the clause
            # belongs to the sentence's only event.
            phrases = [p for p in find_date_phrases(trigger.doc[:]) if not p.text.lower().startswith("since")]
        nearest = sorted(
            (p for p in phrases if not _report_time(p, trigger)), key=lambda p: abs(p.start - trigger.i)
        )
        first: DateValue | None = None
        for phrase in nearest:
            value = resolve_date(phrase.text, scope.article.published)
            if not dateline(value, scope):
                return value
            first = first or value  # a date the clause tells beats the story's dateline
        return first

    def _location(self, args: Arguments, trigger: Token, scope: SentenceScope) -> Place | None:
        return choose_location(
            args.clause, args.chain, trigger, scope.places, self.resources.geocoder, scope.countries
        )

    def _implied_country(
        self, agent: Actor | None, patient: Actor | None, scope: SentenceScope
    ) -> Place | None:
        """The article's one dominant country, at precision 3, when the event's own actors belong to
        it ('Syrian troops clashed with rebels' in an article about Syria). Never a guess between two."""
        if len(scope.countries) != 1:
            return None
        country = scope.countries[0]
        own = [a for a in (agent, patient) if a is not None and a.kind is not ActorKind.UNKNOWN]
        if own and all(country in (a.countries or ([a.country] if a.country else [])) for a in own):
            return self.resources.geocoder.country(country)
        return None

    # --- typing -----------------------------------------------------------------------------------

    def _sub_type(
        self,
        main: Trigger,
        agent: Actor | None,
        patient: Actor | None,
        args: Arguments,
        scope_lemmas: frozenset[str],
    ) -> tuple[str, bool]:
        """The ACLED sub-type after the entry's rule; `decided` is False when a rule had no evidence."""
        sub_type = main.sub_type
        rule = main.entry.rule
        a1 = self._kind(agent, args.agent)
        a2 = self._kind(patient, args.patient)
        if a1 in _CROWD and sub_type in _RIOT_ACTS:
            return "Violent demonstration", True  # ACLED: violence or destruction by a crowd is a riot
        if sub_type == "Arrests" and a1 in _NON_STATE_ARMED:
            return "Abduction/forced disappearance", True  # ACLED: only the state arrests
        if (
            (main.modifier is None or sub_type == "Attack")  # "terrorist attacks with shells"
            and not is_verb(main.token)
            and main.token.lemma_.lower() in _VAGUE | {"massacre"}
        ):
            means = self._means(_instrument(main.token))
            if means is not None:
                return means, True  # "an attack using poisonous gas": the instrument types the event
        if main.modifier is None and sub_type == "Remote explosive/landmine/IED" and _dropped(main.token):
            return "Air/drone strike", True  # "dropped bombs on the town": only aircraft drop them
        if main.modifier is None and sub_type == "Attack":
            means = self._means(args.instrument or args.agent)
            if means is not None:
                return means, True  # "warplanes massacred dozens": the weapon types the event
        if main.modifier is not None or rule is None:
            return sub_type, True
        if sub_type == "Arrests" and a2 in _CROWD:
            return "Protest with intervention", True  # ACLED codes arrests at a protest as intervention
        if main.object_class == "weapons" and sub_type != main.entry.sub_type:
            return sub_type, True  # "shot down a drone": the entry's object class typed it already
        if rule == "by_target":
            means = self._means(args.instrument or args.agent)
            if means is not None:
                return means, True  # "Israeli jets killed five", "an air force raid": the weapon types it
            if a1 in _CROWD:
                return "Violent demonstration", True
            if a1 is ActorKind.CIVILIANS and args.agent is not None and is_plural(args.agent.root):
                return "Mob violence", True  # villagers, residents: violence by an unorganised crowd
            if a2 is ActorKind.CIVILIANS:
                return "Attack", True
            if a2 in _CROWD:
                return "Excessive force against protesters", True
            if a2 in _ARMED or (a2 is None and a1 in _ARMED and main.token.lemma_ == "clash"):
                return "Armed clash", True
            target = args.patient.text if args.patient is not None else None
            if a1 in _ARMED and target is not None and self._military(target):
                return "Armed clash", True  # "militants attacked a military post", "shot down a jet"
            if a2 is None and target is not None and self._military(target) and main.token.lemma_ == "shoot":
                return "Armed clash", True  # "a helicopter was shot down"
            if main.token.dep_ == "dobj" and main.token.head.lemma_.lower() in _DEFENCE_VERBS:
                return "Armed clash", True  # "troops repelled an attack by rebels": two armed sides
            return sub_type, False
        if rule == "by_agent":
            if main.object_class not in (None, "territory"):
                return sub_type, True
            if a1 in _STATE:
                return "Government regains territory", True
            if a1 is not None and a1 is not ActorKind.UNKNOWN:
                return "Non-state actor overtakes territory", True
            return sub_type, False
        if rule == "clash":
            return ("Violent demonstration", True) if a1 in _CROWD or a2 in _CROWD else (sub_type, True)
        if rule == "protest":
            return self._protest(main, args, scope_lemmas), True
        return sub_type, True

    def _kind(self, actor: Actor | None, phrase: Span | None) -> ActorKind | None:
        """The actor's kind, except that a crowd is only a crowd when a crowd word names it:
        'opposition groups' and 'activists' are not protesters in the street."""
        if actor is None:
            return None
        if actor.kind in _CROWD and phrase is not None:
            words = {t.lower_ for t in phrase} | {t.lemma_.lower() for t in phrase}
            if not words & _CROWD_WORDS:
                return (
                    ActorKind.CIVILIANS
                    if actor.kind is ActorKind.PROTESTERS and "activist" in words
                    else (
                        ActorKind.REBELS
                        if words & {"opposition", "faction", "factions", "fractions", "group", "groups"}
                        else ActorKind.UNKNOWN
                    )
                )
        return actor.kind

    def _means(self, phrase: Span | None) -> str | None:
        """The sub-type an agent that is a weapon or an aircraft gives: 'the air force killed ten'."""
        if phrase is None:
            return None
        root = phrase.root
        lemma = root.lemma_.lower()
        if lemma in _CHEMICAL_WORDS or root.lower_ in _CHEMICAL_WORDS:
            return "Chemical weapon"
        if any(t.lemma_.lower() in _CHEMICAL_WORDS and t.pos_ == "NOUN" for t in root.subtree):
            return "Chemical weapon"  # "warplanes releasing toxic gas"
        if lemma in ("weapon", "agent", "substance", "munition") and any(
            t.lower_ in _CHEMICAL_WORDS or t.lower_ in ("toxic", "poison", "poisonous", "nerve")
            for t in phrase
        ):
            return "Chemical weapon"  # "an attack with chemical weapons"
        if _aircraft(root) or any(_aircraft(c) for c in root.conjuncts):
            return "Air/drone strike"  # "killed by regime and Russian warplanes"
        if lemma == "bomber" and root.tag_ == "NN":
            # "a motorcycle bomber killed 16": a bombing, a suicide one when the text says so
            suicide = any(t.lower_ == "suicide" for t in phrase)
            return "Suicide bomb" if suicide else "Remote explosive/landmine/IED"
        if root.pos_ == "PROPN" and _aircraft(phrase[-1]):
            # A run-together headline ("... the World Beirut London- Warplanes releasing gas"):
            # the parser makes a name the root; a word for an aircraft ending the phrase is the agent.
            return "Air/drone strike"
        if lemma == "force" and any(t.lower_ in ("air", "aerial") for t in phrase):
            return "Air/drone strike"
        if lemma in ("missile", "rocket", "shell", "mortar", "artillery"):
            return "Shelling/artillery/missile attack"
        if lemma in ("bomb", "explosive", "device", "ied", "mine", "landmine"):
            return "Remote explosive/landmine/IED"
        return self._remote_act(root)

    def _remote_act(self, root: Token) -> str | None:
        """The sub-type of an act of remote violence named as the means: 'killed in coalition
        raids', 'rebel rocket fire killed four', 'fire on the district killed 13'. Raids that
        kill are air raids unless a modifier says otherwise ('a police raid')."""
        words = {c.lemma_.lower() for c in root.children if c.dep_ in ("compound", "amod", "nmod")}
        if root.lemma_.lower() in FIRE_WORDS:
            if words & _SHELL_WORDS or root.lemma_.lower() == "barrage":
                return "Shelling/artillery/missile attack"
            if not words & _SMALL_ARMS and any(
                self.lex.in_class(o.lower_, "territory")
                or o.lemma_.lower() in _AREA_PARTS
                or o.ent_type_ in ("GPE", "LOC", "FAC")
                for o in preposition_objects(root, "on")
            ):
                return "Shelling/artillery/missile attack"  # fire laid on a district, not shots
            if not words & _SMALL_ARMS and preposition_objects(root, "from"):
                return "Shelling/artillery/missile attack"  # "rebel fire from its outskirts"
            return None
        entries = self.lex.candidates(root.lemma_.lower(), root.lower_, "NOUN")
        for entry in entries[:1]:
            chosen = next((entry.modifiers[w] for w in words if w in entry.modifiers), entry.sub_type)
            if chosen is not None and acled_taxonomy().type_of(chosen) == "Explosions/Remote violence":
                return chosen
        return None

    def _target_party(self, actor: Actor, phrase: Span, scope: SentenceScope) -> bool:
        """Whether a target phrase is a party, not one of the article's places the gazetteer
        knows no actor by."""
        place = actor.kind is ActorKind.UNKNOWN and any(sp.token.i == phrase.root.i for sp in scope.places)
        return not place and self._is_party(actor, phrase.root)

    def _is_party(self, actor: Actor, head: Token) -> bool:
        """An actor the gazetteer knows, a named group or person, or a word for people."""
        if actor.kind is ActorKind.UNKNOWN and head.ent_type_ in ("GPE", "LOC", "FAC"):
            return False  # "struck Raqqa": a place hit, not a party
        if (
            actor.kind is not ActorKind.UNKNOWN
            or head.pos_ == "PROPN"
            or head.ent_type_ in ("PERSON", "ORG", "NORP")
        ):
            return True
        return self.lex.in_class(head.lemma_.lower(), "person") or self.lex.in_class(head.lower_, "person")

    def _military(self, text: str) -> bool:
        return any(self.lex.in_class(w, "military_target") for w in text.lower().split())

    def _protest(self, main: Trigger, args: Arguments, nearby: frozenset[str]) -> str:
        lemmas = {t.lemma_.lower() for t in main.token.doc} | nearby
        for sub_type, cues in self.lex.protest_escalation:
            if lemmas & cues:
                return sub_type
        return main.sub_type

    # --- confidence -------------------------------------------------------------------------------

    def _confidence(
        self,
        main: Trigger,
        decided: bool,
        reading: StatusReading,
        agent: Actor | None,
        patient: Actor | None,
        location: Place | None,
        date: DateValue | None,
        killed: Fatalities | None,
    ) -> float:
        """A score that rises with what the parse shows: the trigger's prior, a modifier that fixed
        the sub-type, each argument found; it falls for rules without evidence and plural nouns."""
        score = main.entry.weight + (0.1 if main.modifier is not None else 0.0)
        score += 0.05 * sum(x is not None for x in (agent, patient, location, date, killed))
        if not decided:
            score -= 0.1
        if not is_verb(main.token) and is_plural(main.token):
            score -= 0.05
        if reading.status is not Status.ASSERTED and reading.status is not Status.REPORTED:
            score -= 0.05
        return round(min(0.95, max(0.05, score)), 2)


def _clause_casualties(clause: list[Token]) -> Casualties:
    """Killed and wounded of a clause, including a subjectless participle that tells its toll:
    "a bomb struck a convoy, killing five soldiers and wounding seven"."""
    harm = casualties(span_of(clause))
    if harm.killed is not None and harm.wounded is not None:
        return harm
    inside = {t.i for t in clause}
    for token in clause:
        for child in token.children:
            if (
                child.dep_ == "advcl"
                and child.tag_ == "VBG"
                and child.i not in inside
                and not any(c.dep_.startswith("nsubj") for c in child.children)
            ):
                told = casualties(span_of(child.subtree))
                harm = Casualties(killed=harm.killed or told.killed, wounded=harm.wounded or told.wounded)
    return harm
