"""nlp: one spaCy pipeline per process, with eventwire's rulers before ``ner``.

The stock ``en_core_web_sm`` tags Balochistan as ORG and Mushqaf as PERSON; the
rulers registered in :mod:`eventwire.nlp.components` put the actor dictionary
(label ``ACTOR``) and the gazetteer's names (``GPE``/``LOC``) in first, and
``ner`` keeps what they set.
"""
from __future__ import annotations

from ._pipeline import DEFAULT_MODEL, add_components, build_nlp, get_nlp
from ._stages import attach

__all__ = ["DEFAULT_MODEL", "add_components", "attach", "build_nlp", "doc_text", "get_nlp"]


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
