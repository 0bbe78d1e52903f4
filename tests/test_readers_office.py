"""Word and PDF readers, on the real samples built by samples/make_office_samples.py
and on tiny .docx files built here."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from compare.errors import CorruptFileError, EmptyInputError, EncryptedFileError, NoTextLayerError
from compare.model import MARK_CLOSE, MARK_OPEN, marker
from compare.readers.docx import TRACKED_WARNING, read_docx
from compare.readers.pdf import read_pdf

try:
    from support.fixtures_office import dele, fnref, footnotes_xml, ins, make_docx, p, r
except ImportError:  # tests/ imported as a package
    from tests.support.fixtures_office import dele, fnref, footnotes_xml, ins, make_docx, p, r

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
DOCX = SAMPLES / "draft-rev1-2008-11-10.fr.docx"
PDF = SAMPLES / "draft-rev1-2008-11-10.fr.pdf"
CORPUS_MD = SAMPLES / "draft-rev1-2008-11-10.fr.md"

SYMBOL = "A/C.3/63/L.17/Rev.1"
FURNITURE = (SYMBOL, "08-59312", "0859312", "101108", "Merci de recycler", "Nations Unies A/")


# --------------------------------------------------------------------------- expected content

def _strip_md(s: str) -> str:
    s = re.sub(r"<sup>(\d+)</sup>", lambda m: marker(m.group(1)), s)
    s = re.sub(r"</?sup>", "", s)
    s = re.sub(r"\*{1,2}([^*]+)\*{1,2}", r"\1", s)
    return re.sub(r"\s+", " ", s).strip()


def _expected():
    """PP/OP texts (markers included), italic leads and footnotes of the French Rev.1,
    taken from the seed's Markdown in samples/."""
    paras = [x.strip() for x in re.split(r"\n\s*\n", CORPUS_MD.read_text(encoding="utf-8")) if x.strip()]
    pps, ops, notes = [], [], {}
    in_body = False
    for s in paras:
        m = re.match(r"^<sup>(\d+)</sup>\s*(.+)$", s, re.S)
        if m:
            notes[m.group(1)] = _strip_md(m.group(2))
            continue
        if s.startswith("*L'Assemblée"):
            in_body = True
            continue
        if not in_body or s == "---":
            continue
        m = re.match(r"^(\d+)\.\s+\*([^*]+)\*(.*)$", s, re.S)
        if m:
            ops.append((m.group(2).strip(), _strip_md("*" + m.group(2) + "*" + m.group(3))))
            continue
        m = re.match(r"^\*([^*]+)\*(.*)$", s, re.S)
        if m:
            pps.append((m.group(1).strip(), _strip_md(s)))
            continue
        if s[:1].islower():  # OP9 runs across a page break in the Markdown conversion
            lead, text = ops[-1]
            ops[-1] = (lead, text + " " + _strip_md(s))
    assert len(pps) == 11 and len(ops) == 14 and len(notes) == 8
    return pps, ops, notes


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@pytest.fixture(scope="module")
def expected():
    return _expected()


@pytest.fixture(scope="module")
def docx_doc():
    return read_docx(DOCX.read_bytes(), DOCX.name)


@pytest.fixture(scope="module")
def pdf_doc():
    return read_pdf(PDF.read_bytes(), PDF.name)


# --------------------------------------------------------------------------- the .docx sample

def test_sample_docx_is_real_word_structure():
    with zipfile.ZipFile(DOCX) as z:
        doc = z.read("word/document.xml").decode()
        notes = z.read("word/footnotes.xml").decode()
        numbering = z.read("word/numbering.xml").decode()
        headers = "".join(z.read(n).decode() for n in z.namelist() if re.match(r"word/(header|footer)\d*\.xml", n))
        assert any(n.startswith("word/media/") and n.endswith(".png") for n in z.namelist())
    assert doc.count("<w:footnoteReference") == 8
    assert doc.count("NOTEREF") == 3                      # repeated references 1, 2 (OP1) and 3 (OP2)
    assert doc.count("<w:numPr>") == 14
    assert "Exhorte" in doc and not re.search(r">\s*1\.\s*<", doc)   # numbers not typed
    assert 'w:numFmt w:val="decimal"' in numbering
    assert len(re.findall(r'<w:footnote w:id="[1-9]', notes)) == 8
    for s in (SYMBOL, "08-59312 (F)", "*0859312*"):
        assert s in headers
    # laid out as issued: the emblem as a real picture and the symbol in the header table
    assert doc.count("<w:drawing>") == 1 and doc.index(SYMBOL) < doc.index("Distr. limit")


