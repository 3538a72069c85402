"""Counts of killed, injured, hostages and arrested (placeholder)."""
from __future__ import annotations

from ..records import Count


def find_counts(sent) -> list[Count]:
    """Counts stated in one sentence; status/reported_by from the sentence only."""
    return []
