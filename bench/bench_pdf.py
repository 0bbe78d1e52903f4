"""How long writing the PDF of a comparison takes (issue 17: the bundled pair in ≤ 2 s).

Two figures per view, medians over repeated runs:

* **whole process** — ``python -m compare diff OLD NEW --format pdf -o OUT.pdf``: interpreter start,
  imports (WeasyPrint, Pango), reading, comparing, laying out and writing — what a user waits for
  (wall time, and the CPU time it used: on a busy machine the better guess of an idle one's wall time);
* **in process** — ``comparison_pdf`` alone with everything imported and the comparison made
  (what the app's download button costs after the first one), split into layout and PDF writing.

    python bench/bench_pdf.py [--repeat N]
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare import api  # noqa: E402
from compare.export.pdf import VIEWS, comparison_pdf, print_html  # noqa: E402

PAIRS = {
    "bundled pair (fr, 25 → 26 ¶)": ["draft-rev1-2008-11-10.fr.md", "draft-rev2-illustrative.fr.md"],
    "lineage 61/180 → 63/194 → 64/178": ["A-RES-61-180.en.md", "A-RES-63-194.en.md", "A-RES-64-178.en.md"],
}


def whole_process(files: list[Path], view: str, out: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of the CLI run; on a loaded machine the CPU time is the
    better guess of the wall time on an idle one (the work is single-threaded)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "compare", "diff", *map(str, files), "--format", "pdf", "--view", view,
                    "-o", str(out)], cwd=ROOT, check=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def in_process(comparisons, view: str) -> tuple[float, float, float]:
    """(total, layout, writing) seconds."""
    import weasyprint

    t0 = time.perf_counter()
    doc = weasyprint.HTML(string=print_html(comparisons, view)).render()
    t1 = time.perf_counter()
    doc.write_pdf()
    t2 = time.perf_counter()
    return t2 - t0, t1 - t0, t2 - t1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    import weasyprint

    print(f"# PDF export · Python {platform.python_version()} · WeasyPrint {weasyprint.__version__} · "
          f"{platform.machine()} · {os.cpu_count()} cores · load average {os.getloadavg()[0]:.1f}")
    print()
    print("| comparison | view | pages | whole process: wall | CPU | in process: total | layout | write |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, files in PAIRS.items():
            paths = [ROOT / "samples" / f for f in files]
            comparisons = api.compare_versions([api.load(p) for p in paths]).comparisons
            comparison_pdf(comparisons, "inline")                  # warm: fonts, stylesheets
            for view in VIEWS:
                out = Path(tmp) / f"{view}.pdf"
                procs = [whole_process(paths, view, out) for _ in range(args.repeat)]
                wall, cpu = (statistics.median(r[k] for r in procs) for k in range(2))
                runs = [in_process(comparisons, view) for _ in range(args.repeat)]
                total, layout, write = (statistics.median(r[k] for r in runs) for k in range(3))
                info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout \
                    if os.path.exists("/usr/bin/pdfinfo") else ""
                pages = next((ln.split()[-1] for ln in info.splitlines() if ln.startswith("Pages:")), "?")
                print(f"| {name} | {view} | {pages} | {wall:.2f} s | {cpu:.2f} s | {total:.2f} s | {layout:.2f} s "
                      f"| {write:.2f} s |")


if __name__ == "__main__":
    main()
