"""Blocks → a :class:`~compare.model.Document`: the UN structure of a resolution.

The steps, in order:

1. footnote blocks become :class:`Footnote` s; page furniture lines are dropped;
2. the line "The General Assembly," (in any of the six languages) splits the
   header block from the body; without it, the first paragraph-looking block
   does;
3. the header block gives the metadata: symbol, date, distribution, session,
   committee, agenda item, sponsors, title;
4. body blocks are cut into paragraphs (hard-wrapped lines joined; a paragraph
   that runs across a page break joined back together), excerpt gap markers
   kept as gaps;
5. each paragraph is classified: OPs carry a number, sub-paragraphs a letter
   or roman label, PPs stand before the first OP; ids are the negotiators'
   (PP3, OP5, OP5(a), OP5(a)(ii));
6. footnote markers leave the text but are remembered with their offsets.

A text with no recognisable structure still loads, as P1, P2, … with a warning.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Optional

from .furniture import is_furniture
from .symbols import SYMBOL_RE, resolution_symbol
from .lexicon import found_leads
from .numerals import INSERTED_NUMBER_SUFFIXES, roman_value, whole_digit_runs
from .language import MONTH_NUMBER, alternatives, detect_language, opener_language
from .model import (
    MARKDOWN_COMMENT,
    MARK_CLOSE,
    MARK_OPEN,
    Block,
    Document,
    after_gaps,
    Dropped,
    Footnote,
    FootnoteRef,
    Metadata,
    Paragraph,
    RawDocument,
)

# --------------------------------------------------------------------------- labels

# "5.", "5)", Arabic "5 -"; "5 bis." / « 5 ter. » for a paragraph proposed between 5 and 6 in negotiation
_OP_LABEL = re.compile(r"^\s*(\d{1,4})(?:\s?(" + "|".join(INSERTED_NUMBER_SUFFIXES) + r"))?\s*(?:[.)]|[-–](?=\s))\s*(?=\S)",
                       re.IGNORECASE)
# "(a)", "a)"; spaces inside the bracket only after "(" (``\s*\(?\s*`` backtracks
# quadratically on a run of spaces)
_SUB_LABEL = re.compile(r"^\s*(?:\(\s*)?([^\W\d_]{1,6})\s*\)\s*(?=\S)")
_DECIMAL = re.compile(r"^\s*\d{1,4}\s*\.\s*\d")
_ROMAN = re.compile(r"^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
# a marker's number as Word prints it: "3", "iv", "*" (endnotes, custom marks)
_MARK_RE = re.compile(re.escape(MARK_OPEN) + "([^" + MARK_OPEN + MARK_CLOSE + "]{1,12})" + re.escape(MARK_CLOSE))
_SPACES = re.compile(r"[ \t\r\n]+")
_HAS_DIGIT = re.compile(r"\d")
#: what ends a clause, so a paragraph: tested on the last character by :func:`_ends_with`
_TERMINAL = ",;:.!?،؛。；：，)»\"”"
_PP_END = ",:،，"                    # a preambular paragraph's
_PP_COMMA = ",،，"
_CLAUSE_END = ",;:،؛，；："


def _squash(text: str) -> str:
    """``text`` on one line, runs of spaces, tabs and line breaks as one space, stripped
    (the regex runs only when there is such a run to squash: most lines have none)."""
    if "  " in text or "\n" in text or "\t" in text or "\r" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


def _unmarked(text: str) -> str:
    """``text`` without its encoded footnote markers."""
    return _MARK_RE.sub("", text) if MARK_OPEN in text else text


def _ends_with(text: str, chars: str = _TERMINAL) -> bool:
    """Whether the last character before trailing white space is one of ``chars``:
    ``[chars]\\s*$`` read from the end, not searched for from the start of a long paragraph."""
    t = text.rstrip()
    return bool(t) and t[-1] in chars


@dataclass
class _Segment:
    """A paragraph candidate in the body, before classification."""

    text: str
    label: Optional[str] = None      # number or sub-label as printed/numbered
    italic_lead: Optional[str] = None
    after_page_break: bool = False
    heading: bool = False
    word: bool = False               # from a Word paragraph: one paragraph, never joined or filtered
    cell: Optional[tuple[int, ...]] = None
    frame: str = "body"


@dataclass
class _Label:
    kind: str          # "op" | "sub"
    value: str         # "5", "a", "ii"
    level: int = 0     # 0 for OPs, 1 letters, 2 roman


def _parse_label(text: str) -> tuple[Optional[_Label], str]:
    """Take a leading paragraph label off ``text``: "5. …", "(a) …", "a) …", "(ii) …"."""
    t = text[:24]               # ``\\d`` reads Arabic-Indic digits too, and ``int`` their value
    m = _OP_LABEL.match(t)
    if m and not _DECIMAL.match(t):  # "1.5 million" is not a label
        suffix = f" {m.group(2).lower()}" if m.group(2) else ""
        return _Label("op", f"{int(m.group(1))}{suffix}"), text[m.end():]
    m = _SUB_LABEL.match(text)
    if m:
        val = m.group(1).lower()
        if len(val) == 1 or _ROMAN.match(val):
            return _Label("sub", val), text[m.end():]
    return None, text


def _label_from_block(label: str) -> Optional[_Label]:
    lab, rest = _parse_label(label.strip() + " x")
    return lab if rest.strip() == "x" else None


# --------------------------------------------------------------------------- markers

_NUMBER_TAKERS = {
    "resolution", "resolutions", "résolution", "résolutions", "resolución", "resoluciones",
    "article", "articles", "artículo", "paragraph", "paragraphs", "paragraphe", "paragraphes", "párrafo",
    "no", "no.", "nos", "n", "o", "nº", "n°", "núm", "núm.", "vol", "vol.", "chapter", "chapitre", "capítulo",
    "annex", "annexe", "anexo", "decision", "decisions", "décision", "décisions", "session", "sessions",
    "of", "on", "from", "to", "and", "or", "in", "at", "by", "than", "between", "de", "du", "des", "le", "la",
    "et", "au", "à", "y", "el", "del", "los", "las", "goal", "goals", "target", "targets", "objectif", "cible",
    "rule", "rules", "principle", "principles", "item", "point", "tema", "meeting", "séance", "page", "pages",
    "convention", "protocol", "no.", "part", "section", "phase", "step", "level", "grade", "article,",
}
_INLINE_MARK = re.compile(
    r"(?=\d)"                                  # anchored on the digit: the scan skips text without numbers
    r"(?:(?<=[^\W\d_] )|(?<=[^\W_][,;:] )"     # "Crime 1 and", "Slavery, 4"
    r"|(?<=[^\W\d_A-ZÀ-Ý]{2}))"                # "Crime1" (not "G20")
    r"(\d{1,3})"
    r"(?=[\s;:)]|[,.](?!\d)|$)"                 # not "1.5 million", "1,500"
)


@dataclass
class _MarkerState:
    """What the inline-number guesser knows, read in document order.

    ``allowed``: the numbers of the document's footnote block, when it has one.
    Without a block, a number standing alone counts as a marker only if it is the
    next footnote number (``last + 1``) — or any higher one right after an excerpt
    gap or at the start of an excerpt (``free``) — so "30 Member States" or
    "the 17 Goals" stay words.
    """

    allowed: Optional[set[str]] = None
    last: int = 0
    free: bool = False

    def accepts(self, num: str, glued: bool) -> bool:
        n = int(num)
        if self.allowed is not None:
            ok = num in self.allowed
        elif glued:
            ok = True  # "Crime1": a number glued to a lower-case word is a marker
        else:
            ok = n == self.last + 1 or (self.free and n > self.last)
        if ok:
            self.last = max(self.last, n)
            self.free = False
        return ok


# a year with its footnote number glued on, as a PDF copy has it: "le Sommet mondial de 20056" (2005, note 6)
_YEAR_MARK = re.compile(r"(?<![\d/.,])(19[4-9]\d|20[0-2]\d)([1-9]\d?)(?![\d/])")


def _year_markers(text: str, state: _MarkerState) -> str:
    """"20056" → "2005" + marker 6 when the document's footnote block has a note 6 and no number
    comes before ("n° 20058" stays a number)."""
    if not state.allowed:
        return text

    def split(m: re.Match) -> str:
        prev = _last_word(text[max(0, m.start() - 24):m.start()])
        if m.group(2) not in state.allowed or (prev and prev.lower().rstrip(",;:") in _NUMBER_TAKERS
                                              and prev.lower() not in ("de", "of", "in", "en", "du")):
            return m.group()
        return m.group(1) + MARK_OPEN + m.group(2) + MARK_CLOSE

    out: list[str] = []         # _YEAR_MARK.sub(split, text), tried only where a run of digits starts
    pos = 0
    for m in whole_digit_runs(_YEAR_MARK, text):
        out += (text[pos:m.start()], split(m))
        pos = m.end()
    return "".join(out) + text[pos:] if out else text


def _last_word(text: str) -> str:
    """The last run of non-space characters of ``text`` ("" if none)."""
    parts = text.rsplit(None, 1)
    return parts[-1] if parts else ""


# what may follow a candidate marker (a window of 24 characters), each read from its start
_AFTER_NUMBER_LIKE = re.compile(r"^\s*(?:\(|[A-Za-zÀ-ÿ]+\s+\d{4}|\d)")     # "(", "May 2005", "5"
_AFTER_WORD = re.compile(r"^\s*([^\W\d_]+)")
_AFTER_UNIT = re.compile(r"^\s*(?:%|per\s*cent|pour\s*cent|por\s*ciento|million|billion|years?|ans|años|days?|jours"
                         r"|members|membres|States|États|countries|pays)\b", re.I)
_YEAR_LIKE = re.compile(r"\d{4}")


def _inline_markers(text: str, state: _MarkerState) -> str:
    """Find footnote numbers printed inline ("Crime 1 and", "Crime1", "Slavery, 4").

    Conservative: a 1–3 digit number right after a word (optionally with a
    comma), not after a word that takes a number ("resolution 55", "No. 29",
    "of 17"), not followed by a month, a year-like number or an opening bracket,
    and consistent with the footnote numbering (see :class:`_MarkerState`).
    """
    if not _HAS_DIGIT.search(text):
        return text                 # no number, no marker: skip the slow scan
    text = _year_markers(text, state)
    out = []
    pos = 0
    for m in whole_digit_runs(_INLINE_MARK, text):     # a marker is a whole run of digits
        num = m.group(1)
        start = m.start(1)
        glued = text[start - 1] != " "          # "Crime1"; else "Crime 1", whose space goes too
        before = text[max(0, start - 48):start].rstrip()   # a window: no quadratic scans
        prev = _last_word(before).lower()
        prev_clean = prev.rstrip(",;:")
        after = text[m.end(1):m.end(1) + 24]
        if int(num) == 0 or num.startswith("0"):
            continue
        if prev in _NUMBER_TAKERS or prev_clean in _NUMBER_TAKERS and not prev.endswith(","):
            continue
        if _HAS_DIGIT.match(prev_clean) and not _YEAR_LIKE.fullmatch(prev_clean):
            continue  # "1, 2 and 3": a list of numbers
        if _AFTER_NUMBER_LIKE.match(after):
            word = _AFTER_WORD.match(after)
            if after.lstrip().startswith("(") or after.lstrip()[:1].isdigit() or (word and word.group(1).lower() in MONTH_NUMBER):
                continue
        wordm = _AFTER_WORD.match(after)
        if wordm and wordm.group(1).lower() in MONTH_NUMBER:
            continue
        if _AFTER_UNIT.match(after):
            continue
        if not state.accepts(num, glued=glued):
            continue
        out.append(text[pos:start if glued else start - 1])
        out.append(MARK_OPEN + num + MARK_CLOSE)
        pos = m.end(1)
    out.append(text[pos:])
    return "".join(out)


def _take_markers(text: str) -> tuple[str, tuple[FootnoteRef, ...]]:
    """Remove encoded markers; return clean text and the refs with offsets in it."""
    refs: list[FootnoteRef] = []
    out: list[str] = []
    length = 0
    pos = 0
    for m in _MARK_RE.finditer(text):
        chunk = text[pos:m.start()]
        # a marker between two spaces leaves one space, not two
        if chunk.endswith(" ") and text[m.end():m.end() + 1] == " ":
            chunk = chunk[:-1]
        out.append(chunk)
        length += len(chunk)
        refs.append(FootnoteRef(m.group(1), length))
        pos = m.end()
    out.append(text[pos:])
    clean = "".join(out)
    # a marker before punctuation may leave "word ," — keep the text as printed otherwise
    return clean, tuple(refs)


# --------------------------------------------------------------------------- header

# the words of the header block in each language come from the one table (compare.language.LANGUAGES)
_DIST = re.compile(rf"Distr\.?\s*[:.]?\s*({alternatives('distribution')})\b", re.I)
_ORIGINAL = re.compile(r"Original\s*:\s*([^\W\d_]+)", re.I)
_SESSION = re.compile(rf"^(.*\b(?:{alternatives('session')})\b.*)$", re.I)
_COMMITTEE = re.compile(rf"\b({alternatives('committee')})", re.I)
_AGENDA = re.compile(
    rf"(?:{alternatives('agenda')})\s*(\w\S*?)[,.]?(?:\s+(?:{alternatives('agenda_tail')})\b.*)?$", re.I
)
# (?<!\s): the spaces before ":" are tried once per run, not once per space (quadratic)
_DOC_TYPE = re.compile(rf"^(?P<sponsors>.*?)(?<!\s)\s*:\s*(?P<type>{alternatives('doc_types')})\s*\.?$", re.I)
_RES_TITLE = re.compile(r"^(\d{2,3}/\d{1,4})\.\s+(.+)$")
_ADOPTED = re.compile(rf"^(?:{alternatives('adopted_heading')})\b(?:\s+(?:{alternatives('adopted_on')}))?\s*(.*)$", re.I)
_ORGAN = re.compile(rf"^(?:{alternatives('organs')})\b", re.I)
_REPORT = re.compile(r"^\[.*\]$")
_DATE = re.compile(r"\b(1er|\d{1,2})(?:\s+de)?\s+([^\W\d_]+)(?:\s+de)?\s+(\d{4})\b")
_LANG_WORD = re.compile(rf"^(?:{alternatives('language_names')})$", re.I)
# (?<!\s): a match starts only where a run of spaces starts (else quadratic on long runs)
_SPONSOR_SPLIT = re.compile(rf"(?<!\s)\s*,\s*|(?<!\s)\s+(?:{alternatives('and_word')})\s+")
# Member States whose names hold the and-word ("Trinidad and Tobago"): white space and apostrophes
# as written, case aside
_KEEP = "\u2060"          # a word joiner holds a compound name's spaces while the line is split


@cache
def _compound_states() -> re.Pattern:
    """Compiled on first use: most documents have no sponsors line, and every process imports this."""
    return re.compile("|".join(
        r"\s+".join(re.escape(w).replace("’", "['’]") for w in name.split())
        for name in sorted(alternatives("compound_states").split("|"), key=len, reverse=True)), re.I)


def _split_sponsors(line: str) -> list[str]:
    """The sponsors of a sponsors line: "Belarus, Trinidad and Tobago and United Kingdom of Great
    Britain and Northern Ireland" is three, not six."""
    held = _compound_states().sub(lambda m: re.sub(r"\s+", _KEEP, m.group()), line)
    return [s.strip().strip("[]").replace(_KEEP, " ") for s in _SPONSOR_SPLIT.split(held) if s.strip().strip("[]")]


