"""``ingest``: documents → pipeline → store, one transaction per document.

Documents already stored are skipped before the (costly) pipeline sees them,
so a re-run after a crash resumes where it stopped. A document that cannot be
stored is logged and skipped; the batch goes on.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..errors import EventwireError
from ..records import Document
from ._store import Store

log = logging.getLogger("eventwire")


@dataclass(slots=True)
class IngestReport:
    run_id: int | None = None
    stored: int = 0
    events: int = 0
    unchanged: int = 0  # already in the database
    skipped: list = field(default_factory=list)  # (source, reason)
    filtered: int = 0  # dropped by the relevance prefilter (not stored: a later run parses them again)

    def summary(self) -> str:
        return (f"{self.stored} documents stored ({self.events} events), {self.unchanged} already stored, "
                f"{self.filtered} filtered, {len(self.skipped)} skipped")


def _fresh(items: Iterable, store: Store, report: IngestReport) -> Iterable[Document]:
    seen: set[str] = set()
    for item in items:
        if not isinstance(item, Document):  # an ingest Skip
            report.skipped.append((getattr(item, "source", "?"), getattr(item, "reason", "unreadable")))
            log.warning("skipped %s: %s", *report.skipped[-1])
            continue
        if item.id in seen or store.status(item) == "stored":
            report.unchanged += 1
            continue
        seen.add(item.id)
        yield item


def ingest(items: Iterable, store: Store, pipeline=None, *, command: str | None = None,
           on_document: Callable[[Document, int], None] | None = None, n_process: int = 1,
           workers: int | None = None, prefilter=None, stats=None) -> IngestReport:
    """Run ``pipeline`` over new documents in ``items`` and store each with its events.

    ``workers`` > 1 codes in that many processes; this process alone writes, in
    input order, so several workers never store a document twice or lose one.
    """
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline.default()
    report = IngestReport(run_id=store.start_run(command))
    fresh = _fresh(items, store, report)
    options = {"findings": False}
    if (workers or n_process) > 1:
        options["workers"] = workers or n_process
    if prefilter is not None:
        options["prefilter"] = prefilter
    if stats is not None:
        options["stats"] = stats
    try:
        for result in pipeline.pipe(fresh, **options):
            _store_one(store, result.document, result.events, report, on_document)
    finally:
        report.filtered = stats.filtered if stats is not None else 0
        if stats is not None:
            report.skipped.extend(stats.failed)
        store.finish_run(report.run_id, report.stored, report.events)
    return report


def _store_one(store: Store, document: Document, events, report: IngestReport, on_document) -> None:
    try:
        ids = store.add(document, list(events), report.run_id)
    except EventwireError as exc:  # this document is rolled back; the batch goes on
        log.error("%s", exc)
        report.skipped.append((document.id, str(exc)))
        return
    report.stored += 1
    report.events += len(ids)
    if on_document is not None:
        on_document(document, len(ids))


def recode(store: Store, pipeline=None, *, command: str | None = None) -> IngestReport:
    """Re-code every stored document that an older pipeline version coded."""
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline.default()
    report = IngestReport(run_id=store.start_run(command or "recode"))
    try:
        for result in pipeline.pipe(store.stale_documents()):
            try:
                report.events += len(store.recode(result.document.id, list(result.events), report.run_id))
                report.stored += 1
            except EventwireError as exc:
                log.error("%s", exc)
                report.skipped.append((result.document.id, str(exc)))
    finally:
        store.finish_run(report.run_id, report.stored, report.events)
    return report
