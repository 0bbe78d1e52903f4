"""End to end across languages: the real app in headless Chromium, an English
version uploaded beside the French drafts.  Skips as ``test_app_e2e`` does
(no playwright package or no Chromium)."""
from __future__ import annotations

from pathlib import Path

from tests.test_app_e2e import browser, server  # noqa: F401  (fixtures; the module skips when no browser)

ROOT = Path(__file__).resolve().parent.parent


def test_upload_an_english_version_beside_the_french_drafts(server, browser):  # noqa: F811
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(server) or r.url.startswith("data:")
            else outside.append(r.url))
    page.goto(server)
    page.locator("table.rc tbody tr[data-status]").first.wait_for(timeout=60_000)
    page.locator("input[type=file]").first.set_input_files(str(ROOT / "samples/A-RES-63-194.en.md"))
    # three versions: the compilation table, with a concordance column for the English excerpt
    page.locator("table.lineage th", has_text="A-RES-63-194.en").wait_for(timeout=90_000)
    banner = page.get_by_text("paragraphs are matched across languages", exact=False).first
    banner.wait_for(timeout=30_000)
    assert "A-RES-63-194.en is English and Rev.2 (illustrative) French" in banner.inner_text()
    assert page.locator("table.lineage td", has_text="(↔ 0.").count() >= 6
    assert not page.locator('[data-testid="stException"]').count()
    assert outside == [], f"the page fetched something from outside the app: {outside[:5]}"
    page.close()
