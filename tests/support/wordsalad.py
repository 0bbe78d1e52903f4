"""Random paragraphs over a real vocabulary and random word-level edits of them: the
inputs of the diff's determinism and budget tests and of bench/bench_diff.py."""
from __future__ import annotations

import random


def random_paragraph(rnd: random.Random, vocab: list[str], n: int) -> str:
    return " ".join(rnd.choice(vocab) for _ in range(n))


def edited(rnd: random.Random, vocab: list[str], text: str, rate: float) -> str:
    """``text`` with about ``rate`` of its words deleted, replaced or followed by an insertion."""
    out: list[str] = []
    for w in text.split(" "):
        r = rnd.random()
        if r < rate / 3:
            continue
        if r < 2 * rate / 3:
            out.append(rnd.choice(vocab))
        elif r < rate:
            out += [w, rnd.choice(vocab)]
        else:
            out.append(w)
    return " ".join(out)
