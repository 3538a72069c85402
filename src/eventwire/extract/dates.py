"""Dates resolved against the publication date.

Candidates are spaCy DATE entities plus the forms it misses ("On 7 May 2020,"
and, in coded notes only, GTD's leading "01/10/2021:" and ACLED's bracketed
"[10 October]"). Each span is
resolved on its own, never by searching free text (dateparser invents dates from
ordinary words). Common forms are read directly, which is exact and about a
hundred times faster; anything else goes to ``dateparser.parse`` on the span.

Rules: a weekday is the most recent such day on or before publication; a day and
month without a year take the year that puts them on or before publication;
"last week" has precision week; "in March" precision month. Durations ("for
decades", "two days") are not dates. Without a publication date, relative
expressions keep ``date=None``, precision ``relative`` and ``relative_days``.
An all-numeric date is read month first unless a number over 12 says
otherwise or the outlet writes day first (``day_first``: the convention
outside the United States, see :func:`day_first_for`).
"""
from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from dataclasses import replace

from .._literals import GatedPattern, fold
from ..records import EventDate
from ..nlp import doc_text

__all__ = ["find_dates", "resolve", "day_first_for", "page_date"]

log = logging.getLogger("eventwire")

_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_MON = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
        r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?")
_DAY_MONTH = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?)?"
                        rf"(?:\s+of)?\s+(?P<m>{_MON})(?:,?\s+(?P<y>\d{{4}}))?\b", re.I)
_MONTH_DAY = re.compile(rf"\b(?P<m>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|–)\s*\d{{1,2}})?"
                        rf"(?:,?\s+(?P<y>\d{{4}}))?\b", re.I)
_MONTH_YEAR = re.compile(rf"\b(?:(?:early|mid|late|end of|beginning of|the end of)[- ]?)?(?P<m>{_MON})"
                         rf"(?:,?\s+(?P<y>\d{{4}}))?\b", re.I)
_NUMERIC = re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})\b")
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
# A year, also as a part of it: "in 2023", "early 2023", "mid-2021", "the summer of 2018"
_YEAR = re.compile(r"^(?:in |during |since )?(?:the )?(?:(?:early|mid|late|end of|beginning of|start of|"
                   r"(?:first|second) half of|(?:spring|summer|autumn|fall|winter) of)[- ]?)?(?:the year )?"
                   r"(?P<y>(?:19|20)\d{2})$", re.I)
_WEEKDAY = re.compile(r"\b(?P<last>last |this past |past |on )?(?P<w>monday|tuesday|wednesday|thursday|friday|"
                      r"saturday|sunday)s?\b", re.I)
# A weekday followed by its calendar date ("Thursday, Jan. 8", "Friday (8 January)") is one
# phrase: the calendar date says which Thursday, however long before publication it was.
_WEEKDAY_DATE = re.compile(rf"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+\(?(?:the\s+)?"
                           rf"(?:{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MON}(?![a-z])|"
                           rf"\d{{1,2}}/\d{{1,2}}/\d{{4}})(?:,?\s+\d{{4}})?\b", re.I)
