"""Large texts: from :data:`LARGE_PAIRS` old × new pairs on, when most paragraphs have an
identical twin, the similarity is read entry by entry (:class:`compare.similarity.PairScores`)
instead of as a dense matrix: the same groups, in time and memory that grow with what changed."""
from __future__ import annotations

from typing import Optional

import numpy as np

from compare.sequences import longest_increasing_subsequence
from compare.similarity import PairScores, _Features, _sim_of, prefix_pairs
from .params import AlignParams


#: old × new pairs from which the aligner reads the similarity entry by entry (PairScores) instead
#: of computing the dense matrix, when most paragraphs have an identical twin on the other side:
#: about 1,400 paragraphs a side, where the two ways cost the same on bench_align.big_pair (below,
#: the dense matrix's few passes beat the large path's fixed sorts and lookups)
LARGE_PAIRS = 2_000_000


def _identical_pairs(feat: _Features) -> tuple[np.ndarray, np.ndarray]:
    """(old, new) paragraphs with the same non-empty feature set, found once on each side."""
    def once(X) -> dict[bytes, int]:
        seen: dict[bytes, int] = {}
        for r in range(len(X.indptr) - 1):
            a, b = X.indptr[r], X.indptr[r + 1]
            if b > a:
                k = X.indices[a:b].tobytes()
                seen[k] = -1 if k in seen else r
        return seen
    o, nw = once(feat.Xo), once(feat.Xn)
    pairs = sorted((i, nw[k]) for k, i in o.items() if i >= 0 and nw.get(k, -1) >= 0)
    return (np.array([p[0] for p in pairs], dtype=np.int64), np.array([p[1] for p in pairs], dtype=np.int64))


def _large_scores(feat: _Features, P: AlignParams) -> Optional[PairScores]:
    """The similarity of a large pair entry by entry, with the anchors :func:`_anchors` would find
    on the dense matrix — or None when the dense matrix is the way (few untouched paragraphs).

    An anchor is each other's best, at least ``anchor_min``, with no rival above best −
    ``anchor_margin`` in its row or column.  An untouched paragraph (the same features, once on
    each side: similarity 1) is one unless a rival comes that close; the others are looked for in
    the block of the remaining rows × columns, then checked against the untouched rows and columns.
    Rivals that close share a rare feature (:func:`compare.similarity.prefix_pairs`), so neither
    check reads the old × new matrix."""
    n, m = len(feat.Xo.indptr) - 1, len(feat.Xn.indptr) - 1
    if not (0 < P.anchor_margin < P.anchor_min):
        return None
    ui, uj = _identical_pairs(feat)
    if len(ui) < min(n, m) // 2:
        return None
    scores = PairScores(feat)
    so, sn = feat.size_o, feat.size_n
    Iu = so[ui]                     # the same features: all of them shared
    scores.know(ui, uj, Iu)
    su = _sim_of(Iu, so[ui], sn[uj])
    twin_o, twin_n = np.full(n, -1, dtype=np.int64), np.full(m, -1, dtype=np.int64)
    twin_o[ui], twin_n[uj] = uj, ui
    thr_o, thr_n = np.full(n, np.inf), np.full(m, np.inf)
    thr_o[ui] = thr_n[uj] = su - P.anchor_margin

    def rivals(ci: np.ndarray, cj: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Of the candidate pairs, the rows and the columns they are a rival in (above thr)."""
        # similarity is at most sqrt(min / max) of the two sizes: most candidates end there
        t = np.minimum(thr_o[ci], thr_n[cj])
        big = np.maximum(so[ci], sn[cj])
        keep = np.minimum(so[ci], sn[cj]) > t * t * (1 - 1e-9) * big
        ci, cj = ci[keep], cj[keep]
        Sc = _sim_of(scores.pairs(ci, cj), so[ci], sn[cj])
        return ci[Sc > thr_o[ci]], cj[Sc > thr_n[cj]]

    # twins with a rival within the margin in their row or column are no anchors
    low = float(np.min(su - P.anchor_margin)) ** 2
    ci, cj = prefix_pairs(feat, np.full(n, low), np.full(m, low))
    other = (twin_o[ci] != cj) & ((twin_o[ci] >= 0) | (twin_n[cj] >= 0))
    bad_r, bad_c = rivals(ci[other], cj[other])
    sure_o = twin_o >= 0
    sure_o[bad_r] = False
    sure_o[twin_n[bad_c]] = False
    sure_n = np.zeros(m, dtype=bool)
    sure_n[twin_o[sure_o]] = True
    anchors = [(int(i), int(twin_o[i])) for i in np.nonzero(sure_o)[0]]
    # the other rows and columns: mutual best in their block with no rival there ...
    R0, C0 = np.nonzero(~sure_o)[0], np.nonzero(~sure_n)[0]
    if len(R0) and len(C0):
        B = _sim_of(scores.block(R0, C0), so[R0][:, None], sn[C0][None, :])
        rb = B.argmax(axis=1)
        best = B[np.arange(len(R0)), rb]
        thr = best - P.anchor_margin
        cb = B.argmax(axis=0)
        ok = (best >= P.anchor_min) & (cb[rb] == np.arange(len(R0)))
        ok &= np.count_nonzero(B > thr[:, None], axis=1) == 1
        ok &= np.count_nonzero(B[:, rb] > thr[None, :], axis=0) == 1
        k = np.nonzero(ok)[0]
        if len(k):
            # ... and none among the untouched ones: a closer (or as close) twin comes first
            thr_o, thr_n = np.full(n, np.inf), np.full(m, np.inf)
            thr_o[R0[k]] = thr[k]
            thr_n[C0[rb[k]]] = thr[k]
            low = float(thr[k].min()) ** 2
            t_o, t_n = np.full(n, np.inf), np.where(sure_n, low, np.inf)
            t_o[R0[k]] = thr[k] ** 2
            bad_r, _ = rivals(*prefix_pairs(feat, t_o, t_n))
            t_o, t_n = np.where(sure_o, low, np.inf), np.full(m, np.inf)
            t_n[C0[rb[k]]] = thr[k] ** 2
            _, bad_c = rivals(*prefix_pairs(feat, t_o, t_n))
            bad = set(bad_r.tolist()) | {int(R0[q]) for q in k if int(C0[rb[q]]) in set(bad_c.tolist())}
            anchors += [(int(R0[q]), int(C0[rb[q]])) for q in k.tolist() if int(R0[q]) not in bad]
    anchors.sort()
    keep = longest_increasing_subsequence([j for _, j in anchors])
    scores.anchors = [anchors[k] for k in keep]
    return scores
