"""Counts in news text ('14', 'at least 23', 'dozens', 'a soldier') and whom they count.

Holds the count parser and the casualty reader over a spaCy parse (killed apart from wounded);
it does not decide which event a count belongs to (extract does) nor resolve dates or actors.
"""

from __future__ import annotations

import json
import re
from collections.abc import Container, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Literal

from spacy.tokens import Span, Token

from eventwire.errors import ModelError
from eventwire.records import Fatalities, FatalityQualifier

Harm = Literal["killed", "wounded"]

_WORD_RE = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+(?:'[a-z]+)?\.?|[%$€£]|\S")
# Spelled-out numbers are hyphenated ("twenty-three"); a hyphen between two number words is noise.
_SKIP_INSIDE = frozenset({"-", "and"})
_NEGATIVE_WORDS = {"no one": 0, "nobody": 0, "none": 0, "no": 0, "not a single": 0, "zero": 0}
_AUX_BETWEEN = frozenset(
    {
        "were",
        "was",
        "is",
        "are",
        "have",
        "has",
        "had",
        "been",
        "be",
        "being",
        "reportedly",
        "also",
        "later",
        "allegedly",
        "all",
        "both",
        "each",
        "subsequently",
        "reported",
        "confirmed",
        "believed",
        "to",
        "initially",
        "eventually",
        "instantly",
        "immediately",
        "left",
        "who",
        "that",
        "found",
        ",",
    }
)
# Year-like digits with nothing after them are dates ("in 2011"), not counts.
_YEAR_MIN, _YEAR_MAX = 1900, 2100


@dataclass(frozen=True)
class CountLexicon:  # cached_property needs an instance __dict__: frozen dataclasses keep one
    """The packaged count words and casualty cues (data/grounding/counts.json)."""

    version: str
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    exact_words: dict[str, int]
    vague: dict[str, int]
    qualifiers: dict[str, FatalityQualifier]
    not_count_after: frozenset[str]
    not_count_before: frozenset[str]
    year_prepositions: frozenset[str]  # "in 2011": only before a year-like number
    kill_verbs: frozenset[str]
    death_verbs: frozenset[str]
    death_words: frozenset[str]
    wound_verbs: frozenset[str]
    wound_words: frozenset[str]
    subset_cues: frozenset[str]
    person_nouns: frozenset[str]
    person_pronouns: dict[str, int]

    @cached_property
    def max_phrase_words(self) -> int:
        phrases = [*self.exact_words, *self.vague, *self.qualifiers, *_NEGATIVE_WORDS]
        return max(len(p.split()) for p in phrases)

    @cached_property
    def first_words(self) -> frozenset[str]:
        """Words a count phrase can start with, so a scan skips every other token at once."""
        phrases = (*self.vague, *self.exact_words, *self.qualifiers, *self.units, *self.tens)
        extra = ("a", "an", "no", "nobody", "none", "between", "single", "lone")
        return frozenset({p.split()[0] for p in phrases} | set(extra))


@cache
def count_lexicon() -> CountLexicon:
    """Load the count lexicon once per process."""
    try:
        raw = json.loads(
            resources.files("eventwire.data").joinpath("grounding/counts.json").read_text("utf-8")
        )
    except (OSError, ValueError) as exc:
        raise ModelError(
            f"cannot load the count lexicon data/grounding/counts.json: {exc}; reinstall eventwire",
            code="EW030",
        ) from exc
    qualifiers: dict[str, FatalityQualifier] = {}
    for qualifier in ("at_least", "at_most", "approx"):
        for phrase in raw["qualifiers"][qualifier]:
            qualifiers[phrase] = qualifier
    return CountLexicon(
        version=raw["version"],
        units=raw["units"],
        tens=raw["tens"],
        scales=raw["scales"],
        exact_words=raw["exact_words"],
        vague=raw["vague"],
        qualifiers=qualifiers,
        not_count_after=frozenset(raw["not_count_after"]),
        not_count_before=frozenset(raw["not_count_before"]),
        year_prepositions=frozenset(raw["year_prepositions"]),
        kill_verbs=frozenset(raw["kill_verbs"]),
        death_verbs=frozenset(raw["death_verbs"]),
        death_words=frozenset(raw["death_words"]),
        wound_verbs=frozenset(raw["wound_verbs"]),
        wound_words=frozenset(raw["wound_words"]),
        subset_cues=frozenset(raw["subset_cues"]),
        person_nouns=frozenset(raw["person_nouns"]),
        person_pronouns=raw["person_pronouns"],
    )


@dataclass(frozen=True)
class ParsedCount:
    """A count read from a run of words: value, qualifier and how many words it used."""

    value: int
    qualifier: FatalityQualifier
    used: int


def _match_phrase(words: Sequence[str], i: int, keys: Container[str], longest: int) -> str | None:
    """The longest phrase of `keys` that starts at words[i], if any."""
    for n in range(min(longest, len(words) - i), 0, -1):
        candidate = " ".join(words[i : i + n])
        if candidate in keys:
            return candidate
    return None


def _digits(word: str) -> int | None:
    """'1,200' -> 1200; decimals and malformed groupings are not counts."""
    if "." in word or not word[0].isdigit():
        return None
    plain = word.replace(",", "")
    return int(plain) if plain.isdigit() else None


def _spelled(words: Sequence[str], i: int, lex: CountLexicon) -> tuple[int, int] | None:
    """Spelled-out numbers: 'twenty-three', 'one hundred and twenty', 'a hundred'. -> (value, used)."""
    total, current, j, seen = 0, 0, i, False
    while j < len(words):
        word = words[j]
        if word in lex.units and word != "no":
            current += lex.units[word]
        elif word in lex.tens:
            current += lex.tens[word]
        elif word in lex.scales and (seen or word == "hundred"):
            scale = lex.scales[word]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        elif word in ("a", "an") and j + 1 < len(words) and words[j + 1] in lex.scales and not seen:
            current = 1
        elif (
            word in _SKIP_INSIDE
            and seen
            and j + 1 < len(words)
            and (words[j + 1] in lex.units or words[j + 1] in lex.tens)
        ):
            pass
        else:
            break
        seen = seen or word not in ("a", "an")
        j += 1
    if not seen:
        return None
    return total + current, j - i


def _parse_number(words: Sequence[str], i: int, lex: CountLexicon) -> tuple[int, bool, int] | None:
    """The number at words[i]: (value, vague, used) or None. Vague words carry ACLED's values."""
    if i >= len(words):
        return None
    negative = _match_phrase(words, i, _NEGATIVE_WORDS, 3)
    if negative is not None:
        used = len(negative.split())
        return (0, False, used) if negative != "no" or i + 1 < len(words) else None
    vague = _match_phrase(words, i, lex.vague, 4)
    if vague is not None:
        used = len(vague.split())
        if i + used < len(words) and words[i + used] == "of":
            used += 1
        return lex.vague[vague], True, used
    exact = _match_phrase(words, i, lex.exact_words, 3)
    if exact is not None:
        return lex.exact_words[exact], False, len(exact.split())
    word = words[i]
    if word[0].isdigit():
        value = _digits(word)
        if value is None:
            # "1.2 million" is a count; "1.2" alone is not.
            if i + 1 < len(words) and words[i + 1] in lex.scales and re.fullmatch(r"\d+\.\d+", word):
                return int(float(word) * lex.scales[words[i + 1]]), False, 2
            return None
        if i + 1 < len(words) and words[i + 1] in ("thousand", "million"):
            return value * lex.scales[words[i + 1]], False, 2
        return value, False, 1
    spelled = _spelled(words, i, lex)
    if spelled is not None:
        return spelled[0], False, spelled[1]
    if word in ("a", "an", "single", "lone"):
        return 1, False, 1
    return None


def _range_end(words: Sequence[str], i: int, lex: CountLexicon) -> int:
    """Words used by the upper end of a range ('6-13', '6 to 13', '6 or 7'); 0 if there is none."""
    if i + 1 < len(words) and words[i] in ("-", "to", "or", "–"):
        upper = _parse_number(words, i + 1, lex)
        if upper is not None and not upper[1]:
            return 1 + upper[2]
    return 0


def parse_words(words: Sequence[str], lex: CountLexicon | None = None) -> ParsedCount | None:
    """A count at the start of lower-cased words, with qualifier; None if they do not start with one.

    ACLED's conventions: ranges and 'between 6 and 13' keep the lower bound (at_least); 'more
    than 100' is at_least 100 (the number the text gives, never an invented 101).
    """
    lex = lex or count_lexicon()
    i = 0
    qualifier: FatalityQualifier = "exact"
    if words and words[0] == "between":
        qualifier, i = "at_least", 1
    else:
        phrase = _match_phrase(words, 0, lex.qualifiers, lex.max_phrase_words)
        if (phrase is not None and phrase != "some") or (
            phrase == "some" and len(words) > 1 and _parse_number(words, 1, lex) is not None
        ):
            assert phrase is not None
            qualifier, i = lex.qualifiers[phrase], len(phrase.split())
    number = _parse_number(words, i, lex)
    if number is None:
        return None
    value, vague, used = number
    j = i + used
    if words[0] == "between" and j + 1 < len(words) and words[j] == "and":
        j += 1 + (_parse_number(words, j + 1, lex) or (0, False, 0))[2]
    extra = _range_end(words, j, lex)
    if extra:
        qualifier, j = "at_least", j + extra
    if j < len(words) and words[j] in lex.not_count_after:
        return None
    if j < len(words) and words[j] == "-" and j + 1 < len(words) and words[j + 1] in lex.not_count_after:
        return None
    if vague and qualifier == "exact":
        qualifier = "approx"
    return ParsedCount(value=value, qualifier=qualifier, used=j)


def _year_like(word: str) -> bool:
    return word.isdigit() and len(word) == 4 and _YEAR_MIN <= int(word) < _YEAR_MAX


def _words_of(phrase: str) -> list[str]:
    return _WORD_RE.findall(phrase.lower())


def parse_count(phrase: str) -> Fatalities | None:
    """Read a count phrase: '14', '1,200', 'twenty-three', 'at least 23', 'dozens', 'a soldier'.

    Returns None for what is not a count of people or things: years ('in 2011'), ages
    ('aged 14', '14-year-old'), percentages, money, ordinals and measures.
    """
    words = _words_of(phrase.strip())
    if not words:
        return None
    lex = count_lexicon()
    if words[0] in lex.not_count_before or (
        words[0] in lex.year_prepositions and len(words) > 1 and _year_like(words[1])
    ):
        return None
    parsed = parse_words(words)
    if parsed is None:
        return None
    rest = words[parsed.used :]
    number_word = words[parsed.used - 1]
    if (
        not rest
        and number_word.isdigit()
        and len(number_word) == 4
        and _YEAR_MIN <= int(number_word) < _YEAR_MAX
    ):
        return None
    if not rest and parsed.used == 1 and words[0] in ("a", "an"):
        return None  # a bare article counts nothing
    return Fatalities(value=parsed.value, text=phrase.strip(), qualifier=parsed.qualifier)


# --- casualties over a parse -------------------------------------------------------------------


@dataclass(frozen=True)
class CountMention:
    """A count found in a parsed span: the tokens that say it, its value and the noun it counts."""

    start: int  # doc token index of the first word (qualifier included)
    end: int  # doc token index after the last number word
    count: Fatalities
    anchor: Token  # the counted noun, or the last number word when there is none ("killing three")


@dataclass(frozen=True)
class Casualties:
    """Killed and wounded read from one span; either is None when the span does not say."""

    killed: Fatalities | None = None
    wounded: Fatalities | None = None


def _could_start(token: Token, lex: CountLexicon) -> bool:
    return token.like_num or token.lower_ in lex.first_words


def _anchor_after(tokens: Span | Sequence[Token], j: int, doc_end: int) -> Token | None:
    """The counted noun right after a number: '14 Afghan soldiers' -> soldiers, 'dozens of people'."""
    doc = tokens[0].doc if len(tokens) else None
    if doc is None:
        return None
    k = j
    if k < doc_end and doc[k].lower_ == "of":
        k += 1
    anchor: Token | None = None
    while k < doc_end and k - j < 5:
        token = doc[k]
        if token.pos_ in ("NOUN", "PROPN") or (token.text.isupper() and len(token.text) > 1):
            anchor = token  # "5 IS militants": the tagger reads "IS" as a verb
        elif (
            token.pos_ not in ("ADJ", "DET")
            and token.dep_ not in ("amod", "compound")
            and token.lower_ not in ("-", "more", "other")
        ):
            break
        if token.pos_ == "NOUN" and token.dep_ != "compound":
            break
        k += 1
    return anchor


def find_counts(span: Span) -> list[CountMention]:
    """Every count of people or things in a parsed span, left to right, not overlapping."""
    lex = count_lexicon()
    doc = span.doc
    words = [t.lower_ for t in doc]
    mentions: list[CountMention] = []
    i = span.start
    while i < span.end:
        token = doc[i]
        if not _could_start(token, lex) or token.ent_type_ in ("PERCENT", "MONEY", "ORDINAL", "TIME"):
            i += 1
            continue
        parsed = parse_words(words[i : span.end], lex)
        if parsed is None:
            i += 1
            continue
        end = i + parsed.used
        before = words[i - 1] if i > span.start else ""
        if before in lex.not_count_before or (before in lex.year_prepositions and _year_like(words[i])):
            i = end  # "aged 14 to 20", "in 2011": the whole number is not a count
            continue
        last = doc[end - 1]
        anchor = _anchor_after(span, end, span.end)
        article = parsed.used == 1 and words[i] in ("a", "an", "single", "lone")
        if article and (anchor is None or anchor.pos_ != "NOUN" or anchor.tag_ in ("NNS", "NNPS")):
            i += 1
            continue
        if anchor is None and _year_like(last.text):
            i = end
            continue
        # "a soldier": the article alone is no readable count text, so keep the noun with it.
        text_end = end - 1 if end - i > 1 and words[end - 1] == "of" else end  # "dozens of" -> "dozens"
        text = doc[i : anchor.i + 1].text if article and anchor is not None else doc[i:text_end].text
        mentions.append(
            CountMention(
                start=i,
                end=end,
                count=Fatalities(value=parsed.value, text=text, qualifier=parsed.qualifier),
                anchor=anchor or last,
            )
        )
        i = end
    return mentions


def _harm_of_verb(verb: Token, lex: CountLexicon, *, shared_subject: bool = False) -> Harm | None:
    """The harm a verb does to its patient; with a shared subject ('was kidnapped and killed', 'was
    shot and killed') its coordinated verbs count too. An object belongs to its own verb only."""
    harm = _harm_of_one_verb(verb, lex)
    if harm != "killed" and shared_subject and verb.pos_ in ("VERB", "AUX"):
        for conj in verb.children:
            if (
                conj.dep_ == "conj"
                and conj.pos_ == "VERB"
                and not any(c.dep_ == "nsubj" for c in conj.children)
            ):
                harm = _harm_of_one_verb(conj, lex)
                if harm == "killed":
                    return harm
    return harm


def _harm_of_one_verb(verb: Token, lex: CountLexicon) -> Harm | None:
    if any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
        for c in verb.children
    ):
        return "killed"  # "shot to death", "beaten to death"
    lemma = verb.lemma_.lower()
    if lemma in lex.kill_verbs or lemma in lex.death_verbs:
        if lemma == "shoot" and not _shot_dead(verb):
            return "wounded" if verb.tag_ == "VBN" else None
        return "killed"
    if lemma in lex.wound_verbs:
        return "wounded"
    return None


