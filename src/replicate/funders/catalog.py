"""The funding-programme catalog, loaded from ``programmes.yaml`` and ``sachbericht.yaml``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

_HERE = Path(__file__).parent
PERIOD_KINDS = ("whole", "first_half", "calendar_year")


@dataclass(frozen=True)
class ReportType:
    """One report a grantee owes under a programme."""

    id: str
    label: str
    period: str
    """``whole`` (the grant period), ``first_half`` or ``calendar_year``."""
    due_text: str
    source: str
    due_months_after: int | None = None
    due_day_next_year: str | None = None
    only_if_months_over: int | None = None


@dataclass(frozen=True)
class Programme:
    """A funding programme with its reporting rules, source and the day the source was read."""

    key: str
    name: str
    authority: str
    version: str
    source: str
    checked: dt.date
    reports: tuple[ReportType, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class SachberichtRules:
    """Content and confirmations of a Sachbericht (ANBest-P)."""

    source: str
    checked: dt.date
    content: tuple[str, ...]
    confirmations: tuple[str, ...]


def _programme(key: str, raw: dict[str, Any]) -> Programme:
    reports = []
    for item in raw["reports"]:
        report = ReportType(**item)
        if report.period not in PERIOD_KINDS:
            raise ValueError(f"programme {key}, report {report.id}: unknown period {report.period}")
        reports.append(report)
    return Programme(
        key=key,
        name=raw["name"],
        authority=raw["authority"],
        version=raw["version"],
        source=raw["source"],
        checked=raw["checked"],
        reports=tuple(reports),
        notes=tuple(raw.get("notes", ())),
    )


def _load() -> dict[str, Programme]:
    raw = yaml.safe_load((_HERE / "programmes.yaml").read_text(encoding="utf-8"))
    return {key: _programme(key, value) for key, value in raw.items()}


def _sachbericht() -> SachberichtRules:
    raw = yaml.safe_load((_HERE / "sachbericht.yaml").read_text(encoding="utf-8"))
    return SachberichtRules(raw["source"], raw["checked"], tuple(raw["content"]), tuple(raw["confirmations"]))


PROGRAMMES = _load()
"""Programme key → programme."""
SACHBERICHT = _sachbericht()
