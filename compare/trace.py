"""Agreed language: where each phrase of a draft comes from.

``trace_document(draft, library)`` finds, for every paragraph of the draft,

* the **spans** of at least ``min_words`` words (default 6) that occur verbatim
  in a text of the library — verbatim after the diff's own normalisation
  (:func:`compare.tokens.words`: casefold, typographic variants folded,
  punctuation and spacing ignored) — each with its sources (document, paragraph
  id, where in that paragraph), a primary one first;
* the **agreed share**: the share of the paragraph's words inside spans found
  in an *adopted* resolution (A/RES, or a text the caller marks adopted:
  ``adopted=``) — a draft under negotiation is not agreed language, so with no adopted
  text in the draft's language the share is not measured (note ``no_adopted``);
* the **share from earlier drafts**: words found verbatim only in earlier drafts,
  reported apart (``count_drafts=True`` counts them as agreed, as before);
* the words **not measured** because a source's copy is cut: a library text that is
  an excerpt holds a paragraph only up to a gap ("… use of child soldiers," and then
  nothing).  Draft words that run on past the point where the source paragraph's
  copy stops — the stretch after the last span that reaches that cut end, up to the
  next span or the paragraph's end (or, for a copy cut at its start, the stretch
  before the first span that starts there) — may well be in the full source: they
  are reported apart (:attr:`ParagraphTrace.unmeasured`), neither agreed nor new,
  and left out of the shares.  Only a span's primary source counts (the paragraph
  the span is attributed to).  Likewise where the DRAFT's own copy is cut ("Reaffirming
  that t" before a gap): the last ``min_words`` words after its last span (the first ones
  before its first span, at a cut start) could begin a verbatim run cut short, so they are
  not measured either (reason :data:`DRAFT_CUT`); a paragraph none of whose words is measured
  is "not measured", neither new nor agreed;
* for a paragraph with no verbatim source, the **closest** library paragraph
  and its similarity (the alignment's IDF-weighted unigram+bigram similarity,
  :mod:`compare.similarity`), or None when nothing is even remotely similar.

Method.  The library indexes every run of ``SHINGLE`` (5) consecutive words of
every paragraph, hashed (:mod:`compare.library`).  The draft's shingles are
looked up in one pass; hits on the same library text at the same offset
(same diagonal) and consecutive draft positions form maximal common runs, which
are then checked word by word against the library text (no trust in hashes)
and kept when at least ``min_words`` long.  The draft paragraph is then
covered greedily, matches in adopted texts first, then those found only in
drafts: within each pass the longest match first (ties: the earliest
session/date), each later match claiming only the words still uncovered.  A span's sources are every library paragraph whose
verbatim match contains the whole span, ranked the same way.

Which library documents are used: all but the draft itself (same content
hash, or same symbol — in another language it is the draft translated,
:func:`~compare.symbols.symbol_key`) and those the caller leaves out —
``exclude`` (labels, symbols, file names or ids) and ``before`` (a GA session
number, an ISO date, or ``"auto"``: the draft's own session, so a draft of the
63rd session is traced against texts of sessions ≤ 62 only).  A text whose
date and session are both unknown cannot be placed in time: under ``before`` it
is left out with a warning (:attr:`TraceResult.warnings`) unless the caller
dates it (``dates={name: "YYYY-MM-DD"}``).  Left-out documents are listed with
the reason in :attr:`TraceResult.excluded`.

Offsets are character offsets in :attr:`compare.model.Paragraph.text`
(``tokens.tokenize`` gives exact surfaces), ready for shading in a view.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping, Optional, Sequence, Union

import numpy as np

from .library import DocInfo, Library, content_hash, cut_sides, session_of, shingle_hashes, term_hash
from .model import Document, Metadata
from .symbols import symbol_key
from .tokens import word_offsets, words

DEFAULT_MIN_WORDS = 6
MAX_SOURCES = 20            # sources listed per span (n_sources counts them all)
CLOSEST_MIN = 0.15          # below this similarity a paragraph has no "closest"
CLOSEST_TERMS = 12          # rarest words of a paragraph used to find candidates
CLOSEST_POSTINGS = 3000     # texts read per candidate word at most
CLOSEST_CANDIDATES = 25     # candidates per paragraph scored with the alignment similarity

Before = Union[int, str, None]


# ----------------------------------------------------------------------------- results

@dataclass(frozen=True)
class SourceRef:
    """A library paragraph where a span occurs verbatim."""

    doc: DocInfo
    paragraph: str              # paragraph id in that document (PP3, OP1(a) …)
    word_start: int             # the span's words in the library paragraph (tokens.words indices)
    word_end: int
    match_words: int            # length of the whole verbatim match the span belongs to
    #: character offsets of those words in the library paragraph text: given for the
    #: primary source (checked word by word); for the others use word_offsets(text)
    start: Optional[int] = None
    end: Optional[int] = None


@dataclass
class Span:
    """Words ``[word_start, word_end)`` of a draft paragraph, characters ``[start, end)``."""

    start: int
    end: int
    word_start: int
    word_end: int
    sources: list[SourceRef]    # primary first, at most MAX_SOURCES
    n_sources: int              # all sources found
    #: found in an adopted text (agreed language), not only in earlier drafts
    adopted: bool = True

    @property
    def primary(self) -> SourceRef:
        return self.sources[0]

    @property
    def n_words(self) -> int:
        return self.word_end - self.word_start


#: why words are not measured: a library text's copy of the source paragraph is an excerpt that stops there
SOURCE_CUT = "source copy cut"
#: … or the draft's own copy of the paragraph is (an excerpt gap cuts it): a verbatim run that crosses the
#: cut shows only its visible part, too short to be found when fewer than ``min_words`` words
DRAFT_CUT = "draft copy cut"


@dataclass(frozen=True)
class Unmeasured:
    """Draft words ``[word_start, word_end)`` (characters ``[start, end)``) whose newness is unknown, so
    they are neither agreed nor new: ``reason`` SOURCE_CUT, they lie beyond where the copy of ``source``'s
    paragraph is cut (``side``: "end", after its last word; "start", before its first); DRAFT_CUT, they lie
    next to where the draft's own copy is cut (``source`` None)."""

    start: int
    end: int
    word_start: int
    word_end: int
    source: Optional[SourceRef]
    side: str
    reason: str = SOURCE_CUT

    @property
    def n_words(self) -> int:
        return self.word_end - self.word_start


