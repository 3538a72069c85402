"""The actor dictionary (placeholder until the actor work lands)."""
from __future__ import annotations


def actor_patterns(source: str = "default") -> list[dict]:
    """EntityRuler patterns (label ``ACTOR``, ``id`` = dictionary row)."""
    return []
