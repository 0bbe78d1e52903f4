"""A real client: LibreOffice opens our files and accepts/rejects the tracked changes itself.

One headless ``soffice`` run for all the redlines (``tests/support/lo_accept_reject.py``
through python3-uno, run with the system Python as a subprocess) and one
conversion run per table format, so the module stays a few seconds long.

Skipped only when ``soffice`` is not installed.  CI installs it:
``apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui python3-uno``.
"""
from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from support.synthetic import base_document, generate_pairs, make_class_revision  # noqa: E402
from test_redline import expected  # noqa: E402

from compare import api  # noqa: E402
from compare.align import AlignParams  # noqa: E402
from compare.classify import compare_documents  # noqa: E402
from compare.export.redline import BODY_STYLES, OUTSIDE_STYLE, redline_docx  # noqa: E402
from compare.export.table import table_bytes  # noqa: E402

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "samples"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: "
                                "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui python3-uno")


def uno_python() -> str:
    for py in ("/usr/bin/python3", shutil.which("python3") or "", sys.executable):
        if py and subprocess.run([py, "-c", "import uno"], capture_output=True).returncode == 0:
            return py
    pytest.fail("LibreOffice is installed but no Python can import uno: apt-get install python3-uno")


def _comparisons():
    rev1 = api.load(SAMPLES / "draft-rev1-2008-11-10.fr.md")
    rev2 = api.load(SAMPLES / "draft-rev2-illustrative.fr.md")
    out = {"illustrative": api.compare(rev1, rev2)}
    out["excerpts"] = api.compare(api.load(SAMPLES / "A-RES-61-180.en.md"), api.load(SAMPLES / "A-RES-63-194.en.md"))
    # generated revisions: the first ones holding moves, splits and merges
    picked = 0
    for k, (old, new, _) in enumerate(generate_pairs(12, 77)):
        cmp = api.compare(old, new)
        kinds = {p.status for p in cmp.pairs}
        if any(p.moved for p in cmp.pairs) and ({"split", "merged"} & kinds):
            out[f"synthetic{k}"] = cmp
            picked += 1
        if picked == 3:
            break
    target = next(p for p in rev1.paragraphs if "'" in p.text)
    typo = replace(rev1, label="typo", paragraphs=[replace(p, text=p.text.replace("'", "’"))
                                                   if p.id == target.id else p for p in rev1.paragraphs])
    out["minor"] = api.compare(rev1, typo)
    # scattered splits and merges (a part that went elsewhere): moves of the part plus a paragraph-mark change.
    # (Seeds whose background noise adds no paragraph at the very end: LibreOffice keeps an empty paragraph
    # when it rejects an inserted last paragraph, scattered groups or not.)
    base = base_document()
    scattered = AlignParams(scattered_groups=True)
    for cls in ("scattered_split", "scattered_merge"):
        for seed in (1, 2):
            old, new, _ = make_class_revision(base, random.Random(seed), cls)
            cmp = compare_documents(old, new, params=scattered)
            assert any(s.old or s.new for s in cmp.placement), (cls, seed)     # really laid out in parts
            out[f"scattered-{cls}-{seed}"] = cmp
    return out


