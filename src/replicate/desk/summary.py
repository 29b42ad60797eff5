"""What the case list and the deadline board show of one case, computed from its record and the rules.

Screening all cases for every page would be slow, so the store keeps this summary next to the record
and computes it again whenever the record changes or the day it was computed on has passed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from replicate.caserecord import CaseRecord
from replicate.rules.ruleset import RuleSet
from replicate.screening import screen

OPEN = "offen"
CLOSED = "abgeschlossen"


@dataclass(frozen=True)
class Deadline:
    """One deadline of one case: the date, what it is about, the pathway and its paragraph."""

    due: dt.date
    label: str
    pathway: str
    """Title of the pathway (e.g. "Aufenthaltserlaubnis für gut integrierte Jugendliche")."""
    reference: str
    """Paragraph of the pathway (e.g. "§ 25a Abs. 1 AufenthG")."""


@dataclass(frozen=True)
class Summary:
    """Status, last contact and deadlines of a case on the day it was computed."""

    status: str
    last_contact: dt.date | None
    deadlines: list[Deadline] = field(default_factory=list)

    @property
    def next_deadline(self) -> dt.date | None:
        """The earliest deadline on or after the day of computation (only for an open case)."""
        return min((d.due for d in self.deadlines), default=None) if self.status == OPEN else None


def status_of(record: CaseRecord) -> str:
    """Closed when the last closing or reopening event of the history is a closing (``abschluss``)."""
    state = OPEN
    for event in record.history:
        if event.type == "abschluss":
            state = CLOSED
        elif event.type == "wiederaufnahme":
            state = OPEN
    return state


def summarise(record: CaseRecord, rules: RuleSet, today: dt.date) -> Summary:
    """The summary of ``record`` on ``today``: deadlines from today on of every pathway not ruled out."""
    last = max((e.date for e in record.history), default=None)
    status = status_of(record)
    found: dict[tuple[dt.date, str, str], Deadline] = {}
    if status == OPEN:
        result = screen(record, rules, today)
        for p in result.pathways.values():
            if p.verdict == "nicht möglich":
                continue
            for due, label in p.deadlines:
                if due >= today:
                    found.setdefault((due, label, p.title), Deadline(due, label, p.title, p.reference))
    return Summary(status, last, [found[k] for k in sorted(found)])
