"""One Word paragraph → pieces of text: runs, fields' displayed results, hyperlinks,
content controls, footnote/endnote markers, equations, pictures; hidden and
deleted text listed as dropped; text boxes handed back to be read after it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from lxml import etree

from ...model import Dropped, marker
from ...namespaces import M_NS, MC_NS
from .drawings import alternate, read_graphic
from .equations import omml_linear
from .notes import Notes
from .styles import Styles
from .tags import REMOVED, SKIP, TRANSPARENT, hex_int, is_on, to_int, w

if TYPE_CHECKING:
    from .chunks import Chunks


@dataclass
class Piece:
    text: str
    italic: bool = False
    bold: bool = False
    is_marker: bool = False


@dataclass
class Para:
    pieces: list[Piece]
    style: Optional[str]
    num_id: Optional[str]
    ilvl: Optional[int]
    mark_deleted: bool
    boxes: list[etree._Element] = field(default_factory=list)   # w:txbxContent anchored here
    label: Optional[str] = None       # a list number an imported HTML list gives (Word's own: numbering)


class ParagraphReader:
    def __init__(self, styles: Styles, footnotes: Notes, endnotes: Notes,
                 rel_targets: Optional[dict[str, str]] = None, chunks: Optional["Chunks"] = None):
        self.styles = styles
        self.footnotes = footnotes
        self.endnotes = endnotes
        self.rel_targets = rel_targets or {}          # r:id → part name (pictures, imported chunks)
        self.chunks = chunks                          # reads w:altChunk parts (None: listed as dropped)
        self.dropped: list[Dropped] = []
        self._boxes: list[etree._Element] = []

    # -- run properties
    def _run_flags(self, r: etree._Element, pstyle: Optional[str]) -> tuple[bool, bool, bool]:
        rpr = r.find(w("rPr"))
        italic = bold = None
        hidden = False
        rstyle = None
        if rpr is not None:
            italic = is_on(rpr.find(w("i")))
            bold = is_on(rpr.find(w("b")))
            hidden = bool(is_on(rpr.find(w("vanish"))))
            rs = rpr.find(w("rStyle"))
            rstyle = rs.get(w("val")) if rs is not None else None
        if italic is None:
            italic = self.styles.prop(rstyle, "italic")
        if italic is None:
            italic = self.styles.prop(pstyle, "italic")
        if bold is None:
            bold = self.styles.prop(rstyle, "bold")
        if bold is None:
            bold = self.styles.prop(pstyle, "bold")
        return (bool(italic) if italic is not None else self.styles.default_italic,
                bool(bold) if bold is not None else self.styles.default_bold, hidden)

    def paragraph(self, p: etree._Element) -> Para:
        ppr = p.find(w("pPr"))
        pstyle = num_id = None
        ilvl = None
        mark_deleted = False
        if ppr is not None:
            ps = ppr.find(w("pStyle"))
            pstyle = ps.get(w("val")) if ps is not None else None
            num = ppr.find(w("numPr"))
            if num is not None:
                n = num.find(w("numId"))
                num_id = n.get(w("val")) if n is not None else None
                lv = num.find(w("ilvl"))
                ilvl = to_int(lv.get(w("val")) if lv is not None else None, None)
            rpr = ppr.find(w("rPr"))
            if rpr is not None and (rpr.find(w("del")) is not None or rpr.find(w("moveFrom")) is not None):
                mark_deleted = True
        if pstyle is None:
            pstyle = self.styles.default_para
        if num_id is None:
            num_id = self.styles.prop(pstyle, "num_id")
            if ilvl is None:
                ilvl = self.styles.prop(pstyle, "ilvl")
        pieces: list[Piece] = []
        self._fields: list[dict] = []
        self._custom: Optional[tuple[str, Notes]] = None
        self._boxes = []
        self._hidden: list[str] = []
        self._deleted: list[str] = []
        self._walk(p, pieces, pstyle)
        for texts, reason in ((self._hidden, "hidden text"), (self._deleted, "deleted in a tracked change")):
            t = clean("".join(texts))
            if t:
                self.dropped.append(Dropped(t, reason))
        return Para(pieces, pstyle, num_id, ilvl, mark_deleted, self._boxes)

    def _emit(self, pieces: list[Piece], text: str, italic: bool, bold: bool) -> None:
        if not text:
            return
        if self._custom is not None:      # text of a custom footnote mark
            note_id, notes = self._custom
            self._custom = None
            notes.custom(note_id, text.strip())
            pieces.append(Piece(marker(text.strip()), is_marker=True))
            return
        for f in reversed(self._fields):
            if f["phase"] == "instr":
                return                       # stray text inside a field code
            if f["kind"] == "NOTEREF":
                f["result"].append(text)
                return
            break
        pieces.append(Piece(text, italic, bold))

    def _walk(self, el: etree._Element, pieces: list[Piece], pstyle: Optional[str]) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIP:
                continue
            if tag in REMOVED:
                self._deleted.extend(t.text or "" for t in child.iter(w("delText"), w("t")))
                continue
            if tag == w("r"):
                self._run(child, pieces, pstyle)
            elif tag == w("fldSimple"):
                instr = (child.get(w("instr")) or "").strip()
                if instr.upper().startswith("NOTEREF"):
                    sub: list[Piece] = []
                    self._walk(child, sub, pstyle)
                    txt = "".join(pc.text for pc in sub).strip()
                    if txt:
                        pieces.append(Piece(marker(txt), is_marker=True))
                else:
                    self._walk(child, pieces, pstyle)
            elif tag in TRANSPARENT:
                self._walk(child, pieces, pstyle)
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._walk(content, pieces, pstyle)
            elif tag == f"{{{M_NS}}}oMath" or tag == f"{{{M_NS}}}oMathPara":
                self._emit(pieces, omml_linear(child), False, False)
            elif tag == f"{{{MC_NS}}}AlternateContent":
                chosen = alternate(child)
                if chosen is not None:
                    self._walk(chosen, pieces, pstyle)
            elif tag in (w("drawing"), w("pict"), w("object")):
                self._graphic(child, pieces)
            # anything else (comment marks, permissions …) carries no text

    def _run(self, r: etree._Element, pieces: list[Piece], pstyle: Optional[str]) -> None:
        italic, bold, hidden = self._run_flags(r, pstyle)
        for c in r:
            tag = c.tag
            if tag == w("fldChar"):
                kind = c.get(w("fldCharType"))
                if kind == "begin":
                    self._fields.append({"phase": "instr", "instr": "", "kind": "", "result": []})
                elif kind == "separate" and self._fields:
                    f = self._fields[-1]
                    f["phase"] = "result"
                    f["kind"] = "NOTEREF" if f["instr"].strip().upper().startswith("NOTEREF") else "OTHER"
                elif kind == "end" and self._fields:
                    f = self._fields.pop()
                    if f["kind"] == "NOTEREF":
                        txt = "".join(f["result"]).strip()
                        if txt and any(g["kind"] == "NOTEREF" for g in self._fields):
                            self._fields[-1]["result"].append(txt)   # nested: let the outer one emit
                        elif txt:
                            pieces.append(Piece(marker(txt), is_marker=True))
                continue
            if tag == w("instrText"):
                if self._fields:
                    self._fields[-1]["instr"] += c.text or ""
                continue
            if self._fields and self._fields[-1]["phase"] == "instr":
                continue
            if hidden:
                if tag == w("t"):
                    self._hidden.append(c.text or "")
                continue
            if tag == f"{{{MC_NS}}}AlternateContent":
                chosen = alternate(c)
                if chosen is not None:
                    for g in chosen:
                        if g.tag in (w("drawing"), w("pict"), w("object")):
                            self._graphic(g, pieces)
                continue
            if tag in (w("drawing"), w("pict"), w("object")):
                self._graphic(c, pieces)
                continue
            if tag == w("ruby"):
                # phonetic guide: the base text is the text; the guide above it is shown too
                base, guide = c.find(w("rubyBase")), c.find(w("rt"))
                if base is not None:
                    self._walk(base, pieces, pstyle)
                if guide is not None:
                    sub: list[Piece] = []
                    self._walk(guide, sub, pstyle)
                    text = "".join(pc.text for pc in sub).strip()
                    if text:
                        pieces.append(Piece(f" ({text}) "))
                continue
            if tag == w("t"):
                self._emit(pieces, c.text or "", italic, bold)
            elif tag in (w("tab"), w("ptab")):
                self._emit(pieces, "\t", italic, bold)
            elif tag in (w("br"), w("cr")):
                if c.get(w("type")) in ("page", "column"):
                    continue
                self._emit(pieces, "\n", italic, bold)
            elif tag == w("noBreakHyphen"):
                self._emit(pieces, "\u2011", italic, bold)
            elif tag == w("sym"):
                code = hex_int(c.get(w("char")))
                if code is not None:
                    if 0xF000 <= code <= 0xF0FF:
                        code -= 0xF000
                    if code >= 0x20:
                        self._emit(pieces, chr(code), italic, bold)
            elif tag in (w("footnoteReference"), w("endnoteReference")):
                notes = self.footnotes if tag == w("footnoteReference") else self.endnotes
                nid = c.get(w("id")) or ""
                if c.get(w("customMarkFollows")) in ("1", "true", "on"):
                    self._custom = (nid, notes)
                    continue
                pieces.append(Piece(marker(notes.ref(nid)), is_marker=True))


    def _graphic(self, g: etree._Element, pieces: list[Piece]) -> None:
        """Text boxes go to be read after this paragraph, pictures become placeholders."""
        found = read_graphic(g, self.rel_targets)
        self._boxes.extend(found.boxes)
        pieces.extend(Piece(f" [picture: {n}] ") for n in found.pictures)
        if found.dropped is not None:
            self.dropped.append(found.dropped)


#: spaces before a line break; the look-behind makes a match start only where a run of
#: spaces starts, so 100 KB of spaces is one linear pass (tests/hostile/regex_scan.py)
_SPACES_BEFORE_BREAK = re.compile(r"(?<![ \u200b])[ \u200b]+\n")
_SPACES_AFTER_BREAK = re.compile(r"\n[ ]+")
_SPACE_RUN = re.compile(r" {2,}")


def clean(text: str) -> str:
    """Tabs as spaces, no spaces around line breaks, single spaces."""
    text = text.replace("\t", " ").replace("\r", "")
    text = _SPACES_BEFORE_BREAK.sub("\n", text)
    text = _SPACES_AFTER_BREAK.sub("\n", text)
    text = _SPACE_RUN.sub(" ", text)
    return text.strip()


def italic_lead(pieces: list[Piece]) -> Optional[str]:
    lead = []
    started = False
    for pc in pieces:
        if pc.is_marker:
            break
        if not pc.text.strip():
            if started and pc.italic:
                lead.append(pc.text)
                continue
            if started:
                break
            continue
        if not pc.italic:
            break
        started = True
        lead.append(pc.text)
    out = clean("".join(lead))
    return out or None
