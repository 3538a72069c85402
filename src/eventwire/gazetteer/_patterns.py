"""Entity-ruler patterns from the gazetteer, with care for names that are also words.

A town called "Police" or "Of" must not be tagged everywhere: the patterns match
the name's own capitalisation (not lower case), leave out the lexicon's common
words, and take populated places only above a population threshold (smaller
places are found by NER and by place cues such as "in X" or "X district").
"""
from __future__ import annotations

from ._fold import fold
from ._index import Gazetteer

CITY_MIN_POPULATION = 15_000
MIN_LEN = 3


def _ok(name: str, stop: frozenset[str]) -> bool:
    return len(name) >= MIN_LEN and name[0].isupper() and fold(name) not in stop


def _base(name: str, terms: tuple[str, ...]) -> str | None:
    words = name.split()
    if len(words) > 1 and words[-1].lower() in terms:
        return " ".join(words[:-1])
    return None


def admin1_alternates() -> list[str]:
    """Alternate names of first-level units (data/geo/admin1_names.csv)."""
    from ._compiled import _data_csv

    return [a for r in _data_csv("admin1_names.csv") for a in r["aliases"].split("|") if a]


def codebook_names(gaz: Gazetteer) -> list[str]:
    """First-level units as ACLED and GTD write them (data/geo/admin1_codebooks.csv), which
    coded notes and the reports that quote them use ("Ar-Raqqa", "Extreme-Nord"); only those
    the gazetteer knows as a province of one country, so a plain word of a scheme ("North",
    "Central") is never a pattern."""
    from ._compiled import _data_csv

    out = []
    for r in _data_csv("admin1_codebooks.csv"):
        found = gaz.lookup(r["spelled"])
        if found and all(e.feature_code == "ADM1" and e.iso3 == r["iso3"] for e in found):
            out.append(r["spelled"])
    return out


def pattern_names(gaz: Gazetteer, stop: frozenset[str]) -> dict[str, str]:
    """name -> tier: ``country``, ``admin1`` and ``alias`` are tagged wherever they stand;
    ``place`` (towns, districts) only where the words around do not make it a person's name.
    """
    out: dict[str, str] = {}
    terms = gaz.admin_terms
    for name in gaz.country_names():
        out[name] = "country"  # countries skip the stop list: "Chad", "Jordan" are places here
    for name in gaz.country_aliases():
        if len(name) > 3 and "," not in name and not name.isupper():
            out.setdefault(name, "country")
    for level, tier in ((1, "admin1"), (2, "place")):
        for name in gaz.division_names(level):
            if _ok(name, stop):
                out.setdefault(name, tier)
            base = _base(name, terms)
            # US counties are mostly named after people ("Jackson County"): only the full form
            if base and _ok(base, stop) and not name.endswith(" County"):
                out.setdefault(base, tier)
    for name in admin1_alternates():  # "Shabeellaha Hoose" as written locally, "Nord-Kivu"
        if _ok(name, stop) and name.isascii() and len(name) > 3:
            out.setdefault(name, "admin1")
    for name in codebook_names(gaz):  # "Idleb", "As-Sweida", "Extreme-Nord": as ACLED and GTD write them
        if _ok(name, stop):
            out.setdefault(name, "admin1")
    for name in gaz.city_names(CITY_MIN_POPULATION):
        if _ok(name, stop):
            out.setdefault(name, "place")
    for name in gaz.alias_names():
        if "." not in name:  # "Ga.", "Miss.": abbreviations only count after "City, "
            out.setdefault(name, "alias")
    return out


def patterns_for(gaz: Gazetteer, stop: frozenset[str]) -> list[dict]:
    """EntityRuler-style patterns; ``id`` is ``gazetteer.<tier>``."""
    pats = []
    from ._fold import ascii_name

    pats = []
    for name, tier in pattern_names(gaz, stop).items():
        # as GeoNames writes it, in ASCII ("Tamil Nādu" is written "Tamil Nadu"), and in
        # capitals for headlines and datelines ("QUETTA, Pakistan")
        for form in dict.fromkeys((name, ascii_name(name), ascii_name(name).upper())):
            pats.append({"label": "GPE", "pattern": form, "id": f"gazetteer.{tier}"})
    return pats
