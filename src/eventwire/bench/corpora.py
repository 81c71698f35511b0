"""Where benchmark articles come from: the generated corpus or any path the ingest stage reads.

Holds corpus selection and the timed read (the "ingest" stage of a benchmark); it does not
run the pipeline.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path

from eventwire.bench.corpus import generate_corpus
from eventwire.errors import EvalError
from eventwire.records import Article, IngestFailure
from eventwire.settings import IngestSettings, Settings

GENERATED = "generated"


@dataclass(frozen=True)
class Corpus:
    name: str
    articles: list[Article]
    failures: int
    ingest_s: float  # reading (or generating) and cleaning the articles

    @property
    def words(self) -> int:
        return sum(len(a.text.split()) for a in self.articles)


def load_corpus(spec: str | None, settings: Settings, limit: int | None = None) -> Corpus:
    """The generated corpus (`None` or "generated"), else the file, directory or glob `spec`.

    Raises EvalError EW063 when the path is missing or yields no article.
    """
    started = time.perf_counter()
    if spec is None or spec == GENERATED:
        articles = list(generate_corpus(settings.bench, limit))
        return Corpus(GENERATED, articles, 0, time.perf_counter() - started)
    if not any(ch in spec for ch in "*?[") and not Path(spec).exists():
        raise EvalError(f"benchmark corpus {spec} does not exist; give a path or 'generated'", code="EW063")
    items = _read(spec, settings)
    articles, failures = [], 0
    for item in islice(items, limit) if limit is not None else items:
        if isinstance(item, IngestFailure):
            failures += 1
        else:
            articles.append(item)
    if not articles:
        raise EvalError(
            f"benchmark corpus {spec} holds no readable article ({failures} failures)", code="EW063"
        )
    return Corpus(spec, articles, failures, time.perf_counter() - started)


def _read(spec: str, settings: Settings) -> Iterator[Article | IngestFailure]:
    try:
        # Imported here: the generated corpus needs no ingest stage, so it works without one.
        from eventwire.ingest import iter_inputs
    except ImportError:
        return _read_jsonl(Path(spec), settings.ingest)
    return iter_inputs([spec], settings.ingest)


def _read_jsonl(path: Path, ingest: IngestSettings) -> Iterator[Article | IngestFailure]:
    """Plain JSON Lines articles, for checkouts where the ingest stage is not installed."""
    if path.suffix not in {".jsonl", ".ndjson"}:
        raise EvalError(f"{path}: without the ingest stage only .jsonl corpora can be read", code="EW063")
    with path.open(encoding=ingest.encoding) as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                published = row.get(ingest.published_field)
                yield Article(
                    id=str(row.get(ingest.id_field) or f"{path.name}:{line_no}"),
                    text=row[ingest.text_field],
                    title=row.get(ingest.title_field),
                    outlet=row.get(ingest.outlet_field),
                    published=date.fromisoformat(published) if published else None,
                    source=str(path),
                )
            except (ValueError, KeyError, TypeError) as exc:
                yield IngestFailure(
                    source=f"{path}:{line_no}", code="EW017", reason=f"malformed record ({exc})"
                )