def _iso_date(text: str) -> Optional[str]:
    for m in _DATE.finditer(text):
        day, month, year = m.groups()
        mon = MONTH_NUMBER.get(month.lower())
        if mon:
            d = 1 if day == "1er" else int(day)
            return f"{int(year):04d}-{mon:02d}-{d:02d}"
    m = re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text)
    if m:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return None


def _header_lines(blocks: list[Block], dropped: list[Dropped]) -> list[tuple[str, bool]]:
    """Header blocks as lines (text, is_heading); lines of one block that end in a
    comma continue on the next (a sponsors list wrapped by a hard break)."""
    lines: list[tuple[str, bool]] = []
    for b in blocks:
        if b.kind not in ("para", "heading"):
            continue
        parts = [_squash(l) for l in b.text.split("\n")]
        if b.origin == "recovered":
            furniture = [p for p in parts if p and not SYMBOL_RE.search(p) and is_furniture(p)]
            dropped.extend(Dropped(_unmarked(p), "page furniture") for p in furniture)
            parts = [p for p in parts if p and (SYMBOL_RE.search(p) or not is_furniture(p))]
        else:
            parts = [p for p in parts if p]
        merged: list[str] = []
        for p in parts:
            if merged and (merged[-1].endswith(",") or p[:1].islower()):
                merged[-1] = merged[-1] + " " + p
            else:
                merged.append(p)
        lines.extend((_unmarked(m), b.kind == "heading") for m in merged)
    return lines


