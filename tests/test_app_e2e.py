"""End to end: the real app served by ``streamlit run``, driven by a real headless Chromium.

Needs the Python package ``playwright`` (its driver only; no browser download)
and Debian's ``chromium`` (``/usr/bin/chromium``, or set ``RC_CHROMIUM``).
Skips with the reason when either is missing.  Saves ``artifacts/app.png``;
with ``RC_UPDATE_SCREENSHOT=1`` also rewrites the README's ``docs/screenshot.png``.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "ui" / "app.py"
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = os.environ.get("RC_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")
if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set RC_CHROMIUM)", allow_module_level=True)
pytest.importorskip("streamlit", reason="streamlit is not installed")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(port: int, env: dict | None = None) -> subprocess.Popen:
    """``streamlit run ui/app.py`` on 127.0.0.1, headless, no usage statistics (``env``: the process's
    environment; by default this one, writing no bytecode into the checkout)."""
    cmd = [sys.executable, "-m", "streamlit", "run", str(APP),
           "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env=env or {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60) -> float:
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited: {proc.stdout.read().decode(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return time.perf_counter() - t0
        except OSError:
            time.sleep(0.1)
    raise TimeoutError("streamlit did not become healthy")


@pytest.fixture(scope="module")
def server():
    port = free_port()
    proc = serve(port)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


ROWS = "table.rc tbody tr[data-status]"


def row_count(page) -> int:
    return page.locator(ROWS).count()


def wait_rows(page, n: int, timeout: float = 30_000) -> None:
    page.wait_for_function(f"document.querySelectorAll('{ROWS}').length === {n}", timeout=timeout)


def test_app_in_a_real_browser(server, browser):
    from compare import api

    cmp = api.compare(api.load(str(ROOT / "samples/draft-rev1-2008-11-10.fr.md")),
                      api.load(str(ROOT / "samples/draft-rev2-illustrative.fr.md")))
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(server) or r.url.startswith("data:")
            else outside.append(r.url))
    page.goto(server)

    # the samples' comparison renders at once: one row per aligned pair, statuses as the library says
    wait_rows(page, len(cmp.pairs))
    statuses = page.locator(ROWS).evaluate_all("rows => rows.map(r => r.dataset.status.split(' ')[0])")
    from collections import Counter

    assert Counter(statuses) == {"unchanged": 19, "modified": 2, "new": 2, "deleted": 1, "split": 1, "merged": 1}
    assert page.locator("table.rc del").count() > 0 and page.locator("table.rc ins").count() > 0
    assert page.get_by_text("“Encourage” → “Engage”").first.is_visible()
    # struck-through deletions really look struck through (computed style, not only a tag)
    deco = page.locator("table.rc del").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "line-through" in deco
    # nothing spills out of its cell: ids ("OP1 + OP2") wrap, the leading-word note stays in the change column
    spill = page.evaluate("""() => [...document.querySelectorAll('table.rc td.pid, table.rc .lead')].filter(e => {
        const td = e.closest('td'), r = e.getBoundingClientRect(), c = td.getBoundingClientRect();
        return e.scrollWidth > e.clientWidth + 1 || r.right > c.right + 1; }).map(e => e.textContent)""")
    assert spill == []
    assert page.locator("table.rc td.pid", has_text="OP1 + OP2").count() == 1
    # leading words in italics, as in the resolution
    assert page.locator("table.rc i.lw").first.evaluate("e => getComputedStyle(e).fontStyle") == "italic"
    page.wait_for_timeout(800)                                     # let the chart draw
    ARTIFACTS.mkdir(exist_ok=True)
    if os.environ.get("RC_UPDATE_SCREENSHOT"):
        _readme_screenshot(page)

    # a filter: changes only
    page.get_by_text("Changes only", exact=True).click()
    wait_rows(page, 8)
    page.get_by_text("Changes only", exact=True).click()
    wait_rows(page, len(cmp.pairs))

    # upload the Word version of Rev.1: three versions, the compilation table shows its column — in the
    # order the texts say (both copies of Rev.1 before Rev.2), the repeated text flagged
    page.locator("input[type=file]").first.set_input_files(str(ROOT / "samples/draft-rev1-2008-11-10.fr.docx"))
    page.locator("table.lineage th", has_text="L.17/Rev.1").wait_for(timeout=30_000)
    heads = page.locator("table.lineage th").all_inner_texts()
    assert heads == ["Rev.1", "L.17/Rev.1", "Rev.2 (illustrative)"]
    assert page.get_by_text("L.17/Rev.1: same text as Rev.1.").first.is_visible()
    assert page.locator("table.lineage tbody tr").count() >= len(cmp.new.paragraphs)
    assert not page.locator('[data-testid="stException"]').count()
    assert not page.locator('[data-testid="stAlertContentError"]').count()
    page.screenshot(path=str(ARTIFACTS / "app.png"))
    assert (ARTIFACTS / "app.png").stat().st_size > 10_000
    assert outside == [], f"the page fetched something from outside the app: {outside[:5]}"
    page.close()


FOCUS_STATE = """sel => { const el = document.querySelector(sel); if (!el) return null;
  const r = el.getBoundingClientRect(), td = el.querySelector('td');
  const scrolled = Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollTop), window.scrollY);
  return {old: el.dataset.old, new: el.dataset.new, top: r.top, bottom: r.bottom, h: window.innerHeight,
          bg: getComputedStyle(td).backgroundColor, outline: getComputedStyle(td).outlineStyle, scrolled}; }"""


def focus_state(page, sel: str = "table.rc tr.focus") -> dict | None:
    return page.evaluate(FOCUS_STATE, sel)


def wait_focus_on(page, pair, sel: str = "table.rc tr.focus") -> dict:
    """Wait until the highlighted row is ``pair``'s and lies inside the window; return its state."""
    want_old, want_new = " ".join(pair.old), " ".join(pair.new)
    page.wait_for_function(
        f"""() => {{ const s = ({FOCUS_STATE})({sel!r}); return s && s.old === {want_old!r} &&
            s.new === {want_new!r} && s.top >= 0 && s.bottom <= s.h; }}""", timeout=30_000)
    return focus_state(page, sel)


