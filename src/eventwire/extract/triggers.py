"""Trigger detection: tokens of a parsed sentence that name an event, with their lexicon entry.

Holds the lemma lookup and the parse conditions of each entry ('needs'); it does not read
arguments, status or context (arguments.py, status.py, context.py do).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.extract.lexicon import TriggerEntry, TriggerLexicon
from eventwire.extract.syntax import (
    child_lemmas,
    children,
    is_passive,
    is_verb,
    particle,
    preposition_objects,
)

_OBJECT_DEPS = ("dobj", "obj", "attr", "oprd")
# Verbs of which a weapon or agreement noun as *subject* says the event happened ("a bomb exploded",
# "a missile hit the school"); "the ceasefire holds", "the truce broke down" name no new event.
_SUBJECT_EVENT_VERBS = frozenset(
    {
        "explode",
        "go",
        "hit",
        "strike",
        "kill",
        "target",
        "attack",
        "injure",
        "wound",
        "destroy",
        "damage",
        "tear",
        "rain",
        "land",
        "fall",
        "slam",
        "rock",
        "trigger",
        "detonate",
    }
)
_COMPOUND_DEPS = ("compound", "amod", "nmod")


@dataclass(frozen=True)
class Trigger:
    """A token that names an event, the lexicon entry that matched and the sub-type so far."""

    token: Token
    entry: TriggerEntry
    sub_type: str  # after modifiers/objects; a `rule` may still change it once actors are known
    modifier: str | None = None  # the compound/amod lemma that chose the sub-type, if any
    object_class: str | None = None


def find_triggers(doc: Doc, lex: TriggerLexicon) -> list[Trigger]:
    """Every trigger in a parsed sentence whose entry's conditions hold, left to right."""
    found: list[Trigger] = []
    for token in doc:
        for entry in lex.candidates(token.lemma_.lower(), token.lower_, token.pos_):
            trigger = _typed(token, entry, lex)
            if trigger is not None and _needs_hold(trigger, lex):
                found.append(trigger)
                break  # the first entry whose conditions hold ("strike": air strike before labour strike)
    return [t for t in found if not _classifier(t.token, lex)]


def _classifier(token: Token, lex: TriggerLexicon) -> bool:
    """A trigger noun that only classifies the noun it modifies: 'bomb' in 'barrel bomb attacks'
    (the head names the event), 'battle' in 'battle lines', 'attack' in 'attack helicopter'.
    Under 'fire', 'salvo' and the like it still names the event ('rocket fire')."""
    if is_verb(token) or token.dep_ not in _COMPOUND_DEPS or token.head.i == token.i:
        return False
    head = token.head
    if head.i < token.i and token.dep_ == "nmod":
        return False
    return head.lemma_.lower() not in lex.compound_event_heads or bool(
        lex.candidates(head.lemma_.lower(), head.lower_, head.pos_)
    )


def entity_in(token: Token, labels: tuple[str, ...]) -> bool:
    """Whether the token's entity label is one of `labels`.

    On a sentence that NER has not run on (its tokens carry no IOB tag), any proper noun may
    be such an entity: the answer errs toward a trigger, so that the parse-only first look
    in lean mode (`SentenceSelector.entities_needed`) keeps every sentence NER could confirm.
    """
    if token.ent_iob == 0:
        return token.pos_ == "PROPN"
    return token.ent_type_ in labels


def objects_of(token: Token) -> list[Token]:
    """The things a verbal trigger acts on: direct objects, or the passive subject."""
    objs = children(token, *_OBJECT_DEPS)
    if not objs and is_passive(token):
        objs = children(token, "nsubjpass")
    if not objs:
        # "took control of X", "handed over X": the object may hang under a particle or "of".
        objs = preposition_objects(token, "of", "over")
    out = list(objs)
    for obj in objs:
        out.extend(c for c in obj.children if c.dep_ == "conj")
        if obj.lower_ in ("some", "part", "most", "all", "many", "much", "dozens", "hundreds"):
            out.extend(preposition_objects(obj, "of"))
    return out


def object_class(token: Token, lex: TriggerLexicon) -> str | None:
    """The lexicon class of the first object that has one; GPE/LOC/FAC objects are territory."""
    for obj in objects_of(token):
        lemma = obj.lemma_.lower()
        for name in ("weapons", "territory", "person"):
            if lex.in_class(lemma, name) or lex.in_class(obj.lower_, name):
                return name
        if entity_in(obj, ("GPE", "LOC", "FAC")):
            return "territory"
        if entity_in(obj, ("PERSON",)):
            return "person"
    return None


def _modifier(token: Token, entry: TriggerEntry, lex: TriggerLexicon) -> str | None:
    found: list[str] = []
    near = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod") and c.i < token.i]
    # "chemical weapons attack", "barrel bomb attack": the modifier of a compound modifies the event too.
    near += [g for c in near if c.dep_ == "compound" for g in c.children if g.dep_ in ("compound", "amod")]
    for child in near:
        if child.i < token.i:
            for word in (child.lemma_.lower(), child.lower_):
                if word in entry.modifiers:
                    if entry.modifiers[word] is None:
                        return word  # "heart attack": not an event, whatever else modifies it
                    found.append(word)
                    break
    if found:
        # '"terrorist" rocket attacks': the most specific sub-type among the modifiers wins.
        return min(found, key=lambda w: lex.rank(entry.modifiers[w] or ""))
    # "attack with rockets", "attack using a drone": the instrument names the sub-type too.
    for obj in preposition_objects(token, "with", "using", "by"):
        if obj.lemma_.lower() in entry.modifiers:
            return obj.lemma_.lower()
    return None


