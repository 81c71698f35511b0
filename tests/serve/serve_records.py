"""Hand-made ArticleResults for the serve tests (text written for these tests, not copied).

`hostile_article()` carries markup in its text, title, outlet and url, so the browser test can
check that the map shows data as text and runs none of it.
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

SCRIPT = "<script>alert(1)</script>"
HOSTILE_TITLE = "Crowds in Kismayo <img src=x onerror=alert(2)>"
HOSTILE_WORD = "Kismayo"  # occurs in no sample article: a search for it finds only this one


def _evidence(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(sentence=sentence, start=start, end=start + len(sentence))


def _span(text: str, words: str) -> TextSpan:
    start = text.index(words)
    return TextSpan(text=words, start=start, end=start + len(words))


def hostile_article() -> ArticleResult:
    """Markup everywhere a scraper could have let it through; one claimed protest event."""
    protest = f"Police fired tear gas at protesters in Kismayo on Monday {SCRIPT} and arrested 12."
    claim_sentence = f"Local officials told Radio Example that {protest[0].lower()}{protest[1:]}"
    text = f"{HOSTILE_TITLE}\n\nKISMAYO - Hundreds marched through the port city.\n\n{claim_sentence}\n"
    article = Article(
        id="a_hostile_markup",
        url="javascript:alert(3)",
        outlet="<b>The Example Post</b>",
        title=HOSTILE_TITLE,
        published=date(2023, 5, 9),
        text=text,
    )
    kismayo = Place(
        text="Kismayo",
        start=text.index("Kismayo"),
        end=text.index("Kismayo") + 7,
        name="Kismayo",
        admin1="Lower Juba",
        country="SOM",
        lat=-0.3582,
        lon=42.5454,
        geonames_id=55671,
        precision=1,
    )
    claim = Claim(
        id="c_hostile_claim",
        speaker=Speaker(
            text="Local officials",
            name="Local officials",
            country="SOM",
            kind=ActorKind.GOVERNMENT,
            anonymous=True,
        ),
        cue="tell",
        channel="Radio Example",
        direct_quote=False,
        content=_span(text, claim_sentence[len("Local officials told Radio Example that ") :]),
        evidence=_evidence(text, claim_sentence),
    )
    event = EventMention(
        id="e_hostile_protest",
        type="Protests",
        sub_type="Protest with intervention",
        trigger=_span(text, "tear gas"),
        actor1=Actor(
            text="Police", name="Police Forces of Somalia", country="SOM", kind=ActorKind.STATE_FORCES
        ),
        actor2=Actor(
            text="protesters", name="Protesters (Somalia)", country="SOM", kind=ActorKind.PROTESTERS
        ),
        location=kismayo,
        date=DateValue(text="on Monday", value="2023-05-08", precision="day"),
        fatalities=Fatalities(value=0, text="no one was killed", qualifier="exact"),
        status=Status.CLAIMED,
        claim_id=claim.id,
        evidence=_evidence(text, claim_sentence),
        confidence=0.8,
    )
    return ArticleResult(article=article, events=[event], claims=[claim], places=[kismayo])
