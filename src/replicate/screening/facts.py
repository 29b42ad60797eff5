"""Facts derived once per case and reference date (status chains, age, holder status, work chains)."""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import Any

from replicate.caserecord import CaseRecord
from replicate.caserecord._base import Period
from replicate.caserecord.parts import StatusPeriod
from replicate.screening.intervals import FAR_FUTURE, Span, add_years, chain_start, years_between

DULDUNG_KINDS = frozenset({"duldung", "duldung_60b", "duldung_60c", "duldung_60d"})
ALL_KINDS = frozenset({"gestattung", "aufenthaltserlaubnis", "ae_104c", "fiktion"} | DULDUNG_KINDS)


def span(p: Period) -> Span:
    """A period as a closed span; an open end runs to the far future."""
    return (p.start, p.end or FAR_FUTURE)


class Facts:
    """Read-only view of a case on one reference date."""

    def __init__(self, case: CaseRecord, as_of: date) -> None:
        self.case = case
        self.as_of = as_of
        self.memo: dict[tuple[str, str, str | None], Any] = {}
        """Outcomes of pathway-independent predicates, computed once per case."""
        self._chains: dict[frozenset[str], date | None] = {}

    def spans(self, kinds: frozenset[str]) -> list[Span]:
        """Status spans of the given kinds that started by the reference date."""
        return [span(p) for p in self.case.status_periods if p.kind in kinds and p.start <= self.as_of]

    @cached_property
    def current(self) -> StatusPeriod | None:
        """The status period covering the reference date (the latest-starting one)."""
        found = [p for p in self.case.status_periods if span(p)[0] <= self.as_of <= span(p)[1]]
        return max(found, key=lambda p: p.start) if found else None

    @cached_property
    def current_kinds(self) -> frozenset[str]:
        """All status kinds covering the reference date."""
        return frozenset(p.kind for p in self.case.status_periods if span(p)[0] <= self.as_of <= span(p)[1])

    @cached_property
    def known_status(self) -> bool:
        """Whether any status history was recorded."""
        return bool(self.case.status_periods)

    @cached_property
    def geduldet(self) -> bool:
        """Holds a Duldung (any kind) on the reference date."""
        return bool(self.current_kinds & DULDUNG_KINDS)

    @cached_property
    def holder_104c(self) -> StatusPeriod | None:
        """The § 104c permit valid on the reference date, if any."""
        for p in self.case.status_periods:
            if p.kind == "ae_104c" and span(p)[0] <= self.as_of <= span(p)[1]:
                return p
        return None

    def chain(self, kinds: frozenset[str]) -> date | None:
        """Start of the uninterrupted chain of the given status kinds covering the reference date."""
        if kinds not in self._chains:
            self._chains[kinds] = chain_start(self.spans(kinds), self.as_of)
        return self._chains[kinds]

    def excluded_60b(self) -> list[Span]:
        """§ 60b periods (not counted as Vorduldungszeiten, § 60b Abs. 5 Satz 1)."""
        return self.spans(frozenset({"duldung_60b"}))

    @cached_property
    def age(self) -> int | None:
        """Completed years on the reference date."""
        b = self.case.birth_date
        return years_between(b, self.as_of) if b else None

    def minor_children_until(self) -> date | None:
        """Last day on which an unmarried minor child lives in the household, or None if there is none now."""
        ends = [
            add_years(c.birth_date, 18)
            for c in self.case.household.children
            if c.in_household and c.unmarried and c.birth_date <= self.as_of < add_years(c.birth_date, 18)
        ]
        return max(ends) if ends else None

    def school_age_children(self, first: int, last: int) -> list[bool | None]:
        """School attendance of children aged ``first``..``last`` on the reference date."""
        return [
            c.attends_school
            for c in self.case.household.children
            if c.in_household and first <= years_between(c.birth_date, self.as_of) <= last
        ]

    def job_spans(self, min_hours: float, social_insurance: bool = True, **flags: bool) -> list[Span]:
        """Job spans with at least ``min_hours`` a week (and the given flags), started by the day."""
        return [
            span(j)
            for j in self.case.employment.jobs
            if j.hours_per_week >= min_hours
            and (j.social_insurance or not social_insurance)
            and j.start <= self.as_of
            and all(getattr(j, k) is v for k, v in flags.items())
        ]
