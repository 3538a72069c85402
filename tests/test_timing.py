"""News, earlier event or context: cues and dates (extract.timing)."""
import datetime as dt
from dataclasses import replace

import pytest

from eventwire.extract.structure import read_structure
from eventwire.extract.timing import CONTEXT, EARLIER, NEWS, context_cue, is_update, mention_timing
from eventwire.records import Document, EventDate, Mention, Trigger


@pytest.mark.parametrize("sentence, kind", [
    ("Since 2009, more than 3,000 people have been killed in the province.", "aggregate"),
    ("Fighting between the two communities has killed more than 180 people since 14/06/2022.", "aggregate"),
    ("At least 95 people have died in the unrest since August 2, 2021, officials say.", "aggregate"),
    ("In the past two years, attacks on police have risen sharply.", "aggregate"),
    ("Families gathered to mark the tenth anniversary of the massacre.", "anniversary"),
    ("He was sentenced to life in prison for the bombing.", "trial"),
    ("The man who kidnapped the trader was sentenced to death by the court.", "trial"),
    ("Mourners carried the coffins at the funeral on Friday.", "funeral"),
    ("It was one of the most violent weekends of the year.", "aggregate"),
    ("Analysts say the killings could spark reprisals.", "analysis"),
    ("A violence that has lasted ten years has killed more than 60,000 people.", "aggregate"),
    ("Since the coup, 3,400 people have been killed in the countryside.", "aggregate"),
    ("Two crewmen died when the army helicopter crashed into the lake.", "accident"),
    ("A driver was killed in a car accident on the interstate on Sunday.", "accident"),
    ("Hundreds of mourners attended the funeral of the slain officer.", "funeral"),
    ("The soldiers killed in the bombing were laid to rest on Friday before hundreds of mourners.", "funeral"),
    ("The minister stepped up his harsh attacks on the opposition.", "figurative"),
    ("Smuggling is an attack against our homeland, the minister said.", "figurative"),
    ("Poverty is more dangerous than the atomic bomb, he said.", "figurative"),
    ("The president declared war on drug trafficking on Friday.", "figurative"),
    # a headline's verbs of a court, a tally of murders, a group's years of war
    ("German court jails man for racist knife attack at tram stop", "trial"),
    ("The gunman was jailed for 11 years over the attack.", "trial"),
    ("Guanajuato tops Mexico's murder tally again as cartel war grinds on", "aggregate"),
    ("The group has fought for more than 15 years to topple the government.", "history"),
    # a siege that has lasted years, a decade's toll, a week's tally, a share of a tally, a trend
    ("The town has been under a blockade by the insurgents for more than three years.", "history"),
    ("The militia has killed thousands of villagers in the two provinces over the past decade.", "aggregate"),
    ("Sinaloa logs 64 murders in a week as the feud spreads", "aggregate"),
    ("Two districts accounted for more than half of last month's killings, the figures show.", "aggregate"),
    ("Grenade attacks on shops have become more frequent in the port city.", "aggregate"),
    # the months of a campaign, the time since an offensive began, a toll from statistics
    ("During the three months of the crackdown, 40 union leaders have been murdered.", "aggregate"),
    ("Dozens of farmers have been killed since the army launched its offensive in the valley.", "aggregate"),
    ("According to the human rights office's statistics, 90 people were abducted in the province.",
     "aggregate"),
    # a toll counted over the last few days of a war
    ("The ministry said 350 combatants and bystanders were killed or wounded over the past four days of fighting.",
     "aggregate"),
])
def test_context_cues(sentence, kind):
    assert context_cue(sentence)[0] == kind


