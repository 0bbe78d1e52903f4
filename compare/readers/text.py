"""Plain text and Markdown (including PDF-to-Markdown conversions) into :class:`Block` s.

Understands what such conversions carry: ``<sup>n</sup>`` footnote markers,
``---`` page breaks, footnote blocks (``<sup>n</sup> text`` or, in plain text,
``n Text`` lines after a ``_____`` rule), ``#`` headings, ``*emphasis*`` and
``**bold**``, hard line breaks, and the excerpt gap marker
``[... gap: text not available ...]``.  It knows nothing of PP/OP.
"""
from __future__ import annotations

import io
import re
from typing import Iterator, Optional

from ..model import MARKDOWN_COMMENT, Block, Dropped, RawDocument, marker
from ..numerals import whole_digit_runs
from .safety import count_blocks, tick

GAP_RE = re.compile(r"^\[\s*(?:\.\.\.|…)\s*gap\b[^\]]*\]$", re.IGNORECASE)
# A page rule is a line of 3+ ``-``/``*``/``_`` or a form feed, spaces around: tested by
# :func:`_is_page_rule` in linear time (``^\s*(?:…|\f)\s*$`` backtracks quadratically
# on a long run of form feeds, which are spaces to ``\s`` too).
_RULE_CHARS = frozenset("-*_")
_FOOTNOTE_RULE = re.compile(r"^\s*_{5,}\s*$")
_SUP_NUM = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>", re.IGNORECASE)
_SUP_OTHER = re.compile(r"</?sup>", re.IGNORECASE)
_MD_FOOTNOTE = re.compile(r"^\s*<sup>\s*(\d{1,3})\s*</sup>\s*(.+)$", re.IGNORECASE | re.DOTALL)
_PLAIN_FOOTNOTE = re.compile(r"^\s*(\d{1,3})\s+(\S.*)$", re.DOTALL)
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_ITALIC_LEAD = re.compile(r"^\s*(?:\d+\.\s*)?(?:\([a-z]+\)\s*)?\*(?!\*)([^*]+)\*(?!\*)")
# Emphasis is ``(\*{1,3})(?=\S)(.+?)(?<=\S)\1`` (DOTALL); that regex backtracks
# quadratically on a paragraph full of unpaired stars, so :func:`_strip_emphasis_once`
# finds exactly the same matches in one linear scan.
_MAX_EMPH_PASSES = 8
# A hard line break is two or more spaces (or a backslash) at the end of a line:
# :func:`_hard_breaks` looks at line ends only (a regex over the whole paragraph tried
# every character, the costliest step of reading a long Markdown file).


def _hard_breaks(block: str) -> str:
    """Drop the marks of Markdown hard line breaks, keep the breaks: each line's trailing
    run of two or more spaces, or one trailing backslash; then trailing line breaks."""
    if "\n" not in block and not block.endswith((" ", "\\")):
        return block            # one line without a mark: most paragraphs
    lines = block.split("\n")
    for i, line in enumerate(lines):
        if line.endswith("  "):
            lines[i] = line.rstrip(" ")
        elif line.endswith("\\"):
            lines[i] = line[:-1]
    return "\n".join(lines).rstrip("\n")


def _is_page_rule(line: str) -> bool:
    """A page rule (``^\\s*(?:-{3,}|\\*{3,}|_{3,}|\\f)\\s*$``) tested without backtracking."""
    t = line.strip()
    if not t:
        return "\f" in line
    return len(t) >= 3 and t[0] in _RULE_CHARS and t.count(t[0]) == len(t)


def strip_emphasis(s: str) -> str:
    """Remove Markdown emphasis marks, keep the words."""
    prev = None
    passes = 0
    while prev != s and passes < _MAX_EMPH_PASSES and "*" in s:
        prev = s
        s = _strip_emphasis_once(s)
        passes += 1
    return s.replace("\\*", "*")


def _closer(s: str, k: int, start: int) -> int:
    """The first run of ``k`` stars at or after ``start`` preceded by a non-space
    (``(?<=\\S)\\*{k}``; ``start`` ≥ 1), or -1: found with ``str.find``, as a regex
    opening with a look-behind is tried at every character."""
    stars = "*" * k
    c = s.find(stars, start)
    while c >= 0 and s[c - 1].isspace():
        c = s.find(stars, c + 1)
    return c


def _strip_emphasis_once(s: str) -> str:
    r"""``re.sub(r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1", r"\2", s, flags=re.DOTALL)`` in linear time.

    Scans star positions left to right like the regex engine: at each, tries a run
    of 3, 2, then 1 stars followed by a non-space, and takes the nearest closing run
    of the same length preceded by a non-space (at least one character later).  The
    nearest closer for each length is cached: thresholds only grow, so each of the
    three searches walks the text once.
    """
    i = s.find("*")
    if i < 0:
        return s
    n = len(s)
    cache = {1: -1, 2: -1, 3: -1}      # first closer at or after the last threshold; n+1 = none
    out: list[str] = []
    last = 0
    while i >= 0:
        run = 1
        while run < 3 and i + run < n and s[i + run] == "*":
            run += 1
        matched = False
        for k in range(run, 0, -1):
            j = i + k
            if j >= n or s[j].isspace():
                continue
            c = cache[k]
            if c < j + 1:
                c = _closer(s, k, j + 1)
                c = c if c >= 0 else n + 1
                cache[k] = c
            if c <= n - k:
                out.append(s[last:i])
                out.append(s[j:c])
                last = c + k
                matched = True
                break
        i = s.find("*", last if matched else i + 1)
    out.append(s[last:])
    return "".join(out)


