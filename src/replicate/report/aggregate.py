"""One streaming pass over a caseload: count every indicator of the catalog for one reporting period.

Rows are read as small tuples (:mod:`.caseload`): the dates of the history and its *signatures* (each
event without its date). Everything that depends only on the signatures (are they valid, which events
close or reopen the case, which events pair up for a duration) is worked out once per distinct sequence
and cached as a :class:`Plan`; per row only the dates are compared with the period, using built-in
operations. Nothing of a row is kept: only counters keyed by signatures, day-count histograms and the
set of nationality codes leave the pass, and :meth:`Counting.finish` turns them into indicator counts.
"""

from __future__ import annotations

import csv
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter, le
from pathlib import Path

from replicate.errors import CaseRecordError, Problem
from replicate.indicators.catalog import INDICATORS, Indicator
from replicate.report.caseload import EVENT_FIELDS, Person, Signature, header_columns, read_persons
from replicate.report.validate import (
    DAY_NUMBERS,
    GOOD_GENDERS,
    GOOD_NATIONALITIES,
    KNOWN_DATES,
    SIGNATURES,
    check_person,
    day_number,
    sequence_ok,
)
from replicate.report.vocabulary import SYNTHETIC_PREFIX, UNKNOWN

_SIG_INDEX = {"pathway": 3, "referral_by": 1, "result": 4, "reason": 5, "consent": 2}
"""Position of an event field within a signature."""
MAX_PROBLEMS = 500
"""Problems kept for the listing; all bad rows are counted."""
MAX_PLANS = 200_000
"""Distinct signature sequences remembered; beyond that, plans are worked out per row."""
FLUSH = 20_000


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
    """Signature field positions; -1 stands for the person's gender."""


@dataclass(frozen=True)
class Plan:
    """What counting needs to know about one sequence of signatures, whatever its dates."""

    valid: bool
    """Every signature has a common shape and the sequence rules hold (else the full check decides)."""
    toggles: tuple[tuple[int, bool], ...]
    """(position, closes the case?) of each closing or reopening event."""
    pairs: tuple[tuple[str, int, int], ...]
    """(median indicator id, position of the end event, position of its start event)."""
    number: int = -1
    """Index of the sequence in :attr:`Counting._sequences`; -1 when the cache is full."""


def _count_specs() -> dict[str, list[_Count]]:
    by_type: dict[str, list[_Count]] = {}
    for ind in INDICATORS.values():
        rule = ind.rule
        if rule.kind != "count":
            continue
        where = tuple((_SIG_INDEX[f], frozenset(v)) for f, v in rule.where.items())
        spec = _Count(
            ind.id, rule.distinct == "persons", where, tuple(_SIG_INDEX.get(b, -1) for b in rule.by)
        )
        for kind in rule.events:
            by_type.setdefault(kind, []).append(spec)
    return by_type


def _median_specs() -> list[Indicator]:
    return [ind for ind in INDICATORS.values() if ind.rule.kind == "median_days"]


def make_plan(sigs: tuple[Signature, ...], number: int = -1) -> Plan:
    """Work out the :class:`Plan` of a signature sequence."""
    toggles = tuple(
        (i, sig[0] == "abschluss") for i, sig in enumerate(sigs) if sig[0] in ("abschluss", "wiederaufnahme")
    )
    pairs: list[tuple[str, int, int]] = []
    for ind in _median_specs():
        rule = ind.rule
        where = [(_SIG_INDEX[f], set(v)) for f, v in rule.where.items()]
        first = -1
        latest: dict[str, int] = {}
        for i, sig in enumerate(sigs):
            if sig[0] in rule.end and all(sig[k] in values for k, values in where):
                since = latest.get(sig[3], -1) if rule.same_pathway else first
                if since >= 0:
                    pairs.append((ind.id, i, since))
            if sig[0] in rule.start:
                if first < 0:
                    first = i
                latest[sig[3]] = i
    valid = SIGNATURES.issuperset(sigs) and sequence_ok(sigs)
    return Plan(valid, toggles, tuple(pairs), number)


Combo = tuple[tuple[Signature, ...], str]
"""The signatures of one person's events in the period, and the person's gender."""
Seen = tuple[int, int, int, str]
"""A person's events in the period, cheaply: (sequence number, first position, end position, gender)."""


