"""Commands about the settings file: init, check, schema."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from replicate.cli._common import add_command
from replicate.errors import Problem, SettingsError
from replicate.settings import Settings, load_settings, starter_toml
from replicate.settings.profile import profile_usage


def _init(args: argparse.Namespace) -> int:
    target = Path(args.file)
    if target.suffix.lower() != ".toml":
        raise SettingsError(
            target,
            [
                Problem(
                    "die Vorlage wird als TOML geschrieben",
                    hint="Wählen Sie einen Namen mit der Endung .toml.",
                )
            ],
        )
    if target.exists() and not args.force:
        raise SettingsError(
            target,
            [
                Problem(
                    "die Datei gibt es schon; sie wird nicht überschrieben",
                    hint="Wählen Sie einen anderen Namen oder --force.",
                )
            ],
        )
    target.write_text(starter_toml(target.name), encoding="utf-8")
    print(f"Vorlage geschrieben: {target}")
    print(
        f"Nächste Schritte: Werte eintragen, dann  replicate check {target}  und  replicate new {target} kit/"
    )
    return 0


def _check(args: argparse.Namespace) -> int:
    settings = load_settings(args.file)
    print(f"{args.file}: in Ordnung.")
    print(f"  Projekt: {settings.advice_service.project_name} ({settings.municipality.name})")
    print(f"  Stand der Rechtslage: {settings.kit.reference_date:%d.%m.%Y}")
    print(f"  Praxisprofil: {profile_usage(settings.profile)}")
    for note in settings.notes():
        print(f"  Hinweis: {note}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    schema = Settings.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "replicate settings"
    print(json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True))
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(
        sub,
        "init",
        help="kommentierte Vorlage einer Einstellungsdatei schreiben",
        description="Schreibt eine vollständige, kommentierte Einstellungsdatei mit Beispielwerten.",
        example="replicate init meine-stadt.toml",
        func=_init,
    )
    parser.add_argument(
        "file",
        metavar="DATEI",
        nargs="?",
        default="einstellungen.toml",
        help="Zieldatei (Standard: einstellungen.toml)",
    )
    parser.add_argument("--force", action="store_true", help="eine vorhandene Datei überschreiben")

    parser = add_command(
        sub,
        "check",
        help="Einstellungsdatei prüfen und alle Fehler auf einmal melden",
        description=(
            "Prüft eine Einstellungsdatei (TOML oder YAML) samt REPLICATE_*-Umgebungsvariablen und meldet "
            "jedes Problem mit Schlüssel, Zeile und Lösungsvorschlag."
        ),
        example="replicate check examples/dresden.toml",
        func=_check,
    )
    parser.add_argument("file", metavar="EINSTELLUNGEN", help="Einstellungsdatei (.toml, .yaml)")

    add_command(
        sub,
        "schema",
        help="JSON-Schema der Einstellungsdatei ausgeben (für Editoren)",
        description="Gibt das JSON-Schema der Einstellungen aus, damit Editoren die Datei prüfen und ergänzen.",
        example="replicate schema > einstellungen.schema.json",
        func=_schema,
    )
