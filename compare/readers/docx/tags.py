"""Element names and small attribute readers shared by the Word reader's modules."""
from __future__ import annotations

from typing import Optional

from lxml import etree

from ...namespaces import W_NS


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


TRACK_TAGS = {w(t) for t in ("ins", "del", "moveFrom", "moveTo", "pPrChange", "rPrChange",
                               "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange",
                               "cellIns", "cellDel", "cellMerge", "numberingChange")}


REMOVED = {w("del"), w("moveFrom")}


TRANSPARENT = {w("ins"), w("moveTo"), w("hyperlink"), w("smartTag"), w("customXml"),
                w("fldSimple"), w("dir"), w("bdo")}


SKIP = {w("pPr"), w("rPr"), w("proofErr"), w("bookmarkStart"), w("bookmarkEnd"),
         w("commentRangeStart"), w("commentRangeEnd"), w("permStart"), w("permEnd"),
         w("moveFromRangeStart"), w("moveFromRangeEnd"), w("moveToRangeStart"), w("moveToRangeEnd")}


def is_on(el: Optional[etree._Element]) -> Optional[bool]:
    if el is None:
        return None
    val = el.get(w("val"))
    return val not in ("0", "false", "off", "none")


def to_int(s: Optional[str], default):
    try:
        return int(s) if s is not None else default
    except ValueError:
        return default


def hex_int(s: Optional[str]) -> Optional[int]:
    try:
        return int(s, 16) if s else None
    except ValueError:
        return None
