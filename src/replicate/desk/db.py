"""The two ways into the desk's database file, behind one small interface.

* plain: the standard library's ``sqlite3`` (an unencrypted SQLite file);
* encrypted: SQLite3 Multiple Ciphers through ``apsw-sqlite3mc`` (cipher ChaCha20-Poly1305, key derived
  from the passphrase by SQLite3 Multiple Ciphers' PBKDF2-SHA256); the file has no SQLite header and no
  readable text.

Both give the same schema, migrations, WAL, transactions and online backup; the store only talks to
:class:`Connection`. Errors of either library arrive as :class:`DbFailure` (and its two special cases), so
that the store turns them into German messages in one place.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

HEADER = b"SQLite format 3\x00"
"""The first 16 bytes of every unencrypted SQLite file."""
CIPHER = "chacha20"
"""The cipher of an encrypted desk (pinned, so that a later default of the library cannot lock a file out)."""
KDF_ITER = 64007
"""PBKDF2-SHA256 rounds deriving the key from the passphrase (SQLite3 Multiple Ciphers' value for ChaCha20,
pinned for the same reason)."""
BUSY_MS = 30_000
"""How long a connection waits for another one's write transaction."""

Row = tuple[Any, ...]


class DbFailure(Exception):
    """A database error of either path; the text is SQLite's."""


class Duplicate(DbFailure):
    """A UNIQUE constraint refused a row."""


class Locked(DbFailure):
    """The key is wrong, the file is encrypted and no key was given, or the file is no database."""


class Cursor(Protocol):
    """What both libraries' cursors offer and the store uses."""

    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """One connection to the desk's database, in autocommit mode (transactions are opened explicitly)."""

    encrypted: bool

    def execute(self, sql: str, params: Sequence[object] = ()) -> Cursor: ...
    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None: ...
    def insert(self, sql: str, params: Sequence[object]) -> int: ...
    def change(self, sql: str, params: Sequence[object]) -> int: ...
    def copy_to(self, target: Path) -> None: ...
    def copy_from(self, source: Connection) -> None: ...
    def close(self) -> None: ...


PLAIN_FRACTIONS = b"\x40\x20\x20"
"""Bytes 21–23 of every SQLite file (payload fractions 64, 32, 32); SQLite3 Multiple Ciphers leaves bytes
16–23 of the first page unencrypted, so an encrypted desk file has them too, after 16 random bytes."""


def kind_of(path: Path) -> str:
    """What ``path`` holds: ``"neu"`` (missing or empty), ``"klar"`` (an unencrypted SQLite file),
    ``"verschluesselt"`` (an encrypted one) or ``"fremd"`` (anything else)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(24)
    except FileNotFoundError:
        return "neu"
    if not head:
        return "neu"
    if head.startswith(HEADER):
        return "klar"
    return "verschluesselt" if head[21:24] == PLAIN_FRACTIONS else "fremd"


@contextlib.contextmanager
def _plain_errors() -> Iterator[None]:
    try:
        yield
    except sqlite3.IntegrityError as exc:
        raise Duplicate(str(exc)) from None
    except sqlite3.DatabaseError as exc:
        raise DbFailure(str(exc)) from None


class PlainConnection:
    """A connection through the standard library's ``sqlite3``."""

    encrypted = False

    def __init__(self, path: Path, readonly: bool = False) -> None:
        with _plain_errors():
            if readonly:
                self.raw = sqlite3.connect(
                    f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None
                )
            else:
                self.raw = sqlite3.connect(
                    path, isolation_level=None, check_same_thread=False, timeout=BUSY_MS / 1000
                )

    def execute(self, sql: str, params: Sequence[object] = ()) -> Cursor:
        with _plain_errors():
            return self.raw.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        with _plain_errors():
            self.raw.executemany(sql, rows)

    def insert(self, sql: str, params: Sequence[object]) -> int:
        with _plain_errors():
            rowid = self.raw.execute(sql, params).lastrowid
        assert rowid is not None
        return rowid

    def change(self, sql: str, params: Sequence[object]) -> int:
        with _plain_errors():
            return self.raw.execute(sql, params).rowcount

    def copy_to(self, target: Path) -> None:
        with _plain_errors():
            other = sqlite3.connect(target)
            try:
                self.raw.backup(other)
            finally:
                other.close()

    def copy_from(self, source: Connection) -> None:
        if not isinstance(source, PlainConnection):
            raise DbFailure("eine verschlüsselte Sicherung passt nicht zu einer unverschlüsselten Datenbank")
        with _plain_errors():
            source.raw.backup(self.raw)

    def close(self) -> None:
        self.raw.close()


@contextlib.contextmanager
def _cipher_errors() -> Iterator[None]:
    import apsw

    try:
        yield
    except apsw.ConstraintError as exc:
        raise Duplicate(str(exc)) from None
    except apsw.NotADBError as exc:
        raise Locked(str(exc)) from None
    except apsw.Error as exc:
        raise DbFailure(str(exc)) from None


class CipherConnection:
    """A connection through ``apsw`` with SQLite3 Multiple Ciphers, keyed with the passphrase."""

    encrypted = True

    def __init__(self, path: Path, passphrase: str, readonly: bool = False) -> None:
        import apsw

        flags = (
            apsw.SQLITE_OPEN_READONLY if readonly else apsw.SQLITE_OPEN_READWRITE | apsw.SQLITE_OPEN_CREATE
        )
        self._key = passphrase
        with _cipher_errors():
            self.raw = apsw.Connection(str(path), flags=flags)
            self.raw.set_busy_timeout(BUSY_MS)
            self.raw.pragma("cipher", CIPHER)
            self.raw.pragma("kdf_iter", KDF_ITER)
            self.raw.pragma("key", passphrase)
            self.raw.execute("SELECT count(*) FROM sqlite_master").fetchall()  # a wrong key fails here

    def execute(self, sql: str, params: Sequence[object] = ()) -> Cursor:
        with _cipher_errors():
            cursor: Cursor = self.raw.execute(sql, params)  # type: ignore[arg-type]
            return cursor

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        with _cipher_errors():
            self.raw.executemany(sql, rows)  # type: ignore[arg-type]

    def insert(self, sql: str, params: Sequence[object]) -> int:
        with _cipher_errors():
            self.raw.execute(sql, params)  # type: ignore[arg-type]
            return self.raw.last_insert_rowid()

    def change(self, sql: str, params: Sequence[object]) -> int:
        with _cipher_errors():
            self.raw.execute(sql, params)  # type: ignore[arg-type]
            return self.raw.changes()

    def copy_to(self, target: Path) -> None:
        """Online backup into a new file keyed with the same passphrase (same cipher, same page layout)."""
        other = CipherConnection(target, self._key)
        try:
            other.copy_from(self)
        finally:
            other.close()

    def copy_from(self, source: Connection) -> None:
        if not isinstance(source, CipherConnection):
            raise DbFailure("eine unverschlüsselte Quelle muss erst verschlüsselt kopiert werden")
        with _cipher_errors(), self.raw.backup("main", source.raw, "main") as job:
            job.step(-1)

    def close(self) -> None:
        self.raw.close()


def open_connection(path: Path, passphrase: str | None, readonly: bool = False) -> Connection:
    """A connection on the path that fits: encrypted with a passphrase, plain without one."""
    if passphrase is None:
        return PlainConnection(path, readonly)
    return CipherConnection(path, passphrase, readonly)
