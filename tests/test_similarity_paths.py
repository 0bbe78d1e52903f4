"""Shared feature weight is the same to the last bit however it is summed: triple by triple,
the common features by a matrix product, or scipy.sparse (weights are exact binary fractions)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

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


@given(st.lists(st.integers(min_value=-3, max_value=2**40), max_size=60))
@settings(max_examples=200, deadline=None)
def test_the_sort_based_unique_is_numpys(values):
    """The features are numbered by a stable sort, not ``np.unique`` (which imports numpy.ma):
    the same values, the same inverse."""
    from compare.similarity import _sorted_unique, _unique_inverse

    a = np.asarray(values, dtype=np.int64)
    want, want_inv = np.unique(a, return_inverse=True)
    got, inv = _unique_inverse(a)
    assert got.tolist() == want.tolist() and inv.tolist() == want_inv.ravel().tolist()
    assert _sorted_unique(a).tolist() == want.tolist()


def test_a_comparing_process_does_not_load_numpy_ma_or_threadpoolctl():
    """``python -m compare diff`` of the bundled pair: numpy's masked arrays (~10 ms) and
    threadpoolctl (~5 ms; OpenBLAS already runs on one thread there) stay out of the process."""
    import subprocess
    import sys

    code = ("import runpy, sys, atexit; "
            "atexit.register(lambda: sys.stderr.write(repr(sorted(m for m in ('numpy.ma', 'threadpoolctl', "
            "'numpy') if m in sys.modules)))); "
            "sys.argv = ['compare', 'diff', 'samples/draft-rev1-2008-11-10.fr.docx', "
            "'samples/draft-rev2-illustrative.fr.md']; runpy.run_module('compare', run_name='__main__')")
    out = subprocess.run([sys.executable, "-c", code], cwd=SAMPLES.parent, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip().endswith("['numpy']")
