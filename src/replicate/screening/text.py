"""German detail texts, formatted only when someone reads them (explanations, JSON)."""

from __future__ import annotations

from datetime import date


def fmt(day: date) -> str:
    """German date."""
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


class Text:
    """A ``str.format`` template with its arguments; dates are shown as ``TT.MM.JJJJ``.

    Screening a caseload needs verdicts, not wording: predicates hand back a ``Text`` instead of an
    f-string so that the formatting happens only when the detail is read.
    """

    __slots__ = ("args", "template")

    def __init__(self, template: str, *args: object) -> None:
        self.template, self.args = template, args

    def __str__(self) -> str:
        return self.template.format(*[fmt(a) if isinstance(a, date) else a for a in self.args])

    def __repr__(self) -> str:
        return f"Text({str(self)!r})"


Detail = str | Text
"""A detail text, plain or still to be formatted."""