def _shot_dead(verb: Token) -> bool:
    """ "shot dead", also when the parser hangs "dead" on the object ("shot dead two traders")."""
    return any(c.lower_ == "dead" for c in verb.children) or any(
        c.dep_ == "dobj" and any(g.lower_ == "dead" and g.i == verb.i + 1 for g in c.children)
        for c in verb.children
    )


def _harm_before(mention: CountMention, span: Span) -> tuple[Harm, Token] | None:
    """'the bodies of 30 militants', 'the deaths of 5 people': the harm noun before the count."""
    doc = mention.anchor.doc
    if mention.start - 2 >= span.start and doc[mention.start - 1].lower_ == "of":
        noun = doc[mention.start - 2]
        if noun.lower_ in ("bodies", "corpses", "remains", "deaths", "death", "killing", "killings"):
            return "killed", noun
    return None


def _harm_after(mention: CountMention, span: Span, lex: CountLexicon) -> tuple[Harm, Token] | None:
    """'5 dead', '14 people were killed', '12 wounded': the harm word after the counted noun."""
    anchor = mention.anchor
    if anchor.dep_ == "pobj" and not mention.start <= anchor.head.i <= mention.end:
        return None  # "a judge of a provincial court was killed": the court is no victim
    doc = anchor.doc
    k = anchor.i + 1
    while k < span.end and k - anchor.i <= 4 and doc[k].lower_ in _AUX_BETWEEN:
        k += 1
    if k >= span.end:
        return None
    word = doc[k]
    low = word.lower_
    if low in ("dead", "killed", "slain", "died", "perished", "executed", "murdered", "beheaded"):
        if low == "killed" and k == anchor.i + 1 and any(c.dep_ in ("dobj", "obj") for c in word.children):
            return None  # "soldiers killed 3 rebels": the soldiers did the killing
        return "killed", word
    if low in lex.wound_words:
        if k == anchor.i + 1 and any(c.dep_ in ("dobj", "obj") for c in word.children):
            return None
        return "wounded", word
    if word.lemma_.lower() in ("die", "perish", "succumb") and word.pos_ in ("VERB", "AUX"):
        return "killed", word
    if word.lemma_.lower() == "lose" and any(c.lemma_.lower() == "life" for c in word.children):
        return "killed", word
    return None


