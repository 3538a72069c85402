"""Is a mention a real event, or a threat / negation / plan / background?

Cues come from ``data/modality_cues.csv``; where a cue sits in the parse
decides whether it bears on the trigger. "threatened to execute the hostages"
has the trigger under ``threaten``; "no one was killed" has ``no`` on the
subject of ``kill``; "For decades, ... groups frequently targeting" has a
background phrase on the trigger's own clause. The first cue met walking up
from the trigger wins, so "police said militants did not attack" stays negated.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..records import Trigger
from ..resources.taxonomy import modality_cues
from ..nlp import per_doc, span_text, words
from ._cue_tables import gathering_nouns

__all__ = ["mention_modality", "negation", "ASSERTED", "MODALITIES"]

ASSERTED = "asserted"
MODALITIES = (ASSERTED, "threat", "negated", "hypothetical", "plan", "background", "anniversary", "denied",
              "generic")
_NOUN = ("NOUN", "PROPN", "PRON", "NUM")
_ARG_DEPS = ("nsubj", "nsubjpass", "dobj", "attr")
# Only background phrases that modify a clause (not "long march") count.
_BACKGROUND_DEPS = ("advmod", "prep", "npadvmod", "pobj")
# Units of time too short for a background phrase to mean history.
_SHORT_SPANS = {"hour", "minute", "day", "night", "morning", "evening", "afternoon"}
# Retaliation wording that turns a future statement into a threat.
_THREAT_WORDS = {"response", "respond", "retaliation", "retaliate", "consequence", "revenge", "pay", "punish"}


# A question that a speaker is said to have asked: opened by an auxiliary or a wh-word,
# closed by ", <speaker> asked." (wire copy drops the question mark in reported speech).
_REPORTED_QUESTION = re.compile(
    r"\s*[\"“']?(?:does|do|did|is|are|was|were|can|could|will|would|should|how|why|what|who)\b[^\n]*,"
    r"[^,\n]{0,60}\b(?:asked|wondered|questioned)\s*[.]?\s*$", re.I)


@lru_cache(maxsize=1)
def _cues() -> dict[str, dict[str, str]]:
    """slot -> {cue phrase: modality}."""
    out: dict[str, dict[str, str]] = {}
    for cue, modality, slot in modality_cues():
        out.setdefault(slot, {})[cue] = modality
    return out


def _trigger_token(sent, trigger: Trigger):
    span = sent.doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _path(tok, sent) -> list:
    """The trigger and its heads up to the sentence root."""
    out = [tok]
    while out[-1].head.i != out[-1].i and sent.start <= out[-1].head.i < sent.end and len(out) < 30:
        out.append(out[-1].head)
    return out


def negation(tok) -> str | None:
    cues = _cues()
    clauses = [tok]
    if tok.pos_ in _NOUN and tok.dep_ in _ARG_DEPS:
        clauses.append(tok.head)  # "no attack took place", "did not carry out the attack"
    for clause in clauses:
        for child in clause.children:
            low = child.lower_
            if child.dep_ == "neg" and cues.get("neg", {}).get(low):
                return child.text
            if child.dep_ == "det" and clause.i == tok.i and cues.get("det", {}).get(low) == "negated":
                return child.text
            if child.dep_ in ("nsubj", "nsubjpass") and clause.pos_ in ("VERB", "AUX"):
                if child.lower_ in ("none", "nobody", "nothing") or any(
                        g.dep_ == "det" and g.lower_ == "no" for g in child.children):
                    return " ".join(t.text for t in child.subtree)
    return None


def _governor(path) -> tuple[str, str] | None:
    """A cue word above the trigger (threaten, deny, plan, anniversary...)."""
    gov = _cues().get("governor", {})
    told = False  # "toured the customs house, which was bombed on Sunday": an act told of its own
    for below, node in zip(path, path[1:]):
        told = told or (below.dep_ == "relcl" and _set_off(below) and _told_in_the_past(below)) \
            or _what_followed(below, node)
        modality = gov.get(node.lemma_.lower())
        if told and modality in _TOLD_CLAUSE_ESCAPES:
            continue
        # "a protest demanding...": the trigger is the subject of the cue, not governed by it;
        # "protested ..., demanding": a trailing participle gives the purpose, not a wish
        trailing = node.tag_ == "VBG" and node.i > path[0].i
        # "gunmen stopped two buses, checked IDs and shot dead seven men": an act joined to the
        # cue verb is one more act of the series, not one the cue governs
        series = below.dep_ == "conj" and below.pos_ == "VERB" and node.pos_ == "VERB"
        if modality and below.dep_ not in ("nsubj", "nsubjpass", "csubj") and not trailing and not series:
            return modality, node.text
    return None


def _report_untrue(path) -> tuple[str, str] | None:
    """The trigger tells what a report says, and the sentence calls the report untrue: "the
    report that the mayor's son was wounded is absolutely unfounded", "the false report of the
    killing of villagers": the denial of an official or a witness, not a report of an act."""
    untrue, nouns = _cues().get("untrue", {}), _cues().get("report_noun", {})
    for node in path[1:]:
        if node.pos_ != "NOUN" or node.lemma_.lower() not in nouns:
            continue
        judged = [c for c in node.children if c.dep_ == "amod"]
        if node.dep_ in ("nsubj", "nsubjpass") and node.head.i != node.i:
            judged += [c for c in node.head.children if c.dep_ in ("acomp", "attr", "oprd")]
        cue = next((c for c in judged if c.lower_ in untrue), None)
        if cue is not None:
            return "denied", f"{cue.text} {node.text}" if cue.i < node.i else f"{node.text} ... {cue.text}"
    return None


# Modalities of a wish, a plan or a fear: what they govern has not happened.
_WISHES = ("plan", "threat", "hypothetical")
# Modalities that an act told in a set-off past clause escapes: a wish, a plan or a fear, and
# mourning or remembering a person, which does not make the death the clause tells any less an
# act ("neighbours mourn the grandfather, who was killed Saturday in a triple shooting"); how long
# ago it happened is for timing to say.
_TOLD_CLAUSE_ESCAPES = _WISHES + ("anniversary",)


