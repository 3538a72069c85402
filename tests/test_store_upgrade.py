"""Upgrading a store made by an older eventwire keeps its events (SQLite rebuilds tables)."""
from __future__ import annotations

from sqlalchemy import text

from eventwire.store import _db


def test_upgrading_an_older_sqlite_store_keeps_every_event(tmp_path):
    engine = _db.create(f"sqlite:///{tmp_path / 'old.db'}")
    _db.migrate(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO runs (id, pipeline_version, lexicon_hashes, started_at, documents, events) "
                          "VALUES (1, 'v', '{}', '2025-01-01', 1, 1)"))
        conn.execute(text("INSERT INTO documents (pk, doc_id, content_hash, text, language, run_id, pipeline_version, "
                          "ingested_at) VALUES (1, 'd1', 'h1', 'text', 'en', 1, 'v', '2025-01-01')"))
        conn.execute(text("INSERT INTO events (pk, event_id, document_pk, run_id, date_precision, event_type, "
                          "sub_event_type, confidence, record) VALUES (1, 'd1#e', 1, 1, 'day', 'Battles', '', 0.5, '{}')"))
        conn.execute(text('INSERT INTO evidence (event_pk, field, doc_id, start, "end", text, sentence, rule) '
                          "VALUES (1, 'event_type', 'd1', 0, 4, 'text', 'text', 'r')"))
    _db.migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM events")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM evidence")).scalar() == 1
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1  # back on for everything else
    engine.dispose()
