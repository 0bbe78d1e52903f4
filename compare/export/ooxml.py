"""Low-level WordprocessingML builders for tracked changes (lxml only).

Kept apart from :mod:`compare.export.redline` the way python-docx keeps its
``oxml`` layer apart: this module knows OOXML element names, element order and
the revision rules of ECMA-376 Part 1 §17.13, and nothing about resolutions.

Rules followed here (ECMA-376 Part 1, 17.13.5 / 17.13.2):

* ``w:ins`` / ``w:del`` / ``w:moveFrom`` / ``w:moveTo`` wrap whole ``w:r`` runs
  and carry ``w:id``, ``w:author`` and ``w:date``.  Deleted runs hold their
  text in ``w:delText`` (never ``w:t``); so do moved-from runs, which Word
  shows and treats as deleted text (as Word and Docxodus write them).
* A paragraph mark is tracked with an empty ``w:ins``/``w:del``/``w:moveFrom``/
  ``w:moveTo`` element in the paragraph-mark run properties ``w:pPr/w:rPr``,
  which must come first in that ``w:rPr``.
* A move is a named pair of containers: ``w:moveFromRangeStart``/``End`` around
  the source, ``w:moveToRangeStart``/``End`` around the destination, with the
  same ``w:name``; each ``*RangeEnd`` repeats the ``w:id`` of its start.
* Every ``w:id`` of an annotation (revisions, move ranges, bookmarks) is
  unique in the document: one :class:`Ids` allocator hands them all out.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from lxml import etree

from ..namespaces import R_NS, W_NS, XML_NS   # the one namespace table, shared with the Word reader

NSMAP = {"w": W_NS, "r": R_NS}

#: Revision kinds understood by :class:`Tracker`.
REV_KINDS = ("ins", "del", "moveFrom", "moveTo")

# characters XML 1.0 cannot hold at all
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def w(tag: str) -> str:
    """Clark name of a ``w:`` element or attribute."""
    return f"{{{W_NS}}}{tag}"


def el(tag: str, attrs: Optional[dict] = None, *children) -> etree._Element:
    """``el("p")`` → ``<w:p/>``; attribute names are ``w:`` names too."""
    e = etree.Element(w(tag), nsmap=NSMAP)
    for k, v in (attrs or {}).items():
        e.set(w(k) if ":" not in k and not k.startswith("{") else k, str(v))
    for c in children:
        if c is not None:
            e.append(c)
    return e


def sub(parent: etree._Element, tag: str, attrs: Optional[dict] = None) -> etree._Element:
    e = etree.SubElement(parent, w(tag))
    for k, v in (attrs or {}).items():
        e.set(w(k), str(v))
    return e


def clean_text(text: str) -> str:
    """Text XML can hold (control characters other than tab/newline dropped)."""
    return _BAD_XML.sub("", text)


# --------------------------------------------------------------------------- ids


class Ids:
    """One allocator for every annotation ``w:id`` (ins, del, move, ranges, bookmarks)."""

    def __init__(self, start: int = 1) -> None:
        self._next = start

    def __call__(self) -> int:
        n = self._next
        self._next += 1
        return n


@dataclass
class Tracker:
    """Makes revision elements with a shared author, date and id allocator.

    ``minor_author``: author for changes the comparison calls minor (typography),
    so Word's per-reviewer filter can show or accept them apart.  ``unknown_author``:
    author for the other copy's words before an excerpt's cut start (``unknown``),
    which that copy does not hold: neither deleted nor added, and filtered apart too.
    """

    author: str
    date: str
    ids: Ids = field(default_factory=Ids)
    minor_author: Optional[str] = None
    moves: int = 0
    unknown_author: Optional[str] = None

    def _attrs(self, minor: bool = False, unknown: bool = False) -> dict:
        author = self.unknown_author if (unknown and self.unknown_author) else \
            self.minor_author if (minor and self.minor_author) else self.author
        return {"id": self.ids(), "author": author, "date": self.date}

    def wrapper(self, kind: str, minor: bool = False, unknown: bool = False) -> etree._Element:
        """``<w:ins|del|moveFrom|moveTo w:id w:author w:date>`` to hold runs."""
        if kind not in REV_KINDS:
            raise ValueError(kind)
        return el(kind, self._attrs(minor, unknown))

    def mark(self, kind: str, minor: bool = False, unknown: bool = False) -> etree._Element:
        """The empty element that tracks a paragraph mark (goes first in ``w:pPr/w:rPr``)."""
        return self.wrapper(kind, minor, unknown)

    def move_name(self) -> str:
        self.moves += 1
        return f"rcMove{self.moves}"

    def range_start(self, kind: str, name: str) -> tuple[etree._Element, etree._Element]:
        """``(w:moveFromRangeStart, w:moveFromRangeEnd)`` (or moveTo…) sharing one id."""
        if kind not in ("moveFrom", "moveTo"):
            raise ValueError(kind)
        rid = self.ids()
        start = el(f"{kind}RangeStart", {"id": rid, "author": self.author, "date": self.date, "name": name})
        end = el(f"{kind}RangeEnd", {"id": rid})
        return start, end

    def para_change(self, old_ppr: etree._Element) -> etree._Element:
        """``w:pPrChange`` recording the paragraph properties before the change."""
        ch = el("pPrChange", self._attrs())
        ch.append(old_ppr)
        return ch


# --------------------------------------------------------------------------- runs and paragraphs


def run(text: str, *, deleted: bool = False, italic: bool = False, rtl: bool = False,
        style: Optional[str] = None, bold: bool = False) -> etree._Element:
    """A ``w:r`` with text; tabs become ``w:tab``; deleted text goes in ``w:delText``."""
    r = el("r")
    if italic or rtl or style or bold:
        rpr = sub(r, "rPr")
        if style:
            sub(rpr, "rStyle", {"val": style})
        if bold:
            sub(rpr, "b")
            sub(rpr, "bCs")
        if italic:
            sub(rpr, "i")
            sub(rpr, "iCs")
        if rtl:
            sub(rpr, "rtl")
    tag = "delText" if deleted else "t"
    for k, piece in enumerate(clean_text(text).split("\t")):
        if k:
            sub(r, "tab")
        if piece:
            t = sub(r, tag)
            t.text = piece
            t.set(f"{{{XML_NS}}}space", "preserve")
    return r


def footnote_ref_run(footnote_id: int, note: str = "footnote") -> etree._Element:
    """A run holding a footnote (or, ``note="endnote"``, an endnote) reference."""
    r = el("r")
    rpr = sub(r, "rPr")
    sub(rpr, "rStyle", {"val": "FootnoteReference"})
    sub(r, f"{note}Reference", {"id": footnote_id})
    return r


_PPR_ORDER = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
              "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
              "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
              "rPr", "sectPr", "pPrChange"]


def ppr(style: Optional[str] = None, *, num: Optional[tuple[int, int]] = None, bidi: bool = False,
        page_break_before: bool = False, keep_next: bool = False, jc: Optional[str] = None,
        tab: Optional[int] = None) -> etree._Element:
    """Paragraph properties in schema order.  ``num`` = (numId, ilvl); ``tab``: a left tab
    stop at that position (twips), where a typed number's label ends."""
    p = el("pPr")
    if style:
        sub(p, "pStyle", {"val": style})
    if keep_next:
        sub(p, "keepNext")
    if page_break_before:
        sub(p, "pageBreakBefore")
    if num is not None:
        numpr = sub(p, "numPr")
        sub(numpr, "ilvl", {"val": num[1]})
        sub(numpr, "numId", {"val": num[0]})
    if tab is not None:
        sub(sub(p, "tabs"), "tab", {"val": "left", "pos": tab})
    if bidi:
        sub(p, "bidi")
    if jc:
        sub(p, "jc", {"val": jc})
    return p