def _parse_header(blocks: list[Block], dropped: list[Dropped]) -> tuple[Metadata, list[str]]:
    """Metadata from the header block, and the header lines nothing claimed (not the title).
    Lines read as metadata are listed in ``dropped`` (they are not paragraphs)."""
    meta = Metadata()
    lines = _header_lines(blocks, dropped)
    unclassified: list[tuple[int, str, bool]] = []
    sponsors_at = -1
    agenda_at = -1
    for i, (line, is_heading) in enumerate(lines):
        consumed = False
        sym = SYMBOL_RE.search(line)
        if sym and not _RES_TITLE.match(line) and meta.symbol is None:
            meta.symbol = sym.group(1)
            consumed = True
        elif sym and not _RES_TITLE.match(line):
            consumed = True
        d = _DIST.search(line)
        if d:
            meta.distribution = "general" if d.group(1).lower().startswith(("gen", "gén")) else "limited"
            consumed = True
        o = _ORIGINAL.search(line)
        if o:
            meta.original_language = o.group(1)
            consumed = True
        if _ADOPTED.match(line):
            meta.doc_type = "resolution"
            consumed = True
        elif meta.date is None and _iso_date(line) and len(line) < 80:
            meta.date = _iso_date(line)
            consumed = True
        elif _iso_date(line) and len(line) < 80:
            consumed = True
        if _SESSION.match(line) and len(line) < 60 and not consumed:
            meta.session = line
            consumed = True
        c = _COMMITTEE.search(line)
        if c and len(line) < 60:
            meta.committee = c.group(1)
            consumed = True
        a = _AGENDA.match(line)
        if a and len(line) < 80:
            meta.agenda_item = a.group(1).rstrip(".")
            agenda_at = i
            consumed = True
        dt = _DOC_TYPE.match(line)
        if dt:
            meta.doc_type = dt.group("type").lower()
            sp = dt.group("sponsors").strip().strip("[]")
            meta.sponsors = _split_sponsors(sp)
            sponsors_at = i
            consumed = True
        r = _RES_TITLE.match(line)
        if r:
            meta.title = r.group(2).strip()
            meta.doc_type = "resolution"
            if meta.symbol is None or "RES" not in meta.symbol:
                meta.symbol = meta.symbol or resolution_symbol(r.group(1))
            consumed = True
        if not consumed and (_ORGAN.match(line) and len(line) < 60 or _REPORT.match(line) or _LANG_WORD.match(line)):
            consumed = True
        if not consumed:
            unclassified.append((i, line, is_heading))
        else:
            dropped.append(Dropped(line, "header line read as metadata"))
    if meta.title is None:
        # the title: after the sponsors line, and not the agenda item's own title line
        agenda_title = agenda_at + 1 if agenda_at >= 0 else -1
        after = [u for u in unclassified if u[0] > sponsors_at and u[0] != agenda_title]
        headings = [u for u in after if u[2]]
        pick = headings[-1:] if headings else after[-1:]
        if pick:
            meta.title = pick[0][1]
    if meta.doc_type is None and meta.distribution == "limited":
        meta.doc_type = "draft resolution"
    # "Crime prevention and criminal justice" under "Agenda item 97": the item's own title, which its
    # number (compared as agenda_item) names — read, not lost
    agenda_title_line = next((line for i, line, _ in unclassified if agenda_at >= 0 and i == agenda_at + 1
                              and i != sponsors_at and line != meta.title), None)
    if agenda_title_line is not None:
        dropped.append(Dropped(agenda_title_line, AGENDA_TITLE))
    leftovers = [line for i, line, _ in unclassified if line != meta.title
                 and not (agenda_title_line is not None and i == agenda_at + 1)]
    return meta, leftovers


