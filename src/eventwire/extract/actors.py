"""Actors in a sentence and their roles.

``find_actors`` names every actor a sentence mentions: dictionary groups (the
ACTOR entities of the actor ruler), state forces ("Pakistani troops"), crowds,
victims and unnamed gunmen, each under its ACLED name. ``assign_roles`` picks
actor1 (the initiator) and actor2 (the target or other side) from the
dependency parse around the trigger, never from word order alone.
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace

from ..nlp import doc_ents, ents_in, per_doc, words
from ..records import Actor, Trigger
from ..resources.actors import PARTY, ActorDictionary, GenericKind, load_actors
from ..resources.taxonomy import trigger_lexicon
from ._cue_tables import count_cues
from .attribution import TELLING_VERBS
from .classify import CARRIERS, elided_passive, headline_victim, in_uniform

__all__ = ["find_actors", "named_groups", "assign_roles", "actor_at"]

# When a noun names more than one kind ("students" protest or are victims), the
# earlier kind wins here; assign_roles turns the initiator of a protest or riot
# into Protesters / Rioters whatever the noun said.
_KIND_ORDER = ("military", "police", "unidentified", "protesters", "rioters", "civilians")
_CROWD_ONLY = {"protesters": {"protester", "protesters", "protestor", "protestors", "demonstrator",
                              "demonstrators", "agitators", "marchers", "strikers", "picketers"},
               "rioters": {"rioter", "rioters", "mob", "mobs"}}
_MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "npadvmod"}


@functools.lru_cache(maxsize=1)
def _terms() -> dict[str, GenericKind]:
    """Head noun (last word of a term) -> generic kind, and multi-word terms whole."""
    kinds = load_actors().generic
    out: dict[str, GenericKind] = {}
    for name in _KIND_ORDER:
        kind = kinds[name]
        for term in kind.terms:
            if name in _CROWD_ONLY and term not in _CROWD_ONLY[name]:
                continue
            out.setdefault(term, kind)
    return out


def _sentence_country(sent, actors: ActorDictionary) -> str | None:
    """A country named in the sentence, else in the document: context for ambiguous aliases."""
    return (_first_country(ents_in(sent), actors)
            or per_doc(sent.doc, "actors.country", lambda: _first_country(doc_ents(sent.doc), actors)))


def _first_country(ents, actors: ActorDictionary) -> str | None:
    for ent in ents:
        if ent.label_ in ("GPE", "LOC", "NORP"):
            country = actors.country(ent.text)
            if country:
                return country
    return None


def _dictionary_actor(ent, actors: ActorDictionary, country: str | None) -> Actor | None:
    entry = actors.resolve_keys(ent.ent_id_, country)
    rule = "actors.dictionary"
    if entry is None:
        candidates = [actors.entries[k] for k in ent.ent_id_.split("|") if k in actors.entries]
        if not candidates:
            return None
        entry, rule = candidates[0], "actors.dictionary.ambiguous"
    home = entry.countries[0] if len(entry.countries) == 1 else None
    return Actor(name=entry.name, type=entry.actor_type, inter=entry.inter, country=home,
                 text=ent.text, start=ent.start_char, end=ent.end_char, source_id=entry.key,
                 rule=rule)


def _modifier_country(token, actors: ActorDictionary) -> str | None:
    """Country from a demonym or country name modifying a noun ("Afghan soldiers", "Pakistan army")."""
    for child in token.children:
        if child.dep_ in _MODIFIER_DEPS and child.i < token.i:
            country = actors.country(child.text)
            if country:
                return country
            if child.dep_ == "compound":
                country = _modifier_country(child, actors)
                if country:
                    return country
    return None


def _generic_kind(token, sent_start: int) -> tuple[GenericKind | None, int]:
    """The kind a noun names and where its term starts (multi-word terms: "security forces")."""
    terms = _terms()
    doc = token.doc
    for width in (3, 2):
        start = token.i - width + 1
        if start >= sent_start:
            phrase = ("".join(doc[i].text_with_ws for i in range(start, token.i)) + token.text).lower()
            if phrase in terms:
                return terms[phrase], start
    if token.lemma_.lower() in CARRIERS and (kind := _carried(token, terms)) is not None:
        return kind, token.i  # "a convoy of passenger vehicles": its passengers, not an army's convoy
    return terms.get(token.lower_) or terms.get(token.lemma_.lower()), token.i


def _carried(token, terms: dict[str, GenericKind]) -> GenericKind | None:
    """The kind of what a column carries, where it is not the column's own: "a convoy of
    passenger vehicles" is civilians, "a convoy of aid trucks" too."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    for word in (*[c for c in obj.children if c.dep_ in ("compound", "amod")], obj):
                        kind = terms.get(word.lower_)
                        if kind is not None and kind.kind != terms.get(token.lemma_.lower(), kind).kind:
                            return kind
    return None


def _of_country(token, actors: ActorDictionary) -> str | None:
    """Country of "forces of Azerbaijan"."""
    for pobj in _pobjs(token, {"of"}):
        country = actors.country(pobj.text)
        if country:
            return country
        if pobj.ent_type_ == "GPE" and token.lower_ in ("forces", "force", "army", "police"):
            return pobj.text  # a de facto state missing from the country table
    return None


_MILITIA_HEADS = {"militia", "militias", "militiaman", "militiamen"}
_NOT_ETHNONYM = {"ethnic", "communal", "clan", "tribal", "local", "armed", "rival", "pro", "government"}


def _ethnic_militia(token, actors: ActorDictionary, country: str | None) -> Actor | None:
    """ "Tiv militiamen", "Fellata and Rizeigat communal militias": <Name> Ethnic Militia (<Country>)."""
    if token.lower_ not in _MILITIA_HEADS:
        return None
    for child in token.children:
        if child.i < token.i and child.pos_ in ("PROPN", "ADJ") and child.text[:1].isupper() \
                and child.lower_ not in _NOT_ETHNONYM and not actors.country(child.text):
            name = f"{child.text} Ethnic Militia ({country or '{country}'})"
            span = token.doc[child.i:token.i + 1]
            return Actor(name=name, type="identity militia", inter=4, country=country, text=span.text,
                         start=span.start_char, end=span.end_char, rule="actors.generic.ethnic_militia")
    return None


