"""Limits for what a settings file may contain, checked on the raw data before the model sees it.

A settings file describes one local project in a few pages; anything far beyond that is a mistake (a
pasted document, a runaway script) and would make building a kit slow or exhaust memory. Characters that
no document format can hold (control characters) are refused here, so that ``replicate check`` finds
them rather than ``replicate new`` failing half-way through a kit.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

from replicate.errors import Problem

MAX_FILE_BYTES = 1_000_000
"""Largest settings file read (1 MB; the shipped examples have about 5 KB)."""
MAX_TEXT = 2_000
"""Longest text value in characters (a long paragraph; project names and addresses are far shorter)."""
MAX_ITEMS = 200
"""Most entries in one list (languages, indicators, local rule notes)."""
MAX_DEPTH = 12
"""Deepest nesting of sections and lists."""

# Also the Unicode direction overrides and isolates (U+202A–U+202E, U+2066–U+2069): pasted into a name they
# reorder the printed text (a right-to-left override turns „e.V.“ around); the renderer isolates values itself.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)


_BREAK = re.compile(r"[ \t]*[\r\n]+\s*")


def one_line(value: object) -> object:
    """Texts (also in lists) with every line break and the indentation after it replaced by one space."""
    if isinstance(value, str):
        return _BREAK.sub(" ", value) if ("\n" in value or "\r" in value) else value
    if isinstance(value, list):
        return [one_line(v) for v in value]
    return value


def _path(parts: tuple[str, ...]) -> str:
    return ".".join(parts).replace(".[", "[")


def _walk(value: Any, parts: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Any]]:
    yield parts, value
    if len(parts) > MAX_DEPTH:
        return
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _walk(child, (*parts, str(key)))
    elif isinstance(value, list):
        for number, child in enumerate(value[:MAX_ITEMS]):
            yield from _walk(child, (*parts, f"[{number}]"))


def _problem(parts: tuple[str, ...], value: Any) -> Problem | None:
    where = _path(parts)
    if len(parts) > MAX_DEPTH:
        return Problem(
            f"zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen)",
            where,
            hint="Prüfen Sie Einrückung bzw. Klammern: Einstellungen haben nur wenige Ebenen.",
        )
    if isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                return Problem(
                    f"der Schlüssel {key!r} ist kein Name",
                    where or "(oberste Ebene)",
                    hint="Schlüssel sind Namen aus Buchstaben, z. B. short_name.",
                )
        return None
    if isinstance(value, list) and len(value) > MAX_ITEMS:
        return Problem(
            f"zu viele Einträge ({len(value)}; höchstens {MAX_ITEMS})",
            where,
            hint="Kürzen Sie die Liste auf das, was das Kit braucht.",
        )
    if isinstance(value, float) and not math.isfinite(value):
        return Problem(
            f"„{value}“ ist keine endliche Zahl", where, hint="Geben Sie eine gewöhnliche Zahl an, z. B. 150."
        )
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            return Problem(
                f"Angabe ist zu lang ({len(value)} Zeichen; höchstens {MAX_TEXT})",
                where,
                hint="Fassen Sie den Text kürzer; ausführliche Texte gehören in die Dokumente des Kits.",
            )
        found = _CONTROL.search(value)
        if found is not None:
            return Problem(
                f"Angabe enthält ein unsichtbares Steuerzeichen (U+{ord(found.group()):04X}) an Stelle "
                f"{found.start() + 1}",
                where,
                hint="Schreiben Sie den Wert neu, statt ihn aus einem anderen Programm einzufügen.",
            )
    return None


def check_limits(data: dict[str, Any], prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Problem]]:
    """Every value over a limit or with a control character, with its key path (for the line lookup)."""
    found = []
    for parts, value in _walk(data, prefix):
        problem = _problem(parts, value)
        if problem is not None:
            found.append((tuple(p.strip("[]") for p in parts), problem))
    return found


def check_text(value: str, where: str) -> Problem | None:
    """The same checks for one text (a value from an environment variable)."""
    return _problem((where,), value)
