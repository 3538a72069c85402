"""Readers for each input: files, folders and stdin → Documents and Skips.

A file's kind comes from its extension, else from its first bytes (JSON Lines,
JSON array, HTML or plain text); its encoding is detected in ``_encoding``.
Nothing fails the batch except an input path that does not exist, which is
reported before anything is read.
"""
from __future__ import annotations

import codecs
import io
import json
import logging
import os
import stat
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterable, Iterator

from ..errors import InputError
from ..records import Document
from ._documents import Skip, part_documents, parse_published, record_published, skip
from ._encoding import detect
from ._html import extract_article, looks_like_html
from ._limits import READ_CHUNK_CHARS, SNIFF_BYTES, max_document_chars, max_markup_bytes
from ._tabular import read_csv, read_json_array, read_jsonl

log = logging.getLogger("eventwire.ingest")

KINDS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv",
}


class _Rejoined(io.RawIOBase):
    """A one-way stream (stdin) whose first bytes were already read for sniffing."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._head[:len(buffer)] if self._head else self._rest.read(len(buffer))
        self._head = self._head[len(data):] if self._head else b""
        buffer[:len(data)] = data
        return len(data)


def _is_json_object(text: str) -> bool:
    try:
        return isinstance(json.loads(text), dict)
    except (json.JSONDecodeError, RecursionError):
        return False


def _sniff_kind(sample: str) -> str:
    start = sample.lstrip("\ufeff \t\r\n")
    if start.startswith("["):
        return "json"
    if start.startswith("{"):
        if _is_json_object(start.split("\n", 1)[0]):
            return "jsonl"
        if _is_json_object(start):
            return "json"  # one pretty-printed record
        # a first record longer than the sample is cut off, not broken
        return "jsonl" if "\n" not in start and start.startswith('{"') else "text"
    if start.startswith("<?xml") and any(tag in start[:2000] for tag in ("<rss", "<feed", "<rdf:RDF")):
        return "feed"
    return "html" if looks_like_html(start) else "text"


@contextmanager
def _text_stream(raw: IO[bytes], codec: str, newline: str | None):
    wrapper = io.TextIOWrapper(raw, encoding=codec, errors="replace", newline=newline)
    try:
        yield wrapper
    finally:
        wrapper.detach()  # the caller owns and closes the byte stream


def _counting_replacements(chunks: Iterator[str], source: str) -> Iterator[str]:
    """Chunks unchanged; at the end, a warning if bytes past the sniffed start did not decode."""
    replaced = 0
    for chunk in chunks:
        replaced += chunk.count("\ufffd")
        yield chunk
    if replaced:
        log.warning("%s: %d characters could not be decoded and read as U+FFFD", source, replaced)


def _read_text(raw, codec, *, base_id, source, default, limit):
    with _text_stream(raw, codec, None) as text:
        chunks = iter(lambda: text.read(READ_CHUNK_CHARS), "")
        yield from part_documents(_counting_replacements(chunks, source), doc_id=base_id,
                                  source=source, limit=limit, published=default)


def _read_html(raw, codec, *, base_id, source, default, limit):
    cap = max_markup_bytes()
    data = raw.read(cap + 1)
    if len(data) > cap:
        yield skip(source, f"HTML page over {cap:,} bytes (EVENTWIRE_MAX_MARKUP_BYTES)")
        return
    article = extract_article(codecs.decode(data, codec, "replace"))
    if article is None:
        yield skip(source, "HTML page with no readable text")
        return
    yield from part_documents(
        article["text"], doc_id=base_id, source=source, limit=limit,
        published=record_published(article["published"], source, default),
        url=article["url"], title=article["title"], outlet=article["outlet"])


def _read_json(raw, codec, **kw):
    """A JSON array of records or one record, else (JSON Lines in a .json file) line by line."""
    cap = max_markup_bytes()
    data = raw.read(cap + 1)
    if len(data) <= cap:
        try:
            value = json.loads(codecs.decode(data, codec, "replace"))
        except (json.JSONDecodeError, RecursionError):
            value = None
        if isinstance(value, (list, dict)):
            yield from read_json_array(value if isinstance(value, list) else [value], **kw)
            return
    elif data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
        yield skip(kw["source"], f"JSON array over {cap:,} bytes: write it as JSON Lines instead")
        return
    yield from _read_jsonl(io.BufferedReader(_Rejoined(data, raw)), codec, **kw)


def _read_jsonl(raw, codec, **kw):
    with _text_stream(raw, codec, None) as text:
        yield from read_jsonl(text, **kw)


def _read_csv(raw, codec, *, tsv=False, **kw):
    with _text_stream(raw, codec, "") as text:
        yield from read_csv(text, tsv=tsv, **kw)


def _read_bytes(raw: IO[bytes], *, base_id: str, source: str, suffix: str,
                default) -> Iterator[Document | Skip]:
    """Sniff, then hand the (rewound) stream to the reader of its kind."""
    head = raw.read(SNIFF_BYTES)
    if not head:
        yield skip(source, "empty")
        return
    kind = KINDS.get(suffix)
    verdict = detect(head, whole=len(head) < SNIFF_BYTES, html=kind in (None, "html"))
    if verdict.reason:
        yield skip(source, verdict.reason)
        return
    kind = kind or _sniff_kind(verdict.sample)
    if raw.seekable():
        raw.seek(0)
    else:
        raw = io.BufferedReader(_Rejoined(head, raw))
    kw = dict(base_id=base_id, source=source, default=default, limit=max_document_chars())
    if kind == "feed":
        yield skip(source, "an RSS/Atom feed, not an article: read it as a feed")
    elif kind == "html":
        yield from _read_html(raw, verdict.codec, **kw)
    elif kind == "json":
        yield from _read_json(raw, verdict.codec, **kw)
    elif kind == "jsonl":
        yield from _read_jsonl(raw, verdict.codec, **kw)
    elif kind in ("csv", "tsv"):
        yield from _read_csv(raw, verdict.codec, tsv=kind == "tsv", **kw)
    else:
        yield from _read_text(raw, verdict.codec, **kw)


def _safely(items: Iterator[Document | Skip], source: str) -> Iterator[Document | Skip]:
    """``items``, with a read error turned into a Skip: it costs one input, not the batch."""
    try:
        yield from items
    except OSError as exc:
        yield skip(source, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:
        log.exception("%s: unexpected error while reading", source)
        yield skip(source, f"could not be read ({type(exc).__name__}: {exc}); the rest of it is not read")


def _never_silent(items: Iterator[Document | Skip], source: str) -> Iterator[Document | Skip]:
    """``items``, or a Skip when there were none (a blank JSON Lines file, a CSV with a header only)."""
    empty = True
    for item in items:
        empty = False
        yield item
    if empty:
        yield skip(source, "no documents in it (only blank lines or a header)")


def _open_and_read(path: Path, base_id: str, default) -> Iterator[Document | Skip]:
    with path.open("rb") as raw:
        yield from _never_silent(_read_bytes(raw, base_id=base_id, source=str(path),
                                             suffix=path.suffix.lower(), default=default), str(path))


def _not_regular(path: Path) -> str | None:
    """Why ``path`` is not read as a file, or None for a regular file.

    Opening a named pipe waits for a writer and reading a device may never end,
    so only regular files are read (``-`` reads stdin).
    """
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    return f"{kind}: only regular files are read (use - to read a stream from stdin)"


def _read_file(path: Path, base_id: str, default) -> Iterator[Document | Skip]:
    reason = _not_regular(path)
    if reason:
        return iter([skip(str(path), reason)])
    return _safely(_open_and_read(path, base_id, default), str(path))


def _walk(root: Path) -> Iterator[Path | Skip]:
    """Files under ``root`` in sorted order; hidden files and folders are left out."""
    failures: list[Skip] = []
    found = []
    for folder, dirs, files in os.walk(root, onerror=lambda e: failures.append(
            skip(str(e.filename), f"cannot list folder: {e.strerror}"))):
        hidden = [name for name in dirs + files if name.startswith(".")]
        if hidden:  # .git, .DS_Store and the like are not articles
            log.debug("%s: hidden entries left out: %s", folder, ", ".join(sorted(hidden)))
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(folder, f) for f in files if not f.startswith("."))
    yield from failures
    yield from sorted(found, key=lambda p: p.relative_to(root).as_posix())


def _read_folder(root: Path, default) -> Iterator[Document | Skip]:
    empty = True
    for item in _walk(root):
        empty = False
        if isinstance(item, Skip):
            yield item
        else:
            base_id = item.relative_to(root).with_suffix("").as_posix()
            yield from _read_file(item, base_id, default)
    if empty:
        log.warning("%s: folder has no files", root)


def read_path(path: str | Path, *, published=None) -> Iterator[Document | Skip]:
    """Documents of a file or folder (recursive). ``published`` is the default date."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    default = parse_published(published)
    if path.is_dir():
        yield from _read_folder(path, default)
    else:
        yield from _read_file(path, path.stem, default)


