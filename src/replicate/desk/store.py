"""The case register on SQLite: one file, WAL, every change in one transaction, optimistic locking.

Records are stored as case-record JSON and validated by :func:`replicate.caserecord.parse_case` on the
way in and out; the columns next to them (status, last contact, deadlines) are derived for the list and
the board. Every change writes one audit line with the pseudonym and the action, never other data.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from replicate.caserecord import CaseRecord, parse_case
from replicate.desk.crypt import check_kind, encrypted_copy, wrong_passphrase
from replicate.desk.db import Connection, DbFailure, Duplicate, Locked, kind_of, open_connection
from replicate.desk.migrations import LATEST, MIGRATIONS
from replicate.desk.summary import OPEN, Summary, summarise
from replicate.errors import DeskError, Problem, StaleCaseError
from replicate.oswords import reason
from replicate.rules.ruleset import RuleSet

MAX_LIST = 500
"""Most cases shown on one page of the case list (the search narrows it down)."""


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list."""

    case_id: str
    status: str
    next_deadline: str | None
    last_contact: str | None


@dataclass(frozen=True)
class StoredCase:
    """A case as stored: the validated record and the version a change must name."""

    record: CaseRecord
    version: int
    updated: str


@dataclass(frozen=True)
class BoardRow:
    """One deadline on the board."""

    due: str
    case_id: str
    label: str
    pathway: str
    reference: str


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def record_json(record: CaseRecord) -> str:
    """The stored form of a record: compact JSON without the fields left unknown."""
    return record.model_dump_json(exclude_none=True)


def migrate(conn: Connection) -> int:
    """Bring the database to :data:`LATEST` in one transaction; return the version it had."""
    found = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if found > LATEST:
        raise DeskError(
            f"die Datenbank stammt aus einer neueren Version von replicate (Schema {found}, diese kennt "
            f"{LATEST}). Aktualisieren Sie replicate."
        )
    if found == LATEST:
        return found
    conn.execute("BEGIN IMMEDIATE")
    try:
        for number in range(found, LATEST):
            for statement in MIGRATIONS[number].split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return found


def _check_version(path: Path, passphrase: str | None) -> None:
    conn = open_connection(path, passphrase, readonly=True)
    try:
        found = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()
    if found > LATEST:
        raise DeskError(
            f"{path}: die Datenbank stammt aus einer neueren Version von replicate (Schema {found}, diese kennt "
            f"{LATEST}). Aktualisieren Sie replicate."
        )


