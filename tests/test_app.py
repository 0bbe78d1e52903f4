"""The Streamlit app, driven by Streamlit's own testing API (``streamlit.testing.v1.AppTest``).

Every figure asserted here is computed by the library itself (``compare.api``)
on the same files, so the app is checked against the library, not against
numbers copied by hand.  Downloads are caught where Streamlit stores them
(its in-memory media file storage) and read back with the library / pandas.
"""
from __future__ import annotations

import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

from compare import api  # noqa: E402
from compare.export.html import anchor_id  # noqa: E402
from compare.export.labels import describe, flag_tokens, is_change, pair_flags  # noqa: E402
from compare.model import CompareOptions  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "ui" / "app.py")
SAMPLES = ROOT / "samples"
REV1, REV2 = SAMPLES / "draft-rev1-2008-11-10.fr.md", SAMPLES / "draft-rev2-illustrative.fr.md"
ADOPTED = "Adopted: 61/180 → 63/194 (English excerpts)"
LINEAGE = "Lineage: 61/180 → 63/194 → 64/178 (English excerpts)"
ROW_RE = re.compile(r'<tr data-status="([^"]*)" data-old="([^"]*)" data-new="([^"]*)"( id="[^"]*")?( class="focus")?>')
TIMEOUT = 60


# --------------------------------------------------------------------------- helpers


def start() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert_clean(at)
    return at


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def main_table(at: AppTest) -> str:
    """The side-by-side table: the last st.html holding rows (the jump box, if any, comes first)."""
    tables = [h.value for h in at.html if "data-status=" in h.value or "No paragraph matches" in h.value]
    assert tables, "no comparison table rendered"
    return tables[-1]


def rows(at: AppTest) -> list[tuple[list[str], list[str], list[str]]]:
    """(flags, old ids, new ids) of each row shown."""
    return [(m[0].split(), m[1].split(), m[2].split()) for m in ROW_RE.findall(main_table(at))]


def expected(old: Path, new: Path, options: CompareOptions | None = None):
    return api.compare(api.load(str(old)), api.load(str(new)), options)


def as_rows(cmp) -> list[tuple[list[str], list[str], list[str]]]:
    return [(flag_tokens(p).split(), list(p.old), list(p.new)) for p in cmp.pairs]


@pytest.fixture
def media(monkeypatch):
    """Everything the app hands to st.download_button, by media file id."""
    from streamlit.runtime import memory_media_file_storage as mfs

    store: dict[str, tuple[bytes, str]] = {}
    original = mfs.MemoryMediaFileStorage.load_and_get_id

    def spy(self, path_or_data, mimetype, kind, filename=None):
        file_id = original(self, path_or_data, mimetype, kind, filename)
        store[file_id] = (path_or_data, filename)
        return file_id

    monkeypatch.setattr(mfs.MemoryMediaFileStorage, "load_and_get_id", spy)
    return store


def prepare(at: AppTest) -> AppTest:
    """Ask for the downloads: the files are written only then (not with the first page)."""
    at.button(key="dl_prepare").click().run()
    assert_clean(at)
    assert "dl_prepare" not in {b.key for b in at.button}
    return at


def downloaded(at: AppTest, key: str, media: dict) -> tuple[bytes, str]:
    button = at.download_button(key=key)
    file_id = button.proto.url.rsplit("/", 1)[-1].split(".")[0]
    data, name = media[file_id]
    assert isinstance(data, bytes) and data
    return data, name


# --------------------------------------------------------------------------- start-up


