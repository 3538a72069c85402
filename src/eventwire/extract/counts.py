"""Counts of people killed, injured, taken hostage and arrested, one sentence at a time.

A count is a quantity (digits, number words, a range, "at least 5", a vague word
such as "dozens") tied to a cue ("killed", "wounded", "abducted", "arrested")
that follows it ("six soldiers were killed", "3 dead") or precedes it ("killing
six soldiers", "the deaths of six"). Ages, dates, money and the size of an
attacking party are never counts: they have no cue in reach, or the cue is an
active verb whose object is someone else ("20 gunmen killed 3").
Cue words and vague quantities are data (``count_cues.csv``,
``vague_quantities.csv``).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from ..records import Count
from ..resources.taxonomy import participant_kinds
from ._cue_tables import DEATH_VERBS, count_cues, event_nouns, multiple_victims, vague_quantities
from .attribution import sentence_source, speaker_type
from ..nlp import doc_text, ents_in, span_text, words

__all__ = ["find_counts", "parse_number", "figure", "acled_figure", "status_of", "event_counts"]

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i > 1}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_NUMBER_WORDS = set(_UNITS) | set(_TENS) | set(_SCALES) | {"dozen", "-", "and"}

# modifiers before a number and how they shape (low, best, high)
_AT_LEAST = {"at least", "more than", "over", "upwards of", "no fewer than", "no less than", "a minimum of"}
_AT_MOST = {"up to", "at most", "as many as", "fewer than", "less than", "a maximum of", "no more than"}
_ABOUT = {"about", "around", "nearly", "almost", "approximately", "some", "an estimated", "roughly",
          "close to", "estimated", "approx"}
_MODIFIERS = sorted(_AT_LEAST | _AT_MOST | _ABOUT, key=lambda m: -len(m.split()))

# words that may stand between a victims phrase and its cue ("were reportedly found dead")
_BRIDGE = {"be", "have", "get", "reportedly", "allegedly", "also", "later", "all", "subsequently",
           "eventually", "initially", "both", "who", "that", "which", "each", "reported", "report",
           "find", "confirm", "feared", "fear", "believe", "shoot", "stab", "gun", "beat", "burn",
           "hack", "take", "hold", "to", "while", "critically", "seriously", "severely", "fatally",
           "badly", "lightly", "slightly", "mortally", "being", "been", "not", "yet", "since", "so", "far",
           "still", "now", "remain", "leave", "go", "in", "left", "and", "succumb", "list"}
_BEFORE_SKIP = {"the", "of", "a", "total", "also", "another", "an", "additional", "further", "at",
                "least", "dead", "with", "his", "her", "their", "its", "wounding", "leave"}
_AGE_WORDS = {"year", "years", "yr", "aged", "age", "old", "month", "months"}
_UNIT_AFTER = {"%", "percent", "per", "km", "kilometres", "kilometers", "miles", "mm", "kg", "metres",
               "meters", "hours", "days", "weeks", "minutes", "times", "year", "years", "month", "months",
               "am", "pm", "a.m.", "p.m.", "rounds", "dollars", "usd", "rupees", "naira", "million",
               "billion", "acres", "storey", "houses", "homes", "vehicles", "shops", "cars", "block"}
_DATE_OK = {"between", "and", "to", "at", "least", "about", "around", "some", "over", "up", "more", "than",
            "nearly", "almost", "a", "an"} | set(_UNITS) | set(_TENS) | set(_SCALES)
_MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                "sept", "oct", "nov", "dec"}
_CODED_AS = re.compile(r"\b(?:fatalities|deaths|fatality)\b[^.;]{0,40}?\bcoded as (\d+)", re.I)


@dataclass(frozen=True, slots=True)
class _Quantity:
    start: int  # token indices within the sentence, end exclusive
    end: int
    low: int | None
    best: int | None
    high: int | None
    rule: str


def parse_number(words: list[str]) -> int | None:
    """An integer from digits or English number words ("twenty-three", "1,200", "a dozen")."""
    words = [w.lower() for w in words if w not in ("-", "and", "a", "an")]
    if not words:
        return None
    if len(words) == 1 and re.fullmatch(r"\d{1,3}(,\d{3})+|\d+", words[0]):
        return int(words[0].replace(",", ""))
    total, current = 0, 0
    for w in words:
        if re.fullmatch(r"\d{1,3}(,\d{3})+|\d+", w):
            current += int(w.replace(",", ""))
        elif w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w in _SCALES:
            current = (current or 1) * _SCALES[w]
            if _SCALES[w] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current


def _is_number_token(tok) -> bool:
    low = tok.lower_
    if low in _UNITS or low in _TENS or low in _SCALES or low == "dozen":
        return True
    return bool(re.fullmatch(r"\d{1,3}(,\d{3})+|\d+", tok.text))


def _number_at(toks, i: int) -> tuple[int, int] | None:
    """(end, value) of a number starting at token i ("twenty - three", "a dozen", "1,200")."""
    j = i
    if toks[j].lower_ in ("a", "an") and j + 1 < len(toks) and toks[j + 1].lower_ in ("dozen", "hundred", "thousand"):
        j += 1
    if toks[j].lower_ == "both" and j + 1 < len(toks) and toks[j + 1].pos_ in ("NOUN", "ADJ"):
        return j + 1, 2
    if not _is_number_token(toks[j]):
        return None
    end = j + 1
    while end < len(toks):
        t = toks[end]
        if t.text == "-" and end + 1 < len(toks) and toks[end + 1].lower_ in _UNITS and toks[end - 1].lower_ in _TENS:
            end += 2
        elif t.lower_ in _SCALES or (t.lower_ in _UNITS and toks[end - 1].lower_ in _TENS):
            end += 1
        else:
            break
    value = parse_number([t.text for t in toks[i:end]])
    return (end, value) if value is not None else None


def _match_words(toks, i: int, phrase: str) -> int | None:
    words = phrase.split()
    if i + len(words) > len(toks):
        return None
    if all(toks[i + k].lower_ == w for k, w in enumerate(words)):
        return i + len(words)
    return None


def _range_after(toks, end: int, first: int) -> tuple[int, int] | None:
    """A second number after "to", "-", "or" ("10 to 15", "10-15"), above the first."""
    if end + 1 < len(toks) and toks[end].lower_ in ("to", "-", "–", "or"):
        second = _number_at(toks, end + 1)
        if second and second[1] > first:
            return second  # "12 - Five Injured" (a channel, then a count) is no range
    return None


@functools.lru_cache(maxsize=None)
def _by_first_word(kind: str) -> dict[str, tuple[str, ...]]:
    """Vague phrases or modifiers by their first word, longest first (one dict lookup per token)."""
    phrases = vague_quantities() if kind == "vague" else _MODIFIERS
    index: dict[str, list[str]] = {}
    for p in sorted(phrases, key=lambda p: -len(p.split())):
        index.setdefault(p.split()[0], []).append(p)
    return {w: tuple(ps) for w, ps in index.items()}


@functools.lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Every word but digits that can start a quantity phrase: a vague phrase's first word,
    "between", a modifier's first word, an article before "dozen", "both", a number word."""
    return frozenset(_by_first_word("vague")) | frozenset(_by_first_word("modifier")) | \
        {"between", "a", "an", "both", "dozen"} | set(_UNITS) | set(_TENS) | set(_SCALES)


def _quantity_at(toks, i: int) -> _Quantity | None:
    """A quantity phrase starting at token i, or None."""
    word = toks[i].lower_
    if word not in _first_words() and not toks[i].text[:1].isdigit():
        return None  # most words: no phrase can start here (digits are told by _is_number_token)
    for phrase in _by_first_word("vague").get(word, ()):
        end = _match_words(toks, i, phrase)
        if end is not None:
            low, best, high, _ = vague_quantities()[phrase]
            if end < len(toks) and toks[end].lower_ == "of" and not phrase.endswith(" of"):
                end += 1
            return _Quantity(i, end, low, best, high, "vague:" + phrase)
    if toks[i].lower_ == "between":
        first = _number_at(toks, i + 1)
        if first and first[0] < len(toks) and toks[first[0]].lower_ in ("and", "to"):
            second = _number_at(toks, first[0] + 1)
            if second:
                return _Quantity(i, second[0], first[1], None, second[1], "range")
    for mod in _by_first_word("modifier").get(word, ()):
        end = _match_words(toks, i, mod)
        if end is not None and end < len(toks):
            num = _number_at(toks, end)
            if num:
                rng = _range_after(toks, num[0], num[1])
                if rng:
                    return _Quantity(i, rng[0], num[1], None, rng[1], "range")
                if mod in _AT_LEAST:
                    return _Quantity(i, num[0], num[1], None, None, "at_least")
                if mod in _AT_MOST:
                    return _Quantity(i, num[0], None, None, num[1], "up_to")
                return _Quantity(i, num[0], None, num[1], None, "about")
    num = _number_at(toks, i)
    if num:
        rng = _range_after(toks, num[0], num[1])
        if rng:
            return _Quantity(i, rng[0], num[1], None, rng[1], "range")
        return _Quantity(i, num[0], num[1], num[1], num[1], "number")
    return None


# Verbs a crowd does, right after a headline's "hundreds" or "thousands": the people of the
# count are the mourners or the marchers, not the victims the headline goes on to name.
_CROWD_VERBS = frozenset({"mourn", "rally", "march", "protest", "gather", "attend", "demonstrate", "bury",
                          "pray", "honor", "honour", "remember", "demand", "flee", "join"})


def _not_a_count(toks, q: _Quantity) -> bool:
    """Ages, dates, times, money, measures and years are numbers but not counts."""
    span = toks[q.start:q.end]
    if any(t.ent_type_ in ("TIME", "MONEY", "PERCENT", "ORDINAL") for t in span) \
            and not q.rule.startswith("vague"):
        return True
    # spaCy tags "between 20 and 30" as DATE; only a date word makes it a date
    if any(t.ent_type_ == "DATE" and t.is_alpha and t.lower_ not in _DATE_OK for t in span):
        return True
    after = toks[q.end] if q.end < len(toks) else None
    if after is not None and after.lower_ in ("more", "other", "additional") and q.end + 1 < len(toks):
        after = toks[q.end + 1]  # "shot three more times"
    if after is not None and (after.lower_ in _UNIT_AFTER or after.lower_ in _AGE_WORDS):
        return True
    if after is not None and after.lemma_.lower() in _CROWD_VERBS and after.tag_ in ("VBP", "VBD", "NN", "VB") \
            and q.rule.startswith("vague"):
        return True  # a headline's crowd: "Hundreds mourn journalist shot dead", "Thousands march"
    if after is not None and after.text == "-" and q.end + 1 < len(toks) and toks[q.end + 1].lower_ in _AGE_WORDS:
        return True
    before = toks[q.start - 1] if q.start > 0 else None
    if before is not None and before.lower_ in ("-", "–", "to", "and") and q.start > 2 and toks[q.start - 2].like_num \
            and toks[q.start - 3].lower_ in ("aged", "age", "ages"):
        return True  # the second age of a range: "four men, ages 20-27, were shot"
    if before is not None and before.lower_ in ("aged", "age", "ages", "$", "£", "€", "no.", "number", "route", "km"):
        return True
    if before is not None and q.rule == "number" and before.lower_ in ("a", "an"):
        return True  # an age cut short or a name: "wounded an 18 and 15 year old", "an Eight Trey Crip"
    if before is not None and before.lower_ in ("early", "mid", "late") and q.start > 1:
        before = toks[q.start - 2]  # "a woman in her early 20's"
    if before is not None and q.rule == "number" and before.lower_ in ("his", "her", "their") and \
            after is not None and after.lower_ in ("'s", "’s", "s"):
        return True  # an age by decade: "a man in his 20's was shot"
    if before is not None and q.rule == "number" and before.lower_.rstrip(".") in _MONTH_WORDS:
        return True  # a day of the month: "early October 27 has died"
    if before is not None and q.rule == "number" and before.pos_ == "PROPN" and before.is_title and \
            before.ent_type_ not in ("DATE", "TIME") and not (after is not None and after.tag_ == "NNS"):
        return True  # a number in a name: "the Cloud 9 shooting", "Channel 12 - Five injured"
    if before is not None and before.lower_ in _NEGATORS:
        return True  # "no one (else) was hurt": a negation, read by _zero_counts
    if _age_apposition(toks, q):
        return True
    return q.rule == "number" and q.best is not None and 1900 <= q.best <= 2100


def _age_apposition(toks, q: _Quantity) -> bool:
    """A bare number set off by commas after a name is an age: "Jones, 27, has died"."""
    if q.rule != "number" or q.start < 2 or q.end >= len(toks):
        return False
    if toks[q.start - 1].text != "," or toks[q.start - 2].pos_ != "PROPN":
        return False
    # the last of a list of names with ages needs no comma: "Ann Cole, 19, and Tom Reyes, 24 were hurt"
    return toks[q.end].text == "," or any(_aged_name(t) for t in toks[:q.start - 2])


def _fatal_manner(tok) -> bool:
    """A wounding verb made a killing by its adverb: "fatally shot", "fatally wounded",
    or by "dead" after it: "shot dead two militants"."""
    if tok.pos_ == "VERB" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "dead":
        return True  # the parser hangs "dead" on the verb or on the victims after it
    return any(count_cues().get(c.lower_) == ("fatalities", "manner") for c in tok.children
               if c.dep_ == "advmod")


# What a person is "struck by" or "hit by" when that means shot: "struck by gunfire",
# "hit by a stray bullet" (not "hit by a car", not "struck by the news").
_GUNFIRE = {"gunfire", "bullet", "gunshot", "round", "shot", "shotgun", "pellet", "crossfire"}


# Being taken to hospital after a shooting: the people hit (the dead may be among them).
_TAKEN = {"take", "transport", "rush", "airlift", "fly", "drive", "transfer"}
# A patient's condition: "in critical condition", "listed in stable condition".
_CONDITIONS = {"critical", "serious", "stable", "grave", "fair", "good", "guarded", "satisfactory"}