@dataclass(frozen=True)
class Closest:
    doc: DocInfo
    paragraph: str
    similarity: float
    text: str


@dataclass
class ParagraphTrace:
    id: str
    kind: str
    text: str
    n_words: int
    agreed_words: int
    spans: list[Span]
    closest: Optional[Closest] = None
    #: words found verbatim only in earlier drafts (not agreed language)
    draft_words: int = 0
    #: for a paragraph with no verbatim source: paragraphs of earlier texts in other
    #: languages that say the same thing (:class:`compare.concordance.Equivalent`, best
    #: first) — a translation, never agreed language (filled by ``api.trace_version``)
    equivalents: list = field(default_factory=list)
    #: stretches beyond where a source's copy is cut: neither agreed nor new (:class:`Unmeasured`)
    unmeasured: list[Unmeasured] = field(default_factory=list)

    @property
    def unmeasured_words(self) -> int:
        return sum(u.n_words for u in self.unmeasured)

    @property
    def measured_words(self) -> int:
        """The words the shares are of: not those beyond a source's cut, which may be agreed or new."""
        return self.n_words - self.unmeasured_words

    @property
    def agreed_share(self) -> float:
        return self.agreed_words / self.measured_words if self.measured_words else 0.0

    @property
    def draft_share(self) -> float:
        return self.draft_words / self.measured_words if self.measured_words else 0.0

    @property
    def status(self) -> str:
        """``agreed`` (every word), ``partly agreed``, ``from earlier drafts`` (spans found
        only in drafts), ``new`` (no span), ``not measured`` (every word unmeasured: "Reaffirming
        that t" cut by an excerpt gap is not new wording), ``empty``."""
        if not self.n_words:
            return "empty"
        if not self.measured_words:
            return NOT_MEASURED
        if not self.spans:
            return "new"
        if not self.agreed_words:
            return "from earlier drafts"
        return "agreed" if self.agreed_words == self.n_words else "partly agreed"

    def new_ranges(self) -> list[tuple[int, int]]:
        """Character ranges between spans (and stretches not measured) that hold words: the new wording."""
        out, pos = [], 0
        for s in sorted(self.spans + self.unmeasured, key=lambda s: s.start):
            if words(self.text[pos:s.start]):
                out.append(_trim(self.text, pos, s.start))
            pos = s.end
        if words(self.text[pos:]):
            out.append(_trim(self.text, pos, len(self.text)))
        return out

    def spans_in_order(self) -> list[Span]:
        return sorted(self.spans, key=lambda s: s.start)


#: the status of a paragraph none of whose words could be measured (:attr:`ParagraphTrace.status`)
NOT_MEASURED = "not measured"


