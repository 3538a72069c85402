"""Modality: threats, negations, plans, conditionals, denials, anniversaries, background."""
from __future__ import annotations

import pytest

from eventwire.extract import classify, modality


def _modality_of(nlp, text: str, word: str | None = None) -> tuple[str, str | None]:
    sent = next(nlp(text).sents)
    found = classify.find_triggers(sent)
    if word is not None:
        found = [t for t in found if word in t.text.lower()]
    assert found, f"no trigger in {text!r}"
    return modality.mention_modality(sent, found[0])


@pytest.mark.parametrize("text,word,expected,cue", [
    ("The group threatened to execute the hostages if troops attempted a rescue.", "hostage", "threat", "threatened"),
    ("The commander warned that his men would attack the convoy.", "attack", "threat", "warned"),
    ("No one was killed in the blast.", "kill", "negated", "No one"),
    ("Troops did not open fire on the crowd.", "open fire", "negated", "not"),
    ("The militia denied involvement in the attack on the market.", "attack", "denied", "denied"),
    ("Farmers plan to protest outside the assembly next week.", "protest", "plan", "plan"),
    ("Investigators say the two brothers plotted to kill the judge.", "kill", "plan", "plotted"),
    ("The men conspired to murder a witness in the case, prosecutors said.", "murder", "plan", "conspired"),
    ("The union will hold a rally in the capital on Friday.", "rally", "plan", "will"),
    ("Activists called for a general strike across the region.", "strike", "plan", "called"),
    ("If the talks fail, the rebels could attack the city.", "attack", "hypothetical", None),
    ("Residents gathered in the square, marking the anniversary of the massacre.", "massacre", "anniversary",
     "anniversary"),
    ("For decades, the region has seen militants frequently targeting government convoys.", "target",
     "background", None),
    ("Mines must be placed on the roads the convoys use.", "mine", "hypothetical", "must"),
    ("The minister said the border was crossed without a shot being fired.", "fire", "negated", "without"),
    ("The detained man had the mission of assassinating the governor.", "assassinat", "plan", "mission"),
    ("The court has twenty judges who handle political murder cases.", "murder", "generic", "murder cases"),
    ("Guards carry out body searches on every visitor to the prison.", "body", "generic", "body searches"),
    ("A bomb scare forced the evacuation of the embassy this morning.", "bomb", "generic", "bomb scare"),
    ("farmers say the valley still fears the murdering militias of the old war.", "murder", "generic",
     "murdering militias"),
    ("the mayor asked for troops to fight the kidnapping bands of the highlands.", "kidnap", "generic",
     "kidnapping bands"),
    ("The strikes are destroying the possibility of a negotiated peace.", "destroy", "generic", "possibility"),
    ("Unemployment has become a time bomb for the new government.", "bomb", "generic", "time bomb"),
    ("the opposition warned of a social explosion if prices rise again.", "explosion", "generic", "social explosion"),
    ("The senator harshly attacked the finance minister over the budget.", "attack", "generic", "harshly"),
    ("The bishop condemned the air force's indiscriminate bombings of the slums.", "bombing", "generic",
     "indiscriminate"),
    ("The delegation said it was engaged in a dialogue with the rebels in good faith.", "engage", "generic",
     "dialogue"),
    ("He was a journalist who fought with words, not with guns.", "fought", "generic", "words"),
    ("The ministry launched a diplomatic offensive across Europe.", "offensive", "generic", "diplomatic"),
    ("With a hundred men they could burn the fields and kill the farmers.", "kill", "hypothetical", "could"),
    ("No journalist has ever been arrested, beaten or murdered here.", "murder", "negated", "No journalist"),
    ("The mayor warned of armed squads that were going to kill the candidate.", "kill", "threat", "warned"),
    ("We remember the cold way in which the young reporter was killed at the checkpoint.", "kill", "anniversary",
     "remember"),
    ("The rebels threatened to retaliate after an attack on their camp.", "attack", "threat", "retaliate"),
    ("The governor issued a decree prohibiting rallies and demonstrations in the capital.", "demonstration",
     "hypothetical", "prohibiting"),
    ("The council banned protests outside the parliament for a month.", "protest", "hypothetical", "banned"),
    ("The report that the mayor's son was seriously wounded by gunmen is absolutely unfounded.", "wound", "denied",
     "unfounded"),
    ("The false report of the killing of dozens of villagers is completely groundless.", "killing", "denied",
     "false"),
    ("Families are being moved out of the district in order to proceed with the bombing of rebel positions.",
     "bombing", "plan", "in order to"),
    # an infinitive shares the auxiliary of the verb it completes, and the purpose of the one it joins
    ("A commando might attempt to kidnap the minister during his visit to the port.", "kidnap", "hypothetical",
     "might"),
    ("The gang will try to kill the witness before the trial.", "kill", "plan", "will"),
    # what talks are "aimed at" has not happened yet
    ("Envoys of both sides met in Addis Ababa on Friday for talks aimed at sealing a peace deal.", "peace deal", "plan",
     "aimed"),
    ("The government is doing all it can to block the vote and to murder those who laid down their arms.",
     "murder", "plan", "to block"),
    # arms held, not used: a thing made, a device named by what it does, an aircraft set down
    ("In the workshop the police found wire, batteries and material to fabricate bombs.", "bomb", "generic",
     "fabricate"),
    ("Soldiers confiscated two rifles, forty cartridges and twelve detonating caps at the farm.", "detonating",
     "generic", "confiscated"),
    ("Every private aircraft in the country has been placed under the control of the air force.", "aircraft",
     "generic", "no act"),
    # a weapon named as the subject of a verb told as a practice shares the verb's reading
    ("Bombs and grenades have been exploded in shops and bus terminals.", "grenade", "generic", "exploded"),
])
def test_not_events(nlp, text, word, expected, cue):
    got, got_cue = _modality_of(nlp, text, word)
    assert got == expected
    assert got_cue, "a non-asserted mention names its cue words"
    if cue:
        assert cue.lower() in got_cue.lower()


