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


def _deep_tree(html: str):
    """The page parsed without libxml2's nesting limit, or None.

    libxml2 stops building the tree at 256 levels of nesting unless told the
    document is huge, and the page then looks empty although it has text.
    """
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        return lxml.html.fromstring(html, parser=parser)
    except ValueError:  # a str with an XML encoding declaration
        return lxml.html.fromstring(html.encode("utf-8"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError):
        return None


# elements whose text a reader never sees
_HIDDEN_TAGS = ("script", "style", "noscript", "template")


def _visible_text(html: str) -> str:
    """Every visible string of the page, for pages trafilatura finds no article in."""
    from lxml import etree

    try:
        tree = _deep_tree(html)
    except (etree.ParserError, ValueError):
        return ""
    if tree is None:
        return ""
    for bad in tree.xpath("|".join(f"//{tag}" for tag in _HIDDEN_TAGS)):
        bad.drop_tree()
    return _joined_lines(tree.itertext())


def _joined_lines(texts) -> str:
    """Each text with its whitespace folded, the empty ones dropped, one per line."""
    lines = (" ".join(t.split()) for t in texts)
    return "\n".join(line for line in lines if line)


_HIDDEN = re.compile(rf"<({'|'.join(_HIDDEN_TAGS)})\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")


def _stripped_text(html: str) -> str:
    """The text of a page libxml2 builds no tree for (nested past its 2,048-level limit even
    as a huge document): hidden blocks, comments and tags removed, entities decoded."""
    import html as entities

    return _joined_lines(entities.unescape(_TAG.sub(" ", _HIDDEN.sub(" ", html))).splitlines())


def _trafilatura(page, url: str | None):
    import trafilatura

    try:
        return trafilatura.bare_extraction(page, url=url, with_metadata=True,
                                           date_extraction_params=_DATE_PARAMS)
    except Exception as exc:  # trafilatura and lxml raise many kinds on broken markup
        log.debug("trafilatura failed on %s: %r", url or "page", exc)
        return None


def extract_article(html: str, url: str | None = None) -> dict | None:
    """``{"text", "title", "published", "url", "outlet"}`` of a page, or None if it has no text."""
    found = _trafilatura(html, url)
    if found is None or not (found.text or "").strip():
        tree = _deep_tree(html) if "<" in html else None  # a page nested deeper than libxml2's default
        if tree is not None:
            found = _trafilatura(tree, url) or found
    text = (found.text or "").strip() if found is not None else ""
    if not text:
        text = _visible_text(html).strip() or _stripped_text(html).strip()
    if not text:
        return None
    return {
        "text": text,
        "title": getattr(found, "title", None),
        "published": getattr(found, "date", None),
        "url": getattr(found, "url", None) or url,
        "outlet": getattr(found, "sitename", None),
    }
