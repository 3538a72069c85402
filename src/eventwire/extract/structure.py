"""The layout of a news article: title, dateline, lede, body, quotes, captions,
links to other stories, embedded posts and page chrome, as spans of the text.

:func:`read_structure` reads a document once; extract keeps the result as
``DocFindings.structure`` (:class:`~eventwire.records.ArticleStructure`) so that
later stages can ask where a span lies (``structure.kind_at``), where the
dateline places the story (``structure.dateline_place``: text and span) and
when (``structure.dateline_date``: resolved against ``Document.published``).

Paragraphs are cut at blank lines; a text without blank lines is cut at line
breaks (one paragraph a line); a text on one line at runs of three or more
spaces after a sentence end (wire feeds). Page chrome, captions, links to other
stories and embedded posts are recognised by the patterns in
``data/article_parts.csv``. The headline is ``Document.title`` where the text
repeats it, else a short first line with no closing punctuation. A dateline is
the place (in capitals: "HENRY COUNTY, Ind."; in any case when a date or an
outlet follows: "Quetta, March 11 (Reuters)") that opens one of the first
paragraphs, ended by a dash or colon.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from .._literals import AnyOf
from ..records import ArticleStructure, Dateline, Document, TextSpan
from ._cue_tables import read_table
from .dates import resolve

__all__ = ["dateline_end", "paragraphs", "read_structure"]

_BLANK = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE = re.compile(r"\n")
_WIDE = re.compile(r"(?<=[.!?\"”'])[ \t]{3,}")
_PIECE = re.compile(r"(?<=[.!?…])[\"”']?\s+")

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_CAPS_WORD = r"[A-Z][A-Z.'’\-]*[A-Z.]"
_WORD = r"[A-Za-z][A-Za-z.'’\-]*"
_DATELINE = re.compile(
    rf"(?P<place>(?P<city>{_WORD}(?:[ ]{_WORD}){{0,4}})(?P<joint>(?:/{_WORD}(?:[ ]{_WORD}){{0,3}})+)?"
    rf"(?:,[ ]*(?!{_MONTH}[ ]+\d)(?!\d){_WORD}(?:[ ]{_WORD}){{0,3}})?)"
    rf"(?:,?[ ]*(?P<date>\d{{1,2}}[ ]+{_MONTH}(?:[ ]+\d{{2,4}})?|{_MONTH}[ ]+\d{{1,2}}(?:,?[ ]*\d{{4}})?))?"
    rf"(?:[ ]*\((?P<outlet>[A-Za-z][\w .&'’/-]{{0,30}})\))?"
    # the dash, or nothing after an agency's name in brackets ("IMPHAL, May 12 (PTI) Two ..."); a
    # station's web page may set its dash against the first word ("LAWTON, OK (KSWO) -The search")
    rf"(?:[ ]*(?P<dash>--|—|–|-|:)(?:(?=\s|$)|(?:(?<=\)[ ]-)|(?<=\)-))(?=(?-i:[A-Z][a-z])))|"
    rf"(?<=\))(?=[ ]+(?-i:[A-Z0-9\"“‘])))", re.I)
# Capitalised labels that open a page or a paragraph without being a place.
_NOT_PLACES = {"update", "updated", "breaking", "breaking news", "watch", "video", "photos", "photo",
               "exclusive", "note", "editor's note", "editor’s note", "analysis", "opinion", "comment",
               "live", "live updates", "for live updates", "warning", "correction", "clarification",
               "advertisement", "related", "read more", "read also", "more", "listen", "close", "by",
               "police", "officials", "update 1", "update 2", "urgent", "flash", "bulletin"}
_HEADLINE_END = re.compile(r"[.!?:;,\"”'…]$")


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[tuple[str, str], AnyOf]:
    """(kind, scope) -> the patterns of ``data/article_parts.csv``; each is tried only on
    text that holds its words (most pieces of a page hold none)."""
    out: dict[tuple[str, str], list[str]] = {}
    for row in read_table("article_parts.csv"):
        re.compile(row["pattern"])  # a bad row is named by its own error
        out.setdefault((row["kind"], row["scope"]), []).append(row["pattern"])
    return {k: AnyOf(v, re.I) for k, v in out.items()}


def _span(text: str, kind: str, start: int, end: int) -> TextSpan | None:
    """The span with surrounding whitespace trimmed (None when nothing is left)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return TextSpan(kind, start, end, text[start:end]) if end > start else None