def position(page) -> str:
    return page.locator('[data-testid="rc-position"]').inner_text().strip()


def test_next_previous_change_and_inline_view_in_a_real_browser(server, browser):
    """Keys J/K and the buttons walk the changes: the row is highlighted and scrolled into the
    window; the inline view keeps the place and shows the marks as a reader sees them."""
    from compare import api
    from compare.export.labels import is_change

    cmp = api.compare(api.load(str(ROOT / "samples/draft-rev1-2008-11-10.fr.md")),
                      api.load(str(ROOT / "samples/draft-rev2-illustrative.fr.md")))
    changes = [p for p in cmp.pairs if is_change(p)]
    n = len(changes)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(server)
    wait_rows(page, len(cmp.pairs))
    assert position(page) == f"{n} changes" and focus_state(page) is None

    page.get_by_role("button", name="↓ Next").click()
    page.get_by_text(f"change 1 of {n}", exact=True).wait_for(timeout=30_000)
    first = wait_focus_on(page, changes[0])
    assert first["bg"] != "rgba(0, 0, 0, 0)" and first["outline"] != "none"      # highlighted
    # keyboard: J = next (twice), K = previous
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    for key, k in (("j", 2), ("j", 3), ("k", 2)):
        page.keyboard.press(key)
        page.get_by_text(f"change {k} of {n}", exact=True).wait_for(timeout=30_000)
        wait_focus_on(page, changes[k - 1])
    # the last change lies far down the page: reaching it scrolls the page
    for k in range(3, n + 1):
        page.get_by_role("button", name="↓ Next").click()
        page.get_by_text(f"change {k} of {n}", exact=True).wait_for(timeout=30_000)
    last = wait_focus_on(page, changes[-1])
    assert last["scrolled"] > 200
    box = page.get_by_role("button", name="↓ Next").bounding_box()     # the bar stays in the window
    assert box and 0 <= box["y"] < 200
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "app-next-change.png"))
    if os.environ.get("RC_UPDATE_SCREENSHOT"):
        _readme_screenshot(page, "navigation.png")

    # the inline view: the same change in focus, in the window; marks and italics as printed
    page.get_by_text("Inline", exact=True).click()
    inline_sel = "table.rc.inline tr.focus"
    state = wait_focus_on(page, changes[-1], inline_sel)
    assert state["outline"] != "none"
    assert page.locator("table.rc.inline tr[data-status]").count() == len(cmp.pairs)
    style = page.locator("table.rc.inline del").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "line-through" in style
    style = page.locator("table.rc.inline ins").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "underline" in style
    assert page.locator("table.rc.inline i.lw").first.evaluate("e => getComputedStyle(e).fontStyle") == "italic"
    assert page.locator(".rc .footnotes p").count() == len(cmp.new.footnotes)
    page.get_by_role("button", name="↑ Previous").click()
    page.get_by_text(f"change {n - 1} of {n}", exact=True).wait_for(timeout=30_000)
    wait_focus_on(page, changes[-2], inline_sel)
    page.screenshot(path=str(ARTIFACTS / "app-inline.png"))
    if os.environ.get("RC_UPDATE_SCREENSHOT"):
        _readme_screenshot(page, "inline.png")
    assert not page.locator('[data-testid="stException"]').count()

    # the PDF download (the downloads are asked for first): a real file with the change list and every paragraph id
    if shutil.which("pdftotext"):
        page.get_by_role("button", name="Prepare the downloads").click()
        with page.expect_download(timeout=60_000) as dl:
            page.get_by_role("button", name="⬇ PDF (inline, portrait)").click()
        pdf = ARTIFACTS / "app-download.pdf"
        dl.value.save_as(str(pdf))
        assert pdf.read_bytes().startswith(b"%PDF")
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert f"{n} changes" in text and "Rev.1 → Rev.2 (illustrative)" in text
        assert all(p.id in text for p in cmp.new.paragraphs)
    page.close()


def _readme_screenshot(page, name: str = "screenshot.png") -> None:
    """docs/<name>: the page as shown, as a small palette PNG."""
    path = ROOT / "docs" / name
    path.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(path))
    try:
        from PIL import Image

        img = Image.open(path).convert("RGB")
        img = img.resize((img.width * 3 // 4, img.height * 3 // 4), Image.LANCZOS)
        img.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    except ImportError:  # Pillow comes with streamlit; keep the full PNG otherwise
        pass
