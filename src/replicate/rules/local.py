"""Local adjustments from the settings file: notes, evidence, practice, and parameters where the law allows.

A municipality may add notes, evidence and documented local practice to any condition. It may change a
parameter only where the law leaves room: the condition is "in der Regel" or discretionary in every
pathway that uses it, and the parameter is not a statutory threshold (``statutory: false``). Every such
change needs a justification. The base rule files are never edited.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from replicate.errors import Problem, RulesError
from replicate.rules.loader import load_rules
from replicate.rules.models import Condition, ConditionRef, Parameter, Pathway, Value
from replicate.rules.ruleset import RuleSet

if TYPE_CHECKING:
    from replicate.settings import Settings

_PREFIX = "local_rules.conditions"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, frozen=True)


class LocalParameter(_Strict):
    """A local value for a parameter the law leaves open."""

    value: Value
    """Der örtliche Wert (z. B. 50 statt 51 Prozent)."""
    justification: str = Field(min_length=10)
    """Begründung (Pflicht), z. B. Erlass, Dienstanweisung oder Absprache mit Datum."""
    valid_from: date | None = None
    """Ab wann der örtliche Wert gilt; leer = für den ganzen Zeitraum."""


class ConditionAdjustment(_Strict):
    """Local additions to one condition."""

    notes: list[str] = Field(default_factory=list)
    """Örtliche Hinweise für die Beratung."""
    extra_evidence: list[str] = Field(default_factory=list)
    """Zusätzliche Nachweise, die die örtliche Ausländerbehörde verlangt."""
    local_practice: str | None = None
    """Dokumentierte örtliche Praxis (mit Quelle und Datum)."""
    parameters: dict[str, LocalParameter] = Field(default_factory=dict)
    """Örtliche Parameter – nur bei Regel- oder Ermessensvorschriften und nicht-gesetzlichen Werten."""


class LocalAdjustments(_Strict):
    """All local adjustments of a kit, keyed by condition id (e.g. ``p25b.livelihood``)."""

    conditions: dict[str, ConditionAdjustment] = Field(default_factory=dict)
    """Anpassungen je Bedingung (Kennung wie im Prüfschema, z. B. „p25b.livelihood“)."""


def _uses(rules: RuleSet, cid: str) -> list[Condition]:
    return [c for conds in rules.conditions.values() for c in conds if c.id == cid]


def _check(rules: RuleSet, cid: str, adj: ConditionAdjustment) -> list[Problem]:
    problems: list[Problem] = []
    try:
        cond = rules.condition(cid)
    except KeyError:
        return [Problem("unbekannte Bedingung", f"{_PREFIX}.{cid}", hint="Kennungen stehen im Prüfschema.")]
    strict = [u for u in _uses(rules, cid) if u.kind == "zwingend"] or (
        [cond] if cond.kind == "zwingend" else []
    )
    for name in adj.parameters:
        where = f"{_PREFIX}.{cid}.parameters.{name}"
        param = cond.parameters.get(name)
        if param is None:
            problems.append(Problem(f"die Bedingung hat keinen Parameter „{name}“", where))
        elif param.statutory:
            problems.append(
                Problem(
                    f"gesetzlicher Schwellenwert ({param.reference}) – örtlich nicht änderbar",
                    where,
                    hint="Örtliche Praxis als Hinweis (notes / local_practice) festhalten.",
                )
            )
        elif strict:
            problems.append(Problem("zwingende Voraussetzung – örtlich nicht änderbar", where))
        elif param.above is not None and _at_most(adj.parameters[name].value, param.above):
            problems.append(
                Problem(
                    f"der Wert {adj.parameters[name].value} ist zu niedrig: das Gesetz verlangt mehr als "
                    f"{param.above:g} ({param.reference})",
                    where,
                    hint=f"Einen Wert über {param.above:g} eintragen oder den Parameter weglassen.",
                )
            )
    return problems


def _at_most(value: Value, bound: float) -> bool:
    """A local number that does not exceed the statutory bound (non-numbers are left to the predicate)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and value <= bound


def _adjusted(cond: Condition, adj: ConditionAdjustment) -> Condition:
    params = dict(cond.parameters)
    for name, local in adj.parameters.items():
        base = params[name]
        start = local.valid_from or min(base.values)
        values = {d: v for d, v in base.values.items() if d < start} | {start: local.value}
        params[name] = base.model_copy(
            update={
                "values": values,
                "reference": f"{base.reference}; örtlich angepasst: {local.justification}",
            }
        )
    return cond.model_copy(
        update={
            "parameters": params,
            "evidence": [*cond.evidence, *adj.extra_evidence],
            "local_notes": [*cond.local_notes, *adj.notes],
            "local_practice": adj.local_practice or cond.local_practice,
        }
    )


def apply_local(rules: RuleSet, adjustments: LocalAdjustments) -> RuleSet:
    """Rules with the local adjustments applied; refuses changes to statutory thresholds (RulesError)."""
    problems = [p for cid, adj in adjustments.conditions.items() for p in _check(rules, cid, adj)]
    if problems:
        raise RulesError("Einstellungen", problems)
    if not adjustments.conditions:
        return rules
    shared = {
        cid: _adjusted(c, adjustments.conditions[cid]) if cid in adjustments.conditions else c
        for cid, c in rules.shared.items()
    }
    pathways: dict[str, Pathway] = {}
    for pid, pathway in rules.pathways.items():
        entries: list[Condition | ConditionRef] = [
            _adjusted(e, adjustments.conditions[e.id])
            if isinstance(e, Condition) and e.id in adjustments.conditions
            else e
            for e in pathway.conditions
        ]
        pathways[pid] = pathway.model_copy(update={"conditions": entries})
    out = RuleSet(pathways, shared, rules.shared_parameters, dict(rules.sources))
    out.resolve_all()
    return out


__all__ = ["ConditionAdjustment", "LocalAdjustments", "LocalParameter", "Parameter", "apply_local"]


def rules_for(settings: Settings | None) -> RuleSet:
    """The rules to screen with: without settings the base rules, whose Land bodies read in neutral words (no
    Land is assumed); with settings the municipality's Land fills the hardship commission, its regulation and
    the ministry, and the local adjustments apply. One function for `replicate screen` and the desk."""
    if settings is None:
        return load_rules()
    return apply_local(load_rules(land=settings.municipality.state), settings.local_rules)