def set_mark_revision(p_pr: etree._Element, mark: etree._Element) -> None:
    """Track the paragraph mark: put ``mark`` first in ``w:pPr/w:rPr`` (created in order)."""
    rpr = p_pr.find(w("rPr"))
    if rpr is None:
        rpr = el("rPr")
        insert_in_order(p_pr, rpr, _PPR_ORDER)
    rpr.insert(0, mark)


def insert_in_order(parent: etree._Element, child: etree._Element, order: list[str]) -> None:
    """Insert ``child`` among ``parent``'s children respecting the schema sequence ``order``."""
    name = etree.QName(child).localname
    rank = order.index(name)
    for i, existing in enumerate(parent):
        if order.index(etree.QName(existing).localname) > rank:
            parent.insert(i, child)
            return
    parent.append(child)


def paragraph(p_pr: Optional[etree._Element] = None, children: Iterable[etree._Element] = ()) -> etree._Element:
    p = el("p")
    if p_pr is not None and len(p_pr):
        p.append(p_pr)
    for c in children:
        p.append(c)
    return p


def bookmark(ids: Ids, name: str) -> tuple[etree._Element, etree._Element]:
    bid = ids()
    return el("bookmarkStart", {"id": bid, "name": name}), el("bookmarkEnd", {"id": bid})


