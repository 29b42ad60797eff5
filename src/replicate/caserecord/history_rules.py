"""Checks of the case history against the rules in ``history.yaml``: fields per event type and order.

Every problem names the case and the event (its position in the history and, for people, its number, type
and date) and says what to do, in German.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict
from pydantic_core import InitErrorDetails, PydanticCustomError

from replicate.caserecord.history import CaseEvent

EVENT_FIELDS = ("referral_by", "consent", "pathway", "result", "reason")
"""The optional fields of an event whose use depends on its type."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FieldRule(_Strict):
    """How one event type uses one field."""

    required: bool = False
    values: tuple[str, ...] = ()
    """Allowed values for this type; empty = every value of the field."""


class NeedsEarlier(_Strict):
    """An event that must come earlier in the history (one alternative)."""

    type: str
    same: tuple[str, ...] = ()
    """Fields that must have the same value in the earlier event."""
    match: dict[str, str] = {}
    """Values the earlier event must have."""
    when: dict[str, str] = {}
    """This alternative counts only for an event with these values."""

    def applies(self, event: CaseEvent) -> bool:
        return all(str(getattr(event, f)) == v for f, v in self.when.items())

    def found(self, earlier: Sequence[CaseEvent], event: CaseEvent) -> bool:
        return any(
            e.type == self.type
            and all(getattr(e, f) == getattr(event, f) for f in self.same)
            and all(str(getattr(e, f)) == v for f, v in self.match.items())
            for e in earlier
        )


class TypeRule(_Strict):
    """The rule for one event type."""

    label: str
    fields: dict[str, FieldRule]
    needs_earlier: tuple[NeedsEarlier, ...] = ()
    """Alternatives: one of them (of those that apply) must be found earlier."""


class HistoryRules(_Strict):
    """The whole rule file."""

    as_of: dt.date
    closing: str
    reopening: str
    field_names: dict[str, str]
    pathways: dict[str, str]
    types: dict[str, TypeRule]


@cache
def history_rules() -> HistoryRules:
    """The rules shipped with replicate."""
    text = resources.files("replicate.caserecord").joinpath("history.yaml").read_text(encoding="utf-8")
    return HistoryRules.model_validate(yaml.safe_load(text))


@dataclass(frozen=True)
class EventProblem:
    """One problem of the history: where (index in the history, field), what, and what to do."""

    index: int
    field: str | None
    message: str
    hint: str


def _describe(number: int, event: CaseEvent, case_id: str) -> str:
    label = history_rules().types[event.type].label
    case = f"Fall „{case_id}“, " if case_id else ""
    return f"{case}{number}. Ereignis ({label} am {event.date:%d.%m.%Y})"


def _value_label(name: str, value: object) -> str:
    if name == "pathway":
        return history_rules().pathways.get(str(value), str(value))
    return str(value)


def _field_problems(index: int, event: CaseEvent, who: str) -> list[EventProblem]:
    rules = history_rules()
    rule = rules.types[event.type]
    out = []
    for name in EVENT_FIELDS:
        value = getattr(event, name)
        spec = rule.fields.get(name)
        field = rules.field_names[name]
        if spec is None and value is not None:
            out.append(
                EventProblem(
                    index,
                    name,
                    f"{who}: die Angabe „{field}“ gehört nicht zu diesem Ereignis",
                    "Angabe weglassen oder die Art des Ereignisses prüfen.",
                )
            )
        elif spec is not None and value is None and spec.required:
            out.append(EventProblem(index, name, f"{who}: „{field}“ fehlt", f"„{field}“ ergänzen."))
        elif spec is not None and spec.values and value is not None and str(value) not in spec.values:
            allowed = ", ".join(_value_label(name, v) for v in spec.values)
            out.append(
                EventProblem(
                    index,
                    name,
                    f"{who}: „{field}“ {_value_label(name, value)} passt nicht zu diesem Ereignis",
                    f"Erlaubt: {allowed}.",
                )
            )
    return out


def _earlier_problem(events: Sequence[CaseEvent], index: int, who: str) -> EventProblem | None:
    rules = history_rules()
    event = events[index]
    options = [n for n in rules.types[event.type].needs_earlier if n.applies(event)]
    if not options or any(n.found(events[:index], event) for n in options):
        return None
    wanted = " oder ".join(_wanted(n, event) for n in options)
    return EventProblem(
        index,
        None,
        f"{who}: kein früheres Ereignis {wanted}",
        f"Das frühere Ereignis ({wanted}) mit seinem Datum davor eintragen oder die Angaben prüfen.",
    )


def _wanted(needs: NeedsEarlier, event: CaseEvent) -> str:
    rules = history_rules()
    values = [(f, getattr(event, f)) for f in needs.same] + list(needs.match.items())
    detail = "".join(f" mit {rules.field_names[f]} {_value_label(f, v)}" for f, v in values)
    return f"„{rules.types[needs.type].label}“{detail}"


def history_problems(
    events: Sequence[CaseEvent], case_id: str = "", birth_date: dt.date | None = None
) -> list[EventProblem]:
    """Every problem of a history: fields per type, dates in order, required earlier events, closing."""
    rules = history_rules()
    out: list[EventProblem] = []
    closed_on: dt.date | None = None
    for index, event in enumerate(events):
        who = _describe(index + 1, event, case_id)
        out += _field_problems(index, event, who)
        if birth_date is not None and event.date < birth_date:
            out.append(EventProblem(index, "date", f"{who}: liegt vor dem Geburtsdatum", "Datum prüfen."))
        if index and event.date < events[index - 1].date:
            before = events[index - 1].date
            out.append(
                EventProblem(
                    index,
                    "date",
                    f"{who}: liegt vor dem vorigen Ereignis ({before:%d.%m.%Y})",
                    "Ereignisse in zeitlicher Reihenfolge eintragen, das früheste zuerst.",
                )
            )
        missing = _earlier_problem(events, index, who)
        if missing is not None:
            out.append(missing)
        if event.type == rules.reopening and closed_on is None:
            out.append(
                EventProblem(
                    index,
                    "type",
                    f"{who}: der Fall war nicht abgeschlossen",
                    "Wiederaufnahme nur nach einem Abschluss eintragen.",
                )
            )
        elif closed_on is not None and event.type != rules.reopening:
            out.append(
                EventProblem(
                    index,
                    None,
                    f"{who}: liegt nach dem Abschluss des Falls am {closed_on:%d.%m.%Y}",
                    "Zuerst das Ereignis „Fall wieder aufgenommen“ eintragen oder den Abschluss entfernen.",
                )
            )
        if event.type == rules.closing:
            closed_on = event.date
        elif event.type == rules.reopening:
            closed_on = None
    return out


def problem_details(
    problems: Sequence[EventProblem], field: str | None = "history"
) -> list[InitErrorDetails]:
    """The problems as pydantic error details, located at ``history.N`` (and the event field, where one);
    ``field=None`` leaves out the leading ``history`` (inside a validator of that field)."""
    details: list[InitErrorDetails] = []
    for p in problems:
        head: tuple[str | int, ...] = (field,) if field else ()
        loc = (*head, p.index) + ((p.field,) if p.field else ())
        error = PydanticCustomError("case_history", "{message}", {"message": p.message, "hint": p.hint})
        details.append(InitErrorDetails(type=error, loc=loc, input=None))
    return details
