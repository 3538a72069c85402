"""Hand-written articles (tests/data/articles): the article's own events, one per incident.

Each article says what an ACLED-style coder takes from it; non-event articles
(anniversary, analysis, weekly tally, a trial about an old case) expect no
event. Fields an expected event lists under ``not_yet`` are known gaps, shown
as xfail so that they are seen, not silently dropped; an article whose
``not_yet`` lists ``events`` has a known gap in how many events it yields.
``scripts/eval_articles.py`` scores the same files as precision and recall.
"""
from pathlib import Path

import pytest

from eventwire.eval.articles import agrees as _agrees, article_document, read_article, value as _value
from eventwire.pipeline import Pipeline

ARTICLES = sorted((Path(__file__).parent / "data" / "articles").glob("*.json"))


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline.default()


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_article_events(pipeline, path):
    article = read_article(path)
    expected = article["expected"]["events"]
    events = pipeline.process(article_document(article)).events
    found = [(e.event_type, e.event_date, e.location and e.location.name) for e in events]
    gaps = []
    if "events" in article.get("not_yet", ()):  # the number of events is a known gap
        assert len(events) != len(expected), "the number of events is now right: take it out of not_yet"
        gaps.append(f"events: want {len(expected)}, got {found}")
        if not events or not expected:
            pytest.xfail("; ".join(gaps))
    else:
        assert len(events) == len(expected), found
    for want in expected:
        # the event of this place and date (articles with two events differ in one of them)
        match = max(events, key=lambda e: sum(_agrees(e, k, v) for k, v in want.items()
                                                  if k in ("date", "location") and k not in want.get("not_yet", ())))
        if want.get("first") and "first" in want.get("not_yet", ()):
            assert match is not events[0], "first is now right: take it out of not_yet"
            gaps.append(f"first: the main incident is not first in {found}")
        elif want.get("first"):  # the article's main incident leads the events, as a user gets them
            assert match is events[0], found
        for name, value in want.items():
            if name in ("not_yet", "first"):
                continue
            if name in want.get("not_yet", ()):
                # a known gap that is now closed must leave not_yet, so the file says what is true
                assert not _agrees(match, name, value), f"{name} is now right: take it out of not_yet"
                gaps.append(f"{name}: want {value!r}, got {_value(match, name)!r}")
                continue
            assert _agrees(match, name, value), f"{name}: want {value!r}, got {_value(match, name)!r}"
    if gaps:
        pytest.xfail("; ".join(gaps))


def test_score_articles_counts_matches_and_quiet_articles(pipeline):
    from eventwire.eval.articles import score_articles

    folder = Path(__file__).parent / "data" / "articles"
    paths = [folder / "memphis-nightclub-shooting.json", folder / "anniversary-peshawar.json"]
    s = score_articles(paths, pipeline)
    assert (s.articles, s.expected, s.quiet_articles) == (2, 1, 1)
    assert s.matched == 1 and s.recall == 1.0 and s.precision == 1 / s.found
    assert s.quiet_with_events == ([] if s.found == 1 else ["anniversary-peshawar"])


UNSEEN = Path(__file__).parent / "data" / "articles_unseen"


def test_articles_held_apart_keep_their_figure(pipeline):
    """tests/data/articles_unseen: articles coded before eventwire was run on them. Events F1
    0.774 when measured (precision 0.750, recall 0.800), one of its three non-event articles
    (the funeral) yielding an event; the floor is that figure less 0.05."""
    from eventwire.eval.articles import score_articles

    s = score_articles(sorted(UNSEEN.glob("*.json")), pipeline)
    assert s.articles >= 14 and s.quiet_articles == 3
    assert s.f1 is not None and s.f1 >= 0.72, (s.precision, s.recall, s.f1)
    assert len(s.quiet_with_events) <= 1, s.quiet_with_events


UNSEEN_2 = Path(__file__).parent / "data" / "articles_unseen2"


