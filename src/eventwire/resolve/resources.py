"""The gazetteers the extractor resolves against, loaded once per process.

Holds the bundle passed into extraction; the lookups themselves live in actors.py and
places.py, the pure functions in dates.py and numbers.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.resolve.actors import ActorGazetteer
from eventwire.resolve.places import Geocoder
from eventwire.settings import Settings


@dataclass(frozen=True)
class Resources:
    actors: ActorGazetteer
    geocoder: Geocoder

    @classmethod
    def load(cls, settings: Settings) -> Resources:
        return cls(actors=ActorGazetteer.load(), geocoder=Geocoder.load(settings.geo))
