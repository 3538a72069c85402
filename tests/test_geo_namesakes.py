"""Resolution among namesakes, on hand-made place mentions (no NER involved)."""
from __future__ import annotations

import pytest

from eventwire.gazetteer import default_gazetteer
from eventwire.geo._focus import Focus
from eventwire.geo._places import Toponym
from eventwire.geo._resolve import resolve_toponyms


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


def _tops(*names: str, label: str = "GPE") -> list[Toponym]:
    """One mention per name, each in its own sentence of a made-up text."""
    out, pos = [], 0
    for name in names:
        out.append(Toponym(name, pos, pos + len(name), pos, pos + len(name) + 1, 0, 1, label))
        pos += len(name) + 2
    return out


def _resolved(gaz, *names: str, label: str = "GPE") -> dict:
    return {r.toponym.text: r.entry for r in resolve_toponyms(_tops(*names, label=label), gaz)}


@pytest.mark.parametrize("abbreviation,state", [("Ky.", "Kentucky"), ("Va.", "Virginia"), ("Pa.", "Pennsylvania"),
                                                ("Mo.", "Missouri"), ("N.Y", "New York")])
def test_a_press_abbreviation_of_a_state_is_the_state(gaz, abbreviation, state):
    e = _resolved(gaz, abbreviation)[abbreviation]
    assert e is not None and e.feature_code == "ADM1" and e.name == state and e.iso2 == "US"


def test_a_press_abbreviation_of_a_city_of_millions_is_the_city(gaz):
    e = _resolved(gaz, "L.A.")["L.A."]
    assert e is not None and (e.name, e.admin1) == ("Los Angeles", "California")
    assert _resolved(gaz, "N.Y.")["N.Y."].feature_code == "ADM1"  # a state's abbreviation stays the state


@pytest.mark.parametrize("name,unit,code", [
    ("Titus County Sheriff's Office", "Titus County", "ADM2"),
    ("Henrico County Police", "Henrico County", "ADM2"),
    ("Greer City Hall", "Greer", "PPL"),
])
def test_a_body_named_after_its_place_is_placed_there(gaz, name, unit, code):
    e = _resolved(gaz, name, label="ORG")[name]
    assert e is not None and e.name == unit and e.feature_code.startswith(code) and e.iso2 == "US"


def test_a_body_without_a_unit_word_is_not_guessed(gaz):
    assert _resolved(gaz, "Hammond Marina Authority", label="ORG")["Hammond Marina Authority"] is None


def _resolved_with_focus(gaz, focus, *names: str) -> dict:
    return {r.toponym.text: r.entry for r in resolve_toponyms(_tops(*names), gaz, focus=focus)}


def test_a_town_among_namesakes_lies_where_the_texts_other_places_lie(gaz):
    alone = _resolved(gaz, "Austin")["Austin"]
    among = _resolved(gaz, "Austin", "Rochester", "Winona", "Mankato")["Austin"]
    assert alone.admin1 == "Texas"
    assert among.admin1 == "Minnesota" and among.iso2 == "US"


def test_a_place_known_everywhere_beats_a_small_namesake_in_the_articles_country(gaz):
    us = Focus(country="US", strength=1.0, source="lede")
    res = _resolved_with_focus(gaz, us, "Moscow", "China")
    assert res["Moscow"].iso2 == "RU" and res["China"].feature_code.startswith("PCL")


def test_a_small_namesake_of_a_capital_where_the_text_is(gaz):
    idaho = Focus(country="US", admin1="idaho", strength=1.0, source="dateline")
    assert _resolved_with_focus(gaz, idaho, "Moscow")["Moscow"].admin1 == "Idaho"
    us = Focus(country="US", strength=1.0, source="lede")
    assert _resolved_with_focus(gaz, us, "Moscow", "Boise", "Coeur d'Alene", "Sandpoint")["Moscow"].admin1 == "Idaho"


def test_a_namesake_inside_a_county_the_text_names(gaz):
    assert _resolved(gaz, "Palestine", "Texas")["Palestine"].feature_code.startswith("PCL")
    town = _resolved(gaz, "Palestine", "Anderson County", "Texas")["Palestine"]
    assert town.feature_class == "P" and town.admin1 == "Texas"
    paris = _resolved(gaz, "Paris", "Henry County")["Paris"]
    assert paris.iso2 == "US" and paris.admin1 == "Tennessee"


def test_a_state_named_outright_keeps_its_small_namesake_town(gaz):
    us = Focus(country="US", strength=1.0, source="lede")
    assert _resolved_with_focus(gaz, us, "Dublin")["Dublin"].iso2 == "IE"
    assert _resolved_with_focus(gaz, us, "Dublin", "Ohio")["Dublin"].admin1 == "Ohio"