def _set_off(clause) -> bool:
    """A relative clause set off by a comma (", which was bombed", ", who burned"): it adds
    a fact of its own about its noun, which the rest of the sentence does not govern; a clause
    with no comma ("wanted for a shooting that injured eight") picks out its noun within it."""
    start = clause.left_edge.i
    return start > 0 and clause.doc[start - 1].text == ","


_AFTER = ("after", "following")  # prepositions whose object happened before what they attach to


def _what_followed(noun, prep) -> bool:
    """An act named as what a step came after ("called off its march following the bombing of
    its offices", "will hold a vote after the attack"): the definite noun
    presupposes an act that happened, which a wish, a plan or a threat above does not undo;
    "after an attack" may be one that has not happened."""
    if noun.dep_ != "pobj" or prep.lower_ not in _AFTER:
        return False
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in noun.children)


def _told_in_the_past(verb) -> bool:
    """A clause whose verb is in the simple past, or a participle of the past ("which was
    bombed", "who burned"): it tells an act that happened, which a cue of a wish, a plan or a
    threat above the noun it describes ("stopped over", "tried to stop the rebels, who burned")
    does not undo; a cue of denial still holds, as does memory over a clause with no comma
    ("remember the way in which he was killed"), and "which has sworn to kill", "that were going
    to gun down" or "that has exploded" tell no such act."""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _clause_words(clause) -> list:
    """The words of a clause that may carry its cue, and those of the verbs an infinitive of it
    completes: "might attempt to kidnap him" and "will have to step over the bodies" set the act
    under the auxiliary of the verb that takes it ("attempt", "have"), which the infinitive shares."""
    out = []
    while clause is not None:
        out.extend(clause.children)
        infinitive = clause.dep_ == "xcomp" and any(_infinitive_to(c) for c in clause.children)
        clause = clause.head if infinitive and clause.head.i != clause.i and clause.head.pos_ in ("VERB", "AUX") \
            else None
    return out


def _ahead_of(noun) -> bool:
    """An act named after "ahead of" or "in the run-up to" ("arrested 40 supporters ahead of a
    rally", "troops deployed in the run-up to the vote"): what the news came before."""
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ == "of" and prep.head.lower_ == "ahead":
        return True
    return prep.lower_ == "to" and prep.head.lower_ == "run" and any(c.lower_ == "up" for c in prep.head.children)


def _clause_cue(path, sent) -> tuple[str, str] | None:
    """aux / mark / det cues of the trigger's own clause ("will hold", "if they attack")."""
    cues = _cues()
    clause = next((n for n in path if n.pos_ in ("VERB", "AUX")), None)
    for child in _clause_words(clause):
        low = child.lower_
        if child.dep_ == "mark" and low in cues.get("mark", {}):
            return cues["mark"][low], child.text
        if child.dep_ == "aux" and low in cues.get("aux", {}):
            modality = cues["aux"][low]
            if modality == "plan" and any(lemma in _THREAT_WORDS for lemma in words(sent.doc).lemma[sent.start:sent.end]):
                modality = "threat"
            return modality, child.text
    head = path[0]
    if _ahead_of(head):
        return "plan", "ahead of"
    for child in head.children:
        if child.dep_ == "det" and cues.get("det", {}).get(child.lower_) == "hypothetical":
            return "hypothetical", child.text
        if child.dep_ == "amod" and child.lower_ in _TO_COME and head.pos_ == "NOUN" and head.dep_ != "nsubj" \
                and not any(c.dep_ == "advmod" for c in child.children):
            # "ahead of planned demonstrations", "banned a planned march"; not "a carefully planned
            # attack", nor "the planned march went ahead" (its subject: what it did is told)
            return "plan", child.text
        if child.dep_ in ("relcl", "acl") and child.lemma_.lower() in _CALLING and head.pos_ == "NOUN" \
                and head.dep_ != "nsubj" and head.lemma_.lower() in gathering_nouns():
            # "a day before a general strike the party has called", "a march called for Friday";
            # not "the strike the union called began on Monday" (its subject: what it did is told),
            # nor an attack "planned for months" that was carried out (only gatherings are called)
            return "plan", child.text
    return None


# Adjectives that put an act still to come: "planned protests", "an upcoming strike".
_TO_COME = frozenset({"planned", "proposed", "upcoming", "forthcoming", "intended"})
# Verbs of a clause on an act that call it for a time to come: "the strike the union has called"
_CALLING = frozenset({"call", "plan", "schedule", "announce"})



def _background(path, sent) -> tuple[str, str] | None:
    """A background phrase ("for decades", "frequently") attached to the trigger's clause."""
    phrases = _cues().get("background", {})
    on_path = {n.i for n in path}
    w = words(sent.doc)
    for i in range(sent.start, sent.end):
        if w.dep[i] not in _BACKGROUND_DEPS or w.head[i] not in on_path:
            continue
        tok = sent.doc[i]
        phrase = [t for t in tok.subtree]
        if any(t.lemma_.lower() in _SHORT_SPANS for t in phrase):
            continue  # "in the past few hours" is now, not history
        lemmas = " ".join(t.lemma_.lower() for t in phrase)
        for cue, modality in phrases.items():
            if lemmas == cue or lemmas.startswith(cue + " ") or (tok.lemma_.lower() == cue and len(cue.split()) == 1):
                return modality, " ".join(t.text for t in phrase)
    return None


def _purpose(tok) -> str | None:
    """An infinitive of purpose: "a front to fight drug trafficking", "troops sent to attack"."""
    if tok.pos_ != "VERB" or tok.dep_ not in ("acl", "advcl", "relcl"):
        return None
    to = next((c for c in tok.children if _infinitive_to(c)), None)
    return f"to {tok.text}" if to is not None else None


def _in_order_to(path) -> str | None:
    """An act within a clause of "in order to" ("the residents are being moved out in order to
    proceed with the bombing of the district", "cut the power lines in order to attack the town"):
    what the step is for, which has not happened yet."""
    for node in path[1:]:
        head = node.head
        if node.dep_ == "acl" and head.lower_ == "order" and head.dep_ == "pobj" and head.head.lower_ == "in" \
                and any(_infinitive_to(c) for c in node.children):
            return "plan", f"in order to {node.text}"
    return None