@pytest.mark.parametrize("sentence", [
    "Gunmen killed 12 villagers on Monday, the deadliest attack in the region since 2019.",
    "The bombing was the latest in a series of attacks on the capital.",
    "A man was shot dead outside a bar late Saturday, police said.",
    "In the past few days the rebels have bombed two bridges on the coastal road.",  # acts, not a toll
    "A homicide count was added against the man charged in the shooting.",  # a charge, not a tally
    "Gunmen fought with police for two hours before fleeing.",
    "Guerrillas shot down an air force helicopter, which crashed near the town.",
    "A girl was killed in an accidental shooting at a relative's home on Sunday.",
    "Rebels attacked the government palace with mortars on Tuesday.",
    # a crash that gunfire caused, a shooting at a funeral: the shooting is the news
    "A girl was shot and killed after her family's car was in an accident on the highway.",
    "A gunman fired from his car until it crashed into a fence, police said.",
    "Four people were shot while standing outside a funeral home on Friday.",
    "Two Hurt in Church Funeral Shooting",
    "It was the deadliest attack on the town since 4 June 2019.",
    "A suicide bomber blew himself up among mourners at a village burial, killing nine.",
    "Militants attacked a funeral procession in the north of the province on Sunday.",
    "Funeral Bombing Kills 11 in Market Town",
    # one incident's toll, and an attack dated within its own days
    "A bomb in the market killed 120 people and wounded 300 on Friday.",
    "During the two hours of the siege, the gunmen killed four hostages.",
    # a series of attacks told as launched or as striking is a set of acts that happened
    "Hours after a wave of attacks was launched across the capital, gunfire could still be heard.",
    "A string of bombings struck three banks in the port overnight.",
    # captors who pass a death sentence on their hostage: no court, and the kidnapping is the news
    "The guerrillas abducted the engineer last week and sentenced him to death as a spy.",
])
def test_no_context_cue_in_a_report(sentence):
    assert context_cue(sentence) is None


@pytest.mark.parametrize("sentence, update", [
    ("The death toll from the attack rose to 24 on Tuesday.", True),
    ("Death toll from mosque fire rises to 24", True),
    ("A man set fire to the mosque on Wednesday.", False),
])
def test_toll_updates(sentence, update):
    assert is_update(sentence) is update


def _mention(sentence, text, date=None, precision="day"):
    start = text.index(sentence)
    when = EventDate(date=date, precision=precision, text="x", start=start, end=start + 1) if date else None
    trig = Trigger(text="attack", start=start, end=start + 6, event_type="Battles", sub_event_type="Armed clash",
                   rule="t")
    return Mention(doc_id="d", sent_start=start, sent_end=start + len(sentence), sentence=sentence, trigger=trig,
                   date=when)


def test_dates_decide_news_earlier_context():
    published = dt.date(2025, 3, 12)
    text = ("Gunmen attacked a police post on Tuesday.\n\n"
            "A bombing in the same town on Nov. 9 killed 26 people.\n\n"
            "The town was attacked in 1998.")
    s = read_structure(Document(id="d", text=text, published=published))
    lede, earlier, old = text.split("\n\n")
    assert mention_timing(_mention(lede, text, dt.date(2025, 3, 11)), s, published)[0] == NEWS
    assert mention_timing(_mention(earlier, text, dt.date(2024, 11, 9)), s, published)[0] == EARLIER
    assert mention_timing(_mention(old, text, dt.date(1998, 1, 1), "year"), s, published)[0] == CONTEXT
    assert mention_timing(_mention(old, text), s, published)[0] == NEWS  # no date: the article's own time


def test_earlier_this_year_outside_the_opening_is_history():
    published = dt.date(2025, 9, 17)
    text = ("Police fired tear gas at striking nurses outside the ministry on Wednesday.\n\n"
            "Nurses who marched in Mzuzu earlier this year were also dispersed by police.")
    s = read_structure(Document(id="d", text=text, published=published))
    body = text.split("\n\n")[1]
    m = _mention(body, text)
    start = text.index("earlier this year")
    m = replace(m, date=EventDate(date=published, precision="year", text="earlier this year", start=start,
                                  end=start + 17, relative_days=0))
    timing, cue = mention_timing(m, s, published)
    assert timing == CONTEXT and "earlier this year" in cue


