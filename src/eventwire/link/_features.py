"""Pair features: how alike two events are on date, place, actors, class and words.

Each feature is a number in [0, 1] (place may veto with ``None``), and every
feature is reported so a stored link says why it was made.
"""
from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from ..records import Event
from ._config import LinkConfig

CONCEPTS_PATH = Path(__file__).resolve().parents[1] / "data" / "link_concepts.csv"
_PRECISION_DAYS = {"day": 0, "week": 3, "month": 15, "year": 182}
_WORD = re.compile(r"[a-z][a-z'-]{2,}")
# Words every report of violence uses: they say nothing about *which* incident.
_COMMON = frozenset("""
the and for with that this from were was has have had are but not its their they them
his her said says say told according statement officials official police security forces
people killed kill killing dead death deaths died injured wounded attack attacked attacks
least more than after before over into about also who which when where while been being
other some several many least near area district province city town village reported
report reports local sources source news agency media government monday tuesday wednesday
thursday friday saturday sunday yesterday today week month year men women persons
""".split())


def country_key(event: Event) -> str | None:
    loc = event.location
    if loc is None:
        return None
    return (loc.iso3 or loc.country or "").upper() or None


def date_gap(a: Event, b: Event) -> int | None:
    """Days between the events, less the slack their date precision allows."""
    if a.event_date is None or b.event_date is None:
        return None
    slack = max(_PRECISION_DAYS.get(a.date_precision, 0), _PRECISION_DAYS.get(b.date_precision, 0))
    return max(0, abs((a.event_date - b.event_date).days) - slack)


def date_score(gap: int | None, cfg: LinkConfig) -> float:
    if gap is None:
        return 0.0
    if gap <= 1:
        return 1.0
    if gap <= cfg.same_window_days:
        return 1.0 - 0.6 * gap / cfg.same_window_days
    return 0.0


def _km(a, b) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _same(x: str | None, y: str | None) -> bool | None:
    if not x or not y:
        return None
    return x.strip().lower() == y.strip().lower()


def homonyms(la, lb) -> bool:
    """Two towns of one name (the places of two reports, resolved to different provinces)."""
    return max(la.geo_precision, lb.geo_precision) < 3 and bool(_same(la.name, lb.name))


def place_name_key(name: str | None) -> str:
    """One spelling of a place name for comparing reports ("ST. LOUIS", "Saint-Louis" and
    "St Louis" are ``saint louis``)."""
    words = " ".join((name or "").lower().replace("-", " ").replace(".", ". ").split()).split()
    return " ".join("saint" if w in ("st.", "st") else w.rstrip(".") for w in words)


def named_places(event: Event) -> frozenset[str]:
    """The names (``place_name_key``) of every place the report names, as written and as
    resolved, whatever role the place has in it."""
    out = set()
    for p in event.places:
        out.add(place_name_key(p.text))
        if p.entry is not None:
            out.add(place_name_key(p.entry.name))
    out.discard("")
    return frozenset(out)


def names_place_of(a: Event, b: Event) -> str | None:
    """The name of ``b``'s town or district when report ``a`` names it too (``None`` else).

    Two reports coded in different provinces or countries, one of which names the other's
    town ("a victim of the Orlando shooting" in a report coded in New Orleans; "Bordeaux", a
    part of Nashville, read as the French city in the other): the coded places then may not
    rule the pair out, one of them is likely misread. A province or country named says
    nothing (every report names its state)."""
    lb = b.location
    if lb is None or not lb.name or lb.geo_precision >= 3:
        return None
    key = place_name_key(lb.name)
    return lb.name if key and key in named_places(a) else None


