"""Legitimate but large inputs load in bounded CPU time (generous bounds; figures are in bench/),
and large comparisons take the fast paths without changing a result."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from compare import similarity
from compare.align import AlignParams, align
from compare.align.anchors import _anchors, _column_argmax, _column_count_above
from compare.api import compare, load_text
from compare.model import CompareOptions, Document, Metadata
from compare.sequences import longest_increasing_subsequence
from tests.support import synthetic
from tests.support.cpu import cpu_spent


def test_two_thousand_numbered_paragraphs():
    text = "The General Assembly,\n\n" + "\n\n".join(
        f"{i}. Urges Member States to act on matter number {i} concerning trafficking in persons;" for i in range(1, 2001)
    )
    doc = load_text(text)
    assert [p.id for p in doc.paragraphs][-1] == "OP2000"
    assert len(doc.operative) == 2000


def test_paragraph_of_twenty_thousand_words_is_fast():
    words = " ".join(f"word{i % 700} resolution {i % 90} of States" for i in range(4000))
    with cpu_spent() as spent:
        doc = load_text(f"The General Assembly,\n\nRecalling {words},\n\n1. Decides to remain seized of the matter.")
    assert spent.seconds < 10  # CPU seconds; was quadratic (75 s) before a bounded look-behind window
    assert [p.id for p in doc.paragraphs] == ["PP1", "OP1"]
    assert len(doc.by_id("PP1").text.split()) > 20000
    edited = load_text(f"The General Assembly,\n\nRecalling {words.replace('word5 ', 'term5 ')},\n\n1. Decides to remain seized of the matter.")
    cmp = compare(doc, edited)
    assert [p.status for p in cmp.pairs] == ["modified", "unchanged"]


def _chained(k: int) -> tuple[Document, Document]:
    """``k`` synthetic revisions of the French draft one after the other: the old side repeats
    the draft ``k`` times (every paragraph has ``k - 1`` identical twins: ties everywhere)."""
    def renamed(doc: Document, tag: int) -> list:
        return [dataclasses.replace(p, id=f"{tag}-{p.id}", parent=f"{tag}-{p.parent}" if p.parent else p.parent)
                for p in doc.paragraphs]

    pairs = synthetic.generate_pairs(k, 7)
    old = Document(meta=Metadata(language="fr"), paragraphs=[p for t, (a, _, _) in enumerate(pairs) for p in renamed(a, t)])
    new = Document(meta=Metadata(language="fr"), paragraphs=[p for t, (_, b, _) in enumerate(pairs) for p in renamed(b, t)])
    return old, new


def _groups(old: Document, new: Document) -> list:
    return sorted((tuple(g.old), tuple(g.new), g.similarity, g.out_of_scope)
                  for g in align(old, new, CompareOptions(fragment=False)))


def test_common_features_by_matrix_product_align_alike(monkeypatch):
    """Summing the common features by one matrix product (large pairs) changes no group and no
    similarity: the weights are exact binary fractions, so every order of addition agrees."""
    old, new = _chained(12)
    monkeypatch.setattr(similarity, "SPLIT_ABOVE", 10 ** 12)
    plain = _groups(old, new)
    monkeypatch.setattr(similarity, "SPLIT_ABOVE", 0)
    for share in (0.0, 0.005, 0.2):
        monkeypatch.setattr(similarity, "COMMON_SHARE", share)
        assert _groups(old, new) == plain


def _anchors_by_sorting(S: np.ndarray, P: AlignParams) -> list[tuple[int, int]]:
    """The definition: mutual best, at least anchor_min, second best of the row and of the
    column at most best - anchor_margin (np.partition), in an order-consistent subset."""
    n, m = S.shape
    rbest, cbest = S.argmax(axis=1), S.argmax(axis=0)
    best = S[np.arange(n), rbest]
    r2 = np.partition(S, m - 2, axis=1)[:, m - 2] if m > 1 else np.full(n, -1.0)
    c2 = np.partition(S, n - 2, axis=0)[n - 2, :] if n > 1 else np.full(m, -1.0)
    ok = (best >= P.anchor_min) & (cbest[rbest] == np.arange(n))
    ok &= (r2 <= best - P.anchor_margin) & (c2[rbest] <= best - P.anchor_margin)
    out = [(int(i), int(rbest[i])) for i in np.nonzero(ok)[0]]
    return [out[k] for k in longest_increasing_subsequence([j for _, j in out])]


@pytest.mark.parametrize("shape", [(1, 1), (1, 7), (7, 1), (40, 30), (300, 280), (600, 20)])
def test_anchors_by_counting_rivals_match_the_definition(shape):
    rng = np.random.default_rng(sum(shape))
    for margin in (0.08, 0.0):
        P = AlignParams(anchor_margin=margin)
        # coarse values: ties of the best, rivals exactly at the margin
        S = np.round(rng.random(shape) ** 3 * 25) / 25
        for i in range(min(shape)):
            S[i, i] = 0.9 if i % 3 else S[i, i]
        assert _anchors(S, P) == _anchors_by_sorting(S, P)


def test_column_passes_by_blocks():
    rng = np.random.default_rng(3)
    S = np.round(rng.random((530, 41)) * 7)        # many equal maxima: the first one counts
    assert np.array_equal(_column_argmax(S, block=16), S.argmax(axis=0))
    thr = rng.random(41) * 7
    assert np.array_equal(_column_count_above(S, thr, block=16), (S > thr).sum(axis=0))


def _aligned(old: Document, new: Document, **kw) -> list:
    return sorted((tuple(g.old), tuple(g.new), g.similarity, g.out_of_scope)
                  for g in align(old, new, CompareOptions(fragment=False), **kw))


def _large_path_taken(old: Document, new: Document) -> bool:
    from compare.align import DEFAULT_PARAMS
    from compare.align.large import _large_scores
    from compare.similarity import _Features

    feat = _Features([p.text for p in old.paragraphs], [p.text for p in new.paragraphs])
    return _large_scores(feat, DEFAULT_PARAMS) is not None


def test_large_path_aligns_like_the_dense_matrix_on_real_revisions():
    """Reading the similarity entry by entry (large pairs) gives the very groups and similarities of
    the dense matrix: on every bundled pair of versions, the large path forced on (threshold 0)
    wherever most paragraphs are untouched, and on chained revisions full of identical twins."""
    from compare.api import load
    from pathlib import Path

    samples = Path(__file__).resolve().parent.parent / "samples"
    docs = [load(p) for p in sorted(samples.glob("*.md"))]
    pairs = [(a, b) for a in docs for b in docs if a is not b and a.meta.language == b.meta.language]
    pairs += [(a, b) for a, b, _ in synthetic.generate_pairs(6, 11)] + [_chained(4)]
    taken = 0
    for old, new in pairs:
        taken += _large_path_taken(old, new)
        assert _aligned(old, new, large_pairs=0) == _aligned(old, new, large_pairs=10 ** 12)
    assert taken >= 6


def test_large_path_aligns_like_the_dense_matrix_on_a_long_revision():
    """A 1,500-paragraph revision (bench_align.big_pair: edits, moves, splits, insertions, deletions
    among untouched paragraphs): the same groups both ways, every paragraph in exactly one group."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from bench_align import big_pair

    old, new, _ = big_pair(1500, seed=1500)
    assert _large_path_taken(old, new)
    large = _aligned(old, new, large_pairs=0)
    assert large == _aligned(old, new, large_pairs=10 ** 12)
    assert sorted(i for g in large for i in g[0]) == sorted(p.id for p in old.paragraphs)
    assert sorted(j for g in large for j in g[1]) == sorted(p.id for p in new.paragraphs)


