"""Arguments of a trigger read from the dependency tree: who acted, on whom, in which clause.

Holds the agent/patient rules for verbal and nominal triggers and the clause a trigger's
date, place and counts are read from; it does not resolve names (resolve/ does) or pick places.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.extract.lexicon import TriggerLexicon
from eventwire.extract.syntax import (
    children,
    clause_head,
    clause_tokens,
    is_infinitive,
    is_passive,
    is_verb,
    noun_phrase,
    preposition_objects,
    span_of,
)
from eventwire.extract.triggers import Trigger
from eventwire.taxonomy import acled_taxonomy

# Prepositions that set one event beside another in time or cause, never inside it.
RELATING_PREPS = frozenset({"after", "before", "amid", "following", "despite", "since", "ahead"})
# ... of which these tell a harm's cause when nothing says how long before ("killed after strikes").
_CAUSAL_PREPS = frozenset({"after", "following"})
_HARM_WORDS = frozenset({"kill", "die", "dead", "wound", "injure", "leave", "death", "toll", "injured"})
# Prepositions through which a predicate carries the event it governs ("killed in an airstrike");
# "after", "amid", "since" only relate two events.
CARRIER_PREPS = frozenset({"in", "with", "by", "during", "under", "using", "through", "via"})
_SPOKESPEOPLE = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "official", "representative", "envoy", "source"}
)
_PRONOUNS = frozenset(
    {
        "it",
        "they",
        "them",
        "he",
        "she",
        "we",
        "i",
        "you",
        "its",
        "their",
        "his",
        "her",
        "our",
        "who",
        "which",
        "that",
        "this",
        "these",
        "those",
        "some",
        "one",
        "each",
        "both",
        "all",
        "side",  # "the two sides", "fighting between both sides": who they are is told elsewhere
        "sides",
    }
)
# Light verbs whose "by" agent performed the event ('suspected to be carried out by'); not
# 'held by', which says who controls a place.
_PERFORMING_VERBS = frozenset(
    {
        "carry",
        "conduct",
        "launch",
        "lead",
        "perpetrate",
        "commit",
        "execute",
        "stage",
        "mount",
        "fire",
        "drop",
        "plant",
        "detonate",
        "orchestrate",
        "mastermind",
        "perform",
        "wage",
    }
)
_WAR_TYPES = frozenset({"Battles", "Explosions/Remote violence"})
# Prepositions of time and means whose participle the main clause's subject does ("after shelling").
_ADJUNCT_PREPS = frozenset({"after", "before", "while", "when", "upon", "by", "since", "without", "through"})
# Words for shooting that, as agents, are the means: "rebel fire killed 14".
FIRE_WORDS = frozenset({"fire", "gunfire", "crossfire", "barrage"})
# Verbs whose object is charged with the event in their "of/for" phrase.
_ACCUSING_VERBS = frozenset({"accuse", "blame", "charge", "hold"})
# Verbs of saying, whose subject never controls a gerund after them.
_SAYING = frozenset({"say", "report", "tell", "add", "state", "write"})
# Verbs whose subject tells of its own act, their object: "IS claimed the attack", "the regime
# announced a ceasefire", "the army declared a truce".
OWN_ACTS = frozenset({"claim", "admit", "announce", "declare", "order", "sign"})
_PERSONAL_PRONOUNS = frozenset({"it", "they", "we", "he", "she"})
# Nominal triggers whose 'of X' is the victim ('the assassination of X', 'the arrest of X').
_OF_PATIENT = frozenset(
    {
        "assassination",
        "killing",
        "execution",
        "abduction",
        "kidnapping",
        "arrest",
        "detention",
        "massacre",
        "rape",
        "shooting",
        "capture",
        "bombing",
        "shelling",
        "withdrawal",
        "evacuation",
        "lynching",
    }
)


@dataclass(frozen=True)
class Arguments:
    """Heads of the argument phrases of one trigger, and the clause it lives in."""

    agent: Span | None
    patient: Span | None
    clause: list[Token]  # tokens of the trigger's clause (nested clauses excluded)
    chain: list[Token]  # the trigger and the predicates it is an argument of, up to its clause head
    # The weapon where the parse's agent is one ("killed by shells fired by rebels": the shells;
    # the agent is then who fired them, or None).
    instrument: Span | None = None
    # Further agent phrases, next best first, for when `agent` names no actor.
    alternatives: tuple[Span, ...] = ()
    # Another party than `patient` that a partner trigger names ("rebels were killed in clashes
    # with troops": the troops for "clashes", the rebels for "killed").
    counterpart: Span | None = None
    # The agent is a personal pronoun ("the army said it had retaken the town"): who it is, only
    # the attribution around it can say.
    pronoun_agent: bool = False

    @property
    def agents(self) -> list[Span]:
        return [a for a in (self.agent, *self.alternatives) if a is not None]

    @property
    def clause_span(self) -> Span:
        return span_of(self.clause)


def predicate_chain(token: Token, lex: TriggerLexicon) -> list[Token]:
    """The trigger and the predicates that carry it: 'strikes' -> 'killed' in 'the strikes killed';
    'strikes' -> 'continue' -> 'intends' in 'intends to continue strikes'. Status cues hang on these.
    """
    chain = [token]
    node = token
    while node.head.i != node.i:
        head = node.head
        dep = node.dep_
        if dep in ("xcomp", "conj", "dobj", "nsubj", "nsubjpass", "attr", "oprd", "pcomp", "appos"):
            if dep == "conj" and is_verb(node) != is_verb(head):
                break
            chain.append(head)
            node = head
            continue
        if dep == "pobj" and head.lower_ in CARRIER_PREPS and head.head.i != head.i:
            # "killed in an airstrike", "plans for an offensive": the prep's governor carries it.
            chain.append(head.head)
            node = head.head
            continue
        break
    return chain


def _controller(verb: Token) -> Token | None:
    """Subject of an infinitive: 'forced Tehran to withdraw' -> Tehran; 'intends to continue' -> subject."""
    node = verb
    while node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
        head = node.head
        if node.dep_ == "xcomp" and not is_infinitive(node) and head.lemma_.lower() in _SAYING:
            # "the Observatory said shelling hit ...": a report's content misread as its aim (a
            # denial's or admission's gerund is the speaker's own: "denied carrying out")
            return None
        objs = children(head, "dobj")
        if node.dep_ == "xcomp" and objs:
            return objs[0]
        subj = children(head, "nsubj")
        if subj:
            return subj[0]
        node = head
    if is_infinitive(node):
        return _purpose_subject(node)  # an infinitive under a noun is its purpose, not a relative clause
    if node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN"):
        return node.head  # "militants who attacked the convoy"
    return _accused(node)


def _purpose_subject(verb: Token) -> Token | None:
    """'rebels launched an offensive to retake the town', 'forces fight back to recapture the
    district': who pursues the purpose is the subject of the clause it hangs on (through the
    event noun it may hang from)."""
    if verb.dep_ not in ("advcl", "acl", "relcl") or not is_infinitive(verb):
        return None
    head = verb.head
    if not is_verb(head) and head.dep_ in ("dobj", "nsubjpass", "pobj") and head.head.i != head.i:
        head = head.head if is_verb(head.head) else head.head.head
    subj = children(head, "nsubj") if is_verb(head) else []
    return subj[0] if subj else None


def _accused(node: Token) -> Token | None:
    """'accused Belgium of killing civilians', 'blamed the regime for the attack': the accused is
    who the charge says acted."""
    prep = node.head
    if node.dep_ not in ("pcomp", "pobj") or prep.lower_ not in ("of", "for"):
        return None
    if prep.head.lemma_.lower() not in _ACCUSING_VERBS:
        return None
    # "Russia was accused of dropping bombs": the accused is the passive's subject.
    objs = children(prep.head, "nsubjpass" if is_passive(prep.head) else "dobj")
    return objs[0] if objs else None


def _blamed_on(noun: Token) -> Token | None:
    """'a car bombing blamed on Daesh', 'an attack (that was) blamed on the regime': whom a
    participle lays the event on; the accusation is the outlet's report of who did it."""
    for acl in children(noun, "acl", "relcl"):
        if acl.lemma_.lower() == "blame":
            on = preposition_objects(acl, "on")
            if on:
                return on[0]
    return None


