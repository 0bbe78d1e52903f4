"""How fast the Streamlit app answers: the first comparison after the page opens, then filter and view changes.

Prints a table of medians, with the load average at start and end (other jobs on the machine
slow every figure: compare runs made together, and read the CPU-time rows as the work done).

* **AppTest** (``streamlit.testing.v1``): the script run alone, no browser — a cold first run in
  this process, cached reruns after a filter or a view change, and the script's first run in a new
  process as ``streamlit run`` has it (our imports, reading the samples, comparing, rendering) and
  after ``ui/serve.py``'s warm-up, wall and CPU time.
* **The script's first run, by part** (cProfile, CPU time, a new process each): ``st.set_page_config``,
  reading the sidebar's values (the versions read, ordered, labelled), the main area (the table's
  fragment, the table's HTML, the chart), the sidebar's widgets, the downloads' button, and
  Streamlit's own cost of sending the elements — as ``streamlit run`` has it and after the warm-up.
* **First page, decomposed** (Playwright and Debian's ``chromium``): for each launcher
  (``streamlit run``; ``ui/serve.py`` = ``./dev app``) a freshly started server is opened by a
  *fresh* browser profile and by a *warm* one (a profile that has opened the app twice before, so
  its cache holds Streamlit's static files), interleaved.  A script injected before Streamlit's
  own stamps, from navigation start: the page HTML; Streamlit's static bundle fetched and
  evaluated until its websocket is created; the session start (websocket created → first
  message); our script until the message carrying the table arrives (as the page's main thread
  sees it: a busy page handles the message late); the browser drawing the table (that message →
  its rows in the DOM); the total; then the widgets sent after the table (sidebar, filters, change
  navigation) until all are drawn, and that page-complete time from navigation start.
* **Browser, one server**: a new session on a warm server cache, and a click on "Changes only"
  until the table is redrawn.

Targets (issues 12 and 15): the first comparison ≤ 1.5 s after the page opens with ``./dev app``
and ≤ 2 s with plain ``streamlit run``; a filter change ≤ 300 ms.

The measured servers compile our modules from source in each process (this machine writes no
bytecode); ``--bytecode`` keeps it in a temporary folder, as a checkout started a second time has it.
The servers keep the bundled examples' comparisons in the user's cache folder (``ui/diskcache.py``):
the first server started fills it, as a delegate's first start does.  ``--against DIR`` adds another
checkout's launchers (e.g. ``git archive`` of the previous commit, with its ``.venv``) to the first-page
rounds, interleaved with ours (the machine's speed drifts: compare within one run).  ``--open-at-url``
opens each first page as soon as the server prints its URL instead of once it answers its health check
(plain ``streamlit run`` prints it before the app's startup work).

    python bench/bench_app.py [--repeat N] [--first N] [--no-browser] [--only-first] [--busy N] [--bytecode]
                              [--against DIR] [--open-at-url]
"""
from __future__ import annotations

import argparse
import itertools
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


# In the page, before Streamlit's own scripts: stamp (performance.now(), ms from navigation start) when the
# websocket is created and opened, its first message, the message carrying the table, and the table's rows in the DOM.
PROBE = """(() => {
  const T = window.__rc = {}, COMPLETE = %s;
  const Native = window.WebSocket;
  const dec = new TextDecoder('latin1');
  function Probe(...args) {
    const ws = new Native(...args);
    if (T.ws_created === undefined) T.ws_created = performance.now();
    ws.addEventListener('open', () => { if (T.ws_open === undefined) T.ws_open = performance.now(); });
    ws.addEventListener('message', ev => {
      const now = performance.now();
      if (T.first_msg === undefined) T.first_msg = now;
      if (T.table_msg === undefined && ev.data instanceof ArrayBuffer && dec.decode(ev.data).includes('data-status='))
        T.table_msg = now;
    });
    return ws;
  }
  Probe.prototype = Native.prototype;
  for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) Probe[k] = Native[k];
  window.WebSocket = Probe;
  new MutationObserver(() => {
    if (T.rows === undefined && document.querySelectorAll('%s').length >= %d) T.rows = performance.now();
    if (T.complete === undefined && COMPLETE.every(s => document.querySelector(s))) T.complete = performance.now();
  }).observe(document, {childList: true, subtree: true});
})();"""
#: The page is complete once these are drawn: the sidebar's widgets (the last sent), the filters and the navigation.
COMPLETE = ["[data-testid=stSidebar] [data-testid=stFileUploader]", "[data-testid=stSidebar] [data-testid=stCheckbox]",
            "[data-testid=stMain] [data-testid=stMultiSelect]", ".st-key-rc_navbar button"]
