"""Readable terminal view of extraction results: one block per event and per claim.

A wide table folds every cell into a narrow column at 80 characters; a block per record
keeps the evidence sentence whole and the fields on labelled lines instead.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from eventwire.records import Actor, ArticleResult, Claim, EventMention, Place

_STATUS_STYLE = {
    "asserted": "bold green",
    "reported": "green",
    "claimed": "yellow",
    "denied": "magenta",
    "intended": "cyan",
    "negated": "red",
    "hypothetical": "blue",
}


def print_results(console: Console, results: Iterable[ArticleResult]) -> None:
    """Print each article's heading, then its events and claims as indented blocks."""
    for result in results:
        console.print(article_heading(result))
        if not result.events and not result.claims:
            console.print(Padding(Text("no events or claims found", style="dim"), (0, 0, 0, 2), expand=False))
        for event in result.events:
            console.print(Padding(event_block(event), (0, 0, 0, 2), expand=False))
        for claim in result.claims:
            console.print(Padding(claim_block(claim), (0, 0, 0, 2), expand=False))
        console.print()


def article_heading(result: ArticleResult) -> Text:
    article = result.article
    heading = Text("▌ ", style="dim")
    heading.append(article.title or article.source or article.id, style="bold")
    meta = [m for m in (article.outlet, article.published.isoformat() if article.published else None) if m]
    if meta:
        heading.append(f"  ({', '.join(meta)})", style="dim")
    heading.append(f"  {len(result.events)} events, {len(result.claims)} claims", style="dim")
    return heading


def event_block(event: EventMention) -> RenderableType:
    head = Text()
    head.append(event.date.value if event.date and event.date.value else "date ?", style="bold")
    if event.date and event.date.value and event.date.precision != "day":
        head.append(f" ({event.date.precision})", style="dim")
    head.append(f"  {event.type} › {event.sub_type}  ")
    head.append(f"[{event.status.value}]", style=_STATUS_STYLE.get(event.status.value, ""))
    head.append(f" conf {event.confidence:.2f}", style="dim")
    facts = Text()
    facts.append(actor_label(event.actor1))
    if event.actor2 is not None:
        facts.append(" → " + actor_label(event.actor2))
    facts.append(" · where: " + place_label(event.location))
    if event.fatalities is not None and event.fatalities.value is not None:
        qualifier = {"at_least": "≥", "at_most": "≤", "approx": "~"}.get(event.fatalities.qualifier, "")
        facts.append(f" · killed: {qualifier}{event.fatalities.value}")
    return Group(head, Padding(facts, (0, 0, 0, 4), expand=False), _quoted(event.evidence.sentence))


def claim_block(claim: Claim) -> RenderableType:
    head = Text("claim  ", style="bold")
    speaker = claim.speaker
    head.append(actor_label(speaker) if speaker else "unattributed")
    if speaker is not None:
        head.append(" (anonymous)" if speaker.anonymous else " (named)", style="dim")
    head.append(f" · {claim.cue}")
    if claim.channel:
        head.append(f" · to {claim.channel}")
    head.append(" · direct quote" if claim.direct_quote else " · indirect", style="dim")
    if claim.hedges:
        head.append(f" · hedged: {', '.join(claim.hedges)}", style="dim")
    return Group(head, _quoted(claim.content.text))


def actor_label(actor: Actor | None) -> str:
    if actor is None:
        return "actor ?"
    name = actor.name or actor.text
    countries = actor.countries or ([actor.country] if actor.country else [])
    return f"{name} ({'/'.join(countries)})" if countries else name


def place_label(place: Place | None) -> str:
    if place is None:
        return "?"
    name = place.name or place.text
    parts = [p for p in (name, place.admin1 if place.admin1 != name else None, place.country) if p]
    label = ", ".join(parts)
    return f"{label} (precision {place.precision})" if place.precision else label


def _quoted(sentence: str) -> Padding:
    return Padding(Text(f"“{' '.join(sentence.split())}”", style="italic dim"), (0, 0, 0, 4), expand=False)
