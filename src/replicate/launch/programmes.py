"""Funding programmes and dated application deadlines (``playbooks/programmes.yaml``, ``deadlines.yaml``).

A small table of the programmes a replicating municipality is likely to use, each value with its source.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from replicate.errors import Problem, RulesError
from replicate.launch.playbook import playbooks_dir
from replicate.rules.loader import read_yaml


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Programme(_Data):
    """A funding programme: maximum rate, proof deadlines, how to apply; each with its source."""

    name: str
    short: str
    lands: tuple[str, ...] = ()
    max_rate_percent: float | None = Field(default=None, gt=0, le=100)
    rate_source: str | None = None
    interim_proof_if_longer_than_months: int | None = None
    interim_source: str | None = None
    proof_of_use_months: int | None = None
    proof_source: str
    yearly_data_due: str | None = Field(default=None, pattern=r"^\d\d-\d\d$")
    yearly_data_source: str | None = None
    applicant_route: str
    route_source: str
    purpose: str
    purpose_source: str
    rationale: str
    eligible_costs: str
    eligible_costs_source: str


class Deadline(_Data):
    """A dated application deadline with its source."""

    programme: str
    region: str | None = None
    date: dt.date
    what: str
    source: str


@cache
def programmes() -> dict[str, Programme]:
    """The programme table, keyed by the settings' ``financing.programme_kind``."""
    path = playbooks_dir() / "programmes.yaml"
    data, _ = read_yaml(path)
    try:
        return TypeAdapter(dict[str, Programme]).validate_python(data)
    except ValidationError as exc:
        raise RulesError(path, [Problem(str(exc))]) from None


@cache
def deadlines() -> tuple[Deadline, ...]:
    """Known application deadlines, oldest first."""
    path = playbooks_dir() / "deadlines.yaml"
    data, _ = read_yaml(path)
    try:
        found = TypeAdapter(list[Deadline]).validate_python(data)
    except ValidationError as exc:
        raise RulesError(path, [Problem(str(exc))]) from None
    unknown = [d.programme for d in found if d.programme not in programmes()]
    if unknown:
        raise RulesError(path, [Problem(f"unbekanntes Programm: {', '.join(unknown)}")])
    return tuple(sorted(found, key=lambda d: d.date))


def known_deadlines(programme: str | None, region: str) -> list[Deadline]:
    """Deadlines of ``programme`` that apply everywhere or in ``region`` (the municipality's short name)."""
    return [d for d in deadlines() if d.programme == programme and d.region in (None, region)]
