"""Alignment of splits, merges and chapeau ↔ list restructuring (issue #13): each rule of
``compare.align.joins._joins`` on a revision built from the real French draft (samples/), with the
invariant that every paragraph is in exactly one group."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from compare.align import align  # noqa: E402
from tests.test_align import NOFRAG, SAMPLES, assert_partition, groups_map, make_doc  # noqa: E402


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


WELCOMING_ALSO = ("Welcoming also the efforts of Member States and intergovernmental and nongovernmental organizations "
                  "in preventing and combating trafficking in persons and other contemporary forms of slavery and "
                  "enhancing the protection of and assistance to victims of trafficking in persons and other "
                  "contemporary forms of slavery,")     # A/RES/61/180 (samples/A-RES-61-180.en.md)


def test_closing_clause_split_off_and_elaborated_is_the_rest_of_its_paragraph():
    """The closing clause of a PP of 61/180 made a paragraph of its own and elaborated: the first
    half keeps "… trafficking in persons and other contemporary forms of slavery", which the
    second repeats, so by word sets the new paragraph brings little; but it holds, in order,
    nearly all the words the first half left out — it is the rest of the PP (one split).  A new
    paragraph that shares only the theme's words with it stays inserted."""
    from tests.test_align import OP_EN, PP_EN
    first = WELCOMING_ALSO.split(" and assistance to")[0] + ","
    rest = ("Welcoming further the assistance to victims of trafficking in persons and other contemporary forms "
            "of slavery, in close coordination with the relevant entities of the United Nations system and with "
            "civil society,")
    other = "Welcoming the efforts of civil society to raise awareness of trafficking in persons,"
    pps = [("PP", t) for t in PP_EN[:6]]
    ops = [("OP", t) for t in OP_EN]
    old = make_doc(pps + [("PP", WELCOMING_ALSO)] + [("PP", PP_EN[6])] + ops)
    new = make_doc(pps + [("PP", first), ("PP", rest), ("PP", other), ("PP", PP_EN[6])] + ops)
    groups = align(old, new, NOFRAG)
    assert_partition(old, new, groups)
    got = groups_map(groups)
    assert (("PP7",), ("PP7", "PP8")) in got
    assert ((), ("PP9",)) in got


def test_merge_source_whose_words_are_the_half_the_matched_source_lacks():
    """OP1 and OP2 of the draft merged into one OP (« …, et exhorte en outre les États Membres … »),
    each losing a phrase on the way: the new OP may be matched to either source first, and the
    other holds, in order, nearly all the words that one lacks — both are sources of the merge,
    neither is deleted."""
    items = _draft()
    k = next(i for i, it in enumerate(items) if it[0] == "OP")
    op1, op2 = items[k][1], items[k + 1][1]
    head = "Exhorte également les États Membres"
    assert op2.startswith(head)
    merged = (op1.replace("réprimer et punir la traite des personnes, ", "").rstrip(";")
              + ", et exhorte en outre les États Membres" + op2[len(head):].replace(", ou pour y adhérer", ""))
    got = _aligned(items, items[:k] + [("OP", merged)] + items[k + 2:])
    assert (("OP1", "OP2"), ("OP1",)) in got


def test_paragraph_with_reordered_clauses_leaves_no_rest_for_a_lookalike():
    """OP7 of the draft with its two clauses swapped (« Demande à l'Office … » first), and a new
    OP that welcomes the Vienna Forum again: the reordered OP7 still holds all of OP7's words (in
    runs, in another order), so nothing is left for the new OP to be the rest of — it is an
    insertion, and OP7 one match."""
    items = _draft()
    k = next(i for i, it in enumerate(items) if it[1].startswith("Note avec satisfaction le Forum de Vienne"))
    op7 = items[k][1]
    forum, request = op7.rstrip(";").split(", et demande à ", 1)
    reordered = ("Demande à " + request + ", et note avec satisfaction"
                 + forum[len("Note avec satisfaction"):] + ";")
    again = "Salue également" + forum[len("Note avec satisfaction"):] + ";"
    got = _aligned(items, items[:k] + [("OP", reordered), ("OP", again)] + items[k + 1:])
    n = sum(1 for it in items[:k + 1] if it[0] == "OP")
    assert ((f"OP{n}",), (f"OP{n}",)) in got
    assert ((), (f"OP{n + 1}",)) in got


