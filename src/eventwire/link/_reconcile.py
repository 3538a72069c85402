"""Reconciling an incident's events into one record.

Counts become low / best / high over sources (each source's own figure and
who it attributes it to are kept); the most precise place and date win; every
source is listed. The result is an :class:`Event` (so every export writes
incidents too) whose ``codes["reconciliation"]`` holds the per-source detail.
"""
from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from dataclasses import replace
from typing import Mapping

from ..records import COUNT_KINDS, Count, Event
from ._link import Incident

_DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "relative": 4, "unknown": 5}


def _figure(count: Count, event: Event, sources: Mapping[str, dict]) -> dict:
    doc = event.doc_id
    meta = sources.get(doc) or {}
    figure = {"doc_id": doc, "outlet": meta.get("outlet"), "published": meta.get("published"),
              "event_id": event.event_id, "low": count.low, "best": count.best, "high": count.high,
              "status": count.status, "reported_by": count.reported_by, "text": count.text}
    if "follow_up" in event.codes:
        figure["follow_up"] = True
    return figure


def _ends(c: Count) -> tuple[int, int, int] | None:
    values = [v for v in (c.low, c.best, c.high) if v is not None]
    if not values:
        return None
    best = c.best if c.best is not None else (c.low if c.low is not None else c.high)
    return (c.low if c.low is not None else min(values)), best, (c.high if c.high is not None else max(values))


def _when(figure: dict, event: Event) -> str:
    """When the figure was given: its article's publication date, else the event's date."""
    return figure["published"] or (event.event_date.isoformat() if event.event_date else "")


def reconcile_count(kind: str, events: list[Event], sources: Mapping[str, dict]) -> tuple[Count | None, list[dict]]:
    """One count over the incident's reports, and each report's own figure.

    A perpetrator's claim is a claim: it joins the range only when no one else
    gives a figure (the count is then ``claimed``). Low is the lowest credible
    figure (ACLED codes conservatively), high the highest; best is the latest
    official figure (a revised toll replaces the first reports, whether a report
    of the incident or a follow-up gives it), else the median of the reports.
    """
    counts = [(getattr(ev, kind), ev) for ev in events if getattr(ev, kind) is not None]
    if not counts:
        return None, []
    figures = [_figure(c, ev, sources) for c, ev in counts]
    rows = [(c, ev, f, _ends(c)) for (c, ev), f in zip(counts, figures)]
    rows = [r for r in rows if r[3] is not None]
    # A follow-up's zero is no revision: a trial or an arrest report tells of the people it names,
    # and its silence on the others (none injured) is not a count. Listed, not counted.
    silent = [r for r in rows if "follow_up" in r[1].codes and r[3][2] == 0]
    for r in silent:
        r[2]["basis"] = "not counted: a follow-up's zero"
    rows = [r for r in rows if not any(r is x for x in silent)]
    if not rows:
        return None, figures
    reported = [r for r in rows if r[0].status != "claimed"]
    pool = reported or rows
    official = [r for r in pool if r[0].status == "official"]
    if official:
        lead = max(official, key=lambda r: (_when(r[2], r[1]), r[1].event_date or dt.date.min, r[3][1]))
        best, basis = lead[3][1], "latest official figure"
    else:
        best = int(statistics.median_low([r[3][1] for r in pool]))
        lead = next(r for r in pool if r[3][1] == best)
        basis = "median of reports" if len(pool) > 1 else "only report"
    merged = Count(kind=kind, low=min(r[3][0] for r in pool), best=best, high=max(r[3][2] for r in pool),
                   text=" | ".join(dict.fromkeys(r[0].text for r in pool if r[0].text)),
                   start=-1, end=-1, victims=next((r[0].victims for r in pool if r[0].victims), None),
                   status=lead[0].status, reported_by=lead[0].reported_by,
                   rule=f"link.reconcile.{len(pool)}_sources")
    for f in figures:
        if "basis" not in f:
            f["basis"] = basis if f["event_id"] == lead[1].event_id else (
                "claim" if f["status"] == "claimed" and reported else None)
    return merged, figures


def _best_location(events: list[Event]):
    located = [ev.location for ev in events if ev.location is not None]
    if not located:
        return None
    names = Counter(loc.name for loc in located)
    return min(located, key=lambda loc: (loc.geo_precision, loc.latitude is None,
                                         -names[loc.name], -loc.confidence))


