"""Readers: bytes of one file → :class:`~compare.model.RawDocument` (blocks, no UN semantics).

:func:`read_path` and :func:`read_bytes` pick the reader from the file name's
extension and guard every read with the limits in :mod:`.safety`.  The input
file is only ever opened for reading.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import CorruptFileError, InputError, MissingFileError, TooLargeError, UnsupportedFormatError
from ..model import RawDocument
from .safety import DEFAULT_LIMITS, Limits, check_size, decode_text

SUPPORTED = (".docx", ".pdf", ".txt", ".md", ".markdown", ".html", ".htm", ".text")


def read_bytes(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> RawDocument:
    """Read an in-memory file (an upload); ``name`` gives the format and names errors."""
    ext = Path(name).suffix.lower()
    if ext not in SUPPORTED:
        raise UnsupportedFormatError(
            name, f"unsupported file type '{ext or '(none)'}'; use .docx, .pdf, .txt, .md or .html"
        )
    check_size(data, name, limits)
    try:
        return _dispatch(data, name, ext, limits)
    except InputError:
        raise
    except (MemoryError, RecursionError):
        raise TooLargeError(name, "too large or too deeply nested to read safely") from None
    except Exception as exc:  # a parser library choked on malformed input
        raise CorruptFileError(name, f"could not be read as a {ext} file ({type(exc).__name__}: {exc})"[:300]) from None


def _dispatch(data: bytes, name: str, ext: str, limits: Limits) -> RawDocument:
    if ext == ".docx":
        from .docx import read_docx

        return read_docx(data, name)
    if ext == ".pdf":
        from .pdf import read_pdf

        return read_pdf(data, name)
    text = decode_text(data, name, limits)
    if ext in (".html", ".htm"):
        from .html import read_html

        return read_html(text, name)
    from .text import read_text

    return read_text(text, name, fmt="md" if ext in (".md", ".markdown") else "txt")


def read_path(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS) -> RawDocument:
    """Read a file from disk (opened read-only, never written)."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise MissingFileError(name, "no such file")
    if p.is_dir():
        raise InputError(name, "is a folder, not a file")
    ext = p.suffix.lower()
    if ext not in SUPPORTED:
        raise UnsupportedFormatError(
            name, f"unsupported file type '{ext or '(none)'}'; use .docx, .pdf, .txt, .md or .html"
        )
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise InputError(name, f"cannot read ({exc.strerror})") from None
    if size > limits.max_file_bytes:
        raise TooLargeError(
            name, f"the file is {size / 1_048_576:.1f} MiB, over the {limits.max_file_bytes / 1_048_576:.0f} MiB limit"
        )
    try:
        with open(p, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(name, f"cannot read ({exc.strerror})") from None
    return read_bytes(data, name, limits)
