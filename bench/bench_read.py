"""How long reading each sample takes: file → Document (read + structure).

Prints a table of medians over repeated runs, with a baseline measured in the
same run: the bare library call that a reader cannot avoid (decoding the text,
python-docx opening the file, pdfium extracting the page text), so the ratio
shows what our own work adds.  Targets (issue 2): < 100 ms per sample, < 500 ms
for the PDF.

    python bench/bench_read.py [--repeat N]
"""
from __future__ import annotations

import argparse
import io
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.api import load  # noqa: E402


def baseline(path: Path) -> None:
    data = path.read_bytes()
    if path.suffix == ".docx":
        import docx

        d = docx.Document(io.BytesIO(data))
        "\n".join(p.text for p in d.paragraphs)
    elif path.suffix == ".pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        try:
            for page in pdf:
                page.get_textpage().get_text_range()
        finally:
            pdf.close()
    else:
        data.decode("utf-8")


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    files = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".md", ".docx", ".pdf", ".txt", ".html") and p.name != "SOURCES.md")
    print(f"# reading samples — {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"median of {args.repeat} runs after one warm-up")
    print(f"{'file':<42} {'paras':>5} {'median ms':>10} {'p90 ms':>8} {'baseline ms':>12} {'ratio':>6} {'target':>7} ok")
    worst_ok = True
    for f in files:
        doc = load(f)  # warm-up (imports, caches)
        ours = timed(lambda: load(f), args.repeat)
        base = timed(lambda: baseline(f), args.repeat)
        med, p90 = statistics.median(ours), sorted(ours)[int(0.9 * (len(ours) - 1))]
        bmed = statistics.median(base)
        target = 500 if f.suffix == ".pdf" else 100
        ok = med < target
        worst_ok &= ok
        print(f"{f.name:<42} {len(doc.paragraphs):>5} {med:>10.1f} {p90:>8.1f} {bmed:>12.1f} {med / bmed if bmed else 0:>6.1f} {target:>7} {'yes' if ok else 'NO'}")
    print("all under target" if worst_ok else "SOME OVER TARGET")


if __name__ == "__main__":
    main()
