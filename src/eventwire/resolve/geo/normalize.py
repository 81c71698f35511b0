"""Name normalisation for gazetteer lookup: the one key that transliteration variants share.

Holds the pure string functions used both when the index is built and when text is scanned;
it knows nothing of places, candidates or articles.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Arabic definite-article variants as English transliterations write them ("al-Bab", "Deir
# ez-Zor", "Ras al Ayn", "Dayr az Zawr"). They are dropped on both sides so that every
# spelling meets; an article is never the whole name.
ARTICLES = frozenset(
    {
        "al",
        "el",
        "ad",
        "ar",
        "as",
        "ash",
        "at",
        "az",
        "adh",
        "an",
        "ed",
        "en",
        "er",
        "es",
        "esh",
        "et",
        "ez",
        "ul",
    }
)
# Apostrophes and ayin/hamza marks join ("Ma'arrat" == "Maarrat"); other punctuation splits.
_JOINERS = re.compile(r"['’‘ʼʻʿʾ`´]")
_SPLIT = re.compile(r"[^0-9a-z]+")
# One word of running text: letters, with inner apostrophes kept ("Ma'arrat", "Kam'yanka").
WORD = re.compile(r"[^\W\d_]+(?:['’ʼʿʾ][^\W\d_]+)*")


def fold(text: str) -> str:
    """Casefolded ASCII-ish form: diacritics stripped, joiners removed."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _JOINERS.sub("", stripped).casefold()


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """The key of one word of text ('' for an article, which lookups skip)."""
    folded = _SPLIT.sub("", fold(word))
    return "" if folded in ARTICLES else folded


def name_key(name: str) -> str:
    """The lookup key of a whole name: 'Deir ez-Zor' and 'Deir Ez Zor' -> 'deir zor'."""
    parts = [p for p in _SPLIT.split(fold(name)) if p]
    kept = [p for p in parts if p not in ARTICLES]
    return " ".join(kept or parts)


def is_latin(name: str) -> bool:
    """True when the name is written in Latin script (possibly with diacritics)."""
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in name)


# "Ezzor", "Assuwayda", "Arraqqa": the article fused onto a sun letter it doubles.
_FUSED_ARTICLE = re.compile(r"\b[ae][lrsztdn]?([tdrzsnl])\1")


def unfused_key(key: str) -> str:
    """The key with fused articles split off ('deir ezzor' -> 'deir zor'); the key itself if none."""
    return _FUSED_ARTICLE.sub(lambda m: m.group(1), key)
