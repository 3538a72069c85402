"""Scoring news articles: GVC gun-violence reports and MUC-4 wire stories.

A news gold row is one article, not one event.

GVC: the article's main incident (its first event: the pipeline puts it
first, see ``assemble``) is compared with its Gun Violence Archive incident: killed and injured (GVA's final totals; null is not
scored), the event date exactly and within a day, the state, the city
(GVA's ``location`` or ``location_alt``, case- and St./Saint-insensitive)
and the distance. ``old_event`` is the share of articles with an event
dated more than 60 days before publication (lower is better).

MUC-4: every event of the document counts. Relevance is scored as
precision and recall of "the document yields at least one event of a kind
MUC codes" against gold ``relevant`` (``relevance_*``): a terrorist act, not
a battle with the military, a protest, a riot, an arrest or a political
event, which MUC leaves uncoded and so must not count against precision
(``muc_type``). ``relevance_any_*`` counts every
event. A template that is optional (the MUC key's OPTIONAL marks doubt that
it belongs) or only THREATENED (eventwire codes a threat as no event; the gold
README advises leaving such templates out of recall) is don't-care: a document
whose every template is don't-care counts for neither precision nor recall.
Over the other templates, the
incident type is found when some event maps to it, and the perpetrator
organisation is found when some event's first actor (its words or its
dictionary name) matches any variant of a gold ``perp_org``, or is the actor
that variant names in eventwire's actor dictionary ("the salvadoran army" is
Military Forces of El Salvador; "the army", of any country).
``incident_type_precision`` is the share of the types found in a relevant
document that some template of it (optional ones too) has.
``events_per_relevant_doc`` is a mean, not a rate. ``location_country`` is the share of
the in-scope events of relevant documents placed in a country of the document's templates
(the key's ``location_country``): where a lower-case story puts its incidents.
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import Any, Sequence

from ..records import Event, Evidence
from ._normalise import fold
from ._score import RowScore, count_checks, date_check, location_checks

__all__ = ["score_gvc", "score_muc4", "muc_type", "muc_types", "same_city", "finish_muc4", "OLD_DAYS"]

# An event dated this many days before the article is not the article's news.
OLD_DAYS = 60
_SAINT = re.compile(r"\b(st|ste)\b")
# A leading article that one name form writes and the other leaves out: "The Bronx" is GVA's "Bronx".
_LEADING_THE = re.compile(r"^the\s+")


@functools.lru_cache(maxsize=None)
def _muc_types() -> dict[tuple[str, str], str]:
    from ..extract._cue_tables import read_table

    return {(r["scheme"], r["label"]): r["muc_type"] for r in read_table("muc_incident_types.csv")}


def _military(actor) -> bool:
    return actor is not None and actor.type == "state forces" and actor.name.startswith("Military Forces")


# Words that name only civilians: a count of dead or hurt whose sentence holds one tells of
# civilians struck ("two children were killed", "a cbs reporter was also killed"), and so do
# words of kinship, which name a person by a family ("the ambassador's daughter was wounded", "a
# farmer and his two sons were shot"); "people", "men" or "victims" may be soldiers or guerrillas
# too.
_CIVILIAN_WORDS = re.compile(
    r"\b(?:civilians?|children|child|women|woman|girls?|boys?|infants?|babies|baby|peasants?|"
    r"farmers?|villagers?|residents?|passers?-?by|bystanders?|passengers?|students?|teachers?|"
    r"journalists?|reporters?|newsmen|cameram[ae]n|priests?|nuns?|jesuits?|tourists?|"
    r"daughters?|sons?|wife|wives|husbands?|mothers?|fathers?|sisters?|brothers?)\b")
_HARM_FIELDS = ("fatalities", "injured")


def _civilians_struck(event: Event) -> bool:
    """The sentence of a count of the event's dead or hurt names civilians among them, the event
    tells of a murder (:func:`_murder_told`), or a weapon was used on civilians
    (:func:`_weapon_on_civilians`)."""
    return _murder_told(event) or _weapon_on_civilians(event) or any(
        e.field in _HARM_FIELDS and _CIVILIAN_WORDS.search(fold(e.sentence)) for e in event.evidence)


# Families of classify's lexicon whose words name a weapon put to use: a bomb, a shell, a grenade,
# an aircraft's raid.
_WEAPON_FAMILIES = ("explosion", "shelling", "air", "grenade", "ied")


def _weapon_on_civilians(event: Event) -> bool:
    """A mention of the event read from a weapon's words, told as an act (not one that points back,
    classify's ``+anaphor``), whose sentence names civilians ("the air force bombed and strafed the
    village's civilians", "mortar rounds fell on a crowded market and wounded two children"): within
    the fighting around it, a bombing or a shelling of civilians is an attack on them, which MUC
    codes (TASKDOC template-doc-part1 section 1: the target decides)."""
    for e in event.evidence:
        family = _FAMILY_RULE.match(e.rule) if e.field == "event_type" and "+anaphor" not in e.rule else None
        if family and family.group(1) in _WEAPON_FAMILIES and _CIVILIAN_WORDS.search(fold(e.sentence)):
            return True
    return False


_VIOLENCE_RULE = re.compile(r"lex:violence\(([^()]+)\)")  # classify's rule of a class read from a word of violence


def _murder_told(event: Event) -> bool:
    """A mention of the event is read from a word of scheme "murder" told as an act of its own
    ("the rebels shot dead a night watchman and murdered the owner of a bakery"), not one that points
    back ("the murder", classify's ``+anaphor``): a murder is done to the unarmed, which MUC codes
    as an ATTACK on civilians within the fighting around it, not as a battle (TASKDOC
    template-doc-part1 section 1: the target decides)."""
    for e in event.evidence:
        cue = _VIOLENCE_RULE.match(e.rule) if e.field == "event_type" else None
        if cue and "+anaphor" not in e.rule and _stem_words("murder").match(cue.group(1)):
            return True
    return False


def _outside_scope(event: Event, table: dict[tuple[str, str], str]) -> bool:
    """MUC codes violence against civilian and government targets: not protests, riots,
    political events, nor battles with the military; people shot or killed within a riot are
    its violence all the same (:func:`_shooting_in_crowd`). An armed clash counts only as an
    attack GTD would code (an ambush of police), with no military party, or as an attack
    that killed or hurt civilians: MUC's key codes them as the human targets of an attack
    on a post or a barracks, and the battle around them as no incident (TASKDOC
    template-doc-part1 section 1: the target decides)."""
    if ("outside", event.sub_event_type) in table and not _shooting_in_crowd(event):
        return True
    if _against_drug_traffickers(event) or _blasts_heard(event) or _looters_met(event) \
            or _prison_revolt(event):
        return True
    if event.sub_event_type != "Armed clash" or _civilians_struck(event) or _attack_on_police(event):
        return False
    return _military(event.actor1) or _military(event.actor2) or not event.codes.get("gtd_attack_type") \
        or _fighting_only(event)


# Families of classify's lexicon whose words tell an act of violence done to someone or something
# ("shot", "attacked", "mortar fire", "blew up", "kidnapped", "set fire"), as against the words
# of fighting itself ("clashes", "fighting", "ambushed", "operation").
_ACT_FAMILIES = ("violence", "shelling", "explosion", "attack_civilian", "abduction", "looting", "grenade", "ied",
                 "air", "suicide", "chemical")
_FAMILY_RULE = re.compile(r"lex:(\w+)\(")
# Words that tell someone shot, killed or hurt, as a clash word's sentence may ("was shot twice
# during a shootout"): the fighting then has a victim of its own.
_HARM_WORDS = re.compile(r"\b(?:shot|shoot\w*|kill\w*|wound\w*|injur\w*|murder\w*|dead|died|hurt)\b")


def _fighting_only(event: Event) -> bool:
    """Every mention of the armed clash is told in words of fighting ("fighting has intensified
    near the hotel", "the day of fighting", "the offensive"), none in words of an act done to a
    target, and no sentence of them tells anyone shot, killed or hurt or names the police (an
    ambush of a police patrol is an attack on a government target): a battle whose parties were
    misread (a town's residents, a crowd) is still a battle, which MUC leaves out (TASKDOC
    template-doc-part1 section 1); an attack told as one ("the guerrillas shot a businessman",
    "she was shot during a shootout") names its target."""
    mentions = [e for e in event.evidence if e.field == "event_type"]
    families = (_FAMILY_RULE.match(e.rule) for e in mentions)
    police = _stem_words("police")
    return bool(mentions) and not any(f and f.group(1) in _ACT_FAMILIES for f in families) \
        and not any(_HARM_WORDS.search(fold(e.sentence)) or police.search(e.sentence) for e in mentions)


# ACLED classes of a crowd's violence or of force met by a crowd, and the GTD types that read a
# shooting or a killing of people in the event's words.
_CROWD_CLASSES = ("Mob violence", "Violent demonstration", "Protest with intervention")
_PROTESTS = ("Peaceful protest", "Excessive force against protesters")
_ARMED_ACTS = ("Armed Assault", "Assassination")


def _shooting_in_crowd(event: Event) -> bool:
    """An event ACLED's unit classes as a riot or a protest met with force whose GTD type reads
    an armed assault or an assassination ("two men in a car fired on the marching students",
    "the party leader was killed on 1 august by a band of extremists"): it tells of people shot
    or killed, which MUC keys as an ATTACK (TASKDOC template-doc-part1 section 1: the act and its
    target decide), whatever crowd the event's words also name. A riot with no such act (stones,
    roadblocks, a looted shop) stays outside MUC's scope, and so does force against protesters,
    which ACLED classes apart."""
    return event.sub_event_type in _CROWD_CLASSES and event.codes.get("gtd_attack_type") in _ARMED_ACTS


def _against_drug_traffickers(event: Event) -> bool:
    """State forces' violence against drug traffickers: the event's other party is a cartel, or
    its dead or hurt are told as traffickers ("two drug traffickers were killed in the shoot-out
    with the anti-narcotics police"), by a word of scheme "drug". MUC leaves the killing of drug
    traffickers out of its scope (TASKDOC template-doc-part1 section 1), as it leaves out battles
    between the army and the guerrillas."""
    if event.actor1 is None or event.actor1.type != "state forces":
        return False
    drug = _stem_words("drug")
    victims = [c.victims for c in (event.fatalities, event.injured) if c is not None and c.victims]
    return any(drug.search(fold(text)) for text in [event.actor2.name if event.actor2 else "", *victims])


def _looters_met(event: Event) -> bool:
    """An armed clash a sentence of whose mentions tells of looters or looting (a whole word of scheme
    "looters": "a clash between the police and people looting shops", "shooting among gangs of
    looters and policemen"): the police against a crowd that loots, a riot, which MUC leaves out
    however many were killed (TASKDOC template-doc-part1 section 1: terrorism is political violence),
    as ACLED codes it among riots. Armed men who loot within an attack ("the rebels raided the town
    and looted its shops") are told as an attack, not a clash, and keep their ROBBERY."""
    return event.sub_event_type == "Armed clash" and any(
        _whole_words("looters").search(e.sentence) for e in event.evidence if e.field == "event_type")


def _prison_revolt(event: Event) -> bool:
    """An event a sentence of whose mentions tells of inmates in revolt (a whole word of scheme "inmates"
    beside a stem of scheme "revolt": "the mutinous prisoners seized the armory", "the rebellious
    inmates still hold forty visitors hostage"): a prison riot, whatever hostages or guards' deaths it
    holds, is common crime, not the political violence MUC codes (TASKDOC template-doc-part1 section
    1), and ACLED codes it among riots. Prisoners of war are fighters, not inmates, and riot police
    who free hostages tell of no revolt."""
    inmates, revolt = _whole_words("inmates"), _stem_words("revolt")
    sentences = [_NO_INMATE_REVOLT.sub("", e.sentence.lower()) for e in event.evidence if e.field == "event_type"]
    return any(inmates.search(s) and revolt.search(s) for s in sentences)


# Words that hold an inmate or a revolt word and name neither: captured fighters, a police unit.
_NO_INMATE_REVOLT = re.compile(r"\bprisoners? of war\b|\briot (?:police|policemen|squads?|gear|troops|units?)\b")


_ARMED_GROUPS = ("state forces", "civilians", "protesters", "rioters")  # types that are no armed group
_ATTACK_RULE = re.compile(r"lex:violence\(attack")  # classify's rule of a class read from "attack(ed)"


def _attack_on_police(event: Event) -> bool:
    """An armed clash that holds an armed group's attack ("commandos staged attacks on the
    garrison and the police station") whose sentence names police
    among its targets (a stem of scheme "police"): a one-sided attack on a government target,
    which MUC codes (TASKDOC template-doc-part1 section 1), not a battle, even where the
    event's other party was read as the military. Any mention of the event may tell it, not
    only its first: a report opens on the fighting ("troops are combing the area") and tells
    the attack that began it further down ("the rebels attacked the bridge guard post at
    dawn"); a mention that points back ("the attack", classify's ``+anaphor``) tells no
    target of its own."""
    if _police_targeted(event):
        return True
    if event.actor1 is None or event.actor1.type in _ARMED_GROUPS:
        return False
    police = _stem_words("police")
    return any(e.field == "event_type" and _ATTACK_RULE.match(e.rule) and "+anaphor" not in e.rule
               and police.search(e.sentence) for e in event.evidence)


# Words from an attack word to the thing it struck: a preposition of a target, an article and
# at most one word more ("attacked a police patrol car", "an attack against the national police").
_TARGET_AFTER = r"\s+(?:(?:on|against)\s+)?(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+)?"


@functools.lru_cache(maxsize=None)
def _police_object() -> re.Pattern:
    stems = "|".join(re.escape(s) for s in _stem_stems("police"))
    return re.compile(r"\battack\w*" + _TARGET_AFTER + r"(?:" + stems + r")", re.I)


def _police_targeted(event: Event) -> bool:
    """A mention of the event read from "attack", told as an act (not one that points back, classify's
    ``+anaphor``), whose object is the police: the words right after the attack word name them
    ("fmln commandos attacked a police patrol car", "an attack against the national police began
    at dusk"), not a place beside them ("troops attacked a rebel camp near the police post").
    Whoever the event's parties were read as, and whatever class ACLED's unit gave the story (the
    fighting around it, a town taken), the sentence tells a one-sided attack on a government
    target, which MUC codes as an ATTACK of its own (TASKDOC template-doc-part1 section 1)."""
    return any(e.field == "event_type" and _ATTACK_RULE.match(e.rule) and "+anaphor" not in e.rule
               and _police_object().search(e.sentence) for e in event.evidence)


# ACLED classes of an armed attack on people: MUC's ATTACK, whatever explosive or damage GTD's
# precedence (Bombing/Explosion and Facility/Infrastructure Attack above Armed Assault) reads
# in the event's other sentences; a kidnapping or hijacking during it keeps its own type.
_ARMED_ATTACKS = ("Attack", "Armed clash")
_OWN_TYPES = ("kidnapping", "hijacking")


def _blasts_alone(event: Event) -> bool:
    """The event's class was read from plural blasts alone ("explosions were heard", classify's
    ``+plural_explosions``: indirect fire at a front), with no mortar, rocket or artillery named.
    Such a class names no weapon, so it does not decide the MUC type by itself: MUC's ATTACK
    covers mortar fire, its BOMBING the explosion of a device, and the GTD type tells which."""
    lead = next((e.rule for e in event.evidence if e.field == "event_type"), "")
    return "+plural_explosions" in lead


# Verbs of hearing: blasts that witnesses heard are a sound, not a device seen to go off.
_HEARD = re.compile(r"\b(?:hear|heard|hearing)\b")


def _blasts_heard(event: Event) -> bool:
    """The event's class was read from plural blasts that were heard ("strong explosions can be
    heard coming from the northern sector", "explosions and heavy gunfire were heard downtown"),
    and it counts no dead or hurt: the sound of the fighting in a city, which names no device,
    no target and no victim. MUC keys neither a battle nor a blast it cannot place on a target
    (TASKDOC template-doc-part1 section 1); a blast heard in a report that counts its victims
    stays ("two explosions that left five persons wounded")."""
    lead = next((e for e in event.evidence if e.field == "event_type"), None)
    return (lead is not None and "+plural_explosions" in lead.rule and bool(_HEARD.search(fold(lead.sentence)))
            and event.fatalities is None and event.injured is None)


_ASSASSINATION_RULE = "gtd.assassination:cue_assassination("  # classify's rule of the word itself


def _assassination_within(event: Event, table: dict[tuple[str, str], str]) -> bool:
    """An event of a class MUC never codes (an arrest, an accord, a political development)
    whose GTD type reads an assassination from the word itself ("four men were arrested for
    the assassination of the senator", "the assassination on 22 march of the candidate forced
    the party out of the race"): the story tells of the killing, which MUC keys as an ATTACK
    of its own (TASKDOC template-doc-part1 section 1), however ACLED's unit names the event."""
    return ("outside", event.sub_event_type) in table and any(
        e.field == "gtd_attack_type" and e.rule.startswith(_ASSASSINATION_RULE) for e in event.evidence)


def _police_attacked_within(event: Event, table: dict[tuple[str, str], str]) -> bool:
    """An event of a class MUC never codes (a town taken, an arrest, an accord), not a crowd's,
    one of whose mentions tells an attack on the police (:func:`_police_targeted`: "the rebels
    seized the highway ... and attacked a police patrol car"): the story tells of that attack,
    which MUC keys as an ATTACK of its own (TASKDOC template-doc-part1 section 1), however
    ACLED's unit names the event. A crowd that attacks the police is a riot, which MUC leaves out."""
    return ("outside", event.sub_event_type) in table and event.sub_event_type not in _CROWD_CLASSES \
        and event.sub_event_type not in _PROTESTS and _police_targeted(event)


def muc_type(event: Event) -> str | None:
    """The MUC-4 incident type of an event's class, or None outside MUC's scope."""
    table = _muc_types()
    if _civilians_seized(event):
        return "kidnapping"
    if _outside_scope(event, table):
        return "attack" if _assassination_within(event, table) or _police_attacked_within(event, table) else None
    if _abduction_with_deaths(event):
        return "kidnapping"
    if ("class", event.sub_event_type) in table and not _blasts_alone(event):
        return table[("class", event.sub_event_type)]
    gtd = event.codes.get("gtd_attack_type")
    by_gtd = table.get(("gtd", gtd)) if gtd else None
    if by_gtd is not None and event.sub_event_type in _ARMED_ATTACKS and by_gtd not in _OWN_TYPES:
        return "bombing" if by_gtd == "bombing" and _attack_with_explosives(event) else "attack"
    if by_gtd is None and event.sub_event_type == "Armed clash" and (_civilians_struck(event)
                                                                       or _attack_on_police(event)):
        return "attack"
    if by_gtd == "arson" and not _burned(event):
        return "attack"  # damage by other means than fire: MUC's catch-all ATTACK
    return by_gtd or table.get(("acled", event.sub_event_type))


_CAPTURE_RULE = "lex:capture("  # classify's rule of a class read from a word of seizing ("captured")


def _civilians_seized(event: Event) -> bool:
    """An arrest whose first mention is a seizure of civilians (:func:`_seizes_civilians`)."""
    lead = next((e for e in event.evidence if e.field == "event_type"), None)
    return event.sub_event_type == "Arrests" and lead is not None and _seizes_civilians(lead)


def _seizes_civilians(evidence: Evidence) -> bool:
    """A mention read from a word of seizing people, not of arrest ("the soldiers captured nine
    peasants and took them to the barracks", "troops came to capture her son"), whose sentence
    names civilians among them: MUC keys the seizure of civilians as a KIDNAPPING, by troops
    state-sponsored violence (TASKDOC template-doc-part1 section 1), where ACLED's unit codes a
    capture by state forces as an arrest, and where the story tells it within a raid or a
    fight. An arrest told as one ("police arrested two suspects") and a capture of fighters
    ("25 soldiers were captured", "capturing eight of its members") stay out."""
    return evidence.field == "event_type" and evidence.rule.startswith(_CAPTURE_RULE) \
        and "+object:people" in evidence.rule and "+anaphor" not in evidence.rule \
        and bool(_CIVILIAN_WORDS.search(fold(evidence.sentence)))


def _abduction_with_deaths(event: Event) -> bool:
    """An abduction whose victims were killed, which ACLED codes as an Attack (assemble's
    "+with_deaths"): MUC keys it by the act, a KIDNAPPING (TASKDOC template-doc-part1 section 1)."""
    lead = next((e for e in event.evidence if e.field == "event_type"), None)
    return lead is not None and lead.rule.endswith("+with_deaths")


_ATTACK_WORD = re.compile(r"\battack")


def _attack_with_explosives(event: Event) -> bool:
    """The attack is told with the explosive GTD reads as its weapon ("a dynamite attack on the
    pipeline", "an attack with very powerful explosives", "the bomb attack on the market"): the
    sentence of one of the event's mentions, not one that points back, names an attack and the
    device (classify's "explosion" family, not an air raid's words) together. MUC's BOMBING is an attack
    made with an explosive device (TASKDOC template-doc-part1 section 1), where ACLED's unit
    names the attack; a device GTD read in another sentence stays the attack's own outcome or
    an act of its own (:func:`muc_types`)."""
    said = [e.sentence.lower() for e in event.evidence
            if e.field == "event_type" and "+anaphor" not in e.rule and _ATTACK_WORD.search(e.sentence.lower())]
    for e in event.evidence:
        cue = _GTD_CUE.match(e.rule) if e.field == "gtd_attack_type" else None
        if cue is None or cue.group(1) != "explosion" or _stem_words("air_raid").fullmatch(cue.group(2).lower()):
            continue
        device = re.compile(r"\b" + re.escape(cue.group(2).lower()) + r"\b")
        if any(device.search(sentence) for sentence in said):
            return True
    return False


def _burned(event: Event) -> bool:
    """The words of the event's facility attack name fire ("set fire", "burned"): MUC's ARSON
    is damage by fire; sabotage and destruction by other means, which GTD's Facility/
    Infrastructure Attack holds too ("destroyed a pylon"), are MUC's ATTACK (TASKDOC
    template-doc-part1 section 1)."""
    return any(e.rule.startswith(_FACILITY_RULE) and _fire_words().search(e.rule)
               for e in event.evidence if e.field == "gtd_attack_type")


_FACILITY_RULE = "gtd.facility/infrastructure:"  # classify's rule of a GTD facility attack


def _fire_words() -> re.Pattern:
    return _stem_words("fire")


@functools.lru_cache(maxsize=None)
def _stem_stems(scheme: str) -> tuple[str, ...]:
    from ..extract._cue_tables import read_table

    return tuple(r["label"] for r in read_table("muc_incident_types.csv") if r["scheme"] == scheme)


@functools.lru_cache(maxsize=None)
def _stem_words(scheme: str) -> re.Pattern:
    """Words that open with a stem of one scheme of the MUC type table ("fire", "blast")."""
    from ..extract._cue_tables import read_table

    stems = [r["label"] for r in read_table("muc_incident_types.csv") if r["scheme"] == scheme]
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + ")", re.I)


def _further_type(label: str, evidence: Evidence, table: dict[tuple[str, str], str],
                  doer: str | None = None) -> str | None:
    """MUC's type of a further act GTD codes in an event (its attacktype2 or 3): a facility
    attack is MUC's ARSON only where its words name fire ("set fire to the farm", "burned
    nine vehicles"), for GTD's type holds sabotage and demolition too; one with no fire and
    no blast in its sentence ("destroyed ten power pylons" beside "blew up a bus") is damage
    by other means, MUC's catch-all ATTACK, while damage a blast did ("the bombs destroyed two
    cars") is the bombing's own outcome; an armed assault or an
    assassination is MUC's ATTACK only where its words name the act ("opened fire on the
    guards", "the assassination of the mayor"), not where GTD read it from a toll alone
    ("the bomb killed three"), which is the bombing's own outcome."""
    muc = table.get(("gtd", label))
    rule = evidence.rule
    if muc == "arson" and not _fire_words().search(rule):
        return "attack" if _damage_done(evidence, doer) else None
    if muc == "attack" and rule.endswith(_TOLL_ONLY):
        return None
    if muc == "bombing":
        return muc if _one_device(rule) else None
    if muc == "kidnapping":
        return muc if _seizure_of_someone(evidence) else None
    return muc if muc in FURTHER_TYPES else None


def _seizure_of_someone(evidence: Evidence) -> bool:
    """A hostage taking GTD reads within another act is MUC's KIDNAPPING of its own where its
    word takes whom it seized in an "of" phrase, alone or joined to another act ("the kidnapping
    of two engineers", "the abduction and murder of the students"): the noun names one act done
    to those people (TASKDOC template-doc-part1 section 1: incidents of different categories are
    separate templates). Bare, it names a kind of crime ("kidnapping cases", "a wave of
    kidnapping"), no act that happened."""
    cue = _GTD_CUE.match(evidence.rule)
    if cue is None:
        return False
    word = re.escape(cue.group(2).lower())
    return re.search(rf"\b{word}(?:\s+and\s+(?:[\w-]+\s+){{0,2}}?[\w-]+)?\s+of\b", evidence.sentence.lower()) \
        is not None


_GTD_CUE = re.compile(r"^gtd\.[^:]+:(\w+)\(([^()]+)\)")  # classify's rule: "gtd.bombing/explosion:explosion(bomb)"


def _one_device(rule: str) -> bool:
    """A bombing GTD reads within an attack is MUC's BOMBING of its own where its words name
    one explosive device gone off ("a car bomb blew up", "the blast hit a truck"; family
    "explosion" of classify's lexicon), not mortars, rockets or aircraft (MUC's ATTACK), not
    plural blasts or bombs, which tell of a campaign or a battle as often ("the bombings",
    "explosions were heard"), and not a scheme "air_raid" word ("the air force bombed").
    "Explosives" names the substance, not blasts counted: one charge set off."""
    cue = _GTD_CUE.match(rule)
    if cue is None or cue.group(1) != "explosion":
        return False
    words = cue.group(2).lower()
    return (not words.endswith("s") or words in _SUBSTANCES) and not _stem_words("air_raid").fullmatch(words)


# Names of an explosive substance, which end in "s" without counting blasts: "wounded by explosives
# the rebels had placed in the school" tells of one charge set off, as "a bomb" does.
_SUBSTANCES = frozenset({"explosives"})


# Words just before a verb of damage that tell it of the thing damaged or of a device ("the
# front was partially destroyed", "it destroyed the entrance"): an outcome, not an act.
_OUTCOME = re.compile(r"\b(?:(?:was|were|been|being|is|are|be)\s+(?:\w+\s+)?|(?:it|which|the|a|an)\s+)$")
_CUE = re.compile(r"\(([^()]+)\)$")  # the words classify's rule read: "...cue_arson(destroyed)"


def _damage_done(evidence: Evidence, doer: str | None) -> bool:
    """The sentence of a facility attack tells damage that armed men did by an act of their
    own ("the rebels destroyed ten pylons", "guerrilla sabotage against the power grid"): it
    names them (a word of scheme "doer" or the event's first actor) and no blast, and its verb
    is not told of the thing damaged ("was destroyed", "it damaged"); damage a blast did ("the
    bombs destroyed two cars") is the bombing's own outcome."""
    sentence = evidence.sentence.lower()
    if _stem_words("blast").search(sentence):
        return False
    if not (_stem_words("doer").search(sentence) or (doer and _words_contain(fold(sentence), fold(doer)))):
        return False
    cue = _CUE.search(evidence.rule)
    at = sentence.find(cue.group(1) if cue else evidence.text.lower())
    return at < 0 or not _OUTCOME.search(sentence[:at])


# MUC types a further act of an event yields: MUC keys an incident of another category as
# a template of its own (TASKDOC template-doc-part1 section 1), where ACLED's unit holds both.
FURTHER_TYPES = frozenset({"arson", "attack", "bombing"})
_TOLL_ONLY = "+casualties"  # classify's rule of an armed assault read from a toll with no weapon named


def muc_types(event: Event) -> set[str]:
    """The MUC-4 incident types an event covers: its own type (:func:`muc_type`), and the
    type of each act GTD codes in it (``codes["gtd_attack_types"]``, GTD's attacktype1-3) that
    MUC keys apart ("killed a watchman and set fire to the farm": an ATTACK and an ARSON,
    where the class names the attack alone): an event outside MUC's scope covers none."""
    own = muc_type(event)
    if own is None:
        return set()
    table = _muc_types()
    if _outside_scope(event, table):
        return {own}  # the assassination a development tells of, and no act of its own
    acts = [e for e in event.evidence if e.field == "gtd_attack_type"]
    doer = event.actor1.text if event.actor1 is not None and event.actor1.type != "civilians" else None
    out = {own} | _acts_told(event)
    if own != "attack" and _gunfire_told(event):
        out.add("attack")
    if any(_seizes_civilians(e) for e in event.evidence):
        out.add("kidnapping")  # people seized within a raid or a fight: a KIDNAPPING of its own
    gtd = event.codes.get("gtd_attack_type")
    for label in event.codes.get("gtd_attack_types") or ([gtd] if gtd else []):
        prefix = f"gtd.{label.split()[0].lower()}:"  # classify's rule names the type it read
        out.update(muc for e in acts if e.rule.startswith(prefix)
                   if (muc := _further_type(label, e, table, doer)) is not None)
    return out


# MUC types a mention's sentence tells by words of its own, and the scheme of those words.
_TOLD_ACTS = (("robbery", "robbery"), ("arson", "burning"), ("attack", "sabotage"), ("kidnapping", "seized"))


def _acts_told(event: Event) -> set[str]:
    """MUC types a sentence of one of the event's mentions tells in whole words of their scheme:
    a theft (scheme "robbery": "the gunmen robbed the cooperative's safe", "they killed the
    foreman and stole two trucks", "the town's shops were looted") is a ROBBERY; a burning
    (scheme "burning": "set the school on fire", "torched two buses", "the hall was burned") an
    ARSON, but not people "burned to death" or "burned alive", a killing; sabotage (scheme
    "sabotage": "the rebels stepped up their sabotage of the power grid", "the pylons were
    sabotaged", "a blackout left the capital dark") an ATTACK, MUC's catch-all for damage done by
    other means than a bomb or fire, which a bombing beside it does not cover; people seized (scheme
    "seized": "civilians are being held hostage by the rebels in the suburb where the clashes
    resumed", "students kidnapped last week") a KIDNAPPING, the words of a deed done to people, not
    the noun that names a kind of crime ("kidnapping cases"). Each is a template of
    its own beside the attack or the bombing (TASKDOC template-doc-part1 section 1: incidents of
    different categories are separate templates), where ACLED's unit holds one event and classify
    reads the sentence as another act ("the rebels set two schools on fire and killed cattle").
    Only those words: "stolen" tells of a thing gone, "fire" of gunfire, as often as of an act."""
    sentences = [e.sentence for e in event.evidence if e.field == "event_type"]
    return {muc for muc, scheme in _TOLD_ACTS if any(_whole_words(scheme).search(s) for s in sentences)}


def _gunfire_told(event: Event) -> bool:
    """A mention of the event, told as an act of its own (not one that points back, classify's
    ``+anaphor``), is read from a word of shooting or murder (a stem of scheme "gunfire" or
    "murder": "gunmen shot the judge outside his home", "the mayor was murdered on sunday") in a
    sentence that names no blast (a stem of scheme "blast"): within a bombing or a kidnapping, a
    shooting is an act of another category, which MUC keys as an ATTACK template of its own (TASKDOC
    template-doc-part1 section 1: incidents of different categories are separate templates). A
    sentence that names the bomb tells of the bombing's own victims ("the blast killed the guard")."""
    shooting, murder, blast = _stem_words("gunfire"), _stem_words("murder"), _stem_words("blast")
    for e in event.evidence:
        cue = _VIOLENCE_RULE.match(e.rule) if e.field == "event_type" and "+anaphor" not in e.rule else None
        if cue and (shooting.match(cue.group(1)) or murder.match(cue.group(1))) and not blast.search(e.sentence):
            return True
    return False


@functools.lru_cache(maxsize=None)
def _whole_words(scheme: str) -> re.Pattern:
    """The words of one scheme of the MUC type table, whole ("robbed", not "robber"), not told of
    people killed ("burned to death", "burned alive")."""
    from ..extract._cue_tables import read_table

    words = [r["label"] for r in read_table("muc_incident_types.csv") if r["scheme"] == scheme]
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b(?! to death| alive)", re.I)


def _city_key(name: str | None) -> str:
    return _SAINT.sub("saint", _LEADING_THE.sub("", fold(name))) if name else ""


def same_city(gold: dict, event: Event | None) -> bool | None:
    """Is the event's place GVA's city or its named place (either may be a county)?"""
    wanted = {_city_key(gold.get("location")), _city_key(gold.get("location_alt"))} - {""}
    if not wanted:
        return None
    loc = event.location if event is not None else None
    if loc is None:
        return False
    return bool(wanted & {_city_key(n) for n in (loc.name, loc.admin2, loc.admin3)})


def _within_one_day(gold: Any, event: Event | None) -> bool | None:
    if not gold:
        return None
    if event is None or event.event_date is None:
        return False
    return abs((event.event_date - _dt.date.fromisoformat(str(gold)[:10])).days) <= 1


def _has_old_event(events: Sequence[Event], published: str | None) -> bool | None:
    if not published:
        return None
    day = _dt.date.fromisoformat(published[:10])
    return any(e.event_date is not None and (day - e.event_date).days > OLD_DAYS for e in events)


def score_gvc(gold: dict, events: Sequence[Event], published: str | None = None,
              follow_ups: Sequence[Event] = ()) -> RowScore:
    """One GVC article: its main incident (the first event, as a user gets them) against its incident.
    A report with no event of its own (a trial, an arrest, a funeral months on) is scored on the past
    incident it follows up, where the pipeline names one (``DocResult.follow_ups``): GVC codes the
    incident the report is about. Events over ``OLD_DAYS`` old are counted among events only."""
    event = events[0] if events else (follow_ups[0] if follow_ups else None)
    checks: dict[str, bool | None] = {}
    checks.update(count_checks("killed", gold.get("killed"), event.fatalities if event else None, event))
    checks.update(count_checks("injured", gold.get("injured"), event.injured if event else None, event))
    checks["date"] = date_check(gold.get("event_date"), event)
    checks["date_within1"] = _within_one_day(gold.get("event_date"), event)
    location = location_checks(gold, "admin1", event)
    checks["admin1"] = location.pop("admin1")
    checks["city"] = same_city(gold, event)
    checks.update(location)
    old = _has_old_event(events, published)
    tallies = {} if old is None else {"old_event": (int(old), 1)}
    shown = {"killed_exact": (str(gold.get("killed")), _figure(event, "fatalities")),
             "injured_exact": (str(gold.get("injured")), _figure(event, "injured")),
             "date_within1": (str(gold.get("event_date")), str(event.event_date) if event else None)}
    return RowScore(checks, tallies=tallies, shown=shown)


def _figure(event: Event | None, kind: str) -> str | None:
    from ._score import system_count

    return None if event is None else str(system_count(getattr(event, kind)))


def _variants(entities: Sequence[Sequence[str]]) -> set[str]:
    return {fold(v) for entity in entities for v in entity if fold(v)}


def _words_contain(text: str, part: str) -> bool:
    return f" {part} " in f" {text} "


@functools.lru_cache(maxsize=4096)
def _dictionary_names(variant: str) -> tuple[re.Pattern, ...]:
    """The actor names a gold perpetrator's words stand for in eventwire's own actor dictionary:
    an entry's name or alias ("salvadoran army" is Military Forces of El Salvador), or a state
    force named by its generic noun, of the country its demonym names ("the colombian police",
    "the army", "the 6th infantry brigade"; of any country when none is named). The gold and
    eventwire then name one actor in two ways, as the pipeline itself would read the words."""
    from ..resources.actors import load_actors

    actors = load_actors()
    names = {actors.entries[k].name for k in actors.keys_of({variant})}
    words = variant.split()
    if words and words[0] == "the":
        words = words[1:]
    for kind in actors.generic.values():
        if kind.actor_type != "state forces":
            continue
        for term in kind.terms:
            size = len(term.split())
            if words[-size:] != term.split():
                continue
            rest = words[:-size]
            country = next((c for w in rest if (c := actors.country(w))), None)
            names.add(kind.named(country) if country else kind.name)
    return tuple(re.compile(".+".join(re.escape(part) for part in n.split("{country}")) + r"\Z")
                 for n in sorted(names))


def _perp_found(variants: set[str], events: Sequence[Event]) -> bool:
    names = {fold(n) for e in events if e.actor1 is not None for n in (e.actor1.text, e.actor1.name) if n}
    names.discard("")
    if any(v == n or _words_contain(n, v) or _words_contain(v, n) for v in variants for n in names):
        return True
    coded = {e.actor1.name for e in events if e.actor1 is not None}
    return any(p.match(c) for v in variants for p in _dictionary_names(v) for c in coded)


def _type_found(wanted: str, found: set[str]) -> bool:
    # "bombing / attack": either answer is right.
    return any(t.strip() in found for t in wanted.split("/"))


def _relevance(prefix: str, relevant: bool, predicted: bool) -> dict[str, bool | None]:
    return {f"{prefix}_precision": relevant if predicted else None,
            f"{prefix}_recall": predicted if relevant else None}


def _scored(template: dict) -> bool:
    """A template that an event must match: not optional (the key doubts it belongs) and not
    only a threat (eventwire reports threats as no event; the gold README's advice)."""
    return not template.get("optional") and (template.get("stage_of_execution") or "").upper() != "THREATENED"


def score_muc4(gold: dict, events: Sequence[Event]) -> RowScore:
    """One MUC-4 document: relevance, incident types, perpetrators, events per document."""
    relevant = bool(gold.get("relevant"))
    in_scope = [e for e in events if muc_type(e) is not None]
    types = set().union(*(muc_types(e) for e in in_scope))
    templates = [t for t in gold.get("templates") or () if _scored(t)]
    checks: dict[str, bool | None] = {}
    if not relevant or templates:  # a document whose every template is don't-care is don't-care
        checks = _relevance("relevance", relevant, bool(in_scope))
        checks.update(_relevance("relevance_any", relevant, bool(events)))
    typed = [t for t in templates if t.get("incident_type")]
    perps = [_variants(t.get("perp_org") or ()) for t in templates]
    perps = [p for p in perps if p]
    tallies = {"incident_type_recall": (sum(_type_found(t["incident_type"], types) for t in typed), len(typed)),
               "perp_org": (sum(_perp_found(p, events) for p in perps), len(perps))}
    if relevant:
        tallies["events_per_relevant_doc"] = (len(events), 1)
        if (placed := _placed_in_country(gold, in_scope)) is not None:
            tallies["location_country"] = placed
        keyed = {k.strip() for t in gold.get("templates") or () for k in (t.get("incident_type") or "").split("/")}
        tallies["incident_type_precision"] = (len(types & keyed), len(types))
        n_templates = len(gold.get("templates") or ())
        checks["event_count_exact"] = len(in_scope) == n_templates
        checks["event_count_within1"] = abs(len(in_scope) - n_templates) <= 1
    shown = {"relevance_recall": ("relevant", "no event"),
             "relevance_precision": ("not relevant", f"{len(events)} events")}
    return RowScore(checks, tallies=tallies, shown=shown)


def _placed_in_country(gold: dict, events: Sequence[Event]) -> tuple[int, int] | None:
    """(events placed in a country of the story's incidents, events) over the in-scope events
    of a relevant story: the key's ``location_country`` of each template, optional ones too."""
    countries = {fold(t["location_country"]) for t in gold.get("templates") or () if t.get("location_country")}
    if not countries or not events:
        return None
    placed = sum(e.location is not None and fold(e.location.country or "") in countries for e in events)
    return placed, len(events)


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def finish_muc4(metrics: dict) -> dict:
    """Add relevance F1 from the aggregated precision and recall."""
    from ._report import Metric

    out = dict(metrics)
    for prefix in ("relevance", "relevance_any"):
        p, r = metrics.get(f"{prefix}_precision"), metrics.get(f"{prefix}_recall")
        if p is not None and r is not None:
            out[f"{prefix}_f1"] = Metric(p.n + r.n, _f1(p.value, r.value))
    return out
