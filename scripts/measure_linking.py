"""Pairwise precision / recall of incident linking on the GVC news gold.

Two steps, because extraction over a thousand articles is slow and linking is
what is being tuned:

    # run the pipeline over one half once, keep its events in a cache file
    PYTHONPATH=src python scripts/measure_linking.py extract --half tune --cache /tmp/gvc_tune.jsonl
    # link the cached events and score the pairs (fast; repeat while tuning)
    PYTHONPATH=src python scripts/measure_linking.py score --cache /tmp/gvc_tune.jsonl [--subset gvc]
    # or ingest the cached reports into a fresh store one at a time, as a user would (by date)
    PYTHONPATH=src python scripts/measure_linking.py score --store --cache /tmp/gvc_tune.jsonl

The gold is read from ``../shared/gold/news/gvc_dev.jsonl`` (or ``--gold``) and
never copied. Pairs are counted two ways, both over reports of different
articles: events (every pair of events from two articles; gold: the articles
share an ``incident_key``) and articles (two articles are linked when their
main events, the most confident of each, share an incident: the gold gives one
incident per article, and an article's other events are often incidents it
mentions in passing), and articles by any event. An article with no event counts
as linked to nothing.

``--store`` adds each article to an empty SQLite store in order of publication
(``Store.add``: events, then follow-ups, linked as they arrive, merges
included) and scores the article pairs of the incidents the store holds: an
article's lead event gives its incident, an article without events the
incident its follow-up joined, an article whose text the store already held (the
same text under another id: stored once) the incident of the stored one.
"""
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from eventwire.eval._split import half_of
from eventwire.link import attach_follow_ups, link_events, load_config, with_identities
from eventwire.records import Document, to_dict
from eventwire.serialize import event_from_dict

GOLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "gold" / "news" / "gvc_dev.jsonl"


def _rows(path: Path, half: str | None, subset: str | None, limit: int | None):
    n = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if half and half_of(row) != half:
                continue
            if subset and row.get("subset") != subset:
                continue
            yield row
            n += 1
            if limit and n >= limit:
                return


def _document(row: dict) -> Document:
    published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
    text = (row.get("title") or "").strip()
    text = f"{text}\n\n{row['text']}" if text else row["text"]
    return Document(id=row["id"], text=text, published=published, title=row.get("title"), url=row.get("url"))


def extract(args) -> None:
    from eventwire.pipeline import Pipeline

    done = _cached_ids(args.cache) if args.resume else set()
    rows = [r for r in _rows(Path(args.gold), args.half, args.subset, args.limit) if r["id"] not in done]
    pipeline = Pipeline.default()
    start = time.perf_counter()
    with open(args.cache, "a" if args.resume else "w", encoding="utf-8") as out:
        for i, result in enumerate(pipeline.pipe(_document(r) for r in rows), 1):
            out.write(json.dumps({"doc_id": result.document.id,
                                  "events": [to_dict(e) for e in result.events],
                                  "follow_ups": [to_dict(e) for e in result.follow_ups]}) + "\n")
            if i % 50 == 0:
                print(f"{i}/{len(rows)} {time.perf_counter() - start:.0f}s", file=sys.stderr, flush=True)
    print(f"{len(rows)} articles in {time.perf_counter() - start:.0f}s → {args.cache}", file=sys.stderr)


def _cached_ids(path: str) -> set[str]:
    if not Path(path).exists():
        return set()
    with open(path, encoding="utf-8") as handle:
        return {json.loads(line)["doc_id"] for line in handle if line.strip()}


def _pairs(groups: dict[str, set]) -> set[tuple]:
    out = set()
    for members in groups.values():
        out.update(itertools.combinations(sorted(members), 2))
    return out


def _prf(pred: set, gold: set) -> dict:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    return {"precision": round(p, 4), "recall": round(r, 4), "pred_pairs": len(pred), "gold_pairs": len(gold),
            "true_pairs": tp}