def test_a_year_alone_is_history_when_the_article_has_no_date():
    text = "The editor of the newspaper was murdered in 1986."
    s = read_structure(Document(id="d", text=text))
    timing, cue = mention_timing(_mention(text, text, dt.date(1986, 1, 1), "year"), s, None)
    assert timing == CONTEXT and "history" in cue
    assert mention_timing(_mention(text, text, dt.date(1986, 5, 2), "day"), s, None)[0] == NEWS


def test_follow_up_in_the_lede_is_news():
    published = dt.date(2025, 3, 30)
    text = "Police arrested two men over the shooting on March 3 that killed a teenager.\n\nMore text here."
    s = read_structure(Document(id="d", text=text, published=published))
    timing, cue = mention_timing(_mention(text.split("\n\n")[0], text, dt.date(2025, 3, 3)), s, published)
    assert timing == NEWS and "follow-up" in cue


def test_a_happening_told_with_time_place_or_toll_leads_talk_of_violence():
    """A minister's words about a group that 'murders peasants' open the article, but the
    article's main incident is the killing it tells with a day, a village and a toll."""
    from eventwire.pipeline import Pipeline

    text = ("The interior minister said on state radio that the Shining Path murders peasants and must be "
            "stopped.\n\nMembers of the Tupac Amaru Revolutionary Movement shot dead three farmers in the "
            "village of Huanta on Sunday night, police said.")
    events = Pipeline.default().process(Document(id="talk", text=text, published=dt.date(1990, 1, 9))).events
    assert 1 <= len(events) <= 2  # the talk is set aside ("must be stopped") or ranked after the killing
    assert events[0].actor1.name.startswith("MRTA") and events[0].event_date == dt.date(1990, 1, 7)


@pytest.mark.parametrize("sentence, trigger, figurative", [
    ("A late header killed off the visitors' title hopes on Saturday.", "killed", True),
    ("The senator's remarks torpedoed any chance of a deal.", "torpedoed", True),
    # the same sentence's real killing is not the figure of speech
    ("A car bomb killed 12 people in the capital and killed hopes of a truce.", "killed", False),
])
def test_a_figure_of_speech_sets_aside_only_the_words_it_spans(sentence, trigger, figurative):
    start = sentence.index(trigger)
    cue = context_cue(sentence, (start, start + len(trigger)))
    assert (cue is not None and cue[0] == "figurative") is figurative


def test_a_headline_that_reports_a_shooting_keeps_the_article_news():
    """A lede's cue about something else ("where two other homicides have taken place in the
    past two years") does not make an article context when its headline reports the happening;
    a headline about a sentencing or a weekend's tally still does."""
    from eventwire.pipeline import Pipeline

    published = dt.date(2024, 5, 6)
    lede = ("DAYTON, Ohio - A 19-year-old man was fatally shot Sunday night on a street where two other "
            "homicides have taken place in the past two years, police said.")
    news = Document(id="h1", title="Man fatally shot, woman wounded in Dayton", published=published,
                    text=f"Man fatally shot, woman wounded in Dayton\n\n{lede}\n\nA woman was also shot and "
                         "taken to a hospital in stable condition.")
    events = Pipeline.default().process(news).events
    assert events and events[0].fatalities is not None and events[0].fatalities.best == 1
    for title in ("Man who killed neighbor sentenced to 20 years", "At least 30 shot over holiday weekend in Dayton"):
        doc = Document(id="h2", title=title, published=published, text=f"{title}\n\n{lede}")
        assert Pipeline.default().process(doc).events == []


