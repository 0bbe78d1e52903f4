"""The fourth, held-out revision generator (tests/support/amendments.py: delegations' amendments
written apart from the aligner and the other generators, on every sample in its own language): is
its truth consistent and believable, and does the aligner stay above a loose floor on it?"""
from __future__ import annotations

import random
import sys
from itertools import permutations
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from support import amendments  # noqa: E402
from support.amendments import CLASSES, generate_class_pairs, generate_pairs, make_class_case  # noqa: E402
from support.generator_checks import check_class_cases, check_every_sample_is_a_base, check_deterministic, check_varied  # noqa: E402
from support.synthetic import _links, class_recall  # noqa: E402

from compare.align import align  # noqa: E402
from compare.model import CompareOptions  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.mark.parametrize("cls", CLASSES)
def test_class_cases_hold_their_class_with_consistent_truth(cls):
    check_class_cases(make_class_case, cls, 10, 8)


def test_every_sample_is_a_base_in_its_language():
    names = {f.name for f in SAMPLES.glob("*.md")} - {"SOURCES.md"}
    assert {s.name for s in amendments.sources()} == names
    check_every_sample_is_a_base(generate_class_pairs, "moved_edited")


def test_revisions_hold_every_kind_of_change():
    check_varied(generate_pairs(24, 5))


def test_generation_is_deterministic():
    check_deterministic(generate_class_pairs, ["mixed", "short_lookalikes"])


def test_delegations_amendments_read_as_tabled():
    rng = random.Random(1)
    assert amendments.amend_verb("Urges Member States to act;", "en", rng).split(" ")[0] in ("Calls", "Strongly",
                                                                                           "Encourages")
    assert "and girls" in amendments.amend_insert_after("Calls for the protection of women;", "en", rng)
    assert "States and relevant" not in (amendments.amend_insert_after("Urges States Members to act;", "en", rng) or "")
    assert amendments.cross_part("Recognizing that cooperation is essential,", "PP", "en") == (
        "Recognizes that cooperation is essential,", "OP")
    head, tail = amendments.cut_in_two("Urges Member States to strengthen cooperation among their agencies, "
                                       "and to protect and assist victims of trafficking in persons;", "OP", "en", rng)
    assert head.endswith("agencies") and tail == "Also urges Member States to protect and assist victims of " \
                                                 "trafficking in persons"
    chapeau, items = amendments.to_list("Urges Member States to strengthen cooperation among their agencies, "
                                        "to protect and assist victims and to prosecute and punish traffickers;",
                                        "OP", "en", rng)
    assert chapeau == "Urges Member States:" and items[0].startswith("To strengthen") and len(items) == 3


def test_truth_stays_believable():
    """What the truth calls one paragraph a reader would too: a 1:1 paragraph keeps at least half of
    its words, a split part or merged part most of its own; the hardest moved+edited cases change
    30–50 % of the words."""
    hard = 0
    for cls, old, new, truth in generate_class_pairs(30, 9, CLASSES):
        ot = {p.id: p.text for p in old.paragraphs}
        nt = {p.id: p.text for p in new.paragraphs}
        for t in truth:
            if t.old and t.new:      # split parts may have drifted apart: read them in the best order
                wholes = [" ".join(nt[n] for n in order) for order in permutations(t.new)][:24]
                for o in t.old:
                    kept = max(amendments.kept_share(ot[o], w) for w in wholes)
                    assert kept >= amendments.MIN_KEPT, (cls, ot[o], wholes[0])
            if t.tag == "moved_edited" and t.moved:
                hard += amendments.changed_share(ot[t.old[0]], nt[t.new[0]]) >= 0.3
    assert hard >= 8


def test_aligner_floor_on_held_out_amendments():
    """A LOOSE floor (bench_align.py --generator amendments reports the figures per class): link F1
    over 30 cases and the share of class groups found exactly.  Not today's numbers: a regression."""
    opts = CompareOptions(fragment=False)
    pred_all, gold_all = set(), set()
    found = total = 0
    for k, (cls, old, new, truth) in enumerate(generate_class_pairs(5, 2026, CLASSES)):
        groups = [(g.old, g.new) for g in align(old, new, opts)]
        pred_all |= {(k, l) for l in _links(groups)}
        gold_all |= {(k, l) for l in _links((t.old, t.new) for t in truth)}
        f, n = class_recall(truth, groups, cls)
        found += f
        total += n
    hit = len(pred_all & gold_all)
    f1 = 2 * hit / (len(pred_all) + len(gold_all))
    assert f1 >= 0.95
    assert found >= 0.85 * total
