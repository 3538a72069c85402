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
    "TextSpan",
    "Dateline",
    "ArticleStructure",
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
    it from the event location, or drops it when no country is known.
    """

    name: str
    type: str  # state forces | rebel group | political militia | political party | identity militia |
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
    # every (GTD attack type, rule) the sentence supports, highest of GTD's hierarchy first
    gtd_attack_types: tuple[tuple[str, str], ...] = ()
    actor1: Actor | None = None
    actor2: Actor | None = None
    counts: tuple[Count, ...] = ()
    date: EventDate | None = None
    places: tuple[PlaceMention, ...] = ()
    location: Location | None = None
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5
    # news (just happened), earlier (an earlier event with its own date) or
    # context (history, aggregates, anniversaries, trials, analysis); see extract.timing
    timing: str = "news"
    timing_cue: str | None = None
    # trigger offsets of other acts its sentence tells apart from this one ("claimed the
    # killing of the general and the bombing of the bank"): never the same event
    apart_from: tuple[int, ...] = ()

    @property
    def gtd_attack_type(self) -> str | None:
        """The sentence's GTD attack type (attacktype1): the first of ``gtd_attack_types``."""
        return self.gtd_attack_types[0][0] if self.gtd_attack_types else None

    @property
    def gtd_rule(self) -> str | None:
        """The rule that read :attr:`gtd_attack_type`."""
        return self.gtd_attack_types[0][1] if self.gtd_attack_types else None


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


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A stretch of the document text: ``text == document.text[start:end]``.

    ``kind`` is one of ``title``, ``dateline``, ``dateline_place``,
    ``dateline_date``, ``lede``, ``body``, ``quote``, ``caption``, ``related``,
    ``embed`` or ``chrome``.
    """

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline that opens a report: "QUETTA, March 11 (Reuters) –".

    ``place`` is the place words ("QUETTA", "HENRY COUNTY, Ind."), ``date`` the
    date words if any, resolved against the publication date into ``when``;
    ``outlet`` the agency or station in brackets ("Reuters", "WNCT").
    """

    span: TextSpan
    place: TextSpan
    date: TextSpan | None = None
    when: _dt.date | None = None
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleStructure:
    """How a news article is laid out, as character spans into ``Document.text``.

    ``title`` is the headline: a span when the text holds it, else (when the
    document carries only ``Document.title``) a span with ``start == end == -1``.
    ``lede`` is the first paragraph of news after the title and dateline;
    ``paragraphs`` all body paragraphs in order (the lede first). ``quotes``,
    ``captions``, ``related`` ("Read also: ..." lines, other stories' headlines),
    ``embeds`` (embedded social posts) and ``chrome`` (page furniture: "Please
    enable Javascript...", newsletter prompts, bylines, copyright lines) are
    spans too. Chrome and related lines never yield event mentions.
    """

    title: TextSpan | None = None
    dateline: Dateline | None = None
    lede: TextSpan | None = None
    paragraphs: tuple[TextSpan, ...] = ()
    quotes: tuple[TextSpan, ...] = ()
    captions: tuple[TextSpan, ...] = ()
    related: tuple[TextSpan, ...] = ()
    embeds: tuple[TextSpan, ...] = ()
    chrome: tuple[TextSpan, ...] = ()

    @property
    def dateline_place(self) -> TextSpan | None:
        """The dateline's place words (text and span), if the article has a dateline."""
        return self.dateline.place if self.dateline else None

    @property
    def dateline_date(self) -> _dt.date | None:
        """The dateline's date resolved against publication, if it states one."""
        return self.dateline.when if self.dateline else None

    def kind_at(self, start: int, end: int | None = None) -> str:
        """What part of the article a span lies in: chrome, related, embed, caption,
        title, dateline, lede, quote, body (``body`` when no part holds it)."""
        end = start + 1 if end is None else end
        for kind, spans in (("chrome", self.chrome), ("related", self.related), ("embed", self.embeds),
                            ("caption", self.captions)):
            if any(_holds(s, start, end) for s in spans):
                return kind
        for span in (self.title, self.dateline.span if self.dateline else None, self.lede):
            if span is not None and _holds(span, start, end):
                return span.kind
        if any(_holds(s, start, end) for s in self.quotes):
            return "quote"
        return "body"

    def yields_events(self, start: int, end: int) -> bool:
        """False for page chrome, other stories' headlines, embedded posts and the dateline itself."""
        return self.kind_at(start, end) not in ("chrome", "related", "embed", "dateline")


def _holds(span: TextSpan, start: int, end: int) -> bool:
    """The span holds most of [start, end)."""
    overlap = min(span.end, end) - max(span.start, start)
    return overlap > 0 and overlap * 2 >= (end - start)


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
