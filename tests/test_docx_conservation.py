"""Properties over generated Word files.

* Word conservation: every word a reader sees (body, table cells — merged and
  nested —, text boxes, footnotes) is in the parse output exactly once, nothing is
  invented, and hidden text is listed as dropped.
* Redline: for tables edited at random, and for any pair of generated files,
  accept-all gives the new paragraphs (and notes), reject-all the old ones."""
from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare import api

try:
    from support.fixtures_office import footnotes_xml, make_docx, r
    from test_docx_content import tbl, tc, tr
    from test_docx_redline import textbox
except ImportError:  # tests/ imported as a package
    from tests.support.fixtures_office import footnotes_xml, make_docx, r
    from tests.test_docx_content import tbl, tc, tr
    from tests.test_docx_redline import textbox

# words as they occur in real files: plain, numbers alone ("3", "27"), digits glued ("Text2")
WORD = st.from_regex(r"[a-z]{1,7}|[0-9]{1,3}|[A-Za-z]{2,5}[0-9]{1,2}", fullmatch=True)
WORDS = st.lists(WORD, min_size=1, max_size=6)


class Doc:
    """A generated document: its XML body, footnotes, and the words a reader sees."""

    def __init__(self) -> None:
        self.visible: list[str] = []
        self.hidden: list[str] = []
        self.notes: dict[int, str] = {}

    def para(self, draw, depth: int) -> str:
        words = draw(WORDS)
        self.visible += words
        runs = r(" ".join(words))
        if draw(st.booleans()) and draw(st.booleans()):
            hidden = draw(WORDS)
            self.hidden += hidden
            runs += f'<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> {" ".join(hidden)}</w:t></w:r>'
        if draw(st.integers(0, 5)) == 0:
            nid = len(self.notes) + 1
            note = draw(WORDS)
            self.visible += note
            self.notes[nid] = " ".join(note)
            runs += f'<w:r><w:footnoteReference w:id="{nid}"/></w:r>'
        if depth < 2 and draw(st.integers(0, 6)) == 0:
            box = draw(WORDS)
            self.visible += box
            runs += textbox(" ".join(box))
        return f"<w:p>{runs}</w:p>"

    def table(self, draw, depth: int) -> str:
        rows = []
        ncols = draw(st.integers(1, 3))
        for _ in range(draw(st.integers(1, 3))):
            cells = []
            col = 0
            while col < ncols:
                span = draw(st.integers(1, ncols - col))
                if depth < 2 and draw(st.integers(0, 8)) == 0:
                    content = self.table(draw, depth + 1) + self.para(draw, depth + 1)
                else:
                    content = "".join(self.para(draw, depth + 1) for _ in range(draw(st.integers(1, 2))))
                props = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
                cells.append(tc(content, props=props))
                col += span
            rows.append(tr(*cells))
        return tbl(*rows)


@st.composite
def documents(draw):
    d = Doc()
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        parts.append(d.table(draw, 0) if draw(st.integers(0, 3)) == 0 else d.para(draw, 0))
    data = make_docx("".join(parts), footnotes=footnotes_xml(d.notes) if d.notes else None)
    return d, data


def _words(texts) -> Counter:
    return Counter(w for t in texts for w in t.split())


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_every_word_of_a_word_file_is_read_once(case):
    d, data = case
    doc = api.load(data, name="generated.docx")
    got = _words([p.text for p in doc.paragraphs] + [f.text for f in doc.footnotes])
    assert got == Counter(d.visible)                       # nothing lost, nothing invented
    assert all(p.kind == "P" for p in doc.paragraphs)      # not a resolution: plain paragraphs
    dropped = _words([x.text for x in doc.dropped if x.reason == "hidden text"])
    assert dropped == Counter(d.hidden)


# --------------------------------------------------------------------------- redline of table edits

try:
    from support import ooxml_oracle as oracle
    from support.fixtures_office import p as para
    from test_docx_redline import grid
except ImportError:  # tests/ imported as a package
    from tests.support import ooxml_oracle as oracle
    from tests.support.fixtures_office import p as para
    from tests.test_docx_redline import grid

CELL = st.lists(WORD, min_size=1, max_size=3).map(" ".join)


@st.composite
def table_edits(draw):
    """A table and an edited copy: cells changed, rows inserted, deleted and moved."""
    ncols = draw(st.integers(1, 3))
    rows = draw(st.lists(st.lists(CELL, min_size=ncols, max_size=ncols), min_size=1, max_size=5))
    new = [list(r_) for r_ in rows]
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.sampled_from(["edit", "insert", "delete", "move"]))
        if op == "edit" and new:
            i, j = draw(st.integers(0, len(new) - 1)), draw(st.integers(0, ncols - 1))
            new[i][j] = draw(CELL)
        elif op == "insert":
            new.insert(draw(st.integers(0, len(new))), draw(st.lists(CELL, min_size=ncols, max_size=ncols)))
        elif op == "delete" and len(new) > 1:
            del new[draw(st.integers(0, len(new) - 1))]
        elif op == "move" and len(new) > 1:
            row = new.pop(draw(st.integers(0, len(new) - 1)))
            new.insert(draw(st.integers(0, len(new))), row)
    return rows, new


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(table_edits())
def test_table_redline_accept_is_new_and_reject_is_old(case):
    from compare.export.redline import redline_docx

    old_rows, new_rows = case
    docs = [api.load(make_docx(para(r("Before")) + grid(rows) + para(r("After"))), name="t.docx")
            for rows in (old_rows, new_rows)]
    docx = redline_docx(api.compare(*docs), summary=False)
    assert oracle.check_markup(docx) == []
    for mode, d in (("accept", docs[1]), ("reject", docs[0])):
        got = [x.text for x in oracle.view(docx, mode) if x.text.strip()]
        assert got == [x.text for x in d.paragraphs], mode


@st.composite
def document_pairs(draw):
    """Two generated Word files, the second often a light edit of the first."""
    d_old, old = draw(documents())
    if draw(st.booleans()):
        return old, draw(documents())[1]
    import io
    import re as _re
    import zipfile

    with zipfile.ZipFile(io.BytesIO(old)) as z:
        xml = z.read("word/document.xml").decode()
    words = _re.findall(r">([^<>]+)</w:t>", xml)
    target = draw(st.sampled_from(words))
    xml = xml.replace(f">{target}</w:t>", f">{target} {draw(WORD)}</w:t>", 1)
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(old)) as src, zipfile.ZipFile(buf, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, xml if name == "word/document.xml" else src.read(name))
    return old, buf.getvalue()


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(document_pairs())
def test_redline_of_any_word_pair_accepts_to_new_and_rejects_to_old(pair):
    from compare.export.redline import redline_docx

    docs = [api.load(data, name="g.docx") for data in pair]
    docx = redline_docx(api.compare(*docs), summary=False)
    assert oracle.check_markup(docx) == []
    for mode, d in (("accept", docs[1]), ("reject", docs[0])):
        paras = [x for x in oracle.view(docx, mode) if x.text.strip()]
        assert [x.text for x in paras] == [x.text for x in d.paragraphs], mode
        notes = {f.number: f.text for f in d.footnotes}
        want = [notes[ref.number] for x in d.paragraphs for ref in x.footnote_refs]
        assert [t for x in paras for _, t in x.footnotes] == want, mode
