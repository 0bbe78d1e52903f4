"""Generate the hostile-input corpus: every file is written by a function here into a
folder the caller chooses (a pytest tmp dir); nothing is downloaded or committed.

    python tests/hostile/make_hostile.py OUTDIR      # write them all and list them

Each ``make_*`` function takes the output folder and returns the path it wrote.
The XXE files point at a "secret" file (``write_secret``) holding a unique token;
tests assert that the token never appears in any output.
"""
from __future__ import annotations

import io
import os
import random
import struct
import sys
import uuid
import zipfile
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SAMPLE_DOCX = SAMPLES / "draft-rev1-2008-11-10.fr.docx"
SAMPLE_PDF = SAMPLES / "draft-rev1-2008-11-10.fr.pdf"
SAMPLE_MD = SAMPLES / "draft-rev1-2008-11-10.fr.md"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/></Types>')
_ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              f'<Relationship Id="rId1" Type="{_REL}officeDocument" Target="word/document.xml"/>'
              '</Relationships>')

BODY = ("<w:p><w:r><w:t>The General Assembly,</w:t></w:r></w:p>"
        "<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>Recalling</w:t></w:r><w:r><w:t xml:space=\"preserve\"> its resolution 61/180,</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>1. Urges Member States to act;</w:t></w:r></w:p>")


def document_xml(body: str = BODY, prolog: str = "") -> str:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>'


def docx_bytes(parts: dict[str, str | bytes], doc_rels: str = "") -> bytes:
    """A minimal .docx around ``parts`` (must include word/document.xml)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _ROOT_RELS)
        z.writestr("word/_rels/document.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f"{doc_rels}</Relationships>")
        for name, content in parts.items():
            z.writestr(name, content)
    return buf.getvalue()


def write_secret(out: Path) -> tuple[Path, str]:
    """A local file the XXE payloads try to read, holding a unique token."""
    token = f"TOPSECRET-{uuid.uuid4().hex}"
    path = out / "secret-delegation-notes.txt"
    path.write_text(f"{token}\n", encoding="utf-8")
    return path, token


# --------------------------------------------------------------------------- zip / .docx

def make_zip_bomb(out: Path, mib: int = 200) -> Path:
    """document.xml declares and really holds ``mib`` MiB of XML (~1000:1 compression)."""
    path = out / "zip_bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _ROOT_RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(f'<w:document {NS}><w:body><w:p><w:r><w:t>'.encode())
            chunk = b"A" * (1 << 20)
            for _ in range(mib):
                fh.write(chunk)
            fh.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


def make_zip_ratio_bomb(out: Path) -> Path:
    """A part under the size cap but compressed ~1000:1 (the ratio check)."""
    path = out / "zip_ratio_bomb.docx"
    filler = "<w:p><w:r><w:t>" + "A" * (20 << 20) + "</w:t></w:r></w:p>"
    path.write_bytes(docx_bytes({"word/document.xml": document_xml(filler)}))
    return path


def make_zip_many_members(out: Path, n: int = 20_000) -> Path:
    path = out / "zip_many_members.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _ROOT_RELS)
        z.writestr("word/document.xml", document_xml())
        for i in range(n):
            z.writestr(f"customXml/item{i}.xml", "<a/>")
    return path


def make_zip_lying_header(out: Path) -> Path:
    """document.xml's zip headers claim 2,000 bytes; the deflate stream holds 30 MiB."""
    big = document_xml("<w:p><w:r><w:t>" + "B" * (30 << 20) + "</w:t></w:r></w:p>").encode()
    data = bytearray(docx_bytes({"word/document.xml": big}))
    name = b"word/document.xml"
    fake = 2000
    # local file header: signature, …, compressed size @18, uncompressed size @22, name len @26
    pos = 0
    while True:
        pos = data.find(b"PK\x03\x04", pos)
        if pos < 0:
            break
        nlen = struct.unpack_from("<H", data, pos + 26)[0]
        if data[pos + 30: pos + 30 + nlen] == name:
            struct.pack_into("<I", data, pos + 22, fake)
        pos += 4
    # central directory entry: uncompressed size @24, name len @28, name @46
    pos = 0
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        if pos < 0:
            break
        nlen = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46: pos + 46 + nlen] == name:
            struct.pack_into("<I", data, pos + 24, fake)
        pos += 4
    path = out / "zip_lying_header.docx"
    path.write_bytes(bytes(data))
    return path


