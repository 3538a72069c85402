"""Filters shared by ``eventwire export``, the REST API and the library.

Dates, country, admin1, event type and sub-type, actor, incident, bounding box,
text and minimum confidence. Events are filtered on their own columns; an
incident matches when any of its events does.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from ..errors import InputError


@dataclass(frozen=True, slots=True)
class Filters:
    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None  # country name or ISO3, any case
    event_type: str | None = None
    incident_id: str | None = None
    admin1: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None  # part of actor1's or actor2's name, any case
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    text: str | None = None  # words anywhere in the record (names, notes, evidence sentences)
    min_confidence: float | None = None

    def __post_init__(self) -> None:
        if self.bbox is not None:
            west, south, east, north = self.bbox
            if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
                raise InputError(f"bbox {self.bbox}: want west,south,east,north in degrees, south <= north")

    @staticmethod
    def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
        """``"west,south,east,north"`` in degrees (as the CLI and the API take it)."""
        if not value:
            return None
        try:
            west, south, east, north = (float(part) for part in value.split(","))
        except ValueError:
            raise InputError(f"bbox: want west,south,east,north in degrees, not {value!r}") from None
        return west, south, east, north

    @property
    def only_basic(self) -> bool:
        """True when only the columns incidents also have are used."""
        extra = ("admin1", "sub_event_type", "actor", "bbox", "text", "min_confidence")
        return all(getattr(self, name) in (None, "") for name in extra)

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, "") for f in fields(self))

    def apply(self, query, table):
        """``query`` narrowed on ``table``: the events table, or the incidents table
        (dates, country, type and incident on its own columns, the rest through its events)."""
        from ._models import EventRow, IncidentRow

        query = self._basic(query, table)
        if table is EventRow:
            return self._events_only(query)
        if table is IncidentRow and not self.only_basic:
            from sqlalchemy import select

            members = self._events_only(select(EventRow.incident_id).where(EventRow.incident_id.is_not(None)))
            query = query.where(IncidentRow.incident_id.in_(members))
        return query

    def _basic(self, query, table):
        from sqlalchemy import func, or_

        if self.since:
            query = query.where(table.event_date >= self.since)
        if self.until:
            query = query.where(table.event_date <= self.until)
        if self.country:
            want = self.country.strip().lower()
            query = query.where(or_(func.lower(table.country) == want, func.lower(table.iso3) == want))
        if self.event_type:
            query = query.where(func.lower(table.event_type) == self.event_type.strip().lower())
        if self.incident_id:
            query = query.where(table.incident_id == self.incident_id)
        return query

    def _events_only(self, query):
        from sqlalchemy import String, cast, func, or_

        from ._models import EventRow

        if self.admin1:
            query = query.where(func.lower(EventRow.admin1) == self.admin1.strip().lower())
        if self.sub_event_type:
            query = query.where(func.lower(EventRow.sub_event_type) == self.sub_event_type.strip().lower())
        if self.actor:
            want = f"%{_like_escape(self.actor.strip().lower())}%"
            names = [func.lower(EventRow.record[(side, "name")].as_string()) for side in ("actor1", "actor2")]
            query = query.where(or_(*(n.like(want, escape="\\") for n in names)))
        if self.bbox is not None:
            west, south, east, north = self.bbox
            query = query.where(EventRow.latitude >= south, EventRow.latitude <= north)
            if west <= east:
                query = query.where(EventRow.longitude >= west, EventRow.longitude <= east)
            else:  # a box across the antimeridian
                query = query.where(or_(EventRow.longitude >= west, EventRow.longitude <= east))
        if self.text:
            want = f"%{_like_escape(self.text.strip().lower())}%"
            query = query.where(func.lower(cast(EventRow.record, String)).like(want, escape="\\"))
        if self.min_confidence is not None:
            query = query.where(EventRow.confidence >= self.min_confidence)
        return query


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
