"""Reading news as a reader does: claims, reports released, where the wounded were taken,
what a tip said, what the news came after, a witness's memory, who told the toll, the day a
teller spoke, a town taken, tallies since a truce, two towns struck, strikes still to come,
boycotts and match reports."""
from __future__ import annotations

import datetime as dt

from eventwire.extract import classify, modality
from eventwire.records import Document


def _violent(result) -> list:
    return [e for e in result.events if e.event_type != "Strategic developments"]


def _run(pipeline, text: str, published: dt.date, title: str | None = None):
    return pipeline.process(Document(id="r", text=text, published=published, title=title))


def test_a_report_released_is_published_not_freed(nlp):
    doc = nlp("The interior ministry released its annual report on Tuesday.")
    assert not [h for h in classify.match_lexicon(next(doc.sents)) if h.family == "agreement"]
    doc = nlp("The rebels released twelve hostages on Tuesday.")
    assert [h for h in classify.match_lexicon(next(doc.sents)) if h.family == "agreement"]


def test_figures_in_a_report_released_make_no_event(pipeline):
    text = ("Burglaries fell by a tenth last year, the national police said in figures released on Monday.\n\n"
            "The police chief said more officers would patrol the markets this year.")
    assert not _run(pipeline, text, dt.date(2026, 2, 3)).events


def test_the_day_of_a_claim_is_not_the_day_of_the_attack(pipeline):
    text = ("Islamic State-linked militants beheaded three farmers in Mocimboa da Praia district on Tuesday, "
            "residents said.\n\n"
            "Islamic State claimed the attack on its channels on Thursday, saying its fighters had killed three "
            "\"Christians\".")
    events = _violent(_run(pipeline, text, dt.date(2026, 3, 7)))
    assert len(events) == 1
    assert events[0].event_date == dt.date(2026, 3, 3)


def test_a_toll_the_act_claimed_keeps_its_day(pipeline):
    text = "A car bomb claimed the lives of six people in Mogadishu on Sunday, police said."
    events = _violent(_run(pipeline, text, dt.date(2026, 3, 10)))
    assert [e.event_date for e in events] == [dt.date(2026, 3, 8)]


def test_a_title_before_a_name_ends_no_sentence(nlp):
    doc = nlp("Gunmen abducted a priest, Rev. Fr. John Ade, near the church. Lt. Col. Musa Bello said so.")
    assert [s.text for s in doc.sents] == ["Gunmen abducted a priest, Rev. Fr. John Ade, near the church.",
                                           "Lt. Col. Musa Bello said so."]


def test_the_town_of_the_hospital_the_wounded_were_taken_to_is_not_the_scene(pipeline):
    text = ("Bandits killed three villagers in Kankara on Tuesday, police said. The bodies were deposited "
            "at a mortuary in Katsina and two wounded men were rushed to a hospital in Funtua.")
    events = _violent(_run(pipeline, text, dt.date(2026, 6, 3)))
    assert len(events) == 1 and events[0].location.name == "Kankara"


def test_the_town_of_the_hospital_a_victim_is_at_is_not_the_scene(pipeline):
    text = ("Three men were shot outside a bar in Dothan late Saturday, police said. One of them was shot "
            "in the hip and was located at Flowers Memorial Hospital in Enterprise, Ala.")
    events = _violent(_run(pipeline, text, dt.date(2016, 6, 5)))
    assert events and all(e.location.name == "Dothan" for e in events)


def test_an_attack_on_a_hospital_keeps_the_hospitals_town(pipeline):
    text = "Gunmen attacked a hospital in Funtua on Tuesday, killing a nurse, police said."
    events = _violent(_run(pipeline, text, dt.date(2026, 6, 3)))
    assert [e.location.name for e in events] == ["Funtua"]


def test_what_a_tip_said_is_no_event(nlp):
    sent = next(nlp("The troops were acting on a tip that fighters of the Allied Democratic Forces had set up "
                    "camp near a river, an army spokesman said.").sents)
    found = [t for t in classify.find_triggers(sent) if t.text.lower() == "set up"]
    assert found and modality.mention_modality(sent, found[0])[0] == "hypothetical"


def test_the_incident_the_news_came_after_adds_nothing_to_its_toll(pipeline):
    text = ("A man was shot dead outside a store in Ogden on Monday night, police said.\n\n"
            "The shooting came two days after three people were killed in a shooting in a nearby town.")
    events = _violent(_run(pipeline, text, dt.date(2026, 9, 15)))
    assert len(events) == 1 and events[0].fatalities.best == 1


def test_a_witnesss_quotation_after_a_sentence_of_history_is_that_time(pipeline):
    title = "In Ituri's camps, displaced families wait for peace"
    text = (title + "\n\nBUNIA, Democratic Republic of Congo (Reuters) - Each day, Furaha Kahindo walks an hour from the "
            "camp where she has lived for three years to sell charcoal at the market in Bunia.\n\n"
            "The 41-year-old widow left her village in Djugu territory in 2022, when fighting between the CODECO "
            "militia and the army "
            "reached her farm. \"We heard the bombs at night. At dawn we took the children and walked,\" she "
            "said.\n\nAid agencies say funding cuts have left the camps short of food and clean water.")
    assert not _run(pipeline, text, dt.date(2026, 1, 20), title).events


def test_millions_displaced_is_a_state_not_an_event(pipeline):
    text = ("More than six million people are displaced across the country, according to the United Nations, "
            "most of them in the east.")
    assert not _run(pipeline, text, dt.date(2026, 1, 20)).events


def test_the_sources_that_tell_a_toll_are_not_among_its_dead(pipeline):
    text = ("Militants attacked an army post near the border late on Friday, killing six soldiers, "
            "three security sources said on Sunday.")
    events = _violent(_run(pipeline, text, dt.date(2026, 8, 9)))
    assert [e.fatalities.best for e in events] == [6]


def test_fighters_from_a_named_group_are_that_group(pipeline):
    text = ("Militants kill nine soldiers in attack on army camp\n\n"
            "Fighters from Islamic State West Africa Province (ISWAP) attacked an army camp in Damasak late on "
            "Friday, killing nine soldiers, a military source said. ISWAP split from Boko Haram in 2016.")
    events = _violent(_run(pipeline, text, dt.date(2026, 8, 9), "Militants kill nine soldiers in attack on army camp"))
    assert [e.actor1.name for e in events] == ["Islamic State West Africa Province"]


