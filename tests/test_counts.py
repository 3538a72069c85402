"""Counts of killed / injured / hostages / arrested on hand-written sentences and the worked example."""
from __future__ import annotations

import pytest

from eventwire.extract.counts import acled_figure, aggregate, figure, find_counts, parse_number


@pytest.fixture(scope="module")
def counts_of(nlp):
    def run(text: str, profile: str = "news"):
        doc = nlp(text)
        return [c for sent in doc.sents for c in find_counts(sent, profile)]
    return run


def _one(found, kind):
    hits = [c for c in found if c.kind == kind]
    assert len(hits) == 1, found
    return hits[0]


@pytest.mark.parametrize("words, value", [
    (["six"], 6), (["twenty", "-", "three"], 23), (["1,200"], 1200), (["a", "dozen"], 12),
    (["two", "hundred"], 200), (["45"], 45),
])
def test_parse_number(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize("text, kind, low, best, high", [
    ("Militants killed six soldiers.", "fatalities", 6, 6, 6),
    ("Six soldiers were killed in the ambush.", "fatalities", 6, 6, 6),
    ("The blast left 3 dead.", "fatalities", 3, 3, 3),
    ("A soldier was killed in the blast.", "fatalities", 1, 1, 1),
    ("Gunmen stormed the house, killing him.", "fatalities", 1, 1, 1),
    ("Twenty-three people died in the clashes.", "fatalities", 23, 23, 23),
    ("At least 5 people were wounded.", "injured", 5, None, None),
    ("Up to 12 passengers were abducted.", "hostages", None, None, 12),
    ("Between 20 and 30 protesters were arrested.", "arrested", 20, None, 30),
    ("Police detained 10 to 15 demonstrators.", "arrested", 10, None, 15),
    ("Police arrested 1,200 people.", "arrested", 1200, 1200, 1200),
    ("Dozens of people were injured.", "injured", 24, None, 99),
    ("Gunmen kidnapped several villagers.", "hostages", 3, None, 9),
    ("The attack resulted in the deaths of six military personnel.", "fatalities", 6, 6, 6),
    ("Both assailants were killed.", "fatalities", 2, 2, 2),
    ("During the raid a guard was held hostage.", "hostages", 1, 1, 1),
    ("Assailants abducted Samira Nasser, a singer, along with two dancers.", "hostages", 3, 3, 3),
    ("Gunmen took hundreds of passengers hostage.", "hostages", 200, None, 999),
    ("Assailants shot and killed Jean Ndayishimiye, an aide to the mayor.", "fatalities", 1, 1, 1),
    ("One shepherd and his two sons were killed in the raid.", "fatalities", 3, 3, 3),
    ("Five people, including three soldiers, were shot dead.", "fatalities", 5, 5, 5),
    # a kidnapping tried took its hostage while he was held, unlike a killing tried
    ("Armed men attempted to kidnap Luis Ortega, the mayor, who was held for an hour.", "hostages", 1, 1, 1),
])
def test_single_counts(counts_of, text, kind, low, best, high):
    c = _one(counts_of(text), kind)
    assert (c.low, c.best, c.high) == (low, best, high)
    assert c.rule.startswith("counts.")


def test_coordinated_counts_are_summed(counts_of):
    c = _one(counts_of("Three soldiers and two civilians were killed."), "fatalities")
    assert c.best == 5
    assert "soldiers" in c.victims and "civilians" in c.victims


@pytest.mark.parametrize("text, best", [
    ("Four border guards and their commander were killed in the ambush.", 5),
    ("The gunmen shot dead two teachers and a pupil at the school gate.", 3),
    ("Three miners and another worker were wounded when the shell landed.", 4),
])
def test_one_more_person_closing_a_counted_list_is_added(counts_of, text, best):
    found = counts_of(text)
    assert found and max(c.best or 0 for c in found) == best


def test_victims_kind(counts_of):
    c = _one(counts_of("Six Pakistani military personnel were killed."), "fatalities")
    assert c.victims == "Pakistani military personnel"


def test_passive_and_active_in_one_sentence(counts_of):
    found = counts_of("Militants killed six soldiers and wounded 3 others, and 4 were abducted.")
    assert _one(found, "fatalities").best == 6
    assert _one(found, "injured").best == 3
    assert _one(found, "hostages").best == 4


def test_chained_cues_give_two_kinds(counts_of):
    found = counts_of("3 labourers were kidnapped and shot dead.")
    assert _one(found, "hostages").best == 3
    assert _one(found, "fatalities").best == 3


@pytest.mark.parametrize("text, kinds", [
    ("There were no casualties.", {"fatalities", "injured"}),
    ("No one was injured in the blast.", {"injured"}),
    ("Neither fatalities nor injuries were reported.", {"fatalities", "injured"}),
])
def test_zero(counts_of, text, kinds):
    found = counts_of(text)
    assert {c.kind for c in found} == kinds
    assert all(c.low == c.best == c.high == 0 for c in found)


@pytest.mark.parametrize("text", [
    "A 25-year-old man protested in the square.",
    "20 gunmen attacked the village on 7 May 2020.",
    "The group demanded $500 and 12 vehicles.",
    "Militants fired 82mm mortars at 3 positions.",
    "In 2015, 300 people marched peacefully.",
])
def test_not_counts(counts_of, text):
    assert counts_of(text) == []


def test_attacker_number_is_not_a_victim_count(counts_of):
    found = counts_of("20 gunmen killed 3 villagers.")
    assert [c.best for c in found] == [3]


@pytest.mark.parametrize("text, status, reporter", [
    ("Two people were killed, police said.", "official", "police"),
    ("Two people were killed, witnesses said.", "witness", "witnesses"),
    ("Two people were killed, Reuters reported.", "media", "Reuters"),
])
def test_status_from_the_sentence(counts_of, text, status, reporter):
    c = _one(counts_of(text), "fatalities")
    assert c.status == status and c.reported_by == reporter


def test_acled_coding_note_wins(counts_of):
    found = counts_of("Rebels killed several soldiers. Unknown number of fatalities coded as 10.", profile="notes")
    assert aggregate([c for c in found if c.kind == "fatalities"]).best == 10
    # in an article the coder's note is no one's report: not read
    found = counts_of("Rebels killed several soldiers. Unknown number of fatalities coded as 10.")
    assert all(".coded_as" not in c.rule for c in found)


def test_acled_convention_for_vague_words(counts_of):
    c = _one(counts_of("Dozens of people were killed."), "fatalities")
    assert figure(c) == 24 and acled_figure(c) == 12


def test_aggregate_prefers_positive_over_zero(counts_of):
    found = counts_of("Two soldiers were killed. No civilians were killed.")
    assert aggregate([c for c in found if c.kind == "fatalities"]).best == 2


def test_worked_example(nlp, examples_dir):
    from eventwire.extract import attribution
    from eventwire.extract._mentions import attribute_counts

    doc = nlp((examples_dir / "jaffar_express.txt").read_text(encoding="utf-8"))
    statements = attribution.find_statements(doc)
    found = [c for s in doc.sents for c in attribute_counts(find_counts(s), statements)]
    deaths = [c for c in found if c.kind == "fatalities"]
    assert deaths and all(c.best == 6 for c in deaths)
    from eventwire.resources.actors import same_actor

    assert all(c.status == "claimed" and same_actor(c.reported_by, "Baloch Liberation Army") for c in deaths)
    assert any(c.victims and "military personnel" in c.victims for c in deaths)
    hostages = aggregate([c for c in found if c.kind == "hostages"])
    # "hundreds of passengers" on a train carrying "over 400 passengers"
    assert (hostages.low, hostages.best, hostages.high) == (200, None, 400)


def _event_figures(counts_of, text):
    from eventwire.extract.counts import event_counts

    out = event_counts(counts_of(text), ("fatalities", "injured"))
    return tuple(figure(out[k]) for k in ("fatalities", "injured"))


@pytest.mark.parametrize("text, killed, injured", [
    # one person named by a noun, an age or a pronoun
    ("A 15-year-old girl was fatally shot on Saturday night.", 1, None),
    ("A man was found shot to death inside his car.", 1, None),
    ("The girl died at the hospital.", 1, None),
    ("He was taken to a hospital, where he died.", 1, None),
    ("A father and his two children were found dead in their home.", 3, None),
    # people hit by gunfire are injured unless they died: the dead are among them
    ("A woman was shot in the leg and is expected to survive.", None, 1),
    ("A man was shot and killed outside a bar.", 1, None),
    ("Four people were shot, one fatally, outside the club.", 1, 3),
    # two people brought in anew in one sentence are two; one told again is one
    ("A teenager was killed and a bystander was shot in the shoulder outside the store.", 1, 1),
    ("A 19-year-old was killed and a 16-year-old was shot in the hand near the park.", 1, 1),
    ("A man was shot in the chest on Sunday. He died at a hospital.", 1, 0),
    ("Three people were shot. Two were wounded and one died at the scene.", 1, 2),
    ("No one was hurt.", None, 0),
    # an update restates the total; a tally over the year is not this event's
    ("Six people died. The death toll rose to 9 on Tuesday.", 9, None),
    ("A teenager was killed. Thirty-one people have been killed in the city so far this year.", 1, None),
    # so is a tally over several incidents
    ("A man was shot dead on Elm Street. The weekend left six people dead and 11 hurt in 14 shootings "
     "across the city.", 1, None),
    ("A clerk was wounded. Two shootings that took the lives of three people have occurred near the store.", None, 1),
    # or over the whole country
    ("An officer was shot dead on Monday. Nineteen officers had been killed nationwide in July.", 1, None),
    ("Carlos Reyes, 27, has died.", 1, None),
    # a killing or a shooting tried, planned or threatened names no victim
    ("Investigators said the two men had plotted to kill the shop owner for weeks.", None, None),
    ("He threatened to shoot his neighbor during the argument.", None, None),
    ("The gunman tried to kill his former boss but shot a security guard in the leg.", None, 1),
    # a negation that spares the victims named is no zero
    ("A man was shot in the arm. No one else was hurt.", None, 1),
    ("Four people were shot on Friday. None of the injuries are life-threatening.", None, 4),
    # "hurt or killed" counts the people hit, the dead among them
    ("Police said 16 people were hurt or killed in the shooting.", None, 16),
    # a death named by a noun, with its victim; "a fatal shooting" is at least one death
    ("Deputies are investigating the shooting death of a teenager at a party.", 1, None),
    ("Police are investigating a fatal shooting on Main Street.", 1, None),
    ("He was charged with assault with a deadly weapon.", None, None),
    ("Police are investigating a non-fatal shooting of a teenager.", None, None),
    ("He was charged with attempted murder of his neighbour.", None, None),
    # the people hit less the dead, when a report gives the state of only some of the wounded
    ("Masked men opened fire on a porch, shooting seven men and killing two of them. "
     "Two of those shot were badly wounded.", 2, 5),
    # one "also" shot is one more than the dead
    ("Three people were killed. Her boyfriend was also shot in the leg.", 3, 1),
    # a number of shots is no count of people
    ("A man was shot once in the chest and then shot three more times as he lay on the ground.", None, 1),
    # different people named one by one in a sentence add up; a pronoun may be one of them
    ("A girl was grazed by a bullet and a man was shot in the foot.", None, 2),
    ("John Smith was shot in the leg, and he was taken to a hospital.", None, 1),
    # a day of the month is no count; wounds on a body are not people; an address is no count
    ("Police say one of four people shot outside a bar early March 14 has died.", None, 4),
    ("The boy has 10 gunshot wounds to his chest.", None, None),
    ("A man with two gunshot wounds died at the hospital.", 1, None),
    ("Officers responded to a report of a gunshot wound at 44 Pine Lane.", None, None),
    # a part of the people hit is not a second cue for all of them
    ("Five people were shot, including the one man killed.", 1, 4),
    # "shot and killed" two: no one else was hit; a family is many people, not one
    ("A man shot and killed his two sons in their home.", 2, None),
    ("Five people died after a gunman shot his family in their home.", 5, None),
    # people said not to be hurt are spared, not victims; a decade of age and a street block are no counts
    ("A man was shot in the arm. The driver and three other passengers were not injured.", None, 1),
    ("A toddler was killed. The father was not hurt.", 1, None),
    ("A man in his 20's was shot in the leg.", None, 1),
    ("A teen in the 200 block of Oak Street had been shot.", None, 1),
    # the verb of a relative clause in an aside is the aside's own
    ("Gunfire struck five people, including one who died at the scene.", 1, 4),
    # carried wounds and hospital stays
    ("Three people suffered gunshot wounds in the fight.", None, 3),
    ("A teenager suffered a gunshot wound to the arm.", None, 1),
    ("Six young women remained hospitalized on Sunday.", None, 6),
    # ", and" after one count closes its clause: four people hit, two of them dead
    ("Arriving officers found five shooting victims, and three died at the scene.", 3, 2),
    ("Three soldiers, two policemen, and four civilians were killed.", 9, None),
    # one more person named by "another" or an ordinal, the passive shared with the verb before
    ("Two men were killed and another seriously injured in the shooting.", 2, 1),
    ("Two diners were killed and a third was injured.", 2, 1),
    ("No one else was injured.", None, None),
    # a wound carried "with" a person, and wounds described with participles
    ("Deputies found a man behind the store with a gunshot wound to the leg.", None, 1),
    ("A deputy stopped a car carrying two men with gunshot wounds.", None, 2),
    ("A teenager in the car received non-life threatening injuries.", None, 1),
    ("He was charged with assault with a deadly weapon.", None, None),
    # one person hit told apart from the dead: an ordinal past them, or the other sex
    ("Deputies found two men dead in a trailer. A third man suffered a gunshot wound to the hand.", 2, 1),
    ("A man was shot dead outside a store. A woman walking by was grazed by a bullet.", 1, 1),
    # ... but not one of them: the same sex, an ordinal among them, or the one shot who died
    ("Two men were shot dead outside a store. A second man was hit in the arm.", 2, 0),
    ("A woman was shot in a parking lot. The woman died at a hospital.", 1, 0),
    ("A man was shot outside a store. He died at a hospital.", 1, 0),
    # people who shot themselves were hit; a negation before another clause spares no one
    ("Two boys accidentally shot themselves while cleaning a rifle.", None, 2),
    ("A hunter was loading a shotgun without a safety when he shot himself in the hand.", None, 1),
    # a state someone was found or left in: "found shot", "found one man dead and another wounded"
    ("A teenager was found shot near a park on Friday evening.", None, 1),
    ("Officers found a woman shot in the arm behind the store.", None, 1),
    ("Deputies found one man dead and another wounded in the yard.", 1, 1),
    ("When deputies arrived, they found the man had been fatally wounded.", 1, None),
    # one hit told apart from the dead when every dead person named is the one who shot
    ("A police officer was shot in the leg on Main Street. The suspect was killed when officers returned fire.", 1, 1),
    ("A student was hit once in the lower body.", None, 1),
    # a patient's condition told with two words
    ("A 6-year-old girl is in critical but stable condition at a children's hospital.", None, 1),
    # a death since the first figures comes out of the hurt told beside them, not the killer's own
    ("One man was killed and three others were wounded in the shooting. A second victim died at a hospital "
     "on Sunday.", 2, 2),
    ("A gunman killed one man and wounded three others before turning the gun on himself.", 2, 3),
    ("Two soldiers were killed at the post. One farmer was killed and four farmers were wounded nearby.", 2, 4),
    # a victim introduced by an ordinal numbers the people hit; "the fourth victim" points back
    ("Three men were wounded outside the bar. A fourth victim drove himself to a hospital with a gunshot "
     "wound.", None, 4),
    ("Two women were shot dead in the kitchen. A third victim was taken to a hospital.", 2, 1),
    ("Four people were shot on the corner. The fourth victim was taken to a hospital.", None, 4),
    # animals are no casualties
    ("The gun went off, killing the boy and injuring one of the family dogs.", 1, None),
    ("A police dog was shot and wounded during the standoff.", None, None),
    ("Two horses were killed when the gunman fired into the barn.", None, None),
    # a gun fired and a community in grief are no one hit or hurt; "gun shot wounds" are wounds
    ("He said they were going to shoot some guns at the range.", None, None),
    ("Neighbors gathered for a vigil on Sunday. \"It has hurt our community,\" the pastor said.", None, None),
    ("The man suffered multiple gun shot wounds.", None, 1),
    ("Gunmen killed at least nineteen members of the herding community.", 19, None),
    ("A Rifle of the border guard was killed in an ambush.", 1, None),
    # an aside set off by dashes between the count and its verb
    ("Five teenagers -- two of them sisters -- were wounded near the pool.", None, 5),
    ("Three men — one 22, another 35 — were shot outside the club, one fatally.", 1, 2),
    # one person expected to recover or survive was hurt; a vote survived is no wound
    ("Troopers said a female passenger is expected to recover from the shooting.", None, 1),
    ("Two men were killed in the apartment. A third man is expected to survive his wounds.", 2, 1),
    ("The mayor is expected to survive the recall vote.", None, None),
    # a death that might have been or may yet come names no one dead; "would later die" did happen
    ("A boy was grazed by a bullet. Had he stood a step closer, it could have killed him.", None, 1),
    ("A woman was shot in the hand. Nothing will be done until somebody gets killed, a neighbor said.", None, 1),
    ("A man was shot in the back on Friday. He would later die at the hospital.", 1, 0),
    # a list of names, each told with an age, is one person a name; the last age is no count
    ("Maria Lopez, 23, Devon Hart, 31, and Keith Moore, 19, were wounded in the shooting.", None, 3),
    ("Ray Tillman, 44, Jon Baker, 27 and Lena Ortiz, 52 were wounded by the gunfire.", None, 3),
    ("Ana Diaz, 61, Paul Diaz, 63, and Leo Diaz, eight years old, were fatally shot in their home.", 3, None),
])
def test_news_counts(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)


@pytest.fixture(scope="module")
def headline_counts(nlp):
    def run(text: str):
        from eventwire.extract.counts import event_counts

        found = [c for sent in nlp(text).sents for c in find_counts(sent, headline=True)]
        out = event_counts(found, ("fatalities", "injured"))
        return tuple(figure(out[k]) for k in ("fatalities", "injured"))
    return run


@pytest.mark.parametrize("title, killed, injured", [
    # headline grammar: "shot" read as a noun after a number, auxiliaries dropped
    ("Four shot, 1 dead in East Baltimore shooting", 1, 3),
    ("5 shot, 1 killed on Auburn Avenue", 1, 4),
    ("Mother, boy fatally shot in head in southwest Baltimore", 2, None),
    ("16-year-old injured in south Columbus shooting", None, 1),
    # a number of people with a bare "shot" is a passive, whatever the tagger makes of the verb
    ("Three people shot outside tavern in Elm Grove", None, 3),
    ("7 Shot at Backyard Cookout in Riverside", None, 7),
    ("Two Teens Shot Near Bus Stop", None, 2),
    # ... not a verb with its own object, nor one chance
    ("Two men shot a store clerk during robbery", None, 1),
    ("One shot at the state title for Central High", None, None),
])
def test_headline_counts(headline_counts, title, killed, injured):
    assert headline_counts(title) == (killed, injured)


@pytest.mark.parametrize("text, best", [
    ("Soldiers shot dead two militants near the border on Saturday.", 2),
    ("Security forces shot dead a suspected militant during a search operation.", 1),
    ("Gunmen shot dead a police officer outside his home.", 1),
])
def test_shot_dead_with_its_victims_after_it_is_a_killing(counts_of, text, best):
    found = counts_of(text)
    dead = _one(found, "fatalities")
    assert dead.best == best
    assert not [c for c in found if c.kind in ("hit", "injured")]


@pytest.mark.parametrize("text, killed, injured", [
    # the victim as the object of "left ... dead" / "found ... deceased", or a participle after its noun
    ("The argument ended in gunfire that left a 19-year-old man dead.", 1, None),
    ("Hunters found an elderly man deceased near the trail.", 1, None),
    ("Relatives named the 3-year-old killed on Friday evening.", 1, None),
    ("A delivery driver was gunned down outside the store.", 1, None),
    # struck by gunfire, taken to hospital, a patient's condition
    ("Officers found three victims who had been struck by gunfire.", None, 3),
    ("Two people were rushed to the hospital after the shooting.", None, 2),
    ("A 12-year-old boy was in critical condition on Sunday.", None, 1),
    ("Two of the men were listed in stable condition.", None, 2),
    ("The cashier was taken to a nearby hospital with minor injuries.", None, 1),
    ("The boy was struck by a car on the way home.", None, None),
    # gunfire that strikes someone, or a clause of striking after the firing
    ("A stray round struck a girl sleeping in her bedroom.", None, 1),
    ("Bullets hit three men who were waiting at the bus stop.", None, 3),
    ("The gunman fired into the parked car, hitting two passengers.", None, 2),
    ("The truck hit a cyclist at the intersection.", None, None),
    ("He shoved the clerk, striking her in the face.", None, None),
    # numbers that name a place or a channel, and a second number below the first
    ("Police made two arrests in the Cloud 9 shooting.", None, None),
    # people held in a shooting are not its victims; people wounded in one are
    ("Police question 2 suspects in shooting near the mall", None, None),
    ("Five men were wounded in shooting outside a nightclub.", None, 5),
    ("Channel 8 - Four Injured in Parking Lot Shooting", None, 4),
])
def test_news_victims_in_reporting_language(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # the people a count lists in apposition do not part the count from its verb
    ("Two men, a 19-year-old and a 23-year-old, were wounded.", None, 2),
    ("Two victims, a 25-year-old man and a 26-year-old man, died at the scene.", 2, None),
    ("Two people, police said, were shot.", None, None),
    # taken anywhere with injuries, or for their treatment, is hurt; with gunshot wounds, hit
    ("Six people were taken to Grady Memorial with injuries that were not life-threatening.", None, 6),
    ("Two victims were driven to an area hospital for treatment of non-life-threatening wounds.",
     None, 2),
    # a patient's condition without the word "condition", and people treated and released
    ("A 34-year-old man is stable.", None, 1),
    ("The victim remained critical on Sunday.", None, 1),
    ("The situation is critical.", None, None),
    ("Two women were treated and released.", None, 2),
    ("One victim was in a serious condition.", None, 1),
    # people named one by one by their wound or condition add up
    ("A 31-year-old woman is in critical condition and a 19-year-old man is stable.", None, 2),
    ("A 41-year-old man was shot in the shoulder, while a 7-year-old girl suffered a gunshot wound to the hand.",
     None, 2),
    ("A man who was shot is in critical condition.", None, 1),
    # victims of a shooting are the people it hit
    ("The report identifies the four victims of the shooting.", None, 4),
    ("Four victims of the flood were found.", None, None),
    # a place or a state the person is in does not carry the wound: one person, not two
    ("The man was driven to Vanderbilt with non-life threatening injuries.", None, 1),
    ("The boy was listed in critical condition with life-threatening wounds.", None, 1),
    ("Officers responded to a man with a gunshot wound.", None, 1),
    # a participle or a "with" that hangs on the second of two people named tells of both
    ("A 6-year-old boy and his grandmother wounded by gunfire on Tuesday are expected to recover.", None, 2),
    ("Deputies found a 30-year-old man and a 16-year-old boy with gunshot wounds.", None, 2),
    ("Police spoke to the owner of the bar and a man wounded in the fight.", None, 1),
])
def test_news_victims_listed_taken_and_in_condition(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # ages are no counts: a range after "ages", a decade after "early", a number after "a"/"an",
    # a number after a name
    ("Four unidentified men, ages 20-27 were shot.", None, 4),
    ("Two men, aged 20 and 25, were shot.", None, 2),
    ("A woman in her early 20's was shot in the leg.", None, 1),
    ("A female described as being in her late 30’s was shot in the arm.", None, None),
    ("He also wounded an 18 and 15 year old.", None, 1),
    ("Marcus Bell, 31, and Darnell Hayes Jr. 31, were also hurt.", None, 2),
    ("The killing avenged an earlier murder of an Eight Trey Crip.", 1, None),
    # ages listed between dashes do not reach the verb after the closing dash
    ("Three men who were shot -- one 41, another 63, the third 22 -- were taken to a hospital.", None, 3),
    ("Two women -- one 35 years old, the other 58 -- were treated at the scene.", None, None),
])
def test_ages_and_names_are_no_counts(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # the wounded victim named again is the one who died
    ("A teenager injured in a shooting on Friday night has died. The victim was in critical condition "
     "at the county hospital.", 1, None),
    ("Marlowe was wounded in the chest. Marlowe died two hours later.", 1, None),
    ("He suffered a gunshot wound to the neck. He was pronounced dead at the scene.", 1, None),
    # a person introduced anew is another victim
    ("A cook was killed and a waiter was wounded.", 1, 1),
    ("A cook was killed. The other victim was in critical condition.", 1, 1),
    # "no one else was hurt" leaves the man who was shot and lived
    ("A man was shot in the arm. No one else was hurt.", None, 1),
    ("A 15-year-old was shot in the foot late Friday near a bus stop.", None, 1),
    # deaths after the first report: succumbing, two at once, a toll told by an ordinal
    ("The cyclist later succumbed to his injuries.", 1, None),
    ("They were both pronounced dead at the clinic.", 2, None),
    ("A third villager has died of his wounds.", 3, None),
    ("The third villager was treated and released.", None, 1),
    # a person "also killed" is one more dead; a pronoun may be one already counted
    ("A guard was shot and killed at the gate. Okafor, a driver waiting outside, was also killed.", 2, None),
    ("A guard was killed at the gate. He was also robbed of his radio.", 1, None),
    # struck in a part of the body is hit; struck by a thing that is not gunfire is not
    ("A bystander was struck once in the arm.", None, 1),
    ("The pitcher was hit in the head by a ball.", None, None),
    # the victim of a relative clause is the noun it hangs on
    ("Police identified the victim as Jane Ortiz, 19, who was pronounced dead at the hospital.", 1, None),
    # people hit whom the report tells apart from the dead: "others", or one told alive
    ("A bartender was killed and three other people were shot inside the bar.", 1, 3),
    ("Two brothers were killed. His cousin was shot in the hip but survived.", 2, 1),
    ("A clerk was killed. The owner's son was shot in the arm. He is in stable condition.", 1, 1),
    ("One man was killed; he and four others were shot outside the club.", 1, 4),
    # the words naming a person hit may tell them alive: a survivor is no one among the dead
    ("Two cousins died at the scene. The surviving passenger was shot in the hand.", 2, 1),
    ("A cashier was killed. A survivor of the robbery was shot twice.", 1, 1),
    # one shot who then died is among the dead
    ("A clerk was shot in the chest. The clerk was taken to a hospital in critical condition and died there.", 1, 0),
    # "the only one hurt" beside a death is the one who died; alone, the one hurt
    ("A hunter was shot and killed in the woods on Saturday. He was the only person injured.", 1, None),
    ("A hunter was shot and killed on Saturday. Deputies said he was the only one hurt.", 1, None),
    ("A hunter was shot in the leg on Saturday. He was the only person injured.", None, 1),
])
def test_victims_named_again_and_others(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # the assailant's death told apart from the killing the assailant did is one more dead
    ("The gunman killed five servicemen at the center. The suspect was killed in a gunfight with police.", 6, None),
    ("The gunman killed two people at the store. The suspect was later arrested.", 2, None),
    # a total told otherwise may hold the assailant already
    ("Four people are dead after the shooting. The suspect was killed by police.", 4, None),
    ("Three guards were killed at the depot. The gunman was shot dead by officers.", 3, None),
    # dead a passive verb tells killed by the assailant are the assailant's victims too
    ("Three guards were killed Friday by the gunman at the depot. The gunman was shot dead by officers.", 4, None),
    # of equal totals, the one told as the assailant's act; the assailant named with a title
    ("The gunman opened fire at the diner, killing seven people. Officials mourned the seven who died. "
     "Gunman Jonah Price was killed in a shootout with deputies.", 8, None),
    # of equal figures of people hit, the one told apart from the dead stands
    ("Police said the gunman shot Brian Banes and Delandis Clark, who both died. Two other gunshot victims "
     "were taken to a hospital.", 2, 2),
])
def test_the_assailant_and_others_hit(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)


