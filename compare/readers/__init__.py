"""Readers: bytes of one file → :class:`~compare.model.RawDocument` (blocks, no UN semantics).

:func:`read_path` and :func:`read_bytes` pick the reader from the file name's
extension and guard every read with the limits in :mod:`.safety` (size before
reading, a deadline and a paragraph budget while reading).  The input file is only
ever opened for reading; no temporary files are made.  Whatever goes wrong comes
out as one :class:`~compare.errors.InputError` whose message is one line: the
safety net below turns any stray parser exception into a
:class:`~compare.errors.CorruptFileError` and running out of memory or recursion
into a :class:`~compare.errors.TooLargeError`.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import CorruptFileError, InputError, MissingFileError, TooLargeError, UnsupportedFormatError
from ..model import RawDocument
from ..textclean import clean, clean_text
from .safety import (DEFAULT_LIMITS, Limits, check_declared_size, check_size, declared_charset, decode_text,
                     one_line, reading)

SUPPORTED = (".docx", ".pdf", ".txt", ".md", ".markdown", ".html", ".htm", ".text")


def _unsupported(name: str, ext: str) -> UnsupportedFormatError:
    hint = ""
    if ext in (".doc", ".rtf", ".odt", ".pages", ".wpd"):
        hint = " (open it in Word and save it as .docx)"
    return UnsupportedFormatError(
        name, f"unsupported file type '{ext or '(none)'}'; use .docx, .pdf, .txt, .md or .html{hint}"
    )


def read_bytes(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> RawDocument:
    """Read an in-memory file (an upload); ``name`` gives the format and names errors."""
    ext = Path(name).suffix.lower()
    if ext not in SUPPORTED:
        raise _unsupported(name, ext)
    try:
        check_size(data, name, limits, ext)
        with reading(name, limits):
            raw = clean_raw(_dispatch(data, name, ext, limits))
            if len(raw.blocks) > limits.max_paragraphs:
                raise TooLargeError(name, f"more than {limits.max_paragraphs:,} paragraphs; too large to compare")
            return raw
    except InputError as exc:
        raise _one_line(_without_content(exc)) from None
    except (MemoryError, RecursionError):
        raise TooLargeError(name, "too large or too deeply nested to read safely") from None
    except Exception as exc:  # a parser library choked on malformed input
        # the exception's own text may quote the file (lxml names tags and entities): only its kind
        raise CorruptFileError(name, f"could not be read as a {ext} file ({type(exc).__name__})") from None


#: "damaged XML in word/document.xml: <libxml2's message>" — that message quotes tag
#: and entity names from the file; our own replacements for it are kept.
_XML_DETAIL = re.compile(r"(damaged XML in [\w./\-\[\]]{1,120}): (?!elements nested too deeply|entity tricks refused)[^)]*")
_PART_DETAIL = re.compile(r"\(damaged part [^)]*\)")
_QUOTED = re.compile(r"'[^']{0,300}'|\"[^\"]{0,300}\"")


def _without_content(exc: InputError) -> InputError:
    """Drop parser messages that may quote the file from a reader's error."""
    problem = _XML_DETAIL.sub(r"\1: malformed XML", exc.problem)
    problem = _PART_DETAIL.sub(lambda m: _QUOTED.sub("'…'", m.group(0)), problem)   # zip member names
    if problem != exc.problem:
        exc.problem = problem
        exc.args = (f"{exc.source}: {problem}",)
    return exc


def clean_raw(raw: RawDocument) -> RawDocument:
    """Make everything a reader returned writable (see :mod:`compare.textclean`): block
    texts, labels, italic leads, furniture, warnings and the file name.  The number of
    characters replaced is reported in one warning, so nothing changes silently."""
    replaced = 0

    def fix(s: str | None) -> str | None:
        nonlocal replaced
        if s is None:
            return None
        s, n = clean_text(s)
        replaced += n
        return s

    for b in raw.blocks:
        b.text = fix(b.text)
        b.label = fix(b.label)
        b.italic_lead = fix(b.italic_lead)
    raw.furniture = [fix(f) for f in raw.furniture]
    raw.warnings = [clean(w) for w in raw.warnings]
    raw.source = clean(raw.source)
    if replaced:
        raw.warnings.append(f"{replaced:,} character(s) that cannot be written (control codes or broken "
                            "UTF-16 halves) were replaced by \ufffd")
    return raw


def _one_line(exc: InputError) -> InputError:
    """Make sure the message users see is a single line (file names and parser
    messages can carry line breaks)."""
    msg = str(exc)
    clean = one_line(msg, 600)
    if clean != msg:
        exc.problem = one_line(exc.problem, 500)
        exc.args = (clean,)
    return exc


def _dispatch(data: bytes, name: str, ext: str, limits: Limits) -> RawDocument:
    if ext == ".docx":
        from .docx import read_docx

        return read_docx(data, name)
    if ext == ".pdf":
        from .pdf import read_pdf

        return read_pdf(data, name)
    notes: list[str] = []
    html = ext in (".html", ".htm")
    text = decode_text(data, name, limits, notes, declared_charset(data) if html else None)
    if html:
        from .html import read_html

        raw = read_html(text, name)
    else:
        from .text import read_text

        raw = read_text(text, name, fmt="md" if ext in (".md", ".markdown") else "txt")
    raw.warnings[:0] = notes
    return raw



def read_path(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS) -> RawDocument:
    """Read a file from disk (opened read-only, never written; its size is checked
    before it is read)."""
    p = Path(path)
    name = str(path)
    try:
        if not p.exists():
            raise MissingFileError(name, "no such file")
        if p.is_dir():
            raise InputError(name, "is a folder, not a file")
        ext = p.suffix.lower()
        if ext not in SUPPORTED:
            raise _unsupported(name, ext)
        try:
            st = p.stat()
        except OSError as exc:
            raise InputError(name, f"cannot read ({exc.strerror})") from None
        if not p.is_file():
            raise InputError(name, "is not a regular file")
        check_declared_size(st.st_size, name, limits, ext)
        try:
            with open(p, "rb") as fh:
                # read at most one byte over the limit: the file may grow after stat()
                data = fh.read(limits.max_file_bytes + 1)
        except OSError as exc:
            raise InputError(name, f"cannot read ({exc.strerror or exc})") from None
    except InputError as exc:
        raise _one_line(exc) from None
    except (OSError, ValueError) as exc:  # a name too long, a NUL in the name, …
        raise _one_line(InputError(name, f"cannot read ({getattr(exc, 'strerror', None) or exc})")) from None
    return read_bytes(data, name, limits)
