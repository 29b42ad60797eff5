"""Combine condition outcomes into one verdict per pathway."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from replicate.screening.outcome import NOT_MET, UNKNOWN, Outcome

if TYPE_CHECKING:
    from replicate.screening.result import Verdict


def decide(outcomes: Iterable[Outcome]) -> tuple[Verdict, date | None]:
    """Verdict and (for "möglich ab") the date.

    Order: a firm negative finding (not met, not curable by waiting, not discretionary) → nicht möglich;
    so is a condition that stops being met (27th birthday, end of a § 104c permit) before the last one
    that waiting would meet, whatever else is missing; else missing facts → Angaben fehlen; else unsettled
    law or discretion → manuelle Prüfung; else conditions that will be met by waiting → möglich ab the
    latest such date; else möglich jetzt.
    """
    missing = manual = False
    wait: date | None = None
    end: date | None = None
    for o in outcomes:
        if o.manual:
            manual = True
        elif o.status == NOT_MET:
            if o.met_from is None:
                return "nicht möglich", None
            wait = o.met_from if wait is None or o.met_from > wait else wait
        elif o.status == UNKNOWN:
            missing = True
        if o.met_until is not None and (end is None or o.met_until < end):
            end = o.met_until
    if wait is not None and end is not None and end < wait:
        # a condition stops being met before the last one is reached: firm, whatever the missing facts say
        return "nicht möglich", None
    if missing:
        return "Angaben fehlen", None
    if manual:
        return "manuelle Prüfung", None
    if wait is not None:
        return "möglich ab", wait
    return "möglich jetzt", None
