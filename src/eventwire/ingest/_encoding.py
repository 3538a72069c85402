"""Telling text from binary data, and finding a text's encoding.

Order of evidence: known binary signatures, byte-order marks, the NUL pattern
of UTF-16 without a mark, strict UTF-8, an HTML page's declared charset, then
charset-normalizer's guess. Every answer is either a codec name or a reason
the bytes are not text.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# File signatures of formats people drop into news folders by mistake.
_MAGIC = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (also .docx/.xlsx/.epub)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh91AY&SY", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE file (old .doc/.xls)"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"PAR1", "Parquet file"),
    (b"{\\rtf", "RTF document"),
)

# UTF-32 marks first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Accented letters and signs of English, French, Spanish, Portuguese, Italian,
# German and Dutch text as Windows-1252 encodes them.
_WESTERN = frozenset(
    "áàâäãåçéèêëíìîïñóòôöõúùûüýÿæœøßÁÀÂÄÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸÆŒØ"
    "\u00a0“”‘’‚„–—…€«»°£·§¡¿©®½‹›•™"
)
_MAX_ACCENTED_SHARE = 0.3

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
# C0/C1 control characters other than whitespace, and the replacement character.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_MAX_NUL_SHARE = 0.01      # a few stray NULs are removed; more means binary data
_MAX_CONTROL_SHARE = 0.05  # share of control/replacement characters text may have


@dataclass(frozen=True, slots=True)
class Verdict:
    """A codec to read the bytes with, or the reason they are not text."""

    codec: str | None = None
    reason: str | None = None
    sample: str = ""  # the first bytes decoded, for sniffing the kind of input


def binary_signature(head: bytes) -> str | None:
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    return None


def _bom_codec(head: bytes) -> str | None:
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 of mostly ASCII text has a NUL in every other byte."""
    even, odd = head[0::2], head[1::2]
    if len(head) < 4:
        return None
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / max(1, len(odd))
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _decodes(head: bytes, codec: str, whole: bool) -> bool:
    try:
        codecs.getincrementaldecoder(codec)().decode(head, final=whole)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head[:4096])
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    # as browsers do (WHATWG Encoding): pages labelled Latin-1 or ASCII are Windows-1252
    return "cp1252" if name in ("iso8859-1", "ascii") else name


def _reads_as_western(head: bytes) -> bool:
    """True if the bytes read as Windows-1252 text of a Western European language.

    Single-byte Latin code pages differ only in a few accented letters, and on
    a short text charset-normalizer often scores several alike and picks cp1250,
    turning French "à" into "ŕ". Windows-1252 is the usual legacy encoding of
    English, French, Spanish and Portuguese news, so it is taken when every
    non-ASCII character it gives is a letter or sign of those languages and such
    characters are a minority of the letters (Greek, Cyrillic or Arabic bytes
    read as cp1252 are nearly all accented letters). Polish, Turkish or Russian
    bytes give other characters and go to charset-normalizer.
    """
    try:
        text = codecs.getincrementaldecoder("cp1252")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    accented = [ch for ch in text if ord(ch) > 127]
    letters = sum(ch.isalpha() for ch in text)
    return (all(ch in _WESTERN for ch in accented)
            and sum(ch.isalpha() for ch in accented) <= _MAX_ACCENTED_SHARE * max(1, letters))


def _guess(head: bytes) -> str | None:
    if _reads_as_western(head):
        return "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(head).best()
    return best.encoding if best is not None else None


def _control_share(text: str) -> float:
    """Share of control characters; a couple in a short text are noise, not binary data."""
    bad = len(_CONTROL.findall(text))
    return bad / len(text) if bad > 2 else 0.0


def detect(head: bytes, *, whole: bool, html: bool = False) -> Verdict:
    """How to read bytes whose first part is ``head`` (``whole``: head is all of it)."""
    name = binary_signature(head)
    if name:
        return Verdict(reason=f"binary file ({name}), not text: convert it to text first")
    codec = _bom_codec(head) or _utf16_without_bom(head)
    if codec is None:
        if head.count(0) > max(2, _MAX_NUL_SHARE * len(head)):
            return Verdict(reason="binary data (NUL bytes), not text")
        if _decodes(head, "utf-8", whole):
            codec = "utf-8"
        else:
            declared = _declared_charset(head) if html else None
            codec = declared if declared and _decodes(head, declared, whole) else _guess(head)
    if codec is None:
        return Verdict(reason="undecodable: not UTF-8 and no other text encoding fits")
    sample = codecs.getincrementaldecoder(codec)(errors="replace").decode(head, final=whole)
    share = _control_share(sample)
    if share > _MAX_CONTROL_SHARE:
        return Verdict(reason=f"binary data ({share:.0%} control characters as {codec}), not text")
    return Verdict(codec=codec, sample=sample)
