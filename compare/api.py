"""The public face of the library: load versions, compare them, follow lineages.

The CLI and the Streamlit app call only these functions (and the exporters).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence, Union

from .errors import TooLargeError
from .model import Comparison, CompareOptions, Document, Lineage
from .readers import SUPPORTED, clean_raw, read_bytes, read_path
from .readers.safety import DEFAULT_LIMITS, Limits
from .structure import build_document
from .symbols import short_label  # noqa: F401  (part of the public face: the app proposes labels with it)
from .textclean import clean

if TYPE_CHECKING:
    from .readers.worker import Bounded

Source = Union[str, os.PathLike, bytes]


def load(source: Source, *, name: str | None = None, label: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read one version and recover its structure.

    ``source`` is a path (``str`` or ``os.PathLike``) or the bytes of an upload,
    in which case ``name`` gives the file name and so the format.  Pasted text
    goes through :func:`load_text` — a string is never guessed to be text, so a
    mistyped file name is an error, not a one-line "document".  Raises
    :class:`compare.errors.InputError` subclasses for bad input.

    Reading and structure run in a worker process (:mod:`compare.readers.worker`)
    stopped after ``limits.max_seconds`` or when it needs more than
    ``limits.max_memory_bytes``: a slow pattern, a PDF bomb or a stalled C parser
    ends in one clear error, not a hang.
    """
    if not _needs_worker(source, name) or not _worker().enabled():
        return _load(source, name, clean(label) if label else None, limits)
    return _start_reading(source, name, label, limits).result()


def _start_reading(source: Source, name: str | None, label: str | None, limits: Limits) -> Bounded:
    """:func:`_load` started in a bounded worker (its answer taken with ``.result()``)."""
    shown = clean(name or "upload.txt") if isinstance(source, bytes) else clean(str(source))
    return _worker().Bounded(_load, (source, name, clean(label) if label else None, limits), {}, source=shown,
                   seconds=limits.max_seconds + 1.0, memory=limits.max_memory_bytes)


def load_many(sources: Sequence[Source], *, names: Sequence[str | None] | None = None,
              labels: Sequence[str | None] | None = None, limits: Limits = DEFAULT_LIMITS) -> list[Document]:
    """:func:`load` for several versions, the ones that need a worker read side by side
    (at most one per core at a time): two 1,000-paragraph files take the time of one on a
    2-core machine.  Same results and errors as loading them one by one, in order: the
    first version that fails is the one reported, and the other readings are stopped."""
    n = len(sources)
    names = list(names) if names is not None else [None] * n
    labels = list(labels) if labels is not None else [None] * n
    if sum(_needs_worker(s, nm) for s, nm in zip(sources, names)) < 2 or not _worker().enabled():
        return [load(s, name=nm, label=lb, limits=limits) for s, nm, lb in zip(sources, names, labels)]
    width = max(1, min(os.cpu_count() or 1, 4))
    started: dict[int, Bounded] = {}
    queue = [i for i in range(n) if _needs_worker(sources[i], names[i])]

    def start_next() -> None:
        while queue and len(started) < width:
            i = queue.pop(0)
            started[i] = _start_reading(sources[i], names[i], labels[i], limits)

    docs: list[Document] = []
    try:
        start_next()
        for i in range(n):
            if i in started:
                job = started.pop(i)
                docs.append(job.result())
                start_next()
            else:
                docs.append(load(sources[i], name=names[i], label=labels[i], limits=limits))
    finally:
        for job in started.values():
            job.cancel()
    return docs


#: Text and Word files up to this size are read in this process: every pattern run on
#: read text is linear, and the zip checks bound what a small .docx can unpack to, so
#: the worker's start-up (40–120 ms measured on a busy 2-core machine) is saved for the
#: common case.  PDFs always go to the worker: PDFium can stall or abort inside C.
IN_PROCESS_BYTES = 128 * 1024


