"""Is a mention the article's news, an earlier event, or context?

A news report leads with what just happened and then gives background. Each
asserted mention is classed:

- ``news``: what the article reports as having just happened (no date, or a
  date within a week of publication; in the title, dateline or lede, within
  ``ANCHOR_DAYS`` as a follow-up report on the main incident);
- ``earlier``: an earlier event the article reports with its own date;
  assemble keeps it only when the article gives it a day, a place and an
  outcome (a count);
- ``context``: history ("in 1948", "since 2009"), aggregates over weeks or years,
  anniversaries, trials and funerals of past incidents, analysis (cues in
  ``data/timing_cues.csv``), the game's words of a match report (:func:`match_report`:
  "the visitors' attack", "a deflected strike"; a sentence that names police, a weapon or
  fans who clashed stays an event), and every mention of an article whose title and
  lede are themselves context (an anniversary piece, a weekly tally) or whose
  headline labels it analysis or opinion ("ANALYSIS-", "Explainer:").

Each decision carries its cue, shown by ``eventwire extract --explain``.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import replace

from .._literals import GatedPattern, finder, fold
from ..records import ArticleStructure, Document, EventDate, Mention
from ._cue_tables import read_table

__all__ = ["NEWS", "EARLIER", "CONTEXT", "NEWS_DAYS", "ANCHOR_DAYS", "anchored", "classify_timing", "context_cue", "is_update", "mention_timing"]

NEWS, EARLIER, CONTEXT = "news", "earlier", "context"
# A day or week-old event is today's news; older ones are earlier events
# unless the article's opening is about them (a follow-up on its main incident).
NEWS_DAYS = 7
ANCHOR_DAYS = 60
_COARSE = ("year", "decade")
# A "year" before this is a clock time or a number read as a year ("at 1215 (1515 gmt)").
_EARLIEST_YEAR = 1800
# "Earlier this year": a time before the news, which news that just happened is never told by.
_EARLIER_THIS_YEAR = re.compile(r"\bearlier this year\b", re.I)


@functools.lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, GatedPattern], ...]:
    # each cue's scan is skipped in a sentence without its words (most sentences hold no cue)
    return tuple((r["kind"], GatedPattern(r["pattern"], re.I)) for r in read_table("timing_cues.csv"))


def is_update(sentence: str) -> bool:
    """The sentence updates a toll ("the death toll rose to 24 on Tuesday"): its date is the update's."""
    folded = fold(sentence)
    return any(rx.search(sentence, folded) for rx in _update_cues())


@functools.lru_cache(maxsize=1)
def _update_cues() -> tuple[GatedPattern, ...]:
    return tuple(rx for kind, rx in _cues() if kind == "update")


_NOT_CUES = ("not_context", "not_accident", "update", "piece", "sport", "violence")
# A match report names this many of the sport patterns, in at least two of its paragraphs
_SPORT_WORDS = 4
_SPORT_PARAGRAPHS = 2


@functools.lru_cache(maxsize=1)
def _piece_labels() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(r["pattern"], re.I) for r in read_table("timing_cues.csv") if r["kind"] == "piece")


def piece_label(structure: ArticleStructure, document: Document) -> str | None:
    """The label a headline opens with that makes the article a piece of analysis or
    opinion, not a report ("ANALYSIS-", "Explainer:", "Opinion |"): the words, else None."""
    title = document.title
    if structure.title is not None and structure.title.start >= 0:
        title = document.text[structure.title.start:structure.title.end]
    if not title:
        return None
    return next((m.group().strip() for rx in _piece_labels() if (m := rx.match(title.strip()))), None)


@functools.lru_cache(maxsize=1)
def _any_cue() -> re.Pattern | None:
    """Finds the words of every context cue in a folded sentence at once: a sentence without
    any (most) holds no cue, and one scan tells that. None when some cue has no such words."""
    context = [rx for kind, rx in _cues() if kind not in _NOT_CUES]
    if any(rx.needles is None for rx in context):
        return None
    return finder(n for rx in context for n in rx.needles)


