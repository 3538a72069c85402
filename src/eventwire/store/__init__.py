"""store: documents, events, evidence and incidents in SQLite or PostgreSQL.

``Store(url)`` opens (and migrates) a database; ``ingest(documents, store)``
runs the pipeline over new documents and stores each in one transaction.
"""
from __future__ import annotations

from ._db import (DEFAULT_URL, current_revision, is_persistent, migrate, normalise_url, open_engine,
                  sqlite_path, writable)
from ._filters import Filters
from ._ingest import IngestReport, ingest, recode
from ._store import Store, content_hash, source_key
from ._versions import lexicon_hashes, pipeline_version

__all__ = ["DEFAULT_URL", "Filters", "IngestReport", "Store", "content_hash", "current_revision",
           "ingest", "is_persistent", "lexicon_hashes", "migrate", "normalise_url", "open_engine",
           "pipeline_version", "recode", "source_key", "sqlite_path", "writable"]
