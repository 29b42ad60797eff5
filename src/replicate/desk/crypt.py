"""Encryption at rest for the desk: which kind a file is, encrypting a copy, encrypting a file in place.

An unencrypted database cannot be copied page by page into an encrypted one (the cipher keeps a nonce and
an authentication tag in every page), so an encrypted copy is made in two steps: an online backup into a new
file, then ``PRAGMA rekey`` on that file, which SQLite3 Multiple Ciphers only allows outside WAL mode.
"""

from __future__ import annotations

import os
from pathlib import Path

from replicate.desk.db import (
    CIPHER,
    KDF_ITER,
    CipherConnection,
    Connection,
    DbFailure,
    Locked,
    PlainConnection,
    kind_of,
)
from replicate.desk.migrations import LATEST
from replicate.errors import DeskError
from replicate.oswords import reason

ENV_PASSPHRASE = "REPLICATE_DESK_PASSPHRASE"
"""Environment variable with the passphrase (instead of typing it at the start)."""
MIN_PASSPHRASE = 12
"""Shortest passphrase accepted for a new encrypted file (it alone protects the cases on a lost laptop)."""


def wrong_passphrase(path: Path) -> str:
    """The message for a passphrase that does not open ``path``."""
    return (
        f"{path}: die Passphrase ist falsch (oder die Datei ist keine Datenbank von replicate desk). Geben Sie "
        "die Passphrase noch einmal ein; ohne die richtige Passphrase sind die Fälle nicht lesbar."
    )


def missing_passphrase(path: Path) -> str:
    """The message for an encrypted file opened without passphrase."""
    return (
        f"{path}: Die Datei ist verschlüsselt. Starten Sie den Schreibtisch im Terminal, dann fragt er nach "
        f"der Passphrase, oder setzen Sie sie in der Umgebungsvariablen {ENV_PASSPHRASE}."
    )


def check_kind(path: Path, passphrase: str | None) -> None:
    """Refuse an encrypted file without passphrase and an unencrypted one with a passphrase."""
    kind = kind_of(path)
    if kind == "verschluesselt" and passphrase is None:
        raise DeskError(missing_passphrase(path))
    if kind == "klar" and passphrase is not None:
        raise DeskError(
            f"{path}: die Datei ist nicht verschlüsselt, es wurde aber eine Passphrase angegeben. Verschlüsseln "
            f"Sie sie einmal mit „replicate desk --db {path.name} --verschluesseln“ oder starten Sie ohne "
            f"Passphrase ({ENV_PASSPHRASE} nicht setzen)."
        )


def check_new_passphrase(passphrase: str) -> None:
    """A passphrase for a new encrypted file must be long enough."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise DeskError(
            f"Passphrase: zu kurz ({len(passphrase)} Zeichen). Wählen Sie mindestens {MIN_PASSPHRASE} Zeichen, "
            "z. B. vier zufällige Wörter; ohne sie sind die Fälle nicht wiederherstellbar, bewahren Sie sie "
            "getrennt vom Rechner auf."
        )


def encrypted_copy(source: Connection, target: Path, passphrase: str) -> None:
    """Write an encrypted copy of the unencrypted database ``source`` to the new file ``target``."""
    import apsw

    if source.encrypted:
        raise DbFailure("die Quelle ist schon verschlüsselt")
    source.copy_to(target)
    try:
        raw = apsw.Connection(str(target))
        try:
            raw.pragma("journal_mode", "delete")  # rekey of an unencrypted file refuses WAL mode
            raw.pragma("cipher", CIPHER)
            raw.pragma("kdf_iter", KDF_ITER)
            raw.pragma("rekey", passphrase)
        finally:
            raw.close()
        keyed = CipherConnection(target, passphrase)
        try:
            keyed.execute("PRAGMA journal_mode = WAL").fetchall()
        finally:
            keyed.close()
    except apsw.Error as exc:
        raise DbFailure(str(exc)) from None


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def check_encryptable(path: Path) -> None:
    """``path`` is an unencrypted database that no desk has open (checked before asking for a passphrase)."""
    kind = kind_of(path)
    if kind == "neu":
        raise DeskError(
            f"{path}: die Datei gibt es nicht (oder sie ist leer). Prüfen Sie Pfad und Dateinamen."
        )
    if kind == "verschluesselt":
        raise DeskError(f"{path}: die Datei ist schon verschlüsselt.")
    if kind == "fremd":
        raise DeskError(f"{path}: ist keine Datenbank von replicate desk; sie bleibt unverändert.")
    for side in ("-wal", "-shm"):
        if path.with_name(path.name + side).exists():
            raise DeskError(
                f"{path}: die Datenbank ist gerade geöffnet (läuft der Schreibtisch noch?) oder wurde nicht sauber "
                "beendet. Beenden Sie den Schreibtisch mit Strg+C (nach einem Absturz: einmal starten und "
                "beenden) und verschlüsseln Sie dann."
            )


def encrypt_file(path: Path, passphrase: str) -> int:
    """Encrypt the unencrypted desk database ``path`` in place; return the number of cases.

    The copy is made with SQLite's online backup, checked (same number of cases, readable with the
    passphrase) and then moved over the original in one step; on any error the original stays untouched.
    """
    check_encryptable(path)
    check_new_passphrase(passphrase)
    staged = path.with_name(f".{path.name}.verschluesselt")
    staged.unlink(missing_ok=True)
    try:
        source = PlainConnection(path, readonly=True)
        try:
            version = int(source.execute("PRAGMA user_version").fetchone()[0])
            if version < 1 or version > LATEST:
                raise DeskError(
                    f"{path}: ist keine Datenbank von replicate desk (Schema {version}); sie bleibt unverändert."
                )
            count = int(source.execute("SELECT count(*) FROM cases").fetchone()[0])
            encrypted_copy(source, staged, passphrase)
        finally:
            source.close()
        check = CipherConnection(staged, passphrase, readonly=True)
        try:
            copied = int(check.execute("SELECT count(*) FROM cases").fetchone()[0])
        finally:
            check.close()
        if copied != count or kind_of(staged) != "verschluesselt":
            raise DbFailure(f"die Kopie hat {copied} statt {count} Fällen")
        _fsync(staged)
        os.replace(staged, path)
        for side in ("-wal", "-shm"):  # left by the read-only look at the unencrypted file, if any
            path.with_name(path.name + side).unlink(missing_ok=True)
        _fsync(path.parent)
    except (Locked, DbFailure) as exc:
        raise DeskError(
            f"{path}: kann nicht verschlüsselt werden ({exc}); die Datei bleibt unverändert."
        ) from None
    except OSError as exc:
        raise DeskError(
            f"{path}: kann nicht verschlüsselt werden ({reason(exc)}); die Datei bleibt unverändert."
        ) from None
    finally:
        for leftover in (
            staged,
            staged.with_name(staged.name + "-wal"),
            staged.with_name(staged.name + "-shm"),
        ):
            leftover.unlink(missing_ok=True)
    return count
