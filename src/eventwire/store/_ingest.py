"""``ingest``: documents → pipeline → store, one transaction per document.

Documents already stored are skipped before the (costly) pipeline sees them,
so a re-run after a crash resumes where it stopped. A document that cannot be
stored is logged and skipped; the batch goes on.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..errors import EventwireError, StoreError
from ..records import Document
from ._db import is_persistent
from ._store import Store, content_hash, distinct_id, source_key

log = logging.getLogger("eventwire")


@dataclass(slots=True)
class IngestReport:
    run_id: int | None = None
    stored: int = 0
    events: int = 0
    unchanged: int = 0  # already in the database
    versions: int = 0  # stored as a new version of a known source and id
    skipped: list = field(default_factory=list)  # (source, reason): inputs that hold no readable document
    failed: list = field(default_factory=list)  # (document, reason): read but not stored
    filtered: int = 0  # dropped by the relevance prefilter (not stored: a later run parses them again)

    def summary(self) -> str:
        text = (f"{self.stored} documents stored ({self.events} events), {self.unchanged} already stored, "
                f"{self.filtered} filtered, {len(self.skipped)} skipped")
        if self.versions:
            text += f", {self.versions} stored as new versions of known documents"
        if self.failed:
            text += f"; {len(self.failed)} NOT STORED: " + "; ".join(
                f"{doc} ({reason})" for doc, reason in self.failed[:10])
            if len(self.failed) > 10:
                text += f"; ... and {len(self.failed) - 10} more"
        return text


def _key(document: Document) -> tuple:
    return document.id, document.source, len(document.text)


class _InFlight:
    """Documents handed to the pipeline and not yet back: what is left at the
    end failed in extraction (the pipeline logs and drops such a document)."""

    def __init__(self) -> None:
        self.pending: dict[tuple, int] = {}

    def send(self, document: Document) -> Document:
        key = _key(document)
        self.pending[key] = self.pending.get(key, 0) + 1
        return document

    def back(self, document: Document) -> None:
        key = _key(document)
        if self.pending.get(key, 0) <= 1:
            self.pending.pop(key, None)
        else:
            self.pending[key] -= 1

    def lost(self) -> list[tuple[str, str]]:
        return [(doc_id, "extraction failed (see the log)") for (doc_id, _, _), n in self.pending.items()
                for _ in range(n)]


def _own_id(document: Document, store: Store, claimed: dict[str, str]) -> Document:
    """``document``, renamed when its id belongs to another source (earlier or in this batch).

    Two files named ``report.txt`` in two folders both read as id ``report``;
    the second is stored as ``report@<hash of its source>`` and a warning
    says so, instead of replacing or dropping the first.
    """
    key = source_key(document.source)
    owner = claimed.get(document.id)
    if owner is None:
        owner = store.id_owner(document.id)
    if owner is None or owner == key:
        claimed[document.id] = key
        return document
    renamed = distinct_id(document)
    log.warning("%s: id %r already names a document from %s; stored as %r", document.source or document.id,
                document.id, owner or "another source", renamed.id)
    claimed[renamed.id] = key
    return renamed


def _fresh(items: Iterable, store: Store, report: IngestReport, flight: _InFlight) -> Iterable[Document]:
    seen: set[str] = set()
    claimed: dict[str, str] = {}
    for item in items:
        if not isinstance(item, Document):  # an ingest Skip
            report.skipped.append((getattr(item, "source", "?"), getattr(item, "reason", "unreadable")))
            log.warning("skipped %s: %s", *report.skipped[-1])
            continue
        digest = content_hash(item.text)
        if digest in seen or store.status(item) == "stored":
            report.unchanged += 1
            continue
        item = _own_id(item, store, claimed)
        if store.status(item) == "changed":
            report.versions += 1
        seen.add(digest)
        yield flight.send(item)


def ingest(items: Iterable, store: Store, pipeline=None, *, command: str | None = None,
           on_document: Callable[[Document, int], None] | None = None, n_process: int = 1,
           workers: int | None = None, prefilter=None, stats=None) -> IngestReport:
    """Run ``pipeline`` over new documents in ``items`` and store each with its events.

    ``workers`` > 1 codes in that many processes; this process alone writes, in
    input order, so several workers never store a document twice or lose one.
    Every document read is stored, already stored, filtered out, or listed in
    ``failed`` (and the CLI then exits non-zero).
    """
    if not is_persistent(store.engine.url.render_as_string(hide_password=False)):
        raise StoreError(f"{store.url} keeps nothing after this process ends: ingest into a file "
                         "(--db eventwire.db) or a server database")
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline.default()
    report = IngestReport(run_id=store.start_run(command))
    flight = _InFlight()
    fresh = _fresh(items, store, report, flight)
    if stats is None:
        from ..pipeline import RunStats

        stats = RunStats()
    options = {"findings": False, "stats": stats}
    if (workers or n_process) > 1:
        options["workers"] = workers or n_process
    if prefilter is not None:
        options["prefilter"] = prefilter
    try:
        for result in pipeline.pipe(fresh, **options):
            flight.back(result.document)
            _store_one(store, result.document, result.events, report, on_document, result.follow_ups)
    finally:
        report.filtered = stats.filtered
        report.failed.extend(stats.failed)
        if not stats.settled:  # a pipeline that does not report: what did not come back failed
            report.failed.extend(flight.lost())
        store.finish_run(report.run_id, report.stored, report.events)
    return report


def _store_one(store: Store, document: Document, events, report: IngestReport, on_document,
               follow_ups=()) -> None:
    try:
        ids = store.add(document, list(events), report.run_id, list(follow_ups))
    except EventwireError as exc:  # this document is rolled back; the batch goes on
        log.error("%s", exc)
        report.failed.append((document.id, str(exc)))
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
                report.events += len(store.recode(result.document, list(result.events), report.run_id,
                                                  list(result.follow_ups)))
                report.stored += 1
            except EventwireError as exc:
                log.error("%s", exc)
                report.failed.append((result.document.id, str(exc)))
    finally:
        store.finish_run(report.run_id, report.stored, report.events)
    return report
