#!/usr/bin/env python3
"""Measure actor roles on the development gold (evaluation only; nothing is written).

    nice python scripts/measure_actors.py [--limit 400] [--fill gold|text|none] [--show 20]

For each gold row the first sentence with a trigger (the sentence root of the
first sentence when the classifier finds none) is the event sentence; actors
are found and given roles there. ``{country}`` placeholders, which assemble
fills from the event location, are filled here from the gold country
(``--fill gold``: isolates roles from geo), from the first country named in
the text (``--fill text``) or left empty (``--fill none``). The event type
given to the trigger is the gold one (legacy ACLED "Riots/Protests" split by
violent words), so crowd actors are judged as roles, not as classification.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from collections import Counter
from pathlib import Path

SHARED = Path(os.environ.get("EVENTWIRE_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
GOLD = SHARED / "gold"
FILES = ("acled_asia2015_dev.jsonl", "acled_global202005_dev.jsonl", "gtd2021q1_dev.jsonl")
LEGACY = {"Battle-No change of territory": "Battles", "Battle-Government regains territory": "Battles",
          "Battle-Non-state actor overtakes territory": "Battles",
          "Remote violence": "Explosions/Remote violence", "Violence Against Civilians": "Violence against civilians",
          "Strategic development": "Strategic developments"}
REPORTING = {"report", "say", "observe", "claim", "state", "confirm", "allege", "announce"}
VIOLENT = {"clash", "attack", "vandalise", "vandalize", "torch", "burn", "pelt", "stone", "injure",
           "damage", "ransack", "beat", "assault", "hurl", "set", "scuffle", "loot", "thrash", "lathi"}


def _event_type(gold: dict, sent) -> str:
    et = gold.get("event_type") or "Violence against civilians"
    if et == "Riots/Protests":
        return "Riots" if any(t.lemma_.lower() in VIOLENT for t in sent) else "Protests"
    return LEGACY.get(et, et)


def _event_sentence(doc, use_classifier: bool = True):
    from eventwire.extract import classify
    from eventwire.records import Trigger

    for sent in (doc.sents if use_classifier else ()):
        try:
            found = classify.find_triggers(sent)
        except Exception:  # the classifier may be mid-change; fall back to the root
            found = []
        if found:
            return sent, found[0]
    sent = next(doc.sents)
    root = sent.root
    if root.lemma_ in REPORTING:  # "HPG reported that ... forces conducted airstrikes"
        root = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp")), root)
    return sent, Trigger(root.text, root.idx, root.idx + len(root), "", "", "root")


def _fill(actor, country):
    from eventwire.assemble._assemble import _fill_country
    from eventwire.records import Location

    loc = Location(name=country, country=country, iso3=None) if country else None
    return _fill_country(actor, loc)


def _text_country(doc):
    from eventwire.extract.actors import _sentence_country
    from eventwire.resources.actors import load_actors

    return _sentence_country(next(doc.sents), load_actors())


def measure(path: Path, limit: int, fill: str, show: int, use_classifier: bool = True,
            role: str = "actor1") -> dict:
    from dataclasses import replace

    from eventwire.extract.actors import assign_roles, find_actors
    from eventwire.nlp import get_nlp
    from eventwire.resources.actors import same_actor

    rows = [json.loads(line) for line in open(path, encoding="utf-8")][:limit]
    nlp = get_nlp()
    score, misses = Counter(), []
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows)):
        gold = row["gold"]
        sent, trigger = _event_sentence(doc, use_classifier)
        trigger = replace(trigger, event_type=_event_type(gold, sent))
        a1, a2 = assign_roles(sent, trigger, find_actors(sent))
        country = {"gold": gold.get("country"), "text": _text_country(doc), "none": None}[fill]
        n1 = _fill(a1, country).name if a1 else None
        n2 = _fill(a2, country).name if a2 else None
        score["n"] += 1
        if "gname" in gold:
            ok = same_actor(n1 or "Unknown", gold["gname"] or "Unknown")
            score["gname"] += ok
            if not ok:
                misses.append((gold["gname"], n1, sent.text[:140]))
            continue
        ok1 = same_actor(n1, gold["actor1"]) if n1 else gold["actor1"] is None
        ok2 = same_actor(n2, gold["actor2"]) if (n2 and gold["actor2"]) else n2 == gold["actor2"]
        score["actor1"] += ok1
        score["actor2"] += ok2
        if not (ok2 if role == "actor2" else ok1):
            pair = (gold["actor2"], n2) if role == "actor2" else (gold["actor1"], n1)
            misses.append((*pair, f"[{trigger.text}] " + sent.text[:140]))
    for gold_name, got, text in misses[:show]:
        print(f"  gold={gold_name!r} got={got!r}\n     {text}")
    n = score.pop("n")
    return {"file": path.name, "n": n, **{k: round(v / n, 3) for k, v in score.items()}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=400)
    ap.add_argument("--fill", choices=("gold", "text", "none"), default="gold")
    ap.add_argument("--show", type=int, default=0, help="print the first N misses")
    ap.add_argument("--role", choices=("actor1", "actor2"), default="actor1", help="misses of which role")
    ap.add_argument("--files", nargs="*", default=list(FILES))
    ap.add_argument("--trigger", choices=("classifier", "root"), default="classifier",
                    help="event trigger: the classifier's (root of the first sentence when none) or the root")
    args = ap.parse_args(argv)
    if not GOLD.is_dir():
        print(f"no gold data at {GOLD}", file=sys.stderr)
        return 0
    warnings.filterwarnings("ignore")
    for name in args.files:
        print(json.dumps(measure(GOLD / name, args.limit, args.fill, args.show,
                                    args.trigger == "classifier", args.role)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
