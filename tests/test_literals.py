"""Literal gates give the answers of ``re`` itself, only faster."""
from __future__ import annotations

import importlib
import random
import re

import pytest

from eventwire._literals import AnyOf, GatedPattern, finder, fold, needles, scans
from eventwire.extract._cue_tables import read_table

timing = importlib.import_module("eventwire.extract.timing")


def test_needles_spell_out_small_alternations():
    assert needles(r"\bsince (?:the )?(?:start|onset) of\b", re.I) == {
        "since start of", "since the start of", "since onset of", "since the onset of"}
    assert needles(r"\b(?:funerals?|burial)\b|\bmourners\b") == {"funeral", "burial", "mourners"}
    # the rarer, longer words win over a short common one
    assert needles(r"\b(?:\w+ )?years of (?:war|conflict)\b") == {"years of war", "years of conflict"}


def test_no_needles_where_a_match_needs_no_words():
    assert needles(r"\b\d{1,2}/\d{1,2}\b") == {"/"}
    assert needles(r"\d+ \w+") == {" "}
    assert needles(r"\d+") is None
    assert needles(r"(?:foo|\d+)") is None  # one way to match holds no word
    assert needles(r"(?:foo)?\d") is None


def test_scans_tells_anchored_patterns():
    assert not scans(r"^(?:by|written by)\s+\w+")
    assert not scans(r"(?:^foo)|(?:^bar)")
    assert scans(r"^foo", re.M)
    assert scans(r"(?:^foo)|bar")


def test_fold_keeps_length_and_maps_what_ignorecase_matches():
    text = "İSTANBUL ſince KELVIN \u212a ıt"
    assert len(fold(text)) == len(text)
    for ch in "İıſ\u212aKS":
        base = fold(ch)
        assert re.fullmatch(re.escape(base), ch, re.I), ch


@pytest.mark.parametrize("text", ["ſince 2009 the town", "SINCE 2009", "Sınce 2009", "since\u00a02009"])
def test_gated_search_is_re_search(text):
    gated = GatedPattern(r"\bsince (?:19|20)\d\d\b", re.I)
    plain = re.compile(gated.pattern, re.I)
    got, want = gated.search(text), plain.search(text)
    assert (got and got.span()) == (want and want.span())
    assert [m.span() for m in gated.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_finder_finds_any_string():
    rx = finder(["ad", "advertisement", "news", "newsletter", "|"])
    assert rx.search("a bad day")
    assert rx.search("x | y")
    assert rx.search("the new sletter") is None
    assert finder([]).search("anything") is None


def _texts(patterns: list[str], seed: int = 7) -> list[str]:
    """Texts that hold the patterns' words, in changed case and with the letters that
    IGNORECASE also matches, among words of no pattern."""
    rng = random.Random(seed)
    swaps = {"i": "ıİI", "s": "ſS", "k": "\u212aK"}
    filler = "the police said on tuesday that 12 people were hurt in the town".split()
    out = []
    for p in patterns:
        for n in sorted(needles(p, re.I) or ()):
            for _ in range(3):
                word = "".join(rng.choice(swaps.get(c, c.upper()) + c) if rng.random() < 0.3 else c for c in n)
                words = rng.sample(filler, 5)
                words.insert(rng.randrange(6), word)
                out.append(" ".join(words) + rng.choice([".", " 2019.", " last year.", " since 1990"]))
    return out


@pytest.mark.parametrize("table", ["timing_cues.csv", "article_parts.csv"])
def test_tables_gated_as_re(table):
    patterns = [r["pattern"] for r in read_table(table)]
    texts = _texts(patterns) + ["Subscribe to our newsletter", "By John Smith", "Read more: another story",
                                "He was killed in 1998, years after the war.", "ADVERTISEMENT"]
    for p in patterns:
        gated, plain = GatedPattern(p, re.I), re.compile(p, re.I)
        for text in texts:
            got, want = gated.search(text), plain.search(text)
            assert (got and got.span()) == (want and want.span()), (p, text)
    group = AnyOf(patterns, re.I)
    alternation = re.compile("|".join(f"(?:{p})" for p in patterns), re.I)
    for text in texts:
        assert group.matches(text) == (alternation.search(text) is not None), text


def test_context_cue_gate_passes_every_sentence_with_a_cue():
    context = [r["pattern"] for r in read_table("timing_cues.csv") if r["kind"] not in timing._NOT_CUES]
    alternation = re.compile("|".join(f"(?:{p})" for p in context), re.I)
    gate = timing._any_cue()
    texts = _texts(context)
    assert any(alternation.search(t) for t in texts)
    for text in texts:
        if alternation.search(text):
            assert gate is None or gate.search(fold(text)), text
