"""How fast ``eventwire serve`` answers over a large store (loopback only, bounded).

Fills a fresh SQLite store (or ``--db URL``) with synthetic events, starts the server on
127.0.0.1, and times the API calls the page makes: event list pages under common
filters, map cells for everything in view, the timeline; and, when Debian's Chromium is
installed, how long the page takes to be ready. Prints p50/p95 per call.

    PYTHONPATH=src python benchmarks/bench_api.py --events 100000 --requests 60

Every loop is bounded by ``--requests`` and by ``--time-limit`` seconds in all.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"), ("Riots", "Mob violence"),
         ("Strategic developments", "Arrests")]
# Country, ISO3, an admin1, and a box (west, south, east, north) its synthetic events fall in.
PLACES = [("Pakistan", "PAK", "Balochistan", (62, 25, 70, 31)), ("Afghanistan", "AFG", "Kandahar", (62, 30, 71, 37)),
          ("Nigeria", "NGA", "Borno", (4, 6, 14, 13)), ("Mexico", "MEX", "Guerrero", (-110, 17, -88, 30)),
          ("Colombia", "COL", "Cauca", (-77, 1, -72, 8)), ("Ukraine", "UKR", "Donetsk", (23, 46, 40, 52)),
          ("Sudan", "SDN", "Khartoum", (22, 10, 36, 20)), ("Myanmar", "MMR", "Shan", (93, 16, 101, 26)),
          ("Philippines", "PHL", "Mindanao", (120, 6, 126, 18)), ("Syria", "SYR", "Idlib", (36, 32, 42, 37)),
          ("India", "IND", "Manipur", (70, 10, 90, 30)), ("Brazil", "BRA", "Para", (-60, -20, -40, -2))]
ACTORS = ["Military Forces", "Police Forces", "Unidentified Armed Group", "Rioters", "Protesters", "Civilians",
          "Islamic State", "Taliban", "Boko Haram", "National Liberation Army"]
START = dt.date(2022, 1, 1)


def _record(i: int, rng: random.Random) -> dict:
    etype, sub = rng.choice(TYPES)
    country, iso3, admin1, (w, s, e, n) = rng.choice(PLACES)
    date = START + dt.timedelta(days=rng.randrange(3 * 365))
    dead = rng.choice([0, 0, 0, 1, 2, 3, 5, 12])
    lat, lon = round(rng.uniform(s, n), 4), round(rng.uniform(w, e), 4)
    doc = f"bench-{i // 10}"
    sentence = f"{rng.choice(ACTORS)} attacked a village near {admin1} on {date.isoformat()}, killing {dead}."
    evidence = [{"field": f, "doc_id": doc, "start": 0, "end": 20, "text": sentence[:20], "sentence": sentence,
                 "rule": "synthetic"} for f in ("event_type", "actor1", "location", "fatalities")]
    return {
        "event_id": f"{doc}#{i:08x}", "doc_ids": [doc], "event_type": etype, "sub_event_type": sub,
        "event_date": date.isoformat(), "date_precision": "day", "codes": {},
        "actor1": {"name": rng.choice(ACTORS), "type": "rebel group", "inter": 2},
        "actor2": {"name": f"Civilians ({country})", "type": "civilians", "inter": 7},
        "location": {"name": f"Place {i % 997}", "country": country, "iso3": iso3, "admin1": admin1,
                     "latitude": lat, "longitude": lon, "geo_precision": 1},
        "fatalities": {"kind": "fatalities", "low": dead, "best": dead, "high": dead, "text": str(dead),
                       "start": 0, "end": 1} if dead else None,
        "evidence": evidence, "notes": sentence, "confidence": round(rng.uniform(0.3, 0.99), 3),
    }


def fill(url: str, n: int, seed: int = 7) -> None:
    """``n`` synthetic events (ten per document, one incident each), inserted in bulk."""
    from eventwire.store import Store
    from eventwire.store._models import DocumentRow, EventRow, IncidentMemberRow, IncidentRow

    rng = random.Random(seed)
    with Store(url) as store:
        run = store.start_run("bench_api fill")
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        with store.engine.begin() as conn:
            docs = [dict(pk=d + 1, doc_id=f"bench-{d}", content_hash=f"{d:064x}", text=f"synthetic article {d}",
                         language="en", run_id=run, pipeline_version=store.version, ingested_at=now)
                    for d in range((n + 9) // 10)]
            for start in range(0, len(docs), 5000):
                conn.execute(DocumentRow.__table__.insert(), docs[start:start + 5000])
            for start in range(0, n, 5000):
                recs = [_record(i, rng) for i in range(start, min(n, start + 5000))]
                conn.execute(IncidentRow.__table__.insert(), [
                    dict(incident_id=f"inc-{r['event_id']}", country=r["location"]["country"],
                         iso3=r["location"]["iso3"], event_date=dt.date.fromisoformat(r["event_date"]),
                         event_type=r["event_type"], n_sources=1,
                         summary={**r, "incident_id": f"inc-{r['event_id']}"}, updated_at=now) for r in recs])
                conn.execute(EventRow.__table__.insert(), [_row(k + start, r, run) for k, r in enumerate(recs)])
                conn.execute(IncidentMemberRow.__table__.insert(), [
                    dict(incident_id=f"inc-{r['event_id']}", event_pk=k + start + 1, score=1.0, reasons={"seed": True})
                    for k, r in enumerate(recs)])


def _row(i: int, r: dict, run: int) -> dict:
    loc, f = r["location"], r["fatalities"] or {}
    return dict(pk=i + 1, event_id=r["event_id"], document_pk=i // 10 + 1, run_id=run,
                event_date=dt.date.fromisoformat(r["event_date"]), date_precision="day", event_type=r["event_type"],
                sub_event_type=r["sub_event_type"], country=loc["country"], iso3=loc["iso3"], admin1=loc["admin1"],
                location=loc["name"], latitude=loc["latitude"], longitude=loc["longitude"],
                fatalities_low=f.get("low"), fatalities_best=f.get("best"), fatalities_high=f.get("high"),
                confidence=r["confidence"], incident_id=f"inc-{r['event_id']}", record=r)


CALLS = {
    "events: first page": ("/api/events", {"limit": 50}),
    "events: country": ("/api/events", {"country": "Nigeria", "limit": 50}),
    "events: country + type + dates": ("/api/events", {"country": "PAK", "event_type": "Battles",
                                                        "since": "2023-01-01", "until": "2023-06-30", "limit": 50}),
    "events: map view (bbox) + min confidence": ("/api/events", {"bbox": "60,20,80,40", "min_confidence": 0.5,
                                                                 "limit": 50}),
    "events: page 100": ("/api/events", {"offset": 4950, "limit": 50}),
    "events: actor": ("/api/events", {"actor": "taliban", "limit": 50}),
    "events: text search": ("/api/events", {"q": "village near kandahar", "limit": 50}),
    "incidents: first page": ("/api/incidents", {"limit": 50}),
    "map: whole world (zoom 2)": ("/api/map", {"cell": 360 / (256 * 4) * 40, "bbox": "-180,-85,180,85"}),
    "map: one region (zoom 5)": ("/api/map", {"cell": 360 / (256 * 32) * 40, "bbox": "55,20,80,40"}),
    "timeline: all": ("/api/timeline", {}),
}


def server_cpu_ms(pid: int) -> float:
    """CPU time the server process has used (user + system), from /proc: what a call costs
    whatever else the machine is doing."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def time_calls(base, requests: int, deadline: float) -> tuple[dict[str, list[float]], dict[str, float]]:
    import httpx

    out: dict[str, list[float]] = {}
    cpu: dict[str, float] = {}
    with httpx.Client(base_url=base, timeout=60) as client:
        for name, (path, params) in CALLS.items():
            client.get(path, params=params).raise_for_status()  # warm
            times = []
            cpu0 = server_cpu_ms(base.pid)
            for _ in range(requests):
                if time.monotonic() > deadline:
                    break
                t0 = time.perf_counter()
                client.get(path, params=params).raise_for_status()
                times.append((time.perf_counter() - t0) * 1000)
            out[name] = times
            cpu[name] = (server_cpu_ms(base.pid) - cpu0) / max(1, len(times))
    return out, cpu


