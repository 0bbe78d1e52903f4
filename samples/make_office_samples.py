#!/usr/bin/env python3
"""Build the Word and PDF samples of A/C.3/63/L.17/Rev.1 (French) from the corpus Markdown.

Run once from the repository root; the outputs are committed::

    python samples/make_office_samples.py [--corpus /work/shared/corpus/draft-rev1-2008-11-10.fr.md]

Outputs (next to this script):

* ``draft-rev1-2008-11-10.fr.docx`` — a real Word file laid out like a UN document:
  first-page header (``Nations Unies`` + symbol), running header with the symbol on
  later pages, first-page footer with the job number ``08-59312 (F)    101108    101108``,
  the barcode text ``*0859312*`` and ``Merci de recycler``, running footer with page number
  and job number; the header block in a borderless two-column table (the UN emblem as a
  picture and the organ on the left; the symbol, distribution, date and languages on the
  right), as issued L-documents have it; sponsors line; bold
  title; italic ``L'Assemblée générale,``; PPs with italic leading words; OPs numbered by
  Word AUTOMATIC numbering (``numbering.xml`` list + ``w:numPr``; the number is not typed);
  and the footnotes as REAL Word footnotes (a ``footnotes.xml`` part, ``w:footnoteReference``
  runs in the text).

  Footnote numbering choice: the French print has 8 footnotes and refers to notes 1, 2 (in
  OP1) and 3 (in OP2) a second time.  Word gives every ``w:footnoteReference`` its own note,
  so the repeated references are written the way UN editors do it: as a ``NOTEREF`` field
  (cross-reference to the bookmarked first reference, formatted as a footnote reference,
  cached result "1"/"2"/"3").  The document therefore holds exactly 8 footnotes, numbered by
  Word sequentially 1–8, which coincides with the printed numbering.
* ``draft-rev1-2008-11-10.fr.pdf`` — that .docx converted by LibreOffice headless, so it
  has real page headers/footers, footnotes at the page foot and paragraphs running across
  page breaks.

The .docx is byte-for-byte deterministic (fixed zip timestamps and core properties); the
PDF carries LibreOffice's creation date, so only its content is stable.
"""
from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = Path("/work/shared/corpus/draft-rev1-2008-11-10.fr.md")
STEM = "draft-rev1-2008-11-10.fr"

SYMBOL = "A/C.3/63/L.17/Rev.1"
JOB_NUMBER = "08-59312"
JOB_LINE = "08-59312 (F)    101108    101108"
BARCODE = "*0859312*"

try:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Twips
except ImportError as exc:  # pragma: no cover
    sys.exit(f"make_office_samples: python-docx is required ({exc}); run inside the project venv")

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

# --------------------------------------------------------------------------- Markdown


def parse_markdown(md: str) -> dict:
    """Cut the corpus Markdown into the parts of a UN document (simple, for this file)."""
    paras: list[str] = []
    cur: list[str] = []
    for line in md.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            if cur:
                paras.append("\n".join(cur))
                cur = []
            continue
        cur.append(line)
    if cur:
        paras.append("\n".join(cur))

    out: dict = {"organ": None, "distr": [], "session": [], "sponsors": None, "title": None,
                 "opening": None, "pps": [], "ops": [], "footnotes": {}}
    foot_re = re.compile(r"^<sup>(\d+)</sup>\s*(.+)$", re.S)
    op_re = re.compile(r"^(\d+)\.\s+(.*)$", re.S)
    state = "head"
    for p in paras:
        s = p.strip()
        if s == "---":
            if state == "head":
                state = "session"
            continue
        m = foot_re.match(s)
        if m:
            out["footnotes"][m.group(1)] = m.group(2).strip()
            continue
        if s.startswith("# "):
            out["organ"] = s[2:].strip()
            continue
        if s.startswith("## "):
            out["title"] = s[3:].strip().strip("*").strip()
            state = "body"
            continue
        if state == "head":
            out["distr"] = [ln.strip() for ln in s.split("\n")]
            continue
        if state == "session":
            if out["session"] and s.startswith("**") and ":" in s:
                out["sponsors"] = [ln.strip().strip("*").strip() for ln in s.split("\n")]
            else:
                out["session"] = [ln.strip() for ln in s.split("\n")]
            continue
        # body
        if out["opening"] is None and s.startswith("*") and s.endswith("*") and s.count("*") == 2:
            out["opening"] = s.strip("*")
            continue
        m = op_re.match(s)
        if m:
            out["ops"].append(m.group(2))
            state = "ops"
            continue
        if s[:1].islower():  # continuation across a page break in the conversion
            target = out["ops"] if state == "ops" else out["pps"]
            target[-1] = target[-1] + " " + s
            continue
        out["pps"].append(s)
    return out


