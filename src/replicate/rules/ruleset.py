"""The loaded rules: pathways with their conditions resolved, shared bars and parameters."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from replicate.rules.models import Condition, ConditionRef, Parameter, Pathway


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

    def condition(self, cid: str) -> Condition:
        """Find a condition by id among bars and pathway conditions (own definitions only)."""
        if cid in self.shared:
            return self.shared[cid]
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

    def in_force(self, as_of: date) -> dict[str, list[Condition]]:
        """Pathways in force on ``as_of`` with the conditions in force on that date."""
        return {
            pid: [c for c in self.conditions[pid] if c.in_force(as_of)]
            for pid, p in self.pathways.items()
            if p.in_force(as_of)
        }