# --------------------------------------------------------------------------- parts


def document_part(body_children: Iterable[etree._Element], sect_pr: etree._Element) -> etree._Element:
    doc = el("document")
    body = sub(doc, "body")
    for c in body_children:
        body.append(c)
    body.append(sect_pr)
    return doc


#: page header/footer parts a redline may carry: kind → (part name, relationship id, root tag)
STORIES = {"header": ("header1.xml", "rId10", "hdr"), "footer": ("footer1.xml", "rId11", "ftr")}


def story_part(kind: str, paragraphs: list[etree._Element]) -> etree._Element:
    """A page header (``w:hdr``) or footer (``w:ftr``) part holding ``paragraphs``
    (at least one; its last paragraph mark untracked, like a cell's)."""
    root = el(STORIES[kind][2])
    paragraphs = paragraphs or [paragraph()]
    settle_cell_marks(paragraphs)
    for p in paragraphs:
        root.append(p)
    return root


def sect_pr(*, landscape: bool = False, margins_twips: int = 1440, stories: Iterable[str] = ()) -> etree._Element:
    """Section properties; ``stories``: the kinds of :data:`STORIES` the package carries
    (their references come first in ``w:sectPr``)."""
    s = el("sectPr")
    for kind in ("header", "footer"):
        if kind in stories:
            ref = sub(s, f"{kind}Reference", {"type": "default"})
            ref.set(f"{{{R_NS}}}id", STORIES[kind][1])
    wd, ht = (16838, 11906) if landscape else (11906, 16838)   # A4
    attrs = {"w": wd, "h": ht}
    if landscape:
        attrs["orient"] = "landscape"
    sub(s, "pgSz", attrs)
    m = margins_twips
    sub(s, "pgMar", {"top": m, "right": m, "bottom": m, "left": m, "header": 708, "footer": 708, "gutter": 0})
    return s


def footnotes_part(notes: list[tuple[int, list[etree._Element]]], note: str = "footnote") -> etree._Element:
    """``word/footnotes.xml`` (or ``endnotes.xml`` with ``note="endnote"``): the two
    separators (ids -1 and 0) then ``notes`` as (id, paragraph-content runs) — each
    note gets the reference mark first."""
    root = el(f"{note}s")
    for fid, kind, inner in ((-1, "separator", "separator"), (0, "continuationSeparator", "continuationSeparator")):
        fn = sub(root, note, {"type": kind, "id": fid})
        p = sub(fn, "p")
        pp = sub(p, "pPr")
        sp = sub(pp, "spacing", {"after": 0, "line": 240, "lineRule": "auto"})
        del sp
        r = sub(p, "r")
        sub(r, inner)
    for fid, runs in notes:
        fn = sub(root, note, {"id": fid})
        p = sub(fn, "p")
        pp = sub(p, "pPr")
        sub(pp, "pStyle", {"val": "FootnoteText"})
        r = sub(p, "r")
        rpr = sub(r, "rPr")
        sub(rpr, "rStyle", {"val": "FootnoteReference"})
        sub(r, f"{note}Ref")
        sp_run = run(" ")
        p.append(sp_run)
        for x in runs:
            p.append(x)
    return root


def xml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# --------------------------------------------------------------------------- styles and numbering parts

#: Properties of a ``w:pPr``/``w:rPr``: ``(w: tag, w: attributes)`` in schema order.
Props = Sequence[tuple[str, dict]]


def props(tag: str, items: Props) -> etree._Element:
    """``props("rPr", [("b", {}), ("sz", {"val": 24})])`` → ``<w:rPr><w:b/><w:sz w:val="24"/></w:rPr>``."""
    e = el(tag)
    for child, attrs in items:
        sub(e, child, attrs)
    return e


def _style(kind: str, style_id: str, name: str, based: Optional[str], *, default: bool,
           custom: bool = False) -> etree._Element:
    """The head every ``w:style`` shares: type, default/custom flags, id, name, base style."""
    attrs: dict = {"type": kind}
    if default:
        attrs["default"] = 1
    if custom:
        attrs["customStyle"] = 1
    attrs["styleId"] = style_id
    e = el("style", attrs)
    sub(e, "name", {"val": name})
    if based:
        sub(e, "basedOn", {"val": based})
    return e


