"""The .docx package, opened safely: zip directory checked before inflating, bounded
inflation, no DTDs, no entities, no external relationships; OLE containers named."""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from typing import Optional

from lxml import etree

from ...errors import CorruptFileError, EncryptedFileError, TooLargeError, UnsupportedFormatError
from ...namespaces import PKG_REL
from ..safety import current_limits, tick


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


_RATIO_MIN_BYTES = 1024 * 1024            # the ratio check applies to parts larger than this


_DOCTYPE_MARKS = tuple("<!DOCTYPE".encode(enc) for enc in ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))


def xml_parser() -> etree.XMLParser:
    # lxml's defaults already refuse external entities (resolve_entities="internal",
    # no_network=True, load_dtd=False, huge_tree=False); we go further: no entity is
    # resolved at all, and a part with a DTD never reaches the parser (Package.xml).
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           remove_blank_text=False, load_dtd=False, dtd_validation=False,
                           attribute_defaults=False, remove_pis=True)



#: the part names Word writes: only these are named in an error (a crafted package may name a part
#: with words of its own, and the message must not carry text from inside the file)
_STANDARD_PART = re.compile(
    r"(?:word/(?:document|styles|stylesWithEffects|numbering|footnotes|endnotes|settings|comments|fontTable|"
    r"webSettings|people|commentsExtended|header\d{1,3}|footer\d{1,3}|theme/theme\d{1,3}|glossary/document)\.xml"
    r"|(?:word/)?_rels/(?:document\.xml)?\.rels|word/_rels/(?:footnotes|endnotes|header\d{1,3}|footer\d{1,3})\.xml\.rels"
    r"|\[Content_Types\]\.xml|docProps/(?:core|app|custom)\.xml)")


def part_label(name: str) -> str:
    """``name`` if Word writes a part of that name, else a neutral phrase."""
    return name if _STANDARD_PART.fullmatch(name) else "a part with a non-standard name"


