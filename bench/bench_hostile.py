"""What hostile inputs cost as users meet them: the real CLI in its own process on
generated files (tests/hostile/make_hostile.py), its exit code, wall time and peak
memory (of the process and of its reading/comparing workers).

    python bench/bench_hostile.py

The tests (tests/test_hostile*.py) hold these to one line, exit 2 or the right text,
within 20 s of CPU (process and workers; wall time is the product's own hard limits' business)
and 1.5 GiB; this prints the figures the README quotes, wall time as users meet it.
"""
from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile import make_hostile as mh  # noqa: E402

SAMPLE = ROOT / "samples" / "draft-rev1-2008-11-10.fr.md"


def measure(args: list[str], folder: Path) -> dict:
    out = folder / "measure.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MEASURE_OUT": str(out)}
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "hostile" / "measure.py"), *args],
                          capture_output=True, text=True, timeout=120, env=env)
    wall = time.perf_counter() - t
    m = json.loads(out.read_text()) if out.exists() else {}
    return {"rc": proc.returncode, "wall": wall, "mb": max(m.get("maxrss_mb", 0), m.get("children_maxrss_mb", 0)),
            "said": (proc.stderr.strip().splitlines() or [""])[-1][:90]}


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="rc-hostile-"))
    many = mh.make_many_paragraphs_txt(folder)
    cases = [
        ("100 KB of spaces (.txt)", ["parse", str(mh.make_spaces_txt(folder))]),
        ("100 KB of form feeds (.txt)", ["parse", str(mh.make_form_feeds_txt(folder))]),
        ('"1.\\n" × 100,000 (.txt)', ["parse", str(mh.make_numbers_only_txt(folder))]),
        ("PDF inflating to 700 MiB", ["parse", str(mh.make_pdf_decompression_bomb(folder))]),
        ("19,990 paragraphs against themselves", ["diff", str(many), str(many)]),
        ("the sample against 19,990 paragraphs", ["diff", str(SAMPLE), str(many), "--format", "json"]),
    ]
    print(f"# bench_hostile — {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.2f}")
    print("| input | exit | wall s | peak MB | last line on stderr |")
    print("|---|---:|---:|---:|---|")
    for name, args in cases:
        r = measure(args, folder)
        print(f"| {name} | {r['rc']} | {r['wall']:.2f} | {r['mb']:.0f} | {r['said']} |")


if __name__ == "__main__":
    main()