@pytest.mark.parametrize("title, killed, injured", [
    ("14-year-old shot outside downtown club", None, 1),
    ("Woman shot at bus stop", None, 1),
    ("Gun shot heard downtown", None, None),
    # a headline that kills its subject with "and", a comma or "to death"
    ("Teen shot and killed near river park", 1, None),
    ("Man shot, killed outside corner store", 1, None),
    ("Woman shot to death in her kitchen", 1, None),
])
def test_headline_participle_after_one_person(headline_counts, title, killed, injured):
    assert headline_counts(title) == (killed, injured)


@pytest.mark.parametrize("text, killed", [
    # tallies over a span of time and background told as context are not the news's toll
    ("A man was shot and killed outside a bakery on Sunday night. "
     "Eleven people have been killed in the district in the past two months.", 1),
    ("A woman was shot and killed at a bus stop on Sunday. "
     "At least 28 people have been shot across the city since Friday.", 1),
    ("A teenager was shot and killed in a park on Sunday. "
     "Three children in the county were killed by stray bullets last year.", 1),
    # a figure dated to an earlier year is another incident's
    ("A man was shot and killed outside a gas station on Sunday. "
     "In August 2016, four people were killed in a shooting at the same gas station.", 1),
    ("A woman was shot and killed near the park on Sunday. The 2015 Elm Street shooting there "
     "left three people dead.", 1),
])
def test_tallies_and_background_are_not_the_toll(pipeline, text, killed):
    import datetime as dt

    from eventwire.records import Document

    events = pipeline.process(Document(id="d", text=text, published=dt.date(2019, 6, 12))).events
    assert events and figure(events[0].fatalities) == killed


