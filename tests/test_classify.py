"""Classification of aligned pairs: status, flags, leading words, order, invariants,
the illustrative sample revision, and lineages."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from compare import lexicon  # noqa: E402
from compare.classify import compare_documents, leading_change_kind  # noqa: E402
from compare.lineage import build_lineage  # noqa: E402
from compare.model import CompareOptions, Comparison  # noqa: E402
from tests.test_align import OP_EN, PP_EN, RECOGNIZING_PP, make_doc, random_revision  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
NOFRAG = CompareOptions(fragment=False)


def base_doc():
    return make_doc([("PP", t) for t in PP_EN] + [("OP", t) for t in OP_EN])


def pair_of(comp: Comparison, old_id=None, new_id=None):
    for p in comp.pairs:
        if (old_id is None or old_id in p.old) and (new_id is None or new_id in p.new):
            return p
    raise AssertionError(f"no pair {old_id} → {new_id}")


def rebuild(segs, side):
    drop = "insert" if side == "old" else "delete"
    return "".join(s.text for s in segs if s.op != drop)


def assert_comparison_invariants(comp: Comparison):
    old_ids = [i for p in comp.pairs for i in p.old] + comp.out_of_scope["old"]
    new_ids = [i for p in comp.pairs for i in p.new] + comp.out_of_scope["new"]
    assert sorted(old_ids) == sorted(p.id for p in comp.old.paragraphs)
    assert sorted(new_ids) == sorted(p.id for p in comp.new.paragraphs)
    assert len(set(old_ids)) == len(old_ids) and len(set(new_ids)) == len(new_ids)
    otext = {p.id: p.text for p in comp.old.paragraphs}
    ntext = {p.id: p.text for p in comp.new.paragraphs}
    for p in comp.pairs:
        assert rebuild(p.diff, "old") == "\n".join(otext[i] for i in p.old)
        assert rebuild(p.diff, "new") == "\n".join(ntext[i] for i in p.new)
        if p.status == "unchanged":
            assert all(s.op == "equal" or s.minor for s in p.diff)
            assert len(p.old) == len(p.new) == 1
        if p.status == "modified":
            assert any(s.op != "equal" and not s.minor for s in p.diff)
        if p.status in ("inserted", "deleted"):
            assert not p.moved and not p.renumbered and p.leading_change is None
        assert 0.0 <= p.changed_share <= 1.0
    # the groups not flagged as moved keep their relative order
    opos = {p.id: k for k, p in enumerate(comp.old.paragraphs)}
    npos = {p.id: k for k, p in enumerate(comp.new.paragraphs)}
    stay = sorted((npos[p.new[0]], opos[p.old[0]]) for p in comp.pairs if p.old and p.new and not p.moved)
    olds = [o for _, o in stay]
    assert olds == sorted(olds)
    # reading order of the new text
    news = [npos[p.new[0]] for p in comp.pairs if p.new]
    assert news == sorted(news)


# ----------------------------------------------------------------------------- statuses and flags

def test_unchanged_renumbered_not_moved():
    d = base_doc()
    n = make_doc([("PP", "Bearing in mind the Sustainable Development Goals adopted in 2015,")]
                 + [("PP", t) for t in PP_EN] + [("OP", t) for t in OP_EN])
    c = compare_documents(d, n, NOFRAG)
    assert_comparison_invariants(c)
    p = pair_of(c, "PP3")
    assert p.new == ["PP4"] and p.status == "unchanged" and p.renumbered and not p.moved
    assert c.pairs[0].status == "inserted" and c.pairs[0].new == ["PP1"]
    s = c.summary()
    assert s["inserted"] == 1 and s["deleted"] == 0 and s["moved"] == 0
    assert s["unchanged"] == len(d.paragraphs)


def test_typography_only_is_unchanged():
    d = make_doc([("PP", "Rappelant l'importance de la Convention ; notamment,")], lang="fr")
    n = make_doc([("PP", "Rappelant l\u2019importance de la Convention\u00a0; notamment,")], lang="fr")
    c = compare_documents(d, n, NOFRAG)
    assert c.pairs[0].status == "unchanged"
    assert c.pairs[0].changed_share == 0.0


def test_modified_and_leading_change():
    d = base_doc()
    ops = OP_EN[:]
    ops[2] = ops[2].replace("Encourages", "Urges", 1)
    n = make_doc([("PP", t) for t in PP_EN] + [("OP", t) for t in ops])
    c = compare_documents(d, n, NOFRAG)
    p = pair_of(c, "OP3")
    assert p.status == "modified" and p.leading_change == ("Encourages", "Urges")
    assert leading_change_kind(p) == "base"
    assert 0 < p.changed_share < 0.2
    assert sum(1 for q in c.pairs if q.leading_change) == 1


def test_leading_change_french_and_multiword():
    d = make_doc([("OP", "Encourage toutes les parties prenantes, y compris le secteur privé, à mieux coordonner leurs actions;"),
                  ("OP", "Prend note des discussions qui ont eu lieu dans le cadre du débat thématique;")], lang="fr")
    n = make_doc([("OP", "Exhorte toutes les parties prenantes, y compris le secteur privé, à mieux coordonner leurs actions;"),
                  ("OP", "Note avec satisfaction les discussions qui ont eu lieu dans le cadre du débat thématique;")], lang="fr")
    c = compare_documents(d, n, NOFRAG)
    assert pair_of(c, "OP1").leading_change == ("Encourage", "Exhorte")
    assert pair_of(c, "OP2").leading_change == ("Prend note", "Note avec satisfaction")


def test_a_paragraph_cut_by_an_excerpt_gap_has_no_leading_word():
    """78/228 opens mid-sentence after a gap ("exploitation, on taking …", « visent à éliminer … »):
    its first word is no leading word, so 74/176 PP4 "Recalling …" → 78/228 PP?1 is no "leading word
    changed: Recalling → exploitation", and the French beside the English shows no leading words
    for it.  A paragraph after a gap that opens with a listed one keeps it ("Welcoming", 63/194)."""
    from compare import api

    samples = Path(__file__).resolve().parent.parent / "samples"
    en78, fr78 = api.load(samples / "A-RES-78-228.en.md"), api.load(samples / "A-RES-78-228.fr.md")
    assert (en78.paragraphs[0].leading, fr78.paragraphs[0].leading) == ("", "")
    assert api.load(samples / "A-RES-63-194.en.md").paragraphs[0].leading == "Welcoming"
    cmp = api.compare(api.load(samples / "A-RES-74-176.en.md"), en78)
    assert not [p for p in cmp.pairs if p.leading_change and "exploitation" in p.leading_change]
    cross = api.compare(en78, fr78)
    first = next(p for p in cross.pairs if p.new == [fr78.paragraphs[0].id])
    assert first.leading_words == ("", "")


def _sample_variant(edit) -> tuple:
    from compare import api

    samples = Path(__file__).resolve().parent.parent / "samples"
    text = (samples / "draft-rev1-2008-11-10.fr.md").read_text(encoding="utf-8")
    return api.load_text(text, name="Rev.1"), api.load_text(edit(text), name="Rev.2")


def test_a_changed_or_added_footnote_is_a_change():
    """Footnote 1 "Résolution 55/25, annexe I." → "annexe III." changes the citation of PP3 and OP1
    although their words are the same: each is flagged "footnote changed" with the two texts, the
    counts say so, "changes only" keeps them, the JSON carries them, the versions are not "the same
    text", and the French redline's summary lists them instead of "inchangés 25" alone.  A footnote
    added to OP10 is "footnote added"."""
    from compare import api
    from compare.export.jsonout import comparison_dict
    from compare.export.labels import describe, is_change
    from compare.export.redline import redline_docx
    from tests.support import ooxml_oracle as oracle

    old, new = _sample_variant(lambda t: t.replace("annexe I.", "annexe III."))
    cmp = api.compare(old, new)
    flagged = {p.new[0]: p for p in cmp.pairs if p.footnote_changes}
    assert set(flagged) == {"PP3", "OP1"}
    assert flagged["PP3"].footnote_changes == [("Résolution 55/25, annexe I.", "Résolution 55/25, annexe III.")]
    assert all(p.status == "unchanged" and is_change(p) for p in flagged.values())
    assert cmp.summary()["footnotes_changed"] == 2
    assert "footnote changed" in describe(flagged["PP3"]) and "annexe III." in describe(flagged["PP3"])
    js = comparison_dict(cmp)
    assert [p["footnote_changes"] for p in js["pairs"] if p["new"] == ["PP3"]] == \
        [[{"old": "Résolution 55/25, annexe I.", "new": "Résolution 55/25, annexe III."}]]
    assert not [w for w in api.order_versions([old, new]).warnings if "same" in w]
    summary = [p.text for p in oracle.view(redline_docx(cmp), "accept", ("RCSummary", "RCSummaryItem"))]
    assert any(t.startswith("PP3 → PP3 : inchangé, note modifiée") for t in summary)
    assert any("note modifiée 2" in t for t in summary)

    old, new = _sample_variant(lambda t: t.replace("à New York,", "à New York<sup>9</sup>,").rstrip()
                               + "\n\n<sup>9</sup> Voir A/62/PV.103.\n")
    cmp = api.compare(old, new)
    assert [(p.new, p.footnote_changes) for p in cmp.pairs if p.footnote_changes] == [(["OP10"], [("", "Voir A/62/PV.103.")])]
    assert "footnote added “Voir A/62/PV.103.”" in describe(next(p for p in cmp.pairs if p.footnote_changes))


def test_a_footnote_moved_to_other_words_is_a_change():
    """Rev.1 OP10 "… à New York<sup>9</sup>, dont une …" → "… le 3 juin 2008<sup>9</sup> à New York, …":
    the note now annotates other words.  The pair says "footnote moved to other words" (the redline
    tracks the reference's move, so the summary must list it); a marker that only moved across a
    comma ("Crime<sup>1</sup>," → "Crime,<sup>1</sup>") did not move."""
    from compare import api
    from compare.export.labels import describe

    def noted(t: str, where: str) -> str:
        return t.replace(where, where + "<sup>9</sup>", 1).rstrip() + "\n\n<sup>9</sup> Voir A/62/PV.103.\n"

    _, old = _sample_variant(lambda t: noted(t, "à New York"))
    _, moved = _sample_variant(lambda t: noted(t, "le 3 juin 2008"))
    cmp = api.compare(old, moved)
    flagged = [p for p in cmp.pairs if p.footnote_changes]
    assert [(p.new, p.footnote_changes) for p in flagged] == [(["OP10"], [("Voir A/62/PV.103.", "Voir A/62/PV.103.")])]
    assert "footnote moved to other words “Voir A/62/PV.103.”" in describe(flagged[0])
    _, comma = _sample_variant(lambda t: noted(t, "à New York,"))
    assert not any(p.footnote_changes for p in api.compare(old, comma).pairs)


def test_a_punctuation_change_is_no_same_text():
    """A comma added in OP12 is a modification the diff shows; the order must not also say the
    two versions are "the same text"."""
    from compare import api

    old, new = _sample_variant(lambda t: t.replace("poursuivre les trafiquants et protéger",
                                                   "poursuivre les trafiquants, et protéger"))
    assert api.compare(old, new).summary()["modified"] == 1
    assert not [w for w in api.order_versions([old, new]).warnings if "same" in w]
    # a typographic variant only (’ for ') is still the same text
    old, new = _sample_variant(lambda t: t.replace("l'Office", "l’Office"))
    assert [w for w in api.order_versions([old, new]).warnings if "same" in w]


def test_a_removed_marker_or_a_typed_renumbering_is_no_same_text():
    """The Rev.1 draft with PP11's footnote marker removed, or with OP11 typed "12." (two OP12s): the
    comparison reports a footnote change, a renumbering; the order must not also say "same text".
    The second OP12 (id OP12#2) keeps its printed number: not "renumbered"."""
    from compare import api

    old, new = _sample_variant(lambda t: t.replace("Millénaire<sup>5</sup>", "Millénaire"))
    assert any(p.footnote_changes for p in api.compare(old, new).pairs)
    assert not [w for w in api.order_versions([old, new]).warnings if "same" in w]
    old, new = _sample_variant(lambda t: t.replace("\n11. *Demande*", "\n12. *Demande*"))
    cmp = api.compare(old, new)
    assert [(p.old, p.new) for p in cmp.pairs if p.renumbered] == [(["OP11"], ["OP12"])]
    assert not [w for w in api.order_versions([old, new]).warnings if "same" in w]


def test_a_relettered_sub_paragraph_of_an_excerpt_is_renumbered():
    """70/179 (an excerpt: its PP numbers are unknown) with (b) deleted: (c) and (d) become (b) and
    (c) — a renumbering the counts and the redline summary must show (the letters are known), while
    PP?4 itself stays PP?4 and is not "renumbered" (its number is unknown, not changed)."""
    from compare import api

    samples = Path(__file__).resolve().parent.parent / "samples"
    text = (samples / "A-RES-70-179.en.md").read_text(encoding="utf-8")
    lines = text.split("\n")
    b = next(k for k, l in enumerate(lines) if l.startswith("(b) "))
    kept = lines[:b] + lines[b + 1:]
    kept = [l.replace("(c) ", "(b) ", 1) if l.startswith("(c) ") else
            l.replace("(d) ", "(c) ", 1) if l.startswith("(d) ") else l for l in kept]
    cmp = api.compare(api.load_text(text, name="a"), api.load_text("\n".join(kept), name="b"))
    moves = {(p.old[0], p.new[0]): p.renumbered for p in cmp.pairs if p.old and p.new}
    assert moves[("PP?4(c)", "PP?4(b)")] and moves[("PP?4(d)", "PP?4(c)")]
    assert not moves[("PP?4", "PP?4")] and not moves[("PP?4(a)", "PP?4(a)")]
    assert cmp.summary()["renumbered"] == 2 and cmp.summary()["deleted"] == 1


def test_words_past_an_excerpts_cut_are_not_added():
    """61/180 OP1 is cut in our copy at "… the threat of trafficking i"; in 63/194 it is the PP
    "Recognizing that … trafficking in persons and other contemporary forms of slavery,".  The words
    after the cut are unknown in the old copy, not added by 63/194: that trailing change is minor
    (the diff still rebuilds both texts), the pair says "cut in this copy", and what remains is the
    real change of leading word.  A real change before the cut stays a change."""
    from compare import api
    from compare.classify import _beyond_the_cut
    from compare.export.labels import describe
    from compare.model import Segment

    samples = Path(__file__).resolve().parent.parent / "samples"
    old, new = api.load(samples / "A-RES-61-180.en.md"), api.load(samples / "A-RES-63-194.en.md")
    assert old.cut_at_end == {"PP5", "OP1"}        # SOURCES.md: "PP1–PP4, PP5 cut; gap; …; OP1 cut; gap"
    cmp = api.compare(old, new)
    op1 = next(p for p in cmp.pairs if p.old == ["OP1"])
    tail = [s for s in op1.diff if s.op != "equal"][-2:]
    assert [(s.op, s.text, s.minor) for s in tail] == [
        ("delete", "i", True), ("insert", "in persons and other contemporary forms of slavery,", True)]
    assert op1.cut and "cut in this copy" in describe(op1)
    assert "".join(s.text for s in op1.diff if s.op != "insert") == old.by_id("OP1").text
    assert "".join(s.text for s in op1.diff if s.op != "delete") == "\n".join(new.by_id(i).text for i in op1.new)
    # a change that is not the cut's tail stays substantive
    segs = [Segment("equal", "the threat of "), Segment("delete", "trafficking i"), Segment("insert", "smuggling")]
    assert _beyond_the_cut(segs, True, False) == (segs, False)


def test_added_also_is_a_modifier_change():
    d = make_doc([("PP", "Rappelant la résolution 2008/33 du Conseil économique et social,")], lang="fr")
    n = make_doc([("PP", "Rappelant également la résolution 2008/33 du Conseil économique et social,")], lang="fr")
    p = compare_documents(d, n, NOFRAG).pairs[0]
    assert p.leading_change == ("Rappelant", "Rappelant également")
    assert leading_change_kind(p) == "modifier"
    d = make_doc([("OP", OP_EN[3])])
    n = make_doc([("OP", OP_EN[3].replace("Requests", "Further requests", 1))])
    p = compare_documents(d, n, NOFRAG).pairs[0]
    assert p.leading_change == ("Requests", "Further requests") and leading_change_kind(p) == "modifier"


def test_moved_flag_uses_lis():
    d = base_doc()
    ops = OP_EN[:]
    ops.insert(5, ops.pop(0))                 # OP1 goes last
    n = make_doc([("PP", "Bearing in mind the Sustainable Development Goals adopted in 2015,")]
                 + [("PP", t) for t in PP_EN] + [("OP", t) for t in ops])
    c = compare_documents(d, n, NOFRAG)
    assert_comparison_invariants(c)
    moved = [p for p in c.pairs if p.moved]
    assert [(p.old, p.new) for p in moved] == [(["OP1"], ["OP6"])]
    assert moved[0].status == "unchanged"


def test_split_merge_status():
    d = base_doc()
    t = OP_EN[4]
    first, second = t.split(", and to condemn")
    merged = PP_EN[3][:-1] + ", and " + PP_EN[4][0].lower() + PP_EN[4][1:]
    n = make_doc([("PP", x) for x in PP_EN[:3] + [merged] + PP_EN[5:]]
                 + [("OP", x) for x in OP_EN[:4] + [first + ";", "Also calls upon Governments to condemn" + second] + OP_EN[5:]])
    c = compare_documents(d, n, NOFRAG)
    assert_comparison_invariants(c)
    sp = pair_of(c, "OP5")
    assert sp.status == "split" and sp.new == ["OP5", "OP6"]
    mg = pair_of(c, "PP4")
    assert mg.status == "merged" and mg.old == ["PP4", "PP5"]
    # the diff of a group runs over the texts joined with a paragraph mark
    assert "\n" in rebuild(sp.diff, "new")


def test_cross_kind_flag():
    d = base_doc()
    n = make_doc([("PP", t) for t in PP_EN] + [("PP", RECOGNIZING_PP)] + [("OP", t) for t in OP_EN[1:]])
    c = compare_documents(d, n, NOFRAG)
    p = pair_of(c, "OP1")
    assert p.new == ["PP9"] and p.cross_kind and p.renumbered and p.status == "modified"
    assert p.leading_change == ("Recognizes", "Recognizing")
    assert not pair_of(c, "OP2").moved


def test_deleted_placed_where_it_stood():
    d = base_doc()
    n = make_doc([("PP", t) for t in PP_EN[:3] + PP_EN[4:]] + [("OP", t) for t in OP_EN])
    c = compare_documents(d, n, NOFRAG)
    ids = [(p.old, p.new) for p in c.pairs]
    k = ids.index((["PP4"], []))
    assert ids[k - 1] == (["PP3"], ["PP3"]) and ids[k + 1] == (["PP5"], ["PP4"])


def test_fragment_out_of_scope_accounted():
    d = base_doc()
    frag = make_doc([("OP", OP_EN[2].replace("Encourages", "Calls upon", 1))])
    c = compare_documents(d, frag)
    assert c.fragment
    assert_comparison_invariants(c)
    assert [(p.old, p.new, p.status) for p in c.pairs] == [(["OP3"], ["OP1"], "modified")]
    assert len(c.out_of_scope["old"]) == len(d.paragraphs) - 1 and c.out_of_scope["new"] == []
    assert c.summary()["deleted"] == 0


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10**9), st.sampled_from([None, True, False]))
def test_comparison_invariants_random(seed, fragment):
    old, new = random_revision(seed)
    c = compare_documents(old, new, CompareOptions(fragment=fragment))
    assert_comparison_invariants(c)


