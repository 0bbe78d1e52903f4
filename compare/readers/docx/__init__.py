"""Word .docx → :class:`~compare.model.RawDocument`.

Reads the OOXML package directly with :mod:`zipfile` and lxml (no python-docx
object model: we need footnotes, numbering and tracked changes, which it does not
expose).  What comes out:

* one :class:`Block` per non-empty paragraph, in reading order, with
  ``origin="word"``: body paragraphs; table cells row by row with their
  (table, row, column) position (merged and nested cells once); text boxes
  (once, even when ``mc:AlternateContent`` carries them twice) after the
  paragraph that anchors them; content controls, fields (their displayed
  result), hyperlinks, equations as linear text, pictures as
  "[picture: name]"; emphasis removed;
* Word automatic numbering rendered as it prints (``"1."``, ``"(a)"``,
  ``"(i)"`` …) into :attr:`Block.label`, with :attr:`Block.level` = ``ilvl``;
  counters are kept per list as Word does (``abstractNum`` shared by several
  ``num`` continues, ``startOverride`` restarts, lower levels restart when a
  higher one advances unless ``lvlRestart`` says otherwise);
* imported content (``w:altChunk``, which Word merges into the text when it opens the file):
  an HTML or plain-text part read as paragraphs in place, any other kind (RTF, a web archive,
  another Word file) listed as dropped with a warning naming it;
* the leading italic run(s) as :attr:`Block.italic_lead`;
* footnote references written as :func:`~compare.model.marker` with the number
  Word prints: footnotes are numbered in order of reference (``footnotePr``
  ``numStart``/``numFmt`` honoured), a ``customMarkFollows`` reference uses its
  custom mark, and a ``NOTEREF`` cross-reference field (how a second reference
  to the same note is written) becomes a marker with the field's result;
* the footnotes themselves after the body, in number order, as
  ``Block(kind="footnote", label=n)`` (separator notes skipped; endnotes follow
  as footnote blocks labelled the way Word numbers them, ``i``, ``ii`` …);
* page headers and footers kept apart in :attr:`RawDocument.furniture` (and listed
  as dropped, reason "page header" or "page footer"); hidden
  text, deleted text, unreferenced notes, comments and drawings without text
  listed in :attr:`RawDocument.dropped` — nothing is left out silently;
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

One concept per module: ``package`` (safe zip and XML), ``styles``, ``numbering``,
``notes``, ``paragraphs`` (runs and fields), ``drawings`` (text boxes, pictures),
``equations``, ``body`` (body, tables, text boxes in reading order), ``chunks`` (imported
content), ``headers``.

"""
from __future__ import annotations

import re
from typing import Optional

from lxml import etree

from ...errors import CorruptFileError, EmptyInputError, UnsupportedFormatError
from ...model import Block, Dropped, RawDocument
from ...namespaces import STRICT_W
from ..safety import count_blocks, tick
from .body import Where, merge_deleted_marks, read_container
from .chunks import Chunks
from .headers import header_footer_lines
from .notes import Notes, note_pr
from .numbering import Numbering
from .package import OLE_MAGIC, Package, refuse_ole, rel_targets, xml_parser
from .paragraphs import Para, ParagraphReader, clean, italic_lead
from .styles import Styles
from .tags import TRACK_TAGS, to_int, w

__all__ = ["TRACKED_WARNING", "read_docx"]
_parser = xml_parser   # the hardened XML parser, under the name the hostile-file tests use


TRACKED_WARNING = "contains tracked changes; read as if all were accepted"


