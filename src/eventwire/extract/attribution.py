"""Who said what: quoted and reported statements and the kind of their speaker.

A speaker is typed by the words that name it (``attribution_cues.csv``: "police"
→ official, "witnesses" → witness, "Reuters" → media) and by the actor it names:
an armed non-state group (actor dictionary, or a name like "... Liberation Army")
speaks as the perpetrator, so a figure it gives is *claimed*, not confirmed.
"the spokesperson" / "the group" is resolved to the last spokesperson or group
named before it ("in a statement attributed to spokesperson Jeeyand Baloch").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import EventwireError
from ..records import Statement
from ._cue_tables import speaker_words
from ..nlp import covered, doc_ents, doc_text, ents_in, per_doc, span_text, trimmed, words

__all__ = ["find_statements", "sentence_source", "speaker_span", "speaker_type", "canonical_group",
           "spokespeople", "find_channel"]

# Verbs that pass words on and do nothing else: what they report is not their subject's act.
TELLING_VERBS = frozenset({"say", "tell", "report", "confirm", "state", "add", "write", "quote", "post", "tweet"})
# Verbs that open a statement: telling, and saying with a stance of one's own.
_SPEECH = TELLING_VERBS | {"announce", "claim", "allege", "warn", "insist", "threaten", "vow", "deny", "accuse"}
_ANAPHORA = re.compile(r"^(?:the |its |a )?(spokes(?:person|man|woman)|group|militants?|organi[sz]ation|"
                       r"outfit|he|she|it|they|insurgents|rebels)$", re.I)
_ACCORDING = re.compile(r"\baccording to (?:(?:a|the|an) )?(?:(?:statement|report|reports|figures|data|"
                        r"claims?|sources?|tally|count)\s+)?(?:(?:issued|released|published|posted|"
                        r"circulated|made|cited|from|by|of)\s+)*(?:by\s+)?(?P<sp>[^,.;()\"“”]{2,80})", re.I)
_CONFIRMED_BY = re.compile(r"\b(?:as )?(?:confirmed|reported|stated|announced|claimed) by (?P<sp>[^,.;()\"“”]{2,60}?)"
                           r"(?= to | in |[,.;]|$)", re.I)
_CHANNEL = (
    re.compile(r"\bin an? ((?:statement|video|message|post|communiqu\w+|press release|audio message|"
               r"interview)(?: (?:circulated|posted|published|released|issued|shared|sent|carried|"
               r"broadcast)(?: on| via| through| by| to)? [^.,;\"”]+)?)", re.I),
    re.compile(r"\b(?:on|via|through) (?:its |their |the group's |an? )?((?:Telegram|Twitter|X|Facebook|"
               r"social media|WhatsApp|Amaq(?: news agency)?|website|YouTube|TikTok|state television|"
               r"state media)(?: channels?| accounts?| pages?)?)", re.I),
    re.compile(r"\b(?:at|during|in) an? ((?:press|news) (?:conference|briefing))", re.I),
)
_SPOKES = re.compile(r"\bspokes(?:person|man|woman)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})")
_SPOKES_FOR = re.compile(r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}),? (?:a |the )?spokes\w+ "
                         r"(?:for|of) (?:the )?(?P<org>[A-Z][^,.;]{2,60})")
_ACRONYM = re.compile(r"(?P<full>[A-Z][\w'’-]+(?:\s+(?:(?:of|the|and|for|al|wal|de|la|el)\s+)?[A-Z][\w'’-]+){1,7})"
                      r"\s+\((?P<abbr>[A-Z][A-Za-z-]{1,8})\)")
_GROUP_WORDS = re.compile(r"\b(liberation|front|movement|taliban|shabaab|islamic state|isis|isil|daesh|"
                          r"boko haram|jihad|mujahideen|tehreek|lashkar|jaish|hamas|hezbollah|hizbullah|"
                          r"brigades?|militia|rebels?|insurgents?|militants?|al[- ]qaeda|ansar|"
                          r"houthis?|pkk|farc|eln|npa|maoists?|naxal\w*)\b", re.I)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_ROLE = re.compile(r"^(?:[a-z]+\s+)*spokes(?:person|man|woman)\s+(?=[A-Z])")
_PERPETRATOR_TYPES = {"rebel group", "political militia", "identity militia"}


@dataclass(frozen=True, slots=True)
class _Source:
    phrase: str
    start: int
    end: int
    cue: str


def _lookup_actor(name: str):
    """The actor dictionary's entry for a name, or None (unknown, ambiguous, or no dictionary)."""
    try:
        from ..resources.actors import load_actors

        return load_actors().lookup(name)
    except (ImportError, AttributeError, EventwireError, OSError, ValueError):
        return None  # without the dictionary a name stays as written


def _acronyms(doc) -> dict[str, str]:
    cache = doc.user_data.setdefault("eventwire_acronyms", None)
    if cache is None:
        cache = {m.group("abbr"): m.group("full") for m in _ACRONYM.finditer(doc_text(doc))}
        doc.user_data["eventwire_acronyms"] = cache
    return cache


