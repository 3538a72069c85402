"""Built tables kept on disk beside the gazetteer cache, so a cold start loads them instead of
building them. The file name carries a key of what the table is made of: change the data or
the code behind it and the key (and so the file) changes."""
from __future__ import annotations

import logging
import os
import pickle
from typing import Callable, TypeVar

log = logging.getLogger("eventwire")

T = TypeVar("T")


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The table ``name`` for ``key``: loaded when built before, else built and saved."""
    from ..gazetteer import data_dir

    path = data_dir() / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only home still works, just slower to start
        log.info("%s not cached (%s); built in memory each time", name, exc)
    return value
