"""Reports of one incident whose coded place went wrong on one side (a town name read as a
place abroad, no country found), and the spellings of one street or person that must still
match. Reports are written for this test in the style of US local news."""
from __future__ import annotations

import dataclasses
import datetime as dt

from eventwire.link import compare, link_events, with_identity
from eventwire.link._config import load_config
from eventwire.link._features import identity, identity_score, place_key
from eventwire.link._link import Blocker
from eventwire.records import Actor, Document, Event, Evidence, Location
from eventwire.store import Store

DAY = dt.date(2016, 6, 7)
CHESTER_PA = Location("Chester", "United States", "USA", "Pennsylvania", "Delaware County",
                      latitude=39.85, longitude=-75.36, geo_precision=1)
CHESTER_UK = Location("Chester", "United Kingdom", "GBR", "England", "Cheshire West and Chester",
                      latitude=53.19, longitude=-2.89, geo_precision=1)
NOWHERE = Location("", None, None, None, None, geo_precision=4)
GUNMEN = Actor("Unidentified Armed Group", "other", 3)
CIVILIANS = Actor("Civilians", "civilians", 7)


def report(doc: str, text: str, place: Location | None, day: dt.date = DAY) -> Event:
    ev = Event(event_id=f"{doc}#1", doc_ids=(doc,), event_type="Violence against civilians", sub_event_type="Attack",
               event_date=day, date_precision="day", actor1=GUNMEN, actor2=CIVILIANS, location=place,
               evidence=(Evidence("event_type", doc, 0, len(text), text, text, "test.hand"),), confidence=0.8)
    return with_identity(ev, text)


LOCAL = report("local", "A 5-year-old boy, Marcus Andrews Jr., was shot in the arm inside a home in the 1500 block "
                        "of Whittington Place in Chester on Monday night. His mother, Latosha Hayes, said the bullet "
                        "came through the wall. A neighbour, Dale Morgan, called 911.", CHESTER_PA)
# the same shooting, its town read as Chester in England
ABROAD = report("abroad", "Police said Marcus Andrews Jr. was hit by a bullet that came through a wall on "
                          "Whittington Place. Latosha Hayes, the boy's mother, said he is recovering.", CHESTER_UK,
                day=DAY + dt.timedelta(days=1))
# another shooting, same week, in England, naming one of the same people by chance
STRANGER = report("stranger", "A man was stabbed outside a pub on Foregate Street, police said. Witness Dale Morgan "
                              "called for help.", CHESTER_UK, day=DAY + dt.timedelta(days=2))


def test_one_street_written_several_ways_is_one_place():
    keys = {place_key(p) for p in ("the 1500 block of N. Plymouth St.", "Plymouth Street", "plymouth st",
                                   "the Plymouth Street", "block of Plymouth")}
    assert keys == {"street plymouth"}
    assert place_key("Remsen Ave.") == place_key("Remsen Avenue") != place_key("Remsen Hall")
    a = identity(LOCAL)
    b = identity(report("b", "Shots were fired on Whittington Pl. in Chester.", CHESTER_PA))
    score, shared = identity_score(a, b)
    assert shared.get("places") == ["street whittington"] and score > 0


def test_names_with_an_inner_capital_are_read_whole():
    ident = identity(report("n", "DeShawn McDonald, 19, and LaToya Smith-Jones, 22, were wounded.", CHESTER_PA))
    assert {"deshawn mcdonald", "latoya smith-jones"} <= ident.names


def test_reports_coded_in_different_countries_link_on_several_shared_particulars():
    cmp = compare(LOCAL, ABROAD)
    assert cmp.linked, cmp.reasons
    assert cmp.reasons["place_why"] == "country USA / GBR"


def test_one_shared_name_does_not_link_across_countries():
    cmp = compare(LOCAL, STRANGER)
    assert not cmp.linked and cmp.reasons["veto"] == "country USA / GBR", cmp.reasons
    # nor do date, place name and wording alone
    plain = report("plain", "A 5-year-old boy was shot in the arm inside a home in Chester on Monday night.",
                   CHESTER_UK)
    assert not compare(LOCAL, plain).linked


def test_a_report_without_a_country_links_on_its_particulars():
    lost = report("lost", "Marcus Andrews Jr., 5, was shot on Whittington Place, his mother Latosha Hayes said.",
                  NOWHERE)
    assert compare(LOCAL, lost).linked
    assert not compare(LOCAL, report("lost2", "A boy was shot in the arm on Monday night.", NOWHERE)).linked


