"""Resolving each place mention to one gazetteer entry, using the document as context.

Score = prior (feature type, population) + agreement with the document: the
countries and provinces it names, the place that qualifies the mention
("Quetta in Balochistan"), the noun after it ("Bolan district"), and distance
to places already resolved without doubt. Two passes: unambiguous names first,
then everything with their context. A close second keeps the confidence low
rather than pretending: "Tripoli" with no context stays at ~0.5.
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, replace

from ..gazetteer import REGION_CODES, distance_km, fold, own_name
from ..gazetteer._fold import skeleton
from ..records import GeoEntry
from ._focus import CITY_KM, NO_FOCUS, Focus
from ._places import STATE_ABBREVIATION as _STATE_ABBREVIATION, Toponym

ADMIN_HEADS = {"district": "ADM2", "province": "ADM1", "state": "ADM1", "governorate": "ADM1",
               "region": "ADM1", "county": "ADM2", "division": "ADM2", "tehsil": "ADM2",
               "subdistrict": "ADM2", "sub-district": "ADM2", "prefecture": "ADM2",
               "lga": "ADM2"}  # Nigeria's local government area
TOWN_HEADS = frozenset({"village", "town", "city", "township", "locality", "area", "camp",
                        "neighbourhood", "neighborhood", "section", "suburb", "outskirts"})
MAX_CANDIDATES = 40
# Words of a district that, where the gazetteer lacks it, is read as the town it is named after
SEAT_WORDS = frozenset({"upazila", "taluka", "municipality", "commune"})
SEAT_RULE = "geo.resolve.seat"
PART_HEADS = frozenset({"neighbourhood", "neighborhood", "section"})  # "the Homewood section"
PART_KM = 60  # how far from a town the text names a neighbourhood of that town may lie
# The article's focus (title, dateline, lede: see _focus) as a prior, scaled by its share.
FOCUS_COUNTRY = 2.5
FOCUS_ADMIN1 = 1.0
# A place in the outlet's own country (Focus.outlet_country: its national web domain's, or its home's)
OUTLET_COUNTRY = 4.0
# A namesake around the outlet's home (its web address's town or province: see _focus)
OUTLET_HOME = 2.0
OUTLET_KM = 150  # a local newsroom's area, as _focus.NEAR_KM
# ... and more for a namesake in the outlet's own city and its suburbs ("Kensington" of a
# Philadelphia paper is its neighbourhood, not the larger Kensington on Long Island)
OUTLET_CITY = 0.5  # within _focus.CITY_KM of the outlet's town
# The outlet's own town by its own name: what a local paper means by its town's bare name
OUTLET_TOWN = 5.0
OUTLET_TOWN_KM = 25
# Other names of the text that could lie in a candidate's province (see _support)
SUPPORT = 1.0
SUPPORT_CAP = 3.0
# Other names of the text with a namesake near a candidate (see _neighbours)
NEIGHBOUR = 1.0
NEIGHBOUR_CAP = 3
NEIGHBOUR_KM = 50
# A small namesake of a place known everywhere needs this much support to be meant
SMALL_NAMESAKE = 100_000
NAMESAKE_SUPPORT = 1.0
# ... and a village of that name (fewer people than this) needs the text's places around it
NAMESAKE_TOWN = 10_000
VILLAGE_NEIGHBOURS = 2  # two names, not one: a name as common as "Washington" lies near any village
MILLION = 1_000_000
# A namesake abroad that neither the sentence nor the article's focus supports.
ABROAD = 3.0
PROMINENT = 100_000
DISTRICT_KM = 90  # how far from a district's centre a place filed under another district may lie
MOVED_UNIT_KM = 120  # how far from a province's centre a unit filed elsewhere may lie
EDGE_KM = 30  # how far from a province's nearest town a town filed under its neighbour may lie
STRONG_FOCUS = 0.75  # the focus's vote share above which an unsupported place abroad is dropped
# A village on the front line the text's cues speak of (lexicon ``country_cues.*.line``) is
# worth this much over its namesakes, less with its distance from the line, none beyond LINE_KM
LINE_BONUS = 3.0
LINE_KM = 40
# a town's name, a hyphen and a number: a numbered part of the town ("Zolote-5")
_NUMBERED = re.compile(r"^([A-Z][\w'\u2019]+(?: [A-Z][\w'\u2019]+)*)-(\d{1,2})$")
# "South Los Angeles", "Southwest Baltimore", "N. Houston": a part of a city the gazetteer
# has no entry for; the city itself stands for it (at geo_precision 2)
_COMPASS = re.compile(r"^(?:(?:north|south)(?:-?(?:east|west))?|east|west|[NSEW]\.)\s+", re.IGNORECASE)
COMPASS_CITY = 50_000  # a city large enough to have a "South Side"
PROVINCE_TOWN = 20_000  # a province's namesake town large enough to be its seat
# "the East Side", "the West End": a part of a city by its name's form, wherever it is
_CITY_SIDE = re.compile(r"^(?:the\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
                        r"\s+(?:side|end)$", re.IGNORECASE)
_ARTICLE = re.compile(r"^(al|el|ad|ar|as|ash|an|az|at) ")


@dataclass(frozen=True, slots=True)
class Resolved:
    toponym: Toponym
    entry: GeoEntry | None
    confidence: float
    candidates: int
    rule: str


@dataclass(slots=True)
class Context:
    """What the document says about where it is."""

    countries: Counter  # iso2 -> weight
    admin1: Counter  # (iso2, folded admin1) -> weight
    anchors: list[GeoEntry]  # resolved without doubt
    focus: Focus = NO_FOCUS
    named: dict | None = None  # sentence start -> countries the sentence names
    # (iso2, folded admin1) -> how many of the text's names could lie there, each name
    # counting 1 shared among the provinces its namesakes lie in; ``own``: each name's share
    support: Counter | None = None
    own: dict | None = None
    counties: dict | None = None  # (iso2, folded admin1, folded county) -> the names naming it
    # (iso2, folded admin1) of the provinces the text's cues speak of (a monitoring mission's)
    cue_provinces: frozenset = frozenset()
    provinces_named: frozenset = frozenset()  # (iso2, folded name) of the provinces the text names
    # (geonameid, lat, lon) of a town or district candidate -> how many of the text's other
    # names have a town or district candidate near it (see _neighbours)
    neighbours: dict | None = None
    # (geonameid, lat, lon) of an anchor taken, unsure, from one of several namesakes of a
    # name in one province -> that name (see _first_context)
    guessed: dict | None = None


def _prior(e: GeoEntry, key: str) -> float:
    s = 0.35 * math.log10(e.population + 10)
    code = e.feature_code
    if code.startswith("PCL") or code in REGION_CODES:
        s += 2.5
    elif code == "ADM1":
        s += 1.0
    elif code == "ADM2":
        s += 0.1
    else:
        s += 0.6  # a town over a same-named district ("Quetta")
    if own_name(e.name, key) or (e.feature_code == "ADM1" and _bare_unit_name(e.name) == key):
        s += 0.5  # the name itself ("Plateau" of "Plateau State"), not an alternate
    return s


@functools.lru_cache(maxsize=8192)
def _bare_unit_name(name: str) -> str | None:
    """A unit's name without its unit word: "Plateau State" is called "Plateau" as much as
    Benin's department of that name is."""
    from ..gazetteer import admin_terms
    from ..gazetteer._compiled import strip_admin_term

    return strip_admin_term(fold(name), admin_terms())


@functools.lru_cache(maxsize=1)
def _unit_word_countries() -> dict[str, frozenset[str]]:
    """Unit words that only some countries use -> those countries (lexicon ``unit_word_countries``)."""
    from ..gazetteer import lexicon

    return {w: frozenset(c) for w, c in lexicon().get("unit_word_countries", {}).items()}


@functools.lru_cache(maxsize=1)
def _first_level_heads() -> frozenset[str]:
    from ..gazetteer import lexicon

    return frozenset(lexicon().get("first_level_terms", ()))


def _head_bonus(e: GeoEntry, head: str | None) -> float:
    if not head:
        return 0.0
    want = ADMIN_HEADS.get(head)
    if want:
        return 3.0 if e.feature_code == want else (-1.0 if e.feature_class == "P" else 0.0)
    if head in TOWN_HEADS:
        return 1.0 if e.feature_class == "P" else 0.0
    return 0.0


