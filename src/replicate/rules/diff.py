"""What changed in the rules between two dates: pathways, conditions and parameters, with their paragraphs.

A legal office reading an updated kit needs to know which provisions to re-read; this compares the rules in
force on one date with those in force on another (from the same dated rules data).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from replicate.rules.models import Condition, MissingValue, Parameter, Value
from replicate.rules.ruleset import RuleSet


@dataclass(frozen=True)
class RuleChange:
    """One change between the two dates, in German."""

    area: str
    """Pathway title, or "Übergreifende Regeln" for shared parameters."""
    reference: str
    """The paragraph to re-read."""
    text: str
    """What changed."""


def _day(value: date) -> str:
    return f"{value:%d.%m.%Y}"


def _value(value: Value, unit: str | None) -> str:
    if value is None:
        return "kein Wert (aufgehoben)"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, date):
        return _day(value)
    if isinstance(value, list):
        return ", ".join(value)
    return f"{value} {unit}" if unit else str(value)


def _at(parameter: Parameter, day: date) -> Value:
    try:
        return parameter.at(day)
    except MissingValue:
        return None


def _parameters(area: str, owner: str, params: dict[str, Parameter], d1: date, d2: date) -> list[RuleChange]:
    out = []
    for parameter in params.values():
        before, after = _at(parameter, d1), _at(parameter, d2)
        if before != after:
            out.append(
                RuleChange(
                    area,
                    parameter.reference,
                    f"{owner}{parameter.description}: {_value(before, parameter.unit)} → "
                    f"{_value(after, parameter.unit)}",
                )
            )
    return out


def _validity(label: str, start: date | None, end: date | None, d1: date, d2: date) -> str | None:
    def on(day: date) -> bool:
        return (start is None or start <= day) and (end is None or day <= end)

    if on(d1) == on(d2):
        return None
    if on(d2):
        return f"{label} gilt neu (ab {_day(start)})" if start else f"{label} gilt wieder"
    return f"{label} gilt nicht mehr (bis {_day(end)})" if end else f"{label} gilt noch nicht"


def rules_diff(rules: RuleSet, d1: date, d2: date) -> list[RuleChange]:
    """Changes of pathways, conditions and parameters from ``d1`` to ``d2`` (either order)."""
    changes: list[RuleChange] = []
    changes.extend(_parameters("Übergreifende Regeln", "", rules.shared_parameters, d1, d2))
    for pathway in rules.pathways.values():
        area = f"{pathway.title} ({pathway.reference})"
        moved = _validity("Der Weg", pathway.valid_from, pathway.valid_until, d1, d2)
        if moved:
            changes.append(RuleChange(area, pathway.reference, moved))
        changes.extend(_parameters(area, "", pathway.parameters, d1, d2))
        seen: set[str] = set()
        for condition in rules.conditions.get(pathway.id, []):
            if condition.id in seen:
                continue
            seen.add(condition.id)
            changes.extend(_condition(area, condition, d1, d2))
    return changes


def _condition(area: str, condition: Condition, d1: date, d2: date) -> list[RuleChange]:
    out = []
    label = f"Voraussetzung „{condition.label}“"
    moved = _validity(label, condition.valid_from, condition.valid_until, d1, d2)
    if moved:
        out.append(RuleChange(area, condition.reference, moved))
    out.extend(_parameters(area, f"{label}, ", condition.parameters, d1, d2))
    return out


def render_diff(changes: list[RuleChange], d1: date, d2: date, *, markdown: bool = False) -> str:
    """The changes as a German list grouped by pathway (``markdown``: texts escaped for Markdown)."""
    from replicate.forms.mdtext import escape

    def text(value: str) -> str:
        return escape(value) if markdown else value

    head = f"Änderungen der Prüfregeln vom {_day(d1)} zum {_day(d2)}"
    if d1 == d2:
        return f"{head}: gleicher Stichtag, keine Änderung.\n"
    if not changes:
        return f"{head}: keine Änderung an Wegen, Voraussetzungen oder Werten.\n"
    lines = [f"{head}:", ""]
    area = None
    for change in changes:
        if change.area != area:
            if area is not None:
                lines.append("")
            lines.append(f"- {text(change.area)}")
            area = change.area
        lines.append(f"  - {text(change.text)}. Vorschrift: {text(change.reference)}")
    return "\n".join(lines) + "\n"
