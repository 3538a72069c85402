"""Resolution and the event's own location, on hand-written sentences with hand-made triggers."""
from __future__ import annotations

import pytest

from eventwire.extract import DocFindings
from eventwire.gazetteer import default_gazetteer
from eventwire.geo import find_toponyms, locate, resolve_toponyms
from eventwire.records import Document, Mention, Trigger


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


def _resolve(nlp, gaz, text):
    return {r.toponym.text: r for r in resolve_toponyms(find_toponyms(nlp(text), gaz), gaz)}


def _located(nlp, gaz, text, trigger_word, *, actor1=None, event=("Battles", "Armed clash")):
    """Run locate with one hand-made mention whose trigger is ``trigger_word``."""
    doc = nlp(text)
    start = text.index(trigger_word)
    sent = doc.char_span(start, start + len(trigger_word), alignment_mode="expand").sent
    mention = Mention(doc_id="t", sent_start=sent.start_char, sent_end=sent.end_char, sentence=sent.text,
                      trigger=Trigger(trigger_word, start, start + len(trigger_word), *event, "test"),
                      actor1=actor1)
    findings = DocFindings(document=Document(id="t", text=text), mentions=[mention])
    return locate(doc, findings, gaz)


@pytest.mark.parametrize("text,name,iso2", [
    ("Police fired tear gas at protesters in Hyderabad, Sindh.", "Hyderabad", "PK"),
    ("Students rallied in Hyderabad, Telangana, on Monday.", "Hyderabad", "IN"),
    ("Militias clashed in Tripoli, Libya.", "Tripoli", "LY"),
    ("Rival groups fought in Tripoli in northern Lebanon.", "Tripoli", "LB"),
    ("A storm hit Atlanta, Georgia.", "Georgia", "US"),
    ("Russian troops crossed into Georgia near Tbilisi.", "Georgia", "GE"),
])
def test_ambiguous_names_resolved_by_context(nlp, gaz, text, name, iso2):
    assert _resolve(nlp, gaz, text)[name].entry.iso2 == iso2


def test_ambiguous_without_context_has_low_confidence(nlp, gaz):
    r = _resolve(nlp, gaz, "Clashes erupted in Tripoli.")["Tripoli"]
    assert r.entry is not None and r.confidence < 0.75


def test_district_head_picks_the_district(nlp, gaz):
    r = _resolve(nlp, gaz, "Troops were sent to the Bolan district.")["Bolan"]
    assert r.entry.feature_code == "ADM2" and r.entry.name == "Kachhi District"


def test_a_district_spelt_otherwise_in_brackets_is_found_in_the_province_named(nlp, gaz):
    found = _resolve(nlp, gaz, "A grenade wounded two officers at a market in Hardupora (Budgam district, "
                               "Jammu and Kashmir) on Friday.")
    assert "Budgam" in found
    e = found["Budgam"].entry
    assert e is not None and e.feature_code == "ADM2" and e.name == "Badgam" and e.iso2 == "IN"


def test_relative_description_anchors_with_precision_2(nlp, gaz):
    found = _located(nlp, gaz, "Gunmen killed two soldiers 30 km north of Mogadishu on Monday.", "killed")
    loc = found.mentions[0].location
    assert loc.name == "Mogadishu" and loc.geo_precision == 2 and loc.iso3 == "SOM"
    assert loc.text == "30 km north of Mogadishu"


def test_near_a_town_is_precision_2(nlp, gaz):
    loc = _located(nlp, gaz, "An IED exploded near Kandahar, killing three.", "exploded").mentions[0].location
    assert loc.name.startswith("Kandah") and loc.geo_precision == 2 and loc.admin1


def test_origin_and_destination_are_not_the_event(nlp, gaz):
    text = ("The bus was travelling from Kabul to Jalalabad when it was ambushed in Sarobi district. "
            "Officials said the attack was the worst this year.")
    found = _located(nlp, gaz, text, "ambushed")
    loc = found.mentions[0].location
    assert loc.admin2 == "Sarobi" or loc.name.startswith("Sarobi") or loc.name.startswith("Surobi")
    roles = {p.text: p.role for p in found.places}
    assert roles["Kabul"] == "origin" and roles["Jalalabad"] == "destination"


def test_speaker_location_is_not_the_event(nlp, gaz):
    text = "The minister said in Islamabad that militants attacked a checkpoint in Khyber district."
    found = _located(nlp, gaz, text, "attacked")
    assert found.mentions[0].location.admin1 == "Khyber Pakhtunkhwa"
    assert {p.text: p.role for p in found.places}["Islamabad"] == "speaker"


@pytest.mark.parametrize("text", [
    "A grenade exploded outside the U.S. embassy in Nairobi late on Friday, police said.",
    "a grenade exploded outside the u.s. embassy in nairobi late on friday, police said.",
])
def test_a_country_that_owns_a_thing_is_not_where_it_stands(nlp, gaz, text):
    found = _located(nlp, gaz, text, "exploded", event=("Explosions/Remote violence", "Grenade"))
    assert found.mentions[0].location.country == "Kenya"
    assert [p.role for p in found.places if p.text.lower() == "u.s."] == ["other"]


def test_a_border_named_after_a_place_is_not_the_events_place(nlp, gaz):
    text = ("A landmine killed two soldiers in Kurram district as they patrolled a forest track near "
            "the Paktia border.")
    found = _located(nlp, gaz, text, "landmine",
                     event=("Explosions/Remote violence", "Remote explosive/landmine/IED"))
    assert {p.text: p.role for p in found.places}["Paktia"] == "background"
    assert found.mentions[0].location.admin1 == "Khyber Pakhtunkhwa"


def test_a_happening_reported_somewhere_happened_there(nlp, gaz):
    text = "On 11 June 2020, an air raid by the coalition was reported on Nihm district, northeast of Sanaa."
    found = _located(nlp, gaz, text, "air raid", event=("Explosions/Remote violence", "Air/drone strike"))
    assert {p.text: p.role for p in found.places}["Nihm"] == "event"
    loc = found.mentions[0].location
    assert loc.name == "Nihm" and loc.geo_precision == 2


def test_a_name_written_with_its_unit_word_is_the_named_place(nlp, gaz):
    res = _resolve(nlp, gaz, "Factory workers rallied in Cipondoh district, Tangerang City, Banten, on Monday.")
    assert res["Tangerang City"].entry is not None and res["Tangerang City"].entry.name == "Tangerang"


def test_acled_style_note_place(nlp, gaz):
    text = "On 5 May 2015, TMC supporters clashed with BJP supporters in Raiganj, Dinajpur district."
    loc = _located(nlp, gaz, text, "clashed").mentions[0].location
    assert loc.name == "Rāiganj" and loc.admin1 == "West Bengal" and loc.geo_precision == 1


def test_document_fallback_uses_the_scene(nlp, gaz, examples_dir):
    text = (examples_dir / "jaffar_express.txt").read_text(encoding="utf-8")
    found = _located(nlp, gaz, text, "came under attack")
    loc = found.mentions[0].location
    assert loc.name == "Mushkaf" and loc.admin2 == "Kachhi" and loc.admin1 == "Balochistan"
    assert loc.iso3 == "PAK" and loc.geo_precision == 2 and loc.rule == "geo.event.document"
    roles = {p.text: p.role for p in found.places}
    assert roles["Quetta"] == "origin" and roles["Peshawar"] == "destination"
    for name in ("Gwadar", "Iran", "Afghanistan"):
        assert roles[name] not in (None, "event")
    assert found.places[0].text == "Mushqaf" and found.places[0].role == "event"
    assert any(e.field == "location" for e in found.mentions[0].evidence)


