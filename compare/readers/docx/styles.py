"""Word styles: the italic/bold/numbering/outline facts a paragraph inherits."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from lxml import etree

from .tags import is_on, to_int, w


@dataclass
class Style:
    type: str
    based_on: Optional[str]
    name: str
    italic: Optional[bool]
    bold: Optional[bool]
    num_id: Optional[str]
    ilvl: Optional[int]
    outline: Optional[int]


class Styles:
    """The styles part, read on demand: a template's styles.xml holds a few hundred styles
    (350 KB in Word's default one) of which a document uses a handful, so each style's
    facts are read the first time a paragraph asks for them (~3 ms a file at start-up)."""

    def __init__(self, root: Optional[etree._Element]):
        self._elements: dict[str, etree._Element] = {}
        self._read: dict[str, Style] = {}
        self.default_para: Optional[str] = None
        self.default_italic = self.default_bold = False
        if root is None:
            return
        rpr = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        if rpr is not None:
            self.default_italic = bool(is_on(rpr.find(w("i"))))
            self.default_bold = bool(is_on(rpr.find(w("b"))))
        for st in root.iterchildren(w("style")):
            sid = st.get(w("styleId"))
            if not sid:
                continue
            self._elements[sid] = st        # a repeated id: the last one counts
            if st.get(w("type")) == "paragraph" and st.get(w("default")) in ("1", "true", "on"):
                self.default_para = sid

    def style(self, sid: str) -> Optional[Style]:
        """The style ``sid`` (None when the part has no such style), read once."""
        st = self._read.get(sid)
        if st is None and sid in self._elements:
            st = self._read[sid] = _read_style(self._elements[sid], sid)
        return st

    def chain(self, sid: Optional[str]) -> Iterable[Style]:
        seen = set()
        while sid and sid in self._elements and sid not in seen and len(seen) < 50:
            seen.add(sid)
            st = self.style(sid)
            yield st
            sid = st.based_on

    def prop(self, sid: Optional[str], attr: str):
        for st in self.chain(sid):
            v = getattr(st, attr)
            if v is not None:
                return v
        return None


def _read_style(st: etree._Element, sid: str) -> Style:
    rpr = st.find(w("rPr"))
    ppr = st.find(w("pPr"))
    num = ppr.find(w("numPr")) if ppr is not None else None
    num_id = ilvl = outline = None
    if num is not None:
        n = num.find(w("numId"))
        num_id = n.get(w("val")) if n is not None else None
        lv = num.find(w("ilvl"))
        ilvl = to_int(lv.get(w("val")) if lv is not None else None, None)
    if ppr is not None and ppr.find(w("outlineLvl")) is not None:
        outline = to_int(ppr.find(w("outlineLvl")).get(w("val")), None)
    name_el = st.find(w("name"))
    based = st.find(w("basedOn"))
    return Style(
        type=st.get(w("type")) or "paragraph",
        based_on=based.get(w("val")) if based is not None else None,
        name=(name_el.get(w("val")) if name_el is not None else sid) or sid,
        italic=is_on(rpr.find(w("i"))) if rpr is not None else None,
        bold=is_on(rpr.find(w("b"))) if rpr is not None else None,
        num_id=num_id, ilvl=ilvl, outline=outline,
    )
