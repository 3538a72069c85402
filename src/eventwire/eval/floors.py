"""Accuracy floors: the scores CI must not fall below, and how to measure them.

The floors live in a JSON data file (the repository keeps
``tests/accuracy_floors.json``)::

    {"_provenance": "...", "half": "check", "limit": 600, "limits": {"geo/gwn_dev.jsonl": 50},
     "files": {"gtd2021q1_dev.jsonl": {"attack_type": 0.0, ...}, "news/gvc_dev.jsonl": {...}, ...}}

File names are relative to the gold folder. ``half`` is the half of every
file that is scored (``"check"``: floors are pinned on rows no rule was tuned
on; null scores whole files). ``limit`` is the number of rows of that half
scored per file (``limits`` overrides it for one file): the gold files are
ordered by a hash of the row id, so their first rows are a fixed, unbiased
sample.

Print the current scores as a floors file (to pin them, review and commit)::

    python -m eventwire.eval.floors --gold-dir ../shared/gold --floors tests/accuracy_floors.json

``--every-file`` also measures each gold file in the gold folder and its
``news/`` and ``geo/`` folders that the floors file does not name yet.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError
from ._report import FileReport
from ._split import HALVES

__all__ = ["Floors", "load_floors", "check_floors", "floors_from_reports", "gold_files", "main"]

# Rates where lower is better, and means that are not rates, have no floor.
NOT_FLOORED = frozenset({"no_event", "old_event", "events_per_relevant_doc"})


# Where gold files lie under the gold folder (geoparsing and news sets in their own folders).
GOLD_FOLDERS = ("", "news", "geo")


@dataclass(frozen=True, slots=True)
class Floors:
    limit: int | None
    files: dict[str, dict[str, float]]
    provenance: str = ""
    note: str = ""
    limits: dict[str, int] = field(default_factory=dict)
    half: str | None = None

    def limit_for(self, name: str) -> int | None:
        return self.limits.get(name, self.limit)


def load_floors(path: str | Path) -> Floors:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = {name: {k: float(v) for k, v in metrics.items()} for name, metrics in data["files"].items()}
        limits = {name: int(n) for name, n in data.get("limits", {}).items()}
    except (OSError, ValueError, KeyError, AttributeError, TypeError) as exc:
        raise ConfigError(f"{path}: not a floors file ({exc}); see eventwire.eval.floors") from exc
    half = data.get("half")
    if half is not None and half not in HALVES:
        raise ConfigError(f"{path}: unknown half {half!r}: expected one of {', '.join(HALVES)} or null")
    return Floors(data.get("limit"), files, data.get("_provenance", ""), data.get("_note", ""), limits, half)


def gold_files(gold_dir: str | Path) -> list[str]:
    """Every gold file under ``gold_dir`` and its news and geo folders, as floors-file names."""
    gold_dir = Path(gold_dir)
    return [str(p.relative_to(gold_dir)) for folder in GOLD_FOLDERS
            for p in sorted((gold_dir / folder).glob("*.jsonl"))]


def check_floors(report: FileReport, floors: dict[str, float]) -> list[str]:
    """One message per metric below its floor (a metric not scored fails a floor above 0)."""
    failures = []
    for name, floor in floors.items():
        metric = report.metrics.get(name)
        value = metric.value if metric is not None else None
        if (value is None and floor > 0) or (value is not None and value < floor):
            shown = "not scored" if value is None else f"{value:.4f}"
            failures.append(f"{Path(report.path).name}: {name} = {shown} < floor {floor}")
    return failures


def floors_from_reports(reports: dict[str, FileReport], margin: float) -> dict[str, dict[str, float]]:
    """Measured scores (per floors-file name) less ``margin``, rounded down to two decimals."""
    return {
        name: {metric: max(0.0, math.floor((m.value - margin) * 100) / 100)
               for metric, m in report.metrics.items()
               if m.value is not None and metric not in NOT_FLOORED}
        for name, report in reports.items()
    }


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m eventwire.eval.floors",
                                     description="Print the current eval scores as accuracy floors.")
    parser.add_argument("--gold-dir", type=Path, default=Path("../shared/gold"))
    parser.add_argument("--floors", type=Path, default=Path("tests/accuracy_floors.json"),
                        help="existing floors file: its files and limit are measured")
    parser.add_argument("--limit", type=int, default=None, help="rows per file (default: the file's)")
    parser.add_argument("--half", choices=HALVES, default=None,
                        help="half of each file to score (default: the floors file's)")
    parser.add_argument("--every-file", action="store_true",
                        help="also measure the gold files (top, news/, geo/) the floors file does not name")
    parser.add_argument("--margin", type=float, default=0.02, help="slack below the measured value")
    parser.add_argument("--write", action="store_true", help="rewrite the floors file in place")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    from ._run import evaluate_file

    args = _arguments(argv)
    current = load_floors(args.floors)
    half = args.half or current.half
    names = list(current.files)
    if args.every_file:
        names += [name for name in gold_files(args.gold_dir) if name not in current.files]
    reports = {name: evaluate_file(args.gold_dir / name, limit=args.limit or current.limit_for(name), half=half)
               for name in names}
    payload = {"_provenance": current.provenance, "_note": current.note, "half": half,
               "limit": args.limit or current.limit, "limits": {} if args.limit else current.limits,
               "files": floors_from_reports(reports, args.margin)}
    text = json.dumps(payload, indent=2) + "\n"
    if args.write:
        args.floors.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
