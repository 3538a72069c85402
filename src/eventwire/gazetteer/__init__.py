"""The offline gazetteer (placeholder until the geo work lands)."""
from __future__ import annotations


def place_patterns(source: str = "default") -> list[dict]:
    """EntityRuler patterns for place names (labels ``GPE``/``LOC``)."""
    return []


def default_gazetteer():
    """The embedded gazetteer, loaded once (placeholder returns None)."""
    return None
