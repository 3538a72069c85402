"""geo: place mentions resolved to gazetteer entries, and each event's location."""
from __future__ import annotations

from ._locate import geo_precision, locate, to_location
from ._places import SETTLEMENT_WORDS, Toponym, find_toponyms, names_a_street
from ._resolve import Resolved, resolve_toponyms

__all__ = ["locate", "find_toponyms", "resolve_toponyms", "Toponym", "Resolved",
           "geo_precision", "to_location", "names_a_street", "SETTLEMENT_WORDS"]
