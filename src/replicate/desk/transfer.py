"""Import of offline-form files into the register and export of the caseload for ``replicate report``.

Import reads each file with the same reader as ``replicate screen`` (so the messages are the same) and
adds every valid new case in one transaction. Export writes JSONL (one record per line) or CSV with the
dotted column names of the caseload readers (``history.0.date``), sorted by pseudonym, so that the same
register gives byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from replicate.atomicio import atomic_writer
from replicate.caserecord import CaseRecord, iter_caseload, load_case
from replicate.desk.store import Store
from replicate.errors import CaseRecordError, DeskError, Problem
from replicate.oswords import reason
from replicate.tabular import write_csv


@dataclass
class ImportResult:
    """What an import added and why the rest was not added (messages as ``replicate screen`` gives)."""

    added: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _read(path: Path, name: str) -> tuple[list[CaseRecord], list[str]]:
    """The records of one file and the problems, each message starting with ``name``."""
    try:
        if path.suffix.lower() == ".json":
            return [load_case(path)], []
        records, problems = [], []
        for row in iter_caseload(path):
            if row.record is not None:
                records.append(row.record)
            problems += [p.render(name) for p in row.problems]
        return records, problems
    except CaseRecordError as err:
        return [], [p.render(name) for p in err.problems]


def import_files(store: Store, files: Iterable[tuple[Path, str]], today: dt.date) -> ImportResult:
    """Import ``(path, shown name)`` pairs: new valid cases are added together, the rest is reported."""
    result = ImportResult()
    fresh: dict[str, CaseRecord] = {}
    origin: dict[str, str] = {}
    for path, name in files:
        records, problems = _read(path, name)
        result.problems += problems
        for record in records:
            if not record.case_id.strip():
                result.problems.append(
                    Problem(
                        "Pseudonym (case_id) fehlt", hint="Tragen Sie im Formular ein Pseudonym ein."
                    ).render(name)
                )
            elif record.case_id in fresh:
                result.problems.append(
                    Problem(
                        f"Pseudonym „{record.case_id}“ steht schon in {origin[record.case_id]}",
                        hint="Jeder Fall braucht ein eigenes Pseudonym; importieren Sie nur eine der Dateien.",
                    ).render(name)
                )
            else:
                fresh[record.case_id] = record
                origin[record.case_id] = name
    for case_id in sorted(store.existing(fresh)):
        record = fresh.pop(case_id)
        result.problems.append(
            Problem(
                f"Pseudonym „{case_id}“ gibt es schon im Register; nicht importiert",
                hint="Öffnen Sie den Fall und tragen Sie die Änderungen dort ein, oder ändern Sie das Pseudonym.",
            ).render(origin[record.case_id])
        )
    store.add_many(fresh.values(), today)
    result.added = list(fresh)
    return result


def flatten(data: Any, prefix: str = "") -> dict[str, str]:
    """A record as dotted columns: objects and lists of objects by position (0-based), other lists as JSON."""
    out: dict[str, str] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            out.update(flatten(value, f"{prefix}{key}."))
    elif isinstance(data, list) and data and all(isinstance(item, dict) for item in data):
        for index, item in enumerate(data):
            out.update(flatten(item, f"{prefix}{index}."))
    elif isinstance(data, list):
        out[prefix[:-1]] = json.dumps(data, ensure_ascii=False)
    elif isinstance(data, bool):
        out[prefix[:-1]] = "true" if data else "false"
    elif data is not None:
        out[prefix[:-1]] = str(data)
    return out


def _plain(record: CaseRecord) -> dict[str, Any]:
    data: dict[str, Any] = record.model_dump(mode="json", exclude_none=True)
    return data


def export(store: Store, dest: Path) -> int:
    """Write every case to ``dest`` (``.jsonl`` or ``.csv``) in one step; return the number of cases."""
    suffix = dest.suffix.lower()
    if suffix not in (".jsonl", ".csv"):
        raise DeskError(f"{dest}: die Exportdatei muss auf .jsonl oder .csv enden.")
    if not dest.parent.is_dir():
        raise DeskError(f"{dest}: den Ordner {dest.parent} gibt es nicht.")
    records = [_plain(r) for r in store.records()]
    try:
        if suffix == ".jsonl":
            with atomic_writer(dest, encoding="utf-8", newline="\n") as stream:
                for data in records:
                    stream.write(json.dumps(data, ensure_ascii=False, sort_keys=False) + "\n")
        else:
            rows = [flatten(data) for data in records]
            header = list(dict.fromkeys(["schema_version", "case_id", *(k for row in rows for k in row)]))
            write_csv(dest, header, ([row.get(k, "") for k in header] for row in rows))
    except OSError as exc:
        raise DeskError(f"{dest}: kann nicht geschrieben werden ({reason(exc)}).") from None
    return len(records)
