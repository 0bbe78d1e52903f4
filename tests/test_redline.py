"""Word redlines with real tracked changes (compare.export.redline).

The oracle: accepting all revisions gives exactly the new version's paragraph
texts (and footnotes) in order, rejecting all gives exactly the old one's —
checked here with our own XML transformation (tests/support/ooxml_oracle.py); the
same files go through LibreOffice in tests/test_libreoffice.py.
"""
from __future__ import annotations

import io
import random
import sys
import zipfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
from support import ooxml_oracle as oracle  # noqa: E402
from support.synthetic import base_document, generate_pairs, make_class_revision  # noqa: E402

from compare import api  # noqa: E402
from compare.align import AlignParams  # noqa: E402
from compare.classify import compare_documents  # noqa: E402
from compare.cli import main  # noqa: E402
from compare.export.redline import (BODY_STYLES, OUTSIDE_STYLE, SUMMARY_BOOKMARK, SUMMARY_STYLES,  # noqa: E402
                                    missing_note, number_label, numbering_mode, redline_docx)
from compare.model import Document, Paragraph  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
W = oracle.W


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


# --------------------------------------------------------------------------- helpers


def expected(doc: Document, outside: tuple[str, ...] = (), typed: bool = False
             ) -> list[tuple[str, tuple[tuple[int, str], ...]]]:
    """The paragraphs accept (new) or reject (old) must give: all but those outside the excerpt.
    ``typed``: a redline with typed numbers, so numbered paragraphs open with "5.<tab>"."""
    notes: dict[str, str] = {}
    for f in doc.footnotes:
        notes.setdefault(f.number, f.text)
    out = []
    for p in doc.paragraphs:
        if p.id in outside:
            continue
        label = number_label(p, doc.meta.language) if typed else ""
        head = label + "\t" if label else ""
        out.append((head + p.text, tuple((len(head) + min(r.offset, len(p.text)), notes.get(r.number) or missing_note(r.number))
                                         for r in sorted(p.footnote_refs, key=lambda r: r.offset))))
    return out


def got(docx: bytes, mode: str) -> list[tuple[str, tuple[tuple[int, str], ...]]]:
    return [(p.text, p.footnotes) for p in oracle.view(docx, mode, BODY_STYLES)]


def assert_round_trip(cmp, docx: bytes, typed: bool | None = None) -> None:
    """``typed`` None: the redline was written with the default numbering (typed)."""
    if typed is None:
        typed = True
    assert oracle.check_markup(docx) == []
    assert got(docx, "accept") == expected(cmp.new, tuple(cmp.out_of_scope["new"]), typed)
    assert got(docx, "reject") == expected(cmp.old, tuple(cmp.out_of_scope["old"]), typed)
    # paragraphs outside an excerpt: the same, untracked, whichever way
    assert oracle.view(docx, "accept", (OUTSIDE_STYLE,)) == oracle.view(docx, "reject", (OUTSIDE_STYLE,))


def document_xml(docx: bytes):
    return etree.fromstring(oracle.parts(docx)["word/document.xml"])


def para_text(p) -> str:
    return "".join(t.text or "" for t in p.iter(q("t"), q("delText")))


def has_revision(p) -> bool:
    return any(True for tag in oracle.REV + ("pPrChange",) for _ in p.iter(q(tag)))


@pytest.fixture(scope="module")
def illustrative():
    old = api.load(SAMPLES / "draft-rev1-2008-11-10.fr.md")
    new = api.load(SAMPLES / "draft-rev2-illustrative.fr.md")
    return api.compare(old, new)


@pytest.fixture(scope="module")
def excerpts():
    old = api.load(SAMPLES / "A-RES-61-180.en.md")
    new = api.load(SAMPLES / "A-RES-63-194.en.md")
    return api.compare(old, new)


@pytest.fixture(scope="module")
def synthetic_comparisons():
    return [api.compare(old, new) for old, new, _ in generate_pairs(30, 2024)]


# --------------------------------------------------------------------------- the oracle


@pytest.mark.parametrize("moves", ["move", "delete-insert"])
@pytest.mark.parametrize("which", ["illustrative", "excerpts"])
def test_samples_round_trip(which, moves, request):
    cmp = request.getfixturevalue(which)
    assert_round_trip(cmp, redline_docx(cmp, moves=moves))


@pytest.mark.parametrize("moves", ["move", "delete-insert"])
def test_synthetic_round_trip(synthetic_comparisons, moves):
    kinds = set()
    for cmp in synthetic_comparisons:
        docx = redline_docx(cmp, moves=moves)
        assert_round_trip(cmp, docx)
        kinds |= {p.status for p in cmp.pairs} | ({"moved"} if any(p.moved for p in cmp.pairs) else set())
    # the generated revisions exercise every kind of change
    assert {"modified", "inserted", "deleted", "split", "merged", "moved"} <= kinds


# --------------------------------------------------------------------------- typed numbers


