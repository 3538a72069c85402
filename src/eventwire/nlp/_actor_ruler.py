"""The ``eventwire_actor_ruler`` factory: the actor dictionary as entities (label ACTOR).

Reads the EntityRuler-style patterns of ``resources.actors.actor_patterns``
and looks them up as token n-grams in dictionaries, with the matches spaCy's
``PhraseMatcher`` would give (every phrase at every start, shortest first):
the dictionary's ~4,000 case-sensitive names as token patterns made the
EntityRuler's token Matcher cost as much as ``ner``, and building phrase
matchers (a Doc per name) was most of a cold start's ruler time. Multi-word
names match on the lower-cased token, the rest on the token as written; an
ethnonym pattern ending in a militia noun ("Fulani herdsmen") matches the name
and then checks the next word. Matches overwrite earlier entities (like the
EntityRuler's ``overwrite_ents=True``); the entity id is the dictionary key.

Text in one case (wire feeds in lower case or capitals) has no case to match
on: there the case-sensitive names match lower-cased too, except those whose
lower-case form is an English word ("Cobras", "BRA"), which would match
ordinary words. Such an acronym still matches where the article itself shows
it names the group: beside the group's full name ("the national liberation
army (eln)", "the eln (national liberation army)") or before a word for its
members ("eln members", "farc guerrillas"); once shown, every use of it in the
article matches ("the eln claimed..."). WordNet lists several armed groups'
acronyms (ELN, FARC, ETA), so the English-word test alone would never let them
match. Names written with accents also match without them ("Martí" / "marti").
"""
from __future__ import annotations

from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ._case import english_words, monocase, unaccented

# Words for a group's members or units: the acronym before them names the group.
_MEMBER_NOUNS = frozenset({"member", "guerrilla", "guerilla", "rebel", "militant", "fighter", "terrorist",
                           "insurgent", "commando", "column", "front", "unit", "cell", "squad", "leader",
                           "command", "militia", "militiaman", "gunman", "spokesman", "urban"})
# Tokens between an acronym and its group's full name ("eln (national liberation army)").
_BESIDE = 3


class PhraseTable:
    """Token sequences and the match ids they stand for, looked up from each token."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, ...], list[str]] = {}
        self.prefixes: set[tuple[str, ...]] = set()  # every phrase's leading n-grams, itself included

    def add(self, words: tuple[str, ...], match_id: str) -> None:
        if not words:
            return
        ids = self.ids.setdefault(words, [])
        if match_id not in ids:
            ids.append(match_id)
        self.prefixes.update(words[:n] for n in range(1, len(words) + 1))

    def __len__(self) -> int:
        return len(self.ids)

    def find(self, words: list[str]) -> Iterator[tuple[str, int, int]]:
        """``(match_id, start, end)`` of every phrase in ``words``, by start, then by length."""
        prefixes, ids, n = self.prefixes, self.ids, len(words)
        for start, word in enumerate(words):
            if (word,) not in prefixes:
                continue
            for end in range(start + 1, n + 1):
                key = tuple(words[start:end])
                if key not in prefixes:
                    break
                for match_id in ids.get(key, ()):
                    yield match_id, start, end


class ActorTables:
    """The phrase tables of the actor dictionary, built once and kept beside the gazetteer cache."""

    def __init__(self, nlp: Language, patterns: list[dict],
                 tokens: dict[str, tuple[list[str], list[bool]]] | None = None) -> None:
        self._tokens = tokens or {}  # pattern text -> (words, spaces), as the tokenizer cut it
        self.exact = PhraseTable()  # names as written, matched on the token's text
        self.lower = PhraseTable()  # multi-word names, matched lower-cased
        self.caseless = PhraseTable()  # the names as written, lower-cased, for one-case text
        self.shown = PhraseTable()  # acronyms that are also words: matched where the article shows them
        self.words = english_words(nlp)
        self.next_word: dict[str, set[str]] = {}  # match id -> nouns that must follow
        self.keys: dict[str, str] = {}  # match id -> dictionary key
        self._add(nlp, patterns)
        del self._tokens, self.words  # needed to build only

    def _add(self, nlp: Language, patterns: list[dict]) -> None:
        lower: dict[tuple[str, ...], list[str]] = {}
        for p in patterns:
            pattern, key = p["pattern"], p["id"]
            if isinstance(pattern, str):
                for text in dict.fromkeys((pattern, unaccented(pattern))):
                    lower.setdefault(tuple(w.lower() for w in self._words(nlp, text)), []).append(key)
                continue
            words = tuple(t["ORTH"] for t in pattern if "ORTH" in t)
            follow = [t["LOWER"]["IN"] for t in pattern if "LOWER" in t]
            match_id = f"{key}>{'|'.join(follow[0])}" if follow else key
            if follow:
                self.next_word[match_id] = set(follow[0])
            self.keys[match_id] = key
            self.exact.add(words, match_id)
            if not self._wordlike(words):
                self.caseless.add(tuple(w.lower() for w in words), match_id)
            elif _acronym(words):
                self.shown.add(tuple(w.lower() for w in words), match_id)
        for words, keys in lower.items():
            # names that differ only in case ("Lebanese Forces", "Lebanese forces") are one
            # phrase here: ambiguous between their entries, as an alias shared by two is
            key = "|".join(dict.fromkeys(k for ks in keys for k in ks.split("|")))
            self.keys[key] = key
            self.lower.add(words, key)

    def _words(self, nlp: Language, text: str) -> list[str]:
        cut = self._tokens.get(text)
        if cut is None:
            return [t.text for t in nlp.tokenizer(text)]
        return cut[0]

    def _wordlike(self, words: tuple[str, ...]) -> bool:
        """An English word, or under three letters, once lower-cased: unsafe to match without case.
        A name of three or more letters and figures ("M-19", "MS-13", "M23") spells no word."""
        if any(_letters_and_figures(w) for w in words):
            return False
        alpha = [w.lower() for w in words if w.isalpha()]
        return len("".join(alpha)) < 3 or any(w in self.words for w in alpha)


def _letters_and_figures(word: str) -> bool:
    chars = [c for c in word if c.isalnum()]
    return len(chars) >= 3 and any(c.isalpha() for c in chars) and any(c.isdigit() for c in chars)


def _acronym(words: tuple[str, ...]) -> bool:
    """One word of three or more capitals ("ELN"): a name, though a word list may hold it."""
    return len(words) == 1 and words[0].isupper() and words[0].isalpha() and len(words[0]) >= 3


class ActorRuler:
    """Tags dictionary actors as ACTOR entities, before ``ner``."""

    def __init__(self, nlp: Language, name: str, patterns: list[dict] | None = None,
                 tokens: dict[str, tuple[list[str], list[bool]]] | None = None,
                 tables: ActorTables | None = None) -> None:
        self.name = name
        self.tables = tables if tables is not None else ActorTables(nlp, patterns or [], tokens)

    def _spans(self, doc: Doc) -> list[Span]:
        tables, spans = self.tables, []
        text = [t.text for t in doc]
        lower = [w.lower() for w in text]
        found = [tables.exact.find(text), tables.lower.find(lower)]
        if monocase(doc):
            found.append(tables.caseless.find(lower))
        for matches in found:
            spans += self._matched(doc, matches, lower)
        if monocase(doc):
            spans += self._shown(doc, self._matched(doc, tables.shown.find(lower), lower), spans)
        return spans

    def _matched(self, doc: Doc, matches, lower: list[str]) -> list[Span]:
        tables, spans = self.tables, []
        for label, start, end in matches:
            follow = tables.next_word.get(label)
            if follow is not None:
                if end >= len(doc) or lower[end] not in follow:
                    continue
                end += 1
            spans.append(Span(doc, start, end, label="ACTOR", span_id=tables.keys[label]))
        return spans

    @staticmethod
    def _shown(doc: Doc, candidates: list[Span], named: list[Span]) -> list[Span]:
        """The acronyms the article shows to be its group's, at every use."""
        def beside_name(acronym: Span) -> bool:
            keys = set(acronym.id_.split("|"))
            return any(len(n) > 1 and keys & set(n.id_.split("|"))
                       and (0 <= n.start - acronym.end <= _BESIDE or 0 <= acronym.start - n.end <= _BESIDE)
                       for n in named)

        def before_members(acronym: Span) -> bool:
            return acronym.end < len(doc) and doc[acronym.end].lemma_.lower() in _MEMBER_NOUNS

        shown = {c.id_ for c in candidates if beside_name(c) or before_members(c)}
        return [c for c in candidates if c.id_ in shown]

    def __call__(self, doc: Doc) -> Doc:
        spans = [s for s in filter_spans(self._spans(doc)) if not _after_a_town(doc, s)]
        if not spans:
            return doc
        taken = {i for s in spans for i in range(s.start, s.end)}
        kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = filter_spans(kept + spans)
        return doc


