"""Day-exact interval arithmetic (§§ 187, 188 BGB conventions)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

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


def _completion_by_counting(start: date, months: int, excluded: list[tuple[date, date]]) -> date | None:
    """Reference: count day by day (slow, obviously right)."""
    needed = (add_months(start, months) - start).days
    day = start
    while needed:
        if day.year > 2100:
            return None
        if not any(lo <= day <= hi for lo, hi in excluded):
            needed -= 1
        day += timedelta(days=1)
    return day


@settings(max_examples=200, deadline=None)
@given(
    st.dates(date(2015, 1, 1), date(2026, 12, 31)),
    st.integers(1, 36),
    st.lists(
        st.tuples(st.dates(date(2014, 1, 1), date(2030, 1, 1)), st.integers(0, 900), st.booleans()),
        max_size=4,
    ),
)
def test_completion_matches_counting_day_by_day(
    start: date, months: int, raw: list[tuple[date, int, bool]]
) -> None:
    """Includes spans across the end of the period and open-ended § 60b spans (no completion)."""
    excluded = [(lo, FAR_FUTURE if open_end else lo + timedelta(days=n)) for lo, n, open_end in raw]
    assert completion(start, months, excluded) == _completion_by_counting(start, months, excluded)


def test_completion_with_a_long_span_across_the_end() -> None:
    # 365 days count before the span, the 366th is 01.07.2021, so twelve months are complete on 02.07.2021
    assert completion(date(2020, 1, 1), 12, [(date(2020, 12, 31), date(2021, 6, 30))]) == date(2021, 7, 2)
    assert completion(date(2020, 1, 1), 12, [(date(2020, 12, 1), date(2021, 6, 30))]) == date(2021, 8, 1)
    assert completion(date(2020, 1, 1), 12, [(date(2020, 6, 1), FAR_FUTURE)]) is None
