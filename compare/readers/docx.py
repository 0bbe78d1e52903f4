"""Word .docx → :class:`~compare.model.RawDocument`.

Reads the OOXML package directly with :mod:`zipfile` and lxml (no python-docx
object model: we need footnotes, numbering and tracked changes, which it does not
expose).  What comes out:

* one :class:`Block` per non-empty body paragraph, in order (table cells
  included, cell by cell), emphasis removed;
* Word automatic numbering rendered as it prints (``"1."``, ``"(a)"``,
  ``"(i)"`` …) into :attr:`Block.label`, with :attr:`Block.level` = ``ilvl``;
  counters are kept per list as Word does (``abstractNum`` shared by several
  ``num`` continues, ``startOverride`` restarts, lower levels restart when a
  higher one advances unless ``lvlRestart`` says otherwise);
* the leading italic run(s) as :attr:`Block.italic_lead`;
* footnote references written as :func:`~compare.model.marker` with the number
  Word prints: footnotes are numbered in order of reference (``footnotePr``
  ``numStart``/``numFmt`` honoured), a ``customMarkFollows`` reference uses its
  custom mark, and a ``NOTEREF`` cross-reference field (how a second reference
  to the same note is written) becomes a marker with the field's result;
* the footnotes themselves after the body, in number order, as
  ``Block(kind="footnote", label=n)`` (separator notes skipped; endnotes follow
  as footnote blocks labelled the way Word numbers them, ``i``, ``ii`` …);
* headers, footers, comments, drawings/text boxes and hidden text are ignored;
* tracked changes are read in their ACCEPTED view (``w:ins``/``w:moveTo`` kept,
  ``w:del``/``w:moveFrom`` dropped, a paragraph whose mark is deleted merged
  with the next one, deleted table rows dropped) and a warning says so.

The input bytes are never written; every error is one :mod:`compare.errors` line.

Hostile files (limits in :class:`~compare.readers.safety.Limits`): the zip
directory is checked before anything is inflated (member count, total declared
size, per-part size and compression ratio), parts are inflated through a bounded
stream with a running budget, any part carrying a DTD is refused (XXE, billion
laughs), the XML parser resolves no entities and loads nothing, and external
relationships (links to files or URLs) are never followed.  A password-protected
file (an OLE/CFB container with an ``EncryptionInfo`` stream, not a zip) and an
old binary ``.doc`` renamed ``.docx`` are recognised and named as such.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Iterable, Optional

from lxml import etree

from ..errors import CorruptFileError, EmptyInputError, EncryptedFileError, TooLargeError, UnsupportedFormatError
from ..numerals import to_roman
from ..model import Block, Dropped, RawDocument, marker
from .safety import count_blocks, current_limits, tick

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
V_NS = "urn:schemas-microsoft-com:vml"

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RATIO_MIN_BYTES = 1024 * 1024            # the ratio check applies to parts larger than this
_DOCTYPE_MARKS = tuple("<!DOCTYPE".encode(enc) for enc in ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"

TRACKED_WARNING = "contains tracked changes; read as if all were accepted"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_TRACK_TAGS = {w(t) for t in ("ins", "del", "moveFrom", "moveTo", "pPrChange", "rPrChange",
                               "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange",
                               "cellIns", "cellDel", "cellMerge", "numberingChange")}
_REMOVED = {w("del"), w("moveFrom")}
_TRANSPARENT = {w("ins"), w("moveTo"), w("hyperlink"), w("smartTag"), w("customXml"),
                w("fldSimple"), w("dir"), w("bdo")}
_SKIP = {w("pPr"), w("rPr"), w("proofErr"), w("bookmarkStart"), w("bookmarkEnd"),
         w("commentRangeStart"), w("commentRangeEnd"), w("permStart"), w("permEnd"),
         w("moveFromRangeStart"), w("moveFromRangeEnd"), w("moveToRangeStart"), w("moveToRangeEnd")}


# --------------------------------------------------------------------------- package


def _parser() -> etree.XMLParser:
    # lxml's defaults already refuse external entities (resolve_entities="internal",
    # no_network=True, load_dtd=False, huge_tree=False); we go further: no entity is
    # resolved at all, and a part with a DTD never reaches the parser (_Package.xml).
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           remove_blank_text=False, load_dtd=False, dtd_validation=False,
                           attribute_defaults=False, remove_pis=True)


class _Package:
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
            raise EncryptedFileError(self.source, f"part {name} of the .docx is encrypted; remove the password and try again")
        if info.file_size > lim.max_part_bytes:
            raise TooLargeError(self.source, f"part {name} of the .docx would unpack to "
                                             f"{info.file_size / 1_048_576:,.0f} MiB, over the "
                                             f"{lim.max_part_bytes / 1_048_576:,.0f} MiB limit")
        if info.file_size > _RATIO_MIN_BYTES and info.file_size > lim.max_zip_ratio * max(info.compress_size, 1):
            raise TooLargeError(self.source, f"part {name} of the .docx is compressed "
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
            raise CorruptFileError(self.source, f"not a valid Word .docx file (damaged part {name}: {exc})") from None
        except RuntimeError as exc:   # zipfile: "File … is encrypted, password required"
            if "encrypt" in str(exc).lower() or "password" in str(exc).lower():
                raise EncryptedFileError(self.source, f"part {name} of the .docx is encrypted; "
                                                      "remove the password and try again") from None
            raise CorruptFileError(self.source, f"not a valid Word .docx file (damaged part {name}: {exc})") from None
        if got > cap:
            if got > info.file_size:
                raise CorruptFileError(self.source, f"not a valid Word .docx file (part {name} is larger than "
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
            raise CorruptFileError(self.source, f"refused: part {name} of the .docx declares a DTD, which Word "
                                                "never writes (a crafted file?)")
        try:
            root = etree.fromstring(raw, _parser())
        except etree.XMLSyntaxError as exc:
            msg = exc.msg or ""
            if "depth" in msg.lower():
                msg = "elements nested too deeply (over 256 levels)"
            elif "amplification" in msg.lower() or "entity" in msg.lower():
                msg = "entity tricks refused"
            raise CorruptFileError(self.source, f"not a valid Word .docx file (damaged XML in {name}: {msg})") from None
        docinfo = root.getroottree().docinfo
        if docinfo.internalDTD is not None or docinfo.externalDTD is not None or docinfo.doctype:
            raise CorruptFileError(self.source, f"refused: part {name} of the .docx declares a DTD, which Word "
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


def _rel_targets(pkg: "_Package", part: str) -> dict[str, str]:
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


# --------------------------------------------------------------------------- styles


@dataclass
class _Style:
    type: str
    based_on: Optional[str]
    name: str
    italic: Optional[bool]
    bold: Optional[bool]
    num_id: Optional[str]
    ilvl: Optional[int]
    outline: Optional[int]


def _on(el: Optional[etree._Element]) -> Optional[bool]:
    if el is None:
        return None
    val = el.get(w("val"))
    return val not in ("0", "false", "off", "none")


class _Styles:
    def __init__(self, root: Optional[etree._Element]):
        self.styles: dict[str, _Style] = {}
        self.default_para: Optional[str] = None
        self.default_italic = self.default_bold = False
        if root is None:
            return
        rpr = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        if rpr is not None:
            self.default_italic = bool(_on(rpr.find(w("i"))))
            self.default_bold = bool(_on(rpr.find(w("b"))))
        for st in root.findall(w("style")):
            sid = st.get(w("styleId"))
            if not sid:
                continue
            rpr = st.find(w("rPr"))
            ppr = st.find(w("pPr"))
            num = ppr.find(w("numPr")) if ppr is not None else None
            num_id = ilvl = outline = None
            if num is not None:
                n = num.find(w("numId"))
                num_id = n.get(w("val")) if n is not None else None
                lv = num.find(w("ilvl"))
                ilvl = _int(lv.get(w("val")) if lv is not None else None, None)
            if ppr is not None and ppr.find(w("outlineLvl")) is not None:
                outline = _int(ppr.find(w("outlineLvl")).get(w("val")), None)
            name_el = st.find(w("name"))
            based = st.find(w("basedOn"))
            self.styles[sid] = _Style(
                type=st.get(w("type")) or "paragraph",
                based_on=based.get(w("val")) if based is not None else None,
                name=(name_el.get(w("val")) if name_el is not None else sid) or sid,
                italic=_on(rpr.find(w("i"))) if rpr is not None else None,
                bold=_on(rpr.find(w("b"))) if rpr is not None else None,
                num_id=num_id, ilvl=ilvl, outline=outline,
            )
            if st.get(w("type")) == "paragraph" and st.get(w("default")) in ("1", "true", "on"):
                self.default_para = sid

    def chain(self, sid: Optional[str]) -> Iterable[_Style]:
        seen = set()
        while sid and sid in self.styles and sid not in seen and len(seen) < 50:
            seen.add(sid)
            st = self.styles[sid]
            yield st
            sid = st.based_on

    def prop(self, sid: Optional[str], attr: str):
        for st in self.chain(sid):
            v = getattr(st, attr)
            if v is not None:
                return v
        return None


def _int(s: Optional[str], default):
    try:
        return int(s) if s is not None else default
    except ValueError:
        return default


# --------------------------------------------------------------------------- numbering


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: Optional[int] = None   # lvlRestart value, None = default behaviour
    legal: bool = False


@dataclass
class _Num:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)       # ilvl → startOverride
    level_overrides: dict[int, _Level] = field(default_factory=dict)


def _parse_level(lvl: etree._Element, base: Optional[_Level] = None) -> _Level:
    out = _Level(**vars(base)) if base else _Level()
    el = lvl.find(w("start"))
    if el is not None:
        out.start = _int(el.get(w("val")), out.start)
    el = lvl.find(w("numFmt"))
    if el is not None:
        out.fmt = el.get(w("val")) or "decimal"
    el = lvl.find(w("lvlText"))
    if el is not None:
        out.text = el.get(w("val")) or ""
    el = lvl.find(w("lvlRestart"))
    if el is not None:
        out.restart = _int(el.get(w("val")), None)
    out.legal = bool(_on(lvl.find(w("isLgl"))))
    return out


class _Numbering:
    """Computes the label Word renders for each numbered paragraph, in document order."""

    def __init__(self, root: Optional[etree._Element], styles: _Styles):
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.abstract_link: dict[str, str] = {}     # abstractNum id → numStyleLink style id
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, list[Optional[int]]] = {}
        self.started_nums: set[str] = set()
        self.styles = styles
        if root is None:
            return
        for an in root.findall(w("abstractNum")):
            aid = an.get(w("abstractNumId"))
            levels = {}
            for lvl in an.findall(w("lvl")):
                levels[_int(lvl.get(w("ilvl")), 0)] = _parse_level(lvl)
            self.abstract[aid] = levels
            link = an.find(w("numStyleLink"))
            if link is not None:
                self.abstract_link[aid] = link.get(w("val"))
        for num in root.findall(w("num")):
            nid = num.get(w("numId"))
            ab = num.find(w("abstractNumId"))
            if nid is None or ab is None:
                continue
            n = _Num(abstract=ab.get(w("val")))
            for ov in num.findall(w("lvlOverride")):
                il = _int(ov.get(w("ilvl")), 0)
                so = ov.find(w("startOverride"))
                if so is not None:
                    n.overrides[il] = _int(so.get(w("val")), 1)
                lvl = ov.find(w("lvl"))
                if lvl is not None:
                    n.level_overrides[il] = _parse_level(lvl)
                    if so is None and lvl.find(w("start")) is not None:
                        n.overrides[il] = n.level_overrides[il].start
            self.nums[nid] = n

    def _abstract_of(self, num_id: str) -> Optional[str]:
        num = self.nums.get(num_id)
        if num is None:
            return None
        aid = num.abstract
        for _ in range(5):  # numStyleLink → style's numId → its abstractNum
            link = self.abstract_link.get(aid)
            if not link or self.abstract.get(aid):
                break
            nid = self.styles.prop(link, "num_id")
            if not nid or nid not in self.nums:
                break
            aid = self.nums[nid].abstract
        return aid

    def _level(self, num_id: str, aid: str, ilvl: int) -> _Level:
        num = self.nums[num_id]
        if ilvl in num.level_overrides:
            return num.level_overrides[ilvl]
        return self.abstract.get(aid, {}).get(ilvl) or _Level(text=f"%{ilvl + 1}.")

    def label(self, num_id: Optional[str], ilvl: int) -> Optional[str]:
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        ilvl = max(0, min(8, ilvl))
        aid = self._abstract_of(num_id)
        if aid is None:
            return None
        num = self.nums[num_id]
        counters = self.counters.setdefault(aid, [None] * 9)
        if num_id not in self.started_nums:
            self.started_nums.add(num_id)
            for il, start in num.overrides.items():
                if 0 <= il < 9:
                    counters[il] = start - 1
                    for deeper in range(il + 1, 9):
                        counters[deeper] = None
        lvl = self._level(num_id, aid, ilvl)
        counters[ilvl] = lvl.start if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            dl = self._level(num_id, aid, deeper)
            if dl.restart == 0:
                continue
            if dl.restart is None or ilvl < dl.restart:
                counters[deeper] = None
        text = lvl.text
        if lvl.fmt == "bullet":
            return _bullet(text)

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            if not 0 <= k < 9:
                return ""
            kl = self._level(num_id, aid, k)
            value = counters[k] if counters[k] is not None else kl.start
            fmt = "decimal" if (lvl.legal and kl.fmt != "none") else kl.fmt
            return _format_number(value, fmt)

        out = re.sub(r"%(\d)", sub, text).strip()
        return out or None


def _bullet(text: str) -> Optional[str]:
    if not text:
        return None
    ch = text[0]
    if "\uf000" <= ch <= "\uf0ff" or ch in "\u00b7\u2022":   # Symbol/Wingdings bullets
        return "\u2022"
    return text.strip() or None


def _letters(n: int) -> str:
    # Word: a..z, aa..zz, aaa.. (the letter repeated), not spreadsheet-style.
    if n <= 0 or n > 26 * 40:    # a crafted start value must not make a huge label
        return str(n)
    letter = chr(ord("a") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def _format_number(n: int, fmt: str) -> str:
    if fmt == "none":
        return ""
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return to_roman(n)
    if fmt == "upperRoman":
        return to_roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("chicago",):
        return "*†‡§"[(n - 1) % 4] * ((n - 1) // 4 + 1) if 0 < n <= 160 else str(n)
    return str(n)


# --------------------------------------------------------------------------- paragraph text


@dataclass
class _Piece:
    text: str
    italic: bool = False
    bold: bool = False
    is_marker: bool = False


@dataclass
class _Para:
    pieces: list[_Piece]
    style: Optional[str]
    num_id: Optional[str]
    ilvl: Optional[int]
    mark_deleted: bool
    boxes: list[etree._Element] = field(default_factory=list)   # w:txbxContent anchored here


class _Notes:
    """Footnote/endnote numbering in reference order."""

    def __init__(self, fmt: str = "decimal", start: int = 1):
        self.fmt = fmt
        self.next = start
        self.numbers: dict[str, str] = {}   # note id → printed number (first reference)
        self.order: list[str] = []

    def ref(self, note_id: str) -> str:
        if note_id in self.numbers:     # the same note referenced twice (unusual): same number
            return self.numbers[note_id]
        num = _format_number(self.next, self.fmt)
        self.next += 1
        self.numbers[note_id] = num
        self.order.append(note_id)
        return num

    def custom(self, note_id: str, mark: str) -> None:
        if note_id not in self.numbers:
            self.numbers[note_id] = mark
            self.order.append(note_id)


class _Reader:
    def __init__(self, styles: _Styles, footnotes: _Notes, endnotes: _Notes,
                 rel_targets: Optional[dict[str, str]] = None):
        self.styles = styles
        self.footnotes = footnotes
        self.endnotes = endnotes
        self.rel_targets = rel_targets or {}          # r:id → part name (pictures)
        self.dropped: list[Dropped] = []
        self._boxes: list[etree._Element] = []

    # -- run properties
    def _run_flags(self, r: etree._Element, pstyle: Optional[str]) -> tuple[bool, bool, bool]:
        rpr = r.find(w("rPr"))
        italic = bold = None
        hidden = False
        rstyle = None
        if rpr is not None:
            italic = _on(rpr.find(w("i")))
            bold = _on(rpr.find(w("b")))
            hidden = bool(_on(rpr.find(w("vanish"))))
            rs = rpr.find(w("rStyle"))
            rstyle = rs.get(w("val")) if rs is not None else None
        if italic is None:
            italic = self.styles.prop(rstyle, "italic")
        if italic is None:
            italic = self.styles.prop(pstyle, "italic")
        if bold is None:
            bold = self.styles.prop(rstyle, "bold")
        if bold is None:
            bold = self.styles.prop(pstyle, "bold")
        return (bool(italic) if italic is not None else self.styles.default_italic,
                bool(bold) if bold is not None else self.styles.default_bold, hidden)

    def paragraph(self, p: etree._Element) -> _Para:
        ppr = p.find(w("pPr"))
        pstyle = num_id = None
        ilvl = None
        mark_deleted = False
        if ppr is not None:
            ps = ppr.find(w("pStyle"))
            pstyle = ps.get(w("val")) if ps is not None else None
            num = ppr.find(w("numPr"))
            if num is not None:
                n = num.find(w("numId"))
                num_id = n.get(w("val")) if n is not None else None
                lv = num.find(w("ilvl"))
                ilvl = _int(lv.get(w("val")) if lv is not None else None, None)
            rpr = ppr.find(w("rPr"))
            if rpr is not None and (rpr.find(w("del")) is not None or rpr.find(w("moveFrom")) is not None):
                mark_deleted = True
        if pstyle is None:
            pstyle = self.styles.default_para
        if num_id is None:
            num_id = self.styles.prop(pstyle, "num_id")
            if ilvl is None:
                ilvl = self.styles.prop(pstyle, "ilvl")
        pieces: list[_Piece] = []
        self._fields: list[dict] = []
        self._custom: Optional[tuple[str, _Notes]] = None
        self._boxes = []
        self._hidden: list[str] = []
        self._deleted: list[str] = []
        self._walk(p, pieces, pstyle)
        for texts, reason in ((self._hidden, "hidden text"), (self._deleted, "deleted in a tracked change")):
            t = _clean("".join(texts))
            if t:
                self.dropped.append(Dropped(t, reason))
        return _Para(pieces, pstyle, num_id, ilvl, mark_deleted, self._boxes)

    def _emit(self, pieces: list[_Piece], text: str, italic: bool, bold: bool) -> None:
        if not text:
            return
        if self._custom is not None:      # text of a custom footnote mark
            note_id, notes = self._custom
            self._custom = None
            notes.custom(note_id, text.strip())
            pieces.append(_Piece(marker(text.strip()), is_marker=True))
            return
        for f in reversed(self._fields):
            if f["phase"] == "instr":
                return                       # stray text inside a field code
            if f["kind"] == "NOTEREF":
                f["result"].append(text)
                return
            break
        pieces.append(_Piece(text, italic, bold))

    def _walk(self, el: etree._Element, pieces: list[_Piece], pstyle: Optional[str]) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag in _REMOVED:
                self._deleted.extend(t.text or "" for t in child.iter(w("delText"), w("t")))
                continue
            if tag == w("r"):
                self._run(child, pieces, pstyle)
            elif tag == w("fldSimple"):
                instr = (child.get(w("instr")) or "").strip()
                if instr.upper().startswith("NOTEREF"):
                    sub: list[_Piece] = []
                    self._walk(child, sub, pstyle)
                    txt = "".join(pc.text for pc in sub).strip()
                    if txt:
                        pieces.append(_Piece(marker(txt), is_marker=True))
                else:
                    self._walk(child, pieces, pstyle)
            elif tag in _TRANSPARENT:
                self._walk(child, pieces, pstyle)
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._walk(content, pieces, pstyle)
            elif tag == f"{{{M_NS}}}oMath" or tag == f"{{{M_NS}}}oMathPara":
                self._emit(pieces, omml_linear(child), False, False)
            elif tag == f"{{{MC_NS}}}AlternateContent":
                chosen = _alternate(child)
                if chosen is not None:
                    self._walk(chosen, pieces, pstyle)
            elif tag in (w("drawing"), w("pict"), w("object")):
                self._graphic(child, pieces)
            # anything else (comment marks, permissions …) carries no text

    def _run(self, r: etree._Element, pieces: list[_Piece], pstyle: Optional[str]) -> None:
        italic, bold, hidden = self._run_flags(r, pstyle)
        for c in r:
            tag = c.tag
            if tag == w("fldChar"):
                kind = c.get(w("fldCharType"))
                if kind == "begin":
                    self._fields.append({"phase": "instr", "instr": "", "kind": "", "result": []})
                elif kind == "separate" and self._fields:
                    f = self._fields[-1]
                    f["phase"] = "result"
                    f["kind"] = "NOTEREF" if f["instr"].strip().upper().startswith("NOTEREF") else "OTHER"
                elif kind == "end" and self._fields:
                    f = self._fields.pop()
                    if f["kind"] == "NOTEREF":
                        txt = "".join(f["result"]).strip()
                        if txt and any(g["kind"] == "NOTEREF" for g in self._fields):
                            self._fields[-1]["result"].append(txt)   # nested: let the outer one emit
                        elif txt:
                            pieces.append(_Piece(marker(txt), is_marker=True))
                continue
            if tag == w("instrText"):
                if self._fields:
                    self._fields[-1]["instr"] += c.text or ""
                continue
            if self._fields and self._fields[-1]["phase"] == "instr":
                continue
            if hidden:
                if tag == w("t"):
                    self._hidden.append(c.text or "")
                continue
            if tag == f"{{{MC_NS}}}AlternateContent":
                chosen = _alternate(c)
                if chosen is not None:
                    for g in chosen:
                        if g.tag in (w("drawing"), w("pict"), w("object")):
                            self._graphic(g, pieces)
                continue
            if tag in (w("drawing"), w("pict"), w("object")):
                self._graphic(c, pieces)
                continue
            if tag == w("t"):
                self._emit(pieces, c.text or "", italic, bold)
            elif tag in (w("tab"), w("ptab")):
                self._emit(pieces, "\t", italic, bold)
            elif tag in (w("br"), w("cr")):
                if c.get(w("type")) in ("page", "column"):
                    continue
                self._emit(pieces, "\n", italic, bold)
            elif tag == w("noBreakHyphen"):
                self._emit(pieces, "\u2011", italic, bold)
            elif tag == w("sym"):
                code = _int_hex(c.get(w("char")))
                if code is not None:
                    if 0xF000 <= code <= 0xF0FF:
                        code -= 0xF000
                    if code >= 0x20:
                        self._emit(pieces, chr(code), italic, bold)
            elif tag in (w("footnoteReference"), w("endnoteReference")):
                notes = self.footnotes if tag == w("footnoteReference") else self.endnotes
                nid = c.get(w("id")) or ""
                if c.get(w("customMarkFollows")) in ("1", "true", "on"):
                    self._custom = (nid, notes)
                    continue
                pieces.append(_Piece(marker(notes.ref(nid)), is_marker=True))


    def _graphic(self, g: etree._Element, pieces: list[_Piece]) -> None:
        """A drawing, VML picture or embedded object: its text boxes are read as
        paragraphs after this one; a picture becomes "[picture: name]" so that
        replacing it is a change; anything else is reported as dropped."""
        boxes = [b for b in g.iter(w("txbxContent")) if not _inside_box(b, g)]
        if boxes:
            self._boxes.extend(boxes)
            return
        names = []
        for blip in g.iter(f"{{{A_NS}}}blip", f"{{{V_NS}}}imagedata"):
            rid = blip.get(f"{{{R_NS}}}embed") or blip.get(f"{{{R_NS}}}id") or blip.get(f"{{{R_NS}}}link")
            target = self.rel_targets.get(rid or "")
            if target:
                names.append(posixpath.basename(target))
        if not names:
            pr = next(g.iter(f"{{{WP_NS}}}docPr"), None)
            name = pr.get("name") if pr is not None else None
            if g.tag == w("drawing") or g.tag == w("object"):
                self.dropped.append(Dropped(f"[{name or 'drawing'}]", "drawing or object without text"))
            return
        for n in names:
            pieces.append(_Piece(f" [picture: {n}] "))


def _alternate(ac: etree._Element) -> Optional[etree._Element]:
    """``mc:AlternateContent`` carries the same content twice: read the first
    ``mc:Choice`` (what Word shows), else the ``mc:Fallback`` — never both."""
    choice = ac.find(f"{{{MC_NS}}}Choice")
    return choice if choice is not None else ac.find(f"{{{MC_NS}}}Fallback")


def _inside_box(box: etree._Element, top: etree._Element) -> bool:
    """Is ``box`` nested in another text box below ``top`` (read with that one)?"""
    anc = box.getparent()
    while anc is not None and anc is not top:
        if anc.tag == w("txbxContent"):
            return True
        if anc.tag == f"{{{MC_NS}}}Fallback":
            return True           # the fallback copy of a Choice read already
        anc = anc.getparent()
    return False


_M = f"{{{M_NS}}}"


def omml_linear(el: etree._Element) -> str:
    """An Office Math (OMML) equation as readable linear text: ``(a+b)/2``,
    ``x^(2)``, ``√(x)``, ``∑_(i=1)^(n) i`` — close to Word's linear format."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""

    def part(name: str) -> str:
        child = el.find(_M + name)
        return omml_linear(child) if child is not None else ""

    def grp(name: str) -> str:
        t = part(name)
        return t if len(t) <= 1 else f"({t})"

    if tag == _M + "t":
        return el.text or ""
    if tag == _M + "f":
        return f"{grp('num')}/{grp('den')}"
    if tag == _M + "sSup":
        return f"{part('e')}^{grp('sup')}"
    if tag == _M + "sSub":
        return f"{part('e')}_{grp('sub')}"
    if tag == _M + "sSubSup":
        return f"{part('e')}_{grp('sub')}^{grp('sup')}"
    if tag == _M + "sPre":
        return f"_{grp('sub')}^{grp('sup')}{part('e')}"
    if tag == _M + "rad":
        deg = part("deg")
        return f"√({part('e')})" if not deg else f"√({deg}&{part('e')})"
    if tag == _M + "nary":
        pr = el.find(_M + "naryPr")
        chr_el = pr.find(_M + "chr") if pr is not None else None
        op = chr_el.get(_M + "val") if chr_el is not None and chr_el.get(_M + "val") else "∫"
        sub, sup = part("sub"), part("sup")
        return op + (f"_({sub})" if sub else "") + (f"^({sup})" if sup else "") + " " + part("e")
    if tag == _M + "d":
        pr = el.find(_M + "dPr")
        beg = end = None
        if pr is not None:
            b, e = pr.find(_M + "begChr"), pr.find(_M + "endChr")
            beg = b.get(_M + "val") if b is not None else None
            end = e.get(_M + "val") if e is not None else None
        inner = ",".join(omml_linear(e) for e in el.findall(_M + "e"))
        return f"{'(' if beg is None else beg}{inner}{')' if end is None else end}"
    if tag in (w("rPr"), _M + "rPr", _M + "ctrlPr") or tag.endswith("Pr"):
        return ""
    return "".join(omml_linear(c) for c in el)


