"""Day-exact interval arithmetic (§§ 187, 188 BGB conventions)."""

from __future__ import annotations

from datetime import date

from replicate.screening.intervals import FAR_FUTURE, add_months, add_years, chain_start, completion, merge


def test_anniversary_and_missing_days():
    assert add_years(date(2020, 11, 25), 6) == date(2026, 11, 25)
    assert add_years(date(2020, 2, 29), 1) == date(2021, 3, 1)  # § 188 Abs. 3 BGB
    assert add_months(date(2024, 1, 31), 1) == date(2024, 3, 1)
    assert add_months(date(2027, 3, 1), -7) == date(2026, 8, 1)
    assert add_months(date(2027, 9, 30), -7) == date(2027, 2, 28)


def test_touching_spans_merge_and_gaps_break_the_chain():
    spans = [(date(2020, 1, 1), date(2020, 12, 31)), (date(2021, 1, 1), FAR_FUTURE)]
    assert merge(spans) == [(date(2020, 1, 1), FAR_FUTURE)]
    gap = [(date(2020, 1, 1), date(2020, 12, 30)), (date(2021, 1, 1), FAR_FUTURE)]
    assert chain_start(gap, date(2022, 1, 1)) == date(2021, 1, 1)
    assert chain_start(gap, date(2020, 12, 31)) is None


def test_overlapping_open_spans_do_not_overflow():
    spans = [(date(2020, 1, 1), FAR_FUTURE), (date(2021, 1, 1), FAR_FUTURE)]
    assert chain_start(spans, date(2026, 1, 1)) == date(2020, 1, 1)


def test_excluded_days_shift_completion_exactly():
    excluded = [(date(2021, 1, 1), date(2021, 12, 31))]
    assert completion(date(2019, 1, 1), 72, excluded) == date(2026, 1, 1)
    assert completion(date(2019, 1, 1), 72, []) == date(2025, 1, 1)
    assert completion(date(2019, 1, 1), 72, [(date(2021, 1, 1), FAR_FUTURE)]) is None
