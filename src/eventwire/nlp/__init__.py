"""nlp: one spaCy pipeline per process, with eventwire's rulers before ``ner``.

The stock ``en_core_web_sm`` tags Balochistan as ORG and Mushqaf as PERSON; the
rulers registered in :mod:`eventwire.nlp.components` put the actor dictionary
(label ``ACTOR``) and the gazetteer's names (``GPE``/``LOC``) in first, and
``ner`` keeps what they set.
"""
from __future__ import annotations

from ._pipeline import DEFAULT_MODEL, add_components, build_nlp, get_nlp
from ._stages import attach

__all__ = ["DEFAULT_MODEL", "Words", "add_components", "attach", "build_nlp", "covered", "doc_ents", "doc_text",
           "ents_in", "get_nlp", "per_doc", "span_text", "words"]

# Values computed once per parsed document, for the document being coded now.
# One slot: the stages code one Doc at a time, and the Doc is compared by
# identity (it is held here until the next one, so its id cannot be reused).
# Kept out of ``doc.user_data``, which spaCy serialises between processes.
_MEMO: dict = {"doc": None, "values": {}}


def doc_text(doc) -> str:
    """``doc.text``, computed once per document.

    spaCy rebuilds ``Doc.text`` from its tokens on every access; the stages
    read windows of it for every mention, so the string is kept in
    ``doc.user_data``.
    """
    text = doc.user_data.get("eventwire.text")
    if text is None:
        text = doc.user_data["eventwire.text"] = doc.text
    return text


def per_doc(doc, key: str, compute):
    """``compute()``, once per document: for whole-document facts that every
    mention asks for, so coding stays linear in the document's length."""
    if _MEMO["doc"] is not doc:
        _MEMO["doc"], _MEMO["values"] = doc, {}
    values = _MEMO["values"]
    if key not in values:
        values[key] = compute()
    return values[key]


def span_text(span) -> str:
    """``span.text``, cut from the document's text: spaCy joins the span's tokens
    again on every access, building a Token for each."""
    return doc_text(span.doc)[span.start_char:span.end_char]


class Words:
    """Each token's word forms and tags as plain lists indexed by token number.

    Rules read the same words of a sentence many times over (every trigger
    look-up, count cue and number test); ``doc[i]`` builds a new Token each
    time and each string attribute is a look-up in the vocabulary's string
    store. These lists are read once per document instead.
    """

    __slots__ = ("lower", "lemma", "pos", "dep", "head", "ent_type", "idx", "is_space")

    def __init__(self, doc) -> None:
        import numpy
        from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_SPACE, LEMMA, LOWER, POS

        # one array of the attributes' ids, then each id's string once: no Token objects
        table = doc.to_array([LOWER, LEMMA, POS, DEP, ENT_TYPE, HEAD, IDX, IS_SPACE])
        lower, lemma, pos, dep, ent_type, _, idx, is_space = table.T.tolist()
        strings = doc.vocab.strings
        names = {0: ""}
        for key in set(lower).union(lemma, pos, dep, ent_type).difference(names):
            names[key] = strings[key]
        self.lower: list[str] = [names[k] for k in lower]
        self.lemma: list[str] = [names[k].lower() for k in lemma]  # lower-cased, as the lexicons are
        self.pos: list[str] = [names[k] for k in pos]
        self.dep: list[str] = [names[k] for k in dep]
        # the head's token number (the array holds the offset to it, as an unsigned number)
        self.head: list[int] = (table[:, 5].astype(numpy.int64) + numpy.arange(len(doc))).tolist()
        self.ent_type: list[str] = [names[k] for k in ent_type]
        self.idx: list[int] = idx
        self.is_space: list[bool] = [k == 1 for k in is_space]


def words(doc) -> Words:
    """The :class:`Words` of a document, built once per document."""
    return per_doc(doc, "words", lambda: Words(doc))


def doc_ents(doc) -> tuple:
    """``doc.ents``, built once per document (spaCy builds every entity span
    again on each access, and ``Span.ents`` goes through all of them)."""
    return per_doc(doc, "ents", lambda: tuple(doc.ents))


def ents_in(span) -> list:
    """The entities inside ``span``, as ``span.ents`` gives them, by bisection."""
    import bisect

    doc = span.doc
    ents = doc_ents(doc)
    starts = per_doc(doc, "ent_starts", lambda: [e.start for e in ents])
    out = []
    for i in range(bisect.bisect_left(starts, span.start), len(ents)):
        ent = ents[i]
        if ent.start >= span.end:
            break
        if ent.end <= span.end:
            out.append(ent)
    return out


def trimmed(span) -> tuple[str, int, int]:
    """A span's text without the spaces and line breaks spaCy keeps at a sentence's
    edges, and the character offsets of exactly that text (evidence quotes it)."""
    text = span.text
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    start = span.start_char + lead
    return body, start, start + len(body)


def covered(spans: list[tuple[int, int]]):
    """A test of whether any of ``spans`` (start, end) holds an offset, by bisection over
    the spans merged: a lookup per offset, not a pass over every span per offset."""
    import bisect

    merged: list[list[int]] = []
    for start, end in sorted(x for x in spans if x[0] < x[1]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    starts = [m[0] for m in merged]

    def test(offset: int) -> bool:
        k = bisect.bisect_right(starts, offset) - 1
        return k >= 0 and offset < merged[k][1]

    return test
