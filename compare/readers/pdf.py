"""PDF (with a text layer) → :class:`~compare.model.RawDocument`.

Uses pypdfium2 (PDFium) for speed: one pass over the characters of each page
with their boxes, baselines, sizes and font names, then plain geometry:

1. **Lines** — characters grouped in content order into lines (a new line when the
   vertical band no longer overlaps or the text jumps back left), cut into
   fragments at wide horizontal gaps (side-by-side columns of a header table),
   then sorted top to bottom.
2. **Superscripts** — characters clearly smaller than their line and raised above
   its baseline.  Digits become footnote markers (:func:`~compare.model.marker`);
   other superscripts (the ``er`` of ``1er``) stay as text.
3. **Page furniture** — in the top and bottom bands of the page, lines made only of
   a document symbol (``A/C.3/63/L.17/Rev.1``), page numbers, a job number
   (``08-59312 (F)  101108  101108``), a barcode (``*0859312*``), "Please recycle"
   and the like, or repeated on most pages at the same place, are dropped.
4. **Footnotes** — lines below the footnote separator rule (a short horizontal
   rule in the lower part of the page) or, without a rule, the trailing run of
   small-type lines at the page foot.  Each footnote starts with its number
   (superscript or not) and becomes ``Block(kind="footnote", label=n)``, emitted
   after that page's body blocks; a footnote continued on the next page is joined.
5. **Paragraphs** — body lines are joined into paragraphs; a new paragraph starts
   at a vertical gap larger than the line pitch, a first-line indent, a change of
   type size, or a number label (``1.``, ``(a)``) after a line ending in
   punctuation.  A paragraph that runs on to the next page (its last line is full
   and the next page starts flush left, not with a label) is kept as ONE block;
   the ``Block(kind="page_break")`` then follows that block.

Text drawn rotated on an upright page (a landscape table, a page set sideways, a margin note)
is read turned upright, each direction apart (the page's main direction first), and a clearly
two-column page is read column by column; each with a warning naming the page, and text set at
another angle or columns that are not clear-cut are flagged ("reading order may be wrong").

Type larger than 1.3 × the body size is reported as ``kind="heading"``.  Italic
(``Italic``/``Oblique`` in the font name or the PDF italic flag) leading words go
to :attr:`Block.italic_lead`.  Numbers of numbered paragraphs stay in the text
(they are typed characters in a PDF).

Hostile or broken files: PDFium parses from memory (no temporary file); pages,
characters per page and characters in all are capped (``max_pdf_*`` in
:class:`~compare.readers.safety.Limits`), the read deadline is checked between
pages and every few thousand characters, a damaged file is one
:class:`~compare.errors.CorruptFileError` (with a hint when the end-of-file marker
is missing: a truncated download), a password-protected one an
:class:`~compare.errors.EncryptedFileError`, and a PDF without a text layer (a
scan) a :class:`~compare.errors.NoTextLayerError` saying OCR is needed.
"""
from __future__ import annotations

import ctypes
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from ..errors import CorruptFileError, EmptyInputError, EncryptedFileError, NoTextLayerError
from ..model import Block, RawDocument, marker
from ..symbols import SYMBOL
from .safety import DEFAULT_LIMITS, count_blocks, current_limits, tick

# Defaults; the limits in force come from safety.Limits (max_pdf_pages, …).
MAX_PAGES = DEFAULT_LIMITS.max_pdf_pages
MAX_CHARS_PER_PAGE = DEFAULT_LIMITS.max_pdf_page_chars
MAX_TOTAL_CHARS = DEFAULT_LIMITS.max_pdf_chars

_ITALIC_FLAG = 1 << 6          # PDF font descriptor flag "Italic"


# --------------------------------------------------------------------------- characters and lines


@dataclass
class _Char:
    ch: str
    x0: float
    x1: float
    top: float          # top-down coordinates
    bottom: float
    base: float         # baseline, top-down
    size: float
    italic: bool
    bold: bool
    sup: bool = False
    # the loose box's left and right (the glyph's advance, not its ink): where a word's letters
    # meet; a tight box leaves a gap at a narrow glyph ("1" in Helvetica) that reads as a space
    lx0: Optional[float] = None
    lx1: Optional[float] = None
    # the reading direction in quarter turns counter-clockwise (0 upright, 1 reading upwards, 2 upside
    # down, 3 reading downwards; -1 at another angle) and the origin's x, to turn the character upright
    turn: int = 0
    ox: float = 0.0


@dataclass
class _Line:
    chars: list[_Char]
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    base: float = 0.0
    size: float = 0.0
    pieces: list[tuple[str, bool, bool, bool]] = field(default_factory=list)  # text, italic, bold, is_marker
    starts_with_marker: Optional[str] = None