# Determiners that leave a plural event noun a kind of event ("all killings", "such attacks").
_GENERIC_DETS = {"all", "any", "such", "other", "many", "more", "most", "some", "several", "numerous"}
# Words that make a plural a counted set of events ("the two bombings", "three kidnappings").
_COUNTING_DEPS = ("nummod",)


# Plural nouns of one victim's injuries, not of many acts: "died of gunshot wounds".
_INJURY_NOUNS = {"wound"}


def _plural_head(tok):
    """The first of a list of conjoined nouns ("killings, arrests and disappearances")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.pos_ == "NOUN":
        tok = tok.head
    return tok


# Trigger families whose plural nouns name acts ("killings", "ambushes", "kidnappings"), and
# the explosion family only in its "-ing" nouns ("bombings"): "bombs", "mines" and "explosive
# devices" name weapons, whose plural says nothing about how many attacks there were.
_ACT_FAMILIES = ("violence", "clash", "abduction", "arrest", "hijack", "sexual")
_ACT_FAMILIES_ING = ("explosion",)
_FAMILY = re.compile(r"lex:(\w+)\(")


def _names_acts(tok, trigger: Trigger) -> bool:
    m = _FAMILY.match(trigger.rule)
    family = m.group(1) if m else ""
    return family in _ACT_FAMILIES or (family in _ACT_FAMILIES_ING and tok.lower_.endswith("ings"))


def _generic(tok, sent) -> str | None:
    """A plural event noun with no article or number, or only a group's possessive, names a kind
    of event, not one that happened: "cease all killings and disappearances", "using kidnappings
    to finance itself", "repression in the form of murders and arrests", "the army's massacres
    of peasants go unpunished" (one person's acts, "his killings", stay). A dated sentence, or a clause
    in the simple past ("clashes broke out", "two died in attacks on the town"), tells of a
    particular set and stays an event."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or tok.lemma_.lower() in _INJURY_NOUNS:
        return None
    head = _plural_head(tok)
    for t in (tok, head):
        for child in t.children:
            if child.dep_ in _COUNTING_DEPS or child.dep_ == "poss" and child.lower_ in ("his", "her", "my"):
                return None
            if child.dep_ in ("det", "predet") and child.lower_ not in _GENERIC_DETS:
                return None
    if any(e.label_ in ("DATE", "TIME") for e in sent.ents) or _told_in_past(head):
        return None
    return tok.text


# What acts of a kind "are" when a sentence speaks of the kind: "kidnappings for ransom are
# common in the delta", "such attacks remain rare"
_HOW_OFTEN = frozenset({"common", "commonplace", "rife", "routine", "frequent", "rare", "widespread", "endemic",
                        "prevalent", "rampant", "uncommon", "regular", "unusual", "infrequent"})
_BEING = frozenset({"be", "remain", "become", "grow"})


def _said_to_be_common(tok) -> str | None:
    """The act lies in the subject of "are common", "remain rare": the kind, not one act."""
    node = tok
    while node.dep_ not in ("nsubj", "nsubjpass") and node.head.i != node.i:
        node = node.head
    verb = node.head
    if node.dep_ != "nsubj" or verb.lemma_.lower() not in _BEING:
        return None
    how = next((c for c in verb.children if c.dep_ in ("acomp", "attr") and c.lemma_.lower() in _HOW_OFTEN), None)
    return f"{verb.text} {how.text}" if how is not None else None


# What rivals fight "for" when the fighting is a struggle, not one fight: "gangs have fought for
# control of the ports", "factions battling for supremacy"
_STAKES = frozenset({"control", "supremacy", "dominance", "influence", "turf", "power", "territory", "access"})
_FIGHTING = frozenset({"fight", "battle", "vie", "compete", "struggle", "clash"})


def _struggle_for(tok, sent) -> str | None:
    """Fighting "for control of" a trade, a city or a market, told with no day, time or number in
    its clause: a rivalry the article explains, not a clash it reports. "Gangs fought for control
    of the prison on Monday, killing six" is one."""
    if tok.lemma_.lower() not in _FIGHTING:
        return None
    clause = list(tok.subtree)  # the fighting's own clause: "extended the emergency on Saturday,
    # saying ... where gangs have fought for control" dates the decree, not a fight
    if any(t.like_num or t.ent_type_ in ("DATE", "TIME", "CARDINAL") for t in clause):
        return None
    stake = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                  for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in _STAKES), None)
    return f"{tok.text} for {stake.text}" if stake is not None else None


# Present-tense verbs of lasting said of fighting: "as fighting persists in the east"
_LASTING = frozenset({"persists", "persist", "continues", "continue", "rages", "rage", "grinds", "drags"})


