"""The ``eventwire_place_ruler`` factory: gazetteer names as entities (label GPE).

The gazetteer gives some 80,000 names; spaCy's EntityRuler needs half a minute
to tokenise that many phrase patterns, so this component looks token n-grams
up in a dict instead (build: a fraction of a second; run: a few dict lookups
per capitalised token). Matching is on the text as written, not lower-cased:
"Police said" must not become a Polish town. Like an EntityRuler with
``overwrite_ents``, its spans replace overlapping ones already set; ``ner``
keeps them and the actor ruler, running after, can overwrite them in turn.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

INITIAL = re.compile(r"^[A-Z]\.$")

MAX_TOKENS = 6


TITLES = frozenset({"mr", "mrs", "ms", "dr", "sir", "pope", "president", "minister", "gen", "general",
                    "col", "capt", "lt", "sgt", "judge", "senator", "sen", "rep", "gov", "governor",
                    "mayor", "chief", "prof", "rev", "saint", "st", "king", "queen", "prince", "imam"})
SAYING = frozenset({"said", "says", "told", "added", "wrote", "asked", "explained"})


class PlaceRuler:
    """Longest gazetteer name starting at each capitalised token."""

    def __init__(self, patterns: list[dict]) -> None:
        self.names: dict[str, str] = {}
        self.tiers: dict[str, str] = {}
        for p in patterns:
            if isinstance(p.get("pattern"), str):
                self.names.setdefault(p["pattern"], p.get("label", "GPE"))
                self.tiers.setdefault(p["pattern"], str(p.get("id", "")))
        self.max_chars = max((len(n) for n in self.names), default=0)
        from ..gazetteer import lexicon

        self.streets = frozenset(lexicon()["street_words"])

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
        found = []
        n = len(doc)
        i = 0
        while i < n:
            width = self._match(doc, i, n) if doc[i].text[:1].isupper() else 0
            text = doc[i:i + width].text if width else ""
            if width and self.tiers.get(text, "").endswith(".place") and self._person_like(doc, i, i + width):
                width = 0
            if width:
                found.append(Span(doc, i, i + width, label=self.names[text]))
                i += width
            else:
                i += 1
        if found:
            taken = {t for s in found for t in range(s.start, s.end)}
            keep = [e for e in doc.ents if not any(t in taken for t in range(e.start, e.end))]
            doc.ents = filter_spans(found + keep)
        return doc

    def _match(self, doc: Doc, i: int, n: int) -> int:
        for width in range(min(MAX_TOKENS, n - i), 0, -1):
            span = doc[i:i + width]
            if width > 1 and (len(span.text) > self.max_chars or span[-1].is_punct):
                continue
            if span.text in self.names:
                return width
        return 0


@Language.factory(
    "eventwire_place_ruler",
    assigns=["doc.ents", "token.ent_type"],
    default_config={"source": "default"},
)
def make_place_ruler(nlp: Language, name: str, source: str):
    from ..gazetteer import place_patterns

    return PlaceRuler(place_patterns(source))
