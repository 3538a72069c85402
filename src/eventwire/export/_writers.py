"""Writers for each output format: JSON Lines, ACLED CSV, GTD CSV, GeoJSON, Parquet.

Text formats stream to a path, a text stream or stdout; Parquet is binary and
columnar, so it needs a file path.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import IO, Iterable

from ..errors import InputError, OutputError
from ..records import Event, to_dict
from ._rows import ACLED_COLUMNS, GTD_COLUMNS, acled_row, gtd_row
from ._parquet import write_parquet

__all__ = ["ACLED_COLUMNS", "GTD_COLUMNS", "FORMATS", "BINARY_FORMATS", "acled_row", "gtd_row",
           "neutralise", "open_output", "write_events"]


def _jsonl(events: Iterable[Event], out: IO[str]) -> int:
    n = 0
    for ev in events:
        out.write(json.dumps(to_dict(ev), ensure_ascii=False) + "\n")
        n += 1
    return n


# OWASP's advice on CSV injection: a spreadsheet runs a cell that begins with
# one of these as a formula, so such a cell is written with a leading
# apostrophe (shown as text, never run). JSON, GeoJSON and Parquet keep the raw
# value: they are not opened as spreadsheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A CSV cell that a spreadsheet shows as text; numbers pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv(columns, row_of):
    def write(events: Iterable[Event], out: IO[str]) -> int:
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        n = 0
        for ev in events:
            writer.writerow({k: neutralise(v) for k, v in row_of(ev).items()})
            n += 1
        return n

    return write


def _feature(event: Event) -> dict:
    loc = event.location
    geometry = None
    if loc is not None and loc.latitude is not None and loc.longitude is not None:
        geometry = {"type": "Point", "coordinates": [loc.longitude, loc.latitude]}
    props = acled_row(event)
    props.update(event_id=event.event_id, incident_id=event.incident_id, doc_ids="; ".join(event.doc_ids),
                 date_precision=event.date_precision, confidence=event.confidence)
    for kind in ("fatalities", "injured", "hostages", "arrested"):
        c = getattr(event, kind)
        props.update({f"{kind}_low": c.low if c else None, f"{kind}_best": c.best if c else None,
                      f"{kind}_high": c.high if c else None})
    props = {k: (None if v == "" else v) for k, v in props.items()}
    return {"type": "Feature", "id": event.event_id, "geometry": geometry, "properties": props}


def _geojson(events: Iterable[Event], out: IO[str]) -> int:
    # Streamed feature by feature so a large export never sits in memory whole.
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for ev in events:
        out.write((",\n" if n else "") + json.dumps(_feature(ev), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


FORMATS = {"jsonl": _jsonl, "acled-csv": _csv(ACLED_COLUMNS, acled_row),
           "gtd-csv": _csv(GTD_COLUMNS, gtd_row), "geojson": _geojson, "parquet": None}
BINARY_FORMATS = {"parquet": write_parquet}


def write_events(events: Iterable[Event], fmt: str = "jsonl", output: str | Path | IO[str] | None = None) -> int:
    """Write events in ``fmt`` to a path, a text stream or stdout; returns the count."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if fmt in BINARY_FORMATS:
        if not isinstance(output, (str, Path)) or str(output) == "-":
            raise InputError(f"{fmt} is a binary format: give a file name with -o/--output")
        open_output(output, "wb").close()  # a missing folder or no permission fails before any work
        return BINARY_FORMATS[fmt](events, Path(output))
    writer = FORMATS[fmt]
    if output is None or output == "-":
        return writer(events, sys.stdout)
    if isinstance(output, (str, Path)):
        with open_output(output) as fh:
            return writer(events, fh)
    return writer(events, output)


def open_output(path: str | Path, mode: str = "w"):
    """An output file opened for writing, or an OutputError that says what to fix."""
    path = Path(path)
    if not path.parent.is_dir():
        raise OutputError(f"{path}: the folder {path.parent} does not exist; create it first")
    try:
        if "b" in mode:
            return open(path, mode)
        return open(path, mode, encoding="utf-8", newline="")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc
