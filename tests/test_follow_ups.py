"""Follow-ups: a report of an arrest, a trial or a funeral of a past incident yields no event,
but joins the incident it is about in the store (whichever report arrives first), and is
never exported as an event nor starts an incident of its own."""
from __future__ import annotations

import datetime as dt
import io

import pytest

from eventwire.export import write_events
from eventwire.records import Document
from eventwire.store import Store, ingest, recode

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
