"""``replicate update``: bring a kit to a new template, rules or reference date and keep local edits.

The new kit is rendered into a staging folder. Each text source is merged three-way (the pristine copy
from the last build, the local file, the new render); formats are rebuilt only for sources that changed
and are not in conflict; files edited or deleted by hand stay as they are; files replicate did not write
are carried over. The staging folder replaces the kit in one move, so a failed update leaves the kit
untouched.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from pydantic import ValidationError

from replicate.errors import KitError
from replicate.kit.build import Progress, render_sources
from replicate.kit.destination import ANSWERS_FILE, destination_lock, staging_dir, swap_into_place
from replicate.kit.documents import build_documents, kit_documents
from replicate.kit.index import write_index
from replicate.kit.merge import has_conflict_markers, merge3
from replicate.kit.record import kit_state, render_digest, settings_digest, source_texts
from replicate.kit.state import (
    KitState,
    forms_digest,
    read_base,
    read_state,
    rules_version,
    template_digest,
    write_state,
)
from replicate.kit.update_files import carry_over, copy_formats, final_records, keep_local
from replicate.settings import Settings

REPORT_DIR = "aktualisierung"


@dataclass
class UpdateResult:
    """What :func:`update_kit` did."""

    kit: Path
    old_date: date | None
    new_date: date
    up_to_date: bool = False
    """Nothing changed: template, rules, forms, settings and date are those the kit was built from."""
    merged: list[str] = field(default_factory=list)
    """Sources where local edits and the new text were combined without conflict."""
    updated: list[str] = field(default_factory=list)
    """Sources replaced by the new text (no local edits)."""
    conflicts: list[str] = field(default_factory=list)
    """Sources with conflict markers; their formats were not rebuilt."""
    deleted: list[str] = field(default_factory=list)
    """Files deleted by hand; they stay deleted."""
    kept: list[str] = field(default_factory=list)
    """Formats or pages edited by hand; kept, not rebuilt."""
    beside: list[str] = field(default_factory=list)
    """Kits of an earlier release only: sources whose text and the new one could not be merged line by
    line (there is no recorded base); the kit's text is kept and the new one put beside the report."""
    added: list[str] = field(default_factory=list)
    """Sources new in this version."""
    dropped: list[str] = field(default_factory=list)
    """Sources the new version no longer has (removed, or kept where edited by hand)."""
    rules_changed: bool = False
    """The rules data differ from those the kit was built from (not only the reference date)."""
    rebuilt: int = 0
    """Number of documents whose formats were rebuilt."""
    report: Path | None = None
    """The update report (Markdown) inside the kit."""
    notes: list[str] = field(default_factory=list)


def settings_from_answers(kit: Path) -> Settings:
    """The settings recorded in the kit's answers file (paths of design files are not recorded there)."""
    path = kit / ANSWERS_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Settings(**{k: v for k, v in data.items() if not str(k).startswith("_")})
    except (OSError, yaml.YAMLError, AttributeError, TypeError, ValidationError) as exc:
        raise KitError(
            f"{path}: die gespeicherten Einstellungen des Kits sind nicht lesbar ({exc.__class__.__name__}). "
            "Geben Sie die Einstellungsdatei an: replicate update KIT --settings meine-stadt.toml"
        ) from None


def _check_kit(kit: Path) -> None:
    if kit.is_symlink():
        raise KitError(
            f"{kit}: ist ein symbolischer Verweis (auf {kit.readlink()}); geben Sie den Ordner des Kits "
            "selbst an."
        )
    if not kit.is_dir() or not (kit / ANSWERS_FILE).is_file():
        raise KitError(
            f"{kit}: ist kein Kit (es fehlt {ANSWERS_FILE}). Geben Sie den Ordner an, den replicate new "
            "angelegt hat."
        )


def up_to_date(state: KitState, settings: Settings) -> bool:
    """Whether building ``settings`` now would give exactly the kit ``state`` describes."""
    return (
        state.template_digest == template_digest()
        and state.rules_version == rules_version()
        and state.forms_digest == forms_digest()
        and state.settings_digest == settings_digest(settings)
        and state.render_digest == render_digest(settings)
    )


def update_kit(
    kit: Path,
    settings: Settings | None = None,
    *,
    reference_date: date | None = None,
    progress: Progress | None = None,
) -> UpdateResult:
    """Update ``kit`` to the current template and rules, with ``settings`` (default: the kit's own)."""
    kit = Path(kit)
    _check_kit(kit)
    state = read_state(kit)
    old = settings_from_answers(kit)
    if settings is None:
        settings = old
        if state is not None and state.design_files:
            raise KitError(
                f"{kit}: das Kit wurde mit Logo oder Word-Formatvorlage gebaut, deren Pfade nicht im Kit "
                "stehen. Geben Sie die Einstellungsdatei an: replicate update KIT --settings DATEI"
            )
    if reference_date is not None:
        settings = settings.model_copy(
            update={"kit": settings.kit.model_copy(update={"reference_date": reference_date})}
        )
    recorded = state.by_path() if state is not None else {}
    for record in recorded.values():
        path = kit / record.path
        if (
            record.kind == "source"
            and path.is_file()
            and has_conflict_markers(path.read_text(encoding="utf-8", errors="replace"))
        ):
            raise KitError(
                f"{path}: enthält noch Konfliktmarkierungen (<<<<<<< Ihre Fassung) aus der letzten "
                "Aktualisierung. Entscheiden Sie sich in der Datei für eine Fassung, löschen Sie die "
                "Markierungen und starten Sie replicate update erneut."
            )
    result = UpdateResult(
        kit=kit,
        old_date=state.reference_date if state is not None else old.kit.reference_date,
        new_date=settings.kit.reference_date,
    )
    result.rules_changed = state is None or state.rules_version != rules_version()
    if state is not None and up_to_date(state, settings):
        result.up_to_date = True
        return result
    with destination_lock(kit) as tidied:
        result.notes.extend(tidied)
        stage = staging_dir(kit)
        try:
            _update_into(stage, kit, state, old, settings, result, progress)
            swap_into_place(stage / "kit", kit)
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    return result


