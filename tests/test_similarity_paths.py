"""The numpy and the scipy.sparse sums of shared feature weight agree to the last bit."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from compare import api
from compare.similarity import _Features

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_numpy_and_sparse_intersections_are_identical():
    docs = [api.load(p) for p in sorted(SAMPLES.glob("*.en.md"))]
    for a, b in zip(docs, docs[1:]):
        feat = _Features([p.text for p in a.paragraphs], [p.text for p in b.paragraphs])
        dense = feat._intersections_numpy()
        assert np.array_equal(dense, feat._intersections_sparse())
        assert np.array_equal(dense, feat._intersections_numpy(chunk=50))     # chunked as well


def test_empty_sides():
    feat = _Features([], ["Urges States"])
    assert feat.intersections().shape == (0, 1)
    feat = _Features(["", "Urges States"], ["", "urges all States"])
    assert np.array_equal(feat._intersections_numpy(), feat._intersections_sparse())


def test_no_words_at_all():
    from compare.similarity import similarity_matrix

    S = similarity_matrix(_Features([":"], [":"]))
    assert S.dtype == np.float64 and S.tolist() == [[1.0]]
