"""The store: documents, events, evidence and incidents in one database.

Every document is written in one transaction with its events, evidence and
incident links, so a killed process leaves whole documents or nothing, and a
re-run skips what is already there (same content hash or same id and text).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import time
from dataclasses import replace
from typing import Iterator

from sqlalchemy import delete, func, select, update
from sqlalchemy import event as sa_event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from ..errors import StoreError, redact
from ..link import with_identities
from ..records import Document, Event, to_dict
from ..serialize import event_from_dict
from . import _corrections, _db
from ._filters import Filters
from . import _linker
from ._linker import EventCache, link_document_events, refresh_incidents
from ._models import (CorrectionRow, DocumentRow, EventKeyRow, EventRow, EvidenceRow, FollowUpRow, IncidentEditRow,
                      IncidentMemberRow, IncidentRow, Run, Source)
from ._versions import lexicon_hashes, pipeline_version

log = logging.getLogger("eventwire")


# Where in its source a document sat: a line (``:12``), an array item
# (``[3]``), a feed entry or part (``#...``). Left out of the source key, so a
# record that moves within its file keeps its identity.
_POSITION = re.compile(r"(?:#.*|:\d+|\[\d+\])$")


def source_key(origin: str | None) -> str:
    """The source part of a document's identity: its file, feed or stream, without position."""
    key = origin or ""
    while True:
        trimmed = _POSITION.sub("", key)
        if trimmed == key:
            return key
        key = trimmed


