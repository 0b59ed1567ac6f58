"""The dashboard's Bids tab in a real browser (Voila + Debian's chromium through Playwright, as
tests/test_dashboard_browser.py): the tab opens on the example bids with the rankings of
compare(), dragging the price weight rescores them, and a screenshot goes to tests/artifacts/."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from roi_models import Scenario
from roi_models.bids import EXAMPLE_BIDS, compare

CHROMIUM = shutil.which("chromium")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")]
ARTIFACTS = Path(__file__).parent / "artifacts"

from test_dashboard_browser import FLAGS, STRIP, drag, voila  # noqa: E402,F401  (the Voila server)


def _scores(page: Any) -> list[float]:
    html = page.inner_html(".roi-bids-ranking")
    part = html.split("roi-bids-score", 1)[1]
    return [float(v) for v in re.findall(r'data-value="([^"]+)"', part)]


def test_bids_tab_in_the_browser(voila: str) -> None:  # noqa: F811
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    want = compare(Scenario.default(), EXAMPLE_BIDS).ranking
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            page.goto(voila, wait_until="commit", timeout=120_000)
            page.wait_for_selector(STRIP, state="visible", timeout=180_000)
            page.locator(".roi-chart-tabs .lm-TabBar-tab", has_text="Bids").first.click()
            page.wait_for_selector(".roi-bids-why", state="visible", timeout=60_000)
            assert _scores(page) == sorted(want["score"].dropna(), reverse=True)
            assert "ranks first on both NPV" in page.inner_text(".roi-bids-why")
            before = _scores(page)
            drag(page, ".roi-bids-w-price", 0.05)
            page.wait_for_function(
                "(old) => { const t = document.querySelector('.roi-bids-ranking');"
                " return t && !t.innerHTML.includes(old); }", arg=repr(before[0]),
                timeout=30_000)
            assert _scores(page) != before
            page.locator(".roi-bids").scroll_into_view_if_needed()
            page.screenshot(path=str(ARTIFACTS / "dashboard-bids.png"))
        finally:
            browser.close()