def test_starts_on_the_bundled_samples():
    at = start()
    assert not at.error
    cmp = expected(REV1, REV2)
    shown = rows(at)
    assert shown == as_rows(cmp)
    assert len(shown) == 26
    statuses = Counter(flags[0] for flags, _, _ in shown)
    assert statuses == {"unchanged": 19, "modified": 2, "new": 2, "deleted": 1, "split": 1, "merged": 1}
    assert statuses == Counter(pair_flags(p)[0] for p in cmp.pairs)
    # the pair in negotiators' terms, and the summary strip from the library's counts
    assert at.selectbox(key="pick").value is not None
    summary = next(h.value for h in at.html if "rc-sum" in h.value)
    for word, key in (("modified", "modified"), ("new", "inserted"), ("deleted", "deleted"), ("split", "split"),
                      ("merged", "merged"), ("moved", "moved"), ("renumbered", "renumbered")):
        assert f'data-count="{word}:{cmp.summary()[key]}"' in summary
    # the leading-word change is called out, in the row and at the top
    assert "<bdi>“Encourage”</bdi> → <bdi>“Engage”</bdi>" in main_table(at)
    assert any("Encourage" in w.value and "Engage" in w.value for w in at.warning)


def test_markup_reads_without_colour_and_keeps_french_typography():
    at = start()
    html = main_table(at)
    assert "<del>" in html and "<ins>" in html            # struck / underlined, bracketed by CSS
    assert 'del::before{content:"[−"}' in html            # the markers themselves, not only colour
    assert "✎ modified" in html and "+ new" in html and "− deleted" in html
    assert "l&#x27;" in html or "l'" in html              # elisions escaped, not mangled
    rev2 = api.load(str(REV2))
    nbsp_texts = [p.text for p in rev2.paragraphs if "\u00a0" in p.text or "«" in p.text]
    for text in nbsp_texts[:3]:
        assert re.search("[\u00a0«»]", html)


# --------------------------------------------------------------------------- filters and views


def test_changes_only_filter():
    at = start()
    before = rows(at)
    at.toggle(key="changes_only").set_value(True).run()
    assert_clean(at)
    after = rows(at)
    assert 0 < len(after) < len(before)
    assert all(flags != ["unchanged"] and flags != ["unchanged", "renumbered"] for flags, _, _ in after)
    assert [r for r in before if r in after] == after      # a subset, in the same order
    assert len(after) == 7 + 1                             # 7 changed pairs + the moved OP7 → OP9


def test_status_part_and_search_filters():
    at = start()
    at.multiselect(key="statuses").set_value(["deleted"]).run()
    assert rows(at) == [(["deleted"], ["OP3"], [])]
    at.multiselect(key="statuses").set_value([]).run()
    at.multiselect(key="kinds").set_value(["PP"]).run()
    assert {r[2][0][:2] for r in rows(at) if r[2]} == {"PP"}
    assert len(rows(at)) == 12
    at.multiselect(key="kinds").set_value([]).run()
    at.text_input(key="search").set_value("Protocole facultatif").run()
    cmp = expected(REV1, REV2)
    want = [r for r, p in zip(as_rows(cmp), cmp.pairs)
            if any("protocole facultatif" in s.text.lower() for s in p.diff)]
    assert rows(at) == want and len(want) == 2               # PP3 and the merged OP1 + OP2
    assert "<mark>Protocole facultatif</mark>" in main_table(at)
    at.text_input(key="search").set_value("zzz-nowhere").run()
    assert rows(at) == [] and "No paragraph matches" in main_table(at)


def position(at: AppTest) -> str:
    return next(re.sub(r"<[^>]+>", "", h.value) for h in at.html if "rc-position" in h.value)


def focused(at: AppTest) -> list[tuple[list[str], list[str], list[str]]]:
    return [(m[0].split(), m[1].split(), m[2].split()) for m in ROW_RE.findall(main_table(at)) if m[4]]


