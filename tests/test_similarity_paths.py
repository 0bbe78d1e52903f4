"""Shared feature weight is the same to the last bit however it is summed: triple by triple,
the common features by a matrix product, or scipy.sparse (weights are exact binary fractions)."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from compare import api
from compare.similarity import _Features

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _sparse(feat: _Features) -> np.ndarray:
    """The reference: one scipy.sparse product (scipy is not used by the library for this)."""
    from scipy import sparse

    def csr(X) -> "sparse.csr_matrix":
        return sparse.csr_matrix((np.ones(len(X.indices)), X.indices, X.indptr),
                                 shape=(len(X.indptr) - 1, feat.n_feat))

    Wo = csr(feat.Xo).multiply(feat.w.reshape(1, -1)).tocsr()
    return np.asarray((Wo @ csr(feat.Xn).T).todense())


def _splits(feat: _Features) -> list[np.ndarray]:
    co = np.bincount(feat.Xo.indices, minlength=feat.n_feat)
    cn = np.bincount(feat.Xn.indices, minlength=feat.n_feat)
    t = co * cn
    return [feat._intersections_split(t >= q) for q in (1, 2, 4, max(int(t.max()), 1))]


def test_every_way_of_summing_gives_the_same_figures():
    docs = [api.load(p) for p in sorted(SAMPLES.glob("*.en.md"))]
    for a, b in zip(docs, docs[1:]):
        feat = _Features([p.text for p in a.paragraphs], [p.text for p in b.paragraphs])
        dense = feat._intersections_numpy()
        assert np.array_equal(dense, _sparse(feat))
        assert np.array_equal(dense, feat._intersections_numpy(chunk=50))     # chunked as well
        for split in _splits(feat):
            assert np.array_equal(dense, split)


def test_empty_sides():
    feat = _Features([], ["Urges States"])
    assert feat.intersections().shape == (0, 1)
    feat = _Features(["", "Urges States"], ["", "urges all States"])
    assert np.array_equal(feat._intersections_numpy(), _sparse(feat))
    for split in _splits(feat):
        assert np.array_equal(feat._intersections_numpy(), split)


def test_no_words_at_all():
    from compare.similarity import similarity_matrix

    S = similarity_matrix(_Features([":"], [":"]))
    assert S.dtype == np.float64 and S.tolist() == [[1.0]]