# --------------------------------------------------------------------------- body

def _split_lines(block: Block, dropped: list[Dropped]) -> list[_Segment]:
    """Cut one block into paragraph candidates, joining hard-wrapped lines.  A Word
    paragraph is one paragraph as it stands: its line breaks are not paragraph
    ends (unless a typed paragraph number follows one after a clause's end), and a line
    holding only a number ("3", "1/27") is text, not a page number."""
    lines = [_squash(l) for l in block.text.split("\n")]
    if block.origin == "word":
        # ... unless a line break (Shift+Enter) is followed by a typed number after a clause's end:
        # "3.<tab>Requests …;<w:br/>4.<tab>Decides …" is OP3 and OP4 typed into one Word paragraph
        parts: list[list[str]] = [[]]
        for l in (l for l in lines if l):
            if parts[-1] and _ends_with(_unmarked(parts[-1][-1])) and _parse_label(l)[0] is not None:
                parts.append([])
            parts[-1].append(l)
        texts = [" ".join(p) for p in parts if p]
        if not texts:
            return []
        return [_Segment(text, label=block.label if k == 0 else None, italic_lead=block.italic_lead if k == 0 else None,
                         heading=block.kind == "heading", word=True, cell=block.cell, frame=block.frame)
                for k, text in enumerate(texts)]
    furniture = [bool(l) and is_furniture(l) for l in lines]
    dropped.extend(Dropped(_unmarked(l), "page furniture") for l, f in zip(lines, furniture) if f)
    lines = [l for l, f in zip(lines, furniture) if l and not f]
    if not lines:
        return []
    if len(lines) == 1:         # a paragraph on one line (most Markdown): nothing to join or cut
        return [_Segment(lines[0], label=block.label, italic_lead=block.italic_lead, heading=block.kind == "heading")]
    longest = max(len(l) for l in lines)
    # text pasted from a web page or Word: one paragraph per line, most lines end a clause
    per_line = len(lines) >= 3 and sum(_ends_with(_unmarked(l)) for l in lines) >= 0.6 * len(lines)
    segs: list[list[str]] = [[lines[0]]]
    for prev, line in zip(lines, lines[1:]):
        lab, _ = _parse_label(line)
        ends = _ends_with(_unmarked(prev))
        short = len(prev) < 0.8 * longest
        starts_upper = line[:1].isupper() or not line[:1].isalpha()
        if ends and (lab is not None or per_line or short and starts_upper):
            segs.append([line])
        else:
            segs[-1].append(line)
    out = []
    for i, s in enumerate(segs):
        out.append(
            _Segment(
                " ".join(s),
                label=block.label if i == 0 else None,
                italic_lead=block.italic_lead if i == 0 else None,
                heading=block.kind == "heading",
            )
        )
    return out


