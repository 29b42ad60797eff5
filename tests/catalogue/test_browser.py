"""The catalogue in Debian's Chromium (playwright): offline, no request, no CSP violation, sorting works."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from replicate.cli import main
from tests.batch.conftest import XSS, batch_out  # noqa: F401  (the session fixture)
from tests.forms.test_browser import ARGS, CHROMIUM

sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(batch_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    target = tmp_path_factory.mktemp("catalogue") / "katalog"
    assert main(["catalogue", str(batch_out), "--out", str(target)]) == 0
    return target


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium not found: apt-get install chromium", pytrace=False)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


class Opened:
    def __init__(self, browser: Any, url: str) -> None:
        self.context = browser.new_context(offline=True)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(url)

    def column(self, index: int) -> list[str]:
        cells = self.page.locator(f"#uebersicht tbody tr td:nth-child({index})")
        return [str(text).strip() for text in cells.all_text_contents()]


def test_overview_sorts_without_a_request(browser: Any, site: Path) -> None:
    url = (site / "index.html").as_uri()
    opened = Opened(browser, url)
    try:
        assert set(opened.requests) == {url}
        assert opened.errors == []  # a CSP violation would be reported here
        names = opened.column(1)
        assert names == sorted(names, key=str.casefold)
        opened.page.get_by_role("button", name="Geduldete").click()
        assert opened.column(5)[-1] == "1.400"  # numeric, unknown first
        assert opened.column(5)[0] == "nicht angegeben"
        opened.page.get_by_role("button", name="Geduldete").click()
        assert opened.column(5)[0] == "1.400"
        opened.page.get_by_role("button", name="Land").click()
        assert opened.column(2)[0] == "Bayern"
        assert set(opened.requests) == {url} and opened.errors == []
    finally:
        opened.context.close()


def test_municipality_page_shows_html_as_text(browser: Any, site: Path) -> None:
    url = (site / "kommunen" / "fuerth.html").as_uri()
    opened = Opened(browser, url)
    try:
        assert set(opened.requests) == {url}
        assert opened.errors == [] and opened.dialogs == []
        assert XSS in opened.page.locator("h1").inner_text()
        assert opened.page.locator("img").count() == 0
        assert "Praxisprofil" in opened.page.locator("section.profile h2").inner_text()
    finally:
        opened.context.close()
