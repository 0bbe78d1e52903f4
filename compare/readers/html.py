"""HTML (a saved web page or an e-mail body) into :class:`Block` s.

Parsed with lxml's HTML parser: network access off, no external entities (the HTML
parser knows only the HTML character entities), lxml's ``huge_tree`` safety limits
on; an XML declaration and an internal DTD subset (``<!DOCTYPE html [ … ]>``, the
vehicle of entity tricks) are cut off before parsing.  Block-level
elements become blocks; ``<sup>n</sup>`` becomes a footnote marker; ``<hr>`` a
page break; leading ``<em>``/``<i>`` text the italic lead; ``<ol>`` items get
their number as the label, counted as a browser counts it (``start``, ``value``, ``reversed``,
``type``).  Scripts and styles are dropped; what else a browser does
not show as the page's text (navigation, ``<noscript>``, ``<svg>`` …) is listed in ``dropped``.
Text between blocks is a paragraph of its own.
"""
from __future__ import annotations

import re

from lxml import etree, html as lxml_html

from ..errors import CorruptFileError, EmptyInputError
from ..numerals import to_letters, to_roman
import copy

from ..model import Block, Dropped, RawDocument, marker
from .safety import count_blocks, tick
from .text import GAP_RE

_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "blockquote", "dd", "dt", "pre", "section",
               "article", "header", "footer", "aside", "main", "figure", "figcaption", "details", "summary", "address",
               "caption"}
# Content a browser does not show as the page's text.  Not here, on purpose: ``form``
# (pages wrap their whole body in one), ``button`` (its label is shown, and text after
# it in the same paragraph must not be lost) and the void ``embed`` (libxml2 does not
# know it is void and nests the rest of the paragraph or page inside it).
_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "nav", "iframe", "object", "svg", "math"}
_WS = re.compile(r"\s+")
_INT = re.compile(r"[-+]?\d{1,9}")      # how a browser reads start="3", value="5th": the leading integer


def _parser() -> etree.HTMLParser:
    return etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, recover=True, huge_tree=False)


