"""The redline's optional agreed-language appendix (``redline_docx(..., trace=...)``,
``python -m compare redline ... --trace-appendix``): present only when asked,
outside the tracked text, and the accept/reject oracles stay exact."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
from support import ooxml_oracle as oracle  # noqa: E402
from test_redline import assert_round_trip, document_xml, expected, has_revision, para_text, q  # noqa: E402

from compare import api  # noqa: E402
from compare.cli import main  # noqa: E402
from compare.export.redline import (BODY_STYLES, SUMMARY_STYLES, TRACE_BOOKMARK, TRACE_STYLES,  # noqa: E402
                                    redline_docx)
from compare.export.trace_views import trace_dict, trace_rows  # noqa: E402
from compare.library import Library  # noqa: E402
from compare.trace import trace_document  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def lib():
    lib = api.open_library(":memory:")          # the samples, in a temporary database
    yield lib
    lib.close()


@pytest.fixture(scope="module")
def excerpts(lib):
    old = api.load(SAMPLES / "A-RES-61-180.en.md")
    new = api.load(SAMPLES / "A-RES-63-194.en.md")
    return api.compare(old, new), trace_document(new, lib, before="auto")


@pytest.fixture(scope="module")
def illustrative(lib):
    old = api.load(SAMPLES / "draft-rev1-2008-11-10.fr.md")
    new = api.load(SAMPLES / "draft-rev2-illustrative.fr.md")
    return api.compare(old, new), trace_document(new, lib)


def styles_of(docx: bytes) -> list[str]:
    return [p.style for p in oracle.view(docx, "accept")]


def appendix_cells(docx: bytes) -> list[list[str]]:
    root = document_xml(docx)
    tables = list(root.iter(q("tbl")))
    assert len(tables) == 1
    return [[para_text(tc) for tc in tr.iter(q("tc"))] for tr in tables[0].iter(q("tr"))]


# --------------------------------------------------------------------------- the oracle still holds


@pytest.mark.parametrize("moves", ["move", "delete-insert"])
@pytest.mark.parametrize("which", ["excerpts", "illustrative"])
@pytest.mark.parametrize("summary", [True, False])
def test_round_trip_with_the_appendix(which, moves, summary, request):
    cmp, tr = request.getfixturevalue(which)
    docx = redline_docx(cmp, moves=moves, summary=summary, trace=tr)
    assert_round_trip(cmp, docx)                      # accept = new, reject = old, markup sound
    # and the appendix itself is untouched by accept / reject
    acc = [p for p in oracle.view(docx, "accept") if p.style in TRACE_STYLES]
    rej = [p for p in oracle.view(docx, "reject") if p.style in TRACE_STYLES]
    assert acc and acc == rej


# --------------------------------------------------------------------------- present when asked, absent by default


def test_absent_by_default(excerpts):
    cmp, _ = excerpts
    docx = redline_docx(cmp)
    assert not set(styles_of(docx)) & set(TRACE_STYLES)
    assert not list(document_xml(docx).iter(q("tbl")))
    assert TRACE_BOOKMARK not in {b.get(q("name")) for b in document_xml(docx).iter(q("bookmarkStart"))}


def test_appendix_rows_and_marking(excerpts):
    cmp, tr = excerpts
    docx = redline_docx(cmp, trace=tr, date="2008-12-18")
    root = document_xml(docx)
    body = root.find(q("body"))
    # at the end, after the resolution, inside its own bookmark, on a page of its own, with no revision
    kids = [k for k in body if k.tag in (q("p"), q("tbl"))]
    styles = [(k.find(f"{q('pPr')}/{q('pStyle')}").get(q("val")) if k.tag == q("p") else "table") for k in kids]
    first = styles.index("RCTraceTitle")
    assert all(s in TRACE_STYLES or s == "table" for s in styles[first:])
    assert not any(s in BODY_STYLES for s in styles[first:])
    assert styles[first - 1] == "RCEnd"
    assert kids[first].find(f"{q('pPr')}/{q('pageBreakBefore')}") is not None
    bm = [b for b in root.iter(q("bookmarkStart")) if b.get(q("name")) == TRACE_BOOKMARK]
    assert len(bm) == 1 and bm[0].getparent() is kids[first]
    end_id = bm[0].get(q("id"))
    assert [e for e in kids[-1].iter(q("bookmarkEnd")) if e.get(q("id")) == end_id]
    assert not any(has_revision(k) for k in kids[first:])
    # one row per paragraph of the new version, in order, after the header row
    cells = appendix_cells(docx)
    assert cells[0] == ["Paragraph", "Agreed share", "Sources (document and paragraph)", "New wording"]
    assert [r[0] for r in cells[1:]] == [p.id for p in cmp.new.paragraphs]
    by = {r[0]: r for r in cells[1:]}
    # 61/180 OP1 "Recognizes that broad international cooperation …" became a PP of 63/194
    pp = next(p for p in tr.paragraphs if p.text.startswith("Recognizing that broad international"))
    assert "A/RES/61/180 OP1" in by[pp.id][2]
    assert by[pp.id][1] == f"{pp.agreed_share * 100:.0f} %"
    new_pp = next(p for p in tr.paragraphs if p.text.startswith("Reaffirming the commitment"))
    assert by[new_pp.id][1] == "0 % (new)" and by[new_pp.id][3] == "entirely new"
    intro = " ".join(para_text(p) for p in root.iter(q("p"))
                     if p.find(f"{q('pPr')}/{q('pStyle')}") is not None
                     and p.find(f"{q('pPr')}/{q('pStyle')}").get(q("val")) in ("RCTraceTitle", "RCTrace"))
    assert "not part of the resolution text" in intro and "A/RES/61/180" in intro
    # the English excerpts' appendix is in English; the French draft's (below, in LibreOffice) in French
    assert intro.startswith("Agreed language in ")
    # a TraceResult or its trace_dict give the same file
    assert redline_docx(cmp, trace=trace_dict(tr), date="2008-12-18") == docx
    # the summary is still first and still its own thing
    assert styles_of(docx)[0] in SUMMARY_STYLES


def test_rows_match_the_trace(illustrative):
    cmp, tr = illustrative
    rows = trace_rows(trace_dict(tr))
    assert [r[0] for r in rows] == [p.id for p in cmp.new.paragraphs]
    for r, p in zip(rows, tr.paragraphs):
        if p.status == "new":
            assert r[1] == "0 % (new)"
        elif p.status == "agreed":
            assert r[1] == "100 %" and r[3].startswith("—")
        if p.spans:
            assert f"{p.spans_in_order()[0].primary.doc.name} {p.spans_in_order()[0].primary.paragraph}" in r[2]
        if p.draft_words:                   # wording found only in earlier drafts: said apart, never "agreed"
            assert f"(+{p.draft_share * 100:.0f} % from earlier drafts)" in r[1]
    assert any(p.status == "from earlier drafts" for p in tr.paragraphs)


def test_a_trace_of_another_text_is_refused(excerpts, illustrative):
    cmp, _ = excerpts
    _, other = illustrative
    with pytest.raises(ValueError, match="not of the new version"):
        redline_docx(cmp, trace=other)


def test_rtl_appendix_markup_is_sound(lib):
    old = api.load_text("إن الجمعية العامة،\n\nإذ تشير إلى قرارها 61/180 بشأن تحسين التنسيق،\n\n"
                        "1. تحث الدول الأعضاء على التصديق على الاتفاقية؛\n", name="ar-old")
    new = api.load_text("إن الجمعية العامة،\n\nإذ تشير إلى قرارها 61/180 بشأن تحسين التنسيق،\n\n"
                        "1. تحث بشدة الدول الأعضاء على التصديق على الاتفاقية؛\n", name="ar-new")
    cmp = api.compare(old, new)
    tr = trace_document(new, lib)
    docx = redline_docx(cmp, trace=tr)
    assert_round_trip(cmp, docx)
    assert len(appendix_cells(docx)) == len(new.paragraphs) + 1


# --------------------------------------------------------------------------- CLI


def test_cli_trace_appendix(tmp_path, capsys):
    db = tmp_path / "lib.sqlite3"
    old, new = SAMPLES / "A-RES-61-180.en.md", SAMPLES / "A-RES-63-194.en.md"
    out = tmp_path / "r.docx"
    assert main(["redline", str(old), str(new), "-o", str(out), "--trace-appendix", "--library", str(db),
                 "--before", "auto"]) == 0
    docx = out.read_bytes()
    cmp = api.compare(api.load(old), api.load(new))
    assert_round_trip(cmp, docx)
    cells = appendix_cells(docx)
    assert [r[0] for r in cells[1:]] == [p.id for p in cmp.new.paragraphs]
    assert any("A/RES/61/180 OP1" in r[2] for r in cells[1:])
    # the library file was only read (OLD went into a temporary copy)
    with Library.open(db) as lib:
        assert all(d.origin == "sample" for d in lib.documents())
    # without the option: no appendix
    out2 = tmp_path / "r2.docx"
    assert main(["redline", str(old), str(new), "-o", str(out2), "--library", str(db)]) == 0
    assert not set(styles_of(out2.read_bytes())) & set(TRACE_STYLES)


def test_cli_trace_appendix_bad_options(tmp_path, capsys):
    old, new = SAMPLES / "A-RES-61-180.en.md", SAMPLES / "A-RES-63-194.en.md"
    out = tmp_path / "r.docx"
    args = ["redline", str(old), str(new), "-o", str(out), "--trace-appendix", "--library", str(tmp_path / "l.db")]
    assert main(args + ["--min-words", "3"]) == 2
    assert main(args + ["--before", "someday"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(e.startswith("error:") for e in err)
    assert not out.exists()


# --------------------------------------------------------------------------- LibreOffice (a real client)


def test_appendix_in_the_documents_language(illustrative):
    """The French draft's appendix: headings, shares and sources in French, like its summary."""
    cmp, tr = illustrative
    cells = appendix_cells(redline_docx(cmp, trace=tr))
    assert cells[0] == ["Paragraphe", "Part agréée", "Sources (document et paragraphe)", "Nouveau libellé"]
    shares = {r[1] for r in cells[1:]}
    assert "0 % (nouveau)" in shares and not any("(new)" in x for x in shares)
    assert not any("entirely new" in r[3] or "none verbatim" in r[2] for r in cells[1:])


