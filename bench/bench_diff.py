"""How long the word diff takes on large and typical paragraphs (in-process).

These timings used to be assertions in tests/test_diff.py; a loaded machine made
them fail, so the tests now check the deterministic work budget and this script
prints the times.  Prints medians over repeated runs.

    python bench/bench_diff.py [--repeat N]
"""
from __future__ import annotations

import argparse
import platform
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.diff import diff_texts  # noqa: E402
from tests.support.wordsalad import edited, random_paragraph as paragraph  # noqa: E402


def vocabulary() -> list[str]:
    words: list[str] = []
    for f in sorted((ROOT / "samples").glob("*.md")):
        words += re.findall(r"\w+", f.read_text(encoding="utf-8"))
    return words


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return 1000 * statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    vocab = vocabulary()
    rnd = random.Random(3)
    big = paragraph(rnd, vocab, 20_000)
    cases = [(f"20,000 words, {int(rate * 100)} % edited", big, edited(rnd, vocab, big, rate))
             for rate in (0.01, 0.05, 0.2)]
    cases.append(("3,000 vs 3,000 unrelated words", paragraph(random.Random(4), vocab, 3000),
                  paragraph(random.Random(44), vocab, 3000)))
    typical = [(p, edited(rnd, vocab, p, 0.05)) for p in (paragraph(rnd, vocab, 80) for _ in range(200))]
    print(f"# bench_diff — {platform.machine()}, Python {platform.python_version()}, median of {args.repeat}")
    print(f"| {'case':<36} | {'ms':>9} |")
    print(f"|{'-' * 38}|{'-' * 11}|")
    for name, a, b in cases:
        print(f"| {name:<36} | {median_ms(lambda: diff_texts(a, b), args.repeat):>9.1f} |")
    per_pair = median_ms(lambda: [diff_texts(a, b) for a, b in typical], args.repeat) / len(typical)
    print(f"| {'typical 80-word paragraph, 5 % edited':<36} | {per_pair:>9.2f} |")


if __name__ == "__main__":
    main()