class Counting:
    """Counts persons into :class:`Aggregates`, one person at a time (see the module docstring)."""

    def __init__(self, period: ReportPeriod) -> None:
        self.result = Aggregates(period)
        self._a = period.start.isoformat()
        self._b = period.end.isoformat()
        self._by_type = _count_specs()
        for ind in _median_specs():
            self.result.days[ind.id] = Counter()
        among = [ind.rule.among for ind in INDICATORS.values() if ind.rule.kind == "distinct_values"]
        self._advised = among[0] if among else "beratene_personen"
        self._plans: dict[tuple[Signature, ...], Plan] = {}
        self._sequences: list[tuple[Signature, ...]] = []
        self._seen: Counter[Seen] = Counter()
        self._pending_seen: list[Seen] = []
        self._events: Counter[Signature] = Counter()
        self._combos: Counter[Combo] = Counter()
        self._pending_events: list[Signature] = []
        self._pending_combos: list[Combo] = []
        self._advised_cache: dict[Combo, bool] = {}

    def _keys(self, sig: Signature, gender: str) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
        """Keys one event adds to: (counted per event, counted once per person)."""
        events: list[tuple[str, ...]] = []
        persons: list[tuple[str, ...]] = []
        for spec in self._by_type.get(sig[0], ()):
            if spec.where and not all(sig[i] in values for i, values in spec.where):
                continue
            key = (spec.id, *(gender if i < 0 else sig[i] for i in spec.by))
            (persons if spec.persons else events).append(key)
        return events, persons

    def _person_keys(self, combo: Combo) -> set[tuple[str, ...]]:
        keys: set[tuple[str, ...]] = set()
        for sig in combo[0]:
            keys.update(self._keys(sig, combo[1])[1])
        return keys

    def plan(self, sigs: tuple[Signature, ...]) -> Plan:
        """The cached plan of ``sigs`` (worked out on first sight)."""
        found = self._plans.get(sigs)
        if found is None:
            if len(self._plans) < MAX_PLANS:
                found = self._plans[sigs] = make_plan(sigs, len(self._sequences))
                self._sequences.append(sigs)
            else:
                found = make_plan(sigs)
        return found

    def add(self, person: Person) -> None:
        """Check ``person`` and count it, or record its problems and leave it out."""
        self.count(
            person.line,
            person.case_id,
            person.nationality,
            person.gender,
            person.dates,
            person.signatures,
            person.problems,
            person.birth_date,
        )

    def count(
        self,
        line: int,
        case_id: str,
        nationality: str,
        gender: str,
        dates: tuple[str, ...],
        sigs: tuple[Signature, ...],
        problems: tuple[str, ...] = (),
        birth_date: str = "",
    ) -> None:
        """Check one person (given as its parts) and count it, or record its problems and leave it out."""
        res = self.result
        res.rows += 1
        if case_id.startswith(SYNTHETIC_PREFIX):
            res.synthetic_rows += 1
        plan = self.plan(sigs)
        if not (
            plan.valid
            and not problems
            and gender in GOOD_GENDERS
            and nationality in GOOD_NATIONALITIES
            and KNOWN_DATES.issuperset(dates)
            and all(map(le, dates, dates[1:]))
            and (
                not birth_date
                or (day_number(birth_date) is not None and (not dates or birth_date <= dates[0]))
            )
        ):
            found = check_person(
                Person(line, case_id, nationality, gender, dates, sigs, problems, birth_date)
            )
            if found:
                res.bad_rows += 1
                if len(res.problems) < MAX_PROBLEMS:
                    res.problems += found
                return
        hi = bisect_right(dates, self._b)
        if not hi:
            return
        closed = False
        for position, closes in plan.toggles:
            if position < hi:
                closed = closes
        if not closed:
            res.open_cases += 1
        lo = bisect_left(dates, self._a)
        if lo >= hi:
            return
        self.note(plan, sigs, lo, hi, gender or UNKNOWN, nationality)
        for ident, end, start in plan.pairs:
            if lo <= end < hi:
                res.days[ident][DAY_NUMBERS[dates[end]] - DAY_NUMBERS[dates[start]]] += 1

    def note(
        self, plan: Plan, sigs: tuple[Signature, ...], lo: int, hi: int, gender: str, nationality: str
    ) -> None:
        """Count a valid person's events ``sigs[lo:hi]`` in the period (``gender`` never empty)."""
        if plan.number >= 0:
            self._pending_seen.append((plan.number, lo, hi, gender))
            if len(self._pending_seen) >= FLUSH:
                self.flush()
        else:
            self._pending_events += sigs[lo:hi]
            self._pending_combos.append((sigs[lo:hi], gender))
            if len(self._pending_combos) >= FLUSH:
                self.flush()
        if nationality and nationality not in self.result.nationalities:
            self.note_nationality(nationality, (sigs[lo:hi], gender))

    def note_nationality(self, nationality: str, combo: Combo) -> None:
        """Remember ``nationality`` if the person (given by its combination) was advised in the period."""
        advised = self._advised_cache.get(combo)
        if advised is None:
            advised = any(k[0] == self._advised for k in self._person_keys(combo))
            self._advised_cache[combo] = advised
        if advised:
            self.result.nationalities.add(nationality)

    def flush(self) -> None:
        """Move the pending keys into their counters (a batched, built-in count)."""
        self._seen.update(self._pending_seen)
        self._events.update(self._pending_events)
        self._combos.update(self._pending_combos)
        self._pending_seen.clear()
        self._pending_events.clear()
        self._pending_combos.clear()

    def finish(self) -> Aggregates:
        """Expand the signature counters into indicator counts; return the aggregates."""
        self.flush()
        for (number, lo, hi, gender), n in self._seen.items():
            inside = self._sequences[number][lo:hi]
            for sig in inside:
                self._events[sig] += n
            self._combos[(inside, gender)] += n
        self._seen.clear()
        counts = self.result.counts
        for sig, n in self._events.items():
            for key in self._keys(sig, "")[0]:
                counts[key] += n
        for combo, n in self._combos.items():
            for key in self._person_keys(combo):
                counts[key] += n
        self._events.clear()
        self._combos.clear()
        return self.result


