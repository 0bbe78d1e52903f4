"""Limits and decoding shared by every reader: what one file may cost us.

Checks here run before any parser sees the bytes, so one bad file cannot exhaust
memory, hang the program or pass binary data off as text.  Every limit is a field
of :class:`Limits`; callers override them with ``Limits(max_seconds=10, ...)`` and
pass that to :func:`compare.api.load` / :func:`compare.readers.read_path`.

How each risk is bounded
------------------------

* **Size** — the file size is checked (from ``stat`` before the file is read, and
  again on the bytes of an upload) against ``max_file_bytes``; text formats have
  the tighter ``max_text_bytes``/``max_text_chars``.
* **Zip bombs** (``.docx``) — the zip directory is inspected before anything is
  inflated: number of members, the sum of their declared sizes, the declared size
  of each part we read and its compression ratio.  Parts are then inflated through
  a bounded stream that stops at the declared size (a lying header cannot make us
  inflate more), with a running budget for the whole file.
* **XML tricks** (XXE, billion laughs, external DTDs) — Word never writes a DTD, so
  a part that declares one is refused before parsing; the parser itself runs with
  entity resolution, DTD loading and network access off and lxml's ``huge_tree``
  safety limits on.  External relationships (links to files or URLs) are never
  followed.
* **Time** — reading is bounded by a *cooperative* deadline (``max_seconds``):
  every reader calls :func:`tick` in its loops (per page, per paragraph, every few
  thousand characters) and gives up with :class:`~compare.errors.TooLargeError`
  when the deadline has passed.  This is portable (any thread, any OS, also inside
  Streamlit, which runs scripts outside the main thread where ``signal.alarm`` is
  unavailable) and never leaves a half-killed parser behind.  Its limit: a single
  call into a C library (one lxml parse, one PDFium page load) is not interrupted;
  the size limits above bound what such a call can be given.  For that,
  :func:`compare.api.load` reads PDFs and larger files in a worker process
  (:mod:`.worker`) that is stopped at ``max_seconds`` or ``max_memory_bytes``.
* **Paragraph count** — ``max_paragraphs`` blocks per file, checked while reading,
  and again (with ``max_paragraph_words`` and ``max_words``) after structure.

Nothing is written: readers work on the bytes in memory, no temporary files.
"""
from __future__ import annotations

import codecs
import contextvars
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, Optional