@pytest.mark.parametrize("text, killed", [
    # the killer's own death told beside the killing adds one; alone it is one
    ("A farmer killed his two brothers and himself.", 3),
    ("A guard shot and killed his supervisor before turning the gun on himself.", 2),
    ("The hunter accidentally shot and killed himself.", 1),
    # the killer's own death told alone, and a total that may hold the killer
    ("The cadet turned the gun on herself and died at the range.", 1),
    ("A man shot a clerk to death before turning the gun on himself, leaving police to find the three dead.", 3),
])
def test_the_killer_dead_beside_the_killing(counts_of, text, killed):
    assert _event_figures(counts_of, text)[0] == killed


@pytest.mark.parametrize("text, killed, injured", [
    # an act whose name numbers its victims: killed, or shot with the dead among them
    ("Detectives are investigating a double homicide on the east side.", 2, None),
    ("Two brothers were charged in the triple-slaying.", 3, None),
    ("A man died after a double shooting near the park.", 1, 1),
    ("No arrests were made after the quadruple shooting outside the lounge.", None, 4),
    # whether the killer is among a murder-suicide's number varies: no figure
    ("Police called it a double murder-suicide.", None, None),
])
def test_act_named_with_its_number_of_victims(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # a carrier verb may name the wound through "for" or "from"
    ("One woman died and two others are being treated for injuries.", 1, 2),
    ("The clerk was suffering from a gunshot wound to the leg.", None, 1),
    ("The driver was treated for shock.", None, None),
])
def test_wound_carried_through_a_preposition(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # people hurt or hit "including one who died" hold the dead: the wounded are the rest
    ("Deputies are searching for a man who shot three others, including one who died, at a motel.", 1, 2),
    ("Two other people were hurt, including a cook who died of his wounds on Monday.", 1, 1),
    ("A gunman opened fire at a party, wounding four people, including one who later died.", 1, 3),
    # people hurt told apart from the dead stay as told
    ("One woman was killed and two others were wounded, including a man shot in the hand.", 1, 2),
])
def test_the_hurt_including_some_who_died(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # a figure given first and then corrected is not the report's figure
    ("Three people were wounded at a cookout behind a duplex. Police had first said that six "
     "people were shot, but revised that figure late in the evening.", None, 3),
    ("Five people were shot at a club. Police initially told reporters that eight people were wounded.", None, 5),
    # a tally since an earlier day on the same block is not this shooting's toll
    ("Five people were wounded in one shooting on Thursday night. At least six more people have been "
     "wounded in gunfire on the block since last weekend.", None, 5),
])
def test_first_figures_and_tallies_since_a_day(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # "left A dead and B wounded": the people the act left in each state, however the parser links them
    ("A shooting on the east side left a 2-year-old girl dead and a man wounded.", 1, 1),
    ("The shooting left one man dead and another wounded.", 1, 1),
    ("Gunfire left a man dead and two women injured.", 1, 2),
    # a dead man the verb does not leave in that state is no count
    ("He left a dead man in the car.", None, None),
])
def test_people_left_dead_or_wounded(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # a passive participle clause after its verb tells of that verb's subject
    ("A 16-year-old was shielding his younger sister during the robbery, getting shot four times.", None, 1),
    # a patient in intensive care is hurt
    ("Her son remains in intensive care after the shooting on Friday night.", None, 1),
    ("The teenager was in the intensive care unit on Sunday after the shooting.", None, 1),
    # dying after being shot is one death, no one hurt besides
    ("A man died after getting shot outside a bar on Friday.", 1, None),
])
def test_participle_clauses_and_intensive_care(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)


