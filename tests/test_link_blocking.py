"""Blocking and order in linking: which reports are compared, and which event of an article
links first. Reports are written for this test in the style of US local news."""
from __future__ import annotations

import dataclasses
import datetime as dt

from eventwire.link import blocked_together, compare, link_events, with_identity
from eventwire.link._config import load_config
from eventwire.link._link import Blocker
from eventwire.records import Actor, Count, Document, Event, Evidence, Location
from eventwire.store import Store
from eventwire.store._linker import EventCache, _candidates

DAY = dt.date(2016, 3, 9)
TOWN = Location("Wilkinsburg", "United States", "USA", "Pennsylvania", "Allegheny County",
                latitude=40.44, longitude=-79.88, geo_precision=1)
CITY = Location("Pittsburgh", "United States", "USA", "Pennsylvania", "Allegheny County",
                latitude=40.44, longitude=-79.99, geo_precision=1)
ELSEWHERE = Location("Columbus", "United States", "USA", "Ohio", "Franklin County",
                     latitude=39.96, longitude=-83.0, geo_precision=1)
GUNMEN = Actor("Unidentified Armed Group (United States)", "other", 3)
CIVILIANS = Actor("Civilians (United States)", "civilians", 7)


def report(doc: str, text: str, day: dt.date = DAY, place: Location = TOWN, confidence: float = 0.8,
           n: int = 1, killed: int | None = None) -> Event:
    count = {"fatalities": Count("fatalities", killed, killed, killed, str(killed), 0, 2)} if killed else {}
    ev = Event(event_id=f"{doc}#{n}", doc_ids=(doc,), event_type="Violence against civilians", sub_event_type="Attack",
               event_date=day, date_precision="day", actor1=GUNMEN, actor2=CIVILIANS, location=place,
               evidence=(Evidence("event_type", doc, 0, len(text), text, text, "test.hand"),),
               confidence=confidence, **count)
    return with_identity(ev, text)


SHOOTING = report("first", "Two gunmen opened fire on a backyard cookout on Franklin Avenue in Wilkinsburg, "
                           "killing five people, among them Chanetta Powell, 27, and Jerry Shelton, 35.", killed=5)
ARREST = report("arrest", "Police arrested Cheron Shelton in the killing of Chanetta Powell, 27, at the Franklin "
                          "Avenue cookout, nearly five months after the shooting.", day=DAY + dt.timedelta(days=150))
OTHER = report("other", "A man was wounded in a shooting on Hay Street in Wilkinsburg on Tuesday night, "
                        "police said.", day=DAY + dt.timedelta(days=150))


def test_blocking_compares_the_window_of_the_province_and_shared_names_only():
    blocker = Blocker(load_config())
    nearby = report("nearby", "A man was shot on Penn Avenue in Pittsburgh.", day=DAY + dt.timedelta(days=3),
                    place=CITY)
    far_state = report("ohio", "A man was shot on High Street in Columbus.", day=DAY, place=ELSEWHERE)
    for ev in (SHOOTING, nearby, far_state):
        blocker.add(ev)
    # Five months later: only the report that names the same victim and street is compared.
    assert {e.event_id for e in blocker.candidates(ARREST)} == {"first#1"}
    assert {e.event_id for e in blocker.candidates(OTHER)} == set()
    # Within the week: the province's reports, not another state's.
    same_week = report("week", "Officers patrolled Wilkinsburg after the shooting.", day=DAY + dt.timedelta(days=1))
    assert {e.event_id for e in blocker.candidates(same_week)} == {"first#1", "nearby#1"}


def test_follow_up_months_later_joins_on_the_victim_named_and_keeps_its_date():
    incidents = link_events([OTHER, ARREST, SHOOTING])
    together = next(inc for inc in incidents if any(e.event_id == "first#1" for e in inc.events))
    assert {e.event_id for e in together.events} == {"first#1", "arrest#1"}
    link = next(lk for lk in together.links if lk.event_id == "arrest#1")
    assert link.reasons["followup"] is True and "chanetta powell" in link.reasons["shared"]["names"]
    assert next(e for e in together.events if e.event_id == "arrest#1").event_date == DAY + dt.timedelta(days=150)
    assert not any(e.event_id == "other#1" for e in together.events)