def _after_a_town(doc: Doc, span: Span) -> bool:
    """'Charlotte, NC', 'Columbus, GA': a two-capital code right after a place and a comma
    is the way a town is written with its state, not a group's acronym (NC, the Nepali
    Congress), unless a verb follows ("... in Kathmandu, NC said")."""
    word = span.text
    nxt = doc[span.end] if span.end < len(doc) else None
    return (len(span) == 1 and len(word) == 2 and word.isupper() and span.start >= 2
            and doc[span.start - 1].text == "," and doc[span.start - 2].ent_type_ in ("GPE", "LOC")
            and (nxt is None or nxt.pos_ not in ("VERB", "AUX")))


@Language.factory(
    "eventwire_actor_ruler",
    assigns=["doc.ents", "token.ent_type"],
    default_config={"source": "default"},
)
def make_actor_ruler(nlp: Language, name: str, source: str):
    return ActorRuler(nlp, name, tables=cached_tables(nlp, source))


def _cache_key(nlp: Language) -> str:
    """What the tables are made of: the actor data, the code that turns them into patterns
    and tables, and the tokenizer and word list (spaCy and model versions)."""
    import hashlib
    import inspect
    import sys

    import spacy

    from ..resources.actors import data_digest

    parts = [data_digest(), inspect.getsource(sys.modules[__name__]), spacy.__version__,
             nlp.meta.get("name", ""), nlp.meta.get("version", "")]
    return hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()[:12]


def cached_tables(nlp: Language, source: str = "default") -> ActorTables:
    """The dictionary's phrase tables, built on first use and kept beside the gazetteer cache
    (tokenising some 7,000 names is most of the build)."""
    from ..resources.actors import actor_patterns
    from ..gazetteer import cached_table

    def build() -> ActorTables:
        patterns = actor_patterns(source)
        texts = sorted({t for p in patterns if isinstance(p["pattern"], str)
                        for t in (p["pattern"], unaccented(p["pattern"]))})
        tokens = {t: ([w.text for w in d], [bool(w.whitespace_) for w in d])
                  for t, d in zip(texts, nlp.tokenizer.pipe(texts))}
        return ActorTables(nlp, patterns, tokens)

    if source != "default":
        return ActorTables(nlp, actor_patterns(source))
    return cached_table("actor-tables", _cache_key(nlp), build)
