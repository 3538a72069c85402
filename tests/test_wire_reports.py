"""Wire and newspaper reports as a reader takes them: a remembrance that retells an old attack
in full, "many of them" after a toll, "Congo" for the larger Congo, and a sentence that tells two
acts on two days."""
from __future__ import annotations

import datetime as dt

from eventwire.records import Document

REMEMBRANCE = (
    "Ankara marks ten years since station bombing\n\n"
    "ANKARA, Turkey (AP) — Families of the people killed in the Ankara station bombing gathered on Friday "
    "to mark ten years since the attack, laying carnations at the memorial.\n\n"
    "A suicide bomber detonated a homemade device outside the main railway station in Ankara at the end of "
    "a peace rally on Oct. 10, 2015, killing 103 people, many of them students, and injuring hundreds.\n\n"
    "A court later jailed nine men for helping plan the attack.")

EASTERN_CONGO = (
    "Rebels kill nine in eastern Congo\n\n"
    "GOMA, Democratic Republic of Congo (Reuters) - Rebels killed nine villagers in eastern Congo on "
    "Tuesday, a local official said.")

BRAZZAVILLE = (
    "BRAZZAVILLE, Congo (Reuters) - Police fired tear gas at opposition supporters in the capital "
    "on Monday, witnesses said.")

TWO_DAYS = (
    "BEIRUT (Reuters) - Air strikes hit an arms depot south of Homs late on Tuesday, state media said, "
    "and in a separate incident gunmen killed three soldiers in the desert on Wednesday.")


def _events(pipeline, text, published):
    return pipeline.process(Document(id="w", text=text, published=published)).events


def test_a_part_of_the_dead_told_after_them_is_not_more_dead(pipeline):
    text = "A bomb exploded in the main market of Maiduguri on Monday, killing 22 people, many of them traders."
    events = _events(pipeline, text, dt.date(2025, 5, 6))
    assert [e.fatalities.best for e in events] == [22]


def test_a_remembrance_yields_no_event_even_when_it_retells_the_attack_in_full(pipeline):
    assert _events(pipeline, REMEMBRANCE, dt.date(2025, 10, 10)) == []


def test_congo_alone_is_the_democratic_republic_unless_the_article_is_from_the_other(pipeline):
    east = _events(pipeline, EASTERN_CONGO, dt.date(2025, 3, 5))
    assert east and {e.location.iso3 for e in east} == {"COD"}
    west = _events(pipeline, BRAZZAVILLE, dt.date(2025, 3, 4))
    assert west and {e.location.iso3 for e in west} == {"COG"}


def test_the_verb_of_an_event_noun_dates_it_before_a_later_day_in_the_sentence(pipeline):
    events = _events(pipeline, TWO_DAYS, dt.date(2025, 10, 16))
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike" and not e.fatalities]
    assert [e.event_date for e in strikes] == [dt.date(2025, 10, 14)]


DRONE_POST = (
    "Drones hit police post in Colombia's southwest, two officers hurt\n\n"
    "POPAYAN, Colombia (AP) — Dissidents of the former FARC attacked a police post in the town of "
    "Suárez in Cauca province with explosive-laden drones early Sunday, wounding two officers, police "
    "said.\n\n"
    "The attacks have worried residents. In March, a car bomb in Jamundí killed three civilians.")


def test_a_headline_that_names_the_target_and_a_lede_that_names_the_attacker_tell_one_attack(pipeline):
    events = _events(pipeline, DRONE_POST, dt.date(2025, 8, 31))
    assert len(events) == 1
    assert "FARC" in events[0].actor1.name


def test_the_toll_of_an_earlier_incident_told_in_passing_is_not_the_news(pipeline):
    events = _events(pipeline, DRONE_POST, dt.date(2025, 8, 31))
    assert all(not e.fatalities or not e.fatalities.best for e in events)


def test_a_separate_incident_told_in_the_same_sentence_is_its_own_event_with_its_own_toll(pipeline):
    text = ("BEIRUT (Reuters) - Air strikes hit an arms depot near Homs late on Tuesday, state media said, "
            "and in a separate incident clashes between two armed factions killed five people in Deraa "
            "on Wednesday.")
    events = _events(pipeline, text, dt.date(2025, 10, 16))
    got = {(e.event_date, e.fatalities.best if e.fatalities else None) for e in events}
    assert got == {(dt.date(2025, 10, 14), None), (dt.date(2025, 10, 15), 5)}, got


def test_the_attackers_claim_gives_way_to_another_sources_toll(pipeline):
    text = ("BAMAKO, Oct 3 (Reuters) - Six Malian soldiers were killed when militants attacked an army "
            "camp near Boulkessi on Wednesday, the army said, while an al Qaeda-linked group claimed to "
            "have killed more than 30.")
    events = _events(pipeline, text, dt.date(2025, 10, 3))
    assert [e.fatalities.best for e in events] == [6]
    claims = [c for c in pipeline.process(Document(id="w", text=text, published=dt.date(2025, 10, 3))).findings.counts
              if c.status == "claimed"]
    assert [c.low for c in claims] == [30]