def _page_chars(page, textpage, raw_mod, height: float) -> list[_Char]:
    raw = textpage.raw
    n = raw_mod.FPDFText_CountChars(raw)
    if n <= 0:
        return []
    n = min(n, current_limits().max_pdf_page_chars)
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    ox, oy = ctypes.c_double(), ctypes.c_double()
    loose = raw_mod.FS_RECTF()
    matrix = raw_mod.FS_MATRIX()
    buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    font_cache: dict[int, tuple[bool, bool]] = {}
    out: list[_Char] = []
    low_half = -1           # index of a low surrogate already joined to the character before
    for i in range(n):
        if not i & 4095:
            tick()
        if i == low_half or raw_mod.FPDFText_IsGenerated(raw, i) == 1:
            continue
        u = raw_mod.FPDFText_GetUnicode(raw, i)
        if 0xD800 <= u < 0xDC00 and i + 1 < n:
            # PDFium gives a character beyond the basic plane (CJK Extension B, math
            # italic, emoji) as two UTF-16 halves: join them into one character
            lo = raw_mod.FPDFText_GetUnicode(raw, i + 1)
            if 0xDC00 <= lo < 0xE000:
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)
                low_half = i + 1
        if u in (0, 0xFFFE, 0xFFFF, 13, 10, 2):
            if u != 2:
                continue
        ch = chr(u) if u < 0x110000 else "\ufffd"
        if u == 2:              # PDFium's code for a soft hyphen at a line end
            ch = "\u00ad"
        if not raw_mod.FPDFText_GetCharBox(raw, i, ctypes.byref(left), ctypes.byref(right),
                                           ctypes.byref(bottom), ctypes.byref(top)):
            continue
        raw_mod.FPDFText_GetCharOrigin(raw, i, ctypes.byref(ox), ctypes.byref(oy))
        size = raw_mod.FPDFText_GetFontSize(raw, i) or 0.0
        obj = raw_mod.FPDFText_GetTextObject(raw, i)
        key = ctypes.cast(obj, ctypes.c_void_p).value or 0
        style = font_cache.get(key)
        if style is None:
            raw_mod.FPDFText_GetFontInfo(raw, i, buf, len(buf), ctypes.byref(flags))
            name = buf.value.decode("latin-1", "replace").lower()
            weight = raw_mod.FPDFText_GetFontWeight(raw, i)
            style = (("italic" in name or "oblique" in name or bool(flags.value & _ITALIC_FLAG)),
                     ("bold" in name or "black" in name or "heavy" in name or weight >= 600))
            font_cache[key] = style
        if size <= 0:
            size = max(top.value - bottom.value, 1.0)
        turn = _turn(matrix) if raw_mod.FPDFText_GetMatrix(raw, i, ctypes.byref(matrix)) else 0
        if ch.isspace():
            # spaces have empty boxes: give them the origin and a nominal height
            b = height - oy.value
            out.append(_Char(" ", left.value, max(right.value, left.value), b - 0.7 * size, b, b,
                             size, style[0], style[1], turn=turn, ox=ox.value))
            continue
        lx0 = lx1 = None
        if turn >= 0 and raw_mod.FPDFText_GetLooseCharBox(raw, i, ctypes.byref(loose)):
            # along the reading direction: across the page (upright, upside down) or down it (top-down y)
            a, b = (loose.left, loose.right) if turn in (0, 2) else (height - loose.top, height - loose.bottom)
            if b > a:
                lx0, lx1 = a, b
        out.append(_Char(ch, left.value, right.value, height - top.value, height - bottom.value,
                         height - oy.value, size, style[0], style[1], lx0=lx0, lx1=lx1, turn=turn, ox=ox.value))
    return out


def _turn(m) -> int:
    """Quarter turns (counter-clockwise) of the text's reading direction, from its matrix; -1 when
    it is set at another angle (more than 5° off)."""
    angle = math.degrees(math.atan2(m.b, m.a)) % 360
    quarter = round(angle / 90) % 4
    return quarter if abs(angle - 90 * round(angle / 90)) <= 5 else -1


def _upright(c: _Char, turn: int, width: float, height: float) -> _Char:
    """``c`` in the frame of its own text turned upright (a page turned so that text set at
    ``turn`` quarter turns reads left to right): the same letters, in that frame's coordinates."""
    lx = (c.lx0, c.lx1) if c.lx0 is not None and c.lx1 is not None else None
    if turn == 1:          # reading upwards: across = up the page, down = to the right
        x0, x1, top, bottom, base = height - c.bottom, height - c.top, c.x0, c.x1, c.ox
        lx = lx and (height - lx[1], height - lx[0])
    elif turn == 3:        # reading downwards: across = down the page, down = to the left
        x0, x1, top, bottom, base = c.top, c.bottom, width - c.x1, width - c.x0, width - c.ox
    else:                  # upside down
        x0, x1, top, bottom, base = width - c.x1, width - c.x0, height - c.bottom, height - c.top, height - c.base
        lx = lx and (width - lx[1], width - lx[0])
    if c.ch == " ":
        top, bottom = base - 0.7 * c.size, base
    return _Char(c.ch, x0, x1, top, bottom, base, c.size, c.italic, c.bold, lx0=lx and lx[0], lx1=lx and lx[1],
                 ox=x0)


