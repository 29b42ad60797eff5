"""Screening: evaluate a case against the rule data on a reference date and explain the result."""

from replicate.screening.engine import screen
from replicate.screening.explain import explain
from replicate.screening.result import RANK, ConditionResult, PathwayResult, ScreeningResult

__all__ = ["RANK", "ConditionResult", "PathwayResult", "ScreeningResult", "explain", "screen"]