def _is_acronym(text: str) -> bool:
    letters = text.replace("-", "")
    return 2 <= len(letters) <= 8 and letters.isalnum() and letters.isupper()


def _acronym_group(token, actors: ActorDictionary, country: str | None) -> Actor | None:
    """ "the NAF rebel forces", "SPLM-IO fighters": a group the dictionary lacks, named by the
    acronym that modifies a rebel or militant noun; ACLED and GTD name the group, not
    an unidentified one."""
    for child in token.children:
        if child.dep_ in ("compound", "nmod", "amod") and child.i < token.i \
                and child.ent_type_ != "ACTOR" and _is_acronym(child.text) \
                and not actors.country(child.text):
            return Actor(name=child.text, type="political militia", inter=3, country=country,
                         text=child.text, start=child.idx, end=child.idx + len(child),
                         rule="actors.acronym")
    return None


def _demonym_victims(token, actors: ActorDictionary) -> Actor | None:
    """ "beat three Palestinians", "two Afghans were kidnapped": people named by their
    nationality, as the ones acted upon, are civilians of that country."""
    if token.tag_ not in ("NNS", "NNPS") or token.dep_ not in ("dobj", "nsubjpass", "pobj"):
        return None
    country = actors.country(token.text)
    if country is None or _fold_word(token.text) == _fold_word(country):
        return None
    return _token_actor(actors.generic["civilians"], country, token, "actors.generic.civilians.demonym")


def party_victims(actor2: Actor | None, trigger) -> Actor | None:
    """The victims of violence against civilians named by their party ("a local Awami League
    leader was hacked to death"): civilians of the party's country, with the party as their
    associated actor; a party is no armed group, its members are civilians."""
    if actor2 is None or actor2.type != PARTY or trigger.event_type != "Violence against civilians":
        return actor2
    from ..resources.actors import load_actors

    kind = load_actors().generic["civilians"]
    return replace(actor2, name=kind.named(actor2.country), type=kind.actor_type, inter=kind.inter,
                   rule="actors.generic.civilians.party", assoc=(actor2,))


def _token_actor(kind: GenericKind, country: str, token, rule: str) -> Actor:
    """A generic actor of a country named by one word ("Palestinians", "Pakistan")."""
    return Actor(name=kind.named(country), type=kind.actor_type, inter=kind.inter, country=country,
                 text=token.text, start=token.idx, end=token.idx + len(token), rule=rule)


def _fold_word(text: str) -> str:
    return text.lower().rstrip("s")


# Arms and fire that only a state's forces field, named by the state's demonym: "Russian
# artillery struck a market", "Israeli shelling killed two", "a Turkish missile hit the town",
# "Ukrainian drones struck a refinery".
# Without the demonym they name no side.
_STATE_WEAPONS = frozenset({"artillery", "shelling", "shellfire", "bombardment", "bombardments", "missile",
                            "missiles", "tank", "tanks", "warship", "warships", "gunship", "gunships",
                            "drone", "drones", "warplane", "warplanes", "bomb", "bombs", "airstrike",
                            "airstrikes"})


def _state_weapon(token, actors: ActorDictionary) -> Actor | None:
    """The forces of the country whose demonym or name modifies a state's weapon noun."""
    if token.lower_ not in _STATE_WEAPONS:
        return None
    country = _modifier_country(token, actors)
    if country is None:
        return None
    kind = actors.generic["military"]
    first = min(c.i for c in token.children if c.dep_ in _MODIFIER_DEPS and c.i < token.i)
    span = token.doc[first:token.i + 1]
    return Actor(name=kind.named(country), type=kind.actor_type, inter=kind.inter, country=country,
                 text=span.text, start=span.start_char, end=span.end_char, rule="actors.generic.military.weapon")


# Generic kinds of people who bear no arms.
_UNARMED_KINDS = ("civilians", "protesters", "rioters")


def _generic_actor(token, actors: ActorDictionary, sent_start: int, context: str | None = None) -> Actor | None:
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ == "ACTOR":
        return None
    kind, start = _generic_kind(token, sent_start)
    if kind is None:
        return _state_weapon(token, actors) or _demonym_victims(token, actors)
    if kind.actor_type == "state forces" and _liberation_words(token):
        return _liberation_army(token, actors, context)
    if kind.kind in _UNARMED_KINDS and in_uniform(token):
        kind = actors.generic["unidentified"]  # "men wearing military uniforms": armed, unnamed
    elif kind.actor_type == "state forces" and _led_or_backed(token):
        kind = actors.generic["unidentified"]  # "Kurdish-led forces", "Turkish-backed forces": a coalition, no state's army
    country = _modifier_country(token, actors) or _of_country(token, actors)
    militia = _ethnic_militia(token, actors, country)
    if militia is not None:
        return militia
    if kind.kind == "unidentified":
        named = _acronym_group(token, actors, country)
        if named is not None:
            return named
    first = min([start] + [c.i for c in token.children if c.dep_ in _MODIFIER_DEPS and c.i < token.i])
    span = token.doc[first:token.i + 1]
    return Actor(name=kind.named(country) if country else kind.name, type=kind.actor_type,
                 inter=kind.inter, country=country, text=span.text, start=span.start_char,
                 end=span.end_char, rule=f"actors.generic.{kind.kind}")


def _led_or_backed(token) -> bool:
    """Forces a hyphened "-led" or "-backed" word qualifies ("Kurdish-led forces", "Iran-backed
    forces"): an alliance led or armed by someone, not the state's own forces."""
    doc = token.doc
    return any(c.dep_ in ("amod", "compound") and c.lower_ in ("led", "backed", "supported", "allied")
               and c.i > 0 and doc[c.i - 1].text == "-" for c in token.children)