def _contains(outer: GeoEntry, inner: GeoEntry) -> bool:
    """Is ``inner`` inside ``outer`` (by country / admin1 / admin2 names)?"""
    if outer.iso2 != inner.iso2 or outer.geonameid == inner.geonameid and outer.name == inner.name:
        return False
    if outer.feature_code.startswith("PCL"):
        return True
    if outer.feature_code == "ADM1":
        return bool(inner.admin1) and fold(inner.admin1) == fold(outer.name)
    if outer.feature_code == "ADM2":
        return bool(inner.admin2) and fold(inner.admin2) == fold(outer.name)
    return False


def _context_bonus(e: GeoEntry, ctx: Context, key: str = "") -> float:
    s = 0.0
    total = sum(ctx.countries.values()) or 1
    if e.iso2 is None and e.feature_code in REGION_CODES:
        # a continent, ocean or sea lies beside whatever country the article speaks of: it
        # is no place abroad to its namesakes there ("the Atlantic hurricane season" of a
        # Florida station is no New Jersey county)
        f = ctx.focus
        beside = 3.0 * max(ctx.countries.values(), default=0) / total
        # ... and beside the outlet's own country ("the Atlantic" of a Tampa station)
        outlet = OUTLET_COUNTRY if f.outlet_country else 0.0
        return beside + (FOCUS_COUNTRY * f.strength if f.country else 0.0) + outlet
    if e.iso2 and ctx.countries:
        s += 3.0 * ctx.countries[e.iso2] / total
        if not e.feature_code.startswith("PCL") and ctx.countries[e.iso2] == 0:
            s -= 0.8  # the article names other countries, not this one
    if e.admin1 and ctx.admin1[(e.iso2, fold(e.admin1))]:
        s += 1.5
    f = ctx.focus
    if f.outlet_country and e.iso2 == f.outlet_country:
        s += OUTLET_COUNTRY
    if f.country and e.iso2 == f.country:
        s += FOCUS_COUNTRY * f.strength
        if f.admin1 and e.admin1 and fold(e.admin1) == f.admin1:
            s += FOCUS_ADMIN1
    if f.outlet and _around_outlet(e, f.outlet) and not _dated_elsewhere(f):
        s += OUTLET_HOME + (OUTLET_CITY if _in_outlet_city(e, f.outlet) else 0.0)
        if _outlet_town(e, key, ctx):
            s += OUTLET_TOWN
    if ctx.support and e.iso2:
        s += SUPPORT * min(SUPPORT_CAP, _near_support(e, key, ctx))
    if ctx.neighbours:
        s += NEIGHBOUR * min(NEIGHBOUR_CAP, ctx.neighbours.get((e.geonameid, e.latitude, e.longitude), 0))
    anchors = ctx.anchors
    if anchors and ctx.guessed and key:
        # a name does not anchor itself: of its namesakes, the one taken as anchor is a guess
        anchors = [a for a in anchors if ctx.guessed.get((a.geonameid, a.latitude, a.longitude)) != key]
    if anchors and e.feature_class == "P":
        near = min(distance_km(e.latitude, e.longitude, a.latitude, a.longitude) for a in anchors)
        s += 1.0 if near < 150 else (0.4 if near < 500 else 0.0)
    return s


def _around_outlet(e: GeoEntry, outlet: tuple[GeoEntry, ...]) -> bool:
    """Is a town, district or province around the outlet's home: within a newsroom's area of
    a town its web address names, or in a province it names? A country is no namesake."""
    if e.feature_code.startswith("PCL") or e.feature_code in REGION_CODES:
        return False
    a1 = fold(_admin1_of(e) or "")
    for o in outlet:
        if o.feature_code == "ADM1":
            if o.iso2 == e.iso2 and fold(o.name) == a1:
                return True
        elif e.feature_code == "ADM1" and o.population < PROMINENT:
            # a small town's paper speaks from its own state ("Georgia" of a Gainesville paper)
            if o.iso2 == e.iso2 and fold(o.admin1 or "") == a1:
                return True
        elif e.feature_code != "ADM1" and distance_km(o.latitude, o.longitude, e.latitude, e.longitude) < OUTLET_KM:
            return True
    return False


def _in_outlet_city(e: GeoEntry, outlet: tuple[GeoEntry, ...]) -> bool:
    """Is a town within the city or the suburbs of a town the outlet's address names?"""
    return e.feature_class == "P" and any(
        o.feature_class == "P" and distance_km(o.latitude, o.longitude, e.latitude, e.longitude) < CITY_KM
        for o in outlet)


def _outlet_local(e: GeoEntry, key: str, ctx: Context) -> bool:
    """The outlet's home town named by its own name, or a place around its home."""
    f = ctx.focus
    return _outlet_town(e, key, ctx) or bool(f.outlet and _around_outlet(e, f.outlet))


def _dated_elsewhere(f: Focus) -> bool:
    """Does the article's dateline place it beyond the outlet's area ("HELENA, Mont. (AP)" on
    a Memphis station's site)? Then it is a wire story the outlet carries, and its places are
    the dateline's, not the newsroom's."""
    return ("dateline" in f.source.split("+") and f.place is not None
            and all(distance_km(o.latitude, o.longitude, f.place.latitude, f.place.longitude) > OUTLET_KM
                    for o in f.outlet))


def _outlet_town(e: GeoEntry, key: str, ctx: Context) -> bool:
    """Is ``e`` the outlet's home town, named by its own name? A local paper writes its town
    bare ("the Athens City Council", "Paris police"), however famous a namesake abroad."""
    return e.feature_class == "P" and own_name(e.name, key) and any(
        o.feature_class == "P" and own_name(o.name, key)
        and distance_km(o.latitude, o.longitude, e.latitude, e.longitude) < OUTLET_TOWN_KM
        for o in ctx.focus.outlet)


def _admin1_of(e: GeoEntry) -> str | None:
    return e.admin1 or (e.name if e.feature_code == "ADM1" else None)


def _known_everywhere(e: GeoEntry, key: str) -> bool:
    """A place known by name the world over: a country, a capital, a city or a province of a
    million called by its own name ("Kansas", "Wales"), a continent, an ocean or a sea."""
    code = e.feature_code
    return (code.startswith("PCL") or code == "PPLC" or code in REGION_CODES
            or (e.feature_class == "P" and e.population >= MILLION)
            or (code == "ADM1" and e.population >= MILLION and fold(e.name) == key))


def _supported_namesake(e: GeoEntry, key: str, ctx: Context) -> bool:
    """Is a small namesake of a place known everywhere meant by the text's other names? A
    town is, where they lie in its province ("Dublin" beside "Ohio"); a village only where
    they lie around it (see _neighbours): a report that names California and "London" means
    the capital, not the hamlet of that name in the state."""
    if e.feature_class == "P" and e.population < NAMESAKE_TOWN:
        around = ctx.neighbours.get((e.geonameid, e.latitude, e.longitude), 0) if ctx.neighbours else 0
        return around >= VILLAGE_NEIGHBOURS
    return _near_support(e, key, ctx) >= NAMESAKE_SUPPORT


def _cities_over_villages(cands: list[GeoEntry], key: str, ctx: Context) -> list[GeoEntry]:
    """'Louisville' in a report datelined Columbus, Ohio, is the city of 600,000 in Kentucky, not
    Ohio's village of 9,000: a village that bears the name of a city of its country is meant
    where the text's other names lie around it (see _supported_namesake), where it is the
    article's own place or the outlet's, in a province the text's cues speak of (a
    monitoring mission's) or in a county the text names ("the Rhea County Sheriff's
    Office"), not because its province is the article's. A name written with
    other places ("Concepcion, Aroroy, Masbate") is left to them."""
    cities = {e.iso2 for e in cands if e.feature_class == "P" and e.population >= SMALL_NAMESAKE
              and own_name(e.name, key)}
    if not cities:
        return cands
    f = ctx.focus
    return [e for e in cands if not (e.feature_class == "P" and e.population < NAMESAKE_TOWN and e.iso2 in cities)
            or _supported_namesake(e, key, ctx) or (f.place is not None and f.place.geonameid == e.geonameid)
            or _outlet_local(e, key, ctx)
            or (e.iso2, fold(e.admin1 or "")) in ctx.cue_provinces or _in_named_county(e, key, ctx)]


def _among_countries(t: Toponym, known: list[GeoEntry], ctx: Context) -> bool:
    """Is t a country's name (``known``: its namesakes known everywhere) in a sentence that
    names another country outright, neither that one nor the article's or the outlet's own?
    "Italy" beside "Russia" is the country; "Lebanon" beside "the U.S." may still be the
    Pennsylvania town, and "Palestine" of an Anderson County paper alone stays its town."""
    countries = {e.iso2 for e in known if e.feature_code.startswith("PCL")}
    if not countries:
        return False
    f = ctx.focus
    home = countries | {f.country, f.outlet_country}
    return any(c not in home for c in (ctx.named or {}).get(t.sent_start, ()))