def paragraph_style(style_id: str, name: str, ppr: Props = (), rpr: Props = (), *, based: Optional[str] = "Normal",
                    next_style: Optional[str] = None, custom: bool = True, default: bool = False) -> etree._Element:
    """A ``w:style`` of type paragraph (custom styles are shown in Word's quick gallery: ``w:qFormat``)."""
    e = _style("paragraph", style_id, name, based, default=default, custom=custom)
    if next_style:
        sub(e, "next", {"val": next_style})
    sub(e, "qFormat")
    e.append(props("pPr", ppr))
    if custom:
        e.append(props("rPr", rpr))
    return e


def character_style(style_id: str, name: str, rpr: Props = (), *, based: Optional[str] = None, default: bool = False,
                    ui_priority: Optional[int] = None, semi_hidden: bool = False) -> etree._Element:
    """A ``w:style`` of type character."""
    e = _style("character", style_id, name, based, default=default)
    if ui_priority is not None:
        sub(e, "uiPriority", {"val": ui_priority})
    if semi_hidden:
        sub(e, "semiHidden")
    if rpr:
        e.append(props("rPr", rpr))
    return e


def styles_part(default_rpr: Props, default_ppr: Props, styles: Iterable[etree._Element]) -> etree._Element:
    """``word/styles.xml``: document defaults, then the styles."""
    root = el("styles")
    defaults = sub(root, "docDefaults")
    sub(defaults, "rPrDefault").append(props("rPr", default_rpr))
    sub(defaults, "pPrDefault").append(props("pPr", default_ppr))
    root.extend(styles)
    return root


def num_level(ilvl: int, fmt: str, text: str, *, left: int, first: int, tab: int, start: int = 1) -> etree._Element:
    """One ``w:lvl`` of a list: number format, label text (``"%1."``), left-aligned label,
    a tab stop after it at ``tab`` and the paragraph indents (``left``, ``first`` line)."""
    e = el("lvl", {"ilvl": ilvl})
    sub(e, "start", {"val": start})
    sub(e, "numFmt", {"val": fmt})
    sub(e, "lvlText", {"val": text})
    sub(e, "lvlJc", {"val": "left"})
    p_pr = sub(e, "pPr")
    sub(sub(p_pr, "tabs"), "tab", {"val": "num", "pos": tab})
    sub(p_pr, "ind", {"left": left, "firstLine": first})
    return e


def numbering_part(abstracts: dict[int, list[etree._Element]],
                   nums: Iterable[tuple[int, int, Optional[tuple[int, int]]]]) -> etree._Element:
    """``word/numbering.xml``: multilevel abstract lists (id → levels), then the list
    instances ``(numId, abstractNumId, (ilvl, start) override or None)``."""
    root = el("numbering")
    for aid, levels in abstracts.items():
        a = sub(root, "abstractNum", {"abstractNumId": aid})
        sub(a, "multiLevelType", {"val": "multilevel"})
        a.extend(levels)
    for num_id, aid, override in nums:
        n = sub(root, "num", {"numId": num_id})
        sub(n, "abstractNumId", {"val": aid})
        if override:
            o = sub(n, "lvlOverride", {"ilvl": override[0]})
            sub(o, "startOverride", {"val": override[1]})
    return root


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
</Relationships>"""

SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W_NS}">
<w:defaultTabStop w:val="720"/>
<w:characterSpacingControl w:val="doNotCompress"/>
<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
</w:settings>"""

APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Resolution Compare</Application></Properties>"""


def _escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities: XML element text.  (Not :mod:`xml.sax.saxutils`, whose
    import pulls in urllib.request, http.client, ssl and email: ~15 ms of every redline process.)"""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def core_props(title: str, creator: str, date: str) -> bytes:
    escape = _escape
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(clean_text(title))}</dc:title><dc:creator>{escape(clean_text(creator))}</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode("utf-8")


