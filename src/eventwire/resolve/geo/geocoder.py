"""The Geocoder: names, article texts and relative phrases resolved to Place records.

Holds candidate ranking (kind, population, country context), the article scan that merges
NER spans with gazetteer matches, and relative phrases; the index itself is built in index.py.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import cache
from importlib import resources

from eventwire.errors import QueryError
from eventwire.records import Place
from eventwire.resolve.geo.article import LEADING, share_leaders
from eventwire.resolve.geo.index import (
    ADMIN1,
    CITY,
    COUNTRY,
    KIND_PRECISION,
    REGION,
    GazetteerIndex,
    load_index,
)
from eventwire.resolve.geo.normalize import name_key, unfused_key
from eventwire.resolve.geo.scan import DESIGNATORS, GENERIC_SUFFIXES, NgramMatch, Token, part_of_longer_name
from eventwire.settings import GeoSettings

# Ranking base of non-town kinds, on the log10-population scale towns are ranked on: a country
# outranks any town of its name, an admin1 region a town of a million.
_KIND_BASE = {COUNTRY: 8.0, ADMIN1: 6.0, REGION: 6.0}
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE = re.compile(r"['’]s?$")
# A match by one of a town's alternate names ("Boni" for Bonn, "Taliban" for a Turkish village)
# is weaker evidence than its own name: this many log-population points are taken off.
_ALT_NAME_PENALTY = 1.0
# A town outside the article's countries that is found only by an alternate name is kept only
# when it is this big (Kiev in a Russian story); below it a namesake of the context is likelier.
_ALT_NAME_FOREIGN_MIN = 1_000_000
# Beyond this distance from every place of the article's countries, a foreign town is "far".
_FAR_KM = 1500.0
# Spelling similarity at which a name is a transliteration of the own name, not another name.
_VARIANT_RATIO = 0.8


@cache
def _stopwords() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(curated, dictionary, titles) word lists from data/geo/, as name keys."""
    out = []
    for name in ("stopwords_curated.txt", "stopwords_dict.txt", "titles.txt"):
        text = resources.files("eventwire.data").joinpath("geo", name).read_text(encoding="utf-8")
        words = (line.split("#", 1)[0].strip() for line in text.splitlines())
        out.append(frozenset(name_key(w) for w in words if w))
    return out[0], out[1], out[2]