# Words that make an "army" or "front" a rebel group's name ("national liberation army",
# "army of national liberation", "popular revolutionary army"), never a state's forces.
_REBEL_NAME_WORDS = frozenset({"liberation", "revolutionary", "guerrilla", "rebel"})


def _army_name(token):
    """The words of an army noun's name: its modifiers before it and its "of" phrase."""
    doc = token.doc
    first = min([token.i] + [c.left_edge.i for c in token.lefts if c.dep_ in _MODIFIER_DEPS])
    last = token.i
    for prep in token.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            last = prep.right_edge.i
    return doc[first:last + 1]


def _liberation_words(token) -> bool:
    """The army noun carries a rebel name's words before it or in its "of" phrase."""
    return not {t.lower_ for t in _army_name(token)}.isdisjoint(_REBEL_NAME_WORDS)


def _liberation_army(token, actors: ActorDictionary, country: str | None) -> Actor | None:
    """A rebel group named by an army noun ("the national liberation army", "the army of
    national liberation"): the dictionary's group of that name in the article's country when
    it has one; else an armed group the dictionary lacks, by its own words, never a state's
    forces (the generic "army" would make the rebels the army)."""
    span = _army_name(token)
    while len(span) > 1 and span[0].lower_ in ("the", "a", "an", "its", "their"):
        span = span[1:]
    entry = actors.lookup(span.text, country)
    if entry is None:
        kind = actors.generic["unidentified"]
        return Actor(name=kind.named(country) if country else kind.name, type=kind.actor_type, inter=kind.inter,
                     country=country, text=span.text, start=span.start_char, end=span.end_char,
                     rule="actors.generic.unidentified.named_army")
    home = entry.countries[0] if len(entry.countries) == 1 else country
    return Actor(name=entry.name, type=entry.actor_type, inter=entry.inter, country=home, text=span.text,
                 start=span.start_char, end=span.end_char, source_id=entry.key, rule="actors.dictionary.named_army")


def find_actors(sent) -> list[Actor]:
    """Actors named in a sentence: dictionary groups and generic actors, in text order."""
    actors = load_actors()
    country = _sentence_country(sent, actors)
    found = []
    for ent in ents_in(sent):
        if ent.label_ == "ACTOR":
            actor = _dictionary_actor(ent, actors, country)
            if actor is not None:
                found.append(actor)
    found = _without_ties(found, sent)
    for token in sent:
        actor = _generic_actor(token, actors, sent.start, country)
        if actor is None:
            continue
        # "police station" after "police": keep the wider phrase, once; a named
        # group inside it ("TTP militants", "CNL members") stays beside it
        found = [a for a in found if not (actor.start <= a.start and a.end <= actor.end
                                          and _generic(a))]
        if not any(a.start < actor.end and actor.start < a.end and _generic(a) for a in found):
            found.append(actor)
    return sorted((a for a in found if not _outlet(a)), key=lambda a: a.start)


# "The al Qaeda-linked al Shabaab group": the hyphened name says whom the group is tied to
_TIED = re.compile(r"-(?:linked|affiliated|allied|aligned|backed|inspired|loyal|supported|sponsored)\b")


def tie_of(end: int, starts, text: str) -> bool:
    """Is the name ending at ``end`` only another named group's ties ("the al Qaeda-linked al
    Shabaab group", "the Iran-backed Houthis"), ``starts`` being where the text's other names
    begin? The other group is the actor. Alone ("Islamic State-linked militants") the name
    stays, for want of a better one."""
    tie = _TIED.match(text, end)
    return tie is not None and any(0 <= b - tie.end() <= 12 for b in starts)


# Words that tie a group "to" or "with" another: "Al Shabaab, which is linked to al Qaeda"
_TYING = frozenset({"link", "linked", "ally", "allied", "affiliate", "affiliated", "tie", "tied", "loyal", "align",
                    "aligned", "connect", "connected"})


def _tied_to(actor: Actor, sent) -> bool:
    """A named group written only as the one another named group is tied to in words ("Al
    Shabaab, which is linked to al Qaeda, claimed the bombing"): no party to the act."""
    span = sent.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    prep = span.root.head
    return span.root.dep_ == "pobj" and prep.lower_ in ("to", "with") and prep.head.lemma_.lower() in _TYING


def _without_ties(found: list[Actor], sent) -> list[Actor]:
    """The named groups less those named only as another named group's ties, hyphened
    (:func:`tie_of`) or in words (:func:`_tied_to`). Alone ("militants linked to Islamic
    State", "Islamic State-linked militants") a name stays, for want of a better one."""
    named = [a for a in found if (a.rule or "").startswith("actors.dictionary") and a.start is not None]
    if len(named) < 2:
        return found
    return [a for a in found if a not in named or not (
        tie_of(a.end, [b.start for b in named if b is not a], sent.doc.text) or _tied_to(a, sent))]


# ACLED inter codes of non-state armed groups: rebels, political militias.
_ARMED_GROUP_INTER = (2, 3)


def named_groups(sents) -> list[Actor]:
    """The non-state armed groups that a dictionary name names anywhere in the article, in
    text order: a report names the group once, often in a sentence that tells no act ("FMLN
    fighters, the army of the red flag, ..."), and then calls it "the guerrillas"."""
    actors = load_actors()
    found = []
    for sent in sents:
        ents = [ent for ent in ents_in(sent) if ent.label_ == "ACTOR"]
        country = _sentence_country(sent, actors) if ents else None
        for ent in ents:
            actor = _dictionary_actor(ent, actors, country)
            # only a name the dictionary resolves to one group: an ambiguous one is no evidence
            if actor is not None and actor.rule == "actors.dictionary" and actor.inter in _ARMED_GROUP_INTER \
                    and actor.type != PARTY and not _outlet(actor):
                found.append(actor)
    return found


