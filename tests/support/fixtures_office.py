"""Helpers for building tiny .docx files in tests (plain zip + WordprocessingML strings)."""
from __future__ import annotations

import io
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

_CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>"""

_ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

# A UN-style list: 1. / (a) / (i)
UN_NUMBERING = f"""<w:numbering {NS}>
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>
</w:numbering>"""


def p(content: str = "", *, num: tuple[int, int] | None = None, mark_deleted: bool = False,
      mark_moved: bool = False, style: str | None = None) -> str:
    """A paragraph; ``num`` = (numId, ilvl)."""
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if mark_deleted:
        ppr += '<w:rPr><w:del w:id="900" w:author="X" w:date="2008-11-10T00:00:00Z"/></w:rPr>'
    if mark_moved:
        ppr += '<w:rPr><w:moveFrom w:id="901" w:author="X" w:date="2008-11-10T00:00:00Z"/></w:rPr>'
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{content}</w:p>"


def r(text: str, *, italic: bool = False, bold: bool = False) -> str:
    rpr = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    return f'<w:r>{"<w:rPr>" + rpr + "</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def ins(text: str) -> str:
    return f'<w:ins w:id="1" w:author="X" w:date="2008-11-10T00:00:00Z">{r(text)}</w:ins>'


def dele(text: str) -> str:
    return (f'<w:del w:id="2" w:author="X" w:date="2008-11-10T00:00:00Z">'
            f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>')


def fnref(note_id: int) -> str:
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>'


def footnotes_xml(notes: dict[int, str]) -> str:
    body = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r>{r(" " + t)}</w:p></w:footnote>'
        for i, t in notes.items())
    return (f'<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
            f'{body}</w:footnotes>')


def make_docx(body: str, *, numbering: str | None = UN_NUMBERING, footnotes: str | None = None,
              styles: str | None = None, omit_document: bool = False,
              extra: dict[str, tuple[str, str | bytes]] | None = None) -> bytes:
    """Zip a minimal WordprocessingML package around ``body`` (the inside of w:body).
    ``extra`` adds parts related to the document: {rId: (relationship type, (target, content))}."""
    rels = []
    parts = {}
    if numbering:
        rels.append(("numbering", "numbering.xml"))
        parts["word/numbering.xml"] = numbering
    if footnotes:
        rels.append(("footnotes", "footnotes.xml"))
        parts["word/footnotes.xml"] = footnotes
    if styles:
        rels.append(("styles", "styles.xml"))
        parts["word/styles.xml"] = styles
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                + "".join(f'<Relationship Id="rId{i + 1}" Type="{_REL}{t}" Target="{tgt}"/>'
                          for i, (t, tgt) in enumerate(rels))
                + "".join(f'<Relationship Id="{rid}" Type="{_REL}{t}" Target="{tgt}"/>'
                          for rid, (t, (tgt, _)) in (extra or {}).items())
                + "</Relationships>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _ROOT_RELS)
        if not omit_document:
            z.writestr("word/document.xml", f'<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>')
        z.writestr("word/_rels/document.xml.rels", doc_rels)
        for name, xml in parts.items():
            z.writestr(name, xml)
        for _, (tgt, content) in (extra or {}).values():
            z.writestr("word/" + tgt, content)
    return buf.getvalue()
