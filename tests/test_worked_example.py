"""The worked example (train hijacking in Balochistan), field by field.

../shared/examples/jaffar_express.expected.json is the hand-coded answer; each
test below checks one field of it against the most confident event.
"""
from __future__ import annotations

import datetime as dt
import json

import pytest

from eventwire.ingest import make_document
from eventwire.resources.actors import same_actor

THREAT_WORDS = ("threatened to execute", "Any military incursion")
BACKGROUND_WORDS = ("For decades", "hotbed of insurgency", "frequently targeting")


@pytest.fixture(scope="module")
def expected(examples_dir):
    return json.loads((examples_dir / "jaffar_express.expected.json").read_text())["expected_events"][0]


@pytest.fixture(scope="module")
def result(examples_dir, pipeline):
    text = (examples_dir / "jaffar_express.txt").read_text(encoding="utf-8")
    return pipeline.process(make_document(text, doc_id="jaffar-express", published="2025-03-11"))


@pytest.fixture(scope="module")
def event(result):
    assert result.events, "the worked example produced no event"
    return result.events[0]


def _fields_with_evidence(event):
    return {e.field for e in event.evidence}


def test_event_class(event, expected):
    types = {expected["event_type"], *expected["also_acceptable"]["event_type"]}
    subs = {expected["sub_event_type"], *expected["also_acceptable"]["sub_event_type"]}
    assert event.event_type in types
    assert event.sub_event_type in subs
    assert "event_type" in _fields_with_evidence(event)


def test_gtd_attack_type(event, expected):
    allowed = {expected["gtd_attack_type"], *expected["also_acceptable"]["gtd_attack_type"]}
    assert event.codes.get("gtd_attack_type") in allowed


def test_actor1_is_bla_as_rebel_group(event, expected):
    assert event.actor1 is not None
    assert same_actor(event.actor1.name, expected["actor1"]["name"])
    assert event.actor1.type == "rebel group"
    assert event.actor1.inter == 2


def test_actor2_is_civilians(event):
    assert event.actor2 is not None
    assert event.actor2.type == "civilians"
    assert event.actor2.name == "Civilians (Pakistan)"


def test_six_fatalities_claimed_by_bla(event):
    f = event.fatalities
    assert f is not None
    assert (f.low, f.best, f.high) == (6, 6, 6)
    assert f.status == "claimed"
    assert f.reported_by and same_actor(f.reported_by, "Baloch Liberation Army")
    assert "fatalities" in _fields_with_evidence(event)


def test_hostages_in_the_hundreds(event, expected):
    h = event.hostages
    assert h is not None
    assert h.low is not None and 100 <= h.low <= expected["hostages"]["low"]
    assert h.high is not None and h.high >= expected["hostages"]["high"]
    assert "hostages" in _fields_with_evidence(event)


def test_claim_with_spokesperson_and_channel(event):
    assert event.claims, "no claim of responsibility found"
    claim = event.claims[0]
    assert same_actor(claim.actor, "Baloch Liberation Army")
    assert claim.spokesperson == "Jeeyand Baloch"
    assert claim.channel and "social media" in claim.channel


def test_date(event):
    assert event.event_date == dt.date(2025, 3, 11)
    assert event.date_precision == "day"


def test_location_is_mushkaf_not_route_or_background(event, expected):
    loc = event.location
    assert loc is not None
    assert loc.country == "Pakistan" and loc.iso3 == "PAK"
    assert loc.admin1 == "Balochistan"
    assert loc.name not in expected["not_event_locations"]
    assert loc.geo_precision in (1, 2)
    assert loc.latitude is not None and abs(loc.latitude - 29.6) < 0.6
    assert abs(loc.longitude - 67.5) < 0.6


def test_route_and_background_places_have_roles(event):
    roles = {p.text: p.role for p in event.places}
    assert roles.get("Quetta") == "origin"
    assert roles.get("Peshawar") == "destination"
    for name in ("Gwadar", "Iran", "Afghanistan"):
        assert roles.get(name) not in (None, "event")


def test_threats_and_background_are_not_events(result):
    for ev in result.events:
        for e in ev.evidence:
            if e.field == "event_type":
                assert not any(w in e.sentence for w in THREAT_WORDS + BACKGROUND_WORDS), e.sentence
    rejected = {m.modality for m in result.findings.rejected}
    assert "threat" in rejected
    assert "background" in rejected


def test_every_event_field_has_evidence(event):
    have = _fields_with_evidence(event)
    for fieldname in ("event_type", "actor1", "actor2", "fatalities", "hostages", "location", "claims"):
        assert fieldname in have, f"no evidence for {fieldname}"
    for e in event.evidence:
        assert e.doc_id == "jaffar-express"
        assert e.rule


def test_evidence_spans_quote_words_not_line_breaks(examples_dir, result):
    """Each span starts and ends on a word: a reviewer's highlight covers the words."""
    text = (examples_dir / "jaffar_express.txt").read_text(encoding="utf-8")
    for ev in result.events:
        for e in ev.evidence:
            quoted = text[e.start:e.end]
            assert quoted == quoted.strip(), (e.field, e.rule, quoted[-30:])
        for c in ev.claims:
            assert text[c.start:c.end] == c.text