def test_ages_that_disagree_do_not_identify_an_incident():
    a = report("a", "Three teens, aged 15, 16 and 17, were shot in Miami on Sunday.", place=CITY)
    b = report("b", "Two teens, 15 and 19, and a man, 44, were wounded in a shooting in Miami.", place=CITY,
               day=DAY + dt.timedelta(days=2))
    cmp = compare(a, b)
    assert "ages" not in cmp.reasons["shared"] and not cmp.linked, cmp.reasons


def test_an_articles_lead_event_links_before_its_passing_mentions():
    # The second report's passing mention (low confidence) is of the same shooting, but the
    # article is about it: its lead event must be the one in the incident.
    lead = report("second", "Five people were killed at a cookout on Franklin Avenue in Wilkinsburg; "
                            "Chanetta Powell, 27, was among them.", day=DAY + dt.timedelta(days=1), killed=5)
    mention = dataclasses.replace(lead, event_id="second#2", confidence=0.3, event_date=DAY)
    incidents = link_events([mention, lead, SHOOTING])
    together = next(inc for inc in incidents if any(e.event_id == "first#1" for e in inc.events))
    assert {e.event_id for e in together.events} == {"first#1", "second#1"}


def test_store_finds_a_follow_up_months_later_through_the_key_index(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'k.db'}") as store:
        run = store.start_run("test")
        for ev, text in ((SHOOTING, SHOOTING.evidence[0].sentence), (OTHER, OTHER.evidence[0].sentence),
                         (ARREST, ARREST.evidence[0].sentence)):
            store.add(Document(id=ev.doc_ids[0], text=text, published=ev.event_date), [ev], run)
        groups = sorted(sorted(d for d in inc.doc_ids) for inc in store.incidents())
    assert groups == [["arrest", "first"], ["other"]]


def test_a_spokesperson_or_reporter_named_in_both_is_no_particular():
    a = report("a", "By Liz Fabian. A man was shot on a porch in Macon, spokeswoman Sonya Toler said.", place=CITY)
    b = report("b", "By Liz Fabian. A teen was shot dead in a car in Macon, spokeswoman Sonya Toler said.",
               place=CITY, day=DAY + dt.timedelta(days=40))
    cmp = compare(a, b)
    assert "names" not in cmp.reasons["shared"] and not cmp.linked, cmp.reasons


def test_a_report_years_apart_joins_only_on_two_people_named_in_both(tmp_path):
    # A sentencing three years on (or a report whose date was misread by years) names the
    # victim and the man convicted; another report names only the victim.
    later = DAY + dt.timedelta(days=3 * 365)
    sentencing = report("sentence", "Cheron Shelton was sentenced for the killing of Chanetta Powell at a "
                                    "cookout in Wilkinsburg.", day=later)
    one_name = report("onename", "A vigil remembered Chanetta Powell in Wilkinsburg.", day=later)
    assert compare(SHOOTING, sentencing).linked is False  # the shooting names Jerry Shelton, not Cheron
    first = report("first", SHOOTING.evidence[0].sentence + " Police charged Cheron Shelton.", killed=5)
    cmp = compare(first, sentencing)
    assert cmp.linked and cmp.reasons["date_gap_days"] > load_config().long_followup_days, cmp.reasons
    assert not compare(first, one_name).linked
    blocker = Blocker(load_config())
    blocker.add(first)
    assert [e.event_id for e in blocker.candidates(sentencing)] == ["first#1"]
    with Store(f"sqlite:///{tmp_path / 'y.db'}") as store:
        run = store.start_run("test")
        for ev in (first, one_name, sentencing):
            store.add(Document(id=ev.doc_ids[0], text=ev.evidence[0].sentence, published=ev.event_date), [ev], run)
        groups = sorted(sorted(inc.doc_ids) for inc in store.incidents())
    assert groups == [["first", "sentence"], ["onename"]]