def _outlet(actor: Actor) -> bool:
    """A news outlet ("Reuters", "AFP", "AP"; attribution cues of type media) reports, it does not act."""
    from ._cue_tables import speaker_words

    words = (actor.text or "").lower().replace("(", " ").replace(")", " ").split()
    media = speaker_words()
    return bool(words) and all(media.get(w) == "media" for w in words)


def _country_forces(token) -> Actor | None:
    actors = load_actors()
    country = actors.country(token.text)
    if country is None:
        return None
    return _token_actor(actors.generic["military"], country, token, "actors.generic.country_as_actor")


def _generic(actor: Actor) -> bool:
    return (actor.rule or "").startswith("actors.generic")


def actor_at(actors: list[Actor], start: int, end: int) -> Actor | None:
    """The actor inside a character range: a named group before a generic noun."""
    inside = [a for a in actors if a.start is not None and start <= a.start and a.end <= end]
    if not inside:
        return None
    return min(inside, key=lambda a: (a.rule.startswith("actors.generic"), a.start))


# --- roles --------------------------------------------------------------------

_CROWD_TYPES = {"Protests": "protesters", "Riots": "rioters"}
_TARGET_PREPS = {"on", "against", "upon", "at", "targeting", "with"}
_CLAIM_LEMMAS = {"claim", "accept", "own"}


def _trigger_token(sent, trigger: Trigger):
    """The syntactic head of the trigger words (the sentence root when none match)."""
    inside = [t for t in sent if trigger.start <= t.idx < trigger.end]
    if not inside:
        return sent.root
    heads = [t for t in inside if not (trigger.start <= t.head.idx < trigger.end) or t.head == t]
    return (heads or inside)[0]


def _actor_of(token, actors: list[Actor]) -> Actor | None:
    """The actor a syntactic argument names: its own words first, then its whole phrase."""
    doc = token.doc
    near = doc[token.left_edge.i:token.i + 1]
    found = actor_at(actors, near.start_char, near.end_char)
    head = next((a for a in actors if _generic(a) and a.end == token.idx + len(token)), None)
    if head is not None and head.inter in (5, 6, 7) and found is not head and not _armed_group(found):
        # "two CNL members": civilians of that group, the group as associated actor;
        # "ELN members" are the armed group itself (ACLED codes a group's members as the group)
        return replace(head, assoc=(found,)) if found is not None else head
    if found is None or (found.rule or "").startswith("actors.generic"):
        for pobj in _pobjs(token, {"of", "from"}):  # "militants of the Dima Hasao National Army", "fighters from ISWAP"
            named = actor_at(actors, pobj.left_edge.idx, pobj.idx + len(pobj))
            if named is not None and not (named.rule or "").startswith("actors.generic"):
                return named
    if found is None and token.ent_type_ == "GPE" and (token.dep_ == "nsubj" or token.head.lower_ == "by"):
        found = _country_forces(token)  # "Pakistan started shelling", "firing by Pakistan"
    if found is None:
        # "Car bomb near Mogadishu checkpoint kills eight", "an attack on a police post killed
        # three": a place or a target the phrase names is no doer; the words before it may be
        cut = min((c.i for c in token.children if c.dep_ == "prep" and c.i > token.i and c.lower_ in _WHERE_OR_WHOM),
                  default=token.right_edge.i + 1)
        if cut > token.left_edge.i:
            whole = doc[token.left_edge.i:cut]
            found = actor_at(actors, whole.start_char, whole.end_char)
    return found


# Prepositions of a phrase's place or target: "near", "at", "on", "against" ...
_WHERE_OR_WHOM = frozenset({"near", "at", "outside", "inside", "in", "on", "against", "beside", "behind", "along",
                            "around", "into"})


# ACLED inter codes of armed actors: state forces, rebels, political and identity militias, external forces.
_ARMED_INTER = (1, 2, 3, 4, 8)


def _armed_group(actor: Actor | None) -> bool:
    """A dictionary actor that is an armed group or force (not a party, union or crowd)."""
    return actor is not None and (actor.rule or "").startswith("actors.dictionary") and actor.inter in _ARMED_INTER \
        and actor.type != PARTY


def _children(token, deps: set[str]):
    return [c for c in token.children if c.dep_ in deps]


def _pobjs(token, preps: set[str]):
    for prep in _children(token, {"prep", "agent"}):
        if prep.lower_ in preps:
            yield from _children(prep, {"pobj", "pcomp"})


def _subject_token(verb):
    """nsubj of a verb, inherited through conjunctions and open complements."""
    for _ in range(4):
        subj = _children(verb, {"nsubj", "csubj"})
        if subj:
            return _teller_meant(verb, subj[0])
        if verb.dep_ not in ("conj", "xcomp", "advcl", "relcl", "acl") or verb.head == verb:
            return None
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head if verb.dep_ == "relcl" else None
        verb = verb.head
    return None


# Pronouns by which a teller names itself in what it tells
_TELLER_PRONOUNS = frozenset({"it", "they", "we"})


def _teller_meant(verb, subj):
    """'The RSF said they had seized the town', 'the army says it killed 20 militants': the
    pronoun subject of a told act with an object is the teller itself; not of a verb that is
    no act ("residents said they heard explosions")."""
    head = verb.head
    if subj.lower_ in _TELLER_PRONOUNS and verb.dep_ == "ccomp" and head.lemma_.lower() in TELLING_VERBS \
            and _children(verb, {"dobj"}) and verb.lemma_.lower() in trigger_lexicon():
        teller = _children(head, {"nsubj"})
        if teller and teller[0].pos_ in ("PROPN", "NOUN"):
            return teller[0]
    return subj


_NOT_TARGET_ENTS = {"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL"}


