"""End to end through the installed ``eventwire`` command."""
from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def _run(*args, stdin: str | None = None) -> subprocess.CompletedProcess:
    exe = shutil.which("eventwire")
    cmd = [exe, *args] if exe else [sys.executable, "-m", "eventwire.cli.main", *args]
    return subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def example(examples_dir):
    return examples_dir / "jaffar_express.txt"


def test_extract_jsonl(example):
    proc = _run("extract", str(example), "--published", "2025-03-11")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert rows, proc.stderr
    top = rows[0]
    assert top["doc_id"] == "jaffar_express"
    assert top["event_date"] == "2025-03-11"
    assert top["evidence"] and all("rule" in e for e in top["evidence"])
    confidences = [r["confidence"] for r in rows]
    assert confidences == sorted(confidences, reverse=True)


def test_extract_acled_csv_from_stdin(example):
    proc = _run("extract", "-", "--published", "2025-03-11", "--format", "acled-csv",
                stdin=example.read_text(encoding="utf-8"))
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert rows
    assert rows[0]["event_date"] == "2025-03-11"
    assert rows[0]["country"] == "Pakistan"
    assert int(rows[0]["fatalities"]) == 6


def test_explain_shows_fields_and_rejected_mentions(example):
    proc = _run("extract", str(example), "--published", "2025-03-11", "--explain", "-o", "/dev/null")
    assert proc.returncode == 0, proc.stderr
    assert "fatalities" in proc.stderr
    assert "not an event" in proc.stderr


def test_bad_date_is_a_clear_error(example):
    proc = _run("extract", str(example), "--published", "not a date at all")
    assert proc.returncode != 0
    assert "date" in proc.stderr.lower()
    assert "Traceback" not in proc.stderr


def test_missing_file_is_a_clear_error(tmp_path):
    proc = _run("extract", str(tmp_path / "nope.txt"))
    assert proc.returncode == 2
    assert "no such file" in proc.stderr.lower()


@pytest.mark.parametrize("args", [("hijack",), ("extract", "--no-such-option", "x.txt")], ids=["command", "option"])
def test_unknown_command_or_option_is_a_usage_error(args):
    proc = _run(*args)
    assert proc.returncode == 2
    assert "Try 'eventwire" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_records_do_not_depend_on_the_hash_seed(tmp_path):
    """Worker processes start with their own hash seeds: set order must never choose a record."""
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    articles = sorted((Path(__file__).parent / "data" / "articles").glob("*.json"))[:8]
    for path in articles:
        a = json.loads(path.read_text(encoding="utf-8"))
        (folder / f"{a['id']}.txt").write_text(a["text"], encoding="utf-8")
    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-m", "eventwire.cli.main", "extract", str(folder),
                               "--published", "2024-06-01"], capture_output=True, text=True, timeout=600, env=env)
        assert proc.returncode == 0, proc.stderr
        outs.append(proc.stdout)
    assert outs[0] == outs[1] and outs[0].strip()
