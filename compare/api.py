"""The public face of the library: load versions, compare them, follow lineages.

The CLI and the Streamlit app call only these functions (and the exporters).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping, Sequence, Union

from .model import Comparison, CompareOptions, Document, Lineage
from .readers import SUPPORTED, read_bytes, read_path
from .readers.safety import DEFAULT_LIMITS, Limits
from .readers.text import read_text
from .structure import build_document
from .symbols import short_label  # noqa: F401  (part of the public face: the app proposes labels with it)

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


def order_versions(docs: list[Document], user_order: list[int] | None = None):
    """The versions' order, oldest first, by what they say (session, base < Rev.1 < Rev.2 < A/RES,
    date) — or ``user_order`` kept, with warnings where it contradicts the dates — and the
    versions that repeat an earlier one's text: a :class:`compare.order.VersionOrder`."""
    from .order import order_versions as _order

    return _order(docs, user_order)


def close_equivalents(doc: Document, others: list[Document], *, top: int = 1):
    """For each paragraph of ``doc``, the paragraphs of texts in other languages that
    say the same thing ("close equivalent: 61/180 OP1, en") — never agreed language."""
    from .concordance import close_equivalents as _close

    return _close(doc, others, top=top)


def compare_versions(docs: list[Document], options: CompareOptions | None = None) -> Lineage:
    """Compare each consecutive pair of versions and chain them into paragraph lineages."""
    from .lineage import build_lineage

    return build_lineage(list(docs), options or CompareOptions())


# --------------------------------------------------------------------------- the agreed-language library

def sample_documents() -> list[Document]:
    """The bundled samples a new library starts with (:func:`compare.library.default_sample_paths`)."""
    from .library import default_sample_paths

    return [load(p) for p in default_sample_paths()]


def open_library(path: Union[str, os.PathLike, None] = None, *, seed: bool = True, create: bool = True):
    """Open the agreed-language library (``":memory:"``: a temporary one), creating it
    when missing and, with ``seed``, filling a new one with the bundled samples."""
    from .library import Library

    return Library.open(path, seed=sample_documents if seed else None, create=create)


def rebuild_library(path: Union[str, os.PathLike, None] = None, *, seed: bool = True):
    """Start a damaged library afresh (see :meth:`compare.library.Library.rebuild`):
    (new library, notes for the user)."""
    from .library import Library

    return Library.rebuild(path, seed=sample_documents if seed else None, reload=lambda p: load(p))


def add_to_library(library, source: Source, *, name: str | None = None, label: str | None = None,
                   origin: str = "user"):
    """Parse a file (path, or bytes with ``name``) once and add it to ``library``:
    (its :class:`~compare.library.DocInfo`, whether it was new)."""
    return library.add_document(load(source, name=name, label=label), origin=origin)


def trace_version(doc: Document, library=None, *, earlier: Sequence[Document] = (),
                  later: Sequence[Document] = (), min_words: int = 6, before=None, leave_out_later: bool = True,
                  exclude: Sequence[str] = (), adopted: Sequence[str] = (), dates: Mapping[str, str] | None = None,
                  closest: str = "unsourced", count_drafts: bool = False, copy: bool | None = None):
    """Trace the agreed language of one version: what the CLI's ``trace`` and
    ``redline --trace-appendix`` and the app's "Agreed language" view all run.

    ``library``: an open :class:`~compare.library.Library`, or a path / ``":memory:"`` /
    None (the default library) to open — read only: the versions ``earlier`` than
    ``doc`` (loaded with it: the redline's OLD, the app's preceding versions) go into
    a temporary in-memory copy (``copy``: None = only when there is something to add),
    and those ``later`` are left out even when the library holds them.
    ``leave_out_later``: also leave out the library's texts dated after ``doc``, and,
    with a warning, those that cannot be placed in time (undated, same session).
    ``before``, ``exclude``, ``adopted``, ``dates``, ``closest``, ``count_drafts``,
    ``min_words``: as for :func:`compare.trace.trace_document`, whose
    :class:`~compare.trace.TraceResult` is returned (``loaded``: library id → label
    of each earlier version).  Raises ``ValueError`` for a bad option."""
    from .library import Library, content_hash
    from .trace import UNDATED, later_documents, trace_document, undated_documents

    if min_words < 5:
        raise ValueError("min_words must be at least 5 (the library indexes 5-word runs)")
    if isinstance(library, Library):
        lib, owned = library, False
    else:
        lib, owned = open_library(library), True
    if copy is None:
        copy = bool(earlier)
    try:
        if copy:
            base, lib = lib, lib.memory_copy()
            if owned:
                base.close()
            owned = True
        loaded: dict[int, str] = {}
        for d in earlier:
            info, _ = lib.add_document(d, origin="user")
            loaded[info.id] = d.label
        why: dict[str, str] = {k: "excluded" for k in exclude}
        newer = {content_hash(d) for d in later}
        for info in lib.documents():
            if info.id in loaded:
                continue
            if info.content_hash in newer:
                why.setdefault(str(info.id), "a version loaded here after it")
        if leave_out_later:
            for info in later_documents(doc, lib, dates):
                if info.id not in loaded:
                    why.setdefault(str(info.id), "later than the traced version")
            for info in undated_documents(doc, lib, dates):
                if info.id not in loaded:
                    why.setdefault(str(info.id), UNDATED)
        result = trace_document(doc, lib, min_words, before=before, exclude=why, closest=closest,
                                count_drafts=count_drafts, adopted=adopted, dates=dates)
    finally:
        if owned:
            lib.close()
    result.loaded = loaded
    return result
