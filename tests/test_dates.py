"""Date expressions resolved against the publication date."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.extract.dates import find_dates, resolve

PUBLISHED = dt.date(2020, 5, 2)  # a Saturday


@pytest.fixture(scope="module")
def dates_of(nlp):
    def run(text: str, published=PUBLISHED, **kw):
        return find_dates(nlp(text), published, **kw)
    return run


@pytest.mark.parametrize("phrase, date, precision", [
    ("on Tuesday", dt.date(2020, 4, 28), "day"),
    ("on Saturday", dt.date(2020, 5, 2), "day"),
    # the day after publication, bare: the publication date lags the report, not six days back
    ("on Sunday", dt.date(2020, 5, 2), "day"),
    ("early Sunday", dt.date(2020, 5, 2), "day"),
    ("last Sunday", dt.date(2020, 4, 26), "day"),
    ("on Friday", dt.date(2020, 5, 1), "day"),
    ("yesterday", dt.date(2020, 5, 1), "day"),
    ("last week", dt.date(2020, 4, 23), "week"),  # the middle of the week before
    ("earlier this week", dt.date(2020, 4, 29), "week"),
    ("last weekend", dt.date(2020, 4, 25), "week"),  # written on a Saturday: the one before
    ("this weekend", dt.date(2020, 5, 2), "week"),
    ("in March", dt.date(2020, 3, 1), "month"),
    ("10 October", dt.date(2019, 10, 10), "day"),
    ("7 May 2020", dt.date(2020, 5, 7), "day"),
    ("April 30", dt.date(2020, 4, 30), "day"),
    ("three days ago", dt.date(2020, 4, 29), "day"),
    # a weekday with its calendar date is that date, not the latest such weekday
    ("Thursday, April 9", dt.date(2020, 4, 9), "day"),
    ("Monday, 6 April 2020", dt.date(2020, 4, 6), "day"),
])
def test_resolve(phrase, date, precision):
    got = resolve(phrase, PUBLISHED)
    assert got is not None and got[0] == date and got[1] == precision


@pytest.mark.parametrize("phrase", ["for decades", "two days", "decades", "the past few weeks", "16", "66", "9700"])
def test_durations_are_not_dates(phrase):
    assert resolve(phrase, PUBLISHED) is None


def test_acled_opening(dates_of):
    found = dates_of("On 7 May 2020, regime forces shelled Kansafra.")
    assert found[0].date == dt.date(2020, 5, 7) and found[0].text == "7 May 2020"


def test_acled_around_keeps_the_day(dates_of):
    found = dates_of("Around 6 May 2020 (as reported), protesters gathered.")
    assert found[0].date == dt.date(2020, 5, 6)


def test_bracketed_date(dates_of):
    found = dates_of("Cadres torched the building on Monday [21 September].", dt.date(2015, 9, 21), profile="notes")
    assert {d.date for d in found} == {dt.date(2015, 9, 21)}
    assert any("bracketed" in d.rule for d in found)
    news = dates_of("Cadres torched the building on Monday [21 September].", dt.date(2015, 9, 21))
    assert not any("bracketed" in d.rule for d in news)


def test_gtd_prefix_is_month_first(dates_of):
    found = dates_of("01/10/2021: Assailants attacked a post.", None, profile="notes")
    assert found[0].date == dt.date(2021, 1, 10) and found[0].rule.startswith("dates.gtd_prefix")
    # in news the same form is an ordinary numeric date, in the outlet's order
    news = dates_of("01/10/2021: Assailants attacked a post.", None, day_first=True)
    assert all(not d.rule.startswith("dates.gtd_prefix") for d in news)


@pytest.mark.parametrize("phrase, day_first, date", [
    ("3/4/2020", False, dt.date(2020, 3, 4)),
    ("3/4/2020", True, dt.date(2020, 4, 3)),
    ("25/4/2020", False, dt.date(2020, 4, 25)),  # only a day can be 25
    ("4/25/2020", True, dt.date(2020, 4, 25)),
])
def test_numeric_dates_follow_the_outlet(phrase, day_first, date):
    assert resolve(phrase, PUBLISHED, day_first)[0] == date


def test_outlet_convention_by_country_domain():
    from eventwire.extract.dates import day_first_for

    assert day_first_for("https://www.dawn.com.pk/news/1") and day_first_for("bbc.co.uk/news")
    assert not day_first_for("https://www.kare11.com/story") and not day_first_for("http://wnct.us/a")
    assert not day_first_for(None) and not day_first_for("https://news.example.ph/x")


def test_no_publication_date_keeps_relative(dates_of):
    found = dates_of("Gunmen attacked the post yesterday.", None)
    assert found[0].date is None and found[0].precision == "relative" and found[0].relative_days == -1


def test_background_duration_ignored(dates_of):
    assert dates_of("For decades, the province has been a hotbed of insurgency.") == []


def test_weekend_and_ages_in_news(dates_of):
    # written on a Wednesday: "last weekend" is the Saturday just gone
    found = dates_of("The boy was shot last weekend.", dt.date(2015, 5, 20))
    assert found[0].date == dt.date(2015, 5, 16)
    assert dates_of("Girl, 15, killed in Logan Square shooting") == []


def test_dateline_date_is_the_reference(nlp):
    from eventwire.extract import extract_document
    from eventwire.records import Document

    text = "SPRINGFIELD, Ill., May 4 (AP) - A man was shot dead on Sunday, police said."
    found = extract_document(nlp(text), Document(id="d", text=text, published=dt.date(2020, 5, 9)))
    sunday = [d for d in found.dates if d.text == "Sunday"]
    assert sunday and sunday[0].date == dt.date(2020, 5, 3)  # the Sunday before May 4, not before May 9


@pytest.mark.parametrize("phrase", ["just after 5 p.m.", "the 70s", "16-year", "3 at 10:00 p.m.", "28 Martinez",
                                    "Decatur 12"])
def test_phrases_without_a_day_are_no_dates(phrase):
    assert resolve(phrase, PUBLISHED) is None


def test_page_time_stamp_is_no_date(dates_of):
    found = dates_of("Deputies identify victims Posted: Friday, May 1, 2020 4:46 AM EDT")
    assert found == []


def _news_events(pipeline, text, published=PUBLISHED):
    from eventwire.records import Document

    return pipeline.process(Document(id="d", text=text, published=published)).events


def _news_event_dates(pipeline, text, published=PUBLISHED):
    return [e.event_date for e in _news_events(pipeline, text, published)]


def test_a_date_on_a_verb_of_telling_dates_the_report(pipeline):
    # the shooting was Saturday; Monday is when the affidavit was obtained
    text = ("According to the affidavit, obtained Thursday, the woman told police she shot her husband. "
            "The shooting happened about 7:30 p.m. Tuesday in the 3200 block of Chandler Highway.")
    assert _news_event_dates(pipeline, text)[0] == dt.date(2020, 4, 28)


def test_an_undated_incident_takes_the_day_the_article_says_it_happened(pipeline):
    text = ("A 9-year-old boy was wounded when a loaded shotgun went off in an apartment. "
            "It happened Wednesday night at a complex on the southeast side of the city.")
    assert _news_event_dates(pipeline, text) == [dt.date(2020, 4, 29)]


@pytest.mark.parametrize("text, day", [
    # "investigating" is a verb of the case, but the date ends the phrase naming the death
    ("Detectives are investigating the shooting death of a woman at a backyard party near the lake "
     "Tuesday night. Investigators said the man had been drinking with friends.", dt.date(2020, 4, 28)),
    # the day a victim was taken to hospital
    ("A 7-year-old girl who was shot inside her home has died, police said. "
     "The girl was rushed to a children's hospital Tuesday evening with a wound to the head.", dt.date(2020, 4, 28)),
    # a report of an arrest three weeks on: the incident's own day, not the day of the report
    ("Police have arrested a 22-year-old man in the shooting of a teenager on the north side. "
     "It happened on April 9 outside a corner store on Grand Avenue.", dt.date(2020, 4, 9)),
    # the arrest is Thursday; the shooting it follows is undated in its own sentence
    ("A 20-year-old man was wounded in a shooting outside a gas station on Elm Road. "
     "A suspect was arrested Thursday, police said. The shooting happened Monday night.", dt.date(2020, 4, 27)),
    # a date on the violence itself
    ("A hunter was shot by a companion in a field east of town, deputies said. "
     "He died Thursday night at a regional hospital.", dt.date(2020, 4, 30)),
])
def test_the_incident_takes_the_day_the_article_gives_it(pipeline, text, day):
    assert _news_event_dates(pipeline, text)[0] == day


def test_weekday_with_its_date_is_one_phrase(dates_of):
    found = dates_of("A shooting on the night of Thursday, April 9, killed a man.")
    assert [(d.text, d.date) for d in found] == [("Thursday, April 9", dt.date(2020, 4, 9))]


@pytest.mark.parametrize("phrase, published, date, precision", [
    ("on Christmas night", dt.date(2016, 1, 3), dt.date(2015, 12, 25), "day"),
    ("New Year's Eve", dt.date(2017, 1, 3), dt.date(2016, 12, 31), "day"),
    ("Thanksgiving", dt.date(2015, 12, 1), dt.date(2015, 11, 26), "day"),  # the fourth Thursday
    ("Memorial Day weekend", dt.date(2016, 6, 3), dt.date(2016, 5, 30), "week"),  # the last Monday
    # a holiday weekend is the days around the holiday, not the holiday itself
    ("over the Fourth of July holiday weekend", dt.date(2016, 7, 8), dt.date(2016, 7, 4), "week"),
])
def test_holidays_are_days(phrase, published, date, precision):
    got = resolve(phrase, published)
    assert got is not None and got[0] == date and got[1] == precision


def test_a_holiday_that_names_a_kind_of_thing_is_no_date(dates_of):
    assert dates_of("He went to a Halloween party and bought Christmas presents.") == []
    assert dates_of("The boy was showing his sister a rifle he got for Christmas.", dt.date(2016, 1, 4)) == []
    found = dates_of("A boy was shot on Halloween.", dt.date(2015, 11, 2))
    assert [d.date for d in found] == [dt.date(2015, 10, 31)]


@pytest.mark.parametrize("text, published, date", [
    # the date of a charge is not the incident's, even with the crime named beside it
    ("A man was shot and killed outside a market on Cincinnati's west side. "
     "Police say they charged Anthony Rosemond with murder on Saturday. "
     "Investigators say the shooting happened Dec. 8.", dt.date(2015, 12, 21), dt.date(2015, 12, 8)),
    # an incident reported at a time was there and then
    ("A 17-year-old girl was killed in Miami. A suspect was arrested Monday in the deadly shooting. "
     "The shooting was reported around 9:15 p.m. Nov. 22 on Northwest 27th Street.",
     dt.date(2016, 11, 30), dt.date(2016, 11, 22)),
    # a day given with its clock time is when it happened; the day of the search is the report's
    ("Detectives were searching late Tuesday for two men in a shooting that wounded three people outside a bar. "
     "The men opened fire around 11:30 p.m. Saturday near the front door.",
     dt.date(2018, 3, 6), dt.date(2018, 3, 3)),
    # officers arriving on a day found the victims that day
    ("Three people were shot at a house near the river. "
     "Two men with bullet wounds were lying in the driveway when deputies arrived Friday evening.",
     dt.date(2018, 3, 6), dt.date(2018, 3, 2)),
    # an earlier shooting the report dates by its month does not date today's undated news
    ("Three men were shot outside a corner store on Elm Street, police said. "
     "Officers had answered another shooting on the same block back in February.",
     dt.date(2019, 6, 12), dt.date(2019, 6, 12)),
    ("A woman was wounded by gunfire at a bus shelter. "
     "Two teenagers were shot and wounded near the shelter in November of 2017.",
     dt.date(2019, 3, 8), dt.date(2019, 3, 8)),
    # the day on the act, not the day on another verb of the sentence
    ("A clerk who quit his job at the depot last week shot and killed his neighbour Sunday night.",
     dt.date(2019, 6, 12), dt.date(2019, 6, 9)),
    # the day a school posted about a shooting or a family spoke of it is not the shooting's: it bounds the
    # undated shooting (the latest day it can have been), as the days of the next cases do
    ("A teenager was shot and killed outside a gym. The school posted a letter to families Friday about the shooting.",
     dt.date(2019, 6, 10), dt.date(2019, 6, 7)),
    ("Relatives spoke Wednesday about the shooting that killed two brothers at a car wash.",
     dt.date(2019, 6, 14), dt.date(2019, 6, 12)),
    # a day that ends the clause of the act, before the clause of telling, is the act's
    ("A teenager was accidentally shot in the leg Saturday, the county sheriff's office announced "
     "in a news release Monday.", dt.date(2019, 6, 17), dt.date(2019, 6, 15)),
    # a day that opens the clause of telling is still the telling's, a bound of the undated act
    ("A woman was shot and wounded at a bus stop near the library, and on Monday police arrested a suspect.",
     dt.date(2019, 6, 18), dt.date(2019, 6, 17)),
    # a gun that went off on a day dates the undated shooting
    ("A man died in an accidental shooting at a farm near the lake. "
     "Deputies say the rifle discharged Sunday while he was cleaning it in a barn.",
     dt.date(2019, 6, 18), dt.date(2019, 6, 16)),
    # a release from hospital is a development after the shooting: its day is not the shooting's
    ("Two brothers were shot and wounded in a parking lot behind a church. One of them was released "
     "from the hospital Monday, police said. Officers answered calls of shots fired there at 11 p.m. Saturday.",
     dt.date(2019, 6, 18), dt.date(2019, 6, 15)),
    # the act told as a span before a dated step: the step's day less the span
    ("A 52-year-old man died Saturday, a week after he was gravely hurt in a drive-by shooting "
     "near his home, police said.", dt.date(2019, 6, 17), dt.date(2019, 6, 8)),
    # a span before something that is no act leaves the step its own day
    ("A man was arrested Tuesday on a warrant, a week after he missed a court hearing.",
     dt.date(2019, 6, 14), dt.date(2019, 6, 11)),
    # a follow-up months on names its incident by a day and month without a year: that day
    ("A man was charged with murder in the shooting death of his neighbour. The incident happened the night of "
     "March 9 outside the neighbour's home.", dt.date(2019, 6, 18), dt.date(2019, 3, 9)),
    # a day with its year, months before publication, may be another incident's: not the news's
    # where the article tells a day of its own week ("charged Monday")
    ("A man was charged Monday with murder in the shooting death of his neighbour. The incident happened the night of "
     "March 9, 2018 outside the neighbour's home.", dt.date(2019, 6, 18), dt.date(2019, 6, 17)),
    # a follow-up that tells no day of its own week is dated by its incident's full date
    ("A man was charged with murder in the shooting death of his neighbour. The incident happened the night of "
     "March 9, 2018 outside the neighbour's home.", dt.date(2019, 6, 18), dt.date(2018, 3, 9)),
    # ... unless that date is older than a case runs: a reference to another era
    ("A man was charged with murder in the shooting death of his neighbour. The incident happened the night of "
     "March 9, 2015 outside the neighbour's home.", dt.date(2019, 6, 18), dt.date(2019, 6, 18)),
    # a day told with its hour, on no verb of telling, is the undated incident's
    ("Three people were shot at a party in a park, police said. Witnesses said a group was standing "
     "near the pavilion early Saturday evening when an argument began.", dt.date(2019, 6, 18), dt.date(2019, 6, 15)),
    # a day with its hour on a verb of telling is the report's, a bound of the undated act
    ("A woman was shot and wounded near a bus stop. Police said Monday morning that they had no suspects.",
     dt.date(2019, 6, 18), dt.date(2019, 6, 17)),
    # the hour told in a clause of being, under a verb of telling: the clause's day
    ("A girl was shot in the arm at her home. Her father says he was at home with her Monday evening.",
     dt.date(2019, 6, 18), dt.date(2019, 6, 17)),
    # the day of a clause that a "when" clause of the incident follows
    ("A girl was accidentally shot in the head at a relative's home. Deputies say she was staying at the home "
     "with two other children on June 3, when the accident happened.", dt.date(2019, 6, 18), dt.date(2019, 6, 3)),
    # a day that opens a sentence cut after a clock time is that time's
    ("A teenager was accidentally shot and killed on a fishing trip with his father at about 5:30 p.m.\n\n"
     "Thursday at the river bridge, deputies said.", dt.date(2019, 6, 18), dt.date(2019, 6, 13)),
    # a vigil's day is the vigil's, not the shooting's it honours
    ("Neighbors held a candlelight vigil Thursday night for a teenager who was shot and killed while he "
     "was sitting in a car Monday night.", dt.date(2019, 6, 18), dt.date(2019, 6, 17)),
    # a day and month before the incident's noun name its day, however the parser hangs them
    ("Couple charged in fatal shooting of boy. A couple was charged Monday with child neglect "
     "in the March 20 shooting death of an 11-year-old boy.", dt.date(2019, 4, 10), dt.date(2019, 3, 20)),
    # a day on a later step of the case ("his first court appearance Monday morning") is that step's,
    # a bound of the undated act
    ("A man was shot and wounded during a robbery on a stoop. The teen charged in the shooting made his first "
     "court appearance Monday morning.", dt.date(2019, 6, 19), dt.date(2019, 6, 17)),
    # a relative day inside a quotation counts from when it was said, not from publication
    ("A woman was shot dead outside a club, deputies said. A witness heard the gunman say: "
     "\"I'm gonna catch me a body tonight.\" The shooting happened Saturday.", dt.date(2019, 6, 19),
     dt.date(2019, 6, 15)),
])
def test_incident_dates_in_news(pipeline, text, published, date):
    events = _news_events(pipeline, text, published)
    assert events and events[0].event_date == date


@pytest.mark.parametrize("text, day", [
    # the only day told is the arrest's: the shooting came no later than it
    ("A man accused of shooting his neighbour in the arm during an argument over a fence was jailed "
     "Wednesday on charges of assault and reckless endangerment.", dt.date(2020, 4, 29)),
    # the earliest of the days told, not the later one
    ("A woman was wounded by a stray bullet in her kitchen, police said Thursday. A teenager was "
     "arrested Friday in connection with the shooting.", dt.date(2020, 4, 30)),
    # a day told with its month, under a month before the report: the shooting came no later
    ("A 15-year-old boy has been charged after a friend was shot in the leg, deputies said. The boys were "
     "at an apartment with several other teenagers on Monday, April 20.", dt.date(2020, 4, 20)),
    # a step yet to come is no day of the case: the publication date stays
    ("A clerk was shot during a robbery of a liquor store on Main Street, police said. "
     "The suspect is due in court Thursday.", PUBLISHED),
])
def test_an_undated_incident_takes_the_first_day_of_its_case(pipeline, text, day):
    event = _news_events(pipeline, text)[0]
    assert event.event_date == day
    assert event.date_precision == ("day" if day == PUBLISHED else "week")  # a bound, not the day


@pytest.mark.parametrize("text, day", [
    # the boy's condition on Thursday is on the mention of the shooting; the article says when it happened
    ("A 15-year-old boy shot in the head by a friend remained in critical condition Thursday at a children's "
     "hospital. The boys were playing with a handgun in a bedroom Tuesday evening when it went off.",
     dt.date(2020, 4, 28)),
    # the autopsy's day on the mention of the shooting, the hour of the call in the next sentence
    ("An autopsy conducted Friday on a teenager found shot in a parked car determined that the wound "
     "was self-inflicted. Officers responded at about 9 p.m. Wednesday to a home on Lake Road.",
     dt.date(2020, 4, 29)),
])
def test_the_day_the_article_says_it_happened_wins_over_a_later_day(pipeline, text, day):
    assert _news_event_dates(pipeline, text)[0] == day


@pytest.mark.parametrize("text, day", [
    # the day of a call to the sheriff told with its clock time after it
    ("A woman was wounded in a shooting at an apartment complex, deputies said. On April 24 at about 6 p.m. "
     "the sheriff's office received a call about gunfire on Main Street.", dt.date(2020, 4, 24)),
    # the day of the clause before the act, with its hour after it
    ("A teenager was charged with attempted murder in the shooting of a man outside a laundromat, prosecutors "
     "said. The victim was sitting with a friend on a porch on April 21 at about 5:10 a.m., court papers say.",
     dt.date(2020, 4, 21)),
])
def test_a_day_with_its_clock_time_after_it_dates_the_incident(pipeline, text, day):
    assert _news_event_dates(pipeline, text)[0] == day


def test_the_day_the_article_says_it_happened_wins_over_a_month(pipeline):
    text = ("A clerk was wounded in a robbery at a gas station last month, police said. "
            "Officers responded to the station at about 10:30 p.m. April 20 and found him behind the counter.")
    assert _news_event_dates(pipeline, text)[0] == dt.date(2020, 4, 20)


def test_a_death_from_wounds_is_a_later_day_than_the_shooting(pipeline):
    # the bartender died of her wounds a day after the shooting; the first day told of the case bounds it
    text = ("Two people were shot outside a bar on Water Street, police said Wednesday. "
            "One of them, a bartender, died from her wounds on Thursday.")
    assert _news_event_dates(pipeline, text)[0] == dt.date(2020, 4, 29)


def test_a_day_followed_by_when_the_gun_went_off_dates_the_incident(pipeline):
    # "holding" hangs the day on a verb that is not the act; the "when" clause times the act to it
    text = ("A 14-year-old boy has been charged in the death of his cousin. Police said the boy was holding "
            "a pistol in a bedroom on April 18 when it discharged, killing the girl.")
    assert _news_event_dates(pipeline, text)[0] == dt.date(2020, 4, 18)


def test_a_day_outside_the_week_the_act_is_told_in_does_not_date_it(pipeline):
    # the report is filed on a Saturday: "Saturday" read from it falls a week after "one week ago"
    text = ("A music teacher was shot one week ago while driving home on Lake Avenue Saturday evening. "
            "Students and colleagues gathered at the school to remember him.")
    assert _news_event_dates(pipeline, text)[0] == dt.date(2020, 4, 25)


@pytest.mark.parametrize("text, day", [
    # a verdict's day is the court's: the day the article gives the robbery dates the shooting
    ("A man was found guilty Thursday of shooting a clerk during a robbery of a gas station. Officers "
     "responded at about 10:30 p.m. April 20 and found the clerk behind the counter.", dt.date(2020, 4, 20)),
    # a mother recalling the shooting on the stand: the day she spoke is not the shooting's
    ("A woman recalled Thursday how her son was shot in the chest outside a store on Elm Street. Officers "
     "were called to the store at 9 p.m. April 22.", dt.date(2020, 4, 22)),
])
def test_a_day_of_a_verdict_or_a_recollection_is_a_step_of_the_case(pipeline, text, day):
    assert _news_event_dates(pipeline, text)[0] == day


@pytest.mark.parametrize("text, day", [
    ("A 30-year-old man died Thursday from injuries he suffered Tuesday night in a shooting outside a bar "
     "on Main Street.", dt.date(2020, 4, 28)),
    ("A teenager died Friday of a gunshot wound sustained on Wednesday at a party on Elm Street, the "
     "coroner's office said.", dt.date(2020, 4, 29)),
])
def test_a_death_days_after_the_act_takes_the_acts_day(pipeline, text, day):
    assert _news_event_dates(pipeline, text)[0] == day


def test_a_day_on_telling_about_the_shooting_is_the_tellings(pipeline):
    # the district's post is about the shooting; "earlier this week" is the shooting's time
    text = ("A 13-year-old boy was shot and killed at a friend's home earlier this week. The school district "
            "posted about the shooting on its website Friday.")
    assert _news_event_dates(pipeline, text)[0] == dt.date(2020, 4, 29)


@pytest.mark.parametrize("text, day", [
    # the arrest's day opens the sentence; the shooting is said to have happened on Monday
    ("On Wednesday, officers found and arrested a 17-year-old in connection with a shooting that happened on "
     "Monday near a school on Oak Street. Two teenagers were wounded.", dt.date(2020, 4, 27)),
    # the day officers were called comes first; the article says when the incident happened
    ("A father was arrested after his son was accidentally shot in the foot last month. Officers went "
     "to the house Thursday night to check on the boy. His partner told police the incident happened April 5.",
     dt.date(2020, 4, 5)),
])
def test_the_day_the_incident_is_said_to_have_happened_wins(pipeline, text, day):
    assert _news_event_dates(pipeline, text)[0] == day


def test_a_part_of_a_story_labelled_with_its_day_counts_from_that_day(pipeline):
    # the first report, kept below the update, was written on Monday, April 27: its Sunday is the 26th
    text = ("UPDATE 4/29: The man died at the hospital on Tuesday, police said.\n\n"
            "PREVIOUS 4/27: A 40-year-old man was shot in the chest while sitting on his porch on Cedar Street "
            "early Sunday, police said.")
    assert _news_event_dates(pipeline, text)[0] == dt.date(2020, 4, 26)


def test_a_day_in_a_while_clause_of_the_act_is_the_acts(pipeline):
    # what the victims were doing when they were shot dates the shooting to the day, not only by the
    # week of its first told step
    text = ("Two men were wounded while attending a birthday party Thursday night at a park on Grant Avenue, "
            "police said. A suspect was arrested Friday.")
    event = _news_events(pipeline, text)[0]
    assert (event.event_date, event.date_precision) == (dt.date(2020, 4, 30), "day")


def test_a_time_just_after_a_holiday_is_not_the_holiday(pipeline):
    # "just after Easter" is some day after April 12; the article names the day
    text = ("A teenager was killed just after Easter in a drive-by on Main Street, and now police say they have "
            "their man. The charges stem from the April 14 fatal shooting near Oak Avenue.")
    assert _news_event_dates(pipeline, text)[0] == dt.date(2020, 4, 14)


def test_a_day_taken_into_custody_is_the_arrests(pipeline):
    # the arrest's night comes first; officers were called to the bar on April 5
    text = ("A man accused of shooting two people outside a bar last month was taken into custody Thursday night, "
            "police said. Officers were called to the bar at about 1 a.m. on April 5.")
    assert _news_event_dates(pipeline, text)[0] == dt.date(2020, 4, 5)


def test_a_day_told_after_its_early_morning_hours_dates_the_incident(pipeline):
    # the call came in the early morning hours of April 26: the incident's day, not a bound of it
    text = ("A man accused of killing his wife appeared in court Thursday, prosecutors said. In the early morning "
            "hours of April 26, police received a call from the man, who said intruders had shot her.")
    event = _news_events(pipeline, text)[0]
    assert (event.event_date, event.date_precision) == (dt.date(2020, 4, 26), "day")


def test_an_earlier_shooting_at_the_spot_does_not_date_the_news(pipeline):
    # the killing is Friday's, told in a sentence that also gives the block's past; the shooting at
    # the same corner in March is the block's history, not the day of the undated headline
    text = ("Teen fatally shot, another wounded on Elm Street\n\n"
            "SPRINGFIELD – A 17-year-old boy was fatally shot Friday evening on a block of Elm Street where two "
            "other people have been killed over the last year and a half, police said.\n\n"
            "A second teenager was hurt in the shooting, which took place at about 9 p.m. near a corner store.\n\n"
            "Police have not named a suspect.\n\n"
            "A man was wounded at that corner on March 20 and two days later a woman was shot dead nearby.")
    assert _news_event_dates(pipeline, text)[0] == dt.date(2020, 5, 1)


def test_a_day_without_its_year_takes_the_year_told_elsewhere(dates_of):
    # a follow-up a year on names the day in full once; the short form is the same day
    text = ("Two teenagers were shot and killed at Riverside Park on Mar. 13. Prosecutors on Friday dropped "
            "charges against a man accused in the killings. The teens were gunned down on March 13, 2019.")
    found = {d.text: d.date for d in dates_of(text)}
    assert found["Mar. 13"] == dt.date(2019, 3, 13)
    assert found["March 13, 2019"] == dt.date(2019, 3, 13)


def test_a_day_without_its_year_keeps_the_latest_year_when_none_is_told(dates_of):
    found = {d.text: d.date for d in dates_of("The shooting on Mar. 13 left two dead, police said on April 2, 2020.")}
    assert found["Mar. 13"] == dt.date(2020, 3, 13)


def test_a_holiday_weekend_tally_does_not_date_the_incident(pipeline):
    # the judge's tally of a holiday weekend's shootings is no day of this shooting
    text = ("A man who shot three people in a dispute with his tenants was ordered held on $50,000 bond. "
            "The judge noted that more than 50 people were shot across the city over the Fourth of July holiday weekend. "
            "Court records say the tenants came to his home Sunday night armed with a pipe.")
    assert _news_event_dates(pipeline, text, dt.date(2016, 7, 12))[0] == dt.date(2016, 7, 10)


@pytest.mark.parametrize("text, published, written", [
    # a copy of the page taken years on: the stamp is the day it was written
    ("Updated: 08/10/2019 4:26 PM\n\nNine people were hurt early Saturday.", dt.date(2020, 5, 2), dt.date(2019, 8, 10)),
    ("Posted on Monday, June 1, 2015\n\nA man was shot Sunday.", dt.date(2017, 1, 28), dt.date(2015, 6, 1)),
    # a stamp that agrees with the publication date changes nothing
    ("Updated: May 1, 2020 - 6:57 PM\n\nA man was shot Friday.", dt.date(2020, 5, 2), None),
    # a date that is no stamp of the page
    ("A man was shot on June 1, 2015, police said.", dt.date(2017, 1, 28), None),
])
def test_a_page_stamp_well_before_publication_dates_the_page(text, published, written):
    from eventwire.extract.dates import page_date

    assert page_date(text, published) == written


def test_weekdays_count_from_the_page_stamp_of_an_old_copy(pipeline):
    text = ("Updated: 08/10/2019 4:26 PM\n\n"
            "Gunfire at a house party injured nine people early Saturday, police said.")
    assert _news_event_dates(pipeline, text, dt.date(2020, 5, 2))[0] == dt.date(2019, 8, 10)


def test_a_day_between_the_told_act_and_its_teller_is_the_acts(pipeline):
    # the parse hangs "on Tuesday" on "told", but the telling's day would follow its verb
    text = ("Mortar shells landed near the airport in Kandahar on Wednesday night, witnesses said.\n\n"
            "Three policemen were wounded when gunmen opened fire on their patrol car near a bridge outside "
            "Kandahar, about 20km east of the airport, on Tuesday, a district official told reporters.")
    assert sorted(_news_event_dates(pipeline, text)) == [dt.date(2020, 4, 28), dt.date(2020, 4, 29)]
