"""The article's focus (dateline, title, lede) and the rules that keep a place at home."""
from __future__ import annotations

import pytest

from eventwire.extract import DocFindings
from eventwire.extract.structure import read_structure
from eventwire.gazetteer import default_gazetteer, stop_names
from eventwire.geo import find_toponyms, locate
from eventwire.geo._focus import article_focus, resolve_dateline, title_places
from eventwire.geo._resolve import resolve_toponyms
from eventwire.records import Document, Mention, Trigger


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


def _location(nlp, gaz, text, trigger_word, title=None, url=None):
    document = Document(id="t", text=text, title=title, url=url)
    doc = nlp(text)
    start = text.index(trigger_word)
    sent = doc.char_span(start, start + len(trigger_word), alignment_mode="expand").sent
    mention = Mention(doc_id="t", sent_start=sent.start_char, sent_end=sent.end_char, sentence=sent.text,
                      trigger=Trigger(trigger_word, start, start + len(trigger_word), "Violence against civilians",
                                      "Attack", "test"))
    findings = DocFindings(document=document, mentions=[mention], structure=read_structure(document))
    return locate(doc, findings, gaz).mentions[0].location


def test_a_dateline_is_read_from_the_state_inward(gaz):
    e = resolve_dateline("HENRY COUNTY, Ind.", gaz)
    assert e is not None and e.iso2 == "US" and e.admin1 == "Indiana"
    assert resolve_dateline("GARY, Ind.", gaz).admin1 == "Indiana"


def test_a_headline_name_is_the_place_that_bears_it(gaz):
    names = [(e.name, e.iso2) for e in title_places("St. Louis man charged in shooting", gaz, stop_names())]
    assert names == [("St. Louis", "US")]


def test_headline_places_skip_capitalised_common_words(gaz):
    names = [e.name for e in title_places("Man Shot Dead In Hilliard, Ohio Home", gaz, stop_names())]
    assert "Ohio" in names and all(n != "Man" for n in names)


def test_focus_needs_a_clear_lead(gaz):
    f = article_focus(gaz, dateline="QUETTA", title="Blast in Quetta kills five")
    assert f.country == "PK" and f.strength == 1.0
    assert article_focus(gaz, title="Talks between Kenya and Somalia").country is None


def test_the_dateline_picks_the_namesake(nlp, gaz):
    text = "GARY, Ind. -- A man was shot and killed Saturday night inside a home on Main Street, police said."
    loc = _location(nlp, gaz, text, "shot")
    assert loc is not None and loc.admin1 == "Indiana"


def test_an_ap_state_abbreviation_qualifies_the_town(nlp, gaz):
    loc = _location(nlp, gaz, "A man was shot and killed in Gary, Ind., on Saturday night, police said.", "shot")
    assert loc is not None and loc.admin1 == "Indiana"


def test_a_small_namesake_abroad_is_not_the_place(nlp, gaz):
    """Borno is the focus; the only 'Baga's known lie in Spain and India: not the place."""
    text = "Boko Haram fighters raided Baga in Borno on Tuesday, killing 12 people, residents said."
    loc = _location(nlp, gaz, text, "raided", title="Boko Haram kills 12 in Borno raid")
    assert loc is not None and loc.iso3 == "NGA"


def test_a_piece_of_a_longer_name_is_no_place_abroad(nlp, gaz):
    """'Colonia' opens a Mexican neighbourhood's name: not Uruguay's Colonia."""
    text = "Gunmen shot a man in Colonia Vistas del Rio, a neighbourhood of Ciudad Juarez, Mexico, on Sunday."
    tops = find_toponyms(nlp(text), gaz)
    assert [t.fragment for t in tops if t.text == "Colonia"] == [True]
    loc = _location(nlp, gaz, text, "shot")
    assert loc is not None and loc.iso3 == "MEX"


def test_a_place_before_a_body_word_is_whole(nlp, gaz):
    tops = find_toponyms(nlp("A man was shot in Memphis on Sunday, Memphis Police said."), gaz)
    flags = [t.fragment for t in tops if t.text.startswith("Memphis")]
    assert flags and not any(flags)


def test_demonyms_are_never_places(nlp, gaz):
    loc = _location(nlp, gaz, "A German aid worker was kidnapped on Monday in Kabul, officials said.", "kidnapped")
    assert loc is not None and loc.name == "Kabul"
    tops = find_toponyms(nlp("Iranian-backed militias fired rockets at the base."), gaz)
    assert all(t.text != "Iranian" for t in tops)


def test_the_province_of_x_is_the_province(nlp, gaz):
    tops = find_toponyms(nlp("Fighters attacked a checkpoint in the northern province of Takhar."), gaz)
    res = {r.toponym.text: r for r in resolve_toponyms(tops, gaz)}
    assert res["Takhar"].entry.feature_code == "ADM1" and res["Takhar"].entry.name == "Takhar"


def test_conventional_english_admin_names(gaz):
    assert gaz.lookup("Hirot viloyati")[0].name == "Herat"
    assert {e.name for e in gaz.lookup("Nord-Kivu")} == {"North Kivu"}
    assert any(e.name == "Saladin" for e in gaz.lookup("Salah ad Din"))


def test_an_imported_geonames_village_is_resolved_by_the_same_rules(nlp, tmp_path):
    """A village only the imported GeoNames file knows: found by its place cue, placed in
    its district and province (English names), at the town's own precision."""
    from eventwire.gazetteer import import_geonames, load_gazetteer

    dump, db = tmp_path / "AF.txt", tmp_path / "geonames.sqlite"
    rows = [
        ["9990101", "Qarya-ye Zarghunak", "Qarya-ye Zarghunak", "Zarghunak", "36.71", "69.52", "P", "PPL",
         "AF", "", "26", "", "", "", "0", "", "", "Asia/Kabul", "2024-01-01"],
        ["9990102", "Zarghunak", "Zarghunak", "", "-3.2", "29.9", "P", "PPL",
         "BI", "", "", "", "", "", "0", "", "", "", "2024-01-01"],
    ]
    dump.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    import_geonames(dump, db)
    gaz = load_gazetteer(geonames_db=db)
    text = "Taliban fighters attacked a police post in Zarghunak village of Takhar province on Monday."
    res = {r.toponym.text: r for r in resolve_toponyms(find_toponyms(nlp(text), gaz), gaz)}
    village = res["Zarghunak"].entry
    assert village is not None and village.geonameid == 9990101 and village.admin1 == "Takhar"
    loc = _location(nlp, gaz, text, "attacked")
    assert loc is not None and loc.geonameid == 9990101 and loc.geo_precision == 1


