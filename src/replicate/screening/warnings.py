"""Plausibility warnings about a case record (German): values that are valid but probably mistyped."""

from __future__ import annotations

from itertools import pairwise

from replicate.caserecord import CaseRecord
from replicate.screening.intervals import FAR_FUTURE
from replicate.screening.labels import STATUS_LABELS
from replicate.screening.text import fmt


def _share(case: CaseRecord) -> list[str]:
    """A share of 0.8 is read as 0.8 %, not 80 %: values from above 0 up to 1 were probably fractions."""
    share = case.livelihood.share_covered_by_work
    if share is None or not 0 < share <= 1:
        return []
    return [
        f"Lebensunterhalt: der durch Arbeit gedeckte Anteil ist mit {share:g} % angegeben. Das Feld erwartet "
        f"Prozent (0–100); ist {share * 100:g} % gemeint, bitte {share * 100:g} eintragen."
    ]


def _overlaps(case: CaseRecord) -> list[str]:
    """Status periods that overlap (a status history is one period after the other)."""
    periods = sorted(case.status_periods, key=lambda p: p.start)
    out = []
    for a, b in pairwise(periods):
        if b.start <= (a.end or FAR_FUTURE):
            until = f"bis {fmt(a.end)}" if a.end else "ohne Ende"
            out.append(
                f"Statuszeiten überschneiden sich: {STATUS_LABELS[a.kind]} ab {fmt(a.start)} ({until}) und "
                f"{STATUS_LABELS[b.kind]} ab {fmt(b.start)}. Bitte Ende und Beginn prüfen; gezählt wird die "
                "ununterbrochene Kette, der am Stichtag gültige Status ist der zuletzt begonnene."
            )
    return out


def case_warnings(case: CaseRecord) -> list[str]:
    """All warnings for one case, in a stable order."""
    return _share(case) + _overlaps(case)