def _to_hospital(verb) -> bool:
    """"were taken to the hospital", "rushed to Mercy Hospital"."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"):
        if any(g.dep_ == "pobj" and g.lemma_.lower() == "hospital" for g in prep.children):
            return True
    return False


def _wound_taken(verb) -> str | None:
    """The kind of the wound people were taken somewhere with or for: "taken to San
    Francisco General with injuries" (hurt), "transported to a hospital for treatment of
    non-life threatening injuries" (hurt), "rushed to Mercy with gunshot wounds" (hit, the
    dead may be among them)."""
    # the phrase hangs on the verb, or on the place the people were taken to
    places = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children if g.dep_ == "pobj"]
    preps = [c for h in [verb] + places for c in h.children if c.dep_ == "prep" and c.lower_ in ("with", "for")]
    for prep in preps:
        objects = [g for g in prep.children if g.dep_ == "pobj"]
        objects += [g for o in objects if o.lemma_.lower() == "treatment" for p in o.children
                    if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        for o in objects:
            if o.lemma_.lower() in ("wound", "injury"):
                modifiers = {c.lower_ for c in o.children if c.dep_ in ("compound", "amod", "nmod")}
                return "hit" if modifiers & _WOUND_SOURCES else "injured"
    return None


# Words between two conditions of one patient: "critical but stable", "serious to critical".
_BETWEEN_CONDITIONS = {"but", "to", ",", "and", "or", "-", "yet"}
# A condition said of a patient with no "condition" after it: "a 34-year-old man is
# stable", "one was critical" (not "fair" or "good", which say other things as often).
_BARE_CONDITIONS = {"critical", "serious", "stable", "grave", "guarded"}
# Verbs that give a patient's condition: "is stable", "remained critical".
_CONDITION_VERBS = {"be", "remain", "list"}


def _condition_at(toks, k: int) -> int | None:
    """End of a patient's condition starting at k, or None: "in critical condition", "in a
    serious condition", "in intensive care", "is stable" (the adjective alone as the complement
    of "be" or "remain"), "were treated and released"."""
    m = k + 2 if k + 1 < len(toks) and toks[k + 1].lower_ in ("a", "an") else k + 1
    if m + 1 < len(toks) and toks[k].lower_ == "in" and toks[m].lower_ in _CONDITIONS:
        if m + 3 < len(toks) and toks[m + 1].lower_ in _BETWEEN_CONDITIONS and toks[m + 2].lower_ in _CONDITIONS:
            m += 2  # "in critical but stable condition", "in serious to critical condition"
        if toks[m + 1].lower_ == "condition":
            return m + 2
    if toks[k].lower_ == "in":
        j = k + 2 if k + 1 < len(toks) and toks[k + 1].lower_ == "the" else k + 1
        if j + 1 < len(toks) and toks[j].lower_ == "intensive" and toks[j + 1].lower_ == "care":
            return j + 3 if j + 2 < len(toks) and toks[j + 2].lower_ == "unit" else j + 2  # "in intensive care"
    t = toks[k]
    if t.lower_ in _BARE_CONDITIONS and t.dep_ in ("acomp", "oprd") and t.head.lemma_.lower() in _CONDITION_VERBS \
            and not (k + 1 < len(toks) and toks[k + 1].lower_ in ("condition", "injury", "injuries", "wound", "wounds")):
        return k + 1
    if t.lower_ == "treated" and k + 2 < len(toks) and toks[k + 1].lower_ == "and" \
            and toks[k + 2].lower_ == "released":
        return k + 3  # "were treated and released": hurt, and alive
    return None


def _passed_away(tok) -> bool:
    """"passed away": a death told gently, whose subject is the one who died, as with "died"."""
    return tok.lemma_.lower() == "pass" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "away" and c.i == tok.i + 1
                                                for c in tok.children)


def _death_verb(tok) -> bool:
    """A verb of a death whose subject is the victim: "died", "succumbed", "passed away"."""
    return tok.lemma_.lower() in DEATH_VERBS or _passed_away(tok)


def _phrase_cue(tok) -> tuple[str, str] | None:
    """A cue that is a verb with its particle or agent: "gunned down" is a killing,
    "struck by gunfire" a hit."""
    if tok.pos_ != "VERB":
        return None
    lemma = tok.lemma_.lower()
    if lemma == "gun" and any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children):
        return "fatalities", "both"
    if _passed_away(tok):
        return "fatalities", "after"
    if lemma in _TAKEN and tok.tag_ == "VBN":
        wound = _wound_taken(tok)
        if wound is not None:
            return wound, "after"
        if _to_hospital(tok):
            return "hit", "after"
    if lemma in ("strike", "hit") and tok.tag_ == "VBN":
        for agent in (c for c in tok.children if c.dep_ == "agent"):
            if any(g.dep_ == "pobj" and g.lemma_.lower() in _GUNFIRE for g in agent.children):
                return "hit", "after"
        if _in_body_part(tok):
            return "hit", "after"  # "a bystander was struck in the arm": a wound, not a blow of a car
    if lemma in ("strike", "hit") and tok.tag_ in ("VBD", "VBZ", "VBP", "VBG") and _gunfire_strikes(tok):
        return "hit", "before"
    return None


# Verbs of firing that a clause of striking may follow: "opened fire, striking two men".
_FIRING = {"fire", "shoot", "open", "spray"}


def _gunfire_strikes(verb) -> bool:
    """An active "struck" or "hit" whose doer is the gunfire ("a stray bullet struck a girl",
    "gunfire hit two men"), or a clause of it that follows the firing ("fired into the crowd,
    striking three people"): whom it strikes is shot, not a blow of a fist or a car. A verb
    joined to an earlier one shares its doer ("a bullet came through the wall and hit a boy")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        return subject.lemma_.lower() in _GUNFIRE
    return verb.tag_ == "VBG" and verb.dep_ == "advcl" and (verb.head.lemma_.lower() in _FIRING or _went_off(verb.head))


# A gun that fires of itself: "the gun discharged, striking the driver", "the rifle went off,
# hitting his friend".
_WEAPONS = {"gun", "handgun", "pistol", "rifle", "shotgun", "firearm", "weapon", "revolver"}


def _went_off(verb) -> bool:
    """A verb of a weapon firing whose subject is the weapon: "discharged", "went off"."""
    lemma = verb.lemma_.lower()
    fired = lemma == "discharge" or lemma == "go" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    return fired and any(c.dep_ == "nsubj" and c.lemma_.lower() in _WEAPONS for c in verb.children)


# Parts of the body a round strikes: "struck in the shoulder", "hit once in the leg".
_BODY_PARTS = {"arm", "arms", "leg", "legs", "head", "chest", "back", "shoulder", "stomach", "abdomen",
               "neck", "face", "foot", "feet", "hand", "hip", "thigh", "torso", "buttocks", "buttock",
               "side", "knee", "ankle", "wrist", "finger", "jaw", "groin", "eye", "cheek", "elbow", "shin",
               "calf", "heel", "lower", "upper", "body"}


def _in_body_part(verb) -> bool:
    """A passive "struck" or "hit" whose place is a part of the body: "was struck in the arm"."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "agent" for c in verb.children):
        return False  # "hit in the head by a ball": struck by something other than gunfire
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        if any(g.dep_ == "pobj" and g.lower_ in _BODY_PARTS for g in prep.children):
            return True
    return False


def _cue_hit(tok) -> tuple[str, str] | None:
    """(kind, where) of a count cue: a verb with its particle or agent, else the word's lemma or form."""
    return _phrase_cue(tok) or count_cues().get(tok.lemma_.lower()) or count_cues().get(tok.lower_)


def _cue_kind(tok, sides: tuple[str, ...]) -> str | None:
    """The kind a count cue names when it may stand on one of ``sides`` of its number;
    a hit or wound of a fatal manner ("shot dead") is a killing."""
    hit = _cue_hit(tok)
    if hit and hit[1] in sides:
        if hit[0] in ("hit", "injured") and _fatal_manner(tok):
            return "fatalities"
        return hit[0]
    return None


def _cue(tok, where: str) -> str | None:
    return _cue_kind(tok, (where, "both"))


_EITHER_SIDE = ("after", "before", "both")


def _cue_either(tok) -> str | None:
    """``_cue(tok, "after") or _cue(tok, "before")``, looked up once."""
    return _cue_kind(tok, _EITHER_SIDE)


# An object that is the subject again: "two teens accidentally shot themselves" were hit.
_REFLEXIVES = {"himself", "herself", "themselves", "itself"}


def _is_active(tok) -> bool:
    """A cue verb with its own object ("gunmen killed 3", "one of his sons had shot the girl"):
    the number before it is the doer, unless the object is the doer again ("two boys shot
    themselves")."""
    finite = tok.tag_ in ("VBD", "VBZ", "VBP") or (tok.tag_ == "VBN" and _perfect(tok))
    return tok.pos_ == "VERB" and finite and \
        any(c.dep_ in ("dobj", "obj") and c.lower_ not in _REFLEXIVES for c in tok.children)


# Whom a gun is fired at: a person told by a pronoun or the police, never a place ("four people
# shot at a party" were hit there; "two men shot at them" fired).
_FIRED_AT = {"them", "him", "her", "us", "me", "police", "officers", "deputies", "troopers", "agents"}


def _shot_at_someone(toks, k: int) -> bool:
    """"two people shot at them", "three men shot at the officers": the number before "shot at"
    is who fired, not who was hit."""
    if toks[k].lower_ != "shot" or k + 2 >= len(toks) or toks[k + 1].lower_ != "at":
        return False
    m = k + 3 if toks[k + 2].lower_ == "the" and k + 3 < len(toks) else k + 2
    return toks[m].lower_ in _FIRED_AT or (toks[m].lower_ == "each" and m + 1 < len(toks)
                                           and toks[m + 1].lower_ == "other")


def _perfect(tok) -> bool:
    """A participle of a perfect tense, active: "had shot the girl", "has killed two"."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in tok.children) and \
        not any(c.dep_ == "auxpass" for c in tok.children)


# Words after "of" that open the group a number is a part of: "one of the victims", "two of
# them", "one of their students", "one of his sons".
_OF_A_GROUP = {"them", "whom", "the", "those", "their", "his", "her", "its", "our"}

# What _victims tells when a quantity counts wounds on a body, not people.
_WOUNDS = "wounds"


def _victims(toks, q: _Quantity) -> tuple[int, str | None, str | None]:
    """(end, victims text, kind of a cue noun/adjective inside: "two dead", "6 deaths"; or
    _WOUNDS for wounds on a body: "a man with two gunshot wounds died" is one dead)."""
    j, words = q.end, []
    headline = _headline_participle(toks, j)
    if headline is not None:
        return j + 1, None, headline
    while j < len(toks) and len(words) < 5:
        t = toks[j]
        kind = _cue(t, "after")
        if kind and t.pos_ == "NOUN" and _wounds_not_people(t, words):
            return j + 1, None, _WOUNDS  # "10 gunshot wounds": wounds on a body, not people
        if kind and t.pos_ in ("NOUN", "ADJ", "PROPN") or (kind and t.tag_ == "VBN" and not words):
            return j + 1, " ".join(words) or None, kind
        if t.lemma_.lower() == "victim" and t.pos_ == "NOUN" and (_SHOT_VICTIMS & {w.lower() for w in words}
                                                                 or _of_a_shooting(t)):
            return j + 1, " ".join(words + [t.text]), "hit"  # "four shooting victims": people hit
        if t.pos_ in ("ADJ", "NOUN", "PROPN") or (t.text == "-" and words) or \
                (t.dep_ in ("amod", "compound", "nmod") and t.head.i > t.i):
            words.append(t.text)
            j += 1
            continue
        if t.lower_ == "of" and j + 1 < len(toks) and toks[j + 1].lower_ in _OF_A_GROUP:
            words.extend([t.text, toks[j + 1].text])
            j += 2
            continue
        break
    return j, (" ".join(words).replace(" - ", "-") or None), None


# What a wound is from: "two gunshot wounds" (or "gun shot wounds") counts wounds, not the people
# who have them.
_WOUND_SOURCES = {"gunshot", "gun", "shot", "bullet", "stab", "knife", "shotgun", "shrapnel", "entry", "exit"}


# What makes a victim one of the people hit: "four gunshot victims", "two shooting victims"
# (some may have died: the dead are among the people hit).
_SHOT_VICTIMS = {"gunshot", "shooting"}


def _of_a_shooting(victims) -> bool:
    """Victims "of" or "in" a shooting are the people it hit: "the four victims of the
    shooting", "7 victims of Sunday's shooting", "2 victims in the nightclub shooting"."""
    return any(p.dep_ == "prep" and p.lower_ in ("of", "in") and
               any(o.dep_ == "pobj" and o.lemma_.lower() in _SHOT_VICTIMS for o in p.children)
               for p in victims.children)


def _wounds_not_people(tok, words: list[str]) -> bool:
    return tok.lemma_.lower() == "wound" and all(w.lower() in _WOUND_SOURCES for w in words)


def _headline_participle(toks, j: int) -> str | None:
    """A cue participle right after a number, read as a noun in headline grammar
    ("Four shot, 1 dead"; not "one shot was fired")."""
    if j >= len(toks):
        return None
    cue = count_cues().get(toks[j].lower_)
    if cue is None or cue[1] != "participle":
        return None
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if nxt is not None and (nxt.pos_ in ("AUX", "VERB") or nxt.lower_ in ("of", "at", "from")):
        return None
    return cue[0]


_ASIDE = {"including", "among", "mostly", "mainly", "all", "most", "both", "many", "some", "one",
          "two", "three", "who", "which", "aged", "reportedly"}


def _skip_apposition(toks, k: int) -> int:
    """Past the people a count lists in apposition: "two men, a 19-year-old and a
    23-year-old, were wounded" (the verb is the count's, the list names its members)."""
    if not (0 < k < len(toks) - 1 and toks[k].text == ","):
        return k
    if toks[k + 1].lower_ in ("aged", "ages"):  # "four men, ages 20-27(,) were shot"
        m = k + 2
        while m < len(toks) and (toks[m].like_num or toks[m].lower_ in ("-", "–", "to", "and", ",")):
            m += 1
        return m if m > k + 2 else k
    first = toks[0].i
    # the parser hangs a list of ages on the noun as an apposition or as a modifier
    listed = [c for c in toks[k - 1].children if c.dep_ in ("appos", "amod") and c.i > toks[k].i]
    if not listed or listed[0].left_edge.i != toks[k + 1].i:
        return k
    end = listed[-1].right_edge.i - first
    if end < len(toks) and toks[end].text != ",":
        end += 1
    if end >= len(toks) or toks[end].text != ",":
        return k  # an apposition the sentence does not close is no aside
    return end + 1


def _aside_dash(toks, k: int) -> bool:
    """A dash that opens or closes an aside: "--", an em or en dash, or a hyphen set apart
    by spaces (not the hyphen inside "20-year-old")."""
    t = toks[k]
    return t.text in ("--", "—", "–") or (t.text == "-" and k > 0 and bool(toks[k - 1].whitespace_))


def _skip_aside(toks, k: int) -> int:
    """Past a parenthetical after the victims: ", including two civilians," / "(SHO)" / "--
    two of them girls --", or the people the count lists in apposition (:func:`_skip_apposition`)."""
    apposed = _skip_apposition(toks, k)
    if apposed != k:
        return apposed
    if k < len(toks) and toks[k].text == "(":
        close = next((m for m in range(k, min(k + 12, len(toks))) if toks[m].text == ")"), None)
        return close + 1 if close is not None else k
    if k > 0 and k < len(toks) and _aside_dash(toks, k):  # "four juveniles -- including two children -- were"
        close = next((m for m in range(k + 1, min(k + 20, len(toks))) if _aside_dash(toks, m)), None)
        return close + 1 if close is not None else k
    comma = k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].lower_ in _ASIDE
    if comma or (k < len(toks) and toks[k].lower_ == "including"):
        relative = False  # "four others, including one who died": that verb is the aside's own
        for m in range(k + 1, min(k + 15, len(toks))):
            if toks[m].text == ",":
                return m + 1
            relative = relative or (comma and toks[m - 1].lower_ in ("who", "that", "which"))
            if not relative and (toks[m].pos_ == "AUX" or toks[m].tag_ in ("VBD", "VBN")):
                return m  # the aside ran into the verb
        if relative:
            return len(toks)
    return k


def _skip_pp(toks, k: int) -> int:
    """Past a short prepositional phrase on the victims: "militants of banned groups were killed"."""
    if k >= len(toks) or toks[k].lower_ not in ("of", "from", "with", "in", "at", "near", "belonging"):
        return k
    for m in range(k + 1, min(k + 9, len(toks))):
        t = toks[m]
        if t.pos_ == "AUX":
            return m
        if (t.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "ADP", "NUM", "PUNCT", "CCONJ", "PART") and t.dep_ != "amod") \
                or t.text in (",", ";"):
            return k
    return k


# A carrier verb may name the wound through a preposition: "suffering from gunshot wounds",
# "being treated for injuries".
_CARRIER_PREPOSITIONS = {"from", "for"}


def _for_after_place(toks, i: int) -> int | None:
    """The word after "for" when a short phrase of place stands before it ("at the scene for",
    "at a local hospital for"), else None."""
    if i >= len(toks) or toks[i].lower_ not in ("at", "in", "on"):
        return None
    for m in range(i + 1, min(i + 6, len(toks))):
        if toks[m].lower_ == "for":
            return m + 1
        if toks[m].pos_ not in ("DET", "ADJ", "NOUN", "PROPN") or toks[m].text in (",", ";"):
            return None
    return None


def _carried(toks, k: int) -> tuple[str, int] | None:
    """(kind, end) of a wound a verb carries ("suffered gunshot wounds", "sustained minor
    injuries", "treated for injuries"): people with gunshot wounds were hit (some may have
    died), with injuries hurt."""
    if _cue_where(toks[k]) != ("none", "carrier"):
        return None
    words = []
    first = k + 2 if k + 1 < len(toks) and (toks[k + 1].lower_ in _CARRIER_PREPOSITIONS or
                                            toks[k].lower_ == "due" and toks[k + 1].lower_ == "to") else k + 1
    if first == k + 1 and toks[k].lemma_.lower() == "treat":
        first = _for_after_place(toks, k + 1) or first  # "treated at the scene for minor injuries"
    for m in range(first, min(first + 8, len(toks))):  # room for "non-life-threatening gunshot wounds"
        t = toks[m]
        if t.lemma_.lower() in ("wound", "injury") and t.pos_ == "NOUN":
            if any(w in ("fatal", "mortal", "deadly", "lethal") for w in words):
                return "fatalities", m + 1
            return ("hit" if _WOUND_SOURCES & set(words) else "injured"), m + 1
        # participles are modifiers here: "non-life threatening injuries", "self-inflicted wounds"
        if (t.pos_ not in ("ADJ", "NOUN", "DET", "NUM", "ADV", "PUNCT") and t.tag_ not in ("VBG", "VBN", "PRP$")) \
                or t.text in (",", ";"):
            return None
        words.append(t.lower_)
    return None


def _cue_after(toks, j: int) -> tuple[str, int] | None:
    """A passive or intransitive cue after the victims ("were killed", "died", "found dead").
    A number inside an aside between dashes does not reach past the closing dash: in "four men
    who were hit -- one 29, another 52, two others 37 -- were taken to a hospital" the verb is
    the four's, and the numbers inside are ages."""
    found = _own_cue_after(toks, j)
    if found is not None and _in_open_aside(toks, j) and any(_aside_dash(toks, m) for m in range(j, found[1])):
        return None
    return found


def _in_open_aside(toks, j: int) -> bool:
    """An aside dash opened before ``j`` and not yet closed."""
    return sum(1 for m in range(j) if _aside_dash(toks, m)) % 2 == 1


def _own_cue_after(toks, j: int) -> tuple[str, int] | None:
    if j < len(toks) and count_cues().get(toks[j].lower_) == ("fatalities", "manner"):
        return "fatalities", j + 1  # "four people were shot, one fatally"
    k, bridged = _skip_pp(toks, _skip_aside(toks, j)), 0
    while k < len(toks) and bridged <= 4:
        t = toks[k]
        in_condition = _condition_at(toks, k)
        if in_condition is not None:
            return "injured", in_condition  # "two victims were listed in stable condition"
        carried = _carried(toks, k)
        if carried is not None:
            return carried
        kind = _cue(t, "after")
        if kind and k > j and toks[k - 1].lower_ == "in" and t.tag_ in ("NN", "NNS", "VBG"):
            return None  # "three suspects in shooting of teen": the act they are held for, not their wound
        if kind == "hit" and not _is_active(t):
            return None if _shot_at_someone(toks, k) else _hit_or_killed(toks, k)
        if kind and not _is_active(t):
            return kind, k + 1
        if t.lower_ == "and" and (k == 0 or toks[k - 1].pos_ != "VERB"):
            return None
        if t.dep_ == "neg" or t.lower_ in ("never", "n't"):
            return None  # "two other children were not hurt": people spared, not victims
        if t.lemma_.lower() in _BRIDGE or t.lower_ in _BRIDGE or t.pos_ == "AUX" or t.pos_ == "ADV":
            k, bridged = k + 1, bridged + 1
            continue
        return None
    return None


