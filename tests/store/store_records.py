"""Small hand-made ArticleResults for the store tests (text written for these tests).

`corpus()` is three articles whose events differ in every filtered field, so each filter test
can say exactly which events it expects.
"""

from __future__ import annotations

from datetime import date

from eventwire.records import (
    Actor,
    ActorKind,
    Article,
    ArticleResult,
    Claim,
    DateValue,
    EventMention,
    Evidence,
    Fatalities,
    Place,
    Speaker,
    Status,
    TextSpan,
)


def sentence_in(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(sentence=sentence, start=start, end=start + len(sentence))


def span_in(text: str, words: str) -> TextSpan:
    start = text.index(words)
    return TextSpan(text=words, start=start, end=start + len(words))


def event(
    article: Article,
    eid: str,
    sentence: str,
    *,
    type_: str = "Explosions/Remote violence",
    sub_type: str = "Air/drone strike",
    actor1: Actor | None = None,
    actor2: Actor | None = None,
    place: Place | None = None,
    when: DateValue | None = None,
    killed: int | None = None,
    status: Status = Status.ASSERTED,
    claim_id: str | None = None,
) -> EventMention:
    return EventMention(
        id=eid,
        type=type_,
        sub_type=sub_type,
        actor1=actor1,
        actor2=actor2,
        location=place,
        date=when,
        fatalities=Fatalities(value=killed, text=str(killed)) if killed is not None else None,
        status=status,
        claim_id=claim_id,
        evidence=sentence_in(article.text, sentence),
        confidence=0.8,
    )


ISRAEL = Actor(
    text="Israeli jets", name="Israel", country="ISR", countries=["ISR"], kind=ActorKind.STATE_FORCES
)
MILITIA = Actor(text="Iran-backed militia fighters", country="IRN", kind=ActorKind.POLITICAL_MILITIA)
PROTESTERS = Actor(text="students", country="IRQ", kind=ActorKind.PROTESTERS)
POLICE = Actor(text="riot police", name="Police Forces of Iraq", country="IRQ", kind=ActorKind.STATE_FORCES)

DEIR = Place(
    text="Deir ez-Zor",
    name="Deir ez-Zor",
    admin1="Deir ez-Zor",
    country="SYR",
    lat=35.34,
    lon=40.14,
    precision=1,
)
BAGHDAD = Place(
    text="Baghdad", name="Baghdad", admin1="Baghdad", country="IRQ", lat=33.31, lon=44.36, precision=1
)
SYRIA = Place(text="Syria", name="Syria", country="SYR", lat=35.0, lon=38.0, precision=3)

TEXT_A = (
    "Israeli jets struck a depot near Deir ez-Zor overnight on Monday, killing 14. "
    "Defence officials claimed the depot held Iranian rockets. "
    "The militia fighters reportedly shelled an outpost in Syria last week."
)
TEXT_B = (
    "Thousands of students marched through Baghdad on Friday. "
    "Riot police fired tear gas at the students, a police spokesman said. "
    "Organisers plan another march next month."
)
TEXT_C = "A local commander said his men had not attacked the village; the report could not be verified."


def article_a() -> ArticleResult:
    art = Article(
        id="art-a",
        url="https://example.org/a",
        outlet="Example Wire",
        title="Strikes in Syria",
        published=date(2020, 5, 5),
        text=TEXT_A,
    )
    claim = Claim(
        id="claim-a1",
        speaker=Speaker(
            text="Defence officials",
            name="Defence officials",
            country="ISR",
            kind=ActorKind.GOVERNMENT,
            anonymous=True,
        ),
        cue="claim",
        direct_quote=False,
        content=span_in(TEXT_A, "the depot held Iranian rockets"),
        evidence=sentence_in(TEXT_A, "Defence officials claimed the depot held Iranian rockets."),
    )
    events = [
        event(
            art,
            "ev-a1",
            "Israeli jets struck a depot near Deir ez-Zor overnight on Monday, killing 14.",
            actor1=ISRAEL,
            actor2=MILITIA,
            place=DEIR,
            when=DateValue(text="overnight on Monday", value="2020-05-04", precision="day"),
            killed=14,
        ),
        event(
            art,
            "ev-a2",
            "Defence officials claimed the depot held Iranian rockets.",
            type_="Strategic developments",
            sub_type="Other",
            actor1=MILITIA,
            place=DEIR,
            when=DateValue(text="", value="2020-05", precision="month"),
            status=Status.CLAIMED,
            claim_id="claim-a1",
        ),
        event(
            art,
            "ev-a3",
            "The militia fighters reportedly shelled an outpost in Syria last week.",
            sub_type="Shelling/artillery/missile attack",
            actor1=MILITIA,
            place=SYRIA,
            when=DateValue(text="last week", value="2020-04-27", precision="week"),
            status=Status.REPORTED,
        ),
    ]
    places = [
        Place(
            text="Deir ez-Zor",
            start=TEXT_A.index("Deir"),
            end=TEXT_A.index("Deir") + 11,
            name="Deir ez-Zor",
            country="SYR",
            lat=35.34,
            lon=40.14,
            precision=1,
        ),
        Place(
            text="Syria",
            start=TEXT_A.index("Syria"),
            end=TEXT_A.index("Syria") + 5,
            name="Syria",
            country="SYR",
            lat=35.0,
            lon=38.0,
            precision=3,
        ),
    ]
    return ArticleResult(article=art, events=events, claims=[claim], places=places)


def article_b() -> ArticleResult:
    art = Article(
        id="art-b", outlet="Baghdad Daily", title="Students march", published=date(2019, 10, 26), text=TEXT_B
    )
    claim = Claim(
        id="claim-b1",
        speaker=Speaker(
            text="a police spokesman", country="IRQ", kind=ActorKind.STATE_FORCES, anonymous=False
        ),
        cue="say",
        direct_quote=False,
        content=span_in(TEXT_B, "Riot police fired tear gas at the students"),
        evidence=sentence_in(TEXT_B, "Riot police fired tear gas at the students, a police spokesman said."),
    )
    events = [
        event(
            art,
            "ev-b1",
            "Thousands of students marched through Baghdad on Friday.",
            type_="Protests",
            sub_type="Peaceful protest",
            actor1=PROTESTERS,
            place=BAGHDAD,
            when=DateValue(text="on Friday", value="2019-10-25", precision="day"),
        ),
        event(
            art,
            "ev-b2",
            "Riot police fired tear gas at the students, a police spokesman said.",
            type_="Protests",
            sub_type="Protest with intervention",
            actor1=POLICE,
            actor2=PROTESTERS,
            place=BAGHDAD,
            when=DateValue(text="on Friday", value="2019-10-25", precision="day"),
            status=Status.CLAIMED,
            claim_id="claim-b1",
        ),
        event(
            art,
            "ev-b3",
            "Organisers plan another march next month.",
            type_="Protests",
            sub_type="Peaceful protest",
            actor1=PROTESTERS,
            place=BAGHDAD,
            when=DateValue(text="next month", value="2019-11", precision="month"),
            status=Status.INTENDED,
        ),
    ]
    return ArticleResult(article=art, events=events, claims=[claim], places=[])


def article_c() -> ArticleResult:
    """No date, no place, no publication date: the edge of every filter."""
    art = Article(id="art-c", text=TEXT_C)
    events = [
        event(
            art, "ev-c1", TEXT_C, type_="Violence against civilians", sub_type="Attack", status=Status.DENIED
        ),
    ]
    return ArticleResult(article=art, events=events)


def corpus() -> list[ArticleResult]:
    return [article_a(), article_b(), article_c()]


ALL_EVENT_IDS = {"ev-a1", "ev-a2", "ev-a3", "ev-b1", "ev-b2", "ev-b3", "ev-c1"}
