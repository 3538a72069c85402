"""Lower-case and all-capitals text: dictionary actors and places still match; outlets are not actors."""
import datetime as dt

import pytest

from eventwire.nlp import get_nlp
from eventwire.pipeline import Pipeline
from eventwire.records import Document

LOWER = ("units of the farabundo marti front for national liberation, fmln, today attacked the army's "
         "post in the north of the country.  the shining path attacked a police post in ayacucho.  "
         "police said in march that the union would protest in san salvador.")


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def _ents(nlp, text):
    return {(e.text, e.label_) for e in nlp(text).ents}


def test_lower_case_actors_and_places(nlp):
    ents = _ents(nlp, LOWER)
    assert ("fmln", "ACTOR") in ents and ("shining path", "ACTOR") in ents
    assert ("ayacucho", "GPE") in ents and ("san salvador", "GPE") in ents
    # ordinary words stay words: no town called "police", no group called "march"
    assert not any(text in ("police", "march", "union") and label in ("GPE", "LOC", "ACTOR") for text, label in ents)


def test_all_capitals(nlp):
    ents = _ents(nlp, "THE SHINING PATH ATTACKED A POLICE POST IN AYACUCHO ON MONDAY, KILLING TWO OFFICERS, "
                      "THE INTERIOR MINISTRY SAID. THE FMLN DENIED ANY ROLE.")
    assert ("SHINING PATH", "ACTOR") in ents and ("AYACUCHO", "GPE") in ents and ("FMLN", "ACTOR") in ents


def test_mixed_case_text_keeps_case_sensitive_matching(nlp):
    # in ordinary text a lower-case word is never a one-word name
    assert not any(label == "GPE" and text == "lima" for text, label in
                   _ents(nlp, "The lima beans were served. Police in Lima said nothing."))


@pytest.mark.parametrize("text", [
    "QUETTA, March 11 (Reuters) - Gunmen attacked a bus, killing five people, police told Reuters.",
    "Gunmen killed four villagers in Zamfara on Monday, AFP reported.",
])
def test_outlets_are_not_actors(text):
    result = Pipeline.default().process(Document(id="t", text=text, published=dt.date(2025, 3, 12)))
    assert result.events
    for event in result.events:
        for actor in (event.actor1, event.actor2):
            assert actor is None or (actor.text or "").lower() not in ("reuters", "afp", "ap")
    assert result.events[0].actor1.type != "state forces"  # the gunmen, not the police who spoke


WIRE = ("members of the manuel rodriguez patriotic front planted a bomb that destroyed a power pylon on the "
        "outskirts of santiago early today, police reported.  no one was hurt in the blast.")


def test_lower_case_wire_story_names_its_armed_group():
    """A group's members who set off a bomb are that armed group, not a crowd of rioters."""
    result = Pipeline.default().process(Document(id="w", text=WIRE, published=dt.date(1990, 5, 4)))
    assert len(result.events) == 1
    event = result.events[0]
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actor1 is not None and event.actor1.name == "FPMR: Manuel Rodriguez Patriotic Front"


@pytest.mark.parametrize("text", [
    "does a war kill more people than an economic adjustment program, the bolivian president asked.",
    "there is always the danger of his being shot at from a window or a passing car.",
    "the general has stepped up his attacks on the chilean opposition in recent speeches.",
])
def test_questions_dangers_and_words_are_no_events(text):
    result = Pipeline.default().process(Document(id="q", text=text, published=dt.date(1989, 9, 28)))
    assert not result.events