def _is_toll(token: Token, lex: CountLexicon) -> bool:
    """'the death toll', 'the toll', 'the number of dead'."""
    low = token.lemma_.lower()
    if low in ("toll", "death-toll"):
        return not any(c.lower_ in ("injury", "injuries", "casualty") for c in token.children)
    if low == "number":
        return any(
            c.lower_ == "of" and any(g.lower_ in ("dead", "deaths", "fatalities") for g in c.children)
            for c in token.children
        )
    return False


def _harm_by_parse(anchor: Token, lex: CountLexicon) -> tuple[Harm, Token] | None:
    """The harm the counted noun suffers, read from its head: victim roles of kill/wound words."""
    node = anchor
    # "killed 5 soldiers and 3 civilians": a conjunct shares its head's role.
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    low = node.lemma_.lower()
    if low in ("death", "fatality", "body", "corpse", "dead") or node.lower_ in (
        "deaths",
        "fatalities",
        "corpses",
        "bodies",
        "corpse",
        "body",
    ):
        return "killed", node
    if node.lower_ in ("injuries", "wounded", "injured") or low == "injury":
        return "wounded", node
    for child in node.children:
        if child.dep_ in ("acl", "amod", "relcl") and (harm := _harm_of_verb(child, lex)):
            return harm, child
    head, dep = node.head, node.dep_
    if dep in ("dobj", "obj", "nsubjpass", "oprd"):
        if head.lemma_.lower() == "claim" and node.lemma_.lower() != "life":
            return None
        harm = _harm_of_verb(head, lex, shared_subject=dep == "nsubjpass")
        if harm:
            return harm, head
        if head.lemma_.lower() == "leave":
            for child in head.children:
                if child.lower_ in ("dead", "killed"):
                    return "killed", child
                if child.lower_ in lex.wound_words:
                    return "wounded", child
    if dep == "nsubj":
        if head.lemma_.lower() in lex.death_verbs:
            return "killed", head
        if head.lemma_.lower() == "lose" and any(c.lemma_.lower() == "life" for c in head.children):
            return "killed", head
        for child in head.children:
            if child.dep_ == "acomp" and child.lower_ == "dead":
                return "killed", child
            if child.dep_ == "acomp" and child.lower_ in lex.wound_words:
                return "wounded", child
    if (dep in ("pobj", "attr", "dobj", "npadvmod") and dep != "dobj") or head.lemma_.lower() in (
        "reach",
        "hit",
    ):
        carrier = head.head if dep == "pobj" else head
        if _is_toll(carrier, lex):
            return "killed", carrier
        if any(c.dep_ in ("nsubj", "nsubjpass") and _is_toll(c, lex) for c in carrier.children):
            return "killed", carrier
        if dep == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in ("body", "corpse"):
            return "killed", head.head
    return None


