"""The store on SQLite and PostgreSQL: schema, idempotence, re-coding, kill -9 resume, incidents.

Every test taking ``db_url`` runs once per database. The PostgreSQL run needs
EVENTWIRE_TEST_PG_URL (scripts/start_postgres.sh sets it); each test gets its
own schema there, dropped afterwards.
"""
from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import replace

import pytest
from conftest import fresh_database

from eventwire.pipeline import DocResult
from eventwire.records import Actor, Count, Document, Event, Evidence, Location, to_dict
from eventwire.serialize import event_from_dict
from eventwire.store import Filters, Store, current_revision, ingest, recode



@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A fresh, empty database URL: a SQLite file, or a private PostgreSQL schema."""
    with fresh_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def store(db_url):
    with Store(db_url) as st:
        yield st


QUETTA = Location("Quetta", "Pakistan", "PAK", "Balochistan", "Quetta", latitude=30.18, longitude=67.0, geo_precision=1)


def make_event(doc: Document, n: int = 1, killed: int = 3) -> Event:
    text = doc.text
    return Event(
        event_id=f"{doc.id}#{n}", doc_ids=(doc.id,), event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED", event_date=doc.published or dt.date(2025, 3, 11),
        date_precision="day", actor2=Actor("Civilians (Pakistan)", "civilians", 7), location=QUETTA,
        fatalities=Count("fatalities", killed, killed, killed, f"{killed} killed", 0, 8, status="official",
                         reported_by="police"),
        evidence=(Evidence("event_type", doc.id, 0, 4, text[:4], text, "test.hand"),
                  Evidence("fatalities", doc.id, 0, 8, text[:8], text, "test.hand")),
        notes=text, confidence=0.7)


class FakePipeline:
    """Codes each document with ``per_doc`` events; ``delay`` seconds per document."""

    def __init__(self, per_doc: int = 1, delay: float = 0.0, killed: int = 3) -> None:
        self.per_doc, self.delay, self.killed, self.seen = per_doc, delay, killed, []

    def pipe(self, documents, **options):
        for doc in documents:
            self.seen.append(doc.id)
            time.sleep(self.delay)
            yield DocResult(doc, [make_event(doc, n, self.killed) for n in range(1, self.per_doc + 1)], None)


def docs(n: int, prefix: str = "d") -> list[Document]:
    # Distinct incidents: different days, so linking keeps them apart.
    return [Document(id=f"{prefix}{i}", text=f"Report {prefix}{i}: a bomb exploded at a market in Quetta.",
                     published=dt.date(2025, 1, 1) + dt.timedelta(days=3 * i), outlet=f"Outlet {i % 3}")
            for i in range(n)]


def test_migrations_build_the_schema_the_models_describe(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from alembic.script import ScriptDirectory

    from eventwire.store._db import alembic_config
    from eventwire.store._models import Base

    head = ScriptDirectory.from_config(alembic_config(store.engine)).get_current_head()
    assert head and current_revision(store.engine) == head
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    assert set(store.counts()) == {"documents", "events", "evidence", "incidents", "incident_members",
                                   "incident_edits", "sources", "corrections", "runs"}


def test_reopening_is_harmless(db_url):
    with Store(db_url) as st:
        ingest(docs(2), st, FakePipeline())
    with Store(db_url) as st:  # migrations already at head: nothing to do
        assert st.counts()["documents"] == 2


def test_events_round_trip_through_the_database(store):
    d = docs(1)[0]
    ingest([d], store, FakePipeline())
    (stored,) = list(store.events())
    original = make_event(d)
    sources = stored.codes.pop("sources")
    assert [{k: s[k] for k in ("doc_id", "outlet", "url")} for s in sources] == [
        {"doc_id": d.id, "outlet": d.outlet, "url": None}]
    assert sources[0]["published"] == d.published.isoformat() and sources[0]["ingested_at"]
    assert set(stored.codes.pop("identity")) == {"names", "surnames", "places", "ages"}  # for linking
    assert to_dict(replace(stored, incident_id=None)) == to_dict(original)
    assert stored.incident_id
    assert event_from_dict(to_dict(original)) == original


def test_reingest_changes_nothing(store):
    batch = docs(4)
    first = ingest(batch, store, FakePipeline(per_doc=2))
    before = store.counts()
    pipeline = FakePipeline(per_doc=2)
    second = ingest(batch, store, pipeline)
    after = store.counts()
    assert first.stored == 4 and first.events == 8
    assert second.stored == 0 and second.unchanged == 4 and pipeline.seen == []
    assert {k: v for k, v in after.items() if k != "runs"} == {k: v for k, v in before.items() if k != "runs"}
    # The same text under another id is the same document.
    renamed = [replace(batch[0], id="other-id")]
    assert ingest(renamed, store, FakePipeline()).unchanged == 1


def test_changed_text_under_same_id_is_a_new_version_that_replaces_its_events(store):
    d = docs(1)[0]
    ingest([d], store, FakePipeline(per_doc=2))
    updated = replace(d, text=d.text + " Police said the toll rose.")
    report = ingest([updated], store, FakePipeline(per_doc=1, killed=5))
    assert report.stored == 1 and report.versions == 1
    counts = store.counts()
    # both texts are kept; only the current version has events
    assert counts["documents"] == 2 and counts["events"] == 1 and counts["evidence"] == 2
    assert [x.text for x in store.documents()] == [updated.text]
    assert [x.text for x in store.documents(versions=True)] == [d.text, updated.text]
    (ev,) = list(store.events())
    assert ev.fatalities.best == 5
    assert counts["incidents"] == 1  # the emptied incident is gone


def test_newer_pipeline_recodes_stored_documents(store):
    store.version = "0.0.1+old"
    ingest(docs(3), store, FakePipeline(killed=2))
    store.version = "9.9.9+new"
    assert len(list(store.stale_documents())) == 3
    report = recode(store, FakePipeline(killed=7))
    assert report.stored == 3
    assert [e.fatalities.best for e in store.events()] == [7, 7, 7]
    assert store.counts()["events"] == 3
    assert list(store.stale_documents()) == []


def test_one_bad_document_does_not_stop_the_batch(store):
    class Clashing(FakePipeline):
        def pipe(self, documents, **options):
            for result in super().pipe(documents):
                if result.document.id == "d1":  # two events with one id: the insert fails
                    result.events.append(result.events[0])
                yield result

    report = ingest(docs(3), store, Clashing())
    assert report.stored == 2 and len(report.failed) == 1 and report.skipped == []
    assert store.counts()["documents"] == 2  # d1 rolled back whole


KILL_SCRIPT = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {tests!r})
    from test_store import FakePipeline, docs
    from eventwire.store import Store, ingest

    def done(document, n):
        print("stored", document.id, flush=True)

    with Store({url!r}) as store:
        ingest(docs({n}), store, FakePipeline(per_doc=2, delay={delay}), on_document=done)
    print("finished", flush=True)
""")


