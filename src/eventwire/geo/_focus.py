"""The article's geographic focus: the country and province its title, dateline and lede point to.

A reader places an article before reading its body: "HENRY COUNTY, Ind. —" or
a headline naming Maiduguri settles where "Baga" is. The dateline counts most
(it is where the story was filed), then the title, then the lede. Each names a
place; where a name has namesakes in several countries, the place a qualifier
allows ("Gary, Ind.") or else the most populous one stands for it. The focus
is kept only when one country clearly leads; it then weighs in resolution as
a strong prior (see ``_resolve``), never as a hard rule.
"""
from __future__ import annotations

import functools
import re
import weakref
from collections import Counter
from dataclasses import dataclass

from .._literals import GatedPattern
from .._literals import fold as fold_case
from ..gazetteer import fold, lexicon, own_name
from ..records import GeoEntry

# How much each part of the article says about where it is.
WEIGHTS = {"dateline": 3.0, "qualified": 2.0, "agency": 2.0, "title": 2.0, "lede": 1.0, "actor": 1.0,
           "cue": 1.0}
PREFER_MIN = 2  # cues and one-country places that make a namesake there the article's own
MAX_CUES = 3  # distinct country cues counted (lexicon ``country_cues``): as much as a dateline
LEAD_SHARE = 0.6  # the leading country's share of the votes for a focus to exist
PROVINCE_MIN = 2.0  # votes of named places for a province to lead among them alone
KNOWN_CITY = 100_000  # a city a headline names without its state
TITLE_MIN_POPULATION = 15_000  # a town in a headline by name alone: as the entity ruler
# "Columbus, GA", "Gary, Ind.", "Springdale, Maryland", "Quetta, Balochistan": capitalised
# words, a comma, then a province's code, abbreviation or name (checked in the gazetteer)
_QUALIFIED = re.compile(r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*),\s+"
                        r"([A-Z]\.[A-Z]\.|[A-Z]{2}(?![\w.])|[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+)?)")
MAX_QUALIFIED = 3  # distinct qualified places counted: as much as a dateline and more
# "... in Canton - WTVM.com-Columbus, GA News Weather &", "... | WKRN News 2", "... - KSLA News 12
# Shreveport, Louisiana": the outlet's name and home town that a web page appends to its headline,
# after a dash or bar; what follows names a station's call sign, a site or a newsroom's words
MASTHEAD_CHARS = 80  # a masthead is a name, a town and a few words, never a sentence of news
_MASTHEAD_SEP = re.compile(r"\s[-–—|]\s")
_OUTLET = re.compile(r"\b(?:News|Weather|Sports|TV|Channel|ABC|CBS|NBC|FOX)\b|\.com\b|\b[KW][A-Z]{2,3}(?:\d|\b)")
_CAPS_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|de|al|el))*")


@dataclass(frozen=True, slots=True)
class Focus:
    """``country`` (ISO2) and ``admin1`` (folded name) the article is about, with their
    vote shares; empty when the article does not say."""

    country: str | None = None
    admin1: str | None = None
    strength: float = 0.0
    source: str = ""
    place: GeoEntry | None = None  # the most specific place they name there (dateline first)
    # the outlet's home: the towns and provinces its web address names that leave no doubt in
    # ``country`` (see :func:`outlet_places`, :func:`outlet_home`)
    outlet: tuple[GeoEntry, ...] = ()
    # the outlet's own country: its national web domain's ("thesun.co.uk": GB), else that of
    # the home its web address names ("thecolumbiastar.com": US), see country_of_outlet
    outlet_country: str | None = None


NO_FOCUS = Focus()


def _rank(e: GeoEntry, prefer: str | None = None, province: str | None = None, name: str = "",
          near: tuple[GeoEntry, ...] = (), side: Side | None = None) -> tuple:
    """A country first, then a namesake in the province (folded admin1) of the article's
    dateline or police (``province``), then in the country its own words point to
    (``prefer``), then one near the article's own places (``near``: "Henderson" of a report
    that names Vanderburgh County is Henderson, Kentucky, across the river; "Montgomery" of
    a Columbus, Georgia station's page is Alabama's capital, not a Georgia village), and of
    those one in the city or the suburbs of one of them ("Kensington" of a Philadelphia
    paper, not the larger Kensington on Long Island), then a
    city of 100,000+, then one on the broadcaster's side of its country (``side``: see
    :func:`broadcaster_side`; "DALLAS" of WFAA is still the Texas city), then a
    town or a province over a district that bears a town's name, then
    one that bears the written ``name`` of a headline itself over one that has it as an
    alternate ("St. Louis" is the city, not Senegal's Saint-Louis region; a dateline's
    "Mo." is Missouri, not the Norwegian town of Mo), then the most populous:
    "CHARLOTTE" is the city of 800,000, not the parish of 20,000, and "LANCASTER" a city,
    not Lancaster County (a unit's population is that of all its towns)."""
    return (e.feature_code.startswith("PCL"), _in_province(e, province),
            bool(prefer) and e.iso2 == prefer, near_place(e, near), _in_city(e, near), known_city(e),
            on_side(e, side),
            e.feature_class == "P" or e.feature_code == "ADM1",
            bool(name) and own_name(e.name, fold(name)), e.population)


