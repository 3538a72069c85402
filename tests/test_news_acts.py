"""Wire news: weapons held are no attack, kinds of act and charges against a whole people are
no incident, a sentence may tell two acts, and mortars fired with rifles at soldiers are a battle."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.extract import classify, modality
from eventwire.records import Document


def _violence(result) -> list:
    """The events of a result that are acts of violence MUC would key (not politics, not battles)."""
    return [e for e in result.events if e.event_type in ("Violence against civilians", "Explosions/Remote violence")]


def _first(nlp, text: str, word: str):
    sent = next(nlp(text).sents)
    found = [t for t in classify.find_triggers(sent) if word in t.text.lower()]
    assert found, f"no trigger {word!r} in {text!r}"
    return sent, found[0]


@pytest.mark.parametrize("text,word,cue", [
    ("The army said it had confiscated 200 rifles, 12 mortars and 30 rockets.", "rocket",
     "confiscated"),
    ("Thousands of tons of weapons, including anti-aircraft missiles, were shipped into the region.", "missile",
     "shipped"),
    ("The air force announced the purchase of six helicopters from a foreign maker.", "helicopter", "purchase"),
    ("The minister said the country has frozen its missile project for lack of money.", "missile", "project"),
])
def test_a_weapon_held_traded_or_made_is_no_attack(nlp, text, word, cue):
    sent, trig = _first(nlp, text, word)
    got, got_cue = modality.mention_modality(sent, trig)
    assert got == "generic" and cue in got_cue.lower()


@pytest.mark.parametrize("text,word", [
    ("Rebels fired mortars at the town hall on Tuesday night.", "mortar"),
    ("The attack was carried out with grenades.", "grenade"),
    ("Two helicopters strafed the village at dawn.", "helicopter"),
])
def test_a_weapon_used_stays_an_event(nlp, text, word):
    sent, trig = _first(nlp, text, word)
    assert modality.mention_modality(sent, trig)[0] == "asserted"


@pytest.mark.parametrize("text,word", [
    ("The other side brought in everything a regular war needs: planes, helicopters and heavy artillery.",
     "helicopter"),
    ("Missiles of that kind are hard to steer, although they cost far less.", "missile"),
])
def test_a_weapon_in_a_sentence_that_tells_no_act_is_no_attack(nlp, text, word):
    sent, trig = _first(nlp, text, word)
    got, cue = modality.mention_modality(sent, trig)
    assert got == "generic" and "no act" in cue


@pytest.mark.parametrize("text,word", [
    ("A rocket landed near the embassy on Sunday.", "rocket"),
    ("Warplanes pounded rebel positions near the river.", "warplane"),
    ("Helicopters were seen over the hamlet where two farmers died.", "helicopter"),
])
def test_a_weapon_put_to_use_or_beside_a_death_stays_an_event(nlp, text, word):
    sent, trig = _first(nlp, text, word)
    assert modality.mention_modality(sent, trig)[0] == "asserted"


@pytest.mark.parametrize("text,word,expected", [
    ("The three injured guards were flown to the provincial hospital by helicopter after the raid.",
     "helicopter", "generic"),
    ("Two wounded soldiers were taken to the capital by helicopter after the ambush.", "helicopter", "generic"),
    ("The convoy was attacked by a helicopter near the river on Friday.", "helicopter", "asserted"),
])
def test_an_aircraft_after_a_bare_by_is_a_means_of_travel(nlp, text, word, expected):
    sent, trig = _first(nlp, text, word)
    assert modality.mention_modality(sent, trig)[0] == expected


@pytest.mark.parametrize("text,word,expected", [
    ("The bishop said nothing can justify the use of kidnapping as a weapon of war.", "kidnap", "generic"),
    ("The report condemns the practice of murder as a means of politics.", "murder", "generic"),
    ("The kidnapping of the mayor was reported on Monday.", "kidnap", "asserted"),
])
def test_a_bare_act_noun_after_a_noun_of_kind_or_law_is_a_kind_of_act(nlp, text, word, expected):
    sent, trig = _first(nlp, text, word)
    assert modality.mention_modality(sent, trig)[0] == expected


@pytest.mark.parametrize("text,word,expected", [
    ("The former minister, who has been charged with murder and extortion, fled the country.", "murder",
     "generic"),
    ("A court in the capital found the colonel guilty of kidnapping last year.", "kidnap", "generic"),
    ("The two men were jailed for murder in 1985, the paper recalled.", "murder", "generic"),
    ("The captain was charged with the murder of the mayor on Friday.", "murder", "asserted"),
    # the crime of an arrest's charge names the incident the arrest belongs to
    ("The suspect was arrested Monday and was arraigned Tuesday on charges of murder.", "murder", "asserted"),
])
def test_the_crime_of_a_charge_or_a_verdict_is_a_kind_of_act(nlp, text, word, expected):
    sent, trig = _first(nlp, text, word)
    assert modality.mention_modality(sent, trig)[0] == expected


@pytest.mark.parametrize("text,word,expected", [
    ("We cannot talk with men who attack the civilian population.", "attack", "generic"),
    ("He said the regime is killing its own people.", "kill", "generic"),
    ("Gunmen killed twelve people at a market on Sunday.", "kill", "asserted"),
])
def test_violence_against_a_whole_people_is_a_charge_not_an_incident(nlp, text, word, expected):
    sent, trig = _first(nlp, text, word)
    assert modality.mention_modality(sent, trig)[0] == expected


def test_a_seizure_of_arms_has_no_gtd_attack_type(nlp):
    sent, trig = _first(nlp, "Police seized rifles, pistols and several grenades at a house in the port.", "grenade")
    assert trig.sub_event_type == "Disrupted weapons use"
    assert classify.gtd_attack_type(sent, trig) == (None, None)
    sent, trig = _first(nlp, "Soldiers defused a bomb found under a bridge on the main road.", "defuse")
    assert classify.gtd_attack_type(sent, trig)[0] == "Bombing/Explosion"  # an attempted bombing


@pytest.mark.parametrize("text,word,expected", [
    ("Guerrillas attacked an army post with mortars and rifles before dawn.", "mortar", "Armed clash"),
    ("Guerrillas shelled the village with mortars and rifles, killing four peasants.", "mortar",
     "Shelling/artillery/missile attack"),
    ("Rebels fired mortars at the army barracks on Tuesday.", "mortar", "Shelling/artillery/missile attack"),
])
def test_mortars_fired_with_rifles_at_soldiers_are_a_battle(nlp, text, word, expected):
    assert _first(nlp, text, word)[1].sub_event_type == expected


WIRE_TWO_ACTS = ("the popular liberation movement, which on 12 january said it had killed a retired police "
                 "colonel, claimed responsibility today for detonating a car bomb outside the power company "
                 "offices in tegucigalpa.")


def test_a_sentence_that_tells_two_acts_gives_two_events(pipeline):
    result = pipeline.process(Document(id="w2", text=WIRE_TWO_ACTS, published=dt.date(1989, 1, 30)))
    kinds = {e.sub_event_type for e in result.events}
    assert kinds == {"Attack", "Remote explosive/landmine/IED"}


@pytest.mark.parametrize("text", [
    "A bomb exploded outside the bank, killing three people.",
    "Members of the front planted a bomb that destroyed a power pylon early today.",
    "A man died when a parcel bomb exploded in his garage.",
])
def test_an_act_told_further_in_its_own_sentence_stays_one_event(pipeline, text):
    result = pipeline.process(Document(id="w1", text=text, published=dt.date(1989, 1, 30)))
    assert len(result.events) == 1


def test_a_named_victims_killing_beside_a_protest_is_an_act_of_its_own(pipeline):
    text = "Judges resigned today to protest the murder of supreme court justice carlos valencia."
    result = pipeline.process(Document(id="w3", text=text, published=dt.date(1989, 8, 17)))
    assert "Attack" in {e.sub_event_type for e in result.events}
    crowd = "Thousands marched today to protest the killing of civilians by the army."
    result = pipeline.process(Document(id="w4", text=crowd, published=dt.date(1989, 8, 17)))
    assert "Attack" not in {e.sub_event_type for e in result.events}


@pytest.mark.parametrize("text,word", [
    ("Insurgents held their positions, fending off fierce air and artillery attacks.", "artillery"),
    ("The army has stepped up bombings and artillery attacks on the villages.", "artillery"),
])
def test_a_weapon_word_before_a_plural_act_noun_shares_its_kind(nlp, text, word):
    sent, trig = _first(nlp, text, word)
    assert modality.mention_modality(sent, trig)[0] == "generic"


def test_artillery_attacks_told_with_their_day_and_toll_stay_an_event(nlp):
    sent, trig = _first(nlp, "Artillery attacks killed four civilians in the town on Tuesday.", "artillery")
    assert modality.mention_modality(sent, trig)[0] == "asserted"


@pytest.mark.parametrize("text,word,expected", [
    ("We ask the president to stop the repression, kidnapping and torture.", "kidnap", "hypothetical"),
    ("Police released three members of the kidnapping ring on Friday.", "kidnap", "generic"),
])
def test_a_demand_to_stop_acts_and_a_gang_named_by_its_crime_are_no_incident(nlp, text, word, expected):
    sent, trig = _first(nlp, text, word)
    assert modality.mention_modality(sent, trig)[0] == expected


@pytest.mark.parametrize("text", [
    "the town's mayor has died from gunshot wounds, a hospital spokesman reported.",
    "a union leader died today after he was shot by two men on a motorcycle in the city center.",
])
def test_a_death_told_by_its_cause_is_the_news(pipeline, text):
    """A victim who died of wounds or after being shot: the shooting is the event the story
    reports, not a reason given for something else."""
    result = pipeline.process(Document(id="d1", text=text, published=dt.date(1989, 8, 16)))
    assert [e.sub_event_type for e in result.events] == ["Attack"]


def test_wounds_are_no_plural_of_acts(nlp):
    sent, trig = _first(nlp, "the candidate died of gunshot wounds in the hospital.", "wound")
    assert modality.mention_modality(sent, trig)[0] == "asserted"
    sent, trig = _first(nlp, "kidnappings are a way to finance the war.", "kidnap")
    assert modality.mention_modality(sent, trig)[0] == "generic"  # a plural of acts still is


def test_a_condemned_killing_beside_a_protest_stays_its_reason(nlp):
    sent = next(nlp("students marched through the capital to condemn the killing of a teacher.").sents)
    triggers = classify.find_triggers(sent)
    assert triggers[0].event_type == "Protests"
    assert any("in_reason_phrase" in t.rule for t in triggers if "kill" in t.text)
    died = next(nlp("a teacher died after he was shot outside the school.").sents)
    shot = [t for t in classify.find_triggers(died) if t.text == "shot"]
    assert shot and "in_reason_phrase" not in shot[0].rule  # how the victim died, not a reason


def test_a_hit_squad_is_no_hit(nlp):
    sent = next(nlp("according to the document, an urban hit squad would murder the candidate.").sents)
    hits = [t for t in classify.find_triggers(sent) if t.text == "hit"]
    assert hits and modality.mention_modality(sent, hits[0])[0] == "generic"


def test_the_dead_of_an_earthquake_are_no_attack(pipeline):
    text = ("the tremor was felt in the port, a city destroyed by an earthquake in 1983, killing about 200 "
            "people.")
    assert pipeline.process(Document(id="q", text=text, published=dt.date(1989, 9, 5))).events == []
    bomb = "a bomb killed two people in the port as floods hit the coast."
    assert pipeline.process(Document(id="q2", text=bomb, published=dt.date(1989, 9, 5))).events


# A speech of my own writing: charges of a practice, then one act with its day, place and victim.
SPEECH = ("the rebel command accused the government of waging a dirty war. "
          "\"the death squads continue murdering peasants and the army is bombing the poor "
          "neighbourhoods,\" the commander said. "
          "\"journalists have been murdered and the people are afraid.\"")
SPEECH_WITH_ACT = SPEECH + (" he said that soldiers shot dead a teacher, jose martinez, in the village "
                            "of el carmen on tuesday.")


def test_a_practice_charged_in_a_speech_gives_no_event(pipeline):
    result = pipeline.process(Document(id="s1", text=SPEECH, published=dt.date(1989, 11, 16)))
    assert result.events == []


def test_a_particular_act_told_in_the_same_speech_is_an_event(pipeline):
    result = pipeline.process(Document(id="s2", text=SPEECH_WITH_ACT, published=dt.date(1989, 11, 16)))
    assert len(result.events) == 1
    assert result.events[0].sub_event_type == "Attack"


POLITICS = ("The president met the leaders of the opposition parties in the capital on Monday to discuss "
            "the coming elections.\n\n"
            "He told them that the cowardly attacks of the terrorists had brought much destruction and "
            "that the country wanted peace.")


def test_violence_named_only_in_the_body_with_no_time_place_or_toll_is_talk(pipeline):
    result = pipeline.process(Document(id="t1", text=POLITICS, published=dt.date(1989, 11, 16)))
    assert not [e for e in result.events if e.event_type == "Violence against civilians"]


def test_an_act_the_body_tells_with_its_toll_or_the_lede_names_stays_an_event(pipeline):
    told = POLITICS + "\n\nOn Sunday a bomb exploded at a bank in the city, wounding two clerks."
    result = pipeline.process(Document(id="t2", text=told, published=dt.date(1989, 11, 16)))
    assert any(e.event_type == "Explosions/Remote violence" for e in result.events)
    opening = "Gunmen attacked a group of peasants.\n\n" + POLITICS
    result = pipeline.process(Document(id="t3", text=opening, published=dt.date(1989, 11, 16)))
    assert any(e.sub_event_type == "Attack" for e in result.events)
    notes = pipeline.process(Document(id="t4", text=POLITICS, published=dt.date(1989, 11, 16), profile="notes"))
    assert notes.events  # a coded note is one event, whatever its wording


@pytest.mark.parametrize("said", [
    "The rebels said that the regime murders peasants and bombs the poor neighbourhoods. "
    "The communique was signed in San Jose on Tuesday by the five commanders.",
    "The party said that the death squads murder the peasants who ask for land. "
    "It joined the opposition front in San Miguel on 10 December.",
])
def test_talk_of_violence_takes_no_time_or_place_from_the_politics_it_is_merged_with(pipeline, said):
    """The signing of the communique and the party's joining a front have a day and a place;
    the murders and bombings the words charge have none of their own, so they stay talk."""
    result = pipeline.process(Document(id="t6", text=POLITICS + "\n\n" + said, published=dt.date(1989, 12, 16)))
    assert not _violence(result)


@pytest.mark.parametrize("said", [
    "He said that the assassination of the magistrate had shocked the judges.",  # one act done to someone
    "He noted that a few days ago there had been an explosion at the courthouse.",  # a time of recency
])
def test_an_act_the_body_names_with_its_victim_or_its_recency_stays_an_event(pipeline, said):
    text = POLITICS + "\n\n" + said
    result = pipeline.process(Document(id="t5", text=text, published=dt.date(1989, 11, 16)))
    assert _violence(result)


ARREST_FOR_AN_ACT = [
    "lima, 12 mar 90 -- a judge today ordered the arrest of four police officers involved in the murder "
    "of the mayor of huanta on 2 february. the officers were arrested at their barracks in ayacucho this "
    "afternoon, a court spokesman said.",
    "bogota, 12 mar 90 -- a prosecutor today charged three soldiers over the massacre of five peasants "
    "in segovia on 20 february. the three were arrested at a farm near medellin.",
]


@pytest.mark.parametrize("text", ARREST_FOR_AN_ACT)
def test_an_arrest_for_a_dated_act_done_to_someone_is_that_act(pipeline, text):
    """The act is what happened; the arrest of its suspects is a step around it."""
    result = pipeline.process(Document(id="a1", text=text, published=dt.date(1990, 3, 12)))
    assert [e.sub_event_type for e in result.events][:1] == ["Attack"]
    notes = pipeline.process(Document(id="a2", text=text, published=dt.date(1990, 3, 12), profile="notes"))
    assert [e.sub_event_type for e in notes.events][:1] == ["Arrests"]  # an ACLED note of an arrest is one



SUMMIT = ("The two presidents signed an accord on river trade at a border town today and said the pact opened "
          "a new era of cooperation.\n\n"
          "The president said the enemy answers with kidnappings, extortion and blind terrorism, and that "
          "blowing up pipelines will not stop the people.")


def test_politics_in_the_opening_lends_no_news_to_violence_talked_of_in_the_body(pipeline):
    """Only an act of violence or of destruction in the opening makes the body's talk of violence
    the article's news: an accord signed in the lede is politics, and the kidnappings a speech
    charges have no time, place or toll of their own."""
    result = pipeline.process(Document(id="t7", text=SUMMIT, published=dt.date(1990, 3, 6)))
    assert not _violence(result)


def test_destruction_in_the_opening_still_makes_the_article_news(pipeline):
    text = ("Rebels destroyed a section of the oil pipeline near the river port, the state oil company said.\n\n"
            "The company said the rebels have carried out attacks on pipelines to drive away foreign firms.")
    result = pipeline.process(Document(id="t8", text=text, published=dt.date(1989, 9, 14)))
    assert result.events


def test_acts_named_in_the_plural_with_no_setting_are_talk_even_in_the_opening(pipeline):
    """A communique's opening that charges a pattern ("the bombings of the towns and the massacres
    of the peasants") with no time, place or toll of its own reports no act."""
    text = ("The rebel command said that the bombings of the towns and the massacres of the peasants prove "
            "that the army cannot win the war.\n\n"
            "It called on the government to return to the talks.")
    result = pipeline.process(Document(id="t9", text=text, published=dt.date(1990, 1, 11)))
    assert not _violence(result)


