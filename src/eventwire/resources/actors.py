"""The actor dictionary: named armed groups, state forces and ACLED's generic actors.

Loaded once per process from ``data/actors.csv`` (UCDP-derived, see its
header), ``data/actor_countries.csv`` and ``data/generic_actors.csv``. Also the
name comparison used by evaluation: ACLED and GTD write one actor many ways
("TTP: Tehreek-i-Taliban Pakistan", "Tehrik-i-Taliban Pakistan (TTP)").
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as _dt
import functools
import re
import unicodedata
from dataclasses import dataclass

from ..errors import ConfigError
from . import data_path

# The actor_type of a political party: inter 3 as a political militia in ACLED's export, but its
# members are partisans, not an armed group.
PARTY = "political party"

__all__ = [
    "ActorEntry",
    "GenericKind",
    "ActorDictionary",
    "load_actors",
    "actor_patterns",
    "normalise_actor_name",
    "same_actor",
    "split_actor_name",
]


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One row of the actor dictionary."""

    key: str
    name: str
    aliases: tuple[str, ...]  # tagged in text
    lookup_aliases: tuple[str, ...]  # used to match names only
    countries: tuple[str, ...]
    actor_type: str
    inter: int


@dataclass(frozen=True, slots=True)
class GenericKind:
    """A generic ACLED actor ("Civilians ({country})") and the nouns that name it."""

    kind: str
    name: str
    actor_type: str
    inter: int
    terms: tuple[str, ...]

    def named(self, country: str | None) -> str:
        return self.name.replace("{country}", country) if country else self.name


_BREAKS = re.compile(r"[-\u2010-\u2015_/()]")
_SPACES = re.compile(r"\s+")


def _fold(text: str) -> str:
    """Lower case, accents and typographic quotes removed, hyphens and brackets as spaces."""
    if not text.isascii():  # ASCII has no accents or typographic quotes to undo
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = _BREAKS.sub(" ", text.replace("`", "'").lower())
    return _SPACES.sub(" ", text).strip(" .,;")


_FILLER = {"the", "of", "in", "and", "for", "al", "el"}


def _loose(folded: str) -> str:
    """A folded name without filler words: "islamic state in the greater sahara" ~ "islamic state greater sahara"."""
    return " ".join(w for w in folded.replace("'", "").split() if w not in _FILLER)


def _read_csv(name: str) -> list[dict[str, str]]:
    path = data_path(name)
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(line for line in fh if not line.startswith("#")))
    except OSError as exc:
        raise ConfigError(f"actor data file missing: {path} (reinstall eventwire)") from exc


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split("|") if v)


class ActorDictionary:
    """Actors by key and by alias; countries by name and demonym; generic kinds."""

    def __init__(self, entries: list[ActorEntry], countries: list[dict[str, str]],
                 generic: list[GenericKind]) -> None:
        self.entries = {e.key: e for e in entries}
        self.generic = {g.kind: g for g in generic}
        self._alias: dict[str, tuple[str, ...]] = {}
        for e in entries:
            acronym, full = split_actor_name(e.name)
            for alias in {e.name, full, acronym, *e.aliases, *e.lookup_aliases} - {None}:
                key = _fold(alias)
                if key and e.key not in self._alias.get(key, ()):
                    self._alias[key] = self._alias.get(key, ()) + (e.key,)
        self._loose: dict[str, tuple[str, ...]] = {}
        for key, keys in self._alias.items():
            loose = _loose(key)
            self._loose[loose] = tuple(dict.fromkeys(self._loose.get(loose, ()) + keys))
        self._country: dict[str, str] = {}
        self._demonym: dict[str, str] = {}
        for row in countries:
            self._country[_fold(row["country"])] = row["country"]
            for other in _split(row["other_names"]):
                self._country.setdefault(_fold(other), row["country"])
            self._demonym.setdefault(_fold(row["demonym"]), row["country"])

    def __len__(self) -> int:
        return len(self.entries)

    def candidates(self, alias: str) -> list[ActorEntry]:
        """Every entry an alias may name (more than one when it is ambiguous)."""
        return [self.entries[k] for k in self._alias.get(_fold(alias), ())]

    def lookup(self, alias: str, country: str | None = None) -> ActorEntry | None:
        """The entry an alias names; an ambiguous alias is resolved by the country, or not at all."""
        found = self.candidates(alias)
        if len(found) > 1 and country:
            found = [e for e in found if country in e.countries] or found
        return found[0] if len(found) == 1 else None

    def resolve_keys(self, keys: str, country: str | None = None) -> ActorEntry | None:
        """The entry of a ruler pattern id (``key`` or ``key1|key2`` when ambiguous)."""
        found = [self.entries[k] for k in keys.split("|") if k in self.entries]
        if len(found) > 1 and country:
            found = [e for e in found if country in e.countries] or found
        return found[0] if len(found) == 1 else None

    def keys_of(self, folded_names: set[str]) -> set[str]:
        """Dictionary keys any of these folded names may stand for (loosely matched)."""
        keys = set()
        for name in folded_names:
            keys.update(self._alias.get(name, ()))
            keys.update(self._loose.get(_loose(name), ()))
        return keys

    def country(self, word: str) -> str | None:
        """The country a country name, other name or demonym stands for ("Afghan" -> Afghanistan)."""
        key = _fold(word)
        return self._country.get(key) or self._demonym.get(key) or self._demonym.get(key.rstrip("s"))

    def country_names(self) -> list[str]:
        return sorted(set(self._country.values()))