def aggregate(
    persons: Iterable[Person], period: ReportPeriod, progress: Callable[[int], None] | None = None
) -> Aggregates:
    """Count every indicator over ``persons`` for ``period``."""
    counting = Counting(period)
    add = counting.add
    for number, person in enumerate(persons, start=1):
        add(person)
        if progress is not None and number % 50_000 == 0:
            progress(number)
    return counting.finish()


def _count_csv(path: Path, counting: Counting, progress: Callable[[int], None] | None) -> None:
    """The CSV reader and the counting in one loop: the hot path of a large caseload.

    It does what :meth:`Counting.count` does for a row that passes the quick checks, with everything
    in local variables (a million calls of a method with seven arguments cost more than the counting);
    any row that does not pass goes through :meth:`Counting.count`, which checks it in full.
    """
    size = len(EVENT_FIELDS)
    count_person = counting.count
    res = counting.result
    plans = counting._plans
    known, genders, nats = KNOWN_DATES, GOOD_GENDERS, GOOD_NATIONALITIES
    a, b = counting._a, counting._b
    pending = counting._pending_seen
    plan_of = counting.plan
    days, seen = res.days, res.nationalities
    fast = synthetic = open_cases = 0
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            return
        width, person_columns, columns = header_columns(path, header)
        person = itemgetter(*person_columns)
        history = itemgetter(*columns) if len(columns) > 1 else None
        slots = len(columns) // size
        first = columns[0] if columns else 0
        contiguous = columns == list(range(first, first + len(columns)))
        for number, row in enumerate(reader, start=2):
            if not row:
                continue
            if len(row) == width:
                row.append("")
            else:
                row = [*(row + [""] * width)[:width], ""]
            case_id, nationality, gender, birth_date = person(row)
            if history is None:
                count_person(number, case_id, nationality, gender, (), (), (), birth_date)
                continue
            # the template's layout keeps the history in one block: slice the row, skip the copy
            cells = row[first : first + len(columns)] if contiguous else history(row)
            dates = tuple(cells[0::size])
            problems: tuple[str, ...] = ()
            if "" in dates:
                filled = dates.index("")
                types = cells[1::size]
                if types[filled]:
                    filled += 1  # a type without a date: checked (and refused) as an event
                if any(dates[filled:]) or any(types[filled:]):
                    problems = (f"history.{filled}",)
                dates = dates[:filled]
            else:
                filled = slots
            stop = filled * size
            sigs = tuple(
                zip(
                    cells[1:stop:size],
                    cells[2:stop:size],
                    cells[3:stop:size],
                    cells[4:stop:size],
                    cells[5:stop:size],
                    cells[6:stop:size],
                    strict=True,
                )
            )
            plan = plans.get(sigs) or plan_of(sigs)
            if (
                problems
                or not plan.valid
                or gender not in genders
                or nationality not in nats
                or not known.issuperset(dates)
                or not all(map(le, dates, dates[1:]))
                or (birth_date and (day_number(birth_date) is None or (dates and birth_date > dates[0])))
            ):
                count_person(number, case_id, nationality, gender, dates, sigs, problems, birth_date)  # type: ignore[arg-type]
                continue
            fast += 1
            if case_id.startswith(SYNTHETIC_PREFIX):
                synthetic += 1
            if progress is not None and number % 50_000 == 0:
                progress(number)
            hi = bisect_right(dates, b)
            if not hi:
                continue
            closed = False
            for position, closes in plan.toggles:
                if position < hi:
                    closed = closes
            if not closed:
                open_cases += 1
            lo = bisect_left(dates, a)
            if lo >= hi:
                continue
            if plan.number >= 0 and (not nationality or nationality in seen):
                pending.append((plan.number, lo, hi, gender or UNKNOWN))
                if len(pending) >= FLUSH:
                    counting.flush()
            else:
                counting.note(plan, sigs, lo, hi, gender or UNKNOWN, nationality)
            for ident, end, start in plan.pairs:
                if lo <= end < hi:
                    days[ident][DAY_NUMBERS[dates[end]] - DAY_NUMBERS[dates[start]]] += 1  # type: ignore[index]
    res.rows += fast
    res.synthetic_rows += synthetic
    res.open_cases += open_cases


def aggregate_file(
    path: Path, period: ReportPeriod, progress: Callable[[int], None] | None = None
) -> Aggregates:
    """Count every indicator over the caseload file ``path`` (CSV or JSONL), streaming."""
    if path.suffix.lower() == ".csv" and path.is_file():
        counting = Counting(period)
        try:
            _count_csv(path, counting, progress)
        except UnicodeDecodeError as exc:
            raise CaseRecordError(
                path, [Problem(f"keine UTF-8-Textdatei ({exc.reason})", hint="Als CSV (UTF-8) speichern.")]
            ) from None
        return counting.finish()
    return aggregate(read_persons(path), period, progress)