def distinct_id(document: Document) -> Document:
    """The document under an id that names its source too: ``<id>@<8 hex digits>``.

    Used when another source already holds the id, so that both documents
    (and their event ids, which start with the document id) stay apart; the
    same source always gets the same id.
    """
    tag = hashlib.sha1(source_key(document.source).encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return replace(document, id=f"{document.id}@{tag}")


def _identity(document: Document):
    return DocumentRow.source_key == source_key(document.source), DocumentRow.doc_id == document.id


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Store:
    """A database of documents, events and incidents (SQLite or PostgreSQL)."""

    def __init__(self, url: str | None = None, *, engine: Engine | None = None, link: bool = True,
                 read_only: bool = False) -> None:
        self.engine = engine or _db.open_engine(url, read_only=read_only)
        self.link = link
        self.version = pipeline_version()
        self._cache = EventCache()
        self._pks: dict[str, int] = {}  # event id → row key, for the document being written

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def _writing(self) -> Session:
        """A session whose transactions hold the store's write lock from their start.

        SQLite: a deferred transaction that reads and then writes cannot wait for
        a concurrent writer (it answers "database is locked" at once, without the
        busy timeout); BEGIN IMMEDIATE waits for the lock up front.
        PostgreSQL: linking reads incidents and then writes events that point at
        them; a concurrent writer that merges or reconciles those incidents in
        between would leave the event pointing at a deleted one. A transaction
        advisory lock makes writers take turns (coding, the costly part, stays
        parallel); it is released at commit or rollback.
        """
        session = Session(self.engine.execution_options(sqlite_immediate=True), expire_on_commit=False)
        if self.engine.dialect.name == "postgresql":
            sa_event.listen(session, "after_begin", _take_write_lock)
        return session

    # runs --------------------------------------------------------------
    def start_run(self, command: str | None = None) -> int:
        def write() -> int:
            with self._writing() as s, s.begin():
                run = Run(pipeline_version=self.version, lexicon_hashes=lexicon_hashes(),
                          command=redact(command) if command else None,  # never a password
                          started_at=_now(), documents=0, events=0)
                s.add(run)
                s.flush()
                return run.id

        return _retrying(write)

    def finish_run(self, run_id: int, documents: int, events: int) -> None:
        def write() -> None:
            with self._writing() as s, s.begin():
                s.execute(update(Run).where(Run.id == run_id).values(
                    finished_at=_now(), documents=documents, events=events))

        _retrying(write)

    # documents ---------------------------------------------------------
    def status(self, document: Document) -> str:
        """``stored`` (this text under any id), ``changed`` (a known source and id with
        other text: it will be stored as a new version) or ``new``."""
        digest = content_hash(document.text)
        with self.session() as s:
            if s.scalar(select(DocumentRow.pk).where(DocumentRow.content_hash == digest).limit(1)):
                return "stored"
            known = s.scalar(select(DocumentRow.pk).where(*_identity(document)).limit(1))
        return "changed" if known else "new"

    def id_owner(self, doc_id: str) -> str | None:
        """The source key of the stored document with this id, if any (the first one)."""
        with self.session() as s:
            return s.scalars(select(DocumentRow.source_key).where(DocumentRow.doc_id == doc_id)
                             .order_by(DocumentRow.pk).limit(1)).first()

    def add(self, document: Document, events: list[Event], run_id: int,
            follow_ups: list[Event] = ()) -> list[str]:
        """Store one document and its events in one transaction; returns their event ids.

        A document is known by its source and id together. One whose text is
        already stored is left alone (returns ``[]``). Other text under a known
        source and id is stored as the next version: the earlier text stays in
        the database (``is_current`` false) and its events give way to the new
        version's. The same id from another source is another document.
        ``follow_ups`` (``assemble.follow_ups``) are kept apart from the events: each joins
        the incident it is about, now or when a report of that incident arrives.
        """
        digest = content_hash(document.text)

        def write() -> list[str]:
            self._pks = {}
            with self._writing() as s, s.begin():
                if s.scalar(select(DocumentRow.pk).where(DocumentRow.content_hash == digest).limit(1)):
                    return []
                old = s.scalar(select(DocumentRow).where(*_identity(document), DocumentRow.is_current))
                touched, anchors = set(), {}
                if old is not None:
                    anchors = _corrections.anchors(s, old.pk)
                    log.warning("%s: new text under a known id; stored as version %d", document.id,
                                old.version + 1)
                    touched = self._drop_events(s, old.pk)
                    old.is_current = False
                    s.flush()
                events_now = _corrections.carry_over(s, anchors, events)  # an analyst's work goes on
                events_now = with_identities(list(events_now), document.text)
                doc_pk = self._write_document(s, document, digest, run_id,
                                              version=old.version + 1 if old is not None else 1)
                ids = self._write_events(s, doc_pk, events_now, run_id)
                follow = self._write_follow_ups(s, doc_pk, with_identities(list(follow_ups), document.text))
                self._link(s, events_now, touched, follow)
                return ids

        try:
            return _retrying(write)
        except SQLAlchemyError as exc:
            self._cache.clear()  # rolled-back rows may have been cached; their keys can be reused
            raise StoreError(f"document {document.id}: cannot store ({exc.__class__.__name__}: "
                             f"{str(getattr(exc, 'orig', exc)).splitlines()[0]})") from exc
        except BaseException:
            self._cache.clear()
            raise

    def recode(self, document: Document | str, events: list[Event], run_id: int,
               follow_ups: list[Event] = ()) -> list[str]:
        """Replace a stored document's events with a newer pipeline's (one transaction).

        ``document`` is a stored Document (as :meth:`stale_documents` gives) or an id."""
        self._pks = {}
        if isinstance(document, Document):
            document_id, which = document.id, _identity(document)
        else:
            document_id, which = document, (DocumentRow.doc_id == document,)
        try:
            with self._writing() as s, s.begin():
                row = s.scalars(select(DocumentRow).where(*which, DocumentRow.is_current)
                                .order_by(DocumentRow.pk)).first()
                if row is None:
                    raise StoreError(f"document {document_id}: not in the database")
                old = _corrections.anchors(s, row.pk)
                touched = self._drop_events(s, row.pk)
                events = _corrections.carry_over(s, old, events)
                row.run_id, row.pipeline_version = run_id, self.version
                events = with_identities(list(events), row.text)
                ids = self._write_events(s, row.pk, events, run_id)
                follow = self._write_follow_ups(s, row.pk, with_identities(list(follow_ups), row.text))
                self._link(s, events, touched, follow)
                return ids
        except SQLAlchemyError as exc:
            self._cache.clear()
            raise StoreError(f"document {document_id}: cannot re-code ({exc})") from exc
        except BaseException:
            self._cache.clear()
            raise

    def _link(self, s: Session, events: list[Event], touched: set[str], follow_ups: list = ()) -> None:
        pks, self._pks = self._pks, {}
        if self.link:
            link_document_events(s, events, touched, self._cache, pks)
            # follow-ups that waited for a report of their incident, then this document's own
            touched |= _linker.join_waiting_follow_ups(s, events, self._cache)
            touched |= _linker.link_follow_ups(s, list(follow_ups), self._cache)
        if touched:
            refresh_incidents(s, touched, self._cache)

    def stale_documents(self) -> Iterator[Document]:
        """Documents coded by another pipeline version than this one."""
        with self.session() as s:
            rows = s.scalars(select(DocumentRow).where(DocumentRow.pipeline_version != self.version,
                                                       DocumentRow.is_current)
                             .order_by(DocumentRow.pk)).all()
        for row in rows:
            yield _document(row)

    def documents(self, *, versions: bool = False) -> Iterator[Document]:
        """Stored documents, current versions only unless ``versions``."""
        query = select(DocumentRow).order_by(DocumentRow.pk)
        if not versions:
            query = query.where(DocumentRow.is_current)
        with self.session() as s:
            for row in s.scalars(query).yield_per(500):
                yield _document(row)

    def _source_id(self, s: Session, outlet: str | None, url: str | None) -> int | None:
        if not outlet:
            return None
        sid = s.scalar(select(Source.id).where(Source.name == outlet))
        if sid is None:
            src = Source(name=outlet, url=url)
            s.add(src)
            s.flush()
            sid = src.id
        return sid

    def _write_document(self, s: Session, d: Document, digest: str, run_id: int, version: int) -> int:
        row = DocumentRow(doc_id=d.id, source_key=source_key(d.source), version=version, is_current=True,
                          content_hash=digest, text=d.text, published=d.published, url=d.url,
                          title=d.title, outlet=d.outlet, language=d.language or "en", origin=d.source,
                          source_id=self._source_id(s, d.outlet, d.url), run_id=run_id,
                          pipeline_version=self.version, ingested_at=_now())
        s.add(row)
        s.flush()
        return row.pk

    def _write_events(self, s: Session, doc_pk: int, events: list[Event], run_id: int) -> list[str]:
        """Insert events and their evidence; returns the event ids (in ``events`` order)."""
        ids = []
        for ev in events:
            row = EventRow(**_event_columns(ev), document_pk=doc_pk, run_id=run_id)
            s.add(row)
            s.flush()
            if ev.evidence:
                s.execute(EvidenceRow.__table__.insert(), [
                    dict(event_pk=row.pk, field=e.field, doc_id=e.doc_id, start=e.start, end=e.end,
                         text=e.text, sentence=e.sentence, rule=e.rule) for e in ev.evidence])
            keys = _linker.event_keys(ev)
            if keys:
                s.execute(EventKeyRow.__table__.insert(), [
                    dict(event_pk=row.pk, key=k, event_date=ev.event_date) for k in keys])
            ids.append(ev.event_id)
            self._pks[ev.event_id] = row.pk
        return ids

    def _write_follow_ups(self, s: Session, doc_pk: int, follow_ups: list[Event]) -> list[FollowUpRow]:
        rows = []
        for ev in follow_ups:
            loc = ev.location
            rows.append(FollowUpRow(event_id=ev.event_id, document_pk=doc_pk, event_date=ev.event_date,
                                    country=loc.country if loc else None, iso3=loc.iso3 if loc else None,
                                    record=to_dict(ev)))
        s.add_all(rows)
        s.flush()
        return rows

    def _drop_events(self, s: Session, doc_pk: int) -> set[str]:
        """Delete a document's events and follow-ups; returns the incidents that lost members.
        Follow-ups of other documents that matched a deleted event wait for a report again."""
        joined = _linker.incidents_of(s, set(s.scalars(select(FollowUpRow.linked_to).where(
            FollowUpRow.document_pk == doc_pk, FollowUpRow.linked_to.is_not(None)))))
        s.execute(delete(FollowUpRow).where(FollowUpRow.document_pk == doc_pk))
        rows = s.execute(select(EventRow.pk, EventRow.incident_id, EventRow.event_id)
                         .where(EventRow.document_pk == doc_pk)).all()
        if rows:
            s.execute(update(FollowUpRow).where(FollowUpRow.linked_to.in_([e for _, _, e in rows]))
                      .values(linked_to=None, score=None, reasons=None))
        pks = [pk for pk, _, _ in rows]
        if pks:
            s.execute(delete(EvidenceRow).where(EvidenceRow.event_pk.in_(pks)))
            s.execute(delete(EventKeyRow).where(EventKeyRow.event_pk.in_(pks)))
            s.execute(delete(IncidentMemberRow).where(IncidentMemberRow.event_pk.in_(pks)))
            s.execute(delete(EventRow).where(EventRow.pk.in_(pks)))
        return joined | {inc for _, inc, _ in rows if inc}

    # reading -----------------------------------------------------------
    def follow_ups(self, incident_id: str) -> list[dict]:
        """The reports that follow up an incident without an event of their own (an arrest, a
        trial, a funeral): document, the event they matched, score and reasons. Never events."""
        with self.session() as s:
            rows = _linker.follow_up_rows(s, incident_id)
            docs = dict(s.execute(select(DocumentRow.pk, DocumentRow.doc_id)
                                  .where(DocumentRow.pk.in_([r.document_pk for r in rows]))).all())
            return [{"follow_up": r.event_id, "doc_id": docs.get(r.document_pk), "linked_to": r.linked_to,
                     "score": r.score, "reasons": r.reasons,
                     "event_date": r.event_date.isoformat() if r.event_date else None} for r in rows]


    def events(self, filters: Filters | None = None) -> Iterator[Event]:
        """Stored events (one per article event), oldest first, with their incident ids."""
        query = (filters or Filters()).apply(
            select(*EVENT_COLUMNS).join(DocumentRow, DocumentRow.pk == EventRow.document_pk), EventRow)
        with self.session() as s:
            for row in s.execute(query.order_by(EventRow.event_date, EventRow.pk)).yield_per(500):
                yield stored_event(*row)

    def incidents(self, filters: Filters | None = None) -> Iterator[Event]:
        """One reconciled record per incident (counts as ranges over sources)."""
        query = (filters or Filters()).apply(select(IncidentRow.summary), IncidentRow)
        with self.session() as s:
            for (summary,) in s.execute(query.order_by(IncidentRow.event_date, IncidentRow.incident_id)).yield_per(500):
                yield event_from_dict(summary)

    def incident_links(self, incident_id: str) -> list[dict]:
        with self.session() as s:
            rows = s.execute(select(EventRow.event_id, IncidentMemberRow.linked_to, IncidentMemberRow.score,
                                    IncidentMemberRow.reasons)
                             .join(EventRow, EventRow.pk == IncidentMemberRow.event_pk)
                             .where(EventRow.incident_id == incident_id)
                             .order_by(IncidentMemberRow.pk)).all()
        return [dict(event_id=e, linked_to=l, score=sc, reasons=r) for e, l, sc, r in rows]

    # incident edits ----------------------------------------------------
    def _edit(self, work, what: str):
        try:
            with self._writing() as s, s.begin():
                return work(s)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot {what} ({exc.__class__.__name__}: {exc})") from exc
        finally:
            self._cache.clear()

    def merge_incidents(self, keep: str, others: list[str], *, author: str | None = None,
                        note: str | None = None) -> int:
        """Merge ``others`` into ``keep`` (recorded; ``undo_edit`` reverses it). Returns the edit number."""
        def work(s):
            pk = _linker.merge_incidents(s, keep, list(others), author=author, note=note)
            refresh_incidents(s, {keep}, self._cache)
            return pk
        return self._edit(work, f"merge incidents into {keep}")

    def split_incident(self, incident_id: str, event_ids: list[str], *, author: str | None = None,
                       note: str | None = None) -> tuple[str, int]:
        """Move ``event_ids`` out of ``incident_id`` into a new incident. Returns (its id, the edit number)."""
        def work(s):
            new_id, pk = _linker.split_incident(s, incident_id, list(event_ids), author=author, note=note)
            refresh_incidents(s, {incident_id, new_id}, self._cache)
            return new_id, pk
        return self._edit(work, f"split incident {incident_id}")

    def undo_edit(self, edit: int, *, author: str | None = None, note: str | None = None) -> int:
        """Reverse a merge or split (by linking or by hand); the undo is recorded too."""
        def work(s):
            touched, pk = _linker.undo_edit(s, edit, author=author, note=note)
            refresh_incidents(s, touched, self._cache)
            return pk
        return self._edit(work, f"undo incident edit {edit}")

    def incident_edits(self, incident_id: str | None = None) -> list[dict]:
        """Merges, splits and undos, oldest first (those touching ``incident_id`` when given)."""
        with self.session() as s:
            rows = s.scalars(select(IncidentEditRow).order_by(IncidentEditRow.pk)).all()
        out = [dict(edit=r.pk, action=r.action, incident_id=r.incident_id, other_ids=r.other_ids,
                    events=sorted(r.before), author=r.author, note=r.note, reasons=r.reasons,
                    undone_by=r.undone_by, created_at=r.created_at.isoformat(timespec="seconds"))
               for r in rows]
        if incident_id:
            out = [e for e in out if incident_id == e["incident_id"] or incident_id in e["other_ids"]]
        return out

    def incident_events(self, incident_id: str) -> list[Event]:
        """The article events of one incident, in link order."""
        with self.session() as s:
            rows = s.execute(select(EventRow.record).join(IncidentMemberRow, IncidentMemberRow.event_pk == EventRow.pk)
                             .where(EventRow.incident_id == incident_id).order_by(IncidentMemberRow.pk)).all()
        return [replace(event_from_dict(r), incident_id=incident_id) for (r,) in rows]

    def counts(self) -> dict[str, int]:
        tables = {"documents": DocumentRow, "events": EventRow, "evidence": EvidenceRow,
                  "incidents": IncidentRow, "incident_members": IncidentMemberRow,
                  "incident_edits": IncidentEditRow,
                  "sources": Source, "corrections": CorrectionRow, "runs": Run}
        with self.session() as s:
            return {name: s.scalar(select(func.count()).select_from(t)) for name, t in tables.items()}

    # corrections -------------------------------------------------------
    def correct(self, event_id: str, field: str, new_value=None, *, author: str | None = None,
                note: str | None = None, action: str = "correct") -> Event:
        """Record an analyst's correction (or acceptance) of one field and return the event
        as now stored. The machine's value is kept (``corrections`` and the record's
        ``codes["corrections"]``); the event's incident is reconciled again."""
        try:
            with self._writing() as s, s.begin():
                row = s.scalar(select(EventRow).where(EventRow.event_id == event_id))
                if row is None:
                    raise StoreError(f"event {event_id}: not in the database")
                record = _corrections.correct(s, row, field, new_value, author=author, note=note,
                                              action=action)
                row.record = record
                for key, value in _event_columns(event_from_dict(record)).items():
                    if key not in ("event_id", "record", "confidence"):
                        setattr(row, key, value)
                self._cache.clear()
                s.flush()
                if row.incident_id:
                    refresh_incidents(s, {row.incident_id}, self._cache)
                return replace(event_from_dict(record), incident_id=row.incident_id)
        except SQLAlchemyError as exc:
            self._cache.clear()
            raise StoreError(f"event {event_id}: cannot store the correction ({exc})") from exc

    def corrections(self, event_id: str) -> list[dict]:
        """Every correction of one event, oldest first, with the machine's value at the time."""
        with self.session() as s:
            rows = _corrections.rows_for(s, event_id)
        return [{"field": r.field, "old": (r.old_value or {}).get("value"), "new": (r.new_value or {}).get("value"),
                 "action": (r.new_value or {}).get("action", "correct"), "author": r.author, "comment": r.note,
                 "at": r.created_at.isoformat(timespec="seconds") + "Z" if r.created_at else None} for r in rows]


# How often a write that met a concurrent writer is tried again, and the pause
# before the n-th retry. SQLite's busy timeout already waits 30 s for the lock;
# these cover what it cannot wait for (a stale read snapshot, two PostgreSQL
# writers adding the same outlet at once).
_RETRIES = 5
_PAUSE_S = 0.2


def _take_write_lock(session, transaction, connection) -> None:
    _db.advisory_xact_lock(connection, _db.WRITE_LOCK)


def _transient(exc: SQLAlchemyError) -> bool:
    text = str(getattr(exc, "orig", exc)).lower()
    return isinstance(exc, (OperationalError, IntegrityError)) and (
        "locked" in text or "busy" in text or "deadlock" in text or "could not serialize" in text
        or "duplicate key" in text or "unique constraint" in text)


def _retrying(write):
    """``write()``, tried again after a short pause when it met a concurrent writer."""
    for attempt in range(_RETRIES + 1):
        try:
            return write()
        except SQLAlchemyError as exc:
            # a unique key clash is retried once: a concurrent writer's row is seen then
            limit = 1 if isinstance(exc, IntegrityError) else _RETRIES
            if attempt >= limit or not _transient(exc):
                raise
            log.info("database busy (%s); retrying", str(getattr(exc, "orig", exc)).splitlines()[0])
            time.sleep(_PAUSE_S * (attempt + 1))
    raise AssertionError("unreachable")


# What a stored event is read with: its record, incident, and its document's source details.
EVENT_COLUMNS = (EventRow.record, EventRow.incident_id, DocumentRow.doc_id, DocumentRow.outlet, DocumentRow.url,
                 DocumentRow.published, DocumentRow.ingested_at)


def stored_event(record, incident, doc_id, outlet, url, published, ingested) -> Event:
    """A stored event with its incident id and its source listed (for exports' source columns;
    the record itself names only the doc id)."""
    event = event_from_dict(record)
    codes = {**event.codes, "sources": [{
        "doc_id": doc_id, "outlet": outlet, "url": url,
        "published": published.isoformat() if published else None,
        "ingested_at": ingested.isoformat(timespec="seconds") if ingested else None}]}
    return replace(event, incident_id=incident, codes=codes)


def _event_columns(ev: Event) -> dict:
    loc, f = ev.location, ev.fatalities
    return dict(
        event_id=ev.event_id, event_date=ev.event_date, date_precision=ev.date_precision,
        event_type=ev.event_type, sub_event_type=ev.sub_event_type or "",
        country=loc.country if loc else None, iso3=loc.iso3 if loc else None,
        admin1=loc.admin1 if loc else None, location=loc.name if loc else None,
        latitude=loc.latitude if loc else None, longitude=loc.longitude if loc else None,
        fatalities_low=f.low if f else None, fatalities_best=f.best if f else None,
        fatalities_high=f.high if f else None, confidence=ev.confidence,
        record=to_dict(replace(ev, incident_id=None)))


def _document(row: DocumentRow) -> Document:
    return Document(id=row.doc_id, text=row.text, published=row.published, url=row.url, title=row.title,
                    outlet=row.outlet, language=row.language, source=row.origin)
