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


INTERNAL = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b|\.yaml\b|\bbuchung\b")


@pytest.mark.parametrize("day", [date(2026, 11, 25), date(2027, 7, 1), date(2024, 1, 15)])
def test_pruefschema_has_no_internal_names(day: date) -> None:
    text = render_pruefschema(load_rules(), day)
    assert not INTERNAL.findall(text.replace("\\_", "_"))
    assert "strikem" not in text