def test_next_and_previous_change_walk_the_change_list():
    at = start()
    cmp = expected(REV1, REV2)
    changes = [p for p in cmp.pairs if is_change(p)]
    want = [(flag_tokens(p).split(), p.old, p.new) for p in changes]
    assert position(at) == f"{len(changes)} changes" and focused(at) == []
    # the change list: every change, in reading order, with its one-line description
    box = at.selectbox(key="change_pos")
    assert list(box.options) == [
        f"{i + 1}. {describe(p, 'Rev.1', 'Rev.2 (illustrative)')}" for i, p in enumerate(changes)]
    at.button(key="next_change").click().run()
    assert_clean(at)
    assert position(at) == f"change 1 of {len(changes)}" and focused(at) == want[:1]
    at.button(key="next_change").click().run()
    at.button(key="next_change").click().run()
    assert position(at) == f"change 3 of {len(changes)}" and focused(at) == [want[2]]
    at.button(key="prev_change").click().run()
    assert position(at) == f"change 2 of {len(changes)}" and focused(at) == [want[1]]
    # the page is asked to scroll to the focused row
    script = next(h.value for h in at.html if "<script" in h.value)
    assert anchor_id("old" if changes[1].old else "new", (changes[1].old or changes[1].new)[0]) in script
    # picking from the list; Next stops at the last change
    at.selectbox(key="change_pos").set_value(len(changes) - 1).run()
    at.button(key="next_change").click().run()
    assert position(at) == f"change {len(changes)} of {len(changes)}" and focused(at) == [want[-1]]
    # the inline view keeps the focus on the same pair
    at.radio(key="pair_view").set_value("Inline").run()
    assert_clean(at)
    inline = next(h.value for h in at.html if "rc inline" in h.value)
    assert re.search(r'<tr class="[^"]*\bfocus\b[^"]*" data-status="[^"]*" data-old="%s" data-new="%s"'
                     % (" ".join(changes[-1].old), " ".join(changes[-1].new)), inline)


def test_inline_view_shows_every_paragraph_with_changes_in_place():
    at = start()
    at.radio(key="pair_view").set_value("Inline").run()
    assert_clean(at)
    cmp = expected(REV1, REV2)
    inline = next(h.value for h in at.html if "rc inline" in h.value)
    got = re.findall(r'<tr class="[^"]*" data-status="([^"]*)" data-old="([^"]*)" data-new="([^"]*)"', inline)
    assert [(f.split(), o.split(), n.split()) for f, o, n in got] == as_rows(cmp)
    assert "<del>" in inline and "<ins>" in inline
    assert '<i class="lw">' in inline                              # leading words in italics
    assert "“Encourage” → “Engage”" in re.sub(r"</?bdi>", "", inline)
    assert all(f'<sup class="fn">{f.number}</sup>' in inline for f in cmp.new.footnotes)
    assert "class=\"footnotes\"" in inline


def test_switching_pair_and_order():
    at = start()
    at.selectbox(key="example").set_value(ADOPTED).run()
    assert_clean(at)
    old, new = SAMPLES / "A-RES-61-180.en.md", SAMPLES / "A-RES-63-194.en.md"
    assert rows(at) == as_rows(expected(old, new))
    # reorder by hand: 63/194 first, then the comparison runs the other way — with a warning
    at.radio(key="order_mode").set_value("mine").run()
    at.number_input(key="pos:example:A-RES-61-180.en.md").set_value(3).run()
    assert_clean(at)
    assert rows(at) == as_rows(expected(new, old))
    assert at.selectbox(key="pick").format_func(at.selectbox(key="pick").value) == "63/194 → 61/180"
    assert any("63/194 is placed before 61/180, but it belongs to a later session" in w.value for w in at.warning)


def test_lineage_view_for_three_versions():
    at = start()
    at.selectbox(key="example").set_value(LINEAGE).run()
    assert_clean(at)
    pick = at.selectbox(key="pick")
    assert pick.value == "lineage"
    docs = [api.load(str(SAMPLES / f"A-RES-{n}.en.md")) for n in ("61-180", "63-194", "64-178")]
    lineage = api.compare_versions(docs)
    table = next(h.value for h in at.html if "rc lineage" in h.value)
    assert table.split("<tbody>", 1)[1].count("<tr>") == len(lineage.rows)
    assert re.findall(r"<th>([^<]*)</th>", table) == ["61/180", "63/194", "64/178"]
    assert '<div class="pid">PP1</div><i class="lw">Recalling</i> its resolutions' in table   # as printed
    steps = next(h.value for h in at.html if 'class="steps"' in h.value)
    assert re.findall(r"<tr><td>([^<]*)</td>", steps) == ["61/180 → 63/194", "63/194 → 64/178"]
    assert "<th>words inserted</th>" in steps
    # then one pair out of the three
    assert pick.options[2] == "61/180 → 64/178"
    at.selectbox(key="pick").set_value("pair:example:A-RES-61-180.en.md|example:A-RES-64-178.en.md").run()
    assert_clean(at)
    assert rows(at) == as_rows(api.compare(docs[0], docs[2]))


