"""End to end: ``eventwire extract`` over a folder of good and bad files, and ingest of the dev gold."""
from __future__ import annotations

import json
import re
import subprocess
import sys

from eventwire.ingest import Skip, read_path

ARTICLE = ("QUETTA: A bomb exploded near a market in Quetta on Tuesday, killing five people "
           "and injuring twelve others, police said.")


def _mixed_folder(root):
    root.mkdir()
    (root / "good.txt").write_text(ARTICLE)
    (root / "batch.jsonl").write_text(json.dumps({"id": "j1", "text": ARTICLE}) + "\n{broken\n")
    (root / "empty.txt").write_bytes(b"")
    (root / "scan.pdf").write_bytes(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    (root / "latin.txt").write_bytes("Manifestation à Besançon : la police a arrêté 12 personnes.".encode("cp1252"))
    return root


def test_extract_folder_with_bad_files_exits_0_and_reports_skips(tmp_path):
    folder = _mixed_folder(tmp_path / "in")
    out = tmp_path / "events.jsonl"
    run = subprocess.run(
        [sys.executable, "-m", "eventwire.cli.main", "extract", str(folder), "--published", "2025-03-11",
         "-o", str(out)],
        capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    for source in ("batch.jsonl:2", "empty.txt", "scan.pdf"):
        assert source in run.stderr
    assert re.search(r"\b3\b[^\n]*skipped", run.stderr)  # the summary counts the skips
    assert out.exists()
    for line in out.read_text().splitlines():
        assert json.loads(line)["doc_id"] in {"good", "j1", "latin"}


def test_extract_missing_input_is_a_clear_error(tmp_path, capsys, pipeline):
    from eventwire.cli.main import main

    assert main(["extract", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_dev_gold_reads_without_skips(gold_dir):
    for path in sorted(gold_dir.glob("*.jsonl")):
        lines = sum(1 for line in path.open(encoding="utf-8") if line.strip())
        items = list(read_path(path))
        assert not [i for i in items if isinstance(i, Skip)]
        assert len(items) == lines
        assert all(d.published is not None and d.id for d in items)