def _city_part(t: Toponym, cands: list[GeoEntry]) -> bool:
    """Does the text call t a part of a town ("the Austin neighborhood", "the Homewood section
    of the city")? Not a country's or a province's "section": a newspaper's ("the Canada
    section of Sunday's paper")."""
    if t.head not in PART_HEADS:
        return False
    return t.head != "section" or not any(e.feature_code.startswith("PCL") or e.feature_code == "ADM1"
                                          for e in cands)


def _building_town(cands: list[GeoEntry], key: str, ctx: Context) -> GeoEntry | None:
    """A hospital, a school or a street named after a place ("Lakeside General Hospital", "Oak
    Hills Elementary School", "Hazelwood Avenue") in a report that clearly speaks from one town
    or county stands there, not at a small namesake far away (Hazelwood, Missouri), unless
    the name is one a reader knows anywhere ("Colorado State University"), a province or a
    city of 100,000+ of the article's country, or a namesake in its province ("Ames Community
    High School" of a Des Moines paper)."""
    f = ctx.focus
    home = f.place
    if home is None or f.strength < STRONG_FOCUS or home.feature_code.startswith("PCL") \
            or home.feature_code in ("ADM1", *REGION_CODES):
        return None
    for e in cands:
        if _known_everywhere(e, key) or (e.iso2 == home.iso2 and (
                e.feature_code == "ADM1" or (e.feature_class == "P" and e.population >= PROMINENT)
                or (f.admin1 and fold(_admin1_of(e) or "") == f.admin1)
                or distance_km(home.latitude, home.longitude, e.latitude, e.longitude) < OUTLET_KM)):
            return None
    return home


def _in_focus_province(e: GeoEntry, ctx: Context) -> bool:
    """In the province the article clearly speaks from (its dateline, title and lede)."""
    f = ctx.focus
    return (f.strength >= STRONG_FOCUS and bool(f.admin1) and e.iso2 == f.country
            and fold(_admin1_of(e) or "") == f.admin1)


def _near_support(e: GeoEntry, key: str, ctx: Context) -> float:
    """How many of the text's other names could lie in ``e``'s province (see _support)."""
    if not ctx.support:
        return 0.0
    own = ctx.own.get(key, {})
    if e.feature_code.startswith("PCL"):
        # a country holds all its provinces: "Mexico" is no less there than Mexico City
        return max((w - own.get(u, 0.0) for u, w in ctx.support.items() if u[0] == e.iso2), default=0.0)
    unit = (e.iso2, fold(_admin1_of(e) or ""))
    return ctx.support[unit] - own.get(unit, 0.0) + _in_named_county(e, key, ctx)


def _in_named_county(e: GeoEntry, key: str, ctx: Context) -> bool:
    """"Paris" where the text names Henry County: the Paris inside a Henry County."""
    if e.feature_class != "P" or not e.admin1 or not e.admin2 or not ctx.counties:
        return False
    return any(k != key for k in ctx.counties.get((e.iso2, fold(e.admin1), fold(e.admin2)), ()))


def _support(gazetteer, tops: list[Toponym], ctx: Context) -> None:
    """Where the text's names could lie together: a reader places "Watertown" in the state
    where "Delano", "Plainview" and "Rochester" also have namesakes. Each distinct name
    counts 1, shared among the provinces its namesakes (towns, districts, the province
    itself) lie in: a name found in one state says much, one found in thirty little. The
    counties the text names are kept too: a town inside one of them is as good as qualified."""
    ctx.support, ctx.own, ctx.counties = Counter(), {}, {}
    local: dict[str, list[GeoEntry]] = {}
    for t in tops:
        if t.label == "NORP":
            continue
        key, cands, _ = _candidates(gazetteer, t, ctx)
        if key in ctx.own or not cands:
            continue
        # "Ohio", "Moscow": a name known everywhere speaks for that place, not its namesakes
        known = [e for e in cands if _known_everywhere(e, key)]
        units = {(e.iso2, fold(a)) for e in known or cands if not e.feature_code.startswith("PCL")
                 and e.feature_code not in REGION_CODES and (a := _admin1_of(e))}
        share = {u: 1.0 / len(units) for u in units}
        ctx.own[key] = share
        ctx.support.update(share)
        for e in cands:
            if e.feature_code == "ADM2" and e.admin1:
                ctx.counties.setdefault((e.iso2, fold(e.admin1), fold(e.name)), set()).add(key)
        # a village that bears a name known everywhere ("Middle East", Maryland) is no
        # neighbour of the text's other places: the name is the place a reader knows
        local[key] = [e for e in cands if (e.feature_class == "P" or e.feature_code == "ADM2")
                      and not (known and e.feature_class == "P" and e.population < NAMESAKE_TOWN)]
    ctx.neighbours = _neighbours(local)


