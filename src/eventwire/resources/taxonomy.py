"""The event taxonomy: ACLED event / sub-event types and GTD attack types.

Read from ``data/taxonomy.json``; the order of GTD attack types in that file is
GTD's precedence (highest first), so code never repeats it.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
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
    "LexEntry",
    "event_families",
    "trigger_lexicon",
    "participant_kinds",
    "modality_cues",
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


# ---- lexicons that map words to classes ------------------------------------------------


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One row of the trigger lexicon: lemma phrase, part of speech, family, weight."""

    lemmas: tuple[str, ...]
    pos: str  # V, N, ADJ or *
    family: str
    weight: float


def _rows(name: str) -> list[dict[str, str]]:
    """Rows of a package CSV whose first line(s) starting with ``#`` are provenance."""
    path = data_path(name)
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            lines = [ln for ln in fh if not ln.startswith("#") and ln.strip()]
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc}; reinstall eventwire") from exc
    return list(csv.DictReader(lines))


@lru_cache(maxsize=1)
def event_families() -> Mapping[str, tuple[str, str, str | None]]:
    """family -> (ACLED event_type, sub_event_type, GTD attack type or None)."""
    out = {}
    for row in _rows("event_families.csv"):
        et, sub = row["event_type"], row["sub_event_type"]
        if sub not in SUB_EVENT_TYPES.get(et, ()):
            raise ConfigError(f"event_families.csv: {et!r}/{sub!r} is not an ACLED class")
        out[row["family"]] = (et, sub, row["gtd_attack_type"] or None)
    return MappingProxyType(out)


@lru_cache(maxsize=1)
def trigger_lexicon() -> Mapping[str, tuple[LexEntry, ...]]:
    """Trigger and cue entries indexed by their first lemma (longest phrase first)."""
    index: dict[str, list[LexEntry]] = {}
    families = event_families()
    for n, row in enumerate(_rows("triggers.csv"), start=2):
        fam = row["family"].strip()
        if not fam.startswith("cue_") and fam not in families:
            raise ConfigError(f"triggers.csv line {n}: unknown family {fam!r}")
        try:
            weight = float(row["weight"])
        except ValueError as exc:
            raise ConfigError(f"triggers.csv line {n}: weight {row['weight']!r} is not a number") from exc
        lemmas = tuple(row["phrase"].lower().split())
        index.setdefault(lemmas[0], []).append(LexEntry(lemmas, row["pos"].strip(), fam, weight))
    return MappingProxyType({k: tuple(sorted(v, key=lambda e: -len(e.lemmas))) for k, v in index.items()})


@lru_cache(maxsize=1)
def _participants() -> Mapping[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in _rows("participants.csv"):
        out.setdefault(row["lemma"].lower(), set()).add(row["category"])
    return MappingProxyType({k: frozenset(v) for k, v in out.items()})


def participant_kinds(lemma: str) -> frozenset[str]:
    """Kinds of party a noun lemma names: state, nonstate, armed, civilian, protester, ..."""
    return _participants().get(lemma, frozenset())


@lru_cache(maxsize=1)
def modality_cues() -> tuple[tuple[str, str, str], ...]:
    """(cue lemma phrase, modality, slot) rows of ``modality_cues.csv``."""
    return tuple((r["cue"].lower(), r["modality"], r["slot"]) for r in _rows("modality_cues.csv"))
