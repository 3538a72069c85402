"""The indexed attribute ruler and lemma index give the stock components' annotations."""
from __future__ import annotations

import itertools
import json
import os
import pickle
from pathlib import Path

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from eventwire.nlp._fast import CachedLemmatizer, IndexedAttributeRuler, set_lemma_index, speed_up
from eventwire.nlp._pipeline import DEFAULT_MODEL

REPO = Path(__file__).resolve().parents[1]
GOLD = Path(os.environ.get("EVENTWIRE_SHARED", REPO.parent / "shared")) / "gold"

# Forms that the model's word exceptions and two-token patterns are about.
HARD = [
    "I ain't gonna do it, y'all. Let's go. C'mon, nothin' doin'.  \n\n He said it ain't so; we gotta leave.",
    "There is a man. There are two. I do. Did you have it? I'd have done it. It isn't, is it? You and I saw it.",
    "But he said that, because the police, while they were there, did not arrest them. Whether it was so, who knows.",
    "Y all came, then y'all left.\tThey'd've gone.   Who'd that be? Gon na go, got ta go.",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def stock():
    return spacy.load(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def indexed():
    return speed_up(spacy.load(DEFAULT_MODEL))


def _texts(gold: Path | None) -> list[str]:
    texts = list(HARD)
    with (REPO / "benchmarks" / "data" / "nonconflict_news.jsonl").open(encoding="utf-8") as fh:
        texts += [json.loads(line)["text"] for line in itertools.islice(fh, 120)]
    texts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "tests" / "data" / "articles").glob("*.txt"))]
    if gold is not None:
        for name in ("gvc_dev.jsonl", "muc4_dev.jsonl"):
            with (gold / "news" / name).open(encoding="utf-8") as fh:
                texts += [json.loads(line)["text"] for line in itertools.islice(fh, 80)]
    return texts


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def test_the_stand_ins_are_in_place(indexed):
    assert isinstance(indexed.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert isinstance(indexed.get_pipe("lemmatizer"), CachedLemmatizer)
    assert indexed.pipe_names == spacy.load(DEFAULT_MODEL).pipe_names


def test_the_lemmatizer_stand_in_shows_the_stock_tables(stock, indexed):
    # what reads the model's word list (the case-blind name rulers) reads it through the stand-in
    stand_in, original = indexed.get_pipe("lemmatizer"), stock.get_pipe("lemmatizer")
    assert stand_in.mode == original.mode == "rule"
    assert stand_in.lookups.tables == original.lookups.tables
    assert set(stand_in.lookups.get_table("lemma_index")["noun"]) >= {"time", "massacre", "alliance"}


def test_same_annotations_as_the_stock_components(stock, indexed):
    texts = _texts(GOLD if GOLD.is_dir() else None)  # real news too, where the dev gold is here
    assert len(texts) > 120
    differing = [i for i, (a, b) in enumerate(zip(stock.pipe(texts), indexed.pipe(texts)))
                 if _annotations(a) != _annotations(b)]
    assert differing == []


def test_every_pattern_kind_of_the_model_is_indexed(stock):
    ruler = IndexedAttributeRuler(stock.get_pipe("attribute_ruler"))
    kinds = {len(p["patterns"][0]) for p in stock.get_pipe("attribute_ruler").patterns}
    assert kinds == {1, 2}
    assert ruler._longer and ruler._single


def test_a_pattern_it_cannot_index_leaves_the_stock_ruler(stock):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "big", "OP": "+"}]], {"POS": "ADJ"})
    assert IndexedAttributeRuler.replace(nlp) is False
    assert type(nlp.get_pipe("attribute_ruler")) is AttributeRuler


def test_later_patterns_win_and_index_picks_the_token():
    def build(indexed_form: bool):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("attribute_ruler")
        ruler.add([[{"LOWER": "red"}]], {"POS": "ADJ", "LEMMA": "first"})
        ruler.add([[{"LOWER": {"IN": ["red", "blue"]}}]], {"LEMMA": "second"})
        ruler.add([[{"LOWER": "the"}, {"LOWER": {"REGEX": "^r"}}]], {"POS": "NOUN"}, index=-1)
        ruler.add([[{"IS_SPACE": True}]], {"TAG": "_SP"})
        if indexed_form:
            assert IndexedAttributeRuler.replace(nlp)
        return nlp

    text = "the red car and  the blue one, red"
    a, b = build(False)(text), build(True)(text)
    assert [(t.pos_, t.lemma_, t.tag_) for t in a] == [(t.pos_, t.lemma_, t.tag_) for t in b]
    assert b[1].pos_ == "NOUN" and b[1].lemma_ == "second" and b[-1].pos_ == "ADJ"


def test_the_lemma_index_answers_membership_and_serialises_as_before():
    stock, nlp = spacy.load(DEFAULT_MODEL), spacy.load(DEFAULT_MODEL)
    assert set_lemma_index(nlp)
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    nouns = table.get("noun")
    assert "house" in nouns and "qzxv" not in nouns
    assert "house" in pickle.loads(pickle.dumps(nouns))
    assert nlp.get_pipe("lemmatizer").lookups.to_bytes() == stock.get_pipe("lemmatizer").lookups.to_bytes()


def test_the_stand_ins_serialise_as_the_stock_components():
    stock, nlp = spacy.load(DEFAULT_MODEL), speed_up(spacy.load(DEFAULT_MODEL))
    for name in ("attribute_ruler", "lemmatizer"):
        assert nlp.get_pipe(name).to_bytes(exclude=["vocab"]) == stock.get_pipe(name).to_bytes(exclude=["vocab"])