def test_no_mentions_still_gives_document_event_place(nlp, gaz):
    text = "Protesters blocked the highway in Peshawar on Friday."
    found = locate(nlp(text), DocFindings(document=Document(id="d", text=text)), gaz)
    assert [p.text for p in found.places if p.role == "event"] == ["Peshawar"]


def test_no_places_and_no_gazetteer(nlp):
    text = "Something happened somewhere."
    found = locate(nlp(text), DocFindings(document=Document(id="d", text=text)), None)
    assert found.places == []


def test_other_transliterations_of_a_province(nlp, gaz):
    res = _resolve(nlp, gaz, "Regime forces shelled Kafr Nabl in Idleb using rocket fire.")
    assert res["Idleb"].entry is not None and res["Idleb"].entry.iso2 == "SY"
    assert res["Idleb"].entry.name == "Idlib"  # a listed alternate, shown under the English name


def test_a_name_cut_in_two_is_one_place(nlp, gaz):
    res = _resolve(nlp, gaz, "Villagers clashed in Motihari block of Purba Champaran district (Bihar) over land.")
    assert "Purba Champaran" in res and res["Purba Champaran"].entry.feature_code == "ADM2"


def test_an_unknown_village_falls_back_to_its_named_units(nlp, gaz):
    text = ("A bomb detonated in Inayat Kalay, Mamund, Bajaur, Khyber Pakhtunkhwa, Pakistan. "
            "A tribal elder died in the blast.")
    loc = _located(nlp, gaz, text, "detonated").mentions[0].location
    assert loc is not None and loc.iso3 == "PAK" and loc.admin1 == "Khyber Pakhtunkhwa"
    assert loc.geo_precision >= 2


def test_a_place_abroad_loses_to_one_in_the_articles_country(nlp, gaz):
    text = ("In Garcia, Nuevo Leon, gunmen shot and wounded two brothers outside a taco stand "
            "in Colonia Valle de Lincoln.")
    loc = _located(nlp, gaz, text, "shot").mentions[0].location
    assert loc is not None and loc.iso3 == "MEX"


def test_country_names_are_acled_short_forms(nlp, gaz):
    loc = _located(nlp, gaz, "Protesters rallied in Moscow, Russia.", "rallied").mentions[0].location
    assert loc.country == "Russia"


def test_no_place_named_gives_the_actors_country(nlp, gaz):
    from eventwire.records import Actor

    army = Actor(name="Military Forces of Myanmar", type="state forces", country="Myanmar",
                 text="Soldiers", start=0, end=8)
    loc = _located(nlp, gaz, "Soldiers clashed with rebels on Monday.", "clashed", actor1=army).mentions[0].location
    assert loc is not None and loc.country == "Myanmar" and loc.geo_precision == 3
    assert loc.rule == "geo.event.actor-country" and loc.text == "Soldiers"


def test_no_place_and_no_national_actor_gives_a_demonyms_country(nlp, gaz):
    loc = _located(nlp, gaz, "Indian farmers protested against the new law.", "protested").mentions[0].location
    assert loc is not None and loc.country == "India" and loc.geo_precision == 3
    assert loc.rule == "geo.event.demonym-country"


def test_an_associated_partys_country_when_no_place_is_named(nlp, gaz):
    from eventwire.records import Actor

    party = Actor(name="CPI: Communist Party of India", type="other", country="India",
                  text="Party", start=0, end=5)
    crowd = Actor(name="Protesters ({country})", type="protesters", assoc=(party,))
    loc = _located(nlp, gaz, "Party workers protested on Monday.", "protested", actor1=crowd,
                   event=("Protests", "Peaceful protest")).mentions[0].location
    assert loc is not None and loc.country == "India" and loc.rule == "geo.event.actor-country"


def test_a_city_opening_an_institutions_name_when_no_town_is_named(nlp, gaz):
    text = "Pakistan Sunni Tehrik workers held a protest outside the Lahore Press Club on Friday."
    loc = _located(nlp, gaz, text, "protest").mentions[0].location
    assert loc is not None and loc.name == "Lahore" and loc.rule == "geo.event.organisation"


def test_a_name_abroad_inside_a_chain_gives_way_to_its_qualifiers(nlp, gaz):
    text = "Militiamen attacked a market in Tawila district, North Darfur, Sudan, on Monday."
    loc = _located(nlp, gaz, text, "attacked").mentions[0].location
    assert loc is not None and loc.iso3 == "SDN" and loc.admin1 == "North Darfur"


def test_a_numbered_district_of_a_town_is_qualified_by_the_town(nlp, gaz):
    text = "A sticky bomb detonated near a bakery in Police District 11, Kabul, Afghanistan, on Sunday."
    loc = _located(nlp, gaz, text, "detonated").mentions[0].location
    assert loc is not None and loc.iso3 == "AFG" and loc.name == "Kabul"


def test_a_numbered_police_district_is_no_unit_named_police(nlp, gaz):
    # "Police District 17" is a ward of Kabul, not Poland's Police county
    text = "A magnetic bomb stuck to a police pickup detonated in Police District 9, Kabul, Afghanistan, on Monday."
    loc = _located(nlp, gaz, text, "detonated").mentions[0].location
    assert loc is not None and loc.iso3 == "AFG" and loc.admin1 == "Kabul"


@pytest.mark.parametrize("text,trigger,admin1", [
    # a province that is also a common word, between a village and its country
    ("Gunmen attacked a vigilante post in Ashaka, Delta, Nigeria, overnight.", "attacked", "Delta"),
    # names NER took for persons, in a chain from a neighbourhood to the country
    ("An IED detonated beside an army checkpoint in Al Jarbouya neighbourhood, Samawah, Muthanna, Iraq.", "detonated",
     "Al Muthanna"),
])
def test_every_link_of_a_chain_of_places_is_a_place(nlp, gaz, text, trigger, admin1):
    loc = _located(nlp, gaz, text, trigger).mentions[0].location
    assert loc is not None and loc.admin1 == admin1


def test_the_document_place_keeps_to_its_chains_country(nlp, gaz):
    text = "On Tuesday, security forces came under fire in Dashti Qala, Takhar, Afghanistan."
    loc = locate(nlp(text), DocFindings(document=Document(id="t", text=text), mentions=[]), gaz).places[0]
    assert loc.entry is not None and loc.entry.iso2 == "AF"


@pytest.mark.parametrize("text,name", [
    ("Taliban fighters attacked a police post in Qala-i-Naw, Badghis, Afghanistan.", "Qala-i-Naw"),
    ("Clashes broke out in Jhapa-based camps.", "Jhapa"),
])
def test_hyphenated_names_are_read_whole_but_not_their_suffixes(nlp, gaz, text, name):
    assert name in {t.text for t in find_toponyms(nlp(text), gaz)}


def test_two_places_joined_by_a_hyphen_stay_two(nlp, gaz):
    tops = {t.text for t in find_toponyms(nlp("Police clashed with smugglers near the Nepal-India border."), gaz)}
    assert "Nepal-India" not in tops


def test_a_state_named_without_its_unit_word_is_that_state(nlp, gaz):
    # Nigeria's "Plateau State" is called "Plateau" as Benin's department of that name is:
    # the larger unit wins, as it does between two same-named units
    res = _resolve(nlp, gaz, "Gunmen shot a farmer near his home in Plateau on Tuesday.")
    assert res["Plateau"].entry.iso2 == "NG"


def test_a_transliterated_town_in_a_named_province(nlp, gaz):
    # "Tal Tamer" (GeoNames: Tall Tamr, no population on record) in the province the note names
    text = "Rebels looted wheat crops near Tal Tamer in al-Hasakeh on Saturday."
    res = _resolve(nlp, gaz, text)
    assert res["Tal Tamer"].entry.name == "Tall Tamr" and res["Tal Tamer"].entry.iso2 == "SY"


