"""Word-level diff of two paragraph texts, shaped like a careful editor's markup.

The diff runs on *tokens* of :mod:`compare.tokens` (the project's one
tokenizer), not on characters: each distinct token key is encoded as one
Unicode character (the "lines to chars" trick of diff-match-patch, per token),
``diff_match_patch.diff_main`` diffs the encoded strings, and the result is
decoded back to the *original surface text* of each side.

Guarantees (property-tested in ``tests/test_diff.py``)::

    "".join(s.text for s in segs if s.op != "insert") == old
    "".join(s.text for s in segs if s.op != "delete") == new

no empty segment, no two adjacent segments with the same ``(op, minor)``, an
identical pair of texts gives one ``equal`` segment (``[]`` for two empty
strings), and inside each change the deletion comes before the insertion.

Cleanup rules, in order:

1. ``diff_cleanupSemantic`` on the token-encoded strings (token-level
   "semantic chaff" removal; its boundary scoring sees encoded spaces as
   white space and encoded punctuation as punctuation, so changes are slid
   to start at a word and end after the following space: ``a [new ]b``).
2. Tokens whose keys match but whose surfaces differ (’ vs ', no-break space
   vs space, case under ``ignore_case``, punctuation under
   ``ignore_punctuation``) become ``minor`` delete + insert pairs.  A change
   made only of white space (``typography``) or only of punctuation
   (``ignore_punctuation``) is ``minor`` too.
3. A minor change touching a substantive change is folded into it
   (``l'Organisation`` → ``l’Assemblée`` is one change, not three).
4. "Glue" left equal between two substantive changes - at most 6 tokens of
   white space, commas/quotes/brackets and at most one short word (≤ 3
   characters: ``of``, ``and``, ``de``, ``l'``, one CJK character) - is
   absorbed, so
   ``delete X · equal " " · insert Y`` reads ``delete "X " · insert "Y "``.
   A paragraph mark (a white-space token with a line break), sentence or
   clause punctuation (``. ; : ! ?``) and footnote markers are never glue.
5. Adjacent changes are merged; each change is emitted delete first.

Timeout: no clock.  A time deadline (``Diff_Timeout > 0``) makes the markup
depend on machine load; no deadline at all (``0``) lets two long unrelated
texts run for minutes.  Instead (see :class:`_WorkBudget`) the library's
deadline check counts work: a fixed number of diagonal moves per diff, after
which what is left is shown as one delete + insert - the same on every run.
Speed comes from the token encoding (a 20,000-word paragraph is a
~40,000-character string), from cutting long texts at unique common runs of
tokens before diffing (:func:`_anchors`) and from diff-match-patch's
half-match split.
"""
from __future__ import annotations

import sys
from array import array
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from diff_match_patch import diff_match_patch

from .model import CompareOptions, FootnoteRef, Segment
from .sequences import longest_increasing_subsequence
from .tokens import NormOptions, Token, token_key, token_kind, token_texts, tokenize, word_count

__all__ = [
    "diff_texts",
    "diff_paragraph_texts",
    "changed_share",
    "text_with_markers",
    "SUPERSCRIPT",
]

# --------------------------------------------------------------------------- footnote markers

#: Superscript forms for footnote labels (digits, a few signs, Latin letters).
SUPERSCRIPT: dict[str, str] = {
    **dict(zip("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")),
    "+": "⁺", "-": "⁻", "=": "⁼", "(": "⁽", ")": "⁾",
    **dict(zip("abcdefghijklmnoprstuvwxyz", "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ")),
}
_SUPER_CHARS = frozenset(SUPERSCRIPT.values())
_MARKER_SEP = ","  # between two markers at the same offset: ²,³


def _superscript(number: str) -> str:
    return "".join(SUPERSCRIPT.get(c, SUPERSCRIPT.get(c.lower(), c)) for c in number.strip())


