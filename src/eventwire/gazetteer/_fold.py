"""One comparison form for place names, shared by the index, aliases and queries."""
from __future__ import annotations

import functools
import re
import unicodedata

from unidecode import unidecode

_PUNCT = re.compile(r"[^\w\s]|_")
_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """ASCII, lower case, punctuation as spaces: 'Sant Julià' and 'sant-julia' meet."""
    if name.isascii():  # most names: skip the costly transliteration (same result)
        s = name.replace("'", "")
    else:
        s = unicodedata.normalize("NFKD", name)
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
        s = unidecode(s).replace("'", "").replace("\u2019", "")
    return _SPACE.sub(" ", _PUNCT.sub(" ", s)).strip().lower()