def time_page(base: str, loads: int, deadline: float) -> list[float]:
    """Milliseconds from navigation to the page's ready mark (map, timeline and table drawn)."""
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver_path):
        print("page ready: skipped (Debian chromium and chromium-driver not installed)", file=sys.stderr)
        return []
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,860"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    out = []
    try:
        for k in range(loads + 1):
            if time.monotonic() > deadline:
                break
            driver.get(base + "/?_=" + str(k))
            t_end = time.monotonic() + 30
            while driver.execute_script("return document.body.dataset.ready") != "1" and time.monotonic() < t_end:
                time.sleep(0.02)
            ms = driver.execute_script("return Number(document.body.dataset.readyMs)")
            if k:  # the first load warms the browser's cache and process
                out.append(float(ms))
    finally:
        driver.quit()
    return out


def pct(times: list[float], q: float) -> float:
    if not times:
        return float("nan")
    if len(times) == 1:
        return times[0]
    return statistics.quantiles(times, n=100, method="inclusive")[int(q) - 1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=60, help="timed requests per call")
    ap.add_argument("--page-loads", type=int, default=5)
    ap.add_argument("--time-limit", type=float, default=600, help="seconds for the timed part in all")
    ap.add_argument("--db", help="database URL (default: a fresh SQLite file in a temporary folder)")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--reuse", action="store_true", help="with --db: keep the events already there (no fill)")
    args = ap.parse_args(argv)
    from eventwire.web._process import served

    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        t0 = time.perf_counter()
        if not (args.reuse and args.db):
            fill(url, args.events)
        else:
            from eventwire.store import Store

            with Store(url) as store:  # migrates, as the server would
                args.events = store.counts()["events"]
        print(f"{args.events} events ready in {time.perf_counter() - t0:.1f}s ({url.split('://')[0]})", file=sys.stderr)
        deadline = time.monotonic() + args.time_limit
        with served(url, extra_args=("--read-only",)) as base:
            results, cpu = time_calls(base, args.requests, deadline)
            page = time_page(base, args.page_loads, deadline)
    rows = {name: {"n": len(t), "p50_ms": round(pct(t, 50), 1), "p95_ms": round(pct(t, 95), 1),
                   "server_cpu_ms": round(cpu[name], 1)} for name, t in results.items()}
    if page:
        rows["page ready (browser)"] = {"n": len(page), "p50_ms": round(pct(page, 50), 1),
                                        "p95_ms": round(pct(page, 95), 1)}
    print(f"{'call':45} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'server CPU ms/call':>19}")
    for name, r in rows.items():
        print(f"{name:45} {r['n']:>4} {r['p50_ms']:>8} {r['p95_ms']:>8} {r.get('server_cpu_ms', ''):>19}")
    load = os.getloadavg()
    print(f"load average during the run: {load[0]:.1f} (machine cores: {os.cpu_count()})")
    if args.json:
        Path(args.json).write_text(json.dumps({"events": args.events, "calls": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
