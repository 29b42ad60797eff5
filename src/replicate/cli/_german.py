"""German wording for argparse's own messages (usage, help headings, argument errors).

argparse looks its texts up through a module-level ``_`` (gettext); replacing it keeps every message of
the command line in the users' language without re-implementing argument parsing.
"""

from __future__ import annotations

import argparse

TEXTS = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Angaben",
    "options": "Optionen",
    "show this help message and exit": "diese Hilfe anzeigen und beenden",
    "show program's version number and exit": "Versionsnummer anzeigen und beenden",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\nHilfe und Beispiele: %(prog)s --help\n",
    "the following arguments are required: %s": "es fehlen Angaben: %s",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "argument %(argument_name)s: %(message)s": "Angabe %(argument_name)s: %(message)s",
    "expected one argument": "erwartet einen Wert",
    "invalid choice: %(value)r (choose from %(choices)s)": "ungültige Wahl: %(value)r (möglich: %(choices)s)",
    "invalid %(type)s value: %(value)r": "ungültiger Wert: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "mehrdeutige Option: %(option)s passt zu %(matches)s",
}


def _german(text: str) -> str:
    return TEXTS.get(text, text)


def install() -> None:
    """Make argparse speak German (idempotent)."""
    argparse._ = _german  # type: ignore[attr-defined]
