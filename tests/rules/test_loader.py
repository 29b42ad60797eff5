"""Rule loading: duplicate and unknown keys are refused with file:line; references are checked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from replicate.errors import RulesError
from replicate.rules import DATA_DIR, load_rules
from replicate.screening.registry import predicates

HERE = Path(__file__).parent


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def test_rules_load_and_every_condition_has_a_predicate():
    rules = load_rules()
    ids = {c.id for conds in rules.conditions.values() for c in conds}
    assert ids <= set(predicates())
    assert {
        "p25b",
        "p25b_6",
        "p25a",
        "p25a_2",
        "p60d",
        "p60c",
        "p16g",
        "p19d",
        "p19d_1a",
        "p25_5",
        "p23a",
        "p104c",
    } <= set(rules.pathways)


def test_every_condition_cites_the_law_and_lists_evidence():
    rules = load_rules()
    for conds in rules.conditions.values():
        for c in conds:
            assert "§" in c.reference or "SächsHFKVO" in c.reference, c.id
            assert c.evidence, c.id


def test_duplicate_key_is_refused_with_line(tmp_path):
    data = _copy(tmp_path)
    shutil.copy(HERE / "badrules" / "duplicate.yaml", data / "p99.yaml")
    with pytest.raises(RulesError) as info:
        load_rules(data)
    assert "p99.yaml:4: Schlüssel „title“ ist doppelt" in str(info.value)


def test_unknown_key_is_refused_with_line(tmp_path):
    data = _copy(tmp_path)
    text = (data / "p60c.yaml").read_text(encoding="utf-8")
    (data / "p60c.yaml").write_text(
        text.replace("        kind: zwingend\n", "        kind: zwingend\n        typo: 1\n", 1)
    )
    with pytest.raises(RulesError) as info:
        load_rules(data)
    message = str(info.value)
    assert "p60c.yaml:" in message and "typo: unbekannter Schlüssel" in message


def test_dangling_reference_is_refused(tmp_path):
    data = _copy(tmp_path)
    text = (data / "p19d.yaml").read_text(encoding="utf-8")
    (data / "p19d.yaml").write_text(text.replace("- use: extremism\n", "- use: extremismus\n", 1))
    with pytest.raises(RulesError, match="unbekannte Bedingung extremismus"):
        load_rules(data)


def test_pathway_may_not_reference_a_bar_that_it_lifts(tmp_path):
    data = _copy(tmp_path)
    text = (data / "p25b.yaml").read_text(encoding="utf-8")
    (data / "p25b.yaml").write_text(
        text.replace("      - use: p5_4\n", "      - use: p5_4\n      - use: p10_3_s2\n", 1)
    )
    with pytest.raises(RulesError, match="hebt diese Sperre aber auf"):
        load_rules(data)