@pytest.mark.parametrize("text", [
    # a quarter named like a town in another state, then like a city abroad
    "MEMPHIS, Tenn. -- Two men were wounded in a shooting in Goodwill on Friday night, police said.",
    "NASHVILLE, Tenn. -- A man was found shot dead on Friday on a road in Bordeaux, police said.",
])
def test_a_namesake_elsewhere_gives_way_to_the_dateline(nlp, gaz, text):
    loc = _location(nlp, gaz, text, "shot" if "shot" in text else "wounded")
    assert loc is not None and loc.admin1 == "Tennessee" and loc.geo_precision == 2
    assert loc.rule == "geo.event.focus-replaces"


def test_a_capitals_dateline_leaves_a_place_abroad_alone(nlp, gaz):
    """A wire story filed from a capital is often about elsewhere."""
    text = "WASHINGTON -- A drone strike killed four militants in Mosul on Friday, officials said."
    loc = _location(nlp, gaz, text, "strike")
    assert loc is not None and loc.iso3 == "IRQ"


def test_no_place_in_the_report_gives_the_datelines(nlp, gaz):
    loc = _location(nlp, gaz, "TAMPA, Fla. -- A man was shot and wounded early Saturday, police said.", "shot")
    assert loc is not None and loc.name == "Tampa" and loc.admin1 == "Florida"


@pytest.mark.parametrize("dateline, elsewhere, state", [
    ("SPRINGFIELD, Ill.", "Columbus, Ohio", "Illinois"),
    ("MEMPHIS, Tenn.", "Jackson, Miss.", "Tennessee"),
])
def test_a_place_in_another_state_further_down_is_not_the_datelines_news(dateline, elsewhere, state):
    """The lede names no place: the dateline's state is the news's, not the state of another
    shooting the article recalls further down."""
    import datetime as dt

    from eventwire.pipeline import Pipeline

    text = (f"Girl, 4, wounded by stray bullet\n\n{dateline} -- A 4-year-old girl is recovering in the "
            "hospital after she was shot Sunday night, police said.\n\nOn Friday night, a 1-year-old boy "
            f"was shot and killed while his parents picked up a pizza in {elsewhere}.")
    events = Pipeline.default().process(Document(id="t", text=text, published=dt.date(2016, 11, 7))).events
    assert events and events[0].location is not None and events[0].location.admin1 == state


def test_a_first_name_is_no_place(nlp, gaz):
    text = "MEMPHIS, Tenn. -- Howard Jones, 71, was shot and killed at his home on Friday, said Sgt. David E. Cole."
    loc = _location(nlp, gaz, text, "shot")
    assert loc is not None and loc.admin1 == "Tennessee"
    assert not {"Howard", "David"} & {t.text for t in find_toponyms(nlp(text), gaz)}


def test_a_town_written_as_a_persons_last_name_is_that_person_throughout(nlp, gaz):
    text = ("Deshawn Davis suffered a gunshot wound to the arm on Friday night. "
            "Davis was listed in stable condition.")
    assert "Davis" not in {t.text for t in find_toponyms(nlp(text), gaz)}


def test_a_first_name_before_a_surname_no_place_bears_is_no_place(nlp, gaz):
    text = "Douglas Quarvey, 19, was shot in the leg on Friday night, police said."
    assert "Douglas" not in {t.text for t in find_toponyms(nlp(text), gaz)}


def test_a_compass_part_of_a_city_is_the_city_near(nlp, gaz):
    loc = _location(nlp, gaz, "A boy was shot in Southwest Baltimore on Friday, police said.", "shot")
    assert loc is not None and loc.name == "Baltimore" and loc.geo_precision == 2


def test_a_headlines_city_stands_for_a_namesake_elsewhere(nlp, gaz):
    """No dateline: the headline names the city (and its state); the body's quarter is a
    small town's name in another state."""
    text = "Memphis police said two men were wounded in a shooting in Goodwill on Friday night."
    loc = _location(nlp, gaz, text, "wounded", title="Two wounded in shooting - News 5 - Memphis, Tennessee")
    assert loc is not None and loc.admin1 == "Tennessee" and loc.name == "Memphis"


def test_a_small_namesake_in_a_headline_is_no_focus_place(gaz):
    focus = article_focus(gaz, title="Seven wounded in Eureka Garden attack")
    assert focus.place is None


@pytest.mark.parametrize("text, trigger, place", [
    # filed from the capital, about a town of the same country named in the lede
    ("KYIV -- Russian drones struck an apartment block in the northeastern city of Kharkiv overnight, "
     "killing two people, officials said.", "struck", "Kharkiv"),
    ("NAIROBI -- Gunmen attacked a bus in the coastal town of Lamu on Sunday, police said.", "attacked", "Lamu"),
])
def test_a_capitals_dateline_leaves_a_town_of_its_own_country_alone(nlp, gaz, text, trigger, place):
    loc = _location(nlp, gaz, text, trigger)
    assert loc is not None and loc.name.startswith(place) and loc.rule != "geo.event.focus-replaces"


@pytest.mark.parametrize("name, iso2", [("Kyiv", "UA"), ("Islamabad", "PK"), ("Nairobi", "KE"), ("Bogota", "CO")])
def test_national_capitals_are_marked(gaz, name, iso2):
    """The embedded towns carry no feature codes; capitals are found from countryinfo's points."""
    codes = {e.feature_code for e in gaz.lookup(name) if e.iso2 == iso2 and e.feature_class == "P"}
    assert "PPLC" in codes
    assert all(e.feature_code != "PPLC" for e in gaz.lookup("Rawalpindi"))  # near Islamabad, larger, not the capital


def test_country_cues_are_institutions_and_the_presss_own_forms():
    from eventwire.geo._focus import country_cues

    assert country_cues("The Lee County Sheriff's Office said two deputies responded.")["US"] == 1
    assert country_cues("Police in Gary, Ind., said the FBI had joined.")["US"] == 2
    assert country_cues("Police told KXAN 36 that the suspect fled.")["US"] == 1
    assert not country_cues("Police in Quetta said the WHO team was safe.")


def test_the_owner_of_the_police_is_read_as_a_place(gaz):
    from eventwire.geo._focus import agency_places

    text = ("A man was shot Friday, according to Boston police. The Los Angeles Police Department "
            "and the Lee County Sheriff's Office were not involved. Police said nothing more.")
    assert agency_places(text, gaz) == ["Boston", "Los Angeles", "Lee County"]
    assert agency_places("He was hit on Main Street. Police said he died.", gaz) == []