def _neighbours(local: dict[str, list[GeoEntry]]) -> dict:
    """For each town or district candidate, how many of the text's other names have one
    within ``NEIGHBOUR_KM``: the places of a report lie together ("Henry County" and
    "Washington County" of one report are the neighbouring counties of Iowa, not Georgia's
    and Oregon's). Candidates are bucketed by half-degree cells, so each is measured only
    against those nearby (a cell of longitude narrows away from the equator, so more of them
    are looked at there)."""
    if len(local) < 2:
        return {}
    cell = 0.5
    grid: dict[tuple[int, int], list[tuple[str, GeoEntry]]] = {}
    for key, cands in local.items():
        for e in cands:
            grid.setdefault((int(e.latitude // cell), int(e.longitude // cell)), []).append((key, e))
    out: dict = {}
    for key, cands in local.items():
        for e in cands:
            y, x = int(e.latitude // cell), int(e.longitude // cell)
            width_km = 111.32 * cell * max(0.01, math.cos(math.radians(min(89.0, abs(e.latitude) + cell))))
            reach = min(360, math.ceil(NEIGHBOUR_KM / width_km))
            others = {k for dy in (-1, 0, 1) for dx in range(-reach, reach + 1)
                      for k, o in grid.get((y + dy, x + dx), ())
                      if k != key and distance_km(e.latitude, e.longitude, o.latitude, o.longitude) <= NEIGHBOUR_KM}
            if others:
                out[(e.geonameid, e.latitude, e.longitude)] = len(others)
    return out


def _add_anchor(ctx: Context, e: GeoEntry) -> None:
    """An anchor once per point: only the nearest anchor counts, and a long article names
    the same places again and again (each candidate is measured against every anchor)."""
    if all((a.latitude, a.longitude) != (e.latitude, e.longitude) for a in ctx.anchors):
        ctx.anchors.append(e)


def _within_named(outer: GeoEntry, inner: GeoEntry) -> bool:
    """Looser containment for a qualifier: 'Raiganj, Dinajpur' (admin2 'Uttar Dinajpur')."""
    if _contains(outer, inner):
        return True
    if outer.iso2 != inner.iso2 or outer.feature_class != "A":
        return False
    key = fold(outer.name)
    return any(a and key in fold(a) for a in (inner.admin1, inner.admin2))


def _prominent(e: GeoEntry) -> bool:
    """A place named without doubt anywhere: a country, a province, a city of 100,000+."""
    code = e.feature_code
    return code.startswith("PCL") or code == "ADM1" or code in REGION_CODES or e.population >= PROMINENT


def _abroad(e: GeoEntry, t: Toponym, ctx: Context) -> bool:
    """A place outside the article's country that nothing supports: its sentence names
    no such country and it is no place a reader would know without one ("Bagà" in
    Catalonia for "Baga" in a report from Borno)."""
    f = ctx.focus
    if not f.country or e.iso2 == f.country or _prominent(e):
        return False
    return e.iso2 not in (ctx.named or {}).get(t.sent_start, ())


def _outside_cue_provinces(e: GeoEntry, t: Toponym, ctx: Context) -> bool:
    """A small town or district outside the provinces the text's cues speak of (a mission
    that reports from Ukraine's contact line only): a namesake of a village there, unless
    the text names its province or its sentence its country."""
    if e.feature_code.startswith("PCL") or e.feature_code == "ADM1" or _prominent(e) or not e.admin1:
        return False
    unit = (e.iso2, fold(e.admin1))
    if unit in ctx.cue_provinces or unit in ctx.provinces_named:
        return False  # one of those provinces, or a province the text names
    countries = {c for c, _ in ctx.cue_provinces}
    return e.iso2 in countries or e.iso2 not in (ctx.named or {}).get(t.sent_start, ())


def _fragment_may_be(e: GeoEntry, t: Toponym, ctx: Context, one_country: bool) -> bool:
    """A piece of a longer name ("Isabel" of "Vila Isabel") stands for a place only where
    the article is (its focus; without one, a country it names outright, the one country
    all namesakes share, or a province), in a country its sentence names, or when a reader
    would know the place anywhere (a country, a continent, a city of 100,000+, a province
    of millions), or the local outlet's own
    town ("Athens Parks and Recreation" of the Athens paper): never for a small
    namesake or a province abroad ("Colonia" of "Colonia Vistas del Rio", in a report from
    Mexico, is no Uruguayan department)."""
    f = ctx.focus
    if e.feature_code.startswith("PCL") or e.feature_code in REGION_CODES or (
            e.feature_class == "P" and e.population >= PROMINENT):
        return True  # "West Africa", "Sub-Saharan Africa": a part of the continent, no namesake
    if e.feature_code == "ADM1" and _known_everywhere(e, fold(t.text)):
        # a province of millions by its own name opens a body's name as a city does
        # ("the Ontario Ministry of Health", "Bavaria police"): no small namesake
        return True
    if e.iso2 in (ctx.named or {}).get(t.sent_start, ()) or _outlet_town(e, fold(t.text), ctx):
        return True
    if f.country:
        return e.iso2 == f.country
    # without a focus, a province opening a body's name ("Punjab Assembly") still says where
    return one_country or ctx.countries[e.iso2] >= 1 or e.feature_code == "ADM1"


@functools.lru_cache(maxsize=1)
def _cue_lines() -> dict[str, tuple[tuple[float, float], ...]]:
    """ISO2 -> the points of the front line its cues' provinces hold (lexicon ``country_cues``)."""
    from ..gazetteer import lexicon

    return {iso2: tuple((float(a), float(b)) for a, b in spec["line"])
            for iso2, spec in lexicon().get("country_cues", {}).items() if spec.get("line")}


def line_km(lat: float, lon: float, line: tuple[tuple[float, float], ...]) -> float:
    """How far (km) a point lies from a line drawn through ``line``'s points (flat-earth
    measure: the lines are a few hundred km long)."""
    k = math.cos(math.radians(lat)) * 111.2
    px, py = lon * k, lat * 111.2
    best = math.inf
    for (a_lat, a_lon), (b_lat, b_lon) in zip(line, line[1:]):
        ax, ay, bx, by = a_lon * k, a_lat * 111.2, b_lon * k, b_lat * 111.2
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / ((dx * dx + dy * dy) or 1.0)))
        best = min(best, math.hypot(px - ax - t * dx, py - ay - t * dy))
    return best


def _line_bonus(e: GeoEntry, ctx: Context) -> float:
    """A town in the provinces a monitoring mission's cues speak of, by its nearness to the
    front line there: of the dozen villages of Donetsk and Luhansk called "Troitske", the
    mission's report of shelling "near Troitske" means the one on the contact line."""
    line = _cue_lines().get(e.iso2 or "")
    if not line or e.feature_class != "P" or (e.iso2, fold(e.admin1 or "")) not in ctx.cue_provinces:
        return 0.0
    return LINE_BONUS * max(0.0, 1.0 - line_km(e.latitude, e.longitude, line) / LINE_KM)


def _score(e: GeoEntry, t: Toponym, key: str, ctx: Context,
           outers: list[list[GeoEntry]], inners: list[GeoEntry]) -> float:
    """``outers``: candidates of the places qualifying t; ``inners``: of the place t qualifies."""
    s = _prior(e, key) + _head_bonus(e, t.head) + _context_bonus(e, ctx, key)
    if ctx.cue_provinces:
        s += _line_bonus(e, ctx)
    if _abroad(e, t, ctx):
        s -= ABROAD
    for q in outers:
        if any(_within_named(qe, e) for qe in q):
            s += 4.0
    if inners and (any(_within_named(e, c) for c in inners) or _province_of_unknown(e, inners)):
        s += 4.0
    return s


def _province_of_unknown(e: GeoEntry, inners: list[GeoEntry]) -> bool:
    """A province qualifying a place none of whose namesakes lies in it ("in Escobedo, Nuevo
    Leon": the gazetteer lacks the Escobedo of Nuevo Leon) still holds the place as well as a
    village of the province's name beside a namesake does: the place is one the gazetteer
    lacks, in the province, not a namesake next to a village called after a province."""
    return e.feature_code == "ADM1" and any(c.iso2 == e.iso2 for c in inners)


def _confidence(best: float, second: float | None) -> float:
    if second is None:
        return 0.9
    margin = best - second
    return round(max(0.3, min(0.95, 0.5 + margin / 4)), 2)


def _candidates(gazetteer, t: Toponym, ctx: Context) -> tuple[str, list[GeoEntry], str]:
    key = fold(t.text)
    if t.label == "NORP":
        country = gazetteer.demonym_country(t.text)
        return key, [country] if country else [], "demonym"
    cands = gazetteer.lookup(t.text)
    if _STATE_ABBREVIATION.match(t.text):
        # "Ky.", "Va.", "N.Y": a province's abbreviation, never the town "Virginia" or "Mo";
        # "D.C.": the capital its district is named for; "L.A.", no province's: a city of
        # millions the press abbreviates
        units = [e for e in cands if e.feature_code in ("ADM1", "PPLC") or e.feature_code.startswith("PCL")]
        cands = units or [e for e in cands if e.feature_class == "P" and e.population >= MILLION]
    elif len(key.strip("-. ")) <= 2 and not t.text.isupper():
        cands = []  # "Ar-Raqqa", "Al": a postal code is written in capitals ("AR")
    elif t.text.isupper() and len(t.text) <= 3 and "&" not in t.text:
        # "US", not "MD"; "J&K" stays; a province's postal code after a town ("Minot, ND") stays
        postal = t.qualifier_of is not None and t.link == ","
        cands = [e for e in cands if e.feature_code.startswith("PCL") or (postal and e.feature_code == "ADM1")]
    if cands:
        if not _STATE_ABBREVIATION.match(t.text) and not t.text.isupper():
            cands = cands + _province_towns(gazetteer, cands)  # not "N.Y." for New York City
        # the most populous namesakes when a name has very many ("Oakland": 60 in GeoNames)
        if len(cands) > MAX_CANDIDATES:
            cands = sorted(cands, key=lambda e: (e.feature_code.startswith("PCL"), e.population), reverse=True)
        return key, cands[:MAX_CANDIDATES], "exact"
    numbered = _NUMBERED.match(t.text)
    if numbered and (cands := [e for e in gazetteer.lookup(numbered.group(1)) if e.feature_class == "P"]):
        # "Zolote-5", a numbered part (a mine's settlement, a block) of the town it is named after
        return fold(numbered.group(1)), cands[:MAX_CANDIDATES], "numbered"
    bare = _without_unit_word(t.text)
    if bare and (cands := _unit_named(gazetteer.lookup(bare), t.text.rsplit(None, 1)[-1].lower())):
        return fold(bare), cands[:MAX_CANDIDATES], "exact"
    if bare and (seats := _seat_towns(gazetteer, bare, t.text.rsplit(None, 1)[-1].lower(), ctx)):
        return fold(bare), seats[:MAX_CANDIDATES], "seat"
    for lead in _leading_units(t.text):
        # "Boone County Jail", "Greer City Hall": a body named after its place is there
        word = lead.rsplit(None, 1)[-1].lower()
        cands = _unit_named(gazetteer.lookup(lead), word)
        if not cands and (bare := _without_unit_word(lead)):
            lead, cands = bare, _unit_named(gazetteer.lookup(bare), word)
        if cands:
            return fold(lead), cands[:MAX_CANDIDATES], "body"
    part = _COMPASS.match(t.text)
    if part and t.label != "NORP":
        towns = [e for e in gazetteer.lookup(t.text[part.end():])
                 if e.feature_class == "P" and e.population >= COMPASS_CITY]
        if towns:
            return fold(t.text[part.end():]), towns[:MAX_CANDIDATES], "compass"
    if len(key) < 5 or t.label == "NORP":
        return key, [], "unknown"
    if bare:
        # "Wassit province": another transliteration of the name the unit word follows, a
        # unit of it, in a country the text names (a close spelling anywhere is too loose)
        word = t.text.rsplit(None, 1)[-1].lower()
        return fold(bare), _unit_named(_skeleton_candidates(gazetteer, t, ctx, bare), word), "skeleton"
    found = gazetteer.fuzzy(t.text, limit=5, cutoff=92) if len(key) >= 6 and t.label in ("GPE", "LOC") else []
    if found:
        return key, [e for e, _ in found], "fuzzy"
    return key, _skeleton_candidates(gazetteer, t, ctx), "skeleton"


def _province_towns(gazetteer, cands: list[GeoEntry]) -> list[GeoEntry]:
    """The town a province is named after, where the name found only the province: "Idleb",
    "Misrata", "Odessa", "Pondicherry" are spelt as the province is aliased, not the town. Its
    own spelling ("Idlib") finds both, and a reader takes the bare name for the town; so does
    another spelling. The town must lie in that province, be spelt closely like it (same
    consonants) and be a seat's size, not a village that shares the province's name."""
    towns: list[GeoEntry] = []
    for e in cands:
        if e.feature_code not in ("ADM1", "ADM2") or any(_province_town(e, c) for c in cands):
            continue
        found = [c for c in [*gazetteer.lookup(e.name), *getattr(gazetteer, "by_skeleton", lambda _: [])(e.name)]
                 if _province_town(e, c)]
        if found:
            towns.append(max(found, key=lambda c: c.population))
    return towns


def _province_town(province: GeoEntry, town: GeoEntry) -> bool:
    """Is ``town`` the one ``province`` is named after: in it, a seat's size, and spelt
    closely like it ("Misratah" of Misrata, "Odesa" of Odessa Oblast's "Odesa")? A district
    ("Khamis Mushayt", a governorate GeoNames spells as the press does) holds its town where
    the town lies in the district's province and in that district or no district at all
    (GeoNames links many a large town to its province only)."""
    from rapidfuzz import fuzz

    if not (province.feature_code in ("ADM1", "ADM2") and town.feature_class == "P"
            and town.population >= PROVINCE_TOWN and town.iso2 == province.iso2):
        return False
    if province.feature_code == "ADM1" and town.admin1 != province.admin1:
        return False
    if province.feature_code == "ADM2" and not (
            town.admin1 == province.admin1 and town.admin2 in (None, "", province.name, province.admin2)):
        return False
    a, b = fold(province.name), fold(town.name)
    # the same consonants, not a longer name that opens with the province's ("Oklahoma City")
    return a == b or (skeleton(a) == skeleton(b) != "" and
                      fuzz.ratio(_ARTICLE.sub("", a), _ARTICLE.sub("", b)) >= 75)


def _without_unit_word(name: str) -> str | None:
    """'Tangerang City', 'Benda District': a name the gazetteer lacks, written with the unit
    word that NER kept in the span; the name without it (None when there is none)."""
    from ..gazetteer._compiled import BARE_DIRECTIONS

    words = name.split()
    if len(words) < 2 or words[-1].lower() not in _unit_words() or fold(" ".join(words[:-1])) in BARE_DIRECTIONS:
        return None  # "the North Zone" of a city names no unit called "North"
    return " ".join(words[:-1])


def _leading_units(name: str) -> list[str]:
    """'Titus County Sheriff's Office', 'Springfield City Schools': the name's leading words
    up to each unit word that more words follow, longest first."""
    words = name.split()
    return [" ".join(words[:n]) for n in range(len(words) - 1, 1, -1) if words[n - 1].lower() in _unit_words()]


def _seat_towns(gazetteer, name: str, word: str, ctx: Context) -> list[GeoEntry]:
    """'Dehloran county', 'Kalaroa upazila': a district the gazetteer lacks, named after its
    seat as most districts outside the United States are (whose counties the gazetteer
    holds): the seat, a town of that name in a country the text names (outright or by one of
    its provinces). Read at a district's precision (see ``SEAT_RULE``)."""
    if ADMIN_HEADS.get(word) != "ADM2" and word not in SEAT_WORDS:
        return []
    named = {c for c, w in ctx.countries.items() if w >= 1} | {c for (c, _), w in ctx.admin1.items() if w >= 1}
    return [e for e in gazetteer.lookup(name) if e.feature_class == "P" and e.iso2 in named]


def _unit_named(cands: list[GeoEntry], word: str) -> list[GeoEntry]:
    """The candidates the unit word allows: a town for "city" or "town", a unit for the
    others ("Franklin Township" is no town of Franklin)."""
    if word in ("city", "town"):
        return [e for e in cands if e.feature_class == "P"]
    return [e for e in cands if e.feature_class == "A" and not e.feature_code.startswith("PCL")]


@functools.lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    from ..gazetteer import lexicon

    return frozenset(lexicon()["admin_terms"]) | frozenset(ADMIN_HEADS) | {"town"}


def _skeleton_candidates(gazetteer, t: Toponym, ctx: Context, name: str | None = None) -> list[GeoEntry]:
    """Another transliteration ("Idleb" for Idlib, "Misrata" for Misratah).

    Consonant skeletons alone match unrelated names, so a candidate must lie in
    a country the document names (outright or by one of its provinces) or, with no country named, be a province or a
    city of 100,000+ in the one country all such candidates share. Where none does and the
    text names no province, a name the tagger read as a place that is spelt much like one town only, far closer than like any
    other ("Tell Abiad" for Tall Abyad, "Ain al Arab" for Ayn al Arab, not Algeria's Ain
    Larbaa), is that town: coded notes leave out the country they write from, and a report
    naming the forces of one country may write of a town across its border.
    """
    if not hasattr(gazetteer, "by_skeleton"):
        return []
    from rapidfuzz import fuzz

    name = name or t.text
    bare = _ARTICLE.sub("", fold(name))
    # same consonants and still a close spelling: "Idleb"/"Idlib", not "Barangay"/"Baringo"
    close = [(fuzz.ratio(bare, _ARTICLE.sub("", fold(e.name))), e) for e in gazetteer.by_skeleton(name)]
    found = [e for r, e in close if r >= 75]
    # a country the text names, or the country of a province it names ("in Ar-Raqqa")
    provinces = {c for (c, _), w in ctx.admin1.items() if w >= 1}
    named = {c for c, w in ctx.countries.items() if w >= 1} | provinces
    if named:
        inside = [e for e in found if e.iso2 in named][:MAX_CANDIDATES]
        if inside or provinces:
            return inside  # a province the text names says which country it writes from
    else:
        big = [e for e in found if e.feature_code == "ADM1" or e.population >= 100_000]
        if len({e.iso2 for e in big}) == 1:
            return big
    return _one_close_spelling(close, t)


CLOSE_SPELLING = 80  # how close another transliteration of one town alone must be (rapidfuzz ratio)
CLOSER_BY = 5  # and how much closer than the next namesake
CLOSE_SPELLING_LETTERS = 7  # and how long the name: short names ("Zinar", "Ziniare") meet by chance


def _one_close_spelling(close: list[tuple[float, GeoEntry]], t: Toponym) -> list[GeoEntry]:
    """The one town (or unit) a name the tagger read as a place is spelt far more like than
    any other, in whatever country; else nothing."""
    if t.label not in ("GPE", "LOC") or t.fragment or not close \
            or len(_ARTICLE.sub("", fold(t.text)).replace(" ", "")) < CLOSE_SPELLING_LETTERS:
        return []
    ranked = sorted(close, key=lambda x: -x[0])
    best, e = ranked[0]
    rival = next((r for r, o in ranked[1:] if (o.latitude, o.longitude) != (e.latitude, e.longitude)), 0.0)
    return [e] if best >= CLOSE_SPELLING and best - rival >= CLOSER_BY else []


def _pick(gazetteer, t: Toponym, ctx: Context, outers: list[list[GeoEntry]],
          inners: list[GeoEntry], unit_inside: bool = False, provinces: tuple[GeoEntry, ...] = (),
          stated: frozenset[int] = frozenset(), cities: frozenset[int] = frozenset()) -> Resolved:
    """``unit_inside``: t qualifies a district or province ("Gizab district, Uruzgan"): then
    t is a unit too, not its same-named town. ``provinces``: the provinces named in t's
    chain of qualifiers ("Pindal Goath, Kachi district, Balochistan"). ``stated``: which of
    ``outers`` the text writes with a province's word ("Lara state"); ``cities``: which are
    a city that is its own province ("Hamburg") after a comma."""
    key, cands, how = _candidates(gazetteer, t, ctx)
    if provinces and (not cands or how in ("fuzzy", "skeleton")) and ADMIN_HEADS.get(t.head or "") == "ADM2":
        # a district named with its province is that province's, or unknown
        inside = [e for e in cands if any(_within_named(p, e) for p in provinces)]
        cands, how = (inside, how) if inside else _unit_in_province(gazetteer, t, provinces) or ([], how)
    if not cands:
        return Resolved(t, None, 0.0, 0, "geo.resolve.unknown")
    if how == "fuzzy" and _misspelt_far_from_outlet(cands, ctx):
        return Resolved(t, None, 0.0, len(cands), "geo.resolve.fuzzy-far")
    # a district says where a place lies only when the text names no province beside it
    # ("Valladolid, Cebu, Philippines": a Philippine province is a second-level unit); next
    # to a province ("Tirupati city (Chittoor district, Andhra Pradesh)") its name may be one
    # the district had before a split, and the province says enough
    districts = not any(qe.feature_code == "ADM1" for q in outers for qe in q)
    countries = {e.iso2 for e in cands}
    groups = [([qe for qe in q if qe.feature_code in ("PCLI", "ADM1") or qe.feature_class == "P"
                or districts and qe.feature_code == "ADM2" and qe.iso2 in countries], n in stated, n)
              for n, q in enumerate(outers)]
    if any(e.feature_code in ("PCLI", "ADM1") for e in cands):
        # a province in a list of provinces is not inside the next one ("Kandahar, Helmand"),
        # unless the next one is written as a province abroad ("Rio Claro, Lara state")
        groups = [(g, s, n) for g, s, n in groups if s and _province_abroad(g, cands)]
    groups = [(g, n) for g, _, n in groups if g]
    inside = [e for e in cands if all(any(_holds(qe, e) for qe in g) for g, _ in groups)]
    if not inside:
        still = _still_qualifying(groups, cities, cands)
        inside = [e for e in cands if all(any(_holds(qe, e) for qe in g) for g in still)]
    if not inside:
        inside = _across_the_line(gazetteer, cands, groups)
    if not inside:
        return Resolved(t, None, 0.0, len(cands), "geo.resolve.outside-qualifier")
    cands = inside  # "El Alto, La Paz": only an El Alto inside some La Paz
    if t.cut:
        # "Ain" of "Ain al Arab", a name the gazetteer lacks: the head word alone names only
        # a place a reader knows anywhere, never a small namesake ("Ain", France)
        cands = [e for e in cands if e.feature_code.startswith("PCL") or
                 (e.feature_class == "P" and e.population >= PROMINENT)]
        if not cands:
            return Resolved(t, None, 0.0, len(inside), "geo.resolve.cut-name")
    if t.fragment:
        one_country = len({e.iso2 for e in cands}) == 1
        cands = [e for e in cands if _fragment_may_be(e, t, ctx, one_country)]
        if not cands:
            return Resolved(t, None, 0.0, len(inside), "geo.resolve.fragment")
    towns = [a for a in ctx.anchors if a.feature_class == "P" and all(a.geonameid != e.geonameid for e in cands)]
    part = _city_part(t, cands)
    if part and not towns:
        # "the California neighborhood" of a Louisville station: a part of the outlet's city
        towns = [o for o in ctx.focus.outlet if o.feature_class == "P"]
    side = _CITY_SIDE.match(t.text) is not None  # with no town named, no place at all
    if part and not towns:
        # with no town to be part of, a neighbourhood is still no province or country
        cands = [e for e in cands if not (e.feature_code.startswith("PCL") or e.feature_code == "ADM1")]
        if not cands:
            return Resolved(t, None, 0.0, len(inside), "geo.resolve.part-elsewhere")
    if t.head in _first_level_heads():
        # "the Garden State Pistol Range": a name before "state" is never a county that shares its
        # first word (Garden County, Nebraska); a country ("Russian state media"), a state or a
        # city ("Youngstown State University") stays what it is
        cands = [e for e in cands if not e.feature_code.startswith("ADM2")]
        if not cands:
            return Resolved(t, None, 0.0, len(inside), "geo.resolve.no-such-state")
    if (part and towns) or side:
        # "a shoot-out in Roseiral neighborhood" of a report from Belford Roxo: a part of a
        # town the text names, never a town of that name far from every such town
        cands = [e for e in cands if any(distance_km(a.latitude, a.longitude, e.latitude, e.longitude) < PART_KM
                                         for a in towns)]
        if not cands:
            return Resolved(t, None, 0.0, len(inside), "geo.resolve.part-elsewhere")
    if t.building and not outers and (town := _building_town(cands, key, ctx)) is not None:
        return Resolved(t, town, 0.5, len(cands), "geo.resolve.building-in-focus")
    known = [e for e in cands if _known_everywhere(e, key)]
    if _among_countries(t, known, ctx):
        # "pilots flew for China, Canada and Britain": a country among countries is the
        # country, not its namesake village where the article is, even in a list whose
        # commas read as qualifiers
        cands = [e for e in cands if e in known or e.population >= SMALL_NAMESAKE]
    if known and not outers and not inners:
        # "Moscow", "China", "Kansas": the capital, country or state a reader knows, unless
        # the text's other places lie where a small namesake is ("Paris" among Lamar County's
        # towns); a country's namesake only in a county the text names ("Palestine" of
        # Anderson County) or where the article speaks from; a local outlet's own town
        # ("Athens" of the Athens Review, "Jordan" of the Jordan Independent) and the towns
        # around it ("Berlin" of a Connecticut paper) too
        country = any(e.feature_code.startswith("PCL") for e in known)
        cands = [e for e in cands if e in known or e.population >= SMALL_NAMESAKE or _in_focus_province(e, ctx)
                 or _outlet_local(e, key, ctx)
                 or (_in_named_county(e, key, ctx) if country
                     else _supported_namesake(e, key, ctx))]
    if (home := _unit_word_countries().get(t.head or "")) is not None:
        # "Santhia upazila": a unit word only some countries use places the name in one of
        # them; a namesake elsewhere (Santhià, Piedmont) is no reading of it
        cands = [e for e in cands if e.iso2 in home]
        if not cands:
            return Resolved(t, None, 0.0, len(inside), "geo.resolve.unit-word-abroad")
    if ctx.cue_provinces:
        cands = [e for e in cands if not _outside_cue_provinces(e, t, ctx)]
        if not cands:
            # "near Sokilnyky" in an OSCE report: not Lviv's Sokilnyky, a village the
            # gazetteer lacks on the contact line
            return Resolved(t, None, 0.0, len(inside), "geo.resolve.outside-cue-provinces")
    if not outers and not inners:
        cands = _cities_over_villages(cands, key, ctx)
    if ctx.focus.strength >= STRONG_FOCUS and all(_abroad(e, t, ctx) for e in cands):
        # every namesake lies abroad and nothing supports one: an unknown local place
        return Resolved(t, None, 0.0, len(cands), "geo.resolve.outside-focus")
    scored = sorted(((_score(e, t, key, ctx, outers, inners), i, e) for i, e in enumerate(cands)),
                    key=lambda x: (-x[0], x[1]))
    best = _unit_first(scored) if unit_inside else _town_over_namesake_unit(scored, t, key, ctx)
    second = next((s for s, _, e in scored[1:] if not _same_place(e, best[2])), None)
    conf = _confidence(best[0], second)
    if how in ("fuzzy", "skeleton", "unit-spelling"):
        conf = min(conf, 0.6)
    return Resolved(t, best[2], conf, len(cands), f"geo.resolve.{how}")


def _misspelt_far_from_outlet(cands: list[GeoEntry], ctx: Context) -> bool:
    """A name found only by a close spelling ("Olmstead" for a county "Olmsted" two states
    away), every namesake of it in the local outlet's country but none around its home nor in a
    province the text names: a local paper's small place the gazetteer lacks, not a far place
    misspelt. A city of 100,000+ a reader knows anywhere stays ("Chattanoga")."""
    outlet = ctx.focus.outlet
    if not outlet or any(e.iso2 != o.iso2 for e in cands for o in outlet) \
            or any(e.feature_class == "P" and _prominent(e) for e in cands):
        return False
    return not any(_around_outlet(e, outlet) or ctx.admin1.get((e.iso2, fold(_admin1_of(e) or "")), 0) >= 1
                   for e in cands)


UNIT_SPELLING = 80  # how close another spelling of a district in the named province must be


def _still_qualifying(groups: list[tuple[list[GeoEntry], int]], cities: frozenset[int],
                      cands: list[GeoEntry]) -> list[list[GeoEntry]]:
    """The qualifiers that still say where a place lies when none of its namesakes lies
    inside them all. Places that lie apart from each other enclose nothing together: the
    commas joined a list ("the finalists were Denver, Tucson, Lexington, Ky., Hartford, Conn."),
    none of them qualifies; and a city that is its own province in a country where the place
    has no namesake ("concerts in Copenhagen, Hamburg and Munich") is the list's next item,
    not the province around the place (where the place has a namesake in that country, it is
    more likely a quarter of the city the gazetteer lacks)."""
    if any(_apart(a, b) for i, (a, _) in enumerate(groups) for b, _ in groups[i + 1:]):
        return []
    countries = {e.iso2 for e in cands}
    return [g for g, n in groups if n not in cities or countries & {qe.iso2 for qe in g}]


def _apart(a: list[GeoEntry], b: list[GeoEntry]) -> bool:
    """Do two qualifiers lie apart, neither inside nor around the other?"""
    return not any(_inside_qualifier(x, y) or _inside_qualifier(y, x) for x in a for y in b)


def _own_province_city(entries: list[GeoEntry]) -> bool:
    """A city of 100,000+ whose name's only units are the city's own ("Hamburg", "Vienna")."""
    cities = [e for e in entries if e.feature_class == "P" and e.population >= PROMINENT]
    units = [e for e in entries if e.feature_class == "A"]
    return bool(cities and units) and all(any(_same_place(u, c) for c in cities) for u in units)


def _province_abroad(group: list[GeoEntry], cands: list[GeoEntry]) -> bool:
    """Is a qualifier one province or country, in a country where none of the name's
    provinces or countries lie? Then it is no next item of a list of provinces but where the
    place is: "Rio Claro, Lara state" is no region of Trinidad."""
    countries = {qe.iso2 for qe in group}
    units = {e.iso2 for e in cands if e.feature_code in ("PCLI", "ADM1")}
    return len(countries) == 1 and not countries & units and all(
        qe.feature_code in ("PCLI", "ADM1") for qe in group)


def _unit_in_province(gazetteer, t: Toponym, provinces: list[GeoEntry]) -> tuple[list[GeoEntry], str] | None:
    """'Kachi district, Balochistan': a district the text names with its province, spelled
    otherwise than the gazetteer ("Kachhi"): the province's district of the closest spelling."""
    if len(fold(t.text)) < 4:
        return None
    found = [e for e, _ in gazetteer.fuzzy(t.text, limit=10, cutoff=UNIT_SPELLING)
             if e.feature_code == "ADM2" and any(_within_named(p, e) for p in provinces)]
    return (found[:1], "unit-spelling") if found else None


def _inside_qualifier(q: GeoEntry, e: GeoEntry) -> bool:
    """'Saddar area of Karachi': within a town's reach; 'Dasht, Balochistan': inside the unit,
    or next to its centre in the same country (districts move between provinces: GeoNames
    files Gizab under Daykundi, the press under Uruzgan)."""
    if q.feature_class == "P":
        return distance_km(q.latitude, q.longitude, e.latitude, e.longitude) < 60
    if _within_named(q, e):
        return True
    return (q.feature_code == "ADM1" and q.iso2 == e.iso2
            and distance_km(q.latitude, q.longitude, e.latitude, e.longitude) < MOVED_UNIT_KM)


def _across_the_line(gazetteer, cands: list[GeoEntry], groups: list[tuple[list[GeoEntry], int]]) -> list[GeoEntry]:
    """'Tarmiyah, Saladin': the one town of the name in the country lies in the neighbouring
    province, a few km from the named one's towns. Provinces' lines and the coders' reading of
    them differ (a town at the line is filed under either, and GeoNames errs too), so such a
    town is the place, filed under the province the text names. Only where every qualifier
    holds it or is a province it lies at the edge of, and only one town of the country does."""
    if not hasattr(gazetteer, "province_town_km"):
        return []
    out = []
    for e in cands:
        if e.feature_class != "P":
            continue
        edge = None
        for g, _ in groups:
            if any(_holds(qe, e) for qe in g):
                continue
            near = [qe for qe in g if qe.feature_code == "ADM1" and qe.iso2 == e.iso2 and
                    (km := gazetteer.province_town_km(qe, e.latitude, e.longitude)) is not None and km <= EDGE_KM]
            if not near or edge is not None:
                break
            edge = near[0]
        else:
            if edge is not None:
                out.append(replace(e, admin1=edge.name, admin2=None))
    return out if len({e.iso2 for e in out}) == len(out) == 1 else []


def _holds(q: GeoEntry, e: GeoEntry) -> bool:
    return _inside_district(q, e) if q.feature_code == "ADM2" else _inside_qualifier(q, e)


def _inside_district(q: GeoEntry, e: GeoEntry) -> bool:
    """'Valladolid, Cebu': a district, or a province that is a second-level unit (the
    Philippines'), holds the places filed under it and those near its centre (districts
    split and move: "Tirupati city (Chittoor, AP)"), not a namesake filed under a district
    farther away; a place filed under none may lie anywhere in its province. It says nothing
    against a unit written with it ("Dimnat Khadir in As Silw front"): a neighbour's name."""
    if q.iso2 != e.iso2:
        return False
    if e.feature_class == "A" or _within_named(q, e):
        return True
    if e.admin2:
        a, b = fold(q.name), fold(e.admin2)
        if a in b or b in a:
            return True
    elif e.admin1 and q.admin1 and fold(e.admin1) == fold(q.admin1):
        return True
    return distance_km(q.latitude, q.longitude, e.latitude, e.longitude) < DISTRICT_KM


def _unit_first(scored: list) -> tuple:
    """The best-scored unit (district, province, country) among the candidates, if any."""
    return next((item for item in scored if item[2].feature_class == "A"), scored[0])


def _town_over_namesake_unit(scored: list, t: Toponym, key: str, ctx: Context) -> tuple:
    """'near Kandahar' is the city, not Kandahar province, unless the text says "province"."""
    best = scored[0]
    e = best[2]
    if e.feature_class != "A" or e.feature_code.startswith("PCL") or ADMIN_HEADS.get(t.head or ""):
        return best
    for item in scored[1:]:
        c = item[2]
        if c.feature_class == "P" and (_contains(e, c) and own_name(c.name, fold(t.text)) or _province_town(e, c)):
            return item
        if c.feature_code == "PPLC" and c.iso2 == e.iso2 and t.qualifier_of is None \
                and distance_km(c.latitude, c.longitude, e.latitude, e.longitude) < MOVED_UNIT_KM:
            # "in Kyiv": the capital, not the province around it ("Kiev City" is its own); a
            # qualifier ("Quilmes (Buenos Aires)") stays the province, and a province far
            # off is no province around the capital (Washington state)
            return item
        if c.feature_code == "PPLC" and c.iso2 == e.iso2 and _capital_over_far_state(e, t, key, ctx):
            return item
    return best


def _capital_over_far_state(state: GeoEntry, t: Toponym, key: str, ctx: Context) -> bool:
    """'talks in Washington', 'Washington imposed tariffs': a bare name shared by the national
    capital and a state far from it is the capital, unless a place qualifies it or it
    qualifies one ("Spokane, Washington"), the article speaks from that state, or the text's
    other names lie there."""
    return (state.feature_code == "ADM1" and t.qualifier_of is None and not t.link
            and not _in_focus_province(state, ctx) and _near_support(state, key, ctx) < NAMESAKE_SUPPORT)


def _same_place(a: GeoEntry, b: GeoEntry) -> bool:
    """A town and its same-named district, or a capital and its province, are not rivals."""
    return a.iso2 == b.iso2 and distance_km(a.latitude, a.longitude, b.latitude, b.longitude) < 50


def _first_context(gazetteer, tops: list[Toponym]) -> Context:
    """Countries and provinces named outright (one candidate, or a country name)."""
    ctx = Context(Counter(), Counter(), [], named={})
    for t in tops:
        if t.label == "NORP":
            # "Russian forces" say little about where the article is, but allow a
            # Russian place in that sentence
            e = gazetteer.demonym_country(t.text) if hasattr(gazetteer, "demonym_country") else None
            if e is not None:
                ctx.named.setdefault(t.sent_start, set()).add(e.iso2)
            continue
        cands = gazetteer.lookup(t.text)
        countries = [e for e in cands if e.feature_code.startswith("PCL")]
        if countries and t.fragment:
            continue  # "Air Canada", "Bank of England": a body's name, not a country the text is in
        if countries and not _shared_with_a_province(cands, fold(t.text)):
            ctx.countries[countries[0].iso2] += 1
            ctx.named.setdefault(t.sent_start, set()).add(countries[0].iso2)
            continue
        if len({e.iso2 for e in cands}) == 1 and cands:
            e = cands[0]
            ctx.countries[e.iso2] += 0.5
            if len({fold(c.admin1 or "") for c in cands}) > 1:
                continue  # one country, many provinces ("Oakland"): says nothing of the province
            if e.admin1:
                ctx.admin1[(e.iso2, fold(e.admin1))] += 1
            if e.feature_class == "P" or e.feature_code == "ADM2":
                if not _lie_together(cands):
                    ctx.guessed = ctx.guessed or {}
                    ctx.guessed[(e.geonameid, e.latitude, e.longitude)] = fold(t.text)
                _add_anchor(ctx, e)
    return ctx


def _lie_together(cands: list[GeoEntry]) -> bool:
    """Do a name's towns and districts lie at one spot (a town and the district named after
    it)? Namesakes apart in one province (a market town and a hamlet of the same name in two
    districts of one state) say where the text's other names lie, not which of them the
    name itself means."""
    spots = [e for e in cands if e.feature_class == "P" or e.feature_code == "ADM2"]
    return all(_same_place(spots[0], e) for e in spots[1:])


def _shared_with_a_province(cands: list[GeoEntry], key: str) -> bool:
    """Is a country's name also a province's known everywhere ("Georgia")? Then the name
    alone says neither is where the text is."""
    return any(e.feature_code == "ADM1" and _known_everywhere(e, key) for e in cands)


def _links(gazetteer, tops: list[Toponym], i: int) -> tuple[list[list[GeoEntry]], list[GeoEntry], bool, tuple,
                                                          frozenset[int], frozenset[int]]:
    t = tops[i]
    # a town qualifies only through "of"/"in"/"'s" ("the Saddar area of Karachi", "Karachi's
    # Lyari area"); after a comma it is more likely the next item of a list ("Quetta, Lahore
    # and Karachi")
    # (a piece of a longer name, "Saudi" of "Datu Saudi Ampatuan", bounds nothing)
    quals = [q for q in tops if q.qualifier_of == i and not q.fragment]
    found = [gazetteer.lookup(q.text) for q in quals]
    outers = [[e for e in entries if e.feature_class == "A" or q.link in ("of", "in", "'s")]
              for q, entries in zip(quals, found)]
    stated = frozenset(n for n, q in enumerate(quals) if ADMIN_HEADS.get(q.head or "") == "ADM1")
    cities = frozenset(n for n, q in enumerate(quals) if q.link == "," and _own_province_city(found[n]))
    inners = gazetteer.lookup(tops[t.qualifier_of].text) if t.qualifier_of is not None else []
    unit_inside = t.qualifier_of is not None and ADMIN_HEADS.get(tops[t.qualifier_of].head or "") is not None \
        and (t.link != "'s" or _holds_any(gazetteer.lookup(t.text), inners))
    provinces: tuple[GeoEntry, ...] = ()
    if ADMIN_HEADS.get(t.head or "") == "ADM2":
        head = i if t.qualifier_of is None else t.qualifier_of
        chain = [q for j, q in enumerate(tops) if j != i and (j == head or q.qualifier_of == head)]
        provinces = tuple(e for q in chain if q.label != "NORP" for e in gazetteer.lookup(q.text)
                          if e.feature_code == "ADM1")
    return outers, inners, unit_inside, provinces, stated, cities


def _holds_any(outers: list[GeoEntry], inners: list[GeoEntry]) -> bool:
    """Does a namesake of the place before "'s" hold one of the district's after it? Then it is
    that unit ("Kano's Kura district": Kano state); a city's district the gazetteer lacks
    ("Beirut's Gemmayzeh district") makes no unit of the city."""
    return any(_within_named(o, c) for o in outers if o.feature_class == "A" for c in inners)


def resolve_toponyms(tops: list[Toponym], gazetteer, *, home_country: str | None = None,
                     focus: Focus = NO_FOCUS, provinces: list[tuple[str, str]] = (),
                     local_fallback: bool = True) -> list[Resolved]:
    """One :class:`Resolved` per toponym, in order. ``home_country`` (ISO2) is a weak prior,
    ``focus`` (the article's country and province, from its title, dateline and lede) a strong one,
    ``provinces`` ((ISO2, folded name): those the text's cues speak of) count as named ones.
    ``local_fallback``: place a name the gazetteer lacks where the text puts it (see
    _local_fallbacks); the event locator, which has its own ways from an unknown name to
    the place around it, leaves them unresolved."""
    if gazetteer is None:
        return [Resolved(t, None, 0.0, 0, "geo.resolve.no-gazetteer") for t in tops]
    ctx = _first_context(gazetteer, tops)
    ctx.focus = focus
    _support(gazetteer, tops, ctx)
    for key in provinces:
        ctx.admin1[key] += 1
    ctx.cue_provinces = frozenset(provinces)
    if provinces:
        ctx.provinces_named = frozenset((e.iso2, fold(e.name)) for t in tops if t.label != "NORP"
                                        for e in gazetteer.lookup(t.text) if e.feature_code == "ADM1")
    if home_country:
        ctx.countries[home_country] += 0.5
    links = [_links(gazetteer, tops, i) for i in range(len(tops))]
    first = [_pick(gazetteer, t, ctx, *links[i]) for i, t in enumerate(tops)]
    # second pass: what the first pass settled with confidence becomes context
    for r in first:
        if r.entry is not None and r.confidence >= 0.75 and not (
                r.toponym.fragment and r.entry.feature_code.startswith("PCL")):
            e = r.entry
            if e.feature_class == "P" or e.feature_code == "ADM2":
                _add_anchor(ctx, e)
            if e.admin1:
                ctx.admin1[(e.iso2, fold(e.admin1))] += 0.5
            ctx.countries[e.iso2] += 0.3
    res = [_pick(gazetteer, t, ctx, *links[i]) for i, t in enumerate(tops)]
    return _local_fallbacks(tops, res, ctx) if local_fallback else res


# Why a name stayed unresolved when the text still says roughly where it lies: no entry
# at all, every namesake outside the place that qualifies it or the article's country, a part
# of a town the text does not name
UNPLACED = frozenset({"geo.resolve.unknown", "geo.resolve.outside-qualifier", "geo.resolve.outside-focus",
                      "geo.resolve.part-elsewhere"})
LOCAL_LABELS = frozenset({"GPE", "LOC", "FAC"})
LOCAL_CONFIDENCE = 0.3


def _local_fallbacks(tops: list[Toponym], res: list[Resolved], ctx: Context) -> list[Resolved]:
    """A place the gazetteer lacks (a township, a street, a creek, a hamlet) still lies where
    the text puts it: in the place written beside it ("Hopkins Park in DeKalb", "Orient,
    Ohio"), else in the town or district the article clearly speaks from, else around the
    outlet's home. It stands there at low confidence; a name no local paper would use bare
    (an organisation's, a person's) is left unresolved."""
    f = ctx.focus
    home = None
    if f.strength >= STRONG_FOCUS and f.place is not None and not (
            f.place.feature_code.startswith("PCL") or f.place.feature_code in REGION_CODES):
        home = f.place
    elif f.outlet and not _dated_elsewhere(f):
        home = next((o for o in f.outlet if o.feature_class == "P"), f.outlet[0])
    out = list(res)
    for i, r in enumerate(res):
        t = r.toponym
        if r.entry is not None or r.rule not in UNPLACED or t.label not in LOCAL_LABELS or t.fragment:
            continue
        quals = [res[j] for j, q in enumerate(tops) if q.qualifier_of == i and not q.fragment]
        beside = _placed_beside(quals)
        if beside is not None:
            out[i] = Resolved(t, beside, LOCAL_CONFIDENCE, r.candidates, "geo.resolve.within-named")
        elif home is not None and not quals:
            out[i] = Resolved(t, home, LOCAL_CONFIDENCE, r.candidates, "geo.resolve.near-focus")
    return out


def _placed_beside(quals: list[Resolved]) -> GeoEntry | None:
    """The nearest of the places written after a name ("Al-Sahar, Deir ez-Zor, Syria") that
    lies in the country the last of them is in: the last one is the broadest and the surest,
    and a namesake abroad ("Sahar", Yemen) holds nothing of Syria's."""
    placed = [q.entry for q in quals if q.entry is not None]
    if not placed:
        return None
    return next(e for e in placed if e.iso2 == placed[-1].iso2)

