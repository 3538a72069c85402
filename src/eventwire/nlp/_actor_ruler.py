"""The ``eventwire_actor_ruler`` factory: the actor dictionary as entities (label ACTOR).

Reads the EntityRuler-style patterns of ``resources.actors.actor_patterns``
but matches them with two phrase matchers instead of spaCy's EntityRuler: the
dictionary's ~4,000 case-sensitive names (acronyms, one-word names) as token
patterns made the EntityRuler's token Matcher cost as much as ``ner``.
Multi-word names match on ``LOWER``, the rest on ``ORTH``; an ethnonym
pattern ending in a militia noun ("Fulani herdsmen") matches the name and then
checks the next word. Matches overwrite earlier entities (like the
EntityRuler's ``overwrite_ents=True``); the entity id is the dictionary key.

Text in one case (wire feeds in lower case or capitals) has no case to match
on: there the case-sensitive names match on ``LOWER`` too, except those whose
lower-case form is an English word ("Cobras", "BRA"), which would match
ordinary words. Names written with accents also match without them
("Martí" / "marti").
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ._case import english_words, monocase, unaccented


class ActorRuler:
    """Tags dictionary actors as ACTOR entities, before ``ner``."""

    def __init__(self, nlp: Language, name: str, patterns: list[dict],
                 tokens: dict[str, tuple[list[str], list[bool]]] | None = None) -> None:
        self.name = name
        self._tokens = tokens or {}  # pattern text -> (words, spaces), as the tokenizer cut it
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.caseless = PhraseMatcher(nlp.vocab, attr="LOWER")  # the ORTH names, for one-case text
        self.words = english_words(nlp)
        self.next_word: dict[str, set[str]] = {}  # match id -> nouns that must follow
        self.keys: dict[str, str] = {}  # match id -> dictionary key
        with nlp.select_pipes(enable=[]):
            self._add(nlp, patterns)

    def _add(self, nlp: Language, patterns: list[dict]) -> None:
        exact: dict[str, list[Doc]] = {}
        lower: dict[str, list[Doc]] = {}
        for p in patterns:
            pattern, key = p["pattern"], p["id"]
            if isinstance(pattern, str):
                lower.setdefault(key, []).append(self._doc(nlp, pattern))
                if unaccented(pattern) != pattern:
                    lower[key].append(self._doc(nlp, unaccented(pattern)))
                continue
            words = [t["ORTH"] for t in pattern if "ORTH" in t]
            follow = [t["LOWER"]["IN"] for t in pattern if "LOWER" in t]
            match_id = f"{key}>{'|'.join(follow[0])}" if follow else key
            if follow:
                self.next_word[match_id] = set(follow[0])
            self.keys[match_id] = key
            exact.setdefault(match_id, []).append(Doc(nlp.vocab, words=words))
        for match_id, docs in exact.items():
            self.exact.add(match_id, docs)
            caseless = [d for d in docs if not self._wordlike(d)]
            if caseless:
                self.caseless.add(match_id, caseless)
        for key, docs in lower.items():
            self.keys[key] = key
            self.lower.add(key, docs)

    def _doc(self, nlp: Language, text: str) -> Doc:
        cut = self._tokens.get(text)
        if cut is None:
            return nlp.make_doc(text)
        return Doc(nlp.vocab, words=cut[0], spaces=cut[1])

    def _wordlike(self, name: Doc) -> bool:
        """An English word, or under three letters, once lower-cased: unsafe to match without case."""
        letters = "".join(t.lower_ for t in name if t.is_alpha)
        return len(letters) < 3 or any(t.lower_ in self.words for t in name if t.is_alpha)

    def _spans(self, doc: Doc) -> list[Span]:
        spans = []
        matchers = (self.exact, self.lower, self.caseless) if monocase(doc) else (self.exact, self.lower)
        for matcher in matchers:
            for match_id, start, end in matcher(doc):
                label = doc.vocab.strings[match_id]
                follow = self.next_word.get(label)
                if follow is not None:
                    if end >= len(doc) or doc[end].lower_ not in follow:
                        continue
                    end += 1
                spans.append(Span(doc, start, end, label="ACTOR", span_id=self.keys[label]))
        return spans

    def __call__(self, doc: Doc) -> Doc:
        spans = filter_spans(self._spans(doc))
        if not spans:
            return doc
        taken = {i for s in spans for i in range(s.start, s.end)}
        kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = filter_spans(kept + spans)
        return doc


@Language.factory(
    "eventwire_actor_ruler",
    assigns=["doc.ents", "token.ent_type"],
    default_config={"source": "default"},
)
def make_actor_ruler(nlp: Language, name: str, source: str):
    patterns, tokens = cached_patterns(nlp, source)
    return ActorRuler(nlp, name, patterns, tokens)


def _cache_key(nlp: Language) -> str:
    """What the patterns and their tokens are made of: the actor tables, the code that
    turns them into patterns, and the tokenizer (spaCy and model versions)."""
    import hashlib
    import inspect

    import spacy

    from ..resources import actors, data_path

    parts = [inspect.getsource(actors), spacy.__version__, nlp.meta.get("name", ""), nlp.meta.get("version", "")]
    for name in ("actors.csv", "generic_actors.csv", "actor_countries.csv", "actor_alias_stoplist.txt"):
        parts.append(data_path(name).read_text(encoding="utf-8"))
    return hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()[:12]


def cached_patterns(nlp: Language, source: str = "default") -> tuple[list[dict], dict]:
    """The dictionary's patterns and the tokens of its phrase patterns, built on first use and
    kept beside the gazetteer cache (tokenising some 7,000 names is most of a cold start's ruler time)."""
    from ..resources.actors import actor_patterns
    from ..gazetteer import cached_table

    def build() -> tuple[list[dict], dict]:
        patterns = actor_patterns(source)
        texts = sorted({t for p in patterns if isinstance(p["pattern"], str)
                        for t in (p["pattern"], unaccented(p["pattern"]))})
        tokens = {t: ([w.text for w in d], [bool(w.whitespace_) for w in d])
                  for t, d in zip(texts, nlp.tokenizer.pipe(texts))}
        return patterns, tokens

    if source != "default":
        return actor_patterns(source), {}
    return cached_table("actor-patterns", _cache_key(nlp), build)