def test_people_named_after_their_number_are_no_more_people(nlp):
    """"Lee and his two sons, Mark Lee Jr., 9, and Sam Lee, 7": three people, even where the
    parser hangs the sons' names on the first name as more conjuncts."""
    from spacy.tokens import Doc

    from eventwire.extract.counts import _people_in

    words = ["Lee", "and", "his", "two", "sons", ",", "Mark", "Lee", "Jr.", ",", "9", ",", "and", "Sam", "Lee",
             ",", "7", ",", "were", "killed"]
    heads = [19, 0, 4, 4, 0, 0, 8, 8, 0, 8, 8, 8, 8, 14, 8, 14, 14, 14, 19, 19]
    deps = ["nsubjpass", "cc", "poss", "nummod", "conj", "punct", "compound", "compound", "conj", "punct", "appos",
            "punct", "cc", "compound", "conj", "punct", "appos", "punct", "auxpass", "ROOT"]
    pos = ["PROPN", "CCONJ", "PRON", "NUM", "NOUN", "PUNCT", "PROPN", "PROPN", "PROPN", "PUNCT", "NUM", "PUNCT",
           "CCONJ", "PROPN", "PROPN", "PUNCT", "NUM", "PUNCT", "AUX", "VERB"]
    tags = ["NNP", "CC", "PRP$", "CD", "NNS", ",", "NNP", "NNP", "NNP", ",", "CD", ",", "CC", "NNP", "NNP", ",", "CD",
            ",", "VBD", "VBN"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    assert _people_in(doc[0]) == 3


@pytest.mark.parametrize("text, killed, injured", [
    # "passed away" is a death whose subject is the one who died, as "died" is
    ("The cyclist was hit by a stray round on Friday and passed away at the hospital.", 1, None),
    ("Two men were shot outside the diner. One of them passed away overnight.", 1, 1),
    ("He passed the rifle to his cousin and walked away.", None, None),
    # a number partitive of a group opened by a possessive counts that many of the group
    ("The club said one of its members was killed in the robbery.", 1, None),
    ("Two of her nephews were wounded on the porch.", None, 2),
    # ... unless the verb is an active perfect: the number is the one who shot
    ("Investigators learned that one of his friends had shot the cashier.", None, 1),
])
def test_a_death_told_gently_and_the_partitive_of_a_group(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # a report that says no one died: a death it tells of one person is of another time or place
    ("Four men were wounded at the wake. It is a wonder nobody was killed, a deacon said. "
     "The wake was for a teenager who was killed in a crash last week.", 0, 4),
    # ... but not against a toll with its number, nor when only the others were spared
    ("One man was killed and two were hurt. No one was killed inside the bar.", 1, 2),
    ("A clerk was shot dead at the counter. No one else was killed.", 1, None),
    # ... nor a "no one" that denies something other than a death
    ("A girl was killed on the porch. No one has been charged with her murder.", 1, None),
])
def test_no_one_died_outweighs_a_death_recalled(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # the wound a participle clause carries is the person's its verb is told of
    ("A teenager was found suffering from a gunshot wound behind the school.", None, 1),
    ("The courier was discovered lying in the driveway with a bullet wound.", None, 1),
])
def test_a_wound_carried_in_a_participle_clause(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # a person brought in with an ordinal is one more than the people hit before
    ("A teenager was shot in the leg outside the store. A second boy was grazed by a bullet.", None, 2),
    ("A clerk was shot dead behind the counter. A second man was wounded in the parking lot.", 1, 1),
    # "the second man" points back at one already counted; an arrest is no wound
    ("Two men were shot on the corner. The second man was taken to a hospital in critical condition.", None, 2),
    ("A man was shot in the arm. A second man was arrested the next day.", None, 1),
])
def test_a_person_brought_in_by_an_ordinal(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)