# ----------------------------------------------------------------------------- the illustrative sample

def test_illustrative_revision_matches_expected():
    sample = REPO / "samples" / "draft-rev2-illustrative.fr.md"
    expected = REPO / "samples" / "draft-rev2-illustrative.expected.json"
    original = REPO / "samples" / "draft-rev1-2008-11-10.fr.md"
    from compare import api
    c = compare_documents(api.load(str(original)), api.load(str(sample)))
    assert_comparison_invariants(c)
    want = json.loads(expected.read_text(encoding="utf-8"))["pairs"]
    got = []
    for p in c.pairs:
        d = {"old": p.old, "new": p.new, "status": p.status, "moved": p.moved, "renumbered": p.renumbered,
             "leading_change": list(p.leading_change) if p.leading_change else None, "cross_kind": p.cross_kind}
        got.append(d)
    keys = set().union(*(w.keys() for w in want)) & set(got[0]) if got else set()
    norm = lambda rows: [{k: (list(r.get(k)) if isinstance(r.get(k), (list, tuple)) else r.get(k))  # noqa: E731
                          for k in sorted(keys)} for r in rows]
    assert norm(got) == norm(want)


# ----------------------------------------------------------------------------- lineage

def test_lineage_three_versions():
    v1 = base_doc()
    ops2 = OP_EN[:]
    ops2[2] = ops2[2].replace("Encourages", "Urges", 1)
    first, second = OP_EN[4].split(", and to condemn")
    ops2[4:5] = [first + ";", "Also calls upon Governments to condemn" + second]
    v2 = make_doc([("PP", t) for t in PP_EN] + [("OP", t) for t in ops2])
    v3 = make_doc([("PP", t) for t in PP_EN] + [("PP", RECOGNIZING_PP)] + [("OP", t) for t in ops2[1:]])
    lin = build_lineage([v1, v2, v3], NOFRAG)
    assert len(lin.comparisons) == 2
    rows = {tuple(r[0]): r for r in lin.rows if r[0]}
    assert rows[("OP1",)] == [["OP1"], ["OP1"], ["PP9"]]
    assert rows[("OP5",)] == [["OP5"], ["OP5", "OP6"], ["OP4", "OP5"]]
    assert rows[("OP3",)] == [["OP3"], ["OP3"], ["OP2"]]
    # every paragraph of every version in exactly one row
    for v, d in enumerate([v1, v2, v3]):
        ids = [i for r in lin.rows for i in r[v]]
        assert sorted(ids) == sorted(p.id for p in d.paragraphs)
    # rows in reading order of the latest version
    last = [i for r in lin.rows for i in r[2]]
    assert last == [p.id for p in v3.paragraphs]


