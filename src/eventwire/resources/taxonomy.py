"""The event taxonomy: ACLED event / sub-event types and GTD attack types.

Read from ``data/taxonomy.json``; the order of GTD attack types in that file is
GTD's precedence (highest first), so code never repeats it.
"""
from __future__ import annotations

import json
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from ..errors import ConfigError
from . import data_path

__all__ = [
    "EVENT_TYPES",
    "SUB_EVENT_TYPES",
    "GTD_ATTACK_TYPES",
    "LEGACY_FAMILIES",
    "event_type_of",
    "legacy_acled_family",
    "gtd_precedence",
    "definitions",
]

_FILE = "taxonomy.json"


@lru_cache(maxsize=1)
def _load() -> dict:
    path = data_path(_FILE)
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read the taxonomy {path}: {exc}; reinstall eventwire") from exc
    for key in ("acled", "gtd", "acled_legacy_families"):
        if key not in data:
            raise ConfigError(f"taxonomy {path} lacks '{key}'; reinstall eventwire")
    return data


_DATA = _load()

EVENT_TYPES: tuple[str, ...] = tuple(_DATA["acled"])
SUB_EVENT_TYPES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {et: tuple(v["sub_event_types"]) for et, v in _DATA["acled"].items()}
)
GTD_ATTACK_TYPES: tuple[str, ...] = tuple(_DATA["gtd"]["attack_types"])  # precedence order
LEGACY_FAMILIES: tuple[str, ...] = tuple(_DATA["acled_legacy_families"])

_PARENT = {sub: et for et, subs in SUB_EVENT_TYPES.items() for sub in subs}
_RANK = {label: i for i, label in enumerate(GTD_ATTACK_TYPES)}


def event_type_of(sub_event_type: str) -> str | None:
    """The ACLED event type a sub-event type belongs to (None if unknown)."""
    return _PARENT.get(sub_event_type)


def legacy_acled_family(event_type: str, sub_event_type: str | None = None) -> str:
    """The pre-2019 ACLED event type for a current (type, sub-type) pair.

    Before 2019 ACLED had one ``Riots/Protests`` family and coded territorial
    outcomes of battles as their own battle types.
    """
    override = _DATA.get("acled_legacy_overrides", {}).get(f"{event_type}|{sub_event_type}")
    if override:
        return override
    entry = _DATA["acled"].get(event_type)
    if entry is None:
        raise ConfigError(f"unknown ACLED event type {event_type!r}; expected one of {EVENT_TYPES}")
    return entry["legacy"]


def gtd_precedence(label: str | None) -> int:
    """Rank of a GTD attack type in GTD's hierarchy (0 = highest); unknown labels last."""
    return _RANK.get(label or "", len(_RANK))


def definitions() -> dict[str, str]:
    """Every label (ACLED event and sub-event types, GTD attack types) with its definition."""
    out: dict[str, str] = {}
    for et, v in _DATA["acled"].items():
        out[et] = v["definition"]
        out.update(v["sub_event_types"])
    out.update(_DATA["gtd"]["attack_types"])
    return out
