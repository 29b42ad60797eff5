"""Dates for every step of the playbook, counted from the fixed dates in the settings, and conflicts.

A step whose fixed date is not known stays undated and says which date it needs. Conflicts are a step
dated before the kit's reference date that is not marked done, and a step dated before a step it depends
on. Each conflict is worded twice: for the plan (plain words) and for ``replicate check`` (with the key).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from replicate.launch.bodies import bodies_for
from replicate.launch.dates import add_months, german
from replicate.launch.playbook import Phase, Playbook, Step, default_playbook
from replicate.launch.programmes import known_deadlines, programmes

if TYPE_CHECKING:
    from replicate.settings import Settings


@dataclass(frozen=True)
class AnchorDate:
    """A fixed date: what it is, where it comes from, or what is missing."""

    label: str
    date: dt.date | None
    source: str
    missing: str = ""
    key: str = ""


@dataclass
class Conflict:
    """A deadline already past or a step that cannot fit."""

    step_id: str
    text: str
    """For the plan: what is wrong, in plain words."""
    fix: str
    """For ``replicate check``: what to change in the settings."""


@dataclass
class Scheduled:
    """A step with its date (or the date it needs)."""

    step: Step
    phase: Phase
    title: str
    date: dt.date | None
    anchor: AnchorDate
    done: bool
    conflicts: list[Conflict] = field(default_factory=list)


@dataclass
class Schedule:
    """The dated plan of one project."""

    steps: list[Scheduled]
    anchors: dict[str, AnchorDate]
    reference: dt.date

    @property
    def conflicts(self) -> list[Conflict]:
        return [c for s in self.steps for c in s.conflicts]

    def by_id(self) -> dict[str, Scheduled]:
        return {s.step.id: s for s in self.steps}


def anchors_for(settings: Settings) -> dict[str, AnchorDate]:
    """Every fixed date the playbook counts from, with its source or what is missing."""
    launch = settings.launch
    body = bodies_for(settings.municipality)
    period = settings.funder.period
    result: dict[str, AnchorDate] = {}
    if launch.planned_start:
        result["planned_start"] = AnchorDate("Beginn der Beratung", launch.planned_start, "Einstellungen")
    elif settings.advice_service.started:
        result["planned_start"] = AnchorDate(
            "Beginn der Beratung",
            settings.advice_service.started,
            "Einstellungen (Beratung besteht seit diesem Tag)",
        )
    else:
        result["planned_start"] = AnchorDate(
            "Beginn der Beratung", period.start, "Beginn des Förderzeitraums (kein eigener Termin angegeben)"
        )
    result["committee_meeting"] = AnchorDate(
        "Sitzung des vorberatenden Ausschusses",
        launch.committee_meeting,
        "Einstellungen",
        missing=f"der Sitzungstermin des vorberatenden Ausschusses {body.council_gen}",
        key="launch.committee_meeting",
    )
    result["council_meeting"] = AnchorDate(
        f"Sitzung {body.council_gen}",
        launch.council_meeting,
        "Einstellungen",
        missing=f"der Sitzungstermin {body.council_gen}",
        key="launch.council_meeting",
    )
    result["funding_deadline"] = _funding_deadline(settings)
    result["budget_year"] = AnchorDate(
        "Beginn des Haushaltsjahres",
        dt.date(launch.budget_year, 1, 1) if launch.budget_year else None,
        "Einstellungen",
        missing="das Haushaltsjahr, in dem die Kommune ihren Anteil veranschlagt",
        key="launch.budget_year",
    )
    result["funding_end"] = AnchorDate("Ende des Förderzeitraums", period.end, "Einstellungen (Fördergeber)")
    programme = programmes().get(settings.financing.programme_kind or "")
    if programme and programme.proof_of_use_months:
        due = add_months(period.end, programme.proof_of_use_months)
        result["proof_of_use_due"] = AnchorDate(
            "Frist für den Verwendungsnachweis",
            due,
            f"{programme.proof_of_use_months} Monate nach dem Ende des Förderzeitraums: {programme.proof_source}",
        )
    else:
        missing = (
            "die Frist für den Verwendungsnachweis aus dem Zuwendungsbescheid"
            if programme
            else "das Förderprogramm (davon hängt die Frist für den Verwendungsnachweis ab)"
        )
        key = "launch" if programme else "financing.programme_kind"
        result["proof_of_use_due"] = AnchorDate(
            "Frist für den Verwendungsnachweis", None, "", missing=missing, key=key
        )
    return result


def _funding_deadline(settings: Settings) -> AnchorDate:
    launch = settings.launch
    if launch.funding_deadline:
        source = launch.funding_deadline_source or "Antragsfrist laut Einstellungen"
        return AnchorDate("Antragsfrist", launch.funding_deadline, source)
    kind = settings.financing.programme_kind
    known = known_deadlines(kind, settings.municipality.short_name)
    ref = settings.kit.reference_date
    upcoming = [d for d in known if d.date >= ref]
    if upcoming:
        first = upcoming[0]
        return AnchorDate("Antragsfrist", first.date, f"{first.what} ({first.source})")
    if known:
        last = known[-1]
        missing = (
            f"die aktuelle Antragsfrist; die letzte bekannte Frist ({last.what}: {german(last.date)}, "
            f"Quelle: {last.source}) ist verstrichen"
        )
    else:
        missing = "die Antragsfrist des Fördergebers (aus dem Aufruf oder von der Bewilligungsstelle)"
    return AnchorDate("Antragsfrist", None, "", missing=missing, key="launch.funding_deadline")


def done_phase_ids(settings: Settings, playbook: Playbook) -> set[str]:
    """Phases marked done in the settings (by their German name, case-insensitive)."""
    names = {phase.title.casefold(): phase.id for phase in playbook.phases}
    return {names[name.casefold()] for name in settings.launch.done if name.casefold() in names}


def unknown_done_phases(settings: Settings, playbook: Playbook | None = None) -> list[str]:
    """Names in ``launch.done`` that are not a phase of the playbook."""
    playbook = playbook or default_playbook()
    names = {phase.title.casefold() for phase in playbook.phases}
    return [name for name in settings.launch.done if name.casefold() not in names]


def schedule_for(settings: Settings, playbook: Playbook | None = None) -> Schedule:
    """Date every step that applies to the settings' programme, and find the conflicts."""
    playbook = playbook or default_playbook()
    anchors = anchors_for(settings)
    body = bodies_for(settings.municipality)
    kind = settings.financing.programme_kind
    done = done_phase_ids(settings, playbook)
    ref = settings.kit.reference_date
    steps: list[Scheduled] = []
    for phase in playbook.phases:
        for step in phase.steps:
            if step.only_for and kind is not None and kind not in step.only_for:
                continue
            anchor = anchors[step.anchor]
            date = anchor.date + dt.timedelta(days=step.offset_days) if anchor.date else None
            title = step.title.format(rat=body.council, im_rat=body.in_council, ausschuss=body.committee)
            basis = step.basis.format(
                kommunalrecht=body.local_law, haushaltsrecht=body.budget_law, haushaltsakt=body.budget_act
            )
            if basis != step.basis:
                step = step.model_copy(update={"basis": basis})
            steps.append(Scheduled(step, phase, title, date, anchor, phase.id in done))
    schedule = Schedule(steps, anchors, ref)
    _find_conflicts(schedule)
    return schedule