def _cuts(text: str) -> re.Pattern:
    if _BLANK.search(text):
        return _BLANK
    if "\n" in text.strip():
        return _LINE
    return _WIDE


def paragraphs(text: str) -> list[TextSpan]:
    """The paragraphs of a text as ``body`` spans, in order."""
    out, at = [], 0
    for m in _cuts(text).finditer(text):
        if (p := _span(text, "body", at, m.start())) is not None:
            out.append(p)
        at = m.end()
    if (p := _span(text, "body", at, len(text))) is not None:
        out.append(p)
    return out


def _pieces(text: str, para: TextSpan) -> list[TextSpan]:
    out, at = [], para.start
    for m in _PIECE.finditer(text, para.start, para.end):
        if (p := _span(text, "piece", at, m.start())) is not None:
            out.append(p)
        at = m.end()
    if (p := _span(text, "piece", at, para.end)) is not None:
        out.append(p)
    return out


def _matches(kind: str, scope: str, words: str) -> bool:
    patterns = _patterns().get((kind, scope))
    return patterns is not None and patterns.matches(words)


def _chrome_pieces(text: str, para: TextSpan) -> list[TextSpan]:
    return [TextSpan("chrome", p.start, p.end, p.text) for p in _pieces(text, para)
            if _matches("chrome", "piece", p.text)]


def _paragraph_kind(para: TextSpan) -> str | None:
    for kind in ("embed", "related", "caption"):
        if _matches(kind, "paragraph", para.text):
            return kind
    return None