_AGO = re.compile(r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                  r"(?P<u>day|week|month|year)s?\s+ago\b", re.I)
SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10}
_RELATIVE = (  # phrase, days offset, precision
    (re.compile(r"\bday before yesterday\b", re.I), -2, "day"),
    (re.compile(r"\byesterday\b", re.I), -1, "day"),
    (re.compile(r"\blast night\b", re.I), -1, "day"),
    (re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", re.I), 0, "day"),
    (re.compile(r"\blast week\b", re.I), -7, "week"),
    (re.compile(r"\b(?:this|earlier this|late this) week\b", re.I), 0, "week"),
    (re.compile(r"\blast month\b", re.I), -30, "month"),
    (re.compile(r"\b(?:this|earlier this) month\b", re.I), 0, "month"),
    (re.compile(r"\blast year\b", re.I), -365, "year"),
    (re.compile(r"\b(?:this|earlier this) year\b", re.I), 0, "year"),
)
_DURATION = re.compile(r"^(?:for |over |during |within |in |about |around |nearly |almost |some )?(?:the |a )?"
                       r"(?:past |last |next |previous |coming |following |recent |several |few |many |"
                       r"\d+ |a |an |one |two |three |four |five |six |seven |eight |nine |ten |twenty |"
                       r"\w+ )*(?:decades?|years?|months?|weeks?|days?|hours?|nights?|minutes?|centur(?:y|ies))"
                       r"(?: long| later| earlier)?$", re.I)
# What a phrase needs to name a day on the calendar: a month, a weekday, a year, a
# numeric date, or a relative word with its unit ("next week", "two days ago").
_CALENDAR = re.compile(rf"\b{_MON}(?![a-z])|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:19|20)\d{{2}}\b|"
                       r"\d{1,2}/\d{1,2}|\b(?:ago|last|next|this)\b.*\b(?:day|week|month|year|night|morning|"
                       r"afternoon|evening|weekend)s?\b", re.I)
_STAMP = re.compile(r"\b(?:posted|updated|published|last modified)\s*(?:on\s*)?:?\s*"
                    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?$", re.I)
_GTD_PREFIX = re.compile(r"^\s*(?P<m>\d{2})/(?P<d>\d{2})/(?P<y>\d{4})\s*:")
_BRACKETED = re.compile(rf"\[(?P<t>[^\[\]]{{0,30}}?(?:\d{{1,2}}\s+{_MON}|{_MON}\s+\d{{1,2}}|\d{{4}})[^\[\]]{{0,20}})\]", re.I)


@functools.lru_cache(maxsize=1)
def _holidays() -> tuple[tuple[re.Pattern, str], ...]:
    from ._cue_tables import read_table

    return tuple((re.compile(rf"^(?:{r['pattern']})$", re.I), r["when"]) for r in read_table("holidays.csv"))


@functools.lru_cache(maxsize=1)
def _holiday_phrase() -> re.Pattern:
    """A holiday with the part of the day or the weekend it names ("Christmas night", "the
    Fourth of July holiday weekend")."""
    names = "|".join(f"(?:{rx.pattern[4:-2]})" for rx, _ in _holidays())
    return re.compile(rf"\b(?P<h>{names})(?:'s)?(?:\s+(?P<part>morning|afternoon|evening|night|(?:holiday\s+)?weekend))?\b",
                      re.I)


_WEEKDAY_ABBR = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _holiday_in(year: int, when: str) -> dt.date | None:
    if when == "easter":
        from dateutil.easter import easter

        return easter(year)
    if ":" not in when:
        month, day = when.split("-")
        return _safe(year, int(month), int(day))
    month, weekday, nth = when.split(":")
    first = dt.date(year, int(month), 1)
    days = [first + dt.timedelta(days=k) for k in range(31)]
    days = [d for d in days if d.month == first.month and d.weekday() == _WEEKDAY_ABBR.index(weekday)]
    return days[int(nth)] if int(nth) < 0 else days[int(nth) - 1]


def _holiday(text: str, published: dt.date | None):
    """(date, precision, rule, relative_days) of a phrase that is a holiday, the latest on
    or before publication; None for any other phrase."""
    m = _holiday_phrase().fullmatch(re.sub(r"^(?:on |the |on the |over )+", "", text, flags=re.I))
    if m is None:
        return None
    when = next(w for rx, w in _holidays() if rx.match(m["h"]))
    precision = "week" if (m["part"] or "").lower().endswith("weekend") else "day"
    if published is None:
        return None, "relative", "dates.holiday.no_year", None
    for year in (published.year, published.year - 1):
        day = _holiday_in(year, when)
        if day is not None and day <= published:
            return day, precision, "dates.holiday", None
    return None


_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^/@]*@)?(?P<host>[^/:?#]+)", re.I)


@functools.lru_cache(maxsize=1)
def _month_first_domains() -> frozenset[str]:
    from ._cue_tables import read_table

    return frozenset(r["tld"] for r in read_table("date_order.csv") if r["order"] == "mdy")


def day_first_for(url: str | None) -> bool:
    """Does the outlet write all-numeric dates day first? By its country domain
    (".co.uk", ".com.pk": yes; ".us", generic ".com": no, the default)."""
    m = _HOST.match(url or "")
    if not m:
        return False
    tld = m["host"].rstrip(".").rsplit(".", 1)[-1].lower()
    return len(tld) == 2 and tld.isalpha() and tld not in _month_first_domains()


def _on_or_before(year: int, month: int, day: int, published: dt.date) -> dt.date | None:
    """The date with this day and month on or before publication (this year or last)."""
    for y in (year, year - 1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if d <= published:
            return d
    return None


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _numeric(m, day_first: bool) -> tuple[dt.date | None, str, str]:
    """A numeric date in the outlet's order, unless one number can only be a day."""
    first, second = int(m["m"]), int(m["d"])
    if first > 12 or (day_first and second <= 12):
        return _safe(int(m["y"]), second, first), "day", "dates.numeric.dmy"
    return _safe(int(m["y"]), first, second), "day", "dates.numeric.mdy"


_YEAR_IN_PHRASE = re.compile(r"\b(?:19|20)\d{2}\b")


def _shared_year(text: str, after: int) -> int | None:
    """The year a span of days or months written once at its end gives them all ("in June and
    July 2024", "between March 3 and April 5, 2023"): the only year after the first date."""
    years = {int(y) for y in _YEAR_IN_PHRASE.findall(text[after:])}
    return years.pop() if len(years) == 1 else None


def _absolute(text: str, published: dt.date | None,
              day_first: bool = False) -> tuple[dt.date | None, str, str] | None:
    """(date, precision, rule) for day/month/year forms read directly."""
    m = _NUMERIC.search(text)
    if m:
        return _numeric(m, day_first)
    m = _ISO.search(text)
    if m:
        return _safe(int(m["y"]), int(m["m"]), int(m["d"])), "day", "dates.numeric"
    for rx in (_DAY_MONTH, _MONTH_DAY):
        m = rx.search(text)
        if m and m["m"].lower().rstrip(".")[:3] in _MONTHS:
            month, day = _MONTHS[m["m"].lower().rstrip(".")[:3]], int(m["d"])
            year = int(m["y"]) if m["y"] else _shared_year(text, m.end())
            if year:
                return _safe(year, month, day), "day", "dates.absolute"
            if published is None:
                return None, "relative", "dates.absolute.no_year"
            return _on_or_before(published.year, month, day, published), "day", "dates.absolute.year_inferred"
    m = _MONTH_YEAR.search(text)
    if m and m["m"].lower().rstrip(".")[:3] in _MONTHS and (m["m"].lower() != "may" or m["y"] or text.lower().strip().startswith(("in", "early", "mid", "late", "may"))):
        month = _MONTHS[m["m"].lower().rstrip(".")[:3]]
        year = int(m["y"]) if m["y"] else _shared_year(text, m.end())
        if year:
            return dt.date(year, month, 1), "month", "dates.month"
        if published is None:
            return None, "relative", "dates.month.no_year"
        return _on_or_before(published.year, month, 1, published), "month", "dates.month.year_inferred"
    m = _YEAR.match(text.strip())
    if m:
        return dt.date(int(m["y"]), 1, 1), "year", "dates.year"
    return None


_WEEKEND = re.compile(r"\b(?P<which>last|this past|past|this|the)\s+weekend\b", re.I)
_WEEK_SPAN = re.compile(r"\b(?P<which>last|earlier this|this)\s+week\b", re.I)


def _weekend(m, published: dt.date | None):
    """The Saturday of "this weekend" (the latest on or before the day of writing) or of
    "last weekend" (the same, unless the story is written on the weekend itself)."""
    if published is None:
        return None, "relative", "dates.weekend", None
    back = (published.weekday() - 5) % 7  # days since the latest Saturday
    if m["which"].lower() == "last" and back <= 1:
        back += 7
    return published - dt.timedelta(days=back), "week", "dates.weekend", -back


def _week(m, published: dt.date | None):
    """A day in the middle of the days "last week" or "earlier this week" can mean."""
    if published is None:
        return None, "relative", "dates.week", None
    monday = published - dt.timedelta(days=published.weekday())
    if m["which"].lower() == "last":
        first, last = monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
    else:
        first, last = monday, max(monday, published - dt.timedelta(days=1))
    day = first + (last - first) / 2
    return day, "week", "dates.week", (day - published).days


def _relative(text: str, published: dt.date | None) -> tuple[dt.date | None, str, str, int | None] | None:
    """(date, precision, rule, relative_days) for weekdays, "yesterday", "3 days ago"..."""
    m = _WEEKEND.search(text)
    if m:
        return _weekend(m, published)
    m = _WEEK_SPAN.search(text)
    if m:
        return _week(m, published)
    for rx, days, precision in _RELATIVE:
        if rx.search(text):
            return _shift(published, days, precision, "dates.relative")
    m = _AGO.search(text)
    if m:
        n = int(m["n"]) if m["n"].isdigit() else SMALL_NUMBERS[m["n"].lower()]
        unit = m["u"].lower()
        days = -n * {"day": 1, "week": 7, "month": 30, "year": 365}[unit]
        return _shift(published, days, "day" if unit == "day" else unit, "dates.ago")
    m = _WEEKDAY.search(text)
    if m and not _WEEKDAY_DATE.search(text):
        if published is None:
            return None, "relative", "dates.weekday", None
        back = (published.weekday() - _WEEKDAYS[m["w"].lower()]) % 7
        told_past = (m["last"] or "").strip().lower() in ("last", "past", "this past")
        if back == 0 and told_past:
            back = 7
        if back == 6 and not told_past:
            # A bare weekday naming the day after the publication date: a report tells of six
            # days back as "last Friday"; this is the publication date lagging the report by a
            # day (a first version's date, another time zone). The report's day is the nearest.
            return published, "day", "dates.weekday+next_day", 0
        return published - dt.timedelta(days=back), "day", "dates.weekday", -back
    return None


def _shift(published, days, precision, rule):
    if published is None:
        return None, "relative", rule, days
    return published + dt.timedelta(days=days), precision, rule, days


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str, published: dt.date | None, day_first: bool = False) -> dt.date | None:
    if published is None:
        return _parse_date(text, None, day_first)  # counted from today: not kept
    return _parse_date_cached(text, published, day_first)


def _parse_date(text: str, published: dt.date | None, day_first: bool) -> dt.date | None:
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first",
                "RETURN_AS_TIMEZONE_AWARE": False, "DATE_ORDER": "DMY" if day_first else "MDY"}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd strings; the span stays unresolved
        log.debug("dateparser failed on %r", text)
        return None
    return parsed.date() if parsed else None


# dateparser is slow, and a phrase comes back: again in its article, in others of the same day
_parse_date_cached = functools.lru_cache(maxsize=4096)(_parse_date)


def resolve(text: str, published: dt.date | None,
            day_first: bool = False) -> tuple[dt.date | None, str, str, int | None] | None:
    """(date, precision, rule, relative_days) of one date phrase, or None for a duration."""
    clean = text.strip().strip("[](),.;:").strip()
    if not clean:
        return None
    holiday = _holiday(clean, published)
    if holiday is not None:
        return holiday
    rel = _relative(clean, published)
    if rel is not None:
        return rel
    if _DURATION.match(clean):
        return None
    ab = _absolute(clean, published, day_first)
    if ab is not None:
        return ab[0], ab[1], ab[2], None
    if not re.search(r"\d|ago|last|next|this", clean, re.I):
        return None  # "the holidays", "recent weeks": nothing to anchor
    if not _CALENDAR.search(clean):
        return None  # a clock time ("just after 5 p.m."), a decade ("the 70s"), an age ("16-year"): no day
    if re.fullmatch(r"\d{1,4}", clean):
        return None  # a bare number that is not a year in range: an age, a count ("Boy, 16, killed")
    parsed = _dateparser(clean, published, day_first)
    if parsed is None:
        return None
    precision = "day" if re.search(r"\b\d{1,2}\b", clean) else ("year" if re.fullmatch(r"\D*\d{4}\D*", clean) else "month")
    return parsed, precision, "dates.dateparser", None


def _notes_candidates(text: str) -> list[tuple[int, int, str]]:
    """Forms only coders write: GTD's leading "01/10/2021:" and ACLED's "[10 October]"."""
    spans: list[tuple[int, int, str]] = []
    m = _GTD_PREFIX.match(text)
    if m:
        spans.append((m.start("m"), m.end("y"), "dates.gtd_prefix"))
    for m in _BRACKETED.finditer(text):
        spans.append((m.start("t"), m.end("t"), "dates.bracketed"))
    return spans


# Words before a bare holiday name that make it a time ("on Christmas"), not a kind of thing
# ("Christmas presents", "a Halloween party").
_HOLIDAY_LEAD = {"on", "over", "during", "since", "until", "this", "last", "early", "late",
                 "past", "by", "through"}


def _holiday_spans(doc, text: str) -> list[tuple[int, int, str]]:
    """Holidays named as the time of something: with a part of the day or the weekend, or
    with a preposition of time before them."""
    out = []
    for m in _holiday_phrase().finditer(text):
        before = text[:m.start()].split()[-1:] or [""]
        if before[0].lower() in _AROUND:
            out.append((m.start(), m.end(), "dates.around"))
        elif m["part"] or " " in m["h"] or before[0].lower() in _HOLIDAY_LEAD:
            out.append((m.start(), m.end(), "dates.pattern"))
    return out


# Words that put a time around a holiday, not on it: "just after Christmas", "the week before Thanksgiving"
_AROUND = {"after", "before"}


def _a_kind_of_thing(doc, start: int, end: int) -> bool:
    """A bare holiday that qualifies a noun ("Christmas presents", "a Halloween party") names
    a kind of thing, not a time; "the Christmas shooting" is still the shooting's day. After
    "for" it names the occasion ("a shotgun he got for Christmas", "home for Thanksgiving")."""
    from ._cue_tables import event_nouns

    text = doc_text(doc)
    if not _holiday_phrase().fullmatch(text[start:end]):
        return False
    if re.search(r"\bfor(?: the)?\s*$", text[max(0, start - 10):start], re.I):
        return True
    last = next((t for t in reversed(doc) if start <= t.idx < end), None)
    return last is not None and last.dep_ in ("compound", "amod", "nmod") and last.head.pos_ == "NOUN" \
        and last.head.i > last.i and last.head.lemma_.lower() not in event_nouns()


# the scans of a whole text for date phrases, each skipped in a text without its words
_FIRST_SCANS = tuple(GatedPattern(rx.pattern, rx.flags) for rx in (_WEEKDAY_DATE, _DAY_MONTH, _MONTH_DAY, _NUMERIC))
_LATER_SCANS = tuple(GatedPattern(rx.pattern, rx.flags)
                     for rx in [_WEEKEND, _WEEK_SPAN, _WEEKDAY] + [r for r, _, _ in _RELATIVE])


def _candidates(doc, profile: str = "news") -> list[tuple[int, int, str]]:
    """(start, end, rule) of date phrases: notes' own forms, DATE entities, missed forms."""
    text = doc_text(doc)
    folded = fold(text)
    spans = _notes_candidates(text) if profile == "notes" else []
    # full day-month patterns before entities: spaCy often cuts "Around 6 May 2020" to "May 2020"
    for rx in _FIRST_SCANS:
        for m in rx.finditer(text, folded):
            spans.append((m.start(), m.end(), "dates.pattern"))
    spans.extend(_holiday_spans(doc, text))
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            spans.append((ent.start_char, ent.end_char, "dates.entity"))
    for rx in _LATER_SCANS:
        for m in rx.finditer(text, folded):
            spans.append((m.start(), m.end(), "dates.pattern"))
    kept: list[tuple[int, int, str]] = []
    for s, e, rule in spans:  # first found wins; later overlapping spans are the same date
        if not any(s < ke and ks < e for ks, ke, _ in kept) and not _a_kind_of_thing(doc, s, e):
            kept.append((s, e, rule))
    return sorted(kept)


# A label that opens a part of a story written on another day than the rest: "UPDATE 1/11:",
# "PREVIOUS 1/4:", "Update -- Dec. 5, 2015, 11:37 a.m.:", "UPDATED COVERAGE, March 26". Not a
# page's own stamp ("Updated: Nov 9, 2016 - 6:57 PM", "Updated on", "Updated at"), which dates
# the page, not a part of the story.
_UPDATE_LABEL = re.compile(rf"(?:^|\n)[ \t\u200b\ufeff]*(?:UPDATE[D]?|Update|PREVIOUS|Previous|ORIGINAL STORY|Original story|EARLIER|"
                           rf"Earlier)(?:[ ]+(?:COVERAGE|STORY|Coverage|Story|\d))?[ ]*(?:[-—–]+|,|\()?[ ]*"
                           rf"(?P<date>\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|(?i:{_MON})[ ]+\d{{1,2}}(?:,?[ ]+\d{{4}})?)")


def _update_labels(text: str, published: dt.date | None) -> list[tuple[int, int, dt.date]]:
    """(start, end, day) of each label that opens a part of a live or updated story with the
    day it was written ("UPDATE 1/11: The girl died in hospital on Sunday ... PREVIOUS
    1/4: ... were waiting in a parked car Monday"): the weekdays and "yesterday" of that part
    count from that day, not from the page's publication date, which is the last update's.
    Only a day on or before publication: a later one is read no differently."""
    if published is None:
        return []
    out = []
    for m in _UPDATE_LABEL.finditer(text):
        words = m["date"]
        if "/" in words and words.count("/") == 1:
            month, day = (int(x) for x in words.split("/"))
            when = _on_or_before(published.year, month, day, published) if 1 <= month <= 12 else None
        else:
            got = _absolute(words, published)
            when = got[0] if got is not None and got[1] == "day" else None
        if when is not None and 0 <= (published - when).days <= _UPDATE_DAYS:
            out.append((m.start("date"), m.end("date"), when))
    return out


# How long before publication a labelled part of a story may have been written
_UPDATE_DAYS = 60


# A page's own time stamp near its top: "Updated: 08/10/2014 4:26 PM", "Posted on Monday, June 1, 2015"
_PAGE_STAMP = re.compile(rf"\b(?:posted|updated|published|last modified|created)\s*(?:on\s*)?:?\s*"
                         rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?"
                         rf"(?P<d>{_MON}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})", re.I)
# How far into the page its time stamp stands
_STAMP_REACH = 600
# How many days a page's stamp may precede the publication date before that date is taken for a
# later copy of the page (an archive's crawl, a feed's re-post), not the day the story was written
_STALE_DAYS = 7


def page_date(text: str, published: dt.date | None, day_first: bool = False) -> dt.date | None:
    """The day the page's own time stamp says it was written ("Updated: 08/10/2014 4:26 PM"),
    when that is more than ``_STALE_DAYS`` before the publication date: the date the document
    came with is then a later copy's, and "early Saturday" counts from the stamp. None
    otherwise (no stamp, or one that agrees with the publication date)."""
    if published is None:
        return None
    m = _PAGE_STAMP.search(text[:_STAMP_REACH])
    if m is None:
        return None
    got = _absolute(m["d"], published, day_first)
    stamp = got[0] if got is not None and got[1] == "day" else None
    return stamp if stamp is not None and (published - stamp).days > _STALE_DAYS else None


def find_dates(doc, published: dt.date | None, *, profile: str = "news",
               day_first: bool = False) -> list[EventDate]:
    """Every date expression in the document, resolved where possible.

    ``profile`` is the document's: GTD's date prefix and ACLED's bracketed
    dates are read in notes only. ``day_first``: the outlet writes 3/4/2020
    for 3 April (see :func:`day_first_for`).
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    out = []
    text = doc_text(doc)
    updates = _update_labels(text, published) if profile == "news" else []
    for s, e, rule in _candidates(doc, profile):
        phrase = text[s:e]
        if _STAMP.search(text[max(0, s - 32):s]) or any(s < end and start < e for start, end, _ in updates):
            continue  # the page's own time stamp ("Posted: Friday, June 26"), not an event's date
        if rule == "dates.gtd_prefix":
            d = _safe(int(phrase[6:10]), int(phrase[0:2]), int(phrase[3:5]))
            got = (d, "day", "mdy", None) if d else None
        else:
            written = next((day for start, _, day in reversed(updates) if start < s), published)
            got = resolve(phrase, written, day_first)
        if got is None:
            continue
        date, precision, how, rel = got
        if date is None and rel is None and precision != "relative":
            continue
        if rule == "dates.around" and precision == "day":
            precision = "week"  # "murdered just after Christmas": some day of the days around it
        out.append(EventDate(date=date, precision=precision, text=phrase, start=s, end=e,
                             relative_days=rel, rule=how if rule == "dates.entity" else f"{rule}+{how}"))
    return _years_told_elsewhere(out)


def _years_told_elsewhere(dates: list[EventDate]) -> list[EventDate]:
    """A day and month written without a year take the year the article gives the same day
    and month elsewhere ("were shot at the park on Mar. 13 ... gunned down there on March 13,
    2013"): a follow-up names its incident's day in full once and then by its day alone, which
    the rule of the latest such day before publication would put in the wrong year."""
    told: dict[tuple[int, int], set[dt.date]] = {}
    for d in dates:
        if d.date is not None and d.precision == "day" and _YEAR_WRITTEN.search(d.rule):
            told.setdefault((d.date.month, d.date.day), set()).add(d.date)
    out = []
    for d in dates:
        full = told.get((d.date.month, d.date.day), set()) if d.date is not None else set()
        if d.rule.endswith("year_inferred") and d.precision == "day" and len(full) == 1 and d.date not in full:
            d = replace(d, date=next(iter(full)), rule=f"{d.rule}+year_told")
        out.append(d)
    return out


# The rules of a date read with the year written out ("March 13, 2013", "3/13/2013")
_YEAR_WRITTEN = re.compile(r"dates\.(?:absolute|numeric(?:\.mdy|\.dmy)?)$")