def make_truncated_docx(out: Path) -> Path:
    data = SAMPLE_DOCX.read_bytes()
    path = out / "truncated.docx"
    path.write_bytes(data[: int(len(data) * 0.6)])
    return path


def make_xxe_docx(out: Path, secret: Path) -> Path:
    """External entity reading a local file, in document.xml."""
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    body = "<w:p><w:r><w:t>The General Assembly,</w:t></w:r></w:p><w:p><w:r><w:t>1. Leaks &xxe; here;</w:t></w:r></w:p>"
    path = out / "xxe.docx"
    path.write_bytes(docx_bytes({"word/document.xml": document_xml(body, prolog)}))
    return path


def make_xxe_param_docx(out: Path, secret: Path) -> Path:
    """Parameter-entity XXE in the footnotes part (not document.xml), and relationships
    pointing at the secret file (External and not)."""
    foot = (f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY % p SYSTEM "file://{secret}"> %p;]>'
            f'<w:footnotes {NS}><w:footnote w:id="1"><w:p><w:r><w:t>note</w:t></w:r></w:p></w:footnote></w:footnotes>')
    rels = (f'<Relationship Id="rId1" Type="{_REL}footnotes" Target="footnotes.xml"/>'
            f'<Relationship Id="rId2" Type="{_REL}styles" Target="file://{secret}" TargetMode="External"/>'
            f'<Relationship Id="rId3" Type="{_REL}numbering" Target="{secret}"/>'
            f'<Relationship Id="rId4" Type="{_REL}header" Target="../../../../../../..{secret}"/>')
    body = BODY + '<w:p><w:r><w:t>2. Notes</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    path = out / "xxe_param.docx"
    path.write_bytes(docx_bytes({"word/document.xml": document_xml(body), "word/footnotes.xml": foot}, rels))
    return path