@pytest.mark.parametrize("text,word", [
    ("Gunmen killed four villagers on Tuesday.", "kill"),
    ("Hundreds of students staged a protest demanding the release of their leader.", "protest"),
    ("Residents gathered in the square, marking the anniversary of the massacre.", "gathered"),
    ("Police said militants attacked a checkpoint overnight.", "attack"),
    ("No group claimed responsibility for the attack.", "attack"),
    ("Gunmen opened fire on the bus without warning, killing two passengers.", "kill"),
    ("The shooting victim died at the hospital on Sunday.", "shooting"),
    ("Rebels destroyed two bridges and a power station on the main highway.", "destroy"),
    ("Guerrillas attacked the town hall with rifles and grenades.", "attack"),
    ("There were indiscriminate bombings early today in the eastern suburbs.", "bombing"),
    ("Guerrillas fought with troops in the northern province for three hours.", "fought"),
    ("The military police launched an operation against drug gangs in the favela.", "operation"),
    ("The rebels stormed the village, burned houses and kidnapped the mayor.", "kidnap"),
    ("The minister stopped in the port town and toured the customs house, which was bombed by rebels on Sunday.",
     "bomb"),
    ("Troops failed to stop the rebels, who burned the town hall before dawn.", "burn"),
    ("The union decided to call off its march following the bombing of its offices on Tuesday.", "bomb"),
    ("The report that the mayor's son was seriously wounded by gunmen was confirmed by the police.", "wound"),
    ("Police gave a false name for the man who was shot outside the bar.", "shot"),
    ("The rebels blew up the bridge in order to cut the army's supply route.", "blew up"),
    ("The gunman tried to kill the guard but his pistol jammed.", "kill"),
    ("Two men placed a bomb under the judge's car and fled.", "bomb"),
    ("Two bombs exploded in the market on Sunday morning.", "bomb"),
    ("A charge of dynamite planted beside the pylon went off at dawn.", "dynamite"),
    ("The rebels managed to blow up the bridge and to kill two guards.", "kill"),
])
def test_asserted(nlp, text, word):
    assert _modality_of(nlp, text, word) == ("asserted", None)


def test_non_asserted_trigger_ranks_below_asserted(nlp):
    sent = next(nlp("A bomb exploded at the market but no one was killed.").sents)
    best = classify.find_triggers(sent)[0]
    assert modality.mention_modality(sent, best)[0] == "asserted"
    assert best.event_type == "Explosions/Remote violence"


def test_worked_example_threats_and_background(nlp, examples_dir):
    doc = nlp((examples_dir / "jaffar_express.txt").read_text(encoding="utf-8"))
    verdicts = {}
    for sent in doc.sents:
        found = classify.find_triggers(sent)
        if found:
            verdicts[sent.text] = modality.mention_modality(sent, found[0])
    threat = next(v for s, v in verdicts.items() if "threatened to execute" in s)
    background = next(v for s, v in verdicts.items() if s.startswith("For decades"))
    assert threat[0] == "threat" and threat[1]
    assert background[0] == "background" and background[1]
    incursion = next(s for s in doc.sents if "Any military incursion" in s.text)
    found = classify.find_triggers(incursion)
    assert found and all(modality.mention_modality(incursion, t)[0] == "threat" for t in found)
    assert any(v[0] == "asserted" for v in verdicts.values())