def known_city(e: GeoEntry) -> bool:
    """A city of 100,000+: a reader knows it by name, wherever a broadcaster is ("DALLAS" of
    WFAA, a station licensed before the FCC split the letters, is the Texas city)."""
    return e.feature_class == "P" and e.population >= KNOWN_CITY


NEAR_KM = 150  # a local newsroom's area: how far from the article's own places a namesake is theirs
CITY_KM = 40  # a city and its suburbs


def _in_city(e: GeoEntry, near: tuple[GeoEntry, ...]) -> bool:
    """A town in the city or the suburbs of one of ``near`` (a district or a province is
    ranked by :func:`near_place` alone)."""
    return e.feature_class == "P" and near_place(e, near, CITY_KM)


def near_place(e: GeoEntry, near: tuple[GeoEntry, ...], km: float = NEAR_KM) -> bool:
    """Within a newsroom's area of one of ``near``, or the province one of them lies in: "Ohio"
    of a Cincinnati station's dateline is the state, as near as the Indiana county across the
    river whose centre is nearer (and a province before a county)."""
    from ..gazetteer import distance_km

    if e.feature_code == "ADM1" and any(a.iso2 == e.iso2 and fold(_admin1_of(a) or "") == fold(e.name) for a in near):
        return True
    return any(distance_km(a.latitude, a.longitude, e.latitude, e.longitude) < km for a in near)


def _admin1_of(e: GeoEntry) -> str | None:
    return e.admin1 or (e.name if e.feature_code == "ADM1" else None)


Side = tuple[str, frozenset[str]]  # (ISO2, the folded provinces on one side of that country)


@functools.lru_cache(maxsize=1)
def _call_sign_sides() -> tuple[tuple[str, re.Pattern, dict[str, frozenset[str]]], ...]:
    sides = lexicon().get("call_sign_sides", {})
    return tuple((iso2, re.compile(spec["pattern"]), {k: frozenset(fold(n) for n in spec[k]) for k in ("K", "W")})
                 for iso2, spec in sides.items())


def broadcaster_side(text: str) -> Side | None:
    """The provinces on the side of its country where the text's broadcaster is, by the
    first letter of the call signs it writes (lexicon ``call_sign_sides``: "WSLS 10" is east
    of the Mississippi, "KCTV5" west of it); None when it writes none, or both letters."""
    for iso2, pattern, sides in _call_sign_sides():
        letters = {next(g for g in m.groups() if g).upper() for m in pattern.finditer(text)}
        if len(letters) == 1:
            return iso2, sides[letters.pop()]
    return None


