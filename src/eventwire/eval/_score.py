"""Scoring one gold row against the system's most confident event.

Each check is ``True`` (right), ``False`` (wrong) or ``None`` (not scored:
the gold row has no value for it). A row with no system event is wrong on
every check that is scored. Label pairs feed the macro-F1 scores.

Nulls: GTD's ``nkill``/``nwound``/``nhostkid`` are null where GTD has no
figure; those rows are left out of that metric (not counted as 0). On the
system side a missing count is 0, and a count is its best figure, else its
low one. A null ``actor2`` in ACLED means "no second actor": the system is
right only if it has none either (``actor2``); ``actor2_named`` scores only
the rows where gold names one. A row without gold coordinates is not
scored on distance.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..records import Actor, Count, Event
from ._normalise import (actors_match, admin1_match, admin1_spelled, countries_match, country_iso3, distance_km,
                         fold, legacy_family, legacy_gold_family)

__all__ = ["RowScore", "score_row", "system_count", "DISTANCES_KM"]

DISTANCES_KM = (25, 50, 161)


@dataclass(frozen=True, slots=True)
class RowScore:
    checks: dict[str, bool | None] = field(default_factory=dict)
    labels: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    # Rates over units other than rows (MUC-4 templates, events per
    # document): name -> (hits, units), summed over rows by ``aggregate``.
    tallies: dict[str, tuple[int, int]] = field(default_factory=dict)
    # What ``--errors`` shows for a check that failed: name -> (gold, system).
    shown: dict[str, tuple[str, str | None]] = field(default_factory=dict)


def system_count(count: Count | None) -> int:
    """The system's figure: best, else low, else 0 (nothing stated)."""
    if count is None:
        return 0
    if count.best is not None:
        return count.best
    return count.low if count.low is not None else 0


def _number(value: Any) -> float | None:
    """A gold number, or None when the cell is empty or not a number (not scored)."""
    try:
        return None if value is None or value == "" else float(value)
    except (TypeError, ValueError):
        return None


def acled_count(count: Count | None) -> int:
    """The system's figure as ACLED codes it (its conservative table for vague words), else 0."""
    from ..extract.counts import acled_figure

    value = acled_figure(count)
    return 0 if value is None else value


def count_checks(name: str, gold: Any, count: Count | None, event: Event | None,
                  figure=system_count) -> dict:
    gold = _number(gold)
    if gold is None:
        return {f"{name}_exact": None, f"{name}_within1": None}
    value = figure(count) if event is not None else None
    return {f"{name}_exact": value is not None and value == gold,
            f"{name}_within1": value is not None and abs(value - gold) <= 1}


def date_check(gold: Any, event: Event | None) -> bool | None:
    if not gold:
        return None
    return event is not None and event.event_date is not None and \
        event.event_date.isoformat() == str(gold)[:10]


def location_checks(gold: dict, admin1_field: str, event: Event | None, scheme: str | None = None) -> dict:
    """Country, admin1 (any spelling; and as ``scheme``'s export spells it) and distance."""
    from ..gazetteer import codebook_admin1

    loc = event.location if event is not None else None
    spelled = None if loc is None else codebook_admin1(scheme, loc.iso3, loc.admin1, loc.admin2, event.event_date)
    checks: dict[str, bool | None] = {
        "country": None if not gold.get("country") else loc is not None and countries_match(
            gold.get("country"), loc.country, gold.get("iso3"), loc.iso3),
        # any spelling: the scheme's own ("Ar-Raqqa") included
        "admin1": None if not gold.get(admin1_field) else loc is not None and (admin1_match(
            gold[admin1_field], loc.admin1, gold.get("iso3") or country_iso3(gold.get("country")))
            or admin1_spelled(gold[admin1_field], spelled)),
        # spelled as the source spells it: what an analyst's filter on the export meets
        "admin1_spelled": None if not gold.get(admin1_field) else loc is not None and admin1_spelled(
            gold[admin1_field], spelled),
    }
    lat, lon = _number(gold.get("latitude")), _number(gold.get("longitude"))
    km = None
    if loc is not None and loc.latitude is not None and loc.longitude is not None and lat is not None \
            and lon is not None:
        km = distance_km(lat, lon, loc.latitude, loc.longitude)
    for limit in DISTANCES_KM:
        checks[f"within_{limit}km"] = None if lat is None or lon is None else km is not None and km <= limit
    return checks