def test_cues_choose_the_namesake_of_a_dateline(gaz):
    from collections import Counter

    plain = article_focus(gaz, dateline="ATHENS")
    assert plain.country == "GR"
    cued = article_focus(gaz, dateline="ATHENS", cues=Counter({"US": 1}))
    assert cued.country == "US" and cued.strength == 1.0


def test_the_police_that_is_cited_places_a_neighbourhood(nlp, gaz):
    loc = _location(nlp, gaz, "A teenager was shot and wounded in Brighton early Sunday, Boston police said.", "shot")
    assert loc is not None and loc.admin1 == "Massachusetts"


def test_a_namesake_abroad_loses_to_the_dateline_at_home(nlp, gaz):
    text = "MEMPHIS, Tenn. (WREG) — Police say a woman was found shot dead Wednesday night in Whitehaven."
    loc = _location(nlp, gaz, text, "shot")
    assert loc is not None and loc.country == "United States" and loc.admin1 == "Tennessee"


def test_short_forms_of_a_names_first_word(nlp, gaz):
    assert {e.admin1 for e in gaz.lookup("Ft. Myers")} == {e.admin1 for e in gaz.lookup("Fort Myers")}
    assert any(e.iso2 == "US" for e in gaz.lookup("Mt. Pleasant"))
    names = [t.text for t in find_toponyms(nlp("A woman was shot in Ft. Myers on Friday."), gaz)]
    assert "Ft. Myers" in names


def test_a_short_first_word_is_the_places_own_name_both_ways():
    from eventwire.gazetteer._index import own_name

    assert own_name("Mount Pleasant", "mt pleasant") and own_name("Mt Pleasant", "mount pleasant")
    assert own_name("St. Louis", "saint louis") and own_name("Fort Myers", "ft myers")
    assert not own_name("Pleasant Hill", "mt pleasant")


def test_the_spelling_of_a_short_first_word_picks_no_namesake(nlp, gaz):
    """GeoNames spells one Canadian namesake "Mt Pleasant" and the American towns "Mount
    Pleasant": the press's "Mt." is no reason to prefer Canada."""
    text = "A man was shot and killed outside a bar in Mt. Pleasant late Friday, police said."
    loc = _location(nlp, gaz, text, "shot")
    assert loc is not None and loc.country == "United States"
    assert [e.iso2 for e in title_places("Mt. Pleasant man charged in bar shooting", gaz, stop_names())] == ["US"]
    text = "CHARLESTON, S.C. -- A woman was shot Sunday night at an apartment complex in Mt. Pleasant, police said."
    loc = _location(nlp, gaz, text, "shot")
    assert loc is not None and loc.admin1 == "South Carolina"


@pytest.mark.parametrize("dateline,body,town,state", [
    ("KANSAS CITY, Mo.", "A teenager was shot to death outside a convenience store in Kansas City, Kan., on Friday.",
     "Kansas City", "Kansas"),
    ("KANSAS CITY, Mo.", "A teenager was shot to death outside a convenience store in Independence, Kan., on Friday.",
     "Independence", "Kansas"),
    ("MEMPHIS, Tenn.", "A teenager was shot to death outside a convenience store in Jackson, Miss., on Friday.",
     "Jackson", "Mississippi"),
])
def test_a_state_written_after_the_town_beats_the_datelines_state(nlp, gaz, dateline, body, town, state):
    """The AP's "Kan." after a town says which namesake it is, whatever the dateline's state;
    a town's name that is also a common word ("Independence", "Jackson") is still the town."""
    text = f"{dateline} -- A man was wounded in a robbery Sunday night at a gas station, police said.\n\n{body}"
    loc = _location(nlp, gaz, text, "shot to death")
    assert loc is not None and (loc.name, loc.admin1) == (town, state)


def test_the_focus_place_stands_for_an_event_that_names_no_place(gaz):
    from eventwire.geo._locate import _unnamed_focus_location

    text = "INDEPENDENCE, Mo. - A man was charged in the shooting death of a teenager."
    focus = article_focus(gaz, dateline="INDEPENDENCE, Mo.")
    loc = _unnamed_focus_location(text, focus)
    assert loc is not None and loc.admin1 == "Missouri" and loc.geo_precision == 2
    assert text[loc.start:loc.end] == "INDEPENDENCE"
    assert _unnamed_focus_location(text, article_focus(gaz, title="Talks between Kenya and Somalia")) is None


def test_a_dateline_is_a_town_before_a_district_of_its_name(gaz):
    e = resolve_dateline("LANCASTER", gaz)
    assert e is not None and e.feature_class == "P"


def test_towns_written_with_their_state_are_read_inside_it(gaz):
    from eventwire.geo._focus import qualified_places

    found = qualified_places("Shooting - WDAM-TV 7-News, Weather, Sports-Hattiesburg, MS | Columbus, GA News", gaz)
    assert [(e.name, e.admin1) for e in found] == [("Hattiesburg", "Mississippi"), ("Columbus", "Georgia")]
    assert qualified_places("Police said Smith, Jones and Brown fled.", gaz) == []


def test_a_mastheads_state_picks_the_namesake_of_the_text(nlp, gaz):
    title = "Columbus teen killed in shooting - WTVM.com-Columbus, GA News Weather & Sports"
    text = title + "\n\nColumbus police say a 17-year-old was shot and killed Monday night at an apartment complex."
    loc = _location(nlp, gaz, text, "shot", title=title)
    assert loc is not None and loc.admin1 == "Georgia"


def test_a_call_sign_with_a_wire_credit_is_a_us_cue():
    from eventwire.geo._focus import country_cues

    assert country_cues("ST. PAUL (WXYZ/AP) — A girl was shot on Sunday.")["US"] == 1


def test_a_headlines_masthead_is_found_after_its_dash_or_bar():
    from eventwire.geo._focus import masthead_start

    for title, tail in [("Man shot in Canton - WTVM.com-Columbus, GA News Weather &", " - WTVM.com-Columbus, GA News Weather &"),
                        ("2 hurt after fight - WMC Action News 5 - Memphis, Tenn", " - WMC Action News 5 - Memphis, Tenn"),
                        ("Teen dies in shooting - KCTV5", " - KCTV5"),
                        ("Shooting in Kent | WSB-TV", " | WSB-TV")]:
        assert title[masthead_start(title):] == tail
    for title in ("Homewood shooting leaves 2 dead", "Police: 15-year-old Danville boy shot - again"):
        assert masthead_start(title) == len(title)


