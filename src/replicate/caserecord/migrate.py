"""Write case records of an older schema version as the current version (``replicate caserecord migrate``).

Reading needs no conversion (version 1 is read as version 2 everywhere); this is for other programs that
check files against the published JSON Schema, which describes the current version only. Each entry keeps
its fields and their order as written; only ``schema_version`` is set. Every entry is validated first: if
one is invalid, all problems are listed and nothing is written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from replicate.atomicio import write_new
from replicate.caserecord.model import SCHEMA_VERSION
from replicate.caserecord.readers import iter_caseload, load_case
from replicate.errors import CaseRecordError, Problem
from replicate.oswords import reason

SUFFIXES = (".json", ".jsonl")


@dataclass(frozen=True)
class Migration:
    """What :func:`migrate` wrote."""

    records: int
    """Number of case records written."""
    upgraded: int
    """How many of them had an older schema version (or none)."""


def _upgrade(entry: dict[str, Any]) -> dict[str, Any]:
    rest = {k: v for k, v in entry.items() if k != "schema_version"}
    return {"schema_version": SCHEMA_VERSION, **rest}


def _check_paths(source: Path, target: Path) -> None:
    problems: list[Problem] = []
    if source.suffix.lower() not in SUFFIXES:
        problems.append(
            Problem(
                "nur .json- und .jsonl-Dateien werden umgeschrieben",
                hint="CSV-Fallisten brauchen das nicht: sie werden in jeder Version unverändert gelesen.",
            )
        )
    if target.suffix.lower() != source.suffix.lower():
        problems.append(
            Problem(f"die Ausgabe {target} braucht dieselbe Endung wie die Eingabe ({source.suffix})")
        )
    if target.exists() or target.is_symlink():
        problems.append(
            Problem(
                f"{target} gibt es schon",
                hint="Einen neuen Dateinamen wählen; bestehende Dateien bleiben unberührt.",
            )
        )
    if problems:
        raise CaseRecordError(source, problems)


def _entries(source: Path) -> tuple[list[dict[str, Any]], bool]:
    """The raw entries (validated) and whether the file is one object rather than a list."""
    text = source.read_text(encoding="utf-8")
    if source.suffix.lower() == ".json" and not text.lstrip().startswith("["):
        load_case(source)  # raises with every problem named
        return [json.loads(text)], True
    problems = [p for row in iter_caseload(source) for p in row.problems]
    if problems:
        raise CaseRecordError(source, problems)
    if source.suffix.lower() == ".json":
        return list(json.loads(text)), False
    return [json.loads(line) for line in text.splitlines() if line.strip()], False


def migrate(source: Path, target: Path) -> Migration:
    """Write every record of ``source`` (JSON object, JSON array or JSONL) to ``target`` as the current
    version; ``target`` must not exist and is written in one step (never half)."""
    _check_paths(source, target)
    if not source.is_file():
        raise CaseRecordError(source, [Problem("Datei nicht gefunden")])
    entries, single = _entries(source)
    upgraded = sum(1 for e in entries if e.get("schema_version") != SCHEMA_VERSION)
    out = [_upgrade(e) for e in entries]
    if single:
        text = json.dumps(out[0], ensure_ascii=False, indent=2) + "\n"
    elif source.suffix.lower() == ".json":
        text = json.dumps(out, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in out)
    _write_new(target, text, source)
    return Migration(records=len(out), upgraded=upgraded)


def _write_new(target: Path, text: str, source: Path) -> None:
    """Write ``text`` to the new file ``target`` in one step; never replace a file that appeared meanwhile."""
    try:
        write_new(target, text)
    except FileExistsError:
        raise CaseRecordError(
            source, [Problem(f"{target} ist inzwischen entstanden; nichts geschrieben")]
        ) from None
    except OSError as exc:
        raise CaseRecordError(
            source,
            [
                Problem(
                    f"{target} konnte nicht geschrieben werden ({reason(exc)}); nichts geschrieben",
                    hint="Prüfen Sie Platz und Schreibrechte im Zielordner; die Eingabe ist unverändert.",
                )
            ],
        ) from None