def _frames(chars: list[_Char], width: float, height: float) -> list[tuple[int, list[_Char], float, float]]:
    """The page's text by direction — (turn, characters turned upright, frame width, frame height) —
    the direction most of the text reads in first; text at another angle stays with the upright
    text (read as today, flagged)."""
    groups: dict[int, list[_Char]] = {}
    for c in chars:
        groups.setdefault(max(c.turn, 0), []).append(c)
    if not groups.keys() - {0}:
        return [(0, chars, width, height)]          # (an empty page stays a page)
    out = []
    for turn, cs in groups.items():
        if turn == 0:
            out.append((0, cs, width, height))
        else:
            fw, fh = (height, width) if turn in (1, 3) else (width, height)
            out.append((turn, [_upright(c, turn, width, height) for c in cs], fw, fh))
    out.sort(key=lambda f: -sum(1 for c in f[1] if c.ch != " "))
    return out


def _group_lines(chars: list[_Char]) -> list[_Line]:
    """Content order → lines; a line ends when the vertical band stops overlapping or
    the text jumps back to the left."""
    lines: list[list[_Char]] = []
    cur: list[_Char] = []
    band_top = band_bottom = 0.0
    last_x1 = 0.0
    counts: dict[float, int] = {}      # running size histogram of the current line
    dominant = 0.0
    for c in chars:
        if c.ch == " " and not cur:
            continue
        c_top, c_bot = c.base - 0.75 * c.size, c.base + 0.2 * c.size
        if cur:
            overlap = min(band_bottom, c_bot) - max(band_top, c_top)
            smaller = min(band_bottom - band_top, c_bot - c_top)
            back_left = c.x0 < last_x1 - max(2.0 * c.size, 6.0)
            if overlap < 0.3 * smaller or back_left:
                lines.append(cur)
                cur = []
        if not cur:
            band_top, band_bottom = c_top, c_bot
            counts = {}
            dominant = c.size
        elif c.size >= 0.8 * dominant:
            band_top, band_bottom = min(band_top, c_top), max(band_bottom, c_bot)
        cur.append(c)
        if c.ch != " ":
            key = round(c.size * 2) / 2
            counts[key] = counts.get(key, 0) + 1
            best = counts.get(dominant, 0)
            if counts[key] > best or (counts[key] == best and key > dominant):
                dominant = key
        last_x1 = max(c.x1, c.x0)
    if cur:
        lines.append(cur)
    out: list[_Line] = []
    for ln in lines:
        for frag in _split_gaps(ln):
            line = _finish_line(frag)
            if line is not None:
                out.append(line)
    return _order_rows(out)


def _order_rows(lines: list[_Line]) -> list[_Line]:
    """Top to bottom; lines whose vertical bands overlap form a row, read left to right
    (a 17 pt heading beside a 10 pt column of a header table is one row)."""
    lines = sorted(lines, key=lambda l: (l.base, l.x0))
    out: list[_Line] = []
    row: list[_Line] = []
    row_top = row_bottom = 0.0
    for ln in lines:
        if row:
            overlap = min(row_bottom, ln.bottom) - max(row_top, ln.top)
            if overlap < 0.3 * min(row_bottom - row_top, ln.bottom - ln.top):
                out.extend(sorted(row, key=lambda l: l.x0))
                row = []
        if not row:
            row_top, row_bottom = ln.top, ln.bottom
        else:
            row_top, row_bottom = min(row_top, ln.top), max(row_bottom, ln.bottom)
        row.append(ln)
    out.extend(sorted(row, key=lambda l: l.x0))
    return out


def _dominant_size(chars: list[_Char]) -> float:
    cnt = Counter(round(c.size * 2) / 2 for c in chars if c.ch != " ")
    if not cnt:
        return chars[0].size if chars else 0.0
    return max(cnt.items(), key=lambda kv: (kv[1], kv[0]))[0]


def _split_gaps(chars: list[_Char]) -> list[list[_Char]]:
    """Cut a line at wide gaps (two columns side by side)."""
    chars = sorted(chars, key=lambda c: c.x0) if _needs_sort(chars) else chars
    size = _dominant_size(chars) or 10.0
    frags: list[list[_Char]] = [[]]
    last_x1 = None
    for c in chars:
        if c.ch == " ":
            frags[-1].append(c)
            continue
        if last_x1 is not None and c.x0 - last_x1 > 3.0 * size:
            frags.append([])
        frags[-1].append(c)
        last_x1 = c.x1
    return [f for f in frags if any(c.ch != " " for c in f)]


def _needs_sort(chars: list[_Char]) -> bool:
    return any(b.x0 < a.x0 - 1.0 for a, b in zip(chars, chars[1:]) if a.ch != " " and b.ch != " ")


