"""Follow-ups: a report of an arrest, a trial or a funeral of a past incident yields no event,
but joins the incident it is about in the store (whichever report arrives first), and is
never exported as an event nor starts an incident of its own."""
from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest

from eventwire.cli.main import main
from eventwire.export import write_events
from eventwire.link import Incident, Link, reconcile
from eventwire.records import Count, Document, Event
from eventwire.store import Store, ingest, recode

from test_link import EVENTS, OUTLETS

SHOOTING = Document(
    id="shooting", published=dt.date(2016, 3, 7), title="Man shot dead in Dayton",
    text="Man shot dead in Dayton\n\nDAYTON, Ohio — A 24-year-old man was shot and killed Saturday night on "
         "Salem Avenue in Dayton, police said. The victim was identified as Marcus Whitfield, 24. Officers "
         "found him with a gunshot wound to the chest.")
VERDICT = Document(
    id="verdict", published=dt.date(2016, 9, 20), title="Dayton man convicted in Salem Avenue killing",
    text="Dayton man convicted in Salem Avenue killing\n\nDAYTON, Ohio — A jury on Tuesday convicted Darnell "
         "Hayes, 31, of murder in the shooting death of Marcus Whitfield on Salem Avenue in Dayton. "
         "Prosecutors told jurors that Hayes shot Whitfield, 24, after an argument. He will be sentenced "
         "next month.")
# another man's trial in the same city: it follows up no incident of the store
OTHER = Document(
    id="other", published=dt.date(2016, 9, 21), title="Jury convicts Dayton man in Riverside stabbing",
    text="Jury convicts Dayton man in Riverside stabbing\n\nDAYTON, Ohio — A jury on Wednesday convicted "
         "Leon Prater, 45, of assault in the stabbing of Gerald Mims outside a bar on Wayne Avenue. Mims "
         "testified that Prater attacked him with a knife.")


def _store(tmp_path, pipeline, *documents) -> Store:
    store = Store(f"sqlite:///{tmp_path / 'follow.db'}")
    for document in documents:  # one batch each: the order of arrival is the test's
        ingest([document], store, pipeline)
    return store


def test_a_verdict_report_yields_no_event_but_a_follow_up(pipeline):
    result = pipeline.process(VERDICT)
    assert result.events == []
    (follow_up,) = result.follow_ups
    assert follow_up.codes["follow_up"]["cue"].startswith("trial")
    assert follow_up.location is not None and follow_up.location.name == "Dayton"
    assert pipeline.process(SHOOTING).follow_ups == []  # news has events, no follow-up


@pytest.mark.parametrize("order", [(SHOOTING, VERDICT), (VERDICT, SHOOTING)], ids=["shooting first", "verdict first"])
def test_the_verdict_joins_the_shootings_incident_whichever_arrives_first(tmp_path, pipeline, order):
    with _store(tmp_path, pipeline, *order) as store:
        (event,) = list(store.events())
        assert event.doc_ids == ("shooting",)
        (incident,) = list(store.incidents())
        (follow_up,) = store.follow_ups(incident.incident_id)
        assert follow_up["doc_id"] == "verdict" and follow_up["linked_to"] == event.event_id
        assert follow_up["event_date"] == "2016-09-20"  # the report's own date, not the incident's
        assert incident.event_date == event.event_date == dt.date(2016, 3, 5)
        # the incident's reconciled record lists it, and its figure of the dead beside the shooting report's
        reconciliation = incident.codes["reconciliation"]
        assert [(f["doc_id"], f["event_date"], f["linked_to"]) for f in reconciliation["follow_ups"]] == [
            ("verdict", "2016-09-20", event.event_id)]
        dead = {f["doc_id"]: f for f in reconciliation["figures"]["fatalities"]}
        assert dead["verdict"]["follow_up"] and dead["verdict"]["published"] == "2016-09-20"
        assert {s["doc_id"]: s.get("follow_up", False) for s in reconciliation["sources"]} == {
            "shooting": False, "verdict": True}
        assert incident.doc_ids == ("shooting",)  # a follow-up is no report of the incident's own


def test_a_follow_up_alone_is_no_incident_and_no_exported_event(tmp_path, pipeline):
    with _store(tmp_path, pipeline, VERDICT) as store:
        assert list(store.events()) == [] and list(store.incidents()) == []
        assert store.counts()["incidents"] == 0
        out = io.StringIO()
        assert write_events([*store.events(), *store.incidents()], "acled-csv", out) == 0
        assert "Whitfield" not in out.getvalue()


def test_a_trial_of_another_incident_does_not_join(tmp_path, pipeline):
    assert pipeline.process(OTHER).follow_ups  # a follow-up, of an incident the store lacks
    with _store(tmp_path, pipeline, SHOOTING, OTHER) as store:
        (incident,) = list(store.incidents())
        assert store.follow_ups(incident.incident_id) == []


def test_recoding_the_shooting_keeps_the_follow_up_joined(tmp_path, pipeline):
    with _store(tmp_path, pipeline, SHOOTING, VERDICT) as store:
        store.version = "next"  # every stored document is now stale
        recode(store, pipeline)
        (incident,) = list(store.incidents())
        assert [f["doc_id"] for f in store.follow_ups(incident.incident_id)] == ["verdict"]


def _revised(event: Event, doc_id: str, day: dt.date, killed: int, status: str = "official") -> Event:
    """A follow-up report of ``event``'s incident, days later, giving ``killed`` dead."""
    count = Count("fatalities", killed, killed, killed, f"the toll rose to {killed}", 0, 20, status=status,
                  reported_by="police" if status == "official" else None)
    return dataclasses.replace(event, event_id=f"{doc_id}#1", doc_ids=(doc_id,), event_date=day, fatalities=count,
                               injured=Count("injured", 0, 0, 0, "shot him", 0, 8),
                               codes={**event.codes, "follow_up": {"cue": "funeral"}})


