"""assemble: one article's mentions → events (ACLED's unit), with evidence."""
from __future__ import annotations

from ._assemble import assemble

__all__ = ["assemble"]
