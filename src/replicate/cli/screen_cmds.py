"""``replicate screen``: screen one case (German explanation or JSON) or a whole caseload (CSV out)."""

from __future__ import annotations

import argparse
import csv
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress

from replicate.caserecord import iter_caseload, load_case
from replicate.cli._common import add_command
from replicate.errors import CaseRecordError, Problem
from replicate.rules import RuleSet, load_rules
from replicate.rules.local import apply_local
from replicate.screening import explain, screen
from replicate.settings import load_settings

CASELOAD_SUFFIXES = (".csv", ".jsonl")


def as_of_date(text: str) -> date:
    """argparse type for ``--as-of``: an ISO date with a German message on error."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist kein Datum (JJJJ-MM-TT, z. B. 2026-11-25)") from None


def _is_caseload(path: Path) -> bool:
    if path.suffix.lower() in CASELOAD_SUFFIXES:
        return True
    if path.suffix.lower() == ".json" and path.is_file():
        return path.read_text(encoding="utf-8").lstrip().startswith("[")
    return False


def _one(args: argparse.Namespace) -> int:
    case = load_case(args.file)
    result = screen(case, _rules(args), args.as_of)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(explain(result))
    return 0


def _count(path: Path) -> int | None:
    if path.suffix.lower() == ".json":
        return None
    with path.open(encoding="utf-8") as fh:
        lines = sum(1 for line in fh if line.strip())
    return lines - 1 if path.suffix.lower() == ".csv" else lines


def _caseload(args: argparse.Namespace) -> int:
    if args.out is None:
        missing = Problem("für eine Fallliste fehlt --out", hint="z. B. --out ergebnisse.csv")
        raise CaseRecordError(args.file, [missing])
    rules = _rules(args)
    problems: list[Problem] = []
    rows: list[dict[str, Any]] = []
    console = Console(stderr=True)
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("Fälle werden geprüft", total=_count(args.file))
        for row in iter_caseload(args.file):
            progress.advance(task)
            if row.record is None:
                problems += row.problems
                continue
            result = screen(row.record, rules, args.as_of)
            out: dict[str, Any] = {"zeile": row.label, "fall": row.record.case_id}
            for pid, p in result.pathways.items():
                out[pid] = p.label
                out[f"{pid}_blockiert"] = " ".join(p.blocking)
            rows.append(out)
    _write(args.out, rows)
    bad = len({p.location.split(":")[0] for p in problems})
    console.print(f"{len(rows)} Fälle geprüft → {args.out}; {bad} fehlerhafte Einträge.")
    if problems:
        raise CaseRecordError(args.file, problems)
    return 0


def _rules(args: argparse.Namespace) -> RuleSet:
    """The base rules, with the local adjustments of a settings file when one is given."""
    if args.settings is None:
        return load_rules()
    settings = load_settings(args.settings)
    return apply_local(load_rules(land=settings.municipality.state), settings.local_rules)


def _write(path: Path, rows: list[dict[str, Any]]) -> None:
    """Write the results next to the target first and move them into place, so a failure never leaves a
    half-written file (or damages an older result file)."""
    fields = list(dict.fromkeys(k for row in rows for k in row)) or ["zeile", "fall"]
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=fields)
            writer.writeheader()
            writer.writerows(rows)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise CaseRecordError(
            path, [Problem(f"Ergebnisdatei kann nicht geschrieben werden ({exc.strerror})")]
        ) from exc


def _run(args: argparse.Namespace) -> int:
    return _caseload(args) if _is_caseload(args.file) else _one(args)


def register(sub: Any) -> None:
    """Add ``replicate screen``."""
    parser = add_command(
        sub,
        "screen",
        help="Fall oder Fallliste auf Bleiberechtswege prüfen",
        description=(
            "Prüft einen pseudonymen Fall (JSON) zum Stichtag gegen alle Bleiberechtswege und erklärt das "
            "Ergebnis auf Deutsch. Eine Fallliste (CSV, JSONL oder JSON-Liste) wird mit --out in eine "
            "Ergebnistabelle (CSV) geschrieben; fehlerhafte Zeilen werden am Ende gemeldet."
        ),
        example=(
            "replicate screen fall.json --as-of 2026-11-25\n"
            "  replicate screen faelle.csv --out ergebnisse.csv"
        ),
        func=_run,
    )
    parser.add_argument("file", metavar="FALL", type=Path, help="Fall (.json) oder Fallliste (.csv, .jsonl)")
    parser.add_argument(
        "--as-of", metavar="DATUM", type=as_of_date, default=date.today(), help="Stichtag (Standard: heute)"
    )
    parser.add_argument("--json", action="store_true", help="Ergebnis als JSON statt als Text")
    parser.add_argument(
        "--out", metavar="ERGEBNIS.csv", type=Path, help="Ergebnistabelle (CSV) für eine Fallliste"
    )
    parser.add_argument(
        "--settings",
        metavar="EINSTELLUNGEN",
        type=Path,
        help="Einstellungsdatei des Kits: ihre örtlichen Ergänzungen ([local_rules]) gelten mit",
    )
