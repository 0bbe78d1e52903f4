"""Words beyond where an excerpt source's copy is cut are "not measured", not new; the CLI's
warnings are seen once.  Real texts: A/RES/74/176 in samples/ is an excerpt whose PP4 stops at
"… use of child soldiers," — A/RES/78/228 runs on from there."""
from __future__ import annotations

import json
import sys

import pytest

from compare import api
from compare.api import load
from compare.export.trace_views import appendix_intro, trace_dict, trace_html, trace_rows, trace_summary_html, trace_text
from compare.model import Document, Metadata, Paragraph
from compare.trace import trace_document
from support.trace_cli import run_trace
from compare.trace_cli import warnings_on_stderr

TAIL = "and by 2025 end child labour in all its forms"


@pytest.fixture(scope="module")
def traced(lib, samples):
    return trace_document(load(samples / "A-RES-78-228.en.md"), lib)


def _pp(res, pid):
    return next(p for p in res.paragraphs if p.id == pid)


def test_the_tail_beyond_the_cut_source_is_not_measured_not_new(traced):
    p = _pp(traced, "PP?1")
    assert len(p.unmeasured) == 1
    u = p.unmeasured[0]
    assert p.text[u.start:u.end].startswith(TAIL) and p.text[u.start:u.end].endswith("torture of children")
    assert (u.source.doc.symbol, u.source.paragraph, u.side) == ("A/RES/74/176", "PP4", "end")
    new = " ".join(p.text[a:b] for a, b in p.new_ranges())
    assert "2025" not in new
    assert new == "trafficking in persons"          # between two spans of the source, not beyond its cut: new
    assert p.agreed_words + p.unmeasured_words < p.n_words and p.status == "partly agreed"
    assert p.agreed_share == pytest.approx(p.agreed_words / (p.n_words - p.unmeasured_words))


def test_overall_figures_leave_the_unmeasured_words_out(traced):
    cut = _pp(traced, "PP?1").unmeasured_words + _pp(traced, "PP?5").unmeasured_words   # PP?5: the draft's own cut
    assert traced.unmeasured_words == cut > _pp(traced, "PP?5").unmeasured_words > 0
    assert traced.agreed_share == pytest.approx(traced.agreed_words / (traced.n_words - cut))
    out = trace_text(traced)
    overall = next(line for line in out.splitlines() if line.startswith("overall:"))
    assert f"of {traced.n_words - cut} words agreed" in overall and f"{cut} words not measured" in overall
    flat = " ".join(out.split())          # the report wraps lines
    assert "{" + TAIL in flat and "A/RES/74/176 PP4 stops there" in flat


def test_json_and_views_carry_the_flag(traced):
    d = json.loads(json.dumps(trace_dict(traced)))
    assert d["summary"]["measured"] is True and d["summary"]["unmeasured_words"] == traced.unmeasured_words
    p = next(p for p in d["paragraphs"] if p["id"] == "PP?1")
    assert p["unmeasured_words"] == _pp(traced, "PP?1").unmeasured_words
    (u,) = p["unmeasured"]
    assert u["text"].startswith(TAIL) and u["reason"] == "source copy cut" and u["source"]["paragraph"] == "PP4"
    assert all("2025" not in n["text"] for n in p["new"])
    assert all(q["unmeasured"] == [] for q in d["paragraphs"] if q["id"] not in ("PP?1", "PP?5"))
    # the app: the stretch marked, the summary chip apart from "entirely new"
    assert 'class="cut"' in trace_html(d) and TAIL in trace_html(d).split('class="cut"', 1)[1]
    assert f'data-count="unmeasured:{traced.unmeasured_words}"' in trace_summary_html(d)
    # the redline appendix: the new-wording cell holds no word beyond the cut, but says how many
    row = next(r for r in trace_rows(d) if r[0] == "PP?1")
    assert "2025" not in row[3] and f"{p['unmeasured_words']} words not measured" in row[3]
    assert f"of {d['summary']['words'] - traced.unmeasured_words} words" in appendix_intro(d, "78/228")[1]


def test_complete_sources_still_show_new_words(lib, samples, traced):
    """No over-flagging: 63/194 traced to 61/180 (complete copies) keeps its new wording new; so do the
    paragraphs of 78/228 whose sources are not cut."""
    res = trace_document(load(samples / "A-RES-63-194.en.md"), lib, before="auto")
    assert not any(u.source for p in res.paragraphs for u in p.unmeasured)      # only its own cut ("… against Tr")
    assert any(p.new_ranges() for p in res.paragraphs)
    for pid in ("PP?2", "PP?3"):
        p = _pp(traced, pid)
        assert not p.unmeasured and p.new_ranges()


def _draft(text: str) -> Document:
    return Document(Metadata(language="en"), [Paragraph("PP1", "PP", "1", text)], label="cut-test")