def test_lineage_deleted_row_kept_in_place():
    v1 = base_doc()
    v2 = make_doc([("PP", t) for t in PP_EN[:2] + PP_EN[3:]] + [("OP", t) for t in OP_EN])
    lin = build_lineage([v1, v2], NOFRAG)
    firsts = [r[0][0] if r[0] else None for r in lin.rows]
    assert firsts[:4] == ["PP1", "PP2", "PP3", "PP4"]
    assert lin.rows[2] == [["PP3"], []]


# ----------------------------------------------------------------------------- lexicon

@pytest.mark.parametrize("text,kind,lang,want", [
    ("Calls upon Member States to", "OP", "en", "Calls upon"),
    ("Takes note of the report", "OP", "en", "Takes note of"),
    ("Prend note des discussions", "OP", "fr", "Prend note"),
    ("Note avec satisfaction le Forum", "OP", "fr", "Note avec satisfaction"),
    ("Rappelant également la résolution", "PP", "fr", "Rappelant également"),
    ("Rappelant en outre la Convention", "PP", None, "Rappelant en outre"),
    ("Deeply concerned that", "PP", "en", "Deeply concerned"),
    ("Prie à nouveau le Secrétaire général", "OP", "fr", "Prie à nouveau"),
    ("Tomando nota de la aprobación", "PP", "es", "Tomando nota"),
    ("Recalling also its resolution", "PP", None, "Recalling also"),
    ("Further requests the Secretary-General", "OP", "en", "Further requests"),
    ("настоятельно призывает государства", "OP", "ru", "настоятельно призывает"),
    ("又回顾其决议", "PP", "zh", "又回顾"),
    ("Frobnicates the thing", "OP", "en", "Frobnicates"),
])
def test_leading_word(text, kind, lang, want):
    assert lexicon.leading_word(text, kind, lang) == want


