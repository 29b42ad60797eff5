"""The desk in Debian's Chromium (playwright, never a downloaded browser): a new user's whole day.

Create a case, see its verdict change with a fact, add history, see the deadline on the board, import a
saved offline-form file, export, build the funder report; hostile values never run; another origin
without the secret changes nothing.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from replicate.desk.app import DeskApp
from replicate.desk.security import Guard, loopback_hosts
from replicate.desk.server import make
from replicate.desk.store import Store
from replicate.settings import load_settings
from tests.desk.conftest import DATA, TODAY

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
SETTINGS = Path(__file__).parents[2] / "examples" / "landkreis-mittelsachsen.yaml"
KEY = "Kirchturm Regenschirm Nordsee 7"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium not found: apt-get install chromium", pytrace=False)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def desk(tmp_path: Path, rules: Any) -> Iterator[tuple[str, DeskApp]]:
    yield from _serve(Store(tmp_path / "beratung.sqlite", rules, "browser"))


@pytest.fixture
def encrypted_desk(tmp_path: Path, rules: Any) -> Iterator[tuple[str, DeskApp]]:
    yield from _serve(Store(tmp_path / "beratung.sqlite", rules, "browser", KEY))


def _serve(store: Store) -> Iterator[tuple[str, DeskApp]]:
    server = make(None, "127.0.0.1", 0)
    port = server.server_address[1]
    app = DeskApp(
        store, Guard(loopback_hosts("127.0.0.1", port)), load_settings(SETTINGS), today=lambda: TODAY
    )
    server.set_app(app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}", app
    server.shutdown()
    server.server_close()
    store.close()


def _verdict_25a(page: Any) -> str:
    text: str = page.locator("summary", has_text="gut integrierte Jugendliche").inner_text()
    return text.rsplit(": ", 1)[1]


def test_a_new_users_day(browser: Any, desk: tuple[str, DeskApp], tmp_path: Path) -> None:
    base, app = desk
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    dialogs: list[str] = []
    outside: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base) else None)
    page.goto(f"{base}/?schluessel={app.guard.secret}")
    assert page.url == f"{base}/"
    assert page.get_by_role("heading", name="Fälle").is_visible()

    # create a case (a Landkreis pseudonym) and see its verdict
    page.get_by_role("link", name="Neuer Fall").click()
    page.fill("#f-case_id", "MS-2027-020")
    page.fill("#f-birth_date", "2000-04-20")
    page.fill("#f-status_periods\\.0\\.start", "2015-01-10")
    page.select_option("#f-status_periods\\.0\\.kind", "duldung")
    page.get_by_role("button", name="Fall anlegen").click()
    assert page.get_by_role("heading", name="Fall MS-2027-020").is_visible(), page.inner_text("main")[:1500]
    assert _verdict_25a(page) != "nicht möglich"
    assert "ersetzt sie nicht" in page.inner_text(".notice")

    # add history
    page.fill("#event-date", "2027-02-01")
    page.select_option("#event-type", "erstberatung")
    page.get_by_role("button", name="Ereignis speichern").click()
    assert "Erstberatung" in page.inner_text("#verlauf + table, section[aria-labelledby=verlauf] table")

    # the deadline of § 25a Abs. 1 on the board (90 days)
    page.get_by_role("link", name="Fristen").click()
    page.get_by_role("link", name="90 Tage").click()
    row = page.locator("tr", has_text="MS-2027-020")
    assert "19.04.2027" in row.inner_text() and "§ 25a Abs. 1 AufenthG" in row.inner_text()

    # a fact changes (born 1990: 27th birthday long past) → the verdict changes
    page.get_by_role("link", name="MS-2027-020").click()
    page.fill("#f-birth_date", "1990-04-20")
    page.get_by_role("button", name="Angaben speichern").click()
    assert _verdict_25a(page) == "nicht möglich"

    # import saved offline-form files (one good, one hostile)
    page.get_by_role("link", name="Import").click()
    page.set_input_files("#dateien", [str(DATA / "kreis-014.json"), str(DATA / "xss.json")])
    page.get_by_role("button", name="Importieren").click()
    assert "2 Fälle übernommen" in page.inner_text("[role=status]")
    page.get_by_role("link", name="<img src=x onerror=alert(1)>").click()
    page.goto(f"{base}/")
    assert page.locator("img").count() == 0

    # export and report
    page.get_by_role("link", name="Export und Bericht").click()
    with page.expect_download() as info:
        page.get_by_role("link", name="JSONL herunterladen").click()
    lines = Path(info.value.path()).read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["case_id"] for line in lines) == sorted(
        ["MS-2027-020", "MS-2027-014", "<img src=x onerror=alert(1)>"]
    )
    out = tmp_path / "bericht"
    page.fill("#beginn", "2027-01-01")
    page.fill("#ende", "2027-06-30")
    page.fill("#ordner", str(out))
    page.get_by_role("button", name="Bericht erstellen").click()
    page.wait_for_selector(".done", timeout=180_000)
    assert "von 3 Fällen gezählt" in page.inner_text(".done")
    assert (out / "bericht.json").is_file()

    assert dialogs == []
    assert outside == []
    context.close()


def test_another_origin_without_the_secret_changes_nothing(browser: Any, desk: tuple[str, DeskApp]) -> None:
    base, app = desk
    context = browser.new_context()
    page = context.new_page()
    page.goto("about:blank")
    status = page.evaluate(
        """async (base) => {
            try {
              const r = await fetch(base + '/neu', {method: 'POST', mode: 'no-cors', credentials: 'include',
                headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'case_id=EVIL-1'});
              return r.type;
            } catch (e) { return 'blocked'; }
        }""",
        base,
    )
    assert status in ("opaque", "blocked")
    read = page.evaluate(
        "async (base) => { try { return await (await fetch(base + '/')).text(); } catch (e) { return 'blocked'; } }",
        base,
    )
    assert read == "blocked"  # no CORS: another page cannot read an answer
    assert app.store.count() == 0
    context.close()


def test_encrypted_desk_case_history_and_backup(
    browser: Any, encrypted_desk: tuple[str, DeskApp], tmp_path: Path
) -> None:
    """The same pages on the encrypted path: nothing typed reaches the disk readable, the backup neither."""
    base, app = encrypted_desk
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/?schluessel={app.guard.secret}")
    page.get_by_role("link", name="Neuer Fall").click()
    page.fill("#f-case_id", "ME-2027-GEHEIM")
    page.fill("#f-birth_date", "2000-04-20")
    page.fill("#f-status_periods\\.0\\.start", "2015-01-10")
    page.select_option("#f-status_periods\\.0\\.kind", "duldung")
    page.get_by_role("button", name="Fall anlegen").click()
    page.fill("#event-date", "2027-02-01")
    page.select_option("#event-type", "erstberatung")
    page.get_by_role("button", name="Ereignis speichern").click()
    assert "Erstberatung" in page.inner_text("section[aria-labelledby=verlauf] table")
    page.get_by_role("link", name="Verwaltung").click()
    copy = tmp_path / "sicherung.sqlite"
    page.fill("#sicherung", str(copy))
    page.get_by_role("button", name="Sicherung schreiben").click()
    assert "Sicherung geschrieben" in page.inner_text("[role=status]")
    context.close()
    db = tmp_path / "beratung.sqlite"
    wal = db.with_name(db.name + "-wal")
    on_disk = db.read_bytes() + (wal.read_bytes() if wal.exists() else b"") + copy.read_bytes()
    assert b"ME-2027-GEHEIM" not in on_disk and b"SQLite format 3" not in on_disk
    assert [r.case_id for r in app.store.list_cases()] == ["ME-2027-GEHEIM"]
