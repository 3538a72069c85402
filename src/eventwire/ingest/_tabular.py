"""Records of articles: JSON Lines, JSON arrays and CSV/TSV with a text column.

A record whose text is a whole HTML page is run through the HTML extractor.
One bad record (broken JSON, no text, a text that is not a string) is a Skip
naming ``file:line`` and the reason; the records after it are still read.
"""
from __future__ import annotations

import csv
import json
import logging
from itertools import chain
from typing import Iterable, Iterator, TextIO

from ..records import Document
from ._documents import Skip, part_documents, record_published, skip
from ._html import extract_article, looks_like_html

log = logging.getLogger("eventwire.ingest")

# Column or key names accepted for each Document field, in order of preference.
FIELD_NAMES = {
    "text": ("text", "body", "content", "notes", "summary", "article"),
    "id": ("id", "doc_id", "document_id", "event_id_cnty", "eventid"),
    "published": ("published", "publish_date", "published_at", "pubdate", "date"),
    "url": ("url", "link"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "publisher", "sitename", "site_name"),
    "language": ("language", "lang"),
}
_META_FIELDS = ("published", "url", "title", "outlet")
_DELIMITERS = (",", ";", "\t", "|")


def _norm(name: str) -> str:
    return str(name).strip().lower().replace(" ", "_").replace("-", "_")


def _field(record: dict, field: str):
    for name in FIELD_NAMES[field]:
        value = record.get(name)
        if value is not None and value != "":
            return value
    return None


def _optional_str(value) -> str | None:
    return None if value is None or value == "" else str(value)


def _record_text(record: dict, source: str) -> str | Skip:
    if not any(name in record for name in FIELD_NAMES["text"]):
        return skip(source, "no text field (expected one of: " + ", ".join(FIELD_NAMES["text"]) + ")")
    text = _field(record, "text")
    if text is None or (isinstance(text, str) and not text.strip()):
        return skip(source, "empty text")
    if not isinstance(text, str):
        return skip(source, f"text is not a string (JSON {type(text).__name__})")
    return text


def _page_fields(text: str, record: dict, source: str) -> dict | Skip:
    """A record whose text is a whole HTML page: the article, with the record's own fields first."""
    article = extract_article(text, url=_optional_str(_field(record, "url")))
    if article is None:
        return skip(source, "HTML page with no readable text")
    fields = {key: _field(record, key) or article[key] for key in _META_FIELDS}
    fields["text"] = article["text"]
    return fields


def record_documents(record: dict, *, fallback_id: str, source: str, default,
                     limit: int) -> Iterator[Document | Skip]:
    """The Document(s) of one JSON object or CSV row (keys already normalised)."""
    text = _record_text(record, source)
    if isinstance(text, Skip):
        yield text
        return
    fields = {key: _field(record, key) for key in _META_FIELDS}
    fields["text"] = text
    if looks_like_html(text):
        fields = _page_fields(text, record, source)
        if isinstance(fields, Skip):
            yield fields
            return
    yield from part_documents(
        fields["text"], doc_id=_optional_str(_field(record, "id")) or fallback_id, source=source,
        limit=limit, published=record_published(fields["published"], source, default),
        url=_optional_str(fields["url"]), title=_optional_str(fields["title"]),
        outlet=_optional_str(fields["outlet"]),
        language=_optional_str(_field(record, "language")) or "en")


def _json_record(value, where: str) -> dict | Skip:
    if not isinstance(value, dict):
        return skip(where, f"not a JSON object (a JSON {type(value).__name__})")
    return {_norm(k): v for k, v in value.items()}


def read_jsonl(lines: Iterable[str], *, base_id: str, source: str, default,
               limit: int) -> Iterator[Document | Skip]:
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            record = _json_record(json.loads(line), where)
        except json.JSONDecodeError as exc:
            yield skip(where, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        except RecursionError:
            yield skip(where, "invalid JSON: nested too deeply")
            continue
        if isinstance(record, Skip):
            yield record
            continue
        yield from record_documents(record, fallback_id=f"{base_id}:{lineno}", source=where,
                                    default=default, limit=limit)


def read_json_array(items: list, *, base_id: str, source: str, default,
                    limit: int) -> Iterator[Document | Skip]:
    for n, value in enumerate(items, 1):
        where = f"{source}[{n}]"
        record = _json_record(value, where)
        if isinstance(record, Skip):
            yield record
            continue
        yield from record_documents(record, fallback_id=f"{base_id}:{n}", source=where,
                                    default=default, limit=limit)


def _delimiter(header: str, tsv: bool) -> str:
    if tsv:
        return "\t"
    return max(_DELIMITERS, key=header.count) if any(d in header for d in _DELIMITERS) else ","


def _rows(reader) -> Iterator[tuple[int, list[str] | csv.Error]]:
    """``(first line, row or error)``: a malformed row does not end the file."""
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield line, exc
            if reader.line_num < line:  # no progress: the reader cannot go on
                return
            line = reader.line_num + 1
            continue
        yield line, row
        line = reader.line_num + 1


def read_csv(stream: TextIO, *, base_id: str, source: str, default, limit: int,
             tsv: bool = False) -> Iterator[Document | Skip]:
    first = stream.readline()
    if not first.strip():
        yield skip(source, "empty")
        return
    # Long article texts exceed csv's default 128 KiB field limit; they are split later.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    reader = csv.reader(chain([first], stream), delimiter=_delimiter(first, tsv))
    columns = [_norm(c) for c in next(reader)]
    if not any(name in columns for name in FIELD_NAMES["text"]):
        yield skip(source, "no text column (expected one of: " + ", ".join(FIELD_NAMES["text"])
                   + "; found: " + ", ".join(columns) + ")")
        return
    for line, row in _rows(reader):
        where = f"{source}:{line}"
        if isinstance(row, csv.Error):
            yield skip(where, f"malformed CSV row: {row}")
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(columns):
            log.warning("%s: %d cells for %d columns; extra cells ignored", where, len(row), len(columns))
        yield from record_documents(dict(zip(columns, row)), fallback_id=f"{base_id}:{line}",
                                    source=where, default=default, limit=limit)