_INLINE_RE = re.compile(r"<sup>(.*?)</sup>|\*\*(.+?)\*\*|\*(.+?)\*")


def inline_runs(s: str) -> list[tuple[str, str]]:
    """``(kind, text)`` runs: kind is plain, italic, bold, fn (footnote number) or sup."""
    runs: list[tuple[str, str]] = []
    pos = 0
    for m in _INLINE_RE.finditer(s):
        if m.start() > pos:
            runs.append(("plain", s[pos:m.start()]))
        if m.group(1) is not None:
            runs.append(("fn" if m.group(1).isdigit() else "sup", m.group(1)))
        elif m.group(2) is not None:
            runs.append(("bold", m.group(2)))
        else:
            runs.append(("italic", m.group(3)))
        pos = m.end()
    if pos < len(s):
        runs.append(("plain", s[pos:]))
    return runs


# --------------------------------------------------------------------------- Word XML helpers


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _t(text: str) -> str:
    return f'<w:t xml:space="preserve">{_esc(text)}</w:t>'


def _run(text: str, *, italic=False, bold=False, sup=False, style=None, size=None, font=None) -> str:
    rpr = ""
    if style:
        rpr += f'<w:rStyle w:val="{style}"/>'
    if font:
        rpr += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
    if bold:
        rpr += "<w:b/>"
    if italic:
        rpr += "<w:i/>"
    if sup:
        rpr += '<w:vertAlign w:val="superscript"/>'
    if size:
        rpr += f'<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/>'
    return f"<w:r>{'<w:rPr>' + rpr + '</w:rPr>' if rpr else ''}{_t(text)}</w:r>"


class FootnoteWriter:
    """Writes real footnotes (first reference) and NOTEREF cross-references (repeats)."""

    def __init__(self, texts: dict[str, str]):
        self.texts = texts
        self.seen: dict[str, int] = {}   # printed number -> footnote w:id
        self.notes: list[str] = []        # <w:footnote> elements
        self._bookmark = 100

    def reference(self, number: str) -> str:
        if number in self.seen:
            # Repeated reference: cross-reference field to the first one (as Word's
            # "Insert > Cross-reference > Footnote number (formatted)" writes it).
            bm = f"_RefFn{number}"
            rs = '<w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            return (f'<w:r>{rs}<w:fldChar w:fldCharType="begin"/></w:r>'
                    f'<w:r>{rs}<w:instrText xml:space="preserve"> NOTEREF {bm} \\f \\h </w:instrText></w:r>'
                    f'<w:r>{rs}<w:fldChar w:fldCharType="separate"/></w:r>'
                    f'<w:r>{rs}{_t(number)}</w:r>'
                    f'<w:r>{rs}<w:fldChar w:fldCharType="end"/></w:r>')
        fid = len(self.seen) + 1
        self.seen[number] = fid
        self._bookmark += 1
        body = "".join(self._runs(self.texts[number]))
        self.notes.append(
            f'<w:footnote w:id="{fid}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:tab/></w:r>{body}</w:p></w:footnote>')
        return (f'<w:bookmarkStart w:id="{self._bookmark}" w:name="_RefFn{number}"/>'
                f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                f'<w:footnoteReference w:id="{fid}"/></w:r>'
                f'<w:bookmarkEnd w:id="{self._bookmark}"/>')

    @staticmethod
    def _runs(s: str) -> list[str]:
        return [_run(t, italic=(k == "italic"), bold=(k == "bold"), sup=(k == "sup"))
                for k, t in inline_runs(s)]

    def part_xml(self) -> str:
        return (f'<w:footnotes {nsdecls("w")}>'
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
                '<w:r><w:separator/></w:r></w:p></w:footnote>'
                '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
                '<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
                + "".join(self.notes) + "</w:footnotes>")


def body_runs(s: str, fw: FootnoteWriter, *, lead_italic: bool = True) -> str:
    out = []
    for kind, text in inline_runs(s):
        if kind == "fn":
            out.append(fw.reference(text))
        else:
            out.append(_run(text, italic=(kind == "italic"), bold=(kind == "bold"), sup=(kind == "sup")))
    return "".join(out)


