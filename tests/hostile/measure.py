"""Run the real CLI (``compare.cli.main``) on one or more files in THIS process and
report its cost: ``python tests/hostile/measure.py parse FILE [--format json]``.

stdout/stderr and the exit code are the CLI's own; when ``MEASURE_OUT`` names a file,
a JSON line {"rc", "cpu_seconds", "wall_seconds", "maxrss_mb", "baseline_mb",
"children_maxrss_mb"} is written there: the CPU seconds the command spent, in this
process and in the worker processes it started (what the tests bound: load-independent,
tests/support/cpu.py), its wall time (for people reading a failure; never asserted), the
peak resident memory of this process, its peak after imports, before reading, and the
largest peak of its worker processes.
"""
from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

# as ``python -m compare`` starts (compare/__main__.py): one OpenBLAS thread, so no idle
# BLAS thread spins on the other core and counts in the CPU seconds
if "OPENBLAS_NUM_THREADS" not in os.environ and "OMP_NUM_THREADS" not in os.environ:
    os.environ["OPENBLAS_NUM_THREADS"] = "1"

from tests.support.cpu import cpu_seconds  # noqa: E402


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _children_rss_mb() -> float:
    """Peak of the worker processes that read or compared (0 when none ran)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> int:
    from compare import cli  # noqa: F401 — import everything the CLI needs first
    from compare.readers import docx, html, pdf, text  # noqa: F401
    import pypdfium2  # noqa: F401

    baseline = _rss_mb()
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    rc = 1
    try:
        rc = cli.main(sys.argv[1:])
    finally:
        out = os.environ.get("MEASURE_OUT")
        if out:
            with open(out, "w") as fh:
                json.dump({"rc": rc, "cpu_seconds": cpu_seconds() - cpu0, "wall_seconds": time.perf_counter() - t0,
                           "maxrss_mb": _rss_mb(), "baseline_mb": baseline,
                           "children_maxrss_mb": _children_rss_mb()}, fh)
    return rc


if __name__ == "__main__":
    sys.exit(main())
