"""Merging an article's mentions: what a group answers is kept up to date as mentions join it,
so merging grows linearly with an article's mentions (issue: long articles grew with the square)."""
from __future__ import annotations

import datetime as dt
import random

from eventwire.assemble import _assemble as A
from eventwire.records import Actor, EventDate, Location, Mention, Trigger

SUB_TYPES = ["Armed clash", "Arrests", "Peaceful protest", "Attack"]
RULES = ["geo.event.sentence", "geo.event.document", "geo.event.actor-country"]


def _mention(rng: random.Random, i: int) -> Mention:
    sub = rng.choice(SUB_TYPES)
    date = None
    if rng.random() < 0.6:
        date = EventDate(date=dt.date(2025, 3, rng.randint(1, 28)), precision=rng.choice(["day", "week", "month"]),
                         text="on Monday", start=i, end=i + 1)
    location = None
    if rng.random() < 0.7:
        location = Location(name=rng.choice(["Quetta", "Turbat", "Gwadar"]), country="Pakistan", iso3="PAK",
                            confidence=rng.choice([0.3, 0.5, 0.8]), rule=rng.choice(RULES))

    def actor():
        if rng.random() < 0.5:
            return None
        rule = rng.choice(["actors.dictionary", "actors.default", "actors.generic"])
        return Actor(name=rng.choice(["BLA", "TTP", "Police"]), type="rebel group", rule=rule)

    trigger = Trigger(text="attack", start=i * 10, end=i * 10 + 6, event_type="Violence", sub_event_type=sub,
                      rule="trigger")
    return Mention(doc_id="d", sent_start=i * 10, sent_end=i * 10 + 9, sentence="s", trigger=trigger,
                   actor1=actor(), actor2=actor(), date=date, location=location)


def _reference_date(mentions):
    steps = [m for m in mentions if m.trigger.sub_event_type in A._CASE_STEPS]
    own = [m for m in mentions if m not in steps] or steps
    dates = [m.date for m in own if m.date is not None]
    return next((d for d in dates if d.precision == "day"), dates[0] if dates else None)


def _reference_location(mentions):
    own = [loc for m in mentions if (loc := A._own_location(m)) is not None]
    located = own or [m.location for m in mentions if m.location is not None]
    return max(located, key=lambda loc: loc.confidence) if located else None


def test_a_group_answers_as_its_mentions_read_in_full():
    rng = random.Random(5)
    for _ in range(300):
        group = A._Group()
        for i in range(rng.randint(1, 8)):
            group.add(_mention(rng, i))
            assert group.date() is _reference_date(group.mentions)
            assert group.location() is _reference_location(group.mentions)
            assert group.named_groups() == A._named_groups(a for m in group.mentions for a in (m.actor1, m.actor2))
            assert all(group.has_kind(m.trigger.sub_event_type) for m in group.mentions)


def test_merging_reads_each_mention_a_bounded_number_of_times(monkeypatch):
    calls = []
    own_location = A._own_location
    monkeypatch.setattr(A, "_own_location", lambda m: calls.append(1) or own_location(m))
    trigger = Trigger(text="attack", start=0, end=6, event_type="Violence", sub_event_type="Attack", rule="t")
    n = 2000
    mentions = [Mention(doc_id="d", sent_start=i, sent_end=i + 1, sentence="s", trigger=trigger) for i in range(n)]
    groups = A._group(mentions)
    assert len(groups) == 1 and len(groups[0].mentions) == n
    assert len(calls) <= 3 * n  # reading the whole group again for each mention would be n * n / 2


def test_a_generic_actor_with_no_known_country_loses_the_placeholder():
    for name, bare in (("Police Forces of {country}", "Police Forces"), ("Civilians ({country})", "Civilians"),
                       ("Unidentified Armed Group ({country})", "Unidentified Armed Group")):
        filled = A._fill_country(Actor(name=name, type="civilians"), None)
        assert filled.name == bare and "{" not in filled.name
    placed = Location(name="Quetta", country="Pakistan", iso3="PAK")
    assert A._fill_country(Actor(name="Police Forces of {country}", type="state forces"), placed).name \
        == "Police Forces of Pakistan"


def test_a_count_outside_the_events_joins_the_group_of_the_nearest_mention_before_it():
    """"He later died at the hospital" goes on about the shooting told just before it, not
    about an arrest that the article told first."""
    from eventwire.extract import DocFindings
    from eventwire.records import Count, Document

    def mention(start, sub):
        trigger = Trigger(text="x", start=start, end=start + 1, event_type="Violence", sub_event_type=sub, rule="t")
        return Mention(doc_id="d", sent_start=start, sent_end=start + 9, sentence="s", trigger=trigger)

    arrest, shooting = A._Group(), A._Group()
    arrest.add(mention(0, "Arrests"))
    shooting.add(mention(10, "Attack"))
    arrest.add(mention(30, "Arrests"))
    died = Count(kind="fatalities", low=1, best=1, high=1, text="he later died", start=22, end=35)
    after_all = Count(kind="injured", low=2, best=2, high=2, text="two were hurt", start=45, end=58)
    before_any = Count(kind="injured", low=1, best=1, high=1, text="one was hurt", start=0, end=0)
    findings = DocFindings(document=Document(id="d", text="x" * 60), counts=[died, after_all, before_any])
    A._attach_orphan_counts([arrest, shooting], findings)
    assert shooting.extra_counts == [died]
    assert arrest.extra_counts == [after_all, before_any]


def test_the_acts_day_parts_undated_news_only_when_it_is_the_incidents_day():
    # "the bombing perpetrated today" is the story's incident; "an attack on 30 October" on another
    # office hangs on violence too, but is not the day the story gives its own incident
    from eventwire.extract import DocFindings
    from eventwire.records import Document

    today = EventDate(date=dt.date(1989, 10, 31), precision="day", text="today", start=90, end=95)
    other = EventDate(date=dt.date(1989, 10, 30), precision="day", text="30 october", start=400, end=410)
    found = DocFindings(document=Document(id="d", text="", published=dt.date(1989, 10, 31)))
    found.incident_date, found.act_day = today, today
    assert A._act_told(found) == today
    found.act_day = other
    assert A._act_told(found) is None
    found.incident_date, found.act_day = today, None
    assert A._act_told(found) is None