def _hit_or_killed(toks, k: int) -> tuple[str, int]:
    """"were shot" (hit), or "were shot dead" / "shot to death" (killed)."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is not None and nxt.pos_ == "ADJ" and _cue(nxt, "after") == "fatalities":
        return "fatalities", k + 2
    if nxt is not None and nxt.lower_ == "to" and k + 2 < len(toks) and toks[k + 2].lower_ == "death":
        return "fatalities", k + 3
    return "hit", k + 1


def _killed_too(verb) -> bool:
    """A hit that killed: "shot dead", "shot to death", "shot and killed"."""
    for c in verb.children:
        if c.dep_ == "conj" and _cue(c, "after") == "fatalities":
            return True
        if c.dep_ in ("oprd", "acomp", "xcomp", "advmod", "ccomp") and _cue(c, "after") == "fatalities":
            return True
        if c.lower_ == "to" and any(g.lower_ == "death" for g in c.children):
            return True
    return False


def _headline_killed_too(verb) -> bool:
    """Headline grammar joins the killing with a comma: "Man shot, killed in X"."""
    return any(c.dep_ == "advcl" and c.tag_ == "VBN" and _cue(c, "after") == "fatalities" and
               not any(g.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for g in c.children)
               for c in verb.children)


def _chained_cues(toks, k: int, kind: str) -> list[tuple[str, int]]:
    """Further cues joined to a passive one: "were kidnapped and (later) shot dead"."""
    out = []
    while k < len(toks) and toks[k].lower_ in ("and", "or", ","):
        if k + 1 < len(toks) and toks[k + 1].lower_ in ("including", "among"):
            break  # "six people were shot, including the one killed": a part of them, not all
        nxt = _cue_after(toks, k + 1)
        if nxt is None or nxt[0] == kind or any(nxt[0] == o for o, _ in out):
            break
        if toks[k].lower_ == "or" and {kind, nxt[0]} == {"fatalities", "injured"}:
            return [("hit", nxt[1])]  # "16 people were hurt or killed": the people hit, dead among them
        out.append(nxt)
        k = nxt[1]
    return out


def _cues_before(toks, i: int) -> tuple[list[str], int]:
    """Cues just before a quantity ("killing", "the deaths of", "killing and injuring")."""
    kinds, k, first = [], i - 1, i
    while k >= 0 and i - k <= 5:
        t = toks[k]
        kind = _cue(t, "before")
        passive = any(c.dep_ == "auxpass" for c in t.children)  # "were killed and two ..." is not "killed two"
        if kind and kind not in kinds and not passive and (t.pos_ in ("VERB", "NOUN") or t.tag_ in ("VBG", "VBD", "VBN")):
            kinds.append(kind)
            first = k
            if not (k > 1 and toks[k - 1].lower_ in ("and", "or", ",")):
                break
            k -= 2
            continue
        if not kinds and t.lower_ == "dead" and k > 0 and _fatal_manner(toks[k - 1]):
            k -= 1  # "shot dead two militants": the verb before "dead" is the cue
            continue
        if not kinds and t.lower_ == "to" and k > 0 and toks[k - 1].lower_ in ("injuries", "injury"):
            return ["injured"], k - 1  # "the death of a woman and injuries to five other people"
        if kinds or t.lower_ not in _BEFORE_SKIP or (t.lower_ == "at" and toks[k + 1].lower_ != "least"):
            break  # "a gunshot wound at 63 Elm Street" is a place, "killing at least 3" a count
        k -= 1
    return kinds, first


def _links_to_next(toks, end: int, listed: int = 1) -> int | None:
    """Index of the quantity joined to the previous one by "and" / ",".

    ", and" after a single quantity closes its clause, it does not list: "officers found
    four shooting victims, and two died" is four people hit, two of them dead, not six.
    A list writes "three soldiers and two civilians" or "three soldiers, two police, and
    four civilians" (the serial comma after two or more)."""
    if end < len(toks) and toks[end].lower_ in ("and", ",", "&"):
        nxt = end + 1
        if nxt < len(toks) and toks[nxt].lower_ == "and":
            if toks[end].text == "," and listed < 2:
                return None
            nxt += 1
        if nxt < len(toks):
            return nxt
    return None


# Words that open one more person at the close of a counted list: "two policemen and a
# civilian", "seven soldiers and their driver", "three miners and another worker".
_ONE_MORE_OPENERS = {"a", "an", "another", "their", "his", "her"}


def _one_more_at(toks, i: int) -> _Quantity | None:
    """One person named after the "and" of a counted list: "two policemen and a civilian were
    killed" is three dead, "seven soldiers and their driver" eight. The words must open a
    noun phrase whose head, a few words on, is one person (a singular noun of a participant,
    a victim or a kin word)."""
    if i >= len(toks) or toks[i].lower_ not in _ONE_MORE_OPENERS or toks[i].dep_ not in ("det", "poss"):
        return None
    head = toks[i].head
    k = head.i - toks[0].i
    if not (i < k <= i + 3 and k < len(toks) and toks[k].i == head.i) or head.tag_ != "NN" or not _a_person(head):
        return None
    if any(t.pos_ not in ("ADJ", "NOUN", "PROPN") for t in toks[i + 1:k]):
        return None
    return _Quantity(i, i + 1, 1, 1, 1, "number")


_OF_THE_SAME = {"them", "whom", "those", "these"}


def _partitive(toks, q: _Quantity) -> bool:
    """A quantity of the people just counted: "killing 22 people, many of them children",
    "nine soldiers, three of whom were officers". A part of them, not more of them."""
    k = q.end
    if k < len(toks) and toks[k].lower_ == "of":
        k += 1
    return k < len(toks) and toks[k - 1].lower_ == "of" and toks[k].lower_ in _OF_THE_SAME


_TELLING = frozenset({"say", "tell", "report", "confirm", "add", "state", "announce"})


def _tellers(toks, q: _Quantity) -> bool:
    """The people a quantity counts are the subject of a verb of telling: "killing seven
    soldiers, two military sources said" lists no more dead."""
    noun = toks[q.start].head
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in _TELLING and noun.head.i > noun.i


def _combine(parts: list[tuple[_Quantity, str | None]]) -> tuple[int | None, int | None, int | None, str | None]:
    """Sum of coordinated counts ("three soldiers and two civilians" -> 5)."""
    def total(vals):
        return None if any(v is None for v in vals) else sum(vals)
    lows = [q.low if q.low is not None else q.best for q, _ in parts]
    victims = ", ".join(v for _, v in parts if v) or None
    return total(lows), total([q.best for q, _ in parts]), total([q.high for q, _ in parts]), victims


def _make(sent, toks, kind: str, parts, start_tok: int, end_tok: int, rule: str) -> Count:
    # People hit are counted with the injured; the rule ("counts.hit.") keeps them
    # apart, since the dead may be among them (see event_counts).
    kind = "injured" if kind == "hit" else kind
    low, best, high, victims = _combine(parts)
    s, e = toks[start_tok].idx, toks[end_tok - 1].idx + len(toks[end_tok - 1].text)
    return Count(kind=kind, low=low, best=best, high=high, text=doc_text(sent.doc)[s:e], start=s, end=e,
                 victims=victims, rule=rule)


# Who a force "loses" in a fight: "killing 20 attackers while losing four soldiers", "the
# police lost two officers". Other things lost (ground, vehicles, a son) are no count here.
_PERSONNEL = {"soldiers", "troops", "men", "officers", "policemen", "personnel", "fighters", "servicemen",
              "members", "militiamen", "guards", "peacekeepers", "commandos", "paratroopers", "gendarmes"}


def _lost_at(toks, i: int, parts) -> int | None:
    """Index of a verb "lose" just before the quantity at ``i`` whose victims are a force's
    men, else None."""
    k = i - 1
    while k >= 0 and i - k <= 3 and toks[k].lower_ in ("about", "at", "least", "some", "nearly", "around"):
        k -= 1
    heads = [(v or "").split()[-1:] for _, v in parts]
    if k < 0 or toks[k].lemma_.lower() != "lose" or toks[k].pos_ != "VERB" or not all(heads):
        return None
    return k if all(h[0].lower() in _PERSONNEL for h in heads) else None


def _quantity_counts(sent, toks) -> list[Count]:
    """Counts built around quantity phrases, with coordination summed."""
    out: list[Count] = []
    i = 0
    # _quantity_at's own first test, on the document's word lists (no Token built per word)
    w, text, openers = words(sent.doc), doc_text(sent.doc), _first_words()
    while i < len(toks):
        at = sent.start + i
        if w.lower[at] not in openers and not text[w.idx[at]:w.idx[at] + 1].isdigit():
            i += 1
            continue
        q = _quantity_at(toks, i)
        if q is None or _not_a_count(toks, q):
            i += 1
            continue
        parts, end, kind, where = [], q.end, None, ""
        cur = q
        active = bool(_cues_before(toks, q.start)[0])
        while True:
            vend, victims, own = _victims(toks, cur)
            if own == _WOUNDS:
                end = end if parts else vend
                break  # the wounds are no people, nor the words after them a cue of theirs
            parts.append((cur, victims))
            end = vend
            if own:
                kind, where = own, "noun"
                break
            nxt = _links_to_next(toks, vend, len(parts))
            nq = (_quantity_at(toks, nxt) or _one_more_at(toks, nxt)) if nxt is not None else None
            if nq is None or _not_a_count(toks, nq) or (_cue_after(toks, vend) is not None) or _partitive(toks, nq) \
                    or _tellers(toks, nq):
                break
            if active and _cue_after(toks, _victims(toks, nq)[0]) is not None:
                break  # "wounded 3 others, and 4 were abducted": the next count has its own verb
            cur = nq
        if not parts:
            i = max(end, i + 1)
            continue
        extra: list[str] = []
        if kind is None:
            after = _cue_after(toks, end)
            if after and _singular_verb_of_many(toks, end, after[1], parts):
                after = None
            if after:
                kind, where, end = after[0], "passive", after[1]
                for more, more_end in _chained_cues(toks, end, kind):
                    extra.append(more)
                    end = more_end
        kinds = ([] if "hit" in extra else [kind]) + extra if kind else []
        start = q.start
        if not kinds:
            kinds, start = _cues_before(toks, q.start)
            where = "active"
            if not kinds and (lost := _lost_at(toks, q.start, parts)) is not None:
                kinds, start = ["fatalities"], lost
            if "fatalities" in kinds and "hit" in kinds:
                kinds.remove("hit")  # "shot and killed two men": the two are the dead, no one else was hit
        first = start if where == "active" else q.start
        for k in kinds:
            out.append(_make(sent, toks, k, parts, first, end, f"counts.{k}.{where}.{q.rule.replace(' ', '_')}"))
        i = max(end, i + 1)
    return out


# A singular verb is no verb of a number above one: in "Teen who shot 4, including 2 agents, is
# killed by police" the one killed is the teen, and the four were the shots' victims.
_SINGULAR_AUX = {"is", "was", "has"}


def _singular_verb_of_many(toks, end: int, cue_end: int, parts) -> bool:
    many = sum((q.best or q.low or 0) for q, _ in parts) > 1
    return many and any(t.lower_ in _SINGULAR_AUX for t in toks[end:cue_end])


_ONE_WORDS = {"him", "her", "himself", "herself", "another", "one", "he", "she"}
# An ordinal names one more person ("three were killed and a fourth was injured").
_ORDINAL_ONE = {"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"}
_NOT_PEOPLE = {"attack", "bomb", "blast", "explosion", "vehicle", "car", "house", "building", "incident",
               "operation", "clash", "device", "it", "this", "that", "which", "what", "area", "village", "town",
               "number", "total", "toll", "death", "body", "convoy", "train", "bus", "truck", "aircraft", "plane",
               "ship", "boat", "helicopter", "drone", "base", "post", "checkpoint", "office", "station",
               "family", "group", "crowd", "household", "party", "gathering",  # many people, not one
               "hospital", "center", "scene", "home", "residence", "apartment"}


def _elided_passive(cue) -> bool:
    """A participle that shares the passive of the verb before it: in "three were killed and
    another critically injured" the "were" of the first serves both, and "another" is hurt."""
    return cue.tag_ == "VBN" and cue.dep_ == "conj" and \
        not any(c.dep_ in ("aux", "auxpass", "dobj", "obj") for c in cue.children) and \
        any(c.dep_ == "auxpass" for c in cue.head.children)


def _reduced_relative(cue) -> bool:
    """A participle that follows its noun as a clause of it: "the boy killed Saturday",
    "a woman shot in the leg" (the noun is whom the verb was done to)."""
    return cue.dep_ == "acl" and cue.tag_ == "VBN" and cue.head.i < cue.i and \
        cue.head.pos_ in ("NOUN", "PROPN", "ADJ") and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux", "dobj", "obj") for c in cue.children)


def _left_so(cue) -> bool:
    """A participle after "and" that shares a "left" or "found" before it: in "the shooting left
    one man dead and a woman wounded" the parser makes "a woman" the subject of "wounded"; she is
    whom the shooting left wounded. In "officers found one man dead and another wounded" the
    participle hangs on "dead", which hangs on "found"."""
    if cue.dep_ != "conj" or cue.tag_ not in ("VBN", "VBD") or \
            any(c.dep_ in ("dobj", "obj", "auxpass", "aux") for c in cue.children):
        return False
    head = cue.head
    if head.pos_ == "ADJ" and _cue(head, "after") == "fatalities":
        head = head.head
    return head.lemma_.lower() in ("leave", "find")


def _found_so(cue) -> bool:
    """A participle that tells the state someone was found in: "a man was found shot",
    "officers found a woman shot in the chest" (she is the one shot); not a clause of its
    own ("found that he had been shot" has its own subject)."""
    return cue.tag_ == "VBN" and cue.dep_ in ("xcomp", "oprd", "ccomp") and cue.head.lemma_.lower() == "find" and \
        not any(c.dep_ in ("aux", "auxpass", "nsubjpass", "mark") for c in cue.children)


