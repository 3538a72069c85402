"""export: events → the formats people load (JSON Lines, ACLED CSV, GTD CSV, GeoJSON, Parquet)."""
from __future__ import annotations

from ._rows import ACLED_COLUMNS, GTD_COLUMNS, acled_row, gtd_row
from ._writers import BINARY_FORMATS, FORMATS, write_events

__all__ = ["ACLED_COLUMNS", "BINARY_FORMATS", "FORMATS", "GTD_COLUMNS", "acled_row", "gtd_row", "write_events"]
