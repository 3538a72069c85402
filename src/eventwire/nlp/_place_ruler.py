"""The ``eventwire_place_ruler`` factory: gazetteer names as entities (label GPE).

The gazetteer gives some 80,000 names; spaCy's EntityRuler needs half a minute
to tokenise that many phrase patterns, so this component looks token n-grams
up in a dict instead (build: a fraction of a second; run: a few dict lookups
per capitalised token). Matching is on the text as written, not lower-cased:
"Police said" must not become a Polish town. Like an EntityRuler with
``overwrite_ents``, its spans replace overlapping ones already set; ``ner``
keeps them and the actor ruler, running after, can overwrite them in turn.

Text in one case (wire feeds in lower case or capitals: "san salvador",
"AYACUCHO") is looked up with each word capitalised. There, a one-word name
must be a country or a first-level division, or not an English word ("lima"
is looked up, "police" and "march" are not); a longer name must hold a word
that is neither a stop word nor a saying verb, and is no side of a country before
a unit word ("the northern region", "the eastern province": a description there,
not Ghana's or Zambia's province of that name). A name the text writes after a
person's title ("colonel rene emilio ponce") is a person's wherever it is written
(PERSON spans, which NER keeps), never a one-word place; a town's name after "radio" or
"television" is the station's ("radio venceremos").
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ._case import english_words, monocase

INITIAL = re.compile(r"^[A-Z]\.$")

MAX_TOKENS = 6


TITLES = frozenset({"mr", "mrs", "ms", "dr", "sir", "pope", "president", "minister", "gen", "general",
                    "col", "capt", "lt", "sgt", "judge", "senator", "sen", "rep", "gov", "governor",
                    "mayor", "chief", "prof", "rev", "saint", "st", "king", "queen", "prince", "imam"})
SAYING = frozenset({"said", "says", "told", "added", "wrote", "asked", "explained"})
# A town's name written after one of these is a station's name in one-case text ("radio
# venceremos", "radio dabanga"), as a capitalised word before it makes it one in cased text.
STATION_WORDS = frozenset({"radio", "television", "tv"})


class PlaceRuler:
    """Longest gazetteer name starting at each capitalised token."""

    def __init__(self, patterns: list[dict] | None = None, tables: tuple[dict, dict] | None = None,
                 words: frozenset[str] = frozenset()) -> None:
        self.names, self.tiers = tables if tables is not None else name_tables(patterns or [])
        self.words = words  # English words: never a one-word place in one-case text
        self.max_chars = max((len(n) for n in self.names), default=0)
        from ..gazetteer import admin_terms, lexicon

        self.streets = frozenset(lexicon()["street_words"])
        # "the northern region", "the eastern province": a side of a country and a unit word,
        # a description in one-case text, not Ghana's Northern Region or Zambia's Eastern Province
        self.sides = frozenset(lexicon()["relative"]["directions"]) | {"central"}
        self.units = frozenset(admin_terms())
        self.titles = frozenset(lexicon().get("person_titles", ()))
        self.given = frozenset(lexicon().get("given_names", ()))

    def _person_like(self, doc: Doc, start: int, end: int) -> bool:
        """'Pope Francis', 'Nelson Mandela', 'Sheila D. Williams', 'Evans said', 'Memphis St.':
        a town's name used for a person or a street."""
        prev = doc[start - 1] if start > 0 else None
        nxt = doc[end] if end < len(doc) else None
        if prev is not None and (prev.lower_.rstrip(".") in TITLES
                                 or (prev.text[:1].isupper() and not prev.is_sent_start
                                     and (prev.is_alpha or INITIAL.match(prev.text)))):
            return True
        if nxt is not None and nxt.lower_.rstrip(".") in self.streets:
            return True
        if nxt is not None and ((nxt.text[:1].isupper() and nxt.is_alpha) or nxt.lower_ in SAYING):
            return True
        return False

    def __call__(self, doc: Doc) -> Doc:
        if not self.names:
            return doc
        if monocase(doc):
            return self._caseless(doc)
        found = []
        n = len(doc)
        # token strings read once: Span objects for every candidate n-gram cost more
        # than the lookups themselves
        texts = [t.text for t in doc]
        spaces = [t.whitespace_ for t in doc]
        i = 0
        while i < n:
            width, text = self._match(doc, texts, spaces, i, n) if texts[i][:1].isupper() else (0, "")
            if width and self.tiers.get(text, "").endswith(".place") and self._person_like(doc, i, i + width):
                width = 0
            if width:
                found.append(Span(doc, i, i + width, label=self.names[text]))
                i += width
            else:
                i += 1
        return self._set(doc, found)

    def _set(self, doc: Doc, found: list[Span]) -> Doc:
        if found:
            taken = {t for s in found for t in range(s.start, s.end)}
            keep = [e for e in doc.ents if not any(t in taken for t in range(e.start, e.end))]
            doc.ents = filter_spans(found + keep)
        return doc

    def _caseless(self, doc: Doc) -> Doc:
        """Lower-case or all-capitals text: names looked up with each word capitalised."""
        found = []
        n = len(doc)
        # token attributes read once: a Span and its Tokens for every candidate width cost
        # more than the lookups themselves
        toks = _CaselessTokens(doc)
        people = self._named_people(doc, toks)
        i = 0
        while i < n:
            hit = self._caseless_match(toks, i, n) if toks.alpha[i] and not toks.stop[i] else None
            if hit is None or (hit[0] == 1 and toks.lower[i] in people):
                i += 1
                continue
            width, name = hit
            if i > 0 and toks.lower[i - 1] in STATION_WORDS and self.tiers.get(name, "").endswith(".place"):
                i += width
                continue
            found.append(Span(doc, i, i + width, label=self.names[name]))
            i += width
        return self._set(doc, found + self._people_spans(doc, toks, people, found))

    def _named_people(self, doc: Doc, toks: "_CaselessTokens") -> frozenset[str]:
        """The words of the names a one-case text writes after a person's title (lexicon
        ``person_titles``: "colonel rene emilio ponce" -> rene, emilio, ponce) or opens with a
        given name (lexicon ``given_names``: "jose napoleon duarte"). Case cannot tell "ponce"
        the colonel from Ponce the town; the text's own title can, and it holds wherever the
        text writes the name again ("cristiani and ponce")."""
        out: set[str] = set()
        n = len(toks.lower)
        for i, low in enumerate(toks.lower):
            if low in self.given:
                k = i  # a given name is part of the name it opens
            elif low in self.titles:
                k = i + 2 if i + 1 < n and toks.lower[i + 1] == "." else i + 1  # "dr. guerrero"
            else:
                continue
            if k >= n or (toks.lower[k] in self.words and toks.lower[k] not in self.given):
                continue  # "the general staff", "president of the republic"
            out.update(self._name_words(doc, toks, k))
        return frozenset(out)

    def _name_words(self, doc: Doc, toks: "_CaselessTokens", k: int) -> list[str]:
        """The words of a name starting at token ``k``, at most four: words that are no English
        words, and one last that is, when it ends the name as a noun ("... emilio ponce,"),
        never a verb or a word the sentence goes on with ("cristiani today charged")."""
        n = len(toks.lower)
        words: list[str] = []
        while k < n and len(words) < 4 and toks.alpha[k] and not toks.stop[k] and toks.lower[k] not in self.titles:
            if toks.lower[k] in self.words and toks.lower[k] not in self.given:
                ends = k + 1 >= n or toks.punct_or_space[k + 1] or toks.stop[k + 1]
                if words and ends and doc[k].tag_ in ("NN", "NNP"):
                    words.append(toks.lower[k])
                break
            words.append(toks.lower[k])
            k += 1
        return words

    @staticmethod
    def _people_spans(doc: Doc, toks: "_CaselessTokens", people: frozenset[str], places: list[Span]) -> list[Span]:
        """PERSON spans over the runs of name words outside the places found, so that NER,
        which runs after, does not read them as places either."""
        taken = {t for s in places for t in range(s.start, s.end)}
        out, start = [], None
        for i in range(len(toks.lower) + 1):
            inside = i < len(toks.lower) and i not in taken and toks.lower[i] in people
            if inside and start is None:
                start = i
            elif not inside and start is not None:
                out.append(Span(doc, start, i, label="PERSON"))
                start = None
        return out

    def _caseless_match(self, toks: "_CaselessTokens", i: int, n: int) -> tuple[int, str] | None:
        top = min(MAX_TOKENS, n - i)
        grams = [""]  # grams[w] is tokens i .. i + w - 1, each capitalised, with their spaces
        for k in range(i, i + top):
            grams.append(grams[-1] + toks.capital[k] + toks.space[k])
        for width in range(top, 0, -1):
            last = i + width - 1
            if toks.punct_or_space[last]:
                continue
            name = grams[width].strip()
            if name not in self.names:
                continue
            if width == 1:
                tier = self.tiers.get(name, "")
                if toks.lower[i] in self.words and not tier.endswith((".country", ".admin1", ".alias")):
                    continue
            elif not any(not toks.stop[k] and toks.lower[k] not in SAYING and toks.alpha[k] for k in range(i, i + width)):
                continue
            elif toks.lower[last] in self.units and all(toks.lower[k] in self.sides for k in range(i, last)):
                continue
            return width, name
        return None

    def _match(self, doc: Doc, texts: list[str], spaces: list[str], i: int, n: int) -> tuple[int, str]:
        """The widest name starting at token ``i``: (width, its text), or (0, "")."""
        grams = [texts[i]]  # grams[w - 1] is the text of tokens i .. i + w - 1, as Span.text gives it
        for k in range(i + 1, min(i + MAX_TOKENS, n)):
            grams.append(grams[-1] + spaces[k - 1] + texts[k])
        for width in range(len(grams), 0, -1):
            text = grams[width - 1]
            if width > 1 and (len(text) > self.max_chars or doc[i + width - 1].is_punct):
                continue
            if text in self.names:
                return width, text
        return 0, ""


