"""Rule test cases as data: ``rules/cases/*.yaml``, run by pytest and by ``replicate rules test``."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from replicate.caserecord import parse_case
from replicate.errors import CaseRecordError, Problem, RulesError
from replicate.problems import RULE_FILE, problems_from
from replicate.rules.loader import read_yaml
from replicate.rules.ruleset import RuleSet
from replicate.screening.engine import screen

CASES_DIR = Path(__file__).resolve().parent.parent / "rules" / "cases"


class RuleCase(BaseModel):
    """One test case in the domain's own words."""

    model_config = ConfigDict(extra="forbid")

    name: str
    """What the case shows (German)."""
    paragraph: str
    """The provision tested."""
    as_of: date
    """Reference date."""
    case: dict[str, Any] = {}
    """Changes to the file's base case (deep-merged)."""
    expected: dict[str, str]
    """Expected verdict per pathway, e.g. ``möglich jetzt`` or ``möglich ab 2026-11-25``."""
    blocking: dict[str, list[str]] = {}
    """Conditions that must be among the blocking ones, per pathway."""


class CaseFile(BaseModel):
    """A file of test cases sharing one base case."""

    model_config = ConfigDict(extra="forbid")

    pathway: str
    """The pathway the file is about."""
    base: dict[str, Any] = {}
    """The base case each test case changes."""
    cases: list[RuleCase]
    """The test cases."""


@dataclass
class CaseRun:
    """Result of one test case."""

    file: str
    name: str
    paragraph: str
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def merge(base: Any, change: Any) -> Any:
    """Deep merge: mappings merge key by key, everything else is replaced."""
    if isinstance(base, dict) and isinstance(change, dict):
        out = dict(base)
        for key, value in change.items():
            out[key] = merge(base.get(key), value) if key in base else copy.deepcopy(value)
        return out
    return copy.deepcopy(change)


def load_case_file(path: Path) -> CaseFile:
    """Read one case file; unknown or duplicate keys are errors with file:line."""
    data, lines = read_yaml(path)
    try:
        return CaseFile.model_validate(data)
    except ValidationError as exc:
        problems = [
            Problem(p.message, p.location, lines.line(loc), p.hint)
            for loc, p in problems_from(exc, CaseFile, "yaml", RULE_FILE)
        ]
        raise RulesError(path, problems) from None


def case_files(directory: Path = CASES_DIR) -> list[Path]:
    """All case files, sorted."""
    return sorted(directory.glob("*.yaml"))


def run_case(rules: RuleSet, cf: CaseFile, rc: RuleCase, file: str) -> CaseRun:
    """Screen one test case and compare verdicts and blocking conditions."""
    run = CaseRun(file, rc.name, rc.paragraph)
    try:
        record = parse_case(merge(cf.base, rc.case))
    except CaseRecordError as err:
        run.failures.append(f"Fall ungültig: {err}")
        return run
    result = screen(record, rules, rc.as_of)
    for pid, want in rc.expected.items():
        got = result.pathways.get(pid)
        label = "nicht geprüft (nicht in Kraft)" if got is None else got.label
        if want.startswith("möglich ab ") and got is not None and got.possible_from:
            label = f"möglich ab {got.possible_from.isoformat()}"
        if label != want:
            run.failures.append(f"{pid}: erwartet „{want}“, erhalten „{label}“")
    for pid, ids in rc.blocking.items():
        got = result.pathways.get(pid)
        missing = [i for i in ids if got is None or i not in got.blocking]
        if missing:
            run.failures.append(f"{pid}: blockierende Bedingung fehlt: {', '.join(missing)}")
    return run


def run_all(rules: RuleSet, directory: Path = CASES_DIR) -> list[CaseRun]:
    """Run every test case in every case file."""
    runs: list[CaseRun] = []
    for path in case_files(directory):
        cf = load_case_file(path)
        runs += [run_case(rules, cf, rc, path.name) for rc in cf.cases]
    return runs
