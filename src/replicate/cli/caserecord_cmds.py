"""``replicate caserecord migrate``: write case records of an older schema version as the current one."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from replicate.caserecord.migrate import migrate
from replicate.caserecord.model import SCHEMA_VERSION
from replicate.cli._common import add_command, show_help


def _migrate(args: argparse.Namespace) -> int:
    result = migrate(args.source, args.target)
    print(
        f"{result.records} Fallakten nach {args.target} geschrieben (Version {SCHEMA_VERSION}); "
        f"{result.upgraded} davon waren in einer älteren Version."
    )
    return 0


def register(sub: Any) -> None:
    """Add ``replicate caserecord migrate``."""
    parser = add_command(
        sub,
        "caserecord",
        help="Fallakten umschreiben (Schemaversion)",
        description=(
            "Werkzeuge für Fallakten. Ältere Versionen liest replicate ohne Umschreiben; umschreiben ist nur "
            "für andere Programme nötig, die gegen das JSON-Schema prüfen."
        ),
        example="replicate caserecord migrate faelle-alt.jsonl faelle.jsonl",
        func=lambda args: 2,
    )
    parser.set_defaults(func=show_help(parser))
    sub_parsers = parser.add_subparsers(dest="caserecord_command", metavar="UNTERBEFEHL")
    cmd = add_command(
        sub_parsers,
        "migrate",
        help=f"Fallakten als Version {SCHEMA_VERSION} in eine neue Datei schreiben",
        description=(
            f"Schreibt jede Fallakte aus EINGABE (.json oder .jsonl) als Version {SCHEMA_VERSION} nach AUSGABE "
            "(neue Datei, gleiche Endung). Felder und ihre Reihenfolge bleiben, nur schema_version wird gesetzt; "
            "eine Fallakte der Version 1 erhält einen leeren Verlauf. Ist eine Fallakte fehlerhaft, werden alle "
            "Fehler gezeigt und nichts geschrieben. Eine bestehende AUSGABE wird nie überschrieben."
        ),
        example="replicate caserecord migrate fallakte-alt.json fallakte.json",
        func=_migrate,
    )
    cmd.add_argument("source", metavar="EINGABE", type=Path, help="Fallakte(n) im Format .json oder .jsonl")
    cmd.add_argument("target", metavar="AUSGABE", type=Path, help="neue Datei mit derselben Endung")
