"""One machine, all cores: the pipeline in N worker processes, results in input order.

The parent reads the input (a stream), applies the prefilter, cuts batches
(bounded by documents and characters) and keeps at most ``2 × workers``
batches in flight, so memory stays flat whatever the input's size. Each worker
process holds one pipeline (inherited from the parent where processes fork,
built once per worker elsewhere) and returns each document's events.

A worker that dies (killed, out of memory) breaks the process pool: the pool is
rebuilt and every batch without a result is sent again. A batch's results are
yielded once, in order, so nothing is lost or doubled. A batch that has broken
the pool twice is retried one document at a time, and a document that breaks it
twice more is reported as failed rather than stopping the run.
"""
from __future__ import annotations

import contextlib
import gc
import itertools
import logging
import multiprocessing as mp
import signal
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..records import Document
from ._batches import batches

log = logging.getLogger("eventwire")

MAX_ATTEMPTS = 2

_WORKER = None  # this worker process's Pipeline


def _prefiltered(documents: Iterable[Document], prefilter, stats) -> Iterator[Document]:
    for document in documents:
        stats.read += 1
        if prefilter is not None and not prefilter.keep(document):
            stats.settle("filtered", document)
            continue
        yield document


def _settle(chunk: list[Document], outcomes, stats):
    from ..pipeline import DocResult

    for document, (events, findings, error, *follow) in zip(chunk, outcomes):
        if error is not None:
            log.warning("document %s skipped: %s", document.id, error)
            stats.settle("failed", document, error)
            continue
        stats.settle("coded", document, events=len(events))
        yield DocResult(document, events, findings, list(follow[0]) if follow else [])


def _code(pipeline, chunk: list[Document], findings: bool) -> list[tuple]:
    out = []
    for result, error in pipeline.code(chunk, findings=findings):
        if result is None:
            out.append(([], None, error, []))
        else:
            out.append((result.events, result.findings, None, result.follow_ups))
    return out


def run_local(pipeline, documents: Iterable[Document], *, workers: int = 1, batch_size: int = 64,
              prefilter=None, stats=None, findings: bool = True) -> Iterator:
    """DocResults of ``documents`` in input order (see the module's docstring)."""
    if stats is None:
        from ..pipeline import RunStats

        stats = RunStats()
    chunks = batches(_prefiltered(documents, prefilter, stats), batch_size)
    first = next(chunks, None)
    second = next(chunks, None) if first is not None else None
    chunks = itertools.chain([c for c in (first, second) if c is not None], chunks)
    if workers <= 1 or second is None:  # one batch: not worth starting processes
        with _settled_heap() as settle:
            for chunk in chunks:
                outcomes = _code(pipeline, chunk, findings)
                settle()
                yield from _settle(chunk, outcomes, stats)
        return
    with _Pool(pipeline, workers, findings) as pool:
        for chunk, outcomes in pool.map_ordered(chunks):
            yield from _settle(chunk, outcomes, stats)


@contextlib.contextmanager
def _settled_heap():
    """Once the first batch has loaded the model, the gazetteer and the lazy tables, move
    every object then alive out of the cyclic collector's reach (``gc.freeze``) for the rest
    of the run: a full collection no longer walks them again and again (about 4% of a run's
    processor time on news texts). Undone when the run ends."""
    state = {"frozen": False}

    def settle() -> None:
        if not state["frozen"] and gc.isenabled():
            gc.freeze()
            state["frozen"] = True

    try:
        yield settle
    finally:
        if state["frozen"]:
            gc.unfreeze()


# -- worker side ---------------------------------------------------------------

def _init_worker(pipeline) -> None:
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline.default()
    _WORKER = pipeline


def settle_worker_heap() -> None:
    """In a worker, once its first batch has loaded the pipeline's lazy tables: what is
    alive now stays out of the cyclic collector's walk (see :func:`_settled_heap`). A worker
    forked from a frozen parent has its share already."""
    if gc.isenabled() and not gc.get_freeze_count():
        gc.freeze()


