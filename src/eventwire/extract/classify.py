"""Event triggers and their ACLED class; GTD attack type with GTD's precedence.

A transparent classifier: a trigger lexicon (``data/triggers.csv``) finds the
words that name an event and the cue words that qualify it; a few ordered rules,
using the dependency parse to tell who acted on whom, turn a trigger family
into an ACLED (event_type, sub_event_type). Every label carries a rule string
naming the lexicon entry and the rules that fired, e.g.
``lex:protest(protest)+cue_intervention(tear gas)``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..records import Mention, Trigger
from ..resources import taxonomy
from ..resources.taxonomy import participant_kinds, trigger_lexicon
from ..nlp import per_doc, words
from ._cue_tables import DEATH_VERBS, count_cues
from .attribution import speaker_span

__all__ = ["find_triggers", "gtd_attack_type", "gtd_attack_types", "gtd_attack_type_for_event",
           "gtd_attack_types_for_event", "gtd_attack_type_words", "event_class"]

# Remote-violence families, most specific first: a generic "explosion" takes
# the class of the most specific weapon named in the same sentence.
_WEAPONS = ("suicide", "chemical", "air", "shelling", "grenade", "ied", "explosion")
_ARMED = {"state", "nonstate", "armed"}
# Tokens under these heads give a reason or a topic ("protest against the
# killing"), not something that happened at the event itself.
_REASON_HEADS = {"against", "over", "after", "following", "condemn", "denounce", "demand", "end", "halt",
                 "about", "regard", "regarding", "accuse", "allege", "blame", "seek", "urge"}
# Violent families rank above non-violent ones when a sentence names both.
_SEVERITY = {"Battles": 0.06, "Explosions/Remote violence": 0.07, "Violence against civilians": 0.06,
             "Riots": 0.04, "Protests": 0.03, "Strategic developments": 0.0}
_WEAPON_NOUNS = {"weapon", "arm", "explosive", "ammunition", "bomb", "ied", "grenade", "rifle",
                 "gun", "cache", "mine", "landmine", "detonator", "pistol", "mortar", "rocket", "round"}
_ARMED_CLASH_WORDS = {"encounter", "ambush", "raid", "storm", "offensive", "operation",
                      "repulse", "repel", "besiege", "exchange"}
_PROPERTY_VERBS = {"attack", "target", "raid", "assault", "storm", "fire", "shoot"}
_PLACE_NOUNS = {"village", "town", "city", "area", "district", "territory", "base", "post", "camp",
                "hill", "position", "region", "county", "locality", "checkpoint", "outpost", "airport",
                "headquarters", "crossing", "garrison", "barracks", "stronghold", "bastion", "port",
                "neighbourhood", "neighborhood", "suburb", "province", "capital", "island", "valley"}


# ---- lexicon matching --------------------------------------------------------------------

_POS = {"V": ("VERB", "AUX"), "N": ("NOUN", "PROPN"), "ADJ": ("ADJ",)}
# Protest verbs that also mean "show": with an object or a that-clause they show.
_SHOWING_VERBS = {"demonstrate"}
# A protest verb that also means "hit": with an object it hits ("struck the post", "struck a
# car"); a walkout takes none ("workers struck on Monday") or its work ("lawyers struck work",
# the South Asian press's phrase for a strike).
_HITTING_VERBS = {"strike"}
_WALKOUT_OBJECTS = {"work", "classes", "duty", "duties"}
# "Release" frees captives, and it also publishes: a report, a video or the names it has as
# its object, its passive subject or the noun it qualifies ("the report released on Tuesday")
# are published, not freed.
_PUBLISHING_VERBS = {"release"}
_PUBLISHED_THINGS = {"report", "statement", "video", "footage", "figure", "data", "list", "name",
                     "detail", "finding", "image", "photo", "photograph", "picture", "audio",
                     "recording", "tape", "result", "study", "survey", "document", "communique",
                     "toll", "information", "record", "plan", "budget", "album",
                     "book", "film", "song", "version", "update", "guideline", "estimate"}
# What a party stays away from when it "boycotts" it: a vote or a meeting, no act of protest
_SHUNNED = {"vote", "election", "poll", "ballot", "referendum", "talks", "session", "meeting", "sitting",
            "summit", "ceremony", "inauguration", "hearing", "dialogue", "count", "race", "process", "census"}


# Dependencies of a noun: a participle standing in them with an article names people.
_NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"}


def _people_participle(tok) -> bool:
    """A past participle used as a noun ("the wounded", "the injured", "the kidnapped"):
    the people an act left, not the act; the act is told by its own words."""
    return tok.tag_ == "VBN" and tok.dep_ in _NOMINAL_DEPS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


# Possessive pronouns that are also nouns of weapons ("mine").
_PRONOUN_NOUNS = {"mine"}


def _possessive_pronoun(tok) -> bool:
    """A bare "mine" in a pronoun's place: the subject or complement of "be" ("mine is an
    optimistic view", "the decision is mine") or after "of" ("a friend of mine"). A land mine
    has its article, number or modifier ("a mine", "mines", "an anti-tank mine")."""
    if tok.lower_ not in _PRONOUN_NOUNS:
        return False
    if any(c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in tok.children):
        return False
    head = tok.head
    return (tok.dep_ in ("nsubj", "attr") and head.lemma_.lower() == "be") or (
        tok.dep_ == "pobj" and head.lower_ == "of")


# What makes "mine" a weapon: its kind ("a land mine", "an anti-tank mine") or what was done
# with it ("stepped on a mine", "the mine exploded", "planted mines").
_MINE_KINDS = {"land", "anti", "tank", "antitank", "personnel", "antipersonnel", "anti-tank", "anti-personnel",
               "naval", "sea", "roadside", "improvised", "magnetic", "limpet", "claymore", "unexploded", "buried"}
_MINE_VERBS = {"explode", "detonate", "step", "hit", "strike", "plant", "lay", "trigger", "clear", "defuse",
               "set", "go", "blow", "kill", "wound", "injure", "tread", "run", "drive", "place", "remove"}
_BLAST_WORDS = {"explosion", "blast", "explode", "exploded", "detonated", "detonate", "landmine", "ied"}


def _mining_site(tok) -> bool:
    """A "mine" where ore is dug ("outside a platinum mine", "the mine's main shaft", "mine
    workers"): nothing about it, or in its sentence, tells a weapon: no kind of mine, no verb of
    setting it off or stepping on it, no blast."""
    if any(c.lower_ in _MINE_KINDS for c in tok.children if c.dep_ in ("amod", "compound", "npadvmod")):
        return False
    node = tok.head if tok.dep_ != "pobj" else tok.head.head
    if node.lemma_.lower() in _MINE_VERBS or any(c.lemma_.lower() in _MINE_VERBS for c in tok.children):
        return False
    return not any(t.lemma_.lower() in _BLAST_WORDS or t.lower_ in _BLAST_WORDS for t in tok.sent)


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon entry found in a sentence; ``head`` is the token that governs the phrase."""

    family: str
    weight: float
    text: str
    start_char: int
    end_char: int
    head: object  # spaCy Token


def family_class(family: str) -> tuple[str, str, str | None] | None:
    """(event_type, sub_event_type, GTD hint) of a trigger family."""
    return taxonomy.event_families().get(family)


def _phrase_at(sent, i: int, lemmas: tuple[str, ...]) -> bool:
    if i + len(lemmas) > min(sent.end, len(sent.doc)):
        return False
    w = words(sent.doc)
    return all(word in (w.lemma[i + k], w.lower[i + k]) for k, word in enumerate(lemmas))


# Particles of phrasal verbs that a report may write after the verb's object ("drove the
# rebels out of the town", "took the district back").
_PARTICLES = frozenset({"out", "back", "over", "off", "away"})


def _particle_after_object(tok, lemmas: tuple[str, ...]) -> bool:
    """A two-word phrasal verb of the lexicon written with its object between its words."""
    return len(lemmas) == 2 and lemmas[1] in _PARTICLES and tok.pos_ == "VERB" \
        and lemmas[0] in (tok.lemma_.lower(), tok.lower_) \
        and any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ == lemmas[1] and c.i > tok.i + 1 for c in tok.children)


# Words of the outcome a verb of harm may write after its object ("burned him to death", "burned
# two farmers alive"): the phrase of the lexicon names a killing with them, its verb alone damage.
_OUTCOMES = frozenset({("to", "death"), ("alive",)})
_FIRE_DAMAGE = ("looting", "cue_arson")  # families of "burn" as damage to property


def _outcome_after_object(tok, lemmas: tuple[str, ...]) -> bool:
    """A verb phrase of the lexicon whose outcome words follow the verb's object ("burned the
    guard to death"): the outcome is a word the verb governs, written after its object."""
    tail = tuple(lemmas[1:])
    if tail not in _OUTCOMES or tok.pos_ != "VERB" or lemmas[0] not in (tok.lemma_.lower(), tok.lower_) \
            or not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
        return False
    return any(c.i > tok.i + 1 and c.lower_ == tail[0] and _phrase_at(tok.sent, c.i, tail) for c in tok.children)


def match_lexicon(sent) -> list[Hit]:
    """Every trigger and cue phrase of the sentence, longest phrase per family and place: read
    once per sentence, which the triggers, their modality, the GTD labels of each mention and
    the crowd interventions all ask for (callers do not change the list)."""
    memo = per_doc(sent.doc, "classify.lexicon", dict)
    key = (sent.start, sent.end)
    if key not in memo:
        memo[key] = _match_lexicon(sent)
    return memo[key]


def _acted_on(tok, heads: tuple[str, ...] = ("acl", "relcl", "amod")) -> list:
    """What a verb acts on: its object or passive subject, and the noun it describes when it
    stands as a clause or a modifier of it (``heads``): "the report released on Tuesday"."""
    things = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ in heads:
        things.append(tok.head)
    return things


def _publishes(tok) -> bool:
    """A release of something published (see ``_PUBLISHED_THINGS``), not of people."""
    return any(t.lemma_.lower() in _PUBLISHED_THINGS for t in _acted_on(tok))


