"""Readers for each input kind (placeholder: plain text only)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ._documents import Skip, make_document
from ..records import Document


def read_path(path: str | Path, *, published=None) -> Iterator[Document | Skip]:
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    text = path.read_text(encoding="utf-8", errors="replace")
    yield make_document(text, doc_id=path.stem, published=published, source=str(path))


def read_stream(stream=None, *, published=None, name: str = "stdin") -> Iterator[Document | Skip]:
    stream = stream or sys.stdin
    text = stream.read()
    yield make_document(text, doc_id=name, published=published, source=name)


def read_inputs(paths: Iterable[str], *, published=None) -> Iterator[Document | Skip]:
    for p in paths:
        if p == "-":
            yield from read_stream(published=published)
        else:
            yield from read_path(p, published=published)
