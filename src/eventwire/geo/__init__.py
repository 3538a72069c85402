"""geo: place mentions resolved to gazetteer entries, and each event's location."""
from __future__ import annotations

from ._locate import locate

__all__ = ["locate"]
