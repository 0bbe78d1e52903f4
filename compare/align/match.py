"""The one-to-one assignment (step 4): anchors, pairs each other's best by a margin, then an
optimal assignment over similarity plus order, position, kind and level terms."""
from __future__ import annotations

from typing import Optional, Sequence

import numpy as np

from compare.assignment import max_assignment
from compare.model import Paragraph
from compare.similarity import _Features
from .anchors import _anchors, _order_window
from .leads import _lead_len
from .params import AlignParams


def _match(old_pars: list[Paragraph], new_pars: list[Paragraph], S: np.ndarray, P: AlignParams,
           excerpt: bool = False, feat: Optional[_Features] = None) -> dict[int, int]:
    n, m = S.shape
    if n == 0 or m == 0:
        return {}
    anchors = _anchors(S, P)
    matched = dict(anchors)
    rows = np.array([i for i in range(n) if i not in matched], dtype=np.int64)
    used = set(matched.values())
    cols = np.array([j for j in range(m) if j not in used], dtype=np.int64)
    if len(rows) == 0 or len(cols) == 0:
        return matched
    sub = S[np.ix_(rows, cols)]
    # a pair that is each other's best by a clear margin in plain similarity is a pair wherever it
    # moved and whichever part it went to: the order bonus and the PP/OP penalty break near ties,
    # they must not hand a paragraph to a weaker look-alike that kept its place (0.255 + 0.05
    # beating 0.419 − 0.12 for a PP moved into the operative part beside a near twin).  Not in
    # excerpts: there the true partner may lie outside, and "best" says little
    if P.similar_margin > 0 and not excerpt:
        kr, kc = _mutual_best(sub, P.similar_margin)
        ok = sub[kr, kc] >= P.threshold
        kr, kc = kr[ok], kc[ok]
        if len(kr):
            for a, b in zip(kr, kc):
                matched[int(rows[a])] = int(cols[b])
            left_r = _others(len(rows), kr)
            left_c = _others(len(cols), kc)
            rows, cols, sub = rows[left_r], cols[left_c], sub[np.ix_(left_r, left_c)]
            if len(rows) == 0 or len(cols) == 0:
                return matched
    # only rows/cols that have a plausible partner take part
    cand = sub >= P.threshold - P.cross_kind_penalty - P.parent_bonus - P.order_bonus
    rmask = cand.any(axis=1)
    cmask = cand.any(axis=0)
    rows, cols, sub = rows[rmask], cols[cmask], sub[np.ix_(rmask, cmask)]
    if len(rows) == 0 or len(cols) == 0:
        return matched
    score = sub.copy()
    # order bonus: inside the window left by the surrounding anchors
    lo, hi = _order_window(anchors, n, m)
    in_window = (cols[None, :] > lo[rows][:, None]) & (cols[None, :] < hi[rows][:, None])
    score += P.order_bonus * in_window
    # tie-break on relative position
    rel_o = (rows + 0.5) / n
    rel_n = (cols + 0.5) / m
    score += P.position_tie * (1.0 - np.abs(rel_o[:, None] - rel_n[None, :]))
    # kinds, levels, parents
    ko = np.array([old_pars[i].kind for i in rows])
    kn = np.array([new_pars[j].kind for j in cols])
    cross = (ko[:, None] != kn[None, :]) & (ko[:, None] != "P") & (kn[None, :] != "P")
    score -= P.cross_kind_penalty * cross
    lvo = np.array([old_pars[i].level > 0 for i in rows])
    lvn = np.array([new_pars[j].level > 0 for j in cols])
    score -= P.level_penalty * (lvo[:, None] != lvn[None, :])
    if lvo.any() and lvn.any():
        oid = {p.id: k for k, p in enumerate(old_pars)}
        nid = {p.id: k for k, p in enumerate(new_pars)}
        po = np.array([oid.get(old_pars[i].parent, -1) if old_pars[i].parent else -1 for i in rows])
        pn = np.array([nid.get(new_pars[j].parent, -1) if new_pars[j].parent else -1 for j in cols])
        ok = (po[:, None] >= 0) & (pn[None, :] >= 0)
        if ok.any():
            ps = np.where(ok, S[np.clip(po, 0, n - 1)][:, np.clip(pn, 0, m - 1)], 0.0)
            score += P.parent_bonus * (ps >= P.threshold)
    if P.short_tail_weight > 0 and feat is not None:
        _object_weight(feat, score, sub, rows, cols, old_pars, new_pars, P)
    # a match must be a match on its own merits
    score = np.where(sub >= P.threshold * 0.8, score, 0.0)
    gain = np.where(score >= P.threshold, score, 0.0)
    # lexicographic on confidence: a pair that is each other's clearly best partner is kept
    # before the optimal assignment, which would otherwise trade it for a higher total
    # (two look-alike one-liners swapped: 0.741 + 0.607 beats the true 0.820 + 0.395)
    keep_r, keep_c = _mutual_best(gain, P.mutual_margin)
    for a, b in zip(keep_r, keep_c):
        matched[int(rows[a])] = int(cols[b])
    if len(keep_r):
        left_r = _others(len(rows), keep_r)
        left_c = _others(len(cols), keep_c)
        rows, cols, gain = rows[left_r], cols[left_c], gain[np.ix_(left_r, left_c)]
    if gain.size == 0:
        return matched
    r, c = max_assignment(gain)
    for a, b in zip(r, c):
        if gain[a, b] > 0:
            matched[int(rows[a])] = int(cols[b])
    return matched