@pytest.mark.parametrize("moves", ["move", "delete-insert"])
def test_typed_numbers_round_trip(illustrative, excerpts, synthetic_comparisons, moves):
    """numbering="typed": accept all gives the new version with its numbers as text ("5.<tab>…"),
    reject all the old one with its numbers, through every kind of change."""
    for cmp in [illustrative, excerpts] + synthetic_comparisons:
        assert_round_trip(cmp, redline_docx(cmp, moves=moves, numbering="typed"), typed=True)
    base = base_document()
    for cls in ("scattered_split", "scattered_merge"):
        for seed in range(6):
            old, new, _ = make_class_revision(base, random.Random(seed), cls)
            cmp = compare_documents(old, new, params=AlignParams(scattered_groups=True))
            assert_round_trip(cmp, redline_docx(cmp, moves=moves, numbering="typed"), typed=True)


def test_typed_renumbering_is_the_number_deleted_and_inserted(illustrative):
    """A paragraph only renumbered carries exactly two marks: its old number deleted and its new
    one inserted (the UN redline convention); an unchanged number is plain text; no paragraph
    uses automatic numbering, and numbered ones keep the label's tab stop."""
    docx = redline_docx(illustrative, numbering="typed", summary=False)
    root = document_xml(docx)
    by_text = {"".join(t.text or "" for t in p.iter(q("t"))): p for p in root.iter(q("p"))}
    renumbered = [p for p in illustrative.pairs if p.status == "unchanged" and p.renumbered and not p.moved
                  and p.old[0].startswith("OP")]
    assert len(renumbered) >= 5
    for pair in renumbered:
        o, n = illustrative.old.by_id(pair.old[0]), illustrative.new.by_id(pair.new[0])
        p = by_text[number_label(n) + n.text]                    # w:t only (no tab): the accepted text
        assert [para_text(e) for e in p.iter(q("del"))] == [number_label(o)]     # nothing else deleted,
        assert [para_text(e) for e in p.iter(q("ins"))] == [number_label(n)]     # inserted, nor its mark
        assert not [e for tag in ("moveFrom", "moveTo", "pPrChange") for e in p.iter(q(tag))]
    kept = next(p for p in illustrative.pairs if p.status == "unchanged" and not p.renumbered
                and p.old[0].startswith("OP"))
    p = by_text[number_label(illustrative.new.by_id(kept.new[0])) + illustrative.new.by_id(kept.new[0]).text]
    assert not has_revision(p)
    assert not list(root.iter(q("numPr")))
    assert all(p.find(f"{q('pPr')}/{q('tabs')}") is not None for p in root.iter(q("p"))
               if p.find(f"{q('pPr')}/{q('pStyle')}").get(q("val")) == "RCOP")


def test_numbering_modes_and_their_marks(illustrative):
    """Renumber-only revision (an OP inserted at the top): auto numbering makes one inserted
    paragraph and nothing else; typed numbering adds a deleted and an inserted number per
    renumbered OP.  An unknown mode is refused."""
    old = illustrative.old
    ops = [p for p in old.paragraphs if p.kind == "OP"]
    first = replace(ops[0], id="OP1", number="1", text="Décide de rester saisie de la question;",
                    footnote_refs=())
    shifted = [replace(p, id=f"OP{k}", number=str(k)) for k, p in enumerate(ops, 2)]
    new = replace(old, paragraphs=[p for p in old.paragraphs if p.kind != "OP"] + [first] + shifted, label="new")
    cmp = api.compare(old, new)
    auto = oracle.revision_counts(redline_docx(cmp, summary=False, numbering="auto"))
    typed = oracle.revision_counts(redline_docx(cmp, summary=False, numbering="typed"))
    assert oracle.revision_counts(redline_docx(cmp, summary=False)) == typed     # .md: numbers typed as text
    assert_round_trip(cmp, redline_docx(cmp, numbering="typed"), typed=True)
    assert sum(auto.values()) == 2                           # the inserted OP: its text and its mark
    assert typed["del"] == len(ops) and typed["ins"] == len(ops) + 1 and typed["ins¶"] == 1
    with pytest.raises(ValueError, match="numbering"):
        redline_docx(cmp, numbering="roman")


def test_source_numbering_follows_the_new_versions_file(illustrative):
    """``numbering="source"`` numbers paragraphs as the new version's file does: Word automatic
    numbering for a Word file that uses it, typed numbers for text, PDF and web pages.  The
    default is typed numbers whatever the file (they read the same in every markup view)."""
    docx_old = api.load(SAMPLES / "draft-rev1-2008-11-10.fr.docx")
    pdf_old = api.load(SAMPLES / "draft-rev1-2008-11-10.fr.pdf")
    assert docx_old.auto_numbers and not pdf_old.auto_numbers and not illustrative.new.auto_numbers
    assert numbering_mode(illustrative) == "typed"
    assert numbering_mode(api.compare(pdf_old, docx_old)) == "auto"
    assert numbering_mode(api.compare(docx_old, pdf_old)) == "typed"
    assert numbering_mode(illustrative, "auto") == "auto"
    cmp = api.compare(pdf_old, docx_old)

    def numbered(docx: bytes) -> list:
        return [p for p in document_xml(docx).iter(q("p")) if p.find(f"{q('pPr')}/{q('numPr')}") is not None]

    assert len(numbered(redline_docx(cmp, numbering="source"))) >= len(docx_old.operative)
    assert numbered(redline_docx(cmp)) == []


