"""Text, Markdown and HTML readers: encodings, markup, and the blocks they yield."""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from compare.api import load
from compare.errors import BinaryContentError, EmptyInputError
from compare.model import MARK_OPEN
from compare.readers import read_bytes
from compare.readers.html import read_html

SNIPPET = "L’Assemblée générale,\n\nRappelant sa résolution 61/180,\n\n1. Exhorte les États Membres à agir;\n"


@pytest.mark.parametrize(
    "encoded",
    [
        SNIPPET.encode("utf-8"),
        codecs.BOM_UTF8 + SNIPPET.encode("utf-8"),
        SNIPPET.encode("utf-16"),
        SNIPPET.encode("utf-16-le"),
        SNIPPET.replace("’", "'").encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-nobom", "cp1252"],
)
def test_encodings(encoded):
    doc = load(encoded, name="draft.txt")
    assert [p.id for p in doc.paragraphs] == ["PP1", "OP1"]
    assert doc.by_id("OP1").text == "Exhorte les États Membres à agir;"


def test_binary_named_txt_is_refused():
    with pytest.raises(BinaryContentError):
        read_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10, "photo.txt")


def test_whitespace_only_is_empty():
    with pytest.raises(EmptyInputError):
        read_bytes(b"  \n\n \t ", "blank.md")


def test_markdown_markup_is_read_not_kept(samples):
    raw = read_bytes((samples / "draft-rev1-2008-11-10.fr.md").read_bytes(), "draft.md")
    kinds = [b.kind for b in raw.blocks]
    assert kinds.count("footnote") == 8
    assert kinds.count("page_break") >= 2
    assert all("<sup>" not in b.text and "**" not in b.text for b in raw.blocks)
    # 1<sup>er</sup> is an ordinal, not a footnote marker
    assert any("1er juin 2009" in b.text for b in raw.blocks)
    assert any(b.italic_lead == "Prie à nouveau" for b in raw.blocks)


HTML = """<!doctype html><html><head><title>x</title><script>alert(1)</script>
<link rel=stylesheet href="http://example.invalid/x.css"></head><body>
<nav>Home | Documents</nav>
<p>General Assembly</p><p>Distr.: Limited</p>
<h2>Improving the coordination of efforts against trafficking in persons</h2>
<p><em>The General Assembly,</em></p>
<p><em>Recalling</em> its resolution 61/180,<sup>1</sup></p>
<p><i>Welcoming also</i> the efforts of Member States,</p>
<ol><li><em>Urges</em> Member States to act;</li><li><em>Requests</em> a report.</li></ol>
<p>[... gap: text not available ...]</p>
</body></html>"""


def test_html_reader():
    raw = read_html(HTML, "page.html")
    texts = [b.text for b in raw.blocks]
    assert not any("alert" in t or "Home" in t for t in texts)
    assert any(MARK_OPEN in t for t in texts)
    doc = load(HTML.encode(), name="page.html")
    assert [p.id for p in doc.paragraphs] == ["PP1", "PP2", "OP1", "OP2"]
    assert doc.by_id("PP1").text == "Recalling its resolution 61/180,"
    assert [r.number for r in doc.by_id("PP1").footnote_refs] == ["1"]
    assert doc.by_id("PP2").leading == "Welcoming also"
    assert doc.by_id("OP2").text == "Requests a report."
    assert doc.gaps == [4]
    assert doc.meta.title == "Improving the coordination of efforts against trafficking in persons"


