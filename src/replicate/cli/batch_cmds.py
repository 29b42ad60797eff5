"""Commands for networks: batch (many kits at once)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from replicate.batch import CRASHED, FAILED, UNCHANGED, Outcome, check_out, parse_shard, run_batch
from replicate.cli._common import add_command


def _batch(args: argparse.Namespace) -> int:
    shard = parse_shard(args.shard) if args.shard else None
    out = Path(args.out)
    check_out(out)
    console = Console(stderr=True)
    bar = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, disable=args.quiet,
    )  # fmt: skip
    task = bar.add_task("Kits werden gebaut", total=None)

    def progress(outcome: Outcome, done: int, total: int) -> None:
        if done == 1:  # the bar appears once every entry is valid and the first kit is done
            bar.start()
        bar.update(task, completed=done, total=total, description=f"{outcome.folder}: {outcome.status}")
        if outcome.status in (FAILED, CRASHED):
            first = outcome.problems[0] if outcome.problems else ""
            bar.console.print(f"{outcome.folder} {outcome.status}: {first}", markup=False, highlight=False)

    try:
        result = run_batch(
            Path(args.list), out, defaults=Path(args.defaults) if args.defaults else None,
            resume=args.resume, shard=shard, workers=args.workers, progress=progress,
        )  # fmt: skip
    finally:
        bar.stop()
    counts: dict[str, int] = {}
    for outcome in result.outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    parts = [f"{number} {status}" for status, number in sorted(counts.items())]
    print(f"Fertig: {len(result.outcomes)} Kits ({', '.join(parts)}) in {out}.")
    if result.skipped_by_shard:
        print(f"Andere Teile (--shard) bauen die übrigen {result.skipped_by_shard} Kits.")
    print(f"Zusammenfassung: {result.summary[0]} und {result.summary[1].name}")
    for outcome in result.failed:
        print(f"{outcome.folder} ({outcome.municipality}): {outcome.status}", file=sys.stderr)
        for problem in outcome.problems:
            print(f"    {problem}", file=sys.stderr)
    if result.failed:
        print(
            "Die übrigen Kits sind gebaut; beheben Sie die Fehler und starten Sie mit --resume neu.",
            file=sys.stderr,
        )
        return 1
    if args.resume and counts.get(UNCHANGED) == len(result.outcomes):
        print("Nichts hat sich geändert; kein Kit wurde neu gebaut.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(
        sub,
        "batch",
        help="Kits für viele Kommunen auf einmal bauen (Netzwerke)",
        description=(
            "Baut ein Kit je Kommune. LISTE ist ein Ordner mit Einstellungsdateien (.toml, .yaml) oder eine "
            "Tabelle: eine .toml-Datei mit [defaults] (gemeinsame Werte) und [[kits]] (je Kommune, was "
            "abweicht) oder eine .csv-Datei mit einer Zeile je Kommune und Spalten wie municipality.name "
            "(gemeinsame Werte mit --defaults). Zuerst werden alle Einträge geprüft und alle Fehler auf "
            "einmal gemeldet; dann wird parallel gebaut (ein Prozess je Prozessorkern). Ein Fehler in einem "
            "Kit hält die anderen nicht auf. Die Zusammenfassung (zusammenfassung.csv und .json) nennt je "
            "Kommune Status, Probleme und Dauer. Rückgabewert: 0 alles gebaut, 1 einzelne Kits "
            "fehlgeschlagen, 2 ungültige Eingaben (nichts gebaut)."
        ),
        example=(
            "replicate batch netzwerk/ --out kits/\n"
            "  replicate batch kommunen.csv --defaults gemeinsam.toml --out kits/ --resume\n"
            "  replicate batch kommunen.toml --out kits/ --shard 2/4     # Teil 2 von 4, z. B. ein CI-Job"
        ),
        func=_batch,
    )
    parser.add_argument(
        "list", metavar="LISTE", help="Ordner mit Einstellungsdateien oder Tabelle (.csv, .toml)"
    )
    parser.add_argument(
        "--out", required=True, metavar="ORDNER", help="Ausgabeordner; je Kommune ein Unterordner"
    )
    parser.add_argument(
        "--defaults", metavar="DATEI", help="gemeinsame Einstellungen für eine Tabelle (.toml, .yaml)"
    )
    parser.add_argument(
        "--resume", action="store_true", help="Kits überspringen, deren Eingaben sich nicht geändert haben"
    )
    parser.add_argument(
        "--shard", metavar="I/N", help="nur Teil I von N bauen (jede N-te Kommune, nach Ordner sortiert)"
    )
    parser.add_argument(
        "--workers", type=int, metavar="ZAHL", help="Zahl der Prozesse (Standard: Zahl der Kerne)"
    )
    parser.add_argument("--quiet", action="store_true", help="keinen Fortschrittsbalken anzeigen")
