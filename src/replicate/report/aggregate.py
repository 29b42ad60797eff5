"""One streaming pass over a caseload: count every indicator of the catalog for one reporting period.

Rows are read as small tuples (:mod:`.caseload`), checked in the fields the report reads
(:mod:`.validate`) and counted into ``Counter`` objects keyed by indicator and breakdown. Nothing of a
row is kept: only counts, day-count histograms and the set of nationality codes leave the pass.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from replicate.errors import Problem
from replicate.indicators.catalog import INDICATORS, Indicator
from replicate.report.caseload import DATE, PATHWAY, TYPE, Person, read_persons
from replicate.report.validate import check_person, day_number
from replicate.report.vocabulary import SYNTHETIC_PREFIX, UNKNOWN

_EVENT_INDEX = {"pathway": 4, "referral_by": 2, "result": 5, "reason": 6, "consent": 3}
MAX_PROBLEMS = 500
"""Problems kept for the listing; all bad rows are counted."""


@dataclass(frozen=True)
class ReportPeriod:
    """The reporting period, both days included."""

    start: date
    end: date

    def label(self) -> str:
        return f"{self.start:%d.%m.%Y} bis {self.end:%d.%m.%Y}"


@dataclass
class Aggregates:
    """Everything the report knows after the pass: counts only, never rows."""

    period: ReportPeriod
    counts: Counter[tuple[str, ...]] = field(default_factory=Counter)
    """(indicator id, breakdown values …) → count."""
    days: dict[str, Counter[int]] = field(default_factory=dict)
    """median indicator id → histogram of day counts."""
    nationalities: set[str] = field(default_factory=set)
    open_cases: int = 0
    rows: int = 0
    bad_rows: int = 0
    synthetic_rows: int = 0
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class _Count:
    id: str
    persons: bool
    where: tuple[tuple[int, frozenset[str]], ...]
    by: tuple[int, ...]
    """Event field indices; -1 stands for the person's gender."""


def _count_specs() -> dict[str, list[_Count]]:
    by_type: dict[str, list[_Count]] = {}
    for ind in INDICATORS.values():
        rule = ind.rule
        if rule.kind != "count":
            continue
        where = tuple((_EVENT_INDEX[f], frozenset(v)) for f, v in rule.where.items())
        spec = _Count(ind.id, rule.distinct == "persons", where, tuple(_EVENT_INDEX.get(b, -1) for b in rule.by))
        for kind in rule.events:
            by_type.setdefault(kind, []).append(spec)
    return by_type


def _median_specs() -> list[Indicator]:
    return [ind for ind in INDICATORS.values() if ind.rule.kind == "median_days"]


class Counting:
    """Counts persons into :class:`Aggregates`, one person at a time."""

    def __init__(self, period: ReportPeriod) -> None:
        self.result = Aggregates(period)
        self._a = period.start.isoformat()
        self._b = period.end.isoformat()
        self._by_type = _count_specs()
        self._medians = [
            (
                ind.id,
                frozenset(ind.rule.start),
                frozenset(ind.rule.end),
                ind.rule.same_pathway,
                tuple((_EVENT_INDEX[f], frozenset(v)) for f, v in ind.rule.where.items()),
            )
            for ind in _median_specs()
        ]
        for ind in _median_specs():
            self.result.days[ind.id] = Counter()
        among = [ind.rule.among for ind in INDICATORS.values() if ind.rule.kind == "distinct_values"]
        self._advised = among[0] if among else "beratene_personen"

    def add(self, person: Person) -> None:
        """Check ``person`` and count it, or record its problems and leave it out."""
        res = self.result
        res.rows += 1
        if person.case_id.startswith(SYNTHETIC_PREFIX):
            res.synthetic_rows += 1
        problems = check_person(person)
        if problems:
            res.bad_rows += 1
            if len(res.problems) < MAX_PROBLEMS:
                res.problems += problems
            return
        a, b = self._a, self._b
        gender = person.gender or UNKNOWN
        seen: set[tuple[str, ...]] = set()
        counts = res.counts
        in_period = False
        started = False
        closed = False
        for ev in person.events:
            d = ev[DATE]
            if d > b:
                break
            started = True
            kind = ev[TYPE]
            if kind == "abschluss":
                closed = True
            elif kind == "wiederaufnahme":
                closed = False
            if d < a:
                continue
            in_period = True
            for spec in self._by_type.get(kind, ()):
                if spec.where and not all(ev[i] in values for i, values in spec.where):
                    continue
                key = (spec.id, *(gender if i < 0 else ev[i] for i in spec.by))
                if spec.persons:
                    seen.add(key)
                else:
                    counts[key] += 1
        if started and not closed:
            res.open_cases += 1
        if not in_period:
            return
        counts.update(seen)
        if person.nationality and any(key[0] == self._advised for key in seen):
            res.nationalities.add(person.nationality)
        for ident, start, end, same, where in self._medians:
            self._durations(person, ident, start, end, same, where)

    def _durations(
        self,
        person: Person,
        ident: str,
        start: frozenset[str],
        end: frozenset[str],
        same: bool,
        where: tuple[tuple[int, frozenset[str]], ...],
    ) -> None:
        first: str = ""
        latest: dict[str, str] = {}
        hist = self.result.days[ident]
        for ev in person.events:
            d, kind = ev[DATE], ev[TYPE]
            if d > self._b:
                break
            if kind in end and d >= self._a and all(ev[i] in v for i, v in where):
                since = latest.get(ev[PATHWAY], "") if same else first
                if since:
                    hist[(day_number(d) or 0) - (day_number(since) or 0)] += 1
            if kind in start:
                if not first:
                    first = d
                latest[ev[PATHWAY]] = d


def aggregate(persons: Iterable[Person], period: ReportPeriod, progress: Callable[[int], None] | None = None) -> Aggregates:
    """Count every indicator over ``persons`` for ``period``."""
    counting = Counting(period)
    add = counting.add
    for number, person in enumerate(persons, start=1):
        add(person)
        if progress is not None and number % 10_000 == 0:
            progress(number)
    return counting.result


def aggregate_file(path: Path, period: ReportPeriod, progress: Callable[[int], None] | None = None) -> Aggregates:
    """Count every indicator over the caseload file ``path`` (CSV or JSONL), streaming."""
    return aggregate(read_persons(path), period, progress)
