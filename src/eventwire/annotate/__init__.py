"""The annotate stage: sentences, tokens, tags, parse and entities from spaCy.

Only this package runs spaCy models over article text.
"""

from eventwire.annotate.annotator import (
    AnnotatedArticle,
    AnnotatedSentence,
    Annotator,
    Need,
    SentenceSelector,
    TieredSelector,
    select_all,
)
from eventwire.annotate.model import load_pipeline

__all__ = [
    "AnnotatedArticle",
    "AnnotatedSentence",
    "Annotator",
    "Need",
    "SentenceSelector",
    "TieredSelector",
    "load_pipeline",
    "select_all",
]