def context_cue(sentence: str, trigger: tuple[int, int] | None = None,
                dated_recent: bool = False) -> tuple[str, str] | None:
    """(kind, words) of the first context cue in a sentence, unless it qualifies the event itself.

    A figurative cue sets aside only the words it spans: with ``trigger`` (offsets in
    ``sentence``), "the bombing killed 12 people and killed hopes of a truce" keeps its
    bombing; without it, any figurative cue counts."""
    cues, folded, gate = _cues(), fold(sentence), _any_cue()
    if gate is not None and gate.search(folded) is None:
        return None
    spared = [m.span() for kind, rx in cues if kind == "not_context" for m in rx.finditer(sentence, folded)]
    # a crash that guerrilla fire or a bomb caused is an attack
    attacked = any(kind == "not_accident" and rx.search(sentence, folded) for kind, rx in cues)
    for kind, rx in cues:
        if kind in _NOT_CUES or (kind == "accident" and attacked):
            continue
        for m in rx.finditer(sentence, folded):
            if kind == "figurative" and trigger is not None and not (m.start() <= trigger[0] < m.end()):
                continue
            if trigger is not None and _told_before(kind, sentence, trigger, m.start(), dated_recent):
                continue
            if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e in spared):
                return kind, m.group()
    return None


# Words that end the clause of an act told first, before a remembrance or a history the
# sentence adds: "shot dead two as protesters marked the anniversary", "on Sunday, two years after"
_CLAUSE_BREAK = re.compile(r"[,;]|\b(?:as|while|when)\b", re.I)


def _told_before(kind: str, sentence: str, trigger: tuple[int, int], cue_start: int, dated_recent: bool) -> bool:
    """The trigger's act is told in a clause of its own before the cue, which qualifies something
    else: what a remembrance remembers follows its cue ("as thousands marched to mark two years
    since demonstrators stormed parliament"), so an act told before it is done at the remembrance;
    a history or a tally after an act dated to the article's week ("killed five on Sunday, two
    years after a similar raid") is set beside it. An undated act keeps such a history ("has
    killed thousands, mostly civilians, since 2009")."""
    if cue_start < trigger[1] or _CLAUSE_BREAK.search(sentence, trigger[1], cue_start) is None:
        return False
    return kind == "anniversary" or kind in ("history", "aggregate") and dated_recent


def match_report(structure: ArticleStructure, document: Document) -> str | None:
    """The words that make the article a match report (the sport cues of
    ``timing_cues.csv``: four or more, in two or more paragraphs), else None. Its "attack",
    "strike", "shot" and "killed off" are the game's."""
    text = document.text
    spans = [(p.start, p.end) for p in structure.paragraphs] or [(0, len(text))]
    found: dict[str, int] = {}
    folded = fold(text)
    for kind, rx in _cues():
        if kind != "sport":
            continue
        for m in rx.finditer(text, folded):
            found.setdefault(m.group().lower(), m.start())
    if len(found) < _SPORT_WORDS:
        return None
    paragraphs = {next((k for k, (s, e) in enumerate(spans) if s <= at < e), -1) for at in found.values()}
    return ", ".join(sorted(found)[:6]) if len(paragraphs - {-1}) >= _SPORT_PARAGRAPHS else None


def _violence_named(sentence: str) -> bool:
    """Words that keep a sentence of a match report an event: police, a weapon, fans who clashed."""
    folded = fold(sentence)
    return any(kind == "violence" and rx.search(sentence, folded) for kind, rx in _cues())


def _age(when: EventDate | None, published: dt.date | None) -> int | None:
    if when is None or published is None:
        return None
    if when.date is not None:
        return (published - when.date).days
    return -when.relative_days if when.relative_days is not None else None


def anchored(m: Mention, structure: ArticleStructure) -> bool:
    """The mention lies in the title, dateline or lede."""
    return structure.kind_at(m.sent_start, m.sent_end) in ("title", "dateline", "lede") or (
        structure.lede is not None and m.sent_start <= structure.lede.start < m.sent_end)


# "The shooting came a week after two men were killed ...": what the news came after is an
# earlier incident, told for comparison.
_CAME_AFTER = re.compile(r"\b(?:came|comes|follows|followed) (?:just |only |barely |less than |more than )?"
                         r"(?:a|an|one|two|three|four|five|six|seven|\d+|several|a few|days|weeks|months) "
                         r"(?:(?:days?|weeks?|months?|years?) )?(?:after|since)\b", re.I)


def _came_after(m: Mention) -> str | None:
    """The words when the mention's act lies after "came a week after" in its sentence with no
    day of its own, or is the short subject that restates the news before them ("The shooting
    came a week after ..."): the sentence tells the earlier incident, and its counts are that
    incident's. An earlier incident the sentence dates to its day stays an earlier event."""
    found = _CAME_AFTER.search(m.sentence)
    if found is None or m.date is not None and m.date.precision == "day":
        return None  # an earlier incident dated to its day ("a bombing on Nov. 9 killed 26")
    if m.sent_start + found.end() <= m.trigger.start:
        return found.group()
    restated = m.trigger.end <= m.sent_start + found.start() and len(m.sentence[:found.start()].split()) <= 4
    return found.group() if restated else None


