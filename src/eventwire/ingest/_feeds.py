"""RSS and Atom feeds (files or URLs) → :class:`Document`, one per entry.

The entry's title and its content (or summary when the feed carries no full
text) become the text, HTML stripped; the feed's title is the outlet; the
entry's id (else its link) is the document id, so a feed read twice gives the
same ids and the store skips what it has.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
import time
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..records import Document
from ._documents import Skip, make_document
from ._limits import feed_timeout_s, max_markup_bytes

log = logging.getLogger("eventwire")

FEED_SUFFIXES = (".rss", ".atom", ".rdf")
_SNIFF = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)


def is_feed(source: str | Path) -> bool:
    """A URL, a ``.rss``/``.atom``/``.rdf`` file, or an ``.xml`` file whose root is a feed."""
    text = str(source)
    if text.startswith(("http://", "https://")):
        return True
    path = Path(text)
    if path.suffix.lower() in FEED_SUFFIXES:
        return True
    if path.suffix.lower() == ".xml" and path.is_file():  # is_file: never open a pipe to sniff
        with open(path, "rb") as fh:
            return bool(_SNIFF.search(fh.read(2048)))
    return False


def html_to_text(html: str) -> str:
    if "<" not in html:
        return html.strip()
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:  # lxml raises several types on broken markup
        return re.sub(r"<[^>]+>", " ", html).strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for block in root.xpath("//p|//br|//div|//li|//h1|//h2|//h3"):
        block.tail = "\n" + (block.tail or "")
    return re.sub(r"[ \t]+", " ", re.sub(r"\n\s*\n+", "\n", root.text_content())).strip()


def _entry_date(entry) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def _entry_text(entry) -> str:
    body = ""
    if entry.get("content"):
        body = max((c.get("value", "") for c in entry.content), key=len)
    body = body or entry.get("summary", "") or entry.get("description", "")
    title = html_to_text(entry.get("title", ""))
    text = html_to_text(body)
    return f"{title}\n{text}".strip() if title and not text.startswith(title) else text


def _is_url(source: str | Path) -> bool:
    return str(source).startswith(("http://", "https://"))


def fetch(url: str) -> bytes:
    """A feed's bytes, within the time and size limits of ``_limits`` (InputError past them).

    The socket timeout bounds the connection and each read; the deadline bounds
    a server that keeps the connection alive with a trickle of bytes.
    """
    import socket
    import urllib.error
    import urllib.request

    timeout, cap = feed_timeout_s(), max_markup_bytes()
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"User-Agent": "eventwire (+feeds)"})
    data = bytearray()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            while chunk := response.read(64 * 1024):
                data += chunk
                if len(data) > cap:
                    raise InputError(f"{url}: feed over {cap:,} bytes (EVENTWIRE_MAX_MARKUP_BYTES); not read")
                if time.monotonic() > deadline:
                    raise InputError(f"{url}: feed not received within {timeout:g} s (EVENTWIRE_FEED_TIMEOUT)")
    except (socket.timeout, TimeoutError) as exc:
        raise InputError(f"{url}: no answer within {timeout:g} s (EVENTWIRE_FEED_TIMEOUT)") from exc
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise InputError(f"{url}: cannot download ({reason})") from exc
    return bytes(data)


def _parse(source: str | Path):
    import feedparser

    if _is_url(source):
        return feedparser.parse(fetch(str(source)), response_headers={"content-location": str(source)})
    path = Path(source)
    if not path.is_file():  # a named pipe or device would be waited on for ever
        raise InputError(f"{source}: not a regular file")
    with open(path, "rb") as fh:
        data = fh.read(max_markup_bytes() + 1)
    if len(data) > max_markup_bytes():
        raise InputError(f"{source}: feed over {max_markup_bytes():,} bytes (EVENTWIRE_MAX_MARKUP_BYTES)")
    return feedparser.parse(data)


def read_feed(source: str | Path, *, published=None) -> Iterator[Document | Skip]:
    """Documents from one feed; entries without text are skipped with a reason."""
    parsed = _parse(source)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None) or "no entries"
        if parsed.get("bozo") or not parsed.get("feed"):
            raise InputError(f"{source}: not a readable RSS/Atom feed ({reason})")
        return
    outlet = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{source}#{n}"
        text = _entry_text(entry)
        if not text:
            yield Skip(where, "feed entry without text")
            continue
        try:
            yield make_document(text, doc_id=entry.get("id") or entry.get("link") or None,
                                published=_entry_date(entry) or published, url=entry.get("link"),
                                title=html_to_text(entry.get("title", "")) or None, outlet=outlet,
                                source=where)
        except InputError as exc:
            yield Skip(where, str(exc))


def read_any(sources: Iterable[str | Path], *, published=None) -> Iterator[Document | Skip]:
    """Feeds through :func:`read_feed`, everything else through ``read_inputs``; an input
    that cannot be opened becomes a Skip so the batch goes on."""
    from ._readers import read_inputs

    for source in sources:
        try:
            if is_feed(source):
                yield from read_feed(source, published=published)
            else:
                yield from read_inputs([str(source)], published=published)
        except InputError as exc:
            log.warning("%s", exc)
            yield Skip(str(source), str(exc))
