"""Incidents in the store: merging when a new report bridges two, manual merge and split,
undo, and the record of each (the ``eventwire incidents`` commands over them)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging

import pytest

from eventwire.cli.main import main
from eventwire.errors import StoreError
from eventwire.link import Incident, load_config, place, with_identities
from eventwire.link._link import incidents_compatible
from eventwire.records import Document, Event, Evidence
from eventwire.store import Store

from test_link import DAY, EVENTS, REPORTS

BY_DOC = {r[1]: r for r in REPORTS}
JAFFAR = [ev for ev in EVENTS if BY_DOC[ev.doc_id][0] == "jaffar"]


def _add(store: Store, events) -> None:
    run = store.start_run("test")
    for ev in events:
        r = BY_DOC[ev.doc_id]
        store.add(Document(id=ev.doc_id, text=r[3], published=ev.event_date, outlet=r[2]), [ev], run)


@pytest.fixture
def store(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'e.db'}") as st:
        yield st


def _link_nothing(monkeypatch) -> None:
    """Store what follows with a linker so strict nothing links."""
    strict = dataclasses.replace(load_config(), link_score=2.0, min_identity=9.0,
                                 followup_identity=9.0, apart_identity=9.0, country_identity=9.0, toll_days=-1)
    monkeypatch.setattr("eventwire.store._linker.load_config", lambda: strict)


def _incident_of(store: Store, doc_id: str) -> str:
    return next(i.incident_id for i in store.incidents() if doc_id in i.doc_ids)


def test_a_report_that_matches_two_incidents_merges_them(store, monkeypatch):
    # Two reports stored apart (a linker so strict nothing links), then a third
    # report that matches both under the usual thresholds: they are one incident.
    _link_nothing(monkeypatch)
    _add(store, [JAFFAR[0], JAFFAR[4]])  # Dawn (Mushkaf) and ISPR (Sibi)
    assert len(list(store.incidents())) == 2
    monkeypatch.setattr("eventwire.store._linker.load_config", load_config)
    _add(store, [JAFFAR[2]])  # the BLA statement names the train, the group and Bolan
    incidents = list(store.incidents())
    assert len(incidents) == 1
    assert set(incidents[0].doc_ids) == {"dawn-1", "ispr-1", "telegram-1"}
    [edit] = store.incident_edits()
    assert edit["action"] == "merge" and edit["author"] == "link"
    assert edit["reasons"]["event_id"] == "telegram-1#1" and edit["reasons"]["score"] > 0
    merges = incidents[0].codes["reconciliation"]["merges"]
    assert merges and merges[0]["edit"] == edit["edit"]
    # Undo puts the merged report back in its own incident.
    store.undo_edit(edit["edit"], author="analyst")
    assert len(list(store.incidents())) == 2
    assert store.incident_edits()[0]["undone_by"] == store.incident_edits()[1]["edit"]


def test_a_merge_undone_by_an_analyst_is_not_made_again(store, monkeypatch):
    _link_nothing(monkeypatch)
    _add(store, [JAFFAR[0], JAFFAR[4]])
    monkeypatch.setattr("eventwire.store._linker.load_config", load_config)
    _add(store, [JAFFAR[2]])
    [edit] = store.incident_edits()
    store.undo_edit(edit["edit"], author="analyst", note="two incidents")
    # Another report that bridges the same two joins one of them; the two stay apart.
    again = dataclasses.replace(JAFFAR[2], event_id="telegram-2#1", doc_ids=("telegram-2",))
    store.add(Document(id="telegram-2", text=BY_DOC["telegram-1"][3] + " Later report.", outlet="Telegram"), [again],
              store.start_run("test"))
    assert sorted(len(i.doc_ids) for i in store.incidents()) == [1, 3]
    assert [e["action"] for e in store.incident_edits()] == ["merge", "undo"]


# Four shootings at Quetta checkpoints in one week, each report naming its own victim,
# in the wording every such report shares; then a report that names nobody.
VICTIMS = ["Abdul Ghani", "Nazir Ahmed", "Rashid Baloch", "Imran Kakar"]


def _checkpoint_report(doc: str, day: int, victim: str | None) -> tuple[Document, Event]:
    text = ("Gunmen on a motorcycle shot dead a police constable on duty at a checkpoint in Quetta, police said."
            + (f" The constable was named as {victim}." if victim else ""))
    base = BY_DOC["dawn-3"]
    ev = dataclasses.replace(next(e for e in EVENTS if e.doc_id == "dawn-3"), event_id=f"{doc}#1", doc_ids=(doc,),
                             event_date=DAY + dt.timedelta(days=day),
                             evidence=(Evidence("event_type", doc, 0, len(text), text, text, "test.hand"),))
    return Document(id=doc, text=text, published=ev.event_date, outlet=base[2]), ev


def test_a_generic_report_does_not_fold_distinct_incidents_together(store, monkeypatch, caplog):
    # Stored apart (each names a different constable), as a linker that never merges keeps them.
    _link_nothing(monkeypatch)
    run = store.start_run("test")
    reports = [_checkpoint_report(f"checkpoint-{i}", i % 3, victim) for i, victim in enumerate(VICTIMS)]
    for doc, ev in reports:
        store.add(doc, [ev], run)
    assert len(list(store.incidents())) == 4
    monkeypatch.setattr("eventwire.store._linker.load_config", load_config)
    # The report that names nobody matches every one of them as strongly as a bridge needs,
    # and each merge is declined with its reason (different constables named) ...
    stored = [Incident(doc.id, with_identities([ev], doc.text)) for doc, ev in reports]
    doc, ev = _checkpoint_report("generic", 1, None)
    with caplog.at_level(logging.INFO, logger="eventwire.link"):
        placed = place(with_identities([ev], doc.text)[0], stored)
        store.add(doc, [ev], run)
    assert placed.incident is not None and not placed.merge
    assert len(placed.declined) == 3 and all("conflicting particulars" in why for _, why in placed.declined)
    assert "not merged (conflicting particulars" in caplog.text
    # ... so the store keeps four incidents (the report joins one) and records no merge.
    incidents = list(store.incidents())
    assert len(incidents) == 4 and sorted(len(i.doc_ids) for i in incidents) == [1, 1, 1, 2]
    assert store.incident_edits() == []


def test_a_report_naming_the_victims_of_both_merges_incidents_first_reported_by_different_names(store, monkeypatch):
    # One attack on a checkpoint, two constables killed: the first reports each name one of them
    # and are stored apart; a later report names both.
    _link_nothing(monkeypatch)
    run = store.start_run("test")
    for i, victim in enumerate(VICTIMS[:2]):
        first, ev = _checkpoint_report(f"first-{i}", 0, victim)
        store.add(first, [ev], run)
    assert len(list(store.incidents())) == 2
    monkeypatch.setattr("eventwire.store._linker.load_config", load_config)
    doc, ev = _checkpoint_report("later", 0, None)
    text = doc.text + f" The constables were named as {VICTIMS[0]} and {VICTIMS[1]}."
    ev = dataclasses.replace(ev, evidence=(Evidence("event_type", "later", 0, len(text), text, text, "test.hand"),))
    store.add(dataclasses.replace(doc, text=text), [ev], run)
    [incident] = store.incidents()
    assert set(incident.doc_ids) == {"first-0", "first-1", "later"}
    [edit] = store.incident_edits()
    assert edit["action"] == "merge" and edit["author"] == "link"
    # a report naming one of them and a third person does not: the other's victim is not its
    store.undo_edit(edit["edit"], author="analyst")
    x, y = (Incident(d, [e for e in store.events() if e.doc_id == d]) for d in ("first-0", "first-1"))
    assert "conflicting particulars" in incidents_compatible(x, y, load_config(), with_identities(
        [ev], doc.text + f" The constables were named as {VICTIMS[0]} and {VICTIMS[2]}.")[0])
    assert incidents_compatible(x, y, load_config(), with_identities([ev], text)[0]) is None


def test_a_lead_report_joins_the_incident_of_an_articles_lead_not_a_passing_mention(store):
    # An article whose lead is the group's statement on the hijacking also tells it a second
    # time in passing (kept apart by assemble: the article's events never share an incident).
    statement, dawn, afp = (next(e for e in JAFFAR if e.doc_id == d) for d in ("telegram-1", "dawn-1", "afp-1"))
    lead = dataclasses.replace(statement, event_id="roundup#1", doc_ids=("roundup",), confidence=0.9)
    passing = dataclasses.replace(dawn, event_id="roundup#2", doc_ids=("roundup",), confidence=0.5)
    text = BY_DOC["telegram-1"][3] + " " + BY_DOC["dawn-1"][3]
    store.add(Document(id="roundup", text=text, published=DAY, outlet="Wire"), [passing, lead], store.start_run("t"))
    assert len(list(store.incidents())) == 2
    # AFP's report matches the passing mention better than the lead ...
    new = with_identities([afp], BY_DOC["afp-1"][3])[0]
    both = [Incident("lead", with_identities([lead, passing], text)[:1]),
            Incident("passing", with_identities([lead, passing], text)[1:])]
    assert place(new, both).incident.incident_id == "passing"
    # ... but an article's lead joins the incident holding a lead, as in a batch
    assert place(new, both, leads={"roundup#1", new.event_id}).incident.incident_id == "lead"
    _add(store, [afp])
    incident_of = {ev.event_id: ev.incident_id for ev in store.events()}
    assert incident_of["afp-1#1"] == incident_of["roundup#1"] != incident_of["roundup#2"]


def test_one_report_merges_at_most_the_configured_number_of_incidents():
    # Three reports of the hijacking kept apart; a fourth matches all three.
    a, b, c = (Incident(f"i{i}", [ev]) for i, ev in enumerate([JAFFAR[0], JAFFAR[4], JAFFAR[3]]))
    bridge = JAFFAR[2]
    assert len(place(bridge, [a, b, c]).merge) == 1
    placed = place(bridge, [a, b, c], dataclasses.replace(load_config(), max_merges_per_report=2))
    assert len(placed.merge) == 2 and not placed.declined
    assert [why for _, why in place(bridge, [a, b, c]).declined] == [
        "merge cap: one report merges at most 1 incident(s)"]


def test_split_then_undo_and_merge_by_hand(store):
    _add(store, JAFFAR)
    jaffar = _incident_of(store, "dawn-1")
    new_id, edit = store.split_incident(jaffar, ["followup-1#1", "afp-1#1"], author="analyst", note="check")
    assert {i.incident_id: len(i.doc_ids) for i in store.incidents()} == {jaffar: 4, new_id: 2}
    # A report arriving later never re-merges what an analyst split apart.
    late = dataclasses.replace(JAFFAR[0], event_id="late#1", doc_ids=("late",))
    store.add(Document(id="late", text=BY_DOC["dawn-1"][3] + " Later report.", outlet="Late"), [late],
              store.start_run("test"))
    assert len(list(store.incidents())) == 2
    store.undo_edit(edit)
    assert [len(i.doc_ids) for i in store.incidents()] == [7]
    with pytest.raises(StoreError, match="already undone"):
        store.undo_edit(edit)
    new_id, _ = store.split_incident(jaffar, ["afp-1#1"])
    merge = store.merge_incidents(jaffar, [new_id], author="analyst")
    assert [len(i.doc_ids) for i in store.incidents()] == [7]
    assert [e["action"] for e in store.incident_edits(jaffar)] == ["split", "undo", "split", "merge"]
    assert store.incident_edits()[-1]["edit"] == merge


def test_edits_refuse_what_makes_no_sense(store):
    _add(store, JAFFAR[:2])
    inc = _incident_of(store, "dawn-1")
    with pytest.raises(StoreError, match="no incident"):
        store.merge_incidents(inc, ["inc-nope"])
    with pytest.raises(StoreError, match="empty"):
        store.split_incident(inc, ["dawn-1#1", "wire-1#1"])
    with pytest.raises(StoreError, match="no event"):
        store.split_incident(inc, ["x#1"])
    with pytest.raises(StoreError, match="no incident edit"):
        store.undo_edit(99)


def test_incidents_cli(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    with Store(f"sqlite:///{db}") as st:
        _add(st, JAFFAR)
        inc = _incident_of(st, "dawn-1")
    assert main(["incidents", "split", inc, "afp-1#1", "--db", db, "--author", "me", "--note", "why"]) == 0
    out = capsys.readouterr().out
    assert "edit 1" in out
    assert main(["incidents", "show", inc, "--db", db]) == 0
    out = capsys.readouterr().out
    assert "dawn-1#1" in out and "score" in out and "split" in out
    assert main(["incidents", "undo", "1", "--db", db]) == 0
    assert main(["incidents", "history", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "split" in out and "undone by 2" in out
    assert main(["incidents", "show", "inc-nope", "--db", db]) == 6
