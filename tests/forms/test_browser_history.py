"""The offline form's case history (Verlauf), nationality and gender, and its limits against hostile files,
in Debian's Chromium (the same harness as test_browser.py: no network, no dialog, no console error)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from replicate.caserecord import CaseRecord, case_schema
from replicate.forms.limits import MAX_FILE_BYTES, MAX_LIST_ITEMS
from tests.forms import test_browser as harness
from tests.forms.test_browser import XSS, Form

browser = harness.browser  # the fixtures of the shared harness
form = harness.form

pytestmark = pytest.mark.browser


def event(form: Form, n: int, date: str, kind: str, **fields: str) -> None:
    """Add the n-th event (0-based) and fill it like an adviser: date, type, then the fields of the type."""
    form.add("history")
    form.fill("history[].date", date, nth=n)
    form.field("history[].type", n).select_option(kind)
    for name, value in fields.items():
        form.field(f"history[].{name}", n).select_option(value)


def row_error(form: Form, n: int) -> str:
    return str(form.page.locator("#s-verlauf .item").nth(n).locator(":scope > p.error").text_content())


def test_events_are_saved_as_valid_record_and_loaded_back(form: Form, tmp_path: Path) -> None:
    form.fill("case_id", "LK-2027-014")
    form.fill("birth_date", "02.04.1988")
    form.field("nationality").select_option("XK")
    form.field("gender").select_option("maennlich")
    event(form, 0, "12.01.2027", "verweisung", referral_by="auslaenderbehoerde")
    event(form, 1, "19.01.2027", "fallkonferenz", consent="true")
    event(form, 2, "15.03.2027", "antrag", pathway="p25b_6")
    event(form, 3, "30.09.2027", "entscheidung", pathway="p25b_6", result="erteilt")
    event(form, 4, "04.10.2027", "abschluss", reason="aufenthalt_gesichert")
    data = form.save(tmp_path / "fall.json")
    assert "Gespeichert" in form.status()
    jsonschema.validate(data, case_schema())
    record = CaseRecord.model_validate(data)
    assert record.nationality == "XK" and record.gender == "maennlich"
    assert data["history"][0] == {
        "date": "2027-01-12",
        "type": "verweisung",
        "referral_by": "auslaenderbehoerde",
    }
    assert data["history"][1] == {"date": "2027-01-19", "type": "fallkonferenz", "consent": True}
    assert data["history"][3] == {
        "date": "2027-09-30",
        "type": "entscheidung",
        "pathway": "p25b_6",
        "result": "erteilt",
    }
    assert [e.type for e in record.history][-1] == "abschluss"

    form.open()
    form.load(tmp_path / "fall.json")
    assert "Geladen" in form.status()
    assert form.field("history[].pathway", 3).input_value() == "p25b_6"
    assert form.field("nationality").input_value() == "XK"
    assert form.save(tmp_path / "again.json") == data


def test_only_the_fields_of_the_event_type_are_shown(form: Form) -> None:
    form.add("history")
    assert not form.field("history[].pathway").is_visible()
    form.field("history[].type").select_option("antrag")
    assert form.field("history[].pathway").is_visible()
    assert not form.field("history[].result").is_visible()
    assert not form.field("history[].reason").is_visible()


def test_a_decision_without_application_is_flagged_and_not_saved(form: Form, tmp_path: Path) -> None:
    form.fill("case_id", "A-17")
    event(form, 0, "10.01.2027", "antrag", pathway="p25a")
    event(form, 1, "05.05.2027", "entscheidung", pathway="p25b", result="abgelehnt")
    assert "Kein früheres Ereignis „Antrag gestellt“ mit Aufenthaltsweg § 25b Abs. 1 AufenthG" in row_error(
        form, 1
    )
    form.page.click("#save")
    assert "Nicht gespeichert" in form.status()
    form.field("history[].pathway", 0).select_option("p25b")  # the application was for § 25b after all
    assert row_error(form, 1) == ""
    data = form.save(tmp_path / "fall.json")
    CaseRecord.model_validate(data)


def test_order_closing_and_type_rules_are_checked(form: Form) -> None:
    event(form, 0, "01.03.2027", "erstberatung")
    event(form, 1, "01.02.2027", "folgeberatung")
    assert "Liegt vor dem vorigen Ereignis (01.03.2027)" in form.error_of("history[].date", 1)
    form.fill("history[].date", "02.03.2027", nth=1)
    assert form.error_of("history[].date", 1) == ""
    event(form, 2, "03.03.2027", "abschluss")
    assert "Bei diesem Ereignis bitte angeben" in form.error_of("history[].reason", 2)
    form.field("history[].reason", 2).select_option("kein_kontakt")
    event(form, 3, "04.03.2027", "folgeberatung")
    assert "seit 03.03.2027 abgeschlossen" in row_error(form, 3)
    form.page.locator("#s-verlauf .item").nth(3).locator("button.remove").click()
    event(form, 3, "04.03.2027", "wiederaufnahme")
    event(form, 4, "05.03.2027", "duldung_erteilt", pathway="p25b")
    assert "erlaubt: § 60c AufenthG, § 60d Abs. 1 AufenthG" in form.error_of("history[].pathway", 4)
    assert row_error(form, 3) == "" and row_error(form, 4) == ""


def test_a_version_1_file_loads_and_is_saved_as_version_2(form: Form, tmp_path: Path) -> None:
    old = tmp_path / "alt.json"
    old.write_text(
        json.dumps({"schema_version": "1", "case_id": "alt-1", "birth_date": "1999-01-01"}), encoding="utf-8"
    )
    form.load(old)
    assert "Geladen" in form.status()
    data = form.save(tmp_path / "neu.json")
    assert data == {"schema_version": "2", "case_id": "alt-1", "birth_date": "1999-01-01"}


def test_history_stays_german_and_countries_are_named_in_the_language(form: Form) -> None:
    form.add("history")
    form.page.select_option("#lang", "ar")
    verlauf = form.page.locator("#s-verlauf")
    assert verlauf.get_attribute("lang") == "de"
    text = str(verlauf.text_content())
    assert "Verlauf (für die Beratungsstelle)" in text and "[DE]" not in text
    assert verlauf.locator("button.add").text_content() == "Eintrag hinzufügen"
    assert form.field("history[].date").get_attribute("placeholder") == "TT.MM.JJJJ"
    form.fill("history[].date", "31.02.2027")
    assert form.error_of("history[].date") == "Dieses Datum gibt es nicht."
    assert (
        form.page.locator("#s-person button, #s-status button.add").first.text_content()
        != "Eintrag hinzufügen"
    )
    assert form.field("nationality").locator('option[value="SY"]').text_content() == "سوريا"
    assert form.field("nationality").locator('option[value="DE"]').text_content() == "ألمانيا"


def test_event_values_are_text(form: Form, tmp_path: Path) -> None:
    bad = tmp_path / "xss.json"
    bad.write_text(json.dumps({"history": [{"date": "2027-01-01", "type": XSS}]}), encoding="utf-8")
    form.load(bad)
    assert "ungültiger Wert in history.0.type" in form.status()
    assert form.page.locator("img").count() == 0


# ---------- limits and hostile files (issue 9, items 8 and 12) ----------


def _keep_typed_values(form: Form) -> None:
    form.fill("case_id", "behalten")
    form.field("asylum.outcome").select_option("laufend")


def _typed_values_kept(form: Form) -> None:
    assert "Das Formular bleibt unverändert" in form.status()
    assert "Geladen" not in form.status()
    assert form.field("case_id").input_value() == "behalten"
    assert form.field("asylum.outcome").input_value() == "laufend"


def test_a_file_above_the_size_limit_is_refused_before_reading(form: Form, tmp_path: Path) -> None:
    periods = [{"kind": "duldung", "start": "2020-01-01"}] * 125_000  # the 5 MB file that froze the form
    big = tmp_path / "riesig.json"
    big.write_text(json.dumps({"status_periods": periods}), encoding="utf-8")
    assert big.stat().st_size > MAX_FILE_BYTES
    _keep_typed_values(form)
    form.load(big)
    assert f"das Formular lädt Dateien bis {MAX_FILE_BYTES // 1024} KB" in form.status()
    _typed_values_kept(form)


def test_a_list_above_the_length_limit_is_refused(form: Form, tmp_path: Path) -> None:
    periods = [{"kind": "duldung", "start": "2020-01-01"}] * (MAX_LIST_ITEMS + 1)
    long = tmp_path / "lang.json"
    long.write_text(
        json.dumps({"identity": {"documents": ["Pass"]}, "status_periods": periods}), encoding="utf-8"
    )
    assert long.stat().st_size < MAX_FILE_BYTES
    _keep_typed_values(form)
    form.load(long)
    assert f"mehr als {MAX_LIST_ITEMS} Einträge in status_periods" in form.status()
    _typed_values_kept(form)


def test_adding_beyond_the_length_limit_is_refused(form: Form, tmp_path: Path) -> None:
    events = [{"date": "2027-01-01", "type": "folgeberatung"}] * MAX_LIST_ITEMS
    full = tmp_path / "voll.json"
    full.write_text(json.dumps({"history": events}), encoding="utf-8")
    form.load(full)
    assert "Geladen" in form.status()
    form.add("history")
    assert f"Höchstens {MAX_LIST_ITEMS} Einträge je Liste." in form.status()
    assert form.page.locator("#s-verlauf .item").count() == MAX_LIST_ITEMS


@pytest.mark.parametrize(
    "content",
    [
        '{"__proto__": {"case_id": "x"}}',
        '{"constructor": "x"}',
        '{"toString": "x"}',
        '{"valueOf": null}',
        '{"identity": {"__proto__": {"clarified": true}}}',
        '{"history": [{"date": "2027-01-01", "type": "erstberatung", "constructor": 1}]}',
    ],
)
def test_prototype_keys_are_refused(form: Form, tmp_path: Path, content: str) -> None:
    bad = tmp_path / "proto.json"
    bad.write_text(content, encoding="utf-8")
    _keep_typed_values(form)
    form.load(bad)
    assert "unbekanntes Feld" in form.status()
    _typed_values_kept(form)
    assert form.page.evaluate("({}).case_id === undefined && ({}).clarified === undefined")


def test_invalid_utf8_is_not_loaded(form: Form, tmp_path: Path) -> None:
    bad = tmp_path / "latin1.json"
    bad.write_bytes('{"case_id": "Müller-1"}'.encode("latin-1"))
    _keep_typed_values(form)
    form.load(bad)
    assert "keine Textdatei in UTF-8" in form.status()
    _typed_values_kept(form)


def test_utf8_with_bom_still_loads(form: Form, tmp_path: Path) -> None:
    good = tmp_path / "bom.json"
    good.write_bytes(b"\xef\xbb\xbf" + '{"case_id": "Ö-1"}'.encode())
    form.load(good)
    assert "Geladen" in form.status()
    assert form.field("case_id").input_value() == "Ö-1"


# ---------- the form and the library agree on every case of tests/caserecord/history_cases.yaml ----------

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parents[1] / "caserecord" / "history_cases.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_form_and_library_agree(form: Form, tmp_path: Path, case: dict[str, Any]) -> None:
    path = tmp_path / "fall.json"
    path.write_text(json.dumps(case["record"], default=str), encoding="utf-8")
    form.load(path)
    if "Geladen" in form.status():
        form.page.click("#save")
        accepted = "Gespeichert" in str(form.page.locator("#status").text_content())
    else:
        accepted = False  # refused on loading (unknown field or value)
    assert accepted == (case["problems"] == []), form.status()
