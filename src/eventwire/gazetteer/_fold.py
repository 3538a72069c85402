"""One comparison form for place names, shared by the index, aliases and queries."""
from __future__ import annotations

import functools
import re
import unicodedata

from unidecode import unidecode

_PUNCT = re.compile(r"[^\w\s]|_")
_SPACE = re.compile(r"\s+")


# Letters unidecode leaves as punctuation: Azerbaijani schwa ("Ağcabədi", "Beyləqan") is 'a'
# in English forms (Aghjabadi, Beylagan), not '@'.
_LETTERS = str.maketrans({"\u0259": "a", "\u018f": "A"})


def ascii_name(name: str) -> str:
    """A name in ASCII letters, as an English text writes it."""
    return unidecode(name.translate(_LETTERS))


@functools.lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """ASCII, lower case, punctuation as spaces: 'Sant Julià' and 'sant-julia' meet."""
    if name.isascii():  # most names: skip the costly transliteration (same result)
        s = name.replace("'", "")
    else:
        s = unicodedata.normalize("NFKD", name)
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
        s = ascii_name(s).replace("'", "").replace("\u2019", "")
    return _SPACE.sub(" ", _PUNCT.sub(" ", s)).strip().lower()


_VOWELS = re.compile(r"[aeiouyhw]")
_ARTICLE = re.compile(r"^(al|el|ad|ar|as|ash|an|az|at|ath) ")


def skeleton(key: str) -> str:
    """Consonant skeleton of a folded name: transliterations of one name meet.

    Arabic, Persian and Slavic names reach English in many spellings ("Idleb" /
    "Idlib", "Tillabery" / "Tillaberi", "Dahuk" / "Duhok", "Ma'rib" / "Marib"):
    they differ in vowels, h/w/y and doubled letters, rarely in consonants.
    The article and the first letter are kept as written.
    """
    key = _ARTICLE.sub("", key).replace(" ", "")
    if len(key) < 4:
        return ""
    body = _VOWELS.sub("", key[1:])
    out = key[0]
    for ch in body:
        if ch != out[-1]:
            out += ch
    return out if len(out) >= 3 else ""
