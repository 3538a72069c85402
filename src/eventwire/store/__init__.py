"""store: documents, events, evidence and incidents in SQLite or PostgreSQL.

``Store(url)`` opens (and migrates) a database; ``ingest(documents, store)``
runs the pipeline over new documents and stores each in one transaction.
"""
from __future__ import annotations

from ._db import DEFAULT_URL, current_revision, migrate, normalise_url, open_engine
from ._filters import Filters
from ._ingest import IngestReport, ingest, recode
from ._store import Store, content_hash
from ._versions import lexicon_hashes, pipeline_version

__all__ = ["DEFAULT_URL", "Filters", "IngestReport", "Store", "content_hash", "current_revision",
           "ingest", "lexicon_hashes", "migrate", "normalise_url", "open_engine", "pipeline_version",
           "recode"]
