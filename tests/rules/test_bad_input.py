"""Malformed cases are fixtures paired with the messages they must produce (``bad/*.json`` + ``.expected``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from replicate.caserecord import iter_caseload, load_case
from replicate.errors import CaseRecordError

BAD = Path(__file__).parent / "bad"


def _expected(path: Path) -> list[str]:
    return path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("path", sorted(BAD.glob("*.json")), ids=lambda p: p.stem)
def test_bad_case_names_the_field(path):
    with pytest.raises(CaseRecordError) as info:
        load_case(path)
    message = str(info.value)
    for expected in _expected(path):
        assert expected in message


def test_caseload_reports_bad_rows_and_keeps_good_ones():
    path = BAD / "caseload.csv"
    rows = list(iter_caseload(path))
    assert [r.record.case_id for r in rows if r.record] == ["ok-1", "ok-2"]
    message = "\n".join(p.render(path) for r in rows for p in r.problems)
    for expected in _expected(path):
        assert expected in message


def test_jsonl_reports_line_numbers(tmp_path):
    path = tmp_path / "faelle.jsonl"
    path.write_text('{"case_id": "a"}\n{"case_id": 1, "foo": 2}\nnot json\n', encoding="utf-8")
    rows = list(iter_caseload(path))
    assert rows[0].record is not None
    assert "Zeile 2: foo: unbekanntes Feld" in rows[1].problems[-1].render()
    assert "Zeile 3: kein gültiges JSON" in rows[2].problems[0].render()


def test_unknown_format(tmp_path):
    path = tmp_path / "faelle.xlsx"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(CaseRecordError, match="unbekanntes Dateiformat"):
        list(iter_caseload(path))
