"""Issue #13: a split or merge diffs its parts in the order that best follows the other side.

Align lists a group's parts in document order.  When a clause of OP7 is moved into the preamble
as a new PP (before OP7, which keeps the rest), the group's diff in document order showed that
clause deleted and inserted again, and a false change of leading word ("Note avec satisfaction"
→ "Demandant"), although the pairing was right.  Built from the real draft of ``samples/``:
a clause moved into the preamble, a merge whose sources are not in the merged order, and a
split whose parts changed places.  Every view must show the clause kept and cut into its part;
the diff rebuilds both sides; placement (and so the redline) keeps document order, and the
redline's accept-all / reject-all give the new / old text (Python oracle here, LibreOffice too).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_placement import assert_orders_rebuild_both_versions  # noqa: E402
from test_redline import assert_round_trip, expected  # noqa: E402

from compare import api  # noqa: E402
from compare.export.html import rows_table  # noqa: E402
from compare.export.inline import inline_view_html  # noqa: E402
from compare.export.jsonout import comparison_dict  # noqa: E402
from compare.export.labels import describe  # noqa: E402
from compare.export.redline import BODY_STYLES, layout, redline_docx  # noqa: E402
from compare.export.text import comparison_text  # noqa: E402
from compare.model import PairStatus  # noqa: E402
from compare.tokens import words  # noqa: E402

BASE = "draft-rev1-2008-11-10.fr.md"

#: OP7's second clause, which the first case moves into the preamble
CLAUSE = ("à l'Office des Nations Unies contre la drogue et le crime de poursuivre ses consultations avec les "
          "États Membres")


def _base(samples) -> str:
    return (samples / BASE).read_text(encoding="utf-8")


def _line(base: str, start: str) -> str:
    return next(line for line in base.splitlines() if line.startswith(start))


def _clause_to_preamble(base: str) -> str:
    """OP7 keeps "Note avec satisfaction le Forum de Vienne …;"; its clause "et demande à l'Office …"
    becomes a new last PP, "Demandant à l'Office …,", before the operative part."""
    op7 = _line(base, "7. *Note avec satisfaction*")
    first, second = op7.split(", et demande ", 1)
    pp = "*Demandant* " + second.rstrip(";") + ","
    last_pp = _line(base, "*Réaffirmant* l'engagement")
    return base.replace(op7, first + ";").replace(last_pp, last_pp + "\n\n" + pp)


def _merge_reversed(base: str) -> str:
    """PP7 ("Considérant qu'une large coopération …") and PP8 ("Considérant également qu'il faut …")
    become one PP that says PP8's words first."""
    pp7 = _line(base, "*Considérant* qu'une large")
    pp8 = _line(base, "*Considérant également*")
    merged = ("*Considérant* " + pp8.removeprefix("*Considérant également* ").rstrip(",") + ", et "
              + pp7.removeprefix("*Considérant* ").rstrip(",") + ",")
    return base.replace(pp7 + "\n\n", "").replace(pp8, merged)


def _split_swapped(base: str) -> str:
    """OP5 "Demande aux gouvernements …, et invite les États Membres …;" becomes OP5 "Invite les États
    Membres …;" and OP6 "Demande aux gouvernements …;": its two parts changed places."""
    op5 = _line(base, "5. *Demande*")
    first, second = op5.split(", et invite les États Membres", 1)
    text = re.sub(r"(?m)^(\d+)\. ", lambda m: f"{int(m.group(1)) + (int(m.group(1)) >= 6)}. ", base)
    return text.replace(op5, "5. *Invite* les États Membres" + second + "\n\n6. " + first.removeprefix("5. ") + ";")


CASES = {"clause-to-preamble": _clause_to_preamble, "merge-reversed": _merge_reversed,
         "split-swapped": _split_swapped}


@pytest.fixture(scope="module")
def comparisons(samples) -> dict:
    base = _base(samples)
    old = api.load_text(base, name="L.17.fr.md")
    return {name: api.compare(old, api.load_text(make(base), name=f"{name}.fr.md")) for name, make in CASES.items()}


def _group(cmp):
    (pair,) = [p for p in cmp.pairs if p.status in (PairStatus.SPLIT, PairStatus.MERGED)]
    return pair


def _rebuild(segs, side: str) -> str:
    return "".join(s.text for s in segs if s.op != ("insert" if side == "old" else "delete"))


def _changed(segs) -> list[str]:
    """The words a diff marks as deleted or inserted (substantive changes only)."""
    return [w for s in segs if s.op != "equal" and not s.minor for w in re.findall(r"\w+", s.text)]


