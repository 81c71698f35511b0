"""Hand-built pipeline outputs for the gold files in tests/fixtures/eval/.

Holds the predictions whose scores the tests compute by hand (see docs/evaluation.md for the
arithmetic); no test logic here.
"""

from __future__ import annotations

import json
from pathlib import Path

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

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "eval"
EXPLOSIONS = "Explosions/Remote violence"


def gold_texts(name: str) -> dict[str, str]:
    with (FIXTURES / name).open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return {row["id"]: row["text"] for row in rows}


def _event(
    n: int,
    type_: str,
    sub_type: str,
    confidence: float,
    *,
    actor1: Actor | None = None,
    actor2: Actor | None = None,
    location: Place | None = None,
    date: DateValue | None = None,
    fatalities: int | None = None,
) -> EventMention:
    return EventMention(
        id=f"e{n}",
        type=type_,
        sub_type=sub_type,
        actor1=actor1,
        actor2=actor2,
        location=location,
        date=date,
        fatalities=Fatalities(value=fatalities, text=str(fatalities)) if fatalities is not None else None,
        status=Status.ASSERTED,
        evidence=Evidence(sentence="s", start=0, end=1),
        confidence=confidence,
    )


def _result(article_id: str, text: str, **fields: object) -> ArticleResult:
    return ArticleResult(article=Article(id=article_id, text=text), **fields)  # type: ignore[arg-type]


def event_predictions() -> list[ArticleResult]:
    texts = gold_texts("events_gold.jsonl")
    day = "day"
    ev1 = [
        _event(1, EXPLOSIONS, "Air/drone strike", 0.9),  # higher confidence, but the wrong sub-type
        _event(
            2,
            EXPLOSIONS,
            "Shelling/artillery/missile attack",
            0.5,
            actor1=Actor(text="Syrian government forces", country="SYR", kind=ActorKind.STATE_FORCES),
            actor2=Actor(text="civilians", country="SYR", kind=ActorKind.CIVILIANS),
            location=Place(
                text="Maarrat al-Numan", admin1="Idlib Governorate", country="SYR", lat=35.6433, lon=36.6719
            ),
            date=DateValue(text="3 May 2020", value="2020-05-03", precision=day),
            fatalities=2,
        ),
    ]
    ev2 = [
        _event(
            3,
            "Battles",
            "Armed clash",
            0.7,
            actor1=Actor(text="Taliban fighters", country="AFG", kind=ActorKind.REBELS),
            actor2=Actor(text="Afghan soldiers", country="AFG", kind=ActorKind.STATE_FORCES),
            # 0.4 degrees of latitude north of gold: 44.5 km, inside 100 km but not 25 km.
            location=Place(text="Kunduz", admin1="Kunduz", country="AFG", lat=37.1286, lon=68.8681),
            date=DateValue(text="4 May 2020", value="2020-05-04", precision=day),
            fatalities=3,
        )
    ]
    ev3 = [
        _event(
            4,
            "Riots",
            "Violent demonstration",
            0.6,
            actor1=Actor(text="people", country="KEN", kind=ActorKind.PROTESTERS),
            location=Place(text="Nairobi", admin1="Nairobi", country="KEN", lat=-1.2833, lon=36.8167),
            date=DateValue(text="May 2020", value="2020-05", precision="month"),
        )
    ]
    return [
        _result("ev-1", texts["ev-1"], events=ev1),
        _result("ev-2", texts["ev-2"], events=ev2),
        _result("ev-3", texts["ev-3"], events=ev3),
        _result("ev-4", texts["ev-4"]),
    ]


def _claim(n: int, speaker: str | None, cue: str, content: str) -> Claim:
    return Claim(
        id=f"c{n}",
        speaker=Speaker(text=speaker, anonymous=False) if speaker else None,
        cue=cue,
        direct_quote=False,
        content=TextSpan(text=content, start=0, end=len(content)),
        evidence=Evidence(sentence=content, start=0, end=len(content)),
    )


def claim_predictions() -> list[ArticleResult]:
    texts = gold_texts("claims_gold.jsonl")
    cl1 = [
        _claim(1, "The mayor", "say", "the bridge will reopen in June"),
        _claim(2, "officials", "tell", "the budget was cut"),
        _claim(3, None, "say", "the governor added"),
    ]
    cl2 = [
        _claim(4, "ministry", "according to", "40 schools closed."),
        _claim(5, "Analysts", "say", "talks will fail soon"),
    ]
    return [
        _result("cl-1", texts["cl-1"], claims=cl1),
        _result("cl-2", texts["cl-2"], claims=cl2),
        _result("cl-3", texts["cl-3"]),
    ]


def _place(
    text: str, article: str, *, at: str | None = None, lat: float | None = None, lon: float | None = None
) -> Place:
    start = article.index(at or text)
    return Place(text=text, start=start, end=start + len(at or text), lat=lat, lon=lon)


def place_predictions() -> list[ArticleResult]:
    texts = gold_texts("places_gold.jsonl")
    t1, t2 = texts["pl-1"], texts["pl-2"]
    pl1 = [
        _place("Aleppo", t1, lat=36.2021, lon=37.1343),
        _place("Homs", t1, at="to Homs", lat=34.7308, lon=36.7094),  # overlaps gold, not exact
        _place("Euphrates", t1, lat=35.0, lon=40.0),  # on an unresolved gold span: ignored
        _place("Troops", t1),  # not a place: a false positive without coordinates
    ]
    pl2 = [
        _place("Lagos", t2, lat=6.4531, lon=3.3958),  # inside "Lagos State", 42.5 km from its gold point
        _place("Abuja", t2, lat=12.0, lon=8.5),  # exact span, resolved 327 km away
        Place(text="Nigeria", lat=9.0, lon=8.0),  # no offsets: cannot be matched, not scored
    ]
    return [_result("pl-1", t1, places=pl1), _result("pl-2", t2, places=pl2)]


def write_jsonl(results: list[ArticleResult], path: Path) -> Path:
    path.write_text("".join(r.model_dump_json() + "\n" for r in results), encoding="utf-8")
    return path
