"""Running the pipeline over a gold file and scoring every row."""
from __future__ import annotations

import dataclasses
import importlib
import importlib.util
import inspect
import logging
import time
from pathlib import Path
from typing import Any, Callable, Iterable

from ..errors import InputError
from ..records import Event
from ._gold import GoldFile, GoldRow, profile_of, read_gold
from ._news import finish_muc4, score_gvc, score_muc4
from ._report import FileReport, Metric, aggregate, label_report
from ._score import RowScore, score_row

log = logging.getLogger("eventwire")

__all__ = ["evaluate_file", "evaluate", "GEO_UNAVAILABLE", "PRIMARY_LABEL"]

Progress = Callable[[int, int], None]

GEO_UNAVAILABLE = "geo evaluation not available (eventwire.eval.geo is not installed yet)"
# The label (or, for news, the check) whose mistakes ``--errors`` lists, per format.
PRIMARY_LABEL = {"acled": "event_type", "acled-legacy": "event_type", "gtd": "attack_type"}
PRIMARY_CHECK = {"gvc": "killed_exact", "muc4": "relevance_recall"}


def _text(row: GoldRow) -> str:
    """The article as a reader sees it: its headline, then its body (GVC keeps them apart); a
    wire story opens with its dateline, where the gold row keeps it apart from the body (MUC-4:
    "SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) -- ..."), in the body's case."""
    text = row.text
    if row.dateline and not text.lstrip().lower().startswith(row.dateline.strip().lower()):
        dateline = row.dateline.strip()
        text = f"{dateline.lower() if text == text.lower() else dateline} -- {text}"
    if row.title and not text.lstrip().startswith(row.title.strip()):
        return f"{row.title.strip()}\n\n{text}"
    return text


def _documents(rows: Iterable[GoldRow], source: str, profile: str, failed: set[str]):
    from ..ingest import make_document

    for row in rows:
        try:
            document = make_document(_text(row), doc_id=row.id, published=row.published, title=row.title,
                                     url=row.url, source=source)
            yield dataclasses.replace(document, profile=profile)
        except InputError as exc:
            log.warning("%s: gold row %s not run (%s)", source, row.id, exc)
            failed.add(row.id)


def _events(gold: GoldFile, pipeline, batch_size: int, progress: Progress | None,
            failed: set[str]) -> tuple[dict[str, list[Event]], dict[str, list[Event]]]:
    """Each row id → the system's events for its text (most confident first), and each row id →
    the past incident a report with no event of its own follows up (``DocResult.follow_ups``)."""
    found: dict[str, list[Event]] = {}
    followed: dict[str, list[Event]] = {}
    documents = _documents(gold.rows, str(gold.path), profile_of(gold.format), failed)
    for result in pipeline.pipe(documents, batch_size=batch_size):
        found[result.document.id] = list(result.events)
        followed[result.document.id] = list(result.follow_ups)
        if progress is not None:
            progress(len(found), len(gold.rows))
    return found, followed


def _top(events: list[Event]) -> Event | None:
    # Events come most confident first; max keeps the first of equals.
    return max(events, key=lambda e: e.confidence, default=None)


def _score(fmt: str, row: GoldRow, events: list[Event], follow_ups: list[Event] | None = None) -> RowScore:
    if fmt == "gvc":
        return score_gvc(row.gold, events, row.published, follow_ups or ())
    if fmt == "muc4":
        return score_muc4(row.gold, events)
    return score_row(fmt, row.gold, _top(events))


def _check_error(row: GoldRow, name: str, score: RowScore) -> dict | None:
    if score.checks.get(name) is not False:
        return None
    gold, system = score.shown.get(name, ("", None))
    return {"id": row.id, "field": name, "gold": gold, "system": system or "no event", "text": row.text[:240]}


def _error_entry(row: GoldRow, label: str, pair: tuple[str, str | None], event: Event | None) -> dict:
    entry = {"id": row.id, "field": label, "gold": pair[0], "system": pair[1] or "no event",
             "text": row.text[:240]}
    if event is not None and label == "event_type":
        entry["system_sub_event_type"] = event.sub_event_type
    return entry


def _row_error(fmt: str, row: GoldRow, score: RowScore, events: list[Event]) -> dict | None:
    if fmt in PRIMARY_CHECK:
        return _check_error(row, PRIMARY_CHECK[fmt], score)
    label = PRIMARY_LABEL[fmt]
    pair = score.labels.get(label)
    return _error_entry(row, label, pair, _top(events)) if pair and pair[0] != pair[1] else None


def _score_file(gold: GoldFile, found: dict[str, list[Event]], failed: set[str],
                errors: int, followed: dict[str, list[Event]] | None = None) -> FileReport:
    report = FileReport(str(gold.path), gold.format, rows=len(gold.rows), skipped=gold.skipped)
    scores = []
    for row in gold.rows:
        if row.id not in found:
            failed.add(row.id)
        events = found.get(row.id, [])
        report.no_event += not events
        score = _score(gold.format, row, events, (followed or {}).get(row.id))
        scores.append(score)
        if len(report.errors) < errors:
            entry = _row_error(gold.format, row, score, events)
            if entry is not None:
                report.errors.append(entry)
    report.failed = len(failed)
    report.metrics = aggregate(scores, report.no_event)
    if gold.format == "muc4":
        report.metrics = finish_muc4(report.metrics)
    report.labels = label_report(scores)
    return report


def _geo_metrics(result: dict[str, Any]) -> dict[str, Metric]:
    """The rates a geo result reports as ``{"value", "n"}``, as metrics (so floors can pin them)."""
    return {key: Metric(int(value.get("n") or 0), float(value["value"]))
            for key, value in result.items()
            if isinstance(value, dict) and isinstance(value.get("value"), (int, float))}


def _evaluate_geo(path: Path, pipeline, limit: int | None, half: str | None = None) -> FileReport:
    report = FileReport(str(path), "geo")
    if importlib.util.find_spec(f"{__package__}.geo") is None:
        report.extra["geo"] = {"available": False, "message": GEO_UNAVAILABLE}
        return report
    geo = importlib.import_module(f"{__package__}.geo")
    kwargs: dict[str, Any] = {"pipeline": pipeline}
    if limit is not None and "limit" in inspect.signature(geo.evaluate_geo).parameters:
        kwargs["limit"] = limit
    if half is not None:
        kwargs["half"] = half
    result = geo.evaluate_geo(path, **kwargs)
    report.extra["geo"] = result
    report.metrics = _geo_metrics(result)
    report.rows = int(result.get("documents") or result.get("n") or 0)
    return report


def evaluate_file(path: str | Path, *, pipeline=None, limit: int | None = None, batch_size: int = 64,
                  errors: int = 0, progress: Progress | None = None,
                  half: str | None = None) -> FileReport:
    """Score the pipeline on one gold file (its first ``limit`` rows; of one half, if given).

    ``progress(done, total)`` is called after each document (for a progress
    bar); ``errors`` is how many misclassified rows to keep for display.
    """
    gold = read_gold(path, limit, half)
    if gold.format == "geo":
        return _evaluate_geo(Path(path), pipeline, limit, half)
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline.default()
    failed: set[str] = set()
    start = time.perf_counter()
    found, followed = _events(gold, pipeline, batch_size, progress, failed)
    report = _score_file(gold, found, failed, errors, followed)
    report.seconds = round(time.perf_counter() - start, 2)
    return report


def evaluate(paths: Iterable[str | Path], **kwargs) -> list[FileReport]:
    """:func:`evaluate_file` on each path, in order."""
    return [evaluate_file(p, **kwargs) for p in paths]
