"""Findings of the legal review (issue 11), each guarded by a test written from the statute."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from replicate.errors import RulesError
from replicate.rules import load_rules
from replicate.rules.loader import DATA_DIR
from replicate.rules.pruefschema import render_pruefschema
from replicate.screening.intervals import after_event


@pytest.mark.parametrize(
    ("event", "months", "last_day"),
    [
        (date(2020, 3, 1), 6, date(2020, 9, 1)),  # § 188 Abs. 2 BGB: the day with the event's number
        (date(2020, 8, 31), 6, date(2021, 2, 28)),  # § 188 Abs. 3 BGB: no 31 February
        (date(2019, 8, 31), 6, date(2020, 2, 29)),  # leap year
        (date(2020, 12, 15), 6, date(2021, 6, 15)),
    ],
)
def test_period_from_an_event_follows_bgb(event: date, months: int, last_day: date) -> None:
    assert after_event(event, months) == last_day


def test_evidence_split_at_a_comma_inside_brackets_is_refused(tmp_path: Path) -> None:
    for path in DATA_DIR.glob("*.yaml"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    bars = tmp_path / "bars.yaml"
    text = bars.read_text(encoding="utf-8")
    quoted = '"Nachweise der Passbeschaffung (Botschaftstermine, Gebühren, Schreiben)"'
    assert quoted in text
    bars.write_text(text.replace(quoted, quoted.strip('"'), 1), encoding="utf-8")
    with pytest.raises(RulesError) as info:
        load_rules(tmp_path)
    assert "„Nachweise der Passbeschaffung (Botschaftstermine“ hat eine offene Klammer" in str(info.value)
    assert "bars.yaml" in str(info.value)


def test_every_evidence_item_of_the_shipped_rules_is_whole() -> None:
    rules = load_rules()
    items = [e for conds in rules.conditions.values() for c in conds for e in c.evidence]
    assert "Sprachzertifikat (DTZ, telc, Goethe)" in items
    assert all(e.count("(") == e.count(")") for e in items)


INTERNAL = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b|\.yaml\b|\bbuchung\b|\bp\d{2,3}[a-z]?\b|\bhelfer_engpass\b")


@pytest.mark.parametrize("day", [date(2026, 11, 25), date(2027, 7, 1), date(2024, 1, 15)])
def test_pruefschema_has_no_internal_names(day: date) -> None:
    text = render_pruefschema(load_rules(), day)
    assert not INTERNAL.findall(text.replace("\\_", "_"))
    assert "strikem" not in text


# --- screener results ------------------------------------------------------------------------------

from replicate.caserecord import parse_case  # noqa: E402
from replicate.screening import explain, screen  # noqa: E402

from .base_case import base_case  # noqa: E402

DAY = date(2026, 11, 25)


def _screen(day: date = DAY, **changes: object):
    return screen(parse_case(base_case(**changes)), load_rules(), day)


def test_share_given_as_a_fraction_is_warned_about() -> None:
    result = _screen(livelihood={"share_covered_by_work": 0.8, "secured_now": True})
    assert result.pathways["p25b"].verdict == "nicht möglich"  # read as 0.8 %, as entered
    assert any("0.8 %" in w and "80 eintragen" in w for w in result.warnings)
    assert "Bitte prüfen:" in explain(result)
    assert _screen(livelihood={"share_covered_by_work": 0, "secured_now": False}).warnings == []
    assert _screen().warnings == []


def test_overlapping_status_periods_are_warned_about_in_words() -> None:
    periods = [
        {"kind": "gestattung", "start": "2018-03-01", "end": "2019-07-31"},
        {"kind": "duldung", "start": "2019-06-01"},
    ]
    result = _screen(status_periods=periods)
    assert len(result.warnings) == 1
    warning = result.warnings[0]
    assert (
        "Aufenthaltsgestattung ab 01.03.2018 (bis 31.07.2019)" in warning
        and "Duldung ab 01.06.2019" in warning
    )
    assert not re.search(r"\bgestattung\b|\bduldung\b", warning)  # words, not codes
    assert result.to_dict()["warnings"] == result.warnings


def test_pensioner_is_not_told_to_work_more_hours() -> None:
    result = _screen(
        birth_date="1955-03-10",
        language={"oral": "A1", "fdgo_declaration": True, "civic_knowledge": True},
        livelihood={"share_covered_by_work": 0, "secured_now": False},
    )
    p25b = result.pathways["p25b"]
    livelihood = next(c for c in p25b.conditions if c.id == "p25b.livelihood")
    assert livelihood.status == "erfüllt" and "Regelaltersgrenze" in livelihood.detail
    assert not any("Arbeitsstunden" in s for s in p25b.next_steps)
    assert any("§ 25b Abs. 3" in s for s in p25b.next_steps)  # the language exemption is what to prove


def test_ou_rejection_is_shown_with_the_discretion_not_dropped() -> None:
    result = _screen(asylum={"outcome": "abgelehnt_offensichtlich_unbegruendet", "ou_ground": "art42_1_c"})
    p25b = result.pathways["p25b"]
    bar = next(c for c in p25b.conditions if c.id == "p10_3_s2")
    assert p25b.verdict == "manuelle Prüfung" and bar.kind == "ermessen"
    assert "Art. 42 Abs. 1 UAbs. 1 Buchst. c VO (EU) 2024/1348" in bar.detail
    assert "§ 25b Abs. 5 Satz 2" in bar.detail and "art42" not in bar.detail
    assert "Ermessen" in bar.next_step
    assert (
        result.pathways["p23a"].verdict != "nicht möglich"
        or "p10_3_s2" not in result.pathways["p23a"].blocking
    )


def test_holder_is_told_the_transition_not_a_new_104c_permit() -> None:
    periods = [
        {"kind": "duldung", "start": "2016-01-01", "end": "2025-06-30"},
        {"kind": "ae_104c", "start": "2025-07-01", "end": "2026-12-31"},
    ]
    text = explain(_screen(status_periods=periods))
    section = text.split("## Übergang aus der Aufenthaltserlaubnis nach § 104c")[1]
    assert "Ergebnis: MÖGLICH JETZT" in section
    assert "Möglich ist: Antrag auf Verlängerung als Aufenthaltserlaubnis nach § 25a oder § 25b" in section


def _section(text: str, title: str) -> str:
    return text.split(f"## {title}")[1].split("\n## ")[0]


def test_pruefschema_drops_the_104c_holder_status_after_30_june_2027() -> None:
    title = "Aufenthaltserlaubnis bei nachhaltiger Integration"
    before = _section(render_pruefschema(load_rules(), date(2027, 6, 30)), title)
    after = _section(render_pruefschema(load_rules(), date(2027, 7, 1)), title)
    assert "Geduldet oder Inhaber einer Aufenthaltserlaubnis nach § 104c" in before
    assert "Inhaber einer Aufenthaltserlaubnis nach § 104c" not in after
    assert "### 1. Geduldet" in after and "Fassung ab 01.07.2027" in after
    assert "BGBl. I S. 2847" in before  # the source law of the date 30.06.2027 is cited


def _case_runs():
    from replicate.screening.casetests import case_files, load_case_file, merge

    for path in case_files():
        cf = load_case_file(path)
        for rc in cf.cases:
            yield rc, parse_case(merge(cf.base, rc.case))


def test_no_internal_names_in_any_screening_text() -> None:
    rules = load_rules()
    seen = 0
    for rc, record in _case_runs():
        result = screen(record, rules, rc.as_of)
        text = explain(result)
        for p in result.pathways.values():
            text += "\n".join(c.detail + " " + c.next_step for c in p.conditions)
        found = INTERNAL.findall(text)
        assert not found, (rc.name, found)
        seen += 1
    assert seen > 150


def test_no_internal_names_in_the_intake_form() -> None:
    from replicate.forms.definition import all_fields, form_sections

    for f in all_fields(form_sections()):
        words = [f.label, f.help or "", *(label for _, label in f.choices)]
        assert not any(INTERNAL.findall(w) for w in words), (f.path, words)


def test_no_passport_obtainable_gives_the_steps_for_a_substitute() -> None:
    result = _screen(
        identity={
            "clarified": True,
            "passport": "keiner",
            "passport_obtainable": False,
            "deception_current": False,
        }
    )
    p25b = result.pathways["p25b"]
    assert p25b.verdict == "manuelle Prüfung"  # § 5 Abs. 3 Satz 2: discretion, not a firm no
    bar = next(c for c in p25b.conditions if c.id == "identity")
    assert "nicht zu bekommen" in bar.detail and "Ausweisersatz" in bar.next_step


def test_caseload_result_carries_the_warnings(tmp_path: Path) -> None:
    import json

    from replicate.cli import main

    cases = [base_case(case_id="A"), base_case(case_id="B", livelihood={"share_covered_by_work": 0.6})]
    source = tmp_path / "faelle.jsonl"
    source.write_text("\n".join(json.dumps(c, default=str) for c in cases) + "\n", encoding="utf-8")
    out = tmp_path / "ergebnisse.csv"
    assert main(["screen", str(source), "--as-of", "2026-11-25", "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert "hinweise" in lines[0]
    assert "60 eintragen" in lines[2] and "eintragen" not in lines[1]
