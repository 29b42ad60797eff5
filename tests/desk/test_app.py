"""The desk's pages over WSGI: access, CSRF, headers, escaping, validation, locking, board, import, export."""

from __future__ import annotations

import html
import io
import re
from contextlib import redirect_stderr
from pathlib import Path
from typing import Any

import pytest

from replicate.caserecord import iter_caseload, load_case
from replicate.cli import main
from replicate.desk.app import DeskApp
from replicate.desk.store import Store
from tests.desk.conftest import DATA, Client, version_of

XSS = "<img src=x onerror=alert(1)>"


def test_without_the_secret_nothing_is_shown_or_changed(app: DeskApp, store: Store) -> None:
    stranger = Client(app, cookie=False)
    assert stranger.get("/").status == 403
    created = stranger.post("/neu", {"case_id": "X-1"})
    assert created.status == 403 and store.count() == 0
    wrong = Client(app, cookie=False)
    wrong.cookie = "replicate_desk=geraten"
    assert wrong.get("/fristen").status == 403


def test_secret_in_address_becomes_a_strict_cookie(app: DeskApp) -> None:
    first = Client(app, cookie=False).get(f"/fristen?tage=90&schluessel={app.guard.secret}")
    assert first.status == 303
    assert first.headers["location"] == "/fristen?tage=90"
    cookie = first.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and app.guard.secret in cookie


def test_other_host_names_are_refused(client: Client) -> None:
    """DNS rebinding: a page of evil.example resolved to 127.0.0.1 sends Host: evil.example."""
    assert client.get("/", headers={"HTTP_HOST": "evil.example:8750"}).status == 403


def test_changes_need_the_csrf_token_and_own_origin(client: Client, store: Store) -> None:
    assert client.post("/neu", {"case_id": "X-1"}, csrf=False).status == 403
    foreign = client.post("/neu", {"case_id": "X-2"}, headers={"HTTP_ORIGIN": "http://evil.example"})
    assert foreign.status == 403
    cross = client.post("/neu", {"case_id": "X-3"}, headers={"HTTP_SEC_FETCH_SITE": "cross-site"})
    assert cross.status == 403
    assert store.count() == 0
    own = client.post("/neu", {"case_id": "X-4"}, headers={"HTTP_ORIGIN": "http://127.0.0.1:8750"})
    assert own.status == 303 and store.count() == 1


def test_every_answer_has_a_strict_policy_and_no_cors(client: Client) -> None:
    for path in (
        "/",
        "/neu",
        "/fristen",
        "/import",
        "/bericht",
        "/verwaltung",
        "/stil.css",
        "/gibt-es-nicht",
    ):
        answer = client.get(path)
        assert "script-src" not in answer.headers["content-security-policy"]
        assert answer.headers["content-security-policy"].startswith("default-src 'none'")
        assert not any(k.startswith("access-control") for k in answer.headers)
        assert answer.headers["x-frame-options"] == "DENY"
        assert "http://" not in answer.text and "https://" not in answer.text  # nothing loaded from outside


def test_bad_input_names_the_field_and_keeps_what_was_typed(client: Client, store: Store) -> None:
    answer = client.post(
        "/neu", {"case_id": "MS-1", "birth_date": "2001-02-30", "identity.nationality_doc": ""}
    )
    assert answer.status == 422
    assert "birth_date: „2001-02-30“ ist kein gültiges Datum" in html.unescape(answer.text)
    assert 'value="MS-1"' in answer.text
    assert store.count() == 0


def test_history_rules_apply_when_an_event_is_added(client: Client, store: Store) -> None:
    client.post("/neu", {"case_id": "MS-2", "birth_date": "1999-01-01"})
    page = client.get("/fall?id=MS-2")
    answer = client.post(
        "/fall/verlauf",
        {"id": "MS-2", "version": version_of(page.text), "event.date": "2027-01-05", "event.type": "antrag"},
    )
    assert answer.status == 422
    assert "„Aufenthaltsweg“ fehlt" in html.unescape(answer.text)
    stored = store.get("MS-2")
    assert stored is not None and stored.record.history == []


