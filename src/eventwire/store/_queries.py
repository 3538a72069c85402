"""Reading the store a page at a time: lists, one event or document, map cells, a timeline.

What the REST API and the web page ask of the store. Each function runs a few
indexed queries and decodes only the records on the page, so a list over
100,000 events costs about as much as one over 100.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace

from sqlalchemy import Integer, cast, func, select

from ..records import COUNT_KINDS, Document, Event
from ..serialize import event_from_dict
from ._filters import Filters
from ._models import CorrectionRow, DocumentRow, EventRow, IncidentMemberRow, IncidentRow
from ._store import EVENT_COLUMNS, stored_event

MAX_PAGE = 500


@dataclass(frozen=True, slots=True)
class Page:
    total: int
    offset: int
    limit: int
    items: tuple


def _check_page(offset: int, limit: int) -> tuple[int, int]:
    return max(0, int(offset)), max(1, min(MAX_PAGE, int(limit)))


def event_page(store, filters: Filters | None = None, *, offset: int = 0, limit: int = 50,
               newest_first: bool = True) -> Page:
    """One page of events (newest first by default) and how many match in all."""
    filters = filters or Filters()
    offset, limit = _check_page(offset, limit)
    order = (EventRow.event_date.desc(), EventRow.pk.desc()) if newest_first else (EventRow.event_date, EventRow.pk)
    with store.session() as s:
        total = s.scalar(filters.apply(select(func.count()).select_from(EventRow), EventRow))
        # Page the narrow key index first, then fetch the records of that page only.
        keys = filters.apply(select(EventRow.pk), EventRow).order_by(*order).offset(offset).limit(limit)
        pks = list(s.scalars(keys))
        rows = s.execute(select(EventRow.pk, *EVENT_COLUMNS).join(DocumentRow, DocumentRow.pk == EventRow.document_pk)
                         .where(EventRow.pk.in_(pks))).all() if pks else []
    by_pk = {row[0]: stored_event(*row[1:]) for row in rows}
    return Page(total, offset, limit, tuple(by_pk[pk] for pk in pks if pk in by_pk))


def incident_page(store, filters: Filters | None = None, *, offset: int = 0, limit: int = 50) -> Page:
    """One page of reconciled incidents (newest first)."""
    filters = filters or Filters()
    offset, limit = _check_page(offset, limit)
    with store.session() as s:
        total = s.scalar(filters.apply(select(func.count()).select_from(IncidentRow), IncidentRow))
        rows = s.scalars(filters.apply(select(IncidentRow.summary), IncidentRow)
                         .order_by(IncidentRow.event_date.desc(), IncidentRow.incident_id)
                         .offset(offset).limit(limit)).all()
    return Page(total, offset, limit, tuple(event_from_dict(r) for r in rows))


def event(store, event_id: str) -> Event | None:
    with store.session() as s:
        row = s.execute(select(*EVENT_COLUMNS).join(DocumentRow, DocumentRow.pk == EventRow.document_pk)
                        .where(EventRow.event_id == event_id)).first()
    return stored_event(*row) if row else None


def incident(store, incident_id: str) -> Event | None:
    with store.session() as s:
        summary = s.scalar(select(IncidentRow.summary).where(IncidentRow.incident_id == incident_id))
    return event_from_dict(summary) if summary else None


def incident_members(store, incident_id: str) -> list[Event]:
    """The events of one incident (each article's report), in the order they were linked."""
    with store.session() as s:
        rows = s.execute(select(*EVENT_COLUMNS).join(DocumentRow, DocumentRow.pk == EventRow.document_pk)
                         .join(IncidentMemberRow, IncidentMemberRow.event_pk == EventRow.pk)
                         .where(EventRow.incident_id == incident_id).order_by(IncidentMemberRow.pk)).all()
    return [stored_event(*row) for row in rows]


@dataclass(frozen=True, slots=True)
class StoredDocument:
    document: Document
    events: tuple[Event, ...]
    ingested_at: dt.datetime | None


def document(store, doc_id: str) -> StoredDocument | None:
    """A document with its events (their evidence spans point into its text)."""
    with store.session() as s:
        row = s.scalars(select(DocumentRow).where(DocumentRow.doc_id == doc_id)
                        .order_by(DocumentRow.is_current.desc(), DocumentRow.pk.desc())).first()
        if row is None:
            return None
        events = s.execute(select(EventRow.record, EventRow.incident_id).where(EventRow.document_pk == row.pk)
                           .order_by(EventRow.pk)).all()
    doc = Document(id=row.doc_id, text=row.text, published=row.published, url=row.url, title=row.title,
                   outlet=row.outlet, language=row.language, source=row.origin)
    evs = tuple(replace(event_from_dict(r), incident_id=inc) for r, inc in events)
    return StoredDocument(doc, evs, row.ingested_at)


def _cell_index(column, size: float, offset: float, dialect: str):
    shifted = (column + offset) / size
    # SQLite's CAST truncates (the shifted value is never negative); PostgreSQL's rounds.
    return cast(shifted, Integer) if dialect == "sqlite" else cast(func.floor(shifted), Integer)


def map_cells(store, filters: Filters | None = None, *, cell_degrees: float = 1.0) -> list[dict]:
    """Events on a grid of ``cell_degrees``: each occupied cell's count, fatalities, centre,
    its most frequent event type, and the event's id where the cell holds one event."""
    filters = filters or Filters()
    size = max(1e-4, float(cell_degrees))
    dialect = store.engine.dialect.name
    cx = _cell_index(EventRow.longitude, size, 180.0, dialect).label("cx")
    cy = _cell_index(EventRow.latitude, size, 90.0, dialect).label("cy")
    # Only indexed columns (ix_events_view) and the row key: the records are not read.
    query = (select(cx, cy, EventRow.event_type, func.count(), func.sum(func.coalesce(EventRow.fatalities_best, 0)),
                    func.sum(EventRow.latitude), func.sum(EventRow.longitude), func.min(EventRow.pk))
             .where(EventRow.latitude.is_not(None), EventRow.longitude.is_not(None)))
    query = filters.apply(query, EventRow).group_by(cx, cy, EventRow.event_type)
    cells: dict[tuple, dict] = defaultdict(lambda: {"n": 0, "fatalities": 0, "lat": 0.0, "lon": 0.0, "types": {}})
    with store.session() as s:
        for x, y, etype, n, dead, lat, lon, first in s.execute(query):
            cell = cells[(x, y)]
            cell["lat"] += lat
            cell["lon"] += lon
            cell["n"] += n
            cell["fatalities"] += int(dead or 0)
            cell["types"][etype] = n
            cell["pk"] = first
            cell["bbox"] = [round(x * size - 180, 6), round(y * size - 90, 6),
                            round((x + 1) * size - 180, 6), round((y + 1) * size - 90, 6)]
        lone = [c["pk"] for c in cells.values() if c["n"] == 1]
        found = s.execute(select(EventRow.pk, EventRow.event_id).where(EventRow.pk.in_(lone))) if lone else []
        ids = {pk: event_id for pk, event_id in found}
    out = []
    for cell in cells.values():
        n = cell["n"]
        top = max(cell["types"], key=lambda t: (cell["types"][t], t))
        out.append({"lat": round(cell["lat"] / n, 5), "lon": round(cell["lon"] / n, 5), "n": n,
                    "fatalities": cell["fatalities"], "event_type": top, "types": cell["types"],
                    "event_id": ids.get(cell["pk"]) if n == 1 else None, "bbox": cell["bbox"]})
    return sorted(out, key=lambda c: -c["n"])


def timeline(store, filters: Filters | None = None) -> list[dict]:
    """Events and fatalities per day (undated events left out)."""
    filters = filters or Filters()
    query = filters.apply(select(EventRow.event_date, func.count(), func.sum(func.coalesce(EventRow.fatalities_best, 0)))
                          .where(EventRow.event_date.is_not(None)), EventRow)
    with store.session() as s:
        rows = s.execute(query.group_by(EventRow.event_date).order_by(EventRow.event_date)).all()
    return [{"date": d.isoformat(), "n": n, "fatalities": int(dead or 0)} for d, n, dead in rows]


def facets(store) -> dict:
    """The values the page offers in its filter lists: event types, countries, counts."""
    with store.session() as s:
        types = s.execute(select(EventRow.event_type, EventRow.sub_event_type, func.count())
                          .group_by(EventRow.event_type, EventRow.sub_event_type)).all()
        countries = s.execute(select(EventRow.country, func.count()).where(EventRow.country.is_not(None))
                              .group_by(EventRow.country).order_by(func.count().desc()).limit(300)).all()
        n_corrections = s.scalar(select(func.count()).select_from(CorrectionRow))
    sub: dict[str, list] = defaultdict(list)
    for etype, subtype, _ in types:
        if subtype:
            sub[etype].append(subtype)
    return {"event_types": sorted({t for t, _, _ in types if t}), "sub_event_types": {k: sorted(v) for k, v in sub.items()},
            "countries": [c for c, _ in countries], "count_kinds": list(COUNT_KINDS), "corrections": n_corrections}


def doc_id_for_hash(store, digest: str) -> str | None:
    """The id a text is stored under (it may have come in under another id)."""
    with store.session() as s:
        return s.scalar(select(DocumentRow.doc_id).where(DocumentRow.content_hash == digest)
                        .order_by(DocumentRow.is_current.desc()).limit(1))
