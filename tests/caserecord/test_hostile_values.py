"""Case records that read differently from how they are stored are refused, not half-read (issue 9)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from replicate.caserecord.readers import load_case, open_caseload
from replicate.errors import CaseRecordError

CASE = {"schema_version": "2", "case_id": "BR-0001", "birth_date": "2000-01-01"}


def _messages(error: CaseRecordError) -> str:
    return " ".join(f"{p.message} {p.hint}" for p in error.problems)


def test_a_key_given_twice_in_a_json_file_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "fall.json"
    path.write_text('{"case_id": "BR-0001", "birth_date": "2000-01-01", "birth_date": "1990-05-05"}', "utf-8")
    with pytest.raises(CaseRecordError) as caught:
        load_case(path)
    assert "„birth_date“ steht zweimal" in _messages(caught.value)


def test_a_key_given_twice_in_one_jsonl_row_marks_that_row_only(tmp_path: Path) -> None:
    path = tmp_path / "faelle.jsonl"
    good = json.dumps(CASE)
    path.write_text(
        good + '\n{"case_id": "BR-0002", "case_id": "BR-0003"}\n' + good.replace("0001", "0004"), "utf-8"
    )
    _, rows = open_caseload(path)
    rows = list(rows)
    assert len(rows) == 3
    assert [r.record is not None for r in rows] == [True, False, True]
    assert "„case_id“ steht zweimal" in " ".join(p.message for p in rows[1].problems)


@pytest.mark.parametrize("char", ["\u0000", "\u0007", "\u001b", "\u202e", "\u200b"])
def test_a_pseudonym_with_an_invisible_character_is_refused(tmp_path: Path, char: str) -> None:
    path = tmp_path / "fall.json"
    path.write_text(json.dumps({**CASE, "case_id": f"BR{char}0001"}), "utf-8")
    with pytest.raises(CaseRecordError) as caught:
        load_case(path)
    assert f"Steuerzeichen (U+{ord(char):04X})" in _messages(caught.value)


def test_screen_names_the_row_with_an_escape_sequence_and_does_not_print_it(tmp_path: Path) -> None:
    path = tmp_path / "faelle.jsonl"
    path.write_text(json.dumps(CASE) + "\n" + json.dumps({**CASE, "case_id": "\u001b[2J"}) + "\n", "utf-8")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "replicate",
            "screen",
            str(path),
            "--as-of",
            "2026-11-29",
            "--out",
            str(tmp_path / "e.csv"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 2
    assert "\u001b[2J" not in out.stdout + out.stderr
    assert "Steuerzeichen (U+001B)" in out.stdout + out.stderr