def _strip_comments(text: str, removed: Optional[list[str]] = None) -> str:
    """Remove ``<!-- … -->`` (linear: an unclosed ``<!--`` is left as it is); the words of each
    comment go to ``removed`` (a Markdown comment is not shown, but it is not lost either)."""
    if "<!--" not in text:
        return text
    out: list[str] = []
    pos = 0
    while True:
        a = text.find("<!--", pos)
        if a < 0:
            break
        b = text.find("-->", a + 4)
        if b < 0:
            break
        out.append(text[pos:a])
        if removed is not None and text[a + 4:b].strip():
            removed.append(" ".join(text[a + 4:b].split()))
        pos = b + 3
    out.append(text[pos:])
    return "".join(out)


def _inline(s: str) -> str:
    if "<" in s:                # no tag, nothing for the (case-blind, so slower) tag patterns
        s = _SUP_NUM.sub(lambda m: marker(m.group(1)), s)
        s = _SUP_OTHER.sub("", s)  # ordinals such as 1<sup>er</sup>
    return strip_emphasis(s)


def _paragraphs(text: str, comments: Optional[list[str]] = None) -> Iterator[str]:
    """Split on blank lines; page rules stand alone.  With ``comments`` (Markdown), ``<!-- … -->``
    is taken out and its text put there; in plain text it is text like any other."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if comments is not None:
        text = _strip_comments(text, comments)
    cur: list[str] = []
    blank_page = False          # a form-feed break was the last thing yielded: blank pages add none
    for k, line in enumerate(io.StringIO(text, newline="\n")):
        line = line[:-1] if line.endswith("\n") else line
        if not k % 4096:
            tick()
        if "\f" in line:  # form feeds: page breaks inside a line (each one, in one pass)
            *heads, line = line.split("\f")
            for head in heads:
                if head.strip():
                    cur.append(head)
                if cur:
                    yield "\n".join(cur)
                    cur = []
                elif blank_page:
                    continue        # a run of blank pages: one break
                yield "---"
                blank_page = True
        stripped = line.strip()
        if not stripped:
            if cur:
                yield "\n".join(cur)
                cur = []
            continue
        blank_page = False
        if stripped[0] in _RULE_CHARS and (_is_page_rule(line) or _FOOTNOTE_RULE.match(line)):
            if cur:
                yield "\n".join(cur)
                cur = []
            yield stripped
            continue
        cur.append(line)
    if cur:
        yield "\n".join(cur)


# a footnote number glued to the word it annotates, as text copied from a PDF has it: "organisée1",
# "enfants2," (a lower-case letter or a closing bracket before it; "G20" and years are no markers)
_GLUED = re.compile(r"(?<=[a-zà-ÿ)»”])(\d{1,3})(?![\d/])")


def _pasted_footnote(block_text: str, cited: set[str], last: int) -> Optional[tuple[str, str]]:
    """(number, text) when a block is a footnote line as a PDF copy puts it between paragraphs —
    "1 Résolution 55/25, annexe I." (no rule above it): one line, a number without the full stop an
    operative paragraph's number has, a number the text before it cites glued to a word
    ("organisée1") — or any, once such a run of notes has started — and the next footnote number.
    Else None."""
    if "\n" in block_text:
        return None
    m = _PLAIN_FOOTNOTE.match(block_text)
    # the next number of a run already started needs no citation found ("20056": year 2005, note 6)
    if not m or int(m.group(1)) != last + 1 or (m.group(1) not in cited and not last):
        return None
    return m.group(1), m.group(2)


def read_text(text: str, source: str = "<text>", fmt: str = "txt") -> RawDocument:
    """Turn a text or Markdown string into blocks."""
    blocks: list[Block] = []
    in_footnotes = False  # after a "_____" rule in plain text
    cited: set[str] = set()     # footnote numbers the text so far glues to a word (plain text)
    last_note = 0
    comments: Optional[list[str]] = None if fmt == "txt" else []
    for para in _paragraphs(text, comments):
        count_blocks()
        stripped = para.strip()
        if _FOOTNOTE_RULE.match(stripped):
            in_footnotes = True
            continue
        if _is_page_rule(stripped):
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
        if fmt == "txt":
            note = _pasted_footnote(stripped, cited, last_note)
            if note:
                blocks.append(Block(_clean(note[1]), kind="footnote", label=note[0]))
                last_note = int(note[0])
                continue
            cited.update(m.group(1) for m in whole_digit_runs(_GLUED, stripped))
        h = _HEADING.match(stripped)
        if h:
            body = h.group(2).strip()
            blocks.append(Block(_clean(_inline(body)), kind="heading", level=len(h.group(1)), bold=True))
            continue
        lead = _ITALIC_LEAD.match(stripped)
        italic = strip_emphasis(lead.group(1)).strip() if lead else None
        bold = stripped.startswith("**") and stripped.rstrip().endswith("**")
        body = _hard_breaks(stripped)
        blocks.append(Block(_inline(body).strip(), italic_lead=italic, bold=bold))
    dropped = [Dropped(c, MARKDOWN_COMMENT) for c in comments or ()]
    return RawDocument(blocks=blocks, source=source, fmt=fmt, dropped=dropped)


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()
