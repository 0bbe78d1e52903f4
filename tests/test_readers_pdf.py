"""The PDF reader on a file set in a standard font PDFium does not find embedded (Helvetica,
base-14): its narrow digits must not split numbers ("61/1 80", "1 1 .") and so lose the
operative paragraphs' numbers."""
from __future__ import annotations

from compare import api
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