def _under_subset(mention: CountMention, lex: CountLexicon) -> bool:
    """'14 killed, including 5 children': the 5 are part of the 14, not more dead."""
    node = mention.anchor
    for ancestor in [node, *node.ancestors][:4]:
        if ancestor.lower_ in lex.subset_cues:
            return True
    doc = node.doc
    before = doc[max(mention.start - 3, 0) : mention.start].text.lower()
    return any(cue in before for cue in ("including", "among them", "among whom", "of whom", "of them"))


def _singular_victims(span: Span, counted: set[int], lex: CountLexicon) -> list[tuple[Harm, Token, Token]]:
    """Victims without a number: 'the bomber was killed', 'killing him', 'killed Qassem Soleimani'."""
    found: list[tuple[Harm, Token, Token]] = []
    for token in span:
        if token.i in counted:
            continue
        person = (
            token.lower_ in lex.person_pronouns
            or (token.tag_ == "NN" and token.pos_ == "NOUN" and token.is_alpha and not token.ent_type_)
            or (token.ent_type_ == "PERSON" and token.dep_ != "compound")
        )
        role = token
        while role.dep_ == "conj" and role.head is not role:
            role = role.head  # "killed a chief and his son": the son shares the chief's role
        if not person or role.dep_ not in ("dobj", "obj", "nsubjpass", "nsubj"):
            continue
        head = role.head
        if role.dep_ == "nsubj" and head.lemma_.lower() not in lex.death_verbs:
            continue
        if role.dep_ in ("dobj", "obj") and head.lemma_.lower() == "blow":
            if any(c.lower_ == "up" for c in head.children) and token.lower_ in ("himself", "herself"):
                found.append(("killed", head, token))  # a suicide attacker: ACLED counts him
            continue
        harm = _harm_of_verb(head, lex, shared_subject=role.dep_ == "nsubjpass")
        # the patient of a kill verb is a person; of other verbs it must be a known person word
        known_person = (
            token.lower_ in lex.person_nouns
            or token.ent_type_ == "PERSON"
            or token.lower_ in lex.person_pronouns
            or head.lemma_.lower() in lex.kill_verbs
        )
        if harm and head.lemma_.lower() != "claim" and known_person:
            found.append((harm, head, token))
    return found