def mention_timing(m: Mention, structure: ArticleStructure, published: dt.date | None) -> tuple[str, str]:
    """(news | earlier | context, cue) of one asserted mention."""
    if (words := _came_after(m)) is not None:
        return CONTEXT, f"history: {words} (an earlier incident the news is set beside)"
    age = _age(m.date, published)
    recent = m.date is not None and m.date.precision == "day" and age is not None and 0 <= age <= NEWS_DAYS
    cue = context_cue(m.sentence, (m.trigger.start - m.sent_start, m.trigger.end - m.sent_start), recent)
    if cue is not None:
        return CONTEXT, f"{cue[0]}: {cue[1]}"
    if m.date is not None and m.date.precision in _COARSE and _EARLIER_THIS_YEAR.search(m.date.text) \
            and not anchored(m, structure):
        # "similar protests in the capital earlier this year": an earlier incident with no day
        return CONTEXT, f"history: {m.date.text} (an earlier time of the year, with no day)"
    if age is None and m.date is not None and m.date.date is not None and m.date.precision in _COARSE \
            and m.date.date.year >= _EARLIEST_YEAR:
        # a report tells its news by the day ("today", "on 12 may"); a year alone is history
        return CONTEXT, f"history: {m.date.text} (a year, with no publication date to place it)"
    if age is None:
        return NEWS, "no date: the article's own time"
    if m.date.date is not None and m.date.date.year < _EARLIEST_YEAR:
        return NEWS, f"no date: {m.date.text!r} is no year of the news"
    if m.date.precision in _COARSE and age > ANCHOR_DAYS:
        return CONTEXT, f"history: {m.date.text}"
    if age <= NEWS_DAYS:
        return NEWS, f"dated {m.date.text} ({age} days before publication)"
    if age <= ANCHOR_DAYS and anchored(m, structure):
        return NEWS, f"follow-up: {m.date.text} in the opening ({age} days before publication)"
    return EARLIER, f"dated {m.date.text} ({age} days before publication)"


def _opening(mentions: list[Mention], structure: ArticleStructure) -> list[Mention]:
    """The mentions of the lede (the dateline's paragraph), else of the title.

    A headline condenses ("At least 55 shot over holiday weekend"); the lede
    says what kind of story it is.
    """
    lede = structure.lede
    in_lede = [m for m in mentions if lede is not None and m.sent_start < lede.end and lede.start < m.sent_end]
    if in_lede:
        return in_lede
    title = structure.title
    return [m for m in mentions if title is not None and title.start >= 0
            and m.sent_start < title.end and title.start < m.sent_end]


def _headline_reports(mentions: list[Mention], rejected: list[Mention], structure: ArticleStructure) -> bool:
    """The headline reports a happening as news: it holds a mention that no context cue sets
    aside, and nothing in it is background ("Teen fatally shot, another wounded in X" over a
    lede that adds "on a block where three other homicides took place in the past 18 months").
    A lede's cue about something else then does not make the whole article context; a headline
    about a trial, a funeral or an anniversary still does."""
    title = structure.title
    if title is None or title.start < 0:
        return False
    def in_title(m):
        return m.sent_start < title.end and title.start < m.sent_end
    heads = [m for m in mentions if in_title(m)]
    if not heads or any(in_title(m) and m.modality in _BACKGROUND_MODALITIES for m in rejected):
        return False
    return all(m.timing == NEWS and not _A_PERIOD.search(m.sentence) for m in heads)


# A headline that counts over a period ("At least 55 shot over July Fourth weekend") is a tally.
_A_PERIOD = re.compile(r"\b(?:over|during|across|throughout|this|so far this) (?:the )?(?:[\w'’-]+ ){0,3}"
                       r"(?:weekend|holiday|week|month|year|summer)s?\b", re.I)


# Mentions set aside by modality that still tell what an article's opening is about.
_BACKGROUND_MODALITIES = ("anniversary",)


