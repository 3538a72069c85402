"""Stores for the API and browser tests: the worked example plus a few dev gold articles.

The gold texts are read at test time from ``../shared/gold`` (never copied into the
repo); without them the store holds the worked example alone.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict

import pytest

from conftest import EXAMPLES, GOLD, fresh_database

JAFFAR = "jaffar_express"


def gold_articles(incidents: int = 2, per_incident: int = 3) -> list:
    """Articles of the first ``incidents`` GVC incidents reported by two or more articles."""
    from eventwire.ingest import parse_published
    from eventwire.records import Document

    path = GOLD / "news" / "gvc_dev.jsonl"
    if not path.is_file():
        return []
    by_incident = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            by_incident[row["incident_key"]].append(row)
    chosen = [rows for rows in by_incident.values() if len(rows) >= 2][:incidents]
    return [Document(id=row["id"], text=row["text"], title=row.get("title"), url=row.get("url"), outlet="gvc",
                     published=parse_published((row.get("published") or "")[:10] or None))
            for rows in chosen for row in rows[:per_incident]]


def worked_example():
    from eventwire.records import Document

    path = EXAMPLES / "jaffar_express.txt"
    if not path.is_file():
        pytest.skip(f"worked example not found at {path}")
    return Document(id=JAFFAR, text=path.read_text(encoding="utf-8"), title="Jaffar Express hijacked in Balochistan",
                    outlet="Example Wire", published=dt.date(2025, 3, 11))


def fill(url: str, pipeline, *, gold: bool = True) -> int:
    from eventwire.store import Store, ingest

    docs = [worked_example(), *(gold_articles() if gold else [])]
    with Store(url) as store:
        return ingest(docs, store, pipeline).events


def database(kind: str, tmp_path):
    """A fresh database URL (see ``conftest.fresh_database``)."""
    return fresh_database(kind, tmp_path)