# Deployments for an ordinary occasion ("officers deployed for the polls", "troops deployed for
# the festival") are routine security, no strategic development
_DEPLOYING = {"deploy", "deployment"}
_OCCASIONS = {"poll", "polls", "election", "vote", "voting", "festival", "festivity", "festivities", "celebration",
              "holiday", "match", "exam", "examination", "ceremony", "parade", "carnival", "pilgrimage",
              "census", "inauguration", "christmas", "eid", "marathon", "concert", "summit"}


def _stays_away(tok) -> bool:
    """A boycott of a vote, talks or a session (``_SHUNNED``): a party staying away, no gathering."""
    things = _acted_on(tok, ("acl", "relcl", "amod", "compound"))
    things += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    return any(t.lemma_.lower() in _SHUNNED for t in things)


# Words of a death or of harm a detainee suffers "in custody"
_HARMED_IN_CUSTODY = {"death", "die", "dead", "kill", "torture", "beat", "abuse", "mistreatment", "suicide"}


def _died_in_custody(tok) -> bool:
    """"Died in police custody", "a death in custody", "tortured in custody": the custody is
    where the harm happened, not an arrest the sentence reports."""
    doc = tok.doc
    j = tok.i - 1
    while j >= 0 and tok.i - j <= 2 and doc[j].lower_ != "in":
        j -= 1
    if j < 0 or doc[j].lower_ != "in":
        return False
    return any(doc[k].lemma_.lower() in _HARMED_IN_CUSTODY for k in range(max(0, j - 4), j))


def _strike_on(tok) -> bool:
    """A strike noun "on" a thing that is no time ("an army strike on a market", "the strike on
    the convoy") or that hits or kills ("strikes hit a site"): a blow struck, not a walkout ("a
    strike on Monday", "on strike", "the strike hit exports")."""
    if tok.pos_ != "NOUN":
        return False
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _BLOWS and not any(
            c.dep_ == "dobj" and c.lemma_.lower() in _ECONOMY for c in tok.head.children):
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "on" and any(
            p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME") and p.lemma_.lower() not in _DAY_WORDS
            for p in c.children) for c in tok.children)


# What a blow does to its subject's target ("strikes hit a military site", "a strike killed four")
_BLOWS = {"hit", "kill", "target", "destroy", "damage", "wound", "injure", "pound", "flatten", "level"}
# What a walkout hits: "the strike hit exports", "strikes hit production"
_ECONOMY = {"export", "production", "output", "service", "flight", "traffic", "school", "business", "economy",
            "supply", "port", "transport", "operation", "sale", "shipment", "trade"}


# Words of a time a walkout may be "on" ("a strike on Monday", "on the day of the vote")
_DAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "day", "date",
              "morning", "afternoon", "evening", "night", "weekend", "week", "anniversary"}


def _match_lexicon(sent) -> list[Hit]:
    lex = trigger_lexicon()
    hits: list[Hit] = []
    covered: dict[str, set[int]] = {}
    killed: set[tuple[int, str]] = set()  # a verb read with its outcome after the object, and the outcome's family
    w = words(sent.doc)
    for i in range(sent.start, sent.end):
        low, lemma = w.lower[i], w.lemma[i]
        if low not in lex and lemma not in lex:
            continue  # no entry starts here: no Token built for it
        if w.ent_type[i] in ("DATE", "TIME"):
            continue  # "on 26 march", "the march 8 deadline": a month, not a march
        tok = sent.doc[i]
        if _possessive_pronoun(tok):
            continue  # "mine is an optimistic view": the pronoun, not a land mine
        if lemma == "mine" and _mining_site(tok):
            continue  # "striking miners outside a platinum mine": where ore is dug, not a land mine
        if lemma in _SHOWING_VERBS and any(c.dep_ in ("ccomp", "dobj") for c in tok.children):
            continue  # "the incident demonstrates that...", "demonstrated their resolve": shows, not protests
        if lemma == "displace" and tok.dep_ == "amod":
            continue  # "displaced families", "internally displaced people": who they are, not an act
        if lemma in _PUBLISHING_VERBS and _publishes(tok):
            continue  # "figures released on Tuesday", "released the names of the dead"
        if lemma == "custody" and _died_in_custody(tok):
            continue  # "after a death in police custody": where someone died, no arrest told
        if lemma == "boycott" and _stays_away(tok):
            continue  # "parties which boycotted the vote": staying away, no protest
        if lemma in _DEPLOYING and _OCCASIONS.intersection(w.lemma[sent.start:sent.end]):
            continue  # "12,000 officers were deployed for the polls": security for an occasion, no move of war
        hitting = lemma in _HITTING_VERBS and (tok.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lower_ not in _WALKOUT_OBJECTS for c in tok.children) or _strike_on(tok))
        keys = dict.fromkeys((low, lemma))  # the word first, then its lemma: an order, not a hash order
        for entry in (e for k in keys for e in lex.get(k, ())):
            n = len(entry.lemmas)
            if (_particle_after_object(tok, entry.lemmas) or _outcome_after_object(tok, entry.lemmas)) \
                    and entry.pos == "V":
                n = 1  # the verb stands for the phrase
                if len(entry.lemmas) > 1 and tuple(entry.lemmas[1:]) in _OUTCOMES:
                    killed.add((i, entry.family))
            elif not _phrase_at(sent, i, entry.lemmas) or (hitting and entry.family == "protest"):
                continue
            if n == 1 and entry.pos in _POS and w.pos[i] not in _POS[entry.pos] \
                    and not (entry.pos == "N" and w.dep[i] in ("compound", "nmod")):  # "hartal hours"
                continue
            span = sent.doc[tok.i:tok.i + n]
            taken = covered.setdefault(entry.family, set())
            if any(t.i in taken for t in span):
                continue
            taken.update(t.i for t in span)
            hits.append(Hit(entry.family, entry.weight, span.text, span.start_char, span.end_char, span.root))
    if killed:  # "burned him to death": the verb names the killing, not damage done by fire besides
        hits = [h for h in hits if not any(h.head.i == i and h.family in _FIRE_DAMAGE and fam != h.family
                                           for i, fam in killed)]
    return _drop_shadowed(hits)


def _drop_shadowed(hits: list[Hit]) -> list[Hit]:
    """Drop a phrase inside a longer one of another family: "petrol bomb" is no bomb,
    "tear gas shell" no shelling, "suicide bomber" no aircraft."""
    def inside(a: Hit, b: Hit) -> bool:
        return b.start_char <= a.start_char and a.end_char <= b.end_char and (b.end_char - b.start_char) > (a.end_char - a.start_char)
    return [h for h in hits if not any(inside(h, o) and o.family != h.family and " " in o.text for o in hits)]


@dataclass(frozen=True, slots=True)
class _Choice:
    family: str
    rule: str
    bonus: float = 0.0


def _hit_rule(hit: Hit) -> str:
    return f"{hit.family}({hit.text})"


def _reason_tokens(sent) -> set[int]:
    """Indices of tokens inside a reason/topic phrase ("against the killing of...")."""
    out: set[int] = set()
    lemmas = words(sent.doc).lemma
    for i in range(sent.start, sent.end):
        if lemmas[i] in _REASON_HEADS:
            tok = sent.doc[i]
            # "after the gunmen attacked...": a subordinator heads nothing, its clause is its head
            top = tok.head if tok.dep_ == "mark" else tok
            if lemmas[i] in ("after", "following") and _cause_of_death(top):
                continue
            # the subject does the demanding ("a protest demanding..."), it is not the reason
            subj = {t.i for c in top.children if c.dep_ in ("nsubj", "nsubjpass") and top.i == tok.i for t in c.subtree}
            out.update(t.i for t in top.subtree if t.i != tok.i and t.i not in subj)
    return out


def _cause_of_death(top) -> bool:
    """The "after" phrase or clause hangs on a verb of dying: it tells the cause of death, not
    a topic ("the judge died after he was shot", "died following the attack")."""
    return top.head.i != top.i and top.head.lemma_.lower() in DEATH_VERBS


def _cues(hits: Sequence[Hit], family: str, skip: set[int], trigger: Hit) -> list[Hit]:
    return [h for h in hits if h.family == family and h.head.i not in skip and h.head.i != trigger.head.i]


def _token_kinds(tok, depth: int = 0) -> set[str]:
    """What kind of party a noun names (state, civilian, ...), from its head and modifiers.
    Read once per token in a document: every trigger of a sentence asks again."""
    known = per_doc(tok.doc, "classify.token_kinds", dict)
    key = (tok.i, depth)
    kinds = known.get(key)
    if kinds is None:
        kinds = known[key] = frozenset(_read_token_kinds(tok, depth))
    return set(kinds)


def _read_token_kinds(tok, depth: int) -> set[str]:
    kinds = set(participant_kinds(tok.lemma_.lower()) or participant_kinds(tok.lower_))
    if tok.lower_ == "armed":
        kinds.add("armed")
    own = set(kinds)
    for child in tok.children:
        if depth < 2 and (child.dep_ in ("compound", "amod", "nmod", "poss")
                          or (child.dep_ == "prep" and child.lower_ == "of")):
            sub = child if child.dep_ != "prep" else next((c for c in child.children if c.dep_ == "pobj"), None)
            if sub is not None:  # "a group of unidentified armed men", "members of the police department"
                inherited = _token_kinds(sub, depth + 1) - {"person"}
                if own & {"prominent", "civilian"}:  # "the leader of a movement" is no fighter of it
                    inherited -= _dictionary_kinds(sub)
                kinds |= inherited
    if tok.lemma_.lower() in CARRIERS and "civilian" in kinds - own:
        kinds -= {"state", "armed"}  # "a passenger convoy", "a convoy of aid trucks": who it carries
    if tok.ent_type_ == "PERSON" or _named_by_age(tok):
        kinds.add("person")
    kinds |= _dictionary_kinds(tok)
    if tok.lemma_.lower() == "head" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        kinds.add("prominent")  # "the head of the journalists' union"
    if any(c.lemma_.lower() in ("civilian", "unarmed", "off-duty", "former", "retired") for c in tok.children):
        kinds = (kinds - {"state", "nonstate", "armed"}) | {"civilian"}
    elif in_uniform(tok):
        kinds = (kinds - {"civilian", "crowd"}) | {"armed"}
    return kinds