def _int_hex(s: Optional[str]) -> Optional[int]:
    try:
        return int(s, 16) if s else None
    except ValueError:
        return None


def _clean(text: str) -> str:
    text = text.replace("\t", " ").replace("\r", "")
    text = re.sub(r"[ \u200b]+\n", "\n", text)
    text = re.sub(r"\n[ ]+", "\n", text)
    text = re.sub(r" {2,}", " ", text)
    return text.strip()


def _italic_lead(pieces: list[_Piece]) -> Optional[str]:
    lead = []
    started = False
    for pc in pieces:
        if pc.is_marker:
            break
        if not pc.text.strip():
            if started and pc.italic:
                lead.append(pc.text)
                continue
            if started:
                break
            continue
        if not pc.italic:
            break
        started = True
        lead.append(pc.text)
    out = _clean("".join(lead))
    return out or None


# --------------------------------------------------------------------------- main


def read_docx(data: bytes, source: str) -> RawDocument:
    """Read a Word .docx file (bytes) into blocks; see the module docstring."""
    if not data:
        raise EmptyInputError(source, "the file is empty")
    if data[:4] == _OLE_MAGIC[:4]:
        _refuse_ole(data, source)
    if data[:2] != b"PK":
        raise CorruptFileError(source, "not a valid Word .docx file (not a zip archive)")
    pkg = _Package(data, source)

    main = pkg.rels("").get("officeDocument")
    if not main or main not in pkg.names:
        main = "word/document.xml"
    if main not in pkg.names:
        raise CorruptFileError(source, "not a valid Word .docx file (no word/document.xml in the archive)")
    doc = pkg.xml(main)
    body = doc.find(w("body")) if doc is not None else None
    if body is None and doc is not None and doc.find(f"{{{STRICT_W}}}body") is not None:
        raise UnsupportedFormatError(source, "a 'Strict Open XML' .docx is not supported; "
                                             "save it in Word as a Word Document (.docx)")
    if body is None:
        raise CorruptFileError(source, "not a valid Word .docx file (document.xml has no body)")
    rels = pkg.rels(main)

    def part(kind: str) -> Optional[etree._Element]:
        name = rels.get(kind)
        return pkg.xml(name) if name else None

    styles = _Styles(part("styles"))
    numbering = _Numbering(part("numbering"), styles)
    settings = part("settings")
    foot_notes_root = part("footnotes")
    end_notes_root = part("endnotes")

    fn_fmt, fn_start = _note_pr(settings, "footnotePr", "decimal")
    en_fmt, en_start = _note_pr(settings, "endnotePr", "lowerRoman")
    sect_pr = body.find(w("sectPr"))
    if sect_pr is not None:
        fn_fmt, fn_start = _note_pr(sect_pr, "footnotePr", fn_fmt, fn_start, direct=True)
        en_fmt, en_start = _note_pr(sect_pr, "endnotePr", en_fmt, en_start, direct=True)
    footnotes = _Notes(fn_fmt, fn_start)
    endnotes = _Notes(en_fmt, en_start)
    dropped: list[Dropped] = []
    reader = _Reader(styles, footnotes, endnotes, _rel_targets(pkg, main))

    warnings: list[str] = []
    tracked = any(el.tag in _TRACK_TAGS for el in body.iter())

    # Paragraphs in document order (tables cell by cell, text boxes after their
    # anchor paragraph), then merged where marks are deleted.
    raw_paras: list[tuple[_Para, _Where]] = []
    for k, item in enumerate(_read_container(body, reader, _Where(), [0], dropped)):
        if not k % 256:
            tick(source)
        raw_paras.append(item)
    paras = _merge_deleted_marks(raw_paras)

    blocks: list[Block] = []
    for para, where in paras:
        label = None
        level = 0
        if para.num_id:
            ilvl = para.ilvl or 0
            label = numbering.label(para.num_id, ilvl)
            if label is not None:
                level = ilvl
        text = _clean("".join(pc.text for pc in para.pieces))
        if not text:
            continue
        outline = styles.prop(para.style, "outline")
        name = (styles.prop(para.style, "name") or "").lower()
        heading = (outline is not None and 0 <= outline < 9) or bool(re.match(r"(heading \d|title)$", name))
        kind = "heading" if heading and label is None else "para"
        if kind == "heading":
            level = (outline if outline is not None else _int(name[-1:], 0)) + (1 if outline is not None else 0)
        words = [pc for pc in para.pieces if pc.text.strip() and not pc.is_marker]
        bold = bool(words) and all(pc.bold for pc in words)
        count_blocks(source=source)
        blocks.append(Block(text=text, kind=kind, label=label, italic_lead=_italic_lead(para.pieces),
                            level=level, bold=bold, origin="word", frame=where.frame, cell=where.cell))

    # Notes, in number order (= order of first reference); separators never referenced.
    for root, notes, tag in ((foot_notes_root, footnotes, "footnote"), (end_notes_root, endnotes, "endnote")):
        if root is None:
            continue
        if any(el.tag in _TRACK_TAGS for el in root.iter()):
            tracked = True
        by_id = {n.get(w("id")): n for n in root.findall(w(tag))
                 if n.get(w("type")) in (None, "normal")}
        note_reader = _Reader(styles, _Notes(), _Notes(), _rel_targets(pkg, rels.get(tag + "s", "")))
        for nid in notes.order:
            note = by_id.pop(nid, None)
            if note is None:
                continue
            texts = []
            for para, _ in _read_container(note, note_reader, _Where(tag), [0], dropped):
                t = _clean("".join(pc.text for pc in para.pieces if not pc.is_marker))
                if t:
                    texts.append(t)
            count_blocks(source=source)
            blocks.append(Block(text=" ".join(texts), kind="footnote", label=notes.numbers[nid], origin="word",
                                frame=tag))
        for note in by_id.values():       # a note nothing refers to: Word does not show it either
            t = _clean(" ".join("".join(x.text or "" for x in p.iter(w("t"))) for p in note.iter(w("p"))))
            if t:
                dropped.append(Dropped(t, f"{tag} not referenced in the text"))
        dropped.extend(note_reader.dropped)
    dropped[:0] = reader.dropped
    comments = part("comments")
    if comments is not None:
        for c in comments.findall(w("comment")):
            t = _clean(" ".join("".join(x.text or "" for x in p.iter(w("t"))) for p in c.iter(w("p"))))
            if t:
                dropped.append(Dropped(t, "comment"))

    if tracked:
        warnings.append(TRACKED_WARNING)
    furniture = _header_footer_lines(pkg, main, styles)
    return RawDocument(blocks=blocks, source=source, fmt="docx", warnings=warnings,
                       furniture=furniture, dropped=dropped)


