"""The ``eventwire_paragraphs`` factory: a sentence starts at every paragraph and after a dateline.

Placed before the parser, which keeps boundaries set before it. Without it a
headline with no full stop runs on into the dateline and the lede ("Bomb kills
11 in Quetta QUETTA, March 11 (Reuters) - A suicide bomber..."), and the
parse of the lede's first clause goes wrong: the attacker is then not found as
its subject. Paragraphs and datelines are read as in
:mod:`eventwire.extract.structure`.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def _starts(text: str) -> list[int]:
    from ..extract.structure import dateline_end, paragraphs

    paras = paragraphs(text)
    starts = [p.start for p in paras[1:]]
    for para in paras[:4]:
        end = dateline_end(text, para)
        if end is not None:
            starts.append(end)
            break
    return sorted(starts)


class ParagraphBreaks:
    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < 2:
            return doc
        starts = _starts(doc.text)
        if not starts:
            return doc
        k = 0
        for tok in doc[1:]:
            prev = doc[tok.i - 1].idx
            while k < len(starts) and starts[k] <= prev:
                k += 1
            if k < len(starts) and not tok.is_space and tok.idx >= starts[k]:
                tok.is_sent_start = True
        return doc


@Language.factory("eventwire_paragraphs", assigns=["token.is_sent_start"])
def make_paragraph_breaks(nlp: Language, name: str):
    return ParagraphBreaks()
