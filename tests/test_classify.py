"""Event classes: taxonomy, trigger lexicon + parse rules, GTD attack type and precedence."""
from __future__ import annotations

import pytest

from eventwire.extract import classify, modality
from eventwire.records import Count, Mention, Trigger
from eventwire.resources import taxonomy


def test_taxonomy_has_acled_and_gtd_classes():
    assert len(taxonomy.EVENT_TYPES) == 6
    assert sum(len(v) for v in taxonomy.SUB_EVENT_TYPES.values()) == 25
    assert taxonomy.event_type_of("Air/drone strike") == "Explosions/Remote violence"
    assert taxonomy.GTD_ATTACK_TYPES[0] == "Assassination"
    assert taxonomy.GTD_ATTACK_TYPES[-1] == "Unknown"
    assert taxonomy.gtd_precedence("Hijacking") < taxonomy.gtd_precedence("Bombing/Explosion")


@pytest.mark.parametrize("event_type,sub,legacy", [
    ("Protests", "Peaceful protest", "Riots/Protests"),
    ("Riots", "Mob violence", "Riots/Protests"),
    ("Battles", "Armed clash", "Battle-No change of territory"),
    ("Battles", "Government regains territory", "Battle-Government regains territory"),
    ("Battles", "Non-state actor overtakes territory", "Battle-Non-state actor overtakes territory"),
    ("Explosions/Remote violence", "Grenade", "Remote violence"),
    ("Violence against civilians", "Attack", "Violence against civilians"),
    ("Strategic developments", "Arrests", "Strategic development"),
])
def test_legacy_family(event_type, sub, legacy):
    assert taxonomy.legacy_acled_family(event_type, sub) == legacy
    assert legacy in taxonomy.LEGACY_FAMILIES


def test_legacy_family_rejects_unknown_type():
    from eventwire.errors import ConfigError

    with pytest.raises(ConfigError):
        taxonomy.legacy_acled_family("Picnics", None)


def _best(nlp, text: str) -> Trigger:
    sent = next(nlp(text).sents)
    found = classify.find_triggers(sent)
    assert found, f"no trigger in {text!r}"
    return found[0]


