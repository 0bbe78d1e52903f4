"""Words one copy does not hold because its excerpt is cut there, in the HTML page and the PDF.

Such words are unknown, not deleted or added: the HTML once struck them (``<del class="minor">``,
"[−…]") or underlined them (``<ins class="minor">``, "[+…]"), grey being all that set them apart
from a real change — lost on a black-and-white print.  They now read "(not in this copy: …)", as in
the text report and the table, in the column of the copy that lacks them; the column of the version
that holds them shows them as its plain text.  Real changes and typographic variants are unchanged.
"""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from compare import api
from compare.export.html import comparisons_html, inline_html, side_html
from compare.export.pdf import comparison_pdf


def _cmp(samples, old: str, new: str):
    return api.compare(api.load(samples / old), api.load(samples / new))


def _row(html: str, old_id: str) -> str:
    """The ``<tr>`` of the pair whose old side is ``old_id``."""
    return re.search(rf'<tr[^>]*data-old="{re.escape(old_id)}".*?</tr>', html).group(0)


def _cells(row: str) -> list[str]:
    return re.findall(r"<td[^>]*>(.*?)</td>", row)


def _marked(html: str) -> list[str]:
    """The texts of every ``<del>`` and ``<ins>`` (tags inside removed)."""
    return [re.sub(r"<[^>]+>", "", m) for m in re.findall(r"<(?:del|ins)[^>]*>(.*?)</(?:del|ins)>", html)]


def _plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_words_past_an_old_copys_cut_end_are_not_struck_or_added(samples):
    """61/180's OP1 stops at "trafficking i" (page break); 63/194 reads on "in persons and other
    contemporary forms of slavery,".  The page said "[−i]" / "[+in persons …]"."""
    row = _row(comparisons_html([_cmp(samples, "A-RES-61-180.en.md", "A-RES-63-194.en.md")]), "OP1")
    old, new = _cells(row)[1], _cells(row)[3]
    assert not any("in persons" in t or t == "i" for t in _marked(row))
    assert _plain(old).endswith("trafficking (not in this copy: in persons and other contemporary forms of slavery,)")
    assert '<span class="unknown">' in old
    assert _plain(new).endswith("trafficking in persons and other contemporary forms of slavery,")
    assert "not in this copy" not in new                 # 63/194 holds these words
    # the real change of the same pair stays a deletion and an insertion
    assert "<del><i class=\"lw\">Recognizes</i></del>" in old and "<ins><i class=\"lw\">Recognizing</i></ins>" in new


def test_words_before_a_new_copys_cut_start_are_not_struck(samples):
    """78/228's copy starts inside what 74/176 prints whole as PP4: 74/176's 38 words before were
    struck as "[−Recalling the adoption … types of]"; and what 78/228 reads past 74/176's cut end
    ("and by 2025 end child labour …") was underlined as added."""
    row = _row(comparisons_html([_cmp(samples, "A-RES-74-176.en.md", "A-RES-78-228.en.md")]), "PP4")
    old, new = _cells(row)[1], _cells(row)[3]
    assert not any("Recalling the adoption" in t or "by 2025" in t for t in _marked(row))
    assert _plain(new).startswith("(not in this copy: Recalling the adoption by the General Assembly")
    assert _plain(new).endswith("torture of children,")
    assert _plain(old).startswith("Recalling the adoption by the General Assembly")    # 74/176's own words
    assert '<i class="lw">Recalling</i>' in old                                        # its leading word, as printed
    assert _plain(old).endswith("child soldiers, (not in this copy: and by 2025 end child labour in all its forms, "
                                "and on ending abuse and exploitation of, trafficking in and all forms of violence "
                                "against and torture of children,)")
    assert _marked(row) == ["human trafficking", "trafficking in persons"]


def test_an_old_copy_cut_at_its_start_shows_the_new_leading_words_as_unknown(samples):
    """70/179's copy starts at "Especially Women and Children": 78/228's words before it were
    underlined as if 78/228 had added them."""
    cmp = _cmp(samples, "A-RES-70-179.en.md", "A-RES-78-228.en.md")
    row = _row(comparisons_html([cmp]), "PP?1")
    old, new = _cells(row)[1], _cells(row)[3]
    assert _plain(old).startswith("(not in this copy: Recalling also the United Nations Convention")
    assert _plain(new).startswith("Recalling also the United Nations Convention") and "not in this copy" not in new
    assert not any("Recalling also" in t for t in _marked(row))
    assert any(t.startswith("supplementing the United Nations Convention") for t in _marked(old))
    assert any("welcoming the twentieth anniversary" in t for t in _marked(new))


