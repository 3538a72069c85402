"""Writers for each output format (JSON Lines and ACLED-column CSV for now)."""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import IO, Iterable

from ..errors import InputError
from ..records import Event, to_dict

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]

_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


def acled_row(event: Event) -> dict:
    """One ACLED-column row; fatalities are the conservative (low) figure, 0 if none."""
    loc = event.location
    f = event.fatalities
    fatalities = 0 if f is None else (f.low if f.low is not None else (f.best or 0))
    a1, a2 = event.actor1, event.actor2
    return {
        "event_id_cnty": event.event_id,
        "event_date": event.event_date.isoformat() if event.event_date else "",
        "year": event.event_date.year if event.event_date else "",
        "time_precision": _TIME_PRECISION.get(event.date_precision, 3),
        "disorder_type": "",
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": a1.name if a1 else "",
        "assoc_actor_1": "; ".join(a.name for a in event.assoc_actor1),
        "inter1": a1.inter if a1 and a1.inter is not None else "",
        "actor2": a2.name if a2 else "",
        "assoc_actor_2": "; ".join(a.name for a in event.assoc_actor2),
        "inter2": a2.inter if a2 and a2.inter is not None else "",
        "interaction": "",
        "civilian_targeting": "Civilian targeting" if a2 is not None and a2.type == "civilians" else "",
        "iso": "",
        "region": "",
        "country": loc.country if loc else "",
        "admin1": (loc.admin1 or "") if loc else "",
        "admin2": (loc.admin2 or "") if loc else "",
        "admin3": (loc.admin3 or "") if loc else "",
        "location": loc.name if loc else "",
        "latitude": loc.latitude if loc and loc.latitude is not None else "",
        "longitude": loc.longitude if loc and loc.longitude is not None else "",
        "geo_precision": loc.geo_precision if loc else "",
        "source": "; ".join(event.doc_ids),
        "source_scale": "",
        "notes": event.notes,
        "fatalities": fatalities,
        "tags": "",
        "timestamp": "",
    }


def _jsonl(events: Iterable[Event], out: IO[str]) -> int:
    n = 0
    for ev in events:
        out.write(json.dumps(to_dict(ev), ensure_ascii=False) + "\n")
        n += 1
    return n


def _acled_csv(events: Iterable[Event], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    n = 0
    for ev in events:
        writer.writerow(acled_row(ev))
        n += 1
    return n


FORMATS = {"jsonl": _jsonl, "acled-csv": _acled_csv}


def write_events(events: Iterable[Event], fmt: str = "jsonl", output: str | Path | IO[str] | None = None) -> int:
    """Write events in ``fmt`` to a path, a text stream or stdout; returns the count."""
    try:
        writer = FORMATS[fmt]
    except KeyError:
        raise InputError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}") from None
    if output is None or output == "-":
        return writer(events, sys.stdout)
    if isinstance(output, (str, Path)):
        with open(output, "w", encoding="utf-8", newline="") as fh:
            return writer(events, fh)
    return writer(events, output)
