"""Shared base class and small value types of the case record."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

LanguageLevel = Literal["A1", "A2", "B1", "B2", "C1", "C2"]
"""CEFR level (§ 2 Abs. 9–12 AufenthG: A2 hinreichend, B1 ausreichend, …)."""

LEVEL_ORDER: dict[str, int] = {"A1": 1, "A2": 2, "B1": 3, "B2": 4, "C1": 5, "C2": 6}


class Part(BaseModel):
    """Base of every part of the case record: unknown fields are errors, docstrings are descriptions."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, frozen=True)


class Period(Part):
    """A span of days, both ends included; an open end means "still running"."""

    start: date
    """Erster Tag des Zeitraums."""
    end: date | None = None
    """Letzter Tag des Zeitraums; leer, wenn er noch andauert."""

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Period:
        if self.end is not None and self.end < self.start:
            raise ValueError(
                f"Zeitraum endet ({self.end:%d.%m.%Y}) vor seinem Beginn ({self.start:%d.%m.%Y})"
            )
        return self