class Store:
    """The case register in the SQLite file ``path`` (created when missing).

    With ``passphrase`` the file is encrypted (see :mod:`replicate.desk.db`); an encrypted file without it,
    a plain file with it and a wrong passphrase are refused before anything is written.
    """

    def __init__(self, path: Path, rules: RuleSet, actor: str = "", passphrase: str | None = None) -> None:
        self.path = path
        self.rules = rules
        self.actor = actor
        """Who works with this desk (shown in the audit log); never a client."""
        self.passphrase = passphrase
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._idle: list[Connection] = []
        self._pool_lock = threading.Lock()
        if path.is_dir():
            raise DeskError(
                f"{path}: ist ein Ordner. Geben Sie bei --db eine Datei an, z. B. beratung.sqlite."
            )
        if not path.parent.is_dir():
            raise DeskError(f"{path}: den Ordner {path.parent} gibt es nicht. Legen Sie ihn an.")
        check_kind(path, passphrase)
        try:
            if path.exists():  # read-only first: a foreign or newer file is left byte for byte
                _check_version(path, passphrase)
            migrate(self.conn)
        except Locked:
            raise DeskError(wrong_passphrase(path)) from None
        except DbFailure as exc:
            raise DeskError(
                f"{path}: ist keine lesbare Datenbank von replicate desk ({exc}). Geben Sie eine andere "
                "Datei an oder stellen Sie eine Sicherung wieder her."
            ) from None

    @property
    def encrypted(self) -> bool:
        """The database file is encrypted."""
        return self.passphrase is not None

    @property
    def conn(self) -> Connection:
        """This thread's connection (autocommit; transactions are opened explicitly).

        A connection given back with :meth:`release` is used again by the next request: opening an
        encrypted one costs a key derivation.
        """
        conn: Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            with self._pool_lock:
                conn = self._idle.pop() if self._idle else None
            if conn is None:
                conn = self._open()
            self._local.conn = conn
        return conn

    def _open(self) -> Connection:
        try:
            conn = open_connection(self.path, self.passphrase)
            conn.execute("PRAGMA journal_mode = WAL").fetchall()
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
        except Locked:
            raise DeskError(wrong_passphrase(self.path)) from None
        except DbFailure as exc:
            raise DeskError(f"{self.path}: Datenbank kann nicht geöffnet werden ({exc}).") from None
        return conn

    def release(self) -> None:
        """Give this thread's connection back for the next request."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            self._local.conn = None
            with self._pool_lock:
                self._idle.append(conn)

    def close(self) -> None:
        """Close this thread's connection and the idle ones."""
        self.release()
        with self._pool_lock:
            while self._idle:
                self._idle.pop().close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction: all of it is committed, or none of it."""
        conn = self.conn
        with self._write_lock:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    # reading

    def list_cases(self, search: str = "", status: str = "") -> list[CaseRow]:
        """Cases whose pseudonym contains ``search`` (and with ``status``), next deadline first."""
        sql = "SELECT case_id, status, next_deadline, last_contact FROM cases WHERE instr(lower(case_id), ?) > 0"
        params: list[object] = [search.strip().lower()]
        if status:
            sql += " AND status = ?"
            params.append(status)
        sql += " ORDER BY next_deadline IS NULL, next_deadline, case_id LIMIT ?"
        params.append(MAX_LIST)
        return [CaseRow(*row) for row in self.conn.execute(sql, params)]

    def count(self) -> int:
        """Number of cases in the register."""
        return int(self.conn.execute("SELECT count(*) FROM cases").fetchone()[0])

    def get(self, case_id: str) -> StoredCase | None:
        """The case with this pseudonym, or None."""
        row = self.conn.execute(
            "SELECT record, version, updated FROM cases WHERE case_id = ?", (case_id,)
        ).fetchone()
        if row is None:
            return None
        return StoredCase(parse_case(json.loads(row[0])), row[1], row[2])

    def board(self, today: dt.date, days: int) -> list[BoardRow]:
        """Deadlines of open cases from ``today`` to ``today + days``, earliest first."""
        end = today + dt.timedelta(days=days)
        rows = self.conn.execute(
            "SELECT d.due, c.case_id, d.label, d.pathway, d.reference FROM deadlines d "
            "JOIN cases c ON c.id = d.case_ref WHERE c.status = ? AND d.due BETWEEN ? AND ? "
            "ORDER BY d.due, c.case_id, d.label",
            (OPEN, today.isoformat(), end.isoformat()),
        )
        return [BoardRow(*row) for row in rows]

    def audit(self, limit: int = 200) -> list[tuple[str, str, str, str]]:
        """The latest audit lines: (time UTC, who, action, pseudonym)."""
        return list(
            self.conn.execute(
                "SELECT at, actor, action, case_id FROM audit ORDER BY id DESC LIMIT ?", (limit,)
            )
        )

    def records(self) -> Iterator[CaseRecord]:
        """Every record, by pseudonym (for export)."""
        for (text,) in self.conn.execute("SELECT record FROM cases ORDER BY case_id"):
            yield parse_case(json.loads(text))

    # writing

    def _check_id(self, record: CaseRecord) -> None:
        if not record.case_id.strip():
            raise DeskError(
                str(
                    Problem(
                        "Pflichtangabe fehlt",
                        "Pseudonym (case_id)",
                        hint="Tragen Sie ein Pseudonym oder Aktenzeichen ein, z. B. DD-2027-014 (kein Name).",
                    ).render()
                )
            )

    def _log(self, conn: Connection, action: str, case_id: str) -> None:
        conn.execute(
            "INSERT INTO audit (at, actor, action, case_id) VALUES (?, ?, ?, ?)",
            (_now(), self.actor, action, case_id),
        )

    def _derive(self, conn: Connection, ref: int, summary: Summary, today: dt.date) -> None:
        conn.execute("DELETE FROM deadlines WHERE case_ref = ?", (ref,))
        conn.executemany(
            "INSERT INTO deadlines (case_ref, due, label, pathway, reference) VALUES (?, ?, ?, ?, ?)",
            [(ref, d.due.isoformat(), d.label, d.pathway, d.reference) for d in summary.deadlines],
        )
        nxt = summary.next_deadline
        last = summary.last_contact
        conn.execute(
            "UPDATE cases SET status = ?, last_contact = ?, next_deadline = ?, computed_on = ? WHERE id = ?",
            (
                summary.status,
                last.isoformat() if last else None,
                nxt.isoformat() if nxt else None,
                today.isoformat(),
                ref,
            ),
        )

    def _insert(self, conn: Connection, record: CaseRecord, today: dt.date, action: str) -> None:
        now = _now()
        try:
            ref = conn.insert(
                "INSERT INTO cases (case_id, record, version, created, updated) VALUES (?, ?, 1, ?, ?)",
                (record.case_id, record_json(record), now, now),
            )
        except Duplicate:  # saved at the same moment from another tab
            raise DeskError(
                f"Pseudonym „{record.case_id}“: diesen Fall gibt es schon. Öffnen Sie ihn in der Fallliste "
                "oder wählen Sie ein anderes Pseudonym."
            ) from None
        self._derive(conn, ref, summarise(record, self.rules, today), today)
        self._log(conn, action, record.case_id)

    def create(self, record: CaseRecord, today: dt.date) -> None:
        """Add a new case; refused when the pseudonym is taken."""
        self._check_id(record)
        summary_check = self.get(record.case_id)
        if summary_check is not None:
            raise DeskError(
                f"Pseudonym „{record.case_id}“: diesen Fall gibt es schon. Öffnen Sie ihn in der Fallliste "
                "oder wählen Sie ein anderes Pseudonym."
            )
        with self.transaction() as conn:
            self._insert(conn, record, today, "angelegt")

    def update(self, record: CaseRecord, version: int, today: dt.date, action: str = "geändert") -> int:
        """Replace the case's record if it is still at ``version``; return the new version.

        Raises :class:`StaleCaseError` when someone saved the case in the meantime, so that a stale
        page never overwrites newer data silently.
        """
        self._check_id(record)
        summary = summarise(record, self.rules, today)
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT id, version FROM cases WHERE case_id = ?", (record.case_id,)
            ).fetchone()
            if row is None:
                raise DeskError(f"Pseudonym „{record.case_id}“: diesen Fall gibt es nicht (mehr).")
            if row[1] != version:
                raise StaleCaseError(
                    f"Fall „{record.case_id}“ wurde inzwischen geändert (Stand {row[1]}, Ihre Seite zeigt Stand "
                    f"{version}). Ihre Eingaben wurden nicht gespeichert. Laden Sie den Fall neu und tragen Sie "
                    "die Änderung noch einmal ein."
                )
            conn.execute(
                "UPDATE cases SET record = ?, version = version + 1, updated = ? WHERE id = ?",
                (record_json(record), _now(), row[0]),
            )
            self._derive(conn, row[0], summary, today)
            self._log(conn, action, record.case_id)
        return version + 1

    def add_many(self, records: Iterable[CaseRecord], today: dt.date, action: str = "importiert") -> int:
        """Add new cases in one transaction (the caller has checked the pseudonyms are free)."""
        done = 0
        with self.transaction() as conn:
            for record in records:
                self._insert(conn, record, today, action)
                done += 1
        return done

    def existing(self, case_ids: Iterable[str]) -> set[str]:
        """Which of these pseudonyms are already in the register."""
        wanted = list(dict.fromkeys(case_ids))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                r[0]
                for r in self.conn.execute(f"SELECT case_id FROM cases WHERE case_id IN ({marks})", chunk)
            )
        return found

    def refresh(self, today: dt.date, every: bool = False) -> int:
        """Compute status and deadlines again for every case last computed before ``today`` (or all)."""
        limit = "9999-12-31" if every else today.isoformat()
        stale = self.conn.execute(
            "SELECT id, record FROM cases WHERE computed_on IS NULL OR computed_on < ?", (limit,)
        ).fetchall()
        with self.transaction() as conn:
            for ref, text in stale:
                record = parse_case(json.loads(text))
                self._derive(conn, ref, summarise(record, self.rules, today), today)
        return len(stale)

    # retention, backup

    def expired(self, today: dt.date, years: int) -> list[tuple[str, str]]:
        """Cases whose retention ended before ``today``: (pseudonym, date of the last contact).

        The period runs ``years`` full years after the end of the year of the last contact (the last
        event of the history; for a case without history, the day it was entered).
        """
        out = []
        for case_id, last, created in self.conn.execute(
            "SELECT case_id, last_contact, created FROM cases ORDER BY case_id"
        ):
            contact = dt.date.fromisoformat(last) if last else dt.date.fromisoformat(created[:10])
            if today > dt.date(contact.year + years, 12, 31):
                out.append((case_id, contact.isoformat()))
        return out

    def delete(self, case_ids: Iterable[str], action: str = "gelöscht (Löschfrist abgelaufen)") -> int:
        """Delete these cases (with their deadlines) in one transaction; audit lines keep the pseudonym."""
        done = 0
        with self.transaction() as conn:
            for case_id in case_ids:
                done += conn.change("DELETE FROM cases WHERE case_id = ?", (case_id,))
                self._log(conn, action, case_id)
        return done

    def backup(self, dest: Path) -> None:
        """Copy the database to ``dest`` while the desk runs (SQLite online backup); never over a file.

        The backup of an encrypted desk is encrypted with the same passphrase.
        """
        if dest.exists():
            raise DeskError(
                f"{dest}: die Datei gibt es schon. Wählen Sie einen neuen Namen für die Sicherung."
            )
        if not dest.parent.is_dir():
            raise DeskError(f"{dest}: den Ordner {dest.parent} gibt es nicht.")
        partial = dest.with_name(f".{dest.name}.partial")
        try:
            self.conn.copy_to(partial)
            partial.replace(dest)
        except (OSError, DbFailure) as exc:
            partial.unlink(missing_ok=True)
            text = reason(exc) if isinstance(exc, OSError) else str(exc)
            raise DeskError(f"{dest}: Sicherung kann nicht geschrieben werden ({text}).") from None
        with self.transaction() as conn:
            self._log(conn, f"Sicherung nach {dest.name}", "")

    def restore(self, source: Path) -> None:
        """Replace the register by the backup ``source`` (checked first; the current data stays on error).

        An encrypted desk takes its own encrypted backups and unencrypted ones (encrypted on the way in);
        an unencrypted desk refuses an encrypted backup (start the desk on that file instead).
        """
        if not source.is_file():
            raise DeskError(f"{source}: Sicherung nicht gefunden. Prüfen Sie Pfad und Dateinamen.")
        kind = kind_of(source)
        if kind == "verschluesselt" and not self.encrypted:
            raise DeskError(
                f"{source}: die Sicherung ist verschlüsselt, dieser Schreibtisch nicht. Starten Sie den "
                "Schreibtisch mit einer Kopie dieser Sicherung als --db und ihrer Passphrase."
            )
        try:
            src = open_connection(
                source, self.passphrase if kind == "verschluesselt" else None, readonly=True
            )
            try:
                version = int(src.execute("PRAGMA user_version").fetchone()[0])
                if version < 1 or version > LATEST:
                    raise DeskError(
                        f"{source}: ist keine Sicherung von replicate desk (Schema {version}). Wählen Sie eine "
                        "Datei, die mit „Sicherung“ erstellt wurde."
                    )
                for (text,) in src.execute("SELECT record FROM cases"):
                    parse_case(json.loads(text))
                if self.encrypted and kind == "klar":
                    self._restore_plain(src)
                else:
                    with self._write_lock:
                        self.conn.copy_from(src)
            finally:
                src.close()
        except Locked:
            raise DeskError(
                f"{source}: die Sicherung lässt sich mit der Passphrase dieses Schreibtischs nicht öffnen (andere "
                "Passphrase oder keine Datenbank). Wählen Sie eine Sicherung dieses Schreibtischs."
            ) from None
        except DbFailure as exc:
            raise DeskError(f"{source}: ist keine lesbare Sicherung ({exc}).") from None
        migrate(self.conn)
        with self.transaction() as conn:
            self._log(conn, f"wiederhergestellt aus {source.name}", "")

    def _restore_plain(self, src: Connection) -> None:
        """An unencrypted backup into this encrypted desk: encrypted into a temporary copy first."""
        assert self.passphrase is not None
        staged = self.path.with_name(f".{self.path.name}.wiederherstellen")
        staged.unlink(missing_ok=True)  # left by a crash during an earlier restore
        encrypted_copy(src, staged, self.passphrase)
        try:
            staged_conn = open_connection(staged, self.passphrase, readonly=True)
            try:
                with self._write_lock:
                    self.conn.copy_from(staged_conn)
            finally:
                staged_conn.close()
        finally:
            for leftover in (
                staged,
                staged.with_name(staged.name + "-wal"),
                staged.with_name(staged.name + "-shm"),
            ):
                leftover.unlink(missing_ok=True)
