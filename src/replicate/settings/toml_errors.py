"""German wording for TOML syntax errors, with the quoting fix where a value lacks its quotes."""

from __future__ import annotations

import re
import tomllib

from replicate.errors import Problem

_MESSAGES = (
    ("Invalid date or datetime", "ungültiges Datum"),
    ("Unterminated string", "ein Anführungszeichen wird nicht geschlossen"),
    ("Unclosed array", "eine Liste [ … ] wird nicht geschlossen"),
    ("Unclosed inline table", "ein Abschnitt { … } wird nicht geschlossen"),
    ("Cannot overwrite a value", "ein Schlüssel ist doppelt vorhanden"),
    ("Cannot declare", "ein Abschnitt ist doppelt vorhanden"),
    ("Illegal character", "die Zeile enthält ein unzulässiges Zeichen (Steuerzeichen)"),
    ("Expected '=' after a key", "nach dem Schlüssel fehlt das Gleichheitszeichen"),
    ("Invalid value", "der Wert ist nicht lesbar"),
    ("Expected newline or end of document", "nach dem Wert folgt noch etwas"),
    ("Invalid initial character for a key part", "ein Schlüssel beginnt mit einem unzulässigen Zeichen"),
    ("Invalid statement", "die Zeile ist keine Angabe der Form schlüssel = wert"),
)

_ASSIGNMENT = re.compile(r"^\s*([A-Za-z0-9_.-]+)\s*=\s*(.*?)\s*$")
_QUOTED_OK = re.compile(
    r'^(?:".*"|\'.*\'|\[.*|\{.*|true|false|[-+]?(?:0|[1-9][0-9_]*)(?:\.[0-9_]+)?(?:[eE][-+]?\d+)?)$'
)


def _german(message: str) -> str:
    for english, german in _MESSAGES:
        if message.startswith(english):
            return german
    return "die Zeile ist kein gültiges TOML"


def _hint(text: str, line: int | None, message: str) -> str:
    default = "Korrigieren Sie die Zeile: Texte stehen in Anführungszeichen, Listen in [ ], Zahlen ohne."
    if line is None:
        return default
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return default
    match = _ASSIGNMENT.match(lines[line - 1])
    if match is None:
        return default
    key, value = match.groups()
    value = value.split(" #", 1)[0].strip()
    if message.startswith("Invalid date or datetime"):
        return f"Prüfen Sie Tag und Monat: Daten stehen als JJJJ-MM-TT ohne Anführungszeichen, z. B. {key} = 2026-12-31"
    if value and not _QUOTED_OK.match(value) and '"' not in value:
        return f'Setzen Sie Text in Anführungszeichen: {key} = "{value}"'
    return default


def toml_problem(exc: tomllib.TOMLDecodeError, text: str) -> Problem:
    """One problem for a TOML syntax error: German wording, its line and the fix."""
    raw = str(exc)
    found = re.search(r"at line (\d+)", raw)
    line = int(found.group(1)) if found else None
    return Problem(f"TOML-Syntaxfehler: {_german(raw)}", line=line, hint=_hint(text, line, raw))
