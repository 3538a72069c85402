"""Loading the small cue tables in ``eventwire/data`` (counts, vague words, speakers).

Each CSV starts with one ``#`` provenance line, then a header row. A missing or
malformed table is a :class:`ConfigError` naming the file.
"""
from __future__ import annotations

import csv
import functools
from importlib import resources

from ..errors import ConfigError


@functools.lru_cache(maxsize=None)
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``eventwire/data/<name>`` as dicts (provenance line skipped)."""
    try:
        text = resources.files("eventwire").joinpath("data", name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ConfigError(f"data file {name!r} is missing from the eventwire package") from exc
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    rows = tuple(csv.DictReader(lines))
    if not rows:
        raise ConfigError(f"data file {name!r} has no rows; reinstall eventwire")
    return rows


# Verbs of a death, whose subject is the victim and which may come days after the act that
# caused it ("died Sunday from injuries suffered Saturday")
DEATH_VERBS = frozenset({"die", "succumb"})


def _int(value: str) -> int | None:
    return int(value) if value not in ("", None) else None


@functools.lru_cache(maxsize=None)
def vague_quantities() -> dict[str, tuple[int | None, int | None, int | None, int | None]]:
    """phrase -> (low, best, high, acled)."""
    return {r["phrase"]: (_int(r["low"]), _int(r["best"]), _int(r["high"]), _int(r["acled"]))
            for r in read_table("vague_quantities.csv")}


@functools.lru_cache(maxsize=None)
def count_cues() -> dict[str, tuple[str, str]]:
    """lemma -> (kind, where)."""
    return {r["lemma"]: (r["kind"], r["where"]) for r in read_table("count_cues.csv")}


@functools.lru_cache(maxsize=None)
def multiple_victims() -> tuple[dict[str, int], dict[str, str]]:
    """(multiplier word -> number, act noun lemma -> kind): "double" 2, "homicide" fatalities."""
    rows = read_table("multiple_victims.csv")
    return ({r["word"]: int(r["value"]) for r in rows if r["kind"] == "number"},
            {r["word"]: r["kind"] for r in rows if r["kind"] != "number"})


@functools.lru_cache(maxsize=None)
def event_nouns() -> frozenset[str]:
    """One-word nouns that name an event in the trigger lexicon ("shooting", "attack")."""
    return frozenset(r["phrase"] for r in read_table("triggers.csv")
                     if " " not in r["phrase"] and r["pos"] in ("N", "*") and not r["family"].startswith("cue_"))


@functools.lru_cache(maxsize=None)
def gathering_nouns() -> frozenset[str]:
    """Event nouns of people gathering or of measures, not of violence ("vigil", "march",
    "funeral", "curfew"): the trigger families protest and other."""
    return frozenset(r["phrase"] for r in read_table("triggers.csv")
                     if " " not in r["phrase"] and r["pos"] in ("N", "*") and r["family"] in ("protest", "other"))


@functools.lru_cache(maxsize=None)
def date_verbs(kind: str) -> frozenset[str]:
    """Lemmas of verbs whose date is the report's (``report``) or the incident's (``occurrence``)."""
    return frozenset(r["lemma"] for r in read_table("date_verbs.csv") if r["kind"] == kind)


@functools.lru_cache(maxsize=None)
def speaker_words() -> dict[str, str]:
    """word -> speaker_type."""
    return {r["word"]: r["speaker_type"] for r in read_table("attribution_cues.csv")}


@functools.lru_cache(maxsize=None)
def group_anaphors() -> frozenset[str]:
    """Nouns that name again the armed group an article has named ("the guerrillas")."""
    return frozenset(r["word"].strip().lower() for r in read_table("group_anaphors.csv"))
