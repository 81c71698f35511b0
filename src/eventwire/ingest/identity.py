"""Stable article ids: canonical URLs and normalised text, hashed.

Holds `article_id`, `canonical_url` and `normalise_text`; it does not read files or clean
boilerplate (that happens before the id is taken, so the id hashes the cleaned text).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

ID_PREFIX = "a_"
ID_HEX_CHARS = 16
_DEFAULT_PORTS = {"http": 80, "https": 443}
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class TrackingParams:
    """Query parameters that track a click rather than name a page (data/ingest/urls.json)."""

    version: str
    prefixes: tuple[str, ...]
    names: frozenset[str]

    def is_tracking(self, name: str) -> bool:
        key = name.lower()
        return key in self.names or key.startswith(self.prefixes)


@cache
def tracking_params() -> TrackingParams:
    raw = json.loads(resources.files("eventwire.data").joinpath("ingest/urls.json").read_text("utf-8"))
    return TrackingParams(
        version=raw["version"],
        prefixes=tuple(p.lower() for p in raw["prefixes"]),
        names=frozenset(n.lower() for n in raw["names"]),
    )


def canonical_url(url: str | None) -> str | None:
    """The URL one article has however it was shared; None when `url` is not an absolute URL.

    Lowercases scheme and host, drops default ports, the fragment and tracking parameters,
    sorts what remains of the query and removes a trailing slash from the path.
    """
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc or parts.hostname is None:
        return None
    scheme = parts.scheme.lower()
    host = parts.hostname.lower()
    netloc = host if parts.port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{parts.port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    path = parts.path.rstrip("/") or "/"
    params = tracking_params()
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not params.is_tracking(k)
    )
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def normalise_text(text: str) -> str:
    """Whitespace collapsed and case folded: the same article saved twice normalises the same."""
    return _WHITESPACE.sub(" ", text).strip().casefold()


def article_id(url: str | None, text: str) -> str:
    """'a_' + 16 hex chars of sha256 over the canonical URL if known, else the normalised text."""
    canonical = canonical_url(url)
    # The two kinds of key are tagged so a text can never collide with a URL.
    key = f"url:{canonical}" if canonical else f"text:{normalise_text(text)}"
    return ID_PREFIX + hashlib.sha256(key.encode("utf-8")).hexdigest()[:ID_HEX_CHARS]
