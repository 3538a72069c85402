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