def _suicide_attackers(span: Span, counted_victims: set[int]) -> int:
    """Suicide attackers die in their attack; ACLED counts them ('4, including the suicide bomber')."""
    doc = span.doc
    text = span.text.lower()
    if re.search(r"including (the|a|two|both)?\s*(suicide )?(bomber|attacker)s?", text):
        return 0  # the toll already holds them
    attackers = 0
    for token in span:
        if token.lower_ not in ("bomber", "bombers", "attacker", "attackers") or token.i in counted_victims:
            continue
        if any(c.lower_ == "suicide" for c in token.children) or (
            token.i > span.start and doc[token.i - 1].lower_ == "suicide"
        ):
            numbers = [c for c in token.children if c.dep_ == "nummod"]
            parsed = parse_count(numbers[0].text) if numbers else None
            attackers += parsed.value if parsed is not None and parsed.value else 1
    return attackers


def _combine(parts: list[Fatalities], span: Span, first: int, last: int) -> Fatalities:
    if len(parts) == 1:
        return parts[0]
    qualifiers = {p.qualifier for p in parts}
    qualifier: FatalityQualifier = "exact"
    order: tuple[FatalityQualifier, ...] = ("approx", "at_least", "at_most")
    for q in order:
        if q in qualifiers:
            qualifier = q
            break
    total = sum(p.value or 0 for p in parts)
    return Fatalities(value=total, text=span.doc[first:last].text, qualifier=qualifier)


