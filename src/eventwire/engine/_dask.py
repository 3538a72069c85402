"""A cluster: the same stages on ``dask.distributed``, over partitions of the input.

This process reads the input (a stream), applies the prefilter and cuts the
kept documents into partitions; each partition is coded by one task on a
worker, where a worker plugin has loaded the pipeline once. At most
``2 × workers`` partitions are in flight, so memory stays flat here too.

Two ways out:

- :class:`DaskPipeline` hands the results back in input order, so every
  consumer of ``Pipeline.pipe`` works unchanged (``eventwire ingest --engine
  dask``: workers code, this process alone writes to the database, so no
  document is stored twice or lost).
- :func:`run_dask` has each task write its partition as a Parquet part
  (``events/part-NNNNN.parquet``, written under a temporary name and renamed,
  so a task that Dask runs again after a lost worker replaces its part instead
  of adding one). A second pass links events across articles, one task per
  country block (``link.link_events`` compares only events of one country,
  in date order, within its follow-up window, so the blocks are independent
  and the incidents are those of one pass over everything), and writes
  ``incidents/country=XXX/part-0.parquet`` with each event's incident, the
  event it matched, the score and the ISO week of its date.

Dask reschedules the tasks of a worker that dies; a partition's result is
taken once, in order.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import require
from ..records import Document
from ._batches import batches
from ._local import _code, _prefiltered, _settle, settle_worker_heap

log = logging.getLogger("eventwire")

PARTITION_SIZE = 256
_PIPELINE = None  # this worker process's Pipeline


def _worker_pipeline():
    global _PIPELINE
    if _PIPELINE is None:
        from ..pipeline import Pipeline

        _PIPELINE = Pipeline.default()
    return _PIPELINE


# glibc's allocator, as it settles by itself on a long run: blocks up to 32 MiB from the
# heap, freed memory handed back to the system above 64 MiB of slack.
_MMAP_THRESHOLD = 32 * 2**20
_TRIM_THRESHOLD = 64 * 2**20


def roomy_malloc() -> bool:
    """Let this process's allocator keep freed memory for reuse, as it does by default.

    A Dask nanny starts its workers with ``MALLOC_TRIM_THRESHOLD_=65536``, which
    also pins glibc's mmap threshold at 128 KiB: every array of the parser
    above that size is then mapped and unmapped, and its pages faulted in again,
    for each batch. Measured on 400 news texts, two workers so started had about
    forty times the page faults and ten times the system time of one process
    coding the same texts. Set at run time, these thresholds hold on any cluster,
    whatever the environment it gave its workers. Returns whether they were set
    (False off glibc)."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # <malloc.h>
    return bool(mallopt(M_MMAP_THRESHOLD, _MMAP_THRESHOLD)) and bool(mallopt(M_TRIM_THRESHOLD, _TRIM_THRESHOLD))


def _load_plugin():
    distributed = require("distributed", "dask", "--engine dask")

    class LoadPipeline(distributed.WorkerPlugin):
        """Loads the pipeline when a worker starts, once."""

        name = "eventwire-pipeline"

        def setup(self, worker) -> None:
            roomy_malloc()
            _worker_pipeline()

    return LoadPipeline()


def local_cluster(workers: int):
    """A cluster of ``workers`` processes on this machine, one thread each.

    Its workers run without Dask's statistical profiler, which samples every
    thread's stack a hundred times a second for the dashboard: on the parser's
    deep stacks that cost about a tenth of each worker's processor time (an
    existing cluster keeps whatever its own configuration says: see the
    README)."""
    import dask

    distributed = require("distributed", "dask", "--engine dask")
    with dask.config.set({"distributed.worker.profile.enabled": False}):  # read as each worker starts
        return distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=":0")


def connect(scheduler: str | None = None, workers: int | None = None):
    """A client of the cluster at ``scheduler``, or of a new local cluster of ``workers`` processes."""
    distributed = require("distributed", "dask", "--engine dask")
    from ._batches import default_workers

    if scheduler:
        client = distributed.Client(scheduler)
    else:
        client = distributed.Client(local_cluster(workers or default_workers()))
    client.register_plugin(_load_plugin())
    return client


def _code_partition(documents: list[Document], findings: bool) -> list[tuple]:
    out = _code(_worker_pipeline(), documents, findings)
    settle_worker_heap()
    return out


def _ordered(client, fn, parts: Iterator, window: int, *args) -> Iterator[tuple]:
    """(part, result) in order, with at most ``window`` tasks in flight."""
    pending: list[tuple] = []
    for part in parts:
        pending.append((part, client.submit(fn, *(part if isinstance(part, tuple) else (part,)), *args,
                                            pure=False)))
        if len(pending) >= window:
            head, future = pending.pop(0)
            yield head, future.result()
    for head, future in pending:
        yield head, future.result()


