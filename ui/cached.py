"""The app's cached calls of the library, defined once per server process.

Defined in a module rather than in ``ui/app.py``: the script runs again for every session and every
change, and each run re-decorated its cached functions, which made Streamlit look up their source
again (``inspect.getsource``: a stat of every file on the stack, 30-50 ms of the first page on a busy
machine).  Arguments starting with "_" are not hashed: the digest stands for the bytes.  Uploads and
pasted text stay in memory; written to disk are only the user's saved library, when chosen, and the
bundled samples' readings and comparisons (:mod:`ui.diskcache`).
"""
from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, replace

import streamlit as st

from compare.api import compare_versions, load, load_text, open_library, trace_version
from compare.errors import InputError
from compare.model import CompareOptions, Lineage
from compare.textclean import clean
from ui import diskcache
from ui.examples import EXAMPLES, SAMPLES

#: The bundled samples' file names (their results may be kept on disk: :func:`bundled`).
SAMPLE_NAMES = frozenset(name for versions in EXAMPLES.values() for name, _ in versions)


@dataclass(frozen=True)
class Source:
    """One version as given: bytes in memory and how to name it."""

    key: str            # stable widget key
    name: str           # file name (gives the format) or a name for pasted text
    data: bytes
    default_label: str
    origin: str         # "example", "upload", "pasted"
    digest: str

    @property
    def cache_key(self) -> tuple[str, str, str]:
        return (self.digest, self.name, self.origin == "pasted")


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@st.cache_data(show_spinner=False, max_entries=16)
def sample_bytes(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def example_sources(example: str) -> list[Source]:
    """The versions of one bundled example set (:data:`ui.examples.EXAMPLES`), as the app lists them."""
    out = []
    for fname, label in EXAMPLES[example]:
        data = sample_bytes(fname)
        out.append(Source(f"example:{fname}", fname, data, label, "example", digest(data)))
    return out


def bundled(digest_: str, name: str, pasted: bool = False) -> bool:
    """True for the bytes of a bundled sample: the only results kept on disk between server starts
    (:mod:`ui.diskcache`); an upload or pasted text never is."""
    return not pasted and name in SAMPLE_NAMES and digest(sample_bytes(name)) == digest_


@st.cache_data(show_spinner="Reading the version …", max_entries=128)
def load_source(digest: str, name: str, pasted: bool, _data: bytes):
    """(Document, None) or (None, the one-line error)."""
    disk_key = ("load", digest, name) if bundled(digest, name, pasted) else None
    if disk_key and (doc := diskcache.get(disk_key)) is not None:
        return doc, None
    try:
        doc = load_text(_data.decode("utf-8"), name=name) if pasted else load(_data, name=name)
        if disk_key:
            diskcache.put(disk_key, doc)
        return doc, None
    except InputError as err:
        return None, str(err)
    except Exception as exc:  # a bug must not take the other versions down (its text may quote the file)
        return None, f"{clean(name)}: could not be read ({type(exc).__name__})"


@st.cache_data(show_spinner="Comparing the versions … (versions in different languages: the multilingual model "
                             "loads the first time, a few seconds)", max_entries=32)
def compare(keys: tuple, options: CompareOptions, _sources: tuple) -> Lineage:
    """The versions compared; for the bundled samples, kept on disk too (a new server skips the alignment)."""
    disk_key = ("compare", keys, repr(options)) if all(bundled(*k) for k in keys) else None
    if disk_key and (lineage := diskcache.get(disk_key)) is not None:
        return lineage
    docs = [load_source(*s.cache_key, s.data)[0] for s in _sources]
    lineage = compare_versions(docs, options)
    if disk_key:
        diskcache.put(disk_key, lineage)
    return lineage


@st.cache_data(show_spinner="Writing the Word redline …", max_entries=32)
def redline(key: tuple, step: int, author: str, moves: str, trace_key, _lineage: Lineage, _trace=None,
             outside: str = "show", numbering: str = "auto") -> bytes:
    from compare.export.redline import redline_docx

    return redline_docx(_lineage.comparisons[step], author=author or None, moves=moves, trace=_trace,
                        outside=outside, numbering=numbering)


@st.cache_resource(show_spinner="Indexing the bundled samples …")
def sample_library():
    """The bundled samples in a temporary in-memory library (nothing written to disk), shared by
    every session; a lock guards the copies each trace takes of it."""
    from compare.library import MEMORY

    return open_library(MEMORY), threading.Lock()


def saved_library_path() -> tuple[str, float]:
    from compare.library import default_path

    p = default_path()
    try:
        return str(p), p.stat().st_mtime
    except OSError:
        return str(p), 0.0


@st.cache_data(show_spinner="Tracing agreed language …", max_entries=16)
def trace(key: tuple, min_words: int, before_auto: bool, not_later: bool, library: str, _doc, _older: tuple,
           _newer: tuple, dates: tuple = (), adopted: tuple = ()):
    """(trace_dict, {library doc id: name}, None) or (None, {}, the one-line problem).

    :func:`compare.api.trace_version` on a temporary in-memory copy of the samples (or, when
    chosen, of the saved library) with the versions loaded here that come before the traced
    one; those that come after it are left out, and with ``not_later`` so are the texts
    dated after it and those that cannot be dated (unless ``dates`` dates them)."""
    from compare.export.trace_views import trace_dict

    try:
        if library == "saved":
            with open_library() as stored:          # the user chose it: may create it (with the samples)
                lib = stored.memory_copy()
        else:
            base, lock = sample_library()
            with lock:
                lib = base.memory_copy()
        with lib:
            result = trace_version(_doc, lib, earlier=[replace(d, label=lab) for d, lab in _older],
                                   later=[d for d, _ in _newer], min_words=min_words,
                                   before="auto" if before_auto else None, leave_out_later=not_later,
                                   dates=dict(dates), adopted=list(adopted), copy=False)
        names = {k: f"{v} (loaded)" for k, v in result.loaded.items()}
        return trace_dict(result), names, None
    except ValueError as exc:
        return None, {}, f"Cannot trace: {exc}"
    except InputError as err:
        return None, {}, str(err)


@st.cache_data(show_spinner="Writing the compilation table …", max_entries=32)
def table(key: tuple, fmt: str, _lineage: Lineage) -> bytes:
    from compare.export.table import table_bytes

    return table_bytes(_lineage, fmt)


@st.cache_data(show_spinner=False, max_entries=16)
def pdf(key: tuple, view: str, paper: str, _lineage: Lineage) -> bytes:
    from compare.export.pdf import comparison_pdf

    return comparison_pdf(_lineage.comparisons, view, paper=paper)


@st.cache_data(show_spinner=False, max_entries=32)
def json_bytes(key: tuple, _lineage: Lineage, _notes: tuple = ()) -> bytes:
    """The JSON of the CLI's ``diff --format json``, with the notes about the versions' order
    (``_notes`` follow from what ``key`` stands for: the versions, their labels and order)."""
    from compare.collector import paused
    from compare.export.jsonout import dumps, versions_dict

    with paused():
        data = versions_dict(_lineage.versions, _lineage.comparisons, _lineage, _notes)
    return (dumps(data) + "\n").encode("utf-8")