def test_merge_source_nearly_all_in_an_amended_whole_joins_the_merge():
    """« Recalls further the United Nations Convention … » and « Recalls its resolution 55/25 …, by
    which it adopted the United Nations Convention … » merged into one OP over rounds that also
    amended it (a clause inserted, the resolution number updated; tests/support/rounds.py on the
    sample texts): the OP is matched to the first source, and the second holds nearly all its
    words, in runs, where the first does not — a merge, although the amendments and the
    Convention's name, which both sources repeat, leave much of the merged OP to neither."""
    from tests.support import rounds

    _, old, new, truth = rounds.generate_class_pairs(32, 2024, ["merge_edited"])[31]
    assert (("OP2", "OP4"), ("OP2",)) in {(t.old, t.new) for t in truth}
    assert old.by_id("OP4").text.startswith("Recalls its resolution 55/25")
    groups = align(old, new, NOFRAG)
    assert_partition(old, new, groups)
    assert (("OP2", "OP4"), ("OP2",)) in groups_map(groups)


def _load(text: str, name: str):
    from compare import api
    return api.load_text(text, name=name)


def _id_of(doc, start: str) -> str:
    return next(p.id for p in doc.paragraphs if p.text.startswith(start))


def test_list_promoted_to_ops_keeps_its_chapeau_with_the_first_item():
    """A list « Exhorte les gouvernements : » over (a)–(c) promoted to three OPs that take its verb: the
    first, in the chapeau's place, also changed the addressee (« Exhorte les États à … »); the second
    (« Exhorte également les gouvernements à … ») went up the text and the third (« Exhorte en outre
    … ») to its end.  The chapeau goes with its first item into the first OP (one merge: that OP carries
    it on), not with the second, which holds all of its words but continues it ("also"); the other
    items are each their own OP."""
    draft = (SAMPLES / "draft-rev1-2008-11-10.fr.md").read_text(encoding="utf-8").rstrip("\n")
    n_op = sum(p.kind == "OP" and p.level == 0 for p in _load(draft, "d.md").paragraphs)
    a = "mener des campagnes de sensibilisation visant les victimes potentielles dans les pays d'origine"
    b = "travailler avec les employeurs et les syndicats pour éliminer le travail forcé des chaînes d'approvisionnement"
    c = "former les agents des services de police et de contrôle aux frontières à reconnaître les signes de la traite"
    old = _load(f"{draft}\n\n{n_op + 1}. *Exhorte* les gouvernements :\n\n(a) À {a} ;\n\n(b) À {b} ;\n\n(c) À {c} ;\n",
                "old.md")
    new_text = draft.replace("\n\n4. *Salue*", f"\n\n4. *Exhorte également* les gouvernements à {b} ;\n\n5. *Salue*", 1)
    new = _load(f"{new_text}\n\n{n_op + 2}. *Exhorte* les États à {a} ;\n\n{n_op + 3}. *Exhorte en outre* les "
                f"gouvernements à {c} ;\n", "new.md")
    chapeau = f"OP{n_op + 1}"
    assert [p.id for p in old.paragraphs if p.parent == chapeau] == [f"{chapeau}(a)", f"{chapeau}(b)", f"{chapeau}(c)"]
    groups = align(old, new, NOFRAG)
    assert_partition(old, new, groups)
    got = groups_map(groups)
    assert ((chapeau, f"{chapeau}(a)"), (_id_of(new, "Exhorte les États à mener"),)) in got
    assert ((f"{chapeau}(b)",), (_id_of(new, "Exhorte également les gouvernements à travailler"),)) in got
    assert ((f"{chapeau}(c)",), (_id_of(new, "Exhorte en outre"),)) in got


