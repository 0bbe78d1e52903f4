"""The library of earlier texts that agreed-language tracing looks in.

An embedded SQLite database (stdlib ``sqlite3``, one file) that persists
between runs.  It stores and queries parsed :class:`~compare.model.Document` s and
never reads files itself (:func:`compare.api.open_library` and
:func:`compare.api.add_to_library` parse them, so storage does not depend on the
readers).  For each document it keeps its metadata, its paragraphs and two indexes over the paragraphs'
normalised words (:func:`compare.tokens.words`: casefolded, typography-folded,
the same keys the diff and the alignment use):

* **shingles** — every run of :data:`SHINGLE` consecutive words, hashed to 64
  bits, with the paragraph text and word position: the verbatim-span lookup of
  :mod:`compare.trace` (a draft's shingles → exact matches, extended and checked
  word by word);
* **terms** — the distinct words of each paragraph text with their document
  frequency: candidates for the *closest* paragraph of a draft paragraph that
  has no verbatim source (scored then with the alignment's similarity).

Identical paragraph texts are stored and indexed once (``texts``) and shared
by every document that contains them (boilerplate, unchanged paragraphs of
successive versions).  Each document is added in one transaction, so a crash
mid-insert leaves the library as it was before; a damaged file raises
:class:`LibraryError` (one line) and :meth:`Library.rebuild` starts afresh.

Location: ``":memory:"`` (:data:`MEMORY`, a temporary library that writes nothing
to disk; :meth:`Library.memory_copy` copies any library there), an explicit path, else the ``RESOLUTION_COMPARE_LIBRARY``
environment variable, else a per-user data directory
(``$XDG_DATA_HOME`` or ``~/.local/share``, ``%LOCALAPPDATA%`` on Windows,
``~/Library/Application Support`` on macOS) ``/resolution-compare/library.sqlite3``.
A new library is seeded with the documents ``seed`` returns (``api.open_library``:
the bundled samples, :func:`default_sample_paths`).

Schema (version 1)::

    meta(key TEXT PRIMARY KEY, value TEXT)            -- schema, shingle, created
    documents(id INTEGER PRIMARY KEY, label, symbol, title, language, date,
              session INTEGER, doc_type, adopted INTEGER, source, origin,
              content_hash TEXT UNIQUE, n_paragraphs, n_words, added_at)
    texts(id INTEGER PRIMARY KEY, sha TEXT UNIQUE, text, n_words, refs)
    paragraphs(doc_id, seq, pid, kind, text_id)       -- PRIMARY KEY (doc_id, seq); INDEX (text_id)
    shingles(hash, text_id, pos)                      -- PRIMARY KEY (hash, text_id, pos), WITHOUT ROWID
    terms(hash INTEGER PRIMARY KEY, df)               -- df: number of texts holding the word
    postings(hash, text_id)                           -- PRIMARY KEY (hash, text_id), WITHOUT ROWID
    cuts(doc_id, seq, side)                           -- paragraphs an excerpt gap cuts: side "start" or "end"
    cuts_known(doc_id)                                -- documents whose cuts were recorded

``cuts`` came after the first libraries: a library made before it gets the tables when a document
is next added; its older documents show no cut, and a trace using them says so (re-add them or
rebuild to record them).
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import os
import random
import re
import shutil
import sqlite3
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence, Union

import numpy as np

from . import numerals, symbols
from .errors import InputError
from .language import is_draft_type, is_resolution_type
from .lexicon import cut_at_start
from .model import Document
from .tokens import words

SCHEMA_VERSION = 1
#: words per indexed shingle; the shortest span tracing can find
SHINGLE = 5
ENV_VAR = "RESOLUTION_COMPARE_LIBRARY"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_REBUILD_HINT = "rebuild it: python -m compare trace --rebuild-library (with the same --library)"
#: bundled samples that are not real earlier texts and stay out of the default library
EXCLUDED_SAMPLES = ("draft-rev2-illustrative.fr.md",)

PathLike = Union[str, os.PathLike]
#: what a new library is seeded with: a function returning parsed documents (called once, only when new)
Seed = Optional[Callable[[], Sequence[Document]]]
#: ``Library.open(MEMORY)``: a temporary library in memory (gone when closed; may be shared between threads)
MEMORY = ":memory:"


class LibraryError(InputError):
    """The library database cannot be used (damaged, not a library, too new, in use)."""


def _library_path(path: Optional[PathLike]) -> Path:
    """The library file: ``path`` (``~`` expanded) or :func:`default_path`; one line when unusable."""
    if path is None:
        return default_path()
    if not str(path).strip():
        raise LibraryError("--library", "no file name given")
    try:
        p = Path(path).expanduser()
    except (RuntimeError, ValueError) as exc:      # "~nosuchuser/…", a NUL in the name
        raise LibraryError(str(path), f"not a usable file name ({type(exc).__name__})") from None
    if not p.name or p.name in (".", ".."):
        raise LibraryError(str(path), "is a folder, not a library file; give a file name with --library")
    return p


def _writable(p: Path) -> bool:
    """Whether SQLite can write the library: the file and (for its WAL and lock files) the folder."""
    return os.access(p, os.W_OK) and os.access(p.parent if str(p.parent) else Path("."), os.W_OK | os.X_OK)


def _meta_int(meta: dict, key: str, src: str) -> int:
    """An integer from the meta table, or one clear line."""
    try:
        return int(str(meta.get(key, "0")).strip())
    except ValueError:
        raise LibraryError(src, f"has an unknown layout (bad {key} value); {_REBUILD_HINT}") from None


# ----------------------------------------------------------------------------- hashing

_MASK = (1 << 64) - 1
_PRIME = np.uint64(0x100000001B3)          # odd multiplier of the polynomial shingle hash


@lru_cache(maxsize=1 << 18)
def word_hash(word: str) -> int:
    """Stable unsigned 64-bit hash of one word key (blake2b; not Python's salted hash)."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def _signed(u: int) -> int:
    return u - (1 << 64) if u >= (1 << 63) else u


def shingle_hashes(keys: Sequence[str], k: int = SHINGLE) -> list[int]:
    """Signed 64-bit hashes of every run of ``k`` consecutive word keys (position order)."""
    n = len(keys)
    if n < k:
        return []
    wh = np.fromiter((word_hash(w) for w in keys), dtype=np.uint64, count=n)
    h = np.zeros(n - k + 1, dtype=np.uint64)
    for t in range(k):                      # uint64 arithmetic wraps: hash mod 2**64
        h = h * _PRIME + wh[t:n - k + 1 + t]
    return h.view(np.int64).tolist()


def term_hash(word: str) -> int:
    return _signed(word_hash(word))


def content_hash(doc: Document) -> str:
    """Hash of a document's paragraph words (normalised): same text, same hash,
    whatever the file format, typography or label."""
    h = hashlib.sha256()
    for p in doc.paragraphs:
        h.update(" ".join(words(p.text)).encode("utf-8"))
        h.update(b"\x1e")
    return h.hexdigest()


# ----------------------------------------------------------------------------- metadata helpers


def session_of(doc_or_meta, label: str = "") -> Optional[int]:
    """General Assembly session of a document: from its symbol (``A/RES/61/180``,
    ``A/C.3/63/L.17``), else its label or file name (``A-RES-63-194.en``), else
    its printed session ("Sixty-first session") when its date allows it, else its date (session N
    opens in September of 1945 + N).  None if unknown.

    A draft is written for the coming session: E/CN.6/2006/L.4, dated April 2006 (session 60),
    prints "Sixty first session".  The printed number is taken when it is the date's session or
    the next; another body's session ("Fiftieth session" of a commission) is not the Assembly's."""
    meta = getattr(doc_or_meta, "meta", doc_or_meta)
    label = label or getattr(doc_or_meta, "label", "") or ""
    s = symbols.session(getattr(meta, "symbol", None))
    if s is None:
        s = symbols.session_from_label(label)
    if s is not None:
        return s
    printed = numerals.session_number(getattr(meta, "session", None))
    by_date = None
    date = getattr(meta, "date", None)
    m = re.match(r"(\d{4})-(\d{2})", date or "")
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        by_date = (y - 1945 if mo >= 9 else y - 1946) or None
        by_date = by_date if by_date and by_date > 0 else None
    if printed and printed > 0 and (by_date is None or 0 <= printed - by_date <= 1):
        return printed
    return by_date


def is_adopted(meta, label: str = "") -> bool:
    """An adopted resolution (agreed language proper), not a draft."""
    dt = getattr(meta, "doc_type", None)
    if is_resolution_type(dt):
        return True
    if is_draft_type(dt):
        return False
    if symbols.is_resolution(getattr(meta, "symbol", None)):
        return True
    return symbols.label_names_resolution(label)


@dataclass(frozen=True)
class DocInfo:
    """One document of the library, as tracing reports it."""

    id: int
    label: str
    symbol: Optional[str]
    title: Optional[str]
    language: Optional[str]
    date: Optional[str]
    session: Optional[int]
    doc_type: Optional[str]
    adopted: bool
    source: Optional[str]
    origin: str                 # "sample" or "user"
    content_hash: str
    n_paragraphs: int
    n_words: int
    added_at: str

    @property
    def name(self) -> str:
        """How a negotiator cites it: the symbol when known, else the label."""
        return self.symbol or self.label

    @property
    def order_key(self) -> tuple:
        """Earliest first: session, then date, then insertion order."""
        return (self.session if self.session is not None else 10 ** 6, self.date or "9999", self.id)

    def as_dict(self) -> dict:
        return {
            "id": self.id, "label": self.label, "symbol": self.symbol, "title": self.title,
            "language": self.language, "date": self.date, "session": self.session,
            "doc_type": self.doc_type, "adopted": self.adopted, "source": self.source,
            "origin": self.origin, "n_paragraphs": self.n_paragraphs,
        }


_DOC_COLS = ("id, label, symbol, title, language, date, session, doc_type, adopted, source, origin, "
             "content_hash, n_paragraphs, n_words, added_at")


def _docinfo(row: tuple) -> DocInfo:
    r = list(row)
    r[8] = bool(r[8])
    return DocInfo(*r)


def cut_sides(doc: Document) -> list[tuple[int, str]]:
    """(position, side) of each paragraph whose copy an excerpt gap may cut: "end"
    (:attr:`~compare.model.Document.cut_at_end`), "start" (:func:`~compare.lexicon.cut_at_start`).
    Kept so that a trace does not read words beyond such a cut as new."""
    end, start = doc.cut_at_end, cut_at_start(doc)
    out = []
    for seq, p in enumerate(doc.paragraphs):
        if p.id in start:
            out.append((seq, "start"))
        if p.id in end:
            out.append((seq, "end"))
    return out


# ----------------------------------------------------------------------------- locations

def default_path() -> Path:
    """``$RESOLUTION_COMPARE_LIBRARY``, else the per-user data directory."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "resolution-compare" / "library.sqlite3"


def default_sample_paths() -> list[Path]:
    """The bundled corpus texts (``samples/*.md``) that seed a new library: every
    real text, not ``SOURCES.md`` and not the illustrative revision
    (:data:`EXCLUDED_SAMPLES`: invented, not an earlier text)."""
    d = Path(__file__).resolve().parent.parent / "samples"
    if not d.is_dir():
        return []
    return sorted(p for p in d.glob("*.md")
                  if p.name not in EXCLUDED_SAMPLES and p.name.upper() not in ("SOURCES.MD", "README.MD"))


# ----------------------------------------------------------------------------- the library

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents(
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL, symbol TEXT, title TEXT, language TEXT, date TEXT, session INTEGER,
    doc_type TEXT, adopted INTEGER NOT NULL, source TEXT, origin TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE, n_paragraphs INTEGER NOT NULL, n_words INTEGER NOT NULL,
    added_at TEXT NOT NULL);
CREATE TABLE texts(id INTEGER PRIMARY KEY, sha TEXT NOT NULL UNIQUE, text TEXT NOT NULL,
    n_words INTEGER NOT NULL, refs INTEGER NOT NULL);
CREATE TABLE paragraphs(doc_id INTEGER NOT NULL, seq INTEGER NOT NULL, pid TEXT NOT NULL,
    kind TEXT NOT NULL, text_id INTEGER NOT NULL, PRIMARY KEY(doc_id, seq)) WITHOUT ROWID;
CREATE INDEX paragraphs_text ON paragraphs(text_id);
CREATE TABLE shingles(hash INTEGER NOT NULL, text_id INTEGER NOT NULL, pos INTEGER NOT NULL,
    PRIMARY KEY(hash, text_id, pos)) WITHOUT ROWID;
CREATE TABLE terms(hash INTEGER PRIMARY KEY, df INTEGER NOT NULL);
CREATE TABLE postings(hash INTEGER NOT NULL, text_id INTEGER NOT NULL,
    PRIMARY KEY(hash, text_id)) WITHOUT ROWID;
"""
#: the paragraphs an excerpt gap cuts (:func:`cut_sides`); "IF NOT EXISTS": a library made before it gets it
_CUTS = ("CREATE TABLE IF NOT EXISTS cuts(doc_id INTEGER NOT NULL, seq INTEGER NOT NULL, side TEXT NOT NULL, "
         "PRIMARY KEY(doc_id, seq, side)) WITHOUT ROWID")
#: the documents whose cuts were recorded (with or without any): one added before cuts were kept is not
_CUTS_KNOWN = "CREATE TABLE IF NOT EXISTS cuts_known(doc_id INTEGER PRIMARY KEY)"
_SCHEMA += _CUTS + ";\n" + _CUTS_KNOWN + ";\n"

_CHUNK = 500          # bound parameters per IN (...) query


def _chunks(seq: Sequence, n: int = _CHUNK) -> Iterator[Sequence]:
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


class _Batch:
    """Index rows gathered inside one transaction, written sorted by :meth:`Library._flush`."""

    def __init__(self) -> None:
        self.text_ids: dict[str, int] = {}
        self.shingles: list[tuple[int, int, int]] = []
        self.postings: list[tuple[int, int]] = []
        self.df: dict[int, int] = {}


class Library:
    """A persistent library of earlier texts.  Open with :meth:`open`; use as a
    context manager or call :meth:`close`."""

    def __init__(self, path: Path, conn: sqlite3.Connection, shingle: int):
        self.path = path
        self.conn = conn
        self.shingle = shingle

    # ------------------------------------------------------------------ open / create / rebuild

    @classmethod
    def open(cls, path: Optional[PathLike] = None, *, seed: Seed = None, create: bool = True) -> "Library":
        """Open the library at ``path`` (default: :func:`default_path`), creating it
        (and adding the documents ``seed()`` returns, as samples) when it does not exist."""
        if path is not None and str(path) == MEMORY:
            return cls._open_memory(seed)
        p = _library_path(path)
        src = str(p)
        is_new = not p.exists() or p.stat().st_size == 0
        if not is_new:
            try:
                with open(p, "rb") as fh:
                    head = fh.read(16)
            except OSError as exc:
                raise LibraryError(src, f"cannot read the library ({exc.strerror or exc})") from None
            if head != _SQLITE_MAGIC:
                raise LibraryError(src, f"is not a library database (damaged or another kind of file); {_REBUILD_HINT}")
        elif not create:
            raise LibraryError(src, "no library here")
        else:
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(src, f"cannot create the library folder ({exc.strerror or exc})") from None
        if not is_new and not _writable(p):
            raise LibraryError(src, "the library is read-only (its file or folder cannot be written); "
                                    "choose another with --library")
        try:
            conn = sqlite3.connect(str(p), isolation_level=None, timeout=10.0)
        except sqlite3.Error as exc:
            raise LibraryError(src, f"cannot open the library ({exc})") from None
        lib = cls(p, conn, SHINGLE)
        try:
            with lib._guard():
                conn.execute("PRAGMA busy_timeout = 10000")
                conn.execute("PRAGMA cache_size = -65536")      # 64 MB page cache, used as needed
                created = lib._create_once()
                if created:
                    lib._seed(seed)
                meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
                version = _meta_int(meta, "schema", src)
                if version > SCHEMA_VERSION:
                    raise LibraryError(src, f"was written by a newer version (schema {version}); update Resolution Compare")
                if version != SCHEMA_VERSION or "shingle" not in meta:
                    raise LibraryError(src, f"has an unknown layout (schema {version}); {_REBUILD_HINT}")
                lib.shingle = _meta_int(meta, "shingle", src)
                if not 1 <= lib.shingle <= 64:
                    raise LibraryError(src, f"has an unknown layout (bad shingle value); {_REBUILD_HINT}")
                conn.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            conn.close()
            raise
        return lib

    @classmethod
    def _open_memory(cls, seed: Seed) -> "Library":
        conn = sqlite3.connect(MEMORY, isolation_level=None, check_same_thread=False)
        lib = cls(Path(MEMORY), conn, SHINGLE)
        try:
            with lib._guard():
                lib._create()
                lib._seed(seed)
        except BaseException:
            conn.close()
            raise
        return lib

    @property
    def in_memory(self) -> bool:
        return str(self.path) == MEMORY

    def memory_copy(self) -> "Library":
        """A copy of this library in a temporary in-memory database (nothing written
        to disk): add session texts to it without touching the original."""
        conn = sqlite3.connect(MEMORY, isolation_level=None, check_same_thread=False)
        try:
            with self._guard():
                self.conn.backup(conn)
        except BaseException:
            conn.close()
            raise
        return type(self)(Path(MEMORY), conn, self.shingle)

    def _create(self) -> None:
        """Create the schema in a new (in-memory) database."""
        if not self._create_once():
            raise LibraryError(str(self.path), "is an SQLite database but not a Resolution Compare library")

    def _create_once(self) -> bool:
        """Create the schema unless it is there, under ``BEGIN IMMEDIATE``: two processes
        opening a new library at once are serialised by SQLite's own lock, the second
        sees the first one's tables.  Returns whether this call created them.

        Switching a new file to WAL can fail with "database is locked" at once (SQLite
        does not wait there while the other process converts it): retried for 10 s."""
        deadline = time.monotonic() + 10.0
        while True:
            try:
                return self._create_once_try()
            except sqlite3.OperationalError as exc:
                msg = str(exc)
                if ("locked" not in msg and "busy" not in msg) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02 + random.random() * 0.08)

    def _create_once_try(self) -> bool:
        c = self.conn
        if not self.in_memory:
            c.execute("PRAGMA journal_mode = WAL")
        c.execute("PRAGMA synchronous = NORMAL")
        c.execute("BEGIN IMMEDIATE")
        try:
            has_meta = c.execute(
                "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()[0]
            if has_meta:
                c.execute("COMMIT")
                return False
            if c.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise LibraryError(str(self.path), "is an SQLite database but not a Resolution Compare library")
            for stmt in _SCHEMA.strip().split(";"):
                if stmt.strip():
                    c.execute(stmt)
            now = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
            c.executemany("INSERT INTO meta VALUES (?, ?)",
                          [("schema", str(SCHEMA_VERSION)), ("shingle", str(self.shingle)), ("created", now)])
            c.execute("COMMIT")
            return True
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise

    def _seed(self, seed: Seed) -> None:
        docs = list(seed()) if seed else []
        if docs:
            self.add_documents(docs, origin="sample")

    @classmethod
    def rebuild(cls, path: Optional[PathLike] = None, *, seed: Seed = None,
                reload: Optional[Callable[[str], Document]] = None) -> tuple["Library", list[str]]:
        """Start the library afresh: the old file (damaged or not) is kept beside it as
        ``<name>.broken``; a new library is created (seeded with ``seed()``) and the
        files the user had added are added again (parsed by ``reload(path)``) when the
        old file still lists them and they still exist.  Returns the new library and
        notes for the user."""
        p = _library_path(path)
        if p.is_dir():
            raise LibraryError(str(p), "is a folder, not a library file; give a file name with --library")
        notes: list[str] = []
        user_sources: list[str] = []
        if p.exists() and p.stat().st_size > 0:
            try:
                conn = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True)
                try:
                    user_sources = [r[0] for r in conn.execute(
                        "SELECT source FROM documents WHERE origin = 'user' AND source IS NOT NULL ORDER BY id")]
                finally:
                    conn.close()
            except sqlite3.Error:
                notes.append("the old library could not be read: add your own files again")
            backup = p.with_name(p.name + ".broken")
            try:
                shutil.move(str(p), str(backup))
            except OSError as exc:
                raise LibraryError(str(p), f"cannot rebuild the library: it cannot be moved aside "
                                           f"({exc.strerror or type(exc).__name__}; read-only folder?)") from None
            notes.append(f"old library kept as {backup}")
        for ext in ("-wal", "-shm", "-journal"):
            side = p.with_name(p.name + ext)
            try:
                if side.exists():
                    side.unlink()
            except OSError as exc:
                raise LibraryError(str(side), f"cannot rebuild the library ({exc.strerror or type(exc).__name__})") from None
        lib = cls.open(p, seed=seed)
        for s in user_sources:
            if Path(s).is_file() and reload is None:
                notes.append(f"not added again (add it again yourself): {s}")
            elif Path(s).is_file():
                try:
                    lib.add_document(reload(s), source=s)
                    notes.append(f"added again: {s}")
                except InputError as exc:
                    notes.append(f"not added again: {exc}")
            else:
                notes.append(f"no longer there, not added again: {s}")
        return lib, notes

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ errors

    class _Guard:
        def __init__(self, lib: "Library"):
            self.lib = lib

        def __enter__(self):
            return self

        def __exit__(self, et, ev, tb):
            if et is None or not issubclass(et, sqlite3.Error):
                return False
            msg = str(ev)
            src = str(self.lib.path)
            if "locked" in msg or "busy" in msg:
                raise LibraryError(src, "the library is in use by another program; try again") from None
            if isinstance(ev, sqlite3.OperationalError) and ("readonly" in msg or "read-only" in msg):
                raise LibraryError(src, "the library cannot be written (read-only)") from None
            if isinstance(ev, sqlite3.OperationalError) and not self.lib.in_memory and not _writable(self.lib.path):
                raise LibraryError(src, "the library cannot be written (read-only)") from None
            if isinstance(ev, sqlite3.OperationalError) and "disk" in msg and "full" in msg:
                raise LibraryError(src, "the disk is full") from None
            raise LibraryError(src, f"the library database is damaged ({msg}); {_REBUILD_HINT}") from None

    def _guard(self) -> "Library._Guard":
        return Library._Guard(self)

    # ------------------------------------------------------------------ adding

    def add_document(self, doc: Document, *, origin: str = "user", source: Optional[str] = None) -> tuple[DocInfo, bool]:
        """Add a parsed document and index its paragraphs, in one transaction.
        Returns the document and whether it was new (same text: not added twice)."""
        return self.add_documents([doc], origin=origin, sources=[source])[0]

    def add_documents(self, docs: Sequence[Document], *, origin: str = "user",
                      sources: Optional[Sequence[Optional[str]]] = None) -> list[tuple[DocInfo, bool]]:
        """Add several parsed documents in ONE transaction (all or none): much
        faster for bulk loads, since the index pages are written once."""
        prepared = []
        for k, doc in enumerate(docs):
            src = sources[k] if sources is not None and sources[k] is not None else (
                doc.source if doc.source and not doc.source.startswith("<") else None)
            if src:
                try:
                    src = str(Path(src).resolve())
                except OSError:
                    pass
            if not doc.paragraphs:
                raise InputError(doc.source or doc.label or "<document>", "has no paragraphs to add to the library")
            keys = [words(p.text) for p in doc.paragraphs]
            prepared.append((doc, src, content_hash(doc), keys))
        now = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
        c = self.conn
        results: list[tuple[int, bool]] = []
        with self._guard():
            c.execute("BEGIN IMMEDIATE")
            try:
                batch = _Batch()
                for doc, src, chash, keys in prepared:
                    row = c.execute("SELECT id FROM documents WHERE content_hash = ?", (chash,)).fetchone()
                    if row:
                        results.append((row[0], False))
                        continue
                    meta = doc.meta
                    label = doc.label or Path(doc.source).stem
                    cur = c.execute(
                        "INSERT INTO documents(label, symbol, title, language, date, session, doc_type, adopted, source,"
                        " origin, content_hash, n_paragraphs, n_words, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        (label, meta.symbol, meta.title, meta.language, meta.date, session_of(meta, label),
                         meta.doc_type, int(is_adopted(meta, label)), src, origin, chash, len(doc.paragraphs),
                         sum(len(k) for k in keys), now))
                    self._insert_paragraphs(cur.lastrowid, doc, keys, batch)
                    results.append((cur.lastrowid, True))
                self._flush(batch)
                c.execute("COMMIT")
            except BaseException:
                if c.in_transaction:
                    c.execute("ROLLBACK")
                raise
            out = []
            for doc_id, new in results:
                row = c.execute(f"SELECT {_DOC_COLS} FROM documents WHERE id = ?", (doc_id,)).fetchone()
                out.append((_docinfo(row), new))
        return out

    def _insert_paragraphs(self, doc_id: int, doc: Document, keys: list[list[str]], batch: "_Batch") -> None:
        c = self.conn
        par_rows = []
        for seq, (p, ks) in enumerate(zip(doc.paragraphs, keys)):
            sha = hashlib.sha256(p.text.encode("utf-8")).hexdigest()
            text_id = batch.text_ids.get(sha)
            if text_id is None:
                r = c.execute("SELECT id FROM texts WHERE sha = ?", (sha,)).fetchone()
                text_id = r[0] if r else None
            if text_id is not None:
                c.execute("UPDATE texts SET refs = refs + 1 WHERE id = ?", (text_id,))
            else:
                text_id = c.execute("INSERT INTO texts(sha, text, n_words, refs) VALUES (?,?,?,1)",
                                    (sha, p.text, len(ks))).lastrowid
                batch.text_ids[sha] = text_id
                hs = shingle_hashes(ks, self.shingle)
                batch.shingles.extend(zip(hs, [text_id] * len(hs), range(len(hs))))
                for t in {term_hash(w) for w in ks}:
                    batch.postings.append((t, text_id))
                    batch.df[t] = batch.df.get(t, 0) + 1
            par_rows.append((doc_id, seq, p.id, p.kind, text_id))
        c.executemany("INSERT INTO paragraphs(doc_id, seq, pid, kind, text_id) VALUES (?,?,?,?,?)", par_rows)
        cuts = cut_sides(doc)
        c.execute(_CUTS)
        c.execute(_CUTS_KNOWN)
        c.execute("INSERT OR IGNORE INTO cuts_known(doc_id) VALUES (?)", (doc_id,))
        if cuts:
            c.executemany("INSERT OR IGNORE INTO cuts(doc_id, seq, side) VALUES (?,?,?)",
                          [(doc_id, seq, side) for seq, side in cuts])
        if len(batch.shingles) > 200_000:
            self._flush(batch)

    def _flush(self, batch: "_Batch") -> None:
        """Write the batch's index rows, sorted (B-tree locality)."""
        c = self.conn
        batch.shingles.sort()
        c.executemany("INSERT OR IGNORE INTO shingles(hash, text_id, pos) VALUES (?,?,?)", batch.shingles)
        batch.postings.sort()
        c.executemany("INSERT INTO postings(hash, text_id) VALUES (?,?)", batch.postings)
        c.executemany("INSERT INTO terms(hash, df) VALUES (?, ?) ON CONFLICT(hash) DO UPDATE SET df = df + excluded.df",
                      sorted(batch.df.items()))
        batch.shingles, batch.postings, batch.df = [], [], {}

    def remove(self, doc_id: int) -> bool:
        """Remove one document (and the indexed texts no other document shares)."""
        c = self.conn
        with self._guard():
            c.execute("BEGIN IMMEDIATE")
            try:
                tids = [r[0] for r in c.execute("SELECT text_id FROM paragraphs WHERE doc_id = ?", (doc_id,))]
                if not c.execute("DELETE FROM documents WHERE id = ?", (doc_id,)).rowcount:
                    c.execute("ROLLBACK")
                    return False
                c.execute("DELETE FROM paragraphs WHERE doc_id = ?", (doc_id,))
                c.execute(_CUTS)
                c.execute("DELETE FROM cuts WHERE doc_id = ?", (doc_id,))
                c.execute(_CUTS_KNOWN)
                c.execute("DELETE FROM cuts_known WHERE doc_id = ?", (doc_id,))
                for tid in tids:
                    c.execute("UPDATE texts SET refs = refs - 1 WHERE id = ?", (tid,))
                dead = [r[0] for r in c.execute("SELECT id FROM texts WHERE refs <= 0")]
                for tid in dead:
                    terms = [r[0] for r in c.execute("SELECT hash FROM postings WHERE text_id = ?", (tid,))]
                    c.executemany("UPDATE terms SET df = df - 1 WHERE hash = ?", [(t,) for t in terms])
                    c.execute("DELETE FROM postings WHERE text_id = ?", (tid,))
                    c.execute("DELETE FROM shingles WHERE text_id = ?", (tid,))
                    c.execute("DELETE FROM texts WHERE id = ?", (tid,))
                c.execute("DELETE FROM terms WHERE df <= 0")
                c.execute("COMMIT")
            except BaseException:
                if c.in_transaction:
                    c.execute("ROLLBACK")
                raise
        return True

    # ------------------------------------------------------------------ reading

    def documents(self) -> list[DocInfo]:
        with self._guard():
            return [_docinfo(r) for r in self.conn.execute(f"SELECT {_DOC_COLS} FROM documents ORDER BY id")]

    def find(self, key: str) -> list[DocInfo]:
        """Documents whose label, symbol or file name is ``key`` (case-insensitive)."""
        k = key.strip().casefold()
        return [d for d in self.documents()
                if k in {d.label.casefold(), (d.symbol or "").casefold(), Path(d.source or "").name.casefold(),
                         str(d.id)}]

    def stats(self) -> dict[str, int]:
        with self._guard():
            q = lambda s: self.conn.execute(s).fetchone()[0]  # noqa: E731
            return {"documents": q("SELECT count(*) FROM documents"), "paragraphs": q("SELECT count(*) FROM paragraphs"),
                    "texts": q("SELECT count(*) FROM texts"), "shingles": q("SELECT count(*) FROM shingles"),
                    "terms": q("SELECT count(*) FROM terms")}

    def check(self) -> list[str]:
        """SQLite's integrity check plus the library's own invariants; [] when sound."""
        with self._guard():
            c = self.conn
            out = [r[0] for r in c.execute("PRAGMA integrity_check") if r[0] != "ok"]
            bad = c.execute("SELECT d.id FROM documents d LEFT JOIN paragraphs p ON p.doc_id = d.id "
                            "GROUP BY d.id HAVING count(p.seq) != d.n_paragraphs").fetchall()
            out += [f"document {r[0]}: paragraph count differs" for r in bad]
            if c.execute("SELECT count(*) FROM paragraphs p LEFT JOIN documents d ON d.id = p.doc_id "
                         "WHERE d.id IS NULL").fetchone()[0]:
                out.append("paragraphs without a document")
            if c.execute("SELECT count(*) FROM shingles s LEFT JOIN texts t ON t.id = s.text_id "
                         "WHERE t.id IS NULL").fetchone()[0]:
                out.append("shingles without a text")
            if c.execute("SELECT count(*) FROM texts t WHERE refs != (SELECT count(*) FROM paragraphs p "
                         "WHERE p.text_id = t.id)").fetchone()[0]:
                out.append("text reference counts differ")
            return out

    # --- lookups for tracing

    def _rows_in(self, select: str, column: str, keys: Iterable[int]) -> Iterator[tuple]:
        """Rows of ``SELECT … WHERE column IN keys``, asked in chunks SQLite accepts."""
        ks = sorted(set(keys))
        with self._guard():
            for ch in _chunks(ks):
                yield from self.conn.execute(f"{select} WHERE {column} IN ({','.join('?' * len(ch))})", ch)

    def shingle_hits(self, hashes: Iterable[int]) -> list[tuple[int, int, int]]:
        """(hash, text_id, pos) of every indexed shingle among ``hashes``."""
        return list(self._rows_in("SELECT hash, text_id, pos FROM shingles", "hash", hashes))

    def occurrences(self, text_ids: Iterable[int]) -> dict[int, list[tuple[int, int, str]]]:
        """text_id → [(doc_id, seq, paragraph id)] of every paragraph with that text."""
        out: dict[int, list[tuple[int, int, str]]] = {}
        for tid, did, seq, pid in self._rows_in("SELECT text_id, doc_id, seq, pid FROM paragraphs", "text_id", text_ids):
            out.setdefault(tid, []).append((did, seq, pid))
        return out

    def _has_table(self, name: str) -> bool:
        """Whether the library has table ``name`` (one made before the table was added has not)."""
        with self._guard():
            return bool(self.conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?",
                                          (name,)).fetchone()[0])

    def cuts(self, doc_ids: Iterable[int]) -> dict[tuple[int, str], frozenset[str]]:
        """(doc id, paragraph id) → the sides ("start", "end") where that paragraph's copy is cut
        by an excerpt gap, for the paragraphs of ``doc_ids`` that are cut; {} in a library made
        before cuts were kept."""
        if not self._has_table("cuts"):
            return {}
        out: dict[tuple[int, str], set[str]] = {}
        for did, pid, side in self._rows_in("SELECT c.doc_id, p.pid, c.side FROM cuts c JOIN paragraphs p "
                                            "ON p.doc_id = c.doc_id AND p.seq = c.seq", "c.doc_id", doc_ids):
            out.setdefault((did, pid), set()).add(side)
        return {k: frozenset(v) for k, v in out.items()}

    def cuts_unrecorded(self, doc_ids: Iterable[int]) -> list[int]:
        """The documents of ``doc_ids`` added before cuts were kept: for them, words beyond an excerpt
        source's cut read as new (re-add them, or rebuild the library)."""
        ids = sorted(set(doc_ids))
        if not self._has_table("cuts_known"):
            return ids
        known = {r[0] for r in self._rows_in("SELECT doc_id FROM cuts_known", "doc_id", ids)}
        return [d for d in ids if d not in known]

    # ------------------------------------------------------------------ sentence vectors
    #: vectors of paragraph texts (cross-language equivalents), keyed by the text's hash
    #: and the model's name; a cache beside the index, created on first use (older
    #: libraries simply get the table), never needed for the verbatim trace
    _VECTORS = "CREATE TABLE IF NOT EXISTS vectors(key TEXT NOT NULL, model TEXT NOT NULL, vec BLOB NOT NULL, " \
               "PRIMARY KEY(key, model)) WITHOUT ROWID"

    def vectors(self, keys: Sequence[str], model: str) -> dict[str, bytes]:
        """Stored vectors (raw float32 bytes) of the texts with these keys; {} if none."""
        out: dict[str, bytes] = {}
        try:
            with self._guard():
                for ch in _chunks(sorted(set(keys))):
                    out.update(self.conn.execute(
                        f"SELECT key, vec FROM vectors WHERE model = ? AND key IN ({','.join('?' * len(ch))})",
                        (model, *ch)))
        except (sqlite3.OperationalError, LibraryError):       # no table yet, or a locked file
            return {}
        return out

    def store_vectors(self, items: dict[str, bytes], model: str) -> bool:
        """Keep vectors for next time; False (nothing kept) when the library cannot be written."""
        if not items:
            return True
        try:
            with self._guard():
                self.conn.execute(self._VECTORS)
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    self.conn.executemany("INSERT OR IGNORE INTO vectors VALUES (?, ?, ?)",
                                          [(k, model, v) for k, v in items.items()])
                    self.conn.execute("COMMIT")
                except BaseException:
                    self.conn.execute("ROLLBACK")
                    raise
        except (sqlite3.Error, LibraryError):                 # read-only or busy: a cache, not data
            return False
        return True

    def paragraphs(self, doc_id: int) -> list[tuple[str, str, str]]:
        """(paragraph id, kind, text) of one document, in its order."""
        with self._guard():
            return list(self.conn.execute(
                "SELECT p.pid, p.kind, t.text FROM paragraphs p JOIN texts t ON t.id = p.text_id "
                "WHERE p.doc_id = ? ORDER BY p.seq", (doc_id,)))

    def texts(self, text_ids: Iterable[int]) -> dict[int, str]:
        return dict(self._rows_in("SELECT id, text FROM texts", "id", text_ids))

    def term_df(self, hashes: Iterable[int]) -> dict[int, int]:
        return dict(self._rows_in("SELECT hash, df FROM terms", "hash", hashes))

    def term_postings(self, term: int, limit: int) -> list[int]:
        with self._guard():
            return [r[0] for r in self.conn.execute(
                "SELECT text_id FROM postings WHERE hash = ? LIMIT ?", (term, limit))]

    def n_texts(self) -> int:
        with self._guard():
            return self.conn.execute("SELECT count(*) FROM texts").fetchone()[0]
