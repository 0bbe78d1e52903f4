"""The second, independent revision generator (delegation-style amendments on the samples in
French, English and Spanish): is its ground truth consistent, and does the aligner hold on it?"""
from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from support import negotiation  # noqa: E402
from support.negotiation import CLASSES, generate_class_pairs, generate_pairs, make_class_case  # noqa: E402
from support.generator_checks import check_class_cases, check_deterministic, check_varied  # noqa: E402

from compare.align import align  # noqa: E402
from compare.model import CompareOptions  # noqa: E402

@pytest.mark.parametrize("cls", CLASSES)
def test_class_cases_hold_their_class_with_consistent_truth(cls):
    check_class_cases(make_class_case, cls, 12, 10)


def test_languages_and_amendments_are_varied():
    pairs = generate_pairs(40, 7)
    langs = Counter(old.meta.language for old, _, _ in pairs)
    assert set(langs) == {"fr", "en", "es"}
    check_varied(pairs)


def test_generation_is_deterministic():
    check_deterministic(generate_class_pairs, ["several", "split_two"])


def test_amendments_read_like_delegations():
    rng = random.Random(3)
    assert "63/" in negotiation.update_references("Recalling its resolution 61/180,", "en", random.Random(1)) or \
        "62/" in negotiation.update_references("Recalling its resolution 61/180,", "en", random.Random(1)) or \
        "64/" in negotiation.update_references("Recalling its resolution 61/180,", "en", random.Random(1))
    out = negotiation.update_references("at its sixty-first session;", "en", rng)
    assert "sixty-first" not in out and "session" in out
    assert negotiation.change_verb("Urges Member States to act;", "OP", "en", random.Random(0)).split(" ")[0] in \
        ("Calls", "Strongly")
    assert negotiation.cross_part("Recalling its resolution 61/180,", "PP", "en") == \
        ("Recalls its resolution 61/180;", "OP")
    moved = negotiation.rewrite("Urges Member States to strengthen cooperation, to prevent trafficking in persons, "
                                "to protect victims and to ensure that perpetrators do not enjoy impunity;",
                                "OP", "en", random.Random(5), [])
    assert 0.25 <= negotiation.changed_share("Urges Member States to strengthen cooperation, to prevent trafficking "
                                             "in persons, to protect victims and to ensure that perpetrators do not "
                                             "enjoy impunity;", moved) <= 0.8


def test_aligner_on_negotiation_rounds():
    """Link F1 and split/merge recall on a small run (bench_align.py --generator negotiation
    reports the full figures per class)."""
    from support.synthetic import score
    opts = CompareOptions(fragment=False)
    hit = gold = sm = sm_found = 0
    for old, new, truth in generate_pairs(60, 2024):
        groups = [(g.old, g.new) for g in align(old, new, opts)]
        s = score(truth, groups)
        sm += s["split_merge_n"]
        sm_found += round((s["split_merge_recall"] or 0) * s["split_merge_n"])
        hit += s["f1"] >= 0.999
        gold += 1
    assert hit / gold >= 0.95          # 60 of 60 revisions aligned exactly today
    assert sm_found >= 0.95 * sm       # 84 of 84 splits and merges today