def _note_after_clause(text: str) -> bool:
    """Whether ``text`` ends with a clause's punctuation and a footnote number after it
    ("…des enfants,2", "…2006. 3"), read from the end (``(?<=[,;:.])\\s*\\d{1,3}$``)."""
    n = d = len(text)
    while d > 0 and text[d - 1].isdecimal() and n - d <= 3:
        d -= 1
    if not 1 <= n - d <= 3:
        return False
    head = text[:d].rstrip()
    return bool(head) and head[-1] in ",;:."


def _continues(prev: _Segment, nxt: _Segment) -> bool:
    """Does ``nxt`` carry on the paragraph ``prev`` (cut by a page break or blank line)?"""
    if prev.heading or nxt.heading or nxt.label or prev.word or nxt.word:
        return False
    lab, _ = _parse_label(nxt.text)
    if lab is not None:
        return False
    # only the end of prev matters: a window keeps a long chain of joins linear (prev grows with each)
    prev_text = _unmarked(prev.text.rstrip()[-256:]).rstrip()
    if not prev_text or _ends_with(prev_text) or _note_after_clause(prev_text):
        return False  # a finished paragraph; Russian and German PPs start in lower case
    if nxt.text.lstrip()[:1].islower():
        return True
    # across a page break, a paragraph without its closing punctuation goes on
    return nxt.after_page_break and not nxt.italic_lead


def _body_items(blocks: list[Block], dropped: list[Dropped]) -> list[object]:
    items: list[object] = []
    page_break = False
    for b in blocks:
        if b.kind == "gap":
            items.append("GAP")
            continue
        if b.kind == "page_break":
            page_break = True
            continue
        if b.kind not in ("para", "heading"):
            continue
        for seg in _split_lines(b, dropped):
            seg.after_page_break = page_break
            page_break = False
            prev = items[-1] if items else None
            if isinstance(prev, _Segment) and _continues(prev, seg):
                prev.text = prev.text.rstrip() + " " + seg.text.lstrip()
                continue
            items.append(seg)
    return items


