"""Upgrading a store made by an older eventwire keeps its events (SQLite rebuilds tables)."""
from __future__ import annotations

from sqlalchemy import text

from eventwire.store import _db


def _one_document(conn) -> None:
    """A run and its one document, as any version of the store writes them."""
    conn.execute(text("INSERT INTO runs (id, pipeline_version, lexicon_hashes, started_at, documents, events) "
                      "VALUES (1, 'v', '{}', '2025-01-01', 1, 1)"))
    conn.execute(text("INSERT INTO documents (pk, doc_id, content_hash, text, language, run_id, pipeline_version, "
                      "ingested_at) VALUES (1, 'd1', 'h1', 'text', 'en', 1, 'v', '2025-01-01')"))


def test_upgrading_an_older_sqlite_store_keeps_every_event(tmp_path):
    engine = _db.create(f"sqlite:///{tmp_path / 'old.db'}")
    _db.migrate(engine, "0001")
    with engine.begin() as conn:
        _one_document(conn)
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


def test_event_keys_lose_their_country_on_upgrade(tmp_path):
    """Keys written as COUNTRY|key by an older store are rewritten without the country, so
    reports of one incident coded in two countries find each other through the index."""
    import json

    from eventwire.records import Event, Location, to_dict

    ev = Event(event_id="d1#e", doc_ids=("d1",), event_type="Battles", sub_event_type="Armed clash",
               location=Location("Chester", "United States", "USA", "Pennsylvania"),
               codes={"identity": {"names": ["tyrone banks"], "surnames": ["banks"], "places": [], "ages": []}})
    engine = _db.create(f"sqlite:///{tmp_path / 'keys.db'}")
    _db.migrate(engine, "0005_event_keys")
    with engine.begin() as conn:
        _one_document(conn)
        conn.execute(text("INSERT INTO events (pk, event_id, document_pk, run_id, event_date, date_precision, "
                          "event_type, sub_event_type, confidence, country, iso3, record) VALUES (1, 'd1#e', 1, 1, "
                          "'2016-06-07', 'day', 'Battles', '', 0.5, 'United States', 'USA', :record)"),
                     {"record": json.dumps({**to_dict(ev), "event_date": "2016-06-07", "date_precision": "day"})})
        conn.execute(text("INSERT INTO event_keys (event_pk, key, event_date) "
                          "VALUES (1, 'USA|n:tyrone banks', '2016-06-07')"))
    _db.migrate(engine)
    with engine.connect() as conn:
        assert [k for (k,) in conn.execute(text("SELECT key FROM event_keys"))] == ["n:tyrone banks"]
    # and back: the downgrade restores the older layout
    from alembic import command

    cfg = _db.alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005_event_keys")
    with engine.connect() as conn:
        assert [k for (k,) in conn.execute(text("SELECT key FROM event_keys"))] == ["USA|n:tyrone banks"]
    engine.dispose()


def test_a_store_without_follow_ups_gains_the_table_and_keeps_its_events(tmp_path):
    engine = _db.create(f"sqlite:///{tmp_path / 'follow.db'}")
    _db.migrate(engine, "0006_event_keys_any_country")
    with engine.begin() as conn:
        _one_document(conn)
        conn.execute(text("INSERT INTO events (pk, event_id, document_pk, run_id, date_precision, event_type, "
                          "sub_event_type, confidence, record) VALUES (1, 'd1#e', 1, 1, 'day', 'Battles', '', 0.5, '{}')"))
    _db.migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM events")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM follow_ups")).scalar() == 0
    engine.dispose()


def test_an_older_store_gains_the_town_and_toll_keys_and_links_as_a_new_one(tmp_path):
    """Events stored before the town (t:, m:) and toll (k:) keys were kept get them on upgrade,
    so a mass shooting's report weeks later finds the first report through its toll."""
    import datetime as dt

    from eventwire.records import Document
    from eventwire.store import Store

    from test_link_misplaced import _tolled

    first = _tolled("mass-a", "A gunman opened fire in a crowded nightclub early Sunday.", 9, 14)
    later = _tolled("mass-b", "Two weeks on, survivors gathered at a vigil downtown.", 9, 14,
                    first.event_date + dt.timedelta(days=14))
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with Store(url) as store:
        store.add(Document(id="mass-a", text=first.evidence[0].sentence, published=first.event_date), [first],
                  store.start_run("test"))
    # as an older eventwire left it: people and places only, at the schema before these keys
    engine = _db.create(url)
    with engine.begin() as conn:
        new_keys = sorted(k for (k,) in conn.execute(text("SELECT key FROM event_keys")))
        assert any(k.startswith(("t:", "k:")) for k in new_keys)
        conn.execute(text("DELETE FROM event_keys WHERE key NOT LIKE 'n:%' AND key NOT LIKE 'p:%'"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0007_follow_ups'"))
    engine.dispose()
    with Store(url) as store:  # opening upgrades
        with store.session() as s:
            assert sorted(k for (k,) in s.execute(text("SELECT key FROM event_keys"))) == new_keys
        store.add(Document(id="mass-b", text=later.evidence[0].sentence, published=later.event_date), [later],
                  store.start_run("test"))
        assert sorted(sorted(inc.doc_ids) for inc in store.incidents()) == [["mass-a", "mass-b"]]
    # the downgrade leaves the older layout
    engine = _db.create(url)
    from alembic import command

    cfg = _db.alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007_follow_ups")
    with engine.connect() as conn:
        assert all(k.startswith(("n:", "p:")) for (k,) in conn.execute(text("SELECT key FROM event_keys")))
    engine.dispose()