def test_a_neighbourhood_of_the_reports_city_is_no_town_elsewhere(nlp, gaz):
    # Austin is a Chicago neighbourhood here, not the Texas capital
    text = ("Three men were wounded in a shooting late Saturday in the Austin neighborhood. "
            "Chicago police said the gunmen fired from a passing car.")
    findings = _located(nlp, gaz, text, "shooting")
    loc = findings.mentions[0].location
    assert loc.name == "Chicago" and loc.admin1 == "Illinois"


def test_a_town_ner_reads_as_a_group_is_a_place_before_its_province(nlp, gaz):
    # "Samarra" is tagged like a people's name; written before ", Saladin, Iraq" it is the town
    text = "A roadside bomb struck an army patrol in Samarra, Saladin, Iraq, on Sunday."
    loc = _located(nlp, gaz, text, "struck").mentions[0].location
    assert loc is not None and loc.iso3 == "IRQ" and loc.geo_precision == 1 and loc.text == "Samarra"


def test_a_group_name_alone_stays_a_group(nlp, gaz):
    res = _resolve(nlp, gaz, "Kurdish and Arab residents protested in Baghdad.")
    assert "Kurdish" not in res or res["Kurdish"].entry is None or res["Kurdish"].entry.feature_class != "P"


def test_a_district_spelled_otherwise_in_its_named_province(nlp, gaz):
    # "Kachi" for the Kachhi district of Balochistan: the province's district of that spelling
    res = _resolve(nlp, gaz, "Gunmen seized six workers in Sanjri, Kachi district, Balochistan, Pakistan.")
    e = res["Kachi"].entry
    assert e is not None and e.feature_code == "ADM2" and e.admin1 == "Balochistan"


def test_a_district_named_with_its_province_is_never_a_namesake_abroad(nlp, gaz):
    res = _resolve(nlp, gaz, "Raiders burned huts in Umm Dafok, Tawila district, North Darfur, Sudan.")
    e = res["Tawila"].entry
    assert e is None or e.iso2 == "SD"


def test_the_qualifying_province_does_not_replace_the_town_it_qualifies(nlp, gaz):
    text = ("A mine hit a supply convoy of a peacekeeping mission in Mali (MINUSMA) near Tessalit, "
            "Kidal, Mali. One soldier was wounded.")
    loc = _located(nlp, gaz, text, "hit").mentions[0].location
    assert loc is not None and loc.name == "Tessalit"


def test_a_district_with_no_town_listed_takes_its_seat_towns_point(gaz):
    # GeoNames lists no town under the Lucapa municipality; its seat, Lucapa, is its point
    unit = next(e for e in gaz.lookup("Lucapa") if e.feature_code == "ADM2")
    town = next(e for e in gaz.lookup("Lucapa") if e.feature_class == "P")
    assert (unit.latitude, unit.longitude) == (town.latitude, town.longitude)


def test_a_district_that_lists_towns_lies_at_its_namesake_seat(gaz):
    # Shindand district lists several towns; an event known only by the district is put at the
    # town it is named after, not at the mean of its towns
    unit = next(e for e in gaz.lookup("Shindand") if e.feature_code == "ADM2")
    town = next(e for e in gaz.lookup("Shindand") if e.feature_class == "P")
    assert (unit.latitude, unit.longitude) == (town.latitude, town.longitude)
    # a district named after no town of its own keeps the mean of its towns
    masisi = next(e for e in gaz.lookup("Masisi") if e.feature_code == "ADM2")
    assert all(e.feature_class != "P" for e in gaz.lookup("Masisi"))
    assert masisi.latitude is not None


def test_the_capital_over_the_province_around_it(nlp, gaz):
    text = "Nurses protested outside the health ministry in Kyiv on Friday."
    r = _resolve(nlp, gaz, text)["Kyiv"]
    assert r.entry.feature_code == "PPLC"
    # the city's own unit keeps its unit word: "Kiev" is the province around it
    assert _located(nlp, gaz, text, "protested").mentions[0].location.admin1 == "Kiev City"


def test_a_capital_qualifying_a_town_is_the_province(nlp, gaz):
    r = _resolve(nlp, gaz, "Protesters gathered in Quilmes (Buenos Aires) on Thursday.")["Buenos Aires"]
    assert r.entry.feature_code == "ADM1" and r.entry.iso2 == "AR"


def test_a_compass_zone_of_a_city_is_no_province(nlp, gaz):
    text = "In the South Zone of Rio de Janeiro, Rio de Janeiro, officers raided a hillside favela and traded shots with gang members."
    loc = _located(nlp, gaz, text, "raided").mentions[0].location
    assert loc is not None and loc.iso3 == "BRA" and loc.admin1 == "Rio de Janeiro"


def test_a_neighbourhood_of_a_named_town_is_no_namesake_town_far_away(nlp, gaz):
    text = ("In the North Zone of Rio de Janeiro, Rio de Janeiro state, officers entered "
            "Jacarezinho neighborhood and a gunfight followed.")
    res = _resolve(nlp, gaz, text)
    e = res["Jacarezinho"].entry
    assert e is None or e.admin1 == "Rio de Janeiro"


def test_a_compass_side_of_a_city_is_no_town_far_away(nlp, gaz):
    # "the East Side" names a part of the city the report is from, never a town of that name
    res = _resolve(nlp, gaz, "Two children were wounded in an East Side shooting on Tuesday night.")
    e = res["East Side"].entry if "East Side" in res else None
    assert e is None


def test_a_place_in_the_kurdistan_region_has_its_governorate_as_province(nlp, gaz):
    # GeoNames files Erbil, Duhok and Sulaymaniyah under the Kurdistan Region; every codebook
    # codes the governorate
    loc = _located(nlp, gaz, "A drone struck a car in Zakho, Duhok, killing two.", "struck").mentions[0].location
    assert loc.iso3 == "IRQ" and loc.admin1 == "Duhok"


def test_a_province_in_brackets_behind_an_unknown_unit_still_qualifies(nlp, gaz):
    # the municipality the gazetteer lacks ("eThekwini") sits between town and province:
    # no Chatsworth in KwaZulu-Natal is known, so the province, not a namesake elsewhere
    text = "Residents demonstrated against a cellphone tower in Chatsworth (eThekwini, KwaZulu-Natal)."
    loc = _located(nlp, gaz, text, "demonstrated").mentions[0].location
    assert loc.admin1 == "KwaZulu-Natal"


def test_jk_is_jammu_and_kashmir(nlp, gaz):
    text = "Troops of India and Pakistan exchanged small-arms fire in Krishna Ghati sector (Poonch district, J&K)."
    loc = _located(nlp, gaz, text, "exchanged").mentions[0].location
    assert loc.iso3 == "IND" and loc.admin1 == "Jammu and Kashmir"


def test_monitors_on_the_contact_line_speak_of_its_provinces(nlp, gaz):
    # Ukraine has Shevchenkos in many provinces; the OSCE monitors report from Donetsk and Luhansk
    text = "On 12 May 2020, the OSCE SMM recorded 9 shots from small arms near Shevchenko."
    loc = _located(nlp, gaz, text, "shots").mentions[0].location
    assert loc.iso3 == "UKR" and loc.admin1 in ("Donetsk", "Luhansk")