def _targets(verb) -> list:
    """Targets after a verb ("fired on the positions"), not dates or places ("On 5 May", "at Pati");
    and a second subject after the verb, which the parser sometimes gives to an object."""
    found = [t for t in _pobjs(verb, _TARGET_PREPS) if t.i > verb.i and t.ent_type_ not in _NOT_TARGET_ENTS]
    found += [t for t in _children(verb, {"nsubj"}) if t.i > verb.i]
    return found


def _hidden_agent(verb):
    """The doer of a passive without "by": "killed in a raid by X", "killed in a clash with X",
    "were killed when the air force pounded ..."."""
    verbs = [verb, *_children(verb, {"conj"})]
    for v in verbs:
        for prep in _children(v, {"prep"}):
            for noun in _children(prep, {"pobj"}):
                found = _doer_of_noun(noun)
                if found is not None:
                    return found
    for v in verbs:
        for clause in _children(v, {"advcl"}):
            # "when the air force pounded", "after exchanging fire with police"
            subj = _children(clause, {"nsubj"}) or list(_pobjs(clause, {"with", "by"}))
            if subj:
                return subj[0]
    return None


def _doer_of_noun(noun):
    """Who did what an event noun names: "raid by X", "clash with X", "police raid",
    "operations carried out by X"."""
    for n in [noun, *_children(noun, {"conj"})]:  # "in shelling and firing by X"
        found = list(_pobjs(n, {"by", "with"}))
        for clause in _children(n, {"acl"}):
            found += list(_pobjs(clause, {"by"}))
        if found:
            return found[0]
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "PROPN")]
    return mods[0] if mods else None


def _verb_roles(verb, actors):
    """(initiator, target) tokens around a verb: active, passive and "clash with" forms."""
    a1 = a2 = None
    agent = list(_pobjs(verb, {"by"}))
    for conj in _children(verb, {"conj"}):  # "was tied up and beaten by police"
        agent = agent or list(_pobjs(conj, {"by"}))
    passive = _children(verb, {"nsubjpass"})
    if passive or agent:
        a1 = agent[0] if agent else _hidden_agent(verb)
        a2 = passive[0] if passive else None
    elif _headline_casualties(verb):
        a2 = _subject_token(verb)  # "three officers hurt": the officers were hurt
    else:
        a1 = _subject_token(verb)
    if a2 is None:
        objs = _children(verb, {"dobj"}) or _targets(verb)
        a2 = objs[0] if objs else None
    if verb.dep_ == "acl" and a2 is None and verb.head.pos_ in ("NOUN", "PROPN"):
        a2 = verb.head  # "two soldiers killed in an ambush"
    return a1, a2


def _headline_casualties(verb) -> bool:
    """A verb of harm whose subject is a number of people or a bare person noun, with no
    auxiliary and no object: a headline's passive ("three officers hurt", "12 soldiers killed",
    "Man shot outside nightclub"), whose subject was harmed."""
    cue = count_cues().get(verb.lemma_.lower()) or count_cues().get(verb.lower_)
    if cue is None or cue[0] not in ("fatalities", "injured", "hit") or not elided_passive(verb):
        return False
    subject = _subject_token(verb)
    if subject is None:
        return False
    if subject.like_num or any(c.dep_ == "nummod" for c in subject.children):
        return True
    after = [t.lower_ for t in verb.doc[verb.i + 1:verb.i + 3]]
    if after[:1] == ["dead"] or after == ["to", "death"]:
        return True  # "Mexican mayor shot dead in Michoacan", "Trader hacked to death": the one harmed
    # "Man shot and killed outside nightclub", "Teen wounded at bus stop": a bare noun with no
    # article, a headline's way; a sentence of the body says "a man" or "the man"
    return headline_victim(subject)


def _noun_roles(noun, actors):
    """Roles around an event noun: "X's attack", "attack by X on Y", "X carried out an attack"."""
    a1 = next(iter(_children(noun, {"poss", "compound", "amod"})), None)
    if a1 is not None and _actor_of(a1, actors) is None:
        a1 = None
    by = list(_pobjs(noun, {"by"}))
    a1 = by[0] if by else a1
    targets = [t for t in _pobjs(noun, _TARGET_PREPS) if t.ent_type_ not in _NOT_TARGET_ENTS]
    a2 = targets[0] if targets else None
    head = noun.head
    if head != noun and head.pos_ in ("VERB", "AUX") and noun.dep_ in ("dobj", "nsubjpass", "attr"):
        h1, h2 = _verb_roles(head, actors)
        a1 = a1 or h1
        a2 = a2 or (h2 if h2 is not None and h2 != noun else None)
    if noun.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX"):
        objs = _children(head, {"dobj"}) or _targets(head)  # "the blast killed five"
        a2 = a2 or (objs[0] if objs else None)
    return a1, a2


def _between(token):
    """X and Y of "between X and Y" under the trigger (or its object)."""
    for t in [token, *token.children, token.head]:
        for pobj in _pobjs(t, {"between"}):
            conj = _children(pobj, {"conj"})
            return pobj, (conj[0] if conj else None)
    return None, None


def _claimant(sent, actors) -> Actor | None:
    """The group that claimed the attack, when the trigger sentence says so."""
    for t in sent:
        if t.lemma_ in _CLAIM_LEMMAS:
            a1, _ = _verb_roles(t, actors)
            if a1 is not None:
                return _actor_of(a1, actors)
    return None


_RESPONSIBILITY = {"claim", "attribute", "blame", "responsible", "responsibility"}
_DENIAL = {"deny", "reject"}
_VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


# How far (characters) from an event's sentences the article's context still belongs
# to it: the group it holds responsible here, and (in assemble) its claims, statements
# and places. Any article of ordinary length lies wholly inside; in a book-length text
# (a transcript, a year's digest) one incident's claim or culprit is not another's,
# and records stay small.
CONTEXT_REACH = 10_000


