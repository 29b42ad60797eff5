"""Commands that build kits: new."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from replicate.cli._common import add_command
from replicate.cli._progress import stderr_console, step_progress
from replicate.kit import new_kit
from replicate.kit.destination import check_destination
from replicate.publiccode import check_publiccode_settings, write_kit_publiccode
from replicate.settings import load_settings


def _new(args: argparse.Namespace) -> int:
    settings = load_settings(args.settings)
    dest = Path(args.dest)
    check_destination(dest, force=args.force, discard=args.discard_local)  # before announcing any work
    if args.publiccode:
        check_publiccode_settings(settings, args.settings)
    print(f"Baue das Kit „{settings.advice_service.project_name}“ nach {dest} …", file=sys.stderr)
    with step_progress(stderr_console(), "Kit wird gebaut", quiet=args.quiet) as progress:
        result = new_kit(settings, dest, force=args.force, discard=args.discard_local, progress=progress)
    if args.publiccode:
        write_kit_publiccode(settings, dest)
    print(f"Fertig: {len(result.documents)} Dokumente, {len(result.files)} Dateien in {dest}")
    print(f"Öffnen Sie {dest / 'index.html'} im Browser.")
    for note in result.notes:
        print(f"Hinweis: {note}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(
        sub,
        "new",
        help="ein neues Kit aus einer Einstellungsdatei bauen",
        description=(
            "Baut das Kit: rendert die Vorlage, erzeugt jedes Dokument als HTML, DOCX, ODT und PDF und "
            "schreibt eine index.html. Der Zielordner wird erst am Ende vollständig angelegt."
        ),
        example="replicate new examples/dresden.toml kits/dresden",
        func=_new,
    )
    parser.add_argument("settings", metavar="EINSTELLUNGEN", help="Einstellungsdatei (.toml, .yaml)")
    parser.add_argument("dest", metavar="ZIELORDNER", help="Zielordner des Kits (leer oder nicht vorhanden)")
    parser.add_argument(
        "--force",
        action="store_true",
        help="ein vorhandenes, von replicate gebautes Kit im Zielordner ersetzen",
    )
    parser.add_argument(
        "--discard-local",
        action="store_true",
        help="mit --force: auch Dateien verwerfen, die nicht von replicate stammen oder von Hand geändert wurden",
    )
    parser.add_argument("--quiet", action="store_true", help="keinen Fortschritt anzeigen")
    parser.add_argument(
        "--publiccode",
        action="store_true",
        help="publiccode.yml für die Veröffentlichung des Kits schreiben (braucht profile.repository_url und profile.license)",
    )