#: What the reader of a trace must know, in English (the CLI's and the app's language), by code.
#: Exported documents word them in their own language (:mod:`compare.export.words`, ``trace_<code>``)
#: from :attr:`TraceResult.notes`.
NOTE_TEXT = {
    "undated": "left out {n} undated text(s) that cannot be placed before the draft: {names}; give a date to use it",
    "nothing": "no earlier text to trace against: every paragraph shows as new wording only for that reason",
    "other_language": "none of the texts traced against is in the draft's language ({lang}): agreed language is "
                      "found verbatim only in that language, so \"new wording\" here means only that no text in {lang} "
                      "was there to compare; add earlier texts in {lang}",
    "foreign": "texts used that are in another language ({langs}) than the draft ({lang}): {n}; agreed language is "
               "found verbatim only in the draft's language; for paragraphs with no verbatim source, close equivalents in "
               "those texts are listed apart",
    "no_adopted": "none of the texts traced against is an adopted text in the draft's language ({lang}): agreed "
                  "language is adopted wording found verbatim, so \"new wording\" here means only that no adopted text "
                  "in {lang} was there to compare (words found in earlier drafts are shown apart); add the adopted "
                  "resolutions in {lang}, or mark a text as adopted",
    "no_cuts": "{n} text(s) of the library were added before excerpt cuts were recorded ({names}): words of the draft "
               "beyond where such a source's copy is cut show as new; rebuild the library (--rebuild-library) or "
               "add them again",
}


#: the notes under which no share of agreed language is measured (:attr:`TraceResult.measured`)
UNMEASURED = ("nothing", "other_language", "no_adopted")


@dataclass(frozen=True)
class TraceNote:
    """One warning as a code and its values, so that an exported document can word it in its language."""
    code: str
    params: tuple[tuple[str, str], ...] = ()

    def text(self) -> str:
        return NOTE_TEXT[self.code].format(**dict(self.params))


@dataclass
class TraceResult:
    label: str
    source: str
    symbol: Optional[str]
    language: Optional[str]
    library: str
    min_words: int
    before: Before
    used: list[DocInfo]
    excluded: list[tuple[DocInfo, str]]
    paragraphs: list[ParagraphTrace]
    #: text of every library paragraph a primary source or a closest refers to, by (doc id, paragraph id)
    source_texts: dict[tuple[int, str], str] = field(default_factory=dict)
    #: what the reader should know (texts left out because they cannot be dated, …), in English;
    #: :meth:`note` adds one to both this list and :attr:`notes`
    warnings: list[str] = field(default_factory=list)
    notes: list[TraceNote] = field(default_factory=list)
    #: library document id → the label of a version loaded with the traced one (api.trace_version)
    loaded: dict[int, str] = field(default_factory=dict)
    count_drafts: bool = False

    def note(self, code: str, **params: str) -> None:
        """Add the warning ``code`` (a key of :data:`NOTE_TEXT`) with its values."""
        n = TraceNote(code, tuple(params.items()))
        self.notes.append(n)
        self.warnings.append(n.text())

    @property
    def measured(self) -> bool:
        """Whether the agreed share means anything: not when there was nothing to trace against, or
        nothing in the draft's language ("0 % agreed, 25 of 25 entirely new" would say the wording is new)."""
        return not any(n.code in UNMEASURED for n in self.notes)

    @property
    def n_words(self) -> int:
        return sum(p.n_words for p in self.paragraphs)

    @property
    def agreed_words(self) -> int:
        return sum(p.agreed_words for p in self.paragraphs)

    @property
    def unmeasured_words(self) -> int:
        """Words beyond where a source's copy is cut (:class:`Unmeasured`): counted apart, not as new."""
        return sum(p.unmeasured_words for p in self.paragraphs)

    @property
    def measured_words(self) -> int:
        return self.n_words - self.unmeasured_words

    @property
    def agreed_share(self) -> float:
        return self.agreed_words / self.measured_words if self.measured_words else 0.0

    @property
    def draft_words(self) -> int:
        return sum(p.draft_words for p in self.paragraphs)

    @property
    def draft_share(self) -> float:
        """Share of the words found verbatim only in earlier drafts ("from earlier drafts")."""
        return self.draft_words / self.measured_words if self.measured_words else 0.0


# ----------------------------------------------------------------------------- helpers

def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _rank(d: DocInfo) -> tuple:
    """Preferred source first: adopted resolutions before drafts, then the earliest."""
    return (not d.adopted,) + d.order_key


_ISO = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


#: why an undated text is left out when only older texts are wanted
UNDATED = "undated: cannot tell whether it is older; give it a date to use it"


def _names(d: DocInfo) -> set[str]:
    """How a caller may name a library document: label, symbol, id or file name (casefolded)."""
    return {d.label.casefold(), (d.symbol or "").casefold(), str(d.id),
            (d.source or "").replace("\\", "/").rsplit("/", 1)[-1].casefold()} - {""}


def _with_overrides(d: DocInfo, adopted: set[str], dates: Mapping[str, str]) -> DocInfo:
    """``d`` as the caller describes it: marked adopted, or given a date (and so a session)."""
    names = _names(d)
    if names & adopted and not d.adopted:
        d = replace(d, adopted=True)
    date = next((v for k, v in dates.items() if k in names), None)
    if date:
        if not _ISO.match(date):
            raise ValueError(f"'{date}' is not a date (YYYY-MM-DD)")
        d = replace(d, date=date, session=d.session if d.session is not None else session_of(Metadata(date=date)))
    return d


