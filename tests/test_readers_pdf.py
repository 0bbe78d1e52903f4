"""The PDF reader on a file set in a standard font PDFium does not find embedded (Helvetica,
base-14): its narrow digits must not split numbers ("61/1 80", "1 1 .") and so lose the
operative paragraphs' numbers."""
from __future__ import annotations

import pytest

from compare import api
from compare.readers import read_path
try:
    from hostile.make_hostile import _one_page_pdf, _stream
except ImportError:                     # run from the repository root
    from tests.hostile.make_hostile import _one_page_pdf, _stream

LINES = ["The General Assembly,", "Recalling its resolutions 61/180 and 71/118,",
         "1. Urges Member States to act by 2011;", "11. Requests the report;"]


def test_base14_helvetica_keeps_numbers_and_paragraph_numbers(tmp_path):
    content = "".join(f"BT /F1 11 Tf 72 {720 - 30 * k} Td ({t}) Tj ET\n" for k, t in enumerate(LINES))
    path = tmp_path / "helvetica.pdf"
    path.write_bytes(_one_page_pdf(_stream(content.encode("latin-1"))))
    doc = api.load(str(path))
    assert [(p.id, p.text) for p in doc.paragraphs] == [
        ("PP1", "Recalling its resolutions 61/180 and 71/118,"),
        ("OP1", "Urges Member States to act by 2011;"),
        ("OP11", "Requests the report;")]


ROTATED = ["The General Assembly,", "Recalling its resolution 61/180,", "", "1. Urges Member States to act;", "",
           "2. Requests the report;"]
#: text matrices setting line k in each direction, the lines following one another as on a page
#: turned that way: reading upwards (90°), downwards (270°), upside down (180°)
_TURNED = {90: lambda k: f"0 1 -1 0 {100 + 16 * k} 100", 270: lambda k: f"0 -1 1 0 {500 - 16 * k} 700",
           180: lambda k: f"-1 0 0 -1 500 {100 + 16 * k}"}


@pytest.mark.parametrize("degrees", sorted(_TURNED))
def test_text_set_rotated_is_read_turned_upright(tmp_path, degrees):
    """A landscape table or a page set sideways (text drawn at 90°, 180°, 270° on an upright page):
    each line reads in its own direction, not as letter soup, and a warning names the page."""
    content = "".join(f"BT /F1 11 Tf {_TURNED[degrees](k)} Tm ({t}) Tj ET\n" for k, t in enumerate(ROTATED) if t)
    path = tmp_path / "rotated.pdf"
    path.write_bytes(_one_page_pdf(_stream(content.encode("latin-1"))))
    doc = api.load(str(path))
    assert [(p.id, p.text) for p in doc.operative] == [("OP1", "Urges Member States to act;"),
                                                        ("OP2", "Requests the report;")]
    assert f"page 1: rotated text ({degrees}°) read turned upright" in doc.warnings


def test_a_rotated_margin_note_is_read_after_the_page_and_flagged(tmp_path):
    content = "".join(f"BT /F1 11 Tf 72 {720 - 30 * k} Td ({t}) Tj ET\n" for k, t in enumerate(LINES))
    content += "BT /F1 9 Tf 0 1 -1 0 560 300 Tm (Advance unedited marginword) Tj ET\n"
    path = tmp_path / "margin.pdf"
    path.write_bytes(_one_page_pdf(_stream(content.encode("latin-1"))))
    raw = read_path(path)
    assert [b.text for b in raw.blocks if b.text][-1] == "Advance unedited marginword"
    assert any(w.startswith("page 1: rotated text (90°)") and "check its place" in w for w in raw.warnings)


LEFT = ["The General Assembly,", "", "Recalling its resolution", "61/180 leftcolone,", "",
        "1. Urges Member States", "leftcoltwo to act;"]
RIGHT = ["2. Requests the Secretary-General", "rightcolone to", "report rightcoltwo;", "",
         "3. Decides to remain", "seized rightcolthree;"]


def _columns_pdf(path, middle: str = "") -> None:
    def col(x: int, lines: list[str]) -> str:
        return "".join(f"BT /F1 11 Tf {x} {720 - 16 * k} Td ({t}) Tj ET\n" for k, t in enumerate(lines) if t)
    content = col(60, LEFT) + col(330, RIGHT) + middle
    path.write_bytes(_one_page_pdf(_stream(content.encode("latin-1"))))


