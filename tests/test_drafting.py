"""The eighth, held-out revision generator (tests/support/drafting.py: versions drafted as plain text and
loaded as users load them — lists two levels deep, splits and merges in four or five, swapped pairs,
templated OPs, a block of OPs moved into the preamble): its truth is consistent and by the parser's ids,
its classes happen, and the same seed gives the same revisions.  No score of the aligner is asserted
here (the generator's use is to show where the aligner fails)."""
from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from support import consultations, drafting  # noqa: E402
from support.drafting import CLASSES, generate_class_pairs, generate_pairs, make_class_case  # noqa: E402
from support.generator_checks import check_class_cases, check_deterministic, check_every_sample_is_a_base, check_varied  # noqa: E402,E501


def _case(cls: str, i: int = 0):
    old, new, truth = make_class_case(cls, random.Random(f"test-drafting:{cls}:{i}"))
    return {p.id: p.text for p in old.paragraphs}, {p.id: p.text for p in new.paragraphs}, truth


@pytest.mark.parametrize("cls", CLASSES)
def test_class_cases_hold_their_class_with_consistent_truth(cls):
    check_class_cases(make_class_case, cls, 4, 3)


def test_revisions_hold_every_kind_of_change():
    pairs = generate_pairs(8, 5) + [c[1:] for c in generate_class_pairs(2, 5, ["split_many", "merge_many",
                                                                               "templated_ops"])]
    check_varied(pairs)


def test_generation_is_deterministic():
    check_deterministic(generate_class_pairs, ["mixed", "nested_lists", "templated_ops"])


def test_every_sample_is_a_base_in_its_language():
    check_every_sample_is_a_base(generate_class_pairs, "merge_many")


def test_the_text_a_user_loads_gives_the_ids_of_the_truth():
    """Rendered as a delegation's .txt and read back with load_text, every block is the paragraph it was
    written as: the list items and sub-items get OPn(a) and OPn(a)(i)."""
    old, new, _ = make_class_case("nested_lists", random.Random("test-drafting:ids"))
    text = drafting.render([consultations.Block(p.text, p.kind, p.level) for p in new.paragraphs], "en")
    assert text.startswith(drafting.HEADING["en"]) and "\n1. " in text and "\n(a) " in text and "\n(i) " in text
    assert any(p.level == 2 and p.id.endswith("(i)") and p.parent + "(i)" == p.id for p in new.paragraphs)


def test_nested_lists_carve_or_move_items_inside_one_list():
    """Every nested_lists group stays inside the lists (items and sub-items); a carving splits an item
    into itself and sub-items of it."""
    for i in range(3):
        old, new, truth = _case("nested_lists", i)
        ours = [t for t in truth if t.tag == "nested_lists"]
        assert len(ours) >= 2
        assert all("(" in x for t in ours for x in t.old + t.new)
        for t in ours:
            if t.kind == "split":
                assert all(x.startswith(t.new[0] + "(") for x in t.new[1:])


def test_split_many_and_merge_many_have_four_or_five_parts():
    for i in range(3):
        _, new, truth = _case("split_many", i)
        split = [t for t in truth if t.kind == "split" and t.tag == "split_many"]
        assert len(split) == 1 and 4 <= len(split[0].new) <= 5
        old, new, truth = _case("merge_many", i)
        merged = [t for t in truth if t.kind == "merged" and t.tag == "merge_many"]
        assert [len(t.old) for t in merged] == [4]
        for o in merged[0].old:                               # each source lightly condensed, mostly there
            assert consultations.contained(old[o], new[merged[0].new[0]]) >= 0.7


def test_templated_ops_pair_by_their_object():
    """Kept templated OPs keep their object's words more than any other's; one dropped, one added."""
    for i in range(3):
        old, new, truth = _case("templated_ops", i)
        ours = [t for t in truth if t.tag == "templated_ops"]
        kinds = Counter(t.kind for t in ours)
        assert kinds["deleted"] == 1 and kinds["inserted"] == 1 and kinds["modified"] + kinds["unchanged"] >= 4
        lang = "fr" if "Prie le" in " ".join(old.values()) else "es" if "Solicita al" in " ".join(old.values()) \
            else "en"
        for t in ours:
            if t.old and t.new:
                obj = drafting.judged(new[t.new[0]], lang)
                own = consultations.dice(drafting.judged(old[t.old[0]], lang), obj)
                assert all(own > consultations.dice(drafting.judged(old[o], lang), obj)
                           for u in ours for o in u.old if o != t.old[0])


def test_a_block_moved_into_the_preamble_turns_its_verbs():
    """OPs moved into the preamble open with participles ("Urging", « Exhortant », "Instando")."""
    seen = 0
    for i in range(6):
        old, new, truth = _case("moved_block_edited", i)
        ours = [t for t in truth if t.tag == "moved_block_edited"]
        assert 3 <= len(ours) <= 6
        for t in ours:
            if t.new[0].startswith("PP"):
                seen += 1
                assert t.old[0].startswith("OP") and t.leading_change
    assert seen
