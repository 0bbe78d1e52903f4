"""Small sequence algorithms shared by alignment, classification and the diff."""
from __future__ import annotations

from bisect import bisect_left
from typing import Sequence


def longest_increasing_subsequence(seq: Sequence[int]) -> list[int]:
    """Indices of one longest strictly increasing subsequence of ``seq`` (patience sorting, O(n log n)).

    Used to tell what stayed in order (kept) from what moved: every item
    outside the subsequence changed its relative order.
    """
    tails: list[int] = []       # smallest tail value of an increasing run of length k+1
    tails_idx: list[int] = []   # index in seq of that tail
    prev = [-1] * len(seq)
    for k, x in enumerate(seq):
        p = bisect_left(tails, x)
        if p == len(tails):
            tails.append(x)
            tails_idx.append(k)
        else:
            tails[p] = x
            tails_idx[p] = k
        prev[k] = tails_idx[p - 1] if p > 0 else -1
    out: list[int] = []
    k = tails_idx[-1] if tails_idx else -1
    while k >= 0:
        out.append(k)
        k = prev[k]
    return out[::-1]


def steadiest_increasing_subsequence(seq: Sequence[int]) -> list[int]:
    """Indices of a longest strictly increasing subsequence of distinct ``seq`` that, among all the
    longest, keeps items nearest their own place (least total distance between an item's rank in
    ``seq`` and its rank by value): when OP2 and OP4 swap, OP3 stayed put and the two are the moved
    ones — any longest subsequence says "3 of 5 kept", only this one says which.  O(n log n): a
    Fenwick tree of the best (length, −distance) ending below each value."""
    n = len(seq)
    rank = {v: k for k, v in enumerate(sorted(seq))}
    tree: list[tuple[int, int, int]] = [(0, 0, -1)] * (n + 1)      # (length, −distance, index) maxima
    prev = [-1] * n
    best: tuple[int, int, int] = (0, 0, -1)
    for k, x in enumerate(seq):
        v = rank[x]
        top, i = (0, 0, -1), v                                     # best over values below v
        while i > 0:
            top = max(top, tree[i])
            i -= i & -i
        here = (top[0] + 1, top[1] - abs(k - v), k)
        prev[k] = top[2]
        best = max(best, here)
        i = v + 1
        while i <= n:
            tree[i] = max(tree[i], here)
            i += i & -i
    out: list[int] = []
    k = best[2]
    while k >= 0:
        out.append(k)
        k = prev[k]
    return out[::-1]
