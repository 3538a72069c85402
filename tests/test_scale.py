"""The stages as spaCy components, worker processes, and a worker killed mid-run.

Texts: the worked example and a few news reports of the dev gold (read at run
time; the gold-dependent cases skip without it) plus short hand-written ones.
"""
from __future__ import annotations

import json
import os
import signal

import pytest

from eventwire.engine import batches, run_local
from eventwire.nlp._pipeline import STAGES
from eventwire.pipeline import DocResult, Pipeline, RunStats
from eventwire.records import Document, to_dict

OWN = (
    "Gunmen attacked a police checkpoint near Kandahar on Tuesday, killing three officers, officials said.",
    "Hundreds of teachers protested outside parliament in Nairobi on Monday, demanding unpaid salaries.",
    "The central bank kept interest rates unchanged on Thursday, citing slowing inflation.",
    "A roadside bomb exploded in Maiduguri on Sunday. Two soldiers were wounded, the army said.",
)


def _own_documents() -> list[Document]:
    import datetime as dt

    return [Document(id=f"own-{i}", text=t, published=dt.date(2024, 6, 12)) for i, t in enumerate(OWN)]


def _gold_documents(gold_dir, n: int = 6) -> list[Document]:
    import datetime as dt

    out = []
    for name in ("gvc_dev.jsonl", "muc4_dev.jsonl"):
        with (gold_dir / "news" / name).open(encoding="utf-8") as fh:
            for line, _ in zip(fh, range(n)):
                row = json.loads(line)
                published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
                out.append(Document(id=row["id"], text=row["text"], published=published, title=row.get("title")))
    return out


@pytest.fixture(scope="module")
def documents(examples_dir) -> list[Document]:
    import datetime as dt

    text = (examples_dir / "jaffar_express.txt").read_text(encoding="utf-8")
    return [Document(id="jaffar", text=text, published=dt.date(2025, 3, 11)), *_own_documents()]


def _records(results) -> list[str]:
    return [json.dumps([to_dict(e) for e in r.events], sort_keys=True, default=str) for r in results]


def _old_path(pipeline: Pipeline, documents: list[Document]) -> list[DocResult]:
    """The pipeline as it was: nlp.pipe, then the stage functions in this process."""
    from eventwire.assemble import assemble
    from eventwire.extract import extract_document
    from eventwire.geo import locate

    out = []
    with pipeline.nlp.select_pipes(disable=[name for name, _, _ in STAGES]):
        for doc, document in zip(pipeline.nlp.pipe(d.text for d in documents), documents):
            findings = locate(doc, extract_document(doc, document), pipeline.gazetteer)
            out.append(DocResult(document, assemble(findings), findings))
    return out


def test_components_give_the_records_of_the_old_path(pipeline, documents):
    new = list(pipeline.pipe(documents))
    assert [r.document.id for r in new] == [d.id for d in documents]
    assert _records(new) == _records(_old_path(pipeline, documents))
    assert any(r.events for r in new)


def test_components_declare_what_they_assign(pipeline):
    analysis = pipeline.nlp.analyze_pipes()
    assigns = analysis["summary"]["eventwire_assemble"]["assigns"]
    assert "doc._.eventwire_events" in assigns
    assert pipeline.nlp.pipe_names[-3:] == [name for name, _, _ in STAGES]


def test_a_doc_without_a_document_is_a_plain_parse(pipeline):
    doc = pipeline.nlp("Gunmen killed three people in Kabul.")
    assert doc._.eventwire_events is None and doc.ents


def test_nlp_pipe_with_two_processes_runs_the_stages_in_the_workers(pipeline, documents):
    from eventwire.nlp import attach

    docs = [attach(pipeline.nlp.make_doc(d.text), d) for d in documents]
    out = list(pipeline.nlp.pipe(docs, n_process=2, batch_size=2))
    records = [json.dumps([to_dict(e) for e in doc._.eventwire_events], sort_keys=True, default=str) for doc in out]
    assert records == _records(pipeline.pipe(documents))


def test_a_doc_coded_in_this_process_holds_its_results_unpickled(pipeline, documents):
    """Docs that may travel (attach's default) hold pickled bytes, which Doc.to_bytes can
    write; Pipeline.code's own Docs never leave the process and skip the pickling."""
    from eventwire.nlp import attach

    travelling = attach(pipeline.nlp.make_doc(documents[0].text), documents[0])
    local = attach(pipeline.nlp.make_doc(documents[0].text), documents[0], in_process=True)
    assert isinstance(travelling.user_data["eventwire.document"], bytes)
    assert local.user_data["eventwire.document"] is documents[0]
    travelling.to_bytes()  # msgpack writes it
    a, b = pipeline.nlp(travelling), pipeline.nlp(local)
    assert isinstance(a.user_data["eventwire.events"], bytes) and isinstance(b.user_data["eventwire.events"], list)
    assert _records([DocResult(documents[0], a._.eventwire_events, None)]) == \
        _records([DocResult(documents[0], b._.eventwire_events, None)])


def test_two_workers_give_the_output_of_one(pipeline, documents, gold_dir):
    batch = documents + _gold_documents(gold_dir)
    one = list(pipeline.pipe(batch, batch_size=3))
    stats = RunStats()
    two = list(pipeline.pipe(batch, batch_size=3, workers=2, stats=stats))
    assert [r.document.id for r in two] == [d.id for d in batch]
    assert _records(two) == _records(one)
    assert stats.read == stats.coded == len(batch) and not stats.failed