def test_inline_markup_writes_the_cut_words_as_not_in_this_copy(samples):
    """The one-run markup (both sides) reads as the text report: unknown words in the note, the
    real change struck and underlined."""
    cmp = _cmp(samples, "A-RES-74-176.en.md", "A-RES-78-228.en.md")
    p = next(p for p in cmp.pairs if p.old == ["PP4"])
    html = inline_html(p.diff, cut_start=p.cut_start, cut=p.cut)
    assert _marked(html) == ["human trafficking", "trafficking in persons"]
    assert _plain(html).startswith("(not in this copy: Recalling the adoption")
    assert _plain(html).endswith("child soldiers, (not in this copy: and by 2025 end child labour in all its forms, "
                                 "and on ending abuse and exploitation of, trafficking in and all forms of violence "
                                 "against and torture of children,)")
    # without the pair's cut flags the words are still a diff's minor runs (callers must pass them)
    assert any("Recalling the adoption" in t for t in _marked(inline_html(p.diff)))


def test_the_note_speaks_the_pages_language(samples):
    cmp = _cmp(samples, "A-RES-61-180.en.md", "A-RES-63-194.en.md")
    p = next(p for p in cmp.pairs if p.old == ["OP1"])
    html = side_html(p.diff, "old", cut_start=p.cut_start, cut=p.cut, lang="fr")
    assert _plain(html).endswith("(absent de cette copie : in persons and other contemporary forms of slavery,)")


def test_typographic_variants_stay_grey_deletions_and_insertions(samples):
    """Rev.1 (straight apostrophes) → 78/228 fr (curly): a real minor variant, not a cut."""
    html = comparisons_html([_cmp(samples, "draft-rev1-2008-11-10.fr.md", "A-RES-78-228.fr.md")])
    assert '<del class="minor">l&#x27;</del>' in html and "<ins class=\"minor\">l’</ins>" in html


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (pdftotext) is not installed")
@pytest.mark.parametrize("view", ["side-by-side", "inline"])
def test_the_pdf_prints_the_cut_words_as_not_in_this_copy(samples, tmp_path, view):
    """On paper a deletion reads "[−…]" (del::before) and an insertion "[+…]": the cut words must not.
    74/176's words before 78/228's cut start are "(not in this copy: …)"; 78/228's own words past
    74/176's cut end are that too in 74/176's column, and plain text in the inline view (of 78/228)."""
    pytest.importorskip("weasyprint", reason="WeasyPrint is not installed (pip install weasyprint)")
    pdf = tmp_path / "cut.pdf"
    pdf.write_bytes(comparison_pdf([_cmp(samples, "A-RES-74-176.en.md", "A-RES-78-228.en.md")], view))
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "(not in this copy: Recalling the adoption" in text
    tail = "and by 2025 end child labour"
    assert (f"(not in this copy: {tail}" if view == "side-by-side" else tail) in text
    assert "[−Recalling" not in text and "[+ and by 2025" not in text and "[+and by 2025" not in text
    assert "[−human trafficking]" in text and "[+trafficking in persons]" in text


def test_a_view_of_the_new_version_writes_only_the_words_it_lacks_as_the_note(samples):
    """The inline view is the new version with the old one's words struck (``both``): what 78/228
    reads past 74/176's cut is its own plain text there, what only 74/176 holds is the note."""
    from compare.export.html import cut_segments, drawn_segments, pieces_html

    cmp = _cmp(samples, "A-RES-74-176.en.md", "A-RES-78-228.en.md")
    p = next(p for p in cmp.pairs if p.old == ["PP4"])
    segs, notes = drawn_segments(p.diff, "new", p.cut_start, p.cut, both=True)
    html = pieces_html(cut_segments(segs, "insert", set(), 0)[0], None, notes=notes)
    assert _marked(html) == ["human trafficking", "trafficking in persons"]
    assert _plain(html).startswith("(not in this copy: Recalling the adoption")
    assert _plain(html).endswith("child soldiers, and by 2025 end child labour in all its forms, and on ending abuse "
                                 "and exploitation of, trafficking in and all forms of violence against and torture "
                                 "of children,")