@pytest.mark.parametrize("text, killed", [
    # the attackers' own dead are added to those they struck, when the report tells them apart
    ("Nine villagers and two policemen were killed in the raid. Three of the raiders were also killed.", 14),
    ("The army said it killed about 30 insurgents in the fighting, while losing six soldiers.", 36),
    # ... not to a toll that may already hold them, nor one told as a part of it
    ("Twelve people were killed in the raid. Three attackers were killed.", 12),
    ("Eleven people, including four gunmen, were killed in the raid.", 11),
    # a force that loses men loses them dead; a person who loses kin is no count here
    ("The garrison lost three soldiers in the ambush on the highway.", 3),
    ("The widow lost two sons in the shooting at the fair.", None),
])
def test_the_attackers_dead_told_apart(counts_of, text, killed):
    assert _event_figures(counts_of, text)[0] == killed


def test_a_toll_that_names_a_part_of_itself_stands(nlp):
    from eventwire.extract.counts import _INCLUDED

    assert _INCLUDED.search("Twenty people, including 13 assailants, were killed")
    assert _INCLUDED.search("five were killed, among them two gunmen")
    assert not _INCLUDED.search("Nine villagers were killed in the raid")


@pytest.mark.parametrize("title, killed, injured", [
    # a headline lists its people with commas; the verb's own subject is the last of them
    ("Grandmother, toddler wounded in porch shooting", None, 2),
    ("Police: Teen, 3 men shot outside corner market", None, 4),
    ("Two arrested after man, 6-year-old shot in parking lot", None, 2),
    ("Boy, 9, grandmother hurt when gun goes off in bedroom", None, 2),
    ("Drive-by leaves woman, 2 teens injured", None, 3),
    # a place or a source before the comma is no person
    ("Tulsa, 2 men shot near gas station", None, 2),
    ("Officers killed, two wounded", None, 2),
])
def test_headline_list_of_people(headline_counts, title, killed, injured):
    assert headline_counts(title) == (killed, injured)


