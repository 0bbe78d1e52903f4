"""Placement has one home: classify computes it, every view shows pairs in that one order."""
from __future__ import annotations

import random
import re

import pytest

from compare import api
from compare.align import AlignParams
from compare.classify import compare_documents
from compare.export.html import anchor_id, rows_table
from compare.export.inline import inline_view_html
from compare.export.jsonout import versions_dict
from compare.export.labels import describe
from compare.export.pdf import print_html
from compare.export.redline import layout
from compare.export.table import cells
from compare.export.text import comparison_text
from compare.model import Lineage
from tests.support.synthetic import base_document, make_class_revision

#: (old, new): one with a move and a deletion, one with a move, deletions and outside paragraphs on both sides
CASES = [("draft-rev1-2008-11-10.fr.md", "draft-rev2-illustrative.fr.md"),
         ("A-RES-63-194.en.md", "A-RES-64-178.en.md")]


@pytest.fixture(params=CASES, ids=lambda c: c[0])
def cmp(request, samples):
    old, new = request.param
    return api.compare(api.load(samples / old), api.load(samples / new))


def assert_orders_rebuild_both_versions(cmp) -> None:
    """Reading the placement without the new sides (reject all) gives the old paragraphs in
    their order; without the old sides (accept all) the new ones in theirs."""
    def ids(s, name: str) -> list[str]:
        if s.role == "outside":
            return [s.id]
        if s.old or s.new:                       # a slot of a scattered pair: the part it shows
            return list(getattr(s, name))
        return getattr(cmp.pairs[s.pair], name)

    def side(name: str, skip: str) -> list[str]:
        return [i for s in cmp.placement if s.role != skip and (s.role != "outside" or s.side == name)
                for i in ids(s, name)]

    assert side("old", "dest") == [p.id for p in cmp.old.paragraphs]
    assert side("new", "source") == [p.id for p in cmp.new.paragraphs]


def _first_anchor(pair) -> str:
    return ([anchor_id("old", p) for p in pair.old] + [anchor_id("new", p) for p in pair.new])[0]


def test_placement_lists_every_pair_once_and_every_move_source(cmp):
    shown = [s.pair for s in cmp.placement if s.role in ("inplace", "dest")]
    assert shown == list(range(len(cmp.pairs)))              # pairs are listed in their placement order
    sources = [s.pair for s in cmp.placement if s.role == "source"]
    assert sorted(sources) == [k for k, p in enumerate(cmp.pairs) if p.moved]
    # a move, and an old paragraph without a partner (deleted, or outside the other excerpt: 63/194's
    # PP?3 and PP?4 between reordered neighbours are not known deleted)
    assert any(p.moved for p in cmp.pairs)
    assert any(p.status == "deleted" for p in cmp.pairs) or cmp.out_of_scope["old"]
    for side in ("old", "new"):
        assert [s.id for s in cmp.placement if s.role == "outside" and s.side == side] == cmp.out_of_scope[side]
    assert_orders_rebuild_both_versions(cmp)

def test_every_view_shows_pairs_in_the_one_order(cmp):
    order = cmp.pairs
    anchors = [_first_anchor(p) for p in order]
    ids = lambda html: [i for i in re.findall(r' id="([^"]+)"', html) if i in set(anchors)]   # noqa: E731
    assert ids(rows_table(cmp, cmp.pairs, anchors=True)) == anchors                       # side by side
    assert ids(inline_view_html(cmp, anchors=True)) == anchors                            # inline
    text = comparison_text(cmp)
    assert [text.index(f"  {describe(p)}\n") for p in order] == sorted(text.index(f"  {describe(p)}\n") for p in order)
    data = versions_dict([cmp.old, cmp.new], [cmp], None)["comparisons"][0]["pairs"]
    assert [(d["old"], d["new"]) for d in data] == [(p.old, p.new) for p in order]      # JSON
    assert rows_table(cmp, cmp.pairs) in print_html([cmp], "side-by-side")             # PDF page
    assert inline_view_html(cmp) in print_html([cmp], "inline")
    units = layout(cmp)                                                                  # Word redline
    assert [u.pair for u in units if u.role in ("inplace", "dest")] == order
    slots = [s for s in cmp.placement if s.role != "outside"]
    assert [(u.role, u.pair) for u in units if u.role != "outside"] == [(s.role, cmp.pairs[s.pair]) for s in slots]


def test_a_table_cell_lists_its_pairs_in_the_one_order(cmp):
    """A compilation-table cell fed by several pairs (a deletion beside a change) keeps their order."""
    rows = [[[i for p in cmp.pairs for i in p.old], [i for p in cmp.pairs for i in p.new]]]
    cell = cells(Lineage([cmp.old, cmp.new], [cmp], rows))[0][1]
    shown = "".join(t for op, t in cell.parts if op != "note")
    assert shown == "\n".join("".join(s.text for s in p.diff) for p in cmp.pairs)


@pytest.mark.parametrize("cls", ["scattered_split", "scattered_merge"])
def test_scattered_groups_are_placed_part_by_part(cls):
    """A split whose parts are apart (or a merge of paragraphs that were apart): each run of
    parts has a slot of its own, at its place, so both versions read in order; the pair is
    listed once (the other views show it whole, at its first slot)."""
    base = base_document()
    for seed in range(10):
        old, new, _ = make_class_revision(base, random.Random(seed), cls)
        cmp = compare_documents(old, new, params=AlignParams(scattered_groups=True))
        parted = [s for s in cmp.placement if s.old or s.new]
        assert parted, seed
        assert_orders_rebuild_both_versions(cmp)
        for s in parted:
            pair = cmp.pairs[s.pair]
            assert set(s.old) <= set(pair.old) and set(s.new) <= set(pair.new)
            assert s.role != "inplace" or (s.old and s.new)
        # a pair is listed at the slot of its first paragraph in the diff's order (a part that lands
        # before its source is not where the pair is listed: compare.classify diffs in the old order)
        shown = [s.pair for s in cmp.placement if s.role in ("inplace", "dest")
                 and (not s.new or cmp.pairs[s.pair].new[0] in s.new)]
        assert list(dict.fromkeys(shown)) == list(range(len(cmp.pairs)))


@pytest.mark.parametrize("cls", ["scattered_split", "scattered_merge"])
def test_views_show_each_part_of_a_scattered_group_once(cls):
    """Side by side, inline and in the compilation table a scattered split or merge is one
    row at its first part (the part apart is not repeated at its own place, nor lost)."""
    from compare.lineage import build_lineage
    from compare.model import CompareOptions

    base = base_document()
    for seed in range(4):
        old, new, _ = make_class_revision(base, random.Random(seed), cls)
        cmp = compare_documents(old, new)                           # scattered groups are the default
        scattered = {s.pair for s in cmp.placement if s.old or s.new}
        assert scattered, seed
        for html in (rows_table(cmp, cmp.pairs, anchors=True), inline_view_html(cmp, anchors=True)):
            found = re.findall(r' id="([^"]+)"', html)
            for side, doc in (("old", old), ("new", new)):
                for p in doc.paragraphs:
                    assert found.count(anchor_id(side, p.id)) <= 1, (seed, side, p.id)
            for k in scattered:                                 # the group is anchored once, at its row
                assert found.count(_first_anchor(cmp.pairs[k])) == 1
        table = cells(build_lineage([old, new], CompareOptions()))
        for p in new.paragraphs:
            rows = [r for r, row in enumerate(table)
                    if p.text in "".join(t for op, t in row[1].parts if op not in ("delete", "note"))]
            assert len(rows) == 1, (seed, p.id, rows)
