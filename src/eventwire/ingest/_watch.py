"""Watching a folder: each poll yields the files that are new or changed since the last.

A file is taken only once its size and modification time have stayed the same
for one poll, so a file still being written is not read half-way. Restarting
the watch yields every file again; the store skips those already stored.
"""
from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Callable, Iterator

from ..errors import InputError

log = logging.getLogger("eventwire")


def _snapshot(folder: Path) -> dict[Path, tuple[int, int]]:
    out = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.name.startswith("."):
            try:
                st = path.stat()
            except OSError:  # removed between listing and stat
                continue
            out[path] = (st.st_size, st.st_mtime_ns)
    return out


def watch(folder: str | Path, *, interval: float = 5.0, max_polls: int | None = None,
          sleep: Callable[[float], None] = time.sleep) -> Iterator[list[Path]]:
    """Yield lists of new or changed files in ``folder`` (recursively), sorted by name."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder to watch")
    done: dict[Path, tuple[int, int]] = {}
    previous: dict[Path, tuple[int, int]] = {}
    polls = 0
    while max_polls is None or polls < max_polls:
        current = _snapshot(folder)
        # Stable: same size and mtime as the previous poll (or older than one interval).
        ready = sorted(p for p, sig in current.items()
                       if done.get(p) != sig and (previous.get(p) == sig or _settled(sig, interval)))
        for p in ready:
            done[p] = current[p]
        if ready:
            yield ready
        previous = current
        polls += 1
        if max_polls is None or polls < max_polls:
            sleep(interval)


def _settled(sig: tuple[int, int], interval: float) -> bool:
    return (time.time_ns() - sig[1]) / 1e9 > max(interval, 1.0)