from ..errors import BinaryContentError, EmptyInputError, TooLargeError

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Per-file limits.  Sizes are in bytes, times in seconds.

    The defaults are one to two orders of magnitude above the largest real UN
    resolution or report (a resolution is 20–200 KB of text, a few hundred
    paragraphs), and low enough that one file cannot take more than a few hundred
    MB of memory.
    """

    max_file_bytes: int = 64 * MiB         # any file, on disk or uploaded
    max_text_bytes: int = 16 * MiB         # .txt/.md/.html before decoding
    max_text_chars: int = 16 * MiB         # decoded text (any format)
    max_paragraphs: int = 20_000           # blocks read from one file, and paragraphs after structure
    max_paragraph_words: int = 100_000     # words in one paragraph (after structure)
    max_words: int = 1_000_000             # words in one version (after structure)
    max_seconds: float = 12.0              # wall time to read one file (hard: a worker process is stopped)
    max_memory_bytes: int = 1024 * MiB     # new memory the reading worker may take (RLIMIT_AS)
    max_compare_seconds: float = 12.0      # wall time per pair to compare large versions (hard, in a worker)
    # .docx (zip) ---------------------------------------------------------------
    max_zip_members: int = 5_000           # entries in the zip directory
    max_unzipped_bytes: int = 512 * MiB    # sum of the declared sizes of all entries
    max_part_bytes: int = 64 * MiB         # one XML part, inflated
    max_zip_ratio: float = 200.0           # inflated/compressed, for parts over 1 MiB
    # .pdf ----------------------------------------------------------------------
    max_pdf_pages: int = 2_000             # pages read (the rest skipped with a warning)
    max_pdf_page_chars: int = 200_000      # characters read on one page
    max_pdf_chars: int = 5_000_000         # characters read in the whole file


DEFAULT_LIMITS = Limits()

TEXT_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", ".text")


def _mib(n: float) -> str:
    v = n / MiB
    return f"{v:.1f} MiB" if v < 10 else f"{v:.0f} MiB"


def check_size(data: bytes, source: str, limits: Limits = DEFAULT_LIMITS, ext: str = "") -> None:
    """Refuse empty data and data over the size limit for its format."""
    if not data:
        raise EmptyInputError(source, "the file is empty")
    check_declared_size(len(data), source, limits, ext)


def check_declared_size(size: int, source: str, limits: Limits = DEFAULT_LIMITS, ext: str = "") -> None:
    """Size check that needs only the size (``stat``), so a huge file is never read."""
    cap = limits.max_text_bytes if ext in TEXT_EXTENSIONS else limits.max_file_bytes
    cap = min(cap, limits.max_file_bytes)
    if size > cap:
        kind = "text files" if ext in TEXT_EXTENSIONS else "files"
        raise TooLargeError(source, f"the file is {_mib(size)}, over the {_mib(cap)} limit for {kind}")


# --------------------------------------------------------------------------- deadline and budget


@dataclass
class _Budget:
    source: str
    limits: Limits
    end: float
    blocks: int = 0


_CURRENT: contextvars.ContextVar[Optional[_Budget]] = contextvars.ContextVar("compare_read_budget", default=None)


@contextmanager
def reading(source: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[_Budget]:
    """Open a read budget (deadline, paragraph count) for one file; readers find it
    with :func:`current_limits` and :func:`tick`.  Nested calls keep the outer budget."""
    outer = _CURRENT.get()
    if outer is not None:
        yield outer
        return
    budget = _Budget(source, limits, time.monotonic() + limits.max_seconds)
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)


def current_limits() -> Limits:
    b = _CURRENT.get()
    return b.limits if b is not None else DEFAULT_LIMITS


def tick(source: str | None = None) -> None:
    """Raise :class:`TooLargeError` if the current read is past its deadline."""
    b = _CURRENT.get()
    if b is not None and time.monotonic() > b.end:
        raise TooLargeError(
            source or b.source,
            f"reading took longer than {b.limits.max_seconds:g} s; the file is too large or damaged",
        )


def count_blocks(n: int = 1, source: str | None = None) -> None:
    """Count paragraphs read so far against ``max_paragraphs`` (and check the deadline)."""
    b = _CURRENT.get()
    if b is None:
        return
    b.blocks += n
    if b.blocks > b.limits.max_paragraphs:
        raise TooLargeError(
            source or b.source, f"more than {b.limits.max_paragraphs:,} paragraphs; too large to compare"
        )
    tick(source)


# --------------------------------------------------------------------------- text decoding

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: many zero bytes on one side of each pair."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zero = sample[0::2].count(0) / (len(sample) / 2)
    odd_zero = sample[1::2].count(0) / (len(sample) / 2)
    if odd_zero > 0.3 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.3 and odd_zero < 0.05:
        return "utf-16-be"
    return None


# Magic numbers of common binary formats that users drop on the wrong box.
_BINARY_MAGIC = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a zip archive (a .docx?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word/Office binary or encrypted Office file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
)


# an HTML page's declared encoding: <meta charset="gb2312"> or <meta … content="text/html; charset=…">
_META_CHARSET = re.compile(r"<meta[^>]{0,200}?charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)


def declared_charset(data: bytes) -> Optional[str]:
    """The encoding an HTML page names in a ``<meta>`` near its top (a web page or an HTML part
    imported into a Word file), else None.  (Latin-1 maps every byte to one character, so the
    ASCII of the tag is found whatever the page's encoding.)"""
    m = _META_CHARSET.search(data[:4096].decode("latin-1"))
    return m.group(1) if m else None


def decode_text(data: bytes, source: str, limits: Limits = DEFAULT_LIMITS,
                notes: Optional[list[str]] = None, declared: Optional[str] = None) -> str:
    """Decode a text file: a BOM's encoding, UTF-16/32, the encoding the file declares
    (``declared``: an HTML page's ``<meta charset>``), UTF-8, else a legacy encoding guessed
    from its letters (Windows-1252 unless another reads them better: :func:`guess_legacy`).

    Refuses binary data that merely carries a text extension.  A file that is UTF-8 but for a
    few bytes stays UTF-8 (those bytes become U+FFFD), and a guess says so in ``notes``: one
    stray byte must not turn every accented letter of the file into « Ã© » without a word.
    """
    check_size(data, source, limits, ".txt")
    encoding = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            encoding = enc
            break
    encoding = encoding or _looks_utf16(data)
    if encoding is None:
        for magic, what in _BINARY_MAGIC:
            if data.startswith(magic):
                raise BinaryContentError(source, f"binary data, not text: this looks like {what} (wrong file or extension?)")
        if b"\x00" in data[:65536]:
            raise BinaryContentError(source, "binary data, not text (wrong file or extension?)")
        text = _decode_declared(data, declared, source) if declared else None
        if text is None:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = _decode_not_utf8(data, notes)
    else:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise BinaryContentError(source, f"not valid {encoding} text ({exc.reason})") from None
    text = text.lstrip("\ufeff")
    if len(text) > limits.max_text_chars:
        raise TooLargeError(source, f"the text has {len(text):,} characters, over the {limits.max_text_chars:,} limit")
    _refuse_control_heavy(text, source)
    if "\x00" in text:  # a few stray NULs past the sampled parts: invisible, dropped
        text = text.replace("\x00", "")
    if not text.strip():
        raise EmptyInputError(source, "the file contains no text")
    return text


def _decode_declared(data: bytes, declared: str, source: str) -> Optional[str]:
    """The text in the encoding the file names, if Python knows it (else None: the usual guess)."""
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        return None
    if codec == "utf-8":
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise BinaryContentError(source, f"not valid {codec} text, the encoding the page declares") from None


_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]+")