def test_a_state_named_elsewhere_does_not_make_a_capital_its_village(gaz):
    us = Focus(country="US", strength=1.0, source="lede")
    # the fashion house's designer "is based in London"; its professor teaches in California
    found = _resolved_with_focus(gaz, us, "London", "California", "Los Angeles")
    assert found["London"].iso2 == "GB"
    assert _resolved_with_focus(gaz, us, "Paris", "Pennsylvania")["Paris"].iso2 == "FR"
    assert _resolved_with_focus(gaz, us, "Dublin", "Ohio")["Dublin"].admin1 == "Ohio"  # a town, not a village


def test_a_city_beats_its_village_namesake_in_the_articles_own_state(gaz):
    ohio = Focus(country="US", admin1="ohio", strength=1.0, source="dateline")
    # a game report datelined Columbus: "outlasted Louisville in overtime"
    assert _resolved_with_focus(gaz, ohio, "Louisville", "Columbus")["Louisville"].admin1 == "Kentucky"
    # a town, not a village, of the article's state keeps its name
    assert _resolved_with_focus(gaz, ohio, "Springfield", "Columbus")["Springfield"].admin1 == "Ohio"


def test_namesakes_that_lie_together_are_meant(nlp, gaz):
    import eventwire.geo._resolve as resolve
    from eventwire.geo import find_toponyms

    text = "The flood closed roads in Henry County and Washington County, officials said."
    tops = find_toponyms(nlp(text), gaz)
    # neighbouring counties of Iowa, not the largest Henry County (Georgia) and Washington County (Oregon)
    assert [r.entry.admin1 for r in resolve_toponyms(tops, gaz)] == ["Iowa", "Iowa"]
    near = resolve._neighbours({"a": [e for e in gaz.lookup("Henry County") if e.admin1 == "Iowa"],
                                "b": [e for e in gaz.lookup("Washington County") if e.admin1 in ("Iowa", "Oregon")]})
    assert sorted(near.values()) == [1, 1]  # Iowa's two counties, each near the other; Oregon's alone


def test_namesakes_together_are_found_where_a_degree_of_longitude_is_short(gaz):
    from dataclasses import replace

    import eventwire.geo._resolve as resolve

    town = next(e for e in gaz.lookup("Henry County") if e.admin1 == "Iowa")
    # at 60° north, half a degree of longitude is 28 km: these two lie 43 km apart, two cells away
    west, east = replace(town, latitude=60.0, longitude=10.49), replace(town, latitude=60.0, longitude=11.26)
    assert sorted(resolve._neighbours({"a": [west], "b": [east]}).values()) == [1, 1]


@pytest.mark.parametrize("name,town,province", [("Idleb", "Idlib", "Idlib"), ("Misrata", "Misratah", "Misrata"),
                                                ("Pondicherry", "Puducherry", "Puducherry")])
def test_a_province_spelling_written_alone_is_the_town_it_is_named_after(gaz, name, town, province):
    e = _resolved(gaz, name)[name]
    assert e is not None and e.feature_class == "P" and e.name == town and e.admin1 == province


def test_a_province_written_as_a_province_stays_the_province(gaz):
    e = resolve_toponyms([Toponym("Idleb", 0, 5, 0, 16, 0, 1, "GPE", head="province")], gaz)[0].entry
    assert e is not None and e.feature_code == "ADM1" and e.name == "Idlib"


def _resolve_text(nlp, gaz, text: str) -> dict:
    from eventwire.geo import find_toponyms

    return {r.toponym.text: r.entry for r in resolve_toponyms(find_toponyms(nlp(text), gaz), gaz)}


def test_a_part_of_a_continent_is_the_continent(nlp, gaz):
    found = _resolve_text(nlp, gaz, "Aid groups warned of hunger across Sub-Saharan Africa this year.")
    e = found.get("Africa")
    assert e is not None and e.feature_code == "CONT"


def test_each_abbreviated_state_follows_its_own_town_in_a_list(nlp, gaz):
    from eventwire.geo import find_toponyms

    text = ("The other finalists were Denver, Tucson, Lexington, Ky., Hartford, Conn., "
            "and Fargo, N.D., the committee said.")
    tops = find_toponyms(nlp(text), gaz)
    by_text = {t.text: i for i, t in enumerate(tops)}
    assert tops[by_text["Ky."]].qualifier_of == by_text["Lexington"]
    assert tops[by_text["Hartford"]].qualifier_of == by_text["Denver"]  # the list goes on
    found = {r.toponym.text: r.entry for r in resolve_toponyms(tops, gaz)}
    assert found["Denver"] is not None and found["Denver"].admin1 == "Colorado"
    assert found["Lexington"].admin1 == "Kentucky"