def canonical_group(name: str, doc) -> str:
    """A group's name: acronym spelt out from the article, or the dictionary name."""
    name = _ARTICLE.sub("", name.strip())
    name = _acronyms(doc).get(name, name)
    entry = _lookup_actor(name)
    return getattr(entry, "name", None) or name


def _entry_type(name: str) -> str | None:
    entry = _lookup_actor(name)
    return getattr(entry, "actor_type", None) or getattr(entry, "type", None)


def _ruler_group(phrase: str, doc) -> str | None:
    """An armed non-state group the actor ruler tagged (label ACTOR) inside the phrase."""
    try:
        from ..resources.actors import load_actors

        actors = load_actors()
    except (ImportError, AttributeError, EventwireError, OSError, ValueError):
        return None
    for ent in per_doc(doc, "actor_ents", lambda: [e for e in doc_ents(doc) if e.label_ == "ACTOR"]):
        if ent.text in phrase:
            entry = actors.resolve_keys(ent.ent_id_) if ent.ent_id_ else actors.lookup(ent.text)
            if entry is not None and entry.actor_type in _PERPETRATOR_TYPES:
                return entry.name
    return None


def _group_in(phrase: str, doc) -> str | None:
    """An armed non-state group named in the phrase, by actor ruler, acronym, dictionary or name."""
    found = _ruler_group(phrase, doc)
    if found:
        return found
    for abbr, full in _acronyms(doc).items():
        if re.search(rf"\b{re.escape(abbr)}\b", phrase) or full in phrase:
            if _GROUP_WORDS.search(full) or _entry_type(full) in _PERPETRATOR_TYPES:
                return canonical_group(full, doc)
    if _entry_type(phrase) in _PERPETRATOR_TYPES:
        return canonical_group(phrase, doc)
    m = re.search(r"(?:[A-Z][\w'’-]+\s+){0,5}[A-Z][\w'’-]+", phrase)
    if m and _GROUP_WORDS.search(m.group(0)):
        return canonical_group(m.group(0), doc)
    return None


def spokespeople(doc) -> list[tuple[int, str, str | None]]:
    """(offset, person, organisation) for each spokesperson introduced by name (cached on the doc)."""
    cached = doc.user_data.get("eventwire_spokespeople")
    if cached is None:
        cached = doc.user_data["eventwire_spokespeople"] = _spokespeople(doc)
    return cached


def _spokespeople(doc) -> list[tuple[int, str, str | None]]:
    out = []
    for m in _SPOKES_FOR.finditer(doc_text(doc)):
        out.append((m.start(), m.group("name"), canonical_group(m.group("org"), doc)))
    for m in _SPOKES.finditer(doc_text(doc)):
        sent = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        org = None
        if sent is not None:
            text = sent.sent.text
            org = _group_in(text, doc) or next(
                (e.text for e in ents_in(sent.sent) if e.label_ in ("ACTOR", "ORG") and e.text not in m.group("name")), None)
        out.append((m.start(), m.group("name").strip(), org))
    return sorted(out)


def _resolve_anaphora(phrase: str, offset: int, doc) -> tuple[str, str | None] | None:
    """(person, organisation) for "the spokesperson" / "the group" said at ``offset``."""
    if not _ANAPHORA.match(phrase.strip()):
        return None
    earlier = [s for s in spokespeople(doc) if s[0] < offset]
    if earlier:
        return earlier[-1][1], earlier[-1][2]
    return None


def speaker_type(phrase: str, doc) -> tuple[str, str]:
    """(speaker name, speaker_type) for the words naming a speaker."""
    group = _group_in(phrase, doc)
    if group:
        return group, "perpetrator"
    words = re.findall(r"[a-z]+", phrase.lower())
    table = speaker_words()
    for i, w in enumerate(words):
        two = " ".join(words[i:i + 2])
        if two in table:
            return _clean(phrase), table[two]
        if w in table:
            return _clean(phrase), table[w]
    return _clean(phrase), "unknown"


def _clean(phrase: str) -> str:
    phrase = _ARTICLE.sub("", phrase.strip()).strip()
    # "spokesperson Shahid Rind" -> "Shahid Rind": the person is the speaker, the role typed it
    return _ROLE.sub("", phrase)


def _resolve(phrase: str, offset: int, doc) -> tuple[str, str]:
    ana = _resolve_anaphora(phrase, offset, doc)
    if ana is not None:
        person, org = ana
        if org:
            name, kind = speaker_type(org, doc)
            return name, (kind if kind != "unknown" else "official")
        return person, "unknown"
    for start, person, org in spokespeople(doc):
        if person in phrase and org:
            name, kind = speaker_type(org, doc)
            if kind == "perpetrator":
                return name, kind
    return speaker_type(phrase, doc)


def _name_span(tok):
    """The head noun with its compounds and modifiers to the left ("railway officials")."""
    start = tok.i
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "det", "nummod", "case"):
            start = min(start, c.left_edge.i)
    return tok.doc[start: tok.i + 1]


