"""ingest: files, HTML, JSON Lines, CSV, folders and stdin → :class:`Document`.

Readers never raise on one bad document: they yield a :class:`Skip` with the
reason (also logged at INFO on ``eventwire.ingest``) and go on. An input path
that does not exist, or a bad default publication date, raises ``InputError``.
Text over the document size limit (``_limits``) is split into ``#part-N``
documents, never truncated.
"""
from __future__ import annotations

from ._documents import Skip, make_document, parse_published
from ._normalise import OffsetMap, normalise, normalised_text
from ._normalise import restore as restore_offsets
from ._readers import read_inputs, read_path, read_stream

__all__ = ["OffsetMap", "Skip", "make_document", "normalise", "normalised_text", "parse_published",
           "read_inputs", "read_path", "read_stream", "restore_offsets"]
