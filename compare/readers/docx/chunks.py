"""Imported content (``w:altChunk``): a part in another format (HTML, plain text, RTF, MHT,
another Word document) that Word merges into the text where it stands when it opens the file.

HTML and plain text are read as body paragraphs in place (HTML through the HTML reader's own
paragraph walk); any other kind is listed as dropped with a warning naming it, so its words
are never missing silently."""
from __future__ import annotations

import posixpath
import re
from typing import Optional

from lxml import etree

from ...errors import InputError
from ...model import Dropped
from ..safety import current_limits, declared_charset, decode_text
from .package import Package
from .paragraphs import Para, Piece

#: the dropped reason of imported content this reader does not read (its kind is in the warning)
CHUNK_NOT_READ = "imported content Word merges when it opens the file (w:altChunk), not read"

_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"

#: content type → the kind of content, as a user knows it (ECMA-376 Part 1 §15.2.1; Word's list)
_KINDS = {
    "text/html": "HTML", "application/html": "HTML", "application/xhtml+xml": "HTML",
    "text/plain": "text", "application/txt": "text",
    "application/rtf": "RTF", "text/rtf": "RTF",
    "message/rfc822": "MHT (web archive)", "multipart/related": "MHT (web archive)",
    "application/xml": "Word XML",
}
#: a part's extension → its kind, when [Content_Types].xml does not say
_BY_EXTENSION = {"html": "HTML", "htm": "HTML", "xhtml": "HTML", "txt": "text", "rtf": "RTF",
                 "mht": "MHT (web archive)", "mhtml": "MHT (web archive)", "docx": "Word document",
                 "dotx": "Word document", "docm": "Word document", "xml": "Word XML"}


class Chunks:
    """Reads the altChunk parts of one package; collects the warnings to show."""

    def __init__(self, pkg: Package):
        self.pkg = pkg
        self.warnings: list[str] = []
        self._types: Optional[tuple[dict[str, str], dict[str, str]]] = None

    def _content_types(self) -> tuple[dict[str, str], dict[str, str]]:
        """([Content_Types].xml overrides by part name, defaults by extension), read once."""
        if self._types is None:
            root = self.pkg.xml("[Content_Types].xml")
            over: dict[str, str] = {}
            default: dict[str, str] = {}
            if root is not None:
                for el in root.findall(f"{{{_CT_NS}}}Override"):
                    over[(el.get("PartName") or "").lstrip("/").lower()] = (el.get("ContentType") or "").lower()
                for el in root.findall(f"{{{_CT_NS}}}Default"):
                    default[(el.get("Extension") or "").lower()] = (el.get("ContentType") or "").lower()
            self._types = (over, default)
        return self._types

    def kind(self, name: str) -> str:
        """What the part holds: its declared content type, else its extension says."""
        over, default = self._content_types()
        ext = posixpath.splitext(name)[1].lstrip(".").lower()
        ctype = over.get(name.lower()) or default.get(ext) or ""
        ctype = ctype.split(";")[0].strip()
        if "wordprocessingml" in ctype or "ms-word" in ctype:
            return "Word document"
        return _KINDS.get(ctype) or _BY_EXTENSION.get(ext) or (ctype or "unknown")

    def paras(self, name: Optional[str], dropped: list[Dropped]) -> list[Para]:
        """The paragraphs of the chunk in part ``name`` (None: the relationship is missing); what
        cannot be read goes to ``dropped`` and a warning."""
        data = self.pkg.read(name) if name else None
        if data is None:
            self._not_read("missing", "[imported content: its part is missing from the file]", dropped)
            return []
        kind = self.kind(name)
        if kind not in ("HTML", "text"):
            self._not_read(kind, self._words(kind, data) or f"[imported {kind} content, {len(data):,} bytes]",
                           dropped)
            return []
        notes: list[str] = []
        try:
            text = decode_text(data, self.pkg.source, current_limits(), notes,
                               declared_charset(data) if kind == "HTML" else None)
        except InputError:
            self._not_read(kind, f"[imported {kind} content, {len(data):,} bytes, not readable as text]", dropped)
            return []
        self.warnings.extend(f"imported {kind} content: {n}" for n in notes)
        if kind == "text":
            return [Para([Piece(line)], None, None, None, False) for line in text.splitlines() if line.strip()]
        return self._html_paras(text, dropped)

    def _html_paras(self, text: str, dropped: list[Dropped]) -> list[Para]:
        from ..html import read_html       # the HTML reader's own walk: one home for it

        try:
            raw = read_html(text, self.pkg.source)
        except InputError:                 # an empty page: nothing to merge
            return []
        dropped.extend(raw.dropped)
        out = []
        for b in raw.blocks:
            if not b.text:
                continue                   # a rule (<hr>): no words
            lead = b.italic_lead if b.italic_lead and b.text.startswith(b.italic_lead) else None
            pieces = [Piece(lead, italic=True), Piece(b.text[len(lead):])] if lead else [Piece(b.text)]
            out.append(Para(pieces, None, None, None, False, label=b.label))
        return out

    def _words(self, kind: str, data: bytes) -> str:
        """The words of a chunk of a kind not read as paragraphs, roughly (for the dropped list:
        what is missing, said in its own words); "" when they cannot be had."""
        try:
            if kind == "RTF":
                return rtf_text(data)
            if kind.startswith("MHT"):
                return _mht_text(data, self.pkg.source)
            if kind == "Word document":
                return _docx_text(data, self.pkg.source)
        except (InputError, ValueError, LookupError, etree.LxmlError):
            pass
        return ""

    def _not_read(self, kind: str, text: str, dropped: list[Dropped]) -> None:
        dropped.append(Dropped(text, CHUNK_NOT_READ))
        what = "whose part is missing" if kind == "missing" else f"in {kind}"
        self.warnings.append(f"imported content {what} (w:altChunk, which Word merges into the text when it "
                             "opens the file) was not read: its words are missing here; open the file in Word "
                             "and save it as .docx to merge it")