def _split_at_opener(blocks: list[Block]) -> list[Block]:
    """A pasted text may hold "The General Assembly," as one line of a bigger block:
    cut that block so the opener stands alone (the header before it, the body after)."""
    out: list[Block] = []
    for b in blocks:
        lines = b.text.split("\n") if b.kind == "para" and "\n" in b.text else None
        at = next((i for i, l in enumerate(lines or ()) if opener_language(_unmarked(l).strip())), None)
        if at is None:
            out.append(b)
            continue
        if at > 0:
            out.append(Block("\n".join(lines[:at]), kind="para", page=b.page, origin=b.origin))
        out.append(Block(lines[at].strip(), kind="para", page=b.page, origin=b.origin))
        if at + 1 < len(lines):
            out.append(Block("\n".join(lines[at + 1:]), kind="para", page=b.page, origin=b.origin))
    return out


def _find_opener(blocks: list[Block]) -> tuple[int, Optional[str]]:
    for i, b in enumerate(blocks):
        if b.kind in ("para", "heading"):
            t = _squash(_unmarked(b.text))
            lang = opener_language(t)
            if lang:
                return i, lang
    return -1, None


def _looks_like_paragraph(b: Block) -> bool:
    if b.kind == "gap":
        return True
    if b.kind != "para":
        return False
    t = _squash(b.text)
    if b.label or _parse_label(t)[0] is not None and len(t) > 20:
        return True
    if len(t) >= 30 and _ends_with(_unmarked(t), _CLAUSE_END):
        return True  # a PP or OP ending: header lines never end so
    return len(t) >= 60 and _ends_with(t)


_SUCC = {chr(c): chr(c + 1) for c in range(ord("a"), ord("z"))}


def build_document(raw: RawDocument, label: str = "") -> Document:
    """Recover the structure of one version from its reader's blocks."""
    warnings = list(raw.warnings)
    dropped: list[Dropped] = list(raw.dropped)
    if not any(d.reason in ("page header", "page footer") for d in dropped):
        # the reader did not say which is which (PDF): one reason for both
        dropped.extend(Dropped(line, "page header or footer") for line in raw.furniture)
    footnotes: list[Footnote] = []
    seen_fn: set[str] = set()
    body_blocks: list[Block] = []
    for b in raw.blocks:
        if b.kind == "footnote":
            num = b.label or str(len(footnotes) + 1)
            if num not in seen_fn:
                seen_fn.add(num)
                footnotes.append(Footnote(num, _squash(_unmarked(b.text)),
                                          kind="endnote" if b.frame == "endnote" else "footnote"))
            continue
        body_blocks.append(b)

    body_blocks = _split_at_opener(body_blocks)
    opener_at, opener_lang = _find_opener(body_blocks)
    if opener_at >= 0:
        header, body = body_blocks[:opener_at], body_blocks[opener_at + 1:]
    else:
        # no "The General Assembly,": the header ends at the first paragraph-looking block
        start = next((i for i, b in enumerate(body_blocks) if _looks_like_paragraph(b)), 0)
        header, body = body_blocks[:start], body_blocks[start:]
    header_dropped: list[Dropped] = []
    meta, leftovers = _parse_header(header, header_dropped)
    word = bool(body_blocks) and all(b.origin == "word" for b in body_blocks if b.kind in ("para", "heading"))
    items = _body_items(body, dropped)
    segments = [it for it in items if isinstance(it, _Segment)]
    has_gap = any(it == "GAP" for it in items)
    labels = [_label_from_block(s.label) if s.label else _parse_label(s.text)[0] for s in segments]
    labelled_ops = sum(1 for lab in labels if lab is not None and lab.kind == "op")
    pp_like = sum(1 for s in segments if _ends_with(_unmarked(s.text), _PP_END))
    structured = opener_at >= 0 or labelled_ops > 0 or has_gap or (segments and pp_like >= 0.5 * len(segments))
    if word and opener_at < 0 and not has_gap:
        # a Word file without "The General Assembly,": a resolution excerpt only when
        # numbered paragraphs make up most of it (a letter's commas, a report's odd
        # numbered list do not make PPs and OPs out of its headings and lines)
        labelled = sum(1 for lab in labels if lab is not None)
        pp_commas = sum(1 for s, lab in zip(segments, labels)
                        if lab is None and _ends_with(_unmarked(s.text), _PP_COMMA))
        structured = labelled_ops > 0 and labelled + pp_commas >= 0.6 * len(segments)
    if word and not structured and header:
        # a Word document that is not a resolution: its first lines are paragraphs
        # (headings, a letterhead), not a header to read metadata from and drop
        header, body, leftovers = [], body_blocks, []
        items = _body_items(body, dropped)
        header_dropped = []
    dropped.extend(header_dropped)
    if opener_at >= 0:
        opener_text = _squash(_unmarked(body_blocks[opener_at].text))
        dropped.append(Dropped(opener_text, "preamble opener (kept as structure)"))
    dropped.extend(Dropped(line, "header line not read as metadata") for line in leftovers
                   if line != meta.title)
    if opener_at < 0 and leftovers:
        shown = "; ".join(l[:60] for l in leftovers[:3]) + ("; …" if len(leftovers) > 3 else "")
        warnings.append(f"no \"The General Assembly,\" line: {len(leftovers)} line(s) before the first paragraph "
                        f"were read as the header: {shown}")
    if meta.symbol is None:
        # Word and PDF files print the symbol in the page header, which readers set aside
        for line in raw.furniture:
            m = SYMBOL_RE.search(line)
            if m:
                meta.symbol = m.group(1)
                break

    explicit_markers = word or any(MARK_OPEN in b.text for b in raw.blocks)
    markers = None if explicit_markers else _MarkerState(
        allowed={f.number for f in footnotes} if footnotes else None,
        free=bool(items) and items[0] == "GAP",
    )

    segments = [it for it in items if isinstance(it, _Segment)]
    paragraphs: list[Paragraph] = []
    gaps: list[int] = []
    if not structured:
        if segments:
            warnings.append("no resolution structure recognised; paragraphs numbered P1, P2, …")
        n = 0
        for it in items:
            if it == "GAP":
                gaps.append(len(paragraphs))
                continue
            n += 1
            text, refs = _finish_text(it.text, markers)
            paragraphs.append(Paragraph(id=f"P{n}", kind="P", number=str(n), text=text, footnote_refs=refs,
                                        cell=it.cell, frame=it.frame))
    else:
        _classify(items, paragraphs, gaps, warnings, markers, dropped)

    # language: from the body text first, the opener as a fallback
    body_text = " ".join(p.text for p in paragraphs) or " ".join(b.text for b in body_blocks)
    lang = detect_language(body_text) or opener_lang or detect_language(" ".join(b.text for b in raw.blocks))
    meta.language = lang
    leads = found_leads(paragraphs, after_gaps(paragraphs, gaps), lang)
    for p in paragraphs:
        p.leading = leads.get(p.id, p.leading)
    if lang is None and paragraphs:
        warnings.append("language not recognised as one of the six UN languages")
    if not paragraphs:
        warnings.append("no paragraphs found")
    note = dropped_warning(dropped)
    if note:
        warnings.append(note)
    return Document(
        meta=meta, paragraphs=paragraphs, footnotes=footnotes, gaps=gaps, warnings=warnings,
        source=raw.source, label=label, has_opener=opener_at >= 0, dropped=dropped,
        auto_numbers=_auto_numbers(segments),
    )