def test_a_city_that_is_its_own_province_after_a_comma_is_the_next_item_of_a_list(nlp, gaz):
    found = _resolve_text(nlp, gaz, "The band cancelled its concerts in Copenhagen, Hamburg and Munich.")
    assert found["Copenhagen"] is not None and found["Copenhagen"].iso2 == "DK"
    assert found["Hamburg"].iso2 == "DE"


def test_an_ocean_is_no_small_namesake_in_the_articles_country(gaz):
    us = Focus(country="US", strength=1.0, source="lede")
    e = _resolved_with_focus(gaz, us, "Atlantic")["Atlantic"]
    assert e is not None and e.feature_code == "OCN" and e.iso2 is None
    assert _resolved(gaz, "Persian Gulf")["Persian Gulf"].feature_code == "GULF"  # not Iran's Bushehr province
    assert _resolved(gaz, "North Sea")["North Sea"].feature_code == "SEA"  # not the town in New Jersey


@pytest.mark.parametrize("name,lat,lon", [
    ("Atlantic", 0.0, -25.0), ("Indian Ocean", -20.0, 80.0), ("North Pacific", 30.0, -165.0), ("Pacific", 0.0, -160.0),
])
def test_an_ocean_is_at_the_factbooks_point(gaz, name, lat, lon):
    e = _resolved(gaz, name)[name]
    assert e is not None and e.feature_code == "OCN" and (e.latitude, e.longitude) == (lat, lon)


def test_the_middle_east_is_the_region_not_a_us_hamlet(nlp, gaz):
    found = _resolve_text(nlp, gaz, "The sergeant served two tours in the Middle East before he was "
                                    "killed on patrol, the ministry said.")
    assert found["Middle East"].feature_code == "RGN" and found["Middle East"].iso2 is None
    assert _resolved(gaz, "Mideast")["Mideast"].feature_code == "RGN"


def test_north_africa_is_the_region_not_the_continent(nlp, gaz):
    found = _resolve_text(nlp, gaz, "Smugglers moving migrants across North Africa have shifted their routes "
                                    "toward the coast, officials said.")
    e = found.get("North Africa")
    assert e is not None and e.feature_code == "RGN" and e.iso2 is None
    assert _resolved(gaz, "Northern Europe")["Northern Europe"].feature_code == "RGN"


def test_a_village_of_a_name_known_everywhere_draws_no_neighbour_there(nlp, gaz):
    found = _resolve_text(nlp, gaz, "The sergeant, who was born in Manchester, served two tours in the "
                                    "Middle East before he was killed on patrol, the ministry said.")
    assert found["Manchester"].admin1 != "Maryland"  # no town beside the hamlet of Middle East, Maryland


def test_a_sea_named_in_a_news_sentence_is_found_whole(nlp, gaz):
    found = _resolve_text(nlp, gaz, "The tanker was towed across the Gulf of Mexico to a port near Houston.")
    e = found.get("Gulf of Mexico")
    assert e is not None and e.feature_code == "GULF" and abs(e.latitude - 25.0) < 1


def test_a_sea_is_no_town_an_event_happened_in(gaz):
    from eventwire.geo._locate import geo_precision

    r = resolve_toponyms(_tops("Caribbean"), gaz)[0]
    assert r.entry is not None and r.entry.feature_class == "H"
    assert geo_precision(r) == 3


def test_a_building_named_after_a_small_namesake_stands_in_the_articles_town(nlp, gaz):
    from eventwire.geo import find_toponyms

    detroit = next(e for e in gaz.lookup("Detroit") if e.admin1 == "Michigan" and e.feature_class == "P")
    focus = Focus(country="US", admin1="michigan", strength=1.0, source="dateline", place=detroit)
    text = "DETROIT (AP) - The driver crashed near Grand River and Hazelwood avenues early Sunday, police said."
    found = {r.toponym.text: r.entry for r in resolve_toponyms(find_toponyms(nlp(text), gaz), gaz, focus=focus)}
    assert found["Hazelwood"] is not None and found["Hazelwood"].geonameid == detroit.geonameid  # not Missouri's


