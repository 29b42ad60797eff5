"""Counting rules over the case history, as data cases (``counting_cases.yaml``), and CSV = JSONL."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from replicate.report.aggregate import ReportPeriod, aggregate, aggregate_file
from replicate.report.demo import write_demo_caseload
from tests.report.helpers import person

CASES = yaml.safe_load((Path(__file__).parent / "counting_cases.yaml").read_text(encoding="utf-8"))


def _plain(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_counting_case(case):
    records = _plain(case["persons"])
    agg = aggregate([person(r, n) for n, r in enumerate(records, start=2)], ReportPeriod(*case["period"]))
    assert agg.bad_rows == case.get("bad_rows", 0), [p.render() for p in agg.problems]
    for name, expected in case.get("counts", {}).items():
        assert agg.counts.get(tuple(name.split("|")), 0) == expected, name
    if "open_cases" in case:
        assert agg.open_cases == case["open_cases"]
    for name, hist in case.get("days", {}).items():
        assert dict(agg.days[name]) == hist
    if "nationalities" in case:
        assert len(agg.nationalities) == case["nationalities"]
    text = "\n".join(p.render("f.csv") for p in agg.problems)
    for fragment in case.get("problems", []):
        assert fragment in text
    for problem in agg.problems:
        assert problem.hint, problem


def test_csv_and_jsonl_give_the_same_counts(tmp_path):
    period = ReportPeriod(dt.date(2025, 4, 1), dt.date(2026, 3, 31))
    results = []
    for suffix in (".csv", ".jsonl"):
        path = write_demo_caseload(tmp_path / f"demo{suffix}", 400, 11, dt.date(2025, 1, 1))
        results.append(aggregate_file(path, period))
    a, b = results
    assert a.counts == b.counts and a.days == b.days and a.open_cases == b.open_cases
    assert a.rows == b.rows == 400 and a.synthetic_rows == 400 and a.bad_rows == 0


def test_csv_gap_in_history_is_a_problem(tmp_path):
    path = tmp_path / "luecke.csv"
    path.write_text(
        "case_id,history.0.date,history.0.type,history.1.date,history.1.type\n"
        "L-1,,,2027-01-01,erstberatung\n",
        encoding="utf-8",
    )
    agg = aggregate_file(path, ReportPeriod(dt.date(2027, 1, 1), dt.date(2027, 12, 31)))
    assert agg.bad_rows == 1 and "Zeile 2: history.0: Lücke im Verlauf" in agg.problems[0].render()


def test_jsonl_bad_line_is_named(tmp_path):
    path = tmp_path / "faelle.jsonl"
    good = {"case_id": "J-1", "history": [{"date": "2027-01-01", "type": "erstberatung"}]}
    path.write_text(json.dumps(good) + "\nkein json\n", encoding="utf-8")
    agg = aggregate_file(path, ReportPeriod(dt.date(2027, 1, 1), dt.date(2027, 12, 31)))
    assert agg.bad_rows == 1
    assert "Zeile 2" in agg.problems[0].render(path)
