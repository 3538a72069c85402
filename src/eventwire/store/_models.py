"""The database schema (SQLAlchemy 2 declarative models).

One schema for SQLite and PostgreSQL. Each event row keeps the whole native
record as JSON (``record``) beside the columns people filter on, so an export
from the database gives back exactly what extract produced. Evidence has its
own table so a reviewer can query "every value that came from this sentence".
Migrations in ``store/migrations`` create and change these tables; keep both in
step (a test compares them).
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from sqlalchemy import (JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Run(Base):
    """One ingest run: which pipeline and lexicons coded the records it wrote."""

    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pipeline_version: Mapped[str] = mapped_column(String(64))
    lexicon_hashes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    command: Mapped[Optional[str]] = mapped_column(Text)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    finished_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    documents: Mapped[int] = mapped_column(Integer, default=0)
    events: Mapped[int] = mapped_column(Integer, default=0)


class Source(Base):
    """An outlet (publisher) documents come from."""

    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    url: Mapped[Optional[str]] = mapped_column(Text)


class DocumentRow(Base):
    """One version of a document. A document is known by its source and id
    together; new text under a known pair is the next version, and only the
    current version has events."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("source_key", "doc_id", "version", name="uq_documents_identity"),)
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(Text, index=True)
    source_key: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(Text)
    published: Mapped[Optional[dt.date]] = mapped_column(Date)
    url: Mapped[Optional[str]] = mapped_column(Text)
    title: Mapped[Optional[str]] = mapped_column(Text)
    outlet: Mapped[Optional[str]] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(16), default="en")
    origin: Mapped[Optional[str]] = mapped_column(Text)  # file path / feed the text came from
    source_id: Mapped[Optional[int]] = mapped_column(ForeignKey("sources.id"))
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id"))
    pipeline_version: Mapped[str] = mapped_column(String(64))
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class EventRow(Base):
    __tablename__ = "events"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(Text, unique=True)
    document_pk: Mapped[int] = mapped_column(ForeignKey("documents.pk", ondelete="CASCADE"), index=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id"))
    event_date: Mapped[Optional[dt.date]] = mapped_column(Date, index=True)
    date_precision: Mapped[str] = mapped_column(String(16))
    event_type: Mapped[str] = mapped_column(String(100), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(100))
    country: Mapped[Optional[str]] = mapped_column(String(100), index=True)
    iso3: Mapped[Optional[str]] = mapped_column(String(8))
    admin1: Mapped[Optional[str]] = mapped_column(Text)
    location: Mapped[Optional[str]] = mapped_column(Text)
    latitude: Mapped[Optional[float]] = mapped_column(Float)
    longitude: Mapped[Optional[float]] = mapped_column(Float)
    fatalities_low: Mapped[Optional[int]] = mapped_column(Integer)
    fatalities_best: Mapped[Optional[int]] = mapped_column(Integer)
    fatalities_high: Mapped[Optional[int]] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    incident_id: Mapped[Optional[str]] = mapped_column(ForeignKey("incidents.incident_id", ondelete="SET NULL"), index=True)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)