def _older(d: DocInfo, before: Union[int, str]) -> bool:
    if isinstance(before, int):
        return d.session is not None and d.session < before
    if d.date:
        return d.date < before
    if d.session is not None:           # a session opens in September of 1945 + N
        return f"{1945 + d.session}-09-01" < before
    return False


def resolve_before(before: Before, draft: Document) -> Union[int, str, None]:
    """Normalise ``before``: an int session, an ISO date string, or None."""
    if before is None or before == "":
        return None
    if isinstance(before, int):
        return before
    b = str(before).strip()
    if b.lower() == "auto":
        s = session_of(draft)
        if s is None:
            raise ValueError("cannot tell the draft's session (no symbol, file name or date); give a session number or a date")
        return s
    if b.isdigit():
        return int(b)
    if _ISO.match(b):
        return b
    raise ValueError(f"'{before}' is neither a session number, a date (YYYY-MM-DD) nor 'auto'")


def select_documents(draft: Document, library: Library, *, before: Before = None,
                     exclude: Union[Iterable[str], Mapping[str, str]] = (), adopted: Iterable[str] = (),
                     dates: Optional[Mapping[str, str]] = None
                     ) -> tuple[list[DocInfo], list[tuple[DocInfo, str]]]:
    """(documents used, [(document left out, reason)]) for tracing ``draft``.

    ``exclude``: names to leave out (a mapping gives the reason for each);
    ``adopted``: names of texts to count as adopted; ``dates``: name → ISO date
    for texts the library cannot date (the caller's overrides, not stored)."""
    b = resolve_before(before, draft)
    chash = content_hash(draft)
    sym = symbol_key(draft.meta.symbol, draft.label)
    reasons = dict(exclude) if isinstance(exclude, Mapping) else {k: "excluded" for k in exclude}
    keys = {k.strip().casefold(): why for k, why in reasons.items() if k.strip()}
    marked = {k.strip().casefold() for k in adopted if k.strip()}
    dated = {k.strip().casefold(): v.strip() for k, v in (dates or {}).items() if k.strip() and v and v.strip()}
    used, excluded = [], []
    for d in library.documents():
        d = _with_overrides(d, marked, dated)
        names = _names(d)
        if d.content_hash == chash:
            excluded.append((d, "the draft itself"))
        elif sym and symbol_key(d.symbol, d.label) == sym:
            excluded.append((d, "same symbol as the draft" if d.language == draft.meta.language
                             else "the draft itself, in another language"))
        elif names & keys.keys():
            excluded.append((d, keys[min(names & keys.keys())]))
        elif b is not None and d.date is None and (
                d.session is None or (isinstance(b, str) and d.session == session_of(Metadata(date=b)))):
            excluded.append((d, UNDATED))           # its session says nothing about which side of the date
        elif b is not None and not _older(d, b):
            excluded.append((d, f"not older than {'session ' + str(b) if isinstance(b, int) else b}"))
        else:
            used.append(d)
    return used, excluded


def _dated(library: Library, dates: Optional[Mapping[str, str]]) -> list[DocInfo]:
    """The library's documents with the caller's dates applied."""
    dated = {k.strip().casefold(): v.strip() for k, v in (dates or {}).items() if k.strip() and v and v.strip()}
    return [_with_overrides(d, set(), dated) for d in library.documents()]


def later_documents(draft: Document, library: Library, dates: Optional[Mapping[str, str]] = None) -> list[DocInfo]:
    """Library documents known to be later than ``draft``: a later date when both are
    dated, else a later GA session when both sessions are known.  Undated texts of
    unknown session are not counted as later (see :func:`undated_documents`).  (For
    ``exclude=``: "agreed language from texts up to this one", keeping the same
    session's earlier drafts.)"""
    date = draft.meta.date
    session = session_of(draft)
    out = []
    for d in _dated(library, dates):
        if date and d.date:
            if d.date > date:
                out.append(d)
        elif session is not None and d.session is not None and d.session > session:
            out.append(d)
    return out


def undated_documents(draft: Document, library: Library, dates: Optional[Mapping[str, str]] = None
                      ) -> list[DocInfo]:
    """Library documents that cannot be placed before or after a dated ``draft``: no
    date, and a session that is unknown or the draft's own (an undated excerpt of
    the resolution adopted at the end of the draft's session must not pass for an
    earlier text).  Empty when the draft itself is undated."""
    if not draft.meta.date:
        return []
    session = session_of(draft)
    return [d for d in _dated(library, dates) if not d.date and (d.session is None or d.session == session)]


# ----------------------------------------------------------------------------- matching

