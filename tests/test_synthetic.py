"""The synthetic revision generator and its scorer: is the ground truth consistent?"""
from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from support import synthetic  # noqa: E402
from support.synthetic import (  # noqa: E402
    BASE_NAME, SAMPLES, TruthGroup, base_document, corpus_dir, edit_words, generate_pairs,
    load_expected, load_sample_document, make_revision, score,
)

KINDS = {"unchanged", "modified", "inserted", "deleted", "split", "merged"}
ILLUSTRATIVE = SAMPLES / "draft-rev2-illustrative.fr.md"
EXPECTED = SAMPLES / "draft-rev2-illustrative.expected.json"


@pytest.fixture(scope="module")
def base():
    return base_document()


# --------------------------------------------------------------------------- the simple reader

def test_reader_finds_the_french_draft_structure(base):
    ids = [p.id for p in base.paragraphs]
    assert ids == [f"PP{i}" for i in range(1, 12)] + [f"OP{i}" for i in range(1, 15)]
    op9 = base.by_id("OP9")          # runs across a page break in the source
    assert "ainsi que par l'Organisation internationale pour les migrations" in op9.text
    assert op9.text.endswith("module mondial de lutte contre la traite;")
    for p in base.paragraphs:
        assert "<sup>" not in p.text and "*" not in p.text and p.text == p.text.strip()
        assert p.text.startswith(p.leading)
    assert [r.number for r in base.by_id("OP2").footnote_refs] == ["3", "7", "8"]
    assert "1er juin 2009" in base.by_id("OP11").text
    assert len(base.footnotes) == 8
    assert base.meta.language == "fr" and base.meta.date == "2008-11-10"


def test_pool_holds_complete_real_paragraphs():
    pool = synthetic.paragraph_pool()
    assert len(pool) >= 15
    for t in pool:
        assert t[-1] in ",;." and synthetic._has_known_lead(t)


# --------------------------------------------------------------------------- truth consistency

def check_truth(old, new, truth: list[TruthGroup]) -> None:
    old_ids = [p.id for p in old.paragraphs if p.level == 0]
    new_ids = [p.id for p in new.paragraphs]
    used_old = [o for t in truth for o in t.old]
    used_new = [n for t in truth for n in t.new]
    # every paragraph in exactly one group
    assert sorted(used_old) == sorted(old_ids) and len(set(used_old)) == len(used_old)
    assert sorted(used_new) == sorted(new_ids) and len(set(used_new)) == len(used_new)
    # new ids are consecutive, PPs before OPs
    pps = [p for p in new.paragraphs if p.kind == "PP"]
    ops = [p for p in new.paragraphs if p.kind == "OP"]
    assert new.paragraphs == pps + ops
    assert [p.id for p in pps] == [f"PP{i}" for i in range(1, len(pps) + 1)]
    assert [p.id for p in ops] == [f"OP{i}" for i in range(1, len(ops) + 1)]
    assert all(p.number == p.id[2:] for p in new.paragraphs)
    old_texts = {p.text for p in old.paragraphs}
    for t in truth:
        assert t.kind in KINDS
        o = [old.by_id(i).text for i in t.old]
        n = [new.by_id(i).text for i in t.new]
        if t.kind == "unchanged":
            assert len(o) == len(n) == 1 and o == n and not t.edited
        elif t.kind == "modified":
            assert len(o) == len(n) == 1 and o != n and t.edited
        elif t.kind == "inserted":
            assert not o and len(n) == 1 and n[0] not in old_texts
        elif t.kind == "deleted":
            assert len(o) == 1 and not n
        elif t.kind == "split":
            assert len(o) == 1 and len(n) == 2
        elif t.kind == "merged":
            assert len(o) == 2 and len(n) == 1
        if t.kind in ("split", "merged"):          # the parts are consecutive on their side
            side, ids = (new_ids, t.new) if t.kind == "split" else (old_ids, t.old)
            first = side.index(ids[0])
            assert list(ids) == side[first:first + len(ids)]
            ow, nw = Counter(" ".join(o).split()), Counter(" ".join(n).split())
            assert sum((ow & nw).values()) >= 0.85 * sum(ow.values())
        if t.leading_change:
            assert o[0].startswith(t.leading_change[0]) and n[0].startswith(t.leading_change[1])
        if t.old and t.new:
            assert t.renumbered == (t.old[0] != t.new[0])
    # moved: the groups not moved keep their relative order
    pos = {pid: i for i, pid in enumerate(old_ids)}
    kept = [pos[t.old[0]] for t in truth if t.old and t.new and not t.moved]
    assert kept == sorted(kept)
    # the OP/PP kind is kept by every link
    for t in truth:
        kinds = {old.by_id(i).kind for i in t.old} | {new.by_id(i).kind for i in t.new}
        assert len(kinds) == 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**9), strength=st.floats(0.0, 1.0),
       mode=st.sampled_from(synthetic.MODES))
