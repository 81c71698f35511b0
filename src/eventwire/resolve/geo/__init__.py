"""The gazetteer-based geocoder behind eventwire.resolve.places.

normalize (name keys), index (build/cache), scan (n-grams), geocoder (ranking and the public
class), article (find_places), relative (relative phrases). Nothing is loaded at import time.
"""
