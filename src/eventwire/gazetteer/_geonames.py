"""Optional full GeoNames: import a dump (allCountries.txt or a country file) into SQLite.

The embedded set has places of 500+ inhabitants; a user who needs villages
downloads a GeoNames dump and runs ``eventwire gazetteer import FILE``. The
index lives in the user's data folder (or ``$EVENTWIRE_GEONAMES_DB``), and
:func:`~eventwire.gazetteer.default_gazetteer` consults it when it exists.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from ..errors import GazetteerError
from ..records import GeoEntry
from ._fold import fold

# GeoNames feature classes kept: admin units, areas, populated places, spots
# (railway stations and the like, where attacks on infrastructure happen).
KEEP_CLASSES = frozenset("APLS")
BATCH = 5000

SCHEMA = """
CREATE TABLE IF NOT EXISTS place (geonameid INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL,
  fclass TEXT, fcode TEXT, cc TEXT, admin1 TEXT, admin2 TEXT, population INTEGER);
CREATE TABLE IF NOT EXISTS name (key TEXT, geonameid INTEGER, PRIMARY KEY (key, geonameid))
  WITHOUT ROWID;
"""


def default_db_path() -> Path:
    from ._compiled import data_dir

    env = os.environ.get("EVENTWIRE_GEONAMES_DB")
    return Path(env) if env else data_dir() / "geonames.sqlite"


@dataclass(frozen=True, slots=True)
class ImportReport:
    path: str
    rows: int
    kept: int
    skipped: int
    names: int


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    try:
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, start=1):
                if line.strip() and not line.startswith("#"):
                    yield n, line.rstrip("\n").split("\t")
    except OSError as exc:
        raise GazetteerError(f"cannot read GeoNames file {path}: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path} is not a UTF-8 GeoNames dump (unzip it first?)") from exc


def _parse(cells: list[str]) -> tuple[tuple, set[str]] | None:
    if len(cells) < 15 or cells[6] not in KEEP_CLASSES:
        return None
    gid, name, ascii_name, alternates = int(cells[0]), cells[1], cells[2], cells[3]
    row = (gid, name, float(cells[4]), float(cells[5]), cells[6], cells[7], cells[8],
           cells[10], cells[11], int(cells[14] or 0))
    keys = {fold(n) for n in (name, ascii_name, *alternates.split(",")) if n}
    return row, {k for k in keys if k}


def import_geonames(path: str | Path, db_path: str | Path | None = None,
                    progress: Callable[[int], None] | None = None) -> ImportReport:
    """Build (or extend) the local GeoNames index from a dump; a bad line is skipped."""
    path, db = Path(path), Path(db_path) if db_path else default_db_path()
    if not path.is_file():
        raise GazetteerError(f"GeoNames file not found: {path} (download it from download.geonames.org)")
    db.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(db)
    con.executescript(SCHEMA)
    rows = kept = skipped = names = 0
    places, pairs = [], []
    try:
        for _, cells in _rows(path):
            rows += 1
            try:
                parsed = _parse(cells)
            except ValueError:
                skipped += 1
                continue
            if parsed is None:
                continue
            row, keys = parsed
            kept += 1
            places.append(row)
            pairs.extend((k, row[0]) for k in keys)
            if len(places) >= BATCH:
                names += _flush(con, places, pairs)
                if progress:
                    progress(rows)
        names += _flush(con, places, pairs)
        con.commit()
    finally:
        con.close()
    return ImportReport(str(path), rows, kept, skipped, names)


def _flush(con: sqlite3.Connection, places: list, pairs: list) -> int:
    con.executemany("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT OR IGNORE INTO name VALUES (?,?)", pairs)
    n = len(pairs)
    places.clear()
    pairs.clear()
    return n


class GeoNamesIndex:
    """Lookup in an imported GeoNames index; admin names come from the embedded divisions."""

    def __init__(self, db_path: str | Path, divisions: Callable[[str], GeoEntry | None],
                 countries: Callable[[str], GeoEntry | None]) -> None:
        self.path = Path(db_path)
        if not self.path.is_file():
            raise GazetteerError(f"no GeoNames index at {self.path}: run 'eventwire gazetteer import FILE'")
        self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._division = divisions
        self._country = countries

    def lookup(self, key: str) -> list[GeoEntry]:
        cur = self._con.execute(
            "SELECT p.* FROM name n JOIN place p USING (geonameid) WHERE n.key = ? "
            "ORDER BY p.population DESC LIMIT 50", (key,))
        return [self._entry(r) for r in cur.fetchall()]

    def _entry(self, r: tuple) -> GeoEntry:
        gid, name, lat, lon, fclass, fcode, cc, a1, a2, pop = r
        country = self._country(cc) if cc else None
        adm1 = self._division(f"{cc}.{a1}") if a1 else None
        adm2 = self._division(f"{cc}.{a1}.{a2}") if a2 else None
        return GeoEntry(gid, name, lat, lon, fclass, fcode,
                        country.name if country else None, cc or None,
                        country.iso3 if country else None,
                        adm1.name if adm1 else None, adm2.name if adm2 else None, population=pop)

    def count(self) -> int:
        return self._con.execute("SELECT count(*) FROM place").fetchone()[0]
