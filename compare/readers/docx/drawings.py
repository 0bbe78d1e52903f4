"""Drawings and shapes: text boxes once (``mc:AlternateContent`` carries them twice),
pictures as "[picture: name]" placeholders."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Optional

from lxml import etree

from ...model import Dropped
from ...namespaces import A_NS, MC_NS, R_NS, V_NS, WP_NS
from .tags import w


def alternate(ac: etree._Element) -> Optional[etree._Element]:
    """``mc:AlternateContent`` carries the same content twice: read the first
    ``mc:Choice`` (what Word shows), else the ``mc:Fallback`` — never both."""
    choice = ac.find(f"{{{MC_NS}}}Choice")
    return choice if choice is not None else ac.find(f"{{{MC_NS}}}Fallback")


def inside_box(box: etree._Element, top: etree._Element) -> bool:
    """Is ``box`` nested in another text box below ``top`` (read with that one)?"""
    anc = box.getparent()
    while anc is not None and anc is not top:
        if anc.tag == w("txbxContent"):
            return True
        if anc.tag == f"{{{MC_NS}}}Fallback":
            return True           # the fallback copy of a Choice read already
        anc = anc.getparent()
    return False


@dataclass
class Graphic:
    """What a drawing, VML picture or embedded object holds for a reader."""

    boxes: list[etree._Element] = field(default_factory=list)    # w:txbxContent, each once
    pictures: list[str] = field(default_factory=list)            # image file names
    dropped: Optional[Dropped] = None                            # a drawing with neither


def read_graphic(g: etree._Element, rel_targets: dict[str, str]) -> Graphic:
    """Text boxes of ``g`` (read as paragraphs after the anchoring one), else its
    pictures by file name — so replacing a picture is a change — else a dropped
    entry naming the drawing."""
    boxes = [b for b in g.iter(w("txbxContent")) if not inside_box(b, g)]
    if boxes:
        return Graphic(boxes=boxes)
    names = []
    for blip in g.iter(f"{{{A_NS}}}blip", f"{{{V_NS}}}imagedata"):
        rid = blip.get(f"{{{R_NS}}}embed") or blip.get(f"{{{R_NS}}}id") or blip.get(f"{{{R_NS}}}link")
        target = rel_targets.get(rid or "")
        if target:
            names.append(posixpath.basename(target))
    if names:
        return Graphic(pictures=names)
    if g.tag in (w("drawing"), w("object")):
        pr = next(g.iter(f"{{{WP_NS}}}docPr"), None)
        name = pr.get("name") if pr is not None else None
        return Graphic(dropped=Dropped(f"[{name or 'drawing'}]", "drawing or object without text"))
    return Graphic()
