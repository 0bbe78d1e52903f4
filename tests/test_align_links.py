"""One-to-one links (issue #13): short look-alikes and paragraphs moved and edited keep their true
partners, on real sample text (the 2008 French draft, A/RES/61/180, 63/194, 70/179 and 74/176)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from compare.align import align  # noqa: E402
from compare.similarity import _Features, similarity_matrix, text_similarity  # noqa: E402
from tests.test_align import NOFRAG, OP_EN, PP_EN, _french_draft, assert_partition, groups_map, make_doc  # noqa: E402

# A/RES/70/179's paragraph on the 2014 Protocol and A/RES/74/176's, which added the 1999 Convention
# in front of it (as operative paragraphs here)
PROTOCOL = ("Takes note of the adoption of the Protocol of 2014 to the Forced Labour Convention, 1930 (No. 29), of "
            "the International Labour Organization, which recognizes that trafficking in persons for the purposes "
            "of forced or compulsory labour is the subject of growing international concern;")
BOTH = ("Takes note of the adoption of the Worst Forms of Child Labour Convention, 1999 (No. 182), of the "
        "International Labour Organization, which requires its members that ratify the Convention to take immediate "
        "and effective measures to secure the prohibition and elimination of the worst forms of child labour as a "
        "matter of urgency, and of the Protocol of 2014 to the Forced Labour Convention, 1930 (No. 29), of the "
        "International Labour Organization, which recognizes that trafficking in persons for the purposes of forced "
        "or compulsory labour is the subject of growing international concern;")


def _draft_with(ops_old: dict[int, str], ops_new: dict[int, list[str]]):
    """The French draft with one-liners put before its OPs at the given positions: (old, new)."""
    base = _french_draft()
    pre = [("PP", p.text) for p in base.preamble]
    ops = [p.text for p in base.operative]

    def build(extra: dict) -> list:
        out = []
        for k, text in enumerate(ops + [None]):
            add = extra.get(k, [])
            out += [("OP", t) for t in ([add] if isinstance(add, str) else add)]
            if text is not None:
                out.append(("OP", text))
        return out
    return make_doc(pre + build(ops_old), lang="fr"), make_doc(pre + build(ops_new), lang="fr")


def test_short_paragraph_moved_and_extended_keeps_its_revision_over_a_lookalike_in_its_place():
    """« Prend note avec satisfaction du rapport de la Rapporteuse spéciale sur la traite des êtres
    humains » moved up with a clause added; in its place a new one-liner of the same frame on
    another mandate (PP6's « formes contemporaines d'esclavage »).  The look-alike is the more
    similar (the revision pays for its length), but every word the two share is in the revision,
    which has the rest of the paragraph too: the old paragraph is linked to its revision, the
    look-alike is new."""
    x = "Prend note avec satisfaction du rapport de la Rapporteuse spéciale sur la traite des êtres humains ;"
    rev = ("Prend note avec satisfaction du rapport de la Rapporteuse spéciale sur la traite des êtres humains, "
           "en particulier les femmes et les enfants, et des recommandations qui y figurent ;")
    look = ("Prend note avec satisfaction du rapport de la Rapporteuse spéciale sur les formes contemporaines "
            "d'esclavage ;")
    old, new = _draft_with({9: x}, {3: rev, 9: look})
    ix = next(p.id for p in old.paragraphs if p.text == x)
    irev = next(p.id for p in new.paragraphs if p.text == rev)
    ilook = next(p.id for p in new.paragraphs if p.text == look)
    feat = _Features([p.text for p in old.paragraphs], [p.text for p in new.paragraphs])
    S = similarity_matrix(feat)
    i = [p.id for p in old.paragraphs].index(ix)
    names = [p.id for p in new.paragraphs]
    assert S[i, names.index(ilook)] > S[i, names.index(irev)]       # the trap: the look-alike scores higher
    groups = align(old, new, NOFRAG)
    assert_partition(old, new, groups)
    got = groups_map(groups)
    assert ((ix,), (irev,)) in got and ((), (ilook,)) in got


def test_a_split_part_with_nothing_of_its_own_is_not_traded_for_a_paragraph_holding_the_whole():
    """A/RES/70/179's paragraph on the 2014 Protocol made a chapeau with two items, and A/RES/74/176's
    paragraph (the 1999 Convention and the same Protocol, every word of the old paragraph) inserted
    further down: the item that carries the old clause has no words of its own, it is a part of the
    split, not a look-alike to trade for the longer paragraph; the split stays one group."""
    pre = [("PP", t) for t in PP_EN]
    old = make_doc(pre + [("OP", OP_EN[0]), ("OP", PROTOCOL)] + [("OP", t) for t in OP_EN[1:]])
    k = len(pre) + 1
    new = make_doc(pre + [("OP", OP_EN[0]), ("OP", "Takes note of the adoption of the Protocol of 2014 to:"),
                          ("OP", "the Forced Labour Convention, 1930 (No. 29), of the International Labour "
                                 "Organization, paying particular attention to the needs of women and children who "
                                 "are victims of trafficking;", k),
                          ("OP", "which recognizes that trafficking in persons for the purposes of forced or "
                                 "compulsory labour is the subject of growing international concern.", k)]
                   + [("OP", t) for t in OP_EN[1:4]] + [("OP", BOTH)] + [("OP", t) for t in OP_EN[4:]])
    assert text_similarity([PROTOCOL], [BOTH])[0, 0] > 0.5
    groups = align(old, new, NOFRAG)
    assert_partition(old, new, groups)
    got = groups_map(groups)
    assert (("OP2",), ("OP2", "OP2(a)", "OP2(b)")) in got and ((), ("OP6",)) in got


def test_another_procedural_act_in_a_one_liners_place_is_a_replacement_not_an_edit():
    """A request for a report dropped ("Requests the Secretary-General to submit to the Commission on
    Crime Prevention and Criminal Justice … a report …") and, in its place, a decision to put an item on
    the agenda ("Decides to include in the provisional agenda … the item entitled "Crime prevention and
    criminal justice""): other leading words over another object, sharing only the topic's words — a
    deletion and an insertion, even though nothing else in the text resembles either.  The held-out
    generator's case (consultations one_liners, seed 2024, case 23), made alone."""
    import random

    from tests.support import consultations

    pool = consultations.sources()
    old, new, truth = consultations.make_class_case("one_liners", random.Random("consultations:2024:one_liners:23"),
                                                    pool[23 % len(pool)])
    req = next(p for p in old.paragraphs if p.text.startswith("Requests the Secretary-General to submit to the Commission"))
    item = next(p for p in new.paragraphs if p.text.startswith("Decides to include in the provisional agenda"))
    assert ((req.id,), ()) in {(tuple(t.old), tuple(t.new)) for t in truth}
    groups = align(old, new, NOFRAG)
    assert_partition(old, new, groups)
    got = groups_map(groups)
    assert ((req.id,), ()) in got and ((), (item.id,)) in got
    assert got == {(tuple(t.old), tuple(t.new)) for t in truth}