def _needs_worker(source: Source, name: str | None) -> bool:
    ext = Path(name or "upload.txt").suffix.lower() if isinstance(source, bytes) else Path(source).suffix.lower()
    if ext == ".pdf":
        return True
    if isinstance(source, bytes):
        return len(source) > IN_PROCESS_BYTES
    try:
        return os.stat(source).st_size > IN_PROCESS_BYTES
    except (OSError, ValueError):
        return False        # missing, unreadable, odd name: read_path says so in one line


def _worker():
    """:mod:`compare.readers.worker`, imported when a reading or a comparison needs a bounded
    worker: small inputs are read and compared here, without its signal, threading and
    traceback imports (~2 ms of every process's start-up)."""
    from .readers import worker

    return worker


def _load(source: Source, name: str | None, label: str | None, limits: Limits) -> Document:
    """:func:`load`'s work (in the worker): read, recover structure, check the limits again."""
    if isinstance(source, bytes):
        raw = read_bytes(source, name or "upload.txt", limits)
    else:
        raw = read_path(source, limits)
    doc = build_document(raw, label=label or default_label(raw.source))
    check_document(doc, limits)
    return doc


def check_document(doc: Document, limits: Limits = DEFAULT_LIMITS) -> None:
    """The limits again after structure: one reader block can become thousands of
    paragraphs (``"1.\\n" × 100000``), so paragraphs and words are counted here too."""
    src = doc.source or doc.label or "<text>"
    if len(doc.paragraphs) > limits.max_paragraphs:
        raise TooLargeError(src, f"more than {limits.max_paragraphs:,} paragraphs; too large to compare")
    total = 0
    for p in doc.paragraphs:
        n = len(p.text.split())
        if n > limits.max_paragraph_words:
            raise TooLargeError(src, f"paragraph {p.id} has more than {limits.max_paragraph_words:,} words; "
                                     "too large to compare")
        total += n
    if total > limits.max_words:
        raise TooLargeError(src, f"more than {limits.max_words:,} words; too large to compare")


def load_text(text: str, *, name: str = "<text>", label: str | None = None) -> Document:
    """Read pasted text (never taken for a path)."""
    from .errors import EmptyInputError
    from .readers.text import read_text

    if not text.strip():
        raise EmptyInputError(name, "the text is empty")
    raw = clean_raw(read_text(text, name, fmt="txt"))
    doc = build_document(raw, label=clean(label) if label else raw.source)
    check_document(doc)
    return doc


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


#: Above this many paragraph pairs (old × new) or words, a comparison runs in a worker
#: process bounded in time and memory.  Alignment still holds old × new matrices (8 bytes a
#: pair, a few of them), with small per-pair work: on a 2-core machine at load 6, 1,000
#: bench paragraphs a side compare in ~1.4 s, 2,000 identical ones in 1.7 s, 6,000 in 7 s
#: and < 1 GiB; a 70,000-word paragraph edited throughout diffs in 2.7 s.  Below both
#: bounds the fork and the pickled result (~0.15 s for 1,000 paragraphs) cost more than
#: the bound is worth.
WORKER_PAIRS = 1_500_000
WORKER_WORDS = 150_000
#: Beyond this many pairs alignment is refused at once instead of after the time limit
#: (6,000 paragraphs a side: within the worker's memory and time).
MAX_PAIRS = 36_000_000


def compare(old: Document, new: Document, options: CompareOptions | None = None,
            limits: Limits = DEFAULT_LIMITS) -> Comparison:
    """Align two versions and diff every aligned pair (old first).

    Versions in different languages (:func:`cross_language`) are matched by the
    cross-language concordance instead (``Comparison.cross_language``; no word
    diff; the embedding model loads on first use, never for same-language work).
    Large comparisons run in a worker process bounded in time and memory."""
    from .classify import compare_documents

    return _bounded_compare(compare_documents, [old, new], limits, old, new, options or CompareOptions())


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


