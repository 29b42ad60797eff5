"""What a predicate may read: ``Ctx`` with the case facts and the parameter values on the reference date."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from replicate.rules.models import Condition, MissingValue, Pathway
from replicate.screening.facts import Facts

if TYPE_CHECKING:
    from replicate.screening.plan import Prepared


class _Unset:
    """Marks a parameter without a value on the reference date (read → MissingValue)."""

    __slots__ = ("description",)

    def __init__(self, description: str) -> None:
        self.description = description


def checked(value: Any) -> Any:
    """A prepared parameter value; raises MissingValue if the parameter has none on the date."""
    if value.__class__ is _Unset:
        raise MissingValue(value.description)
    return value


def unset(description: str) -> Any:
    """The marker stored for a parameter without a value (see ``checked``)."""
    return _Unset(description)


class Ctx:
    """What a predicate may read: the facts, the condition with its parameters, the rules, the pathway.

    Parameter values come precomputed for the reference date (``plan.Prepared``); the engine reuses one
    context per case and sets ``condition``/``params`` per condition and ``pathway``/``own_params`` per
    pathway.
    """

    __slots__ = ("as_of", "condition", "facts", "own_params", "params", "pathway", "prepared", "rules")

    def __init__(self, facts: Facts, prepared: Prepared) -> None:
        self.facts, self.prepared, self.rules, self.as_of = facts, prepared, prepared.rules, facts.as_of
        self.condition: Condition
        self.params: dict[str, Any]
        self.pathway: Pathway
        self.own_params: dict[str, Any]

    def p(self, name: str) -> Any:
        """Parameter of this condition in force on the reference date."""
        value = self.params[name]
        if value.__class__ is _Unset:
            raise MissingValue(value.description)
        return value

    def own(self, name: str) -> Any:
        """Pathway-wide parameter in force on the reference date."""
        return checked(self.own_params[name])

    def shared(self, name: str) -> Any:
        """Shared parameter (``bars.yaml``) in force on the reference date."""
        return checked(self.prepared.shared[name])

    def of(self, cid: str, name: str) -> Any:
        """Parameter of another condition in force on the reference date."""
        return checked(self.prepared.of(cid, name))

    def holder_privileged(self) -> bool:
        """Holds a § 104c permit and the holder privileges in §§ 25a/25b still apply."""
        return self.facts.holder_104c is not None and bool(self.shared("p104c_holder_privileges"))

    def for_condition(self, condition: Condition) -> Ctx:
        """A copy of this context reading the parameters of another condition."""
        other = Ctx(self.facts, self.prepared)
        other.pathway, other.own_params = self.pathway, self.own_params
        other.condition, other.params = condition, self.prepared.params(condition)
        return other