def test_a_village_in_a_county_the_text_names_keeps_its_name(gaz):
    tennessee = Focus(country="US", admin1="tennessee", strength=1.0, source="dateline")
    # "Rhea County Sheriff's Office deputies found the car on a back road outside Dayton"
    found = _resolved_with_focus(gaz, tennessee, "Dayton", "Rhea County")
    assert (found["Dayton"].admin1, found["Dayton"].admin2) == ("Tennessee", "Rhea County")
    assert _resolved_with_focus(gaz, tennessee, "Dayton")["Dayton"].admin1 == "Ohio"  # the city, named alone


def test_a_section_of_the_city_is_no_town_far_away(nlp, gaz):
    found = _resolve_text(nlp, gaz, "PITTSBURGH (AP) - A man was shot Tuesday night in the Homewood section "
                                    "of the city, police said.")
    # a part of Pittsburgh (data/geo/neighbourhoods.csv), not Homewood, Alabama
    assert found["Homewood"] is not None and found["Homewood"].admin1 == "Pennsylvania"
    found = _resolve_text(nlp, gaz, "PITTSBURGH (AP) - The column was first printed in the Canada section "
                                    "of Sunday's paper.")
    assert found["Canada"] is not None and found["Canada"].feature_code == "PCLI"  # a newspaper's section


def test_a_compass_word_before_the_country_still_qualifies_the_town(nlp, gaz):
    from eventwire.geo import find_toponyms

    tops = find_toponyms(nlp("Two men were arrested after a brawl outside a pub in Newport, southern Wales, "
                             "on Saturday night."), gaz)
    names = [t.text for t in tops]
    assert tops[names.index("Wales")].qualifier_of == names.index("Newport")
    us = Focus(country="US", admin1="ohio", strength=0.7, source="title")
    found = {r.toponym.text: r.entry for r in resolve_toponyms(tops, gaz, focus=us)}
    assert found["Newport"].iso2 == "GB"  # not a Newport of the United States, however American the story


def test_a_province_of_millions_opening_a_bodys_name_is_the_province(gaz):
    """'Ontario' of "the Ontario Labour Board" in a report from Brazil: the Canadian province,
    not the Californian city; a piece of a longer name is still a province a reader knows."""
    brazil = Focus(country="BR", strength=1.0, source="lede")
    t = Toponym("Ontario", 0, 7, 0, 40, 0, 1, "GPE", fragment=True)
    e = resolve_toponyms([t], gaz, focus=brazil)[0].entry
    assert e is not None and e.feature_code == "ADM1" and e.iso2 == "CA"


def _in_one_sentence(*names: str) -> list[Toponym]:
    out, pos = [], 0
    for name in names:
        out.append(Toponym(name, pos, pos + len(name), 0, 200, 0, 1, "GPE"))
        pos += len(name) + 2
    return out


def test_a_country_among_countries_is_no_village_where_the_article_is(gaz):
    """A Texas paper: "the veterans served in Italy and Russia". Italy, Texas lies in the
    article's state, but beside another country the name is the country."""
    texas = Focus(country="US", admin1="texas", strength=1.0, source="lede", outlet_country="US")
    listed = resolve_toponyms(_in_one_sentence("Italy", "Russia"), gaz, focus=texas)[0].entry
    assert listed.iso2 == "IT" and listed.feature_code.startswith("PCL")


def test_a_place_the_gazetteer_lacks_lies_in_the_place_written_beside_it(gaz):
    """"the fair at Quillbrook Park, Ohio": no such park in the gazetteer, but Ohio holds it."""
    park = Toponym("Quillbrook Park", 0, 15, 0, 40, 0, 2, "FAC")
    state = Toponym("Ohio", 17, 21, 0, 40, 3, 4, "GPE", qualifier_of=0, link=",")
    res = resolve_toponyms([park, state], gaz)
    assert res[0].entry is not None and res[0].entry.name == "Ohio"
    assert res[0].rule == "geo.resolve.within-named" and res[0].confidence < 0.5


def test_a_place_the_gazetteer_lacks_lies_where_the_article_is(gaz):
    """A township the gazetteer lacks, in a report datelined from a town: at that town, with
    low confidence; an organisation's unknown name stays unplaced."""
    town = next(e for e in gaz.lookup("Zanesville") if e.feature_class == "P")
    here = Focus(country="US", admin1="ohio", strength=1.0, source="dateline", place=town)
    tops = [Toponym("Quillbrook Township", 0, 19, 0, 40, 0, 2, "GPE"),
            Toponym("Quillbrook Trust", 30, 46, 0, 60, 6, 8, "ORG")]
    res = resolve_toponyms(tops, gaz, focus=here)
    assert res[0].entry is not None and res[0].entry.geonameid == town.geonameid
    assert res[0].rule == "geo.resolve.near-focus" and res[0].confidence < 0.5
    assert res[1].entry is None
    assert resolve_toponyms(tops[:1], gaz)[0].entry is None  # nowhere said: unplaced