def test_round_trip_without_summary(illustrative):
    assert_round_trip(illustrative, redline_docx(illustrative, summary=False))


def test_minor_changes_are_tracked_under_their_own_author(illustrative):
    old = illustrative.old
    target = next(p for p in old.paragraphs if "'" in p.text)
    new_paras = [replace(p, text=p.text.replace("'", "’")) if p.id == target.id else p for p in old.paragraphs]
    new = replace(old, paragraphs=new_paras, label="typo")
    cmp = api.compare(old, new)
    assert any(s.minor for p in cmp.pairs for s in p.diff)
    docx = redline_docx(cmp, author="Rev.X")
    assert_round_trip(cmp, docx)
    authors = {e.get(q("author")) for tag in ("ins", "del") for e in document_xml(docx).iter(q(tag))}
    # in the document's language (French here), as the summary names that author: no English word in it
    assert authors == {"Rev.X (mineur)"}
    summary = " ".join(p.text for p in oracle.view(docx, "accept", SUMMARY_STYLES))
    assert "« Rev.X (mineur) »" in summary and "minor" not in summary
    english = replace(cmp, old=replace(old, meta=replace(old.meta, language="en")),
                      new=replace(new, meta=replace(new.meta, language="en")))
    authors = {e.get(q("author")) for tag in ("ins", "del") for e in document_xml(redline_docx(english, author="Rev.X")).iter(q(tag))}
    assert authors == {"Rev.X (minor)"}


# --------------------------------------------------------------------------- markup


def test_markup_is_schema_shaped(illustrative):
    docx = redline_docx(illustrative)
    assert oracle.check_markup(docx) == []
    root = document_xml(docx)
    ids = [e.get(q("id")) for e in root.iter() if etree.QName(e).localname in
           ("ins", "del", "moveFrom", "moveTo", "moveFromRangeStart", "moveToRangeStart", "bookmarkStart", "pPrChange")]
    assert len(ids) == len(set(ids))
    # the move OP7 → OP9: one named pair of ranges, content and paragraph marks
    starts_from = list(root.iter(q("moveFromRangeStart")))
    starts_to = list(root.iter(q("moveToRangeStart")))
    assert len(starts_from) == len(starts_to) == 1
    assert starts_from[0].get(q("name")) == starts_to[0].get(q("name"))
    ends_from = list(root.iter(q("moveFromRangeEnd")))
    assert [e.get(q("id")) for e in ends_from] == [starts_from[0].get(q("id"))]
    counts = oracle.revision_counts(docx)
    assert counts["moveFrom¶"] == counts["moveTo¶"] == 1
    # whole inserted paragraphs carry an inserted paragraph mark; deleted ones a deleted mark
    assert counts["ins¶"] >= 2 and counts["del¶"] >= 1
    # opens in python-docx (a second reader)
    import docx as python_docx

    d = python_docx.Document(io.BytesIO(docx))
    assert any("Engage" in p.text for p in d.paragraphs)


def test_package_parts_and_footnotes(illustrative):
    docx = redline_docx(illustrative)
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        assert z.testzip() is None
        names = set(z.namelist())
    assert {"[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/numbering.xml",
            "word/footnotes.xml", "word/settings.xml", "word/_rels/document.xml.rels"} <= names
    notes = etree.fromstring(oracle.parts(docx)["word/footnotes.xml"])
    texts = {"".join(t.text or "" for t in fn.iter(q("t"))).strip() for fn in notes.findall(q("footnote"))}
    assert {f.text for f in illustrative.new.footnotes} <= texts
    refs = list(document_xml(docx).iter(q("footnoteReference")))
    assert len(refs) >= sum(len(p.footnote_refs) for p in illustrative.new.paragraphs)


def test_renumbering_alone_leaves_no_marks(illustrative):
    docx = redline_docx(illustrative, numbering="auto")
    root = document_xml(docx)
    clean = {para_text(p) for p in root.iter(q("p")) if not has_revision(p)}
    renumbered = [p for p in illustrative.pairs if p.status == "unchanged" and p.renumbered and not p.moved]
    assert len(renumbered) >= 10
    for pair in renumbered:
        assert illustrative.new.by_id(pair.new[0]).text in clean, pair
    # numbers are Word automatic numbering, not typed text
    numbered = [p for p in root.iter(q("p")) if p.find(f"{q('pPr')}/{q('numPr')}") is not None]
    assert len(numbered) >= len(illustrative.new.operative)
    assert not any(para_text(p).startswith(("1.", "2.", "3.")) for p in numbered)
    numbering = oracle.parts(docx)["word/numbering.xml"].decode()
    assert 'w:val="%1."' in numbering and 'w:val="%2)"' in numbering      # French: 1. a) i)