def test_a_namesake_outside_the_monitors_provinces_is_not_their_village(nlp, gaz):
    # the gazetteer's Molodizhnes lie far from the contact line, in other provinces: the
    # monitors' one is the Codifier's village of the two oblasts nearer the line (Luhansk's)
    text = "On 16 May 2020, the OSCE SMM recorded 40 explosions of undetermined origin near Molodizhne."
    loc = _located(nlp, gaz, text, "explosions").mentions[0].location
    assert loc.iso3 == "UKR" and loc.admin1 == "Luhansk"
    # GeoNames' only Sokilnyky lies in Lviv; the monitors' one is the Luhansk village of the Codifier table
    text = "On 16 May 2020, the OSCE SMM recorded 40 explosions of undetermined origin near Sokilnyky."
    loc = _located(nlp, gaz, text, "explosions").mentions[0].location
    assert loc.iso3 == "UKR" and loc.admin1 == "Luhansk"
    # a province the text names still has its own towns
    text = "The OSCE SMM observed 3 explosions near Sokilnyky, Lviv region."
    loc = _located(nlp, gaz, text, "explosions").mentions[0].location
    assert loc.admin1 == "Lviv"


def test_of_the_monitors_namesake_villages_the_one_on_the_contact_line_is_meant(nlp, gaz):
    # Donetsk and Luhansk hold several villages called Troitske (and Kharkiv's and Poltava's
    # lie farther off): a mission watching the line means the one beside it, not the largest
    from eventwire.geo._resolve import _cue_lines, line_km

    text = "Monitors of the OSCE SMM heard two bursts of heavy machine-gun fire near Troitske overnight."
    loc = _located(nlp, gaz, text, "heard").mentions[0].location
    assert loc.iso3 == "UKR" and loc.admin1 in ("Donetsk", "Luhansk")
    assert line_km(loc.latitude, loc.longitude, _cue_lines()["UA"]) < 15


def test_distance_to_a_line_is_to_its_nearest_segment():
    from eventwire.geo._resolve import line_km

    line = ((48.0, 37.0), (48.0, 38.0))  # a stretch of parallel 48
    assert line_km(48.0, 37.5, line) < 0.5
    assert 20 < line_km(48.2, 37.5, line) < 24  # 0.2 degree of latitude: some 22 km
    assert 70 < line_km(48.0, 39.0, line) < 80  # beyond its end: to the end point


def test_an_unknown_village_of_the_monitors_is_in_their_first_province(nlp, gaz):
    text = "On 9 May 2020, the OSCE SMM counted 85 projectiles from unidentified weapons near Kominternove."
    loc = _located(nlp, gaz, text, "projectiles").mentions[0].location
    assert loc.iso3 == "UKR" and loc.admin1 == "Donetsk" and loc.rule == "geo.event.cue-province"


def test_a_village_ner_calls_a_people_is_still_a_place(nlp, gaz):
    text = "On 18 May 2020, the OSCE SMM counted 2 projectiles from unidentified weapons near Shyrokyne."
    loc = _located(nlp, gaz, text, "projectiles").mentions[0].location
    assert loc is not None and loc.name == "Shyrokyne"


def test_a_name_ner_cut_at_a_lower_case_link_is_read_whole(nlp, gaz):
    # "Ain al Arab" is Ayn al Arab (Kobani), not France's Ain
    text = "Russian and Turkish troops carried out a joint patrol in rural Ain al Arab city, in the Aleppo countryside."
    tops = {name: r.entry for name, r in _resolve(nlp, gaz, text).items()}
    assert "Ain al Arab" in tops and tops["Ain al Arab"].iso2 == "SY" and "Arab" not in tops


def test_the_head_of_an_unknown_linked_name_is_no_small_namesake(nlp, gaz):
    # "Wadi al-Rabi" is unknown: "Wadi" alone is no town in Karnataka
    res = _resolve(nlp, gaz, "On 14 May 2020, LNA and GNA fighters were said to have clashed in Wadi al-Rabi (Aljfara).")
    wadi = res["Wadi"]
    assert wadi.toponym.cut and wadi.entry is None


def test_a_unit_in_brackets_after_an_unknown_place_is_its_province(nlp, gaz):
    # ACLED spells Libya's Jafara "Aljfara"; NER reads it as a person's name
    text = "On 15 May 2020, GNA units targeted LNA positions with rocket fire in Khela Ben Oun (Aljfara)."
    loc = _located(nlp, gaz, text, "targeted").mentions[0].location
    assert loc is not None and loc.iso3 == "LBY" and loc.admin1 == "Jafara"


def test_a_village_ner_calls_a_product_is_still_a_place(nlp, gaz):
    text = "On 2 May 2020, the OSCE SMM recorded 7 shots from small arms near Svitlodarsk."
    loc = _located(nlp, gaz, text, "shots").mentions[0].location
    assert loc is not None and loc.name == "Svitlodarsk"


def test_a_note_naming_no_place_is_placed_by_its_countrys_usage(nlp, gaz):
    loc = _located(nlp, gaz, "Activists of the opposition enforced a dawn-to-dusk hartal across the upazila.",
                   "enforced", event=("Protests", "Peaceful protest")).mentions[0].location
    assert loc is not None and loc.iso3 == "BGD" and loc.geo_precision == 3
    # usage only places a note with no place; a named place of another country stands
    text = "Activists observed a hartal against a tariff hike announced by the Odisha regulator."
    loc = _located(nlp, gaz, text, "observed", event=("Protests", "Peaceful protest")).mentions[0].location
    assert loc.iso3 == "IND"


@pytest.mark.parametrize("text,trigger,iso3", [
    ("Workers of the Bharatiya Janata Party blocked a highway over fuel prices.", "blocked", "IND"),
    ("Supporters of the PML-N staged a sit-in outside the press club.", "staged", "PAK"),
    ("CPN-UML cadres took out a torch rally against the new charter.", "took", "NPL"),
    ("NLD members marched to demand the release of detained students.", "marched", "MMR"),
])
def test_a_national_party_places_a_note_that_names_no_place(nlp, gaz, text, trigger, iso3):
    loc = _located(nlp, gaz, text, trigger, event=("Protests", "Peaceful protest")).mentions[0].location
    assert loc is not None and loc.iso3 == iso3 and loc.geo_precision == 3


def test_a_countrys_parties_choose_among_namesakes_abroad(nlp, gaz):
    # Punjab is a province of Pakistan and a state of India; India's own parties say which
    text = "Members of the Youth Congress and the Akali Dal protested in Punjab against the new tariff."
    loc = _located(nlp, gaz, text, "protested", event=("Protests", "Peaceful protest")).mentions[0].location
    assert loc is not None and loc.iso3 == "IND" and loc.admin1 == "Punjab"
    text = "Members of the PML-N protested in Punjab against the new tariff."
    loc = _located(nlp, gaz, text, "protested", event=("Protests", "Peaceful protest")).mentions[0].location
    assert loc.iso3 == "PAK"


def test_a_note_placed_in_a_country_and_its_capital_is_the_capital(nlp, gaz):
    text = "Hartal supporters torched two buses in the capital on Sunday evening."
    loc = _located(nlp, gaz, text, "torched", event=("Riots", "Violent demonstration")).mentions[0].location
    assert loc is not None and loc.iso3 == "BGD" and loc.name == "Dhaka" and loc.geo_precision == 1
    # a state's capital is not the nation's
    text = "Teachers held a dharna in the state capital demanding regular pay."
    loc = _located(nlp, gaz, text, "held", event=("Protests", "Peaceful protest")).mentions[0].location
    assert loc is not None and loc.iso3 == "IND" and loc.admin1 is None


def test_a_party_of_one_state_places_a_note_in_that_state(nlp, gaz):
    text = "Shiv Sena workers ransacked the office of a music company over a film release."
    loc = _located(nlp, gaz, text, "ransacked", event=("Riots", "Violent demonstration")).mentions[0].location
    assert loc is not None and loc.iso3 == "IND" and loc.admin1 == "Maharashtra" and loc.geo_precision == 3
    # parties of two states: the country only
    text = "Shiv Sena and Trinamool workers clashed outside a polling booth."
    loc = _located(nlp, gaz, text, "clashed", event=("Riots", "Mob violence")).mentions[0].location
    assert loc is not None and loc.iso3 == "IND" and loc.admin1 is None


