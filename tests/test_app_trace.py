"""The app's "Agreed language" view (compare.trace in the Streamlit app), driven by AppTest.

Every figure asserted is computed by the library itself (``compare.trace``) on
the same texts with the same library (the bundled samples in memory, plus the
versions loaded before the traced one, later texts left out).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("streamlit")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_app import (ADOPTED, APP, REV1, REV2, SAMPLES, TIMEOUT, assert_clean, downloaded, media,  # noqa: E402,F401
                      prepare)

from streamlit.testing.v1 import AppTest  # noqa: E402

from compare import api  # noqa: E402
from compare.library import ENV_VAR, MEMORY, Library  # noqa: E402
from compare.export.trace_views import trace_dict  # noqa: E402
from compare.trace import later_documents, trace_document, undated_documents  # noqa: E402

ROW = re.compile(r'<tr data-pid="([^"]*)" data-status="([^"]*)" data-share="([^"]*)" data-sources="([^"]*)">')
RES_61_180, RES_63_194 = SAMPLES / "A-RES-61-180.en.md", SAMPLES / "A-RES-63-194.en.md"


@pytest.fixture(autouse=True)
def no_saved_library(tmp_path, monkeypatch):
    """Point the user's saved library somewhere we can watch: the app must not create it."""
    path = tmp_path / "saved" / "library.sqlite3"
    monkeypatch.setenv(ENV_VAR, str(path))
    yield path
    assert not path.exists() and not path.parent.exists()


