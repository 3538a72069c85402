"""An event at a village the gazetteer does not know is named by its village, at the place found
for it (ACLED's geo-precision 2); a known place keeps its name."""
from __future__ import annotations

import datetime as dt

from eventwire.records import Document


def _event(pipeline, text: str):
    result = pipeline.process(Document(id="v", text=text, published=dt.date(2026, 3, 4)))
    assert result.events, text
    return result.events[0]


def test_an_unknown_village_names_the_event_at_its_district(pipeline):
    event = _event(pipeline, "Gunmen killed nine farmers on Monday in a village in Beni territory in eastern Congo, officials said. "
                             "The attackers entered Malepe village at night and burned houses.")
    assert event.location.name == "Malepe"
    assert event.location.geo_precision == 2 and event.location.admin1 == "North Kivu"


def test_a_known_place_keeps_its_name(pipeline):
    event = _event(pipeline, "Gunmen killed nine farmers on Monday in Beni in eastern Congo, officials said.")
    assert event.location.name == "Beni" and "unknown_village" not in event.location.rule


def test_an_unknown_village_lies_in_the_unit_written_after_it(pipeline):
    # NER reads the village as a person and the written-out unit as an organisation
    event = _event(pipeline, "GUSAU - Bandits stormed Dankoli village in the Maru Local Government Area of "
                             "Zamfara State on Monday night, killing nine residents, police said.")
    assert event.location.name == "Dankoli"
    assert event.location.admin2 == "Maru" and event.location.geo_precision == 2


def test_a_town_named_as_such_and_unknown_names_the_event(pipeline):
    event = _event(pipeline, "Gunmen killed four traders on Monday near the town of Kwabrasso in Zamfara "
                             "State, police said.")
    assert event.location.name == "Kwabrasso" and event.location.admin1 == "Zamfara"


def test_a_suburb_named_with_of_and_read_as_a_person_is_a_place(pipeline):
    event = _event(pipeline, "An air strike on a house in the Damascus suburb of Qudsaya Rawda killed three people "
                             "on Monday, state media said.")
    assert event.location.name == "Qudsaya Rawda" and event.location.admin1 is not None


def test_a_village_name_cut_at_its_hyphen_is_read_whole():
    from eventwire.assemble._assemble import _rest_of_hyphenated

    text = "gunmen raided Kondo-Ouro village"
    assert text[14:_rest_of_hyphenated(text, 20)] == "Kondo-Ouro"
    assert text[14:_rest_of_hyphenated(text, 19)] == "Kondo-Ouro"  # cut before the hyphen too
    assert _rest_of_hyphenated("gunmen raided Kondo village", 19) == 19  # no hyphen, nothing to add
    assert _rest_of_hyphenated("gunmen raided Kondo-based militias", 19) == 19  # a lower-case word is no name


def test_a_sub_district_the_gazetteer_knows_only_abroad_is_an_unknown_unit_at_home(pipeline):
    # Bangladesh's upazilas are named after their seats; the gazetteer's only Santhia is the
    # Piedmont town, which no upazila can be
    event = _event(pipeline, "Two farmers were hacked to death by a rival group in Santhia upazila on "
                             "Saturday night, police said.")
    assert event.location.country == "Bangladesh"
    assert event.location.name == "Santhia" and event.location.geo_precision == 2