def _work(chunk: list[Document], findings: bool) -> list[tuple]:
    out = _code(_WORKER, chunk, findings)
    settle_worker_heap()
    return out


# -- parent side ---------------------------------------------------------------

def _succeeded(future: Future | None) -> bool:
    return (future is not None and future.done() and not future.cancelled()
            and future.exception() is None)


@dataclass(slots=True)
class _Task:
    chunk: list[Document]
    future: Future | None = None
    attempts: int = 0


class _Pool:
    """A process pool that survives the death of its workers."""

    def __init__(self, pipeline, workers: int, findings: bool) -> None:
        methods = mp.get_all_start_methods()
        # fork: workers inherit the loaded pipeline (no second load, shared pages)
        self.context = mp.get_context("fork" if "fork" in methods else "spawn")
        self.pipeline = pipeline if self.context.get_start_method() == "fork" else None
        self.workers, self.findings = workers, findings
        self.executor: ProcessPoolExecutor | None = None
        self.restarts = 0
        self._froze = False

    def __enter__(self) -> "_Pool":
        # Everything alive now (the model, the gazetteer, the tables) goes out of the cyclic
        # collector's reach before the workers fork: a collection in a worker then never walks
        # the inherited objects, so their pages stay shared instead of being copied into each
        # worker, and are not walked again and again.
        self._froze = gc.isenabled() and not gc.get_freeze_count()
        if self._froze:
            gc.freeze()
        return self

    def __exit__(self, *exc) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
        if self._froze:
            gc.unfreeze()

    def _submit(self, task: _Task) -> None:
        if self.executor is None:
            self.executor = ProcessPoolExecutor(self.workers, mp_context=self.context,
                                                initializer=_init_worker, initargs=(self.pipeline,))
        try:
            task.future = self.executor.submit(_work, task.chunk, self.findings)
        except BrokenProcessPool as exc:  # a worker died since the last submit: handled with the results
            task.future = Future()
            task.future.set_exception(exc)

    def _restart(self) -> None:
        self.restarts += 1
        log.warning("a worker process died; restarting the pool (%d) and resending unfinished batches",
                    self.restarts)
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = None

    def map_ordered(self, chunks: Iterator[list[Document]]) -> Iterator[tuple[list[Document], list[tuple]]]:
        """(batch, outcomes) in input order.

        After a worker dies, the batches without a result run one at a time
        ("isolated") until they are through, so a death is blamed on the one
        batch that was running: it is retried, then split into single
        documents, and a document that still kills its worker is reported.
        """
        tasks: list[_Task] = []
        source = iter(chunks)
        exhausted = False
        isolate = 0  # how many of the next tasks run alone
        while True:
            while not exhausted and not isolate and len(tasks) < 2 * self.workers:
                chunk = next(source, None)
                if chunk is None:
                    exhausted = True
                    break
                tasks.append(_Task(chunk))
                self._submit(tasks[-1])
            if not tasks:
                return
            head = tasks[0]
            if head.attempts >= MAX_ATTEMPTS:  # a document that kills its worker every time
                tasks.pop(0)
                isolate = max(0, isolate - 1)
                yield head.chunk, [([], None, "worker process died on this document")] * len(head.chunk)
                continue
            if head.future is None:
                self._submit(head)
            try:
                outcomes = head.future.result()
            except BrokenProcessPool:
                blamed = isolate > 0  # it ran alone: the death was its own
                self._restart()
                unfinished = [t for t in tasks if not _succeeded(t.future)]
                for task in unfinished:
                    task.future = None
                isolate = len(unfinished)
                if blamed:
                    head.attempts += 1
                    if head.attempts >= MAX_ATTEMPTS and len(head.chunk) > 1:
                        tasks[0:1] = [_Task([d]) for d in head.chunk]
                        isolate += len(head.chunk) - 1
                continue
            tasks.pop(0)
            isolate = max(0, isolate - 1)
            yield head.chunk, outcomes
