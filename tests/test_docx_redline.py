"""Redlines of Word files with tables, notes and text boxes: tables are written as
real tables with tracked changes in the cells and row revisions for inserted and
deleted rows; Accept all gives the new version and Reject all the old one."""
from __future__ import annotations

import pytest
from lxml import etree

from compare import api
from compare.export.redline import redline_docx

try:
    from support import ooxml_oracle as oracle
    from support.fixtures_office import NS, make_docx, p, r
    from test_docx_content import tbl, tc, tr
except ImportError:  # tests/ imported as a package
    from tests.support import ooxml_oracle as oracle
    from tests.support.fixtures_office import NS, make_docx, p, r
    from tests.test_docx_content import tbl, tc, tr

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
WP = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'


def grid(rows: list[list[str]]) -> str:
    return tbl(*(tr(*(tc(p(r(c))) for c in row)) for row in rows))


def textbox(text: str) -> str:
    """A floating text box as Word writes it: a DrawingML shape in ``mc:Choice`` and
    the same text again in a VML ``mc:Fallback``."""
    content = f"<w:txbxContent>{p(r(text))}</w:txbxContent>"
    return (f'<w:r><mc:AlternateContent {MC}><mc:Choice Requires="wps"><w:drawing>'
            f'<wp:anchor {WP} distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="1" '
            f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="2000000" cy="500000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/>'
            f'<wp:docPr id="1" name="Text Box 1"/><wp:cNvGraphicFramePr/><a:graphic {A}>'
            f'<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<wps:wsp {WPS}><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="500000"/>'
            f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx>{content}</wps:txbx>'
            f'<wps:bodyPr rot="0" vert="horz" wrap="square" anchor="t"><a:noAutofit/></wps:bodyPr></wps:wsp>'
            f'</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
            f'<mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" style="width:157pt;height:39pt">'
            f'<v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def notes_xml(kind: str, texts: dict[int, str]) -> str:
    body = "".join(f'<w:{kind} w:id="{i}"><w:p><w:r><w:{kind}Ref/></w:r>{r(" " + t)}</w:p></w:{kind}>'
                   for i, t in texts.items())
    return f'<w:{kind}s {NS}>{body}</w:{kind}s>'


def doc(body: str, *, endnotes: dict[int, str] | None = None, name: str = "v.docx"):
    extra = {"rIdEn": ("endnotes", ("endnotes.xml", notes_xml("endnote", endnotes)))} if endnotes else None
    return api.load(make_docx(body, extra=extra), name=name)


def texts(d) -> list[str]:
    return [x.text for x in d.paragraphs]


def view(docx: bytes, mode: str) -> list[str]:
    return [x.text for x in oracle.view(docx, mode) if x.text.strip()]


def notes_view(docx: bytes, mode: str) -> list[str]:
    return [fn for x in oracle.view(docx, mode) for _, fn in x.footnotes]


HEAD = p(r("Budget table"))
OLD_ROWS = [["Item", "2008", "2009"], ["Travel", "3", "4"], ["Staff", "10", "12"], ["Rent", "7", "7"]]

CASES = {
    "cell edit": (OLD_ROWS, [["Item", "2008", "2009"], ["Travel", "3", "5"], ["Staff", "10", "12"], ["Rent", "7", "7"]]),
    "row inserted": (OLD_ROWS, OLD_ROWS[:2] + [["Printing", "1", "2"]] + OLD_ROWS[2:]),
    "row deleted": (OLD_ROWS, OLD_ROWS[:1] + OLD_ROWS[2:]),
    "numbers only row deleted": ([["1", "2"], ["3", "4"], ["5", "6"]], [["1", "2"], ["5", "6"]]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_table_redline_round_trips(case):
    old_rows, new_rows = CASES[case]
    old = doc(HEAD + grid(old_rows) + p(r("After the table.")), name="old.docx")
    new = doc(HEAD + grid(new_rows) + p(r("After the table.")), name="new.docx")
    assert texts(old) == ["Budget table", *[c for row in old_rows for c in row], "After the table."]
    docx = redline_docx(api.compare(old, new), summary=False)
    assert oracle.check_markup(docx) == []
    assert view(docx, "accept") == texts(new)
    assert view(docx, "reject") == texts(old)
    root = etree.fromstring(oracle.parts(docx)["word/document.xml"])
    assert len(root.findall(f".//{{{W}}}tbl")) == 1
    rows = root.findall(f".//{{{W}}}tr")
    row_revs = [etree.QName(e).localname for t in rows for e in t.iterfind(f"{{{W}}}trPr/*")]
    if "inserted" in case:
        assert row_revs == ["ins"]
    elif "deleted" in case:
        assert row_revs == ["del"]
    else:
        assert row_revs == []


def test_merged_cells_round_trip():
    old = doc(tbl(tr(tc(p(r("Merged heading")), props='<w:gridSpan w:val="2"/>')), tr(tc(p(r("a"))), tc(p(r("b"))))))
    new = doc(tbl(tr(tc(p(r("Merged heading, revised")), props='<w:gridSpan w:val="2"/>')),
                  tr(tc(p(r("a"))), tc(p(r("b"))))))
    docx = redline_docx(api.compare(old, new), summary=False)
    assert view(docx, "accept") == texts(new) and view(docx, "reject") == texts(old)


def test_text_box_and_endnote_changes_round_trip():
    ref = '<w:r><w:endnoteReference w:id="1"/></w:r>'
    old = doc(p(r("Main text with a note") + ref + textbox("Box says hello")), endnotes={1: "Old endnote."})
    new = doc(p(r("Main text with a note") + ref + textbox("Box says goodbye")), endnotes={1: "New endnote."})
    assert texts(old) == ["Main text with a note", "Box says hello"]
    docx = redline_docx(api.compare(old, new), summary=False)
    assert view(docx, "accept") == texts(new) and view(docx, "reject") == texts(old)
    assert notes_view(docx, "accept") == ["New endnote."] and notes_view(docx, "reject") == ["Old endnote."]


def _with_header(line: str):
    hdr = f'<w:hdr {NS}>{p(r(line))}</w:hdr>'
    return api.load(make_docx(p(r("Same body text.")), extra={"rIdH": ("header", ("header1.xml", hdr))}), name="h.docx")


def _story_view(docx: bytes, part: str, mode: str) -> list[str]:
    root = etree.fromstring(oracle.parts(docx)[part])
    oracle.resolve(root, mode)
    return [x.text for x in (oracle._para(q, {}) for q in root.iter(f"{{{W}}}p")) if x.text]


def test_header_changes_are_tracked_and_listed_in_the_summary():
    old, new = _with_header("A/C.3/63/L.17"), _with_header("A/C.3/63/L.17/Rev.1")
    assert [d.text for d in new.dropped if d.reason == "page header"] == ["A/C.3/63/L.17/Rev.1"]
    docx = redline_docx(api.compare(old, new))
    summary = [x.text for x in oracle.view(docx, "accept") if x.style.startswith("RCSummary")]
    assert "Page header: “A/C.3/63/L.17” removed (tracked in the page header)." in summary
    assert "Page header: “A/C.3/63/L.17/Rev.1” added (tracked in the page header)." in summary
    assert _story_view(docx, "word/header1.xml", "accept") == ["A/C.3/63/L.17/Rev.1"]
    assert _story_view(docx, "word/header1.xml", "reject") == ["A/C.3/63/L.17"]
    again = api.load(docx, name="redline.docx")      # the redline's header reads back as a header
    assert any(d.reason == "page header" for d in again.dropped)


def test_text_box_in_a_cell_stays_in_its_table():
    old = doc(tbl(tr(tc(p(r("Cell with a box") + textbox("Box text one"))), tc(p(r("Other cell"))))))
    new = doc(tbl(tr(tc(p(r("Cell with a box") + textbox("Box text two"))), tc(p(r("Other cell"))))))
    assert [(x.text, x.cell) for x in new.paragraphs] == [("Cell with a box", (1, 1, 1)), ("Box text two", (1, 1, 1)),
                                                          ("Other cell", (1, 1, 2))]
    docx = redline_docx(api.compare(old, new), summary=False)
    root = etree.fromstring(oracle.parts(docx)["word/document.xml"])
    assert len(root.findall(f".//{{{W}}}tbl")) == 1
    assert view(docx, "accept") == texts(new) and view(docx, "reject") == texts(old)


def test_endnotes_stay_endnotes_in_the_redline():
    ref = '<w:r><w:endnoteReference w:id="1"/></w:r>'
    old = doc(p(r("Text with a note") + ref), endnotes={1: "Old endnote."})
    new = doc(p(r("Text with a note") + ref), endnotes={1: "New endnote."})
    assert [(f.number, f.kind) for f in new.footnotes] == [("i", "endnote")]
    docx = redline_docx(api.compare(old, new), summary=False)
    parts = oracle.parts(docx)
    assert "word/endnotes.xml" in parts and b"endnoteReference" in parts["word/document.xml"]
    assert b"footnoteReference" not in parts["word/document.xml"]
    again = api.load(docx, name="redline.docx")       # read as accepted: the new endnote
    assert [(f.kind, f.text) for f in again.footnotes] == [("endnote", "New endnote.")]


def test_page_header_changes_are_listed_in_the_documents_language():
    """Review of issue #12: a French redline's summary listed "Page header: “A/C.3/63/L.17” removed
    (tracked in the page header)." in English among its French lines."""
    from dataclasses import replace

    old, new = (_with_header(s) for s in ("A/C.3/63/L.17", "A/C.3/63/L.17/Rev.1"))
    old, new = (replace(d, meta=replace(d.meta, language="fr")) for d in (old, new))
    docx = redline_docx(api.compare(old, new))
    summary = [x.text for x in oracle.view(docx, "accept") if x.style.startswith("RCSummary")]
    assert "En-tête de page : « A/C.3/63/L.17 » supprimé (suivi dans l’en-tête de page)." in summary
    assert "En-tête de page : « A/C.3/63/L.17/Rev.1 » ajouté (suivi dans l’en-tête de page)." in summary
    assert not any("Page header" in t for t in summary)