def place_score(a: Event, b: Event, cfg: LinkConfig) -> tuple[float | None, str]:
    """(score, why); score ``None`` means the places rule the pair out."""
    la, lb = a.location, b.location
    if la is None or lb is None:
        return 0.0, "place unknown"
    if _same(la.admin1, lb.admin1) is False:
        if cfg.homonym_score is not None and homonyms(la, lb):
            # one town name resolved to two provinces ("Oakland", "Albany"): one side may be misread
            return cfg.homonym_score, f"same name {la.name} in {la.admin1} / {lb.admin1}"
        return None, f"different admin1 ({la.admin1} / {lb.admin1})"
    if None not in (la.latitude, la.longitude, lb.latitude, lb.longitude):
        km = _km(la, lb)
        if km > cfg.veto_km:
            return None, f"{km:.0f} km apart"
        if max(la.geo_precision, lb.geo_precision) < 3:
            if km <= cfg.near_km:
                return 1.0, f"{km:.1f} km apart"
            return max(0.0, 1 - (km - cfg.near_km) / (cfg.far_km - cfg.near_km)), f"{km:.0f} km apart"
    if _same(la.name, lb.name):
        return 1.0, f"same place {la.name}"
    if max(la.geo_precision, lb.geo_precision) >= 3 and _same(la.admin1, lb.admin1):
        # A province-level report does not contradict a precise one inside that province.
        return cfg.contained_score, f"within {la.admin1}"
    if _same(la.admin2, lb.admin2):
        return cfg.admin2_score, f"same admin2 {la.admin2}"
    if _same(la.admin1, lb.admin1):
        return cfg.admin1_score, f"same admin1 {la.admin1}"
    return 0.0, "places not comparable"


_GENERIC_TYPES = frozenset({"civilians", "protesters", "rioters"})


def _actor_names(event: Event, side: int) -> set[str]:
    actor = event.actor1 if side == 1 else event.actor2
    # "Civilians" or "Protesters" on both sides says nothing about which incident it is.
    names = {actor.name} if actor and actor.type not in _GENERIC_TYPES else set()
    if side == 1:
        names |= {c.actor for c in event.claims}
        names |= {a.name for a in event.assoc_actor1}
    return {n for n in names if n and "unidentified" not in n.lower()}


def _match(xs: set[str], ys: set[str]) -> float | None:
    if not xs or not ys:
        return None
    return max(fuzz.token_set_ratio(x.lower(), y.lower()) for x in xs for y in ys) / 100.0


def actor_score(a: Event, b: Event) -> tuple[float | None, str]:
    """Mean agreement of initiators and targets that both reports name."""
    parts = [m for m in (_match(_actor_names(a, 1), _actor_names(b, 1)),
                         _match(_actor_names(a, 2), _actor_names(b, 2))) if m is not None]
    if not parts:
        return None, "actors not named in both"
    scores = [1.0 if m >= 0.9 else (0.0 if m < 0.6 else m) for m in parts]
    return sum(scores) / len(scores), f"actor agreement {'/'.join(f'{s:.2f}' for s in scores)}"


_ARMED_GROUPS = frozenset({"rebel group", "political militia", "identity militia"})


def same_named_group(a: Event, b: Event) -> bool:
    """Both reports name one armed group as the initiator: a particular of the incident
    (state forces and unnamed gunmen are in every report of their country)."""
    x, y = a.actor1, b.actor1
    if not x or not y or x.type not in _ARMED_GROUPS or y.type not in _ARMED_GROUPS:
        return False
    return fuzz.token_set_ratio(x.name.lower(), y.name.lower()) >= 90


def _best(count) -> int | None:
    return count.best if count is not None else None


def same_counts(a: Event, b: Event) -> bool:
    """Both reports give the same numbers killed and injured, two people or more in all: with
    the same day and town, such a toll tells one shooting from another (one person killed
    is too common a toll to tell anything)."""
    pairs = [(_best(a.fatalities), _best(b.fatalities)), (_best(a.injured), _best(b.injured))]
    if any((x is None) != (y is None) for x, y in pairs):
        return False
    given = [(x, y) for x, y in pairs if x is not None]
    return bool(given) and all(x == y for x, y in given) and sum(x for x, _ in given) >= 2


def toll(event: Event) -> int:
    """People killed and injured, as far as the report gives them."""
    return (_best(event.fatalities) or 0) + (_best(event.injured) or 0)


def class_score(a: Event, b: Event) -> float:
    if a.event_type != b.event_type:
        gtd_a, gtd_b = a.codes.get("gtd_attack_type"), b.codes.get("gtd_attack_type")
        return 0.5 if gtd_a and gtd_a == gtd_b else 0.0
    return 1.0 if a.sub_event_type == b.sub_event_type else 0.7


