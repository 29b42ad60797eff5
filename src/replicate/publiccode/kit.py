"""publiccode.yml for a kit that a municipality publishes in its own repository (``replicate new --publiccode``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from replicate.atomicio import write_bytes
from replicate.errors import Problem, SettingsError
from replicate.publiccode.model import PublicCode
from replicate.settings import Settings

PROJECT_URL = "https://gitlab.opencode.de/replicate/replicate.git"
"""Where replicate itself is published; ``isBasedOn`` of every kit names it (see publiccode.yml at the root)."""

HEADER = """\
# publiccode.yml des Kits (Standard 0.4, https://yml.publiccode.tools), erzeugt von replicate.
# Der Standard verlangt unter maintenance.contacts eine natürliche Person: replicate trägt nur die Funktion
# ein; ersetzen Sie sie vor der Veröffentlichung durch den Namen der verantwortlichen Person.
"""


def check_publiccode_settings(settings: Settings, source: Path | str) -> None:
    """Before any work: the settings must name the repository and the licence of the kit."""
    problems = []
    if settings.profile.repository_url is None:
        problems.append(Problem(
            "Pflichtangabe für --publiccode fehlt", location="profile.repository_url",
            hint='Tragen Sie die Adresse Ihres Repositorys ein, z. B. repository_url = "https://gitlab.opencode.de/musterstadt/bleiberecht-kit".',
        ))  # fmt: skip
    if settings.profile.license is None:
        problems.append(Problem(
            "Pflichtangabe für --publiccode fehlt", location="profile.license",
            hint='Tragen Sie die Lizenz des Kits als SPDX-Kennung ein, z. B. license = "CC-BY-4.0".',
        ))  # fmt: skip
    if problems:
        raise SettingsError(source, problems)


def kit_publiccode(settings: Settings) -> dict[str, Any]:
    """The publiccode.yml content of the kit, validated against the model of the standard."""
    a = settings.advice_service
    m = settings.municipality
    data: dict[str, Any] = {
        "publiccodeYmlVersion": "0.4",
        "name": a.project_name,
        "url": settings.profile.repository_url,
        "isBasedOn": PROJECT_URL,
        "releaseDate": settings.kit.reference_date.isoformat(),
        "platforms": ["web"],
        "categories": ["document-management", "data-collection"],
        "usedBy": [m.name],
        "developmentStatus": "beta",
        "softwareType": "standalone/other",
        "intendedAudience": {"countries": ["de"], "scope": ["local-authorities", "society"]},
        "description": {
            "de": {
                "shortDescription": f"Unterlagen des Beratungsprojekts {a.project_name} für Langzeitgeduldete"[
                    :150
                ],
                "longDescription": (
                    f"Das Kit enthält die Unterlagen, mit denen {m.name}, die {settings.authority.name} und "
                    f"{a.organisation} ein Beratungsprojekt für langjährig geduldete Menschen nach dem Vorbild "
                    "„Perspektive Bleiberecht Dresden“ betreiben: Kooperationsvereinbarung mit Anlagen, "
                    "Datenschutzunterlagen, ein Prüfschema der Wege zur Aufenthaltserlaubnis mit Fundstellen, "
                    "Formulare für die Erstberatung (auch als Offline-Formular im Browser) und ein Praxisprofil. "
                    f"Stand der Rechtslage: {settings.kit.reference_date:%d.%m.%Y}. Die Unterlagen ersetzen keine "
                    "Rechtsberatung; das Prüfschema unterstützt qualifizierte Beratende."
                ),
                "features": [
                    "Kooperationsvereinbarung zwischen Ausländerbehörde und Beratungsstelle (Entwurf) mit Anlagen",
                    "Datenschutzhinweise, Einwilligung, Schweigepflichtentbindung, Verzeichnis und TOM",
                    "Prüfschema der Wege zur Aufenthaltserlaubnis mit Fundstellen im Aufenthaltsgesetz",
                    "Erstberatungsbogen zum Drucken und als Offline-Formular im Browser",
                    "Praxisprofil auf einer Seite für Preisjurys und Kataloge",
                ],
            }
        },
        "legal": {"license": settings.profile.license, "repoOwner": m.name},
        "maintenance": {
            "type": "internal",
            "contacts": [
                {"name": a.contact_role, "email": a.email, "phone": a.phone, "affiliation": a.organisation}
            ],
        },
        "localisation": {
            "localisationReady": True,
            "availableLanguages": list(settings.kit.client_languages),
        },
    }
    PublicCode.model_validate(data)
    return data


def write_kit_publiccode(settings: Settings, kit: Path) -> Path:
    """Write ``publiccode.yml`` into the kit folder (after the kit is in place; atomically)."""
    text = HEADER + yaml.safe_dump(kit_publiccode(settings), allow_unicode=True, sort_keys=False, width=110)
    path = kit / "publiccode.yml"
    write_bytes(path, text.encode("utf-8"), make_parents=True)
    return path