ACTOR_FILES = ("actors.csv", "generic_actors.csv", "actor_countries.csv", "actor_alias_stoplist.txt")


@functools.lru_cache(maxsize=1)
def _successions() -> dict[str, tuple[tuple[_dt.date, dict[str, str]], ...]]:
    out: dict[str, list] = {}
    for r in _read_csv("actor_successions.csv"):
        out.setdefault(r["name"], []).append((_dt.date.fromisoformat(r["from"]), r))
    return {k: tuple(sorted(v, key=lambda x: x[0], reverse=True)) for k, v in out.items()}


def successor(actor, on: _dt.date | None):
    """The actor as ACLED names it on ``on`` (data/actor_successions.csv): the Taliban in a
    report of 2023 are Military Forces of Afghanistan (2021-). Others, and any actor when
    there is no date, are returned as they are."""
    if actor is None or on is None:
        return actor
    for since, row in _successions().get(actor.name, ()):
        if on >= since:
            return dataclasses.replace(actor, name=row["successor"], type=row["actor_type"], inter=int(row["inter"]),
                                       country=row["country"] or actor.country)
    return actor


@functools.lru_cache(maxsize=1)
def data_digest() -> str:
    """A digest of the actor data files and of this module's code: the part of a cache key
    that tables built from the dictionary share (its index here, the ruler's phrase tables)."""
    import hashlib
    import inspect
    import sys

    parts = [inspect.getsource(sys.modules[__name__])]
    for name in ACTOR_FILES:
        try:
            parts.append(data_path(name).read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"actor data file missing: {data_path(name)} (reinstall eventwire)") from exc
    return hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()


@functools.lru_cache(maxsize=1)
def load_actors() -> ActorDictionary:
    """The process-wide actor dictionary: built from the data files on first use and kept
    beside the gazetteer's cache (loading the built index is several times faster than
    building it again at every start)."""
    from ..gazetteer._compiled import cached_table

    return cached_table("actors", cache_key(), _build_actors)


def cache_key() -> str:
    """The key of the cached dictionary: the actor data and the code that builds the dictionary
    from it, so that an upgrade of eventwire rebuilds it."""
    import hashlib
    import sys

    from ..gazetteer._compiled import code_digest

    return hashlib.sha1((data_digest() + code_digest(sys.modules[__name__])).encode()).hexdigest()[:12]