def _refuse_ole(data: bytes, source: str) -> None:
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


def _header_footer_lines(pkg: "_Package", main: str, styles: "_Styles") -> list[str]:
    """Text lines of the page headers and footers (symbol, job number, emblem): kept
    apart from the body as furniture, read like the body (tables, text boxes once)."""
    lines: list[str] = []
    for rel_type in ("header", "footer"):
        for name in sorted({v for k, v in pkg.rel_list(main) if k == rel_type}):
            root = pkg.xml(name)
            if root is None:
                continue
            reader = _Reader(styles, _Notes(), _Notes(), _rel_targets(pkg, name))
            for para, _ in _read_container(root, reader, _Where("body"), [0], []):
                t = _clean("".join(pc.text for pc in para.pieces if not pc.is_marker))
                if t:
                    lines.append(t)
    return lines


def _note_pr(root: Optional[etree._Element], tag: str, fmt: str, start: int = 1, direct: bool = False):
    if root is None:
        return fmt, start
    pr = root.find(w(tag))
    if pr is None:
        return fmt, start
    nf = pr.find(w("numFmt"))
    ns = pr.find(w("numStart"))
    if nf is not None and nf.get(w("val")):
        fmt = nf.get(w("val"))
    if ns is not None:
        start = _int(ns.get(w("val")), start)
    return fmt, start