def test_docx_paragraphs_text_labels_and_leads(docx_doc, expected):
    pps, ops, _ = expected
    body = [b for b in docx_doc.blocks if b.kind == "para"]
    texts = [_norm(b.text) for b in body]
    pp_idx = [texts.index(t) for _, t in pps]             # ValueError = text not found verbatim
    assert pp_idx == sorted(pp_idx)
    for (lead, _), i in zip(pps, pp_idx):
        assert body[i].italic_lead == lead and body[i].label is None
    numbered = [b for b in body if b.label]
    assert [b.label for b in numbered] == [f"{n}." for n in range(1, 15)]
    assert all(b.level == 0 for b in numbered)
    for (lead, text), b in zip(ops, numbered):
        assert _norm(b.text) == text
        assert b.italic_lead == lead
    opening = [b for b in body if b.text == "L'Assemblée générale,"]
    assert len(opening) == 1 and opening[0].italic_lead == "L'Assemblée générale,"
    assert docx_doc.warnings == []


def test_docx_footnotes(docx_doc, expected):
    _, ops, notes = expected
    fns = [b for b in docx_doc.blocks if b.kind == "footnote"]
    # 8 real Word footnotes numbered 1-8 like the print; the second references are NOTEREF fields
    assert [b.label for b in fns] == [str(n) for n in range(1, 9)]
    assert {b.label: b.text for b in fns} == notes
    # footnotes come after the body
    kinds = [b.kind for b in docx_doc.blocks]
    assert kinds.index("footnote") == len(kinds) - 8
    op1 = next(b for b in docx_doc.blocks if b.label == "1.")
    assert re.findall(f"{MARK_OPEN}(\\d+){MARK_CLOSE}", op1.text) == ["1", "2"]
    op2 = next(b for b in docx_doc.blocks if b.label == "2.")
    assert re.findall(f"{MARK_OPEN}(\\d+){MARK_CLOSE}", op2.text) == ["3", "7", "8"]


def test_docx_ignores_headers_and_footers(docx_doc):
    for b in docx_doc.blocks:
        for f in FURNITURE:
            # the symbol is printed once in the body too: in the header table, as issued
            if f == SYMBOL and b.cell is not None and b.text == SYMBOL:
                continue
            assert f not in b.text, (f, b.text)
    assert any(SYMBOL in line for line in docx_doc.furniture)


def test_docx_header_block_from_table(docx_doc):
    texts = [b.text for b in docx_doc.blocks]
    assert texts[:7] == ["[picture: image1.png]", "Assemblée générale", SYMBOL, "Distr. limitée", "10 novembre 2008",
                         "Français", "Original : anglais"]
    assert [b.cell for b in docx_doc.blocks[:3]] == [(1, 1, 1), (1, 1, 1), (1, 1, 2)]
    title = next(b for b in docx_doc.blocks if b.text.startswith("Amélioration de la coordination"))
    assert title.bold


# --------------------------------------------------------------------------- the .pdf sample

def _body_text(b) -> str:
    return _norm(re.sub(r"^\d{1,2}\.\s+", "", b.text))


def test_pdf_paragraphs(pdf_doc, expected):
    pps, ops, _ = expected
    body = [b for b in pdf_doc.blocks if b.kind == "para"]
    texts = [_body_text(b) for b in body]
    for lead, text in pps + ops:
        hits = [i for i, t in enumerate(texts) if t == text]
        assert len(hits) == 1, text[:60]
        assert body[hits[0]].italic_lead == lead
    numbered = [b for b in body if re.match(r"^\d{1,2}\. ", b.text)]
    assert [b.text.split()[0] for b in numbered] == [f"{n}." for n in range(1, 15)]


def test_pdf_footnotes_and_pages(pdf_doc, expected):
    _, _, notes = expected
    fns = [b for b in pdf_doc.blocks if b.kind == "footnote"]
    assert [b.label for b in fns] == [str(n) for n in range(1, 9)]
    assert {b.label: b.text for b in fns} == notes
    assert sum(b.kind == "page_break" for b in pdf_doc.blocks) == 3
    # a footnote sits on the page of its first reference, before that page's break
    pages = [b.page for b in fns]
    assert pages == sorted(pages) and pages[0] == 1