def _build_actors() -> ActorDictionary:
    entries = []
    for r in _read_csv("actors.csv"):
        entries.append(ActorEntry(
            key=r["key"], name=r["name"], aliases=_split(r["aliases"]),
            lookup_aliases=_split(r["lookup_aliases"]), countries=_split(r["country"]),
            actor_type=r["actor_type"], inter=int(r["inter"]),
        ))
    generic = [GenericKind(kind=r["kind"], name=r["name"], actor_type=r["actor_type"],
                           inter=int(r["inter"]), terms=_split(r["terms"]))
               for r in _read_csv("generic_actors.csv")]
    return ActorDictionary(entries, _read_csv("actor_countries.csv"), generic)


# --- patterns for the entity ruler ------------------------------------------

# Nouns after an ethnonym that make it an armed actor ("Fulani herdsmen"), not a people.
_MILITIA_NOUNS = ["militia", "militias", "militiamen", "herdsmen", "herders", "fighters",
                  "gunmen", "youths", "vigilantes", "tribesmen", "clansmen", "warriors",
                  "militants", "extremists", "attackers", "assailants"]


def _is_case_sensitive(alias: str) -> bool:
    """Acronyms and one-word names must match as written ("BLA", "Hamas"; not "bla")."""
    return " " not in alias.strip() or alias.isupper()


def _tokens(alias: str) -> list[str]:
    # a light split that agrees with spaCy's English tokenizer on names like
    # "Lashkar-e-Taiba", "CPI (Maoist)", "Ta'ang": it splits a hyphen before a letter, not one
    # before a figure ("M-19", "MS-13" are one token each)
    return re.findall(r"\w+(?:-\d\w*)*(?:'\w+)?|[^\w\s]", alias)


def _alias_pattern(alias: str, key: str, actor_type: str) -> dict:
    if not _is_case_sensitive(alias):
        return {"label": "ACTOR", "pattern": alias, "id": key}
    tokens = [{"ORTH": t} for t in _tokens(alias)]
    if actor_type == "identity militia" and len(tokens) == 1 and not alias.isupper():
        tokens.append({"LOWER": {"IN": _MILITIA_NOUNS}})
    return {"label": "ACTOR", "pattern": tokens, "id": key}


def actor_patterns(source: str = "default") -> list[dict]:
    """EntityRuler patterns (label ``ACTOR``; ``id`` = dictionary key, ``k1|k2`` if ambiguous).

    Phrase patterns (multi-word names) are meant for a ruler matching on
    ``LOWER``; token patterns match case-sensitively on ``ORTH``.
    """
    if source not in ("default", "none"):
        raise ConfigError(f"unknown actor pattern source {source!r}: use 'default' or 'none'")
    if source == "none":
        return []
    actors = load_actors()
    by_alias: dict[str, list[ActorEntry]] = {}
    for e in actors.entries.values():
        for alias in (e.name, *e.aliases):
            by_alias.setdefault(alias, []).append(e)
    patterns = []
    for alias, entries in by_alias.items():
        keys = "|".join(dict.fromkeys(e.key for e in entries))
        patterns.append(_alias_pattern(alias, keys, entries[0].actor_type))
        if "-" in alias and " " not in alias and not alias.isupper():
            # news writes "Hizbul-Mujahideen" as "Hizbul Mujahideen" too
            patterns.append(_alias_pattern(alias.replace("-", " "), keys, entries[0].actor_type))
    return patterns


# --- name comparison (evaluation) -------------------------------------------

_YEARS = re.compile(r"\s*\(\d{4}\s*-\s*(\d{4})?\)")
_UNKNOWN = {"", "unknown", "none", "null"}
_GENERIC_SUFFIX = re.compile(
    r"\s+(extremists|militants|militia|ethnic militia|communal militia|dissidents|rebels|"
    r"separatists|insurgents|group|faction|movement|forces)$")


def without_years(name: str) -> str:
    """The name without its regime years: "Military Forces of Pakistan (2018-)" ->
    "Military Forces of Pakistan"."""
    return _YEARS.sub("", name).strip()


def normalise_actor_name(name: str | None) -> str:
    """A comparable form: regime years and branch suffixes of state forces dropped, folded.

    "Military Forces of Pakistan (2013-2018)" -> "military forces of pakistan";
    "Military Forces of Brazil (2019-) Military Police" -> "military forces of brazil".
    """
    if not name:
        return ""
    m = _YEARS.search(name)
    if m:
        name = name[: m.start()]
    return _fold(name)