def test_a_mastheads_town_is_not_the_events_place(nlp, gaz):
    title = "Man shot outside a store - WMC Action News 5 - Memphis, Tennessee"
    text = title + "\n\nA man was shot outside a store on Sunday night, police in Jonesboro said."
    loc = _location(nlp, gaz, text, "shot outside a store on", title=title)
    assert loc is not None and loc.name == "Jonesboro"


def test_the_hundred_block_troopers_and_a_departments_initials_are_us_cues():
    from eventwire.geo._focus import country_cues

    assert country_cues("The body was found in the 2500 block of East Lane, police said.")["US"] == 1
    assert country_cues("Deputies and state troopers were sent to the highway.")["US"] == 1
    assert country_cues("The NOPD said a man was shot on Friday.")["US"] == 1
    assert country_cues("Stay with WSMV.com for updates.")["US"] == 1
    assert country_cues("She told Action News that she was afraid.")["US"] == 1
    assert not country_cues("The SPD and the Greens met in Berlin after a roadblock was lifted.")


def test_a_police_place_abroad_counts_half_where_the_text_is_american(gaz):
    from collections import Counter

    f = article_focus(gaz, title="Teen found shot to death in Bordeaux", agencies=["Nashville", "Metro"],
                      cues=Counter({"US": 1}))
    assert f.country == "US" and f.admin1 == "tennessee"


def test_a_us_cue_keeps_a_namesake_town_at_home(nlp, gaz):
    text = ("Police in Chester are looking into a shooting that left a 6-year-old girl hurt in the "
            "300 block of Oak Street on Tuesday night.")
    loc = _location(nlp, gaz, text, "shooting", title="5-year-old shot in Chester")
    assert loc is not None and loc.country == "United States"


def test_a_cue_leaves_the_province_to_the_places_that_name_one(gaz):
    from collections import Counter

    f = article_focus(gaz, agencies=["Chicago"], cues=Counter({"US": 3}))
    assert f.country == "US" and f.admin1 == "illinois"
    # one lede place, named twice, does not settle the province among its namesakes
    one = [e for e in gaz.lookup("Springfield") if e.admin1 == "Missouri"][:1]
    assert article_focus(gaz, lede=one * 2, cues=Counter({"US": 3})).admin1 is None


def test_a_headlines_small_town_of_several_words_is_no_namesake_of_its_last_word(gaz):
    names = [(e.name, e.admin1) for e in title_places("Mother and son killed in New Stanton", gaz, stop_names())]
    assert ("Stanton", "California") not in names


def test_a_mastheads_town_picks_the_nearest_namesake_across_a_state_line(gaz):
    columbus = [e for e in gaz.lookup("Columbus") if e.admin1 == "Georgia" and e.feature_class == "P"][:1]
    f = article_focus(gaz, title="Teen dies in early morning Montgomery shooting", agencies=["Montgomery"],
                      qualified=[(columbus[0], "title")])
    assert f.admin1 == "alabama"


def test_a_town_without_namesakes_picks_the_police_towns_namesake(gaz):
    vanderburgh = gaz.lookup("Vanderburgh County")
    assert len(vanderburgh) == 1
    e = resolve_dateline("Henderson", gaz, near=tuple(vanderburgh))
    assert e is not None and e.admin1 == "Kentucky"
    assert resolve_dateline("Henderson", gaz).admin1 != "Kentucky"


def test_a_place_elsewhere_yields_to_the_town_whose_police_the_report_cites(nlp, gaz):
    text = ("An 8-year-old girl is in surgery after she was accidentally shot by a cousin Friday afternoon "
            "in the 5200 block of South Racine Avenue. The girl was taken to Holy Cross Hospital with a "
            "gunshot wound to the leg, according to Chicago Police.")
    loc = _location(nlp, gaz, text, "shot")
    assert loc is not None and loc.name == "Chicago" and loc.admin1 == "Illinois"


def test_a_province_the_text_names_picks_the_headlines_namesake(gaz):
    from collections import Counter

    cues = Counter({"US": 1})
    title = "Williston woman, 79, dies in traffic crash"
    assert article_focus(gaz, title=title, cues=cues).admin1 == "north dakota"  # the larger namesake
    f = article_focus(gaz, title=title, cues=cues, provinces=Counter({("US", "florida"): 1}))
    assert f.country == "US" and f.admin1 == "florida"
    # a province of another country than the one the article's words point to says nothing
    f = article_focus(gaz, title=title, cues=cues, provinces=Counter({("AU", "victoria"): 2}))
    assert f.admin1 == "north dakota"


def test_provinces_named_outright_are_counted(nlp, gaz):
    from eventwire.geo._locate import _provinces_named

    text = "Officials in Florida said the crash was in Williston. New York police helped."
    named = _provinces_named(find_toponyms(nlp(text), gaz), gaz)
    assert named[("US", "florida")] >= 1
    assert ("US", "new york") not in named  # a city of millions bears the name too


def test_a_states_own_police_is_read_as_a_place(gaz):
    from eventwire.geo._focus import agency_places

    text = "a Florida Highway Patrol spokesman said; Pennsylvania State Police reported"
    assert [resolve_dateline(n, gaz, "US").name for n in agency_places(text, gaz)] == ["Florida", "Pennsylvania"]


def test_a_call_sign_tells_the_side_of_the_mississippi(gaz):
    from eventwire.geo._focus import broadcaster_side

    east = broadcaster_side("DANVILLE (WSLS 10) - Police in Danville are looking for a gunman")
    assert east is not None and "virginia" in east[1] and "california" not in east[1]
    assert "missouri" in broadcaster_side("Charges filed in murder - KCTV5")[1]
    assert broadcaster_side("KSDK and WGN News both reported") is None  # both letters
    assert broadcaster_side("A man was shot on Main Street") is None
    assert resolve_dateline("DANVILLE", gaz).admin1 != "Virginia"  # the larger namesake by itself
    assert resolve_dateline("DANVILLE", gaz, "US", side=east).admin1 == "Virginia"


def test_a_stations_dateline_is_the_namesake_on_its_side(nlp, gaz):
    text = ("DANVILLE (WSLS 10) – Danville police want to find whoever shot into a home "
            "in Danville and wounded a teenager.")
    loc = _location(nlp, gaz, text, "shot", title="Danville police investigate after teen hit by gunfire")
    assert loc is not None and loc.admin1 == "Virginia"


