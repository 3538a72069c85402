"""One flat row per event for each tabular format (ACLED columns, GTD columns, Parquet)."""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
import time
import tomllib
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from ..extract.counts import acled_figure, figure
from ..gazetteer import codebook_admin1
from ..records import COUNT_KINDS, Count, Event, to_dict
from ..resources.actors import without_years

DATA = Path(__file__).resolve().parents[1] / "data"
CODES_PATH = DATA / "export_codes.json"
CUES_PATH = DATA / "export_cues.toml"
REGIONS_PATH = DATA / "acled_regions.csv"

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]

GTD_COLUMNS = [
    "eventid", "iyear", "imonth", "iday", "approxdate", "country_txt", "provstate", "city",
    "latitude", "longitude", "specificity", "summary", "attacktype1_txt", "targtype1_txt",
    "target1", "gname", "claimed", "claimmode_txt", "nkill", "nwound", "ishostkid", "nhostkid",
    "weaptype1_txt", "success", "suicide", "addnotes", "scite1", "dbsource",
]

_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


@lru_cache(maxsize=1)
def codes() -> dict:
    return json.loads(CODES_PATH.read_text(encoding="utf-8"))


def _iso_numeric(iso3: str | None):
    if not iso3:
        return ""
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3.upper())
    return int(country.numeric) if country else ""


