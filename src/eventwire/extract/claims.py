"""Claims of responsibility (placeholder)."""
from __future__ import annotations

from ..records import Claim, Statement


def find_claims(doc, statements: list[Statement]) -> list[Claim]:
    """Claims of responsibility, with channel and spokesperson when stated."""
    return []