def _as_pasted_from_pdf(md: str) -> str:
    """The Rev.1 Markdown as a PDF copy pastes it: markers glued to their words ("organisée1",
    "de 20056"), each page's footnotes as "1 Résolution 55/25, annexe I." lines between the
    paragraphs, no rule above them, no Markdown."""
    import re

    notes = [(n, t.replace("*", "")) for n, t in re.findall(r"^<sup>(\d+)</sup> (.+)$", md, flags=re.M)]
    body = re.sub(r"^<sup>\d+</sup> .+$\n?", "", md, flags=re.M)
    body = re.sub(r"\s*<sup>(\d+)</sup>", r"\1", body).replace("*", "").replace("---", "")
    body = re.sub(r"^_{3,}\s*$", "", body, flags=re.M)
    paras = [p for p in body.split("\n\n") if p.strip()]
    out, k = [], 0
    for p in paras:
        out.append(p)
        cited = [n for n, _ in notes if re.search(rf"[^\d]{n}(?!\d)", p)]
        while k < len(notes) and notes[k][0] in cited:          # a page's notes after its paragraph
            out.append(f"{notes[k][0]} {notes[k][1]}")
            k += 1
    return "\n\n".join(out + [f"{n} {t}" for n, t in notes[k:]]) + "\n"


def test_footnotes_pasted_from_a_pdf_are_footnotes_not_paragraphs(samples, tmp_path):
    """Text copied from the PDF of Rev.1 into the "Paste a version" box: the footnote lines between
    paragraphs are read as the footnotes the glued markers cite — not as new PPs (which renumbered
    every PP after them) nor glued to OP2 — and the comparison with the Markdown is "unchanged"."""
    from compare import api

    md = (samples / "draft-rev1-2008-11-10.fr.md").read_text(encoding="utf-8")
    pasted = _as_pasted_from_pdf(md)
    assert "organisée1" in pasted and "\n\n1 Résolution 55/25, annexe I.\n\n" in pasted
    doc = api.load_text(pasted, name="pasted")
    ref = api.load(samples / "draft-rev1-2008-11-10.fr.md")
    assert [p.id for p in doc.paragraphs] == [p.id for p in ref.paragraphs]
    assert [(f.number, f.text) for f in doc.footnotes] == [(f.number, f.text) for f in ref.footnotes]
    cmp = api.compare(ref, doc)
    assert {p.status for p in cmp.pairs} == {"unchanged"} and not any(p.footnote_changes for p in cmp.pairs)


def test_a_comment_is_text_in_a_plain_text_file_and_dropped_with_its_words_in_markdown():
    """« <!-- … --> » hides text only in Markdown; there its words are listed in ``dropped``."""
    src = "The General Assembly,\n\nRecalling its resolution 61/180,<!-- check 63/194 commentword -->\n\n" \
          "1. Urges Member States to act;\n"
    txt = load(src.encode(), name="draft.txt")
    assert "commentword" in txt.by_id("PP1").text
    md = load(src.encode(), name="draft.md")
    assert md.by_id("PP1").text == "Recalling its resolution 61/180,"
    assert ("check 63/194 commentword", "Markdown comment (not shown)") in [(d.text, d.reason) for d in md.dropped]


def test_one_stray_byte_keeps_a_utf8_file_utf8_and_says_so():
    """One byte that is not UTF-8 in a French UTF-8 file: the file is not re-read as Windows-1252
    (every « é » would turn « Ã© »); the byte is U+FFFD and a warning says where the doubt is."""
    data = SNIPPET.encode("utf-8").replace(b"agir", b"agir \xe9")
    doc = load(data, name="projet.txt")
    assert "États Membres" in doc.by_id("OP1").text
    assert any("not valid UTF-8 in 1 place" in w for w in doc.warnings)
    latin = load(SNIPPET.encode("cp1252"), name="projet.txt")
    assert "États Membres" in latin.by_id("OP1").text
    assert any("read as Windows-1252" in w for w in latin.warnings)


def test_an_html_page_is_read_in_the_encoding_it_declares():
    page = ('<html><head><meta charset="gb2312"></head><body><p>大会，</p><p>回顾其第61/180号决议，</p>'
            '<p>1. 敦促会员国采取行动；</p></body></html>')
    doc = load(page.encode("gb2312"), name="page.html")
    assert doc.by_id("OP1").text == "敦促会员国采取行动；"
    assert not any("UTF-8" in w or "1252" in w for w in doc.warnings)