def _moved_doc(doc: Document, op_from: int, op_after: int) -> Document:
    pps = [p for p in doc.paragraphs if p.kind == "PP"]
    ops = [p for p in doc.paragraphs if p.kind == "OP"]
    moving = ops.pop(op_from - 1)
    ops.insert(op_after - 1, moving)
    ops = [replace(p, id=f"OP{k}", number=str(k)) for k, p in enumerate(ops, 1)]
    return replace(doc, paragraphs=pps + ops, label="moved")


def test_move_only_is_one_move_and_nothing_else(illustrative):
    old = illustrative.old
    new = _moved_doc(old, 3, 10)
    cmp = api.compare(old, new)
    assert sum(p.moved for p in cmp.pairs) == 1 and all(p.status == "unchanged" for p in cmp.pairs)
    docx = redline_docx(cmp, numbering="auto")
    assert_round_trip(cmp, docx, typed=False)
    counts = oracle.revision_counts(docx)
    assert set(counts) == {"moveFrom", "moveTo", "moveFrom¶", "moveTo¶"}
    assert sum(counts.values()) == 4
    di = redline_docx(cmp, moves="delete-insert", numbering="auto")
    assert_round_trip(cmp, di, typed=False)
    assert set(oracle.revision_counts(di)) == {"ins", "del", "ins¶", "del¶"}


def test_leading_verb_change_is_visible(illustrative):
    docx = redline_docx(illustrative)
    root = document_xml(docx)
    dels = [d for d in root.iter(q("del")) if not oracle._is_mark(d)]
    inss = [i for i in root.iter(q("ins")) if not oracle._is_mark(i)]

    def italic_text(wrappers, tag):
        return {"".join(t.text for t in r.iter(q(tag))) for w_ in wrappers for r in w_.iter(q("r"))
                if r.find(f"{q('rPr')}/{q('i')}") is not None}

    assert "Encourage" in italic_text(dels, "delText")
    assert "Engage" in italic_text(inss, "t")
    summary = " ".join(para_text(p) for p in root.iter(q("p"))
                       if (p.find(f"{q('pPr')}/{q('pStyle')}") is not None
                           and p.find(f"{q('pPr')}/{q('pStyle')}").get(q("val")) in SUMMARY_STYLES))
    # the summary speaks the document's language (French here)
    assert "OP6 → OP5 : modifié, renuméroté, « Encourage » → « Engage »" in summary
    assert "OP7 → OP9 : inchangé, déplacé" in summary
    # preambular leading words are italic too
    pp_italic = [r for p in root.iter(q("p")) if p.find(f"{q('pPr')}/{q('pStyle')}") is not None
                 and p.find(f"{q('pPr')}/{q('pStyle')}").get(q("val")) == "RCPP"
                 for r in p.iter(q("r")) if r.find(f"{q('rPr')}/{q('i')}") is not None]
    assert any("Rappelant" in "".join(t.text for t in r.iter(q("t"))) for r in pp_italic)


def test_summary_is_marked_untracked_and_switchable(illustrative):
    docx = redline_docx(illustrative)
    root = document_xml(docx)
    body = [p for p in root.iter(q("p"))]
    styles = [p.find(f"{q('pPr')}/{q('pStyle')}").get(q("val")) if p.find(f"{q('pPr')}/{q('pStyle')}") is not None else ""
              for p in body]
    summary = [p for p, s in zip(body, styles) if s in SUMMARY_STYLES]
    assert summary and styles[: len(summary)] == [s for s in styles if s in SUMMARY_STYLES]
    assert not any(has_revision(p) for p in summary)
    bm = [b for b in root.iter(q("bookmarkStart")) if b.get(q("name")) == SUMMARY_BOOKMARK]
    assert len(bm) == 1
    text = " ".join(para_text(p) for p in summary)
    assert "fusionnés" in text and "scindés" in text and "supprimés" in text and "déplacés" in text
    assert "renumérotés" in text
    off = redline_docx(illustrative, summary=False, numbering="auto")
    off_styles = {p.style for p in oracle.view(off, "accept")}
    assert not off_styles & set(SUMMARY_STYLES)
    # with everything accepted, the whole document is title, opener, the new paragraphs
    full = [p.text for p in oracle.view(off, "accept") if p.style not in ("RCEnd",)]
    assert full == [illustrative.new.meta.title, "L’Assemblée générale,"] + [p.text for p in illustrative.new.paragraphs]


