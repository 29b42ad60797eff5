"""Commands that keep a kit current: update, status, diff."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from replicate.cli._common import add_command
from replicate.cli._progress import stderr_console, step_progress
from replicate.cli.screen_cmds import as_of_date
from replicate.kit.status import kit_diff, kit_status
from replicate.kit.update import update_kit
from replicate.settings import load_settings


def _list(title: str, names: list[str]) -> None:
    if names:
        print(f"{title}:")
        for name in names:
            print(f"  {name}")


def _update(args: argparse.Namespace) -> int:
    settings = load_settings(args.settings) if args.settings else None
    kit = Path(args.kit)
    print(f"Aktualisiere das Kit in {kit} …", file=sys.stderr)
    with step_progress(stderr_console(), "Kit wird aktualisiert", quiet=args.quiet) as progress:
        result = update_kit(kit, settings, reference_date=args.reference_date, progress=progress)
    for note in result.notes:
        print(f"Hinweis: {note}")
    if result.up_to_date:
        print("Das Kit ist auf dem neuesten Stand; nichts zu tun.")
        return 0
    _list("Konflikte (beide Fassungen stehen in der Datei, bitte entscheiden)", result.conflicts)
    _list("Ihre Änderungen zusammengeführt", result.merged)
    _list("Von Hand geändert, behalten", result.kept)
    _list("Von Ihnen gelöscht, bleibt gelöscht", result.deleted)
    print(f"{len(result.updated)} Dokument(e) ersetzt, {result.rebuilt} Dokument(e) neu erzeugt.")
    if result.report is not None:
        print(f"Bericht: {kit / result.report.with_suffix('.html')}")
    if result.conflicts:
        print(
            f"{len(result.conflicts)} Datei(en) mit Konflikten: lösen Sie sie und starten Sie "
            "replicate update erneut.",
            file=sys.stderr,
        )
        return 1
    return 0


def _status(args: argparse.Namespace) -> int:
    status = kit_status(Path(args.kit))
    state = status.state
    print(
        f"Kit in {args.kit}: Stand der Rechtslage {state.reference_date:%d.%m.%Y}, gebaut mit replicate "
        f"{state.replicate_version}."
    )
    _list("Örtlich geändert", status.edited)
    _list("Gelöscht", status.deleted)
    _list("Noch mit Konfliktmarkierungen (bitte eine Fassung wählen)", status.conflicts)
    if not status.edited and not status.deleted:
        print("Keine örtlichen Änderungen.")
    for line in status.newer:
        print(f"Neuer: {line}")
    if status.newer:
        print("replicate update bringt das Kit auf den neuen Stand und behält Ihre Änderungen.")
    return 0


def _diff(args: argparse.Namespace) -> int:
    text = kit_diff(Path(args.kit))
    if text:
        sys.stdout.write(text)
    else:
        print("Keine örtlichen Änderungen an den Textquellen.", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    update = add_command(
        sub,
        "update",
        help="ein Kit auf die neue Vorlage, Regeln oder einen neuen Stichtag bringen",
        description=(
            "Baut das Kit neu und führt dabei Ihre örtlichen Änderungen mit der neuen Fassung zusammen. "
            "Wo beide dieselben Zeilen geändert haben, stehen beide Fassungen in der Datei "
            "(Rückgabewert 1). Ein Bericht im Ordner aktualisierung/ nennt alle Änderungen, auch die der "
            "Prüfregeln. Schlägt etwas fehl, bleibt das Kit unverändert."
        ),
        example="replicate update kits/dresden --reference-date 2027-07-01",
        func=_update,
    )
    update.add_argument("kit", metavar="KIT", help="Ordner des Kits")
    update.add_argument(
        "--settings",
        metavar="DATEI",
        help="Einstellungsdatei (Standard: die im Kit gespeicherten Einstellungen)",
    )
    update.add_argument(
        "--reference-date", metavar="DATUM", type=as_of_date, help="neuer Stand der Rechtslage (JJJJ-MM-TT)"
    )
    update.add_argument("--quiet", action="store_true", help="keinen Fortschritt anzeigen")
    status = add_command(
        sub,
        "status",
        help="zeigen, was im Kit örtlich geändert ist und ob es Neueres gibt",
        description="Listet örtlich geänderte und gelöschte Dateien und ob Vorlage, Regeln oder Rechtsstand neuer sind.",
        example="replicate status kits/dresden",
        func=_status,
    )
    status.add_argument("kit", metavar="KIT", help="Ordner des Kits")
    diff = add_command(
        sub,
        "diff",
        help="örtliche Änderungen an den Textquellen zeigen",
        description="Zeigt die örtlichen Änderungen jeder Textquelle gegenüber der erzeugten Fassung.",
        example="replicate diff kits/dresden",
        func=_diff,
    )
    diff.add_argument("kit", metavar="KIT", help="Ordner des Kits")
