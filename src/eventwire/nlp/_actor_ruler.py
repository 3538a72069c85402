"""The ``eventwire_actor_ruler`` factory: the actor dictionary as entities (label ACTOR).

spaCy's EntityRuler sends every token pattern to the token ``Matcher``, whose
cost grows with the number of patterns; thousands of case-sensitive acronyms
made it the slowest step of the pipeline. Here patterns made only of exact
words go to a ``PhraseMatcher`` on ``ORTH`` (multi-word names to one on
``LOWER``), and only real token patterns ("Fulani" + militia noun) to the
``Matcher``. Matches overwrite ``ner``'s and earlier rulers' entities, as the
EntityRuler's ``overwrite_ents`` does.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

LABEL = "ACTOR"


def _exact_words(pattern: list[dict]) -> list[str] | None:
    words = []
    for token in pattern:
        if set(token) != {"ORTH"} or not isinstance(token["ORTH"], str):
            return None
        words.append(token["ORTH"])
    return words


class ActorRuler:
    """Tags actor names; ``ent.ent_id_`` holds the dictionary key(s)."""

    def __init__(self, nlp: Language, name: str, patterns: list[dict]) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._tokens = Matcher(nlp.vocab)
        for p in patterns:
            key, pattern = p["id"], p["pattern"]
            if isinstance(pattern, str):
                self._lower.add(key, [nlp.make_doc(pattern)])
            elif (words := _exact_words(pattern)) is not None:
                self._orth.add(key, [Doc(nlp.vocab, words=words)])
            else:
                self._tokens.add(key, [pattern])

    def __call__(self, doc: Doc) -> Doc:
        found = [Span(doc, start, end, label=LABEL, span_id=match_id)
                 for matcher in (self._lower, self._orth, self._tokens)
                 for match_id, start, end in matcher(doc)]
        if not found:
            return doc
        new = filter_spans(found)
        taken = {i for span in new for i in range(span.start, span.end)}
        kept = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
        doc.ents = sorted(new + kept, key=lambda s: s.start)
        return doc


@Language.factory(
    "eventwire_actor_ruler",
    assigns=["doc.ents", "token.ent_type"],
    default_config={"source": "default"},
)
def make_actor_ruler(nlp: Language, name: str, source: str):
    from ..resources.actors import actor_patterns

    return ActorRuler(nlp, name, actor_patterns(source))
