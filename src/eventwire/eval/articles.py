"""Hand-coded articles: events precision and recall of whole news articles.

An article file is JSON: ``id``, ``published``, ``title``, ``text`` and
``expected.events``, each expected event giving some of ``event_type``,
``sub_event_type``, ``date``, ``fatalities`` and ``location`` (a word the
event's place must contain) and ``actor1`` (words its actor1 must contain).
An empty list marks an article that reports no event (an anniversary, an
analysis, a sports report). ``tests/data/articles`` holds eventwire's own.

A found event matches an expected one when event type, date and location all
agree (each where the expected event gives it); matching is one to one.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..records import Document, Event
from ._score import system_count

__all__ = ["ArticleScore", "agrees", "article_document", "read_article", "score_articles", "value"]

# The fields that tell one event of an article from another.
_IDENTITY = ("event_type", "date", "location")


def read_article(path: str | Path) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def article_document(article: dict[str, Any]) -> Document:
    return Document(id=article["id"], text=article["text"], published=dt.date.fromisoformat(article["published"]),
                    title=article.get("title"))


def value(event: Event, name: str) -> Any:
    """An event's value for an expected field, as exports and eval code it."""
    if name == "date":
        return event.event_date.isoformat() if event.event_date else None
    if name == "fatalities":  # best, else the lower bound, else 0 (no figure stated)
        return system_count(event.fatalities)
    if name == "location":
        loc = event.location
        # admin3 holds the city of a neighbourhood ("Englewood" lies in Chicago)
        return " ".join(filter(None, (loc.name, loc.text, loc.admin1, loc.admin2, loc.admin3))) if loc else ""
    if name == "actor1":
        return event.actor1.name if event.actor1 else ""
    return getattr(event, name)


def agrees(event: Event, name: str, want: Any) -> bool:
    got = value(event, name)
    if name in ("location", "actor1"):
        return str(want).lower() in (got or "").lower()
    return got == want


def _same_event(event: Event, want: dict[str, Any]) -> bool:
    return all(agrees(event, k, want[k]) for k in _IDENTITY if k in want)


@dataclass(frozen=True, slots=True)
class ArticleScore:
    articles: int
    expected: int  # events hand-coded
    found: int  # events the pipeline gave
    matched: int
    quiet_articles: int  # articles that report no event
    quiet_with_events: list[str]  # ids of those that yielded events anyway

    @property
    def precision(self) -> float | None:
        return self.matched / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.expected if self.expected else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else None


def _matched(events: list[Event], expected: list[dict[str, Any]]) -> int:
    free = list(events)
    n = 0
    for want in expected:
        hit = next((e for e in free if _same_event(e, want)), None)
        if hit is not None:
            free.remove(hit)
            n += 1
    return n


def score_articles(paths: Iterable[str | Path], pipeline) -> ArticleScore:
    expected = found = matched = quiet = 0
    noisy: list[str] = []
    n = 0
    for path in paths:
        article = read_article(path)
        want = article["expected"]["events"]
        events = pipeline.process(article_document(article)).events
        n += 1
        expected += len(want)
        found += len(events)
        matched += _matched(events, want)
        if not want:
            quiet += 1
            if events:
                noisy.append(article["id"])
    return ArticleScore(n, expected, found, matched, quiet, noisy)
