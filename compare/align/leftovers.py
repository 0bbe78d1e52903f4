"""The last one-to-one passes (step 4, end): leftovers that are each other's clear best get
a second chance, a match gives way to a free paragraph that holds all it shares and more, and a
handful of last leftovers are paired by single words as well as word pairs."""
from __future__ import annotations

from typing import Optional, Sequence

import numpy as np

from compare.assignment import max_assignment
from compare.model import Paragraph
from compare.similarity import _Features
from .match import _mutual_best
from .params import AlignParams


def _second_chance(S: np.ndarray, matched: dict[int, int], old_pars: Sequence[Paragraph],
                   new_pars: Sequence[Paragraph], P: AlignParams) -> None:
    """Among the paragraphs left unmatched on both sides, pair those of the same kind that are
    each other's clearly best partner above ``P.leftover_min`` (a paragraph moved, reworded
    and given a new leading word keeps under :attr:`AlignParams.threshold` of its words, but
    nothing else resembles it); then, of any kind, those of comparable length that are each
    other's best by ``P.leftover_ratio`` over every other leftover, above ``P.leftover_floor``.
    The replacement rules then judge these pairs like any other.  Not for excerpts: there "nothing else resembles it" is unknown (61/180 → 63/194 would pair
    "Underlining the need …" with "Recognizing also the need …" at 0.25)."""
    if P.leftover_min >= P.threshold or not S.size:
        return
    used = set(matched.values())
    rows = np.array([i for i in range(S.shape[0]) if i not in matched], dtype=np.int64)
    cols = np.array([j for j in range(S.shape[1]) if j not in used], dtype=np.int64)
    if not len(rows) or not len(cols):
        return
    sub = S[np.ix_(rows, cols)]
    ko = np.array([old_pars[i].kind for i in rows])
    kn = np.array([new_pars[j].kind for j in cols])
    # each other's clear best among ALL leftovers (a rival of the other part, or one just under
    # leftover_min, is still a rival: 0.214 over 0.191 is no clear best), of the same kind
    r, c = _mutual_best(sub, P.mutual_margin)
    ok = (sub[r, c] >= P.leftover_min) & (ko[r] == kn[c])
    r, c = r[ok], c[ok]
    for a, b in zip(r.tolist(), c.tolist()):
        matched[int(rows[a])] = int(cols[b])
    # a paragraph moved far and reworded (40–60 % of its words, into the other part: OP verb →
    # PP participle) keeps little in absolute terms, but among what is left nothing else comes close
    # (by a ratio), and no paragraph at all is closer to either of the two (two variants of one
    # text, one deleted and one inserted, beside the variants that were kept, are not a pair)
    keep_r = np.ones(len(rows), dtype=bool)
    keep_c = np.ones(len(cols), dtype=bool)
    keep_r[r] = False
    keep_c[c] = False
    if P.leftover_floor >= P.threshold or not keep_r.any() or not keep_c.any():
        return
    rows, cols = rows[keep_r], cols[keep_c]
    for a, b in zip(*_clear_best(S[np.ix_(rows, cols)], P.leftover_floor, P.leftover_ratio)):
        i, j = int(rows[a]), int(cols[b])
        if S[i].max() <= S[i, j] and S[:, j].max() <= S[i, j] \
                and _comparable(old_pars[i], new_pars[j], P):     # nothing matched is closer; a rewrite
            matched[i] = j


def _leftover_words(feat: _Features, matched: dict[int, int], old_pars: Sequence[Paragraph],
                    new_pars: Sequence[Paragraph], P: AlignParams, S: Optional[np.ndarray] = None) -> None:
    """The last one-to-one passes, on the word features: first a match gives way to a free
    paragraph that holds all it shares and more (:func:`_fuller_partners`, when ``S`` is given);
    then the last leftovers are paired by an optimal assignment over single words (TF-IDF cosine)
    plus word pairs (``S``), at least ``P.leftover_words`` alike by single words and of
    comparable length: a paragraph reworded clause by clause keeps its words but few of its word
    pairs.  Only for a handful of leftovers."""
    if S is not None:
        _fuller_partners(feat, S, matched, old_pars, new_pars, P)
    if P.leftover_words <= 0:
        return
    used = set(matched.values())
    rows = [i for i in range(len(old_pars)) if i not in matched]
    cols = [j for j in range(len(new_pars)) if j not in used]
    if not rows or not cols or max(len(rows), len(cols)) > P.leftover_words_max:
        return
    U = feat.word_cosine(rows, cols)
    # both views decide together: word pairs (S) and single words (U); near twins among the
    # leftovers (two paragraphs of the same opening, both moved and reworded) go to the partners
    # that the two views together prefer
    J = U + S[np.ix_(rows, cols)] if S is not None else U
    for a, b in zip(*max_assignment(J)):
        i, j = rows[int(a)], cols[int(b)]
        if U[a, b] >= P.leftover_words and _comparable(old_pars[i], new_pars[j], P):
            matched[i] = j


