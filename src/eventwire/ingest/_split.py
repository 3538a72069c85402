"""Splitting text longer than the document limit into paragraph-bounded parts.

Parts are cut after a blank line when one falls in the second half of the
window, else after a line break, a sentence end or a space, and only as a last
resort in the middle of a word. Joined, the parts give back the input exactly.
"""
from __future__ import annotations

from typing import Iterable, Iterator

_BOUNDARIES = ("\n\n", "\n", ". ", "! ", "? ", " ")


def cut_point(text: str, limit: int) -> int:
    """Where to end a part of ``text`` that may hold at most ``limit`` characters."""
    if len(text) <= limit:
        return len(text)
    floor = limit // 2  # never cut so early that parts become tiny
    for mark in _BOUNDARIES:
        at = text.rfind(mark, floor, limit)
        if at >= 0:
            return at + len(mark)
    return limit


def iter_parts(chunks: Iterable[str], limit: int) -> Iterator[tuple[int, str]]:
    """``(start offset, text)`` parts of at most ``limit`` characters, in order.

    Memory stays at about ``limit`` plus one chunk, whatever the total length.
    """
    buf, start = "", 0
    for chunk in chunks:
        buf += chunk
        while len(buf) > limit:
            cut = cut_point(buf, limit)
            yield start, buf[:cut]
            start += cut
            buf = buf[cut:]
    if buf:
        yield start, buf


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    return list(iter_parts([text], limit))
