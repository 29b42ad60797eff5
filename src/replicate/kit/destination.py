"""The destination folder: checks before any work, a lock per destination, leftovers of interrupted runs,
and the final atomic move into place.

``--force`` replaces only a folder that replicate built (it holds replicate's kit state), never one with a
``.git`` folder, and lists what would be lost that replicate did not write (files added or changed by
hand); those are discarded only when the user confirms separately. Every run on a destination holds a
lock file next to it, so two runs cannot build into the same folder at once, and staging folders found
while holding the lock belong to no running process and are removed.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from replicate.errors import KitError
from replicate.kit.state import STATE_DIR, digest_file, has_state, read_state

ANSWERS_FILE = ".copier-answers.yml"
SHOWN = 15
"""How many files a refusal lists by name."""


def _hidden(dest: Path, suffix: str) -> Path:
    return dest.with_name(f".{dest.name}.replicate-{suffix}")


def old_kit_path(dest: Path) -> Path:
    """Where an existing kit waits while the new one is moved into place."""
    return _hidden(dest, "old")


def lock_path(dest: Path) -> Path:
    return _hidden(dest, "lock")


def _absolute(dest: Path) -> Path:
    """``dest`` made absolute without following a symlink at ``dest`` itself."""
    dest = Path(os.path.abspath(dest))
    return dest.parent.resolve() / dest.name


def check_destination(dest: Path, *, force: bool, discard: bool = False) -> None:
    """Refuse an unusable destination before any work (and again right before the final move)."""
    from replicate.kit.template import template_path

    if dest.is_symlink():
        raise KitError(
            f"{dest}: ist ein symbolischer Verweis (auf {os.readlink(dest)}). replicate folgt ihm nicht; "
            "geben Sie den Zielordner selbst an."
        )
    absolute = _absolute(dest)
    template = template_path().resolve()
    if absolute == template or template in absolute.parents:
        raise KitError(
            f"{dest}: liegt im Vorlagenordner von replicate ({template}). Wählen Sie einen Zielordner "
            "außerhalb davon."
        )
    if dest.exists() and not dest.is_dir():
        raise KitError(f"{dest}: ist eine Datei, kein Ordner. Wählen Sie einen anderen Zielordner.")
    if dest.is_dir() and any(dest.iterdir()):
        if not force:
            raise KitError(
                f"{dest}: der Zielordner ist nicht leer. Wählen Sie einen neuen Ordner oder ersetzen Sie "
                "das vorhandene Kit ausdrücklich mit --force."
            )
        _check_replaceable(dest, discard=discard)
    parent = absolute.parent
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


def _check_replaceable(dest: Path, *, discard: bool) -> None:
    """``--force``: only a kit replicate built, no ``.git``; list what would be lost unless confirmed."""
    if (dest / ".git").exists():
        raise KitError(
            f"{dest}: der Ordner enthält einen .git-Ordner (Versionsverwaltung); --force ersetzt ihn nicht. "
            "Aktualisieren Sie das Kit mit replicate update oder wählen Sie einen neuen Ordner."
        )
    if not has_state(dest):
        raise KitError(
            f"{dest}: der Ordner enthält kein von replicate gebautes Kit (es fehlt {STATE_DIR}/state.json); "
            "--force ersetzt nur ein solches Kit. Wählen Sie einen leeren oder neuen Ordner. Ein Kit einer "
            "früheren Fassung von replicate bringt replicate update auf den neuen Stand."
        )
    lost = foreign_files(dest)
    if lost and not discard:
        shown = "\n".join(f"  {name}" for name in lost[:SHOWN])
        more = f"\n  … und {len(lost) - SHOWN} weitere" if len(lost) > SHOWN else ""
        raise KitError(
            f"{dest}: --force würde {len(lost)} Datei(en) löschen, die nicht von replicate stammen oder "
            f"nach dem Bau geändert wurden:\n{shown}{more}\nSichern Sie diese Dateien oder übernehmen Sie "
            "Ihre Änderungen mit replicate update. Wenn sie wirklich verloren gehen dürfen, wiederholen Sie "
            "den Befehl mit --force --discard-local."
        )


def foreign_files(kit: Path) -> list[str]:
    """Files in ``kit`` that replicate did not write, or that changed since it wrote them."""
    state = read_state(kit)
    recorded = state.by_path() if state is not None else {}
    found = []
    for path in sorted(kit.rglob("*")):
        relative = path.relative_to(kit).as_posix()
        if relative == STATE_DIR or relative.startswith(STATE_DIR + "/"):
            continue
        if path.is_dir() and not path.is_symlink():
            continue
        record = recorded.get(relative)
        if record is None or path.is_symlink() or digest_file(path) != record.digest:
            found.append(relative)
    return found


@contextmanager
def destination_lock(dest: Path) -> Iterator[list[str]]:
    """Hold the lock of ``dest`` (or fail at once if another run holds it); then tidy up after interrupted
    runs. Yields notes about what was tidied."""
    absolute = _absolute(dest)
    try:
        absolute.parent.mkdir(parents=True, exist_ok=True)
        fd = _acquire(lock_path(absolute))
    except OSError as exc:
        raise KitError(
            f"{dest}: der Ordner {absolute.parent} ist nicht beschreibbar ({exc.strerror}). "
            "Wählen Sie einen Ordner, in dem Sie schreiben dürfen."
        ) from exc
    try:
        yield recover(absolute)
    finally:
        with suppress(OSError):
            os.unlink(lock_path(absolute))
        os.close(fd)


def _acquire(path: Path) -> int:
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise KitError(
                f"{path.with_name(path.name.removeprefix('.').removesuffix('.replicate-lock'))}: ein "
                "anderer replicate-Lauf arbeitet gerade an diesem Zielordner. Warten Sie, bis er fertig ist, "
                "und versuchen Sie es dann erneut."
            ) from None
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino  # not unlinked by a run that just finished
        except FileNotFoundError:
            same = False
        if same:
            return fd
        os.close(fd)


def recover(dest: Path) -> list[str]:
    """Tidy up after an interrupted run (call with the lock held): restore an orphaned old kit, remove an
    old kit that was already replaced, and remove staging folders (no running process owns them)."""
    notes: list[str] = []
    old = old_kit_path(dest)
    if old.is_dir() and not old.is_symlink():
        if not dest.exists() and not dest.is_symlink():
            os.replace(old, dest)
            notes.append(
                f"Ein unterbrochener Lauf hatte das bisherige Kit als {old.name} zurückgelassen; es wurde "
                f"nach {dest} zurückgelegt."
            )
        else:
            shutil.rmtree(old, ignore_errors=True)
    prefix = f".{dest.name}.replicate-"
    stale = [
        p
        for p in dest.parent.glob(f"{glob_escape(prefix)}*")
        if p.is_dir() and not p.is_symlink() and _is_staging_name(p.name[len(prefix) :])
    ]
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)
    if stale:
        notes.append(f"{len(stale)} Arbeitsordner unterbrochener Läufe neben {dest.name} wurden entfernt.")
    return notes


def _is_staging_name(tail: str) -> bool:
    """Whether the part after the prefix is one of :func:`tempfile.mkdtemp`'s random names (so that the
    staging folder of a destination called, say, ``kit.replicate-2`` is never taken for one of ``kit``)."""
    return len(tail) == 8 and all(ch.isalnum() or ch == "_" for ch in tail)


def glob_escape(text: str) -> str:
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in text)


def staging_dir(dest: Path) -> Path:
    """A fresh temporary folder on the same file system as ``dest`` (so the final move is atomic)."""
    parent = _absolute(dest).parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f".{dest.name}.replicate-", dir=parent))
    except OSError as exc:
        raise KitError(
            f"{dest}: der Ordner {parent} ist nicht beschreibbar ({exc.strerror}). "
            "Wählen Sie einen Ordner, in dem Sie schreiben dürfen."
        ) from exc


def move_into_place(built: Path, dest: Path, *, replace: bool, discard: bool = False) -> None:
    """Move ``built`` to ``dest``; call with the destination lock held.

    The destination is checked again first, so that nothing that appeared meanwhile is overwritten. A new
    kit is moved with a rename that fails on a non-empty folder. An existing kit (``replace``) is swapped
    out to ``.NAME.replicate-old`` and removed only after the move; an interruption in between is repaired
    by :func:`recover` on the next run.
    """
    check_destination(dest, force=replace, discard=discard)
    swap_into_place(built, dest)


def swap_into_place(built: Path, dest: Path) -> None:
    """Put ``built`` where ``dest`` is (an existing folder is swapped out, then removed)."""
    dest = _absolute(dest)
    backup: Path | None = None
    if dest.is_dir() and any(dest.iterdir()):
        backup = old_kit_path(dest)
        if backup.exists():
            shutil.rmtree(backup)
        os.replace(dest, backup)
    try:
        os.rename(built, dest)
    except OSError as exc:
        if backup is not None:
            os.replace(backup, dest)
        raise KitError(
            f"{dest}: das Kit konnte nicht an seinen Platz verschoben werden ({exc.strerror}); vermutlich "
            "hat ein anderes Programm den Ordner inzwischen angelegt. Nichts wurde überschrieben."
        ) from exc
    if backup is not None:
        shutil.rmtree(backup, ignore_errors=True)