def _responsible_group(sent, actors: ActorDictionary) -> Actor | None:
    """A group the article holds responsible ("sources attributed the attack to X"): the
    first one named within reach of ``sent``."""
    # a whole-document search: once per document, not once per mention
    doc = sent.doc
    found = per_doc(doc, "actors.responsible", lambda: _find_responsible_groups(doc, actors))
    return next((actor for at, actor in found if abs(at - sent.start_char) <= CONTEXT_REACH), None)


def _find_responsible_groups(doc, actors: ActorDictionary) -> list[tuple[int, Actor]]:
    out = []
    w = words(doc)
    for sent in doc.sents:
        lemmas = set(w.lemma[sent.start:sent.end])
        # "attributed to X, which the group denied": sources still name X
        denials = {w.lemma[i] for i in range(sent.start, sent.end) if w.dep[i] != "relcl"}
        if not (lemmas & _RESPONSIBILITY or _work_of(sent)) or denials & _DENIAL:
            continue
        named = [ent for ent in ents_in(sent) if ent.label_ == "ACTOR"]
        found = next((a for ent in named if not tie_of(ent.end_char, [e.start_char for e in named], doc.text)
                      and (a := _dictionary_actor(ent, actors, _sentence_country(sent, actors))) is not None
                      and a.inter != 1), None)
        found = found or _named_responsible(sent)
        if found is not None:
            out.append((sent.start_char, found))
    return out


# Nouns that make their "of" complement the doer of an act: "the bombing was the work of X",
# "X were the authors of the massacre".
_DOER_NOUNS = {"work", "author", "authors", "perpetrator", "perpetrators"}


def _work_of(sent) -> bool:
    """An act said to be the work of a group, or a group said to be its author."""
    for t in sent:
        if t.pos_ != "NOUN" or t.lower_ not in _DOER_NOUNS:
            continue
        if t.lower_ == "work" and any(c.dep_ == "prep" and c.lower_ == "of" and any(
                g.ent_type_ == "ACTOR" for g in c.subtree) for c in t.children):
            return True
        if t.lower_ != "work" and t.dep_ == "attr" and any(
                c.dep_ == "nsubj" and any(g.ent_type_ == "ACTOR" for g in c.subtree) for c in t.head.children):
            return True
    return False


# Plural nouns that say nothing about who the group is ("attributed to assailants")
_NOT_GROUPS = {"assailants", "attackers", "gunmen", "perpetrators", "people", "persons", "men",
               "individuals", "unknowns", "others", "sources", "authorities", "officials"}


def _named_responsible(sent) -> Actor | None:
    """A group missing from the dictionary, named as the one responsible: the subject of
    "claimed", the object of "attributed ... to" or "blamed ... on"."""
    for t in sent:
        lemma = t.lemma_.lower()
        if lemma == "claim":
            cands, common = _children(t, {"nsubj"}), False
        elif lemma in ("attribute", "blame"):
            # "attributed the attack to X": the parser hangs "to X" on the verb or its object
            cands = list(_pobjs(t, {"to", "on"}))
            for obj in _children(t, {"dobj", "nsubjpass"}):
                cands += list(_pobjs(obj, {"to", "on"}))
            common = True  # "attributed to separatists": a described group, named as such
        else:
            continue
        for c in cands:
            described = common and c.pos_ == "NOUN" and c.tag_ == "NNS" and c.lower_ not in _NOT_GROUPS
            if c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "NORP") or described:
                # up to the head noun: "X, which the group denied" is no part of the name
                span = sent.doc[c.left_edge.i:c.i + 1]
                if span[0].lower_ == "the":
                    span = span[1:]
                return Actor(name=span.text, type="political militia", inter=3, text=span.text,
                             start=span.start_char, end=span.end_char,
                             rule="actors.responsibility.named")
    return None


def _unidentified(sent) -> Actor:
    kind = load_actors().generic["unidentified"]
    return Actor(name=kind.name, type=kind.actor_type, inter=kind.inter,
                 rule="actors.default.unidentified")


def _organisers(sent, phrase) -> tuple[Actor, ...]:
    """A named group in the crowd's words ("JADS activists", "BNP supporters")."""
    if phrase is None:
        return ()
    dictionary = load_actors()
    for ent in ents_in(phrase):
        if ent.label_ == "ACTOR":
            return tuple(a for a in [_dictionary_actor(ent, dictionary, None)] if a)
        if ent.label_ in ("ORG", "NORP") and not dictionary.country(ent.text):
            return (Actor(name=ent.text, type="other", text=ent.text, start=ent.start_char,
                          end=ent.end_char, rule="actors.assoc.org"),)
    run = _proper_run(phrase, dictionary)
    if run is None:
        return ()
    return (Actor(name=run.text, type="other", text=run.text, start=run.start_char,
                  end=run.end_char, rule="actors.assoc.propn"),)


def _proper_run(phrase, dictionary: ActorDictionary):
    """The first run of proper nouns in a phrase (the stock NER often misses party names)."""
    start = end = None
    for t in phrase:
        fits = t.pos_ == "PROPN" or (start is not None and t.text in "()-&'")
        if fits and not (t.pos_ == "PROPN" and dictionary.country(t.text)):
            start = t.i if start is None else start
            end = t.i + 1
        elif start is not None:
            break
    if start is None:
        return None
    run = phrase.doc[start:end]
    while len(run) and run[-1].text in "(-&'":
        run = run[:-1]
    return run if len(run) else None


def _crowd(kind_name: str, subject: Actor | None, phrase, sent) -> Actor:
    """Protesters / Rioters (<country>), with the named group behind them as associated actor."""
    kind = load_actors().generic[kind_name]
    country = subject.country if subject is not None and subject.inter in (5, 6, 7) else None
    if subject is not None and not (subject.rule or "").startswith("actors.generic"):
        assoc = (subject,)
    else:
        assoc = _organisers(sent, phrase)
    name = kind.named(country) if country else kind.name
    where = subject or (assoc[0] if assoc else None)
    return Actor(name=name, type=kind.actor_type, inter=kind.inter, country=country,
                 text=where.text if where else None, start=where.start if where else None,
                 end=where.end if where else None, rule=f"actors.role.{kind_name}", assoc=assoc)


