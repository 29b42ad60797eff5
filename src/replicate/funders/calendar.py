"""The reporting calendar: every report owed for a grant period, from the programme and the settings."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from replicate.funders.catalog import PROGRAMMES, ReportType

CADENCE_MONTHS = {"monatlich": 1, "vierteljährlich": 3, "halbjährlich": 6, "jährlich": 12}
CADENCE_TEXT = "Frist laut Zuwendungsbescheid oder Absprache mit dem Fördergeber"


@dataclass(frozen=True)
class Obligation:
    """One report owed: what, for which period, by when, and why."""

    label: str
    start: dt.date
    end: dt.date
    due: dt.date | None
    """The due date where the rule fixes one; None where the Bescheid or the funder sets it."""
    due_text: str
    source: str

    @property
    def whole_period(self) -> bool:
        return self.label.startswith("Verwendungsnachweis")


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months (the day clamped to the month's length)."""
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def half_time(start: dt.date, end: dt.date) -> dt.date:
    """The last day of the first half of ``start``–``end``: whole months where the period has an even number."""
    after = end + dt.timedelta(days=1)
    months = (after.year - start.year) * 12 + after.month - start.month
    if after.day == start.day and months % 2 == 0:
        return add_months(start, months // 2) - dt.timedelta(days=1)
    return start + (end - start) // 2


def _programme_reports(report: ReportType, start: dt.date, end: dt.date, source: str) -> list[Obligation]:
    if report.only_if_months_over is not None and add_months(start, report.only_if_months_over) > end:
        return []
    if report.period == "calendar_year":
        out = []
        for year in range(start.year, end.year + 1):
            a, b = max(start, dt.date(year, 1, 1)), min(end, dt.date(year, 12, 31))
            due = None
            if report.due_day_next_year:
                month, day = (int(x) for x in report.due_day_next_year.split("-"))
                due = dt.date(year + 1, month, day)
            out.append(
                Obligation(f"{report.label} {year}", a, b, due, report.due_text, f"{source}: {report.source}")
            )
        return out
    b = end if report.period == "whole" else half_time(start, end)
    due = add_months(b, report.due_months_after) if report.due_months_after is not None else None
    return [Obligation(report.label, start, b, due, report.due_text, f"{source}: {report.source}")]


def obligations(start: dt.date, end: dt.date, cadence: str, programme_key: str | None) -> list[Obligation]:
    """Every report owed for the grant period ``start``–``end``, in order of the period end.

    With a programme from the catalog its reports come first; the cadence from the settings adds the
    regular reports the funder expects (their deadline is set by the Bescheid, so none is invented).
    """
    out: list[Obligation] = []
    if programme_key:
        programme = PROGRAMMES[programme_key]
        for report in programme.reports:
            out += _programme_reports(report, start, end, programme.name)
    step = CADENCE_MONTHS[cadence]
    a = start
    number = 1
    while a <= end:
        b = min(end, add_months(a, step) - dt.timedelta(days=1))
        out.append(
            Obligation(
                f"Bericht {number} ({cadence})",
                a,
                b,
                None,
                CADENCE_TEXT,
                "Berichtsrhythmus in den Einstellungen des Projekts",
            )
        )
        a = b + dt.timedelta(days=1)
        number += 1
    return sorted(out, key=lambda o: (o.end, o.due or o.end, o.label))


def next_due(items: list[Obligation], today: dt.date) -> Obligation:
    """The obligation due next on ``today``: the first whose deadline (or, without one, period end) is not past."""
    pending = [o for o in items if (o.due or o.end) >= today]
    if not pending:
        return items[-1]
    return min(pending, key=lambda o: (o.due or o.end, o.end))
