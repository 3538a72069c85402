"""The relevance prefilter: recall on the event-bearing texts of the dev gold (check half),
and how much of ordinary news it drops (benchmarks/data/nonconflict_news.jsonl)."""
from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from eventwire.prefilter import Prefilter, Term, default_prefilter
from eventwire.records import Document

NONCONFLICT = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "nonconflict_news.jsonl"

# Recall floors on the check half, read as news (profile "news"). ACLED notes are the
# hard case: a one-line "Movement of forces" or "teachers demonstrated" note carries
# little vocabulary; as notes (their own profile) they are always kept.
FLOORS = {
    "gtd2021q1_dev.jsonl": 0.995,
    "news/gvc_dev.jsonl": 0.995,
    "news/muc4_dev.jsonl": 0.99,
    "acled_asia2015_dev.jsonl": 0.95,
    "acled_global202005_dev.jsonl": 0.90,
}


def _doc(text: str, **kw) -> Document:
    return Document(id="t", text=text, **kw)


@pytest.fixture(scope="module")
def prefilter() -> Prefilter:
    return default_prefilter()


def test_a_strong_word_keeps_an_article(prefilter):
    assert prefilter.decide(_doc("Gunmen stormed a village overnight.")).keep
    assert prefilter.decide(_doc("hundreds of protesters marched to the ministry")).keep  # lower case too


def test_metaphors_of_sport_and_markets_are_dropped(prefilter):
    match = ("The visitors' attack looked sharp from the opening whistle. A thunderous strike settled it. "
             "The crowd rallied behind the home side. Later the goalkeeper was injured in a collision.")
    markets = "Shares rallied on Monday as oil prices shot up; the board rejected a hostile takeover bid."
    assert not prefilter.decide(_doc(match)).keep
    assert not prefilter.decide(_doc(markets)).keep


def test_two_weak_words_count_only_as_a_pair_and_close_together(prefilter):
    assert prefilter.decide(_doc("A man was found shot outside a bar, police said.")).keep
    far = "Police closed the bridge for repairs. " + "The council met again. " * 8 + "He took a shot at goal."
    assert not prefilter.decide(_doc(far)).keep


def test_a_near_pair_stays_within_one_sentence(prefilter):
    # "crowd" words with a weak combat or protest word count only in the same sentence
    assert prefilter.decide(_doc("Rival families clashed in the market on Friday.")).keep
    assert prefilter.decide(_doc("Shopkeepers marched to the town hall; two were injured.")).keep
    apart = "The school collects recipes from local families. The film was a battle to finish on time."
    assert not prefilter.decide(_doc(apart)).keep
    markets = "Bond yields climbed as traders bet on higher rates. Oil prices shot up after the cut."
    assert not prefilter.decide(_doc(markets)).keep


def test_notes_are_always_kept_and_every_decision_is_logged(prefilter, caplog):
    caplog.set_level(logging.DEBUG, logger="eventwire.prefilter")
    assert prefilter.keep(_doc("Teachers gathered at the ministry.", profile="notes"))
    assert not prefilter.keep(_doc("The central bank held interest rates."))
    assert "dropped t" in caplog.text and "notes profile" in caplog.text


def test_a_custom_lexicon():
    pf = Prefilter([Term(("coup",), 1.0, "security")])
    assert pf.decide(_doc("A coup in the capital.")).keep
    assert not pf.decide(_doc("Gunmen attacked.")).keep


def test_ordinary_news_is_mostly_dropped(prefilter):
    rows = [json.loads(line) for line in NONCONFLICT.open(encoding="utf-8")]
    assert len(rows) >= 300
    kept = [r["id"] for r in rows if prefilter.decide(_doc(r["text"], title=r["title"])).keep]
    assert 1 - len(kept) / len(rows) >= 0.90, f"{len(kept)} of {len(rows)} kept"


@pytest.mark.gold
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_recall_on_event_bearing_gold_texts(prefilter, gold_dir, name):
    from eventwire.eval._split import half_of

    rows = [json.loads(line) for line in (gold_dir / name).open(encoding="utf-8") if line.strip()]
    rows = [r for r in rows if half_of(r) == "check" and (r["source"] != "muc4" or r["gold"].get("relevant"))]
    missed = [r["id"] for r in rows if not prefilter.decide(_doc(r["text"], title=r.get("title"))).keep]
    recall = 1 - len(missed) / len(rows)
    assert recall >= FLOORS[name], f"{name}: recall {recall:.4f}; missed e.g. {missed[:5]}"


def test_harm_said_of_organisms_that_are_not_people_is_dropped(prefilter):
    assert not prefilter.decide(_doc("Bacteria were killed within hours on the new coating.")).keep
    assert not prefilter.decide(_doc("The spray kills weeds and insects, the makers said.")).keep
    # people, prisoners in cells and livestock raided by gunmen are conflict news
    assert prefilter.decide(_doc("Two prisoners were killed in their cells overnight.")).keep
    assert prefilter.decide(_doc("Raiders killed cattle and burned homes in the village.")).keep
    assert prefilter.decide(_doc("Bacteria spread in the camp where soldiers killed three villagers.")).keep