def _syntax_roles(token, actors):
    """(actor1, actor2, rule, actor1's phrase) from the parse around the trigger token."""
    x, y = _between(token)
    if x is not None:
        a2 = _actor_of(y, actors) if y is not None else None
        return _actor_of(x, actors), a2, "between", _phrase(x)
    t1, t2 = (_noun_roles if token.pos_ in ("NOUN", "PROPN") else _verb_roles)(token, actors)
    a1 = _actor_of(t1, actors) if t1 is not None else None
    a2 = _actor_of(t2, actors) if t2 is not None else None
    if a1 is not None and a2 is None and t1 is not None:
        conj = _children(t1, {"conj"})  # "X and Y clashed"
        a2 = _actor_of(conj[0], actors) if conj else None
    return a1, a2, "syntax", _phrase(t1)


def _phrase(token):
    return None if token is None else token.doc[token.left_edge.i:token.right_edge.i + 1]


_PHRASE_DEPS = {"compound", "amod", "nmod", "poss", "pobj", "prep", "appos", "conj"}


def _is_patient(actor: Actor, sent) -> bool:
    """Whether an actor's phrase is the one acted upon ("one CNL member was detained")."""
    token = next((t for t in sent if t.idx <= actor.end - 1 < t.idx + len(t)), None)
    while token is not None and token.dep_ in _PHRASE_DEPS and token.head != token:
        token = token.head
    return token is not None and token.dep_ in ("nsubjpass", "dobj")


def _fallback_actor1(sent, actors, actor2) -> tuple[Actor | None, str]:
    claimant = _claimant(sent, actors)
    if claimant is not None and claimant is not actor2:
        return claimant, "claim"
    taken = (actor2.start, actor2.end) if actor2 is not None and actor2.start is not None else (-1, -1)
    named = [a for a in actors if a is not actor2 and a.inter in (2, 3, 4, 8) and not _generic(a)
             and not (taken[0] <= (a.start or 0) < taken[1]) and not _is_patient(a, sent)
             and not _reports(a, sent)]
    return (named[0], "named") if named else (None, "")


def _reports(actor: Actor, sent) -> bool:
    """The actor's words lie in the subject of a verb of reporting ("a member of the People's
    Defence Force told AFP"): the sentence's source, not the doer of its act."""
    if actor.start is None:
        return False
    for tok in sent:
        if tok.idx <= actor.start < tok.idx + len(tok.text) + 1:
            head = tok
            while head.dep_ not in ("nsubj", "nsubjpass") and head.head is not head and head.dep_ in (
                    "compound", "pobj", "prep", "amod", "poss", "appos", "nmod", "case"):
                head = head.head
            return head.dep_ == "nsubj" and head.head.lemma_.lower() in TELLING_VERBS
    return False


_VICTIM_DEPS = {"dobj", "nsubjpass", "pobj"}


def _fallback_actor2(sent, actors, actor1) -> Actor | None:
    """A victim or target elsewhere in the sentence: the object of some verb."""
    for t in sent:
        if t.dep_ in _VICTIM_DEPS and t.pos_ in ("NOUN", "PROPN"):
            found = _actor_of(t, actors)
            if found is not None and found is not actor1 and found.name != (actor1.name if actor1 else None):
                return found
    return None


def _crowd_other_side(crowd: str, a1, a2, sent) -> Actor | None:
    """The other side of a protest or riot: the state forces that stepped in, anywhere in the
    article ("police dispersed them"), or whom rioters attacked."""
    if a2 is not None and a2 is not a1 and (a2.inter == 1 or crowd == "rioters"):
        return replace(a2, rule=f"{a2.rule}+role.syntax")
    # the article's first acting state force: a whole-document search, once per document
    return per_doc(sent.doc, "actors.intervening", lambda: _intervening(sent.doc))


def _intervening(doc) -> Actor | None:
    for other in doc.sents:
        for actor in find_actors(other):
            if actor.inter == 1 and not _is_bystander(actor, other):
                return replace(actor, rule=f"{actor.rule}+role.intervention")
    return None


_DEMAND_LEMMAS = {"demand", "ask", "urge", "call", "want", "accuse", "blame", "allege"}


def _is_bystander(actor: Actor, sent) -> bool:
    """State forces named but not acting: the target of a complaint ("protest against the
    police"), part of a place or deed ("outside a police station", "after police beating"),
    or the ones a demand is made of ("demanding the police allow them")."""
    token = next((t for t in sent if t.idx <= actor.end - 1 < t.idx + len(t)), None)
    if token is None:
        return False
    if token.dep_ == "pobj" and token.head.lower_ in ("against", "outside", "near"):
        return True
    if token.dep_ in ("compound", "poss") and token.head.pos_ == "NOUN":
        return True
    return token.dep_ == "nsubj" and any(a.lemma_.lower() in _DEMAND_LEMMAS for a in token.head.ancestors)


# Verbs whose subject stops someone else's attack: the one stopped initiated the event
_COUNTER_LEMMAS = {"repel", "repulse", "thwart", "foil", "intercept", "defuse"}
_ATTACK_NOUNS = {"attack", "attacks", "assault", "incursion", "incursions", "offensive", "raid"}


def _counter_verb(token):
    """The counter verb the trigger sits under ("intercepted and destroyed a drone")."""
    for _ in range(3):
        if token.lemma_.lower() in _COUNTER_LEMMAS:
            return token
        if token.dep_ == "conj" and token.head.lemma_.lower() in _COUNTER_LEMMAS:
            return token.head
        if token.head == token:
            break
        token = token.head
    return None