def test_generator_truth_is_consistent(seed, strength, mode):
    old = base_document()
    new, truth = make_revision(old, random.Random(seed), strength, mode)
    check_truth(old, new, truth)
    if mode == "renumber-only":
        changed = [t for t in truth if t.kind != "unchanged"]
        assert len(changed) == 1 and changed[0].kind in ("inserted", "deleted")
        assert not any(t.moved for t in truth)
        assert sum(t.renumbered for t in truth) >= 8


def test_strength_zero_is_an_identical_copy(base):
    new, truth = make_revision(base, random.Random(5), 0.0)
    assert [(p.id, p.text) for p in new.paragraphs] == [(p.id, p.text) for p in base.paragraphs]
    assert all(t.kind == "unchanged" and not t.moved and not t.renumbered for t in truth)


def test_generate_pairs_is_deterministic_and_covers_every_operation():
    a = generate_pairs(40, seed=7)
    b = generate_pairs(40, seed=7)
    assert [[(p.id, p.text) for p in n.paragraphs] for _, n, _ in a] == \
           [[(p.id, p.text) for p in n.paragraphs] for _, n, _ in b]
    assert [t for *_, t in a] == [t for *_, t in b]
    kinds = Counter(t.kind for *_, truth in a for t in truth)
    assert all(kinds[k] > 0 for k in KINDS), kinds
    flat = [t for *_, truth in a for t in truth]
    assert any(t.moved and t.edited for t in flat)
    assert any(t.moved and not t.edited for t in flat)
    assert any(t.leading_change for t in flat)
    pp_changes = [t for t in flat if t.kind in ("inserted", "deleted")
                  and (t.old + t.new)[0].startswith("PP")]
    assert pp_changes
    for old, new, truth in a:
        check_truth(old, new, truth)


def test_edit_levels(base):
    rng = random.Random(11)
    texts = [p.text for p in base.paragraphs]
    p = base.by_id("OP11")
    import difflib
    shares = {}
    for level in ("light", "medium", "heavy"):
        out = edit_words(p.text, p.leading, level, rng, texts, "fr")
        assert out != p.text and out.startswith(p.leading) and out[-1] == p.text[-1]
        sm = difflib.SequenceMatcher(None, p.text.split(), out.split(), autojunk=False)
        shares[level] = 1 - sm.ratio()
    assert shares["light"] < shares["medium"] < shares["heavy"]
    assert shares["heavy"] >= 0.25


# --------------------------------------------------------------------------- score

def test_score_of_the_truth_is_perfect():
    for _, _, truth in generate_pairs(15, seed=3):
        s = score(truth, [(t.old, t.new) for t in truth])
        assert s["precision"] == s["recall"] == s["f1"] == 1.0
        assert s["moved_edited_f1"] in (None, 1.0)
        assert s["split_merge_recall"] in (None, 1.0)
        assert s["renumbered_false_del_ins"] == 0


def test_score_penalises_corrupted_predictions():
    _, _, truth = generate_pairs(5, seed=3)[4]          # renumber-only
    ren = [t for t in truth if t.kind == "unchanged" and t.renumbered]
    assert ren
    victim = ren[0]
    pred = [(t.old, t.new) for t in truth if t is not victim]
    pred += [(victim.old, ()), ((), victim.new)]      # false deleted + inserted
    s = score(truth, pred)
    assert s["f1"] < 1.0 and s["renumbered_false_del_ins"] == 2

    # a split predicted as modified + inserted is not found
    for _, _, truth in generate_pairs(30, seed=3):
        sm = [t for t in truth if t.kind == "split"]
        if sm:
            break
    t0 = sm[0]
    pred = [(t.old, t.new) for t in truth if t is not t0]
    pred += [(t0.old, t0.new[:1]), ((), t0.new[1:])]
    s = score(truth, pred)
    assert s["split_merge_recall"] < 1.0 and s["f1"] < 1.0

    # swapping two links lowers precision and recall
    one_to_one = [t for t in truth if len(t.old) == len(t.new) == 1]
    a, b = one_to_one[0], one_to_one[1]
    pred = [(t.old, t.new) for t in truth if t not in (a, b)] + [(a.old, b.new), (b.old, a.new)]
    s = score(truth, pred)
    assert s["precision"] < 1.0 and s["recall"] < 1.0


def test_score_moved_edited_measure():
    for _, _, truth in generate_pairs(40, seed=9):
        me = [t for t in truth if t.moved and t.edited]
        if me:
            break
    assert me
    t0 = me[0]
    pred = [(t.old, t.new) for t in truth if t is not t0] + [(t0.old, ()), ((), t0.new)]
    s = score(truth, pred)
    assert s["moved_edited_f1"] < 1.0 and s["moved_edited_n"] == len(me)


def test_score_accepts_objects_with_old_and_new():
    from compare.model import Pair
    _, _, truth = generate_pairs(1, seed=1)[0]
    pairs = [Pair(list(t.old), list(t.new), t.kind) for t in truth]
    assert score(truth, pairs)["f1"] == 1.0


