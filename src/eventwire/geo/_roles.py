"""The role of each place mention: event, origin, destination, speaker, background, other.

Roles come from the sentence: the preposition governing the name ("in"/"near"
→ event, "from" → origin, "to" → destination), a verb of saying above it
("said in Islamabad" → speaker), and whether the sentence reports an event at
all (places in sentences with no event, or with a threat or background
mention, are background). A place that qualifies another ("Quetta in
Balochistan") takes that place's role.
"""
from __future__ import annotations

import functools
import re

from ..gazetteer import lexicon
from ._places import Toponym
from ..nlp import covered, doc_text


@functools.lru_cache(maxsize=None)
def _words(name: str) -> frozenset[str]:
    """A word list of the geo lexicon as a set, built once."""
    return frozenset(lexicon()[name])


def _speech_verb(doc, t: Toponym, verbs: frozenset[str]) -> bool:
    tok = doc[t.token_start]
    for anc in list(tok.ancestors)[:3]:
        if anc.pos_ == "VERB":
            # the first verb above the name decides: "an air strike hit a market in Nyala ...,
            # a medical group said" places the strike, "said in Islamabad" the speaker
            return anc.lemma_.lower() in verbs and not _reported_happening(anc)
    return False


def _reported_happening(verb) -> bool:
    """'an air raid was reported on Nihm district', 'clashes were reported in X': a passive
    verb of saying whose subject is a happening, not a person, places the happening."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj:pass")]
    return bool(subjects) and all(c.ent_type_ not in ("PERSON", "ORG", "NORP") and c.pos_ == "NOUN"
                                  for c in subjects)


def _carried_to(doc, t: Toponym) -> bool:
    """'deposited at a mortuary in Makurdi', 'rushed to a hospital in Kano': the place of a
    hospital or a mortuary the victims were carried to (lexicon ``aftermath_nouns``,
    ``carrying_verbs``), where they are treated ("treated at VCU Medical in Richmond"), or the
    hospital they stay at ("located at Lanier Hospital in Valley", lexicon ``staying_verbs``)."""
    tok = doc[t.token_start]
    nouns, verbs = _words("aftermath_nouns"), _words("carrying_verbs")
    held = False
    for anc in list(tok.ancestors)[:6]:
        if anc.pos_ in ("NOUN", "PROPN") and anc.lemma_.lower() in nouns:
            held = True
        elif anc.pos_ == "VERB":
            lemma = anc.lemma_.lower()
            return (held or lemma in _CARE_VERBS) and lemma in verbs or held and lemma in _words("staying_verbs")
    return False


# Verbs of care whose place is where the wounded were taken, whatever it is called: "is being
# treated at VCU Medical in Richmond"
_CARE_VERBS = frozenset({"treat", "admit", "hospitalise", "hospitalize"})


def home_of(doc, t: Toponym) -> bool:
    """'two New Haven men', 'a Chicago teen': a town written before people as their home
    (lexicon ``resident_nouns``). Mostly the scene too in local news, so no role of its own;
    it only earns no weight as the lede's place (see ``_locate._document_score``)."""
    last = doc[t.token_end - 1]
    return last.dep_ in ("compound", "amod", "nmod") and last.head.i >= t.token_end \
        and last.head.lower_ in _words("resident_nouns")


def _taken(doc, t: Toponym) -> bool:
    """'seized the railway town of Babanusa', 'took full control of X', 'overran X': the place
    a force took (lexicon ``taking_verbs``, ``taking_nouns``), its object or the "of" of the
    taking, through a place word it names ("the town of X")."""
    node = doc[t.token_start]
    verbs, nouns, units = _words("taking_verbs"), _words("taking_nouns"), _words("place_heads")
    for _ in range(5):
        head = node.head
        if node.dep_ == "dobj" and head.pos_ == "VERB":
            return head.lemma_.lower() in verbs
        if node.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
            if head.head.lemma_.lower() in nouns:
                return True
            if head.head.lemma_.lower() not in units:
                return False
            node = head.head
        elif node.dep_ in ("compound", "flat", "appos") and head is not node:
            node = head
        else:
            return False
    return False


def _preceded_by_scene(doc, t: Toponym, cues: frozenset[str]) -> bool:
    """'the attack in X', 'clashes near X', 'took place late Monday in X': a scene cue, then at
    most three words of time ("late Monday", "on Friday night"), then "in", "at" or "near"."""
    window = doc_text(doc)[max(t.sent_start, t.start - 40):t.start].lower()
    return _scene_before(cues).search(window) is not None