def test_an_armed_group_of_one_state_places_a_note_in_that_state(nlp, gaz):
    text = "Burmese troops and the TNLA exchanged fire near a hilltop outpost."
    loc = _located(nlp, gaz, text, "exchanged").mentions[0].location
    assert loc is not None and loc.iso3 == "MMR" and loc.admin1 and loc.admin1.startswith("Shan")


def test_a_body_named_after_its_place_is_not_the_events_place(nlp, gaz):
    text = "A man was wounded in Glen Allen late Sunday, Henrico County Police said after the shooting."
    res = _resolve(nlp, gaz, text)
    assert res["Henrico County Police"].entry.name == "Henrico County"
    loc = _located(nlp, gaz, text, "shooting").mentions[0].location
    assert loc is not None and loc.name == "Glen Allen"
    text = "After the shooting in Memphis on Friday, the suspect was booked into the Shelby County Jail."
    loc = _located(nlp, gaz, text, "booked").mentions[0].location
    assert loc is None or loc.name != "Shelby County"


def test_dc_is_the_capital_and_a_postal_code_qualifies_its_town(nlp, gaz):
    from eventwire.geo import find_toponyms, resolve_toponyms

    text = "Two men were shot in Southeast D.C. on Friday. The victim was from Minot, ND."
    res = {r.toponym.text: r.entry for r in resolve_toponyms(find_toponyms(nlp(text), gaz), gaz)}
    assert res["D.C."] is not None and res["D.C."].feature_code == "PPLC" and res["D.C."].name == "Washington"
    assert res["ND"] is not None and res["ND"].name == "North Dakota"
    assert [e.feature_code for e in gaz.lookup("Washington, D.C.") if e.name == "Washington"] == ["PPLC"]


def test_a_districts_province_is_the_one_the_note_writes_last(nlp, gaz):
    # GeoNames files the district (and the town of Mwaro) under Gitega; the note says Mwaro province
    found = _located(nlp, gaz, "On 19 May 2020, Imbonerakure members tortured a CNL activist in Ruramba (Kayokwe, Mwaro).",
                     "tortured")
    loc = found.mentions[0].location
    assert loc.name == "Kayokwe" and loc.admin1 == "Mwaro"


def test_a_towns_own_chain_keeps_its_province(nlp, gaz):
    # "Janzur (Tripoli)": the city next to the town, not Tripoli's province
    found = _located(nlp, gaz, "On 21 May 2020, several mortar shells fell on Al Jabes street in Janzur (Tripoli).", "fell")
    loc = found.mentions[0].location
    assert loc.name == "Janzūr" and loc.admin1 != "Tripoli"


def test_a_province_abroad_from_every_namesake_province_holds_the_town(nlp, gaz):
    # Rio Claro is a region of Trinidad too: "Lara state" is no next item of a list of provinces
    res = _resolve(nlp, gaz, "On 12 June 2020, in Rio Claro, Lara state, neighbours protested over gas shortages.")
    assert res["Rio Claro"].entry is None or res["Rio Claro"].entry.iso2 == "VE"
    found = _located(nlp, gaz, "On 12 June 2020, in Rio Claro, Lara state, neighbours protested over gas shortages.", "protested")
    assert found.mentions[0].location.iso3 == "VEN" and found.mentions[0].location.admin1 == "Lara"


def test_a_province_spelled_otherwise_before_its_unit_word(nlp, gaz):
    res = _resolve(nlp, gaz, "On 17 May 2020, hundreds protested in Kirkouk province over power cuts.")
    e = res["Kirkouk province"].entry
    assert e is not None and e.iso2 == "IQ" and e.feature_code == "ADM1" and e.name == "Kirkuk"
    # as ACLED writes it, the name alone is the province
    e = _resolve(nlp, gaz, "On 17 May 2020, hundreds protested in Wassit province over power cuts.")["Wassit"].entry
    assert e is not None and e.iso2 == "IQ" and e.name == "Wasit"


def test_a_local_government_area_is_a_district(nlp, gaz):
    # NER reads "Oshimili North LGA" as a body; the unit word says it is Delta State's district
    found = _located(nlp, gaz, "On 22 May 2020, market women of Okpanam (Oshimili North LGA, Delta) blocked the expressway over levies.",
                     "blocked")
    loc = found.mentions[0].location
    assert loc.name == "Oshimili North" and loc.admin1 == "Delta" and loc.geo_precision == 2


@pytest.mark.parametrize("text,trigger,admin1", [
    # NER keeps "Rabat" of "Rabat Abdullah" and "Bagh" of "Bagh-e Shamal": the chain after the
    # cut name still says where it is, not Morocco's capital or Azad Kashmir's town
    ("04/14/2021: Assailants shot and killed a district official near his shop in Rabat Abdullah, Herat, "
     "Afghanistan.", "killed", "Herat"),
    ("05/02/2021: Assailants attacked an army checkpoint in Bagh-e Shamal, Baghlan, Afghanistan.",
     "attacked", "Baghlan"),
])
def test_a_name_ner_cut_short_keeps_its_chain(nlp, gaz, text, trigger, admin1):
    loc = _located(nlp, gaz, text, trigger).mentions[0].location
    assert loc.iso3 == "AFG" and loc.admin1 == admin1


def test_a_piece_of_a_name_inside_a_chain_bounds_nothing(nlp, gaz):
    # "Saudi" of "Datu Saudi Ampatuan" qualifies Kitango, but says nothing of where it lies
    text = "06/05/2021: Assailants set fire to a school building in Kitango, Datu Saudi Ampatuan, Maguindanao, Philippines."
    assert _resolve(nlp, gaz, text)["Kitango"].entry.iso2 == "PH"
    assert _located(nlp, gaz, text, "set fire").mentions[0].location.name == "Kitango"


def test_a_list_of_countries_is_no_chain_of_qualifiers(nlp, gaz):
    res = _resolve(nlp, gaz, "Youth unemployment is high in countries such as Cyprus, Greece, Italy or Spain.")
    assert res["Cyprus"].entry.iso2 == "CY" and res["Greece"].entry.iso2 == "GR"


def test_philly_is_philadelphia(nlp, gaz):
    r = _resolve(nlp, gaz, "Two Philly teenagers were shot outside a recreation center on Friday.").get("Philly")
    assert r is not None and r.entry is not None and (r.entry.name, r.entry.admin1) == ("Philadelphia", "Pennsylvania")


@pytest.mark.parametrize("text,name,iso2,code", [
    ("Gun sales in America rose again last year, the report said.", "America", "US", "PCLI"),
    ("Wildfires forced hundreds from their homes in B.C. on Sunday.", "B.C.", "CA", "ADM1"),
])
def test_short_names_of_countries_and_provinces_resolve(nlp, gaz, text, name, iso2, code):
    r = _resolve(nlp, gaz, text)[name]
    assert r.entry is not None and r.entry.iso2 == iso2 and r.entry.feature_code == code


def test_a_bare_name_of_the_capital_and_a_far_state_is_the_capital(nlp, gaz):
    r = _resolve(nlp, gaz, "A reporter for The Washington Post asked about the new tariffs.")["Washington"]
    assert r.entry is not None and r.entry.feature_code == "PPLC"


def test_the_state_among_its_own_towns_stays_the_state(nlp, gaz):
    text = "Seattle police said the Washington Department of Health counted more cases in Tacoma and Spokane."
    r = _resolve(nlp, gaz, text)["Washington"]
    assert r.entry is not None and r.entry.feature_code == "ADM1"


