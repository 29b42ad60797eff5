"""The result of one predicate (the registry is in ``registry``; ``predicate`` is re-exported here)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from replicate.screening.context import Ctx
from replicate.screening.registry import predicate
from replicate.screening.text import Detail, Text, fmt

Status = Literal["erfüllt", "nicht erfüllt", "unbekannt"]
MET: Status = "erfüllt"
NOT_MET: Status = "nicht erfüllt"
UNKNOWN: Status = "unbekannt"


class Outcome:
    """Three-valued finding with the facts that led to it (the detail text is formatted on demand)."""

    __slots__ = ("_detail", "deadlines", "manual", "met_from", "met_until", "status")

    def __init__(
        self,
        status: Status,
        detail: Detail = "",
        met_from: date | None = None,
        met_until: date | None = None,
        manual: bool = False,
        deadlines: tuple[tuple[date, str], ...] | list[tuple[date, str]] = (),
    ) -> None:
        self.status = status
        self._detail = detail
        self.met_from = met_from
        """If not met: the day from which it will be met if the situation continues."""
        self.met_until = met_until
        """If met: the last day on which it is still met (e.g. the day before the 27th birthday)."""
        self.manual = manual
        """The law is unsettled or discretionary here: an adviser must decide."""
        self.deadlines = deadlines

    @property
    def detail(self) -> str:
        """The facts that led to the finding (German)."""
        text = self._detail
        if not isinstance(text, str):
            text = self._detail = str(text)
        return text

    @property
    def raw_detail(self) -> Detail:
        """The detail as stored, possibly not yet formatted (to embed it in another ``Text``)."""
        return self._detail

    def __repr__(self) -> str:
        return (
            f"Outcome({self.status!r}, {self.detail!r}, met_from={self.met_from!r}, "
            f"met_until={self.met_until!r}, manual={self.manual!r}, deadlines={self.deadlines!r})"
        )


def flag(value: bool | None, yes: Detail, no: Detail, unknown: Detail, good: bool = True) -> Outcome:
    """Outcome from a yes/no fact; ``good`` says which answer meets the condition."""
    if value is None:
        return Outcome(UNKNOWN, unknown)
    return Outcome(MET, yes) if value is good else Outcome(NOT_MET, no)


__all__ = ["MET", "NOT_MET", "UNKNOWN", "Ctx", "Outcome", "Text", "flag", "fmt", "predicate"]