def event_text(event: Event) -> str:
    """The words that describe the event: notes, then each distinct evidence sentence."""
    parts = [event.notes] if event.notes else []
    for ev in event.evidence:
        if ev.sentence and ev.sentence not in parts:
            parts.append(ev.sentence)
    return " ".join(parts)[:2000]


def stem(word: str) -> str:
    for suffix in ("ings", "ing", "ers", "er", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=1)
def concepts() -> dict[str, str]:
    """stemmed word → concept, from ``data/link_concepts.csv``."""
    out: dict[str, str] = {}
    lines = [ln for ln in CONCEPTS_PATH.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    for row in csv.DictReader(lines):
        for word in row["words"].split():
            out.setdefault(stem(word.lower()), row["concept"])
    return out


@lru_cache(maxsize=1)
def generic_concepts() -> frozenset[str]:
    """Concepts nearly every report of violence uses (``generic`` in ``data/link_concepts.csv``)."""
    lines = [ln for ln in CONCEPTS_PATH.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return frozenset(row["concept"] for row in csv.DictReader(lines) if (row.get("generic") or "0").strip() == "1")


def _named_words(event: Event) -> set[str]:
    """Words of the event's place and actor names: already weighed by their own features."""
    loc, names = event.location, []
    if loc is not None:
        names += [loc.name, loc.admin1, loc.admin2, loc.admin3, loc.country]
    names += [a.name for a in (event.actor1, event.actor2) if a]
    return {stem(w) for n in names if n for w in _WORD.findall(n.lower())}


def content_words(event: Event) -> frozenset[str]:
    """The event's descriptive words, stemmed, synonyms folded into their concept."""
    return _content(event_text(event), frozenset(_named_words(event)))


@lru_cache(maxsize=16384)
def _content(text: str, skip: frozenset[str]) -> frozenset[str]:
    table = concepts()
    out = set()
    for word in _WORD.findall(text.lower()):
        if word in _COMMON:
            continue
        s = stem(word)
        if s not in skip:
            out.add(table.get(s, s))
    return frozenset(out)


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def text_score(a_words: frozenset[str], b_words: frozenset[str], concept_weight: float = 0.7) -> float:
    """Overlap of the two reports' descriptive words.

    Concepts (what was attacked, with what, how) carry most of the weight: two
    wordings of one incident share them far more than their exact words.
    """
    known = frozenset(concepts().values())
    a_words, b_words = a_words - generic_concepts(), b_words - generic_concepts()
    ca, cb = a_words & known, b_words & known
    if not ca or not cb:
        return _dice(a_words, b_words)
    return concept_weight * _dice(ca, cb) + (1 - concept_weight) * _dice(a_words - known, b_words - known)


# What names one incident: the people in it, the streets and neighbourhoods, the victims' ages.
NAME_STOPLIST_PATH = Path(__file__).resolve().parents[1] / "data" / "link_name_stoplist.txt"
# A capitalised word, with an inner capital ("McDonald", "DeShawn", "LaToya") or a hyphened or
# apostrophised second part ("Smith-Jones", "O'Neal").
_CAP = r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'][A-Z]?[a-z]+)?"
_NAME = re.compile(rf"\b{_CAP}(?:\s+[A-Z]\.)?(?:\s+{_CAP}){{1,2}}\b")
_STREET = re.compile(rf"\b(?:{_CAP}\s+){{1,2}}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Drive|Dr\.|Boulevard|"
                     rf"Blvd\.|Lane|Ln\.|Court|Ct\.|Place|Pl\.|Way|Parkway|Pkwy\.|Highway|Terrace|Circle|Pike)"
                     # the kind is a whole word: "Fort Wayne" is a town, not a "Fort Way"
                     rf"(?![A-Za-z])|\bblock of (?:[NSEW]\.?\s+|North |South |East |West )?"
                     rf"{_CAP}(?:\s+{_CAP})?")
_AGE = re.compile(r"\b(\d{1,2})-year-old\b|\b(?:age|aged)\s+(\d{1,2})\b|\b[A-Z][a-z]+,\s+(\d{1,2}),")


@lru_cache(maxsize=4)
def _word_list(path: Path) -> frozenset[str]:
    """The lower-cased words of a data file of word lists (``#`` lines are comments)."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            words += line.lower().split()
    return frozenset(words)


def name_stoplist() -> frozenset[str]:
    return _word_list(NAME_STOPLIST_PATH)


NAME_ROLES_PATH = Path(__file__).resolve().parents[1] / "data" / "link_name_roles.txt"
_BEFORE = re.compile(r"([A-Za-z.]+)[\s,]*$")


def name_roles() -> frozenset[str]:
    return _word_list(NAME_ROLES_PATH)


# "Jane Roe is a Chronicle staff writer", "Jane Roe, a reporter for ...": the words after a name
_AFTER = re.compile(r"^\W{0,3}(?:is |was )?(?:an? |the )?(?:[A-Za-z.'-]+ ){0,5}?"
                    r"(?:writer|reporter|correspondent|photographer|editor)s?\b")


def _in_role(text: str, start: int, end: int | None = None) -> bool:
    """The name just follows a word of office or authorship ("spokeswoman Sonya Toler", "By Liz Fabian"),
    or is followed by one of authorship ("Liz Fabian is a staff writer", "Liz Fabian, reporter")."""
    m = _BEFORE.search(text[max(0, start - 40):start])
    if m and m.group(1).lower().rstrip(".") in name_roles():
        return True
    return end is not None and bool(_AFTER.match(text[end:end + 70]))


def _sentences(event: Event) -> str:
    return "\n".join(dict.fromkeys(ev.sentence for ev in event.evidence if ev.sentence))


@dataclass(frozen=True, slots=True)
class Identity:
    """The particulars of one report: people's names (full and family), named small places
    (streets, neighbourhoods, villages), victims' ages."""

    names: frozenset[str]
    surnames: frozenset[str]
    places: frozenset[str]
    ages: frozenset[int]


def _fine_places(event: Event) -> set[str]:
    out = set()
    for p in event.places:
        e = p.entry
        # Unresolved names (neighbourhoods, estates) and small places; provinces and
        # big cities are shared by every incident there.
        if e is None or (e.feature_class != "A" and e.population < 100_000):
            text = " ".join(p.text.lower().split()).strip(" .")
            if len(text) > 3 and text not in name_stoplist():
                out.add(text)
    return out


_STREET_KIND = {"street": "st", "st": "st", "avenue": "ave", "ave": "ave", "road": "rd", "rd": "rd",
                "drive": "dr", "dr": "dr", "boulevard": "blvd", "blvd": "blvd", "lane": "ln", "ln": "ln",
                "court": "ct", "ct": "ct", "place": "pl", "pl": "pl", "way": "way", "parkway": "pkwy",
                "pkwy": "pkwy", "highway": "hwy", "hwy": "hwy", "terrace": "ter", "circle": "cir", "pike": "pike"}
_DIRECTION = frozenset("n s e w n. s. e. w. north south east west".split())


def place_key(place: str) -> str:
    """One spelling of a named place for comparing reports: a street without its kind,
    direction or "block of" ("the 1500 block of N. Plymouth St." and "Plymouth Street"
    are one street: ``street plymouth``); other places lower-cased as written."""
    words = " ".join(place.lower().replace(",", " ").split()).split()
    street = False
    while words[:1] == ["the"] or words[:1] and words[0].isdigit():
        words = words[1:]
    if words[:2] == ["block", "of"]:
        words, street = words[2:], True
    if len(words) > 1 and words[-1].rstrip(".") in _STREET_KIND:
        words, street = words[:-1], True
    if not street:  # "West Garfield Park" and "East Garfield Park" are two neighbourhoods
        return " ".join(words)
    if len(words) > 1 and words[0] in _DIRECTION:
        words = words[1:]
    return "street " + " ".join(words) if words else ""


def _distinctive(place: str, stop: frozenset[str]) -> bool:
    """A place name with a word of its own ("block of West", "south side" name no place; nor do
    words of what happened, "Fatal Shooting" or "Store", from the word groups of violence)."""
    return any(w not in stop and stem(w) not in concepts() for w in place.replace("block of", "").split())


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _given_and_family(words: list[str]) -> list[str]:
    """A person's name as given and family name: one report writes "Jerry Lee Dickerson Jr.", another
    "Jerry Dickerson"; the middle names and generational suffix are left out."""
    words = [w for w in words if w.rstrip(".") not in _SUFFIXES]
    return [words[0], words[-1]] if len(words) > 1 else words * 2


def _same_person(x: str, y: str) -> bool:
    """Two spellings of one name: the same family name and one given name the short form of the other
    ("Nick" / "Nicholas"), or the same given name and a family name spelt a letter or two apart
    ("Millien" / "Milien")."""
    (gx, fx), (gy, fy) = _given_and_family(x.split()), _given_and_family(y.split())
    if fx == fy:
        return min(len(gx), len(gy)) >= 3 and (gx.startswith(gy) or gy.startswith(gx))
    return gx == gy and min(len(fx), len(fy)) >= 5 and fuzz.ratio(fx, fy) >= 85


def identity(event: Event, text: str | None = None) -> Identity:
    """The report's particulars, from its whole text when given, else its evidence sentences."""
    text = text or _sentences(event)
    stop = name_stoplist()
    places = _fine_places(event) | {m.group(0) for m in _STREET.finditer(text)}
    places = {place_key(p) for p in places}
    places = {p for p in places if p and _distinctive(p.removeprefix("street "), stop)}
    place_words = {w for p in places for w in p.removeprefix("street ").split()} | _named_words(event)
    # a run the place finder read as a place ("Baton Rouge", "San Jose") names no person
    place_names = {" ".join(p.text.lower().split()) for p in event.places if p.text}
    names, surnames, roles = set(), set(), set()
    for m in _NAME.finditer(text):
        tokens = [t for t in m.group(0).split() if not t.endswith(".")]
        # "Chanetta Powell's" is Chanetta Powell
        low = [t.lower().removesuffix("'s").removesuffix("’s") for t in tokens]
        if len(low) < 2 or any(t in stop or t in place_words for t in low) or " ".join(low) in place_names:
            continue
        if low[0] in name_roles():  # "Mayor Michael Bloomberg": the office and who holds it
            low = low[1:]
            if len(low) < 2:
                continue
            roles.add(" ".join(low))
            continue
        if _in_role(text, m.start(), m.end()):
            roles.add(" ".join(low))
            continue
        names.add(" ".join(low))
        surnames.add(low[-1])
    # A spokesperson or reporter named once with the role and later alone is still no particular.
    names -= roles
    surnames -= {n.split()[-1] for n in roles}
    ages = {int(next(g for g in m.groups() if g)) for m in _AGE.finditer(text)}
    return Identity(frozenset(names), frozenset(surnames), frozenset(places), frozenset(a for a in ages if a > 0))


def identity_score(a: Identity, b: Identity) -> tuple[float, dict]:
    """How surely two reports' particulars say one incident (0: nothing shared), and what is shared.

    Ages count only when the two reports' ages mostly agree: two reports of one
    incident give the same victims' ages, two incidents share one by chance."""
    names = a.names & b.names
    names |= {x for x in a.names - names for y in b.names - names if _same_person(x, y)}
    surnames = (a.surnames & b.surnames) - {n.split()[-1] for n in names}
    places = a.places & b.places
    ages = a.ages & b.ages
    if ages and 2 * len(ages) < min(len(a.ages), len(b.ages)):
        ages = frozenset()
    score = min(1.0, 0.6 * len(names) + 0.25 * len(surnames) + 0.3 * len(places) + 0.15 * len(ages))
    shared = {k: sorted(v)[:4] for k, v in (("names", names), ("surnames", surnames), ("places", places),
                                            ("ages", ages)) if v}
    return round(score, 3), shared


def other_people(a: Identity, b: Identity) -> bool:
    """Each report names people and they name none in common."""
    return bool(a.names and b.names) and not (a.names & b.names or a.surnames & b.surnames)


def identity_keys(ident: Identity) -> frozenset[str]:
    """Keys of the particulars that can link reports beyond the date window or across
    coded places (people's full names, small places): the blocking index compares
    only reports that share one. Family names and ages alone never link such
    reports, so they are not keys."""
    return frozenset([*(f"n:{n}" for n in ident.names), *(f"p:{p}" for p in ident.places)])


def date_slack(event: Event) -> int:
    """Days of slack an imprecise date allows (a month-precision date may be any day of it)."""
    return _PRECISION_DAYS.get(event.date_precision, 0)