def _victim_head(cue):
    """The person a cue verb is about: passive/intransitive subject or active object."""
    deps = ("nsubjpass",) if not _death_verb(cue) else ("nsubj", "nsubjpass")
    if _elided_passive(cue) or _left_so(cue):
        deps = ("nsubj", "nsubjpass")
    if _found_so(cue):
        own = next((c for c in cue.children if c.dep_ == "nsubj"), None)
        if own is not None:
            return own  # "officers found a woman shot", parsed with the woman as the verb's subject
    if cue.pos_ == "ADJ" and cue.dep_ in ("oprd", "acomp", "xcomp", "advmod", "ccomp") or _found_so(cue):
        adjective, cue = cue, cue.head  # "found dead", "found shot": the state of the one found
        deps = ("nsubjpass", "nsubj")
        done_to = next((c for c in cue.children if c.dep_ in ("dobj", "obj") and c.i < adjective.i), None)
        if done_to is not None:
            return done_to  # "a shooting that left a teenager dead", "found the man dead"
    if _reduced_relative(cue):
        return _first_conjunct(cue.head)  # "the 2-year-old killed Saturday", "a man found deceased"
    if cue.pos_ == "ADJ" and cue.dep_ == "amod" and cue.head.i < cue.i and cue.head.dep_ in ("dobj", "obj") \
            and cue.head.head.lemma_.lower() in ("leave", "find"):
        return cue.head  # "left a boy dead", "found a man dead": the parser makes "dead" the man's adjective
    for c in cue.children:
        if c.dep_ in deps or (c.dep_ in ("dobj", "obj") and cue.pos_ == "VERB" and cue.tag_ != "VBN"):
            return c
        if c.dep_ in ("dobj", "obj") and cue.tag_ == "VBN" and not any(a.dep_ in ("auxpass", "nsubjpass") for a in cue.children):
            return c
    for c in cue.children:  # "abducted and later killed Dhansai Ghavde": the object sits on the last verb
        if c.dep_ == "conj" and c.pos_ == "VERB" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            obj = next((g for g in c.children if g.dep_ in ("dobj", "obj")), None)
            if obj is not None and cue.tag_ != "VBN":
                return obj
    if cue.dep_ == "conj" and cue.head.pos_ == "VERB":  # "were kidnapped and killed"
        return next((c for c in cue.head.children if c.dep_ in ("nsubjpass",) or
                     (c.dep_ == "nsubj" and _death_verb(cue))), None)
    if _participle_passive(cue):
        return next((c for c in cue.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def _first_conjunct(noun):
    """The first of two people named with "and" when a clause or a phrase hangs on the second:
    in "a girl and a woman wounded by gunfire" or "a man and a boy with gunshot wounds" the
    parser ties the participle or the "with" to the second, but it tells of both. Only a pair
    of single people: a list or a number ("a man and two women") may name more than were hurt."""
    first = noun.head
    if noun.dep_ != "conj" or first.i > noun.i or first.pos_ not in ("NOUN", "PROPN") \
            or not (_a_person(noun) and _a_person(first)):
        return noun
    if any(c.dep_ in ("nummod", "conj") for m in (noun, first) for c in m.children if c.i != noun.i):
        return noun
    return first


def _participle_passive(cue) -> bool:
    """A passive participle clause set after its verb ("was protecting a neighbour, getting shot
    seven times", "tried to run, being shot in the back"): it tells of the subject of that verb."""
    return cue.dep_ in ("advcl", "xcomp") and cue.head.pos_ in ("VERB", "AUX") and cue.head.i < cue.i \
        and any(a.dep_ == "auxpass" and a.tag_ == "VBG" for a in cue.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)


_ORDINAL_VALUE = {w: i for i, w in enumerate(("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"), 2)}


def _toll_ordinal(head) -> int | None:
    """"a second victim has died", "a third person died": the toll the new death brings,
    the ordinal's number (with the indefinite article: "the second victim" only points at one)."""
    ordinal = next((c for c in head.children if c.dep_ == "amod" and c.lower_ in _ORDINAL_VALUE), None)
    if ordinal is None or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
        return None
    return _ORDINAL_VALUE[ordinal.lower_]


def _aged_name(tok) -> bool:
    """A name followed by an age set off by a comma: "Tom Reyes, 24", "Lee Park, eight years old"."""
    doc = tok.doc
    if tok.pos_ != "PROPN" or tok.i + 2 >= len(doc) or doc[tok.i + 1].text != ",":
        return False
    age = doc[tok.i + 2]
    if age.like_num and not age.is_alpha:
        return True
    return parse_number([age.text]) is not None and tok.i + 3 < len(doc) and doc[tok.i + 3].lower_ in _AGE_WORDS


def _named_list(head) -> list:
    """The people of a list of names each told with an age ("Ann Cole, 19, Tom Reyes, 24, and
    Lee Park, 31, were wounded"): the parser hangs the later names on the first as appositions
    and conjuncts, so the first alone would count one. Only names that carry their own age."""
    if not _aged_name(head):
        return [head]
    names, seen, todo = [head], {head.i}, [head]
    while todo:
        for c in todo.pop().children:
            if c.dep_ not in ("appos", "conj") or c.i in seen:
                continue
            seen.add(c.i)
            if _aged_name(c):
                names.append(c)
                todo.append(c)
            elif c.like_num:
                todo.append(c)  # "Jon Baker, 27 and Lena Ortiz, 52": the next name hangs on the age
    return sorted(names, key=lambda t: t.i)


# Kinds a list of three counts in full: the people hit or hurt (not the dead, whom a report
# lists with the others struck, nor hostages, whom it names with their titles).
_LISTED_KINDS = ("hit", "injured")


def _listed_with(head, lists: bool = True) -> list:
    """The others a list names with ``head``: its conjuncts, theirs in turn ("a man, woman and
    child": the parser hangs "child" on "woman"), and an apposition that opens a list of its own
    ("a man, a woman and a teenager": "a woman" is set beside the man, not a second name of him),
    each a person where it is one of three or more."""
    doc = head.doc

    def conjuncts(m):
        return [c for c in m.children if c.dep_ == "conj" and
                not any(t.pos_ == "VERB" for t in doc[m.i + 1: c.i]) and
                not (c.i + 1 < len(doc) and doc[c.i + 1].pos_ == "VERB" and doc[c.i + 1].tag_ in ("VBD", "VBZ", "VBP"))]

    out = conjuncts(head) + _sibling_subjects(head)
    if lists and len(out) <= 1:
        # a name's apposition describes the one person ("Ali Hafij, a sheikh and the brother of
        # an MP"); a common noun's may open a list ("a man, a woman and a teenager")
        opened = [a for a in head.children if a.dep_ == "appos" and a.i == head.i + 3 - (doc[head.i + 2].pos_ != "DET")
                  and conjuncts(a)] if not out and head.i + 2 < len(doc) and head.pos_ != "PROPN" else []
        chained = [c for c in (conjuncts(out[0]) if out else []) if out[0].i < c.i]
        extra = opened + (conjuncts(opened[0]) if opened else []) + chained
        if extra and all(_a_person(m) for m in [head] + out + extra):
            out += extra
    return out


def _sibling_subjects(head) -> list:
    """A second subject joined by "and" that the parser hangs on the verb rather than on the
    first: in "the suspect and the child were taken to a hospital" it may give "child" the
    verb as its head, beside "suspect", and the "and" to "suspect"."""
    if head.dep_ not in ("nsubj", "nsubjpass") or not any(c.dep_ == "cc" and c.lower_ == "and" for c in head.children):
        return []
    verb = head.head
    return [c for c in verb.children if c.dep_ == head.dep_ and c.i > head.i
            and all(t.pos_ not in ("VERB", "AUX") and t.text not in (",", ";") for t in head.doc[head.i + 1: c.i])]


def _people_in(head, lists: bool = True) -> int | None:
    """How many people a bare noun phrase names: "a soldier" 1, "X and another civilian" 2,
    a list of names with their ages one each (:func:`_named_list`). ``lists``: a list of three or
    more and an apposition that opens one count too (:func:`_listed_with`); not for the dead, whom a
    report lists with the others struck more often than alone."""
    doc = head.doc
    members = [head] + _listed_with(head, lists)
    members += [m for m in _named_list(head) if m not in members]
    total, listed = 0, False
    for m in members:
        if listed and m.pos_ == "PROPN":
            continue  # "his two sons, Julian Jr., 12, and Ian, 10": the sons named, no more people
        num = next((c for c in m.children if c.dep_ == "nummod"), None)
        if num is None and m.lower_ in _ORDINAL_ONE:  # before like_num, which takes "fourth" for a number
            total += 1
            continue
        if m is head and (num is not None or m.like_num):
            if m.like_num or parse_number([num.text]) != 1:
                return None  # a number: the quantity rules own it
            total += 1
            continue
        if num is not None and m.pos_ == "PROPN":  # a name and an age: "Larry Watkins Jr. 26"
            total += 1
            continue
        if num is not None:  # "one farmer and his two sons"
            value = parse_number([num.text])
            if value is None:
                return None
            total += value
            listed = value > 1 and m.i + 1 < len(doc) and doc[m.i + 1].text == ","
            continue
        if m.lower_ == "both" or (m.lower_ in ("they", "them") and any(c.lower_ == "both" for c in m.children)) \
                or (m.lower_ == "they" and any(c.lower_ == "both" and c.i == m.i + 2 for c in m.head.children)):
            total += 2  # "both died", "they were both pronounced dead": two people
            continue
        if m.lower_ in ("a", "an") and any(_age_noun(c) for c in m.children):
            total += 1  # "a 14-year-old was shot", parsed with the article as the subject
            continue
        if m.lower_ in _ONE_WORDS or _age_noun(m) or (m.tag_ in ("NN", "NNP") and m.lemma_.lower() not in _NOT_PEOPLE
                                                      and not m.is_stop):
            total += 1
        else:
            return None
    return total or None


def _age_noun(tok) -> bool:
    """"a 16-year-old", parsed as the adjective "old" with its "year": one person."""
    return tok.lower_ == "old" and any(c.lemma_.lower() in _AGE_WORDS for c in tok.children)


def _within(sent, start: int, end: int) -> bool:
    """Token offsets that lie inside the sentence (a parse may link across a paragraph cut)."""
    return 0 <= start < end <= len(sent)


def _done_to(verb):
    """Who a verb was done to: its object or passive subject, or, for a verb that
    completes another ("was found shot to death"), that verb's."""
    for v in (verb, verb.head if verb.dep_ in ("xcomp", "oprd", "ccomp", "conj", "advcl") else None):
        if v is None:
            break
        head = next((c for c in v.children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)
        if head is not None:
            return head
    return None


def _bodies_and_to_death(sent, toks) -> list[Count]:
    """"a man's body was found" -> 1 killed; "shot an activist to death" -> 1 killed."""
    out = []
    for t in toks:
        head, end_tok = None, t
        if t.lemma_.lower() in ("body", "corpse") and t.tag_ == "NN" and t.head.lemma_.lower() in (
                "find", "recover", "discover", "dump", "retrieve", "dig", "exhume"):
            head, end_tok = t, t.head
        elif t.lower_ == "death" and t.i > 0 and t.doc[t.i - 1].lower_ == "to" and t.head.head.pos_ == "VERB":
            head = _done_to(t.head.head)
        if head is None:
            continue
        n = 1 if head is t else _people_in(head, lists=False)
        if not n:
            continue
        s_i = min(head.left_edge.i, end_tok.i) - sent.start
        e_i = max(head.i, end_tok.i) - sent.start + 1
        if not _within(sent, s_i, e_i):
            continue
        q = _Quantity(s_i, e_i, n, n, n, "singular")
        out.append(_make(sent, toks, "fatalities", [(q, head.text)], s_i, e_i, "counts.fatalities.body_or_to_death"))
    return out


def _companions(cue) -> int:
    """People taken "along with" the victim: "abducted X along with his brother" adds one."""
    for along in cue.children:
        if along.lower_ != "along":
            continue
        for with_ in along.children:
            obj = next((c for c in with_.children if c.dep_ == "pobj"), None) if with_.lower_ == "with" else None
            if obj is None:
                continue
            num = next((c for c in obj.children if c.dep_ == "nummod"), None)
            if num is not None:
                return parse_number([num.text]) or 0
            return _people_in(obj) or 0
    return 0


def _cue_where(tok) -> tuple[str, str] | None:
    cues = count_cues()
    return cues.get(tok.lemma_.lower()) or cues.get(tok.lower_)


def _death_noun_victim(t):
    """(victim head or None, rule) of a noun that names a death: "the death of a teenager",
    "the girl's killing", "the fatal shooting of Jane Doe"; None when the noun names none."""
    cue = _cue_where(t)
    deadly = t.lemma_.lower() in event_nouns() and any(
        c.dep_ == "amod" and (_cue_where(c) or ("", ""))[1] == "event" and
        not (c.i > 0 and t.doc[c.i - 1].text in ("-", "non")) for c in t.children)
    if not (deadly or (cue is not None and cue[0] == "fatalities" and cue[1] in ("noun", "both"))
            and t.lemma_.lower() not in ("body", "corpse", "life")):
        return None  # first the test most nouns fail
    if any(c.dep_ == "amod" and c.lower_ in ("attempted", "non", "nonfatal", "near") for c in t.children) or \
            (t.i > 1 and t.doc[t.i - 2].lower_ == "non"):
        return None  # "attempted murder", "a non-fatal shooting"
    if _grievance(t):
        return None
    victim = next((c for c in t.children if c.dep_ == "poss"), None)
    if victim is None:
        of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        victim = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return victim, ("noun_of" if victim is not None else ("event" if deadly else None))


def _grievance(t) -> bool:
    """The death is what another event is about ("protested against the killing of X")."""
    for _ in range(4):
        if t.head is t:
            return False
        t = t.head
        if (_cue_where(t) or ("", ""))[1] == "grievance":
            return True
    return False


def _death_nouns(sent, toks) -> list[Count]:
    """Deaths named by a noun: "the shooting death of a teenager" -> 1; "a fatal shooting"
    with no victim named -> at least 1."""
    out = []
    for t in toks:
        if t.pos_ != "NOUN":
            continue
        found = _death_noun_victim(t)
        if found is None or found[1] is None:
            continue
        victim, how = found
        n = _people_in(victim, lists=False) if victim is not None else None
        if victim is not None and not n:
            continue
        ends = [t.i] + ([victim.i] if victim is not None else [])
        s_i = min([t.left_edge.i] + ([victim.left_edge.i] if victim is not None else [])) - sent.start
        e_i = max(ends) - sent.start + 1
        if not _within(sent, s_i, e_i) or e_i - s_i > 14:
            s_i, e_i = t.i - sent.start, t.i - sent.start + 1
        q = _Quantity(s_i, e_i, n or 1, n, n, "singular")
        out.append(_make(sent, toks, "fatalities", [(q, victim.text if victim is not None else None)],
                         s_i, e_i, f"counts.fatalities.{how}"))
    return out


def _shooting_nouns(sent, toks) -> list[Count]:
    """People hit named by the noun of the act: "an arrest in the shooting of a 4-year-old
    girl" tells one hit (who may have died, as the people hit may). A deadly one ("the fatal
    shooting of") is a death (:func:`_death_nouns`); an attempt or a plan hits no one."""
    out = []
    for t in toks:
        if t.pos_ != "NOUN" or t.lower_ != "shooting" or _death_noun_victim(t) is not None:
            continue
        if any(c.dep_ in ("amod", "compound") and c.lower_ in ("attempted", "planned", "threatened", "mass", "fatal",
                                                              "nonfatal", "non") for c in t.children) \
                or t.i > 1 and t.doc[t.i - 2].lower_ == "non":
            continue  # "a non-fatal shooting of a teenager" is read as the act, as a fatal one is
        of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        victim = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if victim is None or not _a_person(victim) or victim.lower_ in _PRONOUNS:
            continue
        n = _people_in(victim)
        s_i, e_i = t.i - sent.start, victim.i - sent.start + 1
        if not n or not _within(sent, s_i, e_i) or e_i - s_i > 14:
            continue
        q = _Quantity(s_i, e_i, n, n, n, "singular")
        out.append(_make(sent, toks, "hit", [(q, victim.text)], s_i, e_i, "counts.hit.noun_of"))
    return out


def _headline_victims(t) -> list:
    """Headline grammar drops the auxiliary: in "Mother, boy fatally shot" or "16-year-old
    injured in shooting" a cue verb with no object is passive and its subjects are the victims."""
    if t.pos_ != "VERB" or t.tag_ not in ("VBD", "VBN") or any(c.dep_ in ("dobj", "obj", "aux", "auxpass")
                                                            for c in t.children):
        return []
    return [c for c in t.children if c.i < t.i and (c.dep_ == "nsubj" or (c.dep_ == "amod" and _age_noun(c)))]


_PARTY_KINDS = ("civilian", "state", "armed", "nonstate", "prominent", "protester", "partisan")


def _headline_noun_victim(t) -> tuple[str | None, list]:
    """A headline participle the tagger reads as a noun, right after the one person it
    happened to: "14-year-old shot outside club", "Woman shot at bus stop". (kind, [person])."""
    cue = count_cues().get(t.lower_)
    if t.pos_ != "NOUN" or cue is None or cue[1] != "participle" or t.i == 0:
        return None, []
    prev = t.doc[t.i - 1]
    if prev.head.i != t.i and t.head.i != prev.i:
        return None, []
    person = _age_noun(prev) or (prev.tag_ in ("NN", "NNP") and prev.lemma_.lower() not in _NOT_PEOPLE and
                                 bool(participant_kinds(prev.lemma_.lower()) & set(_PARTY_KINDS)))
    return (cue[0], [prev]) if person else (None, [])


def _multiple_counts(sent, toks) -> list[Count]:
    """An act whose name numbers its victims: "a double homicide" is two killed, "a triple
    shooting" three people shot (the dead among them, see :func:`event_counts`). A
    "double murder-suicide" is left alone: whether the killer is among the number varies."""
    numbers, acts = multiple_victims()
    out = []
    for k, t in enumerate(toks[:-1]):
        n = numbers.get(t.lower_)
        j = k + 2 if toks[k + 1].text == "-" and k + 2 < len(toks) else k + 1
        kind = acts.get(toks[j].lemma_.lower()) or acts.get(toks[j].lower_) if n else None
        if kind is None:
            continue
        after = [w.lower_ for w in toks[j + 1:j + 3]]
        if "suicide" in after:
            continue
        q = _Quantity(k, j + 1, n, n, n, "multiple")
        out.append(_make(sent, toks, kind, [(q, None)], k, j + 1, f"counts.{kind}.multiple"))
    return out


def _hurt_told(toks) -> bool:
    """The sentence tells of a wound and of no death: a verb or an adjective of hitting or
    hurting ("was struck", "wounded"), a wound or an injury, or a hospital."""
    kinds = [_cue_either(t) for t in toks]
    if "fatalities" in kinds:
        return False
    return any(t.lemma_.lower() in ("wound", "injury", "hospital") or
               (kind in ("hit", "injured") and t.pos_ in ("VERB", "ADJ")) for t, kind in zip(toks, kinds))


def _ordinal_victims(sent, toks) -> list[Count]:
    """"A fifth victim was struck", "a fourth person with a bullet wound later walked into a
    hospital", "a second man was grazed": a victim or a person introduced by an ordinal is one
    more after the ones already counted, so the people hit number at least the ordinal (the dead
    among them, see :func:`event_counts`). The victim is indefinite ("the fourth victim" points
    back at one already counted) and the sentence tells of a wound and of no death ("a second
    victim has died" is a toll of the dead)."""
    out = []
    for t in toks:
        if t.pos_ != "NOUN" or not (t.lemma_.lower() == "victim" or _a_person(t)):
            continue
        n = _toll_ordinal(t)
        if n is None or not _hurt_told(toks):
            continue
        s_i, e_i = t.left_edge.i - sent.start, t.i - sent.start + 1
        if not _within(sent, s_i, e_i):
            continue
        q = _Quantity(s_i, e_i, n, n, n, "ordinal")
        out.append(_make(sent, toks, "hit", [(q, t.text)], s_i, e_i, "counts.hit.ordinal"))
    return out


def _singular_counts(sent, toks, headline: bool = False, profile: str = "news") -> list[Count]:
    """People named one by one: "a soldier was killed", "shot and killed Yemuka Aimable", "killing him".

    Deaths named by a noun are read in news only: a coder's note states its
    figures, and a death it names is most often what a protest is about.
    """
    out = _bodies_and_to_death(sent, toks) + (_death_nouns(sent, toks) + _shooting_nouns(sent, toks)
                                              if profile == "news" else [])
    kinds = [_cue_either(t) for t in toks]
    for t, kind in zip(toks, kinds):
        subjects = _headline_victims(t) if headline and kind is not None else []
        if headline and not subjects:
            noun_kind, subjects = _headline_noun_victim(t)
            kind = noun_kind or kind
        if subjects:
            n = sum(_people_in(h, lists=kind in _LISTED_KINDS) or 0 for h in subjects)
            s_i, e_i = min(h.left_edge.i for h in subjects) - sent.start, t.i - sent.start + 1
            if kind == "hit" and (_killed_too(t) or _headline_killed_too(t)):
                kind = "fatalities"  # "Teen shot and killed in X", "Man shot, killed", "Woman shot to death"
            if n and _within(sent, s_i, e_i):
                q = _Quantity(s_i, e_i, n, n, n, "singular")
                out.append(_make(sent, toks, kind, [(q, " ".join(h.text for h in subjects))], s_i, e_i,
                                 f"counts.{kind}.singular.headline"))
            continue
    out += _singular_carried(sent, toks) + _singular_condition(sent, toks) + _expected_to_live(sent, toks)
    for t, kind in zip(toks, kinds):
        if kind == "hostages" and t.pos_ == "NOUN" and t.head.lemma_.lower() in ("take", "hold", "keep"):
            t = t.head  # "took a student hostage", "a guard was held hostage": the person hangs on the verb
        elif kind is None or t.pos_ not in ("VERB", "ADJ") or (t.pos_ == "ADJ" and kind != "fatalities"):
            continue
        if kind == "hit" and _killed_too(t):
            continue  # the killing is counted; the hit is the same person
        if kind == "hit" and t.lemma_.lower() in _TAKEN and not _several_taken(t):
            continue  # "he was taken to a hospital": one already named, on the way to care
        if any(c.dep_ == "neg" for c in t.children):
            continue  # "the driver was not hurt": spared, no victim
        head = _victim_head(t)
        if head is None or head.dep_ == "nsubj" and not _death_verb(t) and t.lemma_.lower() != "dead" \
                and t.pos_ != "ADJ" and not _elided_passive(t) and not _reduced_relative(t) and not _left_so(t) \
                and not _found_so(t) and not _participle_passive(t):
            continue
        head = _antecedent(t, head)
        n = _people_in(head, lists=kind in _LISTED_KINDS)
        if not n:
            continue
        n += _companions(t)
        if kind == "fatalities" and n == 1:
            n = _toll_ordinal(head) or n
        last = max([head.i] + [c.i for c in head.children if c.dep_ == "conj"])
        span = sorted([head.left_edge.i, t.i, last])
        s_i, e_i = span[0] - sent.start, span[-1] - sent.start + 1
        if e_i - s_i > 14:
            s_i, e_i = min(head.i, t.i) - sent.start, max(head.i, t.i) - sent.start + 1
        if not _within(sent, s_i, e_i):
            continue  # the parse tied the cue to a word of another sentence
        q = _Quantity(s_i, e_i, n, n, n, "singular")
        out.append(_make(sent, toks, kind, [(q, head.text)], s_i, e_i, f"counts.{kind}.singular"))
    return out


def _several_taken(verb) -> bool:
    """People named together as they are taken to hospital: "a man, a woman and a child were
    rushed to a hospital" tells three hit (some may have died), where "he was taken to a
    hospital" is one already named, on the way to care."""
    if verb.dep_ == "conj" and verb.head.lemma_.lower() in _TAKEN and _to_hospital(verb.head):
        return False  # "were taken to a hospital and then transported to another": the same people
    head = _victim_head(verb)
    return head is not None and head.pos_ in ("NOUN", "PROPN") and (_people_in(head) or 0) >= 2


_RELATIVES = {"who", "whom", "that"}


def _antecedent(cue, head):
    """The person a relative clause is about: in "Smith, who was pronounced dead at the
    hospital" or "a boy who died Sunday" the victim is the noun the clause hangs on."""
    verb = cue.head if cue.pos_ == "ADJ" else cue  # "who was pronounced dead": the clause is the verb's
    if head.lower_ in _RELATIVES and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN") \
            and verb.head.i < head.i:
        return verb.head
    return head


_PATIENTS = {"victim", "survivor", "patient", "one", "another", "other"}


def _a_person(head) -> bool:
    """A noun that names a person: a participant noun ("man", "officer"), a victim, a name,
    an age ("a 17-year-old") or a word that tells a sex ("daughter")."""
    lemma = head.lemma_.lower()
    return bool(participant_kinds(lemma)) or lemma in _PATIENTS or head.pos_ == "PROPN" or _age_noun(head) \
        or _sex(head.text) is not None or (head.lower_ in ("a", "an") and any(_age_noun(c) for c in head.children))


def _singular_condition(sent, toks) -> list[Count]:
    """One person named with a patient's condition: "a 17-year-old is in critical
    condition", "the victim was listed in stable condition": hurt, not dead."""
    out = []
    for k in range(len(toks)):
        end = _condition_at(toks, k)
        verb = None if end is None else toks[k] if toks[k].pos_ == "VERB" else toks[k].head
        if verb is None or verb.pos_ not in ("AUX", "VERB"):
            continue
        head = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < toks[k].i), None)
        if head is not None and head.lower_ in _PRONOUNS:
            continue  # "he was in critical condition": someone already named, who may have died since
        if head is not None and toks[k].lower_ != "in" and not _a_person(head):
            continue  # "the situation is critical": only a patient's condition stands alone
        n = _people_in(head) if head is not None else None
        if not n:
            continue
        s_i = head.left_edge.i - sent.start
        if not _within(sent, s_i, end) or end - s_i > 14:
            continue
        q = _Quantity(s_i, end, n, n, n, "singular")
        out.append(_make(sent, toks, "injured", [(q, head.text)], s_i, end, "counts.injured.singular.condition"))
    return out


# What a person hurt is expected to do: "is expected to recover", "expected to survive", and what
# they may survive ("expected to survive his wounds").
_LIVE_ON = {"recover", "survive", "live"}
_WOUND_WORDS = {"injury", "wound", "shooting", "attack", "gunshot"}


def _expected_to_live(sent, toks) -> list[Count]:
    """People said to be expected to recover or survive: "a female victim is expected to
    recover", "one other woman is expected to survive", "both men are expected to survive": hurt,
    and alive. A pronoun may be one already counted, and a plural ("all the victims") tells no
    number."""
    out = []
    for t in toks:
        live = next((c for c in t.children if c.dep_ == "xcomp" and c.lemma_.lower() in _LIVE_ON), None)
        if t.lemma_.lower() != "expect" or live is None or any(
                c.dep_ in ("dobj", "obj") and c.lemma_.lower() not in _WOUND_WORDS for c in live.children):
            continue  # "expected to survive the recall vote": not a patient
        head = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if head is None and t.dep_ == "conj" and t.head.pos_ == "VERB":
            # "the driver was rushed to a hospital and should recover": the first verb's subject
            head = next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if head is None or head.lower_ in _PRONOUNS or not _a_person(head):
            continue
        n = _people_in(head)
        s_i, e_i = head.left_edge.i - sent.start, t.i - sent.start + 1
        if e_i - s_i > 14:
            s_i = head.i - sent.start  # "one other woman, who officials say was his girlfriend, is expected"
        if not n or not _within(sent, s_i, e_i):
            continue
        q = _Quantity(s_i, e_i, n, n, n, "singular")
        out.append(_make(sent, toks, "injured", [(q, head.text)], s_i, e_i, "counts.injured.singular.expected_to_live"))
    return out


def _place_or_state(noun) -> bool:
    """The object of a preposition that is no person: a place ("taken to MUSC") or a state
    ("in critical condition")."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    taken_to = prep.lower_ in ("to", "into") and prep.head.lemma_.lower() in _TAKEN
    return taken_to or noun.ent_type_ in ("ORG", "GPE", "FAC", "LOC") or (noun.pos_ == "NOUN" and not _a_person(noun))


def _carrier_subject(t):
    """Who carries the wound: a verb's subject ("a teenager suffered a gunshot wound"), or
    for "with", the person it follows ("found a man with a gunshot wound") or the subject of
    the verb it hangs on ("a boy arrived at the hospital with a gunshot wound", "was in
    critical condition with grave injuries", "was taken to MUSC with injuries": a
    place or a state the person is in does not carry the wound), or of the verb a participle
    clause hangs on ("was found suffering from a gunshot wound")."""
    if t.pos_ == "ADP":
        if t.head.pos_ in ("NOUN", "PROPN", "PRON") and t.head.i < t.i and t.head.lemma_.lower() not in _NOT_PEOPLE \
                and not _place_or_state(t.head):
            return _first_conjunct(t.head)
        t = _governing_verb(t)
    if t is None:
        return None
    subject = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and t.tag_ == "VBG" and t.dep_ in ("xcomp", "advcl", "oprd") and t.head.pos_ == "VERB":
        # a participle clause on the verb before it: "a man was found suffering from a gunshot
        # wound", "the victim was found lying in the street with a gunshot wound"
        subject = next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject


def _governing_verb(t):
    """The verb a "with" phrase belongs to, past a place it follows: in "was taken to a
    hospital with minor injuries" the injuries are the person's, not the hospital's."""
    for _ in range(4):
        t = t.head
        if t.pos_ == "VERB":
            return t
        if t.head is t:
            return None
    return None


def _singular_carried(sent, toks) -> list[Count]:
    """One person named with the wound they carry: "a teenager suffered a gunshot wound"."""
    out = []
    for k, t in enumerate(toks):
        carried = _carried(toks, k) if t.pos_ in ("VERB", "ADP") else None
        head = _carrier_subject(t) if carried else None
        n = _people_in(head) if head is not None else None
        if not n or t.lower_ == "due" and not _a_person(head):
            continue  # "the game was called off due to injuries": no one hurt by a shot
        s_i, e_i = head.left_edge.i - sent.start, carried[1]
        if e_i - s_i > 14 and t.pos_ == "ADP" and t.head.i != head.i and _first_conjunct(t.head).i == head.i:
            s_i = head.i - sent.start  # "a 19-year-old man and a 17-year-old boy with gunshot wounds"
        if not _within(sent, s_i, e_i) or e_i - s_i > 14:
            continue
        q = _Quantity(s_i, e_i, n, n, n, "singular")
        out.append(_make(sent, toks, carried[0], [(q, head.text)], s_i, e_i, f"counts.{carried[0]}.singular.carried"))
    return out


_NEGATORS = {"no", "neither", "nobody", "none", "without", "zero", "nor"}
# Words that open another clause, out of a negation's reach: "handling a rifle without a
# stock when he shot himself in the foot" spares no one.
_CLAUSE_OPENERS = {"but", "while", "although", "though", "when", "after", "before", "because", "as", "until"}


def _zero_counts(sent, toks) -> list[Count]:
    """"no casualties", "no one was injured", "neither fatalities nor injuries" -> 0."""
    out, seen = [], set()
    lower = words(sent.doc).lower[sent.start:sent.end]  # toks is the sentence's tokens, in order
    for i, low in enumerate(lower):
        if low not in _NEGATORS or _not_all(toks, i):
            continue
        for k in range(i + 1, min(i + 7, len(toks))):
            u = toks[k]
            if u.is_punct or u.lower_ in _CLAUSE_OPENERS:
                break
            kind = _cue_either(u)
            if kind is None:
                continue
            kinds = ["fatalities", "injured"] if u.lemma_.lower() == "casualty" else [kind]
            for kd in kinds:
                if kd not in seen:
                    seen.add(kd)
                    q = _Quantity(i, k + 1, 0, 0, 0, "zero")
                    out.append(_make(sent, toks, kd, [(q, None)], i, k + 1, f"counts.{kd}.zero"))
    return out


def _not_all(toks, i: int) -> bool:
    """A negation that spares the victims already named ("no one else was hurt", "no other
    injuries") or speaks of them ("none of the injuries are life-threatening"): not a zero."""
    nxt = toks[i + 1:i + 3]
    return any(t.lower_ in ("else", "other", "others", "further", "additional", "more") for t in nxt) or \
        (bool(nxt) and nxt[0].lower_ == "of") or _no_news(toks, i)


# What a report has not yet learnt is no zero: "no word yet on injuries", "no information about
# anyone hurt", "no immediate details on the victims' conditions".
_NEWS_WORDS = {"word", "information", "details", "detail", "update", "updates", "confirmation"}


def _no_news(toks, i: int) -> bool:
    return any(t.lower_ in _NEWS_WORDS for t in toks[i + 1:i + 3])


_TOLL_KINDS = {"death": "fatalities", "fatality": "fatalities", "injury": "injured"}


def _toll_counts(sent, toks) -> list[Count]:
    """A toll and its figure: "the death toll rose to 33", "the toll stands at 5".

    An update restates the event's total: it is a figure of the same people,
    never one to add to the first report's.
    """
    out = []
    for t in toks:
        if t.lemma_.lower() != "toll" or t.dep_ not in ("nsubj", "nsubjpass"):
            continue
        kinds = [_TOLL_KINDS[c.lemma_.lower()] for c in t.children
                 if c.dep_ in ("compound", "amod") and c.lemma_.lower() in _TOLL_KINDS]
        kind = kinds[0] if kinds else "fatalities"
        verb = t.head
        i = verb.i - sent.start + 1
        while i < min(len(toks), verb.i - sent.start + 8):
            q = _quantity_at(toks, i)
            if q is not None and not _not_a_count(toks, q):
                s_i = t.left_edge.i - sent.start
                out.append(_make(sent, toks, kind, [(q, None)], s_i, q.end, f"counts.{kind}.toll.{q.rule}"))
                break
            i += 1
    return out


# A figure for a stretch of time ("so far this year", "since January") is a tally
# of many events, not this one's.
_PERIOD = re.compile(r"\b(?:so far|to date|year[- ]to[- ]date|this (?:year|month)|since (?:the start|the beginning|"
                     r"january|february|march|april|may|june|july|august|september|october|november|december|"
                     r"(?:19|20)\d{2})|(?:in|during) (?:the )?(?:past|last) (?:\w+ )?(?:years|months|decades?))\b", re.I)


# The same spans told with their preposition, which the date entity leaves out: "killed in
# the past two months", "shot since Friday", "died last year".
_SPAN_OF_TIME = re.compile(r"\b(?:in|over|during|within) the (?:past|last) (?:\w+ )?(?:weeks|months|years|decades)\b|"
                           r"\blast year\b|\bsince (?:(?:last|early|late) )?(?:monday|tuesday|wednesday|thursday|friday|"
                           r"saturday|sunday|weekend|week|month)\b", re.I)


# A figure told over several incidents is a tally of them, not one incident's: "left seven
# people dead in 17 shootings across the city", "45 such shootings ... eleven killed",
# "Two shootings that took the lives of four people", "injured in those shootings".
_MANY_INCIDENTS = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|several|multiple|"
                             r"separate|those|these|such|other|\w+ such|\w+ other) (?:\w+ )?(?:shootings|attacks|"
                             r"incidents|homicides|murders)\b", re.I)


