"""Plain text and Markdown (including PDF-to-Markdown conversions) into :class:`Block` s.

Understands what such conversions carry: ``<sup>n</sup>`` footnote markers,
``---`` page breaks, footnote blocks (``<sup>n</sup> text`` or, in plain text,
``n Text`` lines after a ``_____`` rule), ``#`` headings, ``*emphasis*`` and
``**bold**``, hard line breaks, and the excerpt gap marker
``[... gap: text not available ...]``.  It knows nothing of PP/OP.
"""
from __future__ import annotations

import re

from ..model import Block, RawDocument, marker

GAP_RE = re.compile(r"^\[\s*(?:\.\.\.|…)\s*gap\b[^\]]*\]$", re.IGNORECASE)
_PAGE_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|\f)\s*$")
_FOOTNOTE_RULE = re.compile(r"^\s*_{5,}\s*$")
_SUP_NUM = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>", re.IGNORECASE)
_SUP_OTHER = re.compile(r"</?sup>", re.IGNORECASE)
_MD_FOOTNOTE = re.compile(r"^\s*<sup>\s*(\d{1,3})\s*</sup>\s*(.+)$", re.IGNORECASE | re.DOTALL)
_PLAIN_FOOTNOTE = re.compile(r"^\s*(\d{1,3})\s+(\S.*)$", re.DOTALL)
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ITALIC_LEAD = re.compile(r"^\s*(?:\d+\.\s*)?(?:\([a-z]+\)\s*)?\*(?!\*)([^*]+)\*(?!\*)")
_EMPH = re.compile(r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
_HARD_BREAK = re.compile(r"(?: {2,}|\\)\n")


def strip_emphasis(s: str) -> str:
    """Remove Markdown emphasis marks, keep the words."""
    prev = None
    while prev != s:
        prev = s
        s = _EMPH.sub(r"\2", s)
    return s.replace("\\*", "*")


def _inline(s: str) -> str:
    s = _SUP_NUM.sub(lambda m: marker(m.group(1)), s)
    s = _SUP_OTHER.sub("", s)  # ordinals such as 1<sup>er</sup>
    return strip_emphasis(s)


def _paragraphs(text: str) -> list[str]:
    """Split on blank lines; page rules stand alone."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _HTML_COMMENT.sub("", text)
    out: list[str] = []
    cur: list[str] = []
    for line in text.split("\n"):
        if "\f" in line:  # form feed: a page break inside a line
            head, _, tail = line.partition("\f")
            if head.strip():
                cur.append(head)
            if cur:
                out.append("\n".join(cur))
                cur = []
            out.append("---")
            line = tail
        if not line.strip():
            if cur:
                out.append("\n".join(cur))
                cur = []
            continue
        if _PAGE_RULE.match(line) or _FOOTNOTE_RULE.match(line):
            if cur:
                out.append("\n".join(cur))
                cur = []
            out.append(line.strip())
            continue
        cur.append(line.rstrip("\n"))
    if cur:
        out.append("\n".join(cur))
    return out


def read_text(text: str, source: str = "<text>", fmt: str = "txt") -> RawDocument:
    """Turn a text or Markdown string into blocks."""
    blocks: list[Block] = []
    in_footnotes = False  # after a "_____" rule in plain text
    for para in _paragraphs(text):
        stripped = para.strip()
        if _FOOTNOTE_RULE.match(stripped):
            in_footnotes = True
            continue
        if _PAGE_RULE.match(stripped):
            blocks.append(Block("", kind="page_break"))
            in_footnotes = False
            continue
        if GAP_RE.match(stripped):
            blocks.append(Block(stripped, kind="gap"))
            in_footnotes = False
            continue
        m = _MD_FOOTNOTE.match(stripped)
        if m:
            blocks.append(Block(_clean(_inline(m.group(2))), kind="footnote", label=m.group(1)))
            continue
        if in_footnotes:
            m = _PLAIN_FOOTNOTE.match(stripped)
            if m:
                blocks.append(Block(_clean(m.group(2)), kind="footnote", label=m.group(1)))
                continue
            in_footnotes = False
        h = _HEADING.match(stripped)
        if h:
            body = h.group(2).strip()
            blocks.append(Block(_clean(_inline(body)), kind="heading", level=len(h.group(1)), bold=True))
            continue
        lead = _ITALIC_LEAD.match(stripped)
        italic = strip_emphasis(lead.group(1)).strip() if lead else None
        bold = stripped.startswith("**") and stripped.rstrip().endswith("**")
        body = _HARD_BREAK.sub("\n", stripped + "\n").rstrip("\n")
        blocks.append(Block(_inline(body).strip(), italic_lead=italic, bold=bold))
    return RawDocument(blocks=blocks, source=source, fmt=fmt)


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()
