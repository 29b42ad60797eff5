"""Tables for spreadsheets: CSV cells that cannot run as formulas, written atomically.

A text cell that starts with ``=``, ``+``, ``-`` or ``@`` (also after leading tabs, carriage returns or
spaces, which spreadsheets strip) is run as a formula by Excel and LibreOffice. Following the OWASP rule
for CSV injection, such a cell gets a leading apostrophe, which spreadsheets show as text. Every CSV or
spreadsheet file the project writes goes through :func:`safe_cell`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from replicate.atomicio import atomic_writer

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
"""Characters that make a spreadsheet read a cell as a formula (or strip them and look at the next)."""


def safe_cell(value: object) -> object:
    """``value`` unchanged unless it is text that a spreadsheet would run; then with a leading ``'``."""
    if not isinstance(value, str) or not value:
        return value
    if value.lstrip(" \t\r\n").startswith(FORMULA_START) or value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    errors: str = "strict",
) -> None:
    """Write a CSV file atomically; every cell passes :func:`safe_cell`. Raises OSError, UnicodeError."""
    with atomic_writer(path, encoding=encoding, newline="", errors=errors) as stream:
        writer = csv.writer(stream, delimiter=delimiter)
        writer.writerow([safe_cell(name) for name in header])
        for row in rows:
            writer.writerow([safe_cell(cell) for cell in row])