def test_blocking_finds_the_report_coded_abroad_through_the_names():
    blocker = Blocker(load_config())
    blocker.add(LOCAL)
    assert [e.event_id for e in blocker.candidates(ABROAD)] == ["local#1"]
    groups = sorted(sorted(inc.doc_ids) for inc in link_events([STRANGER, ABROAD, LOCAL]))
    assert groups == [["abroad", "local"], ["stranger"]]


def test_store_links_the_report_coded_abroad(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        run = store.start_run("test")
        for ev in (LOCAL, STRANGER, ABROAD):
            store.add(Document(id=ev.doc_ids[0], text=ev.evidence[0].sentence, published=ev.event_date), [ev], run)
        groups = sorted(sorted(inc.doc_ids) for inc in store.incidents())
    assert groups == [["abroad", "local"], ["stranger"]]


def _tolled(doc: str, text: str, killed: int, injured: int, day: dt.date = DAY) -> Event:
    from eventwire.records import Count
    ev = report(doc, text, CHESTER_PA, day)
    return dataclasses.replace(ev, fatalities=Count("fatalities", killed, killed, killed, str(killed), 0, 1),
                               injured=Count("injured", injured, injured, injured, str(injured), 0, 1))


def test_the_same_town_day_and_toll_link_without_shared_words():
    a = _tolled("toll-a", "Gunfire erupted after a party on Saturday night; detectives canvassed the area.", 1, 3)
    b = _tolled("toll-b", "A man died and three others were hurt when someone opened fire near a house.", 1, 3)
    assert compare(a, b).linked
    # another toll, two days apart, other people named, or one person killed: another shooting
    assert not compare(a, _tolled("toll-c", b.evidence[0].sentence, 2, 3)).linked
    assert not compare(a, _tolled("toll-d", b.evidence[0].sentence, 1, 3, DAY + dt.timedelta(days=3))).linked
    named = ("Police named the dead man as Tyrone Banks.", "Police named the dead man as Luis Ortega.")
    assert not compare(_tolled("toll-e", a.evidence[0].sentence + " " + named[0], 1, 3),
                       _tolled("toll-f", b.evidence[0].sentence + " " + named[1], 1, 3)).linked
    assert not compare(_tolled("toll-g", a.evidence[0].sentence, 1, 0),
                       _tolled("toll-h", b.evidence[0].sentence, 1, 0)).linked


def test_a_large_toll_links_the_arrest_report_whatever_people_it_names():
    # an arrest with the same attack type (class score 0.5) and the same two dead and four wounded
    shooting = _tolled("big-a", "Gunfire at a house party on Saturday night left two dead and four wounded.", 2, 4)
    arrest = dataclasses.replace(
        _tolled("big-b", "Police arrested Darnell Price, 20, after a party shooting; witness Ana Ruiz spoke to "
                         "detectives. Two died and four were hurt.", 2, 4),
        event_type="Strategic developments", sub_event_type="Arrests", codes={"gtd_attack_type": "Armed Assault"})
    shooting = dataclasses.replace(shooting, codes={**shooting.codes, "gtd_attack_type": "Armed Assault"})
    named = _tolled("big-c", "Police named the dead as Tyrone Banks and Mia Cole.", 2, 4)
    assert compare(shooting, arrest).linked
    assert compare(named, dataclasses.replace(arrest, event_type=named.event_type)).linked
    # a smaller toll, or another toll, still needs more than the town and day
    small = dataclasses.replace(arrest, fatalities=shooting.fatalities, injured=dataclasses.replace(
        shooting.injured, best=1, low=1, high=1))
    assert not compare(dataclasses.replace(shooting, injured=small.injured), small).linked
    assert not compare(shooting, _tolled("big-d", arrest.evidence[0].sentence, 2, 5)).linked


def _us_town(name: str, state: str, lat: float, lon: float) -> Location:
    return Location(name, "United States", "USA", state, None, latitude=lat, longitude=lon, geo_precision=1)


OAKLAND_CA, OAKLAND_TN = _us_town("Oakland", "California", 37.80, -122.27), _us_town("Oakland", "Tennessee", 35.23, -89.51)
MEMPHIS = _us_town("Memphis", "Tennessee", 35.15, -90.05)


def test_one_town_name_resolved_in_two_states_is_compared_not_ruled_out():
    text = "Four people, two of them children, were wounded when gunfire hit a house on 98th Avenue in Oakland."
    ca, tn = report("oak-ca", text, OAKLAND_CA), report("oak-tn", text, OAKLAND_TN)
    cmp = compare(ca, tn)
    assert cmp.linked and cmp.reasons["place_why"].startswith("same name Oakland"), cmp.reasons
    blocker = Blocker(load_config())
    blocker.add(ca)
    assert [e.event_id for e in blocker.candidates(tn)] == ["oak-ca#1"]
    # another town in another state is still ruled out on the same words
    memphis = report("memphis", text, MEMPHIS)
    assert not compare(ca, memphis).linked and blocker.candidates(memphis) == []


def test_offices_bylines_and_places_are_no_particulars():
    text = ("Mayor Michael Bloomberg said Tyrone Banks, 19, was shot near West Garfield Park. Ann Lee is a "
            "Chronicle staff writer. Baton Rouge police were told.")
    ev = dataclasses.replace(report("x", text, CHESTER_PA), places=())
    ident = identity(ev, text)
    assert "tyrone banks" in ident.names
    assert not {"michael bloomberg", "mayor michael bloomberg", "ann lee"} & ident.names
    # a neighbourhood keeps its direction: East and West Garfield Park are two places
    assert place_key("West Garfield Park") != place_key("East Garfield Park")


def test_a_street_kind_is_a_whole_word_and_event_words_name_no_place():
    ident = identity(report("fw", "Investigation into Fatal Shooting at a bar in Fort Wayne. Three people were "
                                  "killed near the Corner Store on Maple Avenue.", CHESTER_PA))
    assert "street maple" in ident.places
    assert not {"street fort", "fatal shooting"} & ident.places, ident.places


def test_charges_and_institutions_are_no_names():
    ident = identity(report("ch", "Terrell Baker was charged with Aggravated Assault and Recklessly Endangering "
                                  "Another Person; he was taken to Jackson Memorial Hospital. Stormtracker Weather "
                                  "and Traffic.", CHESTER_PA))
    assert ident.names == {"terrell baker"}, ident.names


def test_one_person_spelt_two_ways_is_one_name():
    a = identity(report("a", "Victoria Irene Whitehurst, 6, was killed. Morlens Millice was arrested.", CHESTER_PA))
    b = identity(report("b", "Victoria Whitehurst died; police charged Morlens Milice.", CHESTER_PA))
    c = identity(report("c", "Victoria Whitehall died; police charged Mark Millice.", CHESTER_PA))
    assert identity_score(a, b)[1]["names"] == ["morlens millice", "victoria irene whitehurst"]
    assert "names" not in identity_score(a, c)[1]


def test_a_report_without_a_country_links_on_a_street_within_days_only():
    lost = report("lost3", "A man and a child were hurt when shots were fired into a crowd on Ferris Branch Boulevard.",
                  NOWHERE)
    dallas = report("dallas", "A child was injured in a shooting in the 9600 block of Ferris Branch Blvd.", CHESTER_PA)
    assert compare(lost, dallas).linked, compare(lost, dallas).reasons
    later = dataclasses.replace(dallas, event_date=DAY + dt.timedelta(days=30))
    assert not compare(lost, later).linked
    # coded in another country, a street alone is not enough
    assert not compare(dataclasses.replace(lost, location=CHESTER_UK), dallas).linked


def _naming(ev: Event, *places: tuple[str, Location]) -> Event:
    """The report with the places its text names (as the geoparser lists them)."""
    from eventwire.records import GeoEntry, PlaceMention
    mentions = tuple(PlaceMention(text, 0, len(text), GeoEntry(None, loc.name, loc.latitude or 0.0, loc.longitude or 0.0,
                                                               "P", "PPL", loc.country, None, loc.iso3, loc.admin1),
                                  0.9, "other") for text, loc in places)
    return dataclasses.replace(ev, places=mentions)


BROWNSVILLE = _us_town("Brownsville", "Tennessee", 35.59, -89.26)
DETROIT = _us_town("Detroit", "Michigan", 42.33, -83.05)


def test_a_report_naming_the_other_report_s_town_is_compared_across_states():
    party = _naming(report("party", "Ten people were wounded when gunfire broke out at a party on Maple Street in "
                                    "Brownsville.", BROWNSVILLE), ("Brownsville", BROWNSVILLE))
    # the arrest report is coded where the suspect was caught, and names the town of the shooting
    caught = _naming(report("caught", "The suspect in the Brownsville party shooting on Maple Street was arrested "
                                      "in Detroit.", DETROIT), ("Brownsville", BROWNSVILLE), ("Detroit", DETROIT))
    cmp = compare(party, caught)
    assert cmp.linked and cmp.reasons["place_why"] == "caught#1 names Brownsville", cmp.reasons
    blocker = Blocker(load_config())
    blocker.add(party)
    assert [e.event_id for e in blocker.candidates(caught)] == ["party#1"]
    # the same words from a report that does not name Brownsville: the coded states rule it out
    plain = report("plain", caught.evidence[0].sentence.replace("Brownsville ", ""), DETROIT)
    assert not compare(party, plain).linked
    # naming the town alone is no particular: another shooting in Detroit that names Brownsville in passing
    other = _naming(report("other", "A man was shot outside a Detroit gas station; he had moved from Brownsville.",
                           DETROIT), ("Brownsville", BROWNSVILLE), ("Detroit", DETROIT))
    assert not compare(party, other).linked


def test_store_links_a_report_naming_the_other_s_town_in_either_order(tmp_path):
    party = _naming(report("party", "Ten people were wounded when gunfire broke out at a party on Maple Street in "
                                    "Brownsville.", BROWNSVILLE), ("Brownsville", BROWNSVILLE))
    caught = _naming(report("caught", "The suspect in the Brownsville party shooting on Maple Street was arrested "
                                      "in Detroit.", DETROIT), ("Brownsville", BROWNSVILLE), ("Detroit", DETROIT))
    for order, name in (((party, caught), "a.db"), ((caught, party), "b.db")):
        with Store(f"sqlite:///{tmp_path / name}") as store:
            run = store.start_run("test")
            for ev in order:
                store.add(Document(id=ev.doc_ids[0], text=ev.evidence[0].sentence, published=ev.event_date), [ev], run)
            groups = sorted(sorted(inc.doc_ids) for inc in store.incidents())
        assert groups == [["caught", "party"]], order


def test_a_mass_shooting_s_later_report_links_on_the_same_large_toll(tmp_path):
    day = DAY
    first = _tolled("mass-a", "A gunman opened fire in a crowded nightclub early Sunday.", 9, 14, day)
    later = _tolled("mass-b", "Two weeks on, survivors gathered at a vigil downtown.", 9, 14, day + dt.timedelta(days=14))
    cmp = compare(first, later)
    assert cmp.linked and cmp.reasons["followup"], cmp.reasons
    blocker = Blocker(load_config())
    blocker.add(first)
    assert [e.event_id for e in blocker.candidates(later)] == ["mass-a#1"]
    # another toll, a small toll, or beyond the window: no link on the toll
    assert not compare(first, _tolled("mass-c", later.evidence[0].sentence, 9, 13, later.event_date)).linked
    small = (_tolled("sm-a", first.evidence[0].sentence, 1, 2, day),
             _tolled("sm-b", later.evidence[0].sentence, 1, 2, later.event_date))
    assert not compare(*small).linked
    assert not compare(first, _tolled("mass-d", later.evidence[0].sentence, 9, 14, day + dt.timedelta(days=90))).linked
    with Store(f"sqlite:///{tmp_path / 'm.db'}") as store:
        run = store.start_run("test")
        for ev in (first, later):
            store.add(Document(id=ev.doc_ids[0], text=ev.evidence[0].sentence, published=ev.event_date), [ev], run)
        groups = sorted(sorted(inc.doc_ids) for inc in store.incidents())
    assert groups == [["mass-a", "mass-b"]]


RICHMOND = _us_town("Richmond", "Virginia", 37.54, -77.44)
RUSTBURG = _us_town("Rustburg", "Virginia", 37.28, -79.10)


def test_a_street_both_name_links_reports_coded_in_towns_apart():
    a = report("st-a", "A toddler was shot inside a mobile home on Doswell Town Road on Monday.", RICHMOND)
    b = report("st-b", "Deputies said the child found a handgun in a bedroom on Doswell Town Rd.", RUSTBURG)
    cmp = compare(a, b)
    assert cmp.linked and cmp.reasons["shared"]["places"] == ["street doswell town"], cmp.reasons
    # without the street, or days beyond the window, the distance keeps them apart
    assert not compare(a, report("st-c", "Deputies said the child found a handgun in a bedroom.", RUSTBURG)).linked
    assert not compare(a, dataclasses.replace(b, event_date=DAY + dt.timedelta(days=20))).linked


def test_a_report_placed_in_a_country_only_links_on_the_particulars_of_another_province():
    turkey = Location("Turkey", "Turkey", "TUR", None, None, latitude=39.0, longitude=35.0, geo_precision=3)
    text = "A teenager, Dana Whitfield, was hurt when a rifle went off at home, her family said."
    here = report("here", text + " Police in Chester said so.", CHESTER_PA)
    there = report("there", text, turkey)
    cmp = compare(here, there)
    assert cmp.linked, cmp.reasons
    # a report coded in a province abroad still needs more in common
    assert not compare(here, report("abroad2", text, CHESTER_UK)).linked
