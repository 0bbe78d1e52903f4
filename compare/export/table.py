"""The compilation table: one row per paragraph lineage, one column per version.

Each cell holds the paragraph id(s) of that version and its text, with the
changes against the previous column marked — from the comparisons' own
``Pair.diff`` segments, never diffed again here:

* ``csv`` (and the :func:`compilation_frame` cells): plain markers,
  deletions ``[-like this-]``, insertions ``{+like this+}``;
* ``docx`` (landscape) and ``xlsx``: rich text, insertions bold + underlined
  (blue), deletions struck through (red), so the table reads in black and white.

A paragraph deleted in a version shows, in that version's column, the deleted
text struck through after ``(deleted)``; a paragraph absent from a version
(not yet written, or outside an excerpt) leaves the cell empty; one that comes
back after being deleted (``Lineage.restored``) stays on its row and opens with
``(restored)``.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Optional

import pandas as pd

from ..model import Lineage, Pair

FORMATS = ("docx", "xlsx", "csv")
INS_COLOR, DEL_COLOR = "1F4E9A", "B00000"


@dataclass
class Cell:
    """One cell: ``head`` (the ids, e.g. ``"OP3 + OP4"``) and ``parts``: (op, text)
    with op ``equal`` / ``insert`` / ``delete`` (``note`` for our own words)."""

    head: str
    parts: list[tuple[str, str]]

    @property
    def empty(self) -> bool:
        return not self.head and not self.parts

    def marked(self) -> str:
        """Plain text with ``[-…-]`` / ``{+…+}`` markers."""
        if self.empty:
            return ""
        out = []
        for op, text in self.parts:
            if op == "delete":
                out.append(f"[-{text}-]")
            elif op == "insert":
                out.append(f"{{+{text}+}}")
            else:
                out.append(text)
        body = "".join(out)
        return f"{self.head}: {body}" if self.head else body


def version_labels(lineage: Lineage) -> list[str]:
    """Column names: the version labels, made unique (``"v3"`` for an empty one)."""
    seen: dict[str, int] = {}
    out = []
    for v, d in enumerate(lineage.versions):
        lab = (d.label or "").strip() or f"v{v + 1}"
        if lab in seen:
            seen[lab] += 1
            lab = f"{lab} ({seen[lab]})"
        else:
            seen[lab] = 1
        out.append(lab)
    return out


def _segments_of(pairs: list[Pair]) -> list[tuple[str, str]]:
    parts: list[tuple[str, str]] = []
    for k, p in enumerate(pairs):
        if k:
            parts.append(("equal", "\n"))
        if not p.new:
            parts.append(("note", "(deleted) "))
        for s in p.diff:
            parts.append((s.op, s.text))
    return parts


def cells(lineage: Lineage) -> list[list[Cell]]:
    """The table as :class:`Cell` objects, ``[row][version]``."""
    docs = lineage.versions
    texts = [{p.id: p.text for p in d.paragraphs} for d in docs]
    new_pos = [{p.id: i for i, p in enumerate(d.paragraphs)} for d in docs]
    out: list[list[Cell]] = []
    for r, row in enumerate(lineage.rows):
        line: list[Cell] = []
        for v, ids in enumerate(row):
            prev = row[v - 1] if v else []
            pairs: list[Pair] = []
            if v and v - 1 < len(lineage.comparisons):
                ids_set, prev_set = set(ids), set(prev)
                pairs = [p for p in lineage.comparisons[v - 1].pairs
                         if (set(p.new) & ids_set) or (not p.new and set(p.old) & prev_set)]
                big = len(docs[v].paragraphs) + 1
                pairs.sort(key=lambda p: (new_pos[v].get(p.new[0], big) if p.new else big))
            covered = {i for p in pairs for i in p.new}
            plain = [i for i in ids if i not in covered]
            if not ids and not pairs:
                line.append(Cell("", []))
                continue
            parts = _segments_of(pairs)
            if lineage.restored.get(r) == v:
                parts.insert(0, ("note", "(restored) "))
            for i in plain:
                if parts:
                    parts.append(("equal", "\n"))
                parts.append(("equal", texts[v].get(i, "")))
            head = " + ".join(ids) if ids else ""
            line.append(Cell(head, parts))
        out.append(line)
    return out


def compilation_frame(lineage: Lineage) -> pd.DataFrame:
    """One row per lineage row (``Lineage.rows``), one column per version; each cell
    ``"<ids>: <text>"`` with changes against the previous column as ``[-…-]``/``{+…+}``
    (empty string where the lineage is absent)."""
    cols = version_labels(lineage)
    data = [[c.marked() for c in row] for row in cells(lineage)]
    df = pd.DataFrame(data, columns=cols, dtype=object)
    df.index = pd.RangeIndex(1, len(df) + 1, name="row")
    return df


def table_bytes(lineage: Lineage, fmt: str) -> bytes:
    """The compilation table as a ``docx``, ``xlsx`` or ``csv`` file's bytes."""
    fmt = fmt.lower().lstrip(".")
    if fmt == "csv":
        buf = io.StringIO()
        compilation_frame(lineage).to_csv(buf, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        return buf.getvalue().encode("utf-8-sig")
    if fmt == "xlsx":
        return _xlsx(lineage)
    if fmt == "docx":
        return _docx(lineage)
    raise ValueError(f"unknown table format {fmt!r}: use one of {', '.join(FORMATS)}")


# --------------------------------------------------------------------------- xlsx


def _xlsx(lineage: Lineage) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.styles import Alignment, Font

    df = compilation_frame(lineage)      # the frame fixes columns and rows
    grid = cells(lineage)
    wb = Workbook()
    ws = wb.active
    ws.title = "Compilation"
    ws.append(list(df.columns))
    for c in ws[1]:
        c.font = Font(bold=True)
    ins_font = InlineFont(b=True, u="single", color=INS_COLOR)
    del_font = InlineFont(strike=True, color=DEL_COLOR)
    head_font = InlineFont(b=True)
    note_font = InlineFont(i=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(grid, start=2):
        for v, cell in enumerate(row, start=1):
            target = ws.cell(row=r, column=v)
            target.alignment = wrap
            if cell.empty:
                continue
            blocks: list = [TextBlock(head_font, f"{cell.head}: ")] if cell.head else []
            changed = False
            for op, text in cell.parts:
                if not text:
                    continue
                if op == "insert":
                    blocks.append(TextBlock(ins_font, text))
                    changed = True
                elif op == "delete":
                    blocks.append(TextBlock(del_font, text))
                    changed = True
                elif op == "note":
                    blocks.append(TextBlock(note_font, text))
                else:
                    blocks.append(text)
            target.value = CellRichText(blocks) if (changed or cell.head) else cell.marked()
    for v in range(1, len(df.columns) + 1):
        ws.column_dimensions[ws.cell(row=1, column=v).column_letter].width = 60
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# --------------------------------------------------------------------------- docx


def _docx(lineage: Lineage) -> bytes:
    from docx import Document as Docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    df = compilation_frame(lineage)
    grid = cells(lineage)
    doc = Docx()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    if sec.page_width < sec.page_height:
        sec.page_width, sec.page_height = sec.page_height, sec.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Pt(36))
    style = doc.styles["Normal"]
    style.font.size = Pt(9)
    doc.add_paragraph().add_run("Compilation table: " + " → ".join(df.columns)).bold = True
    legend = doc.add_paragraph()
    legend.add_run("Changes against the previous column: ")
    r = legend.add_run("inserted")
    r.bold, r.underline, r.font.color.rgb = True, True, RGBColor.from_string(INS_COLOR)
    legend.add_run(", ")
    r = legend.add_run("deleted")
    r.font.strike, r.font.color.rgb = True, RGBColor.from_string(DEL_COLOR)
    legend.add_run(".")
    table = doc.add_table(rows=1, cols=len(df.columns))
    table.style = "Table Grid"
    hdr = table.rows[0]
    for v, name in enumerate(df.columns):
        hdr.cells[v].paragraphs[0].add_run(str(name)).bold = True
    # repeat the header row on each page
    tr_pr = hdr._tr.get_or_add_trPr()
    h = OxmlElement("w:tblHeader")
    h.set(qn("w:val"), "true")
    tr_pr.append(h)
    for row in grid:
        tr = table.add_row()
        for v, cell in enumerate(row):
            para = tr.cells[v].paragraphs[0]
            if cell.empty:
                continue
            if cell.head:
                para.add_run(cell.head + ": ").bold = True
            for op, text in cell.parts:
                if not text:
                    continue
                for k, piece in enumerate(text.split("\n")):
                    if k:
                        para = tr.cells[v].add_paragraph()
                    if not piece:
                        continue
                    run = para.add_run(_xml_safe(piece))
                    if op == "insert":
                        run.bold, run.underline = True, True
                        run.font.color.rgb = RGBColor.from_string(INS_COLOR)
                    elif op == "delete":
                        run.font.strike = True
                        run.font.color.rgb = RGBColor.from_string(DEL_COLOR)
                    elif op == "note":
                        run.italic = True
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _xml_safe(text: str) -> str:
    from .ooxml import clean_text

    return clean_text(text)


def default_format(path: str) -> Optional[str]:
    """``docx``/``xlsx``/``csv`` from a file name, or None."""
    low = path.lower()
    for f in FORMATS:
        if low.endswith("." + f):
            return f
    return None