def compare_versions(docs: list[Document], options: CompareOptions | None = None,
                     limits: Limits = DEFAULT_LIMITS) -> Lineage:
    """Compare each consecutive pair of versions and chain them into paragraph lineages."""
    from .lineage import build_lineage

    docs = list(docs)
    return _bounded_compare(build_lineage, docs, limits, docs, options or CompareOptions())



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
                  closest: str = "unsourced", count_drafts: bool = False, copy: bool | None = None,
                  equivalents: bool = True):
    """Trace the agreed language of one version: what the CLI's ``trace`` and
    ``redline --trace-appendix`` and the app's "Agreed language" view all run.

    ``library``: an open :class:`~compare.library.Library`, or a path / ``":memory:"`` /
    None (the default library) to open — read only: the versions ``earlier`` than
    ``doc`` (loaded with it: the redline's OLD, the app's preceding versions) go into
    a temporary in-memory copy (``copy``: None = only when there is something to add),
    and those ``later`` are left out even when the library holds them.
    ``leave_out_later``: also leave out the library's texts dated after ``doc``, and,
    with a warning, those that cannot be placed in time (undated, same session).
    ``equivalents``: for each paragraph with no verbatim source, its close equivalents
    in the texts used that are in another language (``ParagraphTrace.equivalents``,
    :func:`compare.concordance.close_equivalents`; the embedding model loads only when
    there is such a paragraph and such a text).
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
        if equivalents:
            _add_equivalents(doc, result, lib)
    finally:
        if owned:
            lib.close()
    result.loaded = loaded
    return result


def _add_equivalents(doc: Document, result, lib) -> None:
    """Close equivalents, in the texts the trace used that are in another language, of the
    paragraphs that have no verbatim source: "close equivalent: 61/180 OP1, en"."""
    from .model import Metadata, Paragraph

    unsourced = {p.id for p in result.paragraphs if p.status == "new"}
    foreign = [i for i in result.used if i.language and doc.meta.language and i.language != doc.meta.language]
    if not unsourced or not foreign:
        return
    from .concordance import close_equivalents

    part = Document(meta=doc.meta, paragraphs=[p for p in doc.paragraphs if p.id in unsourced],
                    footnotes=doc.footnotes, label=doc.label)
    others = [Document(meta=Metadata(language=i.language, symbol=i.symbol, title=i.title),
                       paragraphs=[Paragraph(id=pid, kind=kind if kind in ("PP", "OP", "P") else "P", number="",
                                             text=text) for pid, kind, text in lib.paragraphs(i.id)],
                       label=short_label(i.symbol, i.label)) for i in foreign]
    langs = ", ".join(sorted({i.language for i in foreign}))
    result.note("foreign", n=str(len(foreign)), langs=langs, lang=str(doc.meta.language))
    found = close_equivalents(part, others, store=lib)
    for p in result.paragraphs:
        p.equivalents = found.get(p.id, []) if p.id in unsourced else []


def _bounded_compare(fn, docs: list[Document], limits: Limits, *args):
    """Run a comparison here when small, else in a worker with a hard time and memory
    limit; refuse at once what alignment cannot do within them."""
    pairs = list(zip(docs, docs[1:]))
    what = " → ".join(d.label or d.source or "?" for d in docs)
    worst = max((len(a.paragraphs) * len(b.paragraphs) for a, b in pairs), default=0)
    if worst > MAX_PAIRS:
        raise TooLargeError(what, f"too many paragraphs to align ({worst:,} pairs, at most {MAX_PAIRS:,}); "
                                  "compare smaller parts")
    # words counted only when the pairs leave the choice open (10,000 paragraphs: ~50 ms)
    if worst <= WORKER_PAIRS and sum(len(p.text.split()) for d in docs for p in d.paragraphs) <= WORKER_WORDS:
        return fn(*args)
    return _worker().run_bounded(fn, *args, source=what, seconds=limits.max_compare_seconds * max(1, len(pairs)),
                                 memory=limits.max_memory_bytes, doing="comparing", shared=docs)