@functools.lru_cache(maxsize=None)
def _scene_before(cues: frozenset[str]) -> re.Pattern:
    """One pattern for every cue of the set, built once."""
    alternatives = "|".join(re.escape(c) for c in sorted(cues))
    return re.compile(rf"\b(?:{alternatives})(?: {_TIME_WORD}){{0,3}} (?:in|at|near)\b")


# Words of a time that may stand between a scene cue and its place ("took place late Monday in")
_TIME_WORD = (r"(?:on|late|early|last|this|overnight|(?:mon|tues|wednes|thurs|fri|satur|sun)day|night|morning|"
              r"evening|afternoon|yesterday|today|tonight)")


def sentence_role(doc, t: Toponym) -> str:
    """Role from the words around the name, before looking at events."""
    lex = lexicon()
    if t.label == "NORP":
        return "other"  # a demonym: "Pakistani forces" is not a place of the event
    if t.head == "border":
        return "background"  # "near the Maharashtra border": a line the place lies by, as "the border with X"
    if t.relative:
        return "event"
    if t.prep and _speech_verb(doc, t, _words("speech_verbs")):
        return "speaker"
    if _preceded_by_scene(doc, t, _words("scene_cues")):
        return "event"
    if t.prep and _carried_to(doc, t):
        return "destination"
    if t.prep in (None, "of") and _taken(doc, t):
        return "event"
    window = doc_text(doc)[t.sent_start:t.start].lower()
    if t.prep == "to" and "from" in window.split()[-8:]:
        return "destination"  # "en route from Quetta ... to Peshawar"
    if "border" in window.split()[-2:]:
        return "background"
    if t.prep == "of" and (outer := _prep_of_place_before(doc, t)) is not None:
        return lex["role_preps"].get(outer, "other")  # "in a forest area of Kupwara district"
    return lex["role_preps"].get(t.prep or "", "other")


def _prep_of_place_before(doc, t: Toponym) -> str | None:
    """The preposition of a place word the name is the "of" of: "in a forest area of Kashmir's
    Kupwara district", "on the outskirts of X" name X where "in" or "on" puts the act."""
    node = doc[t.token_end - 1]
    for _ in range(4):
        if node.dep_ in ("compound", "poss", "flat", "amod") and node.head.i != node.i:
            node = node.head
        else:
            break
    of = node.head
    if node.dep_ != "pobj" or of.lower_ != "of" or of.head.i == of.i:
        return None
    place = of.head
    if place.pos_ != "NOUN" or place.lemma_.lower() not in _words("place_heads") - {"border"} \
            or place.dep_ != "pobj":
        return None
    return place.head.lower_


def assign_roles(doc, tops: list[Toponym], event_spans: list[tuple[int, int]],
                 background_spans: list[tuple[int, int]]) -> list[str]:
    """One role per toponym. ``*_spans`` are (start, end) characters of event / rejected sentences."""
    roles = []
    in_events, in_background = covered(event_spans), covered(background_spans)
    for t in tops:
        role = sentence_role(doc, t)
        in_event = in_events(t.start)
        in_rejected = in_background(t.start)
        if role == "event" and not in_event and (in_rejected or not _scene(doc, t)):
            role = "background" if in_rejected or event_spans else role
        elif role == "other" and not in_event:
            role = "background"
        roles.append(role)
    for i, t in enumerate(tops):
        # "the mayor of the town of Zitacuaro in Michoacan state was shot dead": a town named as
        # someone's is where the sentence's act happened when the sentence names no other scene
        if roles[i] == "other" and t.prep == "of" and t.qualifier_of is None and in_events(t.start) \
                and _named_as_a_settlement(doc, t) and not any(
                    roles[k] == "event" and u.sent_start == t.sent_start and u.qualifier_of != i
                    for k, u in enumerate(tops) if k != i):
            roles[i] = "event"
    for i, t in enumerate(tops):  # qualifiers take the role of the place they qualify
        if t.qualifier_of is not None and roles[t.qualifier_of] != "event":
            roles[i] = roles[t.qualifier_of]
        elif t.qualifier_of is not None:
            roles[i] = "event"
    return roles


def _named_as_a_settlement(doc, t: Toponym) -> bool:
    """'the town of X', 'the village of X': the name follows a settlement word and "of"."""
    window = doc_text(doc)[max(t.sent_start, t.start - 16):t.start].lower()
    return re.search(r"\b(?:town|village|city|hamlet|settlement) of\s+$", window) is not None


def _scene(doc, t: Toponym) -> bool:
    return _preceded_by_scene(doc, t, _words("scene_cues"))
