"""Regression tests for bad inputs a new user or an attacker would try.

Each test holds one case of the reliability review: no silent loss, safe CSV
cells, nothing that hangs, no secret stored or printed, clear errors instead
of tracebacks. The pipeline is faked where the case is about ingest or the
store, so these tests stay fast.
"""
from __future__ import annotations

import csv
import io
import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from eventwire.errors import InputError, OutputError, StoreError, redact
from eventwire.export import write_events
from eventwire.ingest import Skip, read_inputs, read_path
from eventwire.records import Document
from eventwire.store import Store, ingest
from test_store import FakePipeline, db_url, make_event  # noqa: F401  (fixture: SQLite and PostgreSQL)

ARTICLE = "A bomb exploded at a market in Quetta on Tuesday, killing five people, police said."
CLI = [sys.executable, "-m", "eventwire.cli.main"]


def _cli(*args, cwd=None, timeout=120, **kw):
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout, cwd=cwd, env=env,
                          **kw)


# -- no silent loss ----------------------------------------------------------------

def test_same_file_name_in_two_folders_are_two_documents(tmp_path, db_url):
    for name, text in (("a", ARTICLE), ("b", ARTICLE.replace("five", "six"))):
        (tmp_path / name).mkdir()
        (tmp_path / name / "report.txt").write_text(text)
    with Store(db_url) as store:
        first = ingest(read_inputs([str(tmp_path / "a" / "report.txt")]), store, FakePipeline())
        second = ingest(read_inputs([str(tmp_path / "b" / "report.txt")]), store, FakePipeline())
        assert first.stored == 1 and second.stored == 1 and second.failed == []
        assert sorted(d.text for d in store.documents()) == sorted([ARTICLE, ARTICLE.replace("five", "six")])


def test_same_stem_with_two_extensions_in_one_folder_are_two_documents(tmp_path, db_url):
    (tmp_path / "x.txt").write_text(ARTICLE)
    (tmp_path / "x.md").write_text(ARTICLE.replace("Quetta", "Turbat"))
    with Store(db_url) as store:
        report = ingest(read_inputs([str(tmp_path)]), store, FakePipeline())
        assert report.stored == 2 and report.unchanged == 0 and report.failed == []
        assert store.counts()["documents"] == 2


def test_new_text_under_a_known_id_is_a_new_version(tmp_path, db_url):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "r1", "text": ARTICLE}) + "\n")
    with Store(db_url) as store:
        ingest(read_inputs([str(path)]), store, FakePipeline())
        path.write_text(json.dumps({"id": "r1", "text": ARTICLE + " The toll rose to seven."}) + "\n")
        report = ingest(read_inputs([str(path)]), store, FakePipeline())
        assert report.stored == 1 and report.versions == 1
        assert [d.text for d in store.documents(versions=True)] == [ARTICLE, ARTICLE + " The toll rose to seven."]
        assert store.counts()["events"] == 1  # only the current version's