def _means_not_actor(token: Token, lex: TriggerLexicon) -> bool:
    """A weapon or an event noun ('raids', 'fire', 'shelling') in an agent's slot."""
    if _weapon(token, lex):
        return True
    if token.pos_ != "NOUN" or lex.in_class(token.lemma_.lower(), "perpetrators"):
        return False
    entries = lex.candidates(token.lemma_.lower(), token.lower_, "NOUN")
    # "a mob", "rioters", "protesters" are people; "raids", "shelling", "clashes" are acts of war
    return bool(entries) and all(acled_taxonomy().type_of(e.sub_type) in _WAR_TYPES for e in entries)


def _host_subject(pronoun: Token) -> Token | None:
    """'Regime aircraft killed ten when they dropped barrel bombs': a pronoun subject of an
    adverbial clause stands for the subject of the clause it modifies, when that is a noun."""
    verb = pronoun.head
    if pronoun.dep_ != "nsubj" or verb.dep_ != "advcl":
        return None
    subjects = children(verb.head, "nsubj")
    return subjects[0] if subjects and subjects[0].pos_ in ("NOUN", "PROPN") else None


def _weapon(token: Token, lex: TriggerLexicon) -> bool:
    return lex.in_class(token.lemma_.lower(), "weapons") or token.lemma_.lower() in FIRE_WORDS