def _best_date(events: list[Event]):
    dated = [ev for ev in events if ev.event_date is not None]
    if not dated:
        return None, "unknown"
    top = min(_DATE_RANK.get(ev.date_precision, 5) for ev in dated)
    precise = [ev for ev in dated if _DATE_RANK.get(ev.date_precision, 5) == top]
    votes = Counter(ev.event_date for ev in precise)
    date = min(votes, key=lambda d: (-votes[d], d))
    return date, precise[0].date_precision


def _vote(values):
    values = [v for v in values if v]
    return Counter(values).most_common(1)[0][0] if values else None


def _source_list(incident: Incident, sources: Mapping[str, dict]) -> list[dict]:
    out = []
    for doc in sorted(incident.doc_ids):
        meta = dict(sources.get(doc) or {})
        out.append({"doc_id": doc, **{k: meta.get(k) for k in ("outlet", "url", "title", "published")}})
    for doc in sorted({ev.doc_id for ev, _ in incident.follow_ups} - incident.doc_ids):
        meta = dict(sources.get(doc) or {})
        out.append({"doc_id": doc, **{k: meta.get(k) for k in ("outlet", "url", "title", "published")},
                    "follow_up": True})
    return out


def _follow_up_list(incident: Incident, sources: Mapping[str, dict]) -> list[dict]:
    """Each follow-up with its report's date (not the incident's), what it is (its cue),
    and the link that joined it."""
    out = []
    for ev, link in incident.follow_ups:
        meta = sources.get(ev.doc_id) or {}
        out.append({"event_id": ev.event_id, "doc_id": ev.doc_id, "outlet": meta.get("outlet"),
                    "published": meta.get("published"),
                    "event_date": ev.event_date.isoformat() if ev.event_date else None,
                    "cue": (ev.codes.get("follow_up") or {}).get("cue"),
                    "linked_to": link.linked_to, "score": link.score, "reasons": link.reasons})
    return out


def reconcile(incident: Incident, sources: Mapping[str, dict] | None = None) -> Event:
    """One record for the incident; ``sources`` maps doc id → {outlet, url, title, published}."""
    sources = sources or {}
    events = sorted(incident.events, key=lambda ev: -ev.confidence)
    lead = events[0]
    etype = _vote(ev.event_type for ev in events) or lead.event_type
    sub = _vote(ev.sub_event_type for ev in events if ev.event_type == etype) or lead.sub_event_type
    date, precision = _best_date(events)
    counts, figures = {}, {}
    # a follow-up's figures count (a revised toll); its date, place and actors do not (it is dated by its own news)
    reports = [*events, *(ev for ev, _ in incident.follow_ups)]
    for kind in COUNT_KINDS:
        counts[kind], figures[kind] = reconcile_count(kind, reports, sources)
    actor1 = next((ev.actor1 for ev in events if ev.actor1 and ev.actor1.name == _vote(
        e.actor1.name for e in events if e.actor1)), lead.actor1)
    actor2 = next((ev.actor2 for ev in events if ev.actor2 and ev.actor2.name == _vote(
        e.actor2.name for e in events if e.actor2)), lead.actor2)
    claims = tuple({c.actor: c for ev in events for c in ev.claims}.values())
    codes = dict(lead.codes)
    codes["reconciliation"] = {
        "event_ids": [ev.event_id for ev in incident.events],
        "sources": _source_list(incident, sources),
        "figures": {k: v for k, v in figures.items() if v},
        "links": [{"event_id": l.event_id, "linked_to": l.linked_to, "score": l.score,
                   "reasons": l.reasons} for l in incident.links],
    }
    if incident.merges:
        codes["reconciliation"]["merges"] = list(incident.merges)
    if incident.follow_ups:
        codes["reconciliation"]["follow_ups"] = _follow_up_list(incident, sources)
    # An analyst's corrections of any report show on the incident, not only the lead's.
    corrections = [{**c, "event_id": ev.event_id} for ev in incident.events for c in ev.codes.get("corrections") or []]
    codes.pop("corrections", None)
    if corrections:
        codes["corrections"] = corrections
    return replace(lead, event_id=incident.incident_id, incident_id=incident.incident_id,
                   doc_ids=tuple(sorted(incident.doc_ids)), event_type=etype, sub_event_type=sub,
                   event_date=date, date_precision=precision, location=_best_location(events),
                   actor1=actor1, actor2=actor2, claims=claims, codes=codes,
                   evidence=tuple(e for ev in incident.events for e in ev.evidence),
                   confidence=max(ev.confidence for ev in events), **counts)
