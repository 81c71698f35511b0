"""Place grounding: the public face of the geocoder/geoparser used by extract.

Re-exports `Geocoder` from eventwire.resolve.geo (index, scan, ranking, relative phrases live
there); nothing is loaded at import time.
"""

from __future__ import annotations

from eventwire.resolve.geo.geocoder import Geocoder

__all__ = ["Geocoder"]