_AGE_UNITS = {"year", "month", "week", "day"}
# Nouns of a column of vehicles, a party of the kind of those it carries ("a convoy of passenger
# vehicles", "a passenger convoy"); actors names such a column by what it carries too
CARRIERS = frozenset({"convoy", "column"})


def _named_by_age(tok) -> bool:
    """"a 17-year-old was shot": a person the report names by age alone."""
    return tok.lower_ == "old" and any(c.dep_ == "npadvmod" and c.lemma_.lower() in _AGE_UNITS for c in tok.children)


# Dress of armed men: "men wearing military uniforms" are armed, whoever they are; the
# uniforms of civilian callings are not ("children in school uniforms").
_UNIFORMS = {"uniform", "fatigues", "camouflage"}
_DRESSING = {"wear", "dress", "clad", "disguise"}
_CIVILIAN_DRESS = {"school", "student", "nurse", "hospital", "sports", "football", "team", "work"}


def _armed_dress(tok) -> bool:
    return tok.lemma_.lower() in _UNIFORMS and not any(
        c.lemma_.lower() in _CIVILIAN_DRESS for c in tok.children if c.dep_ in ("compound", "amod", "nmod"))


def in_uniform(tok) -> bool:
    """The noun names people in uniform ("uniformed individuals", "men wearing military
    uniforms", "a group dressed in police uniforms", "40 men in uniform"): armed men, not
    civilians or a crowd, though the report cannot say whose."""
    for c in tok.children:
        if c.dep_ == "amod" and c.lower_ == "uniformed":
            return True
        if c.dep_ == "acl" and c.lemma_.lower() in _DRESSING and any(_armed_dress(t) for t in c.subtree):
            return True
        if c.dep_ == "prep" and c.lower_ == "in" and any(
                g.dep_ == "pobj" and _armed_dress(g) for g in c.children):
            return True
    return False


# ACLED inter codes of dictionary actors: state forces, and the armed groups (rebels, militias, external forces).
_INTER_KINDS = {1: "state", 2: "nonstate", 3: "nonstate", 4: "nonstate", 8: "armed"}


def _dictionary_kinds(tok) -> set[str]:
    """A word of a named armed group or state force ("members of the Shining Path") is armed;
    one of a political party ("BJP workers") names its supporters, partisans."""
    if tok.ent_type_ != "ACTOR":
        return set()
    from ..resources.actors import PARTY, load_actors

    entries = load_actors().entries
    found = [entries[k] for k in tok.ent_id_.split("|") if k in entries]
    return {"partisan" if e.actor_type == PARTY else _INTER_KINDS.get(e.inter) for e in found} - {None}


def _party_kinds(tokens: Iterable) -> set[str]:
    kinds: set[str] = set()
    for tok in tokens:
        kinds |= _token_kinds(tok)
        for conj in tok.conjuncts:
            kinds |= _token_kinds(conj)
        for child in tok.children:  # "X, a village elder": the appositive says who X is
            if child.dep_ == "appos":
                kinds |= _token_kinds(child)
        if "crowd" in _token_kinds(tok):  # "a crowd of demonstrators": the crowd is who it is made of
            kinds |= {k for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj" for k in _token_kinds(g)}
    return kinds


# Nouns of a person that a headline writes without an article ("Man shot", "Woman stabbed").
_PERSON_NOUNS = frozenset({"man", "woman", "teen", "teenager", "boy", "girl", "child", "person", "father",
                           "mother", "student", "driver", "officer", "deputy", "trooper", "toddler", "pastor",
                           "clerk", "cabbie", "grandmother", "grandfather", "youth", "infant", "baby", "guard"})


# What a verb in a headline's elided passive lacks: an object, an auxiliary ("Man shot outside bar").
_NOT_ELIDED = ("dobj", "aux", "auxpass", "dative")


def elided_passive(verb) -> bool:
    """A past form with no object and no auxiliary: the shape of a headline's passive ("Man
    shot ...", "12 soldiers killed"), whose subject may be the one harmed."""
    return verb.tag_ in ("VBD", "VBN") and not any(c.dep_ in _NOT_ELIDED for c in verb.children)


def headline_victim(subject) -> bool:
    """A singular person noun with no determiner or possessive before it ("Man", "Teen"): the
    subject of a headline's harm verb with no object ("Man shot outside nightclub") is its victim."""
    return subject.lower_ in _PERSON_NOUNS and subject.tag_ in ("NN", "NNP") and not any(
        c.dep_ in ("det", "poss") for c in subject.children)


def roles(tok) -> tuple[list, list]:
    """(initiators, targets) of a trigger token, read from its dependents."""
    agents, targets = [], []
    headline = elided_passive(tok)
    for c in tok.children:
        if c.dep_ in ("nsubj",):
            (targets if headline and headline_victim(c) else agents).append(c)
        elif c.dep_ in ("nsubjpass", "dobj", "pobj", "attr"):
            targets.append(c)
            if c.lemma_.lower() == "fire":  # "opened fire on X"
                targets += [g for p in c.children if p.dep_ == "prep" and p.lower_ in ("on", "at", "upon")
                            for g in p.children if g.dep_ == "pobj"]
        elif c.dep_ == "agent":
            agents += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "targeting", "upon", "of"):
            targets += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ == "prep" and c.lower_ in ("between", "with", "among", "involving"):
            parties = [g for g in c.children if g.dep_ == "pobj"]
            targets += parties + [x for g in parties for x in g.conjuncts]
        elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
            agents += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ in ("compound", "poss") and tok.pos_ in ("NOUN", "PROPN"):
            agents.append(c)
    head = tok.head
    if tok.pos_ in ("NOUN", "PROPN") and head.i != tok.i:
        if tok.dep_ in ("dobj", "pobj") and head.pos_ in ("VERB", "ADP"):
            verb = head if head.pos_ == "VERB" else head.head
            agents += [c for c in verb.children if c.dep_ == "nsubj"]
        elif tok.dep_ in ("nsubj",):  # "the attack killed three soldiers"
            targets += [c for c in head.children if c.dep_ in ("dobj",)]
            # "a clash took place between police and activists"
            targets += [g for p in head.children if p.dep_ == "prep" and p.lower_ in ("between", "with", "involving")
                        for g in p.children if g.dep_ == "pobj" for g in (g, *g.conjuncts)]
    elif tok.dep_ in ("xcomp", "conj", "advcl") and not agents:
        agents += [c for c in head.children if c.dep_ == "nsubj"]
        if tok.dep_ == "conj" and not targets:
            targets += [c for c in head.children if c.dep_ in ("nsubjpass", "dobj")]
    if tok.pos_ == "VERB" and not targets:  # "attacked and fired at a patrol"
        targets += [g for conj in tok.conjuncts for c in conj.children
                    for g in ([c] if c.dep_ == "dobj" else [x for x in c.children if x.dep_ == "pobj"]
                              if c.dep_ == "prep" and c.lower_ in ("on", "at", "against") else [])]
    return agents, targets


# Civilians who riot as a body; "two men" or "a person" do not make a mob.
_CROWD_CIVILIANS = {"student", "villager", "resident", "youth", "farmer", "voter", "local", "trader",
                    "worker", "labourer", "laborer", "citizen", "national"}


# Words of an armed band whose "members" are no party's or crowd's ("gang members set fire to a bus")
_ARMED_BANDS = frozenset({"gang", "cartel", "militia", "rebel", "insurgent", "mafia"})


def _members_of_an_armed_band(tokens) -> bool:
    return any(c.dep_ == "compound" and c.lemma_.lower() in _ARMED_BANDS for tok in tokens for c in tok.children)


def _crowd_like(tokens) -> bool:
    return any(t.lemma_.lower() in _CROWD_CIVILIANS for tok in tokens for t in (tok, *tok.conjuncts))


def _uses_firearm(hit: Hit, hits: Sequence[Hit]) -> bool:
    return any(h.family == "cue_firearm" for h in hits) or hit.head.lemma_.lower() in ("shoot", "fire", "open")


def _sentence_kinds(sent) -> set[str]:
    pos = words(sent.doc).pos
    return _party_kinds(sent.doc[i] for i in range(sent.start, sent.end) if pos[i] in ("NOUN", "PROPN"))


def _by_state(cue: Hit) -> bool:
    agents, _targets = roles(cue.head)
    return "state" in _party_kinds(agents)


def _dispersed_of_itself(tok) -> bool:
    """A crowd that disperses with no one dispersing it ("before dispersing peacefully", "the
    marchers dispersed at dusk") met no intervention: 'disperse' names police action only with
    an object or in the passive ("to disperse the crowd", "were dispersed by police")."""
    return tok.lemma_.lower() == "disperse" and not any(
        c.dep_ in ("dobj", "nsubjpass", "auxpass", "agent") for c in tok.children)


def crowd_intervention(sent) -> Trigger | None:
    """A sentence that tells only of police or troops acting on a crowd ("Police intervened
    and dispersed the crowd", "Security forces used tear gas"): no event of its own, but the
    protest told just before it met an intervention (ACLED's Protest with intervention)."""
    from .modality import negation  # modality reads triggers; import late

    hits = match_lexicon(sent)
    cue = next((h for h in hits if h.family == "cue_intervention" and not _dispersed_of_itself(h.head)
                and negation(h.head) is None  # "police watched but did not intervene"
                and (_by_state(h) or (h.weight >= 0.5 and "state" in _sentence_kinds(sent)))), None)
    if cue is None:
        return None
    return Trigger(cue.text, cue.start_char, cue.end_char, "Protests", "Protest with intervention",
                   f"intervention:{_hit_rule(cue)}", round(0.3 * cue.weight, 3))


