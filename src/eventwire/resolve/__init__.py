"""The resolve stage: actors, places, dates and numbers grounded to codes and coordinates.

Used by extract; it never reads articles or runs spaCy models itself. The bundle of loaded
gazetteers is `eventwire.resolve.resources.Resources`.
"""
