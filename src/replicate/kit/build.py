"""Build a new kit: Copier render → generated parts → every document in every format → index → move."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from replicate.errors import KitError, ReplicateError
from replicate.forms import write_forms
from replicate.funders.document import write_calendar
from replicate.kit.destination import check_destination, destination_lock, move_into_place, staging_dir
from replicate.kit.documents import build_documents
from replicate.kit.generated import write_rules
from replicate.kit.index import write_index
from replicate.kit.record import kit_state, source_texts
from replicate.kit.state import write_state
from replicate.kit.template import template_path
from replicate.launch.write import write_launch
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


def render_sources(settings: Settings, kit_dir: Path) -> dict[str, str]:
    """Write every text of the kit that is not a derived format: the Copier template, the rules and the
    forms. Returns each written file (relative, with ``/``) and where it comes from."""
    render_template(settings, kit_dir)
    origins = {
        p.relative_to(kit_dir).as_posix(): "Vorlage" for p in sorted(kit_dir.rglob("*")) if p.is_file()
    }
    origins.update((p.relative_to(kit_dir).as_posix(), "Regeldaten") for p in write_rules(settings, kit_dir))
    origins.update((p.relative_to(kit_dir).as_posix(), "Formulare") for p in write_forms(settings, kit_dir))
    origins[write_calendar(settings, kit_dir).relative_to(kit_dir).as_posix()] = "Förderprogramme"
    origins.update((p.relative_to(kit_dir).as_posix(), "Startplan") for p in write_launch(settings, kit_dir))
    return origins


def new_kit(
    settings: Settings,
    dest: Path,
    *,
    force: bool = False,
    discard: bool = False,
    progress: Progress | None = None,
) -> KitResult:
    """Build the complete kit for ``settings`` into ``dest``.

    Everything is built in a temporary folder next to ``dest`` and moved into place only when every step
    succeeded, so a failure never leaves a half-written kit and never damages an existing one. ``force``
    replaces a kit replicate built; files it did not write are discarded only with ``discard``.
    """
    dest = Path(dest)
    check_destination(dest, force=force, discard=discard)
    with destination_lock(dest) as tidied:
        try:
            check_destination(dest, force=force, discard=discard)  # again, after tidying up under the lock
        except KitError as err:
            raise KitError("\n".join([*tidied, str(err)])) from None
        stage = staging_dir(dest)
        try:
            kit_dir = stage / "kit"
            if progress:
                progress("Vorlage wird gerendert", 0, 1)
            origins = render_sources(settings, kit_dir)
            sources = source_texts(kit_dir, origins)
            documents = build_documents(settings, kit_dir, progress)
            write_index(settings, kit_dir, documents)
            state = kit_state(settings, kit_dir, origins, documents)
            write_state(kit_dir, state, sources)
            files = [Path(r.path) for r in state.files]
            move_into_place(kit_dir, dest, replace=force, discard=discard)
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    return KitResult(
        dest=dest,
        documents=documents,
        files=files,
        notes=[*tidied, *settings.notes(), *_language_notes(settings)],
    )


def _language_notes(settings: Settings) -> list[str]:
    """Name client languages for which the form catalogs have no translation yet."""
    from replicate.forms.catalog import default_dir, languages
    from replicate.languages import language_name

    available = set(languages(default_dir()))
    missing = [code for code in settings.kit.client_languages[1:] if code not in available]
    if not missing:
        return []
    names = ", ".join(language_name(code) for code in missing)
    return [
        f"Für {names} gibt es noch keine Übersetzung der Formulare; dort steht der deutsche Text, markiert "
        "mit [DE]. Wie eine Sprache ergänzt wird, zeigt: replicate i18n --help."
    ]