# A roundup's tail counts its other shootings with a bare plural: "nine other people were wounded
# in attacks across the city", "wounded in shootings from Friday to Sunday" (not "in attacks on
# the village", whose figure is that act's).
_BARE_PLURAL_ACTS = re.compile(r"\bin (?:shootings|attacks)\b(?! (?:on|against|by|at|that|which)\b)", re.I)


# A figure for a whole country or state is a tally of its incidents: "19 officers had been slain
# nationwide in July", "killed across the country this year".
_COUNTRYWIDE = re.compile(r"\b(?:nationwide|statewide|countrywide|across the (?:country|nation|state))\b", re.I)


# A city's violent night or weekend is the tally of its shootings, not one incident's: "a bloody
# weekend left five dead and 20 wounded", "leaving two dead and six hurt on a violent night".
_VIOLENT_SPELL = re.compile(r"\b(?:violent|bloody) (?:\w+ )?(?:night|nights|weekend|week|day|stretch|spell|evening)\b",
                            re.I)


# One incident told with its time ("a daylight shooting last year ... left four people wounded",
# "after a gunfight left a bystander dead ... last year"): "last year" dates it, no span.
_ONE_INCIDENT = re.compile(r"\b(?:a|an|the|that)\s+(?:[\w-]+\s+){0,2}(?:shooting|gunfight|shootout|attack|"
                           r"rampage|ambush|massacre)\b(?!s)", re.I)


def _period_total(sent, count: Count) -> bool:
    """Is a stated figure a tally over a period, a country or several incidents? Its sentence
    dates a span of time, counts over the whole country, or numbers the incidents."""
    if count.best == 0 or "singular" in count.rule:
        return False
    text = span_text(sent)
    spans = [m.group(0).lower() for m in _SPAN_OF_TIME.finditer(text)]
    if spans and set(spans) == {"last year"} and _ONE_INCIDENT.search(text):
        spans = []
    return any(ent.label_ == "DATE" and _PERIOD.search(ent.text) for ent in ents_in(sent)) or \
        bool(spans) or bool(_MANY_INCIDENTS.search(text)) or bool(_BARE_PLURAL_ACTS.search(text)) or \
        bool(_COUNTRYWIDE.search(text)) or \
        bool(_VIOLENT_SPELL.search(text))