def test_headline_masthead_names_no_people(headline_counts):
    assert headline_counts("Hunter dies after shooting self - Valley News, Weather & Sports") == (1, None)
    assert headline_counts("Three injured in shooting - KXYZ News 4 - Springfield, Ohio") == (None, 3)


@pytest.mark.parametrize("text, killed, injured", [
    # a list of three: the parser hangs the third on the second, or sets the second in apposition
    ("Deputies found a man, woman and teenager with gunshot wounds.", None, 3),
    ("A grandfather, a mother and a boy were shot on the porch.", None, 3),
    # an apposition alone is the same person again
    ("Lee Moss, a bus driver, and his son were wounded.", None, 2),
])
def test_listed_people_hit(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)


@pytest.mark.parametrize("text, injured, tally", [
    # "last year" dates the one incident the sentence names: its figure is that incident's
    ("A man was charged on Monday in a shooting last year outside a nightclub that left five people wounded.",
     5, False),
    ("The gunfight last year on Canal Street left six people hurt.", 6, False),
    # ... but a tally of many stays one
    ("Twelve people were shot in the county last year.", 12, True),
])
def test_last_year_of_one_incident_is_its_date(counts_of, text, injured, tally):
    hurt = _one(counts_of(text), "injured")
    assert figure(hurt) == injured and ("+period_total" in hurt.rule) == tally