def _binary(stream) -> IO[bytes]:
    if hasattr(stream, "buffer"):
        return stream.buffer
    if isinstance(stream, io.TextIOBase):
        return io.BytesIO(stream.read().encode("utf-8", "replace"))
    return stream


def read_stream(stream=None, *, published=None, name: str = "stdin") -> Iterator[Document | Skip]:
    """Documents from a stream (stdin by default): JSON Lines, JSON, HTML or text, sniffed."""
    default = parse_published(published)
    raw = _binary(sys.stdin if stream is None else stream)
    yield from _safely(_never_silent(_read_bytes(raw, base_id=name, source=name, suffix="", default=default),
                                     name), name)


def read_inputs(paths: Iterable[str], *, published=None) -> Iterator[Document | Skip]:
    """Documents of every input in order; ``-`` is stdin.

    Missing paths and a bad ``published`` raise InputError here, at the call,
    before anything is read (so a CLI fails fast, before loading the model).
    """
    paths = list(paths)
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        raise InputError("no such file or folder: " + ", ".join(missing))
    return _read_all(paths, parse_published(published))


def _read_all(paths: list[str], default) -> Iterator[Document | Skip]:
    seen: set[str] = set()
    for p in paths:
        items = read_stream(published=default) if p == "-" else read_path(p, published=default)
        for item in items:
            if isinstance(item, Document):
                if item.id in seen:
                    log.warning("%s: document id %r seen before in this batch", item.source, item.id)
                seen.add(item.id)
            yield item
