"""Claims of responsibility."""
from __future__ import annotations

import pytest

from eventwire.extract.attribution import find_statements
from eventwire.extract.claims import find_claims
from eventwire.resources.actors import same_actor


@pytest.fixture(scope="module")
def claims_of(nlp):
    def run(text: str):
        doc = nlp(text)
        return find_claims(doc, find_statements(doc))
    return run


@pytest.mark.parametrize("text, actor", [
    ("Al-Shabaab claimed responsibility for the bombing.", "Al-Shabaab"),
    ("The attack was claimed by al-Shabaab.", "al-Shabaab"),
    ("The Islamic State claimed the bombing.", "Islamic State"),
    ("The Baloch Liberation Army takes full responsibility for this operation.", "Baloch Liberation Army"),
])
def test_claim_forms(claims_of, text, actor):
    found = claims_of(text)
    assert len(found) == 1 and same_actor(found[0].actor, actor), found
    assert found[0].rule.startswith("claims.")


@pytest.mark.parametrize("text", [
    "No group claimed responsibility for the incident.",
    "The Taliban denied responsibility for the blast.",
    "Boko Haram has not claimed the attack.",
    "No group claimed responsibility; however, sources attributed the ambush to Boko Haram.",
])
def test_not_claims(claims_of, text):
    assert claims_of(text) == []


def test_channel_and_spokesperson(claims_of):
    found = claims_of("Tehrik-i-Taliban Pakistan (TTP) spokesman Muhammad Khurasani claimed responsibility "
                      "for the attack in a statement posted on Telegram.")
    assert same_actor(found[0].actor, "Tehrik-i-Taliban Pakistan")
    assert found[0].spokesperson == "Muhammad Khurasani"
    assert "Telegram" in found[0].channel


def test_worked_example(claims_of, examples_dir):
    found = claims_of((examples_dir / "jaffar_express.txt").read_text(encoding="utf-8"))
    assert len(found) == 1
    claim = found[0]
    assert same_actor(claim.actor, "Baloch Liberation Army")
    assert claim.spokesperson == "Jeeyand Baloch"
    assert claim.channel == "statement circulated on social media"