def _means_in(verb: Token, lex: TriggerLexicon) -> Token | None:
    """'killed in coalition raids', 'died in rebel shelling': the act a harm verb's 'in' phrase
    names is the means, and who it names in its modifiers did the harm."""
    for obj in preposition_objects(verb, "in"):
        if obj.pos_ == "NOUN" and _means_not_actor(obj, lex):
            return obj
    return None


def _principal(token: Token | None) -> Token | None:
    """'a spokesman for the defence ministry denied carrying out the attack': a spokesperson acts
    for the body named after it; that body is the actor."""
    if token is None or token.lemma_.lower() not in _SPOKESPEOPLE:
        return token
    for prep in children(token, "prep"):
        if prep.lower_ in ("for", "of", "from"):
            objs = children(prep, "pobj")
            if objs:
                return objs[0]
    return token


def _real(token: Token | None) -> Token | None:
    """Drop pronouns, bare quantifiers and times ('clashes on Monday'): they name no actor."""
    if token is None or token.lower_ in _PRONOUNS or token.pos_ == "PRON":
        return None
    if token.pos_ not in ("NOUN", "PROPN", "ADJ") or token.ent_type_ in ("DATE", "TIME"):
        return None
    return token


def _phrase(token: Token | None) -> Span | None:
    token = _real(token)
    if token is None:
        return None
    span = noun_phrase(token)
    return span if span.text.strip() else None


def _reduced_passive(verb: Token, lex: TriggerLexicon) -> bool:
    """'Two patients killed and eight injured', '16 civilians killed in raids': a headline's
    passive without its auxiliary, read by the parser as active. A counted subject and no
    object of a harm verb are the victims, not the killers."""
    if verb.tag_ not in ("VBD", "VBN") or verb.lemma_.lower() not in lex.harm_verbs | {"injure", "wound"}:
        return False
    if children(verb, "dobj", "auxpass", "aux"):
        return False
    subjects = children(verb, "nsubj")
    if subjects and verb.tag_ == "VBN" and verb.dep_ in ("relcl", "acl"):
        return True  # "relatives of people killed in a bombing", read as "relatives killed"
    return bool(subjects) and any(c.dep_ == "nummod" for c in subjects[0].children)


def _by_agent(verb: Token) -> Token | None:
    for agent in children(verb, "agent"):
        objs = children(agent, "pobj")
        if objs:
            return objs[0]
    return None


def verbal_agent(verb: Token, lex: TriggerLexicon) -> Token | None:
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and children(verb, "dobj"):
        # "a missile fired by Syrian forces killed 18 civilians", parsed with "killed 18" hung on
        # "forces": an active verb with its object, done by the noun it hangs on
        return verb.head
    if is_passive(verb) or (verb.tag_ == "VBN" and verb.dep_ == "acl"):
        # "civilians killed by a US-led coalition": a reduced relative is a passive without its
        # auxiliary; its "by" phrase is the agent
        return _by_agent(verb)
    subj = children(verb, "nsubj")
    if subj:
        return subj[0]
    if verb.tag_ == "VBG":
        # "Shelling by the army killed 21": a gerund's "by" phrase is its agent
        by = preposition_objects(verb, "by")
        if by:
            return by[0]
    return _controller(verb) or _adjunct_controller(verb)


