"""The tune / check halves of a gold file.

Rules are developed on the tune half; figures are reported and CI floors are
pinned on the check half only. The half of a row is fixed by a salted hash of
its key, so it never changes between runs or machines, and it is independent of
the hash the gold files were themselves split by (ACLED's dev rows are already
the even ``sha1(id)`` half). Reports of one incident (GVC's ``incident_key``)
stay together, so that linking and dates are not tuned on one report of an
incident and checked on another.
"""
from __future__ import annotations

import hashlib
from typing import Any, Mapping

__all__ = ["HALVES", "half_of", "split_key"]

HALVES = ("tune", "check")
_SALT = "eventwire-split-v1:"


def split_key(record: Mapping[str, Any]) -> str:
    """What decides a row's half: its incident when it has one, else its id."""
    key = record.get("incident_key")
    return str(key) if key not in (None, "") else str(record.get("id", ""))


def half_of(record: Mapping[str, Any]) -> str:
    """``"tune"`` or ``"check"`` for one raw gold record (a parsed JSONL line)."""
    digest = hashlib.sha1((_SALT + split_key(record)).encode("utf-8")).hexdigest()
    return HALVES[int(digest, 16) % 2]