def test_an_archived_pages_host_is_the_pages_own():
    from eventwire.geo._focus import page_host

    assert page_host("http://web.archive.org/web/20150721025219/http://www.toledoblade.com/news/x") == \
        "www.toledoblade.com"
    assert page_host("https://chicago.suntimes.com:443/news/a?b=c") == "chicago.suntimes.com"
    assert page_host(None) == "" and page_host("") == ""


def test_an_outlets_host_names_its_home_town_or_state(gaz):
    from eventwire.geo._focus import outlet_home, outlet_places

    def home(url, country="US"):
        return {(e.name, e.admin1) for e in outlet_home(outlet_places(url, gaz), country)}

    assert home("http://web.archive.org/web/2016/http://www.toledoblade.com/a") == {("Toledo", "Ohio")}
    assert home("http://www.nbcnewyork.com/news/a") == {("New York", "New York")}
    assert home("http://www.mysanantonio.com/a") == {("San Antonio", "Texas")}
    assert home("http://www.nbcconnecticut.com/a") == {("Connecticut", "Connecticut")}
    assert home("http://onlineathens.com/a") == {("Athens", "Georgia")}  # not Greece's, in a US report
    assert home("http://www.springfieldnewssun.com/a") == set()  # three states' Springfields
    assert home("http://www.wral.com/news/a") == set()  # a call sign names no place
    assert home("http://mobile.example.com/a") == set()  # a common word is no town


def test_the_outlets_home_picks_the_namesake_of_the_text(nlp, gaz):
    text = "A teenager was shot in a hunting accident in Colchester on Saturday morning, police said."
    assert _location(nlp, gaz, text, "shot").admin1 != "Connecticut"  # the larger namesake by itself
    loc = _location(nlp, gaz, text, "shot", url="http://www.nbcconnecticut.com/news/local/teen-shot.html")
    assert loc is not None and loc.admin1 == "Connecticut"


def test_a_town_the_text_names_is_read_from_the_text_not_the_host(nlp, gaz):
    from eventwire.geo._locate import _outlet

    text = "Gainesville police said a man was shot on Main Street."
    document = Document(id="t", text=text, url="http://www.gainesvilleregister.com/local/a.html")
    # the host's reading (the larger Gainesville, Florida) yields to the text; the paper's
    # known home (outlets.csv) stays
    assert {(e.name, e.admin1) for e in _outlet(document, find_toponyms(nlp(text), gaz), gaz)} == \
        {("Gainesville", "Texas")}
    assert outlet_names(gaz, "http://www.gainesvilleregister.com/local/a.html") == {"Gainesville"}


def outlet_names(gaz, url):
    from eventwire.geo._focus import outlet_places

    return {e.name for e in outlet_places(url, gaz)}


def test_a_word_in_lower_case_is_no_place(nlp, gaz):
    text = "Janesville hunter dies in turkey hunting mishap"  # NER reads "turkey" as a place here
    names = [t.text for t in find_toponyms(nlp(text), gaz)]
    assert "turkey" not in names and "Janesville" in names
    from eventwire.geo._places import _cased

    assert _cased(nlp(text)) and not _cased(nlp(text.lower())) and not _cased(nlp(text.upper()))


def test_a_stations_web_address_tells_its_side(gaz):
    from eventwire.geo._focus import broadcaster_side

    east = broadcaster_side("Man charged in shooting\nwww.wtok.com")
    assert east is not None and "mississippi" in east[1] and "idaho" not in east[1]
    assert "texas" in broadcaster_side("Teen shot\nwww.kens5.com")[1]
    assert "georgia" in broadcaster_side("Teen shot\nwww.wsbtv.com")[1]
    assert broadcaster_side("Teen shot\nwww.nydailynews.com") is None


def test_a_known_city_outranks_a_stations_side(gaz):
    from eventwire.geo._focus import broadcaster_side

    east = broadcaster_side("DALLAS (WFAA) - Police said")  # licensed before the letters were split
    assert resolve_dateline("DALLAS", gaz, "US", side=east).admin1 == "Texas"
    assert resolve_dateline("DANVILLE", gaz, "US", side=east).admin1 == "Virginia"


def test_a_capital_abroad_yields_to_the_town_the_report_is_filed_from(nlp, gaz):
    text = "MEMPHIS, Tenn. -- Two teens were charged after a shootout in Berlin on Sunday, police said."
    loc = _location(nlp, gaz, text, "shootout")
    assert loc is not None and loc.country == "United States" and loc.admin1 == "Tennessee"
    abroad = "MEMPHIS, Tenn. -- Two teens were hurt in a shootout in Berlin, Germany, on Sunday, police said."
    assert _location(nlp, gaz, abroad, "shootout").country == "Germany"  # the sentence names its country


def test_a_ledes_namesake_is_the_one_on_the_stations_side(nlp, gaz):
    text = ("A woman faces a manslaughter charge over the shooting death of a 4-year-old in "
            "Meridian. The child was shot at an apartment complex, police said.")
    assert _location(nlp, gaz, text, "shooting").admin1 == "Idaho"  # the larger namesake by itself
    loc = _location(nlp, gaz, text, "shooting", url="http://www.wtok.com/content/news/charge-409371355.html")
    assert loc is not None and loc.admin1 == "Mississippi"


def test_a_small_namesake_far_away_yields_to_the_outlets_city_the_text_names(nlp, gaz):
    text = ("Violence across Chicago left 20 people shot over the weekend. A man was shot and killed in "
            "Lawndale on Sunday night, officials said.")
    assert _location(nlp, gaz, text, "killed").admin1 == "California"  # the namesake the gazetteer has
    loc = _location(nlp, gaz, text, "killed", url="http://www.chicagotribune.com/news/local/breaking/a.html")
    assert loc is not None and (loc.name, loc.admin1, loc.geo_precision) == ("Chicago", "Illinois", 2)
    assert loc.rule == "geo.event.focus-replaces"


def test_a_known_local_outlet_names_its_home_town(gaz):
    from eventwire.geo._focus import known_outlets

    def homes(url, head=""):
        return {(e.name, e.admin1) for e in known_outlets(url, head, gaz)}

    assert homes("http://www.wkrn.com/news/local-news/a") == {("Nashville", "Tennessee")}
    assert homes("http://web.archive.org/web/2015/http://www.kare11.com/a") == {("Minneapolis", "Minnesota")}
    assert homes("http://www.indystar.com/story/news/a") == {("Indianapolis", "Indiana")}
    assert homes("http://www.example.com/a", "HOMEWOOD (KDKA) - Police said") == {("Pittsburgh", "Pennsylvania")}
    assert homes("http://www.nj.com/a") == {("New Jersey", "New Jersey")}  # a statewide site
    assert homes("http://www.newsdemocratleader.com/a") == {("Russellville", "Kentucky")}  # a small town's paper
    assert homes("http://lfpress.ca/news/local/a") == {("London", "Ontario")}  # a Canadian city's paper
    # neither an agency in brackets nor a host word that only starts with a call sign
    assert homes("http://www.kingcounty.gov/a", "the World Health Organization (WHO) said") == set()


