"""The public face of the library: load versions, compare them, follow lineages.

The CLI and the Streamlit app call only these functions (and the exporters).
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Union

from .model import Comparison, CompareOptions, Document, Lineage
from .readers import SUPPORTED, read_bytes, read_path
from .readers.safety import DEFAULT_LIMITS, Limits
from .readers.text import read_text
from .structure import build_document

Source = Union[str, os.PathLike, bytes]


def load(source: Source, *, name: str | None = None, label: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read one version and recover its structure.

    ``source`` is a path (``str`` or ``os.PathLike``) or the bytes of an upload,
    in which case ``name`` gives the file name and so the format.  Pasted text
    goes through :func:`load_text` — a string is never guessed to be text, so a
    mistyped file name is an error, not a one-line "document".  Raises
    :class:`compare.errors.InputError` subclasses for bad input.
    """
    if isinstance(source, bytes):
        raw = read_bytes(source, name or "upload.txt", limits)
    else:
        raw = read_path(source, limits)
    return build_document(raw, label=label or default_label(raw.source))


def load_text(text: str, *, name: str = "<text>", label: str | None = None) -> Document:
    """Read pasted text (never taken for a path)."""
    from .errors import EmptyInputError

    if not text.strip():
        raise EmptyInputError(name, "the text is empty")
    return build_document(read_text(text, name, fmt="txt"), label=label or name)


def default_label(name: str) -> str:
    """A version's label from its file name: the name without folder and extension."""
    base = Path(name).name
    for ext in sorted(SUPPORTED, key=len, reverse=True):
        if base.lower().endswith(ext):
            return base[: -len(ext)]
    return base


def short_label(symbol: str | None, fallback: str) -> str:
    """A label in negotiators' terms from a document symbol:
    A/RES/61/180 → 61/180, A/C.3/63/L.17/Rev.1 → L.17/Rev.1; else ``fallback``."""
    if symbol:
        m = re.search(r"/RES/(\d+/\d+)", symbol)
        if m:
            return m.group(1)
        m = re.search(r"/(L\.\d+(?:/Rev\.\d+)?(?:/Add\.\d+)?)$", symbol)
        if m:
            return m.group(1)
        return symbol
    return fallback


def cross_language(old: Document, new: Document) -> bool:
    """Whether two versions are in different languages: :func:`compare` then
    matches paragraphs with the concordance and diffs no words."""
    from .classify import cross_language as _cross

    return _cross(old, new)


def compare(old: Document, new: Document, options: CompareOptions | None = None) -> Comparison:
    """Align two versions and diff every aligned pair (old first).

    Versions in different languages (:func:`cross_language`) are matched by the
    cross-language concordance instead (``Comparison.cross_language``; no word
    diff; the embedding model loads on first use, never for same-language work)."""
    from .classify import compare_documents

    return compare_documents(old, new, options or CompareOptions())


def close_equivalents(doc: Document, others: list[Document], *, top: int = 1):
    """For each paragraph of ``doc``, the paragraphs of texts in other languages that
    say the same thing ("close equivalent: 61/180 OP1, en") — never agreed language."""
    from .concordance import close_equivalents as _close

    return _close(doc, others, top=top)


def compare_versions(docs: list[Document], options: CompareOptions | None = None) -> Lineage:
    """Compare each consecutive pair of versions and chain them into paragraph lineages."""
    from .lineage import build_lineage

    return build_lineage(list(docs), options or CompareOptions())