def _decode_not_utf8(data: bytes, notes: Optional[list[str]]) -> str:
    """Bytes that are not UTF-8: UTF-8 with a few bad bytes (more good multi-byte letters than bad
    bytes), or a legacy encoding guessed from the bytes (Windows-1252 for Latin text, as most
    such files are; Windows-1251 or KOI8-R for Cyrillic, Windows-1256 for Arabic, GB18030 for
    Chinese …) — either way, said in ``notes``."""
    utf8 = data.decode("utf-8", errors="replace")
    bad = utf8.count("\ufffd") - data.count(b"\xef\xbf\xbd")        # (a U+FFFD the file holds is no bad byte)
    good = sum(map(len, _NON_ASCII.findall(utf8)))
    if good >= 2 * bad:
        if notes is not None:
            notes.append(f"not valid UTF-8 in {bad:,} place(s): read as UTF-8, those bytes shown as \ufffd")
        return utf8
    codec = guess_legacy(data)
    if notes is not None:
        name, script = LEGACY[codec]
        notes.append(f"not UTF-8: read as {name} ({script}, guessed from its letters); if letters look wrong, "
                     "save the file as UTF-8")
    return data.decode(codec, errors="replace")


#: the one-byte encodings a text file may come in, with the names a user knows; the first is the
#: default (most such files are Western European)
ONE_BYTE = {
    "cp1252": ("Windows-1252", "Western European"), "cp1250": ("Windows-1250", "Central European"),
    "cp1251": ("Windows-1251", "Cyrillic"), "koi8_r": ("KOI8-R", "Cyrillic"), "koi8_u": ("KOI8-U", "Cyrillic"),
    "iso8859_5": ("ISO-8859-5", "Cyrillic"), "mac_cyrillic": ("Mac Cyrillic", "Cyrillic"),
    "cp1256": ("Windows-1256", "Arabic"), "iso8859_6": ("ISO-8859-6", "Arabic"), "cp1253": ("Windows-1253", "Greek"),
    "iso8859_7": ("ISO-8859-7", "Greek"), "cp1254": ("Windows-1254", "Turkish"), "cp1255": ("Windows-1255", "Hebrew"),
    "cp1257": ("Windows-1257", "Baltic"), "iso8859_2": ("ISO-8859-2", "Central European"),
    "iso8859_15": ("ISO-8859-15", "Western European"),
}
#: … and the legacy encodings of more than one byte a letter, for the UN language that has one:
#: GB18030 reads GB2312 and GBK text (a Chinese text saved without a declaration)
LEGACY = {**ONE_BYTE, "gb18030": ("GB18030", "Chinese")}
#: a sign between two letters ("przypominaj¹c": Windows-1250 "ą" read as Windows-1252): no
#: Western text has one, so Windows-1252 is not the right guess
_SIGN_IN_WORD = re.compile(r"[^\W\d_][¹²³±¼½¾¤¦¨¯´¸¿¬°·]+(?=[^\W\d_])")
_SAMPLE_HEAD = 32 * 1024      # bytes of the file's start given to the charset detector
_SAMPLE_RUNS = 256            # … then this many runs of non-ASCII bytes further on, with their context
_RUN_CONTEXT = 64