def score(args) -> dict:
    gold_rows = {r["id"]: r for r in _rows(Path(args.gold), args.half, args.subset, None)}
    events, follow, doc_of, cached = [], [], {}, set()
    lines = [line for path in args.cache.split(",") for line in open(path, encoding="utf-8") if line.strip()]
    for line in lines:
        item = json.loads(line)
        if item["doc_id"] not in gold_rows or item["doc_id"] in cached:
            continue
        cached.add(item["doc_id"])
        text = None if args.evidence_only else _document(gold_rows[item["doc_id"]]).text
        # as the store does, from the stored article
        for ev in with_identities([event_from_dict(data) for data in item["events"]], text):
            events.append(ev)
            doc_of[ev.event_id] = item["doc_id"]
        if not args.no_follow_ups:
            for ev in with_identities([event_from_dict(data) for data in item.get("follow_ups", ())], text):
                follow.append(ev)
                doc_of[ev.event_id] = item["doc_id"]
    gold_rows = {d: r for d, r in gold_rows.items() if d in cached}  # articles the cache holds
    cfg = load_config(args.config) if args.config else load_config()
    start = time.perf_counter()
    incidents = link_events(events, cfg)
    attached = 0
    for ev, incident, _ in attach_follow_ups(follow, incidents, cfg):
        if incident is not None:  # as the store lists it: a report of the incident, no event
            incident.events.append(ev)
            events.append(ev)
            attached += 1
    seconds = time.perf_counter() - start
    key = {d: r["incident_key"] for d, r in gold_rows.items()}
    # events: pairs of events from different articles
    pred_ev = {p for p in _pairs({i.incident_id: {e.event_id for e in i.events} for i in incidents})
               if doc_of[p[0]] != doc_of[p[1]]}
    gold_groups = defaultdict(set)
    for ev in events:
        gold_groups[key[doc_of[ev.event_id]]].add(ev.event_id)
    gold_ev = {p for p in _pairs(gold_groups) if doc_of[p[0]] != doc_of[p[1]]}
    # articles
    pred_doc = {p for p in _pairs({i.incident_id: {doc_of[e.event_id] for e in i.events} for i in incidents})
                if p[0] != p[1]}
    doc_groups = defaultdict(set)
    for d, k in key.items():
        doc_groups[k].add(d)
    gold_doc = _pairs(doc_groups)
    main = {}
    for ev in events:
        d = doc_of[ev.event_id]
        if d not in main or (ev.confidence, len(ev.evidence)) > (main[d].confidence, len(main[d].evidence)):
            main[d] = ev
    main_ids = {ev.event_id for ev in main.values()}
    pred_main = {p for p in _pairs({i.incident_id: {doc_of[e.event_id] for e in i.events if e.event_id in main_ids}
                                    for i in incidents}) if p[0] != p[1]}
    with_events = {doc_of[e.event_id] for e in events}
    report = {"half": args.half, "subset": args.subset, "articles": len(gold_rows),
              "articles_with_events": len(with_events - {doc_of[e.event_id] for e in follow}),
              "follow_ups": len(follow), "follow_ups_attached": attached,
              "events": len(events) - attached, "incidents": len(incidents),
              "link_seconds": round(seconds, 2),
              "article_pairs": _prf(pred_main, gold_doc),
              "article_pairs_by_any_event": _prf(pred_doc, gold_doc),
              "event_pairs": _prf(pred_ev, gold_ev)}
    if args.errors:
        _show_errors(args.errors, incidents, pred_main, gold_doc, gold_rows, doc_of, main)
    return report


