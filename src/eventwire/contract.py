"""The JSON Schema of the output contract, generated from the records.

Holds generation and the path of the shipped schema file; the records themselves live in
records.py, so the contract is never written twice.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from eventwire.records import SCHEMA_VERSION, ArticleResult

SCHEMA_FILE = "eventwire.schema.json"


def contract_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one output line, from `ArticleResult`."""
    schema = ArticleResult.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://eventwire.invalid/schema/{SCHEMA_VERSION}/article-result.json",
        "title": "eventwire output line (one article)",
        **schema,
    }


def render_schema() -> str:
    return json.dumps(contract_schema(), indent=2, sort_keys=True) + "\n"


def shipped_schema() -> dict[str, Any]:
    """The schema file shipped in the package (kept equal to `contract_schema()` by a test)."""
    text = resources.files("eventwire.schema").joinpath(SCHEMA_FILE).read_text("utf-8")
    result: dict[str, Any] = json.loads(text)
    return result