def _coded_counts(sent) -> list[Count]:
    """ACLED notes state their own coding: "Unknown number of fatalities coded as 10"."""
    out = []
    for m in _CODED_AS.finditer(span_text(sent)):
        n = int(m.group(1))
        s = sent.start_char + m.start()
        out.append(Count(kind="fatalities", low=n, best=n, high=n, text=m.group(0), start=s,
                         end=sent.start_char + m.end(), rule="counts.fatalities.coded_as"))
    return out


def _cap_vague(sent, count: Count) -> Count:
    """A vague count cannot exceed a stated total of the same people in the article.

    "hundreds of passengers" on a train "comprising over 400 passengers" is at most
    400: the stated total caps ``high`` (when it is not below ``low``).
    """
    if not count.victims or count.high is None or "vague" not in count.rule:
        return count
    head = count.victims.split()[-1].lower()
    for m in re.finditer(r"(\d{1,3}(?:,\d{3})+|\d+)\s+(?:\w+\s+){0,2}?" + re.escape(head) + r"\b",
                         doc_text(sent.doc), re.I):
        total = int(m.group(1).replace(",", ""))
        if (count.low or 0) <= total < count.high:
            return replace(count, high=total, rule=count.rule + "+capped")
    return count


# A count's status from the kind of speaker who gives it: a perpetrator's figure is
# claimed, not confirmed.
_STATUS_OF_SPEAKER = {"perpetrator": "claimed", "official": "official", "witness": "witness",
                      "media": "media"}


def status_of(speaker_type: str) -> str | None:
    """The Count.status for a speaker type (None for an unknown speaker)."""
    return _STATUS_OF_SPEAKER.get(speaker_type)


def _attribute(sent, found: list[Count]) -> list[Count]:
    if not found:
        return found  # most sentences state no count: no speaker to look for
    found = [_claimed_by_attackers(sent, c) for c in found]
    source = sentence_source(sent)
    if source is None:
        return found
    speaker, speaker_type = source
    status = status_of(speaker_type)
    if status is None:
        return found
    return [c if c.status == "claimed" else replace(c, status=status, reported_by=speaker, rule=c.rule + "+attributed")
            for c in found]


# Verbs whose subject boasts of its own act: "the group claimed to have killed more than 40"
_CLAIM_VERBS = {"claim", "boast"}


def _claimed_by_attackers(sent, count: Count) -> Count:
    """A figure told as an armed group's claim of its own act ("..., while an al Qaeda-linked
    group claimed to have killed more than 40"): a claim, whoever else the sentence quotes."""
    tok = next((t for t in sent if count.start <= t.idx < count.end and t.pos_ == "VERB"), None)
    for verb in (tok.ancestors if tok is not None else ()):
        if verb.pos_ == "VERB" and verb.lemma_.lower() in _CLAIM_VERBS:
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None:
                return count
            phrase = sent.doc[subject.left_edge.i:subject.right_edge.i + 1].text
            name, kind = speaker_type(phrase, sent.doc)
            if kind != "perpetrator" and "group" not in phrase.lower().split():
                return count  # a "group" that boasts of its own kills is an armed one
            return replace(count, status="claimed", reported_by=name, rule=count.rule + "+claim")
    return count


# Words after a headline's participle that make it an active verb with its object: "3 men shot a clerk".
_OBJECT_STARTS = {"a", "an", "the", "his", "her", "their", "him", "them", "its", "two", "three", "four", "five"}


def _headline_participle_at(toks, j: int) -> int | None:
    """Where a cue participle ("shot", "killed") stands after a number and at most two words
    naming the people ("Four People Shot", "Two Juveniles Shot", "13 Shot")."""
    for k in range(j, min(j + 3, len(toks))):
        cue = count_cues().get(toks[k].lower_)
        if cue is not None and cue[1] == "participle":
            return k
        if toks[k].pos_ not in ("NOUN", "PROPN", "ADJ"):
            return None
    return None


def _headline_passives(sent, toks) -> list[Count]:
    """A number of people with a bare participle in a title: headline grammar drops the
    "were", so "Four people shot outside bar" and "13 Shot at house party" tell people hit,
    though the tagger reads the participle as a verb with an object or as a name."""
    out = []
    for i in range(len(toks)):
        q = _quantity_at(toks, i)
        if q is None or _not_a_count(toks, q):
            continue
        j = _headline_participle_at(toks, q.end)
        nxt = toks[j + 1] if j is not None and j + 1 < len(toks) else None
        if j is None or _victims(toks, q)[2] is not None or (nxt is not None and nxt.lower_ in _OBJECT_STARTS):
            continue
        if q.best == 1 and nxt is not None and nxt.lower_ == "at":
            continue  # "One shot at the title": a chance, not a person hit
        kind = count_cues()[toks[j].lower_][0]
        kind, end = _hit_or_killed(toks, j) if kind == "hit" else (kind, j + 1)
        victims = " ".join(t.text for t in toks[q.end:j]) or None
        out.append(_make(sent, toks, kind, [(q, victims)], q.start, end,
                         f"counts.{kind}.headline.{q.rule.replace(' ', '_')}"))
    return out


def find_counts(sent, profile: str = "news", headline: bool = False) -> list[Count]:
    """Counts stated in one sentence; status/reported_by from the sentence only.

    ``profile`` is the document's (:attr:`Document.profile`): a coder's own
    figure ("fatalities coded as 10") is read only in notes, where it is the
    coding; in an article it would be someone else's words. ``headline``: the
    sentence is the article's title, whose grammar drops auxiliaries.
    """
    toks = list(sent)
    if not toks:
        return []
    found = (_coded_counts(sent) if profile == "notes" else []) + _zero_counts(sent, toks)
    fixed = list(found)
    for c in _quantity_counts(sent, toks):
        if not any(f.start < c.end and c.start < f.end for f in fixed):
            found.append(c)
    for c in _headline_passives(sent, toks) if headline else []:
        if not any(f.start < c.end and c.start < f.end for f in found):
            found.append(c)
    fixed = list(found)
    for c in _singular_counts(sent, toks, headline, profile):  # a stated number wins unless the named people add up to more
        clash = [f for f in fixed if f.start < c.end and c.start < f.end and f.kind == c.kind]
        if any((figure(f) or 0) >= (figure(c) or 0) or f.best == 0 for f in clash) or \
                any(f.start == c.start and f.kind == c.kind for f in found):
            continue
        found = [f for f in found if f not in clash] + [c]
    found = _headline_list(sent, toks, found) if headline else found
    found = _sum_singulars(sent, found)
    found = _with_the_killer(sent, found)
    for c in _ordinal_victims(sent, toks) if profile == "news" else []:  # the ordinal numbers them all
        found = [f for f in found if not (f.start < c.end and c.start < f.end and f.kind == c.kind)] + [c]
    for c in _multiple_counts(sent, toks):  # a stated number of the same people stands
        if not any(f.start < c.end and c.start < f.end for f in found):
            found.append(c)
    fixed = list(found)
    for c in _toll_counts(sent, toks):
        clash = [f for f in fixed if f.start < c.end and c.start < f.end]
        found = [f for f in found if f not in clash] + [c]
    found = [_cap_vague(sent, c) for c in found
             if not _no_casualty(c) and not _intended(sent, c) and not _hypothetical(sent, c)
             and not _of_an_earlier_clause(sent, c)]
    found = [replace(c, rule=c.rule + "+period_total") if _period_total(sent, c) else c for c in found]
    found = [replace(c, rule=c.rule + "+superseded") if _superseded(sent, c) else c for c in found]
    found = [replace(c, rule=c.rule + "+honoured") if _honoured(sent, c) else c for c in found]
    found = [replace(c, rule=c.rule + "+survived") if _hit(c) and _survived(sent, c) else c for c in found]
    found = [replace(c, rule=c.rule + "+apart") if _introduced_beside_the_dead(c, found)
             or _beside_a_killing(sent, c, found) else c for c in found]
    found = [replace(c, rule=c.rule + "+only") if _the_only_one(sent, c) else c for c in found]
    found = [_less_dead_among(sent, c) for c in found]
    found = [replace(c, rule=c.rule + "+by_assailant") if _by_the_assailant(sent, c) else c for c in found]
    if headline:
        found = _before_masthead(sent, found)
    return _attribute(sent, sorted(found, key=lambda c: c.start))


# A clause set off after the news that tells an earlier incident: "..., two years after a raid on
# the town killed 40 people", "..., days after a bomb wounded 12".
_EARLIER_CLAUSE = re.compile(r"[,;]\s+(?:just |only |barely |less than |more than |nearly |almost |about )?"
                             r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|a few|"
                             r"days|weeks|months|years|decades)\s+(?:(?:days?|weeks?|months?|years?|decades?)\s+)?"
                             r"(?:after|since)\b", re.I)


def _of_an_earlier_clause(sent, count: Count) -> bool:
    """The figure lies in a clause told after the news to set an earlier incident beside it: it
    is that incident's toll, not the news's."""
    m = _EARLIER_CLAUSE.search(doc_text(sent.doc), sent.start_char, count.start)
    return m is not None


# A gathering held for someone who died: "the vigil honored X, who died after he was shot in a
# robbery", "the memorial service was for X, a rider who died in a crash".
_HONOURING = re.compile(r"\b(?:vigil|memorial|funeral|service|wake)\b(?:\s+\w+){0,3}?\s+(?:honou?red|remembered|"
                        r"was (?:held )?(?:for|to honou?r|in honou?r of|in memory of))\b", re.I)


def _honoured(sent, count: Count) -> bool:
    """One dead whom a vigil, a memorial or a funeral was held for, and the wound they died of ("who
    died after he was shot"): a death before the gathering, not of the gunfire that broke out at it."""
    if count.kind not in ("fatalities", "injured") or ".singular" not in count.rule:
        return False
    m = _HONOURING.search(span_text(sent))
    return m is not None and count.start >= sent.start_char + m.end()


def _before_masthead(sent, found: list[Count]) -> list[Count]:
    """A headline's figures end before the outlet's masthead a web page appends to it ("... after
    shooting self - Tri-State News, Weather & Sports"): the outlet's words after the dash are no
    people, and a headline cut short before it ("may have injured othe") names none either."""
    from ..geo._focus import masthead_start

    text = span_text(sent)
    cut = sent.start_char + masthead_start(text)
    return [c for c in found if c.end <= cut]


# A first figure that the report says was given first and then changed: "police had originally
# said that six people were shot, then corrected that figure to three", "initially reported".
_FIRST_REPORT = re.compile(r"\b(?:originally|initially|at first|first|earlier)\s+(?:\w+\s+)?"
                           r"(?:said|say|says|told|tell|reported|report|reports|thought|believed|stated)\b", re.I)


def _superseded(sent, count: Count) -> bool:
    """A figure of people hurt told as what was said first, before a correction: the article's
    figure is another. Deaths are left as read: a death first reported and then denied ("despite
    earlier reports that the boy had died, he is fighting for his life") was, on the tune half,
    a victim who died after the report (GVA's final toll counts the death)."""
    return count.kind in _HURT_KINDS and count.best != 0 and \
        bool(_FIRST_REPORT.search(doc_text(sent.doc), sent.start_char, count.start))


# "wounding four people, including one who later died", "three others were injured, including a
# sailor who died from his wounds": the people hurt the figure holds count some who died.
_INCLUDING_DEAD = re.compile(r"[^.;]{0,40}?\bincluding\s+(?P<n>a|an|one|two|three|four|five|\d+)\b[^.;,]{0,40}?"
                             r"\b(?:who|that)\s+(?:later\s+|has\s+since\s+|since\s+)?(?:died|was killed|were killed|"
                             r"succumbed|has died|have died)\b", re.I)
_HURT_KINDS = ("injured",)


def _less_dead_among(sent, count: Count) -> Count:
    """The wounded or hit less those of them the sentence tells died: they are among the dead."""
    if count.kind not in _HURT_KINDS or not count.best:
        return count
    m = _INCLUDING_DEAD.match(doc_text(sent.doc), count.end, sent.end_char)
    if m is None:
        return count
    n = int(m["n"]) if m["n"].isdigit() else _UNITS.get(m["n"].lower(), 1)
    if _hit(count):
        return replace(count, rule=count.rule + f"+with_dead({n})")
    return _less(count, n) if n < count.best else count


def _intended(sent, count: Count) -> bool:
    """A killing or a wounding the sentence tells as wished, tried, planned or threatened:
    "the boys plotted to kill her", "he tried to shoot his wife" name no victim. A kidnapping
    tried is not: "attempted to kidnap the mayor, who was held for half an hour" took a hostage."""
    if count.kind in ("hostages", "arrested"):
        return False
    for t in sent:
        if count.start <= t.idx < count.end and t.tag_ == "VB" and t.dep_ == "xcomp" and t.i > 0 \
                and t.doc[t.i - 1].lower_ == "to" and (_cue_where(t.head) or ("", ""))[1] == "intent":
            return True
    return False


# Modals that make a killing or a wounding one that did not happen: "it could have killed her",
# "he should be dead"; "would" only with "have" ("would have shot his father"), since "he would
# later die" tells what happened.
_COUNTERFACTUAL = {"could", "might", "should"}
# Conjunctions that make a clause's killing one yet to come: "until somebody gets killed".
_NOT_YET = {"until", "unless"}


def _hypothetical(sent, count: Count) -> bool:
    """A killing or a wounding the sentence tells as what might have been or may yet be:
    "it could easily have killed her", "he should be dead", "nothing will change until
    somebody gets killed" name no victim."""
    if count.kind not in ("fatalities", "injured"):
        return False
    for t in sent:
        if not (count.start <= t.idx < count.end) or t.pos_ not in ("VERB", "ADJ") or _cue_either(t) is None:
            continue
        verb = t.head if t.pos_ == "ADJ" and t.head.lemma_ == "be" else t
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if aux & _COUNTERFACTUAL or {"would", "have"} <= aux:
            return True
        if any(c.dep_ == "mark" and c.lower_ in _NOT_YET for c in verb.children):
            return True
    return False


# Animals hit or killed are no casualties: "injuring one of the family dogs", "a police K-9 was shot".
_ANIMALS = {"dog", "dogs", "puppy", "puppies", "cat", "cats", "kitten", "horse", "horses", "cow", "cows", "cattle",
            "pet", "pets", "animal", "animals", "livestock", "goat", "goats", "sheep", "pig", "pigs", "deer",
            "bird", "birds", "chicken", "chickens", "k9", "k-9", "canine"}


# What is shot that is no one: a gun fired ("shooting his gun", "went to shoot some guns at
# the range"), and a community or families hurt in the sense of grief ("it has hurt our
# community", "two families hurting").
_NOT_VICTIMS = {"gun", "guns", "handgun", "handguns", "rifle", "rifles", "pistol", "pistols", "revolver", "shotgun",
                "shotguns", "weapon", "weapons", "firearm", "firearms", "community", "communities", "families"}


def _no_casualty(count: Count) -> bool:
    """The victims are animals, or no one killed or hurt at all (:data:`_NOT_VICTIMS`, in lower
    case: "an Assam Rifle" is a soldier of a unit; the noun before "of" names them: "members of
    the Fulani community" are people)."""
    words = [w.strip(",.") for w in (count.victims or "").split()]
    if not words:
        return False
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    return words[-1].lower() in _ANIMALS or (head in _NOT_VICTIMS and count.kind in ("fatalities", "injured"))


# Words that tell that one person hit lived: "was shot in the leg but survived", "is being
# treated for his injuries", "remains in serious condition", "is expected to recover".
_SURVIVAL = re.compile(r"\b(?:survived|survives|(?:is|was|are|were) expected to (?:survive|recover|be ok(?:ay)?)|"
                       r"recovering|being treated|treated and released|(?:in|listed in|remains in|remained in) "
                       r"(?:\w+ )?(?:critical|serious|stable|fair|good|guarded|satisfactory) condition|"
                       r"non-life-threatening|not life-threatening|(?:was|were) released from (?:the )?hospital)\b", re.I)
_DEATH = re.compile(r"\b(?:died|dies|dead|death|succumbed|pronounced|killed|fatal(?:ly)?|passed away|later die)\b", re.I)
# The sentence after one that tells of a person hit goes on about that person when it opens
# with a pronoun or a definite noun ("He is in stable condition", "The man was taken to ...").
_GOES_ON = re.compile(r"^\s*(?:he|she|the)\b", re.I)


# "the only one hurt", "the only person injured": no one else was, the one told is the one
# the report is about.
_THE_ONLY = re.compile(r"\bthe only (?:one|person|victim)\b", re.I)


def _the_only_one(sent, count: Count) -> bool:
    """One hurt or hit whom the sentence calls "the only one": beside a death, the one who
    died ("Markins was the only person injured"), not one more."""
    if count.kind != "injured" or count.best != 1:
        return False
    start = max(sent.start_char, count.start - len("the only "))  # "the only one injured": before the count
    return _THE_ONLY.search(doc_text(sent.doc), start, count.end) is not None


# One person brought in with an indefinite article: "a bystander was struck", "an 18-year-old was shot"
_INTRODUCED = re.compile(r"(?:a|an)\s+(?P<who>.+?)\s+(?:was|is|has been|had been)\b", re.I)