class DaskPipeline:
    """``Pipeline.pipe`` on a Dask cluster: same results, in input order."""

    def __init__(self, scheduler: str | None = None, workers: int | None = None,
                 partition_size: int = PARTITION_SIZE, client=None) -> None:
        self.scheduler, self.workers, self.partition_size = scheduler, workers, partition_size
        self._client = client
        self._owns_client = client is None

    @property
    def client(self):
        if self._client is None:
            self._client = connect(self.scheduler, self.workers)
        return self._client

    def __enter__(self) -> "DaskPipeline":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the client (and the local cluster this object started; a given client stays open)."""
        if self._client is not None and self._owns_client:
            cluster = self._client.cluster if self.scheduler is None else None
            self._client.close()
            if cluster is not None:
                cluster.close()
            self._client = None

    def _window(self) -> int:
        return 2 * max(1, len(self.client.scheduler_info().get("workers", {})) or 1)

    def pipe(self, documents: Iterable[Document], *, workers: int | None = None, prefilter=None, stats=None,
             findings: bool = False, batch_size: int | None = None, n_process: int | None = None) -> Iterator:
        if stats is None:
            from ..pipeline import RunStats

            stats = RunStats()
        parts = batches(_prefiltered(documents, prefilter, stats), self.partition_size, chars=50 * self.partition_size * 1000)
        for part, outcomes in _ordered(self.client, _code_partition, parts, self._window(), findings):
            yield from _settle(part, outcomes, stats)


# -- Parquet parts and the linking pass ------------------------------------------

@dataclass(slots=True)
class DaskReport:
    parts: int = 0
    events: int = 0
    incidents: int = 0
    countries: dict = field(default_factory=dict)  # country key -> numbers of the parts holding it
    folder: str = ""

    def summary(self) -> str:
        return (f"{self.events} events in {self.parts} Parquet parts, {self.incidents} incidents "
                f"in {len(self.countries)} country blocks under {self.folder}")


def _write_atomic(write, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    write(tmp)
    os.replace(tmp, path)


def _country(event) -> str:
    from ..link._features import country_key

    return country_key(event) or "none"


def _code_to_parquet(number: int, documents: list[Document], folder: str) -> tuple:
    from ..export._parquet import write_parquet

    outcomes = _code(_worker_pipeline(), documents, False)
    settle_worker_heap()
    events = [ev for evs, _, error, *_ in outcomes if error is None for ev in evs]
    path = Path(folder) / "events" / f"part-{number:05d}.parquet"
    _write_atomic(lambda p: write_parquet(events, p), path)
    # back to the client: per document its number of events or its error, and the part's countries
    return [(len(evs), error) for evs, _, error, *_ in outcomes], sorted({_country(ev) for ev in events})


def read_parts(folder: str | Path, numbers: Iterable[int] | None = None) -> Iterator:
    """The events of the Parquet parts under ``folder/events`` (all, or those numbered), in part order."""
    import json

    pq = require("pyarrow.parquet", "export", "Parquet parts")
    from ..serialize import event_from_dict

    paths = sorted((Path(folder) / "events").glob("part-*.parquet")) if numbers is None else \
        [Path(folder) / "events" / f"part-{n:05d}.parquet" for n in sorted(numbers)]
    for path in paths:
        for record in pq.read_table(path, columns=["record"]).column("record").to_pylist():
            yield event_from_dict(json.loads(record))


def _link_block(country: str, folder: str, numbers: list[int]) -> int:
    pa = require("pyarrow", "export", "Parquet parts")
    pq = require("pyarrow.parquet", "export", "Parquet parts")
    from ..link import link_events

    events = [ev for ev in read_parts(folder, numbers) if _country(ev) == country]
    rows = []
    for incident in link_events(events):
        by_id = {ev.event_id: ev for ev in incident.events}
        for link in incident.links:
            date = by_id[link.event_id].event_date
            rows.append({"event_id": link.event_id, "incident_id": incident.incident_id,
                         "linked_to": link.linked_to, "score": float(link.score),
                         "week": date.strftime("%G-W%V") if date else None})
    out = Path(folder) / "incidents" / f"country={country}"
    out.mkdir(parents=True, exist_ok=True)
    schema = pa.schema([("event_id", pa.string()), ("incident_id", pa.string()), ("linked_to", pa.string()),
                        ("score", pa.float64()), ("week", pa.string())])
    _write_atomic(lambda p: pq.write_table(pa.Table.from_pylist(rows, schema=schema), p), out / "part-0.parquet")
    return len({r["incident_id"] for r in rows})


def run_dask(documents: Iterable[Document], folder: str | Path, *, scheduler: str | None = None,
             workers: int | None = None, prefilter: bool = True, stats=None, link: bool = True,
             partition_size: int = PARTITION_SIZE, client=None) -> DaskReport:
    """Code ``documents`` on a Dask cluster into Parquet parts under ``folder``, then link."""
    from ..pipeline import RunStats
    from ..prefilter import default_prefilter

    stats = stats if stats is not None else RunStats()
    folder = Path(folder)
    (folder / "events").mkdir(parents=True, exist_ok=True)
    engine = DaskPipeline(scheduler, workers, partition_size, client=client)
    report = DaskReport(folder=str(folder))
    try:
        kept = _prefiltered(documents, default_prefilter() if prefilter else None, stats)
        parts = enumerate(batches(kept, partition_size, chars=50 * partition_size * 1000))
        for (number, part), (outcomes, countries) in _ordered(engine.client, _code_to_parquet, parts,
                                                              engine._window(), str(folder)):
            report.parts += 1
            for country in countries:
                report.countries.setdefault(country, []).append(number)
            for document, (n_events, error) in zip(part, outcomes):
                if error is None:
                    stats.settle("coded", document, events=n_events)
                else:
                    log.warning("document %s skipped: %s", document.id, error)
                    stats.settle("failed", document, error)
        report.events = stats.events
        if link and report.countries:
            futures = [engine.client.submit(_link_block, c, str(folder), numbers, pure=False)
                       for c, numbers in sorted(report.countries.items())]
            report.incidents = sum(f.result() for f in futures)
    finally:
        engine.close()
    return report