def test_a_copyright_line_names_the_newsroom_that_wrote_the_story(gaz):
    from eventwire.geo._focus import known_outlets

    def homes(url, tail):
        return [(e.name, e.admin1) for e in known_outlets(url, "", gaz, tail=tail)]

    # a story one station's site carries from another's newsroom: the newsroom's market first
    assert homes("http://www.wtvm.com/story/1/a", "Police are still looking. Copyright 2016 MSNewsNow. "
                 "All rights reserved.") == [("Jackson", "Mississippi"), ("Columbus", "Georgia")]
    assert homes("http://www.example.com/a", "Copyright 2015 KCTV (Meredith Corp.) All rights reserved.") == \
        [("Kansas City", "Missouri")]
    # an agency or a word that names no outlet is none
    assert homes("http://www.example.com/a", "Copyright 2016 The Associated Press. All rights reserved.") == []


def test_a_namesake_in_the_outlets_market_is_the_one_it_means(nlp, gaz):
    text = "A 4-year-old girl was wounded when a gun went off inside a home in Smyrna on Saturday, police said."
    assert _location(nlp, gaz, text, "wounded").admin1 != "Tennessee"  # a larger namesake by itself
    loc = _location(nlp, gaz, text, "wounded", url="http://www.wkrn.com/news/girl-wounded")
    assert loc is not None and loc.admin1 == "Tennessee"
    credited = "(WTVF) " + text
    assert _location(nlp, gaz, credited, "wounded").admin1 == "Tennessee"


def test_a_datelines_state_is_the_state_around_the_outlet_not_a_county_nearer_to_it(gaz):
    from eventwire.geo._focus import known_outlets

    cincinnati = known_outlets("http://www.wcpo.com/news/a", "", gaz)
    e = resolve_dateline("COLLEGE HILL, Ohio", gaz, "US", near=cincinnati)
    # the state, or the Cincinnati neighbourhood of that name (data/geo/neighbourhoods.csv)
    assert e is not None and e.feature_code in ("ADM1", "PPLX") and (e.admin1 or e.name) == "Ohio"


def test_a_far_namesake_in_a_local_stations_report_is_a_part_of_its_home_town(nlp, gaz):
    text = "A man was shot and wounded in Hays on Sunday night, police said."
    assert _location(nlp, gaz, text, "shot").admin1 != "Pennsylvania"  # a namesake elsewhere by itself
    loc = _location(nlp, gaz, text, "shot", url="http://www.wpxi.com/news/man-wounded/")
    assert loc is not None and (loc.name, loc.admin1, loc.geo_precision) == ("Pittsburgh", "Pennsylvania", 2)
    assert loc.rule == "geo.event.outlet-home" and loc.text == "Hays"


def test_a_local_stations_report_that_names_no_town_is_from_its_home_town(nlp, gaz):
    text = "Officers found a teenager shot in the 2600 block of Elm Street on Friday night, police said."
    alone = _location(nlp, gaz, text, "shot")
    assert alone is not None and alone.admin1 is None and alone.geo_precision == 3  # the country only
    loc = _location(nlp, gaz, text, "shot", url="http://www.kcci.com/article/teen-shot/1")
    assert loc is not None and (loc.name, loc.admin1, loc.geo_precision) == ("Des Moines", "Iowa", 2)
    other = "Officers found a Nebraska man shot in the 2600 block of Elm Street on Friday night, police said."
    loc = _location(nlp, gaz, other, "shot", url="http://www.kcci.com/article/man-shot/1")
    assert loc is not None and loc.rule != "geo.event.outlet-home"  # the text names another state


def test_a_stations_dateline_without_a_state_is_a_place_of_its_market(nlp, gaz):
    text = "HAYS (WTAE) -- A man was shot and wounded outside a corner store on Sunday night, police said."
    loc = _location(nlp, gaz, text, "shot")
    assert loc is not None and (loc.name, loc.admin1, loc.geo_precision) == ("Pittsburgh", "Pennsylvania", 2)
    written = "HAZELWOOD, Mo. (WTAE) -- A man was shot and wounded outside a corner store on Sunday night, police said."
    assert _location(nlp, gaz, written, "shot").admin1 == "Missouri"  # a dateline that writes its state


def test_a_lone_place_abroad_in_a_local_stations_report_is_its_home_town(nlp, gaz):
    text = ("A boy was shot and wounded near the Turkey Farm on Saturday afternoon, "
            "police said. He was flown to a hospital in Pittsburgh.")
    alone = _location(nlp, gaz, text, "shot")
    assert alone is not None and alone.iso3 == "TUR"  # the place of the event's own sentence
    loc = _location(nlp, gaz, text, "shot", url="http://www.wpxi.com/news/boy-wounded/")
    assert loc is not None and (loc.name, loc.admin1) == ("Pittsburgh", "Pennsylvania")
    abroad = ("A Pittsburgh man was shot and wounded in Istanbul, Turkey, on Saturday, "
              "his family said.")
    loc = _location(nlp, gaz, abroad, "shot", url="http://www.wpxi.com/news/man-wounded/")
    assert loc is not None and loc.iso3 == "TUR"  # a city and its country abroad stand


def test_a_province_abroad_alone_in_its_sentence_does_not_beat_the_dateline(nlp, gaz):
    text = ("NEW ORLEANS (WWL) -- A man was shot and killed on the West Bank late Friday, "
            "police said.")
    loc = _location(nlp, gaz, text, "shot")
    assert loc is not None and (loc.name, loc.admin1) == ("New Orleans", "Louisiana")
    abroad = ("NEW ORLEANS (WWL) -- A New Orleans aid worker was shot and killed in Ramallah in the "
              "West Bank late Friday, officials said.")
    loc = _location(nlp, gaz, abroad, "shot")
    assert loc is not None and loc.iso3 == "PSE"


@pytest.mark.parametrize("text,name", [
    ("The Corsicana Police Department arrested a 24-year-old man on Tuesday.", "Corsicana"),
    ("A reporter for The Washington Post asked the senator about the vote.", "Washington"),
    ("Officials of the Canaan Board of Finance met on Monday night.", "Canaan"),
])
def test_the_place_that_opens_a_bodys_name_is_a_place_mention(nlp, gaz, text, name):
    assert name in {t.text for t in find_toponyms(nlp(text), gaz)}