@dataclass
class _Interval:
    """Draft words [i0, i1) found verbatim in library texts ``tids`` starting at
    their words ``j0s``; both arrays sorted best source first."""

    i0: int
    i1: int
    tids: np.ndarray
    j0s: np.ndarray
    best: int = 0               # rank (lower is better) of its best source

    @property
    def length(self) -> int:
        return self.i1 - self.i0


def _find_intervals(keys: list[list[str]], library: Library, ranks: dict[int, tuple], min_words: int
                    ) -> tuple[list[list[_Interval]], dict[int, list[tuple[int, str]]], dict[int, int]]:
    """Maximal verbatim matches of at least ``min_words`` words, grouped by draft
    interval, per draft paragraph; text id → allowed [(doc id, paragraph id)],
    best first; text id → rank of its best occurrence (lower is better).

    Vectorised: hits on the same text at the same offset (diagonal) with
    consecutive draft positions are one maximal match of ``run + K - 1`` words."""
    K = library.shingle
    out: list[list[_Interval]] = [[] for _ in keys]
    hs: list[int] = []
    pis: list[int] = []
    iis: list[int] = []
    for pi, ks in enumerate(keys):
        h = shingle_hashes(ks, K)
        hs += h
        pis += [pi] * len(h)
        iis += range(len(h))
    if not hs:
        return out, {}, {}
    Dh = np.asarray(hs, dtype=np.int64)
    o = np.argsort(Dh, kind="stable")
    Dh, Dp, Di = Dh[o], np.asarray(pis, dtype=np.int64)[o], np.asarray(iis, dtype=np.int64)[o]
    rows = library.shingle_hits(np.unique(Dh).tolist())
    if not rows:
        return out, {}, {}
    A = np.asarray(rows, dtype=np.int64)
    doc_order = {did: k for k, did in enumerate(sorted(ranks, key=ranks.__getitem__))}
    occ: dict[int, list[tuple[int, str]]] = {}
    trank: dict[int, int] = {}
    for tid, lst in library.occurrences(np.unique(A[:, 1]).tolist()).items():
        ok = [(did, pid) for did, _, pid in lst if did in ranks]
        if ok:
            ok.sort(key=lambda x: doc_order[x[0]])
            occ[tid] = ok
            trank[tid] = doc_order[ok[0][0]]
    if not occ:
        return out, {}, {}
    tid_keys = np.fromiter(occ, dtype=np.int64, count=len(occ))
    A = A[np.isin(A[:, 1], tid_keys)]
    H, T, P = A[:, 0], A[:, 1], A[:, 2]
    lo = np.searchsorted(Dh, H, "left")
    cnt = np.searchsorted(Dh, H, "right") - lo
    tot = int(cnt.sum())
    if not tot:
        return out, {}, {}
    rep = np.repeat(np.arange(len(H)), cnt)
    idx = np.repeat(lo, cnt) + (np.arange(tot) - np.repeat(np.cumsum(cnt) - cnt, cnt))
    pi, i, tid = Dp[idx], Di[idx], T[rep]
    diag = P[rep] - i
    order = np.lexsort((i, diag, tid, pi))
    pi, i, tid, diag = pi[order], i[order], tid[order], diag[order]
    start = np.ones(tot, dtype=bool)
    start[1:] = (pi[1:] != pi[:-1]) | (tid[1:] != tid[:-1]) | (diag[1:] != diag[:-1]) | (i[1:] != i[:-1] + 1)
    s = np.flatnonzero(start)
    e = np.append(s[1:], tot) - 1
    keep = (i[e] - i[s] + K) >= min_words
    s, e = s[keep], e[keep]
    if not len(s):
        return out, occ, trank
    # one row per maximal match: (paragraph, i0, i1, text, j0), grouped by draft interval, best source first
    rp, ra, rb, rt = pi[s], i[s], i[e] + K, tid[s]
    rj = ra + diag[s]
    sorter = np.argsort(tid_keys)
    rr = np.asarray([trank[t] for t in tid_keys.tolist()], dtype=np.int64)[sorter][
        np.searchsorted(tid_keys[sorter], rt)]
    order = np.lexsort((rj, rr, rb, ra, rp))
    rp, ra, rb, rt, rj, rr = rp[order], ra[order], rb[order], rt[order], rj[order], rr[order]
    gstart = np.ones(len(rp), dtype=bool)
    gstart[1:] = (rp[1:] != rp[:-1]) | (ra[1:] != ra[:-1]) | (rb[1:] != rb[:-1])
    gs = np.flatnonzero(gstart).tolist() + [len(rp)]
    for g0, g1 in zip(gs[:-1], gs[1:]):
        out[int(rp[g0])].append(_Interval(int(ra[g0]), int(rb[g0]), rt[g0:g1], rj[g0:g1], int(rr[g0])))
    return out, occ, trank


