"""Compilation tables (compare.export.table): one row per lineage, one column per version."""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from compare import api
from compare.cli import main
from compare.export.table import cells, compilation_frame, table_bytes

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def fr_lineage():
    docs = [api.load(SAMPLES / n) for n in ("draft-rev1-2008-11-10.fr.md", "draft-rev2-illustrative.fr.md")]
    return api.compare_versions(docs)


@pytest.fixture(scope="module")
def three_lineage():
    docs = [api.load(SAMPLES / n) for n in ("A-RES-61-180.en.md", "draft-rev1-2008-11-10.fr.md",
                                            "draft-rev2-illustrative.fr.md")]
    return api.compare_versions(docs)


def row_of(lineage, v: int, pid: str) -> int:
    return next(i for i, r in enumerate(lineage.rows) if pid in r[v])


def test_frame_shape_and_markers(fr_lineage):
    df = compilation_frame(fr_lineage)
    assert len(df) == len(fr_lineage.rows)
    assert list(df.columns) == [d.label for d in fr_lineage.versions]
    first = df.iloc[:, 0]
    assert not first.str.contains(r"\{\+|\[-", regex=True).any()     # nothing to compare the first column with
    op5 = df.iloc[row_of(fr_lineage, 1, "OP5"), 1]
    assert op5.startswith("OP5: [-Encourage-]{+Engage+} toutes les parties prenantes")
    deleted = df.iloc[row_of(fr_lineage, 0, "OP3"), 1]
    assert deleted.startswith("(supprimé) [-Considère")      # the table's own words in the texts' language
    new_pp = df.iloc[row_of(fr_lineage, 1, "PP6"), :]
    assert new_pp.iloc[0] == "" and new_pp.iloc[1].startswith("PP6: {+Profondément")
    split = df.iloc[row_of(fr_lineage, 1, "OP3"), 1]
    assert split.startswith("OP3 + OP4: ") and "\n" in split
    # every paragraph of every version appears once
    for v, d in enumerate(fr_lineage.versions):
        assert sorted(i for r in fr_lineage.rows for i in r[v]) == sorted(p.id for p in d.paragraphs)


def test_xlsx_is_set_up_for_printing(three_lineage):
    """Wrapped text, widths that fill the page, rows tall enough, A4 landscape, header row repeated,
    frozen panes (what LibreOffice prints from it: tests/test_pdf.py)."""
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(table_bytes(three_lineage, "xlsx"))).active
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.print_title_rows == "$1:$1" and ws.freeze_panes in ("A2", "A3")   # (A3: below a header row)
    assert ws.sheet_properties.pageSetUpPr.fitToPage and int(ws.page_setup.fitToWidth) == 1
    widths = [ws.column_dimensions[c].width for c in "ABC"]
    assert len(set(widths)) == 1 and 25 <= widths[0] <= 70
    for r in range(2, ws.max_row + 1):
        assert ws.cell(r, 1).alignment.wrap_text
        longest = max(len(str(ws.cell(r, c).value or "")) for c in (1, 2, 3))
        assert ws.row_dimensions[r].height >= 13 * min(30, longest / (widths[0] * 1.15))
    letter = load_workbook(io.BytesIO(table_bytes(three_lineage, "xlsx", paper="Letter"))).active
    assert int(letter.page_setup.paperSize) == int(letter.PAPERSIZE_LETTER)


def test_docx_table_is_a4_landscape_by_default_letter_on_request(fr_lineage, tmp_path):
    import docx
    from docx.shared import Mm

    sec = docx.Document(io.BytesIO(table_bytes(fr_lineage, "docx"))).sections[0]
    assert (round(sec.page_width.mm), round(sec.page_height.mm)) == (297, 210)
    sec = docx.Document(io.BytesIO(table_bytes(fr_lineage, "docx", paper="Letter"))).sections[0]
    assert (sec.page_width, sec.page_height) == (Mm(279.4), Mm(215.9))
    out = tmp_path / "t.docx"
    assert main(["table", str(SAMPLES / "draft-rev1-2008-11-10.fr.md"), str(SAMPLES / "draft-rev2-illustrative.fr.md"),
                 "-o", str(out), "--paper", "Letter"]) == 0
    assert round(docx.Document(str(out)).sections[0].page_width.mm) == 279


def test_csv_reads_back(fr_lineage, three_lineage):
    for lin in (fr_lineage, three_lineage):
        data = table_bytes(lin, "csv")
        back = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
        expected = compilation_frame(lin).reset_index(drop=True)
        assert list(back.columns) == list(expected.columns)
        assert back.shape == expected.shape == (len(lin.rows), len(lin.versions))
        pd.testing.assert_frame_equal(back, expected, check_dtype=False)