def test_a_headline_that_kills_and_abducts_tells_an_attack_and_an_abduction(pipeline):
    """The headline's abduction is told with its toll ("kill six ..., abduct priest"): the group of
    the killing is an attack, and the abduction a title before the priest's name does not cut
    from its place is an event of its own."""
    title = "Gunmen kill six in Plateau community, abduct Catholic priest"
    text = (title + "\n\nJOS - Suspected bandits have killed six people in an attack on Ramin Kura community in "
            "Bokkos Local Government Area of Plateau State, the police have said.\n\n"
            "The attackers invaded the community on Friday night and shot at residents, a police spokesman said "
            "in a statement on Sunday. He said the bodies had been deposited at a mortuary in Jos and that a "
            "manhunt had been launched for the attackers.\n\n"
            "In a separate incident, gunmen on Saturday abducted a Catholic priest, Rev. Fr. Peter Dung, along the "
            "Jos-Bauchi road in Jos East Local Government Area, his school said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 5, 4), title))
    assert sorted((e.sub_event_type, e.event_date.isoformat()) for e in events) == [
        ("Abduction/forced disappearance", "2026-05-02"), ("Attack", "2026-05-01")]


def test_a_planned_protest_named_as_an_object_has_not_happened(nlp):
    def modality_of(text, word):
        sent = next(nlp(text).sents)
        found = [t for t in classify.find_triggers(sent) if word in t.text.lower()]
        return modality.mention_modality(sent, found[0])[0]
    assert modality_of("Officials cut mobile data in the region ahead of planned rallies, a rights group said.",
                       "rallies") == "plan"
    assert modality_of("A carefully planned attack killed 20 soldiers at the base.", "attack") == "asserted"
    assert modality_of("The planned march went ahead peacefully on Saturday.", "march") == "asserted"


def test_a_sentence_with_no_place_of_its_own_is_not_kept_apart_by_the_dateline(pipeline):
    """The dateline's town lent to a sentence that names no place is borrowed, as the
    document's place is: it keeps no mention apart from the incident the lede placed."""
    title = "Bandits kill nine in Zamfara village; 15 kidnapped in Sokoto"
    text = (title + "\n\nGUSAU, Nigeria, Sept 16 (Reuters) - Armed men on motorcycles killed nine villagers in an "
            "attack on a village in the Bukkuyum area of Zamfara state on Sunday, a local official said on Monday."
            "\n\nThe gunmen arrived after evening prayers and shot at residents before setting fire to grain "
            "stores, said the council chairman.\n\nIn neighbouring Sokoto state, bandits kidnapped 15 people from "
            "farms near Isa on Monday morning, police said.")
    events = _violent(_run(pipeline, text, dt.date(2024, 9, 16), title))
    assert not [e for e in events if e.location.name == "Gusau"]


def test_a_name_and_its_titles_are_one_hostage(pipeline):
    text = ("Gunmen kidnapped Musa Ali, a trader and the father of a local councillor, in Kaura Namoda on Tuesday, "
            "police said.")
    events = _violent(_run(pipeline, text, dt.date(2024, 9, 18)))
    assert [e.hostages.best for e in events] == [1]


def test_a_body_named_like_a_town_is_not_read_as_the_town(pipeline):
    title = "Argentine police use water cannon on teachers' protest outside Congress"
    text = (title + "\n\nBUENOS AIRES (AP) — Argentine police fired water cannon and pepper spray on Wednesday "
            "at hundreds of teachers and their supporters who were protesting outside Congress against cuts to "
            "school budgets, and detained at least eight people.")
    events = _run(pipeline, text, dt.date(2026, 4, 2), title).events
    assert events and all(e.location.country == "Argentina" for e in events)


def test_a_count_of_millions_displaced_is_an_aggregate(pipeline):
    title = "Fighting has displaced more than 2 million in the region, aid agency says"
    text = (title + "\n\nGENEVA, Feb 25 (Reuters) - More than two million people have fled their homes in the "
            "region since the war began, an aid agency said in a report on Wednesday.")
    assert not _violent(_run(pipeline, text, dt.date(2026, 2, 25), title))
    assert not _run(pipeline, text, dt.date(2026, 2, 25), title).events


def test_forces_led_or_backed_by_someone_are_no_states_army(pipeline):
    title = "Clashes between Kurdish-led forces and Turkish-backed fighters kill 7 in north Syria"
    text = (title + "\n\nBEIRUT, July 9 (AFP) - Clashes between the Syrian Democratic Forces and Turkey-backed "
            "factions near Manbij killed seven fighters on Wednesday, a war monitor said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 7, 9), title))
    assert events and not any(name and name.startswith("Military Forces of Syria")
                              for e in events for name in (e.actor1.name, e.actor2 and e.actor2.name))


def test_the_day_right_after_said_is_the_tellers(pipeline):
    text = "The army said on Sunday it had killed 12 militants in an operation near the town of Bannu on Saturday."
    events = _violent(_run(pipeline, text, dt.date(2026, 5, 4)))
    assert [e.event_date for e in events] == [dt.date(2026, 5, 2)]


def test_a_town_taken_or_described_as_a_town_is_the_scene(pipeline):
    title = "Rebels say they have seized the lakeside town of Sake"
    text = (title + "\n\nGOMA, Congo, April 7 (Reuters) - M23 rebels said on Tuesday they had taken full control "
            "of Sake, a lakeside town in North Kivu province, on Monday after clashes with the army.")
    events = _violent(_run(pipeline, text, dt.date(2026, 4, 7), title))
    assert events and events[0].location.name == "Sake"
    assert events[0].actor1 is not None and "M23" in events[0].actor1.name


def test_a_tally_since_a_truce_is_not_the_events_toll(pipeline):
    text = ("An air strike on a house in Khan Younis killed three people on Monday, medics said.\n\n"
            "More than 400 people have been killed by air strikes since the truce took effect, the health "
            "ministry says.")
    events = _violent(_run(pipeline, text, dt.date(2026, 3, 10)))
    assert [e.fatalities.best for e in events] == [3]


def test_a_second_kind_of_act_in_a_second_town_is_a_second_event(pipeline):
    title = "Drone strike kills three in south Lebanon"
    text = (title + "\n\nBEIRUT (AP) — An Israeli drone strike on a motorcycle in the village of Kfar Kila killed "
            "three men on Monday, the state news agency said.\n\nLater on Monday, Israeli artillery shelled the "
            "outskirts of Hasbaya, a town near the border. No one was hurt.")
    events = _violent(_run(pipeline, text, dt.date(2026, 5, 4), title))
    assert sorted(e.sub_event_type for e in events) == ["Air/drone strike", "Shelling/artillery/missile attack"]


def test_a_strike_the_union_has_called_has_not_happened(nlp):
    def modality_of(text, word):
        sent = next(nlp(text).sents)
        found = [t for t in classify.find_triggers(sent) if word in t.text.lower()]
        return modality.mention_modality(sent, found[0])[0]
    assert modality_of("Police detained dozens of activists on Monday, a day before a general strike the party has "
                       "called.", "strike") == "plan"
    assert modality_of("The strike the union called began on Monday.", "strike") == "asserted"


def test_a_boycott_of_a_vote_is_no_protest(nlp):
    sent = next(nlp("The main opposition party, which boycotted the election, rejected the results.").sents)
    assert not [h for h in classify.match_lexicon(sent) if h.family == "protest"]
    sent = next(nlp("Traders boycotted the market for a third day to protest new taxes.").sents)
    assert [h for h in classify.match_lexicon(sent) if h.family == "protest"]


def test_a_match_report_yields_no_event(pipeline):
    title = "United hold on to beat City in derby"
    text = (title + "\n\nUnited beat City 2-1 on Sunday to go three points clear at the top of the league.\n\n"
            "City's attack fired blanks in the first half, and United's striker killed off the contest with a "
            "header from a corner after the restart.\n\nThe visitors were shot to pieces in the second half, "
            "their manager said, and the goalkeeper was carried off injured.")
    assert not _run(pipeline, text, dt.date(2026, 3, 9), title).events
    text += "\n\nPolice said four fans were arrested after rival supporters clashed outside the stadium."
    assert _run(pipeline, text, dt.date(2026, 3, 9), title).events


def test_another_acts_day_below_does_not_date_the_news(pipeline):
    title = "Gunmen attack police patrol near Hangu, killing 3"
    text = (title + "\n\nPESHAWAR, Pakistan, March 12 (Reuters) - Gunmen attacked a police patrol escorting a "
            "convoy near Hangu on Thursday, killing three officers, police said.\n\nOn Monday, gunmen killed a "
            "policeman at a checkpoint in Kohat, police said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 3, 12), title))
    assert dt.date(2026, 3, 12) in [e.event_date for e in events]


def test_a_convoy_of_passengers_is_civilians(pipeline):
    text = ("Gunmen opened fire on a convoy of passenger vehicles travelling under police escort near Hangu on "
            "Thursday, killing five people, police said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 3, 12)))
    assert [e.event_type for e in events] == ["Violence against civilians"]


def test_live_fire_drills_are_no_event(pipeline):
    title = "Navy holds live-fire drills off the coast"
    text = (title + "\n\nWarships fired missiles and naval guns at floating targets on Wednesday in live-fire "
            "drills simulating an attack on the coast, the navy said.\n\nHelicopters practised strikes on "
            "landing craft, it said.")
    assert not _run(pipeline, text, dt.date(2026, 6, 4), title).events


def test_bombs_an_aircraft_dropped_are_an_air_strike(pipeline):
    title = "Guided bombs kill four in Kharkiv"
    text = (title + "\n\nKYIV, June 3 (Reuters) - Russian aircraft dropped guided bombs on the city of Kharkiv on "
            "Wednesday, killing four people, the regional governor said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 6, 3), title))
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]
    assert events[0].actor1.name == "Military Forces of Russia"


def test_an_unknown_town_its_apposition_names_is_the_scene(pipeline):
    text = ("A mob beat a man to death on Monday, police said.\n\nThe killing took place late Monday in "
            "Qalandarabad, a market town in Abbottabad district, police said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 6, 16)))
    assert events and events[0].location.name == "Qalandarabad"


def test_officers_deployed_for_the_polls_are_no_event(nlp):
    sent = next(nlp("More than 8,000 police officers were deployed for Saturday's council polls.").sents)
    assert not [h for h in classify.match_lexicon(sent) if h.text.lower().startswith("deploy")]
    sent = next(nlp("The army deployed troops to the town after the clashes.").sents)
    assert [h for h in classify.match_lexicon(sent) if h.text.lower().startswith("deploy")]


def test_a_hyphened_modifier_keeps_the_preposition_of_its_town(pipeline):
    text = ("Drones struck a fuel depot in Port Sudan on Wednesday, the government said.\n\n"
            "Separately, an army air strike on a market in the rebel-held city of Nyala killed 11 civilians "
            "on Sunday, a rights group said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 8, 12)))
    assert sorted((e.location.name, e.event_date) for e in events) == [
        ("Nyala", dt.date(2026, 8, 9)), ("Port Sudan", dt.date(2026, 8, 12))]


def test_a_headlines_semicolon_parts_two_stories(nlp):
    title = "Drones hit fuel depot in Port Sudan; army strike on Nyala market kills 11"
    doc = nlp(title + "\n\nCAIRO, Aug 12 (Reuters) - Drones struck a fuel depot in Port Sudan on Wednesday.")
    assert [s.text.strip() for s in doc.sents][:2] == [
        "Drones hit fuel depot in Port Sudan;", "army strike on Nyala market kills 11"]
    doc = nlp("Police said the march was peaceful; no one was hurt. Two men were later arrested.")
    assert len(list(doc.sents)) == 2  # a body's semicolon parts nothing


def test_a_strike_on_a_place_or_that_hits_is_a_blow(nlp):
    def protest(text):
        return [h for h in classify.match_lexicon(next(nlp(text).sents)) if h.family == "protest"]
    assert not protest("An army strike on a market killed 11 people.")
    assert not protest("Israeli strikes hit a military site near Damascus.")
    assert protest("Teachers began a strike on Monday over pay.")
    assert protest("The strike hit exports at the port.")


def test_party_supporters_who_fought_with_crude_bombs_riot(pipeline):
    text = ("Supporters of two rival political parties fought with sticks, stones and crude bombs in the "
            "town of Bogura on Friday, leaving one man dead, police said.")
    events = _run(pipeline, text, dt.date(2026, 11, 14)).events
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Riots", "Mob violence")]


def test_the_dateline_standing_in_for_a_sentence_without_a_place_is_borrowed(pipeline):
    title = "One dead as rival party supporters clash in northern Bangladesh"
    text = (title + "\n\nDHAKA, Bangladesh (AP) — Supporters of two rival parties fought with sticks and "
            "stones in the northern town of Bogura on Friday, leaving one man dead, police said.\n\n"
            "Shops were vandalised and several motorcycles were set on fire.\n\nPolice fired tear gas to "
            "separate the two groups and arrested 18 people.")
    events = _run(pipeline, text, dt.date(2026, 11, 14), title).events
    assert [e.location.name for e in events] == ["Bogra"]


def test_a_tally_set_aside_lends_the_news_no_toll(pipeline):
    text = ("Maoist rebels blew up a police vehicle in Bijapur district on Monday, killing nine officers, "
            "police said.\n\nSecurity forces have killed more than 200 suspected rebels in the state in the "
            "past year.")
    events = _violent(_run(pipeline, text, dt.date(2026, 1, 7)))
    assert [e.fatalities.best for e in events] == [9]


def test_acts_said_to_be_common_are_no_event(pipeline):
    text = "Kidnappings for ransom are common in the oil-producing south of the country."
    assert not _run(pipeline, text, dt.date(2026, 2, 8)).events


def test_the_group_a_named_tie_qualifies_is_the_actor(pipeline):
    text = ("A suicide bomber killed 14 people at a restaurant in Mogadishu on Monday.\n\nThe al Qaeda-linked "
            "al Shabaab group claimed responsibility.")
    events = _violent(_run(pipeline, text, dt.date(2026, 3, 3)))
    assert events[0].actor1.name == "Al-Shabaab"
    assert [c.actor for c in events[0].claims] == ["Al-Shabaab"]
    text = "Islamic State-linked militants killed 12 soldiers near Djibo on Sunday."
    events = _violent(_run(pipeline, text, dt.date(2026, 5, 19)))
    assert events[0].actor1.name.startswith("IS")


def test_a_time_still_to_come_dates_no_act(pipeline):
    title = "Police arrest 40 opposition supporters"
    text = (title + "\n\nKAMPALA, June 24 (Reuters) - Police arrested about 40 opposition supporters in Kampala on "
            "Tuesday, the party said.\n\nThe party's leader said the arrests were meant to intimidate his "
            "supporters before next year's elections.")
    events = _run(pipeline, text, dt.date(2026, 6, 24), title).events
    assert [e.event_date for e in events] == [dt.date(2026, 6, 23)]


def test_an_act_ahead_of_which_the_news_came_is_still_to_come(pipeline):
    title = "Police arrest 40 opposition supporters ahead of rally"
    text = (title + "\n\nKAMPALA, June 24 (Reuters) - Police arrested about 40 opposition supporters in Kampala "
            "on Tuesday, the party said.")
    events = _run(pipeline, text, dt.date(2026, 6, 24), title).events
    assert [e.sub_event_type for e in events] == ["Arrests"]


def test_a_border_crossing_is_a_place_not_a_line(nlp):
    from eventwire.geo._roles import sentence_role
    from eventwire.geo import find_toponyms
    from eventwire.gazetteer import default_gazetteer

    def role(text, name):
        doc = nlp(text)
        return next(sentence_role(doc, t) for t in find_toponyms(doc, default_gazetteer()) if t.text == name)
    assert role("Troops exchanged fire at the Chaman border crossing on Wednesday.", "Chaman") == "event"
    assert role("Troops clashed near the Maharashtra border on Wednesday.", "Maharashtra") == "background"


def test_a_death_in_custody_is_no_arrest_and_no_toll_of_the_fire_it_caused(nlp):
    sent = next(nlp("Angry residents set fire to a police station on Monday after a young man died in police "
                    "custody.").sents)
    kinds = {(t.event_type, t.sub_event_type) for t in classify.find_triggers(sent)}
    assert ("Strategic developments", "Arrests") not in kinds
    assert ("Violence against civilians", "Attack") not in kinds
    sent = next(nlp("Police took three men into custody on Monday.").sents)
    assert [t.sub_event_type for t in classify.find_triggers(sent)] == ["Arrests"]


def test_a_protest_whose_crowd_burns_a_station_is_a_violent_demonstration(pipeline):
    title = "Protesters march on police station after death"
    text = (title + "\n\nDAKAR, June 2 (Reuters) - Hundreds of protesters marched on a police station in the town "
            "of Kaolack on Monday.\n\nThey threw stones at officers and then set fire to the station, the "
            "ministry said.")
    events = _run(pipeline, text, dt.date(2026, 6, 2), title).events
    assert [e.event_type for e in events] == ["Riots"]


def test_the_town_before_the_day_of_an_incident_told_in_a_funeral_report(pipeline):
    title = "Nigeria buries five soldiers killed in bandit ambush"
    text = (title + "\n\nKADUNA, Nigeria, Sept 9 (Reuters) - Hundreds of mourners attended a military funeral in "
            "the northern city of Kaduna on Wednesday for five soldiers killed in an ambush by bandits near "
            "Birnin Gwari on Saturday.\n\nThe soldiers were escorting a convoy of trucks when gunmen opened fire "
            "on them, an army spokesman said.\n\nThe troops fought back, he said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 9, 9), title))
    assert [(e.location.name, e.event_date) for e in events] == [("Birnin Gwari", dt.date(2026, 9, 5))]


def test_a_struggle_for_control_is_no_clash(pipeline):
    assert not _run(pipeline, "Drug gangs have fought for control of the ports and prisons.", dt.date(2026, 9, 26)).events
    events = _run(pipeline, "Gangs fought for control of the prison on Monday, killing six inmates.",
                  dt.date(2026, 9, 26)).events
    assert [e.event_type for e in events] == ["Battles"]


def test_gunfire_and_explosions_heard_are_a_fight(nlp):
    sent = next(nlp("Residents reported heavy gunfire and explosions, and the airport suspended flights.").sents)
    assert [t.event_type for t in classify.find_triggers(sent)] == ["Battles"]
    sent = next(nlp("Explosions were heard across the front line overnight.").sents)
    assert [t.event_type for t in classify.find_triggers(sent)] == ["Explosions/Remote violence"]


def test_police_who_did_not_intervene_met_no_protest(pipeline):
    text = ("Tens of thousands of people marched peacefully through central Belgrade on Thursday evening.\n\n"
            "Police watched from side streets but did not intervene.")
    events = _run(pipeline, text, dt.date(2026, 7, 2)).events
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


def test_a_headlines_town_named_as_its_state_may_be_the_state(pipeline):
    title = "Gunmen kill 12 in Zamfara village; 20 abducted in Katsina"
    text = (title + "\n\nGUSAU, Nigeria, Sept 16 (Reuters) - Armed men killed 12 villagers in an attack on a village "
            "in the Maru area of Zamfara state on Sunday, a local official said.\n\nIn neighbouring Katsina state, "
            "bandits abducted 20 people from farms near Faskari on Monday morning, police said.")
    events = _run(pipeline, text, dt.date(2024, 9, 16), title).events
    assert sorted((e.sub_event_type, e.event_date) for e in events) == [
        ("Abduction/forced disappearance", dt.date(2024, 9, 16)), ("Attack", dt.date(2024, 9, 15))]


def test_a_province_the_lede_names_backs_the_headlines_town(pipeline):
    title = "Landmine kills three children in Yemen's Taiz"
    text = (title + "\n\nADEN, Yemen (AP) — A landmine exploded as three children were herding goats near a village "
            "in Yemen's southwestern Taiz province on Tuesday, killing all three, an official said.\n\nThe "
            "children were killed near the village of al-Shaqab, the official said.")
    events = _run(pipeline, text, dt.date(2026, 4, 22), title).events
    assert [e.location.name for e in events] == ["Taiz"]


def test_a_countrys_drones_are_its_forces(pipeline):
    events = _run(pipeline, "Ukrainian drones struck an oil refinery in the Russian city of Ryazan on Sunday.",
                  dt.date(2026, 3, 30)).events
    assert [e.actor1.name for e in events] == ["Military Forces of Ukraine"]


def test_the_death_a_riot_answered_is_not_its_toll(pipeline):
    text = ("Angry residents set fire to a police station in the town of Kaolack on Monday after a young man "
            "died in police custody, officials said.\n\nHundreds of protesters threw stones at officers before "
            "storming the station and setting it alight.")
    events = _run(pipeline, text, dt.date(2026, 6, 2)).events
    assert [(e.event_type, e.fatalities.best if e.fatalities else 0) for e in events] == [("Riots", 0)]


def test_the_taliban_after_august_2021_are_afghanistans_forces(pipeline):
    text = ("Pakistani and Afghan Taliban forces exchanged fire at the Chaman border crossing on Wednesday, killing "
            "two soldiers.\n\nThe firing began after Afghan forces tried to repair the border fence.")
    events = _violent(_run(pipeline, text, dt.date(2026, 10, 29)))
    names = {n for e in events for n in (e.actor1.name, e.actor2 and e.actor2.name)}
    assert len(events) == 1 and "Military Forces of Afghanistan (2021-)" in names and "Taleban" not in names
    events = _violent(_run(pipeline, text, dt.date(2019, 10, 30)))
    assert "Taleban" in {n for e in events for n in (e.actor1.name, e.actor2 and e.actor2.name)}


def test_a_passer_by_is_one_word_and_one_person(nlp):
    from eventwire.extract import counts
    sent = next(nlp("A bomber blew himself up at a checkpoint on Tuesday, killing five policemen and a "
                    "passer-by, police said.").sents)
    assert [(c.kind, c.best) for c in counts.find_counts(sent)] == [("fatalities", 6)]


def test_a_group_tied_in_words_to_the_actor_is_no_party(pipeline):
    text = "Al Shabaab, which is linked to al Qaeda, claimed the bombing in Mogadishu that killed 14 on Monday."
    events = _violent(_run(pipeline, text, dt.date(2026, 3, 3)))
    names = {n for e in events for n in (e.actor1 and e.actor1.name, e.actor2 and e.actor2.name)}
    assert "Al-Shabaab" in names and "al-Qaida" not in names


def test_a_year_written_once_after_two_months_is_both_months():
    from eventwire.extract.dates import resolve
    published = dt.date(2026, 5, 4)
    assert resolve("in March and April 2023", published)[:2] == (dt.date(2023, 3, 1), "month")
    assert resolve("between Jan 4 and Feb 9, 2021", published)[:2] == (dt.date(2021, 1, 4), "day")
    assert resolve("March 3", published)[0] == dt.date(2026, 3, 3)


def test_an_old_incidents_toll_stays_with_it(pipeline):
    text = ("Hundreds of teachers marched in Accra to demand unpaid wages, a union leader said.\n\n"
            "More than 40 people were killed during riots over fuel prices in May and June 2022, "
            "according to rights groups.")
    events = _violent(_run(pipeline, text, dt.date(2026, 9, 15)))
    assert [(e.event_type, e.fatalities.best if e.fatalities else 0) for e in events] == [("Protests", 0)]


def test_towns_listed_after_one_preposition_are_one_event_each(pipeline):
    text = "Thousands of farmers marched on Friday in Lahore, Multan and Faisalabad to demand lower fuel prices."
    events = _run(pipeline, text, dt.date(2026, 4, 11)).events
    assert sorted(e.location.name for e in events) == ["Faisalabad", "Lahore", "Multan"]
    assert {e.sub_event_type for e in events} == {"Peaceful protest"}


def test_a_death_when_police_clear_a_blockade_is_force_against_protesters(pipeline):
    text = ("Two dead as police clear truckers' road blockade\n\n"
            "Two protesters were killed on Thursday when police fired tear gas to clear truck drivers blocking "
            "a highway outside Tegucigalpa, a rights group said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 3, 6), title="Two dead as police clear truckers' road blockade"))
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Protests", "Excessive force against protesters")]


def test_when_a_lasting_protest_began_is_no_second_protest(pipeline):
    text = ("Police dispersed hundreds of nurses blocking the main road into Kumasi on Wednesday, firing tear gas.\n\n"
            "The nurses, who began the sit-in last week, want overdue allowances paid.")
    events = _run(pipeline, text, dt.date(2026, 8, 6)).events
    assert len(events) == 1 and events[0].event_date == dt.date(2026, 8, 5)


def test_a_town_said_retaken_on_one_day_and_entered_the_day_before_is_one_fight(pipeline):
    text = ("Mali's army said on Sunday it had recaptured the town of Boni from jihadist fighters.\n\n"
            "Soldiers entered Boni on Saturday and killed several militants, an army statement said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 2, 2)))
    assert [(e.sub_event_type, e.event_date) for e in events] == [("Government regains territory", dt.date(2026, 1, 31))]


def test_glide_bombs_are_dropped_from_the_air_by_the_countrys_forces(pipeline):
    text = "Russian glide bombs hit a school in Zaporizhzhia on Tuesday, killing two teachers, officials said."
    events = _violent(_run(pipeline, text, dt.date(2026, 10, 14)))
    assert [(e.sub_event_type, e.actor1.name) for e in events] == [("Air/drone strike", "Military Forces of Russia")]


def test_a_group_that_says_it_carried_out_the_attack_claims_it(pipeline):
    text = ("Gunmen opened fire on a bus near Ghazni on Monday, killing four passengers, police said.\n\n"
            "The Islamic State group said it carried out the attack.")
    result = _run(pipeline, text, dt.date(2026, 5, 5))
    events = _violent(result)
    assert len(events) == 1 and events[0].claims and "Islamic State" in events[0].actor1.name


def test_a_checkpoint_a_blast_went_off_near_is_no_doer(pipeline):
    text = "Car bomb near Kabul checkpoint kills three, police say"
    events = _violent(_run(pipeline, text, dt.date(2026, 5, 5), title=text))
    assert events and events[0].actor1 is not None and "Military" not in events[0].actor1.name


def test_arrests_the_day_after_a_riot_are_a_step_of_it(pipeline):
    text = ("Rival party supporters fought with sticks and stones in the town of Bogra on Sunday, leaving one man "
            "dead, police said.\n\n"
            "Police arrested 20 people in the town on Monday.")
    events = _run(pipeline, text, dt.date(2026, 3, 3)).events
    assert [e.event_type for e in events] == ["Riots"]


def test_a_claim_of_that_attack_is_the_earlier_incidents(pipeline):
    text = ("A bomb exploded at a bus station in Peshawar on Friday, killing five people, police said. No group "
            "claimed responsibility.\n\n"
            "The blast came a month after a bombing at a mosque in Peshawar on Jan. 30 killed 12 worshippers. "
            "The Pakistani Taliban said it carried out that attack.")
    events = _violent(_run(pipeline, text, dt.date(2026, 3, 7)))
    news = next(e for e in events if e.event_date == dt.date(2026, 3, 6))
    assert "Taliban" not in (news.actor1.name if news.actor1 else "")


def test_an_emergency_extended_is_no_new_development(pipeline):
    text = ("Peru extends curfew in two southern provinces\n\n"
            "LIMA, May 5 (Reuters) - Peru's government on Tuesday extended a night-time curfew in Puno and Cusco "
            "for another 30 days, citing a rise in armed robberies.")
    assert not _run(pipeline, text, dt.date(2026, 5, 5)).events
    text = "Peru's government on Tuesday declared a state of emergency in Puno after days of road blockades."
    assert _run(pipeline, text, dt.date(2026, 5, 5)).events


def test_fighting_that_persists_in_a_report_on_talks_is_no_fight(pipeline):
    title = "Sudan's warring sides meet in Jeddah as fighting persists in Darfur"
    text = (title + "\n\nJEDDAH, May 4 (Reuters) - Envoys of Sudan's army and the Rapid Support Forces met in Jeddah "
            "on Monday for talks on a truce, Saudi officials said.")
    assert not [e for e in _run(pipeline, text, dt.date(2026, 5, 4), title=title).events if e.event_type == "Battles"]
    text = "Fighting continued on Tuesday in El Fasher, killing nine civilians, medics said."
    assert [e.event_type for e in _run(pipeline, text, dt.date(2026, 5, 6)).events] == ["Battles"]


def test_what_a_side_has_signed_is_no_new_agreement(pipeline):
    text = "\"They must honour what they have signed,\" a government negotiator told reporters in Doha."
    assert not _run(pipeline, text, dt.date(2026, 5, 4)).events



def test_houthi_forces_are_the_houthis_by_acled_s_name_for_them(pipeline):
    text = "Shells fired by Houthi forces hit a market in the Yemeni city of Taiz on Monday, killing two women."
    events = _violent(_run(pipeline, text, dt.date(2026, 8, 4)))
    assert [e.actor1.name for e in events] == ["Military Forces of Yemen (2016-) Supreme Political Council"]


def test_a_headline_town_named_with_its_country_is_one_happening(pipeline):
    title = "Woman killed as shells hit Yemen's Taiz"
    text = (title + "\n\nADEN, Aug 4 (Reuters) - A woman was killed when shells hit a market in the city of Taiz on "
            "Monday, local officials said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 8, 4), title=title))
    assert [e.location.name for e in events] == ["Taiz"]


def test_a_province_after_neighbouring_and_a_camp_named_in_two_words_give_the_place(pipeline):
    text = ("Rebels killed ten villagers near Oicha in Beni territory on Monday, officials said.\n\n"
            "In neighbouring Ituri province, militiamen attacked a camp at Plaine Savo in Djugu territory on "
            "Saturday, killing four people.")
    events = _violent(_run(pipeline, text, dt.date(2026, 11, 3)))
    assert sorted((e.event_date.day, e.location.name) for e in events) == [(2, "Oicha"), (31, "Djugu")]


def test_a_township_known_only_abroad_is_named_in_its_province(pipeline):
    text = "An air strike killed nine people in Kani township in the central Sagaing region on Sunday, residents said."
    events = _violent(_run(pipeline, text, dt.date(2026, 9, 29)))
    assert [(e.location.name, e.location.country) for e in events] == [("Kani", "Myanmar")]


def test_a_towns_airport_is_in_the_town(pipeline):
    text = "Mortar shells landed near Mogadishu airport on Saturday evening, witnesses said."
    events = _violent(_run(pipeline, text, dt.date(2026, 2, 15)))
    assert [e.location.name for e in events] == ["Mogadishu"]


def test_an_attack_later_claimed_by_a_group_is_claimed(pipeline):
    text = ("Mortar shells landed near a military base in Baidoa on Saturday, in an attack later claimed by "
            "al-Shabaab on its radio station.")
    events = _violent(_run(pipeline, text, dt.date(2026, 2, 15)))
    assert events and events[0].claims and events[0].actor1.name == "Al-Shabaab"


def test_weapons_recovered_in_a_raid_are_no_seizure_of_their_own(pipeline):
    text = ("Security forces killed five militants in a raid on a hideout in the Mir Ali area of North Waziristan "
            "on Monday, the military said.\n\n"
            "It said the militants belonged to the Pakistani Taliban and that weapons were recovered from the compound.")
    events = _run(pipeline, text, dt.date(2026, 1, 13)).events
    assert [e.event_type for e in events] == ["Battles"]
    assert events[0].actor2 is None or events[0].actor2.name != events[0].actor1.name


def test_a_crowd_that_burns_while_police_use_water_cannon_riots(pipeline):
    text = ("Police fired water cannon at farmers who set fire to tyres and threw fireworks outside the agriculture "
            "ministry in Madrid on Monday, during a protest over fuel prices.")
    events = _run(pipeline, text, dt.date(2026, 9, 15)).events
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Riots", "Violent demonstration")]
    text = "Police fired water cannon at farmers protesting outside the agriculture ministry in Madrid on Monday."
    events = _run(pipeline, text, dt.date(2026, 9, 15)).events
    assert [e.sub_event_type for e in events] == ["Protest with intervention"]


def test_a_town_the_gazetteer_lacks_is_still_the_place_and_the_countryside_its_province(pipeline):
    text = "Air strikes hit an arms depot near the town of Kisweh in the Damascus countryside on Tuesday night."
    events = _violent(_run(pipeline, text, dt.date(2026, 5, 13)))
    assert [(e.location.name, e.location.admin1) for e in events] == [("Kisweh", "Rif Dimashq")]


def test_the_town_a_victim_is_mayor_of_is_the_scene_and_a_headlines_shot_dead_victim_no_doer(pipeline):
    title = "Mexican mayor shot dead in Guerrero"
    text = (title + "\n\nMEXICO CITY, July 7 (Reuters) - The mayor of the town of Iguala in Mexico's southern "
            "Guerrero state was shot dead on Monday as he left his office, prosecutors said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 7, 7), title=title))
    assert [e.location.name for e in events] == ["Iguala de la Independencia"]
    assert "Civilians" not in events[0].actor1.name


def test_a_town_in_the_country_the_sentence_names_beats_a_bureau_dateline(pipeline):
    text = ("ERBIL, Iraq, Jan 20 (Reuters) - A drone strike hit a car near the town of Sinjar in northern Iraq on "
            "Monday, killing two fighters, local officials said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 1, 20)))
    assert [e.location.admin1 for e in events] == ["Nineveh"]


def test_a_village_attacked_in_an_occupied_territory_is_the_village(pipeline):
    text = "Settlers attacked the village of Sinjil in the occupied West Bank on Sunday night, burning two cars."
    events = _violent(_run(pipeline, text, dt.date(2026, 8, 18)))
    assert [e.location.name for e in events] == ["Sinjil"]


def test_repeated_fighting_a_city_has_seen_is_its_history(pipeline):
    text = "The port city has seen repeated fighting between armed factions that control its refinery."
    assert not _run(pipeline, text, dt.date(2026, 2, 11)).events


def test_talks_on_efforts_to_reach_a_ceasefire_are_no_agreement(pipeline):
    text = ("Sudan's army chief arrived in Cairo on Tuesday for talks on the war and efforts to reach a ceasefire, "
            "Egypt's presidency said.")
    assert not _run(pipeline, text, dt.date(2026, 11, 24)).events


def test_a_headlines_territory_gives_way_to_the_ledes_village_in_it(pipeline):
    title = "Palestinian killed as Israeli settlers attack West Bank village"
    text = (title + "\n\nRAMALLAH, West Bank, Aug 18 (Reuters) - A Palestinian man was killed when Israeli settlers "
            "attacked the village of Sinjil in the occupied West Bank on Sunday night, the health ministry said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 8, 18), title=title))
    assert [e.location.name for e in events] == ["Sinjil"]


def test_an_act_told_before_a_remembrance_is_done_at_it(pipeline):
    title = "Police shoot dead three as crowds mark anniversary of a massacre"
    text = (title + "\n\nLUSAKA, Oct 9 (Reuters) - Police fired on protesters in central Lusaka on Wednesday, killing "
            "three people, as crowds gathered to mark ten years since soldiers killed miners at a protest.")
    events = _run(pipeline, text, dt.date(2026, 10, 9), title=title).events
    assert [(str(e.event_date), e.fatalities.best) for e in events] == [("2026-10-07", 3)]


def test_a_piece_a_year_after_a_massacre_reports_no_event(pipeline):
    title = "A year after the raid on their village, survivors wait for help"
    text = (title + "\n\nJOS, Nigeria, May 4 (Reuters) - A year after gunmen killed 30 people in the village of "
            "Kwall, families still sleep in a church.\n\nPolice later said they had arrested four suspects.")
    assert not _run(pipeline, text, dt.date(2026, 5, 4), title=title).events


def test_a_history_after_an_act_of_this_week_is_set_beside_it(pipeline):
    text = ("Gunmen killed six traders on a road near Gwoza on Saturday, two years after a raid on the town killed "
            "40 people.")
    events = _violent(_run(pipeline, text, dt.date(2026, 3, 16)))
    assert [(str(e.event_date), e.fatalities.best) for e in events] == [("2026-03-14", 6)]


def test_deaths_in_the_weeks_that_followed_are_no_toll_of_the_day(pipeline):
    text = ("Soldiers shot dead two protesters in Bamenda on Monday. Dozens more were killed in the months that "
            "followed the first protests.")
    events = _run(pipeline, text, dt.date(2026, 4, 8)).events
    assert [e.fatalities.best for e in events] == [2]


def test_a_besieged_town_is_its_state_not_a_battle(pipeline):
    text = "Shells fired by the rebels hit a market in the besieged town of Kadugli on Sunday, killing nine people."
    events = _violent(_run(pipeline, text, dt.date(2026, 2, 3)))
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]


def test_weapons_a_band_is_armed_with_are_carried_not_the_act(pipeline):
    text = ("Gunmen armed with rifles and grenades attacked an army post in Kidal on Monday, and fought soldiers "
            "for two hours before withdrawing.")
    events = _violent(_run(pipeline, text, dt.date(2026, 6, 2)))
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_a_hyphenated_name_with_an_elided_article_is_one_place(pipeline):
    text = "Gang members stormed the town of Petit-Goâve on Sunday. Hundreds fled Saut-d'Eau on Monday."
    from eventwire.geo._places import find_toponyms

    doc = pipeline.nlp(text)
    assert "Saut-d'Eau" in [t.text for t in find_toponyms(doc, pipeline.gazetteer)]


def test_a_headline_that_sums_up_two_happenings_gives_each_its_figure(pipeline):
    title = "Nine police killed in raid on post, air strikes kill 30 fighters"
    text = (title + "\n\nABUJA, March 9 (Reuters) - Nine policemen were killed when gunmen attacked a police post "
            "in Gusau on Saturday, police said.\n\nIn a separate operation on Sunday, air force jets struck a "
            "camp near Tsafe, killing at least 30 fighters, the air force said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 3, 9), title=title))
    assert sorted((str(e.event_date), e.fatalities.best or e.fatalities.low) for e in events) == [
        ("2026-03-07", 9), ("2026-03-08", 30)]


def test_an_act_told_as_separate_joins_no_incident_told_before(pipeline):
    text = ("Troops killed three gunmen in a raid in Nablus on Monday, the military said.\n\n"
            "Separately, Israeli settlers attacked the village of Burqa on Sunday night, beating a farmer, "
            "residents said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 5, 5)))
    assert sorted(str(e.event_date) for e in events) == ["2026-05-03", "2026-05-04"]
    assert "Settlers (Israel)" in [e.actor1.name for e in events]


def test_a_town_taken_without_a_fight_is_a_transfer_of_territory(pipeline):
    text = ("Rebels entered the town of Kitchanga on Sunday and took control of it without a fight after "
            "soldiers withdrew, residents said.")
    events = _run(pipeline, text, dt.date(2026, 6, 9)).events
    assert [e.sub_event_type for e in events] == ["Non-violent transfer of territory"]


def test_previous_truces_are_the_past_not_an_agreement(pipeline):
    text = ("The two sides signed a ceasefire in Addis Ababa on Monday, mediators said. Previous truces in the "
            "war have collapsed within days.")
    events = _run(pipeline, text, dt.date(2026, 7, 14)).events
    assert [e.sub_event_type for e in events] == ["Agreement"]


def test_a_dateline_of_two_bureaus_is_a_dateline(pipeline):
    text = ("NEW DELHI/ISLAMABAD, May 8 (Reuters) - Indian and Pakistani troops exchanged fire across the "
            "Line of Control in Kupwara on Wednesday, killing two soldiers, officials said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 5, 8)))
    assert [str(e.event_date) for e in events] == ["2026-05-06"]


def test_a_headline_of_two_happenings_leaves_each_its_day_and_toll(pipeline):
    title = "Troops clash with rebels in the north; air strikes kill nine in Idlib"
    text = (title + "\n\nDAMASCUS, Oct 6 (Reuters) - Troops clashed with rebels near Aleppo on Saturday, killing "
            "three soldiers, the army said.\n\nOn Sunday, air strikes hit a market in Idlib, killing nine "
            "people, rescuers said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 10, 6), title=title))
    assert sorted((str(e.event_date), e.fatalities.best) for e in events) == [("2026-10-03", 3), ("2026-10-04", 9)]


def test_an_unknown_town_under_a_capitals_dateline_is_placed_in_the_country(pipeline):
    text = ("BAMAKO, Feb 12 (Reuters) - Jihadist fighters attacked an army camp in Farabougou in central Mali on "
            "Tuesday, killing four soldiers, the army said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 2, 12)))
    assert [(e.location.name, e.location.country, e.location.geo_precision) for e in events] == [
        ("Farabougou", "Mali", 3)]


def test_the_crowd_a_headline_counts_is_not_the_dead(pipeline):
    title = "Thousands mourn teacher shot dead in Honduras"
    text = (title + "\n\nTEGUCIGALPA, May 4 (AP) — A teacher was shot dead outside his school in Choloma on "
            "Saturday, police said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 5, 4), title=title))
    assert [e.fatalities.best for e in events] == [1]


def test_stun_grenades_at_strikers_outside_a_mine_are_crowd_control(pipeline):
    text = ("Police fired rubber bullets and stun grenades at striking workers outside a copper mine near "
            "Kitwe on Tuesday, a union official said.")
    events = _run(pipeline, text, dt.date(2026, 3, 4)).events
    assert [e.event_type for e in events] == ["Protests"]


def test_a_mine_that_wounds_is_a_weapon(pipeline):
    text = "Three children were wounded by a mine near Kandahar on Monday, police said."
    events = _violent(_run(pipeline, text, dt.date(2026, 3, 4)))
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]


def test_the_district_an_area_lies_in_is_the_scene(pipeline):
    text = ("SRINAGAR, July 30 (Reuters) - Troops killed two militants in a gunfight in a forest area of "
            "Kashmir's Kupwara district on Thursday, police said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 7, 30)))
    assert [e.location.name for e in events] == ["Kupwara"]


def test_the_same_kind_of_act_next_day_in_the_next_town_is_another_event(pipeline):
    text = ("MEDELLIN, Colombia, Nov 26 (Reuters) - Gunmen ambushed a police patrol in Segovia on Tuesday, killing "
            "two officers, police said.\n\nOn Wednesday, soldiers killed three gunmen in a firefight in rural "
            "Remedios, the army said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 11, 26)))
    assert sorted((str(e.event_date), e.location.name) for e in events) == [
        ("2026-11-24", "Segovia"), ("2026-11-25", "Remedios")]


def test_fighting_told_over_two_days_is_one_event_a_day(pipeline):
    text = ("ADDIS ABABA, March 4 (Reuters) - Fighting between the army and Fano militiamen in the town of "
            "Gondar killed 9 people on Monday and Tuesday, hospital staff said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 3, 4)))
    assert sorted(e.event_date for e in events) == [dt.date(2026, 3, 2), dt.date(2026, 3, 3)]
    assert sorted(e.fatalities.best for e in events) == [4, 5]  # the toll shared out, the rest to the first day
    assert len({e.event_id for e in events}) == 2 and all(e.event_id.startswith("r#") for e in events)
    one = _violent(_run(pipeline, text.replace("on Monday and Tuesday", "on Monday"), dt.date(2026, 3, 4)))
    assert len(one) == 1


def test_a_crowd_that_burns_a_building_riots_though_police_used_tear_gas(pipeline):
    text = ("Police fire tear gas as Mosul water protest turns violent\n\n"
            "Protesters angry over water shortages threw stones and set fire to the gate of the governor's "
            "office in the Iraqi city of Mosul on Sunday, and police fired tear gas at them, officials said.")
    events = _run(pipeline, text, dt.date(2026, 7, 6)).events
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Riots", "Violent demonstration")]


def test_the_word_of_the_attack_is_not_its_victim(pipeline):
    text = "Militia attack on displacement camp in Congo's Ituri kills 12\n\nThe attack happened on Friday."
    events = _violent(_run(pipeline, text, dt.date(2026, 5, 10), title=None))
    assert events and events[0].event_type == "Violence against civilians"


def test_the_state_capital_before_a_name_places_the_protest(pipeline):
    text = ("IMPHAL, India, Oct 5 (Reuters) - Gunmen killed two villagers in Jiribam district of Manipur on Sunday, "
            "police said.\n\n"
            "On Monday hundreds of protesters demanding arrests blocked a highway in the state capital Imphal.")
    events = _run(pipeline, text, dt.date(2026, 10, 5)).events
    places = {e.event_type: e.location.name for e in events}
    assert places["Protests"] == "Imphal" and places["Violence against civilians"] == "Jiribam"


def test_the_town_retaken_is_the_unknown_town_told_before(pipeline):
    text = ("PORT-AU-PRINCE, Oct 19 (Reuters) - Gang members killed eight people on Saturday in an attack on the "
            "town of Bassin-Bleuet in Haiti's Artibonite department, a rights group said.\n\n"
            "Police fought the gang on Sunday to retake the town, a police spokesman said.")
    events = _run(pipeline, text, dt.date(2026, 10, 19)).events
    assert {e.location.name for e in events} == {"Bassin-Bleuet"}


def test_arrests_at_a_march_in_another_city_are_that_city_s_protest(pipeline):
    text = ("BOGOTA, June 23 (Reuters) - Hundreds of teachers marched peacefully in Bogota on Tuesday to demand "
            "higher pay.\n\n"
            "In the city of Medellin, police detained five people who tried to join a similar march, a union said.\n\n"
            "The police did not comment on the detentions.")
    events = _run(pipeline, text, dt.date(2026, 6, 23)).events
    kinds = {e.location.name: e.sub_event_type for e in events}
    assert kinds == {"Bogotá": "Peaceful protest", "Medellín": "Protest with intervention"}


def test_stopping_a_bus_is_no_prevented_killing(pipeline):
    text = ("Gunmen stopped a bus on a highway in Zhob district of Pakistan's Balochistan province on Monday, "
            "checked the passengers' papers and shot dead four men, officials said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 9, 29)))
    assert events and events[0].fatalities.best == 4


def test_a_district_the_gazetteer_lacks_beats_the_dateline_city(pipeline):
    text = ("QUETTA, Pakistan, Sept 29 (Reuters) - Gunmen shot dead five labourers in Kharzai district of Pakistan's "
            "southwestern Balochistan province on Monday, officials said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 9, 29)))
    assert events[0].location.name == "Kharzai" and events[0].location.admin1 == "Balochistan"
    assert events[0].location.geo_precision == 2


def test_each_clause_of_a_headline_keeps_its_own_happening_s_toll(pipeline):
    text = ("Rebels kill three police; army says it killed six fighters\n\n"
            "YAOUNDE, Jan 13 (Reuters) - Separatist fighters shot dead three police officers at a checkpoint in the "
            "city of Bamenda on Monday, a military source said.\n\n"
            "On Sunday, soldiers raided a separatist camp near the town of Kumbo and killed six fighters, the army said.")
    events = _violent(_run(pipeline, text, dt.date(2026, 1, 13)))
    tolls = {e.event_date: e.fatalities.best for e in events}
    assert tolls == {dt.date(2026, 1, 12): 3, dt.date(2026, 1, 11): 6}


def test_a_gang_burning_a_bus_destroys_property_and_is_no_riot(pipeline):
    text = ("SAN SALVADOR, Sept 8 (Reuters) - Suspected gang members set fire to a city bus in the capital on Monday "
            "after ordering the passengers off, police said. No one was hurt.")
    events = _run(pipeline, text, dt.date(2026, 9, 8)).events
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Strategic developments",
                                                                  "Looting/property destruction")]
    assert events[0].actor1.name.startswith("Unidentified Armed Group")



def test_a_report_on_shootings_at_last_year_s_protests_is_no_new_event(pipeline):
    text = ("Rights group says police used excessive force against last year's protesters\n\n"
            "NAIROBI, July 21 (Reuters) - Police used excessive force against people protesting against fuel prices "
            "last year, shooting dead at least 30 people, a rights group said in a report on Tuesday.\n\n"
            "A police spokesperson said officers had acted within the law.")
    assert not _violent(_run(pipeline, text, dt.date(2026, 7, 21)))
