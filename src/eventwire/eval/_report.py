"""Adding row scores up into metrics: accuracy per check, macro-F1 per label."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from ._score import RowScore

__all__ = ["Metric", "FileReport", "aggregate", "macro_f1", "per_label", "label_report"]


@dataclass(frozen=True, slots=True)
class Metric:
    n: int  # rows scored
    value: float | None  # None when nothing was scored

    def to_dict(self) -> dict[str, Any]:
        return {"n": self.n, "value": None if self.value is None else round(self.value, 4)}


@dataclass(slots=True)
class FileReport:
    """One gold file's scores, and the rows a developer should look at."""

    path: str
    format: str
    rows: int = 0
    no_event: int = 0  # rows for which the system found no event (each scored wrong)
    failed: int = 0  # rows the pipeline skipped with an error (counted as no event)
    skipped: int = 0  # malformed gold lines
    seconds: float = 0.0  # pipeline and scoring time
    metrics: dict[str, Metric] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    labels: dict[str, Any] = field(default_factory=dict)  # per-label scores, see label_report
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. a geoparsing result

    def to_dict(self) -> dict[str, Any]:
        out = {"file": self.path, "format": self.format, "rows": self.rows, "no_event": self.no_event,
               "failed": self.failed, "skipped": self.skipped, "seconds": self.seconds,
               "metrics": {k: m.to_dict() for k, m in self.metrics.items()}, "labels": self.labels,
               "errors": self.errors}
        out.update(self.extra)
        return out


def per_label(pairs: Iterable[tuple[str, str | None]]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and gold support of every label seen in gold or predicted.

    ``None`` as the system label (no event) is a miss for the gold label and
    no class of its own.
    """
    tp, fp, fn = Counter(), Counter(), Counter()
    for gold, system in pairs:
        if gold == system:
            tp[gold] += 1
            continue
        fn[gold] += 1
        if system is not None:
            fp[system] += 1
    out = {}
    for label in sorted(set(tp) | set(fp) | set(fn)):
        predicted, actual = tp[label] + fp[label], tp[label] + fn[label]
        denominator = predicted + actual
        out[label] = {"precision": round(tp[label] / predicted, 4) if predicted else 0.0,
                      "recall": round(tp[label] / actual, 4) if actual else 0.0,
                      "f1": 2 * tp[label] / denominator if denominator else 0.0,
                      "support": actual}
    return out


def macro_f1(pairs: Iterable[tuple[str, str | None]]) -> float | None:
    """Unweighted mean F1 over every label seen in gold or predicted."""
    labels = per_label(pairs)
    return sum(v["f1"] for v in labels.values()) / len(labels) if labels else None


def aggregate(scores: list[RowScore], no_event: int) -> dict[str, Metric]:
    """Accuracy of every check, rate of every tally, macro-F1 of every label, and the no-event rate."""
    right: Counter = Counter()
    seen: Counter = Counter()
    order: dict[str, None] = {}  # metric names in first-seen order
    pairs: dict[str, list] = {}
    for row in scores:
        for name, ok in row.checks.items():
            order.setdefault(name)
            if ok is not None:
                seen[name] += 1
                right[name] += bool(ok)
        for name, pair in row.labels.items():
            pairs.setdefault(name, []).append(pair)
    hits: Counter = Counter()
    units: Counter = Counter()
    for row in scores:
        for name, (hit, unit) in row.tallies.items():
            order.setdefault(name)
            hits[name] += hit
            units[name] += unit
    seen.update(units)
    right.update(hits)
    metrics: dict[str, Metric] = {}
    for name in order:
        metrics[name] = Metric(seen[name], right[name] / seen[name] if seen[name] else None)
        if name in pairs:
            metrics[f"{name}_macro_f1"] = Metric(len(pairs[name]), macro_f1(pairs[name]))
    if scores:
        metrics["no_event"] = Metric(len(scores), no_event / len(scores))
    return metrics


def label_report(scores: list[RowScore]) -> dict[str, dict[str, dict[str, float]]]:
    """Per-label precision/recall/F1 of each labelled field (for the JSON output)."""
    pairs: dict[str, list] = {}
    for row in scores:
        for name, pair in row.labels.items():
            pairs.setdefault(name, []).append(pair)
    return {name: {label: {k: round(v, 4) for k, v in stats.items()} for label, stats in per_label(p).items()}
            for name, p in pairs.items()}
