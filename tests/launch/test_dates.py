"""Calendar arithmetic, checked against the statute and the calendar rather than against the code."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from replicate.launch.dates import add_months, months_between, report_periods

D = dt.date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 12, 31), -3, D(2026, 9, 30)),  # the template once produced "2026-09-31"
        (D(2027, 5, 31), -3, D(2027, 2, 28)),
        (D(2028, 5, 31), -3, D(2028, 2, 29)),  # leap year
        (D(2026, 12, 31), 3, D(2027, 3, 31)),  # Verwendungsnachweis three months after the end
        (D(2024, 3, 1), 17, D(2025, 8, 1)),
    ],
)
def test_add_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_half_year_reports_from_a_march_start() -> None:
    """§ 188 Abs. 2 BGB: a period that starts with the beginning of a day ends with the day before the
    day of the later month that bears the same number (01.03. + six months → 31.08.)."""
    periods = report_periods(D(2024, 3, 1), D(2026, 12, 31), "halbjährlich")
    assert [end for _, end in periods] == [
        D(2024, 8, 31),
        D(2025, 2, 28),
        D(2025, 8, 31),
        D(2026, 2, 28),
        D(2026, 8, 31),
        D(2026, 12, 31),  # the last period ends with the funding period
    ]
    assert all(b + dt.timedelta(days=1) == c for (_, b), (c, _) in itertools.pairwise(periods))


def test_quarterly_and_yearly_reports() -> None:
    quarters = report_periods(D(2027, 1, 1), D(2028, 12, 31), "vierteljährlich")
    assert len(quarters) == 8 and quarters[0] == (D(2027, 1, 1), D(2027, 3, 31))
    assert report_periods(D(2026, 1, 1), D(2027, 12, 31), "jährlich")[-1] == (D(2027, 1, 1), D(2027, 12, 31))
    # § 188 Abs. 3 BGB: February has no 31st, so the first month ends on 28.02.
    monthly = report_periods(D(2027, 1, 31), D(2027, 4, 30), "monatlich")
    assert [end for _, end in monthly] == [D(2027, 2, 28), D(2027, 3, 30), D(2027, 4, 30)]


def test_months_between() -> None:
    assert months_between(D(2024, 3, 1), D(2026, 12, 31)) == 34
    assert months_between(D(2027, 1, 1), D(2027, 12, 31)) == 12
    assert months_between(D(2024, 3, 1), D(2024, 12, 31)) == 10