def test_a_revised_toll_in_a_follow_up_counts_with_its_source_and_date():
    first = EVENTS[4]  # the army's report of the hijacking: 25 to 58 killed (official)
    later = _revised(first, "funeral-1", first.event_date + dt.timedelta(days=8), 31)
    incident = Incident("inc", [first], [Link(first.event_id, None, 1.0, {"seed": True})],
                        follow_ups=[(later, Link(later.event_id, first.event_id, 0.9, {"identity": 0.9}))])
    sources = {**OUTLETS, "funeral-1": {"outlet": "Later Wire", "published": "2025-03-20"}}
    merged = reconcile(incident, sources)
    assert (merged.fatalities.low, merged.fatalities.best, merged.fatalities.high) == (25, 31, 58)
    (revised,) = [f for f in merged.codes["reconciliation"]["figures"]["fatalities"] if f["doc_id"] == "funeral-1"]
    assert revised["follow_up"] and revised["outlet"] == "Later Wire" and revised["published"] == "2025-03-20"
    assert revised["basis"] == "latest official figure"
    # a follow-up's zero (no one injured, it says by its silence) is listed, not counted
    (zero,) = merged.codes["reconciliation"]["figures"]["injured"]
    assert zero["basis"].startswith("not counted") and merged.injured is None
    # its date, place and kind stay the reports' own
    assert merged.event_date == first.event_date and merged.doc_ids == first.doc_ids
    assert merged.codes["reconciliation"]["follow_ups"][0]["event_date"] == "2025-03-20"
    # a follow-up that is a perpetrator's claim stays a claim
    claimed = _revised(first, "claim-1", first.event_date + dt.timedelta(days=2), 90, status="claimed")
    incident.follow_ups = [(claimed, Link(claimed.event_id, first.event_id, 0.9, {}))]
    assert reconcile(incident, sources).fatalities.high == 58


def test_incidents_show_lists_follow_ups_and_each_sources_figures(tmp_path, pipeline, capsys):
    db = tmp_path / "follow.db"
    with Store(f"sqlite:///{db}") as store:
        for document in (SHOOTING, VERDICT):
            ingest([document], store, pipeline)
        (incident,) = list(store.incidents())
    assert main(["incidents", "show", incident.incident_id, "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "follow-up verdict#" in out and "2016-09-20" in out and "marcus whitfield" in out
    assert "fatalities: 1/1/1" in out
    (line,) = [x for x in out.splitlines() if x.strip().startswith("verdict 2016-09-20: 1 [")]
    assert "follow-up" in line


def _chain():
    """A shooting's report naming the victim, an arrest a month on naming victim and suspect,
    a trial months on naming the suspect alone (written for this test)."""
    from test_link_misplaced import CHESTER_PA, DAY, report

    shot = report("shot", "Tyrone Banks, 24, was shot dead on Maple Avenue in Chester on Friday night.", CHESTER_PA)
    arrest = report("arrest", "Police arrested Dwayne Carter, 31, in the killing of Tyrone Banks on Maple Avenue.",
                    CHESTER_PA, DAY + dt.timedelta(days=30))
    trial = report("trial", "Dwayne Carter went on trial on Monday over the shooting on Maple Avenue; prosecutors "
                            "said Carter fired the shots.", CHESTER_PA, DAY + dt.timedelta(days=200))
    as_follow_up = lambda ev: dataclasses.replace(ev, event_id=f"{ev.doc_id}#f")  # noqa: E731
    return shot, as_follow_up(arrest), as_follow_up(trial)


def test_a_follow_up_joins_the_incident_through_another_follow_up_in_a_batch():
    from eventwire.link import attach_follow_ups, compare, link_events

    shot, arrest, trial = _chain()
    assert not compare(trial, shot).linked and compare(trial, arrest).linked  # the suspect and the street
    [incident] = link_events([shot])
    joined = attach_follow_ups([trial, arrest], [incident])
    assert [(ev.doc_id, inc is incident) for ev, inc, _ in joined] == [("trial", True), ("arrest", True)]
    trial_link = joined[0][2]
    assert trial_link.linked_to == arrest.event_id and trial_link.reasons["via_follow_up"] == arrest.event_id


@pytest.mark.parametrize("order", [("shot", "arrest", "trial"), ("trial", "arrest", "shot"),
                                   ("arrest", "trial", "shot"), ("trial", "shot", "arrest")])
def test_follow_ups_join_each_other_and_the_incident_whatever_arrives_first(tmp_path, order):
    shot, arrest, trial = _chain()
    reports = {"shot": ([shot], []), "arrest": ([], [arrest]), "trial": ([], [trial])}
    with Store(f"sqlite:///{tmp_path / 'chain.db'}") as store:
        run = store.start_run("test")
        for doc in order:
            events, follow = reports[doc]
            text = (events or follow)[0].evidence[0].sentence
            store.add(Document(id=doc, text=text, published=(events or follow)[0].event_date), events, run, follow)
        [incident] = store.incidents()
        follow_ups = {f["doc_id"]: f for f in store.follow_ups(incident.incident_id)}
    assert set(follow_ups) == {"arrest", "trial"}
    # each linked to the shooting's event, the trial through the arrest report
    assert {f["linked_to"] for f in follow_ups.values()} == {shot.event_id}
    assert follow_ups["trial"]["reasons"]["via_follow_up"] == arrest.event_id
