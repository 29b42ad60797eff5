"""The launch plan as an iCalendar file: one all-day event per dated step.

Byte-identical builds: UIDs are derived from the project and the step (stable across builds and kit
updates, so a calendar that imported the file once updates the events instead of doubling them), and
DTSTAMP is the kit's reference date, not the time of the build.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import icalendar

from replicate.launch.dates import german
from replicate.launch.schedule import Schedule, relation

PRODID = "-//replicate//Startplan Perspektive Bleiberecht//DE"


def calendar_bytes(schedule: Schedule, project: str, titles: dict[str, str]) -> bytes:
    """The .ics file of the dated, open steps; ``titles`` maps kit documents to their titles."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Startplan {project}")
    stamp = dt.datetime.combine(schedule.reference, dt.time(), tzinfo=dt.UTC)
    project_key = hashlib.sha256(project.encode("utf-8")).hexdigest()[:12]
    for item in schedule.steps:
        if item.date is None or item.done:
            continue
        event = icalendar.Event()
        event.add("uid", f"{item.step.id}.{project_key}@startplan.replicate")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.date)
        event.add("dtend", item.date + dt.timedelta(days=1))
        event.add("summary", f"{project}: {item.title}")
        lines = [
            f"Phase: {item.phase.title}",
            f"Verantwortlich: {item.step.role}",
            f"Termin: {german(item.date)} ({relation(item.step.offset_days, item.anchor.label)}; {item.step.offset_basis})",
            f"Grundlage: {item.step.basis}",
        ]
        documents = [titles[d] for d in (*item.step.produces, *item.step.uses) if d in titles]
        if documents:
            lines.append("Dokumente im Kit: " + "; ".join(documents))
        lines += [f"Achtung: {c.text}" for c in item.conflicts]
        event.add("description", "\n".join(lines))
        event.add("categories", [item.phase.title])
        cal.add_component(event)
    return bytes(cal.to_ical())