def test_a_span_that_stops_short_of_the_cut_leaves_the_rest_new(lib, samples):
    """Only words beyond a span that reaches the copy's cut end are unmeasured: a draft quoting the
    first half of 74/176 PP4 and then going its own way says something new."""
    pp4 = load(samples / "A-RES-74-176.en.md").by_id("PP4").text
    head = pp4[:pp4.index("on taking immediate")]
    res = trace_document(_draft(head + "and calling for an independent review of all such measures"), lib)
    p = res.paragraphs[0]
    assert p.spans and not p.unmeasured
    assert "independent review" in " ".join(p.text[a:b] for a, b in p.new_ranges())


def test_words_before_a_copy_cut_at_its_start_are_not_measured(lib, samples):
    """78/228's first paragraph opens mid-sentence after a gap ("exploitation, on taking …"): words a
    draft puts before it are unknown there (74/176, which holds them, left out)."""
    pp1 = load(samples / "A-RES-78-228.en.md").paragraphs[0].text
    res = trace_document(_draft("Deeply concerned about trafficking for forced labour and " + pp1), lib,
                         exclude=["A/RES/74/176"])
    p = res.paragraphs[0]
    starts = [u for u in p.unmeasured if u.side == "start"]
    assert len(starts) == 1 and p.text[starts[0].start:starts[0].end] == "Deeply concerned about trafficking for forced labour and"
    assert starts[0].source.doc.label == "A-RES-78-228.en"


def test_a_library_made_before_cuts_were_kept_still_traces(tmp_path, samples):
    with api.open_library(tmp_path / "old.sqlite3") as old:
        old.conn.execute("DROP TABLE cuts")
        res = trace_document(load(samples / "A-RES-78-228.en.md"), old)
        assert not any(u.source for p in res.paragraphs for u in p.unmeasured) and _pp(res, "PP?1").spans
        assert old.cuts(d.id for d in old.documents()) == {}
        old.add_document(_draft("excerpt cut here"), origin="user")     # adding brings the table back
        assert old.cuts(d.id for d in old.documents()) == {}


def test_removing_a_document_removes_its_cuts(tmp_path, samples):
    with api.open_library(tmp_path / "rm.sqlite3") as lib_:
        d = next(d for d in lib_.documents() if d.symbol == "A/RES/74/176")
        assert lib_.cuts([d.id]) == {(d.id, "PP4"): frozenset({"end"})}
        assert lib_.remove(d.id) and lib_.cuts([d.id]) == {}
        assert not lib_.conn.execute("SELECT count(*) FROM cuts WHERE doc_id = ?", (d.id,)).fetchone()[0]


# ----------------------------------------------------------------------------- the warning, once

def _run(argv, capsys):
    return run_trace(argv, capsys)


WARNING = "texts used that are in another language"


def test_the_language_warning_is_seen_once_on_a_terminal(tmp_path, samples, capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)         # the report goes to the terminal
    rc, out, err = _run(["trace", str(samples / "A-RES-63-194.en.md"), "--library", str(tmp_path / "l.sqlite3")],
                        capsys)
    assert rc == 0 and (out + err).count(WARNING) == 1 and out.count(WARNING) == 1


def test_the_warning_goes_to_stderr_too_when_the_report_is_redirected(tmp_path, samples, capsys):
    rc, out, err = _run(["trace", str(samples / "A-RES-63-194.en.md"), "--library", str(tmp_path / "l.sqlite3")],
                        capsys)
    assert rc == 0 and out.count(WARNING) == 1 and err.count(WARNING) == 1     # the file, and the terminal


def test_no_second_copy_when_stderr_goes_where_the_report_goes(tmp_path):
    with open(tmp_path / "both.txt", "w") as both, open(tmp_path / "err.txt", "w") as other:
        assert not warnings_on_stderr(both, both)           # 2>&1: one stream, one copy
        assert warnings_on_stderr(both, other)


def test_a_library_made_before_cuts_were_kept_says_so(tmp_path, samples):
    """A library whose texts were added before cut records existed cannot flag words past an excerpt
    source's cut: the trace says so (and how to mend it) instead of silently calling them new; once
    rebuilt, the warning is gone and the words are not measured."""
    import sqlite3

    path = tmp_path / "old.sqlite3"
    lib = api.open_library(path)
    lib.close()
    con = sqlite3.connect(path)
    con.execute("DROP TABLE cuts")
    con.execute("DROP TABLE cuts_known")
    con.commit()
    con.close()
    draft = api.load(str(samples / "A-RES-78-228.en.md"))
    before = trace_document(draft, api.open_library(path))
    assert any(n.code == "no_cuts" for n in before.notes)
    assert "--rebuild-library" in " ".join(before.warnings)
    after = trace_document(draft, api.rebuild_library(path)[0])
    assert not any(n.code == "no_cuts" for n in after.notes)
    assert any(t.unmeasured for t in after.paragraphs)