def _find_conflicts(schedule: Schedule) -> None:
    by_id = schedule.by_id()
    ref = schedule.reference
    for item in schedule.steps:
        if item.date is None or item.done:
            continue
        if item.date < ref:
            item.conflicts.append(
                Conflict(
                    item.step.id,
                    f"Der Termin {german(item.date)} liegt vor dem Stand dieses Plans ({german(ref)}).",
                    f"„{item.title}“ war am {german(item.date)} fällig "
                    f"({relation(item.step.offset_days, item.anchor.label)}) und liegt vor dem Stichtag {german(ref)}. "
                    f"→ Verschieben Sie das feste Datum in den Einstellungen oder tragen Sie die Phase "
                    f"„{item.phase.title}“ unter launch.done als erledigt ein.",
                )
            )
        for dep_id in item.step.depends_on:
            dep = by_id.get(dep_id)
            if dep is None or dep.date is None or dep.done or dep.date <= item.date:
                continue
            item.conflicts.append(
                Conflict(
                    item.step.id,
                    f"Passt nicht: der vorausgehende Schritt „{dep.title}“ ist erst am {german(dep.date)} "
                    "fällig.",
                    f"„{item.title}“ ({german(item.date)}) liegt vor „{dep.title}“ ({german(dep.date)}), "
                    "von dem es abhängt. → Legen Sie die festen Daten in den Einstellungen (Abschnitt "
                    "launch) so, dass genug Zeit zwischen beiden bleibt.",
                )
            )


def relation(days: int, label: str) -> str:
    """„6 Wochen vor: Sitzung des Kreistags“, „am Tag: Beginn der Beratung“, „365 Tage nach: …“."""
    if days == 0:
        return f"am Tag: {label}"
    weeks, rest = divmod(abs(days), 7)
    if rest == 0 and weeks == 1:
        amount = "eine Woche"
    elif rest == 0:
        amount = f"{weeks} Wochen"
    else:
        amount = f"{abs(days)} Tage"
    return f"{amount} {'vor' if days < 0 else 'nach'}: {label}"
