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