def test_leading_change_kinds():
    k = lexicon.leading_change_kind
    assert k("Encourages", "Urges") == "base"
    assert k("Takes note of", "Welcomes") == "base"
    assert k("Recalls", "Recalls also") == "modifier"
    assert k("Rappelant", "Rappelant en outre") == "modifier"
    assert k("Encourages", "encourages") is None


def test_a_long_footnote_change_shows_where_it_changed():
    """A 22-word citation whose session and symbol changed reads up to where it stops changing, then
    "…", not as two whole notes a reader must compare word by word; short notes
    ("annexe I." → "annexe III.") stay whole."""
    from compare import api
    from compare.export.labels import describe

    long_old = ("Documents officiels de l’Assemblée générale, soixante-troisième session, Supplément n° 10 "
                "(A/63/10), chap. IV, par. 12 à 15, et rapport du Secrétaire général.")
    long_new = long_old.replace("soixante-troisième", "soixante-quatrième").replace("A/63/10", "A/64/10")
    _, old = _sample_variant(lambda t: t.replace("Voir résolution 55/2.", long_old))
    _, new = _sample_variant(lambda t: t.replace("Voir résolution 55/2.", long_new))
    pair = next(p for p in api.compare(old, new).pairs if p.footnote_changes)
    line = describe(pair)
    assert ("“Documents officiels de l’Assemblée générale, soixante-troisième session, Supplément n° 10 (A/63/10), "
            "chap. IV, par. …” → “Documents officiels de l’Assemblée générale, soixante-quatrième session, "
            "Supplément n° 10 (A/64/10), chap. IV, par. …”") in line
    assert "Secrétaire général" not in line
    assert pair.footnote_changes == [(long_old, long_new)]        # the data keeps both notes whole


