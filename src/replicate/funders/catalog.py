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
    sachbericht: str
    """Key of the grant rules in ``sachbericht.yaml`` that say what a Sachbericht contains."""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class SachberichtRules:
    """Content and confirmations of a Sachbericht under one set of grant rules (e.g. a Land's ANBest-P)."""

    key: str
    name: str
    source: str
    checked: dt.date
    content: tuple[str, ...]
    confirmations: tuple[str, ...]
    notice: str
    """The notice duty during the grant (e.g. „Mitteilungen nach Nr. 5 ANBest-P“)."""


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
        sachbericht=raw["sachbericht"],
        notes=tuple(raw.get("notes", ())),
    )


def _load() -> dict[str, Programme]:
    raw = yaml.safe_load((_HERE / "programmes.yaml").read_text(encoding="utf-8"))
    return {key: _programme(key, value) for key, value in raw.items()}


def _sachbericht() -> dict[str, SachberichtRules]:
    raw = yaml.safe_load((_HERE / "sachbericht.yaml").read_text(encoding="utf-8"))
    return {
        key: SachberichtRules(
            key,
            value["name"],
            value["source"],
            value["checked"],
            tuple(value["content"]),
            tuple(value["confirmations"]),
            value["notice"],
        )
        for key, value in raw.items()
    }


PROGRAMMES = _load()
"""Programme key → programme."""
SACHBERICHT_RULES = _sachbericht()
"""Key → grant rules for the Sachbericht; ``allgemein`` for a funder without a catalogued programme."""
GENERAL_RULES = "allgemein"


def sachbericht_rules(programme_key: str | None) -> SachberichtRules:
    """The Sachbericht rules of a programme of the catalog; the general ones (naming no Land's law) for a
    funder whose programme is not in the catalog."""
    programme = PROGRAMMES.get(programme_key or "")
    return SACHBERICHT_RULES[programme.sachbericht if programme else GENERAL_RULES]


def _check() -> None:
    unknown = {p.key: p.sachbericht for p in PROGRAMMES.values() if p.sachbericht not in SACHBERICHT_RULES}
    if unknown or GENERAL_RULES not in SACHBERICHT_RULES:
        raise ValueError(f"sachbericht.yaml lacks rules named by programmes.yaml: {unknown}")


_check()
