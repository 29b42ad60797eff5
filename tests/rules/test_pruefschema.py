"""The Prüfschema and the exported rules come from the same rule data."""

from __future__ import annotations

from datetime import date

import yaml

from replicate.caserecord import case_schema
from replicate.rules import load_rules
from replicate.rules.local import LocalAdjustments
from replicate.rules.pruefschema import export_rules, render_pruefschema

DAY = date(2026, 11, 25)
LOCAL = LocalAdjustments.model_validate(
    {"conditions": {"p60d.employment": {"notes": ["Dresden: Arbeitgeberbescheinigung nach Muster der ABH"]}}}
)


def test_pruefschema_has_date_rdg_note_and_every_pathway():
    rules = load_rules()
    text = render_pruefschema(rules, DAY, LOCAL)
    assert "Stand der Rechtslage: 25.11.2026" in text
    assert "Rechtsdienstleistungsgesetz" in text
    for pathway in rules.pathways.values():
        assert pathway.title in text
    assert "Dresden: Arbeitgeberbescheinigung" in text
    assert "Stunden/Woche" in text and "**20 Stunden/Woche**" in text


def test_pruefschema_uses_values_valid_on_the_date():
    old = render_pruefschema(load_rules(), date(2024, 1, 15))
    assert "**35 Stunden/Woche**" in old
    assert "Übergangsregelung Chancen-Aufenthaltsrecht" not in old  # in force only from 31.12.2025


def test_pruefschema_is_plain_markdown():
    text = render_pruefschema(load_rules(), DAY)
    assert "<" not in text.replace("<=", "")  # no HTML
    for line in text.splitlines():
        if line.startswith("|"):
            assert line.endswith("|")


def test_holder_rules_leave_the_pruefschema_after_30_june_2027():
    assert "§ 25b Abs. 8 AufenthG (bis 30.06.2027)" in render_pruefschema(load_rules(), DAY)
    assert "§ 25b Abs. 8 AufenthG (bis 30.06.2027)" not in render_pruefschema(load_rules(), date(2027, 7, 1))


def test_export_rules_is_yaml_and_carries_local_notes():
    data = export_rules(load_rules(), DAY, LOCAL)
    text = yaml.safe_dump(data, allow_unicode=True)
    back = yaml.safe_load(text)
    assert back["stand_der_rechtslage"] == "2026-11-25"
    employment = next(c for c in back["wege"]["p60d"]["voraussetzungen"] if c["id"] == "p60d.employment")
    assert employment["parameter"]["hours"]["wert"] == 20
    assert employment["oertliche_hinweise"] == ["Dresden: Arbeitgeberbescheinigung nach Muster der ABH"]
    lifted = back["sperren"]["p10_3_s2"]["aufgehoben_fuer"]
    assert "p25b" in lifted and "p19d" not in lifted


def test_case_schema_is_documented_and_versioned():
    schema = case_schema()
    assert "Version 2" in schema["title"]
    assert schema["properties"]["entry_date"]["description"]
    job = schema["$defs"]["Job"]["properties"]["hours_per_week"]
    assert job["maximum"] == 60 and job["description"]