def _cover(n: int, intervals: list[_Interval], covered: Optional[list[bool]] = None
           ) -> list[tuple[int, int, _Interval]]:
    """Greedy cover of the draft words: the longest match first (ties: the best
    source, then the earliest position); each claims the words still uncovered
    (``covered``: words an earlier pass claimed, updated).  [(a, b, interval)] in text order."""
    covered = [False] * n if covered is None else covered
    pieces = []
    for m in sorted(intervals, key=lambda m: (-m.length, m.best, m.i0)):
        k = m.i0
        while k < m.i1:
            if covered[k]:
                k += 1
                continue
            s = k
            while k < m.i1 and not covered[k]:
                covered[k] = True
                k += 1
            pieces.append((s, k, m))
    pieces.sort(key=lambda p: p[0])
    return pieces


# ----------------------------------------------------------------------------- closest

def _similarities(old_texts: Sequence[str], new_texts: Sequence[str]):
    """The alignment's similarity matrix (old × new), IDF over the two sides: one notion of "close"."""
    from .similarity import text_similarity

    return text_similarity(old_texts, new_texts)


def _closest(targets: list[int], keys: list[list[str]], texts: list[str], library: Library,
             allowed: dict[int, DocInfo]) -> dict[int, tuple[int, float]]:
    """Draft paragraph index → (library text id, similarity) of the closest paragraph."""
    if not targets:
        return {}
    N = max(library.n_texts(), 1)
    terms = {pi: {term_hash(w) for w in keys[pi]} for pi in targets}
    df = library.term_df(set().union(*terms.values()))
    posting_cache: dict[int, list[int]] = {}
    cand_of: dict[int, list[int]] = {}
    for pi in targets:
        ts = sorted((t for t in terms[pi] if df.get(t)), key=lambda t: df[t])[:CLOSEST_TERMS]
        score: dict[int, float] = {}
        for t in ts:
            if t not in posting_cache:
                posting_cache[t] = library.term_postings(t, CLOSEST_POSTINGS)
            w = math.log(1 + N / df[t])
            for tid in posting_cache[t]:
                score[tid] = score.get(tid, 0.0) + w
        cand_of[pi] = sorted(score, key=lambda tid: -score[tid])[:CLOSEST_CANDIDATES * 4]
    occ_raw = library.occurrences({tid for c in cand_of.values() for tid in c})
    ok_tids = {tid for tid, lst in occ_raw.items() if any(did in allowed for did, _, _ in lst)}
    for pi in targets:
        cand_of[pi] = [tid for tid in cand_of[pi] if tid in ok_tids][:CLOSEST_CANDIDATES]
    all_c = sorted({tid for c in cand_of.values() for tid in c})
    if not all_c:
        return {}
    ctext = library.texts(all_c)
    S = _similarities([texts[pi] for pi in targets], [ctext[t] for t in all_c])
    col = {t: k for k, t in enumerate(all_c)}
    out = {}
    for r, pi in enumerate(targets):
        best = max(((float(S[r, col[t]]), -t) for t in cand_of[pi]), default=None)
        if best is not None and best[0] >= CLOSEST_MIN:
            out[pi] = (-best[1], round(best[0], 4))
    return out


# ----------------------------------------------------------------------------- beyond a source's cut

def _stretch(spans: list[Span], k: int, side: str, n: int) -> tuple[int, int]:
    """Draft words [a, b) between span ``k`` (spans in text order) and its neighbour on ``side``
    ("end": the next span or the paragraph's end; "start": the previous span or its start)."""
    if side == "end":
        return spans[k].word_end, spans[k + 1].word_start if k + 1 < len(spans) else n
    return spans[k - 1].word_end if k else 0, spans[k].word_start


def beyond_cuts(spans: list[Span], n: int, offsets: list[tuple[int, int]],
                cut: Mapping[tuple[int, str], frozenset], length: Mapping[tuple[int, str], int]
                ) -> list[Unmeasured]:
    """The stretches of a draft paragraph not measured because its source's copy is cut there: after
    the LAST span whose primary source paragraph is cut at its end and which reaches that end, up to
    the next span (or the paragraph's end); before the FIRST span whose primary source is cut at its
    start and which starts there, back to the previous span.  Only the primary source counts: it is
    the paragraph the words are attributed to; another copy elsewhere proves nothing about the cut.

    ``cut``: (doc id, paragraph id) → sides cut; ``length``: its word count; ``offsets``: the draft
    paragraph's word offsets."""
    order = sorted(spans, key=lambda s: s.word_start)

    def key(s: Span) -> tuple[int, str]:
        return s.primary.doc.id, s.primary.paragraph

    ends = [k for k, s in enumerate(order) if "end" in cut.get(key(s), ()) and s.primary.word_end == length.get(key(s))]
    starts = [k for k, s in enumerate(order) if "start" in cut.get(key(s), ()) and s.primary.word_start == 0]
    out: dict[tuple[int, int], Unmeasured] = {}
    for found, side in ((ends[-1:], "end"), (starts[:1], "start")):
        for k in found:
            a, b = _stretch(order, k, side, n)
            if a < b:           # the stretch between two such spans is one, whichever side names it
                out.setdefault((a, b), Unmeasured(offsets[a][0], offsets[b - 1][1], a, b, order[k].primary, side))
    return [out[k] for k in sorted(out)]


