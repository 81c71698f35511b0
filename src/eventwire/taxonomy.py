"""ACLED's event taxonomy, loaded from the packaged data file.

Holds the type/sub-type table and lookups; what triggers map to which sub-type lives in
the extractor's lexicon, not here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

# The event types of political violence: a retelling or a toll may belong to any of them.
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


@dataclass(frozen=True)
class Taxonomy:
    version: str
    types: dict[str, tuple[str, ...]]

    @cached_property
    def sub_types(self) -> dict[str, str]:
        """Sub-event type -> its event type."""
        return {sub: typ for typ, subs in self.types.items() for sub in subs}

    def type_of(self, sub_type: str) -> str:
        return self.sub_types[sub_type]


@cache
def acled_taxonomy() -> Taxonomy:
    raw = json.loads(resources.files("eventwire.data").joinpath("taxonomy/acled.json").read_text("utf-8"))
    return Taxonomy(version=raw["version"], types={k: tuple(v) for k, v in raw["types"].items()})
