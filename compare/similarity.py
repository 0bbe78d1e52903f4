"""Paragraph similarity: the one notion of "close" shared by the alignment and agreed-language tracing.

Each paragraph is the set of its word unigrams and bigrams (:func:`compare.tokens.words`),
weighted by IDF over the two sides; the similarity of two paragraphs is
``sqrt(J·C)`` (weighted Jaccard × containment).  :mod:`compare.align` documents
why (step 2 and 3 of its algorithm); it lives here, below both the alignment and
the trace, so that tracing does not reach into the alignment.

Two ways to the same figures: the dense old × new matrix (:func:`similarity_matrix`),
and, for large pairs, :class:`PairScores`, which computes only the entries the aligner
reads, with :func:`prefix_pairs` to find the pairs that could be near twins without the
matrix (``compare.align.large._large_scores``).
"""
from __future__ import annotations

import math
import os
from itertools import chain, count
from typing import Optional, Sequence

import numpy as np

from compare.tokens import mended_words, words


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
        # words numbered in order of first appearance, by C loops (dict.fromkeys, map) rather
        # than a Python loop per word
        raw = list(old_texts) + list(new_texts)
        texts = mended_words(raw, [words(t) for t in raw])
        vocab = dict(zip(dict.fromkeys(chain.from_iterable(texts)), count()))
        lens = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        ids = np.fromiter(map(vocab.__getitem__, chain.from_iterable(texts)), dtype=np.int64, count=int(lens.sum()))
        seqs = np.split(ids, np.cumsum(lens)[:-1]) if len(texts) else []
        V = max(len(vocab), 1)
        n_old, n_new = len(old_texts), len(new_texts)
        n = n_old + n_new
        row = np.repeat(np.arange(n, dtype=np.int64), lens)
        pair = row[:-1] == row[1:]                      # word pairs within a paragraph
        bigrams = V + ids[:-1][pair] * V + ids[1:][pair]
        rows = len(ids) > 0
        if rows:
            r_all = np.concatenate((row, row[:-1][pair]))
            # features: every word id (0 … V-1: each occurs), then the word pairs (keys ≥ V) that
            # occur, ascending — only the pairs need sorting
            uniq, inv = _unique_inverse(bigrams)
            cols = np.concatenate((np.arange(V, dtype=np.int64), uniq))
            f_c = np.concatenate((ids, V + inv))
            n_feat = len(cols)
            # binary: a feature is in a paragraph or not; (row, feature) ascending
            key = _sorted_unique(r_all * n_feat + f_c.ravel())
            r_u, f_u = key // n_feat, key % n_feat
        else:
            r_u = f_u = np.zeros(0, dtype=np.int64)
            n_feat = 0
        self._seqs, self._V, self._cols = seqs, V, (cols if rows else np.zeros(0, dtype=np.int64))
        # each paragraph's word keys as matched (line-break hyphens mended), old then new
        self.keys: list[list[str]] = texts
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
        # when a side has no paragraphs to match, but _joins still reads it); a large pair's
        # aligner puts PairScores.I here instead (never written, this stays unallocated memory)
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


# ----------------------------------------------------------------------------- entries on demand

def _sim_of(I: np.ndarray, so: np.ndarray, sn: np.ndarray) -> np.ndarray:
    """Similarity from shared weight and sizes (broadcast), by the very operations of
    :func:`similarity_matrix`, so every entry is the same to the last bit."""
    denom = so + sn
    denom = denom - I
    denom = denom * np.minimum(so, sn)
    denom = np.sqrt(denom)
    S = np.zeros(np.broadcast(I, denom).shape)
    np.divide(I, denom, out=S, where=denom > 0)
    both_empty = (so == 0) & (sn == 0)
    if np.any(both_empty):
        S[np.broadcast_to(both_empty, S.shape)] = 1.0
    return S


