"""Run the real CLI on hostile files in a child process bounded in time and memory, and
check the guarantees every hostile input must keep: exit 0 with output or exit 2 with
one line, no traceback, within 20 CPU seconds and 1.5 GiB, input untouched, no file
content in the message.

Time is CPU time of the CLI and its workers (tests/support/cpu.py), never wall time: a
busy CI machine stretches the one, not the other.  A stall that spends no CPU is stopped
by the product's own worker time limit; the ``subprocess`` timeout is only a watchdog so
that a hang fails the test instead of stalling CI."""
from __future__ import annotations

import hashlib
import json
import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MEASURE = ROOT / "tests" / "hostile" / "measure.py"
TIME_BOUND = 20.0                 # CPU seconds, the whole CLI run and its workers
MEM_BOUND_MB = 1536               # peak resident memory of the CLI and its worker
HARD_AS = 6 << 30                 # address-space cap so a regression cannot take the machine down


@dataclass
class Run:
    rc: int
    stdout: str
    stderr: str
    cpu_seconds: float
    peak_mb: float


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def _cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (HARD_AS, HARD_AS))


def run_cli(tmp: Path, *args: str, timeout: float = 120) -> Run:
    """``python tests/hostile/measure.py ARGS`` with an empty TMPDIR; its cost includes
    any worker process it started (``RUSAGE_CHILDREN``).  ``timeout`` is a watchdog, not a
    speed bound: far above any limit of the product, it turns a hang into a failure."""
    tmpdir = tmp / "child-tmp"
    tmpdir.mkdir(exist_ok=True)
    stats = tmp / "stats.json"
    env = {**os.environ, "TMPDIR": str(tmpdir), "MEASURE_OUT": str(stats), "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, str(MEASURE), *args], cwd=ROOT, capture_output=True, timeout=timeout,
                          env=env, preexec_fn=_cap)
    cost = json.loads(stats.read_text()) if stats.exists() else {"cpu_seconds": float("inf"), "maxrss_mb": 0}
    stats.unlink(missing_ok=True)
    assert list(tmpdir.iterdir()) == [], "temporary files left behind"
    peak = max(cost.get("maxrss_mb", 0), cost.get("children_maxrss_mb", 0))
    return Run(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"), cost["cpu_seconds"], peak)


def check_guarantees(run: Run, inputs: list[Path], before: list[tuple[str, int]], secrets: tuple[str, ...] = (),
                     time_bound: float = TIME_BOUND) -> None:
    """The guarantees of every hostile run (see the module docstring); ``time_bound`` (CPU
    seconds) for a run whose own stages may each take up to their limit (reading, then comparing)."""
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    assert run.rc in (0, 2), (run.rc, run.stderr[-2000:])
    if run.rc == 2:
        lines = run.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), run.stderr
        assert run.stdout == ""
    assert run.cpu_seconds < time_bound, run.cpu_seconds
    assert run.peak_mb < MEM_BOUND_MB, run.peak_mb
    for s in secrets:
        assert s not in run.stderr
    assert [fingerprint(p) for p in inputs] == before, "an input file was modified"
