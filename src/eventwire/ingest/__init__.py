"""ingest: files, HTML, JSON Lines, CSV, folders and stdin → :class:`Document`.

Readers never raise on one bad document: they yield a :class:`Skip` with the
reason and go on. A whole input that cannot be opened raises ``InputError``.
"""
from __future__ import annotations

from ._documents import Skip, make_document, parse_published
from ._readers import read_inputs, read_path, read_stream

__all__ = ["Skip", "make_document", "parse_published", "read_inputs", "read_path", "read_stream"]