def test_options_reach_the_library():
    at = start()
    at.checkbox(key="ignore_case").check().run()
    at.checkbox(key="ignore_punct").check().run()
    assert_clean(at)
    opts = CompareOptions(ignore_case=True, ignore_punctuation=True)
    assert rows(at) == as_rows(expected(REV1, REV2, opts))


# --------------------------------------------------------------------------- inputs


def test_upload_docx_and_paste_text(media):
    at = start()
    docx_bytes = (SAMPLES / "draft-rev1-2008-11-10.fr.docx").read_bytes()
    at.file_uploader(key="uploads").set_value(("draft-rev1.docx", docx_bytes, "application/octet-stream")).run()
    assert_clean(at)
    assert not at.error
    # the label comes from the symbol the reader found (A/C.3/63/L.17/Rev.1)
    labels = [t.value for t in at.text_input if t.key and t.key.startswith("label:")]
    assert labels == ["Rev.1", "Rev.2 (illustrative)", "L.17/Rev.1"]
    assert at.selectbox(key="pick").value == "lineage"       # three versions now
    # by what the texts say: Rev.1 (md), L.17/Rev.1 (docx, the same text: flagged), Rev.2
    assert at.selectbox(key="pick").format_func("lineage") == "All 3 versions — compilation table"
    assert any(w.value == "L.17/Rev.1: same text as Rev.1." for w in at.warning)
    # ... and the JSON download carries that note, as the CLI's JSON does
    js = json.loads(downloaded(prepare(at), "dl_json", media)[0].decode("utf-8"))
    assert "L.17/Rev.1: same text as Rev.1." in js["warnings"]
    upload = next(t.key[len("label:"):] for t in at.text_input if t.key.startswith("label:upload:"))
    at.selectbox(key="pick").set_value(f"pair:{upload}|example:draft-rev2-illustrative.fr.md").run()
    assert_clean(at)
    assert rows(at) == as_rows(expected(REV1, REV2))
    # pasted text is a version too
    at.text_area(key="paste_text").set_value(REV2.read_text(encoding="utf-8"))
    at.text_input(key="paste_label").set_value("Oral rev.")
    at.button(key="paste_add").click().run()
    assert_clean(at)
    labels = [t.value for t in at.text_input if t.key and t.key.startswith("label:")]
    assert labels[-1] == "Oral rev."
    at.selectbox(key="pick").set_value("pair:example:draft-rev2-illustrative.fr.md|pasted:1").run()
    assert_clean(at)
    assert all(flags == ["unchanged"] for flags, _, _ in rows(at))


@pytest.mark.parametrize(
    "name, data, says",
    [
        ("broken.docx", b"PK\x03\x04 this is not really a zip", "broken.docx"),
        ("empty.txt", b"", "empty"),
        ("notes.xyz", b"hello", "unsupported"),
        ("binary.txt", bytes(range(256)) * 8, "binary"),
    ],
)
def test_bad_upload_shows_one_line_and_the_app_keeps_working(name, data, says):
    at = start()
    at.file_uploader(key="uploads").set_value((name, data, "application/octet-stream")).run()
    assert_clean(at)
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and name in errors[0] and says.lower() in errors[0].lower()
    assert "\n" not in errors[0]
    assert at.error[0].icon == ":material/error:"          # Streamlit's icon font: never a missing-glyph box
    assert len(rows(at)) == 26                              # the samples still compare


