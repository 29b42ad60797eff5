"""The case history (record version 2): cases as data (``history_cases.yaml``), CSV columns, the schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from replicate.caserecord import CaseRecord, case_schema, iter_caseload, load_case, parse_case
from replicate.caserecord.history import PathwayId
from replicate.caserecord.history_rules import EVENT_FIELDS, history_rules
from replicate.caserecord.nationality import country_names
from replicate.errors import CaseRecordError
from replicate.rules import load_rules

HERE = Path(__file__).parent
CASES: list[dict[str, Any]] = yaml.safe_load((HERE / "history_cases.yaml").read_text(encoding="utf-8"))


def _problems(record: dict[str, Any]) -> list[str]:
    try:
        parse_case(json.loads(json.dumps(record, default=str)))
    except CaseRecordError as err:
        return [p.render() for p in err.problems]
    return []


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_history_case(case: dict[str, Any]) -> None:
    found = _problems(case["record"])
    expected = case["problems"]
    if not expected:
        assert found == []
        return
    for text in expected:
        assert any(text in line for line in found), (text, found)
    assert len(found) == len(expected), found


def test_version_1_file_reads_as_version_2(tmp_path: Path) -> None:
    path = tmp_path / "alt.json"
    path.write_text('{"schema_version": "1", "case_id": "v1", "convictions": []}', encoding="utf-8")
    record = load_case(path)
    assert (record.schema_version, record.history, record.nationality) == ("2", [], None)
    assert json.loads(record.model_dump_json())["schema_version"] == "2"


def test_unknown_version_is_refused() -> None:
    assert any("schema_version: unzulässiger Wert '7'" in p for p in _problems({"schema_version": "7"}))


def test_csv_history_columns_are_0_based_and_rows_stay_separate(tmp_path: Path) -> None:
    path = tmp_path / "faelle.csv"
    path.write_text(
        "case_id,nationality,gender,history.0.date,history.0.type,history.0.referral_by,"
        "history.1.date,history.1.type,history.1.pathway,history.2.date,history.2.type,history.2.pathway,"
        "history.2.result\n"
        "K-1,AF,weiblich,2027-01-02,verweisung,selbst,2027-02-01,antrag,p25b,2027-06-01,entscheidung,p25b,erteilt\n"
        "K-2,ungeklaert,,2027-01-02,erstberatung,,,,,2027-06-01,entscheidung,p19d,offen\n",
        encoding="utf-8",
    )
    rows = list(iter_caseload(path))
    first = rows[0].record
    assert first is not None and [e.type for e in first.history] == ["verweisung", "antrag", "entscheidung"]
    assert first.history[0].referral_by == "selbst" and first.nationality == "AF"
    assert rows[1].record is None
    message = "\n".join(p.render(path) for p in rows[1].problems)
    assert "Zeile 3: history.2: Fall „K-2“, 3. Ereignis" in message
    assert "„Antrag gestellt“ mit Aufenthaltsweg § 19d Abs. 1 AufenthG" in message


def test_rule_data_agrees_with_the_model() -> None:
    rules = history_rules()
    schema = case_schema()["$defs"]["CaseEvent"]["properties"]
    assert set(rules.types) == set(schema["type"]["enum"])
    assert list(rules.pathways) == list(PathwayId.__args__)
    assert set(rules.field_names) == set(EVENT_FIELDS) | {"date", "type"}
    for name, rule in rules.types.items():
        for field, spec in rule.fields.items():
            allowed = {
                v for option in schema[field].get("anyOf", [schema[field]]) for v in option.get("enum", [])
            }
            assert set(spec.values) <= allowed, (name, field)
        for needs in rule.needs_earlier:
            assert needs.type in rules.types


def test_pathways_of_the_rules_are_all_recordable() -> None:
    """Every pathway the screener knows can be recorded; the history adds § 25b Abs. 4 and § 60d Abs. 2
    (family members, who are advised too but are screened through the main person)."""
    rule_ids = set(load_rules().pathways)
    assert rule_ids <= set(history_rules().pathways)
    assert set(history_rules().pathways) - rule_ids == {"p25b_4", "p60d_2"}


def test_country_list() -> None:
    names = country_names()
    assert names["SY"] == "Syrien" and names["XK"] == "Kosovo" and names["DE"] == "Deutschland"
    assert not {"EU", "UN", "ZZ", "EZ", "QO", "IC"} & set(names)
    assert 245 <= len(names) <= 255
    assert country_names("ar")["SY"] != "Syrien"
    assert CaseRecord(nationality="PS").nationality == "PS"