def test_a_two_column_page_is_read_column_by_column(tmp_path):
    """Lines side by side in two columns were read across (left line, right line, …), interleaving
    two paragraphs' words; a clearly two-column page is read down the left column, then the right."""
    path = tmp_path / "twocol.pdf"
    _columns_pdf(path)
    doc = api.load(str(path))
    assert [(p.id, p.text) for p in doc.paragraphs] == [
        ("PP1", "Recalling its resolution 61/180 leftcolone,"), ("OP1", "Urges Member States leftcoltwo to act;"),
        ("OP2", "Requests the Secretary-General rightcolone to report rightcoltwo;"),
        ("OP3", "Decides to remain seized rightcolthree;")]
    assert "page 1: text set in two columns, read column by column" in doc.warnings


def test_two_columns_crossed_by_a_full_width_line_are_flagged_not_reordered(tmp_path):
    path = tmp_path / "twocol_doubt.pdf"
    _columns_pdf(path, "BT /F1 11 Tf 60 672 Td (A line set across the whole width of the page, gutter and all) Tj ET\n")
    raw = read_path(path)
    assert "page 1: text set in two columns, reading order may be wrong" in raw.warnings
    words = " ".join(b.text for b in raw.blocks).split()
    for w in ("leftcolone,", "leftcoltwo", "rightcolone", "rightcoltwo;", "rightcolthree;", "gutter"):
        assert w in words                                   # nothing lost


def test_a_hyphen_at_a_line_end_is_kept_in_a_compound_and_dropped_in_a_cut_word(tmp_path):
    """PDFium reports every hyphen that ends a line as a soft one.  "Secretary-/General" must stay
    "Secretary-General" (joined, it reads as a change against a Word copy of the same text), and so
    must a compound the document writes with its hyphen elsewhere ("well-/being" beside
    "well-being"); a word cut in two ("coop-/eration") is joined."""
    lines = ["The General Assembly,", "1. Requests the Secretary-", "General to report on coop-",
             "eration and on the well-", "being of victims;", "2. Stresses their well-being;"]
    content = "".join(f"BT /F1 11 Tf 72 {720 - 14 * k - (16 if k == 5 else 0)} Td ({t}) Tj ET\n"
                      for k, t in enumerate(lines))
    path = tmp_path / "hyphens.pdf"
    path.write_bytes(_one_page_pdf(_stream(content.encode("latin-1"))))
    doc = api.load(str(path))
    assert [(p.id, p.text) for p in doc.operative] == [
        ("OP1", "Requests the Secretary-General to report on cooperation and on the well-being of victims;"),
        ("OP2", "Stresses their well-being;")]


def _two_page_pdf(first: str, second: str) -> bytes:
    from_hostile = _one_page_pdf.__globals__
    page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>"
    return from_hostile["pdf_bytes"]([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        page.format(5).encode(), _stream(first.encode("latin-1")),
        page.format(7).encode(), _stream(second.encode("latin-1"))])


def test_a_rotated_note_does_not_count_as_a_page_of_its_own(tmp_path):
    """Two pages that open with the same line: in a two-page text that line is kept (running furniture
    is only guessed from three pages on).  A rotated margin note on one page is read as a frame of
    its own, but it is no third page: the same words are read, the note's besides."""
    lines = ["Trafficking in women and girls", "The General Assembly,", "1. Urges Member States to act;"]
    second = ["Trafficking in women and girls", "2. Requests the report;"]
    body = lambda ls: "".join(f"BT /F1 11 Tf 72 {740 - 30 * k} Td ({t}) Tj ET\n" for k, t in enumerate(ls))  # noqa: E731
    note = "BT /F1 9 Tf 0 1 -1 0 560 300 Tm (Advance unedited version) Tj ET\n"
    plain, noted = tmp_path / "plain.pdf", tmp_path / "noted.pdf"
    plain.write_bytes(_two_page_pdf(body(lines), body(second)))
    noted.write_bytes(_two_page_pdf(body(lines) + note, body(second)))
    want = " ".join(b.text for b in read_path(plain).blocks if b.text)
    got = " ".join(b.text for b in read_path(noted).blocks if b.text)
    assert want.count("Trafficking in women and girls") == got.count("Trafficking in women and girls") == 2
    assert sorted(got.split()) == sorted((want + " Advance unedited version").split())
