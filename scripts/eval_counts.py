"""Counts and dates on the dev gold, using only nlp + extract's counts/attribution/dates.

    nice python scripts/eval_counts.py [--limit 400] [--json out.json]

ACLED: doc-level fatalities (the doc's fatality counts aggregated; none -> 0),
exact and within +-1, with the ACLED convention for vague words. GTD: nkill,
nwound, nhostkid exact on rows where GTD has a number; rows where GTD is null
(unknown) are reported apart. event_date: the doc's first resolved date, or the
published date when it has none.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from pathlib import Path

from eventwire.extract import attribution, claims, counts, dates
from eventwire.extract._mentions import attribute_counts
from eventwire.nlp import get_nlp

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
FILES = ("acled_global202005_dev.jsonl", "acled_asia2015_dev.jsonl", "gtd2021q1_dev.jsonl")
KINDS = {"nkill": "fatalities", "nwound": "injured", "nhostkid": "hostages"}


def doc_figures(doc, published):
    statements = attribution.find_statements(doc)
    found = []
    for sent in doc.sents:
        found.extend(attribute_counts(counts.find_counts(sent), statements))
    by_kind = {k: counts.aggregate([c for c in found if c.kind == k]) for k in ("fatalities", "injured", "hostages")}
    ds = [d for d in dates.find_dates(doc, published) if d.date is not None]
    by_kind["claims"] = claims.find_claims(doc, statements)
    return by_kind, (ds[0].date if ds else published)


def run(path: Path, limit: int | None, nlp, errors: list, offset: int = 0) -> dict:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")][offset:]
    rows = rows[:limit] if limit else rows
    score: Counter = Counter()
    t0 = time.perf_counter()
    texts = ((r["text"], r) for r in rows)
    for doc, row in nlp.pipe(texts, as_tuples=True, batch_size=64):
        gold, published = row["gold"], dt.date.fromisoformat(row["published"])
        by_kind, first_date = doc_figures(doc, published)
        score["rows"] += 1
        score["date_exact"] += str(first_date) == gold["event_date"]
        if row["source"] == "acled":
            pred = counts.acled_figure(by_kind["fatalities"]) or 0
            g = gold["fatalities"] or 0
            score["fat_exact"] += pred == g
            score["fat_pm1"] += abs(pred - g) <= 1
            if pred != g and len(errors) < 400:
                errors.append((row["id"], g, pred, row["text"][:300]))
        else:
            got_claim, gold_claim = bool(by_kind["claims"]), gold.get("claimed") == 1
            score["claim_tp"] += got_claim and gold_claim
            score["claim_fp"] += got_claim and not gold_claim
            score["claim_fn"] += gold_claim and not got_claim
            for key, kind in KINDS.items():
                pred = counts.figure(by_kind[kind])
                if gold[key] is None:
                    score[f"{key}_null"] += 1
                    score[f"{key}_null_pred_none_or_0"] += pred in (None, 0)
                    continue
                score[f"{key}_rows"] += 1
                score[f"{key}_exact"] += (pred or 0) == gold[key]
                if (pred or 0) != gold[key] and len(errors) < 400:
                    errors.append((row["id"], key, gold[key], pred, row["text"][:300]))
    score["seconds"] = round(time.perf_counter() - t0, 1)
    return dict(score)


def report(name: str, s: dict) -> dict:
    n = s["rows"]
    out = {"file": name, "rows": n, "event_date_exact": round(s["date_exact"] / n, 3), "seconds": s["seconds"]}
    if "fat_exact" in s:
        out.update(fatalities_exact=round(s["fat_exact"] / n, 3), fatalities_pm1=round(s["fat_pm1"] / n, 3))
    if s.get("claim_tp") or s.get("claim_fn"):
        tp, fp, fn = s.get("claim_tp", 0), s.get("claim_fp", 0), s.get("claim_fn", 0)
        out.update(claim_precision=round(tp / max(tp + fp, 1), 3), claim_recall=round(tp / max(tp + fn, 1), 3))
    for key in KINDS:
        if s.get(f"{key}_rows"):
            out[f"{key}_exact"] = round(s[f"{key}_exact"] / s[f"{key}_rows"], 3)
            out[f"{key}_rows"] = s[f"{key}_rows"]
            out[f"{key}_null_rows"] = s.get(f"{key}_null", 0)
            out[f"{key}_null_pred_none_or_0"] = s.get(f"{key}_null_pred_none_or_0", 0)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--offset", type=int, default=0, help="skip the first rows (a held-out slice)")
    ap.add_argument("--json")
    ap.add_argument("--errors")
    ap.add_argument("--files", nargs="*", default=list(FILES))
    args = ap.parse_args()
    if not GOLD.is_dir():
        print(f"gold data not found at {GOLD}", file=sys.stderr)
        return 0
    nlp, results, errors = get_nlp(), [], []
    for name in args.files:
        results.append(report(name, run(GOLD / name, args.limit, nlp, errors, args.offset)))
        print(json.dumps(results[-1]))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    if args.errors:
        Path(args.errors).write_text("\n".join(json.dumps(e) for e in errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
