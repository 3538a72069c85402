"""Linking across articles: a test set of differently worded reports.

Six reports of one train hijacking (hostage figures from 120 to 450, each
attributed differently, one follow-up three weeks later), two reports each of
two attacks in one city on the same day, a third attack there that day, and an
attack by the same group that day far away. The texts are written for this
test in the style of wire and local reports. Each report is coded by hand as
extract would code it, so the test measures linking alone.
"""
from __future__ import annotations

import datetime as dt
import itertools

import pytest

from eventwire.link import compare, link_events, reconcile
from eventwire.records import Actor, Claim, Count, Event, Evidence, Location

DAY = dt.date(2025, 3, 11)

PLACES = {
    "Mushkaf": Location("Mushkaf", "Pakistan", "PAK", "Balochistan", "Kachhi", latitude=29.62, longitude=67.48, geo_precision=1),
    "Bolan": Location("Kachhi", "Pakistan", "PAK", "Balochistan", "Kachhi", latitude=29.45, longitude=67.62, geo_precision=2),
    "Sibi": Location("Sibi", "Pakistan", "PAK", "Balochistan", "Sibi", latitude=29.54, longitude=67.88, geo_precision=2),
    "Balochistan": Location("Balochistan", "Pakistan", "PAK", "Balochistan", latitude=28.49, longitude=65.1, geo_precision=3),
    "Quetta": Location("Quetta", "Pakistan", "PAK", "Balochistan", "Quetta", latitude=30.18, longitude=67.0, geo_precision=1),
    "Turbat": Location("Turbat", "Pakistan", "PAK", "Balochistan", "Kech", latitude=26.0, longitude=63.05, geo_precision=1),
}
BLA = Actor("Baloch Liberation Army", "rebel group", 2)
CIVILIANS = Actor("Civilians (Pakistan)", "civilians", 7)
MILITARY = Actor("Military Forces of Pakistan", "state forces", 1)
POLICE = Actor("Police Forces of Pakistan", "state forces", 1)
ABDUCTION = ("Violence against civilians", "Abduction/forced disappearance")
IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED")

# (incident, doc, outlet, text, class, date, precision, place, actor1, actor2, counts, claimed_by)
REPORTS = [
    ("jaffar", "dawn-1", "Dawn",
     "Militants stormed the Jaffar Express in the Mushkaf area of Bolan on Tuesday and took more than 400 "
     "passengers hostage after blowing up the track, railway officials said.",
     ABDUCTION, DAY, "day", "Mushkaf", BLA, CIVILIANS, [("hostages", 400, None, None, "official", "railway officials")], "BLA"),
    ("jaffar", "wire-1", "Reuters",
     "Separatist gunmen blew up a railway line and seized a passenger train carrying about 450 people in "
     "Pakistan's southwestern Balochistan province, officials said.",
     ABDUCTION, DAY, "day", "Balochistan", None, CIVILIANS, [("hostages", 450, 450, 450, "official", "officials")], None),
    ("jaffar", "telegram-1", "BLA statement",
     "The Baloch Liberation Army said its fighters had hijacked the Jaffar Express in Bolan, were holding 214 "
     "hostages, most of them soldiers, and had killed 30 troops.",
     ABDUCTION, DAY, "day", "Bolan", BLA, MILITARY,
     [("hostages", 214, 214, 214, "claimed", "Baloch Liberation Army"), ("fatalities", 30, 30, 30, "claimed", "Baloch Liberation Army")], "BLA"),
    ("jaffar", "afp-1", "AFP",
     "At least 120 passengers of the hijacked train were still held by the attackers near a tunnel at Mushkaf, "
     "a security official told AFP, after 190 were freed overnight.",
     ABDUCTION, DAY + dt.timedelta(days=1), "day", "Mushkaf", None, CIVILIANS, [("hostages", 120, 120, None, "official", "security official")], None),
    ("jaffar", "ispr-1", "ISPR",
     "The army said the siege of the Jaffar Express near Sibi had ended; 21 passengers and four soldiers were "
     "killed and all 33 Baloch Liberation Army attackers were killed in the operation.",
     ABDUCTION, DAY + dt.timedelta(days=1), "day", "Sibi", BLA, CIVILIANS, [("fatalities", 25, 25, 58, "official", "Pakistan army")], None),
    ("jaffar", "followup-1", "The Express Tribune",
     "Three weeks after Baloch Liberation Army militants hijacked the Jaffar Express in Bolan, holding hundreds "
     "of passengers hostage, the train returned to service with an armed escort.",
     ABDUCTION, DAY, "month", "Bolan", BLA, CIVILIANS, [("hostages", 200, None, None, "media", None)], None),
    ("market", "geo-2", "Geo News",
     "A bomb fixed to a motorcycle exploded near the vegetable market on Sariab Road in Quetta, killing four "
     "people and wounding 12, police said.",
     IED, DAY, "day", "Quetta", None, CIVILIANS, [("fatalities", 4, 4, 4, "official", "police")], None),
    ("market", "app-2", "APP",
     "Four people died and a dozen were hurt when an explosive device fitted to a motorbike went off at a busy "
     "vegetable market on Sariab Road, Quetta, officials said.",
     IED, DAY, "day", "Quetta", None, CIVILIANS, [("fatalities", 4, 4, 4, "official", "officials")], None),
    ("checkpoint", "dawn-3", "Dawn",
     "Gunmen on a motorcycle shot dead a police constable on duty at a checkpoint in Satellite Town, Quetta, "
     "police said.",
     ("Battles", "Armed clash"), DAY, "day", "Quetta", None, POLICE, [("fatalities", 1, 1, 1, "official", "police")], None),
    ("checkpoint", "nni-3", "NNI",
     "A policeman was killed when unknown gunmen opened fire on a police checkpoint in the Satellite "
     "Town area of Quetta on Tuesday.",
     ("Battles", "Armed clash"), DAY, "day", "Quetta", None, POLICE, [("fatalities", 1, 1, 1, "unattributed", None)], None),
    ("grenade", "balochistan-post-4", "Balochistan Post",
     "Unknown men hurled a hand grenade at a mobile phone shop on Jinnah Road in Quetta, injuring three "
     "shopkeepers.",
     ("Explosions/Remote violence", "Grenade"), DAY, "day", "Quetta", None, CIVILIANS, [("injured", 3, 3, 3, "unattributed", None)], None),
    ("kech", "tbp-5", "The Balochistan Post",
     "Baloch Liberation Army fighters struck a Frontier Corps convoy with a roadside bomb near Turbat in Kech, "
     "killing five soldiers, the group said.",
     IED, DAY, "day", "Turbat", BLA, MILITARY, [("fatalities", 5, 5, 5, "claimed", "Baloch Liberation Army")], "BLA"),
]


