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


def period_end(start: dt.date, months: int) -> dt.date:
    """Last day of a period of ``months`` that includes ``start`` as its first day.

    § 188 Abs. 2 BGB: it ends with the day before the day of the later month that has the number of the
    first day; § 188 Abs. 3 BGB: when that month has no such day, with its last day (31.01. + one month →
    28.02.).
    """
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    if start.day > last:
        return dt.date(year, month + 1, last)
    return dt.date(year, month + 1, start.day) - dt.timedelta(days=1)


CADENCE_MONTHS = {"monatlich": 1, "vierteljährlich": 3, "halbjährlich": 6, "jährlich": 12}


def report_periods(start: dt.date, end: dt.date, cadence: str) -> list[tuple[dt.date, dt.date]]:
    """Reporting periods of ``cadence`` from the first day of the funding period; the last one ends with it.

    Periods are counted from the first day of the funding period (§ 187 Abs. 2, § 188 Abs. 2 and 3 BGB), so
    01.03.2024 + six months ends on 31.08.2024.
    """
    months = CADENCE_MONTHS[cadence]
    periods: list[tuple[dt.date, dt.date]] = []
    number = 0
    first = start
    while first <= end:
        number += 1
        last = min(period_end(start, months * number), end)
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
