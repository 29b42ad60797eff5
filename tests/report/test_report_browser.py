"""The report's HTML and SVG charts in a real browser (Debian's Chromium via playwright)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.forms.test_browser import ARGS, CHROMIUM

sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser


def test_report_html_and_charts_render_without_requests(built: Path) -> None:
    folder = built / "bericht"
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            requests: list[str] = []
            errors: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto((folder / "sachbericht.html").as_uri())
            charts = page.locator('svg[role="img"]')
            assert charts.count() == 3
            for i in range(3):
                box = charts.nth(i).bounding_box()
                assert box and box["width"] > 300 and box["height"] > 40
                assert charts.nth(i).locator("title").text_content()
            assert page.get_by_role("img", name="Anträge nach Rechtsgrundlage").count() == 1
            page.goto((folder / "diagramme" / "antraege.svg").as_uri())
            assert "Anträge nach Rechtsgrundlage" in page.content()
            assert requests == [
                (folder / "sachbericht.html").as_uri(),
                (folder / "diagramme" / "antraege.svg").as_uri(),
            ]
            assert errors == []
        finally:
            browser.close()
