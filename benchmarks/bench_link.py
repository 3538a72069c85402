"""Ingest throughput (store + link, no extraction) with an empty database and with many stored events.

    python benchmarks/bench_link.py [--stored 100000] [--new 300] [--json out.json]

Stored events are synthetic and written in bulk: documents spread over 40
countries (a third of them in one busy country), 12 provinces each and three
years, each with one event that already has its incident and its particulars
(names, places, ages). Then ``--new`` synthetic documents, half of them new
reports of stored incidents, are ingested one transaction each through
``Store.add`` (the path ``eventwire ingest`` takes after extraction), first into
an empty database and then into the filled one. Reported: documents/s and
events/s for each, and how many stored events each new event was compared with
(the blocking: the date window in its province, and the stored events that share
a person's name or a small place, through the ``event_keys`` index).
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from eventwire.records import Actor, Count, Document, Event, Evidence, Location

START = dt.date(2022, 1, 1)
DAYS = 3 * 365
_SYLLABLES = ("ba be bi bo da de di do fa fe ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro "
              "sa se si so ta te ti to va ve vi wa ya za").split()


def _name_pool(rng: random.Random, n: int, syllables: int) -> list[str]:
    """``n`` made-up names of ``syllables`` syllables (44 syllables: 1,936 of two, 85,184 of three)."""
    if n > len(_SYLLABLES) ** syllables // 2:
        raise ValueError(f"{n} names of {syllables} syllables: too many for the syllables")
    names = set()
    while len(names) < n:
        names.add("".join(rng.choice(_SYLLABLES) for _ in range(syllables)).capitalize())
    return sorted(names)


# Real names are many and skewed (the commonest first name is borne by a few percent of people,
# the commonest family name by under one percent), so the pools are large and drawn with a skew
# of that order (rank = n * u^2: the top first name 1.4%, the top family name 0.5%): a person's
# name recurs in other incidents about as often as a common real one does.
FIRST = _name_pool(random.Random(7), 900, 2) + _name_pool(random.Random(8), 4_000, 3)
LAST = _name_pool(random.Random(9), 40_000, 3)


def _skewed(rng: random.Random, pool: list[str]) -> str:
    return pool[int(len(pool) * rng.random() ** 2)]


def _places(rng: random.Random) -> list[Location]:
    """40 countries x 12 provinces x 5 towns, with coordinates on a grid per country."""
    out = []
    for c in range(40):
        for a in range(12):
            for t in range(5):
                lat, lon = -40 + c * 2 + a * 0.15, -100 + c * 5 + t * 0.2
                out.append(Location(f"Town {c}-{a}-{t}", f"Country {c}", f"C{c:02d}", f"Province {c}-{a}",
                                    f"District {c}-{a}", latitude=lat, longitude=lon, geo_precision=1))
    return out


def _pick_place(rng: random.Random, places: list[Location]) -> Location:
    country = 0 if rng.random() < 1 / 3 else rng.randrange(1, 40)  # one busy country
    return places[country * 60 + rng.randrange(60)]


def synthetic_event(rng: random.Random, doc_id: str, places, day: dt.date | None = None,
                    place: Location | None = None, who: tuple[str, str] | None = None) -> tuple[Event, str, tuple]:
    """One event and the article text it came from (a name, a place, an age, a count)."""
    place = place or _pick_place(rng, places)
    day = day or START + dt.timedelta(days=rng.randrange(DAYS))
    first, last = who or (_skewed(rng, FIRST), _skewed(rng, LAST))
    killed, age, block = rng.randrange(1, 6), rng.randrange(18, 70), rng.randrange(1, 90)
    text = (f"Gunmen attacked a checkpoint in {place.name} on {day:%A}, killing {killed} people, police said. "
            f"Among the dead was {first} {last}, {age}, a shopkeeper from Block {block}.")
    ev = Event(event_id=f"{doc_id}#1", doc_ids=(doc_id,), event_type="Violence against civilians",
               sub_event_type="Attack", event_date=day, date_precision="day",
               actor1=Actor("Unidentified Armed Group", "other", 3), actor2=Actor("Civilians", "civilians", 7),
               location=place, fatalities=Count("fatalities", killed, killed, killed, f"{killed}", 0, 1,
                                                status="official", reported_by="police"),
               evidence=(Evidence("event_type", doc_id, 0, 6, text[:6], text.split(". ")[0] + ".", "bench"),),
               confidence=0.7,
               # the particulars ``with_identity`` would read from the text, given directly (faster to fill)
               codes={"identity": {"names": [f"{first} {last}".lower()], "surnames": [last.lower()],
                                   "places": [], "ages": [age]}})
    return ev, text, (first, last)


def fill(url: str, n: int, seed: int = 1) -> float:
    """Write ``n`` stored documents with one event and one incident each, in bulk; returns seconds."""
    from sqlalchemy import insert

    from eventwire.link import incident_id_for
    from eventwire.store import Store
    from eventwire.store._linker import event_keys
    from eventwire.store._models import DocumentRow, EventKeyRow, EventRow, IncidentMemberRow, IncidentRow
    from eventwire.store._store import _event_columns

    rng, places = random.Random(seed), _places(random.Random(seed))
    start = time.perf_counter()
    with Store(url) as store:
        run = store.start_run("bench fill")
        with store.engine.begin() as conn:
            for lo in range(0, n, 5000):
                docs, events, incidents, members, keys = [], [], [], [], []
                for i in range(lo, min(n, lo + 5000)):
                    doc_id = f"stored-{i}"
                    ev, text, _ = synthetic_event(rng, doc_id, places)
                    inc = incident_id_for(ev)
                    docs.append(dict(pk=i + 1, doc_id=doc_id, content_hash=hashlib.sha256(text.encode()).hexdigest(),
                                     text=text, published=ev.event_date, url=None, title=None, outlet=f"Outlet {i % 50}",
                                     language="en", origin=None, source_id=None, run_id=run,
                                     pipeline_version=store.version, ingested_at=dt.datetime(2025, 1, 1)))
                    columns = _event_columns(ev)
                    events.append(dict(pk=i + 1, **columns, document_pk=i + 1, run_id=run, incident_id=inc))
                    incidents.append(dict(incident_id=inc, country=ev.location.country, iso3=ev.location.iso3,
                                          event_date=ev.event_date, event_type=ev.event_type, n_sources=1,
                                          summary=columns["record"], updated_at=dt.datetime(2025, 1, 1)))
                    members.append(dict(incident_id=inc, event_pk=i + 1, linked_to=None, score=1.0,
                                        reasons={"seed": True}))
                    keys += [dict(event_pk=i + 1, key=k, event_date=ev.event_date) for k in event_keys(ev)]
                conn.execute(insert(DocumentRow), docs)
                conn.execute(insert(IncidentRow), incidents)
                conn.execute(insert(EventRow), events)
                conn.execute(insert(IncidentMemberRow), members)
                conn.execute(insert(EventKeyRow), keys)
    return time.perf_counter() - start


def new_documents(n: int, stored: int, seed: int = 2) -> list[tuple[Document, Event]]:
    """``n`` new documents: half report a stored incident again (same place, day, person), half are new."""
    rng, places = random.Random(seed), _places(random.Random(1))
    again = random.Random(1)  # replays the fill's draws to find stored incidents
    stored_draws = [synthetic_event(again, f"stored-{i}", places) for i in range(min(stored, n * 4))]
    out = []
    for i in range(n):
        doc_id = f"new-{i}"
        if stored_draws and i % 2 == 0:
            old, _, who = stored_draws[rng.randrange(len(stored_draws))]
            ev, text, _ = synthetic_event(rng, doc_id, places, day=old.event_date + dt.timedelta(days=rng.randrange(2)),
                                          place=old.location, who=who)
        else:
            ev, text, _ = synthetic_event(rng, doc_id, places)
        out.append((Document(id=doc_id, text=text, published=ev.event_date, outlet="Bench"), ev))
    return out


def ingest_rate(url: str, docs: list[tuple[Document, Event]]) -> dict:
    from eventwire.link import _link
    from eventwire.store import Store

    compared = 0
    original = _link.compare

    def counting(a, b, cfg=None):
        nonlocal compared
        compared += 1
        return original(a, b, cfg)

    _link.compare = counting
    try:
        with Store(url) as store:
            run = store.start_run("bench ingest")
            before = store.counts()
            start = time.perf_counter()
            for doc, ev in docs:
                store.add(doc, [ev], run)
            seconds = time.perf_counter() - start
            after = store.counts()
    finally:
        _link.compare = original
    n = len(docs)
    return {"docs": n, "seconds": round(seconds, 2), "docs_per_s": round(n / seconds, 1),
            "events_per_s": round(n / seconds, 1), "comparisons_per_event": round(compared / n, 1),
            "new_incidents": after["incidents"] - before["incidents"], "stored_events_before": before["events"]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stored", type=int, default=100_000)
    ap.add_argument("--new", type=int, default=300)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        empty = f"sqlite:///{tmp}/empty.db"
        results["empty"] = ingest_rate(empty, new_documents(args.new, 0))
        full = f"sqlite:///{tmp}/full.db"
        results["fill_seconds"] = round(fill(full, args.stored), 1)
        results["stored"] = ingest_rate(full, new_documents(args.new, args.stored))
    for key in ("empty", "stored"):
        r = results[key]
        print(f"{r['stored_events_before']:>7} stored events: {r['docs_per_s']:7.1f} documents/s "
              f"({r['seconds']} s for {r['docs']}), {r['comparisons_per_event']} comparisons per new event, "
              f"{r['new_incidents']} new incidents")
    print(f"(filling {args.stored} synthetic events took {results['fill_seconds']} s)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