def score_store(args) -> dict:
    """Article pairs of a store filled one report at a time (``--store``)."""
    import tempfile

    from sqlalchemy import select

    from eventwire.store import Store
    from eventwire.store._models import DocumentRow, EventRow, FollowUpRow

    gold_rows = {r["id"]: r for r in _rows(Path(args.gold), args.half, args.subset, None)}
    items = {}
    for path in args.cache.split(","):
        for line in open(path, encoding="utf-8"):
            if line.strip():
                item = json.loads(line)
                if item["doc_id"] in gold_rows:
                    items.setdefault(item["doc_id"], item)
    order = sorted(items, key=lambda d: (gold_rows[d].get("published") or "9999", d))
    if args.order == "newest":
        order.reverse()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{tmp}/measure.db") as store:
        run = store.start_run("measure_linking")
        for doc_id in order:
            item = items[doc_id]
            store.add(_document(gold_rows[doc_id]), [event_from_dict(d) for d in item["events"]], run,
                      [event_from_dict(d) for d in item.get("follow_ups", ())])
        seconds = time.perf_counter() - start
        with store.session() as s:
            rows = s.execute(select(DocumentRow.doc_id, EventRow.event_id, EventRow.incident_id,
                                    EventRow.confidence, EventRow.record)
                             .join(DocumentRow, DocumentRow.pk == EventRow.document_pk)).all()
            incident_of = {e: i for _, e, i, _, _ in rows}
            lead = {}
            for doc_id, _, incident, confidence, record in rows:
                rank = (confidence, len(record.get("evidence") or ()))
                if doc_id not in lead or rank > lead[doc_id][0]:
                    lead[doc_id] = (rank, incident)
            for doc_id, linked_to in s.execute(select(DocumentRow.doc_id, FollowUpRow.linked_to)
                                               .join(DocumentRow, DocumentRow.pk == FollowUpRow.document_pk)):
                if doc_id not in lead and incident_of.get(linked_to):
                    lead[doc_id] = ((), incident_of[linked_to])
            counts = store.counts()
            # a report whose text is already stored (under another id) is not stored again: it is
            # the stored report, and has its incident
            from eventwire.store._store import content_hash

            owner = dict(s.execute(select(DocumentRow.content_hash, DocumentRow.doc_id)).all())
            duplicates = 0
            for doc_id in order:
                first = owner.get(content_hash(_document(gold_rows[doc_id]).text))
                if first not in (None, doc_id) and doc_id not in lead and first in lead:
                    lead[doc_id] = lead[first]
                    duplicates += 1
    groups = defaultdict(set)
    for doc_id, (_, incident) in lead.items():
        if incident:
            groups[incident].add(doc_id)
    gold_groups = defaultdict(set)
    for doc_id in items:
        gold_groups[gold_rows[doc_id]["incident_key"]].add(doc_id)
    pred, gold = _pairs(groups), _pairs(gold_groups)
    if args.errors:
        inc_of = {d: i for d, (_, i) in lead.items()}
        for label, pairs in (("WRONG", sorted(pred - gold)), ("MISSED", sorted(gold - pred))):
            for a, b in pairs[:args.errors]:
                ga, gb = gold_rows[a]["gold"], gold_rows[b]["gold"]
                print(f"{label} {a[:12]} {b[:12]} {inc_of.get(a)} {inc_of.get(b)} gold {ga['event_date']} "
                      f"{ga['location']} / {gb['event_date']} {gb['location']}", file=sys.stderr)
    return {"half": args.half, "subset": args.subset, "articles": len(items), "order": args.order,
            "incidents": counts.get("incidents"), "merges": counts.get("incident_edits"),
            "texts_stored_before": duplicates, "store_seconds": round(seconds, 1),
            "store_article_pairs": _prf(pred, gold)}


def _show_errors(n: int, incidents, pred_doc, gold_doc, gold_rows, doc_of, main) -> None:
    """Print the wrong links (false pairs) and some missed pairs, with the stored reasons."""
    from eventwire.link import compare

    inc_of = {doc_of[e.event_id]: i for i in incidents for e in i.events if main.get(doc_of[e.event_id]) is e}
    fp = sorted(pred_doc - gold_doc)[:n]
    fn = sorted(gold_doc - pred_doc)[:n]
    for label, pairs in (("WRONG", fp), ("MISSED", fn)):
        for a, b in pairs:
            ga, gb = gold_rows[a]["gold"], gold_rows[b]["gold"]
            print(f"{label} {a[:12]} {b[:12]} gold {ga['event_date']} {ga['location']} / {gb['event_date']} "
                  f"{gb['location']} | {gold_rows[a]['title'][:60]!r} / {gold_rows[b]['title'][:60]!r}")
            if a in main and b in main:
                c = compare(main[a], main[b])
                print(f"    {c.score} {c.linked} {c.reasons}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", choices=("extract", "score"))
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--half", choices=("tune", "check"))
    ap.add_argument("--subset", choices=("gvc", "semeval2018t5"))
    ap.add_argument("--limit", type=int)
    ap.add_argument("--cache", required=True, help="the cache file (score: several, comma-separated)")
    ap.add_argument("--resume", action="store_true", help="extract: add to the cache the articles it lacks")
    ap.add_argument("--config", help="a linking.toml other than the packaged one")
    ap.add_argument("--evidence-only", action="store_true",
                    help="read each report's particulars from its evidence sentences, not the whole article")
    ap.add_argument("--no-follow-ups", action="store_true",
                    help="score without the follow-ups of reports that yield no event (as before they were kept)")
    ap.add_argument("--store", action="store_true",
                    help="score: ingest the reports into a fresh store one at a time (by publication date)")
    ap.add_argument("--order", choices=("published", "newest"), default="published",
                    help="--store: oldest first (default) or newest first")
    ap.add_argument("--errors", type=int, default=0, help="print this many wrong and missed article pairs")
    args = ap.parse_args(argv)
    if not Path(args.gold).exists():
        sys.exit(f"gold file not found: {args.gold}")
    if args.step == "extract":
        extract(args)
    else:
        print(json.dumps(score_store(args) if args.store else score(args), indent=1))


if __name__ == "__main__":
    main()