class PairScores:
    """The old × new shared weight ``I`` and similarity ``S`` of a large pair, entry by entry on
    demand instead of two dense matrices (200 MB each at 5,000 paragraphs a side, most of it
    never read: an untouched paragraph's partner is plain).  ``.I`` and ``.S`` index like the
    numpy matrices for what the aligner reads — an entry, a row, a column, a row or column
    segment, an ``np.ix_`` block — and give the same figures to the last bit (weights are exact
    binary fractions: any order of addition agrees).  Entries are sums over shared features by
    SciPy's sparse products (compiled; a large pair imports SciPy for its assignment anyway).
    Whole rows and columns are kept once computed; ``band`` precomputes the entries near each
    match that the split/merge joins read."""

    def __init__(self, feat: _Features):
        from scipy import sparse

        # the sizes, not ``feat``: the aligner hangs ``.I`` on ``feat``, and a reference back would
        # make a cycle that keeps every feature array alive until a full collection
        self.size_o, self.size_n = feat.size_o, feat.size_n
        n, m = self.shape = (len(feat.Xo.indptr) - 1, len(feat.Xn.indptr) - 1)
        self.size = n * m
        nf = feat.n_feat
        # old paragraphs × features, weighted; new ones × features, 0/1: I = A @ B.T
        self._A = sparse.csr_matrix((feat.w[feat.Xo.indices], feat.Xo.indices, feat.Xo.indptr), shape=(n, nf))
        self._B = sparse.csr_matrix((np.ones(len(feat.Xn.indices)), feat.Xn.indices, feat.Xn.indptr), shape=(m, nf))
        self._AT = self._BT = None          # features × paragraphs, made when a whole side is read
        self._rows: dict[int, np.ndarray] = {}
        self._cols: dict[int, np.ndarray] = {}
        self._known: dict[tuple[int, int], float] = {}
        self._rband = (np.full(n, -1 << 40), np.zeros((0, 0)), np.zeros(n, dtype=np.int64))
        self._cband = (np.full(m, -1 << 40), np.zeros((0, 0)), np.zeros(m, dtype=np.int64))
        self._blk = (np.full(n, -1, dtype=np.int64), np.full(m, -1, dtype=np.int64), np.zeros((0, 0)))
        #: anchors, when the caller found them without the dense matrix (``compare.align``)
        self.anchors: Optional[list[tuple[int, int]]] = None

    # views made on demand, not kept: an attribute pointing back here would be a reference cycle
    # holding the sparse matrices and every row read until a full collection (+10 % peak memory)
    @property
    def I(self) -> "_Entries":      # noqa: E743 — the shared weight, named as in the dense path
        return _Entries(self, sim=False)

    @property
    def S(self) -> "_Entries":
        return _Entries(self, sim=True)

    def _product(self, rows, cols) -> np.ndarray:
        """Dense I of ``rows × cols`` (index arrays or slices; a whole side by a transpose kept)."""
        if isinstance(cols, slice) and cols == slice(None):
            if self._BT is None:
                self._BT = self._B.T.tocsr()
            return (self._A[rows] @ self._BT).toarray()
        if isinstance(rows, slice) and rows == slice(None):
            if self._AT is None:
                self._AT = self._A.T.tocsr()
            return (self._B[cols] @ self._AT).toarray().T
        return (self._A[rows] @ self._B[cols].T).toarray()

    # whole rows and columns of I
    def rows(self, rows: Sequence[int]) -> np.ndarray:
        rows = [int(i) for i in rows]
        missing = sorted({i for i in rows if i not in self._rows})
        if missing:
            self._rows.update(zip(missing, self._product(np.array(missing), slice(None))))
        return np.array([self._rows[i] for i in rows]).reshape(len(rows), self.shape[1])

    def cols(self, cols: Sequence[int]) -> np.ndarray:
        """``len(cols) × n``: column ``j`` of I as a row."""
        cols = [int(j) for j in cols]
        missing = sorted({j for j in cols if j not in self._cols})
        if missing:
            self._cols.update(zip(missing, self._product(slice(None), np.array(missing)).T))
        return np.array([self._cols[j] for j in cols]).reshape(len(cols), self.shape[0])

    def pairs(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """I of the pairs ``(i[k], j[k])``."""
        i, j = np.asarray(i, dtype=np.int64), np.asarray(j, dtype=np.int64)
        if not len(i):
            return np.zeros(0)
        return np.asarray(self._A[i].multiply(self._B[j]).sum(axis=1), dtype=np.float64).ravel()

    def know(self, i: np.ndarray, j: np.ndarray, I: np.ndarray) -> None:
        self._known.update(zip(zip(np.asarray(i).tolist(), np.asarray(j).tolist()), np.asarray(I).tolist()))

    def prefetch(self, i: Sequence[int], j: Sequence[int]) -> None:
        """Compute the pairs ``(i[k], j[k])`` not known yet in one pass (rather than one by one)."""
        rpos, cpos, _ = self._blk
        todo = [(a, b) for a, b in zip(i, j) if (a, b) not in self._known and a not in self._rows
                and b not in self._cols and not (rpos[a] >= 0 and cpos[b] >= 0)]
        if todo:
            ti, tj = np.array([t[0] for t in todo]), np.array([t[1] for t in todo])
            self.know(ti, tj, self.pairs(ti, tj))

    def band(self, i: np.ndarray, j: np.ndarray, reach: int) -> None:
        """Precompute I of old ``i[k]`` with new ``j[k] - reach … j[k] + reach`` and of new
        ``j[k]`` with old ``i[k] - reach … i[k] + reach``: what the joins read around a match."""
        i, j = np.asarray(i, dtype=np.int64), np.asarray(j, dtype=np.int64)
        self._rband = self._band(i, j, reach, rows_old=True)
        self._cband = self._band(j, i, reach, rows_old=False)

    def _band(self, a: np.ndarray, b: np.ndarray, reach: int, rows_old: bool,
              chunk: int = 128) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(first column, values, row of the values) of paragraphs ``a`` of one side against
        ``b - reach … b + reach`` of the other, ``chunk`` rows at a time whose partners are
        neighbours (sorted by partner, their windows overlap: one small product each)."""
        na, nb = self.shape if rows_old else self.shape[::-1]
        width = 2 * reach + 1
        vals = np.zeros((len(a), width))
        order = np.argsort(b, kind="stable")
        for lo in range(0, len(order), chunk):
            k = order[lo:lo + chunk]
            c0, c1 = max(int(b[k].min()) - reach, 0), min(int(b[k].max()) + reach + 1, nb)
            if c1 <= c0:
                continue
            P = self._product(a[k], slice(c0, c1)) if rows_old else self._product(slice(c0, c1), a[k]).T
            cols = (b[k] - reach - c0)[:, None] + np.arange(width)[None, :]
            ok = (cols >= 0) & (cols < c1 - c0)
            r, d = np.nonzero(ok)
            vals[k[r], d] = P[r, cols[ok]]
        first = np.full(na, -1 << 40)
        pos = np.zeros(na, dtype=np.int64)
        first[a], pos[a] = b - reach, np.arange(len(a))
        return first, vals, pos

    def entry(self, i: int, j: int) -> float:
        v = self._known.get((i, j))
        if v is not None:
            return v
        r = self._rows.get(i)
        if r is not None:
            return float(r[j])
        c = self._cols.get(j)
        if c is not None:
            return float(c[i])
        rpos, cpos, B = self._blk
        if rpos[i] >= 0 and cpos[j] >= 0:
            return float(B[rpos[i], cpos[j]])
        seg = self._segment(self._rband, i, j, j + 1)
        if seg is None:
            seg = self._segment(self._cband, j, i, i + 1)
        v = float(seg[0]) if seg is not None else float(self.pairs(np.array([i]), np.array([j]))[0])
        self._known[(i, j)] = v
        return v

    @staticmethod
    def _segment(band, k: int, lo: int, hi: int) -> Optional[np.ndarray]:
        blo, vals, bpos = band
        a = lo - blo[k]
        if a < 0 or hi - blo[k] > vals.shape[1]:
            return None
        return vals[bpos[k], a:hi - blo[k]]

    def row_segment(self, i: int, lo: int, hi: int) -> np.ndarray:
        r = self._rows.get(i)
        if r is not None:
            return r[lo:hi]
        seg = self._segment(self._rband, i, lo, hi)
        return seg if seg is not None else self.rows([i])[0, lo:hi]

    def col_segment(self, j: int, lo: int, hi: int) -> np.ndarray:
        c = self._cols.get(j)
        if c is not None:
            return c[lo:hi]
        seg = self._segment(self._cband, j, lo, hi)
        return seg if seg is not None else self.cols([j])[0, lo:hi]

    def block(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """I of ``rows × cols``; the last block asked for is kept (the aligner reads the
        leftovers' block, then parts of it)."""
        rows, cols = np.asarray(rows, dtype=np.int64).ravel(), np.asarray(cols, dtype=np.int64).ravel()
        rpos, cpos, B = self._blk
        if len(rows) and len(cols) and (rpos[rows] >= 0).all() and (cpos[cols] >= 0).all():
            return B[np.ix_(rpos[rows], cpos[cols])]
        if all(int(i) in self._rows for i in rows):
            return self.rows(rows)[:, cols]
        ur, uc = _sorted_unique(rows), _sorted_unique(cols)
        B = self._product(ur, uc)
        rpos, cpos = np.full(self.shape[0], -1, dtype=np.int64), np.full(self.shape[1], -1, dtype=np.int64)
        rpos[ur], cpos[uc] = np.arange(len(ur)), np.arange(len(uc))
        self._blk = (rpos, cpos, B)
        return B[np.ix_(rpos[rows], cpos[cols])]


class _Entries:
    """``PairScores.I`` or ``.S``: numpy-style reads of single entries, rows, columns, segments and
    ``np.ix_`` blocks (anything else is refused rather than guessed)."""

    def __init__(self, scores: PairScores, sim: bool):
        self._p, self._sim = scores, sim
        self.shape, self.size = scores.shape, scores.size

    @property
    def anchors(self) -> Optional[list[tuple[int, int]]]:
        return self._p.anchors

    def _S(self, I, rows, cols) -> np.ndarray:
        p = self._p
        return _sim_of(I, p.size_o[rows], p.size_n[cols]) if self._sim else I

    def __getitem__(self, key):
        p = f = self._p
        n, m = self.shape
        if isinstance(key, (int, np.integer)):
            return self[int(key), slice(None)]
        if isinstance(key, np.ndarray) and key.ndim == 1:
            rows = key.astype(np.int64)
            return self._S(p.rows(rows), rows[:, None], np.arange(m)[None, :])
        if isinstance(key, tuple) and len(key) == 2:
            a, b = key
            if isinstance(a, (int, np.integer)) and isinstance(b, (int, np.integer)):
                i, j = int(a), int(b)
                I = p.entry(i, j)
                if not self._sim:
                    return I
                so, sn = float(f.size_o[i]), float(f.size_n[j])
                if so == 0 and sn == 0:
                    return 1.0
                denom = math.sqrt((so + sn - I) * min(so, sn))
                return I / denom if denom > 0 else 0.0
            if isinstance(a, (int, np.integer)) and isinstance(b, slice):
                i = int(a)
                lo, hi, step = b.indices(m)
                assert step == 1, "rows are read in unit steps"
                seg = p.row_segment(i, lo, hi)
                return self._S(seg, i, slice(lo, hi)) if self._sim else seg
            if isinstance(a, slice) and isinstance(b, (int, np.integer)):
                j = int(b)
                lo, hi, step = a.indices(n)
                assert step == 1, "columns are read in unit steps"
                seg = p.col_segment(j, lo, hi)
                return self._S(seg, slice(lo, hi), j) if self._sim else seg
            if isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.ndim == 2 and b.ndim == 2:
                rows, cols = a.ravel().astype(np.int64), b.ravel().astype(np.int64)
                return self._S(p.block(rows, cols), rows[:, None], cols[None, :])
        raise TypeError(f"PairScores: unsupported index {key!r}")


def _prefixes(feat: _Features, X: _Rows, size: np.ndarray, rank: np.ndarray, tau: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray]:
    """(paragraph, feature) entries of each paragraph's prefix: its features rarest first
    (``rank``), as long as what is left from there on weighs at least ``tau`` of the paragraph."""
    side = id(X)
    cache = feat.__dict__.setdefault("_by_rank", {})
    if side not in cache:                 # entries row by row, rarest first, and the weight before each
        key = np.sort(X.row_of * feat.n_feat + rank[X.indices])
        r, f = key // feat.n_feat, feat._by_rank_feature[key % feat.n_feat]
        wt = feat.w[f]
        cum = np.cumsum(wt) - wt
        cache[side] = (r, f, cum - np.concatenate((cum, [0.0]))[X.indptr[:-1]][r])     # an empty last row: no entry
    r, f, before = cache[side]
    take = np.isfinite(tau)[r]
    r, f, before = r[take], f[take], before[take]
    keep = size[r] - before >= tau[r] * size[r] * (1 - 1e-9)     # generous: a longer prefix is safe
    return r[keep], f[keep]


def prefix_pairs(feat: _Features, tau_o: np.ndarray, tau_n: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every (old ``i``, new ``j``) pair whose similarity ``s`` has ``s² ≥`` both ``tau_o[i]`` and
    ``tau_n[j]`` — and some others: candidates to check (``inf``: the paragraph takes no part).
    Prefix filtering: similarity ``s`` needs shared weight ``I ≥ s²·max(w(A), w(B))``
    (``s² = I²/(w(A∪B)·min) ≤ I/max``), so the rarest shared feature lies in the prefix of
    both paragraphs that holds all but ``s²`` of its weight (rarest features first): near
    duplicates share a rare word or pair, found without the old × new matrix."""
    rank = getattr(feat, "_rank", None)
    if rank is None:
        rank = np.empty(feat.n_feat, dtype=np.int64)
        feat._by_rank_feature = np.lexsort((np.arange(feat.n_feat), -feat.w))     # rarest first
        rank[feat._by_rank_feature] = np.arange(feat.n_feat)
        feat._rank = rank
    ro, fo = _prefixes(feat, feat.Xo, feat.size_o, rank, tau_o)
    rn, fn = _prefixes(feat, feat.Xn, feat.size_n, rank, tau_n)
    m = max(len(feat.Xn.indptr) - 1, 1)
    key = np.sort(fn * m + rn)
    rn, fn = key % m, key // m
    a = np.searchsorted(fn, fo, side="left")
    cnt = np.searchsorted(fn, fo, side="right") - a
    ends = np.cumsum(cnt)
    at = np.repeat(a - (ends - cnt), cnt) + np.arange(int(cnt.sum()), dtype=np.int64)
    key = _sorted_unique(np.repeat(ro, cnt) * m + rn[at])
    return key // m, key % m
