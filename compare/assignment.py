"""Optimal assignment (maximising total score) of a rectangular score matrix.

``max_assignment(gain)`` returns ``(rows, cols)`` exactly as
``scipy.optimize.linear_sum_assignment(gain, maximize=True)`` does: it is the
same algorithm (shortest augmenting paths, Crouse 2016, as SciPy implements it:
the same row order, the same tie-breaking between columns of equal reduced cost,
the same floating-point operations), written with numpy so that a typical
comparison does not pay for importing ``scipy.optimize`` (~0.3 s of start-up,
more than the whole comparison).  The Python loop runs once per row and per
step of an augmenting path, so large matrices go to SciPy itself, imported
here and only then.
"""
from __future__ import annotations

import numpy as np

# rows × columns above which SciPy's compiled solver is worth its import
SCIPY_ABOVE = 40_000


def max_assignment(gain: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row and column indices of a maximum-score assignment (one per row or column,
    whichever is fewer), rows ascending — ``linear_sum_assignment(gain, maximize=True)``."""
    gain = np.asarray(gain, dtype=np.float64)
    if gain.ndim != 2:
        raise ValueError("expected a matrix")
    if gain.size > SCIPY_ABOVE:
        from scipy.optimize import linear_sum_assignment

        return linear_sum_assignment(gain, maximize=True)
    return _solve(-gain)


def _solve(cost: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    nr, nc = cost.shape
    if nr == 0 or nc == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    transpose = nc < nr
    if transpose:
        cost = cost.T
        nr, nc = nc, nr
    cost = np.ascontiguousarray(cost)
    if np.isnan(cost).any() or np.isneginf(cost).any():
        raise ValueError("matrix contains invalid numeric entries")
    u = np.zeros(nr)
    v = np.zeros(nc)
    spc = np.empty(nc)
    path = np.full(nc, -1, dtype=np.int64)
    col4row = np.full(nr, -1, dtype=np.int64)
    row4col = np.full(nc, -1, dtype=np.int64)
    SR = np.zeros(nr, dtype=bool)
    SC = np.zeros(nc, dtype=bool)
    for cur in range(nr):
        # shortest augmenting path from row `cur`
        remaining = np.arange(nc - 1, -1, -1, dtype=np.int64)   # reverse order, as SciPy
        num = nc
        SR[:] = False
        SC[:] = False
        spc[:] = np.inf
        min_val = 0.0
        i = cur
        sink = -1
        while sink == -1:
            SR[i] = True
            rem = remaining[:num]
            r = min_val + cost[i, rem] - u[i] - v[rem]
            old = spc[rem]
            better = r < old
            if better.any():
                upd = rem[better]
                path[upd] = i
                spc[upd] = r[better]
                old = spc[rem]
            lowest = old.min()
            if lowest == np.inf:
                raise ValueError("cost matrix is infeasible")
            at = np.flatnonzero(old == lowest)
            free = at[row4col[rem[at]] == -1]
            index = int(free[-1]) if len(free) else int(at[0])
            min_val = float(lowest)
            j = int(rem[index])
            if row4col[j] == -1:
                sink = j
            else:
                i = int(row4col[j])
            SC[j] = True
            num -= 1
            remaining[index] = remaining[num]
        # dual update
        others = SR.copy()
        others[cur] = False
        if others.any():
            u[others] += min_val - spc[col4row[others]]
        u[cur] += min_val
        v[SC] -= min_val - spc[SC]
        # augment
        j = sink
        while True:
            i = int(path[j])
            row4col[j] = i
            col4row[i], j = j, int(col4row[i])
            if i == cur:
                break
    if transpose:
        order = np.argsort(col4row)
        return col4row[order], order.astype(np.int64)
    return np.arange(nr, dtype=np.int64), col4row
