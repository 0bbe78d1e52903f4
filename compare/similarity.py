"""Paragraph similarity: the one notion of "close" shared by the alignment and agreed-language tracing.

Each paragraph is the set of its word unigrams and bigrams (:func:`compare.tokens.words`),
weighted by IDF over the two sides; the similarity of two paragraphs is
``sqrt(J·C)`` (weighted Jaccard × containment).  :mod:`compare.align` documents
why (step 2 and 3 of its algorithm); it lives here, below both the alignment and
the trace, so that tracing does not reach into the alignment.
"""
from __future__ import annotations

import math
import os
from typing import Optional, Sequence

import numpy as np

from compare.tokens import words


# (old, new, shared feature) triples above which the most common features are summed by a
# matrix product (BLAS) rather than triple by triple
SPLIT_ABOVE = 400_000
# ... a feature goes to the matrix product when it makes at least this share of old × new triples
# (the fastest share on the 1,000- and 5,000-paragraph bench pairs)
COMMON_SHARE = 0.005
# feature weights are multiples of 2**-WEIGHT_BITS: every sum of them below 2**(52 - WEIGHT_BITS)
# (a paragraph of the largest size the limits allow weighs < 2**22) is exact, in any order
WEIGHT_BITS = 30


def _sorted_unique(a: np.ndarray) -> np.ndarray:
    """``np.unique(a)`` by sorting: numpy 2's hashing unique is several times slower here, and
    ``np.unique`` imports ``numpy.ma`` (~10 ms of every comparing process)."""
    s = np.sort(a)
    return s[np.concatenate(([True], s[1:] != s[:-1]))] if len(s) else s


