"""The serve stage: a read-only HTTP API (FastAPI) over a store, and the offline web map.

Routes live in `app.py`; this package never writes to the store.
"""

from eventwire.serve.app import create_app

__all__ = ["create_app"]