def _adjunct_controller(verb: Token) -> Token | None:
    """'The rebels withdrew after shelling the town', 'troops advanced while shelling': a
    subjectless participle clause of an active verb is done by that verb's subject."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "pcomp"):
        return None
    if verb.dep_ == "pcomp" and verb.head.lower_ not in _ADJUNCT_PREPS:
        return None  # "voted against bombing Syria", "is about retaking towns": not a doing of theirs
    head = verb.head.head if verb.dep_ == "pcomp" else verb.head
    if head.pos_ != "VERB" or is_passive(head):
        return None
    subj = children(head, "nsubj")
    return subj[0] if subj else None


def verbal_patient(verb: Token) -> Token | None:
    if is_passive(verb):
        subj = children(verb, "nsubjpass")
        if subj:
            return subj[0]
    objs = children(verb, "dobj")
    if objs:
        obj = objs[0]
        if obj.lower_ in ("some", "part", "most", "dozens", "hundreds") and preposition_objects(obj, "of"):
            return preposition_objects(obj, "of")[0]
        return obj
    for obj in preposition_objects(verb, "on", "against", "at", "with"):
        if _real(obj) is not None:  # not "on Monday"
            return obj
    return None


def _names_actor(token: Token, lex: TriggerLexicon) -> bool:
    return (
        token.ent_type_ in ("NORP", "GPE", "ORG")
        or token.pos_ == "PROPN"
        or lex.in_class(token.lemma_.lower(), "actor_words")
    )


def _left_modifiers(noun: Token) -> list[Token]:
    """The noun's modifiers before it, then their compounds ('government' in 'government barrel
    bombs')."""
    direct = [c for c in noun.children if c.i < noun.i]
    nested = [
        m
        for c in direct
        if c.dep_ in ("compound", "nmod")
        for m in c.children
        if m.i < c.i and m.dep_ in ("compound", "nmod")
    ]
    return direct + nested  # "Syrian rebel shelling": the rebels, not the word's nationality


def _adjectival_agent(noun: Token, lex: TriggerLexicon) -> Token | None:
    """'Israeli strikes', 'US drone strike', "Israel's strikes", 'rebel shelling', 'an army
    offensive', 'a Daesh-orchestrated bombing', 'government barrel bombs': a modifier names the
    agent (a name, or a word for an armed actor), itself or through a performing participle."""
    modifiers = _left_modifiers(noun)
    for child in modifiers:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
        if child.dep_ in ("amod", "compound", "nmod") and _names_actor(child, lex):
            if child.ent_type_ in ("GPE", "PERSON"):
                # "Syria rebel rocket", "Syria regime air strikes": a headline's country names where;
                # the word for an armed actor after it names who ("Assad regime air strikes": the
                # leader's regime, not the man)
                armed = [
                    m for m in modifiers if m.i > child.i and lex.in_class(m.lemma_.lower(), "actor_words")
                ]
                return armed[0] if armed else child
            return child
        if child.dep_ == "amod" and child.tag_ == "VBN" and child.lemma_.lower() in lex.light_verbs:
            for mod in child.children:
                if mod.i < child.i and mod.dep_ in ("npadvmod", "compound") and _names_actor(mod, lex):
                    return mod
    return None


def _performer(noun: Token, lex: TriggerLexicon) -> Token | None:
    """'the bombing carried out by the coalition', 'airstrikes led by the US', 'barrel bombs
    dropped by the regime killed 12', 'the attack was claimed by IS': the agent of a participle
    or passive that performs the event (not of one that comments on it: 'condemned by')."""
    for acl in children(noun, "acl"):
        if acl.tag_ == "VBN" and acl.lemma_.lower() in lex.light_verbs:
            agent = _by_agent(acl)
            if agent is not None:
                return agent
        # "air strikes suspected to be carried out by the regime", "believed to be led by": the
        # performer behind a hedging participle.
        for xcomp in children(acl, "xcomp"):
            if xcomp.tag_ == "VBN" and xcomp.lemma_.lower() in _PERFORMING_VERBS:
                agent = _by_agent(xcomp)
                if agent is not None:
                    return agent
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in lex.light_verbs:
        return _by_agent(head)
    return None