def _unique_inverse(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(a, return_inverse=True)`` by sorting (see :func:`_sorted_unique`); equal
    values are neighbours after any sort, so it need not be stable (a stable one is 3× slower)."""
    order = np.argsort(a)
    s = a[order]
    first = np.concatenate(([True], s[1:] != s[:-1])) if len(s) else np.zeros(0, dtype=bool)
    inverse = np.empty(len(a), dtype=np.int64)
    inverse[order] = np.cumsum(first) - 1
    return s[first], inverse


class _Rows:
    """A binary paragraph × feature matrix as compressed rows: the features of
    paragraph ``i`` are ``indices[indptr[i]:indptr[i + 1]]``, ascending."""

    def __init__(self, indptr: np.ndarray, indices: np.ndarray):
        self.indptr, self.indices = indptr, indices
        self.row_of = np.repeat(np.arange(len(indptr) - 1, dtype=np.int64), np.diff(indptr))


class _Features:
    """Binary paragraph × feature matrices of both versions and feature weights.

    Plain numpy arrays (importing scipy.sparse costs more than a typical comparison).
    Weights are rounded to multiples of ``2**-WEIGHT_BITS`` so that every sum of them is
    exact: the figures are the same to the last bit whatever the order of the additions
    (triple by triple, a BLAS product, a subset of the pairs)."""

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
            cols, f_c = _unique_inverse(np.concatenate(feats))
            n_feat = len(cols)
            # binary: a feature is in a paragraph or not; (row, feature) ascending
            key = _sorted_unique(r_all * n_feat + f_c.ravel())
            r_u, f_u = key // n_feat, key % n_feat
        else:
            r_u = f_u = np.zeros(0, dtype=np.int64)
            n_feat = 0
        self._seqs, self._V, self._cols = seqs, V, (cols if rows else np.zeros(0, dtype=np.int64))
        self.n_feat = max(n_feat, 1)
        indptr = np.concatenate(([0], np.cumsum(np.bincount(r_u, minlength=n)))).astype(np.int64)
        split = indptr[n_old]
        self.Xo = _Rows(indptr[:n_old + 1], f_u[:split])
        self.Xn = _Rows(indptr[n_old:] - split, f_u[split:])
        df_o = np.bincount(self.Xo.indices, minlength=self.n_feat).astype(np.float64)
        df_n = np.bincount(self.Xn.indices, minlength=self.n_feat).astype(np.float64)
        d = np.maximum(np.maximum(df_o, df_n), 1.0)
        N = max(n_old, n_new, 1)
        self.w = np.round(np.log((N + 1) / d) * 2.0 ** WEIGHT_BITS) * 2.0 ** -WEIGHT_BITS
        self.size_o = np.bincount(self.Xo.row_of, weights=self.w[self.Xo.indices],
                                   minlength=n_old).astype(np.float64)   # float even when empty
        self.size_n = np.bincount(self.Xn.row_of, weights=self.w[self.Xn.indices],
                                   minlength=n_new).astype(np.float64)   # float even when empty
        # old × new shared feature weight: zero until similarity_matrix fills it (it is skipped
        # when a side has no paragraphs to match, but _joins still reads it)
        self.I: np.ndarray = np.zeros((n_old, n_new))

    def _row_feats(self, X: _Rows, rows: Sequence[int]) -> np.ndarray:
        parts = [X.indices[X.indptr[i]:X.indptr[i + 1]] for i in rows]
        if not parts:
            return np.zeros(0, dtype=np.int64)
        return parts[0] if len(parts) == 1 else _sorted_unique(np.concatenate(parts))

    def triples(self) -> int:
        """How many (old paragraph, new paragraph, shared feature) triples there are."""
        cnt = np.bincount(self.Xn.indices, minlength=self.n_feat)
        return int(cnt[self.Xo.indices].sum())

    def tail_sim(self, i: int, j: int, skip_old: int, skip_new: int) -> float:
        """Similarity of old paragraph ``i`` and new ``j`` without their first ``skip_*`` words
        (their leading words): what they share beyond "Takes note of" / "Welcoming"."""
        n_old = len(self.Xo.indptr) - 1

        def feats(r: int, skip: int) -> np.ndarray:
            ids = self._seqs[r][skip:]
            keys = np.concatenate([ids, self._V + ids[:-1] * self._V + ids[1:]]) if len(ids) else ids
            return _sorted_unique(np.searchsorted(self._cols, keys))
        fo, fn = feats(i, skip_old), feats(n_old + j, skip_new)
        inter = np.intersect1d(fo, fn, assume_unique=True)
        return _sim(float(self.w[inter].sum()), float(self.w[fo].sum()), float(self.w[fn].sum()))

    def intersections(self) -> np.ndarray:
        """Dense old × new matrix of shared feature weight: summed triple by triple for a
        typical pair; for large ones the few features that make most of the triples ("de",
        "of the") by one matrix product and the others triple by triple.  The same figures
        either way (weights are exact binary fractions)."""
        n_old, n_new = len(self.Xo.indptr) - 1, len(self.Xn.indptr) - 1
        if self.triples() <= SPLIT_ABOVE or n_old == 0 or n_new == 0:
            return self._intersections_numpy()
        co = np.bincount(self.Xo.indices, minlength=self.n_feat)
        cn = np.bincount(self.Xn.indices, minlength=self.n_feat)
        return self._intersections_split(co * cn >= COMMON_SHARE * n_old * n_new)

    def _intersections_split(self, common: np.ndarray) -> np.ndarray:
        """The features where ``common`` is True summed by one matrix product, the others
        triple by triple."""
        I = self._intersections_numpy(rare=~common)
        if common.any():
            I += _one_thread_product(self._dense(self.Xo, common, weighted=True),
                                     self._dense(self.Xn, common, weighted=False))
        return I

    def _dense(self, X: _Rows, feats: np.ndarray, weighted: bool) -> np.ndarray:
        """Paragraph × (selected feature) dense matrix: the feature's weight (or 1) where present."""
        col = np.cumsum(feats) - 1                       # feature id → column among the selected
        keep = feats[X.indices]
        out = np.zeros((len(X.indptr) - 1, int(feats.sum())))
        f = X.indices[keep]
        out[X.row_of[keep], col[f]] = self.w[f] if weighted else 1.0
        return out

    def _intersections_numpy(self, chunk: int = 4_000_000, rare: Optional[np.ndarray] = None) -> np.ndarray:
        """Every (old paragraph, new paragraph, shared feature) triple is listed, old
        paragraph by old paragraph, features ascending, and summed (``np.bincount``),
        at most about ``chunk`` triples at once; only features where ``rare`` is True
        when given."""
        n_old, n_new = len(self.Xo.indptr) - 1, len(self.Xn.indptr) - 1
        I = np.zeros((n_old, n_new))
        if n_old == 0 or n_new == 0:
            return I
        Xo, Xn = (self.Xo, self.Xn) if rare is None else (self._subset(self.Xo, rare), self._subset(self.Xn, rare))
        # the new paragraphs holding each feature, ascending
        by_feat = np.argsort(Xn.indices, kind="stable")
        new_rows = Xn.row_of[by_feat]
        cnt = np.bincount(Xn.indices, minlength=self.n_feat)
        first = np.concatenate(([0], np.cumsum(cnt)[:-1]))
        rep_all = cnt[Xo.indices]                 # triples per (old paragraph, feature)
        per_row = np.bincount(Xo.row_of, weights=rep_all, minlength=n_old)
        lo = 0
        while lo < n_old:
            hi, total = lo, 0.0
            while hi < n_old and (hi == lo or total + per_row[hi] <= chunk):
                total += per_row[hi]
                hi += 1
            a, b = Xo.indptr[lo], Xo.indptr[hi]
            feats, rep = Xo.indices[a:b], rep_all[a:b]
            ends = np.cumsum(rep)
            # triple t of old entry e reads new_rows[first[feature of e] + (t - first triple of e)]
            at = np.repeat(first[feats] - (ends - rep), rep)
            at += np.arange(len(at))
            keys = np.repeat((Xo.row_of[a:b] - lo) * n_new, rep)
            keys += new_rows[at]
            I[lo:hi] = np.bincount(keys, weights=np.repeat(self.w[feats], rep),
                                   minlength=(hi - lo) * n_new).reshape(hi - lo, n_new)
            lo = hi
        return I

    @staticmethod
    def _subset(X: _Rows, feats: np.ndarray) -> _Rows:
        """``X`` with only the features where ``feats`` is True."""
        keep = feats[X.indices]
        indptr = np.concatenate(([0], np.cumsum(np.bincount(X.row_of[keep], minlength=len(X.indptr) - 1))))
        return _Rows(indptr.astype(np.int64), X.indices[keep])

    def word_cosine(self, old_idx: Sequence[int], new_idx: Sequence[int]) -> np.ndarray:
        """TF-IDF cosine of single words (no word pairs), ``len(old_idx) × len(new_idx)``: a
        paragraph reworded clause by clause keeps its words but few of its word pairs."""
        n_old = len(self.Xo.indptr) - 1
        seqs = [self._seqs[i] for i in old_idx] + [self._seqs[n_old + j] for j in new_idx]
        if not any(len(q) for q in seqs):
            return np.zeros((len(old_idx), len(new_idx)))
        df = np.zeros(self._V)
        for q in self._seqs:
            if len(q):
                df[_sorted_unique(q)] += 1.0
        idf = np.log((1 + len(self._seqs)) / (1 + df)) + 1.0
        vocab = _sorted_unique(np.concatenate([q for q in seqs if len(q)]))
        X = np.zeros((len(seqs), len(vocab)))
        for r, q in enumerate(seqs):
            if len(q):
                np.add.at(X[r], np.searchsorted(vocab, q), 1.0)
        X *= idf[vocab]
        X /= np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-12)
        k = len(old_idx)
        return X[:k] @ X[k:].T

    def group_sim(self, old_idx: Sequence[int], new_idx: Sequence[int]) -> tuple[float, float, float]:
        """(similarity, containment of old in new, containment of new in old) of two groups."""
        fo = self._row_feats(self.Xo, old_idx)
        fn = self._row_feats(self.Xn, new_idx)
        inter = np.intersect1d(fo, fn, assume_unique=True)
        I = float(self.w[inter].sum())
        so = float(self.w[fo].sum())
        sn = float(self.w[fn].sum())
        return _sim(I, so, sn), (I / so if so > 0 else 0.0), (I / sn if sn > 0 else 0.0)