def test_pdf_no_furniture(pdf_doc):
    for k, b in enumerate(pdf_doc.blocks):
        for f in FURNITURE:
            if f == SYMBOL and k == 0:
                continue        # the symbol in the first page's header table, as issued
            assert f not in b.text, (f, b.text)
        assert not re.fullmatch(r"\d{1,3}", b.text.strip()), b   # page numbers
    assert pdf_doc.blocks[0].text.startswith(SYMBOL + " Distr. limitée")
    assert pdf_doc.blocks[1].text == "Assemblée générale"


def _raw_pages() -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(PDF.read_bytes())
    try:
        return [_norm(pdf[i].get_textpage().get_text_range()) for i in range(len(pdf))]
    finally:
        pdf.close()


def test_pdf_paragraphs_across_page_breaks(pdf_doc, expected):
    """Some PP/OP really runs across a page break in the PDF, and comes out as one block."""
    pps, ops, _ = expected
    pages = _raw_pages()
    crossing = []
    for _, text in pps + ops:
        plain = re.sub(f"{MARK_OPEN}\\d+{MARK_CLOSE}", "", text)
        head, tail = plain[:50], plain[-40:]
        ph = [i for i, pg in enumerate(pages) if head in pg]
        pt = [i for i, pg in enumerate(pages) if tail in pg]
        if ph and pt and pt[0] == ph[0] + 1:
            crossing.append(text)
    assert crossing, "the sample should have a paragraph running across a page break"
    texts = [_body_text(b) for b in pdf_doc.blocks if b.kind == "para"]
    for text in crossing:
        assert text in texts


def test_pdf_op9_whole_or_split_cleanly(pdf_doc, expected):
    _, ops, _ = expected
    op9 = ops[8][1]
    blocks = pdf_doc.blocks
    whole = [b for b in blocks if b.kind == "para" and _body_text(b) == op9]
    if whole:
        return
    first = next(i for i, b in enumerate(blocks) if b.text.startswith("9. "))
    rest = [b for b in blocks[first + 1:] if b.kind != "footnote"]
    assert rest[0].kind == "page_break"
    assert _norm(_body_text(blocks[first]) + " " + rest[1].text) == op9


# --------------------------------------------------------------------------- small .docx files

def test_tracked_changes_read_as_accepted():
    body = "".join([
        p(r("Decides ", italic=True) + ins("to continue") + dele("to stop") + r(" the work;"), num=(1, 0)),
        # OP2: its paragraph mark is deleted, so it joins the next paragraph
        p(r("Requests", italic=True) + r(" the Secretary-General"), num=(1, 0), mark_deleted=True),
        p(ins(" to report") + r(" back;")),
        # a whole deleted paragraph (text and mark): gone, the next keeps its own number
        p(dele("Deleted paragraph."), num=(1, 0), mark_deleted=True),
        p(r("Invites", italic=True) + r(" States") + fnref(1) + dele("x") +
          f'<w:del w:id="5" w:author="X" w:date="2008-11-10T00:00:00Z">{fnref(2)}</w:del>'
          + r(";") + fnref(3), num=(1, 0)),
        # a move: the old place is dropped, the new place kept
        p('<w:moveFrom w:id="7" w:author="X" w:date="2008-11-10T00:00:00Z">' + r("Moved text.") + "</w:moveFrom>",
          mark_moved=True),
        p('<w:moveTo w:id="8" w:author="X" w:date="2008-11-10T00:00:00Z">' + r("Moved text.") + "</w:moveTo>"),
    ])
    data = make_docx(body, footnotes=footnotes_xml({1: "First.", 2: "Deleted note.", 3: "Third."}))
    doc = read_docx(data, "tracked.docx")
    assert doc.warnings == [TRACKED_WARNING]
    paras = [(b.label, b.text, b.italic_lead) for b in doc.blocks if b.kind == "para"]
    assert paras == [
        ("1.", "Decides to continue the work;", "Decides"),
        ("2.", "Requests the Secretary-General to report back;", "Requests"),
        ("3.", f"Invites States{marker('1')};{marker('2')}", "Invites"),
        (None, "Moved text.", None),
    ]
    fns = [(b.label, b.text) for b in doc.blocks if b.kind == "footnote"]
    assert fns == [("1", "First."), ("2", "Third.")]     # the deleted reference is not counted


