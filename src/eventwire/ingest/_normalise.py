"""Text normalisation before parsing, with a map back to the original offsets.

Plain text and JSON carry characters that look like nothing but split a word
for the tokenizer and the gazetteer: a zero-width space or a soft hyphen
inside "killed", a right-to-left mark inside "India". They are removed; the
spaces of other widths (no-break, thin, ideographic) become plain spaces and
the line and paragraph separators line breaks; the text is composed (Unicode
NFC), so "é" written as "e" + combining accent is one letter.

The stored document keeps its original text, so every offset the pipeline
gives is mapped back through :class:`OffsetMap`: evidence still slices the
original text exactly.
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from array import array

# Removed: zero-width space, non-joiner and joiner, word joiner, byte-order mark
# used as a zero-width no-break space, soft hyphen, Mongolian vowel separator,
# the bidirectional marks, embeddings, overrides and isolates, Arabic letter mark.
_REMOVED = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c"
# Folded to one plain space: no-break, en/em and the other fixed-width spaces,
# narrow no-break, medium mathematical, ideographic and Ogham space.
_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_LINES = "\u2028\u2029\u0085"

_SPECIAL = re.compile(f"[{_REMOVED}{_SPACES}{_LINES}]")
_FOLD = str.maketrans({**{c: " " for c in "\u00a0\u1680\u202f\u205f\u3000"},
                       **{chr(c): " " for c in range(0x2000, 0x200B)},
                       **{c: "\n" for c in _LINES}})


def _is_removed(ch: str) -> bool:
    return bool(re.fullmatch(f"[{_REMOVED}]", ch))


def needs_normalising(text: str) -> bool:
    return bool(_SPECIAL.search(text)) or not unicodedata.is_normalized("NFC", text)


def normalised_text(text: str) -> str:
    """``text`` normalised (without the offset map: for matching, not for evidence)."""
    if not needs_normalising(text):
        return text
    return unicodedata.normalize("NFC", re.sub(f"[{_REMOVED}]", "", text).translate(_FOLD))


def _clusters(text: str):
    """``(start, end)`` of each starter with the combining characters after it.

    NFC composes only within such a cluster (conjoining Hangul vowels and
    finals count as combining here), so each cluster is normalised alone.
    """
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text):
            yield start, i
            return
        ch = text[i]
        if unicodedata.combining(ch) or "\u1160" <= ch <= "\u11ff":
            continue
        yield start, i
        start = i


@dataclasses.dataclass(frozen=True, slots=True)
class OffsetMap:
    """Where each character of the normalised text came from in the original."""

    starts: array  # original offset of each normalised character
    ends: array  # original offset just after it
    length: int  # of the original text

    def start(self, offset: int) -> int:
        if offset >= len(self.starts):
            return self.length
        return self.starts[max(0, offset)]

    def end(self, offset: int) -> int:
        if offset <= 0:
            return self.starts[0] if len(self.starts) else 0
        return self.ends[min(offset, len(self.ends)) - 1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised ``[start, end)``."""
        if end <= start:
            at = self.start(start)
            return at, at
        return self.start(start), self.end(end)


# Share of cased words that may be in lower case in a text still written in capitals
# (a stray "pm", "km"); the same allowance as the one-case test of the parse.
_CAPS_SHARE = 0.97
_MIN_WORDS = 8
_WORDS = re.compile(r"[^\W\d_]{2,}")


def in_capitals(text: str) -> bool:
    """Written in capitals throughout (telex and some wire feeds): a tagger trained on
    mixed case reads every word as a name, so nothing would match the lexicons."""
    words = _WORDS.findall(text)
    if len(words) < _MIN_WORDS:
        return False
    return sum(w.isupper() for w in words) >= _CAPS_SHARE * len(words)


def _identity(length: int) -> OffsetMap:
    return OffsetMap(array("l", range(length)), array("l", range(1, length + 1)), length)


def _lowered(text: str) -> str:
    """Lower case, letter for letter (a letter whose lower case is longer stays as it is)."""
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


def normalise(text: str) -> tuple[str, OffsetMap | None]:
    """The normalised text and its map back, or ``(text, None)`` when nothing changes.

    Text in capitals is parsed in lower case (the form the wire-text rules know);
    evidence is still sliced from the original, capitals and all.
    """
    out, offsets = _normalised(text)
    if in_capitals(out):
        return _lowered(out), offsets or _identity(len(out))
    return out, offsets


def _normalised(text: str) -> tuple[str, OffsetMap | None]:
    if not needs_normalising(text):
        return text, None
    out: list[str] = []
    starts, ends = array("l"), array("l")
    for a, b in _clusters(text):
        chunk = text[a:b]
        if _SPECIAL.search(chunk):
            chunk = "".join(c for c in chunk if not _is_removed(c)).translate(_FOLD)
        if not chunk:
            continue
        if len(chunk) > 1 or not chunk.isascii():
            chunk = unicodedata.normalize("NFC", chunk)
        out.append(chunk)
        starts.extend([a] * len(chunk))
        ends.extend([b] * len(chunk))
    return "".join(out), OffsetMap(starts, ends, len(text))


# -- mapping pipeline output back to the original text -----------------------

def restore(value, offsets: OffsetMap, original: str, normalised: str):
    """``value`` (an Event, or any record, tuple or list of them) with every
    ``start``/``end`` mapped to the original text, and every ``text`` or
    ``sentence`` that was a slice of the normalised text taken from the original."""
    if isinstance(value, (list, tuple)):
        mapped = [restore(v, offsets, original, normalised) for v in value]
        return mapped if isinstance(value, list) else tuple(mapped)
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes = {}
    for f in dataclasses.fields(value):
        current = getattr(value, f.name)
        if dataclasses.is_dataclass(current) or isinstance(current, (list, tuple)):
            new = restore(current, offsets, original, normalised)
            if new is not current:
                changes[f.name] = new
    changes.update(_spans(value, offsets, original, normalised))
    return dataclasses.replace(value, **changes) if changes else value


def _spans(value, offsets: OffsetMap, original: str, normalised: str) -> dict:
    out = {}
    for s_name, e_name, text_name in (("start", "end", "text"), ("sent_start", "sent_end", "sentence")):
        start, end = getattr(value, s_name, None), getattr(value, e_name, None)
        if not isinstance(start, int) or not isinstance(end, int) or start < 0 or end < start:
            continue
        a, b = offsets.span(start, end)
        out[s_name], out[e_name] = a, b
        text = getattr(value, text_name, None)
        if isinstance(text, str) and normalised[start:end] == text:
            out[text_name] = original[a:b]
    sentence = getattr(value, "sentence", None)
    if "sentence" not in out and isinstance(sentence, str) and isinstance(getattr(value, "start", None), int):
        restored = _sentence(sentence, value.start, offsets, original, normalised)
        if restored is not None:
            out["sentence"] = restored
    return out


def _sentence(sentence: str, near: int, offsets: OffsetMap, original: str, normalised: str) -> str | None:
    """The original text of a normalised sentence that holds offset ``near``."""
    if not sentence or near < 0:
        return None
    lo = max(0, near - len(sentence))
    at = normalised.find(sentence, lo, near + len(sentence) + 1)
    if at < 0:
        return None
    a, b = offsets.span(at, at + len(sentence))
    return original[a:b]
