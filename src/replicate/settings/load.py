"""Read a TOML or YAML settings file, apply ``REPLICATE_*`` overrides, validate everything at once.

Nothing is forgiven silently: the YAML loader keeps ``no`` and ``01705`` as text (``replicate.yamlio``),
values over the limits or with control characters are refused (``limits``), a value from an environment
variable is reported under that variable's name (``env``), and every message is German with the fix
written in the file's own syntax.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pydantic_settings
from pydantic import ValidationError

from replicate.errors import Problem, RulesError, SettingsError
from replicate.oswords import reason
from replicate.problems import Syntax, describe, location
from replicate.settings import env
from replicate.settings.files import docx_problem, logo_problem
from replicate.settings.limits import MAX_FILE_BYTES, check_limits
from replicate.settings.locate import toml_index
from replicate.settings.root import Settings
from replicate.settings.toml_errors import toml_problem
from replicate.yamlio import LineIndex, YamlProblem, parse

SUFFIXES: dict[str, Syntax] = {".toml": "toml", ".yaml": "yaml", ".yml": "yaml"}


def _refuse(path: Path, message: str, hint: str = "", line: int | None = None) -> SettingsError:
    return SettingsError(path, [Problem(message, line=line, hint=hint)])


def _text(path: Path) -> str:
    """The file's text (UTF-8, with or without byte order mark)."""
    if path.is_dir():
        raise _refuse(
            path, "ist ein Ordner, keine Einstellungsdatei", "Geben Sie die .toml- oder .yaml-Datei an."
        )
    if not path.is_file():
        raise _refuse(
            path,
            "Datei nicht gefunden",
            f"Prüfen Sie den Pfad oder legen Sie eine Vorlage an: replicate init {path}",
        )
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _refuse(
                path,
                f"Datei ist zu groß ({size // 1000} KB; höchstens {MAX_FILE_BYTES // 1000} KB)",
                "Eine Einstellungsdatei hat wenige Seiten; prüfen Sie, ob die richtige Datei angegeben ist.",
            )
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise _refuse(
            path,
            "Datei ist nicht in UTF-8 gespeichert (Umlaute sind nicht lesbar)",
            "Speichern Sie die Datei im Editor mit der Kodierung UTF-8.",
            line,
        ) from None
    except OSError as exc:
        raise _refuse(path, f"Datei kann nicht gelesen werden ({reason(exc)})") from None


def _read(path: Path) -> tuple[dict[str, Any], LineIndex, Syntax]:
    """Parse the file; return (data, line index, syntax)."""
    syntax = SUFFIXES.get(path.suffix.lower())
    if syntax is None:
        raise _refuse(
            path, "unbekanntes Dateiformat", "Verwenden Sie eine Datei mit der Endung .toml oder .yaml."
        )
    text = _text(path)
    if syntax == "toml":
        try:
            data: Any = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(path, [toml_problem(exc, text)]) from None
        except RecursionError:
            raise _refuse(path, "TOML-Syntaxfehler: zu tief verschachtelte Listen oder Abschnitte") from None
        except ValueError as exc:  # an integer of thousands of digits
            raise _refuse(path, f"TOML-Syntaxfehler: eine Zahl ist zu lang ({str(exc)[:40]}…)") from None
        lines = toml_index(text)
    else:
        try:
            data, node = parse(text)
        except YamlProblem as exc:
            raise _refuse(path, exc.message, exc.hint, exc.line) from None
        lines = LineIndex.of_yaml(node)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise _refuse(path, "die Datei enthält keine Abschnitte (Schlüssel: Wert)")
    return data, lines, syntax


def _validate(path: Path, data: dict[str, Any], lines: LineIndex, syntax: Syntax) -> Settings:
    overrides = env.overrides()
    problems = [
        Problem(p.message, p.location, lines.line(loc), p.hint)
        for loc, p in check_limits(data)
        if env.variable_for(loc, overrides) is None
    ]
    problems += env.value_problems()
    if problems:
        raise SettingsError(path, problems)
    try:
        return Settings(**data)
    except pydantic_settings.SettingsError as exc:
        raise SettingsError(path, env.unreadable(str(exc))) from None
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            variable = env.variable_for(loc, overrides)
            message, hint = describe(error, Settings, "env" if variable else syntax)
            if variable is None:
                problems.append(Problem(message, location(loc), lines.line(loc), hint))
            else:
                where = f"{location(loc)} (Wert aus der Umgebungsvariable {variable})"
                problems.append(Problem(message, where, None, hint))
        raise SettingsError(path, problems) from None


def _resolve_paths(settings: Settings, base: Path, path: Path) -> None:
    problems = []
    for key in ("logo", "reference_docx"):
        value: Path | None = getattr(settings.kit, key)
        if value is None:
            continue
        resolved = value if value.is_absolute() else (base / value)
        if not resolved.is_file():
            problems.append(
                Problem(
                    f"Datei „{value}“ nicht gefunden",
                    location=f"kit.{key}",
                    hint="Der Pfad gilt relativ zur Einstellungsdatei; prüfen Sie Name und Ort.",
                )
            )
            continue
        problem = logo_problem(resolved) if key == "logo" else docx_problem(resolved)
        if problem is not None:
            problems.append(problem)
        setattr(settings.kit, key, resolved.resolve())
    if problems:
        raise SettingsError(path, problems)


def load_settings(path: Path | str) -> Settings:
    """Load and validate a settings file; raise :class:`SettingsError` listing every problem."""
    path = Path(path)
    data, lines, syntax = _read(path)
    settings = _validate(path, data, lines, syntax)
    _resolve_paths(settings, path.parent, path)
    _check_local_rules(settings, lines, path)
    return settings


def _check_local_rules(settings: Settings, lines: LineIndex, path: Path) -> None:
    """Local rule adjustments must name real conditions and may not touch statutory thresholds."""
    if not settings.local_rules.conditions:
        return
    from replicate.rules import load_rules
    from replicate.rules.local import apply_local

    try:
        apply_local(load_rules(), settings.local_rules)
    except RulesError as exc:
        problems = [
            Problem(p.message, p.location, lines.line(tuple(p.location.split("."))), p.hint)
            for p in exc.problems
        ]
        raise SettingsError(path, problems) from None
