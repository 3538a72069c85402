"""Putting one document's findings together, sentence by sentence."""
from __future__ import annotations

import bisect
import re
import datetime as dt
from dataclasses import dataclass, field, replace

from ..records import (Actor, ArticleStructure, Claim, Count, Document, EventDate, Evidence, Location, Mention,
                       PlaceMention, Statement, Trigger)
from . import actors as _actors
from . import attribution, claims, classify, counts, dates, modality
from ._cue_tables import DEATH_VERBS, count_cues, date_verbs, event_nouns, gathering_nouns
from .timing import CONTEXT, classify_timing, is_update
from .structure import paragraphs, read_structure
from ..nlp import doc_text, span_text, words
from ..resources.actors import successor


@dataclass(slots=True)
class DocFindings:
    """What extract found in one document, events or not."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)  # asserted events
    rejected: list[Mention] = field(default_factory=list)  # threats, negations, background...
    counts: list[Count] = field(default_factory=list)  # every count, with its attribution
    statements: list[Statement] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    dates: list[EventDate] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)  # filled by geo
    location: Location | None = None  # where the article's event happened, as geo places it
    sentences: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each sentence
    incident_date: EventDate | None = None  # when the article says its incident happened (news)
    first_recent_day: EventDate | None = None  # the earliest day of the week before the report it tells (news)
    act_day: EventDate | None = None  # the first day told on the act of violence itself (news)
    # title, dateline (place and date), lede, body, quotes, captions, chrome: see extract.structure
    structure: ArticleStructure = field(default_factory=ArticleStructure)
    groups: list[Actor] = field(default_factory=list)  # armed groups named anywhere (news)
    # sentences with no event of their own that tell of police acting on a crowd
    interventions: list[Trigger] = field(default_factory=list)

    def sentence_span(self, offset: int) -> tuple[int, int] | None:
        """(start, end) of the sentence holding a character offset (None if none)."""
        return next(((start, end) for start, end in self.sentences if start <= offset < end), None)

    def sentence_at(self, offset: int) -> str:
        """The text of the sentence holding a character offset ('' if none)."""
        span = self.sentence_span(offset)
        return self.document.text[span[0]:span[1]] if span is not None else ""


def _evidence(doc_id: str, fieldname: str, sent, start: int, end: int, text: str, rule: str) -> Evidence:
    return Evidence(field=fieldname, doc_id=doc_id, start=start, end=end, text=text,
                    sentence=span_text(sent), rule=rule)


def _inside(start: int, end: int, statement: Statement) -> bool:
    return statement.start <= start and end <= statement.end


def attribute_counts(found: list[Count], statements: list[Statement]) -> list[Count]:
    """Give a count the status of the statement it stands in, when it has none."""
    from dataclasses import replace

    out = []
    for c in found:
        if c.status == "unattributed":
            for st in statements:
                if _inside(c.start, c.end, st):
                    status = counts.status_of(st.speaker_type) or "unattributed"
                    c = replace(c, status=status, reported_by=st.speaker,
                                rule=(c.rule + "+statement").lstrip("+"))
                    break
        out.append(c)
    return out


def _sentence_date(sent, all_dates: list[EventDate], structure: ArticleStructure,
                   trigger=None) -> EventDate | None:
    """The first resolved date of the sentence that dates its event.

    A date on another verb gives way to a later one on the event itself.

    The dateline's date is the filing date, not the event's; in news, a date
    that hangs on a verb of telling or of the case ("police said Monday", "was
    charged Tuesday in Sunday's shooting") is the report's (:func:`_dates_report`).
    """
    filed = structure.dateline.span if structure.dateline is not None else None
    inside = [d for d in all_dates if sent.start_char <= d.start < sent.end_char and (d.date or d.relative_days is not None)
              and not (filed is not None and filed.start <= d.start < filed.end) and not _speakers_time(d, structure)
              and not _a_time_limit(sent, d)]
    if trigger is not None:
        own = [d for d in inside if not _describes_someone(sent, d, trigger)]
        inside = own or inside  # with no other date, a description's year still tells how old the story is
        before = _days_before(sent, inside, trigger)
        if before is not None:
            return before
        told = [d for d in inside if _right_after_telling(sent, d)]
        if told and len(told) < len(inside):  # "said on Friday they had taken the town on Thursday"
            inside = [d for d in inside if d not in told]
        inside = [d for d in inside if not _dates_report(sent, d, trigger)]
        said = [d for d in inside if _said_to_happen(sent, d)]
        if said and inside and not _on_the_violence(sent, inside[0], trigger):
            return said[0]
        # "a man who lost his job last week shot his sons Friday": the day on the act is its day
        on_act = [d for d in inside[1:] if _on_the_act(sent, d, trigger)]
        first = inside[0] if inside else None
        if on_act and _date_anchor(sent, first, trigger)[0] == "verb" and not _on_the_act(sent, first, trigger):
            return on_act[0]
        if on_act and _died_of_an_earlier_act(sent, first, on_act[0], trigger):
            return on_act[0]
        if inside and inside[0] in told and not inside[0].rule.endswith("dates.span_after"):
            # "the army said on Saturday it had taken back the town": the telling's day, which
            # the act came on or before (see assemble's grouping)
            return replace(inside[0], rule=f"{inside[0].rule}{TOLD_DAY}")
    return inside[0] if inside else None


# The mark on a mention's date that is the day its act was told, not done
TOLD_DAY = "+told"


# Words before a date that make it a limit in time, not a time something happened:
# "suspend talks until 2028", "a curfew till Friday", "calm was restored by Wednesday"
_LIMIT_WORDS = frozenset({"until", "till", "by"})


def _a_time_limit(sent, date: EventDate) -> bool:
    """'until 2028', 'calm had been restored by early Wednesday' (not 'by Sunday's blast'). A limit
    that opens the sentence ("Until 29 April, 753 prisoners were released") dates a tally up to
    that day, which keeps it apart from the news."""
    text = sent.doc.text
    before = text[max(sent.start_char, date.start - 12):date.start].lower().split()
    if not before or before[-1] not in _LIMIT_WORDS:
        return False
    if len(text[sent.start_char:date.start].split()) <= 1:
        return False  # the sentence opens with the limit
    return before[-1] != "by" or text[date.end:date.end + 2] not in ("'s", "’s")


# Links by which a clause or a noun describes the noun above it: "carlos ruiz, who was governor
# in 1982", "pablo perez, mayor of the city in 1984", "a man released from prison in 2015".
_DESCRIBING = ("relcl", "appos", "acl")


# Verbs of a crowd's action that describe the people an act struck at it
_CROWD_OCCASIONS = frozenset({"protest", "march", "demonstrate", "rally", "riot", "strike"})


def _describes_someone(sent, date: EventDate, trigger) -> bool:
    """The date lies in a clause or an apposition that describes a person or a thing of the
    sentence, not the act: "gunmen killed carlos ruiz, who was governor of the province in 1982,
    outside his home today", "the killing of pablo perez, mayor of medellin in 1984". It dates
    that person's past ("was governor in 1982"), not the act: the sentence's act keeps a date of
    its own ("today"); where the sentence has no other date, the description's year still
    tells how old the story is (:func:`_sentence_date`). A description of the incident itself
    ("the bombing, which occurred on Monday") and a clause that holds the act ("the man who
    was shot on Sunday", "the building, which was destroyed in a bomb attack last year") still
    date it."""
    tok = next((t for t in sent if date.start <= t.idx < date.end), None)
    for _ in range(12):
        if tok is None or tok.head is tok:
            return False
        if trigger.start <= tok.idx < trigger.end:
            return False
        if tok.dep_ in _DESCRIBING and not (date.start <= tok.idx < date.end):
            holds_act = any(trigger.start <= t.idx < trigger.end for t in tok.subtree)
            # "a man accused of shooting two people last month was taken into custody Thursday":
            # beside an arrest or another step of the case, a description that tells of an act
            # dates that act, the incident, not a past of the man
            tells_act = trigger.event_type == "Strategic developments" and any(
                t.lower_ in event_nouns() for t in tok.subtree)
            # "used force against people protesting against tax rises last year, shooting dead
            # 60": the crowd's protest is the occasion of the act, and its time the act's
            occasion = tok.lemma_.lower() in _CROWD_OCCASIONS
            return not holds_act and not tells_act and not occasion and not _incident_noun(tok.head) \
                and not (trigger.start <= tok.head.idx < trigger.end)
        tok = tok.head
    return False


def _died_of_an_earlier_act(sent, death: EventDate, act: EventDate, trigger) -> bool:
    """The sentence's first day is a death's and a later one in it an earlier day on the act:
    "died Sunday from injuries suffered Saturday night", "died Saturday of a gunshot wound
    suffered on Friday". The victim died of the act, whose day is the incident's."""
    tok = _date_anchor(sent, death, trigger)[1]
    return tok is not None and tok.lemma_.lower() in DEATH_VERBS and death.date is not None \
        and act.date is not None and act.date < death.date


def _speakers_time(date: EventDate, structure: ArticleStructure) -> bool:
    """A relative date inside a direct quotation ("I'm gonna catch me a body tonight", "he
    called me yesterday"): it counts from the day the words were spoken, which the article
    does not give, not from publication."""
    return date.relative_days is not None and any(q.start <= date.start and date.end <= q.end
                                                  for q in structure.quotes)


# "..., a day after", "— two weeks after": how long after the act the dated step came
_SPAN_AFTER = re.compile(r"\s*[,—–-]\s*(?:just |only |about |nearly |some )?(?P<n>a|an|one|two|three|four|five|six|"
                         r"seven|\d{1,2}) (?P<unit>day|week)s? after\b", re.I)


def _days_before(sent, inside: list[EventDate], trigger) -> EventDate | None:
    """The act's date told as a span before a dated step: "was arrested Thursday, a day after
    he shot his friend", "died Saturday, a week after she was wounded". The date of the act
    is the step's less the span, as precise as the span (a week after: the week)."""
    text = doc_text(sent.doc)
    for d in inside:
        m = _SPAN_AFTER.match(text, d.end)
        if m is None or d.date is None or not m.end() <= trigger.start < m.end() + 80:
            continue
        n = int(m["n"]) if m["n"].isdigit() else dates.SMALL_NUMBERS[m["n"].lower()]
        days = n * (7 if m["unit"].lower() == "week" else 1)
        return EventDate(date=d.date - dt.timedelta(days=days), precision=d.precision if days < 7 else "week",
                         text=text[d.start:m.end()], start=d.start, end=m.end(),
                         relative_days=None if d.relative_days is None else d.relative_days - days,
                         rule=f"{d.rule}+dates.span_after")
    return None


def _on_the_act(sent, date: EventDate, trigger) -> bool:
    """The date phrase hangs on the event: the trigger, an event noun, or a verb of the
    act or of its happening ("killed his sons Friday morning", "it happened Sunday")."""
    kind, tok = _date_anchor(sent, date, trigger)
    return kind == "event" or (kind == "verb" and (_occurrence_verb(tok) or _verb_of_the_trigger(tok, trigger)))


def _verb_of_the_trigger(verb, trigger) -> bool:
    """The verb whose subject or object is the event noun: "air strikes hit a base late on
    Thursday", "a roadside bomb struck the convoy Monday". Its date is the event's, unless it is
    a verb of telling or of the case ("the shooting was reported Monday")."""
    return trigger is not None and not _of_the_report(verb) and any(
        trigger.start <= c.idx < trigger.end for c in verb.children if c.dep_ in _ARGUMENTS)


# Dependents that are a verb's subject or object
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _date_anchor(sent, date: EventDate, trigger=None):
    """What a date phrase hangs on: ``("event", tok)`` when the parse leads from it to the
    trigger or to an event noun ("Sunday's shooting"), ``("step", tok)`` when it leads to a
    noun of a later step of the case ("at his Saturday arraignment", "an autopsy Tuesday"),
    ``("verb", tok)`` for the first other verb, ``(None, None)`` when none."""
    toks = [t for t in sent if date.start <= t.idx < date.end]
    if not toks:
        return None, None
    named = _incident_named_after(sent, toks)
    if named is not None:
        return "event", named
    tok = next((t for t in toks if not (date.start <= t.head.idx < date.end) or t.head is t), toks[0])
    for _ in range(8):
        if trigger is not None and trigger.start <= tok.idx < trigger.end:
            return "event", tok
        if _incident_noun(tok):
            return "event", tok
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in date_verbs("step"):
            return "step", tok
        if tok.pos_ == "VERB":
            if trigger is not None and any(c.dep_ in ("nsubj", "nsubjpass") and trigger.start <= c.idx < trigger.end
                                           and c.lemma_.lower() not in date_verbs("step") for c in tok.children):
                # "similar marches were held in March": the verb tells the act took place (not a
                # step after an incident: "a vigil for the victim was held Sunday")
                return "event", tok
            return "verb", tok
        if tok.head is tok:
            return None, None
        tok = tok.head
    return None, None


# Words a date phrase may stand between and the incident noun it qualifies: "the March 20
# fatal shooting", "Sunday's deadly shooting", "the Sept. 13 double homicide".
_NOUN_LEAD = {"'s", "’s", "fatal", "deadly", "double", "triple", "quadruple", "mass", "accidental", "drive-by"}


def _incident_named_after(sent, toks):
    """The incident noun that a date phrase premodifies, whatever the parse: "in the March 20
    shooting death" or "Sunday's shooting" dates the shooting, even where the parser hangs
    "March 20" on the verb of the charge. The phrase must open a noun phrase (an article or a
    possessive "'s" around it), so that "was arrested Monday shooting at police" is no such
    noun; a gathering ("Saturday's vigil") is not the incident."""
    first, last = toks[0], toks[-1]
    doc = sent.doc
    k = last.i + 1
    possessive = k < sent.end and doc[k].lower_ in ("'s", "’s")
    opened = first.i > sent.start and doc[first.i - 1].lower_ in ("the", "a", "an", "this", "that")
    if not (possessive or opened):
        return None
    for _ in range(3):
        if k >= sent.end:
            return None
        tok = doc[k]
        lemma = tok.lemma_.lower()
        if lemma in event_nouns() or tok.lower_ in event_nouns() or \
                count_cues().get(lemma) in (("fatalities", "noun"), ("fatalities", "both")):
            return None if lemma in gathering_nouns() or tok.lower_ in gathering_nouns() else tok
        if tok.lower_ not in _NOUN_LEAD:
            return None
        k += 1
    return None


def _dates_report(sent, date: EventDate, trigger) -> bool:
    """Does the date phrase hang on a verb of telling or of the case, not on the event?

    Its head is followed up the parse to the first verb; an event noun on the
    way ("Sunday's shooting") or the trigger itself keeps the date the event's.
    """
    kind, tok = _date_anchor(sent, date, trigger)
    first = next((t for t in sent if date.start <= t.idx < date.end), None)
    gathering = trigger is not None and trigger.event_type == "Protests"
    if kind == "step":
        return True
    return kind == "verb" and _of_the_report(tok) and not _during_the_act(tok) \
        and (_claiming(tok) or not _event_between(tok, first, gathering)) and not _when_the_act(sent, date) \
        and not _incident_reported(tok) and not _closes_the_act(sent, date, trigger, tok) \
        and not _before_a_closing_attribution(tok, date)


# Hearers a day may follow in "told reporters on Monday", "told Reuters Friday"
_HEARING = frozenset({"tell", "inform", "brief"})


def _right_after_telling(sent, date: EventDate) -> bool:
    """The day follows a verb of telling with at most its hearer and "on" between: "the RSF
    said on Friday they had taken the town on Thursday", "an official told reporters on
    Monday". News writes the day of the telling there; the parser may still hang it on the told
    clause that follows, even on the act's own verb. A day that names the act itself ("said
    Friday's attack") does not count. The caller sets such a day aside only when the sentence
    dates the act with another: "the army said on Monday it had repelled an attack" gives the
    act no other day, and the report's is the nearest."""
    words = [t for t in sent if t.idx < date.start][-3:]
    if sent.doc.text[date.end:date.end + 2] in ("'s", "\u2019s"):
        return False
    if words and words[-1].lower_ == "on":
        words.pop()
    if len(words) >= 2 and words[-1].pos_ in ("PROPN", "NOUN", "PRON") and words[-2].lemma_.lower() in _HEARING:
        words.pop()
    return bool(words) and words[-1].tag_ in ("VBD", "VBZ", "VBP") \
        and words[-1].lemma_.lower() in attribution.TELLING_VERBS | _HEARING


def _before_a_closing_attribution(verb, date: EventDate) -> bool:
    """The day closes the told act and the attribution follows it: "two soldiers were killed
    when a bomb struck their truck outside the town, on Friday, an official told reporters". The
    parser may hang the day on the verb of telling at the end, but news puts the day of the
    telling after that verb ("an official said on Friday"); a day between the told clause and
    its teller is the act's. A day that opens the sentence ("On Friday, police said two men
    were killed") stays the report's."""
    return verb.idx >= date.end and any(c.dep_ == "ccomp" and c.idx < date.start for c in verb.children)


def _during_the_act(verb) -> bool:
    """The verb heads a "while" clause of the act: "were shot while attending a funeral service
    Friday", "was killed while visiting relatives Sunday". What the victims were doing when
    it happened dates the act, whatever the verb ("attend" is otherwise a step after it)."""
    return verb.dep_ == "advcl" and _violence_verb(verb.head.lemma_.lower()) and \
        any(c.dep_ == "mark" and c.lower_ == "while" for c in verb.children)


def _of_the_report(verb) -> bool:
    """A verb whose date is the report's or a later step's of the case: one of telling or of the
    case (``date_verbs`` report), or a verb of finding that its complement makes a verdict ("was
    found guilty Wednesday", "the jury found him not guilty"), not the finding of a victim."""
    return verb.lemma_.lower() in date_verbs("report") or _claiming(verb) or any(
        c.dep_ in _COMPLEMENTS and c.lemma_.lower() in date_verbs("case_word") for c in verb.children)


def _claiming(verb) -> bool:
    """A claim of the act ("claimed the attack on Friday", "claimed responsibility in a
    statement Sunday") is told after it: the day is the claim's. A toll the act "claimed" (its
    lives, its victims) is the act's own."""
    return verb.lemma_.lower() == "claim" and any(
        c.dep_ == "dobj" and c.lemma_.lower() not in _CLAIMED_LIVES for c in verb.children)


# Objects of "claim" that make it a verb of killing: "the blast claimed 12 lives on Friday"
_CLAIMED_LIVES = frozenset({"life", "lives", "victim", "death", "toll"})


# Dependents of a verb that complete its meaning: "found [guilty]", "found him [guilty]"
_COMPLEMENTS = frozenset({"acomp", "oprd", "ccomp", "xcomp"})


# Verbs of a "when" clause that tell the act itself happened ("when the gun discharged")
_ACT_HAPPENED = frozenset({"happen", "occur", "discharge", "erupt", "unfold"})


def _when_the_act(sent, date: EventDate) -> bool:
    """The day runs straight into a "when" clause that tells the act: "was holding the handgun
    on March 20 when it discharged", "was cleaning a rifle Sunday when it went off". Whatever
    verb the day hangs on, the clause times the act to that day. A clause of what others did
    ("was arrested Monday when officers found him") is no such clause."""
    after = [t for t in sent if t.idx >= date.end]
    when = next((k for k, t in enumerate(after[:3]) if t.lower_ == "when"), None)
    if when is None:
        return False
    return any(_incident_noun(t) or t.pos_ == "VERB" and (t.lemma_.lower() in _ACT_HAPPENED or _went_off(t) or
                                                        _violence_verb(t.lemma_.lower()))
               for t in after[when + 1:when + 6])


def _went_off(tok) -> bool:
    """"went off": a gun's firing told with its particle."""
    return tok.lemma_.lower() == "go" and any(c.dep_ == "prt" and c.lower_ == "off" for c in tok.children)


def _closes_the_act(sent, date: EventDate, trigger, verb) -> bool:
    """The date ends the clause of the act and the clause of telling starts after it: "a teen
    was shot in the chest Saturday, the sheriff's office announced Monday". The parse often
    hangs such a date on the verb of telling; the words say it is the act's. A date that
    opens the clause of telling ("..., and on Monday police arrested a man") is not in reach:
    the act must run on to the date with no punctuation between."""
    text = doc_text(sent.doc)
    if trigger is None or not (trigger.end <= date.start < verb.idx):
        return False
    if re.search(r"[,;:()\"“”—–-]", text[trigger.end:date.start]):
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and date.end <= subject.idx and text[date.end:subject.idx].lstrip().startswith(",")


def _incident_reported(verb) -> bool:
    """A verb of the ``reported`` kind whose subject is the incident itself: "the shooting
    was reported about 8:30 p.m. Nov. 22" tells when it happened, not when it was told."""
    return verb.lemma_.lower() in date_verbs("reported") and \
        any(c.dep_ in ("nsubjpass", "nsubj") and _incident_noun(c) for c in verb.children)


def _told_days(sents, dates: list[EventDate], structure: ArticleStructure):
    """Each (sentence, date) of a day the article's own sentences tell, in reading order: not
    in page chrome or in the dateline (the filing date), and not a relative day inside a
    quotation (the speaker's, :func:`_speakers_time`)."""
    filed = structure.dateline.span if structure.dateline is not None else None
    for sent in sents:
        if not structure.yields_events(sent.start_char, sent.end_char):
            continue
        for d in dates:
            if not (sent.start_char <= d.start < sent.end_char) or d.date is None or d.precision != "day" \
                    or (filed is not None and filed.start <= d.start < filed.end) or _speakers_time(d, structure):
                continue
            yield sent, d


def incident_date(told: list) -> EventDate | None:
    """The date the article gives for when its incident happened, in a sentence that
    need not name the event ("It happened Friday night", "officers responded at about
    8:30 p.m. Saturday", "the shooting Sunday"): the first day on an occurrence verb
    or an event noun, else the first day told with its hour (:func:`_timed_day`). An
    undated incident of the article's news takes it (assemble). A sentence that updates
    the toll ("a sailor who died from his wounds on Saturday", "was taken off life support
    Sunday") tells a later day, the update's, as it does for a mention's date. A day the
    article says the incident happened on ("the incident happened Feb. 26") beats one on a
    step around it (:func:`_said_to_happen`). ``told``: the (sentence, day) pairs of
    :func:`_told_days`."""
    told = [(sent, d) for sent, d in told if not is_update(span_text(sent))]
    said = next((d for sent, d in told if _said_to_happen(sent, d)), None)
    for sent, d in told:
        kind, tok = _date_anchor(sent, d)
        if kind == "event" or (kind == "verb" and (_occurrence_verb(tok) or _incident_reported(tok) or
                                                   _event_between(tok, sent.doc[_first_token(sent, d)]) or
                                                   _clocked(sent, d, tok) or _when_the_act(sent, d))):
            return d if said is None or _on_the_violence(sent, d) else said
    return said or _timed_day(told)


def act_day(told: list, structure: ArticleStructure) -> EventDate | None:
    """The first day the article hangs on the act of violence itself ("a boy was fatally shot
    Saturday evening", "Sunday's shooting"), not on a step around it ("was taken into custody
    Tuesday"), on an update of the toll, or in a photo's caption (the day of the photo: "the
    prosecutor announces charges in the deaths of two children, May 25, 2016"). ``told``: the
    (sentence, day) pairs of :func:`_told_days`."""
    return next((d for sent, d in told if structure.kind_at(sent.start_char, sent.end_char) != "caption"
                 and not is_update(span_text(sent)) and _on_the_violence(sent, d)), None)


def _on_the_violence(sent, date: EventDate, trigger=None) -> bool:
    """The day hangs on the act itself ("was shot by police on Monday", "Sunday's shooting"),
    not on a step around it ("officers were called Thursday night", "found and arrested")."""
    kind, tok = _date_anchor(sent, date, trigger)
    return kind == "event" or kind == "verb" and _violence_verb(tok.lemma_.lower())


# Verbs that say in so many words that the incident took place
_TOOK_PLACE = frozenset({"happen", "occur"})
# Words that stand for the incident as the subject of such a verb: "it happened", "the incident occurred"
_STANDS_FOR = frozenset({"it", "this", "incident"})


def _said_to_happen(sent, date: EventDate) -> bool:
    """The day hangs on "happened" or "occurred" said of the incident ("in connection with a
    shooting that happened on Thursday", "the incident happened Feb. 26", "it occurred late
    Sunday"): the article's own words for when it took place, which beat a day told of a step
    around it (an arrest's "On Monday, officers found and arrested a suspect", the day officers
    "were called" to the home to check on the child), though not one on the act itself
    (:func:`_on_the_violence`)."""
    kind, verb = _date_anchor(sent, date)
    if kind != "verb" or verb.lemma_.lower() not in _TOOK_PLACE:
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in ("that", "which") and verb.dep_ == "relcl":
        subject = verb.head  # "a shooting that happened on Thursday"
    return subject is not None and (_incident_noun(subject) or subject.lemma_.lower() in _STANDS_FOR)


# A clause that tells of a step yet to come: "is due in court Friday", "will be arraigned Monday"
_TO_COME = re.compile(r"\b(?:will|would|is|are|was|were)\s+(?:\w+\s+)?(?:due|scheduled|set|expected)\b|"
                      r"\bwill\b|\bnext\b", re.I)
# How far back a report tells the steps of its own case by the weekday ("arrested Sunday"),
# and by the day of the month ("was at a friend's home on Sept. 26")
RECENT_DAYS = 7
RECENT_DATED_DAYS = 31


def first_recent_day(told: list, published: dt.date | None) -> EventDate | None:
    """The earliest day of the week before the report that the article tells, on whatever it
    hangs ("was jailed Sunday", "police said Monday", "was arrested Thursday"): a report that
    never says when its incident happened still tells the steps that followed it, and the
    incident came no later than the first of them, so that day is nearer to it than the day
    of publication. A day told with its month ("were at a friend's home on Monday, Sept. 26")
    reaches back a month: a follow-up names its case's days so. A step yet to come ("is due
    in court Friday") is no such day. ``told``: the (sentence, day) pairs of :func:`_told_days`."""
    if published is None:
        return None
    recent = [d for sent, d in told
              if 0 < (published - d.date).days <= (RECENT_DAYS if d.relative_days is not None else RECENT_DATED_DAYS)
              and not _TO_COME.search(doc_text(sent.doc)[sent.start_char:d.start])]
    return min(recent, key=lambda d: d.date, default=None)


# A part of the day told beside a day ("Saturday afternoon", "early Sunday evening", "late Friday")
_PART_OF_DAY = re.compile(r"\b(?:early|late|morning|afternoon|evening|night|overnight)\b", re.I)
# Hours of a day told before it: "in the early morning hours of Friday, May 6", "the wee hours of Sunday"
_HOURS_OF = re.compile(r"\b(?:early|morning|late|night|overnight|wee|predawn|pre-dawn)\s+hours\s+of\s+(?:the\s+)?$",
                       re.I)


def _timed_day(told) -> EventDate | None:
    """The first day told with a part of the day or a clock time ("was inside the tavern early
    Sunday evening when", "police got a 911 call Saturday morning", "in the early morning hours
    of Friday, May 6, police received a call") or as the time of a
    clause that tells the incident happened ("was visiting a home on January 3, when the
    accident happened"), in a clause of no verb of telling or of the case and on no noun of a
    later step ("his first court appearance Monday morning"): a crime report times the
    incident's hours, its later steps only by the day. A day that opens a sentence cut after a
    clock time ("... at about 5:30 p.m. | Thursday at the bridge, deputies said") is that
    time's. ``told``: the (sentence, day) pairs of :func:`_told_days`. Read only when no date
    hangs on the incident itself (:func:`incident_date`)."""
    for sent, d in told:
        text = doc_text(sent.doc)
        if _date_anchor(sent, d)[0] == "step":
            continue
        if _after_a_clock(text, sent, d):
            return d
        near = text[max(sent.start_char, d.start - 12):min(sent.end_char, d.end + 12)]
        if not (_PART_OF_DAY.search(near) or _CLOCK.search(text[max(sent.start_char, d.start - 20):d.end])
                or _HOURS_OF.search(text, max(sent.start_char, d.start - 40), d.start)
                or _clock_after(text, d) or _when_it_happened(sent, d)):
            continue
        head = _clause_head(sent, d)
        if head is None or not _of_the_report(head):
            return d
    return None


def _after_a_clock(text: str, sent, date: EventDate) -> bool:
    """The day opens its sentence, and the sentence before ends on a clock time: the parser
    cut "at 5:30 p.m. Thursday" after "p.m."."""
    return not text[sent.start_char:date.start].strip() and \
        bool(re.search(r"(?:a|p)\.m\.\s*$", text[max(0, sent.start_char - 12):sent.start_char]))


def _when_it_happened(sent, date: EventDate):
    """A "when" clause after the day that tells the incident: "when the shooting occurred"."""
    after = [t for t in sent if t.idx >= date.end]
    when = next((k for k, t in enumerate(after) if t.lower_ == "when"), None)
    return when is not None and any(_incident_noun(t) or (t.pos_ == "VERB" and _occurrence_verb(t))
                                    for t in after[when + 1:when + 8])


def _clause_head(sent, date: EventDate):
    """The verb (or the copula "was") whose clause holds the date phrase, else None."""
    toks = [t for t in sent if date.start <= t.idx < date.end]
    if not toks:
        return None
    tok = next((t for t in toks if not (date.start <= t.head.idx < date.end) or t.head is t), toks[0])
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return None


_CLOCK = re.compile(r"\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\bnoon\b|\bmidnight\b", re.I)
# A clock time that follows the day it belongs to: "on June 17 at about 5:10 a.m.", "Jan. 3, 2017 around 6 PM"
_CLOCK_AFTER = re.compile(r",?\s*(?:at\s+)?(?:about\s+|around\s+|approximately\s+|roughly\s+|just\s+(?:after|before)\s+|"
                          r"shortly\s+(?:after|before)\s+)?(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\b\.?|p\.?m\b\.?)|noon\b|midnight\b)",
                          re.I)


def _clock_after(text: str, date: EventDate) -> bool:
    """The day is told with its clock time right after it ("on June 17 at about 5:10 a.m.")."""
    return _CLOCK_AFTER.match(text, date.end) is not None


def _clocked(sent, date: EventDate, verb) -> bool:
    """A day given with its clock time ("around 10:45 p.m. Saturday", "on June 17 at about 5:10
    a.m.") on a verb that is not one of telling or of the case: a crime report times the
    incident to the minute, its follow-ups to the day ("was arraigned Monday")."""
    if _of_the_report(verb):
        return False
    if _CLOCK.search(date.text) or _clock_after(doc_text(sent.doc), date):
        return True
    before = doc_text(sent.doc)[max(sent.start_char, date.start - 20):date.start].rstrip()
    return bool(_CLOCK.search(before)) and before.endswith(("m.", "am", "pm", "noon", "midnight", " on"))


def _occurrence_verb(tok) -> bool:
    """A verb that tells when the incident happened: one of ``date_verbs`` occurrence, or the
    violence itself ("suspected of shooting into a house shortly after midnight Saturday")."""
    lemma = tok.lemma_.lower()
    if _during_the_act(tok):
        return True
    if _of_the_report(tok) or _into_custody(tok):
        return False
    return lemma in date_verbs("occurrence") or _violence_verb(lemma)


def _into_custody(verb) -> bool:
    """"taken into custody": an arrest, a step after the incident, though "taken" to a hospital
    tells when it happened."""
    return any(c.dep_ == "prep" and c.lower_ == "into" and any(g.lower_ == "custody" for g in c.children)
               for c in verb.children)


def _violence_verb(lemma: str) -> bool:
    """A verb of the violence itself, one that counts its victims ("shot", "killed", "wounded")."""
    return (count_cues().get(lemma) or ("", ""))[0] in ("fatalities", "hit", "injured")


def _first_token(sent, date: EventDate) -> int:
    return next(t.i for t in sent if date.start <= t.idx < date.end)


def _event_between(verb, date_tok, gathering: bool = False) -> bool:
    """An event noun between the verb and its date ("charged ... for the shooting at the
    park on June 11"): the date most likely closes the event's phrase, whatever the parse.
    A bare offence ("charged with murder on Saturday", "two counts of murder") names the
    charge, not the incident: the date stays the charge's. A gathering ("held a vigil
    Thursday night to honor a boy who was shot", "a funeral") is a step after an act of
    violence: its date is the gathering's, and dates only a gathering (``gathering``). The
    subject the telling is about ("wrote about the attack on its website on Friday",
    "asked about the killing Monday") is no phrase the date closes: the day is the telling's."""
    return any(_incident_noun(t) and not _offence(t) and (gathering or t.lemma_.lower() not in gathering_nouns())
               and t.head.lower_ != "about" for t in verb.doc[verb.i + 1:date_tok.i])


def _offence(tok) -> bool:
    """An incident noun with neither determiner nor possessive: the name of a crime in a
    charge ("with murder", "counts of attempted murder"), not a happening ("the shooting")."""
    return not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children) and tok.tag_ == "NN"


def _incident_noun(tok) -> bool:
    """A noun that names the incident: an event noun ("shooting") or a death ("the
    gunshot death of a teenager", "Sunday's homicide")."""
    if tok.pos_ != "NOUN":
        return False
    lemma = tok.lemma_.lower()
    return lemma in event_nouns() or count_cues().get(lemma) in (("fatalities", "noun"), ("fatalities", "both"))


def sentences(doc, text: str) -> list:
    """spaCy's sentences, cut again where a paragraph starts: a headline, a dateline line or
    a caption never runs on into the next paragraph."""
    starts = sorted(p.start for p in paragraphs(text))
    w = words(doc)
    idx, is_space = w.idx, w.is_space
    out = []
    for sent in doc.sents:
        cut = sent.start
        for i in range(sent.start + 1, sent.end):
            k = bisect.bisect_right(starts, idx[i]) - 1
            if k >= 0 and idx[i - 1] < starts[k] <= idx[i] and not is_space[i]:
                out.append(doc[cut:i])
                cut = i
        out.append(doc[cut:sent.end])
    return out


def extract_document(doc, document: Document) -> DocFindings:
    """All mentions, counts, statements, claims and dates of a parsed document.

    A news page whose own time stamp is well before the date it came with is dated by the
    stamp (:func:`dates.page_date`): the day the story was written, which its weekdays and
    its "last night" count from."""
    if document.profile == "news" and (written := dates.page_date(doc_text(doc), document.published,
                                                                   dates.day_first_for(document.url))):
        document = replace(document, published=written)
    found = DocFindings(document=document, structure=read_structure(document))
    sents = sentences(doc, doc_text(doc))
    found.sentences = [(s.start_char, s.end_char) for s in sents]
    found.statements = attribution.find_statements(doc)
    found.claims = claims.find_claims(doc, found.statements)
    # "Thursday", "last week" are counted from the day the story was filed: its
    # dateline's date when it states one, else the publication date
    found.dates = dates.find_dates(doc, found.structure.dateline_date or document.published,
                                   profile=document.profile, day_first=dates.day_first_for(document.url))
    for sent in sents:
        if not found.structure.yields_events(sent.start_char, sent.end_char):
            continue  # page chrome, other stories' headlines, embedded posts
        headline = found.structure.kind_at(sent.start_char, sent.end_char) == "title"
        sent_counts = attribute_counts(counts.find_counts(sent, document.profile, headline), found.statements)
        found.counts.extend(sent_counts)
        triggers = classify.find_triggers(sent, document.profile)
        if not triggers:
            if (cue := classify.crowd_intervention(sent)) is not None:
                found.interventions.append(cue)
            continue
        chosen = [triggers[0]]
        if document.profile == "news":
            chosen += _other_acts(sent, triggers)
        separate = _separate_incident(sent, chosen, triggers) if document.profile == "news" else None
        if separate is not None:
            chosen = [chosen[0], separate[0]]
        sent_actors = _actors.find_actors(sent)
        # an act named beside a protest or an arrest takes no date from it: the sentence's day is theirs
        undated = _ACT_KINDS.get(chosen[0].sub_event_type) is None
        for k, trigger in enumerate(chosen):
            apart = tuple(t.start for t in chosen if t is not trigger)
            own = sent_counts if k == 0 else []
            if separate is not None:  # each incident its own figures: those told after the marker
                own = [c for c in sent_counts if (c.start >= separate[1]) == (k == 1)]
            mention = _mention(doc, sent, trigger, found, sent_actors, own, apart,
                               dated=k == 0 or not undated or separate is not None)
            (found.mentions if mention.modality == "asserted" else found.rejected).append(mention)
    if document.profile == "news":
        told = list(_told_days(sents, found.dates, found.structure))  # read once for both
        found.incident_date = incident_date(told)
        found.first_recent_day = first_recent_day(told, found.structure.dateline_date or document.published)
        found.act_day = act_day(told, found.structure)
        found.groups = _actors.named_groups(s for s in sents if found.structure.yields_events(s.start_char, s.end_char))
    timed = classify_timing(found.mentions, found.structure, document, found.rejected)
    found.mentions = [m for m in timed if m.timing != CONTEXT]
    found.rejected = [m for m in timed if m.timing == CONTEXT] + found.rejected
    return found


# "and in a separate incident ...", "separately, ...": what follows is another happening.
SEPARATE = re.compile(r"\b(?:in (?:a |an )?(?:separate|another|unrelated) (?:incident|attack|"
                      r"shooting|clash|raid|bombing)|separately)\b", re.I)


def _separate_incident(sent, chosen, triggers):
    """(trigger, where) of an act the sentence tells after a marker of a separate incident
    ("Air strikes hit a base on Thursday, and in a separate incident clashes killed four on
    Friday"), when the sentence's first act comes before the marker; else None."""
    m = SEPARATE.search(span_text(sent))
    if m is None:
        return None
    at = sent.start_char + m.end()
    if chosen[0].start >= at:
        return None
    after = [t for t in triggers if t.start >= at and modality.mention_modality(sent, t)[0] == "asserted"]
    return (after[0], at) if after else None


# Coarse kinds of act that a sentence can tell side by side as two happenings.
_ACT_KINDS = {"Attack": "killing", "Sexual violence": "killing", "Remote explosive/landmine/IED": "bombing",
              "Suicide bomb": "bombing", "Grenade": "bombing", "Abduction/forced disappearance": "abduction",
              "Looting/property destruction": "destruction"}


def _other_acts(sent, triggers) -> list:
    """Asserted triggers of another kind of act than the sentence's first, told as acts of their
    own: "the group, which claimed the killing of the general on 25 January, today claimed a
    bombing" tells two acts. A participle of the first ("a bomb exploded, killing three") or a
    word under it is the same happening told further, not a second one. Beside a protest, an
    arrest or a statement, a violent act done to one named victim ("resigned to protest the
    murder of Judge X", "arrested two men suspected of the killing of X") is an act of its own."""
    first = triggers[0]
    kinds = {_ACT_KINDS.get(first.sub_event_type)}
    heads = [_trigger_head(sent, first)]
    out = []
    for trig in triggers[1:]:
        kind = _ACT_KINDS.get(trig.sub_event_type)
        if kind is None or kind in kinds or "+anaphor" in trig.rule and None not in kinds:
            continue
        head = _trigger_head(sent, trig)
        if head is None or None in heads:
            continue
        if None in kinds:  # beside a protest, an arrest, a statement: only a named victim's
            if not _done_to_one(head):
                continue
        elif "+in_reason_phrase" in trig.rule or any(_related(head, h) for h in heads):
            continue
        if modality.mention_modality(sent, trig)[0] != "asserted":
            continue
        kinds.add(kind)
        heads.append(head)
        out.append(trig)
    return out


def _done_to_one(tok) -> bool:
    """An act noun with its article and one victim named in its "of" phrase: "the murder of
    political analyst Edgar Chacon", "the killing of Pablo Pelaez" (not "the killing of civilians")."""
    if tok.pos_ != "NOUN" or not any(c.dep_ in ("det", "poss") for c in tok.children):
        return False
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            words = [t for t in obj.subtree if t.is_alpha]
            if obj.tag_ in ("NN", "NNP") and len(words) >= 2 and not any(t.tag_ in ("NNS", "NNPS") for t in words):
                return True
    return False


def _trigger_head(sent, trigger):
    span = sent.doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _related(a, b) -> bool:
    """Two words of one act (:func:`classify.separate_acts`), or of one list ("killings and kidnappings")."""
    return a in b.conjuncts or not classify.separate_acts(a, b)


def _mention(doc, sent, trigger, found: DocFindings, sent_actors, sent_counts, apart: tuple[int, ...],
             dated: bool = True) -> Mention:
    """One trigger of a sentence as a mention: modality, GTD type, actors, date, evidence."""
    document = found.document
    doc_id = document.id
    mod, cue = modality.mention_modality(sent, trigger)
    gtd_types = classify.gtd_attack_types(sent, trigger, doc_text(doc))
    gtd, gtd_rule = gtd_types[0] if gtd_types else (None, None)
    actor1, actor2 = _actors.assign_roles(sent, trigger, sent_actors)
    actor2 = _actors.party_victims(actor2, trigger)
    # "the Taliban" of a report after August 2021 are Afghanistan's state forces (ACLED's names by period)
    actor1, actor2 = successor(actor1, document.published), successor(actor2, document.published)
    # a toll update's date is the update's, not the incident's: it must not split the incident
    when = None if is_update(span_text(sent)) or not dated else _sentence_date(
        sent, found.dates, found.structure, trigger if document.profile == "news" else None)
    if when is not None and when.date is not None and document.published is not None and when.date > document.published:
        when = None  # "before next year's elections": a time still to come dates no act reported
    ev = [_evidence(doc_id, "event_type", sent, trigger.start, trigger.end, trigger.text, trigger.rule)]
    if gtd:
        ev.append(_evidence(doc_id, "gtd_attack_type", sent, trigger.start, trigger.end, trigger.text, gtd_rule or ""))
    for name, actor in (("actor1", actor1), ("actor2", actor2)):
        if actor is not None and actor.start is not None:
            ev.append(_evidence(doc_id, name, sent, actor.start, actor.end, actor.text or "", actor.rule or ""))
    for c in sent_counts:
        ev.append(_evidence(doc_id, c.kind, sent, c.start, c.end, c.text, c.rule))
    if when is not None:
        ev.append(_evidence(doc_id, "event_date", sent, when.start, when.end, when.text, when.rule))
    return Mention(
        doc_id=doc_id, sent_start=sent.start_char, sent_end=sent.end_char, sentence=span_text(sent),
        trigger=trigger, modality=mod, modality_cue=cue, gtd_attack_types=tuple(gtd_types),
        actor1=actor1, actor2=actor2, counts=tuple(sent_counts), date=when,
        evidence=tuple(ev), confidence=trigger.score, apart_from=apart,
    )