def para_xml(content: str, *, style="SingleTxt", num: tuple[int, int] | None = None, extra_ppr="") -> str:
    ppr = f'<w:pStyle w:val="{style}"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    ppr += extra_ppr
    return f"<w:p {nsdecls('w')}><w:pPr>{ppr}</w:pPr>{content}</w:p>"


# --------------------------------------------------------------------------- styles / numbering

STYLES = [
    # (id, name, type, pPr, rPr)
    ("SingleTxt", "_ Single Txt", "paragraph",
     '<w:spacing w:after="120" w:line="240" w:lineRule="exact"/><w:ind w:left="1267" w:right="1267"/><w:jc w:val="both"/>',
     ""),
    ("PPTxt", "_ PP Txt", "paragraph",
     '<w:spacing w:after="120" w:line="240" w:lineRule="exact"/><w:ind w:left="1267" w:right="1267" w:firstLine="634"/><w:jc w:val="both"/>',
     ""),
    ("HCh", "_ H _Ch", "paragraph",
     '<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="240" w:line="270" w:lineRule="exact"/><w:ind w:left="1267" w:right="1267"/>',
     '<w:b/><w:spacing w:val="-2"/><w:sz w:val="28"/>'),
    ("Organ", "_ Organ", "paragraph", '<w:spacing w:after="0" w:line="400" w:lineRule="exact"/>', '<w:b/><w:sz w:val="34"/>'),
    ("Distr", "_ Distr", "paragraph", '<w:spacing w:after="0" w:line="240" w:lineRule="exact"/>', ""),
    ("SessionLine", "_ Session", "paragraph", '<w:spacing w:after="0" w:line="240" w:lineRule="exact"/>', ""),
    ("SponsorsTxt", "_ Sponsors", "paragraph",
     '<w:keepNext/><w:spacing w:before="240" w:after="240" w:line="240" w:lineRule="exact"/><w:ind w:left="1267" w:right="1267"/>',
     '<w:b/>'),
    ("FootnoteText", "footnote text", "paragraph",
     '<w:spacing w:after="0" w:line="210" w:lineRule="exact"/><w:ind w:left="1267" w:right="1267" w:hanging="274"/>',
     '<w:sz w:val="17"/>'),
    ("FootnoteReference", "footnote reference", "character", "", '<w:vertAlign w:val="superscript"/>'),
]


def add_styles(document) -> None:
    styles_el = document.styles.element
    # Normal: Times New Roman 10 pt, as in UN documents.
    for st in styles_el.findall(qn("w:style")):
        if st.get(qn("w:styleId")) == "Normal":
            st.append(parse_xml(
                f'<w:rPr {nsdecls("w")}><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
                'w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="20"/>'
                '<w:szCs w:val="20"/><w:lang w:val="fr-FR"/></w:rPr>'))
    for sid, name, typ, ppr, rpr in STYLES:
        xml = (f'<w:style {nsdecls("w")} w:type="{typ}" w:customStyle="1" w:styleId="{sid}">'
               f'<w:name w:val="{name}"/>'
               + ('<w:basedOn w:val="Normal"/>' if typ == "paragraph" else
                  '<w:basedOn w:val="DefaultParagraphFont"/>')
               + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "")
               + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "")
               + "</w:style>")
        styles_el.append(parse_xml(xml))


OP_NUM_ID = 41


def add_numbering(document) -> None:
    """One multi-level list for the OPs: 1. / (a) / (i), number then tab."""
    numbering = document.part.numbering_part.element
    lvls = [
        (0, "decimal", "%1.", 1267, 634),
        (1, "lowerLetter", "(%2)", 1267, 1267),
        (2, "lowerRoman", "(%3)", 1267, 1901),
    ]
    lvl_xml = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{left + first + 634}"/></w:tabs>'
        f'<w:ind w:left="{left}" w:firstLine="{first}"/></w:pPr>'
        f'<w:rPr><w:i w:val="0"/></w:rPr></w:lvl>'
        for i, fmt, text, left, first in lvls)
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{OP_NUM_ID}">'
        f'<w:multiLevelType w:val="multilevel"/>{lvl_xml}</w:abstractNum>')
    num = parse_xml(f'<w:num {nsdecls("w")} w:numId="{OP_NUM_ID}"><w:abstractNumId w:val="{OP_NUM_ID}"/></w:num>')
    # abstractNum elements must precede num elements
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)