def _event(row) -> Event:
    incident, doc, outlet, text, (etype, sub), date, precision, place, a1, a2, counts, claimed = row
    counts_kw = {kind: Count(kind, lo, best, hi, f"{kind} figure", 0, 10, status=status, reported_by=by)
                 for kind, lo, best, hi, status, by in counts}
    claims = (Claim("Baloch Liberation Army", "claimed", 0, 7, channel="statement"),) if claimed else ()
    return Event(event_id=f"{doc}#1", doc_ids=(doc,), event_type=etype, sub_event_type=sub, event_date=date,
                 date_precision=precision, actor1=a1, actor2=a2, location=PLACES[place], claims=claims,
                 evidence=(Evidence("event_type", doc, 0, len(text), text, text, "test.hand"),),
                 confidence=0.8, **counts_kw)


EVENTS = [_event(r) for r in REPORTS]
TRUTH = {f"{r[1]}#1": r[0] for r in REPORTS}
OUTLETS = {r[1]: {"outlet": r[2]} for r in REPORTS}


def pairwise(incidents) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering against TRUTH."""
    predicted = {ev.event_id: inc.incident_id for inc in incidents for ev in inc.events}
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(TRUTH), 2):
        same_true, same_pred = TRUTH[a] == TRUTH[b], predicted[a] == predicted[b]
        tp += same_true and same_pred
        fp += same_pred and not same_true
        fn += same_true and not same_pred
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def test_pairwise_precision_and_recall():
    incidents = link_events(EVENTS)
    precision, recall = pairwise(incidents)
    print(f"\nlinking test set: {len(EVENTS)} reports, {len(set(TRUTH.values()))} incidents -> "
          f"{len(incidents)} predicted; pairwise precision {precision:.3f} recall {recall:.3f}")
    assert precision == 1.0
    assert recall >= 0.9


def test_variant_reports_become_one_incident_with_a_range_and_every_source():
    incidents = link_events(EVENTS)
    jaffar = [inc for inc in incidents if any(ev.event_id == "dawn-1#1" for ev in inc.events)]
    assert len(jaffar) == 1
    merged = reconcile(jaffar[0], OUTLETS)
    docs = {r[1] for r in REPORTS if r[0] == "jaffar"}
    assert set(merged.doc_ids) == docs
    assert merged.hostages.low == 120 and merged.hostages.high == 450
    figures = merged.codes["reconciliation"]["figures"]["hostages"]
    assert {f["outlet"] for f in figures} >= {"Dawn", "Reuters", "BLA statement", "AFP"}
    claimed = [f for f in figures if f["status"] == "claimed"]
    assert claimed and claimed[0]["reported_by"] == "Baloch Liberation Army" and claimed[0]["best"] == 214
    # The most precise place and date win; every source is listed.
    assert merged.location.geo_precision == 1 and merged.location.name == "Mushkaf"
    assert merged.event_date == DAY and merged.date_precision == "day"
    assert {s["outlet"] for s in merged.codes["reconciliation"]["sources"]} >= {"Dawn", "ISPR", "The Express Tribune"}
    assert merged.fatalities.low == 25 and merged.fatalities.high == 58


def test_follow_up_weeks_later_links():
    later = Event(**{**{f: getattr(EVENTS[5], f) for f in EVENTS[5].__slots__},
                     "event_date": DAY + dt.timedelta(days=21), "date_precision": "day",
                     "event_id": "late#1", "doc_ids": ("late",)})
    cmp = compare(later, EVENTS[0])
    assert cmp.linked, cmp.reasons
    assert cmp.reasons["followup"] is True


@pytest.mark.parametrize("a,b", [("geo-2#1", "dawn-3#1"), ("geo-2#1", "balochistan-post-4#1"),
                                 ("dawn-3#1", "balochistan-post-4#1"), ("dawn-1#1", "tbp-5#1")])
def test_same_day_different_attacks_stay_apart(a, b):
    by_id = {ev.event_id: ev for ev in EVENTS}
    cmp = compare(by_id[a], by_id[b])
    assert not cmp.linked, cmp.reasons


def test_events_of_one_article_are_never_linked():
    a = EVENTS[6]
    b = Event(**{**{f: getattr(a, f) for f in a.__slots__}, "event_id": "geo-2#2"})
    assert not compare(a, b).linked


def test_links_keep_their_reasons():
    incidents = link_events(EVENTS)
    for inc in incidents:
        for link in inc.links:
            assert link.reasons
            if link.linked_to:
                assert {"date", "place", "actor", "event_class", "text"} <= set(link.reasons)


def test_link_order_does_not_matter():
    forward = {frozenset(ev.event_id for ev in inc.events) for inc in link_events(EVENTS)}
    backward = {frozenset(ev.event_id for ev in inc.events) for inc in link_events(EVENTS[::-1])}
    assert forward == backward


def _with_count(event: Event, doc: str, kind: str, n: int, status: str, by: str | None) -> Event:
    count = Count(kind, n, n, n, f"{n}", 0, 2, status=status, reported_by=by)
    return Event(**{**{f: getattr(event, f) for f in event.__slots__}, "event_id": f"{doc}#1", "doc_ids": (doc,),
                    kind: count})


def test_latest_official_figure_is_best_and_a_claim_stays_a_claim():
    base = EVENTS[6]  # the market bombing
    reports = [_with_count(base, "early", "fatalities", 4, "official", "police"),
               _with_count(base, "witness", "fatalities", 9, "witness", "a shopkeeper"),
               _with_count(base, "revised", "fatalities", 7, "official", "hospital officials"),
               _with_count(base, "claim", "fatalities", 40, "claimed", "the group")]
    published = {"early": "2025-03-11", "witness": "2025-03-11", "revised": "2025-03-13", "claim": "2025-03-14"}
    incident = link_events(reports)
    assert len(incident) == 1
    merged = reconcile(incident[0], {d: {"outlet": d.title(), "published": p} for d, p in published.items()})
    f = merged.fatalities
    assert (f.low, f.best, f.high) == (4, 7, 9)  # the claim's 40 is not a reported figure
    assert f.status == "official" and f.reported_by == "hospital officials"
    figures = {x["outlet"]: x for x in merged.codes["reconciliation"]["figures"]["fatalities"]}
    assert figures["Revised"]["basis"] == "latest official figure" and figures["Revised"]["published"] == "2025-03-13"
    assert figures["Claim"]["basis"] == "claim" and figures["Claim"]["best"] == 40
    # Only a claim: the count is the claim, and says so.
    only = reconcile(link_events([reports[3]])[0])
    assert only.fatalities.best == 40 and only.fatalities.status == "claimed"


def test_jaffar_reconciliation_per_source():
    """The Jaffar Express figures, each with its source, attribution and status."""
    jaffar = next(inc for inc in link_events(EVENTS) if any(ev.event_id == "dawn-1#1" for ev in inc.events))
    merged = reconcile(jaffar, OUTLETS)
    table = {kind: sorted((f["outlet"], f["low"], f["best"], f["high"], f["status"], f["reported_by"])
                          for f in merged.codes["reconciliation"]["figures"][kind])
             for kind in ("hostages", "fatalities")}
    print("\n" + "\n".join(f"{k}: {row}" for k, rows in table.items() for row in rows))
    assert ("BLA statement", 214, 214, 214, "claimed", "Baloch Liberation Army") in table["hostages"]
    assert ("ISPR", 25, 25, 58, "official", "Pakistan army") in table["fatalities"]
    assert (merged.hostages.low, merged.hostages.best, merged.hostages.high) == (120, 120, 450)
    assert (merged.fatalities.low, merged.fatalities.best, merged.fatalities.high) == (25, 25, 58)
