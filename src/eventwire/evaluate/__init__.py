"""The evaluate stage: score the pipeline against gold files (`eventwire eval`).

Public surface only; gold reading, the three scorers, the harness and the scoreboard live in
the modules named below. Running the pipeline is deferred to `predict` so scorers load alone.
"""

from eventwire.evaluate.claims import ClaimReport, score_claims
from eventwire.evaluate.events import EventReport, score_events
from eventwire.evaluate.gold import GoldItem, GoldSet, Task, read_gold
from eventwire.evaluate.harness import Evaluation, Report, evaluate, score
from eventwire.evaluate.places import PlaceReport, score_places
from eventwire.evaluate.predict import align_predictions, article_for, predict, read_predictions
from eventwire.evaluate.scoreboard import DEV_SETS, headline, run_scoreboard, scoreboard_dict

__all__ = [
    "DEV_SETS",
    "ClaimReport",
    "Evaluation",
    "EventReport",
    "GoldItem",
    "GoldSet",
    "PlaceReport",
    "Report",
    "Task",
    "align_predictions",
    "article_for",
    "evaluate",
    "headline",
    "predict",
    "read_gold",
    "read_predictions",
    "run_scoreboard",
    "score",
    "score_claims",
    "score_events",
    "score_places",
    "scoreboard_dict",
]