def test_modalities_are_the_documented_set():
    assert set(modality.MODALITIES) == {"asserted", "threat", "negated", "hypothetical", "plan", "background",
                                       "anniversary", "denied", "generic"}


@pytest.mark.parametrize("text,word", [
    ("The rebels must stop all killings and kidnappings of civilians.", "kill"),
    ("Repression has grown in the form of arrests, murders and raids on union offices.", "murder"),
    ("The guerrillas returned to using kidnappings as a way to pay for the war.", "kidnap"),
    ("Such bombings serve only to frighten ordinary people.", "bombing"),
])
def test_a_plural_event_noun_without_article_or_number_names_a_kind_of_event(nlp, text, word):
    got, cue = _modality_of(nlp, text, word)
    assert got == "generic" and word in cue.lower()


@pytest.mark.parametrize("text,word", [
    ("Clashes broke out in the northern province between the army and the rebels.", "clash"),
    ("Three people died in attacks on two villages near the border.", "attack"),
    ("Two bombings shook the capital.", "bombing"),
    ("The killings took place near the river.", "killing"),
    ("Kidnappings rose sharply on Monday in the capital.", "kidnap"),
    ("The rebels planted mines on the road to the port.", "mine"),
])
def test_a_plural_told_as_a_particular_set_stays_an_event(nlp, text, word):
    assert _modality_of(nlp, text, word)[0] != "generic"


@pytest.mark.parametrize("text,word", [
    ("The regime continues murdering peasants in the countryside, the rebel radio said.", "murder"),
    ("They are bombing the poor neighbourhoods with complete impunity.", "bomb"),
    ("Death squads have been killing trade unionists and students.", "kill"),
    ("Journalists have been murdered and the press is intimidated.", "murder"),
    ("The junta that has massacred the people cannot speak of peace.", "massacre"),
    ("The army kills peasants and burns their crops.", "kill"),
    ("The army's massacres of peasants go unpunished, the bishop says.", "massacre"),
])
def test_a_practice_charged_in_a_speech_is_no_event(nlp, text, word):
    got, cue = _modality_of(nlp, text, word)
    assert got == "generic" and cue


@pytest.mark.parametrize("text,word", [
    ("The regime lost its last support when it indiscriminately bombed the poorest districts.", "bomb"),
    ("the rebel radio said army units systematically murdered union leaders.", "murder"),
])
def test_acts_done_to_many_as_a_pattern_are_no_event(nlp, text, word):
    got, cue = _modality_of(nlp, text, word)
    assert got == "generic" and cue


@pytest.mark.parametrize("text,word", [
    ("The gunman fired indiscriminately on travellers queuing at the station.", "fire"),
    ("Troops indiscriminately shelled the villages on Sunday.", "shell"),
])
def test_one_act_told_with_its_manner_stays_an_event(nlp, text, word):
    assert _modality_of(nlp, text, word)[0] == "asserted"


@pytest.mark.parametrize("text,word", [
    ("Troops continued shelling the town on Tuesday.", "shell"),
    ("Gunmen have killed 12 peasants in the north.", "kill"),
    ("Guerrillas have attacked a police station in the north.", "attack"),
    ("A journalist has been murdered outside his home.", "murder"),
    ("Some people have been injured in the area.", "injur"),
    ("The gunman kills his wife and flees, police say.", "kill"),
])
def test_a_particular_act_told_in_the_present_or_perfect_stays_an_event(nlp, text, word):
    assert _modality_of(nlp, text, word)[0] == "asserted"


def test_a_death_told_in_a_set_off_clause_of_the_mourned_happened(nlp):
    text = "Neighbours mourned a retired baker, who was killed Saturday in a shooting at his home."
    assert _modality_of(nlp, text, "killed")[0] == "asserted"
    assert _modality_of(nlp, "Neighbours mourned a retired baker who was killed in 1998.", "killed")[0] == \
        "anniversary"  # a clause with no comma picks out the one mourned


@pytest.mark.parametrize("text,word,expected", [
    # the question takes the dated act of its relative clause as having happened
    ("What does the minister make of the car bomb that exploded outside the bank on Monday?", "exploded",
     "asserted"),
    # the act the question itself asks about, or one with no time of its own, is only asked about
    ("Did the army shell the town on Monday?", "shell", "hypothetical"),
    ("What will the police do about the gangs that kidnap tourists?", "kidnap", "hypothetical"),
])
def test_a_dated_past_act_in_a_relative_clause_of_a_question_is_told(nlp, text, word, expected):
    assert _modality_of(nlp, text, word)[0] == expected