def _typed(token: Token, entry: TriggerEntry, lex: TriggerLexicon) -> Trigger | None:
    sub_type = entry.sub_type
    modifier = _modifier(token, entry, lex)
    if modifier is not None:
        chosen = entry.modifiers[modifier]
        if chosen is None:
            return None  # "hunger strike", "heart attack": not an event of this lexicon
        sub_type = chosen
    cls = object_class(token, lex) if entry.objects else None
    if cls is not None and cls in entry.objects:
        chosen = entry.objects[cls]
        if chosen is None:
            return None
        if chosen != "territory":
            sub_type = chosen
    return Trigger(token, entry, sub_type, modifier, cls)


def _agent_heads(token: Token) -> list[Token]:
    heads = children(token, "nsubj")
    for agent in children(token, "agent"):
        heads.extend(children(agent, "pobj"))
    if not heads and token.dep_ in ("xcomp", "conj") and token.head.i != token.i:
        heads = children(token.head, "nsubj")
    return heads


def _event_use(token: Token, lex: TriggerLexicon) -> bool:
    """A weapon or crowd noun used as an event: 'fired rockets', 'a bomb exploded', 'killed by a mine'."""
    head = token.head
    verb = head.lemma_.lower()
    if token.dep_ == "nsubj" and verb not in _SUBJECT_EVENT_VERBS:
        return False  # "the ceasefire holds", "the deal broke down": the thing, not an event
    if token.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and verb in lex.event_use_verbs:
        return True
    if token.dep_ == "pobj" and head.lower_ in ("by", "with", "in", "from") and head.head.pos_ == "VERB":
        return head.head.lemma_.lower() in lex.event_use_verbs | lex.harm_verbs | {"attack", "injure", "die"}
    return False


def _governed_by(token: Token, verbs: set[str]) -> bool:
    """'signed a truce', 'a deal was reached', 'agreed on a ceasefire': an agreement noun is an
    event when a verb of making one governs it ("broke the ceasefire", "used the truce to
    regroup" name one already made)."""
    head = token.head
    if token.dep_ == "compound" and head.i != token.i:
        return _governed_by(head, verbs)  # "signed a ceasefire deal"
    if token.dep_ in ("dobj", "nsubjpass", "attr", "conj") and head.lemma_.lower() in verbs:
        return True
    return token.dep_ == "pobj" and head.lower_ in ("on", "to") and head.head.lemma_.lower() in verbs


def _needs_hold(trigger: Trigger, lex: TriggerLexicon) -> bool:
    return all(_need_holds(need, trigger, lex) for need in trigger.entry.needs)


def _need_holds(need: str, trigger: Trigger, lex: TriggerLexicon) -> bool:
    token = trigger.token
    name, _, arg = need.partition(":")
    options = set(arg.split("|")) if arg else set()
    if name == "modifier":
        return trigger.modifier is not None
    if name == "event_use":
        return _event_use(token, lex) or trigger.modifier is not None
    if name == "governed_by":
        return _governed_by(token, options)
    if name == "particle":
        return particle(token) in options
    if name == "has_object":
        return bool(objects_of(token))
    if name == "object_known":
        return trigger.object_class is not None
    if name == "object_class":
        return any(
            o.lemma_.lower() in lex.classes.get(c, ()) for o in objects_of(token) for c in options
        ) or ("territory" in options and object_class(token, lex) == "territory")
    if name == "not_object_class":
        return not any(o.lemma_.lower() in lex.classes.get(c, ()) for o in objects_of(token) for c in options)
    if name == "mover_class":
        # "troops were evacuated", "forces evacuated the base": armed movers; civilians who are
        # evacuated or flee are displacement, which ACLED does not code as an event.
        movers = objects_of(token) if is_passive(token) else _agent_heads(token)
        return any(
            lex.in_class(m.lemma_.lower(), c) or lex.in_class(m.lower_, c) for m in movers for c in options
        )
    if name == "object_lemma":
        return any(o.lemma_.lower() in options for o in objects_of(token))
    if name == "agent_class":
        return _agent_in(token, options, lex)
    if name == "not_generic_verb":
        return token.tag_ in ("VBD", "VBN") and bool(preposition_objects(token, "with", "against"))
    if name == "modifier_or_crowd":
        return trigger.modifier is not None or bool(child_lemmas(token, "prep") & {"against", "for"})
    if name == "xcomp_or_object":
        words = {c.lemma_.lower() for c in children(token, "xcomp", "dobj")}
        words |= {o.lemma_.lower() for o in preposition_objects(token, "on", "to")}
        return bool(words & options)
    return False


def _agent_in(token: Token, options: set[str], lex: TriggerLexicon) -> bool:
    for agent in _agent_heads(token):
        lemma = agent.lemma_.lower()
        if lemma == "force" and not any(c.lower_ in ("air", "aerial") for c in agent.children):
            lemma = "forces"  # "air force" flies; "government forces" do not
        if any(lex.in_class(lemma, c) for c in options if c != "state"):
            return True
        if "state" in options and (
            entity_in(agent, ("GPE", "NORP"))
            or any(entity_in(c, ("GPE", "NORP")) for c in agent.children if c.dep_ in ("amod", "compound"))
        ):
            return True
    return False
