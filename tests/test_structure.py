"""Reading real texts into PP/OP structure: what a negotiator must see."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from compare.api import load, load_text
from compare.model import Document

DRAFT = "draft-rev1-2008-11-10.fr"
SPONSORS = ["Bélarus", "Équateur", "Fédération de Russie", "Ouzbékistan", "Philippines", "Tadjikistan"]
FURNITURE = re.compile(r"A/C\.3/63/L\.17|08-59\d{3}|\*\d{7}\*|Please recycle|<sup>|</?em>|---|\*")


@pytest.fixture(scope="module", params=["md", "docx", "pdf"])
def draft(request, samples) -> Document:
    return load(samples / f"{DRAFT}.{request.param}")


def test_draft_structure(draft: Document):
    assert [p.id for p in draft.preamble] == [f"PP{i}" for i in range(1, 12)]
    assert [p.id for p in draft.operative] == [f"OP{i}" for i in range(1, 15)]
    assert len(draft.paragraphs) == 25
    assert not draft.gaps


def test_draft_metadata(draft: Document):
    m = draft.meta
    assert m.language == "fr"
    assert m.title == "Amélioration de la coordination des efforts déployés pour lutter contre la traite des personnes"
    assert m.sponsors == SPONSORS
    assert m.date == "2008-11-10"
    assert m.committee == "Troisième Commission"
    assert m.agenda_item == "97"
    assert m.doc_type and m.doc_type.startswith("projet de résolution")


def test_draft_footnotes(draft: Document):
    # the printed document numbers 8 footnotes; OP1 refers again to notes 1 and 2
    assert [f.number for f in draft.footnotes] == [str(i) for i in range(1, 9)]
    assert draft.footnotes[0].text == "Résolution 55/25, annexe I."
    assert [r.number for r in draft.by_id("PP3").footnote_refs] == ["1", "2", "3", "4"]
    assert [r.number for r in draft.by_id("OP1").footnote_refs] == ["1", "2"]
    op1 = draft.by_id("OP1")
    # the marker left the words but its place is remembered
    at = op1.footnote_refs[0].offset
    assert op1.text[:at].endswith("criminalité transnationale organisée")


def test_op9_joined_across_page_break(draft: Document):
    op9 = draft.by_id("OP9")
    assert op9.text.startswith("Salue l'important travail")
    assert op9.text.endswith("module mondial de lutte contre la traite;")
    assert "ainsi que par l'Organisation internationale pour les migrations" in op9.text


def test_no_furniture_or_markup_in_paragraphs(draft: Document):
    for p in draft.paragraphs:
        assert not FURNITURE.search(p.text), (p.id, p.text)
        # no footnote number glued to a word or standing between words
        assert not re.search(r"[^\W\d_]\d{1,2}\b|\s\d{1,2}[,;]|\s\d{1,2}$", p.text), (p.id, p.text)
        assert "  " not in p.text and p.text == p.text.strip()


def test_leading_words_and_numbers(draft: Document):
    assert draft.by_id("OP7").text.startswith("Note avec satisfaction le Forum de Vienne")
    assert draft.by_id("OP14").text.endswith("des êtres humains.")
    assert draft.by_id("PP6").text.startswith("Accueillant favorablement")
    # the number label is not part of the text
    assert not any(re.match(r"\d+\.", p.text) for p in draft.operative)


EXCERPTS = {
    # file: (paragraph ids, gap positions)
    "A-RES-61-180.en.md": (
        ["PP1", "PP2", "PP3", "PP4", "PP5", "PP?6", "PP?7", "PP?8", "PP?9", "PP?10", "PP?11", "OP1"],
        [5, 12],
    ),
    "A-RES-63-194.en.md": (["PP?1", "PP?2", "PP?3", "PP?4", "PP?5", "PP?6", "OP1"], [0, 7]),
    "A-RES-64-178.en.md": (["PP?1", "PP?2", "PP?3", "PP?4", "PP?5"], [0, 5]),
    "A-RES-70-179.en.md": (["PP?1", "PP?2", "PP?3", "PP?4", "PP?4(a)", "PP?4(b)", "PP?4(c)", "PP?4(d)"], [0, 8]),
    "A-RES-70-179.es.md": (["PP?1", "PP?2", "PP?3", "PP?4", "PP?4(a)", "PP?4(b)", "PP?4(c)"], [0, 7]),
    "A-RES-74-176.en.md": (["PP1", "PP2", "PP3", "PP4"], [4]),
    "A-RES-78-228.en.md": (["PP?1", "PP?2", "PP?3", "PP?4", "PP?5"], [0, 5]),
    "A-RES-78-228.fr.md": (["PP?1", "PP?2", "PP?3"], [0, 3]),
    "draft-2006-belarus.en.md": (["PP1", "PP2", "PP3"], [3]),
}


@pytest.mark.parametrize("name", sorted(EXCERPTS))
def test_corpus_excerpts(samples, name):
    doc = load(samples / name)
    ids, gaps = EXCERPTS[name]
    assert [p.id for p in doc.paragraphs] == ids
    assert doc.gaps == gaps
    assert not any("gap" in p.text for p in doc.paragraphs)
    assert doc.meta.language == name.split(".")[-2]


def test_op1_operative_in_excerpts(samples):
    d61 = load(samples / "A-RES-61-180.en.md")
    op1 = d61.by_id("OP1")
    assert op1.kind == "OP" and op1.text.startswith("Recognizes that broad international cooperation")
    assert op1.text.endswith("trafficking i")  # cut in the source: left as it was
    d63 = load(samples / "A-RES-63-194.en.md")
    assert d63.by_id("OP1").kind == "OP" and d63.by_id("OP1").text.startswith("Urges Member States")


def test_inline_footnote_numbers_leave_the_words(samples):
    d = load(samples / "A-RES-61-180.en.md")
    pp3 = d.by_id("PP3")
    assert [r.number for r in pp3.footnote_refs] == ["1", "2", "3", "4"]
    assert "Transnational Organized Crime and, in particular" in pp3.text
    assert pp3.text.endswith("Similar to Slavery,")
    # numbers that are not markers stay
    assert "article 32 of the Convention" in d.by_id("PP4").text
    assert "decisions 16 (LVI) and 17 (LVI) of 17 May 1974" in d.by_id("PP4").text
    d63 = load(samples / "A-RES-63-194.en.md")
    assert [r.number for r in d63.by_id("OP1").footnote_refs] == ["1"]  # "Crime1"
    assert [r.number for r in d63.by_id("PP?6").footnote_refs] == ["8", "9"]
    assert "2005 World Summit to devise" in d63.by_id("PP?6").text


def test_resolution_header(samples):
    d = load(samples / "A-RES-61-180.en.md")
    assert d.meta.symbol == "A/RES/61/180"
    assert d.meta.title == "Improving the coordination of efforts against trafficking in persons"
    assert d.meta.doc_type == "resolution"
    assert d.meta.agenda_item == "98"
    d74 = load(samples / "A-RES-74-176.en.md")
    assert [f.number for f in d74.footnotes] == ["1", "2"] and d74.footnotes[1].text == "Target 5.2."
    d06 = load(samples / "draft-2006-belarus.en.md")
    assert d06.meta.sponsors == ["Belarus"] and d06.meta.symbol == "E/CN.6/2006/L.4"
    assert d06.meta.title == "Improving coordination of efforts against slavery and trafficking in persons"


def test_pasted_operative_paragraphs():
    doc = load_text(
        "3. Encourages Member States to cooperate;\n"
        "4. Urges Member States to consider ratifying the Convention, and:\n"
        "(a) to report;\n(b) to exchange good practices;\n"
    )
    assert [p.id for p in doc.paragraphs] == ["OP3", "OP4", "OP4(a)", "OP4(b)"]
    assert doc.by_id("OP4(a)").parent == "OP4" and doc.by_id("OP4(a)").text == "to report;"


def test_hard_wrapped_email_text_is_joined():
    text = (
        "The General Assembly,\n\n"
        "Recalling its resolution 61/180 of 20 December 2006 on improving the\n"
        "coordination of efforts against trafficking in persons,\n\n"
        "1. Urges Member States that have not yet done so to consider taking\n"
        "measures to ratify the Convention;\n"
        "2. Requests the Secretary-General to report.\n"
    )
    doc = load_text(text)
    assert [p.id for p in doc.paragraphs] == ["PP1", "OP1", "OP2"]
    assert doc.by_id("PP1").text.endswith("improving the coordination of efforts against trafficking in persons,")
    assert doc.by_id("OP1").text.endswith("consider taking measures to ratify the Convention;")


def test_sub_sub_paragraphs():
    doc = load_text(
        "The General Assembly,\n\n1. Decides:\n\n(a) To establish a group;\n\n(i) composed of experts;\n\n"
        "(ii) meeting twice a year;\n\n(b) To review progress;\n\n2. Requests a report.\n"
    )
    assert [p.id for p in doc.paragraphs] == ["OP1", "OP1(a)", "OP1(a)(i)", "OP1(a)(ii)", "OP1(b)", "OP2"]
    assert doc.by_id("OP1(a)(ii)").parent == "OP1(a)" and doc.by_id("OP1(a)(ii)").level == 2


def test_letter_i_after_h_is_a_letter():
    subs = "".join(f"({c}) item {c};\n\n" for c in "abcdefghij")
    doc = load_text("The General Assembly,\n\n1. Decides:\n\n" + subs)
    assert [p.id for p in doc.paragraphs][-3:] == ["OP1(h)", "OP1(i)", "OP1(j)"]


def test_unstructured_text_loads_as_plain_paragraphs():
    doc = load_text("Minutes of the meeting\n\nThe chair opened the meeting\n\nThe delegates spoke at length about it")
    assert [p.id for p in doc.paragraphs] == ["P1", "P2", "P3"]
    assert any("no resolution structure" in w for w in doc.warnings)


SIX = {
    "ar": "إن الجمعية العامة،\n\nإذ تشير إلى قراراتها السابقة المتعلقة بالاتجار بالأشخاص وسائر أشكال الرق المعاصرة،\n\n1. تحث الدول الأعضاء على النظر في التصديق على الاتفاقية؛",
    "zh": "大会，\n\n回顾其关于贩运人口和当代其他形式奴役问题的各项决议，\n\n1. 敦促尚未批准该公约的会员国考虑批准该公约；",
    "ru": "Генеральная Ассамблея,\n\nссылаясь на свои резолюции о торговле людьми и других современных формах рабства,\n\n1. настоятельно призывает государства-члены рассмотреть вопрос о ратификации Конвенции;",
    "es": "La Asamblea General,\n\nRecordando sus resoluciones sobre la trata de personas y las formas contemporáneas de la esclavitud,\n\n1. Insta a los Estados Miembros a que consideren la posibilidad de ratificar la Convención;",
    "fr": "L’Assemblée générale,\n\nRappelant ses résolutions sur la traite des personnes et les formes contemporaines d’esclavage,\n\n1. Exhorte les États Membres à envisager de ratifier la Convention;",
    "en": "The General Assembly,\n\nRecalling its resolutions on trafficking in persons and other contemporary forms of slavery,\n\n1. Urges Member States to consider ratifying the Convention;",
}


@pytest.mark.parametrize("lang", sorted(SIX))
def test_six_languages(lang):
    doc = load_text(SIX[lang])
    assert doc.meta.language == lang
    assert [p.kind for p in doc.paragraphs] == ["PP", "OP"]


HEADERS = {   # organ line (the same words as the opener, without its comma), session, committee, item
    "zh": ("联合国\n大会\n第六十三届会议\n第三委员会\n议程项目97\n\n", 63, "第三委员会"),
    "ru": ("Организация Объединенных Наций\nГенеральная Ассамблея\nШестьдесят третья сессия\nТретий комитет\n"
           "Пункт 97 повестки дня\n\n", 63, "Третий комитет"),
    "ar": ("الأمم المتحدة\nالجمعية العامة\nالدورة الحادية والستون\nاللجنة الثالثة\nالبند 97 من جدول الأعمال\n\n", 61,
           "اللجنة الثالثة"),
}


@pytest.mark.parametrize("lang", sorted(HEADERS))
def test_the_organ_line_of_the_header_is_not_the_opener(lang):
    """"Генеральная Ассамблея" / "大会" / "الجمعية العامة" head the page as the organ's name; only
    the opener's comma (Arabic: its "إن") makes them "The General Assembly,".  Read as the opener,
    the session line became a preambular paragraph; the session's number orders the versions.
    The committee and agenda item are read as in English."""
    from compare.numerals import session_number

    header, number, committee = HEADERS[lang]
    doc = load_text(header + SIX[lang])
    assert [p.kind for p in doc.paragraphs] == ["PP", "OP"]
    assert session_number(doc.meta.session) == number
    assert (doc.meta.committee, doc.meta.agenda_item) == (committee, "97")
    # the organ lines are recognised as such, nothing is left unread
    assert not [d for d in doc.dropped if d.reason == "header line not read as metadata"]


def test_other_language_is_not_claimed():
    doc = load_text("Die Generalversammlung,\n\nunter Hinweis auf ihre Resolutionen über den Menschenhandel und die Sklaverei,\n\n1. fordert die Mitgliedstaaten auf, das Übereinkommen zu ratifizieren;")
    assert doc.meta.language is None


# --------------------------------------------------------------------------- realistic pasted texts
# tests/data holds small hand-written texts in the shapes a delegate pastes or receives.

DATA = Path(__file__).parent / "data"


def _ids(name: str) -> list[str]:
    return [p.id for p in load(DATA / name).paragraphs]


def test_numbers_in_a_text_without_footnotes_stay_words():
    doc = load(DATA / "num.txt")
    assert not any(p.footnote_refs for p in doc.paragraphs)
    assert "Welcoming that 30 Member States" in doc.by_id("PP2").text
    assert doc.by_id("PP1").text == "Recalling the 17 Sustainable Development Goals and 169 targets,"
    assert doc.by_id("OP2").text.startswith("Requests 5 additional posts in section 23")
    # and so a changed number is a change
    from compare.api import compare

    cmp = compare(doc, load(DATA / "num2.txt"))
    assert {p.new[0] for p in cmp.pairs if p.status == "modified"} >= {"PP2", "OP2"}


def test_one_paragraph_per_line_paste():
    doc = load(DATA / "web.txt")
    assert [p.id for p in doc.paragraphs] == ["PP1", "PP2", "PP3", "OP1", "OP2"]
    assert doc.meta.title == "Improving the coordination of efforts against trafficking in persons"
    assert doc.by_id("PP3").text == "Deeply concerned that trafficking persists,"


def test_closing_lines_and_headings_are_not_paragraph_text():
    a2 = load(DATA / "a2.txt")
    assert a2.by_id("OP4").text == "Decides to remain seized of the matter."
    oral = load(DATA / "oral.txt")
    assert [p.id for p in oral.paragraphs] == ["PP1", "OP1", "OP2"]
    assert oral.by_id("OP1").text == "Urges Member States to ratify the Convention;"
    assert any("Oral revisions" in w for w in oral.warnings)


def test_numbers_and_inline_letters_inside_paragraphs():
    a2 = load(DATA / "a2.txt")
    assert "1.5 million people were affected on 1 July 2008" in a2.by_id("PP2").text
    assert a2.by_id("PP3").text == "Recalling the principles of (a) sovereignty and (b) non-intervention,"
    assert [p.id for p in a2.paragraphs if p.parent == "OP2(b)"] == ["OP2(b)(i)", "OP2(b)(ii)", "OP2(b)(iii)"]
    # a hard-wrapped line that starts with "(a)" is not a sub-paragraph
    assert _ids("q.txt") == ["PP1", "OP1"]


def test_roman_sub_paragraphs_straight_under_an_op():
    assert _ids("roman.txt")[:5] == ["PP1", "OP1", "OP1(i)", "OP1(ii)", "OP1(iii)"]
    assert "OP2(i)" in _ids("roman.txt")  # (i) after (h) is a letter


def test_arabic_operative_numbering_with_a_dash():
    doc = load(DATA / "ar.txt")
    assert doc.meta.language == "ar"
    assert [p.id for p in doc.paragraphs] == ["PP1", "PP2", "OP1", "OP2"]
    assert "المؤرخ 20 كانون" in doc.by_id("PP1").text


def test_a_complete_short_text_is_not_a_fragment():
    from compare.api import compare

    cmp = compare(load(DATA / "f1.txt"), load(DATA / "f3.txt"))
    assert not cmp.fragment
    assert cmp.summary()["inserted"] == 6 and not cmp.out_of_scope["new"]