def test_xlsx_reads_back_with_rich_text(fr_lineage):
    data = table_bytes(fr_lineage, "xlsx")
    back = pd.read_excel(io.BytesIO(data), dtype=str).fillna("")
    assert back.shape == (len(fr_lineage.rows) + 1, 2)                   # the header row, then the lineages
    assert list(back.columns) == [d.label for d in fr_lineage.versions]
    assert back.iloc[0, 1].startswith(fr_lineage.versions[1].meta.title)
    r = row_of(fr_lineage, 1, "OP5") + 1
    assert back.iloc[r, 1].startswith("OP5: EncourageEngage toutes")      # plain text: both words, no markers
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(data), rich_text=True).active
    rich = ws.cell(row=r + 2, column=2).value
    fonts = {(str(b.text), bool(b.font.strike), bool(b.font.b), b.font.u) for b in rich if hasattr(b, "font")}
    assert ("Encourage", True, False, None) in fonts
    assert ("Engage", False, True, "single") in fonts


def test_docx_is_landscape_with_marked_runs(three_lineage):
    import docx
    from docx.enum.section import WD_ORIENT

    d = docx.Document(io.BytesIO(table_bytes(three_lineage, "docx")))
    sec = d.sections[0]
    assert sec.orientation == WD_ORIENT.LANDSCAPE and sec.page_width > sec.page_height
    table = d.tables[0]
    assert len(table.rows) == len(three_lineage.rows) + 2          # column names, header row, lineages
    assert [c.text for c in table.rows[0].cells] == [v.label for v in three_lineage.versions]
    runs = [r for row in table.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert any(r.font.strike and r.text == "Encourage" for r in runs)
    assert any(r.bold and r.underline and r.text == "Engage" for r in runs)


def test_cells_follow_the_comparisons(three_lineage):
    grid = cells(three_lineage)
    assert len(grid) == len(three_lineage.rows) and all(len(r) == 3 for r in grid)
    for row, cellrow in zip(three_lineage.rows, grid):
        for v, (ids, cell) in enumerate(zip(row, cellrow)):
            assert cell.head == " + ".join(ids)
            if ids:
                new_text = "".join(t for op, t in cell.parts if op in ("equal", "insert"))
                texts = "\n".join(three_lineage.versions[v].by_id(i).text for i in ids)
                assert new_text == texts


def test_bad_format(fr_lineage):
    with pytest.raises(ValueError):
        table_bytes(fr_lineage, "pdf")


def test_cli_table(tmp_path, capsys):
    files = [str(SAMPLES / n) for n in ("A-RES-61-180.en.md", "A-RES-63-194.en.md", "A-RES-64-178.en.md")]
    for ext in ("csv", "xlsx", "docx"):
        out = tmp_path / f"t.{ext}"
        assert main(["table", *files, "-o", str(out), "--labels", "61/180,63/194,64/178"]) == 0
        assert out.stat().st_size > 0
    df = pd.read_csv(tmp_path / "t.csv", dtype=str, keep_default_na=False)
    assert list(df.columns) == ["61/180", "63/194", "64/178"]
    assert main(["table", *files, "-o", str(tmp_path / "t.pdf")]) == 2
    assert main(["table", *files, "-o", files[0]]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.csv", "t.docx", "t.xlsx"]


def test_header_row_and_not_in_this_excerpt():
    """The header row carries title and sponsors marked against the previous column; a paragraph
    the neighbouring excerpt does not cover says so, unlike one that is simply absent."""
    from dataclasses import replace

    from compare.export.table import header_cells

    rev1, rev2 = (api.load(SAMPLES / n) for n in ("draft-rev1-2008-11-10.fr.md", "draft-rev2-illustrative.fr.md"))
    rev3 = replace(rev2, label="Rev.3", meta=replace(rev2.meta, sponsors=rev2.meta.sponsors + ["France"],
                                                      title=rev2.meta.title.replace("Amélioration", "Renforcement")))
    head = header_cells(api.compare_versions([rev1, rev2, rev3]))
    assert head[0].marked().startswith(rev1.meta.title)
    assert head[2].marked().startswith("[-Amélioration-]{+Renforcement+} de la coordination")
    assert "auteurs : " in head[2].marked() and "{+France+}" in head[2].marked()
    # Rev.2 changed only the date: that, and nothing else, is marked
    assert "[-2008-11-10-]{+2008-11-17+}" in head[1].marked()
    assert head[1].marked().count("{+") == 1 and head[1].marked().count("[-") == 1

    docs = [api.load(SAMPLES / n) for n in ("A-RES-61-180.en.md", "A-RES-63-194.en.md")]
    lin = api.compare_versions(docs)
    grid = cells(lin)
    cmp = lin.comparisons[0]
    for row, line in zip(lin.rows, grid):
        if set(row[0]) & set(cmp.out_of_scope["old"]):
            assert line[1].marked() == "(not in this excerpt)"
        if set(row[1]) & set(cmp.out_of_scope["new"]):
            assert line[0].marked() == "(not in this excerpt)"
    assert not any(line[1].marked().startswith("(deleted)") for line in grid)   # nothing compared was deleted
    both = api.compare_versions([api.load(SAMPLES / "draft-rev1-2008-11-10.fr.md"),
                                 api.load(SAMPLES / "draft-rev2-illustrative.fr.md")])
    deleted = next(line for row, line in zip(both.rows, cells(both)) if row[0] == ["OP3"])
    assert deleted[1].marked().startswith("(supprimé) ")              # compared, and deleted: not the same


def test_header_row_marks_every_header_change(tmp_path):
    """Review of issue #12: the header row marked the title and sponsors only — Rev.2's new date
    (2008-11-10 → 2008-11-17, in the redline's summary and the JSON) stood unmarked, and a new
    agenda item was nowhere in the table."""
    from compare.export.table import header_cells

    text = (SAMPLES / "draft-rev2-illustrative.fr.md").read_text(encoding="utf-8")
    assert "Point 97 de l'ordre du jour" in text
    moved = tmp_path / "rev3.md"
    moved.write_text(text.replace("Point 97 de l'ordre du jour", "Point 98 de l'ordre du jour"), encoding="utf-8")
    docs = [api.load(SAMPLES / "draft-rev1-2008-11-10.fr.md"), api.load(SAMPLES / "draft-rev2-illustrative.fr.md"),
            api.load(moved)]
    lin = api.compare_versions(docs)
    assert set(lin.comparisons[0].header.fields) == {"date"} and set(lin.comparisons[1].header.fields) == {"agenda_item"}
    head = [c.marked() for c in header_cells(lin)]
    assert "[-2008-11-10-]{+2008-11-17+}" in head[1]
    assert "point de l’ordre du jour : [-97-]{+98+}" in head[2]
    assert "[-" not in head[0] and "ordre du jour" not in head[1]


def test_table_explains_unknown_numbers_and_prints_in_its_language(tmp_path):
    """Review of issue #12: the Spanish excerpt's table showed PP?1 … with no word on PP?n (docx,
    xlsx), and the printed .xlsx said "Compilation table: …" and "page 1 of 2" over Spanish."""
    import docx
    from openpyxl import load_workbook

    text = (SAMPLES / "A-RES-70-179.es.md").read_text(encoding="utf-8")
    new = tmp_path / "b.md"
    new.write_text(text.replace("suscita una creciente preocupación", "suscita una grave preocupación"), encoding="utf-8")
    lin = api.compare_versions([api.load(SAMPLES / "A-RES-70-179.es.md"), api.load(new)])
    assert any("?" in i for row in lin.rows for ids in row for i in ids)
    ws = load_workbook(io.BytesIO(table_bytes(lin, "xlsx"))).active
    from compare.export.table import header_cells

    has_header = any(not c.empty for c in header_cells(lin))
    assert ws.max_row == 1 + has_header + len(lin.rows)     # column names, header row, one row per lineage: no more
    notes = [c.comment.text for row in ws.iter_rows() for c in row if c.comment]
    assert len(notes) == 1 and notes[0].startswith("PP?n: n-ésimo párrafo del preámbulo")
    assert ws.oddFooter.left.text.startswith("PP?n: n-ésimo")                       # printed on every page
    assert ws.oddHeader.left.text.startswith("Cuadro de compilación: ") and ws.oddFooter.right.text == "página &P de &N"
    body = [p.text for p in docx.Document(io.BytesIO(table_bytes(lin, "docx"))).paragraphs]
    assert any(t.startswith("PP?n: n-ésimo párrafo del preámbulo") for t in body)
    fr = api.compare_versions([api.load(SAMPLES / n) for n in ("draft-rev1-2008-11-10.fr.md", "draft-rev2-illustrative.fr.md")])
    ws = load_workbook(io.BytesIO(table_bytes(fr, "xlsx"))).active
    assert ws.oddFooter.right.text == "page &P sur &N"
    assert not any(c.comment for row in ws.iter_rows() for c in row) and not ws.oddFooter.left.text


def test_cross_language_deletion_note_in_the_tables_language(tmp_path):
    """Review of issue #12: a French column of a cross-language table marked a paragraph missing
    from it with the English "(deleted)"; the table's own words follow its language."""
    lines = (SAMPLES / "A-RES-78-228.fr.md").read_text(encoding="utf-8").split("\n")
    fr = tmp_path / "fr.md"
    fr.write_text("\n".join(l for l in lines if not l.startswith("Rappelant la Convention")), encoding="utf-8")
    lin = api.compare_versions([api.load(SAMPLES / "A-RES-78-228.en.md"), api.load(fr)])
    assert lin.comparisons[0].cross_language
    marked = [line[1].marked() for line in cells(lin)]
    assert any(m.startswith("(supprimé) ") for m in marked)
    assert not any("(deleted)" in m for m in marked)