def _gap(prev: _Char, c: _Char) -> float:
    """Room between two characters of a line: by their loose boxes where PDFium gives both."""
    if prev.lx1 is not None and c.lx0 is not None:
        return c.lx0 - prev.lx1
    return c.x0 - prev.x1


def _finish_line(chars: list[_Char]) -> Optional[_Line]:
    while chars and chars[-1].ch == " ":
        chars = chars[:-1]
    while chars and chars[0].ch == " ":
        chars = chars[1:]
    if not chars:
        return None
    size = _dominant_size(chars)
    normal = [c for c in chars if c.ch != " " and c.size >= 0.8 * size] or chars
    base = statistics.median(c.base for c in normal)
    for c in chars:
        if c.ch != " " and c.size <= 0.8 * size and c.base < base - 0.15 * size:
            c.sup = True
    line = _Line(chars=chars, size=size, base=base,
                 x0=min(c.x0 for c in chars), x1=max(c.x1 for c in chars),
                 top=min(c.top for c in normal), bottom=max(c.bottom for c in normal))
    # text with inserted spaces at gaps and markers for superscript digits
    pieces: list[tuple[str, bool, bool, bool]] = []
    i = 0
    prev: Optional[_Char] = None
    while i < len(chars):
        c = chars[i]
        if c.sup:
            j = i
            while j < len(chars) and chars[j].sup:
                j += 1
            sup_text = "".join(x.ch for x in chars[i:j])
            if prev is not None and prev.ch != " " and c.x0 - prev.x1 > 0.25 * size:
                pieces.append((" ", False, False, False))
            if re.fullmatch(r"\d{1,3}(?:[,\s]+\d{1,3})*", sup_text.strip()):
                for num in re.findall(r"\d+", sup_text):
                    pieces.append((marker(num), False, False, True))
            else:
                pieces.append((sup_text, c.italic, c.bold, False))
            prev = chars[j - 1]
            i = j
            continue
        if prev is not None and c.ch != " " and prev.ch != " " and _gap(prev, c) > 0.2 * c.size:
            pieces.append((" ", prev.italic and c.italic, False, False))
        pieces.append((c.ch, c.italic, c.bold, False))
        prev = c
        i += 1
    line.pieces = _merge_pieces(pieces)
    line.text = "".join(p[0] for p in line.pieces)
    if line.pieces and line.pieces[0][3]:
        line.starts_with_marker = line.pieces[0][0].strip("\ue000\ue001")
    return line


def _merge_pieces(pieces: list[tuple[str, bool, bool, bool]]) -> list[tuple[str, bool, bool, bool]]:
    out: list[tuple[str, bool, bool, bool]] = []
    for p in pieces:
        if out and not p[3] and not out[-1][3] and out[-1][1:3] == p[1:3]:
            out[-1] = (out[-1][0] + p[0], p[1], p[2], False)
        else:
            out.append(p)
    return out


# --------------------------------------------------------------------------- furniture

_SYMBOL = SYMBOL                                            # a document symbol (compare.symbols)
_FURNITURE_TOKENS = re.compile(
    r"(?:" + _SYMBOL + r")"
    r"|\d{2}-\d{4,6}\s*(?:\([A-Z]\))?(?:\s+\d{6}){0,2}"        # job number + date stamps
    r"|\*\d{5,9}\*"                                            # barcode text
    r"|Please\s+recycle|Merci\s+de\s+recycler|Pri[èe]re\s+de\s+recycler|S[íi]rvase\s+reciclar"
    r"|United\s+Nations|Nations\s+Unies|Naciones\s+Unidas"
    r"|Page\s+\d+(?:\s+(?:of|sur|de)\s+\d+)?"
    r"|\d{1,4}(?:\s*/\s*\d{1,4})?"                            # page number, 2/4
    r"|[\u2672\u267b\u267c\-–—|]",
    re.IGNORECASE,
)


def _is_furniture_text(text: str) -> bool:
    t = text.replace("\ue000", " ").replace("\ue001", " ")
    rest = _FURNITURE_TOKENS.sub(" ", t)
    return not rest.strip()


def _norm_repeat(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text)).strip()


# --------------------------------------------------------------------------- reading


@dataclass
class _PageLines:
    number: int
    body: list[_Line]
    notes: list[_Line]
    width: float
    height: float


def _open(data: bytes, source: str):
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as pdfium_c
    except ImportError:  # pragma: no cover
        raise CorruptFileError(source, "cannot read PDF files: the pypdfium2 package is not installed") from None
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise EncryptedFileError(source, "the PDF is password-protected; remove the password and try again") from None
        raise CorruptFileError(source, f"not a valid PDF file ({_pdfium_reason(exc)}{_truncated(data)})") from None
    except Exception as exc:  # noqa: BLE001 — PDFium bindings raise assorted errors on garbage
        raise CorruptFileError(source, f"not a valid PDF file ({exc.__class__.__name__}{_truncated(data)})") from None
    return pdfium, pdfium_c, pdf


