"""Version order (compare.order via compare.api.order_versions): by what the versions say.

Dates, then base < Rev.1 < Rev.2 < A/RES, unless the user sets the order — then a warning where it
runs against the dates; the same text given twice (.docx and .md of one draft) is flagged.
"""
from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from compare import api
from compare.cli import main
from compare.order import ADOPTED, placement

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def versions():
    """The real texts, oldest first, each with what tells its place."""
    names = ["draft-2006-belarus.en.md", "A-RES-61-180.en.md", "draft-rev1-2008-11-10.fr.md",
             "draft-rev2-illustrative.fr.md", "A-RES-63-194.en.md", "A-RES-64-178.en.md"]
    return [api.load(SAMPLES / n) for n in names]


def test_placement_reads_symbols_dates_and_document_types(versions):
    p = {d.label: placement(d) for d in versions}
    assert p["A-RES-61-180.en"].session == 61 and p["A-RES-61-180.en"].stage == ADOPTED
    assert p["A-RES-63-194.en"].session == 63          # an excerpt with no header: from its file name
    assert p["draft-rev1-2008-11-10.fr"].session == 63   # 10 Nov 2008: the 63rd session (opened Sept 2008)
    assert p["draft-rev1-2008-11-10.fr"].stage == 1      # "rev1" in its file name
    docx = placement(api.load(SAMPLES / "draft-rev1-2008-11-10.fr.docx"))   # A/C.3/63/L.17/Rev.1
    assert (docx.session, docx.stage) == (63, 1)


def test_shuffled_versions_come_out_in_date_order_with_a_warning(versions):
    rng = random.Random(12)
    for _ in range(5):
        idx = list(range(len(versions)))
        rng.shuffle(idx)
        shuffled = [versions[i] for i in idx]
        got = api.order_versions(shuffled)
        assert [shuffled[i].label for i in got.order] == [d.label for d in versions]
        if idx != sorted(idx):
            assert any("order their dates and symbols give" in w for w in got.warnings)


def test_revisions_in_stage_order_when_dates_are_equal():
    rev1 = api.load(SAMPLES / "draft-rev1-2008-11-10.fr.md")
    base = replace(rev1, label="L.17", meta=replace(rev1.meta, doc_type="projet de résolution"))
    rev2 = replace(rev1, label="L.17/Rev.2")
    got = api.order_versions([rev2, rev1, base])
    assert [[rev2, rev1, base][i].label for i in got.order] == ["L.17", rev1.label, "L.17/Rev.2"]


def test_user_order_is_kept_with_a_warning_against_the_dates(versions):
    rev1, rev2 = versions[2], versions[3]
    docx = api.load(SAMPLES / "draft-rev1-2008-11-10.fr.docx", label="L.17/Rev.1")
    # the case: Rev.1 (10 Nov) → Rev.2 (17 Nov) → L.17/Rev.1 (10 Nov), as set by the user
    got = api.order_versions([rev1, rev2, docx], user_order=[0, 1, 2])
    assert got.order == [0, 1, 2]
    assert any("is placed before L.17/Rev.1 (2008-11-10), but its date is later" in w for w in got.warnings)
    # ... and the same text given twice is flagged
    assert got.same_as == {2: 0}
    assert f"L.17/Rev.1: same text as {rev1.label}." in got.warnings
    # by what they say: both Rev.1 copies first, then Rev.2
    auto = api.order_versions([rev1, rev2, docx])
    assert auto.order == [0, 2, 1] and auto.same_as == {2: 0}
    with pytest.raises(ValueError):
        api.order_versions([rev1, rev2], user_order=[0, 0])


def test_a_sponsor_added_is_not_the_same_text(versions):
    """Same title and paragraphs but France added as a sponsor: not "same text" (a delegation
    checks co-sponsorship first), the warning says the header differs and how."""
    rev2 = versions[3]
    assert rev2.meta.sponsors
    more = replace(rev2, label="Rev.2 + France",
                   meta=replace(rev2.meta, sponsors=[*rev2.meta.sponsors, "France"]))
    got = api.order_versions([rev2, more])
    assert got.same_as == {1: 0}
    assert f"Rev.2 + France: same title and paragraphs as {rev2.label}; only the header differs (sponsors)." \
        in got.warnings
    assert not any("same text" in w for w in got.warnings)


def test_an_undated_draft_is_placed_by_the_session_its_header_states(versions):
    """The 2006 draft without its date still says "Sixty first session" and "draft resolution":
    it goes before the adopted 61/180 and the 63rd session's Rev.1, with no "no date" warning."""
    draft = versions[0]
    assert draft.meta.session == "Sixty first session"
    undated = replace(draft, label="undated draft", meta=replace(draft.meta, date=None))
    assert placement(undated).session == 61 and placement(undated).stage == 0
    docs = [versions[2], versions[1], undated]
    got = api.order_versions(docs)
    assert [docs[i].label for i in got.order] == ["undated draft", versions[1].label, versions[2].label]
    assert not any("no date or symbol" in w for w in got.warnings)


