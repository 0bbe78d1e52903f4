"""What every revision generator (synthetic.py, negotiation.py, rounds.py, amendments.py, consultations.py)
must give, checked the same way for each: truth that accounts for every paragraph once, the kinds of
change negotiators meet, and the same revisions for the same seed; and how a generator's blocks make
their truth groups (groups_by_source), which the two held-out ones share."""
from __future__ import annotations

import random
from collections import Counter
from pathlib import Path
from typing import Callable, Optional, Sequence

KINDS = {"unchanged", "modified", "inserted", "deleted", "split", "merged"}


def groups_by_source(new: Sequence) -> list[tuple[tuple[int, ...], tuple[int, ...], str]]:
    """(old positions, new positions, tag) of each group a generator's new blocks make by their
    ``src`` (the old positions a block descends from; ``tag``: the class it illustrates): several
    sources make a merge, an old paragraph with several descendants a split; in new order."""
    by_src: dict[int, list[int]] = {}
    for j, b in enumerate(new):
        if len(b.src) == 1:
            by_src.setdefault(b.src[0], []).append(j)
    groups: list[tuple[tuple[int, ...], tuple[int, ...], str]] = []
    for j, b in enumerate(new):
        if len(b.src) > 1:
            assert all(s not in by_src for s in b.src), "a merged paragraph's source was also kept or split"
            groups.append((tuple(sorted(b.src)), (j,), b.tag))
    for i, js in by_src.items():
        groups.append(((i,), tuple(js), next((new[j].tag for j in js if new[j].tag), "")))
    groups.sort(key=lambda g: g[1][0])
    return groups


def check_truth(old, new, truth) -> None:
    """Every paragraph of both versions in exactly one truth group, groups well formed."""
    seen_old = Counter(o for t in truth for o in t.old)
    seen_new = Counter(n for t in truth for n in t.new)
    assert seen_old == Counter(p.id for p in old.paragraphs)
    assert seen_new == Counter(p.id for p in new.paragraphs)
    for t in truth:
        assert t.kind in KINDS
        assert t.old or t.new
        assert not (len(t.old) > 1 and len(t.new) > 1)
        assert (t.kind == "merged") == (len(t.old) > 1)
        assert (t.kind == "split") == (len(t.new) > 1)
    for doc in (old, new):
        ids = [p.id for p in doc.paragraphs]
        assert len(ids) == len(set(ids))
        for p in doc.paragraphs:
            assert p.text and p.text == p.text.strip()
            assert p.level == 0 or p.parent in ids


def check_varied(pairs: Sequence[tuple]) -> None:
    """Generated (old, new, truth) revisions hold every kind of change, a paragraph both moved and
    edited, and well-formed truth."""
    kinds = Counter(t.kind for _, _, truth in pairs for t in truth)
    assert {"modified", "split", "merged", "inserted", "deleted"} <= set(kinds)
    assert any(t.moved and t.edited for _, _, truth in pairs for t in truth)
    for old, new, truth in pairs:
        check_truth(old, new, truth)


def check_deterministic(generate_class_pairs: Callable, classes: list[str]) -> None:
    """The same seed gives the same revisions and the same truth."""
    a = generate_class_pairs(2, 11, classes)
    b = generate_class_pairs(2, 11, classes)
    assert [[p.text for p in n.paragraphs] for _, _, n, _ in a] == [[p.text for p in n.paragraphs] for _, _, n, _ in b]
    assert [t for *_, t in a] == [t for *_, t in b]


def check_class_cases(make_class_case: Callable, cls: str, cases: int, tagged_at_least: int) -> None:
    """``cases`` cases of class ``cls``: truth well formed, and at least ``tagged_at_least`` truth
    groups carry the class's tag (the class's change really happened)."""
    tagged = 0
    for i in range(cases):
        old, new, truth = make_class_case(cls, random.Random(f"test:{cls}:{i}"))
        check_truth(old, new, truth)
        tagged += sum(t.tag == cls for t in truth)
    assert tagged >= tagged_at_least


def truth_holds(case: tuple) -> Optional[tuple]:
    """``case`` (old, new, truth) if its truth is consistent (:func:`check_truth`), else None: a
    generator redraws such a case rather than emit it."""
    try:
        check_truth(*case)
    except AssertionError:
        return None
    return case


def check_every_sample_is_a_base(generate_class_pairs: Callable, cls: str) -> None:
    """Over as many cases as samples, each sample of samples/ is a base once, in its own language."""
    names = {f.name for f in (Path(__file__).resolve().parents[2] / "samples").glob("*.md")} - {"SOURCES.md"}
    cases = generate_class_pairs(len(names), 3, [cls])
    assert Counter(old.meta.language for _, old, _, _ in cases) == Counter(n.split(".")[-2] for n in names)