def _truncated(data: bytes) -> str:
    """A hint for the error message when the file lacks its end-of-file marker."""
    return "; the file seems truncated (no %%EOF at its end): download or save it again" \
        if b"%%EOF" not in data[-2048:] else ""


def _pdfium_reason(exc: Exception) -> str:
    msg = str(exc)
    m = re.search(r"\((.*?)\)", msg)
    return (m.group(1) if m else msg).strip() or "damaged file"


def _rules(page, pdfium_c, width: float, height: float) -> list[tuple[float, float, float]]:
    """Short horizontal rules (x0, x1, y top-down) in the lower 70 % of the page."""
    out = []
    try:
        objs = page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2)
        for k, obj in enumerate(objs):
            if k > 2000:
                break
            x0, y0, x1, y1 = obj.get_bounds()
            if y1 - y0 <= 2.5 and x1 - x0 >= 20 and (height - y1) > 0.3 * height:
                out.append((x0, x1, height - (y0 + y1) / 2))
    except Exception:  # noqa: BLE001 — rules are a hint only
        return []
    return out


def read_pdf(data: bytes, source: str) -> RawDocument:
    """Read a PDF with a text layer into blocks; see the module docstring."""
    if not data:
        raise EmptyInputError(source, "the file is empty")
    if not data.lstrip()[:5].startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise CorruptFileError(source, "not a valid PDF file (no %PDF header)")
    pdfium, pdfium_c, pdf = _open(data, source)
    try:
        return _read(pdf, pdfium, pdfium_c, source)
    finally:
        pdf.close()


