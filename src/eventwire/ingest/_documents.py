"""Building a Document from raw fields, with the checks every reader shares."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from ..errors import InputError
from ..records import Document


@dataclass(frozen=True, slots=True)
class Skip:
    """A document that was not read, and why (logged and reported, never silent)."""

    source: str
    reason: str


def parse_published(value) -> dt.date | None:
    """A publication date from a date, datetime or string; ``None`` if empty.

    Raises InputError on a string that is not a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(text, settings={"STRICT_PARSING": False, "PREFER_DAY_OF_MONTH": "first"})
    if parsed is None:
        raise InputError(f"not a date: {text!r} (use YYYY-MM-DD)")
    return parsed.date()


def content_id(text: str) -> str:
    return "sha1-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def make_document(text: str, *, doc_id: str | None = None, published=None, url=None, title=None,
                  outlet=None, language: str = "en", source: str | None = None) -> Document:
    if not isinstance(text, str):
        raise InputError(f"{source or doc_id or 'document'}: text must be a string")
    return Document(
        id=doc_id or content_id(text),
        text=text,
        published=parse_published(published),
        url=url or None,
        title=title or None,
        outlet=outlet or None,
        language=language,
        source=source,
    )
