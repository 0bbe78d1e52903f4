"""Nothing is dropped silently: what the Word reader or the structure step leaves
out is listed under ``dropped`` (JSON, CLI) with one warning that counts it."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

try:
    from support.fixtures_office import make_docx, p, r
except ImportError:  # tests/ imported as a package
    from tests.support.fixtures_office import make_docx, p, r

ROOT = Path(__file__).resolve().parent.parent

HIDDEN = '<w:r><w:rPr><w:vanish/></w:rPr><w:t>secret words</w:t></w:r>'


def _parse(path: Path, *fmt: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "compare", "parse", str(path), *fmt], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_dropped_in_json_and_table(tmp_path):
    f = tmp_path / "memo.docx"
    f.write_bytes(make_docx(p(r("Visible text") + HIDDEN) + p(r("Second line"))))
    res = _parse(f, "--format", "json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert {"text": "secret words", "reason": "hidden text"} in data["dropped"]
    assert any("1 hidden text" in w for w in data["warnings"])
    assert [x["text"] for x in data["paragraphs"]] == ["Visible text", "Second line"]
    table = _parse(f)
    assert table.returncode == 0 and "secret words  [hidden text]" in table.stdout


def test_seed_docx_lists_its_page_furniture():
    data = json.loads(_parse(ROOT / "samples" / "draft-rev1-2008-11-10.fr.docx", "--format", "json").stdout)
    furniture = [d["text"] for d in data["dropped"] if d["reason"] in ("page header", "page footer")]
    assert any("A/C.3/63/L.17/Rev.1" in t for t in furniture)
    assert any("08-59312" in t for t in furniture)


def test_a_footnote_marker_without_its_note_is_flagged(tmp_path):
    """A reference to footnote 7 in a file that has no such note: the marker is the file's, but the
    reader says there is no note text rather than showing a note that does not exist silently."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from compare import api

    d = docx.Document()
    d.add_paragraph("The General Assembly,")
    d.add_paragraph("Recalling its resolution 61/180,")
    p = d.add_paragraph("1. Urges Member States to act;")
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                          f'<w:footnoteReference w:id="7"/></w:r>'))
    path = tmp_path / "missing_note.docx"
    d.save(str(path))
    doc = api.load(str(path))
    assert doc.by_id("OP1").text.startswith("Urges Member States to act;")
    assert any("no such footnote in the file" in w for w in doc.warnings)
    assert not doc.footnotes