def _countered_attack(token, actors):
    """ "Afghan forces repelled an attack by Taliban militants", "security forces intercepted a
    drone; the Houthis claimed it": the attacker is actor1 and the defenders actor2.
    (attacker, how, defender) or None when the trigger is no countered attack."""
    verb = _counter_verb(token)
    subject = _subject_token(verb) if verb is not None else None
    defender = _actor_of(subject, actors) if subject is not None else None
    if defender is None:
        return None
    objs = _children(verb, {"dobj"})
    for obj in objs:
        if obj.lower_ not in _ATTACK_NOUNS:
            continue
        by = list(_pobjs(obj, {"by", "of", "from"}))
        mods = [c for c in obj.children if c.dep_ in ("compound", "amod", "poss")]
        for cand in by + mods:
            found = _actor_of(cand, actors)
            if found is not None and found.name != defender.name:
                return found, "countered", defender
    if defender.inter != 1 or any(o.lower_ in _ATTACK_NOUNS for o in objs):
        # an armed group stopping something is its own operation; a thwarted attack by
        # nobody named stays the defenders' battle
        return None
    named = _responsible_group(token.sent, load_actors())
    if named is not None:
        return named, "countered.responsibility", defender
    return _unidentified(None), "countered.default", defender


# Verbs that hold someone responsible for an act: "blamed the bombing on X", "blamed X for
# the murder", "the attack was attributed to X", "accused X of the massacre".
_BLAME_LEMMAS = {"blame", "attribute", "accuse"}


def _blamed(token, actors):
    """The one an act is laid on, when the trigger is what a verb of blame names ("police
    blamed the bombing on the Shining Path"): the culprit, not the speaker who blames."""
    node, via = token, None
    for _ in range(3):
        if node.head == node:
            return None
        if node.dep_ == "pobj":
            via = node.head.lower_
        elif node.dep_ not in ("prep", "dobj", "nsubjpass", "conj", "compound"):
            return None
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in _BLAME_LEMMAS:
            break
    else:
        return None
    if via is None:  # the act is the verb's object: "blamed the bombing on X", "attributed to X"
        cands = list(_pobjs(node, {"to", "on"}))
        for obj in _children(node, {"dobj", "nsubjpass"}):
            cands += list(_pobjs(obj, {"to", "on"}))
    elif via in ("for", "of"):  # "blamed X for the murder", "accused X of the massacre"
        cands = _children(node, {"dobj"})
    else:
        return None
    for cand in cands:
        found = _actor_of(cand, actors)
        if found is not None:
            return found
    return None


def _clause_roles(token, actors, a1, a2, how, phrase):
    """Roles of the clause a trigger sits in ("forces shelled X using artillery fire").

    The climb stops at a verb of reporting: in "a jet bombed the village, a member of the
    militia told AFP" the militia tells of the act, it does not do it."""
    for verb in token.ancestors:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        if verb.lemma_.lower() in TELLING_VERBS:
            break
        v1, v2, _, v_phrase = _syntax_roles(verb, actors)
        if v1 is not None:
            return v1, a2 or v2, "clause", v_phrase
    return a1, a2, how, phrase


# Nouns for the fighters of a rebel group that the sentence may name elsewhere.
_REBEL_NOUNS = {"guerrilla", "guerrillas", "subversive", "subversives", "rebel", "rebels", "insurgent", "insurgents"}


def _unnamed_rebels(actor: Actor) -> bool:
    words = (actor.text or "").lower().split()
    return (actor.rule or "").startswith("actors.generic.unidentified") and bool(words) and words[-1] in _REBEL_NOUNS


def roles(sent, trigger: Trigger, actors: list[Actor]) -> tuple[Actor | None, Actor | None]:
    """(actor1, actor2): syntax first, then the claimant, then a named armed group."""
    token = _trigger_token(sent, trigger)
    a1, a2, how, phrase = _syntax_roles(token, actors)
    if a1 is None:
        a1, a2, how, phrase = _clause_roles(token, actors, a1, a2, how, phrase)
    crowd = _CROWD_TYPES.get(trigger.event_type)
    if crowd:
        return _crowd(crowd, a1, phrase, sent), _crowd_other_side(crowd, a1, a2, sent)
    countered = _countered_attack(token, actors)
    if countered is not None:
        a1, how, a2 = countered
    blamed = _blamed(token, actors)
    if blamed is not None:  # the one blamed is no target of the act: the parse hung it there
        a1, how = blamed, "blamed"
        a2 = None if a2 is not None and a2.name == blamed.name else a2
    if a1 is None or _unnamed_rebels(a1):
        # "the guerrillas attacked ..., the fpl said": the sentence's named rebel group
        named, named_how = _fallback_actor1(sent, actors, a2)
        if named is not None and (a1 is None or named.inter == 2):
            a1, how = named, named_how
    if a1 is None or (a1.rule or "").startswith("actors.generic.unidentified"):
        named = _responsible_group(sent, load_actors())
        if named is not None:
            a1, how = named, "responsibility"
    if a1 is None and trigger.event_type in _VIOLENT_TYPES:
        # ACLED codes an attack nobody is named for as an unidentified armed group
        a1, how = _unidentified(sent), "default"
    if a1 is not None and a1 is a2:
        a2 = None
    how2 = "syntax"
    if a2 is None:
        a2, how2 = _fallback_actor2(sent, actors, a1), "object"
    if a1 is not None:
        a1 = replace(a1, rule=f"{a1.rule}+role.{how}")
    if a2 is not None:
        a2 = replace(a2, rule=f"{a2.rule}+role.{how2}")
    return a1, a2


def assign_roles(sent, trigger: Trigger, actors: list[Actor]) -> tuple[Actor | None, Actor | None]:
    """(actor1 initiator, actor2 target) from the dependency parse around the trigger.

    actor1 is the subject of the trigger verb, the agent of a passive ("by X"),
    the possessor of an event noun ("X's attack") or the claimant; actor2 the
    object or target ("killed two soldiers", "attack on police"). "Between X
    and Y" gives X and Y. For protests and riots actor1 is Protesters/Rioters
    and a named organiser goes to ``actor1.assoc``.
    """
    return roles(sent, trigger, actors)
