"""The :class:`Gazetteer`: exact, alias and fuzzy lookup over the compiled tables.

Entries come back as :class:`~eventwire.records.GeoEntry`. Sources are layered:
the embedded GeoNames set, the alias table, and (when imported) a local
GeoNames index for villages the embedded set lacks.
"""
from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import replace
from typing import Iterable, Protocol

from ..records import GeoEntry
from ._aliases import AliasRow
from ._compiled import BARE_DIRECTIONS, COUNTRY_BASE, DIV_BASE, Compiled, strip_admin_term
from ._fold import fold, skeleton

ALIAS_BASE = 3_000_000
# continents, oceans, seas, gulfs, bays, straits, channels and regions wider than a province:
# known by name the world over, and never the town an event happened in
REGION_CODES = frozenset({"CONT", "OCN", "SEA", "GULF", "BAY", "STRT", "CHN", "RGN", "PEN"})
_WATER_CODES = frozenset({"OCN", "SEA", "GULF", "BAY", "STRT", "CHN"})
# The usual short forms of a name's first word, both ways (GeoNames writes "St. Louis" but
# "Mount Pleasant"; the press writes "Mt. Pleasant" and "Ft. Worth").
_SHORT = {"mt": "mount", "ft": "fort", "st": "saint", "pt": "point"}
NAME_ABBREVIATIONS = {**_SHORT, **{v: k for k, v in _SHORT.items()}}


def spelled_out(key: str) -> str:
    """A folded name with its short first word written out ("mt pleasant" -> "mount pleasant")."""
    first, _, rest = key.partition(" ")
    return f"{_SHORT[first]} {rest}" if rest and first in _SHORT else key


def own_name(name: str, key: str) -> bool:
    """Is ``key`` (a folded name as written) the place's own ``name``, not an alternate? A
    short first word counts as written out: "Mt. Pleasant" is as much the name of Mount
    Pleasant, S.C., as of the "Mt Pleasant" GeoNames spells so, and the spelling must not
    pick one namesake over the other."""
    return spelled_out(fold(name)) == spelled_out(key)


class ExtraSource(Protocol):
    """A further source of entries (the imported GeoNames index)."""

    def lookup(self, key: str) -> list[GeoEntry]: ...


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


NEIGHBOURHOOD_NAMESAKE = 100_000  # a city this large keeps its name from a neighbourhood elsewhere
_POST_HALF = re.compile(r"^(Fort \S.*?) (?:North|South|East|West)$")
METROPOLIS = 1_000_000  # a city whose own districts GeoNames may list as towns of 100,000+
METROPOLIS_KM = 20  # how far from such a city's point its districts lie
_COMPASS_WORD = re.compile(r"^(?:north|south|east|west|central|upper|lower)\s+", re.IGNORECASE)


_NISBA = re.compile(r"(iy{1,2}a)h?$")


def _nisba_spellings(key: str) -> list[str]:
    """Other spellings of an Arabic name's closing '-iya' (a town named for a person, a
    family or a trait: Diwaniya, Nasiriya, Yusufiyah) as transliterations write it: with or
    without the final 'h', with one 'y' or two."""
    m = _NISBA.search(key)
    if not m or m.start() < 3:
        return []
    stem = key[:m.start()]
    forms = [stem + e for e in ("iya", "iyah", "iyya", "iyyah")]
    return [f for f in forms if f != key]


def _district_of(e: GeoEntry, metropolises: list[GeoEntry]) -> bool:
    """A namesake that lies within a city of a million is one of its districts, however many
    live there ("Washington Heights" of Manhattan): a reader knows it as that city's part, and
    it leaves the name to a neighbourhood of another city's paper ("Washington Heights" of a
    Chicago paper); a city of its own ("Austin", Texas) keeps it."""
    return any(m is not e and m.population > e.population and
               distance_km(m.latitude, m.longitude, e.latitude, e.longitude) < METROPOLIS_KM for m in metropolises)


