"""The native record as plain data and back: ``event_to_dict`` / ``event_from_dict``.

``records.to_dict`` writes an :class:`Event` as JSON-ready data; this module
reads it back, so the database, JSON Lines files and Parquet files all hold the
same record and a round trip gives an equal ``Event``. Unknown keys are ignored
(newer writers may add fields); a malformed record raises ``InputError``.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from .errors import InputError
from .records import (Actor, Claim, Count, Event, Evidence, GeoEntry, Location, PlaceMention,
                      Statement, to_dict)

__all__ = ["event_to_dict", "event_from_dict", "document_to_dict"]


def event_to_dict(event: Event) -> dict[str, Any]:
    return to_dict(event)


def document_to_dict(document) -> dict[str, Any]:
    return to_dict(document)


def _date(value) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _build(cls, data: dict | None):
    """A record of ``cls`` from a dict, keeping only the fields ``cls`` knows."""
    if data is None:
        return None
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def _place(data: dict | None) -> PlaceMention | None:
    if data is None:
        return None
    data = dict(data)
    data["entry"] = _build(GeoEntry, data.get("entry"))
    return _build(PlaceMention, data)


def _many(cls, items) -> tuple:
    return tuple(_build(cls, item) for item in (items or ()))


def event_from_dict(data: dict[str, Any]) -> Event:
    """An :class:`Event` from the dict ``to_dict`` made (or a JSON Lines line)."""
    try:
        return Event(
            event_id=data["event_id"],
            doc_ids=tuple(data.get("doc_ids") or ([data["doc_id"]] if data.get("doc_id") else [])),
            event_type=data["event_type"],
            sub_event_type=data.get("sub_event_type") or "",
            event_date=_date(data.get("event_date")),
            date_precision=data.get("date_precision") or "unknown",
            codes=dict(data.get("codes") or {}),
            actor1=_build(Actor, data.get("actor1")),
            actor2=_build(Actor, data.get("actor2")),
            assoc_actor1=_many(Actor, data.get("assoc_actor1")),
            assoc_actor2=_many(Actor, data.get("assoc_actor2")),
            location=_build(Location, data.get("location")),
            fatalities=_build(Count, data.get("fatalities")),
            injured=_build(Count, data.get("injured")),
            hostages=_build(Count, data.get("hostages")),
            arrested=_build(Count, data.get("arrested")),
            claims=_many(Claim, data.get("claims")),
            statements=_many(Statement, data.get("statements")),
            places=tuple(_place(p) for p in (data.get("places") or ())),
            evidence=_many(Evidence, data.get("evidence")),
            notes=data.get("notes") or "",
            confidence=float(data.get("confidence") or 0.0),
            incident_id=data.get("incident_id"),
            relative_date=data.get("relative_date"),
        )
    except (KeyError, TypeError, ValueError) as exc:
        ident = data.get("event_id", "?") if isinstance(data, dict) else "?"
        raise InputError(f"event {ident}: not a native eventwire record ({exc})") from exc