def _auto_numbers(segments: list[_Segment]) -> bool:
    """Most numbered operative paragraphs take their number from Word's list machinery."""
    if not any(s.label for s in segments):
        return False                    # text, PDF, a Word file without lists: no label to weigh
    auto = typed = 0
    for s in segments:
        lab = _label_from_block(s.label) if s.label else _parse_label(s.text)[0]
        if lab is not None and lab.kind == "op":
            auto += bool(s.label)
            typed += not s.label
    return auto > 0 and auto >= typed


AGENDA_TITLE = "the agenda item's title (named by its number)"
_QUIET = {"header line read as metadata", "preamble opener (kept as structure)", AGENDA_TITLE, MARKDOWN_COMMENT}   # shown as metadata: listed, but not a loss to warn of


#: text that repeats on every page (running headers, footers, page numbers): left out of the
#: paragraphs by design; a comparison lists its changes apart (the redline's summary)
PAGE_FURNITURE = {"page header", "page footer", "page header or footer", "page furniture"}


def only_page_furniture(dropped: list[Dropped]) -> bool:
    """Whether all that reading left out is header-block metadata or page furniture: nothing of
    the text a comparison would need to warn about."""
    return all(d.reason in _QUIET or d.reason in PAGE_FURNITURE for d in dropped)


