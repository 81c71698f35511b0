"""eventwire: news articles in, a sourced, geocoded record of events and claims out."""

__version__ = "0.1.0"