def text_with_markers(paragraph_text: str, refs: Iterable[FootnoteRef]) -> str:
    """Put the footnote markers recorded in ``refs`` back into the text as
    superscripts (``children³``).  Offsets refer to ``paragraph_text``;
    offsets out of range are clamped; several markers at one offset are
    written ``²,³``."""
    refs = sorted(refs, key=lambda r: r.offset)  # stable: keeps document order at equal offsets
    if not refs:
        return paragraph_text
    out: list[str] = []
    pos = 0
    last_offset: Optional[int] = None
    for ref in refs:
        off = min(max(ref.offset, 0), len(paragraph_text))
        if off > pos:
            out.append(paragraph_text[pos:off])
            pos = off
        elif last_offset == off:
            out.append(_MARKER_SEP)
        out.append(_superscript(ref.number))
        last_offset = off
    out.append(paragraph_text[pos:])
    return "".join(out)


# --------------------------------------------------------------------------- tokens and keys

# Internal token: (surface text, kind, key).  Kinds are those of compare.tokens
# plus "marker" for superscript footnote markers split off words.
_Tok = tuple[str, str, str]


def _split_markers(tokens: Sequence[Token]) -> list[tuple[str, str]]:
    """The shared tokenizer glues superscripts to the word before them
    (``children¹`` is one \\w+ run).  A footnote marker is not part of a word,
    so split superscript characters off as their own ``marker`` tokens."""
    out: list[tuple[str, str]] = []
    for t in tokens:
        if t.kind != "word" or not any(c in _SUPER_CHARS for c in t.text):
            out.append((t.text, t.kind))
            continue
        start = 0
        s = t.text
        i = 0
        while i < len(s):
            if s[i] in _SUPER_CHARS:
                if i > start:
                    out.append((s[start:i], "word"))
                j = i
                while j < len(s) and s[j] in _SUPER_CHARS:
                    j += 1
                out.append((s[i:j], "marker"))
                start = i = j
            else:
                i += 1
        if start < len(s):
            out.append((s[start:], "word"))
    return out


def _has_break(text: str) -> bool:
    return "\n" in text or "\r" in text or "\u2029" in text


def _key(text: str, kind: str, norm: NormOptions) -> str:
    if kind == "marker":
        return "\x00m" + text          # a marker never equals a word or punctuation
    if kind == "space" and _has_break(text):
        # A paragraph mark (texts of several paragraphs are joined with "\n")
        # is not a typographic variant of a space.
        return "\n" if norm.typography else token_key(Token(text, "space"), norm)
    return token_key(Token(text, kind), norm)  # type: ignore[arg-type]


class _TokTable(dict):
    """Token text → its ``(text, kind, key)`` under one :class:`NormOptions`, made once per
    distinct token: a text's tokens are then looked up by one C-level ``map`` (a named tuple,
    a kind and a key lookup a token in Python were half of a large comparison's diff time)."""

    def __init__(self, norm: NormOptions) -> None:
        super().__init__()
        self.norm = norm

    def __missing__(self, text: str) -> _Tok:
        kind = token_kind(text)
        tok = self[text] = (text, kind, _key(text, kind, self.norm))
        return tok


_TABLES: dict[NormOptions, _TokTable] = {}
_TABLE_MAX = 200_000


_TOKEN_CACHE_MAX_LEN = 5000  # long texts are not kept in the cache


def _tokens(text: str, norm: NormOptions) -> tuple[_Tok, ...]:
    if len(text) <= _TOKEN_CACHE_MAX_LEN:
        return _tokens_cached(text, norm)
    return _tokens_uncached(text, norm)


def _tokens_uncached(text: str, norm: NormOptions) -> tuple[_Tok, ...]:
    table = _TABLES.get(norm)
    if table is None or len(table) > _TABLE_MAX:
        table = _TABLES[norm] = _TokTable(norm)
    texts = token_texts(text) if _SUPER_CHARS.isdisjoint(text) else None
    if texts is not None:
        return tuple(map(table.__getitem__, texts))
    # ideographs, or footnote markers split off words: pieces of a word keep the word's kind
    # ("-a" of "a大-a", "ab'" of "ab'¹c"), so the kinds come from the tokenizer, not the texts
    return tuple((s, kind, _key(s, kind, norm)) for s, kind in _split_markers(tokenize(text)))


