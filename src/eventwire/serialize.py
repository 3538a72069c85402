"""The native record as plain data and back: ``event_to_dict`` / ``event_from_dict``.

``records.to_dict`` writes an :class:`Event` as JSON-ready data; this module
reads it back, so the database, JSON Lines files and Parquet files all hold the
same record and a round trip gives an equal ``Event``. Unknown keys are ignored
(newer writers may add fields); a malformed record raises ``InputError``.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from functools import lru_cache
from typing import Any

from .errors import InputError
from .records import Event, to_dict

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


@lru_cache(maxsize=None)
def _hints(cls) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(hint, value):
    """``value`` (plain JSON data) as the type ``hint`` names: records, tuples, dates."""
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decode(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        return tuple(_decode(args[0], v) for v in value) if args else tuple(value)
    if dataclasses.is_dataclass(hint):
        return _build(hint, value)
    if hint is dt.date:
        return _date(value)
    return value


def _build(cls, data: dict | None):
    """A record of ``cls`` from a dict; keys ``cls`` does not know are ignored."""
    if data is None:
        return None
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: _decode(hints[k], v) for k, v in data.items() if k in names})


def event_from_dict(data: dict[str, Any]) -> Event:
    """An :class:`Event` from the dict ``to_dict`` made (or a JSON Lines line)."""
    try:
        data = dict(data)
        if not data.get("doc_ids") and data.get("doc_id"):
            data["doc_ids"] = [data["doc_id"]]
        event = _build(Event, data)
        return dataclasses.replace(event, codes=dict(event.codes or {}), notes=event.notes or "",
                                   sub_event_type=event.sub_event_type or "")
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        ident = data.get("event_id", "?") if isinstance(data, dict) else "?"
        raise InputError(f"event {ident}: not a native eventwire record ({exc})") from exc
