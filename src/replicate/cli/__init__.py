"""Command line: parses arguments, calls one library function per command, prints the result.

Each command lives in its own module with ``register(subparsers)``; user errors become one clear
message on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from replicate import __version__
from replicate.cli import (
    _common,
    _german,
    batch_cmds,
    caserecord_cmds,
    catalogue_cmds,
    desk_cmds,
    i18n_cmds,
    kit_cmds,
    report_cmds,
    rules_cmds,
    screen_cmds,
    settings_cmds,
    update_cmds,
)
from replicate.errors import ReplicateError

_MODULES = [
    settings_cmds,
    kit_cmds,
    update_cmds,
    screen_cmds,
    rules_cmds,
    i18n_cmds,
    caserecord_cmds,
    report_cmds,
    batch_cmds,
    catalogue_cmds,
    desk_cmds,
]


def build_parser() -> argparse.ArgumentParser:
    parser = _german.GermanParser(
        prog="replicate",
        description=(
            "Baut aus einer Einstellungsdatei ein lokales Kit für ein Beratungsprojekt "
            "„Perspektive Bleiberecht“ (Vereinbarung, Regeln, Formulare, Berichtswesen)."
        ),
        epilog="Beispiel:\n  replicate init meine-stadt.toml\n  replicate new meine-stadt.toml kit/",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"replicate {__version__}",
        help="Versionsnummer anzeigen und beenden",
    )
    sub = parser.add_subparsers(dest="command", metavar="BEFEHL")
    for module in _MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return the exit code (callable from tests without a subprocess)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        result: int = args.func(args)
        sys.stdout.flush()  # a reader that went away (``| head``) is noticed here, not at exit
        return result
    except BrokenPipeError:
        return _common.reader_gone()
    except ReplicateError as err:
        print(f"Fehler: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        return 130
    except Exception:
        if os.environ.get("REPLICATE_DEBUG"):
            raise
        print(
            "Interner Fehler in replicate (kein Fehler Ihrer Eingaben). Nichts wurde halb geschrieben. "
            "Bitte melden Sie den Fehler mit der Ausgabe von REPLICATE_DEBUG=1 und demselben Befehl.",
            file=sys.stderr,
        )
        return 1


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
