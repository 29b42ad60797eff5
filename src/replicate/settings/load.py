"""Read a TOML or YAML settings file, apply ``REPLICATE_*`` overrides, validate everything at once."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from replicate.errors import Problem, RulesError, SettingsError
from replicate.settings.locate import toml_line, yaml_line
from replicate.settings.messages import problems_from
from replicate.settings.root import Settings

SUFFIXES = {".toml": "toml", ".yaml": "yaml", ".yml": "yaml"}


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses duplicate keys instead of silently keeping the last one."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"Schlüssel „{key}“ ist doppelt vorhanden", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _read(path: Path) -> tuple[dict[str, Any], str, str]:
    """Parse the file; return (data, text, format)."""
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise SettingsError(
            path,
            [
                Problem(
                    "unbekanntes Dateiformat",
                    hint="Verwenden Sie eine Datei mit der Endung .toml oder .yaml.",
                )
            ],
        )
    if not path.is_file():
        raise SettingsError(
            path,
            [
                Problem(
                    "Datei nicht gefunden",
                    hint=f"Prüfen Sie den Pfad oder legen Sie eine Vorlage an: replicate init {path}",
                )
            ],
        )
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(path, [Problem(f"Datei kann nicht gelesen werden ({exc})")]) from exc
    try:
        data = tomllib.loads(text) if fmt == "toml" else (yaml.load(text, Loader=_UniqueKeyLoader) or {})
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        line = int(found.group(1)) if found else None
        raise SettingsError(
            path,
            [
                Problem(
                    f"TOML-Syntaxfehler: {exc}",
                    line=line,
                    hint="Korrigieren Sie die Zeile (Anführungszeichen, =, Klammern).",
                )
            ],
        ) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(exc, "problem", None) or str(exc)
        raise SettingsError(
            path,
            [
                Problem(
                    f"YAML-Syntaxfehler: {reason}",
                    line=line,
                    hint="Korrigieren Sie Einrückung und Doppelpunkte.",
                )
            ],
        ) from exc
    if not isinstance(data, dict):
        raise SettingsError(path, [Problem("die Datei enthält keine Abschnitte (Schlüssel: Wert)")])
    return data, text, fmt


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
        setattr(settings.kit, key, resolved.resolve())
    if problems:
        raise SettingsError(path, problems)


def load_settings(path: Path | str) -> Settings:
    """Load and validate a settings file; raise :class:`SettingsError` listing every problem."""
    path = Path(path)
    data, text, fmt = _read(path)
    try:
        settings = Settings(**data)
    except ValidationError as exc:
        locate = toml_line if fmt == "toml" else yaml_line
        problems = []
        for loc, problem in problems_from(exc, Settings):
            line = locate(text, loc)
            problems.append(Problem(problem.message, problem.location, line, problem.hint))
        raise SettingsError(path, problems) from None
    _resolve_paths(settings, path.parent, path)
    _check_local_rules(settings, text, fmt, path)
    return settings


def _check_local_rules(settings: Settings, text: str, fmt: str, path: Path) -> None:
    """Local rule adjustments must name real conditions and may not touch statutory thresholds."""
    if not settings.local_rules.conditions:
        return
    from replicate.rules import load_rules
    from replicate.rules.local import apply_local

    try:
        apply_local(load_rules(), settings.local_rules)
    except RulesError as exc:
        locate = toml_line if fmt == "toml" else yaml_line
        problems = []
        for problem in exc.problems:
            loc = tuple(problem.location.split("."))
            problems.append(Problem(problem.message, problem.location, locate(text, loc), problem.hint))
        raise SettingsError(path, problems) from None


def settings_from_data(data: dict[str, Any], source: Path | str) -> Settings:
    """Validate settings given as data (e.g. one row of a batch table); ``source`` names the file in
    messages and is the base of relative paths. Raises :class:`SettingsError` listing every problem."""
    path = Path(source)
    try:
        settings = Settings(**data)
    except ValidationError as exc:
        problems = [problem for _, problem in problems_from(exc, Settings)]
        raise SettingsError(path, problems) from None
    _resolve_paths(settings, path.parent, path)
    _check_local_rules(settings, "", "toml", path)
    return settings


def read_settings_data(path: Path) -> dict[str, Any]:
    """The parsed but not yet validated content of a settings file (e.g. shared defaults of a batch)."""
    return _read(path)[0]