def test_second_set_held_apart_keeps_its_figure(pipeline):
    """tests/data/articles_unseen2: eight articles coded before eventwire was run on them.
    Events F1 0.533 at their first measure (precision 0.444, recall 0.667, the anniversary
    yielding its old bombing); 0.833 after the rules their misses pointed to (see the folder's
    README). The floor is the later figure less 0.05."""
    from eventwire.eval.articles import score_articles

    s = score_articles(sorted(UNSEEN_2.glob("*.json")), pipeline)
    assert s.articles >= 8 and s.quiet_articles == 2
    assert s.f1 is not None and s.f1 >= 0.78, (s.precision, s.recall, s.f1)
    assert not s.quiet_with_events, s.quiet_with_events


UNSEEN_3 = Path(__file__).parent / "data" / "articles_unseen3"


def test_third_set_held_apart_keeps_its_figure(pipeline):
    """tests/data/articles_unseen3: ten articles coded before eventwire was run on them.
    Events F1 0.429 at their first measure (precision 0.375, recall 0.500); 0.560 after the
    rules their misses pointed to (see the folder's README). The floor is the later figure
    less 0.05."""
    from eventwire.eval.articles import score_articles

    s = score_articles(sorted(UNSEEN_3.glob("*.json")), pipeline)
    assert s.articles >= 10 and s.quiet_articles == 1
    assert s.f1 is not None and s.f1 >= 0.51, (s.precision, s.recall, s.f1)
    assert not s.quiet_with_events, s.quiet_with_events



@pytest.mark.parametrize("folder,floor,quiet_clean", [
    ("articles_unseen4", 0.95, True),
    ("articles_unseen5", 0.95, True),
    ("articles_unseen6", 0.76, True),
    ("articles_unseen7", 0.85, True),
    ("articles_unseen8", 0.89, True),
    ("articles_unseen9", 0.95, True),
    ("articles_unseen10", 0.83, True),
    ("articles_unseen11", 0.95, True),
    ("articles_unseen12", 0.82, True),
    ("articles_unseen13", 0.95, True),
    ("articles_unseen14", 0.95, True),
    ("articles_unseen15", 0.87, True),
    ("articles_unseen16", 0.95, True),
    ("articles_unseen17", 0.95, True),
    ("articles_unseen18", 0.67, True),  # measured only: the first measure less 0.05
    ("articles_unseen19", 0.95, True),
    ("articles_unseen20", 0.87, True),
    ("articles_unseen21", 0.86, True),
    ("articles_unseen22", 0.90, True),
    ("articles_unseen23", 0.85, True),
    ("articles_unseen24", 0.76, True),  # measured only: the first measure less 0.05
    ("articles_unseen25", 0.95, True),
    ("articles_unseen26", 0.91, True),
    ("articles_unseen27", 0.87, True),
    ("articles_unseen28", 0.95, True),
    ("articles_unseen29", 0.78, True),  # measured only: the first measure less 0.05
    ("articles_unseen30", 0.71, True),  # measured only: the first measure less 0.05
])
def test_later_sets_held_apart_keep_their_figure(pipeline, folder, floor, quiet_clean):
    """The fifth to thirty-first sets, each coded and committed before eventwire was run on it
    (first measures 0.444, 0.727, 0.364, 0.640, 0.778, 0.720, 0.526, 0.720, 0.462, 0.857, 0.812,
    0.800, 0.727, 0.750, 0.727, 0.692, 0.769, 0.833, 0.762, 0.727, 0.818, 0.727, 0.846, 0.786, 0.870,
    0.833 and 0.762 F1; see
    each folder's README). The floor is the figure after the rules their misses pointed to, less 0.05."""
    from eventwire.eval.articles import score_articles

    s = score_articles(sorted((Path(__file__).parent / "data" / folder).glob("*.json")), pipeline)
    assert s.f1 is not None and s.f1 >= floor, (s.precision, s.recall, s.f1)
    if quiet_clean:
        assert not s.quiet_with_events, s.quiet_with_events
