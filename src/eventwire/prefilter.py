"""Relevance prefilter: drop articles with no sign of political violence or protest
before the (costly) parse.

A lexicon of conflict vocabulary (``data/relevance_terms.csv``, written from
the ACLED and GTD codebooks' event definitions) is looked up in the lower-cased
title and text. Each term has a group (harm, combat, weapon, abduction,
protest, riot, actor, security) and a weight: 1 for words that are enough
alone ("gunmen", "protesters", "killed"), 0.5 for words that sports, business
and weather news use as metaphors ("attack", "clash", "shot", "strike",
"rally"). An article is kept when the best weight of each group it touches
adds up to at least the threshold (1.0): one strong word, or weak words
from two different groups ("shot" and "police"; not "attack" and "clash").

The filter favours recall: a missed event is lost for good, a kept sports
report costs one parse and yields no event. Every decision is logged (INFO
for drops, DEBUG for keeps) with its score and the words behind it.
"""
from __future__ import annotations

import csv
import functools
import logging
import re
from dataclasses import dataclass

from .errors import ConfigError
from .records import Document

log = logging.getLogger("eventwire.prefilter")

__all__ = ["Decision", "Prefilter", "default_prefilter"]

TERMS_FILE = "relevance_terms.csv"
THRESHOLD = 1.0
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


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
        return f"relevance {self.score:.1f} < {THRESHOLD:.1f} ({found})"


def _word_matches(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


class Prefilter:
    """Keeps documents whose words say they may report a conflict event."""

    def __init__(self, terms: list[Term], threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
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

    def decide(self, document: Document) -> Decision:
        text = f"{document.title}\n{document.text}" if document.title else document.text
        words = _WORD.findall(text.lower())
        best: dict[str, float] = {}
        matched: list[str] = []
        for i, word in enumerate(words):
            for term in self._candidates(word):
                n = len(term.words)
                if n > 1 and (i + n > len(words) or not all(
                        _word_matches(p, w) for p, w in zip(term.words[1:], words[i + 1:i + n]))):
                    continue
                label = " ".join(words[i:i + n])
                if label not in matched:
                    matched.append(label)
                if term.weight > best.get(term.group, 0.0):
                    best[term.group] = term.weight
                    score = sum(best.values())
                    if score >= self.threshold:
                        return Decision(True, score, tuple(matched))
        return Decision(False, sum(best.values()), tuple(matched))

    def keep(self, document: Document) -> bool:
        """The decision for ``document``, logged."""
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
    from .resources import data_path

    return Prefilter(read_terms(data_path(TERMS_FILE)))
