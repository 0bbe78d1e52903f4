"""How fast the Streamlit app answers: first render of the samples, then filter and view changes.

Prints a table of medians.  Two ways of measuring:

* **AppTest** (``streamlit.testing.v1``): the script run alone, no browser —
  a cold first run in this process, then cached reruns after a filter or a
  view change.
* **Browser** (when Playwright and Debian's ``chromium`` are present): the real
  app served by ``streamlit run``; time from opening the page to the last row
  of the side-by-side table in the DOM, and from a click on a filter to the
  table redrawn.  Skipped with the reason otherwise.

Targets (issue 5): first render under 2 s once the server is up; a filter or
view change under 300 ms (cached).

    python bench/bench_app.py [--repeat N] [--no-browser]
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
APP = str(ROOT / "ui" / "app.py")
LINEAGE = "Lineage: 61/180 → 63/194 → 64/178 (English excerpts)"
DRAFT = "2008 draft: Rev.1 → Rev.2 (illustrative), French"


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def apptest(repeat: int) -> list[tuple[str, list[float], float]]:
    import logging

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    from streamlit.testing.v1 import AppTest

    out = []
    at = AppTest.from_file(APP, default_timeout=120)
    cold = timed(at.run)
    out.append(("AppTest: first run, cold process (imports + read + compare)", [cold], 2.0))
    out.append(("AppTest: rerun, nothing changed", [timed(at.run) for _ in range(repeat)], 0.3))

    def toggle():
        w = at.toggle(key="changes_only")
        w.set_value(not w.value).run()

    out.append(("AppTest: filter 'changes only' on/off", [timed(toggle) for _ in range(repeat)], 0.3))

    def search(k=[0]):
        k[0] += 1
        at.text_input(key="search").set_value("Protocole" if k[0] % 2 else "").run()

    out.append(("AppTest: text search", [timed(search) for _ in range(repeat)], 0.3))

    def status():
        w = at.multiselect(key="statuses")
        w.set_value([] if w.value else ["modified", "deleted"]).run()

    out.append(("AppTest: status filter", [timed(status) for _ in range(repeat)], 0.3))
    at.selectbox(key="example").set_value(LINEAGE).run()     # warm the second view once
    at.selectbox(key="example").set_value(DRAFT).run()

    def view(k=[0]):
        k[0] += 1
        at.selectbox(key="example").set_value(LINEAGE if k[0] % 2 else DRAFT).run()

    out.append(("AppTest: view change (pair ↔ 3-version lineage, cached)", [timed(view) for _ in range(repeat)], 0.3))
    return out


def browser(repeat: int, launcher: str) -> tuple[list[tuple[str, list[float], float]], str]:
    chromium = os.environ.get("RC_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return [], "browser: skipped (the playwright Python package is not installed)"
    if not Path(chromium).exists():
        return [], f"browser: skipped (no Chromium at {chromium})"
    sys.path.insert(0, str(ROOT / "tests"))
    import subprocess

    from test_app_e2e import CHROMIUM_ARGS, ROWS, free_port, serve, wait_healthy

    out = []
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    if launcher == "streamlit run":
        proc = serve(port)
    else:   # ui/serve.py: the same server, library imported before it reports itself up
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "ui" / "serve.py"), "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        up = wait_healthy(url, proc)
        out.append((f"[{launcher}] server start until healthy", [up], float("nan")))
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = b.new_page(viewport={"width": 1400, "height": 1000})

            def first_render():
                page.goto(url)
                page.wait_for_function(f"document.querySelectorAll('{ROWS}').length === 26", timeout=60_000)

            cold = timed(first_render)
            out.append((f"[{launcher}] browser: first render of the samples", [cold], 2.0))
            warm = []
            for _ in range(repeat):
                page.goto("about:blank")
                warm.append(timed(first_render))
            out.append((f"[{launcher}] browser: page load, new session (cached)", warm, 2.0))

            fresh = []
            for _ in range(max(3, repeat // 2)):
                ctx = b.new_context(viewport={"width": 1400, "height": 1000})
                pg = ctx.new_page()
                t0 = time.perf_counter()
                pg.goto(url)
                pg.wait_for_function(f"document.querySelectorAll('{ROWS}').length === 26", timeout=60_000)
                fresh.append(time.perf_counter() - t0)
                ctx.close()
            out.append((f"[{launcher}] browser: fresh browser (no HTTP cache), warm server", fresh, 2.0))

            def toggle(k=[0]):
                k[0] += 1
                page.get_by_text("Changes only", exact=True).click()
                n = 8 if k[0] % 2 else 26
                page.wait_for_function(f"document.querySelectorAll('{ROWS}').length === {n}", timeout=30_000)

            out.append((f"[{launcher}] browser: click 'changes only' → table redrawn",
                        [timed(toggle) for _ in range(repeat * 2)], 0.3))
            b.close()
    finally:
        proc.terminate()
        proc.wait(10)
    return out, ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args()
    rows = apptest(args.repeat)
    note = ""
    if not args.no_browser:
        for launcher in ("streamlit run", "ui/serve.py"):
            more, note = browser(args.repeat, launcher)
            rows += more
    import streamlit

    print(f"Resolution Compare app — Python {platform.python_version()}, streamlit {streamlit.__version__}, "
          f"{os.cpu_count()} CPUs; medians of {args.repeat} runs (single runs where n=1)")
    print(f"{'measure':<66} {'n':>3} {'median ms':>10} {'max ms':>8} {'target':>8}  ok")
    for name, xs, target in rows:
        med, mx = statistics.median(xs) * 1000, max(xs) * 1000
        tgt = "" if target != target else f"{target * 1000:.0f}"
        ok = "" if target != target else ("yes" if med <= target * 1000 else "NO")
        print(f"{name:<66} {len(xs):>3} {med:>10.0f} {mx:>8.0f} {tgt:>8}  {ok}")
    if note:
        print(note)


if __name__ == "__main__":
    main()
