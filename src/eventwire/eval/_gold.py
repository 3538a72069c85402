"""Reading gold JSONL files (ACLED current, ACLED 2015 legacy, GTD, news, geoparsing).

A gold row of ACLED or GTD is one event: the source's own description
(``text``), the date it is anchored to (``published``) and the fields the
source coded (``gold``). A news row (GVC, MUC-4) is one article: its text,
title and publication date, and the incident(s) it reports. The format is
told by the rows themselves, so a file may be renamed freely.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GoldFormatError
from ._split import HALVES, half_of

log = logging.getLogger("eventwire")

__all__ = ["GoldRow", "GoldFile", "read_gold", "detect_format", "profile_of", "FORMATS", "NOTES_FORMATS"]

# acled: current taxonomy (has sub_event_type); acled-legacy: pre-2019 taxonomy;
# gtd: Global Terrorism Database; gvc: US gun-violence news reports with their
# incident's facts; muc4: MUC-4 wire stories with incident templates;
# geo: toponym-annotated articles.
FORMATS = ("acled", "acled-legacy", "gtd", "gvc", "muc4", "geo")
# ACLED notes and GTD summaries are coder text, read with the notes profile;
# the news sets are articles, read as news (the default).
NOTES_FORMATS = frozenset({"acled", "acled-legacy", "gtd"})


def profile_of(fmt: str) -> str:
    """The text profile the pipeline reads a gold format's texts with."""
    return "notes" if fmt in NOTES_FORMATS else "news"


@dataclass(frozen=True, slots=True)
class GoldRow:
    id: str
    text: str
    published: str | None
    gold: dict[str, Any]
    title: str | None = None
    # the wire dateline ("SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS)") a row's text was cut from
    dateline: str | None = None
    url: str | None = None  # where the article was read (a news row's page, as a feed gives it)


@dataclass(frozen=True, slots=True)
class GoldFile:
    path: Path
    format: str
    rows: tuple[GoldRow, ...]
    skipped: int = 0  # malformed lines, logged


def detect_format(record: dict[str, Any]) -> str:
    """The gold format of one parsed JSONL record."""
    if "toponyms" in record:
        return "geo"
    gold = record.get("gold")
    if not isinstance(gold, dict):
        raise GoldFormatError("a gold row needs a 'gold' object (or 'toponyms' for geoparsing)")
    source = str(record.get("source", "")).lower()
    if source == "gvc" or "incident_key" in record:
        return "gvc"
    if source == "muc4" or "templates" in gold:
        return "muc4"
    if source == "gtd" or "attacktype1" in gold:
        return "gtd"
    if source == "acled" or "event_type" in gold:
        # The 2015 release predates sub-event types: the key is absent, not null.
        return "acled" if "sub_event_type" in gold else "acled-legacy"
    raise GoldFormatError(f"unknown gold source {source!r}: expected 'acled', 'gtd', 'gvc' or 'muc4'")


def _row(record: dict[str, Any]) -> GoldRow:
    text = record.get("text")
    if not isinstance(text, str) or not record.get("id"):
        raise ValueError("needs a string 'id' and a string 'text'")
    title, dateline, url = record.get("title"), record.get("dateline"), record.get("url")
    return GoldRow(id=str(record["id"]), text=text, published=record.get("published") or None,
                   gold=record.get("gold") or {}, title=title if isinstance(title, str) and title.strip() else None,
                   dateline=dateline if isinstance(dateline, str) and dateline.strip() else None,
                   url=url if isinstance(url, str) and url.strip() else None)


def _records(path: Path):
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise GoldFormatError(f"{path}: cannot open gold file ({exc.strerror})") from exc
    with handle:
        lineno = 0
        try:
            for lineno, line in enumerate(handle, 1):
                if line.strip():
                    yield lineno, line
        except UnicodeDecodeError as exc:
            raise GoldFormatError(f"{path}:{lineno + 1}: not UTF-8 text ({exc.reason}); a gold file is "
                                  "UTF-8 JSON Lines (see the gold README)") from None


def read_gold(path: str | Path, limit: int | None = None, half: str | None = None) -> GoldFile:
    """The first ``limit`` rows of a gold file (all when ``None``).

    ``half`` (``"tune"`` or ``"check"``) keeps only that half of the rows
    (see :mod:`eventwire.eval._split`); ``None`` keeps every row.

    The gold files are ordered by a hash of the row id, so the first rows are
    a fixed, deterministic and unbiased sample. A malformed line is logged and
    skipped; a file whose first row has no known format raises GoldFormatError.
    """
    if half is not None and half not in HALVES:
        raise GoldFormatError(f"unknown half {half!r}: expected one of {', '.join(HALVES)}")
    path = Path(path)
    fmt: str | None = None
    rows: list[GoldRow] = []
    skipped = 0
    for lineno, line in _records(path):
        if limit is not None and len(rows) >= limit:
            break
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:
            log.warning("%s: skipped malformed gold line (%s)", where, exc)
            skipped += 1
            continue
        if fmt is None:
            try:
                fmt = detect_format(record)
            except GoldFormatError as exc:
                raise GoldFormatError(f"{where}: {exc}") from None
        if fmt == "geo":
            return GoldFile(path, fmt, (), skipped)  # geo has its own reader
        if half is not None and half_of(record) != half:
            continue
        try:
            rows.append(_row(record))
        except ValueError as exc:
            log.warning("%s: skipped gold row (%s)", where, exc)
            skipped += 1
    if fmt is None:
        raise GoldFormatError(f"{path}: no gold rows found (expected JSON Lines, see the gold README)")
    return GoldFile(path, fmt, tuple(rows), skipped)
