"""Who said what (placeholder)."""
from __future__ import annotations

from ..records import Statement


def find_statements(doc) -> list[Statement]:
    """Quoted and reported statements in a document, with their speakers."""
    return []
