"""Pair features: how alike two events are on date, place, actors, class and words.

Each feature is a number in [0, 1] (place may veto with ``None``), and every
feature is reported so a stored link says why it was made.
"""
from __future__ import annotations

import csv
import math
import re
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


def place_score(a: Event, b: Event, cfg: LinkConfig) -> tuple[float | None, str]:
    """(score, why); score ``None`` means the places rule the pair out."""
    la, lb = a.location, b.location
    if la is None or lb is None:
        return 0.0, "place unknown"
    if _same(la.admin1, lb.admin1) is False:
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
    ca, cb = a_words & known, b_words & known
    if not ca or not cb:
        return _dice(a_words, b_words)
    return concept_weight * _dice(ca, cb) + (1 - concept_weight) * _dice(a_words - known, b_words - known)
