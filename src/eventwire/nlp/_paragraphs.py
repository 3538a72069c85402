"""The ``eventwire_paragraphs`` factory: a sentence starts at every paragraph and after a dateline.

A dateline is one sentence of its own: no token inside it may start one. Left
to the parser, "SRINAGAR, May 5 - Two Indian soldiers were killed" falls into
"SRINAGAR" / "," / "May 5 -" / "Two" / "Indian soldiers were killed", and the
count loses its number.

Placed before the parser, which keeps boundaries set before it. Without it a
headline with no full stop runs on into the dateline and the lede ("Bomb kills
11 in Quetta QUETTA, March 11 (Reuters) - A suicide bomber..."), and the
parse of the lede's first clause goes wrong: the attacker is then not found as
its subject. Paragraphs and datelines are read as in
:mod:`eventwire.extract.structure`.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc


def _breaks(text: str) -> tuple[list[int], tuple[int, int] | None]:
    """Character offsets where a sentence must start, and the dateline's span (or None)."""
    from ..extract.structure import dateline_end, headline_like, paragraphs

    paras = paragraphs(text)
    starts = [p.start for p in paras[1:]]
    if paras and headline_like(paras[0], len(paras) - 1) and dateline_end(text, paras[0]) is None:
        # "Drones hit fuel depot in Port Sudan; army strike on Nyala market kills 11": a headline's
        # semicolon joins two stories, each a sentence of its own
        starts += [paras[0].start + m.end() for m in _HEADLINE_JOIN.finditer(paras[0].text)]
    dateline = None
    for para in paras[:4]:
        end = dateline_end(text, para)
        if end is not None:
            starts.append(end)
            dateline = (para.start, end)
            break
    return sorted(starts), dateline


_HEADLINE_JOIN = re.compile(r";\s+")


# What may close a sentence: the parser's other breaks (after a number word, inside
# a name list) cut a clause from its subject.
_ENDS = frozenset(".!?…:;\"”’')]»")


# Titles written before a name with a full stop that the tokenizer leaves apart ("Rev. Fr.
# Emmanuel Okpe", "Supt. John Ade", "Lt. Col. Ramon Dizon"): the stop ends no sentence.
_TITLES = frozenset({"fr", "rev", "lt", "col", "gen", "capt", "maj", "sgt", "cpl", "pvt", "brig", "cmdr",
                     "supt", "insp", "dr", "prof", "gov", "sen", "rep", "mr", "mrs", "ms", "hon", "msgr"})


def _may_follow(prev) -> bool:
    """Whether a sentence may start after token ``prev``."""
    if prev.text == "." and prev.i > 0 and prev.doc[prev.i - 1].lower_ in _TITLES \
            and not prev.doc[prev.i - 1].whitespace_:
        return False  # "Rev. Fr. Emmanuel Okpe": a title's stop
    return prev.is_space or prev.text[-1:] in _ENDS  # a line break is a space token of its own


class ParagraphBreaks:
    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < 2:
            return doc
        starts, dateline = _breaks(doc.text)
        # the boundaries go in as one array: setting ``Token.is_sent_start`` one token at a
        # time makes spaCy look through the whole document for a parse each time
        flags = doc.to_array("SENT_START").astype("int64")
        k = 0
        prev = doc[0]
        for tok in doc[1:]:
            while k < len(starts) and starts[k] <= prev.idx:
                k += 1
            if k < len(starts) and not tok.is_space and tok.idx >= starts[k]:
                flags[tok.i] = 1
            elif (dateline is not None and dateline[0] < tok.idx < dateline[1]) or not _may_follow(prev):
                flags[tok.i] = -1
            prev = tok
        doc.from_array(["SENT_START"], flags.astype("uint64"))
        return doc


@Language.factory("eventwire_paragraphs", assigns=["token.is_sent_start"])
def make_paragraph_breaks(nlp: Language, name: str):
    return ParagraphBreaks()
