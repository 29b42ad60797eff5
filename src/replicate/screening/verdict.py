"""Combine condition outcomes into one verdict per pathway."""

from __future__ import annotations

from datetime import date

from replicate.screening.outcome import NOT_MET, UNKNOWN, Outcome
from replicate.screening.result import Verdict


def decide(outcomes: list[tuple[str, Outcome]]) -> tuple[Verdict, date | None]:
    """Verdict and (for "möglich ab") the date.

    Order: a firm negative finding (not met, not curable by waiting, not discretionary) → nicht möglich;
    else missing facts → Angaben fehlen; else unsettled law or discretion → manuelle Prüfung; else
    conditions that will be met by waiting → möglich ab the latest such date, unless a condition stops
    being met before it (27th birthday, end of a § 104c permit) → nicht möglich; else möglich jetzt.
    """
    firm = [o for _, o in outcomes if o.status == NOT_MET and not o.manual and o.met_from is None]
    if firm:
        return "nicht möglich", None
    if any(o.status == UNKNOWN and not o.manual for _, o in outcomes):
        return "Angaben fehlen", None
    if any(o.manual for _, o in outcomes):
        return "manuelle Prüfung", None
    waits = [o.met_from for _, o in outcomes if o.status == NOT_MET and o.met_from is not None]
    if waits:
        when = max(waits)
        ends = [o.met_until for _, o in outcomes if o.met_until is not None]
        if ends and min(ends) < when:
            return "nicht möglich", None
        return "möglich ab", when
    return "möglich jetzt", None
