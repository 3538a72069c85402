"""The batch pipeline: ingest'd documents → prefilter → nlp (parse, extract, geo, assemble).

Library users and the CLI call the same :class:`Pipeline`. The spaCy pipeline
and the gazetteer are built once and can be passed in (tests pass small ones).
The per-document stages are spaCy components (``eventwire.nlp._stages``), so
one ``nlp.pipe`` runs all of them, in this process or in ``workers``
processes (``eventwire.engine``).
"""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Iterator

from .errors import EventwireError
from .extract import DocFindings
from .records import Document, Event

log = logging.getLogger("eventwire")

__all__ = ["Pipeline", "DocResult", "RunStats"]


@dataclass(slots=True)
class DocResult:
    """One document's events, with everything extract saw (for explain/debug)."""

    document: Document
    events: list[Event]
    findings: DocFindings | None
    # the past incident a report without an event is about (``assemble.follow_ups``): never an event
    follow_ups: list[Event] = field(default_factory=list)


@dataclass(slots=True)
class RunStats:
    """What happened to each document of a run, for the closing summary.

    ``listener`` (optional) is called with ``"coded"``, ``"filtered"`` or
    ``"failed"`` as each document is settled (progress bars use it).
    """

    read: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, reason): unreadable inputs
    coded: int = 0
    events: int = 0
    filtered: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (document id, reason)
    listener: Callable[[str], None] | None = None

    def settle(self, outcome: str, document: Document | None = None, reason: str = "",
               events: int = 0) -> None:
        if outcome == "coded":
            self.coded += 1
            self.events += events
        elif outcome == "filtered":
            self.filtered += 1
        else:
            self.failed.append((document.id if document else "?", reason))
        if self.listener is not None:
            self.listener(outcome)

    def skip(self, source: str, reason: str) -> None:
        self.skipped.append((source, reason))
        if self.listener is not None:
            self.listener("skipped")

    @property
    def settled(self) -> int:
        return len(self.skipped) + self.filtered + self.coded + len(self.failed)

    def summary(self) -> str:
        text = (f"{self.read} documents read, {len(self.skipped)} skipped, {self.filtered} filtered "
                f"(no conflict vocabulary), {self.coded} coded ({self.events} events), {len(self.failed)} failed")
        reasons = Counter(reason.split(":")[0] for _, reason in self.skipped + self.failed)
        if reasons:
            text += " [" + "; ".join(f"{n} × {why}" for why, n in reasons.most_common(5)) + "]"
        return text


class Pipeline:
    """Turns documents into events. Build once, call many times."""

    _default: "Pipeline | None" = None

    def __init__(self, nlp=None, gazetteer=None) -> None:
        from .nlp import add_components

        if nlp is None:
            from .nlp import get_nlp

            nlp = get_nlp()
        self.nlp = add_components(nlp)
        self._gazetteer = gazetteer
        if gazetteer is not None:
            self.nlp.get_pipe("eventwire_locate").gazetteer = gazetteer

    @classmethod
    def default(cls) -> "Pipeline":
        if cls._default is None:
            cls._default = cls()
        return cls._default

    @property
    def gazetteer(self):
        if self._gazetteer is None:
            from .gazetteer import default_gazetteer

            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def _doc(self, document: Document):
        from .nlp import attach

        return attach(self.nlp.make_doc(document.text), document, in_process=True)

    @staticmethod
    def result(doc, document: Document, *, findings: bool = True) -> tuple[DocResult | None, str | None]:
        """The DocResult read off a processed Doc, or ``(None, reason)`` when a stage failed."""
        error = doc._.eventwire_error
        if error is not None:
            return None, error
        events = doc._.eventwire_events or []
        return DocResult(document, events, doc._.eventwire_findings if findings else None,
                         list(doc.user_data.get("eventwire.follow_ups") or [])), None

    def process(self, document: Document) -> DocResult:
        (result, error), = self.code([document])
        if result is None:
            raise EventwireError(f"document {document.id}: {error}")
        return result

    def code(self, documents: list[Document], *, findings: bool = True) -> list[tuple[DocResult | None, str | None]]:
        """Each document of a batch parsed and coded in this process, in order.

        The parse sees normalised text (``ingest.normalise``); the results carry
        the original document and offsets into its original text.
        """
        from .engine import BATCH_CHARS, batches

        out = []
        # spaCy holds a batch's parses at once: batches of at most BATCH_CHARS characters
        # keep a worker's memory flat however many documents a partition holds
        for chunk in batches(documents, max(1, len(documents)), BATCH_CHARS):
            prepared = [_for_parse(d) for d in chunk]
            docs = self.nlp.pipe((self._doc(p) for p, _ in prepared), batch_size=len(chunk))
            out.extend(_restored(self.result(doc, p, findings=findings), d, p, offsets)
                       for doc, d, (p, offsets) in zip(docs, chunk, prepared))
        return out

    def pipe(self, documents: Iterable[Document], *, batch_size: int = 64, n_process: int = 1,
             workers: int | None = None, prefilter=None, stats: RunStats | None = None,
             findings: bool = True) -> Iterator[DocResult]:
        """Results in input order. A document that fails is logged and skipped.

        ``workers`` (or ``n_process``) > 1 codes batches in that many worker
        processes; the output is the same as with one. ``prefilter`` (a
        :class:`eventwire.prefilter.Prefilter`) drops documents before the parse.
        ``findings=False`` leaves ``DocResult.findings`` empty (less to ship
        between processes).
        """
        from .engine import run_local

        return run_local(self, documents, workers=workers or n_process, batch_size=batch_size,
                         prefilter=prefilter, stats=stats if stats is not None else RunStats(),
                         findings=findings)


def _for_parse(document: Document):
    """The document with normalised text for the parse, and the map back (None if unchanged)."""
    from .ingest import normalise

    text, offsets = normalise(document.text)
    return (document, None) if offsets is None else (replace(document, text=text), offsets)


def _restored(outcome, original: Document, parsed: Document, offsets):
    """A parse's outcome told in the original text: its document and every offset."""
    result, error = outcome
    if result is None or offsets is None:
        return outcome
    from .ingest import restore_offsets

    events = [restore_offsets(ev, offsets, original.text, parsed.text) for ev in result.events]
    follow = [restore_offsets(ev, offsets, original.text, parsed.text) for ev in result.follow_ups]
    return DocResult(original, events, result.findings, follow), error