# "http://web.archive.org/web/2015.../http://www.toledoblade.com/...": an archive's or a
# proxy's address around the page's own, which names the outlet
_WRAPPED = re.compile(r"^[a-z][a-z0-9+.-]*://[^/]+/.*?\b(https?://.+)$", re.IGNORECASE)
_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/]*@)?([^/:?#]+)", re.IGNORECASE)
_HOST_WORDS = re.compile(r"[a-z]+")
HOST_NAME_MIN = 4  # letters of a name read in a host: "waco", never "al" of "al.com" or "co" of "co.uk"


def page_host(url: str | None) -> str:
    """The host of the page a URL shows, lower-cased: the archived page's own host for an
    archive's or a proxy's address that wraps it ("web.archive.org/web/TS/http://HOST/...")."""
    if not url:
        return ""
    while (m := _WRAPPED.match(url.strip())) is not None:
        url = m.group(1)
    m = _HOST.match(url.strip())
    return m.group(1).lower().rstrip(".") if m else ""


def domain_country(url: str | None) -> str | None:
    """The country (ISO2) of an outlet's national web domain: "www.thesun.co.uk" is a British
    paper's, "www.anglocelt.ie" an Irish one's. A national paper reports mostly from its own
    country, so a bare "Manchester" or "Virginia" there is its own country's. Domains sold
    for their letters ("news.tv", "example.io": lexicon ``generic_country_domains``) name none."""
    label = page_host(url).rsplit(".", 1)[-1]
    if len(label) != 2 or not label.isalpha() or label in lexicon()["generic_country_domains"]:
        return None
    return lexicon()["country_domain_codes"].get(label, label.upper())


def country_of_outlet(url: str | None, outlet: tuple[GeoEntry, ...]) -> str | None:
    """The outlet's own country: its national web domain's (:func:`domain_country`), else the
    one country of the towns and provinces its web address names (``outlet``, as
    :func:`outlet_home` keeps them): a Columbia, South Carolina paper's "Santa Ana" is the
    Californian city, not El Salvador's."""
    home = outlet_home(outlet, None)
    return domain_country(url) or (home[0].iso2 if home else None)


def outlet_places(url: str | None, gazetteer) -> tuple[GeoEntry, ...]:
    """The towns of 100,000+ and the provinces an outlet's web address names, written without
    spaces at either end of a word of its host ("chicago.suntimes.com", "www.toledoblade.com",
    "www.nbcnewyork.com", "www.mysanantonio.com"); the top-level domain and common words
    (``stop_names``) name none. A newsroom reports mostly from around its home: these
    places choose among namesakes as the text's own places do, and vote for no focus."""
    host = page_host(url)
    known = _HOST_PLACES.setdefault(gazetteer, {})
    if host not in known:
        known[host] = _host_places(host, gazetteer)
    return known[host]


# gazetteer -> host -> its places: an outlet's host is read once, not once per article and use
_HOST_PLACES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _host_places(host: str, gazetteer) -> tuple[GeoEntry, ...]:
    from ..gazetteer import stop_names

    labels = host.split(".")[:-1]
    stop, out = stop_names(), {}
    for word in (w for label in labels for w in _HOST_WORDS.findall(label)):
        for key in _host_names(word, gazetteer, stop):
            for e in gazetteer.by_joined_name(key, KNOWN_CITY):
                out.setdefault((e.geonameid, e.name), e)
    return tuple(out.values())


def outlet_home(outlet: tuple[GeoEntry, ...], country: str | None) -> tuple[GeoEntry, ...]:
    """The outlet's places in the article's ``country`` (ISO2) whose name leaves no doubt there:
    "springfield" of a host names three states' cities, so none; "athens", only Georgia's
    in a report from the US. Without a country, the one country all of them lie in."""
    if not country:
        countries = {e.iso2 for e in outlet}
        country = countries.pop() if len(countries) == 1 else None
    inside = [e for e in outlet if country and e.iso2 == country]
    provinces: dict[str, set[str]] = {}
    for e in inside:
        provinces.setdefault(fold(e.name), set()).add(fold(_admin1_of(e) or ""))
    return tuple(e for e in inside if len(provinces[fold(e.name)]) == 1)


# A station names itself in a dateline or a credit: "HOMEWOOD (KDKA) -", "(Photo: KENS 5)",
# "WSMV Channel 4" (the call sign forms of lexicon ``country_cues``)
_CALL_SIGN = re.compile(r"\b([KW][A-Z]{2,3})(?:-(?:TV|FM|AM|DT)\b|\s?\d{1,2}\b|\s(?:News|TV|Channel)\b|\.com\b)"
                        r"|\(([KW][A-Z]{2,3})(?:-(?:TV|FM|AM))?(?:/[A-Z]+)?\)")
# what a station's web host writes after its call sign: "wsbtv", "kens5", "wmcactionnews5"
_AFTER_CALL_SIGN = re.compile(r"(?:-?tv|\d{1,2}|(?:action)?news\d{0,2}|online)?")


@functools.lru_cache(maxsize=1)
def _outlet_table() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """(call sign -> (town, state), web host word -> (town, state)) of US local outlets
    (data/geo/outlets.csv; an empty town is the whole state)."""
    from ..gazetteer._compiled import _data_csv

    calls: dict[str, tuple[str, str]] = {}
    hosts: dict[str, tuple[str, str]] = {}
    for r in _data_csv("outlets.csv"):
        home = (r["town"], r["admin1"])
        calls.update({c: home for c in r["call_signs"].split()})
        hosts.update({h: home for h in r["hosts"].split()})
    return calls, hosts


# A site's brand the dateline credits in brackets: "GREENACRES (CBSMiami) -". A web address
# the opening cites ("wistv.com reported") may be another newsroom's, whose story is carried.
_HEAD_HOST = re.compile(r"\(([A-Za-z][A-Za-z0-9]{3,})\)")


# A photo credit names the photographer and the paper they work for: "Photo: Jane Roe / Houston
# Chronicle". The paper's words, joined, are the host word of its site, or are after its
# town's name ("Express-News" of "San Antonio Express-News": "expressnews").
_PHOTO_CREDIT = re.compile(r"\bPhoto:\s*[^/\n]{2,60}?\s/\s*((?:[A-Z][\w&'-]*\s?){1,5})")


def _credited_paper(name: str, hosts: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    words = [re.sub(r"[^a-z0-9]", "", w.lower()) for w in name.split()]
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            home = hosts.get("".join(words[i:j]))
            # words before the host's are the paper's town ("San Antonio" Express-News), no other
            if home is not None and (i == 0 or " ".join(words[:i]) == fold(home[0])):
                return home
    return None


# The copyright line a station group's sites print under a story, naming the newsroom that
# wrote it: "Copyright 2016 WVUE. All rights reserved.", "Copyright 2015 KCTV (Meredith Corp.)".
_COPYRIGHT = re.compile(r"\bCopyright\s+(?:©\s*)?(?:(?:19|20)\d{2}\s+)?([A-Za-z][A-Za-z0-9]{2,})\b")


def known_outlets(url: str | None, head: str, gazetteer, tail: str = "") -> tuple[GeoEntry, ...]:
    """The home towns of the US local outlets (data/geo/outlets.csv) that the page's web host
    ("www.wlky.com", "www.indystar.com"), the call signs and site brands of the text's opening
    ("HOMEWOOD (KDKA) -", "(CBSMiami)"), the copyright line of its end (``tail``: "Copyright
    2016 WVUE") and the papers its photo credits name ("Photo: Jane Roe / Houston Chronicle"): a
    newsroom's market, where its reports mostly come from. Unlike a town read in a host's
    letters, each is one town, whatever its namesakes."""
    calls, hosts = _outlet_table()
    # the newsroom a text's opening credits first ("(WMC) -" of a report a Georgia station's site
    # carries), then the one its copyright line names (a story a station group's sites share is
    # its own newsroom's: "Copyright 2016 KAIT" on a Memphis station's site), then the site's own
    homes = [calls.get(next(g for g in m.groups() if g)) for m in _CALL_SIGN.finditer(head)]
    homes += [hosts.get(m.group(1).lower()) for m in _HEAD_HOST.finditer(head)]
    homes += [calls.get(m.group(1)) or hosts.get(m.group(1).lower()) or _host_call_sign(m.group(1).lower(), calls)
              for m in _COPYRIGHT.finditer(tail)]
    homes += [hosts.get(w) or _host_call_sign(w, calls) for w in page_host(url).split(".")[:-1]]
    homes += [_credited_paper(m.group(1), hosts) for m in _PHOTO_CREDIT.finditer(f"{head}\n{tail}")]
    out: dict[int, GeoEntry] = {}
    for home in dict.fromkeys(h for h in homes if h):
        if (e := _outlet_home_entry(home, gazetteer)) is not None:
            out.setdefault(e.geonameid, e)
    return tuple(out.values())


def _host_call_sign(word: str, calls: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The home of the station whose call sign opens a host's word ("wsbtv", "kare11")."""
    for n in (4, 3):
        if word[:n].upper() in calls and _AFTER_CALL_SIGN.fullmatch(word[n:]):
            return calls[word[:n].upper()]
    return None


# gazetteer -> (town, state) -> its entry: an outlet's home is looked up once
_OUTLET_HOMES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _outlet_home_entry(home: tuple[str, str], gazetteer) -> GeoEntry | None:
    """The largest US or Canadian town of that name in that state or province (the state
    itself for no town)."""
    known = _OUTLET_HOMES.setdefault(gazetteer, {})
    if home not in known:
        town, state = home
        cands = [e for e in gazetteer.lookup(town or state) if e.iso2 in ("US", "CA")
                 and fold(_admin1_of(e) or "") == fold(state)
                 and (e.feature_class == "P" if town else e.feature_code == "ADM1")]
        known[home] = max(cands, key=lambda e: e.population, default=None)
    return known[home]


def _host_names(word: str, gazetteer, stop: frozenset[str]) -> list[str]:
    """The longest start and the longest end of a host's word that name a place ("toledo"
    of "toledoblade", "detroit" of "clickondetroit"; the whole word first)."""
    out = []
    for ends in ((word[:k] for k in range(len(word), HOST_NAME_MIN - 1, -1)),
                 (word[-k:] for k in range(len(word), HOST_NAME_MIN - 1, -1))):
        key = next((k for k in ends if k not in stop and gazetteer.by_joined_name(k, KNOWN_CITY)), None)
        if key is not None and key not in out:
            out.append(key)
    return out


def _in_province(e: GeoEntry, province: str | None) -> bool:
    return bool(province) and fold(_admin1_of(e) or "") == province


def on_side(e: GeoEntry, side: Side | None) -> bool:
    return side is not None and e.iso2 == side[0] and fold(_admin1_of(e) or "") in side[1]


@functools.lru_cache(maxsize=1)
def _country_cues() -> tuple[tuple[str, tuple[GatedPattern, ...]], ...]:
    # each cue's scan is skipped in a text without its words (most texts hold few cues)
    cues = lexicon().get("country_cues", {})
    return tuple((iso2, tuple(GatedPattern(p) for p in spec["patterns"])) for iso2, spec in cues.items())


@functools.lru_cache(maxsize=1)
def _province_cues() -> tuple[tuple[str, tuple[str, ...], tuple[GatedPattern, ...]], ...]:
    cues = lexicon().get("country_cues", {})
    return tuple((iso2, tuple(fold(p) for p in spec["provinces"]), tuple(GatedPattern(p) for p in spec["patterns"]))
                 for iso2, spec in cues.items() if spec.get("provinces"))


def province_cues(text: str) -> list[tuple[str, str]]:
    """(ISO2, folded province) of the provinces the text's cues speak of: a body that
    reports from a few provinces only (the OSCE's monitors on Ukraine's contact line)."""
    folded = fold_case(text)
    return [(iso2, p) for iso2, provinces, patterns in _province_cues()
            if any(pat.search(text, folded) for pat in patterns) for p in provinces]


@functools.lru_cache(maxsize=1)
def _usage_cues() -> tuple[tuple[str, tuple[GatedPattern, ...]], ...]:
    cues = lexicon().get("usage_cues", {})
    return _country_cues() + tuple((iso2, tuple(GatedPattern(p) for p in spec["patterns"]))
                                   for iso2, spec in cues.items())


def usage_country(text: str) -> tuple[str, int, int] | None:
    """(ISO2, start, end of its first cue) of the one country whose institutions or usage
    the text names (lexicon ``country_cues`` and ``usage_cues``); None for none or several."""
    found: dict[str, tuple[int, int]] = {}
    folded = fold_case(text)
    for iso2, patterns in _usage_cues():
        for p in patterns:
            m = p.search(text, folded)
            if m is not None and (iso2 not in found or m.start() < found[iso2][0]):
                found[iso2] = m.span()
    if len(found) != 1:
        return None
    iso2, (start, end) = next(iter(found.items()))
    return iso2, start, end


def country_cues(text: str) -> Counter:
    """ISO2 -> how many distinct cues of that country the text shows (at most ``MAX_CUES``):
    its institutions and its press's way of writing places ("the sheriff's office",
    "Gary, Ind."), which no place name's namesakes can blur."""
    out: Counter = Counter()
    folded = fold_case(text)
    for iso2, patterns in _country_cues():
        n = sum(1 for p in patterns if p.search(text, folded))
        if n:
            out[iso2] = min(n, MAX_CUES)
    return out


def usage_cues(text: str) -> Counter:
    """ISO2 -> how many distinct institutions and usages of that country (lexicon
    ``usage_cues``: its parties, forces, councils) the text names, at most ``MAX_CUES``."""
    out: Counter = Counter()
    folded = fold_case(text)
    for iso2, spec in lexicon().get("usage_cues", {}).items():
        n = sum(1 for p in _usage_patterns(iso2) if p.search(text, folded))
        if n:
            out[iso2] = min(n, MAX_CUES)
    return out


@functools.lru_cache(maxsize=None)
def _usage_patterns(iso2: str) -> tuple[GatedPattern, ...]:
    return tuple(GatedPattern(p) for p in lexicon().get("usage_cues", {}).get(iso2, {}).get("patterns", ()))


def _preferred(cues: Counter | None, body: Counter | None) -> str | None:
    """The one country the article's own words point to, if they clearly do: its country
    cues (each counts twice: an institution is surer than a name), and places of its body
    that have namesakes in one country only (at least ``PREFER_MIN`` together, twice as
    much as for any other country)."""
    both = Counter({k: 2 * v for k, v in (cues or {}).items()})
    both.update(body or {})
    top = both.most_common(2)
    if not top or top[0][1] < PREFER_MIN:
        return None
    return top[0][0] if len(top) == 1 or top[0][1] >= 2 * top[1][1] else None


def agency_places(text: str, gazetteer) -> list[str]:
    """Places named as the owner of a police force ("Boston police", "the Los Angeles
    Police Department", "Jacksonville Sheriff's Office", "Cache County Sheriff"): the
    longest known end of the capitalised words before a word of lexicon ``agency_words``."""
    out = []
    for m in _agency_pattern().finditer(text):
        words = m.group(1).split()
        if words[-1].endswith("."):
            continue  # "... Street. Police said": the end of a sentence, not a name
        for k in range(min(3, len(words)), 0, -1):
            name = " ".join(words[-k:])
            if len(name) >= 3 and any(e.feature_class in ("A", "P") for e in gazetteer.lookup(name)):
                out.append(name)
                break
    return out


@functools.lru_cache(maxsize=1)
def _agency_pattern() -> re.Pattern:
    words = "|".join(re.escape(w).replace("'", "['’]") for w in sorted(lexicon()["agency_words"], key=len, reverse=True))
    return re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,4})(?i:" + words + r")\b")


def qualified_places(text: str, gazetteer) -> list[GeoEntry]:
    """Towns written with their province, the way a local press and an outlet's masthead
    write them ("Wichita Falls, TX", "Sports-Hattiesburg, MS", "Gary, Ind."): the
    longest known end of the capitalised words before the comma, inside the province
    after it. A name the gazetteer cannot place inside that province is left out."""
    out: list[GeoEntry] = []
    for m in _QUALIFIED.finditer(text):
        provinces = [e for e in gazetteer.lookup(m.group(2).strip()) if e.feature_code == "ADM1"]
        if not provinces:
            continue
        e = _inside_any(_name_ends(m.group(1)), provinces, gazetteer)
        if e is not None and all(e.geonameid != o.geonameid for o in out):
            out.append(e)
        if len(out) >= MAX_QUALIFIED:
            break
    return out


def _name_ends(words: str) -> list[str]:
    """'Weather, Sports-Hattiesburg' -> the longest end first, and a first word's part after
    a hyphen after the word itself ("Winston-Salem" before "Salem")."""
    parts = words.split()
    out = []
    for k in range(len(parts), 0, -1):
        out.append(" ".join(parts[-k:]))
        if "-" in parts[-k]:
            out.append(" ".join([parts[-k].rsplit("-", 1)[-1]] + parts[len(parts) - k + 1:]))
    return [n.strip(".'’-") for n in out]


def _inside_any(names: list[str], provinces: list[GeoEntry], gazetteer) -> GeoEntry | None:
    """The first name with a town or unit inside one of ``provinces`` (its largest town)."""
    for name in names:
        inside = [e for e in gazetteer.lookup(name) if e.feature_class in ("A", "P")
                  and any(_within(p, e) for p in provinces)] if len(name) >= 3 else []
        if inside:
            return max(inside, key=lambda c: (c.feature_class == "P", c.population))
    return None


def _within(outer: GeoEntry, inner: GeoEntry) -> bool:
    from ._resolve import _within_named

    return _within_named(outer, inner)


def resolve_dateline(place: str, gazetteer, prefer: str | None = None,
                     province: str | None = None, near: tuple[GeoEntry, ...] = (),
                     side: Side | None = None) -> GeoEntry | None:
    """'HENRY COUNTY, Ind.' -> Henry County, Indiana: the last part first, each part
    inside the one after it; a lone part is its most prominent namesake (in ``province``,
    a folded admin1 the article has already placed a town in, then in ``prefer``, the
    country the article's cues point to, when it has one there)."""
    parts = [p.strip() for p in place.split(",") if p.strip()]
    chosen: GeoEntry | None = None
    for part in reversed(parts):
        cands = [e for e in gazetteer.lookup(part) if e.feature_class in ("A", "P")]
        if chosen is not None:
            inside = [e for e in cands if _within(chosen, e)]
            if not inside:
                continue  # an unknown suburb or an outlet's name: keep what is known
            cands = inside
        if cands:
            chosen = max(cands, key=(lambda e: _rank(e, prefer, province, near=near, side=side)) if chosen is None
                         else (lambda e: e.population))
    return chosen


def masthead_start(title: str) -> int:
    """Where an outlet's masthead starts in a headline (its length when there is none):
    "Man shot in Canton - WTVM.com-Columbus, GA News" -> the offset of " - ". The town it
    names is the outlet's home, the event's place only when the text names no other (a
    Memphis station reports from Arkansas and Georgia too)."""
    for m in _MASTHEAD_SEP.finditer(title):
        nxt = _MASTHEAD_SEP.search(title, m.end())
        end = nxt.start() if nxt else len(title)
        if m.start() > 0 and len(title) - m.start() <= MASTHEAD_CHARS and _OUTLET.search(title, m.end(), end):
            return m.start()
    return len(title)


def title_places(title: str, gazetteer, stop: frozenset[str], prefer: str | None = None,
                 province: str | None = None, near: tuple[GeoEntry, ...] = (),
                 side: Side | None = None, home: str | None = None,
                 outlet: tuple[GeoEntry, ...] = ()) -> list[GeoEntry]:
    """Places named in a headline: runs of capitalised words (or their longest known
    start) that name a country, a province or a town of 15,000+, of ``home`` or of the city
    or the suburbs of one of ``outlet`` (the outlet's home towns, however small: "Athens" in a
    headline of the Daily Post-Athenian is its Tennessee town, "Kensington" in a Philadelphia
    paper's its neighbourhood), the province a dateline, a town written with its province or
    the text's own words have settled (the namesake in ``province``, then in ``prefer``,
    first: see :func:`_rank`)."""
    out: list[GeoEntry] = []
    for m in _CAPS_RUN.finditer(title):
        words = m.group(0).split()
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + 4), i, -1):
                name = " ".join(words[i:j]).strip(".,'’")
                found = gazetteer.lookup(name)
                cands = [e for e in found if e.feature_code.startswith("PCL")
                         or e.feature_code == "ADM1"
                         or (e.feature_class == "P" and (e.population >= TITLE_MIN_POPULATION
                                                         or _in_province(e, home)
                                                         or near_place(e, outlet, CITY_KM)))]
                if found and not cands and j - i >= 2:
                    # a small town's name of several words ("New Stanton") is no larger
                    # namesake of its last word ("Stanton") elsewhere
                    i = j - 1
                    break
                if j - i == 1 and (fold(name) in stop or len(name) < 4):
                    # a headline capitalises every word: one short or common word is no place
                    cands = [e for e in cands if e.feature_code.startswith("PCL")]
                if cands:
                    out.append(max(cands, key=lambda e: _rank(e, prefer, province, name, near, side)))
                    i = j - 1
                    break
            i += 1
    return out