_tokens_cached = lru_cache(maxsize=4096)(_tokens_uncached)


# --------------------------------------------------------------------------- key -> char encoding

_SURROGATES = range(0xD800, 0xE000)
#: CJK unified ideographs and Hangul syllables: 32,164 code points, all
#: alphanumeric, so boundary scoring treats encoded words as word characters.
_WORD_RANGES = (range(0x4E00, 0xA000), range(0xAC00, 0xD7A4))
_LINEBREAK_POOL = "\n\r"
_SPACE_POOL = " \t\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + \
    "\u2028\u202f\u205f\u3000"


def _run(codes: range) -> str:
    """The characters of consecutive code points, built in C (``chr`` one by one took ~2 ms
    of every comparing process for the 32,000 word codes)."""
    return array(_U32, codes).tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")


_U32 = next(t for t in "IL" if array(t).itemsize == 4)     # the 4-byte unsigned type code


@lru_cache(maxsize=None)
def _pools() -> dict[str, str]:
    words = _run(_WORD_RANGES[0]) + _run(_WORD_RANGES[1])
    punct = "".join([c for c in _run(range(0x2190, 0x2C00)) if not c.isalnum() and not c.isspace()])
    return {"word": words, "punct": punct, "space": _SPACE_POOL, "linebreak": _LINEBREAK_POOL}


@lru_cache(maxsize=None)
def _pool_chars() -> frozenset[str]:
    return frozenset("".join(_pools().values()))


def _general_pool() -> Iterable[str]:
    """Every other code point, for the (theoretical) case a pool runs dry."""
    taken = _pool_chars()
    for c in range(0x100, 0x110000):
        if c in _SURROGATES:
            continue
        ch = chr(c)
        if ch not in taken:
            yield ch


class _Encoder:
    """Maps each distinct token key to one character, by category so that
    diff-match-patch's boundary scoring (white space, punctuation, letters)
    still means something on the encoded strings."""

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}
        self.next = {"word": 0, "punct": 0, "space": 0, "linebreak": 0}
        self.general: Optional[Iterable[str]] = None
        self.overflow = "\U0010FFFD"  # shared by keys beyond ~1.1 million; see _runs

    def _category(self, kind: str, key: str) -> str:
        if kind == "space":
            return "linebreak" if _has_break(key) else "space"
        if kind in ("word", "elision"):
            return "word"
        return "punct"  # punct, marker

    def encode(self, toks: Sequence[_Tok]) -> str:
        codes = self.codes
        for _, kind, key in toks:
            if key not in codes:
                codes[key] = self._new(self._category(kind, key))
        return "".join([codes[t[2]] for t in toks])

    def _new(self, cat: str) -> str:
        pool = _pools()[cat]
        i = self.next[cat]
        if i < len(pool):
            self.next[cat] = i + 1
            return pool[i]
        if self.general is None:
            self.general = iter(_general_pool())
        for ch in self.general:
            if ch != self.overflow:
                return ch
        return self.overflow


class _WorkBudget:
    """A deterministic stand-in for diff-match-patch's time deadline.

    ``diff_bisect`` only ever uses its deadline as ``time.time() > deadline``,
    once per edit-distance step ``d``; a step costs about ``2·d`` diagonal
    moves.  This object counts those moves over the whole diff and says "past
    the deadline" once ``limit`` is spent, so a pathological input (two long,
    unrelated texts) degrades to whole-block delete + insert for what is left
    instead of running for minutes - and always in the same way."""

    __slots__ = ("limit", "spent", "d")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.spent = 0
        self.d = 0

    def start_bisect(self) -> None:
        self.d = 0

    def __lt__(self, now: object) -> bool:   # time.time() > budget
        self.d += 1
        self.spent += 2 * self.d
        return self.spent > self.limit

    def __gt__(self, now: object) -> bool:   # budget < time.time(), for symmetry
        return self.__lt__(now)