@pytest.mark.parametrize("text,event_type,sub", [
    ("Hundreds of teachers staged a protest outside the education ministry on Monday.",
     "Protests", "Peaceful protest"),
    ("Police fired tear gas to disperse the demonstrators gathered near parliament.",
     "Protests", "Protest with intervention"),
    ("Security forces opened fire on the protesters, killing three of them.",
     "Protests", "Excessive force against protesters"),
    ("Rioters pelted stones at shops and set two buses on fire in the old city.",
     "Riots", "Violent demonstration"),
    ("A mob lynched a man accused of theft in the village.", "Riots", "Mob violence"),
    ("Militants clashed with soldiers near the border, and the fighting lasted hours.",
     "Battles", "Armed clash"),
    ("Gunmen shot dead three villagers in their fields.", "Violence against civilians", "Attack"),
    ("Army troops recaptured the town of Kalma from the rebels.", "Battles", "Government regains territory"),
    ("A drone strike hit a compound in the district, killing four.", "Explosions/Remote violence",
     "Air/drone strike"),
    ("A suicide bomber blew himself up at a checkpoint.", "Explosions/Remote violence", "Suicide bomb"),
    ("A roadside bomb exploded as a convoy passed.", "Explosions/Remote violence",
     "Remote explosive/landmine/IED"),
    ("Rebels fired mortar shells into the market.", "Explosions/Remote violence",
     "Shelling/artillery/missile attack"),
    ("Unknown men hurled a grenade at a police station.", "Explosions/Remote violence", "Grenade"),
    ("Armed men abducted two aid workers from their car.", "Violence against civilians",
     "Abduction/forced disappearance"),
    ("Police arrested twelve members of the opposition party.", "Strategic developments", "Arrests"),
    ("The two sides signed a ceasefire agreement in the capital.", "Strategic developments", "Agreement"),
    ("Bomb disposal experts defused an explosive device found near the bridge.",
     "Strategic developments", "Disrupted weapons use"),
    ("Unknown men dynamited the offices of the workers' federation overnight.", "Explosions/Remote violence",
     "Remote explosive/landmine/IED"),
    ("Ten union members were killed in a dynamite attack on the federation's headquarters.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    # the subversives and the enemy of a war report are armed men, not unknown victims
    ("The patrol reported that several subversives were wounded near the river.", "Battles", "Armed clash"),
    ("Four of the enemy were killed near the bridge, the commander said.", "Battles", "Armed clash"),
    ("Subversives shot a peasant leader outside his home.", "Violence against civilians", "Attack"),
    ("Monitors heard about forty bursts of fire from small arms near the front line.",
     "Battles", "Armed clash"),
    # people burned to death or alive are killed, not property destroyed by fire
    ("A family of five burned to death after raiders set their hut alight.", "Violence against civilians", "Attack"),
    ("The raiders locked the shopkeeper inside and burned him to death.", "Violence against civilians", "Attack"),
    ("Militiamen burned three herders alive near the well.", "Violence against civilians", "Attack"),
    ("Rioters burned the customs office and two lorries.", "Riots", "Violent demonstration"),
])
def test_sentence_classes(nlp, text, event_type, sub):
    trig = _best(nlp, text)
    assert (trig.event_type, trig.sub_event_type) == (event_type, sub), trig.rule


def test_trigger_offsets_are_absolute_and_rule_names_words(nlp):
    doc = nlp("Nothing happened on Sunday. Gunmen attacked a bus carrying pilgrims.")
    sent = list(doc.sents)[1]
    trig = classify.find_triggers(sent)[0]
    assert doc.text[trig.start:trig.end] == trig.text
    assert trig.start >= sent.start_char
    assert trig.text in trig.rule and trig.rule.startswith("lex:")
    assert 0.0 <= trig.score <= 1.0


def test_target_decides_clash_or_attack(nlp):
    armed = _best(nlp, "Gunmen attacked a police checkpoint, killing two officers.")
    civil = _best(nlp, "Gunmen attacked a wedding party, killing two guests and a farmer.")
    assert armed.event_type == "Battles"
    assert civil.event_type == "Violence against civilians"


@pytest.mark.parametrize("text,sub", [
    ("Armed herders set fire to a row of huts in the hamlet overnight, injuring a woman and her son.", "Attack"),
    ("Armed herders set fire to a row of huts in the hamlet overnight after the families had fled.",
     "Looting/property destruction"),
])
def test_property_destroyed_with_harm_to_people_is_an_attack(nlp, text, sub):
    assert _best(nlp, text).sub_event_type == sub


@pytest.mark.parametrize("text,event_type", [
    ("Two soldiers died when a blast tore through their truck as they came back from a search operation.",
     "Explosions/Remote violence"),
    ("Two soldiers died in a blast and the fighting that followed near the border post.", "Battles"),
    # bursts of fire beside blasts at a front are the same remote fire, not a fight
    ("Monitors counted thirty explosions and bursts of fire near the village overnight.",
     "Explosions/Remote violence"),
])
def test_only_a_word_of_fighting_makes_a_blast_a_battle(nlp, text, event_type):
    assert _best(nlp, text).event_type == event_type


def test_reason_phrase_does_not_make_the_event(nlp):
    trig = _best(nlp, "Students protested against the killing of a classmate by unknown gunmen.")
    assert trig.event_type == "Protests"


def test_no_trigger_in_plain_sentence(nlp):
    assert classify.find_triggers(next(nlp("The province is rich in gas and minerals.").sents)) == []


@pytest.mark.parametrize("text,label", [
    ("Assailants shot and killed the district governor outside his home.", "Assassination"),
    ("Gunmen hijacked a passenger bus on the highway.", "Hijacking"),
    ("Assailants kidnapped three engineers from a construction site.", "Hostage Taking (Kidnapping)"),
    ("An explosive device detonated near a police vehicle.", "Bombing/Explosion"),
    ("Assailants opened fire on a group of farmers.", "Armed Assault"),
    ("Assailants set fire to a telecommunications tower near the highway.", "Facility/Infrastructure Attack"),
    ("Assailants attacked a village in the district.", "Unknown"),
])
def test_gtd_attack_type(nlp, text, label):
    sent = next(nlp(text).sents)
    trig = classify.find_triggers(sent)[0]
    got, rule = classify.gtd_attack_type(sent, trig, text)
    assert got == label, rule
    assert rule


def _mention(label: str | None, modality: str = "asserted", counts=()) -> Mention:
    trig = Trigger("x", 0, 1, "Battles", "Armed clash", "lex:test", 0.5)
    return Mention(doc_id="d", sent_start=0, sent_end=1, sentence="x", trigger=trig, modality=modality,
                   gtd_attack_types=((label, f"rule:{label}"),) if label else (), counts=tuple(counts))


def test_gtd_precedence_over_event_mentions():
    got = classify.gtd_attack_type_for_event([_mention("Armed Assault"), _mention("Hostage Taking (Kidnapping)"),
                                              _mention("Bombing/Explosion")])
    assert got == ("Hostage Taking (Kidnapping)", "rule:Hostage Taking (Kidnapping)")
    # a threatened assassination is not part of what happened
    got = classify.gtd_attack_type_for_event([_mention("Assassination", "threat"), _mention("Armed Assault")])
    assert got[0] == "Armed Assault"
    assert classify.gtd_attack_type_for_event([]) == (None, None)


def test_every_gtd_attack_type_of_a_sentence(nlp):
    text = "Gunmen killed a watchman and set fire to the farm."
    sent = next(nlp(text).sents)
    trig = classify.find_triggers(sent)[0]
    types = classify.gtd_attack_types(sent, trig, text)
    labels = [label for label, _ in types]
    assert labels[0] == classify.gtd_attack_type(sent, trig, text)[0]  # the first is GTD's attacktype1
    assert "Facility/Infrastructure Attack" in labels[1:] and len(set(labels)) == len(labels)
    assert any("set fire" in rule for label, rule in types if label == "Facility/Infrastructure Attack")


def test_further_gtd_attack_types_of_an_event():
    def told(*labels, modality="asserted"):
        trig = Trigger("x", 0, 1, "Violence against civilians", "Attack", "lex:test", 0.5)
        return Mention(doc_id="d", sent_start=0, sent_end=1, sentence="x", trigger=trig, modality=modality,
                       gtd_attack_types=tuple((label, f"rule:{label}") for label in labels))

    got = classify.gtd_attack_types_for_event([
        told("Armed Assault", "Facility/Infrastructure Attack"), told("Hostage Taking (Kidnapping)"),
        told("Bombing/Explosion", "Unknown"), told("Assassination", modality="threat")])
    # GTD's precedence, each type once, at most three (attacktype1-3), never Unknown beside a known type
    assert [t for t, _, _ in got] == ["Hostage Taking (Kidnapping)", "Bombing/Explosion", "Armed Assault"]
    assert [t for t, _, _ in classify.gtd_attack_types_for_event([told("Unknown")])] == ["Unknown"]
    words = classify.gtd_attack_type_words([told("Facility/Infrastructure Attack"), told("Armed Assault")],
                                           ["Facility/Infrastructure Attack"])
    assert [(t, r) for t, r, _ in words] == [("Facility/Infrastructure Attack", "rule:Facility/Infrastructure Attack")]


def test_hostage_count_means_hostage_taking():
    hostages = Count(kind="hostages", low=10, best=10, high=10, text="ten hostages", start=0, end=12)
    got, rule = classify.gtd_attack_type_for_event([_mention("Armed Assault", counts=[hostages])])
    assert got == "Hostage Taking (Kidnapping)" and "hostages" in rule


def test_event_class_prefers_intervention_over_peaceful():
    peaceful = Trigger("protest", 0, 7, "Protests", "Peaceful protest", "lex:protest(protest)", 0.8)
    dispersed = Trigger("dispersed", 40, 49, "Protests", "Protest with intervention",
                        "lex:protest(protesters)+cue_intervention(dispersed)", 0.6)
    assert classify.event_class([peaceful, dispersed]) is dispersed
    assert classify.event_class([]) is None


def test_a_bare_clash_told_elsewhere_as_a_riot_is_a_riot():
    clash = Trigger("clash", 0, 5, "Battles", "Armed clash", "lex:clash(clash)", 0.9)
    riot = Trigger("protesting", 60, 70, "Riots", "Violent demonstration",
                   "lex:protest(protesting)+cue_violent(clashed)", 0.7)
    march = Trigger("marched", 60, 67, "Protests", "Peaceful protest", "lex:protest(marched)", 0.7)
    assert classify.event_class([clash, riot]) is riot
    assert classify.event_class([clash]) is clash
    assert classify.event_class([clash, march]) is clash  # only a riot told elsewhere turns it


def _doc_class(nlp, text: str):
    doc = nlp(text)
    best = []
    mentions = []
    for sent in doc.sents:
        found = classify.find_triggers(sent)
        if found and modality.mention_modality(sent, found[0])[0] == "asserted":
            best.append(found[0])
            gtd, rule = classify.gtd_attack_type(sent, found[0], doc.text)
            mentions.append(Mention("d", sent.start_char, sent.end_char, sent.text, found[0],
                                    gtd_attack_types=((gtd, rule),) if gtd else ()))
    return classify.event_class(best), classify.gtd_attack_type_for_event(mentions)


def test_worked_example_class(nlp, examples_dir):
    text = (examples_dir / "jaffar_express.txt").read_text(encoding="utf-8")
    lead, (gtd, rule) = _doc_class(nlp, text)
    assert (lead.event_type, lead.sub_event_type) in {
        ("Violence against civilians", "Abduction/forced disappearance"), ("Battles", "Armed clash")}
    assert gtd in {"Hostage Taking (Barricade Incident)", "Hijacking"}, rule


@pytest.mark.parametrize("text", [
    "After the murder of the union leader, the guerrillas called off the talks with the army.",
    "Rebels and soldiers were in the area at the time of the massacre, the report said.",
])
def test_a_murder_is_one_sided_whoever_else_the_sentence_names(nlp, text):
    best = _best(nlp, text)
    assert best.sub_event_type == "Attack" and "armed_victims" not in best.rule


@pytest.mark.parametrize("text, protest", [
    ("The attackers struck the post shortly before midnight.", False),  # hit it
    ("A stray bullet struck a woman standing at the bus stop.", False),
    ("Teachers struck on Monday to demand higher pay.", True),  # a walkout takes no object
    ("Lawyers struck work on Monday over a new court fee.", True),  # or its work
])
def test_strike_with_an_object_hits(nlp, text, protest):
    sent = next(nlp(text).sents)
    found = [t.event_type for t in classify.find_triggers(sent)]
    assert ("Protests" in found) == protest, found


@pytest.mark.parametrize("text", [
    "The toll rose to 32 on Sunday, as more of the wounded died in hospital.",
    "Doctors treated the injured at the scene.",
])
def test_a_participle_with_the_names_people_not_an_act(nlp, text):
    sent = next(nlp(text).sents)
    assert not [t for t in classify.find_triggers(sent) if t.text in ("wounded", "injured")]


def test_a_participle_as_a_verb_is_still_an_act(nlp):
    sent = next(nlp("Three people were wounded in the blast.").sents)
    assert [t for t in classify.find_triggers(sent) if t.text == "wounded"]


@pytest.mark.parametrize("text", [
    "Four nuns were murdered on 2 December by a group of men wearing army uniforms.",
    "The priests were killed by some 30 men dressed in olive drab uniforms.",
    "The mayor was shot dead by uniformed individuals outside his home.",
])
def test_men_in_uniform_are_armed_not_a_mob(nlp, text):
    best = _best(nlp, text)
    assert best.event_type == "Violence against civilians" and best.sub_event_type == "Attack", best


def test_children_in_school_uniforms_are_civilians(nlp):
    best = _best(nlp, "Gunmen killed three children wearing school uniforms near the market.")
    assert best.sub_event_type == "Attack" and "armed" not in best.rule, best


@pytest.mark.parametrize("text, weapon", [
    ("Bearing in mind that mine is a rather hopeful opinion, I would say yes.", False),
    ("He said that the decision was mine and nobody else's.", False),
    ("A mine exploded on the road, killing two peasants.", True),
    ("Two soldiers stepped on a mine near the border.", True),
])
def test_the_pronoun_mine_is_no_land_mine(nlp, text, weapon):
    sent = next(nlp(text).sents)
    found = [t for t in classify.find_triggers(sent) if t.text.lower() == "mine"]
    assert bool(found) == weapon, found


@pytest.mark.parametrize("text", [
    "A 17-year-old was shot and killed outside a store on Friday night, police said.",
    "A man was shot dead in his car on Main Street, police said.",
])
def test_the_police_who_tell_of_a_killing_are_no_party_to_it(nlp, text):
    best = _best(nlp, text)
    assert (best.event_type, best.sub_event_type) == ("Violence against civilians", "Attack"), best.rule


def test_police_in_the_act_still_make_it_a_clash(nlp):
    best = _best(nlp, "Gunmen shot and killed two police officers at a checkpoint, officials said.")
    assert best.event_type == "Battles", best.rule


@pytest.mark.parametrize("text,taken", [
    ("Key documents on the arms deal disappeared from the ministry's archive last year.", False),
    ("The money collected for the flood victims has disappeared.", False),
    ("Two students disappeared after soldiers stopped their bus near the bridge.", True),
])
def test_a_thing_that_disappeared_was_taken_by_no_one(nlp, text, taken):
    sent = next(nlp(text).sents)
    subs = {t.sub_event_type for t in classify.find_triggers(sent)}
    assert ("Abduction/forced disappearance" in subs) == taken
