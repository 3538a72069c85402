"""Linking new events to stored incidents, inside the document's transaction.

Candidates are stored events in the same country whose dates fall within the
follow-up window (the blocking of ``eventwire.link``); each new event joins the
incident of its best match or starts its own. Every incident touched gets its
reconciled summary rewritten.
"""
from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import replace

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..link import Incident, assign, incident_id_for, load_config, reconcile
from ..link._features import country_key
from ..records import Event, to_dict
from ..serialize import event_from_dict
from ._models import DocumentRow, EventRow, IncidentMemberRow, IncidentRow


class EventCache:
    """Decoded stored events by primary key: a batch compares each new event with
    the same neighbours again and again, and decoding JSON is the costly part."""

    def __init__(self, size: int = 50_000) -> None:
        self.size, self._data = size, OrderedDict()

    def get_many(self, s: Session, pks: list[int]) -> dict[int, Event]:
        missing = [pk for pk in pks if pk not in self._data]
        for start in range(0, len(missing), 500):
            chunk = missing[start:start + 500]
            for pk, record in s.execute(select(EventRow.pk, EventRow.record).where(EventRow.pk.in_(chunk))):
                self._data[pk] = event_from_dict(record)
        out = {}
        for pk in pks:
            self._data.move_to_end(pk)
            out[pk] = self._data[pk]
        while len(self._data) > self.size:
            self._data.popitem(last=False)
        return out

    def clear(self) -> None:
        self._data.clear()


def _candidates(s: Session, event: Event, window: int, cache: EventCache) -> list[Incident]:
    loc = event.location
    query = select(EventRow.pk, EventRow.incident_id).where(
        EventRow.incident_id.is_not(None), EventRow.event_id != event.event_id,
        EventRow.event_date >= event.event_date - dt.timedelta(days=window),
        EventRow.event_date <= event.event_date + dt.timedelta(days=window))
    if loc.iso3:
        query = query.where(or_(EventRow.iso3 == loc.iso3, EventRow.country == loc.country))
    else:
        query = query.where(EventRow.country == loc.country)
    if loc.admin1:  # a different province vetoes the pair anyway: leave it to the index
        query = query.where(or_(EventRow.admin1 == loc.admin1, EventRow.admin1.is_(None)))
    rows = s.execute(query).all()
    decoded = cache.get_many(s, [pk for pk, _ in rows])
    incidents: dict[str, Incident] = {}
    for pk, inc in rows:
        incidents.setdefault(inc, Incident(inc)).events.append(decoded[pk])
    return list(incidents.values())


def _event_pk(s: Session, event_id: str) -> int:
    return s.scalar(select(EventRow.pk).where(EventRow.event_id == event_id))


def link_document_events(s: Session, events: list[Event], touched: set[str], cache: EventCache,
                         pks: dict[str, int] | None = None) -> None:
    """Give each of one document's new events an incident and record why."""
    cfg = load_config()
    window = cfg.followup_days + 31  # month-precision dates get up to a month of slack
    for event in events:
        target, link = None, None
        if event.event_date is not None and country_key(event):
            target, link = assign(event, _candidates(s, event, window, cache), cfg)
        if target is None:
            incident_id = incident_id_for(event)
            s.merge(IncidentRow(incident_id=incident_id, n_sources=1, summary={}))
            s.flush()
            reasons, linked_to, score = (link.reasons if link else {"seed": True}), None, 1.0
        else:
            incident_id, reasons, linked_to, score = target.incident_id, link.reasons, link.linked_to, link.score
        pk = (pks or {}).get(event.event_id) or _event_pk(s, event.event_id)
        s.query(EventRow).filter(EventRow.pk == pk).update({"incident_id": incident_id})
        s.add(IncidentMemberRow(incident_id=incident_id, event_pk=pk, linked_to=linked_to,
                                score=score, reasons=reasons))
        touched.add(incident_id)
    s.flush()
    refresh_incidents(s, touched, cache)


def _sources(s: Session, doc_ids: set[str]) -> dict[str, dict]:
    rows = s.execute(select(DocumentRow.doc_id, DocumentRow.outlet, DocumentRow.url, DocumentRow.title,
                            DocumentRow.published).where(DocumentRow.doc_id.in_(doc_ids))).all()
    return {d: {"outlet": o, "url": u, "title": t, "published": p.isoformat() if p else None}
            for d, o, u, t, p in rows}


def refresh_incidents(s: Session, incident_ids: set[str], cache: EventCache) -> None:
    """Rewrite each incident's reconciled summary; drop incidents left without events."""
    for incident_id in sorted(incident_ids):
        rows = s.execute(select(EventRow.pk, IncidentMemberRow.linked_to, IncidentMemberRow.score,
                                IncidentMemberRow.reasons, EventRow.event_id)
                         .join(IncidentMemberRow, IncidentMemberRow.event_pk == EventRow.pk)
                         .where(EventRow.incident_id == incident_id)
                         .order_by(IncidentMemberRow.pk)).all()
        row = s.get(IncidentRow, incident_id)
        if not rows:
            if row is not None:
                s.delete(row)
            continue
        from ..link import Link

        decoded = cache.get_many(s, [r[0] for r in rows])
        incident = Incident(incident_id, [replace(decoded[r[0]], incident_id=incident_id) for r in rows],
                            [Link(r[4], r[1], r[2], r[3]) for r in rows])
        merged = reconcile(incident, _sources(s, incident.doc_ids))
        loc = merged.location
        row.summary = to_dict(merged)
        row.country = loc.country if loc else None
        row.iso3 = loc.iso3 if loc else None
        row.event_date = merged.event_date
        row.event_type = merged.event_type
        row.n_sources = len(incident.doc_ids)
    s.flush()
