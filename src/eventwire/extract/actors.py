"""Actors in a sentence and their roles (placeholder)."""
from __future__ import annotations

from ..records import Actor, Trigger


def find_actors(sent) -> list[Actor]:
    """Actors named in a sentence: dictionary groups and generic actors."""
    return []


def assign_roles(sent, trigger: Trigger, actors: list[Actor]) -> tuple[Actor | None, Actor | None]:
    """(actor1 initiator, actor2 target) from the sentence's syntax."""
    return None, None