def _refine_protest(hit: Hit, hits: Sequence[Hit], skip: set[int]) -> _Choice:
    from .modality import negation  # modality reads triggers; import late

    for fam, out in (("cue_lethal", "protest_excessive"), ("cue_violent", "riot_by_crowd"),
                     ("cue_intervention", "protest_intervention"), ("arrest", "protest_intervention"),
                     ("cue_violent", "riot"), ("riot", "riot")):
        cues = _cues(hits, fam, skip, hit)
        if out == "riot_by_crowd":
            # "police fired water cannon at farmers who set fire to hay bales": a crowd that burns,
            # smashes or throws is a violent demonstration, whatever the police did about it
            cues = [c for c in cues if c.weight >= 0.7 and not _by_state(c) and negation(c.head) is None
                    and c.head.pos_ == "VERB"]
            if cues:
                return _Choice("riot", f"+{_hit_rule(cues[0])}", 0.05)
            continue
        # "stopped", "prevented" or killings mean intervention only when police or troops do them
        # "made no arrests", "did not use tear gas": a step not taken
        cues = [c for c in cues if (c.weight >= 0.5 or _by_state(c)) and not _dispersed_of_itself(c.head)
                and negation(c.head) is None]
        if fam == "cue_lethal":
            cues = [c for c in cues if _by_state(c) or "protester" in _party_kinds(roles(c.head)[1])]
        if cues:
            return _Choice(out, f"+{_hit_rule(cues[0])}", 0.05)
        if fam == "cue_intervention" and _fired_on_protesters(hits, skip, by_state=True):
            return _Choice("protest_excessive", "+sentence:state_fired_on_protesters", 0.05)  # no tear gas, no rubber bullets
    return _Choice(hit.family, "")


def _refine_violence(hit: Hit, hits: Sequence[Hit], sent, skip: set[int]) -> _Choice:
    weapon = next((h for fam in _WEAPONS for h in hits
                   if h.family == fam and h.head.i not in skip and h.weight >= 0.7
                   and not separate_acts(h.head, hit.head)
                   and not (fam == "grenade" and _crowd_control_grenade(h, hits))), None)
    if weapon is not None:
        return _refine_explosion(weapon, hits, skip, via=f"+weapon:{_hit_rule(weapon)}")
    agents, targets = roles(hit.head)
    a_kinds, t_kinds = _party_kinds(agents), _party_kinds(targets)
    crowd_control = [h for h in hits if h.family == "cue_intervention" and h.head in targets]
    lethal = [h for h in hits if h.family == "cue_lethal" and h.head.i not in skip]
    fired = lethal or [h for h in hits if h.family == "cue_firearm" and h.head.i not in skip
                       and _party_kinds(roles(h.head)[1]) & {"crowd", "protester"}]
    if crowd_control and fired and "state" in a_kinds:  # "beat marchers with batons and fired on the crowd"
        return _Choice("protest_excessive", f"+object:{_hit_rule(crowd_control[0])}+{_hit_rule(fired[0])}", 0.1)
    if crowd_control:  # "fired tear gas": police dispersing a crowd, not an attack
        return _Choice("protest_intervention", f"+object:{_hit_rule(crowd_control[0])}", 0.1)
    if "protester" in t_kinds and a_kinds & {"state"}:
        return _Choice("protest_excessive", "+target:protesters", 0.05)
    if a_kinds & {"state"} and "crowd" in t_kinds and "protester" in _sentence_kinds(sent):
        return _Choice("protest_excessive", "+target:crowd_of_protesters", 0.05)  # "fired on the crowd"
    if a_kinds & {"state"} and _fired_on_protesters(hits, skip):
        return _Choice("protest_excessive", "+sentence:fired_on_protesters", 0.05)
    if not agents and _fired_on_protesters(hits, skip, by_state=True):  # "three were killed when police fired on protesters"
        return _Choice("protest_excessive", "+sentence:state_fired_on_protesters", 0.05)
    if a_kinds & {"state"} and not t_kinds - {"crowd", "protester"} and lethal:
        march = _protest_told_with(hit, hits, skip)
        if march is not None:  # "soldiers opened fire as demonstrators marched on the palace"
            return _Choice("protest_excessive", f"+sentence:{_hit_rule(march)}", 0.05)
    fight = next((h for h in hits if h.family in ("clash", "cue_direct_fire") and h.head.lemma_.lower() in _TWO_SIDED
                  and _died_in(h.head, hit.head)), None)
    if fight is not None and not t_kinds & {"protester", "crowd"}:
        return _Choice("clash", f"+{_hit_rule(fight)}", 0.03)  # "was killed after exchanging fire with police"
    mobbish = a_kinds & {"crowd", "protester"} or _crowd_like(agents)
    # "a group of unidentified individuals killed ...": assailants the report cannot name act as
    # an armed group, not as a crowd
    if mobbish and not a_kinds & (_ARMED | {"person", "partisan", "unknown"}) and not _uses_firearm(hit, hits):
        if "protester" in a_kinds:  # demonstrators who turn violent riot; a mob has no protest
            return _Choice("riot", "+agent:protesters", 0.03)
        return _Choice("mob", "+agent:crowd", 0.03)  # residents or a crowd, not an armed group
    if t_kinds & _ARMED:
        return _Choice("attack_armed", "+target:armed", 0.03)
    if t_kinds & {"civilian", "prominent", "person", "partisan"}:
        return _Choice("attack_civilian", "+target:civilians", 0.03)
    if _arson_named(hit.head) and not _casualties(sent):  # "an arson attack targeting a plant"
        return _Choice("looting", "+arson_attack")
    if t_kinds & {"facility"} and hit.head.lemma_.lower() in _PROPERTY_VERBS and not t_kinds & {"civilian"} \
            and not _casualties(sent):  # "attacked a bus, killing five": people were the target
        return _Choice("looting", "+target:property")
    agent_ids = {t.i for a in agents for t in a.subtree}
    # a headline's "settlers attack village" parses the doer as a compound before the act
    agent_ids |= {t.i for c in hit.head.children if c.dep_ == "compound" and c.i < hit.head.i for t in c.subtree}
    pos = words(sent.doc).pos
    # the act's own noun is no party to it ("militia attack on a camp kills 19": "attack" holds its doers)
    nouns = [sent.doc[i] for i in range(sent.start, sent.end)
             if pos[i] in ("NOUN", "PROPN") and i not in agent_ids and i != hit.head.i]
    told_by = speaker_span(sent)
    if told_by is not None:
        speaker = [t for t in nouns if told_by[0] <= t.idx < told_by[1]]
        if _party_kinds(speaker) & {"state"}:  # the police who tell of it ("..., police said") are no party to it
            nouns = [t for t in nouns if t not in speaker]
    kinds = _party_kinds(nouns)
    # a murder, a massacre or an assassination is one-sided: armed men named elsewhere in
    # its sentence ("after the guerrillas learned of the assassination") are no victims of it
    one_sided = any(h.family == "cue_one_sided" and h.head.i == hit.head.i for h in hits)
    if kinds & {"state", "nonstate"} and not kinds & {"civilian", "person", "prominent"} and not one_sided:
        return _Choice("attack_armed", "+sentence:armed_victims")
    return _Choice("attack_civilian", "+default:civilians")  # unknown victims of an armed attack


_IN_PREPS = {"in", "during", "after", "following"}
# fights with two sides firing: a raid or an incursion may meet no resistance
_TWO_SIDED = {"shootout", "gunfight", "firefight", "battle", "exchange", "clash", "crossfire",
              "fighting", "fight", "encounter", "skirmish"}


def _died_in(fight, act) -> bool:
    """The act happened in or after the fight: the fight words hang on the act by "in",
    "during" or "after" ("killed in a shootout", "wounded after exchanging fire with police"),
    not as what the act set off ("killed a trader, sparking a gun battle")."""
    node = fight
    while node.head.i != node.i and node.head.i != act.i:
        node = node.head
    return node.head.i == act.i and node.i != act.i and node.dep_ == "prep" and node.lower_ in _IN_PREPS


def _arson_named(tok) -> bool:
    """An attack noun that "arson" names ("an arson attack"): a burning, not an attack on people."""
    return tok.pos_ == "NOUN" and any(c.dep_ in ("compound", "amod") and c.lemma_.lower() == "arson" for c in tok.children)


def _clause(tok):
    """The verb of the clause a word stands in: the first verb above it with a subject of its own."""
    node = tok
    for _ in range(30):
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return node
        if node.head.i == node.i:
            return node
        node = node.head
    return node


def _told_apart(inner, outer, words: set[int]) -> bool:
    """Is the clause of ``inner`` joined to ``outer`` as a relative clause on a party ("the
    group, which killed the general, ...")? Then it tells another act. A relative clause on
    the act's own words ("a bomb that destroyed a pylon", "the car bomb attack which destroyed
    the building", "the bodies of the victims of the plane that exploded") tells the same act,
    and so does a clause joined by "and" ("one was killed and three injured")."""
    node = inner
    while node.i != outer.i and node.head.i != node.i:
        if node.dep_ == "relcl" and node.head.i not in words:
            return True
        if _conjoined_on_another_day(node, outer):
            return True  # "a bomb killed three on Sunday, and militants fired mortars on Monday"
        node = node.head
    return False


