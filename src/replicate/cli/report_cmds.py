"""``replicate report`` (the protected funder report) and ``replicate demo-caseload`` (synthetic data)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from rich.console import Console

from replicate.cli._common import add_command
from replicate.errors import ReportError
from replicate.report.build import build_report
from replicate.report.demo import write_demo_caseload
from replicate.settings import load_settings

SHOWN_PROBLEMS = 50


def period_text(text: str) -> tuple[dt.date, dt.date]:
    """argparse type for ``--period``: ``JJJJ-MM-TT..JJJJ-MM-TT`` with a German message on error."""
    try:
        start, end = text.split("..")
        return dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"„{text}“ ist kein Zeitraum (JJJJ-MM-TT..JJJJ-MM-TT, z. B. 2027-01-01..2027-06-30)"
        ) from None


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist kein Datum (JJJJ-MM-TT, z. B. 2025-01-01)") from None


def _positive(text: str) -> int:
    if not (text.isdecimal() and text.isascii()) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine positive ganze Zahl")
    return int(text)


def _report(args: argparse.Namespace) -> int:
    settings = load_settings(args.settings)
    console = Console(stderr=True)
    with console.status("Bericht wird erstellt …") as status:

        def progress(step: str, done: int) -> None:
            status.update(f"{step}: {done:,}".replace(",", "."))

        result = build_report(
            settings,
            args.caseload,
            args.out,
            period=args.period,
            today=dt.date.today(),
            strict=args.strict,
            progress=None if args.quiet else progress,
        )
    r = result.report
    print(f"{r.label}, Berichtszeitraum {r.start:%d.%m.%Y} bis {r.end:%d.%m.%Y} → {result.dest}")
    print(f"{result.counted} von {result.rows} Fällen gezählt; Dateien: {len(result.files)}.")
    grant = settings.funder.period
    if r.end < grant.start or r.start > grant.end:
        print(
            f"Hinweis: der Berichtszeitraum liegt außerhalb des Förderzeitraums ({grant.start:%d.%m.%Y} bis "
            f"{grant.end:%d.%m.%Y}); Soll und Ist sind dann nicht vergleichbar."
        )
    if result.synthetic:
        print(
            "Achtung: die Fallliste ist synthetisch (Beispieldaten); jedes Dokument des Berichts sagt das am Anfang und in der Fußzeile."
        )
    if result.left_out:
        print(
            f"{result.left_out} fehlerhafte Fälle wurden nicht gezählt (der Bericht nennt ihre Zahl). "
            "Bitte berichtigen:",
            file=sys.stderr,
        )
        for problem in result.problems[:SHOWN_PROBLEMS]:
            print("  " + problem.render(args.caseload).replace("\n", "\n  "), file=sys.stderr)
        if len(result.problems) > SHOWN_PROBLEMS:
            print(f"  … und {len(result.problems) - SHOWN_PROBLEMS} weitere Angaben.", file=sys.stderr)
    return 0


def _demo(args: argparse.Namespace) -> int:
    if args.out.suffix.lower() not in (".csv", ".jsonl"):
        raise ReportError(f"{args.out}: die Beispieldatei muss auf .csv oder .jsonl enden.")
    if args.out.exists() and not args.force:
        raise ReportError(
            f"{args.out}: die Datei gibt es schon. Wählen Sie einen anderen Namen oder --force."
        )
    if not args.out.parent.is_dir():
        raise ReportError(f"{args.out}: den Ordner {args.out.parent} gibt es nicht.")
    write_demo_caseload(args.out, args.count, args.seed, args.start)
    print(f"{args.count} synthetische Fälle (Fallkennung beginnt mit SYNTH-) → {args.out}")
    return 0


def register(sub: Any) -> None:
    """Add ``replicate report`` and ``replicate demo-caseload``."""
    parser = add_command(
        sub,
        "report",
        help="Sachbericht, Kurzbericht und Kennzahlen-Tabellen aus einer Fallliste",
        description=(
            "Zählt die Kennzahlen einer pseudonymen Fallliste (CSV oder JSONL, Fallakte Version 2) für einen "
            "Berichtszeitraum und schreibt in den Zielordner: Sachbericht (Entwurf) und Kurzbericht (HTML, DOCX, "
            "ODT, PDF), Kennzahlen-Tabellen (ODS, XLSX), Diagramme (SVG) und bericht.json. Kleine Zahlen werden "
            "gesperrt („.“). Ohne --period gilt der Bericht, der nach Programm und Einstellungen als nächster "
            "fällig ist. Fehlerhafte Fälle werden aufgelistet und nicht gezählt."
        ),
        example=(
            "replicate demo-caseload 500 --seed 1 --out beispiel.csv\n"
            "  replicate report beispiel.csv --settings meine-stadt.toml --period 2025-01-01..2025-12-31 --out bericht/"
        ),
        func=_report,
    )
    parser.add_argument("caseload", metavar="FALLLISTE", type=Path, help="Fallliste (.csv oder .jsonl)")
    parser.add_argument(
        "--settings", metavar="EINSTELLUNGEN", type=Path, required=True, help="Einstellungsdatei des Kits"
    )
    when = parser.add_mutually_exclusive_group()
    when.add_argument(
        "--period",
        metavar="BEGINN..ENDE",
        type=period_text,
        help="Berichtszeitraum, z. B. 2027-01-01..2027-06-30",
    )
    when.add_argument("--next", action="store_true", help="der als nächstes fällige Bericht (Standard)")
    parser.add_argument("--out", metavar="ORDNER", type=Path, required=True, help="Zielordner des Berichts")
    parser.add_argument(
        "--strict", action="store_true", help="abbrechen (nichts schreiben), sobald ein Fall fehlerhaft ist"
    )
    parser.add_argument("--quiet", action="store_true", help="keine Fortschrittsanzeige")

    demo = add_command(
        sub,
        "demo-caseload",
        help="synthetische Fallliste zum Ausprobieren des Berichts",
        description=(
            "Schreibt eine erfundene Fallliste mit N Fällen (CSV oder JSONL, Fallakte Version 2). Jede "
            "Fallkennung beginnt mit SYNTH-, und jeder Bericht daraus sagt deutlich, dass er auf "
            "Beispieldaten beruht. Derselbe --seed ergibt dieselbe Datei."
        ),
        example="replicate demo-caseload 500 --seed 1 --out beispiel.csv",
        func=_demo,
    )
    demo.add_argument("count", metavar="N", type=_positive, help="Zahl der Fälle")
    demo.add_argument("--seed", metavar="S", type=int, default=1, help="Startwert des Zufalls (Standard: 1)")
    demo.add_argument("--out", metavar="DATEI", type=Path, required=True, help="Zieldatei (.csv oder .jsonl)")
    demo.add_argument(
        "--start",
        metavar="DATUM",
        type=_date,
        default=dt.date(2025, 1, 1),
        help="frühester Erstkontakt (Standard: 2025-01-01)",
    )
    demo.add_argument("--force", action="store_true", help="eine vorhandene Datei ersetzen")
