"""Relevance prefilter: drop articles with no sign of political violence or protest
before the (costly) parse.

A lexicon of conflict vocabulary (``data/relevance_terms.csv``, written from
the ACLED and GTD codebooks' event definitions) is looked up in the lower-cased
title and text. Each term has a group (harm, combat, weapon, abduction,
protest, riot, actor, security) and a weight: 1 for words that are enough
alone ("gunmen", "protesters", "killed"), 0.5 for words that sports, business
and weather news use as metaphors ("attack", "clash", "shot", "strike",
"rally"). An article is kept when the best weight of each group it touches
reaches the threshold (1.0): one strong word, or two weak words close
together (``window``) whose groups are a pair of ``data/relevance.toml``
("shot" and "police" in one sentence; not "attack" and "injured", as in a
match report, nor "rally" and "shot", as in a market report).

The filter favours recall: a missed event is lost for good, a kept sports
report costs one parse and yields no event. Every decision is logged (INFO
for drops, DEBUG for keeps) with its score and the words behind it.
"""
from __future__ import annotations

import bisect
import csv
import functools
import logging
import re
from dataclasses import dataclass
from typing import Iterable

from .errors import ConfigError
from .ingest import normalised_text
from .records import Document

log = logging.getLogger("eventwire.prefilter")

__all__ = ["Decision", "Prefilter", "default_prefilter"]

TERMS_FILE = "relevance_terms.csv"
SETTINGS_FILE = "relevance.toml"
THRESHOLD = 1.0
WINDOW = 20
NEAR = 8
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# the end of a sentence: "near" pairs do not reach across it ("...from local families. The
# film was a battle..."); an abbreviation's stop ("Mr. Khan") only makes a pair less likely
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]\u201d\u2019]*\s+")


@dataclass(frozen=True, slots=True)
class Term:
    words: tuple[str, ...]  # the last character of a word may be "*" (any ending)
    weight: float
    group: str


@dataclass(frozen=True, slots=True)
class Decision:
    keep: bool
    score: float
    terms: tuple[str, ...]  # the matched terms, in order of first appearance

    def reason(self) -> str:
        found = ", ".join(self.terms) if self.terms else "no conflict vocabulary"
        return f"relevance {self.score:.1f} below the threshold ({found})"


def _window_score(matches: list[tuple[int, int, str, float]], pairs: frozenset, near_pairs: frozenset,
                  near: int) -> float:
    """The best of ``matches`` (word position, sentence, group, weight) alone, or of two of
    them whose groups are a pair, added up; a "near" pair counts within one sentence only."""
    best = max(weight for *_, weight in matches)
    for k, (at_a, sentence_a, group_a, weight_a) in enumerate(matches):
        for at_b, sentence_b, group_b, weight_b in matches[k + 1:]:
            pair = frozenset((group_a, group_b))
            if pair in pairs or (pair in near_pairs and abs(at_b - at_a) <= near
                                 and sentence_a == sentence_b):
                best = max(best, weight_a + weight_b)
    return best