@lru_cache(maxsize=1)
def cues() -> dict:
    return tomllib.loads(CUES_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    lines = [ln for ln in REGIONS_PATH.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return {row["iso3"]: row["region"] for row in csv.DictReader(lines)}


@lru_cache(maxsize=64)
def _cue_pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b", re.I)


def _first_cue(table: dict[str, list[str]], text: str) -> str | None:
    for label, words in table.items():
        if text and _cue_pattern(tuple(words)).search(text):
            return label
    return None


def _listed_sources(event: Event) -> list[dict]:
    return (event.codes.get("reconciliation") or {}).get("sources") or event.codes.get("sources") or []


def url_domain(url: str | None) -> str | None:
    """The publisher's domain of an article URL (an archive's copy names the original's)."""
    if not url:
        return None
    inner = re.search(r"https?://(?!web\.archive\.org)[^/]+", url[8:]) if "archive.org/" in url else None
    host = urlsplit(inner.group(0) if inner else url).hostname or ""
    return host[4:] if host.startswith("www.") else (host or None)


# What a feed or a spreadsheet writes where it does not know the outlet: no outlet's name.
_NO_OUTLET = frozenset({"unknown", "n/a", "na", "none", "null", "-", "?"})


def _outlet(source: dict) -> str | None:
    name = (source.get("outlet") or "").strip()
    return name if name and name.lower() not in _NO_OUTLET else None


def outlet_names(event: Event) -> list[str]:
    """Each source's outlet: the document's outlet, else its URL's domain (never a document id,
    nor a placeholder such as "unknown")."""
    names = [_outlet(s) or url_domain(s.get("url")) for s in _listed_sources(event)]
    return list(dict.fromkeys(n for n in names if n))


def sources_text(event: Event) -> str:
    """Outlets, ``; ``-separated as ACLED writes them."""
    return "; ".join(outlet_names(event))


def source_scale(event: Event) -> str:
    """ACLED's source scale over the event's outlets (e.g. ``National-International``)."""
    order = ["Local partner", "Subnational", "National", "Regional", "International", "New media"]
    found = {_first_cue(cues()["source_scale"], name) or "National" for name in outlet_names(event)}
    return "-".join(s for s in order if s in found)


def timestamp(event: Event) -> int:
    """When the record was last written (Unix seconds), as ACLED's ``timestamp``; the export's time
    when the record does not say."""
    stamp = (event.codes.get("reconciliation") or {}).get("updated")
    if stamp is None:
        stamps = [s.get("ingested_at") for s in event.codes.get("sources") or [] if s.get("ingested_at")]
        stamp = max(stamps) if stamps else None
    if isinstance(stamp, str):
        stamp = dt.datetime.fromisoformat(stamp).replace(tzinfo=dt.timezone.utc).timestamp()
    return int(stamp if stamp is not None else time.time())


_COUNT_WORDS = {"fatalities": "killed", "injured": "injured", "hostages": "taken hostage", "arrested": "arrested"}


def _count_phrase(count: Count, figures: list[dict]) -> str | None:
    lo, best, hi = count.low, count.best, count.high
    if lo is None and best is None and hi is None:
        return None
    n = f"{lo}-{hi}" if lo is not None and hi is not None and lo != hi else str(best if best is not None else lo or hi)
    who = f" {count.victims}" if count.victims else ""
    text = f"{n}{who} {_COUNT_WORDS.get(count.kind, count.kind)}"
    reports = [f for f in figures if f.get("status") != "claimed"]
    claims = [f for f in figures if f.get("status") == "claimed"] if reports else []
    if count.reported_by:
        text += f", according to {prose_name(count.reported_by)}"
    if count.status == "claimed":
        text += " (a claim)"
    notes = [f"{len(reports)} reports, best {best} as the {figures_basis(figures)}"] if len(reports) > 1 else []
    notes += [f"{f['reported_by'] or 'the perpetrator'} claimed {_figure_text(f)}" for f in claims]
    return text + (f" ({'; '.join(notes)})" if notes else "")


def _figure_text(f: dict) -> str:
    lo, best, hi = f.get("low"), f.get("best"), f.get("high")
    return str(best) if best is not None else (f"{lo}-{hi}" if lo is not None and hi is not None else str(lo or hi))


def figures_basis(figures: list[dict]) -> str:
    return next((f["basis"] for f in figures if f.get("basis") and f["basis"] != "claim"), "median of reports")


def _place_phrase(event: Event) -> str:
    loc = event.location
    if loc is None:
        return ""
    within = ", ".join(dict.fromkeys(x for x in (loc.admin2, loc.admin1) if x and x != loc.name))
    where = f"{loc.name} ({within})" if within else loc.name
    if loc.geo_precision >= 3:
        return f" in {where}"
    return f" {'near' if loc.geo_precision == 2 else 'in'} {where}"


def _date_phrase(event: Event) -> str:
    d = event.event_date
    if d is None:
        return "On an unknown date"
    if event.date_precision == "month":
        return f"In {d:%B} {d.year}"
    if event.date_precision == "year":
        return f"In {d.year}"
    day = f"{d.day} {d:%B} {d.year}"
    return f"On or around {day}" if event.date_precision == "week" else f"On {day}"


# How a note names an actor of each type after its short name ("BLA militants").
_MEMBERS = {"rebel group": "militants", "political militia": "militia", "identity militia": "militia",
            "political party": "supporters"}
_BRACKETED_COUNTRY = re.compile(r"\s*\([^()]*\)\s*$")


def prose_name(name: str, actor_type: str | None = None) -> str:
    """An actor's catalogue name as a note's sentence reads it: the short name of a
    group with its members ("BLA militants" for "BLA: Balochistan Liberation Army"),
    forces without their period ("Military Forces of Pakistan"), generic crowds and
    victims in lower case without the country that the note's place already gives
    ("civilians", "an unidentified armed group")."""
    if actor_type in ("civilians", "protesters", "rioters") or name.startswith("Unidentified "):
        plain = _BRACKETED_COUNTRY.sub("", name).lower()
        return ("an " + plain) if plain.startswith("unidentified") and not plain.endswith("s") else plain
    name = without_years(name)
    short, sep, _ = name.partition(": ")
    if sep and len(short) <= 12:
        return f"{short} {_MEMBERS[actor_type]}" if actor_type in _MEMBERS else short
    return name


def notes_text(event: Event) -> str:
    """A note in ACLED's manner, written from the coded fields: when, who did what to whom, where,
    the counts with who gave them, and who claimed it."""
    a1 = prose_name(event.actor1.name, event.actor1.type) if event.actor1 else "Unidentified actors"
    target = prose_name(event.actor2.name, event.actor2.type) if event.actor2 else ""
    phrase = cues()["acled_note_phrases"].get(event.sub_event_type, "were involved in an event with {target}")
    phrase = phrase.replace(" {target}", f" {target}" if target else "").replace("{target}", target)
    figures = (event.codes.get("reconciliation") or {}).get("figures") or {}
    counts = [_count_phrase(getattr(event, kind), figures.get(kind, [])) for kind in COUNT_KINDS
              if getattr(event, kind) is not None]
    parts = [f"{_date_phrase(event)}, {a1} {phrase}{_place_phrase(event)}."]
    claimed = list(dict.fromkeys(prose_name(c.actor) for c in event.claims))
    if claimed:
        parts.append(f"{' and '.join(claimed)} claimed responsibility.")
    counts = [c for c in counts if c]
    if counts:
        body = "; ".join(counts)
        parts.append(body[0].upper() + body[1:] + ".")
    elif event.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        parts.append("Fatalities unknown.")
    return " ".join(parts)


def _interaction(i1, i2):
    if i1 is None:
        return ""
    if i2 is None:
        return i1 * 10
    lo, hi = sorted((i1, i2))
    return lo * 10 + hi


def acled_row(event: Event) -> dict:
    """One ACLED-column row; fatalities as ACLED codes them (its conservative figure for
    vague words such as "dozens"), 0 if none."""
    loc, a1, a2 = event.location, event.actor1, event.actor2
    i1 = a1.inter if a1 else None
    i2 = a2.inter if a2 else None
    return {
        "event_id_cnty": event.event_id,
        "event_date": event.event_date.isoformat() if event.event_date else "",
        "year": event.event_date.year if event.event_date else "",
        "time_precision": _TIME_PRECISION.get(event.date_precision, 3),
        "disorder_type": codes()["acled_disorder_type"].get(event.event_type, ""),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": a1.name if a1 else "",
        "assoc_actor_1": "; ".join(a.name for a in event.assoc_actor1),
        "inter1": i1 if i1 is not None else "",
        "actor2": a2.name if a2 else "",
        "assoc_actor_2": "; ".join(a.name for a in event.assoc_actor2),
        "inter2": i2 if i2 is not None else "",
        "interaction": _interaction(i1, i2),
        "civilian_targeting": "Civilian targeting" if a2 is not None and a2.type == "civilians" else "",
        "iso": _iso_numeric(loc.iso3 if loc else None),
        "region": regions().get((loc.iso3 or "").upper(), "") if loc else "",
        "country": (loc.country or "") if loc else "",
        "admin1": (codebook_admin1("acled", loc.iso3, loc.admin1, loc.admin2, event.event_date) or "") if loc else "",
        "admin2": (loc.admin2 or "") if loc else "",
        "admin3": (loc.admin3 or "") if loc else "",
        "location": loc.name if loc else "",
        "latitude": loc.latitude if loc and loc.latitude is not None else "",
        "longitude": loc.longitude if loc and loc.longitude is not None else "",
        "geo_precision": loc.geo_precision if loc else "",
        "source": sources_text(event),
        "source_scale": source_scale(event),
        "notes": notes_text(event),
        "fatalities": acled_figure(event.fatalities) or 0,
        "tags": review_tags(event),
        "timestamp": timestamp(event),
    }


def review_tags(event: Event) -> str:
    """What an analyst changed or checked (``codes["corrections"]``), for the tags column:
    ``corrected fatalities: 6 -> 7 by ana; accepted event_type``."""
    out = []
    for entry in event.codes.get("corrections") or []:
        if entry.get("value") != entry.get("machine"):
            who = f" by {entry['author']}" if entry.get("author") else ""
            out.append(f"corrected {entry['field']}: {_shown(entry.get('machine'))} -> {_shown(entry.get('value'))}{who}")
        else:
            out.append(f"accepted {entry['field']}")
    return "; ".join(out)


def _shown(value) -> str:
    if isinstance(value, dict):
        for key in ("best", "name", "low"):
            if value.get(key) is not None:
                return str(value[key])
        return "?"
    return "none" if value is None else str(value)


def _sentences(event: Event, fields: tuple[str, ...]) -> str:
    return " ".join(dict.fromkeys(e.sentence for e in event.evidence if e.field in fields and e.sentence))


def target_type(event: Event) -> str:
    """GTD target type: what was attacked as the evidence names it (a train is Transportation),
    else the target actor's type (police, military, private citizens)."""
    named = _first_cue(cues()["gtd_target_cues"], _sentences(event, ("event_type", "actor2", "gtd_attack_type")))
    if named:
        return named
    a2 = event.actor2
    if a2 is None:
        return "Unknown"
    c = codes()
    if any(w in a2.name.lower() for w in c["gtd_police_words"]):
        return "Police"
    return c["gtd_target_type_by_actor_type"].get(a2.type, "Unknown")


def weapon_type(event: Event) -> str:
    """GTD weapon type from the evidence's words, else from the ACLED sub-event type."""
    found = event.codes.get("gtd_weapon_type") or _first_cue(
        cues()["gtd_weapon_cues"], _sentences(event, ("event_type", "gtd_attack_type", "fatalities", "injured")))
    return found or cues()["gtd_weapon_by_sub_event_type"].get(event.sub_event_type, "Unknown")


def claim_mode(event: Event) -> str:
    """GTD claim mode from the channel a claim came by ("Unknown" when a claim names none)."""
    if not event.claims:
        return ""
    table = codes()["gtd_claim_mode_by_channel"]
    for claim in event.claims:
        channel = (claim.channel or "").lower()
        mode = table.get(channel) or next((m for key, m in sorted(table.items(), key=lambda kv: -len(kv[0]))
                                           if key in channel), None)
        if mode:
            return mode
    return "Unknown"


def gtd_row(event: Event) -> dict:
    """One GTD-style row; counts are best estimates, unknown left empty (not 0) as GTD does."""
    loc, d, c = event.location, event.event_date, codes()
    claim = event.claims[0] if event.claims else None
    hostages = figure(event.hostages)
    return {
        "eventid": event.event_id,
        "iyear": d.year if d else "",
        "imonth": d.month if d and event.date_precision in ("day", "week", "month") else 0,
        "iday": d.day if d and event.date_precision in ("day", "week") else 0,
        "approxdate": "" if event.date_precision == "day" else (event.relative_date or ""),
        "country_txt": (loc.country or "") if loc else "",
        "provstate": (codebook_admin1("gtd", loc.iso3, loc.admin1, loc.admin2, event.event_date) or "") if loc else "",
        # GTD writes "Unknown" when only the province is known.
        "city": (loc.name if loc.geo_precision < 3 else "Unknown") if loc else "Unknown",
        "latitude": loc.latitude if loc and loc.latitude is not None else "",
        "longitude": loc.longitude if loc and loc.longitude is not None else "",
        "specificity": c["gtd_specificity_by_geo_precision"].get(str(loc.geo_precision), 5) if loc else 5,
        "summary": notes_text(event),
        "attacktype1_txt": event.codes.get("gtd_attack_type") or "Unknown",
        "targtype1_txt": target_type(event),
        "target1": event.actor2.name if event.actor2 else "",
        "gname": claim.actor if claim else (event.actor1.name if event.actor1 else "Unknown"),
        "claimed": 1 if claim else 0,
        "claimmode_txt": claim_mode(event),
        "nkill": "" if figure(event.fatalities) is None else figure(event.fatalities),
        "nwound": "" if figure(event.injured) is None else figure(event.injured),
        "ishostkid": 1 if event.hostages is not None else 0,
        "nhostkid": "" if hostages is None else hostages,
        "weaptype1_txt": weapon_type(event),
        "success": 1,
        "suicide": 1 if event.sub_event_type == "Suicide bomb" else 0,
        "addnotes": review_tags(event),  # an analyst's corrections, as ACLED's tags column has them
        "scite1": sources_text(event),
        "dbsource": "eventwire",
    }


def flat_row(event: Event) -> dict:
    """ACLED columns plus the native values (count ranges, ids) and the whole record as JSON."""
    row = acled_row(event)
    for key in ("inter1", "inter2", "interaction", "iso", "latitude", "longitude", "geo_precision", "year"):
        if row[key] == "":
            row[key] = None
    row["event_date"] = event.event_date
    row.update(event_id=event.event_id, incident_id=event.incident_id, doc_ids=list(event.doc_ids),
               date_precision=event.date_precision, gtd_attack_type=event.codes.get("gtd_attack_type"),
               iso3=event.location.iso3 if event.location else None, confidence=event.confidence,
               record=json.dumps(to_dict(event), ensure_ascii=False))
    for kind in COUNT_KINDS:
        c = getattr(event, kind)
        for part in ("low", "best", "high"):
            row[f"{kind}_{part}"] = getattr(c, part) if c else None
    return row
