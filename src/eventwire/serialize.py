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


def _identity(value):
    return value


@lru_cache(maxsize=None)
def _decoder(hint):
    """A function turning plain JSON data into the type ``hint`` names (built once per type)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decoder(inner[0]) if len(inner) == 1 else _identity
    if origin is tuple:
        args = typing.get_args(hint)
        item = _decoder(args[0]) if args else _identity
        return lambda value: tuple(item(v) for v in value)
    if dataclasses.is_dataclass(hint):
        return lambda value: _build(hint, value)
    if hint is dt.date:
        return _date
    return _identity


@lru_cache(maxsize=None)
def _fields(cls) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    return {f.name: _decoder(hints[f.name]) for f in dataclasses.fields(cls)}


def _build(cls, data: dict | None):
    """A record of ``cls`` from a dict; keys ``cls`` does not know are ignored."""
    if data is None:
        return None
    fields = _fields(cls)
    return cls(**{k: (None if v is None else fields[k](v)) for k, v in data.items() if k in fields})


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