def _goes_on(tok) -> str | None:
    """Fighting followed by a present-tense verb of lasting ("as fighting persists in the east",
    "while clashes rage on"), with no day, time or number after it in the sentence: the state of
    a war that a report on something else mentions, not a fight it reports. "Fighting continued
    on Tuesday" is a report. Read on the words, as headlines parse badly ("persists" as a noun)."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ not in _LASTING:
        return None
    rest = doc[tok.i + 1:tok.sent.end]
    if any(t.like_num or t.ent_type_ in ("DATE", "TIME", "CARDINAL") for t in rest):
        return None
    return f"{tok.text} {doc[tok.i + 1].text}"


def _what_was_done(tok) -> str | None:
    """The act verb of a free relative ("must respect what it has signed", "rebuild what the war
    destroyed"): the clause names a thing by the act that made it, not an act of the news."""
    if tok.pos_ != "VERB" or not any(c.dep_ in ("dobj", "obj") and c.lower_ == "what" and c.i < tok.i
                                     for c in tok.children):
        return None
    return f"what ... {tok.text}"


# Verbs that keep a standing measure in force: "extended the state of emergency", "renewed the curfew"
_KEPT_IN_FORCE = frozenset({"extend", "renew", "prolong"})


def _measure_extended(tok, trigger: Trigger) -> str | None:
    """A state of emergency or a curfew extended or renewed: the measure already stood, and
    keeping it is no new development ("extended a state of emergency for another 60 days").
    Declaring or imposing one is."""
    if trigger.sub_event_type != "Other" or tok.dep_ not in ("dobj", "nsubjpass"):
        return None
    verb = tok.head
    return f"{verb.text} {tok.text}" if verb.lemma_.lower() in _KEPT_IN_FORCE else None


def _act_named_by(tok):
    """The plural act noun that a weapon word qualifies ("artillery attacks", "air and rocket
    strikes"), read as the event word itself: the weapon only says how the acts were made."""
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    head = node.head
    if node.dep_ in ("compound", "amod", "nmod") and head.i != node.i and head.tag_ == "NNS" \
            and head.lemma_.lower() in _ACT_NOUNS:
        return head
    return None


# Trigger families of the verb a weapon noun is the subject or object of ("bombs have been
# exploded", "planes bombed the slums"): the verb tells the act the weapon was used in.
_WEAPON_VERB_FAMILIES = ("violence", "explosion", "shelling", "air", "grenade", "ied", "looting", "attack_civilian")


def _verb_of_weapon(tok, trigger: Trigger, sent) -> tuple[str, str | None] | None:
    """A weapon noun that is the subject or the object of a verb of the act ("grenades and bombs
    have been exploded in public places", "the army's planes have bombed villages"): the weapon
    says only what the act was made with, so the verb's reading holds for it too. A verb told as
    a practice, a threat or a denial makes the weapon no event of its own; a verb told as an act
    leaves the weapon's own reading."""
    if not _weapon_trigger(trigger) or tok.pos_ != "NOUN":
        return None
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    verb = node.head
    if node.dep_ not in ("nsubj", "nsubjpass", "dobj") or verb.i == node.i or verb.pos_ != "VERB":
        return None
    from .classify import match_lexicon  # classify imports this module

    hit = next((h for h in match_lexicon(sent) if h.head.i == verb.i and h.family in _WEAPON_VERB_FAMILIES), None)
    if hit is None:
        return None
    act = Trigger(hit.text, hit.start_char, hit.end_char, trigger.event_type, trigger.sub_event_type,
                  f"lex:{hit.family}({hit.text})")
    found = mention_modality(sent, act)
    return found if found[0] != ASSERTED else None


def _compound_kind(tok) -> tuple[str, str] | None:
    """An event word that modifies a noun of law, counting or equipment ("murder cases",
    "kidnapping charges", "body searches", "aircraft carrier", "bomb scare") names a kind of
    event, not one that happened."""
    # lower-case wire copy parses some as modifiers ("hit" of "an urban hit squad" as amod)
    if tok.dep_ not in ("compound", "amod", "nmod") or tok.head.i == tok.i or tok.head.i < tok.i:
        return None
    modality = _cues().get("compound_head", {}).get(tok.head.lemma_.lower())
    return (modality, f"{tok.text} {tok.head.text}") if modality else None


# Weapon families whose nouns name a thing ("missiles", "grenades", "helicopters") as well as
# an act; these nouns name an act, and are never only held.
_WEAPON_FAMILIES = ("shelling", "air", "grenade", "ied", "explosion", "chemical")
_ACT_NOUNS = {"explosion", "blast", "attack", "strike", "airstrike", "raid", "shelling", "bombing", "fire",
              "bombardment", "barrage", "detonation", "shell"}
# Links that keep a noun in the same list or phrase as the word above it.
_LIST_DEPS = ("conj", "appos", "pobj", "prep", "compound", "nmod", "amod", "nummod", "quantmod")


def _weapon_trigger(trigger: Trigger) -> bool:
    """The trigger is of a weapon family, and not already a seizure (Disrupted weapons use)."""
    m = _FAMILY.match(trigger.rule)
    return bool(m) and m.group(1) in _WEAPON_FAMILIES and trigger.sub_event_type != "Disrupted weapons use"


# The noun "arm(s)" ("small arms", "shot in the arm"), which shares its lemma with "armed with"
_LIMBS_AND_ARMS = ("arm", "arms")


def _weapon_held(tok, trigger: Trigger) -> str | None:
    """A weapon named as a thing that is had, traded, made or seized ("the army confiscated
    26 mortars and 75 rockets", "the purchase of helicopters", "missiles were shipped"), not
    used: no attack happened with it. A seizure keeps its own class (Disrupted weapons use)."""
    if not _weapon_trigger(trigger):
        return None
    if tok.dep_ == "amod" and tok.lower_.endswith("ing") and tok.head.pos_ == "NOUN" and tok.head.i > tok.i:
        tok = tok.head  # a device named by what it does ("58 detonating caps"): the device is what is held
    if tok.pos_ != "NOUN" or tok.lemma_.lower() in _ACT_NOUNS or tok.lower_.endswith("ing"):
        return None
    held = _cues().get("held", {})
    node = tok
    for _ in range(8):
        if node.dep_ not in _LIST_DEPS and node.dep_ not in ("dobj", "nsubjpass", "pcomp"):
            return None
        if node.head.i == node.i:
            return None
        up = node.head
        if up.lemma_.lower() in held and up.lower_ not in _LIMBS_AND_ARMS \
                and (up.pos_ in ("VERB", "NOUN") and node.dep_ in ("dobj", "nsubjpass", "pobj", "prep")
                                          or up.pos_ == "NOUN" and node.dep_ == "compound"):
            return f"{up.text} {tok.text}" if up.i < tok.i else f"{tok.text} {up.text}"
        if up.pos_ in ("VERB", "AUX") and up.dep_ != "prep":  # "including" links a list
            return None
        node = up
    return None


# Nouns of arms and aircraft, which name a weapon rather than its use. "Bomb" and "mine" are
# not among them: news tells of a bomb on its own as an event ("a bomb in the market").
_INSTRUMENTS = {"mortar", "artillery", "rocket", "missile", "howitzer", "rpg", "katyusha",
                "warplane", "jet", "aircraft", "airplane", "plane", "helicopter", "gunship", "bomber",
                "drone", "grenade", "explosive", "launcher"}
# Verbs that put a weapon to use ("fired rockets", "a grenade was hurled", "the missile hit"),
# and verbs of witnesses, who see or hear weapons in use ("monitors observed 12 rockets").
_USE_VERBS = {"fire", "launch", "drop", "hurl", "throw", "lob", "toss", "explode", "detonate", "hit",
              "strike", "land", "fall", "rain", "slam", "kill", "wound", "injure", "damage", "destroy",
              "attack", "target", "bomb", "shell", "pound", "blast", "shoot", "strafe", "plant", "place",
              "go", "burst", "use", "machinegun", "open", "raze", "level", "demolish", "crash", "hurt",
              "down", "rocket", "aim", "cause",
              "observe", "hear", "see", "record", "register", "spot", "report", "involve"}
# Trigger families of an act done in the sentence, besides the weapon itself.
_ACT_FAMILIES = {"violence", "attack_civilian", "clash", "cue_direct_fire", "suicide", "chemical",
                 "abduction", "looting", "cue_lethal"}


# Aircraft, which are flown, not set down where they go off: "placed" or "planted" puts a bomb or a
# charge to use, not an aircraft ("all private aircraft were placed under military control").
_AIRCRAFT = {"warplane", "jet", "aircraft", "airplane", "plane", "helicopter", "gunship", "bomber", "drone"}
_SETTING_VERBS = {"place", "plant"}


def _put_to_use(tok) -> bool:
    """The weapon is the object or subject of a verb of use, or qualifies a noun of use
    ("mortar fire", "a rocket attack"): read up to the first verb. An aircraft is not put to
    use by a verb of setting down (:data:`_SETTING_VERBS`)."""
    if any(c.lemma_.lower() in _ACT_NOUNS for c in tok.children):
        return True
    node = tok
    for _ in range(5):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):  # the word stripped too: "machinegunned" is lemmatised badly
            verbs = {node.lemma_.lower(), re.sub(r"(?:n?ed|ing)$", "", node.lower_)}
            if tok.lemma_.lower() in _AIRCRAFT:
                verbs -= _SETTING_VERBS
            return bool(verbs & _USE_VERBS)
        if node.lemma_.lower() in _ACT_NOUNS:
            return True
    return False