def _run_ingest(db_url: str, tmp_path, n: int, delay: float) -> subprocess.Popen:
    script = tmp_path / "ingest_script.py"
    script.write_text(KILL_SCRIPT.format(tests=os.path.dirname(__file__), url=db_url, n=n, delay=delay))
    return subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def test_kill_9_mid_batch_then_resume_without_duplicates(db_url, tmp_path):
    n = 12
    proc = _run_ingest(db_url, tmp_path, n, delay=0.3)
    stored = []
    for line in proc.stdout:  # wait until some documents are committed, then kill hard
        if line.startswith("stored"):
            stored.append(line.split()[1])
        if len(stored) >= 3:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with Store(db_url) as st:
        counts = st.counts()
    k = counts["documents"]
    assert 3 <= k < n
    assert counts["events"] == 2 * k and counts["evidence"] == 4 * k  # whole documents only

    proc = _run_ingest(db_url, tmp_path, n, delay=0.0)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "finished" in out
    resumed = [line.split()[1] for line in out.splitlines() if line.startswith("stored")]
    assert len(resumed) == n - k and not set(resumed) & set(stored)
    with Store(db_url) as st:
        counts = st.counts()
        ids = [e.event_id for e in st.events()]
    assert counts["documents"] == n and counts["events"] == 2 * n and len(set(ids)) == len(ids) == 2 * n


def test_incidents_link_across_articles_in_the_store(store):
    from test_link import EVENTS, REPORTS

    by_doc = {r[1]: r for r in REPORTS}
    for ev in EVENTS:
        r = by_doc[ev.doc_id]
        doc = Document(id=ev.doc_id, text=r[3], published=ev.event_date, outlet=r[2])
        store.add(doc, [ev], store.start_run("test"))
    incidents = list(store.incidents())
    assert len(incidents) == len({r[0] for r in REPORTS})
    jaffar = next(i for i in incidents if "dawn-1" in i.doc_ids)
    assert jaffar.hostages.low == 120 and jaffar.hostages.high == 450
    sources = {s["outlet"] for s in jaffar.codes["reconciliation"]["sources"]}
    assert sources == {r[2] for r in REPORTS if r[0] == "jaffar"}
    links = store.incident_links(jaffar.incident_id)
    assert len(links) == 6 and all(l["reasons"] for l in links)
    assert sum(1 for l in links if l["linked_to"]) == 5
    # Filters: country, type, dates, incident.
    assert len(list(store.incidents(Filters(country="pak")))) == len(incidents)
    assert len(list(store.events(Filters(incident_id=jaffar.incident_id)))) == 6
    assert len(list(store.events(Filters(event_type="battles")))) == 2
    assert list(store.events(Filters(since=dt.date(2025, 3, 13)))) == []


def test_corrections_keep_the_old_value(store):
    d = docs(1)[0]
    ingest([d], store, FakePipeline())
    (ev,) = list(store.events())
    store.correct(ev.event_id, "event_type", "Violence against civilians", author="analyst", note="no explosive")
    (after,) = list(store.events())
    assert after.event_type == "Violence against civilians"
    assert list(store.events(Filters(event_type="Violence against civilians")))
    assert store.counts()["corrections"] == 1


def test_real_pipeline_ingest(store, pipeline, examples_dir):
    from eventwire.ingest import read_inputs

    path = examples_dir / "jaffar_express.txt"
    expected = list(pipeline.pipe(d for d in read_inputs([str(path)], published="2025-03-11")))[0].events
    report = ingest(read_inputs([str(path)], published="2025-03-11"), store, pipeline)
    assert report.stored == 1 and report.events == len(expected)
    assert ingest(read_inputs([str(path)], published="2025-03-11"), store, pipeline).unchanged == 1
    assert store.counts()["events"] == len(expected)


def test_cli_ingest_and_export(db_url, tmp_path, examples_dir):
    import json

    from eventwire.cli.main import main

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text((examples_dir / "jaffar_express.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["ingest", str(src), "--db", db_url, "--published", "2025-03-11"]) == 0
    assert main(["ingest", str(src), "--db", db_url, "--published", "2025-03-11"]) == 0
    out = tmp_path / "events.jsonl"
    assert main(["export", "--db", db_url, "--level", "events", "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    with Store(db_url) as st:
        assert st.counts()["documents"] == 1
        assert len(rows) == st.counts()["events"]
    assert main(["export", "--db", db_url, "--format", "parquet"]) != 0  # binary needs -o