READ_PROBE = """() => { const T = {...window.__rc};
  const nav = performance.getEntriesByType('navigation')[0];
  const stat = performance.getEntriesByType('resource').filter(r => r.name.includes('/static/') && r.startTime < T.ws_created);
  T.html = nav.responseEnd; T.origin = performance.timeOrigin;
  T.static_end = Math.max(0, ...stat.map(r => r.responseEnd));
  T.static_n = stat.length;
  T.static_kb = stat.reduce((a, r) => a + r.transferSize, 0) / 1024;
  return T; }"""
N_ROWS = 26
#: The decomposition, each part (name, from, to) on the page's clock.
PARTS = [
    ("page HTML", None, "html"),
    ("Streamlit's static bundle: fetch + evaluate, until the websocket opens", "html", "ws_created"),
    ("  of which: static files fetched (last one ends)", "html", "static_end"),
    ("websocket session start (created → first message)", "ws_created", "first_msg"),
    ("our script until the table is sent (server side)", "first_msg", "table_msg"),
    ("browser drawing the table (message → rows in the DOM)", "table_msg", "rows"),
    ("TOTAL navigation start → first comparison visible", None, "rows"),
    ("then the widgets (rows → sidebar, filters, navigation drawn)", "rows", "complete"),
    ("page complete: navigation start → every widget drawn", None, "complete"),
]


def probe() -> str:
    """The page's probe script (see PROBE)."""
    import json

    return PROBE % (json.dumps(COMPLETE), "table.rc tbody tr[data-status]", N_ROWS)


#: Another checkout to measure against (``--against DIR``): its launchers are named "DIR-name: launcher".
AGAINST: dict[str, Path] = {}


