"""Calendar arithmetic: months with end-of-month clamping, reporting periods, German date text."""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier); a day that the month lacks becomes its last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


CADENCE_MONTHS = {"monatlich": 1, "vierteljährlich": 3, "halbjährlich": 6, "jährlich": 12}


def report_periods(start: dt.date, end: dt.date, cadence: str) -> list[tuple[dt.date, dt.date]]:
    """Reporting periods of ``cadence`` from the first day of the funding period; the last one ends with it.

    A period runs from its first day up to the day before the same date ``n`` months later (§ 188 Abs. 2
    BGB counts a period that starts with a day this way), so 01.03.2024 + six months ends on 31.08.2024.
    """
    months = CADENCE_MONTHS[cadence]
    periods: list[tuple[dt.date, dt.date]] = []
    number = 0
    first = start
    while first <= end:
        number += 1
        last = min(add_months(start, months * number) - dt.timedelta(days=1), end)
        periods.append((first, last))
        first = last + dt.timedelta(days=1)
    return periods


def german(day: dt.date) -> str:
    """31.12.2026"""
    return f"{day:%d.%m.%Y}"


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to the day after ``end`` (01.03.2024–31.12.2026 → 34)."""
    after = end + dt.timedelta(days=1)
    return (after.year - start.year) * 12 + after.month - start.month - (1 if after.day < start.day else 0)
