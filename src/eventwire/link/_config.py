"""Linking thresholds, read from ``data/linking.toml`` (or a file the caller names)."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "linking.toml"


@dataclass(frozen=True, slots=True)
class LinkConfig:
    same_window_days: int = 7
    followup_days: int = 60
    long_followup_days: int = 400
    distant_days: int | None = None
    distant_identity: float = 1.0
    near_km: float = 10.0
    far_km: float = 150.0
    veto_km: float = 300.0
    admin2_score: float = 0.7
    admin1_score: float = 0.35
    contained_score: float = 0.75
    homonym_score: float | None = None
    named_score: float | None = None
    weights: dict = field(default_factory=lambda: {"date": 0.15, "place": 0.2, "actor": 0.2,
                                                   "event_class": 0.15, "text": 0.3})
    concept_weight: float = 0.7
    link_score: float = 0.8
    min_text: float = 0.35
    merge_score: float = 0.8
    max_merges_per_report: int = 1
    member_share: float = 0.5
    min_identity: float = 0.15
    age_place: float = 0.7
    followup_identity: float = 0.65
    apart_identity: float = 0.6
    apart_followup_identity: float = 1.0
    country_identity: float = 0.9
    unknown_country_identity: float = 0.9
    toll_days: int = 1
    large_toll: int | None = None
    followup_toll_days: int | None = None
    street_links: bool = False
    country_only_apart: bool = False


def key_days(cfg: LinkConfig) -> int:
    """How far apart in days two reports sharing a particular can still link (the blocking
    index's reach): the long follow-up window, or the distant one where set."""
    return max(cfg.long_followup_days, cfg.distant_days or 0)


def _flatten(data: dict) -> dict:
    flat = {}
    for section, values in data.items():
        if section == "weights":
            flat["weights"] = dict(values)
        elif isinstance(values, dict):
            flat.update(values)
        else:
            flat[section] = values
    return flat


@lru_cache(maxsize=8)
def load_config(path: str | Path | None = None) -> LinkConfig:
    path = Path(path) if path else DEFAULT_PATH
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read linking config ({exc})") from exc
    flat = _flatten(data)
    known = set(LinkConfig.__dataclass_fields__)
    unknown = set(flat) - known
    if unknown:
        raise ConfigError(f"{path}: unknown linking settings {sorted(unknown)}")
    return LinkConfig(**flat)
