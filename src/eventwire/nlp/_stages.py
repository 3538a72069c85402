"""The per-document stages as spaCy components: extract → locate → assemble.

Each factory wraps the stage function as it is (``extract.extract_document``,
``geo.locate``, ``assemble.assemble``), so ``nlp.pipe(n_process=N)`` runs the
whole per-document pipeline in the worker processes.

The document's metadata (id, published, title, profile…) rides on the Doc as
``doc._.eventwire_document``, set before the pipe; results come back on
``doc._.eventwire_findings`` and ``doc._.eventwire_events`` (and
``doc._.eventwire_error`` when a stage failed on this document: one bad
document never stops the batch). A Doc without a document attached passes
through untouched, so ``nlp(text)`` still gives a plain parse.

spaCy ships a Doc between processes with ``Doc.to_bytes``, which keeps
extension values only when msgpack can write them; the values are therefore
held as pickled bytes (frozen records pickle exactly, so results are the
same in any process). A Doc attached with ``in_process=True`` is parsed,
coded and read in one process (``Pipeline.code``): it holds the values as
they are, since pickling the findings after each stage and reading them back
in the next cost as much as some stages.
"""
from __future__ import annotations

import logging
import pickle

from spacy.language import Language
from spacy.tokens import Doc

log = logging.getLogger("eventwire")

STAGES = ("eventwire_extract", "eventwire_locate", "eventwire_assemble")
_FIELDS = ("document", "findings", "events", "error")
_IN_PROCESS = "eventwire.in_process"  # the Doc never leaves this process: values held unpickled


def _getter(key: str):
    def get(doc: Doc):
        raw = doc.user_data.get(key)
        return pickle.loads(raw) if isinstance(raw, bytes) else raw
    return get


def _setter(key: str):
    def set_(doc: Doc, value) -> None:
        if value is None:
            doc.user_data.pop(key, None)
        elif doc.user_data.get(_IN_PROCESS):
            doc.user_data[key] = value
        else:
            doc.user_data[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return set_


def register_extensions() -> None:
    for name in _FIELDS:
        if not Doc.has_extension(f"eventwire_{name}"):
            key = f"eventwire.{name}"
            Doc.set_extension(f"eventwire_{name}", getter=_getter(key), setter=_setter(key))


register_extensions()


def attach(doc: Doc, document, *, in_process: bool = False) -> Doc:
    """Give a (not yet parsed) Doc its document, so the stage components run on it.

    ``in_process=True``: the Doc is piped and read in this process only (it never
    goes through ``Doc.to_bytes``), so the stages pass their results unpickled.
    """
    if in_process:
        doc.user_data[_IN_PROCESS] = True
    doc._.eventwire_document = document
    return doc


class _Stage:
    """Runs one stage on documents that carry a document and have not failed."""

    stage = ""

    def __call__(self, doc: Doc) -> Doc:
        if "eventwire.document" not in doc.user_data or "eventwire.error" in doc.user_data:
            return doc
        try:
            self.run(doc)
        except Exception as exc:  # one bad document never stops the batch
            document = doc._.eventwire_document
            log.exception("document %s: %s failed; skipped", document.id, self.stage)
            doc._.eventwire_error = f"{self.stage} failed: {exc.__class__.__name__}: {exc}"
        return doc

    def run(self, doc: Doc) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class ExtractStage(_Stage):
    stage = "extract"

    def run(self, doc: Doc) -> None:
        from ..extract import extract_document

        doc._.eventwire_findings = extract_document(doc, doc._.eventwire_document)


class LocateStage(_Stage):
    stage = "geo"

    def __init__(self, gazetteer: str) -> None:
        if gazetteer != "default":
            from ..errors import ConfigError

            raise ConfigError(f"eventwire_locate: unknown gazetteer {gazetteer!r} (only 'default'; "
                              "pass a Gazetteer object through Pipeline(gazetteer=...))")
        self.gazetteer = None  # loaded on first use; Pipeline(gazetteer=...) sets its own

    def run(self, doc: Doc) -> None:
        from ..geo import locate

        if self.gazetteer is None:
            from ..gazetteer import default_gazetteer

            self.gazetteer = default_gazetteer()
        doc._.eventwire_findings = locate(doc, doc._.eventwire_findings, self.gazetteer)


class AssembleStage(_Stage):
    stage = "assemble"

    def run(self, doc: Doc) -> None:
        from ..assemble import assemble, follow_ups

        doc._.eventwire_events = assemble(doc._.eventwire_findings)
        # what a report without news of its own follows up (the store links it; no event)
        doc.user_data["eventwire.follow_ups"] = follow_ups(doc._.eventwire_findings, doc._.eventwire_events)
        # the cached text (nlp.doc_text) would travel between processes for nothing
        doc.user_data.pop("eventwire.text", None)


@Language.factory("eventwire_extract", requires=["doc.ents", "doc.sents", "token.dep", "token.pos"],
                  assigns=["doc._.eventwire_findings", "doc._.eventwire_error"])
def make_extract(nlp: Language, name: str):
    return ExtractStage()


@Language.factory("eventwire_locate", requires=["doc._.eventwire_findings", "doc.ents"],
                  assigns=["doc._.eventwire_findings", "doc._.eventwire_error"],
                  default_config={"gazetteer": "default"})
def make_locate(nlp: Language, name: str, gazetteer: str):
    return LocateStage(gazetteer)


@Language.factory("eventwire_assemble", requires=["doc._.eventwire_findings"],
                  assigns=["doc._.eventwire_events", "doc._.eventwire_error"])
def make_assemble(nlp: Language, name: str):
    return AssembleStage()
