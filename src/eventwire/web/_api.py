"""The REST API: events, incidents, documents, corrections, exports, map cells, timeline.

Every record is the native record of ``eventwire extract`` (``serialize.event_to_dict``);
the routes parse requests into library calls on the store and the pipeline.
"""
from __future__ import annotations

import datetime as dt
import os
import tempfile
import threading
from typing import Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field
from starlette.background import BackgroundTask

from ..errors import EventwireError, InputError, StoreError
from ..serialize import document_to_dict, event_to_dict
from ..store import Filters, content_hash, ingest
from ..store import _queries as queries
from ._security import token_ok

EXPORT_TYPES = {"jsonl": ("application/x-ndjson", "jsonl"), "acled-csv": ("text/csv", "csv"),
                "gtd-csv": ("text/csv", "csv"), "geojson": ("application/geo+json", "geojson"),
                "parquet": ("application/vnd.apache.parquet", "parquet")}
MAX_TEXT_CHARS = 200_000


def _date(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as exc:
        raise HTTPException(422, f"{name}: want a date as YYYY-MM-DD, not {value!r}") from exc


def filters(
    since: Optional[str] = Query(None, description="First event date (YYYY-MM-DD)."),
    until: Optional[str] = Query(None, description="Last event date (YYYY-MM-DD)."),
    country: Optional[str] = Query(None, description="Country name or ISO3 code."),
    admin1: Optional[str] = Query(None, description="First-level region (province, state)."),
    event_type: Optional[str] = Query(None, description="ACLED event type, e.g. Battles."),
    sub_event_type: Optional[str] = Query(None, description="ACLED sub-event type."),
    actor: Optional[str] = Query(None, description="Part of actor 1's or actor 2's name."),
    incident: Optional[str] = Query(None, description="One incident id."),
    bbox: Optional[str] = Query(None, description="west,south,east,north in degrees."),
    q: Optional[str] = Query(None, max_length=200, description="Words anywhere in the record."),
    min_confidence: Optional[float] = Query(None, ge=0, le=1),
) -> Filters:
    try:
        return Filters(since=_date(since, "since"), until=_date(until, "until"), country=country or None,
                       admin1=admin1 or None, event_type=event_type or None, sub_event_type=sub_event_type or None,
                       actor=actor or None, incident_id=incident or None, bbox=Filters.parse_bbox(bbox), text=q or None,
                       min_confidence=min_confidence)
    except InputError as exc:
        raise HTTPException(422, str(exc)) from exc


def _page(page: queries.Page) -> dict:
    return {"total": page.total, "offset": page.offset, "limit": page.limit,
            "items": [event_to_dict(ev) for ev in page.items]}


def _doc_meta(doc) -> dict:
    return {"doc_id": doc.id, "title": doc.title, "outlet": doc.outlet, "url": doc.url,
            "published": doc.published.isoformat() if doc.published else None}


class Article(BaseModel):
    text: str = Field(..., min_length=1, max_length=MAX_TEXT_CHARS)
    title: Optional[str] = Field(None, max_length=1000)
    published: Optional[str] = Field(None, description="YYYY-MM-DD", max_length=40)
    url: Optional[str] = Field(None, max_length=2000)
    outlet: Optional[str] = Field(None, max_length=300)
    id: Optional[str] = Field(None, max_length=300, description="Document id (default: from the text's hash).")


class Correction(BaseModel):
    field: str = Field(..., max_length=100, description="e.g. fatalities, fatalities.best, actor1.name, event_type")
    value: object = Field(None, description="The new value (a number for a count, a name for an actor or place).")
    action: str = Field("correct", pattern="^(correct|accept)$")
    author: Optional[str] = Field(None, max_length=200)
    comment: Optional[str] = Field(None, max_length=5000)


def router(store, *, token: str | None, writes: bool, pipeline_factory) -> APIRouter:
    api = APIRouter(prefix="/api")
    lock = threading.Lock()
    pipeline = {}

    def may_write(request: Request) -> None:
        if not writes:
            raise HTTPException(403, "this server is read-only (started with --read-only)")
        if token and not token_ok({k.lower(): v for k, v in request.headers.items()}, token):
            raise HTTPException(401, "writes need the token: Authorization: Bearer <EVENTWIRE_TOKEN>",
                                headers={"WWW-Authenticate": "Bearer"})

    @api.get("/config", summary="What this server allows")
    def config() -> dict:
        return {"writes": writes, "token_required": bool(token), "store": store.engine.dialect.name}

    @api.get("/events", summary="Events, newest first, filtered and paginated")
    def events(f: Filters = Depends(filters), offset: int = Query(0, ge=0),
               limit: int = Query(50, ge=1, le=queries.MAX_PAGE)) -> dict:
        return _page(queries.event_page(store, f, offset=offset, limit=limit))

    @api.get("/events/{event_id:path}", summary="One event with its evidence, incident and source documents")
    def event(event_id: str) -> dict:
        ev = queries.event(store, event_id)
        if ev is None:
            raise HTTPException(404, f"no event {event_id!r}")
        incident = queries.incident(store, ev.incident_id) if ev.incident_id else None
        members = queries.incident_members(store, ev.incident_id) if ev.incident_id else [ev]
        docs = [queries.document(store, d) for d in dict.fromkeys(d for m in members for d in m.doc_ids)]
        return {"event": event_to_dict(ev), "incident": event_to_dict(incident) if incident else None,
                "reports": [event_to_dict(m) for m in members],
                "documents": [_doc_meta(d.document) for d in docs if d is not None],
                "follow_ups": store.follow_ups(ev.incident_id) if ev.incident_id else [],
                "corrections": store.corrections(event_id)}

    @api.patch("/events/{event_id:path}", summary="Correct (or accept) one field of an event",
               dependencies=[Depends(may_write)])
    def patch_event(event_id: str, body: Correction) -> dict:
        try:
            ev = store.correct(event_id, body.field, body.value, author=body.author, note=body.comment,
                               action=body.action)
        except InputError as exc:
            raise HTTPException(422, str(exc)) from exc
        except StoreError as exc:
            if queries.event(store, event_id) is None:
                raise HTTPException(404, f"no event {event_id!r}") from exc
            raise
        return {"event": event_to_dict(ev), "corrections": store.corrections(event_id)}

    @api.get("/incidents", summary="Reconciled incidents, newest first, filtered and paginated")
    def incidents(f: Filters = Depends(filters), offset: int = Query(0, ge=0),
                  limit: int = Query(50, ge=1, le=queries.MAX_PAGE)) -> dict:
        return _page(queries.incident_page(store, f, offset=offset, limit=limit))

    @api.get("/incidents/{incident_id:path}",
             summary="One incident: its reconciled record, reports with their links, follow-ups and edits")
    def incident(incident_id: str) -> dict:
        found = queries.incident(store, incident_id)
        if found is None:
            raise HTTPException(404, f"no incident {incident_id!r}")
        follow_ups = store.follow_ups(incident_id)
        members = queries.incident_members(store, incident_id)
        doc_ids = [*(d for m in members for d in m.doc_ids), *(f["doc_id"] for f in follow_ups)]
        docs = [queries.document(store, d) for d in dict.fromkeys(doc_ids)]
        return {"incident": event_to_dict(found), "reports": [event_to_dict(m) for m in members],
                "links": store.incident_links(incident_id), "follow_ups": follow_ups,
                "edits": store.incident_edits(incident_id),
                "documents": [_doc_meta(d.document) for d in docs if d is not None]}

    @api.get("/documents/{doc_id:path}", summary="One document: its text and every field's evidence span")
    def document(doc_id: str) -> dict:
        found = queries.document(store, doc_id)
        if found is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        spans = [{"event_id": ev.event_id, "field": e.field, "start": e.start, "end": e.end, "text": e.text,
                  "rule": e.rule} for ev in found.events for e in ev.evidence if e.doc_id == doc_id]
        return {"document": document_to_dict(found.document), "events": [event_to_dict(ev) for ev in found.events],
                "spans": spans}

    @api.post("/documents", status_code=201, summary="Code an article now and store it",
              dependencies=[Depends(may_write)])
    def post_document(article: Article) -> dict:
        from ..ingest import parse_published
        from ..records import Document

        try:
            published = parse_published(article.published) if article.published else None
        except EventwireError as exc:
            raise HTTPException(422, str(exc)) from exc
        doc = Document(id=article.id or f"web-{content_hash(article.text)[:16]}", text=article.text,
                       published=published, url=article.url, title=article.title, outlet=article.outlet,
                       source="POST /api/documents")
        with lock:  # one spaCy pipeline, one writer
            if "p" not in pipeline:
                pipeline["p"] = pipeline_factory()
            report = ingest([doc], store, pipeline["p"], command="eventwire serve: POST /api/documents")
        if report.skipped:
            raise HTTPException(422, f"not stored: {report.skipped[0][1]}")
        doc_id = queries.doc_id_for_hash(store, content_hash(doc.text)) or doc.id
        found = queries.document(store, doc_id)
        return {"doc_id": doc_id, "status": "stored" if report.stored else "unchanged",
                "events": [event_to_dict(ev) for ev in found.events] if found else []}

    @api.get("/export", summary="Events or incidents in any export format, with the list filters")
    def export(f: Filters = Depends(filters), format: str = Query("jsonl", description=", ".join(EXPORT_TYPES)),
               level: str = Query("incidents", pattern="^(incidents|events)$")):
        from ..export import write_events

        if format not in EXPORT_TYPES:
            raise HTTPException(422, f"format: choose one of {', '.join(EXPORT_TYPES)}")
        media, ext = EXPORT_TYPES[format]
        fd, path = tempfile.mkstemp(prefix="eventwire-export-", suffix="." + ext)
        os.close(fd)
        try:
            records = store.incidents(f) if level == "incidents" else store.events(f)
            write_events(records, format, path)
        except BaseException:
            os.unlink(path)
            raise
        return FileResponse(path, media_type=media, filename=f"eventwire-{level}.{ext}",
                            background=BackgroundTask(os.unlink, path))

    @api.get("/map", summary="Events in view on a grid: counts, fatalities, main event type per cell")
    def map_cells(f: Filters = Depends(filters), cell: float = Query(1.0, gt=0, le=90,
                  description="Cell size in degrees (the page asks for about 40 pixels).")) -> dict:
        cells = queries.map_cells(store, f, cell_degrees=cell)
        return {"cells": cells, "total": sum(c["n"] for c in cells)}

    @api.get("/timeline", summary="Events and fatalities per day")
    def timeline(f: Filters = Depends(filters)) -> dict:
        return {"days": queries.timeline(store, f)}

    @api.get("/facets", summary="Event types, sub-types and countries in the store")
    def facets() -> dict:
        return queries.facets(store)

    return api
