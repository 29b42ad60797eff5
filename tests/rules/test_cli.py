"""``replicate screen`` and ``replicate rules``: called in-process through ``replicate.cli.main``."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from replicate.cli import main

from .base_case import base_case

BAD = Path(__file__).parent / "bad"
CASE = base_case(case_id="DD-1", livelihood={"share_covered_by_work": 60, "secured_now": True})


def _case(tmp_path: Path) -> Path:
    path = tmp_path / "fall.json"
    path.write_text(json.dumps(CASE), encoding="utf-8")
    return path


def test_screen_prints_german_explanation(tmp_path, capsys):
    assert main(["screen", str(_case(tmp_path)), "--as-of", "2026-11-25"]) == 0
    out = capsys.readouterr().out
    assert "Prüfung zum Stichtag 25.11.2026 – Fall DD-1" in out
    assert "Ergebnis: MÖGLICH JETZT" in out
    assert "keine Zusage" in out  # a Soll-Vorschrift is never shown as a certainty
    assert "RDG" in out


def test_screen_json(tmp_path, capsys):
    assert main(["screen", str(_case(tmp_path)), "--as-of", "2026-11-25", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["as_of"] == "2026-11-25"
    assert data["pathways"]["p25b"]["verdict"] == "möglich jetzt"


def test_screen_bad_case_is_a_message_not_a_traceback(capsys):
    assert main(["screen", str(BAD / "too_many_hours.json"), "--as-of", "2026-11-25"]) == 2
    err = capsys.readouterr().err
    assert "employment.jobs.0.hours_per_week: Wert 200 ist zu groß" in err
    assert "Traceback" not in err


def test_caseload_writes_good_rows_and_reports_bad_ones(tmp_path, capsys):
    out = tmp_path / "ergebnisse.csv"
    code = main(["screen", str(BAD / "caseload.csv"), "--out", str(out), "--as-of", "2026-11-25"])
    assert code == 2
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["fall"] for r in rows] == ["ok-1", "ok-2"]
    assert "p25b" in rows[0]
    err = capsys.readouterr().err
    assert "Zeile 3: birth_date" in err and "Zeile 6:" in err


def test_caseload_needs_out(capsys):
    assert main(["screen", str(BAD / "caseload.csv")]) == 2
    assert "--out" in capsys.readouterr().err


def test_rules_test_passes(capsys):
    assert main(["rules", "test"]) == 0
    assert "Testfällen bestanden" in capsys.readouterr().out


def test_rules_show_and_schema(capsys):
    assert main(["rules", "show", "p60d", "--as-of", "2026-11-25"]) == 0
    out = capsys.readouterr().out
    assert "Beschäftigungsduldung" in out and "§ 60d Abs. 1 Nr. 3 AufenthG" in out
    assert main(["rules", "show", "p99"]) == 2
    assert main(["rules", "schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["properties"]["schema_version"]["default"] == "2"