def _introduced_beside_the_dead(count: Count, found: list[Count]) -> bool:
    """One person hit whom the sentence brings in anew beside one dead brought in the same way:
    "a teenager was killed and a bystander was struck in the arm" tells of two people, where
    "a man was shot; he died" tells of one."""
    if not _hit(count) or ".singular" not in count.rule or count.best != 1:
        return False
    hit = _INTRODUCED.match(count.text)
    dead = [_INTRODUCED.match(c.text) for c in found if c.kind == "fatalities" and c.best == 1]
    return hit is not None and bool(dead) and all(
        d is not None and d["who"].lower() != hit["who"].lower() for d in dead)


def _own_object(verb) -> bool:
    """A verb with an object of its own that names someone other than its doer or one named before."""
    return any(c.dep_ in ("dobj", "obj") and c.lower_ not in _REFLEXIVES | _PRONOUNS for c in verb.children)


def _verb_at(sent, start: int):
    return next((t for t in sent if t.idx == start and t.pos_ == "VERB"), None)


def _beside_a_killing(sent, count: Count, found: list[Count]) -> bool:
    """One person hit as the object of a verb joined to an earlier killing that has an object of
    its own: "he killed his wife and shot her sister", "accused of murdering two men and shooting
    a woman". Each verb is done to its own people, so the one shot is not among the dead (as
    against "shot and killed his wife", one person, or "shot his wife and killed her")."""
    if not _hit(count) or ".singular" not in count.rule or count.best != 1 \
            or (count.victims or "").lower() in _PRONOUNS | _REFLEXIVES:
        return False
    verb = _verb_at(sent, count.start)
    if verb is None or verb.dep_ != "conj" or not _own_object(verb):
        return False
    for dead in found:
        killing = _verb_at(sent, dead.start) if dead.kind == "fatalities" and (figure(dead) or 0) > 0 else None
        if killing is not None and killing.i < verb.i and killing not in verb.subtree \
                and killing in verb.head.subtree and _own_object(killing):
            return True
    return False


def _survived(sent, count: Count) -> bool:
    """One person hit whom the sentence, or the next one that goes on about them, tells alive:
    not one of the dead, whatever else the article tells of them."""
    if ".singular" not in count.rule or count.best != 1:
        return False
    doc = sent.doc
    text = doc_text(doc)
    rest = text[count.end:sent.end_char]
    if _SURVIVAL.search(rest):
        return not _DEATH.search(text[count.start:sent.end_char])
    if sent.end >= len(doc):
        return False
    following = doc[sent.end].sent
    told = text[following.start_char:following.end_char]
    return bool(_GOES_ON.match(told) and _SURVIVAL.search(told) and not _DEATH.search(told)
                and not _DEATH.search(text[count.start:sent.end_char]))


_PRONOUNS = {"he", "she", "him", "her", "they", "them", "himself", "herself", "it", "who", "whom"}
_REFLEXIVE = {"himself", "herself"}
# The killer's own death told beside the killing: "killed her two children and herself",
# "before turning the gun on himself", "then took his own life".
_AND_SELF = re.compile(r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:then\s+)?(?:himself|herself)\b", re.I)
_SELF_KILLED = re.compile(r"\bturn(?:s|ed|ing)? the (?:gun|weapon|rifle|pistol|shotgun|handgun) on (?:himself|herself)\b|"
                         r"\b(?:took|takes|taking|take) (?:his|her) own life\b", re.I)


_VICTIMS_OF_THE_ACT = ("counts.fatalities.active.", "counts.fatalities.singular", "counts.fatalities.body_or_to_death")


def _with_the_killer(sent, found: list[Count]) -> list[Count]:
    """A killing and the killer's own death in one sentence are two figures to add: "shot and
    killed his wife before turning the gun on himself" is two dead, "killed 2 sons, himself"
    three. The killer's death alone ("shot himself") is one."""
    dead = [c for c in found if c.kind == "fatalities" and (figure(c) or 0) > 0]
    selves = [c for c in dead if (c.victims or "").lower() in _REFLEXIVE]
    # the people the killer killed, named as what was done to them; a total ("three dead",
    # "at least four are dead") may already hold the killer
    others = [c for c in dead if c not in selves and (c.victims or "").lower() not in _PRONOUNS
              and c.rule.startswith(_VICTIMS_OF_THE_ACT)]
    if not others:
        return found
    text = doc_text(sent.doc)
    base = max(others, key=lambda c: figure(c) or 0)
    tail = _AND_SELF.match(text[base.end:sent.end_char])
    told = [m for m in _SELF_KILLED.finditer(text, sent.start_char, sent.end_char)
            if not (base.start <= m.start() < base.end)]  # not "she turned the gun on herself and died"
    if not (selves or tail or told):
        return found
    n = (figure(base) or 0) + 1
    end = base.end + tail.end() if tail else base.end
    summed = replace(base, low=n, best=n, high=n, end=end, text=text[base.start:end], rule=base.rule + "+self")
    return sorted([c for c in found if c is not base and c not in selves] + [summed], key=lambda c: c.start)


# People named one by one: by what was done to them, by the wound they carry, by their condition.
_NAMED_ONE_BY_ONE = (".singular", ".singular.carried", ".singular.condition")


# Words that open the list of people a headline's count continues: its start, a colon after a
# source ("Police: Man, woman shot"), a clause after its own news ("3 held after teen, boy shot"),
# or the verb that leaves them so ("Shooting leaves man, 2 teens hurt").
_LIST_OPENERS = {":", "after", "when", "as", "leaves", "left"}


_SEPARATE_HEADLINE = re.compile(r"\b(?:separate|unrelated|different)\b", re.I)


def _listed_item(toks, start: int, end: int) -> int | None:
    """How many people one item of a headline's list names: "man" 1, "4-year-old" 1, "2 teens"
    2, "Boy, 12" 1 (a person and an age); None when the words name no people."""
    words = toks[start:end]
    if not words:
        return None
    if len(words) >= 3 and words[-2].text == "," and words[-1].like_num:
        words = words[:-2]  # "Boy, 12": the age set off after the person
    if [w.lower_ for w in words[-4:]] in (["-", "year", "-", "old"], ["-", "month", "-", "old"]) \
            and len(words) - 5 == (words[0].lower_ in ("a", "an")) and words[-5].like_num:
        return 1  # "4-year-old"
    head, plural = _person_word(words[-1].lower_)
    if head is None:
        return None
    lead = words[:-1]
    if lead and lead[-1].lower_ == "old":
        return None if plural else 1  # "3-year-old girl"
    if not lead:
        return None if plural else 1
    n = parse_number([lead[0].text]) if len(lead) == 1 else None
    return n if n and plural else (1 if lead[0].lower_ in ("a", "an") and len(lead) == 1 and not plural else None)


_PLURALS = {"men": "man", "women": "woman", "children": "child", "people": "person"}
_YOUNG = {"teen", "juvenile", "kid", "youth", "teenager", "toddler", "child", "baby", "infant"}


def _person_word(word: str) -> tuple[str | None, bool]:
    """(the singular, plural?) of a word that names a person whatever its case ("Teen", "MAN",
    "2 teens"): a civilian's or an officer's noun, a word of sex or of youth; (None, False) else.
    "Police" is a source, not a person."""
    single = _PLURALS.get(word) or (word[:-1] if word.endswith("s") and not word.endswith("ss") else word)
    plural = single != word
    if single == "police":
        return None, False
    kinds = participant_kinds(single)
    if single in _YOUNG or "civilian" in kinds or "state" in kinds or _sex(single) is not None:
        return single, plural
    return None, False


def _item_start(toks, i: int) -> int:
    """Where the list item that ends at ``i`` starts: after the comma, colon or opener before it."""
    while i > 0 and toks[i - 1].text not in (",", ":") and toks[i - 1].lower_ not in _LIST_OPENERS:
        i -= 1
    return i


def _headline_list(sent, toks, found: list[Count]) -> list[Count]:
    """A headline lists its people with commas and gives the verb to the last alone: in "Man,
    woman shot in Northside" or "Teen, 2 men wounded in drive-by" the parser finds the victims of
    the verb in the last item only; the items before it, back to the headline's opening, are as
    many more people hit, hurt or killed. Not in a headline of separate incidents ("Two soldiers,
    militant killed in separate gunfights"), whose people are no one toll."""
    if _SEPARATE_HEADLINE.search(span_text(sent)):
        return found
    out = []
    for c in found:
        k = next((i for i, t in enumerate(toks) if t.idx == c.start), None)
        if k is None or c.kind not in ("injured", "fatalities") or (figure(c) or 0) < 1 or "+" in c.rule:
            out.append(c)
            continue
        extra, j, first = 0, k, None
        while j >= 2 and toks[j - 1].text == ",":
            i = _item_start(toks, j - 1)
            if i > 0 and toks[i - 1].text == "," and i >= 2 and toks[i - 2].text not in (",", ":") \
                    and toks[i].like_num and j - 1 - i == 1:
                i = _item_start(toks, i - 1)  # "Boy, 12, woman shot": the age belongs to the item before it
            n = _listed_item(toks, i, j - 1)
            if n is None:
                break
            extra, j, first = extra + n, i, i
        if first is None or not (first == 0 or toks[first - 1].text == ":" or toks[first - 1].lower_ in _LIST_OPENERS):
            out.append(c)
            continue
        n = (figure(c) or 0) + extra
        s = toks[first].idx
        out.append(replace(c, low=n, best=n, high=n, start=s, text=doc_text(sent.doc)[s:c.end],
                           rule=c.rule + "+listed"))
    return out


# A verb of shooting that opens a count's words: the people after it are its object ("shot his
# wife and baby", "struck the mother", "shooting himself").
_SHOOTING_VERB = re.compile(r"^(?:shot|shoots|shoot|shooting|struck|strikes|striking|wounded|wounds|wounding)\b", re.I)


def _shooter_hit_too(count: Count, found: list[Count]) -> bool:
    """The one who shot told hit by his own gun beside the people he shot: "shot his wife and
    baby before shooting himself" is three hit. The reflexive's subject is the shooter, someone
    else than the people a shooting verb of the same sentence took as its object; beside a
    passive ("a boy was shot after shooting himself") it may be the same person."""
    if (count.victims or "").lower() not in _REFLEXIVE or not _SHOOTING_VERB.match(count.text):
        return False
    return any(c is not count and c.kind == count.kind and c.start < count.start and _SHOOTING_VERB.match(c.text)
               and (c.victims or "").lower() not in _PRONOUNS for c in found)


def _sum_singulars(sent, found: list[Count]) -> list[Count]:
    """Different people hit or hurt, named one by one in one sentence, add up: "a girl was
    grazed by a bullet and a man was shot in the foot" is two people hit. A pronoun may be one
    already named, so it is never added."""
    out = list(found)
    # not the dead: one death is retold in a sentence more often than two are listed
    # (found on the tune half, lost on the check half)
    for kind in sorted({c.kind for c in found} - {"fatalities"}):
        named = sorted((c for c in found if c.kind == kind and c.rule.split("+")[0].endswith(_NAMED_ONE_BY_ONE)
                        and ((c.victims or "").lower() not in _PRONOUNS or _shooter_hit_too(c, found))),
                       key=lambda c: c.start)
        if len(named) < 2 or len({c.rule.split(".")[1] for c in named}) > 1:
            continue
        n = sum(figure(c) or 0 for c in named)
        first, last = named[0], named[-1]
        text = doc_text(sent.doc)[first.start:last.end]
        summed = replace(first, low=n, best=n, high=n, text=text, end=last.end,
                         victims=", ".join(c.victims or "" for c in named), rule=first.rule + "+summed")
        out = [c for c in out if c not in named] + [summed]
    return sorted(out, key=lambda c: c.start)


def figure(count: Count | None) -> int | None:
    """One number for a count: best, else low, else high."""
    if count is None:
        return None
    for v in (count.best, count.low, count.high):
        if v is not None:
            return v
    return None


def acled_figure(count: Count | None) -> int | None:
    """ACLED's conservative figure: the vague table's ``acled`` column for a vague phrase,
    else the lowest figure given (ACLED codes the low end of a range or of conflicting reports)."""
    if count is None:
        return None
    m = re.search(r"vague:([a-z_]+)", count.rule)
    if m and count.best is None:
        row = vague_quantities().get(m.group(1).replace("_", " "))
        if row is not None and row[3] is not None:
            return row[3]
    return next((v for v in (count.low, count.best, count.high) if v is not None), None)


def aggregate(candidates: list[Count]) -> Count | None:
    """One figure per kind for an event or article.

    An explicit coding note ("fatalities coded as 10") wins; otherwise the
    largest stated figure, since reports restate the event total more often than
    they split it; attributed counts win ties. A zero stands only when no
    positive figure was stated ("no casualties" next to "two killed" is about
    someone else).
    """
    candidates = [c for c in candidates if "+period_total" not in c.rule and "+superseded" not in c.rule
                  and "+honoured" not in c.rule]
    if not candidates:
        return None
    coded = [c for c in candidates if ".coded_as" in c.rule]
    if coded:
        return coded[-1]
    return _largest(candidates)


def _largest(candidates: list[Count]) -> Count:
    positive = [c for c in candidates if (figure(c) or 0) > 0]
    # the attackers' own claim gives way to any other source's figure, as ACLED takes the conservative one
    positive = [c for c in positive if c.status != "claimed"] or positive
    pool = positive or candidates
    return max(pool, key=lambda c: (figure(c) or 0, c.status != "unattributed"))


_ALSO = re.compile(r"\balso\b", re.I)


# "three other people were shot", "five others were wounded": people hit besides the dead.
_OTHERS = re.compile(r"\b(?:others?|another)\b", re.I)
_AND = re.compile(r"\band\b|,", re.I)


def _not_among_dead(hit: Count) -> bool:
    """People hit whom the report tells apart from the dead: "others", or one told alive; not
    those it tells some died of ("shot four others, including one who died")."""
    if "+with_dead" in hit.rule:
        return False
    if "+survived" in hit.rule or "+apart" in hit.rule or _survivor(hit):
        return True
    other = _OTHERS.search(hit.text)
    # "he and four others were shot" holds one more, who may be among the dead
    return other is not None and not _AND.search(hit.text, 0, other.start())


# Words that name the victim as one who lived: "her surviving son", "the shooting's survivor".
_SURVIVORS = {"surviving", "survivor", "survivors"}


def _survivor(hit: Count) -> bool:
    """People hit whom the words naming them tell alive: "the surviving victim was shot in the
    leg", "a survivor who was shot twice"."""
    head = (hit.victims or "").split()[-1:]
    return bool(head) and head[0].lower().strip(",.") in _SURVIVORS or bool(_SURVIVORS & set(_words_before_victim(hit)))


# Words that tell a person's sex, so that one hit is told apart from the dead of the other sex.
_MALE = {"man", "men", "boy", "boys", "male", "father", "son", "sons", "husband", "brother", "brothers", "uncle",
         "grandfather", "grandson", "nephew", "boyfriend", "stepfather", "stepson", "dad", "gentleman", "he", "him",
         "himself"}
_FEMALE = {"woman", "women", "girl", "girls", "female", "mother", "daughter", "daughters", "wife", "sister",
           "sisters", "aunt", "grandmother", "granddaughter", "niece", "girlfriend", "stepmother", "stepdaughter",
           "mom", "lady", "she", "her", "herself"}


def _sex(victims: str | None) -> str | None:
    word = (victims or "").split()[-1:] or [""]
    head = word[0].lower().strip(",.")
    return "male" if head in _MALE else "female" if head in _FEMALE else None


def _someone_else(hit: Count, dead: list[Count], n_dead: int) -> bool:
    """One person hit whom the report tells apart from the dead: "a second man was hit"
    beside one dead, "a fourth man suffered a gunshot wound" beside three, "a woman was
    grazed" beside "a man was shot dead" (every dead person named of the other sex), "Young was
    shot in the stomach" before "a 17-year-old was also shot and killed" (every dead person told
    after the hit as "also" killed)."""
    if ".singular" not in hit.rule or hit.best != 1 or any(d.start <= hit.start < d.end for d in dead):
        return False
    ordinal = next((_ORDINAL_VALUE[w] for w in _words_before_victim(hit) if w in _ORDINAL_VALUE), None)
    if ordinal is not None:
        return ordinal > n_dead
    named = [d for d in dead if (d.victims or "").lower() not in _PRONOUNS]
    if named and all(_ALSO.search(d.text) and d.start > hit.end for d in named):
        return True  # "Young was shot in the stomach ... a 17-year-old was also shot and killed"
    if named and all(_assailant(d) for d in named) and not _assailant(hit):
        return True  # "an officer was shot ... the suspect was killed": the dead is the one who shot
    sex = _sex(hit.victims)
    return sex is not None and bool(dead) and all(_sex(d.victims) not in (None, sex) for d in dead)


def _hit(count: Count) -> bool:
    return count.rule.startswith("counts.hit.")


def _less(count: Count, dead: int) -> Count:
    def sub(v):
        return None if v is None else max(0, v - dead)
    return replace(count, low=sub(count.low), best=sub(count.best), high=sub(count.high),
                   rule=f"{count.rule}+less_dead({dead})")


# Words that make a victim someone other than the one already named ("the other man").
_ANOTHER = {"other", "another", "second", "third", "fourth", "injured", "wounded", "surviving", "survivor"}
_SAME_ONE = {"he", "she", "him", "her", "himself", "herself"}


