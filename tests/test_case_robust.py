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


def test_words_that_are_also_town_names_stay_words_in_lower_case(nlp):
    # "time", "normal" and "alliance" are towns somewhere; in a story
    # without capitals they are still the English words the model knows
    ents = _ents(nlp, "at that time the situation was normal, and the alliance held a meeting of liberal "
                      "and urban groups before the massacre, police said.")
    assert not any(label in ("GPE", "LOC", "ACTOR") and text in
                   ("time", "normal", "alliance", "liberal", "urban", "massacre") for text, label in ents)


def test_a_titled_name_in_lower_case_is_a_person_wherever_it_is_written(nlp):
    # "ponce" and "guerrero" are places too (Puerto Rico, Mexico); after a title, and again
    # on their own in the same story, they are the colonel's and the judge's names
    ents = _ents(nlp, "colonel rene emilio ponce, head of the joint staff, told reporters the fmln had attacked "
                      "san miguel.  cristiani and ponce met.  dr. francisco jose guerrero was murdered in "
                      "san salvador.  guerrero was president of the supreme court.  the general staff met.")
    assert not any(text in ("ponce", "guerrero", "rene emilio ponce") and label in ("GPE", "LOC")
                   for text, label in ents)
    assert ("ponce", "PERSON") in ents and ("guerrero", "PERSON") in ents
    assert ("san miguel", "GPE") in ents and ("san salvador", "GPE") in ents


def test_a_town_name_after_radio_in_lower_case_is_the_stations(nlp):
    # "dabanga" is a town in Cameroon; in a story without capitals, after "radio", it names the
    # station, as "Radio Dabanga" does in cased text; the country after "radio" stays a place
    ents = _ents(nlp, "the rebels told radio dabanga that their units had shelled the town, and radio "
                      "kenya said the army had withdrawn from el fasher.")
    assert not any(text == "dabanga" and label in ("GPE", "LOC") for text, label in ents)
    assert ("el fasher", "GPE") in ents


def test_a_name_opened_by_a_given_name_in_lower_case_is_a_person(nlp):
    ents = _ents(nlp, "gonzalo rodriguez gacha was killed in cordoba, the police said.  rodriguez gacha had "
                      "escaped before.  president alfredo cristiani today blamed the rebels.")
    assert ("gonzalo rodriguez gacha", "PERSON") in ents and ("rodriguez gacha", "PERSON") in ents
    assert not any(text == "rodriguez" and label in ("GPE", "LOC") for text, label in ents)
    assert ("cordoba", "GPE") in ents
    # the words after a name are no part of it: "today" stays a date, "said" and "charged" words
    assert ("alfredo cristiani", "PERSON") in ents and ("today", "DATE") in ents
    assert not any(label == "PERSON" and ("said" in text or "charged" in text or "today" in text)
                   for text, label in ents)


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


def test_the_guerrillas_of_a_story_that_names_one_group_are_that_group():
    """A wire story names its group once ("the fmln said"), then calls it "the guerrillas"."""
    text = ("the fmln said today that its forces will respect the truce.  the guerrillas attacked a bus near "
            "san miguel yesterday, killing two passengers.")
    events = Pipeline.default().process(Document(id="g", text=text, published=dt.date(1989, 9, 5))).events
    assert events and events[0].actor1.name == "FMLN: Farabundo Marti Front for National Liberation"
    assert events[0].actor1.text == "guerrillas" and "named_before" in events[0].actor1.rule
    two = "members of the manuel rodriguez patriotic front planted a bomb in santiago on monday.  " + text
    other = Pipeline.default().process(Document(id="g2", text=two, published=dt.date(1989, 9, 5))).events
    bus = [e for e in other if e.actor1 is not None and e.actor1.text == "guerrillas"]
    assert bus and bus[0].actor1.name.startswith("Unidentified Armed Group")  # two groups named: no guess


def test_a_group_named_in_a_sentence_without_an_act_is_named_before():
    """The group may be named only where no act is told (a radio bulletin's greeting, a
    communique's heading); "the guerrilla units" that attack later are that group."""
    text = ("this bulletin comes from the fighters of the fmln, the army of the poor.  listen closely.  "
            "guerrilla units attacked the power station in soyapango with grenades at dawn.")
    events = Pipeline.default().process(Document(id="n", text=text, published=dt.date(1989, 11, 12))).events
    assert events and events[0].actor1.name == "FMLN: Farabundo Marti Front for National Liberation"
    assert "named_before" in events[0].actor1.rule
    ambiguous = text.replace("the fmln,", "the fmln and the manuel rodriguez patriotic front,")
    other = Pipeline.default().process(Document(id="n2", text=ambiguous, published=dt.date(1989, 11, 12))).events
    assert other and other[0].actor1.name.startswith("Unidentified Armed Group")  # two groups: no guess


def test_unidentified_assailants_are_an_armed_group_not_a_mob():
    text = "a group of unidentified individuals yesterday killed the brother of a judge in southern bogota."
    events = Pipeline.default().process(Document(id="u", text=text, published=dt.date(1989, 9, 5))).events
    assert events and events[0].sub_event_type == "Attack"
    assert events[0].actor1.name.startswith("Unidentified Armed Group")


@pytest.mark.parametrize("text", [
    "does a war really cost more lives than an austerity plan, the peruvian president asked.",
    "there is always the risk of his being shot at from a balcony or a moving car.",
    "the general has sharpened his verbal attacks on the argentine opposition in recent speeches.",
])
def test_questions_dangers_and_words_are_no_events(text):
    result = Pipeline.default().process(Document(id="q", text=text, published=dt.date(1989, 9, 28)))
    assert not result.events