def draft_cut(spans: list[Span], n: int, offsets: list[tuple[int, int]], sides: set[str], min_words: int,
              taken: list[Unmeasured]) -> list[Unmeasured]:
    """The words of a draft paragraph whose own copy is cut (``sides``: "end", "start") that cannot be
    measured: a verbatim run crossing the cut shows only its visible part, found only when it holds at
    least ``min_words`` words.  So the last ``min_words`` words (the last may be a fragment: "t") after
    the last span — or the first ones before the first span, at a cut start — are neither agreed nor
    new; earlier words were looked up in full.  Words already in ``taken`` (a source's cut) are left."""
    order = sorted(spans, key=lambda s: s.word_start)
    out = []
    if "end" in sides:
        a, b = max(order[-1].word_end if order else 0, n - min_words), n
        out.append((a, b, "end"))
    if "start" in sides:                # up to the end stretch, when both sides are cut
        a, b = 0, min(order[0].word_start if order else n, min_words, out[0][0] if out else n)
        out.append((a, b, "start"))
    got: list[Unmeasured] = []
    for a, b, side in out:
        if a < b and not any(u.word_start < b and a < u.word_end for u in taken + got):
            got.append(Unmeasured(offsets[a][0], offsets[b - 1][1], a, b, None, side, DRAFT_CUT))
    return got


# ----------------------------------------------------------------------------- public

def _split_adopted(intervals: list[_Interval], trank: dict[int, int], n_adopted: int
                   ) -> tuple[list[_Interval], list[_Interval]]:
    """Each match split by where its texts occur: (in an adopted text, only in drafts).
    A text's rank below ``n_adopted`` means its best occurrence is adopted."""
    adopted, drafts = [], []
    for iv in intervals:
        r = np.asarray([trank[t] for t in iv.tids.tolist()], dtype=np.int64)
        a = r < n_adopted
        if a.all():
            adopted.append(iv)
        elif not a.any():
            drafts.append(iv)
        else:
            adopted.append(_Interval(iv.i0, iv.i1, iv.tids[a], iv.j0s[a], iv.best))
            drafts.append(_Interval(iv.i0, iv.i1, iv.tids[~a], iv.j0s[~a], int(r[~a].min())))
    return adopted, drafts


