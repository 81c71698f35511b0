"""The records that flow between stages: Article in, ArticleResult out.

Defined once here; the JSON Schema of the output contract and the HTTP API models are
generated from these classes. Stages never pass loose dicts to each other.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Status(StrEnum):
    """Epistemic status of an event mention (DESIGN: the heart of it)."""

    ASSERTED = "asserted"
    REPORTED = "reported"
    CLAIMED = "claimed"
    DENIED = "denied"
    INTENDED = "intended"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"


class ActorKind(StrEnum):
    """Actor kinds, close to ACLED's interaction codes."""

    STATE_FORCES = "state_forces"
    REBELS = "rebels"
    POLITICAL_MILITIA = "political_militia"
    IDENTITY_MILITIA = "identity_militia"
    RIOTERS = "rioters"
    PROTESTERS = "protesters"
    CIVILIANS = "civilians"
    EXTERNAL = "external"
    GOVERNMENT = "government"
    ORGANIZATION = "organization"
    UNKNOWN = "unknown"


DatePrecision = Literal["day", "week", "month", "year", "range"]
FatalityQualifier = Literal["exact", "at_least", "at_most", "approx"]


class Article(_Record):
    """One cleaned news article. `text` is what every offset in the output indexes."""

    id: str = Field(description="Stable id: hash of the canonical URL, else of the normalised text")
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    language: str | None = "en"
    text: str = Field(description="Cleaned article text; all offsets index this string")
    source: str | None = Field(default=None, description="File path or '-' the article was read from")


class TextSpan(_Record):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Actor(_Record):
    text: str = Field(description="The words in the article")
    name: str | None = Field(default=None, description="Canonical name from the actor gazetteer")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3 of the main affiliation")
    countries: list[str] = Field(default_factory=list, description="All affiliated countries (ISO3)")
    kind: ActorKind = ActorKind.UNKNOWN


class Speaker(Actor):
    anonymous: bool = Field(description="True for unnamed sources ('officials said')")

    def as_named_actor(self) -> Actor | None:
        """The speaker as an actor of an event it tells, when the gazetteer knows it as a named
        group or a state's body; None for a speaker of unknown kind or without a name."""
        if self.name is None or self.kind is ActorKind.UNKNOWN:
            return None
        return Actor(**self.model_dump(exclude={"anonymous"}))


class Place(_Record):
    text: str
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)
    name: str | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: Literal[1, 2, 3] | None = Field(
        default=None, description="1 the town/site, 2 near or part of a region, 3 region or country only"
    )


class DateValue(_Record):
    text: str
    value: str | None = Field(
        default=None,
        description="ISO 8601: YYYY-MM-DD, YYYY-MM, YYYY, or START/END for a range; null when unresolved",
    )
    precision: DatePrecision | None = None


class Fatalities(_Record):
    value: int | None
    text: str
    qualifier: FatalityQualifier = "exact"


class Evidence(_Record):
    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class EventMention(_Record):
    id: str
    type: str = Field(description="ACLED event type, spelled as ACLED does")
    sub_type: str = Field(description="ACLED sub-event type, spelled as ACLED does")
    plover: str | None = None
    trigger: TextSpan | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Place | None = None
    date: DateValue | None = None
    fatalities: Fatalities | None = None
    injuries: Fatalities | None = Field(default=None, description="Wounded, kept apart from killed")
    status: Status
    claim_id: str | None = None
    evidence: Evidence
    confidence: float = Field(ge=0.0, le=1.0)


class Claim(_Record):
    id: str
    speaker: Speaker | None
    cue: str = Field(description="Cue lemma: claim, say, tell, add, according to, ...")
    channel: str | None = Field(default=None, description="Outlet the speaker spoke to, when named")
    direct_quote: bool
    hedges: list[str] = Field(default_factory=list)
    content: TextSpan
    evidence: Evidence


class ArticleResult(_Record):
    """One line of the JSON Lines output contract."""

    schema_version: str = SCHEMA_VERSION
    article: Article
    events: list[EventMention] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)


class IngestFailure(_Record):
    """An input that could not become an Article, with a reason a user can act on."""

    source: str
    code: str
    reason: str

    def __str__(self) -> str:
        return f"{self.code}: {self.source}: {self.reason}"
