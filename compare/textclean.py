"""Valid text at the boundary: what a reader returns can be written by every writer.

Readers hand back whatever a file holds.  Some of it cannot be written: a lone
UTF-16 surrogate (a PDF that maps one character beyond the basic plane to two
halves, a Word ``w:sym`` with code D800, a file name that is not UTF-8) makes every
UTF-8 writer raise ``UnicodeEncodeError``; a control character (a Word line break
``\\v`` pasted into a text file) makes XML writers (.docx, .xlsx) refuse the string.
:func:`clean_text` fixes both in one linear pass, so writers never have to.
"""
from __future__ import annotations

import re

#: Characters XML 1.0 cannot hold, plus lone surrogates and the non-characters
#: U+FFFE/U+FFFF.  Tab, line feed and carriage return are kept.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_SPACE_LIKE = {"\x0b": "\n", "\x0c": "\n"}      # vertical tab (Word line break), form feed
REPLACEMENT = "\ufffd"


def _join_pair(m: re.Match) -> str:
    hi, lo = m.group(0)
    return chr(0x10000 + ((ord(hi) - 0xD800) << 10) + (ord(lo) - 0xDC00))


def clean_text(s: str) -> tuple[str, int]:
    """Return ``s`` with surrogate pairs combined, ``\\v``/``\\f`` as line breaks and every
    other character that cannot be written (lone surrogates, control characters) replaced
    by U+FFFD; plus how many were replaced.  Linear time; ``s`` returned as is when clean."""
    if not _ILLEGAL.search(s):
        return s, 0
    s = _PAIR.sub(_join_pair, s)
    count = 0

    def fix(m: re.Match) -> str:
        nonlocal count
        c = m.group(0)
        if c in _SPACE_LIKE:
            return _SPACE_LIKE[c]
        count += 1
        return REPLACEMENT

    return _ILLEGAL.sub(fix, s), count


def clean(s: str) -> str:
    """:func:`clean_text` on one line, without the count (file names, labels, authors)."""
    return re.sub(r"[\r\n\t]+", " ", clean_text(s)[0])


def writable(s: str) -> str:
    """Last line of defence for writers given a string from outside a reader."""
    return clean_text(s)[0] if isinstance(s, str) else s
