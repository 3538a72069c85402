"""Analysts' corrections: kept beside the machine's values, applied on top of them.

A correction names one field of an event by a path (``fatalities``,
``fatalities.best``, ``actor1.name``, ``location.admin1``...), the new value,
who made it, when, and why. Each is a row of ``corrections``; the machine's
value is never overwritten: the stored record is the machine's record with the
corrections applied, and lists under ``codes["corrections"]`` every corrected
or accepted field with both values, so exports say what an analyst changed.

A re-code (``eventwire ingest --recode``) writes new machine records; the
corrections of the document's events are applied to them again (the same event
id, or else the nearest event of the new coding), so no analyst's work is lost.
"""
from __future__ import annotations

import copy
import datetime as dt
import logging
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import InputError
from ..records import COUNT_KINDS, Event, to_dict
from ..serialize import event_from_dict
from ._models import CorrectionRow, EventRow

log = logging.getLogger("eventwire")

CORRECTABLE = ("event_type", "sub_event_type", "event_date", "date_precision", "actor1", "actor2",
               "location", "notes", *COUNT_KINDS)
ACTIONS = ("correct", "accept")
_MAIN_PART = {"actor1": "name", "actor2": "name", "location": "name"}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def check_path(path: str) -> list[str]:
    parts = [p for p in str(path).split(".") if p]
    if not parts or parts[0] not in CORRECTABLE or len(parts) > 2:
        raise InputError(f"field {path!r} cannot be corrected; choose one of: {', '.join(CORRECTABLE)} "
                         "(or one part of them, e.g. fatalities.best, location.admin1)")
    return parts


def get_path(record: dict, path: str):
    value = record
    for part in check_path(path):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _set_path(record: dict, parts: list[str], value) -> None:
    if len(parts) == 1:
        record[parts[0]] = value
        return
    head = record.get(parts[0])
    if not isinstance(head, dict):
        raise InputError(f"field {'.'.join(parts)!r}: the event has no {parts[0]} to change a part of")
    record[parts[0]] = {**head, parts[1]: value}


def coerce(path: str, old, value):
    """A whole-field value from what an analyst typed: a number for a count, a name
    for an actor or a place; dicts and parts pass through."""
    parts = check_path(path)
    field = parts[0]
    if len(parts) > 1 or isinstance(value, dict) or value is None:
        return value
    if field in COUNT_KINDS:
        try:
            n = int(value)
        except (TypeError, ValueError) as exc:
            raise InputError(f"{field}: want a whole number, not {value!r}") from exc
        if n < 0:
            raise InputError(f"{field}: a count cannot be negative")
        base = old if isinstance(old, dict) else {"kind": field, "text": "", "start": 0, "end": 0}
        return {**base, "low": n, "best": n, "high": n, "rule": "correction"}
    if field in _MAIN_PART:
        base = old if isinstance(old, dict) else {"type": "unknown"} if field != "location" else {
            "country": None, "iso3": None}
        return {**base, _MAIN_PART[field]: str(value), "rule": "correction"}
    return value


def _entry(row: CorrectionRow, machine: dict) -> dict:
    new = row.new_value or {}
    return {"field": row.field, "value": new.get("value"), "machine": get_path(machine, row.field),
            "action": new.get("action", "correct"), "author": row.author, "comment": row.note,
            "at": row.created_at.isoformat(timespec="seconds") + "Z" if row.created_at else None}


def apply(machine: dict, rows: list[CorrectionRow]) -> dict:
    """The machine's record with ``rows`` (oldest first) applied and listed."""
    record = copy.deepcopy(machine)
    listed: dict[str, dict] = {}
    for row in rows:
        if (row.new_value or {}).get("action", "correct") == "correct":
            _set_path(record, check_path(row.field), (row.new_value or {}).get("value"))
        entry = _entry(row, machine)
        entry["value"] = get_path(record, row.field)
        listed[row.field] = entry
    codes = {k: v for k, v in (record.get("codes") or {}).items() if k != "corrections"}
    if listed:
        codes["corrections"] = list(listed.values())
    record["codes"] = codes
    return record


