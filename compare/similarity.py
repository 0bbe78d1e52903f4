"""Paragraph similarity: the one notion of "close" shared by the alignment and agreed-language tracing.

Each paragraph is the set of its word unigrams and bigrams (:func:`compare.tokens.words`),
weighted by IDF over the two sides; the similarity of two paragraphs is
``sqrt(J·C)`` (weighted Jaccard × containment).  :mod:`compare.align` documents
why (step 2 and 3 of its algorithm); it lives here, below both the alignment and
the trace, so that tracing does not reach into the alignment.
"""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np
from scipy import sparse

from compare.tokens import words


class _Features:
    """Sparse binary paragraph × feature matrices of both versions and feature weights."""

    def __init__(self, old_texts: Sequence[str], new_texts: Sequence[str]):
        vocab: dict[str, int] = {}
        seqs: list[np.ndarray] = []
        for t in list(old_texts) + list(new_texts):
            ids = [vocab.setdefault(w, len(vocab)) for w in words(t)]
            seqs.append(np.asarray(ids, dtype=np.int64))
        V = max(len(vocab), 1)
        n_old, n_new = len(old_texts), len(new_texts)
        rows, feats = [], []
        for r, ids in enumerate(seqs):
            if len(ids) == 0:
                continue
            rows.append(np.full(len(ids), r, dtype=np.int64))
            feats.append(ids)
            if len(ids) > 1:
                rows.append(np.full(len(ids) - 1, r, dtype=np.int64))
                feats.append(V + ids[:-1] * V + ids[1:])
        n = n_old + n_new
        if rows:
            r_all = np.concatenate(rows)
            f_all = np.concatenate(feats)
            cols, f_c = np.unique(f_all, return_inverse=True)
            r_u = r_all
            n_feat = len(cols)
        else:
            r_u = f_c = np.zeros(0, dtype=np.int64)
            n_feat = 0
        self._seqs, self._V, self._cols = seqs, V, (cols if rows else np.zeros(0, dtype=np.int64))
        X = sparse.csr_matrix((np.ones(len(r_u), dtype=np.float64), (r_u, f_c.ravel())),
                              shape=(n, max(n_feat, 1)))
        X.sum_duplicates()
        X.data[:] = 1.0                     # binary: a feature is in a paragraph or not
        self.Xo = X[:n_old]
        self.Xn = X[n_old:]
        df_o = np.asarray(self.Xo.sum(axis=0)).ravel()
        df_n = np.asarray(self.Xn.sum(axis=0)).ravel()
        d = np.maximum(np.maximum(df_o, df_n), 1.0)
        N = max(n_old, n_new, 1)
        self.w = np.log((N + 1) / d)
        self.size_o = self.Xo @ self.w
        self.size_n = self.Xn @ self.w
        # old × new shared feature weight: zero until similarity_matrix fills it (it is skipped
        # when a side has no paragraphs to match, but _joins still reads it)
        self.I: np.ndarray = np.zeros((n_old, n_new))

    def _row_feats(self, X, rows: Sequence[int]) -> np.ndarray:
        parts = [X.indices[X.indptr[i]:X.indptr[i + 1]] for i in rows]
        if not parts:
            return np.zeros(0, dtype=np.int64)
        return parts[0] if len(parts) == 1 else np.unique(np.concatenate(parts))

    def tail_sim(self, i: int, j: int, skip_old: int, skip_new: int) -> float:
        """Similarity of old paragraph ``i`` and new ``j`` without their first ``skip_*`` words
        (their leading words): what they share beyond "Takes note of" / "Welcoming"."""
        n_old = self.Xo.shape[0]

        def feats(r: int, skip: int) -> np.ndarray:
            ids = self._seqs[r][skip:]
            keys = np.concatenate([ids, self._V + ids[:-1] * self._V + ids[1:]]) if len(ids) else ids
            return np.unique(np.searchsorted(self._cols, keys))
        fo, fn = feats(i, skip_old), feats(n_old + j, skip_new)
        inter = np.intersect1d(fo, fn, assume_unique=True)
        return _sim(float(self.w[inter].sum()), float(self.w[fo].sum()), float(self.w[fn].sum()))

    def intersections(self) -> np.ndarray:
        """Dense old × new matrix of shared feature weight."""
        Wo = self.Xo.multiply(self.w.reshape(1, -1)).tocsr()
        return np.asarray((Wo @ self.Xn.T).todense())

    def group_sim(self, old_idx: Sequence[int], new_idx: Sequence[int]) -> tuple[float, float, float]:
        """(similarity, containment of old in new, containment of new in old) of two groups."""
        fo = self._row_feats(self.Xo, old_idx)
        fn = self._row_feats(self.Xn, new_idx)
        inter = np.intersect1d(fo, fn, assume_unique=True)
        I = float(self.w[inter].sum())
        so = float(self.w[fo].sum())
        sn = float(self.w[fn].sum())
        return _sim(I, so, sn), (I / so if so > 0 else 0.0), (I / sn if sn > 0 else 0.0)


def _sim(I: float, a: float, b: float) -> float:
    union = a + b - I
    small = min(a, b)
    if union <= 0 or small <= 0:
        return 1.0 if a == b == 0 else 0.0
    return math.sqrt((I / union) * (I / small))


def similarity_matrix(feat: _Features) -> np.ndarray:
    """Old × new similarity sqrt(J·C) = I / sqrt(w(A∪B) · min(w(A), w(B)))."""
    I = feat.intersections()
    feat.I = I
    so = feat.size_o.reshape(-1, 1)
    sn = feat.size_n.reshape(1, -1)
    denom = so + sn
    denom -= I                               # weight of the union
    denom *= np.minimum(so, sn)              # × weight of the smaller side
    np.sqrt(denom, out=denom)
    with np.errstate(divide="ignore", invalid="ignore"):
        S = np.divide(I, denom, out=np.zeros_like(I), where=denom > 0)
    # two empty paragraphs are the same paragraph
    empty_o, empty_n = feat.size_o == 0, feat.size_n == 0
    if empty_o.any() and empty_n.any():
        S[np.ix_(empty_o, empty_n)] = 1.0
    return S


def text_similarity(old_texts: Sequence[str], new_texts: Sequence[str]) -> np.ndarray:
    """The old × new similarity matrix used for alignment, with IDF over the two sides.

    Agreed-language tracing uses it to find the closest earlier paragraph.
    """
    if not old_texts or not new_texts:
        return np.zeros((len(old_texts), len(new_texts)))
    return similarity_matrix(_Features(list(old_texts), list(new_texts)))
