"""Linking new events to stored incidents, inside the document's transaction.

Candidates are stored events in the same country and province within the date
window, or sharing a particular within the follow-up window (in any country) (the blocking of
``eventwire.link``); each new event is weighed against every report of the incidents found, as
in a batch, and joins the incident of its best match or starts its own. Every incident touched gets its
reconciled summary rewritten.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import time
from collections import OrderedDict
from dataclasses import replace

from sqlalchemy import and_, delete, or_, select, text, update
from sqlalchemy.orm import Session

from ..errors import InputError, StoreError
from ..link import (Incident, Link, blocked_together, identity_keys_of, incident_id_for, joins_as_follow_up,
                    lead_first, load_config, place, place_follow_up, reconcile)
from ..link._link import crossing_keys_of, named_keys_of, toll_keys_of
from ..link._config import key_days
from ..link._features import country_key, date_slack
from ..records import Event, to_dict
from ..serialize import event_from_dict
from ._models import (DocumentRow, EventKeyRow, EventRow, FollowUpRow, IncidentEditRow, IncidentMemberRow,
                      IncidentRow)

log = logging.getLogger(__name__)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


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


def event_keys(event: Event) -> list[str]:
    """The blocking keys of a stored event: its particulars (in any country: a coded country
    can be a misread place name, and reports that name the same people are compared), and
    the town it is coded in (``t:``) and the places its report names (``m:``), so a report
    that names another's town is compared with it whatever their coded provinces
    (``link.Blocker``), and a large toll (``k:``), by which a mass shooting's later reports find it."""
    if event.event_date is None:
        return []
    return sorted(identity_keys_of(event) | named_keys_of(event) | toll_keys_of(event, load_config()))


def fill_event_keys(bind, insert_rows) -> None:
    """Write the keys of every stored event (``insert_rows(rows)`` writes a batch), from the
    particulars kept in each record: used by the migrations that build the index."""
    rows = bind.execute(text("SELECT pk, event_date, record FROM events")).fetchall()
    out = []
    for pk, day, record in rows:
        record = json.loads(record) if isinstance(record, str) else record
        if isinstance(day, str):
            day = dt.date.fromisoformat(day)
        try:
            keys = event_keys(event_from_dict(record))
        except InputError as exc:  # a record of an older layout: it links within the date window only
            log.info("event %s: no blocking keys (%s)", pk, exc)
            continue
        out += [{"event_pk": pk, "key": k, "event_date": day} for k in keys]
        if len(out) >= 5000:
            insert_rows(out)
            out = []
    if out:
        insert_rows(out)


_LOOSE = ("week", "month", "year")  # imprecise dates: compared with their slack


def _pairs(rows) -> set[tuple[int, str]]:
    """(event pk, incident id) of result rows as plain tuples: SQLAlchemy's rows compare and hash
    in Python, and sorting a province's window of them took a tenth of an ingest."""
    return {(pk, inc) for pk, inc in rows}