def _one_thread_product(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """``A @ B.T`` on one BLAS thread: beside another busy process on 2 cores, OpenBLAS's
    second thread spins and the product takes ten times longer (26 ms against 2.3 ms for
    500 paragraphs a side at load 5).  threadpoolctl (~50 ms to import) comes with the
    concordance's encoder; without it the product runs as BLAS likes.  The command line
    starts OpenBLAS on one thread (``compare.__main__``): nothing to limit, nothing to import."""
    if os.environ.get("OPENBLAS_NUM_THREADS") == "1":
        return A @ B.T
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:                 # pragma: no cover - installed with the requirements
        return A @ B.T
    with threadpool_limits(limits=1, user_api="blas"):
        return A @ B.T


def _sim(I: float, a: float, b: float) -> float:
    union = a + b - I
    small = min(a, b)
    if union <= 0 or small <= 0:
        return 1.0 if a == b == 0 else 0.0
    return math.sqrt((I / union) * (I / small))


def similarity_matrix(feat: _Features, block: int = 1 << 18) -> np.ndarray:
    """Old × new similarity sqrt(J·C) = I / sqrt(w(A∪B) · min(w(A), w(B))), computed in
    blocks of about ``block`` pairs so that no temporary is as large as the matrix."""
    I = feat.intersections()
    feat.I = I
    S = np.zeros_like(I)
    n, m = I.shape
    so_all = feat.size_o.reshape(-1, 1)
    sn = feat.size_n.reshape(1, -1)
    step = max(1, block // max(m, 1))
    for lo in range(0, n, step):
        hi = min(lo + step, n)
        so, Ib = so_all[lo:hi], I[lo:hi]
        denom = so + sn
        denom -= Ib                              # weight of the union
        denom *= np.minimum(so, sn)              # × weight of the smaller side
        np.sqrt(denom, out=denom)
        np.divide(Ib, denom, out=S[lo:hi], where=denom > 0)
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
