"""Run every module-level regular expression applied to read text against long runs of
its hard cases and print the ones whose cost grows super-linearly as JSON:
``python tests/hostile/regex_scan.py [N]``.

The measure is a growth ratio, not a duration: each operation (match, search, finditer,
split) is timed in this thread's CPU time (``time.thread_time``: a busy neighbour or
another thread does not inflate it) on runs of N/16, N/4 and N characters.  Four times
the text costs about four times as much for a linear pattern and sixteen times for a
backtracking (quadratic) one, on any machine and at any load; a step is flagged when its
ratio stays above :data:`GROWTH_LIMIT` in repeated measurements (the least of
:data:`REPEATS`, so a stray interrupt cannot flag a linear pattern).  Steps that cost
less than :data:`FLOOR` CPU seconds are too short to time: a quadratic pattern on 2,500
characters is well above it (a few million backtracking steps).
"""
from __future__ import annotations

import gc
import importlib
import json
import re
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

MODULES = ["compare.structure", "compare.lexicon", "compare.furniture", "compare.language", "compare.tokens",
           "compare.readers.text", "compare.readers.html", "compare.readers.safety", "compare.readers.pdf",
           "compare.numerals", "compare.diff", "compare.classify", "compare.readers.docx.paragraphs",
           "compare.readers.docx.body", "compare.readers.docx.numbering", "compare.readers.docx.equations"]
#: runs of what backtracking patterns trip on: spaces of every kind, digits, letters,
#: punctuation, Markdown marks, labels
UNITS = [" ", "\f", "\n", " \n", "\t", "\u00a0", "a", "1", ",", ".", ":", "*", "-", "_", "#", "(", ")", "[", "]",
         "a ", "1 ", ", ", "a1", "1.", "* ", "a,", "(a) ", "1 a ", "A/", "<sup>", "<!-- ", "\u4e00", "l'", "a-",
         "\ue000", "…", "and "]
#: what each run is wrapped in: bare, then followed or preceded by what makes a match fail late
WRAPS = (("", ""), ("", "x"), ("1. ", "x"), ("x", "\x00"))
N = 10_000                 # the longest run, in characters
STEP = 4                   # runs of N/16, N/4, N characters
GROWTH_LIMIT = 8.0         # linear ≈ 4, quadratic ≈ 16 per 4× the text
FLOOR = 0.001              # CPU seconds: below this a step is too short to time reliably
REPEATS = 3                # measurements of a suspect step; the least counts


def patterns() -> list[tuple[str, re.Pattern]]:
    out = []
    for modname in MODULES:
        mod = importlib.import_module(modname)
        for name, obj in vars(mod).items():
            vals = obj.values() if isinstance(obj, dict) else obj if isinstance(obj, (list, tuple)) else [obj]
            for k, p in enumerate(vals):
                if isinstance(p, re.Pattern):
                    out.append((f"{modname}.{name}[{k}]", p))
    return out


def _finditer(p: re.Pattern, s: str) -> None:
    for _ in p.finditer(s):
        pass


OPS: dict[str, Callable[[re.Pattern, str], object]] = {
    "match": re.Pattern.match, "search": re.Pattern.search, "finditer": _finditer, "split": re.Pattern.split,
}


def _cpu(op: Callable[[re.Pattern, str], object], p: re.Pattern, s: str) -> float:
    t0 = time.thread_time()
    op(p, s)
    return time.thread_time() - t0


def _growth(op: Callable[[re.Pattern, str], object], p: re.Pattern, short: str, long: str,
            repeats: int) -> tuple[float, float]:
    """(cost of the long run, long/short cost ratio), each the least of ``repeats`` runs."""
    a = min(_cpu(op, p, short) for _ in range(repeats))
    b = min(_cpu(op, p, long) for _ in range(repeats))
    return b, b / max(a, 1e-9)


def scan_pattern(name: str, p: re.Pattern, n: int = N) -> dict | None:
    """The first hard case on which ``p`` grows super-linearly, or None."""
    sizes = [n // STEP ** k for k in (2, 1, 0)]
    gc_was_on = gc.isenabled()
    gc.disable()             # a collection in one run and not the other would skew the ratio
    try:
        for u in UNITS:
            for pre, tail in WRAPS:
                runs = [pre + u * (m // len(u)) + tail for m in sizes]
                for opname, op in OPS.items():
                    for short, long in zip(runs, runs[1:]):
                        cost, ratio = _growth(op, p, short, long, 1)
                        if cost < FLOOR or ratio <= GROWTH_LIMIT:
                            continue
                        cost, ratio = _growth(op, p, short, long, REPEATS)     # a suspect: confirm
                        if cost >= FLOOR and ratio > GROWTH_LIMIT:
                            return {"pattern": name, "unit": u, "pre": pre, "tail": tail, "op": opname,
                                    "chars": len(long), "growth": round(ratio, 1)}
    finally:
        if gc_was_on:
            gc.enable()
    return None


def scan(n: int = N) -> list[dict]:
    return [f for name, p in patterns() if (f := scan_pattern(name, p, n)) is not None]


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else N
    print(json.dumps({"patterns": len(patterns()), "slow": scan(n)}))
