"""Read one case (JSON) or a caseload (JSON array, JSONL, CSV) with row-level errors.

Every problem with one entry becomes a row error (the other entries are still read); only a problem with
the whole file (missing, a folder, an unreadable CSV header) ends reading with a :class:`CaseRecordError`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from replicate.caserecord.dialect import DEFAULT, Dialect, decode, delimiter_of
from replicate.caserecord.model import CaseRecord
from replicate.caserecord.unflatten import check_header, unflatten
from replicate.errors import CaseRecordError, Problem
from replicate.oswords import reason
from replicate.problems import CASE_RECORD, problems_from

MAX_FILE_BYTES = 200_000_000
"""Largest caseload or case file read (200 MB; 10,000 cases take about 10 MB)."""
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
MAX_CELL = 64_000
"""Longest CSV cell in characters (a whole case as JSON in one cell stays far below)."""


@dataclass
class Row:
    """One entry of a caseload: either a valid record or the problems found in it."""

    label: str
    """Where it is, e.g. ``Zeile 12``."""
    record: CaseRecord | None = None
    problems: list[Problem] = field(default_factory=list)


def parse_case(data: Any, prefix: str = "", file: Path | str | None = None) -> CaseRecord:
    """Validate one record given as a dict; raises CaseRecordError naming each bad field."""
    try:
        return CaseRecord.model_validate(data)
    except ValidationError as exc:
        problems = [p for _, p in problems_from(exc, CaseRecord, "json", CASE_RECORD, prefix)]
        raise CaseRecordError(file, problems) from None


def _bytes(path: Path) -> bytes:
    """The file's content, or a CaseRecordError saying why it cannot be read."""
    if path.is_dir():
        raise CaseRecordError(path, [Problem("ist ein Ordner, keine Datei", hint="Geben Sie die Datei an.")])
    if not path.is_file():
        raise CaseRecordError(path, [Problem("Datei nicht gefunden", hint="Prüfen Sie Pfad und Dateinamen.")])
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CaseRecordError(
                path,
                [
                    Problem(
                        f"Datei ist zu groß (höchstens {MAX_FILE_BYTES // 1_000_000} MB)",
                        hint="Teilen Sie die Fallliste in mehrere Dateien.",
                    )
                ],
            )
        return path.read_bytes()
    except OSError as exc:
        raise CaseRecordError(path, [Problem(f"Datei kann nicht gelesen werden ({reason(exc)})")]) from None


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are unique: json keeps the last of two equal keys without a word."""
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _DuplicateKey(key)
        data[key] = value
    return data


def _json(text: str) -> Any:
    """``json.loads`` with every failure turned into a ValueError carrying a German message.

    A lone surrogate escape (``"\\ud800"``) is refused: no file or terminal can store the character.
    """
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys)
        if _SURROGATE_ESCAPE.search(text):
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        return data
    except UnicodeEncodeError:
        raise ValueError(
            "kein gültiges JSON: ein \\u-Zeichen steht allein (halbes Unicode-Zeichenpaar)"
        ) from None
    except json.JSONDecodeError as exc:
        raise ValueError(
            f"kein gültiges JSON: {_json_reason(exc.msg)} (Zeile {exc.lineno}, Spalte {exc.colno})"
        ) from None
    except RecursionError:
        raise ValueError("kein gültiges JSON: zu tief verschachtelt") from None
    except _DuplicateKey as exc:
        raise ValueError(
            f"der Schlüssel „{exc.key}“ steht zweimal im selben Abschnitt; nur einer gilt – löschen Sie den "
            "falschen"
        ) from None
    except ValueError:  # an integer of thousands of digits
        raise ValueError("kein gültiges JSON: eine Zahl ist zu lang") from None


def _json_reason(msg: str) -> str:
    words = {
        "Expecting value": "ein Wert fehlt",
        "Expecting property name enclosed in double quotes": "ein Feldname muss in doppelten Anführungszeichen stehen",
        "Expecting ',' delimiter": "ein Komma fehlt",
        "Expecting ':' delimiter": "ein Doppelpunkt fehlt",
        "Unterminated string starting at": "ein Anführungszeichen wird nicht geschlossen",
        "Extra data": "nach dem Ende folgt noch etwas",
        "Invalid control character at": "ein Steuerzeichen steht in einem Text",
    }
    return next(
        (german for english, german in words.items() if msg.startswith(english)), "Aufbau nicht lesbar"
    )


def _utf8(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CaseRecordError(
            path,
            [
                Problem(
                    "Datei ist nicht in UTF-8 gespeichert",
                    line=line,
                    hint="Speichern Sie die Datei als UTF-8.",
                )
            ],
        ) from None


def load_case(path: Path) -> CaseRecord:
    """Read one case record from a JSON file."""
    text = _utf8(path, _bytes(path))
    try:
        data = _json(text)
    except ValueError as exc:
        raise CaseRecordError(path, [Problem(str(exc), "JSON")]) from None
    return parse_case(data, file=path)


def _row(label: str, path: Path, data: Any) -> Row:
    try:
        return Row(label, record=parse_case(data, label, path))
    except CaseRecordError as err:
        return Row(label, problems=err.problems)


def _bad(label: str, message: str, hint: str = "") -> Row:
    return Row(label, problems=[Problem(message, label, hint=hint)])


def read_csv(path: Path, data: bytes) -> tuple[Dialect, Iterator[Row]]:
    """The dialect of a CSV caseload and its entries (header problems raise CaseRecordError)."""
    text, encoding = decode(data)
    first = text.split("\n", 1)[0]
    dialect = Dialect(encoding, delimiter_of(first))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=dialect.delimiter)
    try:
        header = next(reader, [])
    except csv.Error:
        problem = Problem("Kopfzeile nicht lesbar (zu lang oder mit unzulässigem Zeichen)", "Zeile 1")
        raise CaseRecordError(path, [problem]) from None
    header = [name.strip() for name in header]
    problems = check_header(header, CaseRecord)
    if problems:
        raise CaseRecordError(path, problems)
    return dialect, _csv_rows(path, reader, header)


def _csv_rows(path: Path, reader: Any, header: list[str]) -> Iterator[Row]:
    last = 1
    while True:
        start = last + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # a cell over csv's own limit (128 KB), a NUL character
            last = reader.line_num
            too_long = "field larger" in str(exc)
            reason = (
                f"eine Zelle ist zu lang (höchstens {MAX_CELL} Zeichen)" if too_long else "Zeile nicht lesbar"
            )
            yield _bad(f"Zeile {start}", reason, "Prüfen Sie die Zeile in der Tabellenkalkulation.")
            continue
        last = reader.line_num
        label = f"Zeile {start}" if last == start else f"Zeilen {start}–{last}"
        if not any(cell.strip() for cell in cells):
            continue
        if last > start and any("\n" in cell or "\r" in cell for cell in cells):
            yield _bad(
                label,
                f"ein Anführungszeichen wird nicht geschlossen: die Zeilen {start} bis {last} sind zu einem "
                "Eintrag verschmolzen und wurden nicht geprüft",
                "Schließen Sie das Anführungszeichen in der ersten dieser Zeilen.",
            )
            continue
        if any(len(cell) > MAX_CELL for cell in cells):
            yield _bad(label, f"eine Zelle ist zu lang (höchstens {MAX_CELL} Zeichen)")
            continue
        if len(cells) > len(header):
            yield _bad(
                label,
                f"die Zeile hat {len(cells)} Zellen, die Kopfzeile nur {len(header)} Spalten",
                "Entfernen Sie die überzähligen Zellen (oder Trennzeichen) am Zeilenende.",
            )
            continue
        try:
            record = unflatten(dict(zip(header, cells, strict=False)), _json)
        except ValueError as exc:
            yield _bad(label, f"Zelle nicht lesbar: {exc}")
            continue
        yield _row(label, path, record)


def _jsonl_rows(path: Path, data: bytes) -> Iterator[Row]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        label = f"Zeile {number}"
        try:
            item = _json(raw.decode("utf-8"))
        except UnicodeDecodeError:
            yield _bad(label, "Zeile ist nicht in UTF-8 gespeichert", "Speichern Sie die Datei als UTF-8.")
            continue
        except ValueError as exc:
            yield _bad(label, str(exc))
            continue
        yield _row(label, path, item)


def open_caseload(path: Path) -> tuple[Dialect, Iterator[Row]]:
    """How the caseload is written (for CSV: delimiter and encoding) and its entries."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".jsonl", ".json"):
        raise CaseRecordError(
            path, [Problem("unbekanntes Dateiformat", hint="Erlaubt sind .json, .jsonl und .csv.")]
        )
    data = _bytes(path)
    if suffix == ".csv":
        return read_csv(path, data)
    if suffix == ".jsonl":
        return DEFAULT, _jsonl_rows(path, data)
    try:
        items = _json(_utf8(path, data))
    except ValueError as exc:
        raise CaseRecordError(path, [Problem(str(exc), "JSON")]) from None
    entries = items if isinstance(items, list) else [items]
    return DEFAULT, (_row(f"Eintrag {n}", path, item) for n, item in enumerate(entries, start=1))


def iter_caseload(path: Path) -> Iterator[Row]:
    """Yield every entry of a caseload; bad entries carry problems, the rest records."""
    yield from open_caseload(path)[1]
