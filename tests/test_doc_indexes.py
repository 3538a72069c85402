"""Indexes built once per document answer what a pass over the document answered.

Coding time must grow linearly with an article's length: the questions every mention
asks (is this offset in an event sentence, which places does this sentence hold, what is
this place's chain) are answered from indexes. These tests hold the indexes to the plain
definitions they replace.
"""
from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from eventwire.geo._locate import _Chains
from eventwire.nlp import covered


def test_covered_is_any_span_holding_the_offset():
    rng = random.Random(5)
    for _ in range(200):
        spans = []
        for _ in range(rng.randint(0, 8)):
            start = rng.randint(0, 60)
            spans.append((start, start + rng.randint(-2, 15)))  # empty and reversed spans hold nothing
        test = covered(spans)
        for offset in range(-2, 80):
            assert test(offset) == any(s <= offset < e for s, e in spans), (spans, offset)


def _place(start: int, sent_start: int, qualifier_of: int | None = None, iso2: str | None = "PK",
           label: str = "GPE", code: str = "PPL"):
    toponym = SimpleNamespace(start=start, sent_start=sent_start, qualifier_of=qualifier_of, label=label, link=None)
    entry = None if iso2 is None else SimpleNamespace(iso2=iso2, feature_code=code, name=f"p{start}")
    return SimpleNamespace(toponym=toponym, entry=entry)


@pytest.fixture()
def places():
    # "Mushkaf, Kachhi, Balochistan (Pakistan) ... Jalalabad, Afghanistan ... Paris"
    return [_place(10, 0), _place(19, 0, 0), _place(27, 0, 0, code="ADM1"), _place(40, 0, 0, iso2="AF"),
            _place(80, 70), _place(90, 70, 4, iso2="AF", code="PCLI"), _place(75, 70, iso2=None),
            _place(120, 100, label="NORP", iso2="FR")]


def test_chains_match_their_definition(places):
    index = _Chains(places)
    for i, r in enumerate(places):
        head = i if r.toponym.qualifier_of is None else r.toponym.qualifier_of
        chain = [j for j in range(len(places)) if j == head or places[j].toponym.qualifier_of == head]
        assert index.chain(i) == chain
        others = {places[j].entry.iso2 for j in chain if j != i and places[j].entry is not None
                  and places[j].toponym.label != "NORP"}
        assert index.off_chain(i) == (bool(others) and r.entry is not None and r.entry.iso2 not in others)
    assert index.off_chain(3) and not index.off_chain(0)  # Jalalabad is not in Pakistan


def test_places_of_a_sentence_in_list_order(places):
    index = _Chains(places)
    for start, end in ((0, 70), (70, 100), (0, 200), (85, 86), (100, 120)):
        assert index.between(start, end) == [i for i, r in enumerate(places) if start <= r.toponym.start < end]


def _breaks_one_by_one(doc):
    """The paragraph and dateline rule set token by token (the definition)."""
    from eventwire.nlp._paragraphs import _breaks, _may_follow

    starts, dateline = _breaks(doc.text)
    k = 0
    for tok in doc[1:]:
        while k < len(starts) and starts[k] <= doc[tok.i - 1].idx:
            k += 1
        if k < len(starts) and not tok.is_space and tok.idx >= starts[k]:
            tok.is_sent_start = True
        elif (dateline is not None and dateline[0] < tok.idx < dateline[1]) or not _may_follow(doc[tok.i - 1]):
            tok.is_sent_start = False
    return [t.is_sent_start for t in doc]


@pytest.mark.parametrize("text", [
    "SRINAGAR, May 5 - Two Indian soldiers were killed in a gunfight on Sunday.\n\nPolice said",
    "Bomb kills 11 in Quetta\n\nQUETTA, March 11 (Reuters) - A suicide bomber struck a rally. "
    "Eleven died; dozens were hurt\n\n\"We heard the blast,\" a witness said.\nNo group claimed it",
    "one line only",
])
def test_paragraph_breaks_set_at_once_as_one_by_one(nlp, text):
    from eventwire.nlp._paragraphs import ParagraphBreaks

    assert [t.is_sent_start for t in ParagraphBreaks()(nlp.make_doc(text))] == \
        _breaks_one_by_one(nlp.make_doc(text))


_TEXT = ("Gunmen killed three villagers near the market on Tuesday, police said. "
         "No one else was hurt.\n\nProtesters marched in the capital; nobody claimed the attack.")


def test_token_table_holds_each_tokens_attributes(nlp):
    from eventwire.nlp import words

    doc = nlp(_TEXT)
    w = words(doc)
    assert words(doc) is w  # built once per document
    for t in doc:
        assert (w.lower[t.i], w.lemma[t.i], w.pos[t.i], w.dep[t.i], w.head[t.i]) == \
            (t.lower_, t.lemma_.lower(), t.pos_, t.dep_, t.head.i)
        assert (w.ent_type[t.i], w.idx[t.i], w.is_space[t.i]) == (t.ent_type_, t.idx, t.is_space)
    other = nlp("Rebels attacked a convoy.")
    assert words(other).lower == [t.lower_ for t in other]  # another document, its own table


def test_span_text_is_the_spans_text(nlp):
    from eventwire.nlp import span_text

    doc = nlp(_TEXT)
    for span in list(doc.sents) + [doc[2:7], doc[0:1], doc[len(doc) - 3:]]:
        assert span_text(span) == span.text


def test_party_kinds_are_read_per_document(nlp):
    from eventwire.extract.classify import _token_kinds

    first = nlp("Soldiers fired on the protesters.")
    second = nlp("Civilians fled the village.")
    assert "state" in _token_kinds(first[0])
    assert "state" not in _token_kinds(second[0])  # token 0 of another document is another word
    kinds = _token_kinds(first[0])
    kinds.add("changed")
    assert "changed" not in _token_kinds(first[0])  # the caller's copy, not the remembered one


def test_context_cue_scan_answers_as_cue_by_cue():
    from eventwire.extract.timing import _NOT_CUES, _cues, context_cue

    found = []
    for sentence in ("Gunmen killed three people on Tuesday.",
                     "It was the deadliest attack since 2009.",
                     "At least 40 people have been killed since January 2023 in the district.",
                     "The minister launched a harsh attack on the opposition."):
        plain = None
        spared = [m.span() for kind, rx in _cues() if kind == "not_context" for m in rx.finditer(sentence)]
        attacked = any(kind == "not_accident" and rx.search(sentence) for kind, rx in _cues())
        for kind, rx in _cues():
            if plain is not None or kind in _NOT_CUES or \
                    (kind == "accident" and attacked):
                continue
            m = next((m for m in rx.finditer(sentence)
                      if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e in spared)), None)
            plain = (kind, m.group()) if m else None
        assert context_cue(sentence) == plain, sentence
        found.append(plain)
    assert found[0] is None and found[2] is not None and found[3] is not None  # both ways are tested
