"""Screening results: per condition, per pathway, per case; serialisable with ``to_dict``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from replicate.screening.outcome import Status

Verdict = Literal["möglich jetzt", "möglich ab", "Angaben fehlen", "nicht möglich", "manuelle Prüfung"]
RANK: dict[str, int] = {
    "möglich jetzt": 4,
    "möglich ab": 3,
    "manuelle Prüfung": 2,
    "Angaben fehlen": 2,
    "nicht möglich": 0,
}
"""How favourable a verdict is (for properties such as "a conviction never improves a verdict")."""


@dataclass
class ConditionResult:
    """One condition as evaluated on the reference date."""

    id: str
    label: str
    reference: str
    kind: str
    status: Status
    detail: str
    manual: bool = False
    met_from: date | None = None
    next_step: str = ""
    evidence: list[str] = field(default_factory=list)


@dataclass
class PathwayResult:
    """The verdict for one pathway."""

    id: str
    title: str
    reference: str
    grant_kind: str
    verdict: Verdict
    possible_from: date | None
    discretion: bool
    """The authority decides with discretion or on a Soll/Regel basis: never a certainty."""
    conditions: list[ConditionResult]
    blocking: list[str]
    next_steps: list[str]
    deadlines: list[tuple[date, str]]

    @property
    def label(self) -> str:
        """Verdict in words, with the date for "möglich ab"."""
        if self.verdict == "möglich ab" and self.possible_from:
            return f"möglich ab {self.possible_from:%d.%m.%Y}"
        return self.verdict


@dataclass
class ScreeningResult:
    """All pathways for one case on one reference date."""

    case_id: str
    as_of: date
    pathways: dict[str, PathwayResult]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (dates as ISO strings)."""

        def conv(value: Any) -> Any:
            if isinstance(value, date):
                return value.isoformat()
            if isinstance(value, list | tuple):
                return [conv(v) for v in value]
            if isinstance(value, dict):
                return {k: conv(v) for k, v in value.items()}
            if hasattr(value, "__dataclass_fields__"):
                return {k: conv(getattr(value, k)) for k in value.__dataclass_fields__}
            return value

        out: dict[str, Any] = conv(self)
        for pid, p in self.pathways.items():
            out["pathways"][pid]["label"] = p.label
            out["pathways"][pid]["deadlines"] = [{"date": d.isoformat(), "label": t} for d, t in p.deadlines]
        return out