@pytest.mark.parametrize("text,word", [
    ("The appeal went to the Supreme Court last month.", "Supreme"),
    ("Crews closed Hudson Chapel Road after the crash.", "Hudson"),
    ("Watch Mobile Video of the crash scene.", "Mobile"),
])
def test_a_road_or_a_common_word_opening_a_name_is_no_place(nlp, gaz, text, word):
    assert word not in {t.text for t in find_toponyms(nlp(text), gaz)}


def test_a_plural_demonym_is_a_mention_of_its_country_never_a_place(nlp, gaz):
    tops = find_toponyms(nlp("Thousands of Venezuelans crossed the border last year."), gaz)
    assert [(t.text, t.label) for t in tops] == [("Venezuelans", "NORP")]


def test_a_country_written_in_capitals_is_no_pronoun(nlp, gaz):
    tops = find_toponyms(nlp("Troops from the US arrived at the base on Monday."), gaz)
    assert "US" in {t.text for t in tops}


def test_a_currency_named_after_a_country_is_no_place(nlp, gaz):
    tops = find_toponyms(nlp("Protesters blocked the road over the rising US dollar rate."), gaz)
    assert "US" not in {t.text for t in tops}


def test_a_headline_town_in_the_outlets_city_beats_a_larger_namesake_nearby(nlp, gaz):
    text = "A man was shot and wounded on a Kensington corner on Tuesday night, police said."
    title = "Man wounded in Kensington shooting"
    loc = _location(nlp, gaz, text, "shot", title=title, url="http://www.philly.com/news/man-wounded.html")
    assert loc is not None and loc.admin1 == "Pennsylvania"  # not the larger Kensington in Brooklyn


def test_a_lede_county_is_the_namesake_around_the_outlets_home(nlp, gaz):
    text = ("A man was shot in the leg on Thursday when a handgun his grandson was holding went off, "
            "Davidson County deputies said.")
    loc = _location(nlp, gaz, text, "shot", url="http://www.wxii12.com/news/man-shot/123")
    assert loc is not None and loc.admin1 == "North Carolina"  # a Winston-Salem station, not Nashville's county
    far = _location(nlp, gaz, text, "shot", url="http://www.wsmv.com/story/man-shot")
    assert far is not None and far.admin1 == "Tennessee"  # a Nashville station's is its own


def test_a_stations_dateline_far_namesake_gives_way_to_the_home_town_the_text_names(nlp, gaz):
    text = ("HOMEWOOD (KDKA) -- Two women were shot and killed in Homewood late Saturday night. "
            "Pittsburgh police are looking for a gunman.")
    loc = _location(nlp, gaz, text, "shot", url="http://pittsburgh.cbslocal.com/2019/06/16/homewood-shooting/")
    assert loc is not None and loc.admin1 == "Pennsylvania"  # not Homewood, Alabama


def test_a_neighbourhood_named_after_a_state_is_a_part_of_the_outlets_city(nlp, gaz):
    text = "Two people were shot in the California neighborhood on Friday afternoon, police said."
    loc = _location(nlp, gaz, text, "shot", url="http://www.wlky.com/article/two-shot/123")
    assert loc is None or loc.admin1 == "Kentucky"  # Louisville's neighbourhood, not the state
    loc = _location(nlp, gaz, "Two people were shot in California on Friday afternoon, police said.", "shot",
                    url="http://www.wlky.com/article/two-shot/123")
    assert loc is not None and loc.admin1 == "California"  # the state itself stays


def _resolved(nlp, gaz, text, name, url=None, title=None):
    """Where each mention of ``name`` resolves, the article's focus and outlet taken into account."""
    from eventwire.geo._locate import focus_of

    document = Document(id="t", text=text, title=title, url=url)
    tops = find_toponyms(nlp(text), gaz)
    focus = focus_of(document, read_structure(document), tops, gaz)
    return [(r.entry.name, r.entry.admin1) if r.entry else None
            for r in resolve_toponyms(tops, gaz, focus=focus) if r.toponym.text == name]


def test_a_local_papers_own_town_is_meant_by_its_bare_name(nlp, gaz):
    text = ("The Athens City Council voted on Tuesday to repave two streets downtown. "
            "Athens police will close the streets for a week, the city manager said.")
    assert ("Athens", "Texas") not in _resolved(nlp, gaz, text, "Athens")  # a larger namesake by itself
    assert set(_resolved(nlp, gaz, text, "Athens", url="http://www.athensreview.com/local/a.html")) == \
        {("Athens", "Texas")}
    text = "The Jordan school board approved a new bus route on Monday, and parents across Jordan welcomed it."
    assert set(_resolved(nlp, gaz, text, "Jordan", url="http://www.jordannews.com/news/a")) == \
        {("Jordan", "Minnesota")}  # not the kingdom


def test_a_headline_names_the_outlets_town_however_small(nlp, gaz):
    from eventwire.geo._locate import focus_of

    title = "Library opens new wing at Athens school"
    text = title + ". The new wing holds 4,000 books and a computer room, the principal said."
    document = Document(id="t", text=text, title=title, url="http://www.dailypostathenian.com/news/a")
    focus = focus_of(document, read_structure(document), find_toponyms(nlp(text), gaz), gaz)
    assert focus.country == "US" and focus.admin1 == "tennessee"


def test_a_small_towns_paper_speaks_of_its_own_country(gaz):
    from eventwire.geo._focus import _small_town_outlet_country, known_outlets

    def country(url):
        return _small_town_outlet_country(known_outlets(url, "", gaz))

    assert country("http://www.ldnews.com/news/a") == "US"  # the Lebanon Daily News
    assert country("http://www.wusa9.com/article/news/nation-now/a") is None  # a capital's station: the world's news too
    assert country("http://www.example.com/a") is None


def test_a_small_towns_paper_keeps_its_town_in_a_story_from_abroad(nlp, gaz):
    title = "Nursing students build clinic in Guatemala"
    text = (title + ". Students spent their spring break in Guatemala City and in Antigua, Guatemala, building a "
            "clinic. Kelly Smith of Paris said the trip changed her plans.")
    assert _resolved(nlp, gaz, text, "Paris", url="http://www.parispi.net/articles/a", title=title) == \
        [("Paris", "Tennessee")]


