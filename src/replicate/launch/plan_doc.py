"""The dated launch plan as a Markdown document: fixed dates, conflicts, a Gantt-style table, checklist.

The Gantt table is a plain Markdown table (one row per phase, one column per quarter, half-year or year,
whichever keeps it at most ten columns wide) so that it reads the same in HTML, DOCX, ODT and PDF.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath

from replicate.forms.mdtext import escape
from replicate.launch.dates import german
from replicate.launch.schedule import AnchorDate, Schedule, Scheduled, relation

MAX_COLUMNS = 10
MARK, EMPTY = "X", "·"  # both in Latin-1, so every embedded font has them


def plan_markdown(schedule: Schedule, project: str, titles: dict[str, str], link_suffix: str | None) -> str:
    """The plan; ``titles`` maps kit documents to their titles, ``link_suffix`` the format to link to."""
    ref = schedule.reference
    lines = [
        f"# Startplan „{escape(project)}“",
        "",
        f"> Stand: {german(ref)}. Jeder Termin ist von einem festen Datum aus berechnet (Tabelle „Feste "
        "Daten“). Abstände, die als Annahme gekennzeichnet sind, sind Erfahrungswerte: Stimmen Sie sie mit "
        "den Beteiligten ab. Die Termine stehen auch als Kalenderdatei (startplan.ics) in diesem Ordner.",
        "",
        "## Feste Daten",
        "",
        "| Festes Datum | Termin | Quelle |",
        "|---|---|---|",
    ]
    for anchor in _used_anchors(schedule):
        if anchor.date:
            lines.append(f"| {escape(anchor.label)} | {german(anchor.date)} | {escape(anchor.source)} |")
        else:
            lines.append(f"| {escape(anchor.label)} | fehlt | Es fehlt {escape(anchor.missing)}. |")
    lines += ["", *_conflicts_section(schedule), "## Zeitplan im Überblick", "", *_gantt(schedule), ""]
    lines += ["## Checkliste", ""]
    current = ""
    for item in schedule.steps:
        if item.phase.id != current:
            current = item.phase.id
            state = " (erledigt)" if item.done else ""
            lines += [f"### {escape(item.phase.title)}{state}", ""]
        lines += _check_item(item, titles, link_suffix)
    return "\n".join(lines).rstrip("\n") + "\n"


def _used_anchors(schedule: Schedule) -> list[AnchorDate]:
    """The fixed dates the plan's steps count from, in the order of the playbook's anchors."""
    used = {item.step.anchor for item in schedule.steps if not item.done or item.date}
    return [anchor for key, anchor in schedule.anchors.items() if key in used]


def _conflicts_section(schedule: Schedule) -> list[str]:
    conflicts = [(item, c) for item in schedule.steps for c in item.conflicts]
    undated = [item for item in schedule.steps if item.date is None and not item.done]
    if not conflicts and not undated:
        return ["## Hinweise", "", "Alle Schritte haben einen Termin; es gibt keine Konflikte.", ""]
    lines = ["## Hinweise und Konflikte", ""]
    for item, conflict in conflicts:
        lines.append(f"- **{escape(item.title)}**: {escape(conflict.text)}")
    if undated:
        missing = sorted({item.anchor.missing for item in undated})
        lines.append(
            f"- {len(undated)} Schritte haben noch keinen Termin. Es fehlt: "
            + "; ".join(escape(m) for m in missing)
            + "."
        )
    return [*lines, ""]


def _columns(first: dt.date, last: dt.date) -> tuple[int, list[tuple[dt.date, str]]]:
    for months in (3, 6, 12):
        starts = []
        day = dt.date(first.year, (first.month - 1) // months * months + 1, 1)
        while day <= last:
            starts.append(day)
            month = day.month - 1 + months
            day = dt.date(day.year + month // 12, month % 12 + 1, 1)
        if len(starts) <= MAX_COLUMNS or months == 12:
            return months, [(s, _label(s, months)) for s in starts]
    raise AssertionError("unreachable")


def _label(start: dt.date, months: int) -> str:
    if months == 3:
        return f"Q{(start.month - 1) // 3 + 1}/{start.year}"
    if months == 6:
        return f"{'1' if start.month == 1 else '2'}. Hj. {start.year}"
    return str(start.year)


def _gantt(schedule: Schedule) -> list[str]:
    dated = [s for s in schedule.steps if s.date is not None]
    if not dated:
        return [
            "Noch kein Schritt hat einen Termin; die Übersicht folgt, sobald feste Daten eingetragen sind."
        ]
    first = min(s.date for s in dated if s.date)
    last = max(s.date for s in dated if s.date)
    months, columns = _columns(first, last)
    header = "| Phase | " + " | ".join(label for _, label in columns) + " |"
    lines = [
        f"Ein {MARK} markiert einen Zeitraum mit mindestens einem Termin der Phase; {EMPTY} heißt: kein Termin.",
        "",
        header,
        "|---|" + "---|" * len(columns),
    ]
    phases: dict[str, list[Scheduled]] = {}
    for item in schedule.steps:
        phases.setdefault(item.phase.title, []).append(item)
    for title, items in phases.items():
        cells = []
        for start, _ in columns:
            month = start.month - 1 + months
            end = dt.date(start.year + month // 12, month % 12 + 1, 1)
            hit = any(i.date is not None and start <= i.date < end for i in items)
            cells.append(MARK if hit else EMPTY)
        undated = sum(1 for i in items if i.date is None)
        if items[0].done:
            label = f"{escape(title)} (erledigt)"
        else:
            label = escape(title) + (f" ({undated} ohne Termin)" if undated else "")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines


def _check_item(item: Scheduled, titles: dict[str, str], link_suffix: str | None) -> list[str]:
    box = "[x]" if item.done else "[ ]"
    when = german(item.date) if item.date else "ohne Termin"
    lines = [f"- {box} **{when}**: {escape(item.title)}"]
    details = [f"Verantwortlich: {escape(item.step.role)}"]
    if item.date:
        details.append(
            f"Termin: {escape(relation(item.step.offset_days, item.anchor.label))} ({escape(item.step.offset_basis)})"
        )
    else:
        details.append(f"Termin offen: Es fehlt {escape(item.anchor.missing)}.")
    details.append(f"Grundlage: {escape(item.step.basis)}")
    produced = _links(item.step.produces, titles, link_suffix)
    used = _links(item.step.uses, titles, link_suffix)
    if produced:
        details.append(f"Erstellt: {produced}")
    if used:
        details.append(f"Nutzt: {used}")
    details += [f"Stolperstein: {escape(p)}" for p in item.step.pitfalls]
    details += [f"Achtung: {escape(c.text)}" for c in item.conflicts]
    return [*lines, *[f"    - {d}" for d in details], ""]


def _links(documents: tuple[str, ...], titles: dict[str, str], suffix: str | None) -> str:
    parts = []
    for doc in documents:
        title = escape(titles[doc])
        if suffix is None:
            parts.append(title)
            continue
        path = PurePosixPath(doc).with_suffix(f".{suffix}")
        target = path.name if path.parts[0] == "start" else f"../{path.as_posix()}"
        parts.append(f"[{title}]({target})")
    return "; ".join(parts)
