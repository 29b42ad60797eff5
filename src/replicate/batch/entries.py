"""The list of a batch: a folder of settings files, or a CSV/TOML table of municipalities sharing defaults.

Every entry is validated before anything is built; all problems of all entries are reported at once.

TOML table::

    [defaults]                       # sections shared by every municipality (optional)
    [defaults.funder] ...
    [[kits]]
    folder = "pirna"                 # folder of the kit in the output (optional: from short_name)
    [kits.municipality] ...          # what differs; merged over the defaults

CSV table: one row per municipality, columns named by key path (``municipality.name``,
``authority.address.city``, ``folder``); an empty cell keeps the default; lists are separated by
``;``. The shared sections come from ``--defaults`` (a settings file, TOML or YAML).
"""

from __future__ import annotations

import csv
import re
import tomllib
import types
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union, get_args, get_origin

from replicate.errors import BatchError, InputError, Problem, SettingsError
from replicate.settings import Settings, load_settings
from replicate.settings.load import SUFFIXES, read_settings_data, settings_from_data

FOLDER = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")


@dataclass(frozen=True)
class Entry:
    """One municipality of the batch, validated."""

    folder: str
    """Folder of its kit inside the output folder."""
    settings: Settings
    source: str
    """Where it came from, for messages: a file, or a row of a table."""


def read_entries(source: Path, defaults: Path | None = None) -> list[Entry]:
    """Read and validate every entry of ``source``; raise :class:`BatchError` listing every problem."""
    if source.is_dir():
        if defaults is not None:
            raise BatchError(
                [
                    _error(
                        defaults,
                        "--defaults gilt nur für Tabellen (CSV, TOML)",
                        "Tragen Sie gemeinsame Werte in jede Einstellungsdatei des Ordners ein.",
                    )
                ]
            )
        entries, errors = _from_folder(source)
    elif source.suffix.lower() == ".csv":
        entries, errors = _from_csv(source, defaults)
    elif source.suffix.lower() == ".toml":
        entries, errors = _from_toml(source, defaults)
    elif not source.exists():
        raise BatchError(
            [
                _error(
                    source,
                    "Liste nicht gefunden",
                    "Geben Sie einen Ordner mit Einstellungsdateien oder eine Tabelle (.csv, .toml) an.",
                )
            ]
        )
    else:
        raise BatchError(
            [
                _error(
                    source,
                    "unbekanntes Format der Liste",
                    "Erlaubt sind ein Ordner mit Einstellungsdateien, eine .csv- oder eine .toml-Tabelle.",
                )
            ]
        )
    errors += _duplicates(entries)
    if not entries and not errors:
        errors.append(
            _error(
                source,
                "die Liste enthält keine Kommune",
                "Legen Sie Einstellungsdateien in den Ordner oder Zeilen in die Tabelle.",
            )
        )
    if errors:
        raise BatchError(errors)
    return sorted(entries, key=lambda entry: entry.folder)


def folder_name(short_name: str) -> str:
    """A folder name from a municipality's short name: ``Sächsische Schweiz`` → ``saechsische-schweiz``."""
    text = short_name.lower()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80] or "kommune"


def _error(file: Path | str, message: str, hint: str = "", location: str = "") -> InputError:
    return InputError(file, [Problem(message, location=location, hint=hint)])


def _from_folder(folder: Path) -> tuple[list[Entry], list[InputError]]:
    entries: list[Entry] = []
    errors: list[InputError] = []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES):
        try:
            settings = load_settings(path)
        except SettingsError as exc:
            errors.append(exc)
            continue
        folder_problem = _folder_problem(path.stem)
        if folder_problem:
            errors.append(
                _error(path, folder_problem, "Benennen Sie die Datei um (Kleinbuchstaben, Ziffern, -).")
            )
            continue
        entries.append(Entry(path.stem, settings, str(path)))
    return entries, errors


def _folder_problem(folder: str) -> str:
    if FOLDER.match(folder):
        return ""
    return (
        f"„{folder}“ taugt nicht als Ordnername des Kits: erlaubt sind Kleinbuchstaben, Ziffern, Punkt, - und _ "
        "(höchstens 80 Zeichen, am Anfang ein Buchstabe oder eine Ziffer)"
    )


def _load_defaults(defaults: Path | None) -> tuple[dict[str, Any], list[InputError]]:
    if defaults is None:
        return {}, []
    try:
        data = read_settings_data(defaults)
    except SettingsError as exc:
        return {}, [exc]
    return data, []


