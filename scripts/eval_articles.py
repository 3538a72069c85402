"""Events precision / recall / F1 of hand-coded whole articles.

    python scripts/eval_articles.py                     # tests/data/articles
    python scripts/eval_articles.py path/to/articles    # a folder of article JSON files

The file format and the matching rule are in ``eventwire.eval.articles``.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from eventwire.eval.articles import score_articles
from eventwire.pipeline import Pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", default=str(Path(__file__).parent.parent / "tests" / "data" / "articles"))
    args = ap.parse_args()
    paths = sorted(Path(args.folder).glob("*.json"))
    s = score_articles(paths, Pipeline.default())
    fmt = lambda x: "-" if x is None else f"{x:.3f}"  # noqa: E731
    print(f"articles {s.articles}: expected events {s.expected}, found {s.found}, matched {s.matched}")
    print(f"precision {fmt(s.precision)}  recall {fmt(s.recall)}  F1 {fmt(s.f1)}")
    print(f"no-event articles yielding events: {len(s.quiet_with_events)} of {s.quiet_articles}"
          + (f" ({', '.join(s.quiet_with_events)})" if s.quiet_with_events else ""))


if __name__ == "__main__":
    main()