#: Diagonal moves allowed per diff (~0.5 s of diff_bisect in CPython 3.11 at ~0.45 µs each).
BISECT_BUDGET = 1_000_000


class _DMP(diff_match_patch):
    """diff-match-patch driven by a work budget instead of a clock.

    ``Diff_Timeout`` is left positive *only* because the library enables its
    half-match speed-up (deterministic, possibly non-minimal) just when it is;
    no clock is ever read, because every ``diff_main`` call gets a
    :class:`_WorkBudget` as its deadline (one is supplied if a caller omits it).
    Nothing on the instance changes per call, so sharing it is thread-safe."""

    def __init__(self) -> None:
        super().__init__()
        self.Diff_Timeout = 1.0  # not a time limit here: see the class docstring

    def diff_main(self, text1, text2, checklines=True, deadline=None):  # noqa: N802
        if deadline is None:
            deadline = _WorkBudget(BISECT_BUDGET)
        return super().diff_main(text1, text2, checklines, deadline)

    def diff_bisect(self, text1, text2, deadline):  # noqa: N802
        if isinstance(deadline, _WorkBudget):
            deadline.start_bisect()
        return super().diff_bisect(text1, text2, deadline)


_dmp = _DMP()


# --------------------------------------------------------------------------- anchoring

#: Above this many tokens (after trimming the common prefix and suffix) the
#: diff is cut at anchors first: runs of ANCHOR_GRAM tokens that occur once in
#: each text, in the same order (patience-diff style, longest increasing
#: subsequence).  Myers' algorithm costs ~D² for D edits; cutting the problem
#: into k independent gaps divides that by ~k.
ANCHOR_MIN = 1500
ANCHOR_GRAM = 8


def _unique_grams(s: str, n: int) -> dict[str, int]:
    seen: dict[str, int] = {}
    for i in range(len(s) - n + 1):
        g = s[i:i + n]
        seen[g] = -1 if g in seen else i
    return seen


def _anchors(a: str, b: str, n: int = ANCHOR_GRAM) -> list[tuple[int, int, int]]:
    """Non-overlapping common runs ``(pos in a, pos in b, length)``, in order."""
    ua = _unique_grams(a, n)
    ub = _unique_grams(b, n)
    cand = sorted((i, ub[g]) for g, i in ua.items() if i >= 0 and ub.get(g, -1) >= 0)
    if not cand:
        return []
    # the anchors that keep their order in both texts
    chain = [cand[k] for k in longest_increasing_subsequence([y for _, y in cand])]
    out: list[tuple[int, int, int]] = []
    for x, y in chain:
        if out:
            px, py, pl = out[-1]
            if x - px == y - py and x <= px + pl:       # same diagonal, touching: extend
                out[-1] = (px, py, max(pl, x + n - px))
                continue
            if x < px + pl or y < py + pl:              # overlaps the last anchor
                continue
        out.append((x, y, n))
    return out


def _diff_encoded(a: str, b: str) -> list[tuple[int, str]]:
    budget = _WorkBudget(BISECT_BUDGET)
    p = _dmp.diff_commonPrefix(a, b)
    q = _dmp.diff_commonSuffix(a[p:], b[p:])
    mid_a, mid_b = a[p:len(a) - q], b[p:len(b) - q]
    if max(len(mid_a), len(mid_b)) < ANCHOR_MIN:
        return _dmp.diff_main(a, b, False, budget)
    diffs: list[tuple[int, str]] = [(0, a[:p])] if p else []
    pa = pb = 0
    for x, y, n in _anchors(mid_a, mid_b):
        diffs.extend(_dmp.diff_main(mid_a[pa:x], mid_b[pb:y], False, budget))
        diffs.append((0, mid_a[x:x + n]))
        pa, pb = x + n, y + n
    diffs.extend(_dmp.diff_main(mid_a[pa:], mid_b[pb:], False, budget))
    if q:
        diffs.append((0, a[len(a) - q:]))
    _dmp.diff_cleanupMerge(diffs)
    return diffs