def _candidates(s: Session, event: Event, cfg, cache: EventCache) -> list[Incident]:
    """Stored incidents worth comparing (the blocking of ``eventwire.link``, ``blocked_together``):
    events of the same country within the date window in the same province (or one not known),
    and events that share a particular (a person's name, a small place) within the
    long follow-up window, found through the ``event_keys`` index, and events coded in a town
    the event's report names or naming the town it is coded in, within the date window (the
    same index; events stored before those keys were kept are found by their province only). Those are the only
    pairs linking can join, so the cost grows with a province's weeks, not the store.
    Each incident found comes whole (``_whole``)."""
    loc, d = event.location, event.event_date
    rows = set()
    if country_key(event):
        span = dt.timedelta(days=cfg.same_window_days + date_slack(event))
        loose = dt.timedelta(days=cfg.same_window_days + 182)
        place = [or_(EventRow.iso3 == loc.iso3, EventRow.country == loc.country) if loc.iso3
                 else EventRow.country == loc.country]
        if loc.admin1:  # the province, or a town of the same name elsewhere (link._features.homonyms)
            place.append(or_(EventRow.admin1.is_(None), EventRow.admin1 == loc.admin1,
                             *([EventRow.location == loc.name] if loc.name and loc.geo_precision < 3 else [])))
        base = select(EventRow.pk, EventRow.incident_id).where(
            EventRow.incident_id.is_not(None), EventRow.event_id != event.event_id, *place)
        # two range scans, each on an index: the days of the window, and the few imprecise dates near it
        rows |= _pairs(s.execute(base.where(EventRow.event_date >= d - span, EventRow.event_date <= d + span)).all())
        rows |= _pairs(s.execute(base.where(EventRow.date_precision.in_(_LOOSE), EventRow.event_date >= d - loose,
                                            EventRow.event_date <= d + loose)).all())
    keys = sorted(identity_keys_of(event))
    by_key = select(EventRow.pk, EventRow.incident_id).join(EventKeyRow, EventKeyRow.event_pk == EventRow.pk).where(
        EventRow.incident_id.is_not(None), EventRow.event_id != event.event_id)
    if keys:
        far = dt.timedelta(days=key_days(cfg) + 182)
        rows |= _pairs(s.execute(by_key.where(EventKeyRow.key.in_(keys), EventKeyRow.event_date >= d - far,
                                              EventKeyRow.event_date <= d + far)).all())
    # stored reports coded in a town this one names, or naming the town this one is coded in
    crossing = sorted(crossing_keys_of(event))
    if crossing:
        near = dt.timedelta(days=cfg.same_window_days + date_slack(event))
        rows |= _pairs(s.execute(by_key.where(EventKeyRow.key.in_(crossing), EventKeyRow.event_date >= d - near,
                                              EventKeyRow.event_date <= d + near)).all())
    tolls = sorted(toll_keys_of(event, cfg))
    if tolls:  # the same large toll, weeks later (``link._same_toll_later``)
        later = dt.timedelta(days=cfg.followup_toll_days + date_slack(event))
        rows |= _pairs(s.execute(by_key.where(EventKeyRow.key.in_(tolls), EventKeyRow.event_date >= d - later,
                                              EventKeyRow.event_date <= d + later)).all())
    # the range scans read a little more than the blocking allows (a province's imprecise dates
    # half a year around, the particulars' reach plus that); the rule itself decides
    decoded = cache.get_many(s, [pk for pk, _ in sorted(rows)])
    near = {inc for pk, inc in rows if blocked_together(event, decoded[pk], cfg)}
    return _whole(s, near, cache)


def _leads(s: Session, incidents: list[Incident], cache: EventCache) -> set[str]:
    """The ids of the events of ``incidents`` that are their article's lead (``link.lead_first``:
    its most confident), read from every stored event of their documents."""
    ids = {ev.event_id for inc in incidents for ev in inc.events}
    if not ids:
        return set()
    docs = select(EventRow.document_pk).where(EventRow.event_id.in_(sorted(ids)))
    rows = s.execute(select(EventRow.pk, EventRow.document_pk).where(EventRow.document_pk.in_(docs))).all()
    decoded = cache.get_many(s, [pk for pk, _ in rows])
    by_doc: dict[int, list[Event]] = {}
    for pk, doc in rows:
        by_doc.setdefault(doc, []).append(decoded[pk])
    return {lead_first(evs)[0].event_id for evs in by_doc.values()}


def _whole(s: Session, incident_ids: set[str], cache: EventCache) -> list[Incident]:
    """The incidents with every stored event of each, not only those the blocking found:
    an event joins an incident only when it matches enough of its reports (``link.place``),
    and a merge needs the two whole incidents compatible, as when linking a batch."""
    rows = sorted(_pairs(s.execute(select(EventRow.pk, EventRow.incident_id)
                                   .where(EventRow.incident_id.in_(sorted(incident_ids)))))) if incident_ids else []
    decoded = cache.get_many(s, [pk for pk, _ in rows])
    incidents: dict[str, Incident] = {}
    for pk, inc in rows:
        incidents.setdefault(inc, Incident(inc)).events.append(decoded[pk])
    return [incidents[i] for i in sorted(incidents)]


def _event_pk(s: Session, event_id: str) -> int:
    return s.scalar(select(EventRow.pk).where(EventRow.event_id == event_id))