def test_verdict_changes_when_a_fact_changes(client: Client) -> None:
    """§ 25a Abs. 1 AufenthG: the application must be made before the 27th birthday."""
    client.post(
        "/neu",
        {
            "case_id": "LK-7",
            "birth_date": "2000-04-20",
            "status_periods.0.start": "2015-01-10",
            "status_periods.0.kind": "duldung",
        },
    )
    page = client.get("/fall?id=LK-7").text
    p25a = re.search(
        r"<summary>Aufenthaltserlaubnis für gut integrierte Jugendliche[^<]*: ([^<]*)</summary>", page
    )
    assert p25a and p25a.group(1) != "nicht möglich"
    fields = [
        ("id", "LK-7"),
        ("version", version_of(page)),
        ("case_id", "LK-7"),
        ("birth_date", "1990-04-20"),
        ("status_periods.0.start", "2015-01-10"),
        ("status_periods.0.kind", "duldung"),
    ]
    assert client.post("/fall", fields).status == 303
    page = client.get("/fall?id=LK-7").text
    p25a = re.search(
        r"<summary>Aufenthaltserlaubnis für gut integrierte Jugendliche[^<]*: ([^<]*)</summary>", page
    )
    assert p25a and p25a.group(1) == "nicht möglich"


def test_a_stale_tab_cannot_overwrite(client: Client, store: Store) -> None:
    client.post("/neu", {"case_id": "LK-8", "birth_date": "2000-04-20"})
    tab_a = client.get("/fall?id=LK-8").text
    tab_b = client.get("/fall?id=LK-8").text
    saved = client.post(
        "/fall",
        [
            ("id", "LK-8"),
            ("version", version_of(tab_a)),
            ("case_id", "LK-8"),
            ("birth_date", "2000-04-20"),
            ("integration_prognosis_positive", "ja"),
        ],
    )
    assert saved.status == 303
    stale = client.post(
        "/fall",
        [
            ("id", "LK-8"),
            ("version", version_of(tab_b)),
            ("case_id", "LK-8"),
            ("birth_date", "2000-04-20"),
            ("integration_prognosis_positive", "nein"),
        ],
    )
    assert stale.status == 409 and "inzwischen geändert" in stale.text
    stored = store.get("LK-8")
    assert stored is not None and stored.record.integration_prognosis_positive is True


def test_board_30_and_90_days_and_deterministic_calendar(client: Client) -> None:
    client.post(
        "/neu",
        {
            "case_id": "LK-9",
            "birth_date": "2000-04-20",
            "status_periods.0.start": "2015-01-10",
            "status_periods.0.kind": "duldung",
        },
    )
    assert "LK-9" not in client.get("/fristen?tage=30").text  # 19.04.2027 is 49 days after 01.03.2027
    board = html.unescape(client.get("/fristen?tage=90").text)
    assert "19.04.2027" in board and "§ 25a Abs. 1 AufenthG" in board and "27. Geburtstag" in board
    first, second = client.get("/fristen.ics?tage=90"), client.get("/fristen.ics?tage=90")
    assert first.text == second.text
    assert "DTSTART;VALUE=DATE:20270419" in first.text and first.text.endswith("END:VCALENDAR\r\n")
    assert first.headers["content-type"].startswith("text/calendar")
    assert all(len(line.encode()) <= 75 for line in first.text.split("\r\n"))


def _upload(client: Client, names: list[str]) -> Any:
    boundary = "grenze42"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{client.app.guard.csrf}\r\n'.encode()
    ]
    for name in names:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="dateien"; filename="{name}"\r\n'
            "Content-Type: application/json\r\n\r\n".encode()
            + (DATA / name).read_bytes()
            + b"\r\n"
        )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return client.request("POST", "/import", body, content_type=f"multipart/form-data; boundary={boundary}")


def _screen_message(name: str) -> str:
    err = io.StringIO()
    with redirect_stderr(err):
        assert main(["screen", str(DATA / name)]) == 2
    return err.getvalue().removeprefix("Fehler: ").replace(str(DATA / name), name).strip()