class Package:
    def __init__(self, data: bytes, source: str):
        self.source = source
        self.limits = current_limits()
        self.inflated = 0
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise CorruptFileError(source, f"not a valid Word .docx file ({_zip_reason(exc)})") from None
        lim = self.limits
        # Everything below is decided from the zip directory, before inflating a byte.
        if len(infos) > lim.max_zip_members:
            raise TooLargeError(source, f"the .docx archive has {len(infos):,} members, over the "
                                        f"{lim.max_zip_members:,} limit (a zip bomb?)")
        declared = sum(i.file_size for i in infos)
        if declared > lim.max_unzipped_bytes:
            raise TooLargeError(source, f"the .docx archive would unpack to {declared / 1_048_576:,.0f} MiB, over the "
                                        f"{lim.max_unzipped_bytes / 1_048_576:,.0f} MiB limit (a zip bomb?)")
        self.infos = {i.filename: i for i in infos}
        self.names = set(self.infos)

    def read(self, name: str) -> Optional[bytes]:
        if name not in self.names:
            return None
        info = self.infos[name]
        lim = self.limits
        if info.flag_bits & 0x1:
            raise EncryptedFileError(self.source, f"part {part_label(name)} of the .docx is encrypted; remove the password and try again")
        if info.file_size > lim.max_part_bytes:
            raise TooLargeError(self.source, f"part {part_label(name)} of the .docx would unpack to "
                                             f"{info.file_size / 1_048_576:,.0f} MiB, over the "
                                             f"{lim.max_part_bytes / 1_048_576:,.0f} MiB limit")
        if info.file_size > _RATIO_MIN_BYTES and info.file_size > lim.max_zip_ratio * max(info.compress_size, 1):
            raise TooLargeError(self.source, f"part {part_label(name)} of the .docx is compressed "
                                             f"{info.file_size / max(info.compress_size, 1):,.0f} to 1, "
                                             f"over the {lim.max_zip_ratio:g} limit (a zip bomb?)")
        tick(self.source)
        # Inflate through a bounded stream: never more than the declared size (+1 to
        # catch a header that lies), never more than the budget left for the file.
        cap = min(info.file_size, lim.max_part_bytes, max(lim.max_unzipped_bytes - self.inflated, 0))
        try:
            with self.zip.open(info) as fh:
                chunks = []
                got = 0
                while got <= cap:
                    chunk = fh.read(min(1 << 20, cap + 1 - got))
                    if not chunk:
                        break
                    chunks.append(chunk)
                    got += len(chunk)
                    tick(self.source)
        except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError,
                KeyError) as exc:
            raise CorruptFileError(self.source, f"not a valid Word .docx file (damaged part {part_label(name)}: {exc})") from None
        except RuntimeError as exc:   # zipfile: "File … is encrypted, password required"
            if "encrypt" in str(exc).lower() or "password" in str(exc).lower():
                raise EncryptedFileError(self.source, f"part {part_label(name)} of the .docx is encrypted; "
                                                      "remove the password and try again") from None
            raise CorruptFileError(self.source, f"not a valid Word .docx file (damaged part {part_label(name)}: {exc})") from None
        if got > cap:
            if got > info.file_size:
                raise CorruptFileError(self.source, f"not a valid Word .docx file (part {part_label(name)} is larger than "
                                                    "its zip header says)")
            raise TooLargeError(self.source, "the .docx unpacks to more than "
                                             f"{lim.max_unzipped_bytes / 1_048_576:,.0f} MiB (a zip bomb?)")
        self.inflated += got
        return b"".join(chunks)

    def xml(self, name: str) -> Optional[etree._Element]:
        raw = self.read(name)
        if raw is None:
            return None
        if any(mark in raw for mark in _DOCTYPE_MARKS):
            raise CorruptFileError(self.source, f"refused: part {part_label(name)} of the .docx declares a DTD, which Word "
                                                "never writes (a crafted file?)")
        try:
            root = etree.fromstring(raw, xml_parser())
        except etree.XMLSyntaxError as exc:
            msg = exc.msg or ""
            if "depth" in msg.lower():
                msg = "elements nested too deeply (over 256 levels)"
            elif "amplification" in msg.lower() or "entity" in msg.lower():
                msg = "entity tricks refused"
            else:
                msg = "malformed XML"       # libxml2's message names tags and text of the file
            raise CorruptFileError(self.source, f"not a valid Word .docx file (damaged XML in {part_label(name)}: {msg})") from None
        docinfo = root.getroottree().docinfo
        if docinfo.internalDTD is not None or docinfo.externalDTD is not None or docinfo.doctype:
            raise CorruptFileError(self.source, f"refused: part {part_label(name)} of the .docx declares a DTD, which Word "
                                                "never writes (a crafted file?)")
        return root

    def rels(self, part: str) -> dict[str, str]:
        """Relationship type suffix → target part name, for ``part`` (the first of each type)."""
        out: dict[str, str] = {}
        for typ, name in self.rel_list(part):
            out.setdefault(typ, name)
        return out

    def rel_list(self, part: str) -> list[tuple[str, str]]:
        """All internal relationships of ``part`` as (type suffix, target part name)."""
        d, base = posixpath.split(part)
        root = self.xml(posixpath.join(d, "_rels", base + ".rels"))
        out: list[tuple[str, str]] = []
        if root is None:
            return out
        for rel in root.findall(f"{{{PKG_REL}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            typ = (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target") or ""
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(d, target))
            out.append((typ, name))
        return out


def rel_targets(pkg: Package, part: str) -> dict[str, str]:
    """Relationship id → target (part name, or the URL of an external link) for ``part``."""
    d, base = posixpath.split(part)
    root = pkg.xml(posixpath.join(d, "_rels", base + ".rels"))
    out: dict[str, str] = {}
    if root is None:
        return out
    for rel in root.findall(f"{{{PKG_REL}}}Relationship"):
        target = rel.get("Target") or ""
        if rel.get("TargetMode") != "External":
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(d, target))
        out[rel.get("Id") or ""] = target
    return out


def _zip_reason(exc: BaseException) -> str:
    msg = str(exc) or exc.__class__.__name__
    if "not a zip file" in msg.lower():
        # it starts like a zip (checked by read_docx) but its directory at the end is missing
        return "the zip archive is incomplete: truncated or damaged, download or save it again"
    return f"damaged zip archive: {msg}"


def refuse_ole(data: bytes, source: str) -> None:
    """An OLE/CFB container, not a zip: say which kind (its directory names its streams)."""
    head = data[: 4 * 1024 * 1024]
    if "EncryptionInfo".encode("utf-16-le") in head or "EncryptedPackage".encode("utf-16-le") in head:
        raise EncryptedFileError(
            source,
            "this Word file is password-protected (encrypted); open it in Word, remove the password "
            "(File > Info > Protect Document) and save it, then try again",
        )
    if "WordDocument".encode("utf-16-le") in head:
        raise UnsupportedFormatError(
            source,
            "this is an old binary Word .doc file (Word 97-2003, possibly password-protected), not a .docx; "
            "open it in Word and save it as .docx, then try again",
        )
    raise EncryptedFileError(
        source,
        "this Word file is password-protected (encrypted) or an old binary .doc; "
        "remove the password or save it as .docx in Word, then try again",
    )
