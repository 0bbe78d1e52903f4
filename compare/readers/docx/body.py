"""Body, table cells, notes and text boxes: paragraphs in reading order, each once,
with their table position."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from lxml import etree

from ...model import Dropped
from ...namespaces import MC_NS, R_NS
from .chunks import CHUNK_NOT_READ
from .drawings import alternate
from .paragraphs import Para, ParagraphReader, clean
from .tags import w


@dataclass(frozen=True)
class Where:
    """Where a paragraph sits: its frame and, in a table, its cell path."""

    frame: str = "body"
    cell: Optional[tuple[int, ...]] = None


def plain_text(el: etree._Element) -> str:
    return clean(" ".join("".join(t.text or "" for t in p.iter(w("t"), w("delText"))) for p in el.iter(w("p"))))


def _children(el: etree._Element, tag: str) -> Iterable[etree._Element]:
    """``tag`` children of ``el``, also through content controls and custom XML
    wrapped around them (rows and cells can be wrapped too)."""
    for c in el:
        if c.tag == tag:
            yield c
        elif c.tag == w("sdt"):
            content = c.find(w("sdtContent"))
            if content is not None:
                yield from _children(content, tag)
        elif c.tag == w("customXml"):
            yield from _children(c, tag)


def _dropped_if_deleted(node: etree._Element, props: str, mark: str, dropped: list[Dropped]) -> bool:
    """Whether a row or cell is deleted in a tracked change (``props``/``mark``: ``trPr``/``del``,
    ``tcPr``/``cellDel``); if so its text is listed as dropped (the accepted view has none of it)."""
    pr = node.find(w(props))
    if pr is None or pr.find(w(mark)) is None:
        return False
    text = plain_text(node)
    if text:
        dropped.append(Dropped(text, "deleted in a tracked change"))
    return True


def read_container(container: etree._Element, reader: ParagraphReader, where: Where, tables: list[int],
                    dropped: list[Dropped]) -> Iterable[tuple[Para, Where]]:
    """Paragraphs of a body, cell, note or text box, in reading order, each once:
    a table cell by cell with its (table, row, column) path, a nested table inside
    its cell (read once: no exponential re-reading), a text box after the paragraph
    that anchors it.  Deleted rows and cells (accepted view) are listed as dropped."""
    for child in container:
        tag = child.tag
        if tag == w("p"):
            para = reader.paragraph(child)
            yield para, where
            for box in para.boxes:
                # a text box anchored in a table cell stays with that cell (its position)
                yield from read_container(box, reader, Where("textbox", where.cell), tables, dropped)
        elif tag == w("tbl"):
            tables[0] += 1
            t = tables[0]
            for r_i, tr in enumerate(_children(child, w("tr")), 1):
                if _dropped_if_deleted(tr, "trPr", "del", dropped):
                    continue
                for c_i, tc in enumerate(_children(tr, w("tc")), 1):
                    if _dropped_if_deleted(tc, "tcPr", "cellDel", dropped):
                        continue
                    yield from read_container(tc, reader, Where("cell", (where.cell or ()) + (t, r_i, c_i)),
                                               tables, dropped)
        elif tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from read_container(content, reader, where, tables, dropped)
        elif tag in (w("customXml"), w("ins"), w("moveTo")):
            yield from read_container(child, reader, where, tables, dropped)
        elif tag in (w("del"), w("moveFrom")):
            text = plain_text(child)
            if text:
                dropped.append(Dropped(text, "deleted in a tracked change"))
        elif tag == w("altChunk"):
            yield from ((para, where) for para in _alt_chunk(child, reader, dropped))
        elif tag == f"{{{MC_NS}}}AlternateContent":
            chosen = alternate(child)
            if chosen is not None:
                yield from read_container(chosen, reader, where, tables, dropped)


def _alt_chunk(el: etree._Element, reader: ParagraphReader, dropped: list[Dropped]) -> list[Para]:
    """Imported content Word merges in place when it opens the file: its paragraphs, or dropped."""
    name = reader.rel_targets.get(el.get(f"{{{R_NS}}}id") or "")
    if reader.chunks is None:          # (a reader made without the package: no way to read the part)
        dropped.append(Dropped("[imported content]", CHUNK_NOT_READ))
        return []
    return reader.chunks.paras(name, dropped)


def merge_deleted_marks(items: list[tuple[Para, Where]]) -> list[tuple[Para, Where]]:
    """Accept deleted paragraph marks: the paragraph joins the next one (in the same
    cell, note or text box).  The joined paragraph keeps the first part's properties
    when it has text, else the next's."""
    out: list[tuple[Para, Where]] = []
    carry: Optional[Para] = None
    carry_where: Optional[Where] = None
    for para, where in items:
        if carry is not None and carry_where != where:
            out.append((carry, carry_where))
            carry = None
        if carry is not None:
            has_text = any(pc.text.strip() for pc in carry.pieces)
            if has_text:
                para = Para(carry.pieces + para.pieces, carry.style, carry.num_id, carry.ilvl,
                             para.mark_deleted)
            else:
                para = Para(carry.pieces + para.pieces, para.style, para.num_id, para.ilvl,
                             para.mark_deleted)
            carry = None
        if para.mark_deleted:
            carry, carry_where = para, where
            continue
        out.append((para, where))
    if carry is not None:
        out.append((carry, carry_where))
    return out