def test_import_many_files_with_the_messages_of_screen(client: Client, store: Store) -> None:
    answer = _upload(client, ["kreis-014.json", "kirche-003.json", "bad-date.json", "bad-history.json"])
    text = html.unescape(answer.text)
    assert "2 Fälle übernommen" in text
    for bad in ("bad-date.json", "bad-history.json"):
        assert _screen_message(bad) in text
    assert sorted(r.case_id for r in store.list_cases()) == ["CARITAS-NRW-003", "MS-2027-014"]
    again = html.unescape(_upload(client, ["kreis-014.json"]).text)
    assert "0 Fälle übernommen" in again and "„MS-2027-014“ gibt es schon" in again
    assert store.count() == 2


def test_hostile_values_are_escaped_everywhere(client: Client) -> None:
    _upload(client, ["xss.json"])
    pages = [
        client.get("/").text,
        client.get("/fall?id=" + XSS.replace(" ", "%20").replace("=", "%3D")).text,
        client.get("/verwaltung").text,
    ]
    for page in pages:
        assert "<img src=x" not in page and "<script>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in pages[0]
    assert "&lt;/textarea&gt;&lt;script&gt;" in pages[1]


def test_export_reads_back_with_the_caseload_reader(client: Client, tmp_path: Path) -> None:
    _upload(client, ["kreis-014.json", "kirche-003.json"])
    for suffix in ("jsonl", "csv"):
        answer = client.get(f"/export.{suffix}")
        assert answer.text == client.get(f"/export.{suffix}").text  # deterministic
        path = tmp_path / f"fallliste.{suffix}"
        path.write_text(answer.text, encoding="utf-8")
        rows = list(iter_caseload(path))
        assert [r.problems for r in rows] == [[], []]
        by_id = {r.record.case_id: r.record for r in rows if r.record}
        assert by_id["MS-2027-014"] == load_case(DATA / "kreis-014.json")
        assert by_id["CARITAS-NRW-003"] == load_case(DATA / "kirche-003.json")


@pytest.mark.parametrize("probe", [True, False])
def test_retention_dry_run_deletes_nothing(client: Client, store: Store, probe: bool) -> None:
    from replicate.caserecord import parse_case

    store.add_many(
        [
            parse_case({"case_id": "ALT-2022", "history": [{"date": "2022-06-01", "type": "erstberatung"}]}),
            parse_case({"case_id": "NEU-2026", "history": [{"date": "2026-06-01", "type": "erstberatung"}]}),
        ],
        client.app.today(),
    )
    fields = {"probelauf": "ja"} if probe else {}
    answer = client.post("/verwaltung/loeschen", fields)
    assert "ALT-2022" in answer.text and "NEU-2026" not in answer.text.split("<h2>Protokoll")[0]
    remaining = sorted(r.case_id for r in store.list_cases())
    assert remaining == (["ALT-2022", "NEU-2026"] if probe else ["NEU-2026"])


def test_a_form_sent_with_every_field_empty_is_a_case_with_everything_unknown(
    client: Client, store: Store
) -> None:
    """A browser sends every input, empty ones included: empty means unknown, never "no" or a bad entry."""
    names = dict.fromkeys(
        re.findall(r'<(?:input|select|textarea)[^>]* name="([^"]+)"', client.get("/neu").text)
    )
    fields = [(name, "MS-3" if name == "case_id" else "") for name in names if name != "csrf"]
    assert client.post("/neu", fields).status == 303
    stored = store.get("MS-3")
    assert stored is not None
    assert stored.record.model_dump(exclude_defaults=True) == {"case_id": "MS-3"}


def test_recomputing_the_board_keeps_todays_deadlines(client: Client, store: Store) -> None:
    client.post(
        "/neu",
        {
            "case_id": "LK-10",
            "birth_date": "2000-04-20",
            "status_periods.0.start": "2015-01-10",
            "status_periods.0.kind": "duldung",
        },
    )
    before = store.board(client.app.today(), 90)
    assert client.post("/fristen/neu-berechnen", {}).status == 303
    assert store.board(client.app.today(), 90) == before != []
    assert store.conn.execute("SELECT computed_on FROM cases").fetchone()[0] == "2027-03-01"
