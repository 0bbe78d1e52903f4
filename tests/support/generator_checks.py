"""What every revision generator (synthetic.py, negotiation.py, rounds.py, amendments.py) must give, checked the
same way for each: truth that accounts for every paragraph once, the kinds of change negotiators
meet, and the same revisions for the same seed."""
from __future__ import annotations

import random
from collections import Counter
from typing import Callable, Sequence

KINDS = {"unchanged", "modified", "inserted", "deleted", "split", "merged"}


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
