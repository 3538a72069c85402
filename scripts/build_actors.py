#!/usr/bin/env python3
"""Build the package's actor dictionary from the project's actor folder.

    python scripts/build_actors.py ../shared/data/actors -o src/eventwire/data

Reads ``actors.csv`` (UCDP-derived, CC BY 4.0) and ``curated/countries.csv``
from the actor folder and writes two package files:

- ``actors.csv``: one row per actor with its ACLED inter code; aliases split
  into ``aliases`` (tagged in text) and ``lookup_aliases`` (used only to
  match names, never tagged: place names, demonyms, ordinary words and
  "Government of X", which names a government rather than its forces).
- ``actor_countries.csv``: country names, demonyms and other spellings.

The package never reads the actor folder at run time; run this again when the
folder changes and commit the output.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

INTER = {"state forces": 1, "rebel group": 2, "political militia": 3, "political party": 3,
         "identity militia": 4, "rioters": 5, "protesters": 6, "civilians": 7,
         "external forces": 8, "other": 8}

ACTORS_HEADER = (
    "# eventwire actor dictionary, built by scripts/build_actors.py from the project's actor folder. "
    "Source: UCDP Actor Dataset v24.1 and v26.1 additions (Uppsala Conflict Data Program, "
    "Department of Peace and Conflict Research, Uppsala University; CC BY 4.0; attribution required), "
    "plus aliases, state-force rows and mission rows written for eventwire. "
    "inter = ACLED actor-type code (1 state forces, 2 rebel groups, 3 political militias, "
    "4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces); "
    "types are mapped from UCDP's Org code and are approximate, not ACLED's coding."
)
COUNTRIES_HEADER = (
    "# Countries, demonyms and other spellings (written for eventwire from general knowledge; "
    "present-day names as used by ACLED-style actor names). Built by scripts/build_actors.py."
)


def _read_stoplist(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#")}


def _place_names(countries: list[dict]) -> set[str]:
    """Names an alias must not share: countries, their other names and demonyms, ISO subdivisions."""
    import pycountry

    names = set()
    for row in countries:
        names.add(row["country"].lower())
        names.add(row["demonym"].lower())
        names.update(n.lower() for n in row["other_names"].split("|") if n)
    for c in pycountry.countries:
        names.add(c.name.lower())
    names.update(s.name.lower() for s in pycountry.subdivisions)
    return names


def _lookup_only(alias: str, places: set[str], stop: set[str]) -> bool:
    low = alias.lower()
    if low in stop or low.startswith("government of"):
        return True
    # acronyms are tagged case-sensitively, so "TAK" does not collide with Tak province
    if low in places and not alias.isupper():
        return True
    return sum(ch.isalnum() for ch in alias) < 2  # "/ /"


ADDITIONS = Path(__file__).with_name("actor_additions.csv")


def _union(old: str, new: str) -> str:
    items = [x for x in old.split("|") if x]
    return "|".join(items + [x for x in new.split("|") if x and x not in items])


def _with_additions(rows: list[dict], path: Path) -> list[dict]:
    """The folder's rows with eventwire's own additions (aliases, countries, new actors)."""
    with open(path, encoding="utf-8", newline="") as fh:
        additions = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    by_key = {r["source_id"]: r for r in rows}
    for a in additions:
        row = by_key.get(a["key"])
        if row is None:
            row = {"source_id": a["key"], "name": a["name"], "aliases": "", "country": "",
                   "actor_type": a["actor_type"]}
            rows.append(row)
            by_key[a["key"]] = row
        row["aliases"] = _union(row["aliases"], a["add_aliases"])
        row["country"] = _union(row["country"], a["country"])
    return rows


def build(folder: Path, out: Path) -> tuple[int, int]:
    with open(folder / "curated" / "countries.csv", encoding="utf-8", newline="") as fh:
        countries = list(csv.DictReader(fh))
    stop = _read_stoplist(out / "actor_alias_stoplist.txt")
    places = _place_names(countries)
    with open(folder / "actors.csv", encoding="utf-8", newline="") as fh:
        rows = _with_additions(list(csv.DictReader(fh)), ADDITIONS)
    with open(out / "actors.csv", "w", encoding="utf-8", newline="") as fh:
        fh.write(ACTORS_HEADER + "\n")
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["key", "name", "aliases", "lookup_aliases", "country", "actor_type", "inter"])
        for r in rows:
            aliases = [a for a in r["aliases"].split("|") if a]
            tagged = [a for a in aliases if not _lookup_only(a, places, stop)]
            lookup = [a for a in aliases if a not in tagged]
            w.writerow([r["source_id"], r["name"], "|".join(tagged), "|".join(lookup),
                        r["country"], r["actor_type"], INTER[r["actor_type"]]])
    with open(out / "actor_countries.csv", "w", encoding="utf-8", newline="") as fh:
        fh.write(COUNTRIES_HEADER + "\n")
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["country", "demonym", "other_names"])
        for row in countries:
            w.writerow([row["country"], row["demonym"], row["other_names"]])
    return len(rows), len(countries)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, help="the actor folder (with actors.csv and curated/)")
    ap.add_argument("-o", "--out", type=Path, default=Path("src/eventwire/data"))
    args = ap.parse_args(argv)
    n_actors, n_countries = build(args.folder, args.out)
    print(f"wrote {n_actors} actors and {n_countries} countries to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