def _weapon_idle(tok, trigger: Trigger, sent) -> str | None:
    """A weapon or aircraft noun in a sentence that tells no act: no verb puts it to use,
    no other word names an attack, no one is killed or hurt ("the enemy brought in aircraft
    and heavy artillery", "the missiles are hard to control", "helicopters carried troops")."""
    from .classify import _casualties, match_lexicon  # classify imports this module

    if not _weapon_trigger(trigger):
        return None
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _INSTRUMENTS or _put_to_use(tok):
        return None
    for hit in match_lexicon(sent):
        if hit.head.i == tok.i:
            continue
        lemma = hit.head.lemma_.lower()
        if hit.family in _ACT_FAMILIES or (hit.family in _WEAPON_FAMILIES and lemma not in _INSTRUMENTS):
            return None
    if _casualties(sent):
        return None
    return f"{tok.text} (no act)"


def _means_of_travel(tok, trigger: Trigger) -> str | None:
    """An aircraft after a bare "by" ("the wounded were evacuated by helicopter", "the minister
    flew in by plane"): how people or goods travel, as "by car" or "by boat" is, not an attack.
    A strike by aircraft has an article or a plural ("bombed by a helicopter", "strafed by
    jets")."""
    if not _weapon_trigger(trigger) or tok.tag_ != "NN" or tok.lemma_.lower() not in _INSTRUMENTS:
        return None
    if tok.dep_ != "pobj" or tok.head.lower_ != "by" or any(c.dep_ in ("det", "poss", "nummod", "amod")
                                                            for c in tok.children):
        return None
    return f"by {tok.text} (travel)"


