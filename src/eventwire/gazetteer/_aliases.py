"""The alias table (data/geo/aliases.csv): spellings and renamed units GeoNames lacks."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import resources

from ..errors import ConfigError


@dataclass(frozen=True, slots=True)
class AliasRow:
    name: str
    kind: str  # alias (points at target) | place (an entry of its own)
    target: str
    country: str  # ISO 3166-1 alpha-2
    feature_code: str
    latitude: float | None
    longitude: float | None
    admin1: str
    admin2: str
    source: str
    geonameid: int | None = None


def _float(cell: str) -> float | None:
    return float(cell) if cell.strip() else None


# Tables of places in the alias table's columns, read after it: generated ones too long to keep by hand
PLACE_TABLES = ("data/geo/donbas_settlements.csv",)


def read_aliases(text: str | None = None, table: str = "data/geo/aliases.csv") -> list[AliasRow]:
    """Rows of the alias table (or of another ``table`` in its columns); the ``#`` provenance
    line is skipped."""
    if text is None:
        text = resources.files("eventwire").joinpath(table).read_text("utf-8")
    lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
    rows = []
    for n, rec in enumerate(csv.DictReader(io.StringIO("\n".join(lines))), start=2):
        try:
            rows.append(AliasRow(
                name=rec["name"].strip(), kind=rec["kind"].strip(), target=rec["target"].strip(),
                country=rec["country"].strip().upper(), feature_code=rec["feature_code"].strip(),
                latitude=_float(rec["latitude"]), longitude=_float(rec["longitude"]),
                admin1=rec["admin1"].strip(), admin2=rec["admin2"].strip(), source=rec["source"].strip(),
                geonameid=int(rec["geonameid"]) if (rec.get("geonameid") or "").strip() else None,
            ))
        except (KeyError, ValueError, AttributeError) as exc:
            raise ConfigError(f"{table} line {n}: {exc}") from exc
    return rows
