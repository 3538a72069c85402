"""HTML pages → article text with title, date, URL and outlet, via trafilatura.

trafilatura removes navigation, footers and comments. Where it finds no main
text (a broken or very short page), all of the page's visible text is taken
instead; a page with no visible text at all is skipped.
"""
from __future__ import annotations

import logging
import re

log = logging.getLogger("eventwire.ingest")

# trafilatura logs an ERROR for every broken page, without the file name; the
# Skip or fallback here reports the page instead. A level the user set is kept.
if logging.getLogger("trafilatura").level == logging.NOTSET:
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

# Only the page's own metadata and markup: htmldate's extensive search would take
# any date written in the article (often the date of the event) as the page's.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}

_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b",
    re.I | re.S)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:4096]))


def _visible_text(html: str) -> str:
    """Every visible string of the page, for pages trafilatura finds no article in."""
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    lines = (" ".join(t.split()) for t in tree.itertext())
    return "\n".join(line for line in lines if line)


def extract_article(html: str, url: str | None = None) -> dict | None:
    """``{"text", "title", "published", "url", "outlet"}`` of a page, or None if it has no text."""
    import trafilatura

    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                            date_extraction_params=_DATE_PARAMS)
    except Exception as exc:  # trafilatura and lxml raise many kinds on broken markup
        log.debug("trafilatura failed on %s: %r", url or "page", exc)
        found = None
    text = (found.text or "").strip() if found is not None else ""
    if not text:
        text = _visible_text(html).strip()
    if not text:
        return None
    return {
        "text": text,
        "title": getattr(found, "title", None),
        "published": getattr(found, "date", None),
        "url": getattr(found, "url", None) or url,
        "outlet": getattr(found, "sitename", None),
    }
