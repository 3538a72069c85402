"""Building a Document from raw fields, with the checks every reader shares."""
from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import logging
import re
from dataclasses import dataclass
from itertools import chain
from typing import Iterator

from ..errors import InputError
from ..records import Document
from ._split import iter_parts

log = logging.getLogger("eventwire.ingest")

# Languages tried for written-out dates. Trying all of dateparser's 200 takes
# seconds per string that is not a date; these cover most news outlets' dates.
_DATE_LANGUAGES = ["en", "fr", "es", "pt", "de", "ar", "ru"]

# Lone surrogates (from JSON "\ud800" escapes) cannot be written as UTF-8 later on.
_UNWRITABLE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Skip:
    """A document that was not read, and why (logged and reported, never silent)."""

    source: str
    reason: str


def skip(source: str, reason: str) -> Skip:
    """A :class:`Skip`, logged at INFO: the caller reports and counts skips."""
    log.info("skipped %s: %s", source, reason)
    return Skip(source, reason)


def _dateparser_date(text: str) -> dt.date | None:
    """A date only if it does not depend on today: "yesterday" or "2025" alone are not dates."""
    import dateparser

    answers = set()
    for base in (dt.datetime(2001, 1, 15), dt.datetime(2011, 7, 20)):
        settings = {"PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": base}
        parsed = dateparser.parse(text, languages=_DATE_LANGUAGES, settings=settings)
        answers.add(parsed.date() if parsed else None)
    return answers.pop() if len(answers) == 1 else None


def parse_published(value) -> dt.date | None:
    """A publication date from a date, datetime or string; ``None`` if empty.

    Accepts ISO dates and timestamps, RFC 822 dates (feeds, e-mail) and written
    dates ("11 March 2025"). Raises InputError on anything else, including
    relative phrases whose meaning depends on the day of reading.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    parsed = _dateparser_date(text) if any(c.isdigit() for c in text) else None
    if parsed is None:
        raise InputError(f"not a date: {text!r} (use YYYY-MM-DD)")
    return parsed


def record_published(value, source: str, default: dt.date | None) -> dt.date | None:
    """A record's own date, else the default; a bad date is warned about and dropped.

    A record whose date cannot be read keeps ``published=None`` rather than the
    batch default: the default is for documents that carry no date, and putting
    it on one whose date is merely garbled could anchor its relative dates
    ("on Tuesday") to the wrong week.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    try:
        return parse_published(value)
    except InputError as exc:
        log.warning("%s: %s; document kept without a publication date", source, exc)
        return None


def clean_text(text: str) -> str:
    """Text every later stage can rely on: no NULs, no unwritable surrogates."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    if _UNWRITABLE.search(text):
        text = _UNWRITABLE.sub("\ufffd", text)
    return text


def content_id(text: str) -> str:
    return "sha1-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def make_document(text: str, *, doc_id: str | None = None, published=None, url=None, title=None,
                  outlet=None, language: str = "en", source: str | None = None) -> Document:
    if not isinstance(text, str):
        raise InputError(f"{source or doc_id or 'document'}: text must be a string")
    text = clean_text(text)
    return Document(
        id=doc_id or content_id(text),
        text=text,
        published=parse_published(published),
        url=clean_text(url) if url else None,
        title=clean_text(title) if title else None,
        outlet=clean_text(outlet) if outlet else None,
        language=language,
        source=source,
    )


def _has_words(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def part_documents(text_or_chunks, *, doc_id: str, source: str, limit: int,
                   **fields) -> Iterator[Document | Skip]:
    """One Document, or ``<doc_id>#part-N`` parts when the text is over ``limit`` characters.

    Each part's ``source`` ends in ``#char=START,END`` (RFC 5147) so that its
    offsets can be traced back to the whole text.
    """
    chunks = [text_or_chunks] if isinstance(text_or_chunks, str) else text_or_chunks
    parts = iter_parts((clean_text(c) for c in chunks), limit)
    first, second = next(parts, None), next(parts, None)
    if second is None:
        if first is None or not first[1].strip():
            yield skip(source, "empty")
        elif not _has_words(first[1]):
            yield skip(source, "no words in the text")
        else:
            yield make_document(first[1], doc_id=doc_id, source=source, **fields)
        return
    log.info("%s: longer than %d characters, split into parts", source, limit)
    for n, (start, text) in enumerate(chain([first, second], parts), 1):
        where = f"{source}#char={start},{start + len(text)}"
        if not _has_words(text):
            yield skip(where, "no words in this part")
            continue
        yield make_document(text, doc_id=f"{doc_id}#part-{n}", source=where, **fields)
