"""Builds src/eventwire/data/geo/stopwords_dict.txt: common English words that are also place names.

A one-off developer script (needs Debian's `wamerican` word list); it is not run at install
or at run time. Rerun it after a gazetteer upgrade and commit the file it writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from eventwire.resolve.geo.index import load_index
from eventwire.settings import GeoSettings

WORDS = Path("/usr/share/dict/american-english")
OUT = Path(__file__).parents[1] / "src" / "eventwire" / "data" / "geo" / "stopwords_dict.txt"


def main() -> int:
    if not WORDS.exists():
        print(f"{WORDS} missing: apt-get install wamerican", file=sys.stderr)
        return 1
    words = WORDS.read_text(encoding="utf-8", errors="ignore").split()
    lowercase = {w for w in words if w.isalpha() and w.islower() and len(w) > 1}
    index = load_index(GeoSettings().cache_dir)
    place_words = {key for key in index.keys if " " not in key}
    # A lowercase dictionary word that is also a place key is a common noun, verb or adjective
    # before it is a place ("bar", "police", "reading"): the scan needs NER to take it.
    stop = sorted(lowercase & place_words)
    header = (
        "# eventwire geo stoplist, dictionary part (version 1.0.0)\n"
        "# Source: the lowercase words of Debian's wamerican 2020.12.07 (SCOWL, Kevin Atkinson; free\n"
        "# licence) that are also single-word place keys in the gazetteer. Built by bench/geo_stoplist.py.\n"
    )
    OUT.write_text(header + "\n".join(stop) + "\n", encoding="utf-8")
    print(f"{len(stop)} words -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