def billion_laughs_dtd(levels: int = 10) -> str:
    ents = ['<!ENTITY lol0 "lol">']
    for i in range(1, levels):
        ents.append(f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">')
    return "<!DOCTYPE lolz [" + "".join(ents) + "]>"


def make_billion_laughs_docx(out: Path) -> Path:
    body = "<w:p><w:r><w:t>1. &lol9;</w:t></w:r></w:p>"
    path = out / "billion_laughs.docx"
    path.write_bytes(docx_bytes({"word/document.xml": document_xml(body, billion_laughs_dtd())}))
    return path


def make_deep_docx(out: Path, depth: int = 30_000) -> Path:
    """Nesting far beyond anything Word writes (libxml2's depth limit)."""
    body = "<w:p>" + "<w:ins>" * depth + "<w:r><w:t>x</w:t></w:r>" + "</w:ins>" * depth + "</w:p>"
    path = out / "deep_nesting.docx"
    path.write_bytes(docx_bytes({"word/document.xml": document_xml(body)}))
    return path


# --------------------------------------------------------------------------- OLE/CFB (encrypted Office, old .doc)

_FREE, _END, _FATSECT, _NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def cfb_bytes(streams: list[tuple[str, bytes]]) -> bytes:
    """A minimal but valid Compound File Binary (v3, 512-byte sectors) holding
    ``streams`` in the root storage.  Streams are padded to the 4096-byte mini-stream
    cutoff so that all live in regular sectors (no mini FAT needed)."""
    assert 1 <= len(streams) <= 3
    streams = [(n, d + b"\0" * max(0, 4096 - len(d))) for n, d in streams]
    sectors: list[bytes] = []
    fat: list[int] = [_FATSECT, _END]          # sector 0: FAT, sector 1: directory
    starts = []
    next_sector = 2
    for _, d in streams:
        count = -(-len(d) // 512)
        starts.append(next_sector)
        fat.extend(list(range(next_sector + 1, next_sector + count)) + [_END])
        next_sector += count
    assert len(fat) <= 128
    fat += [_FREE] * (128 - len(fat))

    def entry(name: str, typ: int, left=_NOSTREAM, right=_NOSTREAM, child=_NOSTREAM, start=_END, size=0) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0" if name else b""
        e = raw.ljust(64, b"\0") + struct.pack("<HBB3I", len(raw), typ, 1, left, right, child)
        e += b"\0" * 16 + struct.pack("<I", 0) + b"\0" * 16 + struct.pack("<IQ", start, size)
        assert len(e) == 128
        return e

    # Directory: root (its child is entry 1); entries chained as right siblings (all black).
    dir_entries = [entry("Root Entry", 5, child=1)]
    for i, ((name, d), start) in enumerate(zip(streams, starts), start=1):
        right = i + 1 if i < len(streams) else _NOSTREAM
        dir_entries.append(entry(name, 2, right=right, start=start, size=len(d)))
    while len(dir_entries) < 4:
        dir_entries.append(entry("", 0))
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _END, 0, _END, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", _FREE) * 108
    assert len(header) == 512
    sectors.append(struct.pack("<128I", *fat))
    sectors.append(b"".join(dir_entries))
    for _, d in streams:
        sectors.append(d + b"\0" * (-len(d) % 512))
    return header + b"".join(sectors)


def make_encrypted_docx(out: Path) -> Path:
    """What Word writes for a password-protected .docx: an OLE/CFB container with
    EncryptionInfo (agile, version 4.4) and EncryptedPackage streams."""
    info = struct.pack("<HHI", 4, 4, 0x40) + (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">'
        b'<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
        b'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>'
        b"</encryption>")
    rnd = random.Random(6)
    package = struct.pack("<Q", 8192) + bytes(rnd.getrandbits(8) for _ in range(8192))
    path = out / "encrypted.docx"
    path.write_bytes(cfb_bytes([("EncryptionInfo", info), ("EncryptedPackage", package)]))
    return path


def make_old_doc_as_docx(out: Path) -> Path:
    """A Word 97-2003 binary (a CFB with a WordDocument stream) renamed .docx."""
    path = out / "old_word97.docx"
    path.write_bytes(cfb_bytes([("WordDocument", b"\xec\xa5" + b"\0" * 510), ("1Table", b"\0" * 512)]))
    return path


# --------------------------------------------------------------------------- PDF

def pdf_bytes(objects: list[bytes]) -> bytes:
    """Assemble numbered objects (1-based, in order) into a PDF with a correct xref."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _stream(data: bytes, extra: str = "") -> bytes:
    return f"<< /Length {len(data)} {extra}>>\nstream\n".encode() + data + b"\nendstream"


def make_image_only_pdf(out: Path) -> Path:
    """A 'scanned' page: one grey image, no text layer."""
    rnd = random.Random(1)
    pixels = bytes(rnd.randrange(160, 256) for _ in range(64 * 64))
    content = b"q 500 0 0 700 50 50 cm /Im1 Do Q"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
        _stream(pixels, "/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 "),
        _stream(content),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
    ]
    path = out / "scanned_image_only.pdf"
    path.write_bytes(pdf_bytes(objs))
    return path


def make_text_pdf(out: Path, text: str = "1. Urges Member States to act;", name: str = "tiny_text.pdf") -> Path:
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(content),
    ]
    path = out / name
    path.write_bytes(pdf_bytes(objs))
    return path


def make_page_bomb_pdf(out: Path, pages: int = 50_000) -> Path:
    """One small page referenced 50,000 times from the page tree."""
    content = b"BT /F1 12 Tf 72 720 Td (1. Urges Member States to act;) Tj ET"
    kids = " ".join(["3 0 R"] * pages)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(content),
    ]
    path = out / "page_bomb.pdf"
    path.write_bytes(pdf_bytes(objs))
    return path


def make_truncated_pdf(out: Path) -> Path:
    data = SAMPLE_PDF.read_bytes()
    path = out / "truncated.pdf"
    path.write_bytes(data[: len(data) // 2])
    return path


def make_garbage_pdf(out: Path) -> Path:
    rnd = random.Random(2)
    path = out / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(rnd.getrandbits(8) for _ in range(200_000)))
    return path


def make_tounicode_pdf(out: Path, mapping: dict[int, str], text: bytes, name: str) -> Path:
    """Helvetica whose ToUnicode map sends the given byte codes to UTF-16 hex strings
    (a character beyond the basic plane as a surrogate pair, or a control code)."""
    lines = "".join(f"<{code:02X}> <{hexs}>\n" for code, hexs in mapping.items())
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
            "1 begincodespacerange <00> <FF> endcodespacerange "
            f"{len(mapping)} beginbfchar\n{lines}endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    content = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        _stream(content),
        _stream(cmap.encode()),
    ]
    path = out / name
    path.write_bytes(pdf_bytes(objs))
    return path


def make_astral_pdf(out: Path) -> Path:
    """'1. Urges X to act;' where X is U+20000 (CJK Extension B) given as D840 DC00."""
    return make_tounicode_pdf(out, {0x58: "D840DC00"}, b"1. Urges X to act;", "astral_char.pdf")


def make_control_pdf(out: Path) -> Path:
    """A ToUnicode map that yields control codes (U+0001, U+001B) and a lone surrogate."""
    return make_tounicode_pdf(out, {0x58: "0001", 0x59: "001B", 0x5A: "D800"}, b"1. Urges X Y Z to act;",
                              "control_chars.pdf")


def _one_page_pdf(content_obj: bytes) -> bytes:
    return pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        content_obj,
    ])


def make_pdf_decompression_bomb(out: Path, mib: int = 700) -> Path:
    """A ~1 MB PDF whose one content stream inflates to ``mib`` MiB (a comment, then text)."""
    import zlib

    comp = zlib.compressobj(6)
    parts = [comp.compress(b"BT /F1 12 Tf 72 720 Td (1. Urges Member States to act;) Tj ET\n%")]
    chunk = b"A" * (1 << 20)
    for _ in range(mib):
        parts.append(comp.compress(chunk))
    parts.append(comp.compress(b"\n") + comp.flush())
    data = b"".join(parts)
    path = out / "pdf_decompression_bomb.pdf"
    path.write_bytes(_one_page_pdf(_stream(data, "/Filter /FlateDecode ")))
    return path


def make_pdf_many_objects(out: Path, n: int = 1_000_000) -> Path:
    """One page with a million tiny text objects (compressed: a small file)."""
    import zlib

    ops = b"BT /F1 1 Tf 300 400 Td (a) Tj ET\n" * n
    path = out / "pdf_many_objects.pdf"
    path.write_bytes(_one_page_pdf(_stream(zlib.compress(ops, 6), "/Filter /FlateDecode ")))
    return path


# --------------------------------------------------------------------------- text / HTML

def make_utf16_txt(out: Path, bom: bool = True) -> Path:
    text = SAMPLE_MD.read_text(encoding="utf-8")
    path = out / ("utf16_bom.txt" if bom else "utf16le_nobom.txt")
    path.write_bytes(text.encode("utf-16") if bom else text.encode("utf-16-le"))
    return path


def make_cp1252_txt(out: Path) -> Path:
    text = SAMPLE_MD.read_text(encoding="utf-8").replace("\u2019", "'").replace("\u202f", " ").replace("\u00a0", " ")
    path = out / "windows1252.txt"
    path.write_bytes(text.encode("cp1252", errors="replace"))
    return path


def make_binary_txt(out: Path) -> Path:
    rnd = random.Random(3)
    path = out / "binary.txt"
    path.write_bytes(bytes(rnd.getrandbits(8) for _ in range(100_000)))
    return path


def make_png_as_txt(out: Path) -> Path:
    path = out / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    return path


def make_text_then_binary(out: Path) -> Path:
    """Real text for 300 KB, then 300 KB of binary junk."""
    rnd = random.Random(4)
    text = (SAMPLE_MD.read_text(encoding="utf-8") * 10).encode()[:300_000]
    junk = bytes(rnd.choice([0, 1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 27, 127]) for _ in range(300_000))
    path = out / "text_then_binary.md"
    path.write_bytes(text + junk)
    return path


def make_big_txt(out: Path, mib: int = 50) -> Path:
    """A 50 MiB text (real paragraphs repeated)."""
    unit = SAMPLE_MD.read_bytes()
    path = out / "big_50mb.txt"
    with open(path, "wb") as fh:
        written = 0
        while written < mib << 20:
            fh.write(unit)
            written += len(unit)
    return path


def make_emphasis_bomb_md(out: Path) -> Path:
    """270 KB of unpaired emphasis stars (90,000 words: under the per-paragraph word limit) and
    unclosed comments (regex backtracking)."""
    path = out / "emphasis_bomb.md"
    path.write_text("The General Assembly,\n\n1. " + "*a " * 90_000 + "\n\n2. " + "<!-- x " * 50_000 + "\n",
                    encoding="utf-8")
    return path


def make_xxe_html(out: Path, secret: Path) -> Path:
    path = out / "xxe.html"
    path.write_text(
        f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">'
        f'<!ENTITY % p SYSTEM "file://{secret}"> %p;]>'
        '<html><body><p>The General Assembly,</p><p>1. Leaks &xxe; here;</p>'
        f'<iframe src="file://{secret}"></iframe><img src="file://{secret}"/>'
        f'<p>2. <object data="file://{secret}">x</object>Requests a report.</p></body></html>',
        encoding="utf-8")
    return path


def make_billion_laughs_html(out: Path) -> Path:
    path = out / "billion_laughs.html"
    path.write_text(billion_laughs_dtd() + "<html><body><p>The General Assembly,</p><p>1. &lol9;</p></body></html>",
                    encoding="utf-8")
    return path


def make_italic_bomb_html(out: Path) -> Path:
    path = out / "italic_bomb.html"
    path.write_text("<html><body><p>" + "<i>a<b>b</b>c</i>" * 40_000 + "</p></body></html>", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- characters, slow patterns, limits

def make_control_chars_txt(out: Path) -> Path:
    """A Word line break (\\v), a form feed inside a line, C0 controls and bytes that are not UTF-8."""
    path = out / "control_chars.txt"
    path.write_bytes(b"The General Assembly,\n\n1. Urges\x0b all \x01States to act \xed\xa0\x80 on it;\n\n"
                     b"2. Requests\x0c a report.\n")
    return path


def make_non_utf8_name(out: Path) -> Path:
    """An ordinary text whose file name is not UTF-8 (Python sees lone surrogates)."""
    path = Path(os.fsdecode(bytes(out) + b"/draft\xff\xfe name.txt"))
    path.write_bytes(SAMPLE_MD.read_bytes())
    return path


def make_spaces_txt(out: Path, n: int = 100_000) -> Path:
    """100 KB of spaces in one paragraph (the hard case of the hard-break pattern)."""
    path = out / "spaces.txt"
    path.write_text("The General Assembly,\n\n1. Urges" + " " * n + "x\n" + " " * n + "all to act;\n", encoding="utf-8")
    return path


def make_form_feeds_txt(out: Path, n: int = 100_000) -> Path:
    path = out / "form_feeds.txt"
    path.write_text("The General Assembly,\n\n1. Urges all to act;\n" + "\f" * n + "\n2. Requests a report.\n",
                    encoding="utf-8")
    return path


def make_numbers_only_txt(out: Path, n: int = 100_000) -> Path:
    """One block that structure splits into 100,000 operative paragraphs."""
    path = out / "numbers_only.txt"
    path.write_text("The General Assembly,\n\n" + "1.\n" * n, encoding="utf-8")
    return path


def make_many_paragraphs_txt(out: Path, n: int = 19_990) -> Path:
    """Just under the paragraph limit: distinct paragraphs of ordinary words (preambular
    ones: operative numbers stop at 9999)."""
    words = ("Member States cooperation trafficking persons victims protection report Secretary-General "
             "international assistance measures national legislation").split()
    rnd = random.Random(16)
    paras = [f"Recalling {i} " + " ".join(rnd.choice(words) for _ in range(12)) + "," for i in range(1, n + 1)]
    path = out / "many_paragraphs.txt"
    path.write_text("The General Assembly,\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
    return path


def make_html_browser_quirks(out: Path) -> Path:
    """Normal HTML5 that an old parser loses text on: a void <embed>, a body inside a
    <form>, a <button> inside a paragraph."""
    path = out / "browser_quirks.html"
    path.write_text(
        "<!DOCTYPE html><html><body><form action='x'><p>The General Assembly,</p>"
        "<p><i>Recalling</i> its resolution 61/180, <embed src='movie.swf'> of 2006,</p>"
        "<p>1. Urges Member States <button type='button'>Copy</button> to act;</p>"
        "<p>2. Requests a report.</p></form></body></html>", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- all

def make_all(out: Path) -> tuple[dict[str, Path], str]:
    """Write every hostile file into ``out``; returns ({name: path}, secret token)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    secret, token = write_secret(out)
    makers: dict[str, Callable[[], Path]] = {
        "zip_bomb": lambda: make_zip_bomb(out),
        "zip_ratio_bomb": lambda: make_zip_ratio_bomb(out),
        "zip_many_members": lambda: make_zip_many_members(out),
        "zip_lying_header": lambda: make_zip_lying_header(out),
        "truncated_docx": lambda: make_truncated_docx(out),
        "xxe_docx": lambda: make_xxe_docx(out, secret),
        "xxe_param_docx": lambda: make_xxe_param_docx(out, secret),
        "billion_laughs_docx": lambda: make_billion_laughs_docx(out),
        "deep_docx": lambda: make_deep_docx(out),
        "encrypted_docx": lambda: make_encrypted_docx(out),
        "old_doc": lambda: make_old_doc_as_docx(out),
        "image_only_pdf": lambda: make_image_only_pdf(out),
        "page_bomb_pdf": lambda: make_page_bomb_pdf(out),
        "truncated_pdf": lambda: make_truncated_pdf(out),
        "garbage_pdf": lambda: make_garbage_pdf(out),
        "utf16_txt": lambda: make_utf16_txt(out),
        "utf16_nobom_txt": lambda: make_utf16_txt(out, bom=False),
        "cp1252_txt": lambda: make_cp1252_txt(out),
        "binary_txt": lambda: make_binary_txt(out),
        "png_txt": lambda: make_png_as_txt(out),
        "text_then_binary": lambda: make_text_then_binary(out),
        "big_txt": lambda: make_big_txt(out),
        "emphasis_bomb_md": lambda: make_emphasis_bomb_md(out),
        "xxe_html": lambda: make_xxe_html(out, secret),
        "billion_laughs_html": lambda: make_billion_laughs_html(out),
        "italic_bomb_html": lambda: make_italic_bomb_html(out),
        "astral_pdf": lambda: make_astral_pdf(out),
        "control_pdf": lambda: make_control_pdf(out),
        "control_chars_txt": lambda: make_control_chars_txt(out),
        "non_utf8_name": lambda: make_non_utf8_name(out),
        "spaces_txt": lambda: make_spaces_txt(out),
        "form_feeds_txt": lambda: make_form_feeds_txt(out),
        "numbers_only_txt": lambda: make_numbers_only_txt(out),
        "many_paragraphs_txt": lambda: make_many_paragraphs_txt(out),
        "browser_quirks_html": lambda: make_html_browser_quirks(out),
        "pdf_decompression_bomb": lambda: make_pdf_decompression_bomb(out),
        "pdf_many_objects": lambda: make_pdf_many_objects(out),
    }
    return {name: make() for name, make in makers.items()}, token


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-out")
    files, _ = make_all(target)
    for name, p in files.items():
        print(f"{name:22} {os.path.getsize(p):>12,}  {p}")
