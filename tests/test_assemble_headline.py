"""A headline and its lede tell one happening: their places are not compared (a headline
names the town, the lede the county, and either may be read as a namesake elsewhere),
while a different date still keeps two mentions apart, and the body is compared as before."""
from __future__ import annotations

import datetime as dt

from eventwire.assemble import _assemble as A
from eventwire.records import ArticleStructure, EventDate, Location, Mention, TextSpan, Trigger

TEXT = ("Girl shot dead in Millbrook\n\n"
        "A 15-year-old girl was shot dead Monday at a home in Harlan County.\n\n"
        "A man was shot Friday in Dover, police said.")
TITLE = TextSpan("title", 0, 27, TEXT[0:27])
LEDE_START = TEXT.index("A 15")
BODY_START = TEXT.index("A man")
LEDE = TextSpan("lede", LEDE_START, BODY_START - 2, TEXT[LEDE_START:BODY_START - 2])
STRUCTURE = ArticleStructure(title=TITLE, lede=LEDE, paragraphs=(LEDE,))


def _place(name: str, admin1: str, lat: float) -> Location:
    return Location(name=name, country="United States", iso3="USA", admin1=admin1, admin2=name,
                    latitude=lat, longitude=-80.0, geo_precision=1, confidence=0.7, rule="geo.event.sentence")


def _mention(start: int, end: int, location: Location, day: int | None = None) -> Mention:
    date = None if day is None else EventDate(date=dt.date(2025, 3, day), precision="day", text="Monday",
                                              start=start, end=start + 1)
    trigger = Trigger(text="shot", start=start + 2, end=start + 6, event_type="Violence against civilians",
                      sub_event_type="Attack", rule="trigger")
    return Mention(doc_id="d", sent_start=start, sent_end=end, sentence=TEXT[start:end], trigger=trigger,
                   date=date, location=location)


TOWN = _place("Millbrook", "Alabama", 32.0)  # a namesake far from the lede's county
COUNTY = _place("Harlan County", "Kentucky", 36.8)


def test_the_headline_and_the_lede_merge_whatever_places_they_resolve_to():
    groups = A._group([_mention(0, 27, TOWN), _mention(LEDE_START, LEDE.end, COUNTY, day=3)], STRUCTURE)
    assert len(groups) == 1


def test_a_different_date_keeps_the_headline_and_the_lede_apart():
    headline = _mention(0, 27, TOWN, day=20)
    groups = A._group([headline, _mention(LEDE_START, LEDE.end, COUNTY, day=3)], STRUCTURE)
    assert len(groups) == 2


def test_a_body_sentence_with_another_place_stays_apart():
    dover = _place("Dover", "Delaware", 39.2)
    body = _mention(BODY_START, len(TEXT), dover)
    groups = A._group([_mention(0, 27, TOWN), _mention(LEDE_START, LEDE.end, COUNTY, day=3), body], STRUCTURE)
    assert [len(g.mentions) for g in groups] == [2, 1]


def test_without_a_layout_places_still_keep_mentions_apart():
    groups = A._group([_mention(0, 27, TOWN), _mention(LEDE_START, LEDE.end, COUNTY, day=3)])
    assert len(groups) == 2


def test_a_headline_naming_two_places_tells_two_happenings():
    from eventwire.records import PlaceMention

    names = [PlaceMention(text="Millbrook", start=18, end=27),
             PlaceMention(text="Harlan County", start=TEXT.index("Harlan"), end=TEXT.index("Harlan") + 13)]
    two = (PlaceMention(text="Girl", start=0, end=4), names[0])
    mentions = [_mention(0, 27, TOWN), _mention(LEDE_START, LEDE.end, COUNTY, day=3)]
    assert len(A._group(mentions, STRUCTURE, names)) == 1
    assert len(A._group(mentions, STRUCTURE, two)) == 2
