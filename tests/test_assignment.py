"""compare.assignment against scipy.optimize.linear_sum_assignment (hypothesis)."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra.numpy import arrays
from scipy.optimize import linear_sum_assignment

from compare import assignment
from compare.assignment import max_assignment

shapes = st.tuples(st.integers(0, 12), st.integers(0, 12))
# few distinct values: many ties, where the choice of solver would show
values = st.one_of(st.sampled_from([0.0, 0.0, 0.5, 1.0, 1.0]),
                   st.floats(0.0, 2.0, allow_nan=False, allow_infinity=False))


@settings(max_examples=400, deadline=None)
@given(shapes.flatmap(lambda s: arrays(np.float64, s, elements=values)))
def test_same_total_and_same_pairs_as_scipy(gain):
    r, c = max_assignment(gain)
    rs, cs = linear_sum_assignment(gain, maximize=True)
    assert len(r) == min(gain.shape) == len(set(r.tolist())) == len(set(c.tolist()))
    assert gain[r, c].sum() == pytest.approx(gain[rs, cs].sum(), abs=1e-9)
    # the same algorithm as SciPy's, so even ties resolve the same way
    assert r.tolist() == rs.tolist() and c.tolist() == cs.tolist()


def test_large_matrices_go_to_scipy(monkeypatch):
    gain = np.random.default_rng(1).random((30, 40))
    small = max_assignment(gain)
    monkeypatch.setattr(assignment, "SCIPY_ABOVE", 10)
    big = max_assignment(gain)
    assert all(np.array_equal(a, b) for a, b in zip(small, big))


def test_rejects_nan():
    with pytest.raises(ValueError):
        max_assignment(np.array([[np.nan, 1.0]]))