@pytest.mark.parametrize("text,trigger,name,admin1,precision", [
    # a province's district, written with the province first
    ("Suspected rebels ambushed a paramilitary patrol in Manipur's Chandel district on Sunday.", "ambushed",
     "Chandel", "Manipur", 2),
    ("Gunmen killed three labourers in Balochistan’s Kachhi district late on Monday.", "killed",
     "Kachhi District", "Balochistan", 2),
    ("Taliban fighters overran a police post in Helmand's Nad Ali district overnight.", "overran",
     "Nād ‘Alī", "Helmand", 2),
    # a local government area, its words written out, and a state after its country
    ("Insurgents burned a market in Borno's Gwoza local government area on Friday.", "burned", "Gwoza", "Borno", 2),
    ("Gunmen abducted 14 farmers in Nigeria's Zamfara state on Tuesday.", "abducted", "Zamfara State", "Zamfara", 3),
    # a compass word between, and a town written "city of"
    ("A bomb tore through a bus stand in Pakistan's northwestern city of Peshawar on Friday.", "tore",
     "Peshawar", "Khyber Pakhtunkhwa", 1),
    # a hyphened adjective between the province and its district
    ("Maoists torched three trucks in Jharkhand's Maoist-affected Latehar district on Sunday.", "torched",
     "Latehar", "Jharkhand", 2),
    # the province picks the district among namesakes (Bijapur is also a city in Karnataka)
    ("Maoists shot dead a village guard in Chhattisgarh's Bijapur district on Saturday.", "shot", "Bijapur",
     "Chhattisgarh", 2),
])
def test_a_province_before_its_possessive_qualifies_the_district_after_it(nlp, gaz, text, trigger, name, admin1,
                                                                         precision):
    loc = _located(nlp, gaz, text, trigger).mentions[0].location
    assert loc is not None and (loc.name, loc.admin1, loc.geo_precision) == (name, admin1, precision)


def test_a_unit_word_inside_the_name_after_a_possessive_links_it(nlp, gaz):
    tops = find_toponyms(nlp("Soldiers clashed with rebels in Shan State's Lashio Township on Sunday."), gaz)
    assert [(t.text, t.qualifier_of) for t in tops] == [("Shan State", 1), ("Lashio Township", None)]


def test_a_town_in_a_provinces_district_stays_the_town(nlp, gaz):
    text = "Farmers blocked a highway at Dhuri in southern Punjab's Sangrur district to protest a death."
    loc = _located(nlp, gaz, text, "protest").mentions[0].location
    assert loc is not None and (loc.name, loc.admin1, loc.geo_precision) == ("Dhūri", "Punjab", 1)


@pytest.mark.parametrize("text", [
    "Pakistan's army said militants attacked a checkpoint in Waziristan.",
    "Kano's governor condemned the attack in Kura town.",
    "The city's police chief said a man was shot in Lagos.",
    "Israel's Gaza offensive went on as officials in Rafah counted the dead.",
    # a part of a city, whose event is the city's
    "A teenager was shot in Chicago's Englewood neighborhood on Sunday night.",
    # a city holds no province
    "Students from Karachi's Punjab province community rallied outside the press club on Monday.",
])
def test_a_possessive_before_no_district_links_no_places(nlp, gaz, text):
    assert all(t.qualifier_of is None for t in find_toponyms(nlp(text), gaz))


def test_a_citys_unknown_district_leaves_the_city(nlp, gaz):
    text = "Protesters blocked a road outside a bank in Beirut's Gemmayzeh district on Friday."
    loc = _located(nlp, gaz, text, "blocked").mentions[0].location
    assert loc is not None and (loc.name, loc.geo_precision) == ("Beirut", 1)


@pytest.mark.parametrize("text,city,suburb", [
    ("A car bomb went off in the Paris suburb of Bobigny on Sunday night.", "Paris", "Bobigny"),
    # a headline drops the article: "in Beirut suburb of X"
    ("Gunmen shot dead two men in Damascus suburb of Douma", "Damascus", "Douma"),
])
def test_the_city_before_suburb_of_qualifies_the_suburb(nlp, gaz, text, city, suburb):
    tops = find_toponyms(nlp(text), gaz)
    assert [(t.text, t.qualifier_of) for t in tops] == [(city, 1), (suburb, None)]
    assert tops[1].prep == "in"


def test_a_name_after_a_place_word_and_of_is_a_place(nlp, gaz):
    tops = find_toponyms(nlp("Armed men seized a lawyer outside her office in the hillside suburb of Pétion-Ville."),
                         gaz)
    assert "Pétion-Ville" in [t.text for t in tops]


def test_a_province_only_event_stands_at_the_provinces_seat(nlp, gaz):
    # Sindh's towns spread over the whole province; its seat is Karachi
    text = "Farmers staged a sit-in somewhere in Sindh province on Monday over water shortages."
    loc = _located(nlp, gaz, text, "sit-in").mentions[0].location
    assert loc is not None and (loc.admin1, loc.geo_precision) == ("Sindh", 3)
    karachi = max((e for e in gaz.lookup("Karachi") if e.iso2 == "PK"), key=lambda e: e.population)
    assert (loc.latitude, loc.longitude) == (karachi.latitude, karachi.longitude)


def test_the_seat_of_a_province_is_its_largest_town(gaz):
    punjab = next(e for e in gaz.lookup("Punjab") if e.iso2 == "PK" and e.feature_code == "ADM1")
    assert gaz.seat(punjab).name == "Lahore"
    town = max(gaz.lookup("Lahore"), key=lambda e: e.population)
    assert gaz.seat(town) is None  # a town has no seat


def test_a_second_level_province_holds_only_its_own_towns(nlp, gaz):
    # Philippine provinces are second-level units: Jagna lies in Bohol, not in Cebu
    res = _resolve(nlp, gaz, "Farmers marched to the town hall in Jagna, Cebu, Philippines on Monday.")
    assert res["Jagna"].entry is None or res["Jagna"].entry.admin2 == "Cebu"
    loc = _located(nlp, gaz, "Farmers marched to the town hall in Jagna, Cebu, Philippines on Monday.",
                   "marched").mentions[0].location
    assert loc is not None and loc.admin2 == "Cebu"
    # a town written with its own province keeps it
    res = _resolve(nlp, gaz, "Farmers marched to the town hall in Bayawan, Negros Oriental, on Monday.")
    assert res["Bayawan"].entry is not None and res["Bayawan"].entry.admin2 == "Negros Oriental"


def test_a_district_beside_a_province_does_not_bar_a_town(nlp, gaz):
    # the district written may be one the town's district was split from; the province says enough
    res = _resolve(nlp, gaz, "Workers protested in Tirupati city (Chittoor district, Andhra Pradesh) on Friday.")
    assert res["Tirupati"].entry is not None and res["Tirupati"].entry.name == "Tirupati"


def test_a_district_the_gazetteer_lacks_is_read_as_its_seat_town(nlp, gaz):
    text = "A farmer in Iran was hurt by an old landmine in Mehran county on Tuesday."
    loc = _located(nlp, gaz, text, "hurt").mentions[0].location
    assert loc is not None and (loc.admin1, loc.geo_precision) == ("Ilam", 2)
    # no country named: a bare town of that name anywhere is no district's seat
    res = _resolve(nlp, gaz, "Farmers marched in Mehran county on Tuesday.")
    assert res["Mehran county"].entry is None


def test_the_one_town_named_inside_the_county_is_the_place(nlp, gaz):
    text = ("A teenager was wounded Friday night in Marshall County, the sheriff said. Deputies found "
            "him at a house in Albertville after a neighbour called.")
    loc = _located(nlp, gaz, text, "wounded").mentions[0].location
    assert loc is not None and (loc.name, loc.admin1, loc.geo_precision) == ("Albertville", "Alabama", 1)
    assert loc.rule == "geo.event.county-town"