@given(st.data())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_large_path_aligns_like_the_dense_matrix_on_shuffled_revisions(data):
    """Versions built from the French draft's paragraphs — some kept, some repeated (twins that
    are no anchor), emptied, cut in two, reordered — align alike both ways."""
    import random

    base = synthetic.base_document().paragraphs
    rng = random.Random(data.draw(st.integers(0, 10 ** 6)))
    texts = [p.text for p in base]

    def variant(t: str) -> str:
        w = t.split()
        r = rng.random()
        if r < 0.1:
            return ""
        if r < 0.2 and len(w) > 4:
            return " ".join(w[: len(w) // 2])
        if r < 0.35:
            return " ".join(x if rng.random() > 0.3 else "changed" for x in w)
        return t

    old_t = [rng.choice(texts) if rng.random() < 0.15 else t for t in texts]
    new_t = [variant(t) for t in old_t if rng.random() > 0.1]
    for _ in range(rng.randrange(4)):
        k = rng.randrange(len(new_t))
        new_t.insert(rng.randrange(len(new_t)), new_t.pop(k))
    old = Document(meta=Metadata(language="fr"), paragraphs=[
        dataclasses.replace(base[0], id=f"O{k}", text=t, parent=None, level=0) for k, t in enumerate(old_t)])
    new = Document(meta=Metadata(language="fr"), paragraphs=[
        dataclasses.replace(base[0], id=f"N{k}", text=t, parent=None, level=0) for k, t in enumerate(new_t)])
    assert _aligned(old, new, large_pairs=0) == _aligned(old, new, large_pairs=10 ** 12)