_XML_DECL = re.compile(r"^\s*<\?xml[^>]{0,300}\?>", re.IGNORECASE)
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^\[>]{0,1000}\[", re.IGNORECASE)   # matched after lstrip()


def _strip_prolog(text: str) -> str:
    """Drop an XML declaration (lxml refuses one in a str) and an internal DTD subset."""
    text = _XML_DECL.sub("", text, count=1)
    text = text.lstrip()
    m = _DOCTYPE_SUBSET.match(text)
    if m:
        end = re.compile(r"\]\s*>").search(text, m.end())
        text = text[end.end():] if end else text[m.end():]
    return text


def read_html(text: str, source: str = "<html>") -> RawDocument:
    text = _strip_prolog(text)
    if not text.strip():
        raise EmptyInputError(source, "the page contains no text")
    try:
        # a whole document even for a fragment ("<p>…</p>"), so the walk always starts at <body>
        parser = _parser()
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        # libxml2's message may quote the file (a tag name): name only the kind of failure
        raise CorruptFileError(source, f"not readable as HTML ({type(exc).__name__})") from None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        # libxml2 stops at its limits (256 nested elements …) and, recovering, keeps what it had:
        # the rest of the page would be lost without a word
        raise CorruptFileError(source, "nested too deeply to be read whole (HTML parser limit)")
    if root is None:
        raise EmptyInputError(source, "the page contains no text")
    body = root.find(".//body")
    blocks: list[Block] = []
    dropped: list[Dropped] = []
    _walk(body if body is not None else root, blocks, dropped)
    if not any(b.text for b in blocks):
        raise EmptyInputError(source, "the page contains no text")
    return RawDocument(blocks=blocks, source=source, fmt="html", dropped=dropped)


def _has_block_child(el) -> bool:
    return any(isinstance(c.tag, str) and (c.tag in _BLOCK_TAGS or c.tag in ("ol", "ul", "table", "hr")) for c in el)


_LAYOUT_TAGS = (*_BLOCK_TAGS, "ol", "ul", "table", "tr", "hr", "br")


def _inline(el) -> bool:
    """Whether ``el`` is text within a line (a span, a link, bold …): it holds no block below it."""
    return el.tag not in _LAYOUT_TAGS and next(el.iterdescendants(*_LAYOUT_TAGS), None) is None


def _skipped(el, dropped: list[Dropped]) -> None:
    """A skipped element's visible words go to ``dropped`` (not a script's or a style's code)."""
    if el.tag in ("script", "style", "head"):
        return
    text = _WS.sub(" ", "".join(el.itertext())).strip()
    if text:
        dropped.append(Dropped(text, f"HTML <{el.tag}> (not part of the page's text)"))


def _walk(el, out: list[Block], dropped: list[Dropped]) -> None:
    """Blocks of ``el``'s children; text between them (``<div>text<p>…</p>more</div>``, a
    ``<span>`` straight in ``<body>``) is a paragraph of its own, never lost."""
    tick()
    run = etree.Element("p")        # loose text and inline children since the last block
    run.text = el.text

    def flush() -> None:
        nonlocal run
        if (run.text and run.text.strip()) or len(run):
            _emit(run, out, label=None)
        run = etree.Element("p")

    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag and tag not in _SKIP_TAGS and _inline(child):
            run.append(copy.deepcopy(child))        # its tail comes along
            continue
        flush()
        if tag in _SKIP_TAGS:
            _skipped(child, dropped)
        elif tag == "hr":
            out.append(Block("", kind="page_break"))
        elif tag == "ol":
            _walk_list(child, out, dropped)
        elif tag in _BLOCK_TAGS and not _has_block_child(child):
            _emit(child, out, label=None)
        elif tag and tag != "br":
            _walk(child, out, dropped)
        run.text = child.tail
    flush()


def _int_attr(el, name: str) -> int | None:
    """An integer attribute as a browser reads it (``start="3"``, ``value=" 5 "``), else None."""
    m = _INT.match((el.get(name) or "").strip())
    return int(m.group(0)) if m else None


def _walk_list(ol, out: list[Block], dropped: list[Dropped]) -> None:
    """An ``<ol>``'s items with the numbers a browser shows: ``start``, ``reversed`` (counting
    down from the number of items), an item's ``value`` (the next items count on from it) and
    ``type`` on the list or on one item."""
    items = [li for li in ol if isinstance(li.tag, str) and li.tag == "li"]
    reversed_ = ol.get("reversed") is not None
    start = _int_attr(ol, "start")
    n = start if start is not None else (len(items) if reversed_ else 1)
    kind = (ol.get("type") or "1").strip()
    _loose(ol.text, out)
    for li in ol:
        if not isinstance(li.tag, str) or li.tag != "li":
            _loose("".join(li.itertext()) if isinstance(li.tag, str) else "", out)
            _loose(li.tail, out)
            continue
        tick()
        value = _int_attr(li, "value")
        n = value if value is not None else n
        label = _list_label(n, (li.get("type") or "").strip() or kind)
        _emit(li, out, label=label, shallow=True)
        for sub in li:
            if isinstance(sub.tag, str) and sub.tag in ("ol", "ul"):
                _walk_list(sub, out, dropped) if sub.tag == "ol" else _walk(sub, out, dropped)
        _loose(li.tail, out)
        n += -1 if reversed_ else 1


def _loose(text: str | None, out: list[Block]) -> None:
    """Text straight in an ``<ol>`` (outside its items): a paragraph of its own, not lost."""
    if text and text.strip():
        p = etree.Element("p")
        p.text = text
        _emit(p, out, label=None)


def _list_label(n: int, kind: str) -> str:
    """The label of item ``n`` of a list of ``type`` ``kind``, written the way the structure step
    reads labels: lower-case letters and roman numerals as the UN's sub-paragraph labels "(a)",
    "(ii)" (a browser prints "a.", which no resolution uses; "(a)" is what its page shows through
    its style sheet); capitals "A.", "IV." as a browser prints them (section headings in a
    resolution).  A browser counts zero and below in digits, whatever the type."""
    if kind not in ("a", "A", "i", "I"):
        return f"{n}."
    word = to_letters(n) if kind in "aA" else to_roman(n)
    if word.isdigit() or word.startswith("-"):      # out of the counter's range: digits
        return f"{n}."
    return f"({word})" if kind.islower() else f"{word.upper()}."


def _emit(el, out: list[Block], label: str | None, shallow: bool = False) -> None:
    parts: list[str] = []
    italic: list[str] = []
    seen_text = [False]
    last_text = [-1]        # index in parts of the last part with visible text

    def push(s: str) -> None:
        if s.strip():
            last_text[0] = len(parts)
        parts.append(s)

    def collect(node, in_italic: bool) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP_TAGS:
            return
        if shallow and tag in ("ol", "ul") and node is not el:
            return
        if tag == "sup":
            t = "".join(node.itertext()).strip()
            if t.isdigit() and len(t) <= 3:
                push(marker(t))
            else:
                push(t)
        elif tag == "br":
            push("\n")
        else:
            is_it = in_italic or tag in ("em", "i")
            if node.text:
                _add(node.text, is_it)
            for c in node:
                collect(c, is_it)
                if c.tail:
                    _add(c.tail, in_italic)
            return
        if node.tail and node is not el:
            pass  # tails are added by the parent loop

    def _add(s: str, is_it: bool) -> None:
        # (no visible text in parts[len(italic):]) == (last_text < len(italic)), in O(1)
        if is_it and not seen_text[0] or (is_it and italic and last_text[0] < len(italic)):
            italic.append(s)
        if s.strip():
            seen_text[0] = True
        push(s)

    collect(el, False)
    text = "\n".join(_WS.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    text = text.strip()
    if not text:
        return
    tag = el.tag if isinstance(el.tag, str) else ""
    count_blocks()
    if GAP_RE.match(text):
        out.append(Block(text, kind="gap"))
        return
    kind = "heading" if tag in ("h1", "h2", "h3", "h4", "h5", "h6") else "para"
    lead = _WS.sub(" ", "".join(italic)).strip() or None
    out.append(Block(text, kind=kind, label=label, italic_lead=lead))
