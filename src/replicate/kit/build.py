"""Build a new kit: Copier render → generated parts → every document in every format → index → move."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from replicate.errors import KitError, ReplicateError
from replicate.forms import write_forms
from replicate.funders.document import write_calendar
from replicate.kit.destination import check_destination, move_into_place, staging_dir
from replicate.kit.documents import build_documents
from replicate.kit.generated import write_rules
from replicate.kit.index import write_index
from replicate.kit.template import template_path
from replicate.settings import Settings

Progress = Callable[[str, int, int], None]
"""Called as ``progress(step_description, done, total)`` while the kit is built."""


@dataclass
class KitResult:
    """What :func:`new_kit` produced."""

    dest: Path
    """The kit folder."""
    documents: list[Path] = field(default_factory=list)
    """Markdown sources of the documents, relative to ``dest``."""
    files: list[Path] = field(default_factory=list)
    """Every file of the kit, relative to ``dest``."""
    notes: list[str] = field(default_factory=list)
    """Remarks for the user (e.g. reference date outside the funding period)."""


def render_template(settings: Settings, target: Path) -> None:
    """Render the Copier template into ``target`` (which must not exist yet)."""
    from copier import run_copy

    try:
        run_copy(
            str(template_path()),
            str(target),
            data=settings.template_data(),
            defaults=True,
            overwrite=True,
            quiet=True,
            unsafe=False,
        )
    except ReplicateError:
        raise
    except Exception as exc:  # Copier and Jinja raise many types; all mean "the template failed"
        raise KitError(f"Die Kit-Vorlage konnte nicht gerendert werden: {exc}") from exc


def new_kit(
    settings: Settings, dest: Path, *, force: bool = False, progress: Progress | None = None
) -> KitResult:
    """Build the complete kit for ``settings`` into ``dest``.

    Everything is built in a temporary folder next to ``dest`` and moved into place only when every step
    succeeded, so a failure never leaves a half-written kit and never damages an existing one.
    """
    dest = Path(dest)
    check_destination(dest, force=force)
    stage = staging_dir(dest)
    try:
        kit_dir = stage / "kit"
        if progress:
            progress("Vorlage wird gerendert", 0, 1)
        render_template(settings, kit_dir)
        write_rules(settings, kit_dir)
        write_forms(settings, kit_dir)
        write_calendar(settings, kit_dir)
        documents = build_documents(settings, kit_dir, progress)
        write_index(settings, kit_dir, documents)
        files = sorted(p.relative_to(kit_dir) for p in kit_dir.rglob("*") if p.is_file())
        move_into_place(kit_dir, dest)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return KitResult(
        dest=dest, documents=documents, files=files, notes=[*settings.notes(), *_language_notes(settings)]
    )


def _language_notes(settings: Settings) -> list[str]:
    """Name client languages for which the form catalogs have no translation yet."""
    from replicate.forms.catalog import default_dir, languages
    from replicate.settings import LANGUAGE_NAMES

    available = set(languages(default_dir()))
    missing = [code for code in settings.kit.client_languages[1:] if code not in available]
    if not missing:
        return []
    names = ", ".join(LANGUAGE_NAMES[code] for code in missing)
    return [
        f"Für {names} gibt es noch keine Übersetzung der Formulare; dort steht der deutsche Text, markiert "
        "mit [DE]. Wie eine Sprache ergänzt wird, zeigt: replicate i18n --help."
    ]
