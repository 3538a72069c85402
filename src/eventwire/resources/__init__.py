"""Package data shared by stages: actor dictionary, taxonomy, lexicons.

Loaders here read files under ``eventwire/data``; each file carries its
provenance in a header line.
"""
from __future__ import annotations

from importlib import resources as _res
from pathlib import Path


def data_path(name: str) -> Path:
    """Path of a file in the package's ``data`` folder."""
    return Path(str(_res.files("eventwire") / "data" / name))
