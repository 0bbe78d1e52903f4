"""Three findings of a review of the agreed-language trace, on the samples:

A. the same resolution in another language is the draft itself, translated: left out, never a source
   nor a "close equivalent" (78/228.fr traced against 78/228.en, and back);
B. words next to where the DRAFT's own copy is cut by an excerpt gap ("Reaffirming that t") are not
   measured ("draft copy cut"): neither new nor agreed, not counted in "entirely new";
C. agreed language is ADOPTED wording: with only drafts in the draft's language, the share of agreed
   language is "not measured" (not "0 % agreed, 2 of 3 paragraphs entirely new"), and the words found
   in earlier drafts are still shown apart.
"""
from __future__ import annotations

import json

import pytest

from compare import api
from compare.api import load
from compare.export.trace_views import trace_dict, trace_html, trace_rows, trace_summary_html, trace_text
from compare.symbols import symbol_key
from compare.trace import DRAFT_CUT, SOURCE_CUT, trace_document


@pytest.fixture(scope="module")
def en(lib, samples):
    return trace_document(load(samples / "A-RES-78-228.en.md"), lib)


@pytest.fixture(scope="module")
def fr(lib, samples):
    return trace_document(load(samples / "A-RES-78-228.fr.md"), lib)


def _pp(res, pid):
    return next(p for p in res.paragraphs if p.id == pid)


def _sources(res) -> set[str]:
    return {r.doc.label for p in res.paragraphs for s in p.spans for r in s.sources} | {
        p.closest.doc.label for p in res.paragraphs if p.closest}


# ----------------------------------------------------------------------------- A: the draft in another language

def test_the_same_resolution_in_another_language_is_left_out(en, fr):
    for res, other in ((fr, "A-RES-78-228.en"), (en, "A-RES-78-228.fr")):
        assert other not in {d.label for d in res.used} and other not in _sources(res)
        assert (other, "the draft itself, in another language") in [(d.label, why) for d, why in res.excluded]
        assert f"{other} (the draft itself, in another language)" in trace_text(res)


def test_a_symbol_is_read_from_a_label_written_after_it():
    assert symbol_key(None, "A-RES-78-228.fr") == symbol_key("A/RES/78/228") == "a/res/78/228"
    assert symbol_key(None, "A-C.3-63-L.17-Rev.1.en") == symbol_key("A/C.3/63/L.17/Rev.1")
    assert symbol_key(None, "draft-rev1-2008-11-10.fr") == ""          # no symbol: nothing to match


def test_other_resolutions_in_other_languages_stay(lib, samples):
    """Only the draft's own translations go: 70/179.es remains an earlier text for 78/228.en."""
    res = trace_document(load(samples / "A-RES-78-228.en.md"), lib)
    assert "A-RES-70-179.es" in {d.label for d in res.used}


# ----------------------------------------------------------------------------- B: the draft's own copy cut

def test_a_paragraph_cut_by_the_drafts_own_gap_is_neither_new_nor_agreed(en):
    p = _pp(en, "PP?5")
    assert p.text.strip() == "Reaffirming that t"
    assert p.status == "not measured" and p.measured_words == 0 and not p.new_ranges()
    (u,) = p.unmeasured
    assert (u.reason, u.source, u.side) == (DRAFT_CUT, None, "end")
    out = trace_text(en)
    overall = next(line for line in out.splitlines() if line.startswith("overall:"))
    assert "0 of 5 paragraphs entirely new" in overall and "draft copy cut" in overall
    assert "PP?5  not measured (draft copy cut)" in out
    # the source's cut in PP?1 is still told apart
    assert [x.reason for x in _pp(en, "PP?1").unmeasured] == [SOURCE_CUT]


def test_json_app_and_appendix_say_draft_copy_cut(en):
    d = json.loads(json.dumps(trace_dict(en)))
    assert d["summary"]["new"] == 0 and d["summary"]["not_measured"] == 1
    p = next(p for p in d["paragraphs"] if p["id"] == "PP?5")
    assert p["status"] == "not measured" and p["new"] == []
    assert [(u["reason"], u["source"]) for u in p["unmeasured"]] == [("draft copy cut", None)]
    html = trace_html(d)
    assert 'data-pid="PP?5" data-status="not measured"' in html and 'data-unmeasured="draft copy cut"' in html
    assert "draft copy cut" in trace_summary_html(d)
    row = next(r for r in trace_rows(d) if r[0] == "PP?5")
    assert row[1] == "—" and "3 words not measured" in row[3]


def test_only_the_words_at_the_cut_are_unmeasured(lib, samples):
    """63/194 OP1 stops at "… Convention against Tr": the fragment is not new wording, but words looked up
    in full before the last min_words are measured as usual (78/228.fr PP?3 keeps its new wording)."""
    res = trace_document(load(samples / "A-RES-63-194.en.md"), lib, before="auto")
    op1 = _pp(res, "OP1")
    assert [(op1.text[u.start:u.end], u.reason) for u in op1.unmeasured] == [("Tr", DRAFT_CUT)]
    assert "Tr" not in " ".join(op1.text[a:b] for a, b in op1.new_ranges()).split()
    fr = trace_document(load(samples / "A-RES-78-228.fr.md"), lib, adopted=["draft-rev1-2008-11-10.fr"])
    p = _pp(fr, "PP?3")
    (u,) = p.unmeasured
    assert p.text[u.start:u.end] == "du Protocole de 2014 relatif à" and u.n_words == fr.min_words
    assert p.status == "new" and "Prenant acte" in p.text[slice(*p.new_ranges()[0])]


# ----------------------------------------------------------------------------- C: only drafts in the language

def test_only_french_drafts_means_agreed_language_not_measured(fr):
    assert not fr.measured and [n.code for n in fr.notes] == ["no_adopted"]
    assert fr.draft_words > 0                               # what the drafts hold is still reported
    out = trace_text(fr)
    assert "agreed language not measured" in out and "entirely new" not in out
    assert f"{fr.draft_words} words from earlier drafts" in out
    assert "adopted text in the draft's language (fr)" in " ".join(fr.warnings)
    d = trace_dict(fr)
    assert d["summary"]["measured"] is False
    assert f'data-count="from earlier drafts:{d["summary"]["draft_share"]}"' in trace_summary_html(d)


def test_an_adopted_text_or_counted_drafts_make_it_measured(lib, samples):
    draft = load(samples / "A-RES-78-228.fr.md")
    marked = trace_document(draft, lib, adopted=["draft-rev1-2008-11-10.fr"])
    assert marked.measured and marked.agreed_words > 0 and not marked.notes
    counted = trace_document(draft, lib, count_drafts=True)
    assert counted.measured and counted.agreed_words == marked.agreed_words


def test_english_with_adopted_texts_is_measured(en):
    assert en.measured and not any(n.code == "no_adopted" for n in en.notes)
