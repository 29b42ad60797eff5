"""Facts derived once per case and reference date (status chains, age, holder status, work chains)."""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import Any

from replicate.caserecord import CaseRecord, Period
from replicate.caserecord.parts import StatusPeriod
from replicate.screening.intervals import FAR_FUTURE, Span, add_years, chain_start, years_between

DULDUNG_KINDS = frozenset({"duldung", "duldung_60b", "duldung_60c", "duldung_60d"})
ALL_KINDS = frozenset({"gestattung", "aufenthaltserlaubnis", "ae_104c", "fiktion"} | DULDUNG_KINDS)


def span(p: Period) -> Span:
    """A period as a closed span; an open end runs to the far future."""
    return (p.start, p.end or FAR_FUTURE)


class Facts:
    """Read-only view of a case on one reference date; derived facts are computed once and cached."""

    def __init__(self, case: CaseRecord, as_of: date) -> None:
        self.case = case
        self.as_of = as_of
        self.memo: dict[Any, Any] = {}
        """Shared per case: condition outcomes (int keys from ``plan.Step.key``) and sub-results that several
        predicates use (tuple or string keys, e.g. ``stay``)."""
        self._chains: dict[frozenset[str], date | None] = {}
        self._jobs: dict[tuple[Any, ...], list[Span]] = {}
        self._excluded: list[Span] | None = None
        periods = case.status_periods
        covering = [p for p in periods if p.start <= as_of <= (p.end or FAR_FUTURE)]
        self.known_status = bool(periods)
        """Whether any status history was recorded."""
        self.current: StatusPeriod | None = max(covering, key=lambda p: p.start) if covering else None
        """The status period covering the reference date (the latest-starting one)."""
        self.current_kinds = frozenset(p.kind for p in covering)
        """All status kinds covering the reference date."""
        self.geduldet = bool(self.current_kinds & DULDUNG_KINDS)
        """Holds a Duldung (any kind) on the reference date."""
        self.holder_104c: StatusPeriod | None = next((p for p in covering if p.kind == "ae_104c"), None)
        """The § 104c permit valid on the reference date, if any."""

    def spans(self, kinds: frozenset[str]) -> list[Span]:
        """Status spans of the given kinds that started by the reference date."""
        return [span(p) for p in self.case.status_periods if p.kind in kinds and p.start <= self.as_of]

    def chain(self, kinds: frozenset[str]) -> date | None:
        """Start of the uninterrupted chain of the given status kinds covering the reference date."""
        if kinds not in self._chains:
            self._chains[kinds] = chain_start(self.spans(kinds), self.as_of)
        return self._chains[kinds]

    def excluded_60b(self) -> list[Span]:
        """§ 60b periods (not counted as Vorduldungszeiten, § 60b Abs. 5 Satz 1)."""
        if self._excluded is None:
            self._excluded = self.spans(frozenset({"duldung_60b"}))
        return self._excluded

    @cached_property
    def age(self) -> int | None:
        """Completed years on the reference date."""
        b = self.case.birth_date
        return years_between(b, self.as_of) if b else None

    def minor_children_until(self) -> date | None:
        """Last day on which an unmarried minor child lives in the household, or None if there is none now."""
        return self._minor_children_until

    @cached_property
    def _minor_children_until(self) -> date | None:
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
        key = (min_hours, social_insurance, *flags.items())
        found = self._jobs.get(key)
        if found is None:
            found = self._jobs[key] = [
                span(j)
                for j in self.case.employment.jobs
                if j.hours_per_week >= min_hours
                and (j.social_insurance or not social_insurance)
                and j.start <= self.as_of
                and all(getattr(j, k) is v for k, v in flags.items())
            ]
        return found