def link_document_events(s: Session, events: list[Event], touched: set[str], cache: EventCache,
                         pks: dict[str, int] | None = None) -> None:
    """Give each of one document's new events an incident and record why (adding to ``touched``
    every incident whose reconciled summary must be rewritten).

    When a new event also matches another stored incident well enough to show
    the two are one, that incident is merged in and the merge recorded (with the
    bridging link) so ``eventwire incidents undo`` can take it apart again.
    """
    cfg = load_config()
    ordered = lead_first(events)
    for event in ordered:
        placed = None
        if event.event_date is not None:
            candidates = _candidates(s, event, cfg, cache)
            leads = _leads(s, candidates, cache) | ({event.event_id} if event is ordered[0] else set())
            placed = place(event, candidates, cfg, leads)
        if placed is None or placed.incident is None:
            incident_id = incident_id_for(event)
            s.merge(IncidentRow(incident_id=incident_id, n_sources=1, summary={}))
            s.flush()
            reasons, linked_to, score = (placed.link.reasons if placed else {"seed": True}), None, 1.0
        else:
            link = placed.link
            incident_id, reasons, linked_to, score = placed.incident.incident_id, link.reasons, link.linked_to, link.score
        pk = (pks or {}).get(event.event_id) or _event_pk(s, event.event_id)
        s.query(EventRow).filter(EventRow.pk == pk).update({"incident_id": incident_id})
        s.add(IncidentMemberRow(incident_id=incident_id, event_pk=pk, linked_to=linked_to,
                                score=score, reasons=reasons))
        touched.add(incident_id)
        for other, bridge in (placed.merge if placed else ()):
            if _kept_apart(s, incident_id, other.incident_id):
                log.info("%s matches incidents %s and %s: not merged (an analyst kept them apart)",
                         event.event_id, incident_id, other.incident_id)
                continue
            bridge_reasons = {"event_id": bridge.event_id, "linked_to": bridge.linked_to,
                              "score": bridge.score, **bridge.reasons}
            merge_incidents(s, incident_id, [other.incident_id], author="link",
                            note=f"{event.event_id} matches both", reasons=bridge_reasons)
            touched.add(other.incident_id)
    s.flush()


def _kept_apart(s: Session, a: str, b: str) -> bool:
    """Whether an analyst kept these two incidents apart: split one from the other (and did
    not undo it), or undid a merge of the two. Linking never merges them again on its own."""
    rows = s.execute(select(IncidentEditRow.incident_id, IncidentEditRow.other_ids).where(
        IncidentEditRow.action == "split", IncidentEditRow.undone_by.is_(None),
        IncidentEditRow.incident_id.in_([a, b]))).all()
    # only a person undoes an edit (linking never does), so an undone merge is a decision
    rows += s.execute(select(IncidentEditRow.incident_id, IncidentEditRow.other_ids).where(
        IncidentEditRow.action == "merge", IncidentEditRow.undone_by.is_not(None),
        IncidentEditRow.incident_id.in_([a, b]))).all()
    return any({inc, *others} >= {a, b} for inc, others in rows)


def _merges(s: Session, incident_id: str) -> list[dict]:
    rows = s.scalars(select(IncidentEditRow).where(IncidentEditRow.incident_id == incident_id,
                                                   IncidentEditRow.action == "merge",
                                                   IncidentEditRow.undone_by.is_(None))
                     .order_by(IncidentEditRow.pk)).all()
    return [{"edit": r.pk, "merged": r.other_ids, "author": r.author, "note": r.note, "reasons": r.reasons,
             "at": r.created_at.isoformat(timespec="seconds")} for r in rows]


def _members(s: Session, incident_ids: list[str]) -> dict[str, str]:
    """event id → incident id for every event of these incidents."""
    rows = s.execute(select(EventRow.event_id, EventRow.incident_id)
                     .where(EventRow.incident_id.in_(incident_ids))).all()
    return {e: i for e, i in rows}


def _move(s: Session, event_ids: list[str], incident_id: str) -> None:
    pks = [pk for (pk,) in s.execute(select(EventRow.pk).where(EventRow.event_id.in_(event_ids)))]
    s.execute(update(EventRow).where(EventRow.pk.in_(pks)).values(incident_id=incident_id))
    s.execute(update(IncidentMemberRow).where(IncidentMemberRow.event_pk.in_(pks)).values(incident_id=incident_id))


def _require(s: Session, incident_ids: list[str]) -> None:
    found = set(s.scalars(select(IncidentRow.incident_id).where(IncidentRow.incident_id.in_(incident_ids))))
    missing = [i for i in incident_ids if i not in found]
    if missing:
        raise StoreError(f"no incident {', '.join(missing)} in the database")


def merge_incidents(s: Session, keep: str, others: list[str], *, author: str | None = None,
                    note: str | None = None, reasons: dict | None = None) -> int:
    """Move every event of ``others`` into ``keep``; returns the edit's key."""
    others = [o for o in dict.fromkeys(others) if o != keep]
    if not others:
        raise StoreError("merge needs at least one incident other than the one kept")
    _require(s, [keep, *others])
    before = _members(s, others)
    _move(s, list(before), keep)
    s.flush()
    for other in others:
        s.execute(delete(IncidentRow).where(IncidentRow.incident_id == other))
    edit = IncidentEditRow(action="merge", incident_id=keep, other_ids=others, before=before,
                           reasons=reasons, author=author, note=note, created_at=_now())
    s.add(edit)
    s.flush()
    return edit.pk


