"""The one tokenizer and normaliser, shared by alignment, diff and agreed-language tracing.

A text is cut into tokens that concatenate back to it exactly: words, French
elided articles (``l'``, ``d'``, ``qu'`` … are tokens of their own), single
CJK characters, runs of white space, and single punctuation marks.  A token's
*key* is what comparisons look at; typographic variants (apostrophes, spaces,
hyphens) share a key, and options can fold case or punctuation too.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Iterator, Literal, NamedTuple, Optional

TokenKind = Literal["word", "space", "punct", "elision"]

_APOSTROPHES = "'\u2019\u02bc\u2018\u00b4`"
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff"  # ideographs, kana
_ELISION_STEMS = "jusqu|lorsqu|puisqu|quoiqu|qu|[cdjlmnst]"
# Only the elided articles care about case (L', Qu'): the flag is scoped to them.  Over the
# whole pattern it made the compiler fold every CJK code point (~3 ms of start-up per
# pattern); every other class matches the same characters with or without it.
_TOKEN_RE = re.compile(
    rf"(?P<elision>\b(?i:{_ELISION_STEMS})[{_APOSTROPHES}](?=\w))"
    rf"|(?P<cjk>[{_CJK}])"
    rf"|(?P<word>[^\W_]+(?:[\-\u2010\u2011\u00ad{_APOSTROPHES}][^\W_]+)*)"   # inner hyphens (soft too), apostrophes
    r"|(?P<space>\s+)"
    r"|(?P<punct>.)",
    re.DOTALL,
)
# Tokens as plain strings (token_texts): the same pattern with plain groups.
_TOKEN_PLAIN_RE = re.compile(re.sub(r"\(\?P<\w+>", "(?:", _TOKEN_RE.pattern), re.DOTALL)
# The same alternatives without spaces and punctuation: words() skips straight to the words.
# Each of them starts at a word character: the look-ahead spares trying them elsewhere.
_WORD_RE = re.compile(r"(?=\w)(?:" + _TOKEN_RE.pattern.split(r"|(?P<space>")[0] + ")", re.DOTALL)
# The same again with plain groups, so that findall gives the matched strings themselves.
_WORD_PLAIN_RE = re.compile(re.sub(r"\(\?P<\w+>", "(?:", _WORD_RE.pattern), re.DOTALL)
# What words() joins the words with to key them in one pass: no word holds it, and NFC,
# the typography table and casefold leave it alone and never compose across it (a starter).
_KEY_SEP = "\x00"
# CJK ideographs are \w; the cjk alternative must win over word for them.
_WORD_HAS_CJK = re.compile(rf"[{_CJK}]")

_TYPO_TABLE = str.maketrans(
    {
        **{c: "'" for c in _APOSTROPHES},
        "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u2002": " ",
        "\u2003": " ", "\u200a": " ", "\t": " ", "\n": " ", "\r": " ",
        "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2212": "-",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2026": "...",
        "\u00ad": "",          # a soft hyphen is a line-breaking hint: « Spe\u00adcial » is "Special"
    }
)

# the characters the table folds, found by one C scan: ``str.translate`` looks every character
# of a non-ASCII text up in the table (10× slower on a long French text)
_TYPO_RE = re.compile("[" + re.escape("".join(map(chr, _TYPO_TABLE))) + "]")
_TYPO_OF = {c: c.translate(_TYPO_TABLE) for c in map(chr, _TYPO_TABLE)}


def _typo_char(m: re.Match) -> str:
    return _TYPO_OF[m.group()]


def typography(text: str) -> str:
    """``text.translate(TYPO_TABLE)``: typographic variants (apostrophes, spaces, hyphens,
    quotes) replaced by their plain form."""
    return _TYPO_RE.sub(_typo_char, text)


class Token(NamedTuple):
    """A piece of text and what it is.  A named tuple: paragraphs have thousands of tokens."""

    text: str
    kind: TokenKind


@dataclass(frozen=True)
class NormOptions:
    """How two tokens are judged equal.  ``typography`` is on by default:
    ’ and ', a no-break space and a space, ‑ and - are not substantive changes."""

    ignore_case: bool = False
    ignore_punctuation: bool = False
    typography: bool = True


