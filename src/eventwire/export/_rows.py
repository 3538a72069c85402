"""One flat row per event for each tabular format (ACLED columns, GTD columns, Parquet)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..extract.counts import acled_figure, figure
from ..records import COUNT_KINDS, Count, Event, to_dict

CODES_PATH = Path(__file__).resolve().parents[1] / "data" / "export_codes.json"

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
    "weaptype1_txt", "success", "suicide", "scite1", "dbsource",
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


def sources_text(event: Event) -> str:
    """Outlets (from a reconciled incident) or document ids, ``; ``-separated as ACLED does."""
    listed = (event.codes.get("reconciliation") or {}).get("sources") or event.codes.get("sources") or []
    names = [s.get("outlet") or s.get("doc_id") for s in listed]
    return "; ".join(dict.fromkeys(n for n in names if n)) or "; ".join(event.doc_ids)


def notes_text(event: Event) -> str:
    """The event's notes, else the sentence its type came from; ranges over sources appended."""
    text = event.notes or next((e.sentence for e in event.evidence if e.field == "event_type"),
                               next((e.sentence for e in event.evidence), ""))
    figures = (event.codes.get("reconciliation") or {}).get("figures") or {}
    ranges = []
    for kind in COUNT_KINDS:
        c = getattr(event, kind)
        if c is not None and len(figures.get(kind, [])) > 1 and c.low != c.high:
            ranges.append(f"{kind} reported from {c.low} to {c.high} across {len(figures[kind])} sources")
    return " ".join([text.strip(), *(f"[{r}]" for r in ranges)]).strip()


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
        "region": "",
        "country": (loc.country or "") if loc else "",
        "admin1": (loc.admin1 or "") if loc else "",
        "admin2": (loc.admin2 or "") if loc else "",
        "admin3": (loc.admin3 or "") if loc else "",
        "location": loc.name if loc else "",
        "latitude": loc.latitude if loc and loc.latitude is not None else "",
        "longitude": loc.longitude if loc and loc.longitude is not None else "",
        "geo_precision": loc.geo_precision if loc else "",
        "source": sources_text(event),
        "source_scale": "",
        "notes": notes_text(event),
        "fatalities": acled_figure(event.fatalities) or 0,
        "tags": "",
        "timestamp": "",
    }


def _target_type(event: Event) -> str:
    a2 = event.actor2
    if a2 is None:
        return "Unknown"
    c = codes()
    if any(w in a2.name.lower() for w in c["gtd_police_words"]):
        return "Police"
    return c["gtd_target_type_by_actor_type"].get(a2.type, "Unknown")


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
        "provstate": (loc.admin1 or "") if loc else "",
        # GTD writes "Unknown" when only the province is known.
        "city": (loc.name if loc.geo_precision < 3 else "Unknown") if loc else "Unknown",
        "latitude": loc.latitude if loc and loc.latitude is not None else "",
        "longitude": loc.longitude if loc and loc.longitude is not None else "",
        "specificity": c["gtd_specificity_by_geo_precision"].get(str(loc.geo_precision), 5) if loc else 5,
        "summary": notes_text(event),
        "attacktype1_txt": event.codes.get("gtd_attack_type") or "Unknown",
        "targtype1_txt": _target_type(event),
        "target1": event.actor2.name if event.actor2 else "",
        "gname": claim.actor if claim else (event.actor1.name if event.actor1 else "Unknown"),
        "claimed": 1 if claim else 0,
        "claimmode_txt": c["gtd_claim_mode_by_channel"].get((claim.channel or "").lower(), "") if claim else "",
        "nkill": "" if figure(event.fatalities) is None else figure(event.fatalities),
        "nwound": "" if figure(event.injured) is None else figure(event.injured),
        "ishostkid": 1 if event.hostages is not None else 0,
        "nhostkid": "" if hostages is None else hostages,
        "weaptype1_txt": event.codes.get("gtd_weapon_type") or "Unknown",
        "success": 1,
        "suicide": 1 if event.sub_event_type == "Suicide bomb" else 0,
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