def split_incident(s: Session, incident_id: str, event_ids: list[str], *, author: str | None = None,
                   note: str | None = None) -> tuple[str, int]:
    """Move ``event_ids`` out of ``incident_id`` into a new incident; returns (its id, the edit's key)."""
    _require(s, [incident_id])
    members = _members(s, [incident_id])
    unknown = [e for e in event_ids if e not in members]
    if unknown:
        raise StoreError(f"incident {incident_id} has no event {', '.join(unknown)}")
    moving = list(dict.fromkeys(event_ids))
    if len(moving) >= len(members):
        raise StoreError(f"split would leave incident {incident_id} empty: name only the events to move out")
    new_id = "inc-" + hashlib.sha1("|".join([incident_id, *sorted(moving)]).encode()).hexdigest()[:16]
    if s.get(IncidentRow, new_id) is None:
        s.add(IncidentRow(incident_id=new_id, n_sources=1, summary={}))
        s.flush()
    _move(s, moving, new_id)
    edit = IncidentEditRow(action="split", incident_id=incident_id, other_ids=[new_id],
                           before={e: incident_id for e in moving}, author=author, note=note, created_at=_now())
    s.add(edit)
    s.flush()
    return new_id, edit.pk


def undo_edit(s: Session, edit_pk: int, *, author: str | None = None, note: str | None = None) -> tuple[set[str], int]:
    """Put every event an edit moved back where it was; returns (incidents touched, the undo's key)."""
    edit = s.get(IncidentEditRow, edit_pk)
    if edit is None:
        raise StoreError(f"no incident edit {edit_pk} in the database")
    if edit.undone_by is not None:
        raise StoreError(f"incident edit {edit_pk} was already undone (by edit {edit.undone_by})")
    if edit.action == "undo":
        raise StoreError(f"edit {edit_pk} is an undo: redo the merge or split itself instead")
    now = _members(s, list({*edit.before.values(), edit.incident_id, *edit.other_ids}))
    moved_since = [e for e in edit.before if e in now and now[e] != (edit.incident_id if edit.action == "merge"
                                                                     else edit.other_ids[0])]
    if moved_since:
        raise StoreError(f"edit {edit_pk}: events {', '.join(moved_since[:5])} were moved again since; "
                         "undo the later edits first")
    by_target: dict[str, list[str]] = {}
    for event_id, old in edit.before.items():
        if event_id in now:  # an event deleted since (its document re-coded) stays gone
            by_target.setdefault(old, []).append(event_id)
    for old, event_ids in by_target.items():
        if s.get(IncidentRow, old) is None:
            s.add(IncidentRow(incident_id=old, n_sources=1, summary={}))
            s.flush()
        _move(s, event_ids, old)
    undo = IncidentEditRow(action="undo", incident_id=edit.incident_id, other_ids=[edit_pk],
                           before={e: now[e] for ids in by_target.values() for e in ids},
                           author=author, note=note, created_at=_now())
    s.add(undo)
    s.flush()
    edit.undone_by = undo.pk
    return {edit.incident_id, *edit.other_ids, *by_target}, undo.pk


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
        decoded = cache.get_many(s, [r[0] for r in rows])
        incident = Incident(incident_id, [replace(decoded[r[0]], incident_id=incident_id) for r in rows],
                            [Link(r[4], r[1], r[2], r[3]) for r in rows], _merges(s, incident_id),
                            _follow_ups_of(s, incident_id))
        merged = reconcile(incident, _sources(s, incident.doc_ids | {ev.doc_id for ev, _ in incident.follow_ups}))
        merged.codes["reconciliation"]["updated"] = int(time.time())
        loc = merged.location
        row.summary = to_dict(merged)
        row.country = loc.country if loc else None
        row.iso3 = loc.iso3 if loc else None
        row.event_date = merged.event_date
        row.event_type = merged.event_type
        row.n_sources = len(incident.doc_ids)
    s.flush()


# -- follow-ups ------------------------------------------------------------------

