"""Dates resolved against the publication date (placeholder)."""
from __future__ import annotations

import datetime as dt

from ..records import EventDate


def find_dates(doc, published: dt.date | None) -> list[EventDate]:
    """Every date expression in the document, resolved where possible."""
    return []