def _foreign_share(e: GeoEntry, prefer: str | None) -> float:
    """A headline's, lede's or police's place with no namesake in the country the article's
    own words point to counts half: "Bordeaux" under "NASHVILLE, Tenn. (WKRN)" is a
    neighbourhood, and "Metro police" of a report from Nashville no town "Metro" abroad."""
    return 0.5 if prefer and e.iso2 != prefer else 1.0


def _vote(votes: Counter, admin: Counter, e: GeoEntry, w: float) -> None:
    if e.iso2:
        votes[e.iso2] += w
    a1 = _admin1_of(e)
    if a1 and e.iso2:
        admin[(e.iso2, fold(a1))] += w


def article_focus(gazetteer, *, dateline: str | None = None, title: str | None = None,
                  lede: list[GeoEntry] = (), stop: frozenset[str] = frozenset(),
                  actor_country: str | None = None, cues: Counter | None = None,
                  agencies: list[str] = (), body: Counter | None = None,
                  qualified: list[tuple[GeoEntry, str]] = (), parts: frozenset[str] = frozenset(),
                  near: tuple[GeoEntry, ...] = (), provinces: Counter | None = None,
                  side: Side | None = None, outlet: tuple[GeoEntry, ...] = ()) -> Focus:
    """The focus from the dateline's place words, the headline, the lede's places, the
    country of a state actor the article names ("Military Forces of Ukraine"), the
    country cues of its text (:func:`country_cues`) and the places whose police the
    article cites (``agencies``: "Boston police", "the Jacksonville Sheriff's Office"):
    local news quotes the police of the place where the event happened. Towns written
    with their province (``qualified``, each with where it was written: "title" for
    "Columbus, GA" of an outlet's masthead, "text") settle the province before the
    police's and the headline's namesakes are chosen. A headline's name that the text calls a
    neighbourhood (``parts``: "Austin" of "the Austin neighborhood") is a part of a city, not
    the town elsewhere that bears it, and says nothing of the focus. The towns of the text
    that have no namesake (``near``) and a masthead's town choose among the namesakes of the
    dateline's, the police's and the headline's places: the one near them (a masthead's
    state is the outlet's, and its area crosses state lines). Without a dateline or a town
    written with its province, the province the text names most (``provinces``: "a Florida
    Highway Patrol report") chooses among the police's and the headline's namesakes: "Williston"
    of that report is Florida's town, not the larger one of North Dakota. A broadcaster's
    call sign (``side``) then prefers the namesakes on its side of the country. The towns
    and provinces of the outlet's web address (``outlet``) choose among namesakes as a
    masthead's town does; the focus keeps those of its country for resolution (see ``_resolve``)."""
    if gazetteer is None:
        return NO_FOCUS
    votes: Counter = Counter()
    admin: Counter = Counter()
    sources = []
    named: list[tuple[GeoEntry, str]] = []  # in order: dateline, title, lede
    prefer = _preferred(cues, body) or _small_town_outlet_country(outlet)
    near = tuple(near) + tuple(e for e, where in qualified if where == "title") + outlet_home(outlet, prefer)
    if dateline and (e := resolve_dateline(dateline, gazetteer, prefer, near=near, side=side)) is not None:
        _vote(votes, admin, e, WEIGHTS["dateline"])
        sources.append("dateline")
        named.append((e, "dateline"))
    for e, where in qualified:
        _vote(votes, admin, e, WEIGHTS["qualified"])
        sources.append("qualified")
        named.append((e, "qualified-" + where))
    province = next((fold(a) for e, where in named if where != "qualified-title" and (a := _admin1_of(e))), None)
    home = province = province or _most_named(provinces, prefer)
    for name in dict.fromkeys(agencies):
        if (e := resolve_dateline(name, gazetteer, prefer, province, near, side)) is not None:
            _vote(votes, admin, e, WEIGHTS["agency"] * _foreign_share(e, prefer))
            sources.append("agency")
            named.append((e, "agency"))
    province = home or next((fold(a) for e, where in named if where != "qualified-title" and (a := _admin1_of(e))),
                            None)
    for e in title_places(title or "", gazetteer, stop, prefer, province, near, side, home,
                          outlet_home(outlet, prefer)):
        if fold(e.name) in parts:
            continue
        _vote(votes, admin, e, WEIGHTS["title"] * _foreign_share(e, prefer))
        sources.append("title")
        named.append((e, "title"))
    for e in lede:
        _vote(votes, admin, e, WEIGHTS["lede"] * _foreign_share(e, prefer))
        sources.append("lede")
        named.append((e, "lede"))
    if actor_country:
        votes[actor_country] += WEIGHTS["actor"]
        sources.append("actor")
    for iso2, n in (cues or {}).items():
        votes[iso2] += WEIGHTS["cue"] * n
        sources.append("cues")
    total = sum(votes.values())
    unfocused = Focus(outlet=outlet_home(outlet, None))
    if not total:
        return unfocused
    country, w = votes.most_common(1)[0]
    if w / total < LEAD_SHARE:
        return unfocused
    in_country = [(k, v) for k, v in admin.items() if k[0] == country]
    a1 = None
    if in_country:
        (iso, name), aw = max(in_country, key=lambda kv: kv[1])
        # a cue or an actor says which country, never which province: a province that a
        # dateline, a headline, the police or two places of the lede name leads among the
        # votes of named places only
        named_votes = sum(v for _, v in in_country)
        a1 = name if aw / w >= LEAD_SHARE or (_distinct_votes(named, iso, name) >= PROVINCE_MIN
                                              and aw / named_votes >= LEAD_SHARE) else None
    return Focus(country, a1, round(w / total, 2), "+".join(dict.fromkeys(sources)),
                 _focus_place(named, country, a1), _focus_outlet(outlet, country))