def _norm(words: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", words.casefold()).split())


def headline_like(para: TextSpan, following: int) -> bool:
    """A short first line with no closing punctuation, followed by more text."""
    words = para.text.split()
    return (following > 0 and "\n" not in para.text and 3 <= len(words) <= 25 and len(para.text) <= 200
            and not _HEADLINE_END.search(para.text))


def _dateline(text: str, para: TextSpan, published: dt.date | None) -> Dateline | None:
    m = _DATELINE.match(text, para.start, para.end)
    if m is None:
        return None
    place, date_words, outlet = m["place"], m["date"], m["outlet"]
    city_words = _norm(m["city"])
    if city_words in _NOT_PLACES or not city_words or any(ch.isdigit() for ch in place):
        return None
    caps = re.fullmatch(rf"{_CAPS_WORD}(?:[ ]{_CAPS_WORD})*", m["city"]) is not None
    if not caps and not (date_words or outlet):
        return None  # "Police said - ..." opens a sentence; a dateline in lower case needs a date or an outlet
    if caps and len(m["city"]) < 3:
        return None
    if m["dash"] == ":" and not caps:
        return None
    if m["dash"] is None and not date_words:
        return None  # "KOTV (CBS/AP) TULSA, Okla. -": without a dash, an agency's dateline states its day
    if text[m.end():para.end].strip() and text[m.end():para.end].strip()[0].islower() and not text.islower():
        return None  # a dateline is followed by a new sentence
    when = None
    if date_words:
        resolved = resolve(_full_year(date_words, published), published)
        when = resolved[0] if resolved else None
    if m["joint"]:  # "ISLAMABAD/KABUL, Oct 26 (Reuters) -": a story filed from two bureaus; the first places it
        place = m["city"]
    return Dateline(
        span=TextSpan("dateline", m.start(), m.end(), text[m.start():m.end()]),
        place=TextSpan("dateline_place", m.start("place"), m.start("place") + len(place), place),
        date=TextSpan("dateline_date", m.start("date"), m.end("date"), date_words) if date_words else None,
        when=when, outlet=outlet.strip() if outlet else None)


def dateline_end(text: str, para: TextSpan) -> int | None:
    """Where the dateline that opens a paragraph ends (None if it has none)."""
    found = _dateline(text, para, None)
    return found.span.end if found is not None else None


def _full_year(words: str, published: dt.date | None) -> str:
    """ "3 JAN 90" -> "3 JAN 1990": wire datelines give the year in two digits."""
    m = re.fullmatch(rf"\d{{1,2}}[ ]+{_MONTH}[ ]+(\d{{2}})", words, re.I)
    if m is None:
        return words
    yy, now = int(m[1]), (published or dt.date.today()).year
    century = now // 100 * 100 if yy <= now % 100 + 1 else now // 100 * 100 - 100
    return words[:m.start(1)] + str(century + yy)


_QUOTE = re.compile(r"“[^“”]{12,}?”|\"[^\"\n]{12,}?\"")


def _quotes(text: str, paras: list[TextSpan]) -> list[TextSpan]:
    return [TextSpan("quote", m.start(), m.end(), m.group()) for p in paras
            for m in _QUOTE.finditer(text, p.start, p.end)]


def _title(document: Document, text: str, paras: list[TextSpan], first: int) -> tuple[TextSpan | None, int]:
    """(title span, index of the first paragraph after it)."""
    if first >= len(paras):
        return (TextSpan("title", -1, -1, document.title) if document.title else None), first
    para = paras[first]
    if document.title and _norm(para.text) == _norm(document.title):
        return TextSpan("title", para.start, para.end, para.text), first + 1
    if document.title:
        return TextSpan("title", -1, -1, document.title), first
    if headline_like(para, len(paras) - first - 1) and _dateline(text, para, None) is None:
        return TextSpan("title", para.start, para.end, para.text), first + 1
    return None, first


def read_structure(document: Document) -> ArticleStructure:
    """The article's parts as spans of ``document.text``."""
    text = document.text
    paras = paragraphs(text)
    chrome: list[TextSpan] = []
    kinds: dict[str, list[TextSpan]] = {"caption": [], "related": [], "embed": []}
    content: list[TextSpan] = []
    for para in paras:
        kind = _paragraph_kind(para)
        if kind is not None:
            kinds[kind].append(TextSpan(kind, para.start, para.end, para.text))
            continue
        junk = _chrome_pieces(text, para)
        chrome.extend(junk)
        if sum(j.end - j.start for j in junk) * 10 < (para.end - para.start) * 9:
            content.append(para)
    title, first = _title(document, text, content, 0)
    if title is not None and title.start >= 0:
        # a page that prints its headline twice
        content = [p for p in content if p.start == title.start or _norm(p.text) != _norm(title.text)]
        chrome.extend(TextSpan("chrome", p.start, p.end, p.text) for p in paras
                      if p.start > title.start and _norm(p.text) == _norm(title.text))
    dateline, lede, body = None, None, content[first:]
    for i, para in enumerate(body[:3]):
        dateline = _dateline(text, para, document.published)
        if dateline is not None:
            rest = _span(text, "lede", dateline.span.end, para.end)
            lede = rest
            after = body[i + 1:]
            if lede is None and after:
                lede = TextSpan("lede", after[0].start, after[0].end, after[0].text)
            body = ([lede] if lede is not None and lede.start < para.end else []) + after
            break
    if lede is None and body:
        lede = TextSpan("lede", body[0].start, body[0].end, body[0].text)
    paragraphs_out = tuple(lede if lede is not None and p.start == lede.start else p for p in body)
    return ArticleStructure(
        title=title, dateline=dateline, lede=lede, paragraphs=paragraphs_out,
        quotes=tuple(_quotes(text, list(paragraphs_out))), captions=tuple(kinds["caption"]),
        related=tuple(kinds["related"]), embeds=tuple(kinds["embed"]),
        chrome=tuple(sorted(chrome, key=lambda s: s.start)))