def start_server(launcher: str, port: int):
    import subprocess

    tag, _, launcher = launcher.rpartition(": ")
    root = AGAINST.get(tag, ROOT)
    if launcher == "streamlit run":
        # as tests/test_app_e2e.py's serve() starts it, from the measured checkout
        cmd = [sys.executable, "-m", "streamlit", "run", str(root / "ui" / "app.py"), "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    else:
        # ui/serve.py (./dev app): the same server, library imported before it reports itself up
        cmd = [sys.executable, str(root / "ui" / "serve.py"), "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    return subprocess.Popen(cmd, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=ENV)


#: The measured servers' environment: by default no bytecode written (every process compiles our modules
#: from source); with ``--bytecode`` kept in a temporary folder, as a checkout run twice has it.
ENV = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}


def use_bytecode_cache(folder: str) -> None:
    ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    ENV["PYTHONPYCACHEPREFIX"] = folder


#: With ``--open-at-url`` the fresh/warm pages are opened as soon as the server prints its URL (a user who
#: clicks it at once), not once it answers its health check.
OPEN_AT_URL = False


def wait_url(proc, timeout: float = 60) -> float:
    """Seconds until the server prints its "URL:" line (the line a user clicks)."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        line = proc.stdout.readline().decode(errors="replace")
        if not line and proc.poll() is not None:
            raise RuntimeError("the server exited before printing its URL")
        if "URL:" in line:
            return time.perf_counter() - t0
    raise TimeoutError("the server printed no URL")


def stop(proc) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except Exception:  # noqa: BLE001
        proc.kill()


def open_page(p, chromium: str, profile: Path, url: str, args: list[str]) -> tuple[dict, float]:
    """Launch Chromium on ``profile`` (a user-data directory: empty = a fresh browser; kept = a browser that
    has seen the page before), open ``url``; the page's timings and the wall time from goto to the rows."""
    ctx = p.chromium.launch_persistent_context(str(profile), executable_path=chromium, args=args,
                                               viewport={"width": 1400, "height": 1000})
    try:
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        page.add_init_script(probe())
        t0 = time.perf_counter()
        page.goto(url)
        page.wait_for_function("() => window.__rc && window.__rc.rows !== undefined", timeout=60_000, polling=50)
        wall = time.perf_counter() - t0
        page.wait_for_function("() => window.__rc.complete !== undefined", timeout=60_000, polling=50)
        return page.evaluate(READ_PROBE), wall
    finally:
        ctx.close()


def _chromium() -> tuple[str, str]:
    """(Chromium's path, "") or ("", why the browser figures are skipped)."""
    chromium = os.environ.get("RC_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "", "browser: skipped (the playwright Python package is not installed)"
    if not Path(chromium).exists():
        return "", f"browser: skipped (no Chromium at {chromium})"
    return chromium, ""


def first_page(repeat: int, launchers: list[str]) -> tuple[list[tuple[str, list[float], float]], str]:
    """The first comparison on a freshly started server, opened by a fresh browser profile and by a
    browser whose cache already holds Streamlit's static files; fresh and warm interleaved."""
    import tempfile

    chromium, why = _chromium()
    if why:
        return [], why
    from playwright.sync_api import sync_playwright
    sys.path.insert(0, str(ROOT / "tests"))
    from test_app_e2e import CHROMIUM_ARGS, free_port, wait_healthy

    port = free_port()              # one port throughout: the browser cache is keyed by origin
    url = f"http://127.0.0.1:{port}"
    target = {launcher: 2.0 if launcher.endswith("streamlit run") else 1.5 for launcher in launchers}
    samples: dict[tuple[str, str], list[dict]] = {}
    walls: dict[tuple[str, str], list[float]] = {}
    fresh = itertools.count()       # a new profile for each fresh page
    ups: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="rc-bench-") as tmp, sync_playwright() as p:
        warm_profile = Path(tmp) / "warm"
        for k in range(repeat):                 # round by round: every launcher and kind in each round
            for launcher in launchers:
                for kind in ("fresh", "warm"):
                    proc = start_server(launcher, port)
                    try:
                        ups.setdefault(launcher, []).append(wait_url(proc) if OPEN_AT_URL else wait_healthy(url, proc))
                        if kind == "warm" and not warm_profile.exists():
                            # two visits fill its HTTP cache and Chromium's compiled-code cache (made
                            # on a script's second load): a negotiator who has opened the app before
                            for _ in range(2):
                                open_page(p, chromium, warm_profile, url, CHROMIUM_ARGS)
                            stop(proc)
                            proc = start_server(launcher, port)
                            wait_healthy(url, proc)
                        profile = warm_profile if kind == "warm" else Path(tmp) / f"fresh-{next(fresh)}"
                        t, wall = open_page(p, chromium, profile, url, CHROMIUM_ARGS)
                    finally:
                        stop(proc)
                    samples.setdefault((launcher, kind), []).append(t)
                    walls.setdefault((launcher, kind), []).append(wall)
    rows = []
    for launcher in launchers:
        rows.append((f"[{launcher}] server start until {'its URL is printed' if OPEN_AT_URL else 'healthy'}",
                     ups[launcher], float("nan")))
        for kind in ("fresh", "warm"):
            ts = samples[(launcher, kind)]
            tag = f"[{launcher}, {kind} browser]"
            kb = statistics.median(t["static_kb"] for t in ts)
            for name, a, b in PARTS:
                xs = [(t[b] - (t[a] if a else 0)) / 1000 for t in ts]
                tgt = target[launcher] if name.startswith("TOTAL") else float("nan")
                rows.append((f"{tag} {name}" + (f" ({kb:.0f} KB sent)" if "fetched" in name else ""), xs, tgt))
            rows.append((f"{tag} wall clock, goto → rows found", walls[(launcher, kind)], target[launcher]))
    return rows, ""


def browser(repeat: int, launcher: str) -> tuple[list[tuple[str, list[float], float]], str]:
    """Within one server and one browser: a new session (cached comparison) and a filter click."""
    chromium, why = _chromium()
    if why:
        return [], why
    from playwright.sync_api import sync_playwright
    sys.path.insert(0, str(ROOT / "tests"))
    from test_app_e2e import CHROMIUM_ARGS, ROWS, free_port, wait_healthy

    out = []
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = start_server(launcher, port)
    try:
        wait_healthy(url, proc)
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = b.new_page(viewport={"width": 1400, "height": 1000})

            def first_render():
                page.goto(url)
                page.wait_for_function(f"document.querySelectorAll('{ROWS}').length === 26", timeout=60_000)

            first_render()
            warm = []
            for _ in range(repeat):
                page.goto("about:blank")
                warm.append(timed(first_render))
            out.append((f"[{launcher}] browser: page load, new session (server cache warm, same browser)", warm, 2.0))

            def toggle(k=[0]):
                k[0] += 1
                page.get_by_text("Changes only", exact=True).click()
                n = 8 if k[0] % 2 else 26
                page.wait_for_function(f"document.querySelectorAll('{ROWS}').length === {n}", timeout=30_000)

            out.append((f"[{launcher}] browser: click 'changes only' → table redrawn",
                        [timed(toggle) for _ in range(repeat * 2)], 0.3))
            b.close()
    finally:
        stop(proc)
    return out, ""


SCRIPT_FIRST_RUN = """
import logging, sys, time
sys.path.insert(0, {root!r})
logging.getLogger("streamlit").setLevel(logging.ERROR)
from streamlit.testing.v1 import AppTest
if {warm!r}:
    from ui import serve
    serve.warm()
at = AppTest.from_file({app!r}, default_timeout=120)
t0, c0 = time.perf_counter(), time.process_time()
at.run()
print(time.perf_counter() - t0, time.process_time() - c0)
"""


def script_first_run(repeat: int) -> list[tuple[str, list[float], float]]:
    """The script's first run in a new process (streamlit imported, as in a server): our imports,
    reading the samples, comparing, rendering — cold (``streamlit run``) and after ui/serve.py's warm-up."""
    import subprocess

    xs: dict[bool, list[tuple[float, float]]] = {False: [], True: []}
    for _ in range(repeat):
        for warm in (False, True):
            code = SCRIPT_FIRST_RUN.format(root=str(ROOT), warm=warm, app=APP)
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
            wall, cpu = map(float, out.stdout.strip().splitlines()[-1].split())
            xs[warm].append((wall, cpu))
    rows = []
    for warm, name in ((False, "new process (as streamlit run)"), (True, "new process after ui/serve.py's warm-up")):
        rows.append((f"AppTest: script's first run, {name}", [w for w, _ in xs[warm]], float("nan")))
        rows.append((f"AppTest: script's first run, {name}: CPU time (work, load-proof)", [c for _, c in xs[warm]],
                     float("nan")))
    return rows


SCRIPT_SECTIONS = """
import cProfile, json, logging, pstats, sys, time
sys.path.insert(0, {root!r})
logging.getLogger("streamlit").setLevel(logging.ERROR)
from streamlit.testing.v1 import AppTest
from streamlit.runtime.scriptrunner import script_runner
if {warm!r}:
    from ui import serve
    serve.warm()
prof = cProfile.Profile(time.process_time)
run = script_runner.ScriptRunner._run_script
def profiled(self, data):
    prof.enable()
    try:
        return run(self, data)
    finally:
        prof.disable()
script_runner.ScriptRunner._run_script = profiled
AppTest.from_file({app!r}, default_timeout=120).run()
out = {{}}
for (path, _line, fn), (_cc, _nc, _tt, cum, _callers) in pstats.Stats(prof).stats.items():
    where = ("app:" if path.endswith("app.py") and "/ui/" in path else "render:" if path.endswith("ui/render.py")
             else "streamlit:" if "/streamlit/" in path else None)
    if where:
        out[where + fn] = out.get(where + fn, 0.0) + cum
print(json.dumps(out))
"""
#: The script's first run, by part: (name in the profile, what it is).  "streamlit:" marks Streamlit's own.
SECTIONS = [
    ("streamlit:_run_script", "the whole run (Streamlit's script runner)"),
    ("app:<module>", "  the script (ui/app.py, all of it)"),
    ("streamlit:set_page_config", "    st.set_page_config (the page icon)"),
    ("app:read_inputs", "    the sidebar's values: versions read (cached), ordered, labelled"),
    ("app:page", "    the main area"),
    ("app:table_part", "      filters, navigation and the table (the fragment)"),
    ("render:comparison_html", "        the table's HTML"),
    ("app:position_chart", "      the chart"),
    ("app:sidebar", "    the sidebar's widgets"),
    ("app:downloads", "    the downloads' button"),
    ("streamlit:_enqueue", "    of which: Streamlit sending the elements (DeltaGenerator._enqueue)"),
]


def script_sections() -> list[tuple[str, list[float], float]]:
    """CPU time of each part of the script's first run in a new process (a new session's first page),
    as ``streamlit run`` has it and after ui/serve.py's warm-up (cProfile on the script runner's thread)."""
    import json
    import subprocess

    rows = []
    for warm, name in ((False, "as streamlit run"), (True, "after ui/serve.py's warm-up")):
        code = SCRIPT_SECTIONS.format(root=str(ROOT), warm=warm, app=APP)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        cum = json.loads(out.stdout.strip().splitlines()[-1])
        for key, what in SECTIONS:
            if key in cum:
                rows.append((f"script's first run, {name}, CPU: {what}", [cum[key]], float("nan")))
    return rows


def busy(n: int) -> list:
    """``n`` processes spinning on a core each: "another heavy job running"."""
    import subprocess

    return [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(n)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--first", type=int, default=3, help="first pages per launcher and browser kind (a server each)")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--only-first", action="store_true", help="only the first-page decomposition")
    ap.add_argument("--busy", type=int, default=0, help="run N busy processes meanwhile (a heavy job on N cores)")
    ap.add_argument("--against", metavar="DIR", action="append", default=[],
                    help="also measure the first page of another checkout (e.g. the previous commit's), interleaved")
    ap.add_argument("--open-at-url", action="store_true",
                    help="open each first page as soon as the server prints its URL, not once it answers")
    ap.add_argument("--bytecode", action="store_true",
                    help="the servers keep our modules' bytecode (in a temporary folder), as a second start has it")
    args = ap.parse_args()
    if args.bytecode:
        import tempfile

        use_bytecode_cache(tempfile.mkdtemp(prefix="rc-pycache-"))
        import subprocess

        subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
                        "from ui import serve; serve.warm()"], env=ENV, cwd=ROOT, check=True, capture_output=True)
    global OPEN_AT_URL
    OPEN_AT_URL = args.open_at_url
    jobs = busy(args.busy)
    load = [open("/proc/loadavg").read().split()[0]] if Path("/proc/loadavg").exists() else []
    try:
        rows, note = [], ""
        if not args.only_first:
            rows += apptest(args.repeat)
            rows += script_first_run(max(1, args.first))
        rows += script_sections()
        if not args.no_browser:
            launchers = ["streamlit run", "ui/serve.py"]
            for d in args.against:
                AGAINST[Path(d).name] = Path(d).resolve()
                launchers += [f"{Path(d).name}: streamlit run", f"{Path(d).name}: ui/serve.py"]
            more, note = first_page(args.first, launchers)
            rows += more
            if not args.only_first:
                for launcher in ("streamlit run", "ui/serve.py"):
                    more, note = browser(args.repeat, launcher)
                    rows += more
    finally:
        if load:
            load.append(open("/proc/loadavg").read().split()[0])
        for j in jobs:
            j.kill()
    import streamlit

    print(f"Resolution Compare app — Python {platform.python_version()}, streamlit {streamlit.__version__}, "
          f"{os.cpu_count()} CPUs; medians (single runs where n=1); busy processes: {args.busy}; "
          f"servers' bytecode: {'kept' if args.bytecode else 'none (compiled from source in each)'}; "
          f"load average at start/end: {' / '.join(load) or '?'}")
    print(f"{'measure':<96} {'n':>3} {'median ms':>10} {'max ms':>8} {'target':>8}  ok")
    for name, xs, target in rows:
        med, mx = statistics.median(xs) * 1000, max(xs) * 1000
        tgt = "" if target != target else f"{target * 1000:.0f}"
        ok = "" if target != target else ("yes" if med <= target * 1000 else "NO")
        print(f"{name:<96} {len(xs):>3} {med:>10.0f} {mx:>8.0f} {tgt:>8}  {ok}")
    if note:
        print(note)


if __name__ == "__main__":
    main()
