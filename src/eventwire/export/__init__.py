"""export: events → the formats people load (JSON Lines, ACLED CSV, ...)."""
from __future__ import annotations

from ._writers import FORMATS, acled_row, write_events

__all__ = ["FORMATS", "acled_row", "write_events"]
