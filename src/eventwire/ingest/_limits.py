"""Size limits of ingest, with the reason for each.

``max_document_chars``: spaCy's parser and entity recogniser need roughly 1 GB of
working memory per 100,000 characters (spaCy's note on ``Language.max_length``),
and a news article is rarely longer than 30,000. Text longer than the limit is
split at paragraph boundaries into parts with ids ``<id>#part-N`` whose texts,
joined, give the whole text back: nothing is truncated. Set
``EVENTWIRE_MAX_DOC_CHARS`` to change it.

``max_markup_bytes``: an HTML page or a JSON array is parsed whole, so it is read
whole; a bigger one is skipped with its size as the reason. Plain text, JSON
Lines and CSV are read as streams and have no file-size limit.

``feed_timeout_s``: a feed URL is given this many seconds to connect, to send
each next piece, and to send the whole feed (``EVENTWIRE_FEED_TIMEOUT``); a
server that accepts and never answers costs that long, not for ever. A feed
is read whole by feedparser, so a download over ``max_markup_bytes`` is
refused too.
"""
from __future__ import annotations

import os

SNIFF_BYTES = 64 * 1024      # read to detect encoding and kind of input
READ_CHUNK_CHARS = 64 * 1024  # plain text is decoded and split in chunks of this size

_DEFAULT_MAX_DOC_CHARS = 100_000
_DEFAULT_MAX_MARKUP_BYTES = 20 * 1024 * 1024
_DEFAULT_FEED_TIMEOUT_S = 30.0


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    try:
        return max(1000, int(value)) if value else default
    except ValueError:
        return default


def max_document_chars() -> int:
    return _env_int("EVENTWIRE_MAX_DOC_CHARS", _DEFAULT_MAX_DOC_CHARS)


def max_markup_bytes() -> int:
    return _env_int("EVENTWIRE_MAX_MARKUP_BYTES", _DEFAULT_MAX_MARKUP_BYTES)


def feed_timeout_s() -> float:
    value = os.environ.get("EVENTWIRE_FEED_TIMEOUT", "").strip()
    try:
        return max(0.1, float(value)) if value else _DEFAULT_FEED_TIMEOUT_S
    except ValueError:
        return _DEFAULT_FEED_TIMEOUT_S