def _focus_outlet(outlet: tuple[GeoEntry, ...], country: str) -> tuple[GeoEntry, ...]:
    """The outlet's places the focus keeps: those in the article's country, or a small town
    paper's home wherever the story is (a Tennessee paper's report of a mission trip to
    Guatemala still means its own town by "Paris")."""
    return outlet_home(outlet, country) or (outlet_home(outlet, None) if _small_town_outlet_country(outlet) else ())


def _small_town_outlet_country(outlet: tuple[GeoEntry, ...]) -> str | None:
    """The country of a small town's paper, where its web address leaves no doubt of one: it
    reports its own area, so a text that no country cue places is its own country's ("Lebanon"
    of the Lebanon Daily News is no Middle Eastern country). A large city's outlet carries the
    world's news too."""
    home = outlet_home(outlet, None)
    if not home or any(known_city(e) or e.feature_class != "P" for e in home):
        return None
    return home[0].iso2


def _most_named(provinces: Counter | None, prefer: str | None) -> str | None:
    """The folded province of the country the article's own words point to that the text
    names most often, when one leads ("Georgia" is the state only in a report from the US)."""
    top = [(k, n) for k, n in (provinces or Counter()).most_common() if prefer and k[0] == prefer][:2]
    if not top or (len(top) == 2 and top[1][1] == top[0][1]):
        return None
    return top[0][0][1]