def package(document: etree._Element, styles: etree._Element, numbering: etree._Element, footnotes: etree._Element,
            *, title: str, creator: str, date: str, stories: Optional[dict[str, etree._Element]] = None,
            endnotes: Optional[etree._Element] = None) -> bytes:
    """Zip the parts into a ``.docx`` (deterministic: fixed member order and timestamps).
    ``stories``: page header/footer parts by kind (see :func:`story_part`)."""
    stories = stories or {}
    types, rels, settings = CONTENT_TYPES, DOC_RELS, SETTINGS
    if endnotes is not None:
        types = types.replace("</Types>", '<Override PartName="/word/endnotes.xml" ContentType="application/'
                                          'vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/>\n</Types>')
        rels = rels.replace("</Relationships>", '<Relationship Id="rId12" Type="http://schemas.openxmlformats.org/'
                                                'officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>\n'
                                                "</Relationships>")
        settings = settings.replace("<w:compat>", '<w:endnotePr><w:endnote w:id="-1"/><w:endnote w:id="0"/>'
                                                  "</w:endnotePr>\n<w:compat>")
    for kind in stories:
        name, rid, _ = STORIES[kind]
        types = types.replace("</Types>", f'<Override PartName="/word/{name}" ContentType="application/'
                                          f'vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"/>\n</Types>')
        rels = rels.replace("</Relationships>", f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/'
                                                f'officeDocument/2006/relationships/{kind}" Target="{name}"/>\n'
                                                "</Relationships>")
    parts = [
        ("[Content_Types].xml", types.encode("utf-8")),
        ("_rels/.rels", ROOT_RELS.encode("utf-8")),
        ("docProps/core.xml", core_props(title, creator, date)),
        ("docProps/app.xml", APP.encode("utf-8")),
        ("word/_rels/document.xml.rels", rels.encode("utf-8")),
        ("word/document.xml", xml_bytes(document)),
        ("word/styles.xml", xml_bytes(styles)),
        ("word/settings.xml", settings.encode("utf-8")),
        ("word/numbering.xml", xml_bytes(numbering)),
        ("word/footnotes.xml", xml_bytes(footnotes)),
    ]
    parts += [(f"word/{STORIES[kind][0]}", xml_bytes(root)) for kind, root in stories.items()]
    if endnotes is not None:
        parts.append(("word/endnotes.xml", xml_bytes(endnotes)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue()


# --------------------------------------------------------------------------- tables


def mark_revision(p: etree._Element) -> Optional[etree._Element]:
    """The revision element tracking ``p``'s paragraph mark, if any."""
    rpr = p.find(f"{w('pPr')}/{w('rPr')}")
    if rpr is None:
        return None
    return next((e for e in rpr if etree.QName(e).localname in REV_KINDS), None)


def settle_cell_marks(paras: list[etree._Element]) -> None:
    """A cell's last paragraph mark ends the cell and cannot be inserted or deleted
    (accepting would join it to the next cell).  Its revision moves to the mark
    before it when that one is untracked — accept and reject then give the same
    paragraphs — and is dropped otherwise (an empty paragraph may stay)."""
    last = mark_revision(paras[-1])
    if last is None:
        return
    last.getparent().remove(last)
    if etree.QName(last).localname in ("ins", "del") and len(paras) > 1 and mark_revision(paras[-2]) is None:
        set_mark_revision(_ensure_ppr(paras[-2]), last)


def _ensure_ppr(p: etree._Element) -> etree._Element:
    p_pr = p.find(w("pPr"))
    if p_pr is None:
        p_pr = el("pPr")
        p.insert(0, p_pr)
    return p_pr


def tracked_table(rows: list[tuple[Optional[etree._Element], list[list[etree._Element]]]],
                  width: int = 9000) -> etree._Element:
    """A bordered table whose cells hold the given paragraphs.  A row may carry a
    row revision (``w:trPr/w:ins`` inserted row, ``w:trPr/w:del`` deleted row,
    ECMA-376 Part 1 §17.13.5): accepting a deleted row removes it, rejecting an
    inserted one does.  Every cell gets at least one paragraph, its last mark untracked."""
    ncols = max((len(cells) for _, cells in rows), default=1) or 1
    col = max(width // ncols, 400)
    tbl = el("tbl")
    pr = sub(tbl, "tblPr")
    sub(pr, "tblW", {"w": col * ncols, "type": "dxa"})
    borders = sub(pr, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        sub(borders, side, {"val": "single", "sz": 4, "space": 0, "color": "auto"})
    sub(pr, "tblLayout", {"type": "fixed"})
    grid = sub(tbl, "tblGrid")
    for _ in range(ncols):
        sub(grid, "gridCol", {"w": col})
    for rev, cells in rows:
        tr = sub(tbl, "tr")
        if rev is not None:
            sub(tr, "trPr").append(rev)
        for k, paras in enumerate(cells):
            tc = sub(tr, "tc")
            tcpr = sub(tc, "tcPr")
            span = ncols - len(cells) + 1 if k == len(cells) - 1 else 1
            sub(tcpr, "tcW", {"w": col * span, "type": "dxa"})
            if span > 1:
                sub(tcpr, "gridSpan", {"val": span})
            paras = paras or [paragraph()]
            settle_cell_marks(paras)
            for p in paras:
                tc.append(p)
    return tbl