def read_docx(data: bytes, source: str) -> RawDocument:
    """Read a Word .docx file (bytes) into blocks; see the module docstring."""
    if not data:
        raise EmptyInputError(source, "the file is empty")
    if data[:4] == OLE_MAGIC[:4]:
        refuse_ole(data, source)
    if data[:2] != b"PK":
        raise CorruptFileError(source, "not a valid Word .docx file (not a zip archive)")
    pkg = Package(data, source)

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

    styles = Styles(part("styles"))
    numbering = Numbering(part("numbering"), styles)
    settings = part("settings")
    foot_notes_root = part("footnotes")
    end_notes_root = part("endnotes")

    fn_fmt, fn_start = note_pr(settings, "footnotePr", "decimal")
    en_fmt, en_start = note_pr(settings, "endnotePr", "lowerRoman")
    sect_pr = body.find(w("sectPr"))
    if sect_pr is not None:
        fn_fmt, fn_start = note_pr(sect_pr, "footnotePr", fn_fmt, fn_start, direct=True)
        en_fmt, en_start = note_pr(sect_pr, "endnotePr", en_fmt, en_start, direct=True)
    footnotes = Notes(fn_fmt, fn_start)
    endnotes = Notes(en_fmt, en_start, prefix="e" if en_fmt == fn_fmt else "")
    dropped: list[Dropped] = []
    chunks = Chunks(pkg)
    reader = ParagraphReader(styles, footnotes, endnotes, rel_targets(pkg, main), chunks)

    warnings: list[str] = []
    tracked = any(el.tag in TRACK_TAGS for el in body.iter())

    # Paragraphs in document order (tables cell by cell, text boxes after their
    # anchor paragraph), then merged where marks are deleted.
    raw_paras: list[tuple[Para, Where]] = []
    for k, item in enumerate(read_container(body, reader, Where(), [0], dropped)):
        if not k % 256:
            tick(source)
        raw_paras.append(item)
    paras = merge_deleted_marks(raw_paras)

    blocks: list[Block] = []
    for para, where in paras:
        label = para.label
        level = 0
        if para.num_id:
            ilvl = para.ilvl or 0
            label = numbering.label(para.num_id, ilvl)
            if label is not None:
                level = ilvl
        text = clean("".join(pc.text for pc in para.pieces))
        if not text:
            continue
        outline = styles.prop(para.style, "outline")
        name = (styles.prop(para.style, "name") or "").lower()
        heading = (outline is not None and 0 <= outline < 9) or bool(re.match(r"(heading \d|title)$", name))
        kind = "heading" if heading and label is None else "para"
        if kind == "heading":
            level = (outline if outline is not None else to_int(name[-1:], 0)) + (1 if outline is not None else 0)
        words = [pc for pc in para.pieces if pc.text.strip() and not pc.is_marker]
        bold = bool(words) and all(pc.bold for pc in words)
        count_blocks(source=source)
        blocks.append(Block(text=text, kind=kind, label=label, italic_lead=italic_lead(para.pieces),
                            level=level, bold=bold, origin="word", frame=where.frame, cell=where.cell))

    # Notes, in number order (= order of first reference); separators never referenced.
    for root, notes, tag in ((foot_notes_root, footnotes, "footnote"), (end_notes_root, endnotes, "endnote")):
        if root is not None and any(el.tag in TRACK_TAGS for el in root.iter()):
            tracked = True
        by_id = {} if root is None else {n.get(w("id")): n for n in root.findall(w(tag))
                                         if n.get(w("type")) in (None, "normal")}
        note_reader = ParagraphReader(styles, Notes(), Notes(), rel_targets(pkg, rels.get(tag + "s", "")), chunks)
        missing: list[str] = []
        for nid in notes.order:
            note = by_id.pop(nid, None)
            if note is None:
                missing.append(notes.numbers[nid])
                continue
            texts = []
            for para, _ in read_container(note, note_reader, Where(tag), [0], dropped):
                t = clean("".join(pc.text for pc in para.pieces if not pc.is_marker))
                if t:
                    texts.append(t)
            count_blocks(source=source)
            blocks.append(Block(text=" ".join(texts), kind="footnote", label=notes.numbers[nid], origin="word",
                                frame=tag))
        for note in by_id.values():       # a note nothing refers to: Word does not show it either
            t = clean(" ".join("".join(x.text or "" for x in p.iter(w("t"))) for p in note.iter(w("p"))))
            if t:
                dropped.append(Dropped(t, f"{tag} not referenced in the text"))
        dropped.extend(note_reader.dropped)
        if missing:     # a reference to a note the file lacks: the marker stays, flagged
            warnings.append(f"{tag} marker{'s' if len(missing) > 1 else ''} {', '.join(missing)} in the text "
                            f"but no such {tag} in the file: no note text to show")
    dropped[:0] = reader.dropped
    comments = part("comments")
    if comments is not None:
        for c in comments.findall(w("comment")):
            t = clean(" ".join("".join(x.text or "" for x in p.iter(w("t"))) for p in c.iter(w("p"))))
            if t:
                dropped.append(Dropped(t, "comment"))

    warnings.extend(dict.fromkeys(chunks.warnings))     # each once, however many chunks of that kind
    if tracked:
        warnings.append(TRACKED_WARNING)
    page_lines = header_footer_lines(pkg, main, styles)
    furniture = [t for _, t in page_lines]
    dropped.extend(Dropped(t, f"page {kind}") for kind, t in page_lines)
    return RawDocument(blocks=blocks, source=source, fmt="docx", warnings=warnings,
                       furniture=furniture, dropped=dropped)
