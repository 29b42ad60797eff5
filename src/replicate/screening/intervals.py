"""Day-exact interval arithmetic: anniversaries (§§ 187, 188 BGB), merged chains, excluded spans.

Convention: a span of N years that starts on day S is complete at the end of the day before the
anniversary, so a condition "seit N Jahren" is met from the anniversary on. When the anniversary does
not exist (29 February, 31st), the span ends with the last day of the month (§ 188 Abs. 3 BGB) and the
condition is met from the first day of the next month.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

Span = tuple[date, date]
"""Both ends included."""

ONE_DAY = timedelta(days=1)
FAR_FUTURE = date(9999, 12, 31)


def add_months(start: date, months: int) -> date:
    """The day from which ``months`` full months since ``start`` have passed (negative: back)."""
    total = start.year * 12 + start.month - 1 + months
    year, month = divmod(total, 12)
    try:
        return date(year, month + 1, start.day)
    except ValueError:  # no such day: the span ends with the month; met from the 1st of the next
        nxt = date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
        return nxt if months >= 0 else nxt - ONE_DAY


def after_event(event: date, months: int) -> date:
    """Last day of a period of ``months`` months counted from an event (entry, a decision).

    § 187 Abs. 1 BGB: the day of the event does not count; § 188 Abs. 2 BGB: the period ends with the
    day of the last month whose number is that of the event day (entry on 01.03.2020, six months →
    01.09.2020); § 188 Abs. 3 BGB: without such a day, with the last day of that month.
    """
    total = event.year * 12 + event.month - 1 + months
    year, month = divmod(total, 12)
    try:
        return date(year, month + 1, event.day)
    except ValueError:
        return date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1) - ONE_DAY


def add_years(start: date, years: int) -> date:
    """The day from which ``years`` full years since ``start`` have passed."""
    return add_months(start, 12 * years)


def merge(spans: Iterable[Span]) -> list[Span]:
    """Union of spans; spans that touch (end + 1 day = next start) are joined."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and (out[-1][1] >= FAR_FUTURE or start <= out[-1][1] + ONE_DAY):
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def chain_start(spans: Iterable[Span], day: date) -> date | None:
    """Start of the uninterrupted chain of spans that covers ``day``, or None."""
    for start, end in merge(s for s in spans if s[0] <= day):
        if start <= day <= end:
            return start
    return None


def overlap_days(spans: Iterable[Span], first: date, last: date) -> int:
    """Number of days of ``spans`` inside [first, last]."""
    return _overlap(merge(spans), first, last)


def _overlap(merged: list[Span], first: date, last: date) -> int:
    """``overlap_days`` for spans already merged."""
    total = 0
    for start, end in merged:
        lo, hi = max(start, first), min(end, last)
        if lo <= hi:
            total += (hi - lo).days + 1
    return total


def completion(start: date, months: int, excluded: list[Span]) -> date | None:
    """First day on which ``months`` counted months since ``start`` are complete, skipping ``excluded``.

    None if an excluded span without end prevents completion (e.g. a § 60b Duldung that continues).
    """
    target = add_months(start, months)
    if not excluded:
        return target
    # Walk the merged excluded spans in order, counting the days between them, on day numbers.
    first, needed = start.toordinal(), target.toordinal() - start.toordinal()
    day = first  # the next day that counts
    for lo, hi in ((s.toordinal(), e.toordinal()) for s, e in merge(excluded)):
        if hi < day:
            continue
        if lo > day:
            if lo - day >= needed:
                break
            needed -= lo - day
        day = hi + 1
    done = day + needed
    return date.fromordinal(done) if done < FAR_FUTURE.toordinal() else None


def years_between(birth: date, day: date) -> int:
    """Completed years of life on ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