def _html_words(text: str, source: str) -> str:
    from ..html import read_html

    return "\n".join(b.text for b in read_html(text, source).blocks if b.text)


def _mht_text(data: bytes, source: str) -> str:
    """The words of a web archive (MHT, a MIME message): its first HTML or text part.  (``email``
    is imported here: its policy module costs every .docx reading ~7 ms at start-up otherwise.)"""
    import email
    import email.policy

    msg = email.message_from_bytes(data, policy=email.policy.default)
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype in ("text/html", "text/plain"):
            payload = part.get_payload(decode=True) or b""
            text = payload.decode(part.get_content_charset() or declared_charset(payload) or "utf-8", errors="replace")
            return _html_words(text, source) if ctype == "text/html" else text.strip()
    return ""


def _docx_text(data: bytes, source: str) -> str:
    """The words of a Word document imported into another (its body, plainly): the same safe
    package reader, no further chunks followed."""
    from .body import plain_text
    from .tags import w

    pkg = Package(data, source)
    main = pkg.rels("").get("officeDocument") or "word/document.xml"
    doc = pkg.xml(main)
    body = doc.find(w("body")) if doc is not None else None
    return plain_text(body) if body is not None else ""


_RTF_TOKEN = re.compile(r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|([^\\{}\r\n]+)|[\r\n]+")
#: RTF destinations that hold no text of the document (tables of fonts and colours, pictures, field codes …)
_RTF_SKIP = {"fonttbl", "colortbl", "stylesheet", "info", "pict", "themedata", "colorschememapping", "latentstyles",
             "datastore", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl", "mmathPr", "object",
             "header", "footer", "fldinst", "filetbl", "revtbl"}
_RTF_CHARS = {"par": "\n", "line": "\n", "sect": "\n", "page": "\n", "cell": " ", "row": "\n", "tab": " ",
              "emdash": "—", "endash": "–", "lquote": "‘", "rquote": "’", "ldblquote": "“", "rdblquote": "”",
              "bullet": "•"}
_BLANKS = re.compile(r"[ \t]+")


def rtf_text(data: bytes) -> str:
    """The words of an RTF document, roughly (no layout): destinations that hold no text skipped,
    escapes (\\'e9, \\u8220) decoded."""
    out: list[str] = []
    stack: list[bool] = []
    skip = fresh = False     # fresh: just after "{", where "\\*" or a skipped destination skips the group
    pending = 0              # the fallback character to skip after \\uN
    for m in _RTF_TOKEN.finditer(data.decode("latin-1")):
        word, arg, hexa, sym, brace, text = m.groups()
        if brace:
            if brace == "{":
                stack.append(skip)
            else:
                skip = stack.pop() if stack else False
            fresh = brace == "{"
            continue
        if fresh and (sym == "*" or word in _RTF_SKIP):
            skip = True
        fresh = False
        if skip:
            continue
        if word == "u" and arg:
            out.append(chr(int(arg) % 65536))
            pending = 1
        elif word in _RTF_CHARS:
            out.append(_RTF_CHARS[word])
        elif hexa:
            if pending:
                pending -= 1
            else:
                out.append(bytes([int(hexa, 16)]).decode("cp1252", errors="replace"))
        elif sym in ("\\", "{", "}", "~"):
            out.append("\u00a0" if sym == "~" else sym)
        elif text:
            out.append(text[pending:])
            pending = 0
    return _BLANKS.sub(" ", "".join(out)).strip()