def _object_weight(feat: _Features, score: np.ndarray, sub: np.ndarray, rows: np.ndarray, cols: np.ndarray,
                   old_pars: Sequence[Paragraph], new_pars: Sequence[Paragraph], P: AlignParams) -> None:
    """Between one-liners, what a paragraph is about is its object, not its leading words: a pair's
    score moves by ``P.short_tail_weight`` times how much more (or less) alike the two are past
    their leading words than with them.  « Prend note du rapport … sur la traite (A/65/229) » is
    the revision of « Se félicite du rapport … sur la traite (A/67/229), … », not of « Prend note
    du rapport … sur l'application de la présente résolution », which shares its verb only."""
    lo = np.array([_lead_len(old_pars[i]) if len(old_pars[i].text.split()) <= P.slot_max_words else -1
                   for i in rows], dtype=np.int64)
    ln = np.array([_lead_len(new_pars[j]) if len(new_pars[j].text.split()) <= P.slot_max_words else -1
                   for j in cols], dtype=np.int64)
    # only where the choice is open: a pair near the best of its row or of its column, of two
    # one-liners with leading words (a pair far behind both cannot win, whatever its object)
    near = (sub >= P.threshold * 0.8) & (lo[:, None] >= 0) & (ln[None, :] >= 0) \
        & ((lo[:, None] > 0) | (ln[None, :] > 0))
    near &= (sub >= sub.max(axis=1, keepdims=True) - P.short_tail_tie) \
        | (sub >= sub.max(axis=0, keepdims=True) - P.short_tail_tie)
    pairs = np.nonzero(near)
    if len(pairs[0]) > P.short_tail_pairs:
        return          # a text of templated look-alikes: the rule's cost is bounded, not its reach
    for a, b in zip(*pairs):
        t = feat.tail_sim(int(rows[a]), int(cols[b]), int(lo[a]), int(ln[b]))
        score[a, b] += P.short_tail_weight * (t - sub[a, b])


def _others(k: int, keep) -> np.ndarray:
    """``range(k)`` without ``keep``, ascending (``np.setdiff1d`` would import ``numpy.ma``)."""
    left = np.ones(k, dtype=bool)
    left[np.asarray(keep, dtype=np.int64)] = False
    return np.nonzero(left)[0]


def _mutual_best(gain: np.ndarray, margin: float) -> tuple[np.ndarray, np.ndarray]:
    """(rows, cols) of the pairs that are each other's best by at least ``margin`` over every
    rival in their row and column (rivals scored 0 count as absent).  A pair fixed this way
    can only cost the total when two rivals together outweigh it — exactly the trade the
    negotiator does not want."""
    if gain.size == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    n, m = gain.shape
    rb = gain.argmax(axis=1)
    cb = gain.argmax(axis=0)
    best = gain[np.arange(n), rb]
    r2 = np.partition(gain, m - 2, axis=1)[:, m - 2] if m > 1 else np.zeros(n)
    c2 = np.partition(gain, n - 2, axis=0)[n - 2, :] if n > 1 else np.zeros(m)
    ok = (best > 0) & (cb[rb] == np.arange(n)) & (r2 <= best - margin) & (c2[rb] <= best - margin)
    rows = np.nonzero(ok)[0]
    return rows, rb[rows]
