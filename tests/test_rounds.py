"""The third revision generator (tests/support/rounds.py: a text negotiated over several rounds,
first version against last) and the aligner rules it called for: is the ground truth consistent,
does every sample get negotiated, and does the aligner find the classes that negotiators meet
after several rounds (an elaborated split part, a merge part the assignment gave to a look-alike,
a procedural one-liner replaced by another of the same template)?"""
from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from support import rounds, synthetic  # noqa: E402
from support.rounds import CLASSES, generate_class_pairs, generate_pairs, make_class_case  # noqa: E402
from test_align import NOFRAG, assert_class_floors, assert_partition, groups_map, make_doc  # noqa: E402
from support.generator_checks import check_class_cases, check_deterministic, check_varied  # noqa: E402

from compare.align import AlignParams, align  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


# ----------------------------------------------------------------------------- the generator

@pytest.mark.parametrize("cls", CLASSES)
def test_class_cases_hold_their_class_with_consistent_truth(cls):
    check_class_cases(make_class_case, cls, 10, 6)


def test_every_sample_is_negotiated_in_its_language():
    """Each sample text (the English series 61/180 … 78/228, the 2006 draft, the French and the
    Spanish texts) is the base of some case, and the case is in the sample's language."""
    names = {f.name for f in SAMPLES.glob("*.md")} - {"SOURCES.md", "draft-rev2-illustrative.fr.md"}
    assert {f.name for f in rounds.anchors()} == names
    cases = generate_class_pairs(len(names), 5, ["paraphrase"])
    langs = Counter(old.meta.language for _, old, _, _ in cases)
    assert langs == Counter(f.name.split(".")[-2] for f in rounds.anchors())


def test_rounds_pile_up_the_changes_negotiators_meet():
    check_varied(generate_pairs(30, 7))


def test_generation_is_deterministic():
    check_deterministic(generate_class_pairs, ["several", "split_drift"])


def test_truth_stays_believable():
    """A story stops editing a paragraph once it would lose more than MAX_CHANGE of its words,
    and a split half or merged part keeps at least half of the words it had: what the truth calls
    one paragraph, a negotiator would too."""
    for _, old, new, truth in generate_class_pairs(8, 3, ["paraphrase", "moved_twice", "merge_edited"]):
        ot = {p.id: p.text for p in old.paragraphs}
        nt = {p.id: p.text for p in new.paragraphs}
        for t in truth:
            if t.old and t.new:
                whole_new = " ".join(nt[x] for x in t.new)
                for o in t.old:
                    assert rounds.kept(ot[o], whole_new) >= 0.3, (ot[o], whole_new)


def test_next_year_updates_every_reference_at_once():
    tb = rounds.ng.Table("en", [rounds.Para("Recalling its resolution 61/180 of 20 December 2006,", "PP"),
                                rounds.Para("Reaffirming its resolution 61/180,", "PP"),
                                rounds.Para("Decides to continue its consideration of the question at its "
                                            "sixty-third session;", "OP")], random.Random(2))
    rounds.next_year(tb)
    a, b, c = (p.text for p in tb.paras)
    assert "61/180" not in a + b and a.split()[3] == b.split()[3].rstrip(",")     # the same new number
    assert "sixty-third" not in c and "session" in c


# ----------------------------------------------------------------------------- the aligner on it

def test_hard_classes_recall_on_rounds():
    """Per-class recall on the third generator; bench_align.py --generator rounds prints the
    figures over more cases."""
    floors = {"moved_twice": 0.97, "split_drift": 0.95, "merge_edited": 0.9, "elaborated_split": 0.85,
              "condensed_merge": 0.9, "op_to_list": 0.95, "list_to_op": 0.95, "short_lookalikes": 0.95,
              "drop_restore": 0.97, "paraphrase": 0.95, "verb_move": 0.97, "several": 0.95,
              "moved_far_edited": 0.95, "split_part_moved": 0.93, "merge_source_edited": 0.93,
              "several_hard": 0.93}
    assert_class_floors(rounds, floors)


ONE_LINERS = [
    "Takes note of the report of the Secretary-General on trafficking in persons;",
    "Requests the Secretary-General to submit to the General Assembly at its sixty-fourth session a report "
    "on the implementation of the present resolution;",
    "Requests the Secretary-General to submit to the General Assembly at its sixty-fourth session a report "
    "on the work of the Conference of the Parties to the Convention;",
    "Requests the Secretary-General to submit to the General Assembly at its sixty-fourth session a report "
    "on the Global Plan of Action;",
]


def _resolution(ops: list[str]):
    from support.negotiation import real_paragraphs
    pps = [t for k, t, items in real_paragraphs("en") if k == "PP" and not items][:6]
    return make_doc([("PP", t) for t in pps] + [("OP", t) for t in ops])


