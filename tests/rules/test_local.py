"""Local adjustments: notes and evidence everywhere, parameters only where the law leaves room."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from replicate.caserecord import parse_case
from replicate.errors import RulesError
from replicate.rules import load_rules
from replicate.rules.local import LocalAdjustments, apply_local
from replicate.screening import screen

from .base_case import base_case

DAY = date(2026, 11, 25)
CASE = base_case(livelihood={"share_covered_by_work": 50.5, "secured_now": True})


def _adj(data):
    return LocalAdjustments.model_validate({"conditions": data})


def test_local_parameter_with_justification_changes_the_practice_threshold():
    rules = load_rules()
    case = parse_case(CASE)
    assert screen(case, rules, DAY).pathways["p25b"].verdict == "nicht möglich"
    local = apply_local(
        rules,
        _adj(
            {
                "p25b.livelihood": {
                    "parameters": {
                        "min_share_percent": {
                            "value": 50.5,
                            "justification": "Absprache ABH vom 01.03.2024: mehr als die Hälfte genügt",
                        }
                    }
                }
            }
        ),
    )
    assert screen(case, local, DAY).pathways["p25b"].verdict == "möglich jetzt"
    assert screen(case, rules, DAY).pathways["p25b"].verdict == "nicht möglich"  # base rules untouched


@pytest.mark.parametrize("value", [50, 49, 0.6])
def test_half_or_less_is_never_ueberwiegend(value):
    # § 25b Abs. 1 Satz 2 Nr. 3 AufenthG: "überwiegend" means more than half of the need
    adj = {"min_share_percent": {"value": value, "justification": "Die ABH wertet 50 % als überwiegend."}}
    with pytest.raises(RulesError) as info:
        apply_local(load_rules(), _adj({"p25b.livelihood": {"parameters": adj}}))
    text = str(info.value)
    assert "local_rules.conditions.p25b.livelihood.parameters.min_share_percent" in text
    assert "überwiegend" in text and "mehr als 50" in text


def test_statutory_threshold_is_refused_naming_the_key():
    with pytest.raises(RulesError) as info:
        apply_local(
            load_rules(),
            _adj(
                {
                    "p25b.residence": {
                        "parameters": {"years": {"value": 5, "justification": "kürzer wäre schöner"}}
                    }
                }
            ),
        )
    assert "local_rules.conditions.p25b.residence.parameters.years: gesetzlicher Schwellenwert" in str(
        info.value
    )


def test_parameter_of_a_mandatory_condition_is_refused():
    rules = load_rules()
    with pytest.raises(RulesError, match="nicht änderbar"):
        apply_local(
            rules,
            _adj(
                {"p25a.age": {"parameters": {"min_age": {"value": 12, "justification": "jüngere zulassen"}}}}
            ),
        )


def test_unknown_condition_and_parameter_are_refused():
    with pytest.raises(RulesError) as info:
        apply_local(
            load_rules(),
            _adj(
                {
                    "p99.x": {},
                    "p25b.language": {
                        "parameters": {"niveau": {"value": "A1", "justification": "xxxxxxxxxxxx"}}
                    },
                }
            ),
        )
    text = str(info.value)
    assert "local_rules.conditions.p99.x: unbekannte Bedingung" in text
    assert "local_rules.conditions.p25b.language.parameters.niveau" in text


def test_justification_is_mandatory():
    with pytest.raises(ValidationError):
        _adj({"p25b.livelihood": {"parameters": {"min_share_percent": {"value": 50}}}})


def test_notes_and_evidence_reach_the_rules():
    local = apply_local(
        load_rules(),
        _adj(
            {
                "crim_50_90": {
                    "notes": ["Dresden: BZR-Auszug nicht älter als 3 Monate"],
                    "extra_evidence": ["Führungszeugnis"],
                }
            }
        ),
    )
    cond = local.shared["crim_50_90"]
    assert cond.local_notes == ["Dresden: BZR-Auszug nicht älter als 3 Monate"]
    assert "Führungszeugnis" in cond.evidence
    assert any("Führungszeugnis" in c.evidence for c in local.conditions["p19d"] if c.id == "crim_50_90")


def test_unknown_key_in_adjustments_is_refused():
    with pytest.raises(ValidationError):
        _adj({"p25b.livelihood": {"notiz": "x"}})
