"""Everything a Word user sees is read, once, in its place: table cells with their
position, merged and nested cells once, text boxes once, content controls, fields,
hyperlinks, equations, pictures, endnotes; headers and footers kept apart; what is
left out (hidden or deleted text, comments) is listed as dropped."""
from __future__ import annotations

from compare.model import marker
from compare.readers.docx import read_docx
from compare.structure import build_document

try:
    from support.fixtures_office import NS, fnref, footnotes_xml, make_docx, p, r
except ImportError:  # tests/ imported as a package
    from tests.support.fixtures_office import NS, fnref, footnotes_xml, make_docx, p, r

MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
WP = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
V = 'xmlns:v="urn:schemas-microsoft-com:vml"'
M = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'


def tc(*paras: str, props: str = "") -> str:
    return f"<w:tc>{'<w:tcPr>' + props + '</w:tcPr>' if props else ''}{''.join(paras) or '<w:p/>'}</w:tc>"


def tr(*cells: str, props: str = "") -> str:
    return f"<w:tr>{'<w:trPr>' + props + '</w:trPr>' if props else ''}{''.join(cells)}</w:tr>"


def tbl(*rows: str) -> str:
    return f"<w:tbl><w:tblPr/><w:tblGrid/>{''.join(rows)}</w:tbl>"


def blocks(body: str, **kw):
    raw = read_docx(make_docx(body, **kw), "t.docx")
    return raw, [(b.text, b.frame, b.cell) for b in raw.blocks if b.kind != "footnote"]


def test_table_cells_keep_their_position_and_numbers():
    body = tbl(tr(tc(p(r("Year"))), tc(p(r("Count")))), tr(tc(p(r("2008"))), tc(p(r("3")))))
    _, got = blocks(body)
    assert got == [("Year", "cell", (1, 1, 1)), ("Count", "cell", (1, 1, 2)),
                   ("2008", "cell", (1, 2, 1)), ("3", "cell", (1, 2, 2))]


def test_merged_cells_are_read_once():
    body = tbl(tr(tc(p(r("Merged across")), props='<w:gridSpan w:val="2"/>')),
               tr(tc(p(r("Down")), props='<w:vMerge w:val="restart"/>'), tc(p(r("b")))),
               tr(tc(props="<w:vMerge/>"), tc(p(r("c")))))
    _, got = blocks(body)
    assert [t for t, _, _ in got] == ["Merged across", "Down", "b", "c"]


def test_nested_tables_are_read_once_even_deep():
    inner = p(r("deepest"))
    for _ in range(40):                       # 2**40 re-reads would never finish
        inner = tbl(tr(tc(inner)))
    _, got = blocks(p(r("before")) + inner + p(r("after")))
    assert [t for t, _, _ in got] == ["before", "deepest", "after"]
    assert len(got[1][2]) == 3 * 40


def test_text_box_is_read_once_despite_alternate_content():
    box = f'<w:txbxContent>{p(r("Text in the box"))}</w:txbxContent>'
    run = (f'<w:r><mc:AlternateContent {MC}><mc:Choice Requires="wps"><w:drawing><wp:anchor {WP}>'
           f'<wp:docPr id="1" name="Text Box 1"/><a:graphic {A}><a:graphicData><wps:wsp {WPS}><wps:txbx>{box}</wps:txbx>'
           f'</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
           f'<mc:Fallback><w:pict><v:shape {V}><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>'
           f'</mc:AlternateContent></w:r>')
    _, got = blocks(p(r("Anchor paragraph") + run) + p(r("Next")))
    assert got == [("Anchor paragraph", "body", None), ("Text in the box", "textbox", None), ("Next", "body", None)]


def test_picture_is_a_placeholder_so_replacing_it_is_a_change():
    run = (f'<w:r><w:drawing><wp:inline {WP}><wp:docPr id="1" name="Emblem"/><a:graphic {A}><a:graphicData>'
           f'<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill>'
           f'<a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rIdImg"/>'
           f'</pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')
    _, got = blocks(p(run) + p(r("See the emblem") + run), extra={"rIdImg": ("image", ("media/image2.png", b"png"))})
    assert [t for t, _, _ in got] == ["[picture: image2.png]", "See the emblem [picture: image2.png]"]


def test_content_controls_fields_hyperlinks_and_equations():
    sdt = f'<w:sdt><w:sdtPr/><w:sdtContent>{p(r("In a control"))}</w:sdtContent></w:sdt>'
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("10 November 2008")
             + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    link = f'<w:hyperlink w:anchor="x">{r("linked words")}</w:hyperlink>'
    math = (f'<m:oMath {M}><m:f><m:num><m:r><m:t>a+b</m:t></m:r></m:num><m:den><m:r><m:t>2</m:t></m:r></m:den></m:f>'
            f'<m:sSup><m:e><m:r><m:t>x</m:t></m:r></m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup></m:oMath>')
    _, got = blocks(sdt + p(r("Dated ") + field) + p(r("See ") + link) + p(r("Mean ") + math))
    assert [t for t, _, _ in got] == ["In a control", "Dated 10 November 2008", "See linked words",
                                      "Mean (a+b)/2x^2"]