def _own_day(verb) -> str | None:
    """The day a clause's verb is told on by a phrase of its own ("on Sunday"), lower case."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "at", "in"):
            for g in prep.children:
                if g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME"):
                    return g.lower_
    for c in verb.children:
        if c.dep_ == "npadvmod" and c.ent_type_ == "DATE":  # "killed three Sunday"
            return c.lower_
    return None


def _another_days_act(a, b) -> bool:
    """Two words of a sentence in two clauses joined by "and", each with its own subject and its
    own day ("a bomb killed three on Sunday, and militants fired mortars on Monday"), or parted
    by a semicolon ("Roadside bomb kills three in Mogadishu; mortars hit base in Afgooye")."""
    lo, hi = sorted((a.i, b.i))
    if any(t.text == ";" for t in a.doc[lo:hi]):
        return True
    ca, cb = _clause(a), _clause(b)
    if ca.i == cb.i:
        return False
    inner, outer = (cb, ca) if ca.is_ancestor(cb) else (ca, cb) if cb.is_ancestor(ca) else (None, None)
    return inner is not None and _conjoined_on_another_day(inner, outer)


def _conjoined_on_another_day(inner, outer) -> bool:
    if not (inner.dep_ == "conj" and inner.head.i == outer.i and any(c.dep_ == "nsubj" for c in inner.children)):
        return False
    day, other = _own_day(inner), _own_day(outer)
    return day is not None and other is not None and day != other


def separate_acts(a, b) -> bool:
    """Do two words of a sentence belong to two acts told apart? Words of one clause, or of a
    clause and the clause it qualifies ("died when a bomb exploded", "exploded, killing
    three"), belong to one act; a relative clause on a party, or clauses neither of which
    governs the other, tell two."""
    ca, cb = _clause(a), _clause(b)
    if ca.i == cb.i:
        return False
    words = {t.i for w in (a, b) for t in w.subtree} | {a.head.i, b.head.i}
    if ca.is_ancestor(cb):
        return _told_apart(cb, ca, words)
    if cb.is_ancestor(ca):
        return _told_apart(ca, cb, words)
    return True


def _sentence_agents(hit: Hit) -> list:
    """Subjects of the verb a noun trigger is the object of ("police conducted a raid")."""
    verb = hit.head.head
    return [c for c in verb.children if c.dep_ == "nsubj"] if verb.pos_ in ("VERB", "AUX") else []


def _fired_on_protesters(hits: Sequence[Hit], skip: set[int], by_state: bool = False) -> bool:
    """Another violent phrase of the sentence acts on protesters ("police killed two when they
    opened fire on protesters"); with ``by_state``, it names state forces as the ones acting
    (for a killing told with no killer: "three were killed when troops fired on marchers")."""
    for h in hits:
        if h.family in ("violence", "cue_firearm", "cue_lethal") and h.head.i not in skip:
            agents, targets = roles(h.head)
            if "protester" in _party_kinds(targets) and (not by_state or "state" in _party_kinds(agents)):
                return True
    return False


def _protest_told_with(hit: Hit, hits: Sequence[Hit], skip: set[int]) -> Hit | None:
    """A protest word in the same act as the violence ("fired as marchers neared the palace"),
    not in a reason phrase ("after protests") nor in a clause of its own."""
    return next((h for h in hits if h.family == "protest" and (h.head.i not in skip or _force_against(h.head))
                 and not separate_acts(h.head, hit.head)), None)


_OF_THEM = "+object:them"


def _of_them(targets) -> bool:
    """The people acted on are those told of before: "them", "12 of them", "some of them"."""
    return any(t.lower_ == "them" or any(c.lower_ == "of" and any(g.lower_ == "them" for g in c.children)
                                         for c in t.children) for t in targets)


_WHILE_MARKS = {"as", "while", "when"}
_AT_PREPS = {"during", "at"}


def _arrested_at_protest(hit: Hit, hits: Sequence[Hit]) -> Hit | None:
    """A protest told as the time or place of the arrests ("detained 14 as they gathered for a
    vigil", "arrested dozens at the rally"): a clause or phrase of the arrest verb itself, not a
    protest named elsewhere in the sentence ("arrest in the shooting during a vigil")."""
    for child in hit.head.children:
        timed = (child.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in _WHILE_MARKS
                                               for m in child.children)) \
            or (child.dep_ == "prep" and child.lower_ in _AT_PREPS)
        if not timed:
            continue
        inside = {t.i for t in child.subtree}
        march = next((h for h in hits if h.family == "protest" and h.weight > 0.4 and h.head.i in inside), None)
        if march is not None:
            return march
    # "workers who tried to block the road were arrested", "agitating teachers were detained"
    doers = {t.i for t in roles(hit.head)[1] for t in t.subtree}
    return next((h for h in hits if h.family == "protest" and h.weight > 0.4 and h.head.pos_ == "VERB"
                 and h.head.i in doers), None)


def _arrested_joining(hit: Hit, hits: Sequence[Hit]) -> Hit | None:
    """The people arrested are told as taking part in a protest named by its noun: "detained
    three people who tried to join a march"."""
    doers = {t.i for t in roles(hit.head)[1] for t in t.subtree}
    return next((h for h in hits if h.family == "protest" and h.weight > 0.4 and h.head.i in doers
                 and h.head.dep_ == "dobj" and h.head.head.lemma_.lower() in _JOIN_VERBS), None)


# Verbs of taking part in a protest named by its noun ("join a march", "attend a rally")
_JOIN_VERBS = frozenset({"join", "attend", "hold", "stage", "lead", "organise", "organize"})


_FORCE_VERBS = {"use", "fire", "shoot", "deploy", "employ", "turn"}


def _force_against(tok) -> bool:
    """The protest word stands in an 'against' phrase of a verb of force, which names the
    force's target, not the reason for the protest ("used live rounds against students
    protesting fees"); "marched against fees" keeps its 'against' on the protest."""
    return any(a.lower_ == "against" and a.dep_ == "prep"
               and _FORCE_VERBS & {a.head.lemma_.lower(), a.head.head.lemma_.lower()} for a in tok.ancestors)


def _casualty_word(tok) -> bool:
    """A count cue word of people killed or hurt (kill, wound, dead...), read in any construction."""
    cue = count_cues().get(tok.lemma_.lower())
    return cue is not None and cue[0] in ("fatalities", "injured") and cue[1] not in _NOT_CASUALTY_WORDS


def _casualties(sent) -> bool:
    """The sentence tells of people killed or hurt (count cue words: kill, wound, dead...)."""
    return any(_casualty_word(t) for t in sent)


def _harm_told_with(verb) -> bool:
    """A verb of killing or hurting joined to the act ("set fire to homes, injuring four
    people", "torched the shops and wounded two guards"): people were harmed by it, not only
    named in the sentence ("set fire to the club and threatened to kill the judge")."""
    return any(c.dep_ in ("advcl", "conj") and c.pos_ == "VERB" and _casualty_word(c)
               and not any(m.dep_ == "mark" and m.lower_ in _CAUSE_MARKS for m in c.children) for c in verb.children)


# Words opening a clause that tells what an act answered, not what it did: "set fire to the
# station after a young man died in custody"
_CAUSE_MARKS = {"after", "because", "since", "following"}


# Cue rows read only in their own constructions (a headline's participle, an adjective
# on an event noun, a death noun with its victim): see count_cues.csv.
_NOT_CASUALTY_WORDS = ("participle", "event", "noun")


# Clash words that also name an armed group's assault on an unarmed place ("stormed a church").
_ASSAULT_WORDS = {"storm", "raid"}


def _refine_clash(hit: Hit, sent) -> _Choice:
    if hit.head.lemma_.lower() in _ASSAULT_WORDS:
        agents, targets = roles(hit.head)
        t_kinds = _party_kinds(targets)
        if t_kinds & {"civilian", "facility", "person", "prominent"} and not t_kinds & (_ARMED | {"state"}) \
                and not _party_kinds(agents) & {"state"}:
            return _Choice("attack_civilian", "+target:unarmed")
    if hit.head.lemma_.lower() in _ARMED_CLASH_WORDS or hit.weight >= 0.85:
        return _Choice("clash", "")  # a gunfight or an ambush needs arms on both sides
    agents, targets = roles(hit.head)
    kinds = _party_kinds(agents + targets)
    if kinds == {"state"}:  # "a clash with police": who fought them may be named elsewhere
        kinds |= _sentence_kinds(sent)
    if not kinds:  # parties not in the parse: only a sentence without armed actors makes a mob
        kinds = _sentence_kinds(sent)
        if kinds & {"crowd", "partisan", "protester"} and not kinds & (_ARMED | {"state"}):
            return _Choice("mob", "+sentence:unarmed")
        return _Choice("clash", "")
    unarmed = kinds & {"crowd", "partisan", "protester"} or _crowd_like(agents + targets)
    if "protester" in kinds or (unarmed and "state" in kinds and not kinds & {"nonstate", "armed"}):
        return _Choice("riot", "+parties:unarmed_vs_police")  # ACLED: demonstrators fighting police riot
    if unarmed and not kinds & _ARMED:
        return _Choice("mob", "+parties:unarmed")
    return _Choice("clash", "")


# Plural nouns of a charge's material, not of many blasts ("rigged with explosives")
_MATERIALS = {"explosive"}


# The least weight of a clash word that names fighting itself (triggers.csv): "raid", "fight",
# "clash"; not "operation" or "shot".
_FIGHT_WEIGHT = 0.5


def _refine_explosion(hit: Hit, hits: Sequence[Hit], skip: set[int], via: str = "") -> _Choice:
    # the words of another act told in the sentence ("..., and militants fired mortars at a base
    # on Monday") say nothing of this one's weapon
    spans = [h for h in hits if h.head.i not in skip and (h is hit or not _another_days_act(h.head, hit.head))]
    fams = {h.family for h in spans}
    if fams & {"disrupted"} and not any(h.text.lower() in ("explode", "exploded", "blast", "explosion", "detonated")
                                         for h in spans):
        cue = next(h for h in spans if h.family == "disrupted")
        return _Choice("disrupted", f"{via}+{_hit_rule(cue)}")
    agents = {t.i for a in _agents_near(_compound_head(hit)) for t in a.subtree}
    squad = next((h for h in spans if h.family == "disrupted" and h.head.i in agents), None)
    if squad is not None:  # "a bomb squad detonated the device": made safe, not set off
        return _Choice("disrupted", f"{via}+agent:{_hit_rule(squad)}")
    # an exchange of fire is a battle; a word that only may mean fighting ("an operation", "a
    # shot") does not make a blast one ("returning from an operation when the blast hit them")
    # (a participle that describes a place is its state, not this act: "the besieged town")
    fight = next((h for h in spans if h.family in ("clash", "cue_direct_fire") and h.weight >= _FIGHT_WEIGHT
                  and not (h.head.dep_ == "amod" and " " not in h.text.strip())), None)
    if fight is not None and not fams & {"suicide", "ied", "air", "chemical"}:
        fought = _refine_clash(fight, hit.head.sent)
        if fought.family == "mob":  # party supporters who fought with stones and crude bombs
            return _Choice("mob", f"{via}+{_hit_rule(fight)}{fought.rule}", 0.04)
        return _Choice("clash", f"{via}+{_hit_rule(fight)}", 0.04)
    # small arms beside the mortar, not the verb that fires it ("fired mortars at the barracks")
    arms = [h for h in spans if h.family == "cue_firearm" and not h.head.is_ancestor(hit.head)]
    if hit.family in ("shelling", "grenade") and arms and _armed_targets_only(hit.head.sent, spans):
        cue = arms[0]
        return _Choice("clash", f"{via}+{_hit_rule(cue)}+target:armed", 0.04)
    if fams == {"explosion"} or (hit.family == "explosion" and not fams & set(_WEAPONS[:-1])):
        if hit.head.tag_ in ("NNS", "NNPS") and hit.head.lemma_.lower() not in _MATERIALS \
                and not any(h.head.lemma_.lower() == "bomb" for h in spans):
            heard = next((h for h in spans if h.family == "cue_firearm" and h.head.lemma_.lower() in _GUNFIRE
                          and h.head in hit.head.conjuncts), None)
            if heard is not None:  # "heavy gunfire and explosions": the sound of a fight, not shelling
                return _Choice("clash", f"{via}+{_hit_rule(heard)}", 0.04)
            return _Choice("shelling", f"{via}+plural_explosions")  # many blasts at a front: indirect fire
    near = _party_kinds(_agents_near(hit))
    if not fams & {"suicide", "air", "shelling"} and near & {"partisan", "crowd", "protester"} and not near & _ARMED:
        return _Choice("riot", f"{via}+agent:crowd")  # crude bombs thrown by pickets or a crowd
    for fam in _WEAPONS:
        if fam in fams:
            cue = next(h for h in spans if h.family == fam)
            extra = "" if cue is hit else f"+{_hit_rule(cue)}"
            return _Choice(fam, via + extra, 0.02)
    return _Choice(hit.family, via)


# Nouns of shots heard, which joined to "explosions" tell of a fight: "heavy gunfire and explosions"
_GUNFIRE = {"gunfire", "gunshot", "shooting", "shot", "firing", "fire"}


def _armed_targets_only(sent, hits: Sequence[Hit]) -> bool:
    """Mortars or grenades fired together with rifles at soldiers, police or their posts: a
    ground attack on an armed party, which ACLED codes as a battle (armed clash), not as
    remote violence. The parties are read outside the subjects of the sentence's verbs (the attackers)."""
    agents = [t for t in sent if t.dep_ == "nsubj" or t.dep_ == "pobj" and t.head.dep_ == "agent"]
    left_out = {t.i for a in agents for t in a.subtree} | {h.head.i for h in hits}
    kinds: set[str] = set()
    for t in sent:  # each noun alone, not its list: "machine guns and sniper rifles" are no regiment
        if t.pos_ in ("NOUN", "PROPN") and t.i not in left_out and t.lemma_.lower() not in _WEAPON_NOUNS:
            kinds |= _token_kinds(t)
    return bool(kinds & {"state"}) and not kinds & {"civilian", "person", "prominent", "protester", "crowd"}


def _compound_head(hit: Hit) -> Hit:
    """The hit read at the noun its words qualify ("a mortar round", "the car bomb")."""
    head = hit.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return Hit(hit.family, hit.weight, hit.text, hit.start_char, hit.end_char, head)


def _agents_near(hit: Hit) -> list:
    """Who set off a weapon: the subject of the weapon's verb ("pickets blasted crude bombs")."""
    agents, _targets = roles(hit.head)
    if not agents and hit.head.dep_ in ("dobj", "nsubjpass") and hit.head.head.pos_ == "VERB":
        verb = hit.head.head
        agents = [c for c in verb.children if c.dep_ == "nsubj"]
        agents += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return agents


# Things, not people, that news says "disappeared": papers, money, arms, vehicles.
_THINGS = frozenset({"evidence", "document", "file", "record", "archive", "paper", "report", "money", "fund",
                     "cash", "weapon", "arm", "ammunition", "car", "vehicle", "truck", "aircraft", "plane", "boat",
                     "ship", "cargo", "shipment", "data", "tape", "letter"})


def _thing_vanished(verb) -> bool:
    """"Disappear" said of a thing ("evidence on the case disappeared from the files", "the
    money disappeared"): something lost or hidden, not a person taken away (ACLED's forced
    disappearance is done to people)."""
    if verb.lemma_.lower() != "disappear":
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(s.lemma_.lower() in _THINGS for s in subjects)


def _has_child_lemma(tok, lemmas: set[str]) -> bool:
    return any(t.lemma_.lower() in lemmas for t in tok.subtree if t.i != tok.i)


# Verbs of seizing that take a place ("seized the town") as well as arms ("seized rifles").
_TAKE_VERBS = {"seize", "take", "grab", "recover"}  # "recovered the town": taken back
# verbs that take people as readily as places: people taken by them are arrested or abducted
_PEOPLE_TAKING_VERBS = {"capture", "seize", "grab"}


def _driven_from_place(verb) -> bool:
    """ "drove the rebels out of the town", "pushed them from their positions": the place is
    in the verb's "out of" or "from", not its object."""
    return any(c.dep_ in ("prep", "prt", "advmod") and c.lower_ in ("out", "from") and _places(c.subtree)
               for c in verb.children)


def _people_taken(agents, t_kinds) -> _Choice:
    """People captured or seized: arrested by police or troops, abducted by anyone else
    ("bandits seized 30 schoolchildren"); fighters captured in a battle are prisoners of it."""
    a_kinds = _party_kinds(agents)
    if "state" in a_kinds or not a_kinds or t_kinds & _ARMED:
        return _Choice("arrest", "+object:people")
    return _Choice("abduction", "+object:people+agent:non-state")


def _places(tokens) -> bool:
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") or t.lemma_.lower() in _PLACE_NOUNS for t in tokens)


def _refine_capture(hit: Hit, sent) -> _Choice | None:
    agents, targets = roles(hit.head)
    targets += [g for t in targets if t.lemma_.lower() == "control"
                for p in t.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    t_kinds = _party_kinds(targets)
    lemma = hit.head.lemma_.lower()
    if lemma == "take" and not any(c.dep_ == "dobj" for c in hit.head.children):
        return None  # "took to the streets", "took part": no place taken
    if "vehicle" in t_kinds and lemma != "take":  # "took his car" is a theft, not a hijacking
        return _Choice("hijack", "+object:vehicle", 0.05)
    placey = any(t.ent_type_ in ("GPE", "LOC", "FAC") or t.lemma_.lower() in _PLACE_NOUNS for t in targets) \
        or hit.family == "regain" or "control" in hit.text.lower() or _driven_from_place(hit.head)
    if not placey:
        if lemma in _PEOPLE_TAKING_VERBS and t_kinds & (_ARMED | {"civilian", "person", "partisan"}):
            return _people_taken(agents, t_kinds)
        return None
    a_kinds = _party_kinds(agents)
    if a_kinds & {"protester", "crowd"} and not a_kinds & _ARMED:
        return None  # protesters occupying a square or a building: the protest is the event
    if (quiet := _UNOPPOSED.search(sent.text)) is not None:
        return _Choice("transfer", f"+unopposed({quiet.group().lower()})", 0.05)
    if hit.family == "regain" or "state" in a_kinds:
        return _Choice("regain", "+agent:state" if "state" in a_kinds else "")
    return _Choice("overtake", "+agent:non-state")


# A place taken with no fighting ("entered the town without a fight after troops withdrew",
# "took the base unopposed"): a transfer of territory, not a battle for it.
_UNOPPOSED = re.compile(r"\bwithout (?:a |any )?(?:fight|fighting|resistance|bloodshed|a shot (?:being )?fired|"
                        r"firing a (?:single )?shot)\b|\bunopposed\b", re.I)


_MAKING_VERBS = {"turn", "convert", "transform", "make"}


def _made_into(tok) -> bool:
    """ "turned the school into their headquarters", "made it their command post": a place
    taken over as a base."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "into":
        return head.head.lemma_.lower() in _MAKING_VERBS
    return tok.dep_ in ("oprd", "xcomp", "ccomp", "dobj") and head.lemma_.lower() in _MAKING_VERBS \
        and any(c.dep_ in ("dobj", "nsubj") and c.i != tok.i for c in head.children)


def _refine(hit: Hit, hits: Sequence[Hit], sent, skip: set[int]) -> _Choice | None:
    fam = hit.family
    if fam == "protest":
        return _refine_protest(hit, hits, skip)
    if fam in ("violence", "attack_civilian"):
        return _refine_violence(hit, hits, sent, skip)
    if fam == "abduction" and _party_kinds(roles(hit.head)[1]) & {"state", "nonstate"}:
        return _Choice("attack_armed", "+victims:armed")  # ACLED: only civilians suffer violence against civilians
    if fam == "clash" and hit.head.lemma_.lower() == "raid" and not _casualties(sent) \
            and "state" in _party_kinds(_agents_near(hit) or roles(hit.head)[0] or _sentence_agents(hit)) \
            and any(h.family == "disrupted" and h.head.i not in skip for h in hits):
        return None  # a police or army raid that seizes arms and hurts no one is a seizure, not a battle
    if fam == "clash":
        return _refine_clash(hit, sent)
    if fam == "arrest" and "protester" in _party_kinds(roles(hit.head)[1]):
        return _Choice("protest_intervention", "+object:protesters", 0.05)  # arrests that break up a protest
    if fam == "arrest" and (march := _arrested_joining(hit, hits)) is not None:
        return _Choice("protest_intervention", f"+object:joining:{_hit_rule(march)}", 0.05)
    if fam == "arrest" and (march := _arrested_at_protest(hit, hits)) is not None:
        return _Choice("protest_intervention", f"+sentence:{_hit_rule(march)}", 0.05)  # "arrested 30 as they held a vigil"
    if fam == "arrest" and _of_them(roles(hit.head)[1]):
        return _Choice("arrest", _OF_THEM)  # "arrested 12 of them": people the report told of before
    if fam == "grenade" and _crowd_control_grenade(hit, hits):
        return None  # "fired rubber bullets and stun grenades at striking miners": dispersal, not a blast
    if fam in _WEAPONS:
        return _refine_explosion(hit, hits, skip)
    if fam in ("capture", "regain"):
        return _refine_capture(hit, sent)
    if fam in ("looting", "riot") and _cues(hits, "protest", skip, hit):
        return _Choice("riot", "+protest", 0.03)
    if fam == "looting" and _party_kinds(roles(hit.head)[0]) & {"partisan", "crowd", "protester"} \
            and not _members_of_an_armed_band(roles(hit.head)[0]):
        return _Choice("riot", "+agent:crowd", 0.03)  # party workers or a crowd wrecking property riot
    if fam == "looting" and not _arson_named(hit.head) and _harm_told_with(hit.head):
        # "settlers set fire to homes, injuring four people": destruction that harms people is
        # an attack on them (ACLED), not property destruction
        return _Choice("attack_civilian", "+harm:people", 0.03)
    if fam == "abduction" and _thing_vanished(hit.head):
        return None  # "the evidence disappeared from the files": a thing lost, no one taken
    if fam == "abduction" and any(h.family == "hijack" for h in hits):
        return _Choice("hijack", "+hijack")
    if fam == "disrupted" and any(h.family in ("violence", "clash") and h.head in roles(hit.head)[1] for h in hits):
        return _Choice("clash", "+object:attack_repelled")  # "thwarted an attack": the attackers were fought off
    if fam == "disrupted" and hit.head.lemma_.lower() in _TAKE_VERBS and (
            _places(roles(hit.head)[1]) or _party_kinds(roles(hit.head)[1]) & {"civilian", "person", "partisan"}):
        return _refine_capture(Hit("capture", hit.weight, hit.text, hit.start_char, hit.end_char, hit.head), sent)
    if fam == "disrupted" and hit.weight < 0.6 and not _has_child_lemma(hit.head, _WEAPON_NOUNS):
        return None  # "seized", "recovered" mean disrupted weapons use only with weapons
    if fam == "base" and _made_into(hit.head):
        return _Choice(fam, "+made_into")
    if fam == "base" and not _cues(hits, "base", set(), hit) and hit.weight < 0.5:
        return None if not any(h.family == "base" and h.head.i != hit.head.i for h in hits) else _Choice(fam, "")
    return _Choice(fam, "")


# Grenades made to stun or blind, not to kill: police use them on crowds.
_NON_LETHAL_GRENADES = {"stun", "sound", "smoke", "flash", "flash-bang", "flashbang"}


def _crowd_control_grenade(hit: Hit, hits: Sequence[Hit]) -> bool:
    """A stun, sound or smoke grenade beside other means of crowd control (tear gas, rubber
    bullets, water cannon): a crowd dispersed. Thrown alone at a house, it is a grenade attack."""
    if not any(c.lower_ in _NON_LETHAL_GRENADES for c in hit.head.children if c.dep_ in ("amod", "compound")):
        return False
    return any(h.family == "cue_intervention" and h.weight >= 0.7 for h in hits)


def _trigger(hit: Hit, choice: _Choice, sent) -> Trigger | None:
    cls = family_class(choice.family)
    if cls is None:
        return None
    event_type, sub_event_type, _gtd = cls
    score = hit.weight + choice.bonus + _SEVERITY.get(event_type, 0.0)
    if hit.head.dep_ == "ROOT":
        score += 0.03
    return Trigger(text=hit.text, start=hit.start_char, end=hit.end_char, event_type=event_type,
                   sub_event_type=sub_event_type, rule=f"lex:{_hit_rule(hit)}{choice.rule}",
                   score=round(min(score, 1.0), 3))


def find_triggers(sent, profile: str = "news") -> list[Trigger]:
    """Triggers in one sentence (spaCy Span), best first. Offsets are absolute.

    A trigger that its sentence does not assert (negated, threatened, planned...)
    keeps its class but ranks below asserted ones. In news (``profile``), a participle
    that names people ("more of the wounded died") is no trigger; a coded note's
    "the injured" may be all it says of the act.
    """
    from .modality import mention_modality  # modality reads triggers; import late

    hits = match_lexicon(sent)
    skip = _reason_tokens(sent)
    out: list[Trigger] = []
    seen: set[tuple[int, str]] = set()
    for hit in hits:
        if hit.family.startswith("cue_") or (hit.head.i, hit.family) in seen:
            continue
        if profile == "news" and _people_participle(hit.head):
            continue  # "the injured were taken to hospital": people, no act
        seen.add((hit.head.i, hit.family))
        choice = _refine(hit, hits, sent, skip)
        trig = _trigger(hit, choice, sent) if choice else None
        if trig is None:
            continue
        if hit.head.i in skip:
            trig = _scaled(trig, 0.5, "+in_reason_phrase")
        elif _another_one(hit.head):
            trig = _scaled(trig, 1.0, "+another")
        elif _anaphoric(hit.head):
            trig = _scaled(trig, 0.7, "+anaphor")
        if mention_modality(sent, trig)[0] != "asserted":
            trig = _scaled(trig, 0.3, "")
        out.append(trig)
    out.sort(key=lambda t: (-t.score, t.start))
    return out


def _anaphoric(tok) -> bool:
    """ "the attack", "this incident": a noun that points back to an event told before."""
    return tok.pos_ == "NOUN" and not participant_kinds(tok.lemma_.lower()) and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these")
                                      for c in tok.children)


# Words before an event noun that count it as one more happening: "in the second shooting",
# "another attack", "a separate raid"
_ANOTHER = frozenset({"second", "third", "fourth", "fifth", "another", "separate"})


def _another_one(tok) -> bool:
    """ "the second shooting", "another attack": a noun that tells one more happening, not the one
    told before (:func:`_anaphoric`)."""
    return tok.pos_ == "NOUN" and any(c.dep_ in ("det", "amod") and c.lower_ in _ANOTHER for c in tok.children)


def _scaled(trig: Trigger, factor: float, note: str) -> Trigger:
    return Trigger(trig.text, trig.start, trig.end, trig.event_type, trig.sub_event_type,
                   trig.rule + note, round(trig.score * factor, 3))


# ---- event class over several mentions -------------------------------------------------

# The least score of a violent demonstration told of a protest that makes the protest a riot
# (ACLED: demonstrators who engage in violence or destruction). Only destruction by the crowd
# (burning, looting, wrecking) turns it: "some threw stones" at a march police dispersed
# leaves a protest met with intervention.
_VIOLENT_TURN = 0.4
# Cues of a crowd's own destruction told in a protest's sentence ("protesters ... set fire to the
# gate of a government building"): burning, looting or wrecking by the crowd (stones alone are not).
_WRECKING = re.compile(r"cue_violent\((?:set (?:fire|ablaze|on fire)|torch|ransack|vandali[sz]|smash)", re.I)
# What makes arrests told apart from a headline's arrests a protest's: protesters arrested, or
# people taking part in a protest ("who tried to join a march"); a rally merely named in the
# sentence ("arrested 40 as they gathered ahead of a rally planned for Thursday") leaves arrests
_AT_A_PROTEST = re.compile(r"\+object:(?:protesters|joining:)")
# Battles that change who holds a place, and the least score of one that codes a fight as such
_TERRITORY = ("Non-state actor overtakes territory", "Government regains territory")
_TAKEN = 0.6
_SUB_RANK = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2}


def event_class(triggers: Sequence[Trigger]) -> Trigger | None:
    """The class of one event from its mentions' triggers (asserted ones, best first).

    The best trigger leads; a protest seen elsewhere in the event as dispersed
    or fired upon, an explosion whose weapon another sentence names, or a bare
    clash that another sentence tells as a riot, takes that more specific class
    (ACLED codes the event as a whole).
    """
    if not triggers:
        return None
    lead = max(triggers, key=lambda t: t.score)
    if lead.event_type == "Protests":
        wrecked = [t for t in triggers if t.score >= _VIOLENT_TURN and (t.rule.startswith(("lex:looting(", "lex:riot("))
                   or t.sub_event_type == "Violent demonstration" and _WRECKING.search(t.rule))]
        violent = [t for t in triggers if t.sub_event_type == "Violent demonstration" and t.score >= _VIOLENT_TURN]
        if violent and wrecked:  # "protesters torch police station" told below as the station stormed and burned
            return max(violent, key=lambda t: t.score)
        if wrecked:  # "Hundreds marched on the station. They ... set fire to it."
            w = max(wrecked, key=lambda t: t.score)
            return Trigger(w.text, w.start, w.end, "Riots", "Violent demonstration", f"{w.rule}+event:{lead.rule}",
                           lead.score)
        better = [t for t in triggers if t.event_type == "Protests"
                  and _SUB_RANK.get(t.sub_event_type, 0) > _SUB_RANK.get(lead.sub_event_type, 0)]
        if better:
            return max(better, key=lambda t: _SUB_RANK[t.sub_event_type])
        arrest = next((t for t in triggers if t.sub_event_type == "Arrests"), None)
        if arrest is not None and lead.sub_event_type == "Peaceful protest":  # arrests at a protest
            return Trigger(lead.text, lead.start, lead.end, lead.event_type, "Protest with intervention",
                           f"{lead.rule}+event:{arrest.rule}", lead.score)
    if lead.sub_event_type == "Arrests":
        # "three detained in Valencia" over "troops detained three people who tried to join a
        # march": the arrests broke up a protest
        broke_up = [t for t in triggers if t.sub_event_type == "Protest with intervention" and t.score >= 0.5
                    and _AT_A_PROTEST.search(t.rule)]
        if broke_up:
            return max(broke_up, key=lambda t: t.score)
    if lead.sub_event_type == "Arrests" and _OF_THEM in lead.rule:  # "Hundreds marched. Police arrested 20 of them."
        protest = next((t for t in triggers if t.sub_event_type == "Peaceful protest" and t.score >= 0.5), None)
        if protest is not None:
            return Trigger(lead.text, lead.start, lead.end, "Protests", "Protest with intervention",
                           f"{lead.rule}+event:{protest.rule}", lead.score)
    if lead.event_type in ("Battles", "Violence against civilians") and lead.rule.startswith("lex:violence("):
        # "One killed as police clear miners' blockade" told below as a protester killed when
        # police dispersed the crowd: the death is the protest's, put down by force
        force = [t for t in triggers if t.sub_event_type == "Excessive force against protesters"]
        if force:
            return max(force, key=lambda t: t.score)
    if lead.event_type == "Battles" and lead.rule.startswith("lex:clash("):
        # "rickshaw pullers clash with police" read elsewhere as a violent demonstration:
        # a clash of a crowd with the police is a riot, a battle needs armed groups on both sides
        riots = [t for t in triggers if t.event_type == "Riots"]
        if riots:
            return max(riots, key=lambda t: t.score)
    if lead.event_type == "Battles" and lead.sub_event_type == "Armed clash":
        # "rebels took control of the town ... gunfire and explosions were heard": a fight that
        # changed who holds a place is coded by that change (ACLED's territory sub-events)
        taken = [t for t in triggers if t.sub_event_type in _TERRITORY and t.score >= _TAKEN]
        if taken:
            return max(taken, key=lambda t: t.score)
    if lead.event_type == "Explosions/Remote violence" and lead.rule.startswith("lex:explosion("):
        # (a blast another sentence refines by its weapon, "aircraft dropped guided bombs", too)
        specific = [t for t in triggers if t.event_type == lead.event_type and (
            not t.rule.startswith("lex:explosion(") or "+" in t.rule and t.sub_event_type != lead.sub_event_type)]
        if specific:
            return max(specific, key=lambda t: t.score)
    return lead


# ---- GTD attack type --------------------------------------------------------------------


def _gtd_labels(sent, trigger: Trigger) -> list[tuple[str, str]]:
    """Every GTD attack type the sentence supports, with the words behind it."""
    hits = match_lexicon(sent)
    skip = _reason_tokens(sent)
    hits = [h for h in hits if h.head.i not in skip]
    fams = {}
    for h in hits:
        fams.setdefault(h.family, h)
    out: list[tuple[str, str]] = []

    def add(label: str, h: Hit, why: str = "") -> None:
        out.append((label, f"gtd.{label.split()[0].lower()}:{_hit_rule(h)}{why}"))

    if "hijack" in fams:
        add("Hijacking", fams["hijack"])
    for h in hits:  # "seizing control of a train"
        if h.family in ("capture", "regain") and (_refine_capture(h, sent) or _Choice("", "")).family == "hijack":
            add("Hijacking", h, "+object:vehicle")
            break
    if "abduction" in fams:
        barricade = fams.get("cue_barricade")
        add("Hostage Taking (Barricade Incident)" if barricade else "Hostage Taking (Kidnapping)",
            fams["abduction"], f"+{_hit_rule(barricade)}" if barricade else "")
    if "cue_assassination" in fams:
        add("Assassination", fams["cue_assassination"])
    for h in hits:
        if h.family in ("violence", "clash", "cue_firearm", "cue_assassination") and _prominent_target(h):
            add("Assassination", h, "+target:prominent")
            break
    for fam in _WEAPONS:  # GTD counts a planted or defused bomb as a bombing too
        if fam in fams and fam != "chemical":
            add("Bombing/Explosion", fams[fam])
            break
    if "chemical" in fams:
        add("Unarmed Assault", fams["chemical"])
    armed = fams.get("cue_firearm") or fams.get("cue_blade")
    if armed is not None:
        add("Armed Assault", armed)
    if "cue_unarmed" in fams and not armed:
        add("Unarmed Assault", fams["cue_unarmed"])
    if "cue_arson" in fams or "looting" in fams:
        h = fams.get("cue_arson") or fams["looting"]
        add("Facility/Infrastructure Attack", h)
    if not out and ("violence" in fams or "clash" in fams):
        h = fams.get("violence") or fams["clash"]
        victims = _party_kinds(roles(h.head)[1])
        # civilians hurt by an attack with no bomb named; GTD leaves raids on bases and posts Unknown
        if h.head.lemma_.lower() in _CASUALTY_VERBS and not victims & _ARMED:
            add("Armed Assault", h, "+casualties")
        else:  # GTD codes Unknown when a report does not say how the attack was made
            add("Unknown", h, "+no_weapon_named")
    return out


_CASUALTY_VERBS = {"kill", "injure", "wound", "murder", "execute", "massacre", "behead"}
_KILL_VERBS = {"kill", "shoot", "murder", "gun", "attack", "target", "stab", "behead", "execute",
               "open", "fire", "ambush", "assassinate", "hack"}


def _prominent_target(hit: Hit) -> bool:
    """Did the attack aim at a named official, leader or public figure (GTD assassination)?"""
    heads = [hit.head] + [c for c in hit.head.conjuncts if c.lemma_.lower() in _KILL_VERBS]
    if not any(h.lemma_.lower() in _KILL_VERBS for h in heads):
        return False
    # the attackers aim at the person ("assailants shot the mayor"), not "a priest was among the dead"
    if not any(c.dep_ == "nsubj" for h in heads for c in h.children) and hit.head.dep_ not in ("advcl", "acl", "xcomp"):
        return False
    targets = [t for h in heads for t in roles(h)[1]]
    targets += [g for t in targets if t.lemma_.lower() in ("convoy", "vehicle", "car", "house", "home", "residence")
                for p in t.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    targets += [c for t in targets for c in t.children if c.dep_ == "poss"]
    kinds = _party_kinds(targets)
    return "prominent" in kinds and "civilian" not in kinds


# Words of a seizure of arms: GTD codes attacks, and a cache found or arms seized is none
# (a bomb defused, a plot foiled, is an attempted bombing and keeps its type).
_SEIZURE = re.compile(r"disrupted\((?:[\w -]+ )?(?:seiz|recover|cache|confiscat|dismantl)", re.I)


def gtd_attack_types(sent, trigger: Trigger, context: str = "") -> list[tuple[str, str]]:
    """(GTD attack type, rule) of every type the sentence supports, each once, highest of GTD's
    hierarchy first: "killed a watchman and set fire to the farm" is an armed assault and a
    facility attack (GTD codes up to three attack types of one incident)."""
    if trigger.sub_event_type == "Disrupted weapons use" and _SEIZURE.search(trigger.rule):
        return []
    out: dict[str, str] = {}
    for label, rule in sorted(_gtd_labels(sent, trigger), key=lambda lr: taxonomy.gtd_precedence(lr[0])):
        out.setdefault(label, rule)
    return list(out.items())


def gtd_attack_type(sent, trigger: Trigger, context: str = "") -> tuple[str | None, str | None]:
    """(GTD attack type, rule) for a mention: the highest of GTD's hierarchy the sentence supports."""
    types = gtd_attack_types(sent, trigger, context)
    return types[0] if types else (None, None)


def gtd_attack_type_for_event(mentions: Sequence[Mention]) -> tuple[str | None, str | None]:
    """GTD attack type of one event: GTD's precedence over its asserted mentions.

    GTD codes the attack type highest in its hierarchy (Assassination >
    Hijacking > Kidnapping > Barricade > Bombing > Armed Assault > Unarmed
    Assault > Facility > Unknown) among those the incident involves.
    """
    types = gtd_attack_types_for_event(mentions)
    return types[0][:2] if types else (None, None)


GTD_MAX_TYPES = 3  # GTD's attacktype1, attacktype2 and attacktype3


def gtd_attack_types_for_event(mentions: Sequence[Mention]) -> list[tuple[str, str, Mention]]:
    """(GTD attack type, rule, mention) of each type the event's asserted mentions support,
    each once, highest of GTD's hierarchy first, at most three (GTD's attacktype1-3). A type
    after the first is a further act of the incident ("kidnapped the owner and set fire to the
    store"); GTD never codes Unknown beside a known type."""
    asserted = [m for m in mentions if m.modality == "asserted"]
    labelled = [(label, rule, m) for m in asserted
                for label, rule in m.gtd_attack_types if label]
    for m in asserted:  # people held by the attackers make it hostage taking whatever the verb
        held = next((c for c in m.counts if c.kind == "hostages" and (c.best or c.low or c.high)), None)
        if held is not None:
            labelled.append(("Hostage Taking (Kidnapping)", f"gtd.hostage:count.hostages({held.text})", m))
    out: dict[str, tuple[str, str, Mention]] = {}
    for item in sorted(labelled, key=lambda lr: taxonomy.gtd_precedence(lr[0])):  # stable: first told wins ties
        if item[0] != "Unknown" or not out:
            out.setdefault(item[0], item)
    return list(out.values())[:GTD_MAX_TYPES]


def gtd_attack_type_words(mentions: Sequence[Mention], types: Sequence[str]) -> list[tuple[str, str, Mention]]:
    """(GTD attack type, rule, mention) of every distinct reading of ``types`` among the
    asserted mentions: the words of each act, where several mentions tell one ("destroyed
    the offices", "burned the buses")."""
    seen: dict[tuple[str, str], tuple[str, str, Mention]] = {}
    for m in mentions:
        if m.modality != "asserted":
            continue
        for label, rule in m.gtd_attack_types:
            if label in types and rule:
                seen.setdefault((label, rule), (label, rule, m))
    return list(seen.values())