def _distinct_votes(named: list[tuple[GeoEntry, str]], iso2: str, a1: str) -> float:
    """The votes for a province with each place counted once, at its strongest (a town the
    lede names twice is still one place)."""
    best: dict[int, float] = {}
    for e, source in named:
        if e.iso2 == iso2 and fold(_admin1_of(e) or "") == a1:
            w = WEIGHTS.get(source.split("-")[0], 1.0)
            best[e.geonameid] = max(best.get(e.geonameid, 0.0), w)
    return sum(best.values())


def _focus_place(named: list[tuple[GeoEntry, str]], country: str, a1: str | None) -> GeoEntry | None:
    """The first town or district named in the focus country and province: "Memphis" of a
    headline "... - Memphis, Tennessee". A dateline's place stands alone; a headline's or the
    lede's needs another of their places in its province or 100,000 people, for a name alone
    picks the most populous namesake ("Eureka Garden" is no place in California). The
    place whose police are cited stands alone too: it is the police of where it happened."""
    if a1 is None:
        return None
    provinces = [fold(e.admin1 or (e.name if e.feature_code == "ADM1" else "")) for e, _ in named
                 if e.iso2 == country]
    for e, source in named:
        if source == "qualified-title":
            continue  # a masthead's town ("WTVM.com-Columbus, GA") is the outlet's, not the event's
        if e.iso2 != country or not (e.feature_class == "P" or e.feature_code == "ADM2") \
                or not e.admin1 or fold(e.admin1) != a1:
            continue
        if source in ("dateline", "agency") or e.population >= KNOWN_CITY or provinces.count(a1) >= 2:
            return e
    return None