def _verb_source(sent) -> _Source | None:
    """"police said", "said police", "with spokesperson X confirming that"."""
    doc = sent.doc
    w = words(doc)
    for i in range(sent.start, sent.end):
        if w.lemma[i] not in _SPEECH or w.pos[i] not in ("VERB", "AUX"):
            continue
        tok = doc[i]
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "agent")), None)
        if subj is None and tok.tag_ == "VBG" and tok.i > sent.start and doc[tok.i - 1].pos_ in ("PROPN", "NOUN"):
            subj = doc[tok.i - 1]
        if subj is None or subj.lower_ in ("it", "which", "that", "there", "this"):
            continue
        if subj.dep_ == "agent":
            subj = next((c for c in subj.children if c.dep_ == "pobj"), subj)
        whole = doc[subj.left_edge.i: min(subj.right_edge.i + 1, subj.left_edge.i + 20)]
        span = _name_span(subj)
        cue = tok.text
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "dative") and c.ent_type_ in ("ORG", "ACTOR")), None)
        if tok.lemma_.lower() == "tell" and obj is not None:
            cue = f"{tok.text} {obj.text}"
        phrase = whole.text if _group_in(whole.text, doc) else span.text
        return _Source(phrase, span.start_char, span.end_char, cue)
    return None


def _find_source(sent) -> _Source | None:
    text, base = span_text(sent), sent.start_char
    m = _ACCORDING.search(text)
    if m:
        sp = m.group("sp").strip()
        return _Source(sp, base + m.start("sp"), base + m.start("sp") + len(sp), "according to")
    m = _CONFIRMED_BY.search(text)
    if m:
        return _Source(m.group("sp"), base + m.start("sp"), base + m.end("sp"), m.group(0).split(" by ")[0].strip())
    return _verb_source(sent)


def sentence_source(sent) -> tuple[str, str] | None:
    """(speaker, speaker_type) of the statement a sentence reports, if it names one."""
    src = _find_source(sent)
    if src is None:
        return None
    return _resolve(src.phrase, src.start, sent.doc)


def speaker_span(sent) -> tuple[int, int] | None:
    """Where the words naming the speaker of a sentence's statement lie (character offsets)."""
    src = _find_source(sent)
    return None if src is None else (src.start, src.end)


def find_channel(text: str) -> str | None:
    for rx in _CHANNEL:
        m = rx.search(text)
        if m:
            return m.group(1).strip()
    return None


_QUOTE = re.compile(r"[\"“](?P<q>[^\"“”]{8,2000}?)[\"”]", re.S)
_AFTER_QUOTE = re.compile(r"^\s*,?\s*(?:(?P<cue>said|says|added|stated|wrote|told [A-Z]\w+|according to)\s+"
                          r"(?P<sp>[^.,;\"“]{2,80}?)|(?P<sp2>[^.,;\"“]{2,60}?)\s+(?P<cue2>said|says|added|"
                          r"stated|wrote|told [A-Z]\w+))(?=\s+in an? |\s+on |\s+at |\s*[.,;]|\s*$)")
_BEFORE_QUOTE = re.compile(r"(?P<sp>[A-Z][^.;:\"”]{1,80}?)\s+(?P<cue>said|says|added|stated|wrote|told [A-Z]\w+)"
                           r"[^.;:\"”]{0,60}[:,]\s*$")


def _quoted(doc) -> list[Statement]:
    out = []
    text = doc_text(doc)
    for m in _QUOTE.finditer(text):
        tail = text[m.end(): m.end() + 200]
        end_of_sentence = re.search(r"[.!?](?:\s|$)", tail)
        clause = tail[: end_of_sentence.start() + 1] if end_of_sentence else tail
        a = _AFTER_QUOTE.match(tail)
        if a:
            sp, cue, end = a.group("sp") or a.group("sp2"), a.group("cue") or a.group("cue2"), m.end() + len(clause)
        else:
            b = _BEFORE_QUOTE.search(text[max(0, m.start() - 200): m.start()])
            if not b:
                continue
            sp, cue, end = b.group("sp"), b.group("cue"), m.end()
        name, kind = _resolve(sp, m.start(), doc)
        out.append(Statement(speaker=name, content=m.group("q").strip(), start=m.start(), end=end,
                             speaker_type=kind, cue=cue, channel=find_channel(clause)))
    return out


def find_statements(doc) -> list[Statement]:
    """Quoted and reported statements in a document, with their speakers."""
    out = _quoted(doc)
    # a statement found below lies inside its own sentence, so only the quotes can hold
    # a later sentence's start
    in_quote = covered([(s.start, s.end) for s in out])
    for sent in doc.sents:
        if in_quote(sent.start_char):
            continue
        src = _find_source(sent)
        if src is None:
            continue
        name, kind = _resolve(src.phrase, src.start, doc)
        content, start, end = trimmed(sent)
        out.append(Statement(speaker=name, content=content, start=start, end=end,
                             speaker_type=kind, cue=src.cue, channel=find_channel(span_text(sent))))
    return sorted(out, key=lambda s: s.start)