def test_the_store_weighs_a_new_report_against_every_report_of_an_incident(tmp_path):
    # Months after the cookout shooting (two reports) came the arrest in it; a report of another
    # arrest in the town a day later matches the arrest report in general terms, and none of the
    # shooting's reports: it is a different incident, in the store as in a batch.
    second = report("second", "Five people were killed at a cookout on Franklin Avenue in Wilkinsburg; "
                              "Chanetta Powell, 27, was among them.", day=DAY + dt.timedelta(days=1), killed=5)
    later = report("later", "Police arrested a man in a killing in Wilkinsburg, nearly five months after the "
                            "shooting, police said.", day=DAY + dt.timedelta(days=151))
    assert compare(later, ARREST).linked and not compare(later, SHOOTING).linked
    batch = sorted(sorted(inc.doc_ids) for inc in link_events([SHOOTING, second, ARREST, later]))
    assert batch == [["arrest", "first", "second"], ["later"]]
    with Store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        run = store.start_run("test")
        for ev in (SHOOTING, second, ARREST, later):
            store.add(Document(id=ev.doc_ids[0], text=ev.evidence[0].sentence, published=ev.event_date), [ev], run)
        groups = sorted(sorted(inc.doc_ids) for inc in store.incidents())
    assert groups == batch


def test_the_blocking_is_one_rule_for_a_batch_and_the_store(tmp_path, monkeypatch):
    # Reports around the cookout shooting: the province's week, another state, a month-precision
    # date, a town of the same name in another state, a report with no place, the arrest months on.
    namesake = dataclasses.replace(TOWN, admin1="Ohio", admin2=None, latitude=None, longitude=None, geo_precision=2)
    month = report("month", "A shooting in Wilkinsburg this month left a man hurt.", day=DAY + dt.timedelta(days=20))
    events = [SHOOTING, ARREST, OTHER,
              report("nearby", "A man was shot on Penn Avenue in Pittsburgh.", day=DAY + dt.timedelta(days=3), place=CITY),
              report("ohio", "A man was shot on High Street in Columbus.", day=DAY, place=ELSEWHERE),
              dataclasses.replace(month, date_precision="month"),
              report("namesake", "A man was shot on Main Street in Wilkinsburg.", day=DAY + dt.timedelta(days=2),
                     place=namesake),
              dataclasses.replace(report("nowhere", "A man named Jerry Shelton, 35, was shot.",
                                         day=DAY + dt.timedelta(days=30)), location=None),
              report("late", "Hay Street in Wilkinsburg was quiet a week on.", day=DAY + dt.timedelta(days=9))]
    cfg = load_config()
    for event in events:
        blocker = Blocker(cfg)
        for other in events:
            if other is not event:
                blocker.add(other)
        ruled = {m.event_id for m in events if m is not event and blocked_together(event, m, cfg)}
        assert {m.event_id for m in blocker.candidates(event)} == ruled, event.event_id
    # Each kind of pair occurs: in the window, by a shared particular only, by a namesake town, and neither.
    assert blocked_together(SHOOTING, events[6], cfg) and blocked_together(ARREST, SHOOTING, cfg)
    assert not blocked_together(SHOOTING, events[4], cfg) and not blocked_together(OTHER, SHOOTING, cfg)
    # The store asks its tables more widely, then keeps the same pairs (each stored apart here,
    # by a linker so strict that nothing links).
    strict = dataclasses.replace(cfg, link_score=2.0, min_identity=9.0, followup_identity=9.0, apart_identity=9.0,
                                 country_identity=9.0, unknown_country_identity=9.0, toll_days=-1)
    monkeypatch.setattr("eventwire.store._linker.load_config", lambda: strict)
    with Store(f"sqlite:///{tmp_path / 'b.db'}") as store:
        run = store.start_run("test")
        for ev in events:
            store.add(Document(id=ev.doc_ids[0], text=ev.evidence[0].sentence, published=ev.event_date), [ev], run)
        with store.session() as s:
            for event in events:
                found = {m.event_id for inc in _candidates(s, event, cfg, EventCache()) for m in inc.events}
                ruled = {m.event_id for m in events if m is not event and blocked_together(event, m, cfg)}
                assert found == ruled, event.event_id