def dropped_warning(dropped: list[Dropped]) -> Optional[str]:
    """One warning line with the counts of text left out of the paragraphs, by reason."""
    counts: dict[str, int] = {}
    for d in dropped:
        if d.reason not in _QUIET:
            counts[d.reason] = counts.get(d.reason, 0) + 1
    if not counts:
        return None
    parts = ", ".join(f"{n} {reason}" for reason, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    return f"not read as paragraphs (listed under dropped): {parts}"


def _placed(p: Paragraph, seg: _Segment) -> Paragraph:
    """The paragraph with the Word position of its segment (table cell, text box)."""
    p.cell, p.frame = seg.cell, seg.frame
    return p


def _lead(seg: _Segment) -> str:
    """The italic leading words, when the format marked them."""
    lead = _squash(_unmarked(seg.italic_lead or "")).rstrip(",;:")
    return lead if 0 < len(lead) <= 60 else ""


def _finish_text(text: str, markers: Optional[_MarkerState]) -> tuple[str, tuple[FootnoteRef, ...]]:
    """Clean a paragraph's text; ``markers`` is None when the reader marked footnotes itself."""
    if markers is not None:
        text = _inline_markers(text, markers)
    text, refs = _take_markers(_squash(text))
    return text.strip(), refs


def _classify(
    items: list[object],
    paragraphs: list[Paragraph],
    gaps: list[int],
    warnings: list[str],
    markers: Optional[_MarkerState],
    dropped: list[Dropped],
) -> None:
    pp_count = 0
    plain_count = 0
    gap_seen = False
    top: Optional[Paragraph] = None          # last PP or OP
    sub1: Optional[Paragraph] = None         # last (a)-level paragraph
    seen_ids: set[str] = set()
    op_seen = False
    roman_list = False                       # the (a)-level list under ``top`` is numbered (i), (ii), …

    next_k: dict[str, int] = {}              # next suffix to try per id (linear, not a scan from 2 each time)

    def unique(pid: str) -> str:
        if pid not in seen_ids:
            seen_ids.add(pid)
            return pid
        k = next_k.get(pid, 2)
        while f"{pid}#{k}" in seen_ids:
            k += 1
        next_k[pid] = k + 1
        seen_ids.add(f"{pid}#{k}")
        warnings.append(f"paragraph number {pid} appears twice; the second is {pid}#{k}")
        return f"{pid}#{k}"

    for it in items:
        if it == "GAP":
            gaps.append(len(paragraphs))
            gap_seen = True
            if markers is not None:
                markers.free = True  # footnotes may have been numbered in the missing text
            continue
        assert isinstance(it, _Segment)
        if it.label:
            lab = _label_from_block(it.label)
            body = it.text
            if lab is None:
                # a label Word rendered that we do not read as a number ("•"): keep the text
                lab, body = _parse_label(it.text)
        else:
            lab, body = _parse_label(it.text)
        if lab is not None and lab.kind == "sub" and top is None:
            # a lettered paragraph with nothing above it (excerpt): keep it whole as a PP-level paragraph
            lab, body = None, it.text
        text, refs = _finish_text(body, markers)
        if not text:
            continue
        if lab is not None and lab.kind == "sub" and top is not None:
            val = lab.value
            level = 1
            if _ROMAN.match(val):
                # (i) after (h) is a letter; (i), (ii) … straight under a paragraph are its list;
                # (i) under (a) is a sub-sub-paragraph
                letter_next = sub1 is not None and _SUCC.get(sub1.number) == val
                if sub1 is None:
                    roman_list = val == "i"
                elif roman_list and _ROMAN.match(sub1.number) and roman_value(val) == roman_value(sub1.number) + 1:
                    level = 1
                elif not letter_next:
                    level = 2
            if level == 2 and sub1 is not None:
                pid = unique(f"{sub1.id}({val})")
                p = Paragraph(pid, top.kind, val, text, level=2, parent=sub1.id, footnote_refs=refs)
            else:
                pid = unique(f"{top.id}({val})")
                p = Paragraph(pid, top.kind, val, text, level=1, parent=top.id, footnote_refs=refs)
                sub1 = p
            paragraphs.append(_placed(p, it))
            continue
        if lab is not None and lab.kind == "op":
            op_seen = True
            p = Paragraph(unique(f"OP{lab.value.replace(' ', '')}"), "OP", lab.value, text, footnote_refs=refs,
                          leading=_lead(it))
            paragraphs.append(_placed(p, it))
            top, sub1, roman_list = p, None, False
            continue
        if op_seen and it.word:
            # a Word paragraph among the OPs without a number (a heading, a closing line,
            # a paragraph continuing an OP): the file says it is a paragraph, so it stays one
            plain_count += 1
            p = Paragraph(unique(f"P{plain_count}"), "P", str(plain_count), text, footnote_refs=refs)
            paragraphs.append(_placed(p, it))
            continue
        if op_seen and len(text) < 60 and not _ends_with(text):
            # a heading among OPs ("Oral revisions") or the closing date of an adopted text
            warnings.append(f"“{text}” was read as a heading or closing line, not as text of a paragraph")
            dropped.append(Dropped(text, "heading or closing line among the operative paragraphs"))
            continue
        if op_seen:
            gap_before = bool(gaps) and gaps[-1] == len(paragraphs)
            if paragraphs and not gap_before:
                # an unnumbered paragraph among OPs: the tail of the one before
                last = paragraphs[-1]
                shift = len(last.text) + 1
                last.footnote_refs = last.footnote_refs + tuple(FootnoteRef(r.number, r.offset + shift) for r in refs)
                last.text = last.text + " " + text
                warnings.append(f"an unnumbered paragraph after {last.id} was read as part of it")
                continue
            # right after a gap in the operative part: the tail of an OP we cannot see
            p = Paragraph(unique(f"OP?{len(paragraphs) + 1}"), "OP", "?", text, footnote_refs=refs)
            paragraphs.append(_placed(p, it))
            top, sub1, roman_list = p, None, False
            continue
        pp_count += 1
        pid = f"PP?{pp_count}" if gap_seen else f"PP{pp_count}"
        p = Paragraph(unique(pid), "PP", str(pp_count), text, footnote_refs=refs, leading=_lead(it))
        paragraphs.append(_placed(p, it))
        top, sub1, roman_list = p, None, False
