"""Anchors (step 4): unambiguous mutual best matches fixed first, and the window of the other
side each paragraph keeps its order in between them (the order bonus of the assignment)."""
from __future__ import annotations

import numpy as np

from compare.sequences import longest_increasing_subsequence
from compare.similarity import _Entries
from .params import AlignParams


def _anchors(S: np.ndarray, P: AlignParams) -> list[tuple[int, int]]:
    """Unambiguous mutual best matches, in an order-consistent subset."""
    if isinstance(S, _Entries) and S.anchors is not None:
        return list(S.anchors)          # found without the dense matrix (_large_scores)
    if S.size == 0:
        return []
    n, m = S.shape
    rbest = S.argmax(axis=1)
    cbest = _column_argmax(S)
    best = S[np.arange(n), rbest]
    ok = (best >= P.anchor_min) & (cbest[rbest] == np.arange(n))
    # no rival within the margin in the row or in the column: counted (a comparison per pair)
    # rather than found by sorting (np.partition copies and sorts the whole matrix)
    thr = best - P.anchor_margin
    rivals_r = np.count_nonzero(S > thr[:, None], axis=1) - (best > thr)
    cthr = np.full(m, np.inf)
    cthr[rbest[ok]] = thr[ok]                  # column j of an anchor candidate: its best is the row's
    rivals_c = _column_count_above(S, cthr)
    ok &= (rivals_r == 0) & (rivals_c[rbest] == (best > thr).astype(np.int64))
    out = [(int(i), int(rbest[i])) for i in np.nonzero(ok)[0]]
    # keep only anchors whose order is consistent (longest increasing run) so a
    # moved paragraph does not distort the order bonus of its neighbours
    keep = longest_increasing_subsequence([j for _, j in out])
    return [out[k] for k in keep]


def _column_argmax(S: np.ndarray, block: int = 256) -> np.ndarray:
    """``S.argmax(axis=0)`` (first row of each column's maximum), by blocks of rows: numpy
    reads a large row-major matrix column by column otherwise, many times slower."""
    n, m = S.shape
    if n <= block:
        return S.argmax(axis=0)
    best = np.full(m, -np.inf)
    arg = np.zeros(m, dtype=np.int64)
    for lo in range(0, n, block):
        B = S[lo:lo + block]
        bm = B.max(axis=0)
        up = bm > best                  # strictly: an equal maximum further down is not the first
        arg[up] = lo + B[:, up].argmax(axis=0)
        best[up] = bm[up]
    return arg


def _column_count_above(S: np.ndarray, thr: np.ndarray, block: int = 256) -> np.ndarray:
    """How many entries of each column exceed that column's ``thr``, by blocks of rows."""
    out = np.zeros(S.shape[1], dtype=np.int64)
    for lo in range(0, S.shape[0], block):
        out += np.count_nonzero(S[lo:lo + block] > thr[None, :], axis=0)
    return out


def _order_window(anchors: list[tuple[int, int]], n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """For each old index i, the open interval (lo, hi) of new indices that keeps
    the anchors' order."""
    lo = np.full(n, -1, dtype=np.int64)
    hi = np.full(n, m, dtype=np.int64)
    if not anchors:
        return lo, hi
    a = sorted(anchors)
    ai = np.array([p[0] for p in a])
    aj = np.array([p[1] for p in a])
    idx = np.arange(n)
    k = np.searchsorted(ai, idx, side="left")        # first anchor with ai >= i
    before = k - 1
    lo = np.where(before >= 0, aj[np.clip(before, 0, len(a) - 1)], -1)
    # anchors at i itself are fixed anyway; the next anchor strictly after i
    k2 = np.searchsorted(ai, idx, side="right")
    hi = np.where(k2 < len(a), aj[np.clip(k2, 0, len(a) - 1)], m)
    return lo, hi
