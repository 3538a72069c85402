"""RSS/Atom feeds and the watched folder."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time

import pytest

from eventwire.errors import InputError
from eventwire.ingest._feeds import html_to_text, is_feed, read_any, read_feed
from eventwire.ingest._watch import watch
from eventwire.records import Document
from eventwire.store import Store, ingest
from test_store import FakePipeline, db_url  # noqa: F401  (fixture: SQLite and PostgreSQL)

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Frontier Post</title><link>https://frontier.example</link>
<item><title>Train attacked in Bolan</title><link>https://frontier.example/a1</link>
<guid>https://frontier.example/a1</guid><pubDate>Tue, 11 Mar 2025 14:00:00 GMT</pubDate>
<description>&lt;p&gt;Gunmen stopped the &lt;b&gt;Jaffar Express&lt;/b&gt; near Mushkaf.&lt;/p&gt;&lt;p&gt;Hundreds were held.&lt;/p&gt;</description></item>
<item><title>Blast in Quetta</title><link>https://frontier.example/a2</link>
<pubDate>Tue, 11 Mar 2025 18:00:00 GMT</pubDate><description>A bomb exploded at a market.</description></item>
<item><link>https://frontier.example/a3</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire Desk</title><id>urn:wire</id>
<updated>2025-03-12T08:00:00Z</updated>
<entry><title>Siege ends</title><id>urn:wire:1</id><updated>2025-03-12T08:00:00Z</updated>
<content type="html">&lt;p&gt;The army said the siege had ended.&lt;/p&gt;</content></entry>
</feed>"""


@pytest.fixture
def feeds(tmp_path):
    (tmp_path / "news.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "wire.xml").write_text(ATOM, encoding="utf-8")
    (tmp_path / "plain.xml").write_text("<notes><n>not a feed</n></notes>", encoding="utf-8")
    return tmp_path


def test_rss_entries_become_documents(feeds):
    items = list(read_feed(feeds / "news.rss"))
    docs = [i for i in items if isinstance(i, Document)]
    skips = [i for i in items if not isinstance(i, Document)]
    assert [d.id for d in docs] == ["https://frontier.example/a1", "https://frontier.example/a2"]
    first = docs[0]
    assert first.outlet == "Frontier Post" and first.published == dt.date(2025, 3, 11)
    assert first.title == "Train attacked in Bolan" and first.url == "https://frontier.example/a1"
    assert "Jaffar Express near Mushkaf" in first.text and "<" not in first.text
    assert len(skips) == 1 and "without text" in skips[0].reason


def test_atom_feed_is_sniffed_and_read(feeds):
    assert is_feed(feeds / "wire.xml") and not is_feed(feeds / "plain.xml")
    assert is_feed("https://example.org/feed") and is_feed(feeds / "news.rss")
    (doc,) = list(read_feed(feeds / "wire.xml"))
    assert doc.id == "urn:wire:1" and doc.outlet == "Wire Desk" and doc.published == dt.date(2025, 3, 12)
    assert doc.text.startswith("Siege ends\nThe army said")


def test_broken_feed_is_a_clear_error_and_read_any_skips_it(tmp_path):
    bad = tmp_path / "broken.rss"
    bad.write_text("this is <not a feed", encoding="utf-8")
    with pytest.raises(InputError, match="broken.rss"):
        list(read_feed(bad))
    (skip,) = list(read_any([bad]))
    assert "broken.rss" in skip.source


def test_html_to_text_keeps_paragraphs():
    assert html_to_text("<p>One.</p><p>Two <b>bold</b>.</p><script>x()</script>") == "One.\nTwo bold."


def test_feed_ingest_skips_stored_entries(db_url, feeds):  # noqa: F811
    with Store(db_url) as st:
        first = ingest(read_any([feeds / "news.rss"]), st, FakePipeline())
        second = ingest(read_any([feeds / "news.rss"]), st, FakePipeline())
        assert first.stored == 2 and len(first.skipped) == 1
        assert second.stored == 0 and second.unchanged == 2
        assert st.counts()["sources"] == 1


def test_watch_yields_new_and_changed_files_once_settled(tmp_path):
    (tmp_path / "a.txt").write_text("first", encoding="utf-8")
    old = time.time() - 60
    os.utime(tmp_path / "a.txt", (old, old))
    polls = []

    def sleep(_):
        # Between polls: a new file appears, then (next poll) it is still the same.
        if not polls:
            (tmp_path / "b.txt").write_text("second", encoding="utf-8")
        polls.append(1)

    batches = list(watch(tmp_path, interval=0.01, max_polls=4, sleep=sleep))
    assert [[p.name for p in b] for b in batches] == [["a.txt"], ["b.txt"]]


def test_watch_needs_a_folder(tmp_path):
    with pytest.raises(InputError):
        next(watch(tmp_path / "missing", max_polls=1))


@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM"])
def test_cli_watch_ingests_new_files(tmp_path, stop):
    """``eventwire ingest --watch`` picks up a file dropped in the folder, then stops on Ctrl-C
    (SIGINT) or a service manager's SIGTERM, closing its run."""
    import signal

    folder = tmp_path / "inbox"
    folder.mkdir()
    db = f"sqlite:///{tmp_path / 'w.db'}"
    # A shell without job control starts background jobs with SIGINT ignored, and a child
    # inherits that; give the watcher the disposition a terminal would.
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli.main", "ingest", "--watch", str(folder),
                             "--interval", "0.5", "--db", db, "--published", "2025-03-11"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        time.sleep(1.0)
        (folder / "note.txt").write_text("Gunmen shot dead two policemen in Quetta on Tuesday.", encoding="utf-8")
        deadline = time.time() + 90
        stored = 0
        while time.time() < deadline and not stored:
            time.sleep(1.0)
            if (tmp_path / "w.db").exists():
                with Store(db) as st:
                    stored = st.counts()["documents"]
        assert stored == 1
    finally:
        proc.send_signal(getattr(signal, stop))
        _, err = proc.communicate(timeout=60)
    assert "stopped watching" in err
    assert proc.returncode == 0