def test_a_place_the_gazetteer_lacks_is_not_put_in_a_namesake_abroad_of_its_qualifier(gaz):
    """"Quillbrook Farm, Sahar, Deir ez-Zor, Syria": should "Sahar" go to Yemen, the farm still
    lies in the Syrian place the chain names, not beside the namesake abroad."""
    from eventwire.geo._resolve import Resolved, _placed_beside

    def placed(name, iso2):
        e = next(e for e in gaz.lookup(name) if e.iso2 == iso2)
        return Resolved(Toponym(name, 0, 1, 0, 1, 0, 1, "GPE"), e, 0.9, 1, "geo.resolve.exact")

    quals = [placed("Sahar", "YE"), placed("Deir ez-Zor", "SY"), placed("Syria", "SY")]
    e = _placed_beside(quals)
    assert e is not None and e.iso2 == "SY" and e.feature_class == "P"


def test_a_country_inside_an_airlines_name_does_not_pull_namesakes_there(gaz):
    """"freight flown by Air Canada into London": the airline's name names no country the
    report is about, so London stays the English capital."""
    airline = Toponym("Canada", 4, 10, 0, 60, 1, 2, "GPE", fragment=True)
    city = Toponym("London", 16, 22, 0, 60, 4, 5, "GPE")
    res = resolve_toponyms([airline, city], gaz)
    assert res[1].entry is not None and res[1].entry.iso2 == "GB"


def test_a_district_spelt_as_written_gives_way_to_its_namesake_town(gaz):
    # GeoNames spells the Asir governorate "Khamis Mushayt" and its city "Khamis Mushait";
    # a bare name is the city a reader knows, as it is for a province named after its town
    e = _resolved(gaz, "Khamis Mushayt")["Khamis Mushayt"]
    assert e is not None and e.feature_class == "P" and e.name == "Khamis Mushait" and e.iso2 == "SA"


def test_a_name_whose_namesakes_share_a_province_does_not_vouch_for_one_of_them(gaz):
    # Bavaria has a market town of some 16,000 by this name south of Munich and a village
    # of under a thousand in Lower Franconia: the bare name is the town
    e = _resolved(gaz, "Holzkirchen")["Holzkirchen"]
    assert e is not None and e.feature_class == "P" and e.admin2 == "Upper Bavaria"


def test_a_town_and_its_same_named_district_lie_together(gaz):
    from eventwire.geo._resolve import _lie_together

    ajmer = [e for e in gaz.lookup("Ajmer") if e.iso2 == "IN"]
    assert {e.feature_code for e in ajmer} >= {"PPL", "ADM2"} and _lie_together(ajmer)
    assert not _lie_together(gaz.lookup("Holzkirchen"))


def test_a_unit_word_only_some_countries_use_keeps_the_name_at_home(gaz):
    import dataclasses

    def resolved(name: str, head: str | None):
        top = dataclasses.replace(_tops(name)[0], head=head)
        return resolve_toponyms([top], gaz)[0].entry

    # "upazila" is Bangladesh's word: the Piedmont town is no reading of it ...
    assert resolved("Santhia", "upazila") is None
    assert resolved("Santhia", None).iso2 == "IT"
    # ... while a Bangladeshi namesake stays
    assert resolved("Sherpur", "upazila").iso2 == "BD"


def test_a_close_spelling_far_from_a_local_outlet_is_unknown(gaz):
    from eventwire.gazetteer import default_gazetteer

    def town(name, state):
        return max((e for e in default_gazetteer().lookup(name) if e.admin1 == state and e.feature_class == "P"),
                   key=lambda e: e.population)

    kentucky = Focus(country="US", strength=1.0, source="url", outlet=(town("Bowling Green", "Kentucky"),))
    minnesota = Focus(country="US", strength=1.0, source="url", outlet=(town("Rochester", "Minnesota"),))
    # a misspelt small town far from a Kentucky paper is no place it reports from
    assert _resolved_with_focus(gaz, kentucky, "Owatona")["Owatona"] is None
    # near the outlet's home the close spelling stands
    assert _resolved_with_focus(gaz, minnesota, "Owatona")["Owatona"].admin1 == "Minnesota"
    # a city of 100,000+ misspelt stays, wherever the outlet is
    assert _resolved_with_focus(gaz, kentucky, "Chattanoga")["Chattanoga"].admin1 == "Tennessee"
