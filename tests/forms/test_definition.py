"""The form definition is derived from the case record and covers it completely."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from replicate.caserecord import CaseRecord
from replicate.caserecord.parts import Job
from replicate.forms.coverage import coverage_problems
from replicate.forms.definition import all_fields, form_sections, model_paths
from replicate.forms.layout import load_layout, parse_layout
from replicate.rules import load_rules
from tests.forms.conftest import ROOT

LAYOUT_FILE = ROOT / "src" / "replicate" / "forms" / "fields.yaml"


def _layout_data() -> dict[str, Any]:
    return yaml.safe_load(LAYOUT_FILE.read_text(encoding="utf-8"))


def _fields() -> dict[str, Any]:
    return {f.path: f for f in all_fields(form_sections())}


def test_form_covers_the_case_record_exactly() -> None:
    assert coverage_problems(load_layout()) == []


def test_a_misspelt_path_in_the_layout_fails() -> None:
    data = copy.deepcopy(_layout_data())
    data["fields"]["employment.jobs[].hours_per_wek"] = {"help": "Tippfehler"}
    assert coverage_problems(parse_layout(data)) == [
        "fields.yaml nennt employment.jobs[].hours_per_wek, das es in der Fallakte nicht gibt"
    ]


def test_a_field_neither_asked_nor_excluded_fails() -> None:
    data = copy.deepcopy(_layout_data())
    for section in data["sections"]:
        section["fields"] = [name for name in section["fields"] if name != "integration_prognosis_positive"]
    problems = coverage_problems(parse_layout(data))
    assert problems == [
        "Feld integration_prognosis_positive der Fallakte fehlt im Formular und ist nicht unter excluded begründet"
    ]


def test_an_enum_value_without_label_fails() -> None:
    data = copy.deepcopy(_layout_data())
    del data["choices"]["dublin"]
    assert coverage_problems(parse_layout(data)) == ["Wert 'dublin' hat kein Label unter choices"]


def test_excluding_a_field_needs_a_reason_and_removes_it() -> None:
    data = copy.deepcopy(_layout_data())
    next(s for s in data["sections"] if s["id"] == "hardship")["fields"].remove(
        "integration_prognosis_positive"
    )
    data["fields"].pop("integration_prognosis_positive")
    data["excluded"]["integration_prognosis_positive"] = "wird erst nach der Beratung eingeschätzt"
    assert coverage_problems(parse_layout(data)) == []


def test_every_case_record_field_is_a_form_field_or_excluded() -> None:
    asked = set(_fields())
    excluded = set(load_layout().excluded)
    not_asked = model_paths(CaseRecord) - asked
    assert {p.split(".")[0].split("[]")[0] for p in not_asked} == excluded
    assert excluded <= not_asked


def test_types_limits_and_labels_come_from_the_model() -> None:
    fields = _fields()
    hours = fields["employment.jobs[].hours_per_week"]
    assert (hours.kind, hours.minimum, hours.maximum, hours.required) == ("number", 0, 60, True)
    assert hours.label == Job.model_fields["hours_per_week"].description
    assert fields["birth_date"].kind == "date"
    assert fields["convictions[].day_fines"].kind == "int"
    assert fields["asylum.outcome"].kind == "select" and fields["asylum.outcome"].nullable
    assert fields["removal.imminent_measures"].kind == "multiselect"
    assert fields["identity.documents"].kind == "textlist"
    assert fields["status_periods"].kind == "list"
    assert fields["education.training"].kind == "group" and fields["education.training"].nullable
    assert fields["convictions[].juvenile"].default == "nein"
    assert all(f.label for f in fields.values())


def test_pathways_are_rule_ids_and_inherited() -> None:
    layout = load_layout()
    assert set(layout.pathways) == set(load_rules().pathways)
    fields = _fields()
    for f in fields.values():
        assert set(f.pathways) <= set(layout.pathways), f.path
    assert "p60d" in fields["employment.jobs[].hours_per_week"].pathways
    assert fields["education.training.kind"].pathways == fields["education.training"].pathways


@pytest.mark.parametrize("section", [s.id for s in form_sections()])
def test_every_section_has_fields(section: str) -> None:
    found = next(s for s in form_sections() if s.id == section)
    assert found.leaves()