def test_too_large_upload_is_refused_cleanly(monkeypatch):
    from compare.errors import TooLargeError

    at = start()
    big = b"x" * 1024
    # the library's own limit (64 MiB) is too big to build in a test: make this file count as over it
    import compare.readers.safety as safety

    real = safety.check_size

    def tight(data, source, *args, **kwargs):
        if source == "huge.txt":
            raise TooLargeError(source, "the file is 99.0 MiB, over the 64 MiB limit")
        return real(data, source, *args, **kwargs)

    monkeypatch.setattr(safety, "check_size", tight)
    import compare.readers as readers

    monkeypatch.setattr(readers, "check_size", tight)
    at.file_uploader(key="uploads").set_value(("huge.txt", big, "text/plain")).run()
    errors = [e.value for e in at.error]
    assert errors and "huge.txt" in errors[0] and "limit" in errors[0]
    assert len(rows(at)) == 26


# --------------------------------------------------------------------------- downloads


def test_downloads_are_read_back_by_the_library(media):
    import pandas as pd

    at = prepare(start())
    cmp = expected(REV1, REV2)
    labels = ["Rev.1", "Rev.2 (illustrative)"]

    data, name = downloaded(at, "dl_redline", media)
    assert name.endswith(".docx")
    redline = api.load(data, name="x.docx")                 # tracked changes read as accepted
    assert [p.text for p in redline.paragraphs] == [p.text for p in cmp.new.paragraphs]

    data, name = downloaded(at, "dl_json", media)
    js = json.loads(data.decode("utf-8"))
    assert [v["label"] for v in js["versions"]] == labels
    assert js["comparisons"][0]["summary"] == cmp.summary()
    assert len(js["comparisons"][0]["pairs"]) == 26 and len(js["lineage"]) == 26

    data, name = downloaded(at, "dl_table_csv", media)
    df = pd.read_csv(io.BytesIO(data))
    assert list(df.columns) == labels and len(df) == 26
    data, name = downloaded(at, "dl_table_xlsx", media)
    df = pd.read_excel(io.BytesIO(data))
    assert list(df.columns) == labels and len(df) == 1 + 26          # the header row, then the lineages
    data, name = downloaded(at, "dl_table_docx", media)
    import docx

    table = docx.Document(io.BytesIO(data)).tables[0]
    assert len(table.rows) == 1 + 1 + 26
    assert api.load(data, name="table.docx").paragraphs          # the library reads it too
    # PDFs are written when clicked (a deferred download: tests/test_app_e2e.py clicks one)
    assert {at.download_button(key=f"dl_pdf_{v}").label for v in ("side-by-side", "inline")} == {
        "⬇ PDF (side by side, landscape)", "⬇ PDF (inline, portrait)"}


def test_the_first_page_writes_no_download_until_asked(monkeypatch):
    """The first comparison reaches the page without the files or their options: they come on
    "Prepare the downloads", and a new comparison asks again."""
    import streamlit as st

    from compare.export import redline, table

    calls = []
    real_table, real_redline = table.table_bytes, redline.redline_docx
    monkeypatch.setattr(table, "table_bytes", lambda *a, **k: calls.append("table") or real_table(*a, **k))
    monkeypatch.setattr(redline, "redline_docx", lambda *a, **k: calls.append("redline") or real_redline(*a, **k))
    st.cache_data.clear()
    at = start()
    assert calls == []
    assert not at.get("download_button") and "author" not in {t.key for t in at.text_input}
    prepare(at)
    assert sorted(set(calls)) == ["redline", "table"]
    assert {"dl_redline", "dl_table_docx", "dl_table_xlsx", "dl_table_csv", "dl_json"} <= {
        b.key for b in at.get("download_button")}
    at.selectbox(key="example").set_value(ADOPTED).run()                  # another comparison: asked again
    assert "dl_prepare" in {b.key for b in at.button} and "dl_json" not in {b.key for b in at.get("download_button")}
    st.cache_data.clear()