_Group = list[tuple[CountMention | None, Fatalities, int, int]]


def _total(harm: Harm, groups: dict[tuple[Harm, int], _Group], span: Span) -> Fatalities | None:
    """One figure per harm: each trigger's conjuncts added; distinct victims of distinct verbs added;
    restatements (a toll, the same noun with the same number) not added twice."""
    lex = count_lexicon()
    verbs = lex.kill_verbs | lex.death_verbs | lex.wound_verbs | {"leave", "lose"}
    per_trigger: list[tuple[Fatalities, str, bool]] = []
    for (group_harm, trigger_i), members in groups.items():
        if group_harm != harm:
            continue
        first, last = min(m[2] for m in members), max(m[3] for m in members)
        total = _combine([m[1] for m in members], span, first, last)
        anchor = members[0][0].anchor.lemma_.lower() if members[0][0] is not None else ""
        trigger = span.doc[trigger_i]
        # A harm noun or a toll restates a figure; only verbs of distinct victims add up.
        is_toll = trigger.lemma_.lower() not in verbs or _is_toll(trigger, lex)
        per_trigger.append((total, anchor, is_toll))
    if not per_trigger:
        return None
    tolls = [t for t, _, is_toll in per_trigger if is_toll]
    seen: set[tuple[str, int | None]] = set()
    added: list[Fatalities] = []
    for total, anchor, is_toll in per_trigger:
        if is_toll or (anchor, total.value) in seen:
            continue
        seen.add((anchor, total.value))
        added.append(total)
    summed = _combine(added, span, 0, 0) if len(added) > 1 else (added[0] if added else None)
    if summed is not None and len(added) > 1:
        summed = Fatalities(
            value=summed.value, text=" + ".join(a.text for a in added), qualifier=summed.qualifier
        )
    candidates = [c for c in (summed, *tolls) if c is not None]
    return max(candidates, key=lambda c: c.value or 0)