def test_headline_list_of_separate_incidents_is_no_one_toll(headline_counts):
    # the people of two incidents are not summed into one
    assert headline_counts("Two guards, driver hurt in separate robberies") == (None, 1)


@pytest.mark.parametrize("text, killed, injured", [
    # a city's violent night or weekend is a tally of its shootings, not the incident's
    ("A man was shot in the arm on Elm Street. The bloody weekend across the city left three dead and 11 wounded.",
     None, 1),
    ("Two teens were wounded outside a store on Sunday. They were among 14 people shot during a violent weekend.",
     None, 2),
    # a report that has no news yet of the hurt gives no zero
    ("Shots were fired at a house on Oak Lane. There was no word yet on injuries.", None, None),
    ("Shots were fired at a house on Oak Lane. No injuries were reported.", None, 0),
    # those who fired at someone are not the people hit
    ("A couple was leaving the bar when two men shot at them from a passing car.", None, None),
    ("Four people shot at a birthday party were taken to hospital.", None, 4),
    # a singular verb is not the verb of a number above one
    ("Gunman who wounded 3, including a deputy, is killed by police", 1, 3),
    # injuries done to a number of people
    ("The gunfire led to the death of one man and injuries to four other people.", 1, 4),
    # the one hurt who has since died is one of the dead, however the report opens the phrase
    ("A young girl who had been in a hospital since the shooting at her home has died.", 1, None),
    ("A boy who was wounded in the shooting and a man who was killed were named on Monday.", 1, 1),
])
def test_tallies_shooters_and_unknowns(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)


def test_a_round_that_went_on_to_hit_someone_wounds_them(counts_of):
    # the second verb shares the bullet as its doer
    hit = _one(counts_of("A stray round came through the kitchen wall and hit her 9-year-old nephew in the hip."),
               "injured")
    assert hit.best == 1
    # a blow of a fist is no gunshot
    assert not [c for c in counts_of("The man walked up to him and hit him in the face.") if c.kind == "injured"]


@pytest.mark.parametrize("text", [
    "Another man was killed overnight and six other people were wounded in attacks across the city.",
    "Four more people were wounded in shootings from Friday evening to Sunday morning.",
])
def test_a_roundups_figure_over_bare_plural_attacks_is_a_tally(counts_of, text):
    hurt = _one(counts_of(text), "injured")
    assert "+period_total" in hurt.rule and aggregate([hurt]) is None


def test_a_figure_of_attacks_on_one_place_is_that_acts(counts_of):
    dead = _one(counts_of("Five villagers were killed in attacks on the market."), "fatalities")
    assert "+period_total" not in dead.rule


@pytest.mark.parametrize("text, injured", [
    # one hit, then another told apart by "also": two
    ("A man was shot in the back outside the diner. His nephew was also shot in the hand.", 2),
    # the one "also" hit named twice is still one more
    ("A woman was shot in the leg near the bus stop. Her son was also shot. Her son was also shot in the foot.", 2),
    # the first died: only the one "also" hit is among the hurt
    ("A man was shot outside the diner. He died at the scene. A woman was also shot in the arm.", 1),
])
def test_people_also_hit_one_at_a_time_add_up(counts_of, text, injured):
    from eventwire.extract.counts import event_counts

    assert figure(event_counts(counts_of(text), ("fatalities", "injured"))["injured"]) == injured


