"""The loaded rules: pathways with their conditions resolved, shared bars and parameters."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from replicate.rules.models import Condition, ConditionRef, Parameter, Pathway

T = TypeVar("T")


@dataclass
class RuleSet:
    """All rules in force, as loaded (and possibly locally adjusted)."""

    pathways: dict[str, Pathway]
    """Pathways by id, in file order."""
    shared: dict[str, Condition]
    """Cross-cutting conditions (bars) by id."""
    shared_parameters: dict[str, Parameter]
    """Shared parameters by name."""
    sources: dict[str, str] = field(default_factory=dict)
    """File name each pathway or bar came from."""
    conditions: dict[str, list[Condition]] = field(default_factory=dict)
    """Resolved conditions per pathway (references replaced by the referenced condition)."""

    def resolve_all(self) -> None:
        """Resolve every pathway's references (after loading or adjusting)."""
        self._by_id = {}
        self.conditions = {pid: self._resolve(p) for pid, p in self.pathways.items()}
        self._by_id = dict(self.shared)
        for p in self.pathways.values():
            self._by_id.update((e.id, e) for e in p.conditions if isinstance(e, Condition))
        self._in_force.clear()
        self._derived.clear()

    def condition(self, cid: str) -> Condition:
        """Find a condition by id among bars and pathway conditions (own definitions only)."""
        found = self._by_id.get(cid) or self.shared.get(cid)
        if found is not None:
            return found
        for p in self.pathways.values():
            for entry in p.conditions:
                if isinstance(entry, Condition) and entry.id == cid:
                    return entry
        raise KeyError(cid)

    def _resolve(self, pathway: Pathway) -> list[Condition]:
        out: list[Condition] = []
        for entry in pathway.conditions:
            if isinstance(entry, ConditionRef):
                base = self.condition(entry.use)
                update = {
                    k: getattr(entry, k)
                    for k in ("reference", "kind", "unsettled", "next_step", "note")
                    if getattr(entry, k) is not None
                }
                out.append(base.model_copy(update=update))
            else:
                out.append(entry)
        return out

    _in_force: dict[date, dict[str, list[Condition]]] = field(default_factory=dict, repr=False)
    _by_id: dict[str, Condition] = field(default_factory=dict, repr=False)
    _derived: dict[Hashable, Any] = field(default_factory=dict, repr=False, init=False)

    def derived(self, key: Hashable, build: Callable[[], T]) -> T:
        """A value computed from these rules (e.g. screening's plan for one date), built once per key and
        dropped when the rules are resolved again; it lives as long as the rule set, not longer."""
        if key not in self._derived:
            self._derived[key] = build()
        found: T = self._derived[key]
        return found

    def in_force(self, as_of: date) -> dict[str, list[Condition]]:
        """Pathways in force on ``as_of`` with the conditions in force on that date (cached)."""
        cached = self._in_force.get(as_of)
        if cached is None:
            cached = self._in_force[as_of] = self._compute_in_force(as_of)
        return cached

    def _compute_in_force(self, as_of: date) -> dict[str, list[Condition]]:
        return {
            pid: [c for c in self.conditions[pid] if c.in_force(as_of)]
            for pid, p in self.pathways.items()
            if p.in_force(as_of)
        }
