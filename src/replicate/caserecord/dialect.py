"""How a CSV file was written: its encoding and delimiter, detected from the file itself.

Spreadsheets save CSV in different ways: German Excel writes ``;`` and Windows-1252, LibreOffice asks,
other tools write ``,`` or tabs, UTF-8 with or without byte order mark, or UTF-16. Results are written
back in the same way, so that the file opens in the program it came from.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

DELIMITERS = {";": "Semikolon", ",": "Komma", "\t": "Tabulator"}
"""Delimiters we recognise, with their German name."""


@dataclass(frozen=True)
class Dialect:
    """Encoding and delimiter of a CSV file."""

    encoding: str
    """Python codec name: ``utf-8``, ``utf-8-sig``, ``utf-16`` or ``cp1252``."""
    delimiter: str
    """``;``, ``,`` or a tab."""

    def describe(self) -> str:
        """In words, e.g. „Trennzeichen Semikolon, Kodierung Windows-1252“."""
        names = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 mit BOM", "utf-16": "UTF-16", "cp1252": "Windows-1252"}
        return (
            f"Trennzeichen {DELIMITERS[self.delimiter]}, Kodierung {names.get(self.encoding, self.encoding)}"
        )


DEFAULT = Dialect("utf-8", ",")


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding used: a byte order mark decides; else UTF-8 if valid, else Windows-1252.

    Windows-1252 leaves five byte values undefined; those (and only those) are read as Latin-1.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="backslashreplace"), "cp1252"


def delimiter_of(header: str) -> str:
    """The delimiter used most often in the header line outside quotes (a comma when there is none)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","
