"""The batch pipeline: ingest'd documents → nlp → extract → geo → assemble.

Library users and the CLI call the same :class:`Pipeline`. The spaCy pipeline
and the gazetteer are built once and can be passed in (tests pass small ones).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Iterable, Iterator

from .assemble import assemble
from .extract import DocFindings, extract_document
from .geo import locate
from .records import Document, Event

log = logging.getLogger("eventwire")

__all__ = ["Pipeline", "DocResult"]


@dataclass(slots=True)
class DocResult:
    """One document's events, with everything extract saw (for explain/debug)."""

    document: Document
    events: list[Event]
    findings: DocFindings


class Pipeline:
    """Turns documents into events. Build once, call many times."""

    _default: "Pipeline | None" = None

    def __init__(self, nlp=None, gazetteer=None) -> None:
        if nlp is None:
            from .nlp import get_nlp

            nlp = get_nlp()
        self.nlp = nlp
        self._gazetteer = gazetteer

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

    def _finish(self, doc, document: Document) -> DocResult:
        findings = extract_document(doc, document)
        findings = locate(doc, findings, self.gazetteer)
        return DocResult(document, assemble(findings), findings)

    def process(self, document: Document) -> DocResult:
        return self._finish(self.nlp(document.text), document)

    def pipe(self, documents: Iterable[Document], *, batch_size: int = 64,
             n_process: int = 1) -> Iterator[DocResult]:
        """Results in input order. A document that fails is logged and skipped."""
        pairs = ((d.text, d) for d in documents)
        for doc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size,
                                           n_process=n_process):
            try:
                yield self._finish(doc, document)
            except Exception:  # one bad document never stops the batch
                log.exception("document %s: extraction failed; skipped", document.id)
