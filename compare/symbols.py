"""UN document symbols: the one place that knows how they are written.

``A/RES/61/180`` (General Assembly resolution 180 of the 61st session),
``A/C.3/63/L.17`` (Third Committee draft, limited distribution),
``A/C.3/63/L.17/Rev.1`` (its first revision), ``E/CN.6/2006/L.4`` (a
Commission draft).  Files of the corpus are named after them with dashes
(``A-RES-63-194.en.md``), so the session can also be read from a label.
Structure recognition, page-furniture removal, the library and the labels the
app proposes all read symbols through these functions.
"""
from __future__ import annotations

import re
from typing import Optional

#: a document symbol: a series of capitals, then slash-separated parts, ending on a letter or digit
SYMBOL = r"[A-Z]{1,5}/(?:[A-Za-z0-9.\-]+/)*[A-Za-z0-9.\-]*[A-Za-z0-9]"
#: a symbol standing on its own in a line (not part of a longer word or path)
SYMBOL_RE = re.compile(rf"(?<![\w/])({SYMBOL})(?![\w/])")

_SESSION = re.compile(r"^A/(?:RES/|C\.\d/|INF/)?(\d{1,3})/", re.IGNORECASE)
_LABEL_SESSION = re.compile(r"(?:^|[^A-Za-z0-9])A[-_.]?(?:RES[-_.]|C\.?\d[-_.])?(\d{2,3})[-_.]", re.IGNORECASE)
_RES_LABEL = re.compile(r"(?:^|[^A-Za-z])RES(?:[-_./]|$)", re.IGNORECASE)
_RES_NUMBER = re.compile(r"/RES/(\d+/\d+)")
_DRAFT_PART = re.compile(r"/(L\.\d+(?:/Rev\.\d+)?(?:/Add\.\d+)?)$")


def find_symbol(text: str) -> Optional[str]:
    """The first document symbol in a line of text, or None."""
    m = SYMBOL_RE.search(text)
    return m.group(1) if m else None


def session(symbol: Optional[str]) -> Optional[int]:
    """General Assembly session named by a symbol (``A/RES/61/180`` → 61, ``A/C.3/63/L.17`` → 63)."""
    m = _SESSION.match((symbol or "").strip())
    return int(m.group(1)) if m else None


def session_from_label(label: str) -> Optional[int]:
    """Session named by a label or file name written after a symbol (``A-RES-63-194.en`` → 63)."""
    m = _LABEL_SESSION.search(label or "")
    return int(m.group(1)) if m else None


def is_resolution(symbol: Optional[str]) -> bool:
    """An adopted General Assembly resolution's symbol (``A/RES/…``)."""
    return (symbol or "").strip().upper().startswith("A/RES/")


def label_names_resolution(label: str) -> bool:
    """A label or file name that names a resolution (``A-RES-61-180.en``, ``res_63_194``)."""
    return bool(_RES_LABEL.search(label or ""))


def resolution_symbol(number: str) -> str:
    """The symbol of GA resolution ``61/180``: ``A/RES/61/180``."""
    return f"A/RES/{number}"


def short_label(symbol: Optional[str], fallback: str) -> str:
    """A label in negotiators' terms: A/RES/61/180 → 61/180, A/C.3/63/L.17/Rev.1 → L.17/Rev.1;
    another symbol as it is; no symbol: ``fallback``."""
    if symbol:
        m = _RES_NUMBER.search(symbol)
        if m:
            return m.group(1)
        m = _DRAFT_PART.search(symbol)
        if m:
            return m.group(1)
        return symbol
    return fallback


_LANG_SUFFIX = re.compile(r"\.[a-z]{2,3}$")


def symbol_key(symbol: Optional[str], label: str = "") -> str:
    """Which resolution a text is, whatever its language: its symbol, else the symbol its label is written
    after (``A-RES-78-228.fr`` → ``a/res/78/228``, the samples' way), else "" (casefolded).  The same
    resolution in another language is a translation of the draft, not an earlier text."""
    if symbol and symbol.strip():
        return symbol.strip().casefold()
    cand = _LANG_SUFFIX.sub("", (label or "").strip()).replace("-", "/")
    return cand.casefold() if re.fullmatch(SYMBOL, cand) else ""