def split_actor_name(name: str) -> tuple[str | None, str]:
    """(acronym, full name) of "ACR: Full name" or "Full name (ACR)"; acronym None if absent."""
    m = re.match(r"^([^:]{1,20}):\s+(.+)$", name)
    if m and any(ch.isupper() for ch in m.group(1)):
        return m.group(1).strip(), m.group(2).strip()
    m = re.match(r"^(.+?)\s+\(([^()]+)\)$", name)
    if m and re.fullmatch(r"[A-Z0-9][A-Za-z0-9\-. ]{1,14}", m.group(2)) and m.group(2) != m.group(2).title():
        return m.group(2).strip(), m.group(1).strip()
    return None, name


def _country_part(name: str, actors: ActorDictionary) -> tuple[str, str | None]:
    """(name without a trailing "(Country)", that country) when the bracket holds a country."""
    m = re.match(r"^(.+?)\s*\(([^()]+)\)$", name)
    if m:
        country = actors.country(m.group(2))
        if country and not m.group(2).isupper():  # "(Pakistan)", not "(DRC)"-like acronyms
            return m.group(1), country
    return name, None


def _variants(name: str) -> set[str]:
    acronym, full = split_actor_name(name)
    out = {_fold(name), _fold(full)}
    if acronym:
        out.add(_fold(acronym))
    m = re.match(r"^(.+?)\s+\(([^()]+)\)$", full)  # "Houthi extremists (Ansar Allah)"
    if m:
        out.update({_fold(m.group(1)), _fold(m.group(2))})
    out |= {_GENERIC_SUFFIX.sub("", v) for v in out}
    return {v for v in out if v}


def _is_unknown(name: str | None) -> bool:
    return name is None or _fold(name) in _UNKNOWN


def _is_unidentified(norm: str) -> bool:
    return norm.startswith("unidentified")


def same_actor(a: str | None, b: str | None) -> bool:
    """Whether two actor names (system or gold, ACLED or GTD style) name the same actor.

    Regime years, "ACR: name" / "name (ACR)" forms, spelling variants known to
    the dictionary and a missing country on one side are tolerated. GTD's
    "Unknown" matches no actor or an unidentified armed group. A name an actor
    took from a date on (data/actor_successions.csv) is that actor's: GTD's
    "Houthi extremists (Ansar Allah)" and ACLED's "Military Forces of Yemen
    (2016-) Supreme Political Council" are one group.
    """
    if _same_name(a, b):
        return True
    older_a, older_b = _predecessors(a), _predecessors(b)
    return any(_same_name(x, y) for x in older_a | {a} for y in older_b | {b} if (x, y) != (a, b))


def _predecessors(name: str | None) -> set[str]:
    """The dictionary names whose successor ``name`` is."""
    return {old for old, rows in _successions().items() for _, row in rows if name and row["successor"] == name}


def _same_name(a: str | None, b: str | None) -> bool:
    if _is_unknown(a) or _is_unknown(b):
        other = b if _is_unknown(a) else a
        if _is_unknown(other):
            return True
        unknown = a if _is_unknown(a) else b
        return unknown is not None and _is_unidentified(normalise_actor_name(other))
    actors = load_actors()
    na, nb = normalise_actor_name(a), normalise_actor_name(b)
    if na == nb:
        return True
    base_a, country_a = _country_part(_YEARS.split(a)[0].strip(), actors)
    base_b, country_b = _country_part(_YEARS.split(b)[0].strip(), actors)
    if country_a and country_b and country_a != country_b:
        return False
    va, vb = _variants(base_a), _variants(base_b)
    if va & vb:
        return True
    if {_loose(v) for v in va} & {_loose(v) for v in vb}:
        return True
    if actors.keys_of(va) & actors.keys_of(vb):
        return True
    # a dictionary name that holds its country ("Settlers (Israel)") against an alias of it
    return bool(actors.keys_of(_variants(a)) & actors.keys_of(_variants(b)))
