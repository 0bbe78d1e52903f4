"""The seventh, held-out revision generator (tests/support/facilitator.py: a facilitator's compilation
texts — lists regrouped, chapeaux reworded, OPs into a list and back, splits and merges in three, far
moves reworded, one-liners of one frame): its truth is consistent and believable, its classes happen,
and the same seed gives the same revisions.  No score of the aligner is asserted here (the generator's
use is to show where the aligner fails)."""
from __future__ import annotations

import random
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from support import consultations, facilitator  # noqa: E402
from support.facilitator import CLASSES, generate_class_pairs, generate_pairs, make_class_case  # noqa: E402
from support.generator_checks import check_class_cases, check_every_sample_is_a_base, check_deterministic, check_varied  # noqa: E402


def _case(cls: str, i: int = 0):
    old, new, truth = make_class_case(cls, random.Random(f"test-facilitator:{cls}:{i}"))
    return {p.id: p.text for p in old.paragraphs}, {p.id: p.text for p in new.paragraphs}, truth


@pytest.mark.parametrize("cls", CLASSES)
def test_class_cases_hold_their_class_with_consistent_truth(cls):
    check_class_cases(make_class_case, cls, 4, 3)


def test_every_sample_is_a_base_in_its_language():
    check_every_sample_is_a_base(generate_class_pairs, "merge_three")


def test_revisions_hold_every_kind_of_change():
    pairs = generate_pairs(10, 5) + [c[1:] for c in generate_class_pairs(2, 5, ["split_three", "one_liners"])]
    check_varied(pairs)


def test_generation_is_deterministic():
    check_deterministic(generate_class_pairs, ["mixed", "list_regrouped", "one_liners"])


def test_reworded_chapeau_heads_its_items_under_another_verb():
    """The chapeau pairs with the old one though its verb changed; its items stay under it."""
    for i in range(3):
        old, new, truth = _case("chapeau_reworded", i)
        heads = [t for t in truth if t.tag == "chapeau_reworded" and old[t.old[0]].endswith(":")]
        assert len(heads) == 1 and heads[0].kind == "modified"
        o, n = heads[0].old[0], heads[0].new[0]
        assert consultations.lead_of(old[o], "en") != consultations.lead_of(new[n], "en") or old[o][:6] != new[n][:6]
        kids = [t for t in truth if any(x.startswith(o + "(") for x in t.old) and t.new]
        assert kids and all(x.startswith(n + "(") for t in kids for x in t.new)


def test_ops_gathered_into_a_list_lose_their_verb_and_pair_with_their_source():
    for i in range(3):
        old, new, truth = _case("ops_into_list", i)
        items = [t for t in truth if t.tag == "ops_into_list" and t.old and t.new]
        assert len(items) >= 2
        assert all("(" in t.new[0] and "(" not in t.old[0] for t in items)
        assert sum(t.kind == "inserted" for t in truth if t.tag == "ops_into_list") == 1      # the new chapeau


def test_split_three_and_merge_three_have_three_parts():
    for i in range(3):
        _, _, truth = _case("split_three", i)
        assert [len(t.new) for t in truth if t.kind == "split" and t.tag == "split_three"] == [3]
        old, new, truth = _case("merge_three", i)
        merged = [t for t in truth if t.kind == "merged" and t.tag == "merge_three"]
        assert [len(t.old) for t in merged] == [3]
        for o in merged[0].old:                              # each source condensed, still mostly there
            assert 0.5 <= consultations.contained(old[o], new[merged[0].new[0]]) < 1.0


def test_one_liners_pair_by_their_object_with_sessions_updated():
    """Each kept one-liner keeps its object and has its session or symbol moved on; one is dropped and
    one added with an object no old one-liner had."""
    for i in range(3):
        old, new, truth = _case("one_liners", i)
        ours = [t for t in truth if t.tag == "one_liners"]
        kinds = Counter(t.kind for t in ours)
        assert kinds["deleted"] == 1 and kinds["inserted"] == 1 and kinds["modified"] >= 2
        lang = "fr" if "Prend" in " ".join(old.values()) else "es" if "Toma nota" in " ".join(old.values()) else "en"
        objs = facilitator.OBJECTS[lang]
        obj = lambda s: next(o for o in objs if o in s)  # noqa: E731
        for t in ours:
            if t.kind == "modified":
                assert obj(old[t.old[0]]) == obj(new[t.new[0]])
                assert re.sub(r"\d", "", old[t.old[0]]) != old[t.old[0]] or old[t.old[0]] != new[t.new[0]]
        added = next(t for t in ours if t.kind == "inserted")
        frames = tuple(f.split("{")[0] for f in facilitator.FRAMES[lang])
        liners = [s for s in old.values() if s.startswith(frames)]
        assert len(liners) >= 3 and all(obj(new[added.new[0]]) not in s for s in liners)


def test_promoted_items_read_on_from_the_chapeau_verb():
    """A list's items promoted to OPs read "Engage les États Membres à ériger …" (the item's opening
    lowered), the first one carrying the chapeau on (merged with it), the others apart."""
    fr = next(s for s in consultations.sources() if s.lang == "fr")
    for i in range(3):
        old, new, truth = make_class_case("list_into_ops", random.Random(f"test-facilitator:promote:{i}"), fr)
        nt = {p.id: p.text for p in new.paragraphs}
        ours = [t for t in truth if t.tag == "list_into_ops"]
        assert sum(t.kind == "merged" for t in ours) == 1
        for t in ours:
            assert not re.search(r"\w (À|De) ", nt[t.new[0]]), nt[t.new[0]]