class Gazetteer:
    """Place names to GeoNames-style entries. Build with :func:`default_gazetteer`."""

    def __init__(self, compiled: Compiled, aliases: Iterable[AliasRow] = (),
                 admin_terms: tuple[str, ...] = (), extra: list[ExtraSource] | None = None,
                 first_level_terms: tuple[str, ...] = ()) -> None:
        self._c = compiled
        self.admin_terms = admin_terms
        self.first_level_terms = first_level_terms
        self.extra: list[ExtraSource] = list(extra or [])
        self._iso2 = {c: k for k, c in enumerate(compiled.ctry_iso2) if compiled.ctry_gid[k]}
        self._capitals = frozenset(i for i in compiled.ctry_capital if i >= 0)
        self._alias_ids: dict[str, list[int]] = {}
        self._alias_entries: list[GeoEntry] = []
        self._alias_names: list[str] = []
        self._entry = functools.lru_cache(maxsize=50_000)(self._build_entry)
        # an unknown name is most often repeated in its article: its near spellings are scored once
        self._near = functools.lru_cache(maxsize=10_000)(self._near_keys)
        self._joined: dict[int, dict[str, list[int]]] = {}  # min population -> joined name -> ids
        self._add_aliases(list(aliases))

    # -- ids and entries --------------------------------------------------
    def _ids(self, key: str) -> list[int]:
        c = self._c
        i = bisect.bisect_left(c.keys, key)
        if i < len(c.keys) and c.keys[i] == key:
            return list(c.ids[c.key_start[i]:c.key_start[i + 1]])
        return []

    def entry(self, ident: int) -> GeoEntry:
        return self._entry(ident)

    def _country_fields(self, k: int) -> tuple[str, str, str]:
        c = self._c
        return c.ctry_names[k], c.ctry_iso2[k], c.ctry_iso3[k]

    def _build_entry(self, ident: int) -> GeoEntry:
        c = self._c
        if ident >= ALIAS_BASE:
            return self._alias_entries[ident - ALIAS_BASE]
        if ident >= COUNTRY_BASE:
            k = ident - COUNTRY_BASE
            name, iso2, iso3 = self._country_fields(k)
            return GeoEntry(c.ctry_gid[k], name, c.ctry_lat[k], c.ctry_lon[k], "A", "PCLI",
                            name, iso2, iso3, population=int(c.ctry_pop[k]))
        if ident >= DIV_BASE:
            j = ident - DIV_BASE
            country, iso2, iso3 = self._country_fields(c.div_country[j])
            level = c.div_level[j]
            parent = c.div_parent[j]
            admin1 = c.div_names[j] if level == 1 else (c.div_names[parent] if parent >= 0 else None)
            admin2 = c.div_names[j] if level == 2 else None
            return GeoEntry(c.div_gid[j] or None, c.div_names[j], c.div_lat[j], c.div_lon[j], "A",
                            f"ADM{level}", country, iso2, iso3, admin1, admin2,
                            population=int(c.div_pop[j]))
        country, iso2, iso3 = self._country_fields(c.city_country[ident])
        a1, a2 = c.city_adm1[ident], c.city_adm2[ident]
        return GeoEntry(c.city_gid[ident], c.city_names[ident], c.city_lat[ident], c.city_lon[ident],
                        "P", "PPLC" if ident in self._capitals else "PPL", country, iso2, iso3,
                        c.div_names[a1] if a1 >= 0 else None, c.div_names[a2] if a2 >= 0 else None,
                        population=c.city_pop[ident])

    # -- aliases ----------------------------------------------------------
    def _add_aliases(self, rows: list[AliasRow]) -> None:
        self._alias_names = [r.name for r in rows]
        places = [r for r in rows if r.kind == "place"]
        for r in places:  # places first: aliases may point at them
            k = self._iso2.get(r.country)
            country, iso3 = (self._c.ctry_names[k], self._c.ctry_iso3[k]) if k is not None else (None, None)
            fclass = ("H" if r.feature_code in _WATER_CODES else "L" if r.feature_code in REGION_CODES
                      else "P")
            entry = GeoEntry(r.geonameid, r.name, r.latitude or 0.0, r.longitude or 0.0, fclass,
                             r.feature_code or "PPL", country, r.country or None, iso3,
                             r.admin1 or None, r.admin2 or None)
            self._alias_entries.append(entry)
            self._alias_ids.setdefault(fold(r.name), []).append(ALIAS_BASE + len(self._alias_entries) - 1)
        for r in rows:
            if r.kind != "alias":
                continue
            # an alias row's feature_code, when given, narrows its target ("Washington" the city)
            targets = [i for i in self._lookup_ids(fold(r.target)) if (self.entry(i).iso2 or "") == r.country
                       and (not r.feature_code or self.entry(i).feature_code == r.feature_code)]
            best: dict[str, int] = {}  # the most populous target per feature code
            for i in targets:
                code = self.entry(i).feature_code
                if code not in best or self.entry(i).population > self.entry(best[code]).population:
                    best[code] = i
            targets = list(best.values())
            if targets:
                ids = self._alias_ids.setdefault(fold(r.name), [])
                ids.extend(i for i in targets if i not in ids)

    def add_neighbourhoods(self, rows: Iterable[dict[str, str]]) -> None:
        """Add the city neighbourhoods (data/geo/neighbourhoods.csv) the gazetteer lacks in
        their state, at their city's point: a "Madisonville" of a Cincinnati paper then has a
        candidate in Cincinnati. They feed no name pattern: NER or a place cue finds them. A name
        that a US city of 100,000 or more bears, with or without a compass word ("Oakland", "West
        Oakland", "Austin"), is left to that city: alone or in a dateline it means the city."""
        metropolises = [e for n in self.city_names(METROPOLIS) for e in self._us_towns(n) if e.population >= METROPOLIS]
        for r in rows:
            state = fold(r["admin1"])
            if any(fold(e.admin1 or "") == state for e in self._us_towns(r["name"])) or any(
                    e.population >= NEIGHBOURHOOD_NAMESAKE and not _district_of(e, metropolises)
                    for e in self._us_towns(_COMPASS_WORD.sub("", r["name"]))):
                continue
            city = max((e for e in self.lookup(r["city"]) if e.feature_class == "P" and e.iso2 == "US"
                        and fold(e.admin1 or "") == state), key=lambda e: e.population, default=None)
            if city is None:
                continue
            self._alias_entries.append(GeoEntry(None, r["name"], city.latitude, city.longitude, "P", "PPLX",
                                                city.country, "US", city.iso3, r["admin1"], r["admin2"]))
            self._alias_ids.setdefault(fold(r["name"]), []).append(ALIAS_BASE + len(self._alias_entries) - 1)

    def add_post_halves(self) -> None:
        """A military post the census splits into halves ("Fort Riley North", "Fort Polk
        South") and the table lists by its halves only: the post's own name, which reports
        write ("a soldier at Fort Riley"), finds its larger half. Only where no place bears the
        post's name."""
        halves: dict[str, list[GeoEntry]] = {}
        for name in self.city_names(0):
            m = _POST_HALF.match(name)
            if m and not self.lookup(m.group(1)):
                halves.setdefault(m.group(1), []).extend(self._us_towns(name))
        for post, towns in sorted(halves.items()):
            if not towns:
                continue
            town = max(towns, key=lambda e: e.population)
            self._alias_entries.append(replace(town, geonameid=None, name=post))
            self._alias_ids.setdefault(fold(post), []).append(ALIAS_BASE + len(self._alias_entries) - 1)

    def _us_towns(self, name: str) -> list[GeoEntry]:
        return [e for e in self.lookup(name) if e.feature_class == "P" and e.iso2 == "US"]

    # -- lookup -----------------------------------------------------------
    def _lookup_ids(self, key: str) -> list[int]:
        ids = self._alias_ids.get(key, []) + self._ids(key)
        first, _, rest = key.partition(" ")
        if rest and first in NAME_ABBREVIATIONS:
            # "Mt. Pleasant" and "Mount Pleasant", "St. Louis" and "Saint Louis": one name
            other = NAME_ABBREVIATIONS[first] + " " + rest
            ids += self._alias_ids.get(other, []) + self._ids(other)
        if not ids:
            for other in _nisba_spellings(key):
                # "Diwaniya" / "Diwaniyah", "Nasiriya" / "Nasiriyah" / "Nasiriyya": one name
                ids += self._alias_ids.get(other, []) + self._ids(other)
        if not ids and self.admin_terms:
            base = strip_admin_term(key, self.admin_terms)
            if base in BARE_DIRECTIONS:
                base = None  # "the North Zone" of a city is no province called "North"
            if base:  # "Bolan district": the district itself, if its base name is known
                ids = [i for i in self._alias_ids.get(base, []) + self._ids(base)
                       if DIV_BASE <= i < COUNTRY_BASE or i >= ALIAS_BASE]
            if base and self._first_level_term(key):  # "Kachin State": a province, not a district
                ids = [i for i in ids if self.entry(i).feature_code == "ADM1"]
        seen: set[int] = set()
        return [i for i in ids if not (i in seen or seen.add(i))]

    def _first_level_term(self, key: str) -> bool:
        """Does the name end in (or open with) a term that only a first-level unit carries?"""
        return any(key.endswith(" " + t) or key.startswith(t + " of ") for t in self.first_level_terms)

    def lookup(self, name: str) -> list[GeoEntry]:
        """Every entry known by this name (embedded, aliases, imported), unranked."""
        key = fold(name)
        if not key:
            return []
        out = [self.entry(i) for i in self._lookup_ids(key)]
        if self.extra:
            have = {e.geonameid for e in out if e.geonameid}
            for src in self.extra:
                out.extend(e for e in src.lookup(key) if not e.geonameid or e.geonameid not in have)
        return out

    def __contains__(self, name: str) -> bool:
        return bool(self.lookup(name))

    def fuzzy(self, name: str, *, limit: int = 5, cutoff: float = 88.0) -> list[tuple[GeoEntry, float]]:
        """Near spellings ("Mogadisho"): names sharing the first letter, scored by rapidfuzz."""
        key = fold(name)
        if len(key) < 4:
            return []
        out = []
        for match, score in self._near(key, limit, cutoff):
            out.extend((self.entry(i), score) for i in self._ids(match))
        return out

    def _near_keys(self, key: str, limit: int, cutoff: float) -> tuple[tuple[str, float], ...]:
        """The names sharing ``key``'s first letter that rapidfuzz scores at ``cutoff`` or more, best first."""
        from rapidfuzz import fuzz, process

        keys = self._c.keys
        lo = bisect.bisect_left(keys, key[0])
        hi = bisect.bisect_left(keys, chr(ord(key[0]) + 1))
        found = process.extract(key, keys[lo:hi], scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff)
        return tuple((match, score) for match, score, _ in found)

    def by_skeleton(self, name: str) -> list[GeoEntry]:
        """Divisions and towns of 10,000+ people whose name has the same consonant
        skeleton ("Idleb" finds Idlib): a last resort for transliterations.
        The index is built with the compiled tables (``_compiled.skeleton_index``)."""
        sk = skeleton(fold(name))
        if not sk:
            return []
        c = self._c
        i = bisect.bisect_left(c.skel_keys, sk)
        if i < len(c.skel_keys) and c.skel_keys[i] == sk:
            return [self.entry(j) for j in c.skel_ids[c.skel_start[i]:c.skel_start[i + 1]]]
        return []

    def country(self, code_or_name: str) -> GeoEntry | None:
        """A country by ISO alpha-2 code or by name."""
        k = self._iso2.get(code_or_name.upper())
        if k is not None:
            return self.entry(COUNTRY_BASE + k)
        return next((e for e in self.lookup(code_or_name) if e.feature_code == "PCLI"), None)

    # -- name lists for the entity ruler ----------------------------------
    def country_names(self) -> list[str]:
        c = self._c
        return [n for k, n in enumerate(c.ctry_names) if c.ctry_gid[k]]

    def country_aliases(self) -> list[str]:
        """Other names of countries ("Democratic Republic of the Congo", "DR Congo")."""
        c = self._c
        return [a for k, names in enumerate(c.ctry_aliases) if c.ctry_gid[k] for a in names]

    def division_names(self, level: int) -> list[str]:
        c = self._c
        return [n for j, n in enumerate(c.div_names) if c.div_level[j] == level]

    def city_names(self, min_population: int) -> list[str]:
        c = self._c
        return [n for i, n in enumerate(c.city_names) if c.city_pop[i] >= min_population]

    def alias_names(self) -> list[str]:
        return list(self._alias_names)

    def by_joined_name(self, key: str, min_population: int) -> list[GeoEntry]:
        """Towns of ``min_population`` or more and provinces whose name, in its letters only,
        is ``key`` ("sanantonio", "newjersey"): a place as a web address writes it."""
        if min_population not in self._joined:
            self._joined[min_population] = self._joined_index(min_population)
        return [self.entry(i) for i in self._joined[min_population].get(key, ())]

    def _joined_index(self, min_population: int) -> dict[str, list[int]]:
        c = self._c
        out: dict[str, list[int]] = {}
        towns = (i for i, n in enumerate(c.city_pop) if n >= min_population)
        provinces = (DIV_BASE + j for j, level in enumerate(c.div_level) if level == 1)
        for ident in (*towns, *provinces):
            key = "".join(ch for ch in fold(self.entry(ident).name) if ch.isalpha())
            if key:
                out.setdefault(key, []).append(ident)
        return out

    def division_by_code(self, code: str) -> GeoEntry | None:
        """A division by its GeoNames code ("PK.02", "PK.02.1167527")."""
        j = self._div_codes().get(code)
        return None if j is None else self.entry(DIV_BASE + j)

    @functools.cached_property
    def _div_code_map(self) -> dict[str, int]:
        return {code: j for j, code in enumerate(self._c.div_codes) if code}

    def _div_codes(self) -> dict[str, int]:
        return self._div_code_map

    def demonym_country(self, word: str) -> GeoEntry | None:
        """'Russian', 'Russians' -> Russia (countryinfo's demonyms, and their plurals in -ans, -is)."""
        k = self._demonyms.get(fold(word))
        return None if k is None else self.entry(COUNTRY_BASE + k)

    @functools.cached_property
    def _demonyms(self) -> dict[str, int]:
        c = self._c
        out: dict[str, int] = {}
        # "Indian" is also the demonym of British Indian Ocean Territory: the larger country wins
        for k in sorted(range(len(c.ctry_demonym)), key=lambda k: c.ctry_pop[k]):
            if c.ctry_demonym[k] and c.ctry_gid[k]:
                word = fold(c.ctry_demonym[k])
                out[word] = k
                if word.endswith(("an", "i")):
                    out[word + "s"] = k  # the people: "Mexicans", "Iraqis"
        return out

    def by_geonameid(self, geonameid: int) -> GeoEntry | None:
        """An embedded entry by GeoNames id (cities, divisions, countries)."""
        ident = self._gid_map.get(geonameid)
        return None if ident is None else self.entry(ident)

    def seat(self, division: GeoEntry) -> GeoEntry | None:
        """The most populous town listed under a first-level division: its capital in most
        countries, where a coder puts an event known only to have happened in the province."""
        ident = self._gid_map.get(division.geonameid) if division.geonameid else None
        if ident is None or not DIV_BASE <= ident < COUNTRY_BASE or division.feature_code != "ADM1":
            return None
        town = self._seats.get(ident - DIV_BASE)
        return None if town is None else self.entry(town)

    def province_town_km(self, province: GeoEntry, lat: float, lon: float) -> float | None:
        """How far (lat, lon) lies from the nearest town listed under a first-level division:
        a few km for a place at its edge, however large the province. None where the division
        is not an embedded one or lists no town."""
        ident = self._gid_map.get(province.geonameid) if province.geonameid else None
        if ident is None or not DIV_BASE <= ident < COUNTRY_BASE or province.feature_code != "ADM1":
            return None
        rows = self._province_towns.get(ident - DIV_BASE)
        if not rows:
            return None
        c = self._c
        # a degree of latitude is ~111 km: only towns within a box of ~2 degrees are measured
        near = [i for i in rows if abs(c.city_lat[i] - lat) < 2 and abs(c.city_lon[i] - lon) < 3]
        return min((distance_km(lat, lon, c.city_lat[i], c.city_lon[i]) for i in near), default=None)

    @functools.cached_property
    def _province_towns(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for i, a1 in enumerate(self._c.city_adm1):
            if a1 >= 0:
                out.setdefault(a1, []).append(i)
        return out

    @functools.cached_property
    def _seats(self) -> dict[int, int]:
        c = self._c
        best: dict[int, int] = {}
        for i, a1 in enumerate(c.city_adm1):
            if a1 >= 0 and (a1 not in best or c.city_pop[i] > c.city_pop[best[a1]]):
                best[a1] = i
        return best

    @functools.cached_property
    def _gid_map(self) -> dict[int, int]:
        c = self._c
        out = {g: COUNTRY_BASE + k for k, g in enumerate(c.ctry_gid) if g}
        out.update((g, DIV_BASE + j) for j, g in enumerate(c.div_gid) if g > 0 and g not in out)
        out.update((g, i) for i, g in enumerate(c.city_gid) if g not in out)
        return out

    @property
    def size(self) -> dict[str, int]:
        c = self._c
        return {"countries": sum(1 for g in c.ctry_gid if g), "divisions": len(c.div_names),
                "places": len(c.city_names), "names": len(c.keys), "aliases": len(self._alias_ids)}