def _placed_follow_up(s: Session, event: Event, cfg, cache: EventCache):
    """(event id matched, score, reasons) of a follow-up among the stored incidents, or None.

    The same candidates and comparison as a new event's, but a follow-up only joins:
    it never starts an incident nor merges two. One that matches no report of an incident
    joins it through a follow-up already joined to it (``link.place_follow_up``), linked to
    the event that follow-up is linked to."""
    if event.event_date is None:
        return None
    rows = _joined_follow_ups(s, [event], cfg)
    groups: dict[str, tuple[Incident, list[Event]]] = {}
    if rows:
        incident_of = dict(s.execute(select(EventRow.event_id, EventRow.incident_id).where(
            EventRow.event_id.in_(sorted({r.linked_to for r, _ in rows})))).all())
        for row, follow_up in rows:
            incident = incident_of.get(row.linked_to)
            if incident:
                groups.setdefault(incident, (Incident(incident), []))[1].append(follow_up)
    incident, link = place_follow_up(event, _candidates(s, event, cfg, cache), [groups[k] for k in sorted(groups)],
                                     cfg)
    if incident is None:
        return None
    if "via_follow_up" in link.reasons:  # linked to the event the follow-up it matched is linked to
        through = next(row for row, follow_up in rows if follow_up.event_id == link.linked_to)
        return through.linked_to, link.score, link.reasons
    return link.linked_to, link.score, link.reasons


def _joined_follow_ups(s: Session, events: list[Event], cfg, linked: bool = True) -> list:
    """Stored follow-ups (rows and their events) blocked together with any of ``events``
    (``link.blocked_together``): joined to an incident (``linked``), or still waiting for one.
    Looked up in the events' countries (or none) within the follow-up reach of their dates."""
    dated = [e for e in events if e.event_date is not None]
    if not dated:
        return []
    far = dt.timedelta(days=key_days(cfg) + 182)
    first, last = min(e.event_date for e in dated), max(e.event_date for e in dated)
    iso3s = {e.location.iso3 for e in dated if e.location and e.location.iso3}
    countries = {e.location.country for e in dated if e.location and e.location.country}
    state = FollowUpRow.linked_to.is_not(None) if linked else FollowUpRow.linked_to.is_(None)
    rows = s.scalars(select(FollowUpRow).where(
        state, FollowUpRow.event_date >= first - far, FollowUpRow.event_date <= last + far,
        FollowUpRow.event_id.not_in([e.event_id for e in dated]),
        or_(FollowUpRow.iso3.in_(iso3s), FollowUpRow.country.in_(countries), FollowUpRow.country.is_(None)))).all()
    out = []
    for row in rows:
        follow_up = event_from_dict(row.record)
        if any(blocked_together(follow_up, e, cfg) for e in dated):
            out.append((row, follow_up))
    return out


def link_follow_ups(s: Session, rows: list, cache: EventCache) -> set[str]:
    """Give each new follow-up row (``FollowUpRow``) the stored event it is about, if any;
    returns the incidents joined. Follow-ups still waiting that match one joined now join
    through it, round after round."""
    cfg, joined = load_config(), set()
    while rows:
        added = []
        for row in rows:
            follow_up = event_from_dict(row.record)
            hit = _placed_follow_up(s, follow_up, cfg, cache)
            if hit is not None:
                row.linked_to, row.score, row.reasons = hit
                joined.add(hit[0])
                added.append(follow_up)
        s.flush()
        if not added:
            break
        done = {row.event_id for row in rows if row.linked_to}
        rows = [row for row, _ in _joined_follow_ups(s, added, cfg, linked=False) if row.event_id not in done]
    return incidents_of(s, joined)


def incidents_of(s: Session, event_ids: set[str]) -> set[str]:
    if not event_ids:
        return set()
    return set(s.scalars(select(EventRow.incident_id).where(EventRow.event_id.in_(event_ids),
                                                            EventRow.incident_id.is_not(None))))


def join_waiting_follow_ups(s: Session, events: list[Event], cache: EventCache) -> set[str]:
    """Follow-ups stored before any report of their incident, joined now that one arrived, so
    a trial report ingested before the shooting's still finds it (and the follow-ups that
    match it, ``link_follow_ups``). Returns the incidents joined."""
    waiting = [row for row, _ in _joined_follow_ups(s, events, load_config(), linked=False)]
    return link_follow_ups(s, waiting, cache) if waiting else set()


def follow_up_rows(s: Session, incident_id: str) -> list:
    """The follow-ups of one incident, oldest first."""
    return s.scalars(select(FollowUpRow).join(EventRow, EventRow.event_id == FollowUpRow.linked_to)
                     .where(EventRow.incident_id == incident_id).order_by(FollowUpRow.pk)).all()


def _follow_ups_of(s: Session, incident_id: str) -> list[tuple[Event, Link]]:
    """The incident's follow-ups for ``reconcile``: each record and the link that joined it."""
    return [(event_from_dict(r.record), Link(r.event_id, r.linked_to, r.score, r.reasons or {}))
            for r in follow_up_rows(s, incident_id)]
