"""The case history (record version 2): cases as data (``history_cases.yaml``), CSV columns, the schema."""

from __future__ import annotations

import itertools
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from replicate.caserecord import CaseRecord, case_schema, iter_caseload, load_case, parse_case
from replicate.caserecord.history import CloseReason, EventType, PathwayId, ReferralBy, Result
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
    assert any("schema_version: ungültiger Wert „7“" in p for p in _problems({"schema_version": "7"}))


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
    # the empty history.1 columns of K-2 are an entry without date and type (the model's field check
    # comes before the order rules of the history)
    assert "Zeile 3: history.1.date: Pflichtangabe fehlt" in message
    assert "Zeile 3: history.1.type: Pflichtangabe fehlt" in message


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


# ---------- any history: a record or a CaseRecordError, never anything else; valid means the rules hold ----------

_events = st.fixed_dictionaries(
    {
        "date": st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 1, 20)).map(str),
        "type": st.sampled_from(EventType.__args__),
    },
    optional={
        "pathway": st.sampled_from(PathwayId.__args__),
        "result": st.sampled_from(Result.__args__),
        "reason": st.sampled_from(CloseReason.__args__),
        "referral_by": st.sampled_from(ReferralBy.__args__),
        "consent": st.booleans(),
    },
)


def _prune(event: dict[str, Any]) -> dict[str, Any]:
    """Keep only the fields the event's type takes, so that the order rules are reached more often."""
    fields = history_rules().types[event["type"]].fields
    return {k: v for k, v in event.items() if k in ("date", "type") or k in fields}


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_events, _events.map(_prune)), max_size=6))
def test_any_history_is_a_record_or_named_problems(events: list[dict[str, Any]]) -> None:
    try:
        record = parse_case({"case_id": "H", "history": events})
    except CaseRecordError as err:
        assert err.problems and all(p.location.startswith("history.") for p in err.problems)
        return
    rules = history_rules()
    history = record.history
    assert all(a.date <= b.date for a, b in itertools.pairwise(history))
    closed = False
    for index, event in enumerate(history):
        assert not closed or event.type == rules.reopening
        closed = event.type == rules.closing or (closed and event.type != rules.reopening)
        if event.type == "entscheidung":
            earlier = history[:index]
            assert any(e.type == "antrag" and e.pathway == event.pathway for e in earlier) or (
                event.pathway == "p23a" and any(e.result == "ersuchen" for e in earlier)
            )
        for name in EVENT_FIELDS:
            spec = rules.types[event.type].fields.get(name)
            value = getattr(event, name)
            assert spec is not None or value is None
            assert spec is None or not spec.required or value is not None


def test_screen_reads_a_caseload_with_history_columns(tmp_path: Path) -> None:
    """The screener takes version-2 caseloads (history columns) and version-1 rows side by side."""
    from replicate.cli import main

    path = tmp_path / "faelle.csv"
    path.write_text(
        "case_id,schema_version,birth_date,nationality,history.0.date,history.0.type,history.0.referral_by,"
        "history.1.date,history.1.type,history.1.pathway\n"
        "K-1,2,1990-01-01,SY,2027-01-02,verweisung,auslaenderbehoerde,2027-02-01,antrag,p25b\n"
        "K-2,1,1985-06-30,,,,,,,\n",
        encoding="utf-8",
    )
    out = tmp_path / "ergebnisse.csv"
    assert main(["screen", str(path), "--out", str(out), "--as-of", "2027-03-01"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "K-1" in text and "K-2" in text