def test_libreoffice_accepts_and_rejects_with_the_appendix(tmp_path, excerpts, illustrative):
    import shutil

    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice (soffice) is not installed")
    from test_libreoffice import uno_python

    cmp, tr = illustrative
    f = tmp_path / "illustrative-trace.docx"
    f.write_bytes(redline_docx(cmp, trace=tr))
    out = tmp_path / "lo.json"
    here = Path(__file__).resolve().parent
    proc = subprocess.run([uno_python(), str(here / "support" / "lo_accept_reject.py"), str(out), str(f)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    res = json.loads(out.read_text(encoding="utf-8"))[str(f)]
    assert res["redlines"] > 0 and res["accept_left"] == 0 and res["reject_left"] == 0
    for mode, doc in (("accept", cmp.new), ("reject", cmp.old)):
        paras = [p for p in res[mode] if p["style"] in BODY_STYLES]
        assert [(p["text"], tuple((n, t) for n, t in p["footnotes"])) for p in paras] == expected(doc, typed=True)
    app_acc = [p["text"] for p in res["accept"] if p["style"].startswith("RCTrace")]
    app_rej = [p["text"] for p in res["reject"] if p["style"].startswith("RCTrace")]
    assert app_acc and app_acc == app_rej
    # the French draft's appendix speaks French, as its summary does
    assert any(t.startswith("Libellé agréé dans") for t in app_acc)
    assert any(t.startswith("Cette annexe ne fait pas partie du texte") for t in app_acc)


# --------------------------------------------------------------------------- the temporary library


def test_memory_library_and_its_copy_write_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with api.open_library(":memory:") as base:
        n = len(base.documents())
        assert n and base.in_memory and base.check() == []
        copy = base.memory_copy()
        with copy:
            info, new = copy.add_document(api.load_text("The General Assembly,\n\n1. Decides to remain seized "
                                                        "of the matter for ever and ever;\n", name="x"))
            assert new and len(copy.documents()) == n + 1
        assert len(base.documents()) == n                 # the original is untouched
    assert list(tmp_path.iterdir()) == []                 # and no file was written


def test_appendix_warnings_in_the_documents_language(lib, illustrative):
    """The trace's own warning in a French appendix is French: traced only against English texts,
    the French draft's appendix says why everything reads as new wording — in French, not English."""
    cmp, _ = illustrative
    french = [d.id for d in lib.documents() if d.language == "fr"]
    tr = trace_document(cmp.new, lib, exclude={str(i): "test" for i in french})
    assert tr.notes and tr.notes[-1].code == "other_language" and "draft's language (fr)" in tr.warnings[-1]
    intro = [p.text for p in oracle.view(redline_docx(cmp, trace=tr), "accept", TRACE_STYLES)]
    note = next(t for t in intro if t.startswith("Remarque : "))
    assert "aucun des textes consultés n’est dans la langue du projet (fr)" in note
    assert "none of the texts" not in " ".join(intro)
    # no share stated that was not measured ("Au total, 0 mots sur …")
    assert "Le libellé agréé n’a pas pu être mesuré" in " ".join(intro) and "Au total" not in " ".join(intro)
    assert trace_dict(tr)["notes"][-1] == {"code": "other_language", "params": {"lang": "fr"}}