def test_the_dead_found_next_morning_are_the_nights_killing_not_a_second_event(pipeline):
    text = ("Gunmen kill 9 villagers in central Mali\n\n"
            "BAMAKO, May 8 (Reuters) - Gunmen killed nine villagers in an attack on a village near "
            "Bandiagara late on Tuesday, local officials said on Thursday.\n\n"
            "Residents found the bodies on Wednesday morning, a community leader said.")
    events = _events(pipeline, text, dt.date(2025, 5, 8))
    assert [(e.event_date, e.fatalities.best if e.fatalities else None) for e in events] == [(dt.date(2025, 5, 6), 9)]


LATER_SUBURB = (
    "Grenade blast outside Marseille police station wounds two\n\n"
    "MARSEILLE, France (AP) — A grenade exploded outside a police station in the Marseille suburb of "
    "Aubagne late on Saturday, wounding two officers, police said Sunday.")


def test_a_town_by_the_place_a_headline_gives_as_near_it_is_the_place(pipeline):
    events = _events(pipeline, LATER_SUBURB, dt.date(2025, 3, 9))
    assert [e.location.name for e in events] == ["Aubagne"]



MARCHES_EARLIER = (
    "Teachers march in Accra over unpaid salaries\n\n"
    "ACCRA — Several hundred teachers marched to the education ministry in Accra on Tuesday to demand "
    "months of unpaid salaries. Police escorted the marchers and made no arrests.\n\n"
    "Similar marches were held in Kumasi and Tamale in February.")

TWO_SHOOTINGS = (
    "Man killed in Northside, woman hurt in Eastfield in separate shootings\n\n"
    "A man was shot and killed on Friday night and a woman was wounded on Saturday morning, police said.\n\n"
    "In the first shooting, the man was standing outside a store in Dayton, Ohio, around 10 p.m. Friday when "
    "a gunman fired from a car. He died at a hospital.\n\n"
    "In the second shooting, the woman was walking home in Dayton around 8 a.m. Saturday when someone "
    "shot at her. She was treated for a leg wound.")


def test_a_district_after_its_region_s_possessive_takes_the_words_before_the_area(nlp):
    # "in the X area of north Y's Z district": X is unknown, the district is where it happened
    from eventwire.gazetteer import default_gazetteer
    from eventwire.geo import find_toponyms

    text = ("Two militants were killed in a gunfight in the Lolab area of north Kashmir's Kupwara "
            "district on Monday.")
    tops = find_toponyms(nlp(text), default_gazetteer())
    district = next(t for t in tops if t.text == "Kupwara")
    region = next(t for t in tops if "Kashmir" in t.text)
    assert district.prep == "in" and not region.text.endswith("'s")
    assert tops[region.qualifier_of] is district


def test_a_protest_whose_police_made_no_arrests_met_no_intervention(pipeline):
    events = _events(pipeline, MARCHES_EARLIER, dt.date(2025, 3, 12))
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


def test_marches_held_in_an_earlier_month_are_dated_then_and_left_as_background(pipeline):
    events = _events(pipeline, MARCHES_EARLIER, dt.date(2025, 3, 12))
    assert [e.location.name for e in events] == ["Accra"]


def test_the_second_shooting_on_another_day_is_a_second_event(pipeline):
    events = _events(pipeline, TWO_SHOOTINGS, dt.date(2025, 3, 17))
    assert sorted(str(e.event_date) for e in events) == ["2025-03-14", "2025-03-15"]


CALM_RESTORED = (
    "BAMENDA, Cameroon (AP) — Soldiers and separatist fighters clashed late Friday in the town of Kumbo, "
    "killing five people, residents said on Saturday.\n\n"
    "The defence ministry said in a statement that \"outlaw groups\" had attacked an army post and that order "
    "had been restored by early Saturday.")


def test_a_day_things_were_back_to_normal_by_is_no_day_of_an_act(pipeline):
    events = _events(pipeline, CALM_RESTORED, dt.date(2025, 6, 14))
    assert [(e.event_type, str(e.event_date)) for e in events] == [("Battles", "2025-06-13")]


def test_a_limit_that_opens_the_sentence_dates_its_tally_apart_from_the_news(pipeline):
    text = ("On 12 May 2021, in Rosario (Santa Fe), neighbours held a protest against the early release of "
            "prisoners. Until 10 May 2021, 310 prisoners from the province's jails were released, while 90 "
            "from federal jails were set free.")
    doc = Document(id="w", text=text, published=dt.date(2021, 5, 12), profile="notes")
    events = pipeline.process(doc).events
    protest = next(e for e in events if e.event_type == "Protests")
    assert protest.actor2 is None
