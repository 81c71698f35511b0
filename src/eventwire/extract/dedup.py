"""Within-article deduplication: one real-world action mentioned twice becomes one mention.

Holds the compatibility tests (same sub-type, or a later reference to an earlier event: "the
attack", a bare toll, a headline; with actors, place and date that do not disagree) and the merge
(best evidence kept, missing arguments filled); it does not link events across articles.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from eventwire.records import Actor, ActorKind, DateValue, EventMention, Place, Status
from eventwire.resolve.dates import latest_day
from eventwire.taxonomy import VIOLENT_TYPES, acled_taxonomy

_STATE = frozenset({ActorKind.STATE_FORCES, ActorKind.GOVERNMENT})
_ARMED_SIDES = _STATE | {ActorKind.REBELS, ActorKind.POLITICAL_MILITIA, ActorKind.IDENTITY_MILITIA}
# Statuses that may describe the same telling of one event: the outlet's voice, hedged or not.
_OUTLET_VOICE = frozenset({Status.ASSERTED, Status.REPORTED})
# Tellings of something that happened: the outlet's voice or a source's. One action told in
# several of them (headline, lead, a monitor's toll, a quote) is one event.
_HAPPENED = frozenset({Status.ASSERTED, Status.REPORTED, Status.CLAIMED})
_CORROBORATION_BONUS = 0.05
# Words of a date told of the night, whose events may fall either side of midnight.
_NIGHT_WORDS = ("night", "overnight", "late", "early", "tonight", "evening", "dawn")
# Protest sub-types that absorb arrests made at them (an escalated protest keeps its sub-type).
_PROTESTS = frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters"})
# Battle outcomes that type a clash they merge with.
_TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
# How many days before publication a story's lead event may lie when only the dateline dates it.
_DATELINE_REACH_DAYS = 3
# How far after a headline's bare "attack" the article may name what it was.
_CATAPHORA_SENTENCES = 3


@dataclass(frozen=True)
class Draft:
    """An event mention before deduplication, with what the merge needs to know."""

    mention: EventMention
    distinct: bool = False  # "another strike", "a second attack": never the same as an earlier one
    vague: bool = False  # a bare "attack" whose sub-type is only the entry's default
    sentence: int = -1  # index of the evidence sentence in the article
    # "the attack", "the blast", "its offensive", or a bare attack typed from an earlier event:
    # told as something the reader already knows of.
    anaphoric: bool = False
    # The sub-type says little: a toll with no event word ("16 people were killed") or a bare
    # "attack" no rule typed. Such a mention may be a retelling of any violent event.
    weak: bool = False
    # Its date is the story's dateline (the publication day), not one the text gives the event:
    # it does not keep the event apart from a retelling dated a day or two earlier.
    dated_by_line: bool = False


def _side(actor: Actor) -> ActorKind:
    return ActorKind.STATE_FORCES if actor.kind in _STATE else actor.kind


def _actors_agree(a: Actor | None, b: Actor | None, sided: bool = False) -> bool:
    """Whether two actors may be one; `sided`: the regime and the rebels of one country are two
    sides, not one actor (for events done by one side)."""
    if a is None or b is None:
        return True
    if a.name and b.name and a.name == b.name:
        return True
    if sided and a.kind in _ARMED_SIDES and b.kind in _ARMED_SIDES and _side(a) != _side(b):
        return False
    if a.country and b.country:
        return a.country == b.country or bool(set(a.countries) & set(b.countries))
    return True


def _places_agree(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if (_names_its_province(a) and a.admin1 == b.admin1) or (_names_its_province(b) and b.admin1 == a.admin1):
        return True  # "strikes in Syria's Idlib" and "strikes on Ariha in Idlib province"
    return not (a.precision == 1 and b.precision == 1 and a.geonames_id != b.geonames_id)


def _names_its_province(place: Place) -> bool:
    """A town that shares its province's name (Idlib, Hama, Daraa): the name may mean either."""
    if not place.name or not place.admin1:
        return False
    return _folded(place.name) == _folded(place.admin1)