def _source(noun: Token, lex: TriggerLexicon) -> Token | None:
    """'rocket fire from Syrian rebels', 'a barrage of rockets from regime positions': where fire
    comes from names who fired, when it is an actor ('shelling from the north' is not)."""
    heads = [noun, *preposition_objects(noun, "of")]
    for head in heads:
        for obj in preposition_objects(head, "from"):
            if _names_actor(obj, lex) and obj.ent_type_ not in ("GPE", "LOC", "FAC"):
                return obj
    return None


def _possessive_pronoun_agent(noun: Token) -> Token | None:
    """'Israel ... intensified its strikes': 'its' is the subject of the verb that governs the noun."""
    if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
        return None
    head = clause_head(noun)
    subj = children(head, "nsubj")
    return subj[0] if subj and subj[0].pos_ in ("PROPN", "NOUN") else None


# Nouns of a time of day a clause's "between X and Y" may be misparsed under.
_TIME_NOUNS = frozenset({"night", "midnight", "morning", "evening", "afternoon", "dawn", "day", "hours"})


def _between(noun: Token) -> list[Token]:
    """The sides of 'clashes between X and Y', also when the parse hangs the phrase on the verb the
    clash word is the subject of ('fighting erupted overnight between X and Y'): an intransitive
    verb's 'between' can only place the sides of its subject."""
    sides = preposition_objects(noun, "between")
    head = noun.head
    if sides or noun.dep_ != "nsubj" or head.pos_ != "VERB" or children(head, "dobj"):
        return sides
    # "erupted during the night between X and Y": the parse may hang it on the time phrase
    times = [o for p in children(head, "prep") for o in children(p, "pobj") if _a_time(o)]
    return [side for h in (head, *times) for side in preposition_objects(h, "between")][:2]


def _a_time(token: Token) -> bool:
    return token.ent_type_ in ("DATE", "TIME") or token.lemma_.lower() in _TIME_NOUNS


def nominal_agents(noun: Token, lex: TriggerLexicon) -> list[Token]:
    """Candidates for a nominal trigger's agent, best first: a modifier, 'by/between X', a
    performing participle, a possessive pronoun's antecedent, a light verb's subject, the word
    itself. The event builder takes the first that names an actor ("Barrel bombs dropped by the
    regime": not "Barrel")."""
    found = [
        _adjectival_agent(noun, lex),
        *preposition_objects(noun, "by")[:1],
        *_between(noun)[:1],
        _performer(noun, lex),
        _source(noun, lex),
        _possessive_pronoun_agent(noun),
        _accused(noun),
        _blamed_on(noun),
    ]
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in lex.light_verbs | OWN_ACTS:
        # "Israel launched strikes", "intends to continue strikes", "IS claimed the attack"
        found.append(verbal_agent(head, lex))
    if lex.in_class(noun.lemma_.lower(), "perpetrators") or lex.in_class(noun.lower_, "perpetrators"):
        found.append(noun)  # "a suicide bomber blew himself up": the event word names who did it
    return [t for t in found if t is not None]


def nominal_patient(noun: Token, lex: TriggerLexicon) -> Token | None:
    for obj in preposition_objects(noun, "on", "against", "targeting", "at"):
        if _real(obj) is not None:  # not "clashes on Monday"
            return obj
    if noun.lemma_.lower() in _OF_PATIENT:
        for obj in preposition_objects(noun, "of"):
            return obj
    between = _between(noun)
    if between:
        # "between fighters from the Free Syrian Army and IS": the parse may join IS to the group
        groups = [o for p in children(between[0], "prep") if p.lower_ == "from" for o in children(p, "pobj")]
        conj = [c for h in (between[0], *groups) for c in h.children if c.dep_ == "conj"]
        if conj:
            return conj[0]
    for obj in preposition_objects(noun, "with"):
        if obj.pos_ in ("NOUN", "PROPN") and obj.lemma_.lower() not in lex.classes.get("weapons", ()):
            return obj
    head = noun.head
    if noun.dep_ in ("nsubj",) and head.lemma_.lower() in lex.harm_verbs:
        return verbal_patient(head)  # "the strikes killed 14 fighters", "strikes targeted X"
    return None


