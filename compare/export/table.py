"""The compilation table: one row per paragraph lineage, one column per version.

Each cell holds the paragraph id(s) of that version and its text, with the
changes against the previous column marked — from the comparisons' own
``Pair.diff`` segments, never diffed again here:

* ``csv`` (and the :func:`compilation_frame` cells): plain markers,
  deletions ``[-like this-]``, insertions ``{+like this+}``;
* ``docx`` (landscape, A4 by default as the redline; Letter on request) and
  ``xlsx`` (printable: wrapped text, column widths and row heights that fit an
  A4/Letter landscape page, header row repeated on each page, frozen panes): rich text, insertions bold + underlined
  (blue), deletions struck through (red), so the table reads in black and white.

Between versions in different languages (a cross-language comparison, from the
concordance) there is no word diff: the cell holds the text as written after a
note ``(↔ 0.83)`` giving the concordance similarity — the concordance table.

A paragraph deleted in a version shows, in that version's column, the deleted
text struck through after ``(deleted)``; a paragraph absent from a version
(not yet written) leaves the cell empty (one that comes back after being deleted,
``Lineage.restored``, stays on its row and opens with ``(restored)``), while one the neighbouring
comparison did not cover because a version is an excerpt says
``(not in this excerpt)`` — absent and not compared are different answers.
The docx and xlsx tables open with a header row (:func:`header_cells`): each
version's title, symbol, date and sponsors, marked against the previous
column.  The tool's own words follow the language of the latest version
(:mod:`compare.export.words`).
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Optional

import pandas as pd

from ..model import Lineage, Pair
from .labels import cite_all, distinct_labels, unknown, unknown_segments
from .words import colon, word

FORMATS = ("docx", "xlsx", "csv")
#: Paper sizes in millimetres (portrait width, height).
PAPER_MM = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}
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
    return distinct_labels([d.label for d in lineage.versions])


def table_language(lineage: Lineage):
    """The language of the table's own words: the latest version's that states one."""
    for d in reversed(lineage.versions):
        if d.meta.language:
            return d.meta.language
    return None


def _segments_of(pairs: list[Pair], lang=None) -> list[tuple[str, str]]:
    parts: list[tuple[str, str]] = []
    for k, p in enumerate(pairs):
        if k:
            parts.append(("equal", "\n"))
        if not p.new:
            parts.append(("note", word("deleted_note", lang)))
        parts += _marked(p.diff, p.cut_start, p.cut, lang)
    return parts


def _marked(segs, cut_start: bool = False, cut: bool = False, lang=None) -> list[tuple[str, str]]:
    """A diff as the cell shows it: substantive changes struck or underlined; a minor variant only
    as the later version writes it (« l’ », not « [l'] l’ »); words the later copy does not hold
    because it is cut there as "(not in this copy: …)" — never struck as if that version deleted them."""
    shown, hidden = unknown_segments(segs, cut_start, cut)
    out: list[tuple[str, str]] = []
    for k, s in enumerate(segs):
        if not s.minor:
            out.append((s.op, s.text))
        elif s.op != "delete" and k not in hidden:
            out.append(("equal", s.text))
        elif k in shown:
            out.append(("note", unknown(s.text, lang)))
    return out


def _plain_segments_of(pairs: list[Pair], old_texts: dict[str, str], new_texts: dict[str, str],
                       lang: Optional[str] = None) -> list[tuple[str, str]]:
    """Cross-language pairs: the texts as written (no diff to show), with the link's similarity."""
    parts: list[tuple[str, str]] = []
    for k, p in enumerate(pairs):
        if k:
            parts.append(("equal", "\n"))
        if not p.new:
            parts.append(("note", word("deleted_note", lang)))
            parts.append(("delete", "\n".join(old_texts.get(i, "") for i in p.old)))
            continue
        if p.old:
            flags = [word(f, lang) for f, on in (("uncertain", p.uncertain), ("moved", p.moved)) if on]
            parts.append(("note", f"(↔ {p.similarity:.2f}{''.join(', ' + f for f in flags)}) "))
        parts.append(("equal", "\n".join(new_texts.get(i, "") for i in p.new)))
    return parts


def _restored_parts(lineage: Lineage, r: int, v: int, lang) -> list[tuple[str, str]]:
    """A restored paragraph's cell: marked against the text it had when last seen (version u), not
    as all new — "(restored from L.17 OP6) … {+et la société civile+} …"; [] when there is no
    word diff (another language)."""
    u, segs = lineage.restored_from.get(r, (None, []))
    if u is None or not segs:
        return []
    where = f"{version_labels(lineage)[u]} {cite_all(lineage.rows[r][u])}"
    same = all(s.op == "equal" or s.minor for s in segs)
    head = word("restored_same" if same else "restored_from", lang, where=where)
    return [("note", head)] + _marked(segs, lang=lang)


def cells(lineage: Lineage) -> list[list[Cell]]:
    """The table as :class:`Cell` objects, ``[row][version]``."""
    docs = lineage.versions
    lang = table_language(lineage)
    comps = lineage.comparisons
    oos_old = [set(c.out_of_scope.get("old", [])) for c in comps]     # of version v, not covered by v+1
    oos_new = [set(c.out_of_scope.get("new", [])) for c in comps]     # of version v+1, not covered by v
    texts = [{p.id: p.text for p in d.paragraphs} for d in docs]
    out: list[list[Cell]] = []
    for r, row in enumerate(lineage.rows):
        line: list[Cell] = []
        for v, ids in enumerate(row):
            prev = row[v - 1] if v else []
            pairs: list[Pair] = []
            if v and v - 1 < len(lineage.comparisons):
                ids_set, prev_set = set(ids), set(prev)
                # in the comparison's one placement (compare.placement), like every other view
                pairs = [p for p in lineage.comparisons[v - 1].pairs
                         if (set(p.new) & ids_set) or (not p.new and set(p.old) & prev_set)]
            covered = {i for p in pairs for i in p.new}
            plain = [i for i in ids if i not in covered]
            if not ids and not pairs:
                outside = ((v and set(row[v - 1]) & oos_old[v - 1])
                           or (v + 1 < len(docs) and v < len(comps) and set(row[v + 1]) & oos_new[v]))
                line.append(Cell("", [("note", word("not_in_excerpt", lang))] if outside else []))
                continue
            if pairs and lineage.comparisons[v - 1].cross_language:
                parts = _plain_segments_of(pairs, texts[v - 1], texts[v], lang)
            else:
                parts = _segments_of(pairs, lang)
            if lineage.restored.get(r) == v:
                parts = _restored_parts(lineage, r, v, lang) or [("note", word("restored_note", lang))] + parts
            for i in plain:
                if parts:
                    parts.append(("equal", "\n"))
                parts.append(("equal", texts[v].get(i, "")))
            head = cite_all(ids) if ids else ""
            line.append(Cell(head, parts))
        out.append(line)
    return out


def lineage_shows_unknown_numbers(lineage: Lineage) -> bool:
    """Whether the table shows an id with an unknown number (``PP?7``), which it must then explain."""
    return any("?" in i for row in lineage.rows for ids in row for i in ids)


def header_cells(lineage: Lineage) -> list[Cell]:
    """The header row: per version its title, symbol · date · document type and sponsors,
    each marked against the previous column (from ``Comparison.header``), and any other header
    field that changed (session, committee, agenda item, distribution), so no header change the
    redline's summary lists is missing here."""
    lang = table_language(lineage)
    out = []
    for v, d in enumerate(lineage.versions):
        m = d.meta
        h = lineage.comparisons[v - 1].header if v and v - 1 < len(lineage.comparisons) else None
        parts: list[tuple[str, str]] = []
        if h is not None and h.title_diff:
            parts.extend((s.op, s.text) for s in h.title_diff)
        elif m.title:
            parts.append(("equal", m.title))
        changed = h.fields if h is not None else {}
        facts: list[tuple[str, str]] = []
        for name, value in (("symbol", m.symbol), ("date", m.date), ("doc_type", m.doc_type)):
            if name in changed:               # marked like the title: the old value struck, the new inserted
                facts += ([("equal", " · ")] if facts else []) + [("delete", changed[name][0]), ("insert", changed[name][1])]
            elif value:
                facts += ([("equal", " · ")] if facts else []) + [("equal", value)]
        if facts:
            parts.extend(([("equal", "\n")] if parts else []) + facts)
        for name in ("session", "committee", "agenda_item", "distribution"):
            if name in changed:               # not shown in the row unless changed, then named
                parts.extend(([("equal", "\n")] if parts else []) + [("note", word(name, lang) + colon(lang)),
                             ("delete", changed[name][0]), ("insert", changed[name][1])])
        if m.sponsors or (h is not None and h.sponsors_removed):
            parts.extend(([("equal", "\n")] if parts else []) + [("note", word("sponsors", lang) + colon(lang))])
            added = set(h.sponsors_added) if h is not None else set()
            names = [(("insert" if s in added else "equal"), s) for s in m.sponsors]
            names += [("delete", s) for s in (h.sponsors_removed if h is not None else [])]
            for k, (op, name) in enumerate(names):
                if k:
                    parts.append(("equal", ", "))
                parts.append((op, name))
        out.append(Cell("", parts))
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


def table_bytes(lineage: Lineage, fmt: str, paper: str = "A4") -> bytes:
    """The compilation table as a ``docx``, ``xlsx`` or ``csv`` file's bytes; ``paper``
    (``"A4"`` or ``"Letter"``, landscape) sets the page of the docx and the xlsx print setup."""
    if paper not in PAPER_MM:
        raise ValueError(f"unknown paper {paper!r}: use one of {', '.join(PAPER_MM)}")
    fmt = fmt.lower().lstrip(".")
    if fmt == "csv":
        buf = io.StringIO()
        compilation_frame(lineage).to_csv(buf, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        return buf.getvalue().encode("utf-8-sig")
    if fmt == "xlsx":
        return _xlsx(lineage, paper)
    if fmt == "docx":
        return _docx(lineage, paper)
    raise ValueError(f"unknown table format {fmt!r}: use one of {', '.join(FORMATS)}")


# --------------------------------------------------------------------------- xlsx


#: xlsx layout: text size (pt), line height (pt), characters of that size per unit of column width
#: (a unit is one digit of the default 11 pt font; generous so an estimate never cuts a line off).
XLSX_FONT_PT, XLSX_LINE_PT, XLSX_CHARS_PER_UNIT = 10, 13.0, 1.15
XLSX_MAX_ROW_PT = 409.0          # Excel's largest row height


def xlsx_column_width(n_versions: int, paper: str = "A4") -> float:
    """Column width (Excel units) so that ``n_versions`` columns fill a landscape page at 100 %,
    never wider than 70 (a comfortable line) nor narrower than 25 (fit-to-width shrinks the rest)."""
    printable_mm = PAPER_MM[paper][1] - 2 * 12.7          # landscape width minus 0.5" margins
    units = printable_mm / 25.4 * 72 / 5.6                 # about 5.6 pt per unit in the default font
    return max(25.0, min(70.0, units / max(n_versions, 1) - 1))


def xlsx_row_height(texts: list[str], width: float) -> float:
    """Height (pt) for the tallest of a row's cells: lines wrapped at ``width`` units, plus one."""
    per_line = max(1, int(width * XLSX_CHARS_PER_UNIT))
    lines = max((sum(max(1, -(-len(piece) // per_line)) for piece in t.split("\n")) for t in texts if t),
                default=1)
    return min(XLSX_MAX_ROW_PT, (lines + 1) * XLSX_LINE_PT)


def _xlsx(lineage: Lineage, paper: str = "A4") -> bytes:
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
        c.font = Font(bold=True, size=XLSX_FONT_PT)
        c.alignment = Alignment(wrap_text=True, vertical="top")
    sz = XLSX_FONT_PT
    ins_font = InlineFont(b=True, u="single", color=INS_COLOR, sz=sz)
    del_font = InlineFont(strike=True, color=DEL_COLOR, sz=sz)
    head_font = InlineFont(b=True, sz=sz)
    note_font = InlineFont(i=True, sz=sz)
    plain_font = InlineFont(sz=sz)
    plain = Font(size=sz)
    wrap = Alignment(wrap_text=True, vertical="top")
    head_row = header_cells(lineage)
    has_header = any(not c.empty for c in head_row)
    if has_header:
        grid = [head_row] + grid
    for r, row in enumerate(grid, start=2):
        for v, cell in enumerate(row, start=1):
            target = ws.cell(row=r, column=v)
            target.alignment = wrap
            target.font = plain
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
                    blocks.append(TextBlock(plain_font, text))
            target.value = CellRichText(blocks) if (changed or cell.head) else cell.marked()
    if lineage_shows_unknown_numbers(lineage):         # PP?n explained where shown, the rows kept one per lineage:
        from openpyxl.comments import Comment          # a note on the first cell citing one (and in the printed footer)

        first = next(ws.cell(row=r, column=v + 1) for r, row in enumerate(grid, start=2)
                     for v, cell in enumerate(row) if "?" in cell.head)
        first.comment = Comment(word("unknown_number", table_language(lineage)), "Resolution Compare")
    for v in range(1, len(df.columns) + 1):
        ws.column_dimensions[ws.cell(row=1, column=v).column_letter].width = 60
    ws.freeze_panes = "A3" if has_header else "A2"
    buf = io.BytesIO()
    note = word("unknown_number", table_language(lineage)) if lineage_shows_unknown_numbers(lineage) else ""
    _xlsx_print_layout(ws, paper, table_language(lineage), note)
    wb.save(buf)
    return buf.getvalue()


def _xlsx_print_layout(ws, paper: str, lang: Optional[str] = None, note: str = "") -> None:
    """Make the sheet print: column widths that fill the page, row heights for the wrapped text
    (Excel does not grow rows for rich text; LibreOffice keeps the heights it is given), landscape
    on A4/Letter, all columns on one page wide, the column names on every page, the versions in
    the page header and "page n of N" in the footer.  Worked out from the cells as written."""
    n = ws.max_column
    width = xlsx_column_width(n, paper)
    for v in range(1, n + 1):
        ws.column_dimensions[ws.cell(row=1, column=v).column_letter].width = width
    for r, row in enumerate(ws.iter_rows(min_row=2), start=2):
        ws.row_dimensions[r].height = xlsx_row_height([str(c.value) if c.value is not None else "" for c in row],
                                                      width)
    title = " → ".join(str(ws.cell(row=1, column=v).value or "") for v in range(1, n + 1))
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4 if paper == "A4" else ws.PAPERSIZE_LETTER
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.gridLines = True
    ws.oddHeader.left.text = (word("table_title", lang) + title).replace("&", "&&")[:200]
    ws.oddHeader.left.size = 8
    ws.oddFooter.right.text = word("page_of", lang)
    if note:
        ws.oddFooter.left.text = note.replace("&", "&&")[:250]
        ws.oddFooter.left.size = 7
    ws.oddFooter.right.size = 8


# --------------------------------------------------------------------------- docx


def _docx(lineage: Lineage, paper: str = "A4") -> bytes:
    from docx import Document as Docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    df = compilation_frame(lineage)
    grid = cells(lineage)
    doc = Docx()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    short, long_ = PAPER_MM[paper]
    sec.page_width, sec.page_height = Mm(long_), Mm(short)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Pt(36))
    style = doc.styles["Normal"]
    style.font.size = Pt(9)
    lang = table_language(lineage)
    head_row = header_cells(lineage)
    if any(not c.empty for c in head_row):
        grid = [head_row] + grid
    doc.add_paragraph().add_run(word("table_title", lang) + " → ".join(df.columns)).bold = True
    legend = doc.add_paragraph()
    legend.add_run(word("table_legend", lang))
    r = legend.add_run(word("ins_word", lang))
    r.bold, r.underline, r.font.color.rgb = True, True, RGBColor.from_string(INS_COLOR)
    legend.add_run(", ")
    r = legend.add_run(word("del_word", lang))
    r.font.strike, r.font.color.rgb = True, RGBColor.from_string(DEL_COLOR)
    legend.add_run(".")
    if lineage_shows_unknown_numbers(lineage):         # PP?n explained where shown
        doc.add_paragraph().add_run(word("unknown_number", lang)).italic = True
    if any(c.cross_language for c in lineage.comparisons):     # "(↔ 0.57, uncertain)" explained where shown
        doc.add_paragraph().add_run(word("cross_language_note", lang)).italic = True
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