def test_lineage_downloads_and_redline_of_a_step(media):
    import pandas as pd

    at = start()
    at.selectbox(key="example").set_value(LINEAGE).run()
    prepare(at)
    data, _ = downloaded(at, "dl_table_xlsx", media)
    df = pd.read_excel(io.BytesIO(data))
    assert list(df.columns) == ["61/180", "63/194", "64/178"]
    at.selectbox(key="redline_step").set_value(1).run()         # the same comparison: still prepared
    data, name = downloaded(at, "dl_redline", media)
    assert "63_194_to_64_178" in name
    new = api.load(str(SAMPLES / "A-RES-64-178.en.md"))
    accepted = [p.text for p in api.load(data, name="x.docx").paragraphs]
    # paragraphs outside the excerpt are there too, untracked and marked "[outside the excerpt · …]"
    assert all(any(a == p.text or a.endswith("] " + p.text) for a in accepted) for p in new.paragraphs)


# --------------------------------------------------------------------------- rendering details (no Streamlit)


def test_change_position_steps_and_words():
    from ui import render

    assert render.step_position(None, 5, +1) == 0 and render.step_position(None, 5, -1) == 4
    assert render.step_position(4, 5, +1) == 4 and render.step_position(0, 5, -1) == 0     # stops at the ends
    assert render.step_position(9, 5, +1) == 0 and render.step_position(None, 0, +1) is None
    assert render.position_text(2, 12) == "change 3 of 12"
    assert render.position_text(None, 1) == "1 change" and render.position_text(None, 0) == "no changes shown"


def test_position_chart_is_plain_html_from_the_library_counts():
    from ui import render

    cmp = expected(REV1, REV2)
    html = render.position_chart_html(cmp)
    assert "<svg" not in html and "<script" not in html                 # st.html would strip SVG
    assert html.count('<div class="bar" ') == len(cmp.pairs)
    rows = render.position_rows(cmp)
    for row, pair in zip(rows, cmp.pairs):
        assert f'data-pair="{render.escape(render.pair_label(pair))}"' in html
        assert f"{row['words deleted']} deleted, {row['words inserted']} inserted" in html
    peak = max(r["words deleted"] + r["words inserted"] + r["moved / structure"] for r in rows)
    assert html.count('style="height:100.00%') == sum(
        1 for r in rows for k, _ in render.CHART_PARTS if r[k] == peak)    # the tallest part fills the plot
    same = api.compare(api.load(str(REV1)), api.load(str(REV1)))
    assert render.position_chart_html(same) == ""                          # nothing changed: no chart


def test_render_rtl_and_escaping():
    from ui import render

    old = api.load_text("إن الجمعية العامة،\n\nإذ تشير إلى قرارها 61/180،\n\n1. تحث الدول الأعضاء على التصديق؛\n",
                        name="ar-old")
    new = api.load_text("إن الجمعية العامة،\n\nإذ تشير إلى قرارها 61/180،\n\n1. تحث بشدة الدول الأعضاء على التصديق <b>؛\n",
                        name="ar-new")
    assert old.meta.language == "ar"
    cmp = api.compare(old, new)
    html = render.comparison_html(cmp, cmp.pairs)
    assert html.count('dir="rtl"') == 2 * len(cmp.pairs)
    assert "<b>" not in html.split("</style>", 1)[1] and "&lt;b&gt;" in html

    fr_old = api.load_text("L’Assemblée générale,\n\n1. Prie le Secrétaire général de lui présenter un rapport\u00a0;\n")
    fr_new = api.load_text("L’Assemblée générale,\n\n1. Prie le Secrétaire général de lui présenter « un rapport »\u00a0;\n")
    cmp = api.compare(fr_old, fr_new)
    html = render.comparison_html(cmp, cmp.pairs)
    assert "\u00a0;" in html and "«" in html and "»" in html and 'dir="rtl"' not in html


# --------------------------------------------------------------------------- what surrounds the comparison


