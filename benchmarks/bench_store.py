"""Throughput of ``ingest`` into SQLite and PostgreSQL next to ``extract`` alone.

    python benchmarks/bench_store.py --n 300 [--pg postgresql+psycopg://...] [--json out.json]

Documents are the first N texts of a gold file (../shared/gold by default);
the same spaCy pipeline (built and warmed once) serves every measurement.
Reported: documents/s for extract alone, for ingest (extract + store + link)
into each database, for the store step alone (pre-extracted results), and the
ratio ingest/extract.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO.parent / "shared" / "gold" / "acled_global202005_dev.jsonl"


def load_documents(path: Path, n: int):
    from eventwire.ingest import make_document

    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            docs.append(make_document(row["text"], doc_id=row["id"], published=row.get("published"),
                                      outlet=row.get("source")))
            if len(docs) >= n:
                break
    return docs


def timed(fn):
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


class Replay:
    """A pipeline that hands back results computed earlier: times the store step alone."""

    def __init__(self, results) -> None:
        self.by_id = {r.document.id: r for r in results}

    def pipe(self, documents):
        for d in documents:
            yield self.by_id[d.id]


def pg_schema_url(base: str):
    import sqlalchemy as sa

    schema = "ew_bench_" + uuid.uuid4().hex[:8]
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in base else "?"

    def drop():
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()

    return f"{base}{sep}options=-csearch_path%3D{schema}", drop


def measure_db(name: str, url: str, docs, pipeline) -> dict:
    from eventwire.store import Store, ingest

    with Store(url) as store:
        report, seconds = timed(lambda: ingest(docs, store, pipeline))
        counts = store.counts()
    with Store(url) as store:
        _, again = timed(lambda: ingest(docs, store, pipeline))  # everything already stored
    return {"db": name, "docs": report.stored, "events": report.events, "seconds": seconds,
            "docs_per_s": report.stored / seconds, "incidents": counts["incidents"],
            "rerun_seconds": again}


def measure_store_only(url: str, docs, results) -> float:
    from eventwire.store import Store, ingest

    with Store(url) as store:
        report, seconds = timed(lambda: ingest(docs, store, Replay(results)))
    return report.stored / seconds


def linking_scores(pipeline) -> list[tuple[str, int, int, float, float]]:
    """Pairwise precision/recall on the variant-report test set (tests/test_link.py):
    hand-coded events, then events the pipeline extracts from the same texts."""
    import itertools

    from eventwire.ingest import make_document
    from eventwire.link import link_events

    sys.path.insert(0, str(REPO / "tests"))
    from test_link import EVENTS, REPORTS

    truth_by_doc = {r[1]: r[0] for r in REPORTS}

    def score(events):
        incidents = link_events(events)
        label = {ev.event_id: inc.incident_id for inc in incidents for ev in inc.events}
        tp = fp = fn = 0
        for a, b in itertools.combinations(events, 2):
            same_true = truth_by_doc[a.doc_id] == truth_by_doc[b.doc_id]
            same_pred = label[a.event_id] == label[b.event_id]
            tp += same_true and same_pred
            fp += same_pred and not same_true
            fn += same_true and not same_pred
        return len(events), len(incidents), tp / max(1, tp + fp), tp / max(1, tp + fn)

    docs = [make_document(r[3], doc_id=r[1], published=r[5], outlet=r[2]) for r in REPORTS]
    extracted = [ev for res in pipeline.pipe(docs) for ev in res.events]
    return [("hand-coded", *score(EVENTS)), ("extracted by the pipeline", *score(extracted))]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--pg", default=os.environ.get("EVENTWIRE_TEST_PG_URL"), help="PostgreSQL URL (default $EVENTWIRE_TEST_PG_URL)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    if not args.gold.exists():
        print(f"gold file not found: {args.gold}", file=sys.stderr)
        return 2

    from eventwire.pipeline import Pipeline

    docs = load_documents(args.gold, args.n)
    pipeline = Pipeline.default()
    list(pipeline.pipe(docs[:20]))  # load models, gazetteer, lexicons
    results, extract_s = timed(lambda: list(pipeline.pipe(docs)))
    extract_rate = len(docs) / extract_s
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("sqlite", f"sqlite:///{tmp}/bench.db", None)]
        targets.append(("sqlite-store-only", f"sqlite:///{tmp}/store.db", None))
        if args.pg:
            url, drop = pg_schema_url(args.pg)
            url2, drop2 = pg_schema_url(args.pg)
            targets += [("postgresql", url, drop), ("postgresql-store-only", url2, drop2)]
        for name, url, drop in targets:
            try:
                if name.endswith("store-only"):
                    rows.append({"db": name, "docs_per_s": measure_store_only(url, docs, results)})
                else:
                    rows.append(measure_db(name, url, docs, pipeline))
            finally:
                if drop:
                    drop()
    n_events = sum(len(r.events) for r in results)
    print(f"{len(docs)} documents from {args.gold.name}, {n_events} events; extract alone: "
          f"{extract_rate:.1f} docs/s ({extract_s:.1f} s)")
    print(f"{'target':24} {'docs/s':>8} {'ratio to extract':>17}  notes")
    for row in rows:
        notes = ""
        if "seconds" in row:
            notes = (f"{row['events']} events, {row['incidents']} incidents, {row['seconds']:.1f} s; "
                     f"re-run of the same batch {row['rerun_seconds']:.2f} s")
        print(f"{row['db']:24} {row['docs_per_s']:8.1f} {row['docs_per_s'] / extract_rate:17.2f}  {notes}")
    linking = linking_scores(pipeline)
    print("linking test set (12 reports, 5 incidents), pairwise over events:")
    for name, n_events, n_incidents, p, r in linking:
        print(f"  {name:28} {n_events:3d} events -> {n_incidents:2d} incidents  precision {p:.3f}  recall {r:.3f}")
    if args.json:
        args.json.write_text(json.dumps({"n": len(docs), "extract_docs_per_s": extract_rate, "targets": rows,
                                         "linking": linking}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
