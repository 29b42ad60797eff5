"""``replicate screen``: screen one case (German explanation or JSON) or a whole caseload (CSV out)."""

from __future__ import annotations

import argparse
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from replicate.caserecord import load_case
from replicate.caserecord.dialect import Dialect
from replicate.cli._common import add_command
from replicate.cli._progress import progress_bar, stderr_console
from replicate.errors import CaseRecordError, Problem
from replicate.oswords import reason
from replicate.rules import RuleSet
from replicate.rules.local import rules_for
from replicate.screening import explain, screen
from replicate.screening.caseload import CaseloadResult, count_entries, screen_caseload
from replicate.settings import load_settings
from replicate.tabular import write_csv

CASELOAD_SUFFIXES = (".csv", ".jsonl")
DELIMITER_CHOICES = {"semikolon": ";", "komma": ",", "tab": "\t"}


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
        try:
            with path.open("rb") as stream:
                return stream.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"[")
        except OSError:
            return False  # reading it again as one case reports why it cannot be read
    return False


def _one(args: argparse.Namespace) -> int:
    case = load_case(args.file)
    result = screen(case, _rules(args), args.as_of)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(explain(result))
    return 0


def _same(a: Path, b: Path) -> bool:
    if a.exists() and b.exists():
        return os.path.samefile(a, b)
    return a.resolve() == b.resolve()


def _check_out(args: argparse.Namespace) -> Path:
    """The output path, refused when it is missing, an input, a folder or in a missing folder."""
    out: Path | None = args.out
    if out is None:
        missing = Problem("für eine Fallliste fehlt --out", hint="z. B. --out ergebnisse.csv")
        raise CaseRecordError(args.file, [missing])
    inputs = [p for p in (args.file, args.settings) if p is not None]
    if any(_same(out, p) for p in inputs):
        raise CaseRecordError(
            out,
            [
                Problem(
                    "die Ergebnisdatei wäre zugleich eine Eingabe und würde überschrieben",
                    hint="Geben Sie bei --out einen anderen Dateinamen an, z. B. --out ergebnisse.csv",
                )
            ],
        )
    if out.is_dir():
        raise CaseRecordError(
            out, [Problem("ist ein Ordner", hint="Geben Sie bei --out einen Dateinamen an.")]
        )
    if not out.parent.is_dir():
        raise CaseRecordError(
            out,
            [
                Problem(
                    "der Ordner der Ergebnisdatei fehlt",
                    hint="Legen Sie ihn an oder wählen Sie einen anderen.",
                )
            ],
        )
    return out


def _caseload(args: argparse.Namespace) -> int:
    out = _check_out(args)
    rules = _rules(args)
    console = stderr_console()
    with progress_bar(console) as progress:
        task = progress.add_task("Fälle werden geprüft", total=count_entries(args.file))
        result = screen_caseload(args.file, rules, args.as_of, lambda: progress.advance(task))
    dialect = result.dialect
    if args.delimiter is not None:
        dialect = Dialect(dialect.encoding, DELIMITER_CHOICES[args.delimiter])
    encoding = _write(out, result, dialect)
    console.print(f"Gelesen: {args.file} ({result.dialect.describe()}).")
    written = Dialect(encoding, dialect.delimiter).describe()
    if result.problems:
        console.print(
            f"{len(result.rows)} Fälle geprüft und nach {out} geschrieben ({written}); "
            f"{result.bad_entries} fehlerhafte Einträge wurden nicht geprüft und fehlen dort:"
        )
        raise CaseRecordError(args.file, result.problems)
    console.print(f"{len(result.rows)} Fälle geprüft → {out} ({written}).")
    return 0


def _rules(args: argparse.Namespace) -> RuleSet:
    """The base rules, with the Land and local adjustments of a settings file when one is given."""
    return rules_for(None if args.settings is None else load_settings(args.settings))


def _write(path: Path, result: CaseloadResult, dialect: Dialect) -> str:
    """Write the result table atomically in the caseload's dialect; return the encoding used.

    Text that Windows-1252 cannot hold is written as UTF-8 with byte order mark instead (said in the
    summary), never replaced by question marks; a lone surrogate (possible in JSON) is written as ``\ud800``.
    """
    encoding = dialect.encoding
    try:
        try:
            write_csv(path, result.header, result.rows, delimiter=dialect.delimiter, encoding=encoding)
        except UnicodeEncodeError:  # a character Windows-1252 lacks, or a lone surrogate from JSON
            encoding = "utf-8-sig"
            write_csv(
                path,
                result.header,
                result.rows,
                delimiter=dialect.delimiter,
                encoding=encoding,
                errors="backslashreplace",
            )
    except OSError as exc:
        raise CaseRecordError(
            path, [Problem(f"Ergebnisdatei kann nicht geschrieben werden ({reason(exc)})")]
        ) from None
    return encoding


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
            "Ergebnistabelle (CSV) geschrieben. Trennzeichen (; , Tab) und Kodierung (UTF-8, Windows-1252, "
            "UTF-16) einer CSV-Datei werden erkannt und für die Ergebnisse übernommen. Fehlerhafte Zeilen "
            "werden am Ende gemeldet; alle anderen werden geprüft und geschrieben."
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
        "--delimiter",
        choices=sorted(DELIMITER_CHOICES),
        help="Trennzeichen der Ergebnistabelle (Standard: wie in der Fallliste)",
    )
    parser.add_argument(
        "--settings",
        metavar="EINSTELLUNGEN",
        type=Path,
        help="Einstellungsdatei des Kits: ihre örtlichen Ergänzungen ([local_rules]) gelten mit",
    )
