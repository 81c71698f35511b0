"""Rich tables for evaluation reports, the worst items and the scoreboard.

Holds presentation only; every number shown comes from a report object.
"""

from __future__ import annotations

from typing import Any

from rich.table import Table

from eventwire.evaluate.claims import ClaimOutcome, ClaimReport, worst_claims
from eventwire.evaluate.events import EventOutcome, EventReport, worst_events
from eventwire.evaluate.harness import Evaluation
from eventwire.evaluate.metrics import Share
from eventwire.evaluate.places import PlaceOutcome, PlaceReport, worst_places
from eventwire.evaluate.scoreboard import DevSet, headline
from eventwire.records import EventMention


def fmt(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, Share):
        return fmt(value.value)
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def report_table(evaluation: Evaluation) -> Table:
    report = evaluation.report
    table = Table(
        title=f"{evaluation.task}: {evaluation.gold_path.name}, "
        f"{report.items} items, {evaluation.seconds:.1f} s"
    )
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("hits / n", justify="right")
    for name, value in report.metrics().items():
        counts = f"{value.hits} / {value.total}" if isinstance(value, Share) else ""
        table.add_row(name, fmt(value), counts)
    return table


def confusion_table(report: EventReport, *, sub_types: bool = False) -> Table:
    matrix = report.sub_type_confusion if sub_types else report.type_confusion
    predicted = sorted({p for row in matrix.values() for p in row})
    table = Table(title=f"confusion ({'sub-types' if sub_types else 'types'}): rows gold, columns predicted")
    table.add_column("gold \\ predicted")
    for label in predicted:
        table.add_column(label, justify="right")
    for gold, row in matrix.items():
        table.add_row(gold, *(str(row.get(p, "")) for p in predicted))
    return table


def errors_table(evaluation: Evaluation, n: int) -> Table:
    """The worst n items, gold beside predicted."""
    report = evaluation.report
    table = Table(title=f"worst {n} items: gold vs predicted", show_lines=True)
    table.add_column("item", max_width=40)
    table.add_column("gold", max_width=50)
    table.add_column("predicted", max_width=50)
    if isinstance(report, EventReport):
        for e in worst_events(report, n):
            table.add_row(f"{e.id}\n{e.text[:200]}", _event_gold(e), _event_predicted(e))
    elif isinstance(report, ClaimReport):
        for c in worst_claims(report, n):
            table.add_row(f"{c.id}\ncontent F1 {c.content_f1:.2f}", *_claim_sides(c))
    elif isinstance(report, PlaceReport):
        for p in worst_places(report, n):
            table.add_row(f"{p.id}\nrecall {p.recall:.2f}", *_place_sides(p))
    return table


def scoreboard_table(results: list[tuple[DevSet, Evaluation]]) -> Table:
    table = Table(title="eventwire scoreboard (dev sets)")
    for column in ("set", "task", "items", "seconds", "metric"):
        table.add_column(column)
    table.add_column("value", justify="right")
    for dev, ev in results:
        for i, (name, value) in enumerate(headline(ev.report).items()):
            first = i == 0
            table.add_row(
                dev.name if first else "",
                dev.task if first else "",
                str(ev.report.items) if first else "",
                f"{ev.seconds:.0f}" if first else "",
                name,
                fmt(value),
                end_section=i == len(headline(ev.report)) - 1,
            )
    return table


def _event_gold(o: EventOutcome) -> str:
    g = o.gold
    return "\n".join(
        [
            f"{g.event_type} / {g.sub_event_type}",
            f"actors: {g.actor1} (inter {g.inter1}) | {g.actor2} (inter {g.inter2})",
            f"where: {g.location}, {g.admin1}, {g.iso3} ({g.latitude}, {g.longitude})",
            f"date: {g.event_date}  fatalities: {g.fatalities}",
        ]
    )


def _event_predicted(o: EventOutcome) -> str:
    p: EventMention | None = o.predicted
    if p is None:
        return "[red]no event[/]"
    loc = p.location
    where = f"{loc.text}, {loc.admin1}, {loc.country} ({loc.lat}, {loc.lon})" if loc else "-"
    a1 = f"{p.actor1.text} ({p.actor1.kind.value})" if p.actor1 else "-"
    a2 = f"{p.actor2.text} ({p.actor2.kind.value})" if p.actor2 else "-"
    return "\n".join(
        [
            f"{p.type} / {p.sub_type} ({p.confidence:.2f})",
            f"actors: {a1} | {a2}",
            f"where: {where}",
            f"date: {p.date.value if p.date else None}",
            f"fatalities: {p.fatalities.value if p.fatalities else None}",
            f"[red]wrong: {', '.join(o.wrong)}[/]",
        ]
    )


def _claim_sides(o: ClaimOutcome) -> tuple[str, str]:
    gold = "\n".join(f"{a.source} | {a.cue} | {a.content[:80]}" for a in o.gold) or "-"
    predicted = "\n".join(
        f"{c.speaker.text if c.speaker else None} | {c.cue} | {c.content.text[:80]}" for c in o.predicted
    )
    return gold, predicted or "-"


def _place_sides(o: PlaceOutcome) -> tuple[str, str]:
    matched_gold = {gi for gi, _ in o.matched}
    matched_pred = {pi for _, pi in o.matched}
    gold = ", ".join(g.text if i in matched_gold else f"[red]{g.text}[/]" for i, g in enumerate(o.gold))
    predicted = ", ".join(
        p.text if i in matched_pred else f"[red]{p.text}[/]" for i, p in enumerate(o.predicted)
    )
    return gold or "-", predicted or "-"
