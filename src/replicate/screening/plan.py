"""What screening needs from the rules on one reference date, prepared once (not per case).

For every pathway in force: its conditions in force, each with its predicate, its parameter values on
the date, the key under which its outcome is shared within a case and the reason for a manual review.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from replicate.errors import Problem, RulesError
from replicate.rules.models import Condition, MissingValue, Parameter, Pathway
from replicate.rules.ruleset import RuleSet
from replicate.screening.context import unset
from replicate.screening.registry import READS, Predicate, predicates


def value_at(param: Parameter, day: date) -> Any:
    """The parameter's value on ``day``, or the marker that makes reading it raise MissingValue."""
    try:
        return param.at(day)
    except MissingValue:
        return unset(param.description)


def values_at(params: dict[str, Parameter], day: date) -> dict[str, Any]:
    """All parameter values on ``day``, by name."""
    return {name: value_at(param, day) for name, param in params.items()}


class Step:
    """One condition of a pathway, ready to evaluate."""

    __slots__ = ("condition", "func", "key", "params", "reason")

    def __init__(self, condition: Condition, params: dict[str, Any], key: int) -> None:
        func = predicates().get(condition.id)
        if func is None:
            raise RulesError(None, [Problem(f"keine Prüflogik für Bedingung {condition.id}", condition.id)])
        self.condition = condition
        self.func: Predicate = func
        self.params = params
        """Parameter values on the reference date."""
        self.key = key
        """Memo key, equal for conditions with the same id, kind, unsettled note and pathway view."""
        self.reason = condition.unsettled or (
            "Entscheidung im Ermessen der Behörde" if condition.kind == "ermessen" else ""
        )
        """Why a negative finding needs a manual review (empty: it does not)."""


class PathwayPlan:
    """A pathway in force with its prepared conditions."""

    __slots__ = ("conditions", "own_params", "pathway", "steps")

    def __init__(self, pathway: Pathway, conditions: list[Condition], steps: list[Step], day: date) -> None:
        self.pathway = pathway
        self.conditions = conditions
        self.steps = steps
        self.own_params = values_at(pathway.parameters, day)


class Prepared:
    """The rules on one reference date: pathway plans and parameter values."""

    __slots__ = ("_keys", "_of", "as_of", "pathways", "rules", "shared")

    def __init__(self, rules: RuleSet, as_of: date) -> None:
        self.rules, self.as_of = rules, as_of
        self.shared = values_at(rules.shared_parameters, as_of)
        self._of: dict[tuple[str, str], Any] = {}
        self._keys: dict[tuple[Any, ...], int] = {}
        self.pathways = [
            PathwayPlan(
                rules.pathways[pid], conds, [self._step(rules.pathways[pid], c) for c in conds], as_of
            )
            for pid, conds in rules.in_force(as_of).items()
        ]

    def _step(self, pathway: Pathway, condition: Condition) -> Step:
        """The prepared condition; its memo key tells which conditions share one outcome per case."""
        reads = READS.get(condition.id)
        view = reads(pathway) if reads is not None else None
        what = (condition.id, condition.kind, condition.unsettled, view)
        return Step(condition, self.params(condition), self._keys.setdefault(what, len(self._keys)))

    def params(self, condition: Condition) -> dict[str, Any]:
        """Parameter values of a condition on the reference date."""
        return values_at(condition.parameters, self.as_of)

    def of(self, cid: str, name: str) -> Any:
        """Value of another condition's parameter (marker if missing; see ``context.checked``)."""
        key = (cid, name)
        if key not in self._of:
            self._of[key] = value_at(self.rules.condition(cid).parameters[name], self.as_of)
        return self._of[key]


def prepare(rules: RuleSet, as_of: date) -> Prepared:
    """The prepared rules for ``as_of``, kept on the rule set (dropped when the rules change)."""
    return rules.derived(("screening.prepared", as_of), lambda: Prepared(rules, as_of))