def name_tables(patterns: list[dict]) -> tuple[dict[str, str], dict[str, str]]:
    """name -> label and name -> tier (the pattern's id) of EntityRuler-style patterns."""
    names: dict[str, str] = {}
    tiers: dict[str, str] = {}
    for p in patterns:
        if isinstance(p.get("pattern"), str):
            names.setdefault(p["pattern"], p.get("label", "GPE"))
            tiers.setdefault(p["pattern"], str(p.get("id", "")))
    return names, tiers


def _cache_key() -> str:
    """What the place names are made of: the compiled gazetteer's key, the geo data files,
    an imported GeoNames index, and the code that picks the names."""
    import hashlib
    import inspect

    from ..gazetteer import _compiled, _patterns, admin_terms, default_db_path
    from ..resources import data_path

    parts = [_compiled._cache_tag(admin_terms()), inspect.getsource(_patterns)]
    for f in sorted(data_path("geo").iterdir()):
        parts.append(f.name + f.read_text(encoding="utf-8"))
    db = default_db_path()
    if db.is_file():
        stat = db.stat()
        parts.append(f"{db}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()[:12]


def cached_tables(source: str = "default") -> tuple[dict[str, str], dict[str, str]]:
    """The place-name tables, built from the gazetteer on first use and kept beside the
    gazetteer's own cache (some 20 times faster to load than to build)."""
    from ..gazetteer import cached_table, place_patterns

    if source != "default":
        return name_tables(place_patterns(source))
    return cached_table("place-names", _cache_key(), lambda: name_tables(place_patterns(source)))


@Language.factory(
    "eventwire_place_ruler",
    assigns=["doc.ents", "token.ent_type"],
    default_config={"source": "default"},
)
def make_place_ruler(nlp: Language, name: str, source: str):
    return PlaceRuler(tables=cached_tables(source), words=english_words(nlp))


class _CaselessTokens:
    """The token attributes that caseless matching reads, one list each for the document."""

    __slots__ = ("capital", "space", "punct_or_space", "alpha", "stop", "lower")

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import IS_ALPHA, IS_PUNCT, IS_SPACE, IS_STOP, LOWER, ORTH, SPACY

        # one array of the attributes, then each string once: no Token objects
        orth, space, lower, alpha, stop, punct, is_space = doc.to_array(
            [ORTH, SPACY, LOWER, IS_ALPHA, IS_STOP, IS_PUNCT, IS_SPACE]).T.tolist()
        strings = doc.vocab.strings
        names = {key: strings[key] for key in set(orth).union(lower)}
        self.capital = [names[k].capitalize() for k in orth]
        self.space = [" " if k else "" for k in space]
        self.punct_or_space = [p == 1 or s == 1 for p, s in zip(punct, is_space)]
        self.alpha = [k == 1 for k in alpha]
        self.stop = [k == 1 for k in stop]
        self.lower = [names[k] for k in lower]