def _charset_sample(data: bytes) -> bytes:
    """A bounded part of ``data`` that carries its non-ASCII letters: the start, then a window
    around each of the next runs of non-ASCII bytes (a long Latin file may have its first
    accent far in) — so the detector's cost does not grow with the file."""
    head = data[:_SAMPLE_HEAD]
    rest = data[_SAMPLE_HEAD:]
    if not rest:
        return head
    text = rest.decode("latin-1")          # one character per byte: positions are byte offsets
    windows = [rest[max(m.start() - _RUN_CONTEXT, 0): m.end() + _RUN_CONTEXT]
               for _, m in zip(range(_SAMPLE_RUNS), _NON_ASCII.finditer(text))]
    return head + b"\n".join([b""] + windows)


def guess_legacy(data: bytes) -> str:
    """The legacy encoding (a key of :data:`LEGACY`) ``data`` most likely is in, by
    charset-normalizer: Windows-1252 whenever it reads the bytes as well as the best guess
    (Latin text: French "œuvre" must not turn Central European), else the best guess."""
    from charset_normalizer import from_bytes

    sample = _charset_sample(data)
    matches = from_bytes(sample, cp_isolation=list(LEGACY))
    best = matches.best()
    if best is None or best.encoding not in LEGACY:
        return "cp1252"
    if "cp1252" in best.could_be_from_charset:
        return "cp1252"                        # the same text either way
    if any(m.encoding == "cp1252" and m.chaos <= best.chaos + 0.01 for m in matches):
        signs = len(_SIGN_IN_WORD.findall(sample.decode("cp1252", errors="replace")))
        if not signs or len(_SIGN_IN_WORD.findall(sample.decode(best.encoding, errors="replace"))) >= signs:
            return "cp1252"
    return best.encoding


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def _refuse_control_heavy(text: str, source: str) -> None:
    """Binary data decoded as text is full of control characters; real text is not.
    Sampled at the start, the middle and the end (binary appended to text counts)."""
    n = len(text)
    if not n:
        return
    if n <= 3 * 65536:
        samples = [text]
    else:
        mid = n // 2
        samples = [text[:65536], text[mid - 32768: mid + 32768], text[-65536:]]
    for sample in samples:
        controls = len(_CONTROL.findall(sample))
        if controls / len(sample) > 0.02:
            raise BinaryContentError(source, "binary data, not text (wrong file or extension?)")


def one_line(s: str, limit: int = 400) -> str:
    """Collapse control characters and line breaks so an error stays one line."""
    s = re.sub(r"[\x00-\x1f\x7f\u2028\u2029]+", " ", s).strip()
    return s if len(s) <= limit else s[: limit - 1] + "…"