def test_a_new_paragraph_that_only_gives_back_a_lost_verb_is_no_split_part():
    """A revision drawn by tests/support/delegations.py (bis/ter class): "Notes with appreciation the
    contributions made to the United Nations Voluntary Trust Fund … and invites further contributions"
    became "Welcomes the contributions made to …, taking into account the needs of children", and a
    new "Also notes with appreciation the report of the Secretary-General submitted to the General
    Assembly at its sixty-fourth session" came in higher up.  The new one shares with the old OP only
    the verb it lost: a new paragraph, not the rest of a split (explaining a whole's words means more
    than giving back its leading words)."""
    import random

    from tests.support import consultations, delegations

    pool = consultations.sources()
    old, new, _ = delegations.make_class_case("bis_ter", random.Random("delegations:2024:bis_ter:45"),
                                              pool[45 % len(pool)])
    fund = next(p.id for p in old.paragraphs if p.text.startswith("Notes with appreciation the contributions"))
    welcomes = next(p.id for p in new.paragraphs if p.text.startswith("Welcomes the contributions made"))
    report = next(p.id for p in new.paragraphs if p.text.startswith("Also notes with appreciation the report"))
    groups = align(old, new, NOFRAG)
    assert_partition(old, new, groups)
    got = groups_map(groups)
    assert ((fund,), (welcomes,)) in got and ((), (report,)) in got


def test_a_chapeau_with_a_typo_stays_with_its_list():
    """A revision drawn by tests/support/delegations.py (typos class): "Calls upon Member States:" over
    (a)–(d) became "Calls upon Memebr States:" over the same items, while "Encourages Member States to
    develop national action plans …" took the verb "Calls upon Member States to …".  The chapeau is still
    the one whose list went to the typo'd chapeau's list; the OP that now holds its words more fully does
    not take it."""
    import random

    from tests.support import consultations, delegations

    pool = consultations.sources()
    old, new, _ = delegations.make_class_case("typos", random.Random("delegations:2024:typos:25"),
                                              pool[25 % len(pool)])
    assert old.by_id("OP3").text == "Calls upon Member States:" and new.by_id("OP3").text == "Calls upon Memebr States:"
    groups = align(old, new, NOFRAG)
    assert_partition(old, new, groups)
    got = groups_map(groups)
    assert (("OP3",), ("OP3",)) in got
    plans = next(p.id for p in old.paragraphs if p.text.startswith("Encourages Member States to develop national"))
    assert any(o == (plans,) for o, _ in got)


def test_two_look_alike_chapeaux_each_go_with_their_own_list():
    """OP1 of the French draft as « Exhorte les États Membres qui ne l'ont pas encore fait : » over (a)–(b)
    folded back into one OP, while OP2 unfolded into « Exhorte également les États Membres qui ne l'ont
    pas encore fait à : » over three items.  The two chapeaux are near twins, but each goes with its own
    list: OP1's into the folded OP1, the new one with OP2's items — not the old chapeau paired with the
    new one and both lists left without theirs."""
    items = _draft()
    k = next(i for i, it in enumerate(items) if it[0] == "OP")
    op2 = items[k + 1][1]
    head = "Exhorte également les États Membres qui ne l'ont pas encore fait à :"
    rest = op2[len("Exhorte également les États Membres qui ne l'ont pas encore fait à "):]
    parts = [rest.split(", la Convention sur")[0] + " ;",
             "la Convention sur" + rest.split(", la Convention sur")[1].split(", de la traite des esclaves")[0] + " ;",
             "de la traite des esclaves" + rest.split(", de la traite des esclaves")[1]]
    old = items[:k] + [("OP", OP1_CHAPEAU)] + [("OP", t, k) for t in OP1_ITEMS] + items[k + 1:]
    new = items[:k + 1] + [("OP", head)] + [("OP", t, k + 1) for t in parts] + items[k + 2:]
    got = _aligned(old, new)
    assert (("OP1", "OP1(a)", "OP1(b)"), ("OP1",)) in got
    assert (("OP2",), ("OP2", "OP2(a)", "OP2(b)", "OP2(c)")) in got