class _Dies:
    """A pipeline whose worker dies (SIGKILL) the first time it sees one document."""

    def __init__(self, inner: Pipeline, victim: str, marker) -> None:
        self.inner, self.victim, self.marker = inner, victim, marker

    def code(self, documents, *, findings=True):
        if any(d.id == self.victim for d in documents) and not self.marker.exists():
            self.marker.write_text("died once")
            os.kill(os.getpid(), signal.SIGKILL)
        return self.inner.code(documents, findings=findings)


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(pipeline, tmp_path):
    import datetime as dt

    docs = [Document(id=f"k{i}", text=OWN[i % len(OWN)] + f" Report {i}.", published=dt.date(2024, 6, 12))
            for i in range(16)]
    dying = _Dies(pipeline, "k9", tmp_path / "marker")
    stats = RunStats()
    out = list(run_local(dying, docs, workers=2, batch_size=2, stats=stats))
    assert (tmp_path / "marker").exists(), "the worker was never killed"
    assert [r.document.id for r in out] == [d.id for d in docs]
    assert _records(out) == _records(pipeline.pipe(docs, batch_size=2))


def test_a_document_that_always_kills_its_worker_is_reported_not_fatal(pipeline, tmp_path):
    import datetime as dt

    class AlwaysDies(_Dies):
        def code(self, documents, *, findings=True):
            if any(d.id == self.victim for d in documents):
                os.kill(os.getpid(), signal.SIGKILL)
            return self.inner.code(documents, findings=findings)

    docs = [Document(id=f"a{i}", text=OWN[i % len(OWN)], published=dt.date(2024, 6, 12)) for i in range(6)]
    stats = RunStats()
    out = list(run_local(AlwaysDies(pipeline, "a3", None), docs, workers=2, batch_size=2, stats=stats))
    assert [r.document.id for r in out] == ["a0", "a1", "a2", "a4", "a5"]
    assert [doc_id for doc_id, _ in stats.failed] == ["a3"]


def test_batches_are_bounded_by_count_and_characters():
    docs = [Document(id=str(i), text="x" * n) for i, n in enumerate([50, 50, 50, 200, 10, 10])]
    assert [[d.id for d in b] for b in batches(docs, size=2, chars=120)] == [["0", "1"], ["2"], ["3"], ["4", "5"]]


def test_a_stage_failure_skips_that_document_only(pipeline, monkeypatch):
    import eventwire.assemble as assemble_module

    real = assemble_module.assemble

    def flaky(findings):
        if findings.document.id == "own-1":
            raise ValueError("broken on purpose")
        return real(findings)

    monkeypatch.setattr(assemble_module, "assemble", flaky)
    stats = RunStats()
    out = list(pipeline.pipe(_own_documents(), stats=stats))
    assert [r.document.id for r in out] == ["own-0", "own-2", "own-3"]
    assert stats.failed and stats.failed[0][0] == "own-1" and "broken on purpose" in stats.failed[0][1]


def test_ingest_from_two_workers_with_one_killed_stores_each_document_once(pipeline, tmp_path):
    import datetime as dt

    from eventwire.store import Store, ingest

    class DiesInIngest(_Dies):
        def pipe(self, documents, **options):
            return run_local(self, documents, batch_size=2, **options)

    docs = [Document(id=f"s{i}", text=OWN[i % len(OWN)] + f" Report {i}.", published=dt.date(2024, 6, 12),
                     source=f"feed-{i}") for i in range(12)]
    with Store(f"sqlite:///{tmp_path / 'two.db'}") as store:
        report = ingest(docs, store, DiesInIngest(pipeline, "s7", tmp_path / "marker"), workers=2)
        stored = sorted(d.id for d in store.documents())
        events = sorted(e.event_id for e in store.events())
    with Store(f"sqlite:///{tmp_path / 'one.db'}") as store:
        ingest(docs, store, pipeline)
        assert sorted(e.event_id for e in store.events()) == events
    assert (tmp_path / "marker").exists(), "the worker was never killed"
    assert stored == sorted(d.id for d in docs) and not report.failed


def test_a_run_freezes_the_loaded_heap_only_while_it_runs(pipeline):
    import gc

    before = gc.get_freeze_count()
    seen = []
    for result in run_local(pipeline, _own_documents() * 20, batch_size=8, findings=False):
        seen.append(gc.get_freeze_count())
    assert len(seen) == 80 and seen[-1] > before  # the model and tables are out of the collector's walk
    assert gc.get_freeze_count() == before  # and back where they were once the run is over


class _FreezeProbe:
    """A pipeline that notes, in each worker, how many objects were out of the collector's
    walk when the worker first coded a batch."""

    def __init__(self, inner: Pipeline, folder) -> None:
        self.inner, self.folder = inner, folder

    def code(self, documents, *, findings=True):
        import gc

        note = self.folder / f"worker-{os.getpid()}"
        if not note.exists():
            note.write_text(str(gc.get_freeze_count()))
        return self.inner.code(documents, findings=findings)


def test_workers_fork_with_the_loaded_heap_out_of_the_collectors_walk(pipeline, tmp_path):
    import gc

    before = gc.get_freeze_count()
    out = list(run_local(_FreezeProbe(pipeline, tmp_path), _own_documents() * 4, workers=2, batch_size=2,
                         findings=False))
    assert len(out) == 4 * len(_own_documents())
    counts = [int(p.read_text()) for p in tmp_path.glob("worker-*")]
    assert counts and all(c > before for c in counts)  # frozen before the fork, inherited by each worker
    assert gc.get_freeze_count() == before  # and the parent's heap is back once the pool is gone
