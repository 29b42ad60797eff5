"""The offline form in a real browser: Debian's Chromium driven by playwright (never a downloaded browser)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from replicate.caserecord import CaseRecord, case_schema
from replicate.cli import main
from tests.forms.conftest import ROOT

sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium not found: apt-get install chromium (bash .ci/run does)", pytrace=False)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


class Form:
    """One open page of the form, recording every request, dialog and console error."""

    def __init__(self, page: Any, url: str) -> None:
        self.page = page
        self.url = url
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.console_errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", self._dialog)
        page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self) -> None:
        self.page.goto(self.url)

    def field(self, path: str, nth: int = 0) -> Any:
        return self.page.locator(f'[data-path="{path}"]').nth(nth)

    def fill(self, path: str, value: str, nth: int = 0) -> None:
        self.field(path, nth).fill(value)

    def add(self, path: str) -> None:
        self.page.locator(f'button[data-path="{path}"]').click()

    def error_of(self, path: str, nth: int = 0) -> str:
        wrap = self.field(path, nth).locator("xpath=..")
        return str(wrap.locator(".error").text_content())

    def status(self) -> str:
        return str(self.page.locator("#status").text_content())

    def save(self, target: Path) -> dict[str, Any]:
        with self.page.expect_download() as info:
            self.page.click("#save")
        info.value.save_as(target)
        data: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
        return data

    def load(self, path: Path) -> None:
        self.page.set_input_files("#file", str(path))
        # A selector wait runs in Playwright's own isolated world; wait_for_function would evaluate code in
        # the page, which the form's Content-Security-Policy forbids ('unsafe-eval').
        self.page.locator("#status:not(:empty)").wait_for()


@pytest.fixture
def form(browser: Any, forms_dir: Path) -> Iterator[Form]:
    context = browser.new_context(accept_downloads=True)
    url = (forms_dir / "erstberatung.html").as_uri()
    routed: list[str] = []

    def block(route: Any) -> None:
        """Every request passes here: the document itself may load, anything else is recorded and refused."""
        if route.request.url == url or route.request.url.startswith("blob:"):
            route.continue_()
        else:
            routed.append(route.request.url)
            route.abort()

    context.route("**/*", block)
    page = context.new_page()
    opened = Form(page, url)
    opened.open()
    yield opened
    context.close()
    # no network request at all: only the document itself (and the in-memory blob of a download)
    assert {u for u in opened.requests if not u.startswith("blob:")} <= {url}
    assert routed == []
    assert opened.dialogs == []
    assert opened.console_errors == []  # also: no Content-Security-Policy violation


def fill_case(form: Form) -> None:
    form.fill("case_id", "B-2026-017")
    form.fill("birth_date", "14.03.1994")
    form.fill("entry_date", "02.09.2015")
    form.add("status_periods")
    form.fill("status_periods[].start", "02.09.2015")
    form.fill("status_periods[].end", "30.11.2017")
    form.field("status_periods[].kind").select_option("gestattung")
    form.add("status_periods")
    form.fill("status_periods[].start", "01.12.2017", nth=1)
    form.field("status_periods[].kind", 1).select_option("duldung")
    form.field("identity.clarified").select_option("true")
    form.field("identity.passport").select_option("gueltig")
    form.fill("identity.documents", "Geburtsurkunde\nReisepass")
    form.field("language.oral").select_option("A2")
    form.add("employment.jobs")
    form.fill("employment.jobs[].start", "01.01.2023")
    form.fill("employment.jobs[].hours_per_week", "30,5")
    form.field("employment.jobs[].social_insurance").select_option("true")
    form.field("convictions:recorded").select_option("recorded")  # recorded, no row: no convictions
    form.page.locator('input[type=checkbox][value="dublin"]').check()


def test_save_reload_load_gives_the_fields_back(form: Form, tmp_path: Path) -> None:
    fill_case(form)
    data = form.save(tmp_path / "fall.json")
    assert "fallakte-B-2026-017.json" in form.status()
    assert data["schema_version"] == "2"
    assert data["birth_date"] == "1994-03-14"
    assert data["status_periods"][1] == {"start": "2017-12-01", "kind": "duldung"}
    assert data["employment"]["jobs"][0]["hours_per_week"] == 30.5
    assert data["identity"]["documents"] == ["Geburtsurkunde", "Reisepass"]
    assert data["convictions"] == []
    assert data["removal"]["imminent_measures"] == ["dublin"]

    form.open()  # reload: an empty form
    assert form.field("case_id").input_value() == ""
    form.load(tmp_path / "fall.json")
    assert "Geladen" in form.status()
    assert form.field("case_id").input_value() == "B-2026-017"
    assert form.field("birth_date").input_value() == "14.03.1994"
    assert form.field("status_periods[].kind", 1).input_value() == "duldung"
    assert form.field("employment.jobs[].hours_per_week").input_value() == "30.5"
    assert form.field("identity.documents").input_value() == "Geburtsurkunde\nReisepass"
    assert form.page.locator('input[type=checkbox][value="dublin"]').is_checked()
    again = form.save(tmp_path / "again.json")
    assert again == data


def test_saved_json_validates_and_screens(
    form: Form, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill_case(form)
    path = tmp_path / "fall.json"
    data = form.save(path)
    jsonschema.validate(data, case_schema())
    CaseRecord.model_validate(data)
    assert main(["screen", str(path), "--as-of", "2026-11-25"]) == 0
    out = capsys.readouterr().out
    assert "25b" in out


def test_validation_messages_while_typing(form: Form) -> None:
    form.add("employment.jobs")
    form.fill("employment.jobs[].hours_per_week", "200")
    assert "höchstens 60" in form.error_of("employment.jobs[].hours_per_week")
    form.fill("employment.jobs[].hours_per_week", "20")
    assert form.error_of("employment.jobs[].hours_per_week") == ""
    form.fill("employment.jobs[].start", "31.02.2023")
    assert form.error_of("employment.jobs[].start") == "Dieses Datum gibt es nicht."
    form.fill("employment.jobs[].start", "1.3.2023")
    form.fill("employment.jobs[].end", "28.02.2023")
    assert form.error_of("employment.jobs[].end") == "Das Ende liegt vor dem Beginn."
    form.fill("birth_date", "01.01.2000")
    form.fill("entry_date", "2.1.1999")
    assert form.error_of("entry_date") == "Die Einreise liegt vor dem Geburtsdatum."
    form.fill("case_id", "x")
    form.page.click("#save")
    assert "Nicht gespeichert" in form.status()
    # the required social-insurance answer is now flagged too
    assert "Pflichtangabe" in form.error_of("employment.jobs[].social_insurance")


def test_arabic_is_right_to_left_with_arabic_messages(form: Form) -> None:
    form.page.select_option("#lang", "ar")
    assert form.page.evaluate("document.documentElement.dir") == "rtl"
    assert form.page.evaluate("document.documentElement.lang") == "ar"
    assert form.page.locator("h1").text_content() == "الاستشارة الأولى: ملف الحالة (باسم مستعار)"
    form.fill("birth_date", "30.02.1990")
    assert form.error_of("birth_date") == "هذا التاريخ غير موجود."
    ARTIFACTS.mkdir(exist_ok=True)
    form.page.screenshot(path=str(ARTIFACTS / "form-ar.png"), full_page=False)
    form.page.select_option("#lang", "de")
    assert form.page.evaluate("document.documentElement.dir") == "ltr"
    assert form.error_of("birth_date") == "Dieses Datum gibt es nicht."


def test_xss_payload_is_text_and_never_runs(form: Form, tmp_path: Path) -> None:
    form.fill("case_id", XSS)
    form.fill("identity.documents", XSS)
    form.add("identity.steps")
    form.fill("identity.steps[].taken_on", "01.02.2020")
    form.fill("identity.steps[].description", XSS)
    path = tmp_path / "xss.json"
    data = form.save(path)
    assert data["case_id"] == XSS
    form.open()
    form.load(path)
    assert form.field("identity.steps[].description").input_value() == XSS
    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps({XSS: 1}), encoding="utf-8")
    form.load(foreign)
    assert XSS in form.status()
    assert form.page.locator("img").count() == 0
    assert form.page.evaluate("document.body.innerHTML.includes('<img')") is False


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"case_id": "A-1", ', "ist keine lesbare JSON-Datei"),
        ("[1, 2, 3]", "kein Objekt"),
        ('{"name": "Max Mustermann", "case_id": "A-1"}', "unbekanntes Feld name"),
        ('{"schema_version": "7"}', "falsche Schemaversion"),
        (
            '{"employment": {"jobs": [{"start": "2023-01-01", "hours": 5}]}}',
            "unbekanntes Feld employment.jobs.0.hours",
        ),
        ('{"asylum": {"outcome": "vielleicht"}}', "ungültiger Wert in asylum.outcome"),
    ],
)
def test_bad_files_show_an_error_and_keep_the_form(
    form: Form, tmp_path: Path, content: str, message: str
) -> None:
    form.fill("case_id", "behalten")
    form.field("asylum.outcome").select_option("laufend")
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    form.load(bad)
    assert message in form.status()
    assert "Das Formular bleibt unverändert" in form.status()
    assert form.field("case_id").input_value() == "behalten"
    assert form.field("asylum.outcome").input_value() == "laufend"


def test_page_is_self_contained(forms_dir: Path) -> None:
    html = (forms_dir / "erstberatung.html").read_text(encoding="utf-8")
    assert "http://" not in html and "https://" not in html
    assert "innerHTML" not in html
    copy = (
        shutil.copy(forms_dir / "erstberatung.html", ARTIFACTS / "erstberatung.html")
        if ARTIFACTS.exists()
        else None
    )
    assert copy is None or Path(copy).is_file()


def test_policy_blocks_any_connection_even_from_injected_code(form: Form) -> None:
    result = form.page.evaluate("fetch('https://example.invalid/x').then(() => 'sent', () => 'blocked')")
    assert result == "blocked"
    assert any("Content Security Policy" in e for e in form.console_errors)
    form.console_errors.clear()  # the violation was the point of this test


def test_request_recorder_would_notice_a_request(browser: Any, tmp_path: Path) -> None:
    """Sanity check of the harness: a page without our policy does try to load an image, and we see it."""
    page_file = tmp_path / "leaky.html"
    page_file.write_text('<img src="https://example.invalid/x.png">', encoding="utf-8")
    context = browser.new_context()
    seen: list[str] = []

    def record(route: Any) -> None:
        if route.request.url == page_file.as_uri():
            route.continue_()
        else:
            seen.append(route.request.url)
            route.abort()

    context.route("**/*", record)
    page = context.new_page()
    page.goto(page_file.as_uri())  # waits for "load", i.e. until the image request was made
    context.close()
    assert seen == ["https://example.invalid/x.png"]