class Geocoder:
    """Gazetteer lookups; load once per process with `Geocoder.load()` (see docs/geocoding.md)."""

    def __init__(self, index: GazetteerIndex, settings: GeoSettings) -> None:
        self.index = index
        self.settings = settings
        self.keys = index.key_table()
        self.curated, self.dictionary, self.titles = _stopwords()
        self.common_words = self.curated | self.dictionary | LEADING
        self._primary_keys: dict[int, str] = {}
        self._country_entry = {
            index.country_codes[index.countries[e]]: e
            for e in range(len(index.names))
            if index.kinds[e] == COUNTRY
        }

    @classmethod
    def load(cls, settings: GeoSettings | None = None) -> Geocoder:
        settings = settings or GeoSettings()
        return cls(load_index(settings.cache_dir), settings)

    # --- lookups -------------------------------------------------------------------------

    def _entries(self, key: str) -> list[int]:
        k = self.keys.get(key)
        if k is None:
            return []
        return list(self.index.ids[self.index.offsets[k] : self.index.offsets[k + 1]])

    def _country_of(self, entry: int) -> str:
        return self.index.country_codes[self.index.countries[entry]]

    def _score(
        self,
        entry: int,
        context: Sequence[str],
        admin_context: frozenset[int] = frozenset(),
        key: str = "",
    ) -> float:
        kind = self.index.kinds[entry]
        base = _KIND_BASE.get(kind) or math.log10(self.index.populations[entry] + 10)
        if key and kind == CITY and not self.primary_match(entry, key):
            base -= _ALT_NAME_PENALTY
        country = self._country_of(entry)
        if country and country in context:
            # The first context country is the article's main one; later ones count a bit less.
            base += self.settings.context_bonus * (1.0 if context[0] == country else 0.8)
        if admin_context and (entry in admin_context or self.index.admin1[entry] in admin_context):
            base += self.settings.admin1_context_bonus
        return base

    def _ranked(
        self,
        entries: list[int],
        context: Sequence[str],
        regions_only: bool = False,
        admin_context: frozenset[int] = frozenset(),
        key: str = "",
    ) -> list[int]:
        if regions_only:
            entries = [e for e in entries if self.index.kinds[e] in (ADMIN1, REGION)] or entries
        else:
            # "Idlib" is the town when the region of that name is its own: a town names itself
            # more often than its province does.
            towns_admin = {self.index.admin1[e] for e in entries if self.index.kinds[e] == CITY}
            entries = [e for e in entries if not (self.index.kinds[e] == ADMIN1 and e in towns_admin)]
        if len(entries) == 1:
            return entries
        return sorted(entries, key=lambda e: -self._score(e, context, admin_context, key))

    def candidates(self, name: str, limit: int = 10) -> list[Place]:
        """Every gazetteer entry the name may mean, best first (without context)."""
        key, regions_only = self._name_key(name)
        return [
            self._place(e, name) for e in self._ranked(self._entries(key), (), regions_only, key=key)[:limit]
        ]

    def ranked(
        self, name: str, *, context_countries: Sequence[str] = (), limit: int = 10
    ) -> list[tuple[Place, int]]:
        """Candidates in the order geocode() ranks them (the first is its answer), with populations."""
        key, regions_only = self._name_key(name)
        ranked = self._ranked(self._entries(key), context_countries, regions_only, key=key)[:limit]
        return [(self._place(e, name), self.index.populations[e]) for e in ranked]

    def geocode(self, name: str, *, context_countries: Sequence[str] = ()) -> Place | None:
        """The best place for a name; None when the gazetteer has no entry for it."""
        key, regions_only = self._name_key(name)
        ranked = self._ranked(self._entries(key), context_countries, regions_only, key=key)
        return self._place(ranked[0], name) if ranked else None

    def country(self, iso3: str) -> Place:
        """The country as a Place (precision 3, centre of its towns)."""
        entry = self._country_entry.get(iso3.upper())
        if entry is None:
            raise QueryError(
                f"unknown country code {iso3!r}; use ISO 3166-1 alpha-3 such as SYR", code="EW051"
            )
        return self._place(entry, self.index.names[entry])

    def _name_key(self, name: str) -> tuple[str, bool]:
        """The lookup key of a free-form name and whether it asked for a region ("Idlib province")."""
        words = _LEADING_THE.sub("", _POSSESSIVE.sub("", name.strip())).split()
        regions_only = len(words) > 1 and words[-1].lower() in DESIGNATORS
        key = name_key(" ".join(words))
        if regions_only and key not in self.keys:
            key = name_key(" ".join(words[:-1]))
        elif len(words) > 1 and words[-1].lower() in GENERIC_SUFFIXES and key not in self.keys:
            key = name_key(" ".join(words[:-1]))  # "Kunduz city", "Maywand district", "Erkech village"
        if key not in self.keys and unfused_key(key) in self.keys:
            key = unfused_key(key)
        return key, regions_only

    def _place(
        self,
        entry: int,
        text: str,
        start: int | None = None,
        end: int | None = None,
        precision: int | None = None,
    ) -> Place:
        ix = self.index
        kind = ix.kinds[entry]
        admin = ix.admin1[entry]
        admin1 = ix.names[entry] if kind == ADMIN1 else (ix.names[admin] if admin >= 0 else None)
        return Place(
            text=text,
            start=start,
            end=end,
            name=ix.names[entry],
            admin1=admin1,
            country=self._country_of(entry) or None,
            lat=round(ix.lats[entry], 5),
            lon=round(ix.lons[entry], 5),
            geonames_id=ix.geonames_ids[entry] or None,
            precision=precision or KIND_PRECISION[kind],
        )

    # --- articles ------------------------------------------------------------------------

    def find_places(
        self,
        text: str,
        ner_spans: Sequence[tuple[int, int, str]] = (),
        *,
        context_countries: Sequence[str] = (),
    ) -> list[Place]:
        """Every place name of the article, one Place per mention, in text order.

        NER spans are taken as places (resolved when the gazetteer knows them, kept unresolved
        otherwise); the gazetteer scan adds names NER missed, under stricter rules. Ambiguous
        names are resolved towards the article's dominant countries.
        """
        if not text:
            return []
        from eventwire.resolve.geo.article import scan_article

        return scan_article(self, text, ner_spans, context_countries)

    def relative(
        self, phrase: str, *, context_countries: Sequence[str] = (), anchor: Place | None = None
    ) -> Place | None:
        """Region or country (precision 2/3) for "eastern Syria", "north of Aleppo", "the country's east"."""
        from eventwire.resolve.geo.relative import resolve_relative

        return resolve_relative(self, phrase, context_countries, anchor)

    # --- helpers for the article scan ----------------------------------------------------

    def dominant_countries(
        self,
        entry_sets: Sequence[list[int]],
        keys: Sequence[str] = (),
        extra_votes: Counter[str] | None = None,
    ) -> list[str]:
        """The article's countries, most mentioned first, from mentions that clearly mean one country:
        a country name, a name held in one country only, or one whose top candidate outranks every
        namesake abroad by `clear_margin` ("Beirut" over a Polish village; not "Tripoli").

        `keys` are the mentions' name keys (an alternate-name match counts less), `extra_votes`
        other evidence such as demonyms ("Afghan soldiers")."""
        votes: Counter[str] = Counter()
        for i, entries in enumerate(entry_sets):
            vote = self.country_vote(entries, keys[i] if i < len(keys) else "")
            if vote is not None:
                votes[vote[0]] += vote[1]  # type: ignore[assignment]
        if extra_votes:
            votes.update(extra_votes)
        return share_leaders(votes, self.settings.dominant_country_share)

    def country_vote(self, entries: list[int], key: str = "") -> tuple[str, float] | None:
        """The country a mention clearly means and the weight of its vote, or None."""
        # Every entry competes here, the province "Kandahar" too: a name that is a town and
        # its own province in one country is strong evidence of that country.
        ranked = sorted(entries, key=lambda e: -self._score(e, (), key=key))
        if not ranked:
            return None
        top = ranked[0]
        country = self._country_of(top)
        if key and self.index.kinds[top] == CITY and not self.primary_match(top, key):
            return None  # "Taliban" is an alternate name of a Turkish village: no evidence
        abroad = [e for e in ranked if self._country_of(e) != country]
        if (
            self.index.kinds[top] == COUNTRY
            or not abroad
            or self._score(top, (), key=key) - self._score(abroad[0], (), key=key)
            >= self.settings.clear_margin
        ) and country:
            return country, self._vote_weight(top)
        return None

    def dominant_admin1(self, entry_sets: Sequence[list[int]], context: Sequence[str]) -> frozenset[int]:
        """First-level regions the article is about: named ones, and those of towns whose every
        namesake in the article's countries lies in one region (local news: "Gainesville, Hall County")."""
        votes: Counter[int] = Counter()
        for entries in entry_sets:
            local = [e for e in entries if self._country_of(e) in context] if context else entries
            regions = {e if self.index.kinds[e] == ADMIN1 else self.index.admin1[e] for e in local}
            regions.discard(-1)
            if len(regions) == 1:
                votes[regions.pop()] += 1
        total = sum(votes.values())
        share = self.settings.dominant_country_share
        return frozenset(a for a, n in votes.items() if n >= 2 and n / total >= share)

    def _vote_weight(self, entry: int) -> float:
        """Countries and provinces say more about an article's country than a village does."""
        kind = self.index.kinds[entry]
        if kind != CITY:
            return 1.5
        return 0.5 if self.index.populations[entry] < self.settings.min_population_ambiguous else 1.0

    def primary_match(self, entry: int, key: str) -> bool:
        """Whether `key` is the entry's own name, not one of its alternate names."""
        primary = self._primary_keys.get(entry)
        if primary is None:
            primary = self._primary_keys[entry] = name_key(self.index.names[entry])
        if primary == key or primary.replace(" ", "") == key.replace(" ", ""):
            return True
        return _transliteration_variant(primary, key)

    def weak_foreign(self, entry: int, key: str, context: Sequence[str], anchors: Sequence[int]) -> bool:
        """A town outside the article's countries that is likelier a misreading than a place the
        article means: known there only by an alternate name ("Boni" for Bonn in a Mali story),
        or small and far from every place of the article's countries ("Palma" in Mozambique)."""
        if not context or self.index.kinds[entry] != CITY or self._country_of(entry) in context:
            return False
        population = self.index.populations[entry]
        if not self.primary_match(entry, key):
            return population < _ALT_NAME_FOREIGN_MIN
        if population >= _ALT_NAME_FOREIGN_MIN or len(set(anchors)) < 2:
            return False  # one mention ("U.S. air strikes on Raqqa") is too little to overrule a name
        return self._far(entry, anchors)

    def _far(self, entry: int, anchors: Sequence[int]) -> bool:
        lat, lon = self.index.lats[entry], self.index.lons[entry]
        return all(_km(lat, lon, self.index.lats[a], self.index.lons[a]) > _FAR_KM for a in anchors)

    def country_entry(self, iso3: str) -> int | None:
        return self._country_entry.get(iso3)

    def names_country(self, key: str) -> bool:
        return any(self.index.kinds[e] == COUNTRY for e in self._entries(key))

    def small_town(self, entry: int) -> bool:
        """A town below the population that makes a name famous beyond its country."""
        return (
            self.index.kinds[entry] == CITY
            and self.index.populations[entry] < self.settings.min_population_outside_context
        )

    def primary_key(self, entry: int) -> str:
        return name_key(self.index.names[entry])

    def accept_scanned(
        self,
        match: NgramMatch,
        tokens: list[Token],
        text: str,
        best: int,
        lowered: set[str],
        context: Sequence[str],
    ) -> bool:
        """Whether a gazetteer-only match (no NER) is a place name, not a word or part of a name."""
        kind = self.index.kinds[best]
        key = match.key
        if key in self.curated:
            return False
        if key in self.index.demonyms and kind != COUNTRY and not match.designator:
            return False  # "Somali" elders, not the Somali Region of Ethiopia
        single = match.last - match.first == 1
        if kind != COUNTRY:
            if key in self.dictionary or (single and key in lowered):
                return False
            # A big place keeps its name inside an organisation's ("Gainesville VFW Post"); a
            # small one there is usually a person's or a firm's name ("Mark Smith").
            big = (
                kind == CITY
                and self.index.populations[best] >= self.settings.min_population_outside_context
                and (not context or self._country_of(best) in context)
            )  # abroad, "Abdifatah Aden Hassan" is a man, not Aden
            if not big and part_of_longer_name(match, tokens, text, self.common_words):
                return False
        if kind == COUNTRY:
            return True
        in_context = self._country_of(best) in context
        if kind in (ADMIN1, REGION):
            return in_context or match.designator or kind == REGION
        return in_context or self.index.populations[best] >= self.settings.min_population_outside_context


_ARTICLES = frozenset({"al", "ar", "as", "ad", "an", "at", "az", "ash", "el", "es", "ed", "en", "et", "ez"})


def _transliteration_variant(primary: str, key: str) -> bool:
    """Spellings of one Arabic/Persian/Cyrillic name ("Raqqa" / "Ar Raqqah", "Kharkiv" / "Kharkov")
    count as the own name: they are how news spells it, not a stray alternate name."""

    def core(name: str) -> str:
        words = name.replace("-", " ").split()
        while len(words) > 1 and words[0] in _ARTICLES:
            words = words[1:]
        return "".join(words)

    a, b = core(primary), core(key)
    return len(b) >= 4 and SequenceMatcher(None, a, b).ratio() >= _VARIANT_RATIO


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))
