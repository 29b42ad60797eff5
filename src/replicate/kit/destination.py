"""Checks on the destination folder, and the final atomic move into place."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from replicate.errors import KitError

ANSWERS_FILE = ".copier-answers.yml"


def check_destination(dest: Path, *, force: bool) -> None:
    """Refuse a non-empty destination (unless ``force``) and an unwritable parent, before any work."""
    if dest.exists() and not dest.is_dir():
        raise KitError(f"{dest}: ist eine Datei, kein Ordner. Wählen Sie einen anderen Zielordner.")
    if dest.is_dir() and any(dest.iterdir()):
        if not force:
            raise KitError(
                f"{dest}: der Zielordner ist nicht leer. Wählen Sie einen neuen Ordner oder ersetzen Sie "
                "das vorhandene Kit ausdrücklich mit --force."
            )
        if not (dest / ANSWERS_FILE).is_file():
            raise KitError(
                f"{dest}: der Ordner enthält kein Kit (es fehlt {ANSWERS_FILE}); --force ersetzt nur ein "
                "früher erzeugtes Kit. Wählen Sie einen leeren oder neuen Ordner."
            )
    parent = dest.parent if dest.parent != Path("") else Path(".")
    existing = parent
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise KitError(
            f"{dest}: {existing} ist eine Datei, kein Ordner. Wählen Sie einen anderen Zielordner."
        )
    if not os.access(existing, os.W_OK | os.X_OK):
        raise KitError(
            f"{dest}: in {existing} darf nicht geschrieben werden. Wählen Sie einen Ordner mit Schreibrecht."
        )


def staging_dir(dest: Path) -> Path:
    """A fresh temporary folder on the same file system as ``dest`` (so the final move is atomic)."""
    parent = dest.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f".{dest.name}.replicate-", dir=parent))
    except OSError as exc:
        raise KitError(
            f"{dest}: der Ordner {parent} ist nicht beschreibbar ({exc.strerror}). "
            "Wählen Sie einen Ordner, in dem Sie schreiben dürfen."
        ) from exc


def move_into_place(built: Path, dest: Path) -> None:
    """Replace ``dest`` by ``built``; an existing kit is swapped out and removed only after the move."""
    dest = dest.resolve()
    backup: Path | None = None
    if dest.exists():
        backup = dest.with_name(f".{dest.name}.replicate-old")
        if backup.exists():
            shutil.rmtree(backup)
        os.replace(dest, backup)
    try:
        os.replace(built, dest)
    except OSError as exc:
        if backup is not None:
            os.replace(backup, dest)
        raise KitError(f"{dest}: das Kit konnte nicht an seinen Platz verschoben werden ({exc}).") from exc
    if backup is not None:
        shutil.rmtree(backup, ignore_errors=True)
