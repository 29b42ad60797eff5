"""Stream the fields the report reads from a caseload (CSV or JSONL), without a full model per row.

A caseload of case records version 2 has one person per row; the case history is flattened in CSV with
the dotted headers of the case-record readers (``history.0.date``, ``history.0.type``, …, 0-based). Only
``case_id``, ``nationality``, ``gender`` and the history are read; every other column is ignored here
(the screener reads those). Each person comes out as a small tuple, events as tuples of strings.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from replicate.errors import CaseRecordError, Problem

EVENT_FIELDS = ("date", "type", "referral_by", "consent", "pathway", "result", "reason")
"""Event fields the report reads, in the order of the event tuples."""
DATE, TYPE, REFERRAL, CONSENT, PATHWAY, RESULT, REASON = range(7)

Event = tuple[str, str, str, str, str, str, str]

PERSON_COLUMNS = ("case_id", "nationality", "gender")
"""Person columns the report reads."""

SUFFIXES = (".csv", ".jsonl")


@dataclass(frozen=True)
class Person:
    """The part of one case record the report reads."""

    label: str
    """Where it is in the file, e.g. ``Zeile 12``."""
    case_id: str
    nationality: str
    gender: str
    events: list[Event]
    problems: tuple[str, ...] = ()
    """Problems found while reading the row itself (unreadable JSON, a gap in the history)."""


def caseload_header(slots: int) -> list[str]:
    """The CSV header of an empty caseload with ``slots`` history events (for the kit's template)."""
    head = ["schema_version", *PERSON_COLUMNS, "birth_date"]
    return head + [f"history.{n}.{name}" for n in range(slots) for name in EVENT_FIELDS]


def _slots(header: list[str]) -> list[tuple[int, ...]]:
    where = {name.strip(): i for i, name in enumerate(header)}
    slots: list[tuple[int, ...]] = []
    n = 0
    while f"history.{n}.date" in where or f"history.{n}.type" in where:
        slots.append(tuple(where.get(f"history.{n}.{name}", -1) for name in EVENT_FIELDS))
        n += 1
    return slots


def _csv(path: Path) -> Iterator[Person]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            return
        where = {name.strip(): i for i, name in enumerate(header)}
        if "case_id" not in where:
            problem = Problem(
                "die Spalte case_id fehlt in der Kopfzeile",
                "Zeile 1",
                hint="Nehmen Sie die leere Fallliste des Kits (berichtswesen/fallliste-vorlage.csv) als Vorlage.",
            )
            raise CaseRecordError(path, [problem])
        ci = where["case_id"]
        ni = where.get("nationality", -1)
        gi = where.get("gender", -1)
        slots = _slots(header)
        width = len(header)
        for number, row in enumerate(reader, start=2):
            if not row:
                continue
            if len(row) < width:
                row = row + [""] * (width - len(row))
            events: list[Event] = []
            problems: tuple[str, ...] = ()
            for k, slot in enumerate(slots):
                d = row[slot[0]] if slot[0] >= 0 else ""
                t = row[slot[1]] if slot[1] >= 0 else ""
                if not d and not t:
                    if any(row[s[0]] or row[s[1]] for s in slots[k + 1 :]):
                        problems = (f"history.{k}",)
                    break
                events.append(
                    (d, t, *(row[i].strip() if i >= 0 else "" for i in slot[2:]))  # type: ignore[arg-type]
                )
            yield Person(
                f"Zeile {number}",
                row[ci].strip(),
                row[ni].strip() if ni >= 0 else "",
                row[gi].strip() if gi >= 0 else "",
                events,
                problems,
            )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def _jsonl(path: Path) -> Iterator[Person]:
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            label = f"Zeile {number}"
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                yield Person(label, "", "", "", [], ("json",))
                continue
            if not isinstance(data, dict):
                yield Person(label, "", "", "", [], ("json",))
                continue
            history = data.get("history") or []
            if not isinstance(history, list) or not all(isinstance(e, dict) for e in history):
                yield Person(label, _text(data.get("case_id")), "", "", [], ("history",))
                continue
            events: list[Event] = [
                tuple(_text(e.get(name)) for name in EVENT_FIELDS)  # type: ignore[misc]
                for e in history
            ]
            yield Person(
                label,
                _text(data.get("case_id")),
                _text(data.get("nationality")),
                _text(data.get("gender")),
                events,
            )


def read_persons(path: Path) -> Iterator[Person]:
    """Yield every person of a caseload file (``.csv`` or ``.jsonl``), streaming."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise CaseRecordError(path, [Problem("die Datei gibt es nicht", hint="Prüfen Sie den Pfad der Fallliste.")])
    if suffix == ".csv":
        return _csv(path)
    if suffix == ".jsonl":
        return _jsonl(path)
    raise CaseRecordError(
        path,
        [Problem("unbekanntes Dateiformat", hint="Für den Bericht sind .csv und .jsonl (eine Fallakte je Zeile) erlaubt.")],
    )