# --------------------------------------------------------------------------- runs

class _Change:
    __slots__ = ("old", "new", "minor")

    def __init__(self, old: list[_Tok], new: list[_Tok], minor: bool) -> None:
        self.old = old
        self.new = new
        self.minor = minor


class _Equal:
    __slots__ = ("toks",)

    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks


def _norm(options: CompareOptions) -> NormOptions:
    return NormOptions(
        ignore_case=options.ignore_case,
        ignore_punctuation=options.ignore_punctuation,
        typography=options.typography,
    )


def _trivial_change(old: list[_Tok], new: list[_Tok], norm: NormOptions) -> bool:
    """A change made only of white space (typography) or of punctuation and
    white space (ignore_punctuation) is not substantive."""
    kinds = {t[1] for t in old} | {t[1] for t in new}
    if any(_has_break(t[0]) for t in old) or any(_has_break(t[0]) for t in new):
        return False  # a paragraph mark added or removed is always substantive
    if norm.typography and kinds == {"space"}:
        return True
    return norm.ignore_punctuation and "punct" in kinds and kinds <= {"space", "punct"}


def _runs(diffs, old: Sequence[_Tok], new: Sequence[_Tok], norm: NormOptions) -> list:
    """Decode dmp's diffs to runs of equal tokens and changes (rules 2-3, 5)."""
    runs: list = []

    def add_change(o: list[_Tok], n: list[_Tok], minor: bool) -> None:
        last = runs[-1] if runs else None
        if isinstance(last, _Change):
            last.old.extend(o)
            last.new.extend(n)
            last.minor = last.minor and minor
        else:
            runs.append(_Change(list(o), list(n), minor))

    def add_equal(toks: Sequence[_Tok]) -> None:
        last = runs[-1] if runs else None
        if isinstance(last, _Equal):
            last.toks.extend(toks)
        else:
            runs.append(_Equal(list(toks)))

    i = j = 0
    k = 0
    n_diffs = len(diffs)
    while k < n_diffs:
        op, chars = diffs[k]
        if op == 0:
            n = len(chars)
            start = 0
            for m in range(n):
                a, b = old[i + m], new[j + m]
                if a[0] != b[0]:
                    if m > start:
                        add_equal(old[i + start:i + m])
                    # same key, other surface -> minor; a key collision (more
                    # distinct tokens than code points) -> substantive
                    add_change([a], [b], a[2] == b[2])
                    start = m + 1
            if n > start:
                add_equal(old[i + start:i + n])
            i += n
            j += n
            k += 1
        else:
            o: list[_Tok] = []
            nw: list[_Tok] = []
            while k < n_diffs and diffs[k][0] != 0:
                op, chars = diffs[k]
                if op < 0:
                    o.extend(old[i:i + len(chars)])
                    i += len(chars)
                else:
                    nw.extend(new[j:j + len(chars)])
                    j += len(chars)
                k += 1
            add_change(o, nw, _trivial_change(o, nw, norm))
    assert i == len(old) and j == len(new)
    return runs


_SENTENCE_END = frozenset(".;:!?。；：！？؛؟")


def _is_glue(toks: list[_Tok]) -> bool:
    words = 0
    for text, kind, key in toks:
        if kind in ("word", "elision"):
            words += 1
            if words > 1 or len(text) > 3:
                return False
        elif kind == "space":
            if _has_break(text):
                return False
        elif kind == "marker" or text in _SENTENCE_END:
            return False
    return len(toks) <= 6


