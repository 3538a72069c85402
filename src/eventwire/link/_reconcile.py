"""Reconciling an incident's events into one record.

Counts become low / best / high over sources (each source's own figure and
who it attributes it to are kept); the most precise place and date win; every
source is listed. The result is an :class:`Event` (so every export writes
incidents too) whose ``codes["reconciliation"]`` holds the per-source detail.
"""
from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import replace
from typing import Mapping

from ..records import COUNT_KINDS, Count, Event
from ._link import Incident

_DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "relative": 4, "unknown": 5}


def _figure(count: Count, event: Event, sources: Mapping[str, dict]) -> dict:
    doc = event.doc_id
    return {"doc_id": doc, "outlet": (sources.get(doc) or {}).get("outlet"), "event_id": event.event_id,
            "low": count.low, "best": count.best, "high": count.high, "status": count.status,
            "reported_by": count.reported_by, "text": count.text}


def reconcile_count(kind: str, events: list[Event], sources: Mapping[str, dict]) -> tuple[Count | None, list[dict]]:
    counts = [(getattr(ev, kind), ev) for ev in events if getattr(ev, kind) is not None]
    if not counts:
        return None, []
    figures = [_figure(c, ev, sources) for c, ev in counts]
    lows = [v for c, _ in counts for v in (c.low, c.best, c.high) if v is not None]
    if not lows:
        return None, figures
    bests = [c.best if c.best is not None else (c.low if c.low is not None else c.high) for c, _ in counts]
    bests = [b for b in bests if b is not None]
    # Conservative low (ACLED codes the lowest credible figure), median best, highest high.
    low = min(c.low if c.low is not None else (c.best if c.best is not None else c.high)
              for c, _ in counts if (c.low, c.best, c.high) != (None, None, None))
    high = max(c.high if c.high is not None else (c.best if c.best is not None else c.low)
               for c, _ in counts if (c.low, c.best, c.high) != (None, None, None))
    best = int(statistics.median_low(bests)) if bests else None
    statuses = Counter(c.status for c, _ in counts)
    reporters = sorted({c.reported_by for c, _ in counts if c.reported_by})
    merged = Count(kind=kind, low=low, best=best, high=high,
                   text=" | ".join(dict.fromkeys(c.text for c, _ in counts if c.text)),
                   start=-1, end=-1, victims=next((c.victims for c, _ in counts if c.victims), None),
                   status=statuses.most_common(1)[0][0], reported_by="; ".join(reporters) or None,
                   rule=f"link.reconcile.{len(counts)}_sources")
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
    for kind in COUNT_KINDS:
        counts[kind], figures[kind] = reconcile_count(kind, events, sources)
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
    return replace(lead, event_id=incident.incident_id, incident_id=incident.incident_id,
                   doc_ids=tuple(sorted(incident.doc_ids)), event_type=etype, sub_event_type=sub,
                   event_date=date, date_precision=precision, location=_best_location(events),
                   actor1=actor1, actor2=actor2, claims=claims, codes=codes,
                   evidence=tuple(e for ev in incident.events for e in ev.evidence),
                   confidence=max(ev.confidence for ev in events), **counts)