def add_footnotes_part(document, fw: FootnoteWriter) -> None:
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, fw.part_xml().encode("utf-8"),
                document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    settings = document.settings.element
    pr = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
    # CT_Settings order: footnotePr comes after w:characterSpacingControl etc.; put it before
    # w:endnotePr / w:compat if present, else append.
    anchor = None
    for tag in ("w:endnotePr", "w:compat", "w:rsids", "m:mathPr", "w:themeFontLang", "w:clrSchemeMapping",
                "w:shapeDefaults", "w:decimalSymbol", "w:listSeparator"):
        try:
            anchor = settings.find(qn(tag))
        except KeyError:
            anchor = None
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(pr)
    else:
        settings.append(pr)


# --------------------------------------------------------------------------- document


def _set_para(p, xml: str) -> None:
    new = parse_xml(xml)
    p._p.getparent().replace(p._p, new)


def build_docx(parts: dict) -> bytes:
    document = docx.Document()
    add_styles(document)
    add_numbering(document)
    fw = FootnoteWriter(parts["footnotes"])

    sec = document.sections[0]
    sec.page_width, sec.page_height = Twips(12240), Twips(15840)      # US Letter (New York)
    sec.top_margin, sec.bottom_margin = Twips(1742), Twips(1898)
    sec.left_margin, sec.right_margin = Twips(1210), Twips(1210)
    sec.header_distance, sec.footer_distance = Twips(677), Twips(1037)
    sec.different_first_page_header_footer = True

    # Page furniture ----------------------------------------------------------------
    def fill(part_paragraphs, xmls):
        p0 = part_paragraphs[0]
        anchor = p0._p
        for x in xmls:
            el = parse_xml(x)
            anchor.addnext(el)
            anchor = el
        p0._p.getparent().remove(p0._p)

    tab_right = '<w:tabs><w:tab w:val="right" w:pos="9820"/></w:tabs>'
    fill(sec.first_page_header.paragraphs, [
        para_xml(_run("Nations Unies", size=17, bold=True) + "<w:r><w:tab/></w:r>"
                 + _run(SYMBOL, size=20), style="Header",
                 extra_ppr=tab_right + '<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="1" w:color="auto"/></w:pBdr>'),
    ])
    fill(sec.header.paragraphs, [
        para_xml(_run(SYMBOL, bold=True, size=9), style="Header",
                 extra_ppr='<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="auto"/></w:pBdr>'),
    ])
    fill(sec.first_page_footer.paragraphs, [
        para_xml(_run(JOB_LINE, size=10), style="Footer"),
        para_xml(_run(BARCODE, size=16, font="IDAutomationC39") + "<w:r><w:tab/></w:r>"
                 + _run("Merci de recycler", size=8), style="Footer", extra_ppr=tab_right),
    ])
    page_field = ('<w:r><w:rPr><w:b/><w:sz w:val="17"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
                  '<w:r><w:rPr><w:b/><w:sz w:val="17"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
                  '<w:r><w:rPr><w:b/><w:sz w:val="17"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>'
                  '<w:r><w:rPr><w:b/><w:sz w:val="17"/></w:rPr><w:t>2</w:t></w:r>'
                  '<w:r><w:rPr><w:b/><w:sz w:val="17"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>')
    fill(sec.footer.paragraphs, [
        para_xml(page_field + "<w:r><w:tab/></w:r>" + _run(JOB_NUMBER, size=9), style="Footer",
                 extra_ppr=tab_right + '<w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="auto"/></w:pBdr>'),
    ])

    # Body -------------------------------------------------------------------------
    body = document.element.body
    sect_pr = body.find(qn("w:sectPr"))
    for p in list(body.findall(qn("w:p"))):
        body.remove(p)

    def add(xml: str) -> None:
        sect_pr.addprevious(parse_xml(xml))

    # Header block: a borderless 2-column table, as UN templates have it.
    distr = para_xml(_run(SYMBOL), style="Distr")
    distr += "".join(para_xml(_run(line.strip()), style="Distr") for line in parts["distr"])
    add(f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="9820" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblBorders><w:bottom w:val="single" w:sz="12" w:space="0" w:color="auto"/></w:tblBorders>'
        '<w:tblLook w:val="0000"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="6900"/><w:gridCol w:w="2920"/></w:tblGrid><w:tr>'
        f'<w:tc><w:tcPr><w:tcW w:w="6900" w:type="dxa"/></w:tcPr>'
        f'{para_xml(_run(parts["organ"]), style="Organ")}</w:tc>'
        f'<w:tc><w:tcPr><w:tcW w:w="2920" w:type="dxa"/></w:tcPr>{distr}'
        f'{para_xml("", style="Distr")}</w:tc>'
        '</w:tr></w:tbl>')
    # the emblem as a real picture (an image part, w:drawing), above the organ's name
    emblem_cell = document.tables[0].cell(0, 0)
    emblem_p = emblem_cell.paragraphs[0].insert_paragraph_before()
    emblem_p.add_run().add_picture(io.BytesIO(emblem_png()), width=Twips(720))
    add(para_xml("", style="Distr"))
    for line in parts["session"]:
        k, t = inline_runs(line)[0] if line.startswith("**") else ("plain", line)
        add(para_xml(_run(t, bold=(k == "bold")), style="SessionLine"))
    sponsors = parts["sponsors"]
    sp = _run(sponsors[0], bold=True)
    for line in sponsors[1:]:
        sp += "<w:r><w:rPr><w:b/></w:rPr><w:br/></w:r>" + _run(line, bold=True)
    add(para_xml(sp, style="SponsorsTxt"))
    add(para_xml(_run(parts["title"]), style="HCh"))
    add(para_xml(_run(parts["opening"], italic=True), style="PPTxt"))
    for pp in parts["pps"]:
        add(para_xml(body_runs(pp, fw), style="PPTxt"))
    for op in parts["ops"]:
        add(para_xml(body_runs(op, fw), style="SingleTxt", num=(OP_NUM_ID, 0)))

    add_footnotes_part(document, fw)

    cp = document.core_properties
    import datetime as _dt
    stamp = _dt.datetime(2008, 11, 10, 9, 0, 0)
    cp.created = cp.modified = cp.last_printed = stamp
    cp.author = cp.last_modified_by = "DGACM"
    cp.title = f"{SYMBOL} (F)"
    cp.revision = 1
    cp.language = "fr-FR"

    buf = io.BytesIO()
    document.save(buf)
    return _normalise_zip(buf.getvalue())