def _absorb_glue(runs: list) -> list:
    """Rule 4: change · glue · change -> one change."""
    out: list = []
    for r in runs:
        if (
            isinstance(r, _Change) and not r.minor and len(out) >= 2
            and isinstance(out[-1], _Equal) and isinstance(out[-2], _Change)
            and not out[-2].minor and _is_glue(out[-1].toks)
        ):
            glue = out.pop().toks
            prev = out[-1]
            prev.old.extend(glue)
            prev.old.extend(r.old)
            prev.new.extend(glue)
            prev.new.extend(r.new)
        else:
            out.append(r)
    return out


def _segments(runs: list) -> list[Segment]:
    segs: list[Segment] = []
    for r in runs:
        if isinstance(r, _Equal):
            segs.append(Segment("equal", "".join(t[0] for t in r.toks)))
        else:
            if r.old:
                segs.append(Segment("delete", "".join(t[0] for t in r.old), r.minor))
            if r.new:
                segs.append(Segment("insert", "".join(t[0] for t in r.new), r.minor))
    return segs


# --------------------------------------------------------------------------- public API

def compared_keys(text: str, options: CompareOptions = CompareOptions()) -> tuple[str, ...]:
    """The keys :func:`diff_texts` compares, white space left out (``typography``): two texts
    with the same keys differ by nothing the options count as a change (typographic variants
    and, per the options, case or punctuation), so their diff has no substantive segment."""
    norm = _norm(options)
    toks = _tokens(text, norm)
    return tuple(t[2] for t in toks if not (norm.typography and t[1] == "space"))


def diff_texts(old: str, new: str, options: CompareOptions = CompareOptions()) -> list[Segment]:
    """Word-level diff of ``old`` and ``new`` as editor-like segments.

    Equal segments carry the (identical) text of both sides; minor segments
    are differences the options do not count as substantive."""
    if old == new:
        return [Segment("equal", old)] if old else []
    norm = _norm(options)
    old_toks = _tokens(old, norm)
    new_toks = _tokens(new, norm)
    enc = _Encoder()
    a = enc.encode(old_toks)
    b = enc.encode(new_toks)
    diffs = _diff_encoded(a, b)
    if len(diffs) > 2:
        _dmp.diff_cleanupSemantic(diffs)
    runs = _runs(diffs, old_toks, new_toks, norm)
    runs = _absorb_glue(runs)
    return _segments(runs)


def diff_paragraph_texts(
    old_text: str,
    old_refs: Sequence[FootnoteRef],
    new_text: str,
    new_refs: Sequence[FootnoteRef],
    options: CompareOptions = CompareOptions(),
) -> list[Segment]:
    """Diff two paragraphs' texts; with ``ignore_footnote_markers`` off the
    markers are put back as superscripts first (and so appear in the segments:
    the segments then rebuild the texts *with* markers)."""
    if not options.ignore_footnote_markers:
        old_text = text_with_markers(old_text, old_refs)
        new_text = text_with_markers(new_text, new_refs)
    return diff_texts(old_text, new_text, options)


def _word_count(text: str) -> int:
    if _SUPER_CHARS.isdisjoint(text):
        return word_count(text)  # no footnote markers in the text: count words straight away
    return sum(1 for s, k in _split_markers(tokenize(text)) if k in ("word", "elision"))


def changed_share(segments: Sequence[Segment]) -> float:
    """Share of words touched by substantive (non-minor) changes, in [0, 1]:
    ``max(words deleted, words inserted) / max(words of old, words of new)``.
    Spaces, punctuation and footnote markers are not words."""
    if all(s.op == "equal" or s.minor for s in segments):
        return 0.0                      # nothing substantive changed: no need to count words
    old_words = new_words = deleted = inserted = 0
    for s in segments:
        n = _word_count(s.text)
        if s.op == "equal":
            old_words += n
            new_words += n
        elif s.op == "delete":
            old_words += n
            if not s.minor:
                deleted += n
        else:
            new_words += n
            if not s.minor:
                inserted += n
    total = max(old_words, new_words)
    if total == 0:
        return 0.0
    return min(1.0, max(deleted, inserted) / total)