def casualties(span: Span) -> Casualties:
    """Killed and wounded in a parsed span, read from the counts' syntactic roles.

    Counts tied to the same kill/wound word are added ('killed 5 soldiers and 3 civilians');
    different statements of the same toll are not (the largest wins); 'including 5 children'
    is a part of a toll already counted. An attacker who blew himself up counts, as in ACLED.
    """
    lex = count_lexicon()
    groups: dict[tuple[Harm, int], list[tuple[CountMention | None, Fatalities, int, int]]] = {}
    counted: set[int] = set()
    for mention in find_counts(span):
        if mention.anchor.dep_ == "appos":
            continue  # "1 child, a shepherd, was killed": the same victim named twice
        found = (
            _harm_before(mention, span)
            or _harm_after(mention, span, lex)
            or _harm_by_parse(mention.anchor, lex)
        )
        counted.add(mention.anchor.i)
        if found is None or _under_subset(mention, lex):
            continue
        harm, trigger = found
        groups.setdefault((harm, trigger.i), []).append((mention, mention.count, mention.start, mention.end))
    self_killed = 0
    victims: set[int] = set()
    for harm, trigger, victim in _singular_victims(span, counted, lex):
        if trigger.lemma_.lower() == "blow":
            self_killed += 1
            continue
        victims.add(victim.i)
        one = Fatalities(value=1, text=victim.text, qualifier="exact")
        groups.setdefault((harm, trigger.i), []).append((None, one, victim.i, victim.i + 1))
    best = {harm: _total(harm, groups, span) for harm in ("killed", "wounded")}
    killed = best.get("killed")
    if killed is not None or self_killed:
        victims |= {m.anchor.i for members in groups.values() for m, *_ in members if m is not None}
        self_killed = max(self_killed, _suicide_attackers(span, victims))
    if self_killed:
        base = killed.value if killed and killed.value is not None else 0
        text = killed.text if killed else "blew himself up"
        killed = Fatalities(
            value=base + self_killed, text=text, qualifier=killed.qualifier if killed else "exact"
        )
    return Casualties(killed=killed, wounded=best.get("wounded"))