def _update_into(
    stage: Path,
    kit: Path,
    state: KitState | None,
    old: Settings,
    settings: Settings,
    result: UpdateResult,
    progress: Progress | None,
) -> None:
    """Build the updated kit in ``stage/kit``."""
    new_dir = stage / "kit"
    if progress:
        progress("Vorlage wird gerendert", 0, 1)
    origins = render_sources(settings, new_dir)
    pristine = source_texts(new_dir, origins)
    recorded = state.by_path() if state is not None else {}
    if state is None:
        legacy = render_sources(old, stage / "basis")
        bases = source_texts(stage / "basis", legacy)
        result.notes.append(
            "Dieses Kit stammt von einer früheren Fassung von replicate, die keinen Kit-Zustand speicherte. "
            "Als Ausgangsfassung dient die heutige Vorlage mit den Einstellungen des Kits; Abweichungen davon "
            "gelten als Ihre Änderungen und bleiben erhalten."
        )
        _renew_rule_documents(kit, new_dir, origins, bases, result)
    else:
        bases = {r.path: read_base(kit, r.path) or "" for r in recorded.values() if r.kind == "source"}
    unchanged: set[str] = set()
    for relative in sorted(set(pristine) | set(bases)):
        _merge_one(
            kit,
            new_dir,
            relative,
            bases.get(relative),
            pristine.get(relative),
            result,
            unchanged,
            state is None,
        )
    reuse = state is not None and state.render_digest == render_digest(settings)
    documents = kit_documents(new_dir)
    todo = []
    for document in documents:
        name = document.as_posix()
        if name in result.conflicts:
            copy_formats(kit, new_dir, name)  # never built from a file with conflict markers
        elif not (reuse and name in unchanged and copy_formats(kit, new_dir, name)):
            todo.append(document)
    result.rebuilt = len(todo)
    build_documents(settings, new_dir, progress, only=todo)
    write_index(settings, new_dir, documents)
    new_state = kit_state(settings, new_dir, origins, documents)
    keep_local(kit, new_dir, recorded, result)
    _write_report(new_dir, settings, result)
    records = final_records(new_state, recorded, pristine, result, kit, new_dir)
    write_state(new_dir, new_state.model_copy(update={"files": records}), pristine)
    carry_over(kit, new_dir, recorded)


def _renew_rule_documents(
    kit: Path, new_dir: Path, origins: dict[str, str], bases: dict[str, str], result: UpdateResult
) -> None:
    """Kits without a state: the documents written from the rules data and the form definition (not from
    the template) state the legal position and the current form; they cannot be merged line by line
    against a base that never existed, so they are written anew and the previous text is kept beside the
    update report."""
    renewed = []
    for relative, origin in sorted(origins.items()):
        local = kit / relative
        if origin not in ("Regeldaten", "Formulare") or not local.is_file():
            continue
        text = local.read_text(encoding="utf-8")
        bases[relative] = text  # so the merge takes the new text
        keep = new_dir / REPORT_DIR / "vorher" / relative
        keep.parent.mkdir(parents=True, exist_ok=True)
        keep.write_text(text, encoding="utf-8")
        renewed.append(relative)
    if renewed:
        result.notes.append(
            "Die Dokumente aus den Regeldaten und der Formulardefinition (Prüfschema, Regeln in Kraft, "
            "Formulare) wurden vollständig neu erzeugt, weil sie den Rechtsstand und das aktuelle Formular "
            f"wiedergeben; die bisherige Fassung liegt unter {REPORT_DIR}/vorher/."
        )


def _merge_one(
    kit: Path,
    new_dir: Path,
    relative: str,
    base: str | None,
    new: str | None,
    result: UpdateResult,
    unchanged: set[str],
    legacy: bool = False,
) -> None:
    local_path = kit / relative
    target = new_dir / relative
    local = local_path.read_text(encoding="utf-8") if local_path.is_file() else None
    if local is None:
        if base is not None and new is not None:  # deleted by hand: stays deleted
            target.unlink()
            result.deleted.append(relative)
        elif new is not None:
            result.added.append(relative)
        return
    if new is None:  # the new version no longer has it
        if base is not None and local != base:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(local, encoding="utf-8")
            result.kept.append(relative)
        result.dropped.append(relative)
        return
    merged = merge3(base if base is not None else "", local, new)
    if merged.conflicts and legacy:
        # The base of a kit without state is only a reconstruction: conflict markers all over a document
        # would not help anyone. The kit's text stays; the new one is put beside the update report.
        target.write_text(local, encoding="utf-8")
        beside = new_dir / REPORT_DIR / "neu" / relative
        beside.parent.mkdir(parents=True, exist_ok=True)
        beside.write_text(new, encoding="utf-8")
        result.beside.append(relative)
        return
    target.write_text(merged.text, encoding="utf-8")
    if merged.conflicts:
        result.conflicts.append(relative)
    elif merged.text == local:
        if local == base:  # the formats in the kit were built from exactly this text
            unchanged.add(relative)
    elif local != base:
        result.merged.append(relative)
    else:
        result.updated.append(relative)


def _write_report(new_dir: Path, settings: Settings, result: UpdateResult) -> None:
    from replicate.kit.update_report import write_report

    result.report = write_report(new_dir, REPORT_DIR, settings, result)
