"""The Dask engine gives the records of one process (LocalCluster, small input)."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from eventwire.pipeline import RunStats
from eventwire.records import Document, to_dict

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from test_scale import OWN  # noqa: E402


@pytest.fixture(scope="module")
def documents(examples_dir) -> list[Document]:
    text = (examples_dir / "jaffar_express.txt").read_text(encoding="utf-8")
    own = [Document(id=f"d{i}", text=t + f" It was the {i}th report.", published=dt.date(2024, 6, 12 + i % 3))
           for i, t in enumerate(OWN * 2)]
    return [Document(id="jaffar", text=text, published=dt.date(2025, 3, 11)), *own]


@pytest.fixture(scope="module")
def client(pipeline):
    from distributed import Client, LocalCluster

    # Threads in this process: the workers share the pipeline already loaded here.
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster, \
            Client(cluster) as c:
        yield c


def _json(events) -> list[str]:
    return [json.dumps(to_dict(e), sort_keys=True, default=str) for e in events]


def test_dask_parts_hold_the_records_of_one_process(pipeline, documents, client, tmp_path):
    from eventwire.engine import read_parts, run_dask

    stats = RunStats()
    report = run_dask(documents, tmp_path, client=client, prefilter=True, partition_size=3, stats=stats)
    single = [e for r in pipeline.pipe(documents) for e in r.events]
    assert _json(read_parts(tmp_path)) == _json(single)
    assert report.parts == 3 and report.events == len(single) > 0
    assert stats.read == len(documents) and stats.filtered == 2  # the two central-bank reports
    assert not list((tmp_path / "events").glob(".*.tmp"))


def test_dask_linking_pass_gives_each_event_one_incident(pipeline, documents, client, tmp_path):
    import pyarrow.parquet as pq

    from eventwire.engine import read_parts, run_dask
    from eventwire.link import link_events

    run_dask(documents, tmp_path, client=client, prefilter=False, partition_size=4)
    rows = pq.read_table(tmp_path / "incidents").to_pylist()
    events = list(read_parts(tmp_path))
    assert sorted(r["event_id"] for r in rows) == sorted(e.event_id for e in events)
    expected = {ev.event_id: inc.incident_id for inc in link_events(events) for ev in inc.events}
    assert {r["event_id"]: r["incident_id"] for r in rows} == expected


def test_dask_pipeline_gives_results_in_input_order(pipeline, documents, client):
    from eventwire.engine import DaskPipeline

    engine = DaskPipeline(client=client, partition_size=2)
    out = list(engine.pipe(documents))
    assert [r.document.id for r in out] == [d.id for d in documents]
    assert _json(e for r in out for e in r.events) == _json(e for r in pipeline.pipe(documents) for e in r.events)



def test_a_dask_worker_killed_mid_run_loses_and_doubles_no_document(pipeline, documents):
    """A worker process killed by SIGKILL while it has partitions to code: the scheduler sends
    them to the other worker; every document comes back once, with the records of one process."""
    import os
    import signal

    from distributed import Client, LocalCluster

    from eventwire.engine import DaskPipeline

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        pids = client.run(os.getpid)
        engine = DaskPipeline(client=client, partition_size=1)
        out, killed = [], None
        for result in engine.pipe(documents):
            out.append(result)
            if killed is None:  # one partition is back; the others are queued or running
                busy = [addr for addr, tasks in client.processing().items() if tasks]
                killed = (busy or sorted(pids))[0]
                os.kill(pids[killed], signal.SIGKILL)
        assert killed is not None and killed not in client.scheduler_info()["workers"]
    assert [r.document.id for r in out] == [d.id for d in documents]
    assert _json(e for r in out for e in r.events) == _json(e for r in pipeline.pipe(documents) for e in r.events)


def test_a_dask_worker_keeps_freed_memory_for_reuse():
    import platform

    from eventwire.engine._dask import roomy_malloc

    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        pytest.skip("the allocator's thresholds are glibc's")
    assert roomy_malloc() is True


def test_a_local_cluster_runs_its_workers_without_the_statistical_profiler():
    import dask
    from distributed import Client

    from eventwire.engine._dask import local_cluster

    def profiled(dask_worker) -> tuple:
        import dask as d

        return d.config.get("distributed.worker.profile.enabled"), "profile" in dask_worker.periodic_callbacks

    with local_cluster(1) as cluster, Client(cluster) as client:
        assert list(client.run(profiled).values()) == [(False, False)]
    assert dask.config.get("distributed.worker.profile.enabled") is True  # this process's setting is untouched
