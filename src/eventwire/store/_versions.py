"""Which pipeline coded a record: the package version plus a digest of its data files.

A lexicon or taxonomy change gives a new version string, so ``eventwire ingest
--recode`` can find the documents coded before it.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


@lru_cache(maxsize=1)
def lexicon_hashes() -> dict[str, str]:
    out = {}
    if DATA.is_dir():
        for path in sorted(DATA.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                out[str(path.relative_to(DATA))] = hashlib.sha1(path.read_bytes()).hexdigest()[:12]
    return out


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    from .. import __version__

    digest = hashlib.sha1(repr(sorted(lexicon_hashes().items())).encode()).hexdigest()[:8]
    return f"{__version__}+{digest}"
