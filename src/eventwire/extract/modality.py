"""Is a mention a real event, or a threat / negation / plan / background? (placeholder)"""
from __future__ import annotations

from ..records import Trigger


def mention_modality(sent, trigger: Trigger) -> tuple[str, str | None]:
    """(modality, cue words): ``asserted`` or the reason it is not an event."""
    return "asserted", None