def classify_timing(mentions: list[Mention], structure: ArticleStructure, document: Document,
                    rejected: list[Mention] = ()) -> list[Mention]:
    """The asserted mentions with ``timing`` and ``timing_cue`` set.

    An article whose opening mentions (title, dateline, lede) are all context or
    an anniversary is not an event report: everything in it is context, but for an earlier
    event a trial or a funeral report dates to the day (:func:`_dated_earlier`) and a killing
    a funeral or a mourning report dates to a day of its week (:func:`_dated_news`). Coded notes
    (``Document.profile == "notes"``) are one event each: all news.
    """
    if document.profile == "notes":
        return [replace(m, timing=NEWS, timing_cue="notes profile") for m in mentions]
    if (label := piece_label(structure, document)) is not None:
        why = f"the headline labels the article analysis or opinion ({label!r})"
        return [replace(m, timing=CONTEXT, timing_cue=why) for m in mentions]
    sport = match_report(structure, document)
    out = []
    for m in mentions:
        timing, cue = mention_timing(m, structure, document.published)
        if sport is not None and timing != CONTEXT and not _violence_named(document.text[m.sent_start:m.sent_end]):
            timing, cue = CONTEXT, f"sport: the article is a match report ({sport})"
        out.append(replace(m, timing=timing, timing_cue=cue))
    out = _quotes_of_their_time(out, structure, document.text)
    opening = _opening(out, structure) + [m for m in rejected if m.modality in _BACKGROUND_MODALITIES
                                          and anchored(m, structure)]
    if opening and all(m.timing == CONTEXT or m.modality in _BACKGROUND_MODALITIES for m in opening) \
            and not _headline_reports(out, rejected, structure) and sport is None:
        # (a match report's opening is the game; a sentence of it that names police or weapons
        # stays the event it tells)
        first = min(opening, key=lambda m: m.sent_start)
        why = f"the article's opening is context ({first.timing_cue if first.timing == CONTEXT else first.modality_cue})"
        kind = first.timing_cue.split(":")[0] if first.timing == CONTEXT else first.modality
        follow_up = kind in _FOLLOW_UPS
        out = [m if m.timing == CONTEXT or follow_up and _dated_earlier(m) and _still_news(m, kind, document.published)
               or kind in _MOURNING and _dated_news(m)
               else replace(m, timing=CONTEXT, timing_cue=why) for m in out]
    return out


_QUOTE_OPENERS = ("\"", "“", "'", "‘")


def _quotes_of_their_time(mentions: list[Mention], structure: ArticleStructure, text: str) -> list[Mention]:
    """An undated quotation that follows, in its paragraph, a sentence told as history is that
    time's witness: "She fled her village in 2023, when fighting reached her fields. 'We heard
    the bombs at night,' she said." The quotation's act is the history's, not today's news."""
    out = list(mentions)
    for k, m in enumerate(out):
        if m.timing != NEWS or m.date is not None or not m.sentence.lstrip().startswith(_QUOTE_OPENERS) \
                or anchored(m, structure):
            continue
        before = [x for x in out if x.sent_end <= m.sent_start and "\n" not in text[x.sent_end:m.sent_start]]
        if not before:
            continue
        prev = max(before, key=lambda x: x.sent_end)
        if prev.timing == CONTEXT and prev.timing_cue.startswith("history"):
            out[k] = replace(m, timing=CONTEXT, timing_cue=f"{prev.timing_cue} (a quotation of that time)")
    return out


# Kinds of context opening that follow one past incident: its trial, its funeral, its mourning
_FOLLOW_UPS = ("trial", "funeral", "anniversary")


def _still_news(m: Mention, kind: str, published: dt.date | None) -> bool:
    """A remembrance ("marks eight years since the bombing") keeps the incident it mourns only
    when that is recent (``ANCHOR_DAYS``): a family mourning last week's killing reports it, a
    yearly remembrance retells the story's past, however fully it dates it."""
    if kind != "anniversary" or published is None or m.date is None or m.date.date is None:
        return True
    return (published - m.date.date).days <= ANCHOR_DAYS


# Follow-ups that mourn a death: the killing they mourn is often days old, the news itself.
_MOURNING = ("funeral", "anniversary")


def _dated_news(m: Mention) -> bool:
    """A mention dated to a day of the article's week ("neighbours mourn a grandfather, who was
    killed Saturday in a triple shooting"): a vigil's or a funeral's report tells the killing it
    mourns, which is the news when it is that recent."""
    return m.timing == NEWS and m.date is not None and m.date.precision == "day"


def _dated_earlier(m: Mention) -> bool:
    """A mention the article tells as an earlier event dated to the day ("the July 29, 2014,
    shooting took the life of ..."): a report of a trial or a funeral names its incident so. It
    stays an earlier event, which assemble keeps only with a place and an outcome of its own;
    an analysis or a tally of many incidents keeps none."""
    return m.timing == EARLIER and m.date is not None and m.date.precision == "day"
