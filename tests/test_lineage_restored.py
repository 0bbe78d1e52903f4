"""Restored paragraphs: deleted in one version, back in a later one — one lineage row, marked."""
from __future__ import annotations

from pathlib import Path

import pytest

from compare import api
from compare.export.table import cells, compilation_frame
from compare.lineage import build_lineage

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _versions():
    """The French draft (real), a revision without its OP10 « Prend note des discussions … »,
    and a later one where OP10 comes back (lightly edited) and OP12 is dropped."""
    base = api.load(str(SAMPLES / "draft-rev1-2008-11-10.fr.md"))
    ops = [p.text for p in base.operative]
    pps = [p.text for p in base.preamble]

    def doc(ops_):
        text = "L'Assemblée générale,\n\n" + "\n\n".join(pps) + "\n\n" + "\n\n".join(
            f"{k}. {t}" for k, t in enumerate(ops_, 1))
        return api.load_text(text)
    assert ops[9].startswith("Prend note des discussions")
    v2 = ops[:9] + ops[10:]
    back = ops[9].replace("Prend note des discussions", "Prend note avec intérêt des discussions")
    v3 = ops[:9] + [back] + ops[10:11] + ops[12:]
    return [doc(ops), doc(v2), doc(v3)]


def test_deleted_then_restored_is_one_row_marked_restored():
    docs = _versions()
    lin = build_lineage(docs)
    rows = [k for k, row in enumerate(lin.rows) if "OP10" in row[0]]
    assert len(rows) == 1
    row = lin.rows[rows[0]]
    assert row[1] == [] and row[2] == ["OP10"]
    assert lin.restored == {rows[0]: 2}
    # every paragraph of every version still in exactly one row
    for v, d in enumerate(docs):
        ids = [i for r in lin.rows for i in r[v]]
        assert sorted(ids) == sorted(p.id for p in d.paragraphs)
    # OP12 of the base, dropped only in the last version, is a plain deletion
    assert len([k for k in lin.restored]) == 1


def test_restored_row_in_the_compilation_table_and_the_app():
    lin = build_lineage(_versions())
    k = next(iter(lin.restored))
    grid = cells(lin)
    assert grid[k][1].parts[0] == ("note", "(supprimé) ")      # the table speaks the texts' language
    # marked against the text it had when last seen (v1 OP10), not as all new: only « avec intérêt »
    assert grid[k][2].parts[0] == ("note", "(rétabli ; modifications par rapport à <text> OP10) ")
    assert [t for op, t in grid[k][2].parts if op == "insert"] == ["avec intérêt "]
    assert not [t for op, t in grid[k][2].parts if op == "delete"]
    frame = compilation_frame(lin)
    assert frame.iloc[k, 2].startswith("OP10: (rétabli ; modifications par rapport à <text> OP10) ")
    render = pytest.importorskip("ui.render")
    from html import escape
    assert escape("(rétabli ; modifications par rapport à <text> OP10)") in render.lineage_html(lin)
    # the JSON says it too
    from compare.export.jsonout import versions_dict
    js = versions_dict(lin.versions, lin.comparisons, lin)
    assert js["restored"] == [{"row": k, "version": 2, "from_version": 0,
                               "diff": [list(x) for x in js["restored"][0]["diff"]]}]
    assert ["insert", "avec intérêt "] in js["restored"][0]["diff"]


def test_a_new_paragraph_is_not_restored_from_an_unrelated_deletion():
    docs = _versions()
    ops3 = [p.text for p in docs[2].operative]
    other = api.load(str(SAMPLES / "A-RES-78-228.fr.md")).paragraphs[-1].text
    ops3[9] = "Prend note " + other.split(" ", 2)[-1]
    pps = [p.text for p in docs[2].preamble]
    docs[2] = api.load_text("L'Assemblée générale,\n\n" + "\n\n".join(pps) + "\n\n" + "\n\n".join(
        f"{k}. {t}" for k, t in enumerate(ops3, 1)))
    lin = build_lineage(docs)
    assert lin.restored == {}


def test_a_new_paragraph_on_another_convention_is_not_a_restoration():
    """Second review: "Recalling also … Convention against Transnational Organized Crime," deleted, and
    two versions later "Recalling also … Convention against Corruption," added (similarity 0.66):
    another paragraph, not language coming back — no "(restored)" row."""
    text = (SAMPLES / "A-RES-61-180.en.md").read_text(encoding="utf-8")
    pp = "Recalling also the United Nations Convention against Transnational Organized Crime,"
    without = text.replace("The General Assembly,\n", "The General Assembly,\n\n" + pp + "\n", 1)
    assert without != text
    a = api.load_text(without, name="A")
    b = api.load_text(text, name="B")
    d = api.load_text(text.replace("The General Assembly,\n", "The General Assembly,\n\n"
                                   "Recalling also the United Nations Convention against Corruption,\n", 1), name="D")
    lin = build_lineage([a, b, b, d])
    assert lin.restored == {}
    # and the row of the deleted paragraph is not the row of the new one
    deleted_row = next(r for r in lin.rows if r[0] and r[1] == [] and r[3] == [])
    assert deleted_row[0] == [a.paragraphs[0].id]