@pytest.mark.parametrize("shooting, events", [
    # the verdict is context; the shooting it tells with its day, its town and its toll is an earlier event
    ("The March 7, 2019, shooting outside the Blue Room club in Memphis killed a 24-year-old woman and "
     "wounded two men.", [dt.date(2019, 3, 7)]),
    # told by its month only, it stays the trial's background
    ("The shooting outside the Blue Room club in Memphis in March last year killed a 24-year-old woman and "
     "wounded two men.", []),
    # a street is the place a local report gives it; the town is the dateline's
    ("Prosecutors said he killed a 24-year-old woman in the 800 block of Poplar Avenue on March 7, 2019.",
     [dt.date(2019, 3, 7)]),
    # with no place at all, it stays the trial's background
    ("Prosecutors said he killed a 24-year-old woman on March 7, 2019.", []),
])
def test_a_trial_report_keeps_the_earlier_shooting_it_dates_to_the_day(shooting, events):
    from eventwire.pipeline import Pipeline

    text = ("Jury convicts man in nightclub shooting\n\nA jury on Thursday convicted a man of manslaughter for "
            f"a shooting outside a nightclub in Memphis.\n\n{shooting}")
    found = Pipeline.default().process(Document(id="t", text=text, published=dt.date(2020, 5, 2))).events
    assert [e.event_date for e in found] == events


@pytest.mark.parametrize("lede, events", [
    # a mourning report's killing of this week is its news
    ("Neighbors on Sunday mourned a retired baker, who was shot and killed Saturday at his home in Fresno.",
     [dt.date(2020, 5, 2)]),
    # one of years ago, told without its day, stays what is mourned
    ("Neighbors on Sunday mourned a retired baker, who was shot and killed at his home in Fresno in 2015.", []),
])
def test_a_mourning_report_keeps_the_killing_of_its_week(lede, events):
    from eventwire.pipeline import Pipeline

    text = f"Neighbors mourn slain baker\n\n{lede}\n\nFriends remembered him as a kind man."
    found = Pipeline.default().process(Document(id="t", text=text, published=dt.date(2020, 5, 4))).events
    assert [e.event_date for e in found] == events


_LABELLED = ("{label}Gunmen kill 12 villagers in Zamfara\n\nGUSAU, Nigeria (Reuters) - Gunmen killed 12 villagers "
             "in an attack on a village in Zamfara state on Sunday, a local official said.\n\n"
             "Northwest Nigeria has for years been plagued by armed gangs.")


@pytest.mark.parametrize("label", ["ANALYSIS-", "Analysis: ", "EXPLAINER-", "Opinion | "])
def test_a_headline_labelled_analysis_makes_the_article_context(label):
    import eventwire

    assert eventwire.extract(_LABELLED.format(label=label), published="2024-09-16") == []
    assert eventwire.extract(_LABELLED.format(label=""), published="2024-09-16")  # the same report, unlabelled


def test_a_label_must_open_the_headline():
    import eventwire

    text = _LABELLED.format(label="").replace("Gunmen kill 12 villagers in Zamfara",
                                               "Gunmen kill 12 villagers in Zamfara, analysis shows", 1)
    assert eventwire.extract(text, published="2024-09-16")


@pytest.mark.parametrize("text", [
    # a year in a clause that tells the victim's past dates the past, not the killing
    "Gunmen shot dead a former mayor, who had led the city council in 2004, outside his office on Monday.",
    "A lawyer who had defended the union in 2011 was shot dead on Monday in his car.",
])
def test_a_year_that_describes_the_victim_does_not_date_the_act(text):
    from eventwire.pipeline import Pipeline

    found = Pipeline.default().process(Document(id="t", text=text, published=dt.date(2020, 5, 6))).events
    assert [e.event_date for e in found] == [dt.date(2020, 5, 4)]


def test_a_clause_that_tells_the_act_still_dates_it():
    from eventwire.pipeline import Pipeline

    text = "The bank, which was badly damaged by a car bomb on Monday, reopened its doors on Wednesday."
    found = Pipeline.default().process(Document(id="t", text=text, published=dt.date(2020, 5, 6))).events
    assert [e.event_date for e in found if e.event_type == "Explosions/Remote violence"] == [dt.date(2020, 5, 4)]