def test_author_and_date(illustrative):
    docx = redline_docx(illustrative)
    root = document_xml(docx)
    revs = [e for tag in oracle.REV for e in root.iter(q(tag))]
    assert {e.get(q("author")) for e in revs} <= {illustrative.new.label, illustrative.new.label + " (mineur)"}
    assert illustrative.new.meta.date == "2008-11-17"
    assert {e.get(q("date")) for e in revs} == {"2008-11-17T00:00:00Z"}   # the new version's date
    docx = redline_docx(illustrative, author="Rev.2", date="2008-11-20T15:30:00+01:00")
    revs = [e for tag in oracle.REV for e in document_xml(docx).iter(q(tag))]
    assert {e.get(q("author")) for e in revs} == {"Rev.2"}
    assert {e.get(q("date")) for e in revs} == {"2008-11-20T14:30:00Z"}
    with pytest.raises(ValueError):
        redline_docx(illustrative, date="not a date")
    with pytest.raises(ValueError):
        redline_docx(illustrative, moves="teleport")


def test_excerpt_layout(excerpts):
    docx = redline_docx(excerpts, numbering="auto")
    paras = oracle.view(docx, "accept")
    assert "The General Assembly," in [p.text for p in paras]
    assert any(p.style == "RCGap" for p in paras)
    # the operative → preambular move keeps its old properties as a property change
    assert oracle.revision_counts(docx)["pPrChange"] >= 1
    reject = oracle.view(docx, "reject", BODY_STYLES)
    op1 = [p for p in reject if p.text == excerpts.old.by_id("OP1").text]
    assert op1 and op1[0].style == "RCOP"


# --------------------------------------------------------------------------- CLI


def test_cli_redline(tmp_path, capsys):
    old = SAMPLES / "draft-rev1-2008-11-10.fr.md"
    new = SAMPLES / "draft-rev2-illustrative.fr.md"
    out = tmp_path / "redline.docx"
    assert main(["redline", str(old), str(new), "-o", str(out), "--author", "Facilitator", "--date", "2008-11-12"]) == 0
    data = out.read_bytes()
    assert oracle.check_markup(data) == []
    revs = [e for tag in oracle.REV for e in document_xml(data).iter(q(tag))]
    assert {e.get(q("author")) for e in revs} <= {"Facilitator", "Facilitator (minor)"}
    assert list(tmp_path.iterdir()) == [out]           # no temp file left behind

    out3 = tmp_path / "typed.docx"
    assert main(["redline", str(old), str(new), "-o", str(out3), "--numbering", "typed"]) == 0
    assert oracle.check_markup(out3.read_bytes()) == []
    assert b"<w:numPr>" not in oracle.parts(out3.read_bytes())["word/document.xml"]

    out2 = tmp_path / "plain.docx"
    assert main(["redline", str(old), str(new), "-o", str(out2), "--no-summary", "--moves-as-delete-insert"]) == 0
    counts = oracle.revision_counts(out2.read_bytes())
    assert counts["moveFrom"] == counts["moveTo"] == 0
    assert not {p.style for p in oracle.view(out2.read_bytes(), "accept")} & set(SUMMARY_STYLES)