@pytest.mark.parametrize("name", list(CASES))
def test_every_paragraph_once_and_the_diff_rebuilds_both_sides(comparisons, name):
    cmp = comparisons[name]
    for side, doc in (("old", cmp.old), ("new", cmp.new)):
        ids = [i for p in cmp.pairs for i in getattr(p, side)] + cmp.out_of_scope[side]
        assert sorted(ids) == sorted(p.id for p in doc.paragraphs), (name, side)
    for p in cmp.pairs:
        assert _rebuild(p.diff, "old") == "\n".join(cmp.old.by_id(i).text for i in p.old)
        assert _rebuild(p.diff, "new") == "\n".join(cmp.new.by_id(i).text for i in p.new)
    assert_orders_rebuild_both_versions(cmp)         # placement still reads both versions in document order
    npos = {p.id: k for k, p in enumerate(cmp.new.paragraphs)}
    firsts = [npos[p.new[0]] for p in cmp.pairs if p.new]
    assert firsts == sorted(firsts)                   # pairs listed in reading order of their first paragraph


def test_a_clause_moved_into_the_preamble_is_kept_text_cut_into_its_part(comparisons):
    cmp = comparisons["clause-to-preamble"]
    pp = next(p.id for p in cmp.new.paragraphs if p.text.startswith("Demandant"))
    pair = _group(cmp)
    assert pair.old == ["OP7"] and pair.new == ["OP7", pp]           # the diff's order: the old paragraph's
    assert pair.status == "split"
    # OP7 kept its place, number and leading words: no false leading-word change, not moved
    assert pair.leading_change is None and not pair.renumbered and not pair.moved
    assert pair.cross_kind                                             # but a part went into the preamble
    kept = "".join(s.text for s in pair.diff if s.op == "equal")
    assert CLAUSE in kept and "Note avec satisfaction le Forum de Vienne" in kept
    # the only words changed are at the cut: "et demande" → "Demandant"
    assert _changed(pair.diff) == ["et", "demande", "Demandant"]
    assert describe(pair) == f"OP7 → OP7 + {pp}: split, modified, PP↔OP"


def test_a_merge_whose_sources_were_not_in_the_merged_order(comparisons):
    cmp = comparisons["merge-reversed"]
    pair = _group(cmp)
    assert pair.status == "merged" and pair.old == ["PP8", "PP7"] and pair.new == ["PP7"]
    kept = "".join(s.text for s in pair.diff if s.op == "equal")
    for pid in ("PP7", "PP8"):                 # each source's words stand in the merged text, kept
        body = cmp.old.by_id(pid).text.split(" ", 2 if pid == "PP8" else 1)[-1].rstrip(",")
        assert body in kept, pid
    assert _changed(pair.diff) == ["également", "Considérant", "et"]
    # the merged paragraph opens with PP8's words: "Considérant également" → "Considérant" is what changed
    assert pair.leading_change == ("Considérant également", "Considérant")


def test_a_split_whose_parts_changed_places(comparisons):
    cmp = comparisons["split-swapped"]
    pair = _group(cmp)
    assert pair.old == ["OP5"] and pair.new == ["OP6", "OP5"] and pair.status == "split"
    assert not pair.text_changed and pair.leading_change is None
    assert _changed(pair.diff) == ["et", "invite", "Invite"]
    # placement shows each part at its own place, so both versions still read in order
    parted = [(s.role, s.old, s.new) for s in cmp.placement if s.old or s.new]
    assert [n for _, _, n in parted] == [("OP5",), ("OP6",)]


def test_every_view_shows_the_clause_kept_not_deleted_and_inserted(comparisons):
    cmp = comparisons["clause-to-preamble"]
    pair = _group(cmp)
    line = next(x for x in comparison_text(cmp).splitlines() if "Forum de Vienne" in x)
    assert "[-, et demande-]{+; ¶ Demandant+} " + CLAUSE in line
    for html in (rows_table(cmp, cmp.pairs), inline_view_html(cmp)):       # side by side (the app's too), inline
        marked = " ".join(re.findall(r"<(?:del|ins)[^>]*>(.*?)</(?:del|ins)>", html, re.S))
        assert "Forum de Vienne" not in marked and "poursuivre ses consultations" not in marked
    data = json.loads(json.dumps(comparison_dict(cmp)))                    # JSON: the same diff, self-consistent
    (d,) = [p for p in data["pairs"] if p["status"] == "split"]
    assert (d["old"], d["new"], d["leading_change"]) == (pair.old, pair.new, None)
    assert "".join(text for op, text, *_ in d["diff"] if op != "delete") == \
        "\n".join(cmp.new.by_id(i).text for i in d["new"])
    # the redline writes the new PP at its place (the clause moved there), then OP7 at its own
    units = [u for u in layout(cmp) if u.pair is pair]
    assert [(u.role, sorted(u.part[1])) for u in units] == [("dest", [pair.new[1]]), ("inplace", ["OP7"])]


@pytest.mark.parametrize("name", list(CASES))
def test_redline_accept_all_gives_the_new_text_and_reject_all_the_old(comparisons, name):
    cmp = comparisons[name]
    for moves in ("move", "delete-insert"):
        for numbering in ("typed", "auto"):
            assert_round_trip(cmp, redline_docx(cmp, moves=moves, numbering=numbering), numbering == "typed")


