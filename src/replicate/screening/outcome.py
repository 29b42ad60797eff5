"""The result of one predicate, the context a predicate reads, and the predicate registry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from replicate.rules.models import Condition, Pathway
from replicate.rules.ruleset import RuleSet
from replicate.screening.facts import Facts

Status = Literal["erfüllt", "nicht erfüllt", "unbekannt"]
MET: Status = "erfüllt"
NOT_MET: Status = "nicht erfüllt"
UNKNOWN: Status = "unbekannt"


@dataclass(slots=True)
class Outcome:
    """Three-valued finding with the facts that led to it."""

    status: Status
    detail: str = ""
    met_from: date | None = None
    """If not met: the day from which it will be met if the situation continues."""
    met_until: date | None = None
    """If met: the last day on which it is still met (e.g. the day before the 27th birthday)."""
    manual: bool = False
    """The law is unsettled or discretionary here: an adviser must decide."""
    deadlines: tuple[tuple[date, str], ...] | list[tuple[date, str]] = ()


class Ctx:
    """What a predicate may read: the facts, the condition with its parameters, the rules, the pathway."""

    __slots__ = ("condition", "facts", "pathway", "rules")

    def __init__(self, facts: Facts, condition: Condition, pathway: Pathway, rules: RuleSet) -> None:
        self.facts, self.condition, self.pathway, self.rules = facts, condition, pathway, rules

    @property
    def as_of(self) -> date:
        return self.facts.as_of

    def p(self, name: str) -> Any:
        """Parameter of this condition in force on the reference date."""
        return self.condition.parameters[name].at(self.facts.as_of)

    def own(self, name: str) -> Any:
        """Pathway-wide parameter in force on the reference date."""
        return self.pathway.parameters[name].at(self.facts.as_of)

    def shared(self, name: str) -> Any:
        """Shared parameter (``bars.yaml``) in force on the reference date."""
        return self.rules.shared_parameters[name].at(self.facts.as_of)

    def of(self, cid: str, name: str) -> Any:
        """Parameter of another condition in force on the reference date."""
        return self.rules.condition(cid).parameters[name].at(self.facts.as_of)

    def holder_privileged(self) -> bool:
        """Holds a § 104c permit and the holder privileges in §§ 25a/25b still apply."""
        return self.facts.holder_104c is not None and bool(self.shared("p104c_holder_privileges"))


Predicate = Callable[[Ctx], Outcome]
PREDICATES: dict[str, Predicate] = {}
PURE: set[str] = set()
"""Predicates whose outcome does not depend on the pathway: evaluated once per case."""


def predicate(*ids: str, pure: bool = True) -> Callable[[Predicate], Predicate]:
    """Register a function as the predicate of the condition ids given.

    ``pure=False`` for predicates that read the pathway (grant kind, Abschnitt 5, § 104c privileges).
    """

    def wrap(func: Predicate) -> Predicate:
        for cid in ids:
            PREDICATES[cid] = func
            if pure:
                PURE.add(cid)
        return func

    return wrap


def fmt(day: date) -> str:
    """German date."""
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def flag(value: bool | None, yes: str, no: str, unknown: str, good: bool = True) -> Outcome:
    """Outcome from a yes/no fact; ``good`` says which answer meets the condition."""
    if value is None:
        return Outcome(UNKNOWN, unknown)
    return Outcome(MET, yes) if value is good else Outcome(NOT_MET, no)
