"""Comparing names and places the way a coder would, not byte for byte.

Actor names go through the actor dictionary's ``same_actor`` when it is
available; the fallback here only removes what ACLED adds around a name
(an acronym prefix "CPI(M): ", a period of office "(2019-)") and case.
"""
from __future__ import annotations

import functools
import re

from ..errors import EventwireError
from ..gazetteer import distance_km, fold  # one folding and one distance for the whole product

__all__ = ["actor_key", "actors_match", "admin1_key", "admin1_match", "admin1_spelled", "country_iso3", "countries_match", "distance_km",
           "legacy_family", "legacy_gold_family", "fold"]

_YEARS = re.compile(r"\s*\(\d{4}\s*-\s*\d{0,4}\)")
_ACRONYM = re.compile(r"^[^:]{1,20}:\s+")
_SPACES = re.compile(r"\s+")
# Words that name the kind of unit, not the unit: "Sindh Province" is Sindh.
_ADMIN_WORDS = {"province", "state", "region", "division", "governorate", "district", "territory",
                "department", "county", "oblast", "prefecture", "municipality", "capital", "of",
                "the", "federal", "autonomous", "republic", "special", "administrative"}


def actor_key(name: str | None) -> str:
    """An actor name reduced to what identifies it."""
    if not name:
        return ""
    name = _YEARS.sub("", name)
    name = _ACRONYM.sub("", name.strip())
    return fold(name)


@functools.lru_cache(maxsize=1)
def _dictionary_same_actor():
    try:
        from ..resources.actors import same_actor
    except ImportError:
        return None
    return same_actor


def actors_match(gold: str | None, system: str | None) -> bool:
    """Same actor? Two missing actors agree; one missing does not."""
    if not gold or not system:
        return not gold and not system
    same = _dictionary_same_actor()
    if same is not None and same(gold, system):
        return True
    return actor_key(gold) == actor_key(system)


@functools.lru_cache(maxsize=1)
def _gazetteer():
    try:
        from ..gazetteer import default_gazetteer

        return default_gazetteer()
    except Exception:  # scoring goes on with ISO names only
        return None


@functools.lru_cache(maxsize=1024)
def _iso3(name: str) -> str | None:
    """ISO alpha-3 of a country name: ISO 3166 names first, then the gazetteer's
    aliases ("Ivory Coast", "Russia"), also with "of the" for "of" as sources
    write "Republic of Congo" for "Republic of the Congo"."""
    import pycountry

    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        pass
    gazetteer = _gazetteer()
    if gazetteer is None:
        return None
    for variant in (name, name.replace(" of ", " of the ")):
        entry = gazetteer.country(variant)
        if entry is not None and entry.iso3:
            return entry.iso3
    return None


def admin1_key(name: str | None) -> str:
    words = [w for w in fold(name or "").split() if w not in _ADMIN_WORDS]
    return " ".join(words)


@functools.lru_cache(maxsize=4096)
def _admin1_names(name: str) -> frozenset[tuple[str, str | None]]:
    """(key, iso3) of every first-level division the gazetteer knows by ``name``; when it
    knows none, those of the same consonants and a close spelling ("Sala al-Din" is
    Salah ad Din), as a coder reading the two names would take them for one unit."""
    gazetteer = _gazetteer()
    if gazetteer is None:
        return frozenset()
    found = [e for e in gazetteer.lookup(name) if e.feature_code == "ADM1"]
    if not found and hasattr(gazetteer, "by_skeleton"):
        from rapidfuzz import fuzz

        found = [e for e in gazetteer.by_skeleton(name) if e.feature_code == "ADM1"
                 and fuzz.ratio(admin1_key(name), admin1_key(e.name)) >= 70]
    return frozenset((admin1_key(e.name), e.iso3) for e in found)


def admin1_match(gold: str | None, system: str | None, iso3: str | None = None) -> bool:
    """Same province? By name once unit words are dropped ("Sindh Province"),
    else through the gazetteer's names for the gold one ("Donetsk" is
    "Donetska oblast"), within the gold country when it is known."""
    if not gold or not system:
        return False
    key = admin1_key(system)
    if admin1_key(gold) == key:
        return True
    return any(k == key and (iso3 is None or c is None or c == iso3) for k, c in _admin1_names(gold))


def admin1_spelled(gold: str | None, system: str | None) -> bool:
    """The same name as the source writes it: case, accents, punctuation and unit words
    ("Province") aside, but no alternate spelling ("Lower Shebelle" is not "Lower Shabelle")."""
    return bool(gold and system) and admin1_key(gold) == admin1_key(system)


def country_iso3(name: str | None) -> str | None:
    return _iso3(name) if name else None


def countries_match(gold: str | None, system: str | None, gold_iso3: str | None = None,
                    system_iso3: str | None = None) -> bool:
    """Same country, by ISO code where both sides have or resolve to one."""
    if not gold and not gold_iso3:
        return False
    a = gold_iso3 or (_iso3(gold) if gold else None)
    b = system_iso3 or (_iso3(system) if system else None)
    if a and b:
        return a.upper() == b.upper()
    return bool(gold and system) and fold(gold) == fold(system)


def legacy_family(event_type: str | None, sub_event_type: str | None) -> str | None:
    """The pre-2019 ACLED type a current (type, sub-type) pair falls under."""
    if not event_type:
        return None
    from ..resources.taxonomy import legacy_acled_family

    try:
        return legacy_acled_family(event_type, sub_event_type)
    except EventwireError:  # a type outside the taxonomy is simply wrong
        return None


def legacy_gold_family(label: str | None) -> str:
    """A legacy label as compared: case-folded, singular 'strategic development'.

    The 2015 source spells one type two ways ("Violence Against Civilians").
    """
    key = _SPACES.sub(" ", (label or "").strip()).casefold()
    return "strategic development" if key == "strategic developments" else key