def test_the_dead_who_shot_the_hit_is_not_among_them(counts_of):
    from eventwire.extract.counts import event_counts

    out = event_counts(counts_of("Man who shot 3, including a deputy, is killed by troopers"), ("fatalities", "injured"))
    assert (figure(out["fatalities"]), figure(out["injured"])) == (1, 3)
    # a gunman who shot four and killed one of them: the dead is among the four
    out = event_counts(counts_of("A gunman shot four people at the bar, and one of them died."), ("fatalities", "injured"))
    assert figure(out["injured"]) == 3


def test_the_dead_a_vigil_honoured_are_not_the_gunfires(counts_of):
    from eventwire.extract.counts import event_counts

    text = ("Three people were shot at a candlelight vigil on Elm Street late Friday. "
            "The vigil honored Marcus Lee, who died after he was shot during a robbery in April.")
    out = event_counts(counts_of(text), ("fatalities", "injured"))
    assert (figure(out["fatalities"]), figure(out["injured"])) == (None, 3)
    # a death at the funeral itself stays
    dead = _one(counts_of("A man was killed at the funeral service on Sunday."), "fatalities")
    assert "+honoured" not in dead.rule


@pytest.mark.parametrize("text, killed, injured", [
    # one hurt told first, then "others" hurt: the others are more people
    ("Dana Reyes, 31, was badly wounded when a gunman fired into the crowd. Three others were wounded.", None, 4),
    ("One man was hurt in a scuffle outside the bar, and the two others who were shot are in stable condition.",
     None, 3),
    # "others" right after the dead are others than the dead
    ("One person was killed and two others were wounded at the party.", 1, 2),
    # one hit beside the dead may be the one who died: "others" are not added to them
    ("A man was shot near the store and died. Two others were wounded.", 1, 2),
])
def test_others_hurt_after_one_named(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # every dead person told "also" killed after the one hit: the hit is someone else
    ("Marcus Hill was shot in the hip near the gym. Across town, a 16-year-old was also shot and killed.", 1, 1),
    # without "also", the one hit may be the one who died
    ("Marcus Hill was shot near the gym. A 16-year-old died at the scene.", 1, 0),
])
def test_one_hit_before_the_dead_told_also_killed(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)


@pytest.mark.parametrize("text, injured", [
    # the shooter hit by his own gun beside the people he shot: one more hit
    ("Deputies said a man shot his brother and his nephew before shooting himself in the garage.", 3),
    ("Police said the woman shot her roommate before shooting herself.", 2),
    # beside a passive, the one who shot himself may be the one hit
    ("A teenager was shot in the leg after shooting himself by accident.", 1),
])
def test_the_shooter_who_shot_himself_beside_his_victims(counts_of, text, injured):
    assert _event_figures(counts_of, text) == (None, injured)


@pytest.mark.parametrize("text, injured", [
    # the wound after "for" with a possessive, or after a short phrase of place
    ("Shots rang out at the cookout. A neighbor was treated for his injuries at a clinic.", 1),
    ("Shots rang out at the cookout. Three guests were treated for their injuries.", 3),
    ("Shots rang out at the cookout. Two guests were treated at the scene for minor injuries.", 2),
    # people said to be expected to live, named together
    ("Shots rang out at the cookout. The boy and his aunt are expected to survive.", 2),
])
def test_hurt_told_by_treatment_or_recovery(counts_of, text, injured):
    assert _event_figures(counts_of, text) == (None, injured)


@pytest.mark.parametrize("text, injured", [
    # several people named together as they are taken to hospital were hit
    ("Gunfire erupted outside the arcade. A man, a woman and a boy were rushed to a nearby hospital.", 3),
    ("Shots were fired on Pine Street. A teenager and his uncle were taken to the hospital.", 2),
    # one person taken to hospital is one already named, not one more
    ("A clerk was shot during the holdup. He was taken to the hospital.", 1),
    # taken and then moved on: the same people, once
    ("Shots were fired at the ranch. The farmer and his son were taken to a hospital and then flown to a trauma "
     "hospital downstate.", 2),
])
def test_several_people_taken_to_hospital(counts_of, text, injured):
    assert _event_figures(counts_of, text) == (None, injured)


def test_a_second_subject_the_parser_sets_beside_the_first(nlp):
    from eventwire.extract.counts import _people_in

    doc = nlp("Both the suspect and the minor child were taken to a hospital with injuries.")
    head = next(t for t in doc if t.lower_ == "suspect")
    assert _people_in(head) == 2


@pytest.mark.parametrize("text, injured", [
    # a wound the person was taken to hospital "due to"
    ("Shots rang out on Oak Street. A teenager was taken to a hospital due to a gunshot wound.", 1),
    # a weapon that fired of itself strikes whom it hits
    ("The pistol discharged, striking his cousin in the hip.", 1),
    ("The rifle went off in the truck, hitting the passenger in the leg.", 1),
    # expected to recover, told after another verb of the same subject
    ("Shots rang out on Oak Street. The clerk was flown to a trauma center and is expected to recover.", 1),
])
def test_hurt_told_by_a_weapon_firing_or_a_wound_due(counts_of, text, injured):
    assert _event_figures(counts_of, text) == (None, injured)


def test_no_one_hurt_due_to_a_thing(counts_of):
    assert not [c for c in counts_of("The match was called off due to injuries.") if c.kind == "injured"]


@pytest.mark.parametrize("text, killed, injured", [
    # the act's noun names the person hit
    ("Detectives arrested a man in the shooting of a 6-year-old boy on Elm Street.", None, 1),
    # who later died is among the dead, not the hurt
    ("Detectives arrested a man in the shooting of a clerk. The clerk died at the hospital.", 1, 0),
    # a deadly shooting of someone is a death only
    ("Detectives arrested a man in the fatal shooting of a clerk.", 1, None),
])
def test_the_shooting_of_someone_names_one_hit(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # a killing and a shooting joined, each with its own object: two sets of people
    ("Prosecutors say the farmer killed his neighbour and shot the neighbour's nephew.", 1, 1),
    ("He is charged with murdering three of his cousins and shooting their uncle at the farm.", 3, 1),
    # one person shot and killed, or shot and then killed: no one more
    ("Prosecutors say the farmer shot and killed his neighbour.", 1, None),
    ("Prosecutors say the farmer shot his neighbour and killed him.", 1, None),
])
def test_one_shot_beside_a_killing_of_others_is_hurt(counts_of, text, killed, injured):
    assert _event_figures(counts_of, text) == (killed, injured)

