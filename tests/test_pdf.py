"""Printed output, read back as a reader would: the comparison PDF (both views) and the
compilation .xlsx printed by LibreOffice, rendered to pages with poppler (pdftotext, pdftoppm).

Checks what a delegate sees on paper: every paragraph id of every version is printed, every page
has the header naming the versions and "page n of N", the first page lists the changes, nothing
runs into the page edge (the outer strips of each rendered page are blank), the page count is
sensible.  Skips with the reason when WeasyPrint, poppler or LibreOffice is missing.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from compare import api
from compare.cli import main
from compare.export.labels import is_change

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PAIR = ("draft-rev1-2008-11-10.fr.md", "draft-rev2-illustrative.fr.md")
LINEAGE = ("A-RES-61-180.en.md", "A-RES-63-194.en.md", "A-RES-64-178.en.md")

needs_poppler = pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdftoppm")),
                                   reason="poppler-utils (pdftotext, pdftoppm) is not installed")


def weasy():
    return pytest.importorskip("weasyprint", reason="WeasyPrint is not installed (pip install weasyprint)")


def lineage_of(names):
    return api.compare_versions([api.load(SAMPLES / n) for n in names])


def pages_text(pdf: Path, layout: bool = True) -> list[str]:
    """Text of each page; ``layout=False`` reads column by column (a table's cells stay whole)."""
    args = ["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


def page_size(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    return float(m[1]), float(m[2])


def edge_ink(pdf: Path, tmp: Path, strip_mm: float = 6.0) -> list[tuple[int, str]]:
    """(page, side) of each rendered page whose outer ``strip_mm`` on the left or right holds ink:
    text or rules running into the page edge."""
    from PIL import Image

    prefix = tmp / pdf.stem
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(prefix)], check=True)
    hits = []
    for k, png in enumerate(sorted(tmp.glob(f"{pdf.stem}-*.png")), start=1):
        img = Image.open(png).convert("L")
        w, h = img.size
        px = max(1, round(strip_mm / 25.4 * 40))
        for side, box in (("left", (0, 0, px, h)), ("right", (w - px, 0, w, h))):
            if img.crop(box).getextrema()[0] < 200:
                hits.append((k, side))
    return hits


def has_id(text: str, pid: str) -> bool:
    """``pid`` printed as a whole id ("PP1" not inside "PP12")."""
    return re.search(rf"(?<![\w?]){re.escape(pid)}(?![\w(])", text) is not None


def check_pdf(pdf: Path, lineage, view: str, tmp: Path) -> list[str]:
    pages = pages_text(pdf)
    n = len(pages)
    text = "\n".join(pages)
    # every paragraph id of every version is printed
    for d in lineage.versions:
        missing = [p.id for p in d.paragraphs if not has_id(text, p.id)]
        assert not missing, f"{view}: {d.label} ids not printed: {missing}"
    # every page names the versions and says where it is
    for k, page in enumerate(pages, start=1):
        assert f"page {k} of {n}" in page, f"{view}: no page number on page {k}"
        assert "→" in page.split("\n", 1)[0], f"{view}: no header naming the versions on page {k}"
    # a first page per comparison with the change list
    for c in lineage.comparisons:
        k = len([p for p in c.pairs if is_change(p)])
        assert f"{k} change" in text
    # sensible length: more than the summary, fewer than a page per paragraph pair
    pairs = sum(len(c.pairs) for c in lineage.comparisons)
    assert 1 + len(lineage.comparisons) <= n <= len(lineage.comparisons) + pairs // 2 + 2, (view, n)
    assert edge_ink(pdf, tmp) == [], f"{view}: something runs into the page edge"
    return pages


@needs_poppler
@pytest.mark.parametrize("names", [PAIR, LINEAGE], ids=["bundled-pair", "lineage-61-63-64"])
@pytest.mark.parametrize("view", ["side-by-side", "inline"])
def test_pdf_prints_every_paragraph_on_sensible_pages(names, view, tmp_path):
    weasy()
    from compare.export.pdf import comparison_pdf

    lin = lineage_of(names)
    pdf = tmp_path / f"{view}.pdf"
    pdf.write_bytes(comparison_pdf(lin.comparisons, view))
    w, h = page_size(pdf)
    a4 = sorted((w, h)) == pytest.approx([595.3, 841.9], abs=1)
    assert a4 and ((w > h) if view == "side-by-side" else (h > w))     # A4 landscape / portrait
    pages = check_pdf(pdf, lin, view, tmp_path)
    flat = re.sub(r"\s+", " ", "\n".join(pages))
    if names == PAIR:
        assert "“Encourage” → “Engage”" in flat                       # the leading-word change is listed
        if view == "inline":                                           # the new text in order, footnotes below
            body = re.sub(r"\s+", " ", "\n".join(pages[1:]))
            at = [re.search(rf"(?<![\w?]){re.escape(p.id)}(?![\w(])", body).start()
                  for p in lin.versions[1].paragraphs]
            assert at == sorted(at)
            cmp = lin.comparisons[0]
            words = re.sub(r"(?<=[^\W\d])\d+", "", body)                 # footnote markers out
            for pair in cmp.pairs:
                if pair.status == "unchanged":
                    text = cmp.new.by_id(pair.new[0]).text
                    assert " ".join(text.split()[1:4]) in words and " ".join(text.split()[-3:]) in words
            assert body.index("Ibid., vol. 266") > at[-1]


@needs_poppler
def test_cli_writes_the_pdf_for_the_pair_and_the_lineage(tmp_path, capsys):
    weasy()
    out = tmp_path / "pair.pdf"
    assert main(["diff", *(str(SAMPLES / n) for n in PAIR), "--format", "pdf", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    out3 = tmp_path / "lineage.pdf"
    assert main(["diff", *(str(SAMPLES / n) for n in LINEAGE), "--format", "pdf", "--view", "inline",
                 "--paper", "Letter", "-o", str(out3), "--labels", "61/180,63/194,64/178"]) == 0
    w, h = page_size(out3)
    assert (w, h) == pytest.approx((612, 792), abs=1)                   # Letter portrait
    text = "\n".join(pages_text(out3))
    assert "61/180 → 63/194" in text and "63/194 → 64/178" in text
    # no output file: one line, exit 2
    assert main(["diff", *(str(SAMPLES / n) for n in PAIR), "--format", "pdf"]) == 2
    assert "needs an output file" in capsys.readouterr().err


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@needs_poppler
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_printed_xlsx_compilation_table(tmp_path):
    """The .xlsx as LibreOffice prints it: A4 landscape, header row on every page, every id, nothing cut."""
    from compare.export.table import table_bytes

    lin = lineage_of(LINEAGE)
    labels = [d.label for d in lin.versions]
    xlsx = tmp_path / "table.xlsx"
    xlsx.write_bytes(table_bytes(lin, "xlsx"))
    proc = subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path / 'lo'}",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(xlsx)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    pdf = tmp_path / "table.pdf"
    w, h = page_size(pdf)
    assert sorted((w, h)) == pytest.approx([595.3, 841.9], abs=1) and w > h
    pages = pages_text(pdf)
    assert 1 <= len(pages) <= len(lin.rows) // 2 + 1
    for k, page in enumerate(pages, start=1):
        assert all(lab in page for lab in labels), f"header row not repeated on page {k}"
        assert f"page {k} of {len(pages)}" in page
    text = "\n".join(pages_text(pdf, layout=False))
    for d in lin.versions:
        missing = [p.id for p in d.paragraphs if not has_id(text, p.id)]
        assert not missing, f"{d.label}: ids not printed: {missing}"
    # rows are tall enough: every word of every cell is printed (a clipped cell loses its last lines)
    from collections import Counter

    from compare.export.table import cells

    def words(t: str) -> list[str]:                  # "non-governmental" may break after its hyphen
        return re.findall(r"\w+", t.replace("-", ""))

    want = Counter(w for row in cells(lin) for c in row for w in words(c.head + " " + "".join(t for _, t in c.parts)))
    missing = want - Counter(words(text))
    assert not missing, f"words not printed (cut off?): {list(missing.items())[:10]}"
    assert edge_ink(pdf, tmp_path) == []


def test_first_page_shows_header_changes_and_explains_unknown_numbers():
    """Review of issue #12: a PDF of Rev.1 → Rev.2 never said the date had changed (the first
    page read only "… changes"), and a PDF of the excerpts showed PP?2 without the legend the
    screen shows.  Checked on the HTML the PDF is printed from (no WeasyPrint needed)."""
    from compare.export.pdf import print_html

    rev = lineage_of(["draft-rev1-2008-11-10.fr.md", "draft-rev2-illustrative.fr.md"]).comparisons
    for view in ("side-by-side", "inline"):
        page = print_html(rev, view)
        assert 'data-header="date"' in page and "date: “2008-11-10” → “2008-11-17”" in page
    excerpt = lineage_of(["A-RES-61-180.en.md", "A-RES-63-194.en.md"]).comparisons
    assert any("?" in i for p in excerpt[0].pairs for i in p.new)
    assert 'data-legend="unknown-number"' in print_html(excerpt, "inline")
    assert "(1 paragraph pair)" in print_html(excerpt, "inline")