def test_one_liner_of_another_object_is_a_replacement():
    """Next year's draft drops the report on the Conference of the Parties and asks for one on
    the Office on Drugs and Crime, in its place: two fillings of one template ("Requests the
    Secretary-General to submit … a report on …") share only the template, which a third
    one-liner holds too; that is a deletion plus an insertion, while the one-liners whose session
    moved on stay matches (``slot_*``; off with ``slot_rivals=0``)."""
    old = _resolution(ONE_LINERS)
    new_ops = [t.replace("sixty-fourth", "sixty-sixth") for t in ONE_LINERS]
    new_ops[2] = new_ops[2].replace("the work of the Conference of the Parties to the Convention",
                                    "the activities of the United Nations Office on Drugs and Crime")
    new = _resolution(new_ops)
    got = groups_map(align(old, new, NOFRAG))
    assert (("OP3",), ()) in got and ((), ("OP3",)) in got
    assert {(("OP2",), ("OP2",)), (("OP4",), ("OP4",)), (("OP1",), ("OP1",))} <= got
    assert (("OP3",), ("OP3",)) in groups_map(align(old, new, NOFRAG, AlignParams(slot_rivals=0)))
    # the same report asked for at a later session, with a clause added: the two share their
    # object, not only the template, so it is a revision though a sibling of the template is there
    new_ops = list(ONE_LINERS)
    new_ops[2] = new_ops[2].replace("sixty-fourth", "sixty-fifth").replace(
        "to the Convention;", "to the Convention, including on the measures taken to implement its recommendations;")
    assert (("OP3",), ("OP3",)) in groups_map(align(old, _resolution(new_ops), NOFRAG))


def _class_hits(cls: str, n: int, params: AlignParams) -> tuple[int, int]:
    found = total = 0
    for _, old, new, truth in generate_class_pairs(n, 2024, [cls]):
        groups = align(old, new, NOFRAG, params)
        assert_partition(old, new, groups)
        f, t = synthetic.class_recall(truth, [(g.old, g.new) for g in groups], cls)
        found += f
        total += t
    return found, total


def test_elaborated_split_part_joins_its_split():
    """A split half that later rounds elaborated ("…, including through the exchange of
    information, capacity-building …") holds little of ITS weight in the old paragraph, but a
    stretch of the old paragraph that the other half lacks, and the two halves then hold nearly
    all of it: a split (``join_elaborated_*``; off with ``join_elaborated_cover=0``)."""
    on = _class_hits("elaborated_split", 40, AlignParams())
    off = _class_hits("elaborated_split", 40, AlignParams(join_elaborated_cover=0.0))
    assert on[0] > off[0] and on[0] / on[1] >= 0.9


def test_merge_part_is_taken_back_from_a_weaker_partner():
    """A merge part the assignment gave to a look-alike insertion (the whole went to the other
    part) is more like the merged paragraph than like that partner: it joins the merge on the
    usual evidence (``join_steal_weaker_*``; with the strict steal rule fewer merges are found)."""
    strict = AlignParams(join_steal_weaker_containment=AlignParams().join_steal_containment,
                         join_steal_weaker_margin=AlignParams().join_steal_margin)
    for cls in ("condensed_merge", "merge_edited"):
        on = _class_hits(cls, 60, AlignParams())
        off = _class_hits(cls, 60, strict)
        assert on[0] >= off[0], cls
    assert sum(_class_hits(c, 60, AlignParams())[0] for c in ("condensed_merge", "merge_edited")) > \
        sum(_class_hits(c, 60, strict)[0] for c in ("condensed_merge", "merge_edited"))


def test_part_the_whole_gained_joins_its_merge():
    """A paragraph edited by two delegations (a verb, a clause, 35–55 % of its words) and then merged
    into a long OP keeps under half of its weight in the merged paragraph, and the other part
    explains most of it; but the words it shares with the merged paragraph are new there, no other
    paragraph holds much more of it or gained as much of it: a merge, not a deletion
    (``join_gained_*``; off with ``join_gained_own=0``).  A split part moved away and edited is the
    same evidence the other way."""
    off = AlignParams(join_gained_own=0.0)
    for cls in ("merge_source_edited", "split_part_moved"):
        on_hits, off_hits = _class_hits(cls, 40, AlignParams()), _class_hits(cls, 40, off)
        assert on_hits[0] >= off_hits[0], cls
    on, gone = _class_hits("merge_source_edited", 40, AlignParams()), _class_hits("merge_source_edited", 40, off)
    assert on[0] > gone[0] and on[0] / on[1] >= 0.93