def test_plural_acts_in_the_opening_with_a_place_and_a_time_stay_an_event(pipeline):
    text = ("Two bombings shook the centre of Lima last night, police said.\n\n"
            "The rebel command called on the government to return to the talks.")
    result = pipeline.process(Document(id="t10", text=text, published=dt.date(1990, 1, 11)))
    assert any(e.event_type == "Explosions/Remote violence" for e in result.events)


@pytest.mark.parametrize("text,word,expected", [
    ("A committee of mothers of disappeared persons marched to the palace on Monday.", "disappeared", "generic"),
    ("Relatives of jailed, missing and murdered people gathered outside the court.", "murdered", "generic"),
    ("The bodies of two murdered people were found near the highway on Monday.", "murdered", "asserted"),
    ("Guerrillas murdered three people in a village on Monday.", "murdered", "asserted"),
])
def test_victims_a_group_is_named_for_are_a_class_not_an_incident(nlp, text, word, expected):
    sent, trig = _first(nlp, text, word)
    assert modality.mention_modality(sent, trig)[0] == expected


@pytest.mark.parametrize("text,word,expected", [
    ("The envoy was sent home over the baseless attacks by the neighbouring government on "
     "the national government.", "attack", "generic"),
    ("The opposition attacked the government over the new budget on Tuesday.", "attack", "generic"),
    ("Government forces attacked the opposition party's offices on Tuesday.", "attack", "asserted"),
    ("Gunmen attacked the minister outside his home on Tuesday.", "attack", "asserted"),
])
def test_an_attack_of_one_body_of_politics_on_another_is_made_in_words(nlp, text, word, expected):
    sent, trig = _first(nlp, text, word)
    assert modality.mention_modality(sent, trig)[0] == expected
