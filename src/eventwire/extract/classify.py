"""Event triggers and their ACLED class; GTD attack type (placeholder)."""
from __future__ import annotations

from ..records import Trigger


def find_triggers(sent) -> list[Trigger]:
    """Triggers in one sentence (spaCy Span), best first. Offsets are absolute."""
    return []


def gtd_attack_type(sent, trigger: Trigger, context: str = "") -> tuple[str | None, str | None]:
    """(GTD attack type, rule) for a mention, by GTD's precedence rules."""
    return None, None
