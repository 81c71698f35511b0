"""Predictions to score: the real pipeline run on gold texts, or a saved output file.

Holds the bridge from gold items to `ArticleResult`s; it does not score them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import ValidationError

from eventwire.errors import EvalError
from eventwire.evaluate.gold import GoldItem
from eventwire.records import Article, ArticleResult
from eventwire.settings import Settings


def article_for(item: GoldItem) -> Article:
    """The article the pipeline sees: the gold text, with `published` as the article date."""
    return Article(id=item.id, text=item.text, published=item.published, title=None)


def predict(
    items: Sequence[GoldItem],
    settings: Settings,
    *,
    processes: int = 1,
    on_batch: Callable[[int], None] | None = None,
) -> list[ArticleResult]:
    """Run annotate + extract on every gold text, in order, on `processes` worker processes."""
    # Imported here so the scorers (and their tests) work without loading the pipeline.
    from eventwire.runner import process_articles

    results: list[ArticleResult] = []
    articles = (article_for(item) for item in items)
    for batch in process_articles(articles, settings, processes=processes):
        results.extend(batch)
        if on_batch is not None:
            on_batch(len(batch))
    return results


def read_predictions(path: Path) -> list[ArticleResult]:
    """Saved pipeline output (JSON Lines of the output contract, e.g. `eventwire extract --out`)."""
    if not path.is_file():
        raise EvalError(f"predictions file {path} does not exist", code="EW060")
    results = []
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                results.append(ArticleResult.model_validate_json(line))
            except ValidationError as exc:
                raise EvalError(
                    f"{path}:{line_no}: not an eventwire output record ({exc.error_count()} errors); "
                    "give a file written by `eventwire extract --out`",
                    code="EW061",
                ) from exc
    return results


def align_predictions(items: Sequence[GoldItem], results: Sequence[ArticleResult]) -> list[ArticleResult]:
    """Key every result by its gold item's id: by article id, else by identical text.

    Saved output from `eventwire extract` carries ingest's hashed ids, not the gold ids.
    """
    by_id = {r.article.id: r for r in results}
    by_text = {r.article.text: r for r in results}
    aligned = []
    for item in items:
        found = by_id.get(item.id) or by_text.get(item.text)
        if found is None:
            continue  # scored as "nothing produced"
        if found.article.id != item.id:
            found = found.model_copy(update={"article": found.article.model_copy(update={"id": item.id})})
        aligned.append(found)
    return aligned