def _fuller_partners(feat: _Features, S: np.ndarray, matched: dict[int, int], old_pars: Sequence[Paragraph],
                     new_pars: Sequence[Paragraph], P: AlignParams) -> None:
    """A match gives way to a free paragraph that holds everything the two share and more of the
    paragraph: "Prend note du rapport … sur la traite des êtres humains ;" stays with its revision
    "… sur la traite des êtres humains, en tenant compte …" (every word of it), not with the
    inserted look-alike "… sur les travaux de la Conférence" that shares only its frame — whichever
    the similarity ranks first (the longer revision pays for its length in Jaccard).  Either side
    (a new paragraph's old partner too); the free paragraph must be at least ``threshold`` similar
    and like no other paragraph of its side more.  The trade is safe: the match's partner has
    nothing of the paragraph that the free one lacks."""
    if P.fuller_cover > 1 or not matched:
        return
    n, m = S.shape
    used = set(matched.values())
    free_o = np.array([i for i in range(n) if i not in matched], dtype=np.int64)
    free_n = np.array([j for j in range(m) if j not in used], dtype=np.int64)
    mo = np.array(sorted(matched), dtype=np.int64)
    mn = np.array([matched[i] for i in mo.tolist()], dtype=np.int64)
    cands: list[tuple[float, int, int, int]] = []       # (extra, side, match's old, free one)
    # side 1: old mo[a]'s partner mn[a] against a free new paragraph; side 0: new mn[a]'s partner
    # mo[a] against a free old one
    for side, free in ((1, free_n), (0, free_o)):
        if not len(free):
            continue
        sim = S[np.ix_(mo, free)] if side else S[np.ix_(free, mn)].T
        near = np.nonzero((sim >= P.threshold).any(axis=1))[0]      # the few matches a free one is near
        if not len(near):
            continue
        ro, rn = mo[near], mn[near]
        inter = feat.I[np.ix_(ro, free)] if side else feat.I[np.ix_(free, rn)].T
        I_now = np.array([float(feat.I[int(i), int(j)]) for i, j in zip(ro, rn)])
        size = feat.size_o[ro] if side else feat.size_n[rn]
        extra = (inter - I_now[:, None]) / np.maximum(size, 1e-12)[:, None]
        # the present partner is a look-alike, with words of its own (another object); one with
        # none may be a part of the paragraph (a split's item), which the joins complete
        partner = feat.size_n[rn] if side else feat.size_o[ro]
        own = (partner - I_now) >= P.fuller_extra * partner
        ok = (sim[near] >= P.threshold) & (extra >= P.fuller_extra) & own[:, None]
        for a, b in zip(*np.nonzero(ok)):
            cands.append((float(extra[a, b]), side, int(ro[a]), int(free[b])))
    touched: set[tuple[int, int]] = set()             # (side, index) of paragraphs already traded
    for _, side, i, f in sorted(cands, reverse=True):
        j = matched[i]
        if {(0, i), (1, j), (side, f)} & touched:
            continue
        x, now = (i, j) if side else (j, i)           # the paragraph, its present partner
        Xx, Xy = (feat.Xo, feat.Xn) if side else (feat.Xn, feat.Xo)
        # the free one is the paragraph's revision, not a part of another's: nothing is closer to it
        rival = S[:, f] if side else S[f, :]
        s_free = float(S[i, f] if side else S[f, j])
        if float(np.max(rival)) > s_free:
            continue
        # ... and not a long paragraph that took up the match's words among many of its own (a
        # split part's look-alike that also holds the rest of the whole)
        if s_free < P.fuller_sim * float(S[i, j]):
            continue
        shared = np.intersect1d(feat._row_feats(Xx, [x]), feat._row_feats(Xy, [now]), assume_unique=True)
        held = np.intersect1d(shared, feat._row_feats(Xy, [f]), assume_unique=True)
        if float(feat.w[held].sum()) < P.fuller_cover * float(feat.w[shared].sum()):
            continue
        if side:
            matched[i] = f
        else:
            del matched[i]
            matched[f] = j
        touched |= {(0, i), (1, j), (side, f)}


def _clear_best(sub: np.ndarray, floor: float, ratio: float) -> tuple[list[int], list[int]]:
    """(rows, cols) of the pairs at least ``floor`` similar that are each other's best by
    ``ratio`` times every rival in their row and column: a margin relative to the pair's own
    similarity, so a weak but unrivalled pair counts and a weak pair among equals does not."""
    n, m = sub.shape
    rb, cb = sub.argmax(axis=1), sub.argmax(axis=0)
    best = sub[np.arange(n), rb]
    r2 = np.partition(sub, m - 2, axis=1)[:, m - 2] if m > 1 else np.zeros(n)
    c2 = np.partition(sub, n - 2, axis=0)[n - 2, :] if n > 1 else np.zeros(m)
    ok = (best >= floor) & (cb[rb] == np.arange(n)) & (best >= ratio * r2) & (best >= ratio * c2[rb])
    out_r = np.nonzero(ok)[0]
    return out_r.tolist(), rb[out_r].tolist()


def _comparable(po: Paragraph, pn: Paragraph, P: AlignParams) -> bool:
    """Of comparable length (word counts within ``P.leftover_length_ratio``): a rewrite, not a
    one-liner sharing a long paragraph's boilerplate."""
    lo, ln = len(po.text.split()), len(pn.text.split())
    ratio = P.leftover_length_ratio_long if min(lo, ln) >= P.leftover_long_words else P.leftover_length_ratio
    return max(lo, ln) <= ratio * min(lo, ln)