DEFAULT_NORM = NormOptions()


def tokenize(text: str) -> list[Token]:
    """Cut ``text`` into tokens; ``"".join(t.text for t in tokenize(s)) == s``."""
    return list(_tokenize_cached(text))


@lru_cache(maxsize=65536)
def _tokenize_cached(text: str) -> tuple[Token, ...]:
    if not _WORD_HAS_CJK.search(text):
        # the common case: no ideographs, so every match is one token of its group's kind
        return tuple(Token(m.group(), m.lastgroup) for m in _TOKEN_RE.finditer(text))  # type: ignore[arg-type]
    return tuple(iter_tokens(text))


def token_texts(text: str) -> Optional[list[str]]:
    """The texts of :func:`tokenize`'s tokens, found in one C call (no match object, no named
    tuple a token), when their kinds follow from the texts (:func:`token_kind`): the word diff
    keys each distinct token once.  None for a text with ideographs: a word mixing scripts is
    cut into pieces that keep the word's kind (``-a`` of ``a大-a`` is a word there)."""
    if _WORD_HAS_CJK.search(text):
        return None
    return _TOKEN_PLAIN_RE.findall(text)


def token_kind(token_text: str) -> TokenKind:
    """The kind :func:`tokenize` gives a token of a text without ideographs, from its text
    alone — except that an elided article is a ``"word"`` here (``lʼ`` is one or the other by
    what follows it; the word diff treats both alike): white space, a word, else one
    punctuation mark (``\\s`` and ``[^\\W_]`` are ``str.isspace`` and ``str.isalnum``)."""
    c = token_text[0]
    if c.isspace():
        return "space"
    return "word" if c.isalnum() else "punct"


def iter_tokens(text: str) -> Iterator[Token]:
    """The tokens of :func:`tokenize`, one at a time: a caller that needs only the
    first few words (the leading words of a paragraph) stops early."""
    has_cjk = bool(_WORD_HAS_CJK.search(text))
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        s = m.group()
        if not has_cjk:
            yield Token(s, kind)  # type: ignore[arg-type]
        elif kind == "cjk":
            yield Token(s, "word")
        elif kind == "word" and _WORD_HAS_CJK.search(s):
            # a word mixing scripts: split ideographs off one by one
            for part in re.findall(rf"[{_CJK}]|[^{_CJK}]+", s):
                yield Token(part, "word")
        else:
            yield Token(s, kind)  # type: ignore[arg-type]


def normalize_text(text: str, options: NormOptions = DEFAULT_NORM) -> str:
    """The comparison form of any text (a token or a whole paragraph)."""
    s = unicodedata.normalize("NFC", text)
    if options.typography:
        s = typography(s)
        if s.isspace():
            s = " "
    if options.ignore_case:
        s = s.casefold()
    return s


def token_key(token: Token, options: NormOptions = DEFAULT_NORM) -> str:
    """The key two tokens must share to count as the same word."""
    if options.ignore_punctuation and token.kind == "punct":
        return ""
    if token.kind == "space" and options.typography:
        return " "
    return normalize_text(token.text, options)


_MATCH_NORM = NormOptions(ignore_case=True, ignore_punctuation=True, typography=True)


def words(text: str) -> list[str]:
    """Casefolded, typography-normalised word keys of a text, for matching and tracing.

    Elided articles keep their apostrophe (``l'``) so they stay distinct from
    the letters ``l``; punctuation and spaces are dropped.
    """
    return list(_words_cached(text))


