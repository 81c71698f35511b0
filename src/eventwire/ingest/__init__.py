"""The ingest stage: files, directories, globs, stdin → cleaned `Article` records.

Public surface only; text, HTML and JSON Lines readers live in their own modules.
"""

from eventwire.ingest.html import read_html_article
from eventwire.ingest.identity import article_id, canonical_url
from eventwire.ingest.inputs import iter_inputs, read_file
from eventwire.ingest.jsonl import iter_jsonl_articles
from eventwire.ingest.plaintext import clean_text, read_text_article
from eventwire.ingest.sample import sample_paths

__all__ = [
    "article_id",
    "canonical_url",
    "clean_text",
    "iter_inputs",
    "iter_jsonl_articles",
    "read_file",
    "read_html_article",
    "read_text_article",
    "sample_paths",
]
