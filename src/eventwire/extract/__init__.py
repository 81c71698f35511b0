"""The extract stage: event mentions with ACLED types and epistemic status, claims, places.

Only `Extractor` is public; the rules live in the modules beside it.
"""

from eventwire.extract.extractor import Extractor

__all__ = ["Extractor"]