def test_docx_numbering_levels_restarts_and_overrides():
    body = "".join([
        p(r("One"), num=(1, 0)),
        p(r("sub a"), num=(1, 1)),
        p(r("sub b"), num=(1, 1)),
        p(r("sub b i"), num=(1, 2)),
        p(r("sub b ii"), num=(1, 2)),
        p(r("Two"), num=(2, 0)),          # another num on the same list continues it
        p(r("sub a again"), num=(2, 1)),  # lower level restarted after a higher one
        p(r("plain")),
        p("", num=(1, 0)),                # empty numbered paragraph: no block, but counted as Word does
        p(r("Four"), num=(1, 0)),
        p(r("Ten"), num=(3, 0)),          # startOverride 10
        p(r("Eleven"), num=(3, 0)),
        p(r("not numbered"), num=(0, 0)),  # numId 0 removes numbering
    ])
    doc = read_docx(make_docx(body), "num.docx")
    got = [(b.label, b.level, b.text) for b in doc.blocks]
    assert got == [
        ("1.", 0, "One"), ("(a)", 1, "sub a"), ("(b)", 1, "sub b"), ("(i)", 2, "sub b i"),
        ("(ii)", 2, "sub b ii"), ("2.", 0, "Two"), ("(a)", 1, "sub a again"), (None, 0, "plain"),
        ("4.", 0, "Four"), ("10.", 0, "Ten"), ("11.", 0, "Eleven"), (None, 0, "not numbered"),
    ]
    assert doc.warnings == []


def test_docx_tables_custom_marks_and_breaks():
    table = ("<w:tbl><w:tr><w:tc>" + p(r("Cell one")) + "</w:tc><w:tc>" + p(r("Cell two")) +
             p(r("")) + "</w:tc></w:tr></w:tbl>")
    custom = ('<w:r><w:footnoteReference w:customMarkFollows="1" w:id="1"/><w:t>*</w:t></w:r>')
    body = table + p(r("Sponsors") + "<w:r><w:br/></w:r>" + r("and more" ) + custom)
    doc = read_docx(make_docx(body, footnotes=footnotes_xml({1: "Custom note."})), "t.docx")
    assert [(b.kind, b.label, b.text) for b in doc.blocks] == [
        ("para", None, "Cell one"), ("para", None, "Cell two"),
        ("para", None, f"Sponsors\nand more{marker('*')}"),
        ("footnote", "*", "Custom note."),
    ]


# --------------------------------------------------------------------------- errors

def test_docx_errors():
    with pytest.raises(EmptyInputError):
        read_docx(b"", "e.docx")
    with pytest.raises(EncryptedFileError) as ei:
        read_docx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "secret.docx")
    assert "password-protected" in str(ei.value) and ".doc" in str(ei.value)
    assert str(ei.value).startswith("secret.docx: ")
    for bad in (b"PK\x03\x04 this is not really a zip", b"hello world, plain text", DOCX.read_bytes()[:3000]):
        with pytest.raises(CorruptFileError) as ei:
            read_docx(bad, "bad.docx")
        assert "not a valid Word .docx file (" in str(ei.value)
    with pytest.raises(CorruptFileError, match="document.xml"):
        read_docx(make_docx("", omit_document=True), "nodoc.docx")
    truncated_xml = _with_member(make_docx(p(r("x"))), "word/document.xml", b"<w:document><w:body><w:p>")
    with pytest.raises(CorruptFileError, match="damaged XML"):
        read_docx(truncated_xml, "xml.docx")


def _with_member(data: bytes, name: str, content: bytes) -> bytes:
    import io

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for n in src.namelist():
            dst.writestr(n, content if n == name else src.read(n))
    return out.getvalue()


def test_pdf_errors():
    with pytest.raises(EmptyInputError):
        read_pdf(b"", "e.pdf")
    for bad in (b"not a pdf at all", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage\n%%EOF"):
        with pytest.raises(CorruptFileError) as ei:
            read_pdf(bad, "bad.pdf")
        assert str(ei.value).startswith("bad.pdf: ")


def test_pdf_without_text_layer():
    import io

    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    pdf.new_page(612, 792)
    pdf.new_page(612, 792)
    buf = io.BytesIO()
    pdf.save(buf)
    pdf.close()
    with pytest.raises(NoTextLayerError, match="no text layer"):
        read_pdf(buf.getvalue(), "scan.pdf")


def test_readers_do_not_touch_inputs(tmp_path):
    for src in (DOCX, PDF):
        data = src.read_bytes()
        copy = tmp_path / src.name
        copy.write_bytes(data)
        before = copy.stat().st_mtime_ns
        (read_docx if src.suffix == ".docx" else read_pdf)(copy.read_bytes(), str(copy))
        assert copy.read_bytes() == data and copy.stat().st_mtime_ns == before