def trace_document(doc: Document, library: Library, min_words: int = DEFAULT_MIN_WORDS, *,
                   before: Before = None, exclude: Union[Iterable[str], Mapping[str, str]] = (),
                   closest: str = "unsourced", max_sources: int = MAX_SOURCES, count_drafts: bool = False,
                   adopted: Iterable[str] = (), dates: Optional[Mapping[str, str]] = None) -> TraceResult:
    """Trace every paragraph of ``doc`` to the earlier texts of ``library``.

    ``min_words``: shortest span reported (at least the library's shingle size,
    5).  ``before``: only documents older than a session number, an ISO date, or
    ``"auto"`` (the draft's own session).  ``exclude``: labels, symbols, file
    names or ids of library documents to leave out (a mapping: with the reason).
    ``closest``: for which paragraphs to find the closest library paragraph —
    ``"unsourced"`` (no verbatim span; default), ``"all"`` or ``"none"``.
    Only adopted texts make agreed language (``adopted``: names of texts to count
    as adopted besides A/RES); words found only in earlier drafts are counted
    apart (``draft_words``) unless ``count_drafts``.  ``dates``: name → ISO date
    for texts the library holds undated.
    """
    if min_words < library.shingle:
        raise ValueError(f"min_words must be at least {library.shingle} (the library indexes {library.shingle}-word runs)")
    if closest not in ("unsourced", "all", "none"):
        raise ValueError("closest must be 'unsourced', 'all' or 'none'")
    used, excluded = select_documents(doc, library, before=before, exclude=exclude, adopted=adopted, dates=dates)
    n_adopted = len(used) if count_drafts else sum(d.adopted for d in used)
    allowed = {d.id: d for d in used}
    pars = doc.paragraphs
    keys = [words(p.text) for p in pars]
    ranks = {d.id: _rank(d) for d in used}
    intervals, occ, trank = _find_intervals(keys, library, ranks, min_words) if allowed else ([[] for _ in pars], {}, {})
    text_cache: dict[int, str] = {}
    cuts = library.cuts(allowed)
    own_cut: dict[str, set[str]] = {}           # the draft's own cut paragraphs, as the library keeps a source's
    for seq, side in cut_sides(doc):
        own_cut.setdefault(pars[seq].id, set()).add(side)
    lengths: dict[tuple[int, str], int] = {}

    source_texts: dict[tuple[int, str], str] = {}
    traces: list[ParagraphTrace] = []
    for pi, p in enumerate(pars):
        offs = word_offsets(p.text)
        dk = keys[pi]
        n = len(dk)
        spans = []
        in_adopted, in_drafts = _split_adopted(intervals[pi], trank, n_adopted)
        covered = [False] * n
        pieces = _cover(n, in_adopted, covered) + _cover(n, in_drafts, covered)
        pieces.sort(key=lambda p: p[0])
        by_adopted = {id(iv) for iv in in_adopted}
        candidates = in_adopted + in_drafts
        for a, b, m in pieces:
            # every match containing [a, b): the chosen one first, then longest, best source
            cover = sorted((iv for iv in candidates if iv.i0 <= a and iv.i1 >= b),
                           key=lambda iv: (iv is not m, -iv.length, iv.best))
            srcs: list[SourceRef] = []
            seen: set[tuple[int, str]] = set()
            n_src = sum(len(occ[t]) for t in set().union(*(iv.tids.tolist() for iv in cover)))
            for iv in cover:
                for tid, j0 in zip(iv.tids.tolist(), iv.j0s.tolist()):
                    lst = occ[tid]
                    if len(srcs) >= max_sources:
                        continue
                    ws = j0 + (a - iv.i0)
                    for did, pid in lst:
                        if (did, pid) in seen or len(srcs) >= max_sources:
                            continue
                        if not srcs:
                            # the primary source: checked word by word (hash collisions) and located
                            if tid not in text_cache:
                                text_cache.update(library.texts([tid]))
                            t = text_cache[tid]
                            if words(t)[ws:ws + b - a] != dk[a:b]:
                                continue
                            so = word_offsets(t)
                            srcs.append(SourceRef(allowed[did], pid, ws, ws + b - a, iv.length,
                                                  so[ws][0], so[ws + b - a - 1][1]))
                            source_texts[(did, pid)] = t
                        else:
                            srcs.append(SourceRef(allowed[did], pid, ws, ws + b - a, iv.length))
                        seen.add((did, pid))
            if srcs:
                spans.append(Span(offs[a][0], offs[b - 1][1], a, b, srcs, max(n_src, len(srcs)),
                                  adopted=id(m) in by_adopted))
        for s in spans:
            k = (s.primary.doc.id, s.primary.paragraph)
            if k in cuts and k not in lengths:
                lengths[k] = len(words(source_texts[k]))
        unmeasured = beyond_cuts(spans, n, offs, cuts, lengths) if cuts else []
        if p.id in own_cut and n:
            unmeasured = sorted(unmeasured + draft_cut(spans, n, offs, own_cut[p.id], min_words, unmeasured),
                                key=lambda u: u.word_start)
        traces.append(ParagraphTrace(p.id, p.kind, p.text, n, sum(s.n_words for s in spans if s.adopted), spans,
                                     draft_words=sum(s.n_words for s in spans if not s.adopted),
                                     unmeasured=unmeasured))
    if closest != "none" and allowed:
        targets = [pi for pi, t in enumerate(traces) if t.n_words and (closest == "all" or not t.spans)]
        found = _closest(targets, keys, [p.text for p in pars], library, allowed)
        if found:
            occ_c = library.occurrences({tid for tid, _ in found.values()})
            ctext = library.texts({tid for tid, _ in found.values()})
            for pi, (tid, sim) in found.items():
                best = min(((allowed[did], pid) for did, _, pid in occ_c[tid] if did in allowed),
                           key=lambda o: _rank(o[0]))
                traces[pi].closest = Closest(best[0], best[1], sim, ctext[tid])
                source_texts[(best[0].id, best[1])] = ctext[tid]
    b = resolve_before(before, doc)
    undated = [d.name for d, why in excluded if why == UNDATED]
    lang = doc.meta.language
    result = TraceResult(doc.label, doc.source, doc.meta.symbol, doc.meta.language, str(library.path), min_words,
                         b, used, excluded, traces, source_texts, count_drafts=count_drafts)
    if undated:
        result.note("undated", n=str(len(undated)), names=", ".join(undated))
    unrecorded = library.cuts_unrecorded(allowed) if allowed else []
    if unrecorded:
        result.note("no_cuts", n=str(len(unrecorded)), names=", ".join(allowed[d].name for d in unrecorded))
    if not used:
        result.note("nothing")
    elif lang and not any(d.language in (lang, None) for d in used):
        # "0 % agreed, 7 of 7 entirely new" would say the wording is new; it says only that no text was comparable
        result.note("other_language", lang=lang)
    elif lang and not count_drafts and not any(d.adopted and d.language in (lang, None) for d in used):
        # agreed language is adopted wording: drafts alone in the language say nothing of what is agreed
        result.note("no_adopted", lang=lang)
    return result