def location_name_check(gold_name: str | None, event: Event | None) -> bool | None:
    """The event's place is named as the source names it: ACLED's ``location``, GTD's ``city``,
    folded; a name the source writes with its city ("Karachi - North Nazimabad") matches either
    part. The name, not the point: a village the gazetteer lacks is named right at another
    place's coordinates (see ``within_*km`` for the point)."""
    if not gold_name or fold(gold_name) in ("unknown", ""):
        return None
    loc = event.location if event is not None else None
    if loc is None:
        return False
    parts = {fold(gold_name)} | {fold(p) for p in gold_name.replace(" - ", "-").split("-") if p.strip()}
    return any(fold(n) in parts for n in (loc.name, loc.text) if n)


def _name(actor: Actor | None) -> str | None:
    return actor.name if actor is not None else None


def _acled(gold: dict, event: Event | None, legacy: bool) -> RowScore:
    if legacy:
        gold_type = legacy_gold_family(gold.get("event_type"))
        family = legacy_family(event.event_type, event.sub_event_type) if event else None
        sys_type = legacy_gold_family(family) if family else None
    else:
        gold_type, sys_type = gold.get("event_type"), event.event_type if event else None
    checks: dict[str, bool | None] = {"event_type": sys_type == gold_type if gold_type else None}
    labels = {"event_type": (gold_type, sys_type)} if gold_type else {}
    if gold.get("sub_event_type"):
        sys_sub = event.sub_event_type if event else None
        checks["sub_event_type"] = sys_sub == gold["sub_event_type"]
        labels["sub_event_type"] = (gold["sub_event_type"], sys_sub)
    checks["actor1"] = event is not None and actors_match(gold.get("actor1"), _name(event.actor1))
    checks["actor2"] = event is not None and actors_match(gold.get("actor2"), _name(event.actor2))
    # The same, only where gold names a second actor: a system that never
    # finds one cannot score here by agreeing on the rows that have none.
    checks["actor2_named"] = None if not gold.get("actor2") else checks["actor2"]
    checks.update(count_checks("fatalities", gold.get("fatalities"),
                                event.fatalities if event else None, event, figure=acled_count))
    checks["date"] = date_check(gold.get("event_date"), event)
    checks.update(location_checks(gold, "admin1", event, scheme="acled"))
    checks["location"] = location_name_check(gold.get("location"), event)
    precision = _number(gold.get("geo_precision"))
    if precision is not None:
        checks["geo_precision"] = event is not None and event.location is not None and \
            event.location.geo_precision == precision
    return RowScore(checks, labels)


def _unnamed(actor: Actor | None) -> bool:
    return actor is None or actor.name.casefold().startswith(("unidentified", "unknown"))


def _gname_check(gname: str | None, event: Event | None) -> bool | None:
    if not gname:
        return None
    if event is None:
        return False
    if gname.casefold() == "unknown":  # GTD: no group named or suspected
        return _unnamed(event.actor1)
    return not _unnamed(event.actor1) and actors_match(gname, event.actor1.name)


def _gtd(gold: dict, event: Event | None) -> RowScore:
    gold_type = gold.get("attacktype1")
    sys_type = event.codes.get("gtd_attack_type") if event is not None else None
    checks: dict[str, bool | None] = {
        "attack_type": None if not gold_type else sys_type is not None
        and sys_type.casefold() == gold_type.casefold(),
        "gname": _gname_check(gold.get("gname"), event),
    }
    labels = {"attack_type": (gold_type, sys_type)} if gold_type else {}
    for name, kind in (("nkill", "fatalities"), ("nwound", "injured"), ("nhostkid", "hostages")):
        checks.update(count_checks(name, gold.get(name), getattr(event, kind, None), event))
    checks["date"] = date_check(gold.get("event_date"), event)
    checks.update(location_checks(gold, "provstate", event, scheme="gtd"))
    checks["location"] = location_name_check(gold.get("city"), event)
    return RowScore(checks, labels)


def score_row(fmt: str, gold: dict, event: Event | None) -> RowScore:
    """Checks and label pairs for one gold row (``fmt`` from ``detect_format``)."""
    if fmt == "gtd":
        return _gtd(gold, event)
    if fmt in ("acled", "acled-legacy"):
        return _acled(gold, event, legacy=fmt == "acled-legacy")
    raise ValueError(f"no event scorer for gold format {fmt!r}")