# --------------------------------------------------------------------------- the illustrative sample

def test_illustrative_revision_is_marked_and_parses():
    first = ILLUSTRATIVE.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("<!--") and "ILLUSTRATIVE" in first and "not a UN document" in first
    new = load_sample_document(ILLUSTRATIVE)
    assert [p.id for p in new.paragraphs] == [f"PP{i}" for i in range(1, 13)] + \
        [f"OP{i}" for i in range(1, 15)]
    assert new.meta.date == "2008-11-17"
    # OP9 of the source (OP7 here) still runs across a blank line
    raw = ILLUSTRATIVE.read_text(encoding="utf-8")
    assert re.search(r"ainsi que par\n\nl'Organisation internationale pour les migrations", raw)
    # every footnote marker has a footnote
    notes = {f.number for f in new.footnotes}
    assert {r.number for p in new.paragraphs for r in p.footnote_refs} <= notes


def test_illustrative_expected_json_matches_the_texts():
    old = load_sample_document(corpus_dir() / BASE_NAME)
    new = load_sample_document(ILLUSTRATIVE)
    data = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert data["old"] == BASE_NAME and data["new"] == ILLUSTRATIVE.name
    truth = load_expected(EXPECTED)
    check_truth(old, new, truth)
    statuses = Counter(p["status"] for p in data["pairs"])
    assert statuses == Counter(unchanged=19, modified=2, inserted=2, deleted=1, split=1, merged=1)
    assert sum(p["moved"] for p in data["pairs"]) == 1
    assert [p["leading_change"] for p in data["pairs"] if p["leading_change"]] == [["Encourage", "Engage"]]
    # at least one OP whose only change is its number
    assert any(p["status"] == "unchanged" and p["renumbered"] and p["old"][0].startswith("OP")
               for p in data["pairs"])
    assert score(truth, [(t.old, t.new) for t in truth])["f1"] == 1.0


def test_illustrative_revision_differs_from_the_source_only_where_declared():
    src = (corpus_dir() / BASE_NAME).read_text(encoding="utf-8")
    rev = ILLUSTRATIVE.read_text(encoding="utf-8")
    # compare without the OP number labels (renumbering is declared)
    src_lines = [re.sub(r"^\d+\. ", "N. ", line) for line in src.split("\n")]
    rev_lines = [re.sub(r"^\d+\. ", "N. ", line) for line in rev.split("\n")[1:]]  # minus line 1
    import difflib
    changed = [op for op in difflib.SequenceMatcher(None, src_lines, rev_lines, autojunk=False)
               .get_opcodes() if op[0] != "equal"]
    touched_src = {src_lines[i] for _, i1, i2, _, _ in changed for i in range(i1, i2)}
    # the date line and paragraph lines only; never OP9, footnotes or page rules
    for line in touched_src:
        assert line == "10 novembre 2008  " or re.match(r"^N\. \*|^$", line), line
        assert "ainsi que par" not in line and not line.startswith("l'Organisation")


# --------------------------------------------------------------------------- hard classes

@pytest.mark.parametrize("cls", synthetic.CLASSES)
def test_class_revisions_hold_their_class_with_consistent_truth(cls):
    """Each hard class really occurs (tagged truth groups) and the truth accounts for
    every paragraph of both versions exactly once; scattered parts are really apart."""
    seen = 0
    for i in range(12):
        old, new, truth = synthetic.make_class_revision(base_document(), random.Random(f"t:{cls}:{i}"), cls)
        for doc, side in ((old, "old"), (new, "new")):
            used = [x for t in truth for x in getattr(t, side)]
            assert sorted(used) == sorted(p.id for p in doc.paragraphs), (cls, i, side)
        tagged = [t for t in truth if t.tag == cls]
        seen += bool(tagged)
        pos = {p.id: k for k, p in enumerate(new.paragraphs)}
        opos = {p.id: k for k, p in enumerate(old.paragraphs)}
        for t in tagged:
            if cls == "scattered_split":
                a, b = sorted(pos[x] for x in t.new)
                assert t.kind == "split" and b - a >= 2
            if cls == "scattered_merge":
                a, b = sorted(opos[x] for x in t.old)
                assert t.kind == "merged" and b - a >= 2
            if cls == "op_to_list":
                assert t.kind == "split" and all(new.by_id(x).level == 1 for x in t.new[1:])
                assert new.by_id(t.new[0]).text.endswith(":")
            if cls == "list_to_op":
                assert t.kind == "merged" and all(old.by_id(x).level == 1 for x in t.old[1:])
            if cls == "boilerplate_replacement" and t.new:
                assert t.kind == "inserted"
    assert seen == 12


def test_class_pairs_are_deterministic():
    a = synthetic.generate_class_pairs(2, 5)
    b = synthetic.generate_class_pairs(2, 5)
    assert [(c, [p.text for p in n.paragraphs], t) for c, _, n, t in a] == \
           [(c, [p.text for p in n.paragraphs], t) for c, _, n, t in b]
