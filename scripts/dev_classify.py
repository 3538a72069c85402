"""Measure the event classifier and GTD attack types on development gold.

Usage: python scripts/dev_classify.py [--n 400] [--gold ../shared/gold] [--show 0]

Document level: each document's event class is the class of its best asserted
triggers (``classify.event_class``); its GTD attack type is GTD's precedence over
its asserted mentions. A document without a trigger counts as wrong. Reads the
gold files only from the given folder; nothing of them is stored.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import sys
import warnings
from pathlib import Path

warnings.filterwarnings("ignore", message=r"\[W036\]")

from eventwire.extract import classify, modality  # noqa: E402
from eventwire.nlp import get_nlp  # noqa: E402
from eventwire.records import Mention  # noqa: E402
from eventwire.resources.taxonomy import legacy_acled_family  # noqa: E402

FILES = {"global": "acled_global202005_dev.jsonl", "asia": "acled_asia2015_dev.jsonl", "gtd": "gtd2021q1_dev.jsonl"}


def classify_doc(doc) -> tuple[object, tuple[str | None, str | None]]:
    """(lead Trigger or None, (gtd label, rule)) of one parsed document."""
    triggers, mentions = [], []
    for k, sent in enumerate(doc.sents):
        found = classify.find_triggers(sent)
        if not found:
            continue
        trig = found[0]
        mod, cue = modality.mention_modality(sent, trig)
        if mod != "asserted":
            continue
        # Reports lead with the event; later sentences are often context.
        trig = type(trig)(trig.text, trig.start, trig.end, trig.event_type, trig.sub_event_type,
                          trig.rule, round(trig.score - 0.04 * min(k, 5), 3))
        triggers.append(trig)
        gtd, rule = classify.gtd_attack_type(sent, trig, doc.text)
        mentions.append(Mention(doc_id="", sent_start=sent.start_char, sent_end=sent.end_char,
                                sentence=sent.text, trigger=trig, gtd_attack_type=gtd, gtd_rule=rule))
    return classify.event_class(triggers), classify.gtd_attack_type_for_event(mentions)


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    labels = {g for g, _ in pairs}
    f1s = []
    for lab in labels:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        f1s.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return sum(f1s) / len(f1s) if f1s else 0.0


def run(name: str, rows: list[dict], nlp, show: int) -> dict:
    et_pairs, sub_pairs, shown = [], [], 0
    for row, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=64)):
        lead, (gtd, gtd_rule) = classify_doc(doc)
        g = row["gold"]
        if name == "gtd":
            gold, pred = g["attacktype1"], gtd or "NONE"
        elif name == "asia":
            gold = {"Violence Against Civilians": "Violence against civilians"}.get(g["event_type"], g["event_type"])
            pred = legacy_acled_family(lead.event_type, lead.sub_event_type) if lead else "NONE"
        else:
            gold, pred = g["event_type"], lead.event_type if lead else "NONE"
            sub_pairs.append((g["sub_event_type"], lead.sub_event_type if lead else "NONE"))
        et_pairs.append((gold, pred))
        if gold != pred and shown < show:
            shown += 1
            print(f"  [{gold} -> {pred}] {lead.rule if lead else ''} {gtd_rule or ''} :: {row['text'][:200]!r}")
    out = {"n": len(rows), "accuracy": sum(g == p for g, p in et_pairs) / len(et_pairs),
           "macro_f1": macro_f1(et_pairs),
           "confusion": collections.Counter(f"{g} -> {p}" for g, p in et_pairs if g != p).most_common(12)}
    if sub_pairs:
        out["sub_accuracy"] = sum(g == p for g, p in sub_pairs) / len(sub_pairs)
        out["sub_macro_f1"] = macro_f1(sub_pairs)
        out["sub_confusion"] = collections.Counter(f"{g} -> {p}" for g, p in sub_pairs if g != p).most_common(12)
    return out


def _print(name: str, res: dict) -> None:
    head = {k: (round(v, 3) if isinstance(v, float) else v) for k, v in res.items() if "confusion" not in k}
    print(name, head)
    for key in ("confusion", "sub_confusion"):
        if key in res:
            print("  " + key + ": " + "; ".join(f"{pair} {n}" for pair, n in res[key]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "gold"))
    ap.add_argument("--n", type=int, default=400, help="documents per file (0 = all)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", type=int, default=0, help="print this many errors per file")
    ap.add_argument("--only", choices=sorted(FILES), action="append")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    gold = Path(args.gold)
    if not gold.is_dir():
        print(f"no gold folder at {gold}", file=sys.stderr)
        return 2
    nlp, results = get_nlp(), {}
    for name in args.only or FILES:
        rows = [json.loads(line) for line in open(gold / FILES[name], encoding="utf-8")]
        if args.n:
            rows = random.Random(args.seed).sample(rows, min(args.n, len(rows)))
        results[name] = run(name, rows, nlp, args.show)
        _print(name, results[name])
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