ENDNOTES = (f'<w:endnotes {NS}><w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
            f'<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r>{r(" The endnote text.")}</w:p></w:endnote>'
            f'<w:endnote w:id="2"><w:p>{r("Never referenced.")}</w:p></w:endnote></w:endnotes>')


def test_endnotes_have_markers_and_texts():
    body = p(r("A sentence with an endnote") + '<w:r><w:endnoteReference w:id="1"/></w:r>' + r(" and more."))
    raw = read_docx(make_docx(body, extra={"rIdEn": ("endnotes", ("endnotes.xml", ENDNOTES))}), "t.docx")
    assert raw.blocks[0].text == f"A sentence with an endnote{marker('i')} and more."
    notes = [b for b in raw.blocks if b.kind == "footnote"]
    assert [(b.label, b.text, b.frame) for b in notes] == [("i", "The endnote text.", "endnote")]
    assert any(d.text == "Never referenced." for d in raw.dropped)
    doc = build_document(raw)
    assert "\ue000" not in doc.paragraphs[0].text and doc.paragraphs[0].text == "A sentence with an endnote and more."
    assert [(f.number, f.text) for f in doc.footnotes] == [("i", "The endnote text.")]
    assert [x.number for x in doc.paragraphs[0].footnote_refs] == ["i"]


def test_hidden_and_deleted_text_and_deleted_rows_are_listed_as_dropped():
    hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t>secret words</w:t></w:r>'
    deleted = ('<w:del w:id="1" w:author="X" w:date="2008-11-10T00:00:00Z"><w:r><w:delText>gone words</w:delText>'
               '</w:r></w:del>')
    row_del = '<w:del w:id="2" w:author="X" w:date="2008-11-10T00:00:00Z"/>'
    body = p(r("Visible ") + hidden + deleted) + tbl(tr(tc(p(r("kept")))), tr(tc(p(r("removed row"))), props=row_del))
    raw, got = blocks(body)
    assert [t for t, _, _ in got] == ["Visible", "kept"]
    assert {(d.text, d.reason) for d in raw.dropped} >= {("secret words", "hidden text"),
                                                         ("gone words", "deleted in a tracked change"),
                                                         ("removed row", "deleted in a tracked change")}
    doc = build_document(raw)
    assert any("hidden text" in w for w in doc.warnings)


def test_thousands_of_tables_read_within_the_limits():
    body = "".join(tbl(tr(tc(p(r(f"row {k}"))), tc(p(r(str(k)))))) for k in range(3000))
    from compare.readers import read_bytes

    raw = read_bytes(make_docx(body), "t.docx")     # under the default size, paragraph and time limits
    assert len(raw.blocks) == 6000 and raw.blocks[-1].cell == (3000, 1, 2)


def test_ruby_base_and_guide_are_read():
    ruby = ('<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>dà huì</w:t></w:r></w:rt>'
            '<w:rubyBase><w:r><w:t>大会</w:t></w:r></w:rubyBase></w:ruby></w:r>')
    _, got = blocks(p(ruby + r("，")))
    assert [t for t, _, _ in got] == ["大会 (dà huì) ，"]


def test_endnotes_numbered_like_footnotes_do_not_hide_them():
    settings = (f'<w:settings {NS}><w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr></w:settings>')
    body = p(r("Foot") + fnref(1) + r(" and end") + '<w:r><w:endnoteReference w:id="1"/></w:r>')
    raw = read_docx(make_docx(body, footnotes=footnotes_xml({1: "The footnote."}),
                              extra={"rIdEn": ("endnotes", ("endnotes.xml", ENDNOTES)),
                                     "rIdSet": ("settings", ("settings.xml", settings))}), "t.docx")
    doc = build_document(raw)
    assert [(f.number, f.text, f.kind) for f in doc.footnotes] == [("1", "The footnote.", "footnote"),
                                                                 ("e1", "The endnote text.", "endnote")]
    assert [x.number for x in doc.paragraphs[0].footnote_refs] == ["1", "e1"]


def test_two_typed_ops_in_one_word_paragraph_split_at_the_line_break():
    """"3.<tab>Requests …;" Shift+Enter "4.<tab>Decides …" typed into one Word paragraph is OP3 and
    OP4 (as the same text in a .txt is), not one OP3 holding "4. Decides" — which the comparison
    reported as a merge.  A line break inside a clause stays inside its paragraph."""
    br = "<w:r><w:br/></w:r>"
    body = (p(r("The General Assembly,")) + p(r("Recalling its resolutions,"))
            + p(r("1.\tUrges Member States to act;"))
            + p(r("2.\tRequests the Secretary-General to report;") + br + r("3.\tDecides to remain seized of the matter."))
            + p(r("4.\tInvites States") + br + r("5 of them to report.")))
    doc = build_document(read_docx(make_docx(body), "t.docx"))
    assert [(x.id, x.text) for x in doc.paragraphs] == [
        ("PP1", "Recalling its resolutions,"), ("OP1", "Urges Member States to act;"),
        ("OP2", "Requests the Secretary-General to report;"), ("OP3", "Decides to remain seized of the matter."),
        ("OP4", "Invites States 5 of them to report.")]
