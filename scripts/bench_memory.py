"""Peak memory and time of eventwire on large inputs (a benchmark, not a test).

Generates inputs under a temporary folder (deleted afterwards) from hand-written
sentence templates, runs ``eventwire extract`` on each in a fresh process and
prints the peak resident set size (RSS, from the kernel's rusage) and the wall time.

    python scripts/bench_memory.py text --mb 20          # one 20 MB article
    python scripts/bench_memory.py jsonl --mb 1024        # a 1 GB JSON Lines file
    python scripts/bench_memory.py jsonl --mb 50 --relevant 0.02   # mostly dropped by the prefilter
    python scripts/bench_memory.py paragraphs --kb 600    # one 600 KB article vs its paragraphs

Each run also reports ``first_output_s``, when the first event line was written
(output starts early when input is streamed). ``--max-minutes`` stops a run that
has not finished by then and reports how far it got: the parts of a long article
with output (``parts_done``, from the ``#part-N`` document ids), the CPU seconds
spent, and the CPU a whole run would take at that rate (``projected_cpu_s``).

    python scripts/bench_memory.py text --mb 20 --max-minutes 40
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLACES = ["Quetta", "Turbat", "Gwadar", "Peshawar", "Kandahar", "Mosul", "Aden", "Goma", "Maiduguri", "Bamako"]
GROUPS = ["gunmen", "militants", "protesters", "soldiers", "police", "rebels", "attackers", "students"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TEMPLATES = [
    "{g} attacked a checkpoint near {p} on {d}, killing {n} people, officials said.",
    "A roadside bomb struck a bus on the road to {p}, injuring {n} passengers.",
    "Hundreds of {g} marched through the centre of {p} on {d} to demand the release of detainees.",
    "Police in {p} said {n} suspects were arrested after the clashes.",
    "The market in {p} reopened on {d} after a week of calm, traders said.",
    "Local councillors in {p} met to discuss the budget for new schools and roads.",
    "{g} fired on a convoy outside {p}; the army said {n} of its men were wounded.",
    "Residents of {p} said the power cuts had lasted for {n} hours.",
]


# Records with no conflict vocabulary, which the relevance prefilter drops before the parse.
CALM = [
    "The city council approved the budget for new parks and libraries on Monday.",
    "Farmers said the rains came early this year and the harvest looks good.",
    "The central bank kept its rates unchanged, citing steady prices.",
    "A new bridge over the river will open to traffic next spring, engineers said.",
    "The school board hired forty teachers for the coming year.",
]


def paragraph(rng: random.Random, sentences: int = 4) -> str:
    out = []
    for _ in range(sentences):
        t = rng.choice(TEMPLATES)
        out.append(t.format(g=rng.choice(GROUPS).capitalize() if t.startswith("{g}") else rng.choice(GROUPS),
                            p=rng.choice(PLACES), d=rng.choice(DAYS), n=rng.randint(2, 40)))
    return " ".join(out)


def article(size: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    parts, total = [], 0
    while total < size:
        p = paragraph(rng)
        parts.append(p)
        total += len(p) + 2
    return "\n\n".join(parts)[:size]


def _parts_done(out: Path) -> int:
    """How many parts of a split article have events written (the highest ``#part-N`` seen)."""
    import re

    last = 0  # parts count from 1
    if out.exists():
        with out.open(errors="replace") as fh:
            for line in fh:
                for n in re.findall(r"#part-(\d+)", line):
                    last = max(last, int(n))
    return last


def run(args: list[str], out: Path, max_s: float | None = None, parts: int | None = None) -> dict:
    """Run the CLI in a child process; its peak RSS from rusage, first-output time from polling.
    Past ``max_s`` seconds the child is stopped and the result says how far it got."""
    start = time.monotonic()
    stopped = False
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    child = subprocess.Popen([sys.executable, "-m", "eventwire.cli.main", *args, "-o", str(out)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    first = None
    err_lines = []
    import threading

    reader = threading.Thread(target=lambda: err_lines.extend(child.stderr), daemon=True)
    reader.start()
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)  # this child's own rusage
        if pid:
            break
        if first is None and out.exists() and out.stat().st_size > 0:
            first = time.monotonic() - start
        if max_s is not None and not stopped and time.monotonic() - start > max_s:
            child.terminate()
            stopped = True
        time.sleep(0.2)
    wall = time.monotonic() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    peak_kb = usage.ru_maxrss  # the largest of the process and its waited-for children
    reader.join(5)
    err = "".join(err_lines)
    if child.returncode and not stopped:
        print(err[-2000:], file=sys.stderr)
    events = sum(1 for _ in out.open()) if out.exists() else 0
    cpu = usage.ru_utime + usage.ru_stime
    result = {"rc": child.returncode, "wall_s": round(wall, 1),
              "cpu_s": round(cpu, 1),  # unlike wall time, not inflated by other load
              "first_output_s": first and round(first, 1),
              "peak_rss_mb": round(peak_kb / 1024), "events": events}
    if stopped:
        done = _parts_done(out)
        result.update(stopped_after_s=round(max_s), parts_done=done, parts=parts)
        if done and parts:
            result["projected_cpu_s"] = round(cpu / done * parts)
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("case", choices=["text", "jsonl", "paragraphs"])
    ap.add_argument("--mb", type=float, default=20)
    ap.add_argument("--kb", type=float, default=600)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--max-minutes", type=float, help="stop a run after this long and report how far it got")
    ap.add_argument("--relevant", type=float, default=1.0,
                    help="jsonl: share of records about conflict (the rest are dropped by the prefilter)")
    ns = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="eventwire-bench-"))
    common = ["extract", "--published", "2025-03-11", "--workers", str(ns.workers)]
    max_s = ns.max_minutes * 60 if ns.max_minutes else None
    try:
        if ns.case == "text":
            src = tmp / "big.txt"
            src.write_text(article(int(ns.mb * 1e6)))
            parts = -(-int(ns.mb * 1e6) // 100_000)  # ingest's part size (EVENTWIRE_MAX_DOC_CHARS), about
            print("text", ns.mb, "MB:", run([*common[:1], str(src), *common[1:]], tmp / "out.jsonl",
                                            max_s, parts))
        elif ns.case == "jsonl":
            src = tmp / "big.jsonl"
            rng = random.Random(7)
            target = int(ns.mb * 1e6)
            with src.open("w") as fh:
                n = 0
                while fh.tell() < target:
                    n += 1
                    body = ("\n\n".join(paragraph(rng) for _ in range(5)) if rng.random() < ns.relevant
                            else "\n\n".join(CALM[(n + i) % len(CALM)] for i in range(12)))
                    fh.write(json.dumps({"id": f"r{n}", "text": body}) + "\n")
            print("jsonl", ns.mb, "MB,", n, "records:", run([*common[:1], str(src), *common[1:]], tmp / "out.jsonl",
                                                            max_s))
        else:
            text = article(int(ns.kb * 1000), seed=3)
            whole = tmp / "whole.txt"
            whole.write_text(text)
            folder = tmp / "paragraphs"
            folder.mkdir()
            with (folder / "p.jsonl").open("w") as fh:
                for i, para in enumerate(text.split("\n\n")):
                    fh.write(json.dumps({"id": f"p{i}", "text": para}) + "\n")
            a = run([*common[:1], str(whole), *common[1:]], tmp / "a.jsonl")
            b = run([*common[:1], str(folder / "p.jsonl"), *common[1:]], tmp / "b.jsonl")
            print("whole article:", a)
            print("as paragraphs:", b)
            print("ratio of times:", round(a["wall_s"] / max(b["wall_s"], 0.1), 2),
                  "of CPU times:", round(a["cpu_s"] / max(b["cpu_s"], 0.1), 2))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