def test_two_towns_inside_the_county_leave_the_county(nlp, gaz):
    text = ("A teenager was wounded Friday night in Harris County, the sheriff said. He was taken to a "
            "hospital in Houston; the shooter lives in Pasadena.")
    loc = _located(nlp, gaz, text, "wounded").mentions[0].location
    assert loc is not None and loc.name == "Harris County"


def test_a_name_before_the_word_state_is_no_county(nlp, gaz):
    # a business named after a state's nickname: no first-level unit is called "Garden"
    res = _resolve(nlp, gaz, "Deputies drove to the Garden State Rifle Range after a member hurt his hand.")
    garden = [r for text, r in res.items() if text.startswith("Garden")]
    assert garden and all(r.entry is None or r.entry.feature_code == "ADM1" for r in garden)
    res = _resolve(nlp, gaz, "Fighting was reported in Kachin state on Monday.")
    assert res["Kachin"].entry is not None and res["Kachin"].entry.feature_code == "ADM1"


def test_a_country_or_a_city_before_the_word_state_stays_a_place(nlp, gaz):
    res = _resolve(nlp, gaz, "Russian state media said the drone was shot down near Belgorod.")
    russia = [r for text, r in res.items() if text.startswith("Russia")]
    assert russia and russia[0].entry is not None and russia[0].entry.iso2 == "RU"
    res = _resolve(nlp, gaz, "He played football at Youngstown State University in Ohio.")
    town = [r for text, r in res.items() if text.startswith("Youngstown")]
    assert town and town[0].entry is not None and town[0].entry.admin1 == "Ohio"


def test_a_lone_namesake_abroad_gives_way_to_the_country_the_text_speaks_of(nlp, gaz):
    # "Los Cedros" is in the gazetteer in Mexico only; the rest of the sentence is Colombian
    f = _located(nlp, gaz, "On 3 June, soldiers and guerrillas clashed in Los Cedros community, "
                           "El Tambo municipality, Cauca department.", "clashed")
    loc = f.mentions[0].location
    assert loc is not None and loc.iso3 == "COL" and loc.admin1 == "Cauca"


def test_a_namesake_abroad_stays_where_its_country_is_named(nlp, gaz):
    f = _located(nlp, gaz, "Protesters marched in Los Cedros, Mexico, and in Bogota, Colombia, "
                           "against the new tax.", "marched")
    places = {p.text: p.entry for p in f.places}
    assert places["Los Cedros"] is not None and places["Los Cedros"].iso2 == "MX"


def test_a_town_name_that_opens_with_a_country_name_is_read_whole(nlp, gaz):
    found = _resolve(nlp, gaz, "Residents banged pots on their balconies in Mali Zvornik, Serbia, on Friday.")
    assert "Mali" not in found
    assert found["Mali Zvornik"].entry is not None and found["Mali Zvornik"].entry.iso2 == "RS"


def test_a_unit_word_does_not_lengthen_a_name(nlp, gaz):
    found = _resolve(nlp, gaz, "A bomb killed two men in Police District 4, Kandahar city, Afghanistan.")
    assert "Police District" not in found


def test_a_town_in_a_landmark_name_gives_way_to_the_place_set_out_after_it(nlp, gaz):
    # a roundabout named after another province's capital, then the town with its province
    f = _located(nlp, gaz, "A bomb went off at Ghazni Amanullah square, Tarin Kot, Uruzgan, "
                           "Afghanistan, on Tuesday.", "bomb")
    loc = f.mentions[0].location
    assert loc is not None and loc.admin1 == "Uruzgan"


def test_a_place_and_its_province_named_later_in_the_sentence_leave_the_first_alone(nlp, gaz):
    # the second place is a list item of its own, written far from the first
    f = _located(nlp, gaz, "Gunmen attacked a checkpoint in Ghazni on Monday, a day after a blast "
                           "in Tarin Kot, Uruzgan.", "attacked")
    loc = f.mentions[0].location
    assert loc is not None and loc.admin1 == "Ghazni"


def test_a_village_ner_misses_is_read_before_the_province_that_holds_it(nlp, gaz):
    found = _resolve(nlp, gaz, "Gunmen ambushed a patrol on a farm road in Neni, Anambra, Nigeria, at dawn.")
    assert found["Neni"].entry is not None and found["Neni"].entry.iso2 == "NG"


def test_words_before_a_place_that_holds_no_such_name_stay_words(nlp, gaz):
    found = _resolve(nlp, gaz, "Officials said Monday, Lagos was calm after the protest.")
    assert "Monday" not in found


def test_a_province_after_a_comma_is_the_province_not_a_village_named_after_it(nlp, gaz):
    # the gazetteer knows a small Escobedo in Coahuila, next to a village called Nuevo Leon;
    # a town written with its state is in that state even where the town itself is unknown
    res = _resolve(nlp, gaz, "On Friday, in Escobedo, Nuevo Leon, gunmen shot a shop owner.")
    state = res["Nuevo Leon"].entry
    assert state is not None and state.feature_code == "ADM1" and state.iso3 == "MEX"
    town = res["Escobedo"].entry
    assert town is None or town.admin1 == state.name


def test_a_compass_named_province_before_its_country_is_the_province(nlp, gaz):
    # 'North-West' and 'South-West' are compass words, but before ", Cameroon" they are
    # two of its regions, tagged by NER or not
    res = _resolve(nlp, gaz, "Gunmen kidnapped a teacher in North-West, Cameroon, on Tuesday.")
    assert res["North-West"].entry.feature_code == "ADM1" and res["North-West"].entry.iso3 == "CMR"
    res = _resolve(nlp, gaz, "Gunmen shot a driver in Ekona, South-West, Cameroon, on Tuesday.")
    unit = res["South-West"].entry
    assert unit is not None and unit.feature_code == "ADM1" and unit.iso3 == "CMR"


def test_a_common_word_before_a_country_stays_a_word(nlp, gaz):
    res = _resolve(nlp, gaz, "Officials said Monday, Kenya would reopen the border.")
    assert "Monday" not in res


def test_a_name_after_a_unit_word_and_of_is_the_unit_even_untagged(nlp, gaz):
    # NER may leave the province's name untagged, or read it as a date
    res = _resolve(nlp, gaz, "Drones struck a shepherd's hut in the mountains of the region of Dahuk on Sunday.")
    unit = res["Dahuk"].entry
    assert unit is not None and unit.iso3 == "IRQ"


def test_a_month_after_a_unit_word_and_of_is_no_place(nlp, gaz):
    res = _resolve(nlp, gaz, "The town held its first market of May on Sunday.")
    assert "May" not in res


def test_a_numbered_part_of_a_town_is_near_the_town(nlp, gaz):
    # mining settlements are numbered after their town; the number names no other place
    res = _resolve(nlp, gaz, "Shelling hit houses in the area of Zolote-3, Luhansk, overnight.")
    r = res["Zolote-3"]
    assert r.entry is not None and r.entry.name == "Zolote" and r.rule.startswith("geo.resolve.numbered")


def test_a_bracketed_province_nobody_tagged_is_the_province(nlp, gaz):
    # notes write the unit in brackets after a base or a village the gazetteer lacks
    res = _resolve(nlp, gaz, "Drones hit the fuel depot at the Wadi Rmel airfield (Nuqat al Khams) on Friday.")
    hits = [r.entry for r in res.values() if r.entry is not None and r.entry.iso3 == "LBY"]
    assert hits and hits[0].feature_code == "ADM1"


def test_a_preposition_ner_took_into_a_name_parts_the_place_from_its_province(nlp, gaz):
    from eventwire.geo._places import _merge_split_names

    doc = nlp("Residents marched in the village of Bardo in Idleb province on Friday.")
    first, second = doc[6:8], doc[8:9]  # "Bardo in" as NER may cut it, then "Idleb"
    assert first.text == "Bardo in" and second.text == "Idleb"
    merged = _merge_split_names(doc, [(first, "geo.ner"), (second, "geo.ner")], gaz, frozenset({"province"}))
    assert [s.text for s, _ in merged] == ["Bardo", "Idleb"]


