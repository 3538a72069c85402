"""Two ``ingest`` processes into one database at once: every document lands.

SQLite allows one writer at a time; each write transaction takes the lock at
BEGIN and waits for it (busy timeout), and a write that still meets a
concurrent writer is retried. PostgreSQL runs the same test (its own schema).
Both processes also migrate the fresh database at the same moment.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from eventwire.store import Store
from test_store import db_url  # noqa: F401  (fixture: SQLite and PostgreSQL)

SCRIPT = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from test_store import FakePipeline, docs
    from eventwire.store import Store, ingest

    with Store({url!r}) as store:
        report = ingest(docs({n}, prefix={prefix!r}), store, FakePipeline(per_doc=2, delay=0.01))
    print(report.summary(), flush=True)
    sys.exit(1 if report.failed else 0)
""")


def _start(url: str, tmp_path, prefix: str, n: int) -> subprocess.Popen:
    script = tmp_path / f"ingest_{prefix}.py"
    script.write_text(SCRIPT.format(tests=os.path.dirname(__file__), url=url, n=n, prefix=prefix))
    return subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def test_two_ingests_at_once_store_every_document(db_url, tmp_path):
    n = 30
    procs = [_start(db_url, tmp_path, prefix, n) for prefix in ("a", "b")]
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, out + err
        assert f"{n} documents stored" in out and "NOT STORED" not in out
    with Store(db_url) as store:
        counts = store.counts()
    assert counts["documents"] == 2 * n and counts["events"] == 4 * n


OPEN_SCRIPT = textwrap.dedent("""
    import sys, time
    from eventwire.store import Store

    start = float(sys.argv[2])
    while time.time() < start:
        pass
    with Store(sys.argv[1]) as store:
        store.counts()
""")


def test_many_processes_open_a_fresh_sqlite_file_at_the_same_instant(tmp_path):
    """Each one switches the new file to WAL; SQLite refuses all but one of them
    at once (no busy wait) and the others must wait and ask again, not fail."""
    import time

    script = tmp_path / "open_store.py"
    script.write_text(OPEN_SCRIPT)
    for round_ in range(3):
        url = f"sqlite:///{tmp_path / f'fresh{round_}.db'}"
        start = time.time() + 3.0
        procs = [subprocess.Popen([sys.executable, str(script), url, str(start)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(10)]
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, out + err


def test_switching_to_wal_asks_again_when_refused_at_once():
    import sqlite3

    from eventwire.store import _db

    class Cursor:
        def __init__(self, refusals):
            self.refusals, self.asked = refusals, []

        def execute(self, sql):
            self.asked.append(sql)
            if sql == "PRAGMA journal_mode":
                return self
            if self.refusals:
                self.refusals -= 1
                raise sqlite3.OperationalError("database is locked")
            return self

        def fetchone(self):
            return ("delete",)

    cur = Cursor(refusals=3)
    _db._sqlite_wal(cur)
    assert cur.asked.count("PRAGMA journal_mode=WAL") == 4
    cur = Cursor(refusals=10)
    try:
        _db._sqlite_wal(cur, attempts=5)
    except sqlite3.OperationalError as exc:
        assert "locked" in str(exc)
    else:
        raise AssertionError("a file locked for good must still fail")