@pytest.mark.parametrize("case", [29, 43])
def test_a_new_chapeau_over_gathered_ops_is_new(case):
    """Revisions drawn by tests/support/facilitator.py (ops_into_list): two French OPs that were apart
    became (a) and (b) under a new chapeau whose verb is neither of theirs.  In case 29 « Engage les
    gouvernements : » repeats the opening of another OP (« Engage les gouvernements à mener … », whose
    verb became « Exhorte »); in case 43 « Encourage tous les États : » shares its addressee with the
    OP that became (b).  Each item stays with its OP and the chapeau is new: it is no split part of the
    OP whose opening it repeats, nor of the OP of its second item."""
    import random

    from tests.support import consultations, facilitator

    pool = consultations.sources()
    old, new, truth = facilitator.make_class_case("ops_into_list", random.Random(f"facilitator:2024:ops_into_list:{case}"),
                                                  pool[case % len(pool)])
    chapeau = next(p for p in new.paragraphs if p.level == 0 and p.text.rstrip().endswith(":")
                   and any(t.new == (p.id,) and not t.old for t in truth))
    groups = align(old, new, NOFRAG)
    assert_partition(old, new, groups)
    got = groups_map(groups)
    assert ((), (chapeau.id,)) in got
    for t in truth:
        if t.tag == "ops_into_list" and t.old:
            assert (tuple(t.old), tuple(t.new)) in got


def test_a_phrase_grafted_from_a_deleted_alternative_is_no_merge():
    """A revision drawn by tests/support/delegations.py (bracketed): the alternative « Insta a los
    Estados a adoptar medidas para identificar a las víctimas … en estrecha cooperación con el sector
    privado » was settled away, and OP11 « Alienta a los Estados Miembros a elaborar planes de acción
    nacionales … » took its closing words.  The alternative is deleted and OP11 edited: it gave OP11 a
    phrase, not what it asks, so the two are no merge."""
    import random

    from tests.support import consultations, delegations

    pool = consultations.sources()
    old, new, _ = delegations.make_class_case("bracketed", random.Random("delegations:2024:bracketed:48"),
                                              pool[48 % len(pool)])
    assert new.by_id("OP11").text.endswith("en estrecha cooperación con el sector privado;")
    groups = align(old, new, NOFRAG)
    assert_partition(old, new, groups)
    got = groups_map(groups)
    assert (("OP8alt",), ()) in got and (("OP11",), ("OP11",)) in got


@pytest.mark.parametrize("case", [1, 10])
def test_a_document_built_without_leading_words_aligns_as_its_parse(case):
    """Revisions drawn by tests/support/facilitator.py (list_into_ops: a list promoted to OPs, in
    English and French).  A Document built by hand, its paragraphs' ``leading`` left empty, is
    aligned as the parse (which finds them) is: the chapeau still goes with its first item, whose
    OP carries its verb on.  The caller's paragraphs are left as they were."""
    import dataclasses
    import random

    from tests.support import consultations, facilitator

    pool = consultations.sources()
    old, new, truth = facilitator.make_class_case("list_into_ops", random.Random(f"facilitator:2024:list_into_ops:{case}"),
                                                  pool[case % len(pool)])

    def bare(doc):
        return dataclasses.replace(doc, paragraphs=[dataclasses.replace(p, leading="") for p in doc.paragraphs])

    b_old, b_new = bare(old), bare(new)
    groups = align(b_old, b_new, NOFRAG)
    assert_partition(b_old, b_new, groups)
    assert groups_map(groups) == groups_map(align(old, new, NOFRAG))
    got = groups_map(groups)
    assert all((tuple(t.old), tuple(t.new)) in got for t in truth if t.tag == "list_into_ops")
    assert not any(p.leading for p in b_old.paragraphs + b_new.paragraphs)