@pytest.mark.parametrize("old, new, lang, want", [
    ("Prie le Secrétaire général de présenter un rapport.", "Prie instamment le Secrétaire général de présenter un rapport.",
     "fr", ("Prie", "Prie instamment")),
    ("Invite les États à ratifier la Convention.", "Engage instamment les États à ratifier la Convention.",
     "fr", ("Invite", "Engage instamment")),
    ("Prend note du rapport du Secrétaire général.", "Prend note avec satisfaction du rapport du Secrétaire général.",
     "fr", ("Prend note", "Prend note avec satisfaction")),
    ("Welcomes the report of the Special Rapporteur.", "Welcomes with appreciation the report of the Special Rapporteur.",
     "en", ("Welcomes", "Welcomes with appreciation")),
    ("Takes note of the report of the Special Rapporteur.", "Notes with deep concern the report of the Special Rapporteur.",
     "en", ("Takes note of", "Notes with deep concern")),
    ("Insta a los Estados a ratificar la Convención.", "Insta encarecidamente a los Estados a ratificar la Convención.",
     "es", ("Insta", "Insta encarecidamente")),
    ("Exhorte les États Membres à ratifier la Convention.", "Exhorte vivement les États Membres à ratifier la Convention.",
     "fr", ("Exhorte", "Exhorte vivement")),
])
def test_a_strengthened_or_softened_leading_phrase_is_a_leading_change(old, new, lang, want):
    """ "Prie" → "Prie instamment" (requests → urges), "Welcomes" → "Welcomes with appreciation",
    "Takes note of" → "Notes with deep concern": a change of tone the leading-word flag must carry
    whole, not "modified" alone or a truncated "Engage"."""
    from compare import api

    head = {"fr": "L'Assemblée générale,\n\n", "en": "The General Assembly,\n\n", "es": "La Asamblea General,\n\n"}[lang]
    a = api.load_text(head + "1. " + old + "\n", label="Rev.1")
    b = api.load_text(head + "1. " + new + "\n", label="Rev.2")
    (pair,) = [p for p in api.compare(a, b).pairs]
    assert pair.leading_change == want