def test_a_capitals_namesake_around_a_local_papers_home_is_the_one_it_means(nlp, gaz):
    text = "A driver was hurt when his car hit a tree on Main Street in Berlin late Friday, police said."
    assert _resolved(nlp, gaz, text, "Berlin") == [("Berlin", "Berlin")]  # the capital by itself
    found = _resolved(nlp, gaz, text, "Berlin", url="http://www.middletownpress.com/articles/a")
    assert len(found) == 1 and found[0][1] in ("Connecticut", "Massachusetts")  # a Berlin near Middletown


def test_a_wire_story_dated_far_from_the_outlet_is_not_the_newsrooms(gaz):
    from eventwire.geo._focus import Focus
    from eventwire.geo._resolve import _dated_elsewhere

    def town(name, state):
        return next(e for e in gaz.lookup(name) if e.feature_class == "P" and e.admin1 == state)

    memphis = (town("Memphis", "Tennessee"),)
    helena, germantown = town("Helena", "Montana"), town("Germantown", "Tennessee")
    assert _dated_elsewhere(Focus("US", "montana", 1.0, "dateline+lede", helena, memphis))  # "HELENA, Mont. (AP)"
    assert not _dated_elsewhere(Focus("US", "tennessee", 1.0, "dateline", germantown, memphis))  # its own area
    assert not _dated_elsewhere(Focus("US", "montana", 1.0, "title", helena, memphis))  # no dateline


def test_a_small_towns_paper_means_its_own_state_by_a_name_a_country_shares(nlp, gaz):
    text = "Georgia's utility regulators approved a rate increase for power customers on Tuesday."
    assert _resolved(nlp, gaz, text, "Georgia") == [("Georgia", None)]  # the country by itself
    assert _resolved(nlp, gaz, text, "Georgia", url="http://www.gainesvilletimes.com/news/a") == \
        [("Georgia", "Georgia")]  # the Gainesville, Georgia paper: the state, not Florida's Gainesville


@pytest.mark.parametrize("url,country", [
    ("https://www.example-herald.co.uk/news/a", "GB"), ("http://www.example.ie/news/a", "IE"),
    ("http://www.example.ru/articles/a", "RU"), ("https://news.example.com/a", None),
    ("https://www.example.tv/a", None), ("http://web.archive.org/web/2017/http://www.example.co.za/a", "ZA"),
])
def test_a_national_web_domain_names_the_outlets_country(url, country):
    from eventwire.geo._focus import domain_country

    assert domain_country(url) == country


def test_a_national_papers_bare_town_is_its_own_countrys(nlp, gaz):
    text = "The council will repair the leisure centre in Richmond before the summer, a spokeswoman said."
    assert _resolved(nlp, gaz, text, "Richmond", url="https://www.example-news.co.uk/local/a") == \
        [("Richmond", "England")]
    assert _resolved(nlp, gaz, text, "Richmond", url="https://www.example-news.com/local/a") == \
        [("Richmond", "Virginia")]


def test_a_local_papers_country_holds_its_bare_namesakes(nlp, gaz):
    text = "The zoo received two cygnets from the Santa Ana Zoo last spring, a keeper said."
    assert _resolved(nlp, gaz, text, "Santa Ana", url="http://www.thestate.com/news/local/a.html") == \
        [("Santa Ana", "California")]  # a Columbia, South Carolina paper
    assert _resolved(nlp, gaz, text, "Santa Ana")[0][1] != "California"  # with no outlet, the larger namesake


def test_a_neighbourhood_of_a_city_station_is_the_citys(nlp, gaz):
    text = ("Two teenagers were wounded Saturday night in Madisonville, police said. The pair were "
            "standing outside a corner store when a car drove past and someone inside fired.")
    loc = _location(nlp, gaz, text, "wounded", url="http://www.cincinnati.com/story/news/a/")
    assert loc is not None and (loc.name, loc.admin1, loc.admin3) == ("Madisonville", "Ohio", "Cincinnati")


def test_a_neighbourhood_the_table_lists_carries_its_city(nlp, gaz):
    text = "A man was shot and killed Sunday in East Garfield Park, police said."
    loc = _location(nlp, gaz, text, "killed", url="http://chicago.suntimes.com/news/a/")
    assert loc is not None and (loc.name, loc.admin1, loc.admin3) == ("East Garfield Park", "Illinois", "Chicago")


def test_a_mastheads_own_mention_of_its_town_is_not_the_text_naming_it(gaz):
    """A station's masthead ("... - WMC Action News 5 - Memphis, Tennessee") names its home; the
    report's body, which may tell of a town across the state line, has not named it."""
    from types import SimpleNamespace

    from eventwire.geo._focus import Focus
    from eventwire.geo._locate import _outlet_town

    memphis = next(e for e in gaz.lookup("Memphis") if e.feature_class == "P" and e.admin1 == "Tennessee")
    mention = SimpleNamespace(entry=memphis, toponym=SimpleNamespace(label="GPE", start=60))
    document = SimpleNamespace(url=None)
    focus = Focus("US", "tennessee", 1.0, "qualified")
    assert _outlet_town(document, [mention], focus, gaz, (memphis,)) == 0
    assert _outlet_town(document, [mention], focus, gaz, (memphis,), masthead=(40, 80)) is None


def test_a_site_brand_in_the_datelines_brackets_names_the_outlet(gaz):
    from eventwire.geo._focus import known_outlets

    homes = known_outlets(None, "DORAL (CBSMiami) - A man was wounded outside a bakery late Friday.", gaz)
    assert [(e.name, e.admin1) for e in homes] == [("Miami", "Florida")]
    # a web address the opening cites may be another newsroom's story carried: no outlet
    assert not known_outlets(None, "A man was wounded late Friday, cbsmiami.com reported.", gaz)


def test_a_photo_credit_names_the_papers_town(gaz):
    from eventwire.geo._focus import known_outlets

    tail = "The boy was treated and released.\n\nPhoto: Jane Roe / San Antonio Express-News"
    assert [e.name for e in known_outlets(None, "", gaz, tail=tail)] == ["San Antonio"]
    # the paper's town leads its name: another town's "Daily News" is not a namesake paper's
    assert not known_outlets(None, "", gaz, tail="Photo: John Doe / Springfield Daily News")


def test_a_local_outlets_report_naming_no_town_is_in_its_home(nlp, gaz):
    text = ("(CBSMiami) - A teenager was shot in the leg outside a corner store on the north side "
            "late Friday, police said.")
    loc = _location(nlp, gaz, text, "shot")
    assert loc is not None and (loc.name, loc.admin1) == ("Miami", "Florida")
