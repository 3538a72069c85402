"""Claims of responsibility: who claimed, through which channel, by which spokesperson.

Forms: "X claimed responsibility for", "X claimed the attack", "X takes (full)
responsibility", "the attack was claimed by X", "responsibility was claimed by X", and
"X said it carried out the attack".
Negated or denied claims ("No group claimed responsibility", "X denied
responsibility") are not claims. A claim inside a quoted statement takes the
statement's channel and the spokesperson who spoke it; claims by one actor merge.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..nlp import ents_in, span_text, trimmed, words
from ..records import Claim, Statement
from .actors import tie_of
from .attribution import canonical_group, find_channel, spokespeople

__all__ = ["find_claims"]

_OBJECTS = {"responsibility", "credit", "attack", "attacks", "bombing", "killing", "killings", "blast",
            "assault", "abduction", "kidnapping", "operation", "ambush", "explosion", "strike", "shooting",
            "hijacking", "assassination"}
_TAKE = {"take", "accept", "assume", "bear"}
_NEGATIVE = {"no", "none", "nobody", "neither", "not", "never", "n't", "deny"}
_PRONOUNS = {"it", "they", "which", "who", "that", "he", "she", "group"}


def _is_claim_verb(tok) -> bool:
    lemma = tok.lemma_.lower()
    if lemma != "claim" and lemma not in _TAKE:
        return False
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        objs.append(tok.head)  # "an attack later claimed by al-Shabaab": the noun it qualifies
    if lemma == "claim":
        # the parser sometimes hangs "responsibility" elsewhere; the words right after still say it
        near = [t.lemma_.lower() for t in tok.doc[tok.i + 1: tok.i + 3]]
        return any(o.lemma_.lower() in _OBJECTS or o.lower_ in _OBJECTS for o in objs) or \
            "responsibility" in near or "credit" in near
    if lemma in _TAKE:
        return any(o.lemma_.lower() == "responsibility" for o in objs)
    return False


# Verbs of doing an attack that a group says it did: "said it carried out the attack"
_DOING = frozenset({"carry", "conduct", "stage", "perpetrate", "launch", "execute"})
# Verbs a group says it through: "said", "announced", "declared" (not "denied")
_SAYING = frozenset({"say", "announce", "declare", "state", "confirm", "boast"})
# Subjects that stand for the saying group: "it", "they", "we", "its fighters"
_SELF = frozenset({"it", "they", "we"})


def _said_to_have_done(tok):
    """The verb of saying when a group says it did the act ("al Shabaab said it carried out
    the attack", "the group said its fighters conducted the raid"): a claim in other words.
    None when the clause is no such claim (another subject, no act named, negated)."""
    head = tok.head
    if tok.dep_ != "ccomp" or head.lemma_.lower() not in _SAYING or _negated(tok) or _negated(head):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or not (subj.lower_ in _SELF or any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our")
                                                        for c in subj.children)):
        return None
    if not any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _OBJECTS for c in tok.children):
        return None
    return head


def _negated(tok) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and any(t.lower_ in _NEGATIVE for t in subj.subtree):
        return True
    # "has yet to claim", "did not claim", "denied claiming"
    head = tok.head
    governed = tok.dep_ in ("xcomp", "pcomp") or tok.tag_ in ("VBG", "VB")  # "denied claiming", "refused to claim"
    return (governed and head is not tok and head.lemma_.lower() in ("deny", "refuse", "yet", "fail")) or \
        any(t.lower_ in ("yet", "unclaimed") for t in tok.lefts)


def _claimant(tok):
    """The span naming who claims: active subject, or "claimed by X"."""
    doc = tok.doc
    for c in tok.children:
        if c.dep_ == "agent":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return doc[obj.left_edge.i: obj.right_edge.i + 1]
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in ("which", "who", "that") and tok.dep_ == "relcl":
        subj = tok.head
    if subj is None and tok.dep_ == "relcl":
        subj = tok.head
    if subj is None and tok.dep_ == "conj":
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    return doc[subj.left_edge.i: min(subj.right_edge.i + 1, subj.left_edge.i + 12)]


def _actor_name(span, doc) -> str | None:
    """The group's name in the claimant span: an ACTOR/ORG entity, else its proper nouns."""
    ents = [e for e in ents_in(span) if e.label_ in ("ACTOR", "ORG", "NORP", "PERSON")]
    # "the al Qaeda-linked al Shabaab group": the group, not whom it is tied to
    ents = [e for e in ents if not tie_of(e.end_char, [o.start_char for o in ents if o is not e], doc.text)]
    ents.sort(key=lambda e: e.label_ != "ACTOR")  # the actor dictionary's tag first
    root = span.root
    if ents and ents[0].label_ == "NORP" and ents[0].end == root.i and root.pos_ == "NOUN":
        return canonical_group(doc[ents[0].start: root.i + 1].text, doc)  # "Mapuche activists"
    if ents:
        return canonical_group(ents[0].text, doc)
    words = [t.text for t in span if t.pos_ == "PROPN" or (t.is_upper and len(t) > 1)]
    if words:
        m = re.search(r"(?:[A-Z][\w'’-]+\s+){0,6}[A-Z][\w'’-]+", span.text)
        return canonical_group(m.group(0) if m else " ".join(words), doc)
    # a common-noun claimant ("Anarchists", "an unknown group"): its head and modifiers
    mods = [c.i for c in root.lefts if c.dep_ in ("amod", "compound", "nmod")]
    if root.pos_ in ("NOUN", "ADJ") and (root.lower_ not in _PRONOUNS or mods):
        return canonical_group(doc[min([root.i] + mods): root.i + 1].text, doc)
    return None


def _spokesperson(start: int, inside: Statement | None, doc, actor: str) -> str | None:
    named = [s for s in spokespeople(doc) if s[0] <= (inside.end if inside else start + 400)]
    for offset, person, org in reversed(named):
        if org is None or org == actor or canonical_group(org, doc) == actor:
            if inside is not None or abs(offset - start) < 400:
                return person
    return None


def _merge(found: list[Claim]) -> list[Claim]:
    """One claim per actor; later mentions fill a missing channel or spokesperson."""
    out: dict[str, Claim] = {}
    for c in found:
        first = out.get(c.actor)
        if first is None:
            out[c.actor] = c
        else:
            out[c.actor] = replace(first, channel=first.channel or c.channel,
                                   spokesperson=first.spokesperson or c.spokesperson,
                                   rule=first.rule if first.channel or not c.channel else first.rule + "+merged")
    return list(out.values())


def find_claims(doc, statements: list[Statement]) -> list[Claim]:
    """Claims of responsibility, with channel and spokesperson when stated."""
    found = []
    lemmas = words(doc).lemma
    for i, lemma in enumerate(lemmas):
        if lemma != "claim" and lemma not in _TAKE and lemma not in _DOING:
            continue  # no claim verb: no Token built for it
        tok = doc[i]
        if lemma in _DOING:
            tok = _said_to_have_done(tok)
            if tok is None:
                continue
        elif not _is_claim_verb(tok) or _negated(tok):
            continue
        span = _claimant(tok)
        actor = _actor_name(span, doc) if span is not None else None
        if actor is None or actor.lower() in _PRONOUNS:
            continue
        sent = tok.sent
        inside = next((s for s in statements if s.start <= tok.idx < s.end and s.channel), None)
        channel = inside.channel if inside else find_channel(span_text(sent))
        rule = "claims." + ("statement" if inside else ("passive" if span.root.dep_ == "pobj" else "active"))
        text, start, end = trimmed(sent)
        found.append(Claim(actor=actor, text=text, start=start, end=end,
                           channel=channel, spokesperson=_spokesperson(tok.idx, inside, doc, actor), rule=rule))
    return _merge(found)
