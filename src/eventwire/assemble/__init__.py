"""assemble: one article's mentions → events (ACLED's unit), with evidence."""
from __future__ import annotations

from ._assemble import assemble, follow_ups

__all__ = ["assemble", "follow_ups"]