def test_cli_redline_bad_input(tmp_path, capsys):
    old = SAMPLES / "draft-rev1-2008-11-10.fr.md"
    new = SAMPLES / "draft-rev2-illustrative.fr.md"
    # never over an input file
    copy_old = tmp_path / "old.docx"
    copy_old.write_bytes((SAMPLES / "draft-rev1-2008-11-10.fr.docx").read_bytes())
    before = copy_old.read_bytes()
    assert main(["redline", str(copy_old), str(new), "-o", str(copy_old)]) == 2
    assert copy_old.read_bytes() == before
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "input" in err
    assert main(["redline", str(old), str(new), "-o", str(tmp_path / "x.pdf")]) == 2
    assert main(["redline", str(old), str(new), "-o", str(tmp_path / "x.docx"), "--date", "yesterday"]) == 2
    assert main(["redline", str(tmp_path / "missing.md"), str(new), "-o", str(tmp_path / "x.docx")]) == 2
    assert main(["redline", str(old), str(new), "-o", str(tmp_path / "no" / "such" / "x.docx")]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 4 and "Traceback" not in err
    assert not (tmp_path / "x.docx").exists()


# --------------------------------------------------------------------------- header, excerpts, language


def _renamed_with_france(cmp):
    """The illustrative Rev.2 with a new title and France added (listed first, the rest reordered)."""
    new = cmp.new
    meta = replace(new.meta, title="Renforcement de la coordination des efforts déployés pour lutter contre la "
                                   "traite des personnes",
                   sponsors=["France"] + list(reversed(new.meta.sponsors)))
    return api.compare(cmp.old, replace(new, meta=meta))


def test_title_and_sponsor_change_in_the_redline(illustrative):
    cmp = _renamed_with_france(illustrative)
    docx = redline_docx(cmp)
    assert_round_trip(cmp, docx)
    root = document_xml(docx)
    title = next(p for p in root.iter(q("p")) if p.find(f"{q('pPr')}/{q('pStyle')}") is not None
                 and p.find(f"{q('pPr')}/{q('pStyle')}").get(q("val")) == "RCTitle")
    # the title is a word-level tracked change, not a whole deletion and insertion
    assert ["".join(t.text for t in d.iter(q("delText"))) for d in title.iter(q("del"))] == ["Amélioration"]
    assert ["".join(t.text for t in i.iter(q("t"))) for i in title.iter(q("ins"))] == ["Renforcement"]
    assert [p.text for p in oracle.view(docx, "accept") if p.style == "RCTitle"] == [cmp.new.meta.title]
    assert [p.text for p in oracle.view(docx, "reject") if p.style == "RCTitle"] == [cmp.old.meta.title]
    summary = " ".join(p.text for p in oracle.view(docx, "accept", SUMMARY_STYLES))
    assert "auteurs ajoutés : France" in summary
    assert "auteurs retirés" not in summary          # reordering the list is no change
    assert "« Amélioration de la coordination" in summary and "date : « 2008-11-10 » → « 2008-11-17 »" in summary


def test_excerpt_redline_never_tracks_uncovered_paragraphs(excerpts):
    """61/180 → 63/194: the 17 paragraphs one excerpt does not cover (the false "Taking note
    of the reports …" ↔ "Welcoming the decisions …" pair is not made, so both sit beside a gap),
    and the title only 61/180 states, are neither deleted nor inserted: untracked, marked, kept
    by accept and reject."""
    outside = excerpts.out_of_scope["old"] + excerpts.out_of_scope["new"]
    assert len(outside) == 17
    docx = redline_docx(excerpts)
    root = document_xml(docx)
    tracked = " ".join(para_text(e) for tag in ("ins", "del") for e in root.iter(q(tag)))
    texts = {**{p.id: p.text for p in excerpts.old.paragraphs if p.id in excerpts.out_of_scope["old"]}}
    for side, doc in (("old", excerpts.old), ("new", excerpts.new)):
        for pid in excerpts.out_of_scope[side]:
            assert doc.by_id(pid).text[:60] not in tracked, pid
    assert excerpts.old.meta.title not in tracked
    marked = [p for p in oracle.view(docx, "accept") if p.style == OUTSIDE_STYLE]
    assert len(marked) == len(outside) + 1 and all(p.text.startswith("[outside the excerpt · ") for p in marked)
    assert marked == [p for p in oracle.view(docx, "reject") if p.style == OUTSIDE_STYLE]
    assert "[outside the excerpt · PP1 (A-RES-61-180.en)] " + texts["PP1"] in [p.text for p in marked]
    # or left out, with a note in the summary
    omitted = redline_docx(excerpts, outside="omit")
    assert_round_trip(excerpts, omitted)
    assert not [p for p in oracle.view(omitted, "accept") if p.style == OUTSIDE_STYLE]
    summary = " ".join(p.text for p in oracle.view(omitted, "accept", SUMMARY_STYLES))
    assert "left out of this document" in summary and "PP?9" in summary
    assert "PP?n: the n-th preambular paragraph after a gap" in summary        # PP?n explained where shown
    with pytest.raises(ValueError):
        redline_docx(excerpts, outside="hide")


def test_summary_in_the_documents_language():
    """Spanish text, Spanish summary; English stays English."""
    new = api.load(SAMPLES / "A-RES-70-179.es.md")
    first = new.paragraphs[0]
    old = replace(new, label="antes", paragraphs=[replace(first, text=first.text + " adicional")] + new.paragraphs[1:])
    docx = redline_docx(api.compare(old, replace(new, label="después")))
    summary = [p.text for p in oracle.view(docx, "accept", SUMMARY_STYLES)]
    assert summary[0].startswith("Cambios de antes a después")
    assert summary[1].startswith("Recuento: ") and "modificados 1" in summary[1]
    assert any("Cambios registrados por «después»" in t for t in summary)


def test_styles_and_numbering_parts_define_what_the_body_uses():
    """styles.xml and numbering.xml come from the ooxml builders (one namespace table): every
    paragraph style the redline writes is defined, and operative paragraphs number 1. a) i), as
    French texts write them (English: 1. (a) (i))."""
    cmp = api.compare(api.load(SAMPLES / "draft-rev1-2008-11-10.fr.md"), api.load(SAMPLES / "draft-rev2-illustrative.fr.md"))
    z = zipfile.ZipFile(io.BytesIO(redline_docx(cmp)))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    styles = etree.fromstring(z.read("word/styles.xml"))
    defined = {s.get(f"{w}styleId") for s in styles.iter(f"{w}style")}
    assert set(BODY_STYLES + SUMMARY_STYLES + (OUTSIDE_STYLE, "RCTitle", "FootnoteText", "FootnoteReference")) <= defined
    used = {s.get(f"{w}val") for s in etree.fromstring(z.read("word/document.xml")).iter(f"{w}pStyle")}
    assert used <= defined
    numbering = etree.fromstring(z.read("word/numbering.xml"))
    op = numbering.find(f"{w}abstractNum")
    assert [lvl.find(f"{w}lvlText").get(f"{w}val") for lvl in op.iter(f"{w}lvl")] == ["%1.", "%2)", "%3)"]
    assert {n.find(f"{w}abstractNumId").get(f"{w}val") for n in numbering.iter(f"{w}num")} <= {"1", "2"}
    english = zipfile.ZipFile(io.BytesIO(redline_docx(api.compare(
        api.load(SAMPLES / "A-RES-61-180.en.md"), api.load(SAMPLES / "A-RES-63-194.en.md")))))
    op = etree.fromstring(english.read("word/numbering.xml")).find(f"{w}abstractNum")
    assert [lvl.find(f"{w}lvlText").get(f"{w}val") for lvl in op.iter(f"{w}lvl")] == ["%1.", "(%2)", "(%3)"]


@pytest.mark.parametrize("moves", ["move", "delete-insert"])
def test_typed_sub_paragraph_labels_as_the_text_writes_them(moves):
    """A Spanish resolution's sub-paragraphs are "a)", "b)": the typed redline writes them so
    (accept all gives "a)<tab>Promover …", not "(a)"), through a renumbering of the list; the
    English text keeps "(a)"."""
    for name, first in (("A-RES-70-179.es.md", "a)"), ("A-RES-70-179.en.md", "(a)")):
        new = api.load(SAMPLES / name)
        subs = [p for p in new.paragraphs if p.level > 0]
        assert subs and subs[0].number == "a"
        # the old version had one more item before (a): every item is renumbered
        extra = replace(subs[0], id=subs[0].id + "x", text="Texto anterior suprimido en esta versión,")
        k = new.paragraphs.index(subs[0])
        old = replace(new, label="old", paragraphs=new.paragraphs[:k] + [extra] + new.paragraphs[k:])
        cmp = api.compare(old, replace(new, label="new"))
        docx = redline_docx(cmp, moves=moves, numbering="typed")
        accepted = [t for t, _ in got(docx, "accept")]
        assert any(t.startswith(first + "\t" + subs[0].text[:20]) for t in accepted), name
        assert_round_trip(cmp, docx, typed=True)


# --------------------------------------------------------------------------- scattered splits and merges


def restarts(docx: bytes) -> int:
    """How many list instances numbering.xml holds (one more per restarted OP list)."""
    return oracle.parts(docx)["word/numbering.xml"].decode().count("<w:num ")


@pytest.mark.parametrize("cls", ["scattered_split", "scattered_merge"])
def test_scattered_groups_accept_and_reject_exactly(cls):
    """A split whose part went elsewhere (another OP between the parts), a merge of paragraphs
    that were apart: 30 generated revisions each, both move modes (scattered groups passed
    explicitly, so this holds whatever the default).  The part is a move
    (moveFrom/moveTo, or deletion + insertion) and its paragraph mark an inserted or deleted
    mark; accept all gives the new version, reject all the old one."""
    base = base_document()
    seen = Counter()
    for seed in range(30):
        old, new, _ = make_class_revision(base, random.Random(seed), cls)
        cmp = compare_documents(old, new, params=AlignParams(scattered_groups=True))
        parted = {s.pair for s in cmp.placement if s.old or s.new}
        assert parted, seed                                  # the group really is laid out in parts
        for moves in ("move", "delete-insert"):
            docx = redline_docx(cmp, moves=moves)
            assert_round_trip(cmp, docx)
            seen[moves] += bool(oracle.revision_counts(docx)["moveTo"]) if moves == "move" else 0
        di = oracle.revision_counts(redline_docx(cmp, moves="delete-insert"))
        assert not di["moveFrom"] and not di["moveTo"]
        # the OP numbering runs on across a part apart: no list restart the new version does not have
        one_run = compare_documents(old, new, params=AlignParams(scattered_groups=False))
        assert restarts(redline_docx(cmp)) == restarts(redline_docx(one_run)), seed
    assert seen["move"] >= 20              # most parts keep words on the way: shown as moved text


def test_summary_says_how_this_file_marks_numbers_and_moves(illustrative):
    """Review of issue #12: a redline of two .md files (typed numbers, the default) said
    "numérotés automatiquement : une renumérotation seule ne porte aucune marque" and listed
    "OP8 → OP6" under "sans marque de révision" while "8." was a tracked deletion and "6." an
    insertion; with --moves-as-delete-insert it still said moves were tracked as moves."""
    def summary(docx: bytes) -> str:
        return " ".join(p.text for p in oracle.view(docx, "accept", SUMMARY_STYLES))

    typed = summary(redline_docx(illustrative))                       # .md: numbers typed as text
    assert "numérotés automatiquement" not in typed and "sans marque de révision" not in typed
    assert "une renumérotation montre l’ancien numéro supprimé et le nouveau inséré" in typed
    assert "Seulement renumérotés, texte inchangé (seul un numéro saisi est marqué) : " in typed
    assert "OP8 → OP6" in typed
    auto = summary(redline_docx(illustrative, numbering="auto"))
    assert "numérotés automatiquement : une renumérotation seule ne porte aucune marque" in auto
    assert "(sans marque de révision)" in auto
    assert "suivis comme déplacements" in auto
    apart = summary(redline_docx(illustrative, moves="delete-insert"))
    assert "suivis comme déplacements" not in apart
    assert "suivis comme une suppression et une insertion" in apart


def test_summary_counts_match_its_lines(illustrative):
    """Review of issue #12: the French redline counted "renumérotés 15" but its lines named 14
    (OP7 → OP9 read "inchangé, déplacé" though its number changed)."""
    summary = [p.text for p in oracle.view(redline_docx(illustrative), "accept", SUMMARY_STYLES)]
    counts = illustrative.summary()
    named = sum(t.count("renuméroté") for t in summary if "→" in t and not t.startswith("Seulement"))
    only = next(t for t in summary if t.startswith("Seulement renumérotés"))
    assert named + only.count("→") == counts["renumbered"] == 15
    assert "OP7 → OP9 : inchangé, déplacé, renuméroté" in " ".join(summary)


@pytest.mark.parametrize("lang, old, new, title, counts, line", [
    ("ru", "Генеральная Ассамблея,\n\nссылаясь на свою резолюцию 61/180,\n\n1. призывает государства-члены "
           "ратифицировать Конвенцию;\n\n2. просит Генерального секретаря представить доклад.\n",
     "1. призывает", "Изменения в после по сравнению с до", "Итого: без изменений 2, изменено 1",
     "OP1 → OP1: изменён, «призывает» → «настоятельно призывает»"),
    ("zh", "大会，\n\n回顾其第61/180号决议，\n\n1. 敦促会员国批准《公约》；\n\n2. 请秘书长提交报告。\n",
     "1. 敦促", "从前到后的修改", "统计：未改动 2，已修改 1", "OP1 → OP1：已修改，“敦促” → “鼓励”"),
    ("ar", "إن الجمعية العامة،\n\nإذ تشير إلى قرارها 61/180،\n\n1 - تحث الدول الأعضاء على التصديق على الاتفاقية؛\n\n"
           "2 - تطلب إلى الأمين العام أن يقدم تقريرا.\n",
     "1 - تحث", "التغييرات من قبل إلى بعد", "الإحصاء: دون تغيير 2، معدَّلة 1", "OP1 → OP1: معدَّلة، «تحث» → «تشجع»"),
])
def test_summary_in_russian_chinese_and_arabic(lang, old, new, title, counts, line):
    """A Russian, Chinese or Arabic resolution gets its summary in its own language, with its own
    quotation marks and list punctuation — not English words inside the text sent to the capital."""
    replacement = {"ru": "1. настоятельно призывает", "zh": "1. 鼓励", "ar": "1 - تشجع"}[lang]
    labels = {"ru": ("до", "после"), "zh": ("前", "后"), "ar": ("قبل", "بعد")}[lang]
    a = api.load_text(old, label=labels[0])
    b = api.load_text(old.replace(new, replacement), label=labels[1])
    assert a.meta.language == lang
    summary = [p.text for p in oracle.view(redline_docx(api.compare(a, b)), "accept", SUMMARY_STYLES)]
    assert summary[0] == title
    assert summary[1].startswith(counts)
    assert any(t.startswith(line) for t in summary), summary
    english = ("Counts", "unchanged", "modified", "Tracked changes", "This summary")
    assert not any(w in t for t in summary for w in english)


def test_a_bis_paragraph_is_its_own_paragraph():
    """ "5 bis." — how a paragraph proposed between OP5 and OP6 is numbered in negotiation — is OP5bis,
    cited "OP5 bis", new; not the tail of OP5 with a warning that it is unnumbered.  Accept all
    gives the new text with "5 bis." on its own paragraph, reject all the old."""
    text = (SAMPLES / "draft-rev1-2008-11-10.fr.md").read_text(encoding="utf-8")
    at = text.index("\n6. ")
    bis = "\n5 bis. Invite les États Membres à échanger des informations sur les meilleures pratiques ;\n"
    old = api.load_text(text, label="Rev.1")
    new = api.load_text(text[:at] + bis + text[at:], label="Rev.1 bis")
    assert "OP5bis" in [p.id for p in new.paragraphs] and not new.warnings
    assert next(p for p in new.paragraphs if p.id == "OP5bis").number == "5 bis"
    cmp = api.compare(old, new)
    (pair,) = [p for p in cmp.pairs if "OP5bis" in p.new]
    assert pair.status == "inserted" and pair.old == []
    assert [p for p in cmp.pairs if p.status != "unchanged"] == [pair]
    from compare.export.labels import describe

    assert describe(pair).startswith("— → OP5 bis: new")
    docx = redline_docx(cmp)
    assert_round_trip(cmp, docx)
    assert any(t.startswith("5 bis.") for t, _ in got(docx, "accept"))
