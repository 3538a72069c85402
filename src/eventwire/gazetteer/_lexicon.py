"""The geo lexicon (data/geo/lexicon.toml): admin terms, stop names, place cues."""
from __future__ import annotations

import functools
import tomllib
from importlib import resources

from ..errors import ConfigError


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    try:
        raw = resources.files("eventwire").joinpath("data/geo/lexicon.toml").read_bytes()
        return tomllib.loads(raw.decode("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"geo lexicon data/geo/lexicon.toml unreadable: {exc}") from exc


def admin_terms() -> tuple[str, ...]:
    return tuple(lexicon()["admin_terms"])
