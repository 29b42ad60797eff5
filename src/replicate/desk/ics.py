"""The deadline board as an iCalendar file (RFC 5545) for the adviser's calendar; deterministic.

Each deadline is an all-day event. The file has no time of creation other than the board's date, and
each event's UID is derived from its content, so the same board gives a byte-identical file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from replicate.desk.store import BoardRow


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> list[str]:
    """Lines of at most 75 octets; continuation lines start with a space (RFC 5545, 3.1)."""
    out: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return [out[0], *(" " + part for part in out[1:])]


def board_ics(rows: Iterable[BoardRow], today: dt.date) -> str:
    """The calendar of ``rows`` as text with CRLF line ends."""
    stamp = f"{today:%Y%m%d}T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//replicate//Fristen der Beratung//DE",
        "CALSCALE:GREGORIAN",
    ]
    for row in rows:
        due = dt.date.fromisoformat(row.due)
        uid = hashlib.sha256(f"{row.case_id}|{row.due}|{row.label}|{row.pathway}".encode()).hexdigest()[:32]
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}@replicate-desk.invalid",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{due:%Y%m%d}",
            f"DTEND;VALUE=DATE:{due + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(f'Frist {row.case_id}: {row.label}')}",
            f"DESCRIPTION:{_escape(f'{row.pathway} ({row.reference}). Vorprüfung, keine Rechtsberatung.')}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
