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
from pathlib import Path
from typing import Any, NamedTuple

from replicate.errors import CaseRecordError, Problem

EVENT_FIELDS = ("date", "type", "referral_by", "consent", "pathway", "result", "reason")
"""Event fields the report reads, in the order of the event tuples."""
DATE, TYPE, REFERRAL, CONSENT, PATHWAY, RESULT, REASON = range(7)

Event = tuple[str, str, str, str, str, str, str]

PERSON_COLUMNS = ("case_id", "nationality", "gender", "birth_date")
"""Person columns the report reads."""

SUFFIXES = (".csv", ".jsonl")


Signature = tuple[str, str, str, str, str, str]
"""An event without its date: (type, referral_by, consent, pathway, result, reason)."""


class Person(NamedTuple):
    """The part of one case record the report reads (a tuple: cheap to make a million times).

    The history is kept as parallel sequences: ``dates`` and ``signatures`` (each event without its
    date), so that the counting pass can work on whole sequences with built-in operations.
    """

    line: int
    """Line number in the file."""
    case_id: str
    nationality: str
    gender: str
    dates: tuple[str, ...]
    signatures: tuple[Signature, ...]
    problems: tuple[str, ...] = ()
    """Problems found while reading the row itself (unreadable JSON, a gap in the history)."""
    birth_date: str = ""
    """Read because the history may not start before it."""

    @property
    def label(self) -> str:
        """Where it is in the file, e.g. ``Zeile 12``."""
        return f"Zeile {self.line}"

    @property
    def events(self) -> list[Event]:
        """The history as (date, type, referral_by, consent, pathway, result, reason) tuples."""
        return [(d, *sig) for d, sig in zip(self.dates, self.signatures, strict=True)]  # type: ignore[misc]


def make_person(
    line: int, case_id: str, nationality: str, gender: str, events: list[Event], birth_date: str = ""
) -> Person:
    """A :class:`Person` from whole event tuples (tests, JSON)."""
    dates = tuple(e[0] for e in events)
    signatures = tuple(e[1:] for e in events)
    return Person(line, case_id, nationality, gender, dates, signatures, (), birth_date)  # type: ignore[arg-type]


def caseload_header(slots: int) -> list[str]:
    """The CSV header of an empty caseload with ``slots`` history events (for the kit's template)."""
    head = ["schema_version", *PERSON_COLUMNS]
    return head + [f"history.{n}.{name}" for n in range(slots) for name in EVENT_FIELDS]


def _slots(header: list[str]) -> list[tuple[int, ...]]:
    where = {name.strip(): i for i, name in enumerate(header)}
    slots: list[tuple[int, ...]] = []
    n = 0
    while f"history.{n}.date" in where or f"history.{n}.type" in where:
        slots.append(tuple(where.get(f"history.{n}.{name}", -1) for name in EVENT_FIELDS))
        n += 1
    return slots


def header_columns(path: Path, header: list[str]) -> tuple[int, list[int], list[int]]:
    """(width, person columns, history columns) of a CSV header; a missing column reads as empty.

    Rows are padded with one empty cell at index ``width``; missing columns point there.
    """
    where = {name.strip(): i for i, name in enumerate(header)}
    if "case_id" not in where:
        problem = Problem(
            "die Spalte case_id fehlt in der Kopfzeile",
            "Zeile 1",
            hint="Nehmen Sie die leere Fallliste des Kits (Ordner berichtswesen) als Vorlage.",
        )
        raise CaseRecordError(path, [problem])
    width = len(header)
    persons = [where.get(name, width) for name in PERSON_COLUMNS]
    history = [width if i < 0 else i for slot in _slots(header) for i in slot]
    return width, persons, history


def _csv(path: Path) -> Iterator[Person]:
    """Persons of a CSV caseload (the report's counting uses a fused loop with the same logic)."""

    size = len(EVENT_FIELDS)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            return
        width, person_columns, columns = header_columns(path, header)
        for number, row in enumerate(reader, start=2):
            if not row:
                continue
            row = [*(row + [""] * width)[:width], ""]
            case_id, nationality, gender, birth_date = (row[i] for i in person_columns)
            cells = [row[i] for i in columns]
            events: list[Event] = []
            problems: tuple[str, ...] = ()
            for k in range(len(columns) // size):
                event = tuple(cells[k * size : (k + 1) * size])
                if not event[0] and not event[1]:
                    if any(cells[(k + 1) * size :: size]) or any(cells[(k + 1) * size + 1 :: size]):
                        problems = (f"history.{k}",)
                    break
                events.append(event)  # type: ignore[arg-type]
            person = make_person(number, case_id, nationality, gender, events, birth_date)
            yield person._replace(problems=problems)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def _event(e: dict[str, Any]) -> Event:
    consent = e.get("consent")
    return (
        e.get("date") or "",
        e.get("type") or "",
        e.get("referral_by") or "",
        "true" if consent is True else "false" if consent is False else consent or "",
        e.get("pathway") or "",
        e.get("result") or "",
        e.get("reason") or "",
    )


def _jsonl(path: Path) -> Iterator[Person]:
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                yield Person(number, "", "", "", (), (), ("json",))
                continue
            if not isinstance(data, dict):
                yield Person(number, "", "", "", (), (), ("json",))
                continue
            history = data.get("history") or []
            if not isinstance(history, list) or not all(isinstance(e, dict) for e in history):
                yield Person(number, _text(data.get("case_id")), "", "", (), (), ("history",))
                continue
            yield make_person(
                number,
                data.get("case_id") or "",
                data.get("nationality") or "",
                data.get("gender") or "",
                [_event(e) for e in history],
                data.get("birth_date") or "",
            )


def read_persons(path: Path) -> Iterator[Person]:
    """Yield every person of a caseload file (``.csv`` or ``.jsonl``), streaming."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise CaseRecordError(
            path, [Problem("die Datei gibt es nicht", hint="Prüfen Sie den Pfad der Fallliste.")]
        )
    if suffix == ".csv":
        return _csv(path)
    if suffix == ".jsonl":
        return _jsonl(path)
    raise CaseRecordError(
        path,
        [
            Problem(
                "unbekanntes Dateiformat",
                hint="Für den Bericht sind .csv und .jsonl (eine Fallakte je Zeile) erlaubt.",
            )
        ],
    )
