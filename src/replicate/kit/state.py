"""What a kit records about itself: ``.replicate/state.json`` and the pristine sources in ``.replicate/base/``.

The state names the replicate version, digests of the template, the rules data and the forms, the date up
to which the law was checked, the reference date, a digest of the settings, and every generated file with
its digest, its kind and where it comes from. ``replicate update`` merges against the pristine copies, and
``--force`` replaces only a folder that holds such a state.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from replicate import __version__
from replicate.errors import KitError

STATE_DIR = ".replicate"
STATE_FILE = f"{STATE_DIR}/state.json"
BASE_DIR = f"{STATE_DIR}/base"
BASE_SUFFIX = ".base"
"""Appended to each pristine copy, so that a search for the kit's ``*.md`` documents never finds them."""
FORMAT = 1
"""Version of the state file's layout."""

Kind = Literal["source", "derived", "generated", "report"]
TEXT_SOURCE_SUFFIXES = (".md", ".yaml")
"""Generated files that are text sources: kept as a pristine copy and merged three-way on update."""


class FileRecord(BaseModel):
    """One file replicate wrote into the kit."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str
    """Path relative to the kit, with ``/``."""
    digest: str
    """SHA-256 of the file as written."""
    kind: Kind
    """``source`` (text, merged on update), ``derived`` (a format built from a source), ``generated``
    (written whole by replicate, e.g. the index page) or ``report`` (an update report)."""
    source: str
    """For ``derived``: the source's path; otherwise where the file comes from (template, rules, forms …)."""


class KitState(BaseModel):
    """The contents of ``.replicate/state.json``."""

    model_config = ConfigDict(extra="forbid")

    format: int = FORMAT
    """Layout version of this file."""
    replicate_version: str
    """replicate version that built or last updated the kit."""
    template_digest: str
    """Digest of the Copier template."""
    rules_version: str
    """Digest of the rules data (rule files and the law-checked date)."""
    law_checked_until: date
    """The rules data describe the law as published up to this date."""
    forms_digest: str
    """Digest of the form definitions, catalogs and form code."""
    reference_date: date
    """Stand der Rechtslage of the kit."""
    settings_digest: str
    """Digest of the settings (template answers plus design files)."""
    design_files: bool = False
    """Built with a logo or a Word style template (their paths are not recorded in the kit)."""
    render_digest: str
    """Digest of everything besides a source that shapes its formats (formats, footer, date, design files)."""
    files: list[FileRecord]
    """Every file replicate wrote, in path order."""

    def by_path(self) -> dict[str, FileRecord]:
        return {record.path: record for record in self.files}


def digest_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digest_file(path: Path) -> str:
    return digest_bytes(path.read_bytes())


def digest_tree(folder: Path, suffixes: tuple[str, ...] | None = None) -> str:
    """Digest of every file's relative path and bytes below ``folder`` (caches and bytecode left out)."""
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix in (".pyc", ".mo"):
            continue
        if suffixes is not None and path.suffix not in suffixes:
            continue
        h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def digest_json(value: Any) -> str:
    return digest_bytes(json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode())


@cache
def template_digest() -> str:
    from replicate.kit.template import template_path

    return digest_tree(template_path())


@cache
def forms_digest() -> str:
    from replicate import forms

    return digest_tree(Path(forms.__file__).parent)


@cache
def rules_version() -> str:
    from replicate.rules.loader import DATA_DIR

    return digest_tree(DATA_DIR)


def state_path(kit: Path) -> Path:
    return kit / STATE_FILE


def has_state(kit: Path) -> bool:
    """Whether ``kit`` holds a kit state file (a folder replicate built)."""
    return state_path(kit).is_file()


def read_state(kit: Path) -> KitState | None:
    """The kit's recorded state, ``None`` for a kit built before replicate recorded one."""
    path = state_path(kit)
    if not path.is_file():
        return None
    try:
        raw = json.loads(path.read_bytes())
        if isinstance(raw, dict) and isinstance(raw.get("format"), int) and raw["format"] > FORMAT:
            raise KitError(
                f"{path}: das Kit wurde mit einer neueren Fassung von replicate gebaut "
                f"({raw.get('replicate_version', 'unbekannt')}); installiert ist {__version__}. "
                "Installieren Sie die neuere Fassung: pip install --upgrade replicate-kit"
            )
        return KitState.model_validate(raw)
    except (ValidationError, OSError, ValueError) as exc:
        raise KitError(
            f"{path}: der Kit-Zustand ist beschädigt oder von Hand geändert ({exc.__class__.__name__}). "
            "Bauen Sie das Kit mit replicate new neu in einen neuen Ordner."
        ) from None


def write_state(kit: Path, state: KitState, sources: dict[str, str]) -> None:
    """Write ``state.json`` and the pristine copy of every text source (``sources``: path → text)."""
    base = kit / BASE_DIR
    for relative, text in sources.items():
        target = base / (relative + BASE_SUFFIX)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    text = json.dumps(state.model_dump(mode="json"), ensure_ascii=False, indent=1, sort_keys=False)
    state_path(kit).write_text(text + "\n", encoding="utf-8")


def read_base(kit: Path, relative: str) -> str | None:
    """The pristine text of a source as replicate last wrote it, if recorded."""
    path = kit / BASE_DIR / (relative + BASE_SUFFIX)
    return path.read_text(encoding="utf-8") if path.is_file() else None


def is_text_source(relative: str) -> bool:
    return relative.endswith(TEXT_SOURCE_SUFFIXES)