@pytest.fixture(scope="module")
def lo_results(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("lo")
    comparisons = _comparisons()
    files = {}
    for name, cmp in comparisons.items():
        f = tmp / f"{name}.docx"
        f.write_bytes(redline_docx(cmp, numbering="auto"))
        files[name] = f
    f = tmp / "illustrative-di.docx"
    f.write_bytes(redline_docx(comparisons["illustrative"], moves="delete-insert", summary=False, numbering="auto"))
    files["illustrative-di"] = f
    comparisons["illustrative-di"] = comparisons["illustrative"]
    for name in [k for k in comparisons if k.startswith("scattered")]:
        f = tmp / f"{name}-di.docx"
        f.write_bytes(redline_docx(comparisons[name], moves="delete-insert", numbering="auto"))
        files[f"{name}-di"] = f
        comparisons[f"{name}-di"] = comparisons[name]
    # typed numbers (numbering="typed"): the same comparisons, numbers as tracked text
    for name in [k for k in comparisons if not k.endswith("-di") and k != "minor"]:
        f = tmp / f"{name}-typed.docx"
        f.write_bytes(redline_docx(comparisons[name], numbering="typed"))
        files[f"{name}-typed"] = f
        comparisons[f"{name}-typed"] = comparisons[name]
    out = tmp / "lo.json"
    proc = subprocess.run([uno_python(), str(HERE / "support" / "lo_accept_reject.py"), str(out), *map(str, files.values())],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    return {name: (comparisons[name], data[str(f)]) for name, f in files.items()}


# "excerpts" was an expected failure while paragraphs outside the excerpt (some holding footnote anchors)
# were whole tracked deletions/insertions, which LibreOffice 7.4 does not join away; they are untracked now.
NAMES = ["illustrative", "illustrative-di", "excerpts", "minor", "synthetic", "scattered",
         "illustrative-typed", "excerpts-typed", "synthetic-typed", "scattered-typed"]


@pytest.mark.parametrize("name", NAMES)
def test_libreoffice_accepts_and_rejects_exactly(lo_results, name):
    typed = name.endswith("-typed")
    base = name.removesuffix("-typed")
    items = [v for k, v in lo_results.items() if k.endswith("-typed") == typed
             and (k.removesuffix("-typed") == base
                  or (base in ("synthetic", "scattered") and k.startswith(base)))]
    assert items, name
    for cmp, res in items:
        assert res["redlines"] > 0
        assert res["accept_left"] == 0 and res["reject_left"] == 0
        for mode, doc, side in (("accept", cmp.new, "new"), ("reject", cmp.old, "old")):
            paras = [p for p in res[mode] if p["style"] in BODY_STYLES]
            got = [(p["text"], tuple((n, t) for n, t in p["footnotes"])) for p in paras]
            want = expected(doc, tuple(cmp.out_of_scope[side]), typed)
            assert got == want, (name, mode)
        # paragraphs outside an excerpt are not revisions: accept and reject leave them as they are
        assert [p["text"] for p in res["accept"] if p["style"] == OUTSIDE_STYLE] == \
               [p["text"] for p in res["reject"] if p["style"] == OUTSIDE_STYLE]
        # the summary is untouched by accept/reject
        assert [p["text"] for p in res["accept"] if p["style"].startswith("RCSummary")] == \
               [p["text"] for p in res["reject"] if p["style"].startswith("RCSummary")]


# --------------------------------------------------------------------------- compilation tables


def _convert(files: list[Path], fmt: str, outdir: Path, tmp: Path) -> None:
    profile = tmp / "profile"
    proc = subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
                           "--convert-to", fmt, "--outdir", str(outdir), *map(str, files)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_compilation_tables_open_in_libreoffice(tmp_path):
    fr = [api.load(SAMPLES / n) for n in ("draft-rev1-2008-11-10.fr.md", "draft-rev2-illustrative.fr.md")]
    en = [api.load(SAMPLES / n) for n in ("A-RES-61-180.en.md", "A-RES-63-194.en.md", "A-RES-64-178.en.md")]
    mixed = [en[0]] + fr
    lineages = {"fr": api.compare_versions(fr), "en": api.compare_versions(en), "mixed": api.compare_versions(mixed)}
    docx_files, xlsx_files = [], []
    for name, lin in lineages.items():
        (tmp_path / f"{name}.docx").write_bytes(table_bytes(lin, "docx"))
        (tmp_path / f"{name}.xlsx").write_bytes(table_bytes(lin, "xlsx"))
        docx_files.append(tmp_path / f"{name}.docx")
        xlsx_files.append(tmp_path / f"{name}.xlsx")
    pdf_dir, csv_dir = tmp_path / "pdf", tmp_path / "csv"
    _convert(docx_files, "pdf", pdf_dir, tmp_path)
    _convert(xlsx_files, "csv:Text - txt - csv (StarCalc):44,34,76", csv_dir, tmp_path)
    for name, lin in lineages.items():
        pdf = (pdf_dir / f"{name}.pdf").read_bytes()
        assert pdf.startswith(b"%PDF") and len(pdf) > 2000
        df = pd.read_csv(csv_dir / f"{name}.csv", dtype=str, keep_default_na=False)
        assert len(df) == len(lin.rows) + 1                # the header row, then one row per lineage
        df = df.iloc[1:]
        assert list(df.columns) == [d.label for d in lin.versions]
        # first column: plain ids and texts of the first version, in lineage order
        first = [c for c in df.iloc[:, 0] if c and not c.startswith("(")]     # "(not in this excerpt)" notes
        assert first == [f"{' + '.join(r[0])}: " + "\n".join(lin.versions[0].by_id(i).text for i in r[0])
                         for r in lin.rows if r[0]]


# --------------------------------------------------------------------------- markup view


def _markup_view(tmp_path: Path, **options) -> list[str]:
    """The illustrative redline as LibreOffice shows it with changes visible: rendered to PDF (and its
    first page to PNG, as a user would see it); its text lines, spaces collapsed."""
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftotext, pdftoppm) is not installed")
    cmp = _comparisons()["illustrative"]
    (tmp_path / "markup.docx").write_bytes(redline_docx(cmp, summary=False, **options))
    _convert([tmp_path / "markup.docx"], "pdf", tmp_path, tmp_path)
    pdf = tmp_path / "markup.pdf"
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=120)
    assert list(tmp_path.glob("page*.png"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True, timeout=120).stdout
    return [" ".join(line.split()) for line in text.splitlines()]


@pytest.mark.xfail(strict=True, reason=(
    "LibreOffice 7.4 (Debian 12) labels a list item in its markup view with its number in a 'changes hidden' "
    "list, then its original number in brackets. A paragraph joins that list when its numbering is read at "
    "import only if no tracked deletion touches it (SwTextNode::AddToList, GetRedlinePos(node, Delete) == npos; "
    "inferred from today's sw source, which since accepts a deletion that starts in the paragraph, and from "
    "experiments), so every paragraph holding a tracked deletion (even one word) and the paragraph after a deleted paragraph "
    "mark are left out: OP6 → OP5 reads '[6.] EncourageEngage' and later numbers run low ('2.[9.] Salue'). "
    "Tried by hand: ins/del order, deletion at the end, numbering from the paragraph style, w:pPrChange with the "
    "old w:numPr, w:rsid attributes, the deleted word as w:moveFrom: none changes it; a deleted paragraph mark "
    "moved to the end of the previous paragraph fixes only the second case. Typed numbers "
    "(test_markup_view_typed_numbers_read_cleanly) read cleanly. Accept/reject results are exact either way."))
def test_markup_view_labels_read_cleanly(tmp_path):
    """Automatic numbering: each kept paragraph shows its new number, then its old one in brackets when
    it changed."""
    lines = _markup_view(tmp_path, numbering="auto")
    assert any(line.startswith("5.[6.] EncourageEngage") for line in lines), "OP6 → OP5"
    assert any(line.startswith("7.[9.] Salue") for line in lines), "OP9 → OP7"


def test_markup_view_typed_numbers_read_cleanly(tmp_path):
    """Typed numbers: a renumbered paragraph opens with its old number (deleted) then its new one
    (inserted), the UN redline convention ("6.5." as text); a deleted paragraph keeps its old number, an
    inserted one shows its new number; no paragraph shows a number it does not have in either version."""
    lines = _markup_view(tmp_path)          # the default: typed numbers
    assert any(line.startswith("6.5. EncourageEngage") for line in lines), "OP6 → OP5"
    assert any(line.startswith("9.7. Salue") for line in lines), "OP9 → OP7"
    assert any(line.startswith("3. Considère") for line in lines), "OP3 deleted"
    assert any(line.startswith("4. Invite les États Membres à continuer") for line in lines), "OP4 split off"
    assert not any(line.startswith(("[", "1.[", "2.[")) for line in lines)


# --------------------------------------------------------------------------- Word tables, notes, text boxes


def test_libreoffice_accepts_and_rejects_word_tables_and_notes(tmp_path):
    """Redlines of generated Word pairs (cell edit, row inserted, row deleted, numbers-only
    rows, merged and nested cells, a text box, endnotes, a page header): LibreOffice's own Accept all / Reject all give the
    new / old paragraphs, table cells included."""
    import test_docx_redline as t

    pairs = {}
    for case, (old_rows, new_rows) in t.CASES.items():
        pairs[case.replace(" ", "-")] = (t.doc(t.HEAD + t.grid(old_rows) + t.p(t.r("After the table."))),
                                         t.doc(t.HEAD + t.grid(new_rows) + t.p(t.r("After the table."))))
    ref = '<w:r><w:endnoteReference w:id="1"/></w:r>'
    pairs["endnote"] = (t.doc(t.p(t.r("Main text with a note") + ref), endnotes={1: "Old endnote."}),
                        t.doc(t.p(t.r("Main text with a note") + ref), endnotes={1: "New endnote."}))
    pairs["header"] = (t._with_header("A/C.3/63/L.17"), t._with_header("A/C.3/63/L.17/Rev.1"))
    pairs["text-box"] = (t.doc(t.p(t.r("Anchor text") + t.textbox("Box says hello")) + t.p(t.r("After."))),
                         t.doc(t.p(t.r("Anchor text") + t.textbox("Box says goodbye")) + t.p(t.r("After."))))
    merged = '<w:gridSpan w:val="2"/>'
    pairs["merged-nested"] = (
        t.doc(t.tbl(t.tr(t.tc(t.p(t.r("Merged heading")), props=merged)),
                    t.tr(t.tc(t.p(t.r("outer")) + t.grid([["in 1", "in 2"]])), t.tc(t.p(t.r("right")))))),
        t.doc(t.tbl(t.tr(t.tc(t.p(t.r("Merged heading, revised")), props=merged)),
                    t.tr(t.tc(t.p(t.r("outer")) + t.grid([["in 1", "in 3"]])), t.tc(t.p(t.r("right")))))))
    files = {}
    for name, (old, new) in pairs.items():
        f = tmp_path / f"{name}.docx"
        f.write_bytes(redline_docx(api.compare(old, new), summary=False))
        files[name] = f
    out = tmp_path / "lo.json"
    proc = subprocess.run([uno_python(), str(HERE / "support" / "lo_accept_reject.py"), str(out), *map(str, files.values())],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    for name, f in files.items():
        res = data[str(f)]
        old, new = pairs[name]
        assert res["accept_left"] == 0 and res["reject_left"] == 0, name
        for mode, d in (("accept", new), ("reject", old)):
            got = [p["text"] for p in res[mode] if p["text"].strip()]
            assert got == [x.text for x in d.paragraphs], (name, mode)
        notes = {mode: [n for p in res[mode] for _, n in p["footnotes"]] for mode in ("accept", "reject")}
        if name == "endnote":
            assert notes == {"accept": ["New endnote."], "reject": ["Old endnote."]}
        if name == "header":
            assert (res["accept_pages"], res["reject_pages"]) == (["A/C.3/63/L.17/Rev.1"], ["A/C.3/63/L.17"])