def machine_record(record: dict) -> dict:
    """The machine's record back from a stored (corrected) one."""
    machine = copy.deepcopy(record)
    entries = (machine.get("codes") or {}).pop("corrections", None) or []
    for entry in reversed(entries):
        try:
            _set_path(machine, check_path(entry["field"]), entry.get("machine"))
        except InputError:  # a part of a field that the machine never had
            continue
    return machine


def rows_for(s: Session, event_id: str) -> list[CorrectionRow]:
    return list(s.scalars(select(CorrectionRow).where(CorrectionRow.event_id == event_id)
                          .order_by(CorrectionRow.pk)))


def _anchor(record: dict) -> int:
    spans = [e.get("start") or 0 for e in record.get("evidence") or [] if e.get("field") == "event_type"]
    spans = spans or [e.get("start") or 0 for e in record.get("evidence") or []]
    return min(spans) if spans else 0


def correct(s: Session, row: EventRow, path: str, value, *, author: str | None, note: str | None,
            action: str = "correct") -> dict:
    """Store one correction (or acceptance) of ``row``'s field; returns the new record."""
    if action not in ACTIONS:
        raise InputError(f"action {action!r}: choose correct or accept")
    machine = machine_record(row.record)
    current = get_path(row.record, path)
    if action == "correct":
        value = coerce(path, get_path(machine, path) if "." not in path else current, value)
    else:
        value = current
    s.add(CorrectionRow(event_id=row.event_id, field=path, old_value={"value": get_path(machine, path)},
                        new_value={"value": value, "action": action, "anchor": _anchor(machine)},
                        author=author, note=note, created_at=_now()))
    s.flush()
    record = apply(machine, rows_for(s, row.event_id))
    event_from_dict(record)  # a value that does not fit the record raises InputError here
    return record


def anchors(s: Session, doc_pk: int) -> dict[str, tuple[str, int]]:
    """A document's stored events before a re-code: id → (event type, where its trigger is)."""
    out = {}
    for event_id, record in s.execute(select(EventRow.event_id, EventRow.record)
                                      .where(EventRow.document_pk == doc_pk)):
        out[event_id] = (machine_record(record).get("event_type"), _anchor(record))
    return out


def _nearest(old: tuple[str, int], events: list[Event]) -> Event | None:
    if not events:
        return None
    etype, at = old
    return min(events, key=lambda ev: (ev.event_type != etype, abs(_anchor(to_dict(ev)) - at)))


def carry_over(s: Session, old: dict[str, tuple[str, int]], events: list[Event]) -> list[Event]:
    """``events`` (a new coding of a document) with the corrections of its old events."""
    if not old:
        return events
    rows = list(s.scalars(select(CorrectionRow).where(CorrectionRow.event_id.in_(list(old)))
                          .order_by(CorrectionRow.pk)))
    if not rows:
        return events
    new_ids = {ev.event_id for ev in events}
    for row in rows:
        if row.event_id in new_ids:
            continue
        target = _nearest(old[row.event_id], events)
        if target is None:
            log.warning("correction %s of %s kept, but the new coding has no event to apply it to",
                        row.pk, row.event_id)
            continue
        row.event_id = target.event_id
    s.flush()
    return [_corrected(ev, [r for r in rows if r.event_id == ev.event_id]) for ev in events]


def _corrected(event: Event, rows: list[CorrectionRow]) -> Event:
    if not rows:
        return event
    try:
        record = apply(to_dict(replace(event, incident_id=None)), rows)
        return replace(event_from_dict(record), incident_id=event.incident_id)
    except InputError as exc:
        log.warning("event %s: corrections no longer fit the new coding (%s); machine values kept",
                    event.event_id, exc)
        return event
