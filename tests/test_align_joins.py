"""Alignment of splits, merges and chapeau ↔ list restructuring (issue #13): each rule of
``compare.align._joins`` on a revision built from the real French draft (samples/), with the
invariant that every paragraph is in exactly one group."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from compare.align import align  # noqa: E402
from tests.test_align import NOFRAG, assert_partition, groups_map, make_doc  # noqa: E402


def _draft() -> list[tuple]:
    """The French revised draft (samples/draft-rev1-2008-11-10.fr.md) as make_doc items."""
    from tests.support import synthetic
    base = synthetic.base_document()
    return [("PP", p.text) for p in base.preamble] + [("OP", p.text) for p in base.operative]


def _aligned(old_items, new_items):
    old, new = make_doc(old_items, lang="fr"), make_doc(new_items, lang="fr")
    groups = align(old, new, NOFRAG)
    assert_partition(old, new, groups)
    return groups_map(groups)


OP1_CHAPEAU = "Exhorte les États Membres qui ne l'ont pas encore fait :"
OP1_ITEMS = ["À envisager de prendre des mesures pour ratifier la Convention des Nations Unies contre la criminalité "
             "transnationale organisée et son Protocole additionnel visant à prévenir, réprimer et punir la traite "
             "des personnes, en particulier des femmes et des enfants, ou pour y adhérer ;",
             "À appliquer pleinement ces instruments sous tous leurs aspects ;"]


def test_chapeau_split_off_an_op_goes_with_its_list_not_with_a_lookalike():
    """OP1 of the draft made « Exhorte les États Membres qui ne l'ont pas encore fait : » over
    (a)–(b) while OP2 (« Exhorte également les États Membres qui ne l'ont pas encore fait à … »,
    which opens with the same words) was dropped: the chapeau is part of OP1's split — the list
    it heads came whole from OP1 — and OP2 is deleted, not rewritten into the chapeau.  The
    reverse (the list folded back into OP1, OP2 restored) is one merge and an insertion."""
    items = _draft()
    k = next(i for i, it in enumerate(items) if it[0] == "OP")
    old = items
    new = items[:k] + [("OP", OP1_CHAPEAU)] + [("OP", t, k) for t in OP1_ITEMS] + items[k + 2:]
    got = _aligned(old, new)
    assert (("OP1",), ("OP1", "OP1(a)", "OP1(b)")) in got
    assert (("OP2",), ()) in got
    back = _aligned(new, old)
    assert (("OP1", "OP1(a)", "OP1(b)"), ("OP1",)) in back
    assert ((), ("OP2",)) in back


def test_chapeau_folded_with_its_list_not_into_the_neighbour_that_took_its_verb():
    """A list « Encourage toutes les parties prenantes, y compris le secteur privé : » over (a)–(b)
    (phrases of the draft's OP4) folded into one OP, while OP6 before it (its first clause) went from « Engage » to
    the chapeau's « Encourage toutes les parties prenantes, y compris le secteur privé, à … »:
    both new OPs hold all of the chapeau's words, and the chapeau goes with the list it heads
    (one merge), not with OP6, which merely changed its verb."""
    items = _draft()
    k = next(i for i, it in enumerate(items) if it[1].startswith("Encourage toutes les parties prenantes"))
    op6 = items[k][1].split(", notamment")[0] + " ;"     # its first clause: a short OP
    chapeau = "Encourage toutes les parties prenantes, y compris le secteur privé"
    a, b = "persévérer dans cette voie", "partager leurs connaissances et leurs meilleures pratiques aussi largement que possible"
    listed = [("OP", chapeau + " :"), ("OP", f"À {a} ;", k + 1), ("OP", f"À {b} ;", k + 1)]
    old = items[:k] + [("OP", "Engage" + op6[len("Encourage"):])] + listed + items[k + 1:]
    new = items[:k] + [("OP", op6), ("OP", f"{chapeau}, à {a} et à {b} ;")] + items[k + 1:]
    got = _aligned(old, new)
    assert (("OP7", "OP7(a)", "OP7(b)"), ("OP7",)) in got
    assert (("OP6",), ("OP6",)) in got
