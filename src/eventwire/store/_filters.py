"""Filters shared by ``eventwire export`` and the library: dates, country, type, incident."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Filters:
    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None  # country name or ISO3, any case
    event_type: str | None = None
    incident_id: str | None = None

    def apply(self, query, table):
        """``query`` narrowed on ``table`` (events or incidents: both have these columns)."""
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