SAMPLES = Path(__file__).resolve().parent.parent / "samples"
RU = ("Генеральная Ассамблея,\n\nссылаясь на свою резолюцию 61/180,\n\n"
      "1. настоятельно призывает государства-члены действовать;\n\n2. постановляет продолжать заниматься этим вопросом.\n")
AR = ("إن الجمعية العامة،\n\nإذ تشير إلى قرارها 61/180،\n\n1. تحث الدول الأعضاء على العمل؛\n\n"
      "2. تقرر أن تبقي المسألة قيد نظرها.\n")
ZH = ("大会，\n\n回顾其关于加强协调努力打击贩运人口行为的2006年12月20日第61/180号决议，\n\n"
      "1. 敦促尚未批准《联合国打击跨国有组织犯罪公约》的会员国考虑采取措施批准该公约；\n\n"
      "2. 请秘书长向大会第六十四届会议提交关于本决议执行情况的报告。\n")


@pytest.mark.parametrize("text, codec, name", [
    (RU, "cp1251", "Windows-1251"), (RU, "koi8_r", "KOI8-R"), (AR, "cp1256", "Windows-1256"),
    (ZH, "gb2312", "GB18030"), (ZH, "gbk", "GB18030"),
])
def test_a_legacy_cyrillic_arabic_or_chinese_file_is_read_in_its_charset(text, codec, name):
    """A resolution saved as Windows-1251 or KOI8-R (Russian), Windows-1256 (Arabic) or GB2312/GBK
    (Chinese, read as GB18030, which holds both) reads as its UTF-8 twin does, not as Windows-1252
    letter soup; the warning names the guess."""
    want = load(text.encode("utf-8"), name="draft.txt")
    doc = load(text.encode(codec), name="draft.txt")
    assert [(p.id, p.text) for p in doc.paragraphs] == [(p.id, p.text) for p in want.paragraphs]
    assert doc.meta.language == want.meta.language in ("ru", "ar", "zh")
    assert any(f"read as {name}" in w and "guessed" in w for w in doc.warnings)


@pytest.mark.parametrize("sample", ["draft-rev1-2008-11-10.fr.md", "A-RES-70-179.es.md"])
def test_a_western_file_in_windows_1252_stays_windows_1252(sample):
    """French and Spanish saved as Windows-1252 (« mise en œuvre », « resolución ») read exactly as
    the UTF-8 sample: the detector's Central European tie does not win over Windows-1252."""
    text = (SAMPLES / sample).read_text(encoding="utf-8")
    want = load(text.encode("utf-8"), name=sample)
    doc = load(text.encode("cp1252"), name=sample)
    assert [(p.id, p.text) for p in doc.paragraphs] == [(p.id, p.text) for p in want.paragraphs]
    assert any("read as Windows-1252" in w for w in doc.warnings)


def test_a_central_european_file_is_not_read_as_windows_1252():
    text = ("Zgromadzenie Ogólne,\n\nprzypominając swoją rezolucję 61/180,\n\n"
            "1. wzywa państwa członkowskie do działania, które może przynieść skutek;\n")
    doc = load(text.encode("cp1250"), name="projekt.txt")
    assert "przypominając swoją rezolucję" in " ".join(p.text for p in doc.paragraphs)
    assert any("read as Windows-1250" in w for w in doc.warnings)


def test_the_charset_detector_sees_a_bounded_sample_of_a_big_file():
    """The detector gets the start of the file and windows around later non-ASCII letters, never
    the whole file (a 16 MiB text must not cost 16 MiB of detection)."""
    from compare.readers.safety import _charset_sample

    big = ("Résolution " * 10 + "\n").encode("cp1252") * 120_000
    sample = _charset_sample(big)
    assert len(big) > 10_000_000 and len(sample) < 128 * 1024
    late = b"a" * 5_000_000 + "Assemblée".encode("cp1252")
    assert "é".encode("cp1252") in _charset_sample(late)       # an accent far in is still seen
