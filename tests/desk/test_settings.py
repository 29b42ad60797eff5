"""What the desk takes from the kit's settings: the Land's bodies and laws, and the retention period.

Without settings no Land is assumed; with a Kreis in North Rhine-Westphalia nothing Saxon appears in any
page, calendar file or export, for a caseload that reaches every pathway (the rule test cases).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from replicate.caserecord import parse_case
from replicate.desk.app import DeskApp
from replicate.desk.security import Guard, loopback_hosts
from replicate.desk.store import Store
from replicate.rules.local import rules_for
from replicate.screening.casetests import case_files, load_case_file, merge
from replicate.settings import Settings, load_settings
from tests.desk.conftest import TODAY, Client

EXAMPLES = Path(__file__).parents[2] / "examples"
SAXON = re.compile(r"Sächs|Sachsen(?!-Anhalt)|Landesdirektion|Staatsministerium|SMI\b|Dresd")
"""Saxon bodies and laws (commission, regulation, ministry, removal authority, school law) and the model city."""


def _records() -> list[Any]:
    records = []
    for path in case_files():
        cases = load_case_file(path)
        for number, case in enumerate(cases.cases):
            data = merge(cases.base, case.case)
            data["case_id"] = f"{path.stem}-{number}"
            records.append(parse_case(data))
    return records


def _desk(tmp_path: Path, settings: Settings | None, records: list[Any]) -> Client:
    store = Store(tmp_path / "beratung.sqlite", rules_for(settings), "test")
    store.add_many(records, TODAY)
    return Client(DeskApp(store, Guard(loopback_hosts("127.0.0.1", 8750)), settings, today=lambda: TODAY))


def _everything(client: Client) -> dict[str, str]:
    """Every page, the calendar file and both exports, by address."""
    paths = ["/", "/neu", "/fristen?tage=90", "/fristen.ics?tage=90", "/export.csv", "/export.jsonl"]
    paths += ["/import", "/bericht", "/verwaltung"]
    paths += [f"/fall?{urlencode({'id': row.case_id})}" for row in client.app.store.list_cases()]
    answers = {path: client.get(path) for path in paths}
    assert {path: a.status for path, a in answers.items() if a.status != 200} == {}
    return {path: a.text for path, a in answers.items()}


def _saxon(texts: dict[str, str]) -> dict[str, list[str]]:
    return {path: sorted(set(SAXON.findall(text))) for path, text in texts.items() if SAXON.search(text)}


@pytest.fixture(scope="module")
def records() -> list[Any]:
    found = _records()
    assert len(found) > 100 and any(r.case_id.startswith("p23a") for r in found)
    return found


@pytest.mark.parametrize("example", [None, "kreis-mettmann.yaml"])
def test_no_saxon_body_or_law_without_settings_or_outside_saxony(
    example: str | None, tmp_path: Path, records: list[Any]
) -> None:
    settings = load_settings(EXAMPLES / example) if example else None
    texts = _everything(_desk(tmp_path, settings, records))
    assert len(texts) > 100
    assert _saxon(texts) == {}
    hardship = "\n".join(text for path, text in texts.items() if "p23a" in path)
    assert "Härtefallkommission" in hardship  # the commission is named, only not a Saxon one
    assert "Sächsische Härtefallkommission" not in hardship


def test_control_a_saxon_desk_names_saxon_bodies(tmp_path: Path, records: list[Any]) -> None:
    """The scan above can fail: with Saxon settings the commission and its regulation are Saxon."""
    settings = load_settings(EXAMPLES / "landkreis-mittelsachsen.yaml")
    p23a = [r for r in records if r.case_id.startswith("p23a")]
    client = _desk(tmp_path, settings, p23a)
    page = client.get(f"/fall?{urlencode({'id': p23a[0].case_id})}").text
    assert "Sächsische Härtefallkommission" in page and "SächsHFKVO" in page


def _with_contact(case_id: str, day: str) -> Any:
    return parse_case({"case_id": case_id, "history": [{"date": day, "type": "erstberatung"}]})


def _expired(page: str) -> list[str]:
    """The dry run's list of cases due for deletion."""
    found = re.search(r'<ul class="expired">(.*?)</ul>', page, re.S)
    assert found, "no list of expired cases on the page"
    return re.findall(r"<li>(.*?)</li>", found.group(1))


CONTACTS = [_with_contact("A-2021", "2021-06-01"), _with_contact("B-2022", "2022-03-01")]


def test_retention_of_five_years_from_the_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A church-run service keeping files five years: 2021 + 5 ends 31.12.2026 (expired on 01.03.2027),
    2022 + 5 runs to 31.12.2027; with the default three years both would be due."""
    monkeypatch.setenv("REPLICATE_ADVICE_SERVICE__RETENTION_YEARS", "5")
    settings = load_settings(EXAMPLES / "kreis-mettmann.yaml")
    assert settings.advice_service.retention_years == 5
    client = _desk(tmp_path, settings, CONTACTS)
    page = client.get("/verwaltung").text
    assert "5 Jahre nach dem Ende des Jahres des letzten Kontakts" in page and "Voreinstellung" not in page
    dry = client.post("/verwaltung/loeschen", {"probelauf": "ja"})
    assert "1 Fälle würden gelöscht" in dry.text
    assert _expired(dry.text) == ["A-2021 (letzter Kontakt 01.06.2021)"]
    assert client.app.store.count() == 2  # a dry run deletes nothing
    client.post("/verwaltung/loeschen", {})
    assert [r.case_id for r in client.app.store.list_cases()] == ["B-2022"]


def test_without_settings_the_default_is_named(tmp_path: Path) -> None:
    client = _desk(tmp_path, None, CONTACTS)
    page = client.get("/verwaltung").text
    assert "ohne Einstellungsdatei" in page and "Voreinstellung von 3 Jahren" in page
    dry = client.post("/verwaltung/loeschen", {"probelauf": "ja"})
    assert "2 Fälle würden gelöscht" in dry.text
    assert _expired(dry.text) == [
        "A-2021 (letzter Kontakt 01.06.2021)",
        "B-2022 (letzter Kontakt 01.03.2022)",
    ]