def test_a_town_just_across_the_named_provinces_line_is_the_place_filed_under_that_province(nlp, gaz):
    # GeoNames files Tarmiyah under Baghdad, a short way from Saladin's towns; a text that
    # writes it with Saladin means that town, filed where the text files it
    r = _resolve(nlp, gaz, "Gunmen seized two herders in Tarmiyah, Saladin, Iraq, on Sunday.")["Tarmiyah"]
    assert r.entry is not None and r.entry.feature_class == "P" and r.entry.admin1 == "Saladin"


def test_a_namesake_far_from_the_named_province_stays_outside_it(nlp, gaz):
    # Pakistan's Sibi lies in Balochistan, far from Punjab's towns: no town re-filed under Punjab
    r = _resolve(nlp, gaz, "Police broke up a sit-in at Faisalabad, Punjab, and another in Sibi, Punjab.")["Sibi"]
    assert r.entry is None or r.entry.feature_class != "P"


def test_an_untagged_name_before_its_province_is_found_in_another_transliteration(nlp, gaz):
    # NER leaves "Tall Refaat" untagged; GeoNames writes the Aleppo town "Tall Rif'at": the same
    # consonants, spelt closely, inside the province the comma leads to
    found = _resolve(nlp, gaz, "Residents fled Tall Refaat, Aleppo, after a night of shelling.")
    assert "Tall Refaat" in found
    e = found["Tall Refaat"].entry
    assert e is not None and e.feature_class == "P" and e.admin1 == "Aleppo"


def test_a_village_outside_the_province_its_sentence_names_is_a_namesake(nlp, gaz):
    # the only Tuxtla the gazetteer knows lies in Chiapas; the sentence puts the village in
    # Veracruz, where Zongolica, also named, lies: the village's words at Zongolica's point
    text = ("Villagers fought with machetes in Tuxtla village, which officials listed under Zongolica "
            "municipality in Veracruz state.")
    loc = _located(nlp, gaz, text, "fought").mentions[0].location
    assert loc.admin1 == "Veracruz" and loc.name == "Zongolica" and loc.text == "Tuxtla"


def test_a_place_named_with_its_own_province_keeps_its_point(nlp, gaz):
    # a town written with the province it lies in stays the town, whatever else the sentence names
    text = "Shells fell on Andahuaylas, Apurimac, while families waited to travel home to Lima."
    loc = _located(nlp, gaz, text, "fell").mentions[0].location
    assert loc.name == "Andahuaylas" and loc.admin1 == "Apurimac"


def test_a_monitors_village_in_luhansk_is_placed_in_its_oblast(nlp, gaz):
    # a village too small for the embedded GeoNames table, known from the Codifier table
    text = "Monitors recorded twelve explosions near Spirne, and bursts of small-arms fire."
    loc = _located(nlp, gaz, text, "explosions", event=("Explosions/Remote violence", "Shelling/artillery/missile attack")).mentions[0].location
    assert loc.name == "Spirne" and loc.admin1 == "Donetsk"


def test_a_first_word_read_as_a_group_opens_a_village_name(nlp, gaz):
    # NER may read "Kafr" ("village") as a group and leave the rest of the name untagged
    from spacy.tokens import Span

    from eventwire.geo._places import candidate_spans

    doc = nlp.make_doc("Soldiers dispersed a march in Kafr Qaddum on Friday.")
    doc.ents = [Span(doc, 5, 6, label="NORP")]
    spans = [(s.text, s.label_) for s, _ in candidate_spans(doc, gaz)]
    assert spans == [("Kafr Qaddum", "GPE")]
    # a people's name stays a people's
    doc = nlp.make_doc("Syrian fighters entered the town.")
    doc.ents = [Span(doc, 0, 1, label="NORP")]
    assert [s.label_ for s, _ in candidate_spans(doc, gaz)] == ["NORP"]


def test_a_street_named_after_a_town_is_no_town(nlp, gaz):
    text = "Officers on patrol near the area of Raleigh Road and Fifth Street heard gunfire in Fresno."
    tops = {t.text for t in find_toponyms(nlp(text), gaz)}
    assert "Raleigh" not in tops and "Fresno" in tops


@pytest.mark.parametrize("text, name, kept", [
    ("Madison Clarke said her son was shot outside the store.", "Madison", False),
    ("Savannah Pruitt stands on the porch where the bullets hit.", "Savannah", False),
    ("Madison police said the man was shot outside the store.", "Madison", True),
    ("The man was shot on Tyler Street on Monday.", "Tyler", False),
])
def test_a_towns_name_before_a_surname_is_a_first_name(nlp, gaz, text, name, kept):
    assert (name in {t.text for t in find_toponyms(nlp(text), gaz)}) == kept


def test_a_one_word_name_with_an_age_is_a_person(nlp, gaz):
    text = "Her children, Marion, 9, and Beverly, 12, were asleep when the shots were fired in Dayton."
    tops = {t.text for t in find_toponyms(nlp(text), gaz)}
    assert "Marion" not in tops and "Beverly" not in tops and "Dayton" in tops


@pytest.mark.parametrize("text,trigger,name", [
    # a province that only opens the name of a force or of a day names no place of the act:
    # the town outside it is no namesake of a village in it
    ("Soldiers of the Assam Rifles fought rebels near Moreh in Chandel district on Friday.",
     "fought", "Moreh"),
    ("Hundreds of students marched through Bannu during a Kashmir Day rally.", "marched", "Bannu"),
])
def test_a_province_opening_a_longer_name_is_no_named_province(nlp, gaz, text, trigger, name):
    loc = _located(nlp, gaz, text, trigger).mentions[0].location
    assert loc is not None and loc.name == name


def test_a_close_spelling_of_one_town_only_is_that_town_whatever_country_the_text_names(nlp, gaz):
    # the text names Turkey by its forces; the town across the border is written otherwise
    # than GeoNames writes it (Tall Abyad), and no other town is spelt nearly as alike
    found = _resolve(nlp, gaz, "Turkish forces shelled army positions in Tell Abiad on Sunday.")
    e = found["Tell Abiad"].entry
    assert e is not None and e.iso2 == "SY"


def test_a_short_name_is_no_close_spelling_of_a_town_abroad(nlp, gaz):
    # five letters meet another town's by chance (Ziniare, Burkina Faso): left unknown
    found = _resolve(nlp, gaz, "Turkish forces shelled army positions in Zinar on Sunday.")
    r = found.get("Zinar")
    assert r is None or r.entry is None or r.entry.iso2 != "BF"


@pytest.mark.parametrize("text,trigger,words", [
    # the district a force attacked is where the attack took place, not the province after it
    ("Insurgents attacked Obe district, Herat province, Afghanistan, before dawn on Tuesday.", "attacked", "Obe district"),
    ("Gunmen raided Ghoryan district, Herat, Afghanistan, late on Sunday.", "raided", "Ghoryan"),
])
def test_a_place_struck_is_the_scene(nlp, gaz, text, trigger, words):
    loc = _located(nlp, gaz, text, trigger).mentions[0].location
    assert loc is not None and loc.text == words


def test_a_close_spelling_abroad_gives_way_to_the_province_the_text_names(nlp, gaz):
    # the text names a Syrian province: Morocco's Derdara is no other spelling of its village
    found = _resolve(nlp, gaz, "Mortar rounds landed on the village of Dardara in Al-Hasakeh province on Monday.")
    r = found.get("Dardara")
    assert r is None or r.entry is None or r.entry.iso2 != "MA"
