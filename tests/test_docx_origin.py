"""Word paragraphs are authoritative: the rules for text recovered from pages
(page numbers, joins across page breaks, inline footnote digits) never touch them."""
from __future__ import annotations

from pathlib import Path

from compare import api
from compare.readers.docx import read_docx
from compare.structure import build_document

try:
    from support.fixtures_office import make_docx, p, r
except ImportError:  # tests/ imported as a package
    from tests.support.fixtures_office import make_docx, p, r


SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _doc(body: str):
    return build_document(read_docx(make_docx(body), "t.docx"), label="t")


def test_word_blocks_carry_their_origin():
    raw = read_docx(make_docx(p(r("Hello world"))), "t.docx")
    assert [b.origin for b in raw.blocks] == ["word"]


def test_numbers_only_paragraphs_are_text_not_page_numbers():
    doc = _doc(p(r("Totals by year")) + p(r("3")) + p(r("1/27")) + p(r("- 4 -")))
    assert [x.text for x in doc.paragraphs] == ["Totals by year", "3", "1/27", "- 4 -"]
    assert [x.id for x in doc.paragraphs] == ["P1", "P2", "P3", "P4"]


def test_digits_inside_words_are_words_not_footnotes():
    doc = _doc(p(r("Text1 Text2 Text3")) + p(r("Voir l'article 1 de la Constitution")) + p(r("name2")))
    assert [x.text for x in doc.paragraphs] == ["Text1 Text2 Text3", "Voir l'article 1 de la Constitution", "name2"]
    assert not doc.footnotes and all(not x.footnote_refs for x in doc.paragraphs)


def test_consecutive_word_paragraphs_are_never_joined():
    paras = [f"line {i} without an ending" for i in range(30)] + ["and a lower-case start"]
    doc = _doc("".join(p(r(t)) for t in paras))
    assert [x.text for x in doc.paragraphs] == paras


def test_non_resolution_keeps_its_first_lines_and_gets_no_opener():
    body = p(r("ITU Council 2024"), style=None) + p(r("Geneva, 10 June")) + p(r("Agenda")) + p(r("Some notes here"))
    doc = _doc(body)
    assert [x.text for x in doc.paragraphs] == ["ITU Council 2024", "Geneva, 10 June", "Agenda", "Some notes here"]
    assert not doc.has_opener


def test_seed_reads_the_same_from_md_docx_and_pdf():
    for ext in ("md", "docx", "pdf"):
        doc = api.load(SAMPLES / f"draft-rev1-2008-11-10.fr.{ext}")
        assert (len(doc.preamble), len(doc.operative), len(doc.footnotes)) == (11, 14, 8), ext


HEADING_STYLES = ('<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                  '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
                  '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>')


def _memo(lines: list[str]) -> bytes:
    body = p(r(lines[0]), style="Heading1") + "".join(p(r(t)) for t in lines[1:])
    return make_docx(body, styles=HEADING_STYLES)


def test_non_resolution_redline_reproduces_it_without_an_opener():
    from compare.export.redline import BODY_STYLES, redline_docx

    try:
        from test_redline import assert_round_trip
        from support import ooxml_oracle as oracle
    except ImportError:
        from tests.test_redline import assert_round_trip
        from tests.support import ooxml_oracle as oracle
    old_lines = ["Report of the meeting", "Geneva, 10 June 2024", "1. Opening", "Participants:", "3",
                 "The chair opened the meeting, and welcomed delegates.", "Annex"]
    new_lines = ["Report of the meeting", "Geneva, 12 June 2024", "1. Opening", "Participants:", "4",
                 "The chair opened the meeting and welcomed all delegates.", "Annex", "Closing"]
    old = api.load(_memo(old_lines), name="old.docx")
    new = api.load(_memo(new_lines), name="new.docx")
    assert [x.text for x in old.paragraphs] == old_lines
    assert [x.id for x in new.paragraphs] == [f"P{i}" for i in range(1, 9)]
    cmp = api.compare(old, new)
    docx = redline_docx(cmp, summary=False)
    assert_round_trip(cmp, docx)
    every = [x.text for x in oracle.view(docx, "accept")]
    assert not any("General Assembly" in t for t in every)


def test_word_heading_among_ops_stays_a_paragraph():
    body = (p(r("The General Assembly,")) + p(r("Recalling its resolutions,", italic=False))
            + p(r("Decides to act;"), num=(1, 0)) + p(r("Oral revisions")) + p(r("Requests a report;"), num=(1, 0))
            + p(r("68th plenary meeting")))
    doc = _doc(body)
    assert [(x.id, x.text) for x in doc.paragraphs] == [
        ("PP1", "Recalling its resolutions,"), ("OP1", "Decides to act;"), ("P1", "Oral revisions"),
        ("OP2", "Requests a report;"), ("P2", "68th plenary meeting")]
    assert not doc.dropped or all(d.reason != "heading or closing line among the operative paragraphs"
                                  for d in doc.dropped)


def test_word_excerpt_without_opener_is_still_a_resolution():
    body = "".join(p(r(t)) for t in ("Recalling its resolution 61/180,", "Reaffirming the Convention,",
                                     "Noting with concern the report,", "Welcoming the efforts,"))
    body += p(r("Urges States to act;"), num=(1, 0)) + p(r("Decides to remain seized."), num=(1, 0))
    doc = _doc(body)
    assert [x.id for x in doc.paragraphs] == ["PP1", "PP2", "PP3", "PP4", "OP1", "OP2"]