def _renamed_rev2_text() -> str:
    """Rev.2 with France among the sponsors and another first word in the title."""
    text = REV2.read_text(encoding="utf-8")
    text = text.replace("**Bélarus, Équateur,", "**Bélarus, Équateur, France,", 1)
    return text.replace("## **Amélioration de la coordination", "## **Renforcement de la coordination", 1)


def test_title_and_sponsor_change_in_the_app_json_and_redline(media):
    import docx as python_docx

    at = start()
    at.text_area(key="paste_text").set_value(_renamed_rev2_text())
    at.text_input(key="paste_label").set_value("Rev.3")
    at.button(key="paste_add").click().run()
    at.selectbox(key="pick").set_value("pair:example:draft-rev1-2008-11-10.fr.md|pasted:1").run()
    assert_clean(at)
    strip = next(h.value for h in at.html if "rc-head" in h.value and "data-header" in h.value)
    assert 'data-header="date title sponsors"' in strip
    assert "sponsors added: France" in strip and "<del>Amélioration</del><ins>Renforcement</ins>" in strip
    # the header strip stands above the paragraphs
    htmls = [h.value for h in at.html]
    assert htmls.index(strip) < next(i for i, h in enumerate(htmls) if "data-status=" in h)
    prepare(at)
    data, _ = downloaded(at, "dl_json", media)
    head = json.loads(data.decode("utf-8"))["comparisons"][0]["header"]
    assert head["sponsors"] == {"added": ["France"], "removed": []}
    assert head["title"]["diff"][:2] == [["delete", "Amélioration"], ["insert", "Renforcement"]]
    # the redline: the author field starts with the new label, which signs every change
    assert at.text_input(key="author").value == "Rev.3"
    data, _ = downloaded(at, "dl_redline", media)
    root = python_docx.Document(io.BytesIO(data)).element
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    authors = {e.get(w + "author") for tag in ("ins", "del") for e in root.iter(w + tag)}
    assert authors and authors <= {"Rev.3", "Rev.3 (mineur)"}          # a French text: French words
    summary = " ".join(p.text for p in python_docx.Document(io.BytesIO(data)).paragraphs[:6])
    assert "auteurs ajoutés : France" in summary


def test_shuffled_uploads_come_out_in_date_order_with_a_warning():
    at = start()
    at.selectbox(key="example").set_value("None — only my own versions").run()
    files = [("rev2.md", REV2), ("res-61-180.md", SAMPLES / "A-RES-61-180.en.md"), ("rev1.md", REV1)]
    at.file_uploader(key="uploads").set_value(
        [(name, path.read_bytes(), "text/markdown") for name, path in files]).run()
    assert_clean(at)
    assert at.selectbox(key="pick").value == "lineage"
    table = next(h.value for h in at.html if "rc lineage" in h.value)
    assert re.findall(r"<th>([^<]*)</th>", table) == ["61/180", "rev1", "rev2"]
    assert any("order their dates and symbols give: 61/180 → rev1 → rev2" in w.value for w in at.warning)


def test_unknown_paragraph_numbers_are_explained():
    at = start()
    at.selectbox(key="example").set_value(ADOPTED).run()
    assert_clean(at)
    assert any('data-legend="unknown-number"' in h.value and "PP?n" in h.value for h in at.html)
    # PP?10 → PP?1 is not "renumbered": neither number is known
    assert all("renumbered" not in flags for flags, old, new in rows(at) if any("?" in i for i in old + new))


def test_redline_numbers_follow_the_source_or_the_users_choice(media):
    """By default the redline types its numbers (as UN redlines do, and as the bundled pair's .md files
    do): OP6 → OP5 reads “6.” deleted, “5.” inserted; with Word automatic numbering a renumbering carries
    no mark."""
    import docx as python_docx

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    def tracked_numbers(data: bytes) -> tuple[set[str], set[str]]:
        root = python_docx.Document(io.BytesIO(data)).element
        ins = {"".join(t.text or "" for t in e.iter(w + "t")).strip() for e in root.iter(w + "ins")}
        dels = {"".join(t.text or "" for t in e.iter(w + "delText")).strip() for e in root.iter(w + "del")}
        number = re.compile(r"^\d+\.$")
        return {s for s in ins if number.match(s)}, {s for s in dels if number.match(s)}

    at = prepare(start())
    data, _ = downloaded(at, "dl_redline", media)
    inserted, deleted = tracked_numbers(data)
    assert "5." in inserted and "6." in deleted
    at.selectbox(key="numbering").set_value("auto").run()
    assert_clean(at)
    data, _ = downloaded(at, "dl_redline", media)
    assert tracked_numbers(data) == (set(), set())