def _word_matches(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


class Prefilter:
    """Keeps documents whose words say they may report a conflict event."""

    def __init__(self, terms: list[Term], threshold: float = THRESHOLD, window: int = WINDOW,
                 pairs: Iterable[tuple[str, str]] = (), near_pairs: Iterable[tuple[str, str]] = (),
                 near: int = NEAR, non_human: Iterable[str] = (), non_human_span: int = 0) -> None:
        self.threshold, self.window, self.near = threshold, window, near
        self.non_human, self.non_human_span = frozenset(non_human), non_human_span
        self.pairs = frozenset(frozenset(p) for p in pairs)
        self.near_pairs = frozenset(frozenset(p) for p in near_pairs)
        self._exact: dict[str, list[Term]] = {}
        self._prefix: dict[str, list[Term]] = {}
        for term in terms:
            first = term.words[0]
            if first.endswith("*"):
                self._prefix.setdefault(first[:-1], []).append(term)
            else:
                self._exact.setdefault(first, []).append(term)
        self._prefix_sizes = sorted({len(p) for p in self._prefix})
        self._cache: dict[str, tuple[Term, ...]] = {}

    def _candidates(self, word: str) -> tuple[Term, ...]:
        """Terms that can start at ``word`` (memoised: news repeats its words)."""
        hit = self._cache.get(word)
        if hit is None:
            found = list(self._exact.get(word, ()))
            for size in self._prefix_sizes:
                if size > len(word):
                    break
                found.extend(self._prefix.get(word[:size], ()))
            hit = tuple(found)
            if len(self._cache) < 200_000:
                self._cache[word] = hit
        return hit

    def _starts(self, words: list[str]) -> list[tuple[int, tuple[Term, ...]]]:
        """(position, terms) of the words that can start a term, in order. Most words of an
        article start none: one pass of dictionary lookups in a comprehension finds the few
        that do (a dropped article costs this pass and little more)."""
        cache = self._cache
        for word in set(words).difference(cache):
            self._candidates(word)
        if len(cache) >= 200_000:  # a full cache: the words it lacks are looked up one by one
            return [(i, c) for i, c in ((i, self._candidates(w)) for i, w in enumerate(words)) if c]
        return [(i, c) for i, w in enumerate(words) if (c := cache[w])]

    def decide(self, document: Document) -> Decision:
        text = f"{document.title}\n{document.text}" if document.title else document.text
        # a soft hyphen or zero-width space inside a word must not hide it (ingest.normalise)
        words: list[str] = []
        ends: list[int] = []  # the number of words up to the end of each sentence
        for sentence in _SENTENCE_END.split(normalised_text(text).lower()):
            words.extend(_WORD.findall(sentence))
            ends.append(len(words))
        recent: list[tuple[int, int, str, float]] = []  # matches: (word, sentence, group, weight)
        matched: list[str] = []
        best_score = 0.0
        for i, terms in self._starts(words):
            for term in terms:
                n = len(term.words)
                if n > 1 and (i + n > len(words) or not all(
                        _word_matches(p, w) for p, w in zip(term.words[1:], words[i + 1:i + n]))):
                    continue
                if term.group == "harm" and self._said_of_non_human(words, i, n):
                    continue
                label = " ".join(words[i:i + n])
                if label not in matched:
                    matched.append(label)
                recent = [m for m in recent if i - m[0] <= self.window]
                recent.append((i, bisect.bisect_right(ends, i), term.group, term.weight))
                score = _window_score(recent, self.pairs, self.near_pairs, self.near)
                best_score = max(best_score, score)
                if score >= self.threshold:
                    return Decision(True, score, tuple(matched))
        return Decision(False, best_score, tuple(matched))

    def _said_of_non_human(self, words: list[str], i: int, n: int) -> bool:
        """A harm word next to an organism that is not a person ("bacteria were killed")."""
        span = self.non_human_span
        return bool(self.non_human) and any(
            w in self.non_human for w in words[max(0, i - span):i] + words[i + n:i + n + span])

    def keep(self, document: Document) -> bool:
        """The decision for ``document``, logged. Coded notes (``profile="notes"``) are
        event descriptions by construction: they are always kept."""
        if document.profile == "notes":
            log.debug("prefilter: kept %s (notes profile)", document.id)
            return True
        decision = self.decide(document)
        if decision.keep:
            log.debug("prefilter: kept %s (relevance %.1f: %s)", document.id, decision.score,
                      ", ".join(decision.terms))
        else:
            log.info("prefilter: dropped %s: %s", document.id, decision.reason())
        return decision.keep


def read_terms(path) -> list[Term]:
    """Terms of a lexicon file: a ``#`` provenance line, then ``term,weight,group`` rows."""
    try:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
                 if ln.strip() and not ln.startswith("#")]
    except OSError as exc:
        raise ConfigError(f"cannot read the relevance lexicon {path}: {exc}") from exc
    terms = []
    for n, row in enumerate(csv.DictReader(lines), 2):
        try:
            terms.append(Term(tuple(row["term"].lower().split()), float(row["weight"]), row["group"]))
        except (KeyError, ValueError, AttributeError) as exc:
            raise ConfigError(f"{path}: row {n} is not term,weight,group ({exc})") from exc
    if not terms:
        raise ConfigError(f"{path}: no terms")
    return terms


@functools.lru_cache(maxsize=1)
def default_prefilter() -> Prefilter:
    """The prefilter over the packaged lexicon (built once per process)."""
    import tomllib

    from .resources import data_path

    try:
        settings = tomllib.loads(data_path(SETTINGS_FILE).read_text(encoding="utf-8"))
        return Prefilter(read_terms(data_path(TERMS_FILE)), float(settings["threshold"]),
                         int(settings["window"]), [tuple(p) for p in settings["pairs"]],
                         [tuple(p) for p in settings.get("near_pairs", ())], int(settings.get("near", NEAR)),
                         settings.get("non_human", ()), int(settings.get("non_human_span", 0)))
    except (OSError, KeyError, ValueError, TypeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"relevance prefilter settings {SETTINGS_FILE}: {exc}") from exc