def _one_of_the_dead(count: Count, dead: list[Count]) -> bool:
    """One wounded person whom the report has already named among the dead: "a juvenile
    injured in a shooting Monday has died" (the wound inside the death), "the victim was in
    critical condition" or "he suffered a gunshot wound" beside "he was pronounced dead"
    (a pronoun or a definite noun pointing back), or "Felder was wounded" beside "Felder
    died" (the same name), or "the only one hurt" (:func:`_the_only_one`). A person introduced
    anew ("a woman", "another man") is not."""
    if "+only" in count.rule:
        return True
    if ".singular" not in count.rule or count.best != 1 or not count.victims:
        return False
    if any(d.start < count.end <= d.end for d in dead):
        return True  # the wound inside the death, or the death told of the same words ("A boy who had
        # been hospitalized ... has died": the death's span starts at its head noun, after "A local")
    victim = count.victims.split()[-1]
    words = count.text.split()
    lowered = [w.lower().strip(",.") for w in words]
    k = next((i for i, w in enumerate(words) if w.strip(",.") == victim), None)
    if k is None or "also" in lowered or _ANOTHER & set(lowered[:k]):
        return False
    if victim.lower() in _SAME_ONE:
        return True
    if k > 0 and lowered[k - 1] in ("the", "this", "that"):
        return True
    named = victim[:1].isupper() and not (k > 0 and lowered[k - 1] in ("a", "an"))
    return named and any(re.search(rf"\b{re.escape(victim)}\b", d.text) for d in dead)


def _with_also_dead(total: Count, dead: list[Count]) -> Count:
    """One more dead for each person named as "also killed" beside the others: "Mills was shot
    and killed; Booker, a customer, was also killed" is two. A pronoun may be one already
    counted ("he was also killed"), so it adds none."""
    also = [c for c in dead if ".singular" in c.rule and c.best == 1 and _ALSO.search(c.text)
            and (c.victims or "").lower() not in _PRONOUNS]
    others = [c for c in dead if c not in also and "+period_total" not in c.rule]
    if not also or not others:
        return total
    base = _largest(others)
    n = (figure(base) or 0) + len({c.victims for c in also})
    if n <= (figure(total) or 0):
        return total
    return replace(base, low=n, best=n, high=n, rule=f"{base.rule}+also_dead({len(also)})")


# The one who did the shooting or the attack, named by what they did.
_ASSAILANTS = {"gunman", "gunmen", "shooter", "suspect", "attacker", "assailant", "killer", "robber", "intruder",
               "perpetrator"}


def _assailant(count: Count) -> bool:
    """The victim is the one who shot or attacked: "the gunman was killed", or a name the
    report gives the title of what they did ("Gunman Omar Mateen was killed")."""
    head = (count.victims or "").split()[-1:]
    if not head:
        return False
    if head[0].lower().strip(",.") in _ASSAILANTS:
        return True
    return head[0][:1].isupper() and any(w.lower().strip(",.") in _ASSAILANTS for w in _words_before_victim(count))


def _words_before_victim(count: Count) -> list[str]:
    """The words of a count's text before its victim's head noun, lower case."""
    victim = (count.victims or "").split()[-1:]
    lowered = [w.lower().strip(",.") for w in count.text.split()]
    return lowered[:lowered.index(victim[0].lower())] if victim and victim[0].lower() in lowered else lowered


def _largest_hit(hits: list[Count]) -> Count | None:
    """The people hit (:func:`aggregate`); of equal figures, one the report tells apart from
    the dead ("two other gunshot victims" beside "shooting A and B", two dead)."""
    hit = aggregate(hits)
    if hit is None:
        return None
    equal = [c for c in hits if figure(c) == figure(hit) and "+period_total" not in c.rule]
    return next((c for c in equal if _ALSO.search(c.text) or _not_among_dead(c)), hit)


def _the_assailants_victims(count: Count) -> bool:
    """Dead told as what the assailant did to them: the victims of an active verb ("killed
    five servicemen") or of a passive one whose agent is the assailant ("four Marines were
    killed by the gunman")."""
    return count.rule.startswith("counts.fatalities.active.") or "+by_assailant" in count.rule


# The agent of a passive killing that names the one who shot: "four Marines were killed
# Thursday by the gunman", "a clerk was shot dead by the robber".
_BY_ASSAILANT = re.compile(r"[^.;,]{0,30}?\bby (?:the|a|an) (?:lone |suspected |alleged )?(?:"
                           + "|".join(sorted(_ASSAILANTS)) + r")\b", re.I)


def _by_the_assailant(sent, count: Count) -> bool:
    """Dead whom the sentence tells killed by the assailant, who is not among them."""
    return count.kind == "fatalities" and (".passive." in count.rule or ".singular" in count.rule) and \
        bool(_BY_ASSAILANT.match(doc_text(sent.doc), count.end, sent.end_char))


def _with_the_assailant(total: Count, dead: list[Count]) -> Count:
    """One more dead when the assailant's own death is told apart from a killing told as
    the assailant's act: "killed five servicemen" and "the suspect ... was killed in a
    gunfight with police" are six dead. The victims of an active verb are the assailant's,
    so the assailant is not among them; a total told otherwise ("four people are dead") may
    hold the assailant already. Of equal figures, one told as the assailant's act stands ("49
    who died" beside "killing 49 club-goers")."""
    if "+self" in total.rule or _assailant(total):
        return total
    act = next((c for c in [total] + dead if figure(c) == figure(total) and _the_assailants_victims(c)), None)
    if act is None or not any(".singular" in c.rule and c.best == 1 and _assailant(c)
                              and not (c.start < act.end and act.start < c.end) for c in dead):
        return total
    n = (figure(act) or 0) + 1
    return replace(act, low=n, best=n, high=n, rule=f"{act.rule}+assailant")


# The attacking side named as a group of fighters: their dead are told apart from the people
# they struck ("all five attackers are dead", "three of the militants were killed").
_ATTACKING_SIDE = {"attackers", "assailants", "gunmen", "militants", "insurgents", "terrorists", "rebels",
                   "fighters", "bombers", "jihadists", "raiders", "kidnappers", "hijackers", "bandits"}
# The side struck, named by who they are: a toll of these holds no attacker. A toll of "people",
# "persons" or "victims" may hold the attackers already ("14 people, including five attackers").
_STRUCK_SIDE = {"civilians", "soldiers", "troops", "policemen", "officers", "police", "guards", "villagers",
                "passengers", "worshippers", "students", "children", "women", "servicemen", "personnel",
                "pilgrims", "guests", "staff", "workers", "farmers", "residents", "peacekeepers", "militiamen"}


def _heads(count: Count) -> list[str]:
    """The head noun of each coordinated part of a count's victims, lower case."""
    return [part.split()[-1].lower().strip(",.") for part in (count.victims or "").split(", ") if part.split()]


def _side_of(count: Count) -> str | None:
    """"attacking" when every part of the victims names the attackers, "struck" when every part
    names the people they struck, else None (a mixed or generic toll)."""
    heads = _heads(count)
    if heads and all(h in _ATTACKING_SIDE for h in heads):
        return "attacking"
    if heads and all(h in _STRUCK_SIDE for h in heads):
        return "struck"
    return None


def _with_the_attackers(total: Count, dead: list[Count]) -> Count:
    """The attackers' dead added to a toll of the people they struck, when the report tells the
    two apart and the largest toll is one of them: "eleven civilians and three soldiers were
    killed" and "all five attackers are dead" are 19 dead; "killing about 20 militants, while
    losing four soldiers" is 24. ACLED's fatalities count every side. A toll that names a part
    of the other ("including", "among them") or a generic one ("14 people") may hold both and
    stands."""
    if any(r in total.rule for r in _ADDED_DEAD) or _INCLUDED.search(total.text):
        return total
    tolls = [c for c in dead if "+period_total" not in c.rule and "+superseded" not in c.rule
             and ".coded_as" not in c.rule and c.status != "claimed" and not _INCLUDED.search(c.text)]
    sides = [(c, _side_of(c)) for c in tolls]
    attacking = [c for c, side in sides if side == "attacking"]
    struck = [c for c, side in sides if side == "struck"]
    if not attacking or not struck:
        return total
    a, b = _largest(attacking), _largest(struck)
    if figure(total) not in (figure(a), figure(b)) or (a.start < b.end and b.start < a.end):
        return total
    n = (figure(a) or 0) + (figure(b) or 0)
    return replace(b, low=n, best=n, high=n, rule=f"{b.rule}+attackers({figure(a)})")


_INCLUDED = re.compile(r"\b(?:including|among (?:them|those|the dead)|of whom|of them)\b", re.I)


# The most characters between a toll of the dead and the figure of the hurt told with it
# ("one man was killed and two others were hurt", "left one dead, four injured").
_TOLD_TOGETHER = 12
# Dead added to a stated toll by another rule: the killer's own death, or one "also killed".
_ADDED_DEAD = ("+self", "+assailant", "+also_dead", "+attackers(")


def _less_later_dead(hurt: Count, total: Count, dead: list[Count]) -> Count:
    """The hurt told beside a toll of the dead one smaller than the report's final one, less
    that one: "one man was killed and two others were hurt" in a report that later
    tells two dead ("a second victim has died", "Two dead" in its headline) holds the one who
    died among the three. Not when the larger toll adds the killer or someone "also killed",
    who were never among the hurt."""
    n_dead = figure(total) or 0
    if _hit(hurt) or not hurt.best or any(r in total.rule for r in _ADDED_DEAD):
        return hurt
    beside = [d for d in dead if ".number" in d.rule and (
        0 <= hurt.start - d.end <= _TOLD_TOGETHER or 0 <= d.start - hurt.end <= _TOLD_TOGETHER)]
    first = max(beside, key=lambda d: figure(d) or 0, default=None)
    if first is None or n_dead - (figure(first) or 0) != 1 or hurt.best < 2:
        return hurt  # one death since the first figures; a wider gap is more often a misread toll
    if _other_people(total, first):
        return hurt  # "two police officers were killed ... one civilian was killed, four civilians injured"
    return _less(hurt, 1)


# Words for the dead that any toll may restate: "two people are dead", "both victims died".
_ANYONE = {"people", "persons", "person", "victims", "victim", "others", "men", "women"}


def _other_people(total: Count, first: Count) -> bool:
    """Two tolls of different groups of people named by common nouns ("police officers",
    "civilians"): the larger is not the smaller one told again."""
    heads = [(c.victims or "").split()[-1:] for c in (total, first)]
    if not all(heads):
        return False
    a, b = (h[0].strip(",.") for h in heads)
    common = a.islower() and b.islower() and a not in _ANYONE and b not in _ANYONE
    return common and a.rstrip("s") != b.rstrip("s")


# A death denied of everyone: "no one was killed", "nobody died" (not "no one else was killed",
# nor "no one has been charged with murder", "nobody should take a life").
_NO_ONE = re.compile(r"^(?:no one|no-one|nobody)\s+(?:(?:was|were|is|has been|had been|got)\s+)?(?:killed|died|dead)$",
                     re.I)
# Deaths told one person at a time, or by a noun of the act ("a bystander was killed", "the
# killing of X", "a fatal shooting"), as against a toll with its number ("two were killed").
_ONE_BY_ONE_DEAD = ("counts.fatalities.singular", "counts.fatalities.noun_of", "counts.fatalities.event",
                    "counts.fatalities.body_or_to_death")


def _no_one_died(candidates: list[Count]) -> Count | None:
    """The zero of a report that says no one died ("it's a miracle no one was killed"), when
    every death it tells otherwise is one person told by what was done to them: that death is
    of another time or place the report recalls (the funeral the gunfire broke out at, an
    earlier killing), or a first report since denied. A stated toll ("one person was killed")
    stands against it."""
    zeros = [c for c in candidates if c.kind == "fatalities" and c.best == 0 and ".zero" in c.rule
             and _NO_ONE.match(c.text)]
    dead = [c for c in candidates if c.kind == "fatalities" and (figure(c) or 0) > 0]
    if not zeros or not dead or not all(c.rule.startswith(_ONE_BY_ONE_DEAD) for c in dead):
        return None
    return zeros[0]


def event_counts(candidates: list[Count], kinds) -> dict[str, Count | None]:
    """One figure per kind for an event (see :func:`aggregate`).

    The injured are the people said to be wounded or hurt, or the people hit
    ("eight men were shot") less the dead, who are among them, when those are
    more: a report often names the condition of only some of the wounded ("two
    of those shot were seriously wounded"). A wounded person named again among the
    dead is one of them (:func:`_one_of_the_dead`); one "also killed" is one more
    dead (:func:`_with_also_dead`). A person "also" shot is one more than
    the dead ("three were killed; her boyfriend was also shot").
    """
    dead = [c for c in candidates if c.kind == "fatalities" and (figure(c) or 0) > 0 and "+honoured" not in c.rule]
    if dead:  # the wounded victim a report names again may be the one who died
        candidates = [c for c in candidates if c.kind != "injured" or not _one_of_the_dead(c, dead)]
    out = {k: aggregate([c for c in candidates if c.kind == k and not _hit(c)]) for k in kinds}
    if out.get("fatalities") is not None and (spared := _no_one_died(candidates)) is not None:
        out["fatalities"] = spared
    if out.get("fatalities") is not None:
        out["fatalities"] = _with_the_attackers(
            _with_the_assailant(_with_also_dead(out["fatalities"], dead), dead), dead)
    if out.get("injured") is not None and out.get("fatalities") is not None:
        out["injured"] = _less_later_dead(out["injured"], out["fatalities"], dead)
    hits = [c for c in candidates if _hit(c)]
    hit = _largest_hit(hits) if hits else None
    if "injured" in out and hit is not None:
        n_dead = figure(out.get("fatalities")) or 0
        apart = _ALSO.search(hit.text) or _not_among_dead(hit) or _someone_else(hit, dead, n_dead) \
            or _the_shooter_died(hit, dead)
        survivors = _less(hit, n_dead) if n_dead and not apart else hit
        stated = out["injured"]
        # "no one else was hurt" beside a man shot who lived: the zero is of the others
        if stated is None or (figure(survivors) or 0) > (figure(stated) or 0):
            out["injured"] = survivors
        if (more := _also_hit_one_by_one(hits, dead, n_dead)) is not None \
                and (figure(more) or 0) > (figure(out["injured"]) or 0):
            out["injured"] = more
    if "injured" in out and (besides := _others_besides_named(candidates, dead)) is not None \
            and (figure(besides) or 0) > (figure(out["injured"]) or 0):
        out["injured"] = besides
    return out


# The most characters between the hurt named one by one and the "others" hurt told after them.
_OTHERS_AFTER = 400
# The most characters between a toll of the dead and "others" hurt told beside it ("one man was
# killed and two others were wounded").
_BESIDE_DEAD = 40


def _others_besides_named(candidates: list[Count], dead: list[Count]) -> Count | None:
    """The hurt told as "others" after one or more people hurt told first: "Powell was badly
    wounded in the ambush. Two others were wounded" is three hurt, and so is "one person was
    injured in a fight, and the two others who were shot ...". "Others" told right after a toll
    of the dead are others than the dead ("one was killed and two others wounded"), and a
    person hit beside the dead may be one of them, so neither counts here."""
    hurt = [c for c in candidates if c.kind == "injured" and "+period_total" not in c.rule
            and "+honoured" not in c.rule and (figure(c) or 0) > 0]
    others = [c for c in hurt if ".number" in c.rule and (c.victims or "").lower() == "others"]
    named = [c for c in hurt if (".singular" in c.rule or ".number" in c.rule and c.best == 1)
             and (c.victims or "").lower() not in _PRONOUNS | {"others"}
             and not (_hit(c) and dead) and not _one_of_the_dead(c, dead)]
    for o in others:
        before = [c for c in named if 0 <= o.start - c.end <= _OTHERS_AFTER]
        if not before or any(0 <= o.start - d.end <= _BESIDE_DEAD for d in dead):
            continue
        last = max(before, key=lambda c: c.end)
        n = (figure(o) or 0) + (figure(last) or 0)
        return replace(o, low=n, best=n, high=n, rule=f"{o.rule}+besides_named({figure(last)})")
    return None


def _the_shooter_died(hit: Count, dead: list[Count]) -> bool:
    """The one who shot them is the one dead: "Teen who shot 4, including 2 agents, is killed by
    police" tells the hit inside the words naming the dead, who is not among them."""
    return ".active." in hit.rule and any(
        ".singular" in d.rule and d.start <= hit.start and hit.end <= d.end for d in dead)


def _also_hit_one_by_one(hits: list[Count], dead: list[Count], n_dead: int) -> Count | None:
    """People hit told one at a time in sentences of their own, the later ones "also" hit: "A man
    was shot in the back. A woman was also shot in the arm." are two. The first may be among the
    dead (as :func:`event_counts` reads one hit alone); each one "also" hit is someone more, told
    once however often the report names them again."""
    ones = [c for c in hits if ".singular" in c.rule and c.best == 1 and "+period_total" not in c.rule
            and "+honoured" not in c.rule]
    first = min((c for c in ones if not _ALSO.search(c.text)), key=lambda c: c.start, default=None)
    if first is None:
        return None
    also = {(c.victims or "").lower(): c for c in ones if _ALSO.search(c.text) and c.start > first.end}
    if not also:
        return None
    apart = _not_among_dead(first) or _someone_else(first, dead, n_dead)
    n = (figure(_less(first, n_dead)) if n_dead and not apart else 1) + len(also)
    last = max(also.values(), key=lambda c: c.start)
    return replace(last, low=n, best=n, high=n, rule=f"{last.rule}+also_hit({len(also)})")