def test_libreoffice_accepts_and_rejects_them_exactly(comparisons, samples, tmp_path):
    """The same redlines, accepted and rejected by LibreOffice itself (tests/support/lo_accept_reject.py),
    and those of excerpts cut at their start (words tracked as not in this copy, below)."""
    from test_libreoffice import SOFFICE, uno_python

    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    cut = {f"cut-{a[6:12]}": api.compare(api.load(samples / a), api.load(samples / "A-RES-78-228.en.md"))
           for a in ("A-RES-74-176.en.md", "A-RES-70-179.en.md")}
    files = {}
    for name, cmp in {**comparisons, **cut}.items():
        for moves in ("move", "delete-insert"):
            for numbering in ("typed", "auto"):
                f = tmp_path / f"{name}-{moves}-{numbering}.docx"
                f.write_bytes(redline_docx(cmp, moves=moves, numbering=numbering))
                files[f] = (cmp, numbering == "typed")
    out = tmp_path / "lo.json"
    support = Path(__file__).resolve().parent / "support" / "lo_accept_reject.py"
    proc = subprocess.run([uno_python(), str(support), str(out), *map(str, files)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    for f, (cmp, typed) in files.items():
        res = data[str(f)]
        assert res["redlines"] > 0 and res["accept_left"] == 0 and res["reject_left"] == 0, f.name
        for mode, doc, side in (("accept", cmp.new, "new"), ("reject", cmp.old, "old")):
            got = [(p["text"], tuple((n, t) for n, t in p["footnotes"])) for p in res[mode]
                   if p["style"] in BODY_STYLES]
            assert got == expected(doc, tuple(cmp.out_of_scope[side]), typed), (f.name, mode)


# --------------------------------------------------------------------------- an excerpt's cut start in the redline


@pytest.mark.parametrize("old_name, new_name", [("A-RES-74-176.en.md", "A-RES-78-228.en.md"),
                                                ("A-RES-70-179.en.md", "A-RES-78-228.en.md")])
def test_redline_marks_the_words_before_a_cut_start_as_not_in_this_copy(samples, old_name, new_name):
    """78/228's copy starts inside 74/176's PP4 ("exploitation, on taking …"); 70/179's copy starts
    inside the PP 78/228 opens "Recalling also …".  The other copy's words before the cut are not in
    that copy: the text view says so, and the redline tracks them under their own author (named in
    the summary) instead of as the author's minor deletion or insertion.  Accept/reject stay exact."""
    from support import ooxml_oracle as oracle

    cmp = api.compare(api.load(samples / old_name), api.load(samples / new_name))
    (pair,) = [p for p in cmp.pairs if p.cut_start]
    head = next(s for s in pair.diff if s.minor)
    docx = redline_docx(cmp)
    assert_round_trip(cmp, docx)
    xml = oracle.parts(docx)["word/document.xml"].decode()
    tag = "del" if head.op == "delete" else "ins"
    unknown = re.findall(rf'<w:{tag} [^>]*w:author="[^"]*\(not in this copy\)"[^>]*>(.*?)</w:{tag}>', xml, re.S)
    assert "".join(re.sub(r"<[^>]+>", "", u) for u in unknown) == head.text
    minor = re.findall(rf'<w:{tag} [^>]*w:author="[^"]*\(minor\)"[^>]*>(.*?)</w:{tag}>', xml, re.S)
    assert head.text.split()[0] not in " ".join(re.sub(r"<[^>]+>", "", m) for m in minor)   # not a minor change
    summary = " ".join(p.text for p in oracle.view(docx, "accept", ("RCSummary",)))
    assert "are not in that copy: tracked by “" in summary and "(not in this copy)”" in summary


def test_redline_marks_the_words_past_a_cut_end_as_not_in_this_copy(samples):
    """74/176's copy stops at "child soldiers," (PP4 cut by a page break): 78/228's "and by 2025 end child
    labour …" is past that copy's end — tracked under the "not in this copy" author, not as an insertion
    by 78/228.  Accept/reject stay exact."""
    from support import ooxml_oracle as oracle

    cmp = api.compare(api.load(samples / "A-RES-74-176.en.md"), api.load(samples / "A-RES-78-228.en.md"))
    docx = redline_docx(cmp)
    assert_round_trip(cmp, docx)
    xml = oracle.parts(docx)["word/document.xml"].decode()
    unknown = re.findall(r'<w:ins [^>]*w:author="[^"]*\(not in this copy\)"[^>]*>(.*?)</w:ins>', xml, re.S)
    text = "".join(re.sub(r"<[^>]+>", "", u) for u in unknown)
    assert "and by 2025 end child labour in all its forms" in text
    plain = re.findall(r'<w:ins [^>]*w:author="A-RES-78-228[^"(]*"[^>]*>(.*?)</w:ins>', xml, re.S)
    assert "by 2025" not in "".join(re.sub(r"<[^>]+>", "", u) for u in plain)
