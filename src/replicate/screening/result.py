"""Screening results: per condition, per pathway, per case; serialisable with ``to_dict``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from replicate.rules.models import Condition, Pathway
from replicate.screening.outcome import MET, Outcome, Status

Verdict = Literal["möglich jetzt", "möglich ab", "Angaben fehlen", "nicht möglich", "manuelle Prüfung"]
RANK: dict[str, int] = {
    "möglich jetzt": 4,
    "möglich ab": 3,
    "manuelle Prüfung": 2,
    "Angaben fehlen": 2,
    "nicht möglich": 0,
}
"""How favourable a verdict is (for properties such as "a conviction never improves a verdict")."""


@dataclass(slots=True)
class ConditionResult:
    """One condition as evaluated on the reference date (the rule data plus the outcome)."""

    condition: Condition
    outcome: Outcome

    id = property(lambda self: self.condition.id)
    label = property(lambda self: self.condition.label)
    reference = property(lambda self: self.condition.reference)
    kind = property(lambda self: self.condition.kind)
    evidence = property(lambda self: self.condition.evidence)

    @property
    def status(self) -> Status:
        return self.outcome.status

    @property
    def detail(self) -> str:
        return self.outcome.detail

    @property
    def manual(self) -> bool:
        return self.outcome.manual

    @property
    def met_from(self) -> date | None:
        return self.outcome.met_from

    @property
    def next_step(self) -> str:
        if self.outcome.status == MET:
            return ""
        return self.outcome.step or self.condition.next_step

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "id": self.id,
            "label": self.label,
            "reference": self.reference,
            "kind": self.kind,
            "status": self.status,
            "detail": self.detail,
            "manual": self.manual,
            "met_from": self.met_from.isoformat() if self.met_from else None,
            "next_step": self.next_step,
            "evidence": list(self.evidence),
        }


class PathwayResult:
    """The verdict for one pathway.

    Once a condition is firmly not met the verdict is "nicht möglich" whatever the other conditions say,
    so screening stops there; the outcomes of the remaining conditions are computed when first read
    (``outcomes``, ``conditions``, ``blocking``, ``to_dict`` …). The case record is immutable, so they
    are the same as if computed at once.
    """

    __slots__ = ("_outcomes", "_rest", "pathway", "possible_from", "rules", "verdict")

    def __init__(
        self,
        pathway: Pathway,
        verdict: Verdict,
        possible_from: date | None,
        rules: list[Condition],
        outcomes: list[Outcome],
        rest: Callable[[], list[Outcome]] | None = None,
    ) -> None:
        self.pathway = pathway
        self.verdict = verdict
        self.possible_from = possible_from
        self.rules = rules
        """The conditions evaluated, in order."""
        self._outcomes = outcomes
        self._rest = rest

    @property
    def outcomes(self) -> list[Outcome]:
        """The outcomes of ``rules``, in the same order."""
        if self._rest is not None:
            self._outcomes, self._rest = self._outcomes + self._rest(), None
        return self._outcomes

    id = property(lambda self: self.pathway.id)
    title = property(lambda self: self.pathway.title)
    reference = property(lambda self: self.pathway.reference)
    grant_kind = property(lambda self: self.pathway.grant_kind)

    @property
    def conditions(self) -> list[ConditionResult]:
        """Each condition with its outcome."""
        return [ConditionResult(c, o) for c, o in zip(self.rules, self.outcomes, strict=True)]

    @property
    def discretion(self) -> bool:
        """Soll, Regel, Kann or Härtefall: the authority decides; never shown as a certainty."""
        return self.pathway.grant_kind in ("soll", "regel", "kann", "ersuchen") or any(
            c.kind == "ermessen" and c.status == MET for c in self.conditions
        )

    @property
    def blocking(self) -> list[str]:
        """Ids of the conditions not (yet) met or unknown."""
        return [c.id for c, o in zip(self.rules, self.outcomes, strict=True) if o.status != MET]

    @property
    def next_steps(self) -> list[str]:
        """Concrete next steps (German), without repetitions."""
        return list(dict.fromkeys(c.next_step for c in self.conditions if c.next_step))

    @property
    def deadlines(self) -> list[tuple[date, str]]:
        """Deadlines that matter for this pathway, by date."""
        return sorted({d for c in self.conditions for d in c.outcome.deadlines})

    @property
    def label(self) -> str:
        """Verdict in words, with the date for "möglich ab"."""
        if self.verdict == "möglich ab" and self.possible_from:
            return f"möglich ab {self.possible_from:%d.%m.%Y}"
        return self.verdict

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "id": self.id,
            "title": self.title,
            "reference": self.reference,
            "grant_kind": self.grant_kind,
            "verdict": self.verdict,
            "label": self.label,
            "possible_from": self.possible_from.isoformat() if self.possible_from else None,
            "discretion": self.discretion,
            "blocking": self.blocking,
            "next_steps": self.next_steps,
            "deadlines": [{"date": d.isoformat(), "label": t} for d, t in self.deadlines],
            "conditions": [c.to_dict() for c in self.conditions],
        }


@dataclass(slots=True)
class ScreeningResult:
    """All pathways for one case on one reference date."""

    case_id: str
    as_of: date
    pathways: dict[str, PathwayResult]
    warnings: list[str] = field(default_factory=list)
    """Plausibility warnings about the case record (German), e.g. a share of 0.8 where 80 was meant."""

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (dates as ISO strings)."""
        return {
            "case_id": self.case_id,
            "as_of": self.as_of.isoformat(),
            "warnings": list(self.warnings),
            "pathways": {pid: p.to_dict() for pid, p in self.pathways.items()},
        }
