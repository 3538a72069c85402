"""The typed records that flow between stages.

Every stage takes these in and gives these out; nothing else crosses a stage
boundary. Names follow the ACLED codebook where one exists. Records are frozen:
a stage that refines a record builds a new one with ``dataclasses.replace``.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Document",
    "Evidence",
    "Actor",
    "Count",
    "Claim",
    "Statement",
    "EventDate",
    "GeoEntry",
    "Location",
    "PlaceMention",
    "Trigger",
    "Mention",
    "Event",
    "to_dict",
]

COUNT_KINDS = ("fatalities", "injured", "hostages", "arrested")


@dataclass(frozen=True, slots=True)
class Document:
    """One article (or note) as read by ingest."""

    id: str
    text: str
    published: _dt.date | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    language: str = "en"
    source: str | None = None  # file path (and line) the document came from
    # "news" (articles: the default) or "notes" (coded summaries such as ACLED
    # notes and GTD summaries, whose house style allows shortcuts news does not)
    profile: str = "news"


@dataclass(frozen=True, slots=True)
class Evidence:
    """The words (or the rule) a value came from.

    ``start``/``end`` are character offsets of the supporting span in the
    document text; ``sentence`` is the whole sentence around it.
    """

    field: str
    doc_id: str
    start: int
    end: int
    text: str
    sentence: str
    rule: str


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor as coded: ACLED-style name, type and inter code.

    Generic actors whose country is not yet known carry ``name`` with a
    ``{country}`` placeholder (e.g. ``"Civilians ({country})"``); assemble fills
    it from the event location.
    """

    name: str
    type: str  # state forces | rebel group | political militia | identity militia |
    #            external forces | protesters | rioters | civilians | other
    inter: int | None = None
    country: str | None = None
    text: str | None = None  # the words in the article
    start: int | None = None
    end: int | None = None
    source_id: str | None = None  # row of the actor dictionary, if any
    rule: str | None = None
    # groups named with it (a protest's organisers): ACLED's assoc_actor_1/2
    assoc: tuple["Actor", ...] = ()


@dataclass(frozen=True, slots=True)
class Count:
    """A number of people killed / injured / taken hostage / arrested.

    ``status``: ``claimed`` (asserted by the perpetrator), ``official``
    (government, police, military, officials), ``witness``, ``media`` or
    ``unattributed``.
    """

    kind: str  # one of COUNT_KINDS
    low: int | None
    best: int | None
    high: int | None
    text: str
    start: int
    end: int
    victims: str | None = None
    status: str = "unattributed"
    reported_by: str | None = None
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim of responsibility."""

    actor: str
    text: str
    start: int
    end: int
    channel: str | None = None
    spokesperson: str | None = None
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Statement:
    """Who said what: a quoted or reported statement and its source."""

    speaker: str
    content: str
    start: int  # offsets of the statement (content + cue)
    end: int
    speaker_type: str = "unknown"  # perpetrator | official | witness | media | unknown
    cue: str | None = None  # "said", "according to", ...
    channel: str | None = None


@dataclass(frozen=True, slots=True)
class EventDate:
    """A date resolved against the publication date.

    ``precision``: ``day``, ``week``, ``month``, ``year`` or ``relative``
    (no publication date to resolve against: ``relative`` holds the phrase's
    offset in days, e.g. ``-1`` for "yesterday").
    """

    date: _dt.date | None
    precision: str
    text: str
    start: int
    end: int
    relative_days: int | None = None
    rule: str = ""


@dataclass(frozen=True, slots=True)
class GeoEntry:
    """One gazetteer entry (GeoNames-derived)."""

    geonameid: int | None
    name: str
    latitude: float
    longitude: float
    feature_class: str  # GeoNames: A (admin), P (populated place), ...
    feature_code: str
    country: str | None  # country name
    iso2: str | None
    iso3: str | None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    population: int = 0


@dataclass(frozen=True, slots=True)
class Location:
    """The place of an event, ACLED style."""

    name: str
    country: str | None
    iso3: str | None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    geo_precision: int = 3  # 1 town, 2 near a town / district, 3 province or larger
    confidence: float = 0.0
    text: str | None = None  # the words in the article
    start: int | None = None
    end: int | None = None
    rule: str = ""


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a document, resolved (or not) and given a role.

    ``role``: ``event`` (where it happened), ``origin``, ``destination``,
    ``speaker``, ``background``, ``other``.
    """

    text: str
    start: int
    end: int
    entry: GeoEntry | None = None
    confidence: float = 0.0
    role: str = "other"
    candidates: int = 0
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Trigger:
    """The words that name an event and the class they give it."""

    text: str
    start: int
    end: int
    event_type: str
    sub_event_type: str
    rule: str
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class Mention:
    """One sentence-level mention of an event, before assembly.

    ``modality`` is ``asserted`` for a real event; anything else (``threat``,
    ``negated``, ``hypothetical``, ``plan``, ``background``, ``anniversary``,
    ``denied``) keeps the mention out of the events and is shown by explain.
    """

    doc_id: str
    sent_start: int
    sent_end: int
    sentence: str
    trigger: Trigger
    modality: str = "asserted"
    modality_cue: str | None = None
    gtd_attack_type: str | None = None
    gtd_rule: str | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    counts: tuple[Count, ...] = ()
    date: EventDate | None = None
    places: tuple[PlaceMention, ...] = ()
    location: Location | None = None
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Event:
    """The native record: one event, ACLED's unit, with its evidence."""

    event_id: str
    doc_ids: tuple[str, ...]
    event_type: str
    sub_event_type: str
    event_date: _dt.date | None = None
    date_precision: str = "unknown"
    codes: dict[str, Any] = field(default_factory=dict)  # gtd_attack_type, ...
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor1: tuple[Actor, ...] = ()
    assoc_actor2: tuple[Actor, ...] = ()
    location: Location | None = None
    fatalities: Count | None = None
    injured: Count | None = None
    hostages: Count | None = None
    arrested: Count | None = None
    claims: tuple[Claim, ...] = ()
    statements: tuple[Statement, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    notes: str = ""
    confidence: float = 0.0
    incident_id: str | None = None
    relative_date: str | None = None  # set when no publication date was known

    @property
    def doc_id(self) -> str:
        return self.doc_ids[0] if self.doc_ids else ""

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return value


def to_dict(record: Any) -> dict[str, Any]:
    """A JSON-ready dict of a record (dates as ISO strings)."""
    out = _plain(record)
    if isinstance(record, Event):
        out["doc_id"] = record.doc_id
    return out
