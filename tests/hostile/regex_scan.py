"""Run every module-level regular expression applied to read text against long runs of
its hard cases and print the slow ones as JSON: ``python tests/hostile/regex_scan.py N``.

A pattern with super-linear backtracking takes seconds on a 50,000-character run
where a linear one takes milliseconds; the test runs this in a bounded child process.
"""
from __future__ import annotations

import importlib
import json
import re
import sys
import time
from pathlib import Path

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


def scan(n: int, bound: float) -> list[dict]:
    slow = []
    for name, p in patterns():
        for u in UNITS:
            for pre, tail in (("", ""), ("", "x"), ("1. ", "x"), ("x", "\x00")):
                s = pre + u * (n // len(u)) + tail
                t0 = time.perf_counter()
                p.match(s)
                p.search(s)
                for _ in p.finditer(s):
                    pass
                p.split(s)
                d = time.perf_counter() - t0
                if d > bound:
                    slow.append({"pattern": name, "unit": u, "pre": pre, "tail": tail, "seconds": round(d, 2)})
                    break
    return slow


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    bound = float(sys.argv[2]) if len(sys.argv) > 2 else 2.0
    print(json.dumps({"patterns": len(patterns()), "slow": scan(n, bound)}))