@lru_cache(maxsize=65536)
def _words_cached(text: str) -> tuple[str, ...]:
    # the word and elision tokens of tokenize(text), found without building every token and
    # keyed all at once: NFC, the typography table and casefold work character by character
    # (none across _KEY_SEP), so keying the joined words is keying each (one normalisation a
    # text rather than a cached word_key call a word: a 1,000-paragraph version has 70,000)
    if not _WORD_HAS_CJK.search(text):
        found = _WORD_PLAIN_RE.findall(text)
        return tuple(normalize_text(_KEY_SEP.join(found), _MATCH_NORM).split(_KEY_SEP)) if found else ()
    out: list[str] = []
    for m in _WORD_RE.finditer(text):
        s = m.group()
        if m.lastgroup == "word" and _WORD_HAS_CJK.search(s):
            out.extend(word_key(part) for part in re.findall(rf"[{_CJK}]|[^{_CJK}]+", s))
        else:
            out.append(word_key(s))
    return tuple(out)


# a word that ends in a hyphen before a space and another word: « coop- eration », a line break
# a copy kept (or "short- and long-term", which mended_words leaves alone)
# (the look-behind starts a try only at a word's start: without it every letter of every word is one)
_BROKEN_RE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)[\-\u2010\u2011]\s+(?=([^\W\d_]+(?:\u00ad[^\W_]+)*))")
_BROKEN_AT = re.compile(r"[\-\u2010\u2011]\s")
_HYPHENS = ("-", "\u2010", "\u2011")


def mended_words(texts: list[str], keyed: list[list[str]]) -> list[list[str]]:
    """``keyed`` (``words`` of each of ``texts``) with words a line break cut joined again —
    « coop- eration », « dest-ination » — where the whole word occurs as a word in some text.

    Only for matching: a copy taken from a PDF keeps the hyphens of its line breaks, and
    "coop" + "eration" would share no word with "cooperation".  Asking that the whole word
    exist elsewhere keeps real compounds apart ("short- and long-term", "long-term")."""
    # candidates first, then one C-level pass over every word to see which joins exist
    found: dict[int, tuple[set[tuple[str, str]], set[str]]] = {}
    joins: set[str] = set()
    for k, text in enumerate(texts):
        if not any(h in text for h in _HYPHENS):
            continue
        cut = {(word_key(a), word_key(b)) for a, b in _BROKEN_RE.findall(text)} if _BROKEN_AT.search(text) else set()
        inner = {w for w in keyed[k] if "-" in w}
        if cut or inner:
            found[k] = (cut, inner)
            joins.update(a + b for a, b in cut)
            joins.update(w.replace("-", "") for w in inner)
    known = joins.intersection(chain.from_iterable(keyed)) if joins else set()
    if not known:
        return keyed
    out = list(keyed)
    for k, (cut, inner) in found.items():
        cut = {c for c in cut if c[0] + c[1] in known}
        inner = {w for w in inner if w.replace("-", "") in known}
        if not (cut or inner):
            continue
        joined: list[str] = []
        for w in keyed[k]:
            if joined and (joined[-1], w) in cut:
                joined[-1] += w
            elif w in inner:
                joined.append(w.replace("-", ""))
            else:
                joined.append(w)
        out[k] = joined
    return out


def word_offsets(text: str) -> list[tuple[int, int]]:
    """Character (start, end) of each word of :func:`words`, in order."""
    out, pos = [], 0
    for t in tokenize(text):
        if t.kind in ("word", "elision"):
            out.append((pos, pos + len(t.text)))
        pos += len(t.text)
    return out


def word_count(text: str) -> int:
    """``len(words(text))`` without normalising or keeping the words."""
    if not _WORD_HAS_CJK.search(text):
        return len(_WORD_PLAIN_RE.findall(text))
    return len(_words_cached(text))


@lru_cache(maxsize=262144)
def word_key(word: str) -> str:
    """The matching key of one word (casefolded, typography-normalised); cached."""
    return normalize_text(word, _MATCH_NORM)