def _kind_of_act(tok, trigger: Trigger) -> str | None:
    """A bare singular act noun in the "of" complement of a noun of kind or use ("the use of
    kidnapping as a political weapon", "the practice of murder"), or the crime of a charge, a
    sentence or a verdict ("charged with murder", "convicted of kidnapping", "jailed for
    extortion"): a kind of act, not one that happened. "The kidnapping of the mayor" has its
    article and stays, as does "charged with the murder of the mayor"."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or not _names_acts(tok, trigger):
        return None
    head = _plural_head(tok)
    if any(c.dep_ in ("det", "poss", "nummod") for t in (tok, head) for c in t.children):
        return None
    victims = _of_a_class(head)
    if victims:
        return f"{tok.text} of {victims}"
    prep = head.head
    if head.dep_ != "pobj" or prep.head.i == prep.i:
        return None
    kind = prep.head
    if prep.lower_ == "of" and kind.pos_ == "NOUN" and kind.lemma_.lower() in _cues().get("kind_of", {}):
        return f"{kind.text} of {tok.text}"
    if prep.lower_ in _CHARGE_PREPS and kind.lemma_.lower() in _cues().get("charge", {}) \
            and not _arrest_told(tok.sent):
        return f"{kind.text} {prep.text} {tok.text}"
    return None


def _arrest_told(sent) -> bool:
    """The sentence tells of an arrest ("the suspect was arrested Monday and arraigned on charges
    of murder"): the crime of its charge names the incident the arrest belongs to, and keeps it
    there."""
    from .classify import match_lexicon  # classify imports this module

    return any(hit.family == "arrest" for hit in match_lexicon(sent))


# Prepositions that put a crime to a charge, a sentence or a verdict ("charged with murder",
# "convicted of kidnapping", "jailed for extortion").
_CHARGE_PREPS = ("of", "with", "for")


def _of_a_class(act) -> str | None:
    """The plural, uncounted victims of a bare act noun ("murder and kidnapping of students,
    peasants and workers"): a class of people, so a kind of act, not one that happened."""
    for prep in (c for c in act.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            if obj.tag_ == "NNS" and not any(c.dep_ in ("nummod", "det", "poss") for c in obj.children):
                return obj.text
    return None


# Nouns that name a whole people: "bombed the civilian population", "killing salvadorans".
_POPULATION_NOUNS = {"population", "populace", "people", "citizenry"}


# Plural nouns of people with no class of their own: "murdered people", "disappeared persons".
_BARE_PEOPLE = {"people", "persons"}
# Words a list of the classes of victims an "of" opens may hold before the participle:
# "families of jailed activists, disappeared, and murdered people".
_CLASS_LIST_POS = ("ADJ", "NOUN", "VERB", "CCONJ", "PUNCT")
_CLASS_LIST_MAX = 8  # words from "of" to the participle


def _class_of_victims(tok, trigger: Trigger) -> str | None:
    """A participle of violence or seizure set before bare "people" or "persons" in the "of"
    complement of a noun, with no article or number: a class of victims that a group or a
    cause is named for ("relatives of detained and disappeared persons", "the committee of
    mothers of murdered people"), not people an act befell. "The bodies of two murdered
    people" counts them and stays."""
    m = _FAMILY.match(trigger.rule)
    if not m or m.group(1) not in ("violence", "abduction", "arrest") or tok.tag_ not in ("VBN", "VBD", "JJ"):
        return None
    doc = tok.doc
    nxt = tok.i + 1
    if nxt >= len(doc) or doc[nxt].lower_ not in _BARE_PEOPLE:
        return None
    for k in range(tok.i - 1, max(tok.sent.start, tok.i - _CLASS_LIST_MAX) - 1, -1):
        word = doc[k]
        if word.lower_ == "of" and word.pos_ == "ADP":
            return f"of ... {tok.text} {doc[nxt].text}"
        if word.pos_ not in _CLASS_LIST_POS or word.like_num or word.pos_ == "PUNCT" and word.text != ",":
            return None
    return None


def _whole_population(tok) -> str | None:
    """Violence done to a whole people ("they are killing the Panamanian people", "guerrillas
    who attack the civilian population", "a government that has bombed its people"): a charge
    made in a speech or a statement, not a report of one attack. Any number ("killing 12
    people") makes it a count of victims and keeps the event."""
    if tok.pos_ != "VERB":
        return None
    for obj in (c for c in tok.children if c.dep_ == "dobj"):
        lemma = obj.lemma_.lower()
        if lemma not in _POPULATION_NOUNS:
            continue
        kids = list(obj.children)
        if any(c.dep_ in ("nummod", "quantmod") or c.like_num or c.lower_ in _GENERIC_DETS for c in kids):
            return None
        if lemma != "people" or any(c.dep_ == "poss" or c.lower_ == "the" or c.ent_type_ == "NORP" for c in kids):
            return f"{tok.text} {' '.join(t.text for t in obj.subtree)}"
    return None


# Verbs of damage that also take an abstract object ("destroying the peace process").
_DAMAGE_VERBS = {"destroy", "damage"}


def _abstract_damage(tok, trigger: Trigger) -> str | None:
    """Damage done to something that is no property ("destroying the possibility of dialogue",
    "the legitimacy of the government was destroyed", "destroying the forces of reaction"):
    a figure of speech in a statement, not an attack on a building or a vehicle."""
    m = _FAMILY.match(trigger.rule)
    if not m or m.group(1) != "looting" or tok.pos_ != "VERB" or tok.lemma_.lower() not in _DAMAGE_VERBS:
        return None
    abstract = _cues().get("abstract_object", {})
    for obj in (c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
        if obj.lemma_.lower() in abstract:
            return f"{tok.text} {' '.join(t.text for t in obj.subtree)}"
    return None


def _habitual(tok, sent) -> str | None:
    """Plural acts, or violence named in the mass ("has seen repeated fighting"), qualified as a
    pattern ("the army's indiscriminate bombings", "systematic murders", "frequent kidnappings of
    union leaders"): a charge about a campaign, not a report
    of one act. A date or a time in the sentence ("indiscriminate bombings this morning in San
    Miguel") tells of particular acts and keeps the event."""
    if tok is None or tok.pos_ != "NOUN" or tok.tag_ != "NNS" and tok.lower_ not in _MASS_ACTS:
        return None
    habits = _cues().get("habitual", {})
    cue = next((c for c in tok.children if c.dep_ == "amod" and (c.lemma_.lower() in habits or c.lower_ in habits)),
               None)  # "repeated" is read as the verb "repeat"
    if cue is None or any(e.label_ in ("DATE", "TIME") for e in sent.ents):
        return None
    return f"{cue.text} {tok.text}"


# Nouns of violence that name many acts in the singular: "has seen repeated fighting"
_MASS_ACTS = frozenset({"fighting", "violence", "shelling", "gunfire", "bombardment", "unrest"})


# Trigger families of violent acts that a speech can charge as a practice ("keep murdering").
_PRACTICE_FAMILIES = ("violence", "explosion", "shelling", "air", "attack_civilian", "abduction", "looting")
# Verbs that keep an act going: "they continue murdering", "the army keeps bombing".
_KEEP_UP = {"continue", "keep", "persist"}


def _ongoing(tok, trigger: Trigger, sent) -> str | None:
    """A violent act told as a practice that goes on ("they continue murdering our people", "the
    army is bombing the poor neighbourhoods", "death squads have been killing trade unionists"):
    a charge made in a speech or a communique, not a report of one act. A date, a time, a
    number or a named person in the sentence ties it to a particular happening and keeps it."""
    m = _FAMILY.match(trigger.rule)
    if tok.pos_ != "VERB" or not m or m.group(1) not in _PRACTICE_FAMILIES:
        return None
    auxes = [c.lower_ for c in tok.children if c.dep_ == "aux"]
    cue = None
    if tok.tag_ == "VBG" and "been" in auxes and any(a in ("have", "has", "'ve") for a in auxes):
        cue = " ".join(auxes + [tok.text])  # "have been killing"
    elif tok.tag_ == "VBG" and any(a in ("is", "are", "am", "'re") for a in auxes):
        cue = " ".join(auxes + [tok.text])  # "are bombing"
    elif tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _KEEP_UP and tok.head.tag_ != "VBD" \
            and tok.head.i != tok.i:
        cue = f"{tok.head.text} {tok.text}"  # "continue murdering", "continue to bomb"
    elif tok.tag_ in ("VBN", "VBZ", "VBP"):
        cue = _done_to_a_class(tok, auxes)
    if cue is None or _particular(tok, sent):
        return None
    return cue


def _done_as_a_pattern(tok, trigger: Trigger, sent) -> str | None:
    """A violent act done "indiscriminately", "systematically" or "constantly" to many
    ("death squads that systematically murder peasants", "when it indiscriminately bombed the
    slums"): a charge about a campaign, as "indiscriminate bombings" is. An act with no plural
    object ("the gunman fired indiscriminately on the queue") is one act told with its manner.
    A date, a time, a number or a named person in the sentence ties it to one happening and
    keeps it."""
    m = _FAMILY.match(trigger.rule)
    if tok.pos_ != "VERB" or not m or m.group(1) not in _PRACTICE_FAMILIES:
        return None
    if not any(c.dep_ in ("dobj", "nsubjpass") and (c.tag_ == "NNS" or c.lemma_.lower() in _POPULATION_NOUNS)
               for c in tok.children):
        return None
    habits = _cues().get("habitual", {})
    cue = next((c for c in tok.children if c.dep_ == "advmod" and _adjective_of(c.lower_) in habits), None)
    if cue is None or _particular(tok, sent):
        return None
    return f"{cue.text} {tok.text}"


def _adjective_of(adverb: str) -> str:
    """The adjective an adverb of manner is made from: "systematically" -> "systematic"."""
    if adverb.endswith("ically"):
        return adverb[:-4]
    return adverb[:-2] if adverb.endswith("ly") else adverb


def _done_to_a_class(tok, auxes: list[str]) -> str | None:
    """A perfect or a simple present whose victims are a class of people, bare plural or a
    whole people ("journalists have been murdered", "who has murdered children and women",
    "the army kills peasants"): what someone has done or does, not one act that happened."""
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    if tok.tag_ == "VBN" and not any(a in ("have", "has", "'ve") for a in auxes):
        return None
    if tok.tag_ != "VBN" and (passive or auxes):
        return None
    victim = next((c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")), None)
    if victim is None or not _a_class(victim):
        return None
    helpers = [c.text for c in tok.children if c.dep_ in ("aux", "auxpass")]
    return " ".join(helpers + [tok.text, victim.text])


def _a_class(noun) -> bool:
    """A bare plural ("peasants", "trade unionists") or a whole people ("the people")."""
    kids = list(noun.children)
    if any(c.dep_ in ("nummod", "quantmod", "poss") or c.like_num for c in kids):
        return False
    if noun.lemma_.lower() in _POPULATION_NOUNS:  # "the people", not "some people were hurt"
        return any(c.lower_ == "the" or c.ent_type_ == "NORP" for c in kids)
    return noun.tag_ == "NNS" and not any(c.dep_ in ("det", "predet") and c.lower_ not in _GENERIC_DETS for c in kids)


def _particular(tok, sent) -> bool:
    """A date, a time or a number in the sentence, or a person named under the act, ties it
    to one happening."""
    if any(t.like_num and not any(c.dep_ == "det" for c in t.children) for t in sent) \
            or any(e.label_ in ("DATE", "TIME", "CARDINAL") for e in sent.ents):  # "the one who" counts nobody
        return True
    below = {t.i for t in tok.subtree}
    return any(e.label_ == "PERSON" and e.root.i in below for e in sent.ents)


def _figurative(tok) -> str | None:
    """An event noun qualified as a figure of speech: "a social explosion", "a time bomb"."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    figures = _cues().get("figurative", {})
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.i < tok.i and child.lemma_.lower() in figures:
            return f"{child.text} {tok.text}"
    return None


# Words of fighting that also name a struggle by other means. An "operation" or a "raid"
# against drug trafficking is a police action all the same, and stays an event.
_FIGHT_WORDS = {"fight", "fighting", "battle", "combat", "engage", "offensive", "struggle", "war", "clash"}
# Prepositions and verbs that bring in what a fight is fought with, against, for or in.
_FIGHT_PREPS = {"in", "with", "against", "for", "over", "through", "by"}


def _peaceful_fight(tok, trigger: Trigger) -> str | None:
    """A fight that is no combat: engaged in a dialogue, fought with words, a battle of ideas,
    a fight against drug trafficking or corruption, a diplomatic offensive. Its complement or
    its modifier names a peaceful means or a social ill, not an armed side."""
    m = _FAMILY.match(trigger.rule)
    if not m or m.group(1) != "clash" or tok.lemma_.lower() not in _FIGHT_WORDS:
        return None
    cues = _cues()
    peaceful, modifiers = cues.get("peaceful_object", {}), cues.get("figurative_fight", {})
    # "do battle using ideas": the means hangs on the light verb whose object the fight is
    near = list(tok.children) + (list(tok.head.children) if tok.dep_ == "dobj" and tok.head.i != tok.i else [])
    for child in near:
        if child.i == tok.i:
            continue
        if child.dep_ in ("amod", "compound") and child.head.i == tok.i and child.i < tok.i \
                and child.lemma_.lower() in modifiers:
            return f"{child.text} {tok.text}"
        objs = []
        if child.dep_ == "prep" and child.lower_ in _FIGHT_PREPS or child.dep_ == "agent":
            objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
        elif child.dep_ in ("advcl", "xcomp", "acl") and child.lemma_.lower() == "use":
            objs = [g for g in child.children if g.dep_ == "dobj"]
        for obj in objs:
            if obj.lemma_.lower() in peaceful:
                return f"{tok.text} {child.text} {obj.text}"
    return None


def _verbal_attack(tok, trigger: Trigger) -> str | None:
    """An attack made in words: "harshly attacked the president", "strongly criticised and
    attacked the plan" (an adverb of speech on the verb), not with arms."""
    m = _FAMILY.match(trigger.rule)
    if not m or m.group(1) != "violence" or tok.lemma_.lower() != "attack":
        return None
    if tok.pos_ != "VERB":
        return _attack_between_bodies(tok)
    verbal = _cues().get("verbal", {})
    for child in tok.children:
        if child.dep_ == "advmod" and child.lower_ in verbal:
            return f"{child.text} {tok.text}"
    return _attack_between_bodies(tok)


# Prepositions that name, on an attack noun, who made it and at whom it was aimed.
_ATTACK_DOER_PREPS = ("by", "from")
_ATTACK_TARGET_PREPS = ("against", "on")
# classify's families of arms and acts
_ARMS_CUES = ("cue_firearm", "cue_blade", "cue_arson", "cue_assassination", "cue_direct_fire", "cue_lethal")


def _attack_between_bodies(tok) -> str | None:
    """An attack one body of politics makes on another, with no weapon in its sentence ("the
    unjustified attacks by the Cuban government against the national government", "the
    opposition attacked the government over the budget"): words, not arms. Forces, gunmen or
    rebels are no body of politics ("government forces attacked the opposition's office")."""
    bodies = _cues().get("political_body", {})
    doer = target = None
    if tok.pos_ == "VERB":
        doer = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        target = next((c for c in tok.children if c.dep_ == "dobj"), None)
    elif tok.pos_ == "NOUN":
        for prep in (c for c in tok.children if c.dep_ == "prep"):
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if prep.lower_ in _ATTACK_DOER_PREPS:
                doer = obj
            elif prep.lower_ in _ATTACK_TARGET_PREPS:
                target = obj
        if target is None and doer is not None:  # "against" read as the doer's: "by X against Y"
            for prep in (c for c in doer.children if c.dep_ == "prep" and c.lower_ in _ATTACK_TARGET_PREPS):
                target = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if doer is None or target is None or doer.lemma_.lower() not in bodies or target.lemma_.lower() not in bodies:
        return None
    from .classify import _WEAPONS, match_lexicon  # classify imports this module

    if any(hit.family in _WEAPONS or hit.family in _ARMS_CUES for hit in match_lexicon(tok.sent)):
        return None
    return f"{tok.text} by {doer.text} on {target.text}"


def _told_in_past(tok) -> bool:
    """The noun belongs to a simple-past clause: "clashes broke out", "three died in attacks"."""
    node = tok
    for _ in range(4):
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node.tag_ == "VBD"
    return False


def mention_modality(sent, trigger: Trigger) -> tuple[str, str | None]:
    """(modality, cue words): ``asserted`` or the reason it is not an event.

    Once per sentence and trigger in a document: ranking the triggers asks it, and so
    does coding the chosen ones. A trigger's score plays no part in it."""
    memo = per_doc(sent.doc, "mention_modality", dict)
    key = (sent.start, sent.end, trigger.start, trigger.end, trigger.event_type, trigger.sub_event_type, trigger.rule)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _mention_modality(sent, trigger)
    return found


def _mention_modality(sent, trigger: Trigger) -> tuple[str, str | None]:
    tok = _trigger_token(sent, trigger)
    if tok is None:
        return ASSERTED, None
    path = _path(tok, sent)
    text = span_text(sent)
    if text.rstrip().rstrip('"”’\'').endswith("?") and not _fact_in_a_question(path):
        return "hypothetical", "?"  # a question reports nothing ("is it not enough to have attacked?")
    if _REPORTED_QUESTION.match(text):
        return "hypothetical", "asked"  # the same question in reported speech ("does a war kill..., he asked.")
    purpose = _purpose(tok) if trigger.event_type != "Protests" else None  # "gathered to protest" is the protest
    if purpose:
        return "plan", purpose
    neg = negation(tok)
    if neg:
        return "negated", neg
    kind = _compound_kind(tok)
    if kind:
        return kind
    generic = _generic(tok, sent) if _names_acts(tok, trigger) else None
    act = _act_named_by(tok)
    generic = generic or (_generic(act, sent) if act is not None else None) or _weapon_held(tok, trigger) \
        or _weapon_idle(tok, trigger, sent) or _means_of_travel(tok, trigger) or _kind_of_act(tok, trigger) \
        or _whole_population(tok) or _class_of_victims(tok, trigger) \
        or _abstract_damage(tok, trigger) or _figurative(tok) or _verbal_attack(tok, trigger) or _peaceful_fight(tok, trigger) \
        or (_habitual(tok, sent) if _names_acts(tok, trigger) or tok.lower_ in _MASS_ACTS else None) \
        or _habitual(act, sent) \
        or _ongoing(tok, trigger, sent) or _done_as_a_pattern(tok, trigger, sent) or _said_to_be_common(tok) \
        or _struggle_for(tok, sent) or _measure_extended(tok, trigger) or _goes_on(tok) or _what_was_done(tok)
    if generic:
        return "generic", generic
    told = _verb_of_weapon(tok, trigger, sent)
    if told is not None:
        return told
    for finder in (lambda: _governor(path), lambda: _report_untrue(path), lambda: _in_order_to(path),
                   lambda: _clause_cue(path, sent), lambda: _background(path, sent)):
        found = finder()
        if found:
            return found
    first = _first_conjunct(tok)
    if first is not None:
        # "could kill people and destroy jobs", "no priest was jailed, murdered or exiled":
        # a verb joined to another shares its subject, its auxiliary, its negation and its purpose
        purpose = _purpose(first) if trigger.event_type != "Protests" else None
        if purpose:
            return "plan", purpose
        neg = negation(first)
        if neg:
            return "negated", neg
        found = _clause_cue(_path(first, sent), sent)
        if found:
            return found
    return ASSERTED, None


def _fact_in_a_question(path) -> bool:
    """The act is told in a relative clause in the simple past that a time dates, within a
    question ("what do the armed forces think about the bombs that were detonated yesterday
    and killed six soldiers?"): the question asks about an act it takes as having happened.
    The act of the question's own clause ("did the army bomb the village yesterday?") is still
    only asked about."""
    for node in path:
        if node.dep_ == "relcl":
            return _told_in_the_past(node) and any(t.ent_type_ in ("DATE", "TIME") for t in node.subtree)
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "conj":
            return False
    return False


def _first_conjunct(tok):
    """The verb a conjoined verb with no subject or auxiliary of its own shares them with. An
    infinitive joined to an infinitive ("doing all it can to block the vote and to murder those
    who laid down their arms") shares the first one's purpose and governor: its own "to" is no
    auxiliary of a clause of its own."""
    first = tok
    while first.dep_ == "conj" and first.pos_ == "VERB" and first.head.i != first.i \
            and first.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "mark")
                        or (c.dep_ == "aux" and not _shared_to(c, first.head)) for c in first.children):
        first = first.head
    return first if first is not tok else None


def _infinitive_to(tok) -> bool:
    """The "to" of an infinitive, which marks its verb's form, not a clause of its own."""
    return tok.dep_ == "aux" and tok.tag_ == "TO"


def _shared_to(aux, head) -> bool:
    """The conjunct's "to" repeats that of the infinitive it joins ("to block ... and to murder")."""
    return _infinitive_to(aux) and any(_infinitive_to(c) for c in head.children)