def _folded(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return "".join(ch for ch in plain if ch.isalpha())


def _dates_agree(a: DateValue | None, b: DateValue | None, night: bool = False) -> bool:
    """Whether two dates may be one event's; `night`: a night's events may straddle midnight."""
    if a is None or b is None or a.value is None or b.value is None:
        return True
    span_a, span_b = _days(a.value, a.precision), _days(b.value, b.precision)
    if span_a is None or span_b is None:
        return True
    # A coarser date agrees with a finer one it contains ("2020-05" and "2020-05-04"), a range
    # with a day inside it.
    if span_a[0] <= span_b[1] and span_b[0] <= span_a[1]:
        return True
    # "late Saturday and early Sunday", "overnight", "tonight": a night's strikes straddle midnight
    told_of_night = any(w in f"{a.text} {b.text}".lower() for w in _NIGHT_WORDS)
    gap = max(span_a[0], span_b[0]) - min(span_a[1], span_b[1])
    return night and told_of_night and gap <= timedelta(days=1)


def _days(value: str, precision: str | None = None) -> tuple[date, date] | None:
    """First and last calendar day an ISO value of ours covers ('2020-05' -> May 1 to 31; a week
    is told by its Monday)."""
    last = latest_day(value)
    if precision == "week" and last is not None and "/" not in value:
        return last, last + timedelta(days=6)
    start = value.split("/")[0]
    try:
        first = (
            date.fromisoformat(start) if len(start) == 10 else date(int(start[:4]), int(start[5:7] or 1), 1)
        )
    except ValueError:
        return None
    return (first, last) if last is not None else None


def _same_telling(a: EventMention, b: EventMention) -> bool:
    """Whether two statuses may tell one event: both say it happened (in the outlet's voice or a
    source's), or both say the same other thing (both intended, both denied)."""
    return a.status == b.status or (a.status in _HAPPENED and b.status in _HAPPENED)


def _arguments_agree(a: EventMention, b: EventMention, night: bool = False) -> bool:
    one_sided = "Battles" not in (a.type, b.type)  # a battle's actor1 may be either side
    sides = (
        _actors_agree(a.actor1, b.actor1, one_sided) and _actors_agree(a.actor2, b.actor2)
        if one_sided
        else _sides_agree(a, b)
    )
    return sides and _places_agree(a.location, b.location) and _dates_agree(a.date, b.date, night)


def _sides_agree(a: EventMention, b: EventMention) -> bool:
    """Two tellings of a battle may name its sides in either order ("Hezbollah led the attack on
    the town" after "opposition fighters battled ..."): one side named in both is enough."""
    if _actors_agree(a.actor1, b.actor1) and _actors_agree(a.actor2, b.actor2):
        return True
    pairs = ((a.actor1, b.actor2), (a.actor2, b.actor1), (a.actor2, b.actor2))
    return any(x is not None and y is not None and _actors_agree(x, y) for x, y in pairs)


def _drafts_agree(a: Draft, b: Draft, night: bool = False) -> bool:
    """`_arguments_agree` on two drafts, where a date that is only the story's dateline bounds
    the event to the days just before publication rather than giving its day."""
    return _arguments_agree(_as_told(a), _as_told(b), night)


def _as_told(draft: Draft) -> EventMention:
    m = draft.mention
    if not draft.dated_by_line or m.date is None or m.date.precision != "day" or m.date.value is None:
        return m  # (a dateline read in pieces, "Jul 2016", bounds nothing finer than itself)
    end = date.fromisoformat(m.date.value)
    start = end - timedelta(days=_DATELINE_REACH_DAYS)
    lead = DateValue(text=m.date.text, value=f"{start.isoformat()}/{end.isoformat()}", precision="range")
    return m.model_copy(update={"date": lead})


def _shared_detail(a: EventMention, b: EventMention) -> bool:
    """Something specific both tellings say alike: the same town, day, toll or named actor."""
    pa, pb = a.location, b.location
    town = pa.geonames_id if pa is not None and pa.precision in (1, 2) else None
    if town is not None and pb is not None and pb.geonames_id == town:
        return True
    da, db = a.date, b.date
    if da is not None and db is not None and da.precision == "day" and da.value == db.value:
        return True
    fa, fb = a.fatalities, b.fatalities
    if fa is not None and fb is not None and fa.value is not None and fa.value == fb.value:
        return True
    xa, xb = a.actor1, b.actor1
    return xa is not None and xb is not None and xa.name is not None and xa.name == xb.name


def _identified(a: Draft, b: Draft) -> bool:
    """Whether there is reason to read `b` as the earlier `a` told again, beyond their not
    disagreeing: `b` is told as known ("the strikes"), one is the headline, they stand in
    neighbouring sentences, or they share a specific detail. Two sparse mentions of air strikes
    far apart in a round-up are two strikes."""
    return (
        b.anaphoric
        or b.weak  # a toll with no event word of its own is the toll of something told
        or min(a.sentence, b.sentence) == 0
        or abs(b.sentence - a.sentence) <= 1
        or _shared_detail(a.mention, b.mention)
    )


def compatible(a: Draft, b: Draft) -> bool:
    """Whether `b` tells again the event of the earlier `a` with the same sub-type."""
    ma, mb = a.mention, b.mention
    same = ma.sub_type == mb.sub_type and not b.distinct
    return same and _same_telling(ma, mb) and _drafts_agree(a, b, night=True) and _identified(a, b)


def _types_may_corefer(a: Draft, b: Draft) -> bool:
    type_a = acled_taxonomy().type_of(a.mention.sub_type)
    type_b = acled_taxonomy().type_of(b.mention.sub_type)
    if type_a == type_b:
        return True
    if b.anaphoric and _strikes(a.mention) and _strikes(b.mention):
        return True  # "a chemical attack hit Khan Sheikhun ... the massacre", "... the attack"
    return (a.weak or b.weak) and type_a in VIOLENT_TYPES and type_b in VIOLENT_TYPES


def coreferent(a: Draft, b: Draft) -> bool:
    """Whether `b` refers back to the earlier `a` under another sub-type: 'A suicide bomber
    killed 16 ... The attacker detonated his explosives ... the blast', a lead's bare toll and
    the strike that caused it, a headline and its body. `b` must be told as already known (a
    definite event noun), or one of the two must say little of its type, or one must be the
    headline; both must say it happened, with actors, place and date that do not disagree."""
    ma, mb = a.mention, b.mention
    # A definite reference presupposes what it refers to: "the attack could be a war crime",
    # "unclear who carried out the attack" qualify something else than whether it happened.
    presupposed = b.anaphoric and ma.status in _HAPPENED
    if (
        b.distinct
        or a.sentence == b.sentence
        or not (ma.status in _HAPPENED and (mb.status in _HAPPENED or presupposed))
    ):
        return False
    if _strikes(ma) and _strikes(mb) and _same_scene(ma, mb):
        # "a vacuum bomb attack hit Sevre, leaving five dead" after "five were killed in the attack
        # in Sevre": one strike named two ways, told with its town or its toll
        return _drafts_agree(a, b)
    refers = b.anaphoric or a.weak or b.weak or min(a.sentence, b.sentence) == 0
    return refers and _types_may_corefer(a, b) and _drafts_agree(a, b) and _identified(a, b)


def _strikes(m: EventMention) -> bool:
    """Explosions and attacks on civilians: one bombing is often named several ways."""
    return m.type == "Explosions/Remote violence" or m.sub_type == "Attack"


def _same_scene(a: EventMention, b: EventMention) -> bool:
    """The same town, or the same toll."""
    pa, pb = a.location, b.location
    if pa is not None and pb is not None and pa.precision in (1, 2) and pa.geonames_id == pb.geonames_id:
        return True
    fa, fb = a.fatalities, b.fatalities
    return fa is not None and fb is not None and fa.value is not None and fa.value == fb.value


def _richness(m: EventMention) -> int:
    return sum(x is not None for x in (m.actor1, m.actor2, m.location, m.date, m.fatalities))


def _finer_place(a: Place | None, b: Place | None) -> Place | None:
    if a is None or b is None:
        return a or b
    return a if (a.precision or 3) <= (b.precision or 3) else b


def _finer_date(a: DateValue | None, b: DateValue | None) -> DateValue | None:
    order = {"day": 0, "week": 1, "month": 2, "range": 3, "year": 4, None: 5}
    if a is None or b is None:
        return a or b
    return a if order[a.precision] <= order[b.precision] else b


def merge(first: Draft, second: Draft) -> EventMention:
    """One mention from two: the one that names its type (else the one the text dates, else the
    richer one) keeps its type, evidence and status; each missing field comes from the other. A
    headline dated only by its dateline yields to the lead that tells the event in full."""
    a, b = first.mention, second.mention
    rank_a = (a.status in _HAPPENED, not first.weak, not first.dated_by_line, _richness(a), a.confidence)
    rank_b = (b.status in _HAPPENED, not second.weak, not second.dated_by_line, _richness(b), b.confidence)
    keep, other = (a, b) if rank_a >= rank_b else (b, a)
    if keep.sub_type == "Armed clash" and other.sub_type in _TERRITORY and other.status in _HAPPENED:
        keep, other = other, keep  # ACLED codes a battle in which ground changed hands by its outcome
    status = Status.REPORTED if {a.status, b.status} == set(_OUTLET_VOICE) else keep.status
    fatalities = keep.fatalities or other.fatalities
    if keep.fatalities and other.fatalities and (other.fatalities.value or 0) > (keep.fatalities.value or 0):
        fatalities = other.fatalities  # tolls grow as a story is updated; the larger is the later
    typed = keep
    if keep.sub_type == "Attack" and other.type == "Explosions/Remote violence":
        typed = other  # "a missile killed 18 civilians": the weapon types the killing (ACLED)
    return keep.model_copy(
        update={
            "type": typed.type,
            "sub_type": typed.sub_type,
            # who denied or vowed an act is not thereby who did it ("Russia denied carrying out the
            # attack" folded into the strike leaves its performer as the tellings that it happened say)
            "actor1": keep.actor1
            or (other.actor1 if other.status in _HAPPENED or keep.status not in _HAPPENED else None),
            "actor2": keep.actor2 or other.actor2,
            "location": _finer_place(keep.location, other.location),
            "date": _finer_date(keep.date, other.date),
            "fatalities": fatalities,
            "injuries": keep.injuries or other.injuries,
            "status": status,
            "claim_id": keep.claim_id,
            "confidence": round(min(0.95, max(a.confidence, b.confidence) + _CORROBORATION_BONUS), 2),
        }
    )


def fold_protest_arrests(drafts: Sequence[Draft], sentence_of: dict[str, int], reach: int = 2) -> list[Draft]:
    """ACLED codes arrests at a protest as the protest's intervention, not as a separate event:
    an Arrests mention within `reach` sentences after a protest turns the protest into
    'Protest with intervention' and is dropped."""
    protests = [d for d in drafts if d.mention.sub_type in _PROTESTS]
    if not protests:
        return list(drafts)
    out: list[Draft] = []
    upgraded: set[str] = set()
    for draft in drafts:
        m = draft.mention
        if m.sub_type == "Arrests":
            here = sentence_of[m.id]
            near = [p for p in protests if 0 <= here - sentence_of[p.mention.id] <= reach]
            if near:
                upgraded.update(p.mention.id for p in near)
                continue
        out.append(draft)
    return [
        replace(d, mention=d.mention.model_copy(update={"sub_type": "Protest with intervention"}))
        if d.mention.id in upgraded and d.mention.sub_type == "Peaceful protest"
        else d
        for d in out
    ]


def resolve_vague(drafts: Sequence[Draft]) -> list[Draft]:
    """'Syria attack symptoms ...' (headline) then 'a suspected chemical attack in Syria': a bare
    attack whose sub-type was only a default takes the sub-type of the first event told with its
    own type in the next sentences, when their actors and places do not disagree."""
    out = list(drafts)
    for k, draft in enumerate(out):
        if not draft.vague:
            continue
        m = draft.mention
        for later in out[k + 1 :]:
            lm = later.mention
            if later.vague or later.sentence - draft.sentence > _CATAPHORA_SENTENCES:
                continue
            if acled_taxonomy().type_of(lm.sub_type) not in VIOLENT_TYPES:
                continue
            if _actors_agree(m.actor1, lm.actor1) and _places_agree(m.location, lm.location):
                update = {"sub_type": lm.sub_type, "type": lm.type}
                out[k] = replace(draft, mention=m.model_copy(update=update), vague=False, weak=False)
                break
    return out


def _told_again(kept: Sequence[Draft], draft: Draft) -> tuple[int | None, list[int]]:
    """The earlier event `draft` tells again (the first with its sub-type, else the latest it
    refers back to), and every earlier event it may tell again, latest first."""
    same = [k for k, earlier in enumerate(kept) if compatible(earlier, draft)]
    back = [k for k, earlier in enumerate(kept) if coreferent(earlier, draft)]
    target = same[0] if same else (back[-1] if back else None)
    return target, sorted(set(same) | set(back), reverse=True)


def deduplicate(drafts: Sequence[Draft]) -> list[EventMention]:
    """Merge each draft into the earlier event it tells again, in article order."""
    kept: list[Draft] = []
    for draft in resolve_vague(drafts):
        k, candidates = _told_again(kept, draft)
        if k is None:
            kept.append(draft)
            continue
        earlier = kept[k]
        merged = merge(earlier, draft)
        by_line = earlier.dated_by_line and draft.dated_by_line
        if earlier.dated_by_line != draft.dated_by_line:
            # the day the text gives the event beats the dateline's, which stays only for want of one
            told = draft.mention.date if earlier.dated_by_line else earlier.mention.date
            merged = merged.model_copy(update={"date": told or merged.date})
            by_line = told is None
        kept[k] = replace(
            earlier, mention=merged, vague=False, weak=earlier.weak and draft.weak, dated_by_line=by_line
        )
        _bridge(kept, k, candidates)
    return [d.mention for d in kept]


def _bridge(kept: list[Draft], k: int, candidates: Sequence[int]) -> None:
    """A mention that tells again two events kept apart ("a suicide bomber struck ... the
    attacker detonated his explosives ... the attack killed 17") shows they are one: the later
    event merges into the earlier when they are of one sub-type (or both strikes), their own
    arguments agree, and they share a town, day or toll or the earlier is the headline."""
    # `candidates`: the events the mention merged into kept[k] may tell again, latest first; merging
    # removes only indexes above the ones still to look at
    for j in candidates:
        if j == k:
            continue
        first, second = (j, k) if j < k else (k, j)
        a, b = kept[first], kept[second]
        kinds = a.mention.sub_type == b.mention.sub_type or (_strikes(a.mention) and _strikes(b.mention))
        # what the two share must be specific (a town, a day, a toll) or one must be the headline
        shared = _shared_detail(a.mention, b.mention) or a.sentence == 0
        if not (kinds and shared and _drafts_agree(a, b)):
            continue
        kept[first] = replace(a, mention=merge(a, b), vague=False, weak=a.weak and b.weak)
        del kept[second]
        k = first