def test_two_uploads_with_one_label_are_named_apart_in_the_notes():
    """Review of issue #12: two uploads labelled alike were columns "rev1" and "rev1 (2)" but the
    note said "rev1: same text as rev1."; it names them as the columns do."""
    at = start()
    at.selectbox(key="example").set_value("None — only my own versions").run()
    data = REV1.read_bytes()
    at.file_uploader(key="uploads").set_value(
        [("rev1.md", data, "text/markdown"), ("rev1.txt", data, "text/plain")]).run()
    assert_clean(at)
    notes = [w.value for w in at.warning if "same text" in w.value]
    assert notes == ["rev1 (2): same text as rev1."]


def test_step_counts_stay_under_their_headings_when_a_step_crosses_languages():
    """61/180 → 63/194 (English) → 78/228 (French): the second step adds "matched" and "uncertain";
    every row must keep one cell per heading, each under its own ("—" where not applicable) — the
    table had shifted the French step's counts one column right (deletions read as moves)."""
    from ui import render

    lin = api.compare_versions([api.load(str(SAMPLES / "A-RES-61-180.en.md")), api.load(str(SAMPLES / "A-RES-63-194.en.md")),
                                api.load(str(SAMPLES / "A-RES-78-228.fr.md"))])
    html = render.step_table_html(lin)
    heads = re.findall(r"<th>([^<]*)</th>", html)
    rows = [re.findall(r"<td>([^<]*)</td>", tr) for tr in html.split("<tr>")[2:]]
    assert all(len(r) == len(heads) for r in rows)
    for cmp, row in zip(lin.comparisons, rows):
        cells = dict(zip(heads, row))
        figures = render.step_rows(type(lin)(lin.versions, [cmp], []))[0]
        assert all(cells[k] == str(v) for k, v in figures.items() if k != "from → to")
    assert dict(zip(heads, rows[0]))["matched"] == "—"


def test_two_own_versions_beside_the_example_are_compared_with_each_other():
    """Review: with an example left chosen, uploading two versions of one's own resolution opened
    "All 4 versions", chaining the unrelated example into them.  The first view is now the user's
    own pair; the example stays one choice away; and in the chain, a version with another title is
    said to be perhaps another resolution."""
    at = start()
    at.selectbox(key="example").set_value(ADOPTED).run()
    mine = ("United Nations\nA/C.3/80/L.9\nGeneral Assembly\nDistr.: Limited\n3 November 2025\n\n"
            "Eightieth session\nThird Committee\n\n[Ecuador]: draft resolution\n\n"
            "Violence against women migrant workers\n\nThe General Assembly,\n\n"
            "Recalling all its previous resolutions on violence against women migrant workers,\n\n"
            "1. Calls upon all States to protect the human rights of women migrant workers;\n\n"
            "2. Requests the Secretary-General to report to it at its eighty-second session.\n")
    other = mine.replace("[Ecuador]", "[Ecuador, Mexico]").replace("all States", "all Member States")
    at.file_uploader(key="uploads").set_value([("mine-1.md", mine.encode(), "text/markdown"),
                                               ("mine-2.md", other.encode(), "text/markdown")]).run()
    assert_clean(at)
    pick = at.selectbox(key="pick")
    assert pick.value.startswith("pair:upload:") and pick.value.count("upload:") == 2
    assert "All 4 versions — compilation table" in pick.options
    pick.set_value("lineage").run()
    assert any("may be different resolutions" in w.value for w in at.warning)
