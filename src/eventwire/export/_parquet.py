"""Parquet output: typed columns (dates, integers, count ranges) plus the native record as JSON."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..errors import require
from ..records import Event
from ._rows import flat_row

_BATCH = 5000


def _schema(pa):
    count_cols = [pa.field(f"{k}_{p}", pa.int64()) for k in ("fatalities", "injured", "hostages", "arrested")
                  for p in ("low", "best", "high")]
    text = pa.string()
    return pa.schema([
        ("event_id_cnty", text), ("event_date", pa.date32()), ("year", pa.int64()),
        ("time_precision", pa.int64()), ("disorder_type", text), ("event_type", text),
        ("sub_event_type", text), ("actor1", text), ("assoc_actor_1", text), ("inter1", pa.int64()),
        ("actor2", text), ("assoc_actor_2", text), ("inter2", pa.int64()), ("interaction", pa.int64()),
        ("civilian_targeting", text), ("iso", pa.int64()), ("region", text), ("country", text),
        ("admin1", text), ("admin2", text), ("admin3", text), ("location", text),
        ("latitude", pa.float64()), ("longitude", pa.float64()), ("geo_precision", pa.int64()),
        ("source", text), ("source_scale", text), ("notes", text), ("fatalities", pa.int64()),
        ("tags", text), ("timestamp", pa.int64()), ("event_id", text), ("incident_id", text),
        ("doc_ids", pa.list_(text)), ("date_precision", text), ("gtd_attack_type", text),
        ("iso3", text), ("confidence", pa.float64()), ("record", text), *count_cols,
    ])


def write_parquet(events: Iterable[Event], path: Path) -> int:
    pa = require("pyarrow", "export", "Parquet output")
    pq = require("pyarrow.parquet", "export", "Parquet output")
    schema = _schema(pa)
    n, rows = 0, []
    with pq.ParquetWriter(str(path), schema) as writer:
        for ev in events:
            row = flat_row(ev)
            rows.append({k: (None if row.get(k) == "" else row.get(k)) for k in schema.names})
            n += 1
            if len(rows) >= _BATCH:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        if rows or n == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return n