def emblem_png(size: int = 48) -> bytes:
    """A small deterministic stand-in for the UN emblem (a blue disc), as PNG bytes."""
    import struct
    import zlib

    rows = []
    c = (size - 1) / 2
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            inside = (x - c) ** 2 + (y - c) ** 2 <= c * c
            row += bytes((0x5b, 0x92, 0xe5) if inside else (0xff, 0xff, 0xff))
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
            + chunk(b"IEND", b""))


def _normalise_zip(data: bytes) -> bytes:
    """Fixed member timestamps/order; drop the template thumbnail → reproducible bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            info = zipfile.ZipInfo(name, date_time=(2008, 11, 10, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()


# --------------------------------------------------------------------------- PDF


def convert_to_pdf(docx_path: Path, pdf_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("make_office_samples: LibreOffice is not installed (no 'soffice' on PATH); "
                 "install it with: apt-get install -y libreoffice-writer-nogui fonts-liberation")
    with tempfile.TemporaryDirectory(prefix="rc-soffice-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, str(docx_path)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
        except subprocess.TimeoutExpired:
            sys.exit("make_office_samples: LibreOffice did not finish the conversion within 180 s")
        produced = Path(tmp, docx_path.with_suffix(".pdf").name)
        if proc.returncode != 0 or not produced.exists():
            sys.exit(f"make_office_samples: LibreOffice conversion failed (exit {proc.returncode}): "
                     f"{(proc.stderr or proc.stdout).strip()[:500]}")
        shutil.copyfile(produced, pdf_path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--outdir", type=Path, default=HERE)
    ap.add_argument("--no-pdf", action="store_true", help="only build the .docx")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        sys.exit(f"make_office_samples: corpus file not found: {args.corpus}")
    parts = parse_markdown(args.corpus.read_text(encoding="utf-8"))
    if len(parts["pps"]) != 11 or len(parts["ops"]) != 14 or len(parts["footnotes"]) != 8:
        sys.exit(f"make_office_samples: unexpected Markdown structure: {len(parts['pps'])} PPs, "
                 f"{len(parts['ops'])} OPs, {len(parts['footnotes'])} footnotes (expected 11/14/8)")
    docx_path = args.outdir / f"{STEM}.docx"
    docx_path.write_bytes(build_docx(parts))
    print(f"wrote {docx_path}")
    if not args.no_pdf:
        pdf_path = args.outdir / f"{STEM}.pdf"
        convert_to_pdf(docx_path, pdf_path)
        print(f"wrote {pdf_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
