"""Describe a freshly built kit folder as a :class:`~replicate.kit.state.KitState`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from replicate import __version__
from replicate.kit.state import (
    STATE_DIR,
    FileRecord,
    Kind,
    KitState,
    digest_file,
    digest_json,
    forms_digest,
    is_text_source,
    rules_version,
    template_digest,
)
from replicate.settings import Settings

INDEX = "index.html"


def source_texts(kit_dir: Path, origins: dict[str, str]) -> dict[str, str]:
    """The pristine text of every text source among the written files (path → text)."""
    return {
        relative: (kit_dir / relative).read_text(encoding="utf-8")
        for relative in sorted(origins)
        if is_text_source(relative)
    }


def _design(settings: Settings) -> dict[str, Any]:
    """Digests of the corporate-design files (their paths differ between machines, their bytes do not)."""
    return {
        key: digest_file(path) if path is not None else None
        for key, path in (("logo", settings.kit.logo), ("reference_docx", settings.kit.reference_docx))
    }


def settings_digest(settings: Settings) -> str:
    return digest_json({"answers": settings.template_data(), "design": _design(settings)})


def render_digest(settings: Settings) -> str:
    """Everything besides a document's source that shapes its HTML, DOCX, ODT and PDF."""
    kit = settings.kit
    return digest_json(
        {
            "version": __version__,
            "formats": list(kit.formats),
            "languages": list(kit.client_languages),
            "project": settings.advice_service.project_name,
            "date": kit.reference_date.isoformat(),
            "design": _design(settings),
        }
    )


def law_checked_until() -> Any:
    from replicate.rules.law import law_status

    return law_status().checked_until


def kit_state(settings: Settings, kit_dir: Path, origins: dict[str, str], documents: list[Path]) -> KitState:
    """Record every file in ``kit_dir`` (the state folder left out) with its kind, source and digest."""
    derived: dict[str, str] = {}
    for document in documents:
        stem = document.with_suffix("").as_posix()
        for fmt in settings.kit.formats:
            derived[f"{stem}.{fmt}"] = document.as_posix()
    records = []
    for path in sorted(kit_dir.rglob("*")):
        relative = path.relative_to(kit_dir).as_posix()
        if not path.is_file() or relative.startswith(STATE_DIR + "/"):
            continue
        kind: Kind
        if relative in derived:
            kind, source = "derived", derived[relative]
        elif relative in origins:
            kind = "source" if is_text_source(relative) else "generated"
            source = origins[relative]
        else:
            kind, source = "generated", "Übersicht" if relative == INDEX else "replicate"
        records.append(FileRecord(path=relative, digest=digest_file(path), kind=kind, source=source))
    return KitState(
        replicate_version=__version__,
        template_digest=template_digest(),
        rules_version=rules_version(),
        law_checked_until=law_checked_until(),
        forms_digest=forms_digest(),
        reference_date=settings.kit.reference_date,
        settings_digest=settings_digest(settings),
        render_digest=render_digest(settings),
        design_files=settings.kit.logo is not None or settings.kit.reference_docx is not None,
        files=records,
    )