def test_in_memory_database_is_refused_for_ingest(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    for url in ("sqlite://", "sqlite:///:memory:"):
        run = _cli("ingest", str(tmp_path / "a.txt"), "--db", url)
        assert run.returncode == StoreError.exit_code, run.stderr
        assert "keeps nothing" in run.stderr and "Traceback" not in run.stderr
    with Store("sqlite://") as store, pytest.raises(StoreError, match="keeps nothing"):
        ingest([Document("d", ARTICLE)], store, FakePipeline())


def test_a_document_not_stored_is_reported(db_url):
    class Failing(FakePipeline):
        def pipe(self, documents, **options):  # a failing document is left out, and not reported
            for result in super().pipe(documents, **options):
                if result.document.id != "bad":
                    yield result

    with Store(db_url) as store:
        report = ingest([Document("good", ARTICLE), Document("bad", ARTICLE + " x")], store, Failing())
    assert report.stored == 1 and [doc for doc, _ in report.failed] == ["bad"]
    assert "1 NOT STORED" in report.summary() and "bad" in report.summary()


# -- safe exports ------------------------------------------------------------------

FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"]


@pytest.mark.parametrize("fmt", ["acled-csv", "gtd-csv"])
def test_csv_cells_that_start_a_formula_are_neutralised(fmt):
    doc = Document(id=FORMULAS[0], text=FORMULAS[1] + " " + ARTICLE, outlet="@SUM(A1)")
    event = make_event(doc)
    from dataclasses import replace

    event = replace(event, notes=FORMULAS[2] + " notes", codes={"sources": [{"doc_id": doc.id, "outlet": "@SUM(A1)"}]})
    out = io.StringIO()
    write_events([event], fmt, out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    cells = [c for row in rows[1:] for c in row]
    assert cells and not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    assert any(c.startswith("'=HYPERLINK") for c in cells)
    # JSON keeps the raw value
    raw = io.StringIO()
    write_events([event], "jsonl", raw)
    assert json.loads(raw.getvalue())["event_id"].startswith("=HYPERLINK")


def test_neutralise_leaves_numbers_and_plain_text():
    from eventwire.export._writers import neutralise

    assert neutralise(-3) == -3 and neutralise("Quetta") == "Quetta" and neutralise("") == ""
    assert [neutralise(f)[0] for f in FORMULAS] == ["'"] * len(FORMULAS)


# -- nothing hangs -----------------------------------------------------------------

def test_a_named_pipe_in_a_folder_is_skipped_with_a_reason(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    os.mkfifo(tmp_path / "pipe.txt")
    items = []
    reader = threading.Thread(target=lambda: items.extend(read_path(tmp_path)), daemon=True)
    reader.start()
    reader.join(20)
    assert not reader.is_alive(), "reading a folder with a FIFO hung"
    docs = [i for i in items if isinstance(i, Document)]
    skips = [i for i in items if isinstance(i, Skip)]
    assert [d.id for d in docs] == ["a"]
    assert len(skips) == 1 and "named pipe" in skips[0].reason


def test_a_named_pipe_given_as_input_is_skipped(tmp_path):
    os.mkfifo(tmp_path / "p")
    items = list(read_path(tmp_path / "p"))
    assert len(items) == 1 and isinstance(items[0], Skip) and "named pipe" in items[0].reason


@pytest.fixture
def silent_server():
    """A TCP server that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/feed.rss"
    stop.set()
    thread.join(2)
    for conn in held:
        conn.close()
    server.close()


def test_a_feed_server_that_never_answers_times_out(silent_server, monkeypatch):
    from eventwire.ingest._feeds import read_any

    monkeypatch.setenv("EVENTWIRE_FEED_TIMEOUT", "1")
    start = time.monotonic()
    items = list(read_any([silent_server]))
    assert time.monotonic() - start < 10
    assert len(items) == 1 and isinstance(items[0], Skip) and "no answer within 1 s" in items[0].reason


def test_a_feed_download_over_the_size_cap_is_refused(monkeypatch):
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from eventwire.ingest._feeds import fetch

    class Big(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"<rss>" + b"x" * 65536)
            except OSError:
                pass

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Big)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("EVENTWIRE_MAX_MARKUP_BYTES", "100000")
    try:
        with pytest.raises(InputError, match="over 100,000 bytes"):
            fetch(f"http://127.0.0.1:{server.server_address[1]}/big.rss")
    finally:
        server.shutdown()
        server.server_close()


# -- HTML nested deeper than libxml2's default ------------------------------------

@pytest.mark.parametrize("depth", [1000, 2047, 5000])  # libxml2 builds no tree past 2,048 levels
def test_deeply_nested_html_keeps_its_text(depth):
    from eventwire.ingest._html import extract_article

    html = ("<html><body>" + "<div>" * depth + f"<p>{ARTICLE}</p><script>var x = 1;</script>" + "</div>" * depth
            + "</body></html>")
    article = extract_article(html)
    assert article is not None and "Quetta" in article["text"] and "var x" not in article["text"]


# -- secrets -----------------------------------------------------------------------

def test_redact_masks_url_passwords():
    assert redact("postgresql://user:secret@db:5432/x") == "postgresql://user:***@db:5432/x"
    assert redact("postgresql+psycopg://u:p@ss@h/db up") == "postgresql+psycopg://u:***@h/db up"
    assert redact("postgresql://h/db?user=u&password=secret&x=1") == "postgresql://h/db?user=u&password=***&x=1"
    assert redact("sqlite:///a.db and https://example.org/a:b") == "sqlite:///a.db and https://example.org/a:b"


def test_password_is_not_stored_in_runs(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'a.db'}") as store:
        run = store.start_run("eventwire ingest x --db postgresql://ana:hunter2@db/ew")
        with store.session() as s:
            from eventwire.store._models import Run

            assert s.get(Run, run).command == "eventwire ingest x --db postgresql://ana:***@db/ew"


def test_password_is_not_printed_when_the_server_is_unreachable(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    port = socket.socket()
    port.bind(("127.0.0.1", 0))
    free = port.getsockname()[1]
    port.close()
    run = _cli("-v", "ingest", str(tmp_path / "a.txt"), "--db", f"postgresql://ana:hunter2@127.0.0.1:{free}/ew")
    assert run.returncode != 0
    assert "hunter2" not in run.stderr + run.stdout and "Traceback" not in run.stderr


# -- clear errors ------------------------------------------------------------------

def _corrupt_database(path: Path) -> None:
    with Store(str(path)) as store:
        ingest([Document(f"d{i}", f"{ARTICLE} ({i})") for i in range(20)], store, FakePipeline())
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")  # everything into the main file
    conn.close()
    data = bytearray(path.read_bytes())
    for at in range(4096, len(data), 97):  # keep the 100-byte header valid, garble the pages
        data[at] = 0xA5
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("command", ["ingest", "export"])
def test_a_corrupt_database_is_a_clear_error(tmp_path, command):
    db = tmp_path / "bad.db"
    _corrupt_database(db)
    (tmp_path / "a.txt").write_text(ARTICLE)
    args = ["ingest", str(tmp_path / "a.txt")] if command == "ingest" else ["export"]
    run = _cli(*args, "--db", str(db))
    assert run.returncode == StoreError.exit_code, run.stderr
    assert "Traceback" not in run.stderr and "error:" in run.stderr
    assert len(run.stderr.strip().splitlines()) <= 3


def test_output_into_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        write_events([], "jsonl", tmp_path / "missing" / "out.jsonl")
    db = tmp_path / "e.db"
    with Store(str(db)):
        pass
    run = _cli("export", "--db", str(db), "-f", "acled-csv", "-o", str(tmp_path / "missing" / "out.csv"))
    assert run.returncode == OutputError.exit_code and "Traceback" not in run.stderr
    assert "does not exist" in run.stderr


def test_export_reads_a_read_only_database(tmp_path, monkeypatch):
    db = tmp_path / "ro" / "e.db"
    db.parent.mkdir()
    with Store(str(db)) as store:
        ingest([Document("d1", ARTICLE, outlet="Wire")], store, FakePipeline())
    db.chmod(0o444)
    db.parent.chmod(0o555)
    try:
        with Store(str(db), read_only=True) as store:
            assert len(list(store.events())) == 1
        # the CLI takes the read-only path when the file or its folder cannot be written
        import eventwire.store

        monkeypatch.setattr(eventwire.store, "writable", lambda url: False)
        from eventwire.cli.main import main

        out = tmp_path / "out.jsonl"
        assert main(["export", "--db", str(db), "--level", "events", "-o", str(out)]) == 0
        assert len(out.read_text().splitlines()) == 1
        assert sorted(p.name for p in db.parent.iterdir()) == ["e.db"]  # nothing written beside it
    finally:
        db.parent.chmod(0o755)
        db.chmod(0o644)


def test_a_gold_file_that_is_not_text_is_a_clear_error(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_bytes(b"\x00\x01\xff\xfe\x80 not text")
    run = _cli("eval", "--gold", str(gold))
    assert run.returncode == 7 and "not UTF-8" in run.stderr and "Traceback" not in run.stderr


# -- text normalisation ------------------------------------------------------------

def test_normalise_maps_offsets_back_to_the_original():
    from eventwire.ingest import normalise

    original = "Gun\u00admen killed five in In\u200edia.\u00a0Police\u2009said\u200b so. Cafe\u0301."
    text, offsets = normalise(original)
    assert text == "Gunmen killed five in India. Police said so. Café."
    for word in ("Gunmen", "India", "Police said", "Café"):
        at = text.index(word)
        a, b = offsets.span(at, at + len(word))
        assert original[a:b].replace("\u00ad", "").replace("\u200e", "").replace("\u2009", " ") \
            .replace("e\u0301", "é") == word
    assert normalise("plain text") == ("plain text", None)


def test_invisible_characters_do_not_change_the_events_and_evidence_stays_exact(pipeline, examples_dir):
    import re

    from eventwire.ingest import make_document

    text = (examples_dir / "jaffar_express.txt").read_text(encoding="utf-8")
    # a soft hyphen inside every long word, no-break spaces, zero-width spaces after sentences
    dirty = re.sub(r"\b(\w{3})(\w{3,})", "\\1\u00ad\\2", text).replace(" ", "\u00a0", 50).replace(". ", ".\u200b ")
    clean = pipeline.process(make_document(text, doc_id="j", published="2025-03-11"))
    noisy = pipeline.process(make_document(dirty, doc_id="j", published="2025-03-11"))
    assert noisy.document.text == dirty  # the stored text is the original
    key = lambda ev: (ev.event_type, ev.sub_event_type, ev.event_date, ev.location and ev.location.name,
                      ev.actor1 and ev.actor1.name, ev.actor2 and ev.actor2.name,
                      ev.fatalities and ev.fatalities.best)
    assert [key(e) for e in noisy.events] == [key(e) for e in clean.events] and clean.events
    exact_before = {(e.field, e.rule) for ev in clean.events for e in ev.evidence if text[e.start:e.end] == e.text}
    for ev in noisy.events:
        for e in ev.evidence:
            if (e.field, e.rule) in exact_before:
                assert dirty[e.start:e.end] == e.text
            assert e.sentence in dirty


def test_a_long_text_gives_each_event_the_context_around_it_not_all_of_it(pipeline):
    """Claims, statements and places far from an event's sentences stay out of its record,
    so that records of a book-length text stay small and claims stay with their incident."""
    import datetime as dt

    from eventwire.records import Document

    filler = "The committee met again to discuss the budget for roads and schools in the region. " * 300
    text = ("Gunmen killed five soldiers at a checkpoint in Kano on Monday, police said.\n\n" + filler
            + "\n\nThe Islamic State West Africa Province claimed responsibility for the bombing of a market "
            "in Maiduguri on Tuesday that killed 12 people, the group said in a statement.\n")
    events = pipeline.process(Document(id="long", text=text, published=dt.date(2025, 3, 11))).events
    kano = next(e for e in events if e.location and e.location.admin1 == "Kano")
    assert not kano.claims
    assert kano.actor1 is None or "Islamic State" not in kano.actor1.name
    assert all(p.start < 30_000 for p in kano.places)
    assert all(s.start < 30_000 for s in kano.statements)
