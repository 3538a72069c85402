"""Text written in one case, and the English words that make case-free matching unsafe.

Wire feeds and transcripts come in lower case ("fmln", "shining path") or in
capitals. A name matched without case must not be an ordinary word: the
English words are the lemmatizer's own index (WordNet lemmas shipped with the
spaCy English model) plus spaCy's stop words.
"""
from __future__ import annotations

import unicodedata

from spacy.lang.en.stop_words import STOP_WORDS

__all__ = ["english_words", "monocase", "unaccented"]

# Share of cased words that may break the pattern and still leave a text "in one case".
_MIXED_SHARE = 0.03


def monocase(doc) -> bool:
    """All (or nearly all) the text is in lower case, or in capitals."""
    cached = doc.user_data.get("eventwire.monocase")
    if cached is not None:
        return cached
    words = [t.text for t in doc if t.is_alpha and len(t.text) > 1]
    if len(words) < 8:
        result = False
    else:
        lower = sum(w.islower() for w in words)
        upper = sum(w.isupper() for w in words)
        result = max(lower, upper) >= (1 - _MIXED_SHARE) * len(words)
    doc.user_data["eventwire.monocase"] = result
    return result


def english_words(nlp) -> frozenset[str]:
    """Lower-case English words known to the pipeline's lemmatizer, and stop words."""
    words = set(STOP_WORDS)
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index"):
            for entries in lookups.get_table("lemma_index").values():
                words.update(entries)
            if lookups.has_table("lemma_exc"):
                for table in lookups.get_table("lemma_exc").values():
                    words.update(table)
    return frozenset(words)


def unaccented(text: str) -> str:
    """The text with accents removed ("Martí" -> "Marti")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