def _from_toml(table: Path, defaults_file: Path | None) -> tuple[list[Entry], list[InputError]]:
    try:
        data = tomllib.loads(table.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return [], [_error(table, f"Datei kann nicht gelesen werden ({exc})")]
    except tomllib.TOMLDecodeError as exc:
        return [], [
            _error(
                table,
                f"TOML-Syntaxfehler: {exc}",
                "Korrigieren Sie die Zeile (Anführungszeichen, =, Klammern).",
            )
        ]
    errors: list[InputError] = []
    unknown = sorted(set(data) - {"defaults", "kits"})
    if unknown:
        errors.append(
            _error(
                table,
                f"unbekannter Abschnitt „{unknown[0]}“",
                "Erlaubt sind [defaults] (gemeinsame Werte) und [[kits]] (eine Kommune je Eintrag).",
            )
        )
    shared, problems = _load_defaults(defaults_file)
    errors += problems
    shared = _merge(shared, data.get("defaults", {}))
    kits = data.get("kits", [])
    if not isinstance(kits, list):
        return [], [
            *errors,
            _error(table, "„kits“ muss eine Liste von Einträgen sein", "Schreiben Sie [[kits]] je Kommune."),
        ]
    entries: list[Entry] = []
    for number, row in enumerate(kits, start=1):
        where = f"Eintrag {number} unter [[kits]]"
        entry, error = _entry(table, where, shared, dict(row))
        entries += [entry] if entry else []
        errors += [error] if error else []
    return entries, errors


def _from_csv(table: Path, defaults_file: Path | None) -> tuple[list[Entry], list[InputError]]:
    try:
        text = table.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [
            _error(table, f"Datei kann nicht gelesen werden ({exc})", "Speichern Sie die Tabelle als UTF-8.")
        ]
    shared, errors = _load_defaults(defaults_file)
    try:  # Excel writes ";" in German locales, other tools ","
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text.splitlines()[0], delimiters=",;\t"
        )
    except (csv.Error, IndexError):
        dialect = csv.excel
    reader = csv.DictReader(text.splitlines(), dialect=dialect)
    entries: list[Entry] = []
    for row in reader:
        where = f"Zeile {reader.line_num}"
        data: dict[str, Any] = {}
        bad: list[Problem] = []
        for column, cell in row.items():
            if column is None:
                bad.append(
                    Problem(
                        "mehr Zellen als Spalten",
                        location=where,
                        hint="Prüfen Sie Trennzeichen und Anführungszeichen.",
                    )
                )
                continue
            value = (cell or "").strip()
            if not value:
                continue
            path = column.strip().split(".")
            if path == ["folder"]:
                data["folder"] = value
                continue
            data = _merge(data, _nest(path, _split_list(path, value)))
        if bad:
            errors.append(InputError(table, bad))
            continue
        entry, error = _entry(table, where, shared, data)
        entries += [entry] if entry else []
        errors += [error] if error else []
    return entries, errors


def _entry(
    table: Path, where: str, shared: dict[str, Any], row: dict[str, Any]
) -> tuple[Entry | None, InputError | None]:
    folder = row.pop("folder", None)
    data = _merge(shared, row)
    try:
        settings = settings_from_data(data, table)
    except SettingsError as exc:
        problems = [
            Problem(p.message, f"{where}: {p.location}" if p.location else where, None, p.hint)
            for p in exc.problems
        ]
        return None, InputError(table, problems)
    name = str(folder) if folder is not None else folder_name(settings.municipality.short_name)
    problem = _folder_problem(name)
    if problem:
        return None, _error(
            table, problem, "Geben Sie einen Ordnernamen an (Spalte oder Schlüssel folder).", where
        )
    return Entry(name, settings, f"{table}, {where}"), None


def _duplicates(entries: list[Entry]) -> list[InputError]:
    seen: dict[str, Entry] = {}
    errors = []
    for entry in entries:
        first = seen.setdefault(entry.folder, entry)
        if first is not entry:
            errors.append(
                _error(
                    entry.source,
                    f"der Ordner „{entry.folder}“ ist schon für {first.source} vergeben",
                    "Geben Sie jeder Kommune einen eigenen Ordnernamen (folder).",
                )
            )
    return errors


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Nested dictionaries merged key by key; other values (lists too) replaced by ``override``."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _nest(path: list[str], value: Any) -> dict[str, Any]:
    for key in reversed(path):
        value = {key: value}
    return value  # type: ignore[no-any-return]


def _split_list(path: list[str], value: str) -> Any:
    """A cell for a list field (``kit.formats``) becomes a list, split at ``;``."""
    model: Any = Settings
    annotation: Any = None
    for key in path:
        fields = getattr(model, "model_fields", {})
        if key not in fields:
            return value  # unknown keys are reported by the validation
        annotation = _unwrap(fields[key].annotation)
        model = annotation
    if get_origin(annotation) is list:
        return [item.strip() for item in value.split(";") if item.strip()]
    return value


def _unwrap(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation
