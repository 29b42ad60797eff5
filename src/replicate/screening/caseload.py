"""Screen a whole caseload: one result row per valid entry, the problems of the others, its dialect.

The command line only shows progress and prints; this module reads, screens and shapes the rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from replicate.caserecord.dialect import Dialect
from replicate.caserecord.readers import open_caseload
from replicate.errors import Problem
from replicate.rules.ruleset import RuleSet
from replicate.screening.engine import screen

FIXED_COLUMNS = ("zeile", "fall")
"""First columns of the result table: where the entry is in the caseload, its pseudonym."""


@dataclass
class CaseloadResult:
    """The result table of a caseload and what could not be screened."""

    dialect: Dialect
    """How the caseload was written (results are written the same way)."""
    header: list[str] = field(default_factory=lambda: list(FIXED_COLUMNS))
    rows: list[list[str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    bad_entries: int = 0
    """Entries with at least one problem (not screened)."""


def screen_caseload(
    path: Path, rules: RuleSet, as_of: date, advance: Callable[[], None] | None = None
) -> CaseloadResult:
    """Screen every entry of the caseload at ``path``; ``advance`` is called once per entry read."""
    dialect, entries = open_caseload(path)
    result = CaseloadResult(dialect)
    for entry in entries:
        if advance is not None:
            advance()
        if entry.record is None:
            result.problems += entry.problems
            result.bad_entries += 1
            continue
        screened = screen(entry.record, rules, as_of)
        if len(result.header) == len(FIXED_COLUMNS):
            for pid in screened.pathways:
                result.header += [pid, f"{pid}_blockiert"]
        row = [entry.label, entry.record.case_id]
        for pid in result.header[len(FIXED_COLUMNS) :: 2]:
            found = screened.pathways.get(pid)
            row += [found.label, " ".join(found.blocking)] if found is not None else ["", ""]
        result.rows.append(row)
    return result


def count_entries(path: Path) -> int | None:
    """Roughly how many entries a caseload has (lines less the header), for a progress bar."""
    if path.suffix.lower() == ".json" or not path.is_file():
        return None
    try:
        with path.open("rb") as stream:
            lines = sum(1 for line in stream if line.strip())
    except OSError:
        return None
    return max(lines - 1, 0) if path.suffix.lower() == ".csv" else lines