def trace_view(example: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert_clean(at)
    if example:
        at.selectbox(key="example").set_value(example).run()
    at.radio(key="view").set_value("Agreed language").run()
    assert_clean(at)
    return at


def trace_table(at: AppTest) -> str:
    tables = [h.value for h in at.html if 'class="rc trace"' in h.value or "No paragraph matches" in h.value]
    assert tables, "no agreed-language table rendered"
    return tables[-1]


def shown(at: AppTest) -> list[tuple[str, str, float, list[str]]]:
    return [(pid, status, float(share), [s for s in srcs.split("|") if s])
            for pid, status, share, srcs in ROW.findall(trace_table(at))]


def library_trace(draft: Path, older: list[Path], **kw):
    """What the app should show: the library's own trace, same library recipe."""
    doc = api.load(str(draft))
    with api.open_library(MEMORY) as lib:
        loaded = {lib.add_document(api.load(str(o)))[0].id for o in older}
        later = [str(d.id) for d in later_documents(doc, lib) + undated_documents(doc, lib) if d.id not in loaded]
        return trace_dict(trace_document(doc, lib, exclude=later, **kw))


# --------------------------------------------------------------------------- the view


def test_illustrative_pair_traces_the_new_version():
    at = trace_view()
    assert at.selectbox(key="trace_version").format_func(at.selectbox(key="trace_version").value) == \
        "Rev.2 (illustrative)"
    want = library_trace(REV2, [REV1])
    rows = shown(at)
    assert [r[0] for r in rows] == [p["id"] for p in want["paragraphs"]]
    assert [(r[1], round(r[2], 4)) for r in rows] == [(p["status"], p["agreed_share"]) for p in want["paragraphs"]]
    # Rev.2's wording comes from Rev.1, the version before it here: a draft, so not agreed language
    by = {r[0]: r for r in rows}
    assert by["PP1"][1] == "from earlier drafts" and by["PP1"][3][0].startswith("Rev.1 (loaded) ")
    assert want["summary"]["agreed_share"] < 0.05 and 0.9 < want["summary"]["draft_share"] < 1
    assert by["OP12"][1] == "new" and not by["OP12"][3]
    # summary strip, legend with numbers, shading with a number after each span (readable without colour)
    # no adopted text in French: agreed language is not measured; the drafts' share is still shown
    assert any(n["code"] == "no_adopted" for n in want["notes"]) and want["summary"]["measured"] is False
    summary = next(h.value for h in at.html if "agreed language not measured (" in h.value)
    assert 'data-count="measured:0"' in summary
    assert f'data-count="from earlier drafts:{want["summary"]["draft_share"]}"' in summary
    legend = next(h.value for h in at.html if 'class="legend"' in h.value)
    assert "<b>[1]</b>" in legend and "Rev.1 (loaded)" in legend
    table = trace_table(at)
    assert re.search(r'<span class="ag dr" data-src="1" style="background:#[0-9a-f]{6}"[^>]*>[^<]+</span>'
                     r'<sup class="agn">\[1\]</sup>', table)
    assert "[1] Rev.1 (loaded) PP1 — " in table                       # the list of sources of the paragraph
    # what it was traced against, what was left out and why
    cap = " ".join(c.value for c in at.caption)
    assert "Rev.1 (loaded)" in cap and "A-RES-64-178.en (later than the traced version)" in cap
    # the undated 63/194 excerpt cannot be placed before Rev.2: left out, with a warning, until dated
    assert "A-RES-63-194.en (undated" in cap and any("undated" in w.value for w in at.warning)
    at.text_input(key="trace_dates").set_value("A-RES-63-194.en=2008-12-18").run()
    cap = " ".join(c.value for c in at.caption)
    assert "A-RES-63-194.en (later than the traced version)" in cap and not [w for w in at.warning if "undated" in w.value]
    # a draft the user marks adopted counts as agreed language
    ms = at.multiselect(key="trace_adopted")
    assert "Rev.1 (loaded)" in [ms.format_func(o) for o in ms.options]
    ms.set_value(["draft-rev1-2008-11-10.fr"]).run()
    assert_clean(at)
    assert {r[0]: r for r in shown(at)}["PP1"][1] == "agreed"


def test_61_180_to_63_194_shows_the_expected_source():
    at = trace_view(ADOPTED)
    rows = shown(at)
    want = library_trace(RES_63_194, [RES_61_180])
    assert [(r[0], r[1]) for r in rows] == [(p["id"], p["status"]) for p in want["paragraphs"]]
    pp = next(p for p in want["paragraphs"] if p["text"].startswith("Recognizing that broad international"))
    row = next(r for r in rows if r[0] == pp["id"])
    # 61/180 OP1 "Recognizes that broad international cooperation …" became a PP of 63/194
    assert "61/180 (loaded) OP1" in row[3] and row[2] > 0.9
    legend = next(h.value for h in at.html if 'class="legend"' in h.value)
    assert "61/180 (loaded)" in legend and "A/RES/61/180" in legend
    # the Millennium Summit paragraph has no earlier source: said so, share 0
    new = next(p for p in want["paragraphs"] if p["text"].startswith("Reaffirming the commitment"))
    assert next(r for r in rows if r[0] == new["id"])[1:3] == ("new", 0.0)
    assert "No verbatim source" in trace_table(at)
    # later texts (64/178 …) are not sources of 63/194
    assert not any("64" in s for r in rows for s in r[3])


def test_options_min_words_older_sessions_and_filter(media):
    at = trace_view(ADOPTED)
    at.checkbox(key="trace_before").check().run()
    assert_clean(at)
    cap = " ".join(c.value for c in at.caption)
    assert "not older than session 63" in cap
    at.number_input(key="trace_min_words").set_value(12).run()
    assert_clean(at)
    data, name = downloaded(at, "dl_trace_json", media)
    assert name.endswith("agreed-language.json")
    js = json.loads(data)
    assert js["min_words"] == 12 and js["before"] == 63
    assert all(s["word_end"] - s["word_start"] >= 12 or s["primary"]["match_words"] >= 12
               for p in js["paragraphs"] for s in p["spans"])
    want = library_trace(RES_63_194, [RES_61_180], min_words=12, before="auto")
    assert [(p["id"], p["agreed_share"]) for p in js["paragraphs"]] == \
        [(p["id"], p["agreed_share"]) for p in want["paragraphs"]]
    assert [(r[0], round(r[2], 4)) for r in shown(at)] == [(p["id"], p["agreed_share"]) for p in want["paragraphs"]]
    # show only the new paragraphs
    at.multiselect(key="trace_statuses").set_value(["new"]).run()
    assert {r[1] for r in shown(at)} == {"new"}


def test_same_session_option_leaves_out_the_earlier_draft():
    at = trace_view()
    at.checkbox(key="trace_before").check().run()
    assert_clean(at)
    cap = " ".join(c.value for c in at.caption)
    assert "Rev.1 (loaded) (not older than session 63)" in cap
    assert not any(s.startswith("Rev.1") for r in shown(at) for s in r[3])


def test_closest_earlier_paragraph_for_a_reworded_version():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.selectbox(key="example").set_value(ADOPTED).run()
    reworded = ("The General Assembly,\n\n1. Acknowledges that wide cooperation among Member States plus pertinent "
                "intergovernmental organizations and non-governmental organizations remains essential in "
                "effectively countering trafficking threats;\n")
    at.text_area(key="paste_text").set_value(reworded)
    at.text_input(key="paste_label").set_value("Oral")
    at.button(key="paste_add").click().run()
    at.radio(key="view").set_value("Agreed language").run()
    assert_clean(at)
    # three versions: the last one (the pasted text) is traced, against 61/180 and 63/194 loaded before it
    assert at.selectbox(key="trace_version").format_func(at.selectbox(key="trace_version").value) == "Oral"
    rows = shown(at)
    assert [r[:2] for r in rows] == [("OP1", "new")]
    table = trace_table(at)
    m = re.search(r"Closest earlier paragraph: <b>([^<]+)</b> \(similarity (\d\.\d\d)\)", table)
    assert m and m.group(1) in ("61/180 (loaded) OP1", "63/194 (loaded) PP?2") and float(m.group(2)) >= 0.15
    assert "<details><summary>its text</summary>" in table


def test_switching_back_to_changes_and_redline_appendix(media):
    from support import ooxml_oracle as oracle
    from test_redline import expected

    from compare.export.redline import BODY_STYLES, TRACE_STYLES

    at = trace_view()
    prepare(at)
    at.checkbox(key="redline_trace").check().run()
    assert_clean(at)
    data, _ = downloaded(at, "dl_redline", media)
    cmp = api.compare(api.load(str(REV1)), api.load(str(REV2)))
    acc = oracle.view(data, "accept")
    assert [(p.text, p.footnotes) for p in acc if p.style in BODY_STYLES] == expected(cmp.new, typed=True)
    rej = oracle.view(data, "reject", BODY_STYLES)
    assert [(p.text, p.footnotes) for p in rej] == expected(cmp.old, typed=True)
    cells = [p.text for p in acc if p.style == "RCTraceCell"]
    assert [c for c in cells[::4]] == [p.id for p in cmp.new.paragraphs]
    assert {p.style for p in acc} & set(TRACE_STYLES)
    # back to the comparison: the side-by-side table again
    at.radio(key="view").set_value("Changes").run()
    assert_clean(at)
    assert any("data-status=" in h.value for h in at.html)
    data, _ = downloaded(at, "dl_redline", media)           # appendix still asked for: still there
    assert any(p.style in TRACE_STYLES for p in oracle.view(data, "accept"))
    at.checkbox(key="redline_trace").uncheck().run()
    data, _ = downloaded(at, "dl_redline", media)
    assert not any(p.style in TRACE_STYLES for p in oracle.view(data, "accept"))


# --------------------------------------------------------------------------- rendering (no Streamlit)


def test_render_trace_escapes_and_numbers_sources():
    from ui import render

    doc = api.load_text("The General Assembly,\n\n1. Recognizes that broad international cooperation between "
                        "Member States and relevant intergovernmental and non-governmental organizations is "
                        "essential <b>now</b>;\n", name="x")
    with api.open_library(MEMORY) as lib:
        t = trace_dict(trace_document(doc, lib))
    html = render.trace_html(t)
    assert "<b>now</b>" not in html and "&lt;b&gt;now&lt;/b&gt;" in html
    nums = render.trace_source_numbers(t)
    assert list(nums.values()) == list(range(1, len(nums) + 1))
    assert render.trace_colour(1) != render.trace_colour(2)
    assert render.trace_colour(1) == render.trace_colour(1 + len(render.TRACE_COLOURS))
    assert "No paragraph matches" in render.trace_html(t, statuses=("agreed",)) or \
        all(s == "agreed" for s in re.findall(r'data-status="([^"]*)"', render.trace_html(t, statuses=("agreed",))))


def test_saved_library_only_when_chosen(no_saved_library):
    import shutil

    at = trace_view(ADOPTED)
    assert not no_saved_library.exists()                 # the default: the samples in memory
    at.selectbox(key="trace_library").set_value("saved").run()
    assert_clean(at)
    assert no_saved_library.exists()                     # chosen: opened (created with the samples)
    cap = " ".join(c.value for c in at.caption)
    assert "your saved library" in cap
    row = next(r for r in shown(at) if r[0] == "PP?2")
    assert "61/180 (loaded) OP1" in row[3]
    with Library.open(no_saved_library) as lib:          # only read: the loaded 61/180 went into a copy
        assert all(d.origin == "sample" for d in lib.documents())
    shutil.rmtree(no_saved_library.parent)