def test_a_cut_paragraph_is_flagged_across_languages_too():
    """70/179 in English against Spanish: the Spanish copy stops inside PP?4(c) (« … sistemáticas e »)
    and the English one starts inside PP?1: with no word diff to read the cut by, the pairs still say
    "cut in this copy" (their low scores come from the cut, not from a doubtful link)."""
    from compare import api

    samples = Path(__file__).resolve().parent.parent / "samples"
    cmp = api.compare(api.load(str(samples / "A-RES-70-179.en.md")), api.load(str(samples / "A-RES-70-179.es.md")))
    by = {(tuple(p.old), tuple(p.new)): p for p in cmp.pairs}
    assert by[(("PP?4(c)",), ("PP?4(c)",))].cut
    assert by[(("PP?1",), ("PP?1",))].cut_start
    assert not any(p.cut or p.cut_start for k, p in by.items() if k not in ((("PP?4(c)",), ("PP?4(c)",)), (("PP?1",), ("PP?1",))))


def test_an_op_put_into_sub_paragraphs_is_said_so_both_ways(samples):
    """OP1 of the French draft made a chapeau over (a)–(b), as a facilitator does: one split, said
    "split, into sub-paragraphs" (« scindé, mis en alinéas » in a French view); the list folded back is
    "merged, sub-paragraphs joined"; the JSON names it (``list_change``)."""
    from compare.api import compare, load_text
    from compare.export.jsonout import comparison_dict
    from compare.export.labels import describe
    from compare.export.words import describe_in

    text = (samples / "draft-rev1-2008-11-10.fr.md").read_text(encoding="utf-8")
    op1 = next(line for line in text.splitlines() if line.startswith("1. *Exhorte*"))
    listed = ("1. *Exhorte* les États Membres qui ne l'ont pas encore fait :\n\n"
              "a) À envisager de prendre des mesures pour ratifier la Convention des Nations Unies contre la criminalité "
              "transnationale organisée<sup>1</sup> et son Protocole additionnel visant à prévenir, réprimer et punir la "
              "traite des personnes, en particulier des femmes et des enfants<sup>2</sup>, ou pour y adhérer ;\n\n"
              "b) À appliquer pleinement ces instruments sous tous leurs aspects;")
    old = load_text(text, name="L17.md")
    new = load_text(text.replace(op1, listed), name="Rev1.md")
    assert [p.id for p in new.paragraphs if p.id.startswith("OP1") and p.id[3:4] in ("", "(")] == ["OP1", "OP1(a)", "OP1(b)"]
    there = compare(old, new)
    pair = next(p for p in there.pairs if "OP1" in p.old)
    assert (pair.old, sorted(pair.new), pair.list_change) == (["OP1"], ["OP1", "OP1(a)", "OP1(b)"], "into_list")
    assert describe(pair).endswith("split, into sub-paragraphs")
    assert "mis en alinéas" in describe_in(pair, "fr")
    back = compare(new, old)
    pair = next(p for p in back.pairs if "OP1" in p.new)
    assert pair.list_change == "from_list" and "merged, sub-paragraphs joined" in describe(pair)
    assert all(p.list_change == "" for p in there.pairs + back.pairs if p.status not in ("split", "merged"))
    assert any(d["list_change"] == "into_list" for d in comparison_dict(there)["pairs"])