def _process(text, published=dt.date(1990, 1, 10)):
    return Pipeline.default().process(Document(id="c", text=text, published=published)).events


CAPS = ("LIMA, 9 JAN 90 (RADIO) -- UNIDENTIFIED GUNMEN YESTERDAY KIDNAPPED A TEXTILE EXECUTIVE AS HE LEFT HIS "
        "HOME IN THE SAN ISIDRO DISTRICT OF LIMA, POLICE SAID.  THE KIDNAPPERS FLED IN A STOLEN CAR.")


def test_a_story_in_capitals_is_read_like_the_same_story_in_lower_case():
    """Telex copy in capitals: the tagger would read every word as a name; it is parsed in lower
    case and its evidence still quotes the original capitals."""
    upper, lower = _process(CAPS), _process(CAPS.lower())
    assert [e.sub_event_type for e in upper] == [e.sub_event_type for e in lower] == ["Abduction/forced disappearance"]
    assert upper[0].event_date == lower[0].event_date == dt.date(1990, 1, 8)
    quoted = [ev.text for ev in upper[0].evidence if ev.field == "event_type"]
    assert quoted and all(q.isupper() for q in quoted)


def test_capitals_test_needs_a_text_in_capitals():
    from eventwire.ingest._normalise import in_capitals, normalise

    assert in_capitals(CAPS)
    assert not in_capitals("Gunmen kidnapped a TEXTILE executive in Lima on Monday, police said in a statement.")
    assert not in_capitals("BOMB IN LIMA")  # a headline alone is too short to tell
    text, offsets = normalise(CAPS)
    assert text == CAPS.lower() and offsets is not None and offsets.span(0, 4) == (0, 4)


@pytest.mark.parametrize("text", [
    "eln members yesterday kidnapped two engineers of the state oil company near saravena, police said.",
    "the army of national liberation (eln) yesterday kidnapped two engineers near saravena, police said.",
    "the eln (army of national liberation) yesterday kidnapped two engineers near saravena, police said.",
])
def test_an_acronym_that_is_also_a_word_names_its_group_where_the_story_shows_it(text):
    """WordNet lists 'eln' and 'farc'; beside the group's full name or before 'members' they are the group."""
    events = _process(text)
    assert events and events[0].actor1 is not None
    assert events[0].actor1.name.startswith("ELN: National Liberation Army")


def test_an_acronym_shown_once_names_the_group_throughout(nlp):
    ents = _ents(nlp, "the farc (revolutionary armed forces of colombia) said in a statement today that it "
                      "would free the hostages.  later the farc denied holding any foreigners.")
    assert sum(1 for text, label in ents if text == "farc" and label == "ACTOR") >= 1
    doc = nlp("the farc (revolutionary armed forces of colombia) said today that it would free the hostages.  "
              "later the farc denied holding any foreigners.")
    assert [e.text for e in doc.ents if e.label_ == "ACTOR"].count("farc") == 2


def test_a_word_that_is_also_an_acronym_stays_a_word_without_such_a_sign(nlp):
    ents = _ents(nlp, "a fan of the local football club was stabbed yesterday near the stadium, and the fat "
                      "man who attacked him fled, police in bogota said.")
    assert not any(label == "ACTOR" and text in ("fan", "fat") for text, label in ents)


def test_a_name_shared_by_groups_of_several_countries_is_the_group_of_the_event_country():
    # "eln" alone names the National Liberation Army of Bolivia, of Colombia and of Peru: with no
    # country in its sentence, the one of the country the event's place lies in
    text = ("rebels of the army of national liberation (eln) today murdered a police inspector in the town of "
            "saravena, arauca department.  in a separate action, the eln burned two trucks of an oil company "
            "near tame.")
    result = Pipeline.default().process(Document(id="t", text=text, published=dt.date(1990, 1, 3)))
    named = [e.actor1 for e in result.events if e.actor1 is not None and "National Liberation" in e.actor1.name]
    assert len(named) >= 2
    assert {a.name for a in named} == {"ELN: National Liberation Army (Colombia)"}


def test_a_lower_case_name_abroad_does_not_place_an_event_whose_sentence_names_no_place():
    # "orlando" is a surname here, and the U.S. city its namesake; the story is filed from Lima
    text = ("lima, 12 mar 90 (efe) -- a bomb exploded last night at the offices of a mining company, "
            "killing two watchmen, police reported.  the attack was blamed on the shining path.  "
            "orlando quispe, a spokesman of the miners' union, condemned the bombing.")
    events = _process(text, dt.date(1990, 3, 12))
    assert events and all(e.location is not None and e.location.country == "Peru" for e in events)


@pytest.mark.parametrize("text, country", [
    ("gunmen shot dead a radio announcer today in medellin, in northwestern colombia.", "Colombia"),
    ("a bomb damaged a power pylon in the northwestern part of san salvador at dawn.", "El Salvador"),
])
def test_a_compass_adjective_is_no_province(text, country):
    """A lower-case compass adjective ("northwestern") names a side of a place, not the Zambian
    province that bears the word as its name: the event stays in the country the story names."""
    events = _process(text)
    assert events and events[0].location is not None and events[0].location.country == country


@pytest.mark.parametrize("text, country", [
    ("bogota, 5 may 90 -- guerrillas shot dead four farmers in the eastern region today.", "Colombia"),
    ("tegucigalpa, 19 apr 89 -- rebels ambushed a bus in the northern region, killing two passengers.", "Honduras"),
])
def test_a_side_of_the_country_before_a_unit_word_is_no_province(text, country):
    """In one-case text "the eastern region" describes a side of the country the story is
    about, not Saudi Arabia's Eastern Region nor Ghana's Northern Region."""
    events = _process(text)
    assert events and events[0].location is not None and events[0].location.country == country