def test_session_numbers_as_headers_write_them():
    from compare.numerals import session_number

    cases = {"Sixty-first session": 61, "Sixty first session": 61, "Seventy-fourth session": 74,
             "Fifty-ninth session": 59, "Eightieth session": 80, "63rd session": 63,
             "Soixante-troisième session": 63, "Soixante et onzième session": 71,
             "Soixante-dix-septième session": 77, "Quatre-vingtième session": 80,
             "Quatre-vingt-unième session": 81, "sexagésimo tercer período de sesiones": 63,
             "Septuagésimo período de sesiones": 70, "Шестьдесят третья сессия": 63,
             "Семьдесят четвёртая сессия": 74, "Восьмидесятая сессия": 80, "63-я сессия": 63,
             "الدورة الثالثة والستون": 63, "الدورة الحادية والستون": 61, "الدورة الستون": 60,
             "الدورة الحادية عشرة": 11, "第六十三届会议": 63, "第七十八届会议": 78, "第十一届会议": 11,
             "第六十届会议": 60}
    assert {t: session_number(t) for t in cases} == cases
    for text in (None, "", "Session 63", "Commission on the Status of Women session", "Troisième Commission",
                 "Третий комитет", "الدورة العادية", "第三委员会"):
        assert session_number(text) is None


def test_a_version_that_says_nothing_keeps_its_place(versions):
    bare = replace(versions[3], label="pasted", source="<text>",
                   meta=replace(versions[3].meta, date=None, symbol=None, doc_type=None, session=None))
    docs = [versions[2], bare, versions[1]]
    got = api.order_versions(docs)
    assert [docs[i].label for i in got.order] == [versions[1].label, "pasted", versions[2].label]
    assert any("pasted: no date or symbol" in w for w in got.warnings)


def test_cli_orders_by_dates_on_request_and_warns_otherwise(capsys):
    rev1, rev2 = str(SAMPLES / "draft-rev1-2008-11-10.fr.md"), str(SAMPLES / "draft-rev2-illustrative.fr.md")
    assert main(["diff", rev2, rev1]) == 0
    out = capsys.readouterr()
    assert "=== draft-rev2-illustrative.fr → draft-rev1-2008-11-10.fr" in out.out
    assert "but its date is later" in out.err
    assert main(["diff", rev2, rev1, "--order", "auto"]) == 0
    out = capsys.readouterr()
    assert "=== draft-rev1-2008-11-10.fr → draft-rev2-illustrative.fr" in out.out
    assert "order their dates and symbols give" in out.err


def test_an_oral_revision_goes_after_the_text_it_amends_and_a_tie_is_said():
    """"Rev.1 as orally revised" given first is placed after Rev.1 (same symbol, same date); two
    versions that nothing tells apart keep the given order with a warning instead of silently."""
    from compare import api

    rev1 = api.load(SAMPLES / "draft-rev1-2008-11-10.fr.md")
    text = rev1_text = (SAMPLES / "draft-rev1-2008-11-10.fr.md").read_text(encoding="utf-8")
    text = rev1_text.replace("*Encourage* ", "*Engage* ")
    assert text != rev1_text
    oral = api.load_text(text, name="Rev.1 as orally revised")
    got = api.order_versions([oral, rev1])
    assert got.order == [1, 0]
    other = api.load_text(text, name="Rev.1 (b)")
    got = api.order_versions([other, rev1])
    assert got.order == [0, 1]
    assert any("do not tell which came first" in w for w in got.warnings)
    # the same text twice is "same text", not an undecidable order
    same = api.order_versions([api.load_text(rev1_text, name="copy"), rev1])
    assert not any("do not tell" in w for w in same.warnings)


def test_a_version_with_another_title_is_said_to_be_perhaps_another_resolution():
    """The trafficking series keeps its title (2006 "Improving coordination of efforts against
    slavery and trafficking in persons" → 61/180 → 74/176): no warning.  A text titled "Violence
    against women migrant workers" after it is said to be perhaps another resolution, even with
    untitled excerpts between."""
    from compare import api

    series = [api.load(SAMPLES / n) for n in ("draft-2006-belarus.en.md", "A-RES-61-180.en.md",
                                              "A-RES-63-194.en.md", "A-RES-74-176.en.md")]
    assert not [w for w in api.order_versions(series).warnings if "different resolutions" in w]
    other = api.load_text("A/C.3/80/L.9\n\nViolence against women migrant workers\n\nThe General Assembly,\n\n"
                          "Recalling its resolutions,\n\n1. Calls upon all States to act.\n", name="L.9")
    got = api.order_versions(series[:3] + [other]).warnings
    assert [w for w in got if "61-180" in w and "L.9" in w and "may be different resolutions" in w]
