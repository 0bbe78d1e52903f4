"""Imported content in a Word file (``w:altChunk``): Word merges an HTML or text part into the
text where it stands when it opens the file, so its paragraphs are read in place; a kind we do
not read (RTF, a web archive, another Word file) is listed as dropped with a warning naming it."""
from __future__ import annotations

from compare.api import load
from compare.model import Dropped
from compare.readers import read_bytes
from compare.readers.docx.chunks import CHUNK_NOT_READ

try:
    from support.fixtures_office import make_docx, p, r
except ImportError:  # tests/ imported as a package
    from tests.support.fixtures_office import make_docx, p, r

AFCHUNK = "aFChunk"


def _with_chunk(target: str, content: bytes | str) -> bytes:
    body = (p(r("The General Assembly,")) + p(r("Recalling", italic=True) + r(" its resolution 61/180,"))
            + p(r("1. Urges Member States to act;")) + '<w:altChunk r:id="rIdC"/>'
            + p(r("3. Decides to remain seized of the matter.")))
    return make_docx(body, extra={"rIdC": (AFCHUNK, (target, content))})


def test_an_imported_html_part_is_read_in_place():
    html = ("<html><head><meta charset='windows-1252'></head><body>"
            "<p>2. Requests the Secretary-General to report on caf\xe9 workers;</p></body></html>").encode("cp1252")
    doc = load(_with_chunk("chunk.html", html), name="draft.docx")
    assert [p.id for p in doc.operative] == ["OP1", "OP2", "OP3"]
    assert doc.by_id("OP2").text == "Requests the Secretary-General to report on café workers;"
    assert not any("altChunk" in w for w in doc.warnings)


def test_an_imported_html_list_keeps_its_numbers_and_italic_lead():
    html = "<ol start='2'><li><i>Requests</i> a report;</li></ol>"
    raw = read_bytes(_with_chunk("chunk.htm", html), "draft.docx")
    b = raw.blocks[3]
    assert (b.label, b.text, b.italic_lead) == ("2.", "Requests a report;", "Requests")


def test_an_imported_text_part_is_read_line_by_line():
    raw = read_bytes(_with_chunk("chunk.txt", "2. Requests a report;\r\n\r\n(a) On the first point;\n"), "d.docx")
    assert [b.text for b in raw.blocks][3:5] == ["2. Requests a report;", "(a) On the first point;"]
    assert raw.blocks[-1].text == "3. Decides to remain seized of the matter."


def test_an_imported_rtf_part_is_dropped_with_a_warning_naming_it():
    rtf = rb"{\rtf1\ansi {\fonttbl\f0 Times;} 2. Requests a report;\par}"
    doc = load(_with_chunk("chunk.rtf", rtf), name="draft.docx")
    assert Dropped("2. Requests a report;", CHUNK_NOT_READ) in doc.dropped     # in its own words
    assert any("in RTF" in w and "altChunk" in w for w in doc.warnings)
    assert [p.id for p in doc.operative] == ["OP1", "OP3"]      # the gap is the file's: OP2 is in the RTF


def test_a_chunk_whose_part_is_missing_is_flagged():
    body = p(r("1. Urges Member States to act;")) + '<w:altChunk r:id="rIdNone"/>'
    raw = read_bytes(make_docx(body), "d.docx")
    assert any(d.reason == CHUNK_NOT_READ for d in raw.dropped)
    assert any("part is missing" in w for w in raw.warnings)


def test_an_imported_web_archive_or_word_file_is_dropped_in_its_own_words():
    """Not read as paragraphs, but what is missing is listed in its own words (not only its kind)."""
    mht = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
           b"Content-Type: text/html; charset=\"utf-8\"\r\n\r\n<html><body><p>2. Requests mhtword;</p></body></html>\r\n"
           b"--b--\r\n")
    doc = load(_with_chunk("chunk.mht", mht), name="draft.docx")
    assert Dropped("2. Requests mhtword;", CHUNK_NOT_READ) in doc.dropped
    assert any("web archive" in w for w in doc.warnings)
    inner = make_docx(p(r("2. Requests innerword;")))
    doc = load(_with_chunk("inner.docx", inner), name="draft.docx")
    assert Dropped("2. Requests innerword;", CHUNK_NOT_READ) in doc.dropped
    assert any("in Word document" in w for w in doc.warnings)