def relates_another(token: Token, lex: TriggerLexicon) -> bool:
    """'a day after airstrikes on a school', 'amid clashes': an event set beside another one.
    'Killed after airstrikes hit Aleppo', '10 dead after strikes on hospitals' tell the cause."""
    return token.dep_ == "pobj" and _relating(token.head, lex)


def _relating(prep: Token, lex: TriggerLexicon) -> bool:
    word = prep.lower_
    if word not in RELATING_PREPS:
        return False
    if word not in _CAUSAL_PREPS:
        return True
    if any(c.dep_ in ("npadvmod", "advmod") for c in prep.children):
        return True  # "a day after", "hours after": another time, another event
    harm = prep.head
    if harm.lemma_.lower() not in _HARM_WORDS:
        return True
    # a toll told with its own cause ("killed in an air strike ... after clashes") keeps "after"
    # for what came before
    return any(
        p.lower_ in CARRIER_PREPS and any(lex.lookup(o.lemma_.lower(), "NOUN") for o in children(p, "pobj"))
        for p in children(harm, "prep")
    )


def _event_clause(token: Token, lex: TriggerLexicon) -> list[Token]:
    """The tokens a trigger's date, place and toll are read from: its clause, less the phrases
    that relate another event to it ('killed in rocket attacks on Thursday a day after airstrikes
    on a school in Idlib': Idlib is where the airstrikes were); for such a related event, its own
    phrase."""
    if relates_another(token, lex):
        return sorted(token.head.subtree, key=lambda t: t.i)
    clause = clause_tokens(clause_head(token))
    aside: set[int] = set()
    for prep in clause:
        if not _relating(prep, lex) or prep.is_ancestor(token):
            continue
        if any(lex.lookup(o.lemma_.lower(), "NOUN") for o in children(prep, "pobj")):
            aside.update(t.i for t in prep.subtree)
    return [t for t in clause if t.i not in aside]


def read_arguments(trigger: Trigger, lex: TriggerLexicon) -> Arguments:
    token = trigger.token
    chain = predicate_chain(token, lex)
    others: list[Token] = []
    agent: Token | None
    patient: Token | None
    if is_verb(token) and _reduced_passive(token, lex):
        agent, patient = None, children(token, "nsubj")[0]  # "Two patients killed and eight injured"
    elif is_verb(token):
        agent, patient = verbal_agent(token, lex), verbal_patient(token)
        if trigger.entry.patient_is_actor:
            # "forces were evacuated", "Tehran withdrew its forces": one actor, no target.
            agent, patient = agent or patient, None
    else:
        candidates = nominal_agents(token, lex)
        agent, others = (candidates[0], candidates[1:]) if candidates else (None, [])
        patient = nominal_patient(token, lex)
    means = (
        _means_in(token, lex)
        if is_verb(token) and token.lemma_.lower() in lex.harm_verbs | {"die", "wound", "injure"}
        else None
    )
    # beside a named performer only a weapon types the act ("killed in mortar fire by rebels");
    # "police killed two in a raid" is the police's raid, not an air raid
    weapon = means is not None and _weapon(means, lex)
    instrument = means if agent is not None and weapon else None
    agent = agent or means
    if instrument is None and is_verb(token) and token.dep_ in ("advcl", "conj", "xcomp"):
        # "terrorists fired rocket shells on the district, killing two": the weapon of the act
        # the killing follows from types it
        instrument = next((o for o in children(token.head, "dobj") if _weapon(o, lex)), None)
    if agent is not None and _means_not_actor(agent, lex):
        # "raids killed 16", "rebel fire killed 14", "shells fired by rebels": a weapon or an event
        # word is the means; who used it is its performer or the modifier that names one
        instrument, agent = agent, _performer(agent, lex) or _adjectival_agent(agent, lex)
    if agent is not None and agent.lower_ in _PERSONAL_PRONOUNS:
        agent = _host_subject(agent) or agent
    clause = _event_clause(token, lex)
    alternatives = [_phrase(_principal(t)) for t in others]
    pronoun = agent is not None and agent.lower_ in _PERSONAL_PRONOUNS
    return Arguments(
        agent=_phrase(_principal(agent)),
        patient=_phrase(patient),
        clause=clause,
        chain=chain,
        instrument=_phrase(instrument),
        alternatives=tuple(a for a in alternatives if a is not None),
        pronoun_agent=pronoun,
    )