class EvidenceRow(Base):
    __tablename__ = "evidence"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_pk: Mapped[int] = mapped_column(ForeignKey("events.pk", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(100))
    doc_id: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    sentence: Mapped[str] = mapped_column(Text)
    rule: Mapped[str] = mapped_column(Text)


class EventKeyRow(Base):
    """A particular of a stored event (a person's name, a family name, a street or small
    place), in any country: the blocking index that finds the earlier reports of an incident
    beyond the date window or coded elsewhere without scanning every event of the store."""

    __tablename__ = "event_keys"
    __table_args__ = (Index("ix_event_keys_key_date", "key", "event_date"),)
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_pk: Mapped[int] = mapped_column(ForeignKey("events.pk", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(Text)
    event_date: Mapped[Optional[dt.date]] = mapped_column(Date)


class IncidentRow(Base):
    """A real-world incident: events from one or more articles, reconciled."""

    __tablename__ = "incidents"
    incident_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    country: Mapped[Optional[str]] = mapped_column(String(100), index=True)
    iso3: Mapped[Optional[str]] = mapped_column(String(8))
    event_date: Mapped[Optional[dt.date]] = mapped_column(Date, index=True)
    event_type: Mapped[Optional[str]] = mapped_column(String(100))
    n_sources: Mapped[int] = mapped_column(Integer, default=1)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON)  # reconciled record (see link.reconcile)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)


class IncidentMemberRow(Base):
    """Why an event belongs to its incident: the link's score and reasons."""

    __tablename__ = "incident_members"
    __table_args__ = (UniqueConstraint("event_pk", name="uq_incident_members_event"),)
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.incident_id", ondelete="CASCADE"), index=True)
    event_pk: Mapped[int] = mapped_column(ForeignKey("events.pk", ondelete="CASCADE"))
    linked_to: Mapped[Optional[str]] = mapped_column(Text)  # the event it matched best
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[dict[str, Any]] = mapped_column(JSON)


class IncidentEditRow(Base):
    """A merge or split of incidents, by linking (a report bridging two incidents) or by
    an analyst; ``before`` holds each moved event's previous incident so it can be undone."""

    __tablename__ = "incident_edits"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(16))  # merge | split | undo
    incident_id: Mapped[str] = mapped_column(String(64), index=True)  # the incident kept or split
    other_ids: Mapped[list[Any]] = mapped_column(JSON)  # incidents merged in, or the new incident
    before: Mapped[dict[str, Any]] = mapped_column(JSON)  # event id -> incident id before the edit
    reasons: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)  # the bridging link, when linking merged
    author: Mapped[Optional[str]] = mapped_column(Text)  # "link" when linking merged
    note: Mapped[Optional[str]] = mapped_column(Text)
    undone_by: Mapped[Optional[int]] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class FollowUpRow(Base):
    """What a report without an event of its own follows up (an arrest, a trial, a funeral of a
    past incident: ``assemble.follow_ups``). It is no event: no export, listing or count of events
    reads this table; its incident's reconciled record lists it and counts its figures.
    ``linked_to`` is the stored event it matched, so it belongs to that event's incident (and
    moves with it through merges, splits and undos); None while no stored report of the
    incident matches, until one arrives."""

    __tablename__ = "follow_ups"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(Text, unique=True)
    document_pk: Mapped[int] = mapped_column(ForeignKey("documents.pk", ondelete="CASCADE"), index=True)
    event_date: Mapped[Optional[dt.date]] = mapped_column(Date, index=True)
    country: Mapped[Optional[str]] = mapped_column(String(100))
    iso3: Mapped[Optional[str]] = mapped_column(String(8))
    linked_to: Mapped[Optional[str]] = mapped_column(Text, index=True)  # the event id it matched
    score: Mapped[Optional[float]] = mapped_column(Float)
    reasons: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)


class CorrectionRow(Base):
    """An analyst's correction of one field; the original record is kept."""

    __tablename__ = "corrections"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(Text, index=True)
    field: Mapped[str] = mapped_column(String(100))
    old_value: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    new_value: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    author: Mapped[Optional[str]] = mapped_column(Text)
    note: Mapped[Optional[str]] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


Index("ix_events_country_date", EventRow.country, EventRow.event_date)
# The page's lists, map and timeline filter and group every event in view on these columns:
# an index that holds them all is read instead of the table and its JSON records.
Index("ix_events_view", EventRow.event_date, EventRow.latitude, EventRow.longitude, EventRow.event_type,
      EventRow.fatalities_best, EventRow.confidence, EventRow.country, EventRow.iso3, EventRow.admin1,
      EventRow.sub_event_type)
# Linking's candidate query reads the few events with imprecise dates near a new event's date.
Index("ix_events_precision_date", EventRow.date_precision, EventRow.event_date)