def _read(pdf, pdfium, pdfium_c, source: str) -> RawDocument:
    try:
        n_pages = len(pdf)
    except Exception:  # noqa: BLE001
        raise CorruptFileError(source, "not a valid PDF file (page tree unreadable)") from None
    if n_pages == 0:
        raise CorruptFileError(source, "not a valid PDF file (it has no pages)")
    warnings: list[str] = []
    limits = current_limits()
    if n_pages > limits.max_pdf_pages:
        warnings.append(f"only the first {limits.max_pdf_pages} of {n_pages} pages were read")
        n_pages = limits.max_pdf_pages

    pages_raw: list[tuple[int, list[_Line], list[tuple[float, float, float]], float, float]] = []
    total = 0
    for pi in range(n_pages):
        tick(source)
        try:
            page = pdf[pi]
            width, height = page.get_size()
            textpage = page.get_textpage()
            chars = _page_chars(page, textpage, pdfium_c, height)
            rules = _rules(page, pdfium_c, width, height)
        except pdfium.PdfiumError as exc:
            raise CorruptFileError(source, f"not a valid PDF file (page {pi + 1}: {_pdfium_reason(exc)})") from None
        total += sum(1 for c in chars if c.ch != " ")
        if total > limits.max_pdf_chars:
            warnings.append(f"text after page {pi + 1} was not read (over {limits.max_pdf_chars:,} characters)")
            break
        frames = _frames(chars, width, height)
        for turn, frame_chars, fw, fh in frames:
            # text set in another direction is read turned upright, as a page of its own after
            # (or, when most of the page reads that way, before) the rest of the page
            pages_raw.append((pi + 1, _group_lines(frame_chars), rules if turn == 0 else [], fw, fh))
        warnings.extend(_turn_warnings(pi + 1, frames, chars))
    if total == 0:
        raise NoTextLayerError(source, "no text layer (scanned PDF?): OCR is needed")

    # Body type size: the most common size over all characters.
    sizes = Counter()
    for _, lines, _, _, _ in pages_raw:
        for ln in lines:
            sizes[round(ln.size * 2) / 2] += len(ln.chars)
    body_size = max(sizes.items(), key=lambda kv: kv[1])[0] if sizes else 10.0

    # Lines repeated on several pages in the top/bottom bands are running furniture.
    # Only the outermost lines of a page qualify, and never a line opening with a
    # superscript number (identical footnotes such as "Ibid." recur at the page foot).
    repeats: Counter = Counter()
    for _, lines, _, _, height in pages_raw:
        seen = set()
        for ln in _outer(lines):
            if _in_band(ln, height) and not ln.starts_with_marker:
                seen.add((_norm_repeat(ln.text), round(ln.base / 4)))
        repeats.update(seen)
    n_pages = len({number for number, *_ in pages_raw})     # (a page's rotated text is a frame of its own)
    min_repeat = max(2, (n_pages + 1) // 2)

    pages: list[_PageLines] = []
    furniture: list[str] = []
    for number, lines, rules, width, height in pages_raw:
        kept = []
        outer = {id(l) for l in _outer(lines)}
        for ln in lines:
            if _in_band(ln, height) and (
                _is_furniture_text(ln.text)
                or (n_pages >= 3 and id(ln) in outer and not ln.starts_with_marker
                    and repeats[(_norm_repeat(ln.text), round(ln.base / 4))] >= min_repeat)
            ):
                furniture.append(ln.text)
                continue
            kept.append(ln)
        kept, columns = _columns(kept, width)
        if columns == "read":
            warnings.append(f"page {number}: text set in two columns, read column by column")
        elif columns == "doubt":
            warnings.append(f"page {number}: text set in two columns, reading order may be wrong")
        body, notes = _split_notes(kept, rules, body_size, width)
        pages.append(_PageLines(number, body, notes, width, height))

    blocks = _build_blocks(pages, body_size)
    _mend_breaks(blocks)
    count_blocks(len(blocks), source)
    return RawDocument(blocks=blocks, source=source, fmt="pdf", warnings=warnings, furniture=furniture)


def _turn_warnings(number: int, frames, chars: list[_Char]) -> list[str]:
    """What the user should know of text not set upright on page ``number``."""
    out = []
    turned = [t for t, _, _, _ in frames if t]
    if turned:
        degrees = ", ".join(f"{90 * t}°" for t in sorted(turned))
        where = "" if frames[0][0] else " after the page's other text; check its place"
        out.append(f"page {number}: rotated text ({degrees}) read turned upright{where}")
    if any(c.turn < 0 and c.ch != " " for c in chars):
        out.append(f"page {number}: text set at an angle, its reading order may be wrong")
    return out


def _rows(lines: list[_Line]) -> list[list[_Line]]:
    """Lines in reading order → rows of lines side by side (their vertical bands overlap)."""
    rows: list[list[_Line]] = []
    top = bottom = 0.0
    for ln in lines:
        if rows and min(bottom, ln.bottom) - max(top, ln.top) >= 0.3 * min(bottom - top, ln.bottom - ln.top):
            rows[-1].append(ln)
            top, bottom = min(top, ln.top), max(bottom, ln.bottom)
        else:
            rows.append([ln])
            top, bottom = ln.top, ln.bottom
    return rows


def _columns(lines: list[_Line], width: float) -> tuple[list[_Line], Optional[str]]:
    """A page set in two columns, read column by column when that is sure: at least three rows
    hold a line on each side of one gutter near the middle of the page, every line between the
    first and last of them keeps to one side, and those lines carry most of the page's text
    ("read").  Lines across the gutter among them leave the order as it is ("doubt"); a header
    table (a few rows side by side above full-width text) or a table with a narrow column of
    labels is neither."""
    rows = _rows(lines)
    lo, hi = 0.0, width
    paired = []
    for k, row in enumerate(rows):
        if len(row) < 2:
            continue
        row = sorted(row, key=lambda l: l.x0)
        gap = max(((a.x1, b.x0) for a, b in zip(row, row[1:])), key=lambda g: g[1] - g[0])
        if gap[1] > gap[0] and 0.2 * width < (gap[0] + gap[1]) / 2 < 0.8 * width:
            paired.append(k)
            lo, hi = max(lo, gap[0]), min(hi, gap[1])
    if len(paired) < 3 or lo >= hi:
        return lines, None
    mid = (lo + hi) / 2

    def side(ln: _Line) -> Optional[str]:
        return "left" if ln.x1 <= mid else "right" if ln.x0 >= mid else None

    first, last = paired[0], paired[-1]
    while first > 0 and all(side(l) for l in rows[first - 1]):       # a column that starts higher
        first -= 1
    while last + 1 < len(rows) and all(side(l) for l in rows[last + 1]):   # … or ends lower
        last += 1
    block = [l for row in rows[first:last + 1] for l in row]
    if 2 * sum(len(l.chars) for l in block) < sum(len(l.chars) for l in lines):
        return lines, None
    for name in ("left", "right"):     # columns of running text, not a table's narrow column of labels
        col = [l for l in block if side(l) == name]
        if max(l.x1 for l in col) - min(l.x0 for l in col) < 0.15 * width:
            return lines, None
    if not all(side(l) for l in block):
        return lines, "doubt"
    before = [l for row in rows[:first] for l in row]
    after = [l for row in rows[last + 1:] for l in row]
    return (before + [l for l in block if side(l) == "left"] + [l for l in block if side(l) == "right"] + after,
            "read")


def _outer(lines: list[_Line], k: int = 3) -> list[_Line]:
    return lines[:k] + lines[max(k, len(lines) - k):]


def _in_band(ln: _Line, height: float) -> bool:
    return ln.bottom < 0.13 * height or ln.top > 0.86 * height


def _split_notes(lines: list[_Line], rules, body_size: float, width: float) -> tuple[list[_Line], list[_Line]]:
    if not lines:
        return lines, []
    # A footnote separator: a short rule (< 60 % of the text width) with text below it.
    text_left = min(l.x0 for l in lines)
    text_right = max(l.x1 for l in lines)
    text_width = max(text_right - text_left, 1.0)
    cut = None
    for x0, x1, y in sorted(rules, key=lambda r: r[2]):
        if x1 - x0 > 0.6 * text_width:
            continue
        below = [l for l in lines if l.top > y]
        if below and all(l.size < 0.95 * body_size for l in below):
            cut = y
            break
    if cut is not None:
        return [l for l in lines if l.top <= cut], [l for l in lines if l.top > cut]
    # No rule: trailing small-type lines starting with a footnote number.
    k = len(lines)
    while k > 0 and lines[k - 1].size < 0.9 * body_size:
        k -= 1
    tail = lines[k:]
    if tail and k > 0 and _note_start(tail[0]) is not None:
        return lines[:k], tail
    return lines, []


_NOTE_NUM = re.compile(r"^\s*(\d{1,3})[.)]?\s+(\S.*)$", re.S)


def _note_start(ln: _Line) -> Optional[tuple[str, str]]:
    if ln.starts_with_marker:
        rest = ln.text[len(marker(ln.starts_with_marker)):].strip()
        return ln.starts_with_marker, rest
    m = _NOTE_NUM.match(ln.text)
    if m:
        return m.group(1), m.group(2)
    return None


_LABEL_START = re.compile(r"^(?:\d{1,3}\.|\([a-z]{1,5}\)|\((?:[ivxlc]+)\)|[a-z]\))\s")


def _join(a: str, b: str) -> str:
    if not a:
        return b
    if a.endswith("\u00ad"):
        return a + b            # a hyphen the line break may have made: decided by _mend_breaks
    if a.endswith("-") and len(a) > 1 and a[-2].isalpha() and b[:1].isalpha():
        return a + b
    return a + " " + b


# (each from a word's start only: tried inside a long run of letters, they would be quadratic)
_COMPOUND = re.compile(r"(?<![^\W\d_])[^\W\d_]+(?:-[^\W\d_]+)+")
_BROKEN = re.compile(r"(?<![^\W\d_])([^\W\d_]+)\u00ad([^\W\d_]+)")


def _mend_breaks(blocks: list[Block]) -> None:
    """Decide each hyphen at a line end (PDFium reports it as a soft hyphen): a word cut in two
    (« coop-/eration ») is joined, a compound keeps its hyphen — before a capital
    ("Secretary-/General", "Non-Self-/Governing") or where the document writes the same compound
    with its hyphen elsewhere ("well-/being" beside "well-being").  Joining every one made
    "SecretaryGeneral", a change against a Word copy of the same text."""
    compounds = {m.group(0).casefold() for b in blocks for m in _COMPOUND.finditer(b.text)}

    def mend(m: re.Match) -> str:
        x, y = m.group(1), m.group(2)
        keep = y[0].isupper() or f"{x}-{y}".casefold() in compounds
        return f"{x}-{y}" if keep else x + y

    for b in blocks:
        if "\u00ad" in b.text:
            b.text = _BROKEN.sub(mend, b.text).replace("\u00ad", "")
        if b.italic_lead and "\u00ad" in b.italic_lead:
            b.italic_lead = _BROKEN.sub(mend, b.italic_lead).replace("\u00ad", "")


@dataclass
class _Para:
    lines: list[_Line]
    page: int
    right: float = 0.0      # right edge of the page's body text; 0 = unknown

    @property
    def text(self) -> str:
        out = ""
        for i, ln in enumerate(self.lines):
            prev = self.lines[i - 1] if i else None
            if prev is not None and self.right and prev.x1 < self.right - 4 * ln.size:
                out = out + "\n" + ln.text   # a short line: a hard line break, not wrapping
            else:
                out = _join(out, ln.text)
        return re.sub(r"[ \u00a0]{2,}", " ", out).strip()


def _pitch(pages: list[_PageLines], body_size: float) -> float:
    deltas = Counter()
    for pg in pages:
        for a, b in zip(pg.body, pg.body[1:]):
            if abs(a.size - body_size) < 0.5 and abs(b.size - body_size) < 0.5:
                d = round((b.base - a.base) * 2) / 2
                if 0 < d < 3 * body_size:
                    deltas[d] += 1
    if not deltas:
        return 1.2 * body_size
    return max(deltas.items(), key=lambda kv: (kv[1], -kv[0]))[0]


def _paragraphs(pg: _PageLines, pitch: float, body_size: float) -> list[_Para]:
    paras: list[_Para] = []
    body = pg.body
    if not body:
        return paras
    left_edge = Counter(round(l.x0) for l in body if abs(l.size - body_size) < 0.5).most_common(1)
    left = left_edge[0][0] if left_edge else min(l.x0 for l in body)
    right = max((l.x1 for l in body if abs(l.size - body_size) < 0.5), default=0.0)
    for ln in body:
        if paras:
            prev = paras[-1].lines[-1]
            gap = ln.base - prev.base
            same_size = abs(ln.size - prev.size) <= 0.15 * max(ln.size, prev.size)
            this_pitch = pitch if abs(ln.size - body_size) < 0.5 else 1.2 * ln.size
            overlaps_x = ln.x0 < prev.x1 and ln.x1 > prev.x0
            indent = ln.x0 > prev.x0 + 0.8 * body_size and abs(prev.x0 - left) < 2.0 and len(paras[-1].lines) >= 1
            label = _LABEL_START.match(ln.text) is not None and prev.text.rstrip()[-1:] in ",;.:"
            new = (
                gap > 1.3 * this_pitch or gap < 0.3 * this_pitch or not same_size or not overlaps_x
                or indent or label
            )
            if not new:
                paras[-1].lines.append(ln)
                continue
        paras.append(_Para([ln], pg.number, right))
    return paras


def _continues(last: _Para, first: _Para, right: float, left: float, body_size: float) -> bool:
    """Does ``first`` (top of a page) continue ``last`` (bottom of the previous page)?"""
    a, b = last.lines[-1], first.lines[0]
    if abs(a.size - b.size) > 0.5 or abs(a.size - body_size) > 0.5:
        return False
    if a.x1 < right - 1.5 * body_size:          # last line short: the paragraph ended
        return False
    if abs(b.x0 - left) > 2.0:                   # indented first line: a new paragraph
        return False
    if _LABEL_START.match(b.text):
        return False
    return True


def _build_blocks(pages: list[_PageLines], body_size: float) -> list[Block]:
    pitch = _pitch(pages, body_size)
    blocks: list[Block] = []
    pending: Optional[_Para] = None       # last paragraph of the previous page, maybe continued
    pending_tail: list[Block] = []        # that page's footnotes and the page_break
    last_note: Optional[Block] = None
    pending_right = 0.0                   # right text edge of the previous page
    for idx, pg in enumerate(pages):
        paras = _paragraphs(pg, pitch, body_size)
        body_lines = [l for l in pg.body if abs(l.size - body_size) < 0.5]
        left = Counter(round(l.x0) for l in body_lines).most_common(1)[0][0] if body_lines else 0
        right = max((l.x1 for l in body_lines), default=0.0)
        if pending is not None:
            if paras and _continues(pending, paras[0], pending_right, left, body_size):
                pending.lines.extend(paras[0].lines)
                paras = paras[1:]
                if paras:
                    blocks.append(_block(pending, body_size))
                    blocks.extend(pending_tail)
                    pending = None
                    pending_tail = []
            else:
                blocks.append(_block(pending, body_size))
                blocks.extend(pending_tail)
                pending = None
                pending_tail = []
        if pending is None and paras:
            for p in paras[:-1]:
                blocks.append(_block(p, body_size))
            pending = paras[-1]
        pending_right = right
        # footnotes of this page
        notes: list[Block] = []
        for ln in pg.notes:
            start = _note_start(ln)
            if start is not None:
                last_note = Block(start[1], kind="footnote", label=start[0], page=pg.number)
                notes.append(last_note)
            elif notes or last_note is not None:
                target = notes[-1] if notes else last_note
                target.text = _join(target.text, ln.text)
            else:
                notes.append(Block(ln.text, kind="footnote", label=None, page=pg.number))
        for nb in notes:
            nb.text = re.sub(r"\s{2,}", " ", nb.text).strip()
        tail = notes + ([Block("", kind="page_break", page=pg.number)] if idx < len(pages) - 1 else [])
        if pending is not None:
            pending_tail.extend(tail)
        else:
            blocks.extend(tail)
    if pending is not None:
        blocks.append(_block(pending, body_size))
        blocks.extend(pending_tail)
    return blocks


def _block(p: _Para, body_size: float) -> Block:
    pieces = [pc for ln in p.lines for pc in ln.pieces]
    words = [pc for pc in pieces if pc[0].strip() and not pc[3]]
    bold = bool(words) and all(pc[2] for pc in words)
    size = statistics.median(ln.size for ln in p.lines)
    kind = "heading" if size >= 1.3 * body_size else "para"
    return Block(p.text, kind=kind, italic_lead=_italic_lead(p.lines), page=p.page, bold=bold)


def _italic_lead(lines: list[_Line]) -> Optional[str]:
    text = ""
    started = False
    skipped_label = False
    for ln in lines:
        if text and started:
            text += " "
        for t, italic, _bold, is_marker in ln.pieces:
            if is_marker:
                return _clean_lead(text)
            if not started and not italic:
                m = _LABEL_START.match(t) if not skipped_label else None
                if m and not t[m.end():].strip():
                    skipped_label = True
                    continue
                if not t.strip():
                    continue
                if m:
                    rest = t[m.end():]
                    if rest.strip():
                        return None
                    skipped_label = True
                    continue
                return None
            if italic:
                started = True
                text += t
                continue
            if not t.strip():
                continue
            return _clean_lead(text)
    return _clean_lead(text)


def _clean_lead(text: str) -> Optional[str]:
    text = re.sub(r"\s+", " ", text).strip()
    return text or None