@dataclass(frozen=True)
class _Where:
    """Where a paragraph sits: its frame and, in a table, its cell path."""

    frame: str = "body"
    cell: Optional[tuple[int, ...]] = None


def _plain_text(el: etree._Element) -> str:
    return _clean(" ".join("".join(t.text or "" for t in p.iter(w("t"), w("delText"))) for p in el.iter(w("p"))))


def _children(el: etree._Element, tag: str) -> Iterable[etree._Element]:
    """``tag`` children of ``el``, also through content controls and custom XML
    wrapped around them (rows and cells can be wrapped too)."""
    for c in el:
        if c.tag == tag:
            yield c
        elif c.tag == w("sdt"):
            content = c.find(w("sdtContent"))
            if content is not None:
                yield from _children(content, tag)
        elif c.tag == w("customXml"):
            yield from _children(c, tag)


def _read_container(container: etree._Element, reader: "_Reader", where: _Where, tables: list[int],
                    dropped: list[Dropped]) -> Iterable[tuple["_Para", _Where]]:
    """Paragraphs of a body, cell, note or text box, in reading order, each once:
    a table cell by cell with its (table, row, column) path, a nested table inside
    its cell (read once: no exponential re-reading), a text box after the paragraph
    that anchors it.  Deleted rows and cells (accepted view) are listed as dropped."""
    for child in container:
        tag = child.tag
        if tag == w("p"):
            para = reader.paragraph(child)
            yield para, where
            for box in para.boxes:
                yield from _read_container(box, reader, _Where("textbox"), tables, dropped)
        elif tag == w("tbl"):
            tables[0] += 1
            t = tables[0]
            for r_i, tr in enumerate(_children(child, w("tr")), 1):
                trpr = tr.find(w("trPr"))
                if trpr is not None and trpr.find(w("del")) is not None:
                    text = _plain_text(tr)
                    if text:
                        dropped.append(Dropped(text, "deleted in a tracked change"))
                    continue
                for c_i, tc in enumerate(_children(tr, w("tc")), 1):
                    tcpr = tc.find(w("tcPr"))
                    if tcpr is not None and tcpr.find(w("cellDel")) is not None:
                        text = _plain_text(tc)
                        if text:
                            dropped.append(Dropped(text, "deleted in a tracked change"))
                        continue
                    yield from _read_container(tc, reader, _Where("cell", (where.cell or ()) + (t, r_i, c_i)),
                                               tables, dropped)
        elif tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from _read_container(content, reader, where, tables, dropped)
        elif tag in (w("customXml"), w("ins"), w("moveTo")):
            yield from _read_container(child, reader, where, tables, dropped)
        elif tag in (w("del"), w("moveFrom")):
            text = _plain_text(child)
            if text:
                dropped.append(Dropped(text, "deleted in a tracked change"))
        elif tag == f"{{{MC_NS}}}AlternateContent":
            chosen = _alternate(child)
            if chosen is not None:
                yield from _read_container(chosen, reader, where, tables, dropped)
        # sectPr, bookmarks, tcPr/trPr/tblPr: nothing to read


def _merge_deleted_marks(items: list[tuple[_Para, _Where]]) -> list[tuple[_Para, _Where]]:
    """Accept deleted paragraph marks: the paragraph joins the next one (in the same
    cell, note or text box).  The joined paragraph keeps the first part's properties
    when it has text, else the next's."""
    out: list[tuple[_Para, _Where]] = []
    carry: Optional[_Para] = None
    carry_where: Optional[_Where] = None
    for para, where in items:
        if carry is not None and carry_where != where:
            out.append((carry, carry_where))
            carry = None
        if carry is not None:
            has_text = any(pc.text.strip() for pc in carry.pieces)
            if has_text:
                para = _Para(carry.pieces + para.pieces, carry.style, carry.num_id, carry.ilvl,
                             para.mark_deleted)
            else:
                para = _Para(carry.pieces + para.pieces, para.style, para.num_id, para.ilvl,
                             para.mark_deleted)
            carry = None
        if para.mark_deleted:
            carry, carry_where = para, where
            continue
        out.append((para, where))
    if carry is not None:
        out.append((carry, carry_where))
    return out
